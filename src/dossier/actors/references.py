"""References back to actors already named: descriptions ("the Russian leader", "the alliance",
"the kingdom"), pronouns ("he", "they", "it") and counted groups ("26 nations").

A mixin of the actor builder: it needs the mentions found so far, in text order.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cached_property
from typing import TYPE_CHECKING

import dossier.actors.collectives as collectives
import dossier.actors.gazetteer as gazetteer
from dossier import kb
from dossier.actors.model import Actor, Mention
from dossier.actors.vocabulary import (
    BARE_GOVERNMENT,
    COLLECTIVE_NOUNS,
    HEAD_ROLES,
    NAMED_ADMINISTRATION_STATE,
    ORG_DESCRIPTIONS,
    PERSON_DESCRIPTIONS,
    QUANTIFIED_NOUNS,
    ROLE_SYNONYMS,
    STATE_FORMS,
)
from dossier.grammar import SUBJECT_DEPS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from dossier.nlp import ParsedArticle, Sentence


class ReferenceResolver:
    parsed: ParsedArticle
    actors: dict[str, Actor]
    mentions: list[Mention]
    collectives: list[collectives.Collective]
    owners: dict[str, str]

    def _free(self, doc: Doc, start: int, end: int) -> bool:  # provided by the actor builder
        raise NotImplementedError

    def add(self, doc: Doc, start: int, end: int, sent: Sentence, name: str, type_: str, kind: str) -> Mention:
        raise NotImplementedError

    def resolve_references(self) -> None:
        """Walk the body in order, adding a mention for each description or pronoun that refers back."""
        previous_subjects: list[Mention] = []
        by_sentence: dict[int, list[Mention]] = {}  # one pass, not a scan of every mention per sentence
        for m in self.mentions:
            by_sentence.setdefault(m.sentence, []).append(m)
        for sent in self.parsed.body:
            doc, span = sent.span.doc, sent.span
            here = list(by_sentence.get(sent.index, ()))
            for tok in span:
                if not self._free(doc, tok.i, tok.i + 1):
                    continue
                target = None
                kind = "description"
                if tok.tag_ in ("PRP", "PRP$") and tok.lower_ in ("he", "she", "him", "her", "his", "hers"):
                    target, kind = self._person_antecedent(tok, sent, here, previous_subjects), "pronoun"
                elif tok.tag_ in ("PRP", "PRP$") and tok.lower_ in ("they", "them", "their"):
                    target, kind = self._plural_antecedent(previous_subjects), "pronoun"
                elif tok.tag_ in ("PRP", "PRP$") and tok.lower_ in ("it", "its") and tok.dep_ in ("nsubj", "poss"):
                    target, kind = self._state_antecedent(tok, sent, here, previous_subjects), "pronoun"
                elif tok.lower_ in PERSON_DESCRIPTIONS and self._is_definite(tok):
                    target = self._describe_person(tok)
                elif tok.lower_ in ORG_DESCRIPTIONS and self._is_definite(tok) and tok.text.islower():
                    target = self._describe_org(tok.lower_)
                elif tok.lower_ in STATE_FORMS and self._is_definite(tok) and tok.text.islower():
                    target = self._describe_state(tok.lower_)
                elif tok.lower_ == "administration" and tok.text.islower() and any(
                        c.dep_ == "compound" and c.ent_type_ == "PERSON" for c in tok.children):
                    target, kind = self._named_administration(tok, here), "description"
                elif tok.lower_ in BARE_GOVERNMENT and tok.text.islower() and all(
                        c.dep_ == "det" and c.lower_ == "the" for c in tok.lefts) and any(tok.lefts):
                    target = self._government_in_context(tok, sent, here)  # "said the government was weighing"
                elif tok.lower_ in QUANTIFIED_NOUNS and any(c.dep_ == "nummod" for c in tok.children):
                    target = self._coalition()
                elif tok.tag_ == "NN" and tok.text.islower() and [c.lower_ for c in tok.children] == ["the"]:
                    target, kind = self._named_by_last_word(tok, sent), "description"
                owner = self._collective_owner(tok, here)
                if target is None and owner is not None:
                    continue  # "European Union energy ministers": the owner already stands for them
                if target is None and tok.lower_ in self.owners and collectives.is_bare(tok):
                    target = self.owners[tok.lower_]  # later "the ministers" are the same owner's
                elif target is None and collectives.is_anonymous_source(tok):
                    start, end = collectives.name_span(tok)
                    if self._free(doc, start, end):  # "a senior EU official said": a source the article keeps unnamed
                        name = doc[start:end].text
                        here.append(self.add(doc, start, end, sent, name[:1].upper() + name[1:], "person", "name"))
                    continue
                elif target is None and collectives.is_membership(tok) and self._recent_organization(sent):
                    target = self._recent_organization(sent)  # "the members agreed": of the body just named
                elif target is None and collectives.is_collective_head(tok):
                    start, end = collectives.name_span(tok)
                    if self._free(doc, start, end):
                        target = self._collective(tok)
                        here.append(self.add(doc, start, end, sent, target, "group", "group"))
                    continue
                if target is None:
                    continue
                start = tok.i
                if kind == "description":
                    start = min([c.i for c in tok.lefts if c.dep_ in ("det", "amod", "compound", "nummod")] + [tok.i])
                kind_of = self.actors[target].type if target in self.actors else "country"  # a state first named so
                mention = self.add(doc, start, tok.i + 1, sent, target, kind_of, kind)
                here.append(mention)
            previous_subjects = [m for m in here if self._is_subject(m, sent)] or previous_subjects

    def _is_definite(self, tok: Token) -> bool:
        if tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].ent_type_ == "PERSON":
            return False
        return any(c.lower_ == "the" for c in tok.lefts) or (tok.i > 0 and tok.doc[tok.i - 1].lower_ == "the")

    def _is_subject(self, mention: Mention, sent: Sentence) -> bool:
        tok = self._token_at(sent, mention.start)
        while tok is not None and tok.dep_ in ("compound", "poss", "amod", "det", "conj", "appos", "case"):
            if tok.head.i == tok.i:
                break
            tok = tok.head
        return tok is not None and tok.dep_ in SUBJECT_DEPS

    def _token_at(self, sent: Sentence, offset: int) -> Token | None:
        base = sent.span.doc.user_data["block_start"]
        for tok in sent.span:
            if base + tok.idx == offset:
                return tok
        return None

    def _person_antecedent(self, tok: Token, sent: Sentence, here: list[Mention],
                           previous_subjects: list[Mention]) -> str | None:
        offset = self.parsed.offset(tok)
        earlier_here = [m for m in here if m.start < offset and self.actors[m.actor].type == "person"]
        subjects_here = [m for m in earlier_here if self._is_subject(m, sent)]
        if subjects_here:
            return max(subjects_here, key=lambda m: m.start).actor
        people_before = [m for m in previous_subjects if self.actors[m.actor].type == "person"]
        if people_before:
            return people_before[-1].actor
        recent = [m for m in self.mentions if m.start < offset and self.actors[m.actor].type == "person"
                  and m.sentence >= sent.index - 2]
        return max(recent, key=lambda m: m.start).actor if recent else None

    def _state_antecedent(self, tok: Token, sent: Sentence, here: list[Mention],
                          previous_subjects: list[Mention]) -> str | None:
        """"Canada said it could ...": a country or organization subject, in this sentence or the last."""
        offset = self.parsed.offset(tok)
        states = ("country", "organization")
        earlier = [m for m in here if m.start < offset and self.actors[m.actor].type in states
                   and self._is_subject(m, sent)]
        if earlier:
            return max(earlier, key=lambda m: m.start).actor
        before = [m for m in previous_subjects if self.actors[m.actor].type in states]
        return before[-1].actor if len(before) == 1 else None

    def _plural_antecedent(self, previous_subjects: list[Mention]) -> str | None:
        for m in reversed(previous_subjects):
            if m.kind in ("group", "demonym") or self.actors[m.actor].type == "group":
                return m.actor
        return None

    def _describe_person(self, tok: Token) -> str | None:
        offset = self.parsed.offset(tok)
        country = ""
        for left in tok.lefts:
            if left.text in kb.demonyms():
                country = kb.demonyms()[left.text]
            entry = gazetteer.lookup(left.text)
            if entry and entry.type == "country":
                country = entry.name
        after_prime = tok.i > 0 and tok.doc[tok.i - 1].lower_ == "prime"
        word = "prime minister" if tok.lower_ == "minister" and after_prime else tok.lower_
        if self._names_after(tok):
            return None  # "The Dutch defence minister, Joost van der Meulen, confirmed": the name says who
        seen = sorted((m for m in self.mentions if m.start < offset and self.actors[m.actor].type == "person"),
                      key=lambda m: m.start, reverse=True)
        # "Trump said he could visit President Xi ... , the president added": the one who was speaking
        # in the sentences just before comes first, not whoever was named last
        here = next((x.index for x in self.parsed.sentences if x.start <= offset < x.end + 1), None)
        if here is not None:
            speaking = [m for m in seen if here - 2 <= m.sentence <= here
                        and self._is_subject(m, self.parsed.sentences[m.sentence])]
            seen = [*speaking, *(m for m in seen if m not in speaking)]

        qualifiers = [c.lower_ for c in tok.lefts if c.dep_ in ("compound", "amod") and c.text.islower()]

        def role_fits(actor: Actor) -> bool:
            role = actor.role.lower()
            if word == "leader":
                return not role or any(r in role for r in HEAD_ROLES)
            if qualifiers and not all(q in role for q in qualifiers):
                return False  # "the trade envoy" is not the foreign minister
            return any(s in role for s in ROLE_SYNONYMS.get(word, (word,)))

        for need_role in (True, False):
            for m in seen:
                actor = self.actors[m.actor]
                if country and actor.country and actor.country != country:
                    continue
                if not country and not need_role:
                    continue
                if need_role and not role_fits(actor):
                    continue
                return actor.name
        return None

    @staticmethod
    def _names_after(tok: Token) -> bool:
        """A description followed by the person's name in apposition."""
        if any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in tok.children):
            return True
        nxt = tok.doc[tok.i + 2] if tok.i + 2 < len(tok.doc) else None
        return tok.nbor(1).text == "," and nxt is not None and nxt.ent_type_ == "PERSON" if nxt else False

    def _describe_org(self, word: str) -> str | None:
        kinds, known = ORG_DESCRIPTIONS[word], kb.organization_by_name()
        candidates = sorted((m for m in self.mentions if self.actors[m.actor].type in ("organization", "group")),
                            key=lambda m: m.start, reverse=True)
        words = {word, "armed forces"} if word == "army" else {word}
        for m in candidates:  # a name that says it ("the council" -> "European Council") first
            if any(w in m.actor.lower() for w in words):
                return m.actor
        for m in candidates:
            if m.actor in known and known[m.actor].kind in kinds:
                return m.actor
        return None

    def _named_by_last_word(self, tok: Token, sent: Sentence) -> str | None:
        """"the ministry said", "the fund said": the one organization named so far whose name ends
        in that word ("Commerce Ministry", "Global Fund")."""
        named = {name for first, name in self._organizations_by_last_word.get(tok.lower_, ()) if first < sent.index}
        return named.pop() if len(named) == 1 else None

    @cached_property
    def _organizations_by_last_word(self) -> dict[str, list[tuple[int, str]]]:
        """Last word of every multi-word organization name -> (sentence first naming it, name); built
        once, as names are all found before references are resolved."""
        by_word: dict[str, list[tuple[int, str]]] = {}
        for name, actor in self.actors.items():
            if actor.type == "organization" and len(name.split()) > 1 and actor.mentions:
                first = min(m.sentence for m in actor.mentions)
                by_word.setdefault(name.split()[-1].lower(), []).append((first, name))
        return by_word

    def _describe_state(self, word: str) -> str | None:
        """"the kingdom", "the emirate": the last country mentioned whose official name says so."""
        word = word.removesuffix("s")
        forms = kb.state_forms()
        for m in sorted(self.mentions, key=lambda m: m.start, reverse=True):
            if self.actors[m.actor].type == "country" and word in forms.get(m.actor, []):
                return m.actor  # "Kingdom of Saudi Arabia" starts with the form; "United Kingdom" does not
        return None

    def _government_in_context(self, tok: Token, sent: Sentence, here: list[Mention]) -> str | None:
        """"the government", "the administration": the state of the person speaking or last named,
        else the country named last, in this sentence or the two before it."""
        offset = self.parsed.offset(tok)
        recent = sorted((m for m in self.mentions if sent.index - 2 <= m.sentence <= sent.index and m.start < offset),
                        key=lambda m: m.start, reverse=True)
        for m in recent:
            actor = self.actors[m.actor]
            if actor.type == "person" and actor.country:
                return actor.country
            if actor.type == "country" and self._is_subject(m, self.parsed.sentences[m.sentence]):
                return actor.name  # "Congolese officials declined to say whether the government ..."
        # else the state the article has named most so far (ties to the one named first, what the
        # article is about), not whichever country a passing phrase named last ("tolls for U.S. cars")
        named = [m for m in self.mentions if m.start < offset and self.actors[m.actor].type == "country"]
        if not any(sent.index - 2 <= m.sentence for m in named):
            return None
        counts = Counter(m.actor for m in named)
        first = {m.actor: -m.start for m in reversed(named)}
        return max(counts, key=lambda a: (counts[a], first[a]))

    def _named_administration(self, tok: Token, here: list[Mention]) -> str:
        """"The Biden administration": the state of that leader if the article says it; in English news
        copy a government named after its leader as an "administration" is a U.S. presidency."""
        offset = self.parsed.offset(tok)
        leader = next((m for m in here if m.end <= offset and offset - m.end <= 2), None)
        actor = self.actors.get(leader.actor) if leader else None
        if actor is not None and actor.type == "person" and actor.country:
            return actor.country
        return NAMED_ADMINISTRATION_STATE

    def _collective_owner(self, tok: Token, here: list[Mention]) -> str | None:
        """The actor a plural agent noun belongs to through its modifier ("EU leaders", "Iran's
        negotiators"), remembered so that a later bare "the leaders" refers to it."""
        if tok.lower_ not in COLLECTIVE_NOUNS:
            return None
        for child in tok.children:
            if child.dep_ not in ("compound", "amod", "poss", "nmod"):
                continue
            offset = self.parsed.offset(child)
            owner = next((m.actor for m in here if m.start <= offset < m.end), None)
            if owner is not None:
                self.owners[tok.lower_] = owner
                return owner
        return None

    def _recent_organization(self, sent: Sentence) -> str | None:
        """The organization or bloc named last, in this sentence or the three before it."""
        recent = [m for m in self.mentions if sent.index - 3 <= m.sentence <= sent.index
                  and self.actors[m.actor].type == "organization"]
        return max(recent, key=lambda m: m.start).actor if recent else None

    def _collective(self, tok: Token) -> str:
        """The collective a plural agent phrase names: one seen before, or a new one."""
        new = collectives.describe(tok)
        # a marked phrase is the same marked collective; a bare "the countries" is the whole set the
        # article introduced first, not a subgroup named since ("several atoll nations")
        for old in (reversed(self.collectives) if new.marks else self.collectives):
            if collectives.same_collective(new, old):
                return old.name
        if new.name in self.actors:  # a name already taken by another kind of actor
            return new.name if self.actors[new.name].type == "group" else new.name + " (group)"
        self.collectives.append(new)
        return new.name

    def _coalition(self) -> str | None:
        for name, actor in self.actors.items():
            if actor.type in ("organization", "group") and re.search(r"\bcoalition\b", name, re.I):
                return name
        return None

