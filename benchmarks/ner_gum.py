"""Score ``helpers.entities.extract_entities`` on GUM's entity layer (development figures).

Usage: ``python benchmarks/ner_gum.py ../shared/treebanks/gum [--errors N]``

GUM (Georgetown University Multilayer corpus) annotates every noun phrase with an entity type.
Each document is rebuilt as plain text (tokens joined by a space unless ``SpaceAfter=No``;
sentences of a paragraph joined by a space; ``# newpar`` starts a paragraph, written as a blank
line) and recognised whole. Only *named* mentions are scored, chosen by these rules:

- **named**: after dropping leading determiners and possessive pronouns (DT, PRP$, WP$) and a
  trailing possessive (POS), the span starts and ends with a proper noun (NNP/NNPS) and holds
  only proper nouns, numbers (CD) and name-internal function words (IN, CC, DT, HYPH, POS);
- for persons, leading titles ("President", "Dr.", "Mr.": the lexicon's title words) are
  dropped, as CoNLL-2003 and OntoNotes keep titles outside the name (a title alone is no name);
- nested named mentions keep the outermost only ("University of [Portsmouth]"), as in CoNLL;
- types: person → PERSON; organization → ORG; place → LOC (ours: GPE, LOC, FAC); event, object,
  abstract, substance, animal, plant → MISC (ours: NORP, EVENT, MISC); time is not scored (our
  recogniser leaves weekdays and months to the timex layer);
- a predicted span made only of adjectives (JJ, e.g. "Israeli flag") is not scored: GUM
  annotates noun phrases, not adjectives; nor is a run of proper nouns that opens a phrase
  headed by a common noun ("Jiangsu province", "Harvard students") unless GUM marks it as a
  mention of its own: GUM types only the whole phrase.

Prints precision/recall/F1 per type, typed (span and type match) and untyped (span matches),
for the development genres (academic, bio, court, voyage) and, separately, for the held-out
genre closest to news, interview (Wikinews interviews): rules are written from the development
genres only, and ``--errors`` lists their errors only. All figures are development figures
(GUM also trains the tagger the recogniser reads).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scores import most_common, print_confusion, print_scores

from helpers.entities import extract_entities
from helpers.gazetteer import lexicon

HELD_OUT_GENRES = ("interview",)
TYPE_MAP = {
    "person": "PERSON",
    "organization": "ORG",
    "place": "LOC",
    "event": "MISC",
    "object": "MISC",
    "abstract": "MISC",
    "substance": "MISC",
    "animal": "MISC",
    "plant": "MISC",
}
LABEL_MAP = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "MISC": "MISC",
}
TYPES = ("PERSON", "ORG", "LOC", "MISC")
PROPER = frozenset({"NNP", "NNPS"})
INSIDE_NAME = PROPER | {"CD", "IN", "CC", "DT", "HYPH", "POS"}
LEADING = frozenset({"DT", "PRP$", "WP$"})
_OPEN = re.compile(r"\((\d+)-([a-z]+)-[^()]*(\))?")
_CLOSE = re.compile(r"(\d+)\)")


@dataclass
class Token:
    start: int
    end: int
    form: str
    tag: str


@dataclass
class Doc:
    """One GUM document: its text, tokens and gold named mentions (start, end, type)."""

    name: str
    genre: str
    text: str
    tokens: list[Token]
    gold: set[tuple[int, int, str]] = field(default_factory=set)
    unscored: set[tuple[int, int]] = field(default_factory=set)
    """Spans GUM gives no type of their own: adjectives, proper-noun modifiers of a common noun."""


def read_document(path: Path, titles: frozenset[str]) -> Doc:
    """Rebuild a GUM file's text and its named mentions (see the module docstring)."""
    parts: list[str] = []
    tokens: list[Token] = []
    mentions: list[tuple[int, int, str]] = []  # token index range [first, last], type
    open_: dict[str, list[tuple[int, str]]] = {}
    position = 0
    space_before = ""
    range_end = 0
    range_span: tuple[int, int] | None = None
    for line in path.read_text("utf-8").splitlines():
        if line.startswith("# newpar") and not line.startswith("# newpar_block"):
            if tokens:
                space_before = "\n\n"
            continue
        if not line:
            space_before = space_before or " "  # a sentence ends
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if "." in cols[0]:
            continue  # an empty node
        misc = cols[9]
        if "-" in cols[0]:
            first, last = (int(x) for x in cols[0].split("-"))
            start = position + len(space_before)
            parts.append(space_before + cols[1])
            position = start + len(cols[1])
            range_end, range_span = last, (start, position)
            space_before = "" if "SpaceAfter=No" in misc else " "
            continue
        index = int(cols[0])
        if range_span is not None and index <= range_end:
            start, end = _part_of_range(cols[1], range_span, parts[-1], index == range_end)
            range_span = None if index == range_end else (end, range_span[1])
        else:
            start = position + len(space_before)
            parts.append(space_before + cols[1])
            position = end = start + len(cols[1])
            space_before = "" if "SpaceAfter=No" in misc else " "
        tokens.append(Token(start, end, cols[1], cols[4]))
        entity = next((f[7:] for f in misc.split("|") if f.startswith("Entity=")), "")
        for match in _OPEN.finditer(entity):
            ident, kind, closed = match.groups()
            if closed:
                mentions.append((len(tokens) - 1, len(tokens) - 1, kind))
            else:
                open_.setdefault(ident, []).append((len(tokens) - 1, kind))
        for match in _CLOSE.finditer(_OPEN.sub("", entity)):
            first_index, kind = open_[match.group(1)].pop()
            mentions.append((first_index, len(tokens) - 1, kind))
    name = path.stem
    doc = Doc(name, name.split("_")[1], "".join(parts), tokens)
    named = [
        span
        for first, last, kind in mentions
        if kind in TYPE_MAP and (span := _named_span(tokens, first, last, kind, titles))
    ]
    for first, last, kind in named:
        if not any((f <= first and last <= l) and (f, l) != (first, last) for f, l, _ in named):
            doc.gold.add((tokens[first].start, tokens[last].end, TYPE_MAP[kind]))
    doc.unscored = _adjective_spans(tokens) | _modifier_spans(tokens, mentions) - {
        g[:2] for g in doc.gold
    }
    return doc


