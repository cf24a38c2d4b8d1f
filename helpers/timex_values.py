"""TIMEX3 type, value and mod of each kind of temporal expression found by the pattern.

One handler per alternative of :func:`helpers.timex_candidates.timex_pattern` checks a match
and returns a :class:`Reading` (or None to reject it): TimeML TIMEX3 ``type`` and ``value``,
which anchor the value was computed from, and what the expression does to the story's
reference time (:mod:`helpers.timex_reference`):

- explicit dates ("1994", "May 24, 1958", "October 1994") need no anchor; used as adverbials
  they move the reference time to themselves;
- calendar names without a year ("May 24", "in October", "the summer", "Christmas") take the
  year of the reference time; at the present, the tense of the governing verb chooses the last
  or the next one (:mod:`helpers.timex_tense`);
- anaphoric expressions ("the next year", "the following week", "that day", "two days later")
  count from the last date the text mentioned (the reference time if none);
- deictic expressions ("today", "last month", "next week", "two years ago", a bare weekday,
  "now") count from the dateline and bring the story back to the present.

Calendar arithmetic uses :mod:`dateutil`; a value beyond year 9999 (or before year 1) raises
OverflowError, which :mod:`helpers.timexes` turns into an unresolved value.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta, weekday

from helpers.timex_lexicon import timex_lexicon
from helpers.timex_reference import (
    FOLLOW,
    GRANULARITY_ORDER,
    MOVE_HERE,
    RETURN_TO_PRESENT,
    Narrative,
    Reference,
    value_interval,
)
from helpers.timex_tense import TenseReader

#: What a value was computed from: needed to tell whether it is resolved.
DATELINE, REFERENCE = "dateline", "reference"

#: How far (characters) a story's day carries a bare weekday, within its paragraph.
_PARAGRAPH_CHARS = 2000
_NUMERIC = re.compile(r"^\d+(?:\.\d+)?$")
#: The joint of a quantity range ("two to three", "8-10"); a range takes its first number.
_RANGE = re.compile(r"\s*(?:\bto\b|\bor\b|-(?=\d))\s*")
_HALF = re.compile(r"and[\s-]+a[\s-]+half", re.IGNORECASE)
_RATE = re.compile(r"(?:\d|\b(?:once|twice|times|one|two|three|four|five|six|seven))\s*\)?\s*$")
_APPROXIMATE_MODS = (
    ("more than", "MORE_THAN"), ("less than", "LESS_THAN"), ("fewer than", "LESS_THAN"),
    ("at least", "EQUAL_OR_MORE"), ("up to", "EQUAL_OR_LESS"), ("about", "APPROX"),
    ("around", "APPROX"), ("nearly", "APPROX"), ("almost", "APPROX"), ("roughly", "APPROX"),
    ("approximately", "APPROX"), ("some", "APPROX"),
)
_MODS = {
    "early": "START", "beginning": "START", "start": "START", "mid": "MID", "middle": "MID",
    "late": "END", "end": "END", "close": "END",
}
_UNRESOLVED_UNIT = {
    "day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX",
    "quarter": "XXXX-QX", "year": "XXXX", "decade": "XXX", "century": "XX",
}
#: The granularity a unit of time counts in ("two hours later" is still that day).
_UNIT_GRANULARITY = {
    "second": "day", "minute": "day", "hour": "day", "day": "day", "night": "day",
    "week": "week", "weekend": "weekend", "fortnight": "week", "month": "month",
    "quarter": "quarter", "season": "year", "year": "year", "decade": "decade",
    "century": "century", "millennium": "century",
}
#: Words before a bare year that make it an adverbial of time, which sets the reference time
#: ("In 1994 the two sides signed"); "since 1994" and "the 1994 agreement" do not.
_SETTING_WORDS = frozenset({
    "in", "during", "on", "by", "from", "to", "through", "until", "till", "after", "before",
    "of", "around", "circa", "c.", "early", "late", "mid", "and", "then", "as", "year",
})
#: Capitalised words that may stand before a year ("In 1994", "Fiscal 1999", "January 2003").
_YEAR_NAME_OK = frozenset({
    "in", "since", "by", "until", "from", "of", "before", "after", "during", "through", "to",
    "and", "or", "early", "late", "mid", "fiscal", "the", "for", "on", "between", "spring",
    "summer", "fall", "autumn", "winter", "christmas", "year", "fy", "around", "circa", "c.",
    "but", "then", "year-end", "as", "also", "till", "(", "-", "&",
})
#: Function words that may follow an adverbial year ("In 1994 the two sides", "in 1994 and").
_CLAUSE_WORDS = frozenset({
    "the", "a", "an", "this", "that", "these", "those", "he", "she", "it", "they", "we", "i",
    "you", "his", "her", "its", "their", "our", "my", "your", "and", "but", "or", "when",
    "after", "before", "as", "while", "until", "with", "by", "to", "in", "on", "at", "for",
    "from", "of", "there", "was", "were", "had", "is", "are", "has", "have", "will", "would",
    "did", "only", "also", "alone", "then", "again", "no", "not", "some", "most", "many",
    "all", "both", "each", "every", "several", "another", "one", "two", "three", "four",
})
#: Words before a number that show it is a quantity, not a year ("about 1500", "No. 2000").
_QUANTITY_BEFORE = frozenset({
    "about", "approximately", "nearly", "almost", "than", "no.", "at", "number", "some",
    "roughly", "least", "#", "us$", "rmb",
})
#: Words before a year that make "2000 engineers" a year after all ("in 2000 engineers...").
_YEAR_BEFORE_NOUN = frozenset({
    "in", "since", "by", "until", "from", "of", "before", "after", "during", "through", "to",
    "the", "its", "their", "his", "her", "our", "for", "till", "'s", "’s", "on", "at", "with",
})


@dataclass(frozen=True, slots=True)
class Reading:
    """What a handler makes of a match (see the module docstring)."""

    type: str
    value: str
    anchor: str | None = None
    effect: str | None = None
    resolved: bool = True
    #: For an explicit date: whether it dates the story (asked only if that matters).
    confirm: Callable[[], bool] | None = None


@dataclass(slots=True)
class Context:
    """What the handlers need: the match (on lower-case text), the text, the dateline, the
    story (its reference time, asked for only when needed), the last date mentioned, and the
    tense reader."""

    match: re.Match[str]
    text: str
    cased: bool
    dateline: dt.date | None
    narrative: Narrative | None
    antecedent: Reference | None
    tense: TenseReader

    @property
    def reference(self) -> Reference | None:
        """The reference time at the expression (None: no dateline and no story time)."""
        if self.narrative is None:
            return None
        return self.narrative.at(self.match.start())

    def group(self, name: str) -> str | None:
        """The group's text as written (the pattern runs on a lower-cased copy)."""
        start, end = self.match.span(name)
        return None if start < 0 else self.text[start:end]

    def direction(self) -> int:
        """+1 if the governing verb puts the expression in the future, else -1."""
        return self.tense.governing(self.match.start(), self.match.end())

    def previous_word(self) -> str:
        head = self.text[max(0, self.match.start() - 20) : self.match.start()].split()
        return head[-1].lower() if head else ""

    def next_word(self, lower: bool = True) -> str:
        tail = self.text[self.match.end() : self.match.end() + 30].split()
        word = tail[0].strip(".,;:!?\"')") if tail else ""
        return word.lower() if lower else word


