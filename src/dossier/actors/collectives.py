"""Collective actors: a set of agents the article names by a plural noun phrase ("some 190
nations", "rich economies", "the parties", "member states"), merged with later references.

A collective is named by what the article calls it at first mention; a later phrase with the
same head and modifiers, or a bare definite one of the same kind ("the countries"), is the
same collective.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from dossier import kb
from dossier.actors.vocabulary import COLLECTIVE_NOUNS, RELATIONAL_COLLECTIVES, STATE_COLLECTIVES
from dossier.lexicon import (
    COMMIT_VERBS,
    FUTURE_MARKERS,
    HEDGE_MODALS,
    READY_WORDS,
    REPORTING_VERBS,
    STATEMENT_VERBS,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

# Left dependents that belong to the collective's name ("some 190", "rich", "member").
NAME_DEPS = {"amod", "compound", "nummod", "quantmod", "advmod", "nmod", "npadvmod", "det", "predet"}
DROPPED_DETERMINERS = {"the", "a", "an", "these", "those", "its", "their", "our", "his", "her", "such"}
# Words that do not tell two collectives apart ("the 190 nations" is "some 190 nations").
UNMARKED = {"some", "about", "around", "nearly", "almost", "more", "than", "over", "roughly", "all", "both",
            "many", "most", "several", "other", "few", "at", "least", "up", "to", "the", "approximately"}
AGENT_POSITIONS = {"nsubj", "nsubjpass"}
ANONYMOUS_SOURCES = {"official", "diplomat", "negotiator", "source", "aide", "adviser", "advisor", "insider",
                     "delegate", "lawmaker", "officer"}
# A source of a government's own body speaks for that state, not as a person of its own.
STATE_SOURCE_WORDS = {"government", "ministry", "embassy", "foreign", "defence", "defense", "state", "presidential"}
QUESTION_WORDS = {"which", "what", "whose", "no", "any", "each", "every", "neither", "either"}


@dataclass
class Collective:
    name: str
    head: str  # lemma of the head noun
    marks: frozenset[str]  # the modifiers that tell it apart


def is_collective_head(tok: Token) -> bool:
    """A plural agent noun in subject position, whose modifiers name no actor of their own."""
    if tok.tag_ not in ("NNS", "NNPS") or tok.lower_ not in COLLECTIVE_NOUNS:
        return False
    if tok.dep_ not in AGENT_POSITIONS and not (
            tok.dep_ == "conj" and tok.head.dep_ in AGENT_POSITIONS) and not (
            tok.dep_ == "pobj" and tok.head.dep_ == "agent"):
        return False
    before = tok.doc[tok.i - 1] if tok.i > tok.sent.start else None
    if any(c.lower_ in ("two", "both") for c in tok.children) or any(
            c.lower_ in QUESTION_WORDS for c in tok.children if c.dep_ == "det") or (
            before is not None and before.tag_ in ("WDT", "WP$")):
        return False  # "the two countries", "both leaders": the pair the article is about; "which nations"
    if not _acts(_verb_of(tok)):
        return False  # "new members strengthen defence": a generic plural, not an actor that commits or speaks
    demonyms = kb.demonyms()
    for child in tok.children:
        if tok.lower_ in RELATIONAL_COLLECTIVES and child.dep_ in ("poss", "amod") and child.ent_type_ != "NORP":
            continue  # "Ukraine's Western backers" are a collective of their own
        if child.dep_ == "poss":
            return False  # "its negotiators" are its own
        if child.dep_ in ("compound", "amod", "nmod", "poss") and (
                child.text in demonyms or child.ent_type_ in ("GPE", "ORG", "NORP", "PERSON")):
            return False  # "EU leaders", "Gulf states", "Iranian negotiators": someone else's
        if child.dep_ == "prep" and child.lower_ in ("from", "of") and any(
                g.ent_type_ in ("GPE", "ORG", "NORP") for g in _named_members(child)):
            return False  # "negotiators from Brazil and India" speak for Brazil and India
        if child.dep_ == "prep" and child.lower_ in ("from", "of") and any(
                g.dep_ == "pobj" and any(x.lower_ in ("two", "both") for x in g.children) for g in child.children):
            return False  # "negotiators from both countries" are the pair the article is about
    return True


def _named_members(prep: Token) -> list[Token]:
    """The nouns a "from"/"of" phrase names, with their conjuncts and modifiers, not the clauses
    about them ("delegates from 200 nations attending the summit in Baku" names no state)."""
    out = []
    for obj in (c for c in prep.children if c.dep_ == "pobj"):
        for noun in (obj, *obj.conjuncts):
            out += [noun, *(c for c in noun.children if c.dep_ in ("compound", "amod", "nmod", "poss"))]
    return out


def _verb_of(tok: Token) -> Token:
    node = tok.head if tok.dep_ != "conj" else tok.head.head
    return node.head if tok.dep_ == "pobj" else node


def _acts(verb: Token) -> bool:
    """A clause where a collective commits, refuses or speaks: a commitment or speech verb, a modal,
    or "ready to"."""
    lemmas = {verb.lemma_.lower(), *(c.lemma_.lower() for c in verb.children if c.dep_ == "xcomp")}
    if verb.tag_ == "VBG" and not any(c.dep_ == "aux" for c in verb.children):
        return bool(lemmas & COMMIT_VERBS.keys())  # "with rich nations agreeing to": an absolute clause
    if lemmas & (COMMIT_VERBS.keys() | STATEMENT_VERBS.keys() | REPORTING_VERBS):
        return True
    modals = HEDGE_MODALS | FUTURE_MARKERS | {"would", "must", "can"}
    if any(c.dep_ == "aux" and c.lower_ in modals for c in verb.children):
        return True
    return any(c.dep_ in ("acomp", "attr") and c.lower_ in READY_WORDS for c in verb.children)


def is_anonymous_source(tok: Token) -> bool:
    """"a senior EU official said", "a European negotiator told reporters": one unnamed source,
    speaking (the quotes and statements are theirs)."""
    if tok.tag_ != "NN" or tok.lower_ not in ANONYMOUS_SOURCES or tok.dep_ not in AGENT_POSITIONS:
        return False
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children):
        return False
    if any(c.lower_ in STATE_SOURCE_WORDS for c in tok.subtree if c.i < tok.i):
        return False
    verb = _verb_of(tok)
    return verb.lemma_.lower() in REPORTING_VERBS | STATEMENT_VERBS.keys()


def is_membership(tok: Token) -> bool:
    """"the members agreed": the members of the body just named ("member states" are a collective
    of their own, as articles name them)."""
    return tok.lower_ == "members" and tok.dep_ in AGENT_POSITIONS and not describe(tok).marks


def is_bare(tok: Token) -> bool:
    """"the ministers", "ministers": a plural with no modifier of its own."""
    return tok.tag_ in ("NNS", "NNPS") and all(c.lower_ in ("the", "these", "those") for c in tok.lefts)


def name_span(tok: Token) -> tuple[int, int]:
    """Token range of the collective's name: its left modifiers and the head, no leading article."""
    start = tok.i
    for child in tok.lefts:
        if child.dep_ in NAME_DEPS or child.dep_ == "poss":
            start = min(start, child.left_edge.i)
    doc = tok.doc
    while start < tok.i and (doc[start].lower_ in DROPPED_DETERMINERS or doc[start].is_punct):
        start += 1
    end = tok.i + 1
    for prep in (c for c in tok.rights if c.dep_ == "prep" and c.lower_ in ("from", "of") and c.i == end):
        counted = [o for o in prep.children if o.dep_ == "pobj" and o.lower_ in COLLECTIVE_NOUNS
                   and any(g.dep_ == "nummod" for g in o.children)]
        if counted:  # "delegates from nearly 200 nations": the count is part of the name
            end = counted[0].i + 1
    return start, end


def describe(tok: Token) -> Collective:
    start, end = name_span(tok)
    words = tok.doc[start:end]
    marks = frozenset(t.lower_ for t in words[:-1] if t.lower_ not in UNMARKED and not t.like_num)
    name = words.text[:1].upper() + words.text[1:]  # a table row's name, wherever the phrase stood
    return Collective(name, tok.lemma_.lower(), marks)


def same_collective(new: Collective, old: Collective) -> bool:
    """A later phrase refers back when its marks match, or it is a bare phrase of the same kind."""
    if new.marks:
        return new.head == old.head and new.marks == old.marks
    return new.head == old.head or (new.head in STATE_COLLECTIVES and old.head in STATE_COLLECTIVES)
