"""Analyse many article files at once: one tidy table per analysis, plus an error report.

:func:`analyze_corpus` takes files and folders and returns a ``dict`` of DataFrames keyed by
table name (:data:`TABLES`, then ``"errors"``). A folder gives every entry named ``*.txt`` below
it, sorted (FIFOs, broken links and link loops among them become error rows, never silence); a
file named on its own is read whatever its name. Every table starts with ``article_id``: the
file's path relative to the deepest folder that holds all the input files, in POSIX form
without the ``.txt`` suffix (``"000_f7d6d82cfc8400da"`` for one file, ``"2003/jan/story"``
inside a folder tree), keeping the suffix only where removing it would give two files one id
(``story.txt`` beside ``story``). It is stable across runs, job counts and engines, and unique
within a run. Rows follow the input order, then each analysis' own order.

A file that cannot be read or analysed is skipped and listed in ``errors`` (never aborts the
run), and so is a file whose worker process died (killed, out of memory): the files it was
analysing are retried one at a time, and those that kill their worker again are error rows.
The work runs in this process (``jobs=1``), in a process pool (``jobs>1``, at most one worker
per file and per CPU), or on Dask (``engine="dask"``: a ``dask.bag`` over the paths, on a local
``dask.distributed`` cluster or on the cluster whose scheduler address is given); the tables
are identical whichever runs it. :func:`write_tables` writes them into a temporary folder that
then replaces the output folder, so an interrupted run never leaves old and new tables mixed.
"""

from __future__ import annotations

import importlib
import json
import logging
import math
import multiprocessing
import os
import shutil
import signal
import socket
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, NamedTuple, TypeVar
from urllib.parse import urlsplit

import pandas as pd

from helpers.article import PUBLICATION_TZ, Article, load_article
from helpers.errors import ArticleFormatError, EngineError
from helpers.frames import INT, OBJECT, STRING, Columns, Spec, build_frame, columns_of_rows, empty_columns

#: Table name -> ``"module:SPEC:function"``: the table's column spec and the function giving its
#: columns for one :class:`Article` (imported lazily, in the worker, so the CLI starts fast and
#: workers import only what they run).
ANALYSES: dict[str, str] = {
    "paragraphs": "helpers.article:PARAGRAPH_SPEC:article_paragraphs",
    "sentences": "helpers.article:ARTICLE_SENTENCE_SPEC:article_sentences",
    "entities": "helpers.entities:ENTITY_SPEC:entity_columns",
    "entity_counts": "helpers.entities:COUNT_SPEC:entity_count_columns",
    "quotes": "helpers.quotes:ARTICLE_QUOTE_SPEC:quote_columns",
    "timexes": "helpers.timexes:TIMEX_SPEC:article_timexes",
    "timeline": "helpers.timeline:TIMELINE_SPEC:timeline_columns",
}
#: Every table :func:`analyze_corpus` returns besides ``errors``, in output order.
TABLES: tuple[str, ...] = ("articles", *ANALYSES)
ERRORS = "errors"
ERROR_COLUMNS = ["article_id", "path", "stage", "error", "message"]
ARTICLE_SUFFIX = ".txt"
#: Seconds to wait for a Dask scheduler before giving up.
SCHEDULER_TIMEOUT = 5
#: The ``stage`` and ``error`` of a file whose worker process died while analysing it.
CRASH_STAGE, CRASH_ERROR = "worker", "WorkerDied"

Engine = Literal["local", "dask"]
Progress = Callable[[int], object]
_Item = TypeVar("_Item")
_Result = TypeVar("_Result")


class Job(NamedTuple):
    """One file to analyse: its id, its path, and the publication date a caller gave (or None)."""

    article_id: str
    path: str
    published: object = None


class Analysis(NamedTuple):
    """One table of a corpus run: its column spec and the function giving an article's columns."""

    spec: Spec
    columns: Callable[[Article], Columns]


