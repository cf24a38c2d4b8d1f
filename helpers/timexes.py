"""Temporal expressions (TIMEX3) in any text, normalised against an anchor date.

The work is done in stages, one module each:

1. :mod:`helpers.timex_candidates` finds where expressions are: one compiled pattern, tried
   only where a head word and the words before it make one possible. Extents follow
   TimeML/TempEval-3 ("on Tuesday" -> "Tuesday"; "the past two years", "about a month ago").
2. :mod:`helpers.timex_values` gives each one its TimeML TIMEX3 ``type`` (DATE, TIME,
   DURATION, SET), ``value`` and ``mod``.
3. :mod:`helpers.timex_reference` follows the story's *reference time* as the text is read:
   an explicit year moves it ("In 1958 ... On May 24" -> 1958-05-24), the present tense,
   "now" or a deictic expression bring it back to the dateline.
4. :mod:`helpers.timex_tense` reads the tense of the verb that governs an expression from the
   document's Penn Treebank tags: "will be signed on Friday" and "The hearing begins Monday"
   are the next ones, "said on Tuesday" and "closed since March" the last ones.

``anchor`` is the publication date. Without one, expressions that depend on it keep ``X``
placeholders (``XXXX-WXX-2``) and ``resolved`` is False; values beyond year 9999 are
unresolved too.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

import pandas as pd

from helpers.document import Document, as_document
from helpers.frames import BOOL, INT, STRING, Columns, build_frame
from helpers.timex_candidates import (
    candidate_starts,
    lower_keeping_offsets,
    match_kind,
    timex_pattern,
)
from helpers.timex_reference import (
    GRANULARITY_ORDER,
    Interval,
    Narrative,
    Reference,
    value_interval,
)
from helpers.timex_tense import TenseReader
from helpers.timex_values import (
    DATELINE,
    HANDLERS,
    MOD_KINDS,
    Context,
    Reading,
    timex_mod,
)

TIMEX_TYPES = ["DATE", "TIME", "DURATION", "SET"]
TIMEX_TYPE_DTYPE = pd.CategoricalDtype(TIMEX_TYPES)
TIMEX_SPEC = {
    "start": INT,
    "end": INT,
    "text": STRING,
    "type": TIMEX_TYPE_DTYPE,
    "value": STRING,
    "mod": STRING,
    "resolved": BOOL,
}
TIMEX_COLUMNS = list(TIMEX_SPEC)

_Row = tuple[int, int, str, str, str | None, bool]
_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")
_SENTENCE_END = re.compile(r"[.!?]\s")
_CALENDAR_TYPES = ("DATE", "TIME")


def anchor_date(anchor: object) -> dt.date | None:
    """Return the calendar date of ``anchor`` (a date, datetime, Timestamp or ISO string).

    A tz-aware timestamp gives its local date (a Beijing-time dateline gives the Beijing
    date). ISO dates of any year from 0001 to 9999 are read as written. Anything unusable
    (None, NaT, garbage) gives None.
    """
    try:
        if anchor is None or anchor is pd.NaT:
            return None
        if isinstance(anchor, pd.Timestamp):
            return None if pd.isna(anchor) else anchor.date()
        if isinstance(anchor, dt.datetime):
            return anchor.date()
        if isinstance(anchor, dt.date):
            return anchor
        if isinstance(anchor, str):
            return _iso_date(anchor.strip())
    except (ValueError, TypeError, OverflowError):
        return None
    return None


def _iso_date(text: str) -> dt.date | None:
    try:
        return dt.datetime.fromisoformat(text).date()
    except ValueError:
        stamp = pd.Timestamp(text)
        return None if pd.isna(stamp) else stamp.date()


def iter_timexes(text: str | Document, anchor: object = None,
                 track_reference: bool = True) -> list[_Row]:
    """Return ``(start, end, type, value, mod, resolved)`` for every expression in ``text``.

    Found once per document and anchor day. ``track_reference=False`` resolves every
    expression as if the whole text were about the present (for measuring what reference-time
    tracking does; see ``benchmarks/timex_narratives.py``).
    """
    document = as_document(text)
    day = anchor_date(anchor)
    return document.memo(("timexes", day, track_reference),
                         lambda: _find_timexes(document, day, track_reference))


def _find_timexes(document: Document, day: dt.date | None, track_reference: bool) -> list[_Row]:
    text = document.text
    if not text:
        return []
    pattern = timex_pattern()
    tense = TenseReader(document)
    narrative = Narrative(day, tense.sentence_starts, tense.sentence_tense, track_reference)
    antecedent: Reference | None = None
    found: list[_Row] = []
    covered = 0
    lowered = lower_keeping_offsets(text)
    cased = lowered != text
    for position in candidate_starts(lowered):
        if position < covered:
            continue
        match = pattern.match(lowered, position)
        kind = match_kind(match) if match else None
        if kind is None:
            continue
        start = match.start() if kind in MOD_KINDS else match.start(kind)
        context = Context(match, text, cased, day, narrative, antecedent, tense)
        reading = _read(kind, context)
        if reading is None:
            continue
        value = reading.value
        if kind == "time":
            value = _date_clock_time(text, found, start, value)
        resolved = reading.resolved and not (reading.anchor == DATELINE and day is None)
        mod = timex_mod(match, kind, text[start : match.end()])
        found.append((start, match.end(), reading.type, value, mod, resolved))
        covered = match.end()
        if resolved and reading.type in _CALENDAR_TYPES:
            interval = value_interval(value)
            narrative.move(reading.effect, interval, start, reading.confirm)
            antecedent = _mentioned(interval, antecedent)
        elif resolved:
            narrative.move(reading.effect, None, start)
    return found


def _read(kind: str, context: Context) -> Reading | None:
    """The handler's reading; a value beyond the calendar (after 9999) is unresolved."""
    try:
        return HANDLERS[kind](context)
    except (OverflowError, ValueError):
        reading = HANDLERS[kind](replace(context, dateline=None, narrative=None, antecedent=None))
        if reading is None:
            return None
        return Reading(reading.type, reading.value, reading.anchor, None, resolved=False)


