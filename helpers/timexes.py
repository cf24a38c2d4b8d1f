"""Temporal expressions (TIMEX3) in any text, normalised against an anchor date.

One compiled regular expression finds every candidate in a single pass; a short Python
function per kind of match checks it and computes its TimeML TIMEX3 ``type`` (DATE, TIME,
DURATION, SET), ``value`` and ``mod``. Extents follow the TimeML/TempEval-3 guidelines: the
preposition is left out ("on Tuesday" -> "Tuesday"), determiners and temporal modifiers are
kept ("the past two years", "early next week", "the 1990s", "last month").

Relative expressions are resolved against ``anchor`` (the publication date) with news
conventions: a bare weekday or month in a sentence without a future cue is the most recent
one at or before the anchor; with a future cue ("will", "next", "scheduled"...) it is the
next one. Without an anchor they keep ``X`` placeholders (``XXXX-WXX-2``) and
``resolved`` is False. Calendar arithmetic uses :mod:`dateutil`.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import pandas as pd
from dateutil.easter import easter
from dateutil.relativedelta import relativedelta, weekday

from helpers.document import Document, as_document
from helpers.frames import BOOL, INT, STRING, Columns, build_frame

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
_WEEKDAYS = [relativedelta(weekday=weekday(i)) for i in range(7)]
_CONTEXT_CHARS = 120
_NUMERIC = re.compile(r"^\d+(?:\.\d+)?$")
#: The joint of a quantity range ("two to three", "8-10"); a range takes its first number.
_RANGE = re.compile(r"\s*(?:\bto\b|\bor\b|-(?=\d))\s*")


@dataclass(frozen=True)
class _Lexicon:
    data: dict[str, Any]
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, int]
    vague: frozenset[str]
    units: dict[str, str]
    unit_of: dict[str, str]
    ordinals: dict[str, int]
    quantity_nouns: frozenset[str]


@cache
def timex_lexicon() -> _Lexicon:
    """Load ``data/timex_lexicon.json`` (calendar words, number words, units, holidays)."""
    raw = resources.files("helpers.data").joinpath("timex_lexicon.json").read_text("utf-8")
    data = json.loads(raw)
    unit_of = {unit: unit for unit in data["units"]} | data["unit_plurals"]
    return _Lexicon(
        data=data,
        months=data["months"],
        weekdays=data["weekdays"],
        numbers=data["number_words"],
        vague=frozenset(data["vague_quantities"]),
        units=data["units"],
        unit_of=unit_of,
        ordinals=data["ordinals"],
        quantity_nouns=frozenset(data["quantity_nouns"]),
    )


def _alternation(words: list[str]) -> str:
    """Regex matching any of ``words`` (lower case), longest first, as a prefix tree.

    A prefix tree keeps the regex engine from trying every word at every position. A space
    in a word matches any whitespace and an apostrophe matches ' or ’.
    """
    tree: dict[str, dict] = {}
    for word in {w.lower() for w in words}:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _tree_regex(tree)


def _tree_regex(node: dict[str, dict]) -> str:
    escaped = {" ": r"\s+", "'": "['’]"}
    branches = [escaped.get(c, re.escape(c)) + _tree_regex(child) for c, child in sorted(
        node.items()) if c]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


@cache
def _pattern() -> re.Pattern[str]:
    lex = timex_lexicon()
    month_full = [m for m in lex.months if len(m) > 4 or m in ("may", "june", "july")]
    month_abbr = [m for m in lex.months if m not in month_full]
    month = rf"(?:{_alternation(month_full)}|(?:{_alternation(month_abbr)})\.?)"
    weekday_full = [w for w in lex.weekdays if w.endswith("day")]
    weekday_abbr = [w for w in lex.weekdays if not w.endswith("day")]
    wd = rf"(?:{_alternation(weekday_full)}|(?:{_alternation(weekday_abbr)})\.)"
    day = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:%]|[.,]\d)"
    year = r"(?:1[0-9]|20)\d\d(?![\d%]|[.,]\d)"
    tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    number_words = [w for w in lex.numbers if w not in ("a", "an")]
    num = (
        rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|(?:{tens})-(?:one|two|three|four|five|six|"
        rf"seven|eight|nine)|{_alternation(number_words + sorted(lex.vague))}|an?)"
    )
    half = r"(?:[\s-]+and[\s-]+a[\s-]+half)"
    units = _alternation(list(lex.unit_of))
    seasons = _alternation(list(lex.data["seasons"]))
    parts = _alternation(list(lex.data["day_parts"]))
    ordinal = _alternation(list(lex.ordinals)) + r"|1st|2nd|3rd|4th"
    century = r"(?:\d{1,2}(?:st|nd|rd|th)|" + _alternation(list(lex.ordinals)) + ")"
    tz = _alternation(lex.data["time_zones"])
    holidays = _alternation(list(lex.data["holidays"]))
    decade_words = _alternation(list(lex.data["decade_words"]))
    mod = (
        r"(?:(?P<mod>early|late|mid|earlier|later|the\s+(?:end|beginning|start|middle|close)"
        r"\s+of)(?:\s*-\s*|\s+)(?:the\s+)?)?"
    )
    alternatives = [
        rf"(?P<date>(?:(?P<date_wd>{wd})\s*,?\s+)?(?:(?P<date_m1>{month})\s+(?P<date_d1>{day})\b"
        rf"(?:\s*,?\s+(?P<date_y1>{year}))?|(?P<date_d2>{day})(?:\s+of)?\s+(?P<date_m2>{month})"
        rf"(?:\s*,?\s+(?P<date_y2>{year}))?))",
        rf"(?P<monthyear>(?P<my_m>{month})\s*,?\s+(?:of\s+)?(?P<my_y>{year}))",
        r"(?P<iso>(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))(?![\d-])",
        r"(?P<usdate>(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])/(?:(?:19|20)\d\d|\d\d))(?![\d/])",
        rf"(?P<time>(?P<tm_h>[01]?\d|2[0-3])(?:[:.](?P<tm_m>[0-5]\d))?\s*(?P<tm_ap>[ap]\.\s?m\.|"
        rf"[ap]m\b)(?:\s+(?P<tm_tz>{tz})\b)?|(?P<tm_h2>[01]?\d|2[0-3]):(?P<tm_m2>[0-5]\d)"
        rf"(?:\s+(?:(?P<tm_tz2>{tz})\b|hours\b|local\s+time\b))|(?P<tm_noon>noon|midnight|midday))",
        rf"(?P<daypart>(?P<dp_day>today|yesterday|tomorrow|this|last|{wd})\s+(?P<dp_part>{parts})"
        r"|(?P<dp_tonight>tonight))",
        rf"(?P<ago>(?P<ago_q>{num}){half}?[\s-]+(?P<ago_u>{units}){half}?\s+(?P<ago_w>ago|earlier))",
        rf"(?P<quarter>(?:the\s+)?(?P<q_n>{ordinal})[\s-]+(?P<q_u>quarter|half)(?:\s+(?:of\s+)?"
        rf"(?:(?:the\s+)?(?:fiscal\s+)?year\s+)?(?P<q_y>{year}|(?:this|last|next)\s+year))?)",
        rf"(?P<season>(?:(?P<se_the>the)\s+|(?P<se_dir>this|last|next|past|coming)\s+)?(?:(?P<se_mod>early|late|mid)"
        rf"[\s-]+)?(?P<se_s>{seasons})(?:\s+(?:of\s+)?(?P<se_y>{year}))?)",
        rf"(?P<rel>(?:the\s+)?(?P<rel_dir>this|last|next|current|previous|following)\s+"
        rf"(?:(?P<rel_past>past|coming)\s+)?(?P<rel_u>week|weekend|month|year|quarter|decade|"
        rf"century|{wd}|{_alternation(month_full)}))",
        rf"(?P<decade>(?:the\s+)?(?:(?P<dc_mod>early|mid|late)[\s-]+)?(?:(?P<dc_4>(?:1\d|20)\d)0s"
        rf"|(?P<dc_2>['’]?\d)0s|(?P<dc_w>{decade_words})))",
        rf"(?P<century>(?:the\s+)?(?:(?P<ce_mod>early|mid|late)[\s-]+)?(?P<ce_n>{century})"
        r"[\s-]+century)",
        rf"(?P<set>(?P<set_every>every|each|per)\s+(?:other\s+)?(?:(?P<set_q>{num})[\s-]+)?"
        rf"(?P<set_u>{units}|{wd}|{parts})|(?P<set_times>once|twice|thrice|(?:{num})\s+times)\s+"
        rf"(?:a|an|per|each|every)\s+(?P<set_u2>{units})|(?P<set_adv>annually|yearly|"
        rf"(?P<set_wds>{_alternation(weekday_full)})s)\b)",
        r"(?(mod)(?P<unitonly>year|month|week|decade|century|day)|(?!))",
        r"(?P<weekend>the\s+weekend)",
        r"(?P<dur>(?:(?P<du_pre>the\s+(?:past|last|next|first|coming|previous|following|"
        r"remaining|final)|past|last|next|coming|recent|about|around|nearly|almost|roughly|"
        r"approximately|some|more\s+than|less\s+than|fewer\s+than|at\s+least|up\s+to)\s+)?"
        rf"(?:(?P<du_q>{num}(?:\s*(?:-|to|or)\s*{num})?){half}?[\s-]+|(?P<du_half>half\s+an?)"
        rf"\s+)?(?P<du_u>{units})(?P<du_half2>\s+and\s+a\s+half)?(?P<du_old>[\s-]+old)?)",
        r"(?P<ref>(?P<ref_word>today|yesterday|tomorrow|now|currently|recently|lately|nowadays)"
        r"|the\s+(?P<ref_the>present|past|future|near\s+future|distant\s+past|recent\s+past)"
        r"|these\s+days)",
        rf"(?P<holiday>{holidays})",
        rf"(?P<weekday>{wd})",
        rf"(?P<month>{_alternation(month_full)}|sept\.)",
        rf"(?P<year>(?:(?P<yr_fiscal>fiscal(?:\s+year)?)\s+)?(?<![\d$£€#.,/:])(?P<yr>{year}))",
    ]
    return re.compile(
        rf"(?<![\w'’]){mod}(?:{'|'.join(alternatives)})(?!\w|-old\b|['’](?!s\b)\w)"
    )


# ---------------------------------------------------------------------------------------
# Anchor and context helpers
# ---------------------------------------------------------------------------------------


def anchor_date(anchor: object) -> dt.date | None:
    """Return the calendar date of ``anchor`` (a date, datetime, Timestamp or ISO string).

    A tz-aware timestamp gives its local date (a Beijing-time dateline gives the Beijing
    date). Anything unusable (None, NaT, garbage) gives None.
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
            stamp = pd.Timestamp(anchor)
            return None if pd.isna(stamp) else stamp.date()
    except (ValueError, TypeError, OverflowError):
        return None
    return None


