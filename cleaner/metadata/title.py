"""The visible headline.

A dump shows the headline in a few recognisable ways: as a markdown `#` heading, as the page's
<title> line at the top ("Headline - Site"), repeated just above the article, or simply as the
last headline-shaped line before the body, with its byline and date right below. Each line
above the body is scored on those signals, with the URL slug as a tie-breaker; the site name
and breadcrumb around the headline in the <title> line come along (see `titleline`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Sequence

from ..blocks import Block
from .agency import read_opening
from .bylines import byline_like
from .common import UrlInfo, fold, slug_overlap, word_alternation
from .dates import find_dates, starts_with_label
from .titleline import (
    TITLE_LINE_BLOCKS,
    TitleLine,
    around_headline,
    contained,
    glued_head,
    read_title_lines,
    split_title_line,
)
from .vocab import CREDIT_MARKERS, DANGLING_WORDS, NOT_HEADLINE_STARTS, UI_PHRASES, UI_STEMS, WEEKDAYS

LOOKBACK = 45
"""Blocks above the first body block searched for the headline (menus sit further up)."""
NO_BODY_SCAN = 400
"""Blocks searched when the classifier kept nothing."""
COPY_SPAN = 30
"""An earlier copy of the headline this close still carries the byline and date (galleries)."""
FOLD_SLACK = 8
SLUG_KEYS = 2
SLUG_KEY_MIN_CHARS = 4
"""A far line must contain the URL slug's two longest words (of this length) to be considered."""
BODY_HEAD_SCAN = 4
"""Leading body blocks searched for a headline the classifier took in (see `leading_headline`)."""
BODY_PROSE_CHARS = 150
"""A body block this long is a paragraph of the story: no headline is looked for below it."""
BODY_HEADLINE_SLUG = 0.5
"""Share of the URL slug's words a body block must spell to be taken for the headline."""
FAR_MAX = 3
"""Characters folding may remove from a line (quotes, doubled spaces)."""
MIN_SCORE = 0.0
"""Below this a candidate has too much against it: report the <title> line or no title."""
NO_BODY_MIN_SCORE = 3.0
"""Without a body to anchor on, a headline needs real evidence (heading, <title> line, slug)."""

# Shape limits.
MIN_CHARS = 8
MAX_CHARS = 300
MAX_WORDS = 40
UI_MAX_WORDS = 5
"""Lines this short that contain an interface word ("Share this on WhatsApp") are controls."""
BYLINE_MAX_WORDS = 6
"""Lines this short are checked for being a byline ("Tom Krisher, AP Auto Writer")."""
DATE_MAX_SHARE = 0.4
"""A line that is mostly a date is a date line."""
CUT_MIN_WORDS = 2
"""Words that must remain when a date glued to a headline is cut off."""
META_MAX_CHARS = 120
"""Byline and date lines are short."""
SHORT_WORDS = 4
SENTENCE_MIN_WORDS = 10
LONG_WORDS = 22

# Score weights, in units of "one piece of evidence".
BASE = 1.0
HEADING_BONUS = {1: 3.0, 2: 1.5, 3: 0.5, 4: 0.3, 5: 0.2, 6: 0.2}
TITLE_LINE_BONUS = 4.0  # equals the headline part of the <title> line
TITLE_LINE_CONTAINS_BONUS = 3.0  # most of the <title> line, with a breadcrumb or site around it
TITLE_LINE_SELF_COST = 1.0  # the <title> line itself: its in-page copy is the better pick
REPEAT_BONUS = 1.0  # printed twice (title tag + h1, or h1 + share box)
SLUG_WEIGHT = 4.0  # times the share of URL slug words found
META_BONUS = 1.5  # a byline or date right below (META_NEXT_SPAN blocks) or a date right above
META_NEXT_SPAN = 4
DATE_ABOVE_SPAN = 2
NEAREST_BONUS = 1.0  # the closest headline-shaped line above the body
DISTANCE_COST = 0.04  # per block between the candidate and the body
DISTANCE_COST_MAX = 2.0
BULLET_COST = 1.5  # bullets are menus and related links
SHORT_COST = 1.0  # per word under SHORT_WORDS: a section name or a control
SENTENCE_COST = 1.5  # a long line ending in "." is a standfirst or a caption
LONG_COST = 1.5  # longer than almost any headline: a standfirst
DATE_COST = 2.5  # a line with a date inside is a byline or dateline more often than a headline
WRAPPER_COST = 3.0  # "Share this story: <headline>": a label around a line printed elsewhere

