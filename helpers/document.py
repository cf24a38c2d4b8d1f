"""One text, read once: paragraphs, sentences, tokens, words and word classes, shared by every analysis.

A :class:`Document` computes each layer the first time it is asked for and keeps it:
``paragraphs`` (blocks between blank lines), ``sentences`` (:func:`helpers.sentences.sentence_spans`),
``tokens`` (:mod:`helpers.tokens`, sentence by sentence), ``words`` (:mod:`helpers.words`) and
``tags`` (Penn Treebank word classes from :mod:`helpers.tagger`). Every layer is a list of
``(start, end)`` offsets into ``text``. Analyses keep their results on the document
(:meth:`Document.memo`), so the article-level tables of one article share one run of each.

The public analyses take a plain string or a document; :func:`as_document` turns either (or an
:class:`helpers.article.Article`) into the document to use.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Hashable, Sequence
from functools import cached_property, lru_cache
from typing import Protocol, TypeVar

from helpers.sentences import sentence_spans
from helpers.tokens import Span, token_spans
from helpers.words import words_of_tokens

_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")
_CURLY_APOSTROPHE = str.maketrans({"\u2019": "'", "\u2018": "'"})
_Result = TypeVar("_Result")


class Document:
    """The layers of one text, each computed once, on first use (see the module docstring)."""

    def __init__(self, text: str, sentences: Sequence[Span] | None = None) -> None:
        """``sentences`` may be given when they are known already (an article's sentence table)."""
        self.text = text
        if sentences is not None:
            self.__dict__["sentences"] = list(sentences)
        self._memo: dict[Hashable, object] = {}

    def __repr__(self) -> str:
        preview = self.text[:40].replace("\n", " ")
        return f"Document({preview!r}{'…' if len(self.text) > 40 else ''}, {len(self.text)} chars)"

    @cached_property
    def paragraphs(self) -> list[Span]:
        """``(start, end)`` of each paragraph: the text between blank lines, stripped."""
        spans: list[Span] = []
        position = 0
        text = self.text
        for separator in [*_PARAGRAPH_BREAK.finditer(text), None]:
            end = len(text) if separator is None else separator.start()
            start = position
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if start < end:
                spans.append((start, end))
            if separator is not None:
                position = separator.end()
        return spans

    @cached_property
    def sentences(self) -> list[Span]:
        """``(start, end)`` of each sentence (a blank line always ends one)."""
        return sentence_spans(self.text)

    @cached_property
    def tokens(self) -> list[Span]:
        """``(start, end)`` of every token, sentence by sentence (Treebank conventions)."""
        tokens: list[Span] = []
        firsts: list[int] = []
        for start, end in self.sentences:
            firsts.append(len(tokens))
            tokens += token_spans(self.text, start, end)
        self.__dict__["sentence_first_tokens"] = firsts
        return tokens

    @cached_property
    def sentence_first_tokens(self) -> list[int]:
        """Index (into ``tokens``) of the first token of each sentence."""
        _ = self.tokens
        return self.__dict__["sentence_first_tokens"]

    @cached_property
    def token_starts(self) -> list[int]:
        """The start offset of each token (sorted), for lookups by offset."""
        return [start for start, _ in self.tokens]

    @cached_property
    def forms(self) -> list[str]:
        """The text of each token."""
        text = self.text
        return [text[start:end] for start, end in self.tokens]

    @cached_property
    def tags(self) -> list[str]:
        """The Penn Treebank tag of each token (curly apostrophes read as straight ones)."""
        from helpers.tagger import tag

        forms = self.forms
        if "\u2019" in self.text or "\u2018" in self.text:
            forms = [
                form.translate(_CURLY_APOSTROPHE) if "\u2019" in form or "\u2018" in form else form
                for form in forms
            ]
        return tag(forms, self.sentence_first_tokens)

    @cached_property
    def words(self) -> list[Span]:
        """``(start, end)`` of every word (see :mod:`helpers.words` for the definition)."""
        return words_of_tokens(self.text, self.tokens)

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence that contains ``offset`` (or the last one starting before it)."""
        return max(bisect_right(self._sentence_starts, offset) - 1, 0)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [start for start, _ in self.sentences]

    def token_index(self, offset: int) -> int:
        """Index of the first token that starts at or after ``offset``."""
        return bisect_left(self.token_starts, offset)

    def token_range(self, start: int, end: int) -> range:
        """Indexes of the tokens that start inside ``[start, end)``."""
        return range(self.token_index(start), self.token_index(end))

    def tag_at(self, offset: int) -> str | None:
        """The tag of the token that starts at ``offset``, or None if no token starts there."""
        index = self.token_index(offset)
        if index < len(self.tokens) and self.tokens[index][0] == offset:
            return self.tags[index]
        return None

    def count_words(self, start: int, end: int) -> int:
        """Number of words that start inside ``[start, end)``."""
        starts = self._word_starts
        return bisect_left(starts, end) - bisect_left(starts, start)

    @cached_property
    def _word_starts(self) -> list[int]:
        return [start for start, _ in self.words]

    def memo(self, key: Hashable, compute: Callable[[], _Result]) -> _Result:
        """The result of ``compute()`` kept under ``key``: an analysis runs once per document."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]  # type: ignore[return-value]


class HasDocument(Protocol):
    """Anything that carries the document of its text (e.g. :class:`helpers.article.Article`)."""

    document: Document


class HasText(Protocol):
    """Anything with an analysed ``text``."""

    text: str


def as_document(source: str | Document | HasDocument | HasText) -> Document:
    """The document of ``source``: itself, an article's own, or the (cached) document of a text.

    The last few plain texts keep their documents, so calling several analyses on the same
    string reads it once.
    """
    if isinstance(source, Document):
        return source
    document = getattr(source, "document", None)
    if isinstance(document, Document):
        return document
    text = source if isinstance(source, str) else getattr(source, "text", source)
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    return _document_of_text(text)


@lru_cache(maxsize=8)
def _document_of_text(text: str) -> Document:
    return Document(text)
