"""Shared test fixtures: paths to the repository, its examples and the optional ../shared data."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLE_ARTICLE = SHARED / "seeds" / "000_4a36c623ce564520.txt"
BIB_CORPUS = SHARED / "data" / "bib-corpus"


@pytest.fixture
def repo() -> Path:
    return REPO


@pytest.fixture
def bib_corpus() -> Path:
    if not BIB_CORPUS.is_dir():
        pytest.skip(f"shared corpus not found at {BIB_CORPUS}")
    return BIB_CORPUS
