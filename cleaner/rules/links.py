"""What markdown dumps with links kept show of a page's teaser cards.

html2text and markdownify, when they keep links, write a link around everything the <a> holds. A
news page's teaser card (a "More in World" tile, a "Recommended" grid) is one <a> around the
picture, the headline, the summary and the age: "[ ![alt](src) Headline  Summary  2H ago ](url)",
link text that reads like prose, and a row of cards wrapped at 78 columns runs on as one
paragraph. A paragraph of the story is never (nearly) all link text: its links sit inside its
sentences. The reader reduced the markdown to the link text in place, so the link text's spans
in the dump are the spans in the blocks.
"""

from __future__ import annotations

from bisect import bisect_left

from ..blocks import Block
from ..readers.text import markdown_link_texts
from .base import GENERIC_RULES, Page

CARD_MIN_WORDS = 12
"""Fewer words wholly in links are a menu item or a headline in a list: other rules judge those."""
CARD_MIN_LINK_SHARE = 0.9
"""Share of a block's letters and digits inside link text above which it is a card, not prose."""


def _alnum(text: str) -> int:
    return sum(1 for c in text if c.isalnum())


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
    spans = markdown_link_texts(source)
    ends = [end for _, end in spans]
    for block in candidates:
        if _link_share(source, spans, ends, block) >= CARD_MIN_LINK_SHARE:
            page.remove(block, "link_card", "a teaser card, all link text: not the story's text")