@cache
def _cue_pattern() -> re.Pattern[str]:
    lex = timex_lexicon().data
    future = _alternation(lex["future_cues"])
    past = _alternation(lex["past_cues"])
    return re.compile(
        rf"(?<![\w'])(?:(?P<future>{future})|(?P<past>{past}|\w+ed))(?![\w'])", re.IGNORECASE
    )


def _tense(text: str, start: int, end: int) -> int:
    """+1 if the nearest tense cue in the clause around ``text[start:end]`` is future, else -1."""
    left = max(text.rfind(".", 0, start), text.rfind(";", 0, start), text.rfind("\n", 0, start))
    left = max(left + 1, start - _CONTEXT_CHARS)
    right_candidates = [i for i in (text.find(".", end), text.find(";", end)) if i >= 0]
    right = min([*right_candidates, end + _CONTEXT_CHARS, len(text)])
    best_distance, best = _CONTEXT_CHARS * 2, -1
    for cue in _cue_pattern().finditer(text, left, right):
        if start <= cue.start() < end:
            continue
        distance = start - cue.end() if cue.end() <= start else cue.start() - end
        if distance < best_distance:
            best_distance, best = distance, 1 if cue.lastgroup == "future" else -1
    return best


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
    return "X" if quantity == "X" else str(float(quantity) + 0.5)


