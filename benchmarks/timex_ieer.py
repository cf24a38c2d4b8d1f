"""Extent accuracy and speed of ``helpers.timexes.extract_timexes`` on the NLTK IE-ER corpus.

Usage: ``python benchmarks/timex_ieer.py CORPUS_DIR [--errors]`` where CORPUS_DIR is the
``nltk_data/corpora/ieer`` folder (read in place, never copied).

Each story's headline and text are stripped of their SGML tags with the character offsets of
the gold ``<b_timex type=DATE|TIME|DURATION>`` spans kept; ``extract_timexes`` runs on that
plain text with the story's ``<DATE_TIME>`` as anchor. Scores: precision/recall/F1 for strict
extents (same start and end) and overlap extents (one-to-one, any shared character).

SET predictions are left out of the scores (IE-ER follows MUC-7, which has no SET type: its
"every week" is not annotated at all) and counted separately. IE-ER also does not annotate
several expressions that TimeML does ("today", "now", "yesterday", "last week", "recently",
"the past"...) and tags only the head of others ("last month" is gold "month"): the
``TimeML-only`` line reports precision without the predictions that consist of such
reference words, so guideline differences and real errors can be told apart. IE-ER also tags
only the duration of "two years later" / "10 years ago" ("two years"), where the extraction
keeps the whole expression as one date ("two years later"): such pairs count as overlap
matches, not strict ones.

These are DEVELOPMENT figures: the rules were written looking at IE-ER's errors.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ieer import Story, read_stories

from helpers.timexes import extract_timexes, iter_timexes  # noqa: E402

#: The gold ``<b_timex>`` types that are scored.
GOLD_TYPES = ("DATE", "TIME", "DURATION")
#: Expressions TimeML annotates and IE-ER (MUC-7 style) leaves untagged.
_TIMEML_ONLY = re.compile(
    r"(?i)(?:today|tonight|yesterday|tomorrow|now|currently|recently|lately|nowadays|"
    r"the (?:past|future|present)|these days|(?:this|last|next) (?:week|weekend)|"
    r"(?:earlier |later )?this (?:month|year)|the weekend|.*\bmorning|.*\bnight|.*\bafternoon|"
    r".*\bevening)"
)


def gold_spans(story: Story) -> list[tuple[int, int]]:
    """The story's DATE/TIME/DURATION timex spans, in text order."""
    return [(g.start, g.end) for g in story.spans if g.kind == "timex" and g.type in GOLD_TYPES]


def score(gold: list[tuple[int, int]], predicted: list[tuple[int, int]]) -> tuple[int, int]:
    """Return (strict matches, overlap matches), each a one-to-one matching."""
    strict = len(set(gold) & set(predicted))
    used: set[int] = set()
    overlap = 0
    for start, end in predicted:
        for index, (gold_start, gold_end) in enumerate(gold):
            if index not in used and start < gold_end and gold_start < end:
                used.add(index)
                overlap += 1
                break
    return strict, overlap


def prf(matches: int, n_predicted: int, n_gold: int) -> str:
    precision = matches / n_predicted if n_predicted else 0.0
    recall = matches / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f"P={precision:.3f} R={recall:.3f} F1={f1:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus_dir", type=Path)
    parser.add_argument("--errors", action="store_true", help="list missed and spurious spans")
    args = parser.parse_args()
    stories = read_stories(args.corpus_dir)
    n_gold = n_pred = n_sets = n_timeml_only = strict = overlap = overlap_timeml_only = 0
    for story in stories:
        gold = gold_spans(story)
        rows = iter_timexes(story.text, story.date)
        n_sets += sum(row[2] == "SET" for row in rows)
        predicted = [(row[0], row[1]) for row in rows if row[2] != "SET"]
        timeml_only = [
            span for span in predicted if _TIMEML_ONLY.fullmatch(story.text[span[0] : span[1]])
        ]
        s, o = score(gold, predicted)
        n_gold, n_pred, strict, overlap = (
            n_gold + len(gold), n_pred + len(predicted), strict + s, overlap + o,
        )
        n_timeml_only += len(timeml_only)
        overlap_timeml_only += score(gold, timeml_only)[1]
        if args.errors:
            show_errors(story.text, gold, predicted)
    seconds = min(_timed_pass(stories, iter_timexes) for _ in range(10))
    frame_seconds = min(_timed_pass(stories, extract_timexes) for _ in range(10))
    n_chars = sum(len(story.text) for story in stories)
    print(f"stories: {len(stories)}  gold DATE/TIME/DURATION: {n_gold}  predicted: {n_pred}"
          f"  (SET predictions not scored: {n_sets})")
    print(f"strict : {prf(strict, n_pred, n_gold)}")
    print(f"overlap: {prf(overlap, n_pred, n_gold)}")
    print(f"overlap, TimeML-only reference words left out ({n_timeml_only} predictions): "
          f"{prf(overlap - overlap_timeml_only, n_pred - n_timeml_only, n_gold)}")
    print(f"speed  : {len(stories) / seconds:.0f} stories/s, best of 10 passes "
          f"({n_chars / len(stories):.0f} chars per story, iter_timexes: no DataFrame); "
          f"extract_timexes: {len(stories) / frame_seconds:.0f} stories/s")


def _timed_pass(stories: list[Story], extract: Callable[[str, object], object]) -> float:
    began = time.perf_counter()
    for story in stories:
        extract(story.text, story.date)
    return time.perf_counter() - began


def show_errors(text: str, gold: list[tuple[int, int]], predicted: list[tuple[int, int]]) -> None:
    for start, end in gold:
        if not any(s < end and start < e for s, e in predicted):
            print(f"MISSED   {text[start:end]!r:30} ... {text[max(0, start - 40):end + 20]!r}")
        elif (start, end) not in predicted:
            found = [text[s:e] for s, e in predicted if s < end and start < e]
            print(f"EXTENT   gold {text[start:end]!r:24} got {found!r}")
    for start, end in predicted:
        if not any(s < end and start < e for s, e in gold):
            print(f"SPURIOUS {text[start:end]!r:30} ... {text[max(0, start - 40):end + 20]!r}")


if __name__ == "__main__":
    main()
