"""Direct quotations and who said them."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dossier.actors.model import ActorIndex, Mention
from dossier.commitments.statements import post_holders, speaker_tokens
from dossier.grammar import QUOTE_PATTERN, actors_of, clause_subject
from dossier.lexicon import DOCUMENT_NOUNS, LABELLING_VERBS, STATEMENT_VERBS
from dossier.schema import Quote, Statement

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dossier.nlp import ParsedArticle, Sentence

# A quotation typed with one straight and one curly mark ("It was decided…,” said X): the
# standard pattern wants a matching pair, so these are found apart.
MIXED_QUOTES = re.compile(r'(?:(?<=\s)|^)"([^"“”\n]{1,2000})”|“([^"“”\n]{1,2000})"(?=[\s,.;:!?]|$)')


def _sentence_at(parsed: ParsedArticle, offset: int) -> Sentence | None:
    for sent in parsed.sentences:
        if sent.start <= offset < sent.end + 1:
            return sent
    return None


def _speaker_in(sent: Sentence, parsed: ParsedArticle, index: ActorIndex, q_start: int, q_end: int) -> str:
    """Speaker through a speech verb in the sentence: the innermost one whose words hold the quote
    ("Britain said ..., and Ottawa said it would follow “within days”"), else the one nearest the
    quote; "according to X" names a speaker too. A verb inside the quote is the quoted speaker's."""
    best: tuple[int, str] | None = None
    for tok in sent.span:
        if tok.lower_ == "according" and tok.i + 2 < sent.span.end and tok.nbor().lower_ == "to":
            named = [c for c in tok.nbor().children if c.dep_ == "pobj"] or [tok.doc[tok.i + 2]]
            # "according to a statement from the Commission": the document's author
            authors = [g for n in named if n.lemma_.lower() in DOCUMENT_NOUNS for c in n.children
                       if c.dep_ == "prep" and c.lower_ in ("from", "by", "of") for g in c.children if g.dep_ == "pobj"]
            source = actors_of(authors or named, parsed, index)
            if source:
                return source[0].actor
    for verb in sent.span:
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        lemma = verb.lemma_.lower()
        if lemma not in STATEMENT_VERBS and lemma not in LABELLING_VERBS:
            continue
        pos = parsed.offset(verb)
        if q_start <= pos < q_end:
            continue  # "“Nobody won, and both sides admit it.”": the quoted words' own verb
        speakers = _speakers_of(verb, parsed, index)
        if not speakers:
            continue
        subtree = verb.subtree
        span_start = parsed.offset(next(subtree))
        span_end = parsed.offset(verb.doc[verb.right_edge.i]) + len(verb.doc[verb.right_edge.i])
        if span_start <= q_start and q_end <= span_end:
            # the quote is part of what this verb reports: the innermost such verb names the speaker
            rank = -1000 + sum(1 for _ in verb.subtree)
        else:
            rank = min(abs(pos - q_start), abs(pos - q_end))
        if best is None or rank < best[0]:
            best = (rank, speakers[0].actor)
    return best[1] if best else ""


def _speakers_of(verb: Token, parsed: ParsedArticle, index: ActorIndex) -> list[Mention]:
    """Who performs a speech verb: its subject; "state media quoted him as saying": the one quoted;
    "the head of the agency described it as": the body a post belongs to, when the holder is unnamed."""
    if verb.lemma_.lower() == "quote" and any(c.lower_ == "saying" for c in verb.subtree):
        quoted = actors_of([c for c in verb.children if c.dep_ == "dobj"], parsed, index)
        if quoted:
            return quoted
    subjects = speaker_tokens(verb)
    found = actors_of(subjects, parsed, index)
    node = verb
    while not found and node.head.i != node.i:  # "X, a minister, accused Kyiv of ... and called it “…”"
        node = node.head
        if node.pos_ == "VERB" and node.lemma_.lower() in STATEMENT_VERBS:
            found = actors_of(speaker_tokens(node), parsed, index)
    return found or post_holders(subjects, parsed, index)


def _clause_speaker(sent: Sentence, parsed: ParsedArticle, index: ActorIndex, q_start: int, q_end: int) -> str:
    """A few words quoted inside a sentence with no speech verb for them ("Berlin would “look
    closely” at the text", "a deal rights groups condemned as “outsourcing cruelty”"): the words
    are those of the actor doing what the clause around them says."""
    base = sent.span.doc.user_data["block_start"]
    inside = [t for t in sent.span if q_start <= base + t.idx < q_end]
    if not inside or len(inside) >= len([t for t in sent.span if not t.is_punct]) - 1:
        return ""
    ids = {t.i for t in inside}
    node = inside[0]
    while node.head.i in ids and node.head.i != node.i:
        node = node.head  # the quoted phrase's own head word
    for _ in range(12):
        if node.pos_ in ("VERB", "AUX"):
            subjects = [t for t in clause_subject(node) if t.i not in ids]
            found = actors_of(subjects, parsed, index)
            if found or subjects:
                return found[0].actor if found else ""  # "a deal rights groups condemned as": theirs or no one's
        if node.head.i == node.i:
            break
        node = node.head
    return ""


def _document_speaker(sent: Sentence, q_start: int, q_end: int, parsed: ParsedArticle) -> bool:
    """"…,” the statement added": the quote comes from a document, not a person named here."""
    for verb in sent.span:
        if verb.lemma_.lower() in STATEMENT_VERBS and not q_start <= parsed.offset(verb) < q_end \
                and any(s.lemma_.lower() in DOCUMENT_NOUNS for s in clause_subject(verb)):
            return True
    return False


