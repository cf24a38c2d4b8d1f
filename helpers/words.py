"""Word tokens with character offsets, and the project's single definition of a word.

A *word* is an NLTK Treebank token (``NLTKWordTokenizer``, data-free) that contains at least
one letter or digit and is not a clitic split off a word ('s, n't, 're, 've, 'll, 'd, 'm):
punctuation is not a word; "People's" and "don't" are one word each; "Lee Tae-shik" is two
words ("Lee", "Tae-shik"); "$300" is one word ("300"); "(DPRK)" is one word ("DPRK").
"""

from __future__ import annotations

import re

from nltk.tokenize import NLTKWordTokenizer

_TOKENIZER = NLTKWordTokenizer()
_HAS_ALNUM = re.compile(r"[^\W_]")
_CLITIC = re.compile(r"(?i)(?:['’](?:s|re|ve|ll|d|m)|n['’]t)")


def token_spans(text: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` offsets of every NLTK Treebank token in ``text``."""
    try:
        return list(_TOKENIZER.span_tokenize(text))
    except ValueError:
        # NLTK cannot align some rewritten quote tokens back to the text; whitespace-and-
        # punctuation splitting keeps offsets exact for those rare inputs.
        return [m.span() for m in re.finditer(r"\w+(?:[-'’.]\w+)*|[^\w\s]", text)]


def word_spans(text: str) -> list[tuple[int, int]]:
    """Return the offsets of the tokens of ``text`` that are words (contain a letter or digit)."""
    return [
        (s, e)
        for s, e in token_spans(text)
        if _HAS_ALNUM.search(text, s, e) and not _CLITIC.fullmatch(text, s, e)
    ]


def count_words(text: str) -> int:
    """Return the number of words in ``text`` (see the module docstring for the definition)."""
    return len(word_spans(text))
