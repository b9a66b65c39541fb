"""Stage 4a: historical events, treaties and agreements the article invokes, and how.

Two sources: a knowledge base of well-known events (with their years), and a pattern for
named events it does not know: proper modifiers or a year before an event noun
("the 1985 Plaza Accord", "Moscow's 2014 Crimea annexation"), or "Treaty of X".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from dossier import kb

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from dossier.nlp import ParsedArticle, Sentence

# Event nouns that name something already in the past wherever they appear.
FOUNDING_NOUNS = {"creation", "founding", "establishment", "accession", "entry"}
HISTORIC_NOUNS = {*FOUNDING_NOUNS,
                  "war", "armistice", "annexation", "invasion", "memorandum", "massacre", "genocide",
                  "revolution", "uprising", "occupation", "blockade", "airlift", "crisis", "coup",
                  "withdrawal", "partition", "bombing", "siege", "battle", "famine", "spring", "doctrine",
                  "offensive", "intervention", "insurgency", "uprisings"}
# Event nouns that may just as well name the news itself ("the Paris summit"): they need a past year,
# a past time expression in the sentence, or the knowledge base.
CURRENT_NOUNS = {"summit", "conference", "treaty", "accord", "accords", "agreement", "agreements", "pact",
                 "protocol", "charter", "convention", "declaration", "ceasefire", "truce", "deal", "plan",
                 "talks", "referendum", "communique", "communiqué", "framework", "round", "act", "resolution"}
PAST_MARKERS = re.compile(r"\b(last (?:week|month|year)|years? ago|months? ago|decades? ago|previous|earlier|"
                          r"in the (?:19|20)\d0s)\b", re.I)
MODEL_CUES = re.compile(r"\b(model|inspir\w*|example|blueprint|template|success\w*|lasted|worked|held|"
                        r"maintain\w*|emulat\w*|replicat\w*|proven|effective|helped|guide|lessons? of success|"
                        r"demonstrat\w*|kept the peace|durable|landmark|breakthrough)\b", re.I)
CAUTION_CUES = re.compile(r"\b(violat\w*|broke|broken|breach\w*|fail\w*|collaps\w*|warning|cautionary|"
                          r"mistake\w*|betray\w*|reneg\w*|abandon\w*|fell apart|unravel\w*|torn up|tore up|"
                          r"withdr[ae]w\w*|ignored|never again|disaster\w*|humiliat\w*|debacle|trap|"
                          r"flaw\w*|scrapped|reneged|lapsed|undermin\w*|empty promises?)\b", re.I)
_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")


@dataclass
class Precedent:
    name: str
    canonical: str
    year: int | None
    kind: str
    invoked_as: str
    source: str  # knowledge base | pattern
    evidence: str
    sentence_id: int
    start: int
    end: int


@cache
def _kb_surfaces() -> dict[str, kb.Precedent]:
    table: dict[str, kb.Precedent] = {}
    for p in kb.precedents():
        for surface in (p.name, *p.aliases):
            table.setdefault(surface.lower() if len(surface.split()) > 1 else surface, p)
    return table


@cache
def _kb_patterns() -> dict[str, str]:
    return {surface: "LOWER" if " " in surface else "ORTH" for surface in _kb_surfaces()}


def _kb_matches(doc: Doc) -> list[tuple[int, int, kb.Precedent]]:
    """Longest non-overlapping knowledge-base events: several-word names in any case, acronyms exact."""
    from dossier.nlp import phrase_matcher

    surfaces = _kb_surfaces()
    found = [(s, e, surfaces[matcher.vocab.strings[k]])
             for matcher in phrase_matcher("precedents", _kb_patterns) for k, s, e in matcher(doc)]
    found.sort(key=lambda t: (-(t[1] - t[0]), t[0]))
    taken: set[int] = set()
    out = []
    for s, e, p in found:
        if not taken.intersection(range(s, e)):
            taken.update(range(s, e))
            out.append((s, e, p))
    return out


def _is_proper(tok: Token) -> bool:
    return tok.text[:1].isupper() and tok.pos_ in ("PROPN", "ADJ", "NOUN") and tok.lower_ not in ("the",)


def _pattern_name(tok: Token, sent: Sentence) -> tuple[int, int] | None:
    """Token range of a named event headed by `tok`, or None."""
    doc = tok.doc
    start = tok.i
    while start > sent.span.start:
        left = doc[start - 1]
        if _is_proper(left) or _YEAR.fullmatch(left.text) or left.text in ("-", "–") or (
                left.lower_ in HISTORIC_NOUNS | CURRENT_NOUNS and left.text[:1].isupper()):
            start -= 1
        else:
            break
    end = tok.i + 1
    article = 1 if end + 2 < sent.span.end and doc[end + 1].lower_ == "the" else 0  # "creation of the WTO"
    linkers = ("of", "to", "into") if tok.lower_ in FOUNDING_NOUNS else ("of",)
    if end + 1 + article < sent.span.end and doc[end].lower_ in linkers and _is_proper(doc[end + 1 + article]):
        end += 1 + article
        while end < sent.span.end and (_is_proper(doc[end]) or (doc[end].lower_ == "the" and end + 1 < sent.span.end
                                       and _is_proper(doc[end + 1]))):
            end += 1
    while start < tok.i and doc[start].text in ("-", "–"):
        start += 1
    proper = [t for t in doc[start:end] if t.i != tok.i and _is_proper(t) and t.lower_ != "of"]
    if tok.lower_ in FOUNDING_NOUNS:
        if end == tok.i + 1 or not _YEAR.search(sent.text):
            return None  # "the creation of the WTO in 1995" is history; "the creation of jobs" is not
        if start == tok.i and start >= sent.span.start + 2 and doc[start - 1].tag_ == "POS":
            start -= 2  # "the country's accession to the WTO"
        return start, end
    if not proper:
        # "the 2021 military coup": a year and plain modifiers are enough for a past event
        i = tok.i
        while i > sent.span.start and doc[i - 1].pos_ in ("ADJ", "NOUN") and tok.i - i < 2:
            i -= 1
        if tok.lower_ in HISTORIC_NOUNS and i > sent.span.start and _YEAR.fullmatch(doc[i - 1].text):
            return i - 1, end
        # "a six-week war in 2020": plain modifiers, then the year
        if tok.lower_ in HISTORIC_NOUNS and end + 1 < sent.span.end and doc[end].lower_ == "in" \
                and _YEAR.fullmatch(doc[end + 1].text):
            i = tok.i
            if i - 3 >= sent.span.start and doc[i - 2].text in ("-", "–"):
                i -= 3  # "six-week"
            return i, end + 2
        return None
    return start, end


def _invoked_as(parsed: ParsedArticle, sent: Sentence) -> str:
    window = [s for s in parsed.sentences[max(0, sent.index - 1):sent.index + 3] if s.block == sent.block]
    model = caution = 0.0
    for s in window:
        weight = 2.0 if s.index == sent.index else 1.0
        model += weight * len(MODEL_CUES.findall(s.text))
        caution += weight * len(CAUTION_CUES.findall(s.text))
    if model == caution == 0:
        return "context"
    return "model" if model > caution else "cautionary"


def _year_near(sent: Sentence, start: int, end: int, published_year: int | None) -> int | None:
    own = _YEAR.search(sent.span.doc[start:end].text)
    if own:
        return int(own.group(1))
    years = [int(y) for y in _YEAR.findall(sent.text)]
    if years:
        return years[0]
    if published_year and re.search(r"\blast (?:week|month)\b|\bearlier this year\b", sent.text, re.I):
        return published_year
    if published_year and re.search(r"\blast year\b", sent.text, re.I):
        return published_year - 1
    return None


def extract_precedents(parsed: ParsedArticle) -> list[Precedent]:
    published_year = int(parsed.article.published[:4]) if parsed.article.published else None
    out: list[Precedent] = []
    seen: set[str] = set()

    def add(sent: Sentence, start: int, end: int, canonical: str, year: int | None, kind: str, source: str) -> None:
        doc = sent.span.doc
        span = doc[start:end]
        name = re.sub(r"^(?:the|a|an)\s+", "", span.text, flags=re.I)
        name = re.sub(r"\s*[’']s?$", "", name).strip()
        key = canonical.lower()
        if key in seen or not name:
            return
        seen.add(key)
        offset = parsed.offset(span)
        out.append(Precedent(name=name, canonical=canonical, year=year, kind=kind,
                             invoked_as=_invoked_as(parsed, sent), source=source, evidence=sent.text,
                             sentence_id=sent.index, start=offset, end=offset + len(span.text)))

    kb_matches: dict[int, list[tuple[int, int, kb.Precedent]]] = {}  # one matcher pass per paragraph
    for sent in parsed.body:
        doc = sent.span.doc
        taken: set[int] = set()
        if sent.block not in kb_matches:
            kb_matches[sent.block] = _kb_matches(doc)
        for s, e, p in kb_matches[sent.block]:
            if sent.span.start <= s and e <= sent.span.end:
                taken.update(range(s, e))
                own = _YEAR.search(doc[s:e].text)
                add(sent, s, e, p.name, int(own.group(1)) if own else p.year, p.kind, "knowledge base")
        for tok in sent.span:
            lemma = tok.lower_
            if tok.i in taken or lemma not in HISTORIC_NOUNS | CURRENT_NOUNS or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            nxt = doc[tok.i + 1] if tok.i + 1 < sent.span.end else None
            if nxt is not None and nxt.lower_ in HISTORIC_NOUNS | CURRENT_NOUNS:
                continue  # a modifier of a longer name ("Korean War armistice")
            rng = _pattern_name(tok, sent)
            if rng is None or taken.intersection(range(*rng)):
                continue
            year = _year_near(sent, rng[0], rng[1], published_year)
            if lemma in CURRENT_NOUNS:
                past_year = year is not None and published_year is not None and year < published_year
                if not (past_year or PAST_MARKERS.search(sent.text)):
                    continue
            taken.update(range(*rng))
            name = doc[rng[0]:rng[1]].text
            canonical = _YEAR.sub("", name).strip(" -–")
            canonical = re.sub(r"^(?:the|a|an)\s+", "", canonical, flags=re.I)
            add(sent, rng[0], rng[1], canonical, year, lemma, "pattern")
    return out
