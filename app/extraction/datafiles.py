"""Reading the engine's knowledge files: tab-separated, ``#`` comments, an optional header row."""

from __future__ import annotations

from pathlib import Path


def read_tsv(path: Path, *, header: bool) -> list[list[str]]:
    """The rows of ``path`` split on tabs, without blank lines, comments and (if ``header``) the
    first remaining row, which names the columns."""
    rows: list[list[str]] = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            rows.append(line.split("\t"))
    return rows[1:] if header else rows
