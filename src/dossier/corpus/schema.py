"""Column types of the corpus datasets, derived from the table contract in `dossier.tables`.

Every partition of a dataset must have the same Arrow schema (an empty batch would otherwise
write null-typed columns that pandas, Dask and DuckDB refuse to combine), so each table's
schema is fixed here: the contract's columns, integers where the contract has offsets and
counts, strings everywhere else, and the three corpus columns (article, published, source) in front.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from dossier.schema import TABLES
from dossier.tables import COLUMNS

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

INTEGER_COLUMNS = {c.name for spec in TABLES.values() for c in spec.columns if c.dtype != "str"}
CORPUS_COLUMNS = ["article", "published", "source"]
EXTRACTED = list(COLUMNS)  # the per-article tables, in the contract's order

# Tables of the corpus itself (not of one article): their columns live here, in one place.
OWN_COLUMNS: dict[str, list[str]] = {
    "articles": ["article", "title", "published", "source", "path", "content_hash", "code_version",
                 "status", "error", "partition"],
    "errors": ["article", "path", "reason"],
}


def corpus_columns(name: str) -> dict[str, str]:
    """The three added columns of a table, named `article_<column>` where the contract already uses
    the name (precedents have their own `source`: knowledge base or pattern)."""
    return {c: f"article_{c}" if c in COLUMNS[name] else c for c in CORPUS_COLUMNS}


def columns(name: str) -> list[str]:
    return OWN_COLUMNS[name] if name in OWN_COLUMNS else [*corpus_columns(name).values(), *COLUMNS[name]]


@cache
def schema(name: str) -> pa.Schema:
    from dossier.corpus.arrow import arrow

    pa = arrow()

    return pa.schema([(c, pa.int64() if c in INTEGER_COLUMNS else pa.string()) for c in columns(name)])


def to_arrow(name: str, df: pd.DataFrame) -> pa.Table:
    """The frame in the table's fixed schema (missing values as nulls, everything else as text)."""
    import pandas as pd

    from dossier.corpus.arrow import arrow

    pa = arrow()
    arrays = []
    for field in schema(name):
        values = df[field.name] if field.name in df else pd.Series([None] * len(df), dtype=object)
        if pa.types.is_integer(field.type):
            arrays.append(pa.array(pd.to_numeric(values, errors="coerce").astype("Int64"), type=field.type,
                                   from_pandas=True))
        else:
            arrays.append(pa.array([None if v is None or (not isinstance(v, str) and pd.isna(v)) else str(v)
                                    for v in values], type=field.type))
    return pa.Table.from_arrays(arrays, schema=schema(name))
