"""Compare what the helpers computed with values established by hand ("How sure are we?")."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd


def compare_counts(by_hand: Mapping[str, object], computed: Mapping[str, object]) -> pd.DataFrame:
    """One row per quantity counted by hand: ``quantity``, ``by_hand``, ``computed``, ``agrees``."""
    rows = [(name, str(value), str(computed.get(name))) for name, value in by_hand.items()]
    table = pd.DataFrame(rows, columns=["quantity", "by_hand", "computed"], dtype="string")
    table["agrees"] = table["by_hand"] == table["computed"]
    return table
