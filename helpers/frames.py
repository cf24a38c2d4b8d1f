"""Tables at the edge: a table is a spec (column → dtype) filled from plain column lists.

Analyses produce lists of spans and values; each table function turns them into columns (a
``dict`` of equal-length lists, in the spec's order) and :func:`build_frame` makes the
DataFrame with fixed dtypes. The corpus runner concatenates the column lists of every article
and builds each table once. The builders below make the dtypes (nullable ``Int64``,
``string``, ``category``, ``datetime64[s]``) directly: ``pd.array(values, dtype=...)`` infers
and re-validates every element and costs as much as an article's analysis.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from functools import lru_cache

import numpy as np
import pandas as pd
import pyarrow as pa

#: Column dtypes a spec may use (besides a ``pd.CategoricalDtype`` or ``pd.DatetimeTZDtype``).
INT, STRING, BOOL, DATE, OBJECT = "Int64", "string", "bool", "datetime64[s]", "object"
Spec = Mapping[str, object]
Columns = dict[str, list]


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
    code_of = _codes(dtype)
    codes = np.fromiter((code_of[value] for value in values), dtype=np.int16, count=len(values))
    return pd.Categorical.from_codes(codes, dtype=dtype, validate=False)


@lru_cache(maxsize=64)
def _codes(dtype: pd.CategoricalDtype) -> dict[str | None, int]:
    """Each category's code (None: -1); an unknown value raises KeyError when looked up."""
    return {None: -1, **{category: code for code, category in enumerate(dtype.categories)}}


def date_array(values: Sequence[dt.date]) -> np.ndarray:
    """A ``datetime64[s]`` array of calendar dates (seconds resolution reaches years before 1678)."""
    return np.array([np.datetime64(value, "s") for value in values], dtype="datetime64[s]")


def _object_array(values: Sequence[object]) -> np.ndarray:
    array = np.empty(len(values), dtype=object)
    array[:] = list(values) if values else []
    return array


def _array(values: Sequence, dtype: object) -> object:
    if isinstance(dtype, pd.CategoricalDtype):
        return category_array(values, dtype)
    if isinstance(dtype, pd.DatetimeTZDtype):
        return pd.array([pd.NaT if v is None else v for v in values], dtype=dtype)
    builders = {INT: int_array, STRING: string_array, DATE: date_array, OBJECT: _object_array}
    if dtype == BOOL:
        return np.array(values, dtype=bool)
    return builders[dtype](values)  # type: ignore[index]


def build_frame(spec: Spec, columns: Mapping[str, Sequence]) -> pd.DataFrame:
    """The DataFrame of ``columns`` (plain lists, one per column of ``spec``), in the spec's
    order and dtypes, with a 0..n-1 index."""
    return pd.DataFrame({name: _array(columns[name], dtype) for name, dtype in spec.items()})


def empty_columns(spec: Spec) -> Columns:
    """A table of ``spec`` with no rows, as column lists."""
    return {name: [] for name in spec}


def columns_of_rows(spec: Spec, rows: Sequence[Sequence]) -> Columns:
    """The column lists of ``rows`` (tuples in the spec's column order)."""
    if not rows:
        return empty_columns(spec)
    return dict(zip(spec, map(list, zip(*rows, strict=True)), strict=True))
