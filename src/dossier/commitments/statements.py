"""Statements: threats, warnings, rejections, accusations, endorsements, demands and claims."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dossier.actors.model import ActorIndex, Mention
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
    ASSENT_VERBS,
    COMMIT_NOUNS,
    COMMIT_VERBS,
    DEMAND_MARKERS,
    EVALUATED_NOUNS,
    FUTURE_MARKERS,
    GRATITUDE_MARKERS,
    HEDGE_MODALS,
    KIND_PRIORITY,
    LIGHT_VERBS,
    POSITIVE_MARKERS,
    PROCEDURAL_NOUNS,
    PROCEDURAL_VERBS,
    PROMPT_WORDS,
    READY_WORDS,
    REJECTION_MARKERS,
    ROLE_NOUNS,
    SAYING_VERBS,
    STATEMENT_NOUNS,
    STATEMENT_PHRASES,
    STATEMENT_VERBS,
    THREAT_MARKERS,
    WARNING_MARKERS,
)
from dossier.schema import Statement

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dossier.nlp import ParsedArticle

# Modal and future auxiliaries ("wo" and "ca" are how the parser splits "won't" and "can't").
MODALS = FUTURE_MARKERS | HEDGE_MODALS | {"would", "wo", "can", "ca"}
FUTURE = FUTURE_MARKERS | {"would", "wo"}


def _speech_kind(verb: Token) -> str | None:
    """Kind a verb gives a statement, or None when it is not a speech or stance act here."""
    lemma = verb.lemma_.lower()
    children = list(verb.children)
    deps = {c.dep_ for c in children}
    preps = {c.lower_ for c in children if c.dep_ in ("prep", "prt")}
    sentence_has_quote = any(t.text in QUOTE_MARKS for t in verb.sent)
    if "auxpass" in deps and "agent" not in deps:
        return None  # "militias were accused of": the subject is the target, the speaker is unnamed
    phrase = _phrase_kind(verb)
    if phrase:
        return phrase
    if _in_protest(verb):
        return "rejection"  # "withdrew from the meeting in protest against what it called bias"
    if lemma in LIGHT_VERBS:
        for c in children:
            if c.dep_ == "dobj" and c.lemma_.lower() in STATEMENT_NOUNS:
                return STATEMENT_NOUNS[c.lemma_.lower()]
        return None
    kind = STATEMENT_VERBS.get(lemma)
    if kind is None:
        return None
    if lemma == "call":
        if preps & {"on", "for", "upon"} or any(
                c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
                for c in children):
            return "demand"  # "called on X to", "called for Gulf states to be given a seat"
        if deps & {"oprd", "ccomp", "xcomp"} or _evaluation(verb) is not None:
            return "claim"  # "called the plan a sham", "called the framework “another Munich”"
        return None
    if lemma == "describe" and any(c.dep_ == "dobj" and c.lower_ == "what" for c in children) and not (
            _content_has(verb, REJECTION_MARKERS | POSITIVE_MARKERS | ACCUSATION_MARKERS)):
        return None  # "invited media to what it described as a briefing": a name for a thing, no stance
    if lemma == "point" and not preps & {"to", "out"}:
        return None
    if lemma in ("announce", "confirm", "unveil", "reveal", "disclose") and not deps & {"ccomp", "parataxis"}:
        return None  # "announced the deal on Tuesday" restates a fact
    if (lemma in SAYING_VERBS or lemma == "recall") and not (deps & {"ccomp", "parataxis"} or sentence_has_quote):
        return None
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() not in PROMPT_WORDS and not (
            verb.head.lemma_.lower() == "use" and any(c.dep_ == "dobj" for c in verb.head.children)):
        return None  # "has yet to decide whether to ask": an act only contemplated ("was quick to praise" is done)
    if lemma in ("back", "support", "charge", "counter") and "dobj" not in deps:
        return None
    if lemma in ("ask", "request", "demand", "seek") and any(
            (c.dep_ == "xcomp" and has_negation(c)) or c.lemma_.lower() in ("anonymity", "confidentiality")
            for c in children):
        return None  # "asked not to be named", "requesting anonymity": a source's terms, not a demand
    if lemma in ("press", "push") and not ("for" in preps or "xcomp" in deps or "ccomp" in deps):
        # "pushed aid trucks through" is logistics; "pressed Iran to" and "pressed new demands" are demands
        return next((STATEMENT_NOUNS[c.lemma_.lower()] for c in children
                     if c.dep_ == "dobj" and c.lemma_.lower() in STATEMENT_NOUNS), None)
    if lemma in ("vow",) and not (_content_has(verb, THREAT_MARKERS)
                                  or any(_conditional(t) for t in _content(verb))):
        return None  # "vowed to keep up the pressure unless it disarms" is a threat; "vowed to rebuild" is not
    if lemma in ("refuse", "decline") and any(c.dep_ == "xcomp" and c.lemma_.lower() in ASSENT_VERBS
                                              for c in children):
        return "rejection"  # "refused to back the passage", "declined to sign the declaration"
    if lemma in ("refuse", "deny", "decline") and "xcomp" in deps:
        return None  # "refused to send troops" is a pledge ruled out, not a statement
    return kind


def _phrase_kind(verb: Token) -> str | None:
    """"ruled out a role", "threw its weight behind the deal": a verb with its particles,
    prepositions or object."""
    lemma = verb.lemma_.lower()
    near = {w for c in verb.children if c.dep_ in ("prt", "prep", "dobj", "advmod", "agent")
            for w in (c.lower_, c.lemma_.lower())}
    for phrase, kind in STATEMENT_PHRASES.items():
        first, *rest = phrase.split()
        if first != lemma or not all(w in near for w in rest):
            continue
        deps = {c.dep_ for c in verb.children}
        if not rest and ("prt" in deps or "dobj" not in deps):
            continue  # "panned the deal", not "did not pan out"
        return kind
    return None


def _in_protest(verb: Token) -> bool:
    """An act done "in protest" (at, against, over something): the act is a rejection, wherever
    the parser hung the phrase among the verb's own words ("walked out of the talks in protest")."""
    for tok in verb.subtree:
        if tok.lemma_.lower() == "protest" and tok.pos_ == "NOUN" and tok.head.lower_ == "in" \
                and tok.head.dep_ == "prep":
            node = tok.head.head
            while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
                node = node.head
            return node.i == verb.i
    return False


