"""Attributions of a document: quotations, cues, contents and sources put together.

The stages: quotation marks (:mod:`helpers.quote_marks`), cues (:mod:`helpers.cues`), frames
and contents (:mod:`helpers.quote_content`), source spans (:mod:`helpers.quote_sources`).
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
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from helpers.attribution_text import AttributionText
from helpers.cues import Cue, find_cues
from helpers.document import Document
from helpers.quote_content import Frame, FramePlacer
from helpers.quote_sources import SourceFinder

Span = tuple[int, int]

MAX_DEPTH = 4
_FIRST_LETTER = re.compile(r"[\s\"“”'’`]*([^\W\d_])")
_COORDINATORS = frozenset({"and", "but"})
_BEFORE_PARTICIPLE = frozenset({",", "by", "while", "after", "before", "when", "--", "—"})
_CLAUSE_COORDINATORS = frozenset({"and", "but", "while", "whereas", "although", "yet"})
_SOURCE_HEAD_ENDS = frozenset(
    {",", "of", "by", "from", "in", "for", "at", "on", "with", "(", "that", "which", "who"}
)


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
        self.sources = SourceFinder(view)
        self.placer = FramePlacer(view, self.sources)
        self.cues = find_cues(view)
        self.cue_starts = [cue.start for cue in self.cues]
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
        frames = self._frames(start, end)
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
                again = self._frame(frames[position].cue, start, end, self.view.token_at(start))
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
        return self.sources.subject(max(view.token_at(region_start), sentence), cue_token)

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
        if lower in _COORDINATORS:
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
        content = self.placer.classify(regions)
        if content is None:
            return
        spans, kind = content
        speaker = frame.source if frame.source is not None else inherited
        cue = frame.cue
        row = Attribution(
            spans,
            kind,
            (cue.start, cue.end),
            self._cue_type(cue, speaker),
            speaker,
            parent,
            unit,
            paragraph,
        )
        self.rows.append(row)
        index = len(self.rows) - 1
        for span_start, span_end in spans:
            self._parse(span_start, span_end, index, None, depth + 1, unit, paragraph)

    def _cue_type(self, cue: Cue, source: Span | None) -> str:
        """The cue's kind; evidence for an ``E`` cue whose source is a document or data."""
        if not cue.takes("E") or source is None:
            return cue.kind
        head = self._source_head(source)
        return "evidence" if head in self.view.lexicon.evidence_sources else cue.kind

    def _frames(self, start: int, end: int) -> list[Frame]:
        """Frames whose cue lies in the region and outside any quote nested in the region."""
        nested = self.view.quotations.within(start, end)
        nested_starts = [quote.start for quote in nested]
        frames: list[Frame] = []
        low = bisect_left(self.cue_starts, start)
        high = bisect_left(self.cue_starts, end)
        first_token = self.view.token_at(start)
        for cue in self.cues[low:high]:
            if cue.end > end:
                continue
            index = bisect_right(nested_starts, cue.start) - 1
            if index >= 0 and nested[index].end > cue.start:
                continue
            if frames and cue.start < frames[-1].end:
                continue
            lowest = self.view.token_at(frames[-1].end) if frames else first_token
            frame = self._frame(cue, start, end, lowest)
            if frame is not None:
                frames.append(frame)
        return frames

    def _frame(self, cue: Cue, start: int, end: int, lowest: int) -> Frame | None:
        """The frame of one cue in the region ``[start, end)``, its source not before token
        ``lowest``; None when the cue is no attribution here."""
        view, sources, placer = self.view, self.sources, self.placer
        region = (start, end)
        stop = view.token_at(end)
        if cue.form == "according":
            source = sources.right(cue.stop, stop, according=True)
            if source is None or not self._attributive(cue, source, start):
                return None
            return placer.place(cue, source, view.token_at(source[1]), region, cue.start)
        if cue.form == "passive":
            source = sources.by_phrase(cue.stop, stop)
            after = cue.stop if source is None else view.token_at(source[1])
            return placer.place(cue, source, after, region, cue.start)
        if cue.form == "noun":
            source = sources.possessor(cue.first, lowest)
            frame_start = cue.start if source is None else source[0]
            return placer.place(cue, source, cue.stop, region, frame_start)
        if cue.form == "punctuation":
            source = self._punctuation_source(lowest, cue.first)
            frame = (
                None if source is None else placer.place(cue, source, cue.stop, region, source[0])
            )
            if frame is None or frame.content_start is None:
                return None
            quotation = view.quotations.enclosing(frame.content_start)
            if quotation is None or view.has_word(quotation.end, end):
                return None  # the quotation must end the unit: "Smith: “We will win.”"
            return frame
        left = None if cue.form == "ing" else sources.left(lowest, cue.first)
        if left is not None:
            return placer.place(cue, left, cue.stop, region, left[0])
        if cue.form == "participle":
            return None
        previous = cue.first - 1 if cue.first - 1 >= view.token_at(start) else None
        if (
            cue.form == "finite"
            and cue.kind == "speech"
            and (
                previous is None
                or view.forms[previous] in {",", ":", "--", "—"}
                or view.ends[previous] in view.quotations.ends
            )
        ):
            right = sources.right(cue.stop, stop, according=False)
            if right is not None:
                return placer.place(cue, right, view.token_at(right[1]), region, cue.start)
        if previous is None:
            return None
        linked = view.lower[previous]
        if (linked in _BEFORE_PARTICIPLE and cue.form == "ing") or linked in _COORDINATORS:
            frame = placer.place(cue, None, cue.stop, region, cue.start)
            if frame is not None and frame.mode == "head":
                frame.start = view.starts[previous]
                frame.needs_source = True
                return frame
        return None

    def _attributive(self, cue: Cue, source: Span, start: int) -> bool:
        """Whether "according to" attributes (", according to officials"; "According to the
        report, ...") rather than relates ("weighted according to size"): set off by a comma,
        a dash or a bracket, opening the region, or naming a person, body or document."""
        view = self.view
        previous = cue.first - 1
        if previous < 0 or view.starts[previous] < start:
            return True
        if (
            view.forms[previous] in {",", "--", "—", "(", ";"}
            or view.ends[previous] in view.quotations.ends
        ):
            return True
        head = self._source_head(source)
        lexicon = view.lexicon
        return head is not None and (
            head in lexicon.plural_sources
            or head in lexicon.evidence_sources
            or head in lexicon.anaphora
            or any(
                view.forms[i][:1].isupper()
                for i in range(view.token_at(source[0]), view.token_at(source[1]))
            )
        )

    def _source_head(self, source: Span) -> str | None:
        """The head word of a source: its last word before a comma or a preposition."""
        view = self.view
        head = None
        for index in range(view.token_at(source[0]), view.token_at(source[1])):
            if view.lower[index] in _SOURCE_HEAD_ENDS and head is not None:
                break
            if view.is_word(index):
                head = view.lower[index]
        return head

    def _punctuation_source(self, lowest: int, mark: int) -> Span | None:
        """The source before a colon or dash cue: the noun phrase before it when it is all
        there is ("Smith: “...”"), else the subject of the clause before it."""
        sources, view = self.sources, self.view
        first = sources.noun_phrase_start(mark - 1, lowest)
        if first is not None and (
            first == lowest or view.forms[first - 1] in {",", ";", "(", "--", "—"}
        ):
            return view.starts[first], view.ends[mark - 1]
        if not any(view.is_finite(index) for index in range(max(lowest, mark - 40), mark)):
            return None
        return sources.subject(lowest, mark)
