"""The PDF as printed: every word on every page lies inside the text block (nothing a printer
would clip), and no page ends with a heading whose section starts on the next page.

Word boxes come from the real PDF with `pdftotext -bbox-layout` (poppler-utils); the text block
is the A4 page less the margins the stylesheet's @page rule sets.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from xml.etree import ElementTree

import pytest

from dossier.paths import TEMPLATES
from tests.report_build import FOUNDING, built_report, long_table_report

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                reason="pdftotext (Debian package poppler-utils) is not installed")
XHTML = "{http://www.w3.org/1999/xhtml}"
MM = 72 / 25.4
SLACK = 0.5  # points: glyph boxes are measured, not laid out


def margins() -> tuple[float, float, float, float]:
    """Top, right, bottom, left page margins in points, from the stylesheet's @page rule."""
    css = (TEMPLATES / "dossier" / "report.css").read_text(encoding="utf-8")
    page_rule = css[css.index("@page"):]
    values = re.search(r"margin:\s*([\d.]+)mm\s+([\d.]+)mm\s+([\d.]+)mm\s+([\d.]+)mm", page_rule).groups()
    top, right, bottom, left = (float(v) * MM for v in values)
    return top, right, bottom, left


def pages(pdf) -> list[dict]:
    """Per page: its size, every word box, and its lines (text, bottom edge), footer excluded."""
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True,
                         check=True).stdout
    root = ElementTree.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", xml))
    top, right, bottom, left = margins()
    out = []
    for page in root.iter(f"{XHTML}page"):
        width, height = float(page.get("width")), float(page.get("height"))
        box = (left, top, width - right, height - bottom)
        words = [(w.text, *(float(w.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")))
                 for w in page.iter(f"{XHTML}word")]
        body = [w for w in words if w[2] < box[3]]  # the page number and footer sit in the bottom margin
        lines = [(" ".join(w.text for w in line.iter(f"{XHTML}word")), float(line.get("yMax")))
                 for line in page.iter(f"{XHTML}line") if float(line.get("yMin")) < box[3]]
        out.append({"box": box, "words": body, "lines": lines})
    return out


def headings(report_html: str) -> set[str]:
    """Heading texts, and the short introductions under section headings (a section's heading
    cell): neither may end a page with the section's content on the next."""
    report_html = re.sub(r'<a class="anchor-link".*?</a>', "", report_html)  # hidden permalinks
    found = re.findall(r"<h[1-4][^>]*>(.*?)</h[1-4]>", report_html, flags=re.S)
    found += re.findall(r'<div class="md">.*?<p>(.*?)</p>', report_html, flags=re.S)
    return {" ".join(html.unescape(re.sub(r"<[^>]+>", "", h)).split()) for h in found}


@pytest.fixture(scope="module", params=["founding", "long table"])
def report(request):
    return built_report(FOUNDING) if request.param == "founding" else long_table_report()


def test_every_word_lies_inside_the_text_block(report):
    outside = []
    for number, page in enumerate(pages(report / "report.pdf"), start=1):
        x0, y0, x1, y1 = page["box"]
        outside += [(number, w[0], round(w[1]), round(w[3])) for w in page["words"]
                    if w[1] < x0 - SLACK or w[3] > x1 + SLACK or w[2] < y0 - SLACK or w[4] > y1 + 2]
    assert not outside, f"words outside the text block (page, word, x from, x to): {outside[:10]}"


def test_no_page_ends_with_a_heading(report):
    titles = headings((report / "report.html").read_text(encoding="utf-8"))
    read = pages(report / "report.pdf")
    assert len(read) > 1
    stranded = []
    for number, page in enumerate(read[:-1], start=1):
        last = " ".join(max(page["lines"], key=lambda line: line[1])[0].split())
        if any(last and (last == t or t.endswith(last)) for t in titles):
            stranded.append((number, last))
    assert not stranded, f"pages ending with a heading: {stranded}"


def test_the_long_table_spans_pages_and_repeats_its_header():
    pdf = long_table_report() / "report.pdf"
    layout = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                            check=True).stdout.split("\f")
    row = re.compile(r"^\s*[A-Z][a-z]+\s+funding\s+committed\b", re.M)
    header = re.compile(r"^\s*Actor\s+Issue\s+Status\s+Amount\s+By\s+Evidence\s*$", re.M)
    with_rows = [page for page in layout if row.search(page)]
    assert len(with_rows) >= 2, "the pledges table should run over more than one page"
    assert all(header.search(page) for page in with_rows), "the header row is repeated on every page"
