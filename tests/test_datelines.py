"""Date lines: every common shape, its own precision, its written zone, never today, never raising.

Also where an article's anchor comes from (the caller, the date line, the file name) and how the
title is found around the date line.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import helpers
from helpers.datelines import coerce_published, date_in_file_name, read_date, read_date_line


@pytest.mark.parametrize(
    ("line", "iso", "precision", "zone"),
    [
        (
            "Last updated at: (Beijing Time) Wednesday, January 08, 2003",
            "2003-01-08T00:00:00+08:00", "day", "Asia/Shanghai",
        ),
        (
            "Last updated at: (Beijing Time) Thursday, March 06, 2003, 15:30",
            "2003-03-06T15:30:00+08:00", "minute", "Asia/Shanghai",
        ),
        ("Oct. 28, 2016", "2016-10-28T00:00:00", "day", None),
        ("Sept. 3, 2016", "2016-09-03T00:00:00", "day", None),
        ("2016-10-28", "2016-10-28T00:00:00", "day", None),
        ("Published: 28 October 2016 14:02 BST", "2016-10-28T14:02:00+01:00", "minute", "BST"),
        ("Updated 14:30 GMT, 3 March 2016", "2016-03-03T14:30:00+00:00", "minute", "GMT"),
        (
            "Friday, October 28, 2016 2:15 p.m. EDT",
            "2016-10-28T14:15:00-04:00", "minute", "EDT",
        ),
        ("Posted on 2016-10-28T14:02:33+01:00", "2016-10-28T14:02:33+01:00", "second", "UTC+01:00"),
        ("2016-10-28T14:02:00Z", "2016-10-28T14:02:00+00:00", "second", "Z"),
        ("Published: 2016-10-28 14:02 UTC+8", "2016-10-28T14:02:00+08:00", "minute", "UTC+08:00"),
        ("Date: Sept. 3, 2016, 9 a.m. ET", "2016-09-03T09:00:00-04:00", "hour", "America/New_York"),
        ("Published: 28/10/2016", "2016-10-28T00:00:00", "day", None),
        ("Updated: 4.45pm, Tuesday 1 March 2016", "2016-03-01T16:45:00", "minute", None),
        ("First published on Mon 5 Dec 2016 07.00 GMT", "2016-12-05T07:00:00+00:00", "minute", "GMT"),
    ],
)
def test_common_date_lines_with_their_zone_or_none(
    line: str, iso: str, precision: str, zone: str | None
) -> None:
    found = read_date_line(line)
    assert found is not None
    reading = found[1]
    assert reading.timestamp.isoformat() == iso
    assert reading.precision == precision
    assert (None if reading.timestamp.tz is None else str(reading.timestamp.tz)) == zone
    assert reading.warnings == ()


def test_an_explicit_zone_beats_the_lines_label() -> None:
    reading = read_date("(Beijing Time) Wednesday, January 08, 2003 14:30 GMT")
    assert reading.timestamp.isoformat() == "2003-01-08T14:30:00+00:00"


@pytest.mark.parametrize(
    ("text", "iso", "precision"),
    [
        ("(Beijing Time) January 2003", "2003-01-01T00:00:00+08:00", "month"),
        ("(Beijing Time) 2003", "2003-01-01T00:00:00+08:00", "year"),
        ("Sept. 2016", "2016-09-01T00:00:00", "month"),
    ],
)
def test_a_coarse_date_keeps_its_precision_and_never_takes_todays_day(
    text: str, iso: str, precision: str
) -> None:
    reading = read_date(text)
    assert reading.timestamp.isoformat() == iso and reading.precision == precision
    assert f"only a {precision}" in reading.warnings[0]


def test_a_month_only_dateline_is_a_warning_on_the_article() -> None:
    article = helpers.parse_article(
        "Last updated at: (Beijing Time) January 2003\nTitle\nThe talks resumed.\n"
    )
    assert article.published == pd.Timestamp("2003-01-01", tz="Asia/Shanghai")
    assert article.published_precision == "month" and article.anchor_source == "dateline"
    assert article.warnings["kind"].tolist() == ["dateline"]
    assert "only a month (January 2003)" in article.warnings["message"].iloc[0]


@pytest.mark.parametrize(
    ("text", "local", "warning"),
    [
        # Clocks jumped at midnight: the day starts at 01:00 (the calendar date is kept).
        ("(Beijing Time) Saturday, June 1, 1940", "1940-06-01 01:00", None),
        ("(Beijing Time) April 14, 1991 02:30", "1991-04-14 03:00", "did not exist"),
        ("(Beijing Time) September 15, 1991 01:30", "1991-09-15 01:30", "happened twice"),
    ],
)
def test_days_without_a_beijing_midnight_never_raise(
    text: str, local: str, warning: str | None
) -> None:
    reading = read_date(text)
    assert reading.timestamp.strftime("%Y-%m-%d %H:%M") == local
    assert str(reading.timestamp.tz) == "Asia/Shanghai"
    assert [w for w in reading.warnings if warning and warning in w] or warning is None


def test_year_0001_is_year_1_and_year_9999_does_not_overflow() -> None:
    assert read_date("January 8, 0001").timestamp.year == 1
    late = read_date("December 31, 9999 23:59 EST").timestamp
    assert late.isoformat() == "9999-12-31T23:59:00-05:00"
    last = read_date("December 31, 9999 23:59:59 ET")  # in UTC that is year 10000
    assert last.timestamp.isoformat() == "9999-12-31T23:59:59-05:00" and last.warnings


_PIECES = [
    "Jan.", "January", "0001", "9999", "2003", "31", "1", "29", "Feb", "12:30", "23:59:59",
    "2 p.m.", "GMT", "BST", "ET", "Beijing Time", "+14:00", "-12:00", "UTC+8", "Z",
    "2016-10-28", "2016-02-30", "10/11/2016", "31/12/9999", "(", ")", "Published:", "Monday",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=8).map(" ".join) | st.text(max_size=60))
def test_no_text_makes_the_reader_raise(text: str) -> None:
    reading = read_date(text)
    assert reading.readable != bool(reading.problem)
    read_date_line(text)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("0000-01-01", "no such date"),
        ("February 30, 2016", "no such date"),
        ("10/11/2016", "day/month or month/day"),
        ("Someday, Smarch 45, 20x3", "unknown word"),
        ("14:30", "no year"),
        ("January 2003 14:30", "a time of day without a day"),
        ("28 2016", "a day number without a month"),
        ("25:61 January 8, 2003", "no time"),
        ("", "no year"),
    ],
)
def test_unreadable_dates_say_why(text: str, problem: str) -> None:
    reading = read_date(text)
    assert reading.timestamp is None and problem in reading.problem


@pytest.mark.parametrize(
    "line",
    ["US Says It Supports Dialogue", "1994", "Updated rules for fishing", "May the best win"],
)
def test_ordinary_lines_are_not_date_lines(line: str) -> None:
    assert read_date_line(line) is None


def test_the_seed_keeps_its_anchor(seed: helpers.Article) -> None:
    assert seed.published == pd.Timestamp("2003-01-08", tz="Asia/Shanghai")
    assert seed.published_precision == "day" and seed.anchor_source == "dateline"


def test_a_date_line_after_the_title() -> None:
    article = helpers.parse_article(
        "Storm Closes Ports\nPublished: 28 October 2016 14:02 BST\n\nThe storm hit on Friday.\n"
    )
    assert article.title == "Storm Closes Ports"
    assert article.dateline == "Published: 28 October 2016 14:02 BST"
    assert article.published.isoformat() == "2016-10-28T14:02:00+01:00"
    assert article.text == "The storm hit on Friday." and article.warnings.empty


def test_an_ap_date_line_before_the_title() -> None:
    article = helpers.parse_article("Oct. 28, 2016\nStorm Closes Ports\nThe storm hit on Friday.")
    assert article.title == "Storm Closes Ports"
    assert article.published == pd.Timestamp("2016-10-28") and article.published.tz is None


def test_the_file_name_gives_the_date_when_the_file_does_not(tmp_path: Path) -> None:
    path = tmp_path / "outlet_2016-10-28_storm.txt"
    path.write_text("Storm Closes Ports\n\nThe storm hit on Friday.\n", encoding="utf-8")
    article = helpers.load_article(path)
    assert article.published == pd.Timestamp("2016-10-28")
    assert (article.anchor_source, article.published_precision) == ("file name", "day")
    assert date_in_file_name("x/2016-13-01.txt").problem.startswith("no such date")
    assert date_in_file_name("000_f7d6d82cfc8400da.txt") is None


def test_without_any_date_there_is_no_anchor() -> None:
    article = helpers.parse_article("Storm Closes Ports\n\nThe storm hit on Friday.\n")
    assert article.published is None
    assert article.published_precision is None and article.anchor_source is None


@pytest.mark.parametrize(
    ("given", "iso", "precision"),
    [
        (dt.date(2016, 10, 28), "2016-10-28T00:00:00", "day"),
        (dt.datetime(2016, 10, 28, 14, 2), "2016-10-28T14:02:00", "minute"),
        (pd.Timestamp("2016-10-28", tz="Europe/London"), "2016-10-28T00:00:00+01:00", "day"),
        ("2016-10-28", "2016-10-28T00:00:00", "day"),
        ("2016-10-28T14:02:00+01:00", "2016-10-28T14:02:00+01:00", "second"),
        ("Oct. 28, 2016", "2016-10-28T00:00:00", "day"),
    ],
)
def test_a_caller_gives_the_date(
    tmp_path: Path, given: object, iso: str, precision: str
) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("Storm Closes Ports\n\nThe storm hit on Friday.\n", encoding="utf-8")
    article = helpers.load_article(path, published=given)
    assert article.published.isoformat() == iso
    assert (article.anchor_source, article.published_precision) == ("caller", precision)


def test_a_callers_date_replaces_the_date_line_with_a_warning(seed: helpers.Article) -> None:
    article = helpers.load_article(seed.name, published="2003-01-09")
    assert article.published == pd.Timestamp("2003-01-09") and article.anchor_source == "caller"
    assert article.dateline == seed.dateline
    assert "replaces the date line's 2003-01-08" in article.warnings["message"].iloc[0]


def test_an_unusable_callers_date_is_refused() -> None:
    with pytest.raises(ValueError, match="unreadable publication date 'soon'"):
        helpers.parse_article("Title\nBody.", published="soon")
    with pytest.raises(TypeError, match="not int"):
        coerce_published(20161028)
    assert coerce_published(None) is None and coerce_published(pd.NaT) is None


@pytest.mark.parametrize(
    "headline",
    [
        "Ferry Sinks Off Lamu, Killing 12.",
        '"We Will Rebuild," Mayor Says',
        "Who Pays for the Floods?",
        "Rains Return to the Sahel (Again)",
    ],
)
def test_a_short_first_line_before_a_blank_line_is_the_title(headline: str) -> None:
    article = helpers.parse_article(f"{headline}\n\nThe ferry sank on Friday.\nTwelve died.\n")
    assert article.title == headline
    assert article.text == "The ferry sank on Friday.\n\nTwelve died."
    assert article.warnings["kind"].tolist() == ["title"]
    assert "followed by a blank line" in article.warnings["message"].iloc[0]


def test_a_title_after_a_date_line_is_no_guess() -> None:
    article = helpers.parse_article("Oct. 28, 2016\nFerry Sinks.\n\nThe ferry sank.\n")
    assert article.title == "Ferry Sinks." and article.warnings.empty