def _duration(quantity: str, unit_word: str) -> str:
    """ISO-8601/TIMEX3 duration: ``P3D``, ``PT2H``, ``P2DE``, ``PXY``."""
    lex = timex_lexicon()
    unit = lex.unit_of[unit_word.lower()]
    code = lex.units[unit]
    if code == "2W":
        quantity, code = ("X" if quantity == "X" else _scale(quantity, 2)), "W"
    if unit in ("second", "minute", "hour"):
        return f"PT{quantity}{code}"
    return f"P{quantity}{code}"


def _scale(quantity: str, factor: int) -> str:
    value = float(quantity) * factor
    return str(int(value)) if value.is_integer() else str(value)


def _month_value(month: int, anchor: dt.date | None, direction: int) -> str:
    """YYYY-MM of a month named without a year: past months by default, future with a cue."""
    if anchor is None:
        return f"XXXX-{month:02d}"
    year = anchor.year
    if direction > 0 and month < anchor.month:
        year += 1
    elif direction <= 0 and month > anchor.month:
        year -= 1
    return f"{year:04d}-{month:02d}"


def _day_value(month: int, day: int, anchor: dt.date | None, direction: int) -> str:
    if anchor is None:
        return f"XXXX-{month:02d}-{day:02d}"
    year = anchor.year
    if direction > 0 and (month, day) < (anchor.month, anchor.day):
        year += 1
    elif direction <= 0 and (month, day) > (anchor.month, anchor.day) and month - anchor.month > 1:
        year -= 1
    return _format_date(year, month, day)


def _format_date(year: int, month: int, day: int) -> str:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return f"{year:04d}-{month:02d}-XX"


def _weekday_date(index: int, anchor: dt.date, direction: int) -> dt.date:
    """The weekday ``index`` (0 = Monday) nearest ``anchor`` in ``direction``; same day counts."""
    if direction > 0:
        return anchor + _WEEKDAYS[index]
    return anchor + relativedelta(weekday=weekday(index, -1))


