"""The import graph: no cycles between modules, and no extraction stage reaching into another's
module (stages share `grammar`, `lexicon`, `kb`, `schema` and the actor index they all read,
`actors.model`, nothing else)."""

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"
# Each extraction stage's modules, by package prefix.
STAGES = {
    "actors": ("dossier.actors",),
    "commitments": ("dossier.commitments",),
    "precedents": ("dossier.precedents", "dossier.timeline"),
}
SHARED = {"dossier.actors.model"}  # the actor index: stage 2's output, every later stage's input


def module_imports() -> dict[str, set[str]]:
    """Module -> the dossier modules it imports at module level (what runs when it is imported)."""
    modules: dict[str, set[str]] = {}
    for path in SRC.rglob("*.py"):
        name = ".".join(path.relative_to(SRC).with_suffix("").parts).removesuffix(".__init__")
        imported = set()
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("dossier"):
                imported |= {node.module, *(f"{node.module}.{alias.name}" for alias in node.names)}
            elif isinstance(node, ast.Import):
                imported |= {alias.name for alias in node.names if alias.name.startswith("dossier")}
        modules[name] = imported
    return {name: {d for d in deps if d in modules and d != name} for name, deps in modules.items()}


def test_the_import_graph_has_no_cycles():
    graph, cycles = module_imports(), []
    done: set[str] = set()

    def visit(module: str, path: list[str]) -> None:
        for dep in graph[module]:
            if dep in path:
                cycles.append(" -> ".join([*path[path.index(dep):], dep]))
            elif dep not in done:
                visit(dep, [*path, dep])
        done.add(module)

    for module in graph:
        if module not in done:
            visit(module, [module])
    assert cycles == []


def test_no_stage_imports_another_stage():
    def stage_of(module: str) -> str | None:
        if module in SHARED:
            return None
        return next((stage for stage, prefixes in STAGES.items()
                     if any(module == p or module.startswith(p + ".") for p in prefixes)), None)

    crossings = [(module, dep) for module, deps in module_imports().items() for dep in deps
                 if stage_of(module) and stage_of(dep) and stage_of(module) != stage_of(dep)]
    assert crossings == []
