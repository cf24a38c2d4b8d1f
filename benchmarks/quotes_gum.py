"""Attribution content found by ``extract_quotes`` against GUM's ``attribution`` relations.

Usage: ``python benchmarks/quotes_gum.py ../shared/treebanks/gum [--held-out GENRE] [--errors N]``

GUM (the Georgetown University Multilayer corpus) segments each text into elementary discourse
units (EDUs) and links them by RST relations; the first token of every EDU carries
``Discourse=RELATION:SOURCE->HEAD:...`` in the last CoNLL-U column. An ``attribution-positive``
or ``attribution-negative`` relation links the EDU of a source ("The Independent reported",
"I think", "according to the police") to the head EDU of what it attributes. Here:

* **Text.** Each document is rebuilt from its ``# text`` lines: sentences joined by a space,
  a ``# newpar`` starting a new paragraph (a blank line). Every token gets its offsets by
  searching its form in the sentence text, in order.
* **Gold content.** For each attribution relation, the head EDU together with the EDUs
  joined to it by ``same-unit`` (a content interrupted by its source or by a parenthesis), as
  one character span (their hull). Photo credits ("Image: Danny Newman.") and every other
  attribution in GUM count, cue or no cue.
* **Matching.** A found row (any row of ``extract_quotes``, nested or not) and a gold
  attribution match when the row's content pieces share at least one character with the gold
  content; rows and gold contents are paired one to one, greatest overlap first. Recall =
  matched gold / gold.
* **Precision.** GUM can only annotate an attribution whose source and content it segmented
  into different EDUs; it often leaves a reporting verb and its clause in one EDU ("Findings
  of Lapita pottery suggest that early Polynesians were on these islands", "it should be
  noted that many airlines will require a visa"), and it has no relation for a quotation
  without a source in the text. So a found row whose cue and content start in the same EDU,
  or that has no cue, is *unjudged* unless it matches. ``P`` = matched rows / judged rows (the
  development target); ``P all`` = matched rows / all rows, a lower bound.

These are **development figures**: the cue lexicon and the rules were written while looking at
the development genres (academic, bio, court, voyage). The held-out genre (default
``interview``, Wikinews interviews, the closest to news) is scored separately and was not
used to write rules. GUM's notion of attribution is broader than reported speech (perception
and instruction: "you will see", "make sure", "note that"), so recall is bounded well below 1.
"""

from __future__ import annotations

import argparse
import re
import sys
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from helpers.quotes import extract_quotes

_DISCOURSE = re.compile(r"Discourse=([^|:]+):(\d+)->(\d+)")
Span = tuple[int, int]


@dataclass
class Attribution:
    """A gold attribution: the source EDU and the content (hull of head and same-unit EDUs)."""

    source: Span
    content: Span
    relation: str


@dataclass
class GumDocument:
    """One GUM document as plain text with its gold attributions."""

    name: str
    genre: str
    text: str
    attributions: list[Attribution] = field(default_factory=list)
    edu_starts: list[int] = field(default_factory=list)

    def same_edu(self, first: int, second: int) -> bool:
        """Whether offsets ``first`` and ``second`` lie in the same EDU."""
        return bisect_right(self.edu_starts, first) == bisect_right(self.edu_starts, second)


@dataclass
class _Edu:
    relation: str
    head: int
    start: int
    end: int


def read_document(path: Path) -> GumDocument:
    """Rebuild the text of one CoNLL-U file and its attribution relations."""
    parts: list[str] = []
    length = 0
    edus: dict[int, _Edu] = {}
    current: _Edu | None = None
    new_paragraph = False
    sentence_start = 0
    sentence = ""
    position = 0
    word_span = (0, 0)  # a multi-word token ("don't"): its words share its offsets
    word_last = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newpar"):
            new_paragraph = True
        elif line.startswith("# text = "):
            sentence = line[len("# text = ") :]
            separator = "" if not parts else "\n\n" if new_paragraph else " "
            parts += [separator, sentence]
            sentence_start = length + len(separator)
            length = sentence_start + len(sentence)
            new_paragraph = False
            position = word_last = 0
        elif line and not line.startswith("#"):
            columns = line.split("\t")
            if "." in columns[0]:
                continue
            if "-" in columns[0]:
                _, last = columns[0].split("-")
                word_last = int(last)
            if "-" in columns[0] or int(columns[0]) > word_last:
                found = sentence.find(columns[1], position)
                found = position if found < 0 else found
                position = found + len(columns[1]) if found >= position else position
                word_span = (sentence_start + found, sentence_start + position)
            if "-" in columns[0]:
                continue
            start, end = word_span
            match = _DISCOURSE.search(columns[9])
            if match is not None:
                current = _Edu(match.group(1), int(match.group(3)), start, end)
                edus[int(match.group(2))] = current
            elif current is not None:
                current.end = max(current.end, end)
    text = "".join(parts)
    document = GumDocument(path.stem, path.stem.split("_")[1], text)
    document.edu_starts = sorted(edu.start for edu in edus.values())
    joined: dict[int, list[int]] = {}
    for number, edu in edus.items():
        if edu.relation.startswith("same-unit"):
            joined.setdefault(edu.head, []).append(number)
    for edu in edus.values():
        if not edu.relation.startswith("attribution") or edu.head not in edus:
            continue
        pieces = [edus[edu.head], *(edus[n] for n in joined.get(edu.head, []))]
        content = (min(p.start for p in pieces), max(p.end for p in pieces))
        document.attributions.append(Attribution((edu.start, edu.end), content, edu.relation))
    return document


