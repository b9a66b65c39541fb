"""Hostile file names, special files, interrupted and concurrent runs (issue 9).

Each case builds its own input in a temporary folder. A file name is untrusted input: no part
of it may ever run as a command, whether through `make report` or `make reports`.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dossier.errors import DossierError
from dossier.paths import ROOT

ARTICLE = ("The European Union and Japan signed a trade agreement on Tuesday, cutting tariffs on cars. "
           "Officials said the deal would take effect next year, and Tokyo pledged to open its rice market.\n")
MARKERS = ("PWNED-MAKE-SHELL", "PWNED-BACKTICK", "PWNED-DOLLAR-PAREN", "PWNED-CONCURRENT", "PWNED-CONC-TICK")


def make(*args: str, timeout: int = 600, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "--no-print-directory", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout, **kw)


def folders(work: Path) -> list[str]:
    return [f"RAW_DIR={work}/raw", f"PROCESSED_DIR={work}/processed", f"REPORTS_DIR={work}/reports",
            f"BUILD_DIR={work}/build"]


def no_marker_anywhere(*places: Path) -> None:
    for place in (ROOT, Path.cwd(), Path("/tmp"), *places):
        for marker in MARKERS:
            assert not (place / marker).exists(), f"a file name ran a command: {place / marker} exists"


# -- 1. names that try to run commands, and other odd names, through `make reports` ---------------

INJECTING = {
    "shell": "x$(shell touch PWNED-MAKE-SHELL).txt",
    "backtick": "a:`touch PWNED-BACKTICK`;#%.txt",
    "dollar": "cost$5 $(touch PWNED-DOLLAR-PAREN) \"q\" 'x'.txt",
    "dash-long": "-" + "l" * 245 + ".txt",  # a leading dash, and 250 bytes: no room for a sidecar name
}
LONG_WORD = "Brussels" + "x" * 3000


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """`make -j2 reports` over a folder of hostile names, special files and links out of it."""
    work = tmp_path_factory.mktemp("hostile")
    raw = work / "raw"
    raw.mkdir()
    for name in INJECTING.values():
        (raw / name).write_text(ARTICLE, encoding="utf-8")
    (raw / "longword.txt").write_text(f"Officials in {LONG_WORD} signed the agreement on Tuesday.\n" + ARTICLE,
                                      encoding="utf-8")
    os.mkfifo(raw / "fifo.txt")
    (raw / "zero.txt").symlink_to("/dev/zero")
    (work / "secret.txt").write_text("TOP-SECRET-LINE: the password is hunter2.\n" + ARTICLE, encoding="utf-8")
    (raw / "outside.txt").symlink_to(work / "secret.txt")
    (raw / "new\nline.txt").write_text(ARTICLE, encoding="utf-8")
    run = make("-j2", "reports", *folders(work))
    return work, run


def test_make_reports_runs_no_command_from_a_file_name(hostile):
    work, run = hostile
    no_marker_anywhere(work, work / "raw")
    built = sorted(p.name for p in (work / "reports").iterdir() if (p / "report.pdf").exists())
    assert len(built) == 5, run.stdout + run.stderr  # the four hostile names and longword.txt
    assert "x-shell-touch-pwned-make-shell" in built and "a-touch-pwned-backtick" in built


def test_make_reports_skips_special_files_and_links_out_of_the_folder_saying_why(hostile):
    work, run = hostile
    assert run.returncode != 0  # the good articles are built, then the skipped files are reported
    lines = [line for line in run.stderr.splitlines() if line.startswith("dossier: skipped")]
    assert any("fifo.txt" in line and "named pipe" in line for line in lines), run.stderr
    assert any("zero.txt" in line and "a device" in line for line in lines), run.stderr
    assert any("outside.txt" in line and "links outside" in line for line in lines), run.stderr
    assert any("line break" in line and "new\\u000aline.txt" in line for line in lines), run.stderr
    assert not any("hunter2" in p.read_text(errors="replace")
                   for p in (work / "processed").rglob("*.csv")), "a file outside data/raw/ was read"


@pytest.mark.parametrize("key", INJECTING)
def test_make_report_of_a_hostile_name_runs_nothing_and_finds_it_up_to_date(hostile, key):
    work, _ = hostile
    run = make("report", f"ARTICLE={work}/raw/{INJECTING[key]}", *folders(work), timeout=120)
    assert run.returncode == 0, run.stderr
    assert "report ready" in run.stdout and " done in " not in run.stdout  # content unchanged: nothing rerun
    no_marker_anywhere(work, work / "raw")


def test_a_bare_file_name_with_a_leading_dash_is_found_in_the_raw_folder(hostile):
    work, _ = hostile
    run = make("report", f"ARTICLE={INJECTING['dash-long']}", *folders(work), timeout=120)
    assert run.returncode == 0, run.stderr
    assert "report ready" in run.stdout and "usage:" not in run.stderr


@pytest.mark.parametrize(("name", "message"), [
    ("fifo.txt", "is a named pipe (FIFO), not a regular file"),
    ("zero.txt", "is a device, not a regular file"),
    ("new\nline.txt", "contains a line break"),
    ("missing$(shell touch PWNED-MAKE-SHELL).txt", "does not exist"),
])
def test_make_report_of_a_special_file_or_bad_name_stops_with_one_line(hostile, name, message):
    work, _ = hostile
    run = make("report", f"ARTICLE={work}/raw/{name}", *folders(work), timeout=60)
    assert run.returncode != 0
    ours = [line for line in run.stderr.splitlines() if line.startswith("dossier:")]
    assert len(ours) == 1 and message in ours[0], run.stderr
    assert "Traceback" not in run.stderr
    no_marker_anywhere(work)


def test_a_long_unbroken_word_wraps_inside_the_pdf_page(hostile):
    from .test_report_print import SLACK, pages

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (Debian package poppler-utils) is not installed")
    work, _ = hostile
    laid_out = pages(work / "reports" / "longword" / "report.pdf")
    pieces = [w for page in laid_out for w in page["words"] if set(w[0]) == {"x"} and len(w[0]) >= 50]
    assert len(pieces) > 10  # the word is in the PDF, broken over many lines
    for page in laid_out:  # and every piece stays inside the text block
        left, _, right, _ = page["box"]
        assert all(left - SLACK <= w[1] and w[3] <= right + SLACK for w in page["words"])


# -- 2. freshness follows the content ------------------------------------------------------------------

def test_an_older_replacement_or_the_same_name_elsewhere_is_rebuilt(tmp_path):
    import json

    first, other = tmp_path / "raw", tmp_path / "other"
    first.mkdir()
    other.mkdir()
    article = first / "base.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    args = folders(tmp_path)
    assert make("tables", f"ARTICLE={article}", *args).returncode == 0
    stored = tmp_path / "processed" / "base" / "article.json"

    older = tmp_path / "older.txt"
    older.write_text("Germany pledged 500 troops to the mission on Friday, officials said.\n", encoding="utf-8")
    os.utime(older, (time.time() - 86400 * 30,) * 2)
    shutil.copy2(older, article)  # like cp -p: new content, older modification time
    run = make("tables", f"ARTICLE={article}", *args)
    assert run.returncode == 0 and "01_ingest done" in run.stdout, run.stdout + run.stderr
    assert "Germany pledged" in json.loads(stored.read_text())["text"]

    (other / "base.txt").write_text("France promised 40 tanks to Ukraine on Monday, the minister said.\n",
                                    encoding="utf-8")
    run = make("tables", f"ARTICLE={other / 'base.txt'}", *args)
    assert run.returncode == 0 and "01_ingest done" in run.stdout
    assert json.loads(stored.read_text())["source_path"].startswith(str(other))

    unchanged = make("tables", f"ARTICLE={other / 'base.txt'}", *args)
    assert unchanged.returncode == 0 and " done in " not in unchanged.stdout


# -- 3. interrupts never lose the good report -------------------------------------------------------------

def _interrupt_when(work: Path, article: Path, ready, sig: int, whole_group: bool) -> None:
    proc = subprocess.Popen(["make", "--no-print-directory", "report", f"ARTICLE={article}", *folders(work)],
                            cwd=ROOT, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while not ready() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert proc.poll() is None, "the run ended before it could be interrupted"
    if whole_group:
        os.killpg(proc.pid, sig)  # what Ctrl-C does: the whole foreground group
    else:
        os.kill(proc.pid, sig)  # `kill PID` on make alone
    try:
        proc.wait(timeout=120)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)  # nothing of the run may linger
    time.sleep(0.5)


def test_sigint_sigterm_and_sigkill_at_any_stage_keep_the_previous_report(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    article = raw / "signals.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert make("report", f"ARTICLE={article}", *folders(tmp_path)).returncode == 0
    data, final = tmp_path / "processed" / "signals", tmp_path / "reports" / "signals"
    good = {name: (final / name).read_bytes() for name in ("report.html", "report.pdf")}
    article.write_text(ARTICLE.replace("Japan", "Canada"), encoding="utf-8")  # every stage must rerun

    def in_stage(stage: str):
        return lambda: any(data.glob(f".{stage}-*/*"))

    def rendering() -> bool:
        return any(final.glob(".report.*.tmp"))

    for ready, sig, group in ((in_stage("01_ingest"), signal.SIGINT, True),
                              (in_stage("02_actors"), signal.SIGKILL, True),
                              (in_stage("03_commitments"), signal.SIGTERM, False),
                              (in_stage("05_report"), signal.SIGTERM, False),
                              (rendering, signal.SIGINT, True)):
        _interrupt_when(tmp_path, article, ready, sig, group)
        for name, content in good.items():
            assert (final / name).exists(), f"{name} was deleted by {signal.Signals(sig).name}"
            assert (final / name).read_bytes() == content, f"{name} changed after {signal.Signals(sig).name}"
    run = make("report", f"ARTICLE={article}", *folders(tmp_path))
    assert run.returncode == 0, run.stderr
    assert "Canada" in (final / "report.html").read_text(encoding="utf-8")
    assert not list(data.glob(".0*-*")) and not list(final.glob(".report.*.tmp"))


# -- 5 and 6. concurrent runs of one article; reports/ on another filesystem ---------------------------

def test_two_concurrent_runs_of_one_article_both_end_well_across_filesystems(tmp_path):
    shm = Path("/dev/shm")
    if not shm.is_dir() or os.stat(shm).st_dev == os.stat(tmp_path).st_dev:
        pytest.skip("no second filesystem (/dev/shm) to put reports/ on")
    raw = tmp_path / "raw"
    raw.mkdir()
    article = raw / "conc $(shell touch PWNED-CONCURRENT) `touch PWNED-CONC-TICK`.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    reports = Path(shm / f"dossier-test-{os.getpid()}")
    args = [f"RAW_DIR={raw}", f"PROCESSED_DIR={tmp_path}/processed", f"REPORTS_DIR={reports}"]
    try:
        runs = [subprocess.Popen(["make", "--no-print-directory", "report", f"ARTICLE={article}", *args],
                                 cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                for _ in range(2)]
        results = [(p.wait(timeout=600), *p.communicate()) for p in runs]
        for code, out, err in results:
            assert code == 0, out + err
            assert "report ready" in out and "Invalid cross-device link" not in err
        assert sum("waiting for it to finish" in err for _, _, err in results) == 1
        assert sum(" 01_ingest done" in out for _, out, _ in results) == 1  # the second found it up to date
        slug = "conc-shell-touch-pwned-concurrent-touch-pwned-conc-tick"
        assert (reports / slug / "report.pdf").stat().st_size > 1000
        assert (reports / slug / "stages" / "05_report.ipynb").exists()
        no_marker_anywhere(tmp_path, raw)
    finally:
        shutil.rmtree(reports, ignore_errors=True)


def _slow_notebooks(tmp_path: Path) -> Path:
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    folder = tmp_path / "notebooks"
    folder.mkdir()
    params = new_code_cell('slug = ""\narticle_path = ""\nprocessed_dir = ""\noutput_dir = ""')
    params.metadata["tags"] = ["parameters"]
    work = new_code_cell("import time, pathlib\ntime.sleep(3)\nfor name in ('actors.csv', 'mentions.csv'):\n"
                         "    (pathlib.Path(output_dir) / name).write_text('x\\n')")
    nb = new_notebook(cells=[params, work])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, folder / "02_actors.ipynb")
    return folder


def test_two_runs_of_one_stage_queue_instead_of_deleting_each_others_staging(tmp_path):
    env = {**os.environ, "DOSSIER_PROCESSED_DIR": str(tmp_path / "processed"),
           "DOSSIER_REPORTS_DIR": str(tmp_path / "reports"), "DOSSIER_NOTEBOOKS_DIR": str(_slow_notebooks(tmp_path))}
    command = [sys.executable, "-m", "dossier", "stage", "02_actors", "--slug", "s"]
    runs = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)]
    results = [(p.wait(timeout=300), *p.communicate()) for p in runs]
    assert [code for code, _, _ in results] == [0, 0], results
    assert sum("waiting for it to finish" in err for _, _, err in results) == 1
    assert not any("DOSSIER_STAGE_TIMEOUT" in err for _, _, err in results)


def test_a_move_across_filesystems_is_atomic_and_complete(tmp_path):
    from dossier.io import move_into

    shm = Path("/dev/shm")
    if not shm.is_dir() or os.stat(shm).st_dev == os.stat(tmp_path).st_dev:
        pytest.skip("no second filesystem (/dev/shm)")
    source = tmp_path / "executed.ipynb"
    source.write_bytes(b"{}" * 100_000)
    target = shm / f"dossier-move-{os.getpid()}.ipynb"
    try:
        move_into(source, target)
        assert target.read_bytes() == b"{}" * 100_000 and not source.exists()
        assert not list(shm.glob(f".{target.name}.*.tmp"))
    finally:
        target.unlink(missing_ok=True)


# -- 4. special files read as articles ---------------------------------------------------------------------

def test_a_fifo_and_a_link_to_a_device_are_refused_at_once(tmp_path):
    from dossier.ingest.article import load_article

    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    started = time.monotonic()
    with pytest.raises(DossierError, match="named pipe"):
        load_article(tmp_path / "pipe.txt")
    with pytest.raises(DossierError, match="a device"):
        load_article(tmp_path / "zero.txt")
    assert time.monotonic() - started < 5  # a blocked open would hang here forever


def test_reading_is_bounded_whatever_stat_says(tmp_path):
    from dossier.paths import read_bounded

    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 1_000_000)
    assert len(read_bounded(big, limit=1000)) == 1001  # one byte more than the limit: "too large"
    proc_file = Path("/proc/self/status")  # stat says 0 bytes; it has content
    if proc_file.exists():
        assert proc_file.stat().st_size == 0 and 0 < len(read_bounded(proc_file, limit=100)) <= 101


# -- 7. bounded time and memory on legal but extreme input ---------------------------------------------------

PEAK_SCRIPT = """
import resource, sys, time
from dossier.extract import extract_tables
from dossier.ingest.article import Article
kind = sys.argv[1]
if kind == "quotes":  # 50,000 quotation marks in one paragraph
    text = "Officials said " + " ".join(f'"w{i}"' for i in range(25_000)) + " today."