_LOW = attrgetter("low")
_NO_SPACE_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]{4}")  # Chinese, Japanese
_TRAILING_WEEKDAY = re.compile(r"[\s,]*\b(?:" + "|".join(WEEKDAYS) + r")\.?[\s,]*$", re.IGNORECASE)
_UI = re.compile(r"\b(?:" + "|".join(UI_STEMS) + r")")  # on lower-cased text
_NOT_HEADLINE_PART = re.compile(word_alternation(CREDIT_MARKERS + UI_PHRASES))
"""Any photo credit or interface phrase, on lower-cased text (one search, not one test a phrase)."""
_OPENERS = frozenset("\"'“‘«„¿¡([")
_FILE_WORD = re.compile(r"[^\s_]_[^\s_]")
"""Words joined by an underscore ("A.N.N._Peter_Koros"): a file name an image's alt text repeats
(text browsers print alt texts where get_text() prints nothing), never a headline's words."""
_ICON = re.compile(r"\s*\b[a-z]+_(?:left|right|up|down|forward|back|more|less|outline|circle|menu)\b")
_WRAPPER = re.compile(r"^[^:]{3,60}:\s+(?P<rest>.+)$")
_BY_ANY = re.compile(r" (?:[bB]y|von|por|par|di) ")
_BY_GLUED = re.compile(r"\s+By\s+([A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]*){1,3})\b")
_BY_SUFFIX = re.compile(r"\s+(?:by|von|por|par|di)\s+([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})$")
_BYLINE_START = re.compile(r"^(?:by|von|por|par|written by|posted by|author)\b", re.I)


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
    scores: dict[int, float] = field(default_factory=dict)  # block index -> score, for debugging


# --- Line shape --------------------------------------------------------------------------------


def _cjk(text: str) -> bool:
    """Chinese or Japanese (written without spaces, so word counts mean nothing)."""
    return not text.isascii() and bool(_NO_SPACE_SCRIPT.search(text))


def _quick_ok(block: Block) -> bool:
    """The length and word-count tests of `_headline_shaped`, cheap enough to filter the pool."""
    text = block.text
    return MIN_CHARS <= len(text) <= MAX_CHARS and (" " in text or _cjk(text))


def _headline_shaped(block: Block) -> bool:
    """Whether a line could be a headline at all: length, words, not a label, credit or control."""
    text = block.text
    if not MIN_CHARS <= len(text) <= MAX_CHARS or text[-1] == ":" or not (text[0].isalnum() or text[0] in _OPENERS):
        return False
    n_words = text.count(" ") + 1
    if n_words > MAX_WORDS or (n_words < 2 and not _cjk(text)):
        return False
    low = text.lower()
    if low.startswith(NOT_HEADLINE_STARTS) or _NOT_HEADLINE_PART.search(low):
        return False
    # "(Photo: ...)"; "[The headline again]": inscriptis prints an image's alt text in brackets
    if text[0] + text[-1] in ("()", "[]") or (n_words <= UI_MAX_WORDS and _UI.search(low)):
        return False
    if starts_with_label(text) or not any(c.isalpha() for c in text[:40]):
        return False
    if "_" in text and _FILE_WORD.search(text):
        return False
    if "(" in text[:60] or "—" in text[:40] or " - " in text[:40]:
        opening = read_opening(text)
        if opening.agency or opening.dateline:
            return False  # "WASHINGTON (Reuters) - Scientists...": the article's first paragraph
    if n_words <= BYLINE_MAX_WORDS and byline_like(text):
        return False
    return not _date_line(text, with_label=True)


