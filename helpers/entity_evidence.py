"""Stage 3a of entity recognition: what the words around a name say about its type.

Each mention may have a *clue* from its context, with a strength:

- decisive: a title in quotation marks is a work ("``Iron Mask''", MISC); a descriptor in an
  apposition or right before the name ("Nokia, the Finnish company"; "militant group Hamas";
  "Kofi Annan, the U.N. secretary-general"; "the town of Mandela"); a modifier before it
  ("the Iranian-backed Hezbollah": ORG; "the Iranian-born Ahmad": PERSON);
- a phrase: a company noun after or before it ("Omnicom shares", "shares of Omnicom": ORG); a verb only people do, an age or
  "administration" after it ("Mandela spoke", "Savic, 65,", "the Clinton administration":
  PERSON); a next sentence starting "He" or "She" after a name that starts its own (PERSON);
  a verb of saying followed by "he"/"she" (PERSON) or "it" (ORG); "the" before a plural name
  ("the Yankees", ORG);
- weak: a verb of saying or acting after it ("Lufthansa said": a PERSON when the name is a
  person's name by the census lists, else an ORG), "said" before it or ", who" after it
  (PERSON), "the" before it (ORG), "in"/"near" before it (GPE).

A name's own shape also counts (:meth:`ContextEvidence.form_label`): census first names and
surnames make a PERSON; a club named after a city ("Leeds United"), a plural last word ("TV
Books"), a plural proper noun (NNPS: "Yankees") or more than four words an ORG; "-ism",
"-ology", "-ity" a MISC; several words the text never writes in lower case, a PERSON.
:meth:`ContextEvidence.vote` gives every mention of one unknown name the type its strongest
evidence says; without evidence a name is MISC, not a PERSON.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

from helpers.entity_context import NameContext
from helpers.entity_lexicon import MAX_PERSON_TOKENS
from helpers.entity_spans import Mention
from helpers.entity_typing import SCORE_AFTER
from helpers.gazetteer import normalise

DECISIVE, PHRASE, WEAK = 3, 2, 1
"""Strengths of a clue."""
PLACE_CUES = frozenset({"in", "near", "outside", "inside", "throughout"})
"""Prepositions before an unknown name that make it a place ("in Cherating")."""
_SAYING_BEFORE = frozenset({"said", "says", "told", "asked", "thanked", "quoted"})
_OPENING_QUOTES = ("``", '"', "\u201c")
_CLOSING_QUOTE = re.compile("[,.]?(?:''|[\"\u201d])(?![ \t]*(?:said|says|asked|added)\\b)")
"""A name between these quotation marks is the title of a work ("``Iron Mask''"), unless the
quotation is speech ("“Kofi Annan,” said ...")."""
_ORG_CONTEXT_AFTER = re.compile(
    r"(?:'s)?[ \t]*(?:\n[ \t]*)?(?:shares|stock|spokes(?:man|woman|person)|executives?|employees"
    r"|subsidiary|unit|shareholders|investors|chief executive|chairman)\b"
)
"""Nouns after an unknown name that make it an organisation ("Omnicom shares")."""
_ORG_CONTEXT_BEFORE = re.compile(
    r"\b(?i:shares|stake|stock|subsidiary|takeover|shareholders|investors|employees|workers"
    r"|spokes(?:man|woman|person)|chief[ \t]+executive)[ \t]+(?:of|in|at|for)[ \t]+(?:the[ \t]+)?"
    r"(?:[a-z][a-z-]*[ \t]+)?$"
)
"""Nouns before an unknown name that make it an organisation ("shares of rival Omnicom")."""
_HE_OR_SHE = re.compile(r"[\"'`\u201c]*(?:He|She|His|Her)\b")
_ADMINISTRATION_AFTER = re.compile(r"[ \t]*(?:\n[ \t]*)?administration\b")
_AGE_AFTER = re.compile(r",[ \t]*\d{1,3},")
_WHO_AFTER = re.compile(r",[ \t]*who\b")
_VERB_AFTER = re.compile(
    r"(?:['\u2019]s)?[ \t]*(?:\n[ \t]*)?(?:(?:also|has|had|have|will|would|then|later|again|now|"
    r"previously|recently|quickly|on[ \t]+\w+day|last[ \t]+\w+)[ \t]+)?([a-z]+)\b"
    r"(?:[ \t]+(?:on[ \t]+\w+[ \t]+)?(?:that[ \t]+)?(he|she|it|they)\b)?"
)
_APPOSITION = re.compile(
    r",[ \t]*(?:\n[ \t]*)?(?:the|an?|[A-Z][\w.&-]*['\u2019]s)[ \t]+"
    r"(?:[\w.&'\u2019-]+[ \t]+){0,4}?([a-z][a-z-]*)(?=[ \t]*(?:[,.;:)]|$)|[ \t]+(?:of|in|that|which|who|based|for|and|with|to)\b)"
)
_PLACE_OF = re.compile(r"\b(?:city|town|village|province|port|county|district)[ \t]+of[ \t]+$")
_ORG_MODIFIER = re.compile(r"-(?:based|backed|owned|run|controlled|funded|listed|affiliated)$")
_PERSON_MODIFIER = re.compile(r"-born$")
_ORG_LIKE_WORD = re.compile(r"\.(?:com|net|org)$|[a-z][A-Z]")
_PLURAL = re.compile(r"[a-z]s$")
_ABSTRACT_SUFFIX = re.compile(r"(?:ism|ology|ity)$")
"""Names of beliefs, sciences and qualities ("Scientology", "Buddhism", "Christianity")."""


class Clue(NamedTuple):
    """A type the context suggests, and how strongly."""

    label: str
    strength: int


class ContextEvidence:
    """Types names from the words around their mentions (see the module docstring)."""

    def __init__(self, context: NameContext) -> None:
        self.context = context
        self.text = context.text
        self.lists = context.lists
        self.words = context.lists.words

    # -- one mention ---------------------------------------------------------------------

    def clue(self, mention: Mention) -> Clue | None:
        """The strongest clue to the type of ``mention`` in its context, if any."""
        before = self.context.word_before(mention.start).lower()
        decisive = self._decisive_clue(mention, before)
        if decisive is not None:
            return decisive
        text, end = self.text, mention.end
        comma = text.startswith(",", end)
        if comma and _AGE_AFTER.match(text, end):
            return Clue("PERSON", PHRASE)  # "Savic, 65,"
        if not comma:
            if _ORG_CONTEXT_AFTER.match(text, end):
                return Clue("ORG", PHRASE)
            if _ADMINISTRATION_AFTER.match(text, end):
                return Clue("PERSON", PHRASE)  # "the Clinton administration"
            verb = _VERB_AFTER.match(text, end)
            if verb and verb.group(1) in self.words.person_verb:
                return Clue("PERSON", PHRASE)
            if verb and verb.group(1) in self.words.speech_verb:
                pronoun = verb.group(2)
                if pronoun in ("he", "she"):
                    return Clue("PERSON", PHRASE)
                if pronoun == "it":
                    return Clue("ORG", PHRASE)
                return Clue("PERSON" if self._has_person_name(mention) else "ORG", WEAK)
        if _ORG_CONTEXT_BEFORE.search(text, max(0, mention.start - 48), mention.start):
            return Clue("ORG", PHRASE)  # "shares of Air France-KLM", "workers at Ford"
        if self._next_sentence_says_he_or_she(mention):
            return Clue("PERSON", PHRASE)
        if before in _SAYING_BEFORE:
            return Clue("PERSON", WEAK)
        if before == "the":
            plural = self._is_plural_name(mention)
            return Clue("ORG", PHRASE if plural else WEAK)  # "the Yankees", "the Smithsonian"
        if comma and _WHO_AFTER.match(text, end):
            return Clue("PERSON", WEAK)
        if before in PLACE_CUES:
            return Clue("GPE", WEAK)
        return None

    def _is_plural_name(self, mention: Mention) -> bool:
        """A one-word plural proper noun ("Yankees"): NNPS where there are word classes, else
        spelt like a plural and not a listed place ("Texas", "Athens")."""
        if len(mention.tokens) != 1:
            return False
        tag = self.context.tag_at(mention.start)
        if tag is not None:
            return tag == "NNPS"
        return mention.hint not in ("GPE", "LOC") and _PLURAL.search(mention.tokens[0]) is not None

    def _next_sentence_says_he_or_she(self, mention: Mention) -> bool:
        """The name is its sentence's subject and the next sentence starts with "He"/"She"
        ("Mandela spoke to the crowd. He said ...")."""
        if not mention.sentence_initial:
            return False
        document = self.context.document
        following = document.sentence_index(mention.start) + 1
        if following >= len(document.sentences):
            return False
        return _HE_OR_SHE.match(self.text, document.sentences[following][0]) is not None

    def _decisive_clue(self, mention: Mention, before: str) -> Clue | None:
        """A quoted title (MISC) or a descriptor next to the name (see the module docstring);
        ``before`` is the lower-case word before it."""
        text, start, end = self.text, mention.start, mention.end
        if text[max(0, start - 2) : start].endswith(_OPENING_QUOTES) and _CLOSING_QUOTE.match(
            text, end
        ):
            return Clue("MISC", DECISIVE)
        label = self._descriptor_label(before)
        if label is None and "-" in before:
            label = _modifier_label(before)
        if label is None and before == "of" and _PLACE_OF.search(text, max(0, start - 20), start):
            label = "GPE"  # "the town of Mandela"
        if label is None and text.startswith(",", end):
            apposition = _APPOSITION.match(text, end)
            label = apposition and self._descriptor_label(apposition.group(1))
        return Clue(label, DECISIVE) if label else None

    def _descriptor_label(self, noun: str) -> str | None:
        words = self.words
        if noun in words.org_descriptor or noun.endswith("maker"):
            return "ORG"
        if noun in words.person_descriptor or noun in words.title:
            return "PERSON"
        if noun in words.place_descriptor:
            return "GPE"
        return None

    def _is_first_name(self, word: str, following: str | None = None) -> bool:
        """A census first name, not "Al" or "El" as an article ("Al Qaeda")."""
        lower = word.lower()
        if lower not in self.lists.first_names or word.isupper():
            return False
        return lower not in ("al", "el") or (
            following is not None and following.lower() in self.lists.surnames
        )

    def _has_person_name(self, mention: Mention) -> bool:
        """A census first name or surname among the name's words."""
        lists, tokens = self.lists, mention.tokens
        for i, token in enumerate(tokens):
            lower = token.lower()
            if (lower in lists.surnames or lower in lists.first_names) and not token.isupper():
                following = tokens[i + 1] if i + 1 < len(tokens) else None
                if lower in lists.surnames or self._is_first_name(token, following):
                    return True
        return False

    def form_label(self, mention: Mention) -> str | None:
        """The type a name's own words suggest, without context (None: no suggestion)."""
        lists = self.lists
        tokens = [t.lower() for t in mention.tokens]
        if len(tokens) > MAX_PERSON_TOKENS:
            return "ORG"
        if len(tokens) > 1 and self._club_named_after_place(mention.tokens):
            return "ORG"  # "Leeds United", "Bayern Munich": a club or firm named after a place
        if len(tokens) > 1 and self._is_first_name(mention.tokens[0], mention.tokens[1]):
            return "PERSON"
        word = mention.tokens[-1]
        if len(tokens) > 1 and _PLURAL.search(word) and tokens[-1] not in lists.surnames:
            return "ORG"  # "TV Books", "New York Yankees"
        if len(tokens) == 1 and self.context.tag_at(mention.start) == "NNPS":
            return "ORG"  # a plural proper noun names a group: "Yankees", "Sears"
        if self._has_person_name(mention):
            return "PERSON"
        if len(tokens) == 1 and SCORE_AFTER.match(self.text, mention.end):
            return "ORG"  # "Arsenal 2": a team in a results line
        if _ORG_LIKE_WORD.search(word):
            return "ORG"
        if _ABSTRACT_SUFFIX.search(word):
            return "MISC"
        return None

    def _looks_like_foreign_name(self, mention: Mention) -> bool:
        """Several name words the text never writes in lower case ("Sergei Mikhailov")."""
        vocabulary = self.context.lower_vocabulary
        return len(mention.tokens) > 1 and not any(t.lower() in vocabulary for t in mention.tokens)

    def _club_named_after_place(self, tokens: list[str]) -> bool:
        """A major city or country with a club word ("Leeds United", "Real Madrid"), after
        another word ("Bayern Munich", "Werder Bremen") or before two ("Boston Red Sox"); not
        before one ("Vladimir Putin")."""
        lists = self.lists
        first, rest = tokens[0], tokens[1:]
        if first.lower() in lists.first_names:
            return False
        if any(t.lower() in self.words.team_word for t in tokens):
            return True
        if len(rest) > 1 and (first in lists.major_cities or first in lists.countries):
            return True  # "Boston Red Sox"
        return any(t in lists.major_cities or t in lists.countries for t in rest)

    # -- all mentions of one name ------------------------------------------------------------

    def vote(self, group: list[Mention]) -> None:
        """Give every mention of one unknown name the type its evidence suggests.

        A one-word name that never occurs without its "'s" keeps it and is a business
        ("Moody's"). Otherwise the strongest clue wins (decisive or phrase clues outvote the
        name's shape); then a name shaped like a person's; then the most common weak clue.
        """
        text = self.text
        if (
            len(group[0].tokens) == 1
            and all(m.possessive for m in group)
            and group[0].text not in self.context.bare_words
        ):
            for m in group:
                m.end += 2
                m.text = text[m.start : m.end]
                m.label, m.entity = "ORG", normalise(m.text)
            return
        if len(group[0].tokens) > 1 and all(name.isupper() for name in group[0].tokens):
            return  # several unknown ALL-CAPS words ("PUBLICATION NOTES") are not a name
        label = self._label_of(group)
        for m in group:
            m.label = label

    def _label_of(self, group: list[Mention]) -> str:
        clues = [clue for clue in map(self.clue, group) if clue is not None]
        strongest = max((clue.strength for clue in clues), default=0)
        if strongest >= PHRASE:
            return _most_common(clue.label for clue in clues if clue.strength == strongest)
        form = self.form_label(group[0])
        if form is not None:
            return form
        if clues:
            return _most_common(clue.label for clue in clues)
        return "PERSON" if self._looks_like_foreign_name(group[0]) else "MISC"


def _modifier_label(word: str) -> str | None:
    """ "the Iranian-backed Hezbollah" (ORG), "the Iranian-born Ahmad" (PERSON)."""
    if _ORG_MODIFIER.search(word):
        return "ORG"
    return "PERSON" if _PERSON_MODIFIER.search(word) else None


def _most_common(labels) -> str:
    """The most frequent label (ties: PERSON first, then the first seen)."""
    counts = Counter(labels)
    return max(counts, key=lambda label: (counts[label], label == "PERSON"))
