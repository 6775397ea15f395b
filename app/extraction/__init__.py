"""The extraction engine: article text in, ACLED-style events out.

A pure library (no database, no HTTP). The service and the CLI use only this interface::

    from app.extraction import get_extractor
    events = get_extractor().extract(text, published_at=date(2023, 11, 21))

``get_extractor()`` loads the lexicons and the gazetteer once per process (about a second) and
returns the same thread-safe instance afterwards.
"""

from app.extraction.pipeline import Extractor, get_extractor
from app.extraction.types import Event, Evidence

__all__ = ["Event", "Evidence", "Extractor", "get_extractor"]