def _last_speaker(sent: Sentence, parsed: ParsedArticle, statements: list[Statement],
                  index: ActorIndex) -> str:
    """Who spoke last in the same paragraph, or failing that, the person last named as a subject."""
    earlier = [s for s in statements if s.sentence_id < sent.index
               and parsed.sentences[s.sentence_id].block == sent.block]
    if earlier:
        return earlier[-1].speaker
    people = [m for m in index.mentions if m.start < sent.start
              and parsed.sentences[m.sentence].block == sent.block and index.type_of(m.actor) == "person"]
    return people[-1].actor if people else ""


def _opens_paragraph(sent: Sentence, parsed: ParsedArticle, q_start: int) -> bool:
    """Whether the quote is the first thing in its paragraph (only its opening mark before it)."""
    block = parsed.article.blocks[sent.block]
    return not parsed.article.text[block.start:q_start].strip(" \"“‘«")


def _quote_spans(text: str) -> list[tuple[int, int, str]]:
    """Each quotation as (start of the match, start of its words, its words)."""
    found: list[tuple[int, int, str]] = []
    for match in QUOTE_PATTERN.finditer(text):
        group = next(g for g in range(1, 5) if match.group(g) is not None)
        found.append((match.start(), match.start(group), match.group(group)))
    taken = [(m_start, q + len(raw)) for m_start, q, raw in found]
    for match in MIXED_QUOTES.finditer(text):
        if any(a < match.end() and match.start() < b for a, b in taken):
            continue
        group = 1 if match.group(1) is not None else 2
        found.append((match.start(), match.start(group), match.group(group)))
    return sorted(found)


def _recent_speaker(sent: Sentence, parsed: ParsedArticle, index: ActorIndex, statements: list[Statement],
                    quotes: list[Quote]) -> str:
    """Who spoke last in the three sentences before this one: a statement, a quote, or failing
    those a speech verb with an actor as its subject ("the ministry said in a statement that ...")."""
    # (sentence, position in the text, speaker): the latest wins, not the name that sorts last
    earlier = [(s.sentence_id, s.start, s.speaker) for s in statements if sent.index - 3 <= s.sentence_id < sent.index]
    earlier += [(q.sentence_id, q.start, q.speaker) for q in quotes
                if q.speaker and sent.index - 3 <= q.sentence_id < sent.index]
    for before in parsed.sentences[max(0, sent.index - 3):sent.index]:
        for verb in before.span:
            if verb.pos_ == "VERB" and verb.lemma_.lower() in STATEMENT_VERBS:
                found = actors_of(speaker_tokens(verb), parsed, index)
                if found:
                    earlier.append((before.index, parsed.offset(verb), found[0].actor))
    return max(earlier, key=lambda e: (e[0], e[1]))[2] if earlier else ""


def _colon_speaker(text: str, match_start: int, parsed: ParsedArticle, index: ActorIndex) -> str:
    """"Johnson had a message for negotiators: “...”": the subject of the clause the colon ends."""
    lead = _sentence_at(parsed, len(text[:match_start].rstrip()) - 1)
    if lead is None:
        return ""
    root = lead.span.root
    found = actors_of([c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")], parsed, index)
    return found[0].actor if found else ""


def extract_quotes(parsed: ParsedArticle, index: ActorIndex, statements: list[Statement]) -> list[Quote]:
    text = parsed.article.text
    body_blocks = {i for i, b in enumerate(parsed.article.blocks) if b.kind == "paragraph"}
    out: list[Quote] = []
    for match_start, words_start, raw in _quote_spans(text):
        quote = raw.strip().rstrip(",").rstrip()  # the comma before "he said" is the writer's, not the speaker's
        q_start = words_start + (len(raw) - len(raw.lstrip()))
        q_end = q_start + len(quote)
        sent = _sentence_at(parsed, match_start)
        if sent is None or sent.block not in body_blocks or not re.search(r"\w", quote):
            continue
        speaker, how = _speaker_in(sent, parsed, index, q_start, q_end), "same-sentence verb"
        end_sent = _sentence_at(parsed, q_end)
        if not speaker and end_sent is not None and end_sent.index != sent.index:
            speaker = _speaker_in(end_sent, parsed, index, q_start, q_end)
        if not speaker and text[:match_start].rstrip().endswith(":"):
            speaker, how = _colon_speaker(text, match_start, parsed, index), "introduced by a colon"
        if not speaker:
            speaker, how = _clause_speaker(sent, parsed, index, q_start, q_end), "clause subject"
        if not speaker and any(_document_speaker(s, q_start, q_end, parsed) for s in (sent, end_sent) if s):
            # "…,” the statement added.
            speaker, how = _recent_speaker(sent, parsed, index, statements, out), "document"
        if not speaker and sent.index + 1 < len(parsed.sentences):
            nxt = parsed.sentences[sent.index + 1]
            if nxt.block == sent.block and len(nxt.span) <= 8:  # "“...,” he said." split off
                speaker, how = _speaker_in(nxt, parsed, index, q_start, q_end), "adjacent sentence"
        if not speaker:
            speaker, how = _last_speaker(sent, parsed, statements, index), "paragraph speaker"
        if not speaker and _opens_paragraph(sent, parsed, q_start) and out and out[-1].speaker \
                and parsed.sentences[out[-1].sentence_id].block == sent.block - 1:
            speaker, how = out[-1].speaker, "previous paragraph"  # a quote running on into a new paragraph
        out.append(Quote(quote=quote, speaker=speaker, how=how if speaker else "unattributed",
                         evidence=sent.text, sentence_id=sent.index, start=q_start, end=q_end))
    return out
