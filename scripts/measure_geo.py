"""Measure the PLACES stage on the dev notes (dev-time only; reads /work/shared/eval, writes nothing).

For each note: tag + resolve with context = the gold country, take the first resolved mention and
score its admin1 (the scorer's norm_admin + similarity >= 0.8) and whether it lies within 25 km of
the gold position.  usage: python scripts/measure_geo.py [EVAL_DIR]
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from app.extraction import countries
from app.extraction.geo import Gazetteer, Geocoder


def main(eval_dir: str = "/work/shared/eval") -> None:
    sys.path.insert(0, eval_dir)
    from score import km, norm_admin, similar  # the project's scorer

    geo = Geocoder(Gazetteer.load())
    for name in ("somalia", "kenya"):
        rows = [json.loads(line) for line in (Path(eval_dir) / "dev" / f"{name}.jsonl").open(encoding="utf-8")]
        admin1 = near = none = 0
        t = time.process_time()
        for r in rows:
            gold = r["gold"]
            c = countries.lookup(gold["country"])
            resolved = geo.resolve(geo.tag(r["text"]), [c.iso3] if c else [])
            if not resolved:
                none += 1
                continue
            p = resolved[0][1]
            admin1 += similar(norm_admin(p.admin1), norm_admin(gold["admin1"]), 0.8)
            near += km(gold["latitude"], gold["longitude"], p.latitude, p.longitude) <= 25
        n = len(rows)
        ms = 1000 * (time.process_time() - t) / n
        print(f"{name}: n={n} admin1={admin1 / n:.3f} within25km={near / n:.3f} "
              f"no_place={none / n:.3f} cpu_ms_per_note={ms:.2f}")


if __name__ == "__main__":
    main(*sys.argv[1:])
