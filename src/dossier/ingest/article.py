"""The Article: cleaned text, its blocks and its metadata; the coordinate system of every offset."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

from dossier.errors import DossierError
from dossier.ingest.credits import mark_credits
from dossier.ingest.decode import decode_bytes
from dossier.ingest.html import extract_html
from dossier.ingest.language import language_warning
from dossier.ingest.metadata import check_date, check_text, neutralise, read_sidecar
from dossier.ingest.segment import (
    Block,
    blocks_from_lines,
    segment_markdown,
    segment_plain,
    skip_dateline,
    split_front_matter,
)
from dossier.paths import article_slug, file_problem, read_bounded
from dossier.settings import current as current_settings


@dataclass
class Article:
    slug: str
    title: str
    text: str
    blocks: list[Block]
    source: str | None = None
    published: str | None = None  # ISO date
    source_path: str | None = None
    format: str = "text"
    encoding: str = "utf-8"
    dateline: str = ""
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> Article:
        data = dict(data)
        data["blocks"] = [Block(**b) for b in data["blocks"]]
        return cls(**data)

    @classmethod
    def from_text(cls, text: str, *, slug: str = "article", title: str = "",
                  published: str | None = None, markdown: bool = False) -> Article:
        """Build an article from a string: what tests and library users call."""
        lines = segment_markdown(text) if markdown else segment_plain(text)
        clean, blocks = blocks_from_lines(lines)
        blocks, dateline = skip_dateline(clean, mark_credits(clean, blocks))
        return cls(slug=slug, title=title or slug, text=clean, blocks=blocks, dateline=dateline,
                   published=normalise_date(published))


def normalise_date(value: str | None) -> str | None:
    """ISO date (YYYY-MM-DD) from the usual metadata spellings, or None (also for dates out of range)."""
    if not value:
        return None
    match = re.search(r"(\d{4})-(\d{2})-(\d{2})", str(value))
    if not match:
        return None
    try:
        return check_date(date(*map(int, match.groups())).isoformat(), "date", "the date")
    except (ValueError, DossierError):
        return None


def load_article(path: str | Path, *, slug: str | None = None, title: str | None = None,
                 source: str | None = None, published: str | None = None) -> Article:
    """Read an article file (text, Markdown or saved HTML). Explicit arguments win over
    the sidecar `<name>.meta.json`, which wins over metadata found in the file itself."""
    path = Path(path)
    name = f"'{path}'"
    limits = current_settings()
    problem = file_problem(path)  # missing, a folder, a FIFO or device, unreadable, a bad name
    if problem:
        raise DossierError(problem)
    try:
        data = read_bounded(path, limits.max_article_bytes)  # bounded whatever stat says; never blocks
    except OSError as err:
        raise DossierError(f"cannot read {name} ({err.strerror or err}): check its permissions.") from None
    if len(data) > limits.max_article_bytes:
        raise DossierError(f"{name} is larger than {limits.max_article_bytes:,} bytes, the most Dossier reads: "
                           "save only the article, not a whole site or archive.")
    sidecar = read_sidecar(path)
    text, encoding = decode_bytes(data, name)
    suffix = path.suffix.lower()
    found: dict[str, str | None] = {}
    if suffix in (".html", ".htm") or re.match(r"\s*(<!doctype html|<html)", text[:500], re.I):
        page = extract_html(text, name)
        fmt, lines = "html", segment_markdown(page.markdown)
        found = {"title": page.title, "published": page.published, "source": page.source}
    elif suffix in (".md", ".markdown"):
        front, body = split_front_matter(text)
        fmt, lines = "markdown", segment_markdown(body)
        where = f"the front matter of {name}"
        found = {"title": check_text(front.get("title"), "title", where),
                 "published": check_date(front.get("date"), "date", where, strict=False),
                 "source": check_text(front.get("source"), "source", where)}
    else:
        fmt, lines = "text", segment_plain(text)
    clean, blocks = blocks_from_lines(lines)
    blocks, dateline = skip_dateline(clean, mark_credits(clean, blocks))
    if not any(b.kind == "paragraph" for b in blocks):
        raise DossierError(f"{name} has headings but no paragraphs: nothing to analyse.")
    if len(clean) > limits.max_article_chars:
        raise DossierError(f"{name} has {len(clean):,} characters of text; Dossier handles at most "
                           f"{limits.max_article_chars:,} per article: split it into separate articles.")
    title = check_text(title, "title", "the title argument") or sidecar.get("title") or found.get("title")
    if not title and blocks[0].kind == "heading":
        title = clean[blocks[0].start:blocks[0].end]
    published = check_date(published, "published", "the published argument")
    warning = language_warning(clean)
    return Article(
        slug=slug or article_slug(path),
        title=neutralise(title or path.stem.replace("-", " ").replace("_", " ").strip().capitalize()),
        text=clean,
        blocks=blocks,
        source=neutralise(check_text(source, "source", "the source argument") or sidecar.get("source")
                          or found.get("source")) or None,
        published=normalise_date(published or sidecar.get("published") or found.get("published")),
        source_path=str(path),
        format=fmt,
        encoding=encoding,
        dateline=dateline,
        warnings=[warning] if warning else [],
    )
