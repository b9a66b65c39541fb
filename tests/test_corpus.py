"""Corpus mode through a real dask.distributed cluster: a LocalCluster of two worker processes,
and a scheduler with two workers started as separate processes, passed by address.

Each run goes through the command `make corpus` calls, on a copy of the sample corpus plus one
binary file posing as an article; the tables are read back from Parquet.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from dossier.paths import ROOT

pytestmark = pytest.mark.slow

SAMPLE = ROOT / "data" / "corpus" / "sample"
VENV_BIN = Path(sys.executable).parent


def corpus_copy(tmp: Path) -> Path:
    corpus = tmp / "news"
    shutil.copytree(SAMPLE, corpus)
    (corpus / "broken.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 200)  # a zip posing as text
    return corpus


def run_cli(corpus: Path, out: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DOSSIER_PROCESSED_DIR": str(out / "processed"), "DOSSIER_REPORTS_DIR": str(out / "reports"),
           "MPLCONFIGDIR": str(out / "mpl")}
    env.pop("DASK_SCHEDULER_ADDRESS", None)
    return subprocess.run([sys.executable, "-m", "dossier.corpus", "run", str(corpus), *args], env=env,
                          capture_output=True, text=True, timeout=600)


def table(out: Path, name: str) -> pd.DataFrame:
    from dossier.corpus.arrow import enable

    enable()  # pyarrow lives apart from the pipeline's packages (see requirements-corpus.txt)
    return pd.read_parquet(out / "processed" / "_corpus" / "news" / name)


@pytest.fixture(scope="module")
def local_run(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("corpus-local")
    corpus = corpus_copy(tmp)
    run = run_cli(corpus, tmp, "--workers", "2")
    assert run.returncode == 0, run.stderr
    return tmp, corpus, run


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def scheduler_address():
    """`dask scheduler` and two `dask worker` processes on localhost, torn down whatever happens."""
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    procs = []
    try:
        procs.append(subprocess.Popen([str(VENV_BIN / "dask"), "scheduler", "--host", "127.0.0.1", "--port", str(port),
                                       "--dashboard-address", ":0"], stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL, start_new_session=True))
        deadline = time.monotonic() + 60
        while socket.socket().connect_ex(("127.0.0.1", port)) != 0:
            assert time.monotonic() < deadline, "dask scheduler did not start"
            time.sleep(0.2)
        for _ in range(2):
            procs.append(subprocess.Popen([str(VENV_BIN / "dask"), "worker", address, "--nthreads", "1",
                                           "--no-dashboard", "--memory-limit", "1GiB"],
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                          start_new_session=True))
        from distributed import Client

        with Client(address, timeout="30s") as client:
            client.wait_for_workers(2, timeout=90)
        yield address
    finally:
        for proc in reversed(procs):  # workers first, then the scheduler; each with its own children
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        for proc in procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()


def check_corpus(out: Path) -> None:
    """What every run must produce, however the cluster was reached."""
    from dossier.tables import COLUMNS

    articles = table(out, "articles")
    assert len(articles) == 21
    assert (articles["status"] == "ok").sum() == 20
    bad = articles[articles["article"] == "broken"].iloc[0]
    errors = table(out, "errors")
    assert list(errors["article"]) == ["broken"]
    reason = errors["reason"].iloc[0]  # the ingest's own one-line message, whatever its wording
    assert bad["status"] == "error" and bad["error"] == reason
    assert "broken.txt" in reason and "\n" not in reason and "Traceback" not in reason
    # every extracted table: the contract's columns, plus article, published, source
    pledges = table(out, "pledges")
    assert list(pledges.columns) == ["article", "published", "source", *COLUMNS["pledges"]]
    assert set(pledges["article"]) <= set(articles["article"]) and pledges["published"].notna().all()
    assert list(table(out, "precedents").columns[:3]) == ["article", "published", "article_source"]
    assert table(out, "sentences")["article"].nunique() == 20
    # identity: the president is one corpus actor under three spellings and a bare surname
    mapping = table(out, "actor_map")
    zelensky = mapping[mapping["corpus_actor"] == "Volodymyr Zelensky"]
    assert set(zelensky["article"]) >= {"01-germany-weighs-air-defence", "02-germany-agrees-air-defence",
                                        "03-kyiv-grid-repairs", "04-zelensky-visits-warsaw"}
    assert {"Volodymyr Zelenskyy", "Volodymyr Zelenskiy"} <= set(zelensky["actor"])
    assert set(zelensky["how"]) >= {"spelling variant", "surname"}
    pairs = table(out, "actor_pairs")
    assert pairs.query("actor_a == 'Germany' and actor_b == 'Ukraine'")["articles"].iloc[0] >= 2
    corpus_actors = table(out, "corpus_actors")
    assert (corpus_actors["corpus_actor"] == "Volodymyr Zelensky").sum() == 1
    # the status change written into two articles, with both evidence sentences
    changes = table(out, "changes")
    germany = changes[(changes["corpus_actor"] == "Germany") & (changes["category"] == "military_aid")]
    assert len(germany) == 1
    change = germany.iloc[0]
    assert (change["from_status"], change["to_status"]) == ("considering", "committed")
    assert (change["from_article"], change["to_article"]) == ("01-germany-weighs-air-defence",
                                                               "02-germany-agrees-air-defence")
    assert change["from_evidence"].startswith("Germany is considering sending")
    assert change["to_evidence"].startswith("Germany agreed on Monday")


def check_report(out: Path) -> None:
    from pypdf import PdfReader

    folder = out / "reports" / "_corpus" / "news"
    html = (folder / "report.html").read_text(encoding="utf-8")
    assert "Pledge tracker" in html and "Germany agrees to send air defence to Ukraine" in html
    assert "data:image/png;base64" in html
    assert len(PdfReader(folder / "report.pdf").pages) >= 2


def test_local_cluster_builds_tables_and_report(local_run):
    out, _, run = local_run
    assert "local Dask cluster, 2 workers; dashboard: http" in run.stdout + run.stderr
    assert "1 failed" in run.stderr
    check_corpus(out)
    check_report(out)
    # the datasets are Dask's too: read as the README says, in a process of their own
    read = subprocess.run([sys.executable, "-c", "from dossier.corpus.arrow import enable; enable(); "
                           "import sys, dask.dataframe as dd; print(len(dd.read_parquet(sys.argv[1]).compute()))",
                           str(out / "processed" / "_corpus" / "news" / "pledges")],
                          capture_output=True, text=True, timeout=120)
    assert read.returncode == 0, read.stderr
    assert int(read.stdout) == len(table(out, "pledges"))


def test_unchanged_rerun_extracts_nothing_and_a_changed_article_only_itself(local_run):
    out, corpus, _ = local_run
    parts = out / "processed" / "_corpus" / "news" / "articles"
    before = {p.name: p.stat().st_mtime_ns for p in parts.iterdir()}
    rerun = run_cli(corpus, out)
    assert rerun.returncode == 0, rerun.stderr
    assert "21 up to date, 0 to extract" in rerun.stderr and "Dask cluster" not in rerun.stderr + rerun.stdout
    assert {p.name: p.stat().st_mtime_ns for p in parts.iterdir()} == before
    # one article edited: only it is extracted again, and its old rows are gone
    edited = corpus / "20-baltic-exercise.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nNorway pledged two patrol boats for the drills.\n",
                      encoding="utf-8")
    rerun = run_cli(corpus, out, "--workers", "1", "--no-report")
    assert rerun.returncode == 0, rerun.stderr
    assert "20 up to date, 1 to extract" in rerun.stderr
    articles = table(out, "articles")
    assert len(articles) == 21 and (articles["article"] == "20-baltic-exercise").sum() == 1
    pledges = table(out, "pledges")
    baltic = pledges[pledges["article"] == "20-baltic-exercise"]
    assert baltic["evidence"].str.contains("patrol boats").any()
    assert not baltic.duplicated(["evidence", "category", "actor"]).any()
    check_corpus(out)


def test_scheduler_and_workers_started_separately(tmp_path, scheduler_address):
    corpus = corpus_copy(tmp_path)
    run = run_cli(corpus, tmp_path, "--scheduler", scheduler_address)
    assert run.returncode == 0, run.stderr
    assert "local Dask cluster" not in run.stdout + run.stderr
    check_corpus(tmp_path)
    check_report(tmp_path)


def test_corpus_rows_are_what_make_report_extracts(local_run):
    """The same extraction code: an article's corpus rows equal extract_tables on the file."""
    from dossier.extract import extract_tables
    from dossier.ingest.article import load_article
    from dossier.tables import COLUMNS

    out, corpus, _ = local_run
    slug = "01-germany-weighs-air-defence"
    tables = extract_tables(load_article(corpus / f"{slug}.txt"))
    for name in ("actors", "pledges", "statements", "precedents"):
        stored = table(out, name)
        stored = stored[stored["article"] == slug][COLUMNS[name]].reset_index(drop=True)
        expected = tables.__dict__[name][COLUMNS[name]].reset_index(drop=True)
        assert stored.astype(str).values.tolist() == expected.astype(str).values.tolist(), name


