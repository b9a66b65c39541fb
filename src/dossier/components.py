"""The rule-based engine: each table's extractor wrapped as a component with declared needs.

The rules themselves live in their modules (`actors/`, `commitments/`, `precedents.py`,
`timeline.py`); this module only says what each one needs and produces, and turns their results
into rows of the schema. Intermediates that are not tables: `actor_index` (rebuilt from the two
actor tables, as a later stage reads them from disk) and `direct_statements` (statements before
quoted ones are added; quotes use them to find speakers).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dossier.actors import ActorIndex, Mention, extract_actors
from dossier.commitments.pledges import extract_pledges
from dossier.commitments.quotes import extract_quotes
from dossier.commitments.statements import extract_statements, quoted_statements
from dossier.engine import ComponentEngine, component
from dossier.precedents import extract_precedents
from dossier.schema import ActorRow, MentionRow, Pledge, Precedent, Quote, SentenceRow, Statement, TimelineEvent
from dossier.timeline import extract_timeline

if TYPE_CHECKING:
    import pandas as pd

    from dossier.nlp import ParsedArticle


@component(needs=("parsed",), produces=("sentences",))
def sentences(parsed: ParsedArticle) -> list[SentenceRow]:
    return [SentenceRow(s.index, s.block, s.kind, s.start, s.end, s.text) for s in parsed.sentences]


@component(needs=("parsed",), produces=("actors", "mentions"))
def actors(parsed: ParsedArticle) -> tuple[list[ActorRow], list[MentionRow]]:
    found, mentions = extract_actors(parsed)
    text = [s.text for s in parsed.sentences]
    actor_rows = [
        ActorRow(name=a.name, type=a.type, role=a.role, country=a.country, affiliation=a.affiliation,
                 mentions=len(a.mentions), aliases=" | ".join(sorted(a.surfaces - {a.name})),
                 evidence=text[a.mentions[0].sentence], start=a.mentions[0].start, end=a.mentions[0].end)
        for a in found
    ]
    mention_rows = [MentionRow(actor=m.actor, text=m.text, kind=m.kind, start=m.start, end=m.end,
                               sentence_id=m.sentence, evidence=text[m.sentence]) for m in mentions]
    return actor_rows, mention_rows


@component(needs=("actors", "mentions"), produces=("actor_index",))
def actor_index(actors: pd.DataFrame, mentions: pd.DataFrame) -> ActorIndex:
    """The token-to-actor index, from the two actor tables (what stages 3 and 4 read)."""
    return build_actor_index(actors, mentions)


def build_actor_index(actors: pd.DataFrame, mentions: pd.DataFrame) -> ActorIndex:
    from dossier.actors.model import Actor

    index_mentions = [Mention(r.actor, r.text, int(r.start), int(r.end), int(r.sentence_id), r.kind)
                      for r in mentions.itertuples()]
    known = {r.name: Actor(name=r.name, type=r.type, role=r.role, country=r.country) for r in actors.itertuples()}
    return ActorIndex(index_mentions, known)


@component(needs=("parsed", "actor_index"), produces=("pledges",))
def pledges(parsed: ParsedArticle, actor_index: ActorIndex) -> list[Pledge]:
    return extract_pledges(parsed, actor_index)


@component(needs=("parsed", "actor_index"), produces=("direct_statements",))
def direct_statements(parsed: ParsedArticle, actor_index: ActorIndex) -> list[Statement]:
    return extract_statements(parsed, actor_index)


@component(needs=("parsed", "actor_index", "direct_statements"), produces=("quotes",))
def quotes(parsed: ParsedArticle, actor_index: ActorIndex, direct_statements: list[Statement]) -> list[Quote]:
    return extract_quotes(parsed, actor_index, direct_statements)


@component(needs=("parsed", "direct_statements", "quotes"), produces=("statements",))
def statements(parsed: ParsedArticle, direct_statements: list[Statement], quotes: pd.DataFrame) -> list[Statement]:
    """Direct statements plus the quotes that are statements on their own, in sentence order."""
    quoted = quoted_statements(parsed, list(quotes.itertuples(index=False)), direct_statements)
    return sorted([*direct_statements, *quoted], key=lambda s: s.sentence_id)


@component(needs=("parsed",), produces=("precedents",))
def precedents(parsed: ParsedArticle) -> list[Precedent]:
    return extract_precedents(parsed)


@component(needs=("parsed", "actor_index"), produces=("timeline",))
def timeline(parsed: ParsedArticle, actor_index: ActorIndex) -> list[TimelineEvent]:
    return extract_timeline(parsed, actor_index)


RULES = ComponentEngine("rules", (sentences, actors, actor_index, pledges, direct_statements, quotes, statements,
                                  precedents, timeline))
