"""HTML page -> the page's visible text and its main content.

Two views of one page, parsed once with lxml:

* `visible_text(tree)`: every text node of the page, one per line, the way a BeautifulSoup dump
  looks. It is what the user saw, so every piece the cleaner drops can be named in `removed`.
* `main_text(tree, url)`: the main content as trafilatura finds it with DOM signals (tags,
  class/id tokens, link density), in precision mode and without comments. Our rules then run on
  it, because trafilatura keeps "Related" lists, share prompts and newsletter boxes that sit
  inside the article container.

Pathological pages are bounded here, not left to hang a worker: a page over MAX_HTML_CHARS is cut
(and says so), and a tree deeper than lxml's limit is parsed as far as it goes.
"""

from __future__ import annotations

import copy
import re

import lxml.html
from lxml import etree

MAX_HTML_CHARS = 5_000_000
"""Larger pages are cut to this many characters before parsing (news articles are ~100 KB)."""
MAX_MAIN_TREE_NODES = 50_000
"""trafilatura is skipped on trees larger than this; the text path judges the visible text."""

_INVISIBLE = frozenset(("script", "style", "noscript", "template", "svg", "iframe", "head", "title", "select", "option"))
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_SPACES = re.compile(r"\s+")


def parse(html: str) -> lxml.html.HtmlElement | None:
    """The page's tree, or None when nothing parseable is left."""
    if len(html) > MAX_HTML_CHARS:
        html = html[:MAX_HTML_CHARS]
    html = _XML_DECL.sub("", html, count=1)  # lxml refuses str input with an encoding declaration
    if not html.strip():
        return None
    try:
        parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True)
        return lxml.html.document_fromstring(html, parser=parser)
    except (etree.ParserError, ValueError):
        return None


def headlines(tree: lxml.html.HtmlElement) -> list[str]:
    """Where a page states its headline: <title>, og:title and the h1 elements."""
    found = [node.text_content() for node in tree.iter("title", "h1")]
    found += [m.get("content", "") for m in tree.iter("meta") if m.get("property") == "og:title"]
    return [t for t in (_SPACES.sub(" ", x).strip() for x in found) if t]


def visible_text(tree: lxml.html.HtmlElement) -> str:
    """Every visible text node on its own line, in document order (a bs4-style dump).

    One streaming walk that counts how deep inside invisible elements it is: linear in the size
    of the tree however deep the nesting goes.
    """
    lines: list[str] = []
    hidden = 0
    for event, node in etree.iterwalk(tree, events=("start", "end")):
        invisible = not isinstance(node.tag, str) or node.tag in _INVISIBLE
        if event == "start":
            if invisible:
                hidden += 1
            elif hidden == 0 and node.text:
                _add(lines, node.text)
        else:
            if invisible:
                hidden -= 1
            if hidden == 0 and node.tail:
                _add(lines, node.tail)
    return "\n".join(lines)


def _add(lines: list[str], text: str) -> None:
    text = text.strip()
    if text:
        lines.append(_SPACES.sub(" ", text))


def main_text(tree: lxml.html.HtmlElement, url: str | None) -> str:
    """trafilatura's main content (precision mode, no comments), paragraphs on their own lines."""
    import trafilatura  # imported lazily: it costs ~0.3 s at start-up

    if sum(1 for _ in tree.iter()) > MAX_MAIN_TREE_NODES:
        return ""
    text = trafilatura.extract(
        copy.deepcopy(tree),  # trafilatura prunes the tree it is given
        url=url,
        favor_precision=True,
        include_comments=False,
        include_tables=True,
        deduplicate=False,
    )
    return text or ""
