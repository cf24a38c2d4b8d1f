"""Score ``helpers.entities.extract_entities`` on the NLTK IE-ER corpus (exact spans), and time it.

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
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from helpers.entities import extract_entities
from helpers.words import token_spans

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
_DOC = re.compile(r"<DOC>(.*?)</DOC>", re.DOTALL)
_SECTION = re.compile(r"<(HEADLINE|TEXT)>(.*?)</\1>", re.DOTALL)
_TAG = re.compile(r'<b_enamex type="([A-Z]+)"( status="opt")?[^>]*>|<e_enamex>|<[^>]*>')

Span = tuple[int, int, str]
"""``(start, end, type)``; the type is prefixed with "opt:" for optional annotations (``status="opt"``),
which, as in the MUC scorer, count neither as missed nor, when predicted, as spurious."""


def strip_tags(sgml: str, offset: int) -> tuple[str, list[Span]]:
    """Remove the tags of ``sgml``; return the plain text and its ENAMEX spans shifted by ``offset``."""
    parts: list[str] = []
    spans: list[Span] = []
    length = 0
    opened: tuple[int, str] | None = None
    position = 0
    for tag in _TAG.finditer(sgml):
        parts.append(sgml[position : tag.start()])
        length += tag.start() - position
        position = tag.end()
        if tag.group(1):
            opened = (length, ("opt:" if tag.group(2) else "") + tag.group(1))
        elif tag.group(0) == "<e_enamex>" and opened is not None:
            spans.append((offset + opened[0], offset + length, opened[1]))
            opened = None
    parts.append(sgml[position:])
    return "".join(parts), spans


def read_stories(corpus_dir: Path) -> list[tuple[str, list[Span]]]:
    """Return ``(text, gold spans)`` for every story of every corpus file."""
    stories = []
    for path in sorted(p for p in corpus_dir.iterdir() if p.name.isupper() or "_" in p.name):
        if path.name == "README":
            continue
        for doc in _DOC.finditer(path.read_text("latin-1")):
            text, gold = "", []
            for section in _SECTION.finditer(doc.group(1)):
                if text:
                    text += "\n\n"
                plain, spans = strip_tags(section.group(2).strip("\n"), len(text))
                text += plain
                gold.extend(spans)
            stories.append((text, gold))
    return stories


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts (0 when undefined)."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus_dir", type=Path)
    parser.add_argument(
        "--errors", type=int, default=0, help="print this many missed and spurious spans"
    )
    args = parser.parse_args()
    stories = read_stories(args.corpus_dir)

    extract_entities("Warm-up loads the name lists once.")
    elapsed = tokenizer_elapsed = float("inf")
    for _ in range(TIMING_PASSES):
        started = time.process_time()
        predictions = [extract_entities(text) for text, _ in stories]
        elapsed = min(elapsed, time.process_time() - started)
        started = time.process_time()
        n_tokens = sum(len(token_spans(text)) for text, _ in stories)
        tokenizer_elapsed = min(tokenizer_elapsed, time.process_time() - started)

    gold_all: set[tuple[int, int, int, str]] = set()
    pred_all: set[tuple[int, int, int, str]] = set()
    for i, ((_, gold), frame) in enumerate(zip(stories, predictions, strict=True)):
        gold_all.update((i, s, e, t) for s, e, t in gold if not t.startswith("opt:"))
        optional = {(s, e) for s, e, t in gold if t.startswith("opt:")}
        for s, e, label in zip(frame["start"], frame["end"], frame["label"], strict=True):
            if label in LABEL_MAP and (int(s), int(e)) not in optional:
                pred_all.add((i, int(s), int(e), LABEL_MAP[label]))

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
        for (gold_type, predicted), n in confusion.most_common():
            print(f"{n:4d} {gold_type} -> {predicted}")
        texts = [text for text, _ in stories]
        missed = Counter(f"{t:<13}{texts[i][s:e]!r}" for i, s, e, t in gold_all - pred_all)
        spurious = Counter(f"{t:<13}{texts[i][s:e]!r}" for i, s, e, t in pred_all - gold_all)
        print("\nmissed:")
        for item, n in missed.most_common(args.errors):
            print(f"{n:4d} {item}")
        print("\nspurious:")
        for item, n in spurious.most_common(args.errors):
            print(f"{n:4d} {item}")


if __name__ == "__main__":
    main()
