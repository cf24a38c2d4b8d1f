"""Load a news article file into an :class:`Article`: title, dateline, paragraphs, sentences.

File shape: an optional ``Last updated at: (Beijing Time) <date>`` line, a title line, then one
paragraph per line (blank lines are ignored). Paragraphs repeated verbatim are kept as rows of
``Article.paragraphs`` (flagged, pointing at the first copy) but analysed once; glued words are
repaired (see :mod:`helpers.repairs`). ``Article.text`` is the analysed body, and every offset
in every table of this package indexes it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pandas as pd
from dateutil import parser as date_parser

from helpers.document import Document
from helpers.errors import ArticleFormatError
from helpers.frames import BOOL, INT, STRING, Columns, build_frame, columns_of_rows
from helpers.repairs import REPAIR_RULE, apply_repairs, find_glued_words

PUBLICATION_TZ = "Asia/Shanghai"
PARAGRAPH_SEPARATOR = "\n\n"
#: Tried in order when the bytes are not UTF-8; recorded in ``Article.encoding``.
FALLBACK_ENCODING = "cp1252"
_DATELINE = re.compile(r"^\s*Last updated at:\s*\(Beijing Time\)\s*(?P<date>.*?)\s*$", re.I)
_SENTENCE_END = re.compile(r"[.?!:;][\"'”’)]*$")
_MAX_TITLE_WORDS = 25
_BINARY_CONTROL_SHARE = 0.1
REPAIR_RULE_DTYPE = pd.CategoricalDtype([REPAIR_RULE])
PARAGRAPH_SPEC = {
    "para_id": INT,
    "line": INT,
    "raw_text": STRING,
    "text": STRING,
    "is_duplicate": BOOL,
    "duplicate_of": INT,
    "start": INT,
    "end": INT,
    "n_sentences": INT,
    "n_words": INT,
}
ARTICLE_SENTENCE_SPEC = {
    "sent_id": INT,
    "para_id": INT,
    "start": INT,
    "end": INT,
    "text": STRING,
    "n_words": INT,
    "n_chars": INT,
}
REPAIR_SPEC = {
    "para_id": INT,
    "start": INT,
    "end": INT,
    "original": STRING,
    "repaired": STRING,
    "rule": REPAIR_RULE_DTYPE,
}
WARNING_SPEC = {"kind": STRING, "message": STRING}


@dataclass(frozen=True)
class Article:
    """A parsed article.

    ``paragraphs`` columns: ``para_id`` (1-based, file order), ``line`` (1-based line number in
    the file), ``raw_text`` (the line as in the file), ``text`` (the paragraph as analysed, after
    repairs; for a duplicate, its raw text), ``is_duplicate``, ``duplicate_of`` (``para_id`` of the
    first copy, else null), ``start``/``end`` (offsets into ``text`` of the article, null for
    duplicates), ``n_sentences``, ``n_words``.

    ``sentences`` columns: ``sent_id`` (1-based), ``para_id``, ``start``, ``end``, ``text``,
    ``n_words``, ``n_chars``.

    ``repairs`` columns: ``para_id``, ``start``/``end`` (in the raw paragraph), ``original``,
    ``repaired``, ``rule``. ``warnings`` columns: ``kind``, ``message``.

    ``document`` is the :class:`helpers.document.Document` of ``text`` (sentences, tokens, word
    classes), shared by every analysis of the article.
    """

    name: str
    title: str
    dateline: str | None
    published: pd.Timestamp | None
    encoding: str
    text: str
    document: Document = field(repr=False, compare=False)
    #: The four tables as column lists (``paragraphs``, ``sentences``, ``repairs``, ``warnings``).
    table_columns: dict[str, Columns] = field(repr=False, compare=False)

    @cached_property
    def paragraphs(self) -> pd.DataFrame:
        """One row per paragraph of the file (see the class docstring)."""
        return build_frame(PARAGRAPH_SPEC, self.table_columns["paragraphs"])

    @cached_property
    def sentences(self) -> pd.DataFrame:
        """One row per sentence of the analysed body."""
        return build_frame(ARTICLE_SENTENCE_SPEC, self.table_columns["sentences"])

    @cached_property
    def repairs(self) -> pd.DataFrame:
        """One row per repair of the text."""
        return build_frame(REPAIR_SPEC, self.table_columns["repairs"])

    @cached_property
    def warnings(self) -> pd.DataFrame:
        """One row per problem found in the file that did not stop the parse."""
        return build_frame(WARNING_SPEC, self.table_columns["warnings"])


def load_article(path: str | Path) -> Article:
    """Read and parse the article file at ``path``.

    Raises ``FileNotFoundError`` naming the path when it does not exist, and
    :class:`ArticleFormatError` when the file is empty, binary, undecodable or has no text.
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"article file not found: {path}")
    text, encoding = decode_article_bytes(path.read_bytes(), str(path))
    return parse_article(text, name=str(path), encoding=encoding)


def decode_article_bytes(data: bytes, name: str) -> tuple[str, str]:
    """Decode file bytes: UTF-8 (BOM optional), else Windows-1252; return text and encoding."""
    if not data:
        raise ArticleFormatError(name, "the file is empty")
    sample = data[:8192]
    controls = sum(byte < 32 and byte not in b"\t\n\r\f" for byte in sample)
    if b"\x00" in sample or controls > _BINARY_CONTROL_SHARE * len(sample):
        raise ArticleFormatError(name, "the file is binary, not text")
    for encoding in ("utf-8-sig", FALLBACK_ENCODING):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return text, "utf-8" if encoding == "utf-8-sig" else encoding
    raise ArticleFormatError(name, f"the file is neither UTF-8 nor {FALLBACK_ENCODING} text")


