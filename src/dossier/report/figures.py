"""Figures drawn in HTML and CSS, not as pictures: their text stays text, so it is legible at
phone width, sharp in print and wraps inside the page like the rest of the report."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from dossier.report.evidence import esc, link
from dossier.report.labels import label
from dossier.report.style import TYPE_COLORS

if TYPE_CHECKING:
    import pandas as pd

NEAR_DAYS = 45  # "the article's own days": dates this close to the publication date


def actors_chart(actors: pd.DataFrame, top: int = 12) -> str:
    """Mentions per actor as bars, most mentioned first."""
    rows = actors.sort_values("mentions", ascending=False).head(top)
    most = max(int(rows["mentions"].max()), 1) if len(rows) else 1
    items = []
    for r in rows.to_dict("records"):
        width = 100 * int(r["mentions"]) / most
        colour = TYPE_COLORS.get(r["type"], "#999999")
        items.append(f'<li><span class="bar-name">{esc(r["name"])} <span class="bar-type">{esc(label(r["type"]))}'
                     f'</span></span><span class="bar-track"><span class="bar" style="width:{width:.1f}%;'
                     f'background:{colour}"></span></span><span class="bar-value">{int(r["mentions"])}</span></li>')
    return (f'<figure class="bars"><ol>{"".join(items)}</ol><figcaption>The {len(rows)} most-mentioned actors: '
            "names, titles, pronouns and capitals resolved to one actor.</figcaption></figure>")


def parse_date(iso: str) -> date | None:
    """The first day an ISO date, month or year stands for; None for anything else."""
    padded = iso + "-01-01" if len(iso) == 4 else iso + "-01" if len(iso) == 7 else iso
    try:
        return date.fromisoformat(padded)
    except ValueError:
        return None


def show_date(iso: str, precision: str) -> str:
    when = parse_date(iso)
    if when is None:
        return iso
    if precision == "year" or len(iso) == 4:
        return str(when.year)
    if precision == "month" or len(iso) == 7:
        return when.strftime("%B %Y")
    text = when.strftime("%a %d %b %Y").replace(" 0", " ")
    return "week of " + text if precision == "week" else text


def timeline_chart(timeline: pd.DataFrame, published: str | None = None) -> str:
    """The article's own days as a vertical timeline, then the wider history, one line per date."""
    rows = [r for r in timeline.to_dict("records") if parse_date(r["date"])]
    if not rows:
        return ""
    rows.sort(key=lambda r: (parse_date(r["date"]), r["sentence_id"]))
    seen, unique = set(), []
    for r in rows:
        if (r["date"], r["sentence_id"]) not in seen:
            seen.add((r["date"], r["sentence_id"]))
            unique.append(r)
    days = [parse_date(r["date"]) for r in unique if r["precision"] == "day"]
    anchor = parse_date(published or "") or (max(days) if days else None)
    near = [r for r in unique if anchor and r["precision"] in ("day", "week", "month")
            and abs((parse_date(r["date"]) - anchor).days) <= NEAR_DAYS]
    far = [r for r in unique if r not in near]
    out = []
    for title, group, cls in (("The article's days", near, "near"), ("Further back or ahead", far, "far")):
        if not group:
            continue
        items = "".join(
            f'<li><time datetime="{esc(r["date"])}">{esc(show_date(r["date"], r["precision"]))}</time>'
            f'<span class="what">{link(esc(r["evidence"]), r["sentence_id"])}'
            f'<span class="expr">“{esc(r["expression"])}”{(" · " + esc(r["actor"])) if r.get("actor") else ""}'
            "</span></span></li>" for r in group)
        out.append(f'<h3>{esc(title)}</h3><ol class="timeline {cls}">{items}</ol>')
    return "".join(out)
