"""The package's data files (lexicons, the tagger's model), each with its source in its header,
read through one loader."""

from __future__ import annotations

from importlib import resources
from typing import BinaryIO


def read_text(filename: str) -> str:
    """The text of the data file ``filename`` (UTF-8)."""
    return resources.files(__name__).joinpath(filename).read_text("utf-8")


def open_binary(filename: str) -> BinaryIO:
    """The data file ``filename``, opened for reading bytes."""
    return resources.files(__name__).joinpath(filename).open("rb")
