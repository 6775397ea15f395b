"""Runs the stages in order and assembles their mentions into events."""

from __future__ import annotations

import threading
from datetime import date

from app.extraction.types import Event


class Extractor:
    """Holds the loaded stages; ``extract`` is pure and safe to call from many threads."""

    def __init__(self) -> None:
        pass

    def extract(self, text: str, published_at: date | None = None) -> list[Event]:
        """Code the events reported in ``text`` (published on ``published_at``, default today)."""
        raise NotImplementedError("assembly is being written")


_lock = threading.Lock()
_instance: Extractor | None = None


def get_extractor() -> Extractor:
    """The process-wide extractor, loaded on first use."""
    global _instance
    with _lock:
        if _instance is None:
            _instance = Extractor()
        return _instance
