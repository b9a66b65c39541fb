"""The summary paragraph, one clause type at a time, on tables built by hand: the sentence a
reader would forward, and the link from each clause to its evidence sentence."""

from __future__ import annotations

import re

import pandas as pd

from dossier.report.summary import summary_clauses, summary_html
from dossier.tables import COLUMNS


def table(name: str, rows: list[dict]) -> pd.DataFrame:
    """A table with the contract's columns; unnamed columns empty."""
    return pd.DataFrame([{c: r.get(c, "") for c in COLUMNS[name]} for r in rows], columns=COLUMNS[name])


def pledge(actor: str, category: str, status: str, evidence: str, sid: int, **more) -> dict:
    return {"actor": actor, "category": category, "status": status, "evidence": evidence, "sentence_id": sid,
            "trigger": more.pop("trigger", "pledged"), **more}


def statement(speaker: str, kind: str, verb: str, evidence: str, sid: int, target: str = "") -> dict:
    return {"speaker": speaker, "kind": kind, "verb": verb, "evidence": evidence, "sentence_id": sid,
            "target": target}


ACTORS = table("actors", [{"name": "United Kingdom", "type": "country"}, {"name": "France", "type": "country"},
                          {"name": "Poland", "type": "country"}, {"name": "Russia", "type": "country"},
                          {"name": "Vladimir Putin", "type": "person"}, {"name": "European Union",
                                                                         "type": "organization"}])


def text(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def links(html: str) -> list[tuple[str, str]]:
    """(href, linked text) of every evidence link."""
    return re.findall(r'<a class="ev" href="#([^"]+)"[^>]*>(.*?)</a>', html)


def clauses_of(kind: str, **tables: pd.DataFrame):
    return [c for c in summary_clauses({"actors": ACTORS, **tables}) if c.kind == kind]


def test_committed_names_each_actor_with_a_link_to_its_sentence_and_the_deadline():
    pledges = table("pledges", [
        pledge("United Kingdom", "troops", "committed", "The UK and France pledged troops.", 4),
        pledge("France", "troops", "committed", "The UK and France pledged troops.", 4),
        pledge("European Union", "energy", "committed", "The EU pledged to end gas imports by 2027.", 9,
               deadline="2027"),
    ])
    [clause] = clauses_of("committed", pledges=pledges)
    assert text(clause.html) == ("Committed: The United Kingdom and France made firm commitments on troops; "
                                 "the European Union made a firm commitment on energy (by 2027).")
    assert links(clause.html) == [("s-4", "The United Kingdom"), ("s-4", "France"), ("s-9", "the European Union")]


def test_refused_states_own_refusals_and_leaves_a_refusal_to_allow_others_to_the_tables():
    pledges = table("pledges", [
        pledge("Poland", "troops", "ruled_out", "Poland will not send soldiers.", 41, trigger="send"),
        pledge("Russia", "troops", "ruled_out", "Moscow claims it cannot allow such deployments.", 86,
               trigger="allow"),
    ])
    [clause] = clauses_of("refused", pledges=pledges)
    assert text(clause.html) == "Refused: Poland ruled out troops."
    assert links(clause.html) == [("s-41", "Poland")]
    assert "Russia" not in clause.html
    [left] = clauses_of("uncertain", pledges=pledges)
    assert text(left.html).startswith("1 further row the extraction is less sure of")


def test_threatened_quotes_what_was_threatened_and_links_the_verb():
    statements = table("statements", [
        statement("Vladimir Putin", "threat", "declared",
                  "He declared that any foreign troops would become “legitimate targets” for Russian forces.", 1),
        statement("Vladimir Putin", "threat", "said", "He said the talks would go on.", 7),  # nothing threatening
    ])
    [clause] = clauses_of("threatened", statements=statements)
    assert text(clause.html) == ("Threats: Vladimir Putin declared that any foreign troops would become "
                                 "“legitimate targets” for Russian forces.")
    assert links(clause.html) == [("s-1", "declared")]


def test_precedent_as_model_and_as_cautionary_tale():
    precedents = table("precedents", [
        {"name": "Korean War armistice", "year": "1953", "invoked_as": "model", "sentence_id": 52,
         "evidence": "The Korean War armistice has lasted over 70 years."},
        {"name": "1994 Budapest Memorandum", "year": "1994", "invoked_as": "cautionary", "sentence_id": 62,
         "evidence": "Russia violated the 1994 Budapest Memorandum."},
    ])
    [clause] = clauses_of("history", precedents=precedents)
    assert text(clause.html) == ("History invoked: the Korean War armistice (1953) as a model; "
                                 "the 1994 Budapest Memorandum as a cautionary tale.")
    assert links(clause.html) == [("s-52", "the Korean War armistice (1953)"), ("s-62", "the 1994 Budapest Memorandum")]


def test_a_model_its_own_paragraph_calls_a_failure_is_only_mentioned():
    sentences = table("sentences", [
        {"sentence_id": 95, "block": 34, "text": "President Trump hosted Putin for an Alaska summit last month."},
        {"sentence_id": 96, "block": 34, "text": "The meeting failed to produce significant agreements."},
    ])
    precedents = table("precedents", [{"name": "Alaska summit", "year": "2025", "invoked_as": "model",
                                       "sentence_id": 95, "evidence": sentences["text"][0]}])
    [clause] = clauses_of("history", precedents=precedents, sentences=sentences)
    assert text(clause.html) == "History mentioned: the Alaska summit (2025)."
    assert "model" not in clause.html


def test_article_text_in_the_summary_is_escaped():
    pledges = table("pledges", [pledge("<script>x</script>", "troops", "committed", "<b>bold</b> pledge", 1)])
    html = summary_html({"pledges": pledges})
    assert "<script>" not in html and "&lt;script&gt;" in html and "<b>bold</b>" not in html


def test_an_article_with_nothing_to_state_says_so():
    assert "found no commitment" in summary_html({"pledges": table("pledges", [])})


def test_names_take_the_article_the_way_english_writes_them():
    from dossier.report.summary import with_article

    cases = {("Netherlands", "country"): "the Netherlands", ("Cyprus", "country"): "Cyprus",
             ("United States", "country"): "the United States", ("France", "country"): "France",
             ("NATO", "organization"): "NATO", ("European Union", "organization"): "the European Union",
             ("Hamas", "organization"): "Hamas", ("Baltic states", "group"): "the Baltic states",
             ("Vladimir Putin", "person"): "Vladimir Putin"}
    assert {k: with_article(*k) for k in cases} == cases
