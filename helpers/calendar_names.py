"""Weekday and month names of English, read once from ``data/calendar.tsv``.

The one calendar lexicon of the package: every module that needs to recognise a month or a
weekday by name reads it here (the module is not called ``calendar`` so that it never shadows
the standard library's).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from helpers.data import read_text

_KINDS = ("month", "month_abbreviation", "weekday", "weekday_abbreviation")


@dataclass(frozen=True)
class CalendarNames:
    """Lower-case names and abbreviations with their ISO 8601 numbers."""

    #: Full month names in calendar order ("january" ... "december").
    month_names: tuple[str, ...]
    #: Month abbreviations, written without their period ("jan", "sept" ...).
    month_abbreviations: tuple[str, ...]
    #: Full weekday names from Monday ("monday" ... "sunday").
    weekday_names: tuple[str, ...]
    #: Weekday abbreviations, without their period ("mon", "tues" ...).
    weekday_abbreviations: tuple[str, ...]
    #: Every month name and abbreviation -> 1 (January) ... 12 (December).
    months: dict[str, int]
    #: Every weekday name and abbreviation -> 1 (Monday) ... 7 (Sunday).
    weekdays: dict[str, int]

    @property
    def all_names(self) -> frozenset[str]:
        """Every month and weekday name and abbreviation."""
        return frozenset(self.months) | frozenset(self.weekdays)


@cache
def calendar_names() -> CalendarNames:
    """The calendar lexicon (``data/calendar.tsv``), loaded once."""
    text = read_text("calendar.tsv")
    words: dict[str, list[tuple[str, int]]] = {kind: [] for kind in _KINDS}
    for line_number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        kind, word, number = line.split("\t")
        if kind not in words:
            raise ValueError(f"calendar.tsv line {line_number}: unknown kind {kind!r}")
        words[kind].append((word.strip().lower(), int(number)))
    months = dict(words["month"] + words["month_abbreviation"])
    weekdays = dict(words["weekday"] + words["weekday_abbreviation"])
    return CalendarNames(
        month_names=tuple(word for word, _ in words["month"]),
        month_abbreviations=tuple(word for word, _ in words["month_abbreviation"]),
        weekday_names=tuple(word for word, _ in words["weekday"]),
        weekday_abbreviations=tuple(word for word, _ in words["weekday_abbreviation"]),
        months=months,
        weekdays=weekdays,
    )
