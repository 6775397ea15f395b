"""Sentence splitting that keeps offsets into the original text.

News text arrives with headlines, datelines, abbreviations ("U.S.", "Gen.", "Lt. Col."), initials
and paragraphs without final punctuation; all of these must not cut or merge sentences wrongly.
"""

from __future__ import annotations

import re

from app.extraction.types import Sentence

ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "gen", "col", "lt", "sgt", "capt", "cpt", "maj", "cmdr", "adm", "brig",
    "gov", "sen", "rep", "pres", "prof", "rev", "st", "mt", "ft", "no", "nos", "vol", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "km", "approx", "inc",
    "ltd", "co", "corp", "dept", "est", "fig", "vs", "etc", "al", "e.g", "i.e", "a.m", "p.m", "u.s",
    "u.n", "u.k", "jr", "sr", "hon", "supt", "insp", "cpl", "pvt",
}
# a candidate boundary: end punctuation, optional closing quote/bracket, whitespace, then a capital,
# digit or opening quote; or a blank line; or a single newline before a capitalised line
_BOUNDARY = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n\s*\n|\n(?=[A-Z\[])"
                       # a clause that reports another event: "..., and a separate strike on Gaza City killed
                       # eight"; "...; separately, ..."
                       r"|(?<=[,;])\s+(?=(?i:(?:and\s+|while\s+|but\s+)?(?:a|another)\s+(?:separate|second)\s+(?:[\w-]+\s+)?"
                       r"(?:attack|strike|airstrike|air\s+strike|drone\s+strike|bombing|blast|explosion|raid|clash|"
                       r"incident|ambush|shelling))\b)|(?<=;)\s+(?=(?i:separately|meanwhile|elsewhere)\b)")


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text``; each keeps its offsets (``text[s.start:s.end] == s.text``)."""
    out: list[Sentence] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.start()
        chunk = text[start:end]
        if chunk and text[end - 1 : end] == "." and m.group(0).strip(" \t") == m.group(0).strip():
            # a period: make sure it does not end an abbreviation or an initial
            word = re.search(r"([A-Za-z.]+)\.$", chunk)
            if word:
                w = word.group(1).lower()
                if w in ABBREVIATIONS or len(w) == 1 or re.fullmatch(r"(?:[a-z]\.)+[a-z]", w):
                    nxt = text[m.end() : m.end() + 20]
                    # "U.S. forces" continues; "... by the U.S. The next day" would end, but
                    # a lower-case-looking continuation is the common case
                    if w not in {"u.s", "u.n", "u.k"} or not re.match(r"(?:The|A|An|In|On|It|He|She|They)\b", nxt):
                        continue
        _add(out, text, start, end)
        start = m.end()
    _add(out, text, start, len(text))
    return out


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, text[start:end]))