def _week(date: dt.date) -> str:
    iso = date.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def _shift(anchor: dt.date, unit: str, steps: int) -> str:
    """The calendar unit ``steps`` away from ``anchor``, at that unit's granularity."""
    if unit == "day":
        return (anchor + relativedelta(days=steps)).isoformat()
    if unit in ("week", "weekend"):
        week = _week(anchor + relativedelta(weeks=steps))
        return week + "-WE" if unit == "weekend" else week
    if unit == "month":
        moved = anchor + relativedelta(months=steps)
        return f"{moved.year:04d}-{moved.month:02d}"
    if unit == "quarter":
        moved = anchor + relativedelta(months=3 * steps)
        return f"{moved.year:04d}-Q{(moved.month - 1) // 3 + 1}"
    if unit == "decade":
        return f"{(anchor.year + 10 * steps) // 10:03d}"
    if unit == "century":
        return f"{(anchor.year + 100 * steps) // 100:02d}"
    if unit == "year":
        return f"{anchor.year + steps:04d}"
    return anchor.isoformat()


_UNRESOLVED_UNIT = {
    "day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX",
    "quarter": "XXXX-QX", "year": "XXXX", "decade": "XXX", "century": "XX",
}
_MODS = {
    "early": "START", "beginning": "START", "start": "START", "mid": "MID", "middle": "MID",
    "late": "END", "end": "END", "close": "END",
}


@dataclass
class _Match:
    """What the per-kind handlers need: the regex match, the text and the anchor."""

    match: re.Match[str]
    text: str
    anchor: dt.date | None
    cased: bool

    def group(self, name: str) -> str | None:
        """The group's text as written (the pattern runs on a lower-cased copy)."""
        start, end = self.match.span(name)
        return None if start < 0 else self.text[start:end]

    def direction(self) -> int:
        return _tense(self.text, self.match.start(), self.match.end())

    def previous_word(self) -> str:
        head = self.text[max(0, self.match.start() - 20) : self.match.start()].split()
        return head[-1].lower() if head else ""

    def next_word(self) -> str:
        tail = self.text[self.match.end() : self.match.end() + 30].split()
        return tail[0].lower().strip(".,;:!?\"')") if tail else ""


# Each handler returns (type, value, relative) or None to reject the candidate.
_Result = tuple[str, str, bool] | None


def _month_number(word: str) -> int:
    return timex_lexicon().months[word.lower().rstrip(".")]


def _ambiguous_month_ok(word: str, m: _Match, has_day_or_year: bool) -> bool:
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


def _date(m: _Match) -> _Result:
    month_word = m.group("date_m1") or m.group("date_m2") or ""
    day_text = m.group("date_d1") or m.group("date_d2") or ""
    year_text = m.group("date_y1") or m.group("date_y2")
    if not _ambiguous_month_ok(month_word, m, True):
        return None
    month, day = _month_number(month_word), int(re.sub(r"\D", "", day_text))
    if year_text:
        return "DATE", _format_date(int(year_text), month, day), False
    return "DATE", _day_value(month, day, m.anchor, m.direction()), True


def _month_year(m: _Match) -> _Result:
    word = m.group("my_m") or ""
    if not _ambiguous_month_ok(word, m, True):
        return None
    return "DATE", f"{int(m.group('my_y') or 0):04d}-{_month_number(word):02d}", False


def _iso(m: _Match) -> _Result:
    return "DATE", m.group("iso") or "", False


def _us_date(m: _Match) -> _Result:
    month, day, year = (int(part) for part in (m.group("usdate") or "").split("/"))
    if year < 100:
        year += 1900 if year > 30 else 2000
    return "DATE", _format_date(year, month, day), False


def _time(m: _Match) -> _Result:
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
    day = m.anchor.isoformat() if m.anchor else "XXXX-XX-XX"
    return "TIME", f"{day}T{clock}", True


def _day_part(m: _Match) -> _Result:
    if m.group("dp_tonight"):
        day_word, part = "today", "NI"
    else:
        day_word = (m.group("dp_day") or "").lower()
        part = timex_lexicon().data["day_parts"][(m.group("dp_part") or "").lower()]
    if m.anchor is None:
        return "TIME", f"XXXX-XX-XXT{part}", True
    if day_word in ("today", "this"):
        day = m.anchor
    elif day_word in ("yesterday", "last"):
        day = m.anchor - dt.timedelta(days=1)
    elif day_word == "tomorrow":
        day = m.anchor + dt.timedelta(days=1)
    else:
        index = timex_lexicon().weekdays[day_word.rstrip(".")] - 1
        day = _weekday_date(index, m.anchor, m.direction())
    return "TIME", f"{day.isoformat()}T{part}", True


def _ago(m: _Match) -> _Result:
    quantity = _number(m.group("ago_q") or "")
    unit = timex_lexicon().unit_of[(m.group("ago_u") or "").lower()]
    if quantity == "X":
        return "DATE", "PAST_REF", False
    if m.anchor is None:
        return "DATE", _UNRESOLVED_UNIT.get(unit, "XXXX-XX-XX"), True
    steps = -int(float(quantity))
    if unit in ("hour", "minute", "second"):
        unit, steps = "day", 0
    elif unit == "night":
        unit = "day"
    return "DATE", _shift(m.anchor, unit, steps), True