else:  # one paragraph of 59,000 words
    text = " ".join(f"Deal {i} was good." for i in range(59_000 // 4))
started = time.perf_counter()
tables = extract_tables(Article.from_text(text, slug="big"))
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024, round(time.perf_counter() - started, 1),
      len(tables.quotes), len(tables.sentences))
"""


@pytest.mark.parametrize("kind", ["quotes", "paragraph"])
def test_extreme_paragraphs_stay_under_one_gib(kind):
    run = subprocess.run([sys.executable, "-c", PEAK_SCRIPT, kind], capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stderr
    peak_mib, _seconds, quotes, sentences = run.stdout.split()
    assert int(peak_mib) < 1024, f"peak {peak_mib} MiB"
    if kind == "quotes":
        assert int(quotes) == 25_000
    assert int(sentences) > 10


def test_a_long_paragraph_is_read_in_bounded_pieces():
    from dossier.ingest.segment import split_long
    from dossier.settings import current

    MAX_BLOCK_CHARS = current().max_block_chars

    sentences = " ".join(f"Sentence {i} says the deal was good." for i in range(5000))
    pieces = split_long(sentences)
    assert all(len(p) <= MAX_BLOCK_CHARS for p in pieces) and " ".join(pieces) == sentences
    assert all(p.endswith(".") for p in pieces)  # cut at sentence ends
    unbroken = "x" * (MAX_BLOCK_CHARS * 3 + 5)
    assert [len(p) for p in split_long(unbroken)] == [MAX_BLOCK_CHARS] * 3 + [5]


def test_a_report_of_thousands_of_actors_shows_the_top_ones_with_a_note(tmp_path):
    import json

    import pandas as pd

    from dossier.ingest.article import Article
    from dossier.report.data import MAX_ACTORS, MAX_CELL_CHARS, MAX_ROWS, load_report_data
    from dossier.tables import COLUMNS, write_table

    article = Article.from_text(ARTICLE, slug="many")
    (tmp_path / "article.json").write_text(json.dumps(article.to_json()), encoding="utf-8")
    n = 6000
    actors = pd.DataFrame({c: [""] * n for c in COLUMNS["actors"]})
    actors["name"] = [f"Person {i}" for i in range(n)]
    actors["mentions"] = [1 + (i * 7919) % 50 for i in range(n)]
    actors[["start", "end"]] = 0
    pledges = pd.DataFrame({c: [""] * 2500 for c in COLUMNS["pledges"]})
    pledges["actor"] = [f"Person {i}" for i in range(2500)]
    pledges[["sentence_id", "start", "end"]] = 0
    quotes = pd.DataFrame({c: ["x"] * 2500 for c in COLUMNS["quotes"]})
    quotes[["sentence_id", "start", "end"]] = 0
    quotes["evidence"] = "A sentence made of a run of quotation marks. " * 50  # 2,300 characters
    empty = {name: pd.DataFrame(columns=COLUMNS[name])
             for name in ("mentions", "statements", "precedents", "timeline", "sentences")}
    for name, df in {"actors": actors, "pledges": pledges, "quotes": quotes, **empty}.items():
        write_table(df, tmp_path, name)
    data = load_report_data(tmp_path)
    assert len(data["actors"]) == MAX_ACTORS and len(data["quotes"]) == MAX_ROWS
    assert data["actors"]["mentions"].min() >= actors["mentions"].nlargest(MAX_ACTORS).min()
    assert set(data["pledges"]["actor"]) <= set(data["actors"]["name"])  # the matrix stays 100 rows at most
    note = data.article.warnings[-1]
    assert "100 most-mentioned of 6,000 actors" in note and "first 300 of 2,500 quotes" in note
    assert data["quotes"]["evidence"].str.len().max() == MAX_CELL_CHARS and "cut short" in note
    assert str(tmp_path) in note


def test_pdf_rendering_has_a_time_limit_with_a_clear_message(tmp_path):
    from dossier.report.render import html_to_pdf
    from dossier.stages import time_limit

    rows = "".join(f"<tr><td>row {i}</td><td>{'word ' * 40}</td></tr>" for i in range(20_000))
    started = time.monotonic()
    with pytest.raises(DossierError, match="took longer than 1 s"), time_limit(1, "rendering the report"):
        html_to_pdf(f"<html><body><table>{rows}</table></body></html>", tmp_path / "report.pdf")
    assert time.monotonic() - started < 30
    assert not (tmp_path / "report.pdf").exists() and not list(tmp_path.glob(".report.pdf.*"))


# -- 8. sidecars and front matter checked up front --------------------------------------------------------------

@pytest.mark.parametrize(("sidecar", "field", "message"), [
    ('{"title": ["a", "list"]}', "title", "must be text, not a list"),
    ('{"title": 42}', "title", "must be text, not a number"),
    ('{"title": true}', "title", "must be text, not true/false"),
    ('{"source": {"name": "x"}}', "source", "must be text, not an object"),
    ('{"published": "9999-12-31"}', "published", "between 1800 and 2199"),
    ('{"published": "0001-01-01"}', "published", "between 1800 and 2199"),
    ('{"published": "2025-02-30"}', "published", "not a real date"),
    ('{"title": "bad \\ud800 text"}', "title", "lone surrogate"),
    ("[" * 100_000 + "]" * 100_000, None, "larger than 100,000 bytes"),
    ('{"title": ' + "[" * 40_000 + "]" * 40_000 + "}", None, "nested too deeply"),
    ('{"title": "x"', None, "is not valid JSON"),
    ('["title"]', None, "must hold a JSON object"),
])
def test_a_bad_sidecar_stops_stage_one_naming_the_file_and_the_field(tmp_path, sidecar, field, message):
    from dossier.ingest.article import load_article

    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(sidecar, encoding="utf-8")
    with pytest.raises(DossierError, match=message) as err:
        load_article(tmp_path / "a.txt")
    assert str(tmp_path / "a.meta.json") in str(err.value) and "\n" not in str(err.value)
    if field:
        assert f"field '{field}'" in str(err.value)


def test_a_far_date_in_markdown_front_matter_is_named(tmp_path):
    from dossier.ingest.article import load_article

    (tmp_path / "a.md").write_text("---\ntitle: Deal\ndate: 9999-12-31\n---\n\n" + ARTICLE, encoding="utf-8")
    with pytest.raises(DossierError, match=r"front matter of .*a\.md.*field 'date'"):
        load_article(tmp_path / "a.md")


def test_right_to_left_override_and_nul_in_a_title_are_neutralised(tmp_path):
    from dossier.ingest.article import load_article

    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text('{"title": "Deal \\u202egnp.exe\\u202c signed\\u0000 today",'
                                          ' "source": "Wire\\u2066 desk"}', encoding="utf-8")
    article = load_article(tmp_path / "a.txt")
    assert article.title == "Deal gnp.exe signed today" and article.source == "Wire desk"


def test_a_bad_sidecar_stops_make_before_any_stage(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "s.txt").write_text(ARTICLE, encoding="utf-8")
    (raw / "s.meta.json").write_text('{"title": ["not", "text"]}', encoding="utf-8")
    run = make("report", f"ARTICLE={raw / 's.txt'}", *folders(tmp_path), timeout=300)
    assert run.returncode != 0 and "Traceback" not in run.stderr
    assert "s.meta.json: field 'title' must be text" in run.stderr
    assert "02_actors" not in run.stdout + run.stderr


# -- 9. one line, never a traceback --------------------------------------------------------------------------

def _without_root_override() -> list[str]:
    """Run as root without the capabilities that ignore file modes (CI runs as root)."""
    if os.geteuid() != 0:
        return []
    if not shutil.which("setpriv"):
        pytest.skip("running as root and setpriv (util-linux) is missing")
    return ["setpriv", "--bounding-set", "-dac_override,-dac_read_search"]


def _cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*_without_root_override(), sys.executable, "-m", "dossier", *args],
                          capture_output=True, text=True, timeout=300, env=env)


def _one_line(run: subprocess.CompletedProcess, *needles: str) -> None:
    assert run.returncode == 1, run.stdout + run.stderr
    assert run.stderr.startswith("dossier: error:") and run.stderr.count("\n") == 1, run.stderr
    for needle in needles:
        assert needle in run.stderr, run.stderr


def test_an_unreadable_article_and_a_locked_folder_give_one_line(tmp_path):
    unreadable = tmp_path / "secret.txt"
    unreadable.write_text(ARTICLE, encoding="utf-8")
    unreadable.chmod(0)
    _one_line(_cli("check", str(unreadable)), "secret.txt", "not readable")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text(ARTICLE, encoding="utf-8")
    locked.chmod(0)
    try:
        _one_line(_cli("check", str(locked / "a.txt")), "permission denied")
    finally:
        locked.chmod(0o755)


def _stored(tmp_path: Path) -> Path:
    """Stage 1's outputs for a short article, written through the package."""
    from dossier.extract import actor_tables, sentence_table
    from dossier.ingest.article import Article
    from dossier.io import write_json
    from dossier.nlp import parse, save_parse
    from dossier.tables import write_table

    folder = tmp_path / "processed" / "t"
    folder.mkdir(parents=True)
    parsed = parse(Article.from_text(ARTICLE, slug="t"))
    write_json(folder / "article.json", parsed.article.to_json())
    write_table(sentence_table(parsed), folder, "sentences")
    save_parse(parsed, folder / "parse.spacy")
    actors, mentions = actor_tables(parsed)
    write_table(actors, folder, "actors")
    write_table(mentions, folder, "mentions")
    return folder


def _stage_env(tmp_path: Path) -> dict:
    return {**os.environ, "DOSSIER_PROCESSED_DIR": str(tmp_path / "processed"),
            "DOSSIER_REPORTS_DIR": str(tmp_path / "reports")}


def test_a_read_only_output_folder_gives_one_line(tmp_path):
    folder = _stored(tmp_path)
    folder.chmod(0o555)
    try:
        _one_line(_cli("stage", "02_actors", "--slug", "t", env=_stage_env(tmp_path)),
                  f"cannot write to {folder}")
    finally:
        folder.chmod(0o755)


@pytest.mark.parametrize(("table", "edit", "needles"), [
    ("actors", lambda text: text.replace("name,type,", "nom,type,", 1), ("actors.csv", "lacks the column name")),
    ("mentions", lambda text: text.replace("actor,text,", "actor,words,", 1),
     ("mentions.csv", "lacks the column text")),
])
def test_a_hand_edited_table_names_the_file_and_the_column(tmp_path, table, edit, needles):
    folder = _stored(tmp_path)
    path = folder / f"{table}.csv"
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    _one_line(_cli("stage", "03_commitments", "--slug", "t", env=_stage_env(tmp_path)), *needles)


def test_a_bad_number_in_a_table_is_named_with_its_row():
    import tempfile

    from dossier.tables import read_table

    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "quotes.csv").write_text("quote,speaker,how,evidence,sentence_id,start,end\n"
                                           "hi,A,x,e,0,12,abc\n", encoding="utf-8")
        with pytest.raises(DossierError, match=r"quotes.csv, column 'end', row 2: 'abc' is not a whole number"):
            read_table(Path(tmp), "quotes")


