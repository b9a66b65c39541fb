"""Bad, hostile and odd input: either a correct result or one clear line and a non-zero exit.

Each case builds its own input here. Fast cases call the package; the few that need the whole
chain (Make, kernels, renderer) share one temporary build.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dossier.errors import DossierError
from dossier.ingest.article import load_article
from dossier.paths import ROOT, article_slug
from dossier.report.fragments import table, title_block
from dossier.settings import current

ENGLISH = ("The European Union and Japan signed a trade agreement on Tuesday, cutting tariffs on cars. "
           "Officials said the deal would take effect next year, and Tokyo pledged to open its rice market.\n")


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# -- unreadable input -------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "data", "message"), [
    ("empty.txt", b"", "is empty"),
    ("blank.txt", b"   \n\t \n", "is empty"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00" * 40, "not a text file"),
    ("nul.txt", b"Leaders met.\x00\x00\x00\x00 More\x00 text\x00" * 20, "not a text file|does not look like text"),
])
def test_unreadable_files_fail_with_one_clear_line(tmp_path, name, data, message):
    with pytest.raises(DossierError, match=message) as err:
        load_article(write(tmp_path, name, data))
    assert "\n" not in str(err.value)


def test_directory_and_missing_path(tmp_path):
    with pytest.raises(DossierError, match="is a folder"):
        load_article(tmp_path)
    with pytest.raises(DossierError, match="does not exist"):
        load_article(tmp_path / "nope.txt")


def test_cli_prints_one_line_and_exits_non_zero(tmp_path):
    run = subprocess.run([sys.executable, "-m", "dossier", "check", str(tmp_path / "missing.txt")],
                         capture_output=True, text=True)
    assert run.returncode == 1
    assert run.stderr.count("\n") == 1 and run.stderr.startswith("dossier: error:")


def test_make_with_a_missing_article_says_so(tmp_path):
    run = subprocess.run(["make", "--no-print-directory", "report", f"ARTICLE={tmp_path}/missing.txt"],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode != 0
    assert "does not exist" in run.stderr


# -- encodings ---------------------------------------------------------------------------------

SMART = "Brussels said the “deal” was ‘historic’ – and Tokyo agreed. Café owners in Zürich cheered.\n"


@pytest.mark.parametrize(("data", "accepted"), [
    (SMART.encode("utf-8"), ("utf-8",)),
    (b"\xef\xbb\xbf" + SMART.encode("utf-8"), ("utf-8 with bom",)),
    (SMART.encode("utf-16"), ("utf-16",)),
    (SMART.encode("cp1252"), ("cp125", "windows-125")),  # cp1250 and cp1252 agree on these bytes
    ("Café owners in Zürich and Genève cheered the agreement on Tuesday.\n".encode("latin-1"),
     ("latin", "iso-8859", "cp125", "windows-125")),
])
def test_encodings_are_detected_and_recorded(tmp_path, data, accepted):
    article = load_article(write(tmp_path, "a.txt", data))
    assert article.encoding.lower().startswith(accepted), article.encoding
    assert "Zürich" in article.text
    assert "\ufeff" not in article.text
    if "deal" in article.text:
        assert "“deal”" in article.text


def test_utf8_with_one_stray_byte_keeps_the_rest(tmp_path):
    data = SMART.encode("utf-8").replace(b"Tokyo", b"To\xffkyo")
    article = load_article(write(tmp_path, "a.txt", data))
    assert article.encoding.startswith("utf-8 (1 invalid byte")
    assert "“deal”" in article.text and "Zürich" in article.text


# -- HTML ----------------------------------------------------------------------------------------

PAGE = """<!doctype html><html><head><title>World | Leaders agree deal</title>
<meta property="article:published_time" content="2025-03-04T10:00:00Z">
<script>var tracking = "SCRIPT-TEXT";</script><style>.x{color:red}</style></head>
<body><nav><a href="/">Home</a> <a href="/world">World NAV-TEXT</a></nav>
<div class="cookie-banner">We use cookies. COOKIE-TEXT Accept all</div>
<article><h1>Leaders agree deal</h1>
<p>The European Union and Japan signed a trade agreement on Tuesday, cutting tariffs on cars and cheese.
Officials said the deal would take effect next year.</p>
<h2>Reaction in Tokyo</h2>
<p>Prime Minister Shigeru Ishiba welcomed the accord as “a historic step” for both economies.
He said Japan would open its rice market gradually over five years.</p>
<p>Farm groups warned that rice growers could lose income, and demanded compensation from the government.</p>
</article><footer>Copyright 2025 FOOTER-TEXT. All rights reserved.</footer></body></html>"""


def test_saved_page_keeps_only_the_article_body(tmp_path):
    article = load_article(write(tmp_path, "page.html", PAGE.encode()))
    for boilerplate in ("SCRIPT-TEXT", "NAV-TEXT", "COOKIE-TEXT", "FOOTER-TEXT", "color:red"):
        assert boilerplate not in article.text
    assert "Shigeru Ishiba welcomed the accord" in article.text
    assert article.published == "2025-03-04" and article.format == "html"
    assert any(b.kind == "heading" for b in article.blocks)


def test_malformed_html_still_reads(tmp_path):
    broken = PAGE.replace("</p>", "").replace("</article>", "") + "<div>" * 300
    article = load_article(write(tmp_path, "broken.html", broken.encode()))
    assert "trade agreement" in article.text


def test_page_without_an_article_body(tmp_path):
    page = "<html><body><nav>Home | World | Sport</nav><footer>Contact us</footer></body></html>"
    with pytest.raises(DossierError, match="no article body"):
        load_article(write(tmp_path, "front.html", page.encode()))


# -- size, language, emptiness --------------------------------------------------------------------

def test_a_huge_article_is_refused_with_the_limit(tmp_path):
    path = write(tmp_path, "huge.txt", (ENGLISH * (1_000_000 // len(ENGLISH) + 1)).encode())
    with pytest.raises(DossierError, match=f"at most {current().max_article_chars:,}"):
        load_article(path)


def test_non_english_article_gets_a_warning(tmp_path):
    french = ("Le président de la République a annoncé mardi que la France enverra des troupes "
              "pour une mission de maintien de la paix, selon les déclarations du gouvernement.\n")
    article = load_article(write(tmp_path, "fr.txt", french.encode()))
    assert article.warnings and "English" in article.warnings[0]
    assert not load_article(write(tmp_path, "en.txt", ENGLISH.encode())).warnings


# -- hostile content ----------------------------------------------------------------------------

HOSTILE = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '</td></tr></table>',
           '"><svg onload=alert(1)>']


def test_hostile_strings_show_as_text_in_fragments():
    import pandas as pd

    from dossier.ingest.article import Article
    from dossier.report.data import ReportData

    df = pd.DataFrame({"name": HOSTILE, "quote": HOSTILE})
    html = table(df, [("name", "Name", 50), ("quote", "Quote", 50)], "none")
    article = Article(slug="x", title=HOSTILE[3], text="t", blocks=[], source=HOSTILE[0])
    html += title_block(ReportData(article, {}), "now", "0")
    for needle in ("<script", "<img", "<svg", "</td></tr></table>"):
        assert needle not in html


def test_hostile_article_text_shows_as_text_in_findings_and_the_annotated_article():
    from dossier.extract import extract_tables
    from dossier.ingest.article import Article
    from dossier.report.data import ReportData
    from dossier.report.fragments import highlighted_article, key_findings

    text = ("France pledged troops to the <script>alert(1)</script> mission on Monday. "
            'The <img src=x onerror=alert(1)> Coalition said: "</td></tr></table> we will stay". '
            'Germany welcomed the "><svg onload=alert(1)> plan.')
    article = Article.from_text(text, slug="hostile")
    tables = extract_tables(article)
    data = ReportData(article, {name: df for name, df in tables.items()})
    html = key_findings(data) + highlighted_article(data)
    for needle in ("<script", "<img", "<svg", "</td></tr></table>"):
        assert needle not in html
    assert "&lt;script&gt;" in html


def test_figures_take_dollar_signs_in_names_literally():
    import pandas as pd

    from dossier.report.figures import actors_chart

    actors = pd.DataFrame({"name": ["Fund $\\frac{$ X", "Plain"], "type": ["organization", "person"],
                           "mentions": [3, 2]})
    assert actors_chart(actors).startswith("<figure")


def test_unpunctuated_notes_are_read_as_text_not_headings(tmp_path):
    article = load_article(write(tmp_path, "notes.txt", b"France pledged 500 troops to Ukraine on Friday\n"))
    assert [b.kind for b in article.blocks] == ["paragraph"]


def test_pdf_renderer_reads_no_local_file_or_network(tmp_path):
    from pypdf import PdfReader

    from dossier.report.render import html_to_pdf

    secret = tmp_path / "secret.png"
    secret.write_bytes(bytes.fromhex(  # a 1x1 PNG
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"))
    page = (f'<html><body><p>text</p><img src="{secret.as_uri()}"><img src="http://127.0.0.1:9/x.png">'
            f'<link rel="stylesheet" href="{secret.as_uri()}"></body></html>')
    started = time.perf_counter()
    html_to_pdf(page, tmp_path / "out.pdf")
    assert time.perf_counter() - started < 10
    reader = PdfReader(tmp_path / "out.pdf")
    assert all(not list(p.images) for p in reader.pages)


# -- paths and names ----------------------------------------------------------------------------

def test_slugs_are_safe_and_colliding_names_get_distinct_slugs(tmp_path):
    a = write(tmp_path, "Zürich 'talks' (draft).txt", ENGLISH.encode())
    assert article_slug(a) == "zurich-talks-draft"
    first, second = write(tmp_path, "Report.md", ENGLISH.encode()), write(tmp_path, "report.txt", ENGLISH.encode())
    assert article_slug(first) == "report" and article_slug(second) == "report-txt"


# -- failing, hanging and killed stages -----------------------------------------------------------

@pytest.fixture
def stage_env(tmp_path):
    env = {**os.environ, "DOSSIER_PROCESSED_DIR": str(tmp_path / "processed"),
           "DOSSIER_REPORTS_DIR": str(tmp_path / "reports")}
    return tmp_path, env


def _broken_notebooks(tmp_path: Path, source: str) -> Path:
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    folder = tmp_path / "notebooks"
    folder.mkdir()
    params = new_code_cell('slug = ""\narticle_path = ""\nprocessed_dir = ""\noutput_dir = ""')
    params.metadata["tags"] = ["parameters"]
    nb = new_notebook(cells=[params, new_code_cell("x = 1"), new_code_cell(source)])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, folder / "02_actors.ipynb")
    return folder


@pytest.mark.parametrize(("source", "expected"), [
    ("raise ValueError('boom')", "stage 02_actors failed in cell 3 of notebooks/02_actors.ipynb (ValueError: boom)"),
    ("import time\ntime.sleep(60)", "stage 02_actors timed out"),
])
def test_a_failing_or_hanging_stage_is_named_kept_and_not_promoted(stage_env, source, expected):
    tmp_path, env = stage_env
    env["DOSSIER_NOTEBOOKS_DIR"] = str(_broken_notebooks(tmp_path, source))
    run = subprocess.run([sys.executable, "-m", "dossier", "stage", "02_actors", "--slug", "s", "--timeout", "3"],
                         capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 1
    assert expected in run.stderr and run.stderr.count("\n") == 1
    assert (tmp_path / "reports" / "s" / "stages" / "02_actors.failed.ipynb").exists()
    assert not (tmp_path / "processed" / "s" / "actors.csv").exists()
    assert not list((tmp_path / "processed" / "s").glob(".02_actors-*"))


@pytest.mark.parametrize(("source", "expected"), [
    ("raise ValueError('boom')", "stage 02_actors failed in cell 3 of notebooks/02_actors.ipynb (ValueError: boom)"),
    ("import time\ntime.sleep(60)", "stage 02_actors timed out"),
])
def test_a_failing_stage_inside_a_make_session_says_the_same_one_line(tmp_path, source, expected):
    """Through `make report` the stages share one kernel; a failure still names stage and cell."""
    import shutil

    notebooks = tmp_path / "nb"
    shutil.copytree(ROOT / "notebooks", notebooks)
    broken = _broken_notebooks(tmp_path, source) / "02_actors.ipynb"
    shutil.copyfile(broken, notebooks / "02_actors.ipynb")
    article = write(tmp_path, "art.txt", ENGLISH.encode())
    run = subprocess.run(["make", "--no-print-directory", "report", f"ARTICLE={article}", f"NB={notebooks}",
                          f"PROCESSED_DIR={tmp_path}/processed", f"REPORTS_DIR={tmp_path}/reports"],
                         cwd=ROOT, capture_output=True, text=True, timeout=300,
                         env={**os.environ, "DOSSIER_STAGE_TIMEOUT": "12"})
    assert run.returncode != 0
    ours = [line for line in run.stderr.splitlines() if line.startswith("dossier:")]
    assert len(ours) == 1 and expected in ours[0], run.stderr
    assert "Traceback" not in run.stderr + run.stdout
    assert (tmp_path / "reports" / "art" / "stages" / "02_actors.failed.ipynb").exists()
    assert (tmp_path / "processed" / "art" / "article.json").exists()  # stage 1 was promoted
    assert not (tmp_path / "processed" / "art" / "actors.csv").exists()
    assert not (tmp_path / "reports" / "art" / "report.pdf").exists()


@pytest.fixture(scope="module")
def two_reports(tmp_path_factory):
    """Two small articles built at once with `make -j2 reports`; one has a quote and non-ASCII name."""
    work = tmp_path_factory.mktemp("many")
    raw = work / "raw"
    raw.mkdir()
    (raw / "tokyo 'deal' ü.txt").write_text(ENGLISH, encoding="utf-8")
    (raw / "quiet.txt").write_text("The weather was mild and the harvest was good this year.\n", encoding="utf-8")
    args = [f"RAW_DIR={raw}", f"PROCESSED_DIR={work}/processed", f"REPORTS_DIR={work}/reports",
            f"BUILD_DIR={work}/build"]
    run = subprocess.run(["make", "--no-print-directory", "-j2", "reports", *args], cwd=ROOT,
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    return work, args


def test_parallel_reports_and_odd_file_names(two_reports):
    work, _ = two_reports
    for slug in ("tokyo-deal-u", "quiet"):
        assert (work / "reports" / slug / "report.pdf").stat().st_size > 1000
        assert (work / "reports" / slug / "report.html").exists()


def test_an_article_with_no_actors_still_renders_and_says_so(two_reports):
    work, _ = two_reports
    page = (work / "reports" / "quiet" / "report.html").read_text(encoding="utf-8")
    assert "No actors were found." in page and "No pledges were found" in page


def test_a_killed_render_leaves_the_previous_report_intact(two_reports):
    work, _ = two_reports
    final = work / "reports" / "quiet"
    before = {name: (final / name).read_bytes() for name in ("report.html", "report.pdf")}
    env = {**os.environ, "DOSSIER_PROCESSED_DIR": str(work / "processed"), "DOSSIER_REPORTS_DIR": str(work / "reports")}
    for _attempt in range(3):  # the render window is about a second; poll for it, retry if missed
        proc = subprocess.Popen([sys.executable, "-m", "dossier", "stage", "05_report", "--slug", "quiet"],
                                env=env, start_new_session=True, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while not list(final.glob(".report.*.tmp")) and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)  # wait until the renderer has started writing
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            break
        before = {name: (final / name).read_bytes() for name in ("report.html", "report.pdf")}
    else:
        pytest.fail("the stage always ended before it could be killed mid-render")
    after = {name: (final / name).read_bytes() for name in ("report.html", "report.pdf")}
    assert after == before
