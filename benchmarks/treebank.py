"""Reader of CoNLL-U treebanks (UD English EWT, GUM) as NLTK Treebank tokens with Penn tags.

Each sentence's ``# text`` is cut by ``NLTKWordTokenizer.span_tokenize`` exactly as
:mod:`helpers.tagger` receives text at run time (with ’ read as ' while cutting, so "It’s" is
"It" "’s" as "It's" is "It" "'s"; the tokens keep the characters as written). The treebank's
syntactic words are then aligned to those tokens by character overlap:

- one token, one word: the word's Penn tag (CoNLL-U column 5);
- one token over several words (the treebanks split "long-term", "U.S.-led", "and/or",
  "Tae-shik"; NLTK does not): the tag of the *head piece*, the first word that is not
  punctuation and whose syntactic head lies outside the token ("term" in "long-term", "led" in
  "U.S.-led"), except that a hyphenated word whose head piece modifies a noun to its right is
  JJ, as the Penn Treebank tags prenominal hyphenated compounds ("a long-term/JJ plan",
  "the U.S.-led/JJ coalition", "a 15-year/JJ term"), unless all its pieces are proper nouns
  ("Coca-Cola/NNP products") or numbers;
- several tokens over one word (NLTK splits "!!!" or an e-mail address): each token takes the
  tag of the word it overlaps most.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from nltk.tokenize import NLTKWordTokenizer

_TOKENIZER = NLTKWordTokenizer()
PUNCTUATION_TAGS = frozenset({",", ".", ":", "``", "''", "-LRB-", "-RRB-", "HYPH", "NFP", "SYM"})
_HYPHENS = frozenset({"-", "–"})


@dataclass(frozen=True)
class Sentence:
    """One sentence: its tokens (as NLTK cuts its text) and their Penn tags."""

    tokens: list[str]
    tags: list[str]


@dataclass(frozen=True)
class Document:
    """One document (``# newdoc``) of a treebank file."""

    name: str
    source: str
    sentences: list[Sentence]


@dataclass(frozen=True)
class _Word:
    index: int  # 1-based CoNLL-U id
    form: str
    tag: str
    head: int
    start: int
    end: int


def read_documents(path: Path, source: str) -> list[Document]:
    """The documents of the CoNLL-U file ``path``; ``source`` labels them (e.g. "ewt-test")."""
    documents: list[Document] = []
    name, sentences = path.stem, []
    for doc_name, text, rows in _sentences(path):
        if doc_name is not None:
            if sentences:
                documents.append(Document(name, source, sentences))
            name, sentences = doc_name, []
        sentences.append(_align(text, _words(text, rows)))
    if sentences:
        documents.append(Document(name, source, sentences))
    return documents


def _sentences(path: Path) -> Iterator[tuple[str | None, str, list[list[str]]]]:
    """(new document name or None, ``# text``, token rows) per sentence of a CoNLL-U file."""
    doc_name: str | None = None
    text = ""
    rows: list[list[str]] = []
    for line in path.read_text("utf-8").splitlines():
        if line.startswith("# newdoc id = "):
            doc_name = line.removeprefix("# newdoc id = ").strip()
        elif line.startswith("# text = "):
            text = line.removeprefix("# text = ")
        elif line.startswith("#"):
            continue
        elif line.strip():
            rows.append(line.split("\t"))
        elif rows:
            yield doc_name, text, rows
            doc_name, rows = None, []
    if rows:
        yield doc_name, text, rows


def _words(text: str, rows: list[list[str]]) -> list[_Word]:
    """The syntactic words of a sentence with their character offsets in ``text``.

    A multiword token ("don't" = "do" + "n't") spreads its words over its span when their
    forms spell it, else gives each word the whole span.
    """
    words: list[_Word] = []
    cursor = 0
    multiword: tuple[int, int, int, int] | None = None
    for row in rows:
        index = row[0]
        if "." in index:  # empty node
            continue
        if "-" in index:
            first, last = map(int, index.split("-"))
            start = _find(text, row[1], cursor)
            cursor = start + len(row[1])
            multiword = (first, last, start, cursor)
            continue
        number = int(index)
        word = (number, row[1], row[4], int(row[6]) if row[6].isdigit() else 0)
        if multiword and multiword[0] <= number <= multiword[1]:
            first, last, start, end = multiword
            pieces = [r[1] for r in rows if r[0].isdigit() and first <= int(r[0]) <= last]
            if "".join(pieces) == text[start:end]:
                offset = start + sum(len(p) for p in pieces[: number - first])
                words.append(_Word(*word, offset, offset + len(row[1])))
            else:
                words.append(_Word(*word, start, end))
            continue
        start = _find(text, row[1], cursor)
        cursor = start + len(row[1])
        words.append(_Word(*word, start, cursor))
    return words


def _find(text: str, form: str, cursor: int) -> int:
    start = text.find(form, cursor)
    if start < 0:
        raise ValueError(f"treebank form {form!r} not found in {text!r}")
    return start


def _align(text: str, words: list[_Word]) -> Sentence:
    """NLTK's tokens of ``text`` with tags from the overlapping treebank ``words``."""
    spans = list(_TOKENIZER.span_tokenize(text.replace("’", "'")))
    owner = [
        max(range(len(spans)), key=lambda t: _overlap(spans[t], (w.start, w.end))) for w in words
    ]
    tags: list[str] = []
    for t, span in enumerate(spans):
        mine = [w for w, o in zip(words, owner, strict=True) if o == t]
        if mine:
            tags.append(_merged_tag(mine, words))
        else:
            tags.append(max(words, key=lambda w: _overlap(span, (w.start, w.end))).tag)
    return Sentence([text[s:e] for s, e in spans], tags)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def _merged_tag(pieces: list[_Word], words: list[_Word]) -> str:
    """The tag of one token made of ``pieces`` (see the module docstring)."""
    if len(pieces) == 1:
        return pieces[0].tag
    inside = {p.index for p in pieces}
    heads = [p for p in pieces if p.tag not in PUNCTUATION_TAGS and p.head not in inside]
    head = heads[0] if heads else pieces[-1]
    content = [p.tag for p in pieces if p.tag not in PUNCTUATION_TAGS]
    hyphenated = any(p.form in _HYPHENS for p in pieces[1:-1])
    modifies_noun = head.head > pieces[-1].index and words[head.head - 1].tag.startswith("NN")
    proper_or_number = all(t in {"NNP", "NNPS"} for t in content) or all(t == "CD" for t in content)
    if hyphenated and modifies_noun and not proper_or_number:
        return "JJ"
    return head.tag
