"""The visible headline, the site name printed next to it, and breadcrumb categories.

A dump shows the headline in a few recognisable ways: as a markdown `#` heading, as the page's
<title> line at the top ("Headline - Site" / "Headline | Site", sometimes glued to a breadcrumb),
repeated just above the article, or simply as the last headline-shaped line before the body.
Each line before the body is scored on those signals, with the URL slug as a tie-breaker.
"""

from __future__ import annotations

import re
from collections import Counter
from operator import attrgetter
from dataclasses import dataclass, field
from typing import Sequence

from ..blocks import Block
from .common import UrlInfo, fold, slug_overlap
from .site import host_match
from .dates import find_dates, starts_with_label
from .vocab import BREADCRUMB_LABELS, BREADCRUMB_SEPARATORS, HOME_WORDS, UI_PHRASES, UI_STEMS, WEEKDAYS

LOOKBACK = 45
"""Blocks before the first body block searched for the headline (menus sit further up)."""
NO_BODY_SCAN = 400
"""Blocks searched when the classifier kept nothing."""
TITLE_LINE_BLOCKS = 2
"""The <title> line is the first or second block of a dump that kept it."""
MAX_SITE_WORDS = 6
MAX_SITE_PARTS = 2
PREFIX_MIN_WORDS = 4
FOLD_SLACK = 8
"""Characters folding may remove from a line (quotes, doubled spaces)."""
COPY_SPAN = 30
"""An earlier copy of the headline this close still carries the byline and date (galleries)."""
MIN_CHARS = 8
MAX_CHARS = 300
MAX_WORDS = 40
MIN_SCORE = 0.0
"""Below this a candidate has too much against it: report the <title> line or no title."""

# Score weights, in units of "one piece of evidence".
HEADING_BONUS = {1: 3.0, 2: 1.5, 3: 0.5, 4: 0.3, 5: 0.2, 6: 0.2}
TITLE_LINE_BONUS = 4.0  # equals the headline part of the <title> line
TITLE_LINE_SELF_COST = 1.0
TITLE_LINE_CONTAINS_BONUS = 3.0  # contained in the <title> line with extra text around
REPEAT_BONUS = 1.0  # printed twice (title tag + h1, or h1 + share box)
SLUG_WEIGHT = 4.0  # times the share of URL slug words found
DISTANCE_COST = 0.04  # per block between the candidate and the body
DISTANCE_COST_MAX = 2.0
BULLET_COST = 1.5  # bullets are menus and related links
SENTENCE_COST = 1.5  # a long line ending in "." is a standfirst or a caption
META_NEXT_BONUS = 1.5  # a byline or date follows within META_NEXT_SPAN blocks
META_NEXT_SPAN = 4
DATE_ABOVE_SPAN = 2
SENTENCE_MIN_WORDS = 10
CUT_MIN_WORDS = 2
META_MAX_CHARS = 120
NEAREST_BONUS = 1.0  # the closest headline-shaped line above the body
BASE = 1.0
DATE_COST = 2.5  # a line with a date is a byline or dateline more often than a headline
WRAPPER_COST = 3.0  # "Share this story: <headline>": a label around a line printed elsewhere
CONTAINED_MIN_SHARE = 0.5
"""A headline glued to a breadcrumb or site name is most of its <title> line, not a word of it."""
SHORT_WORDS = 4
SHORT_COST = 1.0  # per word under SHORT_WORDS: two or three words: a section name or a control more often than a headline
UI_MAX_WORDS = 5
DATE_MAX_SHARE = 0.4
"""A line that is mostly a date is a date line."""
"""Lines this short that contain an interface word ("Share this on WhatsApp") are controls."""

