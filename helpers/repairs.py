"""Detect and repair words that the publisher glued together ("DeputyForeign", "byDPRK").

Rule: inside one token, a run of lower-case letters directly followed by a capitalised word or
an all-caps acronym is a join candidate. It is repaired (a space inserted) only when the glued
token is not itself a known English word while every part is: frequencies come from the
``wordfreq`` package (Zipf scale, news/web/Wikipedia sources). Brand and surname spellings in
real use (McDonald, iPhone, PhD, DreamWorks, MacArthur, YouTube, eBay) are known words, so they
are left alone; acronym parts (DPRK) count as known when they are all caps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from wordfreq import zipf_frequency

REPAIR_RULE = "glued-words"
#: A part must be at least this common (Zipf 3 = once per million words) to count as known.
KNOWN_PART_ZIPF = 3.0
_TOKEN = re.compile(r"[A-Za-z]*[a-z][A-Z][A-Za-z]*")
_PART = re.compile(r"[A-Z]{2,}(?![a-z])|[A-Z]?[a-z]+")


@dataclass(frozen=True)
class Repair:
    """One repaired token: its offsets in the original paragraph and the replacement."""

    start: int
    end: int
    original: str
    repaired: str
    rule: str = REPAIR_RULE


@cache
def _zipf(word: str) -> float:
    return zipf_frequency(word.lower(), "en")


def split_glued_token(token: str) -> list[str] | None:
    """Return the parts of a glued token, or ``None`` when ``token`` is not a glued join."""
    parts = _PART.findall(token)
    if len(parts) < 2 or "".join(parts) != token or _zipf(token) > 0:
        return None
    for part in parts:
        is_acronym = part.isupper()
        if not is_acronym and _zipf(part) < KNOWN_PART_ZIPF:
            return None
    return parts


def find_glued_words(paragraph: str) -> list[Repair]:
    """Return the glued joins in ``paragraph``, in text order."""
    repairs = []
    for match in _TOKEN.finditer(paragraph):
        if (match.start() and paragraph[match.start() - 1].isalnum()) or (
            match.end() < len(paragraph) and paragraph[match.end()].isalnum()
        ):
            continue
        parts = split_glued_token(match.group())
        if parts:
            repairs.append(Repair(match.start(), match.end(), match.group(), " ".join(parts)))
    return repairs


def apply_repairs(paragraph: str, repairs: list[Repair]) -> str:
    """Return ``paragraph`` with every repair applied (repairs must be in text order)."""
    pieces, cursor = [], 0
    for repair in repairs:
        pieces += [paragraph[cursor : repair.start], repair.repaired]
        cursor = repair.end
    pieces.append(paragraph[cursor:])
    return "".join(pieces)
