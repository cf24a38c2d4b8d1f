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


def _most_common(counts: Counter, n: int) -> list[tuple[str, int]]:
    """The ``n`` most frequent items, ties in alphabetical order (the same list every run)."""
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts (0 when undefined)."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


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
    print(f"{'type':<14}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}{'pred':>7}")
    for kind in TYPES:
        g = {x for x in gold_all if x[3] == kind}
        p = {x for x in pred_all if x[3] == kind}
        print(
            f"{kind:<14}"
            + "".join(f"{v:7.3f}" for v in prf(len(g & p), len(p), len(g)))
            + f"{len(g):7d}{len(p):7d}"
        )
    typed = prf(len(gold_all & pred_all), len(pred_all), len(gold_all))
    print(f"{'typed':<14}" + "".join(f"{v:7.3f}" for v in typed))
    gold_spans = {x[:3] for x in gold_all}
    pred_spans = {x[:3] for x in pred_all}
    untyped = prf(len(gold_spans & pred_spans), len(pred_spans), len(gold_spans))
    print(f"{'untyped':<14}" + "".join(f"{v:7.3f}" for v in untyped))
    print(
        f"speed: {n_tokens / elapsed:,.0f} tokens/s ({elapsed:.2f} s CPU); "
        f"NLTK word tokenization alone: {n_tokens / tokenizer_elapsed:,.0f} tokens/s"
    )

    if args.errors:
        predicted_type = {x[:3]: x[3] for x in pred_all}
        confusion = Counter(
            (x[3], predicted_type[x[:3]])
            for x in gold_all
            if x[:3] in predicted_type and predicted_type[x[:3]] != x[3]
        )
        print("\nright span, wrong type (gold -> predicted):")
        for (gold_type, predicted), n in sorted(confusion.items(), key=lambda kv: (-kv[1], kv[0])):
            print(f"{n:4d} {gold_type} -> {predicted}")
        texts = [story.text for story in stories]
        missed = Counter(f"{t:<13}{texts[i][s:e]!r}" for i, s, e, t in gold_all - pred_all)
        spurious = Counter(f"{t:<13}{texts[i][s:e]!r}" for i, s, e, t in pred_all - gold_all)
        print("\nmissed:")
        for item, n in _most_common(missed, args.errors):
            print(f"{n:4d} {item}")
        print("\nspurious:")
        for item, n in _most_common(spurious, args.errors):
            print(f"{n:4d} {item}")


if __name__ == "__main__":
    main()