@dataclass(frozen=True)
class ArticleResult:
    """What one file gave: its tables (as column lists), or the stage and error that stopped it."""

    article_id: str
    path: str
    tables: dict[str, Columns] | None = None
    stage: str | None = None
    error: str | None = None
    message: str | None = None


def article_files(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Expand ``paths`` in order: a folder gives its ``*.txt`` entries recursively, sorted.

    Every entry of a folder named ``*.txt`` that is not itself a folder is kept (FIFOs, broken
    links and link loops too, so that they are reported as errors), and so is every path given
    that is not a folder; a file named twice is kept once (first occurrence).
    """
    files: list[Path] = []
    for path in map(Path, paths):
        found = (
            sorted(p for p in path.rglob(f"*{ARTICLE_SUFFIX}") if not p.is_dir())
            if path.is_dir()
            else [path]
        )
        files += found
    unique: dict[str, Path] = {}
    for file in files:
        unique.setdefault(os.path.realpath(file), file)
    return list(unique.values())


def article_ids(files: Sequence[Path]) -> list[str]:
    """Stable ids: each path (as named, links not followed) relative to the deepest common
    folder, POSIX, ``.txt`` removed unless two files would then share an id."""
    if not files:
        return []
    resolved = [Path(os.path.abspath(file)) for file in files]
    root = Path(os.path.commonpath([file.parent for file in resolved]))
    relatives = [file.relative_to(root).as_posix() for file in resolved]
    plain = {relative for relative in relatives if not relative.endswith(ARTICLE_SUFFIX)}
    ids = []
    for relative in relatives:
        short = relative.removesuffix(ARTICLE_SUFFIX)
        keep_suffix = short in plain or not short or short.endswith("/")
        ids.append(relative if keep_suffix else short)
    return ids


#: The ``articles`` table: ``published`` and ``published_date`` hold timestamps until
#: :func:`combine_results` puts them in one zone (:func:`common_zone_timestamps`).
ARTICLE_SPEC = {
    "path": STRING,
    "title": STRING,
    "published": OBJECT,
    "encoding": STRING,
    "n_paragraphs": INT,
    "n_duplicates": INT,
    "n_sentences": INT,
    "n_words": INT,
    "n_chars": INT,
    "published_date": OBJECT,
    "published_precision": STRING,
    "published_zone": STRING,
    "anchor_source": STRING,
}


def article_row(article: Article, path: str) -> Columns:
    """One row describing the article: ``path``, ``title``, ``published`` (the article's own
    timestamp, see :class:`helpers.article.Article`, or NaT), ``encoding``, ``n_paragraphs`` (in
    the file), ``n_duplicates``, ``n_sentences``, ``n_words``, ``n_chars`` (of the analysed
    body), ``published_date`` (the calendar date as written, naive), ``published_precision``,
    ``published_zone`` (the zone written, or null) and ``anchor_source`` (``caller``,
    ``dateline``, ``file name`` or null)."""
    paragraphs = article.table_columns["paragraphs"]
    sentences = article.table_columns["sentences"]
    stamp = article.published
    return {
        "path": [path],
        "title": [article.title],
        "published": [stamp],
        "encoding": [article.encoding],
        "n_paragraphs": [len(paragraphs["para_id"])],
        "n_duplicates": [sum(paragraphs["is_duplicate"])],
        "n_sentences": [len(sentences["sent_id"])],
        "n_words": [sum(sentences["n_words"])],
        "n_chars": [len(article.text)],
        "published_date": [None if stamp is None else stamp.tz_localize(None).normalize()],
        "published_precision": [article.published_precision],
        "published_zone": [None if stamp is None or stamp.tz is None else str(stamp.tz)],
        "anchor_source": [article.anchor_source],
    }


def common_zone_timestamps(stamps: Sequence[Any]) -> pd.DatetimeIndex:
    """One datetime column for timestamps of several zones (``articles.published``).

    In the zone they all share (``Asia/Shanghai`` when none is dated), naive when none has a
    zone; when zones differ, in UTC, and a timestamp without a zone is then NaT (its calendar
    date stays in ``published_date``).
    """
    dated = [stamp for stamp in stamps if not pd.isna(stamp)]
    zones = {None if stamp.tz is None else str(stamp.tz) for stamp in dated}
    if not dated:
        return pd.DatetimeIndex([pd.NaT] * len(stamps), tz=PUBLICATION_TZ).as_unit("us")
    if zones == {None}:
        return pd.DatetimeIndex(list(stamps)).as_unit("us")
    if len(zones) == 1:
        zone = dated[0].tz
        return pd.DatetimeIndex(list(stamps)).tz_convert(zone).as_unit("us")
    return pd.DatetimeIndex(
        [pd.NaT if pd.isna(stamp) or stamp.tz is None else stamp.tz_convert("UTC")
         for stamp in stamps],
        tz="UTC",
    ).as_unit("us")


def available_analyses() -> dict[str, Analysis]:
    """The analyses of :data:`ANALYSES` whose module is installed, resolved."""
    analyses = {}
    for table, target in ANALYSES.items():
        module_name, spec_name, function_name = target.split(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name != module_name:
                raise
            continue
        analyses[table] = Analysis(getattr(module, spec_name), getattr(module, function_name))
    return analyses


def analyze_file(job: tuple[str, str] | Job) -> ArticleResult:
    """Load and analyse one :class:`Job` (or ``(article_id, path)``); never raises, failures
    become the result. The tables are column lists: :func:`combine_results` builds the frames."""
    article_id, path, published = Job(*job)
    stage = "load"
    try:
        article = load_article(path, published=published)
        tables = {"articles": article_row(article, path)}
        for stage, analysis in available_analyses().items():
            tables[stage] = analysis.columns(article)
    except Exception as error:  # every failure is reported, none aborts the run
        message = (
            error.problem if isinstance(error, ArticleFormatError) else str(error) or repr(error)
        )
        return ArticleResult(
            article_id, path, stage=stage, error=type(error).__name__, message=message
        )
    return ArticleResult(article_id, path, tables=tables)


def worker_count(jobs: int, items: int) -> int:
    """``jobs`` capped at the number of items and of CPUs this process may use (at least 1)."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cpus = os.cpu_count() or 1
    return max(1, min(jobs, items, cpus))


def parallel_map(
    function: Callable[[_Item], _Result],
    items: Sequence[_Item],
    jobs: int = 1,
    progress: Progress | None = None,
    on_crash: Callable[[_Item, str], _Result] | None = None,
) -> list[_Result]:
    """``[function(item) for item in items]`` on ``jobs`` processes, in input order.

    ``progress(n)`` is called as ``n`` more items are done (in completion order). The workers
    ignore Ctrl-C: the caller's ``KeyboardInterrupt`` cancels what is pending and stops them.
    When a worker dies (killed, out of memory), the pool is replaced and the unfinished items
    run again; an item that was running both times the pool broke is then run alone, and if it
    kills that worker too it gives ``on_crash(item, reason)`` (without ``on_crash``,
    ``BrokenProcessPool`` is raised).
    """
    if jobs <= 1 or len(items) <= 1:
        results = []
        for item in items:
            results.append(function(item))
            if progress:
                progress(1)
        return results
    done: dict[int, _Result] = {}
    pending = list(range(len(items)))
    strikes: dict[int, int] = {}
    fruitless = 0
    while pending:
        suspects = _run_pool(function, items, pending, jobs, done, progress)
        fruitless = 0 if suspects or done.keys() & set(pending) else fruitless + 1
        if fruitless == _MAX_FRUITLESS_POOLS:
            raise BrokenProcessPool("the worker processes keep dying before they run anything")
        for index in suspects:
            strikes[index] = strikes.get(index, 0) + 1
            if strikes[index] < 2:
                continue
            if _run_pool(function, items, [index], 1, done, progress):
                if on_crash is None:
                    raise BrokenProcessPool(f"a worker process died while running {items[index]!r}")
                done[index] = on_crash(items[index], _CRASH_REASON)
                if progress:
                    progress(1)
        pending = [index for index in pending if index not in done]
    return [done[index] for index in range(len(items))]


#: Pools in a row that may die without finishing or suspecting any item (a worker killed while
#: idle) before :func:`parallel_map` gives up.
_MAX_FRUITLESS_POOLS = 3
_CRASH_REASON = "the worker process analysing this file died (killed, or out of memory), 3 times"
#: State of an item in the shared array of a pool run (0: not started yet).
_RUNNING, _FINISHED = 1, 2
_item_states: Any = None


def _run_pool(
    function: Callable[[_Item], _Result],
    items: Sequence[_Item],
    indices: list[int],
    jobs: int,
    done: dict[int, _Result],
    progress: Progress | None,
) -> list[int]:
    """Run ``items[indices]`` on a fresh pool into ``done``; return the indices that were
    running when a worker died (empty when none did)."""
    context = multiprocessing.get_context()
    states = context.Array("b", len(items), lock=False)
    pool = ProcessPoolExecutor(
        max_workers=min(jobs, len(indices)),
        mp_context=context,
        initializer=_init_worker,
        initargs=(states,),
    )
    broken = False
    try:
        futures = {pool.submit(_tracked, function, index, items[index]): index for index in indices}
        for future in as_completed(futures):
            try:
                done[futures[future]] = future.result()
            except BrokenProcessPool:
                broken = True
                continue
            if progress:
                progress(1)
    except BaseException:
        _stop_pool(pool)
        raise
    pool.shutdown(wait=True)
    return [index for index in indices if broken and states[index] == _RUNNING]


def _init_worker(states: Any) -> None:
    """In each worker: Ctrl-C is for the parent only; keep the shared item states."""
    global _item_states
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _item_states = states


def _tracked(function: Callable[[_Item], _Result], index: int, item: _Item) -> _Result:
    """Run ``function(item)`` in a worker, marking item ``index`` running, then finished."""
    _item_states[index] = _RUNNING
    result = function(item)
    _item_states[index] = _FINISHED
    return result


def _stop_pool(pool: ProcessPoolExecutor) -> None:
    """Cancel the pending work and terminate the workers now (on Ctrl-C or an error)."""
    # The executor has no public way to stop running calls before Python 3.14, and forgets its
    # processes on shutdown: take them first.
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        if process.is_alive():
            process.terminate()
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.join(timeout=5)


def dask_map(
    function: Callable[[_Item], _Result],
    items: Sequence[_Item],
    jobs: int = 1,
    scheduler: str | None = None,
    progress: Progress | None = None,
    on_crash: Callable[[_Item, str], _Result] | None = None,
) -> list[_Result]:
    """``[function(item) for item in items]`` as a ``dask.bag`` on ``dask.distributed``.

    Runs on the cluster at ``scheduler`` (e.g. ``"tcp://10.0.0.5:8786"``) when given, else on a
    local cluster of ``jobs`` single-threaded worker processes, without dashboard or log noise.
    The workers call ``function``, so ``helpers`` must be importable on them. A partition whose
    workers kept dying (Dask's ``KilledWorker``) is run again item by item; an item that fails
    so again gives ``on_crash(item, reason)``. Raises :class:`EngineError` when the scheduler
    cannot be reached within :data:`SCHEDULER_TIMEOUT` seconds.
    """
    import dask.bag as bag
    from distributed import KilledWorker
    from distributed import as_completed as as_done

    if not items:
        return []
    with _dask_client(jobs, scheduler) as client:
        workers = max(len(client.scheduler_info().get("workers", {})), 1)
        size = math.ceil(len(items) / min(len(items), 4 * workers))
        chunks = [list(items[start : start + size]) for start in range(0, len(items), size)]
        delayed = bag.from_sequence(list(items), partition_size=size).map(function).to_delayed()
        futures = client.compute(delayed)
        order = {future.key: index for index, future in enumerate(futures)}
        done: dict[int, list[_Result]] = {}
        try:
            for future in as_done(futures, loop=client.loop):
                index = order[future.key]
                try:
                    chunk = future.result()
                except KilledWorker:
                    chunk = [
                        _dask_one(client, function, item, on_crash) for item in chunks[index]
                    ]
                done[index] = chunk
                if progress:
                    progress(len(chunk))
        except BaseException:
            client.cancel(futures)
            raise
    return [result for index in range(len(done)) for result in done[index]]


def _dask_one(
    client: Any,
    function: Callable[[_Item], _Result],
    item: _Item,
    on_crash: Callable[[_Item, str], _Result] | None,
) -> _Result:
    """Run one item as its own Dask task; a worker death gives ``on_crash(item, reason)``."""
    from distributed import KilledWorker

    try:
        return client.submit(function, item, pure=False).result()
    except KilledWorker:
        if on_crash is None:
            raise
        return on_crash(item, "the Dask workers analysing this file kept dying")


@contextmanager
def _dask_client(jobs: int, scheduler: str | None) -> Iterator[Any]:
    """A distributed ``Client`` on ``scheduler``, or on a fresh quiet local cluster."""
    from distributed import Client, LocalCluster

    if scheduler:
        _check_reachable(scheduler)
        try:
            client = Client(scheduler, set_as_default=False, timeout=SCHEDULER_TIMEOUT)
        except (OSError, TimeoutError) as error:
            raise EngineError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None
        with client:
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


def _check_reachable(scheduler: str) -> None:
    """Fail fast (a plain TCP connection) when a ``tcp://host:port`` scheduler is not there."""
    address = urlsplit(scheduler if "://" in scheduler else f"tcp://{scheduler}")
    if address.scheme != "tcp":
        return
    try:
        port = address.port
    except ValueError:
        raise EngineError(f"not a scheduler address: {scheduler}") from None
    if address.hostname is None or port is None:
        raise EngineError(f"not a scheduler address (tcp://HOST:PORT): {scheduler}")
    try:
        socket.create_connection((address.hostname, port), timeout=SCHEDULER_TIMEOUT).close()
    except OSError as error:
        reason = error.strerror or str(error) or type(error).__name__
        raise EngineError(f"cannot reach the Dask scheduler at {scheduler}: {reason}") from None


def analyze_corpus(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    jobs: int = 1,
    engine: Engine = "local",
    scheduler: str | None = None,
    progress: Progress | None = None,
    published: Mapping[str | os.PathLike[str], object] | None = None,
) -> dict[str, pd.DataFrame]:
    """Analyse every article under ``paths``; return the tables of :data:`TABLES` and ``errors``.

    ``articles``: ``article_id`` + the columns of :func:`article_row` (``published`` in one zone,
    see :func:`common_zone_timestamps`). ``paragraphs``,
    ``sentences``: ``article_id`` + ``Article.paragraphs`` / ``Article.sentences``. ``entities``:
    ``article_id`` + :func:`helpers.entities.extract_entities` of the body. ``entity_counts``:
    ``article_id`` + :func:`helpers.entities.entity_counts`. ``quotes``: ``article_id`` +
    :func:`helpers.quotes.quotes`. ``timexes``: ``article_id`` +
    :func:`helpers.timexes.extract_timexes` anchored on the dateline. ``timeline``:
    ``article_id`` + :func:`helpers.timeline.timeline`. ``errors``: ``article_id``, ``path``,
    ``stage`` (``load``, the analysis that failed, or ``worker`` when the worker process died),
    ``error`` (exception class, or ``WorkerDied``), ``message``; one row per skipped file. An
    analysis whose module is not installed gives no table. When no file succeeds, the analysis
    tables hold only ``article_id``.

    ``jobs``: worker processes (``engine="local"``) or local Dask workers (``engine="dask"``
    without ``scheduler``), capped by :func:`worker_count`. ``progress(n)`` is called as ``n``
    more files are done. ``published`` maps file paths to the publication date to use for them
    (see :func:`helpers.article.load_article`); paths are compared after resolving links.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    files = article_files(paths)
    dates = {os.path.realpath(path): date for path, date in (published or {}).items()}
    work = [
        Job(article_id, str(file), dates.get(os.path.realpath(file)))
        for article_id, file in zip(article_ids(files), files, strict=True)
    ]
    workers = worker_count(jobs, len(work))
    if engine == "local":
        results = parallel_map(
            analyze_file, work, jobs=workers, progress=progress, on_crash=crashed_file
        )
    elif engine == "dask":
        results = dask_map(
            analyze_file,
            work,
            jobs=workers,
            scheduler=scheduler,
            progress=progress,
            on_crash=crashed_file,
        )
    else:
        raise ValueError(f"unknown engine {engine!r}: use 'local' or 'dask'")
    return combine_results(results)


def read_published_table(csv_path: str | os.PathLike[str]) -> dict[str, str]:
    """Read a ``path,published`` CSV: resolved file path -> publication date text.

    A relative path is taken from the current folder when it names a file there, else from the
    CSV's folder; a row without a date is skipped. Raises ``ValueError`` naming the row when a
    column is missing, a path is empty or a date unreadable (``helpers.datelines`` reads it).
    """
    from helpers.datelines import coerce_published

    table = pd.read_csv(csv_path, dtype="string", keep_default_na=False)
    missing = {"path", "published"} - set(table.columns)
    if missing:
        columns = ", ".join(sorted(missing))
        raise ValueError(f"{csv_path}: no column {columns} (need path,published)")
    base = Path(csv_path).parent
    dates = {}
    for line, (path, date) in enumerate(zip(table["path"], table["published"]), start=2):
        if not path.strip():
            raise ValueError(f"{csv_path}, line {line}: empty path")
        if not date.strip():
            continue
        try:
            coerce_published(date)
        except ValueError as error:
            raise ValueError(f"{csv_path}, line {line}: {error}") from None
        given = Path(path.strip())
        located = given if given.is_absolute() or given.exists() else base / given
        dates[os.path.realpath(located)] = date.strip()
    return dates


def crashed_file(job: Job, reason: str) -> ArticleResult:
    """The error row of a file whose worker process died while analysing it."""
    article_id, path, _ = Job(*job)
    return ArticleResult(article_id, path, stage=CRASH_STAGE, error=CRASH_ERROR, message=reason)


def combine_results(results: Sequence[ArticleResult]) -> dict[str, pd.DataFrame]:
    """Stack the per-file tables in input order, each with ``article_id`` first, and build each
    table once; add ``errors``."""
    specs = {"articles": ARTICLE_SPEC} | {
        name: analysis.spec for name, analysis in available_analyses().items()
    }
    succeeded = [result for result in results if result.tables is not None]
    names = [name for name in TABLES if name in specs]
    if succeeded:
        names = [name for name in names if any(name in r.tables for r in succeeded)]
    tables: dict[str, pd.DataFrame] = {}
    for name in names:
        spec = {"article_id": STRING, **specs[name]}
        columns = empty_columns(spec)
        for result in succeeded:
            part = result.tables.get(name)  # type: ignore[union-attr]
            if part is None:
                continue
            rows = len(next(iter(part.values()))) if part else 0
            columns["article_id"] += [result.article_id] * rows
            for column, values in part.items():
                columns[column] += values
        tables[name] = build_frame(spec, columns)
    articles = tables["articles"]
    articles["published"] = common_zone_timestamps(list(articles["published"]))
    articles["published_date"] = pd.DatetimeIndex(
        [pd.NaT if stamp is None else stamp for stamp in articles["published_date"]]
    ).as_unit("us")
    failed = [r for r in results if r.tables is None]
    tables[ERRORS] = build_frame(
        {name: STRING for name in ERROR_COLUMNS},
        columns_of_rows(
            {name: STRING for name in ERROR_COLUMNS},
            [(r.article_id, r.path, r.stage, r.error, r.message) for r in failed],
        ),
    )
    return tables


def table_files() -> set[str]:
    """The names of the files :func:`write_tables` may write (one per table, either format)."""
    return {f"{name}.{suffix}" for name in (*TABLES, ERRORS) for suffix in ("csv", "parquet")}


def check_output_folder(out_dir: Path) -> None:
    """Raise ``ValueError`` now, before any analysis, when ``out_dir`` cannot take the tables.

    It must be a new folder (its parent is created), an empty one, or one that holds only the
    tables of an earlier run (they are replaced as a whole).
    """
    if out_dir.exists() and not out_dir.is_dir():
        raise ValueError(f"--out {out_dir}: exists and is not a folder")
    if out_dir.is_dir():
        foreign = sorted(p.name for p in out_dir.iterdir() if p.name not in table_files())
        if foreign:
            shown = ", ".join(foreign[:3]) + (", ..." if len(foreign) > 3 else "")
            raise ValueError(
                f"--out {out_dir}: the folder holds files that are not tables of an earlier run "
                f"({shown}); choose a new or empty folder"
            )
    parent = out_dir.absolute().parent
    while not parent.exists():
        parent = parent.parent
    if not parent.is_dir() or not os.access(parent, os.W_OK | os.X_OK):
        raise ValueError(f"--out {out_dir}: cannot create a folder in {parent}")


def write_tables(tables: dict[str, pd.DataFrame], out_dir: Path, file_format: str) -> list[Path]:
    """Write each table to ``out_dir/<name>.<csv|parquet>``; return the paths written.

    The tables go to a temporary folder beside ``out_dir`` that then takes its place (an
    earlier run's folder is moved aside first, then deleted), so ``out_dir`` always holds one
    run's tables: an interrupted write leaves the old folder, or none, never a mix. CSV holds
    list cells (``quotes.content_spans``) as JSON and timestamps in ISO 8601.
    """
    if file_format not in ("csv", "parquet"):
        raise ValueError(f"unknown format {file_format!r}: use 'csv' or 'parquet'")
    check_output_folder(out_dir)
    out_dir.absolute().parent.mkdir(parents=True, exist_ok=True)
    staging = _new_sibling(out_dir, "tmp")
    try:
        for name, table in tables.items():
            path = staging / f"{name}.{file_format}"
            if file_format == "parquet":
                table.to_parquet(path, index=False)
            else:
                _json_lists(table).to_csv(path, index=False)
        _replace_folder(staging, out_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return [out_dir / f"{name}.{file_format}" for name in tables]


def _new_sibling(out_dir: Path, kind: str) -> Path:
    """Create a new hidden folder beside ``out_dir`` (with the usual permissions)."""
    for attempt in range(1000):
        sibling = out_dir.absolute().parent / f".{out_dir.name}.{os.getpid()}.{attempt}.{kind}"
        try:
            sibling.mkdir()
        except FileExistsError:
            continue
        return sibling
    raise FileExistsError(f"cannot create a temporary folder beside {out_dir}")


def _replace_folder(staging: Path, out_dir: Path) -> None:
    """Put ``staging`` at ``out_dir`` (a rename); an existing ``out_dir`` is moved aside first."""
    if not out_dir.exists():
        staging.rename(out_dir)
        return
    old = _new_sibling(out_dir, "old")
    old.rmdir()
    out_dir.rename(old)
    try:
        staging.rename(out_dir)
    except BaseException:
        old.rename(out_dir)
        raise
    shutil.rmtree(old, ignore_errors=True)


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
