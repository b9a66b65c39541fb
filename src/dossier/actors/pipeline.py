"""Find every mention of an actor in the parse and merge mentions into canonical actors.

Order matters and mirrors how a reader works: names first (people, known countries and
organizations, new organizations, groups), then references back to them (descriptions such
as "the Russian leader" or "the alliance", pronouns), which need the names seen so far.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import TYPE_CHECKING

import dossier.actors.gazetteer as gazetteer
from dossier import kb
from dossier.actors.collectives import Collective
from dossier.actors.model import Actor, Mention
from dossier.actors.people import (
    NAME_PARTICLES,
    clean_person_span,
    title_before,
    title_in_apposition,
    titled_names,
)
from dossier.actors.references import ReferenceResolver
from dossier.actors.vocabulary import (
    EVENT_WORDS,
    GROUP_NOUNS,
    ORG_HEADS,
    PARTY_WORDS,
    STATE_AGENT_NOUNS,
    STATE_BODIES,
)
from dossier.grammar import names_a_grouping
from dossier.lexicon import COMPANY_NOUNS, COMPANY_SUFFIXES, REPORTING_VERBS, ROLE_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from dossier.nlp import ParsedArticle, Sentence


class _Builder(ReferenceResolver):
    def __init__(self, parsed: ParsedArticle):
        self.parsed = parsed
        self.actors: dict[str, Actor] = {}
        self.mentions: list[Mention] = []
        self.taken: set[tuple[int, int]] = set()  # (block, token index)
        self.names: dict[str, str] = {}  # full name, surname or single name -> canonical person
        self.collectives: list[Collective] = []  # in order of first mention
        self.acronyms: dict[str, str] = {}  # "CDU" -> "Christian Democratic Union", as the article spelt it out
        self.owners: dict[str, str] = {}  # plural agent noun -> the actor its modifier named ("EU ministers")

    # -- helpers -----------------------------------------------------------------------------
    def _free(self, doc: Doc, start: int, end: int) -> bool:
        block = doc.user_data["block_index"]
        return not any((block, i) in self.taken for i in range(start, end))

    def add(self, doc: Doc, start: int, end: int, sent: Sentence, name: str, type_: str, kind: str) -> Mention:
        block = doc.user_data["block_index"]
        self.taken.update((block, i) for i in range(start, end))
        span = doc[start:end]
        actor = self.actors.setdefault(name, Actor(name=name, type=type_))
        mention = Mention(name, span.text, self.parsed.offset(span), self.parsed.end_offset(span), sent.index, kind)
        actor.mentions.append(mention)
        if kind in ("name", "capital", "seat", "group"):
            actor.surfaces.add(span.text)
        self.mentions.append(mention)
        return mention

    # -- people ------------------------------------------------------------------------------
    def collect_names(self) -> None:
        singles: list[str] = []
        # words the article also writes in lower case are common nouns, not names ("Coal will ...")
        lower_words = {t.lower_ for doc in self.parsed.docs for t in doc if t.text.islower()}
        for sent in self.parsed.body:
            for ent in [*sent.span.ents, *titled_names(sent.span)]:
                if ent.label_ != "PERSON":
                    continue
                name = clean_person_span(ent)
                if name is None or name.text in kb.news_outlets():
                    continue  # "Reuters adds:", "told Devex": the story's source, not an actor
                if len(name) > 1:
                    self.names.setdefault(name.text, name.text)
                elif (name[0].dep_ in ("nsubj", "nsubjpass", "poss", "pobj", "dobj", "appos")
                      or title_before(name.doc, name.start)) and name.text.lower() not in lower_words \
                        and not (name.start > 0 and name.doc[name.start - 1].lower_ == "the"):
                    singles.append(name.text)  # not "Patriot systems", "Coal will remain", "at the Plaza"
        surnames: dict[str, set[str]] = {}
        for full in list(self.names):
            first, *rest = full.split()
            # the surname and any later name part ("Lula" of "Luiz Inacio Lula da Silva")
            for part in rest:
                if part.lower() not in NAME_PARTICLES and len(part) > 2 and part[0].isupper():
                    surnames.setdefault(part, set()).add(full)
                prefix, _, after = part.partition("-")  # "al-Burhan" is also "Burhan"
                if after and prefix.lower() in NAME_PARTICLES and len(after) > 2 and after[0].isupper():
                    surnames.setdefault(after, set()).add(full)
            if rest and first.lower() not in lower_words and len(first) > 3:
                surnames.setdefault(first, set()).add(full)  # "Abdulaziz rejected", when unambiguous
        for name in list(self.names):  # "van Rompuy" is Herman van Rompuy's surname, not another person
            longer = [full for full in self.names if full.endswith(" " + name)]
            if name.split()[0].lower() in NAME_PARTICLES and len(longer) == 1:
                self.names[name] = longer[0]
                surnames = {part: fulls - {name} for part, fulls in surnames.items()}
        for surname, fulls in surnames.items():
            if len(fulls) == 1:
                self.names.setdefault(surname, next(iter(fulls)))
        for single in singles:
            self.names.setdefault(single, single)

    @cached_property
    def _name_prefixes(self) -> set[str]:
        """Every prefix of every known name: a token that is none cannot start one (names are
        complete once collected, before people are looked for)."""
        return {name[:k] for name in self.names for k in range(1, len(name) + 1)}

    def find_people(self, sent: Sentence) -> None:
        doc, span = sent.span.doc, sent.span
        i = span.start
        while i < span.end:
            if doc[i].text not in self._name_prefixes:  # no name starts here: skip the n-gram spans
                i += 1
                continue
            for n in (4, 3, 2, 1):
                if i + n > span.end:
                    continue
                cand = doc[i:i + n]
                if cand.text in self.names and (cand[0].text[:1].isupper() or cand[0].lower_ in NAME_PARTICLES) \
                        and self._free(doc, i, i + n):
                    if n == 1 and cand[0].ent_type_ in ("GPE",) and gazetteer.lookup(cand.text):
                        continue
                    name = self.names[cand.text]
                    self.add(doc, i, i + n, sent, name, "person", "name")
                    actor = self.actors[name]
                    title = title_before(doc, i) or title_in_apposition(doc, i + n)
                    if title:
                        actor.role = actor.role or title.role
                        actor.country = actor.country or title.country
                        actor.affiliation = actor.affiliation or title.affiliation
                    i += n - 1
                    break
            i += 1

    # -- known countries and organizations ---------------------------------------------------
    def find_known(self, sent: Sentence, matches: list) -> None:
        doc = sent.span.doc
        for start, end, entry in matches:
            if not (sent.span.start <= start and end <= sent.span.end) or not self._free(doc, start, end):
                continue
            if entry.how == "capital" and gazetteer.is_venue(doc, start, end):
                continue
            if entry.type == "country" and doc[start].ent_type_ == "PERSON" and doc[start].ent_iob_ != "B":
                continue
            self.add(doc, start, end, sent, entry.name, entry.type, entry.how)

    def find_named_groupings(self, sent: Sentence) -> None:
        """"OPEC and allies including Russia, a group known as OPEC+,", "France, Germany and Britain,
        the so-called E3,": the name the article gives a set of actors is an actor of its own."""
        doc = sent.span.doc
        for tok in sent.span:
            if tok.pos_ != "PROPN" or not names_a_grouping(tok):
                continue
            end = tok.i + 1
            while end < sent.span.end and doc[end].pos_ in ("PROPN", "NUM") and doc[end].text[:1].isupper():
                end += 1
            if self._free(doc, tok.i, end):
                self.add(doc, tok.i, end, sent, doc[tok.i:end].text, "organization", "name")

    def find_new_organizations(self, sent: Sentence) -> None:
        doc, span = sent.span.doc, sent.span
        for ent in span.ents:
            if ent.label_ != "ORG":
                continue
            start, end = ent.start, ent.end
            while start < end and (not doc[start].text[:1].isupper()
                                   or (doc[start].lower_ == "the" and end - start > 1)):
                start += 1  # "the", "an", "next": not part of the name, even capitalised at a sentence start
            while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
                end -= 1
            if end - start > 1 and doc[start].lower_ in COMPANY_NOUNS and doc[start].text[:1].isupper() \
                    and doc[start + 1].pos_ == "PROPN" and doc[start].text not in ORG_HEADS:
                start += 1  # "Chipmaker Veltrix" is Veltrix; "Union of Concerned Scientists" keeps its head
            if start >= end or not self._free(doc, start, end):
                continue
            words = [t.text for t in doc[start:end]]
            if doc[start:end].text in kb.news_outlets():
                continue  # a news agency is the story's source, not an actor in it
            if self._owned_state_body(doc, start, words):
                continue  # "China's Foreign Ministry" speaks for China, through its possessor
            if words[0] in kb.demonyms() and words[-1] in STATE_BODIES:
                self.add(doc, start, end, sent, kb.demonyms()[words[0]], "country", "demonym")
                continue  # "the Russian Foreign Ministry" speaks for Russia
            if len(words) == 1 and words[0] in ORG_HEADS:  # "the Commission": a known one, or nobody yet
                known_org = next((a for a in self.actors.values() if a.type == "organization"
                                  and words[0] in a.name.split()), None)
                if known_org:
                    self.add(doc, start, end, sent, known_org.name, "organization", "description")
                continue
            # an acronym names an organization ("ACEA", "G20"), a coded name ("COVID-19") does not
            acronym = len(words) == 1 and words[0].isupper() and 2 <= len(words[0]) <= 8 and "-" not in words[0]
            if not (acronym or words[-1] in ORG_HEADS or _named_as_company(doc, start, end)) \
                    or EVENT_WORDS.intersection(words):
                continue
            self._add_organization(doc, start, end, sent)
        for tok in span:
            party = tok.text in PARTY_WORDS and tok.i > span.start
            if (tok.text in ORG_HEADS or party) and self._free(doc, tok.i, tok.i + 1):
                start, end = tok.i, tok.i + 1
                while start > span.start and doc[start - 1].text[:1].isupper() \
                        and doc[start - 1].pos_ in ("PROPN", "ADJ") and doc[start - 1].text not in kb.demonyms():
                    if self._free(doc, start - 1, start):
                        start -= 1
                        continue
                    # "Sri Lanka Coast Guard", "Qatar Fund for Development", "Sweden Democrats": the
                    # country begins the organization's name (a state body stays the state's)
                    released = None if tok.text in STATE_BODIES else self._release_country(sent, doc[start - 1])
                    if released is None:
                        break
                    start = released
                if party and (end - start >= 2 or doc[start - 1].lower_ == "the"):
                    self._add_organization(doc, start, end, sent)
                    continue
                tail = " " + doc[end:min(end + 8, span.end)].text
                m = re.match(r"((?:\s(?:of|for)\s(?:the\s)?[A-Z][\w-]+(?:\s[A-Z][\w-]+)*)+)", tail)
                if m:
                    end += len(m.group(1).split())
                if end - start < 2:
                    continue
                words = [t.text for t in doc[start:end]]
                if EVENT_WORDS.intersection(words) or not self._free(doc, start, end):
                    continue
                if self._owned_state_body(doc, start, words):
                    continue
                self._add_organization(doc, start, end, sent)

    def _add_organization(self, doc: Doc, start: int, end: int, sent: Sentence) -> None:
        """A new organization; "Christian Democratic Union (CDU)" makes its acronym the same actor."""
        text = doc[start:end].text
        name = self.acronyms.get(text, text)
        self.add(doc, start, end, sent, name, "organization", "name")
        after = doc[end:min(end + 3, len(doc))]
        if end - start > 1 and len(after) == 3 and after[0].text == "(" and after[2].text == ")" \
                and after[1].text.isupper() and self._free(doc, end + 1, end + 2):
            self.acronyms[after[1].text] = name
            self.add(doc, end + 1, end + 2, sent, name, "organization", "name")

    def _owned_state_body(self, doc: Doc, start: int, words: list[str]) -> bool:
        """"China's Foreign Ministry": a state body after a possessive actor is that actor's."""
        return words[-1] in STATE_BODIES and start > 1 and doc[start - 1].tag_ == "POS" \
            and not self._free(doc, start - 2, start - 1)

    def _release_country(self, sent: Sentence, tok: Token) -> int | None:
        """Undo a country mention ending at `tok` (it begins a longer name); its first token index."""
        offset = self.parsed.offset(tok)
        mention = next((m for m in self.mentions if m.sentence == sent.index and m.start <= offset < m.end
                        and m.end == offset + len(tok) and self.actors[m.actor].type == "country"), None)
        if mention is None:
            return None
        self.mentions.remove(mention)
        actor = self.actors[mention.actor]
        actor.mentions.remove(mention)
        if not actor.mentions:
            del self.actors[mention.actor]
        block = tok.doc.user_data["block_index"]
        base = tok.doc.user_data["block_start"]
        first = tok.i - len(tok.doc.text[mention.start - base:offset - base].split())
        self.taken.difference_update((block, i) for i in range(first, tok.i + 1))
        return first

    # -- groups ------------------------------------------------------------------------------
    def find_groups(self, sent: Sentence) -> None:
        doc, span = sent.span.doc, sent.span
        regions, demonyms = kb.regions(), kb.demonyms()
        for tok in span:
            if not self._free(doc, tok.i, tok.i + 1):
                continue
            text, start, last = tok.text, tok.i, tok
            if tok.i + 1 < span.end and f"{tok.text} {doc[tok.i + 1].text}" in regions:
                text, last = f"{tok.text} {doc[tok.i + 1].text}", doc[tok.i + 1]
            head = self._group_head(last, span)
            if head is None and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and text in regions:
                head = self._coordinated_head(tok)
            if head is None:
                continue
            end = start + len(text.split())
            if text in regions and head.lower_ in GROUP_NOUNS:
                self.add(doc, start, end, sent, regions[text], "group", "group")
            elif text in demonyms and head.lower_ in STATE_AGENT_NOUNS and not self._titled_name_follows(head):
                self.add(doc, start, end, sent, demonyms[text], "country", "demonym")

    @staticmethod
    def _group_head(tok: Token, span) -> Token | None:
        """The noun a (possibly coordinated) modifier attaches to: "Baltic and Nordic states"."""
        node = tok
        while node.dep_ == "conj" and node.head.i < node.i:
            node = node.head
        if node.dep_ in ("amod", "compound", "nmod") and node.head.i > node.i and node.head.pos_ in ("NOUN", "PROPN"):
            return node.head
        nxt = tok.nbor() if tok.i + 1 < span.end else None
        if nxt is not None and nxt.pos_ == "NOUN" and nxt.lower_ in GROUP_NOUNS | STATE_AGENT_NOUNS:
            return nxt
        return None

    @staticmethod
    def _coordinated_head(tok: Token) -> Token | None:
        """"Gulf and Central Asian states": the parser may make "Gulf" the head, "states" its conjunct."""
        for conj in tok.conjuncts:
            if conj.i > tok.i and conj.pos_ == "NOUN" and conj.lower_ in GROUP_NOUNS:
                return conj
        return None

    def _titled_name_follows(self, head: Token) -> bool:
        nxt = head.i + 1
        return nxt < len(head.doc) and head.doc[nxt].ent_type_ == "PERSON"

    # -- run ---------------------------------------------------------------------------------
    def run(self) -> tuple[list[Actor], list[Mention]]:
        self.collect_names()
        known = {id(doc): gazetteer.match(doc) for doc in self.parsed.docs}
        for sent in self.parsed.body:
            self.find_people(sent)
            self.find_known(sent, known[id(sent.span.doc)])
            self.find_named_groupings(sent)
            self.find_new_organizations(sent)
            self.find_groups(sent)
        self.resolve_references()
        for actor in self.actors.values():
            if actor.type == "person" and not actor.country and actor.affiliation:
                org = kb.organization_by_name().get(actor.affiliation)
                country = kb.country_by_iso2().get(org.country) if org else None
                actor.country = country.name if country else ""
        actors = sorted(self.actors.values(), key=lambda a: (-len(a.mentions), a.mentions[0].start))
        return actors, sorted(self.mentions, key=lambda m: m.start)