_TEXT = attrgetter("text")
_NO_SPACE_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]{4}")  # Chinese, Japanese
_TRAILING_WEEKDAY = re.compile(r"[\s,]*\b(?:" + "|".join(WEEKDAYS) + r")\.?[\s,]*$", re.IGNORECASE)
_UI = re.compile(r"\b(?:" + "|".join(UI_STEMS) + r")")
# Tested on the lower-cased line: substrings and prefixes that mark credits, bylines, controls.
_NOT_HEADLINE_PARTS = (
    "getty images", "shutterstock", "istock", "ap photo", "afp", "/reuters", "/ reuters", "reuters/",
    "reuters /", "credit", "©", "min read", "minute read", "all rights reserved",
) + UI_PHRASES
_NOT_HEADLINE_STARTS = (
    "@", "photo:", "photos:", "image:", "images:", "picture:", "foto:", "bild:", "video:", "credit:",
    "source:", "caption:", "file photo", "above:", "photo |", "image |", "by ", "von ", "por ", "par ",
    "written by", "posted by", "author",
)
_OPENERS = frozenset("\"'“‘«„¿¡([")
_ICON = re.compile(r"\s*\b[a-z]+_(?:left|right|up|down|forward|back|more|less|outline|circle|menu)\b")
_LABEL_PART = re.compile(r"\w:\s|\bmenu\b", re.IGNORECASE)
_WRAPPER = re.compile(r"^[^:]{3,60}:\s+(?P<rest>.+)$")
_SEPARATOR = re.compile(r"\s+[|–—·»:]{1,2}\s+|\s+-\s*|\s+/\s+")
_SITE_LEAD = re.compile(r"^[\s|–—·»:/\\-]+")
_BY_GLUED = re.compile(r"\s+By\s+([A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]*){1,3})\b")
_BY_SUFFIX = re.compile(r"\s+(?:by|von|por|par|di)\s+([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})$")
_BYLINE_START = re.compile(r"^(?:by|von|por|par|written by|posted by|author)\b", re.I)
_BREADCRUMB_SPLIT = re.compile(r"\s*(?:" + "|".join(re.escape(s) for s in BREADCRUMB_SEPARATORS) + r")\s*")
_LABELS = tuple(sorted(BREADCRUMB_LABELS, key=len, reverse=True))


@dataclass(slots=True)
class TitleResult:
    title: str | None = None
    index: int = -1  # block index of the chosen headline
    first_index: int = -1  # earliest copy of the headline above the body (its byline may sit there)
    source: str = ""
    site: str | None = None  # site name printed next to the headline in the <title> line
    site_source: str = ""
    categories: tuple[str, ...] = ()
    categories_source: str = ""
    trailing_byline: str | None = None  # "Headline by Regan": the name cut from the title
    scores: dict[int, float] = field(default_factory=dict)


def _headline_shaped(block: Block) -> bool:
    """Whether a line could be a headline at all: length, words, not a label or a control.

    Cheap tests first: this runs on every line above the body.
    """
    text = block.text
    if not MIN_CHARS <= len(text) <= MAX_CHARS or text[-1] == ":":
        return False
    if not (text[0].isalnum() or text[0] in _OPENERS):
        return False
    n_words = text.count(" ") + 1
    if n_words > MAX_WORDS or (n_words < 2 and not _NO_SPACE_SCRIPT.search(text)):
        return False
    low = text.lower()
    if low.startswith(_NOT_HEADLINE_STARTS) or any(p in low for p in _NOT_HEADLINE_PARTS):
        return False
    if (text[0] == "(" and text[-1] == ")") or (n_words <= UI_MAX_WORDS and _UI.search(low)):
        return False
    if starts_with_label(text) or not any(c.isalpha() for c in text[:40]):
        return False
    dates = find_dates(text)
    if not dates:
        return True
    share = sum(d.end - d.start for d in dates) / len(text)
    first = dates[0]
    return share <= DATE_MAX_SHARE and not (first.label and first.start < len(first.label) + 3)


def _headline_text(text: str, title_parts: set[str], prefixes: tuple[str, ...] = ()) -> tuple[str, str]:
    """A candidate's headline text: trailing byline and glued date removed, unless the <title>
    line prints the same words (then the date is part of the headline: "Opening Bell 11.18.19").

    A line that starts with the <title> line's headline and goes on ("Headline 3.409 letture")
    is the headline glued to the next line by the dump: it is cut back to the headline.
    """
    if "_" in text:
        text = _ICON.sub("", text).strip()
    text = _strip_by(text)[0]
    if title_parts and fold(text) in title_parts:
        return text, ""
    low = text.lower()
    for p in prefixes:
        if len(low) > len(p) + 1 and low.startswith(p) and low[len(p)] == " ":
            return text[: len(p)], ""
    return _date_cut(text)


