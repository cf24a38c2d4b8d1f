"""The source of a cue as written: the noun phrase that says, thinks or shows (stage 4, spans).

Where the source stands, by the conventions of news attribution (PARC's source span):

* before the cue, as its subject: "the statement said", "Officials in Washington said", "he has
  repeatedly said" (auxiliaries and adverbs skipped), with an appositive ("John Smith, a
  spokesman for the company, said") or a relative clause ("Smith, who heads the bank, said");
  after a closing quotation, every word up to the cue ("a 10-year-old in the school car pool
  asked");
* after an inverted cue or "according to": "said Mr. Smith, a senior official", up to a
  participle or relative clause (", adding ..."), a quotation or the end of the clause, without
  a trailing time or "in a statement" adjunct;
* the subject of the clause a participle or coordinated cue hangs on ("A spokesman welcomed the
  deal, saying ...");
* after "by" for a passive cue, and the possessor of a noun cue ("Smith's claim that ...").

Resolving a source to an entity is :mod:`helpers.speakers`' job.
"""

from __future__ import annotations

from helpers.attribution_text import AttributionText

Span = tuple[int, int]

MAX_SOURCE_TOKENS = 16
_LOOK_BEHIND = 60
_RELATIVES = frozenset({"who", "which", "whose"})
_PRONOUN_DETERMINERS = frozenset(
    {"this", "that", "these", "those", "many", "some", "most", "several", "few", "others", "both"}
)
_LINKS = frozenset({"and", "but", "so", "yet", "while"})
_CLAUSE_OPENERS = frozenset(
    {"who", "which", "whose", "where", "adding", "saying", "noting", "according"}
)
_RIGHT_STOPS = frozenset({";", "--", "—", "(", "–"})
_QUOTE_OR_OPENING = frozenset({",", ":", ";", "``", '"', "“", "''", "”", "‘", "’", "'"})
_VERBAL_TAGS = frozenset({"VBD", "VBZ", "VBP", "VB", "MD", "RB", "WDT", "WP", "CC", "TO"})
_MODIFIER_BEFORE = frozenset({"DT", "JJ", "JJR", "JJS", "PRP$", "CD", "POS"})
_CHANNEL_NOUNS = frozenset(
    {"statement", "interview", "speech", "letter", "briefing", "report", "conference", "release"}
)
_POSSESSIVE_PRONOUNS = frozenset({"his", "her", "its", "their", "my", "our", "your"})
_TRAILING_CHARACTERS = ".,;:!?"


