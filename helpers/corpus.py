"""Analyse many article files at once: one tidy table per analysis, plus an error report.

:func:`analyze_corpus` takes files and folders (folders: every ``*.txt`` below them, sorted) and
returns a ``dict`` of DataFrames keyed by table name (:data:`TABLES`, then ``"errors"``). Every
table starts with ``article_id``: the file's path relative to the deepest folder that holds all
the input files, in POSIX form without the ``.txt`` suffix (``"000_f7d6d82cfc8400da"`` for one
file, ``"2003/jan/story"`` inside a folder tree). It is stable across runs, job counts and
engines, and unique within a run. Rows follow the input order, then each analysis' own order.

A file that cannot be read or analysed is skipped and listed in ``errors`` (never aborts the
run). The work runs in this process (``jobs=1``), in a process pool (``jobs>1``), or on Dask
(``engine="dask"``: a ``dask.bag`` over the paths, on a local ``dask.distributed`` cluster or on
the cluster whose scheduler address is given); the tables are identical whichever runs it.
"""

from __future__ import annotations

import importlib
import json
import logging
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, TypeVar

import pandas as pd

from helpers.article import PUBLICATION_TZ, Article, load_article
from helpers.errors import ArticleFormatError

#: Table name -> ``"module:function"`` computing it from an :class:`Article` (imported lazily,
#: in the worker, so the CLI starts fast and workers import only what they run).
ANALYSES: dict[str, str] = {
    "paragraphs": "helpers.corpus:article_paragraphs",
    "sentences": "helpers.corpus:article_sentences",
    "entities": "helpers.corpus:article_entities",
    "entity_counts": "helpers.entities:entity_counts",
    "quotes": "helpers.quotes:quotes",
    "timexes": "helpers.corpus:article_timexes",
    "timeline": "helpers.timeline:timeline",
}
#: Every table :func:`analyze_corpus` returns besides ``errors``, in output order.
TABLES: tuple[str, ...] = ("articles", *ANALYSES)
ERRORS = "errors"
ERROR_COLUMNS = ["article_id", "path", "stage", "error", "message"]
ARTICLE_SUFFIX = ".txt"

Engine = Literal["local", "dask"]
Progress = Callable[[int], object]
_Item = TypeVar("_Item")
_Result = TypeVar("_Result")


@dataclass(frozen=True)
class ArticleResult:
    """What one file gave: its tables, or the stage and error that stopped it."""

    article_id: str
    path: str
    tables: dict[str, pd.DataFrame] | None = None
    stage: str | None = None
    error: str | None = None
    message: str | None = None


