"""Event triggers and the ACLED sub-event type they add up to."""

import pytest

from app.extraction.classify import TriggerTagger, sub_event_type


@pytest.fixture(scope="module")
def tagger() -> TriggerTagger:
    return TriggerTagger()


def tags(tagger: TriggerTagger, sentence: str) -> set[str]:
    return {h.tag for h in tagger.tag(sentence)}


def test_hit_and_run_on_a_base_is_a_clash_trigger(tagger):
    assert "clash" in tags(tagger, "On 26 May 2025, militants carried out a hit-and-run attack on a base.")


def test_a_date_in_may_is_not_the_modal_may(tagger):
    assert "attack" in tags(tagger, "On 3 May 2024, gunmen attacked a bus in the town.")


@pytest.mark.parametrize(
    "sentence",
    [
        "The army denied that guerrillas attacked the farm.",
        "The group threatened to attack the town if the troops stayed.",
        "Officials warned of possible attacks during the election.",
        "The rebels did not attack the convoy.",
        "We must withdraw our signature and the troops should attack the rebels.",
    ],
)
def test_denied_threatened_and_negated_violence_is_not_an_event(tagger, sentence):
    assert not tags(tagger, sentence) & {"attack", "clash", "kill"}


def test_counted_plural_attacks_are_background(tagger):
    assert not tagger.tag("The United States had responded to the 66 attacks against its forces.")


def test_past_perfect_history_is_background(tagger):
    assert tagger.is_background("The militia had previously attacked the base twice.")
    assert tagger.is_background("In this decade, 200 people have been killed by drug traffickers.")
    assert tagger.is_background("Over the past 10 years many priests have been killed.")
    assert not tagger.is_background("Police had to fire in the air to disperse the crowd.")


def test_generic_explosion_words_are_told_from_named_devices(tagger):
    assert "blast" in tags(tagger, "A loud explosion shook the market.")
    assert "ied" in tags(tagger, "A roadside IED hit the convoy.")


def sub(tags_: set[str], **kw) -> str:
    args = {"agent_state": False, "agent_crowd": False, "target_armed": False, "target_civilian": False,
            "ground_fight": "clash" in tags_}
    args.update(kw)
    return sub_event_type(tags_, **args)


def test_air_strike_inside_a_ground_battle_is_one_armed_clash():
    assert sub({"airstrike", "clash"}) == "Armed clash"


def test_shelling_during_an_air_strike_is_an_air_strike():
    assert sub({"airstrike", "shelling"}) == "Air/drone strike"


def test_abduction_followed_by_a_killing_is_an_attack():
    assert sub({"abduction", "kill"}, target_civilian=True) == "Attack"


def test_state_forces_taking_a_town_in_a_clash_regain_territory():
    assert sub({"clash", "territory"}, agent_state=True) == "Government regains territory"
    assert sub({"clash", "territory"}, agent_state=False) == "Non-state actor overtakes territory"


def test_taking_control_without_clashes_is_a_non_violent_transfer():
    assert sub({"territory", "withdraw"}) == "Non-violent transfer of territory"


def test_attack_on_armed_forces_is_a_battle_and_on_civilians_an_attack():
    assert sub({"attack"}, target_armed=True) == "Armed clash"
    assert sub({"attack", "kill"}, target_civilian=True) == "Attack"


@pytest.mark.parametrize(
    ("tags_", "expected"),
    [
        ({"protest"}, "Peaceful protest"),
        ({"protest", "intervention"}, "Protest with intervention"),
        ({"protest", "excessive"}, "Excessive force against protesters"),
        ({"protest", "riot"}, "Violent demonstration"),
        ({"mob", "kill"}, "Mob violence"),
    ],
)
def test_demonstrations_by_their_conduct(tags_, expected):
    assert sub(tags_, agent_crowd=True) == expected


@pytest.mark.parametrize(
    ("tags_", "expected"),
    [
        ({"presence"}, "Change to group/activity"),
        ({"base"}, "Headquarters or base established"),
        ({"disrupted"}, "Disrupted weapons use"),
        ({"agreement"}, "Agreement"),
        ({"looting"}, "Looting/property destruction"),
        ({"arrest"}, "Arrests"),
        ({"suicide", "ied"}, "Suicide bomb"),
        ({"grenade", "blast"}, "Grenade"),
    ],
)
def test_other_types_by_priority(tags_, expected):
    assert sub(tags_) == expected


def test_a_device_that_went_off_while_being_planted_is_disrupted_weapons_use(tagger):
    tags_ = tags(tagger, "An IED exploded while the militants were planting the device on the road.")
    assert sub(tags_ | {"kill"}) == "Disrupted weapons use"


def test_a_withdrawal_from_bases_is_a_change_to_group_activity(tagger):
    tags_ = tags(tagger, "The regional force withdrew from its bases over unpaid salaries.")
    assert sub(tags_) == "Change to group/activity"


