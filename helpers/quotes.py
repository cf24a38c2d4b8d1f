"""Quote attribution: who says what in a text, in quotation marks or as reported speech.

An *attribution* links a **content** (what is said) to a **cue** (the reporting verb or
"according to") and a **speaker** (the noun phrase of the source). One pass over the text:

1. Quotation marks (straight ``"``, curly ``“ ”``, ``` `` ''``, ``« »``) are paired within a
   paragraph (paragraphs are separated by a blank line). A quote left open at the end of a
   paragraph continues only when the next paragraph opens with a mark (the multi-paragraph
   convention); otherwise it ends with its paragraph, so a stray mark never swallows the article.
2. Sentences are merged where a boundary falls inside a quote, giving *units*.
3. Cues come from ``data/quote_cues.txt`` (one compiled regex over the whole text). Each cue
   with a speaker (before it: ``the statement said``; after it: ``said Mr. Smith``, ``according
   to US officials``) makes a *frame* whose content lies after the cue (``X said (that) ...``),
   before it (``..., X said on Tuesday.``) or around it (``The plan, he said, is dead.``).
4. A content that is only quotation is ``direct``, one with a quoted fragment ``mixed``, one
   without marks ``indirect``. Frames inside a content become rows of their own whose
   ``parent_id`` is the outer row (``"The delegation explained that ...," the statement said``).

Split quotes (``"A," she said. "B."``) are ONE row: ``content_spans`` lists the quoted pieces
and ``start``/``end``/``content`` cover the hull from the first piece to the last (so the hull
contains the cue). A quote running over paragraphs is one row with a piece per paragraph. A
paragraph of quotation without a cue of its own continues the previous paragraph's direct
speaker (``cue`` is null; ``speaker`` points at that earlier mention).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from helpers.document import Document, as_document
from helpers.entities import LABEL_DTYPE, entity_mentions
from helpers.frames import INT, OBJECT, STRING, Columns, build_frame
from helpers.quote_lexicon import QuoteLexicon, quote_lexicon
from helpers.speakers import speaker_answers
from helpers.words import count_words

if TYPE_CHECKING:
    from helpers.article import Article

Span = tuple[int, int]

KINDS = ["direct", "indirect", "mixed"]
_KIND_DTYPE = pd.CategoricalDtype(KINDS)
QUOTE_SPEC = {
    "quote_id": INT,
    "parent_id": INT,
    "start": INT,
    "end": INT,
    "content": STRING,
    "content_spans": OBJECT,
    "kind": _KIND_DTYPE,
    "cue": STRING,
    "cue_start": INT,
    "cue_end": INT,
    "speaker": STRING,
    "speaker_start": INT,
    "speaker_end": INT,
}
ARTICLE_QUOTE_SPEC = {
    **QUOTE_SPEC,
    "sent_id": INT,
    "speaker_entity": STRING,
    "speaker_label": LABEL_DTYPE,
    "words": INT,
}
QUOTE_COLUMNS = list(QUOTE_SPEC)
ARTICLE_QUOTE_COLUMNS = list(ARTICLE_QUOTE_SPEC)

_OPENING_MARKS = frozenset({"``", "“", "„", "«"})
_CLOSING_MARKS = frozenset({"''", "”", "»"})
_MARK = re.compile(r"``|''|[\"“”„«»]")
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")
_TOKEN = re.compile(r"[^\W_](?:[\w'’.&-]*[^\W_])?\.?|``|''|[^\w\s]")
_WORD_CHAR = re.compile(r"[^\W_]")
_LETTERS = re.compile(r"[A-Za-z]+")
_FIRST_LETTER = re.compile(r"[\s\"“”'’`]*([^\W\d_])")
_MAX_DEPTH = 4
_MAX_SPEAKER_TOKENS = 16

_TIME = (
    r"(?:(?:on|late|early|last|this|next|earlier|later)\s+)?"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight|"
    r"tomorrow|week|month|year|weekend|morning|afternoon|evening|night)"
    r"(?:\s+(?:morning|afternoon|evening|night))?"
)
_PREPOSITION = (
    r"(?:in|at|on|during|after|before|from|via|through|over|by|to|with|outside|inside|near|"
    r"under|following|while|aboard|upon|as)"
)
_PHRASE_WORD = r"[\w'’.&-]++"
_ADJUNCT = rf"(?>{_TIME}|{_PREPOSITION}(?:\s+(?!that\b){_PHRASE_WORD}){{1,8}}?|here|there|again|too|[a-z]+ly)\b"
_CLOSE_TAIL = r"\s*[.?!;:]?[\s\"'”’»)]*"
_THAT = re.compile(
    rf"\s*,?\s*(?:(?:{_TIME}|{_PREPOSITION}(?:\s+(?!that\b){_PHRASE_WORD}){{1,5}}?|[a-z]+ly)\b"
    rf"\s*,?\s*){{0,3}}(?P<that>that|whether|if|how|why|what)\b\s*"
)
_OBJECT_THAT = re.compile(
    rf"(?:\s+(?!that\b){_PHRASE_WORD},?){{1,8}}?\s+(?P<that>that|whether|if|how|why|what)\b\s*"
)
_TO_QUOTE = re.compile(r"\s*[,:.]?\s*(?=``|[\"“„«])")
_END = re.compile(rf"(?:\s*,?\s*{_ADJUNCT})*{_CLOSE_TAIL}")
_OBJECT_END = re.compile(rf"(?:\s+{_PHRASE_WORD}){{1,6}}?(?:\s*,?\s*{_ADJUNCT})*{_CLOSE_TAIL}")
_TAIL_MORE = re.compile(
    rf"(?:\s*,?\s*{_ADJUNCT})*\s*(?P<separator>,|--|—)\s*"
    r"(?=(?:who|which|whose|where|when|while|as|after|before|because|citing|referring|"
    r"[a-z]+ing)\b)"
)
_COMMA = re.compile(r"\s*,\s*")
_COORDINATOR = re.compile(r"(?:and|but|while|whereas|although|yet)\b")
_ADJUNCTS_BEFORE_CLAUSE = re.compile(rf"(?:\s*,?\s*(?:{_TIME}|[a-z]+ly))*\s*")
_RIGHT_SPEAKER_END = re.compile(
    r",\s*(?=(?:who|which|whose|where|adding|saying|noting|according)\b|[a-z]+ing\b)"
    r"|;|\s--\s|—|``|[\"“„«(]|,\s*(?=``|[\"“„«])"
)
_TRAILING_ADJUNCT = re.compile(
    rf"(?:\s*,?\s*(?:{_TIME}|in\s+(?:a|an|the|his|her|its|their)\s+[\w\s'’-]{{0,30}}?"
    rf"(?:statement|interview|speech|letter|briefing|report|conference|release)))+\s*$"
)
_LINKED_CUE = re.compile(r"(?:,|\b(and|but))\s*$")
_TRAILING_CONJUNCTION = re.compile(r"[\s,;]*\b(?:and|but|or|while|whereas|although|yet)\s*$")
_COORDINATION = re.compile(r"(?:[,;]\s*(?:and|but|while|whereas|although|yet)?|\s(?:and|but))\s*$")


@dataclass
class _Quote:
    """A quoted passage: ``start``/``end`` include the marks; ``pieces`` are the inner texts."""

    start: int
    end: int
    pieces: list[Span]


@dataclass
class _Frame:
    """A cue with its speaker and where its content lies."""

    cue: Span
    speaker: Span | None
    start: int  # first character of the frame (speaker or cue)
    end: int  # last character of the frame (cue, object, speaker or adjunct)
    mode: str  # "head" (content after), "tail" (before), "paren" (both sides)
    content_start: int | None = None  # for head and paren: where the content after starts
    sibling_start: int | None = None  # for tail: where a following ", adding ..." region starts
    needs_speaker: bool = False  # participle or coordinated cue: speaker comes from context


@dataclass
class _Row:
    """One attribution while extracting (``parent`` indexes the row list)."""

    spans: list[Span]
    kind: str
    cue: Span | None
    speaker: Span | None
    parent: int | None
    unit: int = -1
    paragraph: int = -1


def extract_quotes(text: str | Document) -> pd.DataFrame:
    """Find every attribution in ``text`` (a string or a document); one row each, in text order
    (outer before inner).

    Columns: ``quote_id`` (0-based, row order), ``parent_id`` (``quote_id`` of the attribution
    whose content contains this one, else null), ``start``/``end``/``content`` (the content:
    for a direct quote the quoted words without the marks; for reported speech the reported
    clause; for a split quote the hull from the first piece to the last), ``content_spans``
    (list of ``(start, end)`` pieces actually quoted or reported), ``kind`` (category: direct,
    indirect, mixed), ``cue``/``cue_start``/``cue_end`` (the reporting words, null for a quote
    paragraph with no cue of its own), ``speaker``/``speaker_start``/``speaker_end`` (the
    speaker's noun phrase as written, null when none is found). Offsets index ``text``.
    """
    document = as_document(text)
    return build_frame(QUOTE_SPEC, _columns(document.text, attribution_rows(document)))


def attribution_rows(document: Document) -> list[_Row]:
    """The attributions of ``document`` in table order; found once per document."""
    return document.memo("quotes", lambda: _ordered(_Extractor(document).run()))


def quotes(article: Article) -> pd.DataFrame:
    """Attributions of ``article.text`` with their sentence, resolved speaker and word count.

    Columns: those of :func:`extract_quotes`, plus ``sent_id`` (the sentence of
    ``article.sentences`` where the content starts), ``speaker_entity`` (the resolved speaker:
    see :func:`helpers.speakers.resolve_speakers`), ``speaker_label`` (the entity label of the
    resolved speaker, or null for a source that is not a named entity) and ``words`` (words of
    the content pieces, by :func:`helpers.words.count_words`; the hull of a split quote counts
    only its quoted pieces).
    """
    return build_frame(ARTICLE_QUOTE_SPEC, quote_columns(article))


def quote_columns(article: Article) -> Columns:
    """The columns of :func:`quotes`, as lists."""
    document = as_document(article)
    text = document.text
    rows = attribution_rows(document)
    entities = [
        (m.start, m.end, m.label, m.refers_to or m.entity) for m in entity_mentions(document)
    ]
    speakers = [(index, row.parent, row.speaker) for index, row in enumerate(rows)]
    answers = speaker_answers(text, speakers, entities)
    return {
        **_columns(text, rows),
        "sent_id": (
            [document.sentence_index(row.spans[0][0]) + 1 for row in rows]
            if document.sentences
            else [None] * len(rows)
        ),
        "speaker_entity": [name for name, _ in answers],
        "speaker_label": [label for _, label in answers],
        "words": [sum(count_words(text[s:e]) for s, e in row.spans) for row in rows],
    }


def _ordered(rows: list[_Row]) -> list[_Row]:
    """Rows by start, longer first, outer first; ``parent`` re-indexed to the new order."""
    order = sorted(
        range(len(rows)),
        key=lambda i: (rows[i].spans[0][0], -rows[i].spans[-1][1], _depth(rows, i)),
    )
    new_id = {old: new for new, old in enumerate(order)}
    ordered = [rows[i] for i in order]
    for row in ordered:
        row.parent = None if row.parent is None else new_id[row.parent]
    return ordered


def _columns(text: str, rows: list[_Row]) -> Columns:
    """The columns of :func:`extract_quotes` for ``rows`` (already in table order)."""
    starts = [row.spans[0][0] for row in rows]
    ends = [row.spans[-1][1] for row in rows]
    cues = [row.cue for row in rows]
    speakers = [row.speaker for row in rows]
    return {
        "quote_id": list(range(len(rows))),
        "parent_id": [row.parent for row in rows],
        "start": starts,
        "end": ends,
        "content": [text[s:e] for s, e in zip(starts, ends, strict=True)],
        "content_spans": [list(row.spans) for row in rows],
        "kind": [row.kind for row in rows],
        "cue": _texts(cues, text),
        "cue_start": [None if cue is None else cue[0] for cue in cues],
        "cue_end": [None if cue is None else cue[1] for cue in cues],
        "speaker": _texts(speakers, text),
        "speaker_start": [None if span is None else span[0] for span in speakers],
        "speaker_end": [None if span is None else span[1] for span in speakers],
    }


def _texts(spans: list[Span | None], text: str) -> list[str | None]:
    """The texts of ``spans`` (None for None)."""
    return [None if span is None else text[span[0] : span[1]] for span in spans]


def _depth(rows: list[_Row], index: int) -> int:
    depth = 0
    while rows[index].parent is not None and depth <= len(rows):
        index = rows[index].parent  # type: ignore[assignment]
        depth += 1
    return depth


# --- quotation marks -----------------------------------------------------------------------


def find_quoted_spans(text: str | Document) -> list[_Quote]:
    """Pair the quotation marks of ``text`` into quotes (see the module docstring)."""
    document = as_document(text)
    text, paragraphs = document.text, document.paragraphs
    paragraph_starts = [start for start, _ in paragraphs]
    result: list[_Quote] = []
    current: _Quote | None = None
    piece_start = 0
    current_paragraph = -1

    def finish(end: int, closing_end: int) -> None:
        nonlocal current
        assert current is not None
        _add_piece(text, current, piece_start, end)
        current.end = closing_end
        if current.pieces:
            result.append(current)
        current = None

    for mark in _MARK.finditer(text):
        paragraph = bisect_right(paragraph_starts, mark.start()) - 1
        if current is not None and paragraph != current_paragraph:
            previous_end = paragraphs[current_paragraph][1]
            continues = (
                paragraph == current_paragraph + 1
                and mark.start() == paragraph_starts[paragraph]
                and _mark_role(text, mark) != "close"
            )
            if continues:
                _add_piece(text, current, piece_start, previous_end)
                piece_start, current_paragraph = mark.end(), paragraph
                continue
            finish(previous_end, previous_end)
        role = _mark_role(text, mark)
        if current is None:
            if role != "close":
                current = _Quote(mark.start(), mark.end(), [])
                piece_start, current_paragraph = mark.end(), paragraph
        elif role != "open" or mark.group() == '"':
            finish(mark.start(), mark.end())
        else:
            finish(mark.start(), _strip(text, piece_start, mark.start())[1])
            current = _Quote(mark.start(), mark.end(), [])
            piece_start, current_paragraph = mark.end(), paragraph
    if current is not None:
        end = paragraphs[current_paragraph][1] if paragraphs else len(text)
        finish(end, end)
    return result


def _mark_role(text: str, mark: re.Match[str]) -> str:
    """Say whether a mark opens, closes or could do either (a straight ``"`` between words)."""
    symbol = mark.group()
    if symbol in _OPENING_MARKS:
        return "open"
    if symbol in _CLOSING_MARKS:
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


def _add_piece(text: str, quote: _Quote, start: int, end: int) -> None:
    start, end = _strip(text, start, end)
    while end > start and text[end - 1] == ",":
        end = _strip(text, start, end - 1)[1]
    if end > start and _WORD_CHAR.search(text, start, end):
        quote.pieces.append((start, end))


def _strip(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_cues(text: str, lexicon: QuoteLexicon) -> list[Span]:
    """Spans of the cue words and phrases of ``text`` (one scan of its letter runs)."""
    cues: list[Span] = []
    single, phrase_starts = lexicon.single_word_cues, lexicon.phrase_starts
    for word in _LETTERS.finditer(text):
        lower = word.group().lower()
        if lower not in single and lower not in phrase_starts:
            continue
        start, end = word.span()
        if _joined(text[start - 1 : start]) or _joined(text[end : end + 1]):
            continue
        phrase = lexicon.phrase_pattern.match(text, start) if lower in phrase_starts else None
        if phrase is not None:
            cues.append(phrase.span())
        elif lower in single:
            cues.append((start, end))
    return cues


# --- extraction ----------------------------------------------------------------------------


class _Extractor:
    """Holds the text-wide indexes (quotes, cues, units) for one extraction."""

    def __init__(self, document: Document) -> None:
        text = self.text = document.text
        sentences = document.sentences
        self.lexicon = quote_lexicon()
        self.paragraphs = document.paragraphs
        self.paragraph_starts = [start for start, _ in self.paragraphs]
        self.quotes = find_quoted_spans(document)
        self.quote_starts = [quote.start for quote in self.quotes]
        self.quote_ends = {quote.end for quote in self.quotes}
        self.cues = find_cues(text, self.lexicon)
        self.cue_starts = [start for start, _ in self.cues]
        self.units = self._units(sentences)
        self.rows: list[_Row] = []

    def _units(self, sentences: list[Span]) -> list[Span]:
        """Merge sentences cut inside a quote or before a lower-case word (``"Why?" he asked``)."""
        units: list[Span] = []
        for start, end in sorted(sentences):
            if units and start < units[-1][1]:
                units[-1] = (units[-1][0], max(end, units[-1][1]))
                continue
            if units and (self._inside_quote(start) or self._continues(start)):
                units[-1] = (units[-1][0], end)
            else:
                units.append((start, end))
        return units

    def _inside_quote(self, position: int) -> bool:
        index = bisect_right(self.quote_starts, position) - 1
        return index >= 0 and self.quotes[index].start < position < self.quotes[index].end

    def _continues(self, position: int) -> bool:
        match = _FIRST_LETTER.match(self.text, position, position + 12)
        return bool(match and match.group(1).islower())

    def run(self) -> list[_Row]:
        previous_direct: int | None = None
        for unit_index, (start, end) in enumerate(self.units):
            paragraph = bisect_right(self.paragraph_starts, start) - 1
            before = len(self.rows)
            self._parse(start, end, None, None, 0, unit_index, paragraph)
            if len(self.rows) > before:
                top = [row for row in self.rows[before:] if row.parent is None]
                previous_direct = (
                    self.rows.index(top[-1]) if top and top[-1].kind == "direct" else None
                )
                continue
            previous_direct = self._quote_only_unit(
                start, end, unit_index, paragraph, previous_direct
            )
        return self.rows

    def _quote_only_unit(
        self, start: int, end: int, unit: int, paragraph: int, previous_direct: int | None
    ) -> int | None:
        """A unit made only of quotation continues the previous direct quote or stands alone."""
        inside = self._quotes_within(start, end)
        if not inside or _WORD_CHAR.search(self._outside_quotes(start, end, inside)):
            return None
        pieces = [piece for quote in inside for piece in quote.pieces]
        previous = None if previous_direct is None else self.rows[previous_direct]
        if previous is not None and previous.unit == unit - 1 and previous.paragraph == paragraph:
            previous.spans.extend(pieces)
            previous.unit = unit
            row_index = previous_direct
        else:
            speaker = previous.speaker if previous is not None else None
            self.rows.append(_Row(pieces, "direct", None, speaker, None, unit, paragraph))
            row_index = len(self.rows) - 1
        for piece_start, piece_end in pieces:
            self._parse(piece_start, piece_end, row_index, None, 1, unit, paragraph)
        return row_index

    def _quotes_within(self, start: int, end: int) -> list[_Quote]:
        low = bisect_left(self.quote_starts, start)
        high = bisect_left(self.quote_starts, end)
        return [quote for quote in self.quotes[low:high] if quote.end <= end]

    def _outside_quotes(self, start: int, end: int, inside: list[_Quote]) -> str:
        parts, position = [], start
        for quote in inside:
            parts.append(self.text[position : quote.start])
            position = quote.end
        parts.append(self.text[position:end])
        return "".join(parts)

    # --- frames ----------------------------------------------------------------------------

    def _parse(
        self,
        start: int,
        end: int,
        parent: int | None,
        inherited: Span | None,
        depth: int,
        unit: int,
        paragraph: int,
    ) -> None:
        """Find the attributions of the region ``[start, end)`` and recurse into their content."""
        if depth > _MAX_DEPTH or end - start < 3:
            return
        frames = self._frames(start, end)
        if not frames:
            return
        tails = [frame for frame in frames if frame.mode == "tail"]
        if tails:
            frame = tails[-1]
            self._emit(frame, [(start, frame.start)], parent, inherited, depth, unit, paragraph)
            if frame.sibling_start is not None:
                self._parse(
                    frame.sibling_start,
                    end,
                    parent,
                    frame.speaker or inherited,
                    depth,
                    unit,
                    paragraph,
                )
            return
        frame = frames[0]
        if frame.needs_speaker and inherited is None:
            inherited = self._subject(start, frame.start)
        if frame.mode == "paren":
            assert frame.content_start is not None
            pieces = [(start, frame.start), (frame.content_start, end)]
            self._emit(frame, pieces, parent, inherited, depth, unit, paragraph)
            return
        assert frame.content_start is not None
        boundary = next(
            (
                later
                for later in frames[1:]
                if later.start >= frame.content_start
                and (later.needs_speaker or _COORDINATION.search(self.text, start, later.start))
            ),
            None,
        )
        content_end = end if boundary is None else boundary.start
        self._emit(
            frame, [(frame.content_start, content_end)], parent, inherited, depth, unit, paragraph
        )
        if boundary is not None:
            speaker = frame.speaker or inherited
            self._parse(boundary.start, end, parent, speaker, depth, unit, paragraph)

    def _emit(
        self,
        frame: _Frame,
        regions: list[Span],
        parent: int | None,
        inherited: Span | None,
        depth: int,
        unit: int,
        paragraph: int,
    ) -> None:
        """Classify the content regions, add the row and parse inside its content."""
        content = self._content(regions)
        if content is None:
            return
        spans, kind = content
        speaker = frame.speaker if frame.speaker is not None else inherited
        self.rows.append(_Row(spans, kind, frame.cue, speaker, parent, unit, paragraph))
        index = len(self.rows) - 1
        for span_start, span_end in spans:
            self._parse(span_start, span_end, index, None, depth + 1, unit, paragraph)

    def _content(self, regions: list[Span]) -> tuple[list[Span], str] | None:
        """Trim the regions and tell direct (only quotation), mixed or indirect."""
        trimmed = [_trim_content(self.text, start, end) for start, end in regions]
        trimmed = [(s, e) for s, e in trimmed if e > s and _WORD_CHAR.search(self.text, s, e)]
        if not trimmed:
            return None
        quoted: list[Span] = []
        all_quoted, any_quoted = True, False
        for start, end in trimmed:
            inside = self._quotes_within(start, end)
            touching = [
                q for q in self._quotes_touching(start, end) if q.start >= start or q.end <= end
            ]
            any_quoted = any_quoted or bool(touching)
            if inside and not _WORD_CHAR.search(self._outside_quotes(start, end, inside)):
                quoted.extend(piece for quote in inside for piece in quote.pieces)
            else:
                all_quoted = False
        if all_quoted and quoted:
            return quoted, "direct"
        return trimmed, "mixed" if any_quoted else "indirect"

    def _quotes_touching(self, start: int, end: int) -> list[_Quote]:
        low = max(bisect_right(self.quote_starts, start) - 1, 0)
        high = bisect_left(self.quote_starts, end)
        return [q for q in self.quotes[low:high] if q.start < end and q.end > start]

    def _frames(self, start: int, end: int) -> list[_Frame]:
        """Frames whose cue lies in the region and outside any quote nested in the region."""
        nested = self._quotes_within(start, end)
        nested_starts = [quote.start for quote in nested]
        frames: list[_Frame] = []
        low = bisect_left(self.cue_starts, start)
        high = bisect_left(self.cue_starts, end)
        for cue_start, cue_end in self.cues[low:high]:
            if cue_end > end:
                continue
            index = bisect_right(nested_starts, cue_start) - 1
            if index >= 0 and nested[index].end > cue_start:
                continue
            if frames and cue_start < frames[-1].end:
                continue
            frame = self._frame(cue_start, cue_end, start, end)
            if frame is not None:
                frames.append(frame)
        return frames

    def _frame(self, cue_start: int, cue_end: int, start: int, end: int) -> _Frame | None:
        """Build the frame of one cue, or None when it is not an attribution here."""
        text, lexicon = self.text, self.lexicon
        cue_text = " ".join(text[cue_start:cue_end].lower().split())
        if text[cue_start].isupper() and _word_before(text, start, cue_start):
            return None
        if cue_text in lexicon.according:
            speaker = self._right_speaker(cue_end, end, according=True)
            if speaker is None:
                return None
            return self._place(cue_start, cue_end, speaker, speaker[1], start, end, "S", cue_start)
        flags = lexicon.cue_flags.get(cue_text, "S")
        left = self._left_speaker(start, cue_start)
        if left is not None:
            return self._place(cue_start, cue_end, left, cue_end, start, end, flags, left[0])
        before = text[start:cue_start].rstrip()
        if not before or before[-1] in ",:\"”'»`" or before.endswith("--"):
            right = self._right_speaker(cue_end, end, according=False)
            if right is not None and not cue_text.endswith("ing"):
                return self._place(
                    cue_start, cue_end, right, right[1], start, end, flags, cue_start
                )
        linked = _LINKED_CUE.search(before)
        if linked is not None and (cue_text.endswith("ing") or linked.group(1)):
            frame = self._place(cue_start, cue_end, None, cue_end, start, end, flags, cue_start)
            if frame is not None and frame.mode == "head":
                frame.start = start + linked.start()
                frame.needs_speaker = True
                return frame
        return None

    def _place(
        self,
        cue_start: int,
        cue_end: int,
        speaker: Span | None,
        after: int,
        start: int,
        end: int,
        flags: str,
        frame_start: int,
    ) -> _Frame | None:
        """Decide where the content of a frame lies from the text after it (``after``)."""
        text = self.text
        cue = (cue_start, cue_end)
        pre_text = text[start:frame_start]
        pre_has_content = bool(_WORD_CHAR.search(pre_text))
        pre_is_quote = pre_has_content and self._only_quotes(start, frame_start)
        pre_ends_comma = bool(re.search(r",\s*(?:''|[\"”'»])?\s*$", pre_text)) or pre_is_quote

        def head(content_start: int) -> _Frame:
            return _Frame(cue, speaker, frame_start, content_start, "head", content_start)

        if pre_is_quote:
            match = _TO_QUOTE.match(text, after, end)
            if match is not None and pre_ends_comma:
                return _Frame(cue, speaker, frame_start, match.end(), "paren", match.end())
            match = _TAIL_MORE.match(text, after, end)
            sibling = None if match is None else match.start("separator")
            return _Frame(cue, speaker, frame_start, after, "tail", sibling_start=sibling)
        match = _THAT.match(text, after, end)
        if match is None and "O" in flags:
            match = _OBJECT_THAT.match(text, after, end)
        if match is not None:
            that = match.group("that")
            return head(match.end() if that == "that" else match.start("that"))
        match = _TO_QUOTE.match(text, after, end)
        if match is not None:
            return head(match.end())
        for pattern in (_END, _OBJECT_END) if "O" in flags else (_END,):
            match = pattern.match(text, after, end)
            if match is not None and match.end() == end:
                if not pre_has_content:
                    return None
                return _Frame(cue, speaker, frame_start, after, "tail")
        match = _TAIL_MORE.match(text, after, end)
        if match is not None and pre_has_content:
            return _Frame(
                cue, speaker, frame_start, after, "tail", sibling_start=match.start("separator")
            )
        match = _COMMA.match(text, after, end)
        if match is not None:
            if pre_has_content and _COORDINATOR.match(text, match.end(), end):
                return _Frame(cue, speaker, frame_start, after, "tail", sibling_start=match.start())
            if pre_has_content and pre_ends_comma:
                return _Frame(cue, speaker, frame_start, match.end(), "paren", match.end())
            return head(match.end())
        if "O" in flags:
            frame = self._object_then_clause(cue, speaker, frame_start, after, end)
            if frame is not None:
                return frame
        if "S" in flags or "N" in flags:
            match = _ADJUNCTS_BEFORE_CLAUSE.match(text, after, end)
            position = match.end() if match else after
            if self._clause_starts(position, end, noun_phrase="N" in flags):
                return head(position)
        return None

    def _object_then_clause(
        self, cue: Span, speaker: Span | None, frame_start: int, after: int, end: int
    ) -> _Frame | None:
        """``told reporters the plan was dead``: skip a short object before a clause."""
        tokens = list(_TOKEN.finditer(self.text, after, min(end, after + 120)))
        for count in range(1, min(5, len(tokens))):
            if not _is_word(tokens[count - 1].group()):
                return None
            if self._clause_starts(tokens[count].start(), end, noun_phrase=False, strict=True):
                return _Frame(
                    cue, speaker, frame_start, tokens[count].start(), "head", tokens[count].start()
                )
        return None

    def _clause_starts(
        self, position: int, end: int, noun_phrase: bool, strict: bool = False
    ) -> bool:
        """Whether a reported clause (or, with ``noun_phrase``, its object) starts at ``position``.

        A clause opens with a subject pronoun, a determiner, "there", a capitalised word or a
        number, or (unless ``strict``) a lower-case word followed within five words by an
        auxiliary ("said demand would recover").
        """
        token = _TOKEN.match(self.text, position, end)
        if token is None or not _is_word(token.group()):
            return False
        word = token.group().rstrip(".")
        lower = word.lower()
        lexicon = self.lexicon
        if lower in lexicon.pronouns:
            return lexicon.pronouns[lower] != "relative" and lower not in {"him", "them"}
        if lower in lexicon.determiners or lower == "there" or word[:1].isupper():
            return True
        if strict:
            return False
        if word[:1].isdigit() or noun_phrase:
            return True
        if lower in lexicon.stops or lower in lexicon.np_prepositions or lower in lexicon.skip:
            return False
        following = _TOKEN.finditer(self.text, token.end(), min(end, token.end() + 60))
        return any(
            next_token.group().lower() in lexicon.auxiliaries
            for next_token, _ in zip(following, range(5), strict=False)
        )

    def _only_quotes(self, start: int, end: int) -> bool:
        inside = self._quotes_within(start, end)
        return bool(inside) and not _WORD_CHAR.search(self._outside_quotes(start, end, inside))

    # --- speakers --------------------------------------------------------------------------

    def _subject(self, start: int, end: int) -> Span | None:
        """The subject opening a clause (speaker of "... and said", ", saying ..."): a pronoun,
        the words before the first past-tense verb or auxiliary, or a capitalised run."""
        lexicon = self.lexicon
        tokens = list(_TOKEN.finditer(self.text, start, min(end, start + 300)))[
            :_MAX_SPEAKER_TOKENS
        ]
        words = [token for token in tokens if _is_word(token.group())]
        if not words:
            return None
        first = words[0].group()
        if lexicon.pronouns.get(first.lower()) in {"person", "plural", "thing", "self"}:
            return words[0].span()
        if first.lower() in lexicon.stops:
            return None
        for index, token in enumerate(tokens[1:], start=1):
            word = token.group()
            if not _is_word(word) and word not in {"(", ")", "&", "'", "’"}:
                break
            lower = word.lower()
            if word.islower() and (lower.endswith("ed") or lower in lexicon.auxiliaries):
                return tokens[0].start(), tokens[index - 1].end()
        if not first[:1].isupper():
            return None
        last = 0
        while last + 1 < len(words) and words[last + 1].group()[:1].isupper():
            last += 1
        return words[0].start(), words[last].end()

    def _left_speaker(self, start: int, cue_start: int) -> Span | None:
        """The noun phrase ending just before the cue (skipping "also", "has", -ly adverbs)."""
        text, lexicon = self.text, self.lexicon
        tokens = list(_TOKEN.finditer(text, max(start, cue_start - 400), cue_start))
        index = len(tokens) - 1
        while index >= 0 and _skippable(tokens[index].group(), lexicon):
            index -= 1
        if index < 0:
            return None
        last = tokens[index]
        word = last.group()
        lower = word.lower()
        if lower in lexicon.pronouns:
            if lexicon.pronouns[lower] == "relative":
                if index > 0 and tokens[index - 1].group() == ",":
                    return self._left_speaker(start, tokens[index - 1].start())
                return None
            return last.span() if lower not in {"him", "them"} else None
        if word == ",":
            return self._appositive(start, tokens, index)
        first = _noun_phrase_start(tokens, index, lexicon)
        if first is None:
            return None
        return self._extend_after_quote(start, tokens, first, last.end())

    def _appositive(self, start: int, tokens: list[re.Match[str]], comma: int) -> Span | None:
        """``Lee, a spokesman for the ministry, said``: name plus appositive."""
        lexicon = self.lexicon
        inner = _noun_phrase_start(tokens, comma - 1, lexicon) if comma > 0 else None
        if inner is None or inner < 2 or tokens[inner - 1].group() != ",":
            return None
        head = _noun_phrase_start(tokens, inner - 2, lexicon)
        names = (tokens[inner - 2].group(), tokens[comma - 1].group())
        if head is None or not any(name[:1].isupper() for name in names):
            return None
        before = tokens[head - 1].group() if head > 0 else ""
        if (
            head > 0
            and before not in {",", ":", ";", "``", '"', "“", "''", "”"}
            and before.lower() not in lexicon.stops
        ):
            return None
        return tokens[head].start(), tokens[comma - 1].end()

    def _extend_after_quote(
        self, start: int, tokens: list[re.Match[str]], first: int, end: int
    ) -> Span:
        """After a closing quote, the speaker is all the words up to the cue (``a boy ... asked``)."""
        position = first - 1
        while position >= 0 and _is_word(tokens[position].group()):
            position -= 1
        if position >= 0 and first - position <= _MAX_SPEAKER_TOKENS:
            mark = position
            if tokens[mark].group() == ",":
                mark -= 1
            if mark >= 0 and tokens[mark].end() in self.quote_ends:
                return tokens[position + 1].start(), end
        return tokens[first].start(), end

    def _right_speaker(self, cue_end: int, end: int, according: bool) -> Span | None:
        """The noun phrase after an inverted cue (``said Mr. Smith``) or ``according to``."""
        text = self.text
        stop = _RIGHT_SPEAKER_END.search(text, cue_end, end)
        limit = stop.start() if stop else end
        if according:
            comma = text.find(",", cue_end, limit)
            limit = comma if comma >= 0 else limit
        start, stop_at = _strip(text, cue_end, limit)
        while stop_at > start and text[stop_at - 1] in ".,;:!?":
            stop_at = _strip(text, start, stop_at - 1)[1]
        trailing = _TRAILING_ADJUNCT.search(text, start, stop_at)
        if trailing is not None and trailing.start() > start:
            stop_at = _strip(text, start, trailing.start())[1]
        if stop_at <= start:
            return None
        first = _TOKEN.match(text, start, stop_at)
        if (
            first is None
            or not _is_word(first.group())
            or first.group().lower() in {"that", "to", "it"}
        ):
            return None
        if len(_TOKEN.findall(text, start, stop_at)) > 2 * _MAX_SPEAKER_TOKENS:
            return None
        return start, stop_at


def _word_before(text: str, start: int, position: int) -> bool:
    """Whether a letter or digit precedes ``position`` within the region (mid-sentence word)."""
    index = position - 1
    while index >= start and text[index] in " \t":
        index -= 1
    return index >= start and text[index].isalnum()


def _joined(neighbour: str) -> bool:
    """Whether a neighbouring character makes a letter run part of a longer word."""
    return neighbour.isalnum() or neighbour in {"_", "'", "’", "-"}


def _is_word(token: str) -> bool:
    return bool(_WORD_CHAR.match(token))


def _skippable(token: str, lexicon: QuoteLexicon) -> bool:
    lower = token.lower()
    return lower in lexicon.skip or (token.islower() and lower.endswith("ly") and len(lower) > 3)


def _noun_phrase_start(tokens: list[re.Match[str]], last: int, lexicon: QuoteLexicon) -> int | None:
    """Index of the first token of the noun phrase that ends at token ``last``, or None."""
    if last < 0 or not _is_word(tokens[last].group()):
        return None
    head = tokens[last].group().lower()
    if head in lexicon.stops or head in lexicon.determiners or head in lexicon.np_prepositions:
        return None
    first: int | None = None
    index = last
    while index >= 0 and last - index < _MAX_SPEAKER_TOKENS:
        token = tokens[index].group()
        lower = token.lower()
        if token in {"'", "’"} and index > 0 and tokens[index - 1].group().lower().endswith("s"):
            index -= 1
            continue
        if not _is_word(token) or lower in lexicon.stops:
            break
        if lower in lexicon.pronouns and index != last:
            if lower in {"his", "her", "its", "their"}:
                first = index
            break
        if lower in lexicon.determiners:
            first = index
            if index >= 1 and tokens[index - 1].group().lower() in lexicon.determiners:
                index -= 1
                continue
            if (
                index >= 2
                and tokens[index - 1].group().lower() in lexicon.np_prepositions
                and _nounish(tokens[index - 2].group(), lexicon)
            ):
                index -= 1
                continue
            break
        if lower in lexicon.np_prepositions:
            if index > 0 and _nounish(tokens[index - 1].group(), lexicon):
                index -= 1
                continue
            break
        first = index
        index -= 1
    if first is None:
        return None
    while first < last and tokens[first].group().lower() in lexicon.np_prepositions:
        first += 1
    return first


def _nounish(token: str, lexicon: QuoteLexicon) -> bool:
    lower = token.lower()
    return (
        _is_word(token)
        and lower not in lexicon.stops
        and lower not in lexicon.determiners
        and lower not in lexicon.np_prepositions
        and lower not in lexicon.skip
        and lower not in lexicon.pronouns
    )


def _trim_content(text: str, start: int, end: int) -> Span:
    """Strip spaces, the complementizer-free edges and final punctuation outside quotes."""
    start, end = _strip(text, start, end)
    while start < end and text[start] in ",:;—–-":
        start, end = _strip(text, start + 1, end)
    while end > start and text[end - 1] in ",;:.!?—–-":
        end = _strip(text, start, end - 1)[1]
    if text.startswith("--", start):
        start, end = _strip(text, start + 2, end)
    conjunction = _TRAILING_CONJUNCTION.search(text, start, end)
    if conjunction is not None and conjunction.start() > start:
        end = conjunction.start()
    return start, end


# --- summaries for notebook 03 ---------------------------------------------------------------

VOICES = ["direct", "mixed", "indirect", "nested"]


def speaker_summary(table: pd.DataFrame) -> pd.DataFrame:
    """Attributions and words per resolved speaker, from :func:`quotes` output.

    Columns: ``speaker_entity``, ``speaker_label``, ``attributions``, ``direct``, ``mixed``,
    ``indirect`` (top-level rows of each kind), ``nested`` (rows reported inside another
    source's content), ``words_direct``, ``words_mixed``, ``words_indirect``, ``words_nested``,
    ``words`` (sum of the four). Rows without a speaker are grouped as "(no speaker)". Sorted
    by words (descending), then speaker. A top-level row's words include any nested rows'
    words; ``words_nested`` counts them again for the inner speaker.
    """
    voice = table["kind"].astype(str).where(table["parent_id"].isna(), "nested")
    data = pd.DataFrame(
        {
            "speaker_entity": table["speaker_entity"].fillna("(no speaker)").astype(str),
            "speaker_label": table["speaker_label"].astype(object),
            "voice": voice,
            "words": table["words"].astype(int),
        }
    )
    counts = pd.crosstab(data["speaker_entity"], data["voice"]).reindex(
        columns=VOICES, fill_value=0
    )
    words = data.pivot_table(
        index="speaker_entity", columns="voice", values="words", aggfunc="sum", fill_value=0
    ).reindex(columns=VOICES, fill_value=0)
    labels = data.groupby("speaker_entity")["speaker_label"].first()
    summary = pd.DataFrame(
        {
            "speaker_entity": pd.array(counts.index, dtype="string"),
            "speaker_label": pd.array(labels.reindex(counts.index).tolist(), dtype="string"),
            "attributions": pd.array(counts.sum(axis=1).tolist(), dtype="Int64"),
            **{kind: pd.array(counts[kind].tolist(), dtype="Int64") for kind in VOICES},
            **{f"words_{kind}": pd.array(words[kind].tolist(), dtype="Int64") for kind in VOICES},
        }
    )
    summary["words"] = summary[[f"words_{kind}" for kind in VOICES]].sum(axis=1).astype("Int64")
    return summary.sort_values(["words", "speaker_entity"], ascending=[False, True]).reset_index(
        drop=True
    )


def quoted_spans(text: str, table: pd.DataFrame) -> list[Span]:
    """Spans inside quotation marks that belong to an attribution (direct pieces and the
    quoted fragments of mixed contents), sorted and merged."""
    spans = [
        span for pieces in table.loc[table["kind"] == "direct", "content_spans"] for span in pieces
    ]
    quotes_found = find_quoted_spans(text)
    for row in table[table["kind"] == "mixed"].itertuples():
        for quote in quotes_found:
            if quote.start >= row.start - 1 and quote.end <= row.end + 1:
                spans.extend(quote.pieces)
    return _merge(spans)


def quoted_share(text: str, table: pd.DataFrame) -> pd.DataFrame:
    """How much of ``text`` the attributions cover, in characters and words.

    One row per voice: ``in quotation marks`` (see :func:`quoted_spans`), ``reported speech``
    (indirect and mixed contents, without the quoted parts) and ``all attributed content``.
    Columns: ``voice``, ``chars``, ``chars_share``, ``words``, ``words_share`` (shares of the
    non-space characters and of the words of ``text``).
    """
    quoted = quoted_spans(text, table)
    reported = _merge(
        [
            span
            for pieces in table.loc[table["kind"] != "direct", "content_spans"]
            for span in pieces
        ]
    )
    everything = _merge([*quoted, *reported])
    reported_only = _subtract(reported, quoted)
    total_chars = len(text) - sum(ch.isspace() for ch in text)
    total_words = count_words(text)
    rows = []
    for voice, spans in [
        ("in quotation marks", quoted),
        ("reported speech", reported_only),
        ("all attributed content", everything),
    ]:
        chars = sum(e - s - sum(ch.isspace() for ch in text[s:e]) for s, e in spans)
        words = sum(count_words(text[s:e]) for s, e in spans)
        rows.append((voice, chars, chars / max(total_chars, 1), words, words / max(total_words, 1)))
    table_out = pd.DataFrame(
        rows, columns=["voice", "chars", "chars_share", "words", "words_share"]
    )
    return table_out.astype({"voice": "string", "chars": "Int64", "words": "Int64"})


def naming_by_voice(text: str, table: pd.DataFrame, entities: pd.DataFrame) -> pd.DataFrame:
    """Which names refer to each entity inside quotation marks and in the outlet's own words.

    ``entities`` is ``extract_entities(text)``; a metonym counts for what it stands for
    ("Pyongyang" → North Korea). A mention is *quoted* when it lies in :func:`quoted_spans`,
    else *narration* (reported speech is the outlet's wording). Columns: ``entity``,
    ``quoted_names``, ``narration_names`` (each "name ×count", most frequent first),
    ``quoted_mentions``, ``narration_mentions``, ``same_names`` (whether the two voices use the
    same set of names). Only entities mentioned in quotation marks; sorted by mentions, entity.
    """
    inside = quoted_spans(text, table)
    starts = [start for start, _ in inside]
    records: dict[str, dict[str, dict[str, int]]] = {}
    for mention in entities.itertuples(index=False):
        key = str(mention.entity if pd.isna(mention.refers_to) else mention.refers_to)
        index = bisect_right(starts, int(mention.start)) - 1
        quoted = index >= 0 and int(mention.end) <= inside[index][1]
        voice = records.setdefault(key, {"quoted": {}, "narration": {}})[
            "quoted" if quoted else "narration"
        ]
        voice[str(mention.text)] = voice.get(str(mention.text), 0) + 1
    rows = []
    for entity, voices in records.items():
        if not voices["quoted"]:
            continue
        rows.append(
            (
                entity,
                _names(voices["quoted"]),
                _names(voices["narration"]),
                sum(voices["quoted"].values()),
                sum(voices["narration"].values()),
                set(voices["quoted"]) == set(voices["narration"]),
            )
        )
    columns = [
        "entity",
        "quoted_names",
        "narration_names",
        "quoted_mentions",
        "narration_mentions",
        "same_names",
    ]
    result = pd.DataFrame(rows, columns=columns)
    result = result.astype(
        {
            "entity": "string",
            "quoted_names": "string",
            "narration_names": "string",
            "quoted_mentions": "Int64",
            "narration_mentions": "Int64",
            "same_names": bool,
        }
    )
    total = result["quoted_mentions"] + result["narration_mentions"]
    return (
        result.assign(_total=total)
        .sort_values(["_total", "entity"], ascending=[False, True])
        .drop(columns="_total")
        .reset_index(drop=True)
    )


def _names(counts: dict[str, int]) -> str:
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return ", ".join(f"{name} ×{count}" for name, count in ordered)


def _merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _subtract(spans: list[Span], holes: list[Span]) -> list[Span]:
    result: list[Span] = []
    for start, end in spans:
        position = start
        for hole_start, hole_end in holes:
            if hole_end <= position or hole_start >= end:
                continue
            if hole_start > position:
                result.append((position, hole_start))
            position = max(position, hole_end)
        if position < end:
            result.append((position, end))
    return result
