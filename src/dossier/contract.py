"""What any extraction engine must deliver, checked on its output: every table in the schema with
its columns and vocabularies, and every row grounded in the cleaned text (its offsets select its
evidence or its span). `tests/test_contract.py` checks every engine registered in
`dossier.engine.ENGINES` on every article with a gold file; a second engine (a language model
behind an API, say) is held to the same contract before its rows reach a report."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dossier.schema import TABLES
from dossier.tables import frame

if TYPE_CHECKING:
    from dossier.extract import Tables

# How a row's offsets relate to the text: the evidence sentence, or the span itself.
SPANS = {"pledges": "evidence", "statements": "evidence", "quotes": "quote", "mentions": "text",
         "timeline": "expression", "sentences": "text"}


def problems(tables: Tables, text: str) -> list[str]:
    """Every way the tables break the contract, one line each (empty when they keep it)."""
    found = []
    for name, spec in TABLES.items():
        df = getattr(tables, name)
        if list(df.columns) != spec.column_names:
            found.append(f"{name}: columns {list(df.columns)} are not the schema's {spec.column_names}")
            continue
        try:
            frame(name, df.to_dict("records"))
        except ValueError as err:
            found.append(f"{name}: {err}")
        for row in df.itertuples():
            selected = text[row.start:row.end]
            if name in SPANS and selected != getattr(row, SPANS[name]):
                found.append(f"{name} row {row.Index}: offsets select {selected[:40]!r}, not its {SPANS[name]}")
            elif name == "precedents" and row.name not in selected and row.canonical not in selected \
                    and selected not in row.evidence:
                found.append(f"precedents row {row.Index}: offsets select {selected[:40]!r}")
            elif name == "actors" and selected not in row.evidence:
                found.append(f"actors row {row.Index}: first mention {selected[:40]!r} is not in its evidence")
    return found
