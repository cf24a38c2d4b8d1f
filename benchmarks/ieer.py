"""Reader of NLTK's IE-ER corpus (``nltk_data/corpora/ieer``), shared by the benchmarks.

Every ``<DOC>`` becomes a :class:`Story`: its ``<HEADLINE>`` and ``<TEXT>`` with the SGML tags
removed, joined by a blank line, and the ``<b_enamex>``/``<b_timex>``/``<b_numex>`` annotations
kept as :class:`Span` offsets into that text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

_DOC = re.compile(r"<DOC>(.*?)</DOC>", re.DOTALL)
_DOCNO = re.compile(r"<DOCNO>\s*(\S+)")
_DATE_TIME = re.compile(r"<DATE_TIME>\s*(\d\d)/(\d\d)/(\d{4})")
_SECTIONS = (
    re.compile(r"<HEADLINE>(.*?)</HEADLINE>", re.DOTALL),
    re.compile(r"<TEXT>(.*?)</TEXT>", re.DOTALL),
)
_TAG = re.compile(r"<([be])_(enamex|timex|numex)([^>]*)>|<[^>]*>")
_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class Span:
    """Gold ``<b_{kind} type="{type}">`` over ``text[start:end]``, kind enamex, timex or numex.

    ``optional`` marks ``status="opt"``: the MUC scorer counts it neither missed nor spurious.
    """

    start: int
    end: int
    kind: str
    type: str
    optional: bool


@dataclass(frozen=True)
class Story:
    """One ``<DOC>``: its ``<DATE_TIME>`` date, its ``<HEADLINE>`` and ``<TEXT>`` without tags
    (None if missing), and ``text``, the two joined by a blank line, with its gold spans."""

    docno: str
    date: dt.date | None
    headline: str | None
    body: str | None
    text: str
    spans: list[Span]


def _strip_tags(markup: str, offset: int) -> tuple[str, list[Span]]:
    """``markup`` without tags, and its annotations as spans shifted by ``offset``."""
    pieces: list[str] = []
    spans: list[Span] = []
    opened: dict[str, tuple[int, str, bool]] = {}
    length = cursor = 0
    for tag in _TAG.finditer(markup):
        pieces.append(markup[cursor : tag.start()])
        length += tag.start() - cursor
        cursor = tag.end()
        edge, kind = tag.group(1, 2)
        if edge == "b":
            attributes = dict(_ATTRIBUTE.findall(tag[3]))
            opened[kind] = (length, attributes.get("type", ""), attributes.get("status") == "opt")
        elif edge == "e" and kind in opened:
            start, type_, optional = opened.pop(kind)
            spans.append(Span(offset + start, offset + length, kind, type_, optional))
    pieces.append(markup[cursor:])
    return "".join(pieces), spans


def read_stories(corpus_dir: Path, *, trim: bool = False) -> list[Story]:
    """Every ``<DOC>`` of the files of ``corpus_dir`` (by file name; README has none), in order.

    ``trim`` strips the newlines that open and close each section before anything else.
    """
    stories: list[Story] = []
    for path in sorted(p for p in corpus_dir.iterdir() if p.is_file()):
        for doc in _DOC.finditer(path.read_text("utf-8", errors="replace")):
            markup = doc[1]
            docno, date = _DOCNO.search(markup), _DATE_TIME.search(markup)
            sections: list[str | None] = []
            spans: list[Span] = []
            text = ""
            for pattern in _SECTIONS:
                section = pattern.search(markup)
                if section is None:
                    sections.append(None)
                    continue
                if text:
                    text += "\n\n"
                plain, found = _strip_tags(
                    section[1].strip("\n") if trim else section[1], len(text)
                )
                sections.append(plain)
                text += plain
                spans += found
            stories.append(
                Story(
                    docno=docno[1] if docno else f"{path.name}#{len(stories)}",
                    date=dt.date(int(date[3]), int(date[1]), int(date[2])) if date else None,
                    headline=sections[0],
                    body=sections[1],
                    text=text,
                    spans=spans,
                )
            )
    return stories
