"""What markdown dumps with links kept show of a page's teaser cards.

html2text and markdownify, when they keep links, write a link around everything the <a> holds. A
news page's teaser card (a "More in World" tile, a "Recommended" grid) is one <a> around the
picture, the headline, the summary and the age: "[ ![alt](src) Headline  Summary  2H ago ](url)",
link text that reads like prose, and a row of cards wrapped at 78 columns runs on as one
paragraph. A paragraph of the story is never (nearly) all link text: its links sit inside its
sentences. The reader reduced the markdown to the link text in place, so the link text's spans
in the dump, which it hands on with the blocks (`Page.link_texts`), are the spans in the blocks.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from ..blocks import Block
from ..readers.markup import unlink_markdown
from .base import GENERIC_RULES, Page

CARD_MIN_WORDS = 12
"""Fewer words wholly in links are a menu item or a headline in a list: other rules judge those."""
CARD_MIN_LINK_SHARE = 0.9
"""Share of a block's letters and digits inside link text above which it is a card, not prose."""


_NOT_ALNUM = re.compile(r"[\W_]+")


def _alnum(text: str) -> int:
    """How many letters and digits the text has (spaces and markup left out)."""
    return len(text) - sum(len(run) for run in _NOT_ALNUM.findall(text))


def _link_share(source: str, spans: list[tuple[int, int]], ends: list[int], block: Block) -> float:
    """Share of the block's letters and digits that the dump wrote as link text."""
    linked = 0
    for start, end in spans[bisect_left(ends, block.start + 1) :]:
        if start >= block.end:
            break
        linked += _alnum(source[max(start, block.start) : min(end, block.end)])
    return linked / max(_alnum(block.text), 1)


@GENERIC_RULES.register("link_card", 8, "a teaser card: a paragraph that is (nearly) all link text")
def link_card(page: Page) -> None:
    source = page.source
    if "](" not in source:
        return
    candidates = [b for b in page.undecided() if b.words >= CARD_MIN_WORDS and not b.heading]
    if not candidates:
        return
    spans = page.link_texts if page.link_texts is not None else unlink_markdown(source)[1]
    ends = [end for _, end in spans]
    for block in candidates:
        if _link_share(source, spans, ends, block) >= CARD_MIN_LINK_SHARE:
            page.remove(block, "link_card", "a teaser card, all link text: not the story's text")


# inscriptis with display_images shows an image as its alt text in brackets, "[Hikers at the
# summit]", doubled when the title text repeats it ("[Kit][Kit]"), beside links written as
# markdown, "[text](url)". A page with markdown links and no markdown image ("![alt](src)", what
# html2text and markdownify write) shows its images so. A line of two or more bracketed runs is
# such images; a single one may as well be an editor's note or a citation, "[Updated at 5pm]".
_BRACKETS_ONLY = re.compile(r"(?:\[[^\[\]]+\] ?){2,}")
_MD_IMAGE_OPEN = "!["


@GENERIC_RULES.register("image_alt", 9, "images shown by their alt text in brackets beside markdown links")
def image_alt(page: Page) -> None:
    source = page.source
    if "](" not in source or _MD_IMAGE_OPEN in source:
        return
    for block in page.undecided():
        text = block.text
        if text[0] == "[" and text[-1] == "]" and _BRACKETS_ONLY.fullmatch(text):
            page.remove(block, "image_alt", "an image shown by its alt text, not the story's text")
