"""Command line of the helpers package.

  python -m helpers reproduce [--only NN] [--article PATH [--published DATE]] [--out DIR]
                              [--html]
      re-execute the notebooks: in place on the seed, or into DIR on another article
  python -m helpers analyze PATH... --out DIR [--format csv|parquet] [--jobs N]
                            [--engine local|dask] [--scheduler ADDRESS] [--published CSV]
      analyse article files and folders into one table per analysis, plus errors

Exit status: 0 on success, 1 when a file or a notebook failed (or the Dask scheduler cannot be
reached), 2 on a usage error, 130 when interrupted (Ctrl-C: nothing is written).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def build_parser() -> argparse.ArgumentParser:
    """The ``python -m helpers`` argument parser with its two commands."""
    parser = argparse.ArgumentParser(
        prog="python -m helpers",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True)
    reproduce = commands.add_parser(
        "reproduce", help="re-execute every notebook top to bottom in a fresh kernel"
    )
    reproduce.add_argument(
        "--only", nargs="*", metavar="NN", help="only the notebooks whose name starts with NN"
    )
    reproduce.add_argument(
        "--article", metavar="PATH", help="run the notebooks on this article (requires --out)"
    )
    reproduce.add_argument(
        "--published",
        metavar="DATE",
        help="with --article: its publication date (e.g. 2016-10-28), instead of its own",
    )
    reproduce.add_argument(
        "--out", type=Path, metavar="DIR", help="write executed copies here instead of in place"
    )
    reproduce.add_argument(
        "--html", action="store_true", help="also write an HTML page per notebook"
    )
    analyze = commands.add_parser(
        "analyze", help="analyse article files and folders (*.txt, recursively) into tables"
    )
    analyze.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="article files (any name) or folders (their *.txt files, recursively)",
    )
    analyze.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="DIR",
        help="output folder: new, empty, or holding an earlier run's tables (replaced as a whole)",
    )
    analyze.add_argument("--format", choices=["csv", "parquet"], default="csv", help="table format")
    analyze.add_argument(
        "--jobs",
        type=_positive_int,
        default=1,
        metavar="N",
        help="worker processes (default 1); capped at the number of files and of CPUs",
    )
    analyze.add_argument(
        "--engine",
        choices=["local", "dask"],
        default="local",
        help="local process pool, or a dask.bag on dask.distributed",
    )
    analyze.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="with --engine dask: an existing cluster's scheduler (default: a local cluster)",
    )
    analyze.add_argument(
        "--published",
        type=Path,
        metavar="CSV",
        help="a CSV with columns path,published: the publication date of those files",
    )
    return parser


def _positive_int(text: str) -> int:
    """An argparse type: an integer of at least 1."""
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def run_reproduce(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """Execute the notebooks; report each one on stderr; 1 if any failed."""
    from helpers.notebooks import reproduce

    if args.article is not None and args.out is None:
        parser.error("--article needs --out DIR (the committed notebooks stay on the seed article)")
    if args.article is not None and not Path(args.article).is_file():
        parser.error(f"article file not found: {args.article}")
    if args.published is not None:
        from helpers.datelines import coerce_published

        if args.article is None:
            parser.error("--published needs --article (the seed has its own date)")
        try:
            coerce_published(args.published)
        except ValueError as error:
            parser.error(str(error))
    print(
        "executing the notebooks" + (f" on {args.article}" if args.article else ""), file=sys.stderr
    )
    outcomes = reproduce(args.only, args.article, args.out, args.html, args.published)
    for path, error in outcomes:
        print(
            f"{'FAILED' if error else 'ok'}  {path}" + (f": {error}" if error else ""),
            file=sys.stderr,
        )
    return EXIT_FAILED if any(error for _, error in outcomes) else EXIT_OK


def run_analyze(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """Analyse the articles with a progress bar; write the tables; 1 if any file failed."""
    from tqdm import tqdm

    from helpers.corpus import (
        ERRORS,
        analyze_corpus,
        article_files,
        check_output_folder,
        iter_errors,
        read_published_table,
        worker_count,
        write_tables,
    )
    from helpers.errors import EngineError

    if args.scheduler and args.engine != "dask":
        parser.error("--scheduler needs --engine dask")
    try:
        check_output_folder(args.out)
        published = read_published_table(args.published) if args.published else None
    except (ValueError, OSError) as error:
        parser.error(str(error))
    files = article_files(args.paths)
    if not files:
        print(f"no article files (*.txt) under: {' '.join(args.paths)}", file=sys.stderr)
        return EXIT_FAILED
    _report_unmatched_dates(published, files, args.published)
    workers = worker_count(args.jobs, len(files))
    if workers < args.jobs and not (args.engine == "dask" and args.scheduler):
        print(
            f"using {workers} worker process(es): --jobs is capped at the number of files "
            f"({len(files)}) and of CPUs",
            file=sys.stderr,
        )
    try:
        with tqdm(total=len(files), unit="article", file=sys.stderr, desc="analysing") as bar:
            tables = analyze_corpus(
                files,
                jobs=args.jobs,
                engine=args.engine,
                scheduler=args.scheduler,
                progress=bar.update,
                published=published,
            )
        written = write_tables(tables, args.out, args.format)
    except KeyboardInterrupt:
        print(f"interrupted: nothing was written to {os.fspath(args.out)}", file=sys.stderr)
        return EXIT_INTERRUPTED
    except EngineError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_FAILED
    failures = list(iter_errors(tables))
    analysed = len(tables["articles"])
    print(
        f"analysed {analysed} of {analysed + len(failures)} files; "
        f"wrote {len(written)} tables to {os.fspath(args.out)}",
        file=sys.stderr,
    )
    if failures:
        print(
            f"{len(failures)} file(s) failed and were skipped (see {ERRORS}.{args.format}):",
            file=sys.stderr,
        )
        for line in failures:
            print(f"  {line}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def _report_unmatched_dates(
    published: dict[str, str] | None, files: list[Path], csv_path: Path | None
) -> None:
    """Say on stderr how many rows of the ``--published`` table name no file of this run."""
    if not published:
        return
    unmatched = sorted(set(published) - {os.path.realpath(file) for file in files})
    if unmatched:
        print(
            f"{len(unmatched)} row(s) of {csv_path} name no file of this run "
            f"(first: {unmatched[0]})",
            file=sys.stderr,
        )


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run the chosen command; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "reproduce":
        return run_reproduce(args, parser)
    return run_analyze(args, parser)


if __name__ == "__main__":
    sys.exit(main())
