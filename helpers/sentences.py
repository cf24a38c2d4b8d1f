"""Sentence spans of any English text, by the punctuation conventions of news copy.

A sentence ends at terminal punctuation (``.``, ``?``, ``!``, an ellipsis, with any closing
quotes and brackets after it) followed by white space, when the next word starts a sentence; a
blank line always ends one. The decision looks at the word before the punctuation (an
abbreviation from ``data/abbreviations.txt``, an initial, a time, a list marker) and at the next
word (lower case, a number, a word that usually starts sentences from
``data/sentence_words.txt``). Numbered, lettered and bulleted lists are split into their items.
Each rule cites its convention where it is made. This follows what NLTK's Punkt does without
trained data (a period ends a sentence unless it closes a known abbreviation, an initial or
an ellipsis) and adds the context Punkt's data-free mode lacks (sentence starters, lists,
ellipsis spacing, the case of the next word).
"""

from __future__ import annotations

import itertools
import re
import string
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from helpers.calendar_names import calendar_names
from helpers.data import read_text

#: A blank line: two line feeds with only white space between them.
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
#: Terminal punctuation, spaced ellipses (". . .") included. No trailing context, so a failed
#: candidate never makes the engine backtrack over a long run of dots.
_TERMINAL = re.compile(r"[.?!…]++(?: [.?!…]++)*+")
_CLOSERS = re.compile(r"[\"'”’»)\]}]*+")
_SPACES = re.compile(r"\s*+")
#: The letters that open the next word, after any opening quotes or brackets.
_NEXT_WORD = re.compile(r"[\"'“‘«(\[{]*+([^\W\d_]*+)")
#: "U.S", "E.U", "Ph.D", "a.k.a": letters in groups of one or two, joined by periods.
_PERIOD_ABBREVIATION = re.compile(r"[^\W\d_]{1,2}(?:\.[^\W\d_]{1,2})+")
#: Terminal punctuation after which a lower-case word may start a sentence in uncapitalised text.
_PLAIN_ENDS = frozenset({".", "?", "!", "??", "!!", "?!", "!?"})
_OPENERS = "\"'“‘«([{"
#: Bullets that open list items (the typographic bullet, hyphen bullet, and their variants).
_BULLETS = "•‣⁃◦▪●■"
_BULLET = re.compile(rf"(?<=\s)[{_BULLETS}]")
#: A sentence that so far holds only a list marker: "1.", "1.)", "a.", "• 9.", "⁃10.".
_LIST_MARKER = re.compile(rf"(?:[{_BULLETS}]\s*)?(?:\d{{1,3}}|[^\W\d_])(?:\.\)?|\))")
#: The first item of a numbered or lettered list, at the start of a block or line.
_FIRST_ITEM = re.compile(r"(1|a)(\.\)|\.|\))(?=\s)")
#: Longest introductory time phrase ("At about 11:30 a.m.") that does not end a sentence.
_MAX_TIME_PHRASE = 40
#: Characters of the previous word looked at: abbreviations are short.
_MAX_WORD = 40


def _sections(filename: str) -> dict[str, frozenset[str]]:
    """The ``[section]`` word lists of a data file (lower case; ``#`` lines are comments)."""
    sections: dict[str, set[str]] = {}
    current: set[str] | None = None
    for raw in read_text(filename).splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], set())
        elif current is None:
            raise ValueError(f"helpers/data/{filename}: {line!r} comes before any [section]")
        else:
            current.add(line)
    return {name: frozenset(words) for name, words in sections.items()}


@cache
def abbreviation_sections() -> dict[str, frozenset[str]]:
    """Abbreviations by behaviour: ``prepositive``, ``times``, ``capitalised``, ``any case``."""
    return _sections("abbreviations.txt")


@cache
def news_abbreviations() -> frozenset[str]:
    """The abbreviations (lower case, no final period) of ``data/abbreviations.txt``."""
    return frozenset().union(*abbreviation_sections().values())


@cache
def sentence_words() -> dict[str, frozenset[str]]:
    """The lists of ``data/sentence_words.txt``: ``starters``, ``time words`` (with the weekday
    and month names of the calendar lexicon), ``time openers``."""
    sections = _sections("sentence_words.txt")
    return sections | {"time words": sections["time words"] | calendar_names().all_names}


def _abbreviation_kind(word: str, any_case: bool = False) -> str | None:
    """``prepositive``, ``time``, ``abbreviation`` (initials too) or None for a word before ".".

    ``word`` has no final period. As in Punkt, "D-Calif" is looked up as "Calif", and a single
    letter is an initial ("Jonas E. Smith"). ``any_case`` also takes the ``capitalised``
    abbreviations written in lower case ("no. 1").
    """
    sections = abbreviation_sections()
    for part in (word, word.rpartition("-")[2]):
        key = part.lower()
        if not key:
            continue
        if key in sections["prepositive"]:
            return "prepositive"
        if key in sections["times"]:
            return "time"
        if key in sections["capitalised"] and (any_case or part[0].isupper()):
            return "abbreviation"
        if key in sections["any case"]:
            return "abbreviation"
    if (len(word) == 1 and word.isalpha()) or _PERIOD_ABBREVIATION.fullmatch(word):
        return "abbreviation"
    return None


