"""What the name lists say about a word or a name: word classes, lookups, the shape of a person's name.

Built once from :mod:`helpers.gazetteer` (GeoNames, pycountry, US Census names and the hand-made
``entity_lexicon.tsv``) and shared by every entity stage.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from helpers.entity_spans import POSSESSIVE, NameToken
from helpers.gazetteer import (
    country_codes,
    country_names,
    demonyms,
    first_names,
    lexicon,
    major_cities,
    normalise,
    place_abbreviations,
    places,
    surnames,
)

MAX_PERSON_TOKENS = 4
"""A person's name has at most this many words ("Martin Luther King Jr.")."""


@dataclass(frozen=True)
class WordClasses:
    """The hand-made lexicon's word classes (lower case), and their unions the stages use."""

    function: frozenset[str]
    time: frozenset[str]
    generic: frozenset[str]
    title: frozenset[str]
    title_modifier: frozenset[str]
    title_domain: frozenset[str]
    org_head: frozenset[str]
    org_prefix: frozenset[str]
    loc_head: frozenset[str]
    loc_prefix: frozenset[str]
    gpe_head: frozenset[str]
    fac_head: frozenset[str]
    event_head: frozenset[str]
    misc_head: frozenset[str]
    holiday: frozenset[str]
    org_descriptor: frozenset[str]
    person_descriptor: frozenset[str]
    place_descriptor: frozenset[str]
    speech_verb: frozenset[str]
    person_verb: frozenset[str]
    sports_word: frozenset[str]
    team_verb_after: frozenset[str]
    team_word_before: frozenset[str]
    team_word: frozenset[str]

    @property
    def skip(self) -> frozenset[str]:
        """Words that are never part of a name's edge: function words, weekdays, months."""
        return self.function | self.time

    @property
    def titleish(self) -> frozenset[str]:
        """Words of a person's title ("Deputy Foreign Minister")."""
        return self.title | self.title_modifier | self.title_domain

    @property
    def head(self) -> frozenset[str]:
        """Last words of organisation, place and facility names."""
        return self.org_head | self.loc_head | self.gpe_head | self.fac_head


@dataclass(frozen=True)
class NameLists:
    """Every list the recogniser reads, loaded once (see :func:`name_lists`)."""

    words: WordClasses
    skip: frozenset[str]
    titleish: frozenset[str]
    head: frozenset[str]
    countries: dict[str, str]
    country_set: frozenset[str]
    codes: dict[str, str]
    demonyms: dict[str, str]
    places: dict[str, str]
    major_cities: frozenset[str]
    first_names: frozenset[str]
    surnames: frozenset[str]
    holiday_ends: frozenset[str]
    """Last words of the holidays' names ("year", "day", "eve")."""
    common_nouns: frozenset[str]
    """The lexicon's common nouns of people, organisations and places ("prosecutor", "family")."""
    nation_first_words: frozenset[str]
    """First words (lower case) of country names and demonyms ("south", "japanese")."""
    time_abbreviations: frozenset[str]
    """Time words that shorten a longer one ("sun", "mar"): names in "Sun City" or "Mar Vista"."""

    def is_time_word(self, token: NameToken) -> bool:
        """A weekday, month or other time word inside a run ("Monday"; but the unpunctuated
        abbreviation in "Sun City" is a name word)."""
        bare = self.words.time
        return (
            token.bare in bare
            and not token.shouting
            and not (token.bare in self.time_abbreviations and not token.text.endswith("."))
        )

    def lookup(self, text: str, tokens: list[NameToken]) -> tuple[str, str] | None:
        """``(label, entity)`` when the tokens are a country, demonym or place name."""
        if not tokens:
            return None
        return lookup_name(text[tokens[0].start : tokens[-1].end])

    def has_known_prefix(self, text: str, tokens: list[NameToken]) -> bool:
        """True when the first one to three tokens are a country, demonym or place name."""
        return any(
            self.lookup(text, tokens[:size]) is not None
            for size in range(1, min(3, len(tokens)) + 1)
        )

    def looks_like_person(self, tokens: list[NameToken]) -> bool:
        """First name + more name words, or a middle initial ("George W. Bush")."""
        if not tokens or len(tokens) > MAX_PERSON_TOKENS or tokens[-1].bare in self.head:
            return False
        if len(tokens) > 1 and self.is_first_name(tokens[0], tokens[1]):
            return all(t.text[0].isupper() for t in tokens[1:])
        return len(tokens) > 2 and _is_initial(tokens[1].text)

    def is_first_name(self, token: NameToken, following: NameToken | None = None) -> bool:
        """A census first name, not shouted; "Al" and "El" before a word that is no census
        surname are the Arabic or Spanish article ("Al Qaeda", "El Salvador"; but "Al Gore")."""
        if token.bare not in self.first_names or token.shouting:
            return False
        if token.bare in _NAME_ARTICLES:
            return following is not None and following.bare in self.surnames
        return True


