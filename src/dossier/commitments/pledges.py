"""Pledges: one row per actor per commitment, with its category and how firm it is."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dossier.actors.model import ActorIndex
from dossier.grammar import (
    actors_of,
    category_of,
    clause_head,
    clause_subject,
    first_person,
    has_negation,
    is_time,
    modal_of,
    reported_future,
    reporting_verb,
    status_markers,
    subtree_tokens,
)
from dossier.lexicon import (
    ACTION_VERBS,
    ADJUNCT_PREPS,
    AGREEMENT_NOUNS,
    AGREEMENT_VERBS,
    AMOUNT_VERBS,
    BINDING_VERBS,
    COMMIT_NOUNS,
    COMMIT_VERBS,
    CONDITION_MARKS,
    CONSIDER_WORDS,
    CONTRAST_WORDS,
    EXPLICIT_COMMITMENTS,
    FOLLOWING_VERBS,
    GENERIC_NOUNS,
    GIVING_NOUNS,
    LIGHT_COMMIT_VERBS,
    MONEY_WORDS,
    NOMINAL_PLEDGES,
    NON_COMMITMENT_VERBS,
    PAST_EVENT_NOUNS,
    READY_WORDS,
    RECEIVING_VERBS,
    REPORTING_VERBS,
    RESTATING_VERBS,
    SCHEDULED_WORDS,
    SILENCE_VERBS,
    SPECULATION_VERBS,
    STAND_IN_NOUNS,
    STATEMENT_VERBS,
    TERMS_VERBS,
    THREAT_MARKERS,
    TRADE_VERBS,
    UNDECIDED_WORDS,
)
from dossier.schema import Pledge

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dossier.nlp import ParsedArticle, Sentence

# Categories of what armed forces use: buying them is that commitment, not trade.
ARMS_CATEGORIES = {"troops", "air_support", "military_aid", "security_guarantee"}
# Marks of a clause that speaks of the agent's own future, intended or refused action.
MODAL_MARKS = {"future", "hedged", "negated", "conditional"}
_QUANTITY = re.compile(
    r"(?:[$€£¥]\s?\d[\d,.]*(?:\s?(?:trillion|billion|million|bn|m|tn))?"
    r"|\d[\d,.]*\s?(?:%|percent|per cent)(?: of (?:GDP|gross domestic product|its \w+))?"
    r"|\d[\d,.]*\s?(?:trillion|billion|million)?\s?(?:troops|soldiers|personnel|trucks|tonnes|tons|"
    r"barrels|jets|tanks|missiles|systems|doses|euros|dollars|pounds|yen|yuan|people|refugees)"
    r"|(?:thousands|hundreds) of \w+)", re.I)
_DEADLINE = re.compile(
    r"\b(?:by|before|until|no later than|from)\s+((?:the end of\s+)?(?:\d{4}|next year|the end of the year))", re.I)


def _trigger(verb: Token) -> tuple[str, list[Token]] | None:
    """Base status a verb gives and the tokens that say what is committed, or None."""
    lemma = verb.lemma_.lower()
    particles = {c.lower_ for c in verb.children if c.dep_ in ("prt", "prep")}
    objects = [c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd")]
    if lemma == "rule" and "out" not in particles:
        return None
    if lemma in ("leave", "keep") and any(o.lower_ == "door" for o in objects) and any(
            c.lower_ == "open" for c in verb.children):
        return "considering", [verb]  # "left the door open to joining the fund"
    if lemma == "stop" and any(c.lower_ == "short" for c in verb.children):
        return "ruled_out", [verb]  # "stopped short of committing to a date"
    if lemma == "put" and "forward" not in particles:
        return None
    if lemma in LIGHT_COMMIT_VERBS:  # "confirmed plans for", "reiterated his offer", "set goals"
        if lemma in RESTATING_VERBS and any(d.lower_ == "the" for o in objects for d in o.children):
            return None  # "announced the deal on Tuesday" restates what is known
        for obj in objects:
            if obj.lemma_.lower() in COMMIT_NOUNS or obj.lower_ in COMMIT_NOUNS:
                return COMMIT_NOUNS.get(obj.lower_, COMMIT_NOUNS.get(obj.lemma_.lower(), "committed")), [verb]
        if lemma not in COMMIT_VERBS or lemma in ("set", "lead", "reiterate", "seek", "put"):
            return None
    if lemma in COMMIT_VERBS:
        return COMMIT_VERBS[lemma], [verb]
    if lemma in ACTION_VERBS or (lemma == "take" and any(o.lower_ == "part" for o in objects)):
        return "action", [verb]  # "take part" is "participate"
    for c in verb.children:  # "Ottawa was in talks to supply uranium"
        if lemma == "be" and c.dep_ == "prep" and c.lower_ == "in" and any(
                g.lemma_.lower() in ("talk", "negotiation", "discussion") and any(
                    a.dep_ in ("acl", "relcl") and a.lemma_.lower() in ACTION_VERBS for a in g.children)
                for g in c.children):
            return "considering", [verb]
    for c in verb.children:
        if c.dep_ in ("acomp", "attr", "oprd") and c.lower_ in UNDECIDED_WORDS:
            return "undecided", [verb, c]
        if c.dep_ in ("acomp", "dobj", "attr") and c.lower_ in CONSIDER_WORDS and any(
                g.lower_ == "to" for g in (*c.children, *verb.children)):
            return "considering", [verb, c]
        if c.dep_ in ("acomp", "attr", "oprd") and c.lower_ in READY_WORDS and any(  # "ready to host talks"
                g.dep_ == "xcomp" and g.lemma_.lower() not in NON_COMMITMENT_VERBS
                for g in (*c.children, *verb.children)):
            return "proposed", [verb, c]
    return None


def _modal_frame(verb: Token) -> tuple[str, list[Token]] | None:
    """Any action verb is a candidate when the clause puts it in the agent's future or refuses it:
    "will phase out", "would match", "could extend", "is set to waive". Word lists decide what it
    is about, not whether it is considered."""
    if _modal_heads_clause(verb):
        return "modal", [verb]
    if verb.pos_ != "VERB" or (verb.lemma_.lower() in NON_COMMITMENT_VERBS and not _takes_on(verb)):
        return None
    if any(c.dep_ == "auxpass" for c in verb.children) and any(c.dep_ == "xcomp" for c in verb.children) and (
            verb.lemma_.lower() in REPORTING_VERBS | SPECULATION_VERBS | {"understand", "believe", "know", "think"}):
        return None  # "is understood to be considering": the hearsay frames the act, the act is the candidate
    return "modal", [verb]


def _takes_on(verb: Token) -> bool:
    """"will take back migrants", "would take steps": "take" as an undertaking, not "take place" or
    "take years"."""
    return verb.lemma_.lower() == "take" and any(
        (c.dep_ in ("prt", "advmod") and c.lower_ in ("back", "in", "over", "on", "up"))
        or (c.dep_ == "dobj" and c.lemma_.lower() in ("step", "measure", "action", "responsibility", "control",
                                                     "charge", "share", "stake", "role", "lead"))
        for c in verb.children)


def _modal_heads_clause(verb: Token) -> bool:
    """"Germany will fast-track ratification": a hyphenated verb the tagger took for a noun leaves the
    modal heading the clause, with the action's object as its own."""
    return verb.tag_ == "MD" and verb.dep_ not in ("aux", "auxpass") and any(c.dep_ == "dobj" for c in verb.children)


