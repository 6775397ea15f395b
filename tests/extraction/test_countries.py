from app.extraction.countries import by_iso3, find_countries, find_cues, lookup, neighbours


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


def test_possessive_without_apostrophe_is_the_country_but_the_americas_are_not_the_us() -> None:
    assert [c.name for _s, _e, c in find_countries("Kenyas president spoke.")] == ["Kenya"]
    assert find_countries("Democrats of the Americas met.") == []


def test_cues_point_to_a_country_without_naming_it() -> None:
    text = "Supporters of Raila Odinga stormed the IEBC offices; matatu operators joined. Kibakis allies left."
    found = [(text[s:e], c.name) for s, e, c in find_cues(text)]
    assert ("Raila Odinga", "Kenya") in found and ("IEBC", "Kenya") in found
    assert ("matatu", "Kenya") in found and ("Kibakis", "Kenya") in found
    # acronyms keep their capitals: "cord" is a word, "CORD" the Kenyan coalition
    assert find_cues("He tied the cord.") == []
    assert [c.name for _s, _e, c in find_cues("SALVADORAN PRESIDENT ALFREDO CRISTIANI SAID")] == ["El Salvador"]


def test_neighbours_are_land_borders() -> None:
    assert neighbours("KEN") == {"ETH", "TZA", "SSD", "SOM", "UGA"}
    assert "KEN" in neighbours("SOM") and "USA" not in neighbours("SOM")
