"""Where the content of a cue lies, and what kind it is (stage 3 of attribution).

A *frame* is a cue with its source and the position of its content, found from the words
after the cue (and its source, when the source follows it). The content lies

* after the cue (``head``): a clause after "that", "whether" or a wh-word, with adverbials
  before it allowed ("said on Tuesday in a statement that ..."); a quotation, after an addressee
  for verbs that take one ("Kim told reporters, “We ...”"); a reported clause without "that",
  recognised by its word classes: a noun phrase then a finite verb ("said prices fell"); a
  to-infinitive ("vowed to fight on"); or a noun phrase, for the cues that take one
  ("reiterated its intention", "called for an inquiry", "expressed concern" but not "expressed
  interest", "criticized the plan as unfair");
* before the cue (``tail``): "The plan is dead, officials said on Tuesday." and "“No,” he said,
  adding that ..." (the following participle clause is a *sibling* region);
* around the cue (``paren``): "The plan, he said, is dead." and "“A,” she said, “B.”".

The content of a row is then trimmed and classed: ``direct`` when it is only quotation,
``mixed`` when it holds a quotation, ``indirect`` otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass

from helpers.attribution_text import AttributionText
from helpers.cues import Cue
from helpers.quote_sources import SourceFinder

Span = tuple[int, int]

_COMPLEMENTIZERS = frozenset({"that", "whether", "if", "how", "why", "what"})
_PREPOSITIONS = frozenset(
    {
        "in",
        "at",
        "on",
        "during",
        "after",
        "before",
        "from",
        "via",
        "through",
        "over",
        "by",
        "to",
        "with",
        "outside",
        "inside",
        "near",
        "under",
        "following",
        "while",
        "aboard",
        "upon",
        "as",
    }
)
_RELATIVE_DAYS = frozenset({"next", "previous", "following", "same"})
_PLAIN_ADVERBS = frozenset({"here", "there", "again", "too"})
_CLOSING = frozenset({".", "?", "!", ";", '"', "''", "”", "’", "'", "»", ")"})
_SET_OFF = frozenset({",", ";", ":", "--", "—", "–", "(", "''", '"', "”", "’", "'", "»"})
_TAIL_FOLLOWERS = frozenset(
    {"who", "which", "whose", "where", "when", "while", "as", "after", "before", "because"}
)
_SEPARATORS = frozenset({",", "--", "—"})
_COORDINATORS = frozenset({"and", "but", "while", "whereas", "although", "yet"})
_TRAILING_CONJUNCTIONS = frozenset({"and", "but", "or", "while", "whereas", "although", "yet"})
_REASONS = frozenset({"for", "over"})
_CHARGES = frozenset({"of"})
_NP_TAGS = frozenset(
    {"DT", "PDT", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "CD", "POS", "PRP$", "PRP"}
)
_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
_HEADS = _NOUN_TAGS | {"PRP"}
_NP_OPENERS = frozenset({"DT", "PRP$", "PDT"})
_CLAUSE_INNER_TAGS = _NP_TAGS | {"VBN", "VBG", "HYPH", "CC", "EX", "RB", "IN", "TO", "VB"}
_MAX_SCAN = 12
_LEADING = frozenset({"and", "but", "so", "yet", "or"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_CLAUSE_LINKS = frozenset({"and", "or", "but", "that", "which", "who", ",", ";"})


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

    def __init__(self, view: AttributionText, sources: SourceFinder) -> None:
        self.view = view
        self.sources = sources
        self.lexicon = view.lexicon

    def place(
        self, cue: Cue, source: Span | None, after: int, region: Span, frame_start: int
    ) -> Frame | None:
        """The frame of ``cue`` whose words end before token ``after``, in the region
        ``[start, end)`` (characters), or None when the cue has no content here."""
        view = self.view
        start, end = region
        stop = view.token_at(end)
        pre_has_content = view.has_word(start, frame_start)
        quote_start = self._after_conjunction(start, frame_start)  # "But “...,” he said"
        pre_is_quote = pre_has_content and view.quotations.only_quotation(quote_start, frame_start)
        pre_ends_comma = pre_is_quote or self._ends_with_comma(start, frame_start)
        forward_only = cue.takes("F")

        words_end = max(view.ends[after - 1], cue.end)

        def frame(mode: str, content_start: int | None = None, sibling: int | None = None) -> Frame:
            content = None if content_start is None else view.start_of(content_start)
            sibling_start = None if sibling is None else view.start_of(sibling)
            end = words_end if content is None else max(words_end, content)
            return Frame(cue, source, frame_start, end, mode, content, sibling_start)

        if cue.form == "passive":  # "it was reported that ...": a that-clause only
            clause = self._complementizer(after, stop, with_object=False)
            return None if clause is None else frame("head", clause)
        if pre_is_quote:
            if forward_only:
                return None
            quote = self._quotation_after(after, stop, cue.takes("O"))
            if quote is not None and pre_ends_comma:
                return frame("paren", quote)
            return frame("tail", sibling=self._tail_more(after, stop))
        if not cue.takes("Q"):
            clause = self._complementizer(after, stop, cue.takes("O"))
            if clause is not None:
                found = frame("head", clause)
                if cue.form == "noun":  # "his claim that X was false angered them": X only
                    found.content_end = self._clause_end(clause, stop)
                return found
        clausal = cue.takes("S") or cue.takes("T") or cue.takes("Q")
        quote = self._quotation_after(after, stop, cue.takes("O"), direct=clausal)
        if quote is not None:
            return frame("head", quote)
        if cue.takes("Q"):
            return None
        if cue.form != "punctuation" and self._colon_ends(after, stop):
            return frame("next")  # "In it, Norton observed:" and the paragraph that follows
        set_off = cue.form == "according" or self._set_off(frame_start)
        tail = pre_has_content and not forward_only and set_off
        if self._reaches_end(after, stop, cue.takes("O")):
            return frame("tail") if tail else None
        separator = self._tail_more(after, stop)
        if separator is not None and tail:
            return frame("tail", sibling=separator)
        if after < stop and view.forms[after] == ",":
            if tail and after + 1 < stop and view.lower[after + 1] in _COORDINATORS:
                return frame("tail", sibling=after)
            if pre_has_content and not forward_only and pre_ends_comma:
                return frame("paren", after + 1)
            clause = self._skip_time_and_adverbs(after + 1, stop)
            if cue.takes("S") and not forward_only and self._clause_starts(clause, stop):
                return frame("head", clause)
            return None
        content = self._content_after(cue, after, stop)
        return None if content is None else frame("head", content)

    def _colon_ends(self, after: int, stop: int) -> bool:
        """Whether a colon after the cue (and its adverbials) is the last token of the region."""
        view = self.view
        position = after
        for _ in range(2):
            following = self._adjunct_end(position, stop, stop_at_complementizer=True)
            if following is None:
                break
            position = following
        return position + 1 == stop and view.forms[position] == ":"

    def _after_conjunction(self, start: int, end: int) -> int:
        """``start`` moved past a leading conjunction ("But", "And") and its comma."""
        view = self.view
        index = view.token_at(start)
        if index < len(view) and view.starts[index] < end and view.lower[index] in _LEADING:
            index += 1
            if index < len(view) and view.forms[index] == ",":
                index += 1
            return view.start_of(index)
        return start

    def _set_off(self, frame_start: int) -> bool:
        """Whether the frame is set off from the content before it (by a comma, a dash, a
        quotation...), as a source after its content is ("..., officials said"); a noun
        phrase right after a verb is that verb's object ("we use the category reported")."""
        view = self.view
        previous = view.token_before(frame_start)
        return (
            previous < 0
            or view.forms[previous] in _SET_OFF
            or view.ends[previous] in view.quotations.ends
        )

    def _content_after(self, cue: Cue, after: int, stop: int) -> int | None:
        """The first token of a content that is no "that" clause and no quotation."""
        if cue.takes("I"):
            infinitive = self._infinitive(after, stop, cue.takes("O"))
            if infinitive is not None:
                return infinitive
        if cue.takes("O"):
            clause = self._object_then_clause(after, stop)
            if clause is not None:
                return clause
        position = self._skip_time_and_adverbs(after, stop)
        if cue.takes("S") and self._clause_starts(position, stop):
            return position
        if cue.takes("N") and self._noun_phrase_starts(position, stop):
            return position
        if cue.takes("A") and self._attitude_phrase(position, stop):
            return position
        if cue.takes("P") and self._predicate_phrase(position, stop):
            return position
        if cue.takes("R") and self._object_then(position, stop, _REASONS):
            return position
        if cue.takes("C") and self._object_then(position, stop, _CHARGES):
            return position
        return None

    # --- scanners over tokens (each looks at a bounded number of tokens) -------------------

    def _ends_with_comma(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` ends with a comma, perhaps followed by a closing mark."""
        view = self.view
        index = view.token_before(end)
        if (
            index >= 0
            and view.starts[index] >= start
            and view.forms[index] in {"''", '"', "”", "'", "»", "’"}
        ):
            index -= 1
        return index >= 0 and view.starts[index] >= start and view.forms[index] == ","

    def _complementizer(self, after: int, stop: int, with_object: bool) -> int | None:
        """``that``/wh-word after up to three adverbials (and an object, for ``O`` cues):
        the first token of the content ("that" itself is left out, a wh-word kept)."""
        view = self.view
        position = after
        for _ in range(4):
            if position < stop and view.forms[position] == ",":
                position += 1
            if self._complementizer_at(position, stop):
                return self._after_complementizer(position)
            following = self._adjunct_end(position, stop, stop_at_complementizer=True)
            if following is None:
                break
            position = following
        if with_object:
            position = after
            for _ in range(10):
                if position >= stop or not (view.is_word(position) or view.forms[position] == ","):
                    return None
                if position > after and self._complementizer_at(position, stop):
                    return self._after_complementizer(position)
                if view.lower[position] == "that":
                    return None
                position += 1
        return None

    def _clause_end(self, first: int, stop: int) -> int | None:
        """The start of the next clause's finite verb after the clause opening at token
        ``first`` ("that the election was stolen | has been rejected"), or None."""
        view = self.view
        seen_finite = False
        for index in range(first, stop):
            if view.tags[index] not in _FINITE_TAGS:
                continue
            joined = view.lower[index - 1] in _CLAUSE_LINKS or view.is_adverb(index - 1)
            if seen_finite and not joined and view.tags[index - 1] not in _FINITE_TAGS:
                return view.starts[index]  # a new verb group, not "would have", "and said"
            seen_finite = True
        return None

    def _complementizer_at(self, position: int, stop: int) -> bool:
        """Whether a clause opens at ``position`` with "that" (not the demonstrative: "shown
        that to him") or a wh-word (not before an infinitive: "know how to")."""
        view = self.view
        if position >= stop or view.lower[position] not in _COMPLEMENTIZERS:
            return False
        if view.lower[position] == "that":  # not the demonstrative before a verb or preposition
            following = view.tags[position + 1] if position + 1 < stop else "."
            return view.tags[position] != "DT" or following in _NP_TAGS
        return position + 1 >= stop or view.lower[position + 1] != "to"

    def _after_complementizer(self, position: int) -> int:
        return position + 1 if self.view.lower[position] == "that" else position

    def _adjunct_end(self, position: int, stop: int, stop_at_complementizer: bool) -> int | None:
        """The token after one adverbial starting at ``position`` (a time expression, a
        prepositional phrase of up to five words, an adverb), or None."""
        view = self.view
        if position >= stop or not view.is_word(position):
            return None
        lower = view.lower[position]
        time_end = self._time_end(position, stop)
        if time_end is not None:
            return time_end
        if lower in _PLAIN_ADVERBS or (view.forms[position].islower() and lower.endswith("ly")):
            return position + 1
        if lower not in _PREPOSITIONS:
            return None
        index = position + 1
        words = 0
        while index < stop and words < 8 and view.is_word(index):
            lower = view.lower[index]
            if stop_at_complementizer and lower in _COMPLEMENTIZERS:
                break
            if lower in _PREPOSITIONS:
                words = 0
            elif view.tags[index] not in _NP_TAGS:
                break
            words += 1
            index += 1
        return index if index > position + 1 else None

    def _time_end(self, position: int, stop: int) -> int | None:
        view = self.view
        index = position
        if (
            index + 1 < stop
            and view.lower[index] == "the"
            and view.lower[index + 1] in _RELATIVE_DAYS
        ):
            index += 1  # "the next day"
        if index < stop and view.lower[index] in self.lexicon.time_modifiers:
            index += 1
        if index < stop and view.lower[index] in self.lexicon.time_words:
            index += 1
            if index < stop and view.lower[index] in {"morning", "afternoon", "evening", "night"}:
                index += 1
            return index
        return None

    def _skip_time_and_adverbs(self, position: int, stop: int) -> int:
        view = self.view
        for _ in range(_MAX_SCAN):
            if position < stop and view.forms[position] == ",":
                position += 1
            time_end = self._time_end(position, stop)
            if time_end is not None:
                position = time_end
                continue
            if (
                position < stop
                and view.forms[position].islower()
                and view.lower[position].endswith("ly")
                and view.tags[position].startswith("RB")
            ):
                position += 1
                continue
            break
        return position

    def _quotation_after(
        self, after: int, stop: int, addressee: bool, direct: bool = True
    ) -> int | None:
        """The opening mark of a quotation right after a cue of clausal content (``said:
        “...``, unless not ``direct``), or after an addressee for cues that take one (``told
        reporters, “...``)."""
        view = self.view
        position = after
        if addressee:
            object_end = self._object_end(position, stop)
            if (
                object_end is not None
                and object_end < stop
                and view.forms[object_end] in {",", ":"}
            ):
                position = object_end
        if position == after and not direct:
            return None
        for _ in range(2):  # "said on Tuesday: “...”", "says of the plan: “...”"
            following = self._adjunct_end(position, stop, stop_at_complementizer=True)
            if following is None or following >= stop or view.forms[following] not in {",", ":"}:
                break
            position = following
        if position < stop and view.forms[position] in {",", ":", "."}:
            position += 1
        if position < stop and view.opens_quote(position):
            return position
        return None

    def _object_end(self, position: int, stop: int) -> int | None:
        """The token after a short noun phrase (an addressee or object) at ``position``."""
        view = self.view
        index = position
        while index < stop and index - position < 6 and view.tags[index] in _NP_TAGS:
            if view.opens_quote(index):
                break
            if (
                index > position
                and view.tags[index] in _NP_OPENERS
                and view.tags[index - 1] in _HEADS
            ):
                break  # a second noun phrase: "called the decision | a disgrace"
            index += 1
        return index if index > position else None

    def _reaches_end(self, after: int, stop: int, with_object: bool) -> bool:
        """Whether only adverbials and closing punctuation follow the cue (a tail cue)."""
        if self._adjuncts_to_end(after, stop):
            return True
        if with_object:
            object_end = self._object_end(after, stop)
            return object_end is not None and self._adjuncts_to_end(object_end, stop)
        return False

    def _adjuncts_to_end(self, position: int, stop: int) -> bool:
        view = self.view
        for _ in range(_MAX_SCAN):
            if position < stop and view.forms[position] == ",":
                position += 1
            if all(
                view.forms[index] in _CLOSING for index in range(position, min(stop, position + 4))
            ):
                return position + 4 >= stop
            following = self._adjunct_end(position, stop, stop_at_complementizer=False)
            if following is None:
                return False
            position = following
        return False

    def _tail_more(self, after: int, stop: int) -> int | None:
        """The separator of a participle or relative clause after a tail cue (", adding ...")."""
        view = self.view
        position = after
        for _ in range(_MAX_SCAN):
            if position + 1 < stop and view.forms[position] in _SEPARATORS:
                following = view.lower[position + 1]
                if following in _TAIL_FOLLOWERS or view.tags[position + 1] == "VBG":
                    return position
            if position < stop and view.forms[position] == ",":
                position += 1
            following_end = self._adjunct_end(position, stop, stop_at_complementizer=False)
            if following_end is None:
                return None
            position = following_end
        return None

    def _object_then_clause(self, after: int, stop: int) -> int | None:
        """``told reporters the plan was dead``: a short object, then a clause."""
        view = self.view
        for count in range(1, 5):
            position = after + count
            if position >= stop or not view.is_word(position - 1):
                return None
            if self._clause_starts(position, stop, strict=True):
                return position
        return None

    def _infinitive(self, after: int, stop: int, with_object: bool) -> int | None:
        """``to`` and a verb after the cue, or after an object for ``O`` cues."""
        view = self.view
        position = after
        if with_object and position < stop and view.lower[position] != "to":
            object_end = self._object_end(position, stop)
            position = position if object_end is None else object_end
        if position + 1 >= stop or view.lower[position] != "to":
            return None
        verb = position + 2 if view.opens_quote(position + 1) else position + 1  # to “get away”
        return position if verb < stop and view.tags[verb] == "VB" else None

    def _clause_starts(self, position: int, stop: int, strict: bool = False) -> bool:
        """Whether a reported clause without "that" starts at ``position``: a subject noun
        phrase then a finite verb, by the word classes ("prices fell", "it would", "there
        were"). ``strict``: the subject opens with a pronoun, determiner or proper noun."""
        view, lexicon = self.view, self.lexicon
        if position >= stop or not view.is_word(position):
            return False
        lower = view.lower[position]
        role = lexicon.pronouns.get(lower)
        if role == "relative" or lower in {"him", "them"}:
            return False
        demonstrative = lower == "that" and view.tags[position] == "DT"  # "I think that would"
        if lower in lexicon.stops and lower != "there" and not demonstrative:
            return False
        if lower in lexicon.np_prepositions:
            return False
        if strict and not (
            role is not None
            or lower in lexicon.determiners
            or lower == "there"
            or view.forms[position][:1].isupper()
        ):
            return False
        nominal = view.tags[position] in _NP_TAGS or view.tags[position] == "EX"
        if not nominal and not view.forms[position][:1].isupper():
            return False
        slip = False  # "inflation slowed in March": a past tense tagged as a participle
        for index in range(position + 1, min(stop, position + _MAX_SCAN)):
            if view.is_finite(index):
                return True
            if view.tags[index] not in _CLAUSE_INNER_TAGS:
                return slip
            if index == position + 1 and view.tags[index] == "VBN" and view.is_nominal(position):
                slip = index + 1 >= stop or view.lower[index + 1] not in {"by", "to"}
        return slip

    def _noun_phrase_starts(self, position: int, stop: int) -> bool:
        view = self.view
        return (
            position < stop
            and view.is_word(position)
            and view.lower[position] not in {"that", "to"}
            and view.tags[position] != "PRP"
            and (view.tags[position] in _NP_TAGS or view.forms[position][:1].isupper())
            and view.lower[position] not in self.lexicon.stops
        )

    def _attitude_phrase(self, position: int, stop: int) -> bool:
        """A noun phrase headed by a noun of attitude ("serious concern over ...")."""
        view = self.view
        head = None
        index = position
        while index < stop and index - position < 6 and view.tags[index] in _NP_TAGS:
            if view.tags[index] in _NOUN_TAGS:
                head = view.lower[index]
            index += 1
        return head is not None and head in self.lexicon.attitude_nouns

    def _predicate_phrase(self, position: int, stop: int) -> bool:
        """An object followed by "as", a quotation or a noun phrase opened by "a" ("called it
        a disgrace", "described the plan as unfair", "called it “shameful”")."""
        view = self.view
        object_end = self._object_end(position, stop)
        while object_end is not None and object_end + 1 < stop and view.lower[object_end] == "of":
            object_end = self._object_end(object_end + 1, stop)  # "this mingling of her lives"
        if object_end is None or object_end >= stop:
            return False
        if view.opens_quote(object_end):
            return True
        if object_end + 1 >= stop or view.tags[object_end + 1] in {"PRP", "EX"}:
            return False  # "as you near the harbour": a clause, not a predicate
        return view.lower[object_end] in {"as", "a", "an"}

    def _object_then(self, position: int, stop: int, words: frozenset[str]) -> bool:
        """An object followed by one of ``words`` ("accused the government of lying",
        "blamed the rebels for the attack")."""
        object_end = self._object_end(position, stop)
        return object_end is not None and object_end < stop and self.view.lower[object_end] in words

    # --- content ---------------------------------------------------------------------------

    def trim(self, start: int, end: int) -> Span:
        """Strip spaces, edge punctuation outside quotes and a trailing conjunction."""
        text = self.view.text
        start, end = _strip(text, start, end)
        while start < end and text[start] in ",:;—–-":
            start, end = _strip(text, start + 1, end)
        while end > start and text[end - 1] in ",;:.!?—–-":
            end = _strip(text, start, end - 1)[1]
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


def _strip(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
