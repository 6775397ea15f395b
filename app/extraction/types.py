"""Typed contracts between the extraction stages.

Every stage returns mentions that keep the character span (``start``/``end`` into the original
document text) they were read from, so the assembled events can show their evidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

ActorRole = Literal["actor1", "assoc_actor_1", "actor2", "assoc_actor_2"]


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of the document: ``text == document[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class TimeMention:
    """A time expression and the day it denotes.

    ``anchor`` says what the expression is relative to: ``absolute`` dates and ``report``-relative
    ones ("yesterday", "on Tuesday") are resolved already; ``previous`` ones ("24 hours earlier",
    "the next day") carry ``offset_days`` and must be re-resolved against the event described just
    before (``date`` holds the resolution against the report date as a fallback).
    ``precision`` is ACLED's time_precision: 1 day, 2 week, 3 month.
    """

    start: int
    end: int
    text: str
    date: date
    precision: int = 1
    anchor: Literal["absolute", "report", "previous"] = "absolute"
    offset_days: int | None = None
    # True for times that frame the report rather than an event: datelines, "since October".
    background: bool = False
    # the day a statement was made ("the militia said on Monday it had captured the town"): background, but
    # the latest the deed it reports can have happened
    statement: bool = False


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry, already carrying ACLED's administrative names."""

    name: str
    country: str  # ACLED's country name, e.g. "Somalia", "Democratic Republic of Congo"
    iso3: str
    admin1: str  # "" for a country-level entry
    admin2: str
    latitude: float
    longitude: float
    kind: Literal["populated", "site", "admin1", "admin2", "country"] = "populated"
    population: int = 0
    source: str = "geonames"  # provenance: geonames / supplement / dump


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place name found in the text with its candidate gazetteer entries (best first)."""

    start: int
    end: int
    text: str
    candidates: tuple[Place, ...]
    # the relation the text states: "in" (at the place), "near" (near/outside/km from it) or
    # "region" (the name is an admin unit / region).
    relation: Literal["in", "near", "region"] = "in"


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor reference normalised to ACLED's naming convention."""

    start: int
    end: int
    text: str
    name: str  # e.g. "Military Forces of Kenya (2013-)", "Al Shabaab", "Civilians (Somalia)"
    inter: int  # ACLED inter code 1-8 (1 state forces ... 7 civilians, 8 external/other forces)
    country: str = ""  # the country the actor belongs to, when known
    kind: str = ""  # state, police, rebel, political_militia, identity_militia, rioters,
    #                 protesters, civilians, external, unidentified
    generic: bool = False  # "gunmen", "security forces": needs the country to be named fully


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A casualty figure: ``count`` people ``outcome`` (killed / injured / abducted / arrested)."""

    start: int
    end: int
    text: str
    count: int
    outcome: Literal["killed", "injured", "abducted", "arrested"]
    who: str = ""  # civilians, militants, soldiers, ... when stated


@dataclass(slots=True)
class Evidence:
    """A sentence that supports an event, with its offsets in the article."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Event:
    """One coded event with ACLED's field names (plus injuries, confidence and evidence)."""

    event_date: date
    time_precision: int
    disorder_type: str
    event_type: str
    sub_event_type: str
    actor1: str
    assoc_actor_1: str = ""
    inter1: int = 0
    actor2: str = ""
    assoc_actor_2: str = ""
    inter2: int = 0
    interaction: int = 0
    civilian_targeting: str = ""  # "Civilian targeting" or ""
    country: str = ""
    iso3: str = ""
    admin1: str = ""
    admin2: str = ""
    location: str = ""
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int = 3
    fatalities: int = 0
    injuries: int = 0
    notes: str = ""
    confidence: float = 0.5
    evidence: list[Evidence] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        """The flat JSON form used by the CLI and the API."""
        d = {k: getattr(self, k) for k in self.__dataclass_fields__ if k != "evidence"}
        d["event_date"] = self.event_date.isoformat()
        d["evidence"] = [{"start": e.start, "end": e.end, "text": e.text} for e in self.evidence]
        return d
