"""Reading a clause off the dependency parse: who is its subject, how firm is it, what is it about."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dossier import kb
from dossier.lexicon import (
    CATEGORY_KEYWORDS,
    COMMIT_VERBS,
    CONSIDER_WORDS,
    FUTURE_MARKERS,
    GROUPING_NOUNS,
    HEDGE_MODALS,
    NEGATIONS,
    REPORTING_VERBS,
    UNDECIDED_WORDS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from dossier.actors.model import ActorIndex, Mention
    from dossier.nlp import ParsedArticle

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
PAIR_NOUNS = {"countries", "nations", "sides", "neighbours", "neighbors", "governments", "states", "parties"}
GOVERNMENT_NOUNS = {"government", "administration", "country", "cabinet", "state"}
# Nouns standing for an actor's stance: "Germany's position", "Washington's stance".
STANCE_NOUNS = {"position", "stance", "government", "administration", "leadership", "side", "officials", "office",
                "response", "view", "delegation", "team", "cabinet", "ministry", "camp", "negotiators", "envoy",
                "envoys", "spokesman", "spokeswoman", "spokesperson", "diplomats", "forces", "troops", "army",
                "military", "chief", "leader", "president", "minister", "ministers", "representatives", "offer",
                "proposal", "plan", "decision", "parliament", "navy", "regime", "leaders", "delegates",
                "delegations", "negotiator", "official", "diplomat", "package", "pledge", "commitment", "measures",
                "plans", "proposals", "offers", "pledges", "framework", "deal", "bill", "law", "rules"}


TIME_NOUNS = {"end", "time", "date", "year", "month", "week", "deadline", "start", "beginning", "middle", "spring",
              "summer", "autumn", "fall", "winter", "january", "february", "march", "april", "may", "june", "july",
              "august", "september", "october", "november", "december", "mid"}


def is_time(tok: Token) -> bool:
    """A date or a point in time ("the end of 2027", "2030", "June")."""
    return tok.ent_type_ in ("DATE", "TIME", "CARDINAL") or tok.lower_ in TIME_NOUNS or tok.like_num


# Curly double quotes, straight double quotes, guillemets; single quotes only when curly and
# clearly opening after a space, so apostrophes never start a quote.
QUOTE_PATTERN = re.compile(
    r"“([^”“\n]{1,2000})”"
    r"|\"([^\"\n]{1,2000})\""
    r"|«\s?([^»\n]{1,2000}?)\s?»"
    r"|(?:(?<=\s)|^)‘([^’\n]{2,300})’(?=[\s,.;:!?]|$)"
)
QUOTE_MARKS = frozenset('"“”«»‘’')


def quoted_tokens(doc: Doc) -> set[int]:
    """Indices of the tokens of a parsed block that stand between quotation marks."""
    key = "quoted_tokens"
    if key not in doc.user_data:
        inside: set[int] = set()
        for match in QUOTE_PATTERN.finditer(doc.text):
            group = next(g for g in range(1, 5) if match.group(g) is not None)
            span = doc.char_span(match.start(group), match.end(group), alignment_mode="expand")
            if span is not None:
                inside.update(range(span.start, span.end))
        doc.user_data[key] = inside
    return doc.user_data[key]


def clause_subject(verb: Token) -> list[Token]:
    """Subject tokens of a verb, inherited through conjunction, xcomp, and auxiliaries."""
    node = verb
    for _ in range(6):
        # "a loan was pledged by the bank": the agent acts, the passive subject is what is given
        agents = [g for c in node.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"
                  and not is_time(g)]  # "phased out by the end of 2027" names no agent
        if agents:
            return [agents[0], *agents[0].conjuncts]
        subjects = [c for c in node.children if c.dep_ in SUBJECT_DEPS]
        if subjects and node.dep_ == "relcl" and (subjects[0].lower_ == "who" or (
                subjects[0].lower_ in ("that", "which") and _among(node) is not None)):
            # "Angela Merkel, who called it a step": the relative pronoun is its antecedent
            return _antecedent(node)
        if subjects:
            subj = subjects[0]
            return [subj, *[c for c in subj.conjuncts if c.i > subj.i]]
        if node.dep_ in ("conj", "xcomp", "advcl", "pcomp", "acl", "relcl", "ccomp") and node.head.i != node.i:
            if node.dep_ == "relcl":
                return _antecedent(node)
            if node.dep_ == "acl" and node.head.pos_ in ("NOUN", "PROPN"):
                poss = [c for c in node.head.children if c.dep_ == "poss"]
                if poss:
                    return poss
                if node.head.dep_ == "ROOT" and node.tag_ in ("VBD", "VBN") and any(
                        c.dep_ == "punct" and c.i < node.i for c in node.head.children):
                    # "Oman, which hosted earlier rounds, offered to host": the parser made the
                    # sentence's verb a modifier of its subject
                    return [node.head, *node.head.conjuncts]
            node = node.head
            if node.dep_ == "pobj":
                node = node.head.head
            continue
        break
    return []


def first_person(tok: Token) -> bool:
    """"We", "I", "our country", "my government" inside quotation marks."""
    first = tok.lower_ in ("we", "i") or (tok.lower_ in GOVERNMENT_NOUNS and any(
        c.dep_ == "poss" and c.lower_ in ("our", "my") for c in tok.children))
    return first and tok.i in quoted_tokens(tok.doc)


def _quoted_speaker(tok: Token, parsed: ParsedArticle, index: ActorIndex) -> list[Mention]:
    """Who speaks the quote a first-person word stands in: the subject of a speech verb of the same
    sentence outside the quote; a person speaking as "we" speaks for their state."""
    quoted = quoted_tokens(tok.doc)
    for verb in tok.sent:
        if verb.i in quoted or verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in REPORTING_VERBS:
            continue
        speakers = actors_of([s for s in clause_subject(verb) if s.i not in quoted], parsed, index)
        if not speakers:
            continue
        if tok.lower_ == "i":
            return speakers[:1]
        return [_state_of(m, index) or m for m in speakers]
    return []


def _state_of(person: Mention, index: ActorIndex) -> Mention | None:
    """A person's mention as their state's ("his government", "we" said by a minister), when the
    article names that state."""
    from dossier.actors.model import Mention

    actor = index.actors.get(person.actor)
    if actor is None or actor.type != "person" or actor.country not in index.actors:
        return None
    return Mention(actor.country, person.text, person.start, person.end, person.sentence, "government")


def _antecedent(relcl: Token) -> list[Token]:
    """What a relative clause is about; "Italy is among the countries that have pledged": Italy."""
    among = _among(relcl)
    return ([c for c in among.head.children if c.dep_ == "nsubj"][:1] if among is not None else []) or [relcl.head]


def _among(relcl: Token) -> Token | None:
    """The "among" of "X is among the countries that ...", if the relative clause hangs on it."""
    head = relcl.head
    among = head.head if head.dep_ == "pobj" and head.head.lower_ == "among" else None
    return among if among is not None and among.head.lemma_.lower() == "be" else None


def actors_of(tokens: list[Token], parsed: ParsedArticle, index: ActorIndex) -> list[Mention]:
    """Actor mentions for subject tokens; looks into possessors and compounds ("Germany's position")."""
    from dossier.actors.model import Mention
    found: list[Mention] = []

    def at(tok: Token) -> Mention | None:
        return index.at(parsed.offset(tok), parsed.offset(tok) + len(tok))

    grouping = _named_grouping(tokens, at)
    if grouping is not None:
        return [grouping]  # "OPEC and allies, a group known as OPEC+, agreed": the grouping acts
    for tok in tokens:
        mention = at(tok)
        if mention is None and first_person(tok):
            found += [m for m in _quoted_speaker(tok, parsed, index) if all(f.actor != m.actor for f in found)]
            continue  # "“We will send 500 engineers,” said Kenya's defence minister"
        pair = tok if tok.lower_ in PAIR_NOUNS else next(  # "negotiators from both countries"
            (g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("from", "of")
             for g in c.children if g.dep_ == "pobj" and g.lower_ in PAIR_NOUNS), None)
        if mention is None and pair is not None and any(c.lower_ in ("two", "both") for c in pair.children):
            found += [m for m in _last_two_states(tok, parsed, index) if all(f.actor != m.actor for f in found)]
            continue  # "the two countries will withdraw": the pair the article is about
        if mention is None or index.type_of(mention.actor) != "person":
            # "The EU's foreign policy chief, Kaja Kallas, said": the person in apposition speaks
            appositive = [m for m in (at(c) for c in tok.children if c.dep_ == "appos") if m]
            if appositive and index.type_of(appositive[0].actor) == "person":
                mention = appositive[0]
        candidates = [mention] if mention else []
        if mention is None and tok.lower_ in GOVERNMENT_NOUNS:  # "his government" is the leader's country
            owner = next((m for m in (at(c) for c in tok.children if c.dep_ in ("poss", "compound")) if m), None)
            state = _state_of(owner, index) if owner else None
            if state is not None:
                mention = Mention(state.actor, tok.text, state.start, state.end, state.sentence, "government")
                candidates = [mention]
        if mention is None:  # "Germany's position", "Baltic and Nordic states", "the position of Rome"
            for child in sorted(tok.children, key=lambda c: c.i):
                if child.dep_ in ("compound", "amod", "nmod") or (child.dep_ == "poss" and tok.lower_ in STANCE_NOUNS):
                    # "European Union member states": the actor may sit one compound further in
                    targets = [child, *child.conjuncts, *(g for g in child.children if g.dep_ == "compound")]
                elif child.dep_ == "prep" and child.lower_ in ("of", "from") and tok.lower_ in STANCE_NOUNS:
                    targets = [x for g in child.children if g.dep_ == "pobj" for x in (g, *g.conjuncts)]
                else:
                    continue
                candidates += [m for m in map(at, targets) if m]
                if child.dep_ == "amod" and tok.lower_ in STANCE_NOUNS:  # "the German package"
                    country = kb.demonyms().get(child.text)
                    first = next((m for m in index.mentions if m.actor == country), None)
                    if country in index.actors and first is not None:
                        candidates.append(Mention(country, child.text, parsed.offset(child),
                                                  parsed.offset(child) + len(child), first.sentence, "demonym"))
        for m in candidates:
            if all(f.actor != m.actor for f in found):
                found.append(m)
    return found


_GROUPING_CUE = re.compile(r"(?:\bknown as|\bso - called|\bso-called|\bso called|\bdubbed)(?: the)?$")


def names_a_grouping(tok: Token) -> bool:
    """Whether a capitalised word starts the name the text gives a set of actors ("a group known as
    OPEC+", "the so-called E3")."""
    if not tok.text[:1].isupper() or tok.i < 2 or tok.doc[tok.i - 1].lower_ not in ("as", "the", "called", "dubbed"):
        return False  # cheap first: most capitalised words follow no cue
    before = " ".join(t.lower_ for t in tok.doc[max(tok.sent.start, tok.i - 4):tok.i])
    if not _GROUPING_CUE.search(before):
        return False
    # a set of actors, not "a captain known as Big Olaf": a list or a grouping word comes first
    earlier = tok.doc[tok.sent.start:tok.i]
    return any(t.dep_ == "conj" for t in earlier) or any(t.lower_ in GROUPING_NOUNS for t in earlier)


def _named_grouping(tokens: list[Token], at) -> Mention | None:
    """The actor a subject phrase names as its grouping ("..., a group known as OPEC+,", "..., the
    so-called E3,"), if it does."""
    if not tokens:
        return None
    head = tokens[0]
    for tok in (t for root in (head, *head.conjuncts) for t in root.subtree):
        if names_a_grouping(tok):
            mention = at(tok)
            if mention is not None:
                return mention
    return None


def _last_two_states(tok: Token, parsed: ParsedArticle, index: ActorIndex) -> list[Mention]:
    """"Both sides", "the two countries": the last pair the article made subjects together ("Japan and
    the United States signed"), else the two states it has named most so far."""
    offset = parsed.offset(tok)
    for sent in reversed([s for s in parsed.sentences if s.start < offset]):
        for subject in (t for t in sent.span if t.dep_ in ("nsubj", "nsubjpass") and t.conjuncts):
            pair = [index.at(parsed.offset(t), parsed.offset(t) + len(t)) for t in (subject, *subject.conjuncts)]
            pair = [m for m in pair if m is not None and index.type_of(m.actor) != "group"]
            if len(pair) == 2 and pair[0].actor != pair[1].actor and parsed.offset(subject) < offset:
                return pair
    before = [m for m in index.mentions if m.start < offset and index.type_of(m.actor) == "country"]
    counts: dict[str, int] = {}
    for m in before:
        counts[m.actor] = counts.get(m.actor, 0) + 1
    latest = {m.actor: m for m in before}
    ranked = sorted(counts, key=lambda a: (counts[a], latest[a].start), reverse=True)
    return [latest[a] for a in ranked[:2]] if len(ranked) >= 2 else []


def has_negation(tok: Token) -> bool:
    return any(c.dep_ == "neg" or (c.lower_ in NEGATIONS and c.dep_ in ("neg", "advmod", "det")) for c in tok.children)


def modal_of(tok: Token) -> str:
    if tok.tag_ == "MD" and tok.dep_ not in ("aux", "auxpass"):
        return tok.lower_  # "will fast-track ratification": the tagger made the hyphenated verb a noun
    for c in tok.children:
        if c.dep_ == "aux" and c.lower_ in HEDGE_MODALS | FUTURE_MARKERS | {"would", "can", "must"}:
            return c.lower_
    return ""


def status_markers(tokens: list[Token]) -> set[str]:
    """Status cues on a clause chain: negation, hedges, futures, openness, indecision."""
    marks: set[str] = set()
    for tok in tokens:
        if has_negation(tok):
            marks.add("negated")
        modal = modal_of(tok)
        if modal in HEDGE_MODALS:
            marks.add("hedged")
        elif modal in FUTURE_MARKERS:
            marks.add("future")
        elif modal == "would":
            marks.add("conditional")
        for c in tok.children:
            if c.lower_ in UNDECIDED_WORDS:
                marks.add("undecided")
            if c.lower_ in CONSIDER_WORDS and c.dep_ in ("acomp", "dobj", "attr", "oprd") and not (
                    c.lower_ == "open" and (c.dep_ == "oprd" or not any(g.lower_ == "to" for g in c.children))):
                marks.add("open")  # "is open to talks", not "keep the border open (to ...)"
        if tok.lower_ in UNDECIDED_WORDS:
            marks.add("undecided")
    if "conditional" in marks and tokens and reported_future(tokens[0]):
        marks.discard("conditional")
        marks.add("future")
    text = _local_text(tokens).lower()  # this clause only: another actor's hedge is not ours
    if re.search(r"\byet to (?:decide|determine|commit)|\bnot (?:yet )?decided\b", text):
        marks.add("undecided")
    if re.search(r"\bunder (?:negotiation|discussion|consideration|review)\b", text):
        marks.add("open")
    return marks


def clause_head(verb: Token) -> Token:
    """The finite verb heading the clause a verb belongs to (up through xcomp and conjunction)."""
    node = verb
    while node.dep_ in ("xcomp", "conj", "pcomp") and node.head.i != node.i:
        node = node.head
    return node


def reporting_verb(verb: Token) -> Token | None:
    """The speech verb that reports this clause ("said it would", "..., the minister said"), if any."""
    head = clause_head(verb)
    if head.dep_ in ("ccomp", "parataxis") and head.head.lemma_.lower() in REPORTING_VERBS:
        return head.head
    if head.dep_ == "ROOT":  # "Sanctions will be restored, the EU said": the parser may invert it
        for child in head.children:
            if child.dep_ in ("parataxis", "ccomp") and child.lemma_.lower() in REPORTING_VERBS and child.i > head.i \
                    and any(g.dep_ in ("nsubj", "nsubjpass") for g in child.children):
                return child
    return None


def reported_future(verb: Token) -> bool:
    """"would" is a future when a past speech verb reports it and no condition hangs on it."""
    speech = reporting_verb(verb)
    if speech is None or speech.tag_ not in ("VBD", "VBN"):
        return False
    head = clause_head(verb)
    return not any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
                   for node in (verb, head) for c in node.children)


