"""Word tokens with character offsets, and the project's single definition of a word.

A *word* is a run of NLTK Treebank tokens (``NLTKWordTokenizer``, data-free) that contains a
letter or digit; a token that follows the previous word's token with nothing in between joins
that word, so the Treebank's splits ("People|'s", "do|n't", "can|not") never add words.
Punctuation is not a word: "People's", "don't" and "cannot" are one word each, "Lee Tae-shik"
is two ("Lee", "Tae-shik"), "$300" is one ("300"), "(DPRK)" is one ("DPRK").
"""

from __future__ import annotations

import re

from nltk.tokenize import NLTKWordTokenizer
from nltk.tokenize.util import align_tokens

_TOKENIZER = NLTKWordTokenizer()
_HAS_ALNUM = re.compile(r"[^\W_]")
_QUOTE_MARKS = re.compile(r"``|'{2}|\"")
_REWRITTEN_QUOTES = frozenset({'"', "``", "''"})


def token_spans(text: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` offsets of every NLTK Treebank token in ``text``.

    ``NLTKWordTokenizer.span_tokenize``, with its quote restoration done in linear time (NLTK
    pops the head of a list for every quote mark: minutes on long runs of quotes).
    """
    try:
        tokens = _TOKENIZER.tokenize(text)
        if '"' in text or "''" in text:
            marks = iter([match.group() for match in _QUOTE_MARKS.finditer(text)])
            tokens = [
                next(marks, None) or _misaligned() if token in _REWRITTEN_QUOTES else token
                for token in tokens
            ]
        return list(align_tokens(tokens, text))
    except ValueError:
        # NLTK cannot align some rewritten quote tokens back to the text; whitespace-and-
        # punctuation splitting keeps offsets exact for those rare inputs.
        return [m.span() for m in re.finditer(r"\w+(?:[-'’.]\w+)*|[^\w\s]", text)]


def _misaligned() -> str:
    raise ValueError("more quote tokens than quote marks")


def word_spans(text: str) -> list[tuple[int, int]]:
    """Return the offsets of the words of ``text`` (see the module docstring for the definition)."""
    spans: list[tuple[int, int]] = []
    for start, end in token_spans(text):
        if not _HAS_ALNUM.search(text, start, end):
            continue
        if spans and spans[-1][1] == start:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def count_words(text: str) -> int:
    """Return the number of words in ``text`` (see the module docstring for the definition)."""
    return len(word_spans(text))
