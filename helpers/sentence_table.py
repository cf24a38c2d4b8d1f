"""The sentences of a text as a table (the splitting rules are in :mod:`helpers.sentences`)."""

from __future__ import annotations

import pandas as pd

from helpers.document import Document, as_document
from helpers.frames import INT, STRING, build_frame

SENTENCE_SPEC = {"start": INT, "end": INT, "text": STRING}
SENTENCE_COLUMNS = list(SENTENCE_SPEC)


def split_sentences(text: str | Document) -> pd.DataFrame:
    """Split ``text`` into sentences: one row per sentence with ``start``, ``end``, ``text``.

    ``text`` is a string or a :class:`helpers.document.Document` (whose sentences are kept, so
    the other analyses of the same text reuse them). Offsets index ``text``
    (``text[start:end]`` is the row's ``text``); sentences never cross a blank line;
    surrounding whitespace is not part of a sentence.
    """
    document = as_document(text)
    spans, text = document.sentences, document.text
    return build_frame(
        SENTENCE_SPEC,
        {
            "start": [s for s, _ in spans],
            "end": [e for _, e in spans],
            "text": [text[s:e] for s, e in spans],
        },
    )
