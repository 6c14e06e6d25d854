"""HTML page -> the page's visible text and its main content.

Two views of one page, parsed once with lxml:

* `visible_text(tree)`: every text node of the page, one per line, the way a BeautifulSoup dump
  looks. It is what the user saw, so every piece the cleaner drops can be named in `removed`.
* `main_text(tree, url, ...)`: the main content as trafilatura finds it with DOM signals (tags,
  class/id tokens, link density), in precision mode and without comments; its own extractor
  first, its readability/jusText cascade only when that under-delivers. Our rules then run on
  it, because trafilatura keeps "Related" lists, share prompts and newsletter boxes that sit
  inside the article container.

Speed: the page is parsed once (UTF-8 bytes, element classes chosen in C); one walk gives the
visible text and the tree's size; the pipeline then hands the tree over to `main_text`, which
deletes what trafilatura would delete unread before trafilatura copies it.

Pathological pages are bounded here, not left to hang a worker: a page over MAX_HTML_CHARS is cut
(and says so), and a tree deeper than lxml's limit is parsed as far as it goes.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

MAX_HTML_CHARS = 5_000_000
"""Larger pages are cut to this many characters before parsing (news articles are ~100 KB)."""
MAX_MAIN_TREE_NODES = 50_000
"""trafilatura is skipped on trees larger than this; the text path judges the visible text."""

_INVISIBLE = frozenset(("script", "style", "noscript", "template", "svg", "iframe", "head", "title", "select", "option"))
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_HTML_CLASSES = etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement,
    comment=lxml.html.HtmlComment,
    pi=lxml.html.HtmlProcessingInstruction,
    entity=lxml.html.HtmlEntity,
)
"""Every element is an `HtmlElement` (what trafilatura asks for), chosen in C. lxml.html's own
lookup calls Python for each element touched to pick form and input subclasses nobody here
uses: some 40% of the time of a walk over the tree."""


def parse(html: str) -> lxml.html.HtmlElement | None:
    """The page's tree, or None when nothing parseable is left."""
    if len(html) > MAX_HTML_CHARS:
        html = html[:MAX_HTML_CHARS]
    html = _XML_DECL.sub("", html, count=1)  # lxml refuses str input with an encoding declaration
    if not html.strip():
        return None
    try:
        # UTF-8 bytes with the encoding named: libxml2 reads them directly, a quarter faster than
        # the str it would convert itself, and a <meta charset> in the page is not obeyed twice.
        parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, collect_ids=False, encoding="utf-8")
        parser.set_element_class_lookup(_HTML_CLASSES)
        return lxml.html.document_fromstring(html.encode("utf-8", errors="replace"), parser=parser)
    except (etree.ParserError, ValueError):
        return None


def headlines(tree: lxml.html.HtmlElement) -> list[str]:
    """Where a page states its headline: <title>, og:title and the h1 elements."""
    shown: list[str] = []
    declared: list[str] = []
    for node in tree.iter("title", "h1", "meta"):  # one walk; og:title listed after the others
        if node.tag != "meta":
            shown.append(node.text_content())
        elif node.get("property") == "og:title":
            declared.append(node.get("content", ""))
    return [t for t in (" ".join(x.split()) for x in shown + declared) if t]


def visible_text(tree: lxml.html.HtmlElement) -> str:
    """Every visible text node on its own line, in document order (a bs4-style dump)."""
    return visible_text_and_size(tree)[0]


def visible_text_and_size(tree: lxml.html.HtmlElement) -> tuple[str, int]:
    """The visible text (see `visible_text`) and the number of elements in the tree.

    One streaming walk that counts how deep inside invisible elements it is: linear in the size
    of the tree however deep the nesting goes. Each line is the node's text with its whitespace
    runs folded to one space (``" ".join(text.split())``, the same as stripping and replacing
    ``\\s+``, at a third of the cost).
    """
    lines: list[str] = []
    add = lines.append
    hidden = 0
    elements = 0
    for event, node in etree.iterwalk(tree, events=("start", "end")):
        tag = node.tag
        is_element = isinstance(tag, str)
        invisible = not is_element or tag in _INVISIBLE
        if event == "start":
            elements += is_element
            if invisible:
                hidden += 1
            elif hidden == 0:
                text = node.text
                if text and not text.isspace():
                    add(text)
        else:
            if invisible:
                hidden -= 1
            if hidden == 0:
                text = node.tail
                if text and not text.isspace():
                    add(text)
    return "\n".join(" ".join(text.split()) for text in lines), elements


