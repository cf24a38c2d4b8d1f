"""Temporal expressions: extents, TIMEX3 values, news resolution conventions, robustness."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.calendar_names import calendar_names
from helpers.document import Document
from helpers.timexes import TIMEX_COLUMNS, anchor_date, extract_timexes, iter_timexes

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
            "It opened Tuesday at 10:30 a.m.",
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
    # "march" is a verb, "March" the month; the present tense schedules it: the next March.
    assert found("In May they left. May 5 was fine. They march in March.") == [
        ("May", "DATE", "2002-05"),
        ("May 5", "DATE", "2002-05-05"),
        ("March", "DATE", "2003-03"),
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


# ---------------------------------------------------------------------------------------
# Reference time (issue 12): explicit dates move the story, the present brings it back
# ---------------------------------------------------------------------------------------

HISTORY = (
    "In 1958 the army took power. On May 24 it dissolved parliament. "
    "The next year, elections were held."
)


def test_history_narrative_follows_its_reference_time() -> None:
    assert found(HISTORY, dt.date(2009, 5, 24)) == [
        ("1958", "DATE", "1958"),
        ("May 24", "DATE", "1958-05-24"),
        ("The next year", "DATE", "1959"),
    ]


def test_without_tracking_every_expression_follows_the_dateline() -> None:
    rows = iter_timexes(HISTORY, dt.date(2009, 5, 24), track_reference=False)
    assert [row[3] for row in rows] == ["1958", "2009-05-24", "2010"]


def test_story_time_needs_no_dateline() -> None:
    frame = extract_timexes(HISTORY, None)
    assert list(zip(frame["value"], frame["resolved"])) == [
        ("1958", True), ("1958-05-24", True), ("1959", True)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a news background paragraph
            "In 1994 the two sides signed a deal. In October, Pyongyang agreed to a freeze.",
            [("1994", "DATE", "1994"), ("October", "DATE", "1994-10")],
        ),
        (  # a sentence in the present returns to the dateline
            "In 1994 they signed a deal. The deal is still in force. In October they met.",
            [("1994", "DATE", "1994"), ("October", "DATE", "2002-10")],
        ),
        (  # "now" returns to the present
            "In 1994 they signed a deal. Officials now say that in October they met.",
            [("1994", "DATE", "1994"), ("now", "DATE", "PRESENT_REF"),
             ("October", "DATE", "2002-10")],
        ),
        (  # deictic expressions count from the dateline and return to the present
            "In 1994 they signed a deal. Last month they met. In October they met again.",
            [("1994", "DATE", "1994"), ("Last month", "DATE", "2002-12"),
             ("October", "DATE", "2002-10")],
        ),
        (
            "In 1994 they signed a deal. This week they met. In October they met again.",
            [("1994", "DATE", "1994"), ("This week", "DATE", "2003-W02"),
             ("October", "DATE", "2002-10")],
        ),
        (  # a weekday in news about the present is the dateline's week
            "In 1994 they signed a deal. The State Department said on Tuesday it was dead.",
            [("1994", "DATE", "1994"), ("Tuesday", "DATE", "2003-01-07")],
        ),
        (  # "since 1994" and "the 1994 deal" do not move the story
            "The border has been closed since 1994. Talks failed in October.",
            [("1994", "DATE", "1994"), ("October", "DATE", "2002-10")],
        ),
        (
            "The 1994 deal collapsed. Talks failed in October.",
            [("1994", "DATE", "1994"), ("October", "DATE", "2002-10")],
        ),
        (  # a year that modifies a noun names it, it does not date the story
            "It would extend incentives on 2002 models through July 2 and on 2001 models "
            "through June 2.",
            [("2002", "DATE", "2002"), ("July 2", "DATE", "2003-07-02"),
             ("2001", "DATE", "2001"), ("June 2", "DATE", "2003-06-02")],
        ),
        (  # a story told in order moves on into the next year
            "He was appointed in November 1997. He held the post until March 23.",
            [("November 1997", "DATE", "1997-11"), ("March 23", "DATE", "1998-03-23")],
        ),
        (  # ... unless the verb looks back
            "The treaty was signed on June 28, 1919. Talks had opened in January.",
            [("June 28, 1919", "DATE", "1919-06-28"), ("January", "DATE", "1919-01")],
        ),
        (  # anaphoric expressions count from the last date mentioned
            "On May 24, 1958 the army seized the radio. Two days later it closed parliament. "
            "That month the president fled, and the following week a curfew began.",
            [("May 24, 1958", "DATE", "1958-05-24"), ("Two days later", "DATE", "1958-05-26"),
             ("That month", "DATE", "1958-05"), ("the following week", "DATE", "1958-W23")],
        ),
        (
            "On Monday police arrested him. The next day he was freed.",
            [("Monday", "DATE", "2003-01-06"), ("The next day", "DATE", "2003-01-07")],
        ),
        (
            "The dam burst in 2005. In September of that year the town flooded.",
            [("2005", "DATE", "2005"), ("September of that year", "DATE", "2005-09")],
        ),
        (
            "The junta took power in 1958 and promised elections for the following spring.",
            [("1958", "DATE", "1958"), ("the following spring", "DATE", "1959-SP")],
        ),
    ],
)
def test_reference_time(text: str, expected: list) -> None:
    assert found(text) == expected


def test_a_story_day_carries_a_weekday_only_within_its_paragraph() -> None:
    text = ("On November 2, 1971 the union accepted the offer, and on Monday the ships left.\n\n"
            "The union's leader said on Monday that he would stand for parliament.")
    assert [value for _, _, value in found(text, dt.date(1972, 2, 15))] == [
        "1971-11-02", "1971-11-08", "1972-02-14"
    ]


# ---------------------------------------------------------------------------------------
# Tense of the governing verb (issue 12)
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The treaty will be signed on Friday.", [("Friday", "DATE", "2003-01-10")]),
        ("The treaty will be signed in March.", [("March", "DATE", "2003-03")]),
        ("The summit is on Friday.", [("Friday", "DATE", "2003-01-10")]),
        ("The deadline is in February.", [("February", "DATE", "2003-02")]),
        ("The border has been closed since March.", [("March", "DATE", "2002-03")]),
        ("The mine was closed since March.", [("March", "DATE", "2002-03")]),
        # with a future verb, the dateline's own weekday is a week later ...
        ("The minister will travel on Wednesday.", [("Wednesday", "DATE", "2003-01-15")]),
        # ... and in the past it is the dateline's day
        ("The minister arrived on Wednesday.", [("Wednesday", "DATE", "2003-01-08")]),
        ("He said he would return on Friday.", [("Friday", "DATE", "2003-01-10")]),
        ("He said on Friday he would return.", [("Friday", "DATE", "2003-01-03")]),
    ],
)
def test_tense_of_the_governing_verb(text: str, expected: list) -> None:
    assert found(text) == expected


def _hand_tagged(text: str, tags: str) -> Document:
    """A document whose Penn tags are given (as the tagger would give them)."""
    document = Document(text)
    assert len(document.tokens) == len(tags.split())
    document.__dict__["tags"] = tags.split()
    return document


@pytest.mark.parametrize(
    ("text", "tags", "expected"),
    [
        (  # the scheduled present is the future
            "The hearing begins Monday.", "DT NN VBZ NNP .",
            [("Monday", "2003-01-13")],
        ),
        (
            "It opens Tuesday at 10:30 a.m.", "PRP VBZ NNP IN CD NN .",
            [("Tuesday", "2003-01-14"), ("10:30 a.m.", "2003-01-14T10:30")],
        ),
        (  # a participle is not the story's verb: 1962 does not date the story
            "The plant, built in 1962, closed. In October it reopened.",
            "DT NN , VBN IN CD , VBD . IN NNP PRP VBD .",
            [("1962", "1962"), ("October", "2002-10")],
        ),
        (  # nor is a year in a sentence in the present
            "Passed in 1978, the resolution calls for a withdrawal. Talks began on March 14.",
            "VBN IN CD , DT NN VBZ IN DT NN . NNS VBD IN NNP CD .",
            [("1978", "1978"), ("March 14", "2002-03-14")],
        ),
    ],
)
def test_tense_from_penn_tags(text: str, tags: str, expected: list) -> None:
    rows = iter_timexes(_hand_tagged(text, tags), ANCHOR)
    assert [(text[row[0] : row[1]], row[3]) for row in rows] == expected


def test_scheduled_present_with_the_shipped_tagger() -> None:
    assert found("The hearing begins Monday.") == [("Monday", "DATE", "2003-01-13")]


# ---------------------------------------------------------------------------------------
# Values (issue 12)
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It lasted a decade.", [("a decade", "DURATION", "P10Y", None)]),
        ("It lasted two centuries.", [("two centuries", "DURATION", "P200Y", None)]),
        ("Crops are rotated each season.", [("each season", "SET", "P1Y", None)]),
        ("Results come at the end of year.", [("the end of year", "DATE", "2003", "END")]),
        ("It took about a month.", [("about a month", "DURATION", "P1M", "APPROX")]),
        ("He left a month earlier.", [("a month earlier", "DATE", "2002-12", None)]),
        ("He left about a month ago.", [("about a month ago", "DATE", "2002-12", "APPROX")]),
        ("He has five years' experience.", [("five years", "DURATION", "P5Y", None)]),
        ("It will be ready in five years’ time.", [("five years’ time", "DATE", "2008", None)]),
        ("It took half an hour.", [("half an hour", "DURATION", "PT30M", None)]),
        ("It took half a day.", [("half a day", "DURATION", "PT12H", None)]),
        ("It lasted a year and a half.", [("a year and a half", "DURATION", "P1.5Y", None)]),
        ("Pierre Vinken, 61 years old, joined.", [("61 years old", "DURATION", "P61Y", None)]),
    ],
)
def test_values_and_extents(text: str, expected: list) -> None:
    frame = extract_timexes(text, ANCHOR)
    mods = [None if pd.isna(mod) else mod for mod in frame["mod"]]
    assert list(zip(frame["text"], frame["type"].astype(str), frame["value"], mods)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # TimeML tags the age phrase "61 years old" but not the compound modifier or noun
        # "22-year-old" (TimeBank leaves it out; so did the TempEval-3 evaluation of issue 12)
        "A 22-year-old man was arrested.",
        "The 22-year-old was arrested.",
        "Police said 1500 protesters marched and 2000 engineers quit.",
        "Lately, prices rose.",
    ],
)
def test_not_temporal_expressions(text: str) -> None:
    assert found(text) == []


def test_years_before_plural_nouns_are_years_when_the_context_says_so() -> None:
    assert found("In 2000 engineers went on strike; incentives on 1998 models ended.") == [
        ("2000", "DATE", "2000"), ("1998", "DATE", "1998")
    ]


# ---------------------------------------------------------------------------------------
# The calendar's edges (issue 14)
# ---------------------------------------------------------------------------------------


def test_values_beyond_year_9999_are_unresolved() -> None:
    frame = extract_timexes("We meet tomorrow, next year and in five years' time.",
                            dt.date(9999, 12, 31))
    assert list(zip(frame["value"], frame["resolved"])) == [
        ("XXXX-XX-XX", False), ("XXXX", False), ("XXXX", False)
    ]


def test_year_0001_anchor() -> None:
    assert anchor_date("0001-01-01") == dt.date(1, 1, 1)
    frame = extract_timexes("He left yesterday and returns today.", "0001-01-01")
    assert list(zip(frame["value"], frame["resolved"])) == [
        ("XXXX-XX-XX", False), ("0001-01-01", True)
    ]


def test_calendar_lexicon() -> None:
    calendar = calendar_names()
    assert calendar.months["sept"] == 9 and calendar.months["december"] == 12
    assert calendar.weekdays["thurs"] == 4 and calendar.weekdays["sunday"] == 7
    assert len(calendar.month_names) == 12 and len(calendar.weekday_names) == 7
