"""How notebooks show things: fixed display settings (so outputs are identical everywhere) and
tables formatted for reading."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
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
    "figure.dpi": 150,
    "savefig.dpi": 150,
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


#: Cells of a column whose values are all at most this long never wrap (dates, numbers, codes).
_SHORT_CELL = 24


@dataclass(frozen=True)
class HtmlOutput:
    """Something to show in a notebook: Jupyter displays ``html``; ``text`` is the plain form."""

    html: str
    text: str

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return self.text


def readable(
    frame: pd.DataFrame, blank: str = "", percent: Sequence[str] = (), digits: int = 1
) -> HtmlOutput:
    """``frame`` as a table for reading: text left-aligned and wrapped, numbers right-aligned
    (its index is not shown: keep what matters in a
    column). Missing values show as ``blank``; True/False as yes/no; the ``percent`` columns
    (shares from 0 to 1) as whole percentages; other fractions with ``digits`` decimals.

    Alignment is written twice, as ``align`` (kept by GitHub's sanitiser, which drops styles)
    and as an inline style (which wins over JupyterLab's right-aligned table style).
    """
    numeric = [pd.api.types.is_numeric_dtype(dtype) and not pd.api.types.is_bool_dtype(dtype)
               for dtype in frame.dtypes]
    formats = [
        (lambda v: f"{v:.0%}") if column in percent else (lambda v: f"{v:.{digits}f}")
        for column in frame.columns
    ]
    cells = [
        [_cell(value, blank, fmt) for value, fmt in zip(row, formats)]
        for row in frame.itertuples(index=False)
    ]

    short = [all(len(row[i]) <= _SHORT_CELL for row in cells) for i in range(len(frame.columns))]

    def tag(name: str, content: str, column: int) -> str:
        side = "right" if numeric[column] else "left"
        wrap = "; white-space: nowrap" if short[column] and name == "td" else ""
        return f'<{name} align="{side}" style="text-align: {side}{wrap}">{content}</{name}>'

    head = "".join(
        tag("th", html.escape(str(c), quote=False), i) for i, c in enumerate(frame.columns)
    )
    body = "".join(
        "<tr>"
        + "".join(tag("td", html.escape(c, quote=False), i) for i, c in enumerate(row))
        + "</tr>"
        for row in cells
    )
    markup = f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    plain = pd.DataFrame(cells, columns=[str(c) for c in frame.columns]).to_string(index=False)
    return HtmlOutput(markup, plain)


def _cell(value: object, blank: str, fraction: Callable[[float], str]) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(_cell(item, blank, fraction) for item in value)
    if value is None or value is pd.NA or (not isinstance(value, str) and pd.isna(value)):
        return blank
    if isinstance(value, (bool, np.bool_)):
        return "yes" if value else "no"
    if isinstance(value, (float, np.floating)):
        return fraction(float(value))
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d") if value == value.normalize() else value.isoformat()
    return " ".join(str(value).split())


def findings_box(findings: Sequence[str], limits: str) -> HtmlOutput:
    """What a notebook found, in a box at its top: 2-4 plain sentences with the numbers, and
    one line on the limits. Plain HTML (a quotation block), as GitHub and JupyterLab show it."""
    items = "".join(f"<li>{html.escape(item, quote=False)}</li>" for item in findings)
    markup = (
        f"<blockquote><p><b>Findings</b></p><ul>{items}</ul>"
        f"<p><i>Limits:</i> {html.escape(limits, quote=False)}</p></blockquote>"
    )
    plain = "\n".join(["Findings", *(f"- {item}" for item in findings), f"Limits: {limits}"])
    return HtmlOutput(markup, plain)


def snippet(text: str, start: int, end: int, width: int = 45) -> str:
    """``text[start:end]`` in its context: up to ``width`` characters either side, cut at word
    boundaries, the span itself in brackets: "…concessions to [Pyongyang] in order to…"."""
    left = text[max(0, start - width) : start]
    right = text[end : end + width]
    if start - width > 0 and " " in left:
        left = "…" + left[left.index(" ") + 1 :]
    if end + width < len(text) and " " in right:
        right = right[: right.rindex(" ")] + "…"
    return " ".join(f"{left}[{text[start:end]}]{right}".split())
