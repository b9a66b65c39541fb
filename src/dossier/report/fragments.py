"""HTML fragments of the report. Every piece of article text passes through `html.escape`:
the article is untrusted input and must show as text, never act as markup."""

from __future__ import annotations

import html
from collections import Counter
from typing import TYPE_CHECKING

from dossier.report.style import CATEGORY_LABELS, STATUS_COLORS, STATUS_LABELS

if TYPE_CHECKING:
    import pandas as pd

    from dossier.report.data import ReportData

esc = html.escape


def title_block(data: ReportData, generated_at: str, version: str) -> str:
    a = data.article
    facts = [
        ("Source", a.source or "not stated"),
        ("Published", a.published or "unknown (relative dates left unresolved)"),
        ("Generated", generated_at),
        ("Pipeline", f"Dossier {version}"),
        ("Input", f"{a.format}, {a.encoding}"),
    ]
    rows = "".join(f"<div><dt>{esc(k)}</dt><dd>{esc(v)}</dd></div>" for k, v in facts)
    warnings = "".join(f'<p class="warning">⚠ {esc(w)}</p>' for w in a.warnings)
    return (f'<header class="title-block"><p class="kicker">Dossier report</p><h1>{esc(a.title)}</h1>'
            f'<dl class="facts">{rows}</dl>{warnings}</header>')


def note(text: str) -> str:
    return f'<p class="note">{esc(text)}</p>'


def table(df: pd.DataFrame, columns: list[tuple[str, str, int]], empty: str) -> str:
    """A print-friendly table: chosen columns, labels and widths (percent), no index."""
    if df is None or df.empty:
        return note(empty)
    head = "".join(f'<th style="width:{w}%">{esc(label)}</th>' for _, label, w in columns)
    body = []
    for record in df.to_dict("records"):
        cells = []
        for col, _, _ in columns:
            value = record.get(col, "")
            value = "" if value is None or str(value) in ("nan", "<NA>") else str(value)
            if col == "status" and value in STATUS_COLORS:
                cells.append(f'<td><span class="pill" style="background:{STATUS_COLORS[value]}">'
                             f"{esc(STATUS_LABELS[value])}</span></td>")
            elif col == "category":
                cells.append(f"<td>{esc(CATEGORY_LABELS.get(value, value))}</td>")
            elif col in ("quote",):
                cells.append(f'<td class="quote">“{esc(value)}”</td>')
            else:
                cells.append(f"<td>{esc(value)}</td>")
        body.append(f"<tr>{''.join(cells)}</tr>")
    return f'<table class="data"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'


def _join(names: list[str]) -> str:
    names = list(dict.fromkeys(names))
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def key_findings(data: ReportData) -> str:
    """Plain-language findings written from the tables: commitments, refusals, threats, precedents."""
    pledges, statements = data["pledges"], data["statements"]
    actors, precedents = data["actors"], data["precedents"]
    items: list[str] = []
    if not actors.empty:
        top = actors.sort_values("mentions", ascending=False).head(3)
        items.append("Most prominent: " + _join([f"<b>{esc(n)}</b> ({m} mentions)" for n, m in
                                                 zip(top["name"], top["mentions"], strict=True)]) + ".")
    for status, verb in (("committed", "committed to"), ("proposed", "proposed"),
                         ("considering", "are considering"), ("ruled_out", "ruled out"),
                         ("undecided", "are undecided on")):
        rows = pledges[pledges["status"] == status] if not pledges.empty else pledges
        if rows is None or rows.empty:
            continue
        by_category: dict[str, list[str]] = {}
        for r in rows.itertuples():
            by_category.setdefault(r.category, []).append(r.actor)
        parts = [f"{esc(CATEGORY_LABELS.get(c, c).lower())} ({esc(_join(a))})" for c, a in by_category.items()]
        items.append(f'<span class="pill" style="background:{STATUS_COLORS[status]}">'
                     f"{esc(STATUS_LABELS[status])}</span> Actors who {verb}: " + "; ".join(parts) + ".")
    if not statements.empty:
        for kind in ("threat", "rejection", "accusation", "demand"):
            rows = statements[statements["kind"] == kind]
            if rows.empty:
                continue
            who = Counter(rows["speaker"])
            parts = []
            for speaker, n in who.most_common(4):
                targets = [t for t in rows[rows["speaker"] == speaker]["target"] if t]
                aimed = f" (at {esc(_join(targets))})" if targets else ""
                parts.append(f"<b>{esc(speaker)}</b> ×{n}{aimed}")
            items.append(f"{kind.capitalize()}s: " + ", ".join(parts) + ".")
    if not precedents.empty:
        parts = [f"{esc(r.name)}{f' ({esc(str(r.year))})' if r.year else ''}, as {esc(r.invoked_as)}"
                 for r in precedents.itertuples()]
        items.append("History invoked: " + "; ".join(parts) + ".")
    if not items:
        return note("No actors, pledges, statements or precedents were found in this article.")
    return '<ul class="findings">' + "".join(f"<li>{i}</li>" for i in items) + "</ul>"