def _evaluation(verb: Token) -> Token | None:
    """What "called X ..." says X is: an object predicate ("called the plan a sham"), a noun set
    beside the object ("called the framework “another Munich”") or a quotation right after it."""
    for c in verb.children:
        if c.dep_ == "oprd":
            return c
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        for g in obj.children:
            if g.dep_ == "appos":
                return g
        nxt = obj.doc[obj.right_edge.i + 1] if obj.right_edge.i + 1 < len(obj.doc) else None
        if nxt is not None and nxt.text in QUOTE_MARKS and nxt.i + 1 < len(obj.doc):
            return obj.doc[nxt.i + 1]
    return None


def _content(verb: Token) -> list[Token]:
    subjects = {c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")}
    return [t for t in subtree_tokens(verb, subjects) if t.i != verb.i]


def _content_has(verb: Token, markers: set[str]) -> bool:
    return _has_markers(_content(verb), markers)


def _has_markers(tokens: list[Token], markers: set[str]) -> bool:
    """Any marker among the tokens: a word or lemma, or a phrase of several words in order
    ("pay a price", "stitch-up" however the parser split its hyphen)."""
    words = {t.lower_ for t in tokens} | {t.lemma_.lower() for t in tokens}
    text = " " + " ".join(t.lower_ for t in tokens).replace(" - ", "-").replace(" n't", " not") + " "
    return bool(words & markers) or any((" " in m or "-" in m) and f" {m} " in text for m in markers)


def _refine(kind: str, verb: Token) -> str:
    """What is reported can make a claim a threat, a rejection, a warning or a demand."""
    if kind in ("claim", "warning") and _threatens(_content(verb)):
        return "threat"  # "would face destruction", "could be treated as military targets", "stands ready to"
    if kind == "endorsement" and (has_negation(verb) or verb.head.lemma_.lower() in ("refuse", "decline", "reject")):
        return "rejection"  # "refused to back the passage"
    if kind == "claim":  # "said the administration fully supports": the reported act decides
        for clause in (c for c in verb.children if c.dep_ == "ccomp"):
            reported = STATEMENT_VERBS.get(clause.lemma_.lower(), "claim")
            passive = any(c.dep_ == "auxpass" for c in clause.children) and not any(
                c.dep_ == "agent" for c in clause.children)
            if reported in ("endorsement", "accusation", "rejection", "demand", "threat") and passive:
                continue  # "adds: the truce was hailed around the world" reports others' act
            if reported in ("endorsement", "accusation", "rejection", "demand", "threat") and not any(
                    c.dep_ == "aux" and c.lower_ in FUTURE for c in clause.children):
                return reported  # "said Berlin would push for ratification" is its plan, not a demand made
    if kind == "claim" and verb.lemma_.lower() == "call":
        evaluated = _evaluated(verb)
        if evaluated is not None:
            # "called the pact a capitulation" rejects it; "called the deal a lifeline" endorses it
            if _content_has(verb, REJECTION_MARKERS):
                return "rejection"
            if _content_has(verb, POSITIVE_MARKERS):
                return "endorsement"
            if evaluated.lemma_.lower() in EVALUATED_NOUNS or evaluated.lower_ in EVALUATED_NOUNS:
                return "rejection"
    if kind == "claim" and verb.lemma_.lower() == "describe" and any(
            c.dep_ == "prep" and c.lower_ == "as" for c in verb.children):
        if _content_has(verb, REJECTION_MARKERS):
            return "rejection"  # "described the offer as a sham"
        if _content_has(verb, POSITIVE_MARKERS):
            return "endorsement"  # "described the visit as “monumental”"
    if kind == "claim" and _content_has(verb, ACCUSATION_MARKERS):
        return "accusation"  # "“This is piracy,” said the federation's president"
    if kind == "claim" and verb.lemma_.lower() in ("insist", "ask", "demand") and any(
            c.dep_ == "ccomp" and not any(a.dep_ == "aux" for a in c.children) and (c.tag_ == "VB" or (
                c.tag_ == "VBP" and any(g.dep_ == "nsubj" and g.tag_ in ("NN", "NNP") for g in c.children)))
            for c in verb.children):
        return "demand"  # "insisted that any settlement recognise ...": a subjunctive is a demand
    if kind == "claim" and (_content_has(verb, GRATITUDE_MARKERS) and not has_negation(verb)):
        return "endorsement"  # "“Thank you to our allies,” he wrote"
    if kind == "claim" and _praises(_content(verb)):
        return "endorsement"  # "said: “This is a landmark achievement”", "said the pact would benefit both"
    if kind == "claim" and (_nobody_wants(_content(verb)) or _window_closes(_content(verb))
                            or _analogy(_content(verb)) or _ready_if(_content(verb))):
        return "warning"  # "“Nobody wants another famine,” she said", "the window is closing", "would be another Suez"
    if kind == "claim" and _speaker_needs(verb):
        return "demand"  # "Iranian officials say they still need guarantees"
    if kind == "claim" and _sets_condition(verb):
        return "demand"  # "said Beijing would only consider a cap if richer countries paid": terms for others
    if kind == "claim" and (_content_has(verb, REJECTION_MARKERS) or _reports_refusal(verb)):
        return "rejection"
    if kind == "claim" and _content_has(verb, WARNING_MARKERS):
        return "warning"
    if kind == "claim" and _obliges(verb) and verb.lemma_.lower() in (
            "insist", "stress", "say", "emphasize", "emphasise", "argue", "maintain", "state", "declare", "add"):
        return "demand"
    return kind


def _praises(tokens: list[Token]) -> bool:
    """A clause that rates something well: "this is a landmark achievement", "the accord is an
    important step", "can be considered a model", "the agreement will benefit both sides". The rating
    is the clause's own predicate, not a word in a clause below it ("a step that risks ...")."""
    ids = {t.i for t in tokens}
    for t in tokens:
        head = t.head
        if head.i not in ids or has_negation(head):
            continue
        if t.dep_ in ("attr", "oprd", "acomp") and head.lemma_.lower() in ("be", "consider", "regard", "see", "become"):
            words = [t, *(c for c in t.children if c.dep_ in ("amod", "compound"))]
            if any(c.lower_ in ("as", "so") and c.dep_ == "advmod" for w in words for c in w.children):
                continue  # "only as good as the next petition": a comparison, no praise
            if any(c.dep_ == "nsubj" and c.lower_ == "it" for c in head.children) and any(
                    c.dep_ in ("xcomp", "ccomp") for c in (*t.children, *head.children)):
                continue  # "it was important to guard against false hope" urges; it rates nothing
            if any(w.lower_ in POSITIVE_MARKERS or w.lemma_.lower() in POSITIVE_MARKERS for w in words):
                return True
        if t.dep_ == "nsubj" and t.lemma_.lower() in EVALUATED_NOUNS and head.lemma_.lower() in POSITIVE_MARKERS \
                and head.pos_ == "VERB":
            return True
    return False


def _nobody_wants(tokens: list[Token]) -> bool:
    """"Nobody wants another famine", "no one should expect us to pay for it all"."""
    return any(t.lower_ in ("nobody", "no one", "one") and t.dep_ == "nsubj" and t.head.lemma_ in ("want", "expect")
               and (t.lower_ != "one" or any(c.lower_ == "no" for c in t.children)) for t in tokens)


def _window_closes(tokens: list[Token]) -> bool:
    """"The window for a deal is closing": time running out is a warning."""
    return any(t.lemma_.lower() in ("close", "narrow", "shrink") and t.tag_ == "VBG" and any(
        c.dep_ == "nsubj" and c.lemma_.lower() == "window" for c in t.children) for t in tokens)


def _analogy(tokens: list[Token]) -> bool:
    """"abandoning them now would be another Suez": a feared repeat of a named disaster, under a modal."""
    for t in tokens:
        if t.lower_ == "another" and t.dep_ == "det" and t.head.pos_ == "PROPN":
            node = t.head
            while node.head.i != node.i and node.pos_ not in ("VERB", "AUX"):
                node = node.head
            if _modal(node) in ("would", "could", "will", "might", "may"):
                return True
    return False


def _ready_if(tokens: list[Token]) -> bool:
    """"stood ready to act again if speculators test us": readiness held over others' conduct."""
    ids = {t.i for t in tokens}
    for t in tokens:
        if t.lower_ in READY_WORDS and t.dep_ in ("acomp", "oprd", "amod", "advmod"):
            for node in (t.head, *(c for c in t.children if c.dep_ == "xcomp")):
                if node.i in ids and _conditional(node) and not has_negation(node):
                    return True
    return False


def _threatens(tokens: list[Token]) -> bool:
    """A threat word in a clause under a modal or readiness ("would face destruction", "could be
    treated as military targets", "stands ready to retaliate"), not a threat word in one clause and
    a modal in another ("could pump more, arguing the quota punishes investors")."""
    if not _has_markers(tokens, THREAT_MARKERS):
        return False
    ids = {t.i for t in tokens}
    for t in tokens:
        if not (t.lower_ in MODALS or t.lower_ in READY_WORDS):
            continue
        clause = t.head if t.lower_ in MODALS else t
        while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            clause = clause.head
        others = {w.i for w in clause.subtree if w.dep_ in ("advcl", "ccomp", "parataxis", "relcl") and w.i != clause.i}
        words = [w for w in subtree_tokens(clause, others) if w.i in ids]
        if _has_markers(words, THREAT_MARKERS):
            return True
    return False


def _speaker_needs(verb: Token) -> bool:
    """"say they still need guarantees", "said it wanted access": the speaker's own need is a demand."""
    for clause in _reported_clauses(verb):
        if clause.lemma_.lower() in ("need", "want") and not has_negation(clause) and any(
                c.dep_ == "nsubj" and c.lower_ in ("we", "they", "it") for c in clause.children) and any(
                c.dep_ in ("dobj", "xcomp") for c in clause.children):
            return True
    return False


def _evaluated(verb: Token) -> Token | None:
    """What "called ..." evaluates: its object, or the noun a relative clause hangs on ("a point
    he called “not negotiable”"); None when the verb evaluates nothing."""
    if _evaluation(verb) is None and not any(c.dep_ == "oprd" for c in verb.children):
        return None
    for c in verb.children:
        if c.dep_ == "dobj":
            return c
    if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    return None


def _chain(clause: Token) -> list[Token]:
    return [clause, *[c for c in clause.children if c.dep_ in ("xcomp", "conj") and c.pos_ in ("VERB", "AUX")]]


def _obliges(verb: Token) -> bool:
    """The reported clause puts an obligation on someone: "said Iran must", "insisted that the
    deal should", "said Europe has to". An obligation inside a subordinate clause ("delivers when it
    has to") is not the speaker's demand."""
    clauses = _reported_clauses(verb) or [c for c in verb.children if c.dep_ == "xcomp"]
    for clause in clauses:
        for tok in _chain(clause):
            if any(c.dep_ == "aux" and c.lower_ in DEMAND_MARKERS for c in tok.children):
                return True
            if tok.lemma_.lower() in ("have", "need") and any(
                    c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in tok.children) and (
                    f"{tok.lower_} to" in DEMAND_MARKERS or tok.lemma_.lower() == "have"):
                return True  # "doesn't need mediators to ... and that it should be removed": read on
    return False


def _sets_condition(verb: Token) -> bool:
    """The speaker's side will act only if, or not unless, someone else does something: "said it
    would only consider a cap if richer countries delivered", "would not sign unless Armenia removes"."""
    for clause in _reported_clauses(verb):
        for tok in _chain(clause):
            if not _modal(tok):
                continue
            for adv in (c for c in tok.children if c.dep_ == "advcl"):
                marks = {m.lower_ for m in adv.children if m.dep_ == "mark"}
                only = any(m.lower_ == "only" for m in (*tok.children, *adv.children) if m.dep_ == "advmod")
                if "unless" in marks or ("if" in marks and only):
                    return True
    return False


def _reports_refusal(verb: Token) -> bool:
    """"said his government would not commit", "said Tehran would accept no change", "is not
    considering": the reported clause refuses an action. A negated state or past fact ("said it had
    not been consulted", "said the rules did not hurt growth") is a claim, not a refusal."""
    for clause in _reported_clauses(verb):
        for tok in (clause, *[c for c in clause.children if c.dep_ in ("xcomp", "conj")]):
            if tok.pos_ not in ("VERB", "AUX"):
                continue
            negated = has_negation(tok) or any(
                c.dep_ == "dobj" and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
                for c in tok.children)
            if negated and (_modal(tok) or tok.lemma_.lower() in COMMIT_VERBS or (
                    tok.lemma_.lower() == "go" and any(c.dep_ == "xcomp" for c in tok.children))):
                return True  # "would not commit", "is not considering", "are not going to hand over"
    return False


def _modal(tok: Token) -> str:
    """The modal or future auxiliary of a verb ("will", "could", "ready to"), or ""."""
    for c in tok.children:
        if c.dep_ == "aux" and c.lower_ in MODALS:
            return c.lower_
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() == "be":
        return _modal(tok.head)
    return ""


def _conditional(tok: Token) -> bool:
    """"if ...", "unless ...", "depending on ...": a clause hedged on what others do."""
    for c in tok.children:
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children):
            return True
        if c.dep_ in ("prep", "advcl") and c.lower_ == "depending":
            return True
    return False