def parse_article(text: str, name: str = "<text>", encoding: str = "utf-8") -> Article:
    """Parse article ``text`` (see the module docstring for the expected shape)."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    numbered_lines = [
        (number, line.rstrip())
        for number, line in enumerate(text.split("\n"), start=1)
        if line.strip()
    ]
    if not numbered_lines:
        raise ArticleFormatError(name, "the file contains no text")
    warnings: list[tuple[str, str]] = []
    dateline, published = None, None
    match = _DATELINE.match(numbered_lines[0][1])
    if match:
        dateline = numbered_lines.pop(0)[1].strip()
        published = _parse_dateline(match["date"], warnings)
    title = ""
    if numbered_lines and _looks_like_title(numbered_lines[0][1], dateline is not None):
        title = numbered_lines.pop(0)[1].strip()
    if not numbered_lines:
        warnings.append(("no-body", "the article has no paragraphs after the title"))
    document, tables = _build_paragraphs(numbered_lines)
    tables["warnings"] = columns_of_rows(WARNING_SPEC, warnings)
    return Article(
        name=name,
        title=title,
        dateline=dateline,
        published=published,
        encoding=encoding,
        text=document.text,
        document=document,
        table_columns=tables,
    )


def _parse_dateline(date_text: str, warnings: list[tuple[str, str]]) -> pd.Timestamp | None:
    """Parse the dateline's date in Beijing time; a bad date becomes a warning, not an error."""
    try:
        parsed = date_parser.parse(date_text, fuzzy=False)
    except (ValueError, OverflowError) as error:
        warnings.append(("dateline", f"unreadable dateline date {date_text!r}: {error}"))
        return None
    weekday = re.match(r"\s*([A-Za-z]+)\s*,", date_text)
    if weekday and not parsed.strftime("%A").lower().startswith(weekday[1].lower()):
        warnings.append(
            ("dateline", f"dateline weekday {weekday[1]!r} does not match {parsed:%A %Y-%m-%d}")
        )
    return pd.Timestamp(parsed.replace(tzinfo=None)).tz_localize(PUBLICATION_TZ)


def _looks_like_title(line: str, after_dateline: bool) -> bool:
    """A title line follows the dateline; without one, it is short and unpunctuated."""
    if after_dateline:
        return True
    return len(line.split()) <= _MAX_TITLE_WORDS and not _SENTENCE_END.search(line)


def _build_paragraphs(numbered_lines: list[tuple[int, str]]) -> tuple[Document, dict[str, Columns]]:
    """Number paragraphs, flag verbatim repeats, repair glued words, split sentences.

    Returns the document of the analysed body and the paragraphs, sentences and repairs tables
    as column lists.
    """
    first_copy: dict[str, int] = {}
    paragraphs: list[list] = []
    repairs: list[tuple] = []
    body_parts: list[str] = []
    analysed: list[tuple[int, int]] = []  # (row in paragraphs, start) of each analysed paragraph
    cursor = 0
    for para_id, (line_no, raw) in enumerate(numbered_lines, start=1):
        raw = raw.strip()
        original = first_copy.setdefault(" ".join(raw.split()), para_id)
        if original != para_id:
            paragraphs.append([para_id, line_no, raw, raw, True, original, None, None, None, None])
            continue
        found = find_glued_words(raw)
        repaired = apply_repairs(raw, found)
        repairs += [(para_id, r.start, r.end, r.original, r.repaired, r.rule) for r in found]
        if body_parts:
            cursor += len(PARAGRAPH_SEPARATOR)
        analysed.append((len(paragraphs), cursor))
        paragraphs.append(
            [para_id, line_no, raw, repaired, False, None, cursor, cursor + len(repaired), 0, 0]
        )
        body_parts.append(repaired)
        cursor += len(repaired)
    document = Document(PARAGRAPH_SEPARATOR.join(body_parts))
    paragraph_starts = [start for _, start in analysed]
    sentences: list[tuple] = []
    for sent_id, (start, end) in enumerate(document.sentences, start=1):
        row = paragraphs[analysed[bisect_right(paragraph_starts, start) - 1][0]]
        n_words = document.count_words(start, end)
        row[8] += 1
        row[9] += n_words
        sentences.append((sent_id, row[0], start, end, document.text[start:end], n_words, end - start))
    return document, {
        "paragraphs": columns_of_rows(PARAGRAPH_SPEC, paragraphs),
        "sentences": columns_of_rows(ARTICLE_SENTENCE_SPEC, sentences),
        "repairs": columns_of_rows(REPAIR_SPEC, repairs),
    }


def article_overview(article: Article) -> pd.DataFrame:
    """What the file holds, as ``field``/``value`` rows (all values as text, for display)."""
    paragraphs = article.paragraphs
    fields = [
        ("file", article.name.rsplit("/", 1)[-1]),
        ("encoding", article.encoding),
        ("dateline", article.dateline or "(none)"),
        ("published", "(unknown)" if article.published is None else article.published.isoformat()),
        ("title", article.title or "(none)"),
        ("paragraphs in the file", str(len(paragraphs))),
        ("repeated paragraphs", str(int(paragraphs["is_duplicate"].sum()))),
        ("paragraphs analysed", str(int((~paragraphs["is_duplicate"]).sum()))),
        ("repairs", str(len(article.repairs))),
        ("sentences", str(len(article.sentences))),
        ("words", str(int(article.sentences["n_words"].sum()))),
        ("characters analysed", str(len(article.text))),
    ]
    return pd.DataFrame(fields, columns=["field", "value"], dtype="string")
