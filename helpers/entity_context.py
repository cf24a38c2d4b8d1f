"""What the entity stages know about one text beyond a name's own words.

A :class:`NameContext` wraps the shared :class:`helpers.document.Document` with the facts the
rules ask for: where sentences start, which words the text writes in lower case, which
capitalised words it uses mid-sentence, and the word before a name.
"""

from __future__ import annotations

import re
from functools import cache, cached_property

from helpers.document import Document
from helpers.entity_lexicon import NameLists
from helpers.entity_spans import POSSESSIVE, NameToken, word_before
from helpers.gazetteer import normalise

_PROPER_NOUN = frozenset({"NNP", "NNPS"})
_ADJECTIVE = frozenset({"JJ", "JJR", "JJS"})
_FINITE_VERB = frozenset({"VBD", "VBZ", "VBP", "MD"})
_QUOTE_OPENERS = " \t\n\"'`([{\u201c\u2018"
_BARE_WORD = re.compile(r"(?<!\w)(?>\w+(?:[-&.]\w+)*)(?![\w'\u2019])")


@cache
def _tagger_installed() -> bool:
    """True when :mod:`helpers.tagger` can be imported (asked once per process)."""
    try:
        import helpers.tagger  # noqa: F401
    except ImportError:
        return False
    return True


class NameContext:
    """One text as the entity stages read it (see the module docstring)."""

    def __init__(self, document: Document, lists: NameLists) -> None:
        self.document = document
        self.text = document.text
        self.lists = lists
        self.mid_sentence: set[str] = set()
        self._words_before: dict[int, str] = {}
        """Capitalised words the text uses inside a sentence (filled while scanning)."""

    @cached_property
    def lower_vocabulary(self) -> frozenset[str]:
        """Every lower-case word (token starting with a-z) of the text (straight apostrophes)."""
        lower = set(filter(str.islower, self.document.forms))
        words = frozenset(form for form in lower if "a" <= form[0] <= "z")
        if "\u2019" in self.text:
            words = frozenset(w.replace("\u2019", "'") for w in words)
        return words

    @cached_property
    def bare_words(self) -> frozenset[str]:
        """Every word the text writes without a following apostrophe ("Moody" is not in
        "Moody's rose")."""
        return frozenset(_BARE_WORD.findall(self.text))

    def sentence_initial(self, position: int) -> bool:
        """True when ``position`` starts a sentence (or a quotation, or a paragraph)."""
        text = self.text
        i = position - 1
        while i >= 0 and text[i] in _QUOTE_OPENERS:
            if text[i] == "\n" and (i == 0 or text[i - 1] == "\n" or text[i + 1] == "\t"):
                return True
            i -= 1
        if i < 0:
            return True
        char = text[i]
        if char.isdigit() and "\n" in text[i:position]:
            return True  # the line after a dateline ("LONDON 1997-03-02") or a table row
        if char in ".!?":
            j = i
            while j > 0 and text[j - 1].isalpha():
                j -= 1
            word = text[j : i + 1].lower()
            return not (
                word in self.lists.words.title or (i - j == 1 and j > 0 and text[j - 1] == ".")
            )
        return char in ":;\u2014" or text.startswith("--", i - 1)

    @cached_property
    def _tags(self) -> list[str] | None:
        """The document's word classes, or None where no tagger is installed."""
        return self.document.tags if _tagger_installed() else None

    def tag_at(self, offset: int) -> str | None:
        """The Penn tag of the token starting at ``offset`` (None: no tagger, or no token)."""
        tags = self._tags
        if tags is None:
            return None
        document = self.document
        index = document.token_index(offset)
        if index < len(tags) and document.tokens[index][0] == offset:
            return tags[index]
        return None

    def _plural_of_common_noun(self, bare: str) -> bool:
        """ "Prosecutors", "Families": the plural of a noun the text writes in lower case or
        the lexicon knows as a person, organisation or place noun (a sentence-initial plural
        the tagger may still call a proper noun)."""
        if not bare.endswith("s") or bare.endswith("ss"):
            return False
        known = self.lower_vocabulary
        for singular in (bare[:-1], bare[:-2], bare[:-3] + "y"):
            if singular in known or singular in self.lists.common_nouns:
                return True
        return False

    def _tag_after(self, token: NameToken) -> str | None:
        """The tag of the token after ``token`` (None without tags or at the end)."""
        document = self.document
        index = document.token_index(token.end)
        return self._tags[index] if self._tags is not None and index < len(self._tags) else None

    def is_common_word(self, token: NameToken, strict: bool = True) -> bool:
        """A capitalised word that is probably an ordinary word put first in its sentence.

        The word class decides where there is one: a proper noun (NNP, NNPS) is a name
        ("Putin said"), and so is an "adjective" that is a sentence's subject ("Bayern
        scored"); any other word is not ("Stocks dove", "Participants"). Without word
        classes: a function word, or a word the text writes in lower case, or (``strict``) a
        word no list has and the text never capitalises mid-sentence.
        """
        lists = self.lists
        bare = token.bare
        if bare in lists.skip and not token.shouting:
            return True
        if token.shouting or token.text in self.mid_sentence:
            return False
        key = POSSESSIVE.sub("", normalise(token.text))
        if key in lists.places or key in lists.countries or key in lists.demonyms:
            return False
        tag = self.tag_at(token.start)
        if tag is not None:
            if tag in _ADJECTIVE:
                return self._tag_after(token) not in _FINITE_VERB  # "Bayern scored" (a subject)
            return tag not in _PROPER_NOUN or self._plural_of_common_noun(bare)
        if bare in self.lower_vocabulary:
            return True
        return strict and bare not in lists.first_names and bare not in lists.surnames

    def word_before(self, position: int) -> str:
        """The word right before ``position`` (see :func:`helpers.entity_spans.word_before`);
        several rules ask, so it is kept."""
        word = self._words_before.get(position)
        if word is None:
            word = self._words_before[position] = word_before(self.text, position)
        return word

    def title_before(self, position: int) -> str | None:
        """The lower-case role noun right before a name ("official Mitoji Yabunaka"), if any."""
        word = self.word_before(position)
        return word if word.islower() and word in self.lists.words.title else None
