"""Named-entity mentions of a text and per-entity counts, by rules, name lists and word classes.

The recogniser reads the shared :class:`helpers.document.Document` (its sentences, tokens and
word classes) in three stages, one module each:

1. :mod:`helpers.entity_candidates`: one regex pass finds the capitalised runs (and ALL-CAPS
   stretches, and names with a corporate suffix) and cuts them into name candidates; a
   sentence-initial word is a name only if it is a proper noun (:mod:`helpers.entity_context`).
2. :mod:`helpers.entity_typing`: each candidate is split into affiliation, title and person and
   typed by its own words (name lists, head words, acronyms).
3. :mod:`helpers.entity_resolution`: the rules that read the whole document: acronyms defined
   in brackets, short names joining the full name they shorten, one type per name, context
   evidence (:mod:`helpers.entity_evidence`: descriptors, verbs, pronouns), teams in match
   reports (:mod:`helpers.entity_sports`), title affiliations and capitals standing for their
   government (``refers_to``); then the known names in ALL-CAPS headlines
   (:mod:`helpers.entity_headlines`).

Labels: PERSON, ORG, GPE (countries, cities, states), LOC (regions, seas, mountains), FAC
(streets, buildings, airports), NORP (nationalities, religious and political groups), EVENT,
MISC (a name with no evidence of its type: products, works, unknown one-word names).
Conventions (CoNLL-2003/OntoNotes): "Bush" in "Bush administration" is a PERSON; a demonym plus
an organisation is one ORG ("Japanese Foreign Ministry"); a country noun before an organisation or
a title is its own GPE ("US | State Department"); a sports team is an ORG even when named after
its city or country ("Leeds beat Chelsea"); "the" and a possessive "'s" are outside the span; a
title alone is not an entity.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

import numpy as np
import pandas as pd

from helpers.document import Document, HasText, as_document
from helpers.entity_candidates import find_candidates
from helpers.entity_context import NameContext
from helpers.entity_headlines import HeadlineNames
from helpers.entity_lexicon import name_lists
from helpers.entity_resolution import DocumentRules
from helpers.entity_spans import Mention
from helpers.entity_typing import type_runs
from helpers.frames import INT, STRING, Columns, build_frame, columns_of_rows
from helpers.gazetteer import country_names, normalise

LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "MISC")
LABEL_DTYPE = pd.CategoricalDtype(list(LABELS))
ENTITY_SPEC = {
    "start": INT,
    "end": INT,
    "text": STRING,
    "label": LABEL_DTYPE,
    "entity": STRING,
    "refers_to": STRING,
    "title": STRING,
    "affiliation": STRING,
}
ENTITY_COLUMNS = list(ENTITY_SPEC)
COUNT_SPEC = {"entity": STRING, "label": LABEL_DTYPE, "mentions": INT, "forms": INT}
#: What each label is, in plain words for readers (a country is "country" whatever its label).
KIND_OF_LABEL = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "city or region",
    "LOC": "place",
    "FAC": "building or site",
    "NORP": "nationality or group",
    "EVENT": "event",
    "MISC": "other name",
}
KINDS = ("person", "organisation", "country", *list(KIND_OF_LABEL.values())[2:])
__all__ = [
    "COUNT_SPEC",
    "ENTITY_COLUMNS",
    "ENTITY_SPEC",
    "LABELS",
    "LABEL_DTYPE",
    "EntityCount",
    "Mention",
    "alias_table",
    "entities_per_paragraph",
    "entity_columns",
    "entity_count_columns",
    "entity_counts",
    "entity_mentions",
    "extract_entities",
    "metonym_comparison",
    "person_roles",
]


# --- public API -------------------------------------------------------------------------------


def entity_mentions(source: str | Document | HasText) -> list[Mention]:
    """The mentions of a text, article or document, sorted by start; found once per document."""
    document = as_document(source)
    return document.memo("entities", lambda: _find_mentions(document))


def _find_mentions(document: Document) -> list[Mention]:
    """Run the three stages (see the module docstring) over one document."""
    context = NameContext(document, name_lists())
    candidates = find_candidates(context)
    if not (candidates.runs or candidates.headlines or candidates.corporate):
        return []
    rules = DocumentRules(context)
    mentions = rules.resolve(candidates.corporate + type_runs(context, candidates.runs))
    if candidates.headlines:
        headlines = HeadlineNames(context, mentions)
        for start, end in candidates.headlines:
            mentions.extend(headlines.find(start, end))
        mentions.sort(key=lambda m: m.start)
    rules.link_metonyms(mentions)
    return mentions


def extract_entities(text: str | Document) -> pd.DataFrame:
    """Return one row per named-entity mention in ``text``, sorted by ``start``.

    ``text`` is a string or a :class:`helpers.document.Document`. Columns: ``start``, ``end``
    (Int64 offsets, ``text[start:end]`` is the mention), ``text``
    (string), ``label`` (category: PERSON, ORG, GPE, LOC, FAC, NORP, EVENT, MISC), ``entity``
    (string, canonical name: country names from GeoNames, a person's fullest name in the text, an
    acronym's long form), ``refers_to`` (string or NA: the country a capital city stands for when
    used as a metonym, e.g. "Pyongyang said"), ``title`` (string or NA: a person's title or role
    noun, "Deputy Foreign Minister"), ``affiliation`` (string or NA: the entity named with the
    title, "South Korea").
    """
    return build_frame(ENTITY_SPEC, entity_columns(text))


def entity_columns(source: str | Document | HasText) -> Columns:
    """The columns of :func:`extract_entities`, as lists."""
    mentions = entity_mentions(source)
    return {
        "start": [m.start for m in mentions],
        "end": [m.end for m in mentions],
        "text": [m.text for m in mentions],
        "label": [m.label for m in mentions],
        "entity": [m.entity for m in mentions],
        "refers_to": [m.refers_to for m in mentions],
        "title": [m.title for m in mentions],
        "affiliation": [m.affiliation for m in mentions],
    }


def entity_counts(article: HasText, merge_metonyms: bool = False) -> pd.DataFrame:
    """Count mentions per real-world entity in ``article.text``.

    Columns: ``entity`` (string), ``label`` (category, the entity's most frequent label),
    ``mentions`` (Int64), ``forms`` (Int64, number of distinct surface forms). Sorted by
    ``mentions`` descending, then ``entity``. With ``merge_metonyms=True`` a capital used for its
    government ("Pyongyang said") is counted under the country; the default keeps it under its
    own name, so every count can be checked by searching the text for the names in the alias table.
    """
    return build_frame(COUNT_SPEC, entity_count_columns(article, merge_metonyms))


def entity_count_columns(article: HasText, merge_metonyms: bool = False) -> Columns:
    """The columns of :func:`entity_counts`, as lists."""
    counts = _count(entity_mentions(article), merge_metonyms)
    return {
        "entity": [c.entity for c in counts],
        "label": [c.label for c in counts],
        "mentions": [c.mentions for c in counts],
        "forms": [len(c.forms) for c in counts],
    }


def alias_table(article: HasText) -> pd.DataFrame:
    """Surface forms merged into each entity: ``entity``, ``label``, ``form``, ``mentions`` (Int64).

    Sorted by entity (in ``entity_counts`` order), then mentions descending, then form. ``label``
    is the label of the form's first mention.
    """
    rows = [
        (count.entity, label, form, n)
        for count in _count(entity_mentions(article), False)
        for form, (n, label) in sorted(count.forms.items(), key=lambda item: (-item[1][0], item[0]))
    ]
    spec = {"entity": STRING, "label": LABEL_DTYPE, "form": STRING, "mentions": INT}
    return build_frame(spec, columns_of_rows(spec, rows))


def entities_per_paragraph(
    article: HasText, top: int | None = None, merge_metonyms: bool = False
) -> pd.DataFrame:
    """Mentions of each entity per analysed paragraph: rows = entities (count order), columns = ``para_id``.

    Uses ``article.paragraphs`` (``para_id``, ``start``, ``end``; duplicates have null offsets and
    are skipped). Values are Int64 counts; ``top`` keeps the most mentioned entities only. With
    ``merge_metonyms=True`` a capital standing for its government counts for the country, and
    entities come in the order of :func:`entity_summary`.
    """
    mentions = entity_mentions(article)
    paragraphs = article.paragraphs.dropna(subset=["start", "end"])  # type: ignore[attr-defined]
    if merge_metonyms:
        entities = list(entity_summary(article)["entity"])
    else:
        entities = [c.entity for c in _count(mentions, False)]
    entities = entities if top is None else entities[:top]
    para_ids = [int(p) for p in paragraphs["para_id"]]
    starts = [int(s) for s in paragraphs["start"]]
    row_of = {entity: row for row, entity in enumerate(entities)}
    cells = np.zeros((len(entities), len(para_ids)), dtype=np.int64)
    for mention in mentions:
        column = bisect_right(starts, mention.start) - 1
        entity = (mention.refers_to if merge_metonyms else None) or mention.entity
        if entity in row_of and column >= 0:
            cells[row_of[entity], column] += 1
    return pd.DataFrame(
        {para_id: pd.array(cells[:, i], dtype="Int64") for i, para_id in enumerate(para_ids)},
        index=pd.Index(entities, name="entity", dtype="string"),
    ).rename_axis(columns="para_id")


def person_roles(article: HasText) -> pd.DataFrame:
    """Persons with their titles and affiliations as written in the text.

    Columns: ``entity`` (string), ``mentions`` (Int64), ``forms`` (string, surface forms joined by
    "; "), ``title`` (string, titles joined by "; ", NA if none), ``affiliation`` (string, NA if none).
    Sorted by mentions descending, then entity.
    """
    people: dict[str, list[Mention]] = {}
    for mention in entity_mentions(article):
        if mention.label == "PERSON":
            people.setdefault(mention.entity, []).append(mention)
    order = sorted(people, key=lambda entity: (-len(people[entity]), entity))

    def joined(values: list[str | None]) -> str | None:
        return "; ".join(dict.fromkeys(v for v in values if v)) or None

    return build_frame(
        {"entity": STRING, "mentions": INT, "forms": STRING, "title": STRING, "affiliation": STRING},
        {
            "entity": order,
            "mentions": [len(people[e]) for e in order],
            "forms": [joined([normalise(m.text) for m in people[e]]) for e in order],
            "title": [joined([m.title for m in people[e]]) for e in order],
            "affiliation": [joined([m.affiliation for m in people[e]]) for e in order],
        },
    )


def metonym_comparison(article: HasText) -> pd.DataFrame:
    """Mentions per entity counted both ways: ``entity``, ``literal`` (capitals under their own
    name), ``merged`` (capitals used for their government counted under the country), ``change``
    (merged − literal); all Int64. Only entities whose count differs, largest change first."""
    mentions = entity_mentions(article)
    literal = {c.entity: c.mentions for c in _count(mentions, False)}
    merged = {c.entity: c.mentions for c in _count(mentions, True)}
    rows = [
        (entity, literal.get(entity, 0), merged.get(entity, 0))
        for entity in literal.keys() | merged.keys()
        if literal.get(entity, 0) != merged.get(entity, 0)
    ]
    rows.sort(key=lambda row: (-(row[2] - row[1]), row[0]))
    spec = {"entity": STRING, "literal": INT, "merged": INT, "change": INT}
    return build_frame(spec, columns_of_rows(spec, [(*row, row[2] - row[1]) for row in rows]))


def entity_kind(label: str, entity: str) -> str:
    """An entity's kind in plain words (:data:`KINDS`): a country is "country" whatever form
    names it ("South Korean" names South Korea), else the kind of its label."""
    return "country" if entity in _countries() else KIND_OF_LABEL[label]


def entity_summary(article: HasText) -> pd.DataFrame:
    """One row per entity for readers, a capital used for its government counted under the
    country ("Pyongyang said" is North Korea speaking).

    Columns: ``entity``, ``kind`` (:func:`entity_kind`), ``mentions`` (all), ``by_name``
    (mentions by the entity's own names), ``by_capital`` (by a capital standing for it),
    ``names`` (each form with its count, most used first: "DPRK ×7, North Korea ×4"). Sorted by
    mentions, most first, then by first appearance in the text.
    """
    rows: dict[str, list] = {}
    for mention in entity_mentions(article):
        entity = mention.refers_to or mention.entity
        row = rows.setdefault(entity, [entity, Counter(), 0, 0, Counter(), mention.start])
        row[1][mention.label if mention.refers_to is None else "GPE"] += 1
        row[3 if mention.refers_to else 2] += 1
        row[4][normalise(mention.text)] += 1
    ordered = sorted(rows.values(), key=lambda row: (-(row[2] + row[3]), row[5]))
    spec = {"entity": STRING, "kind": STRING, "mentions": INT, "by_name": INT,
            "by_capital": INT, "names": STRING}
    return build_frame(spec, columns_of_rows(spec, [
        (
            entity,
            entity_kind(min(labels, key=lambda lab: (-labels[lab], LABELS.index(lab))), entity),
            by_name + by_capital,
            by_name,
            by_capital,
            ", ".join(f"{form} ×{n}" for form, n in sorted(forms.items(), key=lambda f: (-f[1], f[0]))),
        )
        for entity, labels, by_name, by_capital, forms, _ in ordered
    ]))


@cache
def _countries() -> frozenset[str]:
    return frozenset(country_names().values())


# --- counting ---------------------------------------------------------------------------------


@dataclass
class EntityCount:
    """One entity's mentions: its label votes and its surface forms with their counts."""

    entity: str
    mentions: int = 0
    labels: Counter = field(default_factory=Counter)
    forms: dict[str, tuple[int, str]] = field(default_factory=dict)  # form -> (count, label)

    @property
    def label(self) -> str:
        """The most frequent label (ties: the order of :data:`LABELS`)."""
        return min(self.labels, key=lambda label: (-self.labels[label], LABELS.index(label)))


def _count(mentions: list[Mention], merge_metonyms: bool) -> list[EntityCount]:
    """Mentions grouped by entity, most mentioned first, then by name."""
    counts: dict[str, EntityCount] = {}
    for mention in mentions:
        entity, label = mention.entity, mention.label
        if merge_metonyms and mention.refers_to is not None:
            entity, label = mention.refers_to, "GPE"
        count = counts.get(entity) or counts.setdefault(entity, EntityCount(entity))
        count.mentions += 1
        count.labels[label] += 1
        form = normalise(mention.text)
        seen, first_label = count.forms.get(form, (0, label))
        count.forms[form] = (seen + 1, first_label)
    return sorted(counts.values(), key=lambda count: (-count.mentions, count.entity))
