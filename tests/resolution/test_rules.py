"""The resolution and derivation rules on hand-built reports (no database)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from app.events.resolution import Report, agree, assign, derive, family, family_members, site_names


def report(**over: Any) -> Report:
    values: dict[str, Any] = {
        "event_date": date(2024, 3, 3),
        "time_precision": 1,
        "disorder_type": "Political violence",
        "event_type": "Violence against civilians",
        "sub_event_type": "Attack",
        "inter1": 2,
        "inter2": 7,
        "interaction": 27,
        "civilian_targeting": "Civilian targeting",
        "country": "Somalia",
        "iso3": "SOM",
        "admin1": "Lower Juba",
        "admin2": "Kismaayo",
        "location": "Kismayo",
        "latitude": -0.3582,
        "longitude": 42.5454,
        "geo_precision": 1,
        "fatalities": 5,
        "injuries": 0,
        "notes": "",
        "confidence": 0.6,
    }
    actors = {"actor1": ["Al Shabaab"], "actor2": ["Civilians (Somalia)"]}
    for key in ("actor1", "actor2"):
        if key in over:
            actors[key] = [over.pop(key)] if over[key] else []
    published = over.pop("published_at", None)
    event_id = over.pop("event_id", None)
    source_id = over.pop("source_id", 0)
    values.update(over)
    return Report(
        values=values, actors=actors, published_at=published, event_id=event_id, source_id=source_id
    )


def test_strikes_shelling_and_rocket_fire_are_one_family_but_protests_are_not() -> None:
    assert family("Air/drone strike") == family("Shelling/artillery/missile attack") == "remote"
    assert family("Peaceful protest") != family("Violent demonstration")
    assert "armed clash" in family_members("Attack")
    assert family_members("Looting/property destruction") == ["looting/property destruction"]


def test_one_day_apart_agrees_at_day_precision_but_three_days_only_at_week_precision() -> None:
    assert agree(report(), report(event_date=date(2024, 3, 4)))
    assert not agree(report(), report(event_date=date(2024, 3, 6)))
    assert agree(report(), report(event_date=date(2024, 3, 6), time_precision=2))


def test_a_town_30_km_away_is_another_place_but_a_region_only_report_matches_its_admin2() -> None:
    # a report placing the attack 28 km from Kismayo describes another event
    assert not agree(report(), report(latitude=-0.30, longitude=42.80))
    region_only = report(location="Lower Juba", admin2="", geo_precision=3, latitude=-0.5, longitude=42.0)
    assert agree(report(), region_only)
    assert not agree(
        report(), report(admin1="Gedo", admin2="", geo_precision=3, latitude=3.0, longitude=42.0)
    )
    assert not agree(report(), report(iso3="KEN", country="Kenya"))


def test_named_actors_must_not_contradict_and_may_swap_only_in_clashes() -> None:
    assert agree(report(), report(actor1="Unidentified Armed Group (Somalia)"))
    assert not agree(report(), report(actor1="ISIS-Somalia"))
    # a missile fired at US troops and the US gunship that answered are two events
    missile = report(
        sub_event_type="Shelling/artillery/missile attack",
        actor1="Unidentified Armed Group (Iraq)",
        actor2="Military Forces of the United States (2021-)",
    )
    gunship = report(
        sub_event_type="Air/drone strike",
        actor1="Military Forces of the United States (2021-)",
        actor2="Unidentified Pro-Iran Militia (Iraq)",
    )
    assert not agree(missile, gunship)
    clash = report(
        sub_event_type="Armed clash", actor1="Military Forces of Somalia (2022-)", actor2="Al Shabaab"
    )
    assert agree(
        clash,
        report(
            sub_event_type="Armed clash", actor1="Al Shabaab", actor2="Military Forces of Somalia (2022-)"
        ),
    )


def test_each_stored_event_takes_the_best_matching_report_only_once() -> None:
    stored = report(event_id=7)
    exact, looser = report(), report(sub_event_type="Armed clash", event_date=date(2024, 3, 4))
    assert assign([looser, exact], [[stored], [stored]]).targets == [None, 7]


def test_later_higher_toll_wins_but_same_day_reports_give_the_lowest_and_silence_lowers_nothing() -> None:
    first = report(fatalities=5, published_at=datetime(2024, 3, 4, 6, tzinfo=UTC), actor1="", source_id=1)
    later = report(fatalities=12, published_at=datetime(2024, 3, 5, 9, tzinfo=UTC), source_id=2)
    same_day = report(fatalities=9, published_at=datetime(2024, 3, 5, 18, tzinfo=UTC), source_id=3)
    silent = report(fatalities=0, published_at=datetime(2024, 3, 6, 8, tzinfo=UTC), source_id=4)
    values, actors = derive([first, later])
    assert values["fatalities"] == 12
    assert actors["actor1"] == ["Al Shabaab"]  # the report that names the attackers
    assert derive([first, later, same_day])[0]["fatalities"] == 9
    assert derive([first, later, same_day, silent])[0]["fatalities"] == 9


def test_finest_place_and_date_come_from_the_most_precise_reports() -> None:
    vague = report(location="Lower Juba", admin2="", geo_precision=3, time_precision=1, source_id=1)
    vague.published_at = datetime(2024, 3, 3, tzinfo=UTC)
    precise = report(event_date=date(2024, 3, 4), time_precision=2, source_id=2)
    precise.published_at = datetime(2024, 3, 5, tzinfo=UTC)
    values, _ = derive([precise, vague])
    assert (values["location"], values["geo_precision"]) == ("Kismayo", 1)
    assert (values["event_date"], values["time_precision"]) == (date(2024, 3, 3), 1)


def test_a_report_matching_two_duplicates_merges_them_unless_one_source_keeps_them_apart() -> None:
    new = report()
    first, duplicate = report(event_id=3), report(event_id=9, location="Kismayo town")
    merged = assign([new], [[first, duplicate]], {3: [1], 9: [2]})
    assert (merged.targets, merged.merges) == ([3], {3: [9]})
    kept_apart = assign([new], [[first, duplicate]], {3: [1], 9: [1, 2]})
    assert (kept_apart.targets, kept_apart.merges) == ([3], {})


def test_named_villages_keep_two_clashes_of_one_district_apart() -> None:
    text_a = "Clan militias clashed in the vicinity of Dhabad village near Galkayo town on Tuesday."
    text_b = "Clan militias clashed near Galkayo's Bali Busle village on Tuesday, elders said."
    assert site_names(text_a) == ["dhabad", "galkayo"]
    assert site_names(text_b) == ["bali busle"]
    region = {
        "location": "Galkayo",
        "admin2": "Gaalkacyo",
        "geo_precision": 3,
        "sub_event_type": "Armed clash",
    }
    a = report(**region, actor1="Hawiye Clan Militia (Somalia)", actor2="Darod Clan Militia (Somalia)")
    b = report(**region, actor1="Hawiye Clan Militia (Somalia)", actor2="Darod Clan Militia (Somalia)")
    assert agree(a, b)
    a.sites, b.sites = site_names(text_a), site_names(text_b)
    assert not agree(a, b)
    assert site_names("THE ARMY ATTACKED THE VILLAGE OF SAN JOSE, THE COMMANDER SAID.") == []


def test_an_unnamed_attack_somewhere_in_the_region_links_to_nothing() -> None:
    vague = report(actor1="Unidentified Armed Group (Somalia)", actor2="", location="Lower Juba", admin2="")
    vague.values.update(geo_precision=3, event_date=date(2024, 3, 4), sub_event_type="Armed clash")
    assert not agree(vague, report(actor1="Unidentified Armed Group (Somalia)", actor2=""))


def test_the_civilians_of_an_attack_do_not_contradict_the_forces_of_a_clash_in_the_same_raid() -> None:
    # one outlet: "five people were killed when Al Shabaab stormed a hotel" (Attack on civilians);
    # another: "the gunmen fought security forces for hours" (Armed clash with the army)
    clash = report(sub_event_type="Armed clash", actor2="Military Forces of Somalia (2022-)")
    assert agree(report(), clash)
    # two attacks, one on civilians and one on soldiers, are two events
    assert not agree(report(), report(actor2="Military Forces of Somalia (2022-)"))
