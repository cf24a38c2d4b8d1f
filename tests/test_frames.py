"""The direct column builders make the same dtypes and values as pandas' own constructors."""

import pandas as pd
import pytest

from helpers.frames import category_array, int_array, make_frame, string_array

KINDS = pd.CategoricalDtype(["direct", "indirect", "mixed"])


def test_columns_equal_the_slow_constructors() -> None:
    frame = make_frame(
        {
            "n": int_array([3, None, 7]),
            "s": string_array(["a", None, "c"]),
            "k": category_array(["mixed", "direct", "mixed"], KINDS),
        }
    )
    expected = pd.DataFrame(
        {
            "n": pd.array([3, None, 7], dtype="Int64"),
            "s": pd.array(["a", None, "c"], dtype="string"),
            "k": pd.Categorical(["mixed", "direct", "mixed"], dtype=KINDS),
        }
    )
    pd.testing.assert_frame_equal(frame, expected)
    assert frame.columns.tolist() == ["n", "s", "k"]


def test_empty_frame_keeps_columns_and_dtypes() -> None:
    frame = make_frame({"n": int_array([]), "s": string_array([])})
    assert frame.empty and frame.columns.tolist() == ["n", "s"]
    assert [str(t) for t in frame.dtypes] == ["Int64", "string"]


def test_unknown_category_is_an_error() -> None:
    with pytest.raises(KeyError):
        category_array(["quoted"], KINDS)
