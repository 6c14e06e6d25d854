"""Bytes -> str, and dump or HTML page.

Bytes are decoded from the BOM, then as UTF-8, then with the encoding charset-normalizer finds;
when all fail the stated fallback is cp1252 with undecodable bytes replaced, so a bad byte never
loses a document. Line endings are normalised to "\\n": all offsets refer to that text.
"""

from __future__ import annotations

import codecs
import re

FALLBACK_ENCODING = "cp1252"

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_HTML_SIGNS = re.compile(
    r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<(?:div|p|article|meta|title|script)[\s>/]", re.I
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Return (text, how it was decoded) for bytes input."""
    if encoding:
        return data.decode(encoding, errors="replace"), f"{encoding} (forced)"
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name, errors="replace"), f"{name} (byte order mark)"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:200_000]).best()
        if best is not None and best.encoding:
            return data.decode(best.encoding, errors="replace"), f"{best.encoding} (detected)"
    except Exception:  # a detector failure must not lose the document
        pass
    return data.decode(FALLBACK_ENCODING, errors="replace"), f"{FALLBACK_ENCODING} (fallback, bad bytes replaced)"


def normalise(text: str) -> str:
    """Unify line endings and drop control characters (NUL and friends break downstream tools)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text)


def looks_like_html(text: str) -> bool:
    head = text[:5000]
    return len(_HTML_SIGNS.findall(head)) >= 2
