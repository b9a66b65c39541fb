"""Corpus mode without a cluster: reading JSON Lines, actor identity across articles, status
changes, the plan of an incremental run, and the report's links into article reports."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from dossier.corpus.identity import link_actors, name_key
from dossier.corpus.sources import CorpusItem, load_item, read_corpus
from dossier.corpus.tracking import status_changes
from dossier.errors import DossierError


def test_jsonl_records_become_articles_and_bad_lines_become_problems(tmp_path):
    path = tmp_path / "export.jsonl"
    lines = [
        json.dumps({"id": "a-1", "title": "Talks resume", "date": "2026-02-01T08:00:00Z", "source": "Wire",
                    "text": "Talks resume\n\nNorway said it would send two ships to the Baltic Sea."}),
        "{not json",
        json.dumps({"title": "No body"}),
        json.dumps({"title": "Talks resume", "content": "Second story\n\nEgypt rejected the plan."}),
        "",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    items = read_corpus(path)
    assert [i.slug for i in items] == ["a-1", "export-2", "no-body", "talks-resume"]
    article = load_item(items[0])
    assert (article.title, article.published, article.source) == ("Talks resume", "2026-02-01", "Wire")
    assert "Norway said" in article.text
    with pytest.raises(DossierError, match="line 2 is not valid JSON"):
        load_item(items[1])
    with pytest.raises(DossierError, match="line 3 has no text"):
        load_item(items[2])
    assert load_item(items[3]).text.endswith("Egypt rejected the plan.")


def test_bad_text_in_a_record_is_refused_with_a_reason():
    for text, reason in (("   ", "empty"), ("abc\x00def", "NUL"), ("x " * 400_000, "at most")):
        with pytest.raises(DossierError, match=reason):
            load_item(CorpusItem(slug="s", content_hash="h", text=text))


def test_missing_or_odd_corpus_paths_are_one_line_errors(tmp_path):
    with pytest.raises(DossierError, match="does not exist"):
        read_corpus(tmp_path / "nope")
    with pytest.raises(DossierError, match="has no articles"):
        read_corpus(tmp_path)
    (tmp_path / "table.csv").write_text("a,b\n")
    with pytest.raises(DossierError, match="neither a folder nor a JSON Lines"):
        read_corpus(tmp_path / "table.csv")


def test_transliterations_fold_to_one_key_but_different_names_do_not():
    assert name_key("Volodymyr Zelensky") == name_key("Volodymyr Zelenskyy") == name_key("Volodymyr Zelenskiy")
    assert name_key("Emmanuel Macron") != name_key("Emmanuel Micron")
    assert name_key("Austria") != name_key("Australia")


def actors(rows: list[tuple[str, str, str]]) -> pd.DataFrame:
    return pd.DataFrame([{"article": a, "name": n, "type": t, "mentions": 2, "published": "2026-01-0" + a[-1]}
                         for a, n, t in rows])


def test_identity_merges_variants_and_lone_surnames_within_people_only():
    corpus, mapping = link_actors(actors([
        ("a1", "Volodymyr Zelensky", "person"), ("a2", "Volodymyr Zelenskyy", "person"),
        ("a3", "Zelenskiy", "person"), ("a3", "Georgia", "country"), ("a4", "Georgia", "person"),
        ("a4", "Volodymyr Zelensky", "person"), ("a5", "Smith", "person"),
        ("a5", "Anna Smith", "person"), ("a6", "John Smith", "person"),
    ]))
    by_ref = {(r.article, r.actor): (r.corpus_actor, r.how) for r in mapping.itertuples()}
    assert by_ref[("a2", "Volodymyr Zelenskyy")] == ("Volodymyr Zelensky", "spelling variant")
    assert by_ref[("a3", "Zelenskiy")] == ("Volodymyr Zelensky", "surname")
    zelensky = corpus[corpus["corpus_actor"] == "Volodymyr Zelensky"].iloc[0]
    assert zelensky["articles"] == 4 and zelensky["mentions"] == 8
    # a country and a person with one name stay two actors, with names that say which is which
    assert {"Georgia (country)", "Georgia (person)"} <= set(corpus["corpus_actor"])
    # a surname shared by two people of the corpus is not guessed
    assert by_ref[("a5", "Smith")] == ("Smith", "same name")


def test_status_changes_compare_consecutive_dated_articles():
    status = pd.DataFrame([
        {"corpus_actor": "Germany", "category": "military_aid", "published": p, "status": s, "article": a,
         "title": a.upper(), "evidence": f"sentence {a}"}
        for p, s, a in (("2026-01-12", "considering", "a"), ("2026-01-20", "considering", "b"),
                        ("2026-02-16", "committed", "c"), ("2026-03-01", "ruled_out", "d"), (None, "proposed", "e"))
    ])
    changes = status_changes(status)
    assert changes[["from_article", "to_article", "from_status", "to_status"]].values.tolist() == [
        ["b", "c", "considering", "committed"], ["c", "d", "committed", "ruled_out"]]
    assert changes.iloc[0]["from_evidence"] == "sentence b" and changes.iloc[0]["to_evidence"] == "sentence c"


def test_plan_skips_unchanged_articles_and_drops_changed_and_deleted_ones():
    from dossier.corpus.run import plan

    committed = pd.DataFrame({"article": ["a", "b", "c"], "content_hash": ["1", "2", "3"],
                              "code_version": ["v", "v", "v"]})
    items = [CorpusItem("a", "1"), CorpusItem("b", "changed"), CorpusItem("d", "4")]
    work = plan(items, committed, "v")
    assert [i.slug for i in work.todo] == ["b", "d"] and work.stale == {"b", "c"}
    assert [i.slug for i in plan(items, committed, "new code").todo] == ["a", "b", "d"]


def test_rows_link_to_the_article_report_at_the_evidence_sentence(tmp_path, monkeypatch):
    from dossier import settings
    from dossier.corpus import links
    from dossier.corpus.data import CorpusData, report_dir

    monkeypatch.setattr(settings, "_current", settings.Settings.from_env(
        {"DOSSIER_PROCESSED_DIR": str(tmp_path / "processed"), "DOSSIER_REPORTS_DIR": str(tmp_path / "reports")}))
    source = tmp_path / "corpus" / "story.txt"
    source.parent.mkdir()
    source.write_text("x")
    articles = pd.DataFrame([{"article": "story", "title": "A <b>story</b>", "path": str(source)},
                             {"article": "other", "title": "Other", "path": None}])
    data = CorpusData("c", tmp_path, report_dir("c"), articles, pd.DataFrame(), {})
    # no article report yet: the title links to the source file, the evidence is quoted text
    assert links.article_link(data, "story", "A <b>story</b>") == (
        '<a href="../../../corpus/story.txt">A &lt;b&gt;story&lt;/b&gt;</a>')
    assert links.evidence(data, "story", "Germany agreed.") == "“Germany agreed.”"
    (tmp_path / "reports" / "story").mkdir(parents=True)
    (tmp_path / "reports" / "story" / "report.html").write_text("<html></html>")
    (tmp_path / "processed" / "story").mkdir(parents=True)
    (tmp_path / "processed" / "story" / "article.json").write_text(json.dumps({"source_path": str(source)}))
    assert links.article_link(data, "story", "S").startswith('<a href="../../story/report.html">')
    assert links.evidence(data, "story", "Germany agreed on Monday to send two systems.") == (
        '<a href="../../story/report.html#:~:text=Germany%20agreed%20on%20Monday%20to%20send%20two%20systems.">'
        "“Germany agreed on Monday to send two systems.”</a>")
    # a report of the same slug built from another file is not this article's report
    (tmp_path / "processed" / "story" / "article.json").write_text(json.dumps({"source_path": "/elsewhere.txt"}))
    assert "report.html" not in links.article_link(data, "story", "S")


def test_a_rule_that_raises_costs_only_its_article(tmp_path, monkeypatch):
    """process_batch as a worker runs it, in this process: one article's extraction raises."""
    from dossier.corpus import store, worker
    from dossier.paths import ROOT

    sample = ROOT / "data" / "corpus" / "sample"
    items = read_corpus(sample)[:3]
    real = worker.tables_of

    def flaky(parsed):
        if parsed.article.slug == items[1].slug:
            raise ValueError("boom in a rule\nsecond line")
        return real(parsed)

    monkeypatch.setattr(worker, "tables_of", flaky)
    result = worker.process_batch(items, str(tmp_path), "v1", "part-test")
    assert (result["articles"], result["failed"]) == (3, 1)
    articles = store.read_table(tmp_path, "articles").set_index("article")
    assert articles.loc[items[1].slug, "status"] == "error"
    assert articles.loc[items[1].slug, "error"] == "ValueError: boom in a rule"
    assert set(articles["status"]) == {"ok", "error"} and articles.loc[items[0].slug, "title"]
    errors = store.read_table(tmp_path, "errors")
    assert errors[["article", "reason"]].values.tolist() == [[items[1].slug, "ValueError: boom in a rule"]]
    assert set(store.read_table(tmp_path, "pledges")["article"]) <= {items[0].slug, items[2].slug}


def test_scheduler_comes_from_the_option_then_the_environment(monkeypatch):
    from dossier.corpus.cluster import local_workers, scheduler_address

    monkeypatch.delenv("DASK_SCHEDULER_ADDRESS", raising=False)
    assert scheduler_address(None) is None  # a local cluster
    monkeypatch.setenv("DASK_SCHEDULER_ADDRESS", "tcp://10.0.0.5:8786")
    assert scheduler_address(None) == "tcp://10.0.0.5:8786"
    assert scheduler_address("tcp://127.0.0.1:9000") == "tcp://127.0.0.1:9000"  # SCHEDULER= wins
    assert local_workers() >= 1
