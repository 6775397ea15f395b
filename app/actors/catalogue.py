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


def lookup(name: str) -> KnownActor | None:
    """The lexicon's entry for the canonical ``name``, if it has one."""
    return catalogue().get(name)