# ---------------------------------------------------------------------------------------
# Numbers, durations and calendar arithmetic
# ---------------------------------------------------------------------------------------


def _number(word: str) -> str:
    """TIMEX3 quantity for a number word or numeral ("two" -> "2", "several" -> "X")."""
    word = " ".join(word.lower().replace(",", "").split())
    lex = timex_lexicon()
    word = _RANGE.split(word)[0]
    if _NUMERIC.match(word):
        value = float(word)
        return str(int(value)) if value.is_integer() else str(value)
    if word in lex.numbers:
        return str(lex.numbers[word])
    if "-" in word:
        tens, _, ones = word.partition("-")
        if tens in lex.numbers and ones in lex.numbers:
            return str(lex.numbers[tens] + lex.numbers[ones])
    return "X"


def _add_half(quantity: str) -> str:
    return "X" if quantity == "X" else _scale(quantity, 1, 0.5)


def _scale(quantity: str, factor: int, plus: float = 0.0) -> str:
    value = float(quantity) * factor + plus
    return str(int(value)) if value.is_integer() else str(value)


#: A fraction of a unit written in the next smaller one ("half an hour" -> PT30M).
_SMALLER_UNIT = {"H": (60, "M", True), "M": (60, "S", True), "D": (24, "H", True),
                 "W": (7, "D", False), "Y": (12, "M", False)}


def duration_value(quantity: str, unit_word: str) -> str:
    """ISO 8601/TIMEX3 duration: ``P3D``, ``PT2H``, ``P10Y`` (a decade), ``PT30M`` (half an
    hour), ``PXY`` (several years). A decade is ten years and a century a hundred, as
    TempEval-3 annotates them; a season in news (sports, flu, harvest) comes once a year."""
    lex = timex_lexicon()
    unit = lex.unit_of[unit_word.lower()]
    code = lex.units[unit]
    factor_text, letter = re.fullmatch(r"(\d*)(\D+)", code).groups()
    if factor_text and quantity != "X":
        quantity = _scale(quantity, int(factor_text))
    clock = unit in ("second", "minute", "hour")
    if quantity != "X" and float(quantity) < 1 and letter in _SMALLER_UNIT:
        per, smaller, smaller_clock = _SMALLER_UNIT[letter]
        quantity, letter, clock = _scale(quantity, per), smaller, smaller_clock
    return f"PT{quantity}{letter}" if clock else f"P{quantity}{letter}"


def _format_date(year: int, month: int, day: int) -> str:
    _check_year(year)
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return f"{year:04d}-{month:02d}-XX"


def _check_year(year: int) -> int:
    if not 1 <= year <= 9999:
        raise OverflowError(f"year {year} is out of range")
    return year


def _delta(unit: str, steps: int) -> relativedelta:
    """``steps`` of ``unit`` as a calendar step (hours and less stay on the day)."""
    if unit in ("day", "night"):
        return relativedelta(days=steps)
    if unit in ("week", "weekend"):
        return relativedelta(weeks=steps)
    if unit == "fortnight":
        return relativedelta(weeks=2 * steps)
    if unit == "month":
        return relativedelta(months=steps)
    if unit in ("quarter", "season"):
        return relativedelta(months=3 * steps)
    if unit == "year":
        return relativedelta(years=steps)
    if unit == "decade":
        return relativedelta(years=10 * steps)
    if unit in ("century", "millennium"):
        return relativedelta(years=100 * steps)
    return relativedelta()


