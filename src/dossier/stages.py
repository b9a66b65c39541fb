"""Run one pipeline stage: execute its notebook with papermill, then promote its outputs.

The notebook runs in the kernel of a `KernelSession` when one is given (all stale stages of an
article share one kernel, see `dossier.session`), else in a kernel of its own.

A stage writes into a private staging folder; only when its notebook ran to the end are the
files renamed into `data/processed/<slug>/` (and the report into `reports/<slug>/`), so a
failed, timed-out or killed run never leaves half-written tables and never touches the
previous good ones.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from dossier.errors import DossierError
from dossier.io import move_into
from dossier.paths import STAGES, processed_dir, report_dir, resolve_article
from dossier.schema import stage_outputs
from dossier.settings import current as current_settings

if TYPE_CHECKING:
    from dossier.kernel import KernelSession

# What each stage writes into data/processed/<slug>/: from the table contract (dossier.schema).
OUTPUTS: dict[str, tuple[str, ...]] = {stage: stage_outputs(stage) for stage in STAGES}


def default_timeout() -> int:
    """Seconds a notebook cell may run: the setting stage_timeout (DOSSIER_STAGE_TIMEOUT, else 300)."""
    return current_settings().stage_timeout


def run_stage(stage: str, *, slug: str, article: str = "", timeout: int | None = None,
              parameters: dict | None = None, kernel: KernelSession | None = None) -> float:
    """Execute a stage notebook and promote what it wrote; returns the wall time in seconds."""
    if stage not in STAGES:
        raise DossierError(f"unknown stage '{stage}': use one of {', '.join(STAGES)}.")
    timeout = default_timeout() if timeout is None else timeout
    if timeout < 1:
        raise DossierError("the stage timeout must be at least 1 second.")
    started = time.perf_counter()
    final_data, final_report = processed_dir(slug), report_dir(slug)
    stage_dir = final_report / "stages"
    with _writable(final_data), _writable(final_report):
        final_data.mkdir(parents=True, exist_ok=True)
        stage_dir.mkdir(parents=True, exist_ok=True)
    with _stage_lock(final_data, stage, slug):
        with _writable(final_data):
            _remove_leftovers(final_data, final_report, stage)
            staging = Path(tempfile.mkdtemp(prefix=f".{stage}-", dir=final_data))
        try:
            _run_in(staging, stage, slug, article, timeout, parameters, final_data, final_report, kernel)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    elapsed = time.perf_counter() - started
    _record_timing(final_report, stage, elapsed)
    return elapsed


def _run_in(staging: Path, stage: str, slug: str, article: str, timeout: int, parameters: dict | None,
            final_data: Path, final_report: Path, kernel: KernelSession | None) -> None:
    """Run the notebook into `staging`, then promote its outputs (same filesystem: atomic renames)."""
    executed = staging / f"{stage}.ipynb"
    params = {"slug": slug, "article_path": str(resolve_article(article).absolute()) if article else "",
              "processed_dir": str(final_data),
              "output_dir": str(staging), **(parameters or {})}
    if stage == "05_report":
        from datetime import UTC, datetime

        from dossier import __version__

        params.update(generated_at=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"), version=__version__)
    _execute(stage, executed, params, timeout, kernel)
    for name in OUTPUTS[stage]:
        if not (staging / name).exists():
            raise DossierError(f"stage {stage} finished without writing {name}: check its notebook.")
    with _writable(final_data):
        for name in OUTPUTS[stage]:
            os.replace(staging / name, final_data / name)  # the staging folder is inside final_data
    if stage == "05_report":
        from dossier.report.render import render_report

        with time_limit(timeout, "rendering the report (HTML and PDF)"):
            render_report(executed, final_report, title=_article_title(final_data))
    if stage == "01_ingest":
        _warn(final_data)
    with _writable(final_report):
        move_into(executed, final_report / "stages" / f"{stage}.ipynb")
        (final_report / "stages" / f"{stage}.failed.ipynb").unlink(missing_ok=True)


@contextlib.contextmanager
def _writable(folder: Path) -> Iterator[None]:
    """An OSError while creating or filling an output folder becomes one line naming the folder."""
    try:
        yield
    except OSError as err:
        raise DossierError(f"cannot write to {folder} ({err.strerror or err}): make the folder writable "
                           "or point DOSSIER_PROCESSED_DIR / DOSSIER_REPORTS_DIR elsewhere.") from None


@contextlib.contextmanager
def _stage_lock(folder: Path, stage: str, slug: str) -> Iterator[None]:
    """One run of a stage per article at a time: a second run waits instead of deleting the first
    run's live staging folder as a leftover."""
    import fcntl

    with _writable(folder):
        fd = os.open(folder / f".{stage}.lock", os.O_RDWR | os.O_CREAT, 0o666)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"dossier: {slug}: another run is in stage {stage}; waiting for it to finish.", file=sys.stderr)
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


