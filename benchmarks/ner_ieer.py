"""Score ``helpers.entities.extract_entities`` on the NLTK IE-ER corpus (exact spans), and time it.

These are DEVELOPMENT FIGURES: the recogniser's rules were written while reading IE-ER's errors.

Usage: ``python benchmarks/ner_ieer.py ../shared/nltk_data/corpora/ieer [--errors N]``

Each story is rebuilt as ``headline + "\\n\\n" + text`` with the SGML tags removed and the
``<b_enamex>`` annotations kept as character offsets. Labels are mapped to the corpus' three
types (PERSON; ORG → ORGANIZATION; GPE/LOC/FAC → LOCATION); NORP, EVENT and MISC are not scored.
Prints precision/recall/F1 per type, overall typed (span and type must match) and untyped (span
must match), skipping optional annotations as the MUC scorer does; then the recogniser's speed in
NLTK word tokens per CPU second (process time, fastest of ``TIMING_PASSES`` passes, so other load on
the machine counts as little as possible), next to the speed of NLTK word tokenization alone.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from nltk.tokenize import NLTKWordTokenizer

from ieer import read_stories
from scores import most_common, print_confusion, print_scores

from helpers.entities import extract_entities

LABEL_MAP = {
    "PERSON": "PERSON",
    "ORG": "ORGANIZATION",
    "GPE": "LOCATION",
    "LOC": "LOCATION",
    "FAC": "LOCATION",
}
TYPES = ("PERSON", "ORGANIZATION", "LOCATION")
TIMING_PASSES = 3
"""Both timings keep the fastest of this many passes over the corpus (less noise from other load)."""


_NLTK = NLTKWordTokenizer()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus_dir", type=Path)
    parser.add_argument(
        "--errors", type=int, default=0, help="print this many missed and spurious spans"
    )
    args = parser.parse_args()
    stories = read_stories(args.corpus_dir, trim=True)

    extract_entities("Warm-up loads the name lists once.")
    elapsed = tokenizer_elapsed = float("inf")
    for _ in range(TIMING_PASSES):
        started = time.process_time()
        predictions = [extract_entities(story.text) for story in stories]
        elapsed = min(elapsed, time.process_time() - started)
        started = time.process_time()
        n_tokens = sum(len(list(_NLTK.span_tokenize(story.text))) for story in stories)
        tokenizer_elapsed = min(tokenizer_elapsed, time.process_time() - started)

    gold_all: set[tuple[int, int, int, str]] = set()
    pred_all: set[tuple[int, int, int, str]] = set()
    for i, (story, frame) in enumerate(zip(stories, predictions, strict=True)):
        gold = [span for span in story.spans if span.kind == "enamex"]
        gold_all.update((i, g.start, g.end, g.type) for g in gold if not g.optional)
        optional = {(g.start, g.end) for g in gold if g.optional}
        for s, e, label in zip(frame["start"], frame["end"], frame["label"], strict=True):
            if label in LABEL_MAP and (int(s), int(e)) not in optional:
                pred_all.add((i, int(s), int(e), LABEL_MAP[label]))

    print("IE-ER (NYT 1998), exact spans: DEVELOPMENT FIGURES (rules written from this corpus)")
    print(f"{len(stories)} stories, {len(gold_all)} gold entities, {n_tokens} tokens")
    print_scores(gold_all, pred_all, TYPES, 14)
    print(
        f"speed: {n_tokens / elapsed:,.0f} tokens/s ({elapsed:.2f} s CPU); "
        f"NLTK word tokenization alone: {n_tokens / tokenizer_elapsed:,.0f} tokens/s"
    )

    if args.errors:
        print_confusion(gold_all, pred_all)
        texts = [story.text for story in stories]
        missed = Counter(f"{t:<13}{texts[i][s:e]!r}" for i, s, e, t in gold_all - pred_all)
        spurious = Counter(f"{t:<13}{texts[i][s:e]!r}" for i, s, e, t in pred_all - gold_all)
        print("\nmissed:")
        for item, n in most_common(missed, args.errors):
            print(f"{n:4d} {item}")
        print("\nspurious:")
        for item, n in most_common(spurious, args.errors):
            print(f"{n:4d} {item}")


if __name__ == "__main__":
    main()
