"""Countries under ACLED's names, with the demonyms and aliases news text uses for them.

The table is ``data/countries.tsv`` (loaded once at import). ``lookup`` resolves one string;
``find_countries`` finds every mention of a country name, alias or demonym in a text, in mixed or
upper case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Generic, TypeVar

from app.extraction.datafiles import read_tsv

T = TypeVar("T")

_DATA = Path(__file__).parent / "data" / "countries.tsv"
_CUES = Path(__file__).parent / "data" / "country_cues.tsv"

_TOKEN = re.compile(r"\w+|[^\w\s]")
Token = tuple[int, int, str]  # start, end, casefolded text (curly apostrophes made straight)


@lru_cache(maxsize=64)  # one text is tokenised by several stages: do it once (callers only read)
def tokenize(text: str) -> list[Token]:
    """Word and punctuation tokens with their offsets, casefolded for dictionary look-ups."""
    folded = text.casefold().replace("’", "'")
    if len(folded) == len(text):  # the usual case: offsets in the folded text are the text's
        return [(*m.span(), m.group()) for m in _TOKEN.finditer(folded)]
    return [(m.start(), m.end(), m.group(0).casefold().replace("’", "'")) for m in _TOKEN.finditer(text)]


class PhraseIndex(Generic[T]):
    """Multi-word phrases looked up token by token: far faster than one large regex alternation.

    ``find`` returns every (overlapping) occurrence; callers decide about case and overlaps.
    Also used by the actors stage.
    """

    def __init__(self) -> None:
        self._phrases: dict[tuple[str, ...], list[tuple[str, T]]] = {}
        self._prefixes: set[tuple[str, ...]] = set()

    def add(self, phrase: str, value: T) -> None:
        key = tuple(t for _, _, t in tokenize(phrase))
        if not key:
            return
        self._phrases.setdefault(key, []).append((phrase, value))
        for i in range(1, len(key) + 1):
            self._prefixes.add(key[:i])

    def find(self, tokens: list[Token]) -> list[tuple[int, int, str, T]]:
        """``(start, end, phrase as written in the data, value)`` for every occurrence."""
        out: list[tuple[int, int, str, T]] = []
        prefixes, phrases = self._prefixes, self._phrases
        n = len(tokens)
        for i in range(n):
            key: tuple[str, ...] = (tokens[i][2],)
            j = i
            while key in prefixes:
                hits = phrases.get(key)
                if hits:
                    for phrase, value in hits:
                        out.append((tokens[i][0], tokens[j][1], phrase, value))
                j += 1
                if j >= n:
                    break
                key = (*key, tokens[j][2])
        return out


@dataclass(frozen=True, slots=True)
class Country:
    """One country: ``name`` is ACLED's spelling ("Democratic Republic of Congo", "United States")."""

    name: str
    iso2: str
    iso3: str
    demonyms: tuple[str, ...]
    aliases: tuple[str, ...]
    capital: str
    neighbours: tuple[str, ...] = ()  # ISO2 codes of the countries it borders


