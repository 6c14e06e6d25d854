"""Rating, reaction and share widgets, and lone UI words ("View", "Print", "veryGood! (527)")."""

from __future__ import annotations

import re

from .base import GENERIC_RULES, Page
from .text_shape import block_key
from .vocab import UI_WORDS

# "veryGood! (527)", "Like (12)", "Comments (3)", "Share 14": a short label and a count.
_COUNTER = re.compile(r"^[^\W\d][\w!'’ ]{0,24}\s*[(\[]?\s*\d[\d,.]*\s*[kKmM]?\s*[)\]]?$")
# "1 of 23", "1 / 23", "/", "23", "3 min read": pager and gallery furniture.
_PAGER = re.compile(r"^(?:\d+\s*(?:of|/|von|de|sur|di)?\s*\d*|/|\d+\s*min(?:ute)?s?\s*read|\W+)$", re.I)


@GENERIC_RULES.register("widgets", 20, "rating, reaction and share widgets, counters, pagers")
def widgets(page: Page) -> None:
    for block in page.undecided():
        text = block.text
        if len(text) > 40:
            continue
        if _PAGER.match(text):
            page.remove(block, "widgets", "pager, counter or punctuation-only line")
        elif ("(" in text or "[" in text) and _COUNTER.match(text):
            page.remove(block, "widgets", "rating/reaction widget: a label with a count")


@GENERIC_RULES.register("ui_words", 21, "lone interface words: View, Share, Print, Menu, Sign in")
def ui_words(page: Page) -> None:
    for block in page.undecided():
        if len(block.text) <= 40 and block_key(block) in UI_WORDS:
            page.remove(block, "ui_words", f"interface word {block.text!r}, not article text")


# WordPress shortcodes left in the text: "[button link=... ] Send us YOUR review[/button]".
_SHORTCODE = re.compile(r"\[(\w+)(?:\s[^\]]{0,300})?\].{0,%d}?\[/\1\]|^\[\w+(?:\s[^\]]*)?\]$" % 500)
# (Bounded: an opening tag scanning the rest of the block for its closing tag, at every "[" of a
# long block, took quadratic time.)


@GENERIC_RULES.register("shortcodes", 22, "unrendered CMS shortcodes such as [button ...]")
def shortcodes(page: Page) -> None:
    for block in page.undecided():
        if "[" in block.text and _SHORTCODE.search(block.text):
            page.remove(block, "shortcodes", "unrendered CMS shortcode (a button or widget)")
