"""The time stage: finds date expressions in news text and resolves them to days.

Input: the document text and its publication date. Output: ``TimeMention`` values (spans into the
text, sorted by start) with ACLED's ``time_precision``. Explicit dates ("1 April 2025", "4 FEB 90",
"2025-04-01", "Christmas Eve"), report-relative ones ("yesterday", "on Tuesday", "last week") and
event-relative ones ("a day earlier", "the next day") are recognised in mixed case and in ALL UPPER
CASE newswire. A note's "source dated 22/06" stands in for the publication date of its relative
words; days after the report are plans, not events (background).

The words (months, weekdays, number words, fixed phrases) live in ``data/time_*.tsv``; this module
says how to read them. Pure stdlib: ``dateparser`` resolves bare weekdays a week early and knows no
"24 hours earlier" (see FACTS.md).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Literal

from app.extraction.datafiles import read_tsv
from app.extraction.types import TimeMention

DATA_DIR = Path(__file__).parent / "data"
_ON_BEFORE = re.compile(r"\b(?:on|dated|since|from|of)\s+$")

# A report may be dated a little before the events it announces (early editions, time zones): a
# yearless date up to this many days after the publication date counts as a past one. Further ahead
# it costs five times its distance when the year of a yearless date is chosen (_distance_cost).
FUTURE_SLACK_DAYS = 5

Anchor = Literal["absolute", "report", "previous"]
_VAGUE_NUMBERS = frozenset({"several", "few", "a few", "a couple of"})
_PLAIN_PREPOSITIONS = frozenset({"in", "during", "of", "by", "from", "until", "till", "throughout"})


# "the deadliest attack since Washington began its campaign against the group last month": the clause's time
_SINCE_CLAUSE = re.compile(r"\bsince\s+(?!then\b)[^,.;()]{0,80}$")
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the|last|this)\s+$")
_DEED_AFTER = re.compile(r"\s+(?:attacks?|bombings?|raids?|massacres?|offensive|strikes?|assaults?|ambush(?:es)?|shelling|"
                         r"killings?|clashes|protests?|coup|uprising|incursion|invasion|siege|fighting)\b")
_SPEAKER_WHO_BEFORE = re.compile(r"\b(?:said|says|told\s+\w+)\s+[^.;]{0,80}?,\s+(?:a|an|the)\s+[^.;,]{0,60}?\bwho\s+[^.;,]{0,60}$")
_DEMAND_BEFORE = re.compile(r"\b(?:demand(?:ed|s)|call(?:ed|s)\s+for|urg(?:ed|es)|request(?:ed|s))\s+(?:an?\s+|the\s+)?"
                            r"(?:[\w-]+\s+){0,3}?(?:investigation|inquiry|probe|explanation|answers|justice|accountability)\s+"
                            r"(?:on\s+)?$")
_TOLL_ROSE_BEFORE = re.compile(r"\b(?:rose|risen|climbed|increased|jumped|reached)\s+(?:to\s+)?[\d,]+\s+(?:on\s+)?$")
# "in August last year", "in March this year"
_MONTH_YEAR_AFTER = re.compile(r"\s+(?:of\s+)?(last|this)\s+year\b")


@dataclass(frozen=True, slots=True)
class _Phrase:
    anchor: Anchor
    offset: str  # an integer number of days or a rule name (see time_phrases.tsv)
    precision: int
    background: bool


@dataclass(frozen=True, slots=True)
class _Doc:
    """One call's text and what the first scan found in it (finders share it; nothing is stored)."""

    text: str
    low: str
    pub: date
    upper: bool
    digits: list[int]  # offsets where a run of digits starts
    months: list[int]  # offsets where a month name starts


@dataclass(frozen=True, slots=True)
class _Candidate:
    rank: int  # higher wins an overlap: explicit dates beat relative words
    mention: TimeMention


def _read_tsv(path: Path) -> Iterator[list[str]]:
    yield from read_tsv(path, header=False)


_Trie = dict[str, "_Trie"]