def reports_commitment(speech: Token) -> bool:
    """A speech verb whose reported clause is a commitment: a future or modal action, or a
    commitment verb ("said it would match the cap", "Tokyo will apply the rule, he said")."""
    if speech.lemma_.lower() not in ("say", "tell", "add", "confirm", "announce", "state", "report"):
        return False  # "argued that ... would": the argument is the statement
    for clause in (c for c in speech.children if c.dep_ in ("ccomp", "parataxis")):
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")] or [
            c for c in speech.children if c.dep_ == "nsubj" and c.i < clause.i]  # the parser may hang it on "said"
        if not subjects or not any(t.pos_ in ("PRON", "PROPN") or t.tag_ == "NNS" for s in subjects
                                   for t in (s, *s.children)):
            continue  # "said Western presence would prevent ...": a claim about the world
        for verb in (clause, *(c for c in clause.children if c.dep_ in ("xcomp", "conj"))):
            passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
            if verb.lemma_.lower() in COMMIT_VERBS and verb.lemma_.lower() not in ("say", "decide") and not passive:
                return True  # "said the measures were aimed at" describes them: a claim
            if (any(c.dep_ == "aux" and c.lower_ in FUTURE_MARKERS | {"would"} for c in verb.children)
                    or modal_of(verb) in FUTURE_MARKERS) and not has_negation(verb):
                return True  # also "will fast-track ratification", where the modal heads the clause
    return False