def test_a_corrupt_stored_parse_says_to_rerun_ingest(tmp_path):
    folder = _stored(tmp_path)
    (folder / "parse.spacy").write_bytes(b"\x00garbage" * 100)
    _one_line(_cli("stage", "02_actors", "--slug", "t", env=_stage_env(tmp_path)),
              "parse.spacy is damaged", "rerun the ingest stage")


# -- 10. deep HTML --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("depth", [300, 5_000, 100_000])
def test_html_nested_deeper_than_libxml2_allows_keeps_its_body(tmp_path, depth):
    from dossier.ingest.article import load_article

    # distinct text per case: trafilatura's duplicate filter remembers paragraphs within a process
    body = "".join(f"<p>Paragraph {i} of case {depth}: the European Union and Japan signed a trade agreement, "
                   f"cutting tariffs on cars by {i + depth} percent.</p>" for i in range(6))
    page = (f"<html><head><title>Deep</title></head><body>{'<div>' * depth}<article><h1>Deal</h1>{body}"
            f"</article>{'</div>' * depth}</body></html>")
    article = load_article(_write(tmp_path / "deep.html", page))
    assert article.text.count("the European Union and Japan signed") == 6


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# -- 11. names ------------------------------------------------------------------------------------------------

def test_a_name_too_long_for_a_sidecar_and_a_long_slug(tmp_path):
    from dossier.ingest.article import load_article
    from dossier.paths import MAX_SLUG, article_slug

    path = _write(tmp_path / ("Deal " * 49 + "x.txt"), ARTICLE)  # 251 bytes
    article = load_article(path)
    assert len(article.slug) <= MAX_SLUG and article.slug.startswith("deal-deal")
    other = _write(tmp_path / ("Deal " * 49 + "y.txt"), ARTICLE)
    assert article_slug(other) != article.slug  # a hash of the whole name keeps long slugs apart


def test_the_cli_takes_a_leading_dash_and_a_bare_name(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    _write(raw / "-x.txt", ARTICLE)
    env = {**os.environ, "DOSSIER_RAW_DIR": str(raw)}
    run = subprocess.run([sys.executable, "-m", "dossier", "check", "--", "-x.txt"], capture_output=True,
                         text=True, env=env, cwd=tmp_path, timeout=120)
    assert run.returncode == 0, run.stderr

