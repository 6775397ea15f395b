"""The place gazetteer: name look-ups over the compact index, admin1 and country entries."""

from __future__ import annotations

import threading
from typing import Any, Literal, cast

import pycountry

from app.extraction import countries
from app.extraction.geo.index import load_index, place_row
from app.extraction.geo.normalize import consonants, fold, skeleton
from app.extraction.types import Place

PlaceKind = Literal["populated", "site", "admin1", "admin2", "country"]
# ISO codes pycountry lacks (user-assigned or retired) that GeoNames uses.
_EXTRA_COUNTRIES = {"XK": ("XKX", "Kosovo"), "AN": ("ANT", "Netherlands Antilles"), "CS": ("SCG", "Serbia")}


def _country_of(iso2: str) -> tuple[str, str]:
    """(ISO3, ACLED country name) of a GeoNames country code."""
    if iso2 in _EXTRA_COUNTRIES:
        return _EXTRA_COUNTRIES[iso2]
    rec = pycountry.countries.get(alpha_2=iso2)
    if rec is None:
        return "", iso2
    c = countries.by_iso3(rec.alpha_3)
    return rec.alpha_3, c.name if c else getattr(rec, "common_name", rec.name)


class Gazetteer:
    """Loaded once, immutable after construction, safe to share between threads."""

    _shared: Gazetteer | None = None
    _lock = threading.Lock()

    def __init__(self, index: dict[str, Any]) -> None:
        self._places: dict[str, Any] = index["places"]
        self._exact: dict[str, int | tuple[int, ...]] = index["exact"]
        self._loose: dict[str, int | tuple[int, ...]] = index["loose"]
        self._consonants: dict[str, int | tuple[int, ...]] = index["consonants"]
        self._admin1: dict[str, int] = index["admin1"]
        self._cache: dict[int, Place] = {}
        self._admin1_by_country: dict[str, list[int]] = {}
        self._countries: dict[str, tuple[str, str]] = {}
        # first words of all exact keys: lets the tagger skip n-grams that cannot match
        self.first_words: dict[str, int] = index["first_words"]  # word -> most words of a name
        self._admin1_names: dict[str, int] = index["admin1_names"]

    @classmethod
    def load(cls) -> Gazetteer:
        """The process-wide gazetteer (built into the cache on first use)."""
        with cls._lock:
            if cls._shared is None:
                cls._shared = cls(load_index())
            return cls._shared

    def place(self, pid: int) -> Place:
        """The Place for an index id (built once, then cached)."""
        p = self._cache.get(pid)
        if p is None:
            name, iso2, a1, a2, lat, lon, kind, pop, source = place_row(self._places, pid)
            iso3, country = self._countries.get(iso2) or self._countries.setdefault(iso2, _country_of(iso2))
            p = Place(name=name, country=country, iso3=iso3, admin1=a1, admin2=a2, latitude=lat,
                      longitude=lon, kind=cast(PlaceKind, kind), population=pop, source=source)
            self._cache[pid] = p
        return p

    def ids(self, folded: str, loose: bool = True) -> tuple[int, ...]:
        """Place ids for a folded name; the skeleton key is tried when the exact one fails."""
        v = self._exact.get(folded)
        if v is None and loose:
            sk = skeleton(folded)
            if len(sk) >= 5:
                v = self._loose.get(sk)
        if v is None:
            return ()
        return (v,) if isinstance(v, int) else v

    def ids_loose(self, skel: str, loosest: bool = False) -> tuple[int, ...]:
        """Place ids for a skeleton key (see ``normalize.skeleton``), or for its consonants."""
        v = self._consonants.get(consonants(skel)) if loosest else self._loose.get(skel)
        if v is None:
            return ()
        return (v,) if isinstance(v, int) else v

    def lookup(self, name: str) -> list[Place]:
        """All places called ``name`` (any case, accents, transliteration), most populous first."""
        places = [self.place(i) for i in self.ids(fold(name))]
        return sorted(places, key=lambda p: -p.population)

    def admin1_place(self, iso3: str, admin1: str) -> Place | None:
        """The centroid entry of admin1 unit ``admin1`` (ACLED name or alias) of country ``iso3``."""
        iso2 = _iso2(iso3)
        pid = self._admin1_names.get(f"{iso2}\t{fold(admin1)}")
        return self.place(pid) if pid is not None else None

    def admin1_places(self, iso3: str) -> list[Place]:
        """The centroid entries of all admin1 units of country ``iso3``."""
        iso2 = _iso2(iso3)
        if not iso2:
            return []
        if iso2 not in self._admin1_by_country:  # one scan of the table per country
            prefix = f"{iso2}\t"
            self._admin1_by_country[iso2] = [pid for key, pid in self._admin1.items() if key.startswith(prefix)]
        return [self.place(pid) for pid in self._admin1_by_country[iso2]]

    def country_place(self, iso3: str) -> Place | None:
        """The country as a place: its capital's position, admin1 of the capital."""
        c = countries.by_iso3(iso3)
        iso2 = _iso2(iso3)
        if c is None or not iso2:
            return None
        best: Place | None = None
        if c.capital:
            cands = [p for p in self.lookup(c.capital) if p.iso3 == c.iso3 and p.kind == "populated"]
            best = cands[0] if cands else None
        if best is None:
            return None
        return Place(name=c.name, country=c.name, iso3=c.iso3, admin1="", admin2="",
                     latitude=best.latitude, longitude=best.longitude, kind="country", source=best.source)


def _iso2(iso3: str) -> str:
    for code, (i3, _n) in _EXTRA_COUNTRIES.items():
        if i3 == iso3:
            return code
    rec = pycountry.countries.get(alpha_3=iso3.upper())
    return rec.alpha_2 if rec else ""
