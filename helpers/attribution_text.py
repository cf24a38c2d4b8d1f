"""The view of one document that the attribution stages share: tokens, word classes, quotations.

:class:`AttributionText` reads the shared :class:`helpers.document.Document` (tokens and their
Penn Treebank tags, sentences, paragraphs) and adds what attribution needs on top: lower-case
token texts, the paired quotations (:mod:`helpers.quote_marks`) and small predicates over
tokens. Offsets are characters of ``text``; token positions index ``document.tokens``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from helpers.document import Document
from helpers.quote_lexicon import QuoteLexicon, quote_lexicon
from helpers.quote_marks import WORD_CHAR, QuotationIndex, find_quotations

Span = tuple[int, int]

FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_SUBJECT_ENDS = frozenset({"NN", "NNS", "NNP", "NNPS", "PRP", "CD"})
_NOMINAL = frozenset(
    {"DT", "PDT", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "CD", "POS", "PRP$", "PRP", "EX"}
)
_BE = frozenset(
    {"is", "are", "was", "were", "be", "been", "being", "am", "'s", "'re", "'m", "’s", "’re", "’m"}
)
_HAVE = frozenset({"has", "have", "had", "having", "'ve", "'d", "’ve", "’d"})


class AttributionText:
    """Tokens, tags, quotations and lexicon of one document, for the attribution stages."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.text = document.text
        self.lexicon: QuoteLexicon = quote_lexicon()
        self.spans = document.tokens
        self.starts = document.token_starts
        self.ends = [end for _, end in self.spans]
        self.forms = document.forms
        self.lower = [form.lower() for form in self.forms]
        self.tags = document.tags if self.spans else []
        self.sentence_firsts = document.sentence_first_tokens
        self.quotations = QuotationIndex(self.text, find_quotations(document))

    def __len__(self) -> int:
        return len(self.spans)

    # --- offsets --------------------------------------------------------------------------

    def token_at(self, offset: int) -> int:
        """Index of the first token that starts at or after ``offset``."""
        return bisect_left(self.starts, offset)

    def start_of(self, index: int) -> int:
        """The start of token ``index``, or the end of the text for the index after the last."""
        return self.starts[index] if index < len(self.starts) else len(self.text)

    def token_before(self, offset: int) -> int:
        """Index of the last token that ends at or before ``offset`` (-1 if none)."""
        return bisect_right(self.ends, offset) - 1

    def sentence_start(self, index: int) -> bool:
        """Whether token ``index`` opens a sentence."""
        position = bisect_left(self.sentence_firsts, index)
        return position < len(self.sentence_firsts) and self.sentence_firsts[position] == index

    def has_word(self, start: int, end: int) -> bool:
        """Whether a letter or digit lies in ``text[start:end]``."""
        return bool(WORD_CHAR.search(self.text, start, end))

    # --- tokens ---------------------------------------------------------------------------

    def is_word(self, index: int) -> bool:
        """Whether token ``index`` holds a letter or digit."""
        return bool(WORD_CHAR.match(self.forms[index]))

    def is_finite(self, index: int) -> bool:
        """Whether token ``index`` is a finite verb or modal (or a listed auxiliary)."""
        return self.tags[index] in FINITE_TAGS or self.lower[index] in self.lexicon.auxiliaries

    def could_be_finite(self, index: int) -> bool:
        """Whether token ``index`` is finite, or an irregular past form right after a noun or
        pronoun whatever its tag ("unemployment rose", "the minister left")."""
        if self.is_finite(index):
            return True
        return (
            self.lower[index] in self.lexicon.irregular_past
            and index > 0
            and self.tags[index - 1] in _SUBJECT_ENDS
        )

    def is_verb(self, index: int) -> bool:
        """Whether token ``index`` is tagged as a verb of any form."""
        return self.tags[index].startswith("VB") or self.tags[index] == "MD"

    def is_nominal(self, index: int) -> bool:
        """Whether token ``index`` can stand in a noun phrase (determiner, adjective, noun...)."""
        return self.tags[index] in _NOMINAL

    def is_be(self, index: int) -> bool:
        """Whether token ``index`` is a form of "be" (not the possessive "'s")."""
        return self.lower[index] in _BE and self.tags[index] != "POS"

    def is_have(self, index: int) -> bool:
        """Whether token ``index`` is a form of "have"."""
        return self.lower[index] in _HAVE

    def is_adverb(self, index: int) -> bool:
        """Whether token ``index`` is an adverb or negation between an auxiliary and its verb."""
        lower = self.lower[index]
        if self.tags[index] in {"RB", "RBR", "RBS"} or lower in {"not", "n't", "never"}:
            return True
        return self.forms[index].islower() and lower.endswith("ly") and len(lower) > 3

    def opens_quote(self, index: int) -> bool:
        """Whether token ``index`` is the opening mark of a quotation."""
        return self.starts[index] in self.quotations.opening_starts

    def skippable(self, index: int) -> bool:
        """Whether token ``index`` may stand between a source and its cue ("has", "also", -ly)."""
        form = self.forms[index]
        lower = self.lower[index]
        return lower in self.lexicon.skip or (
            form.islower() and lower.endswith("ly") and len(lower) > 3
        )