class _Expired(BaseException):
    """Not an Exception: library code that catches Exception (WeasyPrint does) cannot swallow it."""


@contextlib.contextmanager
def time_limit(seconds: int, what: str) -> Iterator[None]:
    """Stop `what` after `seconds` with one clear line (main thread only; elsewhere no limit)."""
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(_signum: int, _frame: object) -> None:
        raise _Expired

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    except _Expired:
        raise DossierError(f"{what} took longer than {seconds} s and was stopped; the previous report, "
                           "if any, is unchanged (set DOSSIER_STAGE_TIMEOUT to allow more).") from None
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _execute(stage: str, executed: Path, params: dict, timeout: int, kernel: KernelSession | None) -> None:
    import logging

    from papermill.exceptions import PapermillExecutionError

    from dossier.kernel import KernelSession

    for noisy in ("papermill", "traitlets", "nbclient", "asyncio"):  # our one-line error says it all
        logging.getLogger(noisy).setLevel(logging.CRITICAL)

    notebooks = current_settings().notebooks_dir
    notebook = notebooks / f"{stage}.ipynb"
    own_kernel = kernel is None
    kernel = KernelSession(notebooks) if kernel is None else kernel
    try:
        kernel.execute(notebook, executed, params, timeout)
    except PapermillExecutionError as err:
        kept = _keep_failed(executed, params["slug"], stage)
        if err.ename == "DossierError":
            raise DossierError(err.evalue) from None
        raise DossierError(
            f"stage {stage} failed in cell {_failed_cell(kept) or err.exec_count} of notebooks/{stage}.ipynb "
            f"({err.ename}: {err.evalue}); "
            f"the executed notebook is kept at {kept}."
        ) from None
    except Exception as err:  # a timeout or a dead kernel surfaces as another exception type
        kept = _keep_failed(executed, params["slug"], stage)
        timed_out = "timeout" in type(err).__name__.lower() or "timed out" in str(err)
        detail = f"{type(err).__name__}: {str(err).splitlines()[0] if str(err) else ''}"
        hint = f"; limit {timeout} s per cell, set DOSSIER_STAGE_TIMEOUT to change it" if timed_out else ""
        if "DeadKernel" in type(err).__name__:
            hint = "; the kernel died, most often from running out of memory"
        raise DossierError(
            f"stage {stage} {'timed out' if timed_out else 'failed'} ({detail}{hint}); "
            f"the executed notebook is kept at {kept}."
        ) from None
    finally:
        if own_kernel:
            kernel.close()


def _remove_leftovers(data: Path, report: Path, stage: str) -> None:
    """Staging folders and temporary files of a run that was killed (SIGKILL skips all cleanup)."""
    for leftover in data.glob(f".{stage}-*"):
        shutil.rmtree(leftover, ignore_errors=True)
    if stage == "05_report":
        for leftover in report.glob(".report.*.tmp"):
            leftover.unlink(missing_ok=True)


def _article_json(folder: Path) -> dict:
    try:
        return json.loads((folder / "article.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _article_title(folder: Path) -> str:
    return _article_json(folder).get("title", "") or "Dossier report"


def _warn(folder: Path) -> None:
    """Warnings about the input (not English, say) belong on the console too, not only in the report."""
    import sys

    for warning in _article_json(folder).get("warnings", []):
        print(f"dossier: warning: {warning}", file=sys.stderr)


def _failed_cell(executed: Path) -> int | None:
    """1-based position of the failing cell in the committed notebook (injected cells not counted)."""
    try:
        cells = json.loads(executed.read_text(encoding="utf-8"))["cells"]
    except (OSError, ValueError, KeyError):
        return None
    position = 0
    for cell in cells:
        tags = cell.get("metadata", {}).get("tags", [])
        if "injected-parameters" in tags or "papermill-error-cell-tag" in tags:
            continue
        position += 1
        if any(o.get("output_type") == "error" for o in cell.get("outputs", [])):
            return position
    return None


def _keep_failed(executed: Path, slug: str, stage: str) -> Path:
    kept = report_dir(slug) / "stages" / f"{stage}.failed.ipynb"
    if executed.exists():
        move_into(executed, kept)
    else:  # the kernel died before anything was saved: keep the notebook that was to run
        shutil.copyfile(current_settings().notebooks_dir / f"{stage}.ipynb", kept)
    return kept


def _record_timing(folder: Path, stage: str, seconds: float) -> None:
    """One file per stage: stages 3 and 4 run at the same time and must not share a file."""
    from dossier.io import write_text

    write_text(folder / "stages" / f"{stage}.seconds", f"{seconds:.3f}\n")


def stage_timings(folder: Path) -> dict[str, float]:
    return {p.stem: float(p.read_text()) for p in sorted((folder / "stages").glob("*.seconds"))}
