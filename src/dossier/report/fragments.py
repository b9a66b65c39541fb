"""HTML fragments of the report. Every piece of article text passes through `html.escape`:
the article is untrusted input and must show as text, never act as markup.

The fragments take tables (a mapping of name -> DataFrame) or a ReportData, and return HTML
strings, so another report (a corpus of articles, say) can reuse them piece by piece.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dossier.report.evidence import amount_and_deadline, anchor_id, esc, link
from dossier.report.labels import label
from dossier.report.matrix import stance_matrix
from dossier.report.style import KIND_COLORS, STATUS_COLORS
from dossier.report.summary import summary_html

if TYPE_CHECKING:
    import pandas as pd

    from dossier.report.data import ReportData

# Columns whose values are codes from a vocabulary: shown through `label`.
CODED = {"category", "kind", "type", "invoked_as", "precision", "relation", "how"}


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


def _text(value: object) -> str:
    return "" if value is None or str(value) in ("nan", "<NA>", "None") else str(value)


def cell(column: str, record: dict) -> str:
    """One table cell's inner HTML: codes as labels, status as a coloured chip, evidence as a link."""
    value = _text(record.get(column, ""))
    if column == "status" and value in STATUS_COLORS:
        return f'<span class="chip" style="background:{STATUS_COLORS[value]}">{esc(label(value))}</span>'
    if column == "kind" and value in KIND_COLORS:
        return f'<span class="chip" style="background:{KIND_COLORS[value]}">{esc(label(value))}</span>'
    if column in CODED:
        return esc(label(value))
    if column == "quote":
        return f"“{esc(value)}”"
    if column == "evidence" and _text(record.get("sentence_id", "")):
        return link(esc(value), record["sentence_id"])
    return esc(value)


def table(df: pd.DataFrame | None, columns: list[tuple[str, str, int]], empty: str,
          optional: tuple[str, ...] = ()) -> str:
    """A table that prints within the page and reflows into cards on a phone: chosen columns,
    labels and widths (percent); `optional` columns are dropped when empty in every row."""
    if df is None or df.empty:
        return note(empty)
    records = df.to_dict("records")
    columns = [c for c in columns if c[0] not in optional or any(_text(r.get(c[0], "")).strip() for r in records)]
    total = sum(w for _, _, w in columns) or 1
    widest = max(range(len(columns)), key=lambda i: columns[i][2])
    # Widths on every column but the widest: a fixed-layout table whose percentages add up to 100
    # still adds the cells' padding on top and runs past the page edge; the widest takes the rest.
    cols = "".join("<col>" if i == widest else f'<col style="width:{100 * w / total:.0f}%">'
                   for i, (_, _, w) in enumerate(columns))
    head = "".join(f'<th scope="col">{esc(lbl)}</th>' for _, lbl, _ in columns)
    body = []
    for record in records:
        cells = "".join(f'<td data-label="{esc(lbl)}" class="c-{esc(col)}{"" if _text(record.get(col)) else " empty"}">'
                        f"{cell(col, record)}</td>" for col, lbl, _ in columns)
        body.append(f"<tr>{cells}</tr>")
    return (f'<table class="data"><colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table>')


def key_findings(data: ReportData) -> str:
    """The bottom line up front (a paragraph) and the stance matrix, from the tables."""
    return summary_html(data.tables) + stance_matrix(data.tables)


