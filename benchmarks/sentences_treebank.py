"""Sentence-boundary precision, recall and F1 of ``helpers.sentences`` on CoNLL-U treebanks.

Usage: ``python benchmarks/sentences_treebank.py TREEBANK_DIR [TREEBANK_DIR ...] [--errors N]``

Every ``# newdoc`` becomes one text: its sentences (``# text =``) joined by a space within a
paragraph (``# newpar``) and by a blank line between paragraphs. A boundary is the end offset of a
sentence. Two figures per genre (the second word of a GUM file name; ``ewt`` for the Web
Treebank): over every boundary but the document's last, and over the boundaries *inside*
paragraphs only (a blank line always ends a sentence, so paragraph ends are easy). ``--errors N``
prints N missed and N spurious in-paragraph boundaries with their context.

Figures on ``../shared/treebanks`` are development figures: the rules were checked against them.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from helpers.sentences import sentence_spans


@dataclass
class Document:
    """One treebank document as plain text, with its gold sentence ends."""

    genre: str
    text: str = ""
    ends: list[int] = field(default_factory=list)
    paragraph_ends: set[int] = field(default_factory=set)


def _genre(path: Path) -> str:
    parts = path.stem.split("_")
    return parts[1] if parts[0] == "GUM" and len(parts) > 2 else "ewt"


def read_documents(path: Path) -> list[Document]:
    """The documents of one CoNLL-U file."""
    documents: list[Document] = []
    paragraph: list[str] = []

    def close_paragraph() -> None:
        if not paragraph:
            return
        doc = documents[-1]
        if doc.text:
            doc.text += "\n\n"
        for index, sentence in enumerate(paragraph):
            if index:
                doc.text += " "
            doc.text += sentence
            doc.ends.append(len(doc.text))
        doc.paragraph_ends.add(len(doc.text))
        paragraph.clear()

    for line in path.read_text("utf-8").splitlines():
        if line.startswith("# newdoc"):
            close_paragraph()
            documents.append(Document(_genre(path)))
        elif line.startswith("# newpar"):
            close_paragraph()
        elif line.startswith("# text = "):
            if not documents:
                documents.append(Document(_genre(path)))
            paragraph.append(line[len("# text = ") :].strip())
    close_paragraph()
    return [d for d in documents if d.text]


@dataclass
class Score:
    """Boundary counts."""

    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0

    def add(self, gold: set[int], predicted: set[int]) -> None:
        self.true_positive += len(gold & predicted)
        self.false_positive += len(predicted - gold)
        self.false_negative += len(gold - predicted)

    def row(self) -> str:
        tp, fp, fn = self.true_positive, self.false_positive, self.false_negative
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return f"{precision:6.3f} {recall:6.3f} {f1:6.3f} {tp + fn:6d}"


def _context(text: str, offset: int) -> str:
    return (text[max(0, offset - 50) : offset] + " || " + text[offset : offset + 40]).replace(
        "\n", " "
    )


def main(argv: list[str] | None = None) -> int:
    """Score every document and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", type=Path, nargs="+", help="folders of .conllu files")
    parser.add_argument("--errors", type=int, default=0, help="print N errors of each kind")
    args = parser.parse_args(argv)

    all_scores: dict[str, Score] = defaultdict(Score)
    inner_scores: dict[str, Score] = defaultdict(Score)
    missed: list[str] = []
    spurious: list[str] = []
    for folder in args.folders:
        for path in sorted(folder.glob("*.conllu")):
            for doc in read_documents(path):
                gold = set(doc.ends) - {len(doc.text)}
                predicted = {end for _, end in sentence_spans(doc.text)} - {len(doc.text)}
                inner_gold = gold - doc.paragraph_ends
                inner_predicted = predicted - doc.paragraph_ends
                for genre in (doc.genre, "all"):
                    all_scores[genre].add(gold, predicted)
                    inner_scores[genre].add(inner_gold, inner_predicted)
                missed += [_context(doc.text, o) for o in sorted(inner_gold - inner_predicted)]
                spurious += [_context(doc.text, o) for o in sorted(inner_predicted - inner_gold)]

    print("development figures (boundary = sentence end offset)")
    print(
        f"{'genre':<10} {'all boundaries: P':>18} {'R':>6} {'F1':>6} {'gold':>6}   "
        f"{'in-paragraph: P':>15} {'R':>6} {'F1':>6} {'gold':>6}"
    )
    for genre in sorted(all_scores, key=lambda g: (g == "all", g)):
        print(f"{genre:<10} {all_scores[genre].row():>38}   {inner_scores[genre].row()}")
    for label, errors in (("missed", missed), ("spurious", spurious)):
        if args.errors:
            print(f"\n{label} in-paragraph boundaries ({len(errors)}), first {args.errors}:")
            for error in errors[: args.errors]:
                print("  " + error)
    return 0


if __name__ == "__main__":
    sys.exit(main())
