"""Lists of links: "Related"/"Ranking" headline lists, navigation menus, end-of-article headings."""

from __future__ import annotations

import re

from ..blocks import Block
from .base import GENERIC_RULES, Page
from .text_shape import KEY_PUNCTUATION, WORD_RE, block_key, ends_sentence, is_headline_like, key
from .vocab import END_OF_ARTICLE_HEADINGS, HEADLINE_LIST_HEADINGS

MENU_ITEM_MAX_WORDS = 4
"""Menu items are a few words long ("Local", "Police Reports", "Contact CT Post")."""
MENU_MIN_RUN = 6
"""A run of this many menu-shaped lines is a menu; fewer may be a short list in the article."""
HEADLINE_MAX_WORDS = 30


# "More From the Los Angeles Times", "More in Politics", "Latest from Reuters", "Mehr aus Bremen".
_LIST_HEADING_PREFIX = re.compile(
    r"^(?:more|latest|also|other|top|popular|trending|recent)\s+(?:from|in|on|at|stories|news|articles|"
    r"videos|posts|headlines)\b|^(?:más de|más en|mehr aus|mehr von|mehr zu|plus de|altro da|mais de)\s",
    re.I,
)
LIST_HEADING_MAX_WORDS = 7


_LIST_HEADING_STARTS = ("more", "latest", "also", "other", "top", "popular", "trending", "recent", "más",
                        "mehr", "plus", "altro", "mais")
"""First words of _LIST_HEADING_PREFIX: other blocks skip the regex."""


LIST_HEADING_MAX_CHARS = 60
"""A list heading is short ("Related stories", "More from Reuters")."""
_HEADING_FIRST_WORDS = frozenset(WORD_RE.search(h).group() for h in HEADLINE_LIST_HEADINGS)
"""The first word of each list heading. block_key() strips only non-word characters, so a block
whose key is a heading starts with that heading's first word: its first token is one of these."""


def _list_headings(blocks: list[Block]) -> set[int]:
    """Indices of the list headings among `blocks`.

    One comprehension of C-level tests that every heading passes (length, opening, first token)
    leaves a few blocks per page; only those are asked _is_list_heading.
    """
    maybe = [
        b
        for b in blocks
        if len(b.text) <= LIST_HEADING_MAX_CHARS
        and (b.low.startswith(_LIST_HEADING_STARTS) or (b.tokens and b.tokens[0] in _HEADING_FIRST_WORDS))
    ]
    return {b.index for b in maybe if _is_list_heading(b)}


def _is_list_heading(block: Block) -> bool:
    text = block.text
    if len(text) > LIST_HEADING_MAX_CHARS:
        return False
    return block_key(block) in HEADLINE_LIST_HEADINGS or (
        block.low.startswith(_LIST_HEADING_STARTS)
        and block.words <= LIST_HEADING_MAX_WORDS
        and not ends_sentence(text)
        and bool(_LIST_HEADING_PREFIX.match(text))
    )


def _headline_run(blocks: list[Block], start: int, headings: set[int]) -> int:
    """End (exclusive) of the run of headline-shaped blocks from `start` (`headings`: the
    indices of the list headings, see _list_headings)."""
    end = start
    while end < len(blocks):
        b = blocks[end]
        if end in headings:
            end += 1  # "Related" followed directly by "Ranking": one furniture section
            continue
        same_list = b.marker and end > start and blocks[end - 1].marker == b.marker
        if not is_headline_like(b.text, HEADLINE_MAX_WORDS) and not (
            same_list and b.words <= HEADLINE_MAX_WORDS
        ):
            break
        end += 1
    return end


@GENERIC_RULES.register("headline_list", 30, "a 'Related'/'Ranking'/'Read more' heading and its headlines")
def headline_list(page: Page) -> None:
    blocks = page.blocks
    headings = _list_headings(blocks)
    end = 0  # blocks before this one are taken: a heading inside a run starts no run of its own
    for i in sorted(headings):
        if i < end:
            continue
        head = blocks[i]
        end = _headline_run(blocks, i + 1, headings)
        page.remove(head, "headline_list", f"heading {head.text!r} of a list of links to other stories")
        for b in blocks[i + 1 : end]:
            if b.index in headings:
                page.remove(b, "headline_list", f"heading {b.text!r} of a list of links to other stories")
            else:
                page.remove(b, "headline_list", f"headline listed under {head.text!r}")