class SourceFinder:
    """Finds source spans over the tokens of one text."""

    def __init__(self, view: AttributionText) -> None:
        self.view = view
        self.lexicon = view.lexicon

    # --- before the cue --------------------------------------------------------------------

    def left(self, low: int, cue: int) -> Span | None:
        """The noun phrase ending just before token ``cue``, not reaching before token ``low``."""
        view, lexicon = self.view, self.lexicon
        low = max(low, cue - _LOOK_BEHIND)
        index = cue - 1
        while index >= low and view.skippable(index):
            index -= 1
        index = self._before_modifiers(index, low)
        if index < low:
            return None
        lower = view.lower[index]
        role = lexicon.pronouns.get(lower)
        if role is not None:
            if role == "relative":  # "Smith, who said", "respondents who indicated"
                if index > low and view.forms[index - 1] == ",":
                    return self.left(low, index - 1)
                first = self.noun_phrase_start(index - 1, low)
                return None if first is None else self._span(first, index - 1)
            return self._span(index, index) if lower not in {"him", "them"} else None
        if view.forms[index] == ")":  # "Spang (1983) noted"
            opening = index - 1
            while opening > low and index - opening < 8 and view.forms[opening] != "(":
                opening -= 1
            first = self.noun_phrase_start(opening - 1, low) if view.forms[opening] == "(" else None
            return None if first is None else self._span(first, index)
        if self._standalone_determiner(index, low):  # "This suggests", "Many recommend"
            return self._span(index, index)
        if view.forms[index] == ",":
            return self._appositive(low, index)
        if (
            index > low
            and view.forms[index - 1] == ","
            and view.ends[index] in view.quotations.ends
        ):
            return self._before_relative_clause(low, index - 1)  # "X, who directed “Y,” said"
        after_quotation = self._after_quotation(low, index)
        if after_quotation is not None:
            return after_quotation
        first = self.noun_phrase_start(index, low)
        if first is None:
            return None
        if first - 2 >= low and view.lower[first - 1] == "and":  # "Smith and Jones said"
            other = self.noun_phrase_start(first - 2, low)
            first = first if other is None else other
        return self._span(first, index)

    def _standalone_determiner(self, index: int, low: int) -> bool:
        """Whether a demonstrative or quantifier stands alone as the subject right before the
        cue, opening its clause ("This suggests that", "Many recommend that")."""
        view = self.view
        if view.lower[index] not in _PRONOUN_DETERMINERS:
            return False
        return index == low or not view.is_word(index - 1) or view.lower[index - 1] in _LINKS

    def _before_modifiers(self, index: int, low: int) -> int:
        """``index`` moved before a time adverbial and a participle that follow a subject
        ("Officials on Tuesday said", "Data released on Monday showed")."""
        view = self.view
        position = index
        if position >= low and view.lower[position] in self.lexicon.time_words:
            position -= 1
            while position >= low and view.lower[position] in self.lexicon.time_modifiers | {"in"}:
                position -= 1
        if position >= low and view.tags[position] == "VBN" and view.forms[position].islower():
            position -= 1
        if position == index or position < low or not view.is_nominal(position):
            return index
        return position

    def _appositive(self, low: int, comma: int) -> Span | None:
        """``Lee, a spokesman for the ministry, said`` (name plus appositive) or ``Smith, who
        heads the bank, said`` (the name alone)."""
        view = self.view
        opening = self._appositive_opening(low, comma)
        if opening is None:
            return self._before_relative_clause(low, comma)
        head = self.noun_phrase_start(opening - 1, low)
        names = (view.forms[opening - 1], view.forms[comma - 1])
        if head is None or not any(name[:1].isupper() for name in names):
            return None
        if head > low:
            before = view.forms[head - 1]
            if before not in _QUOTE_OR_OPENING and before.lower() not in self.lexicon.stops:
                return None
        return self._span(head, comma - 1)

    def _appositive_opening(self, low: int, comma: int) -> int | None:
        """The comma that opens the appositive closed by ``comma`` ("Kaufman, president of the
        privately held TV Books LLC, thinks"): no finite verb, quotation mark or relative
        pronoun between, and a noun phrase after it."""
        view = self.view
        position = comma - 1
        while position > low and comma - position <= 20:
            form = view.forms[position]
            if view.is_finite(position) and form.islower() or form in {";", ":", "(", ")"}:
                return None
            if view.lower[position] in {"who", "which", "whom", "whose"}:
                return None
            if view.opens_quote(position) or view.ends[position] in view.quotations.ends:
                return None
            if form == "," and position + 1 < comma:
                first = position + 1
                opens_phrase = (
                    view.is_nominal(first)
                    or view.tags[first] == "VBN"  # "Moretti, convicted as the triggerman, was"
                    or view.forms[first][:1].isupper()
                    or view.lower[first] in self.lexicon.determiners
                )
                return position if opens_phrase else None
            position -= 1
        return None

    def _before_relative_clause(self, low: int, comma: int) -> Span | None:
        """The noun phrase before ``, who ... ,`` ending at ``comma``."""
        view = self.view
        quotations = view.quotations
        position = comma - 1
        while position > low and comma - position <= 25:
            form = view.forms[position]
            quoted = quotations.inside(view.starts[position]) or view.opens_quote(position)
            if form == ";" or (form == "," and not quoted):
                if form == "," and view.lower[position + 1] in _RELATIVES:
                    first = self.noun_phrase_start(position - 1, low)
                    return None if first is None else self._span(first, position - 1)
                return None
            position -= 1
        return None

    def _after_quotation(self, low: int, last: int) -> Span | None:
        """After a closing quotation, the source is every word up to the cue ("“Isn't that
        man dangerous?” a 10-year-old in the car pool I was driving asked"), or None."""
        view = self.view
        position = last
        while position >= low and last - position <= MAX_SOURCE_TOKENS and view.is_word(position):
            position -= 1
        if position < low or position == last or not view.is_word(position + 1):
            return None
        mark = position - 1 if view.forms[position] == "," else position
        if mark >= low and view.ends[mark] in view.quotations.ends:
            return self._span(position + 1, last)
        return None

    def noun_phrase_start(self, last: int, low: int) -> int | None:
        """Index of the first token of the noun phrase that ends at token ``last``, or None."""
        view, lexicon = self.view, self.lexicon
        if last - 1 >= low and view.lower[last] in {"'s", "’s"} and view.forms[last - 1].istitle():
            last -= 1  # a name ending in "'s" ("Moody's said")
        if last < low or not view.is_word(last):
            return None
        head = view.lower[last]
        if head in lexicon.stops or head in lexicon.determiners or head in lexicon.np_prepositions:
            return None
        first: int | None = None
        index = last
        while index >= low and last - index < MAX_SOURCE_TOKENS:
            lower = view.lower[index]
            if view.tags[index] == "POS" or lower in {"'s", "’s"}:
                index -= 1
                continue
            if lower in {"'", "’"} and index > low and view.lower[index - 1].endswith("s"):
                index -= 1
                continue
            if not view.is_word(index) or lower in lexicon.stops or self._verbal(index):
                break
            if lower in lexicon.pronouns and index != last:
                if lower in _POSSESSIVE_PRONOUNS:
                    first = index
                break
            if lower in lexicon.determiners:
                first = index
                if index - 1 >= low and view.lower[index - 1] in lexicon.determiners:
                    index -= 1
                    continue
                if (
                    index - 2 >= low
                    and view.lower[index - 1] in lexicon.np_prepositions
                    and self._nounish(index - 2)
                ):
                    index -= 1
                    continue
                break
            if lower in lexicon.np_prepositions:
                quantity = lower == "of" and view.lower[index - 1] in lexicon.determiners
                if index - 1 >= low and (self._nounish(index - 1) or quantity):
                    index -= 1
                    continue
                break
            first = index
            index -= 1
        if first is None:
            return None
        while first < last and view.lower[first] in lexicon.np_prepositions:
            first += 1
        return first

    def _verbal(self, index: int) -> bool:
        """Whether a lower-case token is a verb, adverb or conjunction (never inside a source).
        A participle is a modifier after a determiner or adjective ("the embattled leader")."""
        view = self.view
        if not view.forms[index].islower() or view.lower[index] in self.lexicon.determiners:
            return False
        tag = view.tags[index]
        if tag in {"VBG", "VBN"}:
            return index == 0 or view.tags[index - 1] not in _MODIFIER_BEFORE
        return tag in _VERBAL_TAGS

    def _nounish(self, index: int) -> bool:
        view, lexicon = self.view, self.lexicon
        lower = view.lower[index]
        return (
            view.is_word(index)
            and lower not in lexicon.stops
            and lower not in lexicon.determiners
            and lower not in lexicon.np_prepositions
            and lower not in lexicon.skip
            and lower not in lexicon.pronouns
            and not self._verbal(index)
        )

    # --- after the cue ---------------------------------------------------------------------

    def right(self, after: int, stop: int, according: bool) -> Span | None:
        """The noun phrase after an inverted cue (``said Mr. Smith``) or ``according to``,
        from token ``after``, within tokens ``[after, stop)``."""
        view = self.view
        limit = min(stop, after + 2 * MAX_SOURCE_TOKENS + 1)
        end = after
        while end < limit:
            form = view.forms[end]
            if form in _RIGHT_STOPS or view.opens_quote(end):
                break
            if form == "," and end + 1 < stop:
                following = view.lower[end + 1]
                if (
                    according
                    or following in _CLAUSE_OPENERS
                    or view.tags[end + 1] == "VBG"
                    or view.opens_quote(end + 1)
                ):
                    break
            end += 1
        if end == limit and limit < stop:
            return None
        end = self._without_trailing_adjunct(after, end)
        if end <= after or not view.is_word(after) or view.lower[after] in {"that", "to", "it"}:
            return None
        start, stop_char = view.starts[after], view.ends[end - 1]
        while stop_char > start and view.text[stop_char - 1] in _TRAILING_CHARACTERS:
            stop_char -= 1
        return (start, stop_char) if stop_char > start else None

    def _without_trailing_adjunct(self, first: int, end: int) -> int:
        """``end`` moved before trailing punctuation, time expressions and "in a statement"."""
        view = self.view
        while True:
            while end > first and view.forms[end - 1] in _TRAILING_CHARACTERS:
                end -= 1
            if end <= first + 1:
                return end
            lower = view.lower[end - 1]
            if lower in self.lexicon.time_words:
                position = end - 1
                while position > first and (
                    view.lower[position - 1] in self.lexicon.time_modifiers
                    or view.lower[position - 1] in self.lexicon.time_words
                ):
                    position -= 1
                if position == first:
                    return end
                end = position
                continue
            if lower in _CHANNEL_NOUNS:
                position = end - 2
                while position > first and end - position <= 8 and view.lower[position] != "in":
                    position -= 1
                if position > first and view.lower[position] == "in":
                    end = position
                    continue
            return end

    def by_phrase(self, after: int, stop: int) -> Span | None:
        """The source of a passive cue: the noun phrase after "by" (``was criticized by X``)."""
        view = self.view
        if after >= stop or view.lower[after] != "by":
            return None
        return self.right(after + 1, stop, according=True)

    # --- from context ----------------------------------------------------------------------

    def subject(self, first: int, stop: int) -> Span | None:
        """The subject opening the clause in tokens ``[first, stop)``: a pronoun, the words
        before its first finite verb, or a capitalised run."""
        view, lexicon = self.view, self.lexicon
        stop = min(stop, first + MAX_SOURCE_TOKENS)
        words = [index for index in range(first, stop) if view.is_word(index)]
        if not words:
            return None
        while len(words) > 1 and view.lower[words[0]] in {"and", "but", "or", "so"}:
            words = words[1:]
        opening = words[0]
        lower = view.lower[opening]
        if lexicon.pronouns.get(lower) in {"person", "plural", "thing", "self"}:
            return self._span(opening, opening)
        if lower in lexicon.stops:
            return None
        for index in range(opening + 1, stop):
            form = view.forms[index]
            if not view.is_word(index) and form not in {"(", ")", "&", "'", "’", "'s", "’s"}:
                break
            if form.islower() and (view.is_verb(index) or form.endswith("ed")):
                last = index - 1
                while last > opening and view.skippable(last):
                    last -= 1
                return self._span(opening, last)
        if not view.forms[opening][:1].isupper():
            return None
        last = opening
        while last + 1 < stop and view.forms[last + 1][:1].isupper():
            last += 1
        return self._span(opening, last)

    def possessor(self, noun: int, low: int) -> Span | None:
        """The possessor of a noun cue: ``his`` in "his claim", ``Smith`` in "Smith's claim"."""
        view = self.view
        index = noun - 1
        while index >= low and view.tags[index] in {"JJ", "JJR", "JJS"}:
            index -= 1
        if index < low:
            return None
        if view.lower[index] in _POSSESSIVE_PRONOUNS:
            return self._span(index, index)
        if view.tags[index] == "POS" or view.lower[index] in {"'s", "’s", "'", "’"}:
            first = self.noun_phrase_start(index - 1, low)
            if first is not None:
                return self._span(first, index - 1)
        return None

    def _span(self, first: int, last: int) -> Span:
        return self.view.starts[first], self.view.ends[last]