def _quarter(m: _Match) -> _Result:
    lex = timex_lexicon()
    ordinal_word = (m.group("q_n") or "").lower()
    index = lex.ordinals.get(ordinal_word) or int(re.sub(r"\D", "", ordinal_word) or 0)
    letter, count = ("Q", 4) if (m.group("q_u") or "").lower() == "quarter" else ("H", 2)
    year_text = (m.group("q_y") or "").lower()
    if index > count or index == 0:
        return None
    if year_text and year_text[0].isdigit():
        year: int | None = int(year_text)
    elif m.anchor is None:
        year = None
    else:
        year = m.anchor.year + {"last": -1, "next": 1}.get(year_text.split(" ")[0], 0)
    if year is None:
        return "DATE", f"XXXX-{letter}{'X' if index < 0 else index}", True
    if index < 0:
        if year_text:
            index = count
        elif m.anchor:
            current = (m.anchor.month - 1) // (12 // count) + 1
            index, year = (current - 1, year) if current > 1 else (count, year - 1)
    elif not year_text and m.anchor:
        current = (m.anchor.month - 1) // (12 // count) + 1
        if index > current and m.direction() <= 0:
            year -= 1
    return "DATE", f"{year:04d}-{letter}{index}", not year_text[:1].isdigit()


def _season(m: _Match) -> _Result:
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
        return "DATE", f"{int(year_text):04d}-{code}", False
    if m.anchor is None:
        return "DATE", f"XXXX-{code}", True
    year = m.anchor.year
    season_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    if direction_word in ("last", "past"):
        year -= 1 if season_month >= m.anchor.month else 0
    elif direction_word in ("next", "coming"):
        year += 1 if season_month <= m.anchor.month else 0
    elif direction_word != "this" and season_month > m.anchor.month and m.direction() <= 0:
        year -= 1
    return "DATE", f"{year:04d}-{code}", True


def _relative(m: _Match) -> _Result:
    lex = timex_lexicon()
    direction_word = (m.group("rel_dir") or "").lower()
    unit_word = (m.group("rel_u") or "").lower().rstrip(".")
    steps = {"this": 0, "current": 0, "last": -1, "previous": -1, "next": 1, "following": 1}[
        direction_word
    ]
    if (m.group("rel_past") or "").lower() == "past":
        steps = -1 if direction_word == "this" and unit_word in lex.weekdays else steps
    if unit_word in lex.weekdays:
        index = lex.weekdays[unit_word] - 1
        if m.anchor is None:
            return "DATE", f"XXXX-WXX-{index + 1}", True
        if steps < 0:
            day = m.anchor - relativedelta(days=1) + relativedelta(weekday=weekday(index, -1))
        elif steps > 0:
            day = m.anchor + relativedelta(days=1) + _WEEKDAYS[index]
        else:
            day = m.anchor + relativedelta(weekday=weekday(index, -1 if m.direction() <= 0 else 1))
        return "DATE", day.isoformat(), True
    if unit_word in lex.months:
        if not _ambiguous_month_ok(m.group("rel_u") or "", m, True):
            return None
        month = lex.months[unit_word]
        if m.anchor is None:
            return "DATE", f"XXXX-{month:02d}", True
        year = m.anchor.year
        if steps < 0:
            year -= 1 if month >= m.anchor.month else 0
        elif steps > 0:
            year += 1 if month <= m.anchor.month else 0
        return "DATE", f"{year:04d}-{month:02d}", True
    if m.anchor is None:
        return "DATE", _UNRESOLVED_UNIT[unit_word], True
    return "DATE", _shift(m.anchor, unit_word, steps), True


def _decade(m: _Match) -> _Result:
    if m.group("dc_4"):
        return "DATE", m.group("dc_4") or "", False
    cue = m.group(0).lower().startswith(("the", "'", "’", "early", "mid", "late"))
    if not cue and m.previous_word() not in ("the", "early", "late", "mid"):
        return None
    digit = (m.group("dc_2") or "")[-1:] or str(
        timex_lexicon().data["decade_words"][(m.group("dc_w") or "").lower()]
    )
    if m.anchor is None:
        return "DATE", f"XX{digit}", True
    century = m.anchor.year // 100 - (1 if int(digit) > m.anchor.year % 100 // 10 else 0)
    return "DATE", f"{century:02d}{digit}", True


def _century(m: _Match) -> _Result:
    word = (m.group("ce_n") or "").lower()
    number = timex_lexicon().ordinals.get(word) or int(re.sub(r"\D", "", word) or 0)
    following = m.text[m.match.end() : m.match.end() + 20].split()
    is_name = m.text[m.match.end() - 7 : m.match.end()] == "Century" and following and \
        following[0][:1].isupper()
    if number <= 0 or is_name:
        return None
    return "DATE", f"{number - 1:02d}", False


