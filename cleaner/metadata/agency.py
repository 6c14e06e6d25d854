"""Wire agency and dateline from the opening of the article.

Agency copy opens with a dateline and the agency in brackets: "SEOUL, South Korea (AP) — ...",
"TAIPEI, Jan 9 (Reuters) - ...", "(MENAFN- Jordan Times) ...". The bracket names the agency;
the words before it, minus a trailing "Jan 9", are the dateline. Without a bracket, an all-caps
place before a dash ("MADRID — ...") is still a dateline, and a closing "Copyright ... The
Associated Press" line still names the agency.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from ..blocks import Block
from .common import word_alternation
from .vocab import AGENCIES, MONTHS

OPENING_BLOCKS = 2
"""Body blocks searched for a dateline (a kicker or a caption may come first)."""
CLOSING_BLOCKS = 4
"""Blocks at and after the end of the body searched for an agency copyright line."""
MAX_DATELINE_CHARS = 60

_MONTH = word_alternation(MONTHS)
_TAG = re.compile(r"^(?P<before>[^()\n]{0,80}?)\s*\((?P<tag>[^()\n]{2,50})\)\s*(?P<dash>[-—–:]+)?\s*")
_TRAILING_DATE = re.compile(r"[\s,]+(?:(?:" + _MONTH + r")\.?\s+\d{1,2}|\d{1,2}\s+(?:" + _MONTH + r")\.?)\s*,?$", re.I)
_CAPS_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z'’.\- ]{1,40}[A-Z.](?:,\s*[A-Z][\w.'’ -]{1,30}?)?)\s*(?:—|–|--|-)\s+\S"
)
_TAG_SPLIT = re.compile(r"\s*[-–—/,]\s*")
_COPYRIGHT_AGENCY = re.compile(
    r"(?:copyright|©)\s*(?:\(c\)\s*)?(?:\d{4}\s*)?(?P<name>the associated press|associated press|reuters|agence france-presse|afp|dpa)\b",
    re.I,
)
_PLACE_WORD = re.compile(r"^[A-Z][\w.'’-]*$")
_COPYRIGHT_CORE = "opyr"
"""A substring of "copyright" that every case-insensitive match of it holds once case-folded
(unlike "c", "i", "g", "h" and "t", these letters have no other character matching them): a
block whose folded text lacks it, and the sign, is not searched for an agency copyright."""


@dataclass(slots=True)
class AgencyResult:
    agency: str | None = None
    dateline: str | None = None
    source: str = ""
    dateline_source: str = ""


def _agency_from_tag(tag: str) -> str | None:
    """'AP' -> 'AP'; 'MENAFN- Jordan Times' -> 'MENAFN'; 'Reuters/AFP' -> 'Reuters'."""
    key = tag.strip().casefold()
    if key in AGENCIES:
        return AGENCIES[key]
    first = _TAG_SPLIT.split(key, maxsplit=1)[0]
    return AGENCIES.get(first)


def _clean_dateline(text: str) -> str | None:
    """'TAIPEI, Jan 9' -> 'TAIPEI'; None when the words before the tag are not a place."""
    text = _TRAILING_DATE.sub("", text.strip()).strip(" ,—–-")
    if not text or len(text) > MAX_DATELINE_CHARS:
        return None
    words = text.replace(",", " ").split()
    if not words or not words[0][:1].isupper() or len(words) > 7:
        return None
    if not all(_PLACE_WORD.match(w) or w.casefold() in ("de", "of", "am", "an", "del", "la") for w in words):
        return None
    return text


def read_opening(text: str) -> AgencyResult:
    """Agency and dateline from the first characters of an article paragraph."""
    result = AgencyResult()
    m = _TAG.match(text)
    if m:
        agency = _agency_from_tag(m.group("tag"))
        if agency and (m.group("dash") or not m.group("before").strip() or m.end() < len(text)):
            result.agency = agency
            before = m.group("before").strip()
            result.dateline = _clean_dateline(before) if before else None
            return result
    m = _CAPS_DATELINE.match(text)
    if m:
        result.dateline = _clean_dateline(m.group("place"))
    return result


def find_agency(blocks: Sequence[Block], body: Sequence[Block]) -> AgencyResult:
    """Agency and dateline from the opening of the article.

    The block right above the body is read too: a classifier may have dropped a lead paragraph
    for its "(MENAFN)" tag, or a dateline line printed on its own.
    """
    opening = list(body[:OPENING_BLOCKS])
    if body and 0 < body[0].index <= len(blocks):
        opening.insert(0, blocks[body[0].index - 1])
    for block in opening:
        found = read_opening(block.text)
        if found.agency or found.dateline:
            where = f"line {block.line}: opening of the article"
            found.source = where if found.agency else ""
            found.dateline_source = where if found.dateline else ""
            return found
    return AgencyResult()


def closing_agency(blocks: Sequence[Block], body: Sequence[Block]) -> tuple[str | None, str]:
    """Agency named in a copyright line at the end of the article ("Copyright 2019 The AP")."""
    if body:
        last = body[-1].index
        candidates = list(body[-CLOSING_BLOCKS:]) + list(blocks[last + 1 : last + 1 + CLOSING_BLOCKS])
    else:
        candidates = []
    for block in candidates:
        if "©" not in block.text and _COPYRIGHT_CORE not in block.low:
            continue  # most closing paragraphs: the case-insensitive search tries every position
        m = _COPYRIGHT_AGENCY.search(block.text)
        if m:
            return AGENCIES.get(m.group("name").casefold()), f"line {block.line}: agency copyright line"
    return None, ""
