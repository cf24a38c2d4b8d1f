"""Temporal expressions: extents, TIMEX3 values, news resolution conventions, robustness."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.timexes import TIMEX_COLUMNS, anchor_date, extract_timexes

ANCHOR = dt.date(2003, 1, 8)  # the seed's dateline: Wednesday 8 January 2003


def found(text: str, anchor: object = ANCHOR) -> list[tuple[str, str, str]]:
    frame = extract_timexes(text, anchor)
    return list(zip(frame["text"], frame["type"].astype(str), frame["value"]))


def test_seed_expressions_and_values_exact(seed) -> None:
    frame = extract_timexes(seed.text, seed.published)
    assert list(zip(frame["text"], frame["value"])) == [
        ("Tuesday", "2003-01-07"),
        ("Monday", "2003-01-06"),
        ("last month", "2002-12"),
        ("1994", "1994"),
    ]
    assert all(seed.text[s:e] == t for s, e, t in zip(frame["start"], frame["end"], frame["text"]))
    assert frame["resolved"].all()


def test_columns_and_dtypes() -> None:
    frame = extract_timexes("He left on Tuesday.", ANCHOR)
    assert list(frame.columns) == TIMEX_COLUMNS
    assert str(frame["start"].dtype) == "Int64" and str(frame["type"].dtype) == "category"
    assert str(frame["value"].dtype).startswith("string")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the State Department said on Tuesday.", [("Tuesday", "DATE", "2003-01-07")]),
        ("The envoys will meet on Friday.", [("Friday", "DATE", "2003-01-10")]),
        (
            "Officials said on Wednesday that talks went well.",
            [("Wednesday", "DATE", "2003-01-08")],
        ),
        ("Prices rose last month.", [("last month", "DATE", "2002-12")]),
        ("It was signed in 1994 in Geneva.", [("1994", "DATE", "1994")]),
        ("Over the past two years prices doubled.", [("the past two years", "DURATION", "P2Y")]),
        ("The plant closed two years ago.", [("two years ago", "DATE", "2001")]),
        ("They meet early next week.", [("early next week", "DATE", "2003-W03")]),
        ("Growth was strong in the 1990s.", [("the 1990s", "DATE", "199")]),
        ("Talks resume Jan. 8.", [("Jan. 8", "DATE", "2003-01-08")]),
        ("It happened on January 8, 2003.", [("January 8, 2003", "DATE", "2003-01-08")]),
        (
            "Dated Wednesday, January 08, 2003.",
            [("Wednesday, January 08, 2003", "DATE", "2003-01-08")],
        ),
        ("The deadline is March 15.", [("March 15", "DATE", "2003-03-15")]),
        ("The deadline will be March 15.", [("March 15", "DATE", "2003-03-15")]),
        ("Sales fell this week.", [("this week", "DATE", "2003-W02")]),
        (
            "He arrived yesterday and leaves today.",
            [("yesterday", "DATE", "2003-01-07"), ("today", "DATE", "2003-01-08")],
        ),
        ("She speaks tonight.", [("tonight", "TIME", "2003-01-08TNI")]),
        (
            "He is now in Seoul and currently ill.",
            [("now", "DATE", "PRESENT_REF"), ("currently", "DATE", "PRESENT_REF")],
        ),
        ("Nobody knows the future.", [("the future", "DATE", "FUTURE_REF")]),
        ("The strike lasted three days.", [("three days", "DURATION", "P3D")]),
        ("Inspectors visit every week.", [("every week", "SET", "P1W")]),
        (
            "The vote is at 3 p.m. and ends at midnight.",
            [("3 p.m.", "TIME", "2003-01-08T15:00"), ("midnight", "TIME", "2003-01-08T24:00")],
        ),
        (
            "It opens Tuesday at 10:30 a.m.",
            [("Tuesday", "DATE", "2003-01-07"), ("10:30 a.m.", "TIME", "2003-01-07T10:30")],
        ),
        (
            "Profit rose in the third quarter of 2002.",
            [("the third quarter of 2002", "DATE", "2002-Q3")],
        ),
        ("It snowed last summer.", [("last summer", "DATE", "2002-SU")]),
        ("Pierre Vinken, 61 years old, joined.", [("61 years old", "DURATION", "P61Y")]),
        ("Jobs grew earlier this month.", [("earlier this month", "DATE", "2003-01")]),
        ("It ended in the mid-1990s.", [("the mid-1990s", "DATE", "199")]),
        ("The 20th century ended.", [("The 20th century", "DATE", "19")]),
        ("Fares rise by $5 a day.", [("a day", "SET", "P1D")]),
        ("He meets them on Mondays.", [("Mondays", "SET", "XXXX-WXX-1")]),
        ("The law took effect on 2002-07-01.", [("2002-07-01", "DATE", "2002-07-01")]),
        ("They met over the weekend.", [("the weekend", "DATE", "2003-W01-WE")]),
        ("Elections are due in May 2004.", [("May 2004", "DATE", "2004-05")]),
        ("Stores close on Christmas Day.", [("Christmas Day", "DATE", "2002-12-25")]),
        (
            "The loan runs for two and a half years.",
            [("two and a half years", "DURATION", "P2.5Y")],
        ),
        ("It took more than two years.", [("more than two years", "DURATION", "P2Y")]),
    ],
)
def test_expression_extent_type_and_value(text: str, expected: list) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Some 1,994 people were counted.",
        "The fund paid $2003 to each of the 2003 people.",
        "You may go, and they may march.",
        "Mar the surface. The Sun rose.",
        "He will return in a second term; a quarter of voters agreed.",
        "This may sound odd to the august institution.",
        "A division of 20th Century Fox; Windows 2000 shipped.",
        "the fall of Rome",
        "She recently resigned.",
    ],
)
def test_non_dates_are_not_timexes(text: str) -> None:
    assert found(text) == []


def test_may_and_march_need_a_day_year_or_cue() -> None:
    assert found("In May they left. May 5 was fine. They march in March.") == [
        ("May", "DATE", "2002-05"),
        ("May 5", "DATE", "2002-05-05"),
        ("March", "DATE", "2002-03"),
    ]


def test_without_anchor_relative_values_keep_placeholders() -> None:
    frame = extract_timexes("He said on Tuesday that last month, in 1994, sales fell.", None)
    assert list(zip(frame["text"], frame["value"], frame["resolved"])) == [
        ("Tuesday", "XXXX-WXX-2", False),
        ("last month", "XXXX-XX", False),
        ("1994", "1994", True),
    ]


def test_beijing_timestamp_anchor_uses_the_beijing_date() -> None:
    beijing = pd.Timestamp("2003-01-08 00:30", tz="Asia/Shanghai")
    assert anchor_date(beijing) == dt.date(2003, 1, 8)
    assert anchor_date(beijing.tz_convert("America/New_York")) == dt.date(2003, 1, 7)
    assert found("They said on Tuesday.", beijing) == [("Tuesday", "DATE", "2003-01-07")]


@pytest.mark.parametrize(
    "anchor", [None, "2003-01-08", dt.datetime(2003, 1, 8, 9), "garbage", pd.NaT, 42]
)
def test_any_anchor_is_accepted(anchor: object) -> None:
    frame = extract_timexes("Last month and on Friday.", anchor)
    assert list(frame["text"]) == ["Last month", "Friday"]


def test_all_caps_and_lower_case_text() -> None:
    assert found("TALKS ON TUESDAY; MARCH 5, 2002") == [
        ("TUESDAY", "DATE", "2003-01-07"),
        ("MARCH 5, 2002", "DATE", "2002-03-05"),
    ]
    assert found("talks on tuesday, january 8") == [("tuesday, january 8", "DATE", "2003-01-08")]


def test_possessive_and_ranges() -> None:
    assert found("Saturday's rally; the 1997-98 budget; 1880-1954.")[:2] == [
        ("Saturday", "DATE", "2003-01-04"),
        ("1997", "DATE", "1997"),
    ]
    assert ("1954", "DATE", "1954") in found("Areogun (circa 1880-1954) carved.")


@settings(max_examples=300, deadline=None)
@given(st.text(), st.sampled_from([None, ANCHOR]))
def test_never_raises_and_offsets_are_exact(text: str, anchor: object) -> None:
    frame = extract_timexes(text, anchor)
    for start, end, span in zip(frame["start"], frame["end"], frame["text"]):
        assert text[start:end] == span
    assert list(frame["start"]) == sorted(frame["start"])


_WORDS = st.sampled_from(
    [
        "May",
        "March",
        "Tuesday",
        "last",
        "next",
        "month",
        "year",
        "the",
        "past",
        "two",
        "1994",
        "2003",
        "Jan.",
        "8",
        ",",
        "ago",
        "early",
        "every",
        "week",
        "3",
        "p.m.",
        "since",
        "İ",
        "ß",
        "1,994",
        "$",
        "'60s",
        "mid-",
        "quarter",
        "of",
        "Christmas",
        "\n",
        "-",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=25), st.sampled_from([None, ANCHOR]))
def test_timex_like_word_salad_never_raises(words: list[str], anchor: object) -> None:
    text = " ".join(words)
    frame = extract_timexes(text, anchor)
    assert all(text[s:e] == t for s, e, t in zip(frame["start"], frame["end"], frame["text"]))


def test_very_long_text() -> None:
    text = "He said on Tuesday that prices rose last month. " * 5000
    frame = extract_timexes(text, ANCHOR)
    assert len(frame) == 10000
