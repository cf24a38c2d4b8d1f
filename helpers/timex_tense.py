"""The tense of the verb that governs a temporal expression, and the tense of a sentence.

A bare "Friday", "March" or "May 24" in news is the last one before the dateline or the next
one after it, and the verb decides (TimeML/TempEval-3 practice): the verb group nearest the
expression in its clause, read from its Penn Treebank tags (:attr:`Document.tags`):

- future: a modal ("will be signed on Friday", "could" excepted), a schedule word in the group
  ("is expected", "was scheduled", "plans to", "is to", "going to"), or the **present tense**
  of any verb but a reporting one: news uses the simple present for what is scheduled ("The
  hearing begins Monday", "The summit is on Friday", "The deadline is in February");
- past: the past tense, the present perfect ("has been closed"), a bare past participle ("signed
  in 1994"), and an expression after "since" ("closed since March": a state that began then);
- otherwise the nearest other cue ("ago", "last", "next", "tomorrow"...), and the past by
  default (news reports what happened).

A sentence's tense (for :class:`helpers.timex_reference.Narrative`) is that of its first finite
verb.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import cache

from helpers.document import Document
from helpers.timex_lexicon import timex_lexicon, word_pattern

FUTURE, PAST, UNKNOWN = 1, -1, 0
_FINITE = frozenset({"MD", "VBD", "VBZ", "VBP"})
_IN_GROUP = frozenset({"MD", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "RB", "TO"})
_PRESENT_HAVE = frozenset({"has", "have", "'ve"})
_CLAUSE_CHARS = 120
#: The verb is looked for this close first (most are), then in the whole clause.
_NEAR_CHARS = 40
_SENTENCE_CHARS = 300
_CLAUSE_MARKS = ".;!?"
_REPORTED_BEFORE = re.compile(r"(?<![\w'’])(?:said|told|announced|reported|added)\s+(?:on\s+)?\Z")

Word = tuple[int, str, str]
"""A word: its start offset, its lower-case form (straight apostrophes), its tag."""


@cache
def _cue_pattern() -> re.Pattern[str]:
    data = timex_lexicon().data
    return re.compile(
        rf"(?<![\w'])(?:(?P<future>{word_pattern(data['future_cues'])})|"
        rf"(?P<past>{word_pattern(data['past_cues'])}))(?![\w'])",
        re.IGNORECASE,
    )


@cache
def _reporting_verbs() -> frozenset[str]:
    return frozenset(timex_lexicon().data["reporting_verbs"])


class TenseReader:
    """Tense questions about one document's text (see the module docstring)."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.text = document.text
        self._sentence_starts: list[int] | None = None
        self._sentence_tenses: dict[int, int] = {}
        self._last_around: tuple[tuple[int, int] | None, tuple] = (None, ())

    def words(self, start: int, end: int) -> list[Word]:
        """The words that start inside ``[start, end)``, with their tags."""
        return list(self._iter_words(start, end))

    def _iter_words(self, start: int, end: int) -> Iterator[Word]:
        document = self.document
        tokens, forms, tags = document.tokens, document.forms, document.tags
        return ((tokens[i][0], forms[i].lower().replace("’", "'"), tags[i])
                for i in document.token_range(start, end))

    def _around(self, start: int, end: int) -> tuple[int, int, list[Word], list[Word]]:
        """The clause around ``text[start:end]`` and its words before and after it (kept for
        the last expression asked about: its handler may ask several questions)."""
        if self._last_around[0] != (start, end):
            for reach in (_NEAR_CHARS, _CLAUSE_CHARS):
                left, right = self._clause(start, end, reach)
                before = self.words(left, start)
                if _ends_with_verb(before):
                    after: list[Word] = []  # nothing after can be nearer
                    break
                after = self.words(end, right)
                if _candidate_groups(before, after):
                    break
            self._last_around = ((start, end), (left, right, before, after))
        return self._last_around[1]

    def governing(self, start: int, end: int) -> int:
        """FUTURE or PAST: the tense of the verb governing ``text[start:end]``."""
        if _REPORTED_BEFORE.search(self.text, max(0, start - 24), start):
            return PAST  # "said on Tuesday", the commonest case in news, read at once
        left, right, before, after = self._around(start, end)
        if before and before[-1][1] == "since":
            return PAST
        for _, words in sorted(_candidate_groups(before, after), key=lambda item: item[0]):
            tense = _group_tense(words)
            if tense != UNKNOWN:
                return tense
        return _nearest_cue(self.text, left, start, end, right)

    def past_perfect(self, start: int, end: int) -> bool:
        """Whether the verb nearest ``text[start:end]`` is a past perfect ("had opened")."""
        forms = [form for _, form, _ in self._nearest_group(start, end)]
        return forms[:1] in (["had"], ["'d"]) and len(forms) > 1

    def in_main_past(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` belongs to the past-tense story of its sentence: the
        sentence is not in the present and the nearest verb is not a bare participle ("Passed
        in 1978, the resolution calls...", "a plant built in 1962")."""
        group = self._nearest_group(start, end)
        if group and group[0][2] == "VBN":
            return False
        return self.sentence_tense(self._sentence_start(start)) != FUTURE

    def _nearest_group(self, start: int, end: int) -> list[Word]:
        _, _, before, after = self._around(start, end)
        groups = _candidate_groups(before, after)
        return min(groups, key=lambda item: item[0])[1] if groups else []

    def _sentence_start(self, offset: int) -> int:
        if self.document.sentences:
            return self.document.sentences[self.document.sentence_index(offset)][0]
        return 0

    def _clause(self, start: int, end: int, reach: int = _CLAUSE_CHARS) -> tuple[int, int]:
        """The stretch around ``text[start:end]`` where its verb is looked for: its clause, at
        most ``reach`` characters either side."""
        text = self.text
        low = max(0, start - reach)
        left = max(max(text.rfind(mark, low, start) for mark in _CLAUSE_MARKS) + 1,
                   text.rfind("\n\n", low, start) + 2, low)
        right = min([i for i in (text.find(mark, end, end + reach)
                                 for mark in (*_CLAUSE_MARKS, "\n\n")) if i >= 0]
                    + [end + reach, len(text)])
        return left, right

    def sentence_starts(self, low: int, high: int) -> list[int]:
        """Offsets in ``(low, high]`` where a sentence starts."""
        if self._sentence_starts is None:
            self._sentence_starts = [start for start, _ in self.document.sentences]
        starts = self._sentence_starts
        return starts[bisect_right(starts, low) : bisect_right(starts, high)]

    def sentence_tense(self, start: int) -> int:
        """FUTURE for a sentence about the present or the future, PAST for one in the past,
        UNKNOWN without a finite verb: the tense of the first finite verb from ``start``."""
        if start not in self._sentence_tenses:
            self._sentence_tenses[start] = self._first_finite_tense(start)
        return self._sentence_tenses[start]

    def _first_finite_tense(self, start: int) -> int:
        end = min(start + _SENTENCE_CHARS, len(self.text))
        document = self.document
        if document.sentences:
            end = min(end, document.sentences[document.sentence_index(start)][1])
        for _, _, tag in self._iter_words(start, end):
            if tag in _FINITE:
                return PAST if tag == "VBD" else FUTURE
        return UNKNOWN


def _ends_with_verb(words: list[Word]) -> bool:
    """Whether a verb group ends at most one word before the end of ``words``."""
    return any(tag in _IN_GROUP and tag not in ("RB", "TO") for _, _, tag in words[-2:])


def _group_end(words: list[Word], index: int) -> int:
    end = index + 1
    while end < len(words) and words[end][2] in _IN_GROUP:
        end += 1
    return end


def _candidate_groups(before: list[Word], after: list[Word]) -> list[tuple[float, list[Word]]]:
    """Verb groups (a finite verb or a bare past participle and the verbs, adverbs and "to"
    after it) with their distance in words from the expression; ties go to the left."""
    groups: list[tuple[float, list[Word]]] = []
    for side, words in ((0, before), (1, after)):
        index = 0
        while index < len(words):
            if words[index][2] in _FINITE or words[index][2] == "VBN":
                end = _group_end(words, index)
                distance = len(words) - end if side == 0 else index + 0.5
                groups.append((distance, words[index:end]))
                index = end
            else:
                index += 1
    return groups


def _group_tense(group: list[Word]) -> int:
    forms = [form for _, form, _ in group]
    tags = [tag for _, _, tag in group]
    match = _cue_pattern().search(" ".join(forms))
    if match and match.lastgroup == "future":
        return FUTURE
    first, tag = forms[0], tags[0]
    if tag == "MD":
        return UNKNOWN if first == "could" else FUTURE
    if tag in ("VBD", "VBN"):
        return PAST
    if tag in ("VBZ", "VBP"):
        if first in _PRESENT_HAVE and ("VBN" in tags[1:] or "VBD" in tags[1:]):
            return PAST
        if first == "'s" and forms[1:2] == ["been"]:
            return PAST
        return UNKNOWN if first in _reporting_verbs() else FUTURE
    return UNKNOWN


def _nearest_cue(text: str, left: int, start: int, end: int, right: int) -> int:
    """The nearest future or past cue word around the expression; PAST without one."""
    best_distance, best = _CLAUSE_CHARS * 2, PAST
    for cue in _cue_pattern().finditer(text, left, right):
        if start <= cue.start() < end:
            continue
        distance = start - cue.end() if cue.end() <= start else cue.start() - end
        if distance < best_distance:
            best_distance, best = distance, FUTURE if cue.lastgroup == "future" else PAST
    return best
