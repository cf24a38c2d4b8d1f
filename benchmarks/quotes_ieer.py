"""Coverage and speed of ``helpers.quotes.extract_quotes`` on the NLTK IE-ER stories.

Usage: ``python benchmarks/quotes_ieer.py ../shared/nltk_data/corpora/ieer [--misses N]``

The corpus has no attribution annotation, so this measures *coverage*, not accuracy: of the
quoted passages (``` ``...'' ``` pairs of four words or more) how many fall inside the content
of a direct or mixed attribution, and how many of those have a speaker and a cue. It also
counts the rows of each kind and cue type, and times the extraction against the fixed reference
(a) of ``benchmarks/throughput.py``. For coverage, each story is rebuilt as its ``<TEXT>`` with
the SGML tags removed, one paragraph per tab-indented block, paragraphs joined by a blank line
(the ``` `` '' ``` marks kept); for timing, as ``throughput.py`` rebuilds it. These are
development figures: the rules were written while reading these stories' misses.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pandas as pd
from ieer import read_stories
from throughput import as_corpus_article, tokenize_only

from helpers.document import Document
from helpers.quotes import extract_quotes
from helpers.words import count_words

_PARAGRAPH_START = re.compile(r"\n[ \t]*\t")
_QUOTE = re.compile(r"``(.*?)(?:''|(?=\n\n))", re.DOTALL)


def paragraphs(body: str) -> str:
    """``body`` one paragraph per tab-indented block, spaces collapsed, joined by a blank line."""
    parts = [" ".join(part.split()) for part in _PARAGRAPH_START.split("\n" + body)]
    return "\n\n".join(part for part in parts if part)


def coverage(stories: list[str], misses: int) -> None:
    """Print how many quoted passages the extraction attributes."""
    cue_types: Counter[str] = Counter()
    passages = covered = with_speaker = direct_rows = indirect_rows = mixed_rows = 0
    shown = 0
    for text in stories:
        table = extract_quotes(text)
        kinds = table["kind"].value_counts()
        cue_types.update(table["cue_type"].astype(str))
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
    print("cue types: " + ", ".join(f"{name} {count}" for name, count in cue_types.most_common()))


def timing(corpus: Path, repeats: int = 3) -> None:
    """Print the CPU time of ``extract_quotes`` over the corpus against the fixed reference (a)
    of ``benchmarks/throughput.py`` (same articles, same process, best of ``repeats``): its own
    cost, on documents whose shared layers (paragraphs, sentences, tokens, word classes) are
    computed beforehand, as ``throughput.py`` (b) counts an analysis, and its cost from bare
    strings, shared layers included."""
    articles = [as_corpus_article(story) for story in read_stories(corpus)]
    texts = [article.text for article in articles]

    def prepared() -> list[Document]:
        documents = [Document(text) for text in texts]
        for document in documents:
            _ = document.paragraphs, document.tags
        return documents

    def best(run: Callable[[list[Document]], object]) -> float:
        times = []
        for _ in range(repeats):
            documents = prepared()
            began = time.process_time()
            run(documents)
            times.append(time.process_time() - began)
        return min(times)

    reference = best(lambda _: [tokenize_only(article) for article in articles])
    own = best(lambda documents: [extract_quotes(document) for document in documents])
    whole = best(lambda _: [extract_quotes(Document(text)) for text in texts])
    print(f"reference (a) of benchmarks/throughput.py: {reference:.3f} s CPU")
    print(f"extract_quotes, shared layers computed before: {own:.3f} s  {own / reference:.2f}x (a)")
    print(
        f"extract_quotes from strings, shared layers included: {whole:.3f} s  {whole / reference:.2f}x (a)"
    )


def main() -> None:
    """Parse arguments, print coverage and timing."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="the ieer corpus directory")
    parser.add_argument("--misses", type=int, default=0, help="print this many uncovered passages")
    args = parser.parse_args()
    stories = [paragraphs(s.body) for s in read_stories(args.corpus) if s.body is not None]
    coverage(stories, args.misses)
    timing(args.corpus)


if __name__ == "__main__":
    main()
