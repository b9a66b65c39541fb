"""People: names from the entity recogniser, titles around them, surnames merged to full names."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import dossier.actors.gazetteer as gazetteer
from dossier import kb

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Words of organization names: a titled span holding one is not a person's name.
ORG_WORDS = {"Ministry", "Department", "Commission", "Council", "Agency", "Fund", "Bank", "Office", "Party",
             "Union", "Committee", "Group", "Association", "Institute", "Organization", "Organisation", "Campaign",
             "Coalition", "Alliance", "Forum", "Corporation", "Company", "Foundation", "Network", "Court"}
# Courtesy titles some papers put before every surname ("Mrs Merkel", "Mr. Kim"): not part of the name.
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "madam", "mme", "m"}
NAME_PARTICLES = {"de", "da", "van", "von", "der", "bin", "al", "el", "ibn", "la", "le", "du", "dos", "di"}
# Words a model sometimes folds into a PERSON entity that are not part of the name.
GENERIC_TITLE_WORDS = {"leader", "chief", "head", "spokesperson", "spokesman", "spokeswoman", "official",
                       "minister", "president", "envoy", "secretary", "commander", "general"}


@dataclass
class Title:
    role: str  # the title as written, e.g. "Foreign Minister"
    country: str  # canonical country it attaches to, if stated
    affiliation: str  # organization it attaches to, if stated


def title_role(words: list[str]) -> str:
    """Longest known title inside a phrase ("European Council President" -> "President")."""
    table = kb.titles()
    best = ""
    for i in range(len(words)):
        for j in range(len(words), i, -1):
            phrase = " ".join(words[i:j])
            if phrase.lower() in table and len(phrase) > len(best):
                best = phrase
    return best


def is_title_word(token: Token) -> bool:
    return token.lower_ in kb.titles() or token.lower_ in GENERIC_TITLE_WORDS


def clean_person_span(span: Span) -> Span | None:
    """Trim titles and possessives off a PERSON entity; None when it is not a name at all."""
    start, end = span.start, span.end
    doc = span.doc
    # the model sometimes stops short of the surname ("Ursula von der" + "Leyen") or splits a name
    # at a particle ("Prince Abdulaziz" + "bin Salman")
    def name_part(tok: Token) -> bool:
        return tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.ent_type_ in ("", "PERSON") \
            and not gazetteer.lookup(tok.text) and not is_title_word(tok)

    while end < len(doc) and end < span.sent.end and (
            doc[end - 1].lower_ in NAME_PARTICLES or name_part(doc[end])
            or (doc[end].lower_ in NAME_PARTICLES and end + 1 < span.sent.end and name_part(doc[end + 1]))):
        end += 1
    while start > span.sent.start and doc[start].lower_ in NAME_PARTICLES and name_part(doc[start - 1]):
        start -= 1
    if end + 1 < span.sent.end and doc[end].text in ("In", "Un", "Il") and doc[end - 1].pos_ == "PROPN" \
            and doc[end + 1].pos_ in ("VERB", "AUX", "PUNCT"):
        end += 1  # "Moon Jae In said": the last syllable of a Korean given name is not a preposition
    # "Ana Clara Medeiros" tagged from "Clara": a first name the model left out is compound to the name
    while start > span.sent.start and name_part(doc[start - 1]) and doc[start - 1].dep_ == "compound" \
            and start <= doc[start - 1].head.i < end:
        start -= 1
    while start < end and (is_title_word(doc[start]) or doc[start].is_punct
                           or doc[start].lower_.rstrip(".") in HONORIFICS
                           or gazetteer.lookup(doc[start].text) or doc[start].text in kb.demonyms()):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if start >= end:
        return None
    name = doc[start:end]
    for tok in name:
        if not (tok.text[:1].isupper() or tok.lower_ in NAME_PARTICLES or tok.text in ("-", ".")):
            return None
    if gazetteer.lookup(name.text) or name.text in kb.demonyms() or name.text in kb.regions():
        return None
    if len(name) == 1 and (is_title_word(name[0]) or not name[0].is_alpha):
        return None
    return name


def titled_names(sent: Span) -> list[Span]:
    """Names the entity recogniser missed but a title gives away: "the envoy for Sudan, Ramtane
    Lamamra," or "Foreign Minister Ramtane Lamamra"; returned as PERSON spans."""
    from spacy.tokens import Span

    doc, found = sent.doc, []
    # the small model often takes a titled name for an organization ("spokeswoman Maja Holmgren")
    mistaken = {"", "ORG", "NORP"}
    for tok in sent:
        if tok.pos_ != "PROPN" or tok.ent_type_ not in mistaken or not tok.text[:1].isupper():
            continue
        if tok.i + 1 < sent.end and doc[tok.i + 1].pos_ == "PROPN" and doc[tok.i + 1].dep_ == "compound":
            continue  # not the last word of the name
        start = tok.i
        while start > sent.start:
            if doc[start - 1].text == "-" and start - 2 >= sent.start and doc[start - 2].pos_ == "PROPN" \
                    and doc[start - 2].text[:1].isupper() and doc[start - 1].idx + 1 == doc[start].idx:
                start -= 2  # "Ilunga-Mwamba": a hyphenated surname is one name
                continue
            if doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound" \
                    and doc[start - 1].text[:1].isupper() and doc[start - 1].ent_type_ in mistaken \
                    and not is_title_word(doc[start - 1]):
                start -= 1
                continue
            break
        end = tok.i + 1
        if end - start < 2 or any(is_title_word(t) or gazetteer.lookup(t.text) or t.text.isupper()
                                  or t.text in ORG_WORDS for t in doc[start:end] if t.text != "-"):
            continue
        # "the envoy for Sudan, Ramtane Lamamra": the parser may hang the name on "Sudan"
        chain = [tok.head, tok.head.head, tok.head.head.head]
        appositive = (tok.dep_ == "appos" and any(is_title_word(t) for t in chain)) or any(
            c.dep_ == "appos" and is_title_word(c) for c in tok.children)  # "said Ana Ruiz, the minister"
        after_title = start > sent.start and is_title_word(doc[start - 1])
        # "Priya Raghunathan of Medecins Sans Frontieres called ...": a name its organization follows
        affiliated = tok.dep_ in ("nsubj", "nsubjpass", "appos") and end + 1 < sent.end \
            and doc[end].lower_ in ("of", "from", "at") and doc[end + 1].ent_type_ == "ORG" and end - start <= 3
        if appositive or after_title or affiliated:
            found.append(Span(doc, start, end, label="PERSON"))
    return found


