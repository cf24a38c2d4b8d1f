"""When an article was published: one reader for every way a news file writes its date.

A *date line* is a line that is only a date (``Oct. 28, 2016``, ``2016-10-28``,
``Friday, October 28, 2016 2:15 p.m. EDT``), or a label and a date: ``Last updated at: (Beijing
Time) Wednesday, January 08, 2003``, ``Published: 28 October 2016 14:02 BST``, ``Updated 14:30
GMT, 3 March 2016``, ``Posted on 2016-10-28T14:02:00+01:00``. Dates are written with month names
or AP abbreviations (``Sept.``), ISO 8601 (``2016-10-28``, ``2016-10``), or slashes when the
order is certain (``28/10/2016``, ``2016/10/28``); a time as ``14:02``, ``14:02:33``, ``07.00``,
``2:15 p.m.`` or ``2.15pm``; a zone as an abbreviation or name (``helpers/data/time_zones.tsv``: BST,
EDT, ET, Beijing Time...) or an offset (``+01:00``, ``UTC+8``). A weekday, when written, is
checked against the date.

Rules (the issue's "never depend on the day it runs"):

- Nothing is filled in from today. A date keeps its own precision: ``second``, ``minute``,
  ``hour``, ``day``, ``month`` or ``year``; a date coarser than a day is read as its first day,
  with a warning.
- A written zone is honoured: an abbreviation is its fixed offset (BST is +01:00), a zone name
  follows the local clock of its IANA zone (Beijing Time is ``Asia/Shanghai``). Without a zone
  the timestamp is naive.
- ``timestamp`` is the first instant of what was written. A day is its local midnight, or the
  first instant that exists when the clocks jumped at midnight (Beijing, 1 June 1940, starts at
  01:00); the calendar date is always the one written. A written time inside a jump moves
  forward by the jump, an ambiguous one is the first occurrence; both are warnings.
- Every year from 0001 to 9999 is itself (``0001`` is year 1, never 2001); an impossible date
  (``February 30``, year ``0000``) is unreadable, never an exception.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import PurePath

import pandas as pd

from helpers.calendar_names import calendar_names
from helpers.data import read_text

#: A line without a label is a date line only when this short and at least this precise.
MAX_BARE_DATE_LINE = 80
_BARE_LINE_PRECISIONS = frozenset({"second", "minute", "hour", "day", "month"})

_LABEL = re.compile(
    r"\s*(?:last\s+)?(?:first\s+)?(?:updated|modified|published|posted|publication\s+date|"
    r"dated?)(?:\s+(?:at|on))?\s*(?P<colon>:)?\s*",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(
    r"(?:[\s.,;|()\[\]·•]|[-–—/](?=\s)|(?:at|on|of|the|local\s+time)\b)+", re.IGNORECASE
)
_ISO = re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?(?!\d)(?:T(?=\d))?")
_SLASHED = re.compile(r"(?P<first>\d{1,4})/(?P<second>\d{1,2})/(?P<third>\d{4}|\d{1,2})(?!\d)")
_CLOCK = re.compile(
    r"(?P<hour>\d{1,2})(?::(?P<minute>\d{2})(?::(?P<second>\d{2})(?:[.,]\d+)?)?"
    r"|\.(?P<dotted_minute>\d{2})(?![.\d]))"
    r"(?:\s*(?P<half>[ap])\.?\s?m\b\.?)?",
    re.IGNORECASE,
)
_HOUR = re.compile(r"(?P<hour>\d{1,2})(?P<minute>)\s*(?P<half>[ap])\.?\s?m\b\.?", re.IGNORECASE)
_OFFSET = re.compile(
    r"(?:(?P<base>UTC|GMT)\s*(?P<sign>[+\-−])(?P<hours>\d{1,2})(?::?(?P<minutes>\d{2}))?"
    r"|(?P<bare_sign>[+\-−])(?P<bare_hours>\d{2}):?(?P<bare_minutes>\d{2}))(?!\d)"
)
_NUMBER = re.compile(r"(?P<number>\d{1,4})(?:st|nd|rd|th)?(?![\w])")
_FILE_NAME_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")


@dataclass(frozen=True)
class DateReading:
    """What a date says: ``timestamp`` (None when unreadable) at ``precision``.

    ``problem`` says why a date is unreadable; ``warnings`` are remarks on a readable one
    (coarse precision, weekday mismatch, a time the clocks skipped).
    """

    timestamp: pd.Timestamp | None
    precision: str | None
    problem: str | None = None
    warnings: tuple[str, ...] = ()

    @property
    def readable(self) -> bool:
        """True when the text gave a date."""
        return self.timestamp is not None


@cache
def zone_names() -> dict[str, str]:
    """Zone names of ``data/time_zones.tsv`` → a fixed offset ``+HH:MM`` or an IANA zone."""
    text = read_text("time_zones.tsv")
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {name: zone.strip() for name, zone in rows}


@cache
def _zones_by_lower_name() -> dict[str, str]:
    return {name.lower(): zone for name, zone in zone_names().items()}


@cache
def _zone_pattern() -> re.Pattern[str]:
    names = sorted(zone_names(), key=len, reverse=True)
    abbreviations = "|".join(re.escape(n) for n in names if " " not in n)
    phrases = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names if " " in n)
    return re.compile(rf"(?:(?P<abbreviation>{abbreviations})|(?i:(?P<phrase>{phrases})))\b")


def read_date_line(line: str) -> tuple[str, DateReading] | None:
    """``(date text, reading)`` when ``line`` is a date line, else None.

    A labelled line with a colon (``Published: …``, ``Last updated at: …``) is a date line even
    when its date is unreadable (the reading says why); a label without a colon, or no label,
    makes a date line only when the rest reads as a date (a bare line: short, and at least a
    month).
    """
    label = _LABEL.match(line)
    if label and label.end() < len(line.rstrip()):
        date_text = line[label.end() :].strip()
        reading = read_date(date_text)
        if label["colon"] or reading.readable:
            return date_text, reading
        return None
    if len(line) > MAX_BARE_DATE_LINE:
        return None
    reading = read_date(line)
    if reading.readable and reading.precision in _BARE_LINE_PRECISIONS:
        return line.strip(), reading
    return None


def date_in_file_name(name: str) -> DateReading | None:
    """The ISO date (``YYYY-MM-DD``) in the last component of ``name``, if any."""
    match = _FILE_NAME_DATE.search(PurePath(name).name)
    if not match:
        return None
    return read_date(match.group())


def read_date(text: str) -> DateReading:
    """Read one date (with optional weekday, time and zone); never raises for any text."""
    fields, problem = _scan(text)
    if problem:
        return DateReading(None, None, problem)
    return _assemble(fields)


@cache
def _name_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Month and weekday names and abbreviations (the calendar lexicon), with an optional period."""
    calendar = calendar_names()

    def alternation(group: str, words: dict[str, int]) -> re.Pattern[str]:
        names = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
        return re.compile(rf"(?P<{group}>{names})\b\.?", re.IGNORECASE)

    return alternation("month", calendar.months), alternation("weekday", calendar.weekdays)


