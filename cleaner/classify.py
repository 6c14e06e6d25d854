"""The generic, text-only classifier: what the named rules left undecided, judged from text alone.

Three steps, in the spirit of jusText:

1. First pass: each block alone gets a class from its length and stop-word density (prose is
   dense in function words in every language; headlines and menu items are not) - GOOD, NEAR
   (probably prose), SHORT (too short to judge) or POOR; prose cut off with "..." under a
   headline or beside other such cut-offs is a TEASER of another story.
2. Anchor: the article is the densest run of prose. Each block weighs for or against it (prose
   for, menus and rule-removed chrome against) and the run with the largest total - the maximum
   sub-array - is the main text. Barriers set by rules ("Comments", "© 2024 ...") split the page
   so the run cannot cross them.
3. Neighbour pass: inside the run, short blocks between article paragraphs (sub-headings, one-line
   paragraphs) stay; outside it, even prose goes (teasers, comments, author boxes).

Every threshold is a named constant below, so a change to one is a one-line, reviewable diff.
"""

from __future__ import annotations

import re
from typing import NamedTuple
from itertools import accumulate, chain

from .blocks import BAD, GOOD, UNKNOWN, Block
from .language import guess_language, stopwords
from .rules.base import Page

GOOD_MIN_CHARS = 150
"""A block this long with prose-like stop-word density is article text on its own."""
NEAR_MIN_CHARS = 50
"""Shorter blocks carry too few words for their stop-word density to mean anything."""
STOP_HIGH = 0.30
"""Stop-word share of running prose (jusText uses 0.30-0.32 across its languages)."""
STOP_LOW = 0.20
"""Below this share a long block is a list of names or headlines, not prose."""
NO_SPACE_GOOD_CHARS = 60
"""For Chinese/Japanese text (no spaces, no stop-word lists): characters of a prose block."""

WEIGHT_GOOD = 1.0
WEIGHT_NEAR = 0.6
COST_SHORT = 4.0
"""What a short line outside prose costs the run, in words: a menu of 20 items costs 80."""
COST_POOR = 0.5
"""Per word of a long non-prose block."""
COST_REMOVED = 4.0
"""Fixed cost of a block a rule removed, plus COST_POOR per word."""

PRE_HEADLINE_FACTOR = 0.3
"""Prose above the headline (teasers, promos) counts this much of prose below it."""
HEADLINE_ZONE = 0.7
"""The headline is looked for in this first share of the page."""
HEADLINE_MAX_GAP = 40
"""Blocks (byline, date, share bar, caption lines) that may stand between the headline and the
story's first paragraph. A run found further below the supposed headline is not the story under
it: the title was repeated in a sidebar or most-read list, and the prose above it is no teaser."""
SIGN_OFF_LOOKAHEAD = 3
"""Blocks after the run searched for a wire sign-off line."""
MIN_ARTICLE_WEIGHT = 40.0
"""A run worth less than this (about 40 words of prose) is no article on its own."""
BARRIER_MIN_PROSE = 60.0
"""Words of prose that must precede an end-of-article barrier for it to count."""

TABLE_CELL_MAX_CHARS = 80
"""A cell of a data table: a name, a number, a short stat line ("1 tackle (1 combined).")."""
TABLE_MIN_CELLS = 8
"""Fewer short lines in a row are a small list, not a table."""
TABLE_MIN_NUMBER_SHARE = 0.25
"""Share of cells that are bare numbers ("63", "85%", "-12.99") in a table of data; menus,
headline lists and share bars have next to none."""
COST_TABLE_CELL = 1.0
"""What a cell of such a table costs the run. A dump with one line per cell (BeautifulSoup) turns
a standings or stats table inside the story into dozens of short lines; at the cost of a menu
line they would cut the story in two."""

TITLE_CASE_SHARE = 0.6
"""Share of a block's stop words written with a capital above which it is title-case link text
run together (a menu flattened onto one line: "Back To Main Menu A Greater Cleveland At Any Cost
..."), not prose, however many stop words it has. Prose capitalizes a stop word only where a
sentence starts; news paragraphs stay under half even when full of names ("New York")."""
TITLE_CASE_MIN_STOPS = 4
"""Capitalized stop words a block needs before its share means anything."""
TITLE_CASE_MIN_CAPITALIZED = 0.3
"""Share of all words that start with a capital below which a block cannot be title case (its
stop words alone, a third of its words, would be at least that); prose has 10-20%."""
RUN_ON_CHARS = 800
"""Characters without a full stop, question mark, colon or semicolon that no prose runs to (the
longest such stretch in the bench's article paragraphs is under 500): a block holding one is
headlines and menu items run together, as a page flattened onto one line has them."""