def _previous_word(text: str, start: int, end: int) -> str:
    """The word that ends at ``end`` (at most ``_MAX_WORD`` characters), opening marks removed."""
    window = text[max(start, end - _MAX_WORD) : end]
    if not window or window[-1].isspace():
        return ""
    return window.rsplit(None, 1)[-1].lstrip(_OPENERS)


@dataclass(frozen=True)
class _Candidate:
    """Terminal punctuation followed by white space, in its sentence and block."""

    text: str
    block_start: int
    sentence_start: int
    marks_start: int
    marks_end: int
    close_end: int  # after the closing quotes and brackets
    next_start: int  # the next non-space character

    @property
    def marks(self) -> str:
        return self.text[self.marks_start : self.marks_end]

    @property
    def word_before(self) -> str:
        return _previous_word(self.text, self.sentence_start, self.marks_start)

    @property
    def ends_here(self) -> tuple[int, int]:
        """The sentence ends after the closing marks; the next starts at the next word."""
        return self.close_end, self.next_start


def _boundary(c: _Candidate) -> tuple[int, int] | None:
    """``(end of this sentence, start of the next)`` if the candidate ends a sentence, else None."""
    next_word = _NEXT_WORD.match(c.text, c.next_start)
    assert next_word is not None  # the pattern matches the empty string
    word = next_word.group(1)
    # A sentence starts with a capital letter or a figure, so a lower-case word continues the
    # sentence: "Jane and co. at the party", "'This is great.' she said", "Yahoo! in the",
    # "engineer.) at the", '"Why?" she asked' (brand names with an inner capital, eBay, iPhone,
    # are not lower case).
    if word.islower():
        return c.ends_here if _uncapitalised_text_boundary(c) else None
    if "?" in c.marks or "!" in c.marks:
        return c.ends_here
    if c.marks != ".":
        return _ellipsis_boundary(c)
    figure = not word and c.text[next_word.end() : next_word.end() + 1].isdigit()
    return c.ends_here if _period_ends_sentence(c, word, figure) else None


def _uncapitalised_text_boundary(c: _Candidate) -> bool:
    """In text written without capitals (mail, chat), "... mean. why do you" is a boundary.

    Only after a plain lower-case word that is no abbreviation, with no closing quote or
    bracket: "co. at", "great.' she", "engineer.) at" are still one sentence.
    """
    if c.close_end != c.marks_end or c.marks not in _PLAIN_ENDS:
        return False
    word = c.word_before
    return word.isalpha() and word.islower() and _abbreviation_kind(word) is None


def _ellipsis_boundary(c: _Candidate) -> tuple[int, int] | None:
    """Ellipses (AP Stylebook "ellipsis"; Chicago Manual of Style 13.50-13.56).

    Three dots mark an omission inside a sentence ("is . . . I didn't"); a fourth, the period,
    ends it ("that.... She", "a period . . . . Next"). A period attached to its word and then a
    spaced ellipsis ("compounds. . . . The practice") ends the sentence at the period, and the
    ellipsis opens the next, shortened sentence.
    """
    marks = c.marks
    attached = c.marks_start > c.block_start and not c.text[c.marks_start - 1].isspace()
    if attached and marks.startswith(". ") and _dots(marks[2:]) >= 3:
        return c.marks_start + 1, c.marks_start + 2
    return c.ends_here if _dots(marks) >= 4 else None


def _dots(marks: str) -> int:
    return marks.count(".") + 3 * marks.count("…")


def _period_ends_sentence(c: _Candidate, next_word: str, figure: bool) -> bool:
    """Whether a period, before a capitalised word (``next_word``) or a figure, ends a sentence."""
    # A list marker ("1.", "a.", "• 9.", "1.)") opens its item; it is not a sentence.
    if _LIST_MARKER.fullmatch(c.text, c.sentence_start, c.close_end):
        return False
    kind = _abbreviation_kind(c.word_before, any_case=figure)
    if kind is None:
        return True
    # After an abbreviation a figure continues the sentence ("p. 55", "No. 1", "no. 1", "Jan. 5"):
    # AP style spells out a number that starts a sentence.
    if figure or kind == "prepositive":
        # Titles come before a name ("Gen. Lee", "Sen. Kerry"), "v." between the parties of
        # a case, "e.g." before an example: never at the end of a sentence.
        return False
    # Capitalised, but not in a text set in capitals ("FDCH, INC. AND WORLD TIMES") or a time
    # zone ("5 p.m. EDT"), where the case of a word tells nothing.
    capitalised = next_word[:1].isupper() and (len(next_word) == 1 or not next_word.isupper())
    if kind == "time":
        # A time usually closes its clause ("He left the bank at 6 P.M. Mr. Smith then went"),
        # unless the next word continues the time (AP: "3 p.m. Tuesday") or the sentence so far
        # is an introductory time phrase ("At 5 a.m. Mr. Smith went").
        continues = next_word.lower() in sentence_words()["time words"]
        return capitalised and not continues and not _is_time_phrase(c)
    # Other abbreviations and initials end a sentence only before a word that usually starts
    # one (Punkt's frequent-sentence-starter heuristic, Kiss & Strunk 2006, section 4.1.3):
    # "Briggs & Co. It closed", "the U.S. How about", "you and I. Did", but "U.S. Army",
    # "Jonas E. Smith".
    return capitalised and next_word.lower() in sentence_words()["starters"]


