"""The bottom line up front: a paragraph written from the tables by templates, no model.

It says who committed to what and how firmly, who refused, who threatened and with what, and
which history is invoked and how. Each clause links to its evidence sentence. Only rows the
extraction is sure of are stated; the others are counted and left to the tables, because a
reader forwards this paragraph without checking it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from dossier.lexicon import STATEMENT_VERBS, THREAT_MARKERS
from dossier.precedents import cues
from dossier.report.evidence import after_verb, amount_and_deadline, esc, link, verb_lemma_candidates
from dossier.report.labels import label

if TYPE_CHECKING:
    import pandas as pd

# A refusal "to allow" or "to accept" is about somebody else's action (Moscow "cannot allow such
# deployments"), not a refusal of the actor's own: not stated as the actor ruling something out.
PERMISSION_VERBS = {"allow", "accept", "permit", "tolerate", "let"}
MAX_STATEMENTS = 3  # per kind: the paragraph stays a paragraph


@dataclass
class Clause:
    """One sentence of the summary: its kind, its HTML, and the sentences it rests on."""

    kind: str  # committed, less_firm, refused, threatened, history, uncertain
    html: str
    evidence: list[int] = field(default_factory=list)


def _rows(tables: Mapping[str, pd.DataFrame], name: str) -> list[dict]:
    df = tables.get(name)
    return [] if df is None or df.empty else df.to_dict("records")


def _actor_types(tables: Mapping[str, pd.DataFrame]) -> dict[str, str]:
    return {r["name"]: r["type"] for r in _rows(tables, "actors")}


def with_article(name: str, kind: str = "") -> str:
    """'the United Kingdom', 'the Baltic states', 'the European Union'; 'France', 'NATO', 'Hamas'."""
    words = name.split()
    if not words or words[0].lower() == "the" or kind == "person":
        return name
    if kind == "group" or re.match(r"(United|Republic|Kingdom|Federation|Union|Coalition|Council|Commission)\b", name):
        return "the " + name
    if kind == "country" and (name in _countries_with_the() or re.search(r"\b(Republic|Islands|Emirates)\b", name)):
        return "the " + name
    if kind == "organization" and len(words) > 1 and not name.isupper():
        return "the " + name
    return name


@cache
def _countries_with_the() -> frozenset[str]:
    """Countries the knowledge base also writes with 'the' ("the Netherlands", "The Gambia")."""
    from dossier import kb

    return frozenset(c.name for c in kb.countries() if any(a.lower() == "the " + c.name.lower() for a in c.aliases))


def _join(parts: list[str]) -> str:
    parts = list(dict.fromkeys(parts))
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _cap(text_html: str) -> str:
    """Upper-case the first visible letter of an HTML snippet."""
    return re.sub(r"^((?:<[^>]+>)*)([a-z])", lambda m: m.group(1) + m.group(2).upper(), text_html, count=1)


def _verb_is(verb: str, kind: str) -> bool:
    return any(STATEMENT_VERBS.get(v) == kind for v in verb_lemma_candidates(verb))


# -- pledges ------------------------------------------------------------------------------------

def pledge_is_confident(row: Mapping) -> bool:
    """A status the sentence states about the actor's own action."""
    if row.get("status") == "ruled_out":
        trigger = str(row.get("trigger", "")).split()
        if any(v in PERMISSION_VERBS for v in (verb_lemma_candidates(trigger[-1]) if trigger else [])):
            return False
    return bool(row.get("actor")) and bool(row.get("category"))


def _details(row: Mapping) -> str:
    extra = amount_and_deadline(row)
    return f" ({esc(extra)})" if extra else ""


def _actor_links(rows: list[dict], types: dict[str, str]) -> str:
    seen: dict[str, str] = {}
    for r in rows:
        if r["actor"] not in seen:
            name = esc(with_article(r["actor"], types.get(r["actor"], "")))
            seen[r["actor"]] = link(name, r["sentence_id"], r.get("evidence", "")) + (
                _details(r) if len({x["actor"] for x in rows}) > 1 else "")
    return _join(list(seen.values()))


def _what(category: str, rows: list[dict]) -> str:
    """The category's label; a lone actor's amount and deadline follow it ("energy (by 2027)")."""
    return esc(label(category)) + (_details(rows[0]) if not _plural(rows) else "")


