"""Known countries and organizations, matched by name, alias, capital or seat of government."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from dossier import kb

if TYPE_CHECKING:
    from spacy.tokens import Doc

# A capital after one of these is a place ("talks in Moscow"), not a government.
LOCATIVE_PREPS = {"in", "at", "to", "from", "near", "into", "outside", "via", "across", "around",
                  "through", "inside", "toward", "towards", "between", "within", "on"}


@dataclass(frozen=True)
class Entry:
    name: str
    type: str  # country | organization
    how: str  # name | capital | seat


@cache
def _entries() -> dict[str, Entry]:
    entries: dict[str, Entry] = {}
    for c in kb.countries():
        for surface in (c.name, *c.aliases):
            entries.setdefault(surface, Entry(c.name, "country", "name"))
        for surface in c.capitals:
            entries.setdefault(surface, Entry(c.name, "country", "capital"))
        for surface in c.seats:
            entries.setdefault(surface, Entry(c.name, "country", "seat"))
    for o in kb.organizations():
        for surface in (o.name, *o.aliases):
            entries.setdefault(surface, Entry(o.name, "organization", "name"))
    return entries


def lookup(surface: str) -> Entry | None:
    return _entries().get(surface)


def match(doc: Doc) -> list[tuple[int, int, Entry]]:
    """Longest non-overlapping known names in a doc, as (token start, token end, entry)."""
    from dossier.nlp import phrase_matcher

    (matcher,) = phrase_matcher("gazetteer", lambda: dict.fromkeys(_entries(), "ORTH"))
    found = sorted(((s, e, matcher.vocab.strings[k]) for k, s, e in matcher(doc)),
                   key=lambda t: (-(t[1] - t[0]), t[0]))
    taken: set[int] = set()
    out = []
    for start, end, surface in found:
        if taken.intersection(range(start, end)):
            continue
        taken.update(range(start, end))
        out.append((start, end, _entries()[surface]))
    return sorted(out, key=lambda t: t[0])


def is_venue(doc: Doc, start: int, end: int) -> bool:
    """A capital used as a place: after a locative preposition, or naming a meeting ("Paris summit")."""
    head = doc[end - 1]
    if head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPS:
        return True
    if head.dep_ in ("compound", "amod", "nmod") and head.head.i >= end and head.head.pos_ in ("NOUN", "PROPN"):
        return True  # "the Paris summit", "the Budapest Memorandum": a name, not a government
    return start > 0 and doc[start - 1].lower_ in LOCATIVE_PREPS
