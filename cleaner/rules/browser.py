"""What text browsers add to a page when they dump it.

`lynx -dump` numbers every link in place ("[12]Subscribe", blanked by the reader) and lists the
numbered URLs after the page, under a "References" heading with "Visible links:" and "Hidden
links:" sub-lists. The list is no part of the page the reader saw; worse, its long URLs read like
words ("standoff-at-a-hong-kong-university-following...") and can outweigh a short story.
"""

from __future__ import annotations

import re

from ..blocks import UNKNOWN
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


# w3m shows an image without alt text by its file name cut short, in brackets, on a line of its
# own ("[vw-concept-27]", "[1x1]"), and an image whose alt text is its file name as that name,
# once for the image and once for its link ("airpods-2.jpgairpods-2.jpg"). Only a word in the
# brackets: "[…]", "[ ]" (a check box) and a footnote's "[12]" are no image.
_IMAGE_NAME = re.compile(r"\[(?!\d+\])\w[^\s\[\]]+\]|(?:[\w.-]+\.(?:jpe?g|png|gif|webp|svg))+", re.IGNORECASE)
IMAGE_NAME_MAX_CHARS = 120
"""Longer than any file name a browser prints."""


@GENERIC_RULES.register("image_names", 6, "images a text browser shows by their file name")
def image_names(page: Page) -> None:
    # Removed, not blanked: like any furniture line, such a line parts the story from the teasers
    # of a listing below it.
    for block in page.undecided():
        text = block.text
        if len(text) <= IMAGE_NAME_MAX_CHARS and " " not in text and (text[-1] == "]" or "." in text):
            if _IMAGE_NAME.fullmatch(text):
                page.remove(block, "image_names", "an image shown by its file name, not text")


DOUBLED_MIN_CHARS = 20
"""A phrase this long printed twice over is no stutter of the text ("no, no")."""
_SENTENCE_ENDS = frozenset(".!?…")


@GENERIC_RULES.register("doubled_label", 7, "a phrase printed twice in a row: an image's alt and title text")
def doubled_label(page: Page) -> None:
    # Text browsers print an image's alt text and its title (or a linked image's alt and the
    # link's text) one after the other: "Hike Kit with Water Hike Kit with Water". Prose never
    # repeats itself whole, and a scraper that drops images (bs4) shows no such line.
    # w3m may print the two with no space between ("...Water #shopMountain Hike ..."): a phrase
    # glued to its own copy is the same label.
    for block in page.undecided():
        text = block.text
        half = len(text) // 2
        if (
            len(text) >= DOUBLED_MIN_CHARS
            and text[-1] not in _SENTENCE_ENDS  # a sentence said twice is a quote repeated, or a test
            and text[0] != "_"  # a drawn field or rule (see `drawn_lines`)
            and (
                text[half] == " " and text[:half] == text[half + 1 :]
                if len(text) % 2
                else text[0] == text[half] and text[:half] == text[half:]
            )
        ):
            page.remove(block, "doubled_label", "an image's alt text printed twice, not article text")


DRAWN_MIN_CHARS = 8
"""lynx draws a text field as a run of twenty underscores and an <hr> as a longer one."""


@GENERIC_RULES.register("drawn_lines", 8, "form fields and rules a text browser draws with underscores")
def drawn_lines(page: Page) -> None:
    # Removed, not kept to the classifier: a search box or a rule is page furniture, and like any
    # such line it parts the story from what follows it.
    # One comprehension with C-level tests: most pages have no such line.
    for block in [b for b in page.blocks if b.text[:1] == "_" and b.label == UNKNOWN]:
        if len(block.text) >= DRAWN_MIN_CHARS and not block.text.strip("_ "):
            page.remove(block, "drawn_lines", "a form field or rule the browser drew, not text")
