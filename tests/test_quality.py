"""Extraction quality, measured with the shared scorer on every article that has a gold file.

The floors are the issue's targets; the numbers themselves come from the scorer, never from
hand-picked rows.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dossier.evaluate import gold_articles, load_scorer, write_tables
from dossier.extract import extract_tables
from dossier.ingest.article import load_article
from dossier.paths import ROOT


def _score(shared: Path, gold: Path, article: Path, tmp_path: Path) -> dict:
    slug = json.loads(gold.read_text(encoding="utf-8"))["article"]
    out = tmp_path / slug
    write_tables(extract_tables(load_article(article, slug=slug)), out)
    return load_scorer().score_article(gold, out)


def test_founding_article_meets_the_floors(shared_dir, tmp_path):
    gold = shared_dir / "eval" / "gold" / "putin-warns-foreign-troops.json"
    result = _score(shared_dir, gold, ROOT / "data" / "raw" / "putin-warns-foreign-troops.txt", tmp_path)
    assert result["score"] >= 0.85
    assert result["actors"]["f1"] >= 0.90
    for table, key in (("pledges", "exact_f1"), ("statements", "exact_f1"), ("quotes", "f1"), ("precedents", "f1")):
        assert result[table][key] >= 0.75, (table, result[table])


def test_development_set_mean_meets_the_floor(shared_dir, tmp_path):
    pairs = [(g, a) for g, a in gold_articles() if g.parent == ROOT / "eval" / "gold"]
    assert len(pairs) >= 5, "the development set needs at least five annotated articles"
    scores = [_score(shared_dir, g, a, tmp_path)["score"] for g, a in pairs]
    assert sum(scores) / len(scores) >= 0.75, scores


@pytest.mark.parametrize("gold", sorted([*(ROOT / "eval" / "gold").glob("*.json"),
                                         *(ROOT / "eval" / "heldout" / "gold").glob("*.json")]),
                         ids=lambda p: p.stem)
def test_gold_evidence_is_verbatim(gold):
    """A gold file whose evidence is not in its article would silently score nothing."""
    data = json.loads(gold.read_text(encoding="utf-8"))
    text = (gold.parent.parent / data["article_file"]).read_text(encoding="utf-8")
    for table in ("pledges", "statements", "precedents"):
        for row in data.get(table, []):
            assert row["evidence"] in text, (table, row["evidence"][:60])
    for row in data.get("quotes", []):
        assert row["quote"] in text
