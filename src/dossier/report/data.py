"""Everything the report shows, read back from `data/processed/<slug>/`."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from dossier.errors import DossierError
from dossier.ingest.article import Article
from dossier.schema import TABLES
from dossier.tables import read_table

if TYPE_CHECKING:
    import pandas as pd

TABLE_NAMES = tuple(TABLES)  # every table of the contract
# A report stays readable (and its PDF small and quick) however large the article: beyond these,
# the report shows the top rows with a note at the top; the CSV files keep every row.
MAX_ACTORS = 100
MAX_ROWS = 300
MAX_CELL_CHARS = 600  # a "sentence" of 2,000 characters (a run of quotes) is cut in the report, not the CSV


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
    except (ValueError, TypeError, KeyError) as err:  # a damaged article.json
        raise DossierError(f"{folder / 'article.json'} is damaged ({type(err).__name__}): delete it and "
                           "run `make report` again.") from None
    return ReportData(article, _top_rows(article, tables, folder))


def _top_rows(article: Article, tables: dict[str, pd.DataFrame], folder: Path) -> dict[str, pd.DataFrame]:
    """The most-mentioned actors and the first rows of each table, with a note of what was left out."""
    import pandas as pd

    cut: list[str] = []
    actors = tables["actors"]
    if len(actors) > MAX_ACTORS:
        kept = actors.sort_values("mentions", ascending=False, kind="stable").head(MAX_ACTORS)
        tables["actors"] = kept
        names = set(kept["name"])
        tables["mentions"] = tables["mentions"][tables["mentions"]["actor"].isin(names)]
        tables["pledges"] = tables["pledges"][tables["pledges"]["actor"].isin(names)]  # one matrix row each
        cut.append(f"the {MAX_ACTORS} most-mentioned of {len(actors):,} actors (and their pledges)")
    for name in ("pledges", "statements", "quotes", "precedents", "timeline"):
        if len(tables[name]) > MAX_ROWS:
            cut.append(f"the first {MAX_ROWS} of {len(tables[name]):,} {name}")
            tables[name] = tables[name].head(MAX_ROWS)
    clipped: list[str] = []
    for name in ("actors", "pledges", "statements", "quotes", "precedents", "timeline"):
        df = tables[name]
        for column in df.columns:
            if not (pd.api.types.is_string_dtype(df[column]) and len(df)):
                continue
            long = df[column].astype(str).str.len() > MAX_CELL_CHARS
            if long.any():
                df = df.copy() if df is tables[name] else df
                df.loc[long, column] = df.loc[long, column].str.slice(0, MAX_CELL_CHARS - 1) + "…"
                clipped.append(name)
        tables[name] = df
    if clipped:
        cut.append(f"cells over {MAX_CELL_CHARS} characters (in {', '.join(dict.fromkeys(clipped))}) cut short")
    if cut:
        article.warnings.append(f"this article is very large: the report shows {', '.join(cut)}; "
                                f"every row is in the CSV files in {folder}.")
    return tables
