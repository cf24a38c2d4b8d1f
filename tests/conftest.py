"""Shared fixtures (the seed article), and the ``slow`` mark on every notebook cell nbval runs."""

from pathlib import Path

import pytest

import helpers

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_f7d6d82cfc8400da.txt"


@pytest.fixture(scope="session")
def seed() -> helpers.Article:
    """The seed article, loaded once."""
    return helpers.load_article(SEED)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark nbval's notebook cells ``slow``: ``-m "not slow"`` is the quick inner loop."""
    for item in items:
        if item.path.suffix == ".ipynb":
            item.add_marker(pytest.mark.slow)