def _date_cut(text: str) -> tuple[str, str]:
    """Text without a date glued to its end ("Headline 기사입력 :[ 2018-08-25 ]").

    Returns (text, how): how is "" without a date, "cut" when a trailing date was removed,
    "inside" when the date stays (a date line, or a headline that names a date).
    """
    dates = find_dates(text)
    if not dates:
        return text, ""
    last = dates[-1]
    if last.end >= len(text.rstrip(" ])|")) - 1 and dates[0].start > 0:
        head = text[: dates[0].start]
        if dates[0].label:
            head = head[: head.casefold().rfind(dates[0].label.casefold())]
        head = _TRAILING_WEEKDAY.sub("", head.rstrip(" :[(|-–—·,"))
        if len(head.split()) >= CUT_MIN_WORDS:
            return head, "cut"
    return text, "inside"


def _strip_by(text: str) -> tuple[str, str | None]:
    """Cut a byline glued to a headline ("Hiking the Flat Irons by Regan", "... By Jane Doe, May 2")."""
    m = _BY_SUFFIX.search(text) or _BY_GLUED.search(text)
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
    return [
        b
        for b in blocks[:TITLE_LINE_BLOCKS]
        if (b.index < first_body or first_body < 0) and len(_SEPARATOR.split(b.text)) >= 2
    ]


def _title_line_runs(text: str) -> list[str]:
    """Headline candidates from a <title> line: its parts and runs of adjacent parts, as printed.

    The shorter end part is the site name ("... - Auto News"), never the headline.
    """
    body = _strip_breadcrumb_label(text)
    cuts = [(m.start(), m.end()) for m in _SEPARATOR.finditer(body)]
    bounds = [(0, cuts[0][0])] if cuts else [(0, len(body))]
    bounds += [(cuts[k][1], cuts[k + 1][0] if k + 1 < len(cuts) else len(body)) for k in range(len(cuts))]
    bounds = [(a, b) for a, b in bounds if b > a]
    runs = [body[bounds[i][0] : bounds[j][1]] for i in range(len(bounds)) for j in range(i, min(len(bounds), i + 3))]
    if len(bounds) >= 2:
        first, last = body[slice(*bounds[0])], body[slice(*bounds[-1])]
        site = last if len(last) <= len(first) else first
        runs = [r for r in runs if r != site]
    return runs


def _title_line_parts(text: str) -> list[str]:
    """The <title> line's headline candidates, folded for comparison."""
    return [fold(r) for r in _title_line_runs(text)]


@dataclass(slots=True)
class _Page:
    """What scoring needs to know about the page, computed once per call."""

    blocks: Sequence[Block]
    first_body: int
    url: UrlInfo
    title_parts: set[str]
    title_texts: list[str]
    title_indexes: frozenset[int]
    plain: Counter[str]
    counts: Counter[str]
    title_prefixes: tuple[str, ...] = ()  # lower-cased headline parts of the <title> line
    meta: dict[int, bool] = field(default_factory=dict)  # memo: block index -> date/byline line
    date_lines: dict[int, bool] = field(default_factory=dict)

    def is_meta(self, i: int) -> bool:
        """A short byline or date line (memoised: each candidate looks at its neighbours)."""
        found = self.meta.get(i)
        if found is None:
            text = self.blocks[i].text
            found = len(text) <= META_MAX_CHARS and bool(
                _BYLINE_START.match(text) or starts_with_label(text) or find_dates(text)
            )
            self.meta[i] = found
        return found

    def is_date_line(self, i: int) -> bool:
        """A short line that is mostly a date, or starts with a date label."""
        found = self.date_lines.get(i)
        if found is None:
            text = self.blocks[i].text
            found = len(text) <= META_MAX_CHARS and (starts_with_label(text) or _date_line(text))
            self.date_lines[i] = found
        return found


def _text_score(page: _Page, block: Block) -> float:
    """Evidence from the line itself and its copies: heading, <title> line, repeats, URL slug,
    distance to the body, bullets, length. Cheap enough to run on every line of the pool."""
    title_parts = page.title_parts
    text, date_how = _headline_text(block.text, title_parts, page.title_prefixes)
    key = fold(text) if title_parts else ""
    score = BASE + HEADING_BONUS.get(block.heading, 0.0)
    if date_how == "inside" and key not in title_parts:
        score -= DATE_COST
    elif date_how == "cut":
        score += META_NEXT_BONUS  # the date glued to it is the headline's own
    if ":" in text:
        wrapper = _WRAPPER.match(text)
        if wrapper and page.plain.get(wrapper.group("rest").casefold(), 0) >= 1:
            score -= WRAPPER_COST
    score += _title_line_evidence(page, block, key)
    if page.counts.get(block.text.casefold(), 0) >= 2:
        score += REPEAT_BONUS
    if page.url.slug_words:
        score += SLUG_WEIGHT * slug_overlap(text, page.url.slug_words)
    if page.first_body > 0:
        score -= min(DISTANCE_COST_MAX, DISTANCE_COST * (page.first_body - block.index))
    if block.marker:
        score -= BULLET_COST
    n_words = text.count(" ") + 1
    if n_words < SHORT_WORDS and not _NO_SPACE_SCRIPT.search(text):
        score -= SHORT_COST * (SHORT_WORDS - n_words)
    if _sentence(text):
        score -= SENTENCE_COST
    return score