def _date_line(text: str, with_label: bool = False) -> bool:
    """A line that is mostly a date (or, `with_label`, opens with a labelled date)."""
    dates = find_dates(text)
    if not dates:
        return False
    if sum(d.end - d.start for d in dates) > DATE_MAX_SHARE * len(text):
        return True
    first = dates[0]
    return with_label and bool(first.label) and first.start < len(first.label) + 3


def _sentence(text: str) -> bool:
    """A long line ending in a full stop: a standfirst or a caption rather than a headline."""
    return text.endswith(".") and not text.endswith("..") and text.count(" ") + 1 >= SENTENCE_MIN_WORDS


# --- Headline text -----------------------------------------------------------------------------


def _headline(text: str, line: TitleLine) -> tuple[str, str, str]:
    """A candidate's headline text, how a date in it was handled ("", "cut" or "inside"), and
    the headline's folded form when the page has a <title> line ("" if not).

    Icon names, a glued byline and a glued date are removed, unless the <title> line prints the
    same words (then the date belongs to the headline: "Opening Bell 11.18.19"); a line the dump
    glued to the next one ("Headline View") is cut back to the <title> line's headline. The
    folded form is needed to compare with the <title> line, so scoring gets it from here instead
    of folding the text a second time.
    """
    if "_" in text:
        text = _ICON.sub("", text).strip()
    text = strip_by(text)[0]
    key = fold(text) if line.parts else ""
    if line.parts and key in line.parts:
        return text, "", key
    if line.blocks:
        head = glued_head(text, line)
        if head:
            return head, "", fold(head) if line.parts else ""
    cut, date_how = _date_cut(text)
    if date_how == "cut" and line.parts:
        key = fold(cut)
    return cut, date_how, key


def _date_cut(text: str) -> tuple[str, str]:
    """Text without a date glued to its end ("Headline 기사입력 :[ 2018-08-25 ]").

    Returns (text, how): how is "" without a date, "cut" when a trailing date was removed,
    "inside" when the date stays (a date line, or a headline that names a date).
    """
    dates = find_dates(text)
    if not dates:
        return text, ""
    first = dates[0]
    if dates[-1].end >= len(text.rstrip(" ])|")) - 1 and first.start > 0:
        head = text[: first.start]
        if first.label:
            head = head[: head.casefold().rfind(first.label.casefold())]
        head = _TRAILING_WEEKDAY.sub("", head.rstrip(" :[(|-–—·,"))
        if len(head.split()) >= CUT_MIN_WORDS and head.rsplit(" ", 1)[-1].casefold() not in DANGLING_WORDS:
            return head, "cut"
    return text, "inside"


def strip_by(text: str) -> tuple[str, str | None]:
    """Cut a byline glued to a headline ("Hiking the Flat Irons by Regan", "... By Jane Doe, May 2")."""
    if not _BY_ANY.search(text):
        return text, None
    m = _BY_SUFFIX.search(text) or _BY_GLUED.search(text)
    if m and len(text[: m.start()].split()) >= 3:
        return text[: m.start()], m.group(1)
    return text, None


# --- Scoring -----------------------------------------------------------------------------------


@dataclass(slots=True)
class _Page:
    """What scoring needs to know about the page, computed once per call."""

    blocks: Sequence[Block]
    first_body: int
    url: UrlInfo
    line: TitleLine
    plain: Counter[str]  # casefolded line -> copies printed
    labelled: Counter[str]  # casefolded X -> labelled copies ("Share: X") in the pool
    meta: dict[int, bool] = field(default_factory=dict)  # memo: block index -> byline/date line
    date_lines: dict[int, bool] = field(default_factory=dict)
    headlines: dict[int, tuple[str, str, str]] = field(default_factory=dict)  # memo of `_headline`
    shaped: dict[int, bool] = field(default_factory=dict)  # memo of `_headline_shaped`

    def copies(self, low: str) -> int:
        """How often a line is printed, labelled copies ("Share: X") counted for X too."""
        return self.plain.get(low, 0) + self.labelled.get(low, 0)

    def headline(self, block: Block) -> tuple[str, str, str]:
        """`_headline` of a block (memoised: scoring, the reason and the result all read it)."""
        found = self.headlines.get(block.index)
        if found is None:
            found = self.headlines[block.index] = _headline(block.text, self.line)
        return found

    def is_shaped(self, block: Block) -> bool:
        """`_headline_shaped` of a block (memoised: the nearest line is usually a candidate too)."""
        found = self.shaped.get(block.index)
        if found is None:
            found = self.shaped[block.index] = _headline_shaped(block)
        return found

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


