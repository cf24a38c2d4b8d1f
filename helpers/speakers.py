"""Resolve the speaker of each attribution to an entity or to the noun phrase first used for it.

Rules, in order, for a speaker mention (``speaker`` span of :func:`helpers.quotes.extract_quotes`):

* the same span as an earlier row (a quote paragraph that continues a speaker): same answer;
* ``he``/``she`` (and ``his``/``her`` before a noun cue): the nearest earlier person of that
  gender or of unknown gender, a PERSON entity or a speaker resolved to one. The gender of a
  person comes from a title before or in the name ("Mrs.", "Sen." has none) or from the first
  name (US Census 1990 first-name lists of the ``names`` package: a name counts as female or
  male when it is at least twice as frequent among women as among men, or the reverse), or
  from a pronoun already resolved to the person;
* ``they``: the nearest earlier plural source: a speaker or noun phrase headed by a word of
  ``[plural_sources]`` in ``data/quote_cues.txt`` ("the three nations", "US officials"), or a
  coordination of named organisations, places or people ("The United Nations and the European
  Union" → "United Nations and European Union");
* ``it``: the nearest earlier organisation or place (ORG/GPE entity or non-person speaker);
* ``I``/``we``/``you``: the speaker of the quote around it (the parent row), if any;
* a name or title + name ("US Assistant Secretary ... James Kelly", "John Smith, a spokesman"):
  the entity of the mention's head, via :func:`helpers.entities.extract_entities`; a metonym
  resolves to what it stands for ("Pyongyang" → "North Korea");
* a definite noun phrase ("the statement") with the head noun of an earlier speaker: that
  speaker's answer (nominal anaphora); "the company"-like heads listed in ``[anaphora]``: the
  nearest earlier entity with the listed label;
* otherwise the noun phrase itself without its article ("a joint statement after talks ..." →
  "joint statement after talks ..."), the answer of every later reference to it.

Unresolvable pronouns are kept as written (lower case). Every lookup is a binary search over
lists kept in text order, so resolving all the speakers of a text costs about linear time.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import cache, cached_property
from itertools import pairwise
from pathlib import Path

import names as census_names
import pandas as pd

from helpers.document import as_document
from helpers.entities import LABEL_DTYPE, extract_entities
from helpers.quote_lexicon import QuoteLexicon, quote_lexicon
from helpers.timex_lexicon import timex_lexicon

RESOLVED_COLUMNS = ["speaker_entity", "speaker_label"]
_ARTICLES = frozenset({"the", "a", "an", "this", "that", "these", "those"})
_POSSESSIVE_ROLES = {"his": "person", "its": "thing", "their": "plural"}
_COORDINATED_LABELS = frozenset({"ORG", "GPE", "PERSON"})
_COORDINATION = re.compile(r"\s*(?:,\s*)?and\s+(?:the\s+)?")


@cache
def _number_words() -> frozenset[str]:
    """Cardinal number words ("two", "three"...) from the time lexicon's list."""
    words = timex_lexicon().data["number_words"]
    return frozenset(word for word, value in words.items() if " " not in word and value > 1)


_SEARCH_DEPTH = 30  # earlier candidates looked at for a gender match
_GENDER_RATIO = 2.0


@dataclass(frozen=True)
class _Answer:
    """A resolved speaker: display name, entity label (None for a plain noun phrase), head
    noun, plural, and gender when known."""

    name: str
    label: str | None
    head: str
    plural: bool
    gender: str | None = None


#: An attribution's speaker for resolution: ``(quote_id, parent_id, (speaker_start, speaker_end))``.
SpeakerMention = tuple[int, int | None, tuple[int, int]]
#: An entity mention for resolution: ``(start, end, label, name)`` (a metonym named as its country).
EntitySpan = tuple[int, int, str, str]