def _layout_score(page: _Page, block: Block, text_score: float) -> float:
    """Evidence from the neighbours: a byline or date right below, or a date right above."""
    if _meta_follows(page, block.index) or _date_above(page, block.index):
        return META_NEXT_BONUS
    return 0.0


def _title_line_evidence(page: _Page, block: Block, key: str) -> float:
    """Bonus for matching the <title> line's headline part; a cost for being that line."""
    if block.index in page.title_indexes:
        return -TITLE_LINE_SELF_COST  # the in-page copy of the headline is the better pick
    if not key:
        return 0.0
    if key in page.title_parts:
        return TITLE_LINE_BONUS
    for t in page.title_texts:
        if key in t and len(t) > len(key) + 2 and len(key) >= CONTAINED_MIN_SHARE * len(t):
            return TITLE_LINE_CONTAINS_BONUS
    return 0.0


def _date_above(page: _Page, index: int) -> bool:
    """Whether a date line sits right above (a "Published 1 day ago" / headline layout)."""
    return any(page.is_date_line(i) for i in range(max(0, index - DATE_ABOVE_SPAN), index))


def _date_line(text: str) -> bool:
    """A line that is mostly a date."""
    dates = find_dates(text)
    return bool(dates) and sum(d.end - d.start for d in dates) > DATE_MAX_SHARE * len(text)


def _sentence(text: str) -> bool:
    """A long line ending in a full stop: a standfirst or a caption rather than a headline."""
    return text.endswith(".") and not text.endswith("..") and text.count(" ") + 1 >= SENTENCE_MIN_WORDS


def _meta_follows(page: _Page, index: int) -> bool:
    """Whether a byline or a date line comes within the next few blocks (the headline's kit)."""
    stop = min(len(page.blocks), index + 1 + META_NEXT_SPAN)
    if page.first_body > index:
        stop = min(stop, page.first_body)
    return any(page.is_meta(i) for i in range(index + 1, stop))


def find_title(blocks: Sequence[Block], first_body: int, url: UrlInfo) -> TitleResult:
    """Pick the headline among the lines above the body; also read site and breadcrumb.

    Every line of the pool gets the cheap text score; the costly checks (shape, neighbours) run
    best-first and stop once no remaining line could catch up with the best full score.
    """
    if first_body > 0:
        pool = list(blocks[max(0, first_body - LOOKBACK) : first_body])
    else:
        pool = list(blocks[:NO_BODY_SCAN])
    heads = _title_lines(blocks, first_body)
    title_parts = {p for b in heads for p in _title_line_parts(b.text)}
    plain, counts = _counts(blocks, pool)
    page = _Page(
        blocks, first_body, url, title_parts, [fold(b.text) for b in heads], frozenset(b.index for b in heads), plain, counts
    )
    page.title_prefixes = _title_prefixes(heads)
    if first_body > LOOKBACK and title_parts:
        pool = _far_copy(blocks[: first_body - LOOKBACK], page) + pool
    nearest = _nearest(pool) if first_body > 0 else None
    ranked = sorted(((_text_score(page, b), -b.index, b) for b in pool if _quick_ok(b)), reverse=True)
    result = TitleResult()
    best = None
    for cheap, _, block in ranked:
        bonus = NEAREST_BONUS if block is nearest else 0.0
        if best is not None and cheap + bonus + META_NEXT_BONUS <= best[0]:
            break
        if not _headline_shaped(block):
            continue
        score = cheap + bonus + _layout_score(page, block, cheap)
        result.scores[block.index] = score
        if best is None or score > best[0]:
            best = (score, block)
    if best is None or best[0] < MIN_SCORE:
        return _title_line_only(heads, result)
    return _finish(best[1], pool, page, heads, result)


