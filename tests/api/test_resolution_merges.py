"""Merging duplicates while an article is stored: a source that keeps two events apart keeps them
apart after one of them absorbed the other's duplicate (found by bench.ingest at 1M events: two
stored events with one source, both absorbed by one survivor, failed the request with a 500 on
``uq_event_source_span``)."""

from __future__ import annotations

from datetime import date
from typing import Any

from app.events.resolution import Report, assign


def _report(event_id: int | None = None, **values: Any) -> Report:
    base: dict[str, Any] = {
        "event_date": date(2024, 3, 3),
        "time_precision": 1,
        "sub_event_type": "Attack",
        "iso3": "SOM",
        "admin1": "Lower Juba",
        "admin2": "Kismaayo",
        "latitude": -0.3582,
        "longitude": 42.5454,
        "geo_precision": 1,
    }
    base.update(values)
    actors = {"actor1": ["Al Shabaab"], "actor2": ["Civilians (Somalia)"]}
    return Report(values=base, actors=actors, event_id=event_id)


def test_a_survivor_does_not_absorb_two_events_one_source_keeps_apart() -> None:
    new = _report()
    survivor, first, second = _report(3), _report(9, latitude=-0.3583), _report(12, latitude=-0.3584)
    # events 9 and 12 share source 5: they are two events of one article
    resolved = assign([new], [[survivor, first, second]], {3: [1], 9: [5], 12: [5, 6]})
    assert resolved.targets == [3]
    assert resolved.merges == {3: [9]}
    # without the shared source both are duplicates of event 3
    resolved = assign([new], [[survivor, first, second]], {3: [1], 9: [5], 12: [6]})
    assert resolved.merges == {3: [9, 12]}
