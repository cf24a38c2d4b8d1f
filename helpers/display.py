"""How notebooks show things: fixed display settings (so outputs are identical everywhere) and
tables formatted for reading."""

from __future__ import annotations

import html
from dataclasses import dataclass

import pandas as pd

#: Settings that shape notebook output; nbval compares that output, so they are fixed here.
PANDAS_OPTIONS = {
    "display.max_rows": 100,
    "display.max_columns": 30,
    "display.width": 120,
    "display.max_colwidth": 80,
    "display.precision": 2,
    "display.show_dimensions": False,
}
MATPLOTLIB_RC = {
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "figure.figsize": (8, 4),
    "font.size": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "svg.hashsalt": "helpers",
}


def setup_display() -> None:
    """Apply the project's pandas display options and matplotlib defaults (inline PNG figures)."""
    import matplotlib

    for option, value in PANDAS_OPTIONS.items():
        pd.set_option(option, value)
    matplotlib.rcParams.update(MATPLOTLIB_RC)


@dataclass(frozen=True)
class ReadableTable:
    """A table for reading: text left-aligned and wrapped, numbers right-aligned, no index,
    blanks for missing values. Jupyter shows ``html``; ``text`` is the plain-text form."""

    html: str
    text: str

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return self.text


def readable(frame: pd.DataFrame, blank: str = "") -> ReadableTable:
    """``frame`` as a :class:`ReadableTable` (its index is not shown: keep what matters in a
    column). Missing values show as ``blank``; True/False as yes/no.

    Alignment is written twice, as ``align`` (kept by GitHub's sanitiser, which drops styles)
    and as an inline style (which wins over JupyterLab's right-aligned table style).
    """
    numeric = [pd.api.types.is_numeric_dtype(dtype) and not pd.api.types.is_bool_dtype(dtype)
               for dtype in frame.dtypes]
    cells = [[_cell(value, blank) for value in row] for row in frame.itertuples(index=False)]

    def tag(name: str, content: str, right: bool) -> str:
        side = "right" if right else "left"
        return f'<{name} align="{side}" style="text-align: {side}">{content}</{name}>'

    head = "".join(tag("th", html.escape(str(c), quote=False), r) for c, r in zip(frame.columns, numeric))
    body = "".join(
        "<tr>" + "".join(tag("td", html.escape(c, quote=False), r) for c, r in zip(row, numeric)) + "</tr>"
        for row in cells
    )
    markup = f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    plain = pd.DataFrame(cells, columns=[str(c) for c in frame.columns]).to_string(index=False)
    return ReadableTable(markup, plain)


def _cell(value: object, blank: str) -> str:
    if value is None or value is pd.NA or (not isinstance(value, str) and pd.isna(value)):
        return blank
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.1f}"
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d") if value == value.normalize() else value.isoformat()
    return " ".join(str(value).split())
