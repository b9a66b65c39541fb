"""Building the corpus report: papermill runs `notebooks/corpus_report.ipynb`, then the article
report's own renderer (`dossier.report.render`) writes HTML and PDF into
`reports/_corpus/<name>/`. Skipped when neither the corpus tables nor the report code changed.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from dossier.corpus import store
from dossier.corpus.data import report_dir
from dossier.errors import DossierError

NOTEBOOK = "corpus_report.ipynb"


def _fingerprint(name: str) -> str:
    """What the report shows and how: the corpus tables, the notebook and the code that draws it."""
    from dossier.settings import current

    digest = hashlib.sha256()
    root = store.corpus_dir(name)
    here = Path(__file__).parent
    for path in sorted([*root.rglob("*.parquet"), current().notebooks_dir / NOTEBOOK, *here.glob("*.py"),
                        *here.parent.joinpath("report").rglob("*")]):
        if path.is_file() and "__pycache__" not in path.parts:  # compiled files come and go by themselves
            digest.update(str(path).encode() + path.read_bytes())
    return digest.hexdigest()


def build_report(name: str, force: bool = False) -> Path:
    """Execute the corpus notebook and render it; skipped when nothing it shows has changed."""
    import shutil
    import tempfile
    from datetime import UTC, datetime

    from dossier import __version__
    from dossier.io import write_text
    from dossier.report.render import render_report
    from dossier.settings import current

    out = report_dir(name)
    stamp = out / ".inputs"
    fingerprint = _fingerprint(name)
    if not force and (out / "report.pdf").exists() and stamp.exists() and stamp.read_text() == fingerprint:
        return out
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".corpus-report-", dir=out))
    try:
        executed = staging / NOTEBOOK
        _execute(current().notebooks_dir / NOTEBOOK, executed, {
            "name": name, "generated_at": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"), "version": __version__})
        render_report(executed, out, title=f"Dossier corpus report: {name}")
        os.replace(executed, out / NOTEBOOK)
        write_text(stamp, fingerprint)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return out


def _execute(notebook: Path, executed: Path, params: dict) -> None:
    import logging

    import papermill
    from papermill.exceptions import PapermillExecutionError

    for noisy in ("papermill", "traitlets", "nbclient"):
        logging.getLogger(noisy).setLevel(logging.CRITICAL)
    try:
        papermill.execute_notebook(str(notebook), str(executed), parameters=params, kernel_name="python3",
                                   progress_bar=False, log_output=False, cwd=str(notebook.parent),
                                   kernel_manager_class=_quiet_kernel_manager())
    except PapermillExecutionError as err:
        if err.ename == "DossierError":
            raise DossierError(err.evalue) from None
        raise DossierError(f"the corpus report notebook failed ({err.ename}: {err.evalue}).") from None


def _quiet_kernel_manager() -> type:
    """A kernel whose start-up notices stay off the console (as for the stage notebooks)."""
    import subprocess

    from jupyter_client.manager import AsyncKernelManager

    class QuietKernelManager(AsyncKernelManager):
        async def _async_launch_kernel(self, kernel_cmd: list[str], **kw) -> None:
            kw["stderr"] = subprocess.DEVNULL
            await super()._async_launch_kernel(kernel_cmd, **kw)

    return QuietKernelManager
