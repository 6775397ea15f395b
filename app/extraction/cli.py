"""``conflict-events extract``: JSONL in, JSONL out (the evaluation contract), or one text readably.

Input lines: ``{"id", "text", "published_at"?}`` (other keys ignored). Output: one line per input
line, in order, ``{"id", "events": [...]}``; a line that fails gets ``{"id", "error"}`` and the batch
goes on. ``-`` means stdin / stdout. A progress bar is shown when stderr is a terminal.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import IO, Any


def add_extract_command(subparsers: Any) -> None:
    """Register ``extract`` on an argparse sub-parser collection."""
    p = subparsers.add_parser(
        "extract",
        help="code events from texts (JSONL in, JSONL out) without storing them",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--input", "-i", help="JSONL file of {id, text, published_at?}; '-' for stdin")
    src.add_argument("--text", "-t", help="one text to code; the events are printed readably")
    p.add_argument("--output", "-o", default="-", help="JSONL output file; '-' for stdout (default)")
    p.add_argument("--published-at", help="report date (YYYY-MM-DD) for --text; default today")
    p.add_argument("--no-progress", action="store_true", help="never show a progress bar")
    p.set_defaults(func=run_extract)


def _parse_date(value: object) -> date | None:
    if value in (None, ""):
        return None
    return date.fromisoformat(str(value)[:10])


def run_extract(args: argparse.Namespace) -> int:
    from app.extraction import get_extractor

    extractor = get_extractor()
    if args.text is not None:
        published = _parse_date(args.published_at)
        events = extractor.extract(args.text, published)
        if not events:
            print("no events")
        for i, e in enumerate(events, 1):
            d = e.to_dict()
            print(f"#{i} {d['event_date']} {d['sub_event_type']} ({d['event_type']})")
            for k in ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "country", "admin1", "location",
                      "latitude", "longitude", "geo_precision", "fatalities", "injuries", "confidence"):
                if d.get(k) not in ("", None):
                    print(f"   {k:14} {d[k]}")
            for ev in e.evidence:
                print(f"   evidence [{ev.start}:{ev.end}] {ev.text[:160]}")
        return 0

    fin: IO[str] = sys.stdin if args.input == "-" else open(args.input, encoding="utf-8")  # noqa: SIM115
    fout: IO[str] = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")  # noqa: SIM115
    bar = None
    if not args.no_progress and sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(unit=" texts", file=sys.stderr)
    failures = 0
    try:
        for lineno, line in enumerate(fin, 1):
            if not line.strip():
                continue
            row_id: object = None
            try:
                row = json.loads(line)
                if not isinstance(row, dict):
                    raise ValueError("each line must be a JSON object")
                row_id = row.get("id", lineno)
                text = row.get("text")
                if not isinstance(text, str):
                    raise ValueError("'text' must be a string")
                events = extractor.extract(text, _parse_date(row.get("published_at")))
                out: dict[str, object] = {"id": row_id, "events": [e.to_dict() for e in events]}
            except Exception as exc:  # one bad line must not stop the batch
                failures += 1
                out = {"id": row_id if row_id is not None else lineno, "error": f"{type(exc).__name__}: {exc}"}
            fout.write(json.dumps(out, ensure_ascii=False) + "\n")
            if bar is not None:
                bar.update(1)
    finally:
        if bar is not None:
            bar.close()
        if fin is not sys.stdin:
            fin.close()
        if fout is not sys.stdout:
            fout.close()
        else:
            fout.flush()
    if failures:
        print(f"{failures} line(s) failed; see their 'error' fields", file=sys.stderr)
    return 0
