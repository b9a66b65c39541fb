"""What the corpus report reads: the committed article list, the errors and the corpus tables."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from dossier.corpus import store
from dossier.corpus.tracking import DERIVED
from dossier.errors import DossierError

if TYPE_CHECKING:
    import pandas as pd


def report_dir(name: str) -> Path:
    from dossier.settings import current

    return current().reports_dir / "_corpus" / name


@dataclass
class CorpusData:
    name: str
    root: Path
    out_dir: Path  # where the report goes: links are relative to it
    articles: pd.DataFrame
    errors: pd.DataFrame
    tables: dict[str, pd.DataFrame]

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.tables[name]


def load_corpus(name: str) -> CorpusData:
    root = store.corpus_dir(name)
    if not (root / "articles").is_dir():
        raise DossierError(f"no corpus named '{name}' in {root.parent}: run make corpus CORPUS=... first.")
    tables = {t: store.read_derived(root, t) for t in DERIVED}
    return CorpusData(name, root, report_dir(name), store.read_table(root, "articles"),
                      store.read_table(root, "errors"), tables)
