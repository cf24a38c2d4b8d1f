"""Stage 3a of entity recognition: a name no list or head word types, typed by its context.

A PERSON needs evidence: a census first name or surname, a verb of saying or an age next to it
("Ismoil said", "said Ismoil", "Savic, 65,"), or several name words none of which the text uses
in lower case. An ORG follows "the", has a plural or web-like last word, is named after a
country or major city ("Leeds United"), stands before a score ("Arsenal 2") or a company noun
("Omnicom shares"). A place follows "in" or "near". A title in quotation marks is a work. Without
evidence a name is MISC, not a PERSON. All mentions of one name take the type most of them
suggest (:meth:`ContextEvidence.vote`).
"""

from __future__ import annotations

import re
from collections import Counter

from helpers.entity_context import NameContext
from helpers.entity_lexicon import MAX_PERSON_TOKENS
from helpers.entity_spans import Mention
from helpers.entity_typing import SCORE_AFTER
from helpers.gazetteer import normalise

PERSON_CUES = frozenset({"said", "says", "told", "asked", "thanked", "quoted"})
"""Verbs before a name that make an unknown name a person ("said Ismoil")."""
_PERSON_CONTEXT_AFTER = re.compile(
    r"(?:'s)?(?:[ \t]*\n?[ \t]*(?:said|says|told|added|asked|explained|himself|herself)\b"
    r"|,[ \t]*(?:who\b|\d{1,3},))"
)
_OPENING_QUOTES = ("``", '"', "\u201c")
_CLOSING_QUOTE = re.compile("[,.]?(?:''|[\"\u201d])(?![ \t]*(?:said|says|asked|added)\\b)")
"""A name between these quotation marks is the title of a work ("``Iron Mask''"), unless the
quotation is speech ("“Kofi Annan,” said ...")."""
PLACE_CUES = frozenset({"in", "near", "outside", "inside", "throughout"})
"""Prepositions before an unknown name that make it a place ("in Cherating")."""
_ORG_CONTEXT_AFTER = re.compile(
    r"(?:'s)?[ \t]*\n?[ \t]*(?:shares|stock|spokes(?:man|woman|person)|executives?|employees"
    r"|subsidiary|unit|shareholders|investors|chief executive|chairman)\b"
)
"""Nouns after an unknown name that make it an organisation ("Omnicom shares")."""
_ORG_LIKE_WORD = re.compile(r"[a-z]s$|\.(?:com|net|org)$|[a-z][A-Z]")


class ContextEvidence:
    """Types unknown names from the words around their mentions."""

    def __init__(self, context: NameContext) -> None:
        self.context = context
        self.text = context.text
        self.lists = context.lists

    def vote(self, group: list[Mention]) -> None:
        """Give every mention of one unknown name the type most of its mentions suggest.

        A one-word name that never occurs without its "'s" keeps it and is a business ("Moody's").
        """
        text = self.text
        if len(group[0].tokens) == 1 and all(m.possessive for m in group):
            if group[0].text not in self.context.bare_words:
                for m in group:
                    m.end += 2
                    m.text = text[m.start : m.end]
                    m.label, m.entity = "ORG", normalise(m.text)
                return
        votes = Counter(self.guess(m) for m in group)
        label = "PERSON" if votes["PERSON"] else max(votes, key=votes.__getitem__)
        for m in group:
            m.label = label

    def guess(self, mention: Mention) -> str | None:
        """The type one mention's context suggests (None: not a name); see the module docstring."""
        lists, text = self.lists, self.text
        tokens = [t.lower() for t in mention.tokens]
        if text[max(0, mention.start - 2) : mention.start].endswith(
            _OPENING_QUOTES
        ) and _CLOSING_QUOTE.match(text, mention.end):
            return "MISC"
        if len(tokens) > 1 and all(name.isupper() for name in mention.tokens):
            return None
        if len(tokens) > MAX_PERSON_TOKENS:
            return "ORG"
        if len(tokens) > 1 and tokens[0] not in lists.first_names:
            if any(
                name in lists.major_cities or name in lists.countries for name in mention.tokens
            ):
                return "ORG"  # "Leeds United", "Bayern Munich": a club or firm named after a place
        if any(
            (t in lists.first_names or t in lists.surnames) and not name.isupper()
            for t, name in zip(tokens, mention.tokens)
        ):
            return "PERSON"
        if len(tokens) == 1 and SCORE_AFTER.match(text, mention.end):
            return "ORG"  # "Arsenal 2": a team in a results line
        before = self.context.word_before(mention.start).lower()
        if before == "the":
            return "ORG"
        word = mention.tokens[-1]
        if _ORG_LIKE_WORD.search(word) and word.lower() not in lists.surnames:
            return "ORG"
        if _ORG_CONTEXT_AFTER.match(text, mention.end):
            return "ORG"
        if before in PERSON_CUES or _PERSON_CONTEXT_AFTER.match(text, mention.end):
            return "PERSON"
        if before in PLACE_CUES:
            return "GPE"
        if len(tokens) > 1 and not any(t in self.context.lower_vocabulary for t in tokens):
            return "PERSON"
        return "MISC"
