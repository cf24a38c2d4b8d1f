"""Cues of attribution found over the tokens and word classes of a document (stage 2).

A *cue* is the word or phrase that presents content as someone's (PARC's "cue"): a verb of
the lexicon in any form ("said", "has said", "is calling for", ", adding"), "according to", a
noun before a that-clause ("his claim that"), an adjective of belief before one ("is confident
that"), or a colon or dash that introduces a quotation ("Smith: “We will win.”").

The word classes (Penn Treebank tags of :attr:`helpers.document.Document.tags`) tell a verb
from its homographs ("Edward Said", "the saying goes", "value added tax") and its form:

* ``finite``: a finite verb, a base form after a modal or "do", a perfect ("has said") or a
  progressive ("is calling for"): the source is its subject;
* ``ing``: a participle clause (", adding that ...", "and saying ..."): the source comes from
  the clause it hangs on;
* ``passive``: "it was reported that ...", "he was told that ...": the source, if any, follows
  "by";
* ``participle``: a past participle without auxiliary, a finite verb when a subject stands
  before it ("Pamela Bethel, a lawyer, argued", a common tagging slip), else a participle
  clause (", written in English", "Asked about it, ...") and no cue;
* ``noun``, ``adjective``, ``according``, ``punctuation``: as above.
"""

from __future__ import annotations

from dataclasses import dataclass

from helpers.attribution_text import AttributionText
from helpers.quote_lexicon import CueForm

_PUNCTUATION_CUES = frozenset({":", "—", "--", "–"})
_NOUN_PHRASE_FRAMES = frozenset("NAPRC")
_COPULAS = frozenset(
    {"remain", "remains", "remained", "became", "become", "becomes", "seemed", "seems", "grew"}
)
_CLAUSE_CLOSERS = frozenset({".", ",", ";", ":", "that", "''", "”", '"', "’", "'"})
_SUBJECT_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "they", "it"})
_COMMON_NOUN_TAGS = frozenset({"NN", "NNS"})
_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "VB", "VBN", "VBG", "MD"})


@dataclass(frozen=True)
class Cue:
    """One cue: tokens ``[first, stop)``, characters ``[start, end)``, what it is and takes."""

    first: int
    stop: int
    start: int
    end: int
    lemma: str
    kind: str
    frames: frozenset[str]
    form: str

    def takes(self, letter: str) -> bool:
        """Whether the cue's frames include ``letter`` (see ``data/quote_cues.txt``)."""
        return letter in self.frames


def find_cues(view: AttributionText) -> list[Cue]:
    """Every cue of the text, in order, none overlapping."""
    cues: list[Cue] = []
    finder = _CueFinder(view)
    triggers = finder.triggers
    after = 0  # the token after the last cue found
    for index, lower in enumerate(view.lower):
        if index < after or lower not in triggers:
            continue
        cue = finder.cue_at(index)
        if cue is not None:
            cues.append(cue)
            after = cue.stop
    return cues


