"""The project's single definition of a word, over the tokens of :mod:`helpers.tokens`.

A *word* is a run of tokens that contains a letter or digit; a token that follows the previous
word's token with nothing in between joins that word, so the Treebank's splits ("People|'s",
"do|n't", "can|not") never add words. Punctuation is not a word: "People's", "don't" and
"cannot" are one word each, "Lee Tae-shik" is two ("Lee", "Tae-shik"), "$300" is one ("300"),
"(DPRK)" is one ("DPRK").
"""

from __future__ import annotations

from collections.abc import Iterable

from helpers.tokens import Span, token_spans


def words_of_tokens(text: str, tokens: Iterable[Span]) -> list[Span]:
    """The word spans made of ``tokens`` (token spans of ``text`` by :mod:`helpers.tokens`, in
    order). Such a token holds a letter or digit exactly when it starts with one, or is a clitic
    (an apostrophe, then a letter)."""
    spans: list[Span] = []
    for start, end in tokens:
        first = text[start]
        if not (first.isalnum() or (end - start > 1 and text[start + 1].isalnum())):
            continue
        if spans and spans[-1][1] == start:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def word_spans(text: str) -> list[Span]:
    """Return the offsets of the words of ``text`` (see the module docstring for the definition)."""
    return words_of_tokens(text, token_spans(text))


def count_words(text: str) -> int:
    """Return the number of words in ``text`` (see the module docstring for the definition)."""
    return len(word_spans(text))
