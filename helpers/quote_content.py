"""Frames and contents of attribution (stage 3): where each cue's content lies, and its kind.

A *frame* is a cue with its source (:mod:`helpers.quote_sources`) and the position of its
content, found from the phrases after the cue and its source (:mod:`helpers.quote_phrases`).
:class:`FrameFinder` builds the frames of a region; :class:`FramePlacer` places a content:

* after the cue (``head``): a clause after "that", "whether" or a wh-word, with adverbials
  before it allowed ("said on Tuesday in a statement that ..."); a quotation, after an addressee
  for verbs that take one ("Kim told reporters, “We ...”"); a reported clause without "that",
  recognised by its word classes: a noun phrase then a finite verb ("said prices fell"); a
  to-infinitive ("vowed to fight on"); or a noun phrase, for the cues that take one
  ("reiterated its intention", "called for an inquiry", "expressed concern" but not "expressed
  interest", "criticized the plan as unfair");
* before the cue (``tail``): "The plan is dead, officials said on Tuesday." and "“No,” he said,
  adding that ..." (the following participle clause is a *sibling* region);
* around the cue (``paren``): "The plan, he said, is dead." and "“A,” she said, “B.”";
* in the next paragraph (``next``), when a colon after the cue ends its paragraph.

:class:`ContentClassifier` trims a content and classes it: ``direct`` when it is only
quotation, ``mixed`` when it holds a quotation, ``indirect`` otherwise. A cue's type is its
kind in the lexicon, except that "according to" and the cues marked ``E`` are ``evidence`` when
their source is a document or data ("a poll shows", "according to the report").
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from helpers.attribution_text import AttributionText
from helpers.cues import Cue, find_cues
from helpers.quote_marks import strip_span
from helpers.quote_phrases import PhraseScanner
from helpers.quote_sources import SourceFinder

Span = tuple[int, int]

_LINKED = frozenset({"and", "but"})
_BEFORE_PARTICIPLE = frozenset({",", "by", "while", "after", "before", "when", "--", "—"})
_SOURCE_HEAD_ENDS = frozenset(
    {",", "of", "by", "from", "in", "for", "at", "on", "with", "(", "that", "which", "who"}
)
_COORDINATORS = frozenset({"and", "but", "while", "whereas", "although", "yet"})
_TRAILING_CONJUNCTIONS = frozenset({"and", "but", "or", "while", "whereas", "although", "yet"})
_REASONS = frozenset({"for", "over"})
_CHARGES = frozenset({"of"})


@dataclass
class Frame:
    """A cue with its source and where its content lies (offsets are characters)."""

    cue: Cue
    source: Span | None
    start: int  # first character of the frame (source or cue)
    end: int  # last character of the frame (cue, object or source)
    mode: str  # "head" (content after), "tail" (before), "paren" (both sides), "next"
    # ("next": a colon ends the paragraph and the next paragraph is the content)
    content_start: int | None = None  # head and paren: where the content after starts
    sibling_start: int | None = None  # tail: where a following ", adding ..." region starts
    content_end: int | None = None  # head: where the content ends, when before the region's end
    needs_source: bool = False  # participle or coordinated cue: the source comes from context


class FramePlacer:
    """Decides where the content of a cue lies, from the tokens around it."""

    def __init__(self, view: AttributionText) -> None:
        self.view = view
        self.lexicon = view.lexicon
        self.phrases = PhraseScanner(view)

    def place(
        self, cue: Cue, source: Span | None, after: int, region: Span, frame_start: int
    ) -> Frame | None:
        """The frame of ``cue`` whose words end before token ``after``, in the region
        ``[start, end)`` (characters), or None when the cue has no content here."""
        view = self.view
        start, end = region
        stop = view.token_at(end)
        pre_has_content = view.has_word(start, frame_start)
        quote_start = self.phrases.after_conjunction(start, frame_start)  # "But “...,” he said"
        pre_is_quote = pre_has_content and view.quotations.only_quotation(quote_start, frame_start)
        pre_ends_comma = pre_is_quote or self.phrases.ends_with_comma(start, frame_start)
        forward_only = cue.takes("F")

        words_end = max(view.ends[after - 1], cue.end)

        def frame(mode: str, content_start: int | None = None, sibling: int | None = None) -> Frame:
            content = None if content_start is None else view.start_of(content_start)
            sibling_start = None if sibling is None else view.start_of(sibling)
            end = words_end if content is None else max(words_end, content)
            return Frame(cue, source, frame_start, end, mode, content, sibling_start)

        if cue.form == "passive":  # "it was reported that ...": a that-clause only
            clause = self.phrases.complementizer(after, stop, with_object=False)
            return None if clause is None else frame("head", clause)
        if pre_is_quote:
            if forward_only:
                return None
            quote = self.phrases.quotation_after(after, stop, cue.takes("O"))
            if quote is not None and pre_ends_comma:
                return frame("paren", quote)
            return frame("tail", sibling=self.phrases.tail_more(after, stop))
        if not cue.takes("Q"):
            clause = self.phrases.complementizer(after, stop, cue.takes("O"))
            if clause is not None:
                found = frame("head", clause)
                if cue.form == "noun":  # "his claim that X was false angered them": X only
                    found.content_end = self.phrases.clause_end(clause, stop)
                return found
        clausal = cue.takes("S") or cue.takes("T") or cue.takes("Q")
        quote = self.phrases.quotation_after(after, stop, cue.takes("O"), direct=clausal)
        if quote is not None:
            found = frame("head", quote)
            found.content_end = self._quotation_end(view.starts[quote])
            return found
        if cue.takes("Q"):
            return None
        if cue.form != "punctuation" and self.phrases.colon_ends(after, stop):
            return frame("next")  # "In it, Norton observed:" and the paragraph that follows
        set_off = cue.form == "according" or self.phrases.set_off(frame_start)
        tail = pre_has_content and not forward_only and set_off
        if self.phrases.reaches_end(after, stop, cue.takes("O")):
            return frame("tail") if tail else None
        separator = self.phrases.tail_more(after, stop)
        if separator is not None and tail:
            return frame("tail", sibling=separator)
        if after < stop and view.forms[after] == ",":
            if tail and after + 1 < stop and view.lower[after + 1] in _COORDINATORS:
                return frame("tail", sibling=after)
            if pre_has_content and not forward_only and pre_ends_comma:
                return frame("paren", after + 1)
            clause = self.phrases.skip_time_and_adverbs(after + 1, stop)
            if cue.takes("S") and not forward_only and self.phrases.clause_starts(clause, stop):
                return frame("head", clause)
            return None
        content = self._content_after(cue, after, stop)
        return None if content is None else frame("head", content)

    def _quotation_end(self, opening: int) -> int | None:
        """The end of the quotation opening at ``opening`` when a semicolon, colon or dash
        follows it (the sentence goes on without the source: "she said, “...”; the video")."""
        view = self.view
        quotation = view.quotations.enclosing(opening)
        if quotation is None:
            return None
        following = view.token_at(quotation.end)
        if following < len(view) and view.forms[following] in {";", ":", "--", "—"}:
            return quotation.end
        return None

    def _content_after(self, cue: Cue, after: int, stop: int) -> int | None:
        """The first token of a content that is no "that" clause and no quotation."""
        if cue.takes("I"):
            infinitive = self.phrases.infinitive(after, stop, cue.takes("O"))
            if infinitive is not None:
                return infinitive
        if cue.takes("O"):
            clause = self.phrases.object_then_clause(after, stop)
            if clause is not None:
                return clause
        position = self.phrases.skip_time_and_adverbs(after, stop)
        if cue.takes("S") and self.phrases.clause_starts(position, stop):
            return position
        if cue.takes("N") and self.phrases.noun_phrase_starts(position, stop):
            return position
        if cue.takes("A") and self.phrases.attitude_phrase(position, stop):
            return position
        if cue.takes("P") and self.phrases.predicate_phrase(position, stop):
            return position
        if cue.takes("R") and self.phrases.object_then(position, stop, _REASONS):
            return position
        if cue.takes("C") and self.phrases.object_then(position, stop, _CHARGES):
            return position
        return None

    # --- scanners over tokens (each looks at a bounded number of tokens) -------------------


class FrameFinder:
    """The frames of a region: each cue with its source (:mod:`helpers.quote_sources`) and
    where its content lies (:class:`FramePlacer`)."""

    def __init__(self, view: AttributionText) -> None:
        self.view = view
        self.sources = SourceFinder(view)
        self.placer = FramePlacer(view)
        self.cues = find_cues(view)
        self.cue_starts = [cue.start for cue in self.cues]

    def cue_type(self, cue: Cue, source: Span | None) -> str:
        """The cue's kind; evidence for an ``E`` cue whose source is a document or data."""
        if not cue.takes("E") or source is None:
            return cue.kind
        head = self._source_head(source)
        return "evidence" if head in self.view.lexicon.evidence_sources else cue.kind

    def frames(self, start: int, end: int) -> list[Frame]:
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
            frame = self.frame(cue, start, end, lowest)
            if frame is not None:
                frames.append(frame)
        return frames

    def frame(self, cue: Cue, start: int, end: int, lowest: int) -> Frame | None:
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
            frame = placer.place(cue, left, cue.stop, region, left[0])
            if frame is not None and frame.mode == "head" and self._after_relative(cue, left):
                assert frame.content_start is not None  # "Respondents who indicated they were
                frame.content_end = placer.phrases.clause_end(  # discriminated | were older"
                    view.token_at(frame.content_start), view.token_at(end), relative=True
                )
            return frame
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
        if (linked in _BEFORE_PARTICIPLE and cue.form == "ing") or linked in _LINKED:
            frame = placer.place(cue, None, cue.stop, region, cue.start)
            if frame is not None and frame.mode == "head":
                frame.start = view.starts[previous]
                frame.needs_source = True
                return frame
        return None

    def _after_relative(self, cue: Cue, source: Span) -> bool:
        """Whether a relative pronoun stands between the source and the cue ("Smith, who said")."""
        view = self.view
        index = cue.first - 1
        while index >= 0 and view.starts[index] >= source[1] and view.skippable(index):
            index -= 1
        return index >= 0 and view.lower[index] in {"who", "which", "that"}

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


