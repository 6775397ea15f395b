"""Name keys for gazetteer look-ups.

``fold`` gives the exact key: accents stripped, lower case, apostrophes dropped, other punctuation
as spaces ("Murang'a" -> "muranga", "Bu’aale" -> "buaale", "Elgeyo-Marakwet" -> "elgeyo marakwet").
``skeleton`` gives a looser key that absorbs the transliteration variants news uses for Somali and
Arabic names: doubled letters (Qoryooley/Qoryoley, Buulo/Bulo), Somali x/kh for h (Xuddur/Hudur),
q/k, dh/d, the word-initial ayn written "c" (Ceel Buur/El Bur, Cadaado/Adado), and spacing
(Ceelbuur/El Buur, Buulo Barde/Buulobarde).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOS = re.compile(r"['’‘`ʼʻ]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_DOUBLE = re.compile(r"(.)\1+")
_C_VOWEL = re.compile(r"^c(?=[aeiou])")


@lru_cache(maxsize=65536)
def fold(s: str) -> str:
    """Exact look-up key: ASCII-folded, lower case, words separated by single spaces."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = _APOS.sub("", s)
    return _NON_ALNUM.sub(" ", s).strip()


@lru_cache(maxsize=65536)
def squeezed(name: str) -> str:
    """A name folded without its spaces, hyphens and apostrophes: "Tinakoff" is "Tin-Akoff"."""
    return fold(name).replace(" ", "")


def skeleton_word(w: str) -> str:
    """Loose key of one folded word (see module docstring)."""
    if w == "al":  # Arabic article: Al Asad / El Asad
        return "el"
    w = _C_VOWEL.sub("", w)
    w = w.replace("kh", "h").replace("x", "h").replace("q", "k").replace("dh", "d")
    w = w.replace("ou", "u").replace("ee", "e")
    return _DOUBLE.sub(r"\1", w)


def skeleton(folded: str) -> str:
    """Loose key of a folded name: word skeletons joined without spaces."""
    return "".join(skeleton_word(w) for w in folded.split())


_VOWEL_RUN = re.compile(r"[aeiouy]+")


@lru_cache(maxsize=65536)
def consonants(skel: str) -> str:
    """Loosest key: a skeleton's consonants and vowel slots, t/d and p/b merged, first letter kept.

    Catches spellings that differ in vowels and voicing only: Bardera/Baardheere, Belet
    Xaawo/Beled Hawo, Bulo Burto/Buulobarde. Used only for capitalised names with a place cue.
    """
    if not skel:
        return ""
    # each run of vowels becomes one placeholder: the syllable pattern stays
    rest = _VOWEL_RUN.sub("v", skel[1:].replace("t", "d").replace("p", "b"))
    return _DOUBLE.sub(r"\1", skel[0].replace("t", "d").replace("p", "b") + rest)
