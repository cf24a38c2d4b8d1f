"""Quotation marks paired into quotations, and lookups over them (stage 1 of attribution).

Double marks (straight ``"``, curly ``“ ”``, ``` `` ''``, ``„``, ``« »``) are paired within a
paragraph (paragraphs are separated by a blank line). A quotation left open at the end of a
paragraph continues only when the next paragraph opens with a mark (the multi-paragraph
convention of AP style); otherwise it ends with its paragraph, so a stray mark never swallows
the article.

Single marks (``‘ ’``, straight ``'``, a lone backtick) are quotation marks only outside double
quotation (inside one they mark a quotation within the quotation, which stays part of it), and
only when they pair up within the paragraph: an apostrophe is never an opening mark (it stands
between letters, "don't", "O'Brien", or before a number or clipped word, "'90s", "'em"), and a
closing candidate that looks like a plural possessive ("the players' union") closes a quotation
only when no later candidate in the paragraph does. A double quotation inside a single one
(the British order) is part of the single one.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from helpers.document import Document

Span = tuple[int, int]

_DOUBLE_MARK = re.compile(r"``|''(?!')|[\"“”„«»]")  # in ''' a single mark closes first
_SINGLE_MARK = re.compile(r"[‘’'`]")
_OPENING_DOUBLE = frozenset({"``", "“", "„", "«"})
_CLOSING_DOUBLE = frozenset({"''", "”", "»"})
WORD_CHAR = re.compile(r"[^\W_]")  # a letter or digit
_OPENS_AFTER = '([{—–-/"“„«'
_CLOSES_BEFORE = '.,;:!?)]}—–-"”»'
_ASCII_WORD = re.compile(r"[A-Za-z]+")
_CLIPPED_WORDS = frozenset({"em", "til", "tis", "twas", "cause", "bout", "n", "round", "nuff"})


@dataclass
class Quotation:
    """A quoted passage: ``start``/``end`` include the marks; ``pieces`` are the inner texts
    (one per paragraph), without surrounding spaces and trailing commas."""

    start: int
    end: int
    pieces: list[Span]


def find_quotations(document: Document) -> list[Quotation]:
    """The quotations of ``document`` in text order (see the module docstring); none overlap."""
    text, paragraphs = document.text, document.paragraphs
    doubles = _DoublePairing(text, paragraphs).run()
    singles = _single_quotations(text, paragraphs, doubles)
    if not singles:
        return doubles
    kept = [
        quote
        for quote in doubles
        if not _contained(quote, singles, [single.start for single in singles])
    ]
    return sorted([*kept, *singles], key=lambda quote: quote.start)


def _contained(quote: Quotation, outer: list[Quotation], outer_starts: list[int]) -> bool:
    index = bisect_right(outer_starts, quote.start) - 1
    return index >= 0 and outer[index].end >= quote.end


class _DoublePairing:
    """Pairs the double marks of a text, paragraph by paragraph."""

    def __init__(self, text: str, paragraphs: Sequence[Span]) -> None:
        self.text = text
        self.paragraphs = paragraphs
        self.paragraph_starts = [start for start, _ in paragraphs]
        self.result: list[Quotation] = []
        self.current: Quotation | None = None
        self.piece_start = 0
        self.paragraph = -1

    def run(self) -> list[Quotation]:
        text = self.text
        for mark in _DOUBLE_MARK.finditer(text):
            paragraph = bisect_right(self.paragraph_starts, mark.start()) - 1
            role = _double_role(text, mark)
            if self.current is not None and paragraph != self.paragraph:
                previous_end = self.paragraphs[self.paragraph][1]
                continues = (
                    paragraph == self.paragraph + 1
                    and mark.start() == self.paragraph_starts[paragraph]
                    and role != "close"
                )
                if continues:
                    _add_piece(text, self.current, self.piece_start, previous_end)
                    self.piece_start, self.paragraph = mark.end(), paragraph
                    continue
                self._finish(previous_end, previous_end)
            if self.current is None:
                if role != "close":
                    self._open(mark, paragraph)
            elif role != "open" or mark.group() == '"':
                self._finish(mark.start(), mark.end())
            else:
                self._finish(mark.start(), strip_span(text, self.piece_start, mark.start())[1])
                self._open(mark, paragraph)
        if self.current is not None:
            end = self.paragraphs[self.paragraph][1] if self.paragraphs else len(text)
            self._finish(end, end)
        return self.result

    def _open(self, mark: re.Match[str], paragraph: int) -> None:
        self.current = Quotation(mark.start(), mark.end(), [])
        self.piece_start, self.paragraph = mark.end(), paragraph

    def _finish(self, end: int, closing_end: int) -> None:
        current = self.current
        assert current is not None
        _add_piece(self.text, current, self.piece_start, end)
        current.end = closing_end
        if current.pieces:
            self.result.append(current)
        self.current = None


def _double_role(text: str, mark: re.Match[str]) -> str:
    """Whether a double mark opens, closes or could do either (a straight ``"`` between words)."""
    symbol = mark.group()
    if symbol in _OPENING_DOUBLE:
        return "open"
    if symbol in _CLOSING_DOUBLE:
        return "close"
    before = text[mark.start() - 1] if mark.start() > 0 else " "
    after = text[mark.end()] if mark.end() < len(text) else " "
    opens = (before.isspace() or before in "([{—–-/") and not after.isspace()
    closes = not before.isspace() and (after.isspace() or after in ".,;:!?)]}—–-")
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def _single_quotations(
    text: str, paragraphs: Sequence[Span], doubles: list[Quotation]
) -> list[Quotation]:
    """Pair the single marks outside double quotation, within each paragraph."""
    double_starts = [quote.start for quote in doubles]
    paragraph_starts = [start for start, _ in paragraphs]
    result: list[Quotation] = []
    opening: re.Match[str] | None = None
    fallback: re.Match[str] | None = None  # a possessive-looking closer, used if nothing better
    paragraph = -1

    def close(mark: re.Match[str]) -> None:
        assert opening is not None
        quote = Quotation(opening.start(), mark.end(), [])
        _add_piece(text, quote, opening.end(), mark.start())
        if quote.pieces:
            result.append(quote)

    for mark in _SINGLE_MARK.finditer(text):
        position = mark.start()
        if _inside_word_or_double(text, position):
            continue
        index = bisect_right(double_starts, position) - 1
        if index >= 0 and doubles[index].end > position:
            continue
        mark_paragraph = bisect_right(paragraph_starts, position) - 1
        if opening is not None and mark_paragraph != paragraph:
            if fallback is not None:
                close(fallback)
            opening = fallback = None
        role = _single_role(text, mark)
        if opening is None:
            if role == "open":
                opening, fallback, paragraph = mark, None, mark_paragraph
            continue
        if role == "close":
            close(mark)
            opening = fallback = None
        elif role == "possessive":
            fallback = fallback or mark
        elif role == "open" and fallback is not None:
            close(fallback)
            opening, fallback, paragraph = mark, None, mark_paragraph
    if opening is not None and fallback is not None:
        close(fallback)
    return result


def _inside_word_or_double(text: str, position: int) -> bool:
    """Whether the single mark at ``position`` stands between two letters or digits ("don't")
    or is half of a double mark (``'' `` or a double backtick)."""
    before = text[position - 1] if position > 0 else " "
    after = text[position + 1] if position + 1 < len(text) else " "
    mark = text[position]
    return (before.isalnum() and after.isalnum()) or (mark in "'`" and mark in (before, after))


def _single_role(text: str, mark: re.Match[str]) -> str:
    """``open``, ``close``, ``possessive`` (a closer that may be an apostrophe) or ``apostrophe``."""
    before = text[mark.start() - 1] if mark.start() > 0 else " "
    after = text[mark.end()] if mark.end() < len(text) else " "
    if before.isalnum() and after.isalnum():
        return "apostrophe"
    if mark.group() != "’" and (before.isspace() or before in _OPENS_AFTER):
        if not (after.isalnum() or after in '"“…'):
            return "apostrophe"
        if after.isdigit() or _clipped_word(text, mark.end()):
            return "apostrophe"
        return "open"
    if mark.group() in "‘`":
        return "apostrophe"
    if before.isspace():
        return "apostrophe"
    if not (after.isspace() or after in _CLOSES_BEFORE or mark.end() == len(text)):
        return "apostrophe"
    if before in "sS" and after.isspace() and _word_follows(text, mark.end()):
        return "possessive"
    return "close"


def _clipped_word(text: str, position: int) -> bool:
    match = _ASCII_WORD.match(text, position, position + 8)
    if match is None:
        return False
    end = match.end()
    return match.group().lower() in _CLIPPED_WORDS and not text[end : end + 1].isalpha()


def _word_follows(text: str, position: int) -> bool:
    """Whether a lower-case word follows the spaces at ``position`` (as after a possessive)."""
    index = position
    while index < len(text) and text[index] == " ":
        index += 1
    return index < len(text) and text[index].islower()


def _add_piece(text: str, quote: Quotation, start: int, end: int) -> None:
    start, end = strip_span(text, start, end)
    while end > start and text[end - 1] == ",":
        end = strip_span(text, start, end - 1)[1]
    if end > start and WORD_CHAR.search(text, start, end):
        quote.pieces.append((start, end))


def strip_span(text: str, start: int, end: int) -> Span:
    """``(start, end)`` without the spaces at either end of ``text[start:end]``."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class QuotationIndex:
    """The quotations of one text, with lookups by offset (quotations never overlap)."""

    def __init__(self, text: str, quotations: list[Quotation]) -> None:
        self.text = text
        self.quotations = quotations
        self.starts = [quote.start for quote in quotations]
        self.ends = {quote.end for quote in quotations}
        self.opening_starts = set(self.starts)

    def inside(self, position: int) -> bool:
        """Whether ``position`` lies strictly between a quotation's opening and closing marks."""
        index = bisect_right(self.starts, position) - 1
        return index >= 0 and self.quotations[index].start < position < self.quotations[index].end

    def enclosing(self, position: int) -> Quotation | None:
        """The quotation whose marks enclose ``position`` (marks included), if any."""
        index = bisect_right(self.starts, position) - 1
        if index >= 0 and position < self.quotations[index].end:
            return self.quotations[index]
        return None

    def within(self, start: int, end: int) -> list[Quotation]:
        """The quotations lying wholly inside ``[start, end)``."""
        low = bisect_left(self.starts, start)
        high = bisect_left(self.starts, end)
        found = self.quotations[low:high]
        while found and found[-1].end > end:
            found.pop()
        return found

    def touching(self, start: int, end: int) -> list[Quotation]:
        """The quotations that overlap ``[start, end)``."""
        low = max(bisect_right(self.starts, start) - 1, 0)
        high = bisect_left(self.starts, end)
        return [q for q in self.quotations[low:high] if q.start < end and q.end > start]

    def only_quotation(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` holds quotations and no word outside them (stops at the
        first word outside a quotation)."""
        position, quoted = start, False
        while True:
            word = WORD_CHAR.search(self.text, position, end)
            if word is None:
                return quoted
            quote = self.enclosing(word.start())
            if quote is None or quote.start < start or quote.end > end:
                return False
            position, quoted = quote.end, True

    def words_outside(self, start: int, end: int, inside: list[Quotation]) -> bool:
        """Whether a letter or digit of ``[start, end)`` lies outside the quotations ``inside``."""
        position = start
        for quote in inside:
            if WORD_CHAR.search(self.text, position, quote.start):
                return True
            position = quote.end
        return bool(WORD_CHAR.search(self.text, position, end))