def _firm_in_a_quote(verb: Token, base: str, marks: set[str]) -> bool:
    """A speaker's own "we will send", "we are ready to host", "our country will never accept": a
    future, an offer or a commitment verb, not a present state or a progressive."""
    progressive = verb.tag_ == "VBG" and any(c.lemma_.lower() == "be" and c.dep_ == "aux" for c in verb.children)
    return not progressive and ("future" in marks or base in ("committed", "proposed"))


def _scheduled(verb: Token) -> bool:
    """"Canada is set to waive ...", "the UK is to send ...": a scheduled action."""
    head = verb.head
    if verb.dep_ == "xcomp" and head.lemma_.lower() == "be" and head.i < verb.i and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and any(
            c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
        return True  # "The UK is to send 300 more troops": the British future of plans
    if verb.dep_ != "xcomp" or head.lemma_.lower() not in SCHEDULED_WORDS:
        return False
    return head.head.lemma_.lower() == "be" or any(
        c.lemma_.lower() == "be" and c.dep_ in ("aux", "auxpass", "cop") for c in head.children)


def _status(base: str, marks: set[str]) -> str:
    if base == "undecided" or "undecided" in marks:
        return "undecided"  # before negation: "has not decided" is undecided, not ruled out
    if "negated" in marks:
        return "considering" if base == "ruled_out" else "ruled_out"
    if base == "ruled_out":
        return "ruled_out"
    if base == "considering" or marks & {"hedged", "open"}:
        return "considering"
    if base == "proposed":
        return "proposed"
    if "conditional" in marks and base == "action":
        return "proposed"
    return "committed"


def _inner_chain(verb: Token) -> list[Token]:
    """The trigger and the verbs it governs in the same commitment ("agreed to consider sending")."""
    chain, node = [verb], verb
    while True:
        nxt = next((c for c in node.children if c.dep_ in ("xcomp",) or (
            c.dep_ == "prep" and c.lower_ in ("to", "at", "on") and any(g.dep_ == "pcomp" for g in c.children))), None)
        if nxt is None:
            return chain
        if nxt.dep_ == "prep":
            nxt = next(g for g in nxt.children if g.dep_ == "pcomp")
        chain.append(nxt)
        node = nxt


def _separate_clause(child: Token) -> bool:
    """A dependent that says something else: a conjoined or reported clause with its own subject, or a
    finite adverbial clause. "decide whether to send police" keeps its object; "said X would" does not."""
    if any((g.dep_ == "mark" and g.lower_ in ("whether", "if")) or (g.dep_ == "advmod" and g.lower_ == "how")
           for g in child.children):
        return False  # "yet to decide how it will finance the fund": what the decision is about
    own_subject = any(g.dep_ in ("nsubj", "nsubjpass") for g in child.children)
    infinitive = any(g.dep_ == "aux" and g.lower_ == "to" for g in child.children)
    if child.dep_ in ("conj", "cc"):
        return True
    if child.dep_ == "ccomp":
        return own_subject or not infinitive
    return child.dep_ == "advcl" and not infinitive


def _asides(verb: Token) -> set[int]:
    """Clauses deep inside a commitment that say something else: relative clauses and participle
    phrases ("a deal that oil producers fought", "closing the talks"), not purposes ("to build")."""
    return {t.i for t in verb.subtree if t.i != verb.i and (
        t.dep_ in ("relcl", "parataxis") or (t.dep_ == "advcl" and not any(
            a.dep_ == "aux" and a.lower_ == "to" for a in t.children)))}


def _pledges_money(verb: Token | None, chain: list[Token]) -> bool:
    """"committed $145 million to build customs posts": the object is money, whatever it buys."""
    for node in ((verb, *chain) if verb is not None else chain):
        # the object, or the sum it changes by ("topped up its contribution by 60 million euros")
        objects = [c for c in node.children if c.dep_ == "dobj"] + [
            g for c in node.children if c.dep_ == "prep" and c.lower_ in ("by", "with") for g in c.children
            if g.dep_ == "pobj"]
        for obj in objects:
            clauses = {t.i for t in obj.subtree if t.dep_ in ("relcl", "acl", "advcl", "ccomp", "xcomp")}
            words = {t.lower_ for t in subtree_tokens(obj, clauses)}
            if words & MONEY_WORDS:
                return True  # not "signed a statement confirming a deal worth $7 billion"
    return False


def _is_condition(verb: Token) -> bool:
    """"... once Israel reopens the crossing": a condition of someone else's pledge, not a pledge."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head  # "if Hamas did not hand over its weapons and return the remains"
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in verb.children)


def _ultimatum(head: Token) -> bool:
    """"Either Hamas disarms the easy way, or it will be disarmed": an ultimatum, a threat."""
    first = head.head if head.dep_ == "conj" else head
    return any(c.dep_ == "preconj" and c.lower_ == "either" for t in (first, *first.children) for c in t.children) \
        or any(c.lower_ == "either" and c.dep_ in ("preconj", "advmod") for c in first.children)


def _required_of(head: Token) -> bool:
    """"insisted that Nuuk, not Copenhagen, must decide": an obligation the speaker lays on someone."""
    return head.dep_ == "ccomp" and head.head.lemma_.lower() in REPORTING_VERBS | STATEMENT_VERBS.keys() and any(
        c.dep_ == "aux" and c.lower_ in ("must", "should") for c in head.children) and not any(
        c.dep_ == "nsubj" and c.tag_ == "PRP" for c in head.children)  # "said it must cut" is its own


def _demanded(head: Token) -> bool:
    """"demanded guarantees that Israel would not resume the war": what one side asks of another is
    not the other's pledge."""
    noun = head.head if head.dep_ in ("acl", "ccomp") and head.head.pos_ == "NOUN" else None
    asker = noun.head if noun is not None and noun.dep_ in ("dobj", "pobj") else None
    if asker is not None and asker.dep_ == "prep":
        asker = asker.head
    return asker is not None and STATEMENT_VERBS.get(asker.lemma_.lower()) == "demand"


def _governed_by_trigger(verb: Token) -> bool:
    node = verb
    while node.dep_ in ("xcomp", "pcomp") or (node.dep_ == "pobj" and node.head.dep_ == "prep"):
        node = node.head if node.dep_ != "pcomp" else node.head.head
        if node.pos_ in ("VERB", "AUX") and _trigger(node):
            return True
    return False


def _inherits_markers(verb: Token) -> bool:
    """A conjoined verb shares its head's modal unless contrasted or carrying its own."""
    if verb.dep_ != "conj":
        return False
    if any(c.dep_ in ("aux", "neg") for c in verb.children):
        return False
    return not any(c.dep_ == "cc" and c.lower_ in CONTRAST_WORDS for c in verb.head.children)


def _category(verb: Token, chain: list[Token], content: list[Token], status: str,
              section_topics: list[tuple[int, str]], listed: bool = True) -> str:
    """What is committed: from the verbs, the object, the clause's words, or else the section's topic."""
    buying = [t for t in chain if t.lemma_.lower() in TRADE_VERBS]
    if buying and not _pledges_money(None, [t for t in chain if t not in buying]):
        # "will buy $10 billion of soybeans" is trade, whatever the sum; "will buy 12 jets" is what is bought
        bought = category_of(content)
        return bought if bought in ARMS_CATEGORIES else "trade"
    if _pledges_money(verb, chain):
        return "funding"  # "pledged $900 million to buy interceptors" gives money
    signed = _kind_of_agreement(verb)
    if signed:
        return signed
    category = _category_by_head(chain, content) or category_of(content)
    if category:
        return category
    # "Germany's position remains undecided", "would match the cap": about what the section's
    # pledges are about; an unlisted verb must say it itself or point back
    light = verb.lemma_.lower() in LIGHT_COMMIT_VERBS and any(  # "announced smaller pledges"
        c.dep_ == "dobj" and c.lemma_.lower() in COMMIT_NOUNS for c in verb.children)
    stance = status in ("undecided", "considering", "ruled_out") and (
        verb.lemma_.lower() in COMMIT_VERBS or status == "undecided" or has_negation(verb))
    refusal = status == "ruled_out" and any(c.dep_ == "dobj" for c in verb.children)  # "will not back any government"
    offer = any(c.dep_ in ("acomp", "attr", "oprd") and c.lower_ in READY_WORDS for c in verb.children)
    # "ASML said it would comply with the new rules": the speaker's own reported future
    own_future = reported_future(verb) and any(c.dep_ == "nsubj" and c.tag_ == "PRP" for c in verb.children)
    if own_future and not listed:
        return _topic(section_topics) if not _names_its_object(content, chain) else "other"
    explicit = stance or offer or verb.lemma_.lower() in EXPLICIT_COMMITMENTS
    if _refers_back(verb) or light or refusal or (listed and explicit):
        if _names_its_object(content, chain):
            return "other"  # "agreed to resettle 20,000 people": about something no category names
        return _topic(section_topics) or _other_if_explicit(verb, chain)
    return _other_if_explicit(verb, chain)


def _category_by_head(chain: list[Token], content: list[Token]) -> str:
    """What the action itself says, then what its object says, before any word further out:
    "offered to fund the pool's reserve" is funding, "devote 3.5% of GDP to needs such as troops"
    is what is devoted."""
    action = chain[-1]
    category = category_of([action, *(c for c in action.children if c.dep_ == "prt")])
    hosting = category == "diplomacy" and any(c.dep_ == "dobj" for c in action.children)
    if category and not hosting:  # "host a repair depot" is about the depot, "host talks" about talks
        return category
    allowed = {t.i for t in content}
    for obj in (c for c in action.children if c.dep_ in ("dobj", "nsubjpass") and c.i in allowed
                and c.lemma_.lower() not in AGREEMENT_NOUNS):  # "struck a deal to end a tariff fight"
        clauses = {t.i for t in obj.subtree if t.dep_ in ("relcl", "acl", "advcl", "ccomp", "xcomp", "appos")}
        category = category_of([t for t in subtree_tokens(obj, clauses) if t.i in allowed])
        if category:
            return category
    return ""


def _kind_of_agreement(verb: Token) -> str:
    """"signed a trade deal", "reached a gas supply agreement": an agreement signed or reached is
    about what its name says it covers."""
    if verb.lemma_.lower() not in AGREEMENT_VERBS:
        return ""
    for noun in (c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")):
        if noun.lemma_.lower() not in AGREEMENT_NOUNS:
            continue
        words = [t for c in noun.children if c.dep_ in ("compound", "amod", "nmod") for t in c.subtree]
        category = category_of(words)
        if category and category != "diplomacy":
            return category
    return ""


def _names_its_object(content: list[Token], chain: list[Token]) -> bool:
    """Whether a commitment's words name what it is about, beyond generic words ("join the arrangement")."""
    chain_ids = {t.i for t in chain}
    # circumstances are not the object: "undecided despite pressure from allies", "after talks in Oslo"
    adjuncts = {t.i for c in content if c.dep_ == "prep" and c.lower_ in ADJUNCT_PREPS for t in c.subtree}
    return any(t.pos_ in ("NOUN", "PROPN") and t.i not in chain_ids | adjuncts and t.lemma_.lower() not in GENERIC_NOUNS
               and t.lower_ not in GENERIC_NOUNS and t.ent_type_ not in ("DATE", "TIME", "GPE", "NORP")
               for t in content)


def _other_if_explicit(verb: Token, chain: list[Token]) -> str:
    """"India has offered to phase out bottom trawling": an explicit commitment to an action no
    category names is still a commitment, of the category `other`."""
    if verb.lemma_.lower() in COMMIT_VERBS and len(chain) > 1:
        return "other"
    if verb.lemma_.lower() in ACTION_VERBS and any(c.dep_ == "dobj" for c in verb.children) and any(
            c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll") for c in verb.children):
        return "other"  # "Uganda will build two grain silos"
    return ""


def extract_pledges(parsed: ParsedArticle, index: ActorIndex) -> list[Pledge]:
    """One row per actor per commitment clause, in text order; evidence is the whole sentence."""
    pledges: list[Pledge] = []
    seen: set[tuple[str, str, int]] = set()
    section_of = _sections(parsed)
    topics: dict[int, list[tuple[int, str]]] = {}  # section -> (sentence, category) pledged so far
    last_committers: list = []  # block of the last pledge, then its actors
    signers: list = []  # the actors of the last agreement signed or reached: what "the agreement" stands for
    published_year = int(parsed.article.published[:4]) if parsed.article.published else None

    def record(sent: Sentence, actors: list, category: str, status: str, content: list[Token],
               chain: list[Token]) -> None:
        doc = sent.span.doc
        text = doc.text[min(t.idx for t in content):max(t.idx + len(t) for t in content)] if content else ""
        quantity, deadline = _QUANTITY.search(text), _DEADLINE.search(text)
        for mention in actors:
            key = (mention.actor, category, sent.index)
            if key in seen:
                continue
            seen.add(key)
            pledges.append(Pledge(
                actor=mention.actor, category=category, status=status,
                quantity=quantity.group(0) if quantity else "", deadline=deadline.group(1) if deadline else "",
                trigger=" ".join(t.text for t in chain),
                evidence=sent.text, sentence_id=sent.index, start=sent.start, end=sent.end,
            ))
        topics.setdefault(section_of[sent.block], []).append((sent.index, category))
        last_committers[:] = [sent.block, *actors]
        if chain and chain[0].lemma_.lower() in AGREEMENT_VERBS:
            signers[:] = actors

    for sent in parsed.body:
        for verb in sent.span:
            if verb.pos_ not in ("VERB", "AUX") or _governed_by_trigger(verb):
                continue
            trig = _trigger(verb) or _modal_frame(verb)
            if trig is None or _is_condition(verb) or _not_a_pledge(verb, published_year):
                continue
            if verb.lemma_.lower() in RECEIVING_VERBS:
                continue  # "the fund secured its $14 billion target": money received is nobody's pledge here
            base, head_tokens = trig
            chain = _inner_chain(verb)
            if len(chain) > 1 and chain[-1].lemma_.lower() in SILENCE_VERBS:
                continue  # "declined to comment" refuses an answer, not an action
            marks = status_markers(chain + head_tokens[1:])
            if _inherits_markers(verb):
                head = verb.head
                if has_negation(head):
                    marks.add("negated")
                if modal_of(head):
                    marks |= status_markers([head]) - {"negated"}
            if _scheduled(verb):
                marks.add("future")
            subjects = clause_subject(verb)
            if base == "modal":
                standing_in = bool(subjects) and _stands_in(subjects[0]) and verb.tag_ in ("VBZ", "VBP", "VBD") \
                    and verb.lemma_.lower() in TERMS_VERBS  # "the package also bars", "the package included"
                if not (MODAL_MARKS & marks or standing_in or _pledges_money(verb, chain)):
                    continue  # "topped up its contribution by 60 million euros" gives money, whatever the verb
                base = "action"
            if base == "action" and not ({"future", "hedged", "negated", "conditional", "open", "undecided"} & marks) \
                    and verb.tag_ not in ("VBD", "VBN", "VBZ", "VBP"):
                continue
            status = _status(base, marks)
            # a passive subject is what is given ("sanctions will be restored"): it says what it is about
            stop = {s.i for s in subjects if s.dep_ != "nsubjpass" or s.head.i != verb.i} | {
                c.i for c in verb.children if _separate_clause(c)} | _asides(verb)
            content = [t for t in subtree_tokens(verb, stop) if not t.is_punct or t.text == "%"]
            category = _category(verb, chain, content, status, [t for section in topics.values() for t in section],
                                 listed=trig[0] != "modal")
            if not category:
                continue
            if base == "action" and category == "diplomacy" and not marks:
                continue  # "X hosted Y last month" reports a meeting, it promises nothing
            if subjects and first_person(subjects[0]) and not _firm_in_a_quote(verb, trig[0], marks):
                continue  # "“we are not waiting”, “we will be watching”": rhetoric, not a commitment
            actors = actors_of(subjects, parsed, index) or _stand_in_agents(verb, subjects, marks, sent, parsed, index,
                                                                             last_committers, signers)
            if actors:
                record(sent, actors, category, status, content, chain)
        for money, owners in _money_from(sent):  # "pledges included $150 million from Saudi Arabia"
            actors = actors_of(owners, parsed, index)
            if actors:
                record(sent, actors, "funding", "committed", list(money.subtree), [money])
        for noun, owners, status in _nominal_pledges(sent):
            # "the foundation's pledge came to $760 million": what it amounts to says what it is
            scope = noun.head if noun.dep_ == "nsubj" and noun.head.lemma_.lower() in AMOUNT_VERBS else noun
            content = [t for t in scope.subtree if t not in owners and (not t.is_punct or t.text == "%")]
            category = "funding" if {t.lower_ for t in content} & MONEY_WORDS else category_of(content)
            actors = actors_of(owners, parsed, index)
            if category and actors:
                record(sent, actors, category, status, content, [noun])
    return pledges


def _refers_back(verb: Token) -> bool:
    """"would match the cap", "will follow suit": the object is something the article already named."""
    for obj in (c for c in verb.children if c.dep_ in ("dobj", "attr")):
        determiners = [d.lower_ for d in obj.children if d.dep_ in ("det", "poss")]
        if set(determiners) & {"the", "this", "that", "its", "their", "such"}:
            return True
    if verb.lemma_.lower() in FOLLOWING_VERBS and not any(c.dep_ == "dobj" for c in verb.children):
        return True  # "Ottawa said it would follow"
    return any(c.lower_ == "suit" for c in verb.children)


def _not_a_pledge(verb: Token, published_year: int | None) -> bool:
    """Clauses that look like commitments but are not one: a threat ("would retaliate"), a guess or a
    warning someone else reports ("analysts suggest Putin aims to"), what a decision is about ("has
    yet to decide whether it will support"), and history ("promised in 1994 to respect")."""
    if verb.lemma_.lower() in THREAT_MARKERS:
        return True
    speech = reporting_verb(verb)
    if speech is not None and speech.lemma_.lower() in SPECULATION_VERBS:
        return True
    head = clause_head(verb)
    if any((c.dep_ == "mark" and c.lower_ in ("whether", "if")) or (c.dep_ == "advmod" and c.lower_ == "how")
           for c in head.children) and head.dep_ in ("ccomp", "xcomp", "pcomp", "pobj"):
        return True  # "has yet to decide whether / how it will finance": what is undecided, not a pledge
    if _demanded(head) or _required_of(head) or _ultimatum(head):
        return True
    return _historical(head, published_year)


def _historical(head: Token, published_year: int | None) -> bool:
    """A past-tense clause dated before the article's year, or hanging on a named past event; a
    simple past right after a sentence dated years back continues that story ("The 1994
    memorandum saw Ukraine give up its arsenal. Russia promised to respect ...")."""
    if head.tag_ not in ("VBD", "VBN"):
        return False
    if head.tag_ == "VBD" and published_year and head.sent.start > 0:
        previous = head.doc[head.sent.start - 1].sent  # the sentence before, in the same paragraph
        years = [int(y) for y in re.findall(r"\b(1[5-9]\d\d|20\d\d)\b", previous.text)]
        if any(y < published_year - 1 for y in years):
            return True
    # the clause's own time adjuncts ("in 1994", "two years ago"), not dates deep in its objects
    words = [t.text for c in head.children if c.dep_ in ("prep", "npadvmod", "advmod") for t in c.subtree]
    years = [int(w) for w in words if w.isdigit() and len(w) == 4 and 1500 < int(w) < 2100]
    if published_year and any(y < published_year for y in years):
        return True
    if any(w.lower() == "ago" for w in words) or re.search(r"\blast (?:year|decade)\b", " ".join(words).lower()):
        return True
    if _when_of_past_date(head, published_year):
        return True
    return head.dep_ in ("relcl", "acl") and head.head.lower_ in PAST_EVENT_NOUNS


def _when_of_past_date(head: Token, published_year: int | None) -> bool:
    """"She was referring to 2010, when China halted shipments": a clause telling what happened at a
    past date the sentence names."""
    # "the 2010 earthquake, after which aid was never delivered"
    after_which = head.tag_ in ("VBD", "VBN") and any(
        c.dep_ == "prep" and c.lower_ in ("after", "during", "in", "since")
        and any(g.lower_ == "which" for g in c.children) for c in head.children)
    if head.dep_ not in ("relcl", "advcl") or not (after_which or any(
            c.lower_ == "when" and c.dep_ in ("advmod", "mark") for c in head.children)):
        return False
    # the date may sit anywhere before the clause: "the 2025 ceasefire, which broke down that March
    # when Israel resumed its bombardment"
    years = [int(t.text) for t in head.sent if t.i < head.i and t.like_num and len(t.text) == 4
             and t.text.isdigit()] if head.tag_ == "VBD" else [
        int(t.text) for t in head.head.subtree if t.i < head.i and t.like_num and len(t.text) == 4
        and t.text.isdigit()]
    return bool(published_year and any(1500 < y < published_year for y in years))


def _stands_in(subject: Token) -> bool:
    return subject.lower_ in STAND_IN_NOUNS or subject.lemma_.lower() in STAND_IN_NOUNS


def _stand_in_agents(verb: Token, subjects: list[Token], marks: set[str], sent: Sentence, parsed: ParsedArticle,
                     index: ActorIndex, last_committers: list, signers: list) -> list:
    """Who commits when the subject is the instrument ("the package also bars ...") or the clause has
    no agent ("sanctions will be restored"): the party an instrument binds; the signers of the deal
    whose money it is; the actor reporting it; else the last one that committed in this or the
    previous paragraph. Never the one the clause gives to."""
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) and not any(
        c.dep_ == "agent" and not all(is_time(g) for g in c.children if g.dep_ == "pobj") for c in verb.children)
    # "It was also agreed to hold the next meeting": an impersonal decision of those in the room
    impersonal = passive and any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in verb.children) and any(
        c.dep_ == "xcomp" for c in verb.children)
    if not ((passive and MODAL_MARKS & marks) or impersonal or (subjects and _stands_in(subjects[0]))):
        return []  # "the goal is being met" reports a state; "sanctions will be restored" commits
    if subjects and _stands_in(subjects[0]) and verb.lemma_.lower() in BINDING_VERBS:
        bound = actors_of([c for c in verb.children if c.dep_ == "dobj"], parsed, index)
        if bound:
            return bound  # "the deal commits India to releasing water": India is bound, not both signers
    # whoever stands behind the clause, it is not the one it gives to ("could be provided to Tunisia")
    receivers = {m.actor for m in actors_of(_recipients(verb), parsed, index)}
    money = any(t.lower_ in MONEY_WORDS for c in verb.children if c.dep_ in ("nsubjpass", "dobj") for t in c.subtree)
    agreement = bool(subjects) and subjects[0].lemma_.lower() in AGREEMENT_NOUNS
    if agreement and money and signers and sent.block - last_committers[0] > 1:
        # "the agreement includes EUR 105 million in aid": the parties that signed it, less the receiver
        return [m for m in signers if m.actor not in receivers]
    speech = reporting_verb(verb)
    if speech is not None:
        speakers = actors_of(clause_subject(speech), parsed, index)
        if speakers:
            return speakers
    if last_committers and sent.block - last_committers[0] <= 1:
        return [m for m in last_committers[1:] if m.actor not in receivers]
    if signers and money and passive:
        # "another EUR 900 million could be provided to Tunisia": the parties to the deal the article
        # reported, less the one it is given to
        return [m for m in signers if m.actor not in receivers]
    return []


def _recipients(verb: Token) -> list[Token]:
    """Who a clause gives to: "provided to Tunisia", "aid for Tunisia"."""
    return [g for t in verb.subtree if t.dep_ in ("prep", "dative") and t.lower_ in ("to", "for")
            for g in (t.children) if g.dep_ == "pobj" for g in (g, *g.conjuncts)]


def _money_from(sent: Sentence) -> list[tuple[Token, list[Token]]]:
    """Sums given "from" someone in a sentence about pledges: "included $150 million from Saudi
    Arabia, $100 million from Kuwait", "$50 million from Germany in aid"."""
    pledging = any(t.lemma_.lower() in NOMINAL_PLEDGES | GIVING_NOUNS or t.lemma_.lower() in COMMIT_VERBS
                   for t in sent.span)
    found = []
    for prep in sent.span:
        if not pledging or prep.lower_ != "from" or prep.dep_ != "prep":
            continue
        money = prep.head
        amount = {t.lower_ for t in money.subtree if not any(a.i == prep.i for a in t.ancestors) and t.i != prep.i}
        if not (amount & MONEY_WORDS or (any(t.like_num and t.head.i == money.i for t in money.children)
                and money.lower_ in MONEY_WORDS | {"million", "billion"})):
            continue
        owners = [x for g in prep.children if g.dep_ == "pobj" for x in (g, *g.conjuncts)]
        if owners:
            found.append((money, owners))
    return found


def _nominal_pledges(sent: Sentence) -> list[tuple[Token, list[Token], str]]:
    """"Kenya's pledge of 1,000 police officers", "an offer from Qatar to mediate": a commitment
    named by a noun, with its owner as possessor or after "from"/"by"."""
    found = []
    for noun in sent.span:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in NOMINAL_PLEDGES:
            continue
        owners = [c for c in noun.children if c.dep_ == "poss" or (c.dep_ == "compound" and c.pos_ == "PROPN")] + [
            g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("from", "by")
            for g in c.children if g.dep_ == "pobj"]  # "Kenya's pledge", "the Gates Foundation pledge"
        if owners:
            found.append((noun, owners, COMMIT_NOUNS[noun.lemma_.lower()]))
    return found


def _topic(pledged: list[tuple[int, str]]) -> str:
    """The category of the last pledge sentence; if it held several, the section's commonest of them."""
    if not pledged:
        return ""
    counts = [c for _, c in pledged if c != "other"] or [c for _, c in pledged]
    order = {c: i for i, (_, c) in enumerate(pledged)}  # ties go to the most recent
    return max(set(counts), key=lambda c: (counts.count(c), order[c]))


def _sections(parsed: ParsedArticle) -> list[int]:
    """Section number of every block: headings start a new section."""
    sections, current = [], 0
    for block in parsed.article.blocks:
        current += block.kind == "heading"
        sections.append(current)
    return sections

