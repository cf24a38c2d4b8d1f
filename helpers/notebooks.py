"""Re-execute the project's notebooks top to bottom in a fresh kernel, deterministically.

The seed run rewrites the notebooks in place; a run on another article writes executed copies
(and optionally HTML pages) into an output folder and never touches the committed notebooks.
"""

from __future__ import annotations

import base64
import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # nbformat takes seconds to import: only the functions that run notebooks do
    from nbformat import NotebookNode

NOTEBOOK_DIR = Path(__file__).resolve().parent.parent / "notebooks"
#: Where ``reproduce`` exports the seed notebooks' figures as PNG files (embedded in the README).
FIGURE_DIR = NOTEBOOK_DIR / "figures"
KERNEL_NAME = "python3"
CELL_TIMEOUT_SECONDS = 600


def resolve_article_path(path: str | os.PathLike[str]) -> Path:
    """Find the article file ``path`` names, wherever the kernel was started.

    An absolute path is returned as is; a relative one is tried against the current folder first
    (``papermill ... -p ARTICLE data/x.txt`` from anywhere; returned unchanged, so notebook
    outputs never show a machine's folders), then against ``notebooks/`` (the notebooks' default
    ``"../seeds/…"`` when papermill runs them from the repository root).
    Raises ``FileNotFoundError`` naming every place tried.
    """
    given = Path(path).expanduser()
    candidates = [given] if given.is_absolute() else [given, NOTEBOOK_DIR / given]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    tried = " or ".join(str(candidate) for candidate in candidates)
    raise FileNotFoundError(f"article file not found: {path} (looked for {tried})")


def notebook_paths(only: list[str] | None = None) -> list[Path]:
    """The numbered notebooks in reading order, optionally only those whose name starts so."""
    paths = sorted(NOTEBOOK_DIR.glob("[0-9][0-9]_*.ipynb"))
    if only:
        paths = [p for p in paths if any(p.name.startswith(prefix) for prefix in only)]
    return paths


def set_parameters(notebook: NotebookNode, parameters: dict[str, object]) -> None:
    """Rewrite the cell tagged ``parameters`` so that it assigns ``parameters``.

    A line that assigns one of them is replaced, the others are added after the cell's own
    lines, and the cell's other assignments are kept.
    """
    for cell in notebook.cells:
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            lines = [
                line
                for line in cell.source.splitlines()
                if line.split("=", 1)[0].strip() not in parameters
            ]
            lines += [f"{name} = {value!r}" for name, value in parameters.items()]
            cell.source = "\n".join(lines)
            return
    raise ValueError("the notebook has no cell tagged 'parameters'")


def execute_notebook(
    path: Path, out_path: Path | None = None, parameters: dict[str, object] | None = None
) -> Path:
    """Run ``path`` in a fresh ``python3`` kernel (cwd: its folder) and write it to ``out_path``.

    Without ``out_path`` the notebook is rewritten in place. When a cell fails, the partly
    executed notebook is still written to ``out_path`` (never in place) and
    ``nbclient.exceptions.CellExecutionError`` is raised.
    """
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read(path, as_version=4)
    if parameters:
        set_parameters(notebook, parameters)
    os.environ.setdefault("PYTHONHASHSEED", "0")
    client = NotebookClient(
        notebook,
        kernel_name=KERNEL_NAME,
        timeout=CELL_TIMEOUT_SECONDS,
        record_timing=False,
        coalesce_streams=True,  # one stream output per cell, however the kernel chunked it
        resources={"metadata": {"path": str(path.parent)}},
    )
    if out_path is None:
        client.execute()
        nbformat.write(notebook, path)
        return path
    out_path.parent.mkdir(parents=True, exist_ok=True)
    try:
        client.execute()
    finally:
        nbformat.write(notebook, out_path)
    return out_path


def write_html(notebook_path: Path) -> Path:
    """Render an executed notebook as a standalone HTML page next to it (``NAME.html``)."""
    import nbformat
    from nbconvert import HTMLExporter

    html_path = notebook_path.with_suffix(".html")
    body, _ = HTMLExporter().from_notebook_node(nbformat.read(notebook_path, as_version=4))
    html_path.write_text(body, encoding="utf-8")
    return html_path


def reproduce(
    only: list[str] | None = None,
    article: str | os.PathLike[str] | None = None,
    out_dir: Path | None = None,
    html: bool = False,
    published: str | None = None,
) -> list[tuple[Path, str | None]]:
    """Execute the notebooks; return ``(path written, error message or None)`` per notebook.

    Without ``out_dir`` the notebooks are rewritten in place on their own ``ARTICLE`` (the seed);
    with it, executed copies go to ``out_dir``. ``article`` (a path, resolved against the
    current folder) replaces ``ARTICLE`` and requires ``out_dir``; ``published`` (a date text,
    with ``article`` only) sets ``PUBLISHED``, the date notebooks pass to ``load_article``.
    ``html`` also writes an HTML page next to each executed notebook. A failing notebook does
    not stop the others.
    """
    from nbclient.exceptions import CellExecutionError

    if article is not None and out_dir is None:
        raise ValueError("--article needs --out: the committed notebooks stay on the seed article")
    if published is not None and article is None:
        raise ValueError("--published needs --article: the seed has its own date")
    parameters = (
        {"ARTICLE": str(Path(article).resolve()), "PUBLISHED": published}
        if article is not None
        else None
    )
    outcomes = []
    for path in notebook_paths(only):
        out_path = out_dir / path.name if out_dir is not None else None
        try:
            written = execute_notebook(path, out_path, parameters)
        except CellExecutionError as error:
            outcomes.append((out_path or path, f"{error.ename}: {error.evalue}"))
            continue
        if html:
            write_html(written)
        if out_dir is None:
            export_figures(written)
        outcomes.append((written, None))
    return outcomes


def export_figures(notebook_path: Path, figure_dir: Path = FIGURE_DIR) -> list[Path]:
    """Write each PNG figure of an executed notebook to ``figure_dir/<stem>-<n>.png``.

    The README embeds the seed's figures from there, so visitors see them without a notebook.
    """
    import nbformat

    notebook = nbformat.read(notebook_path, as_version=4)
    figure_dir.mkdir(parents=True, exist_ok=True)
    for old in figure_dir.glob(f"{notebook_path.stem}-*.png"):
        old.unlink()
    written = []
    pngs = (
        output["data"]["image/png"]
        for cell in notebook.cells
        for output in cell.get("outputs", [])
        if "image/png" in output.get("data", {})
    )
    for number, png in enumerate(pngs, start=1):
        target = figure_dir / f"{notebook_path.stem}-{number}.png"
        target.write_bytes(base64.b64decode(png))
        written.append(target)
    return written
