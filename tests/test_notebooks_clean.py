"""Committed notebooks carry no outputs or execution counts, and each keeps its parameters cell."""

import json

import pytest

from dossier.paths import NOTEBOOKS, STAGES

CORPUS_REPORT = "corpus_report"  # corpus mode's report notebook (src/dossier/corpus/build.py runs it)


@pytest.mark.parametrize("stage", [*STAGES, CORPUS_REPORT])
def test_notebook_is_clean_and_parameterised(stage):
    nb = json.loads((NOTEBOOKS / f"{stage}.ipynb").read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert all(not c.get("outputs") for c in code), f"{stage} has committed outputs: run `make clean-notebooks`"
    assert all(c.get("execution_count") is None for c in code), f"{stage} has execution counts: make clean-notebooks"
    tagged = [c for c in code if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1, f"{stage} needs exactly one cell tagged 'parameters'"


def test_every_stage_has_a_notebook():
    assert sorted(p.stem for p in NOTEBOOKS.glob("*.ipynb")) == sorted([*STAGES, CORPUS_REPORT])
