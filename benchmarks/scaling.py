"""How the cost of every text-level helper grows with the input, on ordinary and adversarial text.

Usage: ``python benchmarks/scaling.py [--sizes 25000 100000 1000000] [--timeout 60]
[--families NAME ...] [--helpers NAME ...] [--profile FAMILY HELPER SIZE]``

Each *family* below writes a text of any length in one shape (news dialogue, pronoun-heavy
prose, dated periods, acronym definitions, unbalanced quotes, nested "said that", comma runs,
one long word, quote-mark runs, a padded dateline, the seed's own paragraphs). Every helper
(``parse_article``, ``split_sentences``, ``extract_entities``, ``extract_quotes``,
``extract_timexes``, and ``timeline``/``quotes``/``entity_counts`` of a parsed article) runs on
each family at each size in a forked child process with a time limit, so a pathological case is
reported as ``> N s`` instead of hanging the run; the parse that the article-level helpers need
is not timed. The table gives seconds per size, the growth factor between consecutive sizes
next to the size ratio (linear cost: factor = ratio), the child's peak memory at the largest
size, and flags: ``SLOW`` (over 5 s at 100k characters, the issue's bound) and ``SUPER``
(growth over twice the size ratio, where the larger time is at least 0.5 s). A case that timed
out at one size is skipped at larger ones. ``--profile`` prints a cProfile of one case (the
most expensive functions by own time and cumulative time) instead of the table.

Timings come from one process on a shared machine: compare the factors, not the seconds.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import multiprocessing
import pstats
import resource
import sys
import time
from collections.abc import Callable
from itertools import count
from pathlib import Path
from typing import Any

from helpers.article import Article, parse_article
from helpers.entities import entity_counts, extract_entities
from helpers.quotes import extract_quotes, quotes
from helpers.sentence_table import split_sentences
from helpers.timeline import timeline
from helpers.timexes import extract_timexes

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_f7d6d82cfc8400da.txt"
ANCHOR = dt.date(2003, 1, 8)
SLOW_SECONDS = 5.0
SLOW_AT = 100_000
#: Growth over this multiple of the size ratio is flagged as super-linear ...
SUPER_LINEAR_MARGIN = 2.0
#: ... when the larger of the two times is at least this long (shorter ones are noise).
SUPER_LINEAR_MIN_SECONDS = 0.5

_NAMES = ["Grace Wanjiru", "John Smith", "Maria Lopez", "Lee Tae-shik", "Ahmed Khan", "Anna Berg"]
_WORDS = [
    "Atlantic", "Northern", "Fisheries", "Energy", "Security", "Marine", "Rural", "Water",
    "Health", "Trade", "Mining", "Coastal", "Forest", "Labour", "Transport", "Cyber",
]
_MONTHS = ["January", "March", "May", "July", "September", "December"]


def _repeat(unit: Callable[[int], str], size: int, separator: str = "\n\n") -> str:
    """Units ``unit(0)``, ``unit(1)``, ... joined by ``separator`` up to ``size`` characters."""
    pieces, length = [], 0
    for index in count():
        piece = unit(index)
        pieces.append(piece)
        length += len(piece) + len(separator)
        if length >= size:
            break
    return separator.join(pieces)[:size]


def news_dialogue(size: int) -> str:
    """Direct and reported quotes with named speakers and pronouns, paragraph after paragraph."""

    def unit(i: int) -> str:
        name = _NAMES[i % len(_NAMES)]
        return (
            f'"We will not accept plan {i}," said Minister {name} on Tuesday. '
            f'"The talks must go on," she added. Officials said that round {i} had ended '
            f"without agreement, and {name.split()[-1]} told reporters the delegation would return."
        )

    return _repeat(unit, size)


def pronoun_heavy(size: int) -> str:
    """Prose in which almost every subject is a pronoun."""

    def unit(i: int) -> str:
        return (
            f"They said that he would go. She told them it was theirs, and he said they agreed. "
            f"It was {i} days before they left, she said, and they said nothing more."
        )

    return _repeat(unit, size)


def dated_periods(size: int) -> str:
    """Years, months, "since", "from ... to" and "between ... and" periods."""

    def unit(i: int) -> str:
        return (
            f"The reactor had been shut since {1900 + i % 100} until {_MONTHS[i % 6]} "
            f"{1950 + i % 50}. From March {1 + i % 28} to May 5, {1990 + i % 30}, talks stalled; "
            f"between 1994 and 2002 the freeze held, and last month it ended."
        )

    return _repeat(unit, size)


def acronym_definitions(size: int) -> str:
    """Many distinct organisations each defined with an acronym, then referred to by it."""

    def unit(i: int) -> str:
        words = [_WORDS[(i >> shift) % len(_WORDS)] for shift in (0, 4, 8)]
        acronym = "".join(word[0] for word in words) + "O"
        return (
            f"The {' '.join(words)} Organization ({acronym}) said on Monday that the {acronym} "
            f"would meet the {' '.join(words)} Organization's board."
        )

    return _repeat(unit, size)


def unbalanced_quotes(size: int) -> str:
    """``he says " `` repeated: every mark opens a quote that never closes."""
    return ('he says " ' * (size // 10 + 1))[:size]


def nested_said_that(size: int) -> str:
    """One sentence of "He said that she said that ..."."""
    return ("He said that she said that " * (size // 27 + 1))[:size]


def comma_runs(size: int) -> str:
    """"He said that" followed by a run of " ,"."""
    return ("He said that" + " ," * size)[:size]


def one_long_word(size: int) -> str:
    """A single word of ``size`` lower-case letters."""
    return ("abcdefghijklmnopqrstuvwxyz" * (size // 26 + 1))[:size]


def quote_mark_runs(size: int) -> str:
    """Nothing but double quotation marks."""
    return '"' * size


def padded_dateline(size: int) -> str:
    """The seed's dateline with its date padded by internal spaces, a title and one paragraph."""
    body = "\nUS Says It Supports Dialogue\nThe talks resumed on Tuesday, officials said."
    head = "Last updated at: (Beijing Time) Wednesday,"
    padding = " " * max(size - len(head) - len(body) - len("January 08, 2003"), 1)
    return f"{head}{padding}January 08, 2003{body}"


def seed_paragraphs(size: int) -> str:
    """The seed's body paragraphs (real news sentences), numbered so that none repeats."""
    paragraphs = SEED.read_text(encoding="utf-8").splitlines()[2:]

    def unit(i: int) -> str:
        return f"{paragraphs[i % len(paragraphs)]} ({i})"

    return _repeat(unit, size)


FAMILIES: dict[str, Callable[[int], str]] = {
    "news-dialogue": news_dialogue,
    "pronoun-heavy": pronoun_heavy,
    "dated-periods": dated_periods,
    "acronym-definitions": acronym_definitions,
    "unbalanced-quotes": unbalanced_quotes,
    "nested-said-that": nested_said_that,
    "comma-runs": comma_runs,
    "one-long-word": one_long_word,
    "quote-mark-runs": quote_mark_runs,
    "padded-dateline": padded_dateline,
    "seed-paragraphs": seed_paragraphs,
}

#: Families written in the file shape (dateline, title, paragraphs); the others are article
#: bodies, given a title line before ``parse_article`` reads them.
FILE_SHAPED = frozenset({"padded-dateline"})
TITLE_LINE = "Scaling test\n"

#: Helpers on the text itself (``parse_article`` gets the text in the file shape).
TEXT_HELPERS: dict[str, Callable[[str], Any]] = {
    "parse_article": lambda text: parse_article(text, name="bench"),
    "split_sentences": split_sentences,
    "extract_entities": extract_entities,
    "extract_quotes": extract_quotes,
    "extract_timexes": lambda text: extract_timexes(text, ANCHOR),
}
#: Helpers on a parsed article (the parse is done first and not timed).
ARTICLE_HELPERS: dict[str, Callable[[Article], Any]] = {
    "timeline": timeline,
    "quotes": quotes,
    "entity_counts": entity_counts,
}
HELPERS = [*TEXT_HELPERS, *ARTICLE_HELPERS]


def file_text(family: str, text: str) -> str:
    """``text`` of ``family`` in the file shape that ``parse_article`` reads."""
    return text if family in FILE_SHAPED else TITLE_LINE + text


def _prepare(helper: str, family: str, text: str) -> Callable[[], Any]:
    """The timed call of ``helper`` on ``text`` (parsing first for an article-level helper)."""
    if helper in TEXT_HELPERS:
        function = TEXT_HELPERS[helper]
        argument = file_text(family, text) if helper == "parse_article" else text
        return lambda: function(argument)
    article = parse_article(file_text(family, text), name="bench")
    article_function = ARTICLE_HELPERS[helper]
    return lambda: article_function(article)


def _child(helper: str, family: str, text: str, connection: Any) -> None:
    """Run in the forked child: report ``("parsed",)``, then ``(seconds, peak RSS in MB)``."""
    call = _prepare(helper, family, text)
    connection.send(("parsed",))
    began = time.perf_counter()
    call()
    seconds = time.perf_counter() - began
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    connection.send((seconds, peak_mb))


def time_call(
    helper: str, family: str, text: str, timeout: float
) -> tuple[str, float | None, float | None]:
    """``(status, seconds, peak MB)``; status: ``ok``, ``timeout``, ``parse-timeout``, ``error``."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(helper, family, text, sender), daemon=True)
    process.start()
    sender.close()
    status, seconds, peak = "error", None, None
    try:
        if not receiver.poll(timeout):
            status = "parse-timeout" if process.is_alive() else "error"
        else:
            receiver.recv()
            if receiver.poll(timeout):
                seconds, peak = receiver.recv()
                status = "ok"
            elif process.is_alive():
                status = "timeout"
    except EOFError:
        status = "error"
    finally:
        if process.is_alive():
            process.kill()
        process.join()
        receiver.close()
    return status, seconds, peak


def _warm_up() -> None:
    """Load every lexicon and compile every pattern once, before the children fork."""
    text = seed_paragraphs(3000)
    for helper in HELPERS:
        _prepare(helper, "seed-paragraphs", text)()


def _cell(status: str, seconds: float | None, timeout: float) -> str:
    if status == "ok" and seconds is not None:
        return f"{seconds:.3f}"
    return {"timeout": f"> {timeout:g} s", "parse-timeout": "parse >", "skipped": "-"}.get(
        status, "error"
    )


def run_table(
    families: list[str], helpers: list[str], sizes: list[int], timeout: float
) -> list[str]:
    """Time every family x helper x size; print one row per case as it completes."""
    ratios = [f"x{b / a:g}" for a, b in zip(sizes, sizes[1:], strict=False)]
    header = ["family", "helper", *(f"{s // 1000}k" for s in sizes), *ratios, "peak MB", "flags"]
    print("\t".join(header), flush=True)
    flagged = []
    for family in families:
        texts = {size: FAMILIES[family](size) for size in sizes}
        for helper in helpers:
            results: list[tuple[str, float | None, float | None]] = []
            for size in sizes:
                if results and results[-1][0] != "ok":
                    results.append(("skipped", None, None))
                    continue
                results.append(time_call(helper, family, texts[size], timeout))
            row, flags = _row(family, helper, sizes, results, timeout)
            print("\t".join(row), flush=True)
            if flags:
                flagged.append(f"{family} x {helper}: {flags}")
    return flagged


def _row(
    family: str,
    helper: str,
    sizes: list[int],
    results: list[tuple[str, float | None, float | None]],
    timeout: float,
) -> tuple[list[str], str]:
    cells = [_cell(status, seconds, timeout) for status, seconds, _ in results]
    factors, flags = [], set()
    for (small, large), (a, b) in zip(
        zip(sizes, sizes[1:], strict=False), zip(results, results[1:], strict=False), strict=False
    ):
        if a[0] == "ok" and b[0] == "ok" and a[1] and b[1] is not None:
            factor = b[1] / a[1]
            factors.append(f"{factor:.1f}")
            if factor > SUPER_LINEAR_MARGIN * large / small and b[1] >= SUPER_LINEAR_MIN_SECONDS:
                flags.add("SUPER")
        else:
            factors.append("-")
            if a[0] == "ok" and b[0] in ("timeout", "parse-timeout"):
                flags.add("SUPER")
    for size, (status, seconds, _) in zip(sizes, results, strict=True):
        if size == SLOW_AT and (status != "ok" or (seconds or 0) > SLOW_SECONDS):
            flags.add("SLOW")
    peaks = [peak for status, _, peak in results if status == "ok" and peak]
    peak = f"{peaks[-1]:.0f}" if peaks else "-"
    return [family, helper, *cells, *factors, peak, " ".join(sorted(flags))], " ".join(
        sorted(flags)
    )


def profile(family: str, helper: str, size: int, top: int = 15) -> None:
    """Print the most expensive functions of one case (own time, then cumulative)."""
    call = _prepare(helper, family, FAMILIES[family](size))
    profiler = cProfile.Profile()
    profiler.runcall(call)
    stats = pstats.Stats(profiler, stream=sys.stdout).strip_dirs()
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[25_000, 100_000, 1_000_000])
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per call")
    parser.add_argument("--families", nargs="+", choices=list(FAMILIES), default=list(FAMILIES))
    parser.add_argument("--helpers", nargs="+", choices=HELPERS, default=HELPERS)
    parser.add_argument("--profile", nargs=3, metavar=("FAMILY", "HELPER", "SIZE"))
    args = parser.parse_args()
    if args.profile:
        family, helper, size = args.profile
        profile(family, helper, int(size))
        return
    _warm_up()
    flagged = run_table(args.families, args.helpers, args.sizes, args.timeout)
    print(f"\nflagged ({len(flagged)}): SLOW = over {SLOW_SECONDS:g} s at {SLOW_AT // 1000}k; "
          f"SUPER = growth over {SUPER_LINEAR_MARGIN:g}x the size ratio")
    for line in flagged:
        print(f"  {line}")


if __name__ == "__main__":
    main()
