"""Load a news article file into an :class:`Article`: title, dateline, paragraphs, sentences.

File shape: an optional date line (the seed's ``Last updated at: (Beijing Time) <date>``, or any
date line :mod:`helpers.datelines` reads: ``Oct. 28, 2016``, ``Published: 28 October 2016 14:02
BST``...), a title line, then one paragraph per line (blank lines are ignored). The date line may
also follow the title. Without a date line, the first line is the title when it is short (at
most 25 words) and either followed by a blank line or not ending like a sentence; that guess is
recorded in ``Article.warnings``. Paragraphs repeated verbatim are kept as rows of
``Article.paragraphs`` (flagged, pointing at the first copy) but analysed once; glued words are
repaired (see :mod:`helpers.repairs`). ``Article.text`` is the analysed body, and every offset
in every table of this package indexes it.

The publication date (``Article.published``, the anchor of relative dates) comes from, in this
order: the caller (``published=``), the date line, an ISO date in the file name
(``outlet_2016-10-28_slug.txt``); ``Article.anchor_source`` says which (``caller``,
``dateline``, ``file name``) and ``Article.published_precision`` how precise it is.
"""

from __future__ import annotations

import os
import re
import stat
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pandas as pd

from helpers.datelines import DateReading, coerce_published, date_in_file_name, read_date_line
from helpers.document import Document
from helpers.errors import ArticleFormatError
from helpers.frames import BOOL, INT, STRING, Columns, build_frame, columns_of_rows
from helpers.repairs import REPAIR_RULE, GlueEvidence, apply_repairs, find_glued_words

