"""The scale benchmarks' own logic: statistics, the synthetic data's rules, the captured SQL."""

from __future__ import annotations

import random

import pytest

from bench import dataset
from bench.common import percentile
from bench.query import _event_query, main_statement
from bench.textgen import Place, TextGenerator


def test_percentile_interpolates_between_ranks() -> None:
    assert percentile([10.0, 20.0, 30.0, 40.0], 50) == 25.0
    assert percentile([10.0, 20.0, 30.0, 40.0], 95) == pytest.approx(38.5)
    assert percentile([], 95) == 0.0


def test_interaction_code_orders_the_two_inter_codes_like_acled() -> None:
    assert dataset._inter_pair(3, 1) == 13
    assert dataset._inter_pair(6, 1) == 16
    assert dataset._inter_pair(5, 0) == 50  # no second actor


def test_sub_event_types_cover_the_acled_codebook() -> None:
    types, war, unrest = dataset.load_sub_event_types()
    assert len(types) == 25
    strike = next(t for t in types if t.sub_event_type == "Air/drone strike")
    assert strike.event_type == "Explosions/Remote violence"
    assert strike.disorder_type == "Political violence"
    assert len(war) == len(unrest) == 25


def _profile() -> dataset.CountryProfile:
    place = dataset.Place("Hit", "Al Anbar", 33.64, 42.83)
    p = dataset.CountryProfile("Iraq", "IRQ", 0.5, [place], [1.0])
    p.military, p.police, p.protesters, p.rioters, p.civilians, p.unidentified = 1, 2, 3, 4, 5, 6
    p.groups, p.group_cw = [7, 8], [1.0, 1.5]
    return p


def test_protest_has_protesters_as_actor1_and_attack_targets_civilians() -> None:
    rng = random.Random(1)
    protest = dataset.SubEventType("Demonstrations", "Protests", "Peaceful protest", 0.0, 1.0)
    attack = dataset.SubEventType("Political violence", "Violence against civilians", "Attack", 0.7, 1.0)
    assert dataset.pick_actors(_profile(), protest, rng)[0] == 3
    for _ in range(20):
        assert dataset.pick_actors(_profile(), attack, rng)[1] == 5


def test_short_text_is_note_size_and_names_its_place() -> None:
    gen = TextGenerator(3, [Place("Beledweyne", "Hiraan", "Somalia")])
    text, day = gen.short()
    assert 60 < len(text) < 400
    assert "Beledweyne" in text
    assert day[:2] == "20"


def test_long_text_is_about_three_kilobytes_with_a_dateline() -> None:
    gen = TextGenerator(3, [Place("Kismayo", "Lower Juba", "Somalia")])
    text, _ = gen.long(3000)
    assert 3000 <= len(text) < 3400
    assert text.startswith("KISMAYO, ")


async def test_direct_sql_is_the_repository_statement_with_its_parameters() -> None:
    sql, args = await main_statement({"country": "Iraq", "date_from": "2023-11-20", "date_to": "2023-11-22"})
    assert "(event.iso3 = $3 OR lower(event.country) = $4)" in sql
    # one more than a page, as the endpoint asks; a literal, so that a generic plan can be costed
    assert "ORDER BY event.event_date DESC, event.id DESC LIMIT 101" in sql
    assert args[2:] == ["IRQ", "iraq"]


def test_actor_page_reads_each_actors_links_in_page_order() -> None:
    from app.events.repository import page_sql

    q = _event_query({"actor": "Military Forces of Ukraine", "date_from": "2023-01-01"})
    sql, args = page_sql(q, [7, 9])
    assert "UNION ALL" in sql and sql.count("ea.actor_id = $") == 2
    # each actor's newest page through its own ordered scan (a plain UNION ALL was sorted whole)
    assert sql.count("ORDER BY ea.event_date DESC, ea.event_id DESC LIMIT $") == 2
    assert 7 in args and 9 in args


def test_list_filters_with_several_values_are_one_array_parameter() -> None:
    from app.events.repository import page_sql

    one, _ = page_sql(_event_query({"sub_event_type": ["Attack"]}))
    two, args = page_sql(_event_query({"sub_event_type": ["Attack", "Armed clash"]}))
    assert "lower(event.sub_event_type) = $1 " in one
    assert "lower(event.sub_event_type) = ANY($1::text[])" in two
    assert args[0] == ["attack", "armed clash"]
