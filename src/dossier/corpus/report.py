"""The corpus report's HTML fragments: title, summary, and the tables its notebook displays.

Every piece of article text passes through `links.esc` (`html.escape`); rows link through
`dossier.corpus.links`.
"""

from __future__ import annotations

from dossier.corpus.data import CorpusData
from dossier.corpus.links import article_link, esc, evidence
from dossier.report.labels import label, title_label
from dossier.report.style import STATUS_COLORS


def _pill(status: str) -> str:
    return (f'<span class="pill" style="background:{STATUS_COLORS.get(status, "#999")}">'
            f"{esc(label(status))}</span>")


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
    category = label(row["category"])
    before = label(row["from_status"])
    after = label(row["to_status"])
    return (f"<b>{esc(row['corpus_actor'])}</b> on {esc(category)} went from {esc(before)} "
            f"({esc(row['from_published'])}) to {esc(after)} ({esc(row['to_published'])})")


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def changes_table(data: CorpusData) -> str:
    rows = []
    for r in data["changes"].to_dict("records"):
        rows.append([
            esc(r["corpus_actor"]), esc(title_label(r["category"])),
            f'{_pill(r["from_status"])} → {_pill(r["to_status"])}',
            f'{esc(r["from_published"])}: {article_link(data, r["from_article"], r["from_title"])}<br>'
            f'<span class="evidence">{evidence(data, r["from_article"], r["from_evidence"])}</span>',
            f'{esc(r["to_published"])}: {article_link(data, r["to_article"], r["to_title"])}<br>'
            f'<span class="evidence">{evidence(data, r["to_article"], r["to_evidence"])}</span>',
        ])
    return _table([("Actor", 13), ("Commitment", 11), ("Change", 16), ("Before", 30), ("After", 30)], rows,
                  "No commitment changed status between dated articles.")


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
