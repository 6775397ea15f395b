"""Casualty figures: who was killed, injured or abducted, and how many.

Reads clauses such as "4 soldiers were killed", "killing 2 officers and a civilian",
"At least 21 Al Shabaab, including a commander, and 2 bystanders were killed", "caused eight
injuries", "the death of a member". A list of victims joined by commas and "and" is summed; an item
introduced by "including" is part of the one before it and not added.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from app.extraction.datafiles import read_tsv
from app.extraction.numbers import MODIFIER, QUANTITY, WRITTEN_FIGURE, _word_number, parse_quantity
from app.extraction.types import NumberMention

DATA = Path(__file__).parent / "data" / "lexicon"

KILL_VERBS = (
    r"shot\s+(?:and\s+)?killed|shot\s+dead|shot\s+to\s+death|gunned\s+down|hacked\s+to\s+death|beaten\s+to\s+death|"
    r"beat\s+\w+\s+to\s+death|beat\s+to\s+death|stabbed\s+to\s+death|burnt\s+to\s+death|burned\s+to\s+death|stoned\s+to\s+death|"
    r"stabbed\s+to\s+death|clubbed\s+to\s+death|lynched|lynching|lynches|lynch|killed|killing|kills|kill|martyred|decapitated|decapitating|"
    r"murdered|murdering|murders|murder(?=\s+(?:a|an|the|two|three|\d))|"
    r"massacred|massacring|slain|slaughtered|beheaded|beheading|executed|executing|assassinated|"
    r"neutrali[sz]ed|"  # an army's "dozens of assailants were neutralised": killed
    r"assassinating|lost\s+their\s+lives|lost\s+his\s+life|lost\s+her\s+life|died|dies|(?<!\bto\s)(?<!\bor\s)(?<!will\s)(?<!ould\s)(?<!\bmay\s)(?<!might\s)(?<!\bnot\s)die|perished|"
    r"succumbed(?:\s+to\s+(?:his|her|their)\s+(?:injuries|wounds))?|feared\s+dead|confirmed\s+dead|"
    r"dead|were\s+fatalities|left\s+dead"
)
INJURE_VERBS = (
    r"injured|injuring|injures|injure|wounded|wounding|wounds|wound|hurt|maimed|hospitali[sz]ed|"
    r"sustained\s+(?:serious\s+|minor\s+|gunshot\s+)?(?:injuries|wounds)|suffered\s+(?:\w+\s+){0,3}injuries"
)
ABDUCT_VERBS = r"abducted|abducting|kidnapped|kidnapping|kidnaps|abducts|seized|taken\s+hostage|held\s+hostage"
ARREST_VERBS = r"arrested|arresting|arrests|detained|detaining|rounded\s+up|apprehended"

PASSIVE_AUX = re.compile(
    r"(?:were|was|are|is|have\s+been|has\s+been|had\s+been|got|being|been|found|reportedly|allegedly|"
    r"all|also|later|subsequently|each|both|instantly|immediately|seriously|critically|fatally|"
    r"badly|slightly|mortally|\s)+$",
    re.IGNORECASE,
)
# a named person (or a title and a name) right before "was <verb>": one victim
NAMED_SUBJECT = re.compile(r"(?:\b[A-Z][\w'.-]*\s+){1,5},?\s*(?i:was|has\s+been|had\s+been)\s+(?i:\w+ly\s+)?$")
NOBODY = re.compile(r"\b(?:no|none|nobody|no\s+one|not\s+a\s+single|neither)\b", re.IGNORECASE)
SHARED_PASSIVE = re.compile(r"\b\w+(?:ed|en)\s+and\s+$", re.IGNORECASE)
# words that end the left context of a passive verb: a clause of its own starts after them
CLAUSE_BREAK = re.compile(
    r"[.;:!?]|\b(?:killed|injured|wounded|dead|died|hurt|abducted|kidnapped)\b|\b(?:after|when|while|but|where|which|who|whom|that|following|during|as|because|"
    r"since|before|whereas|then|targeting|and\s+(?=(?:the\s+)?(?:attack|clash|strike|blast|"
    r"explosion|fighting)))\b",
    re.IGNORECASE,
)
FORWARD_BREAK = re.compile(
    r"[.;:!?]|\b(?:after|when|while|but|where|which|who|following|during|as|because|before|in(?!\s+addition\s+to)|at(?!\s+least)|"
    r"near|on|from|with|by|inside|outside|according\s+to|and\s+(?:injur|wound|abduct|kidnap)\w*|and\s+(?:then|"
    r"later))\b",
    re.IGNORECASE,
)
AGES = re.compile(r"\b(?:aged|ages|age)\s+(?:between\s+)?\d{1,3}(?:\s*(?:and|to|-|–|,)\s*\d{1,3})*\b|"
                  r"\b\d{1,3}[\s-]+years?[\s-]+old\b|"
                  # "ALVARADO, 56, WAS", "identified the man as Omar Qatin, 27, and said he was killed"
                  r"(?<=[A-Za-z]),\s*\d{1,2}\s*,(?=\s*(?:was|were|is|a|an|the|who|had|has|and|from|of|died)\b)",
                  re.IGNORECASE)
SENTENCED = re.compile(r"\b(?:sentenc\w*|condemn\w*)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
DATED_YEAR = re.compile(r"\b((?:in|since|of|during)\s+(?:(?:early|late|mid-?)\s*)?(?:jan(?:uary)?|feb(?:ruary)?|"
                        r"mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|"
                        r"nov(?:ember)?|dec(?:ember)?)\.?,?\s+|\bin\s+)((?:19|20)\d\d)\b", re.IGNORECASE)
_MONTH = (r"(?=[A-Z])(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
DAY_OF_MONTH = re.compile(r"\b" + _MONTH + r"\.?\s+(\d{1,2}(?:st|nd|rd|th)?)\b|\b(\d{1,2}(?:st|nd|rd|th)?)\s+" + _MONTH + r"\b")
ONE_OBJECT = re.compile(r"\s*(?:(?:a|an|one)\s+(?!few\b|number\b|lot\b|group\b|dozen\b|total\b)[\w-]+|"
                        r"(?:him|her)\b)", re.IGNORECASE)
RANGE = re.compile(r"\b((?:between\s+)?" + QUANTITY + r")(\s*(?:and|to|-|–|or)\s*" + QUANTITY + r")\b(?=\s+[A-Za-z])",
                   re.IGNORECASE)
SLAIN = re.compile(r"\b(?:slain|murdered|assassinated)\s+(?:[a-z]+\s+)?(?:minister|leader|archbishop|priest|"
                   r"journalist|mayor|judge|president|governor|senator|activist|candidate)\b", re.IGNORECASE)
TO_DEATH = re.compile(r"\b(?:stabbed|stabs|stab|beat|beats|beaten|hacked|hacks|hack|burned|burnt|burns|burn|stoned|"
                      r"stones|clubbed|bludgeoned|strangled|shot|lynched|tortured|starved)\s+"
                      r"(?P<obj>(?!to\b)(?:[\w'’-]+\s+){1,6}?)to\s+death\b", re.IGNORECASE)
STATE_NOUN = re.compile(r"\b(?:soldiers|troops|officers|policemen|police)\b", re.IGNORECASE)
MILITANT_NOUN = re.compile(r"\b(?:militants|fighters|rebels|insurgents)\b", re.IGNORECASE)
BODIES_OF = re.compile(r"\bbod(?:y|ies)\s+of\s+", re.IGNORECASE)
FOUND_AFTER = re.compile(r"\b(?:was|were|have\s+been|has\s+been)\s+(?:\w+\s+)?(?:found|discovered|recovered|dumped|"
                         r"retrieved)\b", re.IGNORECASE)
QUOTED_NUMBER = re.compile(r"['‘’](dozens|scores|hundreds|several|many|thousands)['‘’]", re.IGNORECASE)
FOUND_BEFORE = re.compile(r"\b(?:found|discovered|recovered|retrieved|exhumed|dumped|seen|saw|counted)\s+(?:the\s+)?(?:\w+\s+)?$",
                          re.IGNORECASE)
ACCUSED_OF = re.compile(r"\b(?:suspected|accused|alleged|allegedly|charged)\s+(?:of\s+|to\s+have\s+|with\s+)?"
                        r"(?:\w+\s+)?$", re.IGNORECASE)
# a cheap test that a sentence may report casualties at all
CASUALTY_HINT = re.compile(
    r"kill|dead|death|die|injur|wound|hurt|lynch|murder|abduct|kidnap|arrest|detain|fatal|bod(?:y|ies)|"
    r"slain|shot|behead|decapitat|martyr|execut|massacr|perish|succumb|hospital|casualt|lost\s+(?:their|his|her)\s+li|maim|"
    r"slaughter|assassin|hostage|seiz|round|apprehend|gunned|lives|among|losing|lost|neutrali",
    re.IGNORECASE,
)


_MODIFIER_RE = re.compile("^" + MODIFIER, re.IGNORECASE)


def _count(q: str) -> int | None:
    """The figure of a quantity with its modifiers ("at least 5" → 5, "the two" → 2)."""
    core = _MODIFIER_RE.sub("", q.strip()).strip()
    return parse_quantity(core) if core else None


THREAT_BEFORE = re.compile(r"\b(?:threaten\w*|vow\w*|plan\w*|promis\w*|pledg\w*|intend\w*|tried|trying|attempt\w*)\s+"
                           r"(?:[\w'’-]+\s+){0,3}?to\s+$|\b(?:would|will|could|might)\s+$", re.IGNORECASE)
OF_GROUP_AND = re.compile(r"\s+(?i:of|from)\s+(?:(?i:the)\s+)?(?:[A-Z0-9][\w'’.-]*\s*|\([A-Z][\w-]*\)\s*){1,8}(?:,\s*)?"
                          r"(?i:and|as\s+well\s+as)\s+")

NAMED_AND = re.compile(r"(?:^|[\s,])(?:[A-Z][\w'’-]+\s+){0,3}[A-Z][\w'’-]+,?\s+and\s+$")

SHARED_OBJECT = re.compile(r"\s+and\s+(?:[a-z]+ed|set|beat|shot|burnt|cut|hit)\s+(?:(?:on\s+fire|alight|ablaze|to\s+death|"
                           r"dead|up)\s+)?(?=(?:\d|an?\s|one\s|two\s|three\s|four\s|five\s|six\s|seven\s|eight\s|"
                           r"nine\s|ten\s|several\s|dozens\s|scores\s|hundreds\s|at\s+least\s|more\s+than\s))",
                           re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Noun:
    side: str


def _load_persons() -> dict[str, _Noun]:
    nouns: dict[str, _Noun] = {}
    for parts in read_tsv(DATA / "persons.tsv", header=False):
        noun, side = parts[0].strip(), parts[1].strip()
        nouns[noun] = _Noun(side)
        if len(parts) > 2:
            for p in parts[2].split(","):
                if p.strip():
                    nouns[p.strip()] = _Noun(side)
    return nouns


class CasualtyReader:
    """Finds killed / injured / abducted figures in a sentence."""

    def __init__(self) -> None:
        self.nouns = _load_persons()
        noun_alt = "|".join(sorted((re.escape(n).replace(r"\ ", r"\s+") for n in self.nouns), key=len, reverse=True))
        # an item: optional quantity, up to four modifiers, then a person noun (or a capitalised
        # group name right after a number: "21 Al Shabaab", "eleven Turkana")
        self.item_re = re.compile(
            r"\b(?:(?P<q>" + MODIFIER + QUANTITY + r")\s+)?"
            r"(?P<mods>(?:\b(?!(?:and|or|were|was|are|is|have|has|had|who|which|including|of|"
            + _word_number + r")\b)[^\W\d][\w'’.-]*\s+){0,4}?)"
            r"(?P<noun>\b(?:" + noun_alt + r")(?:\s+(?:" + noun_alt + r"))?\b(?!['’])"  # "People's Army" is a name
            r"(?!\s+(?:bus|buses|vehicles?|cars?|trains?|boats?|planes?|aircraft|trucks?|convoys?|ferry|ferries|"
            r"ships?|flights?|minibus(?:es)?|matatus?|areas|targets|infrastructure|objects|buildings|facilities|"
            r"sites)\b))"  # "a passenger bus", "civilian areas": a modifier, not a victim
            r"|\b(?P<q2>\d+|" + _word_number + r")\s+(?P<name>(?:[A-Z][\w'’-]+\s?){1,3})",
            re.IGNORECASE,
        )
        self.bare_number_re = re.compile(
            r"\b(?P<q>" + MODIFIER + QUANTITY + r")\b(?P<rest>(?:\s+[A-Z][\w'’-]+){0,3})", re.IGNORECASE
        )
        self.verbs = {
            "killed": re.compile(r"\b(?:" + KILL_VERBS + r")\b", re.IGNORECASE),
            "injured": re.compile(r"\b(?:" + INJURE_VERBS + r")\b", re.IGNORECASE),
            "abducted": re.compile(r"\b(?:" + ABDUCT_VERBS + r")\b", re.IGNORECASE),
            "arrested": re.compile(r"\b(?:" + ARREST_VERBS + r")\b", re.IGNORECASE),
        }
        self.noun_outcomes = [
            ("killed", re.compile(
                r"\b(?P<q>" + MODIFIER + QUANTITY + r")\s+(?:\w+\s+){0,2}?(?:deaths?|fatalit(?:y|ies)|dead|bod(?:y|ies))\b",
                re.IGNORECASE)),
            ("injured", re.compile(
                r"\b(?P<q>" + MODIFIER + QUANTITY + r")\s+(?:\w+\s+){0,2}?(?:injuries|casualties\s+injured)\b",
                re.IGNORECASE)),
            ("killed", re.compile(  # "FATALITIES: 2", "Death toll - 15"
                r"\b(?:fatalities|deaths|death\s+toll|killed|dead)\s*[:=–-]\s*(?:estimate\s+of\s+)?(?P<q>"
                + MODIFIER + QUANTITY + r")\b", re.IGNORECASE)),
            ("killed", re.compile(  # "the army said it killed 30 militants while losing five soldiers"
                r"\b(?:losing|lost)\s+(?P<q>" + MODIFIER + QUANTITY + r")\s+(?:of\s+(?:its|their)\s+(?:own\s+)?)?"
                r"(?:soldiers|troops|men|fighters|officers|policemen|police\s+officers|militants|members)\b",
                re.IGNORECASE)),
            ("killed", re.compile(  # "claimed the lives of 14 people", "six ... were among those killed"
                r"\b(?:claimed|took|cost)\s+the\s+lives\s+of\s+(?P<q>" + MODIFIER + QUANTITY + r")\b|"
                r"\b(?P<q2>" + MODIFIER + QUANTITY + r")\s+(?:[\w-]+\s+){0,5}?(?:were|was)\s+among\s+"
                r"(?:those|the\s+(?:dead|victims|people))\s*(?:killed)?", re.IGNORECASE)),
            ("killed", re.compile(
                r"\b(?:(?:death\s+|casualty\s+)?toll\s+(?:\w+\s+){0,3}?(?:to|at|of|is|was|stands\s+at|reached)|"
                r"(?:death\s+toll|number\s+of\s+(?:\w+\s+)?(?:killed|dead))\b[^.;]{0,160}?\b(?:rose|risen|climbed|increased|"
                r"jumped)\s+to)\s+(?P<q>"
                + MODIFIER + QUANTITY + r")\b", re.IGNORECASE)),
        ]
        self.death_of = re.compile(
            r"\b(?:the\s+)?(?:deaths?|killing|murder|assassination|execution)\s+of\s+", re.IGNORECASE
        )

    # ------------------------------------------------------------------ items
    def _items(self, span: str, forward: bool) -> list[tuple[int, int, int, str]]:
        """Victim items in ``span``: (start, end, count, side); forward = read after a verb."""
        out: list[tuple[int, int, int, str]] = []
        pos = 0
        skip_next = False
        new_clause = len(span)
        for m in self.item_re.finditer(span):
            between = span[pos:m.start()]
            if out and re.fullmatch(r"\s*,\s*", between) and re.match(r"(?:both|all|each)\b", m.group(0), re.IGNORECASE):
                continue  # "two men, both members of the Jenin Brigade, were killed": the same two
            if (out and re.fullmatch(r"\s+(?:of|from)\s+", between, re.IGNORECASE) and re.search(r"\b[A-Z]", m.group(0))
                    and re.search(r"[a-z]", m.group(0))):
                continue  # "Eight personnel of the District Reserve Guard and the driver": the unit names no victims
            if skip_next and "," in between and not SUBSET.search(between):
                skip_next = False  # "21 fighters, including a local commander, and 2 bystanders": the aside has closed
            if out and OF_GROUP_AND.fullmatch(between):
                pass  # "three guerrillas of the URNG and one soldier": the group qualifies the first item
            elif out and not re.fullmatch(r"[\s,]*(?:and|or|as\s+well\s+as|plus|along\s+with|with|in\s+addition\s+to)?[\s,]*",
                                          between, re.IGNORECASE):
                if SUBSET.search(between):
                    skip_next = True  # (and the items joined to it: "27 people, including 14 soldiers and the bomber")
                elif forward:
                    break
                else:
                    skip_next = False
                    out.clear()  # a new list starts: only the items next to the verb count
            if not out and forward and re.search(r"[.;:]", between):
                break
            if forward and (AUX_AFTER.match(span, m.end()) or HURT_AFTER.match(span, m.end())):
                if not AUX_AFTER.match(span, m.end()):
                    new_clause = m.start()  # (its own figure is no figure of the verb before: "two soldiers injured")
                break  # "killed 10 soldiers, and 14 others were injured", "..., and two soldiers injured": a new clause
            if re.match(r"(?:\s+[\w-]+){0,5}?\s+(?:said|says|told|reported|stated|added|confirmed)\b", span[m.end():]):
                if out:
                    break  # "killing six civilians, a local official said": the source, not a victim
                continue  # ("killing six, Sinaloa state prosecutors said": the bare figure is the victims')
            if m.group("q2"):
                if not m.group("name")[:1].isupper():
                    # "two of the attackers": the noun after "of the" says whose they were
                    part = re.match(r"of\s+(?:the|those|these|its|their)\s+([\w-]+)", m.group("name"))
                    noun = part.group(1).lower() if part else ""
                    if noun in self.nouns and (count2 := _count(m.group("q2"))) and not skip_next:
                        out.append((m.start(), m.end(), count2, self.nouns[noun].side))
                        pos = m.end()
                    continue
                count2 = _count(m.group("q2"))
                if skip_next:
                    pass
                elif count2:
                    out.append((m.start(), m.end(), count2, "group"))
                pos = m.end()
                continue
            noun = re.sub(r"\s+", " ", m.group("noun").lower())
            if noun in SELF and not forward:
                continue  # ("the commander himself was killed": one man, named already)
            last = noun.split()[-1]
            if noun not in self.nouns:
                noun = last if last in self.nouns else noun
            side = self.nouns[noun].side if noun in self.nouns else "unknown"
            q = m.group("q")
            count: int | None
            if q:
                count = _count(q)
                if count is None:
                    count = 1 if noun in self.nouns and not self._plural(noun) else 3
                elif re.search(r"\bother\b", m.group("mods") or "", re.IGNORECASE) and NAMED_AND.search(span, 0, m.start()):
                    count += 1  # "Haqqani and four other people were killed": five
            else:
                mods = m.group("mods").lower()
                if self._plural(noun):
                    if re.search(r"\b(?:the|these|those|their|its|both)\b", mods) or any(
                            c > 0 for _, _, c, _ in out):
                        # "the soldiers" refers back; "24 officers and reservists" shares the figure
                        count = 0
                    else:
                        count = 3  # plural with no figure: ACLED's "several"
                elif re.search(r"\b(?:a|an|one|his|her|their|the|its|another|local|senior)\b", mods) or not mods.strip():
                    count = 1
                else:
                    count = 1
            if not skip_next:
                out.append((m.start(), m.end(), count, side))
            pos = m.end()
        if len(out) > 1:
            # "4 senior militants and several others", "a member and unspecified fighters": the items of
            # one list add up, whatever their sides
            out = [(a, b, c, "listed" if w == "unknown" else w) for a, b, c, w in out]
        if not out:
            m2 = self.bare_number_re.search(span, 0, new_clause) if forward else None
            if not forward:
                # "Two killed", "21 Al Shabaab ... were killed": a bare number in the subject
                last_m = None
                for mm in self.bare_number_re.finditer(span):
                    last_m = mm
                m2 = last_m
            if m2:
                q = _count(m2.group("q"))
                if q is not None and q > 0 and m2.group("q").strip().lower() not in {"a", "an", "some", "one"} or (
                        q == 1 and m2.group("q").strip().lower() == "one"):
                    out.append((m2.start(), m2.end(), q or 0, "unknown"))
        return out

    @staticmethod
    def _headline_subject(left: str) -> tuple[int, int] | None:
        """``(start, count)`` of a bare figure right before a verb: "Two killed", "10 people injured"."""
        pre = left[-40:]
        mm = re.search(r"\b(?P<q>" + MODIFIER + QUANTITY + r")\s+(?:(?:people|persons)\s+)?$", pre, re.IGNORECASE)
        if mm is None or re.search(r"\b(?:an?|the|some)\s*$", mm.group(0), re.IGNORECASE):
            return None
        q = _count(mm.group("q"))
        return (len(left) - len(pre) + mm.start(), q) if q else None

    def _plural(self, noun: str) -> bool:
        return noun.endswith("s") and not noun.endswith("ss") or noun in {"people", "police", "personnel",
                                                                           "men", "women", "children"}

    # ---------------------------------------------------------------- public
    def read(self, sentence: str, offset: int = 0) -> list[NumberMention]:
        """Casualty mentions in one sentence (``offset`` is the sentence's start in the document)."""
        out: list[NumberMention] = []
        if not CASUALTY_HINT.search(sentence):
            return out
        # scare quotes do not break a clause ('Dozens of assailants were "neutralised"'): blank them, offsets kept
        sentence = re.sub(r"[\"“”]", " ", sentence)
        # (and single quotes round a number word: "the commander claimed 'dozens' of militants were killed")
        sentence = QUOTED_NUMBER.sub(lambda m: f" {m.group(1)} ", sentence)
        # ages are no counts ("two missionaries, aged 19 and 21, were shot"): blank them, offsets kept
        sentence = AGES.sub(lambda m: " " * len(m.group(0)), sentence)
        # nor are years ("quakes in Herat in October 2023 killed around 1,500 people")
        sentence = DATED_YEAR.sub(lambda m: m.group(1) + " " * len(m.group(2)), sentence)
        # nor are days of a month ("NAIROBI, Sept 30 - A boy was killed")
        sentence = DAY_OF_MONTH.sub(lambda m: re.sub(r"\d", " ", m.group(0)), sentence)
        # "the number of people killed ... rose to 52": the people are counted by the figure, not as "several"
        sentence = NUMBER_OF_PEOPLE.sub(lambda m: m.group(1) + " " * len(m.group(2)), sentence)
        # a range counts by its lower end (ACLED's lowest credible figure): "between 10 and 15 civilians"
        sentence = RANGE.sub(lambda m: m.group(1) + " " * len(m.group(2)), sentence)
        seen: set[tuple[int, str]] = set()

        def add(start: int, end: int, count: int, outcome: str, who: str) -> None:
            key = (start, outcome)
            if key in seen:
                return
            seen.add(key)
            out.append(NumberMention(offset + start, offset + end, sentence[start:end], count,
                                     outcome, who))  # type: ignore[arg-type]

        for outcome, verb_re in self.verbs.items():
            for v in verb_re.finditer(sentence):
                left = sentence[:v.start()]
                vtext = v.group(0).lower()
                if THREAT_BEFORE.search(left[-50:]):
                    continue  # "the Shining Path has threatened to kill all candidates": nobody yet
                if PROTEST_CAUSE.search(left[-170:]):
                    continue  # "a protest over the collapse of a station canopy that killed 15 people last month": its cause
                if ACCUSED_DEED.search(left[-40:]):
                    continue  # "three men suspected of killing an elderly man": the deed held against them, not this one
                # "a man is attacked and killed": the passive carries over "<participle> and"
                aux_left = SHARED_PASSIVE.sub("", left)
                passive = bool(PASSIVE_AUX.search(aux_left[-40:])) and bool(
                    re.search(r"\b(?:were|was|been|are|is|got|found)\s+(?:\w+\s+)?$", aux_left[-30:], re.IGNORECASE))
                intransitive = vtext in {"died", "dies", "die", "perished", "dead", "feared dead", "confirmed dead",
                                         "hurt", "lost their lives", "lost his life", "lost her life",
                                         "were fatalities"} or vtext.startswith("succumbed")
                items: list[tuple[int, int, int, str]] = []
                if passive or intransitive:
                    if passive:
                        left = aux_left  # "X and Y were abducted and killed": X and Y, before "abducted"
                    # "Three men suspected of killing an elderly man were lynched": the deed they are suspected of
                    # names no victim of this one (blanked, offsets kept)
                    left = SUSPECTED_OF.sub(lambda m: " " * len(m.group(0)), left)
                    brk = 0
                    for b in CLAUSE_BREAK.finditer(left):
                        brk = b.end()
                    if HURT_BEFORE.search(left, 0, brk) and (comma_and := list(re.finditer(r",\s*and\s+", left[brk:]))):
                        # "killed 10 soldiers, and 14 others were injured": the subject starts after ", and"
                        brk += comma_and[-1].end()
                    items = self._items(left[brk:], forward=False)
                    items = [(s + brk, e + brk, c, w) for s, e, c, w in items]
                    if intransitive and (bare := self._headline_subject(left)) is not None:
                        # "displaced 36,000 people and left at least 80 dead": the figure right before the word
                        items = [(bare[0], v.end(), bare[1], "unknown")]
                    if NOBODY.search(left[-25:]):
                        items = [(-1, -1, 0, "unknown")]  # "no one was killed": read, and nobody
                    if not items:
                        # "A Christian church leader is murdered": one person, named by a noun we
                        # do not list ("Environmental defender Juan Lopez, who campaigned against a mine, was
                        # shot dead": the aside blanked, offsets kept)
                        left = RELATIVE_ASIDE.sub(lambda m: " " * len(m.group(0)), left)
                        mm = re.search(r"(?:\b(?:a|an|one)\s+|^\s*(?!(?:they|we|these|those|some|many|all|no|nobody|"
                                       r"none|neither)\b))"
                                       r"(?:[\w-]+\s+){1,6}?(?:(?:is|was|has\s+been|"
                                       r"had\s+been|found)\s+)(?:\w+ly\s+)?$", left, re.IGNORECASE)
                        if mm:
                            items = [(mm.start(), len(left), 1, "unknown")]
                        elif mm := NAMED_SUBJECT.search(left):
                            # "Mr. Torres was killed", "ANGELA PIEDAD DE GUERRERO, WAS SHOT TO DEATH"
                            items = [(mm.start(), len(left), 1, "unknown")]
                else:
                    right = sentence[v.end():]
                    # "lynched and set on fire 13 suspected gang members": the object of both verbs
                    shared = SHARED_OBJECT.match(right)
                    skip = shared.end() if shared else 0
                    right = right[skip:]
                    stop = FORWARD_BREAK.search(right)
                    seg = right[: stop.start()] if stop else right
                    headline = self._headline_subject(left) if vtext.endswith(("ed", "dead")) else None
                    if headline is not None:
                        # "8 killed, 10 injured": the figure before a bare participle is its own
                        items = [(headline[0], v.end(), headline[1], "unknown")]
                    else:
                        items = self._items(seg, forward=True)
                        items = [(s + v.end() + skip, e + v.end() + skip, c, w) for s, e, c, w in items]
                    if not items and outcome in ("killed", "injured") and ONE_OBJECT.match(seg):
                        # "lynched a former robbery convict", "shooting him dead", "kill an al Shabaab
                        # recruiter": one person, named by a noun we do not list
                        items = [(v.end(), v.end() + len(seg.rstrip()), 1, "unknown")]
                    if not items and outcome in ("killed", "injured"):
                        # headline style "one attacker killed", "Two soldiers wounded": the victims
                        # stand right before a bare participle
                        brk = 0
                        for b in CLAUSE_BREAK.finditer(left):
                            brk = b.end()
                        back = self._items(left[brk:], forward=False)
                        if back and len(left) - (back[-1][1] + brk) <= 3 and vtext.endswith(("ed", "dead", "death")):
                            items = [(s + brk, e + brk, c, w) for s, e, c, w in back]
                    if not items and outcome in ("killed", "injured"):
                        # "Two killed in ...", "2 injured": subject right before an active-looking verb
                        subject = self._headline_subject(left)
                        if subject is not None:
                            items = [(subject[0], v.end(), subject[1], "unknown")]
                for s, e, c, w in items:
                    if c > 0:
                        add(s, e, c, outcome, w)
        for outcome, rx in self.noun_outcomes:
            for m in rx.finditer(sentence):
                q = _count(m.group("q") or m.groupdict().get("q2") or "")
                if SENTENCED.search(sentence, max(0, m.start() - 25), m.start()):
                    continue  # "a court sentenced five men to death": a verdict, not a killing
                if q and not any(n.outcome == outcome and n.start <= offset + m.start() < n.end for n in out):
                    # "losing five soldiers": the side is in the noun
                    side = "state" if STATE_NOUN.search(m.group(0)) else "militant" if MILITANT_NOUN.search(m.group(0)) else "unknown"
                    add(m.start(), m.end(), q, outcome, side)
        for m in self.death_of.finditer(sentence):
            items = self._items(sentence[m.end():m.end() + 80], forward=True)
            got = False
            for s, e, c, w in items[:3]:
                if c > 0:
                    add(m.end() + s, m.end() + e, c, "killed", w)
                    got = True
            if not got and re.match(r"\s*(?:[A-Z][\w'-]+|the\s+[\w.'-]+)", sentence[m.end():m.end() + 40]):
                # "the murder of Orlando Letelier", "the killing of the missionaries": someone died
                add(m.start(), m.end(), 1, "killed", "unknown")
        for m in SLAIN.finditer(sentence):
            add(m.start(), m.end(), 1, "killed", "unknown")
        for m in TO_DEATH.finditer(sentence):
            # "stabbed a Hindu priest to death", "beat two suspected thieves to death"; not the deed a
            # victim is accused of ("a man suspected to have stabbed his wife to death")
            if ACCUSED_OF.search(sentence, max(0, m.start() - 30), m.start()):
                continue
            victims = [(s, e, c, w) for s, e, c, w in self._items(m.group("obj"), forward=True) if c > 0]
            if not victims and ONE_OBJECT.match(m.group("obj")):
                victims = [(0, len(m.group("obj").rstrip()), 1, "unknown")]
            for s, e, c, w in victims[:3]:
                add(m.start("obj") + s, m.start("obj") + e, c, "killed", w)
        for m in BODIES_OF.finditer(sentence):
            # "the bodies of six men were found" (not "refused to let police collect the bodies of ...")
            after = sentence[m.end():m.end() + 60]
            # ("the bodies of five young men bearing signs of torture and gunshot wounds were found")
            if not FOUND_AFTER.search(sentence[m.end():m.end() + 140]) and not FOUND_BEFORE.search(
                    sentence, max(0, m.start() - 30), m.start()):
                continue  # ("police found the bodies of 13 security guards")
            found = [(s, e, c, w) for s, e, c, w in self._items(after, forward=True) if c > 0]
            for s, e, c, w in found[:1]:
                add(m.end() + s, m.end() + e, c, "killed", w)
        if any(m.outcome == "killed" and WRITTEN_FIGURE.search(m.text) for m in out):
            # "39 people had died at the scene; others died later in hospital": a figure was given, the others are no
            # "several" on top of it
            out = [m for m in out if not (m.outcome == "killed" and BARE_OTHERS.fullmatch(m.text.strip()))]
        return out


SELF = {"himself", "herself"}
PROTEST_CAUSE = re.compile(r"\b(?:protest\w*|demonstrat\w*|march\w*|rall(?:y|ies|ied))\b[^.;]{0,40}?\b(?:over|against|about)\s+"
                           r"[^.;]{0,90}?\b(?:that|which)\s+(?:\w+\s+)?$", re.IGNORECASE)
# what follows names some of the victims counted before ("27 people, including 14 soldiers", "30 people, most of them women")
SUBSET = re.compile(r"\b(?:including|most\s+of|many\s+of|some\s+of|all\s+of|mostly|mainly|among\s+them)\b", re.IGNORECASE)
NUMBER_OF_PEOPLE = re.compile(r"\b(number\s+of\s+)(people|persons|civilians|those)\b", re.IGNORECASE)
BARE_OTHERS = re.compile(r"(?:the\s+)?others", re.IGNORECASE)
AUX_AFTER = re.compile(r"\s+(?:were|was|are|is|have|has|had)\b", re.IGNORECASE)
HURT_AFTER = re.compile(r"\s+(?:injured|wounded|hurt|abducted|kidnapped)\b", re.IGNORECASE)
HURT_BEFORE = re.compile(r"\b(?:killed|injured|wounded|dead|died|hurt|abducted|kidnapped)$", re.IGNORECASE)
SUSPECTED_OF = re.compile(r"\b(?:suspected|accused|believed)\s+(?:of|to\s+have)\s+(?:[\w'’-]+\s+){1,8}?(?=(?:were|was|had\s+been|"
                          r"have\s+been|has\s+been)\s)", re.IGNORECASE)
# "suspected of killing", "lynched for allegedly killing his brother": the deed held against someone
ACCUSED_DEED = re.compile(r"\b(?:(?:suspected|accused)\s+of|(?<!left )for(?:\s+allegedly)?|after\s+allegedly)\s+$", re.IGNORECASE)
# a non-restrictive relative clause right before the passive verb: ", who campaigned against a mining project,"
RELATIVE_ASIDE = re.compile(r",\s+(?:who|whose)\b[^,;.]{1,120},(?=\s*(?:is|was|has\s+been|had\s+been|found)\s+(?:\w+ly\s+)?$)",
                            re.IGNORECASE)


def total(per_sentence: list[list[NumberMention]], outcome: str) -> int:
    """The event's figure for one outcome.

    Within a sentence the victims listed are added up per side (civilian, state, militant, unknown);
    across sentences the largest figure per side is kept (a later sentence usually repeats or updates
    the toll rather than adding to it). Unknown-side figures ("people") overlap the sided ones: the
    total is the larger of the unknown figure and the sum of the sided ones.
    """
    best: dict[str, int] = {}
    for mentions in per_sentence:
        sums: dict[str, int] = {}
        seen: set[tuple[int, int]] = set()
        for m in mentions:
            if m.outcome != outcome or (m.start, m.end) in seen:
                continue
            seen.add((m.start, m.end))
            sums[m.who or "unknown"] = sums.get(m.who or "unknown", 0) + m.count
        for side, n in sums.items():
            best[side] = max(best.get(side, 0), n)
    unknown = best.pop("unknown", 0)
    return max(unknown, sum(best.values()))