def _week(date: dt.date) -> str:
    iso = date.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def _format_at(date: dt.date, granularity: str) -> str:
    """The TIMEX3 value of the ``granularity``-long interval that contains ``date``."""
    if granularity == "day":
        return date.isoformat()
    if granularity in ("week", "weekend"):
        return _week(date) + ("-WE" if granularity == "weekend" else "")
    if granularity == "month":
        return f"{date.year:04d}-{date.month:02d}"
    if granularity == "quarter":
        return f"{date.year:04d}-Q{(date.month - 1) // 3 + 1}"
    if granularity == "half":
        return f"{date.year:04d}-H{(date.month - 1) // 6 + 1}"
    if granularity == "decade":
        return f"{date.year // 10:03d}"
    if granularity == "century":
        return f"{date.year // 100:02d}"
    return f"{date.year:04d}"


def _shift(anchor: dt.date, unit: str, steps: int) -> str:
    """The calendar unit ``steps`` away from ``anchor``, at that unit's granularity."""
    return _format_at(anchor + _delta(unit, steps), _UNIT_GRANULARITY.get(unit, "day"))


def _shift_from(reference: Reference, unit: str, steps: int) -> str:
    """``steps`` units from a reference time; at the reference's granularity if coarser."""
    granularity = _UNIT_GRANULARITY.get(unit, "day")
    if not reference.present and _coarser(reference.granularity, granularity):
        granularity = "year" if reference.granularity == "season" else reference.granularity
    return _format_at(reference.day + _delta(unit, steps), granularity)


def _coarser(first: str, second: str) -> bool:
    order = {name: index for index, name in enumerate(GRANULARITY_ORDER)}
    return order.get(first, 0) > order.get(second, 0)


def _month_value(month: int, anchor: dt.date, direction: int) -> str:
    """YYYY-MM of a month named without a year: the last one, or the next with a future verb."""
    year = anchor.year
    if direction > 0 and month < anchor.month:
        year += 1
    elif direction <= 0 and month > anchor.month:
        year -= 1
    return f"{_check_year(year):04d}-{month:02d}"


def _day_value(month: int, day: int, anchor: dt.date, direction: int) -> str:
    year = anchor.year
    if direction > 0 and (month, day) < (anchor.month, anchor.day):
        year += 1
    elif direction <= 0 and (month, day) > (anchor.month, anchor.day) and month - anchor.month > 1:
        year -= 1
    return _format_date(year, month, day)


def _weekday_date(index: int, anchor: dt.date, direction: int) -> dt.date:
    """The weekday ``index`` (0 = Monday) nearest ``anchor`` in ``direction``. In the past the
    anchor's own day counts ("said on Wednesday" on a Wednesday); in the future it is a week
    later ("will travel on Wednesday" on a Wednesday: the same day would be "today")."""
    if direction > 0:
        return anchor + dt.timedelta(days=(index - anchor.weekday() - 1) % 7 + 1)
    return anchor - dt.timedelta(days=(anchor.weekday() - index) % 7)


def _yearless(m: Context, in_year: Callable[[int], str],
              near: Callable[[dt.date, int], str], placeholder: str) -> Reading:
    """A calendar name without a year: in the reference year, or near the present by tense."""
    reference = m.reference
    if reference is None:
        return Reading("DATE", placeholder, REFERENCE, FOLLOW, resolved=False)
    if reference.present:
        return Reading("DATE", near(reference.day, m.direction()), REFERENCE, FOLLOW)
    value = in_year(reference.day.year)
    if reference.granularity != "year":
        value = _onward(m, reference, value, in_year)
    return Reading("DATE", value, REFERENCE, FOLLOW)


def _onward(m: Context, reference: Reference, value: str, in_year: Callable[[int], str]) -> str:
    """A story told in order moves on: after a date within a year, a name earlier in the
    calendar is next year's ("In November 1997 ... until ... on March 23" -> 1998-03-23),
    unless the verb looks back ("had opened in January": the same year)."""
    interval = value_interval(value)
    if interval is None:
        return value
    if interval[2] < reference.day and not m.tense.past_perfect(m.match.start(), m.match.end()):
        return in_year(reference.day.year + 1)
    return value


def _anaphor(m: Context) -> Reference | None:
    """What an anaphoric expression counts from: the last date mentioned, or the present."""
    return m.antecedent or m.reference


# ---------------------------------------------------------------------------------------
# Handlers, one per kind
# ---------------------------------------------------------------------------------------


def _month_number(word: str) -> int:
    return timex_lexicon().months[word.lower().rstrip(".")]


def _ambiguous_month_ok(word: str, m: Context, has_day_or_year: bool) -> bool:
    """Month names are capitalised (in cased text); "May"/"March" alone also need a cue."""
    lowered = word.lower().rstrip(".")
    if m.cased and not word[:1].isupper():
        return False
    if lowered in timex_lexicon().data["ambiguous_months"] or len(lowered) <= 4:
        if not word[:1].isupper():
            return False
        if not has_day_or_year and lowered != "june" and lowered != "july":
            return m.previous_word() in {
                "in", "on", "last", "next", "the", "this", "early", "late", "mid", "since",
                "until", "by",
                "of", "before", "after", "during", "through", "from", "to", "between",
            }
    return True


