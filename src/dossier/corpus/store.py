"""The corpus on disk: one Parquet dataset (a folder of `part-<batch>.parquet` files) per table.

A batch's files are each written to a temporary name and renamed; its `articles` file is
written last and is the batch's commit mark. A run interrupted mid-batch leaves files of no
committed batch behind, which the next run deletes, so readers only ever see whole batches.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from dossier.corpus.schema import EXTRACTED, columns, to_arrow

if TYPE_CHECKING:
    import pandas as pd

BATCH_TABLES = [*EXTRACTED, "errors", "articles"]  # "articles" last: the commit mark


def corpus_dir(name: str) -> Path:
    from dossier.settings import current

    return current().processed_dir / "_corpus" / name


def write_part(root: Path, table: str, part: str, df: pd.DataFrame) -> None:
    from dossier.corpus.arrow import parquet
    from dossier.io import atomic_write

    pq = parquet()
    folder = root / table
    folder.mkdir(parents=True, exist_ok=True)
    arrow = to_arrow(table, df)
    atomic_write(folder / f"{part}.parquet", lambda tmp: pq.write_table(arrow, str(tmp)))


def read_table(root: Path, table: str) -> pd.DataFrame:
    """Every committed partition of a table (an empty frame with its columns when there is none)."""
    import pandas as pd

    from dossier.corpus.arrow import arrow, parquet
    from dossier.corpus.schema import schema

    pa, pq = arrow(), parquet()
    parts = sorted((root / table).glob("part-*.parquet"))
    if not parts:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in columns(table)})
    arrow = pa.concat_tables([pq.read_table(p, schema=schema(table)) for p in parts])
    return arrow.to_pandas()


def committed_parts(root: Path) -> set[str]:
    return {p.stem for p in (root / "articles").glob("part-*.parquet")}


def remove_uncommitted(root: Path) -> int:
    """Files of batches that never wrote their `articles` part (an interrupted run), and temp files."""
    committed = committed_parts(root)
    removed = 0
    for table in BATCH_TABLES:
        folder = root / table
        if not folder.is_dir():
            continue
        for path in folder.iterdir():
            stale_tmp = path.name.startswith(".") and path.name.endswith(".tmp")
            if stale_tmp or (path.suffix == ".parquet" and path.stem not in committed):
                path.unlink(missing_ok=True)
                removed += 1
    return removed


def drop_articles(root: Path, articles: pd.DataFrame, slugs: set[str]) -> None:
    """Remove the rows of changed or deleted articles from their batches, without re-extracting
    the other articles of those batches: each affected partition is rewritten without them."""
    if not slugs:
        return
    from dossier.corpus.arrow import parquet
    from dossier.io import atomic_write

    pq = parquet()
    for part in sorted(set(articles.loc[articles["article"].isin(slugs), "partition"])):
        keep_articles = articles[(articles["partition"] == part) & ~articles["article"].isin(slugs)]
        # rewrite the data tables first, the commit mark last, as in a fresh batch
        for table in BATCH_TABLES:
            path = root / table / f"{part}.parquet"
            if not path.exists():
                continue
            if keep_articles.empty:
                if table != "articles":
                    path.unlink()
                continue
            df = pq.read_table(path).to_pandas()
            df = df[~df["article"].isin(slugs)]
            atomic_write(path, lambda tmp, df=df, table=table: pq.write_table(to_arrow(table, df), str(tmp)))
        if keep_articles.empty:
            os.unlink(root / "articles" / f"{part}.parquet")


def write_derived(root: Path, table: str, df: pd.DataFrame) -> None:
    """A corpus-level table (identity, tracking): one file, replaced whole on every run."""
    from dossier.corpus.arrow import arrow, parquet
    from dossier.io import atomic_write

    pa, pq = arrow(), parquet()
    folder = root / table
    folder.mkdir(parents=True, exist_ok=True)
    arrow = pa.Table.from_pandas(df.reset_index(drop=True), preserve_index=False)
    atomic_write(folder / "part-0.parquet", lambda tmp: pq.write_table(arrow, str(tmp)))


def read_derived(root: Path, table: str) -> pd.DataFrame:
    import pandas as pd

    from dossier.corpus.arrow import parquet

    path = root / table / "part-0.parquet"
    return parquet().read_table(path).to_pandas() if path.exists() else pd.DataFrame()
