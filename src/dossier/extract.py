"""Extraction as pure functions: article in, tables out; no notebooks, files or globals needed.

`extract_tables` runs every component of an engine (`dossier.runner`); the per-stage helpers
below run one stage's components given what earlier stages produced, for library use and tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from dossier.components import build_actor_index
from dossier.ingest.article import Article
from dossier.nlp import ParsedArticle, parse
from dossier.runner import extract_all, extract_stage

if TYPE_CHECKING:
    import pandas as pd

    from dossier.actors import ActorIndex
    from dossier.engine import Engine


@dataclass
class Tables:
    sentences: pd.DataFrame
    actors: pd.DataFrame
    mentions: pd.DataFrame
    pledges: pd.DataFrame
    statements: pd.DataFrame
    quotes: pd.DataFrame
    precedents: pd.DataFrame
    timeline: pd.DataFrame

    def items(self) -> list[tuple[str, pd.DataFrame]]:
        return list(vars(self).items())


def tables_of(parsed: ParsedArticle, engine: str | Engine = "rules") -> Tables:
    """Every table of an already parsed article (a corpus batch is parsed in one stream)."""
    return Tables(**extract_all(parsed, engine))


def extract_tables(article: Article, engine: str | Engine = "rules") -> Tables:
    """Every table for one article, in memory."""
    return tables_of(parse(article), engine)


def sentence_table(parsed: ParsedArticle) -> pd.DataFrame:
    return extract_stage("01_ingest", parsed)["sentences"]


def actor_tables(parsed: ParsedArticle) -> tuple[pd.DataFrame, pd.DataFrame]:
    tables = extract_stage("02_actors", parsed)
    return tables["actors"], tables["mentions"]


def actor_index(actors: pd.DataFrame, mentions: pd.DataFrame) -> ActorIndex:
    """Rebuild the token-to-actor index from the two actor tables (what stage 3 reads)."""
    return build_actor_index(actors, mentions)


def commitment_tables(parsed: ParsedArticle, index: ActorIndex) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    tables = extract_stage("03_commitments", parsed, {"actor_index": index})
    return tables["pledges"], tables["statements"], tables["quotes"]


def precedent_tables(parsed: ParsedArticle, index: ActorIndex) -> tuple[pd.DataFrame, pd.DataFrame]:
    tables = extract_stage("04_precedents", parsed, {"actor_index": index})
    return tables["precedents"], tables["timeline"]
