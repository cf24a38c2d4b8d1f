"""Re-execute the project's notebooks top to bottom in a fresh kernel, deterministically."""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOK_DIR = Path(__file__).resolve().parent.parent / "notebooks"
KERNEL_NAME = "python3"
CELL_TIMEOUT_SECONDS = 600


def notebook_paths(only: list[str] | None = None) -> list[Path]:
    """The numbered notebooks in reading order, optionally only those whose name starts so."""
    paths = sorted(NOTEBOOK_DIR.glob("[0-9][0-9]_*.ipynb"))
    if only:
        paths = [p for p in paths if any(p.name.startswith(prefix) for prefix in only)]
    return paths


def set_parameters(notebook: nbformat.NotebookNode, parameters: dict[str, object]) -> None:
    """Rewrite the cell tagged ``parameters`` so that it assigns ``parameters``."""
    for cell in notebook.cells:
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            cell.source = "\n".join(f"{name} = {value!r}" for name, value in parameters.items())
            return
    raise ValueError("the notebook has no cell tagged 'parameters'")


def execute_notebook(
    path: Path, out_path: Path | None = None, parameters: dict[str, object] | None = None
) -> Path:
    """Run ``path`` in a fresh ``python3`` kernel (cwd: its folder) and write it to ``out_path``."""
    notebook = nbformat.read(path, as_version=4)
    if parameters:
        set_parameters(notebook, parameters)
    os.environ.setdefault("PYTHONHASHSEED", "0")
    client = NotebookClient(
        notebook,
        kernel_name=KERNEL_NAME,
        timeout=CELL_TIMEOUT_SECONDS,
        record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    target = out_path or path
    nbformat.write(notebook, target)
    return target