def _counts(blocks: Sequence[Block], pool: Sequence[Block]) -> tuple[Counter[str], Counter[str]]:
    """How often each line is printed as itself, and as the X of a labelled copy ("Share: X").

    Keys are the lines' own text, case-folded (`Block.low`, folded once when the block was made):
    copies of a headline are printed identically. Labelled copies are looked for in the pool only
    (share boxes sit above the article), and kept apart: merging them into a copy of the page's
    counter cost more than adding the two counts for the few lines that are asked about.
    """
    plain = Counter(map(_LOW, blocks))
    labelled: Counter[str] = Counter()
    for b in pool:
        if ":" in b.text:
            wrapper = _WRAPPER.match(b.text)
            if wrapper:
                labelled[wrapper.group("rest").casefold()] += 1
    return plain, labelled


def _text_score(page: _Page, block: Block) -> float:
    """Evidence from the line itself and its copies: heading, <title> line, repeats, URL slug,
    distance to the body, bullets, length. Cheap enough to run on every line of the pool."""
    text, date_how, key = page.headline(block)
    score = BASE + HEADING_BONUS.get(block.heading, 0.0) + _title_line_evidence(page, block, key)
    if date_how == "inside" and key not in page.line.parts:
        score -= DATE_COST
    elif date_how == "cut":
        score += META_BONUS  # the date glued to it is the headline's own
    if ":" in text:
        wrapper = _WRAPPER.match(text)
        if wrapper and page.plain.get(wrapper.group("rest").casefold(), 0) >= 1:
            score -= WRAPPER_COST
    if page.copies(block.low) >= 2:
        score += REPEAT_BONUS
    if page.url.slug_words:
        score += SLUG_WEIGHT * slug_overlap(text, page.url.slug_words, block.tokens if text == block.text else None)
    if page.first_body > 0:
        score -= min(DISTANCE_COST_MAX, DISTANCE_COST * (page.first_body - block.index))
    return score - _shape_costs(block, text)


def _shape_costs(block: Block, text: str) -> float:
    """Costs for looking like a menu item, a section name, a caption or a standfirst."""
    cost = BULLET_COST if block.marker else 0.0
    n_words = text.count(" ") + 1
    text = block.text if _sentence(block.text) else text  # a caption's date was cut: judge it whole
    if n_words < SHORT_WORDS and not _cjk(text):
        cost += SHORT_COST * (SHORT_WORDS - n_words)
    if _sentence(text):
        cost += SENTENCE_COST
    if n_words > LONG_WORDS:
        cost += LONG_COST
    return cost


def _title_line_evidence(page: _Page, block: Block, key: str) -> float:
    """Bonus for matching the <title> line's headline part; a cost for being that line."""
    if block.index in page.line.indexes:
        return -TITLE_LINE_SELF_COST
    if not key:
        return 0.0
    if key in page.line.parts:
        return TITLE_LINE_BONUS
    return TITLE_LINE_CONTAINS_BONUS if contained(key, page.line) else 0.0


def _layout_score(page: _Page, block: Block) -> float:
    """Evidence from the neighbours: a byline or date right below, or a date right above."""
    i = block.index
    stop = min(len(page.blocks), i + 1 + META_NEXT_SPAN)
    if page.first_body > i:
        stop = min(stop, page.first_body)
    below = any(page.is_meta(j) for j in range(i + 1, stop))
    if below or any(page.is_date_line(j) for j in range(max(0, i - DATE_ABOVE_SPAN), i)):
        return META_BONUS
    return 0.0


