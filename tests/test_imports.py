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


def _imports(node: ast.AST, top_level: bool) -> set[str]:
    """The dossier modules an AST imports: at module level only, or anywhere (inside functions too);
    type-checking-only imports never run and are left out."""
    found: set[str] = set()
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.If) and getattr(child.test, "id", "") == "TYPE_CHECKING":
            continue
        if isinstance(child, ast.ImportFrom) and child.module and child.module.startswith("dossier"):
            found |= {child.module, *(f"{child.module}.{alias.name}" for alias in child.names)}
        elif isinstance(child, ast.Import):
            found |= {alias.name for alias in child.names if alias.name.startswith("dossier")}
        elif not top_level or not isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            found |= _imports(child, top_level)
    return found


def module_imports(top_level: bool = True) -> dict[str, set[str]]:
    """Module -> the dossier modules it imports: at module level (what runs when it is imported),
    or anywhere in it."""
    modules: dict[str, set[str]] = {}
    for path in SRC.rglob("*.py"):
        name = ".".join(path.relative_to(SRC).with_suffix("").parts).removesuffix(".__init__")
        modules[name] = _imports(ast.parse(path.read_text(encoding="utf-8")), top_level)
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

    crossings = [(module, dep) for module, deps in module_imports(top_level=False).items() for dep in deps
                 if stage_of(module) and stage_of(dep) and stage_of(module) != stage_of(dep)]
    assert crossings == []
