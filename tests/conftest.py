"""Shared fixtures: the seed article."""

from pathlib import Path

import pytest

import helpers

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_f7d6d82cfc8400da.txt"


@pytest.fixture(scope="session")
def seed() -> helpers.Article:
    """The seed article, loaded once."""
    return helpers.load_article(SEED)