def _mentioned(interval: Interval | None, antecedent: Reference | None) -> Reference | None:
    """The antecedent of "the next day", "that year"... after an expression with ``value``:
    the date it covers, unless that is only a longer stretch around the antecedent ("On May
    26 ... That month ... the following week": the week after May 26)."""
    if interval is None or interval[0] in ("decade", "century"):
        return antecedent
    if antecedent is not None and interval[1] <= antecedent.day <= interval[2] and \
            _finer(antecedent.granularity, interval[0]):
        return antecedent
    return Reference(interval[1], "day" if interval[0] == "time" else interval[0], False)


def _finer(first: str, second: str) -> bool:
    return GRANULARITY_ORDER.index(first) < GRANULARITY_ORDER.index(second)


def _date_clock_time(text: str, found: list[_Row], start: int, value: str) -> str:
    """Give a clock time the day of a day-level date just before it in the same sentence."""
    if not found:
        return value
    previous = found[-1]
    between = text[previous[1] : start]
    same_sentence = len(between) < 40 and not _SENTENCE_END.search(between)
    if _DAY_VALUE.fullmatch(previous[3]) and same_sentence:
        return previous[3] + value[value.index("T") :]
    return value


def extract_timexes(text: str | Document, anchor: object = None) -> pd.DataFrame:
    """Find every temporal expression in ``text`` (a string or a document) and normalise it
    against ``anchor``.

    ``anchor`` is the publication date (date, datetime, tz-aware Timestamp or ISO string; a
    tz-aware one is read in its own timezone) or None. Columns, one row per expression in
    text order: ``start``, ``end`` (Int64, ``text[start:end] == text``), ``text`` (string),
    ``type`` (category: DATE, TIME, DURATION, SET), ``value`` (string, TimeML TIMEX3 value such
    as ``2003-01-07``, ``2002-12``, ``2003-W02``, ``199``, ``P3D``, ``PRESENT_REF``,
    ``XXXX-WXX-2``),
    ``mod`` (string or <NA>: TimeML START/MID/END/APPROX/MORE_THAN...), ``resolved`` (bool:
    False when the value depends on an anchor that was not given).
    """
    return build_frame(TIMEX_SPEC, timex_columns(text, anchor))


def article_timexes(article: object) -> Columns:
    """The columns of :func:`extract_timexes` for an article, anchored on its publication date."""
    return timex_columns(as_document(article), getattr(article, "published", None))


def timex_columns(text: str | Document, anchor: object = None) -> Columns:
    """The columns of :func:`extract_timexes`, as lists."""
    rows = iter_timexes(text, anchor)
    text = as_document(text).text
    return {
        "start": [r[0] for r in rows],
        "end": [r[1] for r in rows],
        "text": [text[r[0] : r[1]] for r in rows],
        "type": [r[2] for r in rows],
        "value": [r[3] for r in rows],
        "mod": [r[4] for r in rows],
        "resolved": [r[5] for r in rows],
    }
