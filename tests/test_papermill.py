"""The whole notebook suite, run through papermill, each notebook once.

The first notebook runs from the repository root with no parameters (its default article must
load); the others run on the test article instead of the seed, the kernel in the repository root
(``-p ARTICLE tests/data/…``) or in ``notebooks/`` (``-p ARTICLE ../tests/data/…``): both
documented ways must work. The assertions look only at outputs: no errors or stderr, tables
shown, the test article's own names and dates present, and nothing left over from the seed.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import papermill
import pytest

from helpers.notebooks import NOTEBOOK_DIR, notebook_paths, resolve_article_path

pytestmark = pytest.mark.slow
ROOT = NOTEBOOK_DIR.parent
ARTICLE = Path("tests") / "data" / "lake_victoria_fisheries.txt"
#: Per notebook number: strings that its outputs must show for the test article (notebook 01
#: runs on its default article here; ``test_cli`` runs it on the test article).
EXPECTED = {
    "02": ["Grace Wanjiru", "Joseph Mwakyusa", "Lake Victoria Fisheries Organization"],
    "03": ["Nobody can protect a lake that nobody measures", "Grace Wanjiru"],
    "04": ["2008-03-13", "2007"],
    "05": ["<mark>Nobody can protect a lake that nobody measures</mark>", "<b>Wanjiru</b>"],
}
#: Names that only the seed article contains: seeing one means the parameter was ignored.
SEED_ONLY = ["Pyongyang", "Yabunaka", "TCOG"]


def _run(path: Path, out_dir: Path, parameters: dict[str, str], cwd: Path) -> nbformat.NotebookNode:
    """Execute ``path`` with papermill, the kernel in ``cwd``."""
    output = out_dir / path.name
    papermill.execute_notebook(
        str(path),
        str(output),
        parameters=parameters,
        cwd=str(cwd),
        kernel_name="python3",
        progress_bar=False,
    )
    return nbformat.read(output, as_version=4)


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, nbformat.NotebookNode]:
    """Every numbered notebook executed once, by number: the first from the repository root
    without parameters (its default article, the seed), the others on the test article, the
    kernel alternately in the root and in ``notebooks/`` (both documented ways)."""
    out_dir = tmp_path_factory.mktemp("papermill")
    runs = {}
    for index, path in enumerate(notebook_paths()):
        if index == 0:
            runs[path.name[:2]] = _run(path, out_dir, {}, ROOT)
        elif index % 2:
            runs[path.name[:2]] = _run(path, out_dir, {"ARTICLE": str(Path("..") / ARTICLE)}, NOTEBOOK_DIR)
        else:
            runs[path.name[:2]] = _run(path, out_dir, {"ARTICLE": str(ARTICLE)}, ROOT)
    return runs


def _outputs(notebook: nbformat.NotebookNode) -> list[nbformat.NotebookNode]:
    return [out for cell in notebook.cells if cell.cell_type == "code" for out in cell.outputs]


def _shown(notebook: nbformat.NotebookNode) -> str:
    """Everything the notebook displays (plain text, HTML, stream text) as one string."""
    return json.dumps([[out.get("data", {}), out.get("text", "")] for out in _outputs(notebook)])


def test_the_suite_holds_every_numbered_notebook(
    executed: dict[str, nbformat.NotebookNode],
) -> None:
    assert "01" in executed
    assert set(executed) == {path.name[:2] for path in notebook_paths()}


def test_no_cell_fails_or_writes_to_stderr(executed: dict[str, nbformat.NotebookNode]) -> None:
    for number, notebook in executed.items():
        kinds = [(out.output_type, out.get("name")) for out in _outputs(notebook)]
        assert ("error", None) not in kinds, number
        assert ("stream", "stderr") not in kinds, number


def test_the_injected_article_is_the_one_analysed(
    executed: dict[str, nbformat.NotebookNode],
) -> None:
    for number, notebook in list(executed.items())[1:]:
        injected = [
            c for c in notebook.cells if "injected-parameters" in c.metadata.get("tags", [])
        ]
        assert len(injected) == 1 and "lake_victoria_fisheries.txt" in injected[0].source, number
        shown = _shown(notebook)
        assert [name for name in SEED_ONLY if name in shown] == [], number


def test_every_notebook_shows_tables_with_the_test_articles_names_and_dates(
    executed: dict[str, nbformat.NotebookNode],
) -> None:
    for number, notebook in list(executed.items())[1:]:
        html = [out.get("data", {}).get("text/html", "") for out in _outputs(notebook)]
        filled = [page for page in html if "<table" in page and re.search(r"<tbody>\s*<tr>", page)]
        annotated = [page for page in html if "<mark>" in page or "<ins>" in page]
        assert filled or annotated, f"notebook {number} shows no table with rows and no marked text"
        shown = _shown(notebook)
        missing = [value for value in EXPECTED.get(number, []) if value not in shown]
        assert missing == [], f"notebook {number} does not show {missing}"


def test_article_paths_resolve_against_the_cwd_then_notebooks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed = ROOT / "seeds" / "000_f7d6d82cfc8400da.txt"
    monkeypatch.chdir(ROOT)
    assert resolve_article_path("../seeds/000_f7d6d82cfc8400da.txt").resolve() == seed
    assert resolve_article_path(ARTICLE) == Path(ARTICLE)
    monkeypatch.chdir(NOTEBOOK_DIR)
    relative = resolve_article_path("../seeds/000_f7d6d82cfc8400da.txt")
    assert relative == Path("../seeds/000_f7d6d82cfc8400da.txt")  # no machine folders in outputs
    assert relative.resolve() == seed
    (tmp_path / "seeds").mkdir()
    shadow = tmp_path / "seeds" / "000_f7d6d82cfc8400da.txt"
    shadow.write_text("Title\nA paragraph.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path / "seeds")
    assert resolve_article_path("../seeds/000_f7d6d82cfc8400da.txt").resolve() == shadow
    assert resolve_article_path(seed) == seed
    with pytest.raises(FileNotFoundError, match=r"nowhere\.txt"):
        resolve_article_path("nowhere.txt")


def test_a_notebook_runs_from_the_root_on_its_default_article(
    executed: dict[str, nbformat.NotebookNode],
) -> None:
    """``papermill notebooks/01_….ipynb out.ipynb`` from the root, no ``-p``: the seed loads."""
    assert "US Says It Supports Dialogue with DPRK on Nuclear Issue" in _shown(executed["01"])
