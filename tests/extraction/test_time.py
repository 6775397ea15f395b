"""The time stage: each case is a realistic news sentence and the day (and precision) it codes."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest

from app.extraction.time import TimeTagger, resolve_relative
from app.extraction.types import TimeMention

# 2023-11-21 is a Tuesday; 2025-04-03 a Thursday.
TUE = date(2023, 11, 21)
THU = date(2025, 4, 3)


@pytest.fixture(scope="module")
def tagger() -> TimeTagger:
    return TimeTagger()


def first_event_time(tagger: TimeTagger, text: str, published_at: date) -> TimeMention:
    mentions = [m for m in tagger.tag(text, published_at) if not m.background]
    assert mentions, f"no event time found in {text!r}"
    return mentions[0]


# (sentence, published_at, mention text, date, precision)
EXPLICIT = [
    ("On 1 April 2025, US forces conducted an airstrike near Bosaso.", THU, "1 April 2025", date(2025, 4, 1), 1),
    ("Gunmen attacked a police post on April 1, 2025, officials said.", THU, "April 1, 2025", date(2025, 4, 1), 1),
    ("The clashes broke out on the 1st of April in Kismayo.", THU, "the 1st of April", date(2025, 4, 1), 1),
    ("Militants stormed the base on Apr. 1 before dawn.", THU, "Apr. 1", date(2025, 4, 1), 1),
    ("Police said the raid took place on 30 Dec in Garissa.", date(2025, 1, 2), "30 Dec", date(2024, 12, 30), 1),
    ("The incident, dated 2025-04-01 in the police log, left two dead.", THU, "2025-04-01", date(2025, 4, 1), 1),
    ("The report of 04/06/2025 lists three civilians killed.", date(2025, 6, 10), "04/06/2025", date(2025, 6, 4), 1),
    ("Protesters blocked the highway on 19/03 in Eldoret.", THU, "19/03", date(2025, 3, 19), 1),
    ("Protesters blocked the highway on 9/3 in Eldoret.", THU, "9/3", date(2025, 3, 9), 1),
    ("The form gives the date as 03/19/2025 for the attack.", THU, "03/19/2025", date(2025, 3, 19), 1),
    ("Al Shabaab attacked the camp on the night of 5 April.", date(2025, 4, 7), "the night of 5 April", date(2025, 4, 5), 1),
    ("Fighting continued between 1 and 3 April in Baidoa.", date(2025, 4, 5), "between 1 and 3 April", date(2025, 4, 1), 2),
    ("Clashes erupted in early March near the border.", THU, "early March", date(2025, 3, 5), 2),
    ("Displacement peaked in mid-March, the agency said.", THU, "mid-March", date(2025, 3, 15), 2),
    ("Several villages were burned in March 2025.", date(2025, 5, 1), "March 2025", date(2025, 3, 15), 3),
    ("The strikes on Tuesday, 21 November targeted two facilities.", date(2023, 11, 23), "Tuesday, 21 November", TUE, 1),
    ("Around 4 June 2025 (as reported), traders protested in Mogadishu.", date(2025, 6, 6), "Around 4 June 2025", date(2025, 6, 4), 2),
    ("In the week of 1 May 2024, gunmen abducted a chief in Wajir.", date(2024, 5, 20), "In the week of 1 May 2024", date(2024, 5, 1), 2),
    ("HE ADDED THAT ON 3 FEBRUARY PRESIDENT CEREZO MET WITH THE DIPLOMATS.", date(1990, 2, 4), "3 FEBRUARY", date(1990, 2, 3), 1),
    ("On 4 March 10 people were killed in the market.", THU, "4 March", date(2025, 3, 4), 1),
]


@pytest.mark.parametrize(("text", "published_at", "span", "expected", "precision"), EXPLICIT)
def test_explicit_dates_resolve_to_the_day_written(
    tagger: TimeTagger, text: str, published_at: date, span: str, expected: date, precision: int
) -> None:
    m = first_event_time(tagger, text, published_at)
    assert (m.text, m.date, m.precision, m.anchor) == (span, expected, precision, "absolute")
    assert text[m.start : m.end] == m.text


# (sentence, published_at, mention text, date, precision, offset_days)
REPORT_RELATIVE = [
    ("Hundreds of students took to the streets today in Nairobi.", TUE, "today", TUE, 1, 0),
    ("A grenade exploded in a bar tonight, injuring four.", TUE, "tonight", TUE, 1, 0),
    ("Gunmen killed a chief this morning in Mandera.", TUE, "this morning", TUE, 1, 0),
    ("Two people were shot dead yesterday in Kisumu.", TUE, "yesterday", date(2023, 11, 20), 1, -1),
    ("HEAVY FIGHTING RAGED LAST NIGHT IN NORTHWESTERN SAN SALVADOR.", date(1990, 2, 18), "LAST NIGHT", date(1990, 2, 17), 1, -1),
    ("Militants shelled the town overnight.", TUE, "overnight", date(2023, 11, 20), 1, -1),
    ("Police dispersed rioters the day before yesterday.", TUE, "the day before yesterday", date(2023, 11, 19), 1, -2),
    ("The strikes on Tuesday evening targeted two facilities in Iraq.", TUE, "Tuesday evening", TUE, 1, 0),
    ("Rebels ambushed a convoy on Sunday near Beni.", TUE, "Sunday", date(2023, 11, 19), 1, -2),
    ("His car was sprayed with bullets at the turn-off last Friday.", TUE, "last Friday", date(2023, 11, 17), 1, -4),
    ("A GUERRILLA COLUMN ATTACKED THE FARM 2 DAYS AGO.", date(1990, 2, 4), "2 DAYS AGO", date(1990, 2, 2), 1, -2),
    ("Herders clashed with farmers two days ago in Tana River.", TUE, "two days ago", date(2023, 11, 19), 1, -2),
    ("Troops raided the village last week, residents said.", TUE, "last week", date(2023, 11, 14), 2, -7),
    ("Protests spread to Mombasa earlier this week.", date(2023, 11, 23), "earlier this week", date(2023, 11, 20), 2, -3),
    ("Traders went on strike last month over new taxes.", TUE, "last month", date(2023, 10, 15), 3, -37),
]


@pytest.mark.parametrize(("text", "published_at", "span", "expected", "precision", "offset"), REPORT_RELATIVE)
def test_report_relative_times_count_from_the_publication_date(
    tagger: TimeTagger, text: str, published_at: date, span: str, expected: date, precision: int, offset: int
) -> None:
    m = first_event_time(tagger, text, published_at)
    assert (m.text, m.date, m.precision, m.anchor, m.offset_days) == (span, expected, precision, "report", offset)


# (sentence, mention text, offset_days)
EVENT_RELATIVE = [
    ("About 24 hours earlier, U.S. forces at an air base west of Baghdad were attacked.", "About 24 hours earlier", -1),
    ("The camp had been shelled a day earlier.", "a day earlier", -1),
    ("Residents said militants had visited the village the previous day.", "the previous day", -1),
    ("The victim was rescued the next day by police.", "the next day", 1),
    ("Youths blocked the road again the following day.", "the following day", 1),
    ("Two days later, the group burned the chief's house.", "Two days later", 2),
    ("Hours later, a second blast hit the market.", "Hours later", 0),
]


@pytest.mark.parametrize(("text", "span", "offset"), EVENT_RELATIVE)
def test_event_relative_times_carry_an_offset_to_the_previous_event(
    tagger: TimeTagger, text: str, span: str, offset: int
) -> None:
    m = first_event_time(tagger, text, TUE)
    assert (m.text, m.anchor, m.offset_days) == (span, "previous", offset)
    assert resolve_relative(m, date(2023, 11, 10)) == date(2023, 11, 10 + offset)


def test_event_relative_fallback_never_passes_the_report_date(tagger: TimeTagger) -> None:
    m = first_event_time(tagger, "The kidnapped teacher was rescued four days later.", TUE)
    assert (m.offset_days, m.date) == (4, TUE)
    earlier = first_event_time(tagger, "The camp had been shelled a day earlier.", TUE)
    assert earlier.date == date(2023, 11, 20)


# (sentence, published_at, mention text)
BACKGROUND = [
    ("Al Shabaab has controlled the town since October.", TUE, "since October"),
    ("The conflict has displaced thousands since 2019.", TUE, "since 2019"),
    ("Attacks have doubled over the past year.", TUE, "over the past year"),
    ("Similar violence had occurred in recent weeks.", TUE, "in recent weeks"),
    ("During 2023 the group expanded into Puntland.", TUE, "2023"),
    ("PRESIDENT CEREZO HAS BEEN STAYING THERE SINCE 2 FEBRUARY.", date(1990, 2, 4), "2 FEBRUARY"),
]


@pytest.mark.parametrize(("text", "published_at", "span"), BACKGROUND)
def test_background_times_are_returned_but_marked(tagger: TimeTagger, text: str, published_at: date, span: str) -> None:
    mentions = tagger.tag(text, published_at)
    assert [(m.text, m.background) for m in mentions] == [(span, True)]


def test_wire_dateline_is_background_and_the_story_date_follows(tagger: TimeTagger) -> None:
    text = (
        "GUATEMALA CITY, 4 FEB 90 (ACAN-EFE) -- [TEXT] A REPORT SAYS THAT A GUERRILLA COLUMN ATTACKED "
        "THE FARM 2 DAYS AGO."
    )
    mentions = tagger.tag(text, date(1990, 2, 4))
    assert [(m.text, m.date, m.background) for m in mentions] == [
        ("4 FEB 90", date(1990, 2, 4), True),
        ("2 DAYS AGO", date(1990, 2, 2), False),
    ]


def test_a_day_said_beside_a_verb_of_saying_dates_the_statement(tagger: TimeTagger) -> None:
    text = "THE GUATEMALA ARMY DENIED TODAY THAT GUERRILLAS ATTACKED THE FARM ON 2 FEBRUARY."
    mentions = tagger.tag(text, date(1990, 2, 4))
    assert [(m.text, m.background) for m in mentions] == [("TODAY", True), ("2 FEBRUARY", False)]
    m = first_event_time(tagger, "Rebels attacked the base yesterday, police said.", TUE)
    assert (m.text, m.background) == ("yesterday", False)


NOT_DATES = [
    "On 7 August 2025, for the seventh day, US forces conducted an airstrike.",
    "Police imposed a 24-hour curfew on the town.",
    "Call the hotline on 0722 123 456 to report incidents.",
    "Al Shabaab attacked forces near 5 Golaha Sare, Lafoole village.",
    "Soldiers opened fire at civilians in K50 village.",
    "A 4x4 vehicle struck a landmine.",
    "The 9/11 attacks changed US policy in the region.",
    "Turnout fell by 12 percent, or 5% in some wards, with 1,000 voters turned away.",
    "The attack began at 10:30 and lasted an hour.",
    "Protesters may march to the governor's office.",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_numbers_and_words_that_are_not_dates_are_left_alone(tagger: TimeTagger, text: str) -> None:
    texts = [m.text for m in tagger.tag(text, TUE)]
    assert texts in ([], ["7 August 2025"])


def test_yearless_date_takes_the_nearest_year_leaning_to_the_past(tagger: TimeTagger) -> None:
    assert first_event_time(tagger, "Fighting resumed on 25 November.", TUE).date == date(2023, 11, 25)
    # nine days ahead is nearer than a year back (a day ahead is no event's: background); two months
    # ahead is not
    assert [(m.date, m.background) for m in tagger.tag("Elections are due on 30 November.", TUE)] == [
        (date(2023, 11, 30), True)
    ]
    assert first_event_time(tagger, "Fighting resumed on 25 January.", TUE).date == date(2023, 1, 25)
    assert first_event_time(tagger, "Police raided the camp on 28 December.", date(2024, 1, 3)).date == date(2023, 12, 28)


def test_two_digit_year_of_a_wire_date(tagger: TimeTagger) -> None:
    m = first_event_time(tagger, "THE ATTACK TOOK PLACE ON 29 AUG 89 IN MEDELLIN.", date(1989, 8, 30))
    assert (m.text, m.date) == ("29 AUG 89", date(1989, 8, 29))


def test_a_mixed_case_verb_is_no_month_but_upper_case_wire_months_are(tagger: TimeTagger) -> None:
    assert tagger.tag("Thousands march in the capital.", TUE) == []
    m = first_event_time(tagger, "THOUSANDS MARCHED IN THE CAPITAL IN MAY 1989.", date(1989, 6, 1))
    assert (m.text, m.date, m.precision) == ("MAY 1989", date(1989, 5, 15), 3)


def test_mentions_are_sorted_and_spans_point_into_the_text(tagger: TimeTagger) -> None:
    text = "Militants attacked Mandera on Sunday. The next day, troops pursued them; on 21 November they withdrew."
    mentions = tagger.tag(text, TUE)
    assert [m.text for m in mentions] == ["Sunday", "The next day", "21 November"]
    assert all(text[m.start : m.end] == m.text for m in mentions)


def test_tagging_a_short_note_is_fast(tagger: TimeTagger) -> None:
    text = (
        "On 6 May 2025, overnight, Al Shabaab attacked government security forces (SNA) and engaged them "
        "in an armed clash near 5 Golaha Sare, Lafoole village. There were no casualties. The previous "
        "day, militants had shelled the base in Afgooye town."
    )
    n = 300
    t0 = time.perf_counter()
    for _ in range(n):
        tagger.tag(text, date(2025, 5, 9))
    per_call = (time.perf_counter() - t0) / n
    assert per_call < 0.001  # budget is 0.1 ms; a loose bound keeps the test stable on a busy machine


# (sentence, published_at, mention text, date, precision)
MORE_FORMS = [
    ("Clashes lasted from 30 October to 2 November in Marsabit.", TUE, "from 30 October to 2 November", date(2023, 10, 30), 2),
    ("Raiders struck in the last week of October, elders said.", TUE, "the last week of October", date(2023, 10, 28), 2),
    ("Gunmen attacked the bus on the 19th, killing two.", TUE, "the 19th", date(2023, 11, 19), 1),
    ("Monday's attack killed five people in Lamu.", TUE, "Monday", date(2023, 11, 20), 1),
    ("Bandits stole 200 cattle a fortnight ago in Baringo.", TUE, "a fortnight ago", date(2023, 11, 7), 2),
    ("Youths torched a police post this past weekend.", TUE, "this past weekend", date(2023, 11, 18), 2),
]


@pytest.mark.parametrize(("text", "published_at", "span", "expected", "precision"), MORE_FORMS)
def test_ranges_weeks_of_month_ordinals_and_weekends(
    tagger: TimeTagger, text: str, published_at: date, span: str, expected: date, precision: int
) -> None:
    m = first_event_time(tagger, text, published_at)
    assert (m.text, m.date, m.precision) == (span, expected, precision)


def test_a_machine_time_stamp_is_background(tagger: TimeTagger) -> None:
    mentions = tagger.tag("Read More of this Story at – 2023-11-22 01:03:00", TUE)
    assert [(m.text, m.background) for m in mentions] == [("2023-11-22", True)]


def test_a_date_that_names_a_group_or_a_place_is_no_date(tagger: TimeTagger) -> None:
    text = "PIZARRO, FORMER LEADER OF THE 19 APRIL MOVEMENT, WAS KILLED ON 26 APRIL."
    assert [m.text for m in tagger.tag(text, date(1990, 4, 27))] == ["26 APRIL"]
    assert [m.text for m in tagger.tag("Protesters gathered on 6 October Bridge in Cairo.", TUE)] == []


def test_a_yearless_date_followed_by_this_or_last_year(tagger: TimeTagger) -> None:
    m = first_event_time(tagger, "ON 5 JANUARY THIS YEAR, THE UNITED STATES INTERCEPTED A VESSEL.", date(1990, 2, 1))
    assert (m.text, m.date) == ("5 JANUARY THIS YEAR", date(1990, 1, 5))
    m = first_event_time(tagger, "The camp was attacked on 12 March last year.", TUE)
    assert (m.text, m.date) == ("12 March last year", date(2022, 3, 12))


def test_a_publication_stamp_is_background(tagger: TimeTagger) -> None:
    mentions = tagger.tag("Six pupils were arrested in Kisii on Monday. Updated on 21 November.", TUE)
    assert [(m.text, m.background) for m in mentions] == [("Monday", False), ("21 November", True)]


def test_a_full_stop_after_a_month_ends_the_date(tagger: TimeTagger) -> None:
    text = "Clashes between Somali and Samburu herders in January. 15 killed in Isiolo."
    mentions = tagger.tag(text, date(2012, 3, 1))
    assert [(m.text, m.date, m.precision) for m in mentions] == [("January", date(2012, 1, 15), 3)]


def test_a_source_date_standing_in_for_an_unknown_day_is_week_precise(tagger: TimeTagger) -> None:
    m = first_event_time(tagger, "Residents protest a new county law. Date not known - source dated 04/04.", date(2016, 4, 5))
    assert (m.text, m.date, m.precision) == ("04/04", date(2016, 4, 4), 2)


def test_a_newspaper_named_for_a_weekday_is_no_day(tagger: TimeTagger) -> None:
    text = "The Sunday Nation reported that raiders killed two herders on Friday."
    assert [m.text for m in tagger.tag(text, TUE)] == ["Friday"]


def test_a_page_time_stamp_above_the_story_is_background(tagger: TimeTagger) -> None:
    text = "Nov 21, 2023 08:15 AM EST\nGunmen killed five people in Maiduguri late on Sunday."
    mentions = tagger.tag(text, TUE)
    assert [(m.text, m.background) for m in mentions] == [("Nov 21, 2023", True), ("late on Sunday", False)]


def test_an_overnight_pair_of_dates_is_one_day(tagger: TimeTagger) -> None:
    m = first_event_time(tagger, "REBELS ATTACKED THE GARRISON ON 15/16 NOVEMBER.", TUE)
    assert (m.text, m.date, m.precision) == ("15/16 NOVEMBER", date(2023, 11, 15), 1)


def test_one_tagger_serves_many_threads_alike(tagger: TimeTagger) -> None:
    texts = [text for text, *_ in EXPLICIT + REPORT_RELATIVE] * 4
    expected = [tagger.tag(t, TUE) for t in texts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        got = list(pool.map(lambda t: tagger.tag(t, TUE), texts))
    assert got == expected
    assert expected[0][0].date == date(2025, 4, 1)


def test_vague_counts_lose_a_step_of_precision(tagger: TimeTagger) -> None:
    m = first_event_time(tagger, "Bandits raided the village a few days ago, elders said.", TUE)
    assert (m.text, m.date, m.precision, m.offset_days) == ("a few days ago", date(2023, 11, 18), 2, -3)
    m = first_event_time(tagger, "The youth was shot dead three days ago in Kibera.", TUE)
    assert (m.date, m.precision) == (date(2023, 11, 18), 1)


def test_a_protest_that_demands_is_an_event_not_a_statement(tagger: TimeTagger) -> None:
    m = first_event_time(tagger, "Hundreds of traders yesterday demanded the reopening of Gikomba market.", TUE)
    assert (m.text, m.date, m.background) == ("yesterday", date(2023, 11, 20), False)


def test_a_passive_report_verb_dates_the_event_it_reports(tagger: TimeTagger) -> None:
    m = first_event_time(tagger, "Clashes were reported yesterday in Mandera town.", TUE)
    assert (m.text, m.date, m.background) == ("yesterday", date(2023, 11, 20), False)
    mentions = tagger.tag("Police reported yesterday that two herders were killed.", TUE)
    assert [(x.text, x.background) for x in mentions] == [("yesterday", True)]


def test_an_all_digit_date_that_would_follow_the_report_is_read_month_first(tagger: TimeTagger) -> None:
    text = "Hundreds of residents of Dadaab took to the streets on 06/08 to protest the sacking of staff."
    m = first_event_time(tagger, text, date(2015, 6, 8))
    assert (m.text, m.date, m.precision) == ("06/08", date(2015, 6, 8), 1)
    m = first_event_time(tagger, "Gunmen torched two buses on 06/08/2015 in Garissa.", date(2015, 6, 10))
    assert (m.text, m.date) == ("06/08/2015", date(2015, 6, 8))
    # day-first stays when its day has passed, even if month-first would be nearer
    m = first_event_time(tagger, "Traders protested in Kisumu on 06/05.", date(2015, 6, 8))
    assert m.date == date(2015, 5, 6)


def test_last_weekday_said_on_that_weekday_is_a_week_back(tagger: TimeTagger) -> None:
    text = "Some 40 militiamen attacked an Administration Police camp at Galmagala last Friday evening."
    m = first_event_time(tagger, text, date(2013, 8, 23))  # a Friday
    assert (m.text, m.date, m.precision) == ("last Friday evening", date(2013, 8, 16), 1)
    m = first_event_time(tagger, "Bandits raided a manyatta on Friday night in Baringo.", date(2013, 8, 23))
    assert m.date == date(2013, 8, 23)


def test_a_weekday_after_since_frames_the_report(tagger: TimeTagger) -> None:
    text = 'Police open fire on CORD protesters in Kisumu, killing five "since Monday" (source dated 22/06).'
    mentions = tagger.tag(text, date(2016, 6, 23))
    assert [(m.text, m.date, m.background) for m in mentions] == [
        ("Monday", date(2016, 6, 20), True),
        ("22/06", date(2016, 6, 22), False),
    ]


def test_since_a_weekdays_attack_dates_the_attack(tagger: TimeTagger) -> None:
    text = "Police have arrested ten people since Monday's attack on a church in Mombasa."
    mentions = tagger.tag(text, TUE)
    assert [(m.text, m.date, m.background) for m in mentions] == [("Monday", date(2023, 11, 20), False)]


def test_a_date_deaths_were_recorded_on_is_book_keeping(tagger: TimeTagger) -> None:
    text = "Rioting broke out after the election results. FATALITIES: ESTIMATE: 24 Recorded on 31-12-2007"
    mentions = tagger.tag(text, date(2007, 12, 29))
    assert [(m.text, m.background) for m in mentions] == [("31-12-2007", True)]


def test_relative_words_count_from_the_source_date_of_a_note(tagger: TimeTagger) -> None:
    text = 'A vigilante mob "last week" lynched a criminal suspect in Kayole. Source dated 31/03.'
    mentions = tagger.tag(text, date(2015, 3, 28))
    assert [(m.text, m.date, m.precision) for m in mentions] == [
        ("last week", date(2015, 3, 24), 2),
        ("31/03", date(2015, 3, 31), 2),
    ]
    # a report the story merely cites is no anchor
    text = "Militia attacked Kotulo yesterday, a report dated 31/03 says."
    m = first_event_time(tagger, text, date(2015, 3, 28))
    assert (m.text, m.date) == ("yesterday", date(2015, 3, 27))


def test_the_source_date_may_be_said_in_other_words(tagger: TimeTagger) -> None:
    text = "A man was beaten to death in Riandu village. The date is not known - the source is dated 18/12."
    m = first_event_time(tagger, text, date(2014, 12, 19))
    assert (m.text, m.date, m.precision) == ("18/12", date(2014, 12, 18), 2)
    text = "Residents of Cheptiret protest. Exact date not known - source date is 07/11."
    m = first_event_time(tagger, text, date(2014, 11, 7))
    assert (m.text, m.date, m.precision) == ("07/11", date(2014, 11, 7), 2)


# (sentence, published_at, mention text, date)
AHEAD = [
    ("CRISTIANI WILL REPLACE DUARTE ON 1 JUNE, HE STATED.", date(1989, 4, 19), "1 JUNE", date(1989, 6, 1)),
    ("Youths are arming ahead of the election in March 2013.", date(2012, 9, 17), "March 2013", date(2013, 3, 15)),
    ("Al Shabaab set a deadline of July 15 for zakat payments.", date(2025, 6, 24), "July 15", date(2025, 7, 15)),
    ("Traders will march to the county offices tomorrow, leaders said.", TUE, "tomorrow", date(2023, 11, 22)),
    ("The opposition plans to hold rallies next Friday in Kisumu.", TUE, "next Friday", date(2023, 11, 24)),
]


@pytest.mark.parametrize(("text", "published_at", "span", "expected"), AHEAD)
def test_a_day_after_the_report_is_a_plan_not_an_event_day(
    tagger: TimeTagger, text: str, published_at: date, span: str, expected: date
) -> None:
    mentions = tagger.tag(text, published_at)
    assert [(m.text, m.date, m.background) for m in mentions] == [(span, expected, True)]


def test_a_day_just_after_the_report_is_still_an_event_day(tagger: TimeTagger) -> None:
    # early editions and time zones: a note dated 25/06 may tell of the night of 26/06
    text = "One person was killed in Mandera Town on the night of 26/06."
    m = first_event_time(tagger, text, date(2015, 6, 25))
    assert (m.text, m.date) == ("26/06", date(2015, 6, 26))


def test_the_start_of_a_captivity_dates_the_abduction(tagger: TimeTagger) -> None:
    text = "TWO WOMEN WHO HAVE BEEN HELD BY THE EXTRADITABLES SINCE 16 DECEMBER IN MEDELLIN WERE RELEASED."
    m = first_event_time(tagger, text, date(1990, 1, 17))
    assert (m.text, m.date, m.precision) == ("16 DECEMBER", date(1989, 12, 16), 1)
    m = first_event_time(tagger, "The trader has been missing since Monday, his family said.", TUE)
    assert (m.text, m.date) == ("Monday", date(2023, 11, 20))


# (sentence, mention text): the deed a protest or a reprisal answers, not the protest or the reprisal
CAUSES = [
    ("A group of 500 matatu drivers protest a killing of one of their colleagues by police earlier in the week.",
     "earlier in the week"),
    ("The traders were protesting the demolition of the market by county askaris the previous night.",
     "the previous night"),
    ("Police killed seven bandits in retaliation for an attack on a police camp in Turkana East last week.",
     "last week"),
    ("Parents took to the streets to protest the death of a pupil who committed suicide last week.", "last week"),
]


@pytest.mark.parametrize(("text", "span"), CAUSES)
def test_the_day_of_a_deed_that_caused_a_protest_or_reprisal_is_background(
    tagger: TimeTagger, text: str, span: str
) -> None:
    assert [(m.text, m.background) for m in tagger.tag(text, TUE)] == [(span, True)]


def test_a_revenge_attack_and_an_explicit_protest_date_keep_their_days(tagger: TimeTagger) -> None:
    text = "In a revenge attack later in the day, vigilantes burned 20 houses in Murinduko village."
    assert [(m.text, m.background) for m in tagger.tag(text, TUE)] == [("later in the day", False)]
    m = first_event_time(tagger, "Mombasa traders protest the demolition of their kiosks on 28/11.", date(2015, 11, 30))
    assert (m.text, m.date) == ("28/11", date(2015, 11, 28))


def test_a_weekday_of_last_week_is_that_day_of_the_week_before(tagger: TimeTagger) -> None:
    thu = date(2023, 11, 23)
    m = first_event_time(tagger, "Herders clashed with farmers in Tana River on Thursday last week.", thu)
    assert (m.text, m.date, m.precision) == ("Thursday last week", date(2023, 11, 16), 1)
    m = first_event_time(tagger, "Police raided the camp on Monday of last week, elders said.", thu)
    assert (m.text, m.date, m.precision) == ("Monday of last week", date(2023, 11, 13), 1)


def test_an_iso_date_written_with_slashes(tagger: TimeTagger) -> None:
    m = first_event_time(tagger, "Incident date: 2023/11/21. Gunmen attacked a bus near Lamu.", date(2023, 11, 23))
    assert (m.text, m.date, m.precision) == ("2023/11/21", date(2023, 11, 21), 1)


# (sentence, published_at, mention text, date)
HOLIDAYS = [
    ("Gunmen attacked a church in Mandera on Christmas Eve.", date(2023, 12, 27), "Christmas Eve", date(2023, 12, 24)),
    ("Revellers were attacked in Mombasa on New Year’s Day.", date(2024, 1, 3), "New Year’s Day", date(2024, 1, 1)),
    ("POLICE REPORTED BOMBINGS IN LIMA ON CHRISTMAS DAY.", date(1990, 1, 4), "CHRISTMAS DAY", date(1989, 12, 25)),
]


@pytest.mark.parametrize(("text", "published_at", "span", "expected"), HOLIDAYS)
def test_a_fixed_holiday_is_its_day_nearest_the_report(
    tagger: TimeTagger, text: str, published_at: date, span: str, expected: date
) -> None:
    m = first_event_time(tagger, text, published_at)
    assert (m.text, m.date, m.precision, m.anchor) == (span, expected, 1, "absolute")


def test_the_week_before_is_a_week_back_from_the_previous_event(tagger: TimeTagger) -> None:
    text = "Militia attacked Kotulo on 12 May. The week before, raiders had stolen 200 cattle in Wajir."
    mentions = tagger.tag(text, date(2023, 5, 14))
    assert [(m.text, m.anchor, m.offset_days, m.precision) for m in mentions] == [
        ("12 May", "absolute", None, 1),
        ("The week before", "previous", -7, 2),
    ]


def test_a_date_in_brackets_after_a_weekday_says_which_day(tagger: TimeTagger) -> None:
    text = "Some 40 militiamen attacked the camp at Galmagala last Friday [16 August] evening, killing two."
    mentions = tagger.tag(text, date(2013, 8, 20))
    assert [(m.text, m.date, m.anchor) for m in mentions] == [("16 August", date(2013, 8, 16), "absolute")]
    mentions = tagger.tag("Youths burned a police post on Saturday (11 November) in Kisii.", TUE)
    assert [(m.text, m.date) for m in mentions] == [("11 November", date(2023, 11, 11))]


def test_a_town_held_since_a_day_is_no_captivity(tagger: TimeTagger) -> None:
    text = "Al Shabaab, which has held the town since 3 October, attacked a convoy on Monday."
    mentions = tagger.tag(text, TUE)
    assert [(m.text, m.background) for m in mentions] == [("3 October", True), ("Monday", False)]


def test_a_short_fraction_without_on_is_no_date(tagger: TimeTagger) -> None:
    assert not [m for m in tagger.tag("The council voted 3/4 in favour of the motion.", THU) if m.text == "3/4"]


def test_a_deadline_by_a_day_is_no_event_day(tagger: TimeTagger) -> None:
    mentions = tagger.tag("A local leader said 23 bodies had been recovered by Sunday evening.", date(2024, 6, 10))
    assert mentions and all(m.background for m in mentions)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fighting erupted in Amhara in August last year.", date(2023, 8, 15)),
        ("The group seized the town in March this year.", date(2024, 3, 15)),
    ],
)
def test_a_month_of_last_or_this_year(tagger: TimeTagger, text: str, expected: date) -> None:
    assert [m.date for m in tagger.tag(text, date(2024, 8, 30))][:1] == [expected]


def test_yesterday_in_a_story_filed_under_a_dated_dateline_is_the_day_before_the_dateline(tagger):
    text = ("Srinagar, June 18: Two militants were killed in a gunfight with security forces in Kulgam district "
            "yesterday, police said.")
    days = [t.date for t in tagger.tag(text, date(2025, 6, 19)) if not t.background]
    assert days == [date(2025, 6, 17)]


def test_may_as_a_verb_in_capitals_is_no_month(tagger):
    text = "THEY NOTED THAT THIS MAY HAVE BEEN A TERRORIST ATTACK, AND THE CRASH MAY BE A BOMBING."
    assert not tagger.tag(text, date(1989, 11, 27))
    assert [t.date for t in tagger.tag("Protests were held this May.", date(1989, 11, 27))] == [date(1989, 5, 15)]
