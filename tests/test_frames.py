"""Tables at the edge: a spec and column lists give the same frame as pandas' own constructors."""

import datetime as dt

import pandas as pd
import pytest

from helpers.frames import (
    BOOL,
    DATE,
    INT,
    OBJECT,
    STRING,
    build_frame,
    category_array,
    columns_of_rows,
    empty_columns,
)

KINDS = pd.CategoricalDtype(["direct", "indirect", "mixed"])
SPEC = {"n": INT, "s": STRING, "k": KINDS, "b": BOOL, "d": DATE, "o": OBJECT}


def test_columns_equal_the_slow_constructors() -> None:
    frame = build_frame(
        SPEC,
        {
            "n": [3, None, 7],
            "s": ["a", None, "c"],
            "k": ["mixed", "direct", None],
            "b": [True, False, True],
            "d": [dt.date(1994, 1, 1), dt.date(2003, 1, 8), dt.date(1199, 5, 1)],
            "o": [[(0, 1)], [], [(2, 3), (4, 5)]],
        },
    )
    expected = pd.DataFrame(
        {
            "n": pd.array([3, None, 7], dtype="Int64"),
            "s": pd.array(["a", None, "c"], dtype="string"),
            "k": pd.Categorical(["mixed", "direct", None], dtype=KINDS),
            "b": [True, False, True],
            "o": pd.Series([[(0, 1)], [], [(2, 3), (4, 5)]], dtype=object),
        }
    )
    pd.testing.assert_frame_equal(frame.drop(columns="d"), expected)
    assert str(frame["d"].dtype) == "datetime64[s]"
    assert frame["d"].dt.year.tolist() == [1994, 2003, 1199]
    assert frame.columns.tolist() == list(SPEC)


def test_rows_become_columns_and_an_empty_table_keeps_its_dtypes() -> None:
    assert columns_of_rows({"n": INT, "s": STRING}, [(1, "a"), (2, "b")]) == {
        "n": [1, 2],
        "s": ["a", "b"],
    }
    frame = build_frame(SPEC, empty_columns(SPEC))
    assert frame.empty and frame.columns.tolist() == list(SPEC)
    assert [str(t) for t in frame.dtypes] == [
        "Int64",
        "string",
        "category",
        "bool",
        "datetime64[s]",
        "object",
    ]


def test_unknown_category_is_an_error() -> None:
    with pytest.raises(KeyError):
        category_array(["quoted"], KINDS)
