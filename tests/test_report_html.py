"""The founding article's HTML report read back: words not codes, columns that carry something,
and every evidence link landing on a sentence of the annotated article."""

from __future__ import annotations

import html
import re

import pytest

from dossier.report.labels import CATEGORIES, INVOKED_AS, KINDS, STATUS_ORDER, label
from tests.report_build import FOUNDING, built_report


@pytest.fixture(scope="module")
def page() -> str:
    return (built_report(FOUNDING) / "report.html").read_text(encoding="utf-8")


def visible_text(page: str) -> str:
    body = re.sub(r"<(style|script)[^>]*>.*?</\1>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", body))


def test_every_code_has_a_readable_label():
    for code in (*STATUS_ORDER, *CATEGORIES, *KINDS, *INVOKED_AS):
        assert "_" not in label(code) and label(code).strip()


def test_the_report_shows_words_not_codes(page):
    text = visible_text(page)
    codes = [c for c in (*STATUS_ORDER, *CATEGORIES) if "_" in c]
    assert codes and not [c for c in codes if c in text]
    assert "ruled out" in text and "security guarantee" in text


def test_pledge_columns_are_shown_only_when_some_row_fills_them():
    import pandas as pd

    from dossier.report.data import ReportData
    from dossier.report.sections import pledges
    from dossier.tables import COLUMNS

    def headers(rows: list[dict]) -> list[str]:
        df = pd.DataFrame([{c: r.get(c, "") for c in COLUMNS["pledges"]} for r in rows], columns=COLUMNS["pledges"])
        return re.findall(r'<th scope="col">([^<]*)</th>', pledges(ReportData(None, {"pledges": df})))

    row = {"actor": "France", "category": "troops", "status": "committed", "evidence": "France pledged troops.",
           "sentence_id": 1}
    assert headers([row]) == ["Actor", "Issue", "Status", "Evidence"]
    assert headers([row, {**row, "deadline": "2027"}]) == ["Actor", "Issue", "Status", "By", "Evidence"]
    assert headers([row, {**row, "quantity": "500 troops"}]) == ["Actor", "Issue", "Status", "Amount", "Evidence"]


def test_every_evidence_link_lands_on_a_sentence(page):
    targets = set(re.findall(r'href="#(s-\d+)"', page))
    anchors = set(re.findall(r'id="(s-\d+)"', page))
    assert targets and targets <= anchors


def test_statements_are_grouped_by_speaker_with_claims_folded(page):
    statements = page[page.index('<h2 id="Statements"'):page.index('<h2 id="Quotes"')]
    speakers = re.findall(r'<section class="speaker"><h3>([^<]+?) <span', statements)
    assert speakers[0] == "Vladimir Putin" and len(speakers) == len(set(speakers))
    assert "<details" in statements and "plain claims" in statements
