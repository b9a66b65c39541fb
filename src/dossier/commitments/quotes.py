"""Direct quotations and who said them."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dossier.actors.model import ActorIndex
from dossier.grammar import QUOTE_PATTERN, actors_of, clause_subject
from dossier.lexicon import STATEMENT_VERBS
from dossier.schema import Quote, Statement

if TYPE_CHECKING:
    from dossier.nlp import ParsedArticle, Sentence

SPEECH_EXTRA = {"describe", "call", "term", "label", "brand", "dub"}



def _sentence_at(parsed: ParsedArticle, offset: int) -> Sentence | None:
    for sent in parsed.sentences:
        if sent.start <= offset < sent.end + 1:
            return sent
    return None


def _speaker_in(sent: Sentence, parsed: ParsedArticle, index: ActorIndex, q_start: int, q_end: int) -> str:
    """Speaker through a speech verb in the sentence, preferring the verb nearest the quote;
    "according to X" names a speaker too."""
    best: tuple[int, str] | None = None
    for tok in sent.span:
        if tok.lower_ == "according" and tok.i + 2 < sent.span.end and tok.nbor().lower_ == "to":
            source = actors_of([tok.doc[tok.i + 2]], parsed, index)
            if source:
                return source[0].actor
    for verb in sent.span:
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        lemma = verb.lemma_.lower()
        if lemma not in STATEMENT_VERBS and lemma not in SPEECH_EXTRA:
            continue
        speakers = actors_of(clause_subject(verb), parsed, index)
        if not speakers:
            continue
        pos = parsed.offset(verb)
        subtree = verb.subtree
        span_start = parsed.offset(next(subtree))
        span_end = parsed.offset(verb.doc[verb.right_edge.i]) + len(verb.doc[verb.right_edge.i])
        if span_start <= q_start and q_end <= span_end:
            # the quote is part of what this verb reports: the outermost such verb names the speaker
            rank = -1000 - sum(1 for _ in verb.subtree)
        else:
            rank = min(abs(pos - q_start), abs(pos - q_end))
        if best is None or rank < best[0]:
            best = (rank, speakers[0].actor)
    return best[1] if best else ""


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


def extract_quotes(parsed: ParsedArticle, index: ActorIndex, statements: list[Statement]) -> list[Quote]:
    text = parsed.article.text
    body_blocks = {i for i, b in enumerate(parsed.article.blocks) if b.kind == "paragraph"}
    out: list[Quote] = []
    for match in QUOTE_PATTERN.finditer(text):
        group = next(g for g in range(1, 5) if match.group(g) is not None)
        raw = match.group(group)
        quote = raw.strip().rstrip(",").rstrip()  # the comma before "he said" is the writer's, not the speaker's
        q_start = match.start(group) + (len(raw) - len(raw.lstrip()))
        q_end = q_start + len(quote)
        sent = _sentence_at(parsed, match.start())
        if sent is None or sent.block not in body_blocks or not re.search(r"\w", quote):
            continue
        speaker, how = _speaker_in(sent, parsed, index, q_start, q_end), "same-sentence verb"
        if not speaker:
            end_sent = _sentence_at(parsed, match.end() - 1)
            if end_sent is not None and end_sent.index != sent.index:
                speaker = _speaker_in(end_sent, parsed, index, q_start, q_end)
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
