"""Word lists that carry meaning for commitments and statements, read from `data/` on first use.

Each list is a file (see `data/README.md`); `from dossier.lexicon import COMMIT_VERBS` reads
`data/commit_verbs.csv` once per process. Plain lists load as sets (ordered ones as lists),
tables as dicts, the ranked category keywords as (category, keywords) pairs in rank order.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
ORDERED = {"kind_priority"}  # lists whose order means something


def _lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


@cache
def load(name: str) -> object:
    """The list called `name` (a file stem in data/)."""
    txt, table = DATA / f"{name}.txt", DATA / f"{name}.csv"
    if txt.exists():
        lines = _lines(txt)
        return list(lines) if name in ORDERED else set(lines)
    rows = list(csv.DictReader(_lines(table)))
    if name == "category_keywords":
        ranked: dict[int, tuple[str, list[str]]] = {}
        for row in rows:
            ranked.setdefault(int(row["rank"]), (row["category"], []))[1].append(row["keyword"])
        return [(category, tuple(words)) for _, (category, words) in sorted(ranked.items())]
    return {row["word"]: row["meaning"] for row in rows}


def __getattr__(attribute: str) -> object:
    name = attribute.lower()
    if attribute.isupper() and ((DATA / f"{name}.txt").exists() or (DATA / f"{name}.csv").exists()):
        return load(name)
    raise AttributeError(f"module 'dossier.lexicon' has no list {attribute!r}")
