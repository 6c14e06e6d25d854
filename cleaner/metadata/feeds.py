"""The site name in the feed titles a text browser lists first.

lynx prints a page's <link rel> elements before the page: "#[1]TechCrunch » Feed [2]TechCrunch »
Comments Feed [3]TechCrunch » <headline> Comments Feed". Blogging software names every feed
"<site> » <kind of feed>", so a name printed before "»" at the start of the list and again at the
start of a later feed title is the site's own name, however the <title> line (which no text
browser prints) would have spelled it.
"""

from __future__ import annotations

import re
from typing import Sequence

from ..blocks import Block

FEED_LIST_MARKER = "#"
"""What lynx prints before the list: the reader takes it for a marker when a link number
follows ("#[1]Feed", see readers/text.py), and leaves it in the text with -nolist ("#Feed")."""
FEED_SEPARATOR = " » "
"""Between the site name and the kind of feed in a feed's title."""
MAX_SITE_CHARS = 60
"""Longer than any site name: the first feed title is no "<site> » ..." one."""
_UNTITLED = re.compile(r"^(?:(?:alternate|publisher|rss|atom)\s+)*", re.IGNORECASE)
"""Links without a title: lynx prints the link type in their place."""


def feed_site(blocks: Sequence[Block]) -> str | None:
    """The site name the feed titles repeat, or None (no lynx feed list, or no repeated name)."""
    if not blocks:
        return None
    first = blocks[0]
    if first.marker != FEED_LIST_MARKER and not first.text.startswith(FEED_LIST_MARKER):
        return None
    text = _UNTITLED.sub("", first.text.lstrip(FEED_LIST_MARKER))
    cut = text.find(FEED_SEPARATOR)
    if cut <= 0 or cut > MAX_SITE_CHARS:
        return None
    name = text[:cut].strip()
    return name if f" {name}{FEED_SEPARATOR}" in text[cut:] else None
