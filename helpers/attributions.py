"""Attributions of a document: quotations, cues, contents and sources put together.

The stages: quotation marks (:mod:`helpers.quote_marks`), cues (:mod:`helpers.cues`), frames
and contents (:mod:`helpers.quote_content`, over the phrases of :mod:`helpers.quote_phrases`),
source spans (:mod:`helpers.quote_sources`).
This module walks the text once, *unit* by unit (sentences merged where a boundary falls
inside a quotation or before a lower-case word, as in "“Why?” he asked"):

* in each unit, the frames of its cues give rows: the last frame whose content lies before
  it (a tail) takes everything before it; otherwise the first frame takes the content after
  it, up to the next coordinated or participle cue ("..., but Republicans said ...", ",
  adding ..."), which starts a region of its own with the same source;
* every row's content is parsed again for attributions inside it (``parent``), up to
  :data:`MAX_DEPTH` levels;
* a unit made only of quotation continues the previous unit's direct quote when it follows it
  in the same paragraph, or is a row of its own with the previous direct speaker.

Every step looks at a bounded number of tokens around a cue, so the cost grows linearly with
the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from helpers.attribution_text import AttributionText
from helpers.document import Document
from helpers.quote_content import ContentClassifier, Frame, FrameFinder

Span = tuple[int, int]

MAX_DEPTH = 4
_FIRST_LETTER = re.compile(r"[\s\"“”'’`]*([^\W\d_])")
_AND_BUT = frozenset({"and", "but"})
_CLAUSE_COORDINATORS = frozenset({"and", "but", "while", "whereas", "although", "yet"})


@dataclass
class Attribution:
    """One attribution while extracting (``parent`` indexes the row list)."""

    spans: list[Span]
    kind: str
    cue: Span | None
    cue_type: str
    speaker: Span | None
    parent: int | None
    unit: int = -1
    paragraph: int = -1


def find_attributions(document: Document) -> list[Attribution]:
    """The attributions of ``document``, outer rows before the rows found inside them."""
    return _Extraction(document).run()


class _Extraction:
    """One walk over a document's units (see the module docstring)."""

    def __init__(self, document: Document) -> None:
        self.view = view = AttributionText(document)
        self.text = document.text
        self.frames = FrameFinder(view)
        self.classifier = ContentClassifier(view)
        self.paragraphs = document.paragraphs
        self.paragraph_starts = [start for start, _ in self.paragraphs]
        self.announced: tuple[Frame, Span | None, int] | None = None  # a cue ending in ":"
        self.units = self._units(document.sentences)
        self.rows: list[Attribution] = []

    def _units(self, sentences: list[Span]) -> list[Span]:
        """Merge sentences cut inside a quote or before a lower-case word (``"Why?" he asked``)."""
        units: list[Span] = []
        for start, end in sorted(sentences):
            if units and start < units[-1][1]:
                units[-1] = (units[-1][0], max(end, units[-1][1]))
                continue
            if units and (self.view.quotations.inside(start) or self._continues(start)):
                units[-1] = (units[-1][0], end)
            else:
                units.append((start, end))
        return units

    def _continues(self, position: int) -> bool:
        match = _FIRST_LETTER.match(self.text, position, position + 12)
        return bool(match and match.group(1).islower())

    def run(self) -> list[Attribution]:
        previous_direct: int | None = None
        taken_until = 0  # the end of a paragraph taken as the content of a colon cue
        for unit, (start, end) in enumerate(self.units):
            paragraph = bisect_right(self.paragraph_starts, start) - 1
            before = len(self.rows)
            announced, self.announced = self.announced, None
            if announced is not None and paragraph == announced[2] + 1:
                frame, source, _ = announced
                taken_until = self.paragraphs[paragraph][1]
                self._emit(frame, [self.paragraphs[paragraph]], None, source, 0, unit, paragraph)
            if start < taken_until:
                if len(self.rows) > before and self.rows[before].kind == "direct":
                    previous_direct = before
                continue
            self._parse(start, end, None, None, 0, unit, paragraph)
            if len(self.rows) > before:
                tops = [i for i in range(before, len(self.rows)) if self.rows[i].parent is None]
                last = tops[-1] if tops else None
                direct = last is not None and self.rows[last].kind == "direct"
                previous_direct = last if direct else None
                continue
            previous_direct = self._quote_only_unit(start, end, unit, paragraph, previous_direct)
        return self.rows

    def _quote_only_unit(
        self, start: int, end: int, unit: int, paragraph: int, previous_direct: int | None
    ) -> int | None:
        """A unit made only of quotation continues the previous direct quote or stands alone."""
        quotations = self.view.quotations
        inside = quotations.within(start, end)
        if not inside or quotations.words_outside(start, end, inside):
            return None
        pieces = [piece for quote in inside for piece in quote.pieces]
        previous = None if previous_direct is None else self.rows[previous_direct]
        if previous is not None and previous.unit == unit - 1 and previous.paragraph == paragraph:
            previous.spans.extend(pieces)
            previous.unit = unit
            row_index = previous_direct
        else:
            speaker = previous.speaker if previous is not None else None
            self.rows.append(
                Attribution(pieces, "direct", None, "speech", speaker, None, unit, paragraph)
            )
            row_index = len(self.rows) - 1
        for piece_start, piece_end in pieces:
            self._parse(piece_start, piece_end, row_index, None, 1, unit, paragraph)
        return row_index

    # --- frames and rows -------------------------------------------------------------------

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
        """Find the attributions of ``[start, end)`` and recurse into their contents."""
        if depth > MAX_DEPTH:
            return
        frames = self.frames.frames(start, end)
        region_start = start
        last_tail = max((i for i, f in enumerate(frames) if f.mode == "tail"), default=-1)
        position = 0
        while position < len(frames) and end - start >= 3:
            if last_tail >= position:
                frame = frames[last_tail]
                self._emit(frame, [(start, frame.start)], parent, inherited, depth, unit, paragraph)
                if frame.sibling_start is None:
                    return
                inherited = frame.source or inherited
                start, position = frame.sibling_start, last_tail + 1
            else:
                frame = frames[position]
                if frame.mode == "next":
                    if depth == 0 and end == self.paragraphs[paragraph][1]:
                        self.announced = (frame, frame.source or inherited, paragraph)
                    return
                if frame.needs_source and inherited is None:
                    inherited = self._clause_subject(region_start, frame.start)
                assert frame.content_start is not None
                if frame.mode == "paren":
                    pieces = [(start, frame.start), (frame.content_start, end)]
                    self._emit(frame, pieces, parent, inherited, depth, unit, paragraph)
                    return
                boundary = self._boundary(frames, position, start)
                content_end = end if boundary is None else frames[boundary].start
                if frame.content_end is not None:
                    content_end = min(content_end, frame.content_end)
                regions = [(frame.content_start, content_end)]
                self._emit(frame, regions, parent, inherited, depth, unit, paragraph)
                if boundary is None:
                    return
                inherited = frame.source or inherited
                start, position = frames[boundary].start, boundary
            if position < len(frames):
                again = self.frames.frame(
                    frames[position].cue, start, end, self.view.token_at(start)
                )
                if again is None:
                    position += 1
                else:
                    frames[position] = again
                    if again.mode == "tail":
                        last_tail = position

    def _clause_subject(self, region_start: int, frame_start: int) -> Span | None:
        """The subject of the clause a participle or coordinated cue hangs on: from the start
        of its sentence (within the region) to the cue."""
        view = self.view
        cue_token = view.token_at(frame_start)
        firsts = view.sentence_firsts
        sentence = firsts[max(bisect_right(firsts, cue_token) - 1, 0)] if firsts else 0
        return self.frames.sources.subject(max(view.token_at(region_start), sentence), cue_token)

    def _boundary(self, frames: list[Frame], position: int, start: int) -> int | None:
        """The next frame after frame ``position`` that starts a region of its own: a
        participle cue or a cue after a coordination."""
        content_start = frames[position].content_start
        assert content_start is not None
        for index in range(position + 1, len(frames)):
            later = frames[index]
            if later.start >= content_start and (
                later.needs_source or self._coordinated(start, later.start)
            ):
                return index
        return None

    def _coordinated(self, start: int, position: int) -> bool:
        """Whether a coordination (", and", "; but", " and") ends ``text[start:position]``."""
        view = self.view
        last = view.token_before(position)
        if last < 0 or view.starts[last] < start:
            return False
        lower = view.lower[last]
        if lower in {",", ";"}:
            return True
        if lower in _AND_BUT:
            return True
        if lower in _CLAUSE_COORDINATORS:
            return (
                last > 0 and view.starts[last - 1] >= start and view.lower[last - 1] in {",", ";"}
            )
        return False

    def _emit(
        self,
        frame: Frame,
        regions: list[Span],
        parent: int | None,
        inherited: Span | None,
        depth: int,
        unit: int,
        paragraph: int,
    ) -> None:
        """Classify the content regions, add the row and parse inside its content."""
        content = self.classifier.classify(regions)
        if content is None:
            return
        spans, kind = content
        speaker = frame.source if frame.source is not None else inherited
        cue = frame.cue
        row = Attribution(
            spans,
            kind,
            (cue.start, cue.end),
            self.frames.cue_type(cue, speaker),
            speaker,
            parent,
            unit,
            paragraph,
        )
        self.rows.append(row)
        index = len(self.rows) - 1
        for span_start, span_end in spans:
            self._parse(span_start, span_end, index, None, depth + 1, unit, paragraph)
