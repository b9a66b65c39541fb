"""Bylines, credit lines and photo captions: text about the article, not the article.

Their names are reporters, editors and photographers, never actors, and a caption restates
the story; such blocks are kept in the cleaned text (offsets are unchanged) but marked
`credit`, so extraction reads only the body.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dossier.ingest.segment import Block

_ROLES = r"(?:(?:additional |extra )?reporting|writing|editing|compiled|compilation|produced|photos?|graphics|" \
         r"research|translation|translated|video|fact-checking)"
# "(Reporting by A in X; Editing by B)", "Writing by C", "Additional reporting by D"
CREDIT_LINE = re.compile(rf"^[(\[]?\s*{_ROLES}\s+by\b", re.I)
# "By Jane Roe and John Doe", "By JANE ROE, Associated Press"
BYLINE = re.compile(r"^by\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+)*(?:(?:,|\s+and)\s+[\w.'’ -]+)*$", re.I)
# "FILE PHOTO: ...", "Photo: ...", "(Photo by ...)"
CAPTION_START = re.compile(r"^[(\[]?\s*(?:file photo|photo(?:graph)?|picture|image|caption|pictured)\b\s*[:(–—-]",
                           re.I)
# "... June 2, 2026. AGENCY/Photographer Name" or "... Getty Images/Name": a photo credit at the end.
_AGENCY = r"[A-Z][\w&.]*(?: [A-Z][\w&.]*){0,3}"
_NAME = r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}"
PHOTO_CREDIT_END = re.compile(rf"[.!?]?\s*{_AGENCY}\s?/\s?{_NAME}(?:\s?/\s?[A-Z][\w ]+)?\s*$")


def is_credit(text: str) -> bool:
    """A byline, a credit line or a photo caption."""
    line = text.strip()
    if not line:
        return False
    if CREDIT_LINE.match(line) or CAPTION_START.match(line):
        return True
    if len(line) <= 120 and BYLINE.match(line) and not line.endswith("."):
        return True
    return bool(PHOTO_CREDIT_END.search(line)) and "/" in line[-60:] and not re.search(r"https?://", line)


def mark_credits(text: str, blocks: list[Block]) -> list[Block]:
    """The blocks with bylines, credits and captions marked `credit`."""
    return [replace(b, kind="credit") if b.kind == "paragraph" and is_credit(text[b.start:b.end]) else b
            for b in blocks]
