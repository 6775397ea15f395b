#!/usr/bin/env python3
"""Quality: run `conflict-events extract` on the evaluation sets in ../shared/eval and score them.

usage: python bench/eval.py [--sets somalia,kenya,muc4,cases] [--limit N]
The data are read from ../shared/eval (never copied into this repo); when it is absent the script
says so and exits 0. Prints each scorer's summary and a final table.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = Path(os.environ.get("EVAL_DIR", ROOT.parent / "shared" / "eval"))
CLI = [sys.executable, "-m", "app.cli"]


def extract(inp: Path, out: Path) -> float:
    t0 = time.perf_counter()
    subprocess.run([*CLI, "extract", "--input", str(inp), "--output", str(out), "--no-progress"],
                   check=True, cwd=ROOT)
    return time.perf_counter() - t0


def tail(text: str, n: int) -> str:
    return "\n".join(text.strip().splitlines()[-n:])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sets", default="somalia,kenya,muc4,cases")
    ap.add_argument("--limit", type=int, default=0, help="only the first N lines of each set")
    a = ap.parse_args()
    if not EVAL.is_dir():
        print(f"evaluation data not found at {EVAL}: skipped")
        return 0
    results: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name in a.sets.split(","):
            if name == "cases":
                cases = sorted((EVAL / "cases").glob("*.json"))
                inp, out = Path(tmp) / "cases.in.jsonl", Path(tmp) / "cases.out.jsonl"
                with open(inp, "w") as f:
                    subprocess.run([sys.executable, str(EVAL / "check_cases.py"), "--inputs", *map(str, cases)],
                                   stdout=f, check=True)
                extract(inp, out)
                r = subprocess.run([sys.executable, str(EVAL / "check_cases.py"), str(out), *map(str, cases)],
                                   capture_output=True, text=True)
                print(r.stdout)
                results["cases"] = r.stdout.strip().splitlines()[-1]
                continue
            src = EVAL / "dev" / f"{name}.jsonl"
            if not src.exists():
                continue
            lines = src.read_text(encoding="utf-8").splitlines()
            if a.limit:
                lines = lines[: a.limit]
            inp, out = Path(tmp) / f"{name}.jsonl", Path(tmp) / f"{name}.out.jsonl"
            inp.write_text("\n".join(lines) + "\n", encoding="utf-8")
            secs = extract(inp, out)
            scorer = "score_muc.py" if name == "muc4" else "score.py"
            r = subprocess.run([sys.executable, str(EVAL / scorer), str(inp), str(out)], capture_output=True,
                               text=True, check=True)
            print(f"== {name} ({len(lines)} lines, {secs:.1f} s)\n{r.stdout}")
            results[name] = tail(r.stdout, 1) + f"  ({secs:.1f} s)"
    print("\nsummary")
    for k, v in results.items():
        print(f"  {k:8} {v}")
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
