"""The corpus report: the fragments its notebook displays, and building it (papermill, then the
article report's own renderer, `dossier.report.render`, for HTML and PDF).

Every piece of article text passes through `html.escape`. Rows link to the article's own report
when one was built from the same file (`make report`), and to the evidence sentence in it (a
text fragment link, `#:~:text=`, which browsers scroll to and highlight).
"""

from __future__ import annotations

import hashlib
import html
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from dossier.corpus import store
from dossier.corpus.tracking import DERIVED
from dossier.errors import DossierError
from dossier.report.style import CATEGORY_LABELS, STATUS_COLORS, STATUS_LABELS, STATUS_ORDER

if TYPE_CHECKING:
    import pandas as pd



def esc(value: object) -> str:
    """Escaped text; a missing value (None, NaN from a Parquet null) is empty."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return html.escape(str(value))

NOTEBOOK = "corpus_report.ipynb"


def report_dir(name: str) -> Path:
    from dossier.paths import REPORTS

    return REPORTS / "_corpus" / name


@dataclass
class CorpusData:
    name: str
    root: Path
    out_dir: Path  # where the report goes: links are relative to it
    articles: pd.DataFrame
    errors: pd.DataFrame
    tables: dict[str, pd.DataFrame]

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.tables[name]


def load_corpus(name: str) -> CorpusData:
    root = store.corpus_dir(name)
    if not (root / "articles").is_dir():
        raise DossierError(f"no corpus named '{name}' in {root.parent}: run make corpus CORPUS=... first.")
    tables = {t: store.read_derived(root, t) for t in DERIVED}
    return CorpusData(name, root, report_dir(name), store.read_table(root, "articles"),
                      store.read_table(root, "errors"), tables)


# ---------------------------------------------------------------- links

def article_report(data: CorpusData, slug: str) -> str | None:
    """Relative link to `reports/<slug>/report.html` if it was built from this very article."""
    from dossier.paths import DATA_PROCESSED, REPORTS

    report = REPORTS / slug / "report.html"
    if not report.exists():
        return None
    row = data.articles[data.articles["article"] == slug]
    path = row["path"].iloc[0] if len(row) else None
    try:
        built = json.loads((DATA_PROCESSED / slug / "article.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    same = (path and built.get("source_path") and Path(built["source_path"]).resolve() == Path(path).resolve())
    same = same or (not path and len(row) and built.get("title") == row["title"].iloc[0])
    return os.path.relpath(report, data.out_dir) if same else None


def _source_link(data: CorpusData, slug: str) -> str | None:
    row = data.articles[data.articles["article"] == slug]
    path = row["path"].iloc[0] if len(row) else None
    return os.path.relpath(Path(path).resolve(), data.out_dir.resolve()) if isinstance(path, str) and path else None


def article_link(data: CorpusData, slug: str, label: str) -> str:
    href = article_report(data, slug) or _source_link(data, slug)
    text = esc(label if isinstance(label, str) and label else slug)
    return f'<a href="{esc(href)}">{text}</a>' if href else text


def evidence(data: CorpusData, slug: str, sentence: str) -> str:
    """The sentence, quoted; a link into the article's report, scrolled to the sentence, when one exists."""
    sentence = sentence or ""
    href = article_report(data, slug)
    if not href:
        return f"“{esc(sentence)}”"
    words = sentence.split()
    fragment = quote(" ".join(words[:8]), safe="") + ("," + quote(" ".join(words[-4:]), safe="")
                                                      if len(words) > 12 else "")
    return f'<a href="{esc(href)}#:~:text={fragment}">“{esc(sentence)}”</a>'


# ---------------------------------------------------------------- fragments

def _pill(status: str) -> str:
    return (f'<span class="pill" style="background:{STATUS_COLORS.get(status, "#999")}">'
            f"{esc(STATUS_LABELS.get(status, status))}</span>")


