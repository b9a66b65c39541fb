"""Split text into headings and paragraphs, building the cleaned text that offsets refer to."""

from __future__ import annotations

import re
from dataclasses import dataclass

from dossier.settings import current as current_settings

_TERMINAL = tuple('.!?:;"\u201d\u2019\'\u00bb)')
_SMALL_WORDS = {
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or",
    "over", "the", "to", "vs", "with", "amid", "after", "before", "about", "against", "its",
}
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_MD_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_MD_LIST = re.compile(r"^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+")
_MD_QUOTE = re.compile(r"^\s{0,3}>\s?")
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")
_MD_CODE = re.compile(r"`([^`]*)`")
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)
# "THE HAGUE, June 26 - ", "CAIRO, Jan. 27 (Reuters) — ": place in capitals, optional date and agency.
# Also "ANTALYA, Turkey, Nov 21 (Agency) —", "GLASGOW, Scotland -- " and "TOKYO/WASHINGTON, April 22 -".
DATELINE = re.compile(
    r"^(?=[A-Z .'’-]*[A-Z]{3})[A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*){0,3}(?:/[A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*){0,3})*"
    r"(?:, [A-Z][a-z]+(?: [A-Z][a-z]+)?(?=, [A-Z][a-z]{2,8}\.? \d| ?[-–—]| \())?"
    r"(?:, [A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?)?(?: \([^)]{1,40}\))?(?: ?[-–—]{1,2}|(?<=\)):) ")


@dataclass(frozen=True)
class Block:
    """A heading or a paragraph, located by character offsets in the cleaned text."""

    start: int
    end: int
    kind: str  # "heading" | "paragraph" | "credit" (byline, credit line, photo caption)


def looks_like_heading(line: str) -> bool:
    """Short, title-cased, no closing punctuation: how section titles look in wire copy."""
    stripped = line.strip()
    words = stripped.split()
    if not words or len(words) > 14 or (stripped.endswith(_TERMINAL[:-1]) and not stripped.endswith("?")):
        return False
    if stripped.endswith("?") and len(words) > 10:
        return False
    content = [w for w in words if w.lower().strip(":,") not in _SMALL_WORDS]
    if not content:
        return False
    capitalised = sum(1 for w in content if w[0].isupper() or w[0].isdigit())
    return capitalised / len(content) >= 0.6


def skip_dateline(text: str, blocks: list[Block]) -> tuple[list[Block], str]:
    """Start the first paragraph after its dateline, so the place is not read as the subject.

    The dateline stays in the cleaned text (offsets are unchanged); it is returned for the metadata.
    """
    for i, block in enumerate(blocks[:4]):
        if block.kind != "paragraph":
            continue
        match = DATELINE.match(text[block.start:block.end])
        if match and block.end - block.start > match.end() + 20:
            shifted = Block(block.start + match.end(), block.end, block.kind)
            # a headline line above the dateline is a heading, however it is capitalised
            before = [Block(b.start, b.end, "heading") if b.kind == "paragraph"
                      and not text[b.start:b.end].rstrip().endswith(_TERMINAL[:3]) else b for b in blocks[:i]]
            return [*before, shifted, *blocks[i + 1:]], match.group(0).strip(" -–—")
    return blocks, ""


def _is_line_heading(line: str) -> bool:
    """In one-paragraph-per-line text, a short line without closing punctuation is a heading."""
    return looks_like_heading(line) or (len(line.split()) <= 10 and not line.endswith(_TERMINAL))


_SENTENCE_END = re.compile(r"[.!?][\"\u201d\u2019')\]]*\s")
_HEADING_CHARS = 300


