"""Exceptions raised by the helpers package."""

from __future__ import annotations


class ArticleFormatError(ValueError):
    """An article file or text cannot be analysed; the message names the source and the problem."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class EngineError(RuntimeError):
    """The engine that runs the analyses cannot start (e.g. an unreachable Dask scheduler)."""