def test_unknown_scheduler_is_one_line(tmp_path):
    corpus = corpus_copy(tmp_path)
    run = run_cli(corpus, tmp_path, "--scheduler", f"tcp://127.0.0.1:{free_port()}", "--no-report")
    assert run.returncode == 1
    assert run.stderr.strip().splitlines()[-1].startswith("dossier: error: no Dask scheduler answers at")
    assert "Traceback" not in run.stderr


def test_ctrl_c_keeps_finished_batches_and_the_next_run_resumes(tmp_path):
    """A JSON Lines corpus interrupted after its first committed batch: exit 130, the finished
    batches stay, and the next run extracts only what was missing."""
    from dossier.corpus.bench import generate

    generated = tmp_path / "generated"
    generated.mkdir()
    generate(generated, 48)
    corpus = tmp_path / "news.jsonl"
    with corpus.open("w", encoding="utf-8") as out:
        for path in sorted(generated.glob("*.txt")):
            meta = json.loads(path.with_name(path.stem + ".meta.json").read_text())
            out.write(json.dumps({**meta, "id": path.stem, "text": path.read_text(encoding="utf-8")}) + "\n")
    env = {**os.environ, "DOSSIER_PROCESSED_DIR": str(tmp_path / "processed")}
    proc = subprocess.Popen([sys.executable, "-m", "dossier.corpus", "run", str(corpus), "--workers", "1",
                             "--no-report"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    parts = tmp_path / "processed" / "_corpus" / "news" / "articles"
    deadline = time.monotonic() + 180
    while not (parts.is_dir() and any(p.suffix == ".parquet" for p in parts.iterdir())):
        assert proc.poll() is None and time.monotonic() < deadline, "no batch was committed"
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130, stderr
    assert "interrupted" in stderr and "Traceback" not in stderr
    kept = table(tmp_path, "articles")
    assert 0 < len(kept) < 48, "the run finished before it could be interrupted"
    rerun = subprocess.run([sys.executable, "-m", "dossier.corpus", "run", str(corpus), "--workers", "1",
                            "--no-report"], env=env, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{len(kept)} up to date, {48 - len(kept)} to extract" in rerun.stderr
    articles = table(tmp_path, "articles")
    assert sorted(articles["article"]) == sorted(p.stem for p in generated.glob("*.txt"))
    assert (articles["status"] == "ok").all()
