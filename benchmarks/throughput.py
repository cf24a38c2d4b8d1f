"""Throughput of the text-level analysis against a bare NLTK tokenization pass.

Usage: ``python benchmarks/throughput.py CORPUS_DIR [--repeat K] [--jobs N] [--profile]``

CORPUS_DIR holds IEER-style SGML files (e.g. ``nltk_data/corpora/ieer``): every ``<DOC>`` is
one article, its text the ``<HEADLINE>`` then the ``<TEXT>`` paragraphs (an indented line
starts a paragraph), markup stripped, ``\u0060\u0060 ''`` quotes written as curly quotes, and its
``<DATE_TIME>`` date the anchor of the temporal expressions. In one process, it times (a) a bare
NLTK pass (data-free ``PunktSentenceTokenizer`` sentence spans, then
``NLTKWordTokenizer.span_tokenize`` per sentence) and (b) the full text-level analysis
(``split_sentences``, ``extract_entities``, ``extract_quotes``, ``extract_timexes``), best of K
runs over the whole corpus, and prints both, their ratio (target: (b) <= 2.5 x (a)), the time of
each analysis of (b), and articles per second of (b) with 1, 2 and N worker processes
(:func:`helpers.corpus.parallel_map`, the map behind ``python -m helpers analyze``), next to
the speed-up a pure-Python loop gets through the same map: the most this machine offers now.
It also times (c) what ``analyze`` does per article, in memory and from scratch: ``parse_article``
of the story in the seed's file shape (dateline, title, one paragraph per line), then every table
of :data:`helpers.corpus.ANALYSES`, stage by stage (target: (c) <= 3 x (a)). ``--profile`` adds a cProfile of (b): own
time per module and the most expensive functions.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import html
import os
import pstats
import re
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ieer import Story, read_stories
from nltk.tokenize import NLTKWordTokenizer, PunktSentenceTokenizer

from helpers.article import parse_article
from helpers.corpus import (
    ArticleResult,
    article_row,
    available_analyses,
    combine_results,
    parallel_map,
)
from helpers.entities import extract_entities
from helpers.quotes import extract_quotes
from helpers.sentence_table import split_sentences
from helpers.tagger import load_tagger
from helpers.timexes import extract_timexes

_PARAGRAPH_START = re.compile(r"\n[ \t]+(?=\S)")
_WORD_TOKENIZER = NLTKWordTokenizer()
_SENTENCE_TOKENIZER = PunktSentenceTokenizer()
#: Loop length of :func:`spin`: about the CPU time of analysing one article.
SPIN_STEPS = 100_000


@dataclass(frozen=True)
class CorpusArticle:
    """One IEER story as plain text, with its publication date."""

    docno: str
    published: dt.date | None
    text: str


def _plain(text: str) -> str:
    """Entities decoded, ``\u0060\u0060 ''`` as curly quotes, spaces collapsed."""
    text = html.unescape(text).replace("``", "“").replace("''", "”")
    return " ".join(text.split())


def as_corpus_article(story: Story) -> CorpusArticle:
    """The headline, then one paragraph per indented line of the body, blank lines between."""
    paragraphs = [_plain(story.headline or "")]
    paragraphs += [_plain(part) for part in _PARAGRAPH_START.split(story.body or "")]
    return CorpusArticle(story.docno, story.date, "\n\n".join(p for p in paragraphs if p))


def as_article_file(article: CorpusArticle) -> str:
    """The story in the seed's file shape: dateline, title line, one paragraph per line."""
    dateline = (
        f"Last updated at: (Beijing Time) {article.published:%A, %B %d, %Y}\n"
        if article.published
        else ""
    )
    return dateline + article.text.replace("\n\n", "\n") + "\n"


def tokenize_only(article: CorpusArticle) -> int:
    """(a) NLTK's data-free Punkt sentence spans, then Treebank word spans per sentence; returns
    the token count. The fixed reference every ratio is measured against."""
    text = article.text
    return sum(
        len(list(_WORD_TOKENIZER.span_tokenize(text[s:e])))
        for s, e in _SENTENCE_TOKENIZER.span_tokenize(text)
    )


ANALYSES: dict[str, Callable[[CorpusArticle], object]] = {
    "split_sentences": lambda a: split_sentences(a.text),
    "extract_entities": lambda a: extract_entities(a.text),
    "extract_quotes": lambda a: extract_quotes(a.text),
    "extract_timexes": lambda a: extract_timexes(a.text, a.published),
}


