"""A corpus on disk (a folder of article files, or a JSON Lines export) as a list of items.

The driver only lists and hashes; turning an item into an `Article` (decoding, cleaning,
segmenting) happens on a worker, so a bad item fails there and is recorded, not raised.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from dossier.errors import DossierError
from dossier.ingest.article import Article, normalise_date
from dossier.paths import ARTICLE_SUFFIXES, SIDECAR_SUFFIX, article_slug, base_slug
from dossier.settings import current as current_settings

TEXT_FIELDS = ("text", "content", "body")
DATE_FIELDS = ("published", "date", "published_at", "publication_date")
SLUG_FIELDS = ("slug", "id")


@dataclass
class CorpusItem:
    """One article of the corpus, as the driver sees it: where it is and what its content hashes to."""

    slug: str
    content_hash: str
    path: str | None = None  # a file of a folder corpus
    text: str | None = None  # the text of a JSON Lines record
    title: str | None = None
    published: str | None = None
    source: str | None = None
    markdown: bool = False
    problem: str | None = None  # found while listing (a malformed line): recorded as the error


def corpus_name(corpus: Path) -> str:
    """`data/corpus/sample/` -> `sample`; `exports/week-12.jsonl` -> `week-12`."""
    corpus = corpus.resolve()
    return base_slug(corpus.stem if corpus.is_file() else corpus.name)


def read_corpus(corpus: str | Path) -> list[CorpusItem]:
    corpus = Path(corpus)
    if not corpus.exists():
        raise DossierError(f"corpus '{corpus}' does not exist: give a folder of articles or a .jsonl file "
                           "(make corpus CORPUS=path).")
    if corpus.is_dir():
        items = _folder_items(corpus)
    elif corpus.suffix.lower() in (".jsonl", ".ndjson", ".json"):
        items = _jsonl_items(corpus)
    else:
        raise DossierError(f"corpus '{corpus}' is neither a folder nor a JSON Lines file (.jsonl).")
    if not items:
        raise DossierError(f"corpus '{corpus}' has no articles (.txt, .md, .html files or JSON lines).")
    return _unique_slugs(items)


def _digest(*parts: bytes) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(len(part).to_bytes(8, "little"))
        h.update(part)
    return h.hexdigest()[:32]


def _folder_items(folder: Path) -> list[CorpusItem]:
    """Article files anywhere under the folder; each one's hash covers its bytes and its sidecar."""
    files = sorted(p for p in folder.rglob("*")
                   if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES and not p.name.startswith(".")
                   and not any(part.startswith(".") for part in p.relative_to(folder).parts))
    items = []
    for path in files:
        sidecar = path.with_name(path.name[: -len(path.suffix)] + SIDECAR_SUFFIX)
        side = sidecar.read_bytes() if sidecar.is_file() else b""
        size = path.stat().st_size
        # a file too large to read is hashed by its size and time: the worker rejects it anyway
        readable = size <= current_settings().max_article_bytes
        content = path.read_bytes() if readable else f"{size}:{path.stat().st_mtime_ns}".encode()
        items.append(CorpusItem(slug=article_slug(path), content_hash=_digest(content, side), path=str(path)))
    return items


def _field(record: dict, names: tuple[str, ...]) -> str | None:
    for name in names:
        value = record.get(name)
        if value not in (None, ""):
            return str(value)
    return None


def _jsonl_items(path: Path) -> list[CorpusItem]:
    """One article per line: `text` (or `content`, `body`), `title`, `published` (or `date`), `source`."""
    items = []
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            where = f"{path.name} line {number}"
            item = CorpusItem(slug=f"{base_slug(path.stem)}-{number}", content_hash=_digest(raw))
            try:
                record = json.loads(raw)
            except (ValueError, UnicodeDecodeError) as err:
                item.problem = f"{where} is not valid JSON ({str(err).splitlines()[0]}): fix or remove the line."
                items.append(item)
                continue
            if not isinstance(record, dict):
                item.problem = f"{where} is not a JSON object with title, published, source and text."
                items.append(item)
                continue
            item.title = _field(record, ("title", "headline"))
            item.source = _field(record, ("source", "outlet", "publisher"))
            item.published = _field(record, DATE_FIELDS)
            item.text = _field(record, TEXT_FIELDS)
            item.markdown = str(record.get("format", "")).lower() in ("md", "markdown")
            name = _field(record, SLUG_FIELDS) or item.title
            if name:
                item.slug = base_slug(name)[:80].strip("-") or item.slug
            if item.text is None:
                item.problem = f"{where} has no text (expected a 'text', 'content' or 'body' field)."
            items.append(item)
    return items


def _unique_slugs(items: list[CorpusItem]) -> list[CorpusItem]:
    """Two items with the same slug would share rows: later ones get -2, -3 ..."""
    seen: set[str] = set()
    for item in items:
        slug, n = item.slug, 1
        while slug in seen:
            n += 1
            slug = f"{item.slug}-{n}"
        item.slug = slug
        seen.add(slug)
    return items


def load_item(item: CorpusItem) -> Article:
    """The cleaned article of an item, with the same checks as `make report`; raises DossierError."""
    if item.problem:
        raise DossierError(item.problem)
    if item.path is not None:
        from dossier.ingest.article import load_article

        return load_article(item.path, slug=item.slug)
    text = item.text or ""
    if "\x00" in text:
        raise DossierError(f"{item.slug}: the text has NUL bytes: it does not look like text.")
    if not text.strip():
        raise DossierError(f"{item.slug}: the text is empty.")
    max_chars = current_settings().max_article_chars
    if len(text) > max_chars * 2:
        raise DossierError(f"{item.slug}: the text has {len(text):,} characters; Dossier handles at most "
                           f"{max_chars:,} per article: split it into separate articles.")
    article = Article.from_text(text, slug=item.slug, title=item.title or "", markdown=item.markdown,
                                published=normalise_date(item.published))
    if not any(b.kind == "paragraph" for b in article.blocks):
        raise DossierError(f"{item.slug}: the text has no paragraphs: nothing to analyse.")
    if len(article.text) > max_chars:
        raise DossierError(f"{item.slug}: the text has {len(article.text):,} characters; Dossier handles at "
                           f"most {max_chars:,} per article: split it into separate articles.")
    article.source = item.source
    return article