def _date(m: Context) -> Reading | None:
    month_word = m.group("date_m1") or m.group("date_m2") or ""
    day_text = m.group("date_d1") or m.group("date_d2") or ""
    year_text = m.group("date_y1") or m.group("date_y2")
    if not _ambiguous_month_ok(month_word, m, True):
        return None
    month, day = _month_number(month_word), int(re.sub(r"\D", "", day_text))
    if year_text:
        return _explicit(m, _format_date(int(year_text), month, day))
    return _yearless(m, lambda year: _format_date(year, month, day),
                     lambda anchor, direction: _day_value(month, day, anchor, direction),
                     f"XXXX-{month:02d}-{day:02d}")


def _month_year(m: Context) -> Reading | None:
    word = m.group("my_m") or m.group("my_m2") or ""
    if not _ambiguous_month_ok(word, m, True):
        return None
    month = _month_number(word)
    relative_year = " ".join((m.group("my_rel") or "").lower().split())
    if relative_year:
        antecedent = _anaphor(m)
        if antecedent is None:
            return Reading("DATE", f"XXXX-{month:02d}", REFERENCE, FOLLOW, resolved=False)
        steps = {"the following": 1, "the next": 1, "the previous": -1}.get(
            relative_year.rsplit(" ", 1)[0], 0)
        year = _check_year(antecedent.day.year + steps)
        return Reading("DATE", f"{year:04d}-{month:02d}", REFERENCE, FOLLOW)
    year = int(m.group("my_y") or 0)
    return _explicit(m, f"{year:04d}-{month:02d}")


def _iso(m: Context) -> Reading:
    return _explicit(m, m.group("iso") or "")


def _us_date(m: Context) -> Reading:
    month, day, year = (int(part) for part in (m.group("usdate") or "").split("/"))
    if year < 100:
        year += 1900 if year > 30 else 2000
    return _explicit(m, _format_date(year, month, day))


def _time(m: Context) -> Reading:
    if m.group("tm_noon"):
        clock = "12:00" if m.group("tm_noon").lower() in ("noon", "midday") else "24:00"
    else:
        hour = int(m.group("tm_h") or m.group("tm_h2") or 0)
        minute = int(m.group("tm_m") or m.group("tm_m2") or 0)
        meridiem = (m.group("tm_ap") or "").lower()
        if meridiem.startswith("p") and hour < 12:
            hour += 12
        elif meridiem.startswith("a") and hour == 12:
            hour = 0
        clock = f"{hour:02d}:{minute:02d}"
    reference = m.reference
    if reference is not None and not reference.present and reference.granularity == "day":
        return Reading("TIME", f"{reference.day.isoformat()}T{clock}", REFERENCE)
    day = m.dateline.isoformat() if m.dateline else "XXXX-XX-XX"
    return Reading("TIME", f"{day}T{clock}", DATELINE)


def _day_part(m: Context) -> Reading:
    lex = timex_lexicon()
    if m.group("dp_tonight"):
        day_word, part = "today", "NI"
    else:
        day_word = (m.group("dp_day") or "").lower()
        part = lex.data["day_parts"][(m.group("dp_part") or "").lower()]
    if day_word == "that":
        antecedent = _anaphor(m)
        if antecedent is None or antecedent.granularity != "day":
            return Reading("TIME", f"XXXX-XX-XXT{part}", resolved=False)
        return Reading("TIME", f"{antecedent.day.isoformat()}T{part}", REFERENCE, FOLLOW)
    if day_word in lex.weekdays:
        weekday_reading = _weekday_reading(m, lex.weekdays[day_word.rstrip(".")] - 1)
        date_part = weekday_reading.value
        return Reading("TIME", f"{date_part}T{part}", weekday_reading.anchor,
                       weekday_reading.effect)
    if m.dateline is None:
        return Reading("TIME", f"XXXX-XX-XXT{part}", DATELINE, RETURN_TO_PRESENT)
    offset = {"today": 0, "this": 0, "yesterday": -1, "last": -1, "tomorrow": 1}[day_word]
    day = m.dateline + dt.timedelta(days=offset)
    return Reading("TIME", f"{day.isoformat()}T{part}", DATELINE, RETURN_TO_PRESENT)


def _ago(m: Context) -> Reading:
    lex = timex_lexicon()
    if m.group("ahead_q"):
        return _in_time(m)
    quantity = _number(m.group("ago_q") or "")
    unit = lex.unit_of[(m.group("ago_u") or "").lower()]
    word = (m.group("ago_w") or "").lower()
    if quantity == "X":
        return Reading("DATE", "FUTURE_REF" if word == "later" else "PAST_REF")
    steps = int(float(quantity)) * (1 if word == "later" else -1)
    if word == "ago":
        if m.dateline is None:
            return Reading("DATE", _UNRESOLVED_UNIT.get(_UNIT_GRANULARITY[unit], "XXXX-XX-XX"),
                           DATELINE, RETURN_TO_PRESENT)
        return Reading("DATE", _shift(m.dateline, unit, steps), DATELINE, RETURN_TO_PRESENT)
    antecedent = _anaphor(m)
    if antecedent is None:
        return Reading("DATE", _UNRESOLVED_UNIT.get(_UNIT_GRANULARITY[unit], "XXXX-XX-XX"),
                       REFERENCE, FOLLOW, resolved=False)
    return Reading("DATE", _shift_from(antecedent, unit, steps), REFERENCE, FOLLOW)