def highlighted_article(data: ReportData) -> str:
    """The cleaned article with actor mentions, quotes, precedents and pledge sentences marked."""
    text = data.article.text
    marks: list[tuple[int, int, str, str]] = []
    type_of = dict(zip(data["actors"]["name"], data["actors"]["type"], strict=True)) if not data["actors"].empty else {}
    for r in data["mentions"].itertuples():
        marks.append((r.start, r.end, f"actor {esc(type_of.get(r.actor, ''))}", r.actor))
    for r in data["quotes"].itertuples():
        marks.append((r.start, r.end, "quote", f"quote: {r.speaker or 'unattributed'}"))
    for r in data["precedents"].itertuples():
        marks.append((r.start, r.end, "precedent", f"precedent: {r.name}"))
    spans = _non_overlapping(marks)
    pledge_sentences = {}
    for r in data["pledges"].itertuples():
        pledge_sentences.setdefault((r.start, r.end), []).append(f"{r.actor}: {r.category} ({r.status})")
    statement_sentences = {(r.start, r.end) for r in data["statements"].itertuples()}
    out = []
    for block in data.article.blocks:
        # a dateline sits before its paragraph's block: show it as part of the paragraph
        pieces, cursor = [], text.rfind("\n", 0, block.start) + 1
        sentence_bounds = sorted((s, e) for s, e in set(pledge_sentences) | statement_sentences
                                 if block.start <= s < block.end)
        events = sorted([(s, 0, e, cls, title) for s, e, cls, title in spans if block.start <= s < block.end]
                        + [(s, -1, e, "pledge" if (s, e) in pledge_sentences else "statement",
                            "; ".join(pledge_sentences.get((s, e), ["statement"]))) for s, e in sentence_bounds])
        open_sentence_end = None
        for start, order, end, cls, title in events:
            if start < cursor:
                continue
            pieces.append(esc(text[cursor:start]))
            if order == -1:
                if open_sentence_end is not None:
                    pieces.append("</span>")
                pieces.append(f'<span class="sent {cls}" title="{esc(title)}">')
                open_sentence_end = end
                cursor = start
                continue
            if open_sentence_end is not None and start >= open_sentence_end:
                pieces.append("</span>")
                open_sentence_end = None
            end = min(end, open_sentence_end) if open_sentence_end else end
            pieces.append(f'<mark class="{cls}" title="{esc(title)}">{esc(text[start:end])}</mark>')
            cursor = end
        if open_sentence_end is not None:
            pieces.append(esc(text[cursor:open_sentence_end]) + "</span>")
            cursor = open_sentence_end
        pieces.append(esc(text[cursor:block.end]))
        tag = "h4" if block.kind == "heading" else "p"
        out.append(f"<{tag}>{''.join(pieces)}</{tag}>")
    legend = ('<p class="legend"><mark class="actor person">person</mark> <mark class="actor country">country</mark> '
              '<mark class="actor organization">organization</mark> <mark class="actor group">group</mark> '
              '<mark class="quote">quote</mark> <mark class="precedent">precedent</mark> '
              '<span class="sent pledge">pledge sentence</span> '
              '<span class="sent statement">statement sentence</span></p>')
    return legend + '<div class="article">' + "".join(out) + "</div>"


def _non_overlapping(marks: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    kept: list[tuple[int, int, str, str]] = []
    last_end = -1
    for mark in sorted(marks, key=lambda m: (m[0], -(m[1] - m[0]))):
        if mark[0] >= last_end:
            kept.append(mark)
            last_end = mark[1]
    return kept


METHOD = """Dossier reads the article with spaCy's small English pipeline (tagger, dependency parser,
named-entity recogniser) and applies rules over the parse. Actors come from named entities and a
knowledge base of countries (with capitals, seats of government and demonyms) and international
organizations; surnames, titles ("the Russian leader"), capitals ("Moscow") and pronouns are resolved
to one canonical actor. Pledges are clauses with a commitment or action verb; their status comes from
negation, modal verbs and hedges ("will not", "may", "is weighing"), their category from keywords of
the clause. Statements come from speech and stance verbs and what they report. Quotes are the text
between quotation marks, attributed to the speaker of the sentence or of the paragraph. Precedents come
from a knowledge base of well-known events and from naming patterns ("the 1985 Plaza Accord").
Every row carries the sentence it came from and character offsets into the cleaned text."""

LIMITS = """Limits: rules miss commitments worded in unusual ways and may read a reported fact as a pledge;
pronoun resolution picks the most recent fitting person and can be wrong across paragraphs; status is
read from the sentence alone, so a hedge made elsewhere in the article is not seen; the language model
reads English only. Check the evidence column before quoting a row."""