def _reported_clauses(verb: Token) -> list[Token]:
    """The clauses a speech verb reports: "said [it would ...]", and "[Tokyo will apply it], he
    said", where the parser hangs the speech verb on the clause it reports."""
    clauses = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis")]
    if verb.dep_ in ("ccomp", "parataxis") and verb.head.i < verb.i and verb.head.pos_ in ("VERB", "AUX") \
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        clauses.append(verb.head)
    return clauses


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


def speaker_tokens(verb: Token) -> list[Token]:
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
    subject = clause_subject(verb)
    if not subject and verb.dep_ == "xcomp" and verb.head.dep_ == "acomp":
        return clause_subject(verb.head.head)  # "Macron was quick to praise the deal"
    if not subject and verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBN") and verb.head.dep_ == "ROOT" \
            and verb.head.pos_ == "PROPN":
        return [verb.head, *verb.head.conjuncts]  # "Germany, which ..., and Korea, which ..., called on": a missed root
    return subject


def post_holders(subjects: list[Token], parsed: ParsedArticle, index: ActorIndex) -> list[Mention]:
    """"the head of the agency described it as", "a spokesman for the ministry said": with the
    holder of the post unnamed, the body the post belongs to speaks."""
    found: list[Mention] = []
    for subj in subjects:
        if subj.lemma_.lower() not in ROLE_NOUNS:
            continue
        for child in subj.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "for", "at"):
                found += actors_of([g for g in child.children if g.dep_ == "pobj"], parsed, index)
            elif child.dep_ in ("poss", "compound"):
                found += actors_of([child], parsed, index)
    return found


