"""``python -m helpers analyze`` and ``reproduce`` end to end, as a user runs them."""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pandas as pd
import pytest

import helpers.notebooks as notebooks_module
from helpers.__main__ import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_USAGE, main
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


@pytest.mark.slow
def test_two_jobs_write_byte_identical_tables(
    csv_run: tuple[subprocess.CompletedProcess[str], Path], tmp_path: Path
) -> None:
    result = run_cli("analyze", "seeds", "tests/data", "--out", tmp_path, "--jobs", "2")
    assert result.returncode == 1
    for path in csv_run[1].iterdir():
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name


@pytest.mark.slow
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


@pytest.mark.slow
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
        ["reproduce", "--published", "2016-10-28"],
        ["reproduce", "--article", str(LAKE), "--out", "x", "--published", "soon"],
        ["analyze", str(LAKE), "--out", str(LAKE)],  # an existing file: refused before any work
        ["analyze", str(LAKE), "--out", str(DATA)],  # a folder of other files
        ["analyze", str(LAKE), "--out", "x", "--published", str(LAKE)],  # no path,published
    ],
)
def test_usage_errors_exit_with_status_2(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == EXIT_USAGE
    assert capsys.readouterr().out == ""


@pytest.mark.slow
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


@pytest.mark.slow
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


def _copies(folder: Path, count: int) -> Path:
    """``count`` copies of the test article in ``folder`` (created)."""
    folder.mkdir()
    for number in range(count):
        (folder / f"a{number:03d}.txt").write_bytes(LAKE.read_bytes())
    return folder


def _start_analyze(*args: str | Path) -> subprocess.Popen[str]:
    """``python -m helpers analyze ARGS`` in its own process group, as a terminal would."""
    return subprocess.Popen(
        [sys.executable, "-m", "helpers", "analyze", *map(str, args)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def _wait_for_workers(process: subprocess.Popen[str], count: int) -> list[int]:
    """The pids of ``count`` worker processes of ``process`` once they have started."""
    import psutil

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        children = psutil.Process(process.pid).children()
        if len(children) >= count:
            return [child.pid for child in children]
        time.sleep(0.1)
    raise AssertionError("the workers did not start")


@pytest.mark.slow
def test_ctrl_c_stops_at_once_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    process = _start_analyze(_copies(tmp_path / "in", 400), "--out", out, "--jobs", "2")
    _wait_for_workers(process, 2)
    time.sleep(1)  # let them take work
    interrupted = time.monotonic()
    os.killpg(process.pid, signal.SIGINT)  # Ctrl-C reaches the whole foreground group
    _, stderr = process.communicate(timeout=60)
    assert time.monotonic() - interrupted < 5
    assert process.returncode == EXIT_INTERRUPTED
    assert "interrupted: nothing was written" in stderr and "Traceback" not in stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]


@pytest.mark.slow
def test_a_killed_worker_loses_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    process = _start_analyze(_copies(tmp_path / "in", 6), "--out", out, "--jobs", "2")
    os.kill(_wait_for_workers(process, 2)[0], signal.SIGKILL)  # idle or busy: retried
    _, stderr = process.communicate(timeout=300)
    assert process.returncode == 0, stderr
    assert "Traceback" not in stderr and "BrokenProcessPool" not in stderr
    assert len(pd.read_csv(out / "articles.csv")) == 6


@pytest.mark.slow
def test_jobs_beyond_the_files_are_capped_and_said(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["analyze", str(LAKE), "--out", str(tmp_path), "--jobs", "1000"]) == 0
    assert "using 1 worker process(es): --jobs is capped" in capsys.readouterr().err


@pytest.mark.slow
def test_an_unreachable_scheduler_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    began = time.monotonic()
    argv = ["analyze", str(LAKE), "--out", str(tmp_path / "out"), "--engine", "dask"]
    assert main([*argv, "--scheduler", "tcp://127.0.0.1:1"]) == EXIT_FAILED
    assert time.monotonic() - began < 10
    lines = [line for line in capsys.readouterr().err.splitlines() if "error:" in line]
    assert lines == [
        "error: cannot reach the Dask scheduler at tcp://127.0.0.1:1: Connection refused"
    ]
    assert not (tmp_path / "out").exists()


@pytest.mark.slow
def test_publication_dates_from_a_table_and_from_file_names(tmp_path: Path) -> None:
    dated = tmp_path / "outlet_2016-10-28_storm.txt"
    dated.write_text("Storm Closes Ports\n\nThe storm hit on Friday.\n", encoding="utf-8")
    table = tmp_path / "dates.csv"
    table.write_text(f"path,published\n{LAKE},2008-03-15\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["analyze", str(LAKE), str(dated), "--out", str(out), "--published", str(table)]) == 0
    articles = pd.read_csv(out / "articles.csv")
    assert articles["anchor_source"].tolist() == ["caller", "file name"]
    assert articles["published_date"].tolist() == ["2008-03-15", "2016-10-28"]
    timexes = pd.read_csv(out / "timexes.csv")
    assert "2016-10-28" in set(timexes["value"])  # "Friday" resolved against the file name's date


def test_parameters_replace_their_own_lines_and_keep_the_others() -> None:
    notebook = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell(
                'ARTICLE = "../seeds/x.txt"\nTOP = 15', metadata={"tags": ["parameters"]}
            )
        ]
    )
    notebooks_module.set_parameters(notebook, {"ARTICLE": "/a.txt", "PUBLISHED": "2016-10-28"})
    assert notebook.cells[0].source == "TOP = 15\nARTICLE = '/a.txt'\nPUBLISHED = '2016-10-28'"
