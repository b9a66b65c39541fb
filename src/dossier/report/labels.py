"""Codes in the tables -> words for readers: the one place the report turns a code into a label.

The codes themselves come from the table contract's vocabularies (`dossier.schema`); labels are
derived from them, never listed again, so a new category or kind shows up in the report with a
readable name by itself.
"""

from __future__ import annotations

from dossier.schema import Category, InvokedAs, PledgeStatus, StatementKind

# Pledge status, firmest first: the order the report lists and colours them in.
STATUS_ORDER = tuple(s.value for s in PledgeStatus)
CATEGORIES = tuple(c.value for c in Category)
KINDS = tuple(k.value for k in StatementKind)  # strongest first
INVOKED_AS = tuple(i.value for i in InvokedAs)

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
