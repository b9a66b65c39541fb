"""The founding report in a real headless Chromium (Debian's `chromium`), at desktop and phone
width: no horizontal scrolling, the summary and the stance matrix are there, and tapping a
highlight in the annotated article shows what was extracted from it.

Driven by Playwright's Python client with the system browser (no browser is downloaded).
"""

from __future__ import annotations

import shutil
import tempfile

import pytest

from tests.report_build import FOUNDING, built_report

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium installed (Debian: apt-get install chromium)")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser_context():
    """A function opening the founding report at a width, in a fresh profile, touch enabled."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (requirements-dev.txt) not installed")
    report = built_report(FOUNDING) / "report.html"
    with sync_api.sync_playwright() as playwright:
        contexts = []

        def open_at(width: int, height: int):
            context = playwright.chromium.launch_persistent_context(
                tempfile.mkdtemp(prefix="dossier-chromium-"), executable_path=CHROMIUM, args=FLAGS,
                headless=True, viewport={"width": width, "height": height}, has_touch=True,
                is_mobile=width < 600, device_scale_factor=1)
            contexts.append(context)
            page = context.new_page()
            page.goto(report.as_uri())
            return page

        yield open_at
        for context in contexts:
            context.close()


@pytest.mark.parametrize("width", [1280, 400])
def test_no_horizontal_scroll_and_the_brief_is_on_top(browser_context, width):
    page = browser_context(width, 900)
    scroll_width, client_width = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert scroll_width <= client_width, f"page scrolls sideways at {width} px ({scroll_width} > {client_width})"
    too_wide = page.evaluate("""() => [...document.querySelectorAll('main *')]
        .filter(e => !e.closest('.scroll') && e.getBoundingClientRect().right > innerWidth + 1)
        .map(e => e.tagName + '.' + e.className).slice(0, 5)""")
    assert not too_wide, f"elements past the right edge at {width} px: {too_wide}"
    summary = page.locator("p.summary")
    assert summary.is_visible() and "Committed:" in summary.inner_text()
    assert summary.locator("a.ev").count() >= 5
    assert page.locator("#stance-matrix").is_visible()
    assert page.locator("#stance-matrix tbody tr").count() >= 5
    # the summary comes before every section of tables
    assert page.evaluate("document.querySelector('p.summary').getBoundingClientRect().top"
                         " < document.querySelector('#stance-matrix').getBoundingClientRect().top")


def test_tapping_a_highlight_shows_its_details(browser_context):
    page = browser_context(400, 850)
    mark = page.locator(".article mark.actor.person").first
    tip = mark.locator(".tip")
    assert not tip.is_visible()
    mark.scroll_into_view_if_needed()
    mark.tap()
    assert tip.is_visible()
    assert tip.inner_text().startswith("Actor: ")
    box = tip.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 400, "the details stay on screen"


def test_an_evidence_link_leads_to_its_sentence(browser_context):
    page = browser_context(1280, 900)
    href = page.locator("p.summary a.ev").first.get_attribute("href")
    assert href and page.locator(href).count() == 1
