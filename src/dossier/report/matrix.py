"""The stance matrix: actors by issues, each cell the pledge statuses and statement kinds of that
actor on that issue, each one a link to its evidence sentence.

Issues are the pledge categories. A statement has no category column, so its issue is read from
its own sentence with the extraction's category keywords (the same list, most specific first);
a statement about no listed issue goes under "General". Plain claims are left out: they say
nothing about a stance.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from dossier.lexicon import CATEGORY_KEYWORDS
from dossier.report.evidence import after_verb, amount_and_deadline, esc, link
from dossier.report.labels import CATEGORIES, KINDS, STATUS_ORDER, label, title_label
from dossier.report.style import KIND_COLORS, STATUS_COLORS
from dossier.report.summary import pledge_is_confident

if TYPE_CHECKING:
    import pandas as pd

GENERAL = "general"
_WORD = re.compile(r"[\w$€£%'’-]+")


def issue_of(text: str) -> str:
    """First category whose keywords occur in the text (words and runs of up to four words)."""
    words = [w.lower().strip("'’") for w in _WORD.findall(text)]
    grams = set(words)
    for n in (2, 3, 4):
        grams |= {" ".join(words[i:i + n]) for i in range(len(words) - n + 1)}
    for category, keywords in CATEGORY_KEYWORDS:
        if any(k in grams for k in keywords):
            return category
    return GENERAL


def chip(code: str, sentence_id: object, evidence: str, colour: str, detail: str = "") -> str:
    """A coloured label linking to its evidence; `detail` (escaped here) follows it in small type."""
    extra = f' <span class="chip-detail">{esc(detail)}</span>' if detail else ""
    return link(f'<span class="chip" style="background:{colour}">{esc(label(code))}</span>{extra}',
                sentence_id, evidence)


def stance_cells(tables: Mapping[str, pd.DataFrame]) -> dict[tuple[str, str], list[tuple[float, str]]]:
    """(actor, issue) -> [(order, chip html)], pledges first (firmest first), then statements."""
    cells: dict[tuple[str, str], list[tuple[float, str]]] = {}
    pledges, statements = tables.get("pledges"), tables.get("statements")
    for r in ([] if pledges is None else pledges.to_dict("records")):
        if r["status"] not in STATUS_COLORS:
            continue
        unsure = not pledge_is_confident(r)
        order = STATUS_ORDER.index(r["status"]) + (0.5 if unsure else 0)
        detail = amount_and_deadline(r)
        cells.setdefault((r["actor"], r["category"] or GENERAL), []).append(
            (order, chip(r["status"], r["sentence_id"], r["evidence"], STATUS_COLORS[r["status"]],
                         " ".join(b for b in (detail, "(less sure)" if unsure else "") if b))))
    for r in ([] if statements is None else statements.to_dict("records")):
        if r["kind"] == "claim" or r["kind"] not in KINDS:
            continue
        content = after_verb(r["evidence"], r["verb"]) or r["evidence"]
        order = len(STATUS_ORDER) + KINDS.index(r["kind"])
        target = f"at {r['target']}" if r.get("target") else ""
        cells.setdefault((r["speaker"], issue_of(content)), []).append(
            (order, chip(r["kind"], r["sentence_id"], r["evidence"], KIND_COLORS.get(r["kind"], "#6b6b6b"), target)))
    return cells


def stance_matrix(tables: Mapping[str, pd.DataFrame]) -> str:
    """The matrix as an HTML table in a scroll container (a phone scrolls it, not the page)."""
    cells = stance_cells(tables)
    if not cells:
        return '<p class="note">No actor took a stance the extraction could place: no pledges, threats, ' \
               "rejections, accusations, demands, warnings or endorsements.</p>"
    weight: dict[str, int] = {}
    for (actor, _), chips in cells.items():
        weight[actor] = weight.get(actor, 0) + len(chips)
    actors = sorted(weight, key=lambda a: -weight[a])
    present = {issue for _, issue in cells}
    issues = [c for c in CATEGORIES if c in present] + ([GENERAL] if GENERAL in present else [])
    head = "".join(f'<th scope="col">{esc(title_label(i))}</th>' for i in issues)
    body = []
    for actor in actors:
        tds = []
        for issue in issues:
            chips = [html for _, html in sorted(cells.get((actor, issue), []), key=lambda c: c[0])]
            tds.append(f'<td data-label="{esc(title_label(issue))}">{" ".join(chips)}</td>' if chips
                       else '<td class="empty"></td>')
        body.append(f'<tr><th scope="row">{esc(actor)}</th>{"".join(tds)}</tr>')
    legend = " ".join(f'<span class="chip" style="background:{STATUS_COLORS[s]}">{esc(label(s))}</span>'
                      for s in STATUS_ORDER)
    cols = '<col style="width:16%">' + "<col>" * len(issues)
    return (f'<div class="scroll"><table class="matrix" id="stance-matrix"><colgroup>{cols}</colgroup>'
            f'<thead><tr><th scope="col">Actor</th>'
            f'{head}</tr></thead><tbody>{"".join(body)}</tbody></table></div>'
            f'<p class="legend">Pledge status, firmest first: {legend}. Statements (threat, rejection, '
            "accusation, demand, warning, endorsement) in darker tones; each label links to its sentence.</p>")
