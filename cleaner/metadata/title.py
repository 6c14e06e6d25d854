"""The visible headline, the site name printed next to it, and breadcrumb categories.

A dump shows the headline in a few recognisable ways: as a markdown `#` heading, as the page's
<title> line at the top ("Headline - Site" / "Headline | Site", sometimes glued to a breadcrumb),
repeated just above the article, or simply as the last headline-shaped line before the body.
Each line before the body is scored on those signals, with the URL slug as a tie-breaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Sequence

from ..blocks import Block
from .common import UrlInfo, fold, slug_overlap
from .dates import find_dates
from .vocab import BREADCRUMB_LABELS, BREADCRUMB_SEPARATORS, HOME_WORDS, UI_WORDS

LOOKBACK = 45
"""Blocks before the first body block searched for the headline (menus sit further up)."""
NO_BODY_SCAN = 400
"""Blocks searched when the classifier kept nothing."""
TITLE_LINE_BLOCKS = 2
"""The <title> line is the first or second block of a dump that kept it."""
MIN_CHARS = 8
MAX_CHARS = 300
MAX_WORDS = 40
MIN_SCORE = 1.0
"""Below this a candidate has no evidence beyond its shape: report no title."""

# Score weights, in units of "one piece of evidence".
HEADING_BONUS = {1: 3.0, 2: 1.5, 3: 0.5, 4: 0.3, 5: 0.2, 6: 0.2}
TITLE_LINE_BONUS = 4.0  # equals the headline part of the <title> line
TITLE_LINE_CONTAINS_BONUS = 3.0  # contained in the <title> line with extra text around
REPEAT_BONUS = 1.0  # printed twice (title tag + h1, or h1 + share box)
SLUG_WEIGHT = 3.0  # times the share of URL slug words found
DISTANCE_COST = 0.04  # per block between the candidate and the body
DISTANCE_COST_MAX = 2.0
BULLET_COST = 1.5  # bullets are menus and related links
SENTENCE_COST = 2.5  # a long line ending in "." is a standfirst or a caption
NEAREST_BONUS = 1.0  # the closest headline-shaped line above the body
BASE = 1.0

_SEPARATOR = re.compile(r"\s+[|–—·»:]{1,2}\s+|\s+-\s*|\s+/\s+")
_SITE_LEAD = re.compile(r"^[\s|–—·»:/\\-]+")
_BY_SUFFIX = re.compile(r"\s+(?:by|von|por|par|di)\s+([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})$")
_CAPTION = re.compile(r"^(?:photo|image|picture|foto|bild|video|credit|source|caption|file photo|above)\b", re.I)
_BYLINE_START = re.compile(r"^(?:by|von|por|par|written by|posted by|author)\b", re.I)
_NO_LETTERS = re.compile(r"^[\W\d_]*$")
_BREADCRUMB_SPLIT = re.compile(r"\s*(?:" + "|".join(re.escape(s) for s in BREADCRUMB_SEPARATORS) + r")\s*")
_LABELS = tuple(sorted(BREADCRUMB_LABELS, key=len, reverse=True))


@dataclass(slots=True)
class TitleResult:
    title: str | None = None
    index: int = -1  # block index of the chosen headline
    source: str = ""
    site: str | None = None  # site name printed next to the headline in the <title> line
    site_source: str = ""
    categories: tuple[str, ...] = ()
    categories_source: str = ""
    trailing_byline: str | None = None  # "Headline by Regan": the name cut from the title
    scores: dict[int, float] = field(default_factory=dict)


def _headline_shaped(block: Block) -> bool:
    """Whether a line could be a headline at all: length, letters, not a label or a date."""
    text = block.text
    if not (MIN_CHARS <= len(text) <= MAX_CHARS) or _NO_LETTERS.match(text):
        return False
    if len(text.split()) > MAX_WORDS or text.casefold() in UI_WORDS or text.endswith(":"):
        return False
    if "©" in text or _CAPTION.match(text) or _BYLINE_START.match(text) or text.startswith("@"):
        return False
    dates = find_dates(text)
    return not (dates and sum(d.end - d.start for d in dates) > 0.4 * len(text))


def _strip_by(text: str) -> tuple[str, str | None]:
    """Cut a trailing byline glued to a headline ("Hiking the Flat Irons by Regan")."""
    m = _BY_SUFFIX.search(text)
    if m and len(text[: m.start()].split()) >= 3:
        return text[: m.start()], m.group(1)
    return text, None


def _strip_breadcrumb_label(text: str) -> str:
    """'Current:Home > Stocks...' -> 'Home > Stocks...'."""
    low = text.casefold()
    for label in _LABELS:
        if low.startswith(label):
            return text[len(label) :].lstrip()
    return text


def _title_lines(blocks: Sequence[Block], first_body: int) -> list[Block]:
    """The first blocks, where a dump that kept the <title> element prints it."""
    return [b for b in blocks[:TITLE_LINE_BLOCKS] if b.index < first_body or first_body <= 0]


def _title_line_parts(text: str) -> list[str]:
    """Headline candidates from a <title> line: its parts and runs of adjacent parts."""
    parts = [p for p in _SEPARATOR.split(_strip_breadcrumb_label(text)) if p]
    runs = []
    for i in range(len(parts)):
        for j in range(i + 1, min(len(parts), i + 3) + 1):
            runs.append(fold(" - ".join(parts[i:j])))
    return runs


def _score(
    block: Block,
    first_body: int,
    title_parts: set[str],
    title_texts: list[str],
    counts: dict[str, int],
    url: UrlInfo,
) -> float:
    """Evidence that a block is the headline (see the weights above)."""
    text, _ = _strip_by(block.text)
    key = fold(text)
    score = BASE + HEADING_BONUS.get(block.heading, 0.0)
    if key in title_parts:
        score += TITLE_LINE_BONUS
    elif any(key in t and len(t) > len(key) + 2 for t in title_texts):
        score += TITLE_LINE_CONTAINS_BONUS
    if counts.get(key, 0) >= 2:
        score += REPEAT_BONUS
    score += SLUG_WEIGHT * slug_overlap(text, url.slug_words)
    if first_body > 0:
        score -= min(DISTANCE_COST_MAX, DISTANCE_COST * (first_body - block.index))
    if block.marker:
        score -= BULLET_COST
    if text.endswith(".") and not text.endswith("..") and len(text.split()) >= 6:
        score -= SENTENCE_COST
    return score


def find_title(blocks: Sequence[Block], first_body: int, url: UrlInfo) -> TitleResult:
    """Pick the headline among the lines above the body; also read site and breadcrumb."""
    if first_body > 0:
        pool = blocks[max(0, first_body - LOOKBACK) : first_body]
    else:
        pool = blocks[:NO_BODY_SCAN]
    heads = _title_lines(blocks, first_body)
    title_parts = {p for b in heads for p in _title_line_parts(b.text)}
    title_texts = [fold(b.text) for b in heads]
    counts: dict[str, int] = {}
    for b in blocks:
        if MIN_CHARS <= len(b.text) <= MAX_CHARS:
            k = fold(_strip_by(b.text)[0])
            counts[k] = counts.get(k, 0) + 1
    result = TitleResult()
    best = None
    nearest_done = False
    for block in reversed(pool):
        if not _headline_shaped(block):
            continue
        score = _score(block, first_body, title_parts, title_texts, counts, url)
        if first_body > 0 and not nearest_done and not block.marker:
            score += NEAREST_BONUS
            nearest_done = True
        result.scores[block.index] = score
        if best is None or score > best[0]:
            best = (score, block)
    if best is None or best[0] < MIN_SCORE:
        return _title_line_only(heads, result)
    block = best[1]
    result.title, result.trailing_byline = _strip_by(block.text)
    result.index = block.index
    result.source = f"line {block.line}: {_why(block, title_parts, counts)}"
    _read_title_line(heads, result, first_body)
    return result


def _why(block: Block, title_parts: set[str], counts: dict[str, int]) -> str:
    """Short human reason for the chosen headline."""
    key = fold(_strip_by(block.text)[0])
    if block.heading:
        return f"level-{block.heading} heading"
    if key in title_parts:
        return "headline of the <title> line, repeated"
    if counts.get(key, 0) >= 2:
        return "repeated headline"
    return "headline-shaped line above the article"


def _title_line_only(heads: list[Block], result: TitleResult) -> TitleResult:
    """No headline block: fall back to splitting the <title> line itself, if it has a site part."""
    for b in heads:
        parts = [p for p in _SEPARATOR.split(_strip_breadcrumb_label(b.text)) if p.strip()]
        if len(parts) >= 2 and len(parts[-1].split()) <= 5 and len(parts[0].split()) >= 3:
            result.title = " - ".join(parts[:-1]).strip()
            result.index = b.index
            result.source = f"line {b.line}: <title> line without its site suffix"
            result.site = parts[-1].strip()
            result.site_source = f"line {b.line}: <title> line suffix"
            return result
    return result


def _read_title_line(heads: list[Block], result: TitleResult, first_body: int) -> None:
    """Site suffix and glued breadcrumb of a <title> line that contains the chosen headline."""
    title = result.title or ""
    for b in heads:
        if b.index == result.index:
            continue
        at = b.text.casefold().find(title.casefold())
        if at < 0 or len(b.text) <= len(title) + 1:
            continue
        after = _SITE_LEAD.sub("", b.text[at + len(title) :]).strip()
        site = _SEPARATOR.split(after)[0].strip() if after else ""
        if site and len(site.split()) <= 6:
            result.site = site
            result.site_source = f"line {b.line}: <title> line suffix"
        before = b.text[:at]
        crumbs = _breadcrumb(before, glued=True)
        if crumbs:
            result.categories = crumbs
            result.categories_source = f"line {b.line}: breadcrumb before the headline"
        return


def _breadcrumb(text: str, glued: bool = False) -> tuple[str, ...]:
    """Categories of a breadcrumb line ("Home > Stocks" -> ("Stocks",)); () when not one."""
    body = _strip_breadcrumb_label(text)
    labelled = body != text
    parts = [p.strip() for p in _BREADCRUMB_SPLIT.split(body)]
    parts = [p for p in parts if p]
    if not parts or (len(parts) < 2 and not labelled and not glued):
        return ()
    if not (labelled or glued or parts[0].casefold() in HOME_WORDS):
        return ()
    out = []
    for p in parts:
        if p.casefold() in HOME_WORDS or len(p.split()) > 4:
            continue
        if p not in out:
            out.append(p)
    return tuple(out)


def find_breadcrumb(blocks: Sequence[Block], start: int, end: int, title: str | None) -> tuple[tuple[str, ...], str]:
    """Categories from a one-line breadcrumb between `start` and `end` ("Home > World > Asia")."""
    key = fold(title) if title else ""
    for b in blocks[max(0, start) : end]:
        text = b.text
        if len(text) > 150 or not any(s in text for s in BREADCRUMB_SEPARATORS):
            continue
        if key and key in fold(text):
            text = text[: fold(text).find(key)] if fold(text).find(key) > 0 else text
        crumbs = _breadcrumb(text)
        if crumbs and all(len(c) <= 40 for c in crumbs):
            return crumbs, f"line {b.line}: breadcrumb"
    return (), ""
