"""Teams in match reports: a name that plays is an organisation, even when it is a city or a country.

News convention (CoNLL-2003, OntoNotes 5.0): a sports team is an ORG, whatever it is named
after ("Leeds beat Chelsea 2-1", "Italy drew with England"), while the same name outside sports
is a place ("Italy signed a treaty"). A name is a team when

- it stands in a results row, directly before a score ("Leeds United 2 Arsenal 1", a standings
  line "Barnsley 6 4 1 1 12 6 13"): a line of names and numbers only; in a table where two
  rows or more name teams so, every name before a number is a team ("Aston Villa 2"); or
- in a sports context it is next to a match word: before "beat", "drew", "lost", "scored"...,
  after "beat", "against", "versus", "drew with", "lost to"..., or before a score ("Leeds 2-1").

A sentence is a sports context when it holds a score ("2-1", but not a tally of votes: "the
council voted 14-0") or the whole text is a match report
(a score and sports words in two sentences or more); an unknown name (no place list has it) needs
only a sports word in its sentence ("Bayern scored twice").
"""

from __future__ import annotations

import re
from functools import cache, cached_property

from helpers.entity_context import NameContext
from helpers.entity_spans import Mention

_SCORE = re.compile(r"(?<![\w.,/-])\d{1,3}-\d{1,3}(?![\w/-]|[.,]\d)")
_NUMBER_NEXT = re.compile(r"[ \t]+\d{1,3}(?:-\d{1,3})?(?![\w.,/-]|[.,]\d)")
_SCORE_AFTER = re.compile(r"[ \t]+\d{1,3}-\d{1,3}(?![\w/-]|[.,]\d)")
_TABLE_ROW = re.compile(
    r"[ \t]*(?:\d+[.)]?[ \t]+)?"
    r"(?:[^\W\d_][^\d\n]*?[ \t]+\d+(?:[-:./]\d+)*(?:[ \t]+\d+(?:[-:./]\d+)*)*[ \t]*)+"
)
_MAX_ROW = 500
"""A results row is a short line (longer ones are prose)."""
_VOTE = re.compile(r"\b(?:vot(?:e|es|ed|ing)|ballots?|rul(?:ed|ing)|verdict)\b")
_TWO_WORDS_BEFORE = re.compile(
    r"\b(?:lost|losing|loss|lose|loses|drew|draw|drawn|tied|win|won|victory|triumph|defeat|beaten)"
    r"[ \t]+(?:to|with|over|against|by)[ \t]*$"
)
_SECOND_WORDS = frozenset({"to", "with", "over", "against", "by"})
_POSSESSIVE_AFTER = re.compile(r"['\u2019]s?\b")
_FOLLOWING_WORD = re.compile(r"[ \t]*(?:\n[ \t]*)?([A-Za-z][\w.]*)")


class SportsContext:
    """Answers "is this mention a team?" for one text (see the module docstring)."""

    def __init__(self, context: NameContext) -> None:
        self.context = context
        self.text = context.text
        self.words = context.lists.words

    def is_team(self, mention: Mention, listed_place: bool) -> bool:
        """True when ``mention`` plays in a match; ``listed_place``: a country or city name,
        which needs a score in its sentence (or a match report) and not just a sports word."""
        if self.in_table_row(mention):
            return True
        if not self._next_to_match_word(mention) or not self._sports_sentences:
            return False
        sentence = self.context.document.sentence_index(mention.start)
        if sentence in self._score_sentences or self._is_match_report:
            return True
        return not listed_place and sentence in self._sports_sentences

    def in_sports_context(self, mention: Mention) -> bool:
        """True when the sentence of ``mention`` holds a score or the text is a match report."""
        sentence = self.context.document.sentence_index(mention.start)
        return sentence in self._score_sentences or self._is_match_report

    def _next_to_match_word(self, mention: Mention) -> bool:
        text = self.text
        end = mention.end
        possessive = _POSSESSIVE_AFTER.match(text, end)
        after = _FOLLOWING_WORD.match(text, possessive.end() if possessive else end)
        if after and after.group(1).lower() in self.words.team_verb_after:
            return True
        if _SCORE_AFTER.match(text, end):
            return True
        before = self.context.word_before(mention.start).lower()
        if before in self.words.team_word_before:
            return True
        return (
            before in _SECOND_WORDS
            and _TWO_WORDS_BEFORE.search(text, max(0, mention.start - 30), mention.start)
            is not None
        )

    def in_table_row(self, mention: Mention) -> bool:
        """True when ``mention`` stands right before a number in a row of names and numbers."""
        text = self.text
        if not _NUMBER_NEXT.match(text, mention.end):
            return False
        start = text.rfind("\n", 0, mention.start) + 1
        end = text.find("\n", mention.end)
        end = len(text) if end < 0 else end
        return end - start <= _MAX_ROW and _TABLE_ROW.fullmatch(text, start, end) is not None

    @cached_property
    def _score_sentences(self) -> frozenset[int]:
        """Sentences with a score, except tallies of votes ("the council voted 14-0")."""
        scores = self._sentences_of(match.start() for match in _SCORE.finditer(self.text))
        if not scores:
            return scores
        votes = self._sentences_of(match.start() for match in _VOTE.finditer(self.text))
        return scores - votes

    @cached_property
    def _sports_sentences(self) -> frozenset[int]:
        """Sentences with a score or a sports word."""
        pattern = _word_pattern(self.words.sports_word)
        return self._score_sentences | self._sentences_of(
            match.start() for match in pattern.finditer(self.text)
        )

    @cached_property
    def _is_match_report(self) -> bool:
        return len(self._score_sentences) >= 1 and len(self._sports_sentences) >= 2

    def _sentences_of(self, offsets) -> frozenset[int]:
        return frozenset(map(self.context.document.sentence_index, offsets))


@cache
def _word_pattern(words: frozenset[str]) -> re.Pattern[str]:
    """A regex that finds any of ``words`` as a whole word."""
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, words))) + r")\b")
