"""Resolve the speaker of each attribution to an entity or to the noun phrase first used for it.

Rules, in order, for a speaker mention (``speaker`` span of :func:`helpers.quotes.extract_quotes`):

* the same span as an earlier row (a quote paragraph that continues a speaker): same answer;
* ``he``/``she``: the nearest earlier person, a PERSON entity or a speaker resolved to one;
* ``they``: the nearest earlier plural source: a speaker or noun phrase headed by a word of
  ``[plural_sources]`` in ``data/quote_cues.txt`` ("the three nations", "US officials");
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

Unresolvable pronouns are kept as written (lower case).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

import pandas as pd

from helpers.entities import LABEL_DTYPE, extract_entities
from helpers.quote_lexicon import QuoteLexicon, quote_lexicon

RESOLVED_COLUMNS = ["speaker_entity", "speaker_label"]
_TOKEN = re.compile(r"[^\W_](?:[\w'’.&-]*[^\W_])?\.?|[^\w\s]")
_ARTICLES = frozenset({"the", "a", "an", "this", "that", "these", "those"})
_PERSON_PRONOUNS = frozenset({"person"})


@dataclass(frozen=True)
class _Answer:
    """A resolved speaker: display name, entity label (None for a plain noun phrase), head noun."""

    name: str
    label: str | None
    head: str
    plural: bool


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
        self.entities = entities
        self.entity_starts = [start for start, _, _, _ in self.entities]
        self.spans: dict[tuple[int, int], _Answer] = {}
        self.history: list[tuple[int, _Answer]] = []
        heads = "|".join(
            f"[{word[0].upper()}{word[0]}]{re.escape(word[1:])}"
            for word in sorted(lexicon.plural_sources, key=len, reverse=True)
        )
        self.plural_heads = re.compile(rf"\b(?:{heads})\b")

    def resolve(self, start: int, end: int, parent: _Answer | None) -> _Answer:
        """Resolve the speaker mention ``text[start:end]`` and remember the answer."""
        if (start, end) in self.spans:
            return self.spans[(start, end)]
        mention = self.text[start:end]
        role = self.lexicon.pronouns.get(mention.lower())
        if role is not None:
            answer = self._pronoun(start, mention.lower(), role, parent)
        else:
            answer = self._noun_phrase(start, end)
        self.spans[(start, end)] = answer
        self.history.append((start, answer))
        return answer

    def _pronoun(self, start: int, pronoun: str, role: str, parent: _Answer | None) -> _Answer:
        fallback = _Answer(pronoun, None, pronoun, role == "plural")
        if role == "self":
            return parent if parent is not None else fallback
        candidates: list[tuple[int, _Answer]] = []
        if role == "person":
            candidates += [(p, a) for p, a in self.history if a.label == "PERSON"]
            candidates += self._entities_before(start, {"PERSON"})
        elif role == "plural":
            candidates += [(p, a) for p, a in self.history if a.plural]
            candidates += self._plural_phrases_before(start)
        elif role == "thing":
            candidates += [(p, a) for p, a in self.history if a.label != "PERSON" and not a.plural]
            candidates += self._entities_before(start, {"ORG", "GPE"})
        earlier = [(p, a) for p, a in candidates if p < start]
        return max(earlier, key=lambda item: item[0])[1] if earlier else fallback

    def _entities_before(self, position: int, labels: set[str]) -> list[tuple[int, _Answer]]:
        index = bisect_left(self.entity_starts, position)
        found = []
        for start, _end, label, name in reversed(self.entities[:index]):
            if label in labels:
                found.append((start, _Answer(name, label, name.lower(), False)))
                break
        return found

    def _plural_phrases_before(self, position: int) -> list[tuple[int, _Answer]]:
        last = None
        for match in self.plural_heads.finditer(self.text, 0, position):
            last = match
        if last is None:
            return []
        tokens = list(_TOKEN.finditer(self.text, max(0, last.start() - 200), last.end()))
        first = _phrase_start(tokens, self.lexicon)
        phrase = self.text[tokens[first].start() : last.end()]
        name = _without_article(phrase)
        return [(tokens[first].start(), _Answer(name, None, last.group().lower(), True))]

    def _noun_phrase(self, start: int, end: int) -> _Answer:
        text = self.text
        core_end = text.find(",", start, end)
        core_end = end if core_end < 0 else core_end
        tokens = list(_TOKEN.finditer(text, start, core_end))
        if not tokens:
            return _Answer(text[start:end], None, "", False)
        person = self._entity_at(tokens[-1].start(), tokens[-1].end())
        if person is not None and person[0] == "PERSON":
            return _Answer(person[1], "PERSON", person[1].lower(), False)
        head_index = _head_index(tokens, self.lexicon)
        head = tokens[head_index]
        head_word = head.group().lower()
        plural = head_word in self.lexicon.plural_sources
        entity = self._entity_at(head.start(), head.end())
        if entity is not None:
            return _Answer(entity[1], entity[0], entity[1].lower(), plural)
        definite = tokens[0].group().lower() in _ARTICLES - {"a", "an"}
        if definite:
            for _, answer in sorted(self.history, key=lambda item: item[0]):
                if answer.head == head_word and answer.label is None:
                    return answer
            label = self.lexicon.anaphora.get(head_word)
            if label is not None:
                nearest = self._entities_before(start, {label})
                if nearest:
                    return nearest[0][1]
        return _Answer(_without_article(text[start:end]), None, head_word, plural)

    def _entity_at(self, start: int, end: int) -> tuple[str, str] | None:
        """Label and name of the entity mention overlapping ``[start, end)``, if any."""
        index = bisect_left(self.entity_starts, end)
        for e_start, e_end, label, name in reversed(self.entities[max(0, index - 3) : index]):
            if e_start < end and e_end > start:
                return label, name
        return None


def _entity_name(entity: object, refers_to: object) -> str:
    """An entity's name for speakers: a metonym is named as what it stands for."""
    return str(entity if pd.isna(refers_to) else refers_to)


def _head_index(tokens: list[re.Match[str]], lexicon: QuoteLexicon) -> int:
    """The head of a noun phrase: the last word before a post-modifying preposition."""
    for index in range(1, len(tokens) - 1):
        word = tokens[index].group()
        if word.lower() not in lexicon.np_prepositions and word.lower() not in {
            "after",
            "among",
            "between",
        }:
            continue
        before, after = tokens[index - 1].group(), tokens[index + 1].group()
        if before.islower() or before.lower() in lexicon.plural_sources or not after[:1].isupper():
            return index - 1
    return len(tokens) - 1


def _phrase_start(tokens: list[re.Match[str]], lexicon: QuoteLexicon) -> int:
    """First token of the noun phrase ending with the last token: determiners, three modifiers."""
    index = len(tokens) - 1
    modifiers = 0
    while index > 0:
        previous = tokens[index - 1].group()
        lower = previous.lower()
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
        if index < len(tokens) - 1 and tokens[index].group().lower() in lexicon.determiners:
            break
        if lower in lexicon.pronouns or modifiers == 3:
            break
        modifiers += 1
        index -= 1
    return index


def _without_article(phrase: str) -> str:
    first, _, rest = phrase.partition(" ")
    return rest if first.lower() in _ARTICLES and rest else phrase