def _is_time_phrase(c: _Candidate) -> bool:
    """Whether the sentence so far is a short introductory time phrase: "At 5 a.m"."""
    if c.marks_start - c.sentence_start > _MAX_TIME_PHRASE:
        return False
    opener = _NEXT_WORD.match(c.text, c.sentence_start)
    assert opener is not None  # the pattern matches the empty string
    return opener.group(1).lower() in sentence_words()["time openers"]


def _next_markers(first: str) -> Iterator[str]:
    """The values after a list's first marker value: 2, 3, 4... or b, c, d... z."""
    if first.isdigit():
        yield from (str(number) for number in itertools.count(int(first) + 1))
    else:
        yield from string.ascii_lowercase[string.ascii_lowercase.index(first) + 1 :]


def _list_item_starts(text: str, start: int, end: int) -> list[int]:
    """Offsets in the block ``text[start:end]`` where a list item starts (not the first).

    A bullet preceded by white space starts an item. A block or line that starts with "1.",
    "1)" or "1.)" (or "a." ...) opens a numbered (lettered) list: the next number ("2.",
    "3."...) with the same punctuation, between white space, starts the next item, with or
    without a period before it ("1. The first item 2. The second item").
    """
    starts = [m.start() for m in _BULLET.finditer(text, start, end)]
    not_found_after: dict[str, int] = {}  # marker -> offset after which it does not occur
    line_start = start
    while line_start < end:
        first = _FIRST_ITEM.match(text, line_start, end)
        if first:
            position = first.end()
            for value in _next_markers(first.group(1)):
                marker = value + first.group(2)
                if not_found_after.get(marker, end) <= position:
                    break
                found = _find_between_spaces(text, marker, position, end)
                if found < 0:
                    not_found_after[marker] = position
                    break
                starts.append(found)
                position = found + len(marker)
        newline = text.find("\n", line_start, end)
        if newline < 0:
            break
        line_start = newline + 1
    return sorted(set(starts))


def _find_between_spaces(text: str, marker: str, start: int, end: int) -> int:
    """Offset of the first ``marker`` between white space in ``text[start:end]``, or -1."""
    found = text.find(marker, start, end)
    while found >= 0:
        after = found + len(marker)
        if text[found - 1].isspace() and after < end and text[after].isspace():
            return found
        found = text.find(marker, found + 1, end)
    return -1


def _block_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Sentence spans of the block ``text[start:end]`` (stripped, no blank line inside)."""
    items = iter(_list_item_starts(text, start, end))
    item = next(items, end)
    sentence_start = start
    for run in _TERMINAL.finditer(text, start, end):
        close_end = _CLOSERS.match(text, run.end(), end).end()  # type: ignore[union-attr]
        if close_end >= end or not text[close_end].isspace():
            continue
        while item <= run.start():
            if item > sentence_start:
                yield sentence_start, len(text[sentence_start:item].rstrip()) + sentence_start
                sentence_start = item
            item = next(items, end)
        next_start = _SPACES.match(text, close_end, end).end()  # type: ignore[union-attr]
        candidate = _Candidate(
            text, start, sentence_start, run.start(), run.end(), close_end, next_start
        )
        cut = _boundary(candidate)
        if cut:
            yield sentence_start, cut[0]
            sentence_start = cut[1]
    while item < end:
        if item > sentence_start:
            yield sentence_start, len(text[sentence_start:item].rstrip()) + sentence_start
            sentence_start = item
        item = next(items, end)
    yield sentence_start, end


def _blocks(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of the stripped, non-empty stretches of ``text`` between blank lines."""
    position = 0
    for separator in [*_BLANK_LINE.finditer(text), None]:
        stop = separator.start() if separator else len(text)
        chunk = text[position:stop]
        stripped = chunk.strip()
        if stripped:
            first = position + len(chunk) - len(chunk.lstrip())
            yield first, first + len(stripped)
        if separator:
            position = separator.end()


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of each sentence; a blank line always ends a sentence.

    A :class:`helpers.document.Document` keeps its text's sentences, so the analyses of one
    article share a single pass.
    """
    return [span for block in _blocks(text) for span in _block_spans(text, *block)]