def main_text(
    tree: lxml.html.HtmlElement,
    url: str | None,
    visible_chars: int = 0,
    source: str | None = None,
    elements: int | None = None,
) -> str:
    """trafilatura's main content (precision mode, no comments), paragraphs on their own lines.

    trafilatura's own extractor runs first, alone (``fast``). Its full cascade, which also runs
    readability and jusText and keeps their text when they do better, costs as much again and
    changes the result only when the own extraction under-delivers, so it runs only then: see
    :func:`needs_fallback`. (``fast`` also keeps teaser-class blocks on trafilatura's last-resort
    recovery path, which runs when the own extraction found under 250 characters.)

    trafilatura copies a tree it is given, so `tree` is not changed, unless the caller hands it
    over with `source`, the HTML it was parsed from: then the elements trafilatura deletes unread
    are removed from `tree` first (:func:`drop_unread`), which spares trafilatura's copies and
    XPath passes over them, and the fallback cascade, which reads the page differently, gets a
    fresh parse of `source`. `elements`, the size of the tree when the caller has counted it,
    spares a count; larger trees than MAX_MAIN_TREE_NODES are not handed to trafilatura.
    """
    import trafilatura  # imported lazily: it costs ~0.3 s at start-up
    from trafilatura.utils import normalize_unicode

    if (elements if elements is not None else _COUNT_NODES(tree)) > MAX_MAIN_TREE_NODES:
        return ""
    options = dict(url=url, favor_precision=True, include_comments=False, include_tables=True, deduplicate=False)
    if source is not None:
        drop_unread(tree)
    document = trafilatura.bare_extraction(tree, fast=True, **options)
    if document is None or needs_fallback(document.body, document.text or "", visible_chars):
        full_tree = parse(source) if source is not None else tree
        return (trafilatura.extract(full_tree, **options) or "") if full_tree is not None else ""
    return normalize_unicode(document.text or "")  # what extract() returns for this body


UNREAD_ELEMENTS = (
    "head", "script", "style", "noscript", "template", "svg", "iframe", "nav", "footer", "aside", "menu",
    "button", "select", "textarea", "input", "link", "video", "audio", "canvas", "object", "embed", "map",
)
"""Elements trafilatura's tree cleaning deletes with their content before its extractors read the
tree (those of them in its MANUALLY_CLEANED list are used, so its own list has the last word)."""
_FORUM_POSTING = re.compile(r'"@type"\s*:\s*(?:"DiscussionForumPosting"|\[[^\]]*"DiscussionForumPosting")')


def drop_unread(tree: lxml.html.HtmlElement) -> None:
    """Delete, in place and keeping their tail text, the elements of UNREAD_ELEMENTS that
    trafilatura would delete anyway. Two things trafilatura reads before its cleaning are kept:
    JSON-LD on a forum thread (a ``DiscussionForumPosting`` changes how it treats comments), and a
    container holding an ``<h1>`` (its first pruning pass spares containers with a headline)."""
    from trafilatura.settings import MANUALLY_CLEANED

    tags = set(UNREAD_ELEMENTS).intersection(MANUALLY_CLEANED)
    for el in tree.iter("h1", "script"):  # one walk finds both exceptions
        if el.tag == "h1":
            tags.difference_update(a.tag for a in el.iterancestors())
        elif "DiscussionForumPosting" in (el.text or "") and _FORUM_POSTING.search(el.text):
            tags -= {"head", "script"}
    etree.strip_elements(tree, *tags, with_tail=False)


FALLBACK_MIN_CHARS = 250
"""Below this (trafilatura's MIN_EXTRACTED_SIZE) trafilatura itself asks jusText for more."""
FALLBACK_PAGE_SHARE = 0.1
FALLBACK_MAX_CHARS = 3000
"""A text under FALLBACK_MAX_CHARS that is less than FALLBACK_PAGE_SHARE of the page's visible
text probably missed the article (trafilatura's recall escalation asks the same question)."""
_COUNT_NODES = etree.XPath("count(//*)")
_PARAGRAPH_TEXT = etree.XPath(".//p//text()")


def needs_fallback(body: etree._Element | None, text: str, visible_chars: int) -> bool:
    """Whether trafilatura's fallback extractors could change its own extraction: the text is
    short, covers little of the page, or has no paragraph (or is mostly tables), which are the
    cases where its cascade prefers readability's or jusText's output."""
    size = len(text)
    if size < FALLBACK_MIN_CHARS:
        return True
    if size < FALLBACK_MAX_CHARS and size < FALLBACK_PAGE_SHARE * visible_chars:
        return True
    if body is None or not _PARAGRAPH_TEXT(body):
        return True
    return len(body.findall(".//table")) > len(body.findall(".//p"))