def _scan(text: str) -> tuple[dict[str, object], str | None]:
    """Split ``text`` into date fields; return them, or the problem that stops the reading."""
    fields: dict[str, object] = {}
    position, end = 0, len(text)

    def put(name: str, value: object) -> str | None:
        if name in fields:
            return f"more than one {name.removeprefix('line_')} in {text.strip()!r}"
        fields[name] = value
        return None

    while position < end:
        separator = _SEPARATOR.match(text, position)
        if separator and separator.end() > position:
            position = separator.end()
            continue
        problem, position = _scan_token(text, position, put, fields)
        if problem:
            return fields, problem
    return fields, None


def _scan_token(
    text: str, position: int, put: Callable[[str, object], str | None], fields: dict[str, object]
) -> tuple[str | None, int]:
    """Read the token at ``position`` into the fields; return (problem or None, next position)."""
    if match := _ISO.match(text, position):
        problem = put("year", int(match["year"])) or put("month", int(match["month"]))
        if not problem and match["day"]:
            problem = put("day", int(match["day"]))
        return problem, match.end()
    if match := _SLASHED.match(text, position):
        return _put_slashed(match, put), match.end()
    if match := _CLOCK.match(text, position) or _HOUR.match(text, position):
        return _put_time(match, put), match.end()
    if (match := _OFFSET.match(text, position)) and (match["base"] or "time" in fields):
        return _put_offset(match, put), match.end()
    if match := _zone_pattern().match(text, position):
        name = match["abbreviation"] or " ".join(match["phrase"].split())
        zone = (name, _zones_by_lower_name()[name.lower()])
        before_the_date = not fields.keys() & {"year", "month", "day", "time"}
        return put("line_zone" if before_the_date else "zone", zone), match.end()
    month_pattern, weekday_pattern = _name_patterns()
    if match := weekday_pattern.match(text, position):
        weekday = match["weekday"]
        return put("weekday", (weekday, calendar_names().weekdays[weekday.lower()] - 1)), match.end()
    if match := month_pattern.match(text, position):
        return put("month", calendar_names().months[match["month"].lower()]), match.end()
    if match := _NUMBER.match(text, position):
        digits = match["number"]
        if len(digits) == 4:
            return put("year", int(digits)), match.end()
        if len(digits) <= 2:
            return put("day", int(digits)), match.end()
    word = re.match(r"\S{1,40}", text[position:])
    return f"unknown word {word.group() if word else text[position]!r}", len(text)