def _in_time(m: Context) -> Reading:
    """"(in) five years' time": that long after the dateline."""
    quantity = _number(m.group("ahead_q") or "")
    unit = timex_lexicon().unit_of[(m.group("ahead_u") or "").lower()]
    if quantity == "X":
        return Reading("DATE", "FUTURE_REF")
    if m.dateline is None:
        return Reading("DATE", _UNRESOLVED_UNIT.get(_UNIT_GRANULARITY[unit], "XXXX-XX-XX"),
                       DATELINE, RETURN_TO_PRESENT)
    return Reading("DATE", _shift(m.dateline, unit, int(float(quantity))), DATELINE,
                   RETURN_TO_PRESENT)


def _quarter(m: Context) -> Reading | None:
    lex = timex_lexicon()
    ordinal_word = (m.group("q_n") or "").lower()
    index = lex.ordinals.get(ordinal_word) or int(re.sub(r"\D", "", ordinal_word) or 0)
    letter, count = ("Q", 4) if (m.group("q_u") or "").lower() == "quarter" else ("H", 2)
    year_text = (m.group("q_y") or "").lower()
    if index > count or index == 0:
        return None
    if year_text[:1].isdigit():
        year = int(year_text)
        return _explicit(m, f"{year:04d}-{letter}{count if index < 0 else index}")
    if year_text or index < 0:
        return _quarter_near_dateline(m, index, letter, count, year_text)
    return _yearless(m, lambda year: f"{year:04d}-{letter}{index}",
                     lambda anchor, direction: _quarter_near(anchor, direction, index, letter,
                                                              count),
                     f"XXXX-{letter}{index}")


def _quarter_near_dateline(m: Context, index: int, letter: str, count: int,
                           year_text: str) -> Reading:
    """"the last quarter", "the third quarter of next year": counted from the dateline."""
    if m.dateline is None:
        return Reading("DATE", f"XXXX-{letter}{'X' if index < 0 else index}", DATELINE,
                       RETURN_TO_PRESENT)
    year = m.dateline.year + {"last": -1, "next": 1}.get(year_text.split(" ")[0], 0)
    if index < 0:
        if year_text:
            index = count
        else:
            current = (m.dateline.month - 1) // (12 // count) + 1
            index, year = (current - 1, year) if current > 1 else (count, year - 1)
    return Reading("DATE", f"{_check_year(year):04d}-{letter}{index}", DATELINE,
                   RETURN_TO_PRESENT)


def _quarter_near(anchor: dt.date, direction: int, index: int, letter: str, count: int) -> str:
    year = anchor.year
    current = (anchor.month - 1) // (12 // count) + 1
    if index > current and direction <= 0:
        year -= 1
    return f"{_check_year(year):04d}-{letter}{index}"


def _season(m: Context) -> Reading | None:
    code = timex_lexicon().data["seasons"][(m.group("se_s") or "").lower()]
    direction_word = (m.group("se_dir") or "").lower()
    year_text = m.group("se_y")
    word = m.group("se_s") or ""
    if not (direction_word or year_text or m.group("se_mod") or m.group("mod")):
        cues = {"the", "in", "during", "of", "this", "that", "by", "until", "since", "through",
                "recent"}
        if not (m.group("se_the") or m.previous_word() in cues):
            return None
        if word.lower() == "fall" and (not m.group("se_the") or m.next_word() == "of"):
            return None
    if year_text:
        return _explicit(m, f"{int(year_text):04d}-{code}")
    season_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    if direction_word.endswith(("following", "previous")):
        antecedent = _anaphor(m)
        if antecedent is None:
            return Reading("DATE", f"XXXX-{code}", REFERENCE, FOLLOW, resolved=False)
        year, month = antecedent.day.year, antecedent.day.month
        whole_year = antecedent.granularity == "year"
        if direction_word.endswith("following"):
            year += 1 if whole_year or season_month <= month else 0
        else:
            year -= 1 if whole_year or season_month >= month else 0
        return Reading("DATE", f"{_check_year(year):04d}-{code}", REFERENCE, FOLLOW)
    if direction_word in ("", "that"):
        return _yearless(m, lambda year: f"{year:04d}-{code}",
                         lambda anchor, direction: _season_near(anchor, direction, season_month,
                                                                code),
                         f"XXXX-{code}")
    if m.dateline is None:
        return Reading("DATE", f"XXXX-{code}", DATELINE, RETURN_TO_PRESENT)
    year = m.dateline.year
    if direction_word in ("last", "past"):
        year -= 1 if season_month >= m.dateline.month else 0
    elif direction_word in ("next", "coming"):
        year += 1 if season_month <= m.dateline.month else 0
    return Reading("DATE", f"{_check_year(year):04d}-{code}", DATELINE, RETURN_TO_PRESENT)


def _season_near(anchor: dt.date, direction: int, season_month: int, code: str) -> str:
    year = anchor.year
    if season_month > anchor.month and direction <= 0:
        year -= 1
    return f"{_check_year(year):04d}-{code}"


_STEPS = {"this": 0, "current": 0, "last": -1, "previous": -1, "next": 1, "following": 1,
          "that": 0, "same": 0}


