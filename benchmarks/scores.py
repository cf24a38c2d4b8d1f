"""Scores shared by the entity benchmarks: precision, recall and F1 per type, typed and untyped."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

#: A scored span: ``(document, start, end, type)``.
Scored = tuple[object, int, int, str]


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts (0 when undefined)."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def most_common(counts: Counter, n: int) -> list[tuple[str, int]]:
    """The ``n`` most frequent items, ties in alphabetical order (the same list every run)."""
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


def print_scores(gold: set[Scored], predicted: set[Scored], types: Iterable[str], width: int) -> None:
    """One line per type (P, R, F1, gold and predicted counts), then typed and untyped totals."""
    print(f"{'type':<{width}}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}{'pred':>7}")
    for kind in types:
        g = {x for x in gold if x[3] == kind}
        p = {x for x in predicted if x[3] == kind}
        scores = "".join(f"{v:7.3f}" for v in prf(len(g & p), len(p), len(g)))
        print(f"{kind:<{width}}{scores}{len(g):7d}{len(p):7d}")
    typed = prf(len(gold & predicted), len(predicted), len(gold))
    print(f"{'typed':<{width}}" + "".join(f"{v:7.3f}" for v in typed))
    gold_spans = {x[:3] for x in gold}
    predicted_spans = {x[:3] for x in predicted}
    untyped = prf(len(gold_spans & predicted_spans), len(predicted_spans), len(gold_spans))
    print(f"{'untyped':<{width}}" + "".join(f"{v:7.3f}" for v in untyped))


def print_confusion(gold: set[Scored], predicted: set[Scored]) -> None:
    """Names found with the right span but the wrong type, counted per (gold, predicted) type."""
    predicted_type = {x[:3]: x[3] for x in predicted}
    confusion = Counter(
        (x[3], predicted_type[x[:3]])
        for x in gold
        if x[:3] in predicted_type and predicted_type[x[:3]] != x[3]
    )
    print("\nright span, wrong type (gold -> predicted):")
    for (gold_type, predicted_label), n in sorted(confusion.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"{n:4d} {gold_type} -> {predicted_label}")
