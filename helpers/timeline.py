"""What happened when, according to an article: dated events, periods and a timeline chart.

:func:`timeline` turns the article's temporal expressions (see :mod:`helpers.timexes`,
resolved against the dateline) into one row per dated event with the calendar interval the
expression covers and a short description of the event taken from its sentence. Periods the
text states ("frozen ... since 1994" until something "last month", "from 1990 to 1995",
"between X and Y", "the past two years") become spans with both ends. The publication is a
row of its own.

:func:`chart_data` lays the rows out for :func:`plot_timeline`, which draws one bar per
event (its width is the granularity: a day, a month-long bar, a year-long bar, a span) on a
date axis that is broken into panels where the dates are far apart.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass

import pandas as pd
from dateutil.relativedelta import relativedelta

from helpers.document import Document, as_document
from helpers.frames import BOOL, DATE, INT, STRING, Columns, build_frame
from helpers.timex_reference import value_interval
from helpers.timexes import TIMEX_TYPE_DTYPE, anchor_date, iter_timexes

GRANULARITIES = [
    "time", "day", "weekend", "week", "month", "quarter", "season", "half", "year", "decade",
    "century", "period",
]
TIMELINE_SPEC = {
    "sent_id": INT,
    "expression": STRING,
    "value": STRING,
    "type": pd.CategoricalDtype(["PUBLICATION", "DATE", "TIME", "DURATION"]),
    "granularity": pd.CategoricalDtype(GRANULARITIES),
    "start_date": DATE,
    "end_date": DATE,
    "event": STRING,
    "kind": pd.CategoricalDtype(["publication", "point", "period"]),
    "start": INT,
    "end": INT,
}
TIMELINE_COLUMNS = list(TIMELINE_SPEC)
EVENT_MAX_WORDS = 12
PUBLICATION_EVENT = "last updated (dateline)"

_DURATION = re.compile(r"P(?P<n>\d+(?:\.\d+)?)(?P<unit>DE|CE|[YMWD])")
_PERIOD_PREFIX = re.compile(r"(?i)^(?:the\s+)?(?:past|last)\s")


# ---------------------------------------------------------------------------------------
# Event descriptions
# ---------------------------------------------------------------------------------------

_MARK = "\x00"
_PREPOSITION_BEFORE_MARK = re.compile(
    r"\b(?:on|in|at|during|since|by|until|till|from|for|of|as of|through|over|within|"
    r"throughout)\s+" + _MARK, re.I
)
_ATTRIBUTION = re.compile(
    r",\s*[\"”’']*\s*(?P<who>[^,\"“”]{1,80}?\s(?:said|says|announced|reported|told \w+|added|"
    r"stated|confirmed|noted|warned))(?P<rest>[^,\"“”]*)$"
)
_CLAUSE_BOUNDARY = re.compile(
    r"\s*[;:]\s+|,\s+|\s+[-–—]+\s+|\s+(?=(?:which|who|whom|whose|where|because|while|although|"
    r"though|since|before|after|until|when|whereas|unless)\s)"
)
_LEADING_CLUTTER = re.compile(
    r"^(?:(?:and|but|or|so|that|which|who|whom|whose|where|because|while|although|though|since|"
    r"before|after|until|when|whereas|unless|however|also|then|the)\s+)+", re.I
)
_INTRODUCTORY = re.compile(
    r"^(?:during|on|in|at|after|before|by|since|until|from|for|over|through|early|late|"
    r"earlier|later|last|next|this)\b", re.I
)
_ACRONYM = re.compile(
    r"(?:[A-Z][\w.'’-]*\s+(?:(?:of|and|for|the|on|de)\s+)?){1,8}?[A-Z][\w.-]*(?P<poss>['’]s)?"
    r"\s*\((?P<abbr>[A-Z]{2,})\)"
)
_PARENTHESES = re.compile(r"\s*\([^()]*\)")
_TRAILING_CLUTTER = re.compile(r"\s*(?:according to\b.*|,.*)$", re.I)
_AUXILIARY = re.compile(r"\b(?:had|has|have) been\s+", re.I)
_QUOTE_MARKS = re.compile(r"[\"“”‘’`]|(?<!\w)'|'(?!\w)")


def _clean(text: str, max_words: int) -> str:
    """Tidy a clause into a short event description, at most ``max_words`` words."""
    text = text.replace(_MARK, " ")
    if "(" in text:
        text = _ACRONYM.sub(lambda m: m["abbr"] + (m["poss"] or ""), text)
        text = _PARENTHESES.sub("", text)
    text = _QUOTE_MARKS.sub("", text)
    text = " ".join(text.split()).strip(" ,;:.")
    text = _LEADING_CLUTTER.sub("", text)
    text = _TRAILING_CLUTTER.sub("", text)
    words = text.split()
    if len(words) > max_words:
        return " ".join(words[:max_words]).rstrip(",;:") + " …"
    return " ".join(words)


def _segments(text: str) -> list[tuple[int, int]]:
    """Clause-like segments of ``text`` (commas, semicolons, relative and subordinating words)."""
    spans, start = [], 0
    for boundary in _CLAUSE_BOUNDARY.finditer(text):
        if boundary.start() > start:
            spans.append((start, boundary.start()))
        start = boundary.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _has_content(segment: str) -> bool:
    return len(_clean(segment, 99).split()) >= 2


def describe_event(sentence: str, start: int, end: int, max_words: int = EVENT_MAX_WORDS) -> str:
    """Short "subject verb object" description of what happened at ``sentence[start:end]``.

    A light heuristic: the clause containing the expression (with the expression and its
    preposition removed); an attribution ("..., the State Department said on Tuesday") gives
    the speaker and the start of what was said; an introductory phrase ("During talks on
    Monday, ...") gives the main clause after it; parentheses and "according to" are dropped.
    """
    marked = sentence[:start] + _MARK + sentence[end:]
    marked = _PREPOSITION_BEFORE_MARK.sub(_MARK, marked)
    body = marked.rstrip(" .!?\"'”’")
    attribution = _ATTRIBUTION.search(body)
    if attribution and _MARK in attribution.group(0):
        said = _clean(attribution["who"] + attribution["rest"], max_words)
        content = body[: attribution.start()]
        first = next((body[s:e] for s, e in _segments(content) if _has_content(body[s:e])), "")
        return _clean(f"{said} {_clean(first, max_words)}", max_words)
    segments = _segments(body)
    for index, (seg_start, seg_end) in enumerate(segments):
        if seg_start <= body.find(_MARK) < seg_end + 1:
            segment = body[seg_start:seg_end]
            is_intro = index == 0 and _INTRODUCTORY.match(segment) and len(segments) > 1
            if is_intro or not _has_content(segment):
                later = [body[s:e] for s, e in segments[index + 1 :] if _has_content(body[s:e])]
                if later:
                    return _clean(later[0], max_words)
            return _clean(segment, max_words)
    return _clean(body, max_words)


def _state_before(body: str, segments: list[tuple[int, int]], index: int, max_words: int) -> str:
    """Describe the state a "since" clause attaches to: the segment before it.

    A relative pronoun ("which had been frozen") is replaced by its antecedent, the last
    noun phrase of the segment before ("its nuclear facilities" -> "nuclear facilities").
    """
    if index == 0:
        return ""
    state = body[segments[index - 1][0] : segments[index - 1][1]]
    relative = re.match(r"\s*(?:which|that|who)\s+", state, re.I)
    if relative and index >= 2:
        before = body[segments[index - 2][0] : segments[index - 2][1]]
        tail = re.split(r"\b(?:from|of|in|on|to|with|at|by|for|into)\s+", before)[-1]
        antecedent = re.sub(r"^(?:its|their|his|her|the|a|an|our|this|these)\s+", "", tail.strip())
        state = antecedent + " " + state[relative.end() :]
    state = _AUXILIARY.sub("", state)
    return _clean(state, max_words)


# ---------------------------------------------------------------------------------------
# The timeline table
# ---------------------------------------------------------------------------------------

TIMEX_TABLE_SPEC = {
    "sent_id": INT, "expression": STRING, "type": TIMEX_TYPE_DTYPE, "value": STRING,
    "mod": STRING, "resolved": BOOL, "sentence": STRING,
}
TIMEX_TABLE_COLUMNS = list(TIMEX_TABLE_SPEC)
WASHINGTON_TZ = "America/New_York"


def timex_table(article: object) -> pd.DataFrame:
    """Every temporal expression of ``article`` with its value and its sentence.

    Columns: ``sent_id`` (Int64), ``expression``, ``type``, ``value``, ``mod``, ``resolved``
    (see :func:`helpers.timexes.extract_timexes`), ``sentence`` (string). Text order.
    """
    document = as_document(article)
    rows = iter_timexes(document, getattr(article, "published", None))
    text, sentences = document.text, document.sentences
    sent_ids: list[int | None] = []
    sentence_texts: list[str] = []
    for start, *_ in rows:
        index = _sentence_of(document, start)
        sent_ids.append(None if index is None else index + 1)
        sentence_texts.append("" if index is None else text[slice(*sentences[index])])
    return build_frame(TIMEX_TABLE_SPEC, {
        "sent_id": sent_ids,
        "expression": [text[row[0] : row[1]] for row in rows],
        "type": [row[2] for row in rows],
        "value": [row[3] for row in rows],
        "mod": [row[4] for row in rows],
        "resolved": [row[5] for row in rows],
        "sentence": sentence_texts,
    })


def _sentence_of(document: Document, offset: int) -> int | None:
    """Index of the sentence of ``document`` that contains ``offset``, or None."""
    if not document.sentences:
        return None
    index = document.sentence_index(offset)
    start, end = document.sentences[index]
    return index if start <= offset < end else None


def clock_comparison(published: pd.Timestamp | None) -> pd.DataFrame:
    """The dateline's Beijing day seen from Washington, and a Washington afternoon in Beijing.

    Columns: ``moment``, ``beijing``, ``washington`` (strings, local wall-clock times). Empty
    without a tz-aware publication timestamp.
    """
    columns = ["moment", "beijing", "washington"]
    if published is None or pd.isna(published) or published.tzinfo is None:
        return pd.DataFrame(columns=columns, dtype="string")
    beijing_day = published.normalize()
    tuesday_afternoon = (beijing_day.tz_convert(WASHINGTON_TZ).normalize()
                         + pd.Timedelta(hours=15))
    moments = [
        ("dateline day starts", beijing_day),
        ("dateline day ends", beijing_day + pd.Timedelta(hours=23, minutes=59)),
        ("3 p.m. in Washington, the day before", tuesday_afternoon),
    ]
    rows = [(name, f"{moment.tz_convert(published.tzinfo):%a %Y-%m-%d %H:%M}",
             f"{moment.tz_convert(WASHINGTON_TZ):%a %Y-%m-%d %H:%M}") for name, moment in moments]
    return pd.DataFrame(rows, columns=columns, dtype="string")



@dataclass
class _Timex:
    start: int
    end: int
    type: str
    value: str
    sent_id: int | None
    sentence: str
    sentence_start: int
    interval: tuple[str, dt.date, dt.date] | None


def timeline(article: object) -> pd.DataFrame:
    """One row per dated event of ``article`` (an :class:`helpers.article.Article`).

    Columns: ``sent_id`` (Int64, <NA> for the publication row), ``expression`` (the text, or
    "X – Y" for a period), ``value`` (TIMEX3 value; ``X/Y`` for a period), ``type``
    (DATE/TIME/DURATION, or PUBLICATION), ``granularity`` (category: day, week, month, ...,
    period), ``start_date``/``end_date`` (tz-naive datetime64, first and last calendar day
    covered), ``event`` (short description from the sentence), ``kind`` (category:
    publication, point, period), ``start``/``end`` (Int64 offsets of the expression in
    ``article.text``; for a period, from the first to the last expression). Sorted by
    ``start_date``, then ``sent_id``, then ``start``. Unresolved relative expressions (no
    dateline), PRESENT_REF/PAST_REF and durations without an anchor are left out.
    """
    return build_frame(TIMELINE_SPEC, timeline_columns(article))


def timeline_columns(article: object) -> Columns:
    """The columns of :func:`timeline`, as lists."""
    document = as_document(article)
    text = document.text
    published = anchor_date(getattr(article, "published", None))
    timexes = _locate(document, iter_timexes(document, published))
    rows: list[dict[str, object]] = []
    if published is not None:
        rows.append(_row(None, _dateline_text(article, published), published.isoformat(),
                         "PUBLICATION", "day", published, published, PUBLICATION_EVENT,
                         "publication", None, None))
    periods, endpoints = _periods(text, timexes, published)
    for timex in timexes:
        if timex.interval is None or timex.start in endpoints:
            continue
        granularity, first, last = timex.interval
        event = describe_event(timex.sentence, timex.start - timex.sentence_start,
                               timex.end - timex.sentence_start)
        rows.append(_row(timex.sent_id, text[timex.start : timex.end], timex.value, timex.type,
                         granularity, first, last, event, "point", timex.start, timex.end))
    return _columns(rows + periods)


def _dateline_text(article: object, published: dt.date) -> str:
    dateline = getattr(article, "dateline", None) or ""
    date_part = re.sub(r"^.*?\(Beijing Time\)\s*", "", dateline)
    return date_part or published.isoformat()


#: How much of a long sentence around an expression its event is read from (keeps the cost
#: per expression bounded on run-on text).
_CONTEXT_CHARS = 250


def _locate(document: Document, rows: list) -> list[_Timex]:
    """Attach each timex to its sentence (at most ``_CONTEXT_CHARS`` either side) and its
    calendar interval."""
    text = document.text
    located = []
    for start, end, timex_type, value, _mod, _resolved in rows:
        index = _sentence_of(document, start)
        s_start, s_end = (0, len(text)) if index is None else document.sentences[index]
        s_start, s_end = max(s_start, start - _CONTEXT_CHARS), min(s_end, end + _CONTEXT_CHARS)
        interval = value_interval(value) if timex_type in ("DATE", "TIME") else None
        located.append(_Timex(start, end, timex_type, value, None if index is None else index + 1,
                              text[s_start:s_end], s_start, interval))
    return located


def _row(sent_id: int | None, expression: str, value: str, timex_type: str, granularity: str,
         first: dt.date, last: dt.date, event: str, kind: str, start: int | None,
         end: int | None) -> dict[str, object]:
    return {"sent_id": sent_id, "expression": expression, "value": value, "type": timex_type,
            "granularity": granularity, "start_date": first, "end_date": last, "event": event,
            "kind": kind, "start": start, "end": end}


def _periods(text: str, timexes: list[_Timex], published: dt.date | None
             ) -> tuple[list[dict], set[int]]:
    """Spans stated in the text: "since X" (until a later event or publication), "from X to
    Y", "between X and Y", and "the past/last N units" (ending at publication).

    Also returns the start offsets of the "from X to Y" / "between X and Y" ends, which are
    shown as the span only, not as events of their own.
    """
    rows = []
    endpoints: set[int] = set()
    by_sentence: dict[int | None, list[_Timex]] = {}
    for timex in timexes:
        by_sentence.setdefault(timex.sent_id, []).append(timex)
    starts = {sent_id: [t.start for t in group] for sent_id, group in by_sentence.items()}
    for index, timex in enumerate(timexes):
        sentence, offset = timex.sentence, timex.sentence_start
        local_start = timex.start - offset
        if timex.type == "DURATION" and published and _PERIOD_PREFIX.match(text[timex.start:]):
            first = _duration_start(timex.value, published)
            if first:
                event = describe_event(sentence, local_start, timex.end - offset)
                rows.append(_row(timex.sent_id, text[timex.start : timex.end], timex.value,
                                 "DURATION", "period", first, published, event, "period",
                                 timex.start, timex.end))
            continue
        if timex.interval is None:
            continue
        following = timexes[index + 1] if index + 1 < len(timexes) else None
        between = text[timex.end : following.start] if following else ""
        before = sentence[:local_start]
        if following and following.interval and following.sent_id == timex.sent_id and \
                _RANGE_JOINT.fullmatch(between) and _RANGE_OPENER.search(before):
            marked = sentence[:local_start] + _MARK + sentence[following.end - offset :]
            event = describe_event(marked, local_start, local_start + 1)
            rows.append(_span_row(timex, following, timex.interval[1], following.interval[2],
                                  event))
            endpoints.update((timex.start, following.start))
            continue
        since = _since_clause(sentence, local_start)
        if since is not None:
            group, group_starts = by_sentence[timex.sent_id], starts[timex.sent_id]
            nearby = group[bisect_left(group_starts, offset) :
                           bisect_left(group_starts, offset + len(sentence))]
            rows += _since_rows(timex, nearby, since, published)
    return rows, endpoints


_RANGE_JOINT = re.compile(r"\s*(?:to|until|till|through|and|-|–)\s*")
_RANGE_OPENER = re.compile(r"\b(?:from|between)\s+$", re.I)


def _since_clause(sentence: str, local_start: int) -> tuple[str, list[tuple[int, int]], int] | None:
    """If the expression sits in a clause opened by "since", return (body, segments, index)."""
    body = sentence
    segments = _segments(body)
    for index, (seg_start, seg_end) in enumerate(segments):
        if seg_start <= local_start < seg_end:
            if re.match(r"since\b", body[seg_start:seg_end], re.I):
                return body, segments, index
            return None
    return None


def _since_rows(timex: _Timex, sentence_timexes: list[_Timex], since: tuple,
                published: dt.date | None) -> list[dict]:
    """A "since X" state lasts until a later dated event of its sentence (``sentence_timexes``:
    the expressions of the part of the sentence read), or publication.

    The event that ends it is one written before "since" ("DPRK last month removed seals ...
    which had been frozen ... since 1994"), or, when the state is a relative clause set off by
    commas, one in the main clause after it ("The reactor, which had been shut since 1994, was
    restarted last month").
    """
    body, segments, index = since
    state = _state_before(body, segments, index, EVENT_MAX_WORDS)
    if not state or timex.interval is None:
        return []
    later = [t for t in sentence_timexes if t is not timex and t.interval
             and t.interval[1] >= timex.interval[2]]
    earlier_written = [t for t in later if t.start < timex.start]
    if earlier_written:
        return [_span_row(timex, earlier_written[0], timex.interval[1],
                          earlier_written[0].interval[2], state)]
    if _relative_clause_closes(body, segments, index):
        main_clause = [t for t in later if t.start > timex.end]
        if main_clause:
            return [_span_row(timex, main_clause[0], timex.interval[1],
                              main_clause[0].interval[2], state)]
    if published and published >= timex.interval[1]:
        return [_row(timex.sent_id, f"since {timex_text(timex)}", f"{timex.value}/PRESENT_REF",
                     "DATE", "period", timex.interval[1], published, state, "period",
                     timex.start, timex.end)]
    return []


def _relative_clause_closes(body: str, segments: list[tuple[int, int]], index: int) -> bool:
    """Whether the "since" segment ends a relative clause set off by commas (", which had
    been shut since 1994, was restarted ...")."""
    if index == 0 or index + 1 >= len(segments):
        return False
    state = body[segments[index - 1][0] : segments[index - 1][1]]
    closing = body[segments[index][1] : segments[index + 1][0]]
    return bool(re.match(r"\s*(?:which|that|who)\s", state, re.I)) and closing.strip() == ","


def timex_text(timex: _Timex) -> str:
    return timex.sentence[timex.start - timex.sentence_start : timex.end - timex.sentence_start]


def _span_row(first: _Timex, second: _Timex, start_date: dt.date, end_date: dt.date,
              event: str) -> dict[str, object]:
    early, late = (first, second) if first.start < second.start else (second, first)
    if start_date > end_date:
        start_date, end_date = end_date, start_date
    return _row(first.sent_id, f"{timex_text(first)} – {timex_text(second)}",
                f"{first.value}/{second.value}", "DATE", "period", start_date, end_date, event,
                "period", early.start, late.end)


def _duration_start(value: str, end: dt.date) -> dt.date | None:
    match = _DURATION.fullmatch(value)
    if not match or "." in match["n"]:
        return None
    n = int(match["n"])
    step = {"Y": relativedelta(years=n), "M": relativedelta(months=n),
            "W": relativedelta(weeks=n), "D": relativedelta(days=n),
            "DE": relativedelta(years=10 * n), "CE": relativedelta(years=100 * n)}[match["unit"]]
    return end - step


def _columns(rows: list[dict[str, object]]) -> Columns:
    """The timeline's columns, sorted by start date, then sentence, then offset (nulls first)."""
    rows = sorted(rows, key=lambda row: (
        row["start_date"], row["sent_id"] is not None, row["sent_id"] or 0,
        row["start"] is not None, row["start"] or 0))
    return {name: [row[name] for row in rows] for name in TIMELINE_SPEC}


# ---------------------------------------------------------------------------------------
# The chart
# ---------------------------------------------------------------------------------------

CHART_COLUMNS = ["row", "label", "granularity", "kind", "start_date", "end_date", "panel"]
LABEL_MAX_CHARS = 60
_MIN_BREAK_DAYS = 90
_BREAK_SHARE = 0.25
_MAX_PANELS = 3


def chart_data(events: pd.DataFrame) -> pd.DataFrame:
    """What :func:`plot_timeline` draws: one row per timeline row, top to bottom.

    Columns: ``row`` (0 = top), ``label`` (event and expression, shortened), ``granularity``,
    ``kind``, ``start_date`` and ``end_date`` (the bar: from the first day to the day after
    the last), ``panel`` (0-based: the axis is broken between panels where there is a long
    gap between dated points, at most 3 panels).
    """
    if events is None or len(events) == 0:
        return pd.DataFrame({column: pd.Series(dtype=dtype) for column, dtype in zip(
            CHART_COLUMNS, ["Int64", "string", "category", "category", "datetime64[s]",
                            "datetime64[s]", "Int64"])})
    frame = events.reset_index(drop=True)
    labels = [_label(event, expression) for event, expression in
              zip(frame["event"], frame["expression"])]
    panels = _panels(frame)
    return pd.DataFrame({
        "row": pd.array(range(len(frame)), dtype="Int64"),
        "label": pd.array(labels, dtype="string"),
        "granularity": frame["granularity"],
        "kind": frame["kind"],
        "start_date": frame["start_date"],
        "end_date": frame["end_date"] + pd.Timedelta(days=1),
        "panel": pd.array(panels, dtype="Int64"),
    }, columns=CHART_COLUMNS)


def _label(event: object, expression: object) -> str:
    event_text = "" if pd.isna(event) else str(event)
    expression_text = " ".join(("" if pd.isna(expression) else str(expression)).split())
    room = LABEL_MAX_CHARS - len(expression_text) - 3
    if len(event_text) > room:
        event_text = event_text[: max(room - 1, 10)].rstrip(" …") + "…"
    return f"{event_text} ({expression_text})" if expression_text else event_text


def _panels(frame: pd.DataFrame) -> list[int]:
    """Panel of each row: points are clustered where the gaps between them are long."""
    points = frame[frame["kind"] != "period"].sort_values("start_date")
    if points.empty:
        points = frame.sort_values("start_date")
    starts = list(points["start_date"])
    ends = list(points["end_date"])
    total = (max(ends) - min(starts)).days or 1
    gaps: list[tuple[int, pd.Timestamp]] = []
    reach = ends[0]
    for start, end in zip(starts[1:], ends[1:]):
        gap = (start - reach).days
        if gap > _MIN_BREAK_DAYS and gap > _BREAK_SHARE * total:
            gaps.append((gap, start))
        reach = max(reach, end)
    breaks = sorted(start for _, start in sorted(gaps, reverse=True)[: _MAX_PANELS - 1])
    return [sum(start >= b for b in breaks) for start in frame["start_date"]]
