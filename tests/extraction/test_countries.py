from app.extraction.countries import by_iso3, find_countries, lookup


def test_lookup_resolves_names_aliases_demonyms_and_codes() -> None:
    assert lookup("Somali").name == "Somalia"
    assert lookup("somalian").name == "Somalia"
    assert lookup("U.S.").name == "United States"
    assert lookup("DRC").name == "Democratic Republic of Congo"
    assert lookup("Cote d'Ivoire").name == "Ivory Coast"
    assert lookup("KEN").name == "Kenya"
    assert lookup("sv").name == "El Salvador"
    assert lookup("Salvadorean").name == "El Salvador"
    assert lookup("Syrian Arab Republic").name == "Syria"
    assert lookup("Narnia") is None


def test_by_iso3_returns_acled_name_and_capital() -> None:
    iraq = by_iso3("IRQ")
    assert iraq is not None and iraq.name == "Iraq" and iraq.capital == "Baghdad"
    assert by_iso3("cod").name == "Democratic Republic of Congo"
    assert by_iso3("XKX").name == "Kosovo"


def test_find_countries_in_mixed_case_skips_the_word_us() -> None:
    text = "US forces told us that Kenyan police and Somali troops clashed near the Ethiopian border."
    found = [(text[s:e], c.name) for s, e, c in find_countries(text)]
    assert found == [("US", "United States"), ("Kenyan", "Kenya"), ("Somali", "Somalia"), ("Ethiopian", "Ethiopia")]


def test_find_countries_in_upper_case_newswire() -> None:
    text = "SAN SALVADOR, 12 JAN 90 -- SALVADORAN SOLDIERS AND U.S. ADVISERS; THE GUERRILLAS TOLD US THAT PERU"
    found = [(text[s:e], c.name) for s, e, c in find_countries(text)]
    assert ("SALVADORAN", "El Salvador") in found
    assert ("U.S.", "United States") in found
    assert ("PERU", "Peru") in found
    assert ("US", "United States") not in found


def test_find_countries_prefers_longest_name_and_plural_demonyms() -> None:
    text = "Refugees from the Democratic Republic of the Congo and South Sudan met Kenyans in Kakuma."
    found = [(text[s:e], c.name) for s, e, c in find_countries(text)]
    assert found == [
        ("Democratic Republic of the Congo", "Democratic Republic of Congo"),
        ("South Sudan", "South Sudan"),
        ("Kenyans", "Kenya"),
    ]


def test_lowercase_common_words_are_not_countries() -> None:
    assert find_countries("They ate turkey and played a chad game with their car.") == []


def test_regions_named_after_a_country_are_not_that_country() -> None:
    text = "Latin American leaders met in New Mexico; Niger Delta militants and Americans were mentioned."
    found = [(text[s:e], c.name) for s, e, c in find_countries(text)]
    assert found == [("Niger Delta", "Nigeria"), ("Americans", "United States")]