def _set(m: _Match) -> _Result:
    lex = timex_lexicon()
    if m.group("set_adv"):
        weekday_word = m.group("set_wds")
        if weekday_word:
            return "SET", f"XXXX-WXX-{lex.weekdays[weekday_word.lower()]}", False
        return "SET", "P1Y", False
    unit_word = (m.group("set_u") or m.group("set_u2") or "").lower().rstrip(".")
    if unit_word in lex.weekdays:
        return "SET", f"XXXX-WXX-{lex.weekdays[unit_word]}", False
    if unit_word in lex.data["day_parts"]:
        return "SET", f"XXXX-XX-XXT{lex.data['day_parts'][unit_word]}", False
    quantity = _number(m.group("set_q")) if m.group("set_q") else "1"
    if "other" in m.group(0).lower():
        quantity = "2"
    return "SET", _duration(quantity, unit_word), False


def _dur(m: _Match) -> _Result:
    prefix = " ".join((m.group("du_pre") or "").lower().split())
    quantity_text = m.group("du_q")
    unit_word = (m.group("du_u") or "").lower()
    plural = unit_word in timex_lexicon().data["unit_plurals"]
    if m.group("du_half"):
        quantity = "0.5"
    elif quantity_text:
        quantity = _number(quantity_text)
        if re.search(r"and[\s-]+a[\s-]+half", m.group(0), re.IGNORECASE):
            quantity = _add_half(quantity)
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
    if m.group("du_half2"):
        quantity = _add_half(quantity)
    if prefix in ("the following", "the next", "the previous") and unit_word == "day":
        if m.anchor is None:
            return "DATE", "XXXX-XX-XX", True
        step = -1 if prefix == "the previous" else 1
        return "DATE", (m.anchor + dt.timedelta(days=step)).isoformat(), True
    if quantity_text and quantity_text.lower() in ("a", "an") and _RATE.search(
        m.text, max(0, m.match.start() - 16), m.match.start()
    ):
        return "SET", _duration("1", unit_word), False
    if unit_word in ("quarter", "season") and not (quantity_text or plural):
        return None
    if unit_word == "quarter" and quantity_text and quantity_text.lower() in ("a", "an", "one"):
        return None
    return "DURATION", _duration(quantity, unit_word), False


def _reference(m: _Match) -> _Result:
    word = (m.group("ref_word") or "").lower()
    the_word = " ".join((m.group("ref_the") or "").lower().split())
    if word in ("now", "currently", "nowadays") or the_word == "present" or not (word or the_word):
        return "DATE", "PRESENT_REF", False
    if word in ("recently", "lately") or the_word in ("past", "distant past", "recent past"):
        return "DATE", "PAST_REF", False
    if the_word:
        return "DATE", "FUTURE_REF", False
    if m.anchor is None:
        return "DATE", "XXXX-XX-XX", True
    offset = {"today": 0, "yesterday": -1, "tomorrow": 1}[word]
    return "DATE", (m.anchor + dt.timedelta(days=offset)).isoformat(), True


def _holiday(m: _Match) -> _Result:
    name = " ".join((m.group("holiday") or "").lower().replace("’", "'").split())
    rule = timex_lexicon().data["holidays"][name]
    if not m.group("holiday")[:1].isupper():
        return None
    if m.anchor is None:
        return "DATE", f"XXXX-{rule}" if rule[2:3] == "-" and len(rule) == 5 else "XXXX-XX-XX", True
    year = m.anchor.year
    day = _holiday_date(rule, year)
    if day > m.anchor and (day - m.anchor).days > 183:
        day = _holiday_date(rule, year - 1)
    elif day < m.anchor and (m.anchor - day).days > 183:
        day = _holiday_date(rule, year + 1)
    return "DATE", day.isoformat(), True


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


def _weekday(m: _Match) -> _Result:
    word = m.group("weekday") or ""
    if "." in word and not word[:1].isupper():
        return None
    index = timex_lexicon().weekdays[word.lower().rstrip(".")] - 1
    if m.anchor is None:
        return "DATE", f"XXXX-WXX-{index + 1}", True
    return "DATE", _weekday_date(index, m.anchor, m.direction()).isoformat(), True


def _month(m: _Match) -> _Result:
    word = m.group("month") or ""
    if not _ambiguous_month_ok(word, m, False):
        return None
    if m.next_word()[:1].isupper() and word.lower() in ("april", "june", "august", "may"):
        return None
    return "DATE", _month_value(_month_number(word), m.anchor, m.direction()), True


