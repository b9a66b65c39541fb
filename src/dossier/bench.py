"""`make bench`: wall time of each stage and of the whole report of the founding article, then
of an unchanged rerun, and the peak resident memory of any process involved."""

from __future__ import annotations

import resource
import shutil
import subprocess
import time

from dossier.paths import DATA_RAW, ROOT, processed_dir, report_dir
from dossier.stages import stage_timings

FOUNDING = DATA_RAW / "putin-warns-foreign-troops.txt"


def _make_report() -> tuple[float, str]:
    started = time.perf_counter()
    run = subprocess.run(["make", "--no-print-directory", "report", f"ARTICLE={FOUNDING}"], cwd=ROOT,
                         capture_output=True, text=True)
    if run.returncode:
        raise SystemExit(run.stdout + run.stderr)
    return time.perf_counter() - started, run.stdout


def bench() -> None:
    slug = FOUNDING.stem
    shutil.rmtree(processed_dir(slug), ignore_errors=True)
    shutil.rmtree(report_dir(slug), ignore_errors=True)
    whole, _ = _make_report()
    timings = stage_timings(report_dir(slug))
    rerun, _ = _make_report()
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"Dossier bench on {FOUNDING.name} (stages 3 and 4 run side by side)")
    for stage, seconds in timings.items():
        print(f"  {stage:<16} {seconds:6.1f} s")
    print(f"  {'whole report':<16} {whole:6.1f} s   (target: at most 20 s)")
    print(f"  {'unchanged rerun':<16} {rerun:6.1f} s   (target: at most 2 s)")
    print(f"  {'peak memory':<16} {peak_mib:6.0f} MiB (largest single process; target: under 1024 MiB)")
