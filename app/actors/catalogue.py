"""What the extraction library's actor lexicon knows about a canonical actor: aliases, inter, country.

The named-actor lexicon (``app/extraction/data/actors_named.tsv``, written by the extraction team
with its own provenance note) lists each ACLED actor with the phrases news use for it. Stored actors
take their aliases from it, so ``GET /events?actor=`` and ``GET /actors?q=`` also match "HSM" or
"al-Shabab". The file is read by its header's column names; if it is missing or changes shape, actors
are simply stored without aliases.
"""

from __future__ import annotations

import csv
import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

logger = logging.getLogger(__name__)

NAMED_ACTORS = Path(__file__).resolve().parents[1] / "extraction" / "data" / "actors_named.tsv"


@dataclass(frozen=True)
class KnownActor:
    name: str
    inter: int | None
    country: str
    aliases: tuple[str, ...]


@lru_cache(maxsize=1)
def catalogue(path: Path = NAMED_ACTORS) -> dict[str, KnownActor]:
    """Canonical name -> what the lexicon says about it (loaded once)."""
    try:
        lines = [
            ln
            for ln in path.read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#")
        ]
    except OSError:
        logger.info("no actor lexicon at %s: actors are stored without aliases", path)
        return {}
    out: dict[str, KnownActor] = {}
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        name = (row.get("name") or "").strip()
        if not name:
            continue
        try:
            inter: int | None = int(row.get("inter") or "")
        except ValueError:
            inter = None
        # "!" marks a case-sensitive phrase in the lexicon ("!IS"); the alias itself is the rest
        aliases = [a.strip().lstrip("!") for a in (row.get("aliases") or "").split("|")]
        unique = tuple(dict.fromkeys(a for a in aliases if a and a.lower() != name.lower()))
        known = out.get(name)
        if known is not None:  # the same actor listed for several countries: merge the aliases
            unique = tuple(dict.fromkeys(known.aliases + unique))
        out[name] = KnownActor(name, inter, (row.get("country") or "").strip(), unique)
    return out


_STATE_ACTOR = re.compile(
    r"^(?:Military Forces|Police Forces|Government) of (?:the )?(?P<country>.+?)(?: \(\d{4}-\d{0,4}\))?$"
)


@lru_cache(maxsize=4096)
def _state_actor(name: str) -> KnownActor | None:
    """ACLED's state actors ("Military Forces of the United States (2021-)") take the country's
    news names as aliases ("US", "U.S.", "American"), from the extraction library's country table."""
    match = _STATE_ACTOR.match(name)
    if not match:
        return None
    try:
        from app.extraction import countries
    except ImportError:
        return None
    country = countries.lookup(match.group("country"))
    if country is None:
        return None
    aliases = tuple(dict.fromkeys((*country.aliases, *country.demonyms)))
    return KnownActor(name, None, country.name, aliases)


def lookup(name: str) -> KnownActor | None:
    """What the lexicons say about the canonical ``name``, if anything."""
    named, state = catalogue().get(name), _state_actor(name)
    if named and state:  # a state unit listed with its own names: both sets of aliases
        return KnownActor(
            name,
            named.inter,
            named.country or state.country,
            tuple(dict.fromkeys(named.aliases + state.aliases)),
        )
    return named or state
