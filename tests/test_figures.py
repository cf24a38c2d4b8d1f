"""export_figures writes every PNG output of a notebook, in order, and replaces stale ones."""

import base64
from pathlib import Path

import nbformat

from helpers.notebooks import export_figures

PNG_A = base64.b64encode(b"\x89PNG first").decode()
PNG_B = base64.b64encode(b"\x89PNG second").decode()


def test_export_figures_writes_pngs_in_order(tmp_path: Path) -> None:
    notebook = nbformat.v4.new_notebook()
    first, second = nbformat.v4.new_code_cell("a"), nbformat.v4.new_code_cell("b")
    first.outputs = [nbformat.v4.new_output("display_data", data={"image/png": PNG_A})]
    second.outputs = [
        nbformat.v4.new_output("stream", name="stdout", text="no figure"),
        nbformat.v4.new_output("display_data", data={"image/png": PNG_B, "text/plain": "F"}),
    ]
    notebook.cells = [first, nbformat.v4.new_markdown_cell("text"), second]
    path = tmp_path / "07_demo.ipynb"
    nbformat.write(notebook, path)
    figures = tmp_path / "figures"
    figures.mkdir()
    (figures / "07_demo-3.png").write_bytes(b"stale")

    written = export_figures(path, figures)

    assert [p.name for p in written] == ["07_demo-1.png", "07_demo-2.png"]
    assert (figures / "07_demo-1.png").read_bytes() == b"\x89PNG first"
    assert (figures / "07_demo-2.png").read_bytes() == b"\x89PNG second"
    assert not (figures / "07_demo-3.png").exists()
