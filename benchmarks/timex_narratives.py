"""Value accuracy of ``helpers.timexes`` on narrative passages, with and without reference time.

Usage: ``python benchmarks/timex_narratives.py [DATA_FILE] [--errors]``

DATA_FILE (default ``benchmarks/data/timex_narratives.txt``, our own text; see its header)
holds passages with a dateline and ``[[expression|VALUE]]`` markup. Each passage's plain text
goes through :func:`helpers.timexes.iter_timexes` with its dateline as anchor, twice: with the
story's reference time tracked (the default) and with every expression resolved as news about
the present (``track_reference=False``). For every annotated expression, a prediction that
overlaps it is *found*, and *right* if its value equals the annotation; value accuracy is right
/ annotated (a missed expression counts as wrong). ``[[text|]]`` marks text that is not a
temporal expression: predictions overlapping it are counted as false alarms.

These are DEVELOPMENT figures: the passages were written while the reference-time rule was.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from helpers.document import Document  # noqa: E402
from helpers.timexes import iter_timexes  # noqa: E402

DEFAULT_DATA = Path(__file__).resolve().parent / "data" / "timex_narratives.txt"
_MARKUP = re.compile(r"\[\[(?P<text>[^|\]]+)\|(?P<value>[^\]]*)\]\]")
_HEADER = re.compile(r"^=== (?P<name>\S+) (?P<date>\d{4}-\d\d-\d\d)\s*$")


@dataclass(frozen=True)
class Gold:
    """One annotated span of a passage: its offsets and value ("" = not a timex)."""

    start: int
    end: int
    value: str


@dataclass(frozen=True)
class Passage:
    """A passage's plain text, dateline and annotations."""

    name: str
    dateline: dt.date
    text: str
    gold: list[Gold]


def read_passages(path: Path) -> list[Passage]:
    """The passages of ``path`` (see the module docstring for the format)."""
    passages: list[Passage] = []
    name, dateline, lines = "", None, []
    for line in [*path.read_text("utf-8").splitlines(), "=== end 0001-01-01"]:
        header = _HEADER.match(line)
        if header:
            if dateline is not None:
                passages.append(_passage(name, dateline, "\n".join(lines).strip("\n")))
            name, dateline, lines = header["name"], dt.date.fromisoformat(header["date"]), []
        elif not line.startswith("#"):
            lines.append(line)
    return passages


def _passage(name: str, dateline: dt.date, marked: str) -> Passage:
    pieces: list[str] = []
    gold: list[Gold] = []
    position = length = 0
    for match in _MARKUP.finditer(marked):
        pieces.append(marked[position : match.start()])
        length += match.start() - position
        gold.append(Gold(length, length + len(match["text"]), match["value"]))
        pieces.append(match["text"])
        length += len(match["text"])
        position = match.end()
    pieces.append(marked[position:])
    return Passage(name, dateline, "".join(pieces), gold)


@dataclass
class Score:
    annotated: int = 0
    found: int = 0
    right: int = 0
    false_alarms: int = 0

    def line(self) -> str:
        accuracy = self.right / self.annotated if self.annotated else 0.0
        return (f"value accuracy {accuracy:.3f} ({self.right}/{self.annotated}), "
                f"found {self.found}, false alarms on non-timexes {self.false_alarms}")


def score(passages: list[Passage], track_reference: bool, errors: bool) -> Score:
    total = Score()
    for passage in passages:
        rows = iter_timexes(Document(passage.text), passage.dateline, track_reference)
        for gold in passage.gold:
            overlapping = [row for row in rows if row[0] < gold.end and gold.start < row[1]]
            if not gold.value:
                total.false_alarms += bool(overlapping)
                continue
            total.annotated += 1
            total.found += bool(overlapping)
            right = any(row[3] == gold.value for row in overlapping)
            total.right += right
            if errors and not right:
                got = [(passage.text[row[0] : row[1]], row[3]) for row in overlapping]
                print(f"  {passage.name:18} {passage.text[gold.start:gold.end]!r:26} "
                      f"gold {gold.value:11} got {got}")
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, nargs="?", default=DEFAULT_DATA)
    parser.add_argument("--errors", action="store_true", help="list the wrong values")
    args = parser.parse_args()
    passages = read_passages(args.data)
    print(f"passages: {len(passages)} (development data: our own text, {args.data.name})")
    for label, tracking in (("reference time tracked", True), ("dateline only", False)):
        if args.errors:
            print(f"{label}: wrong values")
        print(f"{label:24}: {score(passages, tracking, args.errors).line()}")


if __name__ == "__main__":
    main()
