"""Bytes to text: strict UTF-8 first, then byte-order marks, then charset detection."""

from __future__ import annotations

import codecs
import re
import unicodedata

from dossier.errors import DossierError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# A valid multi-byte UTF-8 sequence: if a file has these, stray invalid bytes are damage,
# not a sign of another encoding.
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def decode_bytes(data: bytes, name: str = "the article") -> tuple[str, str]:
    """Return (text, encoding name). Raises DossierError for empty or non-text input."""
    if not data.strip():
        raise DossierError(f"{name} is empty: save the article text into the file and run again.")
    text, encoding = _decode(data, name)
    # NFKC folds full-width letters, ligatures and non-breaking spaces into what the model knows
    text = unicodedata.normalize("NFKC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise DossierError(f"{name} is empty: save the article text into the file and run again.")
    controls = len(_CONTROL.findall(text))
    if controls > max(3, len(text) // 200):
        raise DossierError(
            f"{name} does not look like text ({controls} control characters): "
            "give a .txt, .md or saved .html article."
        )
    return _CONTROL.sub(" ", text), encoding


def _decode(data: bytes, name: str) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.replace("-sig", " with BOM")
            except UnicodeDecodeError:
                break
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as err:
        first_error = err
    if b"\x00" not in data and _UTF8_MULTIBYTE.search(data):
        text = data.decode("utf-8", errors="replace")
        bad = text.count("\ufffd")
        if bad <= max(2, len(text) // 1000):
            return text, f"utf-8 ({bad} invalid byte{'s' if bad > 1 else ''} replaced)"
    from charset_normalizer import from_bytes  # imported here: only odd files need it

    best = from_bytes(data).best()
    if best is None or (b"\x00" in data and not best.encoding.startswith("utf_16")
                        and not best.encoding.startswith("utf_32")):
        raise DossierError(
            f"{name} is not a text file (binary content near byte {first_error.start}): "
            "give a .txt, .md or saved .html article."
        )
    return str(best), best.encoding.replace("_", "-")
