"""Load a news article file into an :class:`Article`: title, dateline, paragraphs, sentences.

File shape: an optional ``Last updated at: (Beijing Time) <date>`` line, a title line, then one
paragraph per line (blank lines are ignored). Paragraphs repeated verbatim are kept as rows of
``Article.paragraphs`` (flagged, pointing at the first copy) but analysed once; glued words are
repaired (see :mod:`helpers.repairs`). ``Article.text`` is the analysed body, and every offset
in every table of this package indexes it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from dateutil import parser as date_parser

from helpers.errors import ArticleFormatError
from helpers.repairs import apply_repairs, find_glued_words
from helpers.sentences import sentence_spans
from helpers.words import word_spans

PUBLICATION_TZ = "Asia/Shanghai"
PARAGRAPH_SEPARATOR = "\n\n"
#: Tried in order when the bytes are not UTF-8; recorded in ``Article.encoding``.
FALLBACK_ENCODING = "cp1252"
_DATELINE = re.compile(r"^\s*Last updated at:\s*\(Beijing Time\)\s*(?P<date>.*?)\s*$", re.I)
_SENTENCE_END = re.compile(r"[.?!:;][\"'”’)]*$")
_MAX_TITLE_WORDS = 25
_BINARY_CONTROL_SHARE = 0.1


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
    """

    name: str
    title: str
    dateline: str | None
    published: pd.Timestamp | None
    encoding: str
    text: str
    paragraphs: pd.DataFrame
    sentences: pd.DataFrame
    repairs: pd.DataFrame
    warnings: pd.DataFrame


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
    paragraphs, repairs, body = _build_paragraphs(numbered_lines)
    sentences = _build_sentences(paragraphs, body)
    counts = sentences.groupby("para_id")["sent_id"].count()
    words = sentences.groupby("para_id")["n_words"].sum()
    paragraphs["n_sentences"] = paragraphs["para_id"].map(counts).astype("Int64")
    paragraphs["n_words"] = paragraphs["para_id"].map(words).astype("Int64")
    return Article(
        name=name,
        title=title,
        dateline=dateline,
        published=published,
        encoding=encoding,
        text=body,
        paragraphs=paragraphs,
        sentences=sentences,
        repairs=repairs,
        warnings=pd.DataFrame(warnings, columns=["kind", "message"], dtype="string"),
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


def _build_paragraphs(
    numbered_lines: list[tuple[int, str]],
) -> tuple[pd.DataFrame, pd.DataFrame, str]:
    """Number paragraphs, flag verbatim repeats, repair glued words, and join the body."""
    first_copy: dict[str, int] = {}
    rows, repair_rows, body_parts = [], [], []
    cursor = 0
    for para_id, (line_no, raw) in enumerate(numbered_lines, start=1):
        raw = raw.strip()
        key = " ".join(raw.split())
        original = first_copy.setdefault(key, para_id)
        if original != para_id:
            rows.append((para_id, line_no, raw, raw, True, original, None, None))
            continue
        repairs = find_glued_words(raw)
        repaired = apply_repairs(raw, repairs)
        repair_rows += [(para_id, r.start, r.end, r.original, r.repaired, r.rule) for r in repairs]
        if body_parts:
            cursor += len(PARAGRAPH_SEPARATOR)
        rows.append((para_id, line_no, raw, repaired, False, None, cursor, cursor + len(repaired)))
        body_parts.append(repaired)
        cursor += len(repaired)
    paragraphs = pd.DataFrame(
        rows,
        columns=[
            "para_id", "line", "raw_text", "text", "is_duplicate", "duplicate_of", "start", "end",
        ],
    )
    repairs = pd.DataFrame(
        repair_rows, columns=["para_id", "start", "end", "original", "repaired", "rule"]
    )
    return (
        paragraphs.astype(
            {
                "para_id": "Int64", "line": "Int64", "raw_text": "string", "text": "string",
                "is_duplicate": "bool", "duplicate_of": "Int64", "start": "Int64", "end": "Int64",
            }
        ),
        repairs.astype(
            {
                "para_id": "Int64", "start": "Int64", "end": "Int64", "original": "string",
                "repaired": "string", "rule": "category",
            }
        ),
        PARAGRAPH_SEPARATOR.join(body_parts),
    )


def _build_sentences(paragraphs: pd.DataFrame, body: str) -> pd.DataFrame:
    """Split every analysed paragraph into sentences with offsets into ``body``."""
    rows = []
    unique = paragraphs[~paragraphs["is_duplicate"]]
    for para_id, start, end in zip(unique["para_id"], unique["start"], unique["end"]):
        paragraph = body[start:end]
        word_starts = [s for s, _ in word_spans(paragraph)]
        for s, e in sentence_spans(paragraph):
            n_words = bisect_left(word_starts, e) - bisect_left(word_starts, s)
            rows.append((para_id, start + s, start + e, paragraph[s:e], n_words))
    sentences = pd.DataFrame(rows, columns=["para_id", "start", "end", "text", "n_words"])
    sentences.insert(0, "sent_id", range(1, len(sentences) + 1))
    sentences["n_chars"] = sentences["text"].str.len()
    return sentences.astype(
        {
            "sent_id": "Int64", "para_id": "Int64", "start": "Int64", "end": "Int64",
            "text": "string", "n_words": "Int64", "n_chars": "Int64",
        }
    )


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
