"""Derive the list of frequent English words that are also GeoNames place names (dev-time only).

ALL-CAPS newswire gives no capitals to tell "VICTORY", "PART" or "RODRIGUEZ" from a place; the
tagger then needs to know which names are ordinary words. This intersects the single-word keys (exact or
loose) of the place index with wordfreq's frequent English words (Zipf >= 3.0, i.e. at least once per million
words), leaving out names of places of a million people or more (Nairobi, Baghdad).

usage: PYTHONPATH=<dir with wordfreq==3.1.1> python scripts/build_common_words.py
writes app/extraction/data/geo/common_words_en.txt. wordfreq data: CC BY-SA 4.0 (Robyn Speer).
"""

from __future__ import annotations

from pathlib import Path

from wordfreq import top_n_list, zipf_frequency

from app.extraction import countries
from app.extraction.geo.index import load_index, place_row
from app.extraction.geo.normalize import fold, skeleton

OUT = Path(__file__).resolve().parents[1] / "app" / "extraction" / "data" / "geo" / "common_words_en.txt"


def main() -> None:
    idx = load_index()
    places = [place_row(idx["places"], i) for i in range(len(idx["places"]["name"]))]
    words = []
    for w in top_n_list("en", 60000):
        if not w.isalpha() or not w.isascii() or len(w) < 3 or zipf_frequency(w, "en") < 3.0:
            continue
        ids = idx["exact"].get(w)
        if ids is None and idx["loose"].get(skeleton(w)) is None:
            continue
        ids = () if ids is None else (ids,) if isinstance(ids, int) else ids
        if countries.lookup(w) is not None or any(places[i][6] == "admin1" for i in ids):
            continue  # country and region names are names, however frequent
        # only places really called so count ("Part" is an alternate name of Perth)
        if any(places[i][7] >= 1_000_000 for i in ids if fold(places[i][0]) == w):
            continue
        words.append(w)
    with OUT.open("w", encoding="utf-8") as f:
        f.write("# Frequent English words that are also place names (derived by scripts/build_common_words.py).\n")
        f.write("# Source: wordfreq 3.1.1 word frequencies (CC BY-SA 4.0, Robyn Speer et al.) x GeoNames\n")
        f.write("# (CC BY 4.0) names. This file is distributed under CC BY-SA 4.0. One word per line.\n")
        for w in sorted(words):
            f.write(w + "\n")
    print(len(words), "words")


if __name__ == "__main__":
    main()