def title_before(doc: Doc, start: int) -> Title | None:
    """Title words right before a name: "Russian President", "Kremlin spokesperson", "Foreign Minister"."""
    i = start
    while i > 0 and start - i < 6:
        tok = doc[i - 1]
        if tok.is_punct or (tok.pos_ in ("VERB", "AUX", "ADP", "DET", "PRON", "CCONJ", "NUM") and tok.text != "'s"):
            break
        i -= 1
    words = [t.text for t in doc[i:start] if t.tag_ != "POS"]
    return _title_from_words(words)


def title_in_apposition(doc: Doc, end: int) -> Title | None:
    """", European Council President," or ", the trade commissioner," right after a name."""
    if end >= len(doc) or doc[end].text != ",":
        return None
    words = []
    for tok in doc[end + 1:end + 8]:
        if tok.text in (",", ".", ";") or tok.pos_ in ("VERB", "AUX"):
            break
        if tok.lower_ not in ("the", "a", "an"):
            words.append(tok.text)
    return _title_from_words(words)


def _title_from_words(words: list[str]) -> Title | None:
    role = title_role(words)
    if not role:
        return None
    country = affiliation = ""
    for n in range(len(words), 0, -1):  # longest modifier first ("European Council")
        for i in range(0, len(words) - n + 1):
            phrase = " ".join(words[i:i + n])
            entry = gazetteer.lookup(phrase)
            if entry and entry.type == "country" and not country:
                country = entry.name
            elif entry and entry.type == "organization" and not affiliation:
                affiliation = entry.name
            elif phrase in kb.demonyms() and not country:
                country = kb.demonyms()[phrase]
    return Title(role=role, country=country, affiliation=affiliation)
