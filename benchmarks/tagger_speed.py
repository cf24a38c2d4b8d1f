"""Speed of :func:`helpers.tagger.tag` against NLTK's Treebank word tokenizer, same texts.

Usage: ``python benchmarks/tagger_speed.py [CORPUS] [--repeat K]``

CORPUS is a folder of IEER-style SGML files (default: ``../shared/nltk_data/corpora/ieer``,
each ``<DOC>`` one article, read as :mod:`throughput` reads it) or a folder of ``*.txt``
articles. Each article is split into sentences (:func:`helpers.sentences.sentence_spans`) and
tokenized; then, in one process and interleaved, best of K runs over the whole corpus:

- (a) ``NLTKWordTokenizer.span_tokenize`` of every sentence (the reference);
- (b) ``tag`` of every article's tokens at once, with the word-form cache warm (as in a long
  run over many articles);
- (c) the same with the cache emptied once before the corpus (a fresh process);
- (d) the same with the cache emptied before each article (every word of every article new
  to the process: the worst case).

It prints tokens per second of each and the ratios to (a) of CPU time.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from nltk.tokenize import NLTKWordTokenizer

from helpers.sentences import sentence_spans
from helpers.tagger import load_tagger

_TOKENIZER = NLTKWordTokenizer()
DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "nltk_data" / "corpora" / "ieer"


def read_texts(corpus: Path) -> list[str]:
    """The articles of ``corpus``: ``*.txt`` files, else IEER ``<DOC>`` stories."""
    texts = [p.read_text("utf-8") for p in sorted(corpus.glob("*.txt"))]
    if texts:
        return texts
    from ieer import read_stories
    from throughput import as_corpus_article

    return [as_corpus_article(story).text for story in read_stories(corpus)]


def sentences_of(texts: list[str]) -> list[list[str]]:
    """Every article's sentences."""
    return [[text[s:e] for s, e in sentence_spans(text)] for text in texts]


def tokenize(articles: list[list[str]]) -> list[tuple[list[str], list[int]]]:
    """(tokens, sentence starts) of every article, by ``span_tokenize`` of each sentence."""
    out: list[tuple[list[str], list[int]]] = []
    for sentences in articles:
        tokens: list[str] = []
        starts: list[int] = []
        for sentence in sentences:
            starts.append(len(tokens))
            tokens += [sentence[s:e] for s, e in _TOKENIZER.span_tokenize(sentence)]
        out.append((tokens, starts))
    return out


def best_cpu(repeat: int, *runs: Callable[[], object]) -> list[float]:
    """Best CPU seconds of each of ``runs`` over ``repeat`` interleaved rounds."""
    best = [float("inf")] * len(runs)
    for _ in range(repeat):
        for index, run in enumerate(runs):
            started = time.process_time()
            run()
            best[index] = min(best[index], time.process_time() - started)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, nargs="?", default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=5, help="timings per measure (best kept)")
    args = parser.parse_args(argv)

    articles = sentences_of(read_texts(args.corpus))
    if not articles:
        print(f"no articles in {args.corpus}", file=sys.stderr)
        return 1
    documents = tokenize(articles)
    n_tokens = sum(len(tokens) for tokens, _ in documents)
    tagger = load_tagger()

    def tag_warm() -> None:
        for tokens, starts in documents:
            tagger.tag(tokens, starts)

    def tag_fresh() -> None:
        tagger.clear_cache()
        tag_warm()

    def tag_cold() -> None:
        for tokens, starts in documents:
            tagger.clear_cache()
            tagger.tag(tokens, starts)

    tag_warm()
    print(
        f"corpus: {len(documents)} articles, {n_tokens:,} tokens "
        f"({n_tokens // len(documents):,} per article) from {args.corpus}; best of {args.repeat}"
    )
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    timings = best_cpu(args.repeat, lambda: tokenize(articles), tag_warm, tag_fresh, tag_cold)
    labels = [
        "(a) NLTKWordTokenizer.span_tokenize   ",
        "(b) tag, word-form cache warm        ",
        "(c) tag, cache emptied before corpus ",
        "(d) tag, cache emptied before article",
    ]
    for label, seconds in zip(labels, timings, strict=True):
        print(
            f"{label}: {seconds:6.3f} s CPU {n_tokens / seconds:>10,.0f} tokens/s "
            f"{seconds / timings[0]:6.3f} x (a)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
