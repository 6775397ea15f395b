"""Countries under ACLED's names, with the demonyms and aliases news text uses for them.

The table is ``data/countries.tsv`` (loaded once at import). ``lookup`` resolves one string;
``find_countries`` finds every mention of a country name, alias or demonym in a text, in mixed or
upper case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

_DATA = Path(__file__).parent / "data" / "countries.tsv"


@dataclass(frozen=True, slots=True)
class Country:
    """One country: ``name`` is ACLED's spelling ("Democratic Republic of Congo", "United States")."""

    name: str
    iso2: str
    iso3: str
    demonyms: tuple[str, ...]
    aliases: tuple[str, ...]
    capital: str


def _load() -> list[Country]:
    countries: list[Country] = []
    with _DATA.open(encoding="utf-8") as f:
        header_seen = False
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            if not header_seen:
                header_seen = True
                continue
            name, iso2, iso3, capital, dem, al = (line.split("\t") + [""] * 6)[:6]
            countries.append(
                Country(
                    name=name,
                    iso2=iso2,
                    iso3=iso3,
                    demonyms=tuple(d for d in dem.split("|") if d),
                    aliases=tuple(a for a in al.split("|") if a),
                    capital=capital,
                )
            )
    return countries


def _plurals(demonym: str) -> list[str]:
    # "Kenyans", "Iraqis", "Somalis"; "Chinese", "French", "Swiss" take no plural s.
    if demonym[-1:] in ("n", "i") or demonym.endswith(("Croat", "Serb", "Pole", "Dane", "Swede", "Finn")):
        return [demonym + "s"]
    return []


def _is_case_sensitive(term: str) -> bool:
    """Acronyms ("US", "DRC", "U.S.") must keep their capitals so that "us" is not the United States."""
    letters = [c for c in term if c.isalpha()]
    return bool(letters) and len(letters) <= 5 and all(c.isupper() for c in letters)


# Acronyms that are also ordinary words: in ALL-CAPS text only their dotted form is trusted.
_WORD_ACRONYMS = {"US", "CAR", "ROK", "PRC"}

COUNTRIES: tuple[Country, ...] = tuple(_load())
_BY_KEY: dict[str, Country] = {}
_BY_ISO3: dict[str, Country] = {c.iso3: c for c in COUNTRIES}
_TERM: dict[str, Country] = {}  # surface form -> country, for text search

for _c in COUNTRIES:
    _BY_KEY.setdefault(_c.name.casefold(), _c)
    _TERM.setdefault(_c.name, _c)
for _c in COUNTRIES:
    for _a in _c.aliases:
        _BY_KEY.setdefault(_a.casefold(), _c)
        _TERM.setdefault(_a, _c)
for _c in COUNTRIES:
    for _d in _c.demonyms:
        for _form in [_d, *_plurals(_d)]:
            _BY_KEY.setdefault(_form.casefold(), _c)
            _TERM.setdefault(_form, _c)
for _c in COUNTRIES:
    _BY_KEY.setdefault(_c.iso3.casefold(), _c)
for _c in COUNTRIES:
    _BY_KEY.setdefault(_c.iso2.casefold(), _c)
_BY_KEY.update({k.replace("'", "’"): v for k, v in list(_BY_KEY.items()) if "'" in k})


def _alternation(terms: list[str]) -> str:
    return "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))


_CI_TERMS = [t for t in _TERM if not _is_case_sensitive(t)]
_CS_TERMS = [t for t in _TERM if _is_case_sensitive(t)]
_CI_RE = re.compile(r"(?<![\w.])(?:" + _alternation(_CI_TERMS) + r")(?![\w])", re.IGNORECASE)
_CS_RE = re.compile(r"(?<![\w.])(?:" + _alternation(_CS_TERMS) + r")(?![\w])")
_CS_UPPER_RE = re.compile(
    r"(?<![\w.])(?:" + _alternation([t for t in _CS_TERMS if t not in _WORD_ACRONYMS]) + r")(?![\w])"
)
_TERM_CF: dict[str, Country] = {}
for _t, _c in _TERM.items():
    _TERM_CF.setdefault(_t.casefold(), _c)


def lookup(s: str) -> Country | None:
    """The country a name, alias, demonym, ISO2 or ISO3 code denotes (case-insensitive), or None."""
    return _BY_KEY.get(" ".join(s.split()).casefold())


def by_iso3(code: str) -> Country | None:
    """The country with ISO 3166 alpha-3 ``code`` (e.g. "SOM"), or None."""
    return _BY_ISO3.get(code.upper())


def is_upper_text(text: str) -> bool:
    """True for ALL-CAPS text (old newswire): most letters are capitals."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def find_countries(text: str) -> list[tuple[int, int, Country]]:
    """Mentions ``(start, end, country)`` of country names, aliases and demonyms, sorted by start.

    In mixed-case text a name must start with a capital ("Chad", not "chad") and acronyms must be
    all capitals ("US", not "us"). Overlaps are resolved in favour of the longest mention.
    """
    upper = is_upper_text(text)
    found: list[tuple[int, int, Country]] = []
    for m in _CI_RE.finditer(text):
        s = m.group(0)
        if not upper and s[0].islower() and s not in _TERM:
            continue
        c = _TERM_CF.get(s.casefold())
        if c is not None:
            found.append((m.start(), m.end(), c))
    for m in (_CS_UPPER_RE if upper else _CS_RE).finditer(text):
        found.append((m.start(), m.end(), _TERM[m.group(0)]))
    found.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    out: list[tuple[int, int, Country]] = []
    last_end = -1
    for start, end, c in found:
        if start >= last_end:
            out.append((start, end, c))
            last_end = end
    return out
