"""Run components in the order their declared needs give: for one article, one stage of it (given
what earlier stages wrote), `make eval` and the corpus mode all go through here.

Tables flow between components as the schema's typed DataFrames (`tables.frame`), the same thing
a later stage reads back from disk, so a component cannot tell a fresh table from a stored one.
The stage of a table comes from the schema (`TableSpec.stage`): a stage runs only components
whose tables are its own, and reads earlier stages' tables instead of recomputing them.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dossier.engine import Component, Engine, get_engine
from dossier.errors import DossierError
from dossier.schema import TABLES
from dossier.tables import frame, read_table

if TYPE_CHECKING:
    import pandas as pd

    from dossier.nlp import ParsedArticle


class PlanError(DossierError):
    """Components whose needs cannot be met: nothing produces one, or two need each other."""


def plan(components: Sequence[Component], wanted: Iterable[str], given: Collection[str] = ()) -> list[Component]:
    """The components that produce `wanted`, each after the ones it needs (topological order)."""
    order, missing = _walk(components, wanted, given)
    if missing:
        name, needed_by = missing[0]
        raise PlanError(f"nothing produces '{name}', which {needed_by} needs.")
    return order


def inputs(components: Sequence[Component], wanted: Iterable[str], given: Collection[str] = ()) -> list[str]:
    """What `wanted` needs that none of `components` produces and is not given (to be read in)."""
    return list(dict.fromkeys(name for name, _ in _walk(components, wanted, given)[1]))


def _walk(components: Sequence[Component], wanted: Iterable[str],
          given: Collection[str]) -> tuple[list[Component], list[tuple[str, str]]]:
    producers: dict[str, Component] = {}
    for comp in components:
        for product in comp.produces:
            if product in producers:
                raise PlanError(f"both {producers[product].name} and {comp.name} produce '{product}'.")
            producers[product] = comp
    order: list[Component] = []
    missing: list[tuple[str, str]] = []
    done: set[str] = set()
    path: list[str] = []  # components being visited, for the cycle message

    def visit(name: str, needed_by: str) -> None:
        if name in given:
            return
        comp = producers.get(name)
        if comp is None:
            missing.append((name, needed_by))
            return
        if comp.name in done:
            return
        if comp.name in path:
            cycle = [*path[path.index(comp.name):], comp.name]
            raise PlanError(f"components need each other in a circle: {' -> '.join(cycle)}.")
        path.append(comp.name)
        for need in comp.needs:
            visit(need, f"component {comp.name}")
        path.pop()
        done.add(comp.name)
        order.append(comp)

    for name in wanted:
        visit(name, "the caller")
    return order, missing


def run(components: Sequence[Component], wanted: Iterable[str], given: Mapping[str, Any]) -> dict[str, Any]:
    """Run what `wanted` needs, in order; a table is framed (and so validated) as it is produced."""
    wanted = list(wanted)
    values = dict(given)
    for comp in plan(components, wanted, values):
        for name, value in comp(values).items():
            values[name] = frame(name, value) if name in TABLES else value
    return {name: values[name] for name in wanted}


def extract_all(parsed: ParsedArticle, engine: str | Engine = "rules") -> dict[str, pd.DataFrame]:
    """Every table of the schema for one parsed article, in schema order."""
    return run(_engine(engine).components, TABLES, {"parsed": parsed})


def extract_stage(stage: str, parsed: ParsedArticle, given: Mapping[str, Any] | None = None, *,
                  tables_dir: str | Path | None = None, engine: str | Engine = "rules") -> dict[str, pd.DataFrame]:
    """The tables of one stage (what its notebook writes), in schema order.

    Earlier stages' tables are taken from `given`, else read from `tables_dir` (where those stages
    wrote them); they are never recomputed here, so a stage's output follows its stored inputs.
    """
    wanted = [name for name, spec in TABLES.items() if spec.stage == stage]
    if not wanted:
        raise DossierError(f"stage {stage} writes no table: the stages with tables are "
                           f"{', '.join(dict.fromkeys(s.stage for s in TABLES.values()))}.")
    own = [c for c in _engine(engine).components
           if all(TABLES[p].stage == stage for p in c.produces if p in TABLES)]
    values = {"parsed": parsed, **(given or {})}
    for name in inputs(own, wanted, values):
        if name not in TABLES:
            continue  # plan() below says what is missing
        if tables_dir is None:
            raise PlanError(f"stage {stage} needs the {name} table, which stage {TABLES[name].stage} writes: "
                            "give it, or the folder it was written to.")
        try:
            values[name] = read_table(Path(tables_dir), name)
        except FileNotFoundError:
            raise PlanError(f"{Path(tables_dir) / TABLES[name].file} is missing: run stage {TABLES[name].stage} "
                            "first (make report runs it).") from None
    return run(own, wanted, values)


def _engine(engine: str | Engine) -> Engine:
    return get_engine(engine) if isinstance(engine, str) else engine
