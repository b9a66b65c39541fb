"""What a long-lived process (one kernel per article, a corpus worker) keeps between parses:
one set of matchers, one vocabulary for stored parses, one stored parse; and the tables do not
depend on which vocabulary a parse lives in."""

from __future__ import annotations

import json
import os

import pandas as pd

from dossier import nlp
from dossier.extract import actor_index, actor_tables, commitment_tables, precedent_tables
from dossier.ingest.article import Article
from dossier.io import write_json

TEXTS = [
    "France and the European Union pledged 500 troops under the Treaty of Versailles model, "
    "President Emmanuel Macron said on Tuesday. Macron warned Russia.\n",
    "Japan's Prime Minister Shigeru Ishiba recalled the Plaza Accord. NATO said it would send ships.\n",
]


def _store(tmp_path, index: int, text: str):
    folder = tmp_path / f"a{index}"
    folder.mkdir()
    parsed = nlp.parse(Article.from_text(text, slug=f"a{index}", published="2025-03-14"))
    write_json(folder / "article.json", parsed.article.to_json())
    nlp.save_parse(parsed, folder / "parse.spacy")
    return folder, parsed


def _tables(parsed) -> list[pd.DataFrame]:
    actors, mentions = actor_tables(parsed)
    index = actor_index(actors, mentions)
    return [actors, mentions, *commitment_tables(parsed, index), *precedent_tables(parsed, index)]


def test_stored_parses_share_one_vocabulary_and_matchers_are_built_once(tmp_path):
    stored = [_store(tmp_path, i, text) for i, text in enumerate(TEXTS * 3)]
    vocabularies = set()
    built: dict = {}
    for folder, fresh in stored:
        loaded = nlp.load_stored(folder)
        built = built or dict(nlp._MATCHERS)  # after the first article
        vocabularies.update(id(doc.vocab) for doc in loaded.docs)
        # the same tables from the model's own vocabulary and from the shared blank one
        for ours, theirs in zip(_tables(loaded), _tables(fresh), strict=True):
            pd.testing.assert_frame_equal(ours, theirs)
    assert vocabularies == {id(nlp.shared_vocab())}
    assert set(nlp._MATCHERS) == {"gazetteer", "precedents"}
    assert set(built) == {"gazetteer", "precedents"}
    assert all(nlp._MATCHERS[name] is built[name] for name in built)  # not rebuilt per vocabulary


def test_a_stored_parse_is_read_once_until_its_files_change(tmp_path):
    folder, _ = _store(tmp_path, 0, TEXTS[0])
    first = nlp.load_stored(folder)
    assert nlp.load_stored(folder) is first
    # stage 1 reruns: new files renamed into place
    (tmp_path / "again").mkdir()
    _store(tmp_path / "again", 0, TEXTS[1])
    for name in ("article.json", "parse.spacy"):
        os.replace(tmp_path / "again" / "a0" / name, folder / name)
    second = nlp.load_stored(folder)
    assert second is not first
    assert json.loads((folder / "article.json").read_text())["text"] == second.article.text
    assert "Ishiba" in second.article.text


def _resident_mib() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def test_300_parses_and_extractions_of_one_article_keep_memory_flat():
    """A kernel or corpus worker lives for many articles: after warm-up, parsing and extracting
    the same text again must not grow the process (the string store, matcher caches, stored parses)."""
    import gc

    from dossier.runner import extract_all

    article = Article.from_text(TEXTS[0], slug="same", published="2025-03-14")
    for _ in range(30):  # warm-up: the model's and the matchers' first allocations
        extract_all(nlp.parse(article))
    gc.collect()
    before, strings = _resident_mib(), len(nlp.load_pipeline().vocab.strings)
    for _ in range(270):
        extract_all(nlp.parse(article))
    gc.collect()
    assert len(nlp.load_pipeline().vocab.strings) == strings
    assert _resident_mib() - before < 3.0