_NAME_ARTICLES = frozenset({"al", "el"})


def _is_initial(word: str) -> bool:
    return len(word) == 2 and word[1] == "." and word[0].isupper()


@cache
def name_lists() -> NameLists:
    """The lists, loaded once per process."""
    classes = lexicon()
    words = WordClasses(
        **{name: classes.get(name, frozenset()) for name in WordClasses.__dataclass_fields__}
    )
    countries = country_names()
    return NameLists(
        words=words,
        skip=words.skip,
        titleish=words.titleish,
        head=words.head,
        countries=countries,
        country_set=frozenset(countries.values()),
        codes=country_codes(),
        demonyms=demonyms(),
        places=places(),
        major_cities=major_cities(),
        first_names=first_names(),
        surnames=surnames(),
        holiday_ends=frozenset(holiday.split()[-1] for holiday in words.holiday),
        common_nouns=words.person_descriptor
        | words.org_descriptor
        | words.place_descriptor
        | words.title,
        nation_first_words=frozenset(
            name.split()[0].lower().replace("\u2019", "'")
            for name in [*countries, *demonyms()]
            if name.strip()
        ),
        time_abbreviations=frozenset(
            short
            for short in words.time
            if any(full != short and full.startswith(short) for full in words.time)
        ),
    )


@lru_cache(maxsize=1 << 16)
def lookup_name(surface: str) -> tuple[str, str] | None:
    """``(label, entity)`` of a country, demonym or place name as written (possessive dropped;
    an ALL-CAPS name is also tried in title case; "Iowans" are the people of Iowa), or None.
    Cached: names recur across texts."""
    key = POSSESSIVE.sub("", normalise(surface))
    found = lookup_key(key)
    words = key.split()
    if (
        found is None
        and len(words) > 1
        and all((len(w) > 1 and w.isupper()) or w.lower() in ("of", "and") for w in words)
    ):
        found = lookup_key(
            " ".join(w.capitalize() if w not in ("OF", "AND") else w.lower() for w in words)
        )
    if found is None and len(words) == 1 and key[:1].isupper() and key[1:].islower():
        found = _residents(key)
    return found


_RESIDENT_SUFFIXES = (("ians", ("", "ia", "a")), ("ans", ("a", "", "as")), ("ers", ("",)))
"""Plural demonyms formed from a place name ("Iowa" → "Iowans", "Paris" → "Parisians",
"London" → "Londoners"): suffix, and the endings it replaced. Plural only: singular forms
collide with first names ("Brian", "Nolan")."""


def _residents(word: str) -> tuple[str, str] | None:
    """``("NORP", place)`` when ``word`` names the people of a listed place ("Iowans")."""
    for suffix, endings in _RESIDENT_SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            base = word[: -len(suffix)]
            for ending in endings:
                found = lookup_key(base + ending)
                if found is not None and found[0] in ("GPE", "LOC"):
                    return "NORP", found[1]
    return None


def lookup_key(key: str) -> tuple[str, str] | None:
    """``(label, entity)`` of an exact country, demonym, place or state-abbreviation key."""
    countries = country_names()
    if key in countries:
        return "GPE", countries[key]
    groups = demonyms()
    if key in groups:
        return "NORP", groups[key] or _singular(key, groups)
    known_places = places()
    if key in known_places:
        return known_places[key], key
    abbreviation = place_abbreviations().get(key)
    return ("GPE", abbreviation) if abbreviation else None


def _singular(form: str, known: dict[str, str]) -> str:
    return form[:-1] if form.endswith("s") and form[:-1] in known else form
