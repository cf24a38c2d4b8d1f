"""Phrases recognised over the tokens and word classes of a text, for attribution frames.

Each scanner looks at a bounded number of tokens from a position and answers one question:
does a clause open here with "that" or a wh-word ("said on Tuesday in a statement that ...")?
a reported clause without "that" (a subject noun phrase, then a finite verb: "prices fell")?
a quotation, perhaps after an addressee ("told reporters, “...")? a to-infinitive, an object,
an adverbial, a noun phrase headed by a noun of attitude? do only adverbials follow, up to the
end of the region (a cue after its content: "..., officials said on Tuesday.")? Penn Treebank
tags come from the shared document; the word lists from ``data/quote_cues.txt``.
"""

from __future__ import annotations

from helpers.attribution_text import FINITE_TAGS, AttributionText

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
_NP_TAGS = frozenset(
    {"DT", "PDT", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "CD", "POS", "PRP$", "PRP"}
)
_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
_HEADS = _NOUN_TAGS | {"PRP"}
_NP_OPENERS = frozenset({"DT", "PRP$", "PDT"})
_CLAUSE_INNER_TAGS = _NP_TAGS | {"VBN", "VBG", "HYPH", "CC", "EX", "RB", "IN", "TO", "VB"}
_MAX_SCAN = 12
_MAX_CLAUSE = 60
_LEADING = frozenset({"and", "but", "so", "yet", "or"})
_CLAUSE_LINKS = frozenset({"and", "or", "but", "that", "which", "who", ",", ";"})


class PhraseScanner:
    """Bounded scanners over the tokens of one text (see the module docstring)."""

    def __init__(self, view: AttributionText) -> None:
        self.view = view
        self.lexicon = view.lexicon

    def colon_ends(self, after: int, stop: int) -> bool:
        """Whether a colon after the cue (and its adverbials) is the last token of the region."""
        view = self.view
        position = after
        for _ in range(2):
            following = self._adjunct_end(position, stop, stop_at_complementizer=True)
            if following is None:
                break
            position = following
        return position + 1 == stop and view.forms[position] == ":"

    def after_conjunction(self, start: int, end: int) -> int:
        """``start`` moved past a leading conjunction ("But", "And") and its comma."""
        view = self.view
        index = view.token_at(start)
        if index < len(view) and view.starts[index] < end and view.lower[index] in _LEADING:
            index += 1
            if index < len(view) and view.forms[index] == ",":
                index += 1
            return view.start_of(index)
        return start

    def set_off(self, frame_start: int) -> bool:
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

    def ends_with_comma(self, start: int, end: int) -> bool:
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

    def complementizer(self, after: int, stop: int, with_object: bool) -> int | None:
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

    def clause_end(self, first: int, stop: int, relative: bool = False) -> int | None:
        """Where the main clause resumes after the clause opening at token ``first``: at the
        next finite verb group ("that the election was stolen | has been rejected"), or for a
        clause inside a relative one, also at a comma before a finite verb ("Jones, who said
        the bill would pass|, left"); None when it does not within a few dozen tokens."""
        view = self.view
        seen_finite = False
        for index in range(first, min(stop, first + _MAX_CLAUSE)):
            comma = view.forms[index] == "," and index + 1 < stop
            if relative and seen_finite and comma and self._verb_after_comma(index + 1):
                return view.starts[index]
            if view.tags[index] not in FINITE_TAGS:
                continue
            joined = view.lower[index - 1] in _CLAUSE_LINKS or view.is_adverb(index - 1)
            if seen_finite and not joined and view.tags[index - 1] not in FINITE_TAGS:
                return view.starts[index]  # a new verb group, not "would have", "and said"
            seen_finite = True
        return None

    def _verb_after_comma(self, index: int) -> bool:
        view = self.view
        return view.is_finite(index) or view.lower[index] in self.lexicon.irregular_past

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

    def skip_time_and_adverbs(self, position: int, stop: int) -> int:
        view = self.view
        for _ in range(_MAX_SCAN):
            if position < stop and view.forms[position] == ",":
                position += 1
            time_end = self._time_end(position, stop)
            if time_end is not None:
                position = time_end
                continue
            if position < stop and view.forms[position].islower() and view.is_adverb(position):
                position += 1  # "said sometimes ...", "said, frankly, ..."
                continue
            break
        return position

    def quotation_after(
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

    def reaches_end(self, after: int, stop: int, with_object: bool) -> bool:
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

    def tail_more(self, after: int, stop: int) -> int | None:
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

    def object_then_clause(self, after: int, stop: int) -> int | None:
        """``told reporters the plan was dead``: a short object, then a clause."""
        view = self.view
        for count in range(1, 5):
            position = after + count
            if position >= stop or not view.is_word(position - 1):
                return None
            if self.clause_starts(position, stop, strict=True):
                return position
        return None

    def infinitive(self, after: int, stop: int, with_object: bool) -> int | None:
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

    def clause_starts(self, position: int, stop: int, strict: bool = False) -> bool:
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
        after_verb = view.tags[position] in {"VB", "VBP"} and view.is_verb(position - 1)
        if not nominal and not after_verb and not view.forms[position][:1].isupper():
            return False  # (a base form right after a verb is a noun: "shows support for")
        slip = False  # "inflation slowed in March": a past tense tagged as a participle
        for index in range(position + 1, min(stop, position + _MAX_SCAN)):
            if view.could_be_finite(index):
                return True
            if view.tags[index] not in _CLAUSE_INNER_TAGS:
                return slip
            if index == position + 1 and view.tags[index] == "VBN" and view.is_nominal(position):
                slip = index + 1 >= stop or view.lower[index + 1] not in {"by", "to"}
        return slip

    def noun_phrase_starts(self, position: int, stop: int) -> bool:
        view = self.view
        return (
            position < stop
            and view.is_word(position)
            and view.lower[position] not in {"that", "to"}
            and view.tags[position] != "PRP"
            and (view.tags[position] in _NP_TAGS or view.forms[position][:1].isupper())
            and view.lower[position] not in self.lexicon.stops
        )

    def attitude_phrase(self, position: int, stop: int) -> bool:
        """A noun phrase headed by a noun of attitude ("serious concern over ...")."""
        view = self.view
        head = None
        index = position
        while index < stop and index - position < 6 and view.tags[index] in _NP_TAGS:
            if view.tags[index] in _NOUN_TAGS:
                head = view.lower[index]
            index += 1
        return head is not None and head in self.lexicon.attitude_nouns

    def predicate_phrase(self, position: int, stop: int) -> bool:
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

    def object_then(self, position: int, stop: int, words: frozenset[str]) -> bool:
        """An object followed by one of ``words`` ("accused the government of lying",
        "blamed the rebels for the attack")."""
        object_end = self._object_end(position, stop)
        return object_end is not None and object_end < stop and self.view.lower[object_end] in words

    # --- content ---------------------------------------------------------------------------