def _within(outer: Token, inner: Token) -> bool:
    """`inner` is part of `outer`'s act. A finite stance verb without a subject that the parser
    coordinated with a verb of the reported clause ("demanded that the army withdraw and threatened
    to march") is the speaker's own next act, not part of the first."""
    return _nested(outer, inner) and not (_loose_path(outer, inner) and inner.lemma_.lower() not in SAYING_VERBS)


def _nested(outer: Token, inner: Token) -> bool:
    """True when `inner` hangs under `outer` other than as a coordinated clause."""
    node = inner
    while node.head.i != node.i:
        if node.head.i == outer.i:
            return node.dep_ != "conj"
        node = node.head
    return False


def _loose_path(outer: Token, inner: Token) -> bool:
    node = inner
    while node.i != outer.i and node.head.i != node.i:
        if _loose_conj(node):
            return True
        node = node.head
    return False


def _loose_conj(verb: Token) -> bool:
    return verb.dep_ == "conj" and verb.tag_ in ("VBD", "VBZ") and verb.head.tag_ != verb.tag_ \
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _background(verb: Token) -> bool:
    """An act told as background inside a relative clause about something else: "the committee
    through which Western powers denied technology", "the pact under which two parties backed a
    government", "the truce of May, when Washington threatened ..."."""
    node = verb
    while node.dep_ in ("conj", "xcomp") and node.head.i != node.i:
        node = node.head
    if node.dep_ != "relcl":
        return False
    for c in node.children:
        if c.dep_ == "advmod" and c.lower_ in ("when", "where"):
            return True
        if c.dep_ == "prep" and any(g.lower_ in ("which", "whom") for g in c.children):
            return True
    return False


