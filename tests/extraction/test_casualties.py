"""Casualty figures by ACLED's rules, on sentences as news writes them."""

import pytest

from app.extraction.casualties import CasualtyReader, total


@pytest.fixture(scope="module")
def reader() -> CasualtyReader:
    return CasualtyReader()


def killed(reader: CasualtyReader, sentence: str) -> int:
    return total([reader.read(sentence)], "killed")


def injured(reader: CasualtyReader, sentence: str) -> int:
    return total([reader.read(sentence)], "injured")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Four soldiers were killed in the ambush.", 4),
        ("The gunmen shot dead two police officers at a checkpoint.", 2),
        ("5 soldiers and 30 militants were killed.", 35),
        ("At least 21 fighters, including a local commander, and 2 child bystanders were killed.", 23),
        ("A senior militant, his wife and 3 fighters were killed in the strike.", 5),
        ("An unknown number of militants were killed and wounded.", 3),
        ("Dozens of villagers were killed when raiders stormed the market.", 12),
        ("Hundreds of people died in the fighting.", 100),
        ("Pokot raiders kill eleven Turkana herders near the border.", 11),
        ("A mob lynched a suspected thief in the market on Sunday.", 1),
        ("The insurgents claimed to have killed 20 soldiers and injured 43 others.", 20),
        ("THREE PEOPLE WERE KILLED AND 10 WOUNDED WHEN A BOMB EXPLODED.", 3),
        ("There were no casualties.", 0),
        ("Residents lynch robber", 1),
        ("Police fight armed clans who were preparing to attack villages; one attacker killed", 1),
        ("A Christian church leader is murdered by unknown assailants.", 1),
        ("Two communities clash over land. One death reported.", 1),
        ("The blast caused damage to several shops.", 0),
        ("Seven suspected cattle thieves burned to death by a mob in Kisii.", 7),
        ("Three protesters die after police open fire in Kisumu.", 3),
        ("The commander told his men to fight or die.", 0),
        ("Unidentified assailants stabbed a Hindu priest to death in Rangpur.", 1),
        ("A mob beat two suspected thieves to death in the market.", 2),
        ("A mob lynched a man suspected to have stabbed his wife to death.", 1),
        ("The bodies of six men were found on Wednesday in a ditch.", 6),
        ("Residents refused to let police collect the bodies of three raiders.", 0),
        ("More than a hundred civilians died in the shelling.", 100),
        ("A mob beat to death a man accused of cattle smuggling on Sunday night.", 1),
        ("4 senior foreign militants and several others were killed.", 7),
        ("Five people, including three soldiers, were killed.", 5),
        ("The attack claimed the lives of 14 people.", 14),
        ("Six members of the same family were among those killed.", 6),
    ],
)
def test_fatalities_follow_acled_counting_rules(reader, sentence, expected):
    assert killed(reader, sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The missile attack on the air base caused eight injuries and minor damage.", 8),
        ("2 soldiers were killed, and 1 was injured.", 1),
        ("1 soldier and unspecified civilians were injured.", 4),
        ("Seventeen people were wounded in the grenade attack.", 17),
    ],
)
def test_injuries_are_counted_apart_from_deaths(reader, sentence, expected):
    assert injured(reader, sentence) == expected


def test_a_repeated_toll_across_sentences_is_not_added_twice(reader):
    first = reader.read("Three soldiers were killed in the attack.")
    second = reader.read("The three soldiers killed were from the same unit.", offset=100)
    assert total([first, second], "killed") == 3


def test_victims_on_both_sides_in_separate_sentences_are_added(reader):
    first = reader.read("24 soldiers were killed.")
    second = reader.read("An unknown number of militants were killed and wounded.", offset=30)
    assert total([first, second], "killed") == 27


@pytest.mark.parametrize(
    ("sentence", "dead", "hurt"),
    [
        ("8 killed, 10 injured.", 8, 10),
        ("One killed, two injured in attack.", 1, 2),
        ("Two killed and five injured in the raid.", 2, 5),
    ],
)
def test_headline_figures_each_belong_to_their_own_participle(reader: CasualtyReader, sentence: str,
                                                              dead: int, hurt: int) -> None:
    assert (killed(reader, sentence), injured(reader, sentence)) == (dead, hurt)


def test_a_passive_shared_by_two_verbs_and_a_stated_tally(reader: CasualtyReader) -> None:
    assert killed(reader, "A Borana man is attacked and killed by Somali herders in Garfasa.") == 1
    assert killed(reader, "Post election violence continued. FATALITIES: 2 - ACTORS NOT SPECIFIED") == 2


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("MR. TORRES WAS KILLED AND MR. MENESES WAS WOUNDED.", 1),
        ("HILDA FLORES, A GUATEMALAN SOCIAL DEMOCRATIC LEADER, WAS ABDUCTED AND KILLED IN JANUARY.", 1),
        ("A TRUCK BOMB EXPLODED IN BOGOTA, KILLING AT LEAST 23 PEOPLE AND INJURING 100.", 23),
        ("The colonel's wife, Angela Piedad, was shot to death in Bogota.", 1),
        ("No one was killed.", 0),
        ("Nobody in the village was killed.", 0),
    ],
)
def test_named_victims_at_least_and_nobody(reader: CasualtyReader, sentence: str, expected: int) -> None:
    assert killed(reader, sentence) == expected


def test_the_source_after_the_victims_is_not_one(reader: CasualtyReader) -> None:
    assert killed(reader, "M23 rebels shelled Sake on Wednesday, killing at least six civilians, a local "
                          "official said.") == 6


