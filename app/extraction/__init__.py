"""The extraction engine: article text in, ACLED-style events out.

A pure library (no database, no HTTP). The service and the CLI use only this interface::

    from app.extraction import get_extractor
    events = get_extractor().extract(text, published_at=date(2023, 11, 21))

``get_extractor()`` loads the lexicons and the gazetteer once per process (about a second) and
returns the same thread-safe instance afterwards. The stages are imported lazily so that one stage
module can be imported (and tested) without loading the others.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.extraction.pipeline import Extractor, get_extractor
    from app.extraction.types import Event, Evidence

__all__ = ["Event", "Evidence", "Extractor", "get_extractor"]


def __getattr__(name: str) -> Any:
    if name in ("Extractor", "get_extractor"):
        from app.extraction import pipeline

        return getattr(pipeline, name)
    if name in ("Event", "Evidence"):
        from app.extraction import types

        return getattr(types, name)
    raise AttributeError(name)
