"""Settings are read in one place, from the environment, on first use and never at import."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from dossier.errors import DossierError
from dossier.paths import ROOT
from dossier.settings import Settings


def test_environment_variables_override_the_defaults():
    settings = Settings.from_env({"DOSSIER_PROCESSED_DIR": "/tmp/p", "DOSSIER_STAGE_TIMEOUT": "42"})
    assert settings.processed_dir == Path("/tmp/p") and settings.stage_timeout == 42
    assert settings.raw_dir == ROOT / "data" / "raw" and settings.max_article_chars == 300_000


def test_a_bad_timeout_stops_only_what_uses_it():
    settings = Settings.from_env({"DOSSIER_STAGE_TIMEOUT": "soon"})
    assert settings.notebooks_dir == ROOT / "notebooks"
    with pytest.raises(DossierError, match="DOSSIER_STAGE_TIMEOUT must be a whole number of seconds, not 'soon'"):
        _ = settings.stage_timeout


def test_importing_every_module_reads_no_setting():
    code = """
import importlib, pkgutil, dossier
for m in pkgutil.walk_packages(dossier.__path__, "dossier."):
    if not m.name.endswith("__main__"):
        importlib.import_module(m.name)
from dossier import settings
print(settings._current)
"""
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "None"


def test_the_old_path_names_follow_the_settings():
    code = "from dossier.paths import DATA_RAW, MAX_BYTES; print(DATA_RAW, MAX_BYTES)"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"DOSSIER_RAW_DIR": "/tmp/elsewhere", "PATH": "/usr/bin:/bin"})
    assert run.stdout.split() == ["/tmp/elsewhere", "20000000"]
