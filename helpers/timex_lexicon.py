"""The words of temporal expressions: calendar names and ``data/timex_lexicon.json``.

Weekday and month names come from the package's one calendar lexicon
(:mod:`helpers.calendar_names`); number words, units, seasons, parts of the day, holidays,
quantity nouns and tense cues from ``data/timex_lexicon.json``. :func:`word_pattern` turns a
word list into a compact regular expression.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from helpers.calendar_names import calendar_names
from helpers.data import read_text


@dataclass(frozen=True)
class TimexLexicon:
    """Everything the recogniser and the normaliser look words up in (lower case)."""

    data: dict[str, Any]
    #: Month names and abbreviations -> 1..12; weekday names and abbreviations -> 1..7.
    months: dict[str, int]
    weekdays: dict[str, int]
    month_names: tuple[str, ...]
    month_abbreviations: tuple[str, ...]
    weekday_names: tuple[str, ...]
    weekday_abbreviations: tuple[str, ...]
    numbers: dict[str, int]
    vague: frozenset[str]
    #: Unit -> TIMEX3 duration code, with a multiplier where the unit has none of its own
    #: ("decade" -> "10Y").
    units: dict[str, str]
    #: Every unit word, singular or plural -> its singular.
    unit_of: dict[str, str]
    ordinals: dict[str, int]
    quantity_nouns: frozenset[str]


@cache
def timex_lexicon() -> TimexLexicon:
    """Load the lexicon once."""
    raw = read_text("timex_lexicon.json")
    data = json.loads(raw)
    calendar = calendar_names()
    unit_of = {unit: unit for unit in data["units"]} | data["unit_plurals"]
    return TimexLexicon(
        data=data,
        months=calendar.months,
        weekdays=calendar.weekdays,
        month_names=calendar.month_names,
        month_abbreviations=calendar.month_abbreviations,
        weekday_names=calendar.weekday_names,
        weekday_abbreviations=calendar.weekday_abbreviations,
        numbers=data["number_words"],
        vague=frozenset(data["vague_quantities"]),
        units=data["units"],
        unit_of=unit_of,
        ordinals=data["ordinals"],
        quantity_nouns=frozenset(data["quantity_nouns"]),
    )


def word_pattern(words: list[str] | tuple[str, ...]) -> str:
    """Regex matching any of ``words`` (lower case), longest first, as a prefix tree.

    A prefix tree keeps the regex engine from trying every word at every position. A space
    in a word matches any whitespace and an apostrophe matches ' or ’.
    """
    tree: dict[str, dict] = {}
    for word in {w.lower() for w in words}:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _tree_regex(tree)


def _tree_regex(node: dict[str, dict]) -> str:
    escaped = {" ": r"\s+", "'": "['’]"}
    branches = [escaped.get(c, re.escape(c)) + _tree_regex(child) for c, child in sorted(
        node.items()) if c]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body
