"""What text browsers add to a page when they dump it.

`lynx -dump` numbers every link in place ("[12]Subscribe", blanked by the reader) and lists the
numbered URLs after the page, under a "References" heading with "Visible links:" and "Hidden
links:" sub-lists. The list is no part of the page the reader saw; worse, its long URLs read like
words ("standoff-at-a-hong-kong-university-following...") and can outweigh a short story.
"""

from __future__ import annotations

from .base import GENERIC_RULES, Page

REFERENCES_HEADING = "references"
"""The heading lynx puts over its list of link targets."""
REFERENCES_SUBHEADINGS = ("visible links:", "hidden links:")
"""What follows lynx's heading right away; "References" alone may be a story's bibliography."""


@GENERIC_RULES.register("link_references", 5, "lynx's numbered list of link URLs after the page")
def link_references(page: Page) -> None:
    blocks = page.blocks
    for block in page.containing(REFERENCES_SUBHEADINGS, decided=True):
        i = block.index
        if block.low not in REFERENCES_SUBHEADINGS or i == 0 or blocks[i - 1].low != REFERENCES_HEADING:
            continue
        page.barriers.add(i - 1)
        for later in blocks[i - 1 :]:
            page.remove(later, "link_references", "the browser's list of link URLs, not page text")
        return