def split_long(text: str, limit: int | None = None) -> list[str]:
    """A paragraph cut into pieces of at most `limit` characters, at sentence ends where it can.

    The language model's time and memory grow with the longest paragraph, and some steps with
    the square of the longest sentence: bounding the piece bounds both (a 59,000-word paragraph
    or a run of 50,000 quotation marks is read piece by piece). The limit is a setting
    (`max_block_chars`).
    """
    limit = current_settings().max_block_chars if limit is None else limit
    pieces = []
    while len(text) > limit:
        window = text[:limit]
        ends = [m.end() for m in _SENTENCE_END.finditer(window, limit // 2)]
        cut = ends[-1] if ends else (window.rfind(" ", limit // 2) + 1 or limit)
        pieces.append(text[:cut].strip())
        text = text[cut:].strip()
    return [*[p for p in pieces if p], text]


def blocks_from_lines(lines: list[tuple[str, bool]]) -> tuple[str, list[Block]]:
    """Join (text, is_heading) lines into the cleaned text, one block per line (long paragraphs
    become several blocks, see `split_long`)."""
    parts, blocks, offset = [], [], 0
    pieces = []
    for text, is_heading in lines:
        text = re.sub(r"[ \t\u00a0]+", " ", text).strip()
        if is_heading and len(text) > _HEADING_CHARS:  # a heading that long is a paragraph
            is_heading = False
        pieces.extend((piece, is_heading) for piece in (split_long(text) if text else []))
    for text, is_heading in pieces:
        if not text:
            continue
        if parts:
            parts.append("\n")
            offset += 1
        blocks.append(Block(offset, offset + len(text), "heading" if is_heading else "paragraph"))
        parts.append(text)
        offset += len(text)
    return "".join(parts), blocks


def is_hard_wrapped(text: str) -> bool:
    """Lines broken at a fixed width (most long lines stop mid-sentence), not one paragraph per line."""
    lines = [line.strip() for line in text.split("\n") if len(line.strip()) > 40]
    if len(lines) < 4:
        return False
    open_ended = sum(1 for line in lines if not line.endswith(_TERMINAL))
    return open_ended / len(lines) > 0.5


def segment_plain(text: str) -> list[tuple[str, bool]]:
    """Plain text: one paragraph per line, or per blank-line-separated chunk when hard-wrapped."""
    if not is_hard_wrapped(text):
        joined: list[str] = []
        for line in (raw.strip() for raw in text.split("\n")):
            if line and joined and joined[-1] and not joined[-1].endswith(_TERMINAL) and line[0].islower():
                joined[-1] = f"{joined[-1]} {line}"  # a stray break inside a sentence ("at the\nconclusion of")
            else:
                joined.append(line)
        lines = [(line, _is_line_heading(line)) for line in joined if line]
        if all(is_heading for _, is_heading in lines):  # unpunctuated notes: all text, no headings
            return [(line, False) for line, _ in lines]
        return lines
    lines: list[tuple[str, bool]] = []
    pending = ""
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            if pending:
                lines.append((pending, False))
                pending = ""
            continue
        if pending:
            pending = f"{pending} {line}"
        elif looks_like_heading(line):
            lines.append((line, True))
            continue
        else:
            pending = line
        if pending.endswith(_TERMINAL):
            lines.append((pending, False))
            pending = ""
    if pending:
        lines.append((pending, looks_like_heading(pending)))
    return lines


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """`key: value` pairs of a Markdown front-matter block, and the text after it."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    meta = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep:
            meta[key.strip().lower()] = value.strip().strip("'\"")
    return meta, text[match.end():]


def _strip_inline_markdown(line: str) -> str:
    line = _MD_IMAGE.sub("", line)
    line = _MD_LINK.sub(r"\1", line)
    line = _MD_CODE.sub(r"\1", line)
    for _ in range(2):
        line = _MD_EMPHASIS.sub(r"\2", line)
    return line.replace("\\", "")


def segment_markdown(text: str) -> list[tuple[str, bool]]:
    """Markdown: ATX and setext headings, paragraphs (soft wraps joined), markup removed."""
    lines: list[tuple[str, bool]] = []
    pending: list[str] = []
    in_code = False

    def flush() -> None:
        if pending:
            lines.append((" ".join(pending), False))
            pending.clear()

    for raw in text.split("\n"):
        if raw.strip().startswith("```"):
            in_code = not in_code
            flush()
            continue
        if in_code:
            continue
        heading = _MD_HEADING.match(raw)
        if heading:
            flush()
            lines.append((_strip_inline_markdown(heading.group(2)), True))
            continue
        if _MD_SETEXT.match(raw) and len(pending) == 1 and raw.strip()[0] in "=-":
            lines.append((pending.pop(), True))
            continue
        if not raw.strip() or _MD_RULE.match(raw):
            flush()
            continue
        line = _MD_QUOTE.sub("", raw)
        if _MD_LIST.match(line):
            flush()
            line = _MD_LIST.sub("", line)
        pending.append(_strip_inline_markdown(line.strip()))
    flush()
    return lines
