"""Figures as self-contained <figure> HTML (PNG embedded), so HTML and PDF show the same thing."""

from __future__ import annotations

import base64
import html
import io
from typing import TYPE_CHECKING

from dossier.report.style import CATEGORY_LABELS, STATUS_COLORS, STATUS_LABELS, STATUS_ORDER, TYPE_COLORS

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

INK, MUTED, GRID = "#222222", "#6b6b6b", "#e6e6e6"


def _new_figure(width: float, height: float) -> Figure:
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=100)
    fig.patch.set_facecolor("white")
    return fig


def _label(text: object) -> str:
    """Article text as a plain label: matplotlib would read "$...$" as mathematics."""
    return str(text).replace("$", r"\$")


def _style(ax) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color("#bbbbbb")
    ax.tick_params(colors=INK, labelsize=9)


def figure_html(fig: Figure, caption: str, alt: str) -> str:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=170, bbox_inches="tight")
    data = base64.b64encode(buffer.getvalue()).decode()
    return (f'<figure class="chart"><img alt="{html.escape(alt)}" src="data:image/png;base64,{data}">'
            f"<figcaption>{html.escape(caption)}</figcaption></figure>")


def actors_chart(actors: pd.DataFrame, top: int = 12) -> str:
    rows = actors.sort_values("mentions", ascending=False).head(top).iloc[::-1]
    fig = _new_figure(7.0, 0.32 * len(rows) + 0.9)
    ax = fig.add_subplot()
    colors = [TYPE_COLORS.get(t, "#999999") for t in rows["type"]]
    ax.barh([_label(n) for n in rows["name"]], rows["mentions"], color=colors, height=0.66)
    for y, value in enumerate(rows["mentions"]):
        ax.text(value + 0.2, y, str(value), va="center", fontsize=8.5, color=MUTED)
    ax.set_xlabel("mentions (names, titles, pronouns and metonyms resolved)", fontsize=8.5, color=MUTED)
    ax.xaxis.grid(True, color=GRID)
    ax.set_axisbelow(True)
    _style(ax)
    from matplotlib.patches import Patch

    present = [t for t in TYPE_COLORS if t in set(rows["type"])]
    ax.legend(handles=[Patch(color=TYPE_COLORS[t], label=t) for t in present], frameon=False, fontsize=8,
              loc="lower right")
    counts = ", ".join(f"{n} {m}" for n, m in zip(rows["name"][::-1], rows["mentions"][::-1], strict=True))
    return figure_html(fig, f"The {len(rows)} most-mentioned actors.", "Bar chart of mentions per actor: " + counts)


def pledge_matrix(pledges: pd.DataFrame) -> str:
    """Actor by category, each cell coloured by the firmest status stated (several: split cell)."""
    actors = list(dict.fromkeys(pledges["actor"]))
    categories = [c for c in CATEGORY_LABELS if c in set(pledges["category"])]
    fig = _new_figure(max(5.0, 1.05 * len(categories) + 2.6), 0.42 * len(actors) + 1.3)
    ax = fig.add_subplot()
    for y, actor in enumerate(actors):
        for x, category in enumerate(categories):
            cell = pledges[(pledges["actor"] == actor) & (pledges["category"] == category)]
            statuses = [s for s in STATUS_ORDER if s in set(cell["status"])]
            for k, status in enumerate(statuses):
                width = 0.86 / len(statuses)
                ax.add_patch(_rect(x - 0.43 + k * width, y - 0.36, width, 0.72, STATUS_COLORS[status]))
    ax.set_xlim(-0.6, len(categories) - 0.4)
    ax.set_ylim(len(actors) - 0.4, -0.6)
    ax.set_xticks(range(len(categories)), [CATEGORY_LABELS[c] for c in categories], rotation=30, ha="right")
    ax.set_yticks(range(len(actors)), [_label(a) for a in actors])
    ax.tick_params(length=0, labelsize=9, colors=INK)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.set_xticks([x + 0.5 for x in range(len(categories) - 1)], minor=True)
    ax.set_yticks([y + 0.5 for y in range(len(actors) - 1)], minor=True)
    ax.grid(which="minor", color=GRID)
    from matplotlib.patches import Patch

    used = [s for s in STATUS_ORDER if s in set(pledges["status"])]
    ax.legend(handles=[Patch(color=STATUS_COLORS[s], label=STATUS_LABELS[s]) for s in used], frameon=False,
              fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    return figure_html(fig, "Pledge matrix: who committed to what, coloured by how firmly "
                            "(a split cell holds more than one status).",
                       "Matrix of actors by pledge category, coloured by status.")


def _rect(x: float, y: float, w: float, h: float, color: str):
    from matplotlib.patches import Rectangle

    return Rectangle((x, y), w, h, color=color, linewidth=0)


def timeline_chart(timeline: pd.DataFrame) -> str:
    """Dated events on one axis; each labelled with its time expression and actor."""
    from datetime import date

    rows = timeline[timeline["date"] != ""].copy()
    rows["when"] = [date.fromisoformat(_pad(d)) for d in rows["date"]]
    rows = rows.sort_values("when").drop_duplicates(subset=["date", "sentence_id"])
    fig = _new_figure(7.2, 0.34 * len(rows) + 0.9)
    ax = fig.add_subplot()
    for y, row in enumerate(rows.itertuples()):
        ax.plot([row.when], [y], "o", color="#3b6fb6", markersize=5)
        label = f"{row.expression}" + (f" · {row.actor}" if row.actor else "")
        ax.annotate(_label(_shorten(label, 60)), (row.when, y), xytext=(6, 0), textcoords="offset points",
                    va="center", fontsize=8, color=INK)
    ax.set_yticks([])
    ax.set_ylim(len(rows) - 0.5, -0.7)
    ax.xaxis.grid(True, color=GRID)
    _style(ax)
    ax.spines["left"].set_visible(False)
    span = (rows["when"].max() - rows["when"].min()).days if len(rows) else 0
    left, right = ax.get_xlim()
    ax.set_xlim(left, right + (right - left) * 0.45 + 1)
    caption = "Timeline of dated events" + (" (spanning decades: note the scale)" if span > 3650 else "") + "."
    return figure_html(fig, caption, "Timeline of dated events: " + "; ".join(
        f"{d} {e}" for d, e in zip(rows["date"], rows["expression"], strict=True)))


def _pad(iso: str) -> str:
    return iso + "-01-01" if len(iso) == 4 else iso + "-01" if len(iso) == 7 else iso


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
