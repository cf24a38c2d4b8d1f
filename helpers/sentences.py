"""Sentence spans of any text, with NLTK's data-free Punkt splitter and a news abbreviation list."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib import resources
from typing import Protocol

import pandas as pd
from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters, PunktSentenceTokenizer

from helpers.frames import INT, STRING, build_frame

SENTENCE_SPEC = {"start": INT, "end": INT, "text": STRING}
SENTENCE_COLUMNS = list(SENTENCE_SPEC)


class HasSentences(Protocol):
    """A text with its sentence spans (:class:`helpers.document.Document`)."""

    text: str
    sentences: list[tuple[int, int]]

_BLOCK = re.compile(r"\S(?:.*?\S)?(?=\s*\n\s*\n|\s*\Z)", re.DOTALL)
#: A quotation that ends in ? or ! and is followed by a lower-case word continues its sentence:
#: '"Why?" she asked.' is one sentence. Punkt splits there, so such splits are undone.
_QUESTION_IN_QUOTES = re.compile(r"[?!][\"'”’]+$")
_LOWER_START = re.compile(r"[a-z]")


@cache
def news_abbreviations() -> frozenset[str]:
    """Return the abbreviations (lower case, no final period) listed in ``data/abbreviations.txt``."""
    lines = resources.files("helpers.data").joinpath("abbreviations.txt").read_text("utf-8")
    return frozenset(
        line.strip() for line in lines.splitlines() if line.strip() and not line.startswith("#")
    )


class NewsLanguageVars(PunktLanguageVars):
    """Punkt's English settings, with curly quotes treated like straight ones."""

    re_boundary_realignment = re.compile(r"[\"'”’)\]}]+?(?:\s+|(?=--)|$)", re.MULTILINE)

    @property
    def _re_non_word_chars(self) -> str:
        return r"(?:[)\";}\]\*:@\'\({\[“”‘’?!])"


@cache
def _tokenizer() -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = set(news_abbreviations())
    return PunktSentenceTokenizer(params, lang_vars=NewsLanguageVars())


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of each sentence; a blank line always ends a sentence.

    The last few texts' spans are cached, so the analyses of one article (sentences, quotes)
    share a single Punkt pass.
    """
    return list(_cached_sentence_spans(text))


@lru_cache(maxsize=16)
def _cached_sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    tokenizer = _tokenizer()
    for block in _BLOCK.finditer(text):
        offset = block.start()
        for s, e in tokenizer.span_tokenize(block.group()):
            start, end = offset + s, offset + e
            if (
                spans
                and _LOWER_START.match(text, start)
                and _QUESTION_IN_QUOTES.search(text, spans[-1][0], spans[-1][1])
            ):
                start = spans.pop()[0]
            spans.append((start, end))
    return tuple(spans)


def split_sentences(text: str | HasSentences) -> pd.DataFrame:
    """Split ``text`` into sentences: one row per sentence with ``start``, ``end``, ``text``.

    ``text`` is a string or a :class:`helpers.document.Document` (whose sentences are used).
    Offsets index ``text`` (``text[start:end]`` is the row's ``text``); sentences never
    cross a blank line; surrounding whitespace is not part of a sentence.
    """
    if isinstance(text, str):
        spans = sentence_spans(text)
    else:
        text, spans = text.text, text.sentences
    return build_frame(
        SENTENCE_SPEC,
        {
            "start": [s for s, _ in spans],
            "end": [e for _, e in spans],
            "text": [text[s:e] for s, e in spans],
        },
    )
