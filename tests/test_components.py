"""Each rule component on a parse built by hand (as textacy's tests do): the tags, dependencies and
entities are written out below, so these tests do not move when the language model changes, and an
extractor that needs the actor index gets one built by hand, so they do not move when actor
detection changes either. Expected rows are what the sentence says, written before running."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.util import get_words_and_spaces

from dossier import components
from dossier.actors import ActorIndex, Mention
from dossier.actors.model import Actor
from dossier.ingest.article import Article
from dossier.nlp import ParsedArticle, shared_vocab
from dossier.runner import run
from dossier.schema import ActorRow, MentionRow, Pledge, Precedent, Quote, SentenceRow, Statement, TimelineEvent
from dossier.tables import frame

PUBLISHED = "2025-03-14"  # a Friday


def parsed_from(*sentences: tuple[str, str]) -> ParsedArticle:
    """One paragraph of sentences, each given as its text and one line per token:
    word, coarse tag, fine tag, dependency, head (1-based within the sentence, 0 for the root),
    lemma and entity label ("-" for none; neighbouring tokens with one label form one entity)."""
    words, pos, tags, deps, heads, lemmas, ents, starts = [], [], [], [], [], [], [], []
    for _text, table in sentences:
        offset = len(words)
        for i, line in enumerate(line.split() for line in table.strip().splitlines()):
            word, coarse, fine, dep, head, lemma, ent = line
            words.append(word)
            pos.append(coarse)
            tags.append(fine)
            deps.append(dep)
            heads.append(offset + (int(head) - 1 if head != "0" else i))
            lemmas.append(lemma)
            previous = ents[-1][2:] if ents and ents[-1] != "O" and i else None
            ents.append("O" if ent == "-" else f"{'I' if previous == ent else 'B'}-{ent}")
            starts.append(i == 0)
    text = " ".join(text for text, _ in sentences)
    article = Article.from_text(text + "\n", slug="hand-built", published=PUBLISHED)
    assert [(b.start, b.end, b.kind) for b in article.blocks] == [(0, len(text), "paragraph")]
    words, spaces = get_words_and_spaces(words, text)
    doc = Doc(shared_vocab(), words=words, spaces=spaces, pos=pos, tags=tags, deps=deps, heads=heads,
              lemmas=lemmas, ents=ents, sent_starts=starts)
    doc.user_data["block_start"] = 0
    doc.user_data["block_index"] = 0
    return ParsedArticle(article, [doc])


def index_of(*mentions: tuple[str, str, str, int]) -> ActorIndex:
    """An actor index by hand: (actor, type, words, start) per mention by name, all in sentence 0."""
    found = [Mention(actor, words, start, start + len(words), 0, "name") for actor, _, words, start in mentions]
    actors = {actor: Actor(name=actor, type=kind) for actor, kind, *_ in mentions}
    return ActorIndex(found, actors)


def rows(component, table: str, **given) -> list[dict]:
    """Run one component on what it is given; its table's rows as plain records (typed by the schema)."""
    return run([component], [table], given)[table].to_dict("records")


def expected(table: str, *items) -> list[dict]:
    return frame(table, list(items)).to_dict("records")


PLEDGE = ("France will send 200 troops to Ukraine by 2027.", """
France   PROPN NNP nsubj  3 France  GPE
will     AUX   MD  aux    3 will    -
send     VERB  VB  ROOT   0 send    -
200      NUM   CD  nummod 5 200     CARDINAL
troops   NOUN  NNS dobj   3 troop   -
to       ADP   IN  prep   3 to      -
Ukraine  PROPN NNP pobj   6 Ukraine GPE
by       ADP   IN  prep   3 by      -
2027     NUM   CD  pobj   8 2027    DATE
.        PUNCT .   punct  3 .       -
""")
REFUSAL = ("Italy will not send troops.", """
Italy   PROPN NNP nsubj 4 Italy GPE
will    AUX   MD  aux   4 will  -
not     PART  RB  neg   4 not   -
send    VERB  VB  ROOT  0 send  -
troops  NOUN  NNS dobj  4 troop -
.       PUNCT .   punct 4 .     -
""")
WARNING = ("Norway warned Sweden.", """
Norway  PROPN NNP nsubj 2 Norway GPE
warned  VERB  VBD ROOT  0 warn   -
Sweden  PROPN NNP dobj  2 Sweden GPE
.       PUNCT .   punct 2 .      -
""")
QUOTE = ("Norway called the plan “a good start”.", """
Norway  PROPN NNP   nsubj 2 Norway GPE
called  VERB  VBD   ROOT  0 call   -
the     DET   DT    det   4 the    -
plan    NOUN  NN    nsubj 8 plan   -
“       PUNCT ``    punct 8 “      -
a       DET   DT    det   8 a      -
good    ADJ   JJ    amod  8 good   -
start   NOUN  NN    oprd  2 start  -
”       PUNCT ''    punct 8 ”      -
.       PUNCT .     punct 2 .      -
""")
PRECEDENT = ("The Budapest Memorandum failed.", """
The         DET   DT  det   3 the         -
Budapest    PROPN NNP compound 3 Budapest LAW
Memorandum  PROPN NNP nsubj 4 Memorandum  LAW
failed      VERB  VBD ROOT  0 fail        -
.           PUNCT .   punct 4 .           -
""")
MEETING = ("Spain will host talks on Monday.", """
Spain   PROPN NNP nsubj 3 Spain  GPE
will    AUX   MD  aux   3 will   -
host    VERB  VB  ROOT  0 host   -
talks   NOUN  NNS dobj  3 talk   -
on      ADP   IN  prep  3 on     -
Monday  PROPN NNP pobj  5 Monday DATE
.       PUNCT .   punct 3 .      -
""")