def _put_slashed(match: re.Match[str], put: Callable[[str, object], str | None]) -> str | None:
    """``D/M/YYYY`` or ``M/D/YYYY`` when one number cannot be a month, or ``YYYY/M/D``."""
    first, second, third = (int(match[name]) for name in ("first", "second", "third"))
    if len(match["first"]) == 4:
        year, month, day = first, second, third
    elif len(match["third"]) != 4:
        return f"no four-digit year in {match.group()!r}"
    elif first > 12 >= second or first == second:
        year, month, day = third, second, first
    elif second > 12 >= first:
        year, month, day = third, first, second
    else:
        return f"{match.group()!r} can be day/month or month/day"
    return put("year", year) or put("month", month) or put("day", day)


def _put_time(match: re.Match[str], put: Callable[[str, object], str | None]) -> str | None:
    fields = match.groupdict()
    hour = int(fields["hour"])
    minutes = fields["minute"] or fields.get("dotted_minute")
    minute = int(minutes or 0)
    second = int(fields.get("second") or 0)
    half = (fields["half"] or "").lower()
    if half:
        if not 1 <= hour <= 12:
            return f"no hour {match.group()!r}"
        hour = hour % 12 + (12 if half == "p" else 0)
    if hour > 23 or minute > 59 or second > 59:
        return f"no time {match.group()!r}"
    precision = "second" if fields.get("second") else "minute" if minutes else "hour"
    return put("time", (dt.time(hour, minute, second), precision))


def _put_offset(match: re.Match[str], put: Callable[[str, object], str | None]) -> str | None:
    sign = match["sign"] or match["bare_sign"]
    hours = int(match["hours"] or match["bare_hours"])
    minutes = int(match["minutes"] or match["bare_minutes"] or 0)
    if hours > 14 or minutes > 59:
        return f"no UTC offset {match.group()!r}"
    offset = f"{'-' if sign in '-−' else '+'}{hours:02d}:{minutes:02d}"
    return put("zone", (match.group().strip(), offset))


def _assemble(fields: dict[str, object]) -> DateReading:
    """Turn scanned fields into a reading: check the date, pick the precision, add the zone."""
    year, month, day = fields.get("year"), fields.get("month"), fields.get("day")
    if year is None:
        return DateReading(None, None, "no year")
    if day is not None and month is None:
        return DateReading(None, None, "a day number without a month")
    time_field = fields.get("time")
    if time_field is not None and day is None:
        return DateReading(None, None, "a time of day without a day")
    try:
        date = dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError as error:
        return DateReading(None, None, f"no such date ({error})")
    warnings = []
    if time_field is not None:
        clock, precision = time_field
    else:
        clock, precision = dt.time(), "day" if day else "month" if month else "year"
    if precision in ("month", "year"):
        shown = f"{date:%B} {date.year}" if precision == "month" else str(date.year)
        warnings.append(f"the date gives only a {precision} ({shown}): read as its first day")
    weekday = fields.get("weekday")
    if weekday is not None and day is not None and weekday[1] != date.weekday():
        warnings.append(
            f"dateline weekday {weekday[0]!r} does not match {date:%A} {date.isoformat()}"
        )
    zone = fields.get("zone") or fields.get("line_zone")
    timestamp, zone_warning = _localize(
        dt.datetime.combine(date, clock), zone, time_field is not None
    )
    if zone_warning:
        warnings.append(zone_warning)
    return DateReading(timestamp, precision, None, tuple(warnings))


