"""The reference time of a narrative: the date that year-less and relative expressions follow.

News and history writing move the time of the story away from the dateline and back
(TimeML/TempEval's *reference time*, after Reichenbach): "In 1958 the army took power. On May
24 it dissolved parliament. The next year, elections were held." - "May 24" is 1958-05-24 and
"the next year" 1959, not the dateline's year. :class:`Narrative` follows the text in order:

- an explicit date that is an adverbial of its clause ("In 1958", "On May 24, 1958", "in
  October 1994") moves the reference time to itself; so does an expression resolved against the
  reference time ("May 24", "the next year", "two days later", "that month"), which is how the
  story moves on;
- an expression about the present (deictic: "last month", "on Tuesday", "today", "this week",
  "two years ago", "now") resolves against the dateline and brings the reference time back to
  the present;
- a sentence whose first finite verb is in the present or the future (present perfect
  included: "has been closed") is about the present: the reference time returns to the
  dateline at its start.

With the reference time at the present, year-less dates follow the news conventions of
:mod:`helpers.timex_values` (the tense of the governing verb decides between the last and the
next one). :func:`value_interval` reads the calendar interval of a TIMEX3 value.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

#: Granularities of calendar values, finest first.
GRANULARITY_ORDER = ("time", "day", "weekend", "week", "month", "quarter", "season", "half",
                     "year", "decade", "century")
#: Granularities fine enough to be a story's reference time.
REFERENCE_GRANULARITIES = frozenset(
    {"time", "day", "weekend", "week", "month", "quarter", "season", "half", "year"}
)
#: What an expression does to the reference time (see :meth:`Narrative.move`).
MOVE_HERE = "here"
FOLLOW = "follow"
RETURN_TO_PRESENT = "present"
_SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_VALUE = re.compile(
    r"(?P<year>\d{4})(?:-(?:(?P<month>\d\d)(?:-(?P<day>\d\d))?|W(?P<week>\d\d)(?P<we>-WE)?|"
    r"Q(?P<quarter>[1-4])|H(?P<half>[12])|(?P<season>SP|SU|FA|WI)))?(?P<time>T.*)?"
    r"|(?P<decade>\d{3})|(?P<century>\d{2})"
)


Interval = tuple[str, dt.date, dt.date]
"""Granularity, first and last day of a calendar value."""


def value_interval(value: str) -> Interval | None:
    """Granularity and first/last calendar day covered by a TIMEX3 date value, else None.

    ``2003-01-07`` -> day, ``2002-12`` -> month (1-31 December), ``1994`` -> year,
    ``2003-W02`` -> week (Monday-Sunday), ``199`` -> decade, ``2003-SU`` -> season (Jun-Aug).
    """
    match = _VALUE.fullmatch(value or "")
    if not match:
        return None
    try:
        if match["decade"]:
            first = int(match["decade"]) * 10
            return "decade", dt.date(max(first, 1), 1, 1), dt.date(first + 9, 12, 31)
        if match["century"]:
            first = int(match["century"]) * 100
            return "century", dt.date(max(first, 1), 1, 1), dt.date(first + 99, 12, 31)
        year = int(match["year"])
        if match["day"]:
            day = dt.date(year, int(match["month"]), int(match["day"]))
            return ("time" if match["time"] else "day"), day, day
        if match["month"]:
            first = dt.date(year, int(match["month"]), 1)
            return "month", first, first + relativedelta(months=1, days=-1)
        if match["week"]:
            monday = dt.date.fromisocalendar(year, int(match["week"]), 1)
            if match["we"]:
                return "weekend", monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
            return "week", monday, monday + dt.timedelta(days=6)
        if match["quarter"]:
            first = dt.date(year, 3 * int(match["quarter"]) - 2, 1)
            return "quarter", first, first + relativedelta(months=3, days=-1)
        if match["half"]:
            first = dt.date(year, 6 * int(match["half"]) - 5, 1)
            return "half", first, first + relativedelta(months=6, days=-1)
        if match["season"]:
            first = dt.date(year, _SEASON_MONTHS[match["season"]], 1)
            return "season", first, first + relativedelta(months=3, days=-1)
        return "year", dt.date(year, 1, 1), dt.date(year, 12, 31)
    except (ValueError, OverflowError):
        return None


@dataclass(frozen=True)
class Reference:
    """A reference time: the first day of an interval, its granularity, and whether it is the
    dateline (the present of the text) or a time the story has moved to."""

    day: dt.date
    granularity: str
    present: bool


class Narrative:
    """The reference time as the text is read in order (see the module docstring).

    ``sentence_starts(low, high)`` gives the offsets where sentences start in ``(low, high]``
    and ``sentence_tense(start)`` the tense of the sentence that starts there (+1 present or
    future, -1 past, 0 no finite verb). ``tracking=False`` keeps the reference time at the
    dateline throughout (every expression resolved as news about the present). Sentences are
    read only when an expression asks for the reference time while the story is away from the
    present, and each sentence at most once.
    """

    def __init__(self, dateline: dt.date | None,
                 sentence_starts: Callable[[int, int], list[int]],
                 sentence_tense: Callable[[int], int], tracking: bool = True) -> None:
        self.present = None if dateline is None else Reference(dateline, "day", True)
        self._reference = self.present
        self._sentence_starts = sentence_starts
        self._sentence_tense = sentence_tense
        self._tracking = tracking
        self._checked = 0
        self._pending: list[tuple[Interval, int, Callable[[], bool]]] = []
        #: Offset of the expression that last moved the reference time away from the present.
        self.moved_at = 0

    def at(self, offset: int) -> Reference | None:
        """The reference time for an expression at ``offset`` (asked in text order)."""
        if self._pending:
            self._settle()
        if self._reference is not self.present and offset > self._checked:
            for start in self._sentence_starts(self._checked, offset):
                if self._sentence_tense(start) > 0:
                    self._reference = self.present
                    break
        self._checked = max(self._checked, offset)
        return self._reference

    def move(self, effect: str | None, interval: Interval | None, offset: int,
             confirm: Callable[[], bool] | None = None) -> None:
        """Apply what an expression at ``offset`` covering ``interval`` does to the reference
        time.

        ``effect`` is MOVE_HERE (an explicit date: the story moves to it, if ``confirm()``
        says it dates the story; asked only when the reference time is next needed), FOLLOW
        (resolved against the reference time: the story moves on if it is away from the
        present), RETURN_TO_PRESENT (back to the dateline) or None.
        """
        if not self._tracking or effect is None:
            return
        if effect == RETURN_TO_PRESENT:
            self._pending.clear()
            self._reference = self.present
            self._checked = max(self._checked, offset)
            return
        if interval is None or interval[0] not in REFERENCE_GRANULARITIES:
            return
        if effect == MOVE_HERE and confirm is not None:
            self._pending.append((interval, offset, confirm))
        elif effect == MOVE_HERE or self.at(offset) is not self.present:
            self._pending.clear()
            self._move_to(interval, offset)

    def _settle(self) -> None:
        """Move to the latest pending explicit date that dates the story, if any."""
        for interval, offset, confirm in reversed(self._pending):
            if confirm():
                self._move_to(interval, offset)
                break
        self._pending.clear()

    def _move_to(self, interval: Interval, offset: int) -> None:
        granularity = "day" if interval[0] == "time" else interval[0]
        self._reference = Reference(interval[1], granularity, False)
        self._checked = max(self._checked, offset)
        self.moved_at = offset
