"""Extraction as pure functions: article in, tables out; no notebooks, files or globals needed.

The stage notebooks call the per-stage functions; `extract_tables` chains them for library
use (a corpus run on a cluster maps it over articles).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from dossier.actors import ActorIndex, Mention, extract_actors
from dossier.commitments.pledges import extract_pledges
from dossier.commitments.quotes import extract_quotes
from dossier.commitments.statements import extract_statements, quoted_statements
from dossier.ingest.article import Article
from dossier.nlp import ParsedArticle, parse
from dossier.precedents import extract_precedents
from dossier.tables import frame
from dossier.timeline import extract_timeline

if TYPE_CHECKING:
    import pandas as pd


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


def sentence_table(parsed: ParsedArticle) -> pd.DataFrame:
    return frame("sentences", [
        {"sentence_id": s.index, "block": s.block, "kind": s.kind, "start": s.start, "end": s.end, "text": s.text}
        for s in parsed.sentences
    ])


def actor_tables(parsed: ParsedArticle) -> tuple[pd.DataFrame, pd.DataFrame]:
    actors, mentions = extract_actors(parsed)
    sentences = parsed.sentences
    actor_rows = []
    for a in actors:
        first = a.mentions[0]
        actor_rows.append({
            "name": a.name, "type": a.type, "role": a.role, "country": a.country, "affiliation": a.affiliation,
            "mentions": len(a.mentions), "aliases": " | ".join(sorted(a.surfaces - {a.name})),
            "evidence": sentences[first.sentence].text, "start": first.start, "end": first.end,
        })
    mention_rows = [{"actor": m.actor, "text": m.text, "kind": m.kind, "start": m.start, "end": m.end,
                     "sentence_id": m.sentence, "evidence": sentences[m.sentence].text} for m in mentions]
    return frame("actors", actor_rows), frame("mentions", mention_rows)


def actor_index(actors: pd.DataFrame, mentions: pd.DataFrame) -> ActorIndex:
    """Rebuild the token-to-actor index from the two actor tables (what stage 3 reads)."""
    from dossier.actors.model import Actor

    index_mentions = [Mention(r.actor, r.text, int(r.start), int(r.end), int(r.sentence_id), r.kind)
                      for r in mentions.itertuples()]
    known = {r.name: Actor(name=r.name, type=r.type, role=r.role, country=r.country) for r in actors.itertuples()}
    return ActorIndex(index_mentions, known)


def commitment_tables(parsed: ParsedArticle, index: ActorIndex) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    pledges = extract_pledges(parsed, index)
    statements = extract_statements(parsed, index)
    quotes = extract_quotes(parsed, index, statements)
    statements = sorted([*statements, *quoted_statements(parsed, quotes, statements)], key=lambda s: s.sentence_id)
    return frame("pledges", pledges), frame("statements", statements), frame("quotes", quotes)


def precedent_tables(parsed: ParsedArticle, index: ActorIndex) -> tuple[pd.DataFrame, pd.DataFrame]:
    return frame("precedents", extract_precedents(parsed)), frame("timeline", extract_timeline(parsed, index))


def extract_tables(article: Article) -> Tables:
    """Every table for one article, in memory."""
    parsed = parse(article)
    actors, mentions = actor_tables(parsed)
    index = actor_index(actors, mentions)
    pledges, statements, quotes = commitment_tables(parsed, index)
    precedents, timeline = precedent_tables(parsed, index)
    return Tables(sentence_table(parsed), actors, mentions, pledges, statements, quotes, precedents, timeline)