def read_corpus(folder: Path) -> list[GumDocument]:
    """Every ``GUM_*.conllu`` document of ``folder``, in name order."""
    return [read_document(path) for path in sorted(folder.glob("GUM_*.conllu"))]


@dataclass
class Score:
    """Matched rows and gold attributions, with the unmatched ones for inspection."""

    found: int = 0
    unjudged: int = 0
    gold: int = 0
    matched: int = 0
    spurious: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.found += other.found
        self.unjudged += other.unjudged
        self.gold += other.gold
        self.matched += other.matched
        self.spurious += other.spurious
        self.missed += other.missed

    def line(self, label: str) -> str:
        judged = self.found - self.unjudged
        precision = self.matched / judged if judged else 0.0
        raw = self.matched / self.found if self.found else 0.0
        recall = self.matched / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return (
            f"{label:<27} gold {self.gold:3d}  found {self.found:3d} (unjudged {self.unjudged:2d})  "
            f"matched {self.matched:3d}  P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}  "
            f"P all {raw:.3f}"
        )


def _overlap(pieces: list[Span], span: Span) -> int:
    return sum(max(0, min(end, span[1]) - max(start, span[0])) for start, end in pieces)


def score_document(document: GumDocument) -> Score:
    """Match the rows of ``extract_quotes(document.text)`` to the gold attributions."""
    text = document.text
    table = extract_quotes(text)
    rows = [
        (list(row.content_spans), None if row.cue is None else str(row.cue), row.cue_start)
        for row in table.astype(object).where(table.notna(), None).itertuples()
    ]
    pairs = sorted(
        (
            (-overlap, row_index, gold_index)
            for row_index, (pieces, _, _) in enumerate(rows)
            for gold_index, gold in enumerate(document.attributions)
            if (overlap := _overlap(pieces, gold.content)) > 0
        )
    )
    used_rows: set[int] = set()
    used_gold: set[int] = set()
    for _, row_index, gold_index in pairs:
        if row_index in used_rows or gold_index in used_gold:
            continue
        used_rows.add(row_index)
        used_gold.add(gold_index)
    score = Score(found=len(rows), gold=len(document.attributions), matched=len(used_rows))
    for index, (pieces, cue, cue_start) in enumerate(rows):
        if index in used_rows:
            continue
        if cue_start is None or document.same_edu(cue_start, pieces[0][0]):
            score.unjudged += 1
            continue
        content = " | ".join(text[s:e] for s, e in pieces)
        score.spurious.append(f"{document.name}: [{cue}] {content[:160]}")
    for index, gold in enumerate(document.attributions):
        if index not in used_gold:
            source = text[gold.source[0] : gold.source[1]]
            content = text[gold.content[0] : gold.content[1]]
            score.missed.append(f"{document.name}: [{source}] {content[:160]}")
    return score


def main(argv: list[str] | None = None) -> int:
    """Score the development genres and the held-out genre; print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gum_dir", type=Path, help="folder of GUM CoNLL-U files")
    parser.add_argument("--held-out", default="interview", help="genre kept out of development")
    parser.add_argument("--errors", type=int, default=0, help="print this many misses of each kind")
    parser.add_argument("--show-held-out", action="store_true", help="errors of the held-out genre")
    args = parser.parse_args(argv)
    documents = read_corpus(args.gum_dir)
    if not documents:
        print(f"no GUM_*.conllu in {args.gum_dir}", file=sys.stderr)
        return 1
    by_genre: dict[str, Score] = {}
    for document in documents:
        by_genre.setdefault(document.genre, Score()).add(score_document(document))
    development, held_out = Score(), Score()
    for genre, score in sorted(by_genre.items()):
        print(score.line(f"  {genre}"))
        (held_out if genre == args.held_out else development).add(score)
    print(development.line("development (other genres)"))
    print(held_out.line(f"held out ({args.held_out})"))
    shown = held_out if args.show_held_out else development
    if args.errors:
        counts = Counter(line.split(": [", 1)[1].split("]")[0].lower() for line in shown.missed)
        print("\nmost frequent sources of missed attributions:", counts.most_common(20))
        print("\nSPURIOUS")
        print("\n".join(shown.spurious[: args.errors]))
        print("\nMISSED")
        print("\n".join(shown.missed[: args.errors]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
