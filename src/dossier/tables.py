"""The table contract: column order of every output table, and reading and writing them."""

from __future__ import annotations

from dataclasses import asdict, is_dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from dossier.io import atomic_write

if TYPE_CHECKING:
    import pandas as pd

COLUMNS: dict[str, list[str]] = {
    "sentences": ["sentence_id", "block", "kind", "start", "end", "text"],
    "actors": ["name", "type", "role", "country", "affiliation", "mentions", "aliases", "evidence", "start", "end"],
    "mentions": ["actor", "text", "kind", "start", "end", "sentence_id", "evidence"],
    "pledges": ["actor", "category", "status", "quantity", "deadline", "trigger", "evidence",
                "sentence_id", "start", "end"],
    "statements": ["speaker", "kind", "target", "verb", "evidence", "sentence_id", "start", "end"],
    "quotes": ["quote", "speaker", "how", "evidence", "sentence_id", "start", "end"],
    "precedents": ["name", "canonical", "year", "kind", "invoked_as", "source", "evidence",
                   "sentence_id", "start", "end"],
    "timeline": ["date", "precision", "expression", "relation", "actor", "evidence",
                 "sentence_id", "start", "end"],
}


def frame(name: str, rows: list) -> pd.DataFrame:
    """A DataFrame with the contract's columns, from dataclass rows or dicts."""
    import pandas as pd

    records = [asdict(r) if is_dataclass(r) else dict(r) for r in rows]
    df = pd.DataFrame.from_records(records, columns=COLUMNS[name])
    if name == "precedents" and len(df):
        df["year"] = df["year"].astype("Int64")
    return df


def write_table(df: pd.DataFrame, folder: Path, name: str) -> Path:
    path = folder / f"{name}.csv"
    atomic_write(path, lambda tmp: df.to_csv(tmp, index=False, encoding="utf-8"))
    return path


INTEGER_COLUMNS = ("start", "end", "sentence_id", "mentions", "block")


def read_table(folder: Path, name: str) -> pd.DataFrame:
    """A stored table, checked against the contract: a hand-edited file with a missing column or
    a bad value stops with one line naming the file and the column, not a traceback later."""
    import pandas as pd

    from dossier.errors import DossierError

    path = folder / f"{name}.csv"
    try:
        df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except FileNotFoundError:
        raise
    except (ValueError, UnicodeDecodeError, pd.errors.ParserError) as err:
        raise DossierError(f"{path} cannot be read as a table ({str(err).splitlines()[0]}): "
                           "rerun the stage that writes it (or `make clean`).") from None
    missing = [c for c in COLUMNS.get(name, []) if c not in df.columns]
    if missing:
        raise DossierError(f"{path} lacks the column{'s' if len(missing) > 1 else ''} {', '.join(missing)}: "
                           "restore it or rerun the stage that writes it (or `make clean`).")
    for column in INTEGER_COLUMNS:
        if column in df:
            bad = df[column][~df[column].str.fullmatch(r"-?\d{1,12}")]
            if len(bad):
                raise DossierError(f"{path}, column '{column}', row {int(bad.index[0]) + 2}: '{bad.iloc[0][:40]}' "
                                   "is not a whole number; fix it or rerun the stage that writes it.")
            df[column] = df[column].astype(int)
    return df

