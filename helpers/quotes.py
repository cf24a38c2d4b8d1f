"""Quote attribution: who says what in a text, in quotation marks or as reported speech.

An *attribution* links a **content** (what is said, thought, intended or shown) to a **cue**
(the reporting verb, "according to", a noun or a colon) and a **speaker** (the noun phrase of
the source), as in PARC (the Penn Attribution Relations Corpus). The stages, one module each:

1. quotation marks paired into quotations (:mod:`helpers.quote_marks`);
2. cues, by the word classes of the shared document (:mod:`helpers.cues`), each of one kind:
   ``speech``, ``belief``, ``intention`` or ``evidence`` (the ``cue_type`` column);
3. where each cue's content lies, after it (``X said (that) ...``), before it (``..., X said
   on Tuesday.``) or around it (``The plan, he said, is dead.``), and its kind: ``direct``
   (only quotation), ``mixed`` (with a quoted fragment) or ``indirect``
   (:mod:`helpers.quote_content`);
4. the source span (:mod:`helpers.quote_sources`), resolved to an entity by
   :mod:`helpers.speakers`.

:mod:`helpers.attributions` puts them together. Frames inside a content become rows of their
own whose ``parent_id`` is the outer row (``"The delegation explained that ...," the statement
said``). Split quotes (``"A," she said. "B."``) are ONE row: ``content_spans`` lists the quoted
pieces and ``start``/``end``/``content`` cover the hull from the first piece to the last (so
the hull contains the cue). A quote running over paragraphs is one row with a piece per
paragraph. A paragraph of quotation without a cue of its own continues the previous
paragraph's direct speaker (``cue`` is null; ``speaker`` points at that earlier mention).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

import pandas as pd

from helpers.attributions import Attribution, find_attributions
from helpers.document import Document, as_document
from helpers.entities import LABEL_DTYPE, entity_mentions
from helpers.frames import INT, OBJECT, STRING, Columns, build_frame, columns_of_rows
from helpers.quote_lexicon import CUE_TYPES
from helpers.quote_marks import Quotation, find_quotations
from helpers.speakers import short_name, speaker_answers
from helpers.words import count_words

if TYPE_CHECKING:
    from helpers.article import Article

Span = tuple[int, int]

KINDS = ["direct", "indirect", "mixed"]
_KIND_DTYPE = pd.CategoricalDtype(KINDS)
_CUE_TYPE_DTYPE = pd.CategoricalDtype(list(CUE_TYPES))
QUOTE_SPEC = {
    "quote_id": INT,
    "parent_id": INT,
    "start": INT,
    "end": INT,
    "content": STRING,
    "content_spans": OBJECT,
    "kind": _KIND_DTYPE,
    "cue": STRING,
    "cue_start": INT,
    "cue_end": INT,
    "cue_type": _CUE_TYPE_DTYPE,
    "speaker": STRING,
    "speaker_start": INT,
    "speaker_end": INT,
}
ARTICLE_QUOTE_SPEC = {
    **QUOTE_SPEC,
    "sent_id": INT,
    "speaker_entity": STRING,
    "speaker_label": LABEL_DTYPE,
    "words": INT,
}
QUOTE_COLUMNS = list(QUOTE_SPEC)
ARTICLE_QUOTE_COLUMNS = list(ARTICLE_QUOTE_SPEC)


def extract_quotes(text: str | Document) -> pd.DataFrame:
    """Find every attribution in ``text`` (a string or a document); one row each, in text order
    (outer before inner).

    Columns: ``quote_id`` (0-based, row order), ``parent_id`` (``quote_id`` of the attribution
    whose content contains this one, else null), ``start``/``end``/``content`` (the content:
    for a direct quote the quoted words without the marks; for reported speech the reported
    clause; for a split quote the hull from the first piece to the last), ``content_spans``
    (list of ``(start, end)`` pieces actually quoted or reported), ``kind`` (category: direct,
    indirect, mixed), ``cue``/``cue_start``/``cue_end`` (the reporting words, null for a quote
    paragraph with no cue of its own), ``cue_type`` (category: speech, belief, intention,
    evidence; see :mod:`helpers.cues`: "according to" and the cues marked ``E`` in the lexicon
    are evidence when their source is a document or data, a colon or dash before a quotation
    and a quotation without a cue are speech), ``speaker``/``speaker_start``/``speaker_end`` (the
    speaker's noun phrase as written, null when none is found). Offsets index ``text``.
    """
    document = as_document(text)
    return build_frame(QUOTE_SPEC, _columns(document.text, attribution_rows(document)))


def attribution_rows(document: Document) -> list[Attribution]:
    """The attributions of ``document`` in table order; found once per document."""
    return document.memo("quotes", lambda: _ordered(find_attributions(document)))


def quotes(article: Article) -> pd.DataFrame:
    """Attributions of ``article.text`` with their sentence, resolved speaker and word count.

    Columns: those of :func:`extract_quotes`, plus ``sent_id`` (the sentence of
    ``article.sentences`` where the content starts), ``speaker_entity`` (the resolved speaker:
    see :func:`helpers.speakers.resolve_speakers`), ``speaker_label`` (the entity label of the
    resolved speaker, or null for a source that is not a named entity) and ``words`` (words of
    the content pieces, the project's word definition (:mod:`helpers.words`); the hull of a split quote counts
    only its quoted pieces).
    """
    return build_frame(ARTICLE_QUOTE_SPEC, quote_columns(article))


def quote_columns(article: Article) -> Columns:
    """The columns of :func:`quotes`, as lists."""
    document = as_document(article)
    text = document.text
    rows = attribution_rows(document)
    entities = [
        (m.start, m.end, m.label, m.refers_to or m.entity) for m in entity_mentions(document)
    ]
    speakers = [(index, row.parent, row.speaker) for index, row in enumerate(rows)]
    answers = speaker_answers(text, speakers, entities)
    return {
        **_columns(text, rows),
        "sent_id": (
            [document.sentence_index(row.spans[0][0]) + 1 for row in rows]
            if document.sentences
            else [None] * len(rows)
        ),
        "speaker_entity": [name for name, _ in answers],
        "speaker_label": [label for _, label in answers],
        "words": [sum(document.count_words(s, e) for s, e in row.spans) for row in rows],
    }


def _ordered(rows: list[Attribution]) -> list[Attribution]:
    """Rows by start, longer first, outer first; ``parent`` re-indexed to the new order."""
    order = sorted(
        range(len(rows)),
        key=lambda i: (rows[i].spans[0][0], -rows[i].spans[-1][1], _depth(rows, i)),
    )
    new_id = {old: new for new, old in enumerate(order)}
    ordered = [rows[i] for i in order]
    for row in ordered:
        row.parent = None if row.parent is None else new_id[row.parent]
    return ordered


def _columns(text: str, rows: list[Attribution]) -> Columns:
    """The columns of :func:`extract_quotes` for ``rows`` (already in table order)."""
    starts = [row.spans[0][0] for row in rows]
    ends = [row.spans[-1][1] for row in rows]
    cues = [row.cue for row in rows]
    speakers = [row.speaker for row in rows]
    return {
        "quote_id": list(range(len(rows))),
        "parent_id": [row.parent for row in rows],
        "start": starts,
        "end": ends,
        "content": [text[s:e] for s, e in zip(starts, ends, strict=True)],
        "content_spans": [list(row.spans) for row in rows],
        "kind": [row.kind for row in rows],
        "cue": _texts(cues, text),
        "cue_start": [None if cue is None else cue[0] for cue in cues],
        "cue_end": [None if cue is None else cue[1] for cue in cues],
        "cue_type": [row.cue_type for row in rows],
        "speaker": _texts(speakers, text),
        "speaker_start": [None if span is None else span[0] for span in speakers],
        "speaker_end": [None if span is None else span[1] for span in speakers],
    }


def _texts(spans: list[Span | None], text: str) -> list[str | None]:
    """The texts of ``spans`` (None for None)."""
    return [None if span is None else text[span[0] : span[1]] for span in spans]


def _depth(rows: list[Attribution], index: int) -> int:
    depth = 0
    while rows[index].parent is not None and depth <= len(rows):
        index = rows[index].parent  # type: ignore[assignment]
        depth += 1
    return depth


def find_quoted_spans(text: str | Document) -> list[Quotation]:
    """The quotations of ``text``: quotation marks paired (see :mod:`helpers.quote_marks`)."""
    return find_quotations(as_document(text))


# --- summaries for notebook 03 ---------------------------------------------------------------

VOICES = ["direct", "mixed", "indirect", "nested"]


def speaker_summary(table: pd.DataFrame) -> pd.DataFrame:
    """Attributions and words per resolved speaker, from :func:`quotes` output.

    Columns: ``speaker_entity``, ``speaker_label``, ``attributions``, ``direct``, ``mixed``,
    ``indirect`` (top-level rows of each kind), ``nested`` (rows reported inside another
    source's content), ``words_direct``, ``words_mixed``, ``words_indirect``, ``words_nested``,
    ``words`` (sum of the four). Rows without a speaker are grouped as "(no speaker)". Sorted
    by words (descending), then speaker. A top-level row's words include any nested rows'
    words; ``words_nested`` counts them again for the inner speaker.
    """
    voice = table["kind"].astype(str).where(table["parent_id"].isna(), "nested")
    data = pd.DataFrame(
        {
            "speaker_entity": table["speaker_entity"].fillna("(no speaker)").astype(str),
            "speaker_label": table["speaker_label"].astype(object),
            "voice": voice,
            "words": table["words"].astype(int),
        }
    )
    counts = pd.crosstab(data["speaker_entity"], data["voice"]).reindex(
        columns=VOICES, fill_value=0
    )
    words = data.pivot_table(
        index="speaker_entity", columns="voice", values="words", aggfunc="sum", fill_value=0
    ).reindex(columns=VOICES, fill_value=0)
    labels = data.groupby("speaker_entity")["speaker_label"].first()
    summary = pd.DataFrame(
        {
            "speaker_entity": pd.array(counts.index, dtype="string"),
            "speaker_label": pd.array(labels.reindex(counts.index).tolist(), dtype="string"),
            "attributions": pd.array(counts.sum(axis=1).tolist(), dtype="Int64"),
            **{kind: pd.array(counts[kind].tolist(), dtype="Int64") for kind in VOICES},
            **{f"words_{kind}": pd.array(words[kind].tolist(), dtype="Int64") for kind in VOICES},
        }
    )
    summary["words"] = summary[[f"words_{kind}" for kind in VOICES]].sum(axis=1).astype("Int64")
    return summary.sort_values(["words", "speaker_entity"], ascending=[False, True]).reset_index(
        drop=True
    )


def quoted_spans(text: str, table: pd.DataFrame) -> list[Span]:
    """Spans inside quotation marks that belong to an attribution (direct pieces and the
    quoted fragments of mixed contents), sorted and merged."""
    spans = [
        span for pieces in table.loc[table["kind"] == "direct", "content_spans"] for span in pieces
    ]
    quotations = find_quoted_spans(text)
    starts = [quotation.start for quotation in quotations]
    for row in table[table["kind"] == "mixed"].itertuples():
        first = bisect_left(starts, row.start - 1)
        for quotation in quotations[first : bisect_right(starts, row.end + 1)]:
            if quotation.end <= row.end + 1:
                spans.extend(quotation.pieces)
    return _merge(spans)


SOURCE_VOICES_SPEC = {
    "source": STRING,
    "speaker_entity": STRING,
    "attributions": INT,
    "reported_inside": INT,
    "quoted": INT,
    "reported": INT,
    "other_kinds": INT,
    "words": INT,
}


def source_voices(text: str, table: pd.DataFrame) -> pd.DataFrame:
    """The words each source speaks in the article, each word counted once, for the source the
    article quotes or reports directly (an attribution inside another's words counts for the
    outer source, and is counted in ``reported_inside``).

    Columns: ``source`` (a short name for display: "joint statement"), ``speaker_entity``,
    ``attributions`` (the source's own), ``reported_inside`` (attributions inside its words),
    ``quoted`` (its words inside quotation marks), ``reported`` (its words reported with a cue
    of speech, without quotation marks), ``other_kinds`` (reported with a cue of belief,
    intention or evidence: "agreed", "a poll shows"), ``words`` (the sum). Sorted by words, most
    first, then by first appearance; rows without a speaker are grouped as "(no speaker)".
    """
    quoted = quoted_spans(text, table)
    quoted_starts = [start for start, _ in quoted]
    top = table[table["parent_id"].isna()]
    inside = table["parent_id"].dropna().astype(int).value_counts()
    rows: dict[str, list] = {}
    for row in top.itertuples():
        entity = "(no speaker)" if pd.isna(row.speaker_entity) else str(row.speaker_entity)
        record = rows.setdefault(entity, [short_name(entity), entity, 0, 0, 0, 0, 0, row.start])
        record[2] += 1
        record[3] += int(inside.get(int(row.quote_id), 0))
        for start, end in row.content_spans:
            words = count_words(text[start:end])
            in_quotes = _words_inside(text, start, end, quoted, quoted_starts)
            record[4] += in_quotes
            record[5 if row.cue_type in (None, "speech") or pd.isna(row.cue_type) else 6] += (
                words - in_quotes
            )
    ordered = sorted(rows.values(), key=lambda r: (-(r[4] + r[5] + r[6]), r[7]))
    return build_frame(
        SOURCE_VOICES_SPEC,
        columns_of_rows(SOURCE_VOICES_SPEC, [(*r[:7], r[4] + r[5] + r[6]) for r in ordered]),
    )


def _words_inside(text: str, start: int, end: int, spans: list[Span], starts: list[int]) -> int:
    """Words of ``text[start:end]`` that lie in the sorted, disjoint ``spans``."""
    total = 0
    for low, high in spans[max(bisect_right(starts, start) - 1, 0) : bisect_left(starts, end)]:
        left, right = max(low, start), min(high, end)
        if left < right:
            total += count_words(text[left:right])
    return total


def quoted_share(text: str, table: pd.DataFrame) -> pd.DataFrame:
    """How much of ``text`` the attributions cover, in characters and words.

    One row per voice: ``in quotation marks`` (see :func:`quoted_spans`), ``reported speech``
    (indirect and mixed contents, without the quoted parts) and ``all attributed content``.
    Columns: ``voice``, ``chars``, ``chars_share``, ``words``, ``words_share`` (shares of the
    non-space characters and of the words of ``text``).
    """
    quoted = quoted_spans(text, table)
    reported = _merge(
        [
            span
            for pieces in table.loc[table["kind"] != "direct", "content_spans"]
            for span in pieces
        ]
    )
    everything = _merge([*quoted, *reported])
    reported_only = _subtract(reported, quoted)
    total_chars = len(text) - sum(ch.isspace() for ch in text)
    total_words = count_words(text)
    rows = []
    for voice, spans in [
        ("in quotation marks", quoted),
        ("reported speech", reported_only),
        ("all attributed content", everything),
    ]:
        chars = sum(e - s - sum(ch.isspace() for ch in text[s:e]) for s, e in spans)
        words = sum(count_words(text[s:e]) for s, e in spans)
        rows.append((voice, chars, chars / max(total_chars, 1), words, words / max(total_words, 1)))
    table_out = pd.DataFrame(
        rows, columns=["voice", "chars", "chars_share", "words", "words_share"]
    )
    return table_out.astype({"voice": "string", "chars": "Int64", "words": "Int64"})


def naming_by_voice(text: str, table: pd.DataFrame, entities: pd.DataFrame) -> pd.DataFrame:
    """Which names refer to each entity inside quotation marks and in the outlet's own words.

    ``entities`` is ``extract_entities(text)``; a metonym counts for what it stands for
    ("Pyongyang" → North Korea). A mention is *quoted* when it lies in :func:`quoted_spans`,
    else *narration* (reported speech is the outlet's wording). Columns: ``entity``,
    ``quoted_names``, ``narration_names`` (each "name ×count", most frequent first),
    ``quoted_mentions``, ``narration_mentions``, ``same_names`` (whether the two voices use the
    same set of names). Only entities mentioned in quotation marks; sorted by mentions, entity.
    """
    inside = quoted_spans(text, table)
    starts = [start for start, _ in inside]
    records: dict[str, dict[str, dict[str, int]]] = {}
    for mention in entities.itertuples(index=False):
        key = str(mention.entity if pd.isna(mention.refers_to) else mention.refers_to)
        index = bisect_right(starts, int(mention.start)) - 1
        quoted = index >= 0 and int(mention.end) <= inside[index][1]
        voice = records.setdefault(key, {"quoted": {}, "narration": {}})[
            "quoted" if quoted else "narration"
        ]
        voice[str(mention.text)] = voice.get(str(mention.text), 0) + 1
    rows = []
    for entity, voices in records.items():
        if not voices["quoted"]:
            continue
        rows.append(
            (
                entity,
                _names(voices["quoted"]),
                _names(voices["narration"]),
                sum(voices["quoted"].values()),
                sum(voices["narration"].values()),
                set(voices["quoted"]) == set(voices["narration"]),
            )
        )
    columns = [
        "entity",
        "quoted_names",
        "narration_names",
        "quoted_mentions",
        "narration_mentions",
        "same_names",
    ]
    result = pd.DataFrame(rows, columns=columns)
    result = result.astype(
        {
            "entity": "string",
            "quoted_names": "string",
            "narration_names": "string",
            "quoted_mentions": "Int64",
            "narration_mentions": "Int64",
            "same_names": bool,
        }
    )
    total = result["quoted_mentions"] + result["narration_mentions"]
    return (
        result.assign(_total=total)
        .sort_values(["_total", "entity"], ascending=[False, True])
        .drop(columns="_total")
        .reset_index(drop=True)
    )


def _names(counts: dict[str, int]) -> str:
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return ", ".join(f"{name} ×{count}" for name, count in ordered)


def _merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _subtract(spans: list[Span], holes: list[Span]) -> list[Span]:
    result: list[Span] = []
    for start, end in spans:
        position = start
        for hole_start, hole_end in holes:
            if hole_end <= position or hole_start >= end:
                continue
            if hole_start > position:
                result.append((position, hole_start))
            position = max(position, hole_end)
        if position < end:
            result.append((position, end))
    return result
