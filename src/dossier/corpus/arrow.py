"""pyarrow for corpus mode only.

pandas 3 imports pyarrow whenever it can, and then backs every string column with it: on the
single-article path (a kernel per stage) that made `make report` measurably slower and 35 MiB
larger. So pyarrow is installed apart, in `.venv/corpus-site/` (`make corpus` and `make test`
install it), and only corpus mode puts that folder on the path, when it first needs Parquet.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType

from dossier.errors import DossierError

CORPUS_SITE = Path(sys.prefix) / "corpus-site"


def enable() -> None:
    """Make pyarrow importable in this process (pandas' and Dask's Parquet readers then work too)."""
    if CORPUS_SITE.is_dir() and str(CORPUS_SITE) not in sys.path:
        sys.path.append(str(CORPUS_SITE))


def arrow() -> ModuleType:
    enable()
    try:
        import pyarrow
    except ImportError:
        raise DossierError(f"pyarrow is not installed (expected in {CORPUS_SITE}): run `make corpus`, "
                           "which installs it there.") from None
    return pyarrow


def parquet() -> ModuleType:
    arrow()
    import pyarrow.parquet

    return pyarrow.parquet
