"""Runs the stages in order and assembles their mentions into events.

Stages (each loaded once, each returning spans into the text):
sentences → triggers (classify) → time → places → actors → casualties → assembly.

Assembly reads the article sentence by sentence. A sentence with an event trigger either continues
the event being described (same day, same place, same direction of violence) or starts a new one;
a sentence without a trigger adds its casualty figures and places to the current event. Events are
then coded: sub-event type by the codebook's priorities, actors by their roles around the trigger,
place by the most specific mention, fatalities by ACLED's rules. One event per day, place and
sub-event type: events that agree on all three are merged.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from difflib import SequenceMatcher
from itertools import pairwise
from pathlib import Path

from app.extraction import countries
from app.extraction.actors import ActorTagger
from app.extraction.casualties import CasualtyReader, total
from app.extraction.classify import (
    DISORDER_TYPE,
    EVENT_TYPE,
    RAID_WORD,
    RIOT_WORD,
    STRONG,
    VIOLENT,
    Hit,
    TriggerTagger,
    sub_event_type,
)
from app.extraction.datafiles import read_tsv
from app.extraction.geo import Gazetteer, Geocoder
from app.extraction.geo.normalize import fold, squeezed
from app.extraction.numbers import QUANTITY, WRITTEN_FIGURE, parse_quantity
from app.extraction.sentences import split_sentences
from app.extraction.time import TimeTagger, resolve_relative
from app.extraction.types import (
    ActorMention,
    Event,
    Evidence,
    NumberMention,
    Place,
    PlaceMention,
    Sentence,
    TimeMention,
)

ARMED_INTER = {1, 2, 3, 4, 8}
PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are|got)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
NOUN_BEFORE = re.compile(r"\b(?:an?|the|following|after|during|repulsed|repelled|foiled|thwarted)\s+(?:[\w-]+\s+){0,2}$",
                         re.IGNORECASE)
PARTICIPLE = re.compile(r"(?:ed|dead|down|death|shot|hurt|slain)$", re.IGNORECASE)
HEADLINE_PASSIVE_AFTER = re.compile(r"^(?:\s*(?:by|in|during|at(?!\s+(?:least|most))|on|as|after|when|near|while|,|;|\.|$)|\s*$)",
                                    re.IGNORECASE)
# "by unknown armed men", "by a group of gunmen", "from the militia"
_FROM_BEFORE = r"\bfrom\s+(?:the\s+|suspected\s+|alleged\s+)*$"
BY_BEFORE = re.compile(r"(?<!followed )(?<!accompanied )(?<!preceded )(?<!caused )(?<!held )(?<!controlled )(?<!manned )"
                       r"(?<!occupied )\bby\s+"
                       r"(?:(?!(?:leaves?|left|kills?|killed|killing|injur\w*|wound\w*|and|who|which|that|near|"
                       r"where|while|after|when)\b)[\w'’-]+\s+){0,7}$|" + _FROM_BEFORE, re.IGNORECASE)
FROM_JUST_BEFORE = re.compile(_FROM_BEFORE, re.IGNORECASE)
ASSOC_JOIN = re.compile(
    r"^[\s,]*(?:and|,|alongside|together\s+with|in\s+coordination\s+with|in\s+collaboration\s+with|"
    r"with\s+the\s+support\s+of|supported\s+by|backed\s+by|jointly\s+with|with|assisted\s+by|"
    r"as\s+well\s+as)[\s,]*(?:(?:the|a|an)\s+)?$",
    re.IGNORECASE,
)
# (and a reported clause with a subject of its own: "the Israeli military said the rockets fell in open areas")
CLAUSE_START = re.compile(r"\b(?:after|when|while|because|before|whereas)\s|;|\b(?:said|says)\s+(?:that\s+)?(?=(?:the|a|an)\s)",
                          re.IGNORECASE)
PRONOUN_SUBJECT = re.compile(r"\s*(?:he|she|they)\b", re.IGNORECASE)
VERB_BETWEEN = re.compile(r"\b(?!(?:and|the|from|with|of|for|plus|together|along|alongside|including|both|"
                          r"local|allied|its|their)\b)[a-z]{3,}\b")
TARGET_CUE = re.compile(r"\b(?:targeting|targeted|against|on|at|with|attacked|hit|killing|killed)\s+(?:the\s+)?$",
                        re.IGNORECASE)
# a first line with no full stop, set apart from the story below it
HEADLINE = re.compile(r"[^\S\n]*[^\n]{10,200}?(?<![.!?\"”:])[^\S\n]*\n[^\S\n]*\n(?=\s*\S)")
CLAIMED_DEED = re.compile(r"\bclaim(?:ed|s|ing)?\s+(?:responsibility\s+for\s+|credit\s+for\s+)?(?:the|its|their|"
                          r"\w+day's|yesterday's)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
LEFT_AFTER = re.compile(r"(?:\s+(?:and\s+)?[\w'’()-]+){0,6}?\s+(?:had\s+)?(?:pulled\s+out|withdr[ae]wn?|retreated|vacated|"
                        r"abandoned|fled)\b", re.IGNORECASE)
PLANTED = re.compile(r"\b(?:had\s+been|has\s+been|was|were|been)\s+(?:planted|placed|hidden|buried|laid)\b", re.IGNORECASE)
DEFINITE_BACKREF = re.compile(r"^\W*(?:the|this|that)\s+(?:\w+\s+){0,2}(attack|clash|strike|blast|explosion|"
                              r"bombing|incident|fighting|assault|raid|shelling|protest|demonstration|explosive|device|"
                              r"bomb|landmine|mine|ied)\b",
                              re.IGNORECASE)
IN_THE_DEED = re.compile(r"\b(?:in|during)\s+the\s+(?:\w+\s+)?(?:attack|clash(?:es)?|fighting|ambush|raid|assault|blast|"
                         r"explosion|bombing|strike|incident|exchange\s+of\s+fire|gunfight|firefight|shootout)\b|"
                         # "Troops 'vigorously repelled' the assault on the base": the defence against the deed told
                         r"\b(?:repelled|repulsed|foiled|thwarted|fought\s+off|beat\s+back)[\"'”’]?\s+the\s+(?:\w+\s+)?"
                         r"(?:attack|assault|raid|ambush|attackers|assailants|militants)\b",
                         re.IGNORECASE)
GROUND_FIGHT = {"clash"}
# weapons named as the subject of a sentence ("a roadside bomb struck", "a suicide bomber blew himself up")
DEVICE_TAGS = {"ied", "blast", "suicide", "grenade", "airstrike", "shelling"}
CIVIL_PROPERTY = re.compile(r"\b(?:homes?|houses?|huts|shops?|stores|kiosks|stalls|markets?|livestock|cattle|goats|"
                            r"camels|crops|harvests?|belongings|residents|villagers|civilians|traders|passengers|"
                            r"farms?|businesses)\b", re.IGNORECASE)
GOVERNMENT_PARTY = re.compile(r"\b(?:the\s+)?(?:(?P<adj>[A-Z][a-z]+)\s+)?government(?:\s+of\s+(?P<of>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?))?"
                              r"\s+(?:and|signed|agreed|reached|concluded)\b")
STRIKES_NOUN = re.compile(r"\b(?:strikes|strike)$", re.IGNORECASE)
CLAIMED_TOLL = re.compile(r"\b(?:claim(?:s|ed|ing)?|said)\s+(?:(?:on|in|via|through)\s+(?:[\w-]+\s+){1,3}?)?(?:that\s+)?(?:(?:it|they)\s+(?:had\s+)?)?(?:to\s+have\s+)?"
                          r"(?:killed|kill)\b", re.IGNORECASE)
UNVERIFIED = re.compile(r"\b(?:could\s+not\s+be|cannot\s+be|has\s+not\s+been|was\s+not)\s+(?:independently\s+)?"
                        r"(?:verified|confirmed)\b|\bunverified\b|\b(?:could\s+not|cannot|can\s*not|was\s+unable\s+to|were\s+"
                        r"unable\s+to|unable\s+to)\s+(?:independently\s+)?(?:verify|confirm)\b|"
                        # "... had received 86 bodies, but a police spokesman said that figure counted some victims twice"
                        r"\bcounted\s+(?:some\s+|many\s+)?(?:victims|bodies|people|dead)\s+twice\b|\bdouble[- ]counted\b|"
                        r"\bdisputed\s+(?:the|that|this)\s+(?:figure|toll)\b|\b(?:figure|toll)\s+(?:was|is|has\s+been)\s+disputed\b",
                        re.IGNORECASE)
# another source's figure for the same event ("the shadow government put the death toll at 22", "a rights group said it
# had counted 12 bodies"), as against an update of the toll ("the death toll rose to 30")
ALT_TOLL = re.compile(r"\b(?:put|puts|putting|placed|gave|gives|estimated)\s+(?:the|a|its|their)\s+(?:(?:death|casualty)\s+)?"
                      r"(?:toll|number\s+of\s+(?:dead|deaths|people\s+killed|fatalities)|figure)\s+(?:at|as|of)\b|"
                      r"\bcounted\s+(?:at\s+least\s+|some\s+|about\s+)?[\w,]+\s+(?:bodies|dead)\b|"
                      r"\b(?:bodies|corpses)\s+(?:had|have)\s+been\s+(?:recovered|retrieved|counted)\b|"
                      r"\b(?:other|some|local|independent|medical|hospital)\s+sources?\s+(?:said|put|reported|gave|told)\b|"
                      # "The Wad Madani Resistance Committee said 104 people were killed" after a toll from others
                      # "The El Fasher resistance committee, a volunteer group that documents abuses, said 15 people had been
                      # killed", "An aid worker told Reuters by phone that 14 people had been killed"
                      r"^\W*(?:[\w'’.-]+,?\s+){1,14}?(?:said|says|reported|told\s+(?:[\w'’.-]+\s+){1,4}?)\s*(?:that\s+)?"
                      r"(?:at\s+least\s+|more\s+than\s+|some\s+|"
                      r"about\s+|as\s+many\s+as\s+)?[\w,]+\s+(?:[\w-]+\s+){0,2}?(?:(?:were|had\s+been|have\s+been)\s+killed|"
                      r"(?:had\s+|have\s+)?died)\b|"
                      # "Local media outlets, citing witnesses, reported 12 dead"
                      r"\b(?:local|other|some|independent|state|opposition|rights)\s+(?:media|news\s+outlets?|outlets?|"
                      r"reports?|groups?|activists|witnesses|residents)\b[^.;]{0,40}?\b(?:reported|said|put|gave|counted)\b|"
                      # "a local militia leader said 24 people had died, but the emergency agency said its count was 12"
                      r"\bsaid\b[^.;]{0,80},\s+but\s+(?:[\w'’-]+\s+){0,5}?(?:said|says|put|gave|insisted)\b",
                      re.IGNORECASE)
INITIAL_FIGURE = re.compile(r"\b(?:initially|originally|earlier|first)\s+(?:reported|said|put|gave|announced|claimed)\b|"
                            r"\bhad\s+(?:put|given|set)\s+the\s+(?:death\s+)?toll\b", re.IGNORECASE)
# "Mayor initially said five people had been killed; officials later raised the death toll to six"
LATER_TOLL = re.compile(r"\b(?:later|since|then|subsequently)\s+(?:raised|revised|updated|put|said)\b|\btoll\s+(?:later\s+)?"
                        r"(?:rose|climbed|increased|jumped)\b", re.IGNORECASE)
TWO_SOURCES = re.compile(r"(?<=\S),?\s+(?:while|whereas|but|although|though)\s+(?=(?:[\w'’.-]+\s+){0,8}?(?:said|says|reported|put|"
                         r"gave|counted|claimed)\b)|"
                         # "killing at least 16 construction workers; other reports put the toll at 19"
                         r"[;,]\s+(?=(?:other|some|separate|local|independent|unofficial|civil\s+society|hospital|medical|"
                         r"rights)\s+(?:reports?|sources?|accounts?|estimates?|media|officials|groups?)\b)", re.IGNORECASE)
TOLL_UPDATE = re.compile(r"\b(?:rose|risen|rising|climbed|increased|jumped|later\s+died|more\s+bodies|new\s+toll|"
                         r"updated|revised|raising|bringing)\b", re.IGNORECASE)
CONTEXT_LEAD = re.compile(r"(?:the|this|that|its|their|his|her)\s+(?:[\w-]+\s+){1,3}?(?:comes?|came|follows?|followed|"
                          r"extends?|extended|marks?|marked|adds?\s+to|added\s+to)\s+(?:[\w'’-]+\s+){0,6}?"
                          r"(?:after|since|weeks|days|months|a\s+(?:day|week|month)|amid|on\s+the\s+heels)\b", re.IGNORECASE)
DEED_PARTICIPLE = re.compile(r"\b(?:killed|wounded|injured|abducted|kidnapped|shot|struck|hit|arrested)\s+$", re.IGNORECASE)
WEAPON_NOUN = re.compile(r"\b(?:strikes?|airstrikes?|drones?|jets?|warplanes?|aircraft|missiles?|rockets?|shelling|artillery|"
                         r"helicopters?|bombers?)$", re.IGNORECASE)
WEAPON_AFTER = re.compile(r"\s+(?:air\s*strikes?|airstrikes?|drone\s+strikes?|strikes?|jets?|warplanes?|missiles?|"
                          r"shelling|artillery|bombing|bombardment)\b", re.IGNORECASE)
GOVERNMENT_AFTER = re.compile(r"\s+(?:government|administration|authorities|regime|leaders?)\b", re.IGNORECASE)
BLAMED_BEFORE = re.compile(r"\bblam(?:ed|es|ing)\s+(?:the\s+)?$", re.IGNORECASE)
IN_SUPPORT_OF = re.compile(r"\b(?:in\s+support\s+of|to\s+support|supporting|in\s+aid\s+of|to\s+back)\s+(?:the\s+)?$",
                           re.IGNORECASE)
BARE_FORCES = re.compile(r"(?:the\s+)?(?:soldiers|troops|the\s+army|army|forces|military)", re.IGNORECASE)
THE_BEFORE = re.compile(r"\b(?:the|these|those)\s+$", re.IGNORECASE)
# nouns that take up a group named before them ("the militia", "the militants"; not "the assailant", who
# may be anyone)
GROUP_NOUN = re.compile(r"militias?|militiamen|militants|insurgents|jihadists|rebels|fighters|gangs?|gang\s+members|gangsters|cartel", re.IGNORECASE)
# an event named by its year ("the 2013 Westgate mall attack", "the 1994 genocide")
YEAR_NAMED = re.compile(r"\b(?:the|a|an)\s+(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+|"
                        r"\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\s+)?"
                        r"((?:19|20)\d\d)\s+(?:[\w'’-]+\s+){0,3}"
                        r"(?:[\w'’-]+,?\s+(?:that|which)\s+(?:\w+\s+){0,2})?$", re.IGNORECASE)
# a demonstration's sub-event types from the mildest: one demonstration is coded at its worst
DEMO_RANK = {"Peaceful protest": 1, "Protest with intervention": 2, "Excessive force against protesters": 3,
             "Violent demonstration": 4}
# one force fighting itself ("two groups of soldiers clashed", "the militia fought among themselves")
INTRA_GROUP = re.compile(r"\b(?:two|2|rival|warring|feuding)\s+(?:groups|factions|units|sections|wings|cells)\s+of\b|"
                         r"\b(?:among|amongst|between)\s+themselves\b|\bwith\s+(?:each\s+other|one\s+another)\b",
                         re.IGNORECASE)
MAX_PLACE_MENTIONS = 200
# news agencies that share a name with a place ("local sources told Lusa" is no Lusa, Croatia)
NEWS_AGENCIES = frozenset({"lusa", "efe", "ansa", "tass", "xinhua", "kyodo", "yonhap", "bernama", "antara", "anadolu",
                           "interfax", "dpa", "afp", "reuters", "pti", "ani", "ians", "apa", "acan", "notimex",
                           "prensa latina", "tamazuj", "radio tamazuj", "garowe online", "dawn"})
NEAR_BEFORE = re.compile(r"\b(?:near|close\s+to|outside)\s+(?:the\s+)?(?:(?:town|city|village)\s+of\s+)?$", re.I)
FAR_KM = 150  # a village this far from the town it lies near is a namesake
# A village, camp or island the gazetteer lacks, named as such in the text: "the village of Namsiguia", "attacked Mushu
# village", "at Seeta trading centre", "the Marial Lou area of Tonj North County", "in Bariire, Lower Shabelle region".
# It is the event's location, placed at the known place the text puts it in or near.
_VILLAGE_NAME = r"(?P<name>[A-Z][\w'’]+(?:(?: |-)[A-Z][\w'’]+){0,2})"
_SETTLEMENT = (r"(?:village|town|hamlet|locality|settlement|commune|island|trading\s+cent(?:re|er)|rural\s+area|payam|kebele|"
               r"(?:displacement|refugee|IDP|IDPs)\s+camp)")
NAMED_SETTLEMENT = [re.compile(rx) for rx in (
    rf"\b(?:the\s+)?(?:[a-z-]+\s+)?{_SETTLEMENT}\s+of\s+{_VILLAGE_NAME}",
    rf"\b(?:in|at|near|on|attacked|raided|stormed|struck|hit|into|of|from|inside|around|entered|captured|seized|took|"
    rf"overran|reached|besieged|shelled|bombed|targeted)\s+(?:the\s+)?{_VILLAGE_NAME}\s+{_SETTLEMENT}\b",
    rf"\bthe\s+{_VILLAGE_NAME}\s+(?:area|neighbou?rhood|suburb)\s+of\s+(?=[A-Z]|(?:[a-z]+\s+){{1,2}}[A-Z])")]
# verbs of people on their way, from or to a place that is not where the deed was
_GOING = r"travel\w*|head(?:ed|ing)|driv\w*|com(?:e|es|ing)|came|return\w*|fled|flee\w*|escap\w*"
# (a longer reach, for a village named in the clause: "returning from an operation in the Abujhmarh area")
WENT_FROM = re.compile(rf"\b(?:{_GOING})\s+(?:back\s+)?(?:from|to|towards?)\b[^.;]{{0,70}}$", re.IGNORECASE)
UNIT_AFTER = re.compile(r"(?:\s+(?:West|East|North|South|Central|Rural))?\s+(?:district|province|region|county|state|division|"
                        r"governorate|department|municipality|prefecture|territory|zone)\b", re.IGNORECASE)
CITY_OF_PARTS = 100_000  # a name placed in a city this big is one of its parts, unless it is an outlying village or camp
OUTLYING = re.compile(r"\b(?:village|town|hamlet|[Bb]arangay|island|camp|outside|outskirts|near|north|south|east|west|km|"
                      r"kilometres|kilometers|miles)\b")
NOT_SETTLEMENT_END = re.compile(r"\b(?:Road|Street|Avenue|Junction|Roundabout|School|Hospital|Market|Mosque|Church|Base|"
                                r"Airport|Bridge|Square|Stadium|University|Prison|Station|Hotel|Palace|Villa|Gate)$")
# "near Jalawla in Diyala province", "in Koutruk in Imphal West district", "in Ashulia, an industrial hub outside Dhaka":
# a name with the known place it lies in right after it
NAMED_BEFORE_PLACE = re.compile(
    rf"\b(?:in|at|near|from|seized|captured|took|entered|attacked|stormed|overran|raided|(?:raid|attack|assault)\s+on)\s+"
    rf"{_VILLAGE_NAME}"
    r"(?:,\s+(?:(?:a|an)\s+[^,.;]{0,40}?(?:in|near|outside|of)\s+)?|"
    # ("in Boni (Douentza, Mopti)": the units a note lists in brackets, not another name in them)
    r"\s+in\s+|\s+\((?=[^()]{1,60},[^()]{1,60}\)))(?:the\s+)?(?:[a-z-]+\s+){0,2}(?=[A-Z])")
# "abducted 40 elders from Biyo Cadde village", "drive away cattle from Arabal": where they were taken from
TAKEN_FROM = re.compile(r"\b(?:abduct\w*|kidnap\w*|recruit\w*|took|taken|seiz\w*|stole|stolen|loot\w*|(?:drive|drove|driven|"
                        r"driving)\s+(?:off|away)|rustl\w*|evict\w*|expel\w*|arrest\w*|detain\w*|snatch\w*|rescu\w*|"
                        r"freed)\b[^.;]{0,80}$", re.IGNORECASE)
IN_LOCAL_UNIT = re.compile(r"\s+in\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+(?:sub-?county|constituency|ward|division|"
                           r"sub-?location|location|payam|kebele|woreda|commune|cercle|township|municipality)\b")
# a name that opens a list of villages ("Gabeyle, Istifan, Shanta Moole, and Faari villages")
VILLAGES_LISTED_AFTER = re.compile(r"(?:\s*,\s*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)*,?\s+and\s+[A-Z][\w'’-]*"
                                   r"(?:\s+[A-Z][\w'’-]*)*\s+(?:villages|towns|hamlets|localities|settlements)\b")
HUGE_CITY = 1_000_000
BIG_CITY = 250_000  # a city this large, named exactly, is not a look-alike
HISTORY_DAYS = 366  # an event dated more than a year before its report is background
OLD_MONTH_DAYS = 45  # ... and one dated only by a month this long before it
# (but "fired from Lebanon", "launched from Yemen": where a projectile or a raid came from is not where
# it struck)
LOCATION_CUE = re.compile(r"\b(?:in|across|inside|into|throughout|within|of|to|near|"
                          r"(?<!fired )(?<!launched )(?<!shot )(?<!came )(?<!crossed )(?<!infiltrated )from)"
                          r"\s+(?:the\s+)?(?:\w+\s+)?$", re.IGNORECASE)
# "BUENOS AIRES, 13 DEC 89 (AFP) --", "MOGADISHU, June 4 (Reuters) -", "NAIROBI (AP) —"
DATELINE = re.compile(
    r"\s*(?:[A-Z][A-Z .'-]{1,40}(?:\s*\([A-Za-z .'-]{2,30}\))?(?:,\s*[A-Za-z .]{2,30})?(?:,\s*[A-Za-z0-9 ]{3,20})?"
    r"\s*(?:\([A-Za-z0-9 .,'-]{2,50}\))?"
    r"|[A-Z][A-Za-z .'-]{1,40}(?:,\s*[A-Za-z0-9 .]{2,30}){0,2}\s*\([A-Z][A-Za-z -]{1,30}\))\s*(?:--|-|—|–)\s"
    # "Srinagar, June 18:", "IMPHAL, Sept 10 (PTI)": a city and a day, then a colon or the agency
    r"|\s*[A-Z][A-Za-z .'-]{1,40},\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})"
    r"(?:\s*:|\s*\([A-Z][A-Za-z .]{1,30}\)\s*:?)\s"
    # "CHANDIGARH: Haryana police have arrested ...", "LAHORE: ...": a city in capitals and a colon
    r"|\s*[A-Z][A-Z.'-]{2,30}(?:\s[A-Z][A-Z.'-]{1,30}){0,2}:\s"
    # "Pemba – Four persons were ...": a city and a dash
    r"|\s*[A-Z][a-z]{2,20}(?:\s[A-Z][a-z]{2,20}){0,2}\s[–—]\s")
# people abroad: their nationality says who they are, not where things happen
FOREIGNERS = (r"nationals?|citizens?|tourists?|visitors?|expatriates?|diplomats?|envoys?|journalists?|engineers?|"
              r"businessm[ae]n|refugees?|migrants?|asylum[- ]seekers?")
FOREIGNER_AFTER = re.compile(r"^[\s-]*(?:\w+\s+)?(?:" + FOREIGNERS + r"|embassy|consulate)\b", re.IGNORECASE)
# words before an attack, a killing or a burning that make it not a crowd's own deed: a noun ("the
# killing", "an attack on"), a cause ("protest the murder", "after the attack"), a passive ("were attacked")
NOT_CROWD_DEED = re.compile(r"\b(?:the|a|an|of|over|against|following|after|recent|deadly|alleged|his|her|their|"
                            r"its|by|to|for|was|were|been|being|is|are|protest(?:ed|ing|s)?|demonstrat\w*|"
                            r"condemn\w*|mourn\w*|accus\w*|blam\w*)\s+"
                            r"(?:(?:recent|deadly|brutal|alleged|reported|fatal|violent|\w+-\w+)\s+)?$", re.IGNORECASE)
DEED_BREAK = re.compile(r"\b(?:after|when|while|because|before|which|that|who|whose|over|against|following)\b|"
                        r";|,(?!\s*$)", re.IGNORECASE)
# the parts of a country ("northern", "north-east", "central"); "in central Mali" places an event, "Nigeria's
# northeast" too
_SIDE_WORDS = (r"(?:north|south)-?(?:east|west)(?:ern)?|north|south|east|west|central|northern|southern|eastern|"
               r"western")
_SIDE = r"(?P<side>" + _SIDE_WORDS + r")"
SIDE_BEFORE = re.compile(r"\b" + _SIDE + r"\s+(?:part\s+of\s+|of\s+)?(?:the\s+)?$", re.IGNORECASE)
SIDE_AFTER = re.compile(r"(?:['’]s)?\s+(?i:far\s+)?(?i:" + _SIDE + r")\b(?!\s+[A-Z])")
# "in the east of the country", "the country's northwest": a part of the report's own country
SIDE_OF_THE_COUNTRY = re.compile(r"\b(?:in|across)\s+the\s+" + _SIDE + r"\s+(?:part\s+|region\s+)?of\s+the\s+country\b|"
                                 r"\bthe\s+country['’]s\s+(?i:far\s+)?(?P<side2>" + _SIDE_WORDS + r")\b", re.IGNORECASE)
# a lead that places the event in a part of a country, away from the dateline city
ELSEWHERE_IN_COUNTRY = re.compile(
    r"\b(?:in|across)\s+(?:the\s+)?(?:" + _SIDE_WORDS + r")\s+(?:part\s+of\s+|of\s+)?(?:the\s+)?[A-Z]|"
    r"\b[A-Z][a-z]+['’]s\s+(?:" + _SIDE_WORDS + r")(?:ern)?\s+[A-Z]")
VILLAGE_AFTER = re.compile(r"\s+(?:village|hamlet|settlement)\b", re.IGNORECASE)
NAME_GOES_ON = re.compile(r"[ -](?!(?:County|Province|Region|District|State|Governorate|Department|Town|City|"
                          r"Village|Sub-?[Cc]ounty|Division|Municipality)\b)[A-Z]")
GENERIC_PEOPLE = re.compile(r"(?:the\s+)?(?:people|persons|others|individuals|someone|one|victims?)", re.IGNORECASE)
# people who, acting together, make a mob when they attack ("residents", "a group of students")
MOB_NOUN = re.compile(r"(?:(?:a\s+)?(?:group|band|gang|crowd|number)\s+of\s+)?(?:angry\s+|irate\s+|local\s+)?"
                      r"(?:residents|villagers|locals|students|pupils|youths|neighbours|neighbors|traders|"
                      r"parents|members\s+of\s+the\s+public|worshippers|relatives|family\s+members|"
                      r"community\s+members|farmers|herders|vigilantes|boda\s+boda\s+(?:riders|operators))",
                      re.IGNORECASE)
PROTEST_CAUSE = re.compile(r"\b(?:protest(?:ed|ing|s)?|demonstrat\w*|mourn\w*|condemn\w*|following|after|over|"
                           r"against|angered\s+by|outrage\w*)\s+(?:(?:the|a|an|their|his|her|of)\s+)*"
                           r"(?:(?:alleged|recent|brutal|reported)\s+)?(?:deaths?|killings?|murders?|"
                           r"assassination|shooting|lynching)\s+(?:of\s+)?$|"
                           r"\b(?:after|following|over)\s+$", re.IGNORECASE)  # "rioted after a student was killed"
DURING_PROTEST = re.compile(r"^[^.;]{0,60}?\b(?:during|at|in|amid)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,3}?"
                            r"(?:protests?|demonstrations?|march|rally|riots?)\b", re.IGNORECASE)
FIRE_AT = re.compile(r"\b(?:opened\s+fire|fired\s+(?:live\s+)?(?:rounds|bullets|ammunition|shots|at|on|into)|shot\s+(?:at|into|dead))\b",
                     re.IGNORECASE)
KILL_CAUSE_GAP = re.compile(r"\b(?:after|following|over|against|because|since|of|the|for)\b|[.;]", re.IGNORECASE)
PROTEST_LED = re.compile(r"\b(?:led|lead|leads|leading|sparked|prompted|triggered|caus\w*|after|then|later)\b",
                         re.IGNORECASE)
SAID_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:said|says|told|stated|added|claimed|announced|reported)\b",
                        re.IGNORECASE)
SPEAKER_AFTER = re.compile(r"\s+(?:leaders?|officials?|authorities|spokesm[ae]n|spokesperson|representatives?|deputies|"
                           r"legislators?|lawmakers?|senators?|chairman|secretary)\s*,?\s+(?:has\s+|have\s+)?"
                           r"(?:said|says|told|stated|added|noted|explained|claimed|announced|declared|charged|"
                           r"accused|denied|insisted)\b", re.IGNORECASE)
NO_CLAIM = re.compile(r"\b(?:no|none|nobody|not\s+yet|no\s+one)\b(?:\s+\w+){0,3}\s+(?:has\s+|had\s+)?claimed\b",
                      re.IGNORECASE)
PLACE_LIST_GAP = re.compile(r"\s*(?:,|and|,\s*and|&)\s*")
SEPARATE = re.compile(r"\b(?:a\s+|the\s+)?(?:second|another|separate|fresh|further|new)\s+(?:\w+\s+)?"
                      r"(?:attacks?|assaults?|raids?|clash(?:es)?|strikes?|incidents?|explosions?|blasts?|ambush)\b|"
                      r"^\W*(?:separately|elsewhere|meanwhile|(?:hours|minutes|moments)\s+later)\b", re.IGNORECASE)
# police who come to end a fight between others are not one of its sides
INTERVENING = re.compile(r"\b(?:forcing|forced|prompting|prompted|until|before|when|so|called\s+in)\b[^.;]{0,25}$",
                         re.IGNORECASE)
GIVEN_THEN_NAME = re.compile(r"\b([A-Z][a-zA-Z]+)\s+(?=([A-Z][a-zA-Z'-]+))")
# "The police opened heavy gunfire.", "Security forces fired live bullets, killing two": force told in a sentence of its
# own after a protest, with no other target named, is used on the protesters
FORCE_ON_CROWD = re.compile(r"^(?:[A-Z][\w-]*\s+){0,2}(?:the\s+)?(?:[\w-]+\s+)?(?:police|policemen|police\s+officers|"
                            r"officers|security\s+forces|security\s+personnel|soldiers|troops|guards)\s+(?:then\s+)?"
                            r"(?:open(?:ed)?\s+(?:heavy\s+|live\s+)?(?:gun)?fire|fired\s+(?:live\s+(?:bullets|rounds|ammunition)|"
                            r"(?:gun)?shots|bullets)|shot\s+(?:dead|and\s+killed))(?![^.;]{0,25}\b(?:in|into)\s+the\s+air\b)"
                            r"(?!\s+(?:on|at)\s+(?!(?:the|them|the\s+crowd|protesters|demonstrators)\b))", re.IGNORECASE)
SETTING = re.compile(r"\b(?:at|during)\s+(?:a|an|the|his|her|their)\s+(?:[\w-]+\s+){0,2}(?:rally|rallies|protest|"
                     r"march|demonstration|meeting|funeral|wedding|ceremony)\b", re.IGNORECASE)
JOINED = re.compile(r"\b(?:joined|defected|switched\s+sides|surrendered\s+to|crossed\s+over\s+to)\b", re.IGNORECASE)
PLACE_BEFORE = re.compile(r"\b(?:in|at|near|outside|(?:village|town|city|area|district|county)\s+of)\s+$",
                          re.IGNORECASE)
# "missiles hit Kyiv and Kharkiv": the places struck
STRUCK_BEFORE = re.compile(r"\b(?:hit|hits|struck|strikes|targeted|targeting|shelled|shelling|bombed|attacked|pounded)\s+$",
                           re.IGNORECASE)
BUILDING_AFTER = re.compile(r"\s+(?:Hotel|University|College|School|Hospital|Road|Street|Avenue|Stadium|"
                            r"Grounds|Farm|Company|Ltd|Bank|Church|Mosque)\b")
# where a unit or people hail from ("a special police unit from the Ural Mountains region of Perm")
UNIT_FROM_BEFORE = re.compile(r"\b(?:unit|units|policemen|contingent|battalion|brigade|detachment|reinforcements)\s+from\s+"
                              r"(?:the\s+)?"
                              r"(?:[\w'’-]+\s+){0,4}$", re.IGNORECASE)
HEADER_DATE_END = re.compile(r"\s*\)?\s*:")
WITHDREW_FROM = re.compile(r"\b(?:withdr[ae]w\w*|retreat\w*|pull(?:ed|ing)\s+(?:back|out))\s+from\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}$",
                           re.IGNORECASE)
AWAY_BEFORE = re.compile(rf"\b(?:{_GOING}|going|moving|moved|taken|transferred|brought|sent|bound|were|was|hail\w*|"
                         r"originat\w*|way|retreat\w*|withdr[ae]w\w*|pull(?:ed|ing)\s+back|arriv\w*|"
                         r"rushed|airlifted|evacuated|flown|ferried|referred|transported|admitted)\s+(?:back\s+|away\s+|down\s+)?"
                         r"(?:(?:south|north|east|west)(?:-?(?:east|west))?(?:wards?)?\s+)?(?:from|to|towards?)\s+(?:the\s+)?"
                         r"(?:[\w'’-]+\s+){0,3}$|\bfrom\s+(?:[\w'’-]+\s+){1,3}to\s+$", re.IGNORECASE)
INSTITUTION_AFTER = re.compile(r"(?:\s+(?:Boys|Girls|Primary|Secondary|High|Technical|Teachers|Mixed|Day))*\s+"
                               r"(?:University|College|School|Academy|Polytechnic|Institute|Hospital|Stadium)\b")
# a place that names the office which reports ("the Gaza civil defence agency said") is not where it happened
ORGAN_AFTER = re.compile(r"\s+(?:(?:health|foreign|interior|defen[cs]e)\s+ministry|ministry\s+of\s+(?:health|foreign|"
                         r"interior|defen[cs]e)|embassy|consulate|civil\s+defen[cs]e|"
                         # ("the Gaza municipality said", not "clashed in Tibu municipality, Norte de Santander")
                         r"municipality(?=\s+(?:said|says|reported|announced|stated|confirmed|spokes\w+|officials?|"
                         r"authorities|council)\b)|"
                         r"(?:government\s+)?media\s+office|health\s+authorities|emergency\s+services|"
                         r"provincial\s+(?:government|spokesman|governor))\b", re.IGNORECASE)
# where the speaker was is not where it happened ("kidnapped in Colombia, according to family sources in Caracas")
# (but "fighting was reported in Debre Tabor" tells where the fighting was)
SPEAKER_IN_BEFORE = re.compile(r"\b(?:sources?|said|says|told\s+(?:\w+\s+)?(?:reporters|journalists)|"
                               r"(?<!was )(?<!were )(?<!been )(?<!being )(?<!is )(?<!are )reported|announced|"
                               r"stated|declared|spokes(?:man|woman|person))\s+(?:here\s+)?in\s+(?:the\s+)?$",
                               re.IGNORECASE)
PLACE_AFTER = re.compile(r"\s+(?:town|village|city|district|region|area|county|location|market|trading\s+centre|"
                         r"sub-?county|division|ward)\b", re.IGNORECASE)
ACTOR_NOUN_AFTER = re.compile(r"^[\s-]*(?:\w+\s+)?(?:forces|troops|military|army|officials?|personnel|soldiers|"
                              r"police|government|embassy|aircraft|navy|air\s+force|drones?|jets?|warplanes?|"
                              r"authorities|officers?|" + FOREIGNERS + r")\b", re.IGNORECASE)
# after a nationality, what lies or acts at home: "Kenyan villages", "Ugandan territory", "Kenyan police" (a
# country's police work in it)
HOME_PLACE_AFTER = re.compile(r"^[\s-]*(?:\w+\s+)?(?:villages?|towns?|camps?|territory|soil|side\s+of\s+the\s+border|"
                              r"border\s+towns?|police(?:m[ae]n)?)\b", re.IGNORECASE)
# where people came from is not where they struck ("raiders from Sudan", "bandits from neighbouring
# Ethiopia"); nor does a border say which side of it things happened ("near the border with Somalia")
ORIGIN_BEFORE = re.compile(r"\b(?:(?:raiders|bandits|attackers|assailants|gunmen|militants|fighters|militias?|"
                           r"militiamen|herders|herdsmen|pastoralists|rustlers|tribesmen|poachers|smugglers|"
                           r"intruders|infiltrators|refugees|migrants|men|troops|soldiers|forces)\s+(?:\w+\s+)?"
                           r"from|border\s+(?:with|of)|in\s+(?:support|solidarity)\s+(?:of|with)|solidarity\s+with|"
                           r"support\s+for|against\s+the\s+war\s+(?:in|on)|(?:strikes|attacks|war|bombing)\s+on)"
                           r"\s+(?:the\s+)?(?:neighbou?ring\s+)?$", re.IGNORECASE)
# "rallied against Israeli strikes", "protesting Russian aggression": a country in a protest's cause
CAUSE_AROUND = re.compile(r"\b(?:against|protest(?:ing|ed)?|condemn(?:ing|ed)?|denounc(?:ing|ed))\s+(?:the\s+)?\w+\s+"
                          r"(?:strikes|airstrikes|attacks|war|bombing|bombardment|occupation|aggression|offensive|"
                          r"invasion|blockade|policies|policy)\b", re.IGNORECASE)
# after a nationality, people who cross borders to raid: their nationality is not the event's country
RAIDER_AFTER = re.compile(r"^[\s-]*(?:\w+\s+)?(?:raiders|bandits|attackers|assailants|herders|herdsmen|"
                          r"pastoralists|rustlers|poachers|smugglers|intruders|infiltrators|border)\b", re.IGNORECASE)
HOME_ACTOR_AFTER = re.compile(r"^[\s-]*(?:\w+\s+)?(?:guerrillas?|rebels?|insurgents?|militants?|terrorists?|"
                              r"students?|workers?|civilians?|peasants?|villagers?|protesters?|people|"
                              r"demonstrators?|opposition)\b", re.IGNORECASE)
CLAIM = re.compile(r"\b(?:claim(?:ed|s|ing)?\s+(?:responsibility|credit)|responsib(?:le|ility)|blam(?:ed|es|ing)|"
                   r"claim(?:ed|s|ing)?\s+(?:the|its|their|Monday's|Tuesday's|Wednesday's|Thursday's|Friday's|Saturday's|"
                   r"Sunday's|last\s+\w+'s|yesterday's|today's)\s+(?:[\w-]+\s+)?(?:attacks?|killings?|bombings?|raids?|"
                   r"ambush(?:es)?|assaults?|strikes?|kidnappings?|abductions?|massacre|blasts?|explosions?)|"
                   # (an accusation of the deed, not "accuses the Taliban government of allowing the TTP to operate")
                   r"attribut(?:ed|es)|accus(?:ed|es|ing)\s+(?:[\w'’.-]+\s+){0,6}?of\s+(?:the\s+|carrying\s+out|being\s+behind|"
                   r"staging|launching|mounting|perpetrating|(?:[\w-]+\s+)?(?:attacks?|killings?|bombings?|raids?|massacre|"
                   r"ambush))|carried\s+out\s+by|perpetrated\s+by|"
                   # "Al Shabaab said it carried out the raid"
                   r"(?:said|says|announced|admitted)\s+(?:that\s+)?(?:it|they)\s+(?:had\s+)?(?:carried\s+out|staged|launched|"
                   r"conducted|was\s+behind|were\s+behind)|"
                   r"suspected\s+(?:to\s+be|of\s+being))\b", re.IGNORECASE)
LIKELY = re.compile(r"^\W*(?:\w+\W+){0,2}?(?:likely|probably|possibly|suspected(?:\s+to(?:\s+be)?)?|believed\s+to\s+be|"
                    r"identified\s+themselves\s+as|claiming\s+to\s+be|"
                    r"thought\s+to\s+be|presumed\s+to\s+be|presumably)\W+(?:(?:members|part|fighters|militants)\s+of\s+)?"
                    r"(?:the\s+)?(?:pro-[\w-]+\s+)?$",
                    re.IGNORECASE)
FOUND_BODIES = re.compile(r"(?:found|discovered|recovered|retrieved|exhumed)\s+(?:the\s+)?(?:\w+\s+)?bod(?:y|ies)\b|"
                          r"bod(?:y|ies)\s+(?:found|discovered|recovered|retrieved)\b",  # ("carried bodies recovered from")
                          re.IGNORECASE)
# ", while RSF artillery shelling killed 25": a second deed joined to the first (not "while travelling")
COMPOUND_WHILE = re.compile(r",\s+while\s+(?!\w+ing\b)(?=(?:[\w'’-]+\s+){1,12}?(?:[a-z]+ed|killed|struck|hit|"
                            r"shot|took|seized|fought|clashed)\b)")
REPELLED = re.compile(r"repel+ed|repulsed|foiled|thwarted|fought\s+off|beat\s+back", re.IGNORECASE)
REPELLED_ATTACK_BY = re.compile(r"\s+(?:an?|the)\s+(?:[\w-]+\s+)?(?:attack|assault|raid|offensive|incursion)\s+by\b",
                                re.IGNORECASE)
TAKER_LEFT = re.compile(r"\b(?:temporarily|briefly)\b|\band\s+(?:later\s+|then\s+)?withdrew\b|\bwithdrew\s+(?:after|"
                        r"immediately|later|shortly|soon)\b|\bbefore\s+withdrawing\b", re.IGNORECASE)
PAST_YEARS = re.compile(r"(?:(?:in|since|during|between|from)\s+)?(?:19|20)\d\d(?:\s*(?:-|–|and|to)\s*(?:19|20)?\d\d)?",
                        re.IGNORECASE)
STRUCK = re.compile(r"struck|bombed|pounded|hit", re.IGNORECASE)
GUNFIRE_DEED = re.compile(r"ambush|opened\s+fire|fired\s+(?:on|at)|shot\s+at", re.IGNORECASE)
VEHICLE_STRUCK = re.compile(r"(?:\s+[\w-]+){0,3}?\s+(?:vehicles?|cars?|trucks?|convoys?|Land\s+Cruisers?|patrols?|pick-?ups?|"
                            r"buses|bus|APCs?|armou?red\s+[\w-]+)\s+(?:struck|hit|ran\s+over|drove\s+over|ran\s+into|"
                            r"triggered|detonated|stepped\s+on)\b", re.IGNORECASE)
SPEECH_VERB = re.compile(r"\b(?:said|says|told|announced|stated|declared|added|reported|claimed|denied|warned)\b", re.IGNORECASE)
PERFECT_TOLL = re.compile(r"\b(?:have|has)\s+(?:also\s+)?(?:been\s+killed|died|perished|lost\s+their\s+lives)\b", re.IGNORECASE)
CROWD_WORD = re.compile(r"\b(?:crowds?|mobs?|protesters|demonstrators|rioters|stone-?pelters|youths|young\s+men|residents)\b",
                        re.IGNORECASE)
# a demonstration against the deed just told ("Residents protested the killing later in the day")
PROTESTED_DEED = re.compile(r"\b(?:protest\w*|demonstrat\w*|march\w*|rall\w*|took\s+to\s+the\s+streets)\b[^.;]{0,40}?"
                            r"\b(?:the|this|these|those)\s+(?:[\w-]+\s+)?(?P<deed>killings?|deaths?|attacks?|shootings?|murders?|"
                            r"abductions?|kidnappings?|arrests?|massacre|raid)\b", re.IGNORECASE)
STREETS = re.compile(r"\b(?:took|take|taking|poured|pour|went)\s+(?:in)?to\s+the\s+streets\b|\b(?:torch\w*|set\s+(?:ablaze|"
                     r"fire)|burn\w*|loot\w*|barricad\w*|block\w*|rampag\w*|riot\w*|protest\w*|demonstrat\w*)\b",
                     re.IGNORECASE)
DEMO_TAGS = frozenset({"protest", "riot", "mob", "excessive", "intervention"})
BODY_WORD = re.compile(r"\bbod(?:y|ies)\b|\bcorpses?\b", re.IGNORECASE)
VAGUE_FIGURE = re.compile(r"\W*(?:dozens|scores|several|many|numerous|hundreds|a\s+number|some|an?\s+unknown\s+number)\b",
                          re.IGNORECASE)
KILL_WORD = re.compile(r"\b(?:killed|killing|kills|slain|murdered|massacred)\b", re.IGNORECASE)
BELONGED = re.compile(r"\b(?:belong(?:ed|s)?\s+to|were\s+(?:all\s+)?members\s+of|were\s+from)\s+(?:the\s+)?$",
                      re.IGNORECASE)
MEMBERS_OF = re.compile(r"\s+(?:from|of|belonging\s+to)\s+(?:the\s+)?(?:rival\s+|powerful\s+|notorious\s+)?",
                        re.IGNORECASE)
SURRENDER_TO = re.compile(r"\b(?:surrender(?:ed|s)?|defect(?:ed|s)?)\s+to\b", re.IGNORECASE)
DISASTER = re.compile(
    r"\b(?:floods?|flooding|flash\s+floods?|earthquakes?|quakes?|tremors?|landslides?|mudslides?|cyclones?|hurricanes?|"
    r"typhoons?|storms?|lightning|drown(?:ed|ing)|road\s+accidents?|traffic\s+accidents?|car\s+crash|"
    # "a bus plunged into a ravine", "the driver lost control", "the truck overturned"
    r"(?:fuel|oil|gas|petrol|gasoline|diesel)\s+tankers?(?:\s+truck)?\s+(?:explod\w*|caught\s+fire|overturn\w*|burst\s+into\s+"
    r"flames|collided)|"
    r"plunged\s+(?:[\w-]+\s+){0,2}?(?:into|off|down)\s+(?:a|an|the)\s+(?:[\w-]+\s+)?(?:ravine|gorge|river|valley|cliff|"
    r"canal|lake|sea|precipice|abyss)|lost\s+control\s+of|overturned|veered\s+off|"
    r"plane\s+crash|crash(?:ed)?|collided|collision|capsized|stampede|epidemic|outbreak|cholera|famine|"
    r"drought|heatwave|gas\s+(?:explosion|leak|cylinder)|boiler|wildfires?|bush\s+fires?|accidental(?:ly)?|"
    r"(?:building|house|mine|bridge|roof|canopy|stadium|dam)\s+collapse[ds]?|collapse\s+of\s+(?:a\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:building|house|mine|bridge|roof|canopy|stadium|dam)|electrocuted|disease|"
    r"dams?\s+(?:burst|broke|gave\s+way|failed)|burst\s+(?:its|their)\s+banks|heavy\s+rains?|"
    r"(?:explosion|blast|fire)\s+at\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}(?:factory|plant|refinery|warehouse|depot|mine|"
    r"workshop)|fireworks?\s+(?:factory|warehouse|depot|plant|workshop|explosion|accident)|industrial\s+accident|"
    r"ruled\s+out\s+sabotage)\b",
    re.IGNORECASE,
)
NO_AGREEMENT = re.compile(r"\b(?:without\s+(?:an?\s+|any\s+)?(?:agreement|deal|breakthrough|accord)|failed\s+to\s+"
                          r"(?:reach|agree|strike|seal)|no\s+(?:agreement|deal|breakthrough)\b[^.;]{0,60}?\b(?:was|has\s+(?:yet\s+)?been|"
                          r"had\s+(?:yet\s+)?been)\s+"
                          r"(?:reached|struck|agreed))\b", re.IGNORECASE)
DOMESTIC = re.compile(
    r"\b(?:domestic\s+(?:dispute|violence|quarrel|row|abuse)|family\s+(?:dispute|feud|quarrel|row)|"
    r"(?:kill(?:ed|ing)|stabb(?:ed|ing)|murder(?:ed|ing)|strangl(?:ed|ing)|beat(?:ing)?)\s+(?:his|her)\s+(?:own\s+)?"
    r"(?:wife|husband|girlfriend|boyfriend|mother|father|son|daughter|child|children|brother|sister|partner|"
    r"stepmother|stepfather|mother-in-law|father-in-law)\b)", re.IGNORECASE)
# talks, meetings and patrols are events only when armed actors take part
NEEDS_ARMED_ACTOR = {"agreement", "other", "presence", "base", "withdraw"}
# who is arrested makes an arrest political: protesters, opposition, journalists, suspected militants
POLITICAL_ARREST = re.compile(
    r"\b(?:protest\w*|demonstrat\w*|activists?|opposition|journalists?|reporters?|bloggers?|militants?|"
    r"insurgents?|rebels?|fighters?|terror\w*|extremists?|jihadists?|politicians?|lawmakers?|legislators?|"
    r"mps?|mcas?|senators?|candidates?|leaders?|supporters?|members?\s+of|students?|strikers?|union\w*|"
    r"dissidents?|critics?|coup|treason|sedition|incitement|hate\s+speech|curfew|election\w*|vot\w+)\b",
    re.IGNORECASE)
NO_CASUALTY_NOTE = re.compile(r"\bcasualties\s+(?:are\s+|were\s+)?unknown\b|\bno\s+casualties\b", re.IGNORECASE)


@dataclass
class _Draft:
    """An event being assembled."""

    sentences: list[Sentence] = field(default_factory=list)
    hits: list[Hit] = field(default_factory=list)
    history: bool = False  # an aside on months ago, told to set the news in context: no event
    date: date | None = None
    date_explicit: bool = False
    precision: int = 1
    places: list[tuple[PlaceMention, Place, int]] = field(default_factory=list)
    inherited_place: _Draft | None = None
    inherited_date: bool = False  # the date was taken from the event told before
    # places the report named before its first event ("MEDELLIN CONTINUES TO LIVE THROUGH A WAVE OF
    # TERROR."): where its first events are, when they name no place of their own
    scene: list[tuple[PlaceMention, Place, int]] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    casualties: list[list[NumberMention]] = field(default_factory=list)
    agents: list[ActorMention] = field(default_factory=list)
    targets: list[ActorMention] = field(default_factory=list)
    assoc_agents: list[ActorMention] = field(default_factory=list)
    # the document's country mentions (start, end, country), shared by all its drafts
    doc_countries: list[tuple[int, int, countries.Country]] = field(default_factory=list)
    filed_from: set[str] = field(default_factory=set)  # the country of the dateline, if any
    dateline_end: int = 0  # where the document's dateline ends (0: none)
    doc_rebels: list[ActorMention] = field(default_factory=list)  # named rebel groups of the whole text
    doc_groups: list[ActorMention] = field(default_factory=list)  # named armed groups and militias of the text
    # the number of places the lead lists for the event ("in Maraagade village and Balade"): ACLED divides a
    # figure it cannot attribute evenly among them
    share: int = 1
    share_index: int = 0  # which of the places this draft is (the first ones take the remainder)

    text: str = ""

    @property
    def tags(self) -> set[str]:
        return {h.tag for h in self.hits}


class Extractor:
    """Holds the loaded stages; ``extract`` is pure and safe to call from many threads."""

    def __init__(self) -> None:
        self.triggers = TriggerTagger()
        self.times = TimeTagger()
        self.gazetteer = Gazetteer.load()
        self.geocoder = Geocoder(self.gazetteer)
        self.actors = ActorTagger()
        self.casualties = CasualtyReader()
        self.homes = _load_homes()
        # filled lazily; a race between threads only computes the same value twice
        self._capitals: dict[str, Place | None] = {}

    # ------------------------------------------------------------------ public
    def extract(self, text: str, published_at: date | None = None) -> list[Event]:
        """Code the events reported in ``text`` (published on ``published_at``, default today)."""
        published = published_at or date.today()
        if not text or not text.strip():
            return []
        sentences = self._split_compound(split_sentences(text))
        times = self.times.tag(text, published)
        first_actors = self.actors.tag(text, None)
        doc_countries = countries.find_countries(text)
        # a headline above the story ("Gunmen abduct 14 worshippers in Kaduna church attack") sums up the events its
        # body tells: it is read only when the body tells none; the body's dateline follows it
        headline = HEADLINE.match(text)
        dateline = DATELINE.match(text, headline.end()) if headline else DATELINE.match(text)
        # the wire dateline's end ("LIMA, 19 JAN 89 --"), the headline above it counted in
        dateline_end = dateline.end() if dateline else 0
        pointers = countries.find_cues(text)
        cues = pointers + [(s, e, c) for s, e, name in self.actors.identity_homes(text)
                           if (c := countries.lookup(name)) is not None]
        # a name inside an actor ("Al Shabaab", "Maasai militia"), a date ("2 May") or a person or
        # institution that points to a country ("President Jose Napoleon Duarte", and "Duarte" later)
        # is not a place
        not_places = [(s, e) for s, e, _c in pointers if not self.gazetteer.lookup(text[s:e])]
        surnames = {fold(text[s:e].split()[-1]) for s, e in not_places if " " in text[s:e]}
        # a word the text also writes after a given name is a surname everywhere in it ("DELGADO
        # PARKER WAS KIDNAPPED ... THE SEARCH FOR HECTOR DELGADO PARKER")
        surnames |= {fold(m.group(2)) for m in GIVEN_THEN_NAME.finditer(text)
                     if fold(m.group(1)) in self.geocoder.given_names}
        place_mentions = [m for m in self.geocoder.tag(text)
                          if not any(a.start < m.end and m.start < a.end and a.name for a in first_actors)
                          and not any(t.start < m.end and m.start < t.end for t in times)
                          and not any(s < m.end and m.start < e for s, e in not_places)
                          and fold(m.text) not in surnames and fold(m.text) not in NEWS_AGENCIES]
        # a text naming thousands of places (a list, not a report) must not cost quadratic time
        place_mentions = place_mentions[:MAX_PLACE_MENTIONS]
        context = self._country_context(text, doc_countries, place_mentions, first_actors, cues, dateline_end)
        resolved = self.geocoder.resolve(place_mentions, context) if place_mentions else []
        resolved = self._keep_named_countries(text, doc_countries, resolved, first_actors, cues, dateline_end)
        main_country = self._main_country(resolved, context)
        actors = self.actors.tag(text, main_country.name) if main_country else first_actors
        actors = _foreign_troops(actors, main_country.name if main_country else "")
        body = [s for s in sentences if s.start >= headline.end()] if headline else sentences
        drafts = [d for d in self._assemble(text, body, times, resolved, actors, published, dateline_end)
                  if not d.history]
        if not drafts and body is not sentences:
            drafts = [d for d in self._assemble(text, sentences, times, resolved, actors, published, dateline_end)
                      if not d.history]
        drafts = [part for d in drafts for part in self._split_places(text, d)]
        filed_from = {p.iso3 for m, p, _prec in resolved if m.start < dateline_end}
        doc_rebels = [a for a in actors if a.name and a.inter == 2 and not a.generic]
        doc_groups = [a for a in actors if a.name and a.inter in (2, 3, 4) and not a.generic
                      and not a.name.startswith("Unidentified")]
        for d in drafts:
            d.doc_countries = doc_countries
            d.doc_rebels = doc_rebels
            d.doc_groups = doc_groups
            d.filed_from = filed_from
            d.dateline_end = dateline_end
            d.text = text
        claims = self._claims(text, sentences, actors)
        # a claim speaks of the events told before it ("gunmen attacked a patrol. Authorities blamed the CJNG
        # ... In Guanajuato, gunmen killed seven at a party": not of the party's killers), or of all of them
        # when it comes first
        owners: dict[int, list[ActorMention]] = {}
        for claim in claims:
            before = [k for k, d in enumerate(drafts) if d.sentences and d.sentences[0].start <= claim.start]
            for k in before or range(len(drafts)):
                owners.setdefault(k, []).append(claim)
        # without a report date, "today" stands in for it and history cannot be told from news
        history_before = published - timedelta(days=HISTORY_DAYS) if published_at else None
        events = [e for k, d in enumerate(drafts)
                  if (e := self._code(d, published, main_country, owners.get(k), history_before)) is not None]
        return _drop_aftermath_moves(self._merge_same(_carry_remote_author(events)))

    def _split_compound(self, sentences: list[Sentence]) -> list[Sentence]:
        """A lead that joins two deeds ("the army said it had recaptured Bara ..., while RSF shelling killed 25
        people in a camp near El Fasher") is read as two sentences, each with its own event."""
        out: list[Sentence] = []
        for sent in sentences:
            m = COMPOUND_WHILE.search(sent.text)
            if m is not None and not self.triggers.is_background(sent.text):  # (a tally's two halves stay one)
                left, right = sent.text[:m.start()], sent.text[m.start() + 1:]
                if (any(h.tag in STRONG for h in self.triggers.tag(left))
                        and any(h.tag in STRONG for h in self.triggers.tag(right))):
                    cut = sent.start + m.start() + 1
                    out.append(Sentence(sent.start, sent.start + m.start(), left))
                    out.append(Sentence(cut, sent.end, right))
                    continue
            out.append(sent)
        return out

    # --------------------------------------------------------------- context
    def _country_context(self, text: str, doc_countries: list[tuple[int, int, countries.Country]],
                         mentions: list[PlaceMention], actors: list[ActorMention],
                         cues: list[tuple[int, int, countries.Country]], dateline_end: int) -> list[str]:
        """Countries of the report, most likely first.

        A country named as a location ("in Iraq", a dateline) counts more than one named as an
        adjective of an actor ("U.S. forces"), which says who acts, not where. Words that only
        point to a country (its parties, leaders, institutions: ``cues``) count least.
        """
        counts: dict[str, float] = {}
        weak: set[str] = set()
        for _s, _e, c in cues:
            counts[c.iso3] = min(counts.get(c.iso3, 0.0) + 0.8, 2.4)
        for i, (start, end, c) in enumerate(doc_countries):
            role = _country_role(text, start, end)
            if role == "place":
                w = 3.0
            elif role == "party":
                counts[c.iso3] = counts.get(c.iso3, 0.0) + 0.3  # "US forces": who acts, not where
                weak.add(c.iso3)
                continue
            else:
                w = 1.0
            if start < 200:
                w += 1.0
            if i == 0:
                w += 0.5
            counts[c.iso3] = counts.get(c.iso3, 0.0) + w
        for a in actors:
            bound = None
            if a.inter in (2, 3, 4, 8):
                # a group or mission named after its country fights there ("Islamic State Somalia
                # Province", "... Mission in Somalia")
                for _s, _e, c in countries.find_countries(re.sub(r"\([^)]*\)", " ", a.name)):
                    bound = c
                    break
            if bound is not None and (a.inter != 8 or " in " in a.name):
                counts[bound.iso3] = counts.get(bound.iso3, 0.0) + 2.5
                continue
            home = countries.lookup(a.country) if a.country else None
            if home is None or (a.kind == "civilians" and FOREIGNER_AFTER.match(a.text)):
                continue  # "a German tourist" was killed where he travelled
            if a.inter in (1, 8):
                # "government forces", "SNA": the home state; "US forces": a state named abroad
                marked = any(a.start <= s0 and e0 <= a.end for s0, e0, _c in doc_countries)
                w = 0.5 if marked else 2.0
            else:
                w = 0.8
            counts[home.iso3] = counts.get(home.iso3, 0.0) + w
        for m in mentions:
            if m.start < dateline_end and m.candidates:
                # "LIMA, 19 JAN 89 --": the report is filed from the country of its dateline
                iso = m.candidates[0].iso3
                counts[iso] = counts.get(iso, 0.0) + 2.0
            isos = {p.iso3 for p in m.candidates[:3]}
            regions = {p.iso3 for p in m.candidates if p.kind == "admin1"}
            # a look-alike ("Katheri" for India's "Kotharia") says little about the country, unless
            # the text says it is a place ("in Belet Xaawo town")
            if len(isos) == 1 and (self._exact(m, m.candidates[0]) or _cued(text, m)):
                iso = next(iter(isos))
                counts[iso] = counts.get(iso, 0.0) + (0.5 if self._exact(m, m.candidates[0]) else 0.3)
            elif m.relation == "region" and len(regions) == 1:
                # "Mandera County": a region of one country, named as such
                iso = next(iter(regions))
                counts[iso] = counts.get(iso, 0.0) + 1.0
            elif not m.text.isupper() and len(
                    named := {p.iso3 for p in m.candidates if p.kind == "admin1" and self._exact(m, p)}) == 1:
                # "(Sinak, Puncak, Papua)": a region's own name, whatever villages abroad are also called so (in
                # capitals, "VARGAS" is as likely a surname)
                iso = next(iter(named))
                counts[iso] = counts.get(iso, 0.0) + 0.5
        # a country only named as the nationality of foreigners ("a German tourist", "US forces") says
        # who was involved, not where
        return [k for k, w in sorted(counts.items(), key=lambda kv: -kv[1]) if w >= 0.5 or k not in weak]

    def _keep_named_countries(self, text: str, doc_countries: list[tuple[int, int, countries.Country]],
                              resolved: list[tuple[PlaceMention, Place, int]],
                              actors: list[ActorMention], cues: list[tuple[int, int, countries.Country]],
                              dateline_end: int) -> list[tuple[PlaceMention, Place, int]]:
        """Drop namesakes far abroad.

        When the report names its countries (or its actors belong to some), a place in a
        country it never names and far from all of them is a look-alike ("Carmo" in a Somali note is
        not Brazil's); a namesake in a named country is taken instead when there is one. Places in
        neighbouring countries stay: cross-border raids are news.
        """
        # a country named as a cause ("marched in support of Palestinians") or as where people came from
        # is no country of the report's places
        causes = [(s, e) for s, e, _c in doc_countries if ORIGIN_BEFORE.search(text, max(0, s - 40), s)
                  or CAUSE_AROUND.search(text, max(0, s - 25), min(len(text), e + 30))]
        named = {c.iso3 for s, e, c in doc_countries if (s, e) not in causes} | {c.iso3 for _s, _e, c in cues}
        named |= {p.iso3 for m, p, _prec in resolved if m.start < dateline_end}  # filed from that country
        # countries named only as the nationality of people ("Chinese workers", "Ethiopian nationals")
        # do not say where the report is
        nationality_only = bool(doc_countries) and not cues and all(
            ACTOR_NOUN_AFTER.match(text[e:e + 30]) or HOME_ACTOR_AFTER.match(text[e:e + 30])
            for _s, e, _c in doc_countries)
        texts_named = set(named)
        for a in actors:
            c = countries.lookup(a.country) if a.country else None
            if c is not None and not any(s <= a.start < e for s, e in causes):
                named.add(c.iso3)
                nationality_only = nationality_only and a.kind == "civilians"
        if not named:
            # nothing says where the report is but its places: keep those whose name matches exactly,
            # and among namesakes abroad, those of the country of a large town the report names
            # ("Kisumu-Kakamega highway ... Kibuye" is Kenya's Kibuye)
            exact = [(m, p, prec) for m, p, prec in resolved if self._exact(m, p) and self._placed(text, m, p)]
            # ... or of the region it names as such ("Sinak (Sinak, Puncak, Papua)": Papua is Indonesia's, so Sinak
            # is no "Singac", New Jersey; "a mob of Kuki villagers ... in Torbung (Churachandpur, Manipur)": India's,
            # whatever Japanese city is also called Kuki)
            home = {p.iso3 for m, p, _prec in exact if p.kind == "admin1" and m.relation == "region"
                    and fold(m.text) not in self.geocoder.common_words_upper}  # (not "Embu West District")
            home = home if len(home) == 1 else set()
            if not home:
                home = {p.iso3 for m, p, _prec in exact if p.population >= 50_000
                        and all(c.iso3 == p.iso3 for c in m.candidates[:5])}
            return [(m, p, prec) for m, p, prec in exact if not home or p.iso3 in home]
        anchors = [p for iso in named if (c := countries.by_iso3(iso)) and (p := self._capital(c)) is not None]
        # places across the border of a country the text names are news; across the border of an
        # actor's home country they are more often look-alikes
        plausible = named.union(*(countries.neighbours(iso) for iso in texts_named))
        actor_neighbours = set().union(*(countries.neighbours(iso) for iso in named - texts_named))
        out = []
        for m, p, prec in resolved:
            # a curated site (an air base, a camp) is what it says, wherever it is; so is a town or
            # region whose name is its own, exactly written ("Chinese workers attacked in Narok")
            # and a large city of a neighbour of an actor's country, under its own name ("a Mombasa
            # police detective" in a note that names only al Shabaab, an actor of Somalia)
            famous = p.source != "geonames" or (
                (p.population >= BIG_CITY and fold(p.name) == fold(m.text) and p.iso3 in actor_neighbours
                 or nationality_only and (p.population >= 10_000 or p.kind == "admin1"))
                and all(c.iso3 == p.iso3 for c in m.candidates) and self._exact(m, p)) or (
                # a great city called a place under its own name ("protested in Nairobi, demanding the return of
                # youths held in prisons in Mali") is no look-alike, whatever other country the text names
                p.population >= HUGE_CITY and fold(p.name) == fold(m.text) and _cued(text, m)
                and all(c.iso3 == p.iso3 for c in m.candidates[:3]))
            # a town or region of a neighbour of the actor's country, under its own name and called a
            # place ("Kwale County", "a police station in Dif"), when the actor's country has none
            # of that name: al Shabaab fights in Kenya too
            across = (p.iso3 in actor_neighbours and squeezed(p.name) == squeezed(m.text)
                      and not any(c.iso3 in named for c in m.candidates)
                      # not a village named like a town across the border ("Goba village"), nor part of a
                      # longer name ("the Harar Miin area")
                      and not (p.population >= 10_000 and VILLAGE_AFTER.match(text, m.end))
                      and not (NAME_GOES_ON.match(text, m.end) and not countries.is_upper_text(text))
                      and (p.kind == "admin1" or m.relation == "region" or p.population >= 20_000
                           or _cued(text, m)))
            if p.iso3 in plausible or famous or across or any(
                    _km(p.latitude, p.longitude, a.latitude, a.longitude) < 800 for a in anchors):
                out.append((m, p, prec))
                continue
            alt = next((c for c in m.candidates if c.iso3 in named), None)
            if alt is not None:
                out.append((m, alt, prec if alt.kind not in ("admin1", "country") else 3))
        return out

    @staticmethod
    def _placed(text: str, m: PlaceMention, p: Place) -> bool:
        """Whether a place named in a text with no country is more than a word that happens to be
        some hamlet's name: a town of some size, a region, a curated site, or a name the text calls a
        place ("in Baragoi", "Sega town") and not the name of a building ("Heritage Hotel")."""
        if p.population >= 5_000 or p.kind == "admin1" or p.source != "geonames":
            return True
        return _cued(text, m) and not BUILDING_AFTER.match(text, m.end)

    def _exact(self, m: PlaceMention, p: Place) -> bool:
        """Whether the mention names the place itself (name or alternate name), not a look-alike."""
        return any(abs(q.latitude - p.latitude) < 1e-3 and abs(q.longitude - p.longitude) < 1e-3
                   for q in self.gazetteer.lookup(m.text))

    def _sentence_country(self, d: _Draft) -> countries.Country | None:
        """A country the event's own sentences name as its location ("strikes in Iraq"), or as the
        home of the non-state actors in it ("Salvadoran guerrillas": rebels fight at home)."""
        local = [c for sent, start, end, c in self._countries_in(d) if _names_location(sent.text, start, end)]
        return local[0] if local else None

    @staticmethod
    def _countries_in(d: _Draft) -> list[tuple[Sentence, int, int, countries.Country]]:
        """The document's country mentions inside the draft's sentences (offsets in the sentence)."""
        return [(sent, start - sent.start, end - sent.start, c) for sent in d.sentences
                for start, end, c in d.doc_countries if sent.start <= start and end <= sent.end]

    def _local_countries(self, d: _Draft) -> list[str]:
        """Countries the event's sentences name as a location or a home, most named first."""
        counts: dict[str, int] = {}
        for sent, start, end, c in self._countries_in(d):
            if _names_location(sent.text, start, end):
                counts[c.iso3] = counts.get(c.iso3, 0) + 1
        return sorted(counts, key=lambda k: -counts[k])

    def _main_country(self, resolved: list[tuple[PlaceMention, Place, int]], context: list[str]) -> countries.Country | None:
        counts: dict[str, int] = {}
        for _m, p, _prec in resolved:
            counts[p.iso3] = counts.get(p.iso3, 0) + 1
        if counts:
            iso = max(counts, key=lambda k: (counts[k], -context.index(k) if k in context else -99))
            return countries.by_iso3(iso)
        return countries.by_iso3(context[0]) if context else None

    # --------------------------------------------------------------- assembly
    def _assemble(self, text: str, sentences: list[Sentence], times: list[TimeMention],
                  resolved: list[tuple[PlaceMention, Place, int]], actors: list[ActorMention],
                  published: date, dateline_end: int = 0) -> list[_Draft]:
        drafts: list[_Draft] = []
        current: _Draft | None = None
        last_date: date | None = None
        opening: tuple[date | None, int] | None = None
        scene: list[tuple[PlaceMention, Place, int]] = []
        disaster_news = False
        disaster_seen = False
        following = {id(a): b for a, b in zip(sentences, sentences[1:], strict=False)}

        def unverified_next(sent: Sentence) -> bool:
            # "... claimed its fighters had killed 17 soldiers. Reuters could not independently verify either
            # account." (the next sentence doubts the figure, and tells none of its own)
            nxt = following.get(id(sent))
            return nxt is not None and bool(UNVERIFIED.search(nxt.text)) and not re.search(r"\d", nxt.text)

        def add_casualties(target: _Draft, sent: Sentence, s_cas: list[NumberMention]) -> None:
            counted = any(m.outcome == "killed" for group in target.casualties for m in group)
            split = TWO_SOURCES.search(sent.text)
            if split is not None and s_cas:
                # "a local official said 53 bodies had been recovered, while the opposition said at least 100 people
                # had been killed": two sources' figures for one event, of which the lower counts
                cut = sent.start + split.start()
                first = [m for m in s_cas if m.start < cut]
                second = [m for m in s_cas if m.start >= cut]
                a, b = total([first], "killed"), total([second], "killed")
                if a and b:
                    drop = second if a <= b else first
                    s_cas = [m for m in s_cas if not (m in drop and m.outcome == "killed")]
            if s_cas and counted and (UNVERIFIED.search(sent.text) or unverified_next(sent)):
                # a figure "that could not be independently verified" does not replace the one sources gave
                # (a side's claim does: ACLED takes "Al Shabaab claimed to have killed 61 soldiers" over the
                # government's six)
                s_cas = [m for m in s_cas if m.outcome != "killed"]
            later = LATER_TOLL.search(sent.text)
            if s_cas and later is not None and INITIAL_FIGURE.search(sent.text, 0, later.start()):
                # the withdrawn first figure and its update in one sentence: the update counts
                s_cas = [m for m in s_cas if m.outcome != "killed" or m.start >= sent.start + later.start()]
            elif s_cas and counted and INITIAL_FIGURE.search(sent.text):
                # "state media initially reported two dead, but the governor later said ...": a figure withdrawn
                s_cas = [m for m in s_cas if m.outcome != "killed"]
            if (s_cas and counted and ALT_TOLL.search(sent.text) and not TOLL_UPDATE.search(sent.text)
                    and not _other_side(s_cas, target.casualties)):
                # "A local rescue group said 17 were killed ... The shadow government put the death toll at 22": of
                # two sources' figures for one event, ACLED takes the lower
                figured = [m for m in s_cas if m.outcome != "killed" or WRITTEN_FIGURE.search(m.text)]
                # ("killing dozens of people ... the deputy police chief told reporters that at least 46 people had been
                # killed": a figure replaces a word for a number)
                # (and "killing worshippers with machetes ... MONUSCO reported at least 38 civilians killed")
                vague = all(VAGUE_FIGURE.match(m.text) or m.count == 3 and not WRITTEN_FIGURE.search(m.text)
                            for group in target.casualties for m in group if m.outcome == "killed") and any(
                    m.outcome == "killed" and re.search(r"\d", m.text) for m in figured)
                if vague or 0 < total([figured], "killed") < total(target.casualties, "killed"):
                    target.casualties = [[m for m in group if m.outcome != "killed"] for group in target.casualties]
                else:
                    s_cas = [m for m in s_cas if m.outcome != "killed"]
            if s_cas:
                target.casualties.append(s_cas)

        before = {b.start: a for a, b in pairwise(sentences)}
        pending: tuple[date, int, list[tuple[PlaceMention, Place, int]], Sentence] | None = None
        for sent in sentences:
            # a word of a date is no trigger ("TODAY, 9 MARCH, WE HAVE RECEIVED A MESSAGE"), nor one
            # named by an earlier year ("for their role in the 2013 Westgate mall attack")
            hits = [h for h in self.triggers.tag(sent.text, sent.start)
                    if not any(t.start <= h.start and h.end <= t.end for t in times)
                    and not ((y := YEAR_NAMED.search(text, max(sent.start, h.start - 70), h.start))
                             and int(y.group(1)) < published.year)]
            if hits and len(sentences) > 3 and _is_heading(sent.text):
                hits = []  # a section heading names the story's topic, not an event of its own
            strong = [h for h in hits if h.tag in STRONG]
            disaster = False
            if not strong and not disaster_seen and DISASTER.search(sent.text) and not any(
                    a.inter in ARMED_INTER for a in actors if sent.start <= a.start < sent.end):
                # "a tanker overturned and caught fire ... people died": the blast told next is the accident's
                disaster_seen = True
            if strong and (DISASTER.search(sent.text) or disaster_seen and all(
                    h.tag in ("blast", "kill", "ied") for h in strong)) and not any(
                    a.inter in ARMED_INTER for a in actors if sent.start <= a.start < sent.end
                    and not SPEAKER_AFTER.match(text, a.end) and not SAID_AFTER.match(text, a.end)):
                # ("..., Taliban authorities said", "the military government said")
                # "floods killed 20 people", "a gas explosion": deaths without a perpetrator
                strong = [h for h in strong if h.tag not in {"kill", "attack", "blast", "looting"}]
                disaster = disaster_seen = True  # (and "the likely cause of the blast" after it is the same one)
                # a report whose news is a disaster ("landslides killed 40 people") tells older violence as
                # background ("M23 seized Bukavu in February")
                disaster_news = disaster_news or current is None
            voice = False  # a quote on the event told before ('"... the airstrike killed two militants," AFRICOM said')
            if current is not None and strong:
                # "The Islamic State group claimed the attack on its Telegram channels on Saturday": a claim of the
                # attack told before (the claimant is read by _claims), not another attack
                strong = [h for h in strong if not CLAIMED_DEED.search(text, max(sent.start, h.start - 45), h.start)]
                # '"This is a deliberate strike on civilians," the governor said': a voice on the event told
                # before, not another one
                unquoted = [h for h in strong if not _quoted(sent.text, h.start - sent.start)]
                voice, strong = bool(strong) and not unquoted, unquoted
            all_times = [t for t in times if sent.start <= t.start < sent.end and t.start >= dateline_end]
            s_times = [t for t in all_times if not t.background]
            if len(s_times) > 1 and HEADER_DATE_END.match(text, s_times[0].end):
                # "Amhara weekly update (15 August 2023): On 9 August, Fano fighters entered Lalibela": the update's
                # date heads the note, the deed has its own
                s_times = s_times[1:]
            if strong and not s_times and any(t.date > published for t in all_times):
                # "unions called for a nationwide day of strikes and demonstrations on Sept. 18": what is planned for
                # a day still to come is no event yet
                strong = []
            fronted = bool(all_times) and all_times[0].start - max(sent.start, dateline_end) <= 12
            long_gone = bool(all_times) and all(t.precision == 3 and (published - t.date).days > OLD_MONTH_DAYS
                                                for t in all_times)
            old_month = fronted and long_gone
            if strong and all_times and all(t.background for t in all_times) and (fronted or (
                    any(h.tag in ("kill", "arrest") for h in strong) and all_times[0].start > strong[0].start
                    and long_gone) or (
                    # "crimes committed in Darfur in 2003 and 2004, including murder, rape and persecution" (the day
                    # the court spoke dates the verdict, not the crimes)
                    any(not t.statement for t in all_times) and all(
                        PAST_YEARS.fullmatch(t.text.strip()) and t.date.year < published.year
                        for t in all_times if not t.statement))):
                # "In 2020, insurgents killed 52 people", "119 people were killed in mob beatings last year":
                # a deed dated only by a past year is the story's history, not its news (but "teachers who
                # retired between 1997 and 2007 protest" is today's protest, and "stormed the offices to demand
                # a report on a complaint lodged a year prior" today's deed)
                continue
            s_places = [r for r in resolved if sent.start <= r[0].start < sent.end]
            if ELSEWHERE_IN_COUNTRY.search(sent.text):
                # "BAMAKO (Reuters) - ... an attack on an army base in central Mali": the lead places
                # the event away from where the report was filed
                s_places = [r for r in s_places if r[0].start >= dateline_end]
            # a group named for whom a speaker speaks ("an ARENA leader, said") neither acts nor is hit
            s_actors = [a for a in actors if sent.start <= a.start < sent.end and not SPEAKER_AFTER.match(text, a.end)]
            s_cas = self.casualties.read(sent.text, sent.start)
            background = self.triggers.is_background(sent.text) or (
                # "... killed in Kashmir so far this year. At least 30 soldiers and more than 60 civilians have also
                # died.": the tally goes on
                PERFECT_TOLL.search(sent.text) is not None and (prev := before.get(sent.start)) is not None
                and self.triggers.is_background(prev.text))
            if background:
                continue
            when, explicit, precision = None, False, 1
            if s_times:
                t = s_times[0]
                if t.anchor == "previous":
                    base = current.date if current and current.date else last_date
                    said = [x for x in all_times if x.statement and x.start < t.start]
                    if said:
                        # "the army said on Monday that its drones had struck ... earlier that day": that day is Monday
                        base = said[-1].date
                    when = resolve_relative(t, base) if base else t.date
                elif (len(s_times) > 1 and s_times[1].anchor == "previous" and s_times[1].offset_days
                      and DEED_PARTICIPLE.search(text, max(sent.start, s_times[1].start - 30), s_times[1].start)):
                    # "Hezbollah on Sunday buried a member killed a day earlier in an Israeli drone strike": the deed
                    # is dated from the day the sentence opens with
                    when = resolve_relative(s_times[1], t.date)
                    t = s_times[1]
                else:
                    when = t.date
                explicit, precision = True, t.precision
            stated = [] if s_times else [t for t in all_times if t.statement]
            if stated:
                # "Fano fighters said on Monday they had captured the town": the deed is dated by no more
                # than the statement (in the event it goes on telling, that event's day wins)
                when, precision = stated[0].date, stated[0].precision
            if not strong:
                if (current is not None and explicit and current.date_explicit and when is not None
                        and current.date is not None and when > current.date and s_places and not s_cas
                        and not SPEECH_VERB.search(sent.text)):
                    # "Early on Wednesday, troops surrounded a house in Kiloora village. Three militants were killed in the
                    # exchange of fire that followed": a new day and place set the scene of the next deed
                    pending = (when, precision, s_places, sent)
                    continue
                if current is None and explicit:
                    # "On 23 October, angry youths confronted the candidate. The secretary was
                    # attacked ...": a date set before the first event dates it
                    opening = (when, precision)
                if current is None:
                    scene.extend(r for r in s_places if r[0].start >= dateline_end)
                if current is not None:
                    if s_cas and not disaster and not long_gone and (voice or not KILL_WORD.search(sent.text)):
                        # (not "a canopy's collapse in November killed 16 people", "a 2021 raid in Jacarezinho
                        # killed 28": the dead of a disaster, of months ago, or of a deed the triggers set aside)
                        add_casualties(current, sent, s_cas)
                    follows = bool(current.sentences) and current.sentences[-1].end <= sent.start and not any(
                        prev.start > current.sentences[-1].start and prev.end <= sent.start for prev in sentences)
                    if not current.places and follows:
                        current.places.extend(s_places)
                    current.hits.extend(h for h in hits if h.tag not in STRONG)
                    # ("Ukraine's air force said it had shot down 30 of the 38 missiles": who speaks of the
                    # event did not do it)
                    current.actors.extend(a for a in s_actors if not SAID_AFTER.match(text, a.end))
                    # (a dated aside on something else does not date an event that took its day from the one before:
                    # "Posters put up in several towns last week warned residents ...")
                    if explicit and not current.date_explicit and (
                            current.date is None or not current.inherited_date or s_cas
                            or DEFINITE_BACKREF.search(sent.text)):
                        current.date, current.date_explicit, current.precision = when, True, precision
                continue
            # "Gunmen killed four farmers on Tuesday. Last June, more than 60 people were killed in a similar
            # raid", "M23 seized Goma in January": what a report recalls of months ago is its background, an
            # aside that the sentences after it may go on telling ("THE TERRORIST WAS CARRYING DYNAMITE")
            # ("M23 captured Goma in January in an offensive ..., the United Nations said last week": the deed's
            # own time is the one nearest it)
            nearest = min(all_times, key=lambda t: abs(t.start - strong[0].start)) if all_times and strong else None
            nearest_gone = nearest is not None and nearest.precision >= 2 and (
                published - nearest.date).days > OLD_MONTH_DAYS
            # "The capture extends the rebels' advance after they took Bukavu ... and comes weeks after they
            # seized Goma": what the news follows on is told as its context
            context = current is not None and bool(CONTEXT_LEAD.match(sent.text))
            # "... were found yesterday. Tutela Legal reported that 75 people were killed by death squads in
            # February": a whole month's tally beside a day's news
            month_tally = (current is not None and current.precision == 1 and current.date is not None
                           and bool(all_times) and all(t.precision == 3 and not t.background and (t.date.year, t.date.month)
                                                       != (current.date.year, current.date.month) for t in all_times))
            recalled = (long_gone or nearest_gone) and (current is not None or disaster_news) or context or month_tally
            agents, targets, assoc = self._roles(text, sent, strong, s_actors)
            found = [h for h in strong if h.tag == "kill" and FOUND_BODIES.match(h.text)]
            if found:
                # "police found the bodies of 13 security guards ... kidnapped by an armed gang": who found them
                # did not kill them
                finders = {a.start for a in agents if a.start < found[0].start}
                agents = [a for a in agents if a.start > found[0].start]
                targets = [a for a in targets if a.start > found[0].start]
                s_actors = [a for a in s_actors if a.start not in finders]
            # "Last June, more than 60 people were killed": an event of months ago is its own, never the news's
            # (where the doers fled to is no place of the deed: "set fire to 12 houses before fleeing toward the
            # Apurimac river valley" goes on telling the massacre)
            here = [r for r in s_places if not AWAY_BEFORE.search(text, max(0, r[0].start - 50), r[0].start)]
            back = DEFINITE_BACKREF.match(sent.text) if current is None and not explicit and not s_places else None
            if (back is not None and not s_cas and len({h.tag for h in strong}) == 1
                    and re.search(rf"\b{back.group(1)}", text[:sent.start], re.IGNORECASE)):
                # "... sentenced two men for the January 2019 attack on the DusitD2 hotel. The attack was claimed by
                # Al-Shabaab.": the attack the report set aside, named again, is still no event of its own
                continue
            scene_set = None
            if pending is not None and not explicit and not text[pending[3].end:sent.start].strip():
                when, precision, explicit = pending[0], pending[1], True
                here = here or pending[2]
                s_places = s_places or pending[2]
                scene_set = pending[3]
            pending = None
            protested = PROTESTED_DEED.search(sent.text) if (
                current is not None and not current.tags & DEMO_TAGS and {h.tag for h in strong} & DEMO_TAGS) else None
            if protested is not None:
                # "Residents protested the killing later in the day": the deed named is the one told before
                strong = [h for h in strong if not sent.start + protested.start("deed") <= h.start < sent.start + protested.end()]
            target = None if old_month or recalled else self._pick_draft(
                drafts, current, sent, strong, when, explicit, here, agents, targets, dateline_end)
            if target is None:
                target = _Draft(history=recalled)
                if current is not None and not s_places:
                    target.inherited_place = current
                elif current is None:
                    target.scene = scene
                if not explicit and current is not None and not stated:
                    when, precision = current.date, current.precision
                    target.inherited_date = True
                elif not explicit and current is None and opening is not None:
                    (when, precision), explicit = opening, True
                drafts.append(target)
                if scene_set is not None:
                    target.sentences.append(scene_set)
            target.sentences.append(sent)
            target.hits.extend(hits)
            target.places.extend(s_places)
            target.actors.extend(s_actors)
            target.agents.extend(agents)
            # the lead says whom the event hit: a later sentence's victims of another kind ("... kills
            # three police officers. The attack may be related to an attack on bus travellers") are
            # of another event, or of the same one's aftermath
            armed_hit = {a.inter in ARMED_INTER for a in target.targets}
            target.targets.extend(a for a in targets if not armed_hit or (a.inter in ARMED_INTER) in armed_hit)
            target.assoc_agents.extend(assoc)
            add_casualties(target, sent, s_cas)
            if when is not None and (explicit and not target.date_explicit or target.date is None):
                target.date, target.date_explicit, target.precision = when, explicit, precision
            if target.date:
                last_date = target.date
            current = target
        return drafts

    def _pick_draft(self, drafts: list[_Draft], current: _Draft | None, sent: Sentence, hits: list[Hit],
                    when: date | None, explicit: bool, places: list[tuple[PlaceMention, Place, int]],
                    agents: list[ActorMention], targets: list[ActorMention],
                    dateline_end: int = 0) -> _Draft | None:
        """The draft this sentence continues, or None for a new event."""
        if current is None or SEPARATE.search(sent.text):
            return None  # "troops later repelled a second attack", "in a separate incident"
        tags = {h.tag for h in hits}
        if tags & STRONG and tags <= DEMO_TAGS and not current.tags & DEMO_TAGS and PROTESTED_DEED.search(sent.text):
            return None  # "... soldiers opened fire on a minibus. Residents protested the killing": a protest of its own
        if (tags & {"riot", "protest"} and not current.tags & DEMO_TAGS and current.tags & {"kill", "attack", "abduction"}
                and (not tags & {"kill", "attack"} or PROTESTED_DEED.search(sent.text))
                and CROWD_WORD.search(sent.text) and STREETS.search(sent.text)):
            # "a cleric was shot dead by unknown gunmen ... Shortly after, hundreds of youths took to the streets,
            # torching churches": the crowd's unrest is an event of its own beside the killing it answers
            return None
        if ("riot" in tags and "clash" in current.tags and not current.tags & DEMO_TAGS and not tags & {"kill", "attack"}
                and CROWD_WORD.search(sent.text)
                and 1 in (sides := {a.inter for a in current.agents + current.targets + current.actors if a.name})
                and not sides & {5, 6, 7}):
            # "Three militants were killed in the gunfight. As it went on, crowds of young men threw stones at the
            # troops": the stone-throwing is a riot of its own beside the battle
            return None
        backref = bool(DEFINITE_BACKREF.search(sent.text))
        candidates = [current] + [d for d in reversed(drafts) if d is not current] if backref else [current]
        # a deed the lead summed up with another ("..., while RSF shelling killed 25 people near El Fasher") and a
        # later paragraph tells in full ("shells fired by the RSF struck the Abu Shouk camp on Monday")
        agent_names = {a.name for a in agents if a.name and not a.generic}
        summed = [d for d in drafts if d is not current and not d.history and not d.date_explicit and (
            d.tags & tags & (STRONG - {"kill", "attack"}) and agent_names & {a.name for a in d.agents}
            # ("troops entered Bara on Sunday after the RSF withdrew": the takeover the lead announced)
            or tags <= {"withdraw", "territory", "capture"} and d.tags & {"capture", "territory"} and (
                agent_names & {a.name for a in d.agents + d.targets} or bool(places) and bool(d.places)
                and self._near(places, d.places)))]
        candidates += [d for d in summed if d not in candidates]
        # "... shot dead nine men. The bodies were found near a mountain the next morning": the finding tells the
        # same killing, whatever day it was
        found_only = bool(hits) and all(h.tag == "kill" and BODY_WORD.search(h.text) for h in hits)
        # "... when their vehicle struck an IED. The commander said the explosive had been planted overnight": when
        # the bomb was laid is not when it went off
        planted = bool(hits) and all(h.tag in ("ied", "blast") for h in hits) and bool(PLANTED.search(sent.text))
        for d in candidates:
            if explicit and d.date_explicit and d.date != when and not (
                    found_only and d.tags & {"kill", "attack", "clash", "abduct"} and when is not None
                    and d.date is not None and abs((when - d.date).days) <= 3) and not (
                    planted and d.tags & {"ied", "blast"}):
                continue
            # where the report was filed counts only when the event names no other place ("Islamist
            # militants killed 18 in Borno state ... in Mafa village" under a MAIDUGURI dateline)
            d_places = [r for r in d.places if r[0].start >= dateline_end] or d.places
            if places and d_places and not self._near(places, d_places):
                continue
            # a response in the other direction ("X attacked Y ... Y responded") is its own event
            d_targets = {a.name for a in d.targets}
            d_agents = {a.name for a in d.agents}
            responds = any(a.name in d_targets for a in agents) and not any(a.name in d_agents for a in agents) and not (
                # "troops entered Bara ... after the RSF withdrew": the loser's retreat is part of the takeover
                d.tags & {"capture", "territory"} and tags <= {"withdraw", "territory", "capture"}) and not (
                # "Soldiers had stopped the man before he detonated his explosive vest": the bomb told again
                tags <= {"blast", "ied", "suicide"} and "suicide" in d.tags)
            # (but protesters and the police who face them make one demonstration, whoever acts in a sentence)
            if (responds and not tags & GROUND_FIGHT and not CLAIMED_TOLL.search(sent.text) and not d.tags & DEMO_TAGS
                    and not ((backref or IN_THE_DEED.search(sent.text)) and d is current)):
                # ("15 soldiers were put out of action in the attack": the same fight, told from the other side)
                continue  # ("Al Shabaab claimed to have killed 53 soldiers": the other side's toll of the same fight)
            # "gangs attacked Kenscoff, killing eight residents. Police later exchanged fire with the gangs": the
            # state's fight with the attackers is a battle apart from their attack on civilians
            turned = (any(a.inter == 1 for a in agents) and not any(a.name in d_agents for a in agents)
                      and any(t.name in d_agents for t in targets))
            if turned and tags & GROUND_FIGHT and not d.tags & GROUND_FIGHT and d_targets and all(
                    t.inter == 7 for t in d.targets):
                continue
            if tags & {"capture", "territory"} and not d.tags & (GROUND_FIGHT | {"capture", "territory"}) and any(
                    a.name and not a.generic for a in agents) and not any(
                    a.name in d_agents or a.inter in {b.inter for b in d.agents} for a in agents):
                continue  # "a drone strike hit a minibus ... Fano fighters said they had captured the town"
            if not self._compatible(d.tags, tags):
                continue
            return d
        return None

    def _is_region(self, name: str) -> bool:
        """Whether ``name`` is a first-level region and no town of that name ("Middle Shabelle")."""
        places = self.gazetteer.lookup(name)
        return bool(places) and all(p.kind == "admin1" for p in places[:3])

    def _split_places(self, text: str, d: _Draft) -> list[_Draft]:
        """ACLED codes one event per place: "clashed with police in Lahore and Karachi" is two events.
        The figures stay with the first place (the text does not say how they divide)."""
        if not d.sentences:
            return [d]
        first = d.sentences[0]
        d.share = _listed_places(first.text, self._is_region)
        towns = sorted(((m, p, prec) for m, p, prec in d.places
                        if prec == 1 and first.start <= m.start < first.end), key=lambda r: r[0].start)
        runs: list[list[tuple[PlaceMention, Place, int]]] = []
        for cur in towns:
            prev = runs[-1][-1] if runs else None
            if prev is not None and cur[0].start - prev[0].end <= 12 and PLACE_LIST_GAP.fullmatch(
                    text, prev[0].end, cur[0].start):
                runs[-1].append(cur)
            else:
                runs.append([cur])
        # only towns named as themselves, and not "Coyuca de Benitez, Guerrero" (a town and its region)
        runs = [[r for r in run if fold(r[1].name) == fold(r[0].text) or r[1].source != "geonames"] for run in runs]
        runs = [[r for k, r in enumerate(run) if not k or fold(r[0].text) != fold(run[k - 1][1].admin1)]
                for run in runs]
        # "in Mariakani, Mombasa": a place and the town it belongs to, not two places
        runs = [run for run in runs if len(run) > 2 or len(run) == 2 and (
            re.search(r"\band\b|&", text[run[0][0].end:run[1][0].start])
            or re.match(r"\s*,?\s*(?:and|&)\s+[A-Z]", text[run[1][0].end:run[1][0].end + 30], re.IGNORECASE))]
        listed = next((run for run in runs if len(run) > 1 and len({p.name for _m, p, _prec in run}) > 1
                       and (PLACE_BEFORE.search(text[max(0, run[0][0].start - 20):run[0][0].start])
                            or STRUCK_BEFORE.search(text[max(0, run[0][0].start - 20):run[0][0].start]))), [])
        if not listed:
            return [d]
        # "killing three people in Kyiv and two in Kharkiv": each place its own figure, when the text gives one
        injured_only = not any(m.outcome == "killed" for group in d.casualties for m in group) and any(
            m.outcome == "injured" for group in d.casualties for m in group)
        own = {}
        for item in listed:
            fm = re.search(r"\b(" + QUANTITY + r")\s+(?:[\w-]+\s+){0,3}?(?:in|at)\s+" + re.escape(item[0].text) + r"\b",
                           first.text, re.IGNORECASE)
            count = parse_quantity(fm.group(1)) if fm else None
            if fm is not None and count:
                own[item[0].start] = NumberMention(first.start + fm.start(), first.start + fm.end(), fm.group(0),
                                                   count, "injured" if injured_only else "killed")
        parts = []
        for k, item in enumerate(listed):
            part = replace(d, places=[item])
            part.share, part.share_index = max(d.share, len(listed)), k
            if len(own) == len(listed):
                # the first place keeps the later sentences' figures, which the text does not divide
                part.casualties = [[own[item[0].start]]] + (d.casualties[1:] if not k else [])
                part.share = 1
            # (otherwise each place gets an even share of the figures)
            parts.append(part)
        return parts

    @staticmethod
    def _compatible(old: set[str], new: set[str]) -> bool:
        remote = {"airstrike", "shelling", "ied", "suicide", "grenade", "blast", "chemical"}
        demo = {"protest", "riot", "mob", "excessive", "intervention"}
        o_remote, n_remote = old & remote, new & remote
        # a missile attack and an air strike in one story are two events unless one battle
        # (a suicide bomber's vest is an explosive device: "... detonated his explosive vest")
        two_weapons = bool(o_remote and n_remote and not (o_remote & n_remote) and not (old | new) & {"clash"}
                           and "blast" not in (o_remote | n_remote) and not (o_remote | n_remote) <= {"suicide", "ied"})
        return not two_weapons and not (old & demo and new & {"airstrike", "shelling"})

    def _near(self, a: list[tuple[PlaceMention, Place, int]], b: list[tuple[PlaceMention, Place, int]]) -> bool:
        pa = ([p for _m, p, prec in a if prec < 3] or [p for _m, p, _ in a])[:20]
        pb = ([p for _m, p, prec in b if prec < 3] or [p for _m, p, _ in b])[:20]
        exact = {(x, y) for _m, x, px in a if px == 1 for _n, y, py in b if py == 1}
        for x in pa:
            for y in pb:
                if x.iso3 != y.iso3:
                    continue
                if x.kind in ("admin1", "admin2", "country") or y.kind in ("admin1", "admin2", "country"):
                    if x.admin1 == y.admin1 or not x.admin1 or not y.admin1:
                        return True
                    continue
                # "an air base west of Baghdad" may lie far from Baghdad: a mention that is only
                # near a town is compatible with a named place within a wider radius; two towns named
                # as such are one place only within a few kilometres (not Omdurman and Khartoum)
                limit = 8.0 if (x, y) in exact else 250.0
                if _km(x.latitude, x.longitude, y.latitude, y.longitude) <= limit:
                    return True
        return False

    def _roles(self, text: str, sent: Sentence, hits: list[Hit], s_actors: list[ActorMention]
               ) -> tuple[list[ActorMention], list[ActorMention], list[ActorMention]]:
        """Agents, targets and the agents' associates around the sentence's first strong trigger
        that names its doer ("Six killed when Pokot warriors attack a Samburu village": the attack's)."""
        if not hits:
            return [], [], []
        tags = {h.tag for h in hits}
        done: dict[int, tuple[list[ActorMention], list[ActorMention], list[ActorMention]]] = {}

        def at(k: int) -> tuple[list[ActorMention], list[ActorMention], list[ActorMention]]:
            if k not in done:  # read each trigger's roles only when they are asked for
                done[k] = self._roles_at(text, sent, hits[k], tags, s_actors)
            return done[k]

        # the victims of a passive ("police reservist shot dead while patrolling") are not the doers
        # of what they were doing when it happened
        subjects = [a for a in at(0)[1] if sent.start <= a.start and a.end <= hits[0].start]
        hit_first = {a.name for a in subjects} if not at(0)[0] and _passive(text, sent, hits[0], subjects) else set()
        if not at(0)[0] and hits[0].tag in DEVICE_TAGS:
            # "A roadside bomb struck a Somali army vehicle, killing three soldiers": what a device hit
            # did not set it off
            hit_first |= {a.name for a in at(0)[1]}
        # what the sentence says its actors did besides the deed (a racket, a patrol) is read last ("a
        # gang member running an extortion racket was shot dead by police")
        # ("troops repelled an attack by ISWAP fighters": the attack's doer started the fight, not the defenders)
        order = sorted(range(len(hits)), key=lambda k: (hits[k].tag in ("looting", "presence"), bool(
            REPELLED.fullmatch(hits[k].text) and REPELLED_ATTACK_BY.match(text, hits[k].end))))
        agents, targets, assoc = next((at(k) for k in order
                                       if at(k)[0] and not {a.name for a in at(k)[0]} <= hit_first), at(0))
        if agents and not targets:
            # "Five policemen were killed after al-Shabaab fighters ambushed their convoy": the doer
            # from one trigger, the victims from another
            doers = {a.name for a in agents + assoc}
            for k in range(len(hits)):
                victims = [a for a in at(k)[1] if a.name not in doers]
                if victims:
                    return agents, victims, assoc
        return agents, targets, assoc

    def _roles_at(self, text: str, sent: Sentence, trig: Hit, tags: set[str], s_actors: list[ActorMention]
                  ) -> tuple[list[ActorMention], list[ActorMention], list[ActorMention]]:
        if not s_actors:
            return [], [], []
        # an actor whose name holds the trigger ("a Pokot raid", "the Al Shabaab attack") did it
        before = [a for a in s_actors if a.end <= trig.start or a.start < trig.start < a.end]
        # within its own clause: "policemen were killed after al-Shabaab fighters ambushed ..."
        breaks = list(CLAUSE_START.finditer(text, sent.start, trig.start))
        brk = breaks[-1].end() if breaks else sent.start
        in_clause = [a for a in before if a.start >= brk]
        if in_clause or (breaks and breaks[-1].group(0)[:1].lower() == "s") or (
                # ("soldiers had stopped the man before he ... detonated his vest": he did it, not they)
                breaks and PRONOUN_SUBJECT.match(text, brk)):
            before = in_clause  # (who said it did not do it: "the military said the rockets fell")
        after = [a for a in s_actors if a.start >= trig.end]
        agents: list[ActorMention] = []
        targets: list[ActorMention] = []
        assoc: list[ActorMention] = []
        passive = _passive(text, sent, trig, before)
        by_agents = [a for a in after if BY_BEFORE.search(text[max(sent.start, a.start - 60):a.start])]
        if trig.tag in ("capture", "territory"):
            # "recaptured the town from Islamic State insurgents": whom a place is taken from lost it
            by_agents = [a for a in by_agents if not FROM_JUST_BEFORE.search(text[max(sent.start, a.start - 30):a.start])]
        # "police officers were injured following an attack by armed bandits": a noun's "by" names the
        # doer, and the actor before it is the one hit
        passive = passive or bool(by_agents and by_agents[0].start - trig.end <= 25
                                  and NOUN_BEFORE.search(text, max(sent.start, trig.start - 30), trig.start))
        # civilians do not attack in ACLED's coding: named before a violent trigger they are its
        # victims ("One man hacked to death", "a trader was shot")
        violent = tags & VIOLENT
        if (violent or trig.tag == "looting") and before and before[0].inter == 7 and not passive and (
                MOB_NOUN.fullmatch(before[0].text)) and before[-1].start == before[0].start and not any(
                a.inter in ARMED_INTER for a in s_actors):
            # "residents attack and kill a suspected robber", "a group of students attacked a man":
            # people acting together with no arms to speak of are a mob (Rioters), not victims
            mob = replace(before[0], name=f"Rioters ({before[0].country})" if before[0].country else "Rioters",
                          inter=5, kind="rioters")
            before = [mob]
        elif violent and before and before[0].inter == 7:
            targets.append(before[0])
            before = before[1:]
        if passive:
            targets.extend(before[:1])
            agents.extend(by_agents[:1])
            targets.extend(a for a in after if a not in by_agents)
        else:
            if before:
                agents.append(before[0])
                prev = before[0]
                for a in before[1:]:
                    # "Police pursue Borana raiders and kill many": armed sides of the state and
                    # against it do not fight together unless the text joins them
                    opposed = ((a.inter in (2, 3, 4) and agents[0].inter == 1) or (
                        a.inter == 1 and agents[0].inter in (2, 3, 4))) and bool(
                        VERB_BETWEEN.search(text[prev.end:a.start]))  # a verb between them
                    if ASSOC_JOIN.search(text[prev.end:a.start].replace(")", " ")) or a.start - prev.end < 4 or not (
                            opposed or TARGET_CUE.search(text[max(sent.start, a.start - 20):a.start])):
                        assoc.append(a)
                    else:
                        targets.append(a)
                    prev = a
            elif by_agents:
                agents.append(by_agents[0])
            targets.extend(a for a in after if a not in by_agents)
        return agents, targets, assoc

    # ----------------------------------------------------------------- coding
    @staticmethod
    def _claims(text: str, sentences: list[Sentence], actors: list[ActorMention]) -> list[ActorMention]:
        """Named armed groups the report says claimed, or are blamed for, what happened."""
        out: list[ActorMention] = []
        for sent in sentences:
            if not CLAIM.search(sent.text) or NO_CLAIM.search(sent.text):
                continue  # "no group claimed responsibility, but X operates in the area" names no one
            out.extend(a for a in actors if sent.start <= a.start < sent.end and a.name and a.inter in (2, 3, 4)
                       and not a.generic and not a.name.startswith("Unidentified"))
        return out

    def _code(self, d: _Draft, published: date, main_country: countries.Country | None,
              claims: list[ActorMention] | None = None, history_before: date | None = None) -> Event | None:
        if not d.sentences:
            return None
        place, precision = self._place(d, main_country)
        if place is not None:
            place, precision = self._named_village(d, place, precision)
            place = self._as_written(d, place)
        country = countries.by_iso3(place.iso3) if place else main_country
        cname = country.name if country else ""
        actors = self._resolve_anaphors(d, cname)
        if d.tags & {"ied", "blast"}:
            # "A police Land Cruiser struck an IED", "a Nigerien army vehicle hit a landmine": whose vehicle it was is
            # the target
            struck = [a for a in actors["agents"] if a.name and VEHICLE_STRUCK.match(d.text, a.end)]
            actors["agents"] = [a for a in actors["agents"] if a not in struck]
            actors["targets"] = struck + [a for a in actors["targets"] if a not in struck]
        if claims and d.tags & VIOLENT and not any(NO_CLAIM.search(s.text) for s in d.sentences):
            # (not for an attack "no group immediately claimed", though the report tells another's claim)
            # "unknown gunmen ... the MRTA claimed responsibility": the claimant is the perpetrator
            lead = next((a for a in actors["agents"] if a.name), None)
            if lead is None or lead.name.startswith("Unidentified") or lead.kind == "anaphor":
                first = d.sentences[0].start
                claimant = min(claims, key=lambda a: abs(a.start - first))
                actors["agents"] = [claimant] + [a for a in actors["agents"] if a.name != claimant.name]
        agents = [a for a in actors["agents"] if a.name]
        targets = [a for a in actors["targets"] if a.name]
        assoc = [a for a in actors["assoc"] if a.name]
        # ("an Israeli drone strike", "a Saudi-led coalition air strike")
        strikers = [a for a in d.actors if a.kind in ("state", "external") and a.inter in (1, 8) and (
            WEAPON_NOUN.search(a.text) or WEAPON_AFTER.match(d.text, a.end))
                    and d.sentences[0].start <= a.start < d.sentences[0].end]
        if (strikers and d.tags & {"airstrike", "shelling"} and agents and agents[0].kind not in ("state", "police")
                and agents[0].name != strikers[0].name):
            # "Hezbollah on Sunday buried a member killed in an Israeli drone strike": whose strike it was is the doer,
            # not the sentence's subject
            # (unless the strike hit civilians: "the Houthis demanded an investigation into a coalition air strike
            # that hit a bus carrying schoolchildren" speaks for the victims)
            if not any(a.inter == 7 for a in targets):
                targets = [agents[0]] + [a for a in targets if a.name != agents[0].name]
            agents = [strikers[0]] + [a for a in agents[1:] if a.name != strikers[0].name]
        if agents:
            # "an air strike ... in support of Somali forces, killing two al Shabaab fighters": the forces supported
            # side with the doer
            backed = [a for a in targets if IN_SUPPORT_OF.search(d.text, max(0, a.start - 30), a.start)]
            targets = [a for a in targets if a not in backed]
            assoc += [a for a in backed if a.name != agents[0].name]
        # "the commander blamed Al-Shabaab militants, though no group claimed responsibility": whom the authorities
        # blame is the suspected doer, never the target
        blamed = [a for a in targets if a.inter in (2, 3, 4) and BLAMED_BEFORE.search(d.text, max(0, a.start - 25), a.start)]
        if blamed:
            targets = [a for a in targets if a not in blamed]
            if not agents or agents[0].name.startswith("Unidentified"):
                agents = [blamed[0]] + [a for a in agents if not a.name.startswith("Unidentified")]
        all_named = [a for a in d.actors if a.name]
        # "an unknown armed group (likely Al Shabaab)" read as the doer is not also its own victim
        # (soldiers shooting fellow soldiers, or rival crowds, are another matter)
        targets = [a for a in targets if a.inter not in (2, 3, 4) or not agents or a.name != agents[0].name]
        killed_who = {"unknown" if m.who == "listed" else m.who
                      for group in d.casualties for m in group if m.outcome in ("killed", "injured")}
        if not targets and "state" in killed_who and agents and not any(a.inter == 1 for a in agents):
            # "Police officer dies when suspected Al Shabaab members shoot him": the state's men the
            # report counts among the dead are whom the attack hit
            hit = [a for a in all_named if a.inter == 1 and a.kind in ("state", "police") and a not in assoc]
            targets = hit[:1]
        hurt = [(m.start, m.end) for group in d.casualties for m in group if m.outcome in ("killed", "injured")]
        if agents and not targets and d.tags & {"ied", "blast", "grenade", "suicide"} and all(
                a.inter == 1 and any(s <= a.start < e or a.start <= s < a.end for s, e in hurt) for a in agents):
            # "Two soldiers were wounded when a roadside bomb exploded as their patrol passed": the forces the bomb
            # hit are its target, not its makers
            agents, targets = [], agents
        if targets and targets[0].inter == 1 and targets[0].kind in ("state", "police"):
            # "stormed a police camp, killing seven people": the attack's object was armed; people
            # counted without saying who they were do not make it one on civilians
            targets = [targets[0]] + [a for a in targets[1:] if not (a.inter == 7 and (
                GENERIC_PEOPLE.fullmatch(a.text) or "state" in killed_who))]
            # ("attacked army positions, killing at least 50 soldiers and civilians": a battle with the army
            # whose toll includes bystanders)
        # a party or a community named before the crowd ("ODM supporters riot") only says whose it is
        doers = [a for a in agents if a.kind != "assoc_group"]
        agent_crowd = any(a.kind in ("crowd", "rioters", "protesters") or a.inter in (5, 6) for a in doers) or (
            not doers and any(a.kind == "crowd" or a.inter in (5, 6) for a in all_named))
        # people killed or hurt by someone armed, with nothing saying they fought back, are civilians
        # (ACLED's default for unnamed victims of one-sided violence)
        one_sided = not targets and not d.tags & GROUND_FIGHT and killed_who <= {"unknown", "civilian", "group"} and (
            bool(killed_who) and all(a.inter in ARMED_INTER for a in agents))
        # "kill two Maasai": people counted by their community are civilians unless armed
        target_civilian = any(a.inter == 7 for a in targets) or (
            bool(killed_who & {"civilian", "group"}) and not targets) or one_sided
        target_armed = any(a.inter in ARMED_INTER for a in targets)
        agent_state = any(a.inter == 1 for a in agents)
        tags = d.tags
        if tags & {"withdraw", "capture", "territory"} and any(TAKER_LEFT.search(x.text) for x in d.sentences):
            tags = tags | {"temporary"}  # "took control temporarily and withdrew": a fight, no takeover
        if tags & {"capture", "territory"} and agents:
            # "M23 seized Kamanyola ... soldiers retreated after exchanging fire": who takes the ground is the
            # first doer, not every force that acted in the story
            # (a foreign army counts as the government's when it fights beside the home army: "Rwandan and
            # Mozambican troops recaptured ..."; Russia taking a Ukrainian village does not)
            agent_state = agents[0].inter == 1 or agents[0].inter == 8 and any(a.inter == 1 for a in agents + assoc)
        if not tags & {"airstrike", "shelling", "clash"} and any(
                a.kind == "state" and a.inter in (1, 8) and STRIKES_NOUN.search(a.text) for a in d.agents):
            tags = tags | {"airstrike"}  # "Israeli strikes killed 20 people": a state's strikes come from the air
        elif not tags & {"airstrike", "shelling", "clash", "ied", "blast", "suicide", "grenade"} and any(
                STRUCK.fullmatch(h.text) for h in d.hits) and any(
                a.kind == "state" and a.inter in (1, 8) and countries.lookup(a.text) is not None for a in d.agents):
            tags = tags | {"airstrike"}  # "Israel struck the Defence Ministry headquarters in Damascus"
        if tags & {"ied", "blast"} and not tags & {"airstrike", "shelling"} and target_armed and any(
                h.tag == "attack" and GUNFIRE_DEED.match(h.text) for h in d.hits):
            tags = tags | {"clash"}  # "detonated dynamite as the truck passed and then opened fire on the survivors"
        if tags & {"kill", "attack"} and "protest" in tags and any(SETTING.search(x.text) for x in d.sentences):
            # "a candidate was shot dead at a campaign rally": the rally is the setting; but "a student was shot dead by
            # police during a demonstration" is force used on the protest
            tags = tags | {"excessive"} if agent_state and "kill" in tags and not tags & {"riot", "clash"} else (
                tags - {"protest"})
        lead_tags = {h.tag for h in d.hits if d.sentences[0].start <= h.start < d.sentences[0].end}
        if "mob" in lead_tags and "protest" in tags and "protest" not in lead_tags:
            tags = tags - {"protest"}  # "A mob attacked a man ... The attack came after a violent protest"
        raids = [h for h in d.hits if h.tag == "attack"]
        if "arrest" in tags and raids and all(RAID_WORD.fullmatch(h.text.lower()) for h in raids) and not killed_who:
            tags = tags - {"attack"}  # "Police arrested 23 supporters ... when officers raided the building": arrests
        strong_tags = {h.tag for h in d.hits if h.tag in STRONG}
        if strong_tags and strong_tags <= NEEDS_ARMED_ACTOR and not any(
                a.inter in ARMED_INTER or a.kind in ("state", "police", "rebel", "political_militia",
                                                     "identity_militia", "unidentified", "anaphor")
                for a in d.actors):
            return None  # diplomats' talks, a minister's visit: not a conflict event
        if strong_tags == {"presence"} and d.agents and not any(
                a.inter in ARMED_INTER or a.kind in ("state", "police", "rebel", "political_militia", "identity_militia",
                                                     "unidentified", "anaphor") for a in d.agents):
            return None  # "The villagers had assembled for the opening of an office": people gathered, no force moved
        if strong_tags == {"arrest"} and not any(
                a.inter in (2, 3, 4, 5, 6) or a.kind in ("crowd", "assoc_group", "state") for a in d.actors
        ) and not any(POLITICAL_ARREST.search(s.text) for s in d.sentences):
            # "a man was arrested by police after stealing a car": ordinary crime, not political (an
            # arrest by soldiers or by a regional force in a conflict zone is)
            return None
        if "mob" not in tags and any(DOMESTIC.search(s.text) for s in d.sentences) and not any(
                a.inter in (2, 3, 4) and a.kind != "unidentified" or a.kind in (
                    "rebel", "political_militia", "identity_militia", "crowd") for a in d.actors):
            return None  # "arrested a man suspected of stabbing his wife to death": a family's crime, not political
        if "protest" in tags and agent_state and not self._crowd_deed(d) and any(
                h.tag == "kill" and self._at_protest(d, h) for h in d.hits):
            tags = tags | {"excessive"}  # "police shot dead a boda boda operator during the protests"
        elif "protest" in tags and not tags & {"riot", "clash", "mob"} and any(
                FORCE_ON_CROWD.match(s.text) for s in d.sentences[1:]):
            tags = tags | {"excessive"}  # "Residents protested against evictions. The police opened heavy gunfire."
        crowd_involved = agent_crowd or any(a.inter in (5, 6) or a.kind == "crowd" for a in targets)
        sub = sub_event_type(tags, agent_state=agent_state, agent_crowd=crowd_involved, target_armed=target_armed,
                             target_civilian=target_civilian, ground_fight=bool(tags & GROUND_FIGHT),
                             riot_word=any(RIOT_WORD.search(s.text) for s in d.sentences),
                             agent_armed=any(a.inter in (1, 2, 3, 4, 8) for a in agents),
                             crowd_agent=agent_crowd and self._crowd_deed(d),
                             state_involved=agent_state or any(
                                 (a.inter == 1 or a.kind in ("police", "state")) and not INTERVENING.search(
                                     d.text[max(0, a.start - 40):a.start]) for a in targets + all_named))
        if sub == "Agreement" and NO_AGREEMENT.search(d.text):
            return None  # "talks ... ended on Sunday without an agreement": what they discussed is no deal
        defection = False
        if sub == "Agreement" and SURRENDER_TO.search(" ".join(s.text for s in d.sentences)) and not any(
                a.inter == 1 for a in targets):
            # defecting to an armed group is a change in its activity (the group's: it gains fighters);
            # surrender to the state is an agreement
            sub, defection = "Change to group/activity", bool(targets)
        etype = EVENT_TYPE[sub]
        if defection:
            agents, targets = targets[:1], agents[:1]
        elif sub in ("Change to group/activity", "Headquarters or base established"):
            # "Al Shabaab were sighted / deployed": the group whose activity changes is the one
            # named first, whatever the voice
            armed = sorted((a for a in all_named if a.inter in ARMED_INTER and a.kind != "assoc_group"),
                           key=lambda a: a.start)
            if armed:
                # "2 soldiers (SNA) joined Al Shabaab": the side they moved to is the other actor
                joined = any(JOINED.search(sent.text) for sent in d.sentences)
                other = [a for a in armed[1:] if joined and (a.inter == 1) != (armed[0].inter == 1)]
                agents, targets = [armed[0]], other[:1]
        if sub == "Non-violent transfer of territory" and agents:
            # "M23 rebels entered Kanyabayonga ... after army troops and allied Wazalendo fighters pulled out": who
            # left gives the town up to who came
            leaving = [a for a in agents + assoc if LEFT_AFTER.match(d.text, a.end)]
            coming = [a for a in all_named if a.inter in ARMED_INTER and a not in leaving
                      and a.name not in {b.name for b in leaving}]
            if leaving and coming:
                agents = coming[:1] + [a for a in agents if a not in leaving and a.name != coming[0].name]
                targets = leaving[:1] + [a for a in targets if a not in leaving]
                assoc = [a for a in assoc if a not in leaving]
        actor1, assoc1, actor2, assoc2 = self._cast(sub, etype, agents, assoc, targets, all_named, cname,
                                                    target_civilian, mutual="clash" in tags,
                                                    implied_police=bool(tags & {"intervention", "arrest"}),
                                                    not_doers=[a for a in all_named if GOVERNMENT_AFTER.match(d.text, a.end)
                                                               and not any(s.start <= a.start < s.end
                                                                           for s in d.sentences)])
        if (actor2 is None and sub == "Looting/property destruction" and cname and actor1 is not None
                and actor1.inter != 7 and any(CIVIL_PROPERTY.search(x.text) for x in d.sentences)):
            # "soldiers looted shops and homes": the people whose property it was
            actor2 = ActorMention(0, 0, "", f"Civilians ({cname})", 7, cname, "civilians")
        if sub == "Agreement" and actor2 is None and actor1 is not None and actor1.inter != 1:
            # "the Congolese government and M23 signed a declaration": the government is the other party
            gov = next((g for x in d.sentences if (g := self._government_party(x.text, cname)) is not None), None)
            if gov is not None:
                actor1, actor2 = ActorMention(0, 0, "", gov, 1, cname, "government"), actor1
        if (actor2 is None or actor2.inter == 7 and actor2.generic) and actor1 is not None and "clash" in tags and any(
                INTRA_GROUP.search(x.text) for x in d.sentences):
            actor2 = actor1  # "two groups of government soldiers clashed": the force on both sides
        # people named without a nationality belong to the country where the event happened ("a
        # Ukrainian drone attack in Russia's Belgorod region injured two people": Civilians (Russia))
        actor1, actor2 = self._localised(actor1, cname), self._localised(actor2, cname)
        assoc1 = [x for a in assoc1 if (x := self._localised(a, cname)) is not None]
        assoc2 = [x for a in assoc2 if (x := self._localised(a, cname)) is not None]
        casualties = d.casualties
        if etype in ("Protests", "Riots") and sub != "Mob violence":
            # "residents protest the killing of two traders": the deaths are the protest's cause
            casualties = [[m for m in group if not PROTEST_CAUSE.search(d.text[max(0, m.start - 50):m.start])]
                          for group in casualties]
        fatalities = _share(total(casualties, "killed"), d.share, d.share_index)
        injuries = _share(total(casualties, "injured"), d.share, d.share_index)
        if fatalities and any(NO_CASUALTY_NOTE.search(s.text) for s in d.sentences) and not any(
                m.outcome == "killed" for g in casualties for m in g):
            fatalities = 0
        when = d.date
        tp = d.precision
        if when is None:
            when, tp = published - timedelta(days=1), 2
        if when > published + timedelta(days=1):
            when = published
        if d.date_explicit and history_before is not None and when < history_before:
            return None  # "in 1976, Castro ordered the killing of ...": history recalled, not news
        inter1 = actor1.inter if actor1 else 0
        inter2 = actor2.inter if actor2 else 0
        civ = "Civilian targeting" if (actor2 and actor2.inter == 7 and etype in (
            "Violence against civilians", "Explosions/Remote violence")) else ""
        ev = Event(
            event_date=when,
            time_precision=tp,
            disorder_type=("Political violence; Demonstrations" if sub == "Excessive force against protesters"
                           else "Political violence" if sub == "Mob violence" else DISORDER_TYPE[etype]),
            event_type=etype,
            sub_event_type=sub,
            actor1=self.actors.dated(actor1.name, when) if actor1 else "",
            assoc_actor_1="; ".join(dict.fromkeys(self.actors.dated(a.name, when) for a in assoc1)),
            inter1=inter1,
            actor2=self.actors.dated(actor2.name, when) if actor2 else "",
            assoc_actor_2="; ".join(dict.fromkeys(self.actors.dated(a.name, when) for a in assoc2)),
            inter2=inter2,
            interaction=int(f"{min(inter1, inter2)}{max(inter1, inter2)}") if inter1 and inter2 else inter1 * 10,
            civilian_targeting=civ,
            country=cname,
            iso3=country.iso3 if country else "",
            admin1=_plain(place.admin1) if place else "",
            admin2=_plain(place.admin2) if place else "",
            location=_plain(place.name) if place else "",
            latitude=round(place.latitude, 4) if place else None,
            longitude=round(place.longitude, 4) if place else None,
            geo_precision=precision,
            fatalities=fatalities,
            injuries=injuries,
            notes=_note(d.sentences[0].text),
            evidence=[Evidence(s.start, s.end, s.text) for s in d.sentences],
        )
        ev.confidence = round(0.35 + 0.15 * d.date_explicit + 0.15 * (precision == 1) + 0.15 * bool(ev.actor1)
                              + 0.1 * bool(ev.actor2 or etype in ("Protests", "Strategic developments"))
                              + 0.1 * (len(d.hits) > 1), 2)
        return ev

    def _localised(self, a: ActorMention | None, cname: str) -> ActorMention | None:
        """A generic actor given the report's main country ("police", "residents") belongs to the
        country of the event's own place instead, where the two differ."""
        if a is None or not cname or not a.generic or not a.country or a.country == cname:
            return a
        if a.kind in ("state", "police"):
            force = "Police" if a.kind == "police" else "Military"
            if a.name != self.actors.state_name(force, a.country):
                return a
            return replace(a, name=self.actors.state_name(force, cname), country=cname, inter=1)
        if a.kind not in ("civilians", "crowd", "rioters", "protesters") or not a.name.endswith(f"({a.country})"):
            return a
        return replace(a, name=f"{a.name[:-len(a.country) - 2]}({cname})", country=cname)

    def _government_party(self, sentence: str, cname: str) -> str | None:
        """ACLED's name of the government a sentence names as a party to an agreement ("the
        Congolese government and M23 signed", "the government of Sudan agreed")."""
        m = GOVERNMENT_PARTY.search(sentence)
        if m is None:
            return None
        c = countries.lookup(m.group("adj") or m.group("of") or "") if (m.group("adj") or m.group("of")) else None
        name = c.name if c is not None else cname
        return self.actors.state_name("Government", name) if name else None

    @staticmethod
    def _at_protest(d: _Draft, h: Hit) -> bool:
        """Whether the killing at ``h`` struck a protest ("shot dead ... during the protests", "kill a
        student protesting", "injure two mourners who were protesting"), not caused it ("protest the
        killing of", "killed by police ... led to protests")."""
        sent = next((s for s in d.sentences if s.start <= h.start < s.end), None)
        if sent is None or PROTEST_CAUSE.search(d.text[max(sent.start, h.start - 50):h.start]):
            return False
        after = d.text[h.end:sent.end]
        if DURING_PROTEST.search(after):
            return True
        then = next((p for p in d.hits if p.tag == "protest" and h.end <= p.start < h.end + 40), None)
        if then is not None and not PROTEST_LED.search(d.text, h.end, then.start):
            return True
        # "a worker was killed when police opened fire on workers who were sitting on a road ... to demand higher wages"
        later = next((p for p in d.hits if p.tag == "protest" and h.end <= p.start < sent.end), None)
        if later is not None and FIRE_AT.search(d.text, h.end, later.start) and not PROTEST_LED.search(
                d.text, h.end, later.start):
            return True
        # "fired live rounds at workers protesting unpaid wages, killing one worker"
        before = [p for p in d.hits if p.tag == "protest" and sent.start <= p.start and p.end <= h.start]
        if before:
            return not KILL_CAUSE_GAP.search(d.text, before[-1].end, h.start)
        # "prisoners launched a strike to protest ... Police opened fire at the prisoners, and 1 prisoner was
        # killed": a killing told after the protest was told, by the fire of the police
        earlier = any(p.tag == "protest" and p.end <= sent.start for p in d.hits)
        return earlier and bool(FIRE_AT.search(sent.text)) and not PROTEST_CAUSE.search(sent.text)

    @staticmethod
    def _crowd_deed(d: _Draft) -> bool:
        """Whether the crowd of a protest itself attacked, killed or burned: the deed's verb after the
        crowd in one sentence ("some of the protesters assaulted a police officer"), not the cause
        of the protest ("protest the murder of a lawyer") or what was done to it."""
        people = d.actors + d.agents  # the agents include people read as a mob by their deed
        # a crowd fired at ("fired live rounds at workers protesting ..., killing one") is the deed's object
        struck = {t.start for t in d.targets for s in d.sentences if s.start <= t.start < s.end and any(
            a.inter in (1, 3) and s.start <= a.start < t.start for a in d.agents)} - {a.start for a in d.agents}
        crowd = [a for a in people if (a.kind in ("crowd", "rioters", "protesters") or a.inter in (5, 6))
                 and a.start not in struck]
        for h in d.hits:
            if h.tag not in ("attack", "kill", "looting") or NOT_CROWD_DEED.search(d.text[max(0, h.start - 30):h.start]):
                continue
            sent = next((s for s in d.sentences if s.start <= h.start < s.end), None)
            if sent is None:
                continue
            before = sorted((a for a in people if sent.start <= a.start and a.end <= h.start), key=lambda a: a.start)
            # the crowd is the last actor before the deed, in the same clause
            last = [a for a in before if before and a.start == before[-1].start]
            if any(a in crowd for a in last) and not DEED_BREAK.search(d.text, last[0].end, h.start):
                return True
        return False

    def _resolve_anaphors(self, d: _Draft, cname: str) -> dict[str, list[ActorMention]]:
        """Name generic mentions ("the militants") after the group named before them, and an
        unidentified group after the one the report says it likely was ("an unknown armed group
        (likely Al Shabaab)")."""
        named_groups = [a for a in d.actors if a.name and a.inter in (2, 3) and not a.generic]
        out: dict[str, list[ActorMention]] = {}
        for role, lst in (("agents", d.agents), ("targets", d.targets), ("assoc", d.assoc_agents)):
            res: list[ActorMention] = []
            for a in lst:
                if a.name.startswith("Unidentified"):
                    # (and "gang members from the Viv Ansanm coalition", "gunmen of the Sinaloa Cartel"; "... killed
                    # five gang members. The gang members belonged to the Baz Pilate gang")
                    likely = next((g for g in named_groups if 0 <= g.start - a.end <= 60
                                   and (LIKELY.search(d.text[a.end:g.start])
                                        or MEMBERS_OF.fullmatch(d.text, a.end, g.start))), None) or next(
                        (g for g in named_groups if g.start > a.end and GROUP_NOUN.search(a.text)
                         and BELONGED.search(d.text, max(0, g.start - 40), g.start)), None)
                    if likely is not None:
                        a = likely
                if (a.kind == "unidentified" and a.generic and GROUP_NOUN.fullmatch(a.text)
                        and THE_BEFORE.search(d.text, max(0, a.start - 6), a.start)):
                    # "militia from the Garre clan raided the village ... the militia stormed it": the
                    # group named before
                    prior = [g for g in d.doc_groups if g.end <= a.start]
                    if prior:
                        a = replace(prior[-1], start=a.start, end=a.end, text=a.text)
                if not a.name and a.kind == "anaphor":
                    # "guerrillas" of a report that names one rebel group (anywhere in it) are that group's
                    # (not the group the sentence says they hit: "jihadists killed dozens of VDP auxiliaries")
                    hit = {t.name for t in d.targets}
                    # ("guerrillas of the Popular Liberation Army (EPL)": the group right after; otherwise the
                    # nearest named before, or the nearest after)
                    own = [g for g in named_groups if 0 <= g.start - a.end <= 40
                           and (MEMBERS_OF.fullmatch(d.text, a.end, g.start) or LIKELY.search(d.text[a.end:g.start]))]
                    later = sorted((g for g in named_groups if g.name not in hit and g.start > a.start),
                                   key=lambda g: -g.start)
                    prior = own[:1] or [g for g in named_groups if g.start < a.start] or later or [
                        g for g in named_groups if g.name not in hit] or (
                        d.doc_rebels if len({g.name for g in d.doc_rebels}) == 1 else [])
                    if prior:
                        a = ActorMention(a.start, a.end, a.text, prior[-1].name, prior[-1].inter,
                                         prior[-1].country, prior[-1].kind)
                    else:
                        name = f"Unidentified Armed Group ({cname})" if cname else "Unidentified Armed Group"
                        a = ActorMention(a.start, a.end, a.text, name, 3, cname, "unidentified")
                res.append(a)
            out[role] = res
        return out

    def _cast(self, sub: str, etype: str, agents: list[ActorMention], assoc: list[ActorMention],
              targets: list[ActorMention], all_named: list[ActorMention], cname: str, target_civilian: bool,
              mutual: bool = False, implied_police: bool = False, not_doers: list[ActorMention] | None = None
              ) -> tuple[ActorMention | None, list[ActorMention], ActorMention | None, list[ActorMention]]:
        """actor1, its associates, actor2 and its associates, by the sub-event's conventions (``not_doers``: named
        actors that cannot have done the deed with no doer named)."""

        def make(name: str, inter: int, kind: str) -> ActorMention:
            # "Civilians (Kenya)"; with no country known, the bare name is still the right actor
            return ActorMention(0, 0, "", f"{name} ({cname})" if cname else name, inter, cname, kind)

        # protesters do not carry out attacks, strikes or battles ("shot dead at a campaign rally")
        primary_agents = [a for a in agents if a.kind != "assoc_group"
                          and not (a.inter == 6 and etype not in ("Protests", "Riots"))]
        primary_targets = [a for a in targets if a.kind != "assoc_group"]
        groups = [a for a in all_named if a.kind == "assoc_group"]
        if etype in ("Protests", "Riots"):
            crowd_name = "Rioters" if etype == "Riots" else "Protesters"
            crowd = make(crowd_name, 5 if etype == "Riots" else 6, "crowd")
            # (or a foreign state's forces facing them: "youths threw stones at Israeli forces" in the West Bank)
            states = [a for a in all_named if a.inter == 1] or [
                a for a in all_named if a.inter == 8 and a.name.startswith(("Military Forces of", "Police Forces of"))]
            if sub == "Mob violence":
                victims = [a for a in primary_targets if a.inter == 7]
                # rival crowds fighting each other: rioters on both sides (the "people" killed in
                # the fight were among them)
                named_victims = [a for a in victims if not GENERIC_PEOPLE.fullmatch(a.text)]
                if mutual and not named_victims and (not target_civilian or victims) and any(
                        a.inter in (5, 6) or a.kind == "crowd" for a in targets + all_named):
                    return crowd, groups, crowd, []
                return crowd, groups, (victims or [make("Civilians", 7, "civilians")])[0], []
            if sub in ("Protest with intervention", "Excessive force against protesters", "Violent demonstration"):
                if not states and cname and (sub != "Violent demonstration" or implied_police):
                    # dispersed, arrested, fired on: by the police, whether or not the text says so
                    states = [ActorMention(0, 0, "", self.actors.state_name("Police", cname), 1, cname, "police")]
                return crowd, groups, states[0] if states else None, []
            return crowd, groups, None, []
        if sub == "Agreement" and any(a.inter == 7 for a in primary_agents) and any(
                a.kind == "identity_militia" for a in all_named):
            # "Elders from the Borana and Gabra communities signed a peace agreement": the sides agree, not the elders
            primary_agents = [a for a in primary_agents if a.inter != 7]
            primary_targets = [a for a in [*primary_targets, *all_named] if a.inter in ARMED_INTER
                               and a.kind != "assoc_group"]
            groups = [a for a in groups if a.inter in ARMED_INTER]
        a1 = primary_agents[0] if primary_agents else None
        if mutual and a1 is not None and a1.kind == "identity_militia" and not any(
                a.inter in ARMED_INTER and a.name != a1.name and not a.name.startswith("Unidentified")
                for a in primary_targets):
            # "Turkana herders and Pokot raiders exchanged fire": the communities joined by "and" fought each other
            rival = next((g for g in assoc if g.kind == "identity_militia" and g.name != a1.name), None)
            if rival is not None:
                primary_targets = [rival] + [a for a in primary_targets if a.name != rival.name]
                assoc = [g for g in assoc if g is not rival]
        if a1 is None and mutual and len({a.name for a in primary_targets}) >= 2:
            a1 = primary_targets[0]  # "clashes between Borana and Gabra militias": the first side named
        others = [a for a in primary_targets if not a1 or a.name != a1.name]
        if a1 is None:
            # no agent named: the first armed actor of the event acts, the rest are acted upon
            target_names = {a.name for a in targets}
            # (a government is no bomber: "Islamabad accuses Afghanistan's Taliban government of allowing the TTP to
            # operate", said after a bomb no one claimed)
            armed = [a for a in all_named if a.inter in ARMED_INTER and a.kind != "assoc_group"
                     and a.name not in target_names and a not in (not_doers or [])
                     # (nor are state forces a suicide bomber: "soldiers at the checkpoint had stopped the man")
                     and not (sub == "Suicide bomb" and a.inter == 1)]
            if armed:
                a1 = armed[0]
                others = [a for a in others if a.name != a1.name]
            elif etype in ("Violence against civilians", "Explosions/Remote violence", "Battles"):
                a1 = make("Unidentified Armed Group", 3, "unidentified")
        a2 = others[0] if others else None
        moved: list[ActorMention] = []
        if (a2 is None or a2.inter == 7) and etype in ("Battles",):
            # a battle is fought between armed sides: the civilians caught in it are not one of them
            armed = [a for a in all_named if a.inter in ARMED_INTER and a1 and a.name != a1.name
                     and a.kind != "assoc_group"]
            # "the gunmen" after "Al Shabaab militants" are most likely the same group: a named side first
            armed.sort(key=lambda a: a.kind == "unidentified")
            if armed:
                a2 = armed[0]
                # its allies named beside it ("army troops and allied Wazalendo militias") side with it
                moved = [a for a in assoc if a.start > a2.start and a.start - a2.end < 40]
                assoc = [a for a in assoc if a not in moved]
        if a2 is not None and a2.inter == 6 and etype not in ("Protests", "Riots") and sub != "Arrests":
            # "aircraft bombed a crowd gathered for the opening of an office": a crowd hit by violence with no
            # demonstration told is civilians
            a2 = make("Civilians", 7, "civilians")
        against_civilians = etype == "Violence against civilians" or (
            target_civilian and etype == "Explosions/Remote violence")
        if against_civilians and (a2 is None or (a2.inter != 7 and etype == "Violence against civilians")):
            civ = [a for a in all_named if a.inter == 7]
            a2 = civ[0] if civ else make("Civilians", 7, "civilians")
        assoc2 = [a for a in others[1:] if a2 is None or a.name != a2.name] + moved
        if a2 is not None and a2.inter == 7:
            assoc2 = [a for a in assoc2 if a.inter == 7 and a.name != a2.name] + groups
        assoc1 = [a for a in assoc if (a1 is None or a.name != a1.name) and (a2 is None or a.name != a2.name)]
        if a1 is not None and a1.inter in ARMED_INTER:
            assoc1 = [a for a in assoc1 if a.inter != 7]  # civilians are not an armed actor's allies
        if sub in ("Change to group/activity", "Headquarters or base established") and not (
                a2 is not None and a1 is not None and a2.inter in ARMED_INTER and a1.inter in ARMED_INTER
                and (a1.inter == 1) != (a2.inter == 1)):
            # only a move between the state and an armed group ("soldiers joined Al Shabaab") has two sides
            a2, assoc2 = None, []
        if sub == "Arrests" and a2 is None:
            a2 = make("Civilians", 7, "civilians")  # those arrested, unless the text says who they are
        if a2 is None and a1 is not None and sub in ("Disrupted weapons use", "Non-violent transfer of territory",
                                                     "Government regains territory",
                                                     "Non-state actor overtakes territory"):
            # "defused an IED planted by Al Shabaab", "took control of the village from IS": the other
            # armed side named in the report
            other = [a for a in all_named if a.inter in ARMED_INTER and a.kind != "assoc_group"
                     and a.name != a1.name and (a.inter in (1, 8)) != (a1.inter in (1, 8))]
            if other:
                a2 = other[0]
                assoc1 = [a for a in assoc1 if a.name != a2.name]
        if sub == "Air/drone strike" and a1 is not None and a1.kind == "unidentified":
            # an air strike by someone the report does not name: aircraft are a state's, ACLED's
            # "Unidentified Military Forces" (external/other forces)
            a1 = ActorMention(a1.start, a1.end, a1.text, "Unidentified Military Forces", 8, "", "external")
        if (a2 is None or a2.inter == 7 or a2.name.startswith("Unidentified")) and sub == "Agreement" and assoc1:
            # "Al Shabaab and a Hawadle clan reached an agreement": the parties are its two sides
            a2, assoc1 = assoc1[0], assoc1[1:]
        return a1, assoc1, a2, assoc2

    def _place(self, d: _Draft, main_country: countries.Country | None) -> tuple[Place | None, int]:
        places = d.places
        if not places and d.inherited_place is not None:
            # "In a separate attack, gunmen killed four civilians in the east of the country": a part
            # of the country the event's own sentences name, rather than the place of the event before
            side = self._country_side(d, main_country)
            if side is not None:
                return side, 3
        src = _place_source(d)
        places = src.places
        if places:
            first = d.sentences[0] if d.places else None

            def rank(item: tuple[PlaceMention, Place, int]) -> tuple[int, int, int, int, int, int, int]:
                m, p, prec = item
                in_first = first is not None and first.start <= m.start < first.end
                # the dateline says where the report was filed: the place of last resort
                filed = m.start < d.dateline_end
                # a school named after a town may stand elsewhere ("Juba Primary School in Dadaab")
                named_for = bool(INSTITUTION_AFTER.match(d.text, m.end))
                # where people came from or went to is not where it happened ("a truck driver
                # travelling from Dhusamareeb to Mogadishu", "the fighters were from Jilib")
                away = bool(AWAY_BEFORE.search(d.text, max(0, m.start - 50), m.start) or UNIT_FROM_BEFORE.search(
                    d.text, max(0, m.start - 60), m.start)) and not (
                    # (but the town a side withdrew from is where the territory changed hands)
                    d.tags & {"territory", "capture", "unopposed"} and WITHDREW_FROM.search(d.text, max(0, m.start - 50), m.start))
                organ = bool(ORGAN_AFTER.match(d.text, m.end)) or bool(
                    SPEAKER_IN_BEFORE.search(d.text, max(0, m.start - 40), m.start))
                return (int(filed), int(away), int(organ), prec, int(named_for),
                        0 if p.kind not in ("country",) else 1, 0 if in_first else 1)

            chosen = min(places, key=rank)
            if chosen[2] == 1 and chosen[1].kind != "admin1":
                # "Ceelasha Biyaha village, near Qandala town": a village read hundreds of kilometres from the
                # town it is said to lie near is a namesake; the town is the place
                said_near = [r for r in places if r[0] is not chosen[0] and r[1].kind != "admin1"
                             and NEAR_BEFORE.search(d.text, max(0, r[0].start - 30), r[0].start)
                             and not INSTITUTION_AFTER.match(d.text, r[0].end)]  # not "near Kismayo Primary School"
                if said_near and all(_km(r[1].latitude, r[1].longitude, chosen[1].latitude, chosen[1].longitude)
                                     > FAR_KM for r in said_near):
                    chosen = min(said_near, key=rank)
            local = self._local_countries(d)
            if local and chosen[1].iso3 not in local and chosen[1].iso3 not in d.filed_from:
                # the event's own sentences point to another country than the document did:
                # prefer the namesake there ("San Andres" in a Salvadoran story datelined Honduras)
                for cand in chosen[0].candidates:
                    if cand.iso3 == local[0]:
                        return cand, chosen[2]
            return chosen[1], chosen[2]
        own = self._sentence_country(d) or main_country
        scene = [r for r in src.scene if own is None or r[1].iso3 == own.iso3]
        if scene:
            _m, seen, prec = min(scene, key=lambda r: r[2])
            return seen, prec
        home = self._actor_home(d)
        if home is not None:
            return home, 3
        side = self._country_side(d, main_country)
        if side is not None:
            return side, 3
        capital = self._capital(own) if own is not None else None
        return capital, 3

    def _named_village(self, d: _Draft, place: Place, precision: int) -> tuple[Place, int]:
        """The event's place when its first sentences name a settlement the gazetteer lacks ("the village of
        Namsiguia in Burkina Faso's Centre-Nord region"): that name, at the known place the text puts it in or
        near (``place``), with geo_precision 2 (3 when only the region is known). ``place`` otherwise."""
        if place.kind == "country" or countries.is_upper_text(d.text):
            return place, precision
        # (a settlement "outside Maiduguri" is no part of the city)
        city = (" - " in place.name or place.population >= CITY_OF_PARTS) and precision == 1
        src = _place_source(d)
        # (or the region it lies in: "the raid on Zabarmari, in the Jere local government area of Borno state" for a
        # settlement outside Maiduguri)
        anchors = [m for m, p, _prec in src.places if p is place or p.kind == "admin1" and place.kind != "admin1"
                   and p.iso3 == place.iso3 and p.admin1 == place.admin1 and precision == 2]
        # ("in Koutruk in Imphal West district": the city's district is a region, not the city)
        city = city and not any(UNIT_AFTER.match(src.text, m.end) for m in anchors)
        for sent in src.sentences[:2]:
            found = [(m, False) for rx in NAMED_SETTLEMENT for m in rx.finditer(sent.text)]
            found += [(m, True) for m in NAMED_BEFORE_PLACE.finditer(sent.text)]
            for m, needs_anchor in sorted(found, key=lambda f: f[0].start("name")):
                name = m.group("name")
                start = sent.start + m.start("name")
                end = sent.start + m.end("name")
                # the known place must follow the name closely ("Mushu village in Bokkos"), or be only the region
                # ("stormed Kamuthe in Fafi sub-county": a unit the gazetteer lacks either, of the place found)
                in_unit = needs_anchor and bool(IN_LOCAL_UNIT.match(src.text, end))
                anchored = in_unit or any(end <= a.start <= end + 90 and a.start < sent.end for a in anchors)
                if not anchored and (needs_anchor or precision < 3 or sent is not src.sentences[0]):
                    continue
                # (what lies between the name and the city says whether it is outside: "Ashulia, an industrial hub
                # outside Dhaka", not "near Villa Somalia in Mogadishu")
                if city and not in_unit and not OUTLYING.search(m.group(0) if not needs_anchor else sent.text[m.start("name"):m.end()]):
                    continue  # "a checkpoint in Saldhig Galbeed in Mogadishu - Dharkenley": a part of the city
                if VILLAGES_LISTED_AFTER.match(src.text, end):
                    continue  # "in Gabeyle, Istifan, Shanta Moole, and Faari villages near Marka town": the town
                if NOT_SETTLEMENT_END.search(name) or not self._unknown_name(src, name, start, end, place.iso3):
                    continue
                if m.group(0).split()[0].lower() == "from" and not TAKEN_FROM.search(sent.text, 0, m.start()):
                    continue  # "teachers from Buuri", "relocated from Harboole": where people came from, unless taken
                if WENT_FROM.search(src.text, max(0, start - 90), start):
                    continue  # "the team was returning from an operation in the Abujhmarh area": not where it happened
                coarse = place.kind == "admin1" or precision == 3
                named = Place(name=name, country=place.country, iso3=place.iso3, admin1=place.admin1,
                              admin2="" if coarse else place.admin2, latitude=place.latitude,
                              longitude=place.longitude, kind="populated", population=0, source="text")
                return named, 3 if coarse else 2
        return place, precision

    @staticmethod
    def _as_written(d: _Draft, place: Place) -> Place:
        """The place under the name the report writes it ("Sopore", "Tiyeeglow", "Jenin") when the gazetteer knows it
        by another spelling ("Sopur", "Tayeeglow", "Janin"): news and ACLED's analysts write the common English name,
        the gazetteer a transliteration. Not for ALL-CAPS text, districts of cities or regions."""
        if place.kind != "populated" or place.source == "text" or " - " in place.name:
            return place
        src = _place_source(d)
        m = next((m for m, p, _prec in src.places if p is place), None)
        if (m is None or m.text.isupper() or not m.text[:1].isupper() or fold(m.text) == fold(place.name)
                or not re.fullmatch(r"[A-Z][\w'’-]*(?:[ -][A-Z][\w'’-]*){0,3}", m.text)):
            return place
        written, known = fold(m.text), fold(place.name)
        # another spelling of the same name, not another name ("Marakwet" for Kapsowar) nor a part of it
        if known.startswith(written + " ") or SequenceMatcher(None, written, known).ratio() < SPELLING_RATIO:
            return place
        return replace(place, name=m.text)

    def _unknown_name(self, d: _Draft, name: str, start: int, end: int, iso3: str) -> bool:
        """Whether ``name`` (at ``start:end``) can be a settlement in the country ``iso3`` that the gazetteer lacks:
        no place there, no country, actor, person or common word."""
        words = [fold(w) for w in re.split(r"[ -]", name)]
        if words[0] in self.geocoder.common_words or words[0] in self.geocoder.given_names:
            return False
        if any(p.iso3 == iso3 for p in self.gazetteer.lookup(name)) or countries.lookup(name) is not None:
            return False
        return not any(a.start < end and start < a.end for a in d.actors if a.name) and not any(
            m.start < end and start < m.end for m, _p, _prec in d.places)

    def _country_side(self, d: _Draft, main_country: countries.Country | None = None) -> Place | None:
        """The region in the part of a country the event's sentences name ("southern Lebanon", "Nigeria's
        northeast", "central Mali", "in the east of the country" for the report's country): the admin1
        unit lying furthest that way (nearest the middle for "central"), by the centroids of the
        country's units."""
        found = [(m, c) for sent, start, end, c in self._countries_in(d)
                 if (m := SIDE_BEFORE.search(sent.text, max(0, start - 30), start) or SIDE_AFTER.match(sent.text, end))]
        if not found and main_country is not None:
            found = [(m, main_country) for sent in d.sentences if (m := SIDE_OF_THE_COUNTRY.search(sent.text))]
        if not found:
            return None
        m, c = found[0]
        units = [p for p in self.gazetteer.admin1_places(c.iso3) if p.latitude or p.longitude]
        side = m.group("side") or m.groupdict().get("side2") or ""
        return _furthest(units, side) if len(units) >= 3 else None

    def _actor_home(self, d: _Draft) -> Place | None:
        """The seat of the home region of a regional force or community militia in the event."""
        for a in [*d.agents, *d.targets, *d.actors]:
            for prefix, (iso3, admin1, seat) in self.homes:
                if a.name.startswith(prefix):
                    cands = [p for p in self.gazetteer.lookup(seat) if p.iso3 == iso3]
                    if cands:
                        return cands[0]
                    return self.gazetteer.admin1_place(iso3, admin1)
        return None

    def _capital(self, country: countries.Country) -> Place | None:
        """Where an event known only by its country is put: the capital, at geo_precision 3
        (looked up once per country: it is asked for on every text)."""
        if country.iso3 not in self._capitals:
            cands = [p for p in self.gazetteer.lookup(country.capital)
                     if p.iso3 == country.iso3] if country.capital else []
            self._capitals[country.iso3] = cands[0] if cands else self.gazetteer.country_place(country.iso3)
        return self._capitals[country.iso3]

    @staticmethod
    def _merge_same(events: list[Event]) -> list[Event]:
        """One event per day, place and sub-event type; a dateless duplicate joins its dated twin. A
        demonstration is one event at its worst: a protest that turned violent that day and place is a
        violent demonstration, not a peaceful protest besides."""
        out: list[Event] = []
        for e in events:
            twin = next((o for o in out if (o.sub_event_type == e.sub_event_type or (
                o.sub_event_type in DEMO_RANK and e.sub_event_type in DEMO_RANK)) and o.country == e.country
                         and o.location == e.location and (o.event_date == e.event_date
                                                           or o.time_precision > 1 or e.time_precision > 1)), None)
            if twin is None:
                out.append(e)
                continue
            if DEMO_RANK.get(e.sub_event_type, 0) > DEMO_RANK.get(twin.sub_event_type, 0):
                for k in ("disorder_type", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1",
                          "interaction", "civilian_targeting", "notes"):
                    setattr(twin, k, getattr(e, k))
                if e.actor2:
                    twin.actor2, twin.assoc_actor_2, twin.inter2 = e.actor2, e.assoc_actor_2, e.inter2
            if twin.time_precision > e.time_precision:
                twin.event_date, twin.time_precision = e.event_date, e.time_precision
            twin.fatalities = max(twin.fatalities, e.fatalities)
            twin.injuries = max(twin.injuries, e.injuries)
            twin.evidence.extend(e.evidence)
            for k in ("actor1", "actor2"):
                if not getattr(twin, k) and getattr(e, k):
                    setattr(twin, k, getattr(e, k))
        return out


def _other_side(new: list[NumberMention], told: list[list[NumberMention]]) -> bool:
    """Whether the dead of ``new`` are all of sides the dead ``told`` before are not ("... killing one US soldier
    and two contractors. The Kenya Defence Forces said four attackers were killed": the other side's dead, not another
    source's figure for the same dead)."""
    new_sides = {m.who for m in new if m.outcome == "killed"}
    old_sides = {m.who for group in told for m in group if m.outcome == "killed"}
    return (bool(new_sides) and bool(old_sides) and not (new_sides | old_sides) & {"unknown", "listed"}
            and not new_sides & old_sides)


def _quoted(sentence: str, pos: int) -> bool:
    """Whether ``pos`` lies inside a quotation in ``sentence``."""
    before = sentence[:pos]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


# a lead's list of places: "in Maraagade village near Balade village and Balade", "in Sablaale town, Haawaay,
# Kunyo Barrow, and Baasra"
_PLACE_NAME = (r"(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})(?:\s+(?:village|town|city|area|neighbou?rhood|camp|region|"
               r"province|state|county|district|governorate|department))?")
PLACE_LIST = re.compile(r"\b(?:in|at)\s+(?:the\s+(?:vicinity|outskirts)\s+of\s+)?(?P<list>" + _PLACE_NAME
                        + r"(?:\s+near\s+" + _PLACE_NAME + r")?(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)" + _PLACE_NAME
                        + r")+)(?!\s+(?:clans?|sub-?clans?|communit|groups?|militias?|supporters|tribes?|ethnic|people))")
LIST_NEAR = re.compile(r",?\s+near\s+" + _PLACE_NAME)
LIST_SEP = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
REGION_WORD = re.compile(r"\b(?:region|province|state|county|district|governorate|department)$", re.IGNORECASE)


def _listed_places(sentence: str, is_region: Callable[[str], bool]) -> int:
    """How many places a lead lists as where the event happened ("near X" only says where one of them
    is; a region is where they all are): ACLED divides a figure it cannot attribute evenly among them."""
    m = PLACE_LIST.search(sentence)
    if m is None or not re.search(r"\band\b", m.group("list")):
        return 1  # "in Kwachocha, Malindi": a place and the town it belongs to
    names = [n for n in LIST_SEP.split(LIST_NEAR.sub("", m.group("list"))) if n and n[0].isupper()]
    names = [n for n in names if not REGION_WORD.search(n) and not countries.lookup(n) and not is_region(n)]
    return max(1, len(names))


def _share(n: int, k: int, index: int = 0) -> int:
    """The ``index``-th of ``k`` even shares of ``n`` (ACLED's division of a toll among places: 15 in two
    places is 8 and 7)."""
    if k <= 1 or n <= 3:
        return n  # (a small or vague figure, "several", stays whole)
    return n // k + (1 if index < n % k else 0)


def _carry_remote_author(events: list[Event]) -> list[Event]:
    """"Israeli strikes killed 20 in Khan Younis, and a separate strike on Gaza City killed eight": an
    air strike the report does not attribute is by the air force it named for the one before; so is a missile
    attack, when the report names one author of missile attacks."""
    known: Event | None = None
    # ("Russia launched a missile barrage on Ukrainian cities ... In Kryvyi Rih, 10 people were killed when missiles
    # struck an industrial facility": the barrage's author fired those missiles too)
    shelled = {e.actor1 for e in events if e.sub_event_type == "Shelling/artillery/missile attack" and e.inter1 in (1, 8)}
    if len(shelled) == 1:
        author = next(e for e in events if e.actor1 in shelled)
        for e in events:
            if (e.sub_event_type == "Shelling/artillery/missile attack" and e.actor1.startswith("Unidentified Armed Group")
                    and e.country == author.country):
                e.actor1, e.inter1 = author.actor1, author.inter1
                e.interaction = int(f"{min(e.inter1, e.inter2)}{max(e.inter1, e.inter2)}") if e.inter2 else e.inter1 * 10
    for e in events:
        if e.sub_event_type != "Air/drone strike":
            continue
        if e.actor1 == "Unidentified Military Forces" and known is not None:
            e.actor1, e.inter1 = known.actor1, known.inter1
            e.interaction = int(f"{min(e.inter1, e.inter2)}{max(e.inter1, e.inter2)}") if e.inter2 else e.inter1 * 10
        elif e.actor1 and e.actor1 != "Unidentified Military Forces":
            known = e
    return events


def _place_source(d: _Draft) -> _Draft:
    """The draft whose places stand for ``d``'s: ``d`` itself, or, for an event told without a place of its own, the
    event it follows on (the last of that chain when none names a place)."""
    src = d
    while not src.places and src.inherited_place is not None:
        src = src.inherited_place
    return src


def _foreign_troops(actors: list[ActorMention], cname: str) -> list[ActorMention]:
    """Bare "soldiers" or "troops" after a foreign state's forces were named ("Israeli forces killed seven Palestinians
    in Jenin ... soldiers had exchanged fire with gunmen") are that force, not the forces of the report's country,
    unless the country's own forces were named in between."""
    out: list[ActorMention] = []
    last: ActorMention | None = None  # the last state force named with its nationality
    for a in actors:
        if a.kind == "state" and a.inter in (1, 8) and not BARE_FORCES.fullmatch(a.text):
            last = a
        elif (a.kind == "state" and a.inter == 1 and a.country == cname and BARE_FORCES.fullmatch(a.text)
              and last is not None and last.country and last.country != cname):
            a = replace(last, start=a.start, end=a.end, text=a.text)
        out.append(a)
    return out


SPELLING_RATIO = 0.6  # how alike two spellings of one place name are ("Tiyeeglow" / "Tayeeglow", "Xuddur" / "Hudur")
ADMIN_TITLE = re.compile(r"^(?:Barangay|Brgy\.?|Poblacion\s+of)\s+(?=\S)")


def _plain(name: str) -> str:
    """A place name as English news and ACLED write it: no diacritics ("Jabālyā" -> "Jabalya",
    "Culiacán" -> "Culiacan"), straight apostrophes, no trailing soft sign ("Ryazan’"), no administrative title
    before it ("Barangay Carabalan" -> "Carabalan")."""
    name = ADMIN_TITLE.sub("", name)
    if name.isascii():
        return name
    out = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
    out = out.replace("’", "'").replace("ʼ", "'").replace("‘", "'").replace("ʻ", "'")
    return out.rstrip("'")


def _drop_aftermath_moves(events: list[Event]) -> list[Event]:
    """A change in a group's activity told after an event of another kind is the aftermath of that event
    ("reinforcements were sent to the area", "officers had been deployed to border areas", "troops were carrying
    out a reconnaissance mission when they came under fire"), not news of its own: ACLED codes such moves only
    when they are what a report is about."""
    def start(e: Event) -> int:
        return min((ev.start for ev in e.evidence), default=0)
    firsts = [start(e) for e in events if e.sub_event_type != "Change to group/activity"]
    if not firsts:
        return events
    lead = min(firsts)
    return [e for e in events if e.sub_event_type != "Change to group/activity" or start(e) < lead]


def _cued(text: str, m: PlaceMention) -> bool:
    """Whether the text calls the mention a place: "in Baragoi", "Sega town", "Kwale County"."""
    return bool(PLACE_BEFORE.search(text[max(0, m.start - 20):m.start]) or PLACE_AFTER.match(text, m.end))


def _furthest(units: list[Place], side: str) -> Place:
    """The unit lying furthest towards ``side`` ("north", "southeastern"; "central": nearest the middle),
    by centroids scaled to the country's extent."""
    lats, lons = [p.latitude for p in units], [p.longitude for p in units]
    mid_lat, mid_lon = sum(lats) / len(lats), sum(lons) / len(lons)
    span_lat, span_lon = (max(lats) - min(lats)) or 1.0, (max(lons) - min(lons)) or 1.0
    word = side.lower().replace("-", "")
    dy = 1 if "north" in word else -1 if "south" in word else 0
    dx = 1 if "east" in word else -1 if "west" in word else 0

    def score(p: Place) -> float:
        y, x = (p.latitude - mid_lat) / span_lat, (p.longitude - mid_lon) / span_lon
        return -(x * x + y * y) if dy == dx == 0 else dy * y + dx * x

    return max(units, key=score)


def _load_homes() -> list[tuple[str, tuple[str, str, str]]]:
    """``data/geo/actor_homes.tsv``: actor name prefix → (iso3, admin1, seat), longest prefix first."""
    path = Path(__file__).parent / "data" / "geo" / "actor_homes.tsv"
    rows = [(prefix, (iso3, admin1, seat)) for prefix, iso3, admin1, seat in read_tsv(path, header=False)]
    return sorted(rows, key=lambda r: -len(r[0]))


def _passive(text: str, sent: Sentence, trig: Hit, before: list[ActorMention]) -> bool:
    """Whether the trigger is a passive whose subject is the last actor ``before`` it (never a clash:
    "soldiers clashed in Moqokori" is no headline passive)."""
    aux = PASSIVE_BEFORE.search(text[max(sent.start, trig.start - 30):trig.start])
    if aux is not None and aux.group(0).startswith("IS") and not countries.is_upper_text(text):
        aux = None  # "IS Mozambique militants beheaded": the Islamic State, not "is"
    return trig.tag not in GROUND_FIGHT and (bool(aux) or (
        # headline passive: "5 SLDF members shot dead by police", "2 suspected Mungiki members killed"
        bool(before) and bool(PARTICIPLE.search(trig.text))
        and before[-1].end >= trig.start - 12
        and bool(HEADLINE_PASSIVE_AFTER.match(text[trig.end:min(sent.end, trig.end + 12)]))))


def _country_role(text: str, start: int, end: int) -> str:
    """What the country named at ``text[start:end]`` says about where things happen: ``place`` (there:
    "strikes in Iraq", "Kenyan villages", "Kenyan police"), ``party`` (who took part, not where: "US
    forces", "a German tourist", "Ugandan raiders", "bandits from Ethiopia", "the border with Somalia")
    or ``plain``."""
    before, after = text[max(0, start - 40):start], text[end:end + 30]
    if ORIGIN_BEFORE.search(before) or RAIDER_AFTER.match(after):
        return "party"
    if LOCATION_CUE.search(before[-25:]) and not FOREIGNER_AFTER.match(after) or HOME_PLACE_AFTER.match(after):
        return "place"
    if ACTOR_NOUN_AFTER.match(after):
        return "party"
    return "plain"


def _names_location(text: str, start: int, end: int) -> bool:
    """Whether the country named at ``text[start:end]`` is where things happen ("strikes in Iraq",
    "Salvadoran guerrillas": rebels fight at home), not a foreigner's nationality ("the killing of a
    German tourist")."""
    role = _country_role(text, start, end)
    return role == "place" or role == "plain" and bool(HOME_ACTOR_AFTER.match(text[end:end + 30]))


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    from math import asin, cos, radians, sin, sqrt

    p1, p2 = radians(lat1), radians(lat2)
    h = sin((p2 - p1) / 2) ** 2 + cos(p1) * cos(p2) * sin(radians(lon2 - lon1) / 2) ** 2
    return 12742.0 * asin(min(1.0, sqrt(h)))


def _is_heading(sentence: str) -> bool:
    """A title-case line without final punctuation ("Previous Attack and Self-Defense")."""
    if sentence.rstrip()[-1:] in ".!?\"'”":
        return False
    words = re.findall(r"[A-Za-z][\w'-]*", sentence)
    if not words or len(words) > 14:
        return False
    small = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "by", "with", "against", "from"}
    caps = sum(1 for w in words if w[0].isupper() or w.lower() in small)
    return caps == len(words) and not sentence.isupper()


def _note(sentence: str) -> str:
    s = " ".join(sentence.split())
    return s if len(s) <= 300 else s[:297].rsplit(" ", 1)[0] + "..."


_lock = threading.Lock()
_instance: Extractor | None = None


def get_extractor() -> Extractor:
    """The process-wide extractor, loaded on first use."""
    global _instance
    with _lock:
        if _instance is None:
            _instance = Extractor()
        return _instance