def article_files(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Expand ``paths`` in order: a folder gives its ``*.txt`` files recursively, sorted.

    Paths that are neither files nor folders are kept, so that they are reported as errors;
    a file named twice is kept once (first occurrence).
    """
    files: list[Path] = []
    for path in map(Path, paths):
        found = (
            sorted(p for p in path.rglob(f"*{ARTICLE_SUFFIX}") if p.is_file())
            if path.is_dir()
            else [path]
        )
        files += found
    unique: dict[Path, Path] = {}
    for file in files:
        unique.setdefault(file.resolve(), file)
    return list(unique.values())


def article_ids(files: Sequence[Path]) -> list[str]:
    """Stable ids: each path relative to the deepest common folder, POSIX, ``.txt`` removed."""
    if not files:
        return []
    resolved = [file.resolve() for file in files]
    root = Path(os.path.commonpath([file.parent for file in resolved]))
    ids = []
    for file in resolved:
        relative = file.relative_to(root)
        if relative.suffix == ARTICLE_SUFFIX:
            relative = relative.with_suffix("")
        ids.append(relative.as_posix())
    return ids


def article_paragraphs(article: Article) -> pd.DataFrame:
    """``Article.paragraphs`` (see :class:`helpers.article.Article` for the columns)."""
    return article.paragraphs


def article_sentences(article: Article) -> pd.DataFrame:
    """``Article.sentences`` (see :class:`helpers.article.Article` for the columns)."""
    return article.sentences


def article_entities(article: Article) -> pd.DataFrame:
    """Entity mentions of the article body (:func:`helpers.entities.extract_entities`)."""
    from helpers.entities import extract_entities

    return extract_entities(article.document)


def article_timexes(article: Article) -> pd.DataFrame:
    """Temporal expressions anchored on the dateline (:func:`helpers.timexes.extract_timexes`)."""
    from helpers.timexes import extract_timexes

    return extract_timexes(article.document, article.published)


def article_row(article: Article, path: str) -> pd.DataFrame:
    """One row describing the article: ``path``, ``title``, ``published`` (Beijing time or NaT),
    ``encoding``, ``n_paragraphs`` (in the file), ``n_duplicates``, ``n_sentences``, ``n_words``,
    ``n_chars`` (of the analysed body)."""
    paragraphs, sentences = article.paragraphs, article.sentences
    published = pd.DatetimeIndex(
        [pd.NaT if article.published is None else article.published], tz=PUBLICATION_TZ
    ).as_unit("us")
    row = {
        "path": pd.array([path], dtype="string"),
        "title": pd.array([article.title], dtype="string"),
        "published": published,
        "encoding": pd.array([article.encoding], dtype="string"),
        "n_paragraphs": pd.array([len(paragraphs)], dtype="Int64"),
        "n_duplicates": pd.array([int(paragraphs["is_duplicate"].sum())], dtype="Int64"),
        "n_sentences": pd.array([len(sentences)], dtype="Int64"),
        "n_words": pd.array([int(sentences["n_words"].sum())], dtype="Int64"),
        "n_chars": pd.array([len(article.text)], dtype="Int64"),
    }
    return pd.DataFrame(row)


def available_analyses() -> dict[str, Callable[[Article], pd.DataFrame]]:
    """The analyses of :data:`ANALYSES` whose module is installed, resolved to functions."""
    functions = {}
    for table, target in ANALYSES.items():
        module_name, function_name = target.split(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name != module_name:
                raise
            continue
        functions[table] = getattr(module, function_name)
    return functions


def analyze_file(job: tuple[str, str]) -> ArticleResult:
    """Load and analyse one ``(article_id, path)``; never raises, failures become the result."""
    article_id, path = job
    stage = "load"
    try:
        article = load_article(path)
        tables = {"articles": article_row(article, path)}
        for stage, analysis in available_analyses().items():
            tables[stage] = analysis(article)
    except Exception as error:  # every failure is reported, none aborts the run
        message = (
            error.problem if isinstance(error, ArticleFormatError) else str(error) or repr(error)
        )
        return ArticleResult(
            article_id, path, stage=stage, error=type(error).__name__, message=message
        )
    return ArticleResult(article_id, path, tables=tables)


def parallel_map(
    function: Callable[[_Item], _Result],
    items: Sequence[_Item],
    jobs: int = 1,
    progress: Progress | None = None,
) -> list[_Result]:
    """``[function(item) for item in items]`` on ``jobs`` processes, in input order.

    ``progress(n)`` is called as ``n`` more items are done (in completion order).
    """
    if jobs <= 1 or len(items) <= 1:
        results = []
        for item in items:
            results.append(function(item))
            if progress:
                progress(1)
        return results
    done: dict[int, _Result] = {}
    with ProcessPoolExecutor(max_workers=min(jobs, len(items))) as pool:
        futures = {pool.submit(function, item): index for index, item in enumerate(items)}
        for future in as_completed(futures):
            done[futures[future]] = future.result()
            if progress:
                progress(1)
    return [done[index] for index in range(len(items))]


def dask_map(
    function: Callable[[_Item], _Result],
    items: Sequence[_Item],
    jobs: int = 1,
    scheduler: str | None = None,
    progress: Progress | None = None,
) -> list[_Result]:
    """``[function(item) for item in items]`` as a ``dask.bag`` on ``dask.distributed``.

    Runs on the cluster at ``scheduler`` (e.g. ``"tcp://10.0.0.5:8786"``) when given, else on a
    local cluster of ``jobs`` single-threaded worker processes, without dashboard or log noise.
    The workers call ``function``, so ``helpers`` must be importable on them.
    """
    import dask.bag as bag
    from distributed import as_completed as as_done

    if not items:
        return []
    with _dask_client(jobs, scheduler) as client:
        workers = max(len(client.scheduler_info().get("workers", {})), 1)
        partitions = min(len(items), 4 * workers)
        delayed = bag.from_sequence(list(items), npartitions=partitions).map(function).to_delayed()
        futures = client.compute(delayed)
        order = {future.key: index for index, future in enumerate(futures)}
        done: dict[int, list[_Result]] = {}
        for future in as_done(futures, loop=client.loop):
            chunk = future.result()
            done[order[future.key]] = chunk
            if progress:
                progress(len(chunk))
    return [result for index in range(len(done)) for result in done[index]]


@contextmanager
def _dask_client(jobs: int, scheduler: str | None) -> Iterator[Any]:
    """A distributed ``Client`` on ``scheduler``, or on a fresh quiet local cluster."""
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler, set_as_default=False) as client:
            yield client
        return
    with (
        LocalCluster(
            n_workers=max(jobs, 1),
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            scheduler_kwargs={"dashboard_address": ":0"},
            silence_logs=logging.CRITICAL,
        ) as cluster,
        Client(cluster, set_as_default=False) as client,
    ):
        yield client


def analyze_corpus(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    jobs: int = 1,
    engine: Engine = "local",
    scheduler: str | None = None,
    progress: Progress | None = None,
) -> dict[str, pd.DataFrame]:
    """Analyse every article under ``paths``; return the tables of :data:`TABLES` and ``errors``.

    ``articles``: ``article_id`` + the columns of :func:`article_row`. ``paragraphs``,
    ``sentences``: ``article_id`` + ``Article.paragraphs`` / ``Article.sentences``. ``entities``:
    ``article_id`` + :func:`helpers.entities.extract_entities` of the body. ``entity_counts``:
    ``article_id`` + :func:`helpers.entities.entity_counts`. ``quotes``: ``article_id`` +
    :func:`helpers.quotes.quotes`. ``timexes``: ``article_id`` +
    :func:`helpers.timexes.extract_timexes` anchored on the dateline. ``timeline``:
    ``article_id`` + :func:`helpers.timeline.timeline`. ``errors``: ``article_id``, ``path``,
    ``stage`` (``load`` or the analysis that failed), ``error`` (exception class), ``message``;
    one row per skipped file. An analysis whose module is not installed gives no table. When no
    file succeeds, the analysis tables hold only ``article_id``.

    ``jobs``: worker processes (``engine="local"``) or local Dask workers (``engine="dask"``
    without ``scheduler``). ``progress(n)`` is called as ``n`` more files are done.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    files = article_files(paths)
    work = list(zip(article_ids(files), map(str, files), strict=True))
    if engine == "local":
        results = parallel_map(analyze_file, work, jobs=jobs, progress=progress)
    elif engine == "dask":
        results = dask_map(analyze_file, work, jobs=jobs, scheduler=scheduler, progress=progress)
    else:
        raise ValueError(f"unknown engine {engine!r}: use 'local' or 'dask'")
    return combine_results(results)


def combine_results(results: Sequence[ArticleResult]) -> dict[str, pd.DataFrame]:
    """Stack the per-file tables in input order, each with ``article_id`` first; add ``errors``."""
    tables: dict[str, pd.DataFrame] = {}
    succeeded = [result for result in results if result.tables is not None]
    if succeeded:
        names = [name for name in TABLES if any(r.tables and name in r.tables for r in succeeded)]
    else:
        names = ["articles", *available_analyses()]
    for name in names:
        parts = [
            _with_id(r.tables[name], r.article_id)
            for r in succeeded
            if r.tables and name in r.tables
        ]
        tables[name] = (
            _stack(parts) if parts else pd.DataFrame({"article_id": pd.array([], dtype="string")})
        )
    failed = [r for r in results if r.tables is None]
    tables[ERRORS] = pd.DataFrame(
        [(r.article_id, r.path, r.stage, r.error, r.message) for r in failed],
        columns=ERROR_COLUMNS,
        dtype="string",
    )
    return tables


def _with_id(table: pd.DataFrame, article_id: str) -> pd.DataFrame:
    """``table`` with a leading ``article_id`` column."""
    table = table.reset_index(drop=True)
    table.insert(0, "article_id", pd.array([article_id] * len(table), dtype="string"))
    return table


def _stack(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """Concatenate per-article tables; keep categorical columns categorical across articles."""
    stacked = pd.concat(parts, ignore_index=True)
    for column in parts[0].columns:
        if (
            isinstance(parts[0][column].dtype, pd.CategoricalDtype)
            and stacked[column].dtype == object
        ):
            categories = sorted({c for part in parts for c in part[column].cat.categories}, key=str)
            stacked[column] = pd.Categorical(stacked[column], categories=categories)
    return stacked


def write_tables(tables: dict[str, pd.DataFrame], out_dir: Path, file_format: str) -> list[Path]:
    """Write each table to ``out_dir/<name>.<csv|parquet>``; return the paths written.

    CSV holds list cells (``quotes.content_spans``) as JSON and timestamps in ISO 8601.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, table in tables.items():
        path = out_dir / f"{name}.{file_format}"
        if file_format == "parquet":
            table.to_parquet(path, index=False)
        elif file_format == "csv":
            _json_lists(table).to_csv(path, index=False)
        else:
            raise ValueError(f"unknown format {file_format!r}: use 'csv' or 'parquet'")
        written.append(path)
    return written


def _json_lists(table: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``table`` whose list/tuple cells are JSON strings (for CSV)."""
    converted = table.copy()
    for column in converted.columns:
        if (
            converted[column].dtype == object
            and converted[column].map(lambda cell: isinstance(cell, (list, tuple))).any()
        ):
            converted[column] = converted[column].map(
                lambda cell: json.dumps(cell) if isinstance(cell, (list, tuple)) else cell
            )
    return converted


def iter_errors(tables: dict[str, pd.DataFrame]) -> Iterator[str]:
    """One readable line per skipped file: ``path: [stage] Error: message``."""
    for row in tables[ERRORS].itertuples(index=False):
        yield f"{row.path}: [{row.stage}] {row.error}: {row.message}"
