"""Event triggers in a sentence, and the ACLED sub-event type of a group of them.

The trigger lexicon (``data/lexicon/triggers.tsv``) tags words; this module drops the tags that do
not report an event (negated, hypothetical, future, background statistics) and turns the tags of an
event into one ACLED sub-event type by the codebook's priority rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from app.extraction.datafiles import read_tsv

DATA = Path(__file__).parent / "data" / "lexicon"

EVENT_TYPE = {
    "Armed clash": "Battles",
    "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Chemical weapon": "Explosions/Remote violence",
    "Air/drone strike": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Grenade": "Explosions/Remote violence",
    "Sexual violence": "Violence against civilians",
    "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
    "Peaceful protest": "Protests",
    "Protest with intervention": "Protests",
    "Excessive force against protesters": "Protests",
    "Violent demonstration": "Riots",
    "Mob violence": "Riots",
    "Agreement": "Strategic developments",
    "Arrests": "Strategic developments",
    "Change to group/activity": "Strategic developments",
    "Disrupted weapons use": "Strategic developments",
    "Headquarters or base established": "Strategic developments",
    "Looting/property destruction": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments",
    "Other": "Strategic developments",
}
DISORDER_TYPE = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}

# tags that make a sentence an event mention on their own; the others only qualify one
STRONG = {"clash", "violence", "attack", "kill", "territory", "capture", "airstrike", "shelling", "ied", "suicide", "grenade",
          "chemical", "abduction", "sexual", "protest", "riot", "mob", "excessive", "arrest",
          "disrupted", "base", "agreement", "looting", "presence", "blast", "other", "withdraw",
          "premature"}
VIOLENT = {"clash", "violence", "attack", "kill", "airstrike", "shelling", "ied", "suicide", "grenade", "chemical",
           "blast", "abduction", "sexual", "excessive", "mob"}
GENERIC_BLAST = re.compile(r"\b(?:bomb(?:s|ed|ing)?|explosions?|exploded|blasts?|detonat\w*|explosives?)\b")

# a trigger is not an event when the words just before it deny, project or call for it ...
PROJECTED = re.compile(
    r"\b(?:denied|denies|deny|failed\s+to|purport(?:ed|s|ing)?\s+to\s+show|threaten(?:ed|s|ing)?\s+to|threats?\s+(?:of|to)|"
    r"plan(?:s|ned|ning)?\s+to|aim(?:s|ed|ing)?\s+to|threaten(?:ed|s|ing)?\s+(?:[\w'-]+\s+){1,8}?to|planning\s+(?:an?|the|their|its|new|more|further)|intend(?:s|ed)?\s+to|would|will|could|might|may(?=\s*$)|may\s+(?:be|have|soon|also)|shall|"
    r"must|should|ought\s+to|needs?\s+to|(?:have|has)\s+to|"
    r"vow(?:ed|s)?\s+(?:[\w'-]+\s+){0,3}?to|warn(?:ed|s|ing)?\s+(?:of|that|against)|warnings?\s+(?:of|about)|fears?\s+of|risk\s+of|"
    # "released a video threatening new attacks", "have threatened a nationwide sit-in strike"
    r"threaten(?:ed|s|ing)?\s+(?:an?|the|new|more|further|fresh|renewed|wider|nationwide|mass|retaliatory)\b|"
    # "The High Court on Friday blocked the deployment of police officers": a ruling, not the deed
    r"(?:court|judges?|tribunal)\b[^.;]{0,30}?\b(?:blocked|barred|halted|suspended|stopped|quashed|overturned|"
    r"upheld|allowed|approved)|"
    r"prevent(?:ed)?|avoid(?:ed)?|ahead\s+of|possible|potential|plot(?:ted)?\s+to|"
    r"call(?:ed|s|ing)?\s+(?:for|on)|urg(?:e|ed|es|ing)|to\s+(?:launch|begin|start|stage|mount|resume)\s+(?:an?\s+|the\s+|new\s+|"
    r"fresh\s+|more\s+|its\s+|their\s+)*|to\s+(?:stop|end|halt|cease)|prepar(?:ing|ed|es)\s+(?:to|for|an?)|seeking\s+to|if|"
    r"in\s+order\s+to|(?:has|have)\s+(?:long\s+|also\s+)?used\s+(?:[\w'’-]+\s+){1,5}?to|"
    r"to\s+(?:agree|sign|reach|negotiate|accept|observe|respect|declare|implement)|"
    r"(?:ready|willing|offer(?:ed|s)?)\s+to|order(?:ed|s)?\s+(?:[\w-]+\s+){1,3}?to|instruct(?:ed|s)?\s+(?:[\w-]+\s+){1,3}?to)\b"
    r"[^.;:]{0,40}$"
)
# "unions called on Wednesday for nationwide strikes and street protests on Jan. 19": what is called for, further back
CALLED_FOR = re.compile(r"\bcall(?:ed|s|ing)?\s+(?:on\s+\w+\s+|today\s+|yesterday\s+)?for\s+(?:[\w'’,-]+\s+){0,8}$")
# ... or propose or reject it, right before it ("rejected the truce"; not "a proposed finance bill turned violent")
# where a projection ("fear of", "threatened to") stops reaching forward
CLAUSE_CUT = re.compile(r"[;:]|\b(?:as|but|while|when|after|because|whereas)\b")
PROPOSED = re.compile(r"(?<!\ba )(?<!\ban )(?<!\bthe )\b(?:propos(?:al|als|ed|es|ing)|reject(?:ed|s|ing)?|"
                      r"refus(?:ed|es|ing))\s+(?:[\w-]+\s+){0,4}$")
# ... or negate it right before it ("did not attack", "no clashes", "never fired")
NEGATED = re.compile(r"\b(?:not|no|never|n't|without|neither|nor|ruled\s+out|rules\s+out|ruling\s+out)\b(?:\s+\w+){0,2}\s*$|"
                     # "No one was reported killed", "nobody was hurt"
                     r"\b(?:no\s+one|nobody|none)\s+(?:was|were|has|had|is)\s+(?:\w+\s+){0,2}$")
# counted or generic plural triggers describe a history, not one dated event
BACKGROUND = re.compile(
    r"(?<![/.-])\b(?:\d{2,}|\d+,\d+|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|numerous|"
    r"recent|previous|past|several|multiple|repeated|frequent|a\s+series\s+of|a\s+(?:number|string)\s+of|"
    r"these|those|such|"
    r"similar|other|more|the|series\s+of\s+recent)\s+"
    # (not "the army launched air strikes on": a verb after the article ends its phrase)
    r"(?:(?![a-z]+ed\b|out\b|fired\b|made\b|began\b|hit\b)[a-z-]+\s+){0,2}$|"
    # "Russia has intensified its attacks on Kharkiv": a trend, not a day's deed
    r"\b(?:intensif(?:y|ied|ies|ying)|stepp?(?:ed|ing)?\s+up|escalat(?:ed|ing|e)|increas(?:ed|ing)|ramp(?:ed|ing)\s+up|"
    r"redoubl(?:ed|ing))\s+(?:its|their|his|her|the)\s+(?:[a-z-]+\s+)?$"
)
CONDUCTED = re.compile(r"\b(?:conducted|launched|carried\s+out|staged|mounted)\s+(?:a\s+series\s+of|several|"
                       r"multiple|\d+)\s+(?:[a-z-]+\s+)?$")
PLURAL_TRIGGER = re.compile(r"(?:attacks|strikes|clashes|bombings|raids|killings|protests|incidents|"
                            r"assaults|abductions|kidnappings|airstrikes|explosions)$")
# weapons counted by the hundred are a stock or a campaign's tally ("cleared thousands of explosive devices")
DONE_WORD = re.compile(r"(?:carried\s+out|conducted|launched|staged|mounted)\b")
STOCK_BEFORE = re.compile(r"\b(?:thousands|hundreds|tens\s+of\s+thousands)\s+of\s+(?:[a-z-]+\s+){0,2}$")
SPELL_OF = re.compile(r"\b(?:following|after|amid|despite|triggered|sparked|prompted|saw|seen)\s+(?:(?:several\s+|many\s+)?"
                      r"(?:days|weeks|months|"
                      r"years|nights)|an?\s+(?:\w+\s+)?(?:wave|spate|series|string|spree|surge|rise|upsurge|cycle))"
                      r"\s+of\s+(?:[\w-]+\s+){0,2}$")
ATTEMPT_BEFORE = re.compile(r"\b(?:attempt(?:s|ed|ing)?|tr(?:y|ied|ies|ying)|fail(?:s|ed)?|sought|seeking)\s+"
                            r"(?:for\s+(?:months|weeks|years|days)\s+)?to\s+$")
# a participle after an article or a preposition describes ("from captured towns", "the liberated areas")
ADJECTIVAL_BEFORE = re.compile(r"\b(?:from|the|of|in|into|its|their|all|newly|recently|to|for|over)\s+$")
PARTICIPLES = ("captured", "seized", "overrun", "recaptured", "retaken", "liberated", "occupied")
AFTER_CAUSE = re.compile(r"\b(?:comes?|came|follows?|followed)\s+(?:\w+\s+){0,2}(?:after|since)\s+(?:[\w-]+\s+){0,3}$")
ARMED_TAGS = {"clash", "attack", "kill", "shelling", "airstrike", "ied", "violence"}
LEGAL_BEFORE = re.compile(r"\b(?:convicted\s+(?:over|for|in\s+connection\s+with)|"
                          # ("convicted three men, including a Kenyan, of conspiring with Al Shabaab to carry out the")
                          r"convict(?:ed|ing)\s+(?:[\w,'’-]+\s+){0,8}?of(?:\s+(?:helping|conspiring|plotting|"
                          r"planning|participating|taking\s+part|involvement)(?:\s+with\s+(?:[\w'’-]+\s+){1,4}?)?"
                          r"(?:\s*to\s+(?:plan|carry\s+out)|\s+in)?)?|"
                          r"sentenced\s+(?:[\w,-]+\s+){0,12}?for(?:\s+(?:helping|conspiring|plotting|planning|"
                          r"participating|taking\s+part|involvement)(?:\s+to\s+(?:plan|carry\s+out|stage)|\s+in)?)?|"
                          r"on\s+trial\s+for|acquitted\s+of|indicted\s+for|jailed\s+for|tried\s+for|"
                          # "a man accused of killing his father", "the group was blamed for the killing of 40": what
                          # someone is held to have done is the cause or the history of the news, not a report of it
                          r"(?:\b(?:was|were|is|are|been|being|had|has|have)\s+|\b(?:man|men|woman|women|person|suspects?|"
                          r"youths?|officers?)\s+)(?:\w+\s+)?(?:accused\s+of|blamed\s+for|held\s+responsible\s+for)|"
                          r"guilty\s+of)\s+(?:the\s+|a\s+|an\s+|their\s+|his\s+|her\s+)?(?:[\w-]+\s+){0,2}$")
# "sentenced Sheikh Hasina to death ... for crimes against humanity over the deadly crackdown on student-led protests"
LEGAL_OVER = re.compile(r"\b(?:sentenc(?:ed|es|ing)|convict(?:ed|s|ing)|indicted|acquitted|jailed)\b[^.;]{0,140}?\b(?:over|for)\s+"
                        r"(?:the\s+|a\s+|an\s+|their\s+|his\s+|her\s+)?(?:[\w'’-]+\s+){0,5}$|"
                        # "held on charges of inciting violence during protests against the election results"
                        r"\bcharges?\s+(?:of|over|for)\s+(?:[\w'’-]+\s+){0,8}$", re.IGNORECASE)
LEGAL_RELATIVE = re.compile(r"\b(?:convict\w*|sentenc\w*|charged(?!\s+(?:at|into|towards?)\b)|on\s+trial|acquitt\w*|indicted|jailed|tried(?!\s+to\b))\s+"
                            r"(?:[^.;]{0,160},\s*(?:(?:a|an|the)\s+(?:[\w-]+\s+){1,2})?(?:which|that|who)\s+(?:\w+\s+){0,2}|[^.;]{0,200}\s(?:in|during)\s+which\s+"
                            r"(?:[\w,'’-]+\s+){0,6})$", re.IGNORECASE)
RESPONSE_TO = re.compile(r"\b(?:in\s+response\s+to|(?:in|as|was|were|is|are)\s+(?:a\s+)?(?:retaliation|revenge|reprisal|retribution)\s+for|"
                         r"to\s+avenge)\s+"
                         r"(?:(?:the|a|an|recent|repeated|earlier|last\s+week's|its|their)\s+)*(?:[\w'’-]+\s+){0,2}$",
                         re.IGNORECASE)
INTERCEPTED = re.compile(r"\b(?:shot\s+down|intercepted|downed|neutrali[sz]ed)\s+(?:(?:\d+|all|most|some)\s+of\s+(?:the\s+)?)?"
                         r"(?:[\w,]+\s+){0,3}?(?:missiles?|drones?|rockets?|projectiles?|uavs?|shaheds?)\b|"
                         r"\bair[- ]defen[cs]e\s+(?:missiles?|systems?|units?|fire)\b|\binterceptors?\b")
CROWD_NOUN = re.compile(r"(?:protesters|protestors|demonstrators|marchers)")
HELD_BACK = re.compile(r"\b(?:prevent(?:ed|ing)?|stop(?:ped|ping)?|bar(?:red|ring)?|block(?:ed|ing)?)\s+(?:the\s+)?$")
RAID_WORD = re.compile(r"raids?|raided|raiding")
# armed men or the forces as the subject of a road block (a protest's conduct only for a crowd)
ARMED_SUBJECT = re.compile(r"\b(?:attackers|gunmen|assailants|militants|bandits|kidnappers|abductors|rebels|fighters|"
                           r"insurgents|jihadists|terrorists|soldiers|troops|police(?:men)?|officers|militia(?:s|men)?)\b"
                           r"(?:\s+[\w-]+){0,3}\s+$")
AFTER_THE = re.compile(r"\b(?:following|after|over|since|against)\s+(?:the|his|her|their|its)\s+$")
SENT_AFTER = re.compile(r"\s+(?:had\s+been|have\s+been|has\s+been|were|was|would\s+be|will\s+be)\s+(?:sent|deployed|dispatched|"
                        r"rushed|moved)\b")
VISIT = re.compile(r"\bfor\s+(?:talks|consultations|meetings?|a\s+summit|an?\s+(?:\w+\s+)?visit)\b|\b(?:state|official|working)\s+visit\b")
HELD_GOODS_BEFORE = re.compile(r"\b(?:return(?:ed|ing|s)?|recover(?:ed|ing|y|s)?|the|of|with|in|all)\s+$")
SEIZED_BEFORE = re.compile(r"\b(?:recovered|seized|confiscated|found|discovered|impounded)\b[^.;]{0,50}$")
ARREST_IN = re.compile(r"\b(?:arrest(?:ed|ing|s)?|detain(?:ed|ing)|rounded\s+up)\b")
RELATIVE_PAST = re.compile(r",?\s+(?:who|which|that)\s+had\s+(?:been\s+)?(?!previously|earlier|already|long|once)"
                           r"[^,;.]*")
PRIOR_MARCH = re.compile(r"\b(?:following|after)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}$")
MOB_AFTER = re.compile(r"[^.;]{0,40}?,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:mob|crowd|group)\b")
DRILLS = re.compile(r"\b(?:drills?|military\s+exercises?|joint\s+exercises?|war\s+games|manoeuvres|maneuvers|"
                    r"military\s+parade|live-fire\s+exercises?)\b")
_HURT = r"killed|killing|dead|died|wounded|injured"
KILLED_IN = re.compile(rf"\b(?:{_HURT})\b")
CASUALTY_WORD = re.compile(rf"\b(?:{_HURT}|clash(?:ed|es)?|fired\s+(?:on|at))\b")
COURT = re.compile(r"\b(?:found\s+(?:[\w'’-]+[\s,]+){0,12}?guilty\s+of|convicted\s+(?:\w+\s+){0,3}?(?:of|over|for)|"
                   r"(?:judges?|the\s+court|the\s+tribunal|the\s+jury)\s+(?:\w+\s+){0,2}?(?:found|ruled|held)\s+that)\b")
SUPERLATIVE = re.compile(r"\b(?:deadliest|worst|bloodiest|biggest|largest|most\s+(?:lethal|violent|serious|high-profile))\b"
                         r"(?:(?!\bsince\b)[^.;]){0,80}")  # (but "the deadliest since the 2013 Westgate siege" is history)
TRUCE_IN_FORCE = re.compile(r"\b(?:despite|under|violat(?:ed|es|ing|ion\s+of)|breach(?:ed|es|ing)?(?:\s+of)?|in\s+breach\s+of|"
                            r"defying|flouting|since|during|amid)\s+(?:the|a|an|this|that|its|their)\s+(?:[\w-]+\s+){0,2}$")
TREND_AFTER = re.compile(r"(?:\s+[\w,-]+){0,4}?\s+(?:rose|fell|increased|decreased|declined|doubled|tripled|dropped|surged|"
                         r"jumped|climbed|soared|halved)\s+(?:by|to|from|in\s+(?:19|20)\d\d|sharply|significantly|\d)\b")
ARMED_WITH = re.compile(r"\b(?:armed|equipped)\s+with\s+(?:[\w,-]+\s+){0,6}$")
TALK_ABOUT = re.compile(r"\b(?:comment(?:ed|s|ing)?\s+on|asked\s+about|questions?\s+(?:about|on)|a\s+request\s+for\s+comment\s+on)\s+"
                        r"(?:the\s+|any\s+|such\s+)?(?:[\w-]+\s+){0,2}$")
CALLED_AS = re.compile(r"\b(?:condemn(?:ed|s|ing)?|denounc(?:ed|es|ing)|deplor(?:ed|es|ing))\s+(?:the|this|that|these|"
                       r"[\w'’]+['’]s?)\s+(?:[\w-]+\s+){0,2}$|"  # "condemned Thursday's raid": the news's deed again
                       r"\b(?:condemn(?:ed|s|ing)?|denounc(?:ed|es|ing)|decr(?:ied|ies|ying)|"
                       r"labell?(?:ed|s|ing)|branded|characteri[sz](?:ed|es))\s+[^.;]{0,50}?\bas\s+(?:an?\s+|the\s+)?"
                       r"(?:[\w-]+\s+){0,2}[\"“'‘]?$|\bcall(?:ed|s|ing)\s+(?:it|the\s+[\w-]+)\s+(?:an?\s+)?[\"“'‘]?$")
SPREAD_AFTER = re.compile(r"[^.;]{0,90}?\b(?:spread|spreads|raged|rages|continued|continues|escalated|escalates|intensified|"
                          r"intensifies|grew|grows|widened|widens|dragged\s+on|drags\s+on)\b")
CAMPAIGN_AS = re.compile(r"\b(?:as|amid|while)\s+(?:[\w'’-]+\s+){1,4}?(?:press(?:ed|es|ing)|continu(?:ed|es|ing)|wag(?:ed|es|ing)|"
                         r"push(?:ed|es|ing)\s+(?:on\s+with|ahead\s+with)|kept\s+up|keeps\s+up|intensif(?:ied|ies|ying)|"
                         r"expand(?:ed|s|ing))\s+(?:an?|its|their|the|his|her)\s+(?:[\w-]+\s+){0,2}$")
RESOLVE_BEFORE = re.compile(r"\b(?:resolve|resolving|end|ending|settle|settling|stop|stopping|halt|halting|mediate|mediating)\s+"
                            r"(?:the\s+|a\s+)?(?:recent\s+|ongoing\s+|long-running\s+|deadly\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE)
SINCE_DEED = re.compile(r"\bsince\s+(?:(?:launching|starting|beginning|its|their|the|a|an|last)\s+)+(?:[\w-]+\s+){0,3}$|"
                        # "security had improved since it took over", "since the Taliban seized power"
                        r"\bsince\s+(?:it|they|he|she|we|the\s+[\w-]+(?:\s+[\w-]+)?)\s+$",
                        re.IGNORECASE)
HABITUAL = re.compile(r"(?<!\bthe\s)(?<!\ba\s)\b(?:occasionally|regularly|routinely|frequently|often|sometimes|usually|"
                      r"repeatedly)\s+(?:\w+\s+)?$",
                      re.IGNORECASE)
TRUCE_SINCE = re.compile(r"\b(?:ceasefire|cease-fire|truce|agreement|deal)\s+(?:[\w-]+\s+){0,3}?since\s+[\w\s]{0,20}")
ABSTRACT_AFTER = re.compile(r"\s+(?:against\s+|on\s+)?(?:terrorism|crime|corruption|drugs|drug\s+trafficking|"
                            # "firefighters battling a blaze"
                            r"(?:a|the)\s+(?:[\w-]+\s+)?(?:blaze|fire|fires|flames|wildfire|inferno)|"
                            r"narco-?terrorism|poverty|insecurity|impunity|extremism|games|exercises?|drills?|"
                            r"maneuvers|manoeuvres|(?:were|was)\s+(?:supplied|delivered|sold|given)|"
                            # "armed groups battle for control of cocaine routes and illegal mining": a trade, not a fight
                            r"for\s+control\s+of\s+(?:the\s+)?(?:[\w-]+\s+)?(?:cocaine|drug|smuggling|trafficking|mining|"
                            r"routes|trade|markets?|rackets?))\b")
_MONTH_NAME = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
PAST_PERFECT = re.compile(r"\bhad\s+(?:previously|earlier|already|long|once)\b|"
                          # a report's tally over a period: "In a report covering the period from mid-August 2021",
                          # "IEDs accounted for three-quarters of the casualties", "documented 3,774 civilian casualties"
                          r"\b(?:report|study|survey|review)\s+(?:covering|spanning|on)\s+(?:the\s+)?(?:period|months|years|first|"
                          r"last)\b|\baccounted\s+for\s+(?:[\w-]+\s+){0,3}?(?:of\s+)?(?:the|all)\s+(?:[\w-]+\s+)?"
                          r"(?:casualties|deaths|killings|victims|attacks|incidents)\b|\bdocumented\s+(?:more\s+than\s+|over\s+|at\s+"
                          r"least\s+)?\d[\d,]*\s+(?:[\w-]+\s+)?(?:casualties|deaths|killings|cases|incidents|attacks)\b|"
                          r"\bsince\s+(?:the\s+)?"
                          r"(?:\d{1,2}\s+[a-z]+\s+\d{4}|start|beginning|october|january|february|march|april|may|june|july|"
                          r"august|september|november|december|\d{4})\b|\bso\s+far\s+this\s+year\b|"
                          r"\bin\s+(?:recent|the\s+past)\s+(?:weeks|months|years)\b|"
                          r"\bin\s+the\s+(?:first|second|third|fourth|last|past)\s+(?:quarter|half)\s+of\b|"
                          # "in this decade, 200 people have been killed", "over the last two years"
                          r"\b(?:in|during|over)\s+(?:this|the\s+(?:past|last))\s+(?:\w+\s+)?(?:decades?|years?|months|"
                          r"century)\b|"
                          # "Guanajuato has for years been ...", "the war has killed more than 20,000 people"
                          r"\bfor\s+(?:years|decades)\b|\b(?:has|have|had)\s+[^.;]{0,60}\bfor\s+(?:weeks|months)\b|\b(?:war|conflict|insurgency|fighting|violence|crisis|"
                          r"unrest|uprising)(?:\s+in\s+(?:[\w-]+\s+){0,2}?[\w-]+)?(?:,[^,.]{1,60},)?\s+(?:has|have)\s+"
                          r"(?:\w+\s+)?(?:killed|left|claimed|displaced|cost)\b|"
                          # "the 2013-2018 civil war killed", "weeks of strikes that the Houthis say killed more than
                          # 200", "12,000 civilians have been killed in Ukraine since Russia's full-scale invasion",
                          # "6,200 suspects were killed in anti-drug operations during his presidency"
                          r"\b(?:civil\s+war|war|insurgency|genocide|hostilities)\s+(?:killed|left|claimed)\b|"
                          # "confirmed the deaths of 1,626 civilians in Ukraine between Feb. 24 ... and April 7": a period's tally
                          r"\bbetween\s+(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+\d{1,2})?\b"
                          r"[^.;]{0,80}?\band\s+(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|"
                          # "More than 64,000 people have been killed.": a war's toll in thousands, told with no day
                          r"\b\d{1,3}(?:,\d{3})+\s+(?:[\w-]+\s+){0,2}(?:have|has)\s+(?:\w+\s+)?(?:been\s+killed|died|perished)\b|"
                          # "More than 50,000 people have died in the 13-year war"
                          r"\b(?:have|has|had)\s+(?:died|been\s+killed|perished|lost\s+their\s+lives)\s+(?:in|during|since)\s+"
                          r"(?:the|its|this)\s+(?:[\w-]+\s+){0,3}?(?:war|conflict|insurgency|uprising|rebellion)\b(?!\s+between)|"
                          r"\b(?:19|20)\d\d\s*[-–]\s*(?:19|20)?\d\d\b(?![-/])|"
                          r"\b(?:days|weeks|months|years|decades)\s+of\s+(?:[\w-]+\s+){1,3}(?:that|which)\s+"
                          r"(?:[\w\s]{0,30}?\s)?(?:killed|left)\b|"
                          r"\b(?:have|has|had)\s+been\s+killed\b[^.;]{0,80}\bsince\b|"
                          # "The fighting in Catatumbo since 16 January has ... left at least 80 dead" (not "held since 16
                          # December", the day a kidnapping began)
                          rf"\bsince\s+(?:\d{{1,2}}\s+{_MONTH_NAME}|{_MONTH_NAME}\s+\d{{1,2}})\b[^.;]{{0,80}}\b"
                          r"(?:killed|dead|died|displaced)\b|"
                          r"\b(?:over|during|in|across)\s+the\s+same\s+(?:period|time|span|months|weeks)\b|"
                          # "The fighting erupted in late July after ...": when the war began, not a day of it
                          r"\bthe\s+(?:fighting|war|conflict|violence|insurgency|clashes|unrest|crisis|(?:[\w'’-]+\s+){0,2}?movement|"
                          r"protests|uprising|revolt|campaign)\s+(?:first\s+)?(?:erupted|"
                          r"broke\s+out|began|started)\s+(?:in\s+|on\s+|last\s+)?(?:(?:early|late|mid)[\s-]+)?(?:jan|feb|mar|apr|may|"
                          r"jun|jul|aug|sep|oct|nov|dec|year|month|(?:19|20)\d\d)|"
                          # "the 1998 Omagh car bombing", "the 2013 siege of the Westgate mall": a deed of another year
                          r"\bthe\s+(?:19|20)\d\d\s+(?:[\w'’-]+\s+){0,3}?(?:bombings?|attacks?|siege|massacres?|killings?|assault|"
                          r"raid|ambush|shooting|uprising|war|coup|invasion|riots?|protests?|genocide)\b|"
                          # "Kharkiv has come under intensified attack since Moscow launched ...", "18 journalists have been
                          # detained since mid-May": a period's running story, not a day's deed
                          # (not hostages "held since 16 December", nor clashes "taking place since 11 November": a
                          # deed that began on a day ACLED codes on that day)
                          r"\b(?:has|have)\s+(?!(?:\w+\s+){0,2}(?:held|kept|hostage|captive|missing)\b)(?:[\w-]+\s+){0,4}?[\w-]+\s"
                          r"[^.;]{0,80}\bsince\s+(?!(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|"
                          r"last\s+night|dawn|early|this\s+morning|then|\d{1,2}\s+[a-z]+|[a-z]{3,9}\.?\s+\d{1,2}\b)\b)|"
                          r"\b(?:has|have)\s+deployed\s+(?:[\w-]+\s+){0,3}in\s+the\s+(?:conflict|war|fighting)\b|"
                          # "Government troops have since retaken dozens of villages"
                          r"\b(?:has|have)\s+since\s+(?:[a-z]+ed|taken|retaken|seized|killed|lost|won|fought)\b|"
                          # "Attacks in Afghanistan have killed more than 1,000 civilians since the Taliban took power"
                          r"\b(?:have|has)\s+(?:so\s+far\s+)?killed\b[^.;]{0,80}\bsince\s+(?!(?:monday|tuesday|wednesday|thursday|"
                          r"friday|saturday|sunday|yesterday|last\s+night|dawn|early|this\s+morning)\b)|"
                          # "since the rebel offensive launched on 11 November, more than 2,000 people have died"
                          r"\bsince\b[^;]{0,80}\b(?:have|has)\s+(?:been\s+killed|died|perished|lost\s+their\s+lives)\b|"
                          # "the military government, which has been fighting armed resistance groups since 2021"
                          r"\b(?:has|have)\s+been\s+(?:fighting|battling|waging|combating)\b|"
                          # "at least 15 people had died in protests nationwide before Thursday"
                          r"\bhad\s+(?:died|been\s+killed)\b[^.;]{0,60}\bbefore\b|"
                          # "the Houthis say the campaign has killed more than 200 people"
                          r"\b(?:campaign|war|conflict|insurgency|rebellion|crackdown)\s+(?:has|have)\s+(?:so\s+far\s+|now\s+)?"
                          r"(?:killed|left)\b|"
                          # "more than 4,000 people were killed in Lebanon during more than a year of hostilities"
                          r"\bkilled\b[^.;]{0,60}\bduring\s+(?:more\s+than\s+|over\s+|nearly\s+|almost\s+)?(?:a|an|one|two|"
                          r"three|\d+)\s+(?:years?|months|decades?)\s+of\b|"
                          # "ended more than a year of hostilities in which over 4,000 people were killed"
                          r"\b(?:day|week|month|year|decade)s?\s+of\s+(?:[\w-]+\s+){1,3}(?:in\s+which|during\s+which)\s+"
                          r"[^.;]{0,50}?\b(?:killed|died|dead)\b|"
                          # "fighting ... that began on Jan. 16 has killed at least 80 people": a running toll
                          r"\b(?:began|started|erupted|broke\s+out)\s+(?:on|in|at)\s+[^;]{0,40}?\s(?:has|have)\s+"
                          r"(?:so\s+far\s+)?(?:killed|left)\b|"
                          r"\b(?:between|from)\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+(?:and|to|until)\s+"
                          r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|"
                          r"\bduring\s+(?:his|her|their|the|its)\s+(?:presidency|rule|tenure|term|reign|administration|"
                          r"time\s+in\s+office)\b|"
                          # "the civil war that killed some 400,000 people" (but "fighting that killed 12")
                          # "hostilities that killed over 4,000", "an offensive that the UN says has killed 7,000"
                          r"\b(?:(?:war|insurgency|conflict|uprising|genocide|hostilities|struggle|rebellion)|"
                          r"(?:offensive|campaign)(?=,?\s+(?:that|which)\s+(?:[\w.]+\s+){0,4}?(?:has|have)\s)),?\s+"
                          r"(?:that|which)\s+(?:(?:the\s+)?[\w.]+(?:\s+[\w.]+)?\s+(?:says?|said|estimates?)\s+)?"
                          r"(?:\w+\s+)?(?:killed|left|claimed)\b|"
                          # "hundreds have been killed since then", "has been fighting for 15 years"
                          r"\bsince\s+then\b|\bto\s+date\b|\bfor\s+(?:more\s+than\s+|over\s+|nearly\s+|almost\s+|"
                          r"the\s+past\s+|the\s+last\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|"
                          r"several|many)\s+(?:years|decades)\b")


def _top_level_alternatives(pattern: str) -> list[str]:
    """``a|b(c|d)|e`` -> ``["a", "b(c|d)", "e"]``: split on the ``|`` outside groups and classes."""
    parts: list[str] = []
    depth, start, i, in_class = 0, 0, 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


def _factor_word_boundary(patterns: list[str]) -> str:
    """One regex for a tag's patterns, with the leading ``\\b`` of the alternatives taken out in
    front (``\\b(?:ied|landmines?|...)``): Python's engine then tries the alternatives only at word
    starts, several times faster on long sentences than ``\\bied|\\blandmines?|...``."""
    bounded: list[str] = []
    other: list[str] = []
    for alt in (a for p in patterns for a in _top_level_alternatives(p)):
        (bounded if alt.startswith("\\b") else other).append(alt[2:] if alt.startswith("\\b") else alt)
    parts = ([r"\b(?:" + "|".join(bounded) + ")"] if bounded else []) + [f"(?:{a})" for a in other]
    return "|".join(parts)


@dataclass(frozen=True, slots=True)
class Hit:
    """One trigger: its tag and its span in the document."""

    tag: str
    start: int
    end: int
    text: str


class TriggerTagger:
    """Finds the event triggers of a sentence (loaded once from ``triggers.tsv``)."""

    def __init__(self) -> None:
        patterns: dict[str, list[str]] = {}
        for tag, *rest in read_tsv(DATA / "triggers.tsv", header=False):
            patterns.setdefault(tag.strip(), []).append("\t".join(rest).strip())
        self.patterns = [(tag, re.compile(_factor_word_boundary(ps))) for tag, ps in patterns.items()]

    def tag(self, sentence: str, offset: int = 0) -> list[Hit]:
        """Triggers that report an event in ``sentence`` (``offset``: its start in the document)."""
        low = sentence.lower()
        hits: list[Hit] = []
        # what holds for the whole sentence is read once, not once per trigger
        intercepted = [(d.start(), d.end()) for d in INTERCEPTED.finditer(low)]
        drill_talk = bool(DRILLS.search(low)) and not CASUALTY_WORD.search(low)
        arrests = bool(ARREST_IN.search(low))
        deaths = bool(KILLED_IN.search(low))
        for tag, rx in self.patterns:
            for m in rx.finditer(low):
                left = low[: m.start()]
                scope = left[-60:]
                cut = list(CLAUSE_CUT.finditer(scope))
                if cut:  # "fear of looting as protesters engaged police": the fear ends with its clause
                    scope = scope[cut[-1].end():]
                crowd_held_back = tag == "protest" and CROWD_NOUN.fullmatch(m.group(0)) and bool(HELD_BACK.search(scope))
                if tag != "withdraw" and not crowd_held_back and (PROJECTED.search(scope) or NEGATED.search(left[-25:])
                                                                  or PROPOSED.search(left[-40:])
                                                                  or CALLED_FOR.search(left[-90:])):
                    continue  # (but "to prevent marchers from reaching the palace": the marchers were there)
                word = m.group(0)
                if SPELL_OF.search(left[-30:]):
                    continue  # "following days of unrest": a period that led up to the news
                if any(start <= m.start() < end for start, end in intercepted) and not deaths:
                    continue  # "the air force shot down 30 of the 38 missiles", "a Ukrainian air defence missile"
                    # (but "air defences intercepted Israeli missiles ..., adding that two soldiers were killed": some hit)
                if TALK_ABOUT.search(left[-60:]):
                    continue  # "Kyiv, which does not usually comment on attacks inside Russia": talk of deeds, no deed
                if tag != "kill" and RESPONSE_TO.search(left[-60:]):
                    continue  # "in response to repeated missile launches": the cause of the news, told before
                if tag == "protest" and word.startswith("block") and ARMED_SUBJECT.search(scope):
                    continue  # "the attackers blocked the road and forced passengers out": no demonstration
                if tag in ("ied", "blast") and (low.startswith("-making", m.end()) or arrests and SEIZED_BEFORE.search(scope)):
                    continue  # "arrested four men and recovered bomb-making materials": a seizure, no explosion
                if word.startswith("launch") and re.search(r"\bto\s+$", left[-5:]):
                    continue  # "Army to launch fresh offensive in Sambisa": a headline's plan
                if tag == "arrest" and AFTER_THE.search(left[-25:]):
                    continue  # "riots ... following the arrest of party founder Imran Khan": the cause, told before
                if tag == "presence" and word.startswith("reinforcement") and SENT_AFTER.match(low, m.end()):
                    continue  # "said reinforcements had been sent to the locality": the response to the news, no event
                if tag == "presence" and VISIT.search(low):
                    continue  # "the president arrived in Cairo for talks": a visit
                if tag == "looting" and word == "stolen" and HELD_GOODS_BEFORE.search(left[-25:]):
                    continue  # "to return stolen livestock": what was taken before, no deed of the news
                if tag == "attack" and arrests and RAID_WORD.fullmatch(word):
                    continue  # "police arrested 12 IPOB members during a raid": a search that made arrests
                if tag == "protest" and PRIOR_MARCH.search(left[-45:]) and MOB_AFTER.search(low, m.end()):
                    continue  # "following a tribal solidarity march, a mob of Kuki villagers set fire to houses"
                if tag != "kill" and drill_talk:
                    continue  # "China's military staged a second day of large-scale drills around Taiwan"
                if tag == "agreement" and TRUCE_IN_FORCE.search(left[-40:]):
                    continue  # "despite the ceasefire that took effect on Nov. 27": the truce the news breaks, not a new one
                if CALLED_AS.search(left[-80:]):
                    continue  # "condemned Thursday's raid as a massacre": a word for the news's deed, no other deed
                if tag == "clash" and re.search(r"\b(?:as|amid|while)\s+(?:the\s+)?$", left[-12:]) and SPREAD_AFTER.match(
                        low, m.end()):
                    continue  # "killed 26 in a drone strike, as fighting between the army and Fano spread": the war around it
                if CAMPAIGN_AS.search(left[-70:]):
                    continue  # "..., as Moscow pressed an offensive in the region": the campaign the news belongs to
                if tag == "clash" and RESOLVE_BEFORE.search(left[-45:]):
                    continue  # "reached an agreement ... to resolve the recent clan fighting": what the peace ends
                if SINCE_DEED.search(left[-50:]):
                    continue  # "since launching a new ground offensive earlier this month": what the news follows on
                if HABITUAL.search(left[-30:]):
                    continue  # "sleeper cells still occasionally attack security forces": what they do, not did
                if COURT.search(left):
                    continue  # "the court found him guilty of war crimes ..., including murder, rape", "judges found that
                    # he took part in attacks": what a court rules on is its matter, not news of a deed
                if LEGAL_BEFORE.search(left[-140:]) or LEGAL_RELATIVE.search(left[-220:]) or LEGAL_OVER.search(left[-200:]):
                    continue  # "charged with the murder of", "convicted of the attack": a court's matter
                    # (and "convicting them of the 2016 bombing in Karrada, which killed more than 300")
                if tag in ("capture", "territory") and ATTEMPT_BEFORE.search(scope):
                    continue  # "the forces attempted to seize control of the position and withdrew": a fight, no takeover
                if tag in ("capture", "territory") and word.startswith(PARTICIPLES) and ADJECTIVAL_BEFORE.search(left[-30:]):
                    continue  # "the withdrawal of rebel forces from captured towns": a state of things, no deed
                if tag in ("capture", "territory") and AFTER_CAUSE.search(left[-50:]):
                    continue  # "the deployment comes after Al Shabaab captured several towns"
                if tag in ARMED_TAGS and ABSTRACT_AFTER.match(low, m.end()):
                    continue  # "we continue to battle terrorism", "war games", "missiles supplied to"
                if tag in ("ied", "blast", "shelling", "grenade") and ARMED_WITH.search(left[-70:]):
                    continue  # "militants armed with rifles and mortars attacked the post": their arms, no strike of its own
                if tag in ("ied", "blast", "shelling", "airstrike") and STOCK_BEFORE.search(left[-40:]):
                    continue
                if PLURAL_TRIGGER.search(word) and TREND_AFTER.match(low, m.end()):
                    continue  # "Militant attacks in Pakistan rose by 42 percent in 2024": a statistic
                if (PLURAL_TRIGGER.search(word) and BACKGROUND.search(left[-40:]) and not CONDUCTED.search(left[-50:])
                        and not DONE_WORD.match(word)  # ("the army carried out air strikes on RSF positions")
                        and not (re.fullmatch(r"\W*the\s+", left) and re.match(r"\s+(?:hit|struck|targeted|killed|destroyed)\b",
                                                                             low[m.end():]))):
                    # (but "The strikes hit the Red Sea port in Hodeidah province" tells the news's strikes again)
                    continue  # (but "conducted a series of airstrikes" is one day's operation)
                tag_ = "blast" if tag == "ied" and GENERIC_BLAST.fullmatch(word) else tag
                hits.append(Hit(tag_, offset + m.start(), offset + m.end(), sentence[m.start():m.end()]))
        hits.sort(key=lambda h: h.start)
        return hits

    @staticmethod
    def is_background(sentence: str) -> bool:
        """A sentence about a period or a history ("had previously", "since October")."""
        # "despite a ceasefire in force since November": the truce's age, not the news's
        # (nor does a relative clause on the past of those the deed hit: "recaptured the town from the insurgents,
        # who had held it since August 2020")
        low = RELATIVE_PAST.sub("", TRUCE_SINCE.sub("", sentence.lower()))
        # (nor a superlative's yardstick: "in one of the deadliest massacres in the country in recent years")
        low = SUPERLATIVE.sub("", low)
        return bool(PAST_PERFECT.search(low))


def sub_event_type(tags: set[str], *, agent_state: bool, agent_crowd: bool, target_armed: bool,
                   target_civilian: bool, ground_fight: bool, riot_word: bool = True,
                   agent_armed: bool = False, state_involved: bool = False, crowd_agent: bool = False) -> str:
    """ACLED's sub-event type for an event whose triggers carry ``tags``.

    Priority follows the codebook: demonstrations by crowds first; then a ground battle absorbs the
    remote violence in it (and becomes a territorial change when a side takes control); then the
    weapon decides among remote violence; then violence against civilians; then strategic
    developments.
    """
    demo = tags & {"protest", "riot", "mob", "excessive", "intervention"}
    armed_violence = tags & {"clash", "airstrike", "shelling", "ied", "suicide", "grenade", "chemical"}
    if agent_crowd and "clash" in tags and not tags & {"protest", "airstrike", "shelling", "ied"}:
        # rioters fighting the police are a violent demonstration; rival supporters or youths
        # fighting each other, mob violence
        return "Violent demonstration" if state_involved else "Mob violence"
    # burning and blocking by an armed group (not a crowd) is no demonstration
    if demo and (agent_crowd or "protest" in tags or (not armed_violence and not agent_armed)):
        if "protest" in tags:
            if "excessive" in tags and not tags & {"riot", "clash"}:
                return "Excessive force against protesters"
            if "riot" in tags or "mob" in tags or "clash" in tags or (
                    crowd_agent and tags & {"attack", "kill", "looting"}):
                # "protesters burned a police camp", "some of the protesters assaulted an officer"
                return "Violent demonstration"
            if "intervention" in tags or "arrest" in tags:
                return "Protest with intervention"
            return "Peaceful protest"
        if "excessive" in tags:
            return "Excessive force against protesters"
        if "mob" in tags and (not ("riot" in tags and state_involved) or "kill" in tags):
            return "Mob violence"  # (a mob in running battles with the police riots)
        if "riot" in tags:
            # road blocks, barricades and burning are a demonstration's conduct; a crowd turning on
            # people with nothing demanded is mob violence
            if (tags & {"kill", "attack"} and target_civilian or crowd_agent and "looting" in tags
                    and not state_involved) and not riot_word:
                return "Mob violence"  # ("residents torched the houses of two women suspected of witchcraft")
            return "Violent demonstration"
    if crowd_agent and tags & {"attack", "kill", "looting"} and not armed_violence and not agent_armed:
        # a crowd that attacks, kills or burns with no protest said: mob violence
        return "Mob violence"
    if "premature" in tags and not tags & {"clash", "suicide"}:
        return "Disrupted weapons use"  # a device that went off while being planted or moved
    if "disrupted" in tags and not tags & {"clash", "kill", "attack", "suicide"}:
        return "Disrupted weapons use"
    if "suicide" in tags:
        return "Suicide bomb"
    if "chemical" in tags:
        return "Chemical weapon"
    if ground_fight or ("clash" in tags and not tags & {"airstrike", "shelling"}):
        # ("took control of the town after clashes with the army ..., as troops withdrew": the loser's retreat
        # ends a fight, it does not make the takeover peaceful)
        if ("capture" in tags and "temporary" not in tags or "territory" in tags and (
                "withdraw" not in tags or "clash" in tags and "temporary" not in tags)) and "unopposed" not in tags:
            return "Government regains territory" if agent_state else "Non-state actor overtakes territory"
        if "clash" in tags or target_armed:
            return "Armed clash"
    if "airstrike" in tags:
        return "Air/drone strike"
    if "grenade" in tags:
        return "Grenade"
    if "ied" in tags:
        return "Remote explosive/landmine/IED"
    if "shelling" in tags:
        return "Shelling/artillery/missile attack"
    if "blast" in tags:
        return "Remote explosive/landmine/IED"
    if "capture" in tags and "temporary" in tags:
        return "Armed clash"  # "overran the base before withdrawing with weapons": a raid, no takeover
    if "capture" in tags and "unopposed" not in tags:
        # "seized the town", "recaptured the district": taken by force, whoever gave way
        return "Government regains territory" if agent_state else "Non-state actor overtakes territory"
    if tags & {"territory", "capture"}:
        if "withdraw" in tags or "unopposed" in tags or not tags & {"attack", "kill"}:
            return "Non-violent transfer of territory"
        return "Government regains territory" if agent_state else "Non-state actor overtakes territory"
    if "sexual" in tags:
        return "Sexual violence"
    if "abduction" in tags and "kill" not in tags:
        return "Abduction/forced disappearance"
    if "violence" in tags and target_armed and not target_civilian:
        return "Armed clash"
    if tags & {"attack", "kill", "abduction", "violence"}:
        if target_armed and not target_civilian:
            return "Armed clash"
        if "looting" in tags and "kill" not in tags and "attack" not in tags:
            return "Looting/property destruction"
        return "Attack"
    if "arrest" in tags and agent_state and "looting" in tags:
        return "Arrests"  # "police arrested three journalists ... Their equipment was also confiscated"
    if "looting" in tags:
        return "Looting/property destruction"
    if "disrupted" in tags:
        return "Disrupted weapons use"
    if "arrest" in tags:
        return "Arrests"
    if "base" in tags:
        return "Headquarters or base established"
    if "agreement" in tags:
        return "Agreement"
    if "unopposed" in tags and tags & {"presence", "withdraw"} and (agent_armed or agent_state):
        # "M23 rebels entered Kanyabayonga without meeting resistance, after the army pulled out": a town changing hands
        return "Non-violent transfer of territory"
    if "presence" in tags or "withdraw" in tags:
        return "Change to group/activity"
    if "riot" in tags or "mob" in tags:
        return "Violent demonstration"  # a crowd's violence whose doers the text leaves unclear
    return "Other"


RIOT_WORD = re.compile(r"\briot(?:s|ed|ing|ers|ous)?\b", re.IGNORECASE)