def _table(head: list[tuple[str, int]], rows: list[list[str]], empty: str) -> str:
    if not rows:
        return f'<p class="note">{esc(empty)}</p>'
    th = "".join(f'<th style="width:{w}%">{esc(label)}</th>' for label, w in head)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f'<table class="data"><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>'


def title_block(data: CorpusData, generated_at: str, version: str) -> str:
    ok = data.articles[data.articles["status"] == "ok"]
    dates = sorted(d for d in ok["published"].dropna() if d)
    span = f"{dates[0]} to {dates[-1]}" if dates else "no publication dates"
    sources = sorted({s for s in ok["source"].dropna() if s})
    facts = [("Articles", f"{len(ok)} extracted, {len(data.errors)} failed"), ("Published", span),
             ("Sources", ", ".join(sources[:6]) + (" …" if len(sources) > 6 else "") or "not stated"),
             ("Generated", generated_at), ("Pipeline", f"Dossier {version}")]
    rows = "".join(f"<div><dt>{esc(k)}</dt><dd>{esc(v)}</dd></div>" for k, v in facts)
    return (f'<header class="title-block"><p class="kicker">Dossier corpus report</p>'
            f'<h1>Corpus “{esc(data.name)}”</h1><dl class="facts">{rows}</dl></header>')


def summary(data: CorpusData) -> str:
    """One paragraph in plain words: size, the most present actors, how commitments moved."""
    ok = data.articles[data.articles["status"] == "ok"]
    actors, changes, status = data["corpus_actors"], data["changes"], data["pledge_status"]
    precedents = data["precedent_summary"]
    parts = [f"The corpus holds <b>{len(ok)}</b> articles"
             + (f" ({len(data.errors)} could not be read or extracted, listed at the end)" if len(data.errors) else "")
             + f", naming <b>{len(actors)}</b> distinct actors."]
    if len(actors):
        top = actors.head(3)
        parts.append("The most present are " + _join([f"<b>{esc(a)}</b> ({n} articles)" for a, n in
                                                      zip(top["corpus_actor"], top["articles"], strict=True)]) + ".")
    merged = actors[actors["variants"].fillna("") != ""] if len(actors) else actors
    if len(merged):
        example = merged.iloc[0]
        parts.append(f"Names were merged across articles: for example <b>{esc(example['corpus_actor'])}</b> also "
                     f"appears as {esc(example['variants'].replace(' | ', ', '))}.")
    if len(status):
        keys = status.groupby(["corpus_actor", "category"]).ngroups
        parts.append(f"<b>{keys}</b> commitments (actor and category) are tracked; "
                     + (f"<b>{len(changes)}</b> changed status between articles, for example "
                        f"{_change_sentence(changes.iloc[0])}." if len(changes) else "none changed status."))
    if len(precedents):
        top = precedents.iloc[0]
        parts.append(f"The most invoked precedent is <b>{esc(top['precedent'])}</b> ({top['articles']} "
                     f"article{'s' if top['articles'] != 1 else ''}).")
    return '<p class="summary">' + " ".join(parts) + "</p>"


def _change_sentence(row) -> str:
    category = CATEGORY_LABELS.get(row["category"], row["category"]).lower()
    before = STATUS_LABELS.get(row["from_status"], row["from_status"])
    after = STATUS_LABELS.get(row["to_status"], row["to_status"])
    return (f"<b>{esc(row['corpus_actor'])}</b> on {esc(category)} went from {esc(before)} "
            f"({esc(row['from_published'])}) to {esc(after)} ({esc(row['to_published'])})")


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def changes_table(data: CorpusData) -> str:
    rows = []
    for r in data["changes"].to_dict("records"):
        rows.append([
            esc(r["corpus_actor"]), esc(CATEGORY_LABELS.get(r["category"], r["category"])),
            f'{_pill(r["from_status"])} → {_pill(r["to_status"])}',
            f'{esc(r["from_published"])}: {article_link(data, r["from_article"], r["from_title"])}<br>'
            f'<span class="evidence">{evidence(data, r["from_article"], r["from_evidence"])}</span>',
            f'{esc(r["to_published"])}: {article_link(data, r["to_article"], r["to_title"])}<br>'
            f'<span class="evidence">{evidence(data, r["to_article"], r["to_evidence"])}</span>',
        ])
    return _table([("Actor", 13), ("Commitment", 11), ("Change", 16), ("Before", 30), ("After", 30)], rows,
                  "No commitment changed status between dated articles.")


