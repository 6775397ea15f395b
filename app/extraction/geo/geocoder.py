"""Place tagging (names in text with gazetteer candidates) and resolution (one place per mention).

Tagging looks up token n-grams (longest first) in the gazetteer's folded-name dictionary. What
separates a place name from a capitalised word is read from the text: capitals in mixed-case text,
cue words ("in", "near", "village of", "X district"), a stop list of common words, population.
Resolution ranks candidates by the country context, the kind of mention, proximity to the other
places named in the same text, and population.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from app.extraction import countries
from app.extraction.geo.gazetteer import Gazetteer
from app.extraction.geo.index import DATA_DIR
from app.extraction.geo.normalize import fold, skeleton_word, squeezed
from app.extraction.types import Place, PlaceMention

Relation = Literal["in", "near", "region"]
MAX_NGRAM = 6
MAX_CANDIDATES = 25
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_POSSESSIVE = re.compile(r"['’][sS]$")
# what may stand between the words of one name: spaces, a hyphen, " - " (ACLED's "Mogadishu - Hodan")
_JOINER = re.compile(r"^(?:[ \t]{1,2}|-|[ \t]-[ \t]|[ \t]–[ \t])$")
# words that may be lower case inside a name ("Bosaso port" is not one, "Lago de Izabal" is)
_CONNECTORS = {"de", "del", "la", "las", "los", "el", "al", "da", "do", "dos", "das", "y", "of",
               "the", "bin", "ibn", "di", "du", "des", "le", "en", "an", "ad", "as", "ash", "ar", "az"}
_BEFORE_IN = {"in", "at", "inside", "into", "from", "to", "toward", "towards", "via", "and", "through",
              "across", "entered", "captured", "seized", "stormed", "raided", "attacked", "besieged",
              "reached", "shelled"}
_BEFORE_NEAR = {"near", "outside", "nearby", "around", "outskirts", "vicinity", "close", "between",
                "of", "off", "approaching", "beyond"}
_SETTLEMENT = {"village", "town", "city", "hamlet", "settlement", "neighbourhood", "neighborhood", "island",
               "locality", "suburb", "estate", "camp", "base", "port", "airport", "market", "junction"}
_LAST_IN_BRACKETS = re.compile(r"\s*\)")
_UNIT_LISTED = re.compile(r"\b(?:municipality|district|county|province|department|prefecture|cercle|commune|township|"
                          r"payam|kebele|woreda|sub-?county|subdivision|division|territory|locality|town|village|city)\s*,\s*$",
                          re.IGNORECASE)
_LIST_IN_BRACKETS = re.compile(r"\([^()]*,\s*$")
_REGION = {"region", "county", "province", "district", "governorate", "department", "departamento",
           "state", "division", "prefecture", "municipality", "sub", "subcounty", "subdivision", "constituency",
           "ward", "oblast", "wilaya", "zone"}
# "Maseno University", "Bomet Governor", "Kilgoris Boys": a place name before an institution
_FACILITY = {"university", "college", "school", "academy", "hospital", "stadium", "market", "prison",
             "airport", "airstrip", "township", "governor", "municipal", "municipality", "bridge",
             "mosque", "church", "court", "boys", "girls", "secondary", "primary", "technical",
             "polytechnic", "police", "station", "barracks", "garrison", "hotel", "stage", "bus",
             "residents", "youths", "youth", "traders", "farmers", "students", "mp", "mca", "senator",
             "council", "assembly", "law", "courts", "high", "town", "city", "village", "county",
             "district", "region", "province", "department", "road", "highway", "junction", "port"}
# words that may precede a place name and stay outside it ("Lake Naivasha", "Mt Elgon", "Greater Mogadishu")
_PREFIX_OK = {"lake", "mount", "mt", "river", "camp", "port", "fort", "greater", "central", "north",
              "south", "east", "west", "northern", "southern", "eastern", "western", "upper", "lower",
              "downtown", "rural", "urban", "outer", "inner"}
# a place name (or a list of them) right before these words names an actor, not a location:
# "Jubaland security forces", "Sool, Sanaag and Cayn militia", "Hiraan police"
_ACTOR_AFTER = {"militia", "militias", "forces", "force", "police", "administration", "government",
                "authorities", "troops", "army", "fighters", "clan", "clans", "security", "special",
                "state", "officials", "regional", "elders", "politicians", "mps", "leaders", "militiamen",
                "brigade", "battalion", "division", "unit", "dervish", "darawiish", "liyu"}
_MILITIA_AFTER = {"militia", "militias", "militiamen", "clan", "clans", "dervish", "darawiish", "liyu"}
_GOVERNMENT_VERB_AFTER = re.compile(
    r"\s+(?:has\s+|have\s+|had\s+)?(?:began|begun|launched|said|says|announced|denied|denies|accused|accuses|warned|"
    r"insisted|responded|retaliated|wants|demanded|rejected|imposed|sanctioned|condemned|blamed|urged|agreed|signed|"
    r"vowed|pledged|recalled|expelled|summoned)\b", re.IGNORECASE)
LANDMARK_RUN = re.compile(r"(?:\s+[A-Z][\w'’-]*){1,2}\s+(?:Green|Square|Park|Gardens|Circle|Plaza|Avenue|Street|Boulevard)\b")
_ROAD_AFTER = {"road", "roads", "highway", "border", "axis", "corridor", "route", "boundary", "line"}
_NEAR_AFTER = {"area", "areas", "outskirts", "vicinity", "environs", "surroundings", "axis", "corridor",
               "road", "highway", "border", "forest", "mountains", "hills", "valley", "river"}
_DIRECTION = re.compile(
    r"(?:\d+(?:\.\d+)?\s*(?:km|kms|kilometers|kilometres|miles|mi)\b[\s\w-]{0,25}?"
    r"|(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|"
    r"south-east|south-west)(?:ern)?\s+(?:part\s+)?)(?:of|from)\s+$",
    re.IGNORECASE,
)


# titles before a person's name: a place-like word after them is part of the name
_TITLES = {"governor", "president", "minister", "mp", "mca", "senator", "mr", "mrs", "ms", "dr", "gen", "general",
           "col", "colonel", "capt", "captain", "maj", "major", "lt", "sgt", "sergeant", "sheikh", "bishop",
           "father", "pastor", "imam", "commissioner", "mayor", "judge", "justice", "prof", "professor",
           "commander", "spokesman", "spokesperson", "chairman", "deputy", "lawmaker", "legislator",
           "constable", "corporal", "cpl", "inspector", "superintendent", "reverend", "rev", "hon"}
# "de" in "San Carlos de Guatemala": what follows is part of the name
_OF_PARTICLES = {"de", "del", "da", "do", "dos", "das", "des", "di", "ya"}
_NAME_PARTICLES = {"wa", "bin", "ibn", "de", "del", "da", "van", "von", "al", "el", "abu", "ould", "arap"}
# never a place on their own, whatever the cue (GeoNames lists "The" as a name of Teresina)
_FUNCTION_WORDS = {"the", "and", "for", "with", "from", "into", "this", "that", "these", "those", "his",
                   "her", "its", "their", "our", "was", "were", "are", "has", "had", "have", "not",
                   "but", "who", "which", "when", "where", "while", "after", "before", "said", "says",
                   "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}


# GeoNames lists "Africa" as a name of Mahdia: a continent or a world region is never an event's place
_CONTINENTS = {"africa", "asia", "europe", "america", "americas", "oceania", "antarctica", "eurasia",
               "middle east", "near east", "far east", "latin america", "central america", "north america",
               "south america", "west africa", "east africa", "north africa", "southern africa", "central africa",
               "horn of africa", "sub saharan africa", "central asia", "south asia", "southeast asia",
               "east asia", "caribbean", "balkans", "caucasus", "maghreb", "levant", "arabian peninsula",
               "persian gulf", "gulf"}
_KEY_AFTER = _ACTOR_AFTER | _ROAD_AFTER | _NEAR_AFTER | _REGION | _SETTLEMENT


def _load_words(path: Path) -> frozenset[str]:
    with path.open(encoding="utf-8") as f:
        return frozenset(w.strip().lower() for w in f if w.strip() and not w.startswith("#"))


@dataclass(slots=True)
class _Token:
    start: int
    end: int
    text: str
    key: str  # folded


def _km(a: Place, b: Place) -> float:
    p1, p2 = math.radians(a.latitude), math.radians(b.latitude)
    dp, dl = p2 - p1, math.radians(b.longitude - a.longitude)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


class Geocoder:
    """Finds place names in text and picks the place each one denotes."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.common_words = _load_words(DATA_DIR / "common_words.txt") | _FUNCTION_WORDS
        # ALL-CAPS text has no capitals to go by: frequent English words count as common too
        self.common_words_upper = self.common_words | _load_words(DATA_DIR / "common_words_en.txt")
        self.given_names = _load_words(DATA_DIR / "given_names.txt")

    # ---------------------------------------------------------------- tagging
    def tag(self, text: str) -> list[PlaceMention]:
        """Place names in ``text`` with their candidates (best first) and the stated relation."""
        upper = countries.is_upper_text(text)
        # a possessive is no part of the name: "Chhattisgarh's Bijapur district" names Chhattisgarh
        tokens = [_Token(m.start(), m.end() - len(p.group(0)), m.group(0), fold(m.group(0)[:p.start()]))
                  if (p := _POSSESSIVE.search(m.group(0))) else _Token(m.start(), m.end(), m.group(0), fold(m.group(0)))
                  for m in _TOKEN.finditer(text)]
        first_words = self.gazetteer.first_words
        common = self.common_words_upper if upper else self.common_words
        n = len(tokens)
        joined = [bool(_JOINER.match(text[tokens[k].end:tokens[k + 1].start])) for k in range(n - 1)] + [False]
        mentions: list[PlaceMention] = []
        i = 0
        while i < n:
            tok = tokens[i]
            if not upper and not tok.text[0].isupper():
                i += 1
                continue
            run = i + 1  # names do not cross punctuation
            while run < n and run - i < MAX_NGRAM and joined[run - 1]:
                run += 1
            found = None
            longer = 0
            # longest n-gram first, exact names before loose (transliteration) keys
            longest = first_words.get(tok.key, 0)
            for j in range(min(run, i + longest), i, -1):
                if not self._may_end(tokens, i, j, upper, text):
                    continue
                key = " ".join(t.key for t in tokens[i:j]) if j - i > 1 else tok.key
                ids = self.gazetteer.ids(key, loose=False)
                if ids and self._name_goes_on_with_de(text, tokens, j):
                    longer = j  # "SAN CARLOS DE GUATEMALA UNIVERSITY": neither San Carlos nor San
                    break
                if ids and self._accept(text, tokens, i, j, key, ids, upper, False):
                    found = (j, key, ids)
                    break
            if longer:
                i = longer
                continue
            # loose keys only for names written as names: capitalised, or after a cue in ALL CAPS
            # (never for an acronym in mixed-case text: "NYS" is not Nice)
            if found is None and tok.key not in common and (
                    not upper or (i > 0 and tokens[i - 1].key in _BEFORE_IN | _BEFORE_NEAR)) and (
                    upper or not tok.text.isupper()):
                # consonant keys (loosest) only for capitalised names with a place cue
                for loosest in (False, True) if not upper else (False,):
                    for j in range(min(run, i + 3), i, -1):
                        if not self._may_end(tokens, i, j, upper, text):
                            continue
                        if loosest and not self._place_cue(tokens, i, j):
                            continue
                        skel = "".join(skeleton_word(t.key) for t in tokens[i:j])
                        if len(skel) < 5:
                            continue
                        ids = self.gazetteer.ids_loose(skel, loosest)
                        key = " ".join(t.key for t in tokens[i:j])
                        if ids and self._accept(text, tokens, i, j, key, ids, upper, True):
                            found = (j, key, ids)
                            break
                    if found is not None:
                        break
            if found is None:
                i += 1
                continue
            j, key, ids = found
            start, end = tokens[i].start, tokens[j - 1].end
            cands = self._rank(key, ids)
            mentions.append(PlaceMention(start=start, end=end, text=text[start:end],
                                         candidates=tuple(cands[:MAX_CANDIDATES]),
                                         relation=self._relation(text, tokens, i, j, cands)))
            i = j
        return mentions

    @staticmethod
    def _name_goes_on_with_de(text: str, tokens: list[_Token], j: int) -> bool:
        """Whether the name ending before token ``j`` goes on with "de" and a capitalised word ("San
        Carlos de Guatemala", "Horcones de Berlin"), a longer name than the one found."""
        if j + 1 >= len(tokens) or tokens[j].key not in _OF_PARTICLES or not tokens[j + 1].text[0].isupper():
            return False
        return not text[tokens[j - 1].end:tokens[j].start].strip() and not text[tokens[j].end:tokens[j + 1].start].strip()

    @staticmethod
    def _place_cue(tokens: list[_Token], i: int, j: int) -> bool:
        prev = tokens[i - 1].key if i > 0 else ""
        nxt = tokens[j].key if j < len(tokens) else ""
        return nxt in _SETTLEMENT | _REGION or prev in {"in", "at", "near", "outside", "of", "from", "to"}

    @staticmethod
    def _may_end(tokens: list[_Token], i: int, j: int, upper: bool, text: str) -> bool:
        """In mixed case a name's last word is capitalised (or hyphen-joined: "Mukurwe-ini")."""
        if upper or j - 1 == i:
            return True
        last = tokens[j - 1]
        return last.text[0].isupper() or last.key in _CONNECTORS or text[tokens[j - 2].end:last.start] == "-"

    def _rank(self, key: str, ids: tuple[int, ...]) -> list[Place]:
        places = [self.gazetteer.place(pid) for pid in ids]
        # the place's own name before alternate names, then admin units and curated entries, then size

        def rank(p: Place) -> float:
            return (math.log10(p.population + 10) + (1.0 if fold(p.name) == key else 0.0)
                    + (1.5 if p.source != "geonames" or p.kind == "admin1" else 0.0))

        return sorted(places, key=rank, reverse=True)

    def _accept(self, text: str, tokens: list[_Token], i: int, j: int, key: str,
                ids: tuple[int, ...], upper: bool, loose: bool) -> bool:
        if countries.lookup(key) is not None or key in _CONTINENTS:
            return False  # country names are the countries module's job; continents are no places
        prev = tokens[i - 1] if i > 0 else None
        nxt = tokens[j] if j < len(tokens) else None
        gap_before = text[prev.end:tokens[i].start] if prev else "\n"
        cue_before = prev is not None and prev.key in _BEFORE_IN | _BEFORE_NEAR and gap_before.strip() == ""
        cue_after = nxt is not None and nxt.key in _SETTLEMENT | _REGION | _NEAR_AFTER | _FACILITY
        # "(Jowhar, Middle Shabelle)", "Hodan district, Mogadishu": lists of places
        listed = bool(re.search(r"[(,;]\s*$", gap_before)) or (
            nxt is not None and text[tokens[j - 1].end:nxt.start].strip() in (",", ")", ";"))
        # glued by a hyphen to a word outside the name ("Ceel" of "Ceel-Cali-Axmed"), unless the
        # compound names a road between places ("Afmadow-Weel Maaro road")
        glued = (prev is not None and text[prev.end:tokens[i].start] == "-") or (
            nxt is not None and text[tokens[j - 1].end:nxt.start] == "-")
        if glued and self._following_word(text, tokens, j)[0] not in _ROAD_AFTER | _NEAR_AFTER | _REGION:
            return False
        if self._names_actor(text, tokens, j):
            return False
        if (prev is not None and prev.key in self.given_names and gap_before.strip() == ""
                and (upper or prev.text[0].isupper())):
            return False  # "ERNESTO RIVAS", "Jose Felix Aguirre": a person's surname
        if (prev is not None and prev.key in _NAME_PARTICLES and i > 1 and tokens[i - 2].key in self.given_names
                and not text[tokens[i - 2].end:tokens[i].start].strip(" ").replace(prev.text, "").strip()):
            return False  # "Emilio de Souza", "Ahmed bin Salem": a surname after a particle
        if self._after_title(text, tokens, i, upper):
            return False  # "Governor Mwangi wa Iria", "Col. Ahmed Madobe": a person's name
        cue = cue_before or cue_after
        single = j - i == 1
        places = [self.gazetteer.place(pid) for pid in ids[:50]]
        top_pop = max(p.population for p in places)
        curated = any(p.source != "geonames" or p.kind == "admin1" for p in places)
        if single and key in _FUNCTION_WORDS:
            return False
        if single and not upper and tokens[i].text.isupper() and len(key) <= 5 and (
                key in self.common_words_upper or not any(fold(p.name) == key for p in places)):
            # an acronym ("NYS") that is only some place's alternate name ("Nice"), or a word
            # shouted in a note ("DATE=ESTIMATE")
            return False
        # "near Nhialdiu (Rubkona, Unity)": the last of the places a note lists in brackets is its region
        in_brackets = listed and bool(_LAST_IN_BRACKETS.match(text, tokens[j - 1].end)) and bool(
            _LIST_IN_BRACKETS.search(text[max(0, tokens[i].start - 60):tokens[i].start])) and any(
            p.kind == "admin1" for p in places)
        if single and not upper and not cue and not in_brackets and key in self.common_words_upper and (
                prev is None or re.search(r"[.!?:\"\n]\s*$", gap_before) or prev.text[0].isupper()
                or not any(fold(p.name) == key and p.population >= 50_000 for p in places)):
            # "Story", "Mission": an ordinary word that is some hamlet's other name; "Date of protest
            # not known", "Kipkelion East": a capitalised word, not Japan's Date or Cameroon's East
            return False
        common_set = self.common_words_upper if upper else self.common_words
        common = all(t.key in common_set or t.key in _CONNECTORS for t in tokens[i:j])
        if loose and (common or len(key) < 5):
            return False
        if (upper and not cue_before and not curated and top_pop < 20_000
                and not any(fold(p.name) == key for p in places)):
            return False  # "MORMON CHURCH": some hamlet's other name, with no "in" before it
        if common and not single and top_pop >= 500_000 and all(fold(p.name) == key for p in places[:1]):
            return True  # "LA PAZ": a great city's own name, though each of its words is common
        dateline = (i == 0 or re.search(r"\n\s*$", gap_before)) and nxt is not None and (
            text[tokens[j - 1].end:nxt.start].strip() == ",")
        if common and dateline and top_pop >= 50_000:
            return True  # "LA PAZ, 25 MAY 89 --": the dateline names a city
        if common:
            if upper:  # "IN THE TOWN OF UNION", "VICTORIA DEPARTMENT", not "IN PART", "A POLICE STATION"
                return nxt is not None and nxt.key in _SETTLEMENT | _REGION or (prev is not None and prev.key == "of" and i > 1
                                     and tokens[i - 2].key in _SETTLEMENT | _REGION)
            # "at Green View": a common word that begins a longer name is no place of its own
            name_goes_on = (nxt is not None and nxt.text[0].isupper()
                            and text[tokens[j - 1].end:nxt.start].strip() == "")
            return cue_after or in_brackets or (cue_before and prev is not None and prev.key not in ("of", "and", "to")
                                                and not name_goes_on)
        if upper:
            if cue or curated or (nxt is not None and nxt.key in _FACILITY):
                return True
            return top_pop >= 100_000 or (not single and top_pop >= 20_000)
        # mixed case
        sentence_start = prev is None or bool(re.search(r"[.!?:\"\n]\s*$", gap_before))
        prev_cap = (prev is not None and not sentence_start and prev.text[0].isupper() and not cue_before
                    and gap_before.strip() == "" and prev.key not in _PREFIX_OK
                    and prev.key not in _FUNCTION_WORDS  # "The Mombasa Technical University"
                    and not prev.text.endswith(("'s", "’s")))  # "Congo's South Kivu province"
        next_cap = (nxt is not None and nxt.text[0].isupper() and not cue_after
                    and nxt.key not in self.common_words  # "in Moyale Monday"
                    and text[tokens[j - 1].end:nxt.start].strip() == "")
        if prev_cap:  # inside a longer proper name ("Buuraha Cali Miskat", "Buulo Sheekh", "Ahmed Said")
            return False
        if next_cap and LANDMARK_RUN.match(text, tokens[j - 1].end):
            return False  # "Galle Face Green in Colombo", "Tahrir Square": a landmark's name, not the town
        if next_cap:  # "Hiiraan Police", but "Nairobi Governor" is still Nairobi
            k = j
            while k < len(tokens) and k < j + 3 and tokens[k].text[0].isupper() and not text[tokens[k - 1].end:tokens[k].start].strip():
                k += 1
            if k < len(tokens) and tokens[k].key in _SETTLEMENT | {"area"}:
                return False  # "Hargeysa Yare village", "Mogadishu Dheer area": a longer name of its own
            return curated and (cue or listed) or top_pop >= 100_000
        if cue or listed or curated:
            return True
        return top_pop >= (20_000 if sentence_start else 1_000)

    def _after_title(self, text: str, tokens: list[_Token], i: int, upper: bool) -> bool:
        """Whether the name starting at token ``i`` continues a person's title and name."""
        k = i - 1
        for _ in range(4):
            if k < 0 or text[tokens[k].end:tokens[k + 1].start].strip(" .") != "":
                return False
            t = tokens[k]
            if t.key in _TITLES:
                # "Sgt Hassan Yusuf"; lower case only with the name going on: "senior sergeant Hassan Yusuf"
                return upper or t.text[0].isupper() or k < i - 1 or self._name_goes_on(text, tokens, i)
            name_part = t.key in _NAME_PARTICLES or t.key in self.given_names or (not upper and t.text[0].isupper())
            if not name_part or t.key in _FUNCTION_WORDS:
                return False
            k -= 1
        return False

    @staticmethod
    def _name_goes_on(text: str, tokens: list[_Token], i: int) -> bool:
        """Whether token ``i`` is followed, in the same phrase, by another capitalised word."""
        return i + 1 < len(tokens) and tokens[i + 1].text[0].isupper() and not text[tokens[i].end:tokens[i + 1].start].strip()

    @staticmethod
    def _following_word(text: str, tokens: list[_Token], j: int) -> tuple[str, int]:
        """The first common word after a name and any list of names continuing it ("X, Y and Z
        militia"), with the number of names skipped."""
        k, names = j, 0
        comma = joined = False
        while k < len(tokens) and k < j + 8:
            t = tokens[k]
            raw = text[tokens[k - 1].end:t.start]
            gap = raw.strip()
            # (a hyphen joins, a spaced dash ends a dateline: "LAMU - Kenya Defence Forces soldiers" is no "Lamu soldiers")
            if gap not in ("", ",") and raw != "-":
                return "", names
            comma = comma or gap == ","
            if t.key in _KEY_AFTER:
                # a list runs "X, Y and Z militia"; "Novorossiysk, Russian officials said" is none
                return (t.key, names) if joined or not comma else ("", names)
            joined = joined or t.key == "and"
            if t.key == "and" or t.text[0].isupper():
                names += t.key != "and"
                k += 1
                continue
            return t.key, names
        return "", names

    def _names_actor(self, text: str, tokens: list[_Token], j: int) -> bool:
        word, names = self._following_word(text, tokens, j)
        # "Sool, Sanaag and Cayn militia", "Marehan clan militia"; but "Garissa police station",
        # "Migori government workers" still name where things happened
        if word in _MILITIA_AFTER or (names > 0 and word in _ACTOR_AFTER):
            return True
        # "since Washington began its campaign", "Moscow denied targeting civilians": a capital for its government
        return bool(_GOVERNMENT_VERB_AFTER.match(text, tokens[j - 1].end))

    def _before_road(self, text: str, tokens: list[_Token], j: int) -> bool:
        return self._following_word(text, tokens, j)[0] in _ROAD_AFTER

    def _relation(self, text: str, tokens: list[_Token], i: int, j: int, cands: list[Place]) -> Relation:
        nxt = tokens[j].key if j < len(tokens) else ""
        before = text[max(0, tokens[i].start - 40):tokens[i].start]
        prev = tokens[i - 1].key if i > 0 else ""
        prev2 = tokens[i - 2].key if i > 1 else ""
        named = [p for p in cands if fold(p.name) == fold(" ".join(t.key for t in tokens[i:j]))] or cands
        if nxt in _REGION or (all(p.kind == "admin1" for p in named) and nxt not in _SETTLEMENT) or (
                prev == "of" and prev2 in _REGION and any(p.kind == "admin1" for p in cands)) or (
                any(p.kind == "admin1" for p in cands) and _LAST_IN_BRACKETS.match(text, tokens[j - 1].end)
                and _LIST_IN_BRACKETS.search(before)):
            # "Narok County", "the Mexican state of Guerrero", "near Kaiga Kindjiria (Kaya, Lac)": the last of
            # the places a note lists in brackets is the region
            return "region"
        if _UNIT_LISTED.search(before) and any(p.kind == "admin1" and fold(p.name) == fold(cands[0].name) for p in cands):
            return "region"  # "in Celaya municipality, Guanajuato": the state the unit lies in, not its capital
        if (prev in _BEFORE_NEAR - {"of", "between"} or nxt in _NEAR_AFTER or _DIRECTION.search(before)
                or self._before_road(text, tokens, j)):
            return "near"
        if prev == "of" and prev2 in {"outskirts", "vicinity", "north", "south", "east", "west", "outside"}:
            return "near"
        if prev in ("between", "and") and "between" in before.lower():
            return "near"
        # "in Kunyo Barrow town (Jilib, Middle Shabelle)": the event is at an unnamed-in-the-gazetteer
        # village of the district named in brackets, so near that district's town
        if re.search(r"\b(?:village|town|area|locality|settlement|hamlet)\s*\(\s*$", before, re.IGNORECASE):
            return "near"
        return "in"

    # -------------------------------------------------------------- resolution
    def resolve(self, mentions: list[PlaceMention], context_iso3: list[str]
                ) -> list[tuple[PlaceMention, Place, int]]:
        """Each mention with its chosen place and ACLED geo_precision, most specific first.

        ``context_iso3``: countries the text points to, most likely first. A mention's candidates in
        those countries are preferred; a mention with none there keeps its other readings (a town
        across the border from the country of the actors), and the caller decides whether a reading
        far from every country of the text is believable. Proximity to the other mentions' places
        breaks ties between namesakes.
        """
        ctx = [c for c in context_iso3 if c]
        usable: list[tuple[PlaceMention, list[Place]]] = []
        exacts: list[set[tuple[str, str]]] = []  # the readings of each usable mention under its own name
        for m in mentions:
            # a reading outside the report's main country must be the name itself, not a spelling that merely
            # sounds alike ("Sinak" in Papua is no "Singac", New Jersey)
            exact = {(p.name, p.iso3) for p in (self.gazetteer.place(i)
                                                for i in self.gazetteer.ids(fold(m.text), loose=False))}
            # (the name written as one word or with a hyphen is the name itself: "Tinakoff", "Tin-Akoff")
            exact |= {(p.name, p.iso3) for p in m.candidates if squeezed(p.name) == squeezed(m.text)}
            # (and a hamlet abroad known by the name only as one of its other names is no reading at all: "near
            # Boni, in the central Mopti region" is no French "Bonnut")
            cands = [p for p in m.candidates if p.iso3 in ctx and (p.iso3 == ctx[0] or (p.name, p.iso3) in exact
                                                                   and self._own_name(m, p))]
            if not cands:
                cands = [p for p in m.candidates if (p.name, p.iso3) in exact and (not ctx or self._own_name(m, p))]
            if cands:
                usable.append((m, cands))
                exacts.append(exact)
        if not usable:
            return []
        first = [self._score(m, cands, ctx, [], []) for m, cands in usable]
        # regions the text names as such ("Narok County", "Bay region") anchor the other mentions
        anchors = {first[q].admin1 for q, (mm, _c) in enumerate(usable)
                   if mm.relation == "region" and (first[q].kind == "admin1" or fold(first[q].admin1) == fold(mm.text))}
        anchor_isos = {first[q].iso3 for q, (mm, _c) in enumerate(usable)
                       if first[q].kind == "admin1" and mm.relation == "region"}
        out: list[tuple[PlaceMention, Place, int]] = []
        for k, (m, cands) in enumerate(usable):
            others = [p for q, p in enumerate(first) if q != k]
            regions = [first[q].admin1 for q, (mm, _c) in enumerate(usable)
                       if q != k and first[q].kind == "admin1" and mm.relation == "region"]
            best = self._score(m, cands, ctx, others, regions)
            if " - " in best.name and " - " not in m.text and others and all(
                    _km(best, o) > 50 for o in others if o.kind != "admin1"):
                # a bare city-district name ("Hodan") in a text about places far from that city
                # ("Hodan neighborhood in Garowe") is another place of the same name
                continue
            if (best.kind != "admin1" and ctx and best.iso3 != ctx[0] and ctx[0] in anchor_isos
                    and best.iso3 not in anchor_isos):
                # "near San Jose Las Flores, Chalatenango Department" in a Salvadoran report: not Honduras' Flores
                continue
            if (anchors and best.kind != "admin1" and best.admin1 not in anchors
                    and (best.name, best.iso3) not in exacts[k]):
                # a variant spelling read as a place outside the region the text names
                # ("Kiriko village in Tetu, Nyeri County" is not Keroka, Nyamira)
                continue
            precision = self._precision(m, best)
            if best.kind == "admin1":
                # "Wajir county", "Isiolo County": ACLED places region-level events at the
                # region's namesake town when it has one
                town = [p for p in cands if p.kind == "populated" and p.iso3 == best.iso3
                        and p.admin1 == best.admin1 and fold(p.name) == fold(best.name)]
                if town:
                    best = town[0]
            out.append((m, best, precision))
        # the most specific places first (a named village before the region it lies in), then text order
        out.sort(key=lambda r: (r[2], r[0].start))
        return out

    @staticmethod
    def _own_name(m: PlaceMention, p: Place, town: int = 50_000) -> bool:
        """Whether a reading abroad is believable: the place's own name, or a town of ``town`` people or more, a
        region or a curated site known by it."""
        return (fold(p.name) == fold(m.text) or p.population >= town or p.kind == "admin1" or p.source != "geonames"
                # (or the same name in another transliteration: "Kiryat Shmona" for "Qiryat Shmona")
                or "".join(skeleton_word(w) for w in fold(p.name).split())
                == "".join(skeleton_word(w) for w in fold(m.text).split()))

    @staticmethod
    def _score(m: PlaceMention, cands: list[Place], ctx: list[str], others: list[Place],
               regions: list[str]) -> Place:
        key = fold(m.text)

        def score(p: Place) -> float:
            s = math.log10(p.population + 10)
            if p.source != "geonames":
                s += 1.5  # curated entries name what news names
            if fold(p.name) == key or fold(p.name).endswith(" " + key):
                s += 1.0
            if p.iso3 in ctx:
                s += 3.0 - min(ctx.index(p.iso3), 2)
            if m.relation == "region":
                s += 8.0 if p.kind == "admin1" else 0.0  # "Kunduz province" is the province
            elif p.kind == "admin1":
                s -= 1.0
            if regions and p.admin1 in regions:
                s += 4.0
            if others:
                d = min(_km(p, o) for o in others)
                s += 3.0 if d < 30 else 2.0 if d < 100 else 1.0 if d < 250 else 0.0
            return s

        return max(cands, key=score)

    @staticmethod
    def _precision(m: PlaceMention, p: Place) -> int:
        if p.kind in ("admin1", "country"):
            return 3
        if m.relation == "region" and " - " in p.name:
            return 1  # a city district ("Mogadishu - Hodan district") is the place itself
        if m.relation in ("near", "region"):
            return 2
        return 1