def _year(m: _Match) -> _Result:
    text = m.text
    if m.next_word() in timex_lexicon().quantity_nouns:
        return None
    start = m.match.start("yr")
    before = text[max(0, start - 16) : start].split()
    previous = before[-1].lower() if before else ""
    if previous in {"about", "approximately", "nearly", "almost", "than", "no.", "at",
                    "number", "some", "roughly", "least", "#", "us$", "rmb"}:
        return None
    if m.cased and before and before[-1][:1].isupper() and previous not in _YEAR_NAME_OK:
        return None
    return "DATE", m.group("yr") or "", False


def _weekend(m: _Match) -> _Result:
    """"the weekend": the one just past, or the coming one with a future cue."""
    if m.anchor is None:
        return "DATE", "XXXX-WXX-WE", True
    saturday = m.anchor + relativedelta(weekday=weekday(5, 1 if m.direction() > 0 else -1))
    return "DATE", _week(saturday) + "-WE", True


#: Capitalised words that may stand before a year ("In 1994", "Fiscal 1999", "January 2003").
_YEAR_NAME_OK = frozenset({
    "in", "since", "by", "until", "from", "of", "before", "after", "during", "through", "to",
    "and", "or", "early", "late", "mid", "fiscal", "the", "for", "on", "between", "spring",
    "summer", "fall", "autumn", "winter", "christmas", "year", "fy", "around", "circa", "c.",
    "but", "then", "year-end", "as", "also", "till", "(", "-", "&",
})


def _unit_only(m: _Match) -> _Result:
    if not m.group("mod"):
        return None
    unit = (m.group("unitonly") or "").lower()
    if m.anchor is None:
        return "DATE", _UNRESOLVED_UNIT[unit], True
    return "DATE", _shift(m.anchor, unit, 0), True


_HANDLERS: dict[str, Callable[[_Match], _Result]] = {
    "date": _date, "monthyear": _month_year, "iso": _iso, "usdate": _us_date, "time": _time,
    "daypart": _day_part, "ago": _ago, "quarter": _quarter, "season": _season,
    "rel": _relative, "decade": _decade, "century": _century, "set": _set, "dur": _dur,
    "ref": _reference, "holiday": _holiday, "weekday": _weekday, "month": _month,
    "year": _year, "unitonly": _unit_only, "weekend": _weekend,
}
_KINDS = tuple(_HANDLERS)
_CLOCK_KINDS = {"time"}
_MOD_KINDS = {"date", "monthyear", "quarter", "season", "rel", "decade", "century", "month",
              "year", "unitonly", "weekday", "iso", "ref", "holiday"}


def _kind(match: re.Match[str]) -> str | None:
    for kind in _KINDS:
        if match.start(kind) >= 0:
            return kind
    return None


def _mod(match: re.Match[str], kind: str, extent: str) -> str | None:
    """TimeML ``mod`` from a leading modifier ("early", "the end of", "more than"...)."""
    groups = ("mod", "se_mod", "dc_mod", "ce_mod") if kind in _MOD_KINDS else ()
    for group in groups:
        word = match.group(group)
        if word:
            key = word.lower().split()[1] if word.lower().startswith("the") else word.lower()
            return _MODS.get(key)
    text = extent.lower()
    if kind == "dur":
        for phrase, mod in (("more than", "MORE_THAN"), ("less than", "LESS_THAN"),
                            ("fewer than", "LESS_THAN"), ("at least", "EQUAL_OR_MORE"),
                            ("up to", "EQUAL_OR_LESS"), ("about", "APPROX"),
                            ("around", "APPROX"), ("nearly", "APPROX"), ("almost", "APPROX"),
                            ("roughly", "APPROX"), ("approximately", "APPROX"), ("some", "APPROX")):
            if text.startswith(phrase):
                return mod
    return None


_Row = tuple[int, int, str, str, str | None, bool]
_RATE = re.compile(r"(?:\d|\b(?:once|twice|times|one|two|three|four|five|six|seven))\s*\)?\s*$")
_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")
_SENTENCE_END = re.compile(r"[.!?]\s")


