"""General knowledge the extractors rely on: countries, organizations, titles, precedents.

The tables live in `kb/data/*.csv` (see its README for sources); each loader reads its
file once per process.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache

from dossier.paths import KB_DATA


def _rows(name: str) -> list[dict[str, str]]:
    with (KB_DATA / name).open(encoding="utf-8", newline="") as fh:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(fh)]


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split("|") if v.strip())


@dataclass(frozen=True)
class Country:
    name: str
    iso2: str
    aliases: tuple[str, ...]
    capitals: tuple[str, ...]
    seats: tuple[str, ...]
    adjectives: tuple[str, ...]
    people: tuple[str, ...]


@dataclass(frozen=True)
class Organization:
    name: str
    aliases: tuple[str, ...]
    kind: str
    country: str


@dataclass(frozen=True)
class Precedent:
    name: str
    year: int | None
    end_year: int | None
    kind: str
    aliases: tuple[str, ...]


@cache
def countries() -> tuple[Country, ...]:
    return tuple(
        Country(r["name"], r["iso2"], _split(r["aliases"]), _split(r["capitals"]),
                _split(r["seats"]), _split(r["adjectives"]), _split(r["people"]))
        for r in _rows("countries.csv")
    )


@cache
def country_by_iso2() -> dict[str, Country]:
    return {c.iso2: c for c in countries()}


@cache
def organizations() -> tuple[Organization, ...]:
    return tuple(Organization(r["name"], _split(r["aliases"]), r["kind"], r.get("country", ""))
                 for r in _rows("organizations.csv"))


@cache
def organization_by_name() -> dict[str, Organization]:
    return {o.name: o for o in organizations()}


@cache
def state_forms() -> dict[str, set[str]]:
    """Country -> first words of its names ("kingdom" for "Kingdom of Saudi Arabia")."""
    return {c.name: {a.lower().split()[0] for a in (c.name, *c.aliases)} for c in countries()}


@cache
def titles() -> dict[str, str]:
    """Title as written (lower-cased) -> normalised role."""
    return {r["title"].lower(): r["role"] for r in _rows("titles.csv")}


@cache
def precedents() -> tuple[Precedent, ...]:
    def year(value: str) -> int | None:
        return int(value) if value.isdigit() else None

    return tuple(Precedent(r["name"], year(r["year"]), year(r["end_year"]), r["kind"], _split(r["aliases"]))
                 for r in _rows("precedents.csv"))


@cache
def regions() -> dict[str, str]:
    """Regional adjective ("Baltic") -> the group name it forms ("Baltic states")."""
    return {r["adjective"]: r["name"] for r in _rows("regions.csv")}


@cache
def demonyms() -> dict[str, str]:
    """Demonym adjective or plural ("French", "Britons") -> canonical country name."""
    table: dict[str, str] = {}
    for c in countries():
        for word in (*c.adjectives, *c.people):
            table.setdefault(word, c.name)
    return table


@cache
def news_outlets() -> frozenset[str]:
    """Names of news agencies and outlets: the sources of a story, never actors in it."""
    return frozenset(name for r in _rows("news_outlets.csv") for name in (r["name"], *_split(r["aliases"])) if name)
