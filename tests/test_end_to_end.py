"""The whole chain through Make, papermill and the renderers, on a short article of our own.

Builds into a temporary folder (PROCESSED_DIR / REPORTS_DIR), so the repository's own
outputs are untouched. Slow (a kernel per stage), so it runs once for all assertions.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess

import pandas as pd
import pytest
from pypdf import PdfReader

from dossier.paths import ROOT

ARTICLE = """\
Leaders pledge naval mission for Red Sea shipping

ROME (Dossier) - Italian Prime Minister Giorgia Meloni said on Tuesday that Italy will send two \
frigates to escort merchant ships in the Red Sea.
Spain will not contribute warships but could host a maintenance depot in Rota, \
Defence Minister Margarita Robles said.
The Houthis threatened that any foreign warship would become a target.
"We will protect freedom of navigation," Meloni said.

Lessons from history
Officials cited the 1988 Operation Praying Mantis as a cautionary episode that nearly widened the conflict.
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    work = tmp_path_factory.mktemp("e2e")
    article = work / "red sea mission.txt"  # a space in the name, on purpose
    article.write_text(ARTICLE, encoding="utf-8")
    (work / "red sea mission.meta.json").write_text(
        '{"title": "Leaders pledge naval mission <script>alert(1)</script>", "published": "2025-03-14"}',
        encoding="utf-8")
    notebooks = work / "notebooks"  # our own copies, so a test may "edit" one without touching the repo
    shutil.copytree(ROOT / "notebooks", notebooks)
    args = [f"ARTICLE={article}", f"PROCESSED_DIR={work}/processed", f"REPORTS_DIR={work}/reports",
            f"NB={notebooks}"]
    run = subprocess.run(["make", "--no-print-directory", "report", *args], cwd=ROOT,
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    return work, args


def test_tables_are_written_and_grounded(built):
    work, _ = built
    folder = work / "processed" / "red-sea-mission"
    article_text = __import__("json").loads((folder / "article.json").read_text(encoding="utf-8"))["text"]
    for name in ("actors", "mentions", "pledges", "statements", "quotes", "precedents", "timeline", "sentences"):
        assert (folder / f"{name}.csv").exists(), name
    pledges = pd.read_csv(folder / "pledges.csv")
    assert len(pledges) >= 2
    for row in pledges.itertuples():
        assert article_text[row.start:row.end] == row.evidence


def test_html_has_tables_no_code_and_escapes_article_text(built):
    work, _ = built
    page = (work / "reports" / "red-sea-mission" / "report.html").read_text(encoding="utf-8")
    assert page.count("<table") >= 4
    assert 'class="jp-InputArea' not in page and "from dossier" not in page
    assert "<script" not in page  # the title's <script> must be shown as text
    assert html.escape("<script>alert(1)</script>") in page
    for heading in ("Bottom line", "Actors", "Pledges", "Statements", "Quotes", "Historical precedents", "Timeline"):
        assert re.search(rf"<h2[^>]*>{heading}", page), heading


def test_pdf_opens_and_holds_the_sections(built):
    work, _ = built
    reader = PdfReader(work / "reports" / "red-sea-mission" / "report.pdf")
    assert len(reader.pages) >= 2
    text = " ".join(page.extract_text() for page in reader.pages)
    for heading in ("Bottom line", "Actors", "Pledges", "Historical precedents", "Method and limitations"):
        assert heading in text, heading
    assert "Page 1 of" in text


def test_executed_stage_notebooks_are_kept(built):
    work, _ = built
    stages = work / "reports" / "red-sea-mission" / "stages"
    assert sorted(p.name for p in stages.glob("*.ipynb")) == [
        "01_ingest.ipynb", "02_actors.ipynb", "03_commitments.ipynb", "04_precedents.ipynb", "05_report.ipynb"]


def test_an_articles_stages_ran_in_one_kernel(built):
    import json

    work, _ = built
    stages = sorted((work / "reports" / "red-sea-mission" / "stages").glob("*.ipynb"))
    kernels = [json.loads(p.read_text(encoding="utf-8"))["metadata"]["dossier_kernel"] for p in stages]
    assert len(stages) == 5
    assert all(k["kernel_id"] for k in kernels)
    assert len({k["kernel_id"] for k in kernels}) == 1, kernels
    # the kernel ran them one after another: five different positions in it
    assert sorted(k["notebook_in_kernel"] for k in kernels) == [1, 2, 3, 4, 5]


def test_unchanged_rerun_does_nothing_and_an_edited_stage_reruns_only_downstream(built):
    work, args = built
    pdf = f"{work}/reports/red-sea-mission/report.pdf"
    question = subprocess.run(["make", "-q", pdf, *args], cwd=ROOT, capture_output=True, timeout=60)
    assert question.returncode == 0, "an unchanged article must be up to date"
    rerun = subprocess.run(["make", "-n", "report", *args], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert "dossier stage" not in rerun.stdout
    # edit stage 3's notebook (our copy) and rebuild for real: Make 4.3's dry run does not follow
    # grouped targets downstream, so only a real run shows the chain
    (work / "notebooks" / "03_commitments.ipynb").touch()
    rebuilt = subprocess.run(["make", "--no-print-directory", "report", *args], cwd=ROOT,
                             capture_output=True, text=True, timeout=300)
    assert rebuilt.returncode == 0, rebuilt.stderr
    ran = re.findall(r"(\d\d_\w+) done in", rebuilt.stdout)
    assert ran == ["03_commitments", "05_report"]


def test_a_deleted_table_is_rebuilt_by_its_stage(built):
    work, args = built
    (work / "processed" / "red-sea-mission" / "quotes.csv").unlink()
    dry = subprocess.run(["make", "-n", "tables", *args], cwd=ROOT, capture_output=True, text=True,
                         timeout=60).stdout
    assert "03_commitments" in dry and "01_ingest" not in dry