def resolve_speakers(
    text: str, attributions: pd.DataFrame, entities: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Resolve the speakers of ``attributions`` (rows of ``extract_quotes(text)``).

    Returns a DataFrame aligned with ``attributions`` (same index): ``speaker_entity`` (string,
    null when the row has no speaker) and ``speaker_label`` (category of entity labels, null for
    a source that is not a named entity). ``entities`` is ``extract_entities(text)``, computed
    here (once per text) when not given.
    """
    if entities is None:
        entities = extract_entities(text)
    entity_spans = [
        (int(e.start), int(e.end), str(e.label), _entity_name(e.entity, e.refers_to))
        for e in entities.itertuples(index=False)
    ]
    speakers = [
        (
            int(row.quote_id),
            None if pd.isna(row.parent_id) else int(row.parent_id),
            None if pd.isna(row.speaker_start) else (int(row.speaker_start), int(row.speaker_end)),
        )
        for row in attributions.itertuples(index=False)
    ]
    answers = speaker_answers(text, speakers, entity_spans)
    return pd.DataFrame(
        {
            "speaker_entity": pd.array([a[0] for a in answers], dtype="string"),
            "speaker_label": pd.Categorical([a[1] for a in answers], dtype=LABEL_DTYPE),
        },
        index=attributions.index,
        columns=RESOLVED_COLUMNS,
    )


#: Words after which a long source's noun phrase only modifies its head ("joint statement |
#: after talks here among senior … diplomats").
_POSTMODIFIERS = frozenset(
    {"after", "among", "from", "of", "in", "at", "with", "by", "who", "which", "that", "for", "on"}
)


def short_name(name: str, longest: int = 4) -> str:
    """A display name for a source: a noun phrase of more than ``longest`` words is cut before
    its first post-modifier ("joint statement after talks here among …" → "joint statement")."""
    words = name.split()
    if len(words) <= longest:
        return name
    for index, word in enumerate(words[1:], start=1):
        if word.lower() in _POSTMODIFIERS:
            return " ".join(words[:index])
    return name


def speaker_answers(
    text: str,
    speakers: list[tuple[int, int | None, tuple[int, int] | None]],
    entities: list[EntitySpan],
) -> list[tuple[str | None, str | None]]:
    """``(speaker_entity, speaker_label)`` for each ``(quote_id, parent_id, speaker span)``.

    Speakers are resolved in text order, first-person pronouns after the speakers they
    refer to (the parent's); a row without a speaker span gets ``(None, None)``.
    """
    resolver = _Resolver(text, entities, quote_lexicon())
    self_pronouns = {word for word, role in resolver.lexicon.pronouns.items() if role == "self"}
    order = sorted(
        (text[span[0] : span[1]].lower() in self_pronouns, span[0], position)
        for position, (_, _, span) in enumerate(speakers)
        if span is not None
    )
    answers: list[tuple[str | None, str | None]] = [(None, None)] * len(speakers)
    by_quote: dict[int, _Answer] = {}
    for _, _, position in order:
        quote_id, parent_id, span = speakers[position]
        assert span is not None
        parent = None if parent_id is None else by_quote.get(parent_id)
        answer = resolver.resolve(span[0], span[1], parent)
        by_quote[quote_id] = answer
        answers[position] = (answer.name, answer.label)
    return answers


class _Resolver:
    """Remembers earlier speakers while resolving mentions in text order."""

    def __init__(self, text: str, entities: list[EntitySpan], lexicon: QuoteLexicon) -> None:
        self.text = text
        self.lexicon = lexicon
        self.document = as_document(text)
        self.entities = entities
        self.entity_starts = [start for start, _, _, _ in entities]
        self.spans: dict[tuple[int, int], _Answer] = {}
        self.persons = _Timeline()
        self.plurals = _Timeline()
        self.things = _Timeline()
        self.first_by_head: dict[str, _Answer] = {}
        self.groups: dict[tuple[str, str], _Answer] = {}

    def resolve(self, start: int, end: int, parent: _Answer | None) -> _Answer:
        """Resolve the speaker mention ``text[start:end]`` and remember the answer."""
        if (start, end) in self.spans:
            return self.spans[(start, end)]
        mention = self.text[start:end].lower()
        role = self.lexicon.pronouns.get(mention) or _POSSESSIVE_ROLES.get(mention)
        if role is not None:
            answer = self._pronoun(start, mention, role, parent)
        else:
            answer = self._noun_phrase(start, end)
        self.spans[(start, end)] = answer
        self._remember(start, answer)
        return answer

    def _remember(self, position: int, answer: _Answer) -> None:
        if answer.label == "PERSON":
            self.persons.add(position, answer)
        elif answer.plural:
            self.plurals.add(position, answer)
        else:
            self.things.add(position, answer)
        if answer.label is None and answer.head:
            self.first_by_head.setdefault(answer.head, answer)
            group = self._group(answer.name.split(), answer.head)
            if group is not None:
                self.groups.setdefault(group, answer)

    def _group(self, words: list[str], head: str) -> tuple[str, str] | None:
        """``(number, kind of group)`` of a counted group noun phrase ("the three nations" and
        "all three countries" give ("three", "nations")), or None."""
        kind = self.lexicon.group_nouns.get(head)
        numbers = [word.lower() for word in words if word.lower() in _number_words() or word.isdigit()]
        return (numbers[0], kind) if kind and numbers else None
    def _pronoun(self, start: int, pronoun: str, role: str, parent: _Answer | None) -> _Answer:
        fallback = _Answer(pronoun, None, pronoun, role == "plural")
        if role == "self":
            return parent if parent is not None else fallback
        found: list[tuple[int, _Answer]] = []
        if role == "person":
            gender = self.lexicon.genders.get(pronoun)
            found = [
                *self.persons.nearest(start, gender),
                *self._entity_before(start, {"PERSON"}, gender),
            ]
            if found:
                answer = max(found, key=lambda item: item[0])[1]
                return answer if answer.gender or not gender else replace(answer, gender=gender)
        elif role == "plural":
            found = [*self.plurals.nearest(start), *self.plural_phrases.nearest(start)]
        elif role == "thing":
            found = [*self.things.nearest(start), *self._entity_before(start, {"ORG", "GPE"})]
        return max(found, key=lambda item: item[0])[1] if found else fallback

    def _entity_before(
        self, position: int, labels: set[str], gender: str | None = None
    ) -> list[tuple[int, _Answer]]:
        """The nearest entity mention before ``position`` with one of ``labels`` (and a
        compatible gender, for persons), as a candidate answer."""
        index = bisect_left(self.entity_starts, position) - 1
        for looked in range(_SEARCH_DEPTH):
            if index - looked < 0:
                break
            start, end, label, name = self.entities[index - looked]
            if label not in labels:
                continue
            found = _Answer(name, label, name.lower(), False, self._gender(start, end, name, label))
            if gender is None or found.gender in {None, gender}:
                return [(start, found)]
        return []

    def _gender(self, start: int, end: int, name: str, label: str) -> str | None:
        """The gender of a person mention: a title before or in it, else its first name."""
        if label != "PERSON":
            return None
        genders = self.lexicon.genders
        document = self.document
        index = document.token_index(start)
        if index > 0 and document.forms[index - 1].lower() in genders:
            return genders[document.forms[index - 1].lower()]
        for word in [*self.text[start:end].split(), *name.split()]:
            if word.lower() in genders:
                return genders[word.lower()]
            if not word.endswith("."):  # the first name, after any abbreviated title
                return first_name_gender(word)
        return None

    @cached_property
    def plural_phrases(self) -> _Timeline:
        """Every plural source of the text in order (found when a "they" first needs them): noun phrases headed by a plural source
        noun and coordinations of named organisations, places or people."""
        timeline = _Timeline()
        candidates: list[tuple[int, _Answer]] = []
        document, lexicon = self.document, self.lexicon
        forms = document.forms
        for index, form in enumerate(forms):
            lower = form.lower()
            if lower not in lexicon.plural_sources or not (form.islower() or form.istitle()):
                continue
            first = _phrase_start(forms, index, lexicon)
            start, end = document.tokens[first][0], document.tokens[index][1]
            name = _without_article(self.text[start:end])
            candidates.append((start, _Answer(name, None, lower, True)))
        entities = self.entities
        for (start, end, label, name), (next_start, _, next_label, next_name) in pairwise(entities):
            if label not in _COORDINATED_LABELS or next_label not in _COORDINATED_LABELS:
                continue
            joint = _COORDINATION.fullmatch(self.text, end, next_start)
            if joint is None or name == next_name:
                continue
            shared = label if label == next_label else None
            answer = _Answer(f"{name} and {next_name}", shared, next_name.lower(), True)
            candidates.append((start, answer))
        for position, answer in sorted(candidates, key=lambda item: item[0]):
            timeline.add(position, answer)
        return timeline

    def _noun_phrase(self, start: int, end: int) -> _Answer:
        text, document = self.text, self.document
        core_end = text.find(",", start, end)
        core_end = end if core_end < 0 else core_end
        span = document.token_range(start, core_end)
        forms = [document.forms[index] for index in span]
        if not forms:
            return _Answer(text[start:end], None, "", False)
        coordination = self._coordination(start, core_end)
        if coordination is not None:
            return coordination
        last = document.tokens[span[-1]]
        person = self._entity_at(last[0], last[1])
        if person is not None and person[0] == "PERSON":
            gender = self._title_gender(forms) or self._gender(start, end, person[1], "PERSON")
            return _Answer(person[1], "PERSON", person[1].lower(), False, gender)
        head_index = _head_index(forms, self.lexicon)
        head_token = document.tokens[span[head_index]]
        head_word = forms[head_index].lower()
        plural = head_word in self.lexicon.plural_sources
        entity = self._entity_at(head_token[0], head_token[1])
        if entity is not None:
            return _Answer(entity[1], entity[0], entity[1].lower(), plural)
        if forms[0].lower() in _ARTICLES - {"a", "an"}:
            earlier = self.first_by_head.get(head_word)
            if earlier is not None:
                return earlier
            label = self.lexicon.anaphora.get(head_word)
            if label is not None:
                nearest = self._entity_before(start, {label})
                if nearest:
                    return nearest[0][1]
        group = self._group(forms, head_word)
        if group in self.groups:
            return self.groups[group]
        return _Answer(_without_article(text[start:end]), None, head_word, plural)

    def _coordination(self, start: int, end: int) -> _Answer | None:
        """Named organisations, places or people joined by "and" that make up the mention
        ("The United Nations and the European Union"), or None."""
        low = bisect_left(self.entity_starts, start)
        high = bisect_left(self.entity_starts, end)
        inside = self.entities[low:high]
        if len(inside) != 2 or inside[1][1] > end:
            return None
        (_, first_end, label, name), (second_start, second_end, other_label, other_name) = inside
        if label not in _COORDINATED_LABELS or other_label not in _COORDINATED_LABELS:
            return None
        if _COORDINATION.fullmatch(self.text, first_end, second_start) is None:
            return None
        if self.text[second_end:end].strip():
            return None
        shared = label if label == other_label else None
        return _Answer(f"{name} and {other_name}", shared, other_name.lower(), True)

    def _title_gender(self, forms: list[str]) -> str | None:
        for form in forms:
            gender = self.lexicon.genders.get(form.lower())
            if gender is not None and form[:1].isupper():
                return gender
        return None

    def _entity_at(self, start: int, end: int) -> tuple[str, str] | None:
        """Label and name of the entity mention overlapping ``[start, end)``, if any."""
        index = bisect_left(self.entity_starts, end)
        for e_start, e_end, label, name in reversed(self.entities[max(0, index - 3) : index]):
            if e_start < end and e_end > start:
                return label, name
        return None


class _Timeline:
    """Answers by the position of their mention, for "the nearest earlier one" lookups."""

    def __init__(self) -> None:
        self.positions: list[int] = []
        self.answers: list[_Answer] = []

    def add(self, position: int, answer: _Answer) -> None:
        index = bisect_right(self.positions, position)
        self.positions.insert(index, position)
        self.answers.insert(index, answer)

    def nearest(self, position: int, gender: str | None = None) -> list[tuple[int, _Answer]]:
        """The nearest answer before ``position`` (of a compatible gender), as a list of 0 or 1."""
        index = bisect_left(self.positions, position) - 1
        for looked in range(_SEARCH_DEPTH):
            if index - looked < 0:
                break
            answer = self.answers[index - looked]
            if gender is None or answer.gender in {None, gender}:
                return [(self.positions[index - looked], answer)]
        return []


@cache
def _census_first_names() -> dict[str, str]:
    """First name → gender, from the US Census 1990 lists of the ``names`` package."""
    folder = Path(census_names.__file__).parent
    frequency: dict[str, dict[str, float]] = {"male": {}, "female": {}}
    for gender, table in frequency.items():
        for line in (folder / f"dist.{gender}.first").read_text("ascii").splitlines():
            fields = line.split()
            if len(fields) >= 2:
                table[fields[0].lower()] = float(fields[1])
    genders: dict[str, str] = {}
    for name in frequency["male"].keys() | frequency["female"].keys():
        male = frequency["male"].get(name, 0.0)
        female = frequency["female"].get(name, 0.0)
        if male >= _GENDER_RATIO * female:
            genders[name] = "male"
        elif female >= _GENDER_RATIO * male:
            genders[name] = "female"
    return genders


def first_name_gender(name: str) -> str | None:
    """``male``, ``female`` or None (unknown or shared) for a first name (Census 1990 lists)."""
    return _census_first_names().get(name.lower())


def _entity_name(entity: object, refers_to: object) -> str:
    """An entity's name for speakers: a metonym is named as what it stands for."""
    return str(entity if pd.isna(refers_to) else refers_to)


def _head_index(forms: list[str], lexicon: QuoteLexicon) -> int:
    """The head of a noun phrase: the last word before a post-modifying preposition."""
    for index in range(1, len(forms) - 1):
        word = forms[index].lower()
        if word not in lexicon.np_prepositions and word not in {"after", "among", "between"}:
            continue
        before, after = forms[index - 1], forms[index + 1]
        if before.islower() or before.lower() in lexicon.plural_sources or not after[:1].isupper():
            return index - 1
    return len(forms) - 1


def _phrase_start(forms: list[str], last: int, lexicon: QuoteLexicon) -> int:
    """First token of the noun phrase ending with token ``last``: determiners and at most three
    modifiers (a possessive "'s" is part of a modifier)."""
    index = last
    modifiers = 0
    while index > 0 and last - index < 12:
        previous = forms[index - 1]
        lower = previous.lower()
        if lower in {"'s", "’s", "'", "’"}:
            index -= 1
            continue
        if (
            not previous[:1].isalnum()
            or previous.endswith(".")
            or lower in lexicon.stops
            or lower in lexicon.np_prepositions
        ):
            break
        if lower in lexicon.determiners:
            index -= 1
            continue
        if index < last and forms[index].lower() in lexicon.determiners:
            break
        if lower in lexicon.pronouns or modifiers == 3:
            break
        modifiers += 1
        index -= 1
    return index


def _without_article(phrase: str) -> str:
    first, _, rest = phrase.partition(" ")
    return rest if first.lower() in _ARTICLES and rest else phrase