def statements_by_speaker(statements: pd.DataFrame | None, show_claims: bool = False) -> str:
    """Statements grouped by speaker, strongest kinds first; plain claims folded away unless asked for."""
    if statements is None or statements.empty:
        return note("No threats, warnings, rejections, accusations, endorsements, demands or claims were found.")
    from dossier.report.labels import KINDS

    groups: dict[str, list[dict]] = {}
    for r in statements.to_dict("records"):
        groups.setdefault(r["speaker"], []).append(r)
    order = sorted(groups, key=lambda s: (-sum(r["kind"] != "claim" for r in groups[s]), -len(groups[s])))
    out, claims_only = [], [s for s in order if all(r["kind"] == "claim" for r in groups[s])]
    for speaker in (s for s in order if s not in claims_only):
        rows = sorted(groups[speaker], key=lambda r: (KINDS.index(r["kind"]) if r["kind"] in KINDS else 99,
                                                      int(r["sentence_id"])))
        stances = [r for r in rows if r["kind"] != "claim"]
        claims = [r for r in rows if r["kind"] == "claim"]
        items = "".join(_statement_item(r) for r in stances)
        folded = ""
        if claims:
            claim_items = "".join(_statement_item(r) for r in claims)
            word = "claim" if len(claims) == 1 else "claims"
            folded = (f'<ul class="stmts">{claim_items}</ul>' if show_claims else
                      f'<details class="claims"><summary>{len(claims)} plain {word}</summary>'
                      f'<ul class="stmts">{claim_items}</ul></details>')
        counts = ", ".join(f"{n} {label(k)}" for k, n in _counts(rows).items())
        out.append(f'<section class="speaker"><h3>{esc(speaker)} <span class="count">{esc(counts)}</span></h3>'
                   f'{f"<ul class=stmts>{items}</ul>" if items else ""}{folded}</section>')
    if claims_only:
        items = "".join(f"<li><b>{esc(s)}</b>: {link(esc(r['evidence']), r['sentence_id'])}</li>"
                        for s in claims_only for r in groups[s])
        speakers = "speaker" if len(claims_only) == 1 else "speakers"
        out.append(f'<details class="claims"><summary>Plain claims by {len(claims_only)} other {speakers}: '
                   f'{esc(", ".join(claims_only))}</summary><ul class="stmts">{items}</ul></details>')
    return "".join(out)


def _counts(rows: list[dict]) -> dict[str, int]:
    out: dict[str, int] = {}
    for r in rows:
        out[r["kind"]] = out.get(r["kind"], 0) + 1
    return out


def _statement_item(r: dict) -> str:
    target = f' <span class="target">at {esc(r["target"])}</span>' if _text(r.get("target")) else ""
    return f'<li>{cell("kind", r)}{target} {link(esc(r["evidence"]), r["sentence_id"])}</li>'


def _tip(text: str) -> str:
    return f'<span class="tip" role="tooltip">{esc(text)}</span>'


def _actor_tip(name: str, info: dict[str, tuple[str, str]]) -> str:
    kind, role = info.get(name, ("", ""))
    return "Actor: " + name + "".join(f" · {b}" for b in (label(kind), role) if b)


