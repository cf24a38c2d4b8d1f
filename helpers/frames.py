"""Typed DataFrame columns built directly, for the per-article tables.

``pd.array(values, dtype=...)`` and ``pd.DataFrame(dict)`` infer and re-validate every element
and column; for the small tables made once per article they cost as much as the analysis
itself. These builders make the same dtypes (nullable ``Int64``, ``string``, ``category``)
directly. :func:`make_frame` assembles the columns with pandas' internal
``DataFrame._from_arrays``: pandas is pinned in requirements.txt and the tests of every table
check the result.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np
import pandas as pd
import pyarrow as pa


def int_array(values: Sequence[int | None]) -> pd.arrays.IntegerArray:
    """A nullable ``Int64`` array (``None`` becomes ``<NA>``)."""
    mask = np.fromiter((value is None for value in values), dtype=bool, count=len(values))
    data = np.fromiter(
        (0 if value is None else value for value in values), dtype=np.int64, count=len(values)
    )
    return pd.arrays.IntegerArray(data, mask)


def string_array(values: Sequence[str | None]) -> pd.api.extensions.ExtensionArray:
    """A pandas ``string`` array (``None`` becomes ``<NA>``), built straight from Arrow."""
    return pd.arrays.ArrowStringArray(pa.array(values, type=pa.large_string()))


def category_array(values: Sequence[str | None], dtype: pd.CategoricalDtype) -> pd.Categorical:
    """A categorical array of ``values``, each one of ``dtype``'s categories (or None: null)."""
    code_of: dict[str | None, int] = {None: -1}
    code_of.update((category, code) for code, category in enumerate(dtype.categories))
    codes = np.fromiter((code_of[value] for value in values), dtype=np.int16, count=len(values))
    return pd.Categorical.from_codes(codes, dtype=dtype)


def date_array(values: Sequence[dt.date]) -> np.ndarray:
    """A ``datetime64[s]`` array of calendar dates (seconds resolution reaches years before 1678)."""
    return np.array([np.datetime64(value, "s") for value in values], dtype="datetime64[s]")


def make_frame(columns: dict[str, object]) -> pd.DataFrame:
    """A DataFrame of equal-length, already typed columns, in the given order."""
    arrays = list(columns.values())
    rows = len(arrays[0]) if arrays else 0
    return pd.DataFrame._from_arrays(
        arrays, pd.Index(list(columns)), pd.RangeIndex(rows), verify_integrity=False
    )