TEASER_HEAD_MAX_WORDS = 20
"""A line this short without a full stop, right above a cut-off paragraph, is a teaser's headline."""
TEASER_MIN_CHARS = 100
"""A teaser runs a sentence or two before it is cut off; a short line trailing off ("3 years,
3 years...") is speech."""

FIRST_GOOD, FIRST_NEAR, FIRST_SHORT, FIRST_POOR, FIRST_RULE = "good", "near", "short", "poor", "rule"
FIRST_TEASER = "teaser"

_NO_SPACE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
_WORD = re.compile(r"\w+")
# A capital that starts a word. The look-behind comes after the capital (and looks two
# characters back), so the regex engine scans for the capitals alone and tests the character
# before only where it found one, instead of testing it at every position of the text.
_CAPITALIZED = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁΑ-Ω](?<![\w'’].)")
_SENTENCE_MARK = re.compile(r"[.!?;:…。！？।॥۔؟։።]")
_SIGN_OFF = re.compile(r"^\(?(?:reporting|writing|editing|additional reporting|compiled) by\b", re.I)
_SENTENCE_END = re.compile(r"[.!?。！？…]['\"”’»)]?$")
_SENTENCE_CHARS = frozenset(".!?。！？…")
# A paragraph cut off mid-sentence by a listing: "... said on Wednesday that the...", "... it […]".
_TRUNCATED = re.compile(r"\w(?:\.\.\.|…)$|\s\[(?:\.\.\.|…)\]$")
_TRUNCATION_ENDS = ("...", "…", "…]", "...]")
_NUMBER_CELL = re.compile(r"[-+±]?[$€£¥]?\d[\d,.]*\s?%?")


class _Features(NamedTuple):
    words: int
    chars: int
    stop_share: float
    sentence: bool


def _word_count(block: Block, no_space: bool) -> int:
    """Words of the block; for Chinese/Japanese, where words have no spaces, two characters each."""
    words = len(block.tokens)
    if no_space:
        words = max(words, len(_NO_SPACE.findall(block.text)) // 2)
    return words


def _features(block: Block, stops: frozenset[str], no_space: bool) -> _Features:
    tokens = block.tokens
    words = _word_count(block, no_space)
    stop = sum(map(stops.__contains__, tokens)) / len(tokens) if tokens else 0.0
    text = block.text
    sentence = text[-1:] in _SENTENCE_CHARS or bool(_SENTENCE_END.search(text, len(text) - 2))
    return _Features(words, len(text), stop, sentence)


def _first_class(f: _Features, no_space: bool) -> str:
    if no_space:
        if f.chars >= NO_SPACE_GOOD_CHARS and f.sentence:
            return FIRST_GOOD
        return FIRST_NEAR if f.chars >= NO_SPACE_GOOD_CHARS // 2 and f.sentence else FIRST_SHORT
    if f.chars < NEAR_MIN_CHARS:
        return FIRST_NEAR if f.sentence and f.stop_share >= STOP_HIGH and f.words >= 4 else FIRST_SHORT
    if not f.sentence and f.chars < GOOD_MIN_CHARS:
        return FIRST_SHORT  # a headline or link text, however many stop words it has
    if f.stop_share >= STOP_HIGH:
        return FIRST_GOOD if f.chars >= GOOD_MIN_CHARS else FIRST_NEAR
    if f.stop_share >= STOP_LOW:
        return FIRST_NEAR
    return FIRST_POOR


def _title_case(block: Block, stops: frozenset[str]) -> bool:
    """Whether the block's stop words are mostly capitalized (see TITLE_CASE_SHARE)."""
    if len(_CAPITALIZED.findall(block.text)) < TITLE_CASE_MIN_CAPITALIZED * len(block.tokens):
        return False  # the common case, prose, told cheaply: few words start with a capital
    capitalized = total = 0
    for word in _WORD.findall(block.text):
        if word.lower() in stops:
            total += 1
            capitalized += word[0].isupper()
    return capitalized >= TITLE_CASE_MIN_STOPS and capitalized >= TITLE_CASE_SHARE * total


def _run_on(block: Block) -> bool:
    """Whether the block runs on for RUN_ON_CHARS without ending a sentence (one pass over its
    sentence marks: a regex for the stretch itself would retry at every character)."""
    text = block.text
    if len(text) < RUN_ON_CHARS:
        return False
    last = -1
    for m in _SENTENCE_MARK.finditer(text):
        if m.start() - last > RUN_ON_CHARS:
            return True
        last = m.start()
    return len(text) - 1 - last >= RUN_ON_CHARS


def _weight(cls: str, words: int) -> float:
    if cls == FIRST_GOOD:
        return WEIGHT_GOOD * words
    if cls == FIRST_NEAR:
        return WEIGHT_NEAR * words
    if cls == FIRST_SHORT:
        return -COST_SHORT
    if cls in (FIRST_RULE, FIRST_TEASER):
        return _removed_cost(words)
    return -COST_POOR * words


def _removed_cost(words: int) -> float:
    """The (negative) weight of a block taken out of the story, by a rule or as a teaser."""
    return -(COST_REMOVED + COST_POOR * words)


def _first_pass(blocks: list[Block], stops: frozenset[str], no_space: bool) -> tuple[list[str], list[float], list[int]]:
    """Each block's first class and weight, and the indices of the blocks still UNKNOWN.

    A block a rule removed needs no features: only its word count (its cost to the run) is used.
    Every block starts as removed, in two list passes, and only the others are judged one by one
    (on a news page most blocks are chrome a rule has already taken out).
    """
    classes = [FIRST_RULE] * len(blocks)
    weights = [_removed_cost(_word_count(b, no_space) if no_space else b.words) for b in blocks]
    unknown: list[int] = []
    for i, block in enumerate(blocks):
        if block.label == BAD:
            continue
        f = _features(block, stops, no_space)
        cls = _first_class(f, no_space)
        if (cls is FIRST_GOOD or cls is FIRST_NEAR) and (_title_case(block, stops) or _run_on(block)):
            cls = FIRST_POOR
        if (cls is FIRST_GOOD or cls is FIRST_NEAR) and _is_teaser(blocks, i):
            cls = FIRST_TEASER
        if block.label == UNKNOWN:
            block.first_label = GOOD if cls is FIRST_GOOD or cls is FIRST_NEAR else BAD
            unknown.append(i)
        classes[i] = cls
        weights[i] = _weight(cls, f.words)
    return classes, weights, unknown


def _cut_off(block: Block) -> bool:
    """A paragraph a listing cut off mid-sentence ("... said on Wednesday that the...")."""
    text = block.text
    return len(text) >= TEASER_MIN_CHARS and text.endswith(_TRUNCATION_ENDS) and bool(_TRUNCATED.search(text[-6:]))


def _is_teaser(blocks: list[Block], i: int) -> bool:
    """A cut-off paragraph under a headline, or beside another one: a listing's teasers of other
    stories, however dense in function words (the story itself is never printed cut off)."""
    if not _cut_off(blocks[i]):
        return False
    prev = blocks[i - 1] if i else None
    if prev is not None and not _SENTENCE_END.search(prev.text) and prev.text.count(" ") < TEASER_HEAD_MAX_WORDS:
        return True
    return (prev is not None and _cut_off(prev)) or (i + 1 < len(blocks) and _cut_off(blocks[i + 1]))


def _is_counting(numbers: list[str]) -> bool:
    """1, 2, 3, ...: the ranks of a most-read list, not data."""
    if not all(n.isdigit() for n in numbers):
        return False
    values = [int(n) for n in numbers]
    return all(b == a + 1 for a, b in zip(values, values[1:]))


def _discount_tables(blocks: list[Block], weights: list[float]) -> None:
    """Charge the short lines of a data table COST_TABLE_CELL each instead of a menu line's cost.

    A table is a run of at least TABLE_MIN_CELLS short lines of which a TABLE_MIN_NUMBER_SHARE
    are bare numbers, at least three different ones (a share bar's "0 0 0" is no data) and not
    counting 1, 2, 3, ....
    """
    # The runs of short lines lie between the long blocks (and the page's ends).
    long_blocks = [k for k, b in enumerate(blocks) if len(b.text) > TABLE_CELL_MAX_CHARS]
    i = 0
    for j in chain(long_blocks, (len(blocks),)):
        if j - i >= TABLE_MIN_CELLS:
            numbers = [b.text for b in blocks[i:j] if _NUMBER_CELL.fullmatch(b.text)]
            if len(numbers) >= TABLE_MIN_NUMBER_SHARE * (j - i) and len(set(numbers)) >= 3 and not _is_counting(numbers):
                for k in range(i, j):
                    if weights[k] < 0:
                        weights[k] = -COST_TABLE_CELL
        i = j + 1


def _effective_barriers(weights: list[float], barriers: set[int]) -> set[int]:
    """Barriers with article-sized prose before them.

    "Comments" or "© 2019" near the top of a page is a link in the header, not the end of the
    article: a barrier counts only once enough prose has come before it.
    """
    if not barriers:
        return set()
    prose_before = list(accumulate((w if w > 0 else 0.0 for w in weights), initial=0.0))
    return {i for i in barriers if 0 <= i < len(weights) and prose_before[i] >= BARRIER_MIN_PROSE}


def _max_run(weights: list[float], lo: int, hi: int) -> tuple[float, int, int]:
    """(total, start, end) of the maximum-sum run within weights[lo:hi] (Kadane)."""
    best, span = 0.0, (lo, lo)
    total, start = 0.0, lo
    for i in range(lo, hi):
        if total <= 0:
            total, start = 0.0, i
        total += weights[i]
        if total > best:
            best, span = total, (start, i + 1)
    return best, span[0], span[1]


def _best_run(weights: list[float], barriers: set[int]) -> tuple[int, int]:
    """[start, end) of the article's run.

    Barriers mark where the article is over ("Comments", "© 2024"), so the run is looked for
    before the first one; only when nothing article-sized is there (the header had a "Comments"
    link after all) is the rest of the page searched.
    """
    first = min(barriers) if barriers else len(weights)
    total, start, end = _max_run(weights, 0, first)
    if total >= MIN_ARTICLE_WEIGHT or first == len(weights):
        return start, end
    rest_total, rest_start, rest_end = _max_run(weights, first + 1, len(weights))
    return (rest_start, rest_end) if rest_total > total else (start, end)


def _extend_to_sign_off(blocks: list[Block], end: int) -> int:
    """Take in a wire sign-off ("(Reporting by ...; Editing by ...)") that closes the story.

    It is short and has no full stop, so the run stops before it; it belongs to the story even
    when a rule-removed promo ("Sign up here") stands between.
    """
    for j in range(end, min(end + SIGN_OFF_LOOKAHEAD, len(blocks))):
        block = blocks[j]
        if block.label == UNKNOWN:
            return j + 1 if _SIGN_OFF.match(block.text) else end
    return end


def _headline_index(blocks: list[Block]) -> int | None:
    """Where the visible headline stands: the article starts after it, teasers stand before it.

    The headline is the first markdown h1, else the last early line that repeats the page title
    (the first line of most dumps is the <title>, "Headline - Site") outside a list of links: a
    "More in ..." box inside or below the story lists the story's own title among the others.
    """
    limit = int(len(blocks) * HEADLINE_ZONE)
    for block in blocks[:limit]:
        if block.heading == 1:
            return block.index
    found = None
    page_title = blocks[0].low if blocks and not blocks[0].marker else ""  # a bullet: a menu, or lynx's "#[1]Feed" list
    for block in blocks[1:limit]:
        if block.rule == "repeated_title" and block.text.casefold() in page_title and not _in_link_list(blocks, block.index):
            found = block.index
    return found


def _in_link_list(blocks: list[Block], i: int) -> bool:
    """Whether a rule took the lines on both sides of block i as headlines of a link list."""
    return 0 < i < len(blocks) - 1 and blocks[i - 1].rule == blocks[i + 1].rule == "headline_list"


def _guess_language(blocks: list[Block]) -> str | None:
    """The page's language, judged on its long blocks, where it shows (menus are often English
    anyway); on all blocks when none is long."""
    sample = [b for b in blocks if len(b.text) > 80] or blocks
    return guess_language("\n".join(b.text for b in sample), chain.from_iterable(b.tokens for b in sample))


def classify(page: Page) -> str | None:
    """Label every undecided block GOOD or BAD; return the page's language code."""
    blocks = page.blocks
    language = _guess_language(blocks)
    no_space = language in ("zh", "ja")
    stops = stopwords(language)

    classes, weights, unknown = _first_pass(blocks, stops, no_space)
    _discount_tables(blocks, weights)
    headline = _headline_index(blocks)
    raw = weights
    if headline is not None:
        weights = [w * PRE_HEADLINE_FACTOR if i < headline and w > 0 else w for i, w in enumerate(weights)]
    start, end = _best_run(weights, _effective_barriers(weights, page.barriers))
    if headline is not None and start - headline > HEADLINE_MAX_GAP:
        weights = raw  # the story is far below the repeat: it was no headline (see the constant)
        start, end = _best_run(weights, _effective_barriers(weights, page.barriers))
    if sum(weights[start:end]) < MIN_ARTICLE_WEIGHT / 2:
        start = end = 0  # a line or two of prose in a page of links is no article
    end = _extend_to_sign_off(blocks, end)
    for i in unknown:
        block = blocks[i]
        cls = classes[i]
        if cls == FIRST_TEASER:
            block.set(BAD, "teaser", "paragraph cut off with '...' in a listing: a teaser of another story")
        elif not start <= i < end:
            block.set(BAD, "outside_main_text", "outside the densest run of prose that holds the article")
        elif cls in (FIRST_GOOD, FIRST_NEAR):
            block.set(GOOD, "prose", f"prose ({cls} on its own) inside the article's run")
        elif cls == FIRST_SHORT:
            block.set(GOOD, "neighbours", "short line between article paragraphs: kept")
        elif _SENTENCE_END.search(block.text):
            block.set(GOOD, "neighbours", "sentence with few function words, between article paragraphs: kept")
        else:
            block.set(BAD, "not_prose", "long block with few function words (a list or table), inside the run")
    return language