def highlighted_article(data: ReportData) -> str:
    """The cleaned article with actor mentions, quotes, precedents and pledge and statement
    sentences marked. Each mark shows what was extracted from it on hover, and on tap or keyboard
    focus (a phone has no hover). Every sentence carries the anchor the findings link to."""
    text = data.article.text
    actors = data.tables.get("actors")
    info = {} if actors is None or actors.empty else {
        r["name"]: (r["type"], _text(r.get("role"))) for r in actors.to_dict("records")}
    marks: list[tuple[int, int, str, str]] = []
    for r in data["mentions"].itertuples():
        marks.append((r.start, r.end, f"actor {esc(info.get(r.actor, ('', ''))[0])}", _actor_tip(r.actor, info)))
    for r in data["quotes"].itertuples():
        marks.append((r.start, r.end, "quote", f"Quote by {r.speaker or 'an unattributed speaker'}"))
    for r in data["precedents"].itertuples():
        year = f" ({r.year})" if _text(r.year) else ""
        marks.append((r.start, r.end, "precedent", f"Precedent: {r.canonical or r.name}{year}, invoked as "
                                                   f"{label(r.invoked_as)}"))
    spans = _non_overlapping(marks)
    tips: dict[tuple[int, int], list[str]] = {}
    pledge_bounds = set()
    for r in data["pledges"].itertuples():
        extra = amount_and_deadline(r._asdict())
        tips.setdefault((r.start, r.end), []).append(
            f"Pledge: {r.actor}, {label(r.category)}, {label(r.status)}" + (f" ({extra})" if extra else ""))
        pledge_bounds.add((r.start, r.end))
    for r in data["statements"].itertuples():
        target = f" at {r.target}" if _text(r.target) else ""
        tips.setdefault((r.start, r.end), []).append(f"Statement: {r.speaker}, {label(r.kind)}{target}")
    sentences = data.tables.get("sentences")
    anchors = {} if sentences is None or sentences.empty else dict(zip(sentences["start"], sentences["sentence_id"],
                                                                        strict=True))
    out = []
    for block in data.article.blocks:
        # a dateline sits before its paragraph's block: show it as part of the paragraph
        first = text.rfind("\n", 0, block.start) + 1
        events = sorted(
            [(s, -2, s, "", str(sid)) for s, sid in anchors.items() if first <= s < block.end]
            + [(s, -1, e, "pledge" if (s, e) in pledge_bounds else "statement", "\n".join(t))
               for (s, e), t in tips.items() if block.start <= s < block.end]
            + [(s, 0, e, cls, tip) for s, e, cls, tip in spans if first <= s < block.end])
        pieces = _block_pieces(text, first, block.end, events)
        tag = "h4" if block.kind == "heading" else "p"
        out.append(f"<{tag}>{''.join(pieces)}</{tag}>")
    legend = ('<p class="legend"><mark class="actor person">person</mark> <mark class="actor country">country</mark> '
              '<mark class="actor organization">organization</mark> <mark class="actor group">group</mark> '
              '<mark class="quote">quote</mark> <mark class="precedent">precedent</mark> '
              '<span class="sent pledge">pledge sentence</span> '
              '<span class="sent statement">statement sentence</span></p>')
    return legend + '<div class="article">' + "".join(out) + "</div>"


def _block_pieces(text: str, first: int, block_end: int, events: list[tuple]) -> list[str]:
    """One paragraph's HTML pieces: anchors, sentence spans (tip at their end) and marks inside them."""
    pieces: list[str] = []
    cursor, open_end, open_tip = first, None, ""

    def close_sentence() -> None:
        nonlocal open_end, cursor
        if open_end is not None:
            if cursor < open_end:
                pieces.append(esc(text[cursor:open_end]))
                cursor = open_end
            pieces.append(_tip(open_tip) + "</span>")
            open_end = None

    for start, order, end, cls, tip in events:
        if open_end is not None and start >= open_end:
            close_sentence()
        if start > cursor:
            pieces.append(esc(text[cursor:start]))
            cursor = start
        if order == -2:
            pieces.append(f'<a class="sid" id="{anchor_id(tip)}"></a>')
        elif order == -1:
            if start < cursor:
                continue
            close_sentence()
            pieces.append(f'<span class="sent {cls}" tabindex="0">')
            open_end, open_tip = end, tip
        elif start >= cursor:
            end = min(end, open_end) if open_end is not None else end
            pieces.append(f'<mark class="{cls}" tabindex="0">{esc(text[start:end])}{_tip(tip)}</mark>')
            cursor = end
    close_sentence()
    pieces.append(esc(text[cursor:block_end]))
    return pieces


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
Every row carries the sentence it came from and character offsets into the cleaned text. The summary
at the top is written from the tables by fixed templates; it states only rows whose wording leaves
little doubt and leaves the rest to the tables."""

LIMITS = """Limits: rules miss commitments worded in unusual ways and may read a reported fact as a pledge;
pronoun resolution picks the most recent fitting person and can be wrong across paragraphs; status is
read from the sentence alone, so a hedge made elsewhere in the article is not seen; the language model
reads English only. Check the evidence column before quoting a row."""