def _relative(m: Context) -> Reading | None:
    lex = timex_lexicon()
    direction_word = (m.group("rel_dir") or "").lower()
    unit_word = (m.group("rel_u") or "").lower().rstrip(".")
    with_the = m.match.group("rel").startswith("the")
    steps = _STEPS[direction_word]
    if (m.group("rel_past") or "").lower() == "past":
        steps = -1 if direction_word == "this" and unit_word in lex.weekdays else steps
    anaphoric = direction_word in ("previous", "following", "that", "same") or (
        direction_word == "next" and (with_the or unit_word == "day"))
    if unit_word == "day" and not anaphoric:
        return None
    if direction_word in ("that", "same") and (unit_word in lex.weekdays or
                                               unit_word in lex.months):
        return None
    if unit_word in lex.weekdays:
        return _relative_weekday(m, lex.weekdays[unit_word] - 1, steps, anaphoric)
    if unit_word in lex.months:
        if not _ambiguous_month_ok(m.group("rel_u") or "", m, True):
            return None
        return _relative_month(m, lex.months[unit_word], steps, anaphoric)
    if anaphoric:
        antecedent = _anaphor(m)
        if antecedent is None:
            return Reading("DATE", _UNRESOLVED_UNIT[unit_word], REFERENCE, FOLLOW,
                           resolved=False)
        return Reading("DATE", _shift_from(antecedent, unit_word, steps), REFERENCE, FOLLOW)
    if m.dateline is None:
        return Reading("DATE", _UNRESOLVED_UNIT[unit_word], DATELINE, RETURN_TO_PRESENT)
    return Reading("DATE", _shift(m.dateline, unit_word, steps), DATELINE, RETURN_TO_PRESENT)


def _relative_weekday(m: Context, index: int, steps: int, anaphoric: bool) -> Reading:
    """"last Tuesday", "next Friday", "this Monday", "the following Monday"."""
    anchor = _anaphor(m) if anaphoric else None
    if anaphoric and anchor is not None and anchor.granularity in ("day", "week", "weekend"):
        base = anchor.day
    elif anaphoric or m.dateline is None:
        return Reading("DATE", f"XXXX-WXX-{index + 1}", REFERENCE if anaphoric else DATELINE,
                       FOLLOW if anaphoric else RETURN_TO_PRESENT,
                       resolved=not anaphoric and m.dateline is not None)
    else:
        base = m.dateline
    if steps < 0:
        day = base - relativedelta(days=1) + relativedelta(weekday=weekday(index, -1))
    elif steps > 0:
        day = base + relativedelta(days=1, weekday=weekday(index))
    else:
        day = base + relativedelta(weekday=weekday(index, -1 if m.direction() <= 0 else 1))
    if anaphoric:
        return Reading("DATE", day.isoformat(), REFERENCE, FOLLOW)
    return Reading("DATE", day.isoformat(), DATELINE, RETURN_TO_PRESENT)


def _relative_month(m: Context, month: int, steps: int, anaphoric: bool) -> Reading:
    """"last March", "next June", "this October", "the following March"."""
    anchor = _anaphor(m) if anaphoric else (
        Reference(m.dateline, "day", True) if m.dateline else None)
    if anchor is None:
        return Reading("DATE", f"XXXX-{month:02d}", REFERENCE if anaphoric else DATELINE,
                       FOLLOW if anaphoric else RETURN_TO_PRESENT, resolved=False)
    year = anchor.day.year
    if steps < 0:
        year -= 1 if month >= anchor.day.month else 0
    elif steps > 0:
        year += 1 if month <= anchor.day.month else 0
    value = f"{_check_year(year):04d}-{month:02d}"
    if anaphoric:
        return Reading("DATE", value, REFERENCE, FOLLOW)
    return Reading("DATE", value, DATELINE, RETURN_TO_PRESENT)


def _decade(m: Context) -> Reading | None:
    if m.group("dc_4"):
        return Reading("DATE", m.group("dc_4") or "")
    cue = m.group(0).lower().startswith(("the", "'", "’", "early", "mid", "late"))
    if not cue and m.previous_word() not in ("the", "early", "late", "mid"):
        return None
    digit = (m.group("dc_2") or "")[-1:] or str(
        timex_lexicon().data["decade_words"][(m.group("dc_w") or "").lower()]
    )
    if m.dateline is None:
        return Reading("DATE", f"XX{digit}", DATELINE)
    year = m.dateline.year
    century = year // 100 - (1 if int(digit) > year % 100 // 10 else 0)
    return Reading("DATE", f"{century:02d}{digit}", DATELINE)


def _century(m: Context) -> Reading | None:
    word = (m.group("ce_n") or "").lower()
    number = timex_lexicon().ordinals.get(word) or int(re.sub(r"\D", "", word) or 0)
    following = m.text[m.match.end() : m.match.end() + 20].split()
    is_name = m.text[m.match.end() - 7 : m.match.end()] == "Century" and following and \
        following[0][:1].isupper()
    if number <= 0 or is_name:
        return None
    return Reading("DATE", f"{number - 1:02d}")


