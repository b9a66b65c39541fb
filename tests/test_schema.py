"""The table contract: every table goes through write and read unchanged, types included, and
rows that break the schema are refused instead of being dropped."""

import pandas as pd
import pytest

from dossier.evaluate import write_tables
from dossier.extract import extract_tables
from dossier.ingest.article import load_article
from dossier.paths import ROOT
from dossier.schema import TABLES, Category, PledgeStatus, stage_outputs
from dossier.tables import frame, read_table, write_table


@pytest.fixture(scope="module")
def founding_tables():
    return extract_tables(load_article(ROOT / "data" / "raw" / "putin-warns-foreign-troops.txt"))


def test_every_table_round_trips_with_identical_types(founding_tables, tmp_path):
    write_tables(founding_tables, tmp_path)
    for name, df in founding_tables.items():
        back = read_table(tmp_path, name)
        assert list(back.columns) == TABLES[name].column_names, name
        assert dict(back.dtypes.astype(str)) == dict(df.dtypes.astype(str)), name
        pd.testing.assert_frame_equal(back.reset_index(drop=True), df.reset_index(drop=True), check_dtype=True)


def test_a_missing_year_stays_missing_and_a_year_stays_a_number(tmp_path):
    rows = [{"name": "Treaty of Rome", "canonical": "Treaty of Rome", "year": 1957, "kind": "treaty",
             "invoked_as": "model", "source": "pattern", "evidence": "e", "sentence_id": 0, "start": 0, "end": 1},
            {"name": "the old deal", "canonical": "old deal", "year": None, "kind": "deal",
             "invoked_as": "context", "source": "pattern", "evidence": "e", "sentence_id": 1, "start": 2, "end": 3}]
    write_table(frame("precedents", rows), tmp_path, "precedents")
    back = read_table(tmp_path, "precedents")
    assert str(back["year"].dtype) == "Int64"
    assert back["year"].iloc[0] == 1957 and pd.isna(back["year"].iloc[1])


def test_a_row_with_an_unknown_field_or_value_is_refused():
    good = {"actor": "Chad", "category": Category.TROOPS, "status": PledgeStatus.COMMITTED, "quantity": "",
            "deadline": "", "trigger": "send", "evidence": "e", "sentence_id": 0, "start": 0, "end": 1}
    assert len(frame("pledges", [good])) == 1
    with pytest.raises(ValueError, match="amount"):
        frame("pledges", [{**good, "amount": "5"}])
    with pytest.raises(ValueError, match="vocabulary"):
        frame("pledges", [{**good, "status": "maybe"}])


def test_stage_outputs_come_from_the_schema():
    assert stage_outputs("03_commitments") == ("pledges.csv", "statements.csv", "quotes.csv")
    assert set(stage_outputs("01_ingest")) == {"article.json", "parse.spacy", "sentences.csv"}
    assert {spec.stage for spec in TABLES.values()} == {"01_ingest", "02_actors", "03_commitments", "04_precedents"}


def test_the_makefile_takes_every_stage_output_from_the_schema():
    """No table file is named in the Makefile: its stage rules come from `paths stage-rules`."""
    import re
    import subprocess
    import sys

    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    by_hand = [name for name in TABLES if re.search(rf"(?:\$\(P\)/|[\s,]){name}\.csv\b", makefile)]
    assert by_hand == []  # kb/data/precedents.csv is knowledge, not a table
    rules = subprocess.run([sys.executable, "-S", "-m", "dossier.paths", "stage-rules"], capture_output=True,
                           text=True, check=True, env={"PYTHONPATH": str(ROOT / "src")}).stdout
    assert f"OUT_03_commitments := {' '.join(stage_outputs('03_commitments'))}\n" in rules
    assert f"TABLE_FILES := {' '.join(spec.file for spec in TABLES.values())}\n" in rules
