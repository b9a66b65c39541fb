"""The engine contract (src/dossier/contract.py) holds for every registered engine on every article
we have: the founding one, the development set and the held-out set."""

import pytest

from dossier.contract import problems
from dossier.engine import engine_names
from dossier.evaluate import gold_articles
from dossier.extract import extract_tables
from dossier.ingest.article import load_article


@pytest.mark.parametrize("engine", engine_names())
@pytest.mark.parametrize(("gold", "article"), gold_articles(), ids=lambda p: p.stem)
def test_every_engine_keeps_the_contract(engine, gold, article):
    loaded = load_article(article, slug=gold.stem)
    assert problems(extract_tables(loaded, engine=engine), loaded.text) == []


def test_the_contract_catches_a_row_off_its_evidence():
    loaded = load_article(gold_articles()[0][1], slug="x")
    tables = extract_tables(loaded)
    tables.pledges.loc[0, "start"] += 1
    assert any(line.startswith("pledges row 0") for line in problems(tables, loaded.text))