def analyse(article: CorpusArticle) -> int:
    """(b) The full text-level analysis of one article; returns the number of rows found."""
    return (
        len(split_sentences(article.text))
        + len(extract_entities(article.text))
        + len(extract_quotes(article.text))
        + len(extract_timexes(article.text, article.published))
    )


@dataclass(frozen=True)
class Timing:
    """Best wall-clock and best CPU (this process) seconds over the repeats."""

    wall: float
    cpu: float


def spin(steps: int) -> int:
    """Pure-Python CPU work, to measure how much parallelism the machine has to offer."""
    total = 0
    for step in range(steps):
        total += step * step
    return total


def _quietly(analysis: Callable[[Any], object], article: Any) -> object:
    """``analysis(article)``, or the exception it raised (``analyze`` reports, never stops)."""
    try:
        return analysis(article)
    except Exception as error:  # the benchmark times the corpus, failures included
        return error


def analyze_like(files: list[str]) -> dict[str, float]:
    """(c) CPU seconds per stage of what ``analyze`` does with each file's text, from scratch:
    ``parse_article``, the ``articles`` row, every table of the corpus runner (as column
    lists), then the DataFrames of the whole corpus, built once (``combine_results``)."""
    analyses = available_analyses()
    seconds: dict[str, float] = dict.fromkeys(["parse_article", "articles", *analyses], 0.0)
    results = []
    for index, text in enumerate(files):
        clock = time.process_time()
        article = parse_article(text, name=f"article{index}")
        now = time.process_time()
        seconds["parse_article"] += now - clock
        clock = now
        tables = {"articles": article_row(article, article.name)}
        now = time.process_time()
        seconds["articles"] += now - clock
        for name, analysis in analyses.items():
            clock = now
            tables[name] = _quietly(analysis.columns, article)
            now = time.process_time()
            seconds[name] += now - clock
        if not any(isinstance(table, Exception) for table in tables.values()):
            results.append(ArticleResult(article.name, article.name, tables=tables))
    clock = time.process_time()
    combine_results(results)
    seconds["tables (whole corpus)"] = time.process_time() - clock
    return seconds


def best_of(repeat: int, *runs: Callable[[], object]) -> list[Timing]:
    """Time each of ``runs`` ``repeat`` times, interleaved so they share the machine's load."""
    walls: list[list[float]] = [[] for _ in runs]
    cpus: list[list[float]] = [[] for _ in runs]
    for _ in range(repeat):
        for index, run in enumerate(runs):
            wall, cpu = time.perf_counter(), time.process_time()
            run()
            cpus[index].append(time.process_time() - cpu)
            walls[index].append(time.perf_counter() - wall)
    return [Timing(min(w), min(c)) for w, c in zip(walls, cpus, strict=True)]


def profile_by_module(articles: list[CorpusArticle], top: int) -> None:
    """Print cProfile own time per module and the ``top`` functions by own time, for (b)."""
    profiler = cProfile.Profile()
    profiler.enable()
    for article in articles:
        analyse(article)
    profiler.disable()
    stats = pstats.Stats(profiler)
    total = sum(row[2] for row in stats.stats.values())  # type: ignore[attr-defined]
    per_module: dict[str, float] = defaultdict(float)
    for (filename, _, _), row in stats.stats.items():  # type: ignore[attr-defined]
        per_module[_module_of(filename)] += row[2]
    print(f"\nprofile of (b): {total:.2f} s of own time (cProfile overhead included)")
    print(f"{'module':<40} {'own s':>7} {'share':>6}")
    for module, seconds in sorted(per_module.items(), key=lambda item: -item[1])[:top]:
        print(f"{module:<40} {seconds:7.2f} {seconds / total:6.1%}")
    print(f"\ntop {top} functions by own time")
    stats.sort_stats("tottime").print_stats(top)


