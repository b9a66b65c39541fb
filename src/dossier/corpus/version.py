"""The code version an extracted row depends on: the extraction code, its data and the model.

An article is extracted again when this changes, even if its content did not; edits to the
report or to the corpus report's own modules leave the extracted tables valid.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]
# Not part of what a row contains: rendering, the command line, benchmarks and evaluation.
IGNORED = ("report/", "corpus/report.py", "corpus/figures.py", "corpus/links.py", "corpus/data.py",
           "corpus/build.py", "corpus/arrow.py", "corpus/bench.py", "corpus/cluster.py", "corpus/run.py",
           "corpus/__main__.py", "corpus/identity.py", "corpus/tracking.py", "cli.py", "bench.py",
           "evaluate.py", "stages.py", "__main__.py")


@cache
def code_version() -> str:
    from importlib import metadata

    from dossier.settings import current

    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        relative = path.relative_to(PACKAGE).as_posix()
        if not path.is_file() or path.suffix not in (".py", ".csv", ".txt") or relative.startswith(IGNORED):
            continue
        digest.update(relative.encode() + b"\0" + path.read_bytes() + b"\0")
    for name in current().model_packages:
        try:
            digest.update(f"{name}=={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            continue
    return digest.hexdigest()[:16]