def _by_category(rows: list[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for r in rows:
        out.setdefault(r["category"], []).append(r)
    return out


def _plural(rows: list[dict]) -> bool:
    return len({r["actor"] for r in rows}) > 1


PLEDGE_TEMPLATES = {
    "committed": "{actors} made {a_firm_commitment} on {what}",
    "proposed": "{actors} made {a_proposal} on {what}",
    "considering": "{actors} {be} considering {what}",
    "undecided": "{actors} {be} undecided on {what}",
    "ruled_out": "{actors} ruled out {what}",
}


def _pledge_clause(status: str, rows: list[dict], types: dict[str, str]) -> str:
    """One status's clauses: the actors of each category, linked to their sentences; when the same
    actors take that status on several categories, one clause names them all, each category linked."""
    clusters: dict[tuple[str, ...], list[tuple[str, list[dict]]]] = {}
    for category, group in _by_category(rows).items():
        clusters.setdefault(tuple(dict.fromkeys(r["actor"] for r in group)), []).append((category, group))
    parts = []
    for actors, items in clusters.items():
        if len(items) == 1:
            category, group = items[0]
            who, what = _actor_links(group, types), _what(category, group)
        else:
            who = _join([esc(with_article(a, types.get(a, ""))) for a in actors])
            what = _join([link(esc(label(c)), g[0]["sentence_id"], g[0].get("evidence", ""))
                          + (_details(g[0]) if len(actors) == 1 else "") for c, g in items])
        many = sum(len(g) for _, g in items) > 1
        parts.append(PLEDGE_TEMPLATES[status].format(
            actors=who, what=what, be="are" if len(actors) > 1 else "is",
            a_firm_commitment="firm commitments" if many else "a firm commitment",
            a_proposal="proposals" if many else "a proposal"))
    return _cap("; ".join(parts)) + "."


# -- statements ---------------------------------------------------------------------------------

def statement_is_confident(row: Mapping) -> bool:
    """A threat, refusal or accusation the verb says itself, or a threat its content spells out."""
    kind, verb = row.get("kind", ""), str(row.get("verb", ""))
    if not after_verb(str(row.get("evidence", "")), verb):
        return False  # nothing to quote in the summary: the tables show it
    if kind == "threat":
        content = str(row.get("evidence", "")).lower()
        return _verb_is(verb, "threat") or any(re.search(rf"\b{re.escape(m)}\b", content) for m in THREAT_MARKERS)
    return _verb_is(verb, kind)


def _statement_clause(rows: list[dict], types: dict[str, str], lead: str) -> str:
    by_speaker: dict[str, list[dict]] = {}
    for r in rows:
        by_speaker.setdefault(r["speaker"], []).append(r)
    parts = []
    for speaker, group in by_speaker.items():
        said = []
        for r in group:
            content = after_verb(r["evidence"], r["verb"])
            verb = content.split()[0]
            said.append(link(esc(verb), r["sentence_id"], r["evidence"]) + esc(content[len(verb):]))
        parts.append(esc(with_article(speaker, types.get(speaker, ""))) + " " + " and ".join(said))
    return f"<b>{esc(lead)}</b> " + _cap("; ".join(parts)) + "."


# -- precedents ---------------------------------------------------------------------------------

def precedent_is_confident(row: Mapping, sentences: Mapping[int, tuple[int, str]] | None = None) -> bool:
    """'model' or 'cautionary' only when the sentence and its neighbours in the paragraph (the
    window the extraction weighs) have cues for that reading and none for the other: an 'Alaska
    summit' next to 'failed' and 'breakthrough' is no model."""
    invoked = row.get("invoked_as")
    if invoked not in ("model", "cautionary"):
        return False
    texts = [str(row.get("evidence", ""))]
    if sentences:
        sid = int(row["sentence_id"])
        block = sentences.get(sid, (None, ""))[0]
        texts += [sentences[i][1] for i in (sid - 1, sid + 1, sid + 2) if i in sentences and sentences[i][0] == block]
    text = " ".join(texts)
    model, caution = bool(cues("model_cues").search(text)), bool(cues("caution_cues").search(text))
    return model and not caution if invoked == "model" else caution and not model


def _precedent_name(row: Mapping) -> str:
    name, year = str(row["name"]), str(row.get("year") or "")
    possessive = re.match(r"\S+['’]s\b", name)  # "Russia's annexation of Crimea"
    shown = name if possessive or name.lower().startswith("the ") else "the " + name
    if year and year not in ("<NA>", "nan") and year not in name:
        shown += f" ({year})"
    return link(esc(shown), row["sentence_id"], row.get("evidence", ""))


def _history_clause(confident: list[dict], other: list[dict]) -> str:
    parts = []
    for invoked, words in (("model", "as a model"), ("cautionary", "as cautionary tales")):
        rows = [r for r in confident if r["invoked_as"] == invoked]
        if rows:
            phrase = words if len(rows) > 1 or invoked == "model" else "as a cautionary tale"
            parts.append(f"{_join([_precedent_name(r) for r in rows])} {phrase}")
    text = "<b>History invoked:</b> " + "; ".join(parts) if parts else ""
    if other:
        mentioned = _join([_precedent_name(r) for r in other])
        text += ("; also mentioned: " if text else "<b>History mentioned:</b> ") + mentioned
    return text + "."


# -- the paragraph ------------------------------------------------------------------------------

def summary_clauses(tables: Mapping[str, pd.DataFrame]) -> list[Clause]:
    """The summary's sentences in reading order, each with the sentence ids it links to."""
    types = _actor_types(tables)
    pledges = _rows(tables, "pledges")
    statements = _rows(tables, "statements")
    precedents = _rows(tables, "precedents")
    sentences = {int(r["sentence_id"]): (int(r["block"]), str(r["text"])) for r in _rows(tables, "sentences")}
    sure = [r for r in pledges if pledge_is_confident(r)]
    clauses: list[Clause] = []

    def add(kind: str, html_text: str, rows: list[dict]) -> None:
        clauses.append(Clause(kind, html_text, [int(r["sentence_id"]) for r in rows]))

    committed = [r for r in sure if r["status"] == "committed"]
    if committed:
        add("committed", "<b>Committed:</b> " + _pledge_clause("committed", committed, types), committed)
    refused = [r for r in sure if r["status"] == "ruled_out"]
    rejections = [r for r in statements if r["kind"] == "rejection" and statement_is_confident(r)][:MAX_STATEMENTS]
    if refused:
        add("refused", "<b>Refused:</b> " + _pledge_clause("ruled_out", refused, types), refused)
    if rejections:
        add("refused", _statement_clause(rejections, types, "Rejected:" if not refused else "Also rejected:"),
            rejections)
    threats = [r for r in statements if r["kind"] == "threat" and statement_is_confident(r)][:MAX_STATEMENTS]
    if threats:
        add("threatened", _statement_clause(threats, types, "Threats:"), threats)
    softer = [r for r in sure if r["status"] in ("proposed", "considering", "undecided")]
    if softer:
        text = " ".join(_pledge_clause(s, [r for r in softer if r["status"] == s], types)
                        for s in ("proposed", "considering", "undecided") if any(r["status"] == s for r in softer))
        add("less_firm", "<b>Less firm:</b> " + text, softer)
    sure_history = [r for r in precedents if precedent_is_confident(r, sentences)]
    other_history = [r for r in precedents if r not in sure_history]
    if precedents:
        add("history", _history_clause(sure_history, other_history), sure_history + other_history)
    left = (len(pledges) - len(sure)) + sum(1 for r in statements if r["kind"] in ("threat", "rejection")
                                            and not statement_is_confident(r))
    if left:
        add("uncertain", f"{left} further {'row' if left == 1 else 'rows'} the extraction is less sure of "
                         "(pledges, threats, rejections) are left to the tables below.", [])
    return clauses


def summary_html(tables: Mapping[str, pd.DataFrame]) -> str:
    """The paragraph itself, or a plain note when the article commits, refuses and threatens nothing."""
    clauses = summary_clauses(tables)
    if not any(c.kind != "uncertain" for c in clauses):
        return ('<p class="summary" id="summary">The extraction found no commitment, refusal, threat or '
                "historical precedent it is sure of in this article; the tables below list what it found.</p>")
    return '<p class="summary" id="summary">' + " ".join(c.html for c in clauses) + "</p>"
