"""What runs on a Dask worker: a batch of corpus items in, its Parquet partitions out.

The batch is parsed in one `nlp.pipe` stream (`dossier.nlp.parse_many`); each article is then
extracted by the components `dossier.runner` orders, the very code `make report` runs. A failure
in one article (unreadable, too large, a rule that raises) is recorded in the batch's `errors` and
`articles` rows and never stops the others.
"""

from __future__ import annotations

import resource
import time
from pathlib import Path
from typing import TYPE_CHECKING

from dossier.corpus.sources import CorpusItem, load_item
from dossier.errors import DossierError

if TYPE_CHECKING:
    import pandas as pd

    from dossier.extract import Tables
    from dossier.ingest.article import Article
    from dossier.nlp import ParsedArticle


def one_line(err: BaseException) -> str:
    """A reason for the errors table: the message for our own errors, type and message otherwise."""
    text = str(err).strip().splitlines()[0] if str(err).strip() else ""
    if isinstance(err, DossierError):
        return text
    return f"{type(err).__name__}: {text}" if text else type(err).__name__


def tables_of(parsed: ParsedArticle) -> Tables:
    """`extract_tables` after its parse: the same components, run by the same runner."""
    from dossier.extract import tables_of

    return tables_of(parsed)


def _parse(articles: list[Article]) -> list[ParsedArticle | BaseException]:
    """One stream for the batch; if it fails, article by article so only the culprit is lost."""
    from dossier.nlp import parse, parse_many

    try:
        return list(parse_many(articles))
    except Exception:
        results: list[ParsedArticle | BaseException] = []
        for article in articles:
            try:
                results.append(parse(article))
            except Exception as err:
                results.append(err)
        return results


def article_row(item: CorpusItem, article: Article | None, code_version: str, part: str,
                error: str = "") -> dict:
    return {
        "article": item.slug, "title": (article.title if article else item.title) or item.slug,
        "published": article.published if article else item.published,
        "source": article.source if article else item.source, "path": item.path,
        "content_hash": item.content_hash, "code_version": code_version,
        "status": "error" if error else "ok", "error": error or None, "partition": part,
    }


def process_batch(items: list[CorpusItem], root: str, code_version: str, part: str) -> dict:
    """Extract a batch and write its partitions; returns counts, timings and this worker's peak memory."""
    import pandas as pd

    from dossier.corpus.store import EXTRACTED, write_part

    started = time.perf_counter()
    articles: list[tuple[CorpusItem, Article]] = []
    rows: list[dict] = []
    errors: list[dict] = []

    def fail(item: CorpusItem, article: Article | None, err: BaseException) -> None:
        reason = one_line(err)
        rows.append(article_row(item, article, code_version, part, reason))
        errors.append({"article": item.slug, "path": item.path, "reason": reason})

    for item in items:
        try:
            articles.append((item, load_item(item)))
        except Exception as err:
            fail(item, None, err)
    frames: dict[str, list[tuple[pd.DataFrame, tuple]]] = {name: [] for name in EXTRACTED}
    for (item, article), parsed in zip(articles, _parse([a for _, a in articles]), strict=True):
        if isinstance(parsed, BaseException):
            fail(item, article, parsed)
            continue
        try:
            tables = tables_of(parsed)
        except Exception as err:
            fail(item, article, err)
            continue
        for name, df in tables.items():
            if len(df):
                frames[name].append((df, (item.slug, article.published, article.source)))
        rows.append(article_row(item, article, code_version, part))
    out = Path(root)
    for name in EXTRACTED:
        write_part(out, name, part, _with_article_columns(name, frames[name]))
    write_part(out, "errors", part, pd.DataFrame(errors))
    write_part(out, "articles", part, pd.DataFrame(rows))  # last: the batch's commit mark
    return _summary(len(items), len(errors), started)


def _with_article_columns(name: str, frames: list[tuple[pd.DataFrame, tuple]]) -> pd.DataFrame:
    """The batch's rows of one table, with each row's article, publication date and source."""
    import pandas as pd

    from dossier.corpus.schema import corpus_columns

    if not frames:
        return pd.DataFrame()
    df = pd.concat([f for f, _ in frames], ignore_index=True)
    for position, column in enumerate(corpus_columns(name).values()):
        df[column] = [value[position] for f, value in frames for _ in range(len(f))]
    return df


def parse_only_batch(items: list[CorpusItem]) -> dict:
    """The baseline of the benchmark: read and parse the same batch, extract and write nothing."""
    started = time.perf_counter()
    articles = []
    for item in items:
        try:
            articles.append(load_item(item))
        except Exception:
            continue
    _parse(articles)
    return _summary(len(items), len(items) - len(articles), started)


def _summary(count: int, failed: int, started: float) -> dict:
    import os

    return {"articles": count, "failed": failed, "seconds": time.perf_counter() - started, "pid": os.getpid(),
            "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


WARM_UP = ("Warm-up\n\nGermany said on Monday it would send two air-defence systems to Ukraine, "
           "Chancellor Friedrich Merz told reporters, recalling the Marshall Plan.")


def preload_model() -> float:
    """Load the language model now, once per worker process, and run one tiny article through the
    extraction, so knowledge-base tables and matchers are built before the first real batch; then
    move everything loaded so far out of the garbage collector's way. Returns the worker's MiB."""
    import gc

    from dossier.ingest.article import Article
    from dossier.nlp import load_pipeline, parse

    load_pipeline()
    tables_of(parse(Article.from_text(WARM_UP, slug="warm-up", published="2026-01-01")))
    gc.collect()
    gc.freeze()  # the model and the knowledge base live as long as the worker: never scan them again
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