def _load() -> list[Country]:
    countries: list[Country] = []
    for row in read_tsv(_DATA, header=True):
        name, iso2, iso3, capital, dem, al, nb = (row + [""] * 7)[:7]
        countries.append(
            Country(
                name=name,
                iso2=iso2,
                iso3=iso3,
                demonyms=tuple(d for d in dem.split("|") if d),
                aliases=tuple(a for a in al.split("|") if a),
                capital=capital,
                neighbours=tuple(n for n in nb.split("|") if n),
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
    # "Kenyas", "Somalias": a possessive whose apostrophe was lost (never a plural of a country)
    if " " not in _c.name and _c.name[-1] in "aeiou":
        _TERM.setdefault(_c.name + "s", _c)
for _c in COUNTRIES:
    _BY_KEY.setdefault(_c.iso3.casefold(), _c)
for _c in COUNTRIES:
    _BY_KEY.setdefault(_c.iso2.casefold(), _c)
_BY_KEY.update({k.replace("'", "’"): v for k, v in list(_BY_KEY.items()) if "'" in k})


# Phrases that contain a country word but denote something else (a region, a US state) or another
# country: they shadow the shorter match ("Latin America" is not the United States).
_SHADOWS: dict[str, str | None] = {
    "Latin America": None, "Latin American": None, "Latin Americans": None, "South America": None,
    "South American": None, "Central America": None, "Central American": None, "North America": None,
    "North American": None, "African American": None, "Native American": None, "Native Americans": None,
    "New Mexico": None, "New Jersey": None, "New Guinea": None, "Georgia Tech": None,
    "Niger Delta": "Nigeria", "Niger State": "Nigeria", "Congo River": None, "Lake Chad": None,
    "Chad Basin": None, "Gulf of Guinea": None, "Gulf of Mexico": None, "Jordan River": None,
    "Jordan Valley": None, "Turkey Creek": None, "Sudan People's Liberation": None, "Americas": None,
}
_INDEX: PhraseIndex[Country | None] = PhraseIndex()
for _t, _c in _TERM.items():
    _INDEX.add(_t, _c)
for _t, _target in _SHADOWS.items():
    _INDEX.add(_t, _BY_KEY.get(_target.casefold()) if _target else None)


def _load_cues() -> PhraseIndex[Country]:
    index: PhraseIndex[Country] = PhraseIndex()
    for row in read_tsv(_CUES, header=True):
        cues, name = (row + [""] * 2)[:2]
        country = _BY_KEY[name.casefold()]  # a misspelt country in the table is a bug: fail loudly
        for cue in cues.split("|"):
            index.add(cue, country)
            if cue[0].isupper() and cue[-1].isalpha() and not _is_case_sensitive(cue):
                index.add(cue + "s", country)  # "Kenyattas": a possessive without its apostrophe
    return index


_CUE_INDEX = _load_cues()


def lookup(s: str) -> Country | None:
    """The country a name, alias, demonym, ISO2 or ISO3 code denotes (case-insensitive), or None."""
    return _BY_KEY.get(" ".join(s.split()).casefold())


def by_iso3(code: str) -> Country | None:
    """The country with ISO 3166 alpha-3 ``code`` (e.g. "SOM"), or None."""
    return _BY_ISO3.get(code.upper())


_ISO2_TO_ISO3 = {c.iso2: c.iso3 for c in COUNTRIES}


def neighbours(iso3: str) -> set[str]:
    """ISO3 codes of the countries bordering ``iso3`` ("KEN" -> ETH, TZA, SSD, SOM, UGA)."""
    c = _BY_ISO3.get(iso3)
    return {_ISO2_TO_ISO3[n] for n in c.neighbours if n in _ISO2_TO_ISO3} if c else set()


_UPPER = re.compile(r"[A-ZÀ-ÖØ-Þ]")
_LOWER = re.compile(r"[a-zß-öø-ÿ]")


@lru_cache(maxsize=64)
def is_upper_text(text: str) -> bool:
    """True for ALL-CAPS text (old newswire): most letters are capitals."""
    n_upper = len(_UPPER.findall(text))
    n_lower = len(_LOWER.findall(text))
    return n_upper > 0 and n_upper >= 4 * n_lower


def _matches(index: PhraseIndex[T], text: str, tokens: list[Token] | None) -> list[tuple[int, int, T]]:
    """Occurrences of ``index``'s phrases under the case rules of ``find_countries``, longest first
    where they overlap."""
    upper = is_upper_text(text)
    found: list[tuple[int, int, T]] = []
    for start, end, term, value in index.find(tokens if tokens is not None else tokenize(text)):
        said = text[start:end]
        if _is_case_sensitive(term):
            if "".join(said.split()) != "".join(term.split()) or (upper and term in _WORD_ACRONYMS):
                continue
        elif not upper and said[0].islower() and not term[0].islower():
            continue
        found.append((start, end, value))
    found.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    out: list[tuple[int, int, T]] = []
    last_end = -1
    for start, end, value in found:
        if start >= last_end:
            out.append((start, end, value))
            last_end = end
    return out


def find_countries(text: str, tokens: list[Token] | None = None) -> list[tuple[int, int, Country]]:
    """Mentions ``(start, end, country)`` of country names, aliases and demonyms, sorted by start.

    In mixed-case text a name must start with a capital ("Chad", not "chad") and acronyms must be
    all capitals ("US", not "us"); in ALL-CAPS text acronyms that are also words ("US") are skipped.
    Overlaps are resolved in favour of the longest mention. ``tokens`` may pass ``tokenize(text)``.
    """
    return [(s, e, c) for s, e, c in _matches(_INDEX, text, tokens) if c is not None]


def find_cues(text: str, tokens: list[Token] | None = None) -> list[tuple[int, int, Country]]:
    """Words that point to one country without naming it (data/country_cues.tsv): its institutions,
    parties, leaders, administrative terms, currency ("IEBC", "Kibaki", "sub-county", "KSh")."""
    return _matches(_CUE_INDEX, text, tokens)