def _speaks_through(verb: Token, parsed: ParsedArticle, index: ActorIndex) -> bool:
    """"The spokeswoman said the administration fully supports the move": the reported act has its
    own speaker, who makes the statement; the plain "said" adds no row of its own."""
    if verb.lemma_.lower() not in SAYING_VERBS:
        return False
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects and _speech_kind(clause) not in (None, "claim") and actors_of(subjects, parsed, index):
            return True
    return False


def _reports_plan(verb: Token, parsed: ParsedArticle, index: ActorIndex) -> bool:
    """A plain "said" whose reported clause is an actor's plan, offer or readiness ("said it was
    ready to provide helicopters", "said the administration was weighing whether to", "X will
    follow in September, the minister said") or a procedure ("said talks would resume", "said it
    had received the letter"): the pledges table or nothing, not a statement."""
    if verb.lemma_.lower() not in SAYING_VERBS:
        return False
    for clause in _reported_clauses(verb):
        for tok in _chain(clause):
            subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")] or (
                clause_subject(tok) if tok is not clause else [])
            lemma = tok.lemma_.lower()
            if any(s.lemma_.lower() in PROCEDURAL_NOUNS for s in subjects) and lemma in PROCEDURAL_VERBS:
                return True
            if any(s.lemma_.lower() in COMMIT_NOUNS for s in subjects) and lemma in ("stand", "remain"):
                return True  # "the offer still stands"
            agent = any(s.pos_ == "PRON" and s.lower_ not in ("this", "that", "what", "which")
                        for s in subjects) or bool(actors_of(subjects, parsed, index))
            if not agent or has_negation(tok) or _conditional(tok):
                continue  # "stands ready to review the sanctions if ...": a warning, not a plan
            passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)
            if _modal(tok) and not passive and tok.lemma_.lower() != "be":
                return True  # "Turkey may reopen the border", "it would send"
            if lemma in COMMIT_VERBS and lemma not in ("say", "decide") and not passive:
                return True  # "was weighing whether to", "had agreed to"
            if any(c.dep_ in ("acomp", "attr") and c.lower_ in READY_WORDS for c in tok.children):
                return True  # "was ready to provide"
            if lemma in PROCEDURAL_VERBS and not passive and not any(c.dep_ == "xcomp" for c in tok.children):
                return True  # "it had received the letter", "the ministers had met twice"
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
            if _background(verb) or _speaks_through(verb, parsed, index):
                continue
            kind = _refine(kind, verb)
            if kind == "claim" and (reports_commitment(verb) or _reports_plan(verb, parsed, index)):
                continue  # "Tokyo will apply the rule, the minister said": the pledges table has it
            if kind in ("claim", "demand", "endorsement") and any(
                    c.dep_ == "aux" and c.lower_ in FUTURE for c in verb.children):
                continue  # "said Australia would press for a roadmap": an act planned, not made
            subjects = speaker_tokens(verb)
            for mention in actors_of(subjects, parsed, index) or post_holders(subjects, parsed, index):
                found.setdefault(mention.actor, []).append((kind, verb))
        for noun in sent.span:
            # "denies accusations by Kyiv that ...", "warnings from the agency that ...": the act of the one named
            if noun.pos_ != "NOUN" or noun.lemma_.lower() not in STATEMENT_NOUNS or noun.i in quoted:
                continue
            for prep in _authors(noun):
                objects = [x for g in prep.children if g.dep_ == "pobj" for x in (g, *g.conjuncts)]
                for mention in actors_of(objects, parsed, index):
                    found.setdefault(mention.actor, []).append((STATEMENT_NOUNS[noun.lemma_.lower()], noun))
        for speaker, acts in found.items():
            # an act inside another act of the speaker is part of it ("urged Washington to lift what
            # he called illegal sanctions" is a demand), unless the outer act is a plain "said"
            acts = [(kind, verb) for kind, verb in acts if not any(
                outer_kind != "claim" and _within(outer, verb) for outer_kind, outer in acts if outer.i != verb.i)]
            kept: list[tuple[str, Token]] = []
            for kind, verb in sorted(acts, key=lambda a: KIND_PRIORITY.index(a[0])):
                nested = any(_within(k_verb, verb) or _within(verb, k_verb) for _, k_verb in kept)
                if nested or (kept and kind == "claim" and not _contrasted(verb)) or any(k == kind for k, _ in kept):
                    continue
                kept.append((kind, verb))
            for kind, verb in kept:
                out.append(Statement(
                    speaker=speaker, kind=kind, target=_target(verb, parsed, index, speaker),
                    verb=verb.text, evidence=sent.text, sentence_id=sent.index,
                    start=sent.start, end=sent.end,
                ))
    return out


