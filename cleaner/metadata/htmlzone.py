"""The visible header of an HTML article: the text around its headline element.

The byline and the date a reader sees sit next to the headline: just below it (most templates)
or just above it (kicker, date first). This module walks the document from the headline element
outwards and returns that stretch as lines, one per text node (the shape of a BeautifulSoup
dump), each keeping the element that holds it so structural byline signals (rel=author,
itemprop=author, an "author"/"byline" class, a link to an author page) can be read; and, for
the plain-text readers in `dates.py` and `bylines.py`, the same stretch `rendered()` the way a
browser lays it out ("By" + <a>Jane Doe</a> on one line).

Walking stops after a fixed number of lines, so the cost does not grow with the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from lxml import etree

from ..blocks import Block
from .htmlpage import BLOCK_TAGS, clean_text

LINES_AFTER = 60
"""Text lines read below the headline (byline, date, standfirst, first paragraphs)."""
LINES_BEFORE = 12
"""Text lines read above the headline (kicker, date or byline printed first)."""
BODY_MIN_CHARS = 160
"""A line this long is article prose: the header zone ends there."""
BODY_LINES_KEPT = 3
PROSE_MIN_CHARS = 80
PROSE_GAP = 3
"""A body paragraph has another prose line (PROSE_MIN_CHARS) within PROSE_GAP lines."""
MAX_LINE_CHARS = 600
ANCESTORS_CHECKED = 4
"""Levels above a text node searched for a byline marker."""
BLOCK_SEARCH_DEPTH = 8
"""Levels above a text node searched for the block element it is laid out in."""

_SKIP = frozenset(
    {"script", "style", "noscript", "template", "svg", "select", "option", "button", "figcaption", "iframe"}
)
# Class/id fragments of byline containers, casefolded ("c-byline", "author-name", "ArticleByline").
_AUTHOR_CLASS = re.compile(
    r"by-?line|author|autor|auteur|writer|contributor|reporter|journalist|redakteur|firma|signature"
    r"|(?:^|[\s_-])byl(?:$|[\s_-])"
)
_NOT_AUTHOR_CLASS = re.compile(r"avatar|photo|image|img|bio|share|social|follow|more-from|related|comment")
_AUTHOR_HREF = re.compile(
    r"/(?:author|authors|autor|autore|auteur|people|staff|profile|profiles|journalist|journalists|"
    r"reporter|reporters|columnist|columnists|contributor|contributors|writer|writers|by|redaktion|mitarbeiter)/"
    r"[^/?#\s]{2,}",
    re.IGNORECASE,
)
_MARKER_ATTRIBUTES = ("class", "id", "data-testid", "data-test", "data-component")
_MARKER_STOP = frozenset({"body", "article", "main", "html"})
"""Containers too large to mark a byline: the walk up stops there."""
# The own class of a byline part that is something else than the name.
_NOT_NAME_CLASS = re.compile(
    r"publication|affiliation|affil|title|role|job|position|organi[sz]ation|source|date|time|bio|desc|"
    r"twitter|email|mail|social|label|count|avatar|image|photo|more|follow"
)
_AUTHOR_NAME_CLASS = re.compile(r"(?:author|byline|writer|contributor|reporter)[-_]?name|(?:^|\s)name(?:\s|$)")
_CJK_MARK = re.compile(r"[年년]")
_CJK_DATE = re.compile(r"((?:19|20)\d\d)\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?")


@dataclass(slots=True)
class ZoneLine:
    text: str  # whitespace folded
    owner: etree._Element  # the element whose text or tail this is


@dataclass(slots=True)
class Zone:
    lines: list[ZoneLine] = field(default_factory=list)
    title_index: int = -1
    first_body: int = -1
    _blocks: list[Block] | None = None
    _rendered: Zone | None = None

    def blocks(self) -> list[Block]:
        """The lines as text blocks (index = line number - 1) for the plain-text readers.

        East Asian dates ("2025年11月20日", "2018년 8월 25일") are rewritten as ISO days, the
        form the date reader knows.
        """
        if self._blocks is None:
            self._blocks = [
                Block(index=i, text=_with_iso_days(z.text), start=0, end=0, line=i + 1) for i, z in enumerate(self.lines)
            ]
        return self._blocks

    def rendered(self) -> Zone:
        """The same stretch laid out as a browser would: text nodes inside one block element (p,
        div, li, h1...) joined into one line ("By" + <a>Jane Doe</a> + "," + <a>John Roe</a>)."""
        if self._rendered is not None:
            return self._rendered
        out = Zone()
        groups: list[tuple[etree._Element, list[str]]] = []
        mapping: list[int] = []  # line index -> rendered line index
        current: etree._Element | None = None
        for i, line in enumerate(self.lines):
            block = _block_of(line.owner)
            if block is not current or i in (self.title_index, self.title_index + 1, self.first_body):
                groups.append((block, []))
                current = block
            groups[-1][1].append(line.text)
            mapping.append(len(groups) - 1)
        for block, parts in groups:
            # Joined with spaces: CSS, not the markup, usually spaces inline elements apart.
            out.lines.append(ZoneLine(clean_text(" ".join(parts))[:MAX_LINE_CHARS], block))
        out.title_index = mapping[self.title_index] if 0 <= self.title_index < len(mapping) else -1
        out.first_body = mapping[self.first_body] if 0 <= self.first_body < len(mapping) else -1
        self._rendered = out
        return out


def _block_of(el: etree._Element) -> etree._Element:
    """The nearest block-level element holding `el` (itself when it is one)."""
    node = el
    for _ in range(BLOCK_SEARCH_DEPTH):
        if node.tag in BLOCK_TAGS:
            return node
        parent = node.getparent()
        if parent is None:
            return node
        node = parent
    return node


def _with_iso_days(text: str) -> str:
    """"2025年11月20日 9:15" -> "2025-11-20 9:15"."""
    return _CJK_DATE.sub(_iso_day, text) if _CJK_MARK.search(text) else text


def _iso_day(m: re.Match[str]) -> str:
    return f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d} "


def _texts(el: etree._Element) -> Iterator[tuple[str, etree._Element]]:
    """Text nodes of a subtree in document order, with the element holding each (not the
    subtree's own tail). Iterative: a chain of nested generators costs more than the text."""
    if el.text:
        yield el.text, el
    iters = [iter(el)]
    owners = [el]
    while iters:
        child = next(iters[-1], None)
        if child is None:
            iters.pop()
            done = owners.pop()
            if iters and done.tail:
                yield done.tail, owners[-1]
        elif isinstance(child.tag, str) and child.tag not in _SKIP:
            if child.text:
                yield child.text, child
            iters.append(iter(child))
            owners.append(child)
        elif child.tail:  # a comment, or a skipped element: its tail is still text
            yield child.tail, owners[-1]


def _texts_reversed(el: etree._Element) -> Iterator[tuple[str, etree._Element]]:
    """Text nodes of a subtree from last to first (the lines just above a headline)."""
    iters = [reversed(el)]
    owners = [el]
    while iters:
        child = next(iters[-1], None)
        if child is None:
            iters.pop()
            done = owners.pop()
            if done.text:
                yield done.text, done
            continue
        if child.tail:
            yield child.tail, owners[-1]
        if isinstance(child.tag, str) and child.tag not in _SKIP:
            iters.append(reversed(child))
            owners.append(child)


def _following(anchor: etree._Element) -> Iterator[tuple[str, etree._Element]]:
    """Text after the anchor's subtree, in document order, up to the end of the document."""
    el = anchor
    while el is not None:
        parent = el.getparent()
        if el.tail:
            yield el.tail, parent if parent is not None else el
        for sib in el.itersiblings():
            tag = sib.tag
            if isinstance(tag, str) and tag not in _SKIP:
                yield from _texts(sib)
            if sib.tail:
                yield sib.tail, parent
        el = parent


def _preceding(anchor: etree._Element) -> Iterator[tuple[str, etree._Element]]:
    """Text before the anchor, nearest first."""
    el = anchor
    while el is not None:
        parent = el.getparent()
        for sib in el.itersiblings(preceding=True):
            if sib.tail:
                yield sib.tail, parent
            tag = sib.tag
            if isinstance(tag, str) and tag not in _SKIP:
                yield from _texts_reversed(sib)
        if parent is not None and parent.text:
            yield parent.text, parent
        el = parent


def _line(text: str, owner: etree._Element) -> ZoneLine | None:
    if text.isspace():
        return None
    t = clean_text(text)
    if not t:
        return None
    return ZoneLine(t[:MAX_LINE_CHARS], owner)


def build_zone(anchor: etree._Element, headline: str) -> Zone:
    """Lines around the headline element: LINES_BEFORE above, the headline, then LINES_AFTER
    below or until the second long prose line."""
    zone = Zone()
    before: list[ZoneLine] = []
    for text, owner in _preceding(anchor):
        line = _line(text, owner)
        if line:
            before.append(line)
            if len(before) >= LINES_BEFORE:
                break
    zone.lines.extend(reversed(before))
    zone.title_index = len(zone.lines)
    zone.lines.append(ZoneLine(headline, anchor))
    long_lines = 0
    count = 0
    for text, owner in _following(anchor):
        line = _line(text, owner)
        if not line:
            continue
        zone.lines.append(line)
        count += 1
        if len(line.text) >= BODY_MIN_CHARS:
            long_lines += 1
            if long_lines >= BODY_LINES_KEPT:
                break
        if count >= LINES_AFTER:
            break
    zone.first_body = _first_body(zone.lines, zone.title_index + 1)
    return zone


def _first_body(lines: list[ZoneLine], start: int) -> int:
    """The first line of the article's prose: a long line followed closely by more prose.

    A lone long line right under the headline is more often a photo caption or a standfirst,
    with the byline still to come.
    """
    first_long = -1
    for i in range(start, len(lines)):
        if len(lines[i].text) < BODY_MIN_CHARS:
            continue
        if first_long < 0:
            first_long = i
        if any(len(lines[j].text) >= PROSE_MIN_CHARS for j in range(i + 1, min(len(lines), i + 1 + PROSE_GAP))):
            return i
    return first_long


Marker = tuple[str | None, bool]
"""(how the element marks a byline or None, whether its text may be a name)."""


def author_marker(el: etree._Element, cache: dict[etree._Element, Marker] | None = None) -> Marker:
    """How an element (or one of its near ancestors) marks its text as a byline, and whether the
    text may be a name: (None, False) when unmarked.

    The marker reads e.g. 'rel=author', 'itemprop=author', "class 'byline'", "link to an author
    page". A byline part whose own class says what else it is ("publication", "date",
    "author-title") is marked but not a name slot: it may still name an agency. `cache` saves
    the ancestor walk for lines that share an element.
    """
    if cache is not None and el in cache:
        return cache[el]
    own = " ".join(filter(None, (el.get("class"), el.get("itemprop")))).casefold()
    name_slot = not (own and _NOT_NAME_CLASS.search(own) and not _AUTHOR_NAME_CLASS.search(own))
    marker = _marker(el)
    result = (marker, name_slot if marker else False)
    if cache is not None:
        cache[el] = result
    return result


def _marker(el: etree._Element) -> str | None:
    node = el
    for _ in range(ANCESTORS_CHECKED):
        if node is None or not isinstance(node.tag, str) or node.tag in _MARKER_STOP:
            return None
        attrib = node.attrib
        rel = attrib.get("rel")
        if rel and "author" in rel.casefold().split():
            return "rel=author"
        prop = attrib.get("itemprop")
        if prop and ("author" in prop.casefold() or "creator" in prop.casefold()):
            return "itemprop=author"
        for attr in _MARKER_ATTRIBUTES:
            value = attrib.get(attr)
            if value:
                low = value.casefold()
                if _AUTHOR_CLASS.search(low) and not _NOT_AUTHOR_CLASS.search(low):
                    return f"{attr} '{_short(value)}'"
        if node.tag == "a" and _AUTHOR_HREF.search(attrib.get("href") or ""):
            return "link to an author page"
        node = node.getparent()
    return None


def _short(value: str) -> str:
    tokens = value.split()
    for t in tokens:
        if _AUTHOR_CLASS.search(t.casefold()):
            return t[:40]
    return tokens[0][:40] if tokens else value[:40]