def _quick_ok(block: Block) -> bool:
    """The length test of `_headline_shaped`, cheap enough to filter the pool first."""
    return MIN_CHARS <= len(block.text) <= MAX_CHARS


def _nearest(pool: list[Block]) -> Block | None:
    """The closest headline-shaped line above the body (not a bullet, not a sentence)."""
    for block in reversed(pool):
        if not block.marker and _quick_ok(block) and not _sentence(block.text) and _headline_shaped(block):
            return block
    return None


def _title_prefixes(heads: list[Block]) -> tuple[str, ...]:
    """The <title> line's parts long enough to be a headline, lower-cased, longest first."""
    runs = [r.strip().lower() for b in heads for r in _title_line_runs(b.text)]
    return tuple(sorted((r for r in runs if r.count(" ") >= PREFIX_MIN_WORDS - 1), key=len, reverse=True))


def _far_copy(blocks: Sequence[Block], page: _Page) -> list[Block]:
    """The last block far above the body that prints the <title> line's headline."""
    shortest = min(len(p) for p in page.title_parts)
    longest = max(len(p) for p in page.title_parts) + FOLD_SLACK
    for b in reversed(blocks):
        if shortest <= len(b.text) <= longest and b.index not in page.title_indexes and fold(b.text) in page.title_parts:
            return [b]
    return []


def _finish(block: Block, pool: list[Block], page: _Page, heads: list[Block], result: TitleResult) -> TitleResult:
    """Fill the result for the chosen block: text, earliest copy, source, <title> line parts."""
    if block.index in page.title_indexes:
        result.index = block.index
        return _title_line_only([block], result)
    result.trailing_byline = _strip_by(block.text)[1]
    result.title = _headline_text(block.text, page.title_parts, page.title_prefixes)[0]
    result.index = block.index
    key = block.text.casefold()
    result.first_index = next(
        (
            b.index
            for b in pool
            if TITLE_LINE_BLOCKS <= b.index and block.index - b.index <= COPY_SPAN and b.text.casefold() == key
        ),
        block.index,
    )
    result.source = f"line {block.line}: {_why(block, page.title_parts, page.counts)}"
    _read_title_line(heads, result, page.url)
    return result


def _counts(blocks: Sequence[Block], pool: Sequence[Block]) -> tuple[Counter[str], Counter[str]]:
    """How often each line is printed: as itself, and counting labelled copies ("Share: X") too.

    Keys are the lines' own text, case-folded: copies of a headline are printed identically.
    Labelled copies are looked for in the pool only (share boxes sit above the article).
    """
    plain = Counter(map(str.casefold, map(_TEXT, blocks)))
    total = plain.copy()
    for b in pool:
        if ":" in b.text:
            wrapper = _WRAPPER.match(b.text)
            if wrapper:
                total[wrapper.group("rest").casefold()] += 1
    return plain, total


def _why(block: Block, title_parts: set[str], counts: dict[str, int]) -> str:
    """Short human reason for the chosen headline."""
    key = fold(_strip_by(block.text)[0])
    if block.heading:
        return f"level-{block.heading} heading"
    if key in title_parts:
        return "headline of the <title> line, repeated"
    if counts.get(block.text.casefold(), 0) >= 2:
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
        if parts and b.index == result.index:
            result.title = b.text
            result.source = f"line {b.line}: <title> line"
    return result


def _read_title_line(heads: list[Block], result: TitleResult, url: UrlInfo) -> None:
    """Site suffix and glued breadcrumb of a <title> line that contains the chosen headline."""
    title = result.title or ""
    for b in heads:
        if b.index == result.index:
            continue
        at = b.text.casefold().find(title.casefold())
        if at < 0 or len(b.text) <= len(title) + 1:
            continue
        after = _SITE_LEAD.sub("", b.text[at + len(title) :]).strip()
        site = _site_part([p.strip() for p in _SEPARATOR.split(after) if p.strip()] if after else [], url)
        if site:
            result.site = site
            result.site_source = f"line {b.line}: <title> line suffix"
        before = b.text[:at]
        crumbs = _breadcrumb(before, glued=True)
        if crumbs:
            result.categories = crumbs
            result.categories_source = f"line {b.line}: breadcrumb before the headline"
        return


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