def _set(m: Context) -> Reading:
    lex = timex_lexicon()
    if m.group("set_adv"):
        weekday_word = m.group("set_wds")
        if weekday_word:
            return Reading("SET", f"XXXX-WXX-{lex.weekdays[weekday_word.lower()]}")
        return Reading("SET", "P1Y")
    unit_word = (m.group("set_u") or m.group("set_u2") or "").lower().rstrip(".")
    if unit_word in lex.weekdays:
        return Reading("SET", f"XXXX-WXX-{lex.weekdays[unit_word]}")
    if unit_word in lex.data["day_parts"]:
        return Reading("SET", f"XXXX-XX-XXT{lex.data['day_parts'][unit_word]}")
    quantity = _number(m.group("set_q")) if m.group("set_q") else "1"
    if "other" in m.group(0).lower():
        quantity = "2"
    return Reading("SET", duration_value(quantity, unit_word))


def _dur(m: Context) -> Reading | None:
    prefix = " ".join((m.group("du_pre") or "").lower().split())
    quantity_text = m.group("du_q")
    unit_word = (m.group("du_u") or "").lower()
    plural = unit_word in timex_lexicon().data["unit_plurals"]
    if m.group("du_half"):
        quantity = "0.5"
    elif quantity_text:
        quantity = _number(quantity_text)
    elif plural:
        if not prefix and m.previous_word() not in {"for", "in", "over", "within", "after"}:
            return None
        quantity = "X"
    elif prefix.startswith(("the", "over", "past", "last", "next", "coming")):
        quantity = "1"
    else:
        return None
    if quantity_text and quantity_text.lower() in ("a", "an") and unit_word in ("second",):
        return None
    if _HALF.search(m.group(0)):
        quantity = _add_half(quantity)
    if quantity_text and quantity_text.lower() in ("a", "an") and _RATE.search(
        m.text, max(0, m.match.start() - 16), m.match.start()
    ):
        return Reading("SET", duration_value("1", unit_word))
    if unit_word in ("quarter", "season") and not (quantity_text or plural):
        return None
    if unit_word == "quarter" and quantity_text and quantity_text.lower() in ("a", "an", "one"):
        return None
    return Reading("DURATION", duration_value(quantity, unit_word))


def _reference_word(m: Context) -> Reading:
    word = (m.group("ref_word") or "").lower()
    the_word = " ".join((m.group("ref_the") or "").lower().split())
    if word in ("now", "currently", "nowadays") or the_word == "present" or not (word or the_word):
        return Reading("DATE", "PRESENT_REF", effect=RETURN_TO_PRESENT)
    if the_word in ("past", "distant past", "recent past"):
        return Reading("DATE", "PAST_REF")
    if the_word:
        return Reading("DATE", "FUTURE_REF")
    if m.dateline is None:
        return Reading("DATE", "XXXX-XX-XX", DATELINE, RETURN_TO_PRESENT)
    offset = {"today": 0, "yesterday": -1, "tomorrow": 1}[word]
    return Reading("DATE", (m.dateline + dt.timedelta(days=offset)).isoformat(), DATELINE,
                   RETURN_TO_PRESENT)


def _holiday(m: Context) -> Reading | None:
    name = " ".join((m.group("holiday") or "").lower().replace("’", "'").split())
    rule = timex_lexicon().data["holidays"][name]
    if not m.group("holiday")[:1].isupper():
        return None
    placeholder = f"XXXX-{rule}" if rule[2:3] == "-" and len(rule) == 5 else "XXXX-XX-XX"
    return _yearless(m, lambda year: _holiday_date(rule, _check_year(year)).isoformat(),
                     lambda anchor, _: _holiday_near(rule, anchor), placeholder)


def _holiday_near(rule: str, anchor: dt.date) -> str:
    """The holiday within half a year of ``anchor``."""
    year = anchor.year
    day = _holiday_date(rule, year)
    if day > anchor and (day - anchor).days > 183:
        day = _holiday_date(rule, _check_year(year - 1))
    elif day < anchor and (anchor - day).days > 183:
        day = _holiday_date(rule, _check_year(year + 1))
    return day.isoformat()


def _holiday_date(rule: str, year: int) -> dt.date:
    """Date of a holiday rule: ``MM-DD``, ``easter+N`` or ``N-WEEKDAY-MM`` (``last`` = -1)."""
    if rule.startswith("easter"):
        return easter(year) + dt.timedelta(days=int(rule[6:]))
    parts = rule.split("-")
    if len(parts) == 2:
        return dt.date(year, int(parts[0]), int(parts[1]))
    nth = -1 if parts[0] == "last" else int(parts[0])
    first = dt.date(year, int(parts[2]), 1)
    if nth < 0:
        return first + relativedelta(day=31, weekday=weekday(int(parts[1]) - 1, -1))
    return first + relativedelta(weekday=weekday(int(parts[1]) - 1, nth))


def _weekday(m: Context) -> Reading | None:
    word = m.group("weekday") or ""
    if "." in word and not word[:1].isupper():
        return None
    return _weekday_reading(m, timex_lexicon().weekdays[word.lower().rstrip(".")] - 1)


def _weekday_reading(m: Context, index: int) -> Reading:
    """A bare weekday: the week around the dateline (AP style), or, in a story whose reference
    time is a day, the first such day from it."""
    reference = m.reference
    if reference is not None and not reference.present and reference.granularity == "day" \
            and _same_paragraph(m):
        day = reference.day + relativedelta(weekday=weekday(index))
        return Reading("DATE", day.isoformat(), REFERENCE, FOLLOW)
    if m.dateline is None:
        return Reading("DATE", f"XXXX-WXX-{index + 1}", DATELINE, RETURN_TO_PRESENT)
    day = _weekday_date(index, m.dateline, m.direction())
    return Reading("DATE", day.isoformat(), DATELINE, RETURN_TO_PRESENT)


