"""helpers.corpus: many articles into tables, error report, jobs and Dask give the same tables.

The test article ``tests/data/lake_victoria_fisheries.txt`` is fictional (written for these
tests); its counts below were established by hand: 6 paragraphs, 6 one-sentence paragraphs,
29 + 14 + 13 + 21 + 23 + 21 = 121 words.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import helpers.corpus as corpus_module
from helpers.corpus import (
    ANALYSES,
    ERROR_COLUMNS,
    TABLES,
    analyze_corpus,
    article_files,
    article_ids,
    article_sentences,
    available_analyses,
    write_tables,
)

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
    def broken(article: object) -> pd.DataFrame:
        raise KeyError("speaker")

    monkeypatch.setattr(
        corpus_module,
        "available_analyses",
        lambda: {"sentences": article_sentences, "quotes": broken},
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
