"""What a text browser's layout tells the line reader.

Text browsers (lynx, w3m) print a page the way it looks on a fixed-width screen, and a dump of
their output is that screen, line for line:

* running text is hard-wrapped at the screen's width, so a paragraph arrives as several lines
  (html2text imitates them and wraps its markdown at 78 columns). The reader re-joins a line to
  the one above when the wrapper broke it there, i.e. when the next line's first word would not
  have fitted (`wrapped_here`); for that it needs the width, read from where the lines end
  (`wrap_width`). A URL no wrapper can break runs past the width and says nothing of it;
* lynx indents running text by three spaces and keeps the margin for headings: <h2> stands at
  the margin, <h1> is centred and <h3>-<h6> stand further in. On such a dump a line at the
  margin is a heading, and the width is read from the indented text alone, since the headings,
  tables and the list of link targets run wider (`page_layout`);
* lynx goes on with a wrapped line where the paragraph's text started (after a list item's
  bullet), and a <br> breaks a line inside an element; a line at another indent is the next
  element, a rule "____" or a table cell (`lynx_wrapped`);
* an image without alt text is shown by its file name ("echo-buds.jpg"), an element of its
  own, not a word wrapped onto the next line (`image_file_names`).
"""

from __future__ import annotations

import re

from ..blocks import Block
from .markup import CONTINUATION_START

WRAP_MIN_WIDTH = 40
"""Narrowest line width taken as a hard-wrap width; narrower 'wrapping' is a list, not prose."""
WRAP_MAX_WIDTH = 140
"""Widest line width taken as a hard-wrap width: no text browser or markdown writer we know of
wraps wider."""
WRAP_MIN_SHARE = 0.25
"""Share of the long lines that must end near the wrap width for a document to count as wrapped."""
WRAP_MAX_LONGER_SHARE = 0.05
"""Share of the long lines that may run past the wrap width (a word too long to break, a table)."""
WRAP_SLACK = 12
"""How far below the width a wrapped line may end (a long next word does not fit the rest)."""
WRAP_MIN_LINES = 8
"""Fewer long lines tell nothing of a wrap width."""
UNBREAKABLE_MIN_CHARS = 30
"""A 'word' this long is a URL (html2text keeps link targets): a wrapper cannot break it, so the
line holding it may pass the wrap width."""
_MD_ITEM = re.compile(r" *[*+-] +\[")
"""A markdown list item that opens with a link, "  * [World](/world/)": a menu's line, as long as
its link target makes it, tells nothing of the width the text was wrapped at."""

BODY_INDENT = "   "
"""lynx's left margin for running text."""
MARGIN_MIN_SHARE = 0.3
"""Share of the prose lines at BODY_INDENT for a dump to count as indenting its running text (on
lynx dumps 0.3-1.0, by how much of the page is lists and tables; other wrapped dumps have none)."""
MARGIN_MIN_LINES = 8
"""Fewer prose lines tell nothing of the layout."""
MARGIN_PROSE_SPACES = 6
"""Spaces a line of running text has at least (menus and table rows have fewer)."""
MARGIN_HEADING_LEVEL = 2
"""The level a line at the margin of an indented dump gets: lynx prints <h2> there (its <h1> is
centred, <h3>-<h6> stand further in), so the level says "a heading, not the top one"."""
_LEAD_SPACES = re.compile(" *")

_IMAGE_EXTENSIONS = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg")


