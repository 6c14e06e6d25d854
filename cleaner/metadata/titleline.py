"""The page's <title> line and breadcrumbs: what surrounds the headline when a dump keeps them.

Dumps made with BeautifulSoup start with the <title> element: "Headline - Site",
"Opinion | Headline - The New York Times", or glued to a breadcrumb, "Current:Home >
StocksHeadline -FinTechWorld". Once the headline is known, what precedes it is the breadcrumb
(the categories) and what follows it is the site name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from ..blocks import Block
from .common import UrlInfo, fold
from .site import host_match
from .vocab import BREADCRUMB_LABELS, BREADCRUMB_SEPARATORS, HOME_WORDS

TITLE_LINE_BLOCKS = 2
"""The <title> line is the first or second block of a dump that kept it."""
RUN_PARTS = 3
"""A headline may itself contain a separator: runs of up to this many parts are candidates."""
MAX_SITE_WORDS = 6
MAX_SITE_PARTS = 2
"""More parts after the headline than this are a menu ("| F1 | Indy | MotoGP"): the first is the site."""
PREFIX_MIN_WORDS = 4
"""A <title> line part needs this many words to be recognised inside a longer line."""
CONTAINED_MIN_SHARE = 0.5
"""A headline glued to a breadcrumb or site name is most of its <title> line, not a word of it."""
MAX_CRUMB_WORDS = 4
MAX_CRUMB_CHARS = 40
MAX_CRUMB_LINE = 150
SITE_ONLY_MAX_WORDS = 5
MAX_SITE_CHARS = 40
HEADLINE_MIN_WORDS = 3

SEPARATOR = re.compile(r"\s+[|–—·»:]{1,2}\s+|\s+-\s*|\s+/\s+")
_SITE_LEAD = re.compile(r"^[\s|–—·»:/\\-]+")
_FEED_PART = re.compile(r"\b(?:feed|rss|alternate)\b", re.IGNORECASE)
"""The feed links a text browser lists at the top ("#[1]Site » Feed [2]Site » Comments Feed",
"[3]alternate"): never the site's name."""
_LABEL_PART = re.compile(r"\w:\s|\bmenu\b|" + _FEED_PART.pattern, re.IGNORECASE)
"""A part that is a label or a control, never the site: "Section: ...", "Menu", a feed link."""
_PART_ENDS = frozenset("|-–—:·»/")
_CRUMB_SEPARATOR = "|".join(re.escape(s) for s in BREADCRUMB_SEPARATORS)
_CRUMB_SPLIT = re.compile(r"\s*(?:" + _CRUMB_SEPARATOR + r")\s*")
_HAS_CRUMB_SEPARATOR = re.compile(_CRUMB_SEPARATOR)
"""One search instead of a substring test per separator: most lines above the body have none."""
_LABELS = tuple(sorted(BREADCRUMB_LABELS, key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class TitleLine:
    """What the <title> lines offer the headline search, computed once per page."""

    blocks: tuple[Block, ...] = ()
    parts: frozenset[str] = frozenset()  # folded headline candidates (parts and runs of parts)
    texts: tuple[str, ...] = ()  # the whole lines, folded
    prefixes: tuple[str, ...] = ()  # lower-cased runs long enough to spot inside a glued line
    indexes: frozenset[int] = frozenset()  # block indexes of the <title> lines


def strip_label(text: str) -> str:
    """'Current:Home > Stocks...' -> 'Home > Stocks...'."""
    low = text.casefold()
    for label in _LABELS:
        if low.startswith(label):
            return text[len(label) :].lstrip()
    return text


def read_title_lines(blocks: Sequence[Block], first_body: int) -> TitleLine:
    """The first blocks that look like a <title> line (they have a separator), parsed."""
    heads = tuple(
        b
        for b in blocks[:TITLE_LINE_BLOCKS]
        if (b.index < first_body or first_body < 0) and len(SEPARATOR.split(b.text)) >= 2
    )
    if not heads:
        return TitleLine()
    runs = [r for b in heads for r in _runs(b.text)]
    prefixes = sorted((r.strip().lower() for r in runs if r.count(" ") >= PREFIX_MIN_WORDS - 1), key=len, reverse=True)
    return TitleLine(
        heads,
        frozenset(fold(r) for r in runs),
        tuple(fold(b.text) for b in heads),
        tuple(prefixes),
        frozenset(b.index for b in heads),
    )


def _runs(text: str) -> list[str]:
    """Headline candidates of one <title> line: its parts and runs of adjacent parts, as printed.

    The shorter end part is the site name ("... - Auto News"), never the headline.
    """
    body = strip_label(text)
    cuts = [(m.start(), m.end()) for m in SEPARATOR.finditer(body)]
    bounds = [(0, cuts[0][0])] if cuts else [(0, len(body))]
    bounds += [(cuts[k][1], cuts[k + 1][0] if k + 1 < len(cuts) else len(body)) for k in range(len(cuts))]
    bounds = [(a, b) for a, b in bounds if b > a]
    runs = [
        body[bounds[i][0] : bounds[j][1]] for i in range(len(bounds)) for j in range(i, min(len(bounds), i + RUN_PARTS))
    ]
    if len(bounds) >= 2:
        first, last = body[slice(*bounds[0])], body[slice(*bounds[-1])]
        site = last if len(last) <= len(first) else first
        runs = [r for r in runs if r != site]
    return runs


def glued_head(text: str, line: TitleLine) -> str | None:
    """The headline part of a line the dump glued to what followed it ("Headline View").

    Either a <title> line run is a prefix of the line, or the longest run of the line's first
    words that a <title> line prints as a whole part (ending at a separator) is most of it.
    """
    low = text.lower()
    for p in line.prefixes:
        if len(low) > len(p) + 1 and low.startswith(p) and low[len(p)] == " ":
            return text[: len(p)]
    words = text.split()
    if len(words) < PREFIX_MIN_WORDS + 1 or not any(fold(" ".join(words[:3])) in t for t in line.texts):
        return None
    for k in range(len(words) - 1, max(PREFIX_MIN_WORDS, len(words) // 2) - 1, -1):
        head = " ".join(words[:k])
        key = fold(head)
        for t in line.texts:
            at = t.find(key)
            if at >= 0 and len(key) >= CONTAINED_MIN_SHARE * len(t) and _ends_part(t[at + len(key) :]):
                return head
    return None


def _ends_part(rest: str) -> bool:
    """Whether a <title> line continues here with a separator (or ends): a whole part ended."""
    return not rest or rest.lstrip()[:1] in _PART_ENDS


def contained(key: str, line: TitleLine) -> bool:
    """Whether a folded candidate is most of a <title> line that has more around it."""
    return any(key in t and len(t) > len(key) + 2 and len(key) >= CONTAINED_MIN_SHARE * len(t) for t in line.texts)


def split_title_line(block: Block) -> tuple[str, str | None]:
    """(headline, site) of a <title> line taken alone: "Headline - Site" -> ("Headline", "Site").

    A scraper that joined text nodes without a separator glues the page's first menu onto the
    site name ("Headline - cleveland.comSkip to ArticleMenuHome..."): the site ends where the
    glue starts, and only the parts before it are the headline.
    """
    parts = [p for p in SEPARATOR.split(strip_label(block.text)) if p.strip()]
    if len(parts) >= 2 and len(parts[0].split()) >= HEADLINE_MIN_WORDS:
        if _FEED_PART.search(parts[-1]):
            return block.text, None
        if len(parts[-1].split()) <= SITE_ONLY_MAX_WORDS:
            return " - ".join(parts[:-1]).strip(), parts[-1].strip()
        for k in range(1, len(parts)):
            site = _unglued(parts[k])
            if site:
                return " - ".join(parts[:k]).strip(), site
    return block.text, None


_GLUE = re.compile(r"(?<=[a-z0-9.])(?=[A-Z][a-z])")
"""Where a scraper glued two text nodes without a gap: "cleveland.comSkip"."""
GLUE_GAP = "   "
"""Where it glued them across the next node's indentation: "CityAM        Latest"."""


def _unglued(part: str) -> str | None:
    """The site name at the start of a part that has the page glued on, or None when the part
    shows no glue or its start is no site name. A gap wins over a case change before it, which
    may be inside the name ("TechCrunch        Latest")."""
    gap = part.find(GLUE_GAP)
    m = None if gap >= 0 else _GLUE.search(part)
    end = gap if gap >= 0 else (m.start() if m else -1)
    head = part[:end].strip() if end > 0 else ""
    return head if head and len(head.split()) <= SITE_ONLY_MAX_WORDS and len(head) <= MAX_SITE_CHARS else None


@dataclass(frozen=True, slots=True)
class Surroundings:
    """Site name and breadcrumb printed around the headline in a <title> line."""

    site: str | None = None
    site_source: str = ""
    categories: tuple[str, ...] = ()
    categories_source: str = ""


def around_headline(line: TitleLine, title: str, index: int, url: UrlInfo) -> Surroundings:
    """Site suffix and glued breadcrumb of the <title> line that contains the headline."""
    for b in line.blocks:
        at = b.text.casefold().find(title.casefold())
        if b.index == index or at < 0 or len(b.text) <= len(title) + 1:
            continue
        after = _SITE_LEAD.sub("", b.text[at + len(title) :]).strip()
        site = _site_part([p.strip() for p in SEPARATOR.split(after) if p.strip()] if after else [], url)
        crumbs = breadcrumb(b.text[:at], glued=True)
        return Surroundings(
            site,
            f"line {b.line}: <title> line suffix" if site else "",
            crumbs,
            f"line {b.line}: breadcrumb before the headline" if crumbs else "",
        )
    return Surroundings()


def _site_part(parts: list[str], url: UrlInfo) -> str | None:
    """The site name among the parts after the headline ("| News | Al Jazeera").

    A part that spells the URL's brand wins; else the last part, unless a long tail of parts
    is a menu ("| Autoracing | F1 | Indy | MotoGP"), where the first is the site.
    """
    parts = [p for p in parts if len(p.split()) <= MAX_SITE_WORDS and not _LABEL_PART.search(p)]
    if not parts:
        return None
    for p in parts:
        if host_match(p, url):
            return p
    return parts[-1] if len(parts) <= MAX_SITE_PARTS else parts[0]


def breadcrumb(text: str, glued: bool = False) -> tuple[str, ...]:
    """Categories of a breadcrumb ("Home > Stocks" -> ("Stocks",)); () when it is not one.

    A breadcrumb starts with a label ("You are here:"), a home word, or (glued) sits right
    before the headline in the <title> line.
    """
    body = strip_label(text)
    labelled = body != text
    parts = [p for p in (p.strip() for p in _CRUMB_SPLIT.split(body)) if p]
    if not parts or (len(parts) < 2 and not labelled and not glued):
        return ()
    if not (labelled or glued or parts[0].casefold() in HOME_WORDS):
        return ()
    out: list[str] = []
    for p in parts:
        if p.casefold() not in HOME_WORDS and len(p.split()) <= MAX_CRUMB_WORDS and p not in out:
            out.append(p)
    return tuple(out)


def find_breadcrumb(
    blocks: Sequence[Block], start: int, end: int, title: str | None
) -> tuple[tuple[str, ...], str]:
    """Categories from a one-line breadcrumb above the article ("Home > World > Asia")."""
    key = title.casefold() if title else ""
    for b in blocks[max(0, start) : end]:
        text = b.text
        if len(text) > MAX_CRUMB_LINE or not _HAS_CRUMB_SEPARATOR.search(text):
            continue
        at = text.casefold().find(key) if key else -1
        if at > 0:
            text = text[:at]  # "Home > World > Headline": the headline is no category
        crumbs = breadcrumb(text)
        if crumbs and all(len(c) <= MAX_CRUMB_CHARS for c in crumbs):
            return crumbs, f"line {b.line}: breadcrumb"
    return (), ""
