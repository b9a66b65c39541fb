"""Saved web pages: keep the article body (trafilatura drops menus, banners, scripts, footers)."""

from __future__ import annotations

from dataclasses import dataclass

from dossier.errors import DossierError


@dataclass(frozen=True)
class HtmlArticle:
    markdown: str
    title: str | None
    published: str | None
    source: str | None


def extract_html(html: str, name: str = "the page") -> HtmlArticle:
    """Main text of a news page as Markdown (headings kept), plus the page's own metadata."""
    import trafilatura  # imported here: plain-text articles never pay for it

    body = trafilatura.extract(
        html,
        output_format="markdown",
        include_formatting=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        deduplicate=True,
    )
    if not body or len(body.split()) < 20:
        raise DossierError(
            f"no article body found in {name}: save the article page itself "
            "(not a front page or a login page), or paste its text into a .txt file."
        )
    meta = trafilatura.extract_metadata(html)
    return HtmlArticle(
        markdown=body,
        title=getattr(meta, "title", None) or None,
        published=getattr(meta, "date", None) or None,
        source=getattr(meta, "sitename", None) or getattr(meta, "hostname", None) or None,
    )
