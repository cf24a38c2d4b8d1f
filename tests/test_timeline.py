"""The timeline table, event descriptions, periods and the chart."""

from __future__ import annotations

import datetime as dt

import matplotlib
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.article import parse_article
from helpers.plots import plot_timeline
from helpers.timeline import (
    CHART_COLUMNS,
    TIMELINE_COLUMNS,
    TIMEX_TABLE_COLUMNS,
    chart_data,
    clock_comparison,
    describe_event,
    timeline,
    timex_table,
    value_interval,
)

matplotlib.use("Agg")
DATELINE = "Last updated at: (Beijing Time) Wednesday, January 08, 2003\nA title\n"


@pytest.fixture(autouse=True)
def _close_figures():
    import matplotlib.pyplot as plt

    yield
    plt.close("all")


def test_seed_timeline_rows(seed) -> None:
    events = timeline(seed)
    assert list(events.columns) == TIMELINE_COLUMNS
    rows = list(
        zip(
            events["expression"],
            events["value"],
            events["granularity"].astype(str),
            events["start_date"].dt.date.astype(str),
            events["end_date"].dt.date.astype(str),
            events["sent_id"].astype("object").where(events["sent_id"].notna(), None),
        )
    )
    assert rows == [
        ("1994 – last month", "1994/2002-12", "period", "1994-01-01", "2002-12-31", 10),
        ("1994", "1994", "year", "1994-01-01", "1994-12-31", 10),
        ("last month", "2002-12", "month", "2002-12-01", "2002-12-31", 10),
        ("Monday", "2003-01-06", "day", "2003-01-06", "2003-01-06", 9),
        ("Tuesday", "2003-01-07", "day", "2003-01-07", "2003-01-07", 1),
        ("Wednesday, January 08, 2003", "2003-01-08", "day", "2003-01-08", "2003-01-08", None),
    ]
    assert list(events["event"]) == [
        "nuclear facilities frozen and under the IAEA's supervision",
        "Pyongyang and Washington signed a nuclear framework agreement in Geneva",
        "DPRK removed seals and monitoring devices from its nuclear facilities",
        "all three countries agreed that DPRK should end its nuclear program",
        "State Department said Bush administration is willing to talk to the DPRK …",
        "last updated (dateline)",
    ]
    assert str(events["start_date"].dtype) == "datetime64[s]"
    assert list(events["kind"].astype(str)) == ["period"] + ["point"] * 4 + ["publication"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2003-01-07", ("day", "2003-01-07", "2003-01-07")),
        ("2002-12", ("month", "2002-12-01", "2002-12-31")),
        ("1994", ("year", "1994-01-01", "1994-12-31")),
        ("2003-W02", ("week", "2003-01-06", "2003-01-12")),
        ("2003-W01-WE", ("weekend", "2003-01-04", "2003-01-05")),
        ("2002-Q4", ("quarter", "2002-10-01", "2002-12-31")),
        ("2003-SU", ("season", "2003-06-01", "2003-08-31")),
        ("199", ("decade", "1990-01-01", "1999-12-31")),
        ("19", ("century", "1900-01-01", "1999-12-31")),
        ("2003-01-08T15:00", ("time", "2003-01-08", "2003-01-08")),
    ],
)
def test_value_interval(value: str, expected: tuple) -> None:
    granularity, first, last = value_interval(value)
    assert (granularity, first.isoformat(), last.isoformat()) == expected


@pytest.mark.parametrize("value", ["PRESENT_REF", "XXXX-WXX-2", "P3D", "", "2003-02-30"])
def test_value_interval_rejects_non_calendar_values(value: str) -> None:
    assert value_interval(value) is None


@pytest.mark.parametrize(
    ("sentence", "expression", "expected"),
    [
        ("The minister resigned on Friday after a long dispute.", "Friday", "minister resigned"),
        ("In 1998, the company opened a plant in Ohio.", "1998", "company opened a plant in Ohio"),
        (
            "Rebels seized the town last week, officials said.",
            "last week",
            "Rebels seized the town",
        ),
        (
            "The rally will take place on Sunday, organisers said on Monday.",
            "Monday",
            "organisers said rally will take place on Sunday",
        ),
    ],
)
def test_describe_event(sentence: str, expression: str, expected: str) -> None:
    start = sentence.index(expression)
    assert describe_event(sentence, start, start + len(expression)) == expected


