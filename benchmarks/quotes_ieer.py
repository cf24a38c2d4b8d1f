"""Coverage and speed of ``helpers.quotes.extract_quotes`` on the NLTK IE-ER stories.

Usage: ``python benchmarks/quotes_ieer.py ../shared/nltk_data/corpora/ieer [--misses N]``

The corpus has no attribution annotation, so this measures *coverage*, not accuracy: of the
quoted passages (``` ``...'' ``` pairs of four words or more) how many fall inside the content
of a direct or mixed attribution, and how many of those have a speaker and a cue. It also
counts indirect attributions and times the extraction against the bare NLTK sentence + word
tokenization of the same text (the cost reference of the project) and against the entity helpers.
Each story is rebuilt as its ``<TEXT>`` with the SGML tags removed, one paragraph per
tab-indented block, paragraphs joined by a blank line.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pandas as pd
from ieer import read_stories

from helpers.entities import extract_entities
from helpers.quotes import extract_quotes
from helpers.sentences import sentence_spans
from helpers.words import count_words, token_spans

_PARAGRAPH_START = re.compile(r"\n[ \t]*\t")
_QUOTE = re.compile(r"``(.*?)(?:''|(?=\n\n))", re.DOTALL)


def paragraphs(body: str) -> str:
    """``body`` one paragraph per tab-indented block, spaces collapsed, joined by a blank line."""
    parts = [" ".join(part.split()) for part in _PARAGRAPH_START.split("\n" + body)]
    return "\n\n".join(part for part in parts if part)


def coverage(stories: list[str], misses: int) -> None:
    """Print how many quoted passages the extraction attributes."""
    passages = covered = with_speaker = direct_rows = indirect_rows = mixed_rows = 0
    shown = 0
    for text in stories:
        table = extract_quotes(text)
        kinds = table["kind"].value_counts()
        direct_rows += int(kinds.get("direct", 0))
        indirect_rows += int(kinds.get("indirect", 0))
        mixed_rows += int(kinds.get("mixed", 0))
        quoted = [
            (not pd.isna(row.speaker), s, e)
            for row in table[table["kind"] != "indirect"].itertuples()
            for s, e in row.content_spans
        ]
        for match in _QUOTE.finditer(text):
            if count_words(match.group(1)) < 4:
                continue
            passages += 1
            hits = [has for has, s, e in quoted if s < match.end(1) and e > match.start(1)]
            covered += bool(hits)
            with_speaker += any(hits)
            if not hits and shown < misses:
                shown += 1
                context = text[max(0, match.start() - 80) : match.end() + 80].replace("\n", " | ")
                print(f"MISS: ...{context}...")
    print(f"stories: {len(stories)}")
    print(f"quoted passages (4+ words): {passages}")
    print(f"  inside a direct/mixed content: {covered} ({covered / max(passages, 1):.1%})")
    print(f"  ... of which with a speaker: {with_speaker} ({with_speaker / max(passages, 1):.1%})")
    print(f"rows: direct {direct_rows}, mixed {mixed_rows}, indirect {indirect_rows}")


def timing(stories: list[str], repeats: int = 3) -> None:
    """Print the best-of-``repeats`` time of each step over all stories."""
    tokens = sum(len(token_spans(text)) for text in stories)

    def best(step) -> float:
        times = []
        for _ in range(repeats):
            began = time.perf_counter()
            for text in stories:
                step(text)
            times.append(time.perf_counter() - began)
        return min(times)

    baseline = best(lambda text: (sentence_spans(text), token_spans(text)))
    quoting = best(extract_quotes)
    entities = best(extract_entities)
    print(f"tokens: {tokens}")
    print(f"sentence + word tokenization: {baseline:.3f} s ({tokens / baseline:,.0f} tokens/s)")
    print(
        f"extract_quotes: {quoting:.3f} s ({tokens / quoting:,.0f} tokens/s, {quoting / baseline:.2f}x baseline)"
    )
    print(f"extract_entities: {entities:.3f} s ({entities / baseline:.2f}x baseline)")


def main() -> None:
    """Parse arguments, print coverage and timing."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="the ieer corpus directory")
    parser.add_argument("--misses", type=int, default=0, help="print this many uncovered passages")
    args = parser.parse_args()
    stories = [paragraphs(s.body) for s in read_stories(args.corpus) if s.body is not None]
    coverage(stories, args.misses)
    timing(stories)


if __name__ == "__main__":
    main()
