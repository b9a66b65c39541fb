"""Find every mention of an actor in the parse and merge mentions into canonical actors.

Order matters and mirrors how a reader works: names first (people, known countries and
organizations, new organizations, groups), then references back to them (descriptions such
as "the Russian leader" or "the alliance", pronouns), which need the names seen so far.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dossier import kb
from dossier.actors import gazetteer
from dossier.actors.model import Actor, Mention
from dossier.actors.people import (
    NAME_PARTICLES,
    clean_person_span,
    title_before,
    title_in_apposition,
    titled_names,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from dossier.nlp import ParsedArticle, Sentence

# Head words of organization names the model may not know ("Coalition of the Willing").
ORG_HEADS = {"Coalition", "Alliance", "Council", "Union", "Organization", "Organisation", "Committee",
             "Commission", "Agency", "Bank", "Fund", "Ministry", "Party", "Group", "Forces", "Army",
             "Court", "Parliament", "Congress", "Assembly", "Front", "Movement", "Association",
             "Institute", "Department", "Office", "Authority", "Federation", "League", "Corporation",
             "Company", "Inc", "Corp", "Ltd", "Brigade", "Brigades", "Guard", "Service", "Secretariat",
             "Programme", "Program", "Foundation", "Senate", "Cabinet", "Navy", "Initiative", "Forum"}
# Words that make a capitalised phrase a historical event, not an organization.
EVENT_WORDS = {"Memorandum", "Treaty", "Accord", "Accords", "Agreement", "War", "Armistice", "Protocol",
               "Summit", "Conference", "Crisis", "Declaration", "Pact", "Charter", "Convention", "Plan",
               "Deal", "Act", "Annexation", "Invasion", "Revolution", "Spring"}
# Heads of a demonym-led organization name that is part of a state ("the Russian Foreign Ministry").
STATE_BODIES = {"Ministry", "Office", "Government", "Cabinet", "Presidency", "Chancellery", "Embassy",
                "Mission", "Army", "Navy", "Military", "Administration", "Foreign Ministry", "Department"}
# Nouns that make a demonym a reference to a state's government or forces ("Russian officials").
STATE_AGENT_NOUNS = {"official", "officials", "force", "forces", "government", "leaders", "leadership",
                     "diplomat", "diplomats", "negotiator", "negotiators", "troops", "authorities",
                     "military", "delegation", "side", "ministry", "administration", "army", "navy",
                     "regime", "envoys", "counterparts"}
# Nouns that make a regional adjective a group of states ("Baltic states", "Gulf allies"); vaguer
# ones ("European officials", "Western diplomats") name no actor a reader could hold to account.
GROUP_NOUNS = {"states", "countries", "nations", "governments", "allies", "partners", "members", "capitals",
               "economies", "producers", "neighbours", "neighbors", "powers", "democracies", "donors",
               "monarchies", "kingdoms", "republics"}
QUANTIFIED_NOUNS = {"nations", "countries", "states", "governments", "allies", "members", "signatories"}
ORG_DESCRIPTIONS = {
    "alliance": {"alliance"}, "bloc": {"union", "alliance", "forum"}, "union": {"union"},
    "coalition": set(), "council": set(), "commission": set(), "agency": {"agency"},
    "watchdog": {"agency"}, "court": {"court"}, "fund": {"financial"}, "group": {"armed_group"},
    "organisation": set(), "organization": set(), "militia": {"armed_group"}, "movement": {"armed_group"},
    "army": {"armed_group"}, "paramilitary": {"armed_group"}, "paramilitaries": {"armed_group"},
    "rebels": {"armed_group"}, "insurgents": {"armed_group"}, "lobby": set(), "bank": {"financial"},
    "lender": {"financial"}, "regulator": {"agency"}, "cartel": {"igo"}, "body": {"un_body", "igo", "agency"},
    "tribunal": {"court"}, "parliament": {"legislature"}, "legislature": {"legislature"}, "assembly": {"legislature"},
}
# Forms of state named in official names ("Kingdom of Saudi Arabia"): "the kingdom" refers back.
STATE_FORMS = {"kingdom", "republic", "emirate", "emirates", "sultanate", "principality", "federation",
               "confederation", "commonwealth"}
PERSON_DESCRIPTIONS = {"leader", "president", "premier", "prime", "chancellor", "minister", "secretary",
                       "envoy", "spokesperson", "spokesman", "spokeswoman", "king", "queen", "emir",
                       "monarch", "general", "commander", "chief", "diplomat", "negotiator", "prince",
                       "ambassador", "mediator", "official", "sultan", "ayatollah", "commissioner"}
ROLE_SYNONYMS = {"premier": ("premier", "prime minister"), "envoy": ("envoy", "representative", "ambassador"),
                 "chief": ("chief", "head", "director", "secretary-general", "secretary general", "commander"),
                 "minister": ("minister", "secretary"), "diplomat": ("minister", "secretary", "ambassador", "envoy")}
HEAD_ROLES = ("president", "prime minister", "premier", "chancellor", "king", "queen", "emir", "leader",
              "supreme leader", "sultan", "crown prince", "head of state")
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}


class _Builder:
    def __init__(self, parsed: ParsedArticle):
        self.parsed = parsed
        self.actors: dict[str, Actor] = {}
        self.mentions: list[Mention] = []
        self.taken: set[tuple[int, int]] = set()  # (block, token index)
        self.names: dict[str, str] = {}  # full name, surname or single name -> canonical person

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
        if kind in ("name", "capital", "seat"):
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
                if name is None:
                    continue
                if len(name) > 1:
                    self.names.setdefault(name.text, name.text)
                elif (name[0].dep_ in ("nsubj", "nsubjpass", "poss", "pobj", "dobj", "appos")
                      or title_before(name.doc, name.start)) and name.text.lower() not in lower_words \
                        and not (name.start > 0 and name.doc[name.start - 1].lower_ == "the"):
                    singles.append(name.text)  # not "Patriot systems", "Coal will remain", "at the Plaza"
        surnames: dict[str, set[str]] = {}
        for full in list(self.names):
            parts = full.split()
            # the surname, and any later name part ("Lula" of "Luiz Inacio Lula da Silva")
            for part in parts[1:]:
                if part.lower() not in NAME_PARTICLES and len(part) > 2 and part[0].isupper():
                    surnames.setdefault(part, set()).add(full)
        for full in list(self.names):  # "Abdulaziz rejected": a first name alone, when unambiguous
            first = full.split()[0]
            if len(full.split()) > 1 and first.lower() not in lower_words and len(first) > 3:
                surnames.setdefault(first, set()).add(full)
        for surname, fulls in surnames.items():
            if len(fulls) == 1:
                self.names.setdefault(surname, next(iter(fulls)))
        for single in singles:
            self.names.setdefault(single, single)

    def find_people(self, sent: Sentence) -> None:
        doc, span = sent.span.doc, sent.span
        i = span.start
        while i < span.end:
            for n in (4, 3, 2, 1):
                if i + n > span.end:
                    continue
                cand = doc[i:i + n]
                if cand.text in self.names and cand[0].text[:1].isupper() and self._free(doc, i, i + n):
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

    def find_new_organizations(self, sent: Sentence) -> None:
        doc, span = sent.span.doc, sent.span
        for ent in span.ents:
            if ent.label_ != "ORG":
                continue
            start, end = ent.start, ent.end
            if doc[start].lower_ == "the":
                start += 1
            while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
                end -= 1
            if start >= end or not self._free(doc, start, end):
                continue
            words = [t.text for t in doc[start:end]]
            if words[0] in kb.demonyms() and words[-1] in STATE_BODIES:
                self.add(doc, start, end, sent, kb.demonyms()[words[0]], "country", "demonym")
                continue  # "the Russian Foreign Ministry" speaks for Russia
            if len(words) == 1 and words[0] in ORG_HEADS:  # "the Commission": a known one, or nobody yet
                known_org = next((a for a in self.actors.values() if a.type == "organization"
                                  and words[0] in a.name.split()), None)
                if known_org:
                    self.add(doc, start, end, sent, known_org.name, "organization", "description")
                continue
            acronym = len(words) == 1 and words[0].isupper() and 2 <= len(words[0]) <= 8
            if not (acronym or words[-1] in ORG_HEADS) or EVENT_WORDS.intersection(words):
                continue
            self.add(doc, start, end, sent, doc[start:end].text, "organization", "name")
        for tok in span:
            if tok.text in ORG_HEADS and self._free(doc, tok.i, tok.i + 1):
                start, end = tok.i, tok.i + 1
                while start > span.start and doc[start - 1].text[:1].isupper() \
                        and doc[start - 1].pos_ in ("PROPN", "ADJ") \
                        and self._free(doc, start - 1, start) and doc[start - 1].text not in kb.demonyms():
                    start -= 1
                tail = " " + doc[end:min(end + 6, span.end)].text
                m = re.match(r"((?:\s(?:of|for)\s(?:the\s)?[A-Z][\w-]+)+)", tail)
                if m:
                    end += len(m.group(1).split())
                if end - start < 2:
                    continue
                words = [t.text for t in doc[start:end]]
                if EVENT_WORDS.intersection(words) or not self._free(doc, start, end):
                    continue
                self.add(doc, start, end, sent, doc[start:end].text, "organization", "name")

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

    # -- references back ---------------------------------------------------------------------
    def resolve_references(self) -> None:
        previous_subjects: list[Mention] = []
        for sent in self.parsed.body:
            doc, span = sent.span.doc, sent.span
            here = [m for m in self.mentions if m.sentence == sent.index]
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
                elif tok.lower_ in QUANTIFIED_NOUNS and any(c.dep_ == "nummod" for c in tok.children):
                    target = self._coalition()
                if target is None:
                    continue
                start = tok.i
                if kind == "description":
                    start = min([c.i for c in tok.lefts if c.dep_ in ("det", "amod", "compound", "nummod")] + [tok.i])
                mention = self.add(doc, start, tok.i + 1, sent, target, self.actors[target].type, kind)
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
            return subjects_here[-1].actor
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
            return earlier[-1].actor
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
        seen = sorted((m for m in self.mentions if m.start < offset and self.actors[m.actor].type == "person"),
                      key=lambda m: m.start, reverse=True)

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

    def _describe_org(self, word: str) -> str | None:
        kinds = ORG_DESCRIPTIONS[word]
        known = {o.name: o.kind for o in kb.organizations()}
        candidates = sorted((m for m in self.mentions if self.actors[m.actor].type in ("organization", "group")),
                            key=lambda m: m.start, reverse=True)
        words = {word, "armed forces"} if word == "army" else {word}
        for m in candidates:  # a name that says it ("the council" -> "European Council") first
            if any(w in m.actor.lower() for w in words):
                return m.actor
        for m in candidates:
            if known.get(m.actor) in kinds:
                return m.actor
        return None

    def _describe_state(self, word: str) -> str | None:
        """"the kingdom", "the emirate": the last country mentioned whose official name says so."""
        word = word.removesuffix("s")
        forms = {c.name: [a.lower().split()[0] for a in (c.name, *c.aliases)] for c in kb.countries()}
        for m in sorted(self.mentions, key=lambda m: m.start, reverse=True):
            if self.actors[m.actor].type == "country" and word in forms.get(m.actor, []):
                return m.actor  # "Kingdom of Saudi Arabia" starts with the form; "United Kingdom" does not
        return None

    def _coalition(self) -> str | None:
        for name, actor in self.actors.items():
            if actor.type in ("organization", "group") and re.search(r"\b(coalition|alliance)\b", name, re.I):
                return name
        return None

    # -- run ---------------------------------------------------------------------------------
    def run(self) -> tuple[list[Actor], list[Mention]]:
        self.collect_names()
        known = {id(doc): gazetteer.match(doc) for doc in self.parsed.docs}
        for sent in self.parsed.body:
            self.find_people(sent)
            self.find_known(sent, known[id(sent.span.doc)])
            self.find_new_organizations(sent)
            self.find_groups(sent)
        self.resolve_references()
        for actor in self.actors.values():
            if actor.type == "person" and not actor.country and actor.affiliation:
                org = next((o for o in kb.organizations() if o.name == actor.affiliation), None)
                if org and org.country:
                    actor.country = kb.country_by_iso2().get(org.country, kb.Country(*[""] * 7)).name
        actors = sorted(self.actors.values(), key=lambda a: (-len(a.mentions), a.mentions[0].start))
        return actors, sorted(self.mentions, key=lambda m: m.start)


def extract_actors(parsed: ParsedArticle) -> tuple[list[Actor], list[Mention]]:
    """Actors (canonical, with type, role, country) and every mention of them, in text order."""
    return _Builder(parsed).run()