def test_sentences_are_the_parse_sentences_with_their_offsets():
    parsed = parsed_from(WARNING, PRECEDENT)
    assert rows(components.sentences, "sentences", parsed=parsed) == expected(
        "sentences",
        SentenceRow(0, 0, "paragraph", 0, 21, "Norway warned Sweden."),
        SentenceRow(1, 0, "paragraph", 22, 53, "The Budapest Memorandum failed."),
    )


def test_actors_are_the_countries_named_each_with_its_mention():
    parsed = parsed_from(WARNING)
    tables = run([components.actors], ["actors", "mentions"], {"parsed": parsed})
    sentence = "Norway warned Sweden."
    assert tables["actors"].to_dict("records") == expected(
        "actors",
        ActorRow("Norway", "country", "", "", "", 1, "", sentence, 0, 6),
        ActorRow("Sweden", "country", "", "", "", 1, "", sentence, 14, 20),
    )
    assert tables["mentions"].to_dict("records") == expected(
        "mentions",
        MentionRow("Norway", "Norway", "name", 0, 6, 0, sentence),
        MentionRow("Sweden", "Sweden", "name", 14, 20, 0, sentence),
    )


def test_a_pledge_has_its_actor_category_firmness_quantity_and_deadline():
    parsed = parsed_from(PLEDGE)
    index = index_of(("France", "country", "France", 0), ("Ukraine", "country", "Ukraine", 31))
    sentence = PLEDGE[0]
    assert rows(components.pledges, "pledges", parsed=parsed, actor_index=index) == expected(
        "pledges",
        Pledge("France", "troops", "committed", "200 troops", "2027", "send", sentence, 0, 0, len(sentence)),
    )


def test_a_refusal_is_a_pledge_ruled_out():
    parsed = parsed_from(REFUSAL)
    index = index_of(("Italy", "country", "Italy", 0))
    assert rows(components.pledges, "pledges", parsed=parsed, actor_index=index) == expected(
        "pledges", Pledge("Italy", "troops", "ruled_out", "", "", "send", REFUSAL[0], 0, 0, 27),
    )


def test_the_pledge_goes_to_whoever_the_index_says_the_subject_is():
    """The actor comes from the index, not from the words: a hand-made index decides."""
    parsed = parsed_from(PLEDGE)
    index = index_of(("Paris Government", "country", "France", 0))
    assert [r["actor"] for r in rows(components.pledges, "pledges", parsed=parsed, actor_index=index)] == [
        "Paris Government"]


def test_a_warning_is_a_statement_by_its_subject_at_its_object():
    parsed = parsed_from(WARNING)
    index = index_of(("Norway", "country", "Norway", 0), ("Sweden", "country", "Sweden", 14))
    said = components.direct_statements.run(parsed=parsed, actor_index=index)
    no_quotes = frame("quotes", [])
    assert rows(components.statements, "statements", parsed=parsed, direct_statements=said, quotes=no_quotes) == \
        expected("statements", Statement("Norway", "warning", "Sweden", "warned", WARNING[0], 0, 0, 21))


def test_a_quote_is_the_quoted_words_attributed_to_the_subject_of_the_verb_in_its_sentence():
    parsed = parsed_from(QUOTE)
    index = index_of(("Norway", "country", "Norway", 0))
    assert rows(components.quotes, "quotes", parsed=parsed, actor_index=index, direct_statements=[]) == expected(
        "quotes", Quote("a good start", "Norway", "same-sentence verb", QUOTE[0], 0, 24, 36),
    )


def test_a_known_precedent_comes_with_its_year_and_a_failure_makes_it_cautionary():
    parsed = parsed_from(PRECEDENT)
    assert rows(components.precedents, "precedents", parsed=parsed) == expected(
        "precedents",
        Precedent("Budapest Memorandum", "Budapest Memorandum", 1994, "memorandum", "cautionary", "knowledge base",
                  PRECEDENT[0], 0, 4, 23),
    )


def test_a_weekday_is_dated_from_the_publication_date_and_given_its_actor():
    parsed = parsed_from(MEETING)
    index = index_of(("Spain", "country", "Spain", 0))
    assert rows(components.timeline, "timeline", parsed=parsed, actor_index=index) == expected(
        "timeline", TimelineEvent("2025-03-17", "day", "Monday", "on", "Spain", MEETING[0], 0, 25, 31),
    )


@pytest.mark.parametrize("sentence", [PLEDGE, REFUSAL, WARNING, QUOTE, PRECEDENT, MEETING], ids=lambda s: s[0][:20])
def test_the_hand_built_parse_is_the_sentence(sentence):
    """The helper itself: tokens line up with the text and the tree has one root."""
    doc = parsed_from(sentence).docs[0]
    assert doc.text == sentence[0]
    assert sum(t.dep_ == "ROOT" for t in doc) == 1