class _CueFinder:
    """Tells whether a cue starts at a token."""

    def __init__(self, view: AttributionText) -> None:
        self.view = view
        self.lexicon = lexicon = view.lexicon
        self.triggers = frozenset(
            [
                *lexicon.forms,
                *(words[0] for words in lexicon.according),
                *lexicon.nouns,
                *lexicon.belief_adjectives,
                *_PUNCTUATION_CUES,
            ]
        )

    def cue_at(self, index: int) -> Cue | None:
        """The cue that starts at token ``index``, if any."""
        view, lexicon = self.view, self.lexicon
        lower = view.lower[index]
        noun = lower in lexicon.nouns and view.tags[index] in _COMMON_NOUN_TAGS
        if noun and self._before_that_clause(index):  # "his claim that": before the verb "claim"
            return self._cue(index, index + 1, lower, lexicon.nouns[lower], frozenset("TF"), "noun")
        for form in lexicon.forms.get(lower, ()):
            stop = index + len(form.words)
            if tuple(view.lower[index:stop]) == form.words:
                role = self._verb_role(index, form)
                if role is not None:
                    entry = form.entry
                    frames = entry.frames
                    if role == "passive":  # only "that" clauses: "it was reported that ..."
                        frames = frozenset("TF") | (frames & {"E"})
                    return self._cue(index, stop, entry.lemma, entry.kind, frames, role)
        for words in lexicon.according:
            stop = index + len(words)
            if tuple(view.lower[index:stop]) == words:
                return self._cue(
                    index, stop, " ".join(words), "speech", frozenset("SE"), "according"
                )
        adjective = lower in lexicon.belief_adjectives and self._after_copula(index)
        if adjective and self._before_that_clause(index):
            return self._cue(index, index + 1, lower, "belief", frozenset("TF"), "adjective")
        if view.forms[index] in _PUNCTUATION_CUES and self._introduces_quotation(index):
            return self._cue(
                index, index + 1, view.forms[index], "speech", frozenset("Q"), "punctuation"
            )
        return None

    def _cue(
        self, first: int, stop: int, lemma: str, kind: str, frames: frozenset[str], form: str
    ) -> Cue:
        view = self.view
        return Cue(first, stop, view.starts[first], view.ends[stop - 1], lemma, kind, frames, form)

    def _verb_role(self, index: int, form: CueForm) -> str | None:
        """The form of a verb cue at ``index`` (see the module docstring), or None if no verb."""
        view = self.view
        if len(form.words) > 1 and view.is_be(index):  # "was quoted as saying"
            return "finite"
        inside_sentence = index > 0 and not view.sentence_start(index)
        if view.forms[index][:1].isupper() and inside_sentence and not view.opens_quote(index - 1):
            return None  # "Edward Said", "US Says It Supports Dialogue"
        tag = view.tags[index]
        auxiliary = self._auxiliary_before(index)
        if tag not in _VERB_TAGS:
            if form.past and tag in _COMMON_NOUN_TAGS | {"NNP", "NNPS"}:
                tag = "VBD"  # "said", "told" are never nouns: a tagging slip
            elif not self._verb_by_context(index):
                return None
            else:
                tag = "VBG" if form.ing else "VBD"
        if tag == "VBG":
            return "finite" if auxiliary is not None and view.is_be(auxiliary) else "ing"
        if tag in {"VBN", "VBD"} and auxiliary is not None:
            return "passive" if view.is_be(auxiliary) else "finite"
        if tag == "VBN":  # finite after a subject ("the official, ..., said"), or not
            following = view.tags[index + 1] if index + 1 < len(view) else "."
            takes_noun = not form.entry.frames.isdisjoint(_NOUN_PHRASE_FRAMES)
            if following in _COMMON_NOUN_TAGS and not takes_noun:
                return None  # a modifier: "the value added tax", "reported cases"
            return "participle"
        if tag in {"VB", "VBP"} and index > 0 and view.lower[index - 1] == "to":
            return None  # an infinitive: "declined to say", "to add"
        return "finite"

    def _ends_clause(self, index: int) -> bool:
        """Whether closing punctuation or "that" follows ``index`` (", a spokesman, said.")."""
        view = self.view
        if index + 1 >= len(view):
            return True
        return view.forms[index + 1] in _CLAUSE_CLOSERS or view.ends[index] in view.quotations.ends

    def _auxiliary_before(self, index: int) -> int | None:
        """The token of "be" or "have" just before ``index`` (adverbs skipped), if any."""
        view = self.view
        position = index - 1
        while position >= 0 and index - position <= 4 and view.is_adverb(position):
            position -= 1
        if position >= 0 and (view.is_be(position) or view.is_have(position)):
            return position
        return None

    def _verb_by_context(self, index: int) -> bool:
        """A cue word the tagger did not call a verb still is one after a subject pronoun or
        before "that" ("she quipped that", "I guess that")."""
        view = self.view
        if view.tags[index] in {"NNP", "NNPS"} and not view.sentence_start(index):
            return False
        before = view.lower[index - 1] if index > 0 else ""
        after = view.lower[index + 1] if index + 1 < len(view) else ""
        if before in _SUBJECT_PRONOUNS or after == "that":
            return True
        return index > 0 and view.tags[index - 1] in {"NNP", "NN"} and self._ends_clause(index)

    def _before_that_clause(self, index: int) -> bool:
        """Whether "that" follows and opens a clause, not a relative one ("the claim that was")."""
        view = self.view
        following = index + 1
        if following + 1 >= len(view) or view.lower[following] != "that":
            return False
        return not view.is_verb(following + 1)

    def _after_copula(self, index: int) -> bool:
        view = self.view
        position = index - 1
        while position >= 0 and index - position <= 3 and view.is_adverb(position):
            position -= 1
        return position >= 0 and (view.is_be(position) or view.lower[position] in _COPULAS)

    def _introduces_quotation(self, index: int) -> bool:
        """A colon or dash right after a word and before a quotation (when a verb cue takes
        the quotation, "He said on Monday: ...", its frame covers the colon)."""
        view = self.view
        if index + 1 >= len(view) or not view.opens_quote(index + 1) or index == 0:
            return False
        return view.is_word(index - 1)