def _authors(noun: Token) -> list[Token]:
    """The "by" or "from" phrase naming who made a statement noun: its own ("accusations by Kyiv"),
    or one further along the noun's phrase when the parser hung it on a word between ("stark warnings
    about the climate from the prime minister"); never beyond a verb."""
    if noun.dep_ == "nsubj" and noun.head.lemma_.lower() == "be":
        return []  # "the concern from Brazil is the price of fuel": a topic, not an act
    if noun.lemma_.lower() == "call" and not any(
            (c.dep_ == "prep" and c.lower_ == "for") or c.dep_ in ("acl", "xcomp") for c in noun.children):
        return []  # "a phone call from France" asks for nothing; "calls from France for a truce" do
    own = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from")]
    if own:
        return own
    for tok in noun.subtree:
        if tok.dep_ == "prep" and tok.lower_ == "from" and tok.i > noun.i:
            node = tok.head
            while node.i != noun.i and node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
                node = node.head
            if node.i == noun.i:
                return [tok]
    return []


def _contrasted(verb: Token) -> bool:
    """"welcomed the signature but said it meant little": a second act set against the first."""
    return verb.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ in ("but", "yet") for c in verb.head.children)


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

    def has(markers: set[str]) -> bool:
        return _has_markers(tokens, markers)

    future = any(t.lower_ in ("will", "'ll", "would", "shall") for t in tokens)
    first_person = bool(words & {"we", "i", "us", "our"})
    if future and (has(THREAT_MARKERS) or (first_person and "hesitate" in words and "not" in words)):
        return "threat"
    if has(REJECTION_MARKERS) or (first_person and future and any(t.dep_ == "neg" for t in tokens)):
        return "rejection"
    if has(WARNING_MARKERS) or _nobody_wants(tokens) or _window_closes(tokens) or _analogy(tokens):
        return "warning"
    if has(DEMAND_MARKERS):
        return "demand"
    if has(ACCUSATION_MARKERS):
        return "accusation"  # "“What they did is theft.”"
    if _praises(tokens):
        return "endorsement"  # "“This is a historic day.”"
    return None