# --- The search --------------------------------------------------------------------------------


def find_title(blocks: Sequence[Block], first_body: int, url: UrlInfo) -> TitleResult:
    """Pick the headline among the lines above the body; also read site and breadcrumb.

    Every line of the pool gets the cheap text score; the costly checks (shape, neighbours) run
    best-first and stop once no remaining line could catch up with the best full score.
    """
    pool = list(blocks[max(0, first_body - LOOKBACK) : first_body] if first_body > 0 else blocks[:NO_BODY_SCAN])
    line = read_title_lines(blocks, first_body)
    plain, labelled = _counts(blocks, pool)
    page = _Page(blocks, first_body, url, line, plain, labelled)
    if first_body > LOOKBACK:
        pool = _far_candidates(blocks[: first_body - LOOKBACK], line, url) + pool
    nearest = _nearest(pool, page) if first_body > 0 else None
    ranked = sorted(((_text_score(page, b), -b.index, b) for b in pool if _quick_ok(b)), reverse=True)
    result = TitleResult()
    best: tuple[float, Block] | None = None
    for cheap, _, block in ranked:
        bonus = NEAREST_BONUS if block is nearest else 0.0
        if best is not None and cheap + bonus + META_BONUS <= best[0]:
            break
        if not page.is_shaped(block):
            continue
        score = cheap + bonus + _layout_score(page, block)
        result.scores[block.index] = score
        if best is None or score > best[0]:
            best = (score, block)
    if best is None or best[0] < (MIN_SCORE if first_body > 0 else NO_BODY_MIN_SCORE):
        return _title_line_only(line, result, chosen=False)
    return _finish(best[1], pool, page, result)


def leading_headline(blocks: Sequence[Block], body: Sequence[Block], url: UrlInfo) -> int:
    """How many of the body's first blocks are the headline and what stands above it.

    A dump without the <title> line (a text browser prints the page, not its head) gives the
    classifier no copy of the headline to remove, and a question or a long headline reads as
    prose: the story then starts at its own headline. The headline is looked for above the
    first paragraph instead, and when it is one of the body's leading short blocks, those up to
    it are no story text. Dumps with a <title> line are left alone (the headline was removed as
    its repeat) and cost nothing more than that test.
    """
    if not body or read_title_lines(blocks, body[0].index).parts:
        return 0
    lead = _first_paragraph(body, url)
    if not lead or not any(_quick_ok(b) and not _sentence(b.text) for b in body[:lead]):
        return 0
    found = find_title(blocks, body[lead].index, url).index
    for k, block in enumerate(body[:lead]):
        if block.index == found:
            return k + 1 if _marked_headline(block, url) else 0
    return 0


def _first_paragraph(body: Sequence[Block], url: UrlInfo) -> int | None:
    """Where the story's first paragraph stands among the body's leading blocks.

    It is the first long block, unless that block stands above a marked headline and closes
    on a word, as a caption does on its credit ('... Chris Jackson/Pool via REUTERS'), where a
    paragraph ends on a full stop or a quote: a lead photo's caption printed before the <h1>
    (text browsers print the figure where the page has it) is no paragraph, and the story
    starts at the first long block below the headline.
    """
    lead = next((k for k, b in enumerate(body[:BODY_HEAD_SCAN]) if len(b.text) >= BODY_PROSE_CHARS), None)
    if lead != 0 or not body[0].text[-1:].isalnum():
        return lead
    head = next((k for k in range(1, min(BODY_HEAD_SCAN, len(body))) if _caption_headline(body[k], url)), None)
    if head is None:
        return lead
    below = body[head + 1 : head + 1 + BODY_HEAD_SCAN]
    return next((head + 1 + k for k, b in enumerate(below) if len(b.text) >= BODY_PROSE_CHARS), lead)


def _caption_headline(block: Block, url: UrlInfo) -> bool:
    """A short marked headline (see `_marked_headline`) that could stand below a lead caption."""
    return len(block.text) < BODY_PROSE_CHARS and _quick_ok(block) and not _sentence(block.text) and _marked_headline(block, url)


