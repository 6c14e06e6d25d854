"""Markup a renderer left in a dump, reduced to the words a reader saw.

Markdown link and image syntax (`[text](url "title")`, `![alt](src)`, what markdownify and
html2text write by default) is reduced to the link text, emphasis (`_x_`, `**x**`) to its words,
lynx's link numbers ("[12]Subscribe") and bracketed image file names to spaces. All of it in
place and length for length: the text keeps its length and line breaks, so offsets, line
lengths and spans of blocks still point into the input (`readers/text.py` reads the result).
Where each link's text stands is returned with it: a rule asks how much of a paragraph was link
text (`rules/links.py`), which the reduced text no longer shows.
"""

from __future__ import annotations

import re

LinkTexts = list[tuple[int, int]]
"""(start, end) offsets of every markdown link's text in a dump, in order."""

CONTINUATION_START = frozenset(",.;:)!?’”»%")
"""Characters a continuation fragment may start with (closing punctuation): a link's text goes
right before one, and the reader joins a line that starts with one to the line above."""

# A URL with at most one level of balanced parentheses (Wikipedia's "Foo_(bar)"), which html2text
# may wrap after a hyphen (inside a blockquote, the next line starts with its "> "), then an
# optional quoted title that may wrap onto the next line.
_LINK_TARGET = r"\((?:-\n(?:> ?)*|[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\s*\)"
_MD_IMAGE = re.compile(r"!\[[^\[\]]*\]" + _LINK_TARGET)
# The text may hold one level of brackets, "[[Review] More from our readers](/blog/review)".
_MD_LINK = re.compile(r"\[((?:[^\[\]]++|\[[^\[\]]*\])*+)\]" + _LINK_TARGET)
# html2text keeps emphasis with its links: "_the Big Bang_", "**Related:**", wrapped like any
# words. Only a marker at a word's edge (not "snake_case", "5**2") that closes on the same or the
# next line; single "*" is left alone, it is a bullet or a footnote mark as often.
_EMPHASIS = re.compile(r"(?<![\w*])(\*\*|__|_)(?=\S)((?:[^\n]|\n(?!\s*\n)){1,400}?)(?<=\S)\1(?![\w*])")
_NESTED_EMPHASIS = ("**_", "_**")
"""Bold around italics, "**_The Medium is the Message_**": the inner markup goes in a second pass."""
# lynx -dump numbers every link in place, "[12]Subscribe", and lists the URLs at the end; a
# footnote mark is followed by punctuation or a space ("per shift[1], even") and stays.
_NUMBERED_LINK = re.compile(r"\[\d{1,4}\](?=[^\s\],.;:!?)])")
# lynx shows an image without alt text by its file name, "[ps4-pad.jpg?width=640&amp;q=20]", and
# wraps a long one like any word ("...&amp;qu" / "   ality=20]"): a bracketed run without spaces
# (bar the wrap) that reads as a file name or a URL. "[…]", "[X]" or "[CC BY 2.0]" read as neither.
_BRACKETED = re.compile(r"\[(?:[^\[\]\s]|\n[ \t]*){4,600}\]")
_FILE_NAME = re.compile(r"\.(?:jpe?g|png|gif|webp|svg|bmp|ico)\b|[?=;/]", re.IGNORECASE)
_IMAGE_HINT = re.compile(r"\.(?:jpe?g|png|gif|webp|svg)|;base64|&amp;", re.IGNORECASE)
"""What a page with such image names shows somewhere: other dumps skip the bracket search."""

def _blank_out(m: re.Match[str]) -> str:
    """Spaces the length of an image's markdown, keeping its line breaks."""
    return re.sub(r"[^\n]", " ", m.group(0))


def _link_text(m: re.Match[str]) -> str:
    """A link's text in the space its markdown took, where it was, or right-aligned before
    punctuation so that "By [Ann Lee](/a/ann), AP" folds to "By Ann Lee, AP". Line breaks in the
    markdown are kept, so no line moves."""
    text, whole = m.group(1), m.group(0)
    rest = re.sub(r"[^\n]", " ", whole[len(text) + 1 :]) if "\n" in whole else " " * (len(whole) - len(text) - 1)
    if m.end() < len(m.string) and m.string[m.end()] in CONTINUATION_START and "\n" not in whole:
        return " " + rest + text
    return " " + text + rest


def _emphasised_text(m: re.Match[str]) -> str:
    """The emphasised words in the space their markup took, right-aligned before punctuation
    like a link's text (see `_link_text`); on one line only, so no line break moves."""
    marker, inner = m.group(1), m.group(2)
    pad = " " * len(marker)
    if m.end() < len(m.string) and m.string[m.end()] in CONTINUATION_START and "\n" not in inner:
        return pad + pad + inner
    return pad + inner + pad


def unlink_markdown(text: str) -> tuple[str, LinkTexts]:
    """`[text](url)` -> the text, `![alt](src)`, lynx's "[12]" link numbers and its bracketed
    image file names -> spaces, length for length (see the module doc); and where the text of
    each markdown link stands (images inside a link are blanked first)."""
    if "[" not in text:
        return text, []
    text = _NUMBERED_LINK.sub(_blank_out, text)
    spans: LinkTexts = []
    if "](" in text:
        source = text
        text = _MD_IMAGE.sub(_blank_out, text)

        def link_text(m: re.Match[str]) -> str:
            spans.append(m.span(1))
            return _link_text(m)

        text = _MD_LINK.sub(link_text, text)
        if "_" in text or "**" in text:
            text = _EMPHASIS.sub(_emphasised_text, text)
            if any(nested in source for nested in _NESTED_EMPHASIS):
                text = _EMPHASIS.sub(_emphasised_text, text)
    if _IMAGE_HINT.search(text):
        text = _BRACKETED.sub(_blank_file_name, text)
    return text, spans


def _blank_file_name(m: re.Match[str]) -> str:
    """Spaces for a bracketed image file name or URL (see _BRACKETED); other brackets stay."""
    return _blank_out(m) if _FILE_NAME.search(m.group(0)) else m.group(0)
