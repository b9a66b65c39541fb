"""Saved web pages: keep the article body (trafilatura drops menus, banners, scripts, footers)."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser

from dossier.errors import DossierError

MAX_DEPTH = 200  # libxml2 (under trafilatura) stops at 256 levels
# Tags that carry structure trafilatura needs; everything else nested deeper is a wrapper.
_KEEP = frozenset("html head body title meta article main p h1 h2 h3 h4 h5 h6 ul ol li blockquote br".split())
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())


@dataclass(frozen=True)
class HtmlArticle:
    markdown: str
    title: str | None
    published: str | None
    source: str | None


def extract_html(html: str, name: str = "the page") -> HtmlArticle:
    """Main text of a news page as Markdown (headings kept), plus the page's own metadata."""
    import trafilatura  # imported here: plain-text articles never pay for it

    if too_deep(html):
        # libxml2 gives up on elements nested deeper than 255 levels and the body is lost:
        # drop the excess wrapper tags (their text stays) before reading the page
        html = flatten(html)
    body = _extract_body(html)
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


def _extract_body(html: str) -> str | None:
    import trafilatura

    return trafilatura.extract(
        html,
        output_format="markdown",
        include_formatting=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        deduplicate=True,
    )


class _Flattener(HTMLParser):
    """Re-emits a page with wrapper tags beyond MAX_DEPTH removed (text and kept tags unchanged)."""

    def __init__(self, limit: int) -> None:
        super().__init__(convert_charrefs=True)
        self.limit, self.out, self.stack, self.deepest = limit, [], [], 0  # stack: (tag, kept)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _VOID:
            self.out.append(self.get_starttag_text() or "")
            return
        kept = len(self.stack) < self.limit or tag in _KEEP
        self.stack.append((tag, kept))
        self.deepest = max(self.deepest, len(self.stack))
        if kept:
            self.out.append(self.get_starttag_text() or "")

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self.out.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                closed = self.stack[i:]
                del self.stack[i:]
                self.out.extend(f"</{t}>" for t, kept in reversed(closed) if kept)
                return

    def handle_data(self, data: str) -> None:
        self.out.append(escape(data, quote=False))


def too_deep(html: str) -> bool:
    """Does libxml2 stop at its nesting limit on this page? (A fast C parse; most pages: no.)"""
    from lxml import etree

    parser = etree.HTMLParser(recover=True)
    with contextlib.suppress(etree.LxmlError, ValueError):
        etree.fromstring(html.encode("utf-8", "surrogatepass"), parser)
    return any("depth" in error.message.lower() for error in parser.error_log)


def max_depth(html: str) -> int:
    """Deepest element nesting in a page (malformed pages included)."""
    parser = _Flattener(limit=1 << 30)
    parser.feed(html)
    parser.close()
    return parser.deepest


def flatten(html: str, limit: int = MAX_DEPTH // 2) -> str:
    """The page with its nesting cut to about `limit` levels; its text is kept."""
    parser = _Flattener(limit)
    parser.feed(html)
    parser.close()
    return "".join(parser.out)
