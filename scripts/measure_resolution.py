#!/usr/bin/env python3
"""How often resolution links reports of *different* events: a false-merge measure.

usage: python scripts/measure_resolution.py NOTES.jsonl [--limit N]

Each line is one distinct event (an ACLED note: ``text``, ``published_at``, ``gold``). The notes are
coded by the extractor and resolved in publication order with the service's rules
(``app.events.resolution``: ``assign`` against every stored event of the country, fields derived
again after each link), without a database. Every link between two notes is a merge of two events
ACLED keeps apart; the script counts them and says how many of those pairs even ACLED's own fields
(date, sub-event type, admin2, location) cannot tell apart.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.articles.service import _actors_by_role, _event_row  # noqa: E402
from app.events.resolution import Report, assign, derive, site_names  # noqa: E402
from app.extraction import get_extractor  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("notes", type=Path)
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    notes = [json.loads(line) for line in args.notes.read_text(encoding="utf-8").splitlines() if line.strip()]
    notes.sort(key=lambda n: (n.get("published_at") or "", n["id"]))
    if args.limit:
        notes = notes[: args.limit]
    extractor = get_extractor()
    started = time.perf_counter()
    by_country: dict[str, list[Report]] = defaultdict(list)  # stored events, current derived coding
    reports_of: dict[int, list[Report]] = {}
    note_of_event: dict[int, int] = {}
    links: list[tuple[int, int]] = []
    events = 0
    for i, note in enumerate(notes):
        published = date.fromisoformat(note["published_at"]) if note.get("published_at") else None
        extracted = extractor.extract(note["text"], published)
        new = [
            Report(
                values=_event_row(e),
                actors=_actors_by_role(e),
                source_id=i + 1,
                sites=site_names(" ".join(ev.text for ev in e.evidence)),
            )
            for e in extracted
        ]
        events += len(new)
        candidates = [
            [
                c
                for c in by_country[r.values["iso3"]]
                if abs((c.values["event_date"] - r.values["event_date"]).days) <= 31
            ]
            if r.values["iso3"]
            else []
            for r in new
        ]
        resolved = assign(new, candidates)
        for r, target in zip(new, resolved.targets, strict=True):
            if target is None:
                event_id = len(reports_of) + 1
                r.event_id = event_id
                reports_of[event_id] = [r]
                note_of_event[event_id] = i
                if r.values["iso3"]:
                    by_country[r.values["iso3"]].append(r)
                continue
            links.append((note_of_event[target], i))
            reports_of[target].append(r)
            values, actors = derive(reports_of[target])
            stored = next(c for c in by_country[r.values["iso3"]] if c.event_id == target)
            stored.values.update(values)
            stored.actors = actors
            stored.sites = sorted(set(stored.sites) | set(r.sites))
    elapsed = time.perf_counter() - started

    def key(note: dict[str, Any]) -> tuple[str, ...]:
        g = note["gold"]
        return (
            g.get("event_date", ""),
            g.get("sub_event_type", ""),
            g.get("admin2", ""),
            g.get("location", ""),
        )

    alike = sum(1 for a, b in links if key(notes[a]) == key(notes[b]))
    print(f"notes {len(notes)}, events coded {events}, stored after resolution {len(reports_of)}")
    print(
        f"links between different notes (false merges): {len(links)} ({len(links) / max(1, len(notes)):.1%} of notes)"
    )
    print(f"  of which ACLED's date, sub-event type, admin2 and location are identical: {alike}")
    print(f"time {elapsed:.1f} s")
    for a, b in links[:8]:
        print("-", notes[a]["id"], "<-", notes[b]["id"], "|", notes[b]["text"][:110].replace("\n", " "))


if __name__ == "__main__":
    main()