def _localize(
    moment: dt.datetime, written_zone: tuple[str, str] | None, explicit_time: bool
) -> tuple[pd.Timestamp, str | None]:
    """``moment`` in the zone written as ``(name, offset or IANA zone)``; the first instant when
    the clocks jumped. An abbreviation names its fixed offset (``BST``), a number does not."""
    naive = pd.Timestamp(moment)
    if written_zone is None:
        return naive, None
    name, zone = written_zone
    if zone[0] in "+-":
        sign = -1 if zone[0] == "-" else 1
        hours, minutes = map(int, zone[1:].split(":"))
        delta = sign * dt.timedelta(hours=hours, minutes=minutes)
        named = name.isalpha() and name.isupper()
        return naive.tz_localize(dt.timezone(delta, name) if named else dt.timezone(delta)), None
    try:
        local = naive.tz_localize(zone, nonexistent="shift_forward", ambiguous=True)
    except (NotImplementedError, OverflowError, ValueError):  # an instant outside year 1..9999
        return _at_nearby_offset(naive, zone)
    if not explicit_time:
        return local, None
    if local.tz_localize(None) != naive:
        return local, (
            f"{moment:%H:%M} did not exist in {zone} on {moment.date().isoformat()} "
            f"(clocks went forward): read as {local:%H:%M}"
        )
    earlier = naive.tz_localize(zone, ambiguous=True)
    later = naive.tz_localize(zone, ambiguous=False)
    if earlier != later:
        return local, (
            f"{moment:%H:%M} happened twice in {zone} on {moment.date().isoformat()} "
            "(clocks went back): read as the first"
        )
    return local, None


def _at_nearby_offset(naive: pd.Timestamp, zone: str) -> tuple[pd.Timestamp, str | None]:
    """``naive`` at the offset ``zone`` has two days away (for the first and last days of the
    calendar, where the zone's own rules cannot be applied)."""
    probe = naive + pd.Timedelta(days=-2 if naive.year > 1 else 2)
    offset = probe.tz_localize(zone, nonexistent="shift_forward", ambiguous=True).utcoffset()
    return naive.tz_localize(dt.timezone(offset)), (
        f"{zone} cannot be applied on {naive.date().isoformat()}: read at its offset of two days "
        "before or after"
    )


def coerce_published(value: object) -> DateReading | None:
    """A caller's publication date: a date, datetime, Timestamp, ISO string or date text.

    A date is day precision; a datetime or Timestamp at midnight is day precision, else minute
    (second when it has seconds), with its own zone when it has one. None and NaT give None.
    Raises ``ValueError`` for an unreadable string, ``TypeError`` for anything else.
    """
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, str):
        reading = read_date(value)
        if not reading.readable:
            raise ValueError(f"unreadable publication date {value!r}: {reading.problem}")
        return reading
    if isinstance(value, dt.datetime):  # includes pandas.Timestamp
        stamp = pd.Timestamp(value)
        if pd.isna(stamp):
            return None
        clock = stamp.time()
        precision = (
            "day"
            if clock == dt.time()
            else "second" if clock.second or clock.microsecond else "minute"
        )
        return DateReading(stamp, precision)
    if isinstance(value, dt.date):
        return DateReading(pd.Timestamp(dt.datetime.combine(value, dt.time())), "day")
    kind = type(value).__name__
    raise TypeError(f"a publication date must be a date, datetime, Timestamp or text, not {kind}")
