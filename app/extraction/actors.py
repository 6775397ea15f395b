"""The actors stage: finds actor references in text and names them as ACLED does.

Knowledge lives in ``data/actors_*.tsv`` (named groups and state units, state naming per country,
regional forces, identity groups, generic nouns); this module only applies it. ``ActorTagger.tag``
returns non-overlapping :class:`ActorMention` spans sorted by start, the longest match winning, with
one exception: a mention of kind ``assoc_group`` may share the exact span of the primary mention
just before it ("traders" → ``Civilians (Somalia)`` + ``Labor Group (Somalia)``).

Kinds returned: ``state``, ``police``, ``rebel``, ``political_militia``, ``identity_militia``,
``external``, ``unidentified``, ``crowd`` (name is ``Protesters (X)`` or ``Rioters (X)`` by the
word's own lean; the assembler decides and may swap), ``civilians``, ``assoc_group`` (inter 0: an
associated identity/occupation group or ``Government of X``) and ``anaphor`` (name "": "militants",
"guerrillas" — link to the group named earlier).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.extraction import countries as _countries
from app.extraction.datafiles import read_tsv
from app.extraction.types import ActorMention

DATA_DIR = Path(__file__).parent / "data"

_INTER = {"state": 1, "police": 1, "government": 1, "rebel": 2, "political_militia": 3,
          "identity_militia": 4, "external": 8}
_ROLE_PRIORITY = {"named": 0, "identity": 1, "generic": 2}
_NATIONALS_AFTER = re.compile(r"\s+(?:nationals?|citizens?|tourists?|migrants?|refugees?|pilgrims?|engineers?|"
                              r"workers?|traders?|fishermen|aid\s+workers?|expatriates?|travell?ers?)\b",
                              re.IGNORECASE)
_COUNTRY_AND = re.compile(r"(\S+?)\s+and\s+$")
_DESCRIPTOR_GAP = re.compile(r"\s+(?:(?:group|movement|organi[sz]ation|outfit|faction)\s+)?")
# "Military Forces of the United States (2025-) Navy": a state actor named with the current period
_CURRENT_PERIOD = re.compile(r"^(?P<base>(?:Military Forces|Police Forces|Government) of (?:the )?(?P<country>[^()]+?))"
                             r" \((?P<start>\d{4})-\)(?P<rest>.*)$")

# Words that, right after a named group, still belong to it ("Al Shabaab fighters").
_NAMED_TAIL = re.compile(
    r"(?:['’]s)?\s+(?:forces|force|fighters|militants|militia|militias|militiamen|members|troops|"
    r"soldiers|gunmen|insurgents|rebels|guerrillas|elements|operatives|units|unit|cells?|"
    r"combatants|jihadists|loyalists|affiliates|agents|officers|personnel|commandos|"
    r"supporters)\b",
    re.IGNORECASE,
)
_PROTEST_CONTEXT = re.compile(
    r"\b(?:protest\w*|demonstrat\w*|(?:on|general|labou?r|hunger|nationwide)\s+strikes?|"
    r"strik(?:e|es|ing)\s+(?:over|for|against|action|to\s+demand|demanding)|striking\s+\w+|went on strike|"
    r"march(?:ed|es|ing)?|petition\w*|"
    r"picket\w*|sit-in|boycott\w*|rall(?:y|ied|ies)|chant\w*)\b",
    re.IGNORECASE,
)
_RIOT_CONTEXT = re.compile(r"\b(?:riot\w*|loot\w*|torch\w*|set\s+(?:ablaze|on\s+fire)|stones?|stoning|barricad\w*)\b",
                           re.IGNORECASE)
_ID_MILITIA_HEAD = re.compile(
    r"(?:['’]s)?\s+(?:(?:clan|sub-clan|sub\s+clan|clans|sub-clans|ethnic|tribal|community|armed)\s+)?"
    r"(?:militia|militias|militiamen|fighters|gunmen|raiders|bandits|warriors|attackers|rustlers|"
    r"cattle\s+rustlers|morans|youths|youth|assailants|clansmen|tribesmen|forces|elements|armed\s+men|gunmen|"
    r"militants|(?<!ethnic\s)(?<!Ethnic\s)(?<!community\s)groups?|gangs?|bandits|fighters|rebels|insurgents|"
    r"separatists|raid|raids|raiding|attack|attacks|"
    r"attacked|raided|clashed|fought|stormed|ambushed|invaded|killed)\b",
    re.IGNORECASE,
)
_ID_GROUP_HEAD = re.compile(
    r"(?:['’]s)?\s+(?:clan|clans|sub-clan|sub-clans|sub\s+clan|ethnic\s+group|ethnic\s+community|tribe|"
    r"community|communities|people|members|clan\s+members|elders|clan\s+elders|residents|villagers|"
    r"herders|pastoralists|farmers|families|women|traders|family|household|households|settlements?|"
    r"civilians?|man|woman|men|boys?|girls?|child|children|protesters|demonstrators|villages?|farms?|"
    r"homes?|houses|students|businessmen|refugees|IDPs|settlers|squatters|workers|bod(?:y|ies)|victims?|"
    r"passengers|herdsmen|voters|neighbou?rhoods?|manyattas?|kraals?)\b",
    re.IGNORECASE,
)
# A group head followed by an attack verb still describes a militia ("the Pokot tribe raided").
_ID_ACTS = re.compile(r"\s+(?:(?!(?:is|was|were|are|been|being|got|get|gets)\b)\w+\s+)?(?:raided|attacked|killed|ambushed|stormed|invaded|clashed|fought|torched|"
                      r"burned|burnt|stole|drove\s+away|launched|raid|raids|attack|attacks|kill|kills|spear|speared|"
                      r"targeted|target|shoot|shot|torch|burn|loot|looted|steal|clash|fight|exchanged\s+(?:gun)?fire)\b|"
                      # "Turkana herders and Pokot raiders exchanged fire"
                      r"\s+and\s+(?:[A-Z][\w'’-]+\s+){1,2}[a-z]+\s+(?:exchanged\s+(?:gun)?fire|clashed|fought)\b", re.IGNORECASE)
# a community the fight was with ("sparking a gun battle with Dinka herders")
_ID_FOUGHT_WITH = re.compile(r"\b(?:battle|battles|clash|clashes|fighting|gunfight|fight|exchange\s+of\s+fire|fire)\s+with\s+(?:the\s+)?$",
                             re.IGNORECASE)
# communities that make peace through their elders are the sides of the conflict: their militias ("the Borana and Gabra
# communities on Friday signed a peace agreement", as ACLED codes clan accords)
_ID_ACCORD = re.compile(r"\s+(?:(?:on|last|this)\s+\w+\s+)?(?:signed|agreed|reached|struck|concluded)\s+(?:on\s+)?(?:a\s+|an\s+|the\s+)?"
                        r"(?:[\w-]+\s+)?(?:peace|ceasefire|truce|reconciliation|accord|agreement|deal|pact)\b", re.IGNORECASE)
# Group heads that can act as a militia when an attack verb follows ("the Pokot community raided").
_ID_ACTOR_HEAD = re.compile(
    r"(?:['’]s)?\s+(?:clan|clans|sub-clan|sub-clans|tribe|community|communities|people|members|herders|herdsmen|"
    r"pastoralists|villagers|residents|farmers|settlers|squatters|ethnic\s+group|ethnic\s+community)\b",
    re.IGNORECASE,
)
_LINEAGE_TAIL = re.compile(r"((?:-[A-Z][\w']*(?: [A-Z][\w']*)?)+)(?=\s+(?:sub-clan|sub\s+clan|clan|militia))")
_ID_PLACE_HEAD = re.compile(
    r"\s+(?:County|Counties|region|Region|zone|Zone|district|District|town|Town|village|Village|Hills|"
    r"area|land|side|border|North|South|Central|West|East|Province|State|Special|Road|road|"
    r"Valley|valley|Corridor|corridor|University|Police|police|Station|station)\b"
)
_ID_MILITIA_PREFIX = re.compile(
    r"(?:militia|militias|militiamen|fighters|gunmen|raiders|attackers|warriors|bandits|men|youths|youth|"
    r"clansmen)\s+(?:from|of|belonging\s+to|loyal\s+to|hailing\s+from|affiliated\s+with)\s+"
    r"(?:the\s+|both\s+|rival\s+|two\s+)*$|"
    r"\b(?:suspected|believed\s+to\s+be|likely\s+to\s+be|thought\s+to\s+be|identified\s+as|presumably|"
    r"allegedly)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_ID_PLACE_PREFIX = re.compile(
    r"(?:\b(?:in|at|to|near|across|West|East|North|South|Elgeyo|Trans|Elgeyo-|Lower|Upper|central)\s*|-)$"
)
_ID_COORD = re.compile(r"\s*(?:\s+(?:sub-clan|clan|ethnic\s+group|community)s?\s+(?:and|vs\.?|versus)\s+|"
                       r",\s*(?:and\s+)?|\s+and\s+(?:[A-Z][a-z]+\s+)?|\s*&\s*|\s*/\s*|\s+or\s+|\s+vs\.?\s+|\s+versus\s+)"
                       r"(?:the\s+)?")
_LYNCH_CONTEXT = re.compile(
    r"\b(?:lynch\w*|mob\s+justice|beat(?:en)?\s+(?:\w+\s+)?to\s+death|stoned\s+(?:\w+\s+)?to\s+death|"
    r"burnt?\s+(?:\w+\s+)?to\s+death|set\s+(?:\w+\s+){0,3}(?:alight|ablaze|on\s+fire)|witch\w*|"
    r"suspected\s+(?:of\s+)?(?:thie\w+|steal\w*|robb\w*|murder\w*|criminal\w*))",
    re.IGNORECASE,
)
# Collective nouns that act as the crowd in mob justice ("lynched by residents").
_COLLECTIVE = {"residents", "villagers", "locals", "local residents", "members of the public", "people", "youths",
               "a group of residents", "group of residents"}
# Proxies named by their sponsor: "Iran-backed militias", "pro-Turkish factions".
_PROXY = re.compile(
    r"\b(?:(?P<a>[A-Za-z][\w.]*)[-\s](?:backed|aligned|allied|linked|supported|sponsored|affiliated)|"
    r"[Pp]ro-(?P<b>[A-Za-z][\w.]*))\s+(?:(?:armed|Shiite|Shia|Sunni|Iraqi|Syrian|local|paramilitary)\s+){0,2}"
    r"(?:militia|militias|militiamen|militants|groups|group|factions|faction|fighters|forces|paramilitaries|"
    r"proxies|armed\s+groups|separatists|rebels)\b",
    re.IGNORECASE,
)
_OFF_DUTY_AFTER = re.compile(r"\)?(?:\s*\([^)]{0,12}\))?\s*[(,]?\s*(?:who\s+was\s+|while\s+)?off[\s-]duty", re.IGNORECASE)
_OFF_DUTY_BEFORE = re.compile(r"off[\s-]duty\s+(?:\w+\s+)?$", re.IGNORECASE)
# Generic nouns that only report ("police said", "according to officials") are sources, not actors.
_SOURCE_AFTER = re.compile(r"(?:\s+(?:officers?|officials?|commanders?|chiefs?))?"  # "a police officer said"
                           r"(?:\s+(?:and|or)\s+(?:\w+\s+)?(?:witnesses|residents|officials|sources|medics))?"  # "officials and witnesses said"
                           r"(?:\s+(?-i:[A-Z])[\w'’-]+){0,3}"  # "Prime Minister Sheikh Hasina said"
                           r"(?:\s+(?:today|yesterday|tonight|also|later|earlier|on\s+\w+day))?"  # "POLICE TODAY REPORTED"
                           r"\s*,?\s+(?:have\s+|has\s+|had\s+)?(?:said|say|says|told|stated|reported|confirmed|announced|"
                           r"added|noted|explained|spokesm[ae]n|spokesperson|sources?)\b"
                           # ... but "the army said it had retaken the town": a speaker of its own deed
                           r"(?!\s+(?:on\s+\w+\s+)?(?:that\s+)?(?:it|they|its\s+(?:forces|troops|fighters))\b)", re.IGNORECASE)
_SOURCE_BEFORE = re.compile(r"\baccording\s+to\s+(?:the\s+|local\s+|several\s+|two\s+)*$", re.IGNORECASE)
# "the al Qaeda-linked JNIM" describes JNIM; "al Shabaab-linked gunmen" are al Shabaab's
_LINKED_AFTER = re.compile(r"[-\s](?:linked|affiliated|allied|aligned|inspired|affiliate|loyal|leaning)\s+"
                           r"(?:group\s+|militant\s+group\s+)?(?=[A-Z][A-Za-z]*[A-Z]|[A-Z][a-z]+\s+[A-Z]|(?:al|el|ash|as|an)[\s-][A-Z])")
_ARMED_WITH = re.compile(r",?\s+(?:who\s+were\s+|heavily\s+)?armed\s+with\b", re.IGNORECASE)
# a country as the subject of an armed act ("Russia launched", "Israel struck", "Iran has fired")
_STATE_ACTS = re.compile(r"\s+(?:has\s+|have\s+|had\s+|also\s+|again\s+|later\s+)?(?:launched|fired|struck|"
                         r"attacked|shelled|bombed|bombarded|pounded|carried\s+out|conducted|invaded|"
                         r"targeted|hit)\b", re.IGNORECASE)
# a country as a party to an agreement: "India and Pakistan agreed", "Israel and Hamas signed"
_AGREE = r"\s+(?:have\s+|has\s+|had\s+|formally\s+|finally\s+)?(?:agreed|signed|reached|concluded|struck)\b"
_STATE_AGREES = re.compile(r"\s+and\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*" + _AGREE)
_STATE_AGREES_SECOND = re.compile(r"\b[A-Z][\w'’-]*\s+and\s+(?:the\s+)?$")
_STATE_AGREES_END = re.compile(_AGREE)
# ... but not where something came from or happened ("a rocket fired from Lebanon hit")
_ITS_SPEAKER = re.compile(r"\b(?P<state>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)['’]s\s+(?:[Dd]efen[cs]e\s+[Mm]inistry|"
                          r"[Mm]inistry\s+of\s+[Dd]efen[cs]e|[Gg]eneral\s+[Ss]taff|army|armed\s+forces|military|"
                          r"[Dd]efen[cs]e\s+[Ff]orces)\b[^.;]{0,60}\b(?:its|their)\s+$")
_PLACE_PREP_BEFORE = re.compile(r"\b(?:from|in|into|of|to|at|on|near|across|over|towards?|against|by|with|inside|"
                                r"within|throughout)\s+(?:the\s+)?$", re.IGNORECASE)
# "the Gran Grif gang", "the 400 Mawozo gang", "the Tren de Aragua cartel": a gang named by its own name
_NAMED_GANG = re.compile(r"(?P<name>(?:(?:[A-Z][\w'’-]*|\d+|de|del|la|los|las)\s+){0,3}(?:[A-Z][\w'’-]*|\d+))\s+"
                         r"(?P<kind>gang|cartel)\b")
_GANG_NAME_STOP = {"the", "a", "an", "rival", "local", "armed", "criminal", "street", "drug", "powerful", "notorious",
                   "violent", "main", "another", "one", "two", "three", "this", "that", "its", "their", "his", "her",
                   "police", "prison", "youth", "some", "several", "other", "biggest", "largest", "feared", "de",
                   "del", "la", "los", "las", "when", "after", "while", "suspected", "alleged", "in", "on", "at"}
_FORMER_BEFORE = re.compile(r"\b(?:former|retired|ex)[\s-]+(?:police\s+|army\s+|military\s+)?$", re.IGNORECASE)
_PAREN_OPEN = re.compile(r"\s*\(")
_PLACE_OF = re.compile(r"\s*(?:['’]s\s+)?$")


@dataclass(frozen=True, slots=True)
class _Named:
    name: str
    inter: int
    country: str
    where: tuple[str, ...]
    kind: str


@dataclass(frozen=True, slots=True)
class _Identity:
    ethnic: str  # ACLED spelling of the group outside Somalia
    lineage: str  # Somali lineage, "" for a non-Somali group
    level: str  # family | clan | ethnic
    countries: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Region:
    country: str
    military: str
    police: str


_LINEAGE = re.compile(
    r"\b(?P<lineage>(?:Hawiye|Darod|Darood|Dir|Isaaq|Isaq|Rahanweyn|Rahanwein)(?:-(?-i:[A-Z])[\w']*(?: (?-i:[A-Z])[\w']*)?){1,3})"
    r"[ -](?:sub-?clan|clan)\s+militias?\b",
    re.IGNORECASE,
)


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    source: str  # named | identity | generic
    mentions: list[ActorMention]


def _rows(path: Path) -> list[list[str]]:
    return read_tsv(path, header=True)


def _is_acronym(term: str) -> bool:
    letters = [c for c in term if c.isalpha()]
    return bool(letters) and len(letters) <= 5 and all(c.isupper() for c in letters)


class ActorTagger:
    """Finds and names actors. Load once (about 50 ms) and reuse; ``tag`` is pure and thread-safe."""

    def __init__(self, data_dir: Path = DATA_DIR) -> None:
        self._load_named(data_dir / "actors_named.tsv")
        self._load_states(data_dir / "actors_states.tsv")
        self._load_regions(data_dir / "actors_regional.tsv")
        self._load_identity(data_dir / "actors_identity.tsv")
        self._load_generic(data_dir / "actors_generic.tsv")

    # ------------------------------------------------------------------ loading
    def _load_named(self, path: Path) -> None:
        self._named: _countries.PhraseIndex[tuple[bool, bool, list[_Named]]] = _countries.PhraseIndex()
        by_alias: dict[str, tuple[bool, bool, list[_Named]]] = {}
        for name, inter, country, where, kind, aliases in ((r + [""] * 6)[:6] for r in _rows(path)):
            entry = _Named(name, int(inter), country, tuple(w for w in where.split(",") if w), kind)
            for alias in aliases.split("|"):
                wordlike = alias.startswith("!")
                alias = alias.lstrip("!")
                if not alias:
                    continue
                acronym = _is_acronym(alias)
                key = alias if acronym else alias.casefold()
                if key not in by_alias:
                    by_alias[key] = (acronym, wordlike, [])
                    self._named.add(alias, by_alias[key])
                if entry not in by_alias[key][2]:
                    by_alias[key][2].append(entry)

    def _load_states(self, path: Path) -> None:
        self._state_style: dict[str, tuple[str, str]] = {}
        self._earlier: dict[str, list[tuple[int, int, str]]] = {}
        self._since: dict[str, date] = {}  # the day the current period began, where we know it
        for country, article, period, earlier, since in ((r + [""] * 5)[:5] for r in _rows(path)):
            self._state_style[country] = (article, period)
            if since:
                self._since[country] = date.fromisoformat(since)
            for p in filter(None, earlier.split("|")):
                start, end = p.split("-")
                self._earlier.setdefault(country, []).append((int(start), int(end), p))

    def _load_regions(self, path: Path) -> None:
        self._regions: _countries.PhraseIndex[_Region] = _countries.PhraseIndex()
        for aliases, country, military, police in ((r + [""] * 4)[:4] for r in _rows(path)):
            region = _Region(country, military, police)
            for alias in aliases.split("|"):
                if alias:
                    self._regions.add(alias, region)

    def _load_identity(self, path: Path) -> None:
        self._identity: _countries.PhraseIndex[_Identity] = _countries.PhraseIndex()
        seen: set[str] = set()
        for aliases, lineage, level, where in ((r + [""] * 4)[:4] for r in _rows(path)):
            names = [a for a in aliases.split("|") if a]
            ident = _Identity(names[0], lineage, level, tuple(c for c in where.split(",") if c))
            forms = names + [a + "s" for a in names if level == "ethnic" and " " not in a and not a.endswith("s")]
            for alias in forms:
                if alias.casefold() not in seen:
                    seen.add(alias.casefold())
                    self._identity.add(alias, ident)

    def _load_generic(self, path: Path) -> None:
        self._generic: _countries.PhraseIndex[tuple[str, str]] = _countries.PhraseIndex()
        seen: set[str] = set()
        for role, assoc, phrases in ((r + [""] * 3)[:3] for r in _rows(path)):
            for phrase in phrases.split("|"):
                if phrase and phrase.casefold() not in seen:
                    seen.add(phrase.casefold())
                    self._generic.add(phrase, (role, assoc))

    # ------------------------------------------------------------------ naming
    def state_name(self, force: str, country: str) -> str:
        """ACLED's name of a country's forces: ``state_name("Military", "Somalia")`` →
        "Military Forces of Somalia (2022-)"; ``force`` is Military, Police or Government."""
        article, period = self._state_style.get(country, ("", ""))
        base = "Government of" if force == "Government" else f"{force} Forces of"
        name = f"{base} {article + ' ' if article else ''}{country}"
        return f"{name} ({period})" if period else name

    def dated(self, name: str, when: date) -> str:
        """A state actor's name with the regime period of ``when``: "Police Forces of Kenya (2022-)"
        for an event of 2016 is "Police Forces of Kenya (2013-2022)". Other names are returned as given."""
        m = _CURRENT_PERIOD.match(name)
        if m is None:
            return name
        since = self._since.get(m.group("country"))
        if since is not None and when.year == since.year:
            # the period changed within the year: before that day the last earlier one applies
            if when >= since:
                return name
            earlier = self._earlier.get(m.group("country"), [])
            return f"{m.group('base')} ({earlier[-1][2]}){m.group('rest')}" if earlier else name
        if when.year >= int(m.group("start")):
            return name
        for start, end, period in self._earlier.get(m.group("country"), []):
            if start <= when.year < end:
                return f"{m.group('base')} ({period}){m.group('rest')}"
        return f"{m.group('base')}{m.group('rest')}"  # an earlier period we do not know: none rather than a wrong one

    @staticmethod
    def _suffixed(base: str, country: str) -> str:
        return f"{base} ({country})" if country else base

    # ------------------------------------------------------------------ tagging
    def tag(self, text: str, country: str | None = None) -> list[ActorMention]:
        """Actor mentions in ``text``; ``country`` is the ACLED country of the event, used to name
        generic actors ("soldiers" → "Military Forces of Somalia (2022-)")."""
        upper = _countries.is_upper_text(text)
        tokens = _countries.tokenize(text)
        country_mentions = _countries.find_countries(text, tokens)
        country_at_end = {e: (s, c.name) for s, e, c in country_mentions}
        region_at_end = {e: (s, region) for s, e, _, region in self._regions.find(tokens)
                         if text[s].isupper()}
        cands: list[_Cand] = []
        cands += self._tag_named(text, tokens, country, upper)
        cands += self._tag_identity(text, tokens, country, upper)
        cands += self._tag_generic(text, tokens, country, country_at_end, region_at_end)
        for s, e, nation in country_mentions:  # "Kenyans", "Ugandans": civilians of that country
            said = text[s:e].casefold()
            people = _NATIONALS_AFTER.match(text, e)
            if people and said in {d.casefold() for d in nation.demonyms}:
                # "five Chinese nationals", "Ethiopian migrants": civilians of their own country
                cands.append(_Cand(s, people.end(), "generic", [ActorMention(
                    s, people.end(), text[s:people.end()], f"Civilians ({nation.name})", 7, nation.name,
                    "civilians", False)]))
                continue
            if any(said == d.casefold() + "s" for d in nation.demonyms):
                cands.append(_Cand(s, e, "generic", [ActorMention(s, e, text[s:e], f"Civilians ({nation.name})",
                                                                  7, nation.name, "civilians", False)]))
            elif said not in {d.casefold() for d in nation.demonyms} and (
                    _STATE_AGREES.match(text, e) or _STATE_AGREES_SECOND.search(text, max(0, s - 60), s)
                    and _STATE_AGREES_END.match(text, e)):
                # "India and Pakistan agreed to a ceasefire", "Israel and Hamas agreed": a state is a party
                name = self.state_name("Government", nation.name)
                cands.append(_Cand(s, e, "generic", [ActorMention(s, e, text[s:e], name, 1, nation.name,
                                                                  "government", False)]))
            elif (said not in {d.casefold() for d in nation.demonyms} and _STATE_ACTS.match(text, e)
                  and not _PLACE_PREP_BEFORE.search(text, max(0, s - 20), s)):
                # "Russia launched a drone attack", "Israel struck Gaza": the state acts by its forces
                name = self.state_name("Military", nation.name)
                cands.append(_Cand(s, e, "generic", [ActorMention(
                    s, e, text[s:e], name, self._inter_for(1, "state", nation.name, country), nation.name,
                    "state", False)]))
        cands += self._tag_proxies(text, country)
        cands += self._tag_lineages(text)
        if not upper:
            # a gang our tables know by name ("the SLDF gang", "a Mungiki gang") is that actor
            known = [(c.start, c.end) for c in cands if c.source in ("named", "identity")]
            cands += [g for g in self._tag_gangs(text, country)
                      if not any(s0 < g.end and g.start < e0 for s0, e0 in known)]
        chosen = self._resolve(cands)
        # "the paramilitary Rapid Support Forces", "the militant group Al Shabaab": a generic noun
        # right before a name describes it
        chosen = [c for k, c in enumerate(chosen)
                  if not (c.source == "generic" and k + 1 < len(chosen) and chosen[k + 1].source == "named"
                          and _DESCRIPTOR_GAP.fullmatch(text, c.end, chosen[k + 1].start))]
        chosen = self._merge_parentheses(text, chosen)
        chosen = [self._off_duty(text, c) for c in chosen]
        out: list[ActorMention] = []
        for c in chosen:
            out.extend(self._its_forces(text, m, country) for m in c.mentions)
        return out

    def _its_forces(self, text: str, m: ActorMention, country: str | None) -> ActorMention:
        """"Russia's Defence Ministry said its forces had captured the village": the forces of the state
        whose ministry or staff speaks, not of the country the event is in."""
        if not (m.generic and m.kind == "state"):
            return m
        speaker = _ITS_SPEAKER.search(text, max(0, m.start - 120), m.start)
        nation = _countries.lookup(speaker.group("state")) if speaker else None
        if nation is None:
            return m
        return ActorMention(m.start, m.end, m.text, self.state_name("Military", nation.name),
                            self._inter_for(1, "state", nation.name, country), nation.name, "state", False)

    def _tag_gangs(self, text: str, country: str | None) -> list[_Cand]:
        """A gang or cartel the report names and our tables do not know ("the Gran Grif gang claimed
        responsibility"): ACLED names it after itself ("Gran Grif Gang"), a political militia."""
        out: list[_Cand] = []
        for m in _NAMED_GANG.finditer(text):
            # "The Gran Grif gang": an article or an adjective before it is no part of the name
            kept = [w for w in re.finditer(r"\S+", m.group("name"))]
            while kept and kept[0].group(0).casefold() in _GANG_NAME_STOP:
                kept.pop(0)
            words = [w.group(0) for w in kept]
            if not words or _countries.lookup(" ".join(words)) is not None or all(w.isdigit() for w in words):
                continue  # "Rival gangs", "The gang", "Mexican cartels"
            s, e = m.start("name") + kept[0].start(), m.end()
            name = f"{' '.join(words)} {m.group('kind').title()}"
            out.append(_Cand(s, e, "generic", [ActorMention(s, e, text[s:e], name, 3, country or "",
                                                            "political_militia", False)]))
        return out

    @staticmethod
    def _tag_lineages(text: str) -> list[_Cand]:
        """A Somali lineage written out the way ACLED names it ("Rahanweyn-Digil-Garre sub-clan
        militia") is that militia, whatever a single clan name in it means elsewhere."""
        out: list[_Cand] = []
        for m in _LINEAGE.finditer(text):
            lineage = "-".join(part.strip().title() for part in m.group("lineage").split("-"))
            s, e = m.start(), m.end()
            out.append(_Cand(s, e, "named", [ActorMention(s, e, text[s:e], f"{lineage} Sub-Clan Militia (Somalia)",
                                                          4, "Somalia", "identity_militia", False)]))
        return out

    @staticmethod
    def _tag_proxies(text: str, country: str | None) -> list[_Cand]:
        if "backed" not in text and "aligned" not in text and "pro-" not in text.lower() and not (
                "BACKED" in text or "ALIGNED" in text):
            return []
        out: list[_Cand] = []
        for m in _PROXY.finditer(text):
            sponsor = _countries.lookup(m.group("a") or m.group("b") or "")
            if sponsor is None or sponsor.name == country:
                continue  # "government-backed", "pro-government": not a foreign sponsor
            s, e = m.start(), m.end()
            name = f"Unidentified Pro-{sponsor.name} Militia" + (f" ({country})" if country else "")
            out.append(_Cand(s, e, "generic", [ActorMention(s, e, text[s:e], name, 3, country or "",
                                                            "political_militia", False)]))
        return out

    def _inter_for(self, inter: int, kind: str, actor_country: str, event_country: str | None) -> int:
        if kind in ("state", "police") and event_country and actor_country and actor_country != event_country:
            return 8
        return inter

    def _tag_named(self, text: str, tokens: list[_countries.Token], country: str | None,
                   upper: bool) -> list[_Cand]:
        out: list[_Cand] = []
        for s, e, alias, (acronym, wordlike, entries) in self._named.find(tokens):
            if acronym and ("".join(text[s:e].split()) != "".join(alias.split()) or (upper and wordlike)):
                continue
            if text[max(0, s - 4):s].casefold() == "non-" or (s > 0 and text[s - 1] == "-" and not acronym):
                continue
            if _LINKED_AFTER.match(text, e):
                continue  # "the al Qaeda-linked JNIM": a description of the group named next
            if not acronym and not upper and alias[0].isupper() and not any(ch.isupper() for ch in text[s:e]):
                continue  # "Jubilee Party" is named with a capital; "jubilee" is a word ("al-Shabaab" is a name)
            entry = self._pick(entries, country)
            if entry is None:
                continue
            tail = _NAMED_TAIL.match(text, e)
            if tail:
                e = tail.end()
            if entry.kind == "party":  # "ODM supporters", "an ODM legislator": who they side with
                out.append(_Cand(s, e, "named", [ActorMention(s, e, text[s:e], entry.name, 0, entry.country,
                                                              "assoc_group", False)]))
                continue
            inter = self._inter_for(entry.inter, entry.kind, entry.country, country)
            out.append(_Cand(s, e, "named", [ActorMention(s, e, text[s:e], entry.name, inter,
                                                          entry.country, entry.kind, False)]))
        return out

    @staticmethod
    def _pick(entries: list[_Named], country: str | None) -> _Named | None:
        if country:
            for entry in entries:
                if country in entry.where:
                    return entry
        for entry in entries:
            if not entry.where:
                return entry
        return None if country else entries[0]

    # identity groups: ethnic groups and Somali clans
    def identity_homes(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, country)`` of every identity group written as a name ("Maasai", "Degodia"),
        with the group's home country: a report about the Maasai is most likely from Kenya, even
        when it names neither a place nor the country."""
        upper = _countries.is_upper_text(text)
        return [(s, e, ident.countries[0]) for s, e, _, ident in self._identity.find(_countries.tokenize(text))
                if ident.countries and (upper or text[s].isupper())]

    def _identity_name(self, ident: _Identity, militia: bool, country: str | None) -> tuple[str, str]:
        home = country if country and country in ident.countries else ident.countries[0]
        if ident.lineage and home == "Somalia":
            if ident.level == "family":
                return f"{ident.lineage} Clan {'Militia' if militia else 'Group'} (Somalia)", home
            return f"{ident.lineage} Sub-Clan {'Militia' if militia else 'Group'} (Somalia)", home
        return f"{ident.ethnic} Ethnic {'Militia' if militia else 'Group'} ({home})", home

    def _tag_identity(self, text: str, tokens: list[_countries.Token], country: str | None,
                      upper: bool) -> list[_Cand]:
        raw: list[tuple[int, int, _Identity]] = []
        for s, e, _, ident in sorted(self._identity.find(tokens), key=lambda x: (x[0], -x[1])):
            if (upper or text[s].isupper()) and (not raw or s >= raw[-1][1]):
                raw.append((s, e, ident))
        # join lineage chains written together: "Habar Gedir-Ayr", "Hawiye/Abgal"
        spans: list[tuple[int, int, _Identity]] = []
        for ms, me, ident in raw:
            if spans and re.fullmatch(r"\s*[-/]\s*|\s", text[spans[-1][1]:ms]):
                ps, _, pident = spans[-1]
                deeper = ident if len(ident.lineage) >= len(pident.lineage) else pident
                spans[-1] = (ps, me, deeper)
            else:
                spans.append((ms, me, ident))
        # sub-clans missing from the table, written as a lineage: "Darod-Marehan-Reer-Dini sub-clan"
        for k, (ss, se, ident) in enumerate(spans):
            ext = _LINEAGE_TAIL.match(text, se)
            if ext and ident.lineage and ident.level != "ethnic":
                tail = "-".join(w.strip() for w in ext.group(1).split("-") if w.strip())
                spans[k] = (ss, ext.end(1), _Identity(ident.ethnic, f"{ident.lineage}-{tail}", "clan", ident.countries))
        # coordinated chains share one head: "Abgal and Hawadle clan militias"
        chains: list[list[tuple[int, int, _Identity]]] = []
        for sp in spans:
            if chains:
                gap = _ID_COORD.fullmatch(text, chains[-1][-1][1], sp[0])
                if gap:
                    chains[-1].append(sp)
                    continue
            chains.append([sp])
        out: list[_Cand] = []
        for chain in chains:
            first_s, last_e = chain[0][0], chain[-1][1]
            head_m = _ID_MILITIA_HEAD.match(text, last_e)
            group_m = _ID_GROUP_HEAD.match(text, last_e)
            prefix = _ID_MILITIA_PREFIX.search(text, max(0, first_s - 60), first_s) or re.search(
                r"\barmed\s+$", text[max(0, first_s - 7):first_s], re.IGNORECASE)
            between = re.search(r"\bbetween\s+(?:the\s+|members\s+of\s+(?:the\s+)?)?$", text[max(0, first_s - 30):first_s])
            if head_m or prefix or between:
                militia = True
            elif group_m:
                militia = bool(_ID_ACTS.match(text, group_m.end()) or len(chain) > 1 and _ID_ACCORD.match(
                    text, group_m.end()) or _ID_FOUGHT_WITH.search(text, max(0, first_s - 40), first_s)) and bool(
                    _ID_ACTOR_HEAD.match(text, last_e))
                if militia:  # "Fulani herdsmen attacked": the herdsmen are the militia
                    head_m = group_m
            elif _ID_PLACE_HEAD.match(text, last_e) or _ID_PLACE_PREFIX.search(text, max(0, first_s - 12), first_s):
                continue
            elif len(chain) > 1 or _ID_ACTS.match(text, last_e) or text[last_e - 1] == "s":
                militia = True  # "Pokot and Turkana clashed", "Pokot raided", "the Turkanas"
            else:
                continue  # a bare name is as often a place, a person or a language
            for i, (s, e, ident) in enumerate(chain):
                end = e
                if i == 0 and prefix is not None and re.match(
                        r"(?:fighters|gunmen|raiders|attackers|warriors|bandits|men|youths|youth)\s+(?:from|of|belonging\s+to|"
                        r"hailing\s+from)\s+(?:the\s+)?$", prefix.group(0)):
                    # "armed youths from the Murle community": the youths are the community's militia
                    s = prefix.start()
                if i == len(chain) - 1:
                    if militia and head_m and not re.match(r"\s+(?:attacked|raided|clashed|fought|stormed|ambushed|"
                                                           r"invaded|killed)\b", text[e:head_m.end()]):
                        end = head_m.end()
                    elif not militia and group_m and re.match(r"(?:['’]s)?\s+(?:clan|clans|sub-clan|sub-clans|sub\s+clan|"
                                                              r"ethnic\s+group|tribe)\b", text[e:group_m.end()]):
                        end = group_m.end()
                name, home = self._identity_name(ident, militia, country)
                kind = "identity_militia" if militia else "assoc_group"
                out.append(_Cand(s, end, "identity", [ActorMention(s, end, text[s:end], name, 4 if militia else 0,
                                                                   home, kind, False)]))
        return out

    # generic nouns
    def _modifier(self, text: str, start: int, country_at_end: dict[int, tuple[int, str]],
                  region_at_end: dict[int, tuple[int, _Region]]) -> tuple[int, str, _Region | None]:
        """A country or region word right before a generic noun ("Kenyan police", "Puntland forces")."""
        j = start
        while j > 0 and text[j - 1].isspace():
            j -= 1
        if j == start:
            return start, "", None
        if text[max(0, j - 2):j] in ("'s", "’s"):
            j -= 2
        if j in region_at_end:
            s, region = region_at_end[j]
            return s, region.country, region
        if j in country_at_end:
            s, name = country_at_end[j]
            return s, name, None
        return start, "", None

    def _tag_generic(self, text: str, tokens: list[_countries.Token], country: str | None,
                     country_at_end: dict[int, tuple[int, str]],
                     region_at_end: dict[int, tuple[int, _Region]]) -> list[_Cand]:
        out: list[_Cand] = []
        blocked: list[tuple[int, int]] = []
        for s, e, phrase, (role, assoc) in self._generic.find(tokens):
            if s > 0 and text[s - 1] == "-" or e < len(text) and text[e] == "-":
                blocked.append((s, e))  # "pro-government forces" is not "government forces", nor "forces"
                continue
            if any(bs <= s and e <= be for bs, be in blocked):
                continue
            said = phrase.casefold()
            if role in ("rioters", "unidentified", "civilians") and _LYNCH_CONTEXT.search(self._sentence(text, s, e)):
                # mob justice: the crowd is Rioters with a Vigilante Group, the suspect a civilian
                if role == "rioters" or said in _COLLECTIVE:
                    role, assoc = "rioters", "Vigilante Group"
                elif role == "unidentified" and said in ("suspect", "suspects"):
                    role, assoc = "civilians", ""
            ms, mod_country, region = self._modifier(text, s, country_at_end, region_at_end)
            if role != "anaphor" and (_SOURCE_AFTER.match(text, e) or _SOURCE_BEFORE.search(text, max(0, ms - 30), ms)):
                continue
            if role == "civilians" and _ARMED_WITH.match(text, e):
                role, assoc = "unidentified", ""  # "a group of men armed with machetes" is an armed group
            if role in ("military", "police") and _FORMER_BEFORE.search(text, max(0, ms - 20), ms):
                continue  # "former police officer Jimmy Cherizier" is a person, not the force

            c = mod_country or country or ""
            mentions = self._generic_mentions(text, ms, e, role, assoc, c, region, country, bool(mod_country))
            if mentions:
                out.append(_Cand(ms, e, "generic", mentions))
            if mod_country and region is None and role in ("military", "police"):
                # "U.S. and British warplanes": the first country's forces too
                m = _COUNTRY_AND.search(text, max(0, ms - 40), ms)
                other = country_at_end.get(m.end(1)) if m else None
                if m and other is not None and other[1] != mod_country:
                    also = self._generic_mentions(text, other[0], m.end(1), role, assoc, other[1], None,
                                                  country, True)
                    if also:
                        out.append(_Cand(other[0], m.end(1), "generic", also))
        return out

    @staticmethod
    def _sentence(text: str, s: int, e: int) -> str:
        left = max(text.rfind(". ", 0, s), text.rfind("\n", 0, s))
        right = text.find(". ", e)
        return text[left + 1 if left >= 0 else 0:right if right >= 0 else len(text)]

    def _generic_mentions(self, text: str, s: int, e: int, role: str, assoc: str, c: str, region: _Region | None,
                          event_country: str | None, modified: bool) -> list[ActorMention]:
        span = text[s:e]
        generic = not modified

        def one(name: str, inter: int, kind: str, gen: bool = generic) -> ActorMention:
            return ActorMention(s, e, span, name, inter, c, kind, gen)

        if role == "military_modified":
            if not modified:
                return []
            role = "military"
        if role in ("military", "police"):
            kind = "state" if role == "military" else "police"
            if region is not None:
                name = region.military if role == "military" else region.police
                return [one(name, self._inter_for(1, kind, region.country, event_country), kind, False)]
            if not c:
                return [one("Military Forces" if role == "military" else "Police Forces", 1, kind, True)]
            return [one(self.state_name(role.capitalize(), c), self._inter_for(1, kind, c, event_country), kind)]
        if role == "external_unidentified":
            return [one("Unidentified Military Forces", 8, "external", False)]
        if role == "private_security":
            return [one(self._suffixed("Private Security Forces", c), 8, "external")]
        if role == "unidentified":
            return [one(self._suffixed("Unidentified Armed Group", c), 3, "unidentified")]
        if role in ("clan_militia", "ethnic_militia", "communal_militia"):
            base = {"clan_militia": "Unidentified Clan Militia", "ethnic_militia": "Unidentified Ethnic Militia",
                    "communal_militia": "Unidentified Communal Militia"}[role]
            return [one(self._suffixed(base, c), 4, "identity_militia")]
        if role == "anaphor":
            return [one("", 0, "anaphor", False)]
        if role in ("protesters", "rioters"):
            first = one(self._suffixed("Protesters" if role == "protesters" else "Rioters", c),
                        6 if role == "protesters" else 5, "crowd")
            extra = [one(self._suffixed(assoc, c), 0, "assoc_group")] if assoc else []
            return [first, *extra]
        if role == "group":
            return [one(self._suffixed(assoc, c), 0, "assoc_group")]
        if role in ("civilians", "government"):
            window = text[s:min(len(text), e + 80)]
            window = window.split(". ")[0]
            if _PROTEST_CONTEXT.search(window):
                riot = bool(_RIOT_CONTEXT.search(window))
                first = one(self._suffixed("Rioters" if riot else "Protesters", c), 5 if riot else 6, "crowd")
            else:
                first = one(self._suffixed("Civilians", c), 7, "civilians")
            if role == "government":
                assoc_name = self.state_name("Government", c) if c else "Government"
            else:
                assoc_name = self._suffixed(assoc, c) if assoc else ""
            return [first, *([one(assoc_name, 0, "assoc_group")] if assoc_name else [])]
        return []

    # ------------------------------------------------------------------ resolution
    @staticmethod
    def _resolve(cands: list[_Cand]) -> list[_Cand]:
        cands.sort(key=lambda c: (-(c.end - c.start), _ROLE_PRIORITY[c.source], c.start))
        taken: list[tuple[int, int]] = []
        chosen: list[_Cand] = []
        for c in cands:
            if any(c.start < te and ts < c.end for ts, te in taken):
                continue
            taken.append((c.start, c.end))
            chosen.append(c)
        chosen.sort(key=lambda c: c.start)
        return chosen

    @staticmethod
    def _off_duty(text: str, c: _Cand) -> _Cand:
        """An off-duty soldier or policeman is a civilian in ACLED's coding."""
        first = c.mentions[0]
        if first.kind not in ("state", "police"):
            return c
        if not (_OFF_DUTY_AFTER.match(text, c.end) or _OFF_DUTY_BEFORE.search(text, max(0, c.start - 12), c.start)):
            return c
        country = first.country
        name = f"Civilians ({country})" if country else "Civilians"
        return _Cand(c.start, c.end, c.source, [ActorMention(first.start, first.end, first.text, name, 7, country,
                                                             "civilians", first.generic)])

    @staticmethod
    def _merge_parentheses(text: str, chosen: list[_Cand]) -> list[_Cand]:
        """'government security forces (SNA)' is one actor, named by what the parentheses say."""
        drop: set[int] = set()
        for i, c in enumerate(chosen[:-1]):
            paren = _PAREN_OPEN.match(text, c.end)
            if not paren:
                continue
            close = text.find(")", paren.end())
            if close < 0:
                continue
            inside = [j for j in range(i + 1, len(chosen)) if chosen[j].start < close]
            first = c.mentions[0]
            named_inside = [j for j in inside if chosen[j].source == "named"]
            if first.generic and first.kind in ("state", "police") and any(
                chosen[j].mentions[0].kind in ("state", "police") for j in named_inside
            ):
                drop.add(i)
            elif first.kind == "state" and any(chosen[j].mentions[0].kind == "external" for j in named_inside):
                drop.add(i)  # "Ugandan troops (AUSSOM)": a contingent acts as the mission
            elif c.source == "named":
                drop.update(j for j in named_inside if chosen[j].mentions[0].name == first.name)
        return [c for i, c in enumerate(chosen) if i not in drop]
