"""The runner orders components from their declared needs alone, says clearly when a need cannot be
met, and runs one stage from what earlier stages wrote to disk."""

from __future__ import annotations

import pandas as pd
import pytest

from dossier.engine import component, engine_names, get_engine
from dossier.errors import DossierError
from dossier.ingest.article import Article
from dossier.nlp import parse
from dossier.runner import PlanError, extract_all, extract_stage, plan, run
from dossier.schema import TABLES
from dossier.tables import write_tables


@component(needs=("b",), produces=("c",))
def make_c(b: str) -> str:
    return b + "c"


@component(needs=("a",), produces=("b",))
def make_b(a: str) -> str:
    return a + "b"


@component(needs=("c",), produces=("a",))
def make_a_from_c(c: str) -> str:
    return c


def test_components_run_after_what_they_need_whatever_order_they_are_listed_in():
    assert [c.name for c in plan([make_c, make_b], ["c"], given={"a"})] == ["make_b", "make_c"]
    assert run([make_c, make_b], ["c"], {"a": "a"}) == {"c": "abc"}


def test_a_missing_need_names_what_needs_it():
    with pytest.raises(PlanError, match="nothing produces 'a', which component make_b needs"):
        plan([make_c, make_b], ["c"])


def test_a_circle_of_needs_is_an_error_naming_the_circle():
    with pytest.raises(PlanError, match="make_c -> make_b -> make_a_from_c -> make_c"):
        plan([make_c, make_b, make_a_from_c], ["c"])


def test_two_producers_of_one_thing_are_an_error():
    other_b = component(needs=(), produces=("b",))(lambda: "b")
    with pytest.raises(PlanError, match="produce 'b'"):
        plan([make_b, other_b], ["b"], given={"a"})


def test_the_rule_engine_produces_every_table_of_the_schema():
    assert "rules" in engine_names()
    produced = {p for c in get_engine("rules").components for p in c.produces}
    assert set(TABLES) <= produced
    with pytest.raises(DossierError, match="unknown extraction engine 'llm'"):
        get_engine("llm")


def test_a_stage_reads_earlier_tables_from_disk_instead_of_recomputing_them(tmp_path):
    parsed = parse(Article.from_text("France said it would send 500 troops to Ukraine.\n", slug="t"))
    whole = extract_all(parsed)
    write_tables(extract_stage("02_actors", parsed), tmp_path)
    stage3 = extract_stage("03_commitments", parsed, tables_dir=tmp_path)
    assert list(stage3) == ["pledges", "statements", "quotes"]
    for name, df in stage3.items():
        pd.testing.assert_frame_equal(df, whole[name])
    assert len(whole["pledges"]) == 1
    # an actor table edited on disk is what stage 3 works from
    actors = pd.read_csv(tmp_path / "actors.csv", keep_default_na=False)
    mentions = pd.read_csv(tmp_path / "mentions.csv", keep_default_na=False)
    mentions.assign(actor="Somebody Else").to_csv(tmp_path / "mentions.csv", index=False)
    actors.assign(name="Somebody Else").to_csv(tmp_path / "actors.csv", index=False)
    assert list(extract_stage("03_commitments", parsed, tables_dir=tmp_path)["pledges"].actor) == ["Somebody Else"]


def test_a_stage_without_its_inputs_says_which_stage_writes_them(tmp_path):
    parsed = parse(Article.from_text("France said it would send 500 troops to Ukraine.\n", slug="t"))
    with pytest.raises(PlanError, match=r"actors\.csv is missing: run stage 02_actors first"):
        extract_stage("04_precedents", parsed, tables_dir=tmp_path)
    with pytest.raises(PlanError, match="needs the actors table, which stage 02_actors writes"):
        extract_stage("04_precedents", parsed)