@cache
def _trigger_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Words that head a timex, words that may start one, and words that may be inside one."""
    lex = timex_lexicon()
    data = lex.data
    holiday_words = {word for name in data["holidays"] for word in re.findall(r"[^\W_]+", name)}
    holiday_heads = {name.split()[-1] for name in data["holidays"]}
    heads = {*lex.months, *lex.weekdays, *(w + "s" for w in lex.weekdays if w.endswith("day")),
             *lex.unit_of, *data["seasons"], *data["day_parts"], *data["decade_words"],
             *holiday_heads, "century", "noon", "midnight", "midday", "annually", "yearly",
             "today", "tonight", "yesterday", "tomorrow", "now", "currently", "recently",
             "lately", "nowadays", "present", "past", "future", "days", "weekend", "half"}
    holiday_starts = {re.findall(r"[^\W_]+", name)[0] for name in data["holidays"]}
    starters = {*heads, *lex.numbers, *holiday_starts, *lex.ordinals,
                *(w.split()[0] for w in lex.vague),
                "the", "every", "each", "per", "early", "late", "mid", "earlier", "later",
                "this", "last", "next", "past", "coming", "current", "previous", "following",
                "recent", "about", "around", "nearly", "almost", "roughly", "approximately",
                "more", "less", "fewer", "at", "up", "over", "half", "once", "twice", "thrice",
                "these", "fiscal", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
                "eighty", "ninety", "1st", "2nd", "3rd", "4th", "near", "distant"}
    inner = {*starters, *(w for phrase in lex.vague for w in phrase.split()), *holiday_words,
             "of", "and",
             "than", "least", "to", "other", "times", "end", "beginning", "start", "middle",
             "close", "s", "st", "nd", "rd", "th", "year", "couple", "dozen", "pair"}
    return frozenset(heads), frozenset(starters), frozenset(inner)


@cache
def _head_pattern() -> re.Pattern[str]:
    """Head words of timexes, and numbers that look temporal (years, times, 3 days...)."""
    lex = timex_lexicon()
    heads, _, _ = _trigger_words()
    units = _alternation(list(lex.unit_of))
    months = _alternation(list(lex.months))
    numeric = (
        rf"(?:1\d|20)\d\d(?!\d)|\d0s\b|['’]\d0s\b|\d{{1,2}}(?:[:.]\d\d)?\s*(?:[ap]\.?\s?m\b|"
        rf"noon|midnight)|\d{{1,2}}:\d\d|\d{{1,2}}/\d{{1,2}}/\d|\d{{1,2}}(?:st|nd|rd|th)\b|"
        rf"\d[\d,.]*(?:[\s-]+and[\s-]+a[\s-]+half)?[\s-]+(?:{units})\b|"
        rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{months})\b"
    )
    return re.compile(rf"(?<![\w'’])(?:(?:{_alternation(list(heads))})(?!\w)|{numeric})")


@cache
def _back_pattern() -> re.Pattern[str]:
    """On reversed text: the run of timex-inner words just before a head word."""
    _, _, inner = _trigger_words()
    reversed_inner = _alternation([word[::-1] for word in inner])
    return re.compile(
        rf"(?:(?:[\s,./]+|-)(?:s['’])?(?:{reversed_inner}|[\d,.:/]*\d['’]?)(?![^\W_]))*"
    )


_WORD = re.compile(r"['’]?[^\W_]+")
_LOOKBACK_CHARS = 80


def _candidate_starts(lowered: str) -> list[int]:
    """Offsets where a timex may start, in increasing order.

    A head (month, weekday, unit, "3 days", a year...) and the run of words before it that
    can belong to a timex ("the past two years") give the candidates: the head and the run's
    words that can start a timex. Running the full pattern only there, rather than at every
    character, is what makes extraction fast.
    """
    _, starters, _ = _trigger_words()
    back = _back_pattern()
    starts: list[int] = []
    for head in _head_pattern().finditer(lowered):
        position = head.start()
        window = lowered[max(0, position - _LOOKBACK_CHARS) : position][::-1]
        run_length = back.match(window).end()
        if run_length:
            for word in _WORD.finditer(lowered, position - run_length, position):
                token = word.group()
                bare = token.lstrip("'’")
                if bare in starters or bare[:1].isdigit():
                    if token != bare:
                        starts.append(word.start())
                    starts.append(word.end() - len(bare))
        starts.append(position)
        if lowered[position] in "'’":
            starts.append(position + 1)
    return starts


def _lower(text: str) -> str:
    """Lower-case ``text`` keeping every character at its offset."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def iter_timexes(text: str | Document, anchor: object = None) -> list[_Row]:
    """Return ``(start, end, type, value, mod, resolved)`` for every expression in ``text``.

    Found once per document and anchor day.
    """
    document = as_document(text)
    day = anchor_date(anchor)
    return document.memo(("timexes", day), lambda: _find_timexes(document.text, day))


def _find_timexes(text: str, day: dt.date | None) -> list[_Row]:
    if not text:
        return []
    pattern = _pattern()
    found: list[_Row] = []
    covered = 0
    lowered = _lower(text)
    cased = lowered != text
    for position in _candidate_starts(lowered):
        if position < covered:
            continue
        match = pattern.match(lowered, position)
        if match is None:
            continue
        kind = _kind(match)
        result = _HANDLERS[kind](_Match(match, text, day, cased)) if kind else None
        if result is None:
            continue
        timex_type, value, relative = result
        start = match.start() if kind in _MOD_KINDS else match.start(kind)
        mod = _mod(match, kind, text[start : match.end()])
        if kind in _CLOCK_KINDS:
            value = _date_clock_time(text, found, start, value)
        found.append((start, match.end(), timex_type, value, mod, not (relative and day is None)))
        covered = match.end()
    return found


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
