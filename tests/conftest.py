"""Shared fixtures: the language model is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.extract import Tables, extract_tables
from dossier.ingest.article import Article
from dossier.paths import SHARED


def tables_for(text: str, published: str | None = "2025-03-14", markdown: bool = False) -> Tables:
    """Every table for a short article given as a string."""
    return extract_tables(Article.from_text(text, slug="test", published=published, markdown=markdown))


def rows(df, *columns: str) -> set[tuple]:
    return {tuple(r) for r in df[list(columns)].itertuples(index=False)}


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "eval" / "score.py").exists():
        pytest.skip("../shared (scorer and gold files) is not beside this checkout")
    return SHARED
