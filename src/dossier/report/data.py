"""Everything the report shows, read back from `data/processed/<slug>/`."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from dossier.errors import DossierError
from dossier.ingest.article import Article
from dossier.tables import read_table

if TYPE_CHECKING:
    import pandas as pd

TABLE_NAMES = ("actors", "mentions", "pledges", "statements", "quotes", "precedents", "timeline", "sentences")


@dataclass
class ReportData:
    article: Article
    tables: dict[str, pd.DataFrame]

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.tables[name]


def load_report_data(processed_dir: str | Path) -> ReportData:
    folder = Path(processed_dir)
    try:
        article = Article.from_json(json.loads((folder / "article.json").read_text(encoding="utf-8")))
        tables = {name: read_table(folder, name) for name in TABLE_NAMES}
    except FileNotFoundError as err:
        raise DossierError(f"{err.filename} is missing: run `make tables` for this article first.") from None
    return ReportData(article, tables)
