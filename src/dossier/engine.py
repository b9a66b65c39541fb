"""Extraction as components, and engines as named sets of them.

A component, in the spirit of spaCy's pipeline components, declares what it needs (`parsed`, an
earlier table, an intermediate such as `actor_index`) and what it produces (table names from
`dossier.schema`, or intermediates); the runner (`dossier.runner`) orders components from these
declarations alone. An engine is one complete set of components: every table of the schema.

The rule-based engine (`dossier.components`) is the only one today. A second engine (a language
model behind an OpenAI-compatible endpoint, say) would be a module with its own components that
return the same row types (`dossier.schema`), registered in `ENGINES`; the contract test then
holds it to the same schema validation and grounding as the rules.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from dossier.errors import DossierError

# engine name -> "module:attribute" of its Engine, imported only when asked for (nothing at import)
ENGINES: dict[str, str] = {"rules": "dossier.components:RULES"}


@dataclass(frozen=True)
class Component:
    """One extraction step: `run(**needs)` returns its product, or a tuple of products in the order
    of `produces`. A product named after a table is a list of that table's rows."""

    name: str
    needs: tuple[str, ...]
    produces: tuple[str, ...]
    run: Callable[..., Any]

    def __call__(self, values: Mapping[str, Any]) -> dict[str, Any]:
        result = self.run(**{need: values[need] for need in self.needs})
        products = (result,) if len(self.produces) == 1 else tuple(result)
        if len(products) != len(self.produces):
            raise ValueError(f"component {self.name} returned {len(products)} products for {self.produces}")
        return dict(zip(self.produces, products, strict=True))


def component(*, needs: tuple[str, ...], produces: tuple[str, ...]) -> Callable[[Callable[..., Any]], Component]:
    """Declare a function as a component (its name is the function's)."""
    def wrap(run: Callable[..., Any]) -> Component:
        return Component(run.__name__, needs, produces, run)
    return wrap


class Engine(Protocol):
    """What the runner needs of an engine: a name (for messages and the contract test) and its
    components, which together produce every table of the schema."""

    @property
    def name(self) -> str: ...

    @property
    def components(self) -> Sequence[Component]: ...


@dataclass(frozen=True)
class ComponentEngine:
    """An engine that is just its list of components (the rule-based one is)."""

    name: str
    components: tuple[Component, ...]


def engine_names() -> tuple[str, ...]:
    return tuple(ENGINES)


def get_engine(name: str = "rules") -> Engine:
    """The registered engine `name`, imported on first use."""
    if name not in ENGINES:
        raise DossierError(f"unknown extraction engine '{name}': use one of {', '.join(ENGINES)}.")
    module, attribute = ENGINES[name].split(":")
    return getattr(importlib.import_module(module), attribute)
