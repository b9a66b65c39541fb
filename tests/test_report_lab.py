"""Editing in Lab: a notebook names its article once and writes to a scratch folder; the
cleaning target strips what Lab saves (outputs, counts) so the committed notebooks stay clean."""

from __future__ import annotations

import json

from dossier.lab import clean_notebook, stage_paths
from dossier.settings import current

DATA_PROCESSED, DATA_RAW, NOTEBOOKS = current().processed_dir, current().raw_dir, current().notebooks_dir


def test_in_lab_the_article_name_decides_every_path_and_output_goes_to_scratch():
    paths = stage_paths("My Article.txt")
    assert paths.slug == "my-article"
    assert paths.article_path == str(DATA_RAW / "My Article.txt")
    assert paths.processed_dir == str(DATA_PROCESSED / "my-article")
    assert paths.output_dir == str(current().lab_dir / "my-article")
    assert not str(paths.output_dir).startswith(str(DATA_PROCESSED))


def test_paths_given_by_the_runner_win(tmp_path):
    paths = stage_paths("ignored.txt", "slug-x", str(tmp_path / "a.txt"), str(tmp_path / "p"), str(tmp_path / "o"))
    assert paths == ("slug-x", str(tmp_path / "a.txt"), str(tmp_path / "p"), str(tmp_path / "o"))


def test_clean_notebook_strips_what_lab_saves_and_keeps_the_parameters_tag(tmp_path):
    nb = json.loads((NOTEBOOKS / "05_report.ipynb").read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            cell["outputs"] = [{"output_type": "stream", "name": "stdout", "text": ["x\n"]}]
            cell["execution_count"] = 3
            cell["metadata"]["execution"] = {"iopub.status.busy": "2025-01-01"}
    saved = tmp_path / "05_report.ipynb"
    saved.write_text(json.dumps(nb), encoding="utf-8")
    assert clean_notebook(saved) is True
    cleaned = json.loads(saved.read_text(encoding="utf-8"))
    code = [c for c in cleaned["cells"] if c["cell_type"] == "code"]
    assert all(c["outputs"] == [] and c["execution_count"] is None for c in code)
    assert sum("parameters" in c["metadata"].get("tags", []) for c in code) == 1
    assert all("execution" not in c["metadata"] for c in code)
    assert clean_notebook(saved) is False  # already clean: left alone


def test_the_committed_notebooks_are_what_the_cleaner_leaves(tmp_path):
    for notebook in NOTEBOOKS.glob("*.ipynb"):
        copy = tmp_path / notebook.name
        copy.write_text(notebook.read_text(encoding="utf-8"), encoding="utf-8")
        assert clean_notebook(copy) is False, f"{notebook.name}: run `make clean-notebooks`"