def test_from_to_and_between_become_periods() -> None:
    article = parse_article(
        DATELINE + "The dam was built from 1990 to 1995 by the state.\n"
        "Prices rose between March 2001 and June 2002 in cities.\n"
    )
    events = timeline(article)
    assert list(events["kind"].astype(str)) == ["period", "period", "publication"]
    periods = events.query("kind == 'period'")
    assert list(
        zip(
            periods["expression"],
            periods["start_date"].dt.date.astype(str),
            periods["end_date"].dt.date.astype(str),
        )
    ) == [
        ("1990 – 1995", "1990-01-01", "1995-12-31"),
        ("March 2001 – June 2002", "2001-03-01", "2002-06-30"),
    ]


def test_since_without_later_event_lasts_until_publication_and_past_years() -> None:
    article = parse_article(
        DATELINE + "The border has been closed since 1999, which hurt trade.\n"
        "Exports doubled over the past two years.\n"
    )
    periods = timeline(article).query("kind == 'period'")
    assert list(
        zip(
            periods["value"],
            periods["start_date"].dt.date.astype(str),
            periods["end_date"].dt.date.astype(str),
            periods["event"],
        )
    ) == [
        ("1999/PRESENT_REF", "1999-01-01", "2003-01-08", "border closed"),
        ("P2Y", "2001-01-08", "2003-01-08", "Exports doubled"),
    ]


def test_since_ends_at_the_main_clause_event_after_a_relative_clause() -> None:
    article = parse_article(
        DATELINE + "The reactor, which had been shut since 1994, was restarted last month.\n"
    )
    periods = timeline(article).query("kind == 'period'")
    assert list(
        zip(
            periods["expression"],
            periods["value"],
            periods["start_date"].dt.date.astype(str),
            periods["end_date"].dt.date.astype(str),
            periods["event"],
        )
    ) == [("1994 – last month", "1994/2002-12", "1994-01-01", "2002-12-31", "reactor shut")]


def test_since_in_a_main_clause_lasts_until_publication_despite_a_later_event() -> None:
    article = parse_article(DATELINE + "Prices have risen since 1994, and the plant was "
                            "restarted last month.\n")
    periods = timeline(article).query("kind == 'period'")
    assert list(zip(periods["value"], periods["end_date"].dt.date.astype(str))) == [
        ("1994/PRESENT_REF", "2003-01-08")
    ]


def test_no_dateline_leaves_relative_dates_out_and_keeps_absolute_ones() -> None:
    article = parse_article("A title\nHe said on Tuesday that the plant closed in 1994.\n")
    events = timeline(article)
    assert list(events["expression"]) == ["1994"]


def test_no_dates_gives_an_empty_table_and_a_message_chart() -> None:
    article = parse_article("A title\nNothing temporal is said here at all.\n")
    events = timeline(article)
    assert events.empty and list(events.columns) == TIMELINE_COLUMNS
    assert chart_data(events).empty
    figure = plot_timeline(events)
    assert "No dated events" in figure.axes[0].texts[0].get_text()


def test_chart_data_breaks_the_axis_at_the_long_gap(seed) -> None:
    data = chart_data(timeline(seed))
    assert list(data.columns) == CHART_COLUMNS
    assert list(data["panel"]) == [0, 0, 1, 1, 1, 1]
    assert data["end_date"].iloc[1] == pd.Timestamp("1995-01-01")  # a year-long bar
    figure = plot_timeline(timeline(seed))
    assert len(figure.axes) == 2
    assert [t.get_text() for t in figure.axes[0].get_yticklabels()] == list(data["label"])


