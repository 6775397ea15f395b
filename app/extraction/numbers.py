"""Quantities as news writes them: digits, number words and ACLED's vague amounts.

ACLED's fatality rules for vague amounts: "several", "many", "multiple", "an unknown number" → 3;
"dozens" → 12; "hundreds" → 100; "scores" → 20 (two "scores" at least, read as a low 20).
"""

from __future__ import annotations

import re

UNITS = {
    "zero": 0, "no": 0, "one": 1, "a": 1, "an": 1, "single": 1, "lone": 1, "two": 2, "both": 2,
    "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "a dozen": 12, "dozen": 12, "couple": 2,
    "a couple of": 2, "a pair of": 2, "twin": 2, "half a dozen": 6,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
VAGUE = {
    "several": 3, "many": 3, "multiple": 3, "some": 3, "numerous": 3, "a number of": 3,
    "an unknown number of": 3, "unknown number of": 3, "an unspecified number of": 3,
    "unspecified number of": 3, "unspecified": 3, "a few": 3, "few": 3, "various": 3,
    "dozens of": 12, "dozens": 12, "scores of": 20, "hundreds of": 100, "hundreds": 100,
    "thousands of": 1000, "a handful of": 3, "countless": 3, "unknown": 3,
}

_word_number = (  # noqa: used by casualties

    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|"
    r"six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
    r"(?:\s+(?:hundred|thousand))?"
)
# one quantity; longest alternatives first
QUANTITY = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+"
    r"|" + _word_number +
    r"|an?\s+hundred|an?\s+thousand|half\s+a\s+dozen|a\s+dozen|two\s+dozen|a\s+couple\s+of|a\s+pair\s+of|a\s+handful\s+of"
    r"|an?\s+unknown\s+number\s+of|an?\s+unspecified\s+number\s+of|unknown\s+number\s+of|a\s+number\s+of"
    r"|unspecified|dozens\s+of|dozens|scores\s+of|hundreds\s+of|thousands\s+of|several|many|multiple"
    r"|numerous|a\s+few|some|both|an?|one)"
)
QUANTITY_RE = re.compile(r"\b" + QUANTITY + r"\b", re.IGNORECASE)
# modifiers that keep the figure: "at least 5", "more than 10" (ACLED: the lowest credible figure)
MODIFIER = (
    r"(?:(?:at\s+least|at\s+most|more\s+than|over|about|around|nearly|almost|approximately|up\s+to|"
    r"as\s+many\s+as|some|roughly|an\s+estimated|estimated|close\s+to|a\s+total\s+of|another|"
    r"an\s+additional|additional|the|other|further)\s+)*"
)


def parse_quantity(s: str) -> int | None:
    """The integer a quantity phrase denotes ("21", "twenty-one", "two dozen", "several")."""
    t = re.sub(r"[\s-]+", " ", s.strip().lower())
    if not t:
        return None
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", t):
        return int(t.replace(",", ""))
    if t in VAGUE:
        return VAGUE[t]
    if t in UNITS:
        return UNITS[t]
    if t == "two dozen":
        return 24
    words = t.split()
    total, current = 0, 0
    for w in words:
        if w in UNITS:
            current += UNITS[w]
        elif w in TENS:
            current += TENS[w]
        elif w == "hundred":
            current = max(current, 1) * 100
        elif w == "thousand":
            total += max(current, 1) * 1000
            current = 0
        else:
            return None
    return total + current

# a figure written out ("12 bodies", "twelve", "dozens"), as against a bare plural ("women and children were among the dead")
WRITTEN_FIGURE = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?)\b",
                            re.IGNORECASE)
