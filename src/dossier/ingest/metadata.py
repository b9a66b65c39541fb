"""Article metadata from untrusted places (a sidecar, front matter, arguments): checked up front.

A bad value stops stage 1 with one line naming the file and the field, instead of a traceback
in a later stage. Text that reaches the report is neutralised: control characters and
bidirectional overrides (which can make a title read backwards) are removed.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from dossier.errors import DossierError
from dossier.paths import read_bounded, sidecar_path
from dossier.settings import current as current_settings

FIRST_YEAR, LAST_YEAR = 1800, 2199  # a news article's date; pandas and the timeline handle these
FIELDS = ("title", "source", "published")

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_INVISIBLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]")


def neutralise(text: str | None) -> str | None:
    """Text safe to show: control characters and bidi overrides removed, whitespace collapsed."""
    if text is None:
        return None
    return re.sub(r"\s+", " ", _INVISIBLE.sub("", text)).strip()


def check_text(value: object, field: str, where: str) -> str | None:
    """A metadata text field: None, or a string of printable text no longer than the `max_field_chars` setting."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise DossierError(f"{where}: field '{field}' must be text, not {_kind(value)}: "
                           f'write it as "{field}": "...".')
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise DossierError(f"{where}: field '{field}' holds an invalid character (a lone surrogate "
                           "such as \\ud800): fix the text.") from None
    limit = current_settings().max_field_chars
    if len(value) > limit:
        raise DossierError(f"{where}: field '{field}' is {len(value):,} characters long; at most "
                           f"{limit:,} are allowed.")
    return neutralise(value) or None


def check_date(value: object, field: str, where: str, *, strict: bool = True) -> str | None:
    """An ISO date between FIRST_YEAR and LAST_YEAR, or None. `strict`: text without a date is an error."""
    text = check_text(value, field, where)
    if text is None:
        return None
    match = _ISO.search(text)
    if not match:
        if not strict:
            return None
        raise DossierError(f"{where}: field '{field}' must be a date written YYYY-MM-DD, not '{text[:40]}'.")
    try:
        day = date(*map(int, match.groups()))
    except ValueError:
        raise DossierError(f"{where}: field '{field}' is not a real date ('{match.group(0)}'): "
                           "write it as YYYY-MM-DD.") from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise DossierError(f"{where}: field '{field}' is {day.isoformat()}; a publication date must lie "
                           f"between {FIRST_YEAR} and {LAST_YEAR}.")
    return day.isoformat()


def read_sidecar(article: Path) -> dict[str, str | None]:
    """The checked fields of `<name>.meta.json` beside an article ({} when there is none)."""
    sidecar = sidecar_path(article)  # None also when the article's name is too long to have one
    limit = current_settings().max_sidecar_bytes
    try:
        if sidecar is None or not sidecar.is_file():
            return {}
        raw = read_bounded(sidecar, limit)
    except OSError as err:
        raise DossierError(f"cannot read the sidecar {sidecar} ({err.strerror or err}): "
                           "make it readable or delete it.") from None
    where = f"sidecar {sidecar}"
    if len(raw) > limit:
        raise DossierError(f"{where} is larger than {limit:,} bytes: it should hold only "
                           "title, source and published.")
    try:
        data = json.loads(raw.decode("utf-8"))
    except RecursionError:
        raise DossierError(f"{where} is nested too deeply to be metadata: it should be one JSON object "
                           "with title, source and published.") from None
    except (ValueError, UnicodeDecodeError) as err:
        raise DossierError(f"{where} is not valid JSON ({err}): fix or delete it.") from None
    if not isinstance(data, dict):
        raise DossierError(f"{where} must hold a JSON object with title, source, published, "
                           f"not {_kind(data)}.")
    return {"title": check_text(data.get("title"), "title", where),
            "source": check_text(data.get("source"), "source", where),
            "published": check_date(data.get("published"), "published", where)}


def _kind(value: object) -> str:
    kinds = {bool: "true/false", int: "a number", float: "a number", list: "a list", dict: "an object"}
    return kinds.get(type(value), type(value).__name__)
