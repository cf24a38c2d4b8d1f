"""The word lists of quote attribution, read once from ``data/quote_cues.txt``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class QuoteLexicon:
    """The word lists of ``data/quote_cues.txt`` (all lower case)."""

    cue_flags: dict[str, str]
    according: frozenset[str]
    skip: frozenset[str]
    determiners: frozenset[str]
    np_prepositions: frozenset[str]
    stops: frozenset[str]
    pronouns: dict[str, str]
    auxiliaries: frozenset[str]
    plural_sources: frozenset[str]
    anaphora: dict[str, str]
    single_word_cues: frozenset[str]
    phrase_starts: frozenset[str]
    phrase_pattern: re.Pattern[str]


@cache
def quote_lexicon() -> QuoteLexicon:
    """Read ``data/quote_cues.txt`` once and compile the cue regex."""
    text = resources.files("helpers.data").joinpath("quote_cues.txt").read_text("utf-8")
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
    cue_flags: dict[str, str] = {}
    for _lemma, flags, forms in sections["cues"]:
        for form in forms.split(","):
            cue_flags[" ".join(form.lower().split())] = flags
    according = frozenset(row[0].lower() for row in sections["according"])
    forms = [*cue_flags, *according]
    phrases = sorted((form for form in forms if " " in form), key=len, reverse=True)
    alternation = "|".join(r"\s+".join(map(re.escape, form.split())) for form in phrases)

    def words(name: str) -> frozenset[str]:
        return frozenset(row[0].lower() for row in sections[name])

    return QuoteLexicon(
        cue_flags=cue_flags,
        according=according,
        skip=words("skip"),
        determiners=words("determiners"),
        np_prepositions=words("np_prepositions"),
        stops=words("stops"),
        pronouns={row[0].lower(): row[1] for row in sections["pronouns"]},
        auxiliaries=words("auxiliaries"),
        plural_sources=words("plural_sources"),
        anaphora={row[0].lower(): row[1] for row in sections["anaphora"]},
        single_word_cues=frozenset(form for form in forms if " " not in form),
        phrase_starts=frozenset(form.split()[0] for form in phrases),
        phrase_pattern=re.compile(rf"(?:{alternation})(?![\w'’-])", re.IGNORECASE),
    )
