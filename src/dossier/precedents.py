"""Stage 4a: historical events, treaties and agreements the article invokes, and how.

Two sources: a knowledge base of well-known events (with their years), and patterns for
events it does not know: proper modifiers or a year before an event noun ("the 1985 Plaza
Accord", "the 2011 influenza-sharing framework"), or "Treaty of X"; an agreement dated in the
past ("the accord reached in Geneva in November 2013", "the deal struck here a decade ago");
a past time and what happened then ("January 2009, when a pricing dispute ... cut off
supplies"); a name glossed as a scheme set up in a past year ("COVAX, the scheme launched in
2020"); a past action counted back in years ("withheld samples two decades ago"); and a name
invoked for its event ("another Munich", "a new CoCom"). Events of the news itself (this
year's, in the lead) are not precedents, and one event named twice is one row.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from dossier import kb, lexicon
from dossier.schema import Precedent

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from dossier.nlp import ParsedArticle, Sentence

# Event nouns that name something already in the past wherever they appear.
FOUNDING_NOUNS = {"creation", "founding", "establishment", "accession", "entry"}
HISTORIC_NOUNS = {*FOUNDING_NOUNS,
                  "war", "armistice", "annexation", "invasion", "memorandum", "massacre", "genocide",
                  "revolution", "uprising", "occupation", "blockade", "airlift", "crisis", "coup",
                  "withdrawal", "partition", "bombing", "siege", "battle", "famine", "spring", "doctrine",
                  "offensive", "intervention", "insurgency", "uprisings", "earthquake", "tsunami", "hurricane",
                  "cyclone", "typhoon", "floods", "pandemic", "epidemic", "outbreak", "spill", "meltdown"}
# Event nouns that may just as well name the news itself ("the Paris summit"): they need a past year,
# a past time expression in the sentence, or the knowledge base.
CURRENT_NOUNS = {"summit", "conference", "treaty", "accord", "accords", "agreement", "agreements", "pact",
                 "protocol", "charter", "convention", "declaration", "ceasefire", "truce", "deal", "plan",
                 "talks", "referendum", "communique", "communiqué", "framework", "round", "act", "resolution",
                 "process", "initiative", "understanding", "election", "elections", "loan", "bailout"}


@cache
def cues(name: str) -> re.Pattern[str]:
    """A list of cue phrases from the lexicon (`past_markers`, `model_cues`, `caution_cues`,
    `model_frames`, `caution_frames`) as one whole-word, case-insensitive pattern."""
    alternatives = sorted(lexicon.load(name), key=len, reverse=True)  # longest first
    return re.compile(r"\b(" + "|".join(alternatives) + r")\b", re.I)


_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
                 "thirty": 30, "forty": 40, "fifty": 50, "a few": 3, "several": 3, "a couple of": 2}
# "six years ago", "more than a decade ago", "two decades earlier": a year counted back from publication.
RELATIVE_YEAR = re.compile(r"\b(?:(?:more|less) than |nearly |almost |about |some |over |just over )?"
                           r"(\d{1,3}|a couple of|a few|several|an?|one|two|three|four|five|six|seven|eight|nine|ten|"
                           r"eleven|twelve|fifteen|twenty|thirty|forty|fifty)(?: and a half)?\s+(years?|decades?)\s+"
                           r"(?:ago|earlier)\b",
                           re.I)
# "another Munich", "a repeat of Copenhagen", "likening the deal to Munich", "a new CoCom", "reminiscent
# of Suez": a place, body or year standing for an event.
INVOCATION = re.compile(r"\b(?:(another|a new|a second|a modern-day|a modern|a latter-day|a fresh)|a repeat of|"
                        r"repeat(?:ing)? of|likening [\w\s]{1,40}? to|compar(?:ed|ing) [\w\s]{1,40}? to|"
                        r"echoes of|echoing|shades of|reminiscent of)\s+[\"“‘']?"
                        r"([A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?|1[89]\d\d|20[0-4]\d)\b")
# Nouns that name a past meeting or event when a past time anchors them ("the talks in New Delhi a
# decade ago", "the memorandum signed four years ago").
ANCHORED_NOUNS = {"meeting", "talks", "conference", "summit", "deal", "agreement", "accord", "memorandum",
                  "pact", "treaty", "declaration", "earthquake", "embargo", "goal", "process", "ceasefire",
                  "truce", "framework", "round", "convention", "plan", "protocol", "charter", "settlement",
                  "package", "bailout", "crisis", "war", "standoff", "dispute", "resolution", "understanding"}
# "last year's conference in Belém": an event owned by a past year.
LAST_YEARS = tuple(re.compile(rf"\b(last year|(?:1[5-9]|20)\d\d)[’']s {modifier}([a-z]+)\b"
                              r"(?: (?:in|at) [A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?)?")
                   for modifier in ("", r"[a-z][\w-]* "))
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
_MONTH = "|".join(MONTHS)
# "recall January 2009, when ...", "invoked the winter of 2022, when ...", "referring to 2010, when ...":
# a past time named for what happened then.
WHEN_TIME = re.compile(r"\b((?:the )?(?:(?:winter|summer|spring|autumn|fall|start|end|beginning|turn) of )?"
                       rf"(?:(?:early|late|mid-)\s?)?(?:(?:{_MONTH}) )?(1[5-9]\d\d|20\d\d)),?\s+when\b")
# Prepositions that make such a time an adverbial of the sentence ("In 2019, when he took office, ...").
TIME_PREPOSITIONS = {"in", "on", "at", "since", "by", "until", "till", "from", "after", "before", "during", "through",
                     "throughout", "between", "around", "for", "of", "and", "or", "than", "within", "over"}
# Where a clause stops being the event itself: its time, duration, manner or consequences.
CLAUSE_STOPS = {"for", "during", "after", "before", "while", "in", "when", "which", "who", "that", "as", "until",
                "because", "despite", "amid", "sending", "prompting", "leaving", "forcing", "causing"}
# "COVAX, the vaccine-sharing scheme launched in 2020": a name glossed as an instrument set up in a past year.
SCHEME_NOUNS = ("scheme|programme|program|plan|initiative|facility|mechanism|regime|agreement|deal|pact|accord|treaty|"
                "framework|arrangement|partnership|mission|operation|policy|law|act|rules|regulation|directive|"
                "protocol|declaration|charter|convention|compact|strategy|package|bailout|embargo|sanctions|"
                "tariffs|ceasefire|truce|process|talks|summit|conference|reform|doctrine|project|corridor")
SET_UP_VERBS = ("launched|signed|agreed|set up|adopted|created|established|founded|reached|struck|brokered|"
                "introduced|imposed|enacted|passed|concluded|negotiated|unveiled|announced|approved|ratified|"
                "sealed|drawn up|hammered out")
APPOSITIVE_SCHEME = re.compile(rf",\s+(?:the|a|an|its|their)\s+(?:[\w’'.$%-]+\s+){{0,4}}?(?:{SCHEME_NOUNS})\s+"
                               rf"(?:(?:that|which) (?:was|were) )?(?:first |originally |jointly )?(?:{SET_UP_VERBS})\b"
                               rf"[^,;()]{{0,40}}?\bin\s+(?:(?:{_MONTH})\s+)?(1[5-9]\d\d|20\d\d)\b")


def relative_year(text: str, published_year: int | None) -> int | None:
    """The year a phrase like "11 years ago" or "a decade ago" points to, counted from publication."""
    match = RELATIVE_YEAR.search(text)
    if not match or not published_year:
        return None
    count = match.group(1).lower()
    n = int(count) if count.isdigit() else _NUMBER_WORDS.get(count, 0)
    years = n * (10 if match.group(2).lower().startswith("decade") else 1)
    return published_year - years if 0 < years < 1000 else None



@cache
def _kb_surfaces() -> dict[str, kb.Precedent]:
    table: dict[str, kb.Precedent] = {}
    for p in kb.precedents():
        for surface in (p.name, *p.aliases):
            table.setdefault(surface.lower() if len(surface.split()) > 1 else surface, p)
    return table


@cache
def _kb_patterns() -> dict[str, str]:
    return {surface: "LOWER" if " " in surface else "ORTH" for surface in _kb_surfaces()}


def _kb_matches(doc: Doc) -> list[tuple[int, int, kb.Precedent]]:
    """Longest non-overlapping knowledge-base events: several-word names in any case, acronyms exact."""
    from dossier.nlp import phrase_matcher

    surfaces = _kb_surfaces()
    found = [(s, e, surfaces[matcher.vocab.strings[k]])
             for matcher in phrase_matcher("precedents", _kb_patterns) for k, s, e in matcher(doc)]
    found.sort(key=lambda t: (-(t[1] - t[0]), t[0]))
    taken: set[int] = set()
    out = []
    for s, e, p in found:
        if not taken.intersection(range(s, e)):
            taken.update(range(s, e))
            out.append((s, e, p))
    return out


def _is_proper(tok: Token) -> bool:
    return tok.text[:1].isupper() and tok.pos_ in ("PROPN", "ADJ", "NOUN") and tok.lower_ not in ("the",)


def _pattern_name(tok: Token, sent: Sentence, published_year: int | None = None) -> tuple[int, int] | None:
    """Token range of a named event headed by `tok`, or None."""
    doc = tok.doc
    start = tok.i
    while start > sent.span.start:
        left = doc[start - 1]
        if _is_proper(left) or _YEAR.fullmatch(left.text) or left.text in ("-", "–") or (
                left.lower_ in HISTORIC_NOUNS | CURRENT_NOUNS and left.text[:1].isupper()):
            start -= 1
        else:
            break
    end = tok.i + 1
    article = 1 if end + 2 < sent.span.end and doc[end + 1].lower_ == "the" else 0  # "creation of the WTO"
    linkers = ("of", "to", "into") if tok.lower_ in FOUNDING_NOUNS else ("of",)
    if end + 1 + article < sent.span.end and doc[end].lower_ in linkers and _is_proper(doc[end + 1 + article]):
        end += 1 + article
        while end < sent.span.end and (_is_proper(doc[end]) or (doc[end].lower_ == "the" and end + 1 < sent.span.end
                                       and _is_proper(doc[end + 1]))):
            end += 1
    while start < tok.i and doc[start].text in ("-", "–"):
        start += 1
    proper = [t for t in doc[start:end] if t.i != tok.i and _is_proper(t) and t.lower_ != "of"]
    if tok.lower_ in FOUNDING_NOUNS:
        if end == tok.i + 1 or not _YEAR.search(sent.text):
            return None  # "the creation of the WTO in 1995" is history; "the creation of jobs" is not
        if start == tok.i and start >= sent.span.start + 2 and doc[start - 1].tag_ == "POS":
            start -= 2  # "the country's accession to the WTO"
        return start, end
    if not proper:
        # "the 2021 military coup", "the 2011 influenza-sharing framework": a year and plain modifiers
        # (hyphenated compounds too) are enough for a past event
        i = tok.i
        while i > sent.span.start and (doc[i - 1].pos_ in ("ADJ", "NOUN") or doc[i - 1].tag_ == "VBG") \
                and tok.i - i < 2:  # "the 2016 pledging conference"
            i -= 1
        if i > sent.span.start and _YEAR.fullmatch(doc[i - 1].text):
            return i - 1, end  # "the 2021 military coup", "the 1974 agreement"
        i = _hyphenated_start(tok, sent)
        if i is not None and _YEAR.fullmatch(doc[i - 1].text) and _is_past(int(doc[i - 1].text), published_year):
            return i - 1, end  # "the 2011 influenza-sharing framework"
        # "a six-week war in 2020", "a one-day offensive in September 2023": plain modifiers, then the year
        month = 1 if end + 2 < sent.span.end and doc[end + 1].text in MONTHS else 0
        if tok.lower_ in HISTORIC_NOUNS and end + 1 + month < sent.span.end and doc[end].lower_ == "in" \
                and _YEAR.fullmatch(doc[end + 1 + month].text):
            i = tok.i
            if i - 3 >= sent.span.start and doc[i - 2].text in ("-", "–"):
                i -= 3  # "six-week"
            return (i, end + 2 + month) if not month or _is_past(int(doc[end + 2].text), published_year) else None
        return None
    return start, end


def _hyphenated_start(tok: Token, sent: Sentence) -> int | None:
    """Start of one hyphenated modifier right before an event noun ("influenza-sharing", "cash-for-work"),
    when a year precedes it; else None."""
    doc, i = tok.doc, tok.i - 1
    if i <= sent.span.start or not doc[i].text[:1].islower():
        return None
    while i - 2 > sent.span.start and doc[i - 1].text in ("-", "–") and not doc[i - 1].whitespace_ \
            and not doc[i - 2].whitespace_ and doc[i - 2].text[:1].islower():
        i -= 2
    return i if i < tok.i - 1 and _YEAR.fullmatch(doc[i - 1].text) else None


def _invoked_as(parsed: ParsedArticle, sent: Sentence) -> str:
    model, caution = len(cues("model_frames").findall(sent.text)), len(cues("caution_frames").findall(sent.text))
    if model != caution:
        return "model" if model > caution else "cautionary"
    window = [s for s in parsed.sentences[max(0, sent.index - 1):sent.index + 3] if s.block == sent.block]
    model = caution = 0.0
    for s in window:
        weight = 2.0 if s.index == sent.index else 1.0
        model += weight * len(cues("model_cues").findall(s.text))
        caution += weight * len(cues("caution_cues").findall(s.text))
    if model == caution == 0:
        return "context"
    return "model" if model > caution else "cautionary"


def _year_near(sent: Sentence, start: int, end: int, published_year: int | None) -> int | None:
    own = _YEAR.search(sent.span.doc[start:end].text)
    if own:
        return int(own.group(1))
    years = [int(y) for y in _YEAR.findall(sent.text)]
    if years:
        return years[0]
    counted = relative_year(sent.text, published_year)
    if counted:
        return counted
    if published_year and re.search(r"\blast (?:week|month)\b|\bearlier this year\b", sent.text, re.I):
        return published_year
    if published_year and re.search(r"\blast year\b", sent.text, re.I):
        return published_year - 1
    return None


def extract_precedents(parsed: ParsedArticle) -> list[Precedent]:
    published_year = int(parsed.article.published[:4]) if parsed.article.published else None
    out: list[Precedent] = []
    seen: set[str] = set()

    def add(sent: Sentence, start: int, end: int, canonical: str, year: int | None, kind: str, source: str,
            invoked_as: str = "", name: str = "") -> None:
        doc = sent.span.doc
        span = doc[start:end]
        name = name or re.sub(r"^(?:the|a|an)\s+", "", span.text, flags=re.I)
        name = re.sub(r"\s*[’']s?$", "", name).strip()
        key = canonical.lower()
        if key in seen or not name:
            return
        seen.add(key)
        offset = parsed.offset(span)
        out.append(Precedent(name=name, canonical=canonical, year=year, kind=kind,
                             invoked_as=invoked_as or _invoked_as(parsed, sent), source=source, evidence=sent.text,
                             sentence_id=sent.index, start=offset, end=offset + len(span.text)))

    kb_matches: dict[int, list[tuple[int, int, kb.Precedent]]] = {}  # one matcher pass per paragraph
    for sent in parsed.body:
        doc = sent.span.doc
        taken: set[int] = set()
        if sent.block not in kb_matches:
            kb_matches[sent.block] = _kb_matches(doc)
        for s, e, p in kb_matches[sent.block]:
            if sent.span.start <= s and e <= sent.span.end:
                taken.update(range(s, e))
                own = _YEAR.search(doc[s:e].text)
                add(sent, s, e, p.name, int(own.group(1)) if own else p.year, p.kind, "knowledge base")
        for tok in sent.span:
            lemma = tok.lower_
            if tok.i in taken or lemma not in HISTORIC_NOUNS | CURRENT_NOUNS or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            nxt = doc[tok.i + 1] if tok.i + 1 < sent.span.end else None
            if nxt is not None and nxt.lower_ in HISTORIC_NOUNS | CURRENT_NOUNS:
                continue  # a modifier of a longer name ("Korean War armistice")
            rng = _pattern_name(tok, sent, published_year)
            if rng is None or taken.intersection(range(*rng)):
                continue
            year = _year_near(sent, rng[0], rng[1], published_year)
            if lemma in CURRENT_NOUNS:
                past_year = year is not None and published_year is not None and year < published_year
                if not (past_year or cues("past_markers").search(sent.text)):
                    continue
            taken.update(range(*rng))
            name = doc[rng[0]:rng[1]].text
            canonical = _YEAR.sub("", name).strip(" -–")
            canonical = re.sub(r"^(?:the|a|an)\s+", "", canonical, flags=re.I)
            add(sent, rng[0], rng[1], canonical, year, lemma, "pattern")
        for start, end, year in _anchored_events(sent, taken, published_year):
            taken.update(range(start, end))
            name = re.sub(r"^(?:the|a|an)\s+", "", doc[start:end].text, flags=re.I)
            add(sent, start, end, name, year, doc[end - 1].lower_, "pattern")
        for start, end, year in _glossed_schemes(sent, taken, published_year):
            taken.update(range(start, end))
            add(sent, start, end, doc[start:end].text, year, "scheme", "pattern")
        for start, end, year in _last_years(sent, taken, published_year):
            taken.update(range(start, end))
            add(sent, start, end, doc[start:end].text, year, "event", "pattern")
        for start, end, year in _ago_clauses(sent, taken, published_year):
            taken.update(range(start, end))
            name = doc[start:end].text
            add(sent, start, end, name, year, "event", "pattern")
        for start, end, name, year in _when_events(sent, taken, published_year):
            taken.update(range(start, end))
            add(sent, start, end, name, year, "event", "pattern", name=name)
        for start, end, known, invoked_as in _invocations(parsed, sent, taken):
            taken.update(range(start, end))
            surface = doc[start:end].text
            if known is not None:  # named as the article names it; the canonical event and its year from the KB
                add(sent, start, end, known.name, known.year, known.kind, "knowledge base", invoked_as)
            elif _YEAR.fullmatch(surface):  # "another 1973"
                add(sent, start, end, surface, int(surface), "invocation", "pattern", invoked_as)
            else:
                add(sent, start, end, surface, None, "invocation", "pattern", invoked_as)
    lead = parsed.body[0].index if parsed.body else -1
    return _one_per_event([p for p in out if not _is_the_news(p, lead, published_year)])


def _is_the_news(p: Precedent, lead: int, published_year: int | None) -> bool:
    """An event of the publication year named in the lead sentence is what the article reports
    ("member states adopted the pandemic agreement"), not a precedent it invokes."""
    return p.sentence_id == lead and published_year is not None and p.year is not None and p.year >= published_year


# Kinds of event: a row with no name of its own ("the 2015 deal") is the same event as a known or earlier
# row of the same kind and year ("Joint Comprehensive Plan of Action", 2015).
EVENT_CLASSES = {
    "agreement": {"treaty", "accord", "accords", "agreement", "agreements", "pact", "deal", "protocol", "charter",
                  "convention", "declaration", "framework", "understanding", "memorandum", "communique",
                  "communiqué", "settlement", "ceasefire", "truce", "armistice", "trade_deal", "initiative"},
    "conflict": {"war", "invasion", "offensive", "intervention", "annexation", "occupation", "conflict", "bombing",
                 "siege", "battle", "strikes", "attack", "massacre", "coup"},
    "crisis": {"crisis", "embargo", "shock", "crash", "dispute", "standoff", "pandemic", "epidemic", "outbreak"},
    "meeting": {"summit", "conference", "talks", "meeting", "round"},
}
_APPROXIMATE = re.compile(r"\b(?:more than|less than|nearly|almost|about|some|over|decades?)\b", re.I)


def _event_class(p: Precedent) -> str | None:
    words = [w.lower() for w in re.findall(r"[\w’']+", p.name)]
    for word in [*reversed(words), p.kind]:
        for cls, members in EVENT_CLASSES.items():
            if word in members:
                return cls
    return None


def _year_slack(p: Precedent) -> int:
    """How far a year counted back from publication may be off: "more than a decade ago" is loose."""
    if not re.search(r"\b(?:ago|earlier)\b", p.name):
        return 0
    return 3 if _APPROXIMATE.search(p.name) else 1


def _own_name(p: Precedent) -> bool:
    """A name with a proper word of its own ("Bishkek ceasefire"); "U.S.-backed deal" has none."""
    return any(w[:1].isupper() and not re.search(r"[-–][a-z]+$", w) for w in _YEAR.sub("", p.name).split())


def _one_per_event(found: list[Precedent]) -> list[Precedent]:
    """One event, one row. "another Munich, a reference to the 1938 agreement": an event named twice in
    a sentence is the row the knowledge base knows; "the 2015 deal" after the knowledge base's 2015
    accord, or "the deal struck here more than a decade ago" after "the 2015 accord", is the same event."""
    known = [p for p in found if p.source == "knowledge base"]
    kept: list[Precedent] = []
    for p in found:
        if p.source != "knowledge base" and p.year is not None:
            cls = _event_class(p)
            borrowed = not _YEAR.search(p.name)  # its year is the sentence's, perhaps the known event's
            if not _own_name(p) and any(k.sentence_id == p.sentence_id and k.year == p.year
                                        and (borrowed or _event_class(k) == cls) for k in known):
                continue
            same = [k for k in (*known, *kept) if k is not p and k.year is not None and cls is not None
                    and _event_class(k) == cls and abs(k.year - p.year) <= max(_year_slack(p), _year_slack(k))]
            if same and not _own_name(p):
                continue
        kept.append(p)
    return kept


def _anchored_events(sent: Sentence, taken: set[int], published_year: int | None) -> list[tuple[int, int, int]]:
    """"the talks in New Delhi a decade ago", "the memorandum the two sides signed four years ago":
    an event noun whose own phrase carries a past time; its name is the phrase up to that time."""
    doc, found = sent.span.doc, []
    for tok in sent.span:
        if tok.i in taken or tok.lower_ not in ANCHORED_NOUNS or tok.pos_ != "NOUN":
            continue
        if tok.dep_ == "appos" and tok.head.i in taken:
            continue  # "the Grain Initiative, the deal signed in Istanbul in 2022": a gloss of a known event
        phrase = [t for t in tok.subtree if t.i >= tok.i - 4]
        start = min(t.i for t in phrase)
        while start < tok.i and (doc[start].is_punct or doc[start].dep_ in ("det", "case", "cc")
                                 or (doc[start].dep_ == "poss" and doc[start].pos_ == "PRON")):
            start += 1  # "the donors' meeting" keeps "donors'", "its meeting" does not keep "its"
        text_end = _time_anchor_end(tok, sent, published_year)
        if text_end is None or taken.intersection(range(start, text_end)):
            continue
        span = doc[start:text_end]
        own = _YEAR.search(span.text)
        year = int(own.group(1)) if own else relative_year(span.text, published_year)
        if year is None and published_year and span.text.endswith("last year"):
            year = published_year - 1
        if year and (published_year is None or year < published_year):
            found.append((start, text_end, year))
    return found


def _time_anchor_end(noun: Token, sent: Sentence, published_year: int | None = None) -> int | None:
    """End of "<noun> [struck|held|signed ...] [in Oslo] a decade ago" (or "... in January 2023", "... in
    May last year"): the first such past time within a dozen words, with at most one verb (a participle)
    and no clause break in between."""
    doc = sent.span.doc
    verbs = 0
    for t in doc[noun.i + 1:min(noun.i + 14, sent.span.end)]:
        if t.lower_ in ("ago", "earlier"):
            return t.i + 1
        if t.lower_ == "in" and verbs:  # "reached at the White House in January 2023"
            j = t.i + 1 + (t.i + 2 < sent.span.end and doc[t.i + 1].text in MONTHS)
            if j < sent.span.end and _YEAR.fullmatch(doc[j].text) and _is_past(int(doc[j].text), published_year):
                return j + 1
            if j + 1 < sent.span.end and doc[j].lower_ == "last" and doc[j + 1].lower_ == "year" \
                    and doc[t.i + 1].text in MONTHS:
                return j + 2  # "in May last year"
        if (t.is_punct and t.text not in ("-", "–")) or t.lower_ in ("and", "but", "while", "because"):
            return None
        if t.pos_ in ("VERB", "AUX") and t.lower_ not in ("was", "were", "had", "has", "been"):
            verbs += 1
            if verbs > 1 or t.tag_ not in ("VBN", "VBD"):
                return None
    return None


def _invocations(parsed: ParsedArticle, sent: Sentence,
                 taken: set[int]) -> list[tuple[int, int, kb.Precedent | None, str]]:
    """"another Munich", "a repeat of Copenhagen", "a new CoCom": a place or body named for the event it
    stands for. After a determiner ("another", "a new") the name must head the noun phrase: "another EU
    summit" or "a new Labour government" invoke nothing."""
    doc, found = sent.span.doc, []
    base = sent.span.start_char
    for match in INVOCATION.finditer(sent.text):
        span = doc.char_span(base + match.start(2), base + match.end(2), alignment_mode="expand")
        if span is None or taken.intersection(range(span.start, span.end)):
            continue
        year = _YEAR.fullmatch(span.text)
        if not (year or all(_names_something(t) for t in span)):
            continue
        if not year and ((span.root.head.i >= span.end and span.root.dep_ in ("compound", "amod", "nmod", "poss"))
                         or any(t.ent_type_ in ("PERSON", "NORP") or t.lower_ in kb.titles() for t in span)):
            continue  # "another EU summit", "a new Merkel", "a new President"
        invoked_as = "cautionary"  # "another Munich", "a repeat of 1973"
        if match.group(1):
            det = doc.char_span(base + match.start(1), base + match.end(1), alignment_mode="expand")
            if det is None or det[0].head.i not in range(span.start, span.end):
                continue
            if match.group(1) != "another":  # "a new Marshall Plan" may be a wish as well as a warning
                invoked_as = _invoked_as(parsed, sent).replace("context", "cautionary")
        found.append((span.start, span.end, None if year else _event_named_after(span.text), invoked_as))
    return found


def _names_something(tok: Token) -> bool:
    """A proper name, a place, or a name or acronym the tagger took for a common noun ("COVAX")."""
    return (tok.pos_ == "PROPN" or tok.ent_type_ in ("GPE", "LOC", "EVENT", "ORG", "LAW", "FAC")
            or (tok.text.isupper() and len(tok.text) > 2 and tok.pos_ == "NOUN"))


KIND_PREFERENCE = ("agreement", "conference", "summit", "treaty", "accord", "war", "crisis", "attack", "other")


def _event_named_after(place: str) -> kb.Precedent | None:
    """The best-known event the knowledge base names after a place ("Munich" -> Munich Agreement)."""
    word = re.compile(rf"\b{re.escape(place)}\b")
    hits = [p for p in kb.precedents() if word.search(p.name) or any(word.search(a) for a in p.aliases)]
    if not hits:
        return None
    return min(hits, key=lambda p: (KIND_PREFERENCE.index(p.kind) if p.kind in KIND_PREFERENCE else 99,
                                    p.year or 9999))


def _is_past(year: int, published_year: int | None) -> bool:
    """A year before the article's own (the news cycle's year may be this story's own events)."""
    return published_year is None or year < published_year


def _clause_core(tokens: list[Token]) -> list[Token]:
    """The event a "when" clause tells: a subject noun phrase up to its past verb ("a pricing dispute
    between A and B"), or a named subject with its verb and object up to the clause's time or
    consequences ("China halted rare earth shipments to Japan"). A leading article or pronoun is dropped."""
    verb = next((i for i, t in enumerate(tokens) if t.tag_ == "VBD"), None)
    if verb is None:
        return []
    first = next((i for i, t in enumerate(tokens) if not (t.pos_ == "DET" or t.tag_ == "PRP")), verb)
    subject = tokens[first:verb]
    named = all(t.pos_ in ("PROPN", "ADV") or t.tag_ == "POS" for t in subject)
    core: list[Token] = []
    for t in tokens[first:verb] if not named else tokens[first:]:
        if (t.is_punct and t.text not in ("-", "–")) or (t.lower_ in CLAUSE_STOPS and core) or t.pos_ == "SCONJ":
            break
        core.append(t)
    return core[:12]


def _when_events(sent: Sentence, taken: set[int],
                 published_year: int | None) -> list[tuple[int, int, str, int]]:
    """"recall January 2009, when a pricing dispute between Moscow and Kyiv cut off supplies": a past
    time followed by what happened then. Named "<what happened> in <time>", spanning both."""
    doc, found = sent.span.doc, []
    base = sent.span.start_char
    for match in WHEN_TIME.finditer(sent.text):
        year = int(match.group(2))
        time = doc.char_span(base + match.start(1), base + match.end(1), alignment_mode="expand")
        if time is None or not _is_past(year, published_year) or taken.intersection(range(time.start, time.end)):
            continue
        if time.start > sent.span.start and doc[time.start - 1].lower_ in TIME_PREPOSITIONS:
            continue  # "In 2019, when he took office, ...": the time of the sentence, not an event named
        when = next((t for t in doc[time.end:sent.span.end] if t.lower_ == "when"), None)
        if when is None:
            continue
        clause = list(doc[when.i + 1:min(when.i + 24, sent.span.end)])
        stop = next((i for i, t in enumerate(clause) if t.is_punct and t.text not in ("-", "–")), len(clause))
        if not any(t.tag_ == "VBD" for t in clause[:stop]):
            continue  # "in 2030, when the deal expires": no past event
        core = _clause_core(clause[:stop])
        if not core or any(t.i in taken for t in core if t.pos_ in ("NOUN", "PROPN") and t.dep_.startswith("nsubj")):
            continue
        time_text = re.sub(r"^the\s+", "the ", time.text)
        name = f"{doc[core[0].i:core[-1].i + 1].text} in {time_text}"
        found.append((time.start, core[-1].i + 1, name, year))
    return found


def _glossed_schemes(sent: Sentence, taken: set[int], published_year: int | None) -> list[tuple[int, int, int]]:
    """"COVAX, the vaccine-sharing scheme launched in 2020": a name the article glosses as an instrument
    set up in a past year is that instrument; its year is the gloss's."""
    doc, found = sent.span.doc, []
    base = sent.span.start_char
    for match in APPOSITIVE_SCHEME.finditer(sent.text):
        year = int(match.group(1))
        comma = doc.char_span(base + match.start(), base + match.start() + 1)
        if comma is None or not _is_past(year, published_year):
            continue
        end = start = comma.start
        while start > sent.span.start and ((_names_something(doc[start - 1]) and doc[start - 1].text[:1].isupper())
                                           or (doc[start - 1].lower_ in ("of", "for", "and", "-", "–")
                                               and start - 1 > sent.span.start and start < end)):
            start -= 1
        while start < end and not doc[start].text[:1].isupper():
            start += 1  # never start on "of" or a hyphen
        if start == end or end - start > 8 or taken.intersection(range(start, end)):
            continue
        if any(t.ent_type_ in ("PERSON", "NORP") for t in doc[start:end]) or doc[start:end].text in _place_names():
            continue  # "Guterres, the ..." or "Kenya, the country ..." gloss a person or a place
        found.append((start, end, year))
    return found


@cache
def _place_names() -> frozenset[str]:
    names: set[str] = set()
    for c in kb.countries():
        names.update((c.name, *c.aliases, *c.capitals))
    return frozenset(names)


def _ago_clauses(sent: Sentence, taken: set[int], published_year: int | None) -> list[tuple[int, int, int]]:
    """"it withheld bird flu samples nearly two decades ago", "the G7 first imposed a $60 cap three years
    ago", "the phrase first adopted in Dubai three years ago": a past action dated at least two years back
    is an event; named from its subject (a pronoun dropped) or the noun it qualifies, to the time."""
    doc, found = sent.span.doc, []
    base = sent.span.start_char
    reporting = lexicon.load("reporting_verbs")
    biography = lexicon.load("biography_verbs")
    for match in RELATIVE_YEAR.finditer(sent.text):
        year = relative_year(match.group(0), published_year)
        time = doc.char_span(base + match.start(), base + match.end(), alignment_mode="expand")
        if year is None or time is None or published_year - year < 2 or taken.intersection(range(time.start,
                                                                                                   time.end)):
            continue
        verb = time[-1]
        for _ in range(3):
            if verb.pos_ == "VERB" or verb.head is verb:
                break
            verb = verb.head
        if verb.tag_ not in ("VBD", "VBN") or verb.i >= time.start or verb.lemma_ in reporting:
            continue
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i), None)
        if verb.lemma_.lower() in biography or (subject is not None and (
                subject.ent_type_ == "PERSON" or subject.lower_ in ("he", "she", "i", "we", "you"))):
            continue  # "she moved to Paris three years ago": a life, not an event the article invokes
        if verb.dep_ == "acl" and verb.head.pos_ == "NOUN" and verb.head.i < verb.i:
            start = min([verb.head.i, *(c.i for c in verb.head.children if c.dep_ in ("compound", "amod", "nummod")
                                        and c.i < verb.head.i)])  # "the phrase first adopted in Dubai"
        elif subject is not None and subject.pos_ in ("PROPN", "NOUN"):
            start = subject.left_edge.i  # "the G7 first imposed ..."
        else:
            start = verb.i  # "it withheld ...": the pronoun says nothing
        while start < verb.i and doc[start].dep_ in ("det", "poss") and doc[start].pos_ in ("DET", "PRON"):
            start += 1
        end = time.end
        if end - start > 18 or taken.intersection(range(start, end)) \
                or any(t.text in (",", ";", ":", "(", ")", "“", "”", '"') for t in doc[start:end]):
            continue
        found.append((start, end, year))
    return found


def _last_years(sent: Sentence, taken: set[int], published_year: int | None) -> list[tuple[int, int, int]]:
    """"last year's conference in Belém", "2019's summit": an event noun owned by a past year, with its
    place when it has one."""
    doc, found = sent.span.doc, []
    base = sent.span.start_char
    for match in (m for pattern in LAST_YEARS for m in pattern.finditer(sent.text)):
        if match.group(2).lower() not in ANCHORED_NOUNS | HISTORIC_NOUNS | CURRENT_NOUNS:
            continue
        own = _YEAR.match(match.group(1))
        year = int(own.group(1)) if own else published_year - 1 if published_year else None
        span = doc.char_span(base + match.start(), base + match.end(), alignment_mode="expand")
        if year is None or span is None or not _is_past(year, published_year) \
                or taken.intersection(range(span.start, span.end)) \
                or any(s < span.end and span.start < e for s, e, _ in found):
            continue
        found.append((span.start, span.end, year))
    return found