def _same_paragraph(m: Context) -> bool:
    """Whether the expression is in the paragraph (or close) where the story's day was set."""
    moved_at = m.narrative.moved_at if m.narrative else 0
    start = m.match.start()
    return start - moved_at < _PARAGRAPH_CHARS and m.text.find("\n", moved_at, start) < 0


def _month(m: Context) -> Reading | None:
    word = m.group("month") or ""
    if not _ambiguous_month_ok(word, m, False):
        return None
    if m.next_word()[:1].isupper() and word.lower() in ("april", "june", "august", "may"):
        return None
    month = _month_number(word)
    return _yearless(m, lambda year: f"{_check_year(year):04d}-{month:02d}",
                     lambda anchor, direction: _month_value(month, anchor, direction),
                     f"XXXX-{month:02d}")


def _year(m: Context) -> Reading | None:
    text = m.text
    if m.next_word() in timex_lexicon().quantity_nouns:
        return None
    start = m.match.start("yr")
    before = text[max(0, start - 16) : start].split()
    previous = before[-1].lower() if before else ""
    if previous in _QUANTITY_BEFORE:
        return None
    if m.cased and before and before[-1][:1].isupper() and previous not in _YEAR_NAME_OK:
        return None
    year = m.group("yr") or ""
    if m.cased and year.endswith("00") and _counts_a_plural(m.next_word(lower=False)) and \
            previous not in _YEAR_BEFORE_NOUN:
        return None
    sets_reference = (not before or previous in _SETTING_WORDS or before[-1][-1:] in ".,;:"
                      or m.group("yr_fiscal") is not None) and not _modifies_a_noun(m)
    return _explicit(m, year) if sets_reference else Reading("DATE", year)


def _explicit(m: Context, value: str) -> Reading:
    """An explicit date; it moves the story there if it dates the sentence's past-tense story
    (see :meth:`helpers.timex_tense.TenseReader.in_main_past`)."""
    start, end, tense = m.match.start(), m.match.end(), m.tense
    return Reading("DATE", value, effect=MOVE_HERE,
                   confirm=lambda: tense.in_main_past(start, end))


def _modifies_a_noun(m: Context) -> bool:
    """A year right before a lower-case content word modifies it ("on 1998 models", "its 1994
    deal"): it names the thing, it does not date the story."""
    word = m.next_word(lower=False)
    return word.isalpha() and word.islower() and word not in _CLAUSE_WORDS


def _counts_a_plural(word: str) -> bool:
    """A lower-case plural noun after a round number counts it: "1500 protesters", "2000
    engineers" (but "1998 models", "the 2000 elections", "in 2000 engineers went")."""
    return len(word) > 3 and word.isalpha() and word.islower() and word.endswith("s") and \
        not word.endswith(("ss", "us", "is"))


def _weekend(m: Context) -> Reading:
    """"the weekend": the one just past, or the coming one with a future verb."""
    if m.dateline is None:
        return Reading("DATE", "XXXX-WXX-WE", DATELINE, RETURN_TO_PRESENT)
    saturday = m.dateline + relativedelta(weekday=weekday(5, 1 if m.direction() > 0 else -1))
    return Reading("DATE", _week(saturday) + "-WE", DATELINE, RETURN_TO_PRESENT)


def _unit_only(m: Context) -> Reading | None:
    """"the end of the year", "early in the month": the unit of the reference time."""
    if not m.group("mod"):
        return None
    unit = (m.group("unitonly") or "").lower()
    reference = m.reference
    if reference is None:
        return Reading("DATE", _UNRESOLVED_UNIT[unit], REFERENCE, resolved=False)
    return Reading("DATE", _shift_from(reference, unit, 0), REFERENCE)


HANDLERS: dict[str, Callable[[Context], Reading | None]] = {
    "date": _date, "monthyear": _month_year, "iso": _iso, "usdate": _us_date, "time": _time,
    "daypart": _day_part, "ago": _ago, "quarter": _quarter, "season": _season,
    "rel": _relative, "decade": _decade, "century": _century, "set": _set, "dur": _dur,
    "ref": _reference_word, "holiday": _holiday, "weekday": _weekday, "month": _month,
    "year": _year, "unitonly": _unit_only, "weekend": _weekend,
}
#: Kinds whose extent starts with the leading modifier ("early", "the end of").
MOD_KINDS = frozenset({"date", "monthyear", "quarter", "season", "rel", "decade", "century",
                       "month", "year", "unitonly", "weekday", "iso", "ref", "holiday"})


def timex_mod(match: re.Match[str], kind: str, extent: str) -> str | None:
    """TimeML ``mod`` from a leading modifier ("early", "the end of", "more than"...)."""
    groups = ("mod", "se_mod", "dc_mod", "ce_mod") if kind in MOD_KINDS else ()
    for group in groups:
        word = match.group(group)
        if word:
            key = word.lower().split()[1] if word.lower().startswith("the") else word.lower()
            return _MODS.get(key)
    if kind in ("dur", "ago"):
        text = " ".join(extent.lower().split())
        for phrase, mod in _APPROXIMATE_MODS:
            if text.startswith(phrase + " "):
                return mod
    return None

