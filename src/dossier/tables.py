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


def read_table(folder: Path, name: str) -> pd.DataFrame:
    import pandas as pd

    df = pd.read_csv(folder / f"{name}.csv", dtype=str, keep_default_na=False, encoding="utf-8")
    for column in ("start", "end", "sentence_id", "mentions", "block"):
        if column in df:
            df[column] = df[column].astype(int)
    return df