def _local_text(tokens: list[Token]) -> str:
    """The words around a clause chain: from a few tokens before its first verb to after its last."""
    if not tokens:
        return ""
    doc = tokens[0].doc
    first = min(t.i for t in tokens)
    head = tokens[0].head if tokens[0].dep_ in ("xcomp", "pcomp") else tokens[0]
    start = max(min(first, head.i) - 3, tokens[0].sent.start)
    end = min(max(t.i for t in tokens) + 4, tokens[0].sent.end)
    return doc[start:end].text


def category_of(tokens: list[Token]) -> str:
    """First category whose keywords appear among the tokens (lemmas, words and word pairs)."""
    words = [t.lower_ for t in tokens]
    lemmas = [t.lemma_.lower() for t in tokens]
    grams = set(words) | set(lemmas)
    for n in (2, 3, 4):
        grams |= {" ".join(words[i:i + n]) for i in range(len(words) - n + 1)}
        grams |= {" ".join(lemmas[i:i + n]) for i in range(len(lemmas) - n + 1)}
    for category, keywords in CATEGORY_KEYWORDS:
        if any(k in grams for k in keywords):
            return category
    return ""


def subtree_tokens(tok: Token, stop: set[int] | None = None) -> list[Token]:
    """Tokens under `tok`, in order, leaving out sub-clauses whose heads are in `stop`."""
    stop = stop or set()
    out = []
    for t in tok.subtree:
        node, skip = t, False
        while node.i != tok.i:
            if node.i in stop:
                skip = True
                break
            node = node.head
        if not skip:
            out.append(t)
    return out
