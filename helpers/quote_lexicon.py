"""The word lists of quote attribution, read once from ``data/quote_cues.txt``.

Verb cues are listed by lemma in one section per kind (speech, belief, intention, evidence);
their surface forms are generated here by the regular spelling rules unless the file lists
them. Each surface form is a tuple of lower-case token texts (the Treebank tokens of
:mod:`helpers.tokens`), so cues are matched token by token.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from helpers.calendar_names import calendar_names
from helpers.data import read_text

#: The kinds of attributed content, in the order of the cue sections.
CUE_TYPES = ("speech", "belief", "intention", "evidence")
_VOWELS = frozenset("aeiou")


@dataclass(frozen=True)
class CueEntry:
    """One cue of the lexicon: its lemma, kind and frame letters (see the data file)."""

    lemma: str
    kind: str
    frames: frozenset[str]


@dataclass(frozen=True)
class CueForm:
    """A surface form of a cue: its entry, words, and whether it is an -ing form or a past
    form that is no other form of the verb ("said", "argued": never a noun)."""

    entry: CueEntry
    words: tuple[str, ...]
    ing: bool
    past: bool = False


@dataclass(frozen=True)
class QuoteLexicon:
    """The word lists of ``data/quote_cues.txt`` (all lower case)."""

    forms: dict[
        str, tuple[CueForm, ...]
    ]  # first token -> the forms starting with it, longest first
    according: tuple[tuple[str, ...], ...]
    nouns: dict[str, str]
    attitude_nouns: frozenset[str]
    belief_adjectives: frozenset[str]
    evidence_sources: frozenset[str]
    skip: frozenset[str]
    determiners: frozenset[str]
    np_prepositions: frozenset[str]
    stops: frozenset[str]
    time_words: frozenset[str]
    time_modifiers: frozenset[str]
    auxiliaries: frozenset[str]
    irregular_past: frozenset[str]
    pronouns: dict[str, str]
    genders: dict[str, str]
    plural_sources: frozenset[str]
    anaphora: dict[str, str]
    group_nouns: dict[str, str]  # plural noun -> the first noun of its set

    def entries(self) -> list[CueEntry]:
        """Every verb cue entry, once each (for reports and tests)."""
        seen: dict[tuple[str, str], CueEntry] = {}
        for forms in self.forms.values():
            for form in forms:
                seen.setdefault((form.entry.lemma, form.entry.kind), form.entry)
        return list(seen.values())


def inflections(verb: str) -> tuple[str, str, str, str]:
    """The third-person, past, past participle and -ing forms of a regular English verb."""
    consonant_y = verb.endswith("y") and len(verb) > 1 and verb[-2] not in _VOWELS
    if consonant_y:
        third = verb[:-1] + "ies"
    elif verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = verb + "es"
    else:
        third = verb + "s"
    if verb.endswith("e"):
        past = verb + "d"
    elif consonant_y:
        past = verb[:-1] + "ied"
    else:
        past = verb + "ed"
    if verb.endswith("ie"):
        ing = verb[:-2] + "ying"
    elif verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")):
        ing = verb[:-1] + "ing"
    else:
        ing = verb + "ing"
    return third, past, past, ing


def _cue_forms(lemma: str, listed: str | None, entry: CueEntry) -> list[CueForm]:
    """The surface forms of one verb cue (a phrase's first word inflects)."""
    if listed and " " in listed.split(",")[0].strip():
        phrases = [form.strip() for form in listed.split(",")]
        return [CueForm(entry, tuple(p.split()), p.split()[-1].endswith("ing")) for p in phrases]
    verb, *particle = lemma.split()
    if listed:
        third, past, participle, ing = (form.strip() for form in listed.split(","))
    else:
        third, past, participle, ing = inflections(verb)
    return [
        CueForm(entry, (verb, *particle), False),
        CueForm(entry, (third, *particle), False),
        *(
            CueForm(entry, (form, *particle), False, past=form not in {verb, third})
            for form in dict.fromkeys([past, participle])
        ),
        CueForm(entry, (ing, *particle), True),
    ]


def _read_sections() -> dict[str, list[list[str]]]:
    text = read_text("quote_cues.txt")
    sections: dict[str, list[list[str]]] = {}
    current: list[list[str]] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
        else:
            current.append([field.strip() for field in line.split("\t")])
    return sections


@cache
def quote_lexicon() -> QuoteLexicon:
    """Read ``data/quote_cues.txt`` once and index the cue forms by their first token."""
    sections = _read_sections()
    by_first: dict[str, list[CueForm]] = {}
    for kind in CUE_TYPES:
        for row in sections[kind]:
            entry = CueEntry(row[0].lower(), kind, frozenset(row[1]))
            for form in _cue_forms(entry.lemma, row[2] if len(row) > 2 else None, entry):
                by_first.setdefault(form.words[0], []).append(form)
    forms = {
        first: tuple(sorted(found, key=lambda form: -len(form.words)))
        for first, found in by_first.items()
    }

    def words(name: str) -> frozenset[str]:
        return frozenset(row[0].lower() for row in sections[name])

    calendar = calendar_names()
    time_words = words("time_words") | frozenset(calendar.weekday_names)

    return QuoteLexicon(
        forms=forms,
        according=tuple(tuple(row[0].lower().split()) for row in sections["according"]),
        nouns={row[0].lower(): row[1] for row in sections["nouns"]},
        attitude_nouns=words("attitude_nouns"),
        belief_adjectives=words("belief_adjectives"),
        evidence_sources=words("evidence_sources"),
        skip=words("skip"),
        determiners=words("determiners"),
        np_prepositions=words("np_prepositions"),
        stops=words("stops") | time_words | frozenset(calendar.month_names) - {"may"},
        time_words=time_words,
        time_modifiers=words("time_modifiers"),
        auxiliaries=words("auxiliaries"),
        irregular_past=words("irregular_past"),
        pronouns={row[0].lower(): row[1] for row in sections["pronouns"]},
        genders={row[0].lower(): row[1] for row in sections["genders"]},
        plural_sources=words("plural_sources"),
        anaphora={row[0].lower(): row[1] for row in sections["anaphora"]},
        group_nouns={noun.lower(): row[0].lower() for row in sections["group_nouns"] for noun in row},
    )
