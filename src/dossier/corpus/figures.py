"""The corpus report's figures: the pledge tracker and the top actors over time (PNG embedded
by `dossier.report.figures.figure_html`, so HTML and PDF show the same picture)."""

from __future__ import annotations

from dossier.corpus.data import CorpusData
from dossier.report.labels import STATUS_ORDER, label, title_label
from dossier.report.style import STATUS_COLORS


def pledge_tracker(data: CorpusData, limit: int = 24) -> str:
    """Pledge keys (actor · category) by publication date, each dot coloured by the status reported."""
    from datetime import date


    status = data["pledge_status"]
    status = status[status["published"].notna() & (status["published"] != "")]
    if status.empty:
        return '<p class="note">No dated pledges: the tracker needs publication dates (sidecars or a date field).</p>'
    keys = status.groupby(["corpus_actor", "category"]).agg(n=("article", "size"), statuses=("status", "nunique"))
    total = len(keys)
    keys = keys.sort_values(["statuses", "n"], ascending=False).head(limit).sort_index()
    order = list(keys.index)
    fig = _figure(7.2, 0.3 * len(order) + 1.2)
    ax = fig.add_subplot()
    for y, (actor, category) in enumerate(order):
        rows = status[(status["corpus_actor"] == actor) & (status["category"] == category)].sort_values("published")
        when = [date.fromisoformat(d) for d in rows["published"]]
        ax.plot(when, [y] * len(when), color="#c8cdd3", linewidth=1.2, zorder=1)
        ax.scatter(when, [y] * len(when), c=[STATUS_COLORS.get(s, "#999") for s in rows["status"]], s=46,
                   zorder=2, edgecolors="white", linewidths=0.6)
    ax.set_yticks(range(len(order)), [_label(f"{a} · {title_label(c)}") for a, c in order])
    ax.set_ylim(len(order) - 0.5, -0.7)
    _axes(ax, fig)
    from matplotlib.patches import Patch

    used = [s for s in STATUS_ORDER if s in set(status["status"])]
    ax.legend(handles=[Patch(color=STATUS_COLORS[s], label=label(s)) for s in used], frameon=False,
              fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    shown = (f" The {len(order)} of {total} commitments shown are those that changed status or appear most often."
             if total > len(order) else "")
    return figure_html(fig, "Pledge tracker: each commitment (actor · category) across publication dates, "
                            "coloured by the status each article reports." + shown,
                       "Pledge tracker: " + "; ".join(f"{a} {c}" for a, c in order))


def actors_over_time(data: CorpusData, top: int = 10) -> str:
    """The most present actors by week: dot size is mentions that week."""
    from datetime import date, timedelta


    df = data["actors_over_time"]
    if df.empty:
        return '<p class="note">No dated articles.</p>'
    leaders = list(data["corpus_actors"]["corpus_actor"].head(top))
    df = df[df["corpus_actor"].isin(leaders)].copy()
    df["week"] = [date.fromisoformat(d) - timedelta(days=date.fromisoformat(d).weekday()) for d in df["published"]]
    weekly = df.groupby(["corpus_actor", "week"])["mentions"].sum().reset_index()
    fig = _figure(7.2, 0.3 * len(leaders) + 1.2)
    ax = fig.add_subplot()
    position = {a: y for y, a in enumerate(leaders)}
    ax.scatter(weekly["week"], [position[a] for a in weekly["corpus_actor"]],
               s=[14 + 9 * m for m in weekly["mentions"]], color="#4c6a92", alpha=0.8, edgecolors="white")
    ax.set_yticks(range(len(leaders)), [_label(a) for a in leaders])
    ax.set_ylim(len(leaders) - 0.5, -0.7)
    _axes(ax, fig)
    return figure_html(fig, "Top actors over time: mentions per week (bigger dot, more mentions).",
                       "Mentions per week of " + ", ".join(leaders))


def _figure(width: float, height: float):
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=100)
    fig.patch.set_facecolor("white")
    return fig


def _label(text: object) -> str:
    return str(text).replace("$", r"\$")  # matplotlib would read "$...$" as mathematics


def _axes(ax, fig) -> None:
    import matplotlib.dates as mdates

    ax.xaxis.set_major_formatter(mdates.DateFormatter("%d %b\n%Y"))
    ax.xaxis.grid(True, color="#e6e6e6")
    ax.set_axisbelow(True)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.tick_params(labelsize=8.5, colors="#222222", length=0)


def figure_html(fig: object, caption: str, alt: str = "") -> str:
    """A matplotlib figure as an inline PNG with its caption (the PDF renderer reads only data: URLs)."""
    import base64
    import html
    import io

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=170)
    data = base64.b64encode(buffer.getvalue()).decode()
    return (f'<figure class="chart"><img alt="{html.escape(alt or caption)}" src="data:image/png;base64,{data}">'
            f"<figcaption>{html.escape(caption)}</figcaption></figure>")