def _alternation(words: list[str]) -> str:
    """A regex matching any of ``words`` (longest first), built as a trie so that a miss fails on
    the first letter; spaces match any whitespace. The words must be lower case."""
    trie: _Trie = {}
    for w in set(words):
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: _Trie) -> str:
    end = "" in node
    branches = []
    for ch in sorted(k for k in node if k):
        piece = r"\s+" if ch == " " else re.escape(ch)
        branches.append(piece + _trie_pattern(node[ch]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # greedy optional: the longer word is tried before the shorter one that ends here
    return f"(?:{body})?" if end else body


def _at(rx: re.Pattern[str], s: str, positions: list[int]) -> Iterator[re.Match[str]]:
    """Matches of ``rx`` anchored at each of ``positions``."""
    for p in positions:
        m = rx.match(s, p)
        if m is not None:
            yield m


def _norm(s: str) -> str:
    return " ".join(s.lower().split())


class TimeTagger:
    """Finds and resolves time expressions. Build once; ``tag`` is pure and thread-safe."""

    def __init__(self, data_dir: Path = DATA_DIR) -> None:
        self.months: dict[str, int] = {}
        self.weekdays: dict[str, int] = {}
        self.numbers: dict[str, int] = {}
        self.holidays: dict[str, int] = {}
        name_nouns: dict[str, int] = {}
        weekday_nouns: dict[str, int] = {}
        tables = {
            "month": self.months,
            "weekday": self.weekdays,
            "number": self.numbers,
            "holiday": self.holidays,
            "name_noun": name_nouns,
            "weekday_name_noun": weekday_nouns,
        }
        for kind, word, value in _read_tsv(data_dir / "time_calendar.tsv"):
            tables[kind][word] = int(value)
        self.phrases: dict[str, _Phrase] = {}
        for phrase, anchor, offset, precision, background in _read_tsv(data_dir / "time_phrases.tsv"):
            if anchor not in ("report", "previous"):
                raise ValueError(f"time_phrases.tsv: bad anchor {anchor!r} for {phrase!r}")
            self.phrases[phrase] = _Phrase(anchor, offset, int(precision), background == "1")  # type: ignore[arg-type]

        mon = rf"(?P<mon>{_alternation(list(self.months))})(?![a-z])\.?"
        wd = rf"(?P<wd>{_alternation(list(self.weekdays))})(?![a-z])"
        day = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
        # four-digit year, or a two-digit one written '90 (or bare "90", checked in code)
        year = r"(?:(?P<year>(?:1[89]|20)\d{2})|'(?P<yy>\d{2})|(?P<yy2>\d{2}))(?![\d,:.]\d)(?!\d)"
        num = rf"(?P<n>\d{{1,3}}|{_alternation(list(self.numbers))})"
        span = r"\s*(?:-|–|—|/|\s(?:and|to|until|till|through)\s)\s*"
        d2 = r"(?P<d2>\d{1,2})(?:st|nd|rd|th)?"
        # Each pattern starts on its core token (a digit, a month or weekday name) so the regex engine
        # can skip ahead fast; words before the core ("around", "the night of", "Tuesday,", "early")
        # are read backwards by the *_prefix patterns, searched in a short window ending at the core.
        # All run on the lower-cased text; capitalisation is checked on the original.
        # "1st of April", "4 FEB 90", "1 and 3 April", "5-6 April 2025"
        self._dmy = re.compile(rf"{day}(?:(?P<span>{span}){d2})?(?:\s+of)?[\s-]+{mon}(?:,?[\s-]+{year})?")
        # "April 1, 2025", "Nov. 21", "April 1-3"
        self._mdy = re.compile(
            rf"{mon}\s+(?:the\s+)?{day}(?:(?P<span>{span}){d2})?(?!\d|:\d)(?![.,]\d)(?:,?\s+{year})?"
        )
        self._month = re.compile(rf"{mon}(?:,?\s+(?:of\s+)?(?P<year>(?:1[89]|20)\d{{2}})(?!\d))?")
        self._year = re.compile(r"(?P<year>(?:19|20)\d{2})(?![\d])(?![,.]\d)(?!\s*%)")
        self._iso = re.compile(r"(?P<y>(?:19|20)\d{2})(?P<sep>[-/])(?P<m>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)(?![\d/-])")
        self._numeric = re.compile(
            r"(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d{2}|\d{2})(?![\d/.-]\d|\d)"
        )
        # "19/03": both parts two digits, so "9/11" and "24/7" stay out
        self._day_month = re.compile(r"(?P<a>[0-3]?\d)/(?P<b>[01]?\d)(?![\d/])")
        # "on the 19th", "on the 3rd of this month": a day of the report's month
        self._ordinal_day = re.compile(
            r"(?<![a-z])on\s+(?P<core>the\s+(?P<day>\d{1,2})(?:st|nd|rd|th)"
            r"(?P<of>\s+of\s+(?:this|the|last|the\s+previous)\s+month)?)(?![a-z])"
        )
        self._ordinal_follow = re.compile(
            r"\s*(?:[,.;:)]|$|(?:at|in|when|after|before|and|as|during|morning|night|evening|afternoon|"
            r"while|near|outside)\b)"
        )
        self._name_after = re.compile(rf"\s+(?P<noun>{_alternation(list(name_nouns))})\b")
        self._weekday_name_after = re.compile(rf"\s+(?P<noun>{_alternation(list(weekday_nouns))})\b")
        self._range_gap = re.compile(r"\s*(?:-|–|—|to|until|till|through|and)\s*")
        self._holiday = re.compile(rf"(?<![a-z])(?P<h>{_alternation(list(self.holidays))})(?![a-z])")
        # "2023-11-22 01:03:00": a machine time stamp (page furniture), not an event date
        self._clock_after = re.compile(r"(?:t|\s+|,\s*)\d{1,2}:\d{2}")
        self._weekday = re.compile(rf"{wd}(?:\s+(?:morning|afternoon|evening|night|nights|overnight))?")
        # "on Monday last week", "Thursday of last week": that weekday of the week before the report's
        self._week_after = re.compile(r",?\s+(?:of\s+)?(?P<which>last|the\s+previous|previous)\s+week\b")
        self._date_prefix = re.compile(
            r"(?<![a-z])(?:(?P<approx>around|about|circa|approximately|on\s+or\s+about|on\s+or\s+around|"
            r"(?:in\s+|during\s+)?(?:the\s+)?week\s+(?:of|starting|beginning))\s+)?"
            r"(?:(?P<pre>between|from)\s+)?"
            r"(?:(?P<night>(?:the\s+)?(?:night|evening|morning|early\s+hours)\s+of)\s+)?"
            rf"(?:{wd}\.?,?\s+)?(?:the\s+)?$"
        )
        self._month_prefix = re.compile(
            r"(?<![a-z])(?:(?P<prep>in|during|since|until|till|by|throughout|from|of|last|this|late|early|mid|"
            r"(?:the\s+)?(?:end|beginning|start|middle)\s+of|"
            r"(?:the\s+)?(?P<week>first|second|third|fourth|last|final)\s+week\s+of)[\s-]+)?"
            r"(?:(?P<part>early|mid|late)[\s-]+)?$"
        )
        self._year_prefix = re.compile(
            r"(?<![a-z])(?P<prep>in|during|since|until|by|throughout|from|of|early|late|mid|"
            r"(?:the\s+)?(?:end|beginning)\s+of)[\s-]+$"
        )
        self._weekday_prefix = re.compile(
            r"(?<![a-z])(?:(?P<q>last|this\s+past|past|next|this\s+coming|coming|early|late|early\s+on|late\s+on)\s+)?"
            r"(?:(?:the\s+)?(?:night|evening|morning)\s+of\s+)?$"
        )
        # "two days ago", "about 24 hours earlier", "3 weeks later"
        self._count = re.compile(
            r"(?P<unit>hours?|days?|nights?|weeks?|fortnights?|months?|years?)\s+"
            r"(?P<dir>ago|earlier|later|before|after|afterwards|previously|prior|back)\b"
        )
        self._count_prefix = re.compile(
            r"(?<![a-z0-9])(?:(?:about|some|around|nearly|almost|roughly|just|barely|only|more\s+than|less\s+than)\s+)?"
            rf"{num}[\s-]+(?:or\s+so\s+)?$"
        )
        self._background_count = re.compile(
            rf"\b(?:over|in|during|for|within)\s+the\s+(?:past|last|previous)\s+{num}[\s-]+(?P<unit>days?|weeks?|months?|years?)\b"
        )
        part = r"(?:\s+(?:morning|afternoon|evening|night))?"
        self._phrase = re.compile(rf"(?P<p>{_alternation(list(self.phrases))})\b{part}")
        # "GUATEMALA CITY, 4 FEB 90 (ACAN-EFE) --", "BAGHDAD, Nov 21 (Reuters) -"
        self._dateline_before = re.compile(r"^\s*[A-Z][^\n,]{1,60}(?:,[^\n,]{1,40})?,\s*$")
        self._dateline_after = re.compile(r"^\s*(?:\(|--|-|–|—|/|:)")
        self._lower_run = re.compile(r"[a-z]{3,}")
        self._not_lower = re.compile(r"[^a-z]+")
        self._not_upper = re.compile(r"[^A-Z]+")
        self._past_words = re.compile(r"\b(?:past|last|previous)\s")
        # "since 2 February", "since Monday", "updated on 3 May", "24 deaths recorded on 31-12-2007":
        # frames and book-keeping, not events. ("Source dated 28 October" is kept: when a note gives
        # no other day, the source's day is the best one it has.)
        self._since_before = re.compile(
            r"(?:since|as\s+of|\bby|(?:published|updated|posted)(?:\s+on)?|recorded(?:\s+(?:on|for))?)\s*$"
        )
        # "protesters blocked the road over the killing of a rider last week": the day of the deed that
        # caused a protest or a reprisal, not of the protest or the reprisal
        self._cause_before = re.compile(
            r"\b(?:protest(?:s|ed|ing)?|demonstrat(?:e|ed|ing|ion|ions)|riot(?:s|ed|ing)?|over|against|"
            r"avenge|avenging|(?:revenge|retaliation|reprisal)\s+for|in\s+connection\s+with|mourn(?:ed|ing)?)\s+"
            r"(?:(?:the|a|an|their|his|her|its)\s+)?(?:[\w'-]+\s+){0,3}?"
            r"(?:killings?|murders?|deaths?|shootings?|attacks?|demolitions?|arrests?|abductions?|"
            r"kidnappings?|rapes?|assaults?|lynchings?|evictions?)\b[^.;!?]*$"
        )
        # but a captivity dates the abduction or arrest that began it: "held by the gang since 16 December"
        # ("has held the town since October" is no captivity)
        self._held_since = re.compile(
            r"\b(?:held\s+(?:by|hostage|captive|incommunicado)|detained|missing|abducted|kidnapped|hostage|"
            r"captive|captivity|custody|jailed)(?:\s+[\w'-]+){0,4}?\s+since\s*$"
        )
        # "Date unknown - source dated 04/04": the source's day stands in for the event's
        self._proxy_before = re.compile(
            r"(?:(?:source|report|article)\s+(?:is\s+|was\s+)?dated|source\s+date\s+(?:is|was))\s*$"
        )
        # the note's source is the report its relative words count from ("last week ... Source dated
        # 31/03"); a report or article it merely cites is not
        self._source_before = re.compile(r"source\s+(?:(?:is\s+|was\s+)?dated|date\s+(?:is|was))\s*$")
        # "5 January this year", "12 March last year"
        self._year_word_after = re.compile(r",?\s+(?P<which>this|last|next)\s+year\b")
        self._core = re.compile(rf"\d+|(?<![a-z])(?:{_alternation(list(self.months))})(?![a-z])")
        verbs = [row[0] for row in _read_tsv(data_dir / "time_speech_verbs.tsv")]
        verb_rx = _alternation(verbs)
        # "DENIED TODAY THAT", "said here on Tuesday", "today announced": the time of a statement
        # ("clashes were reported yesterday" is the event itself: a passive verb dates what it reports)
        self._speech_before = re.compile(
            rf"(?<!was )(?<!were )(?<!been )(?<!is )(?<!are )(?<!being )"
            rf"\b(?:{verb_rx})\s+(?:(?:here|there|in\s+\w+|on|late|early)\s+)?$"
        )
        # a subject of a few words may stand between ("TODAY THE DEFENSE MINISTRY DENIED"), but no comma:
        # in "rebels attacked yesterday, police said" the day is the attack's
        self._speech_after = re.compile(rf"(?:\s+[a-z'-]+){{0,5}}?\s+(?:{verb_rx})\b")
        # "Apr." keeps its dot; "April." ends a sentence (the longest name per value is the full one)
        self._abbreviations: set[str] = set()
        for table in (self.months, self.weekdays):
            full = {v: max((w for w in table if table[w] == v), key=len) for v in table.values()}
            self._abbreviations |= {w for w, v in table.items() if w != full[v]}

    # ------------------------------------------------------------------ public API

    def tag(self, text: str, published_at: date) -> list[TimeMention]:
        """Time expressions in ``text`` (published on ``published_at``), sorted by start.

        Overlapping readings are settled by rank (explicit dates over relative words), then length.
        Mentions that frame the report rather than date an event (datelines, time stamps, "since
        October", "the army said today") come back with ``background=True``.
        """
        mentions = self._tag(text, published_at)
        source = self._source_date(text, mentions, published_at) or self._dateline_date(text, mentions, published_at)
        return mentions if source is None else self._tag(text, source)

    def _dateline_date(self, text: str, mentions: list[TimeMention], published_at: date) -> date | None:
        """The day of a dateline ("Srinagar, June 18: ... yesterday") when it is a few days before the publication
        date and relative words need it as their anchor: the story was filed that day."""
        if not any(t.anchor == "report" for t in mentions):
            return None
        t = mentions[0]
        if (t.background and t.anchor == "absolute" and t.precision == 1 and t.start < 80
                and 0 < (published_at - t.date).days <= 7 and self._is_dateline(text, t)):
            return t.date
        return None

    def _source_date(self, text: str, mentions: list[TimeMention], published_at: date) -> date | None:
        """The day of the source a note is based on ("Date unknown - source dated 04/04"), if it
        differs from the publication date and relative words in the note need it as their anchor."""
        if ("ource" not in text and "OURCE" not in text) or not any(t.anchor == "report" for t in mentions):
            return None
        for t in mentions:
            if t.anchor == "absolute" and t.precision == 2 and t.date != published_at:
                low = text[max(0, t.start - 20) : t.start].lower()
                if self._source_before.search(low) and (t.date - published_at).days <= FUTURE_SLACK_DAYS:
                    return t.date
        return None

    def _tag(self, text: str, published_at: date) -> list[TimeMention]:
        upper = self._is_upper(text)
        low = text.lower()
        if len(low) != len(text):  # a few non-ASCII letters change length when lowered
            low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        # one scan finds the numbers and month names the date patterns start on
        digits: list[int] = []
        months: list[int] = []
        for m in self._core.finditer(low):
            (digits if low[m.start()].isdigit() else months).append(m.start())
        doc = _Doc(text, low, published_at, upper, digits, months)
        finders = [self._find_counts, self._find_phrases]
        if digits:
            finders += [self._find_numeric, self._find_years]
            if "on the " in low:
                finders.append(self._find_ordinal_days)
        if months:
            finders += [self._find_dates, self._find_months]
        if "day" in low or "tues" in low or "thurs" in low:
            finders.append(self._find_weekdays)
        if "christmas" in low or "new year" in low or "boxing" in low:
            finders.append(self._find_holidays)
        cands: list[_Candidate] = []
        for finder in finders:
            cands.extend(finder(doc))
        kept = self._select(cands)
        return self._postprocess(text, low, kept, published_at)

    # ------------------------------------------------------------------ helpers

    def _is_upper(self, text: str) -> bool:
        # MUC-style wires are upper case; a few lower-case letters (tags, stray words) are allowed
        for runs, _ in enumerate(self._lower_run.finditer(text), 1):
            if runs > 3:
                return False  # plainly mixed case: decided without counting every letter
        sample = text[:1000]  # enough letters to tell; counting all of a long wire costs
        n_lower = len(self._not_lower.sub("", sample))
        n_upper = len(self._not_upper.sub("", sample))
        return n_upper > 0 and n_upper >= 20 * n_lower

    @staticmethod
    def _cased(text: str, m: re.Match[str], group: str, upper: bool) -> bool:
        """In mixed-case text month and weekday names must be capitalised ("may", "march" are verbs)."""
        return upper or text[m.start(group)].isupper()

    @staticmethod
    def _word_start(low: str, i: int) -> bool:
        return i == 0 or not low[i - 1].isalnum()

    @staticmethod
    def _number_start(low: str, i: int) -> bool:
        """Digits not glued to a code, a decimal or a phone number ("K50", "1.5", "0722-12")."""
        if i == 0:
            return True
        c = low[i - 1]
        return not (c.isalnum() or c in "/:+-" or (c in ".," and i > 1 and low[i - 2].isdigit()))

    def _proxy_precision(self, low: str, start: int) -> int:
        return 2 if self._proxy_before.search(low, max(0, start - 20), start) else 1

    def _is_name(self, text: str, low: str, end: int, upper: bool, rx: re.Pattern[str] | None = None) -> bool:
        """A date that names something: "the 19 April Movement", "6 October Bridge", "Sunday Nation"."""
        n = (rx or self._name_after).match(low, end)
        return n is not None and (upper or text[n.start("noun")].isupper())

    @staticmethod
    def _prefix(rx: re.Pattern[str], low: str, start: int) -> re.Match[str] | None:
        return rx.search(low, max(0, start - 48), start)

    def _year_of(self, m: re.Match[str], pub: date) -> int | None:
        """The year written next to a date (None if none, -1 if the two digits are no year); two-digit
        years take the century that puts them nearest the report."""
        y = m.group("year")
        if y:
            return int(y)
        yy = m.group("yy")
        if yy is None:
            yy = m.group("yy2")
            if yy is None:
                return None
        century = pub.year // 100 * 100
        options = [century - 100 + int(yy), century + int(yy)]
        year = min(options, key=lambda c: (c > pub.year + 1, abs(pub.year - c)))
        if m.group("yy2") is not None:
            # bare two digits: only after an abbreviated month, and before a word only when they name
            # a year next to the report's ("29 AUG 89 IN MEDELLIN", but "4 Feb 10 people")
            rest = m.string[m.end() : m.end() + 3].lstrip()
            if len(m.group("mon")) > 4 or (rest[:1].isalpha() and not 0 <= pub.year - year <= 2):
                return -1
        return year

    @staticmethod
    def _infer_year(month: int, day: int, pub: date, weekday: int | None = None) -> date | None:
        """The year of a yearless ``day month``: the most recent such day on or before the report
        (plus a few days of slack for reports dated early). A later day is read as this year's only
        when last year's would be much further away: a date 3 weeks ahead is a date ahead, not one
        11 months ago. A weekday written beside the date picks the year it fits."""
        options = [d for y in (pub.year + 1, pub.year, pub.year - 1) if (d := _safe_date(y, month, day))]
        if not options:
            return None
        if weekday is not None:
            fitting = [d for d in options if d.weekday() == weekday and abs((d - pub).days) < 200]
            if fitting:
                return fitting[0]
        return min(options, key=lambda d: _distance_cost(d, pub))

    def _make(
        self,
        span: tuple[int, int],
        text: str,
        d: date,
        rank: int,
        precision: int = 1,
        anchor: Anchor = "absolute",
        offset: int | None = None,
        background: bool = False,
    ) -> _Candidate:
        start, end = span
        if text[end - 1] == ".":
            # keep "Apr." but not the full stop after "in April."
            word = text[start : end - 1].rsplit(None, 1)[-1].lower()
            if word not in self._abbreviations:
                end -= 1
        return _Candidate(
            rank,
            TimeMention(start, end, text[start:end], d, precision, anchor, offset, background),
        )

    # ------------------------------------------------------------------ finders

    def _find_numeric(self, doc: _Doc) -> Iterator[_Candidate]:
        text, low, pub = doc.text, doc.low, doc.pub
        if "-" in low or "/" in low:
            for m in _at(self._iso, low, doc.digits):
                d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
                if d and self._number_start(low, m.start()):
                    yield self._make(m.span(), text, d, 90)
        for m in _at(self._numeric, low, doc.digits):
            if not self._number_start(low, m.start()):
                continue
            y = int(m["y"])
            if y < 100:
                y += pub.year // 100 * 100
                if y > pub.year + 1:
                    y -= 100
            a, b = int(m["a"]), int(m["b"])
            # day-first (the convention of most of the world's press); month-first if forced, or if
            # the day-first day would lie after the report ("06/08/2015" in a report of 8 June)
            d = _plausible_reading(_safe_date(y, b, a), _safe_date(y, a, b), pub)
            if d and abs(d.year - pub.year) <= 30:
                yield self._make(m.span(), text, d, 90, self._proxy_precision(low, m.start()))
        if "/" in low:
            for m in _at(self._day_month, low, doc.digits):
                if not self._number_start(low, m.start()):
                    continue
                if (len(m["a"]) < 2 or len(m["b"]) < 2) and not _ON_BEFORE.search(low, max(0, m.start() - 8), m.start()):
                    continue  # "10/5" is a date only as "on 10/5": else a ratio, a score, a count
                a, b = int(m["a"]), int(m["b"])
                day_first = self._infer_year(b, a, pub) if 1 <= b <= 12 else None
                month_first = self._infer_year(a, b, pub) if 1 <= a <= 12 else None
                d = _plausible_reading(day_first, month_first, pub)
                if d:
                    yield self._make(m.span(), text, d, 70, self._proxy_precision(low, m.start()))

    def _find_ordinal_days(self, doc: _Doc) -> Iterator[_Candidate]:
        text, low, pub = doc.text, doc.low, doc.pub
        for m in self._ordinal_day.finditer(low):
            if not m["of"] and not self._ordinal_follow.match(low, m.end()):
                continue  # "on the 5th floor", "on the 3rd attempt"
            day = int(m["day"])
            first = pub.replace(day=1)
            prev_first = (first - timedelta(days=1)).replace(day=1)
            of = m["of"] or ""
            if "last" in of or "previous" in of:
                d = _safe_date(prev_first.year, prev_first.month, day)
            else:
                d = _safe_date(pub.year, pub.month, day)
                if d is None or (d - pub).days > FUTURE_SLACK_DAYS:
                    d = _safe_date(prev_first.year, prev_first.month, day)
            if d is not None:
                yield self._make(m.span("core"), text, d, 75)

    def _find_dates(self, doc: _Doc) -> Iterator[_Candidate]:
        text, low, pub, upper = doc.text, doc.low, doc.pub, doc.upper
        # "4 March 10 people": the day-month reading beats "March 10" when both overlap
        for rx, rank, positions in ((self._dmy, 81, doc.digits), (self._mdy, 80, doc.months)):
            for m in _at(rx, low, positions):
                start = m.start()
                day_first = low[start].isdigit()
                if not (self._number_start(low, start) if day_first else self._word_start(low, start)):
                    continue
                if not self._cased(text, m, "mon", upper) or self._is_name(text, low, m.end(), upper):
                    continue
                if not day_first and low[m.end("mon")] == "." and m["mon"] not in self._abbreviations:
                    continue  # "in January. 15 killed": the full stop ends a sentence
                month = self.months[m["mon"]]
                year = self._year_of(m, pub)
                end = m.end()
                if year == -1:
                    year = None
                    end = len(text[: m.start("yy2")].rstrip(" ,-"))
                if year is None and (yw := self._year_word_after.match(low, end)):
                    year = pub.year + {"this": 0, "last": -1, "next": 1}[yw["which"]]
                    end = yw.end()
                pre = self._prefix(self._date_prefix, low, start)
                weekday = None
                if pre is not None and not day_first and pre.group().strip() == "the":
                    pre = None  # "before the March 4 elections": the article is no part of the date
                if pre is not None and pre.start() < start:
                    if pre["wd"] is not None and not self._cased(text, pre, "wd", upper):
                        pre = None
                    else:
                        weekday = self.weekdays[pre["wd"]] if pre["wd"] else None
                        start = pre.start()
                first = int(m["day"])
                approx = (pre is not None and pre["approx"]) or self._proxy_before.search(low, max(0, start - 20), start)
                precision = 2 if approx else 1
                if m["d2"] is not None:
                    last = int(m["d2"])
                    joined_by_and = m["span"].strip() == "and"
                    if first < last <= 31 and (day_first or not joined_by_and or (pre and pre["pre"] == "between")):
                        width = last - first
                        # a night across two dates ("the night of 15-16 May", "15/16 May") is one event
                        # day; a few days are a week; more a month
                        overnight = (pre is not None and pre["night"]) or m["span"].strip() == "/"
                        precision = 1 if width == 1 and overnight else (2 if width <= 7 else 3)
                        rank += 4
                    elif day_first:
                        # "20 to 3 April" is no range: read the date that stands by the month
                        start, first, weekday, precision = m.start("d2"), last, None, 1
                    else:
                        # "April 1 and 3 people": the date ends at its day
                        end = m.end("day")
                        year = None
                d = _safe_date(year, month, first) if year else self._infer_year(month, first, pub, weekday)
                if d is not None:
                    yield self._make((start, end), text, d, rank, precision)

    def _find_months(self, doc: _Doc) -> Iterator[_Candidate]:
        text, low, pub, upper = doc.text, doc.low, doc.pub, doc.upper
        for m in _at(self._month, low, doc.months):
            if not self._word_start(low, m.start()) or not self._cased(text, m, "mon", upper):
                continue
            if not m["year"] and MODAL_MAY.match(low, m.start()):
                continue  # "THIS MAY HAVE BEEN A TERRORIST ATTACK": the verb, not the month
            pre = self._prefix(self._month_prefix, low, m.start())
            prep = _norm(pre["prep"] or "") if pre else ""
            part = (pre["part"] or "") if pre else ""
            week = (pre["week"] or "") if pre else ""
            if prep in ("early", "mid", "late") and not part:
                part, prep = prep, ""
            if prep.endswith("end of"):
                part = "late"
            elif prep.endswith(("beginning of", "start of")):
                part = "early"
            elif prep.endswith("middle of"):
                part = "mid"
            # a bare capitalised "May" or "March" is too often a word or a name (but "a March attack on Odesa",
            # "the May offensive" name the month of a deed)
            named_deed = bool(_ARTICLE_BEFORE.search(low, max(0, m.start() - 6), m.start())
                              and _DEED_AFTER.match(low, m.end()))
            if not (m["year"] or part or prep or named_deed) or (prep == "of" and not (m["year"] or part)):
                continue
            month = self.months[m["mon"]]
            day = {"early": 5, "mid": 15, "late": 25}.get(part, 15)
            if week:
                # "the last week of October": the middle of that week
                part = "week"
                day = {"first": 4, "second": 11, "third": 18, "fourth": 25}.get(week, 28)
            end = m.end()
            if m["year"]:
                d = _safe_date(int(m["year"]), month, day)
            elif (yr := _MONTH_YEAR_AFTER.match(low, end)) is not None:
                # "in August last year", "in March this year"
                d = _safe_date(pub.year - (1 if yr.group(1) == "last" else 0), month, day)
                end = yr.end()
            else:
                d = self._infer_month(month, day, pub, last=prep == "last")
            if d is None:
                continue
            if d.year == pub.year and d.month == pub.month and d > pub:
                d = pub  # "earlier in the month": not after the report
            precision = 2 if part else 3
            background = prep in ("since", "until", "till", "by", "throughout", "from")
            # the span keeps words that change the meaning ("early", "since", "last"), not "in"/"of"
            if pre is None:
                start = m.start()
            elif pre["part"] and not week:
                start = pre.start("part")
            elif prep in _PLAIN_PREPOSITIONS:
                start = m.start()
            else:
                start = pre.start()
            yield self._make((start, end), text, d, 60, precision, background=background)

    @staticmethod
    def _infer_month(month: int, day: int, pub: date, last: bool = False) -> date | None:
        year = pub.year if month <= pub.month else pub.year - 1
        if last and month == pub.month:
            year -= 1
        return _safe_date(year, month, day)

    def _find_years(self, doc: _Doc) -> Iterator[_Candidate]:
        text, low, pub = doc.text, doc.low, doc.pub
        for m in _at(self._year, low, doc.digits):
            y = int(m["year"])
            if y > pub.year + 1 or not self._number_start(low, m.start()):
                continue
            pre = self._prefix(self._year_prefix, low, m.start())
            if pre is None:
                continue
            start = m.start() if _norm(pre["prep"]) in _PLAIN_PREPOSITIONS else pre.start()
            yield self._make((start, m.end()), text, date(y, 1, 1), 40, 3, background=True)

    def _find_weekdays(self, doc: _Doc) -> Iterator[_Candidate]:
        text, low, pub, upper = doc.text, doc.low, doc.pub, doc.upper
        for m in self._weekday.finditer(low):
            if not self._word_start(low, m.start()) or not self._cased(text, m, "wd", upper):
                continue
            if self._is_name(text, low, m.end("wd"), upper, self._weekday_name_after):
                continue
            target = self.weekdays[m["wd"]]
            pre = self._prefix(self._weekday_prefix, low, m.start())
            q = _norm(pre["q"] or "") if pre else ""
            end = m.end()
            week = self._week_after.match(low, end)
            if week is not None and not q:
                d = pub - timedelta(days=pub.weekday() + 7 - target)
                end = week.end()
            elif q in ("next", "this coming", "coming"):
                delta = (target - pub.weekday()) % 7 or 7
                d = pub + timedelta(days=delta)
            else:
                # the most recent such day on or before the report; the same weekday is the report
                # day, but "last Friday" said on a Friday is a week back
                back = (pub.weekday() - target) % 7
                d = pub - timedelta(days=back or (7 if q in ("last", "this past", "past") else 0))
            start = pre.start() if pre else m.start()
            yield self._make((start, end), text, d, 50, 1, "report", (d - pub).days)

    def _find_holidays(self, doc: _Doc) -> Iterator[_Candidate]:
        """Fixed-date holidays ("on Christmas Eve"), in the year that puts them nearest the report."""
        text, low, pub = doc.text, doc.low, doc.pub
        for m in self._holiday.finditer(low):
            if not (doc.upper or text[m.start()].isupper()):
                continue  # "a new year's day of hope" is no date
            month, day = divmod(self.holidays[_norm(m["h"])], 100)
            d = self._infer_year(month, day, pub)
            if d is not None:
                yield self._make(m.span(), text, d, 65)

    def _find_counts(self, doc: _Doc) -> Iterator[_Candidate]:
        text, low, pub = doc.text, doc.low, doc.pub
        for m in self._count.finditer(low):
            unit = m["unit"].rstrip("s")
            if not self._word_start(low, m.start()):
                continue
            pre = self._prefix(self._count_prefix, low, m.start())
            n = self._number(pre["n"]) if pre else None
            if pre is None or n is None:
                continue
            days, precision = _unit_days(unit, n)
            if _norm(pre["n"]) in _VAGUE_NUMBERS:
                precision = min(3, precision + 1)  # "a few days ago" is within a week, not a day
            if unit == "year":
                # "a year ago" frames the story; it dates no event of the report
                d = pub - timedelta(days=days)
                yield self._make((pre.start(), m.end()), text, d, 55, 3, "report", -days, True)
                continue
            direction = m["dir"]
            sign = 1 if direction in ("later", "after", "afterwards") else -1
            offset = sign * days
            if direction in ("after", "before") and _PLACED_BY.search(low, max(0, pre.start() - 30), pre.start()):
                # "the attack came a day after gangs vowed to ...": the event is placed against
                # something else, whose date the report does not give; it dates nothing
                d = _fallback(pub, offset, "previous")
                yield self._make((pre.start(), m.end()), text, d, 55, precision, "previous", offset, True)
                continue
            # "two days after the attack" is relative to an event; the report date is the fallback
            anchor: Anchor = "report" if direction in ("ago", "back") else "previous"
            span = (pre.start(), m.end())
            yield self._make(span, text, _fallback(pub, offset, anchor), 55, precision, anchor, offset)
        if not self._past_words.search(low):
            return
        for m in self._background_count.finditer(low):
            n = self._number(m["n"])
            if n is None:
                continue
            days, precision = _unit_days(m["unit"].rstrip("s"), n)
            d = pub - timedelta(days=days)
            yield self._make(m.span(), text, d, 56, max(2, precision), "report", -days, True)

    def _number(self, s: str) -> int | None:
        s = _norm(s)
        return int(s) if s.isdigit() else self.numbers.get(s)

    def _find_phrases(self, doc: _Doc) -> Iterator[_Candidate]:
        text, low, pub = doc.text, doc.low, doc.pub
        for m in self._phrase.finditer(low):
            if not self._word_start(low, m.start()):
                continue
            ph = self.phrases[_norm(m["p"])]
            d, offset = _resolve_phrase(ph.offset, pub)
            if ph.anchor == "previous":
                d = _fallback(pub, offset, ph.anchor)
            yield self._make(m.span(), text, d, 45, ph.precision, ph.anchor, offset, ph.background)

    # ------------------------------------------------------------------ selection

    @staticmethod
    def _select(cands: list[_Candidate]) -> list[TimeMention]:
        """Non-overlapping mentions: higher rank first, then the longer, then the earlier one."""
        cands.sort(key=lambda c: (-c.rank, -(c.mention.end - c.mention.start), c.mention.start))
        taken: list[tuple[int, int]] = []
        kept: list[TimeMention] = []
        for c in cands:
            s, e = c.mention.start, c.mention.end
            if any(s < te and ts < e for ts, te in taken):
                continue
            taken.append((s, e))
            kept.append(c.mention)
        kept.sort(key=lambda t: t.start)
        return kept

    def _postprocess(self, text: str, low: str, kept: list[TimeMention], pub: date) -> list[TimeMention]:
        out: list[TimeMention] = []
        for i, t in enumerate(kept):
            # "from 30 October to 2 November": one mention, dated by its first day
            if out and t.anchor == "absolute" and t.precision == 1 and not t.background:
                prev = out[-1]
                if (
                    prev.anchor == "absolute"
                    and prev.precision == 1
                    and prev.date < t.date <= prev.date + timedelta(days=62)
                    and self._range_gap.fullmatch(low, prev.end, t.start)
                    and (low[prev.end : t.start].strip() != "and" or low.startswith("between", prev.start))
                ):
                    width = (t.date - prev.date).days
                    out[-1] = replace(prev, end=t.end, text=text[prev.start : t.end], precision=2 if width <= 7 else 3)
                    continue
            # "On 6 May 2025, overnight": the word refines the date before it, it is no new date
            if out and t.anchor == "report" and t.precision == 1 and not t.background:
                prev = out[-1]
                gap = text[prev.end : t.start]
                if prev.anchor == "absolute" and not prev.background and len(gap) <= 3 and not gap.strip(" ,"):
                    continue
            # "last Friday [16 August]", "on Saturday (18 November)": the date in brackets says which day
            if out and t.anchor == "absolute" and t.precision == 1 and not t.background:
                prev = out[-1]
                gap = text[prev.end : t.start]
                if prev.anchor == "report" and prev.precision == 1 and gap.strip() in ("(", "["):
                    out[-1] = t
                    continue
            if not t.background and (
                _is_ahead(t, pub)
                or self._is_stamp(low, t)
                or self._is_cause(low, t)
                or self._is_since(low, t) or (i == 0 and self._is_dateline(text, t))
            ):
                t = replace(t, background=True)
            elif not t.background and self._is_statement_time(low, t):
                t = replace(t, background=True, statement=True)
            out.append(t)
        return out

    def _is_statement_time(self, low: str, t: TimeMention) -> bool:
        """A report-relative day that dates a statement: "the army denied today that ..."."""
        if t.anchor != "report" or t.precision != 1 or low.startswith("'s", t.end):
            return False
        return bool(
            self._speech_before.search(low, max(0, t.start - 30), t.start)
            or self._speech_after.match(low, t.end, t.end + 30)
            # "the death toll ... rose to 119 on Wednesday": the day of the count, not of the deaths
            or _TOLL_ROSE_BEFORE.search(low, max(0, t.start - 40), t.start)
            # "demanded an investigation on Friday into a coalition air strike": the day of the demand
            or _DEMAND_BEFORE.search(low, max(0, t.start - 50), t.start)
            # "said Bulama Kachalla, a community leader who helped bury the dead on Monday": the speaker's day
            or _SPEAKER_WHO_BEFORE.search(low, max(0, t.start - 200), t.start)
        )

    def _is_stamp(self, low: str, t: TimeMention) -> bool:
        """"Nov 21, 2023 08:15 AM": a date with a clock time glued on is a page's time stamp."""
        return t.anchor == "absolute" and bool(self._clock_after.match(low, t.end, t.end + 12))

    def _is_cause(self, low: str, t: TimeMention) -> bool:
        """A day in a clause naming the deed a protest or reprisal answers ("protesting the demolition
        of the market the previous night"), searched back to the start of the sentence."""
        if t.anchor == "absolute":
            return False  # "traders protest the demolition of their kiosks on 28/11": the protest's day
        start = max(low.rfind(". ", 0, t.start) + 1, t.start - 160)
        return bool(self._cause_before.search(low, start, t.start))

    def _is_since(self, low: str, t: TimeMention) -> bool:
        # not "since the next day" (an event-relative mention dates what follows it) nor "since
        # Monday's attack" (the day of the attack)
        if t.anchor == "previous" or (t.anchor == "report" and low.startswith("'s", t.end)):
            return False
        if not self._since_before.search(low, max(0, t.start - 16), t.start) and not _SINCE_CLAUSE.search(
                low, max(0, t.start - 90), t.start):
            return False
        return not self._held_since.search(low, max(0, t.start - 60), t.start)

    def _is_dateline(self, text: str, t: TimeMention) -> bool:
        """The wire dateline ("CITY, 4 FEB 90 (AGENCY) --") or a date alone on an early line."""
        if t.start > 600 or t.anchor != "absolute":
            return False
        line_start = text.rfind("\n", 0, t.start) + 1
        line_end = text.find("\n", t.end)
        line_end = len(text) if line_end == -1 else line_end
        before, after = text[line_start : t.start], text[t.end : line_end]
        if not before.strip() and not after.strip() and text[line_end:].strip():
            return True  # a date on its own line above the story: the publication stamp
        return bool(self._dateline_before.match(before) and self._dateline_after.match(after))


MODAL_MAY = re.compile(r"may\s+(?:have|be|not|also|well|never|soon|still|yet|only|even|seem|prove|lead|cause|help|take|come|"
                       r"become|face|need|want|try|affect|result|pose|happen)\b")


def _distance_cost(d: date, pub: date) -> int:
    """How unlikely a report dated ``pub`` speaks of day ``d``: days back, or five times the days
    ahead beyond the slack (reports mostly look back)."""
    ahead = (d - pub).days
    if ahead <= FUTURE_SLACK_DAYS:
        return abs(ahead)
    return 5 * ahead


def _is_ahead(t: TimeMention, pub: date) -> bool:
    """A day after the report ("elections due on 30 November", "tomorrow", "next Friday") is a plan or
    a deadline, not the day of an event it reports; a few days' slack allows for early editions."""
    if t.anchor == "report":
        return (t.offset_days or 0) > 0
    return t.anchor == "absolute" and (t.date - pub).days > FUTURE_SLACK_DAYS


def _plausible_reading(day_first: date | None, month_first: date | None, pub: date) -> date | None:
    """The day of an all-digit date read day-first, unless that day lies after the report (beyond
    the slack) and the month-first reading is nearer: what a report describes has happened by then."""
    if day_first is None or month_first is None:
        return day_first or month_first
    impossible = (day_first - pub).days > FUTURE_SLACK_DAYS
    if impossible and _distance_cost(month_first, pub) < _distance_cost(day_first, pub):
        return month_first
    return day_first


def _fallback(pub: date, offset: int, anchor: Anchor) -> date:
    """The day of a relative mention resolved against the report. An event-relative one ("the next
    day") counts back from the report at most: what a report describes has happened by then."""
    if anchor == "previous":
        return pub + timedelta(days=min(offset, 0))
    return pub + timedelta(days=offset)


def _safe_date(year: int | None, month: int, day: int) -> date | None:
    if year is None or not 1 <= month <= 12:
        return None
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return date(year, month, day)


def _unit_days(unit: str, n: int) -> tuple[int, int]:
    """Days in ``n`` units and the precision such a distance allows."""
    if unit == "hour":
        return (n + 6) // 24, 1  # "about 24 hours earlier" is the day before; "hours later" the same day
    if unit in ("day", "night"):
        return n, 1
    if unit == "week":
        return 7 * n, 2
    if unit == "fortnight":
        return 14 * n, 2
    if unit == "month":
        return 30 * n, 3
    return 365 * n, 3


def _resolve_phrase(offset: str, pub: date) -> tuple[date, int]:
    """The day a fixed phrase denotes against the report date, and its offset in days."""
    if offset.lstrip("-").isdigit():
        n = int(offset)
        return pub + timedelta(days=n), n
    if offset == "week_start":
        d = pub - timedelta(days=min(pub.weekday(), 3) or 0)
    elif offset == "weekend":
        d = pub - timedelta(days=(pub.weekday() - 5) % 7)
    elif offset == "month_mid":
        d = pub.replace(day=max(1, (pub.day + 1) // 2))
    elif offset == "prev_month":
        last = pub.replace(day=1) - timedelta(days=1)
        d = last.replace(day=15)
    elif offset == "prev_year":
        d = date(pub.year - 1, 1, 1)
    elif offset == "this_year":
        d = date(pub.year, 1, 1)
    else:
        raise ValueError(f"unknown time phrase rule {offset!r}")
    return d, (d - pub).days


_PLACED_BY = re.compile(r"\b(?:came|comes|coming|occurred|occurs|happened|happens|took\s+place|follow(?:ed|s)|"
                        r"was|were|is)\s+(?:just\s+|only\s+|barely\s+|some\s+)?$")


def resolve_relative(m: TimeMention, previous: date) -> date:
    """Re-resolve an event-relative mention ("the next day") against the previous event's date.

    Mentions of other anchors already carry their day and are returned as they are.
    """
    if m.anchor != "previous" or m.offset_days is None:
        return m.date
    return previous + timedelta(days=m.offset_days)
