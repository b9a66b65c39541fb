"""Codes in the tables -> words for readers: the one place the report turns a code into a label.

The codes themselves come from the extraction's vocabularies (the category keywords and the
statement kinds in `dossier.commitments.lexicon`); labels are derived from them, never listed
again, so a new category or kind shows up in the report with a readable name by itself.
"""

from __future__ import annotations

from dossier.commitments.lexicon import CATEGORY_KEYWORDS, KIND_PRIORITY

# Pledge status, firmest first: the order the report lists and colours them in.
STATUS_ORDER = ("committed", "proposed", "considering", "undecided", "ruled_out")
CATEGORIES = tuple(dict.fromkeys(category for category, _ in CATEGORY_KEYWORDS))
KINDS = tuple(KIND_PRIORITY)
INVOKED_AS = ("model", "cautionary", "context")

# Where the plain rule (underscores to spaces) would read wrong.
_SPECIAL = {"cautionary": "cautionary tale", "context": "background"}


def label(code: object) -> str:
    """The reader's word for a code: `ruled_out` -> `ruled out`, `air_support` -> `air support`."""
    text = "" if code is None else str(code)
    return _SPECIAL.get(text, text.replace("_", " "))


def title_label(code: object) -> str:
    """A label for a column heading or a chip: `air_support` -> `Air support`."""
    text = label(code)
    return text[:1].upper() + text[1:]
