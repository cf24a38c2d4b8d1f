"""Detect and repair words that the publisher glued together ("DeputyForeign", "byDPRK").

*Candidates.* A run of ASCII letters (not touching other letters or digits) with a lower-case
letter directly followed by a capital splits into parts: capitalised words, lower-case words and
all-caps acronyms. It is a candidate join when the run is not itself a known English word while
every part is (Zipf frequency >= 3 in ``wordfreq``; acronyms count as known). Spellings in real
use (McDonald, iPhone, PhD, DreamWorks, MacArthur, YouTube, eBay) are known words, never
candidates.

*Evidence.* A candidate has exactly the shape of a brand name ("OceanGate", "TruePath"), so a
space is put back only where there is positive evidence that it was lost, join by join:

- a lower-case function word glued to a capitalised word or acronym ("by|DPRK", "in|Washington";
  the name may be a rare word);
- a person title glued to the capitalised word after it (AP style puts formal titles before
  names: "President|Bush"), or a title phrase of the lexicon (modifiers, then a title) that the
  split completes with the words that follow ("Deputy|Foreign Minister");
- the same two words written apart elsewhere in the text ("Ocean Gate" elsewhere splits
  "OceanGate").

Evidence that the run is a name vetoes every split: the same glued form twice in the text
(verbatim repeated paragraphs excepted), or an organisation head word right after it ("TruePath
Capital", "StarBridge Inc.", "SafeHarbor Group"). Titles, function words and organisation head
words come from ``data/entity_lexicon.tsv``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, cached_property

from wordfreq import zipf_frequency

from helpers.gazetteer import lexicon

REPAIR_RULE = "glued-words"
#: A part must be at least this common (Zipf 3 = once per million words) to count as known.
KNOWN_PART_ZIPF = 3.0
#: Longer letter runs are not a few glued words (and are not looked up).
MAX_GLUED_LENGTH = 64
_JOIN = re.compile(r"[a-z][A-Z]")
_LETTERS = re.compile(r"[A-Za-z]*")
_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_PART = re.compile(r"[A-Z]{2,}(?![a-z])|[A-Z]?[a-z]+")
_BIGRAM = re.compile(r"(?<![A-Za-z])([A-Za-z]++)\s++(?=([A-Za-z]++))")
_PUNCTUATION = ".,;:!?\"'()“”‘’"
_FOLLOWING_WORDS = 3


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


@cache
def _word_classes() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """Function words, titles, title modifiers and domains, organisation head words."""
    words = lexicon()
    return (
        words["function"],
        words["title"],
        words["title_modifier"] | words["title_domain"],
        words["org_head"],
    )


def split_glued_token(token: str) -> list[str] | None:
    """The parts of a candidate join, or ``None`` when ``token`` is not one (see module doc).

    After a lower-case function word ("by", "in") the name's parts may be rare words.
    """
    if len(token) > MAX_GLUED_LENGTH or not _JOIN.search(token):
        return None
    parts = _PART.findall(token)
    if len(parts) < 2 or "".join(parts) != token or _zipf(token) > 0:
        return None
    checked = parts[:1] if _is_function_word(parts[0]) else parts
    if any(not part.isupper() and _zipf(part) < KNOWN_PART_ZIPF for part in checked):
        return None
    return parts


def _is_function_word(part: str) -> bool:
    """A lower-case function word of two letters or more ("by", "in"; not "i", "e")."""
    return len(part) > 1 and part.islower() and part in _word_classes()[0]


class GlueEvidence:
    """What the whole text says about its glued words: how often each glued form occurs, and
    which pairs of words it also writes apart."""

    def __init__(self, text: str) -> None:
        self._text = text
        self.glued_counts = Counter(text[start:end] for start, end in _joined_runs(text))

    @cached_property
    def written_apart(self) -> frozenset[tuple[str, str]]:
        """Every pair of consecutive words separated by white space only."""
        return frozenset((match[1], match[2]) for match in _BIGRAM.finditer(self._text))

    def apart(self, left: str, right: str) -> bool:
        """True when ``left right`` is written elsewhere (``left`` may change its first case)."""
        return (left, right) in self.written_apart or (left.swapcase()[:1] + left[1:], right) in (
            self.written_apart
        )


def find_glued_words(paragraph: str, evidence: GlueEvidence | None = None) -> list[Repair]:
    """Return the repairs of ``paragraph``'s glued words, in text order.

    ``evidence`` describes the whole article (built from ``paragraph`` alone when omitted).
    """
    evidence = evidence or GlueEvidence(paragraph)
    repairs = []
    for start, end in _joined_runs(paragraph):
        token = paragraph[start:end]
        parts = split_glued_token(token)
        if not parts or evidence.glued_counts[token] > 1:
            continue
        following = [
            word.strip(_PUNCTUATION).lower()
            for word in paragraph[end : end + 200].split()[:_FOLLOWING_WORDS]
        ]
        if following and following[0] in _word_classes()[3]:
            continue
        repaired = _split_with_evidence(parts, following, evidence)
        if repaired != token:
            repairs.append(Repair(start, end, token, repaired))
    return repairs


def _split_with_evidence(parts: list[str], following: list[str], evidence: GlueEvidence) -> str:
    """Join ``parts`` back, with a space at each join that has evidence."""
    pieces = [parts[0]]
    for index in range(1, len(parts)):
        if _lost_space(parts, index, following, evidence):
            pieces.append(" ")
        pieces.append(parts[index])
    return "".join(pieces)


def _lost_space(parts: list[str], index: int, following: list[str], evidence: GlueEvidence) -> bool:
    """Is there evidence of a lost space between ``parts[index - 1]`` and ``parts[index]``?"""
    _, titles, modifiers, _ = _word_classes()
    left, right = parts[index - 1], parts[index]
    if index == 1 and _is_function_word(left):
        return True
    if left[0].isupper() and left.lower() in titles:
        return True
    words = [part.lower() for part in parts[index - 1 :]] + following
    if words[0] in modifiers:
        for word in words[1:]:
            if word in titles:
                return True
            if word not in modifiers:
                break
    return evidence.apart(left, right)


def _joined_runs(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the runs of ASCII letters holding a join that touch no other letter
    or digit, or that are too long to be glued words; linear in ``text``."""
    runs = []
    run_end = 0
    for join in _JOIN.finditer(text):
        if join.start() < run_end:
            continue
        run_end = _LETTERS.match(text, join.end()).end()
        start = join.start()
        while start and text[start - 1] in _ASCII_LETTERS and run_end - start <= MAX_GLUED_LENGTH:
            start -= 1
        if run_end - start > MAX_GLUED_LENGTH:
            continue
        if (start and text[start - 1].isalnum()) or (
            run_end < len(text) and text[run_end].isalnum()
        ):
            continue
        runs.append((start, run_end))
    return runs


def apply_repairs(paragraph: str, repairs: list[Repair]) -> str:
    """Return ``paragraph`` with every repair applied (repairs must be in text order)."""
    pieces, cursor = [], 0
    for repair in repairs:
        pieces += [paragraph[cursor : repair.start], repair.repaired]
        cursor = repair.end
    pieces.append(paragraph[cursor:])
    return "".join(pieces)