@pytest.mark.parametrize("sentence,expected", [
    ("Two men, aged 19 and 21, were shot dead in Lima.", 2),
    ("A 45-year-old farmer was killed by gunmen.", 1),
    ("A man aged 45 was killed by gunmen.", 1),
    ("Attorney General Roberto Garcia Alvarado, 56, was killed when a bomb exploded.", 1),
    # one victim named by a noun we do not list
    ("A vigilante group lynched a suspected murderer at Nthangarine.", 1),
    ("Police killed an al Shabaab recruiter during a shootout.", 1),
    ("A prisoner released on Presidential pardon was lynched in Salawa.", 1),
    ("Man found killed, throat slit, in Thiba.", 1),
    ("They were found killed in the forest.", 0),
    ("Police arrested a man in Thika.", 0),
    # a range counts by its lower end
    ("Fighting killed between 10 and 15 civilians.", 10),
    ("The attack killed 5-7 people.", 5),
])
def test_ages_are_not_counts_and_one_victim_may_have_any_noun(reader, sentence, expected):
    assert total([reader.read(sentence)], "killed") == expected



@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A series of quakes in Herat province in October 2023 killed around 1,500 people.", 1500),
        ("In 2020 gunmen killed five farmers.", 5),
        ("An Iraqi court on Wednesday sentenced five men to death.", 0),
        ("A court condemned three soldiers to death for the massacre.", 0),
        ("Police beat five men to death.", 5),
    ],
)
def test_years_are_no_counts_and_a_death_sentence_is_no_death(reader, sentence, expected):
    assert killed(reader, sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Five Kenyan policemen escorting a passenger bus have been killed after al-Shabaab fighters ambushed "
         "their convoy.", 5),
        ("Three soldiers guarding a civilian convoy were killed in the blast.", 3),
    ],
)
def test_a_person_noun_that_qualifies_a_vehicle_is_no_victim(reader, sentence, expected):
    assert killed(reader, sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Residents lynched and set on fire 13 suspected gang members who had been intercepted by police.", 13),
        ("Government soldiers killed and executed a soldier in Qansax Dheere town.", 1),
    ],
)
def test_two_verbs_share_one_object(reader, sentence, expected):
    assert killed(reader, sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ('Dozens of assailants were "neutralised" in the fighting, the ministry said.', 12),
        ("A church pastor is \u201chacked to death\u201d by an unidentified assailant.", 1),
    ],
)
def test_neutralised_is_killed_and_scare_quotes_do_not_hide_a_toll(reader, sentence, expected):
    assert killed(reader, sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("THE SHINING PATH HAS THREATENED TO KILL ALL CANDIDATES IN THE 12 NOVEMBER MUNICIPAL ELECTIONS.", 0),
        ("AN ARMY SPOKESMAN REPORTED TODAY THAT THREE GUERRILLAS OF THE GUATEMALAN NATIONAL REVOLUTIONARY UNITY (URNG) "
         "AND ONE SOLDIER WERE KILLED ON TUESDAY.", 4),
        ("Two soldiers of the 4th Brigade and three civilians were killed.", 5),
    ],
)
def test_a_threat_kills_nobody_and_a_group_named_after_an_item_keeps_the_list(reader, sentence, expected):
    assert killed(reader, sentence) == expected


def test_a_named_person_and_n_others_are_n_plus_one(reader):
    assert killed(reader, "The minister and four other people were killed.") == 5
    assert killed(reader, "Police said three soldiers and two other people were killed.") == 5


def test_the_sources_after_a_bare_figure_are_no_victims(reader):
    assert killed(reader, "Gunmen opened fire at a car wash in Culiacan on Sunday, killing six, Sinaloa state "
                          "prosecutors said.") == 6


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The blast killed 27 people, including 14 soldiers and the bomber, and injured over 60.", 27),
        ("At least 21 fighters, including a local commander, and 2 child bystanders were killed.", 23),
        ("Gunmen killed 10 people, including three children and two women.", 10),
    ],
)
def test_every_item_an_including_clause_lists_is_inside_the_total(reader, sentence, expected):
    assert killed(reader, sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("NAIROBI, Sept 30 - A nine-year-old boy was killed when a grenade was hurled into a church.", 1),
        ("The government reported 18 assailants and one soldier killed, and two soldiers injured.", 19),
        ("Gunmen killed 10 soldiers, and 14 others were injured.", 10),
        ("A suicide bomber blew himself up near a checkpoint, killing himself and three policemen.", 4),
        ("A suicide bomber blew himself up in a teashop, killing at least six people in addition to himself.", 7),
        ("The governor himself was killed in the attack.", 1),
        ("The fighting has displaced more than 36,000 people and left at least 80 dead.", 80),
        ("Al Shabaab claimed to have killed 6 clan militias and 6 others were injured.", 6),
    ],
)
def test_dates_other_clauses_and_the_doer_himself_in_a_toll(reader, sentence, expected):
    assert killed(reader, sentence) == expected


def test_a_new_clause_after_a_toll_keeps_its_own_injured(reader):
    assert injured(reader, "Gunmen killed 10 soldiers, and 14 others were injured.") == 14


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The number of people killed in a missile strike on a railway station rose to 52 on Saturday, including five "
         "children, officials said.", 52),
        ("Officials had said on Friday that 39 people had died at the scene; others died later in hospital.", 39),
    ],
)
def test_the_number_killed_rising_to_a_figure_and_others_beside_a_figure(reader, sentence, expected):
    assert killed(reader, sentence) == expected


def test_some_of_the_victims_named_after_the_figure_are_inside_it(reader):
    assert killed(reader, "At least 30 people, most of them women and children, were burned to death yesterday when "
                          "armed youths set fire to a church.") == 30