#: The zone of the seed's ``(Beijing Time)`` date lines (``helpers/data/time_zones.tsv``).
PUBLICATION_TZ = "Asia/Shanghai"
PARAGRAPH_SEPARATOR = "\n\n"
#: Tried in order when the bytes are not UTF-8; recorded in ``Article.encoding``.
FALLBACK_ENCODING = "cp1252"
#: Byte-order marks and the encoding each announces (UTF-32 before UTF-16: they share a prefix).
_BYTE_ORDER_MARKS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
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
    ``repaired``, ``rule``. ``warnings`` columns: ``kind`` (``dateline``, ``published``,
    ``title``, ``no-body``), ``message``.

    ``published`` is the first instant of the publication date at ``published_precision``
    (``second``, ``minute``, ``hour``, ``day``, ``month``, ``year``): tz-aware in the zone the
    date line writes (the seed's ``(Beijing Time)`` is ``Asia/Shanghai``), naive when none is
    written; ``anchor_source`` is ``caller``, ``dateline``, ``file name`` or None.

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
    published_precision: str | None = None
    anchor_source: str | None = None

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


def load_article(path: str | os.PathLike[str], published: object = None) -> Article:
    """Read and parse the article file at ``path``.

    ``published`` (a date, datetime, Timestamp, ISO string or date text) overrides the file's
    own date (see the module docstring). Raises ``FileNotFoundError`` naming the path when it
    does not exist, :class:`ArticleFormatError` when it is not a regular file (a directory, a
    FIFO, a symbolic link loop) or is empty, binary, undecodable or without text, and
    ``ValueError``/``TypeError`` for an unusable ``published``.
    """
    path = Path(path)
    _check_regular_file(path)
    text, encoding = decode_article_bytes(path.read_bytes(), str(path))
    return parse_article(text, name=str(path), encoding=encoding, published=published)


def _check_regular_file(path: Path) -> None:
    """Raise unless ``path`` is a regular file (following links), saying what it is instead."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        broken = " (a broken symbolic link)" if path.is_symlink() else ""
        raise FileNotFoundError(f"article file not found: {path}{broken}") from None
    except OSError as error:
        raise ArticleFormatError(str(path), f"cannot read the path: {error.strerror}") from None
    if not stat.S_ISREG(mode):
        kind = next(
            (name for test, name in _FILE_KINDS if test(mode)), "special file"
        )
        raise ArticleFormatError(str(path), f"the path is a {kind}, not an article file")


_FILE_KINDS = (
    (stat.S_ISDIR, "directory"),
    (stat.S_ISFIFO, "FIFO (named pipe)"),
    (stat.S_ISSOCK, "socket"),
    (stat.S_ISCHR, "character device"),
    (stat.S_ISBLK, "block device"),
)


def decode_article_bytes(data: bytes, name: str) -> tuple[str, str]:
    """Decode file bytes: UTF-16/32 by their byte-order mark, UTF-8 (BOM optional), else
    Windows-1252; return text and encoding. A NUL anywhere makes the file binary."""
    if not data:
        raise ArticleFormatError(name, "the file is empty")
    for mark, encoding in _BYTE_ORDER_MARKS:
        if data.startswith(mark):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as error:
                raise ArticleFormatError(
                    name, f"the file starts with a {encoding.upper()} byte-order mark but is not "
                    f"{encoding.upper()} text ({error.reason} at byte {error.start})"
                ) from None
            _check_text(text, name)
            return text.removeprefix("\ufeff"), encoding
    if b"\x00" in data:
        halves = (data[0:8192:2], data[1:8192:2])  # UTF-16 BE / LE: every other byte is 0
        zero_share = max(half.count(0) / max(len(half), 1) for half in halves)
        hint = " (it looks like UTF-16 without a byte-order mark)" if zero_share > 0.9 else ""
        raise ArticleFormatError(name, f"the file is binary, not text{hint}")
    sample = data[:8192]
    controls = sum(byte < 32 and byte not in b"\t\n\r\f" for byte in sample)
    if controls > _BINARY_CONTROL_SHARE * len(sample):
        raise ArticleFormatError(name, "the file is binary, not text")
    for encoding in ("utf-8-sig", FALLBACK_ENCODING):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return text, "utf-8" if encoding == "utf-8-sig" else encoding
    raise ArticleFormatError(name, f"the file is neither UTF-8 nor {FALLBACK_ENCODING} text")


def _check_text(text: str, name: str) -> None:
    """Raise when decoded ``text`` holds a NUL or too many control characters."""
    sample = text[:8192]
    controls = sum(char < " " and char not in "\t\n\r\f" for char in sample)
    if "\x00" in text or controls > _BINARY_CONTROL_SHARE * len(sample):
        raise ArticleFormatError(name, "the file is binary, not text")


def parse_article(
    text: str, name: str = "<text>", encoding: str = "utf-8", published: object = None
) -> Article:
    """Parse article ``text`` (see the module docstring for the expected shape).

    ``published`` as in :func:`load_article`; ``name`` may carry an ISO date (file name).
    """
    caller_date = coerce_published(published)
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    numbered_lines = [
        (number, line.rstrip())
        for number, line in enumerate(text.split("\n"), start=1)
        if line.strip()
    ]
    if not numbered_lines:
        raise ArticleFormatError(name, "the file contains no text")
    warnings: list[tuple[str, str]] = []
    dateline, line_date, title = _read_header(numbered_lines, warnings)
    if not numbered_lines:
        warnings.append(("no-body", "the article has no paragraphs after the title"))
    anchor, source = _choose_anchor(caller_date, line_date, name, warnings)
    document, tables = _build_paragraphs(numbered_lines)
    tables["warnings"] = columns_of_rows(WARNING_SPEC, warnings)
    return Article(
        name=name,
        title=title,
        dateline=dateline,
        published=anchor.timestamp if anchor else None,
        encoding=encoding,
        text=document.text,
        document=document,
        table_columns=tables,
        published_precision=anchor.precision if anchor else None,
        anchor_source=source,
    )


def _read_header(
    numbered_lines: list[tuple[int, str]], warnings: list[tuple[str, str]]
) -> tuple[str | None, DateReading | None, str]:
    """Take the date line and the title off ``numbered_lines``; return them (and the date).

    The date line is the first line, or the second after a short first line (the title); the
    title is the line next to it, or else the first line when it looks like one (a guess,
    recorded as a warning).
    """
    found = read_date_line(numbered_lines[0][1])
    position = 0
    if found is None and len(numbered_lines) > 1 and _is_short(numbered_lines[0][1]):
        found, position = read_date_line(numbered_lines[1][1]), 1
    if found is None:
        return None, None, _guess_title(numbered_lines, warnings)
    date_text, reading = found
    dateline = numbered_lines.pop(position)[1].strip()
    title = numbered_lines.pop(0)[1].strip() if numbered_lines else ""
    if not reading.readable:
        warnings.append(("dateline", f"unreadable dateline date {date_text!r}: {reading.problem}"))
        return dateline, None, title
    warnings += [("dateline", message) for message in reading.warnings]
    return dateline, reading, title


def _is_short(line: str) -> bool:
    return len(line.split()) <= _MAX_TITLE_WORDS


def _guess_title(numbered_lines: list[tuple[int, str]], warnings: list[tuple[str, str]]) -> str:
    """Without a date line: a short first line followed by a blank line, or not ending like a
    sentence, is the title (recorded as a guess in ``warnings``)."""
    first_number, first = numbered_lines[0]
    if not _is_short(first):
        return ""
    blank_after = len(numbered_lines) > 1 and numbered_lines[1][0] > first_number + 1
    if blank_after:
        reason = "a short line followed by a blank line"
    elif not _SENTENCE_END.search(first):
        reason = "a short line that does not end like a sentence"
    else:
        return ""
    numbered_lines.pop(0)
    warnings.append(("title", f"no date line: the first line was taken as the title ({reason})"))
    return first.strip()


def _choose_anchor(
    caller_date: DateReading | None,
    line_date: DateReading | None,
    name: str,
    warnings: list[tuple[str, str]],
) -> tuple[DateReading | None, str | None]:
    """The publication date and its source: the caller's, the date line's, the file name's."""
    if caller_date is not None:
        if line_date is not None and line_date.timestamp.date() != caller_date.timestamp.date():
            warnings.append(
                ("published", f"the given date {caller_date.timestamp.date().isoformat()} "
                 f"replaces the date line's {line_date.timestamp.date().isoformat()}")
            )
        warnings += [("published", message) for message in caller_date.warnings]
        return caller_date, "caller"
    if line_date is not None:
        return line_date, "dateline"
    file_date = date_in_file_name(name)
    if file_date is None:
        return None, None
    if not file_date.readable:
        warnings.append(("published", f"no date from the file name: {file_date.problem}"))
        return None, None
    return file_date, "file name"


def _build_paragraphs(numbered_lines: list[tuple[int, str]]) -> tuple[Document, dict[str, Columns]]:
    """Number paragraphs, flag verbatim repeats, repair glued words, split sentences.

    Returns the document of the analysed body and the paragraphs, sentences and repairs tables
    as column lists.
    """
    first_copy: dict[str, int] = {}
    evidence = GlueEvidence(
        "\n".join({" ".join(line.split()): line for _, line in numbered_lines}.values())
    )
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
        found = find_glued_words(raw, evidence)
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


def article_paragraphs(article: Article) -> Columns:
    """The columns of ``article.paragraphs``, as lists."""
    return article.table_columns["paragraphs"]


def article_sentences(article: Article) -> Columns:
    """The columns of ``article.sentences``, as lists."""
    return article.table_columns["sentences"]


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
