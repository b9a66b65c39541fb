"""`make bench`: the speed targets of the founding report, each beside a baseline measured in
the same run: the same pipeline (Make, session, kernel, promotion, HTML and PDF rendering) with
empty stage notebooks, which write empty outputs and display nothing.

Every figure is the median of DOSSIER_BENCH_RUNS runs (default 5). Builds into a temporary
folder, so the user's own outputs are neither used nor disturbed.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from dossier.paths import ROOT, STAGES
from dossier.settings import current as current_settings
from dossier.stages import stage_timings

FOUNDING_NAME = "putin-warns-foreign-troops.txt"
EVAL_ARTICLES = ROOT / "eval" / "articles"


def founding_article() -> Path:
    return current_settings().raw_dir / FOUNDING_NAME


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _make(work: Path, notebooks: Path, *extra: str) -> tuple[float, float]:
    """Wall time and CPU time (every process of the run) of one `make report`."""
    started, cpu = time.perf_counter(), _children_cpu()
    run = subprocess.run(["make", "--no-print-directory", "report", f"ARTICLE={founding_article()}", f"NB={notebooks}",
                          f"PROCESSED_DIR={work}/processed", f"REPORTS_DIR={work}/reports", *extra],
                         cwd=ROOT, capture_output=True, text=True, env=_as_typed_by_a_user())
    if run.returncode:
        raise SystemExit(run.stdout + run.stderr)
    return time.perf_counter() - started, _children_cpu() - cpu


def _as_typed_by_a_user() -> dict[str, str]:
    """`make bench` runs inside Make: without its variables the inner `make report` runs as a
    user's would (top level, its own two jobs)."""
    return {k: v for k, v in os.environ.items() if k not in ("MAKELEVEL", "MAKEFLAGS", "MFLAGS")}


def _empty_notebooks(folder: Path) -> Path:
    """Each stage notebook reduced to its parameters cell and one cell touching its outputs."""
    from dossier.stages import OUTPUTS

    folder.mkdir(parents=True)
    for stage in STAGES:
        nb = json.loads((current_settings().notebooks_dir / f"{stage}.ipynb").read_text(encoding="utf-8"))
        params = next(c for c in nb["cells"] if "parameters" in c.get("metadata", {}).get("tags", []))
        touch = {"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [],
                 "source": f"for name in {OUTPUTS[stage]!r}:\n    open(f'{{output_dir}}/{{name}}', 'w').close()"}
        nb["cells"] = [params, touch]
        (folder / f"{stage}.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    return folder


def _pipeline_runs(notebooks: Path, work: Path) -> dict[str, tuple[float, float]]:
    """Whole report from nothing, then only the report stage (its notebook touched), then unchanged."""
    whole = _make(work, notebooks)
    os.utime(notebooks / "05_report.ipynb")
    report_only = _make(work, notebooks)
    unchanged = _make(work, notebooks)
    return {"whole": whole, "report_only": report_only, "unchanged": unchanged}


def _extraction_seconds(chars: int) -> dict[str, float]:
    """Parse, then rule extraction (stages 2 to 4), of an article of `chars` characters, in a
    fresh process; the text is our own dev articles repeated."""
    code = f"""
import json, time
from pathlib import Path
from dossier.ingest.article import Article, load_article
from dossier.extract import actor_index, actor_tables, commitment_tables, precedent_tables
from dossier.nlp import parse
texts = [load_article(p).text for p in sorted(Path({str(EVAL_ARTICLES)!r}).glob("*.txt"))]
text = ""
while len(text) < {chars}:
    text += "\\n\\n".join(texts) + "\\n\\n"
text = text[:{chars}].rsplit("\\n\\n", 1)[0] + "\\n"
started = time.perf_counter()
parsed = parse(Article.from_text(text, slug="long", published="2025-03-14"))
parsed_at = time.perf_counter()
actors, mentions = actor_tables(parsed)
index = actor_index(actors, mentions)
commitment_tables(parsed, index)
precedent_tables(parsed, index)
print(json.dumps({{"chars": len(text), "parse": parsed_at - started, "rules": time.perf_counter() - parsed_at}}))
"""
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    if run.returncode:
        raise SystemExit(run.stderr)
    return json.loads(run.stdout.strip().splitlines()[-1])


def bench() -> None:
    runs = current_settings().bench_runs
    founding = founding_article()
    real: list[dict[str, tuple[float, float]]] = []
    empty: list[dict[str, tuple[float, float]]] = []
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="dossier-bench-") as tmp:
        base = Path(tmp)
        notebooks = base / "notebooks"
        subprocess.run(["cp", "-r", str(current_settings().notebooks_dir), str(notebooks)], check=True)
        empty_notebooks = _empty_notebooks(base / "empty-notebooks")
        stages: list[dict[str, float]] = []
        for run in range(runs):  # alternate, so a busy moment of the machine hits both alike
            real.append(_pipeline_runs(notebooks, base / f"real-{run}"))
            stages.append(stage_timings(base / f"real-{run}" / "reports" / founding.stem))
            empty.append(_pipeline_runs(empty_notebooks, base / f"empty-{run}"))
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    extraction = {chars: [_extraction_seconds(chars) for _ in range(max(1, runs // 2))]
                  for chars in (100_000, 250_000)}

    load_after = os.getloadavg()[0]

    def median(rows: list[dict[str, tuple[float, float]]], key: str, which: int) -> float:
        return statistics.median(r[key][which] for r in rows)

    print(f"Dossier bench: the founding article ({founding.name}), median of {runs} runs; "
          "baseline: the same pipeline with empty stage notebooks, measured in the same run")
    print(f"  (load average {load_before:.1f} before, {load_after:.1f} after, on {os.cpu_count()} cores: "
          "wall times grow with the load, CPU times much less)")
    print(f"  {'':<30} {'pipeline':>9} {'empty nb':>9} {'ratio':>6}   {'CPU (all processes)':<22} target")
    targets = {"whole": ("whole report", "at most 8 s and 1.3x the empty pipeline"),
               "report_only": ("only the report stage rerun", "at most 4 s"),
               "unchanged": ("unchanged rerun", "at most 0.5 s")}
    for key, (label, target) in targets.items():
        ours, baseline = median(real, key, 0), median(empty, key, 0)
        cpu, cpu_baseline = median(real, key, 1), median(empty, key, 1)
        print(f"  {label:<30} {ours:7.2f} s {baseline:7.2f} s {ours / baseline:5.2f}x   "
              f"{f'{cpu:.2f} s vs {cpu_baseline:.2f} s':<22} {target}")
    print("  each stage in the article's one kernel (median; the last rerun's report stage included):",
          ", ".join(f"{stage} {statistics.median(r[stage] for r in stages):.2f} s" for stage in STAGES))
    rules = {chars: statistics.median(r["rules"] for r in rows) for chars, rows in extraction.items()}
    parses = {chars: statistics.median(r["parse"] for r in rows) for chars, rows in extraction.items()}
    for chars in rules:
        print(f"  {f'extraction, {chars:,} chars':<30} {rules[chars]:7.2f} s {'':>9} {'':>6}   "
              f"{'at most 5 s' if chars == 250_000 else ''} (rules on the stored parse; "
              f"the spaCy parse itself: {parses[chars]:.1f} s)")
    print(f"  {'growth 100k -> 250k chars':<30} {rules[250_000] / rules[100_000]:7.2f}x {'':>9} {'':>6}   "
          "linear: about 2.5x")
    print(f"  {'peak memory (any process)':<30} {peak_mib:5.0f} MiB {'':>9} {'':>6}   under 300 MiB")