class ContentClassifier:
    """Trims content regions and tells direct, mixed and indirect content apart."""

    def __init__(self, view: AttributionText) -> None:
        self.view = view

    def trim(self, start: int, end: int) -> Span:
        """Strip spaces, edge punctuation outside quotes and a trailing conjunction."""
        text = self.view.text
        start, end = strip_span(text, start, end)
        while start < end and text[start] in ",:;—–-":
            start, end = strip_span(text, start + 1, end)
        while end > start and text[end - 1] in ",;:.!?—–-":
            end = strip_span(text, start, end - 1)[1]
        last = self.view.token_before(end)
        while last > 0 and self.view.starts[last] > start and self.view.ends[last] == end:
            if self.view.lower[last] in _TRAILING_CONJUNCTIONS:
                end = self.view.ends[last - 1]
                last -= 1
                while end > start and text[end - 1] in ",; ":
                    end -= 1
                continue
            break
        return start, end

    def classify(self, regions: list[Span]) -> tuple[list[Span], str] | None:
        """Trim the content regions and tell direct (only quotation), mixed or indirect."""
        view = self.view
        trimmed = [self.trim(start, end) for start, end in regions]
        trimmed = [(s, e) for s, e in trimmed if e > s and view.has_word(s, e)]
        if not trimmed:
            return None
        quotations = view.quotations
        quoted: list[Span] = []
        all_quoted, any_quoted = True, False
        for start, end in trimmed:
            inside = quotations.within(start, end)
            touching = [
                q for q in quotations.touching(start, end) if q.start >= start or q.end <= end
            ]
            any_quoted = any_quoted or bool(touching)
            if inside and not quotations.words_outside(start, end, inside):
                quoted.extend(piece for quote in inside for piece in quote.pieces)
            else:
                all_quoted = False
        if all_quoted and quoted:
            return quoted, "direct"
        return trimmed, "mixed" if any_quoted else "indirect"
