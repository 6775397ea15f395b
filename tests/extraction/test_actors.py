"""The actors stage names what the text says in ACLED's conventions."""

from __future__ import annotations

import time

import pytest

from app.extraction.actors import ActorTagger
from app.extraction.types import ActorMention


@pytest.fixture(scope="module")
def tagger() -> ActorTagger:
    return ActorTagger()


def _find(mentions: list[ActorMention], said: str) -> list[ActorMention]:
    return [m for m in mentions if m.text == said]


# (sentence, event country, words in the text, expected ACLED name, expected inter)
CASES = [
    # state forces, named and generic
    ("Government soldiers raided a village near Afgooye on Monday.", "Somalia",
     "Government soldiers", "Military Forces of Somalia (2022-)", 1),
    ("The Somali National Army repulsed an attack on its base in Moqokori.", "Somalia",
     "Somali National Army", "Military Forces of Somalia (2022-)", 1),
    ("KDF soldiers killed three militants near the border at Mandera.", "Kenya",
     "KDF soldiers", "Military Forces of Kenya (2022-)", 1),
    ("Kenyan police fired tear gas at traders in Kisumu.", "Kenya",
     "Kenyan police", "Police Forces of Kenya (2022-)", 1),
    ("Police officers arrested ten people after the clashes in Eldoret.", "Kenya",
     "Police officers", "Police Forces of Kenya (2022-)", 1),
    ("GSU officers were deployed to Kapedo after the ambush.", "Kenya",
     "GSU officers", "Police Forces of Kenya (2022-) General Service Unit", 1),
    ("Iraqi security forces cordoned off the area after the blast in Tikrit.", "Iraq",
     "Iraqi security forces", "Military Forces of Iraq (2022-)", 1),
    ("THE GUATEMALAN ARMY DENIED THAT THE FARM WAS ATTACKED.", "Guatemala",
     "GUATEMALAN ARMY", "Military Forces of Guatemala", 1),
    # regional and special units of Somalia
    ("Puntland forces clashed with the militants in the Cal Miskaad mountains.", "Somalia",
     "Puntland forces", "Military Forces of Somalia (2022-) Puntland Dervish Force", 1),
    ("Jubaland police arrested two suspects in Kismayo.", "Somalia",
     "Jubaland police", "Police Forces of Somalia (2022-) Jubaland Police Force", 1),
    ("Danab forces carried out a night raid in Lower Shabelle.", "Somalia",
     "Danab forces", "Military Forces of Somalia (2022-) Special Forces", 1),
    ("NISA agents detained a suspected bomb maker in Mogadishu.", "Somalia",
     "NISA agents", "Military Forces of Somalia (2022-) National Intelligence and Security Agency", 1),
    ("The PMPF intercepted a skiff off the coast of Bosaso.", "Somalia",
     "PMPF", "Police Forces of Somalia (2022-) Puntland Maritime Police Force", 1),
    ("Somaliland troops shelled positions near Las Anod.", "Somalia",
     "Somaliland troops", "Military Forces of Somaliland (2024-)", 1),
    # foreign and multinational forces
    ("US forces conducted an airstrike against the group near Jilib.", "Somalia",
     "US forces", "Military Forces of the United States (2025-)", 8),
    ("Ethiopian troops shelled the town of Garbaharey.", "Somalia",
     "Ethiopian troops", "Military Forces of Ethiopia (2018-)", 8),
    ("AUSSOM troops repelled the attack on the base in Bariire.", "Somalia",
     "AUSSOM troops", "AUSSOM: Africa Union Support and Stabilisation Mission in Somalia (2025-)", 8),
    ("International forces conducted an airstrike on a hideout near Jamaame.", "Somalia",
     "International forces", "Unidentified Military Forces", 8),
    # named non-state groups
    ("Al-Shabab fighters ambushed a convoy on the Mogadishu-Afgooye road.", "Somalia",
     "Al-Shabab fighters", "Al Shabaab", 2),
    ("ISIS militants attacked a checkpoint in the Bari region.", "Somalia",
     "ISIS militants", "Islamic State Somalia Province", 2),
    ("Islamic State fighters killed four shepherds near Kirkuk.", "Iraq",
     "Islamic State fighters", "Islamic State (Iraq)", 2),
    ("Boko Haram insurgents burned houses in Gwoza.", "Nigeria",
     "Boko Haram insurgents", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", 2),
    ("Houthi rebels fired a missile at a ship in the Red Sea.", "Yemen",
     "Houthi rebels", "Houthi Movement", 2),
    ("The Rapid Support Forces shelled residential areas of El Fasher.", "Sudan",
     "Rapid Support Forces", "Rapid Support Forces", 2),
    ("M23 rebels seized the town of Rubaya.", "Democratic Republic of Congo",
     "M23 rebels", "M23: March 23 Movement", 2),
    ("Kataib Hezbollah claimed the drone attack on the base.", "Iraq",
     "Kataib Hezbollah", "Kataib Hezbollah", 3),
    ("FMLN URBAN COMMANDOS ATTACKED A POLICE POST IN SAN SALVADOR.", "El Salvador",
     "FMLN", "FMLN: Farabundo Marti National Liberation Front", 2),
    ("SENDERO LUMINOSO GUERRILLAS DYNAMITED A BRIDGE IN AYACUCHO.", "Peru",
     "SENDERO LUMINOSO GUERRILLAS", "Shining Path (Sendero Luminoso)", 2),
    ("Members of the Mungiki sect beheaded two men in Kirinyaga.", "Kenya",
     "Mungiki sect", "Mungiki Militia", 3),
    ("The Mombasa Republican Council was blamed for the attack in Kwale.", "Kenya",
     "Mombasa Republican Council", "MRC: Mombasa Republican Council", 3),
    # a party is the associate of the crowd or the civilians who support it (inter 0), not an armed actor
    ("ODM supporters clashed with rivals in Kibera.", "Kenya",
     "ODM supporters", "ODM: Orange Democratic Movement", 0),
    # identity militias
    ("Abgal clan militia clashed with Al Shabaab near Ceel Dheer.", "Somalia",
     "Abgal clan militia", "Hawiye-Abgal Sub-Clan Militia (Somalia)", 4),
    ("Habar Gidir-Saleban militiamen attacked a rival village.", "Somalia",
     "Habar Gidir-Saleban militiamen", "Hawiye-Habar Gedir-Saleban Sub-Clan Militia (Somalia)", 4),
    ("Majeerteen clan fighters seized the well.", "Somalia",
     "Majeerteen clan fighters", "Darod-Majeerteen Sub-Clan Militia (Somalia)", 4),
    ("Pokot raiders stole 300 cattle in Turkana East.", "Kenya",
     "Pokot raiders", "Pokot Ethnic Militia (Kenya)", 4),
    ("Garre militia attacked Degodia herders in Mandera.", "Kenya",
     "Garre militia", "Garre Ethnic Militia (Kenya)", 4),
    ("Clan militias fought over grazing land near Galkayo.", "Somalia",
     "Clan militias", "Unidentified Clan Militia (Somalia)", 4),
    # unidentified armed groups
    ("Unknown gunmen shot dead a trader in Garissa.", "Kenya",
     "Unknown gunmen", "Unidentified Armed Group (Kenya)", 3),
    ("Armed men abducted two aid workers in Baidoa.", "Somalia",
     "Armed men", "Unidentified Armed Group (Somalia)", 3),
    # crowds
    ("Hundreds of demonstrators marched to parliament in Nairobi.", "Kenya",
     "demonstrators", "Protesters (Kenya)", 6),
    ("An angry mob torched a police vehicle in Kisii.", "Kenya",
     "angry mob", "Rioters (Kenya)", 5),
    # civilians and their groups
    ("The shelling killed three civilians in Beledweyne.", "Somalia",
     "civilians", "Civilians (Somalia)", 7),
    ("Villagers fled after the attack in Lamu.", "Kenya",
     "Villagers", "Civilians (Kenya)", 7),
]


@pytest.mark.parametrize(("sentence", "country", "said", "name", "inter"), CASES)
def test_actor_is_named_as_acled_does(tagger: ActorTagger, sentence: str, country: str, said: str, name: str,
                                      inter: int) -> None:
    found = _find(tagger.tag(sentence, country), said)
    assert found, f"no mention of {said!r} in {[m.text for m in tagger.tag(sentence, country)]}"
    assert (found[0].name, found[0].inter) == (name, inter)


def test_militants_alone_are_anaphoric(tagger: ActorTagger) -> None:
    m = _find(tagger.tag("The militants later withdrew from the town.", "Somalia"), "militants")
    assert len(m) == 1 and m[0].kind == "anaphor" and m[0].name == ""


def test_generic_forces_without_country_stay_generic(tagger: ActorTagger) -> None:
    m = _find(tagger.tag("Soldiers opened fire on the crowd."), "Soldiers")
    assert m[0].name == "Military Forces" and m[0].generic


def test_country_named_in_mention_beats_missing_event_country(tagger: ActorTagger) -> None:
    m = _find(tagger.tag("Kenyan police opened fire on the crowd."), "Kenyan police")
    assert m[0].name == "Police Forces of Kenya (2022-)" and not m[0].generic


def test_woman_victim_carries_women_group(tagger: ActorTagger) -> None:
    ms = _find(tagger.tag("A woman was shot dead in Hodan district.", "Somalia"), "A woman")
    assert [(m.name, m.kind) for m in ms] == [("Civilians (Somalia)", "civilians"), ("Women (Somalia)", "assoc_group")]


def test_students_protesting_are_protesters_with_students_group(tagger: ActorTagger) -> None:
    ms = _find(tagger.tag("University students protested against fee increases in Nairobi.", "Kenya"),
               "University students")
    assert [(m.name, m.inter) for m in ms] == [("Protesters (Kenya)", 6), ("Students (Kenya)", 0)]


def test_mob_justice_is_rioters_with_vigilante_group(tagger: ActorTagger) -> None:
    ms = tagger.tag("Residents lynched a suspected thief in Kayole.", "Kenya")
    assert [(m.text, m.name) for m in ms] == [
        ("Residents", "Rioters (Kenya)"),
        ("Residents", "Vigilante Group (Kenya)"),
        ("suspected thief", "Civilians (Kenya)"),
    ]


def test_coordinated_clans_share_the_militia_head(tagger: ActorTagger) -> None:
    ms = tagger.tag("Hawadle and Abgal clan militias fought near Mataban.", "Somalia")
    assert [m.name for m in ms] == ["Hawiye-Hawadle Sub-Clan Militia (Somalia)",
                                    "Hawiye-Abgal Sub-Clan Militia (Somalia)"]


def test_clan_named_as_community_is_a_group_not_a_militia(tagger: ActorTagger) -> None:
    ms = _find(tagger.tag("Gunmen killed two members of the Marehan clan in Garbaharey.", "Somalia"),
               "Marehan clan")
    assert ms[0].name == "Darod-Marehan Sub-Clan Group (Somalia)" and ms[0].kind == "assoc_group"


def test_ethnic_name_of_a_county_is_not_a_militia(tagger: ActorTagger) -> None:
    ms = tagger.tag("Two people were killed in West Pokot and in Turkana County.", "Kenya")
    assert not [m for m in ms if m.kind == "identity_militia"]


def test_parenthesised_acronym_names_the_generic_force(tagger: ActorTagger) -> None:
    ms = tagger.tag("Government security forces (NISA) raided a house in Hodan.", "Somalia")
    assert [m.name for m in ms if m.kind == "state"] == [
        "Military Forces of Somalia (2022-) National Intelligence and Security Agency"]


def test_non_aussom_is_not_aussom(tagger: ActorTagger) -> None:
    ms = tagger.tag("Ethiopian security forces (non-AUSSOM) shelled Luuq.", "Somalia")
    assert [m.name for m in ms] == ["Military Forces of Ethiopia (2018-)"]


def test_anti_government_forces_are_not_state_forces(tagger: ActorTagger) -> None:
    ms = tagger.tag("Anti-government forces attacked the town.", "Myanmar")
    assert [(m.text, m.kind) for m in ms] == [("Anti-government forces", "anaphor")]


def test_us_is_not_the_united_states_in_mixed_case(tagger: ActorTagger) -> None:
    ms = tagger.tag("They told us that soldiers had left.", None)
    assert [m.name for m in ms] == ["Military Forces"]


def test_islamic_state_is_named_by_event_country(tagger: ActorTagger) -> None:
    text = "Islamic State claimed the attack."
    assert _find(tagger.tag(text, "Nigeria"), "Islamic State")[0].name == "Islamic State West Africa Province"
    assert _find(tagger.tag(text, "Somalia"), "Islamic State")[0].name == "Islamic State Somalia Province"


def test_mentions_are_sorted_and_do_not_overlap(tagger: ActorTagger) -> None:
    text = ("On 3 May, Al Shabaab militants attacked government troops and Macawisley militia in "
            "Ceel Baraf; two civilians, a woman and a child, were killed by stray bullets.")
    ms = [m for m in tagger.tag(text, "Somalia") if m.kind != "assoc_group"]
    assert [m.start for m in ms] == sorted(m.start for m in ms)
    assert all(a.end <= b.start for a, b in zip(ms, ms[1:], strict=False))
    assert [m.name for m in ms][:3] == ["Al Shabaab", "Military Forces of Somalia (2022-)", "Ma'awisley Militia"]


def test_tagging_a_note_takes_well_under_a_millisecond(tagger: ActorTagger) -> None:
    text = ("On 1 April 2025, US forces, in coordination with government security forces (SNA), conducted an "
            "airstrike targeting Islamic State Somalia Province hideout in the southeast of Bosaso, in Miraale "
            "area in Buuraha Cali Miskat. Multiple militants were killed and wounded.")
    tagger.tag(text, "Somalia")
    t0 = time.perf_counter()
    for _ in range(200):
        tagger.tag(text, "Somalia")
    assert (time.perf_counter() - t0) / 200 < 0.002


def test_sponsored_militias_are_named_by_their_sponsor(tagger: ActorTagger) -> None:
    ms = tagger.tag("U.S. jets struck Iranian-backed militias near Al-Qaim.", "Iraq")
    assert [(m.text, m.name, m.inter) for m in ms] == [
        ("U.S. jets", "Military Forces of the United States (2025-)", 8),
        ("Iranian-backed militias", "Unidentified Pro-Iran Militia (Iraq)", 3),
    ]


def test_government_backed_militia_is_not_a_foreign_proxy(tagger: ActorTagger) -> None:
    ms = tagger.tag("Somali-backed militias clashed with Al Shabaab.", "Somalia")
    assert not [m for m in ms if "Pro-" in m.name]


def test_aircraft_need_a_country_to_be_an_actor(tagger: ActorTagger) -> None:
    assert tagger.tag("Drones struck a car near Jilib.", "Somalia") == []
    ms = tagger.tag("Turkish drones struck a car near Jilib.", "Somalia")
    assert [(m.name, m.inter) for m in ms] == [("Military Forces of Turkey (2016-)", 8)]


def test_lineage_written_out_keeps_unlisted_sub_clans(tagger: ActorTagger) -> None:
    ms = tagger.tag("Darod-Marehan-Reer-Dini sub-clan and Hawiye-Habar Gedir-Ayr-Ayanle sub-clan militia clashed "
                    "near Oodaale.", "Somalia")
    assert [m.name for m in ms] == ["Darod-Marehan-Reer-Dini Sub-Clan Militia (Somalia)",
                                    "Hawiye-Habar Gedir-Ayr-Ayanle Sub-Clan Militia (Somalia)"]


def test_slash_joined_acronyms_are_both_named(tagger: ActorTagger) -> None:
    ms = tagger.tag("Government security forces (SNA/Danab) clashed with Al Shabaab in Leego.", "Somalia")
    assert [m.name for m in ms] == ["Military Forces of Somalia (2022-)",
                                    "Military Forces of Somalia (2022-) Special Forces", "Al Shabaab"]


def test_herdsmen_who_attack_are_the_ethnic_militia(tagger: ActorTagger) -> None:
    ms = tagger.tag("Fulani herdsmen attacked farmers in Benue.", "Nigeria")
    assert [(m.text, m.name, m.inter) for m in ms if m.kind != "assoc_group"] == [
        ("Fulani herdsmen", "Fulani Ethnic Militia (Nigeria)", 4),
        ("farmers", "Civilians (Nigeria)", 7),
    ]


def test_ethnic_victim_is_a_group_not_a_militia(tagger: ActorTagger) -> None:
    ms = tagger.tag("An Ilchamus man is killed by a communal militia in Baringo South.", "Kenya")
    assert [(m.text, m.name) for m in ms] == [
        ("Ilchamus", "Ilchamus Ethnic Group (Kenya)"),
        ("man", "Civilians (Kenya)"),
        ("communal militia", "Unidentified Communal Militia (Kenya)"),
    ]


def test_israeli_settlers_and_palestinian_civilians(tagger: ActorTagger) -> None:
    ms = tagger.tag("Israeli settlers attacked Palestinian villagers near Nablus.", "Palestine")
    assert [(m.name, m.inter) for m in ms] == [("Settlers (Israel)", 3), ("Civilians (Palestine)", 7)]


def test_bare_ethnic_name_is_a_militia_only_when_it_acts(tagger: ActorTagger) -> None:
    assert [m.name for m in tagger.tag("Suspected Turkana kill 3 in Nachola.", "Kenya")] == [
        "Turkana Ethnic Militia (Kenya)"]
    assert [m.name for m in tagger.tag("Clashes between Kalenjin and Maasais in Narok.", "Kenya")] == [
        "Kalenjin Ethnic Militia (Kenya)", "Maasai Ethnic Militia (Kenya)"]
    assert [m.kind for m in tagger.tag("The Meru governor opened a market.", "Kenya")] == ["civilians",
                                                                                          "assoc_group"]


def test_common_words_are_not_group_acronyms(tagger: ActorTagger) -> None:
    ms = tagger.tag("Let the talks begin, said the minister; LET US PRAY.", "Pakistan")
    assert not [m for m in ms if m.kind in ("rebel", "political_militia")]


def test_national_contingent_of_a_mission_is_the_mission(tagger: ActorTagger) -> None:
    ms = tagger.tag("Ugandan troops (AUSSOM) repulsed an Al Shabaab attack on their base.", "Somalia")
    assert [m.name for m in ms] == ["AUSSOM: Africa Union Support and Stabilisation Mission in Somalia (2025-)",
                                    "Al Shabaab"]


def test_off_duty_soldier_is_a_civilian(tagger: ActorTagger) -> None:
    ms = tagger.tag("Al Shabaab shot and killed a government soldier (SNA) (off duty) in Belet Xaawo.", "Somalia")
    assert [(m.name, m.inter) for m in ms] == [("Al Shabaab", 2), ("Civilians (Somalia)", 7)]
    ms = tagger.tag("Gunmen killed an off-duty police officer in Garissa.", "Kenya")
    assert [(m.name, m.inter) for m in ms] == [("Unidentified Armed Group (Kenya)", 3), ("Civilians (Kenya)", 7)]


def test_reporting_sources_are_not_actors(tagger: ActorTagger) -> None:
    ms = tagger.tag("Gunmen killed two traders in Mandera, police said, according to local officials.", "Kenya")
    assert [m.text for m in ms if m.kind not in ("assoc_group",)] == ["Gunmen", "traders"]


def test_a_somali_lineage_written_out_is_that_sub_clan_militia_not_a_kenyan_community():
    from app.extraction.actors import ActorTagger

    names = [m.name for m in ActorTagger().tag(
        "Rahanweyn-Digil-Garre sub-clan militia abducted a civilian in Qoryooley town.", None)]
    assert "Rahanweyn-Digil-Garre Sub-Clan Militia (Somalia)" in names


def test_lower_case_article_of_a_named_group_is_still_the_group(tagger: ActorTagger) -> None:
    mentions = tagger.tag("Police killed a wanted al-Shabaab fighter in the coastal town of Kwale.", "Kenya")
    assert [m.name for m in _find(mentions, "al-Shabaab")] == ["Al Shabaab"]
    assert tagger.tag("The jubilee party was held in the village hall.", "Kenya") == []


def test_identity_groups_point_to_their_home_country(tagger: ActorTagger) -> None:
    text = "Hundreds of Maasai protested in the town."
    assert [(text[s:e], c) for s, e, c in tagger.identity_homes(text)] == [("Maasai", "Kenya")]



def test_state_actors_carry_the_regime_period_of_the_event(tagger: ActorTagger) -> None:
    from datetime import date

    assert tagger.dated("Police Forces of Kenya (2022-) General Service Unit", date(2016, 5, 1)) == (
        "Police Forces of Kenya (2013-2022) General Service Unit")
    assert tagger.dated("Military Forces of Kenya (2022-)", date(2008, 1, 2)) == "Military Forces of Kenya (2002-2013)"
    assert tagger.dated("Military Forces of Kenya (2022-)", date(2024, 1, 2)) == "Military Forces of Kenya (2022-)"
    assert tagger.dated("Military Forces of the United States (2025-)", date(2019, 3, 1)) == (
        "Military Forces of the United States (2017-2021)")
    assert tagger.dated("Al Shabaab", date(2010, 1, 1)) == "Al Shabaab"


def test_an_unknown_earlier_period_is_left_out(tagger: ActorTagger) -> None:
    from datetime import date

    assert tagger.dated("Police Forces of Pakistan (2024-)", date(2023, 5, 9)) == "Police Forces of Pakistan"


def test_an_identity_group_named_as_rebels_is_its_militia(tagger: ActorTagger) -> None:
    mentions = tagger.tag("Tuareg rebels said they killed dozens of Malian soldiers near Tinzaouaten.", "Mali")
    assert [m.name for m in _find(mentions, "Tuareg rebels")] == ["Tuareg Ethnic Militia (Mali)"]


def test_foreign_nationals_are_civilians_of_their_own_country(tagger: ActorTagger) -> None:
    mentions = tagger.tag("The bomber killed five Chinese nationals and their Pakistani driver.", "Pakistan")
    assert [m.name for m in _find(mentions, "Chinese nationals")] == ["Civilians (China)"]


def test_police_who_report_are_a_source(tagger: ActorTagger) -> None:
    mentions = tagger.tag("POLICE TODAY REPORTED THAT TERRORISTS STAGED THREE BOMB ATTACKS.", "Chile")
    assert not _find(mentions, "POLICE")


def test_a_gang_the_tables_do_not_know_is_named_after_itself(tagger: ActorTagger) -> None:
    names = [a.name for a in tagger.tag("The Gran Grif gang claimed responsibility for the attack.", "Haiti")]
    assert names == ["Gran Grif Gang"]
    assert [a.name for a in tagger.tag("Rival gangs clashed in the capital.", "Haiti")] == [
        "Unidentified Armed Group (Haiti)"]
    # a gang the tables know keeps its own name
    assert "SLDF: Sabaot Land Defence Force" in [a.name for a in tagger.tag("Villagers were attacked by the SLDF gang.",
                                                                           "Kenya")]


def test_a_general_staff_is_the_military_not_a_labour_group(tagger):
    names = [a.name for a in tagger.tag("Ukraine's general staff said its troops had repelled dozens of Russian "
                                        "assaults near the city of Pokrovsk.", None)]
    assert not any("Labor" in n or "Civilians" in n for n in names)
    assert "Military Forces of Ukraine (2019-)" in names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the MNDAA took control of Laukkai town", "MNDAA: Myanmar National Democratic Alliance Army"),
        ("fighters of the Ta'ang National Liberation Army seized the town", "TNLA: Ta'ang National Liberation Army"),
        ("a Turkish drone killed two YBS members near Sinune", "YBS: Sinjar Resistance Units"),
    ],
)
def test_more_named_armed_groups(tagger, text, expected):
    assert expected in [a.name for a in tagger.tag(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("members of the 400 Mawozo gang abducted 17 missionaries", "400 Mawozo Gang"),
        ("the G9 alliance led by Jimmy Cherizier", "G9 Family and Allies"),
        ("the Viv Ansanm coalition of gangs", "Viv Ansanm"),
    ],
)
def test_haitis_gangs_keep_their_own_names(tagger, text, expected):
    assert expected in [a.name for a in tagger.tag(text)]


def test_an_infantry_brigade_is_the_army(tagger):
    assert [a.kind for a in tagger.tag("guerrillas fired mortars at the headquarters of the 3rd Infantry Brigade")
            if "Brigade" in a.text] == ["state"]
