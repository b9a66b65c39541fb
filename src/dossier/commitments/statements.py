"""Statements: threats, warnings, rejections, accusations, endorsements, demands and claims."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dossier.actors.model import ActorIndex
from dossier.grammar import (
    QUOTE_MARKS,
    actors_of,
    clause_subject,
    has_negation,
    quoted_tokens,
    reports_commitment,
    subtree_tokens,
)
from dossier.lexicon import (
    ACCUSATION_MARKERS,
    DEMAND_MARKERS,
    EVALUATED_NOUNS,
    KIND_PRIORITY,
    LIGHT_VERBS,
    POSITIVE_MARKERS,
    REJECTION_MARKERS,
    STATEMENT_NOUNS,
    STATEMENT_VERBS,
    THREAT_MARKERS,
    WARNING_MARKERS,
)
from dossier.schema import Statement

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dossier.nlp import ParsedArticle




# "was quick to praise", "was first to condemn": the act itself, done promptly.
PROMPTLY = {"quick", "swift", "fast", "first", "prompt"}


def _speech_kind(verb: Token) -> str | None:
    """Kind a verb gives a statement, or None when it is not a speech or stance act here."""
    lemma = verb.lemma_.lower()
    children = list(verb.children)
    deps = {c.dep_ for c in children}
    preps = {c.lower_ for c in children if c.dep_ in ("prep", "prt")}
    sentence_has_quote = any(t.text in QUOTE_MARKS for t in verb.sent)
    if lemma in LIGHT_VERBS:
        for c in children:
            if c.dep_ == "dobj" and c.lemma_.lower() in STATEMENT_NOUNS:
                return STATEMENT_NOUNS[c.lemma_.lower()]
        return None
    kind = STATEMENT_VERBS.get(lemma)
    if kind is None:
        return None
    if lemma == "call":
        if preps & {"on", "for", "upon"}:
            return "demand"
        return "claim" if deps & {"oprd", "ccomp", "xcomp"} else None  # "called the plan a sham"
    if lemma == "point" and not preps & {"to", "out"}:
        return None
    if lemma in ("announce", "confirm", "unveil", "reveal", "disclose") and not deps & {"ccomp", "parataxis"}:
        return None  # "announced the deal on Tuesday" restates a fact
    if lemma in ("say", "add", "tell", "write", "reply", "respond", "explain", "state", "note", "recall") \
            and not (deps & {"ccomp", "parataxis"} or sentence_has_quote):
        return None
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() not in PROMPTLY:
        return None  # "has yet to decide whether to ask": an act only contemplated ("was quick to praise" is done)
    if lemma in ("back", "support", "charge", "counter") and "dobj" not in deps:
        return None
    if lemma in ("press", "push") and not ("for" in preps or "xcomp" in deps or "ccomp" in deps):
        return None  # "pushed aid trucks through" is logistics; "pressed Iran to" is a demand
    if lemma in ("vow",) and not _content_has(verb, THREAT_MARKERS):
        return None
    if lemma in ("refuse", "deny") and "xcomp" in deps:
        return None  # "refused to send troops" is a pledge ruled out, not a statement
    return kind


def _content(verb: Token) -> list[Token]:
    subjects = {c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")}
    return [t for t in subtree_tokens(verb, subjects) if t.i != verb.i]


def _content_has(verb: Token, markers: set[str]) -> bool:
    tokens = _content(verb)
    words = {t.lower_ for t in tokens} | {t.lemma_.lower() for t in tokens}
    text = " ".join(t.lower_ for t in tokens)
    return bool(words & markers) or any(" " in m and m in text for m in markers)


def _refine(kind: str, verb: Token) -> str:
    """What is reported can make a claim a threat, a rejection, a warning or a demand."""
    if kind in ("claim", "warning") and _content_has(verb, THREAT_MARKERS) and any(
            t.lower_ in ("would", "will", "'ll") for t in _content(verb)):
        return "threat"
    if kind == "endorsement" and (has_negation(verb) or verb.head.lemma_.lower() in ("refuse", "decline", "reject")):
        return "rejection"  # "refused to back the passage"
    if kind == "claim":  # "said the administration fully supports": the reported act decides
        for clause in (c for c in verb.children if c.dep_ == "ccomp"):
            reported = STATEMENT_VERBS.get(clause.lemma_.lower(), "claim")
            if reported in ("endorsement", "accusation", "rejection", "demand", "threat"):
                return reported
    if kind == "claim" and verb.lemma_.lower() == "call" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in EVALUATED_NOUNS for c in verb.children):
        # "called the pact a capitulation" rejects it; "called the deal a lifeline" endorses it
        if _content_has(verb, REJECTION_MARKERS):
            return "rejection"
        return "endorsement" if _content_has(verb, POSITIVE_MARKERS) else "rejection"
    if kind == "claim" and _content_has(verb, ACCUSATION_MARKERS):
        return "accusation"  # "“This is piracy,” said the federation's president"
    if kind == "claim" and verb.lemma_.lower() in ("insist", "ask", "demand") and any(
            c.dep_ == "ccomp" and c.tag_ == "VB" and not any(a.dep_ == "aux" for a in c.children)
            for c in verb.children):
        return "demand"  # "insisted that any settlement recognise ...": a subjunctive is a demand
    if kind == "claim" and (_content_has(verb, REJECTION_MARKERS) or _reports_refusal(verb)):
        return "rejection"
    if kind == "claim" and _content_has(verb, WARNING_MARKERS):
        return "warning"
    if kind == "claim" and _content_has(verb, DEMAND_MARKERS) and verb.lemma_.lower() in (
            "insist", "stress", "say", "emphasize", "emphasise", "argue", "maintain", "state", "declare", "add"):
        return "demand"
    return kind


def _reports_refusal(verb: Token) -> bool:
    """"said his government would not commit": the reported clause is a negated commitment."""
    for clause in (c for c in verb.children if c.dep_ in ("ccomp", "parataxis")):
        for tok in (clause, *[c for c in clause.children if c.dep_ in ("xcomp", "conj")]):
            if has_negation(tok) and tok.pos_ in ("VERB", "AUX"):
                return True
    return False


def _target(verb: Token, parsed: ParsedArticle, index: ActorIndex, speaker: str) -> str:
    for c in verb.children:
        if c.dep_ in ("dobj", "pobj") or (c.dep_ == "prep" and c.lower_ in ("on", "upon", "against")):
            tok = c if c.dep_ != "prep" else next((g for g in c.children if g.dep_ == "pobj"), None)
            if tok is None:
                continue
            found = actors_of([tok], parsed, index)
            if found and found[0].actor != speaker:
                return found[0].actor
    return ""


def _speaker_tokens(verb: Token) -> list[Token]:
    """Who performs a speech act. A verb without its own subject ("... and urged governments",
    "arguing that") belongs to the nearest speech act above it, not to whatever clause the parser
    hung it on ("He warned that Russia could attack and urged ...")."""
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        node = verb
        while node.head.i != node.i:
            node = node.head
            if node.pos_ in ("VERB", "AUX") and _speech_kind(node) and any(
                    c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
                return clause_subject(node)
    return clause_subject(verb)


def _nested(outer: Token, inner: Token) -> bool:
    """True when `inner` hangs under `outer` other than as a coordinated clause."""
    node = inner
    while node.head.i != node.i:
        if node.head.i == outer.i:
            return node.dep_ != "conj"
        node = node.head
    return False


def extract_statements(parsed: ParsedArticle, index: ActorIndex) -> list[Statement]:
    out: list[Statement] = []
    for sent in parsed.body:
        found: dict[str, list[tuple[str, Token]]] = {}
        quoted = quoted_tokens(sent.span.doc)
        for verb in sent.span:
            if verb.pos_ not in ("VERB", "AUX") or verb.i in quoted:
                continue  # a verb inside quotation marks is the quoted speaker's, not a report
            kind = _speech_kind(verb)
            if kind is None:
                continue
            kind = _refine(kind, verb)
            if kind == "claim" and reports_commitment(verb):
                continue  # "Tokyo will apply the rule, the minister said": the pledges table has it
            for mention in actors_of(_speaker_tokens(verb), parsed, index):
                found.setdefault(mention.actor, []).append((kind, verb))
        for speaker, acts in found.items():
            # an act inside another act of the speaker is part of it ("urged Washington to lift what
            # he called illegal sanctions" is a demand), unless the outer act is a plain "said"
            acts = [(kind, verb) for kind, verb in acts if not any(
                outer_kind != "claim" and _nested(outer, verb) for outer_kind, outer in acts if outer.i != verb.i)]
            kept: list[tuple[str, Token]] = []
            for kind, verb in sorted(acts, key=lambda a: KIND_PRIORITY.index(a[0])):
                nested = any(_nested(k_verb, verb) or _nested(verb, k_verb) for _, k_verb in kept)
                if nested or (kept and kind == "claim") or any(k == kind for k, _ in kept):
                    continue
                kept.append((kind, verb))
            for kind, verb in kept:
                out.append(Statement(
                    speaker=speaker, kind=kind, target=_target(verb, parsed, index, speaker),
                    verb=verb.text, evidence=sent.text, sentence_id=sent.index,
                    start=sent.start, end=sent.end,
                ))
    return out


def quoted_statements(parsed: ParsedArticle, quotes: list, statements: list[Statement]) -> list[Statement]:
    """A quote can be the whole statement ("“We will not hesitate to use it.”"): a threat, warning,
    rejection or demand by its speaker, from what the quoted words say; plain quoted claims are
    left to the quotes table."""
    said = {(s.speaker, s.sentence_id) for s in statements}
    out: list[Statement] = []
    for quote in quotes:
        if not quote.speaker or (quote.speaker, quote.sentence_id) in said:
            continue
        sent = parsed.sentences[quote.sentence_id]
        base = sent.span.doc.user_data["block_start"]
        span = sent.span.doc.char_span(quote.start - base, quote.end - base, alignment_mode="expand")
        kind = _quoted_kind(list(span)) if span is not None else None
        if kind:
            said.add((quote.speaker, quote.sentence_id))
            out.append(Statement(speaker=quote.speaker, kind=kind, target="", verb="(quote)", evidence=sent.text,
                                 sentence_id=sent.index, start=sent.start, end=sent.end))
    return out


def _quoted_kind(tokens: list[Token]) -> str | None:
    words = {t.lower_ for t in tokens} | {t.lemma_.lower() for t in tokens}
    text = " ".join(t.lower_ for t in tokens)

    def has(markers: set[str]) -> bool:
        return bool(words & markers) or any(" " in m and m in text for m in markers)

    future = any(t.lower_ in ("will", "'ll", "would", "shall") for t in tokens)
    first_person = bool(words & {"we", "i", "us", "our"})
    if future and (has(THREAT_MARKERS) or (first_person and "hesitate" in words and "not" in words)):
        return "threat"
    if has(REJECTION_MARKERS) or (first_person and future and any(t.dep_ == "neg" for t in tokens)):
        return "rejection"
    if has(WARNING_MARKERS) or any(t.lower_ in ("nobody", "no one") and t.head.lemma_ == "want" for t in tokens):
        return "warning"
    if has(DEMAND_MARKERS):
        return "demand"
    return None