def _module_of(filename: str) -> str:
    """A short module label for a profiled file: ``helpers/entities.py``, ``nltk``, ``stdlib``."""
    if filename.startswith(("~", "<")):
        return "builtins (C)"
    parts = Path(filename).parts
    if "helpers" in parts:
        return "helpers/" + parts[-1]
    if "site-packages" in parts:
        return parts[parts.index("site-packages") + 1]
    if filename.startswith(sys.base_prefix):
        return "stdlib"
    return parts[-1]


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the report."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus_dir", type=Path, help="folder of IEER-style SGML files")
    parser.add_argument("--repeat", type=int, default=5, help="timings per measure (best kept)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="N for the last row")
    parser.add_argument("--profile", action="store_true", help="also profile (b) with cProfile")
    args = parser.parse_args(argv)

    articles = [as_corpus_article(story) for story in read_stories(args.corpus_dir)]
    if not articles:
        print(f"no <DOC> found in {args.corpus_dir}", file=sys.stderr)
        return 1
    n_chars = sum(len(a.text) for a in articles)
    tokens = sum(tokenize_only(a) for a in articles)  # also warms the tokenizers and lexicons
    for article in articles:
        analyse(article)
    print(
        f"corpus: {len(articles)} articles, {n_chars:,} characters, {tokens:,} tokens "
        f"({args.corpus_dir}); best of {args.repeat}"
    )

    load = os.getloadavg()[0]
    print(f"load average {load:.2f} on {os.cpu_count()} cores (other processes skew timings)")
    bare, full = best_of(
        args.repeat,
        lambda: [tokenize_only(a) for a in articles],
        lambda: [analyse(a) for a in articles],
    )
    for label, timing in [
        ("(a) bare NLTK sentence + word tokenization", bare),
        ("(b) full text-level analysis              ", full),
    ]:
        print(
            f"{label}: {timing.wall:6.3f} s wall, {timing.cpu:6.3f} s CPU "
            f"({len(articles) / timing.wall:6.1f} articles/s)"
        )
    print(
        f"ratio (b)/(a): {full.wall / bare.wall:.2f}x wall, {full.cpu / bare.cpu:.2f}x CPU "
        "(target <= 2.5x)"
    )

    print("\n(b) per analysis: CPU seconds, and as a multiple of (a)")
    per_analysis = best_of(
        args.repeat,
        *[lambda f=function: [f(a) for a in articles] for function in ANALYSES.values()],
    )
    for name, timing in zip(ANALYSES, per_analysis, strict=True):
        print(f"  {name:<18} {timing.cpu:6.3f} s  {timing.cpu / bare.cpu:5.2f}x (a)")

    print("\n(c) per article as `analyze` runs it: CPU seconds per stage, multiple of (a)")
    files = [as_article_file(a) for a in articles]
    stage_seconds = min(
        (analyze_like(files) for _ in range(args.repeat)), key=lambda stages: sum(stages.values())
    )
    for name, seconds in stage_seconds.items():
        print(f"  {name:<18} {seconds:6.3f} s  {seconds / bare.cpu:5.2f}x (a)")
    article_cpu = sum(stage_seconds.values())
    print(
        f"  {'total':<18} {article_cpu:6.3f} s  {article_cpu / bare.cpu:5.2f}x (a)  "
        f"({len(articles) / article_cpu:.1f} articles/s; target <= 3x)"
    )
    load_tagger().clear_cache()
    cold = sum(analyze_like(files).values())
    print(
        f"  {'total, the tagger scoring every word form anew':<18} {cold:6.3f} s  "
        f"{cold / bare.cpu:5.2f}x (a)  (a first run over a corpus this size)"
    )

    print("\n(b) with worker processes: wall seconds, pool start included")
    job_counts = sorted({1, 2, args.jobs})
    timings = best_of(
        args.repeat,
        *[lambda j=jobs: parallel_map(analyse, articles, jobs=j) for jobs in job_counts],
    )
    for jobs, timing in zip(job_counts, timings, strict=True):
        print(
            f"  jobs={jobs:<3} {timing.wall:6.3f} s  {len(articles) / timing.wall:6.1f} articles/s"
            f"  speed-up {timings[0].wall / timing.wall:4.2f}x"
        )
    spins = [SPIN_STEPS] * len(articles)
    ceiling = best_of(
        args.repeat, *[lambda j=jobs: parallel_map(spin, spins, jobs=j) for jobs in job_counts]
    )
    print(
        "  machine ceiling (a pure-Python loop, same map): "
        + ", ".join(
            f"jobs={jobs} {ceiling[0].wall / timing.wall:4.2f}x"
            for jobs, timing in zip(job_counts, ceiling, strict=True)
        )
    )
    if args.profile:
        profile_by_module(articles, top=25)
    return 0


if __name__ == "__main__":
    sys.exit(main())