_COUNT = re.compile(r"[\d\[\]()]+")


# "About Ascom", "About the author", "Über die Autorin": a boilerplate box after the story.
_ABOUT = re.compile(r"^(?:about|über|sobre|à propos(?: de)?|a proposito di)(?:\s+\S+){0,4}$", re.I)


_ABOUT_STARTS = ("about", "über", "sobre", "à propos", "a proposito")


END_HEADING_MAX_CHARS = 40
"""An end-of-article heading is short ("Comments", "Leave a Reply", "About the author")."""


def _maybe_end_headings(blocks: list[Block]) -> list[Block]:
    """The blocks _is_end_heading must judge, by C-level tests in one comprehension: short ones
    that start like an "About ..." box, hold a count or bracket for _COUNT to blank out, or
    whose key (block_key, inlined) is a heading as it stands (without a count, blanking changes nothing)."""
    return [
        b
        for b in blocks
        if len(b.text) <= END_HEADING_MAX_CHARS
        and (
            b.low.strip(KEY_PUNCTUATION) in END_OF_ARTICLE_HEADINGS
            or b.low.startswith(_ABOUT_STARTS)
            or _COUNT.search(b.low) is not None
        )
    ]


def _is_end_heading(block: Block) -> bool:
    """'Comments', '[ 167 comments ]', 'Leave a Reply', 'About Ascom': the article is over."""
    text = block.text
    if len(text) > END_HEADING_MAX_CHARS:
        return False
    return key(_COUNT.sub(" ", block.low)) in END_OF_ARTICLE_HEADINGS or (
        block.low.startswith(_ABOUT_STARTS) and bool(_ABOUT.match(text)) and not ends_sentence(text)
    )


@GENERIC_RULES.register("end_of_article", 31, "comments, tags, author-box headings close the article")
def end_of_article(page: Page) -> None:
    for block in _maybe_end_headings(page.blocks):
        if _is_end_heading(block):
            page.remove(block, "end_of_article", f"{block.text!r} starts page furniture after the article")
            page.barriers.add(block.index)


def _menu_shaped(block: Block) -> bool:
    text = block.text
    return len(text) <= 40 and block.words <= MENU_ITEM_MAX_WORDS and not ends_sentence(text)


@GENERIC_RULES.register("navigation", 40, "runs of short link-like lines: menus and section lists")
def navigation(page: Page) -> None:
    blocks = page.blocks
    i = 0
    while i < len(blocks):
        if not _menu_shaped(blocks[i]):
            i += 1
            continue
        j = i
        while j < len(blocks) and _menu_shaped(blocks[j]):
            j += 1
        if j - i >= MENU_MIN_RUN:
            for b in blocks[i:j]:
                page.remove(b, "navigation", f"one of {j - i} short link-like lines in a row (a menu)")
        i = j


# "Related: Headline", "READ MORE: Headline", "Lesen Sie auch: ..." inside or after the story.
_INLINE_LINK_PREFIX = re.compile(
    r"^(?:related|related story|related article|read more|read also|also read|see also|more|also on [\w.]+|"
    r"watch|listen|recommended|most read|lea también|lee también|lesen sie auch|mehr dazu|"
    r"leia também|veja também|à lire aussi|lire aussi|leggi anche)\s*[:|>»–-]\s*\S",
    re.I,
)


@GENERIC_RULES.register("inline_related", 32, "'Related: headline' and 'READ MORE: headline' lines")
def inline_related(page: Page) -> None:
    for block in page.undecided():
        if _INLINE_LINK_PREFIX.match(block.text) and is_headline_like(block.text, HEADLINE_MAX_WORDS):
            page.remove(block, "inline_related", "link to another story, set inside the page")
