"""`make bench`: wall time of each stage and of the whole report of the founding article, then
of an unchanged rerun, and the peak resident memory of any process involved.

Builds into a temporary folder, so the user's own outputs are neither used nor disturbed.
"""

from __future__ import annotations

import resource
import subprocess
import tempfile
import time
from pathlib import Path

from dossier.paths import DATA_RAW, ROOT
from dossier.stages import stage_timings

FOUNDING = DATA_RAW / "putin-warns-foreign-troops.txt"


def _make_report(work: Path) -> float:
    started = time.perf_counter()
    run = subprocess.run(["make", "--no-print-directory", "report", f"ARTICLE={FOUNDING}",
                          f"PROCESSED_DIR={work}/processed", f"REPORTS_DIR={work}/reports"],
                         cwd=ROOT, capture_output=True, text=True)
    if run.returncode:
        raise SystemExit(run.stdout + run.stderr)
    return time.perf_counter() - started


def bench() -> None:
    with tempfile.TemporaryDirectory(prefix="dossier-bench-") as tmp:
        work = Path(tmp)
        whole = _make_report(work)
        timings = stage_timings(work / "reports" / FOUNDING.stem)
        rerun = _make_report(work)
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"Dossier bench on {FOUNDING.name} (stages 3 and 4 run side by side)")
    for stage, seconds in timings.items():
        print(f"  {stage:<16} {seconds:6.1f} s")
    print(f"  {'whole report':<16} {whole:6.1f} s   (target: at most 20 s)")
    print(f"  {'unchanged rerun':<16} {rerun:6.1f} s   (target: at most 2 s)")
    print(f"  {'peak memory':<16} {peak_mib:6.0f} MiB (largest single process; target: under 1024 MiB)")
