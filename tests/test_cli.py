"""``python -m helpers analyze`` and ``reproduce`` end to end, as a user runs them."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path

import nbformat
import pandas as pd
import pytest

import helpers.notebooks as notebooks_module
from helpers.__main__ import EXIT_USAGE, main
from helpers.corpus import TABLES

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
SEED = ROOT / "seeds" / "000_f7d6d82cfc8400da.txt"
LAKE = DATA / "lake_victoria_fisheries.txt"


def run_cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """Run ``python -m helpers ARGS`` from the repository root, capturing both streams."""
    return subprocess.run(
        [sys.executable, "-m", "helpers", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


@pytest.fixture(scope="module")
def csv_run(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[subprocess.CompletedProcess[str], Path]:
    """``analyze seeds tests/data --out DIR`` (two good articles, two bad files), CSV."""
    out = tmp_path_factory.mktemp("csv")
    return run_cli("analyze", "seeds", "tests/data", "--out", out), out


def test_analyze_writes_every_table_as_csv_and_fails_for_bad_files(
    csv_run: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    result, out = csv_run
    assert result.returncode == 1
    expected = {*TABLES, "errors"}
    assert {path.stem for path in out.iterdir()} == expected
    articles = pd.read_csv(out / "articles.csv")
    assert articles["article_id"].tolist() == [
        "seeds/000_f7d6d82cfc8400da",
        "tests/data/lake_victoria_fisheries",
    ]
    assert articles["path"].tolist() == [
        "seeds/000_f7d6d82cfc8400da.txt",
        "tests/data/lake_victoria_fisheries.txt",
    ]
    assert articles["published"].tolist() == [
        "2003-01-08 00:00:00+08:00",
        "2008-03-14 00:00:00+08:00",
    ]
    errors = pd.read_csv(out / "errors.csv")
    assert errors["path"].tolist() == ["tests/data/bad/binary.txt", "tests/data/bad/empty.txt"]
    assert errors["message"].tolist() == ["the file is binary, not text", "the file is empty"]


def test_analyze_reports_progress_and_failures_on_stderr_only(
    csv_run: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    result, _ = csv_run
    assert result.stdout == ""
    assert "analysing: 100%" in result.stderr and "4/4" in result.stderr
    assert "analysed 2 of 4 files" in result.stderr
    assert "tests/data/bad/empty.txt: [load] ArticleFormatError: the file is empty" in result.stderr
    assert "Traceback" not in result.stderr


def test_csv_holds_quote_pieces_as_json(
    csv_run: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    quotes = pd.read_csv(csv_run[1] / "quotes.csv")
    lake = quotes[quotes["article_id"] == "tests/data/lake_victoria_fisheries"]
    split = lake[lake["content"].str.startswith("The agreement")]
    pieces = json.loads(split["content_spans"].iloc[0])
    assert len(pieces) == 2 and all(len(piece) == 2 for piece in pieces)


def test_two_jobs_write_byte_identical_tables(
    csv_run: tuple[subprocess.CompletedProcess[str], Path], tmp_path: Path
) -> None:
    result = run_cli("analyze", "seeds", "tests/data", "--out", tmp_path, "--jobs", "2")
    assert result.returncode == 1
    for path in csv_run[1].iterdir():
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name


def test_dask_on_an_existing_cluster_writes_byte_identical_tables(
    csv_run: tuple[subprocess.CompletedProcess[str], Path], tmp_path: Path
) -> None:
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        dashboard_address=None,
        scheduler_kwargs={"dashboard_address": ":0"},
        silence_logs=logging.ERROR,
    ) as cluster:
        result = run_cli(
            "analyze",
            "seeds",
            "tests/data",
            "--out",
            tmp_path,
            "--engine",
            "dask",
            "--scheduler",
            cluster.scheduler_address,
        )
    assert result.returncode == 1
    assert result.stdout == ""
    assert "analysed 2 of 4 files" in result.stderr and "Traceback" not in result.stderr
    for path in csv_run[1].iterdir():
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name


def test_analyze_parquet_of_good_files_exits_zero(tmp_path: Path) -> None:
    result = run_cli("analyze", LAKE, "--out", tmp_path, "--format", "parquet")
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    articles = pd.read_parquet(tmp_path / "articles.parquet")
    assert articles["article_id"].tolist() == ["lake_victoria_fisheries"]
    assert articles["n_words"].tolist() == [121]
    assert len(pd.read_parquet(tmp_path / "errors.parquet")) == 0
    sentences = pd.read_parquet(tmp_path / "sentences.parquet")
    assert sentences["text"].iloc[1].startswith('"Nobody can protect a lake')


def test_analyze_of_a_folder_without_articles_fails_clearly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["analyze", str(tmp_path), "--out", str(tmp_path / "out")]) == 1
    assert "no article files (*.txt) under" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    "argv",
    [
        ["analyze", str(LAKE), "--out", "x", "--jobs", "0"],
        ["analyze", str(LAKE), "--out", "x", "--format", "xlsx"],
        ["analyze", str(LAKE), "--out", "x", "--scheduler", "tcp://127.0.0.1:8786"],
        ["analyze", str(LAKE)],
        ["reproduce", "--article", str(LAKE)],
        ["reproduce", "--article", "no/such/article.txt", "--out", "x"],
    ],
)
def test_usage_errors_exit_with_status_2(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == EXIT_USAGE
    assert capsys.readouterr().out == ""


def test_reproduce_on_another_article_writes_copies_and_html(tmp_path: Path) -> None:
    committed = (ROOT / "notebooks" / "01_sentence_stats.ipynb").read_bytes()
    result = run_cli(
        "reproduce",
        "--only",
        "01",
        "--article",
        "tests/data/lake_victoria_fisheries.txt",
        "--out",
        tmp_path,
        "--html",
    )
    assert result.returncode == 0, result.stderr
    assert (ROOT / "notebooks" / "01_sentence_stats.ipynb").read_bytes() == committed
    notebook = nbformat.read(tmp_path / "01_sentence_stats.ipynb", as_version=4)
    outputs = [out for cell in notebook.cells if cell.cell_type == "code" for out in cell.outputs]
    assert not [out for out in outputs if out.output_type == "error"]
    shown = json.dumps([out.get("data", {}) for out in outputs])
    assert "Kenya and Tanzania Agree to Share Lake Victoria Catch Data" in shown
    assert "Pyongyang" not in shown
    assert all("execution" not in cell.metadata for cell in notebook.cells)
    html = (tmp_path / "01_sentence_stats.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "Lake Victoria Catch Data" in html


def test_a_failing_notebook_is_reported_and_written_for_inspection(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    notebook = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell('ARTICLE = "x"', metadata={"tags": ["parameters"]}),
            nbformat.v4.new_code_cell('raise ValueError(f"cannot read {ARTICLE}")'),
        ],
        metadata={
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}
        },
    )
    source = tmp_path / "99_broken.ipynb"
    nbformat.write(notebook, source)
    monkeypatch.setattr(notebooks_module, "notebook_paths", lambda only: [source])
    outcomes = notebooks_module.reproduce(article=LAKE, out_dir=tmp_path / "out", html=True)
    assert outcomes == [(tmp_path / "out" / "99_broken.ipynb", f"ValueError: cannot read {LAKE}")]
    executed = nbformat.read(tmp_path / "out" / "99_broken.ipynb", as_version=4)
    assert executed.cells[1].outputs[0].output_type == "error"
    assert not (tmp_path / "out" / "99_broken.html").exists()
    assert nbformat.read(source, as_version=4).cells[1].outputs == []