def wrap_width(lines: list[str]) -> int:
    """The fixed width the dump was hard-wrapped at, or 0 when it was not wrapped.

    In a wrapped text many lines end within a few characters of the same maximum, and no line
    (apart from those holding an unbreakable URL) is longer.
    """
    kept = [s.rstrip() for s in lines if len(s.strip()) >= WRAP_MIN_WIDTH // 2 and not _MD_ITEM.match(s)]
    kept = [s for s in kept if "/" not in s or not _unbreakable(s)]  # a URL tells nothing of the width
    if len(kept) < WRAP_MIN_LINES:
        return 0
    lengths = sorted(map(len, kept))
    width = lengths[int(len(lengths) * 0.95)]
    if width < WRAP_MIN_WIDTH or width > WRAP_MAX_WIDTH:
        return 0
    near = sum(1 for n in lengths if width - WRAP_SLACK <= n <= width)
    longer = sum(1 for n in lengths if n > width + 2)
    if near < WRAP_MIN_SHARE * len(lengths) or longer > WRAP_MAX_LONGER_SHARE * len(lengths):
        return 0
    return width


def _unbreakable(line: str) -> bool:
    """A line a wrapper may have left long: it holds a word (a URL) it could not break."""
    return any(len(w) > UNBREAKABLE_MIN_CHARS for w in line.split())


def wrapped_here(nxt: str, wrap: int, prev_raw_len: int) -> bool:
    """Whether the wrapper broke the line here: the next line's first word would not have fit."""
    first_word = nxt.split(" ", 1)[0]
    return prev_raw_len + 1 + len(first_word) > wrap - 1 and prev_raw_len >= wrap - WRAP_SLACK - len(first_word)


def page_layout(lines: list[str]) -> tuple[int, int]:
    """(wrap width, level of a line at the margin) of a dump: (width or 0, 0), or for a dump laid
    out like lynx's, (the width of its indented text, MARGIN_HEADING_LEVEL).

    On a lynx dump the width is read from the indented running text: lynx wraps headings at the
    margin a few columns wider, and its wider lines (tables, the link list) can hide the width
    from a reading of all lines. The indented text must itself be wrapped: get_text() with a
    space separator also starts lines with the source's indentation, but never wraps them.
    """
    if _margin_headings(lines):
        inner = wrap_width([s for s in lines if _at_body_indent(s)])
        if inner:
            return inner, MARGIN_HEADING_LEVEL
    return wrap_width(lines), 0


def _margin_headings(lines: list[str]) -> bool:
    """Whether the dump indents its running text and keeps the margin for headings, as lynx does
    (paragraphs at three spaces, <h2> at the margin, <h3>-<h6> two spaces further in each).

    Only prose-like lines are counted (long, several words, no URL): lists, tables and lynx's
    list of link targets stand at other indents.
    """
    prose = [s for s in lines if len(s) >= WRAP_MIN_WIDTH and s.count(" ") >= MARGIN_PROSE_SPACES and "://" not in s]
    if len(prose) < MARGIN_MIN_LINES:
        return False
    indented = sum(1 for s in prose if _at_body_indent(s))
    return indented >= MARGIN_MIN_SHARE * len(prose)


def _at_body_indent(line: str) -> bool:
    """A line starting at lynx's margin for running text, not further in."""
    return line.startswith(BODY_INDENT) and line[len(BODY_INDENT) : len(BODY_INDENT) + 1] != " "


def lynx_wrapped(text: str, block: Block, raw_len: int, content: str, raw: str, wrap: int) -> bool:
    """Whether lynx wrapped the paragraph `block` here: the next word did not fit, and the line
    goes on where the paragraph's first line or its text started (a list item's text after its
    bullet, the "#" list of feeds at the margin of the text); a rule "____" or the next element
    stands elsewhere. A heading goes on anywhere: lynx centres the rest of a wrapped <h1>.
    Columns are read in the input as printed: a blanked "[8]" link number is no indentation.
    `raw_len` is the length of the paragraph's last line, `content` and `raw` the next line as
    read and as printed."""
    line_start = text.rfind("\n", 0, block.start) + 1
    first_indent = _LEAD_SPACES.match(text, line_start).end() - line_start
    indent = len(raw) - len(raw.lstrip(" "))
    aligned = indent <= max(block.start - line_start, first_indent) or block.heading > 0
    return aligned and (wrapped_here(content, wrap, raw_len) or _broken_here(content, raw, wrap))


def _broken_here(content: str, raw: str, wrap: int) -> bool:
    """Whether a line break inside the element (a <br>) put the line here: it goes on in lower
    case ("About Acme" / "acme makes ...") and is itself filled to the width, a paragraph's
    line. A short line in lower case is a label of its own ("updated 15M ago", "photo.jpg")."""
    return (content[0].islower() or content[0] in CONTINUATION_START) and len(raw.rstrip()) >= wrap - WRAP_SLACK


def image_file_names(line: str) -> bool:
    """A line of image file names only, as a text browser shows an image by its name."""
    return all(w.lower().endswith(_IMAGE_EXTENSIONS) for w in line.split())
