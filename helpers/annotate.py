"""The article itself, annotated: quotes, reported speech, speakers, names and dates marked inline.

:func:`annotated_article` returns it as HTML that Jupyter displays.
The markup uses only plain elements that survive GitHub's notebook sanitiser and JupyterLab's
(no scripts, no stylesheets, no ``style`` or ``class`` attributes; see :data:`ALLOWED_TAGS`):

- ``<mark>`` a direct quote (the words inside quotation marks);
- ``<ins>`` reported speech (what a source is said to have said, without quotation marks);
- ``<b>`` a speaker, and ``<sup>n</sup>`` after the speaker and after each piece of what they
  say, so the two can be matched (n is the attribution's ``quote_id`` + 1);
- a named entity followed by ``<sub>`` its kind in plain words (and the entity it was counted
  under, when that differs from the words written: "DPRK<sub>country: North Korea</sub>");
- ``<kbd>`` a date or time, followed by ``<sub>`` its calendar value.

Overlapping marks are closed and reopened so the HTML always nests.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import pandas as pd

from helpers.display import HtmlOutput
from helpers.document import as_document
from helpers.entities import entity_kind, extract_entities
from helpers.quotes import quotes
from helpers.timexes import extract_timexes

#: Elements the markup may use: all are on GitHub's sanitiser allow-list (html-pipeline's
#: ``SanitizationFilter``), which drops ``style``, ``class`` and every script.
ALLOWED_TAGS = frozenset({"p", "mark", "ins", "b", "sup", "sub", "kbd", "ul", "li"})
LEGEND = (
    "<ul>"
    "<li><mark>direct quote</mark> · <ins>reported speech</ins> · "
    "<b>speaker</b><sup>n</sup> (the number matches a speaker with what they say)</li>"
    "<li>name<sub>its kind</sub> (and the entity it is counted as, when written differently) · "
    "<kbd>date</kbd><sub>calendar value</sub></li>"
    "</ul>"
)


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    tag: str
    rank: int  # outer marks first when two start together


def annotated_article(article: object, legend: bool = True) -> HtmlOutput:
    """The analysed body of ``article`` (an :class:`helpers.article.Article`), one ``<p>`` per
    paragraph, with its attributions, entities and dates marked (see the module docstring)."""
    document = as_document(article)
    text = document.text
    marks: list[_Mark] = []
    notes: dict[int, list[tuple[int, str]]] = {}  # offset -> (0, html note) or (1, number)
    attributions = quotes(article)  # type: ignore[arg-type]
    for row in attributions.itertuples(index=False):
        number = str(int(row.quote_id) + 1)
        tag = "mark" if row.kind == "direct" else "ins"
        for start, end in row.content_spans:
            marks.append(_Mark(start, end, tag, 0))
            notes.setdefault(end, []).append((1, number))
        if not pd.isna(row.speaker_start):
            marks.append(_Mark(int(row.speaker_start), int(row.speaker_end), "b", 1))
            notes.setdefault(int(row.speaker_end), []).append((1, number))
    for row in extract_entities(document).itertuples(index=False):
        note = f"<sub>{html.escape(_entity_note(row))}</sub>"
        notes.setdefault(int(row.end), []).append((0, note))
    anchor = getattr(article, "published", None)
    for row in extract_timexes(document, anchor).itertuples(index=False):
        marks.append(_Mark(int(row.start), int(row.end), "kbd", 2))
        if row.value != row.text:
            note = f"<sub>{html.escape(str(row.value))}</sub>"
            notes.setdefault(int(row.end), []).append((0, note))
    marks = list(dict.fromkeys(marks))
    body = "".join(
        f"<p>{_render(text, start, end, marks, notes)}</p>" for start, end in document.paragraphs
    )
    markup = (LEGEND if legend else "") + body
    return HtmlOutput(markup, document.text)


def _entity_note(row: object) -> str:
    """Kind in plain words, and the entity counted when the text names it otherwise."""
    written = " ".join(str(row.text).split())  # type: ignore[attr-defined]
    if not pd.isna(row.refers_to):  # type: ignore[attr-defined]
        return f"capital, standing for {row.refers_to}"  # type: ignore[attr-defined]
    kind = entity_kind(str(row.label), str(row.entity))  # type: ignore[attr-defined]
    return kind if row.entity == written else f"{kind}: {row.entity}"  # type: ignore[attr-defined]


def _render(
    text: str, start: int, end: int, marks: list[_Mark], notes: dict[int, list[tuple[int, str]]]
) -> str:
    """``text[start:end]`` as HTML with ``marks`` nested and ``notes`` placed after offsets."""
    inside = sorted(
        (m for m in marks if m.start < end and m.end > start),
        key=lambda m: (m.start, -m.end, m.rank),
    )
    boundaries = sorted(
        {start, end}
        | {max(m.start, start) for m in inside}
        | {min(m.end, end) for m in inside}
        | {offset for offset in notes if start < offset <= end}
    )
    parts: list[str] = []
    for left, right in zip(boundaries, boundaries[1:]):
        active = [m for m in inside if m.start <= left and m.end >= right]
        parts.append("".join(f"<{m.tag}>" for m in active))
        parts.append(html.escape(text[left:right], quote=False))
        parts.append("".join(f"</{m.tag}>" for m in reversed(active)))
        here = notes.get(right, [])
        parts.extend(note for order, note in here if order == 0)
        numbers = [note for order, note in here if order == 1]
        if numbers:
            parts.append(f"<sup>{', '.join(numbers)}</sup>")
    return "".join(parts)
