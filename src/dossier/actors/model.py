"""Actors and their mentions, and the index that maps any token back to its actor."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field


@dataclass
class Mention:
    """One place where the article refers to an actor, by name, title, metonym or pronoun."""

    actor: str
    text: str
    start: int
    end: int
    sentence: int
    kind: str  # name | alias | capital | seat | demonym | group | description | pronoun


@dataclass
class Actor:
    name: str
    type: str  # person | country | organization | group
    role: str = ""
    country: str = ""
    affiliation: str = ""
    surfaces: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)


class ActorIndex:
    """Find the actor a character offset belongs to; built from the mentions table."""

    def __init__(self, mentions: list[Mention], actors: dict[str, Actor] | None = None):
        self.mentions = sorted(mentions, key=lambda m: (m.start, -m.end))
        self._starts = [m.start for m in self.mentions]
        self.actors = actors or {}

    def at(self, start: int, end: int | None = None) -> Mention | None:
        """The mention covering the span [start, end) (a token), if any."""
        end = start + 1 if end is None else end
        i = bisect.bisect_right(self._starts, start) - 1
        while i >= 0 and self.mentions[i].start > start - 200:
            m = self.mentions[i]
            if m.start <= start and end <= m.end:
                return m
            i -= 1
        return None

    def type_of(self, name: str) -> str:
        actor = self.actors.get(name)
        return actor.type if actor else ""
