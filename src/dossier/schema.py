"""The table contract, in one place: the fixed vocabularies, one row type per table, and one
specification per table (its columns and their types, the stage that writes it).

Column lists, reading and writing with types, the stage outputs, the tables the report reads and
the report's labels for codes are derived from here; adding a column is one edit to a row type
(plus the extractor that fills it).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import StrEnum
from typing import get_type_hints


class ActorType(StrEnum):
    PERSON = "person"
    COUNTRY = "country"
    ORGANIZATION = "organization"
    GROUP = "group"


class PledgeStatus(StrEnum):
    """How firm a commitment is, firmest first."""

    COMMITTED = "committed"
    PROPOSED = "proposed"
    CONSIDERING = "considering"
    UNDECIDED = "undecided"
    RULED_OUT = "ruled_out"


class Category(StrEnum):
    TROOPS = "troops"
    AIR_SUPPORT = "air_support"
    LOGISTICS = "logistics"
    MILITARY_AID = "military_aid"
    SECURITY_GUARANTEE = "security_guarantee"
    SANCTIONS = "sanctions"
    ENERGY = "energy"
    FUNDING = "funding"
    TRADE = "trade"
    DIPLOMACY = "diplomacy"
    CLIMATE = "climate"
    OTHER = "other"


class StatementKind(StrEnum):
    """Kinds of statement, strongest first (the order decides which one a sentence keeps)."""

    THREAT = "threat"
    ACCUSATION = "accusation"
    REJECTION = "rejection"
    DEMAND = "demand"
    WARNING = "warning"
    ENDORSEMENT = "endorsement"
    CLAIM = "claim"


class InvokedAs(StrEnum):
    MODEL = "model"
    CAUTIONARY = "cautionary"
    CONTEXT = "context"


# -- one row type per table --------------------------------------------------------------------

@dataclass
class SentenceRow:
    sentence_id: int
    block: int
    kind: str  # heading | paragraph | credit
    start: int
    end: int
    text: str


@dataclass
class ActorRow:
    name: str
    type: ActorType
    role: str
    country: str
    affiliation: str
    mentions: int
    aliases: str  # " | "-separated other surface forms
    evidence: str  # the sentence of the first mention
    start: int
    end: int


@dataclass
class MentionRow:
    actor: str
    text: str
    kind: str  # name | alias | capital | seat | demonym | group | description | pronoun | government
    start: int
    end: int
    sentence_id: int
    evidence: str


@dataclass
class Pledge:
    actor: str
    category: Category
    status: PledgeStatus
    quantity: str
    deadline: str
    trigger: str
    evidence: str
    sentence_id: int
    start: int
    end: int


@dataclass
class Statement:
    speaker: str
    kind: StatementKind
    target: str
    verb: str
    evidence: str
    sentence_id: int
    start: int
    end: int


@dataclass
class Quote:
    quote: str
    speaker: str
    how: str  # same-sentence verb | adjacent sentence | paragraph speaker | unattributed
    evidence: str
    sentence_id: int
    start: int  # of the quoted text in the cleaned article
    end: int


@dataclass
class Precedent:
    name: str
    canonical: str
    year: int | None
    kind: str
    invoked_as: InvokedAs
    source: str  # knowledge base | pattern
    evidence: str
    sentence_id: int
    start: int
    end: int


@dataclass
class TimelineEvent:
    date: str  # ISO date, or YYYY-MM, or YYYY; empty when it cannot be resolved
    precision: str  # day | week | month | year | unresolved
    expression: str
    relation: str  # on | by | since | before | after
    actor: str
    evidence: str
    sentence_id: int
    start: int
    end: int


# -- one specification per table ---------------------------------------------------------------

@dataclass(frozen=True)
class Column:
    name: str
    dtype: str  # the pandas dtype: "int64", "Int64" (whole number or missing) or "str"
    vocabulary: type[StrEnum] | None = None


@dataclass(frozen=True)
class TableSpec:
    name: str
    row: type
    stage: str  # the stage notebook that writes it

    @property
    def columns(self) -> tuple[Column, ...]:
        hints = get_type_hints(self.row)
        return tuple(_column(f.name, hints[f.name]) for f in fields(self.row))

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def file(self) -> str:
        return f"{self.name}.csv"


def _column(name: str, hint: object) -> Column:
    if isinstance(hint, type) and issubclass(hint, StrEnum):
        return Column(name, "str", hint)
    if hint is int:
        return Column(name, "int64")
    if hint == int | None:
        return Column(name, "Int64")
    return Column(name, "str")


TABLES: dict[str, TableSpec] = {spec.name: spec for spec in (
    TableSpec("sentences", SentenceRow, "01_ingest"),
    TableSpec("actors", ActorRow, "02_actors"),
    TableSpec("mentions", MentionRow, "02_actors"),
    TableSpec("pledges", Pledge, "03_commitments"),
    TableSpec("statements", Statement, "03_commitments"),
    TableSpec("quotes", Quote, "03_commitments"),
    TableSpec("precedents", Precedent, "04_precedents"),
    TableSpec("timeline", TimelineEvent, "04_precedents"),
)}
# Files a stage writes besides its tables.
STAGE_FILES: dict[str, tuple[str, ...]] = {"01_ingest": ("article.json", "parse.spacy")}


def stage_outputs(stage: str) -> tuple[str, ...]:
    """Every file a stage writes into data/processed/<slug>/, in a stable order."""
    return (*STAGE_FILES.get(stage, ()), *(spec.file for spec in TABLES.values() if spec.stage == stage))
