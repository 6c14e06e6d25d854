"""Bytes -> str, and dump or HTML page.

Bytes are decoded from the BOM, then as UTF-8, then with the encoding charset-normalizer finds;
when all fail the stated fallback is cp1252 with undecodable bytes replaced, so a bad byte never
loses a document. Line endings are normalised to "\\n": all offsets refer to that text.
"""

from __future__ import annotations

import codecs
import re

FALLBACK_ENCODING = "cp1252"
MULTIBYTE_ENCODINGS = frozenset(
    "shift_jis cp932 euc_jp iso2022_jp gb2312 gbk gb18030 hz big5 big5hkscs cp950 euc_kr cp949 "
    "johab utf_16 utf_16_le utf_16_be utf_32 utf_32_le utf_32_be".split()
)
"""Detector answers trusted over the cp1252 default: multi-byte scripts cp1252 would garble."""

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
DECLARATION_WINDOW = 4096
"""Browsers look for the charset declaration in the first 1024 bytes; we allow some slack."""
_META_CHARSET = re.compile(r"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
# Labels whose real-world content is in a superset encoding (what browsers decode them as).
WHATWG_SUPERSETS = {
    "iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252",
    "ascii": "cp1252", "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030",
    "shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932", "x-sjis": "cp932",
    "euc-kr": "cp949", "ks_c_5601-1987": "cp949", "iso-8859-9": "cp1254", "tis-620": "cp874",
}
_MOJIBAKE_SIGNS = re.compile("[ÃÂ][\u0080-\u00bf]|â€|Ã[©¨ª«¡³¶¼]")
_HTML_SIGNS = re.compile(
    r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<(?:div|p|article|meta|title|script)[\s>/]", re.I
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CONTROL_CHARS = tuple(chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F))
"""The characters of _CONTROL one by one: `c in text` for each is three times faster than the
regex search over a page that has none, the usual case."""


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Return (text, how it was decoded) for bytes input.

    Order of trust: a forced encoding, the byte order mark, the page's own declaration
    (`<meta charset>` / `http-equiv`), strict UTF-8, then a detector; never the first bytes alone.
    """
    if encoding:
        return data.decode(encoding, errors="replace"), f"{encoding} (forced)"
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name, errors="replace"), f"{name} (byte order mark)"
    declared = declared_encoding(data)
    if declared:
        try:
            return data.decode(declared), f"{declared} (declared by the page)"
        except UnicodeDecodeError:
            pass  # a wrong declaration is common: fall through to UTF-8 and the detector
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    detected = _detect(data)
    if detected and detected.replace("-", "_").lower() in MULTIBYTE_ENCODINGS:
        return data.decode(detected, errors="replace"), f"{detected} (detected)"
    try:
        # Single-byte guesses on short Western text are unreliable (mac_latin2 for plain French);
        # windows-1252 is what browsers assume for such pages, so it wins when it decodes cleanly.
        return data.decode(FALLBACK_ENCODING), f"{FALLBACK_ENCODING} (no UTF-8; decodes cleanly)"
    except UnicodeDecodeError:
        pass
    if detected:
        return data.decode(detected, errors="replace"), f"{detected} (detected)"
    return data.decode(FALLBACK_ENCODING, errors="replace"), f"{FALLBACK_ENCODING} (fallback, bad bytes replaced)"


def declared_encoding(data: bytes) -> str | None:
    """The encoding a page declares in its first bytes, as browsers read it (WHATWG labels)."""
    head = data[:DECLARATION_WINDOW].decode("ascii", errors="replace")
    m = _META_CHARSET.search(head)
    if not m:
        return None
    label = m.group(1).strip().lower()
    label = WHATWG_SUPERSETS.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def repair(text: str) -> str:
    """Undo mojibake ("Ã©" for "é", "â€™" for "’") when there are signs of it; ftfy does the work."""
    if not ("Ã" in text or "Â" in text or "â€" in text) or not _MOJIBAKE_SIGNS.search(text):
        return text
    import ftfy  # only pages that show mojibake pay for it

    return ftfy.fix_encoding(text)  # only the encoding: quotes and widths stay as written


def _detect(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:200_000]).best()
        return best.encoding if best is not None else None
    except Exception:  # a detector failure must not lose the document
        return None


def normalise(text: str) -> str:
    """Unify line endings and drop control characters (NUL and friends break downstream tools)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text) if any(c in text for c in _CONTROL_CHARS) else text


def looks_like_html(text: str) -> bool:
    head = text[:5000]
    return len(_HTML_SIGNS.findall(head)) >= 2