def test_chart_on_a_single_date() -> None:
    article = parse_article(DATELINE + "Nothing else happened.\n")
    data = chart_data(timeline(article))
    assert list(data["panel"]) == [0] and len(plot_timeline(timeline(article)).axes) == 1


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "He left on Tuesday.",
                "Since 1994 it was frozen until last month.",
                "From 1990 to 1995 x.",
                "Prices rose over the past two years.",
                "Nothing.",
                "In May 2002, talks, said officials.",
                "“Quote” said on Monday (AP).",
                "ß İ 3 p.m. tonight",
                "between 2001 and 2002",
            ]
        ),
        min_size=1,
        max_size=6,
    ),
    st.booleans(),
)
def test_timeline_and_chart_never_raise(paragraphs: list[str], dated: bool) -> None:
    article = parse_article((DATELINE if dated else "Title\n") + "\n".join(paragraphs) + "\n")
    events = timeline(article)
    assert events["start_date"].is_monotonic_increasing
    assert (events["start_date"] <= events["end_date"]).all()
    chart_data(events)
    plot_timeline(events)
    import matplotlib.pyplot as plt

    plt.close("all")


def test_dates_are_naive_and_publication_is_beijing_date(seed) -> None:
    events = timeline(seed)
    publication = events[events["kind"] == "publication"].iloc[0]
    assert publication["start_date"] == pd.Timestamp(dt.date(2003, 1, 8))
    assert events["start_date"].dt.tz is None


def test_timex_table_on_the_seed(seed) -> None:
    table = timex_table(seed)
    assert list(table.columns) == TIMEX_TABLE_COLUMNS
    assert list(zip(table["sent_id"], table["expression"], table["value"])) == [
        (1, "Tuesday", "2003-01-07"),
        (9, "Monday", "2003-01-06"),
        (10, "last month", "2002-12"),
        (10, "1994", "1994"),
    ]
    assert table["sentence"].iloc[1].startswith("During their informal discussions on Monday")


def test_clock_comparison_shows_the_beijing_day_is_washingtons_tuesday(seed) -> None:
    table = clock_comparison(seed.published)
    assert list(table["washington"]) == [
        "Tue 2003-01-07 11:00",
        "Wed 2003-01-08 10:59",
        "Tue 2003-01-07 15:00",
    ]
    assert list(table["beijing"])[2] == "Wed 2003-01-08 04:00"
    assert clock_comparison(None).empty


def test_the_chart_names_years_on_its_ticks_and_zooms_on_the_news_days(seed) -> None:
    import matplotlib.pyplot as plt

    from helpers.plots import plot_news_days

    figure = plot_timeline(timeline(seed))
    ticks = [t.get_text() for axis in figure.axes for t in axis.get_xticklabels()]
    assert all(any(year in tick for year in ("1994", "1995", "2002", "2003")) for tick in ticks)
    assert [text.get_text() for text in figure.legends[0].get_texts()] == [
        "the article's date line",
        "an event dated to a day",
        "an event dated only to a month, a year…",
        "a period the text states",
    ]
    zoom = plot_news_days(timeline(seed), days=7)
    labels = [t.get_text() for t in zoom.axes[0].get_yticklabels()]
    assert [label.rsplit("(", 1)[1] for label in labels] == [
        "Monday)",
        "Tuesday)",
        "Wednesday, January 08, 2003)",
    ]
    plt.close("all")


def test_the_publication_row_uses_the_date_line_s_own_word() -> None:
    published = parse_article("Published: 28 October 2016 14:02 BST\nA title\n\nIt rained on Tuesday.\n")
    row = timeline(published).iloc[-1]
    assert (row["event"], row["expression"]) == ("published (dateline)", "28 October 2016 14:02 BST")
    given = parse_article("A title\n\nIt rained on Tuesday.\n", published="2016-10-28")
    assert timeline(given).iloc[-1]["event"] == "publication date (given)"


def test_chart_labels_are_cut_at_a_word_boundary() -> None:
    article = parse_article(
        DATELINE + "The committee of inquiry into the collapse of the northern "
        "embankment published its long awaited final report on Tuesday.\n"
    )
    label = chart_data(timeline(article))["label"].iloc[0]
    assert label.endswith("… (Tuesday)") and label.split(" …")[0] in article.text
