"""Reading and writing the tables with the types the schema gives them (src/dossier/schema.py)."""

from __future__ import annotations

from collections.abc import Mapping
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


def write_tables(tables: Mapping[str, pd.DataFrame], folder: str | Path) -> None:
    """Every table of a stage (or of the whole article) into `folder`, each written atomically."""
    for name, df in tables.items():
        write_table(df, Path(folder), name)


def read_table(folder: Path, name: str) -> pd.DataFrame:
    """A stored table with the schema's types. A hand-edited file with a missing column or a value
    that is not a number where one belongs stops with one line naming the file, the column and the
    row, not a traceback later."""
    import pandas as pd

    spec = TABLES[name]
    path = folder / spec.file
    try:
        df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except FileNotFoundError:
        raise
    except (ValueError, UnicodeDecodeError, pd.errors.ParserError) as err:
        raise DossierError(f"{path} cannot be read as a table ({str(err).splitlines()[0]}): "
                           "rerun the stage that writes it (or `make clean`).") from None
    missing = [c for c in spec.column_names if c not in df.columns]
    if missing:
        raise DossierError(f"{path} lacks the column{'s' if len(missing) > 1 else ''} {', '.join(missing)}: "
                           "restore it or rerun the stage that writes it (or `make clean`).")
    df = df[spec.column_names].copy()
    for column in spec.columns:
        if column.dtype == "str":
            continue
        values = df[column.name]
        bad = values[~values.str.fullmatch(r"-?\d{1,12}" if column.dtype == "int64" else r"(?:-?\d{1,12})?")]
        if len(bad):
            raise DossierError(f"{path}, column '{column.name}', row {int(bad.index[0]) + 2}: '{bad.iloc[0][:40]}' "
                               "is not a whole number; fix it or rerun the stage that writes it.")
        df[column.name] = values.replace("", None).astype(column.dtype) if column.dtype == "Int64" \
            else values.astype(column.dtype)
    return df
