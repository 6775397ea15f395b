"""Sentence splitting keeps offsets and survives abbreviations and headlines."""

from app.extraction.sentences import split_sentences


def test_offsets_point_back_into_the_text():
    text = "Gunmen attacked a bus. Two passengers died.\n\nPolice said nothing."
    for s in split_sentences(text):
        assert text[s.start:s.end] == s.text
    assert [s.text for s in split_sentences(text)] == [
        "Gunmen attacked a bus.", "Two passengers died.", "Police said nothing."]


def test_us_and_titles_do_not_end_a_sentence():
    text = "In self-defense, a U.S. military AC-130 aircraft responded. Lt. Col. Smith said so."
    assert [s.text for s in split_sentences(text)] == [
        "In self-defense, a U.S. military AC-130 aircraft responded.", "Lt. Col. Smith said so."]


def test_headlines_without_punctuation_are_sentences_of_their_own():
    text = "Strikes in Iraq\nNovember 21, 2023\nThe strikes hit two sites."
    assert len(split_sentences(text)) == 3


def test_a_clause_reporting_a_separate_event_is_a_sentence_of_its_own() -> None:
    text = "Strikes killed 20 people in Khan Younis, and a separate strike on Gaza City killed eight."
    assert [s.text for s in split_sentences(text)] == ["Strikes killed 20 people in Khan Younis,",
                                                       "and a separate strike on Gaza City killed eight."]
    assert len(split_sentences("The U.S. forces and a second unit left.")) == 1
