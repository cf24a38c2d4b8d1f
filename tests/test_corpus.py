"""helpers.corpus: many articles into tables, error report, jobs and Dask give the same tables.

The test article ``tests/data/lake_victoria_fisheries.txt`` is fictional (written for these
tests); its counts below were established by hand: 6 paragraphs, 6 one-sentence paragraphs,
29 + 14 + 13 + 21 + 23 + 21 = 121 words.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import time
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import helpers.corpus as corpus_module
from helpers.article import ARTICLE_SENTENCE_SPEC, Article, article_sentences
from helpers.corpus import (
    ANALYSES,
    ERROR_COLUMNS,
    TABLES,
    analyze_corpus,
    article_files,
    article_ids,
    Analysis,
    available_analyses,
    check_output_folder,
    common_zone_timestamps,
    dask_map,
    parallel_map,
    read_published_table,
    worker_count,
    write_tables,
)
from helpers.errors import EngineError
from helpers.frames import Columns
from helpers.quotes import ARTICLE_QUOTE_SPEC

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
SEED = ROOT / "seeds" / "000_f7d6d82cfc8400da.txt"
LAKE = DATA / "lake_victoria_fisheries.txt"
SEED_ID = "seeds/000_f7d6d82cfc8400da"
LAKE_ID = "tests/data/lake_victoria_fisheries"


@pytest.fixture(scope="module")
def corpus() -> dict[str, pd.DataFrame]:
    """The seed, the test article and the two bad files, analysed in this process."""
    return analyze_corpus([SEED, DATA])


def test_folders_expand_to_sorted_txt_files_and_duplicates_are_dropped(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    for name in ["b/z.txt", "b/a.txt", "m.txt", "notes.md"]:
        (tmp_path / name).write_text("x", encoding="utf-8")
    files = article_files([tmp_path / "m.txt", tmp_path, tmp_path / "missing.txt"])
    assert [f.relative_to(tmp_path).as_posix() for f in files] == [
        "m.txt",
        "b/a.txt",
        "b/z.txt",
        "missing.txt",
    ]


def test_article_ids_are_paths_below_the_common_folder_without_suffix(tmp_path: Path) -> None:
    assert article_ids([SEED]) == ["000_f7d6d82cfc8400da"]
    assert article_ids([SEED, LAKE]) == [SEED_ID, LAKE_ID]
    assert article_ids([tmp_path / "2003" / "a.txt", tmp_path / "b.text"]) == ["2003/a", "b.text"]
    assert article_ids([]) == []


def test_every_table_is_returned_with_article_id_first(corpus: dict[str, pd.DataFrame]) -> None:
    assert list(corpus) == [*TABLES, "errors"]
    assert list(available_analyses()) == list(ANALYSES) and TABLES[0] == "articles"
    for name, table in corpus.items():
        assert table.columns[0] == "article_id", name
        assert table["article_id"].dtype == "string", name


def test_articles_table_holds_the_hand_counts(corpus: dict[str, pd.DataFrame]) -> None:
    articles = corpus["articles"]
    assert articles["article_id"].tolist() == [SEED_ID, LAKE_ID]
    assert articles["title"].tolist() == [
        "US Says It Supports Dialogue with DPRK on Nuclear Issue",
        "Kenya and Tanzania Agree to Share Lake Victoria Catch Data",
    ]
    assert articles["published"].dt.strftime("%Y-%m-%d %z").tolist() == [
        "2003-01-08 +0800",
        "2008-03-14 +0800",
    ]
    assert articles["n_paragraphs"].tolist() == [12, 6]
    assert articles["n_duplicates"].tolist() == [1, 0]
    assert articles["n_sentences"].tolist() == [11, 6]
    assert articles["n_words"].tolist() == [354, 121]


def test_per_article_tables_keep_input_order_and_offsets(corpus: dict[str, pd.DataFrame]) -> None:
    sentences = corpus["sentences"]
    assert sentences.groupby("article_id", sort=False).size().to_dict() == {SEED_ID: 11, LAKE_ID: 6}
    assert sentences["n_words"].sum() == 354 + 121
    paragraphs = corpus["paragraphs"]
    assert paragraphs.loc[paragraphs["article_id"] == LAKE_ID, "para_id"].tolist() == [
        1,
        2,
        3,
        4,
        5,
        6,
    ]


def test_the_error_report_lists_every_bad_file_and_nothing_else(
    corpus: dict[str, pd.DataFrame],
) -> None:
    errors = corpus["errors"]
    assert list(errors.columns) == ERROR_COLUMNS
    assert errors["article_id"].tolist() == ["tests/data/bad/binary", "tests/data/bad/empty"]
    assert errors["stage"].tolist() == ["load", "load"]
    assert errors["error"].tolist() == ["ArticleFormatError", "ArticleFormatError"]
    assert errors["message"].tolist() == ["the file is binary, not text", "the file is empty"]


def test_a_missing_path_is_reported_not_raised() -> None:
    tables = analyze_corpus([LAKE, DATA / "nowhere.txt"])
    assert tables["articles"]["article_id"].tolist() == ["lake_victoria_fisheries"]
    assert tables["errors"][["article_id", "error"]].values.tolist() == [
        ["nowhere", "FileNotFoundError"]
    ]


def test_no_readable_file_gives_empty_tables_and_a_full_error_report() -> None:
    tables = analyze_corpus(DATA / "bad")
    assert all(len(tables[name]) == 0 for name in TABLES)
    assert len(tables["errors"]) == 2


def test_entities_of_the_test_article(corpus: dict[str, pd.DataFrame]) -> None:
    entities = corpus["entities"]
    lake = entities[entities["article_id"] == LAKE_ID]
    people = set(lake.loc[lake["label"] == "PERSON", "entity"])
    assert {"Grace Wanjiru", "Joseph Mwakyusa"} <= people
    assert "Lake Victoria Fisheries Organization" in set(lake["entity"])
    counts = corpus["entity_counts"]
    wanjiru = counts[(counts["article_id"] == LAKE_ID) & (counts["entity"] == "Grace Wanjiru")]
    assert wanjiru["mentions"].tolist() == [3]


def test_quotes_of_the_test_article(corpus: dict[str, pd.DataFrame]) -> None:
    quotes = corpus["quotes"]
    lake = quotes[quotes["article_id"] == LAKE_ID]
    direct = lake[lake["kind"] == "direct"]
    assert direct["content"].iloc[0] == "Nobody can protect a lake that nobody measures"
    assert "indirect" in set(lake["kind"].astype(str))


def test_timexes_are_anchored_on_each_articles_dateline(corpus: dict[str, pd.DataFrame]) -> None:
    timexes = corpus["timexes"]
    lake = timexes[timexes["article_id"] == LAKE_ID].set_index("text")["value"]
    assert lake["Thursday"] == "2008-03-13"
    assert lake["last year"] == "2007"
    seed = timexes[timexes["article_id"] == SEED_ID].set_index("text")["value"]
    assert seed["Tuesday"] == "2003-01-07"


def _assert_same_tables(left: dict[str, pd.DataFrame], right: dict[str, pd.DataFrame]) -> None:
    assert list(left) == list(right)
    for name in left:
        pd.testing.assert_frame_equal(left[name], right[name], obj=name)


def test_two_jobs_give_the_same_tables_as_one(corpus: dict[str, pd.DataFrame]) -> None:
    progress: list[int] = []
    _assert_same_tables(analyze_corpus([SEED, DATA], jobs=2, progress=progress.append), corpus)
    assert sum(progress) == 4


@pytest.mark.slow
def test_dask_on_a_two_worker_local_cluster_gives_the_same_tables(
    corpus: dict[str, pd.DataFrame],
) -> None:
    progress: list[int] = []
    tables = analyze_corpus([SEED, DATA], jobs=2, engine="dask", progress=progress.append)
    _assert_same_tables(tables, corpus)
    assert sum(progress) == 4


def test_an_unknown_engine_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown engine"):
        analyze_corpus([LAKE], engine="spark")  # type: ignore[arg-type]


def test_parquet_round_trip_keeps_rows_and_dtypes(
    corpus: dict[str, pd.DataFrame], tmp_path: Path
) -> None:
    write_tables(corpus, tmp_path, "parquet")
    for name, table in corpus.items():
        back = pd.read_parquet(tmp_path / f"{name}.parquet")
        assert list(back.columns) == list(table.columns), name
        assert back["article_id"].tolist() == table["article_id"].tolist(), name
    articles = pd.read_parquet(tmp_path / "articles.parquet")
    pd.testing.assert_series_equal(articles["published"], corpus["articles"]["published"])
    assert articles["n_words"].dtype == "Int64"


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(content=st.one_of(st.binary(max_size=300), st.text(max_size=300).map(str.encode)))
def test_any_file_content_is_analysed_or_reported_never_raised(
    tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "any.txt"
    path.write_bytes(content)
    tables = analyze_corpus([path])
    assert len(tables["articles"]) + len(tables["errors"]) == 1


def test_a_failing_analysis_skips_the_file_and_names_the_stage(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(article: Article) -> Columns:
        raise KeyError("speaker")

    monkeypatch.setattr(
        corpus_module,
        "available_analyses",
        lambda: {
            "sentences": Analysis(ARTICLE_SENTENCE_SPEC, article_sentences),
            "quotes": Analysis(ARTICLE_QUOTE_SPEC, broken),
        },
    )
    tables = analyze_corpus([SEED, LAKE])
    assert len(tables["articles"]) == 0 and list(tables) == [
        "articles",
        "sentences",
        "quotes",
        "errors",
    ]
    assert tables["errors"][["stage", "error", "message"]].values.tolist() == [
        ["quotes", "KeyError", "'speaker'"],
        ["quotes", "KeyError", "'speaker'"],
    ]


def _square_or_die(number: int) -> int:
    """Kill the worker process running it for 3 (as the kernel's OOM killer would)."""
    if number == 3:
        os.kill(os.getpid(), signal.SIGKILL)
    return number * number


def _sentences_or_die(article: Article) -> Columns:
    """``article_sentences``, except that a file named ``kill*`` kills its worker."""
    if Path(article.name).name.startswith("kill"):
        os.kill(os.getpid(), signal.SIGKILL)
    return article_sentences(article)


@pytest.mark.slow
def test_a_dead_worker_costs_only_its_own_item() -> None:
    results = parallel_map(
        _square_or_die, list(range(6)), jobs=2, on_crash=lambda item, reason: -item
    )
    assert results == [0, 1, 4, -3, 16, 25]
    with pytest.raises(BrokenProcessPool):
        parallel_map(_square_or_die, list(range(6)), jobs=2)


@pytest.mark.slow
def test_a_file_that_kills_its_worker_is_an_error_row_and_the_rest_is_analysed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if worker_count(2, 3) < 2:
        pytest.skip("needs two CPUs (one worker would run in this process)")
    for name in ("a.txt", "kill.txt", "z.txt"):
        (tmp_path / name).write_bytes(LAKE.read_bytes())
    monkeypatch.setattr(
        corpus_module,
        "available_analyses",
        lambda: {"sentences": Analysis(ARTICLE_SENTENCE_SPEC, _sentences_or_die)},
    )
    tables = analyze_corpus([tmp_path], jobs=2)
    assert tables["articles"]["article_id"].tolist() == ["a", "z"]
    assert tables["errors"][["article_id", "stage", "error"]].values.tolist() == [
        ["kill", "worker", "WorkerDied"]
    ]
    assert "died" in tables["errors"]["message"].iloc[0]


def test_jobs_are_capped_at_the_files_and_the_cpus() -> None:
    cpus = len(os.sched_getaffinity(0))
    assert worker_count(1000, 3) == min(3, cpus)
    assert worker_count(1000, 10_000) == cpus
    assert worker_count(4, 0) == 1


def test_special_entries_of_a_folder_are_error_rows_not_silence(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_bytes(LAKE.read_bytes())
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / "broken.txt").symlink_to(tmp_path / "gone.txt")
    (tmp_path / "folder.txt").mkdir()
    tables = analyze_corpus([tmp_path])
    assert tables["articles"]["article_id"].tolist() == ["good"]
    errors = tables["errors"].set_index("article_id")
    assert list(errors.index) == ["broken", "loop", "pipe"]
    assert "broken symbolic link" in errors.loc["broken", "message"]
    assert "Too many levels of symbolic links" in errors.loc["loop", "message"]
    assert errors.loc["pipe", "message"] == "the path is a FIFO (named pipe), not an article file"


def test_a_symlink_loop_or_a_fifo_named_on_the_command_line_is_an_error_row(
    tmp_path: Path,
) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    os.mkfifo(tmp_path / "pipe")
    tables = analyze_corpus([loop, tmp_path / "pipe", LAKE])
    assert len(tables["articles"]) == 1
    assert tables["errors"]["error"].tolist() == ["ArticleFormatError", "ArticleFormatError"]


def test_story_and_story_txt_get_distinct_ids(tmp_path: Path) -> None:
    for name in ("story.txt", "story", "other.txt"):
        (tmp_path / name).write_bytes(LAKE.read_bytes())
    files = [tmp_path / "story.txt", tmp_path / "story", tmp_path / "other.txt"]
    assert article_ids(files) == ["story.txt", "story", "other"]
    tables = analyze_corpus(files)
    assert tables["articles"]["article_id"].tolist() == ["story.txt", "story", "other"]


def _old_run(out: Path) -> dict[str, bytes]:
    tables = analyze_corpus([LAKE])
    write_tables(tables, out, "csv")
    return {path.name: path.read_bytes() for path in out.iterdir()}


@pytest.mark.parametrize("failure", [OSError("disk full"), KeyboardInterrupt()])
def test_an_interrupted_write_leaves_the_earlier_run_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: BaseException
) -> None:
    out = tmp_path / "out"
    before = _old_run(out)
    written: list[str] = []

    def fail_on_third(self: pd.DataFrame, path: Path, **kwargs: object) -> None:
        written.append(str(path))
        if len(written) == 3:
            raise failure
        Path(path).write_text("new", encoding="utf-8")

    monkeypatch.setattr(pd.DataFrame, "to_csv", fail_on_third)
    with pytest.raises(type(failure)):
        write_tables(analyze_corpus([SEED]), out, "csv")
    assert {path.name: path.read_bytes() for path in out.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # no temporary folder left


def test_a_new_run_replaces_every_table_of_the_earlier_one(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _old_run(out)
    write_tables(analyze_corpus([SEED]), out, "parquet")
    assert all(path.suffix == ".parquet" for path in out.iterdir())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_the_output_folder_is_checked_before_any_work(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(ValueError, match="exists and is not a folder"):
        check_output_folder(tmp_path / "file")
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.md").write_text("x", encoding="utf-8")
    with pytest.raises(ValueError, match=r"not tables of an earlier run \(notes.md\)"):
        check_output_folder(tmp_path / "mine")
    check_output_folder(tmp_path / "new" / "deeper")


def test_published_dates_given_per_file(tmp_path: Path) -> None:
    plain = tmp_path / "outlet_2016-10-28_storm.txt"
    plain.write_text("Storm Closes Ports\n\nThe storm hit on Friday.\n", encoding="utf-8")
    tables = analyze_corpus([SEED, LAKE, plain], published={LAKE: dt.date(2008, 3, 15)})
    articles = tables["articles"].set_index("article_id")
    assert articles["anchor_source"].tolist() == ["dateline", "caller", "file name"]
    assert articles["published_precision"].tolist() == ["day", "day", "day"]
    assert articles["published_date"].dt.strftime("%Y-%m-%d").tolist() == [
        "2003-01-08", "2008-03-15", "2016-10-28"
    ]
    assert articles["published_zone"].tolist() == ["Asia/Shanghai", pd.NA, pd.NA]
    assert str(articles["published"].dtype) == "datetime64[us, UTC]"  # zones differ
    assert articles["published"].isna().tolist() == [False, True, True]


def test_one_zone_is_kept_and_none_stays_naive() -> None:
    beijing = pd.Timestamp("2003-01-08", tz="Asia/Shanghai")
    london = pd.Timestamp("2016-10-28 14:02", tz="Europe/London")
    kept = common_zone_timestamps([beijing, pd.NaT, beijing])
    assert str(kept.tz) == "Asia/Shanghai" and kept[0] == beijing and kept[1] is pd.NaT
    naive = common_zone_timestamps([pd.Timestamp("2016-10-28"), pd.NaT])
    assert naive.tz is None and naive[0] == pd.Timestamp("2016-10-28")
    mixed = common_zone_timestamps([beijing, london, pd.Timestamp("2016-10-28")])
    assert str(mixed.tz) == "UTC" and mixed[1] == london and mixed[2] is pd.NaT
    assert str(common_zone_timestamps([pd.NaT]).tz) == "Asia/Shanghai"


def test_the_published_table_is_read_and_checked(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    table = tmp_path / "dates.csv"
    table.write_text("path,published\na.txt,2016-10-28\nb.txt,\n", encoding="utf-8")
    assert read_published_table(table) == {os.path.realpath(tmp_path / "a.txt"): "2016-10-28"}
    table.write_text("path,date\na.txt,2016-10-28\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no column published"):
        read_published_table(table)
    table.write_text("path,published\na.txt,2016-10-28\na.txt,soon\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 3: unreadable publication date 'soon'"):
        read_published_table(table)


@pytest.mark.slow
def test_an_unreachable_dask_scheduler_fails_at_once_and_clearly() -> None:
    began = time.monotonic()
    with pytest.raises(EngineError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:1"):
        dask_map(str, ["x"], scheduler="tcp://127.0.0.1:1")
    assert time.monotonic() - began < 10