def extract_actors(parsed: ParsedArticle) -> tuple[list[Actor], list[Mention]]:
    """Actors (canonical, with type, role, country) and every mention of them, in text order."""
    return _Builder(parsed).run()


def _named_as_company(doc: Doc, start: int, end: int) -> bool:
    """A name the tagger calls an organization is a company when the text says so: "chipmaker
    Nvidia", "Acme, the steel producer,", "Acme Ltd", or when it speaks or commits ("Acme said")."""
    head = doc[start:end].root
    before = doc[start - 1] if start > 0 else None
    if before is not None and before.lower_ in COMPANY_NOUNS and before.head.i >= start:
        return True
    first = head
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # "oil companies Rosneft, Transneft and ...": the list shares its cue
    if first.i != head.i and first.i > 0 and doc[first.i - 1].lower_ in COMPANY_NOUNS:
        return True
    if head.dep_ == "compound" and head.head.i == end and head.head.lower_ in COMPANY_NOUNS:
        return True  # "the Baltic Steelworkers union"
    if doc[end - 1].text in COMPANY_SUFFIXES or any(
            c.dep_ == "appos" and c.lemma_.lower() in COMPANY_NOUNS for c in head.children):
        return True
    verb = head.head
    if head.dep_ == "nsubj" and verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in REPORTING_VERBS:
        return True
    # "president of the Dairy Farmers of Canada", "a campaigner with Acme": someone's employer
    prep = head.head if head.dep_ == "pobj" else None
    return prep is not None and prep.lower_ in ("of", "with", "at") and prep.head.pos_ == "NOUN" \
        and (prep.head.lower_ in kb.titles() or prep.head.lower_ in ROLE_NOUNS)
