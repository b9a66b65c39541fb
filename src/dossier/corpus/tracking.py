"""How things move across the corpus: pledge status over publication dates, its changes,
statements per speaker and target over time, precedents by frequency and use, actors over time.

Built on the driver from the committed partitions after every run (cheap: tables, not text),
so they always describe exactly the articles the corpus holds now.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from dossier.corpus import store
from dossier.corpus.identity import link_actors

if TYPE_CHECKING:
    import pandas as pd

DERIVED = ("corpus_actors", "actor_map", "pledge_status", "changes", "statements_over_time",
           "precedent_summary", "actors_over_time", "actor_pairs")


def _to_corpus(df: pd.DataFrame, mapping: pd.DataFrame, column: str) -> pd.Series:
    """An article-level actor name column mapped to corpus actors (unmatched text kept as it is)."""
    lookup = {(a, n): c for a, n, c in mapping[["article", "actor", "corpus_actor"]].itertuples(index=False)}
    return df.apply(lambda r: lookup.get((r["article"], r[column]), r[column]) if r[column] else r[column], axis=1)


def pledge_status(pledges: pd.DataFrame, mapping: pd.DataFrame, titles: dict[str, str]) -> pd.DataFrame:
    """One row per pledge key (corpus actor, category) and article: the status that article reports
    (its first sentence about the key: wire copy states the news first)."""
    import pandas as pd

    cols = ["corpus_actor", "category", "published", "status", "article", "title", "evidence", "actor"]
    if pledges.empty:
        return pd.DataFrame(columns=cols)
    df = pledges.assign(corpus_actor=_to_corpus(pledges, mapping, "actor"))
    df = df.sort_values(["article", "sentence_id"]).drop_duplicates(["corpus_actor", "category", "article"])
    df["title"] = df["article"].map(titles)
    return df[cols].sort_values(["corpus_actor", "category", "published", "article"],
                                na_position="last").reset_index(drop=True)


def status_changes(status: pd.DataFrame) -> pd.DataFrame:
    """Each change of a key's status between consecutive dated articles, with both sides' evidence."""
    import pandas as pd

    rows = []
    dated = status[status["published"].notna() & (status["published"] != "")]
    for (actor, category), group in dated.groupby(["corpus_actor", "category"], sort=True):
        previous = None
        for row in group.sort_values(["published", "article"]).itertuples():
            if previous is not None and row.status != previous.status:
                rows.append({
                    "corpus_actor": actor, "category": category,
                    "from_status": previous.status, "to_status": row.status,
                    "from_published": previous.published, "to_published": row.published,
                    "from_article": previous.article, "to_article": row.article,
                    "from_title": previous.title, "to_title": row.title,
                    "from_evidence": previous.evidence, "to_evidence": row.evidence,
                })
            previous = row
    return pd.DataFrame(rows, columns=["corpus_actor", "category", "from_status", "to_status", "from_published",
                                       "to_published", "from_article", "to_article", "from_title", "to_title",
                                       "from_evidence", "to_evidence"])


def statements_over_time(statements: pd.DataFrame, mapping: pd.DataFrame) -> pd.DataFrame:
    import pandas as pd

    cols = ["speaker", "target", "kind", "published", "statements", "articles", "article", "evidence"]
    if statements.empty:
        return pd.DataFrame(columns=cols)
    df = statements.assign(speaker=_to_corpus(statements, mapping, "speaker"),
                           target=_to_corpus(statements.fillna({"target": ""}), mapping, "target"))
    df = df.fillna({"published": ""})
    grouped = df.sort_values(["article", "sentence_id"]).groupby(["speaker", "target", "kind", "published"],
                                                                 sort=True)
    out = grouped.agg(statements=("evidence", "size"), articles=("article", "nunique"),
                      article=("article", "first"), evidence=("evidence", "first")).reset_index()
    return out[cols]


def precedent_summary(precedents: pd.DataFrame) -> pd.DataFrame:
    """Precedents by how many articles invoke them, and how (model, cautionary tale, context)."""
    import pandas as pd

    uses = ["model", "cautionary", "context"]
    cols = ["precedent", "year", "articles", "mentions", *uses, "first_published", "last_published",
            "article", "evidence"]
    if precedents.empty:
        return pd.DataFrame(columns=cols)
    df = precedents.assign(precedent=precedents["canonical"].fillna("").where(precedents["canonical"].fillna("") != "",
                                                                              precedents["name"]))
    rows = []
    for name, group in df.groupby("precedent"):
        counts = group["invoked_as"].value_counts()
        dates = sorted(d for d in group["published"].dropna() if d)
        first = group.sort_values(["published", "article"], na_position="last").iloc[0]
        years = group["year"].dropna()
        rows.append({"precedent": name, "year": int(years.iloc[0]) if len(years) else None,
                     "articles": group["article"].nunique(), "mentions": len(group),
                     **{u: int(counts.get(u, 0)) for u in uses},
                     "first_published": dates[0] if dates else None, "last_published": dates[-1] if dates else None,
                     "article": first["article"], "evidence": first["evidence"]})
    out = pd.DataFrame(rows, columns=cols)
    out["year"] = out["year"].astype("Int64")
    return out.sort_values(["articles", "mentions", "precedent"], ascending=[False, False, True]).reset_index(drop=True)


def actors_over_time(actors: pd.DataFrame, mapping: pd.DataFrame) -> pd.DataFrame:
    import pandas as pd

    cols = ["corpus_actor", "published", "mentions", "articles"]
    if actors.empty:
        return pd.DataFrame(columns=cols)
    df = actors.assign(corpus_actor=_to_corpus(actors.rename(columns={"name": "actor"}), mapping, "actor"))
    df = df[df["published"].notna()]
    out = df.groupby(["corpus_actor", "published"]).agg(mentions=("mentions", "sum"),
                                                         articles=("article", "nunique")).reset_index()
    return out[cols]


def actor_pairs(mapping: pd.DataFrame) -> pd.DataFrame:
    """Which corpus actors appear in the same articles, and in how many."""
    from itertools import combinations

    import pandas as pd

    together: dict[tuple[str, str], list[str]] = {}
    for article, group in mapping.groupby("article", sort=True):
        for pair in combinations(sorted(set(group["corpus_actor"])), 2):
            together.setdefault(pair, []).append(article)
    rows = [{"actor_a": a, "actor_b": b, "articles": len(arts), "article_list": " | ".join(arts)}
            for (a, b), arts in together.items()]
    out = pd.DataFrame(rows, columns=["actor_a", "actor_b", "articles", "article_list"])
    return out.sort_values(["articles", "actor_a", "actor_b"], ascending=[False, True, True]).reset_index(drop=True)


def build_corpus_tables(root: Path) -> dict[str, pd.DataFrame]:
    """Read the committed article tables, link actors, write every derived table; returns them."""
    articles = store.read_table(root, "articles")
    ok = articles[articles["status"] == "ok"]
    titles = dict(zip(ok["article"], ok["title"], strict=True))
    actors = store.read_table(root, "actors")
    corpus_actors, mapping = link_actors(actors)
    status = pledge_status(store.read_table(root, "pledges"), mapping, titles)
    tables = {
        "corpus_actors": corpus_actors,
        "actor_map": mapping,
        "pledge_status": status,
        "changes": status_changes(status),
        "statements_over_time": statements_over_time(store.read_table(root, "statements"), mapping),
        "precedent_summary": precedent_summary(store.read_table(root, "precedents")),
        "actors_over_time": actors_over_time(actors, mapping),
        "actor_pairs": actor_pairs(mapping),
    }
    for name in DERIVED:
        store.write_derived(root, name, tables[name])
    return tables
