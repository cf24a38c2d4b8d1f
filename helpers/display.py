"""One place for the display settings every notebook uses, so outputs are identical everywhere."""

from __future__ import annotations

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
