"""Reading and writing the tables with the types the schema gives them (src/dossier/schema.py)."""

from __future__ import annotations

from dataclasses import asdict, is_dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from dossier.errors import DossierError
from dossier.io import atomic_write
from dossier.schema import TABLES

if TYPE_CHECKING:
    import pandas as pd

COLUMNS: dict[str, list[str]] = {name: spec.column_names for name, spec in TABLES.items()}


def frame(name: str, rows: list) -> pd.DataFrame:
    """A DataFrame with the contract's columns and types, from row objects or dicts.

    A row with a field the table does not have, or without one it has, or a value outside a fixed
    vocabulary, is a bug in its extractor: it raises instead of being dropped silently.
    """
    import pandas as pd

    spec = TABLES[name]
    records = [asdict(r) if is_dataclass(r) else dict(r) for r in rows]
    expected = set(spec.column_names)
    for record in records:
        if set(record) != expected:
            raise ValueError(f"{name} row has fields {sorted(set(record) - expected)} the schema lacks and "
                             f"lacks {sorted(expected - set(record))}")
    df = pd.DataFrame.from_records(records, columns=spec.column_names)
    for column in spec.columns:
        if column.vocabulary is not None and len(df):
            unknown = set(df[column.name].astype(str)) - {str(v) for v in column.vocabulary}
            if unknown:
                raise ValueError(f"{name}.{column.name} has values outside its vocabulary: {sorted(unknown)}")
    return _typed(df, name)


def _typed(df: pd.DataFrame, name: str) -> pd.DataFrame:
    for column in TABLES[name].columns:
        if column.dtype == "str":
            df[column.name] = df[column.name].astype(object).where(df[column.name].notna(), "").astype(str)
        else:
            df[column.name] = df[column.name].astype(column.dtype)
    return df


def write_table(df: pd.DataFrame, folder: Path, name: str) -> Path:
    path = folder / TABLES[name].file
    atomic_write(path, lambda tmp: df.to_csv(tmp, index=False, encoding="utf-8"))
    return path


def read_table(folder: Path, name: str) -> pd.DataFrame:
    """A stored table with the schema's types; a hand-edited file with a column missing or a value
    that is not a number where one belongs stops with one line naming the file and the column."""
    import pandas as pd

    path = folder / TABLES[name].file
    df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    missing = [c for c in TABLES[name].column_names if c not in df.columns]
    if missing:
        raise DossierError(f"{path} lacks the column(s) {', '.join(missing)}: "
                           "rebuild it (make clean, then make report).")
    df = df[TABLES[name].column_names].copy()
    for column in TABLES[name].columns:
        if column.dtype == "Int64":
            df[column.name] = df[column.name].replace("", None)
        try:
            df[column.name] = df[column.name].astype(column.dtype)
        except (TypeError, ValueError):
            raise DossierError(f"{path}: column '{column.name}' holds a value that is not a whole number: "
                               "rebuild it (make clean, then make report).") from None
    return df
