"""Links from corpus report rows to the article's own report, at the evidence sentence.

A row links to `reports/<slug>/report.html` when `make report` built it from the same file
(same source path, or the same title for a JSON Lines record), with a text fragment
(`#:~:text=`) that browsers scroll to and highlight; otherwise to the source file, with the
sentence quoted. Every piece of article text passes through `html.escape`.
"""

from __future__ import annotations

import html
import json
import os
from pathlib import Path
from urllib.parse import quote

from dossier.corpus.data import CorpusData


def esc(value: object) -> str:
    """Escaped text; a missing value (None, NaN from a Parquet null) is empty."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return html.escape(str(value))


def article_report(data: CorpusData, slug: str) -> str | None:
    """Relative link to `reports/<slug>/report.html` if it was built from this very article."""
    from dossier.settings import current

    report = current().reports_dir / slug / "report.html"
    if not report.exists():
        return None
    row = data.articles[data.articles["article"] == slug]
    path = row["path"].iloc[0] if len(row) else None
    try:
        built = json.loads((current().processed_dir / slug / "article.json").read_text(encoding="utf-8"))
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
