"""Pages joined with a space between text nodes: where one block element ended.

`get_text(" ")` (and, for the white space a page's source holds between tags, `get_text()` and
lxml's `text_content()`) keep the source's own line breaks, so the paragraphs of an article
written on one source line come out on one line: "... then repeat.   Now we spend ...". Between
two elements the separator space meets the white space the source had between the tags, so a
run of three spaces or more stands where one element ended and the next began; an inline link in
a sentence gives at most two ("daylight.  CBS DFW reports  the man"). No other rendering we know
prints three spaces after a sentence end inside a line (wrapping browsers and markdown writers
collapse them or lay out tables with them), so a page that has one is read as such a page, and
its lines are cut at every such run of spaces, each piece read as a line of its own: the
paragraphs apart, and in a header the date, the source and the headline ("Last Updated : Nov 20,
2019 01:41 PM IST    | Source:  Moneycontrol.com   Economy in stress ...").
"""

from __future__ import annotations

import re

SEAM_SPACES = "   "
"""The run of spaces a seam holds at least: pages and lines without one skip the search."""
_PARAGRAPH_SEAM = re.compile(r"[.!?…][\"”’]?   +[A-Z“\"‘]")
"""A sentence end, maybe a closing quote, three spaces or more, then a capital starting the next
element's text: the mark of a page joined this way."""
_SEAM = re.compile(r"(?<=[^\s,;:(&\-–—/+'\"“‘|])   +(?=[^\s,;:.)!?])")
"""Three spaces or more inside a line, not after a word that holds to the next one ("Updated:",
"Arts &") nor before closing punctuation."""


def spaced_page(text: str) -> bool:
    """Whether the dump joins elements with spaces, as `get_text(" ")` does (see above)."""
    return SEAM_SPACES in text and _PARAGRAPH_SEAM.search(text) is not None


def seam_cuts(line: str, glued: bool) -> list[int]:
    """Offsets in `line` where the next element's text starts after a run of spaces; on a
    `glued` page (`get_text()`, lxml) only after a sentence end: there the separator space is
    missing, so a run of spaces is white space of the source alone, as often inside an element
    as between two."""
    start = len(line) - len(line.lstrip())
    if glued:  # the match ends on the capital that starts the next element
        return [m.end() - 1 for m in _PARAGRAPH_SEAM.finditer(line, start)]
    return [m.end() for m in _SEAM.finditer(line, start)]