def pledge_tracker(data: CorpusData, limit: int = 24) -> str:
    """Pledge keys (actor · category) by publication date, each dot coloured by the status reported."""
    from datetime import date

    from dossier.report.figures import figure_html

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
    ax.set_yticks(range(len(order)), [_label(f"{a} · {CATEGORY_LABELS.get(c, c)}") for a, c in order])
    ax.set_ylim(len(order) - 0.5, -0.7)
    _axes(ax, fig)
    from matplotlib.patches import Patch

    used = [s for s in STATUS_ORDER if s in set(status["status"])]
    ax.legend(handles=[Patch(color=STATUS_COLORS[s], label=STATUS_LABELS[s]) for s in used], frameon=False,
              fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    shown = (f" The {len(order)} of {total} commitments shown are those that changed status or appear most often."
             if total > len(order) else "")
    return figure_html(fig, "Pledge tracker: each commitment (actor · category) across publication dates, "
                            "coloured by the status each article reports." + shown,
                       "Pledge tracker: " + "; ".join(f"{a} {c}" for a, c in order))


def actors_over_time(data: CorpusData, top: int = 10) -> str:
    """The most present actors by week: dot size is mentions that week."""
    from datetime import date, timedelta

    from dossier.report.figures import figure_html

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


def pairs_table(data: CorpusData, limit: int = 15) -> str:
    pairs = data["actor_pairs"]
    pairs = pairs[pairs["articles"] >= 2].head(limit) if len(pairs) else pairs
    rows = [[esc(r["actor_a"]), esc(r["actor_b"]), str(r["articles"]),
             ", ".join(article_link(data, slug, _title(data, slug)) for slug in r["article_list"].split(" | "))]
            for r in pairs.to_dict("records")]
    return _table([("Actor", 20), ("Appears with", 20), ("Articles", 10), ("In", 50)], rows,
                  "No two actors appear together in more than one article.")


def _title(data: CorpusData, slug: str) -> str:
    row = data.articles[data.articles["article"] == slug]
    return row["title"].iloc[0] if len(row) else slug


def statements_table(data: CorpusData, limit: int = 25) -> str:
    df = data["statements_over_time"]
    df = df[df["target"].fillna("") != ""] if len(df) else df
    rows = []
    for r in df.sort_values(["published", "speaker"]).head(limit).to_dict("records"):
        rows.append([esc(r["published"]) or "undated", esc(r["speaker"]), esc(r["kind"]), esc(r["target"]),
                     f'{evidence(data, r["article"], r["evidence"])}'])
    return _table([("Date", 11), ("Speaker", 16), ("Kind", 11), ("Target", 14), ("Evidence (first)", 48)], rows,
                  "No statement with a target.")


def precedents_table(data: CorpusData, limit: int = 20) -> str:
    rows = []
    for r in data["precedent_summary"].head(limit).to_dict("records"):
        uses = ", ".join(f"{u} {r[u]}" for u in ("model", "cautionary", "context") if r[u])
        year = "" if r["year"] is None or str(r["year"]) in ("<NA>", "nan") else str(r["year"])
        rows.append([esc(r["precedent"]), esc(year), str(r["articles"]), esc(uses),
                     evidence(data, r["article"], r["evidence"])])
    return _table([("Precedent", 20), ("Year", 7), ("Articles", 9), ("Invoked as", 16), ("Evidence (first)", 48)],
                  rows, "No article invokes a historical precedent.")


def identity_table(data: CorpusData) -> str:
    actors = data["corpus_actors"]
    merged = actors[actors["variants"].fillna("") != ""] if len(actors) else actors
    rows = [[esc(r["corpus_actor"]), esc(r["type"]), esc(r["variants"].replace(" | ", ", ")), str(r["articles"])]
            for r in merged.to_dict("records")]
    return _table([("Corpus actor", 30), ("Type", 14), ("Also written", 42), ("Articles", 14)], rows,
                  "No actor appears under different names.")


def articles_table(data: CorpusData) -> str:
    rows = []
    for r in data.articles.sort_values(["published", "article"], na_position="last").to_dict("records"):
        state = esc(r["error"]) if r["status"] == "error" else "ok"
        rows.append([esc(r["published"]), article_link(data, r["article"], r["title"]), esc(r["source"]), state])
    return _table([("Published", 12), ("Article", 44), ("Source", 18), ("Status", 26)], rows, "No articles.")


# ---------------------------------------------------------------- building

def _fingerprint(name: str) -> str:
    """What the report shows and how: the corpus tables and the report code and notebook."""
    from dossier.paths import NOTEBOOKS

    digest = hashlib.sha256()
    root = store.corpus_dir(name)
    for path in sorted([*root.rglob("*.parquet"), NOTEBOOKS / NOTEBOOK, Path(__file__),
                        *Path(__file__).parents[1].joinpath("report").rglob("*")]):
        if path.is_file():
            digest.update(str(path).encode() + path.read_bytes())
    return digest.hexdigest()


def build_report(name: str, force: bool = False) -> Path:
    """Execute the corpus notebook and render it; skipped when nothing it shows has changed."""
    import shutil
    import tempfile
    from datetime import UTC, datetime

    from dossier import __version__
    from dossier.io import write_text
    from dossier.paths import NOTEBOOKS
    from dossier.report.render import render_report

    out = report_dir(name)
    stamp = out / ".inputs"
    fingerprint = _fingerprint(name)
    if not force and (out / "report.pdf").exists() and stamp.exists() and stamp.read_text() == fingerprint:
        return out
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".corpus-report-", dir=out))
    try:
        executed = staging / NOTEBOOK
        _execute(NOTEBOOKS / NOTEBOOK, executed, {
            "name": name, "generated_at": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"), "version": __version__})
        render_report(executed, out, title=f"Dossier corpus report: {name}")
        os.replace(executed, out / NOTEBOOK)
        write_text(stamp, fingerprint)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return out


def _execute(notebook: Path, executed: Path, params: dict) -> None:
    import logging

    import papermill
    from papermill.exceptions import PapermillExecutionError

    for noisy in ("papermill", "traitlets", "nbclient"):
        logging.getLogger(noisy).setLevel(logging.CRITICAL)
    try:
        papermill.execute_notebook(str(notebook), str(executed), parameters=params, kernel_name="python3",
                                   progress_bar=False, log_output=False, cwd=str(notebook.parent),
                                   kernel_manager_class=_quiet_kernel_manager())
    except PapermillExecutionError as err:
        if err.ename == "DossierError":
            raise DossierError(err.evalue) from None
        raise DossierError(f"the corpus report notebook failed ({err.ename}: {err.evalue}).") from None


def _quiet_kernel_manager() -> type:
    """A kernel whose start-up notices stay off the console (as for the stage notebooks)."""
    import subprocess

    from jupyter_client.manager import AsyncKernelManager

    class QuietKernelManager(AsyncKernelManager):
        async def _async_launch_kernel(self, kernel_cmd: list[str], **kw) -> None:
            kw["stderr"] = subprocess.DEVNULL
            await super()._async_launch_kernel(kernel_cmd, **kw)

    return QuietKernelManager