@pytest.mark.parametrize(
    ("sentence", "tag"),
    [
        ("Clan fighting leaves 4 dead in Wajir.", "clash"),
        ("Battles between Garre and Degodia militias in Mandera.", "clash"),
        ("Al Shabaab executes 15 farmers in Mado Gashi.", "kill"),
        ("Residents set a suspected thief alight in Kayole.", "kill"),
        ("A stabbing spree by an unknown group leaves 25 people injured.", "attack"),
        ("Three people wounded by armed cattle rustlers near Baragoi.", "attack"),
        ("Another person dies in a clan war over land.", "violence"),
        ("Forty-five members of al Shabaab are witnessed crossing into Kenya at Sugrow.", "presence"),
        ("Matatu operators block a car park in Kisumu.", "protest"),
        ("Boda boda riders light fires on the highway.", "riot"),
    ],
)
def test_news_phrasings_of_violence_are_triggers(sentence: str, tag: str) -> None:
    assert tag in {h.tag for h in TriggerTagger().tag(sentence)}


@pytest.mark.parametrize(
    "sentence",
    [
        "WE CONTINUE TO BATTLE TERRORISM.",
        "The troops carried out war games at the military school.",
        "He was convicted of the murder of a journalist in 2019.",
        "Two men were sentenced to life in prison for the attack on the mall.",
    ],
)
def test_a_fight_against_an_abstraction_and_a_courts_matter_are_no_triggers(sentence: str) -> None:
    assert not [h for h in TriggerTagger().tag(sentence) if h.tag in ("clash", "attack", "kill")]


def test_protests_against_insecurity_or_corruption_are_still_protests() -> None:
    assert "protest" in {h.tag for h in TriggerTagger().tag("Residents protest insecurity in Eldoret.")}


@pytest.mark.parametrize(
    "sentence",
    [
        "Iraq declared victory over the Islamic State group in 2017, although sleeper cells still occasionally attack "
        "security forces.",
        "Niger's military ruler vowed on Wednesday to \"crush the terrorists\" and attack their bases.",
    ],
)
def test_what_a_group_does_at_times_and_what_a_ruler_vows_are_no_triggers(sentence: str) -> None:
    assert not [h for h in TriggerTagger().tag(sentence) if h.tag in ("clash", "attack", "kill")]


def test_the_frequency_of_arson_attacks_is_still_about_attacks() -> None:
    assert [h.tag for h in TriggerTagger().tag("They no longer feel safe, given the frequently arson attacks.")] == [
        "looting"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Residents lynched a man accused of killing his father.", {"mob", "kill"}),
        ("Last week, the group was blamed for the killing of about 40 people in Lubero.", set()),
        ("Soldiers retreated after exchanging fire with the rebels for an hour.", {"clash", "withdraw"}),
        ("The talks stalled over the withdrawal of rebel forces from captured towns.", {"withdraw"}),
    ],
)
def test_what_someone_is_accused_of_and_a_captured_town_are_no_deeds(tagger, sentence, expected):
    assert tags(tagger, sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia has intensified its attacks on Kharkiv since launching a new ground offensive in the region earlier "
        "this month.",
        "The group has stepped up its raids on villages in the north.",
    ],
)
def test_a_trend_and_what_it_began_with_are_no_deeds(tagger, sentence):
    assert not tags(tagger, sentence) & {"attack", "clash"}


def test_a_toll_of_fighting_that_began_on_a_day_is_background(tagger):
    assert tagger.is_background("Fighting between the ELN and FARC dissidents in the Catatumbo region that began on "
                                "Jan. 16 has killed at least 80 people.")
    assert not tagger.is_background("A bomb blast in Kabul has killed 12 people, police said.")


def test_a_raid_that_made_arrests_is_no_attack(tagger):
    assert "attack" not in tags(tagger, "Police arrested 12 IPOB members during a raid in Owerri.")
    assert "attack" in tags(tagger, "Gunmen raided the village at night, killing three people.")


def test_a_crowd_that_dispersed_of_itself_met_no_intervention(tagger):
    assert "intervention" not in tags(tagger, "Several hundred demonstrators marched to the county offices and "
                                              "dispersed in the afternoon without incident.")
    assert "intervention" in tags(tagger, "Police dispersed the demonstrators with batons.")


def test_air_strikes_an_army_carried_out_are_one_days_deed(tagger):
    assert "airstrike" in tags(tagger, "The Sudanese army carried out air strikes on RSF positions in Omdurman on "
                                       "Thursday.")
    assert "airstrike" in tags(tagger, "The army launched air strikes on rebel positions.")
    assert not tags(tagger, "The recent attacks have displaced thousands.")


def test_a_march_before_a_mobs_deed_is_its_setting(tagger):
    assert "protest" not in tags(tagger, "On 3 May 2023, following a tribal solidarity march, a mob of Kuki villagers "
                                         "set fire to around 20 houses.")
    assert "protest" in tags(tagger, "Police fired tear gas after a protest turned violent in Nairobi.")


def test_a_superlatives_yardstick_is_no_history(tagger):
    assert not tagger.is_background("Gang members stormed the town of Pont-Sonde early Thursday, shooting residents, in "
                                    "one of the deadliest massacres in the country in recent years.")
    assert tagger.is_background("Attacks on aid convoys have increased in recent months.")


def test_the_deadliest_since_an_old_attack_is_still_history(tagger):
    assert tagger.is_background("The attack, which lasted nearly 20 hours, was one of the deadliest in Kenya since the "
                                "2013 Westgate mall siege.")
