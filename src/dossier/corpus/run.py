"""`make corpus`: plan what needs extracting, run it on the cluster, then build the corpus tables.

Incremental: an article whose content hash and code version match a committed row is not sent
to the cluster; a changed or deleted article's old rows are removed from its batch. Every batch
commits on its own, so Ctrl-C keeps what finished and the next run picks up the rest.
"""

from __future__ import annotations

import hashlib
import math
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from dossier.corpus import store
from dossier.corpus.sources import CorpusItem, corpus_name, read_corpus
from dossier.corpus.version import code_version


@dataclass
class RunSummary:
    name: str
    root: Path
    articles: int
    extracted: int = 0
    failed: int = 0
    seconds: float = 0.0  # wall time of the extraction on the cluster (0 when nothing to do)
    total_seconds: float = 0.0
    lost: int = 0  # batches whose worker died: not committed, so the next run retries them
    peak_rss_mib: dict[int, float] = field(default_factory=dict)  # per worker process id


@dataclass
class Plan:
    todo: list[CorpusItem]
    stale: set[str]  # articles whose committed rows must go (changed, deleted, older code)


def plan(items: list[CorpusItem], committed, version: str) -> Plan:
    current = {(r.article, r.content_hash, r.code_version) for r in committed.itertuples()}
    todo = [i for i in items if (i.slug, i.content_hash, version) not in current]
    keep = {i.slug for i in items} - {i.slug for i in todo}
    return Plan(todo, set(committed["article"]) - keep)


def batches(items: list[CorpusItem], workers: int, version: str) -> list[tuple[str, list[CorpusItem]]]:
    """Enough batches for every worker to get several (load balance), none over the setting
    corpus_batch_articles."""
    from dossier.settings import current

    size = max(1, min(current().corpus_batch_articles, math.ceil(len(items) / max(1, workers * 4))))
    out = []
    for start in range(0, len(items), size):
        chunk = items[start:start + size]
        key = hashlib.sha256("\n".join([version, *(f"{i.slug}:{i.content_hash}" for i in chunk)]).encode())
        out.append((f"part-{key.hexdigest()[:16]}", chunk))
    return out


def run_corpus(corpus: str | Path, *, name: str | None = None, scheduler: str | None = None,
               workers: int | None = None, progress: bool = True) -> RunSummary:
    started = time.perf_counter()
    corpus = Path(corpus)
    items = read_corpus(corpus)
    name = name or corpus_name(corpus)
    root = store.corpus_dir(name)
    root.mkdir(parents=True, exist_ok=True)
    store.remove_uncommitted(root)
    version = code_version()
    committed = store.read_table(root, "articles")
    work = plan(items, committed, version)
    store.drop_articles(root, committed, work.stale)
    summary = RunSummary(name=name, root=root, articles=len(items))
    say = (lambda text: print(text, file=sys.stderr)) if progress else (lambda text: None)
    say(f"dossier: corpus '{name}': {len(items)} articles, {len(items) - len(work.todo)} up to date, "
        f"{len(work.todo)} to extract")
    if work.todo:
        from dossier.corpus.cluster import connect, scheduler_address

        with connect(scheduler_address(scheduler), workers=workers, quiet=not progress) as client:
            extract_on(client, work.todo, root, version, summary, progress)
    from dossier.corpus.tracking import build_corpus_tables

    build_corpus_tables(root)
    summary.total_seconds = time.perf_counter() - started
    return summary


def extract_on(client, todo: list[CorpusItem], root: Path, version: str, summary: RunSummary,
               progress: bool) -> None:
    """Submit the batches and collect them as they finish, with a progress bar on the console."""
    from distributed import as_completed
    from tqdm import tqdm

    from dossier.corpus.worker import process_batch

    workers = max(1, len(client.scheduler_info()["workers"]))
    started = time.perf_counter()
    futures = [client.submit(process_batch, chunk, str(root.resolve()), version, part, key=f"dossier-{part}",
                             pure=False)
               for part, chunk in batches(todo, workers, version)]
    bar = tqdm(total=len(todo), unit="article", disable=not progress, file=sys.stderr, dynamic_ncols=True,
               desc="extracting")
    done = 0
    try:
        for future in as_completed(futures):
            done += 1
            try:
                result = future.result()
            except Exception as err:  # the worker died (memory, a crash in native code): not committed
                from dossier.corpus.worker import one_line

                summary.lost += 1
                bar.write(f"dossier: warning: a batch was lost ({one_line(err)}); the next run retries it.")
                continue
            summary.extracted += result["articles"] - result["failed"]
            summary.failed += result["failed"]
            pid = result["pid"]
            summary.peak_rss_mib[pid] = max(summary.peak_rss_mib.get(pid, 0.0), result["peak_rss_mib"])
            bar.update(result["articles"])
    except KeyboardInterrupt:
        import logging

        bar.close()
        # shutting down mid-task makes the cluster log tracebacks of cancelled callbacks: not for people
        for noisy in ("distributed", "tornado", "asyncio"):
            logging.getLogger(noisy).setLevel(logging.CRITICAL)
        client.cancel(futures)
        print(f"\ndossier: interrupted: {done} of {len(futures)} batches were finished and are kept; "
              "run the same command again to extract the rest.", file=sys.stderr)
        raise
    bar.close()
    summary.seconds = time.perf_counter() - started
