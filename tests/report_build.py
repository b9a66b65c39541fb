"""Build a report through `make report` into a temporary folder, once per test session per article,
so the browser and print tests read real reports without touching the repository's outputs."""

from __future__ import annotations

import atexit
import shutil
import subprocess
import tempfile
from functools import cache
from pathlib import Path

from dossier.paths import ROOT, article_slug

FOUNDING = ROOT / "data" / "raw" / "putin-warns-foreign-troops.txt"


@cache
def _work() -> Path:
    """One temporary folder for every report these tests build, made when first needed and
    removed when the test run ends."""
    folder = Path(tempfile.mkdtemp(prefix="dossier-report-tests-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


@cache
def built_report(article: Path) -> Path:
    """reports/<slug>/ of the article, built with the repository's notebooks into a temporary folder."""
    work = _work()
    args = [f"ARTICLE={article}", f"PROCESSED_DIR={work}/processed", f"REPORTS_DIR={work}/reports"]
    run = subprocess.run(["make", "--no-print-directory", "report", *args], cwd=ROOT, capture_output=True,
                         text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    return work / "reports" / article_slug(article)


COUNTRIES = ["Austria", "Belgium", "Bulgaria", "Croatia", "Cyprus", "Denmark", "Estonia", "Finland", "Greece",
             "Hungary", "Ireland", "Italy", "Latvia", "Lithuania", "Luxembourg", "Malta", "Portugal", "Romania",
             "Slovakia", "Slovenia", "Spain", "Sweden", "Norway", "Iceland", "Canada", "Japan", "Brazil",
             "Mexico", "Chile", "Argentina", "Kenya", "Ghana", "Nigeria", "Egypt", "Morocco", "Turkey", "India",
             "Indonesia", "Vietnam", "Thailand"]


def long_table_article(folder: Path) -> Path:
    """An article whose pledges table runs over several pages, with an unbroken URL and a very
    long word that must wrap inside the page."""
    lines = ["Forty nations pledge aid for flood recovery", "",
             "GENEVA (Dossier) - Donors met in Geneva on Monday to fund reconstruction after the floods."]
    for i, country in enumerate(COUNTRIES):
        lines.append(f"{country} pledged {10 + i} million euros in reconstruction funding by 2027.")
    lines += ["", "The full list is published at https://example.org/" + "reconstruction-pledges/" * 8
              + "annex-" + "x" * 90 + ".pdf for every donor.",
              "Officials called it the " + "super" * 25 + "coordinated programme."]
    path = folder / "long-table-article.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "long-table-article.meta.json").write_text('{"published": "2025-03-17"}', encoding="utf-8")
    return path


def long_table_report() -> Path:
    folder = _work() / "raw"
    folder.mkdir(exist_ok=True)
    return built_report(long_table_article(folder))