def _marked_headline(block: Block, url: UrlInfo) -> bool:
    """Evidence beyond its place that a body block is the headline: the layout made it a
    heading, or the URL slug spells it (a question opening the story is otherwise as likely)."""
    return block.heading > 0 or slug_overlap(block.text, url.slug_words, block.tokens) >= BODY_HEADLINE_SLUG


def _nearest(pool: list[Block], page: _Page) -> Block | None:
    """The closest headline-shaped line above the body (not a bullet, not a sentence)."""
    for block in reversed(pool):
        if not block.marker and _quick_ok(block) and not _sentence(block.text) and page.is_shaped(block):
            return block
    return None


def _far_candidates(blocks: Sequence[Block], line: TitleLine, url: UrlInfo) -> list[Block]:
    """Blocks far above the body that still have strong headline evidence.

    The classifier may start the body late (a dropped lead, a gallery in between): a level-1
    heading, a copy of the <title> line's headline, or a line spelling the URL slug's longest
    words is looked for all the way up.
    """
    keys = sorted((w for w in url.slug_words if len(w) >= SLUG_KEY_MIN_CHARS), key=len, reverse=True)[:SLUG_KEYS]
    if len(keys) < SLUG_KEYS:
        keys = []
    shortest = longest = -1  # no <title> line: no length fits
    if line.parts:
        shortest = min(len(p) for p in line.parts)
        longest = max(len(p) for p in line.parts) + FOLD_SLACK
    indexes = line.indexes
    # The evidence tests come first: far above the body few lines pass them, and the shape
    # test then runs on those few only (all tests must hold, so their order changes nothing).
    found = [
        b
        for b in blocks
        if (
            b.heading == 1
            or (keys and keys[0] in b.low and all(k in b.low for k in keys))  # the longest key rules out most
            or (shortest <= len(b.text) <= longest and fold(b.text) in line.parts)
        )
        and b.index not in indexes
        and _quick_ok(b)
    ]
    return found[-FAR_MAX:]


def _finish(block: Block, pool: list[Block], page: _Page, result: TitleResult) -> TitleResult:
    """Fill the result for the chosen block: text, earliest copy, source, <title> line parts."""
    if block.index in page.line.indexes:
        return _title_line_only(TitleLine((block,), indexes=frozenset((block.index,))), result, chosen=True)
    result.trailing_byline = strip_by(block.text)[1]
    result.title = page.headline(block)[0]
    result.index = block.index
    key = block.low
    result.first_index = next(
        (
            b.index
            for b in pool
            if TITLE_LINE_BLOCKS <= b.index and 0 <= block.index - b.index <= COPY_SPAN and b.low == key
        ),
        block.index,
    )
    result.source = f"line {block.line}: {_why(block, page)}"
    around = around_headline(page.line, result.title, block.index, page.url)
    result.site, result.site_source = around.site, around.site_source
    result.categories, result.categories_source = around.categories, around.categories_source
    return result


def _why(block: Block, page: _Page) -> str:
    """Short human reason for the chosen headline."""
    if block.heading:
        return f"level-{block.heading} heading"
    if page.line.parts:
        key = page.headline(block)[2]
        if key in page.line.parts:
            return "headline of the <title> line"
        if contained(key, page.line):
            return "headline inside the <title> line"
    if page.copies(block.low) >= 2:
        return "repeated headline"
    return "headline-shaped line above the article"


def _title_line_only(line: TitleLine, result: TitleResult, chosen: bool) -> TitleResult:
    """No better headline: the <title> line itself, without its site suffix.

    Unless the line won the scoring (`chosen`), it must split into a headline and a site.
    """
    for b in line.blocks:
        title, site = split_title_line(b)
        if not site and not chosen:
            continue
        result.title, result.index, result.first_index = title, b.index, b.index
        result.source = f"line {b.line}: <title> line" + (" without its site suffix" if site else "")
        if site:
            result.site, result.site_source = site, f"line {b.line}: <title> line suffix"
        return result
    return result
