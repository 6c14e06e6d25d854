"""Lists of links: "Related"/"Ranking" headline lists, navigation menus, end-of-article headings."""

from __future__ import annotations

import re

from ..blocks import Block
from .base import GENERIC_RULES, Page
from .text_shape import block_key, ends_sentence, is_headline_like, key
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


def _is_list_heading(block: Block) -> bool:
    text = block.text
    if len(text) > 60:
        return False
    return block_key(block) in HEADLINE_LIST_HEADINGS or (
        block.low.startswith(_LIST_HEADING_STARTS)
        and block.words <= LIST_HEADING_MAX_WORDS
        and not ends_sentence(text)
        and bool(_LIST_HEADING_PREFIX.match(text))
    )


def _headline_run(blocks: list[Block], start: int) -> int:
    """End (exclusive) of the run of headline-shaped blocks from `start`."""
    end = start
    while end < len(blocks):
        b = blocks[end]
        if _is_list_heading(b):
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
    i = 0
    while i < len(blocks):
        head = blocks[i]
        if not _is_list_heading(head):
            i += 1
            continue
        end = _headline_run(blocks, i + 1)
        page.remove(head, "headline_list", f"heading {head.text!r} of a list of links to other stories")
        for b in blocks[i + 1 : end]:
            if _is_list_heading(b):
                page.remove(b, "headline_list", f"heading {b.text!r} of a list of links to other stories")
            else:
                page.remove(b, "headline_list", f"headline listed under {head.text!r}")
        i = max(end, i + 1)


_COUNT = re.compile(r"[\d\[\]()]+")


# "About Ascom", "About the author", "Über die Autorin": a boilerplate box after the story.
_ABOUT = re.compile(r"^(?:about|über|sobre|à propos(?: de)?|a proposito di)(?:\s+\S+){0,4}$", re.I)


_ABOUT_STARTS = ("about", "über", "sobre", "à propos", "a proposito")


def _is_end_heading(block: Block) -> bool:
    """'Comments', '[ 167 comments ]', 'Leave a Reply', 'About Ascom': the article is over."""
    text = block.text
    if len(text) > 40:
        return False
    return key(_COUNT.sub(" ", block.low)) in END_OF_ARTICLE_HEADINGS or (
        block.low.startswith(_ABOUT_STARTS) and bool(_ABOUT.match(text)) and not ends_sentence(text)
    )


@GENERIC_RULES.register("end_of_article", 31, "comments, tags, author-box headings close the article")
def end_of_article(page: Page) -> None:
    for block in page.blocks:
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
