"""Is this English? A function-word ratio is enough to warn before the English model misreads."""

from __future__ import annotations

import re

# The most frequent English function words; in English prose they make up roughly 40% of
# tokens, in French, Spanish or German prose only a few percent (shared forms like "a", "in").
_FUNCTION_WORDS = frozenset(
    "the of and to in a that is was for on with as by at from it he she his her has have had "
    "be been are were will would not but this which who they their its an or said after over "
    "than more also into about could may".split()
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
ENGLISH_THRESHOLD = 0.18


def english_ratio(text: str) -> float:
    words = [w.lower() for w in _WORD.findall(text[:20000])]
    if not words:
        return 0.0
    return sum(w in _FUNCTION_WORDS for w in words) / len(words)


def language_warning(text: str) -> str | None:
    """A warning for the report and the console when the text does not read as English."""
    ratio = english_ratio(text)
    if ratio >= ENGLISH_THRESHOLD:
        return None
    return (
        f"this article does not look like English ({ratio:.0%} English function words, "
        f"expected at least {ENGLISH_THRESHOLD:.0%}): Dossier's language model reads English only, "
        "so its tables are likely to be wrong or empty."
    )