def _part_of_range(form: str, span: tuple[int, int], written: str, last: bool) -> tuple[int, int]:
    """The offsets of one word of a multiword token ("Galois'" = "Galois" + "'"): its own
    characters when the surface starts with it, else the rest of the surface."""
    start, end = span
    surface = written[len(written) - (end - start) :] if end > start else ""
    if not last and surface.startswith(form):
        return start, start + len(form)
    return start, end


def _named_span(
    tokens: list[Token], first: int, last: int, kind: str, titles: frozenset[str]
) -> tuple[int, int, str] | None:
    while first <= last and tokens[first].tag in LEADING:
        first += 1
    while last >= first and tokens[last].tag == "POS":
        last -= 1
    if kind == "person":
        while first <= last and tokens[first].form.lower() in titles:
            first += 1
    if first > last or tokens[first].tag not in PROPER or tokens[last].tag not in PROPER:
        return None
    if any(tokens[i].tag not in INSIDE_NAME for i in range(first, last + 1)):
        return None
    return first, last, kind


def _modifier_spans(
    tokens: list[Token], mentions: list[tuple[int, int, str]]
) -> set[tuple[int, int]]:
    """The proper nouns that open a mention headed by a common noun ("Jiangsu province",
    "Harvard students"): named, but typed by GUM only through the whole phrase."""
    spans: set[tuple[int, int]] = set()
    for first, last, _ in mentions:
        while first <= last and tokens[first].tag in LEADING:
            first += 1
        end = first
        while end <= last and tokens[end].tag in PROPER:
            end += 1
        if first < end <= last:
            spans.add((tokens[first].start, tokens[end - 1].end))
    return spans


def _adjective_spans(tokens: list[Token]) -> set[tuple[int, int]]:
    """Character spans of runs of adjectives (any sub-run counts)."""
    spans: set[tuple[int, int]] = set()
    for i, token in enumerate(tokens):
        j = i
        while j < len(tokens) and tokens[j].tag in ("JJ", "JJR", "JJS"):
            spans.add((token.start, tokens[j].end))
            j += 1
    return spans


def predictions(doc: Doc) -> set[tuple[int, int, str]]:
    frame = extract_entities(doc.text)
    return {
        (int(s), int(e), LABEL_MAP[str(label)])
        for s, e, label in zip(frame["start"], frame["end"], frame["label"], strict=True)
        if (int(s), int(e)) not in doc.unscored
    }


def report(title: str, docs: list[Doc], predicted: dict[str, set], errors: int) -> None:
    gold_all = {(d.name, *g) for d in docs for g in d.gold}
    pred_all = {(d.name, *p) for d in docs for p in predicted[d.name]}
    print(f"\n{title}: {len(docs)} documents, {len(gold_all)} gold named mentions")
    print_scores(gold_all, pred_all, TYPES, 10)
    if not errors:
        return
    texts = {d.name: d.text for d in docs}
    print_confusion(gold_all, pred_all)

    def shown(x: tuple) -> str:
        name, s, e, t = x
        return f"{t:<7}{texts[name][s:e]!r}"

    for heading, items in (("missed", gold_all - pred_all), ("spurious", pred_all - gold_all)):
        print(f"\n{heading}:")
        for item, n in most_common(Counter(shown(x) for x in items), errors):
            print(f"{n:4d} {item}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gum_dir", type=Path)
    parser.add_argument(
        "--errors", type=int, default=0, help="print this many development-set errors"
    )
    args = parser.parse_args()
    words = lexicon()
    titles = words["title"] | words.get("title_modifier", frozenset())
    docs = [read_document(path, titles) for path in sorted(args.gum_dir.glob("GUM_*.conllu"))]
    predicted = {doc.name: predictions(doc) for doc in docs}
    print("GUM entity layer, named mentions only: DEVELOPMENT FIGURES")
    development = [d for d in docs if d.genre not in HELD_OUT_GENRES]
    held_out = [d for d in docs if d.genre in HELD_OUT_GENRES]
    report("development genres (academic, bio, court, voyage)", development, predicted, args.errors)
    report(f"held-out genre ({', '.join(HELD_OUT_GENRES)})", held_out, predicted, 0)


if __name__ == "__main__":
    main()
