"""What an HTML page declares about itself: meta tags, link relations, <title>, <html lang>,
h1 elements, JSON-LD blocks and schema.org microdata.

One C-level walk over five tag names and one XPath for itemprop attributes read them all; the
cost does not depend on how much text the page has. Nothing is judged here: the `html*`
modules weigh these declarations against each other and against the visible page
(`htmlzone.py`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from .jsonld import JsonLd, read_jsonld

MAX_HEADINGS = 40
"""h1 elements kept (login modals repeat "Sign In" dozens of times)."""
MAX_ITEMPROPS = 400
MAX_TEXT = 400
"""Characters kept of an element's text: a headline or a byline is never longer."""

_COLLECT_TAGS = ("meta", "link", "title", "h1", "script")  # one C-level walk: cheaper than an XPath union
_ITEMPROP_ELEMENTS = etree.XPath("//@itemprop/..")  # cheaper than //*[@itemprop] in libxml2
_ITEMPROPS = frozenset(
    "headline name author creator publisher datepublished datecreated datemodified "
    "articlesection inlanguage alternativeheadline".split()
)


def clean_text(text: str | None) -> str:
    """Whitespace folded, ends stripped (non-breaking and zero-width spaces included)."""
    if not text:
        return ""
    return " ".join(text.replace("\u200b", "").replace("\ufeff", "").split())  # = sub(r"\s+", " ").strip()


_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "button", "select"})
BLOCK_TAGS = frozenset(
    "address article aside blockquote dd div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 "
    "h5 h6 header hr li main nav ol p pre section table tbody td tfoot th thead tr ul".split()
)


def element_text(el: etree._Element) -> str:
    """Visible text of an element: whitespace folded, block children and <br> apart, scripts out."""
    parts: list[str] = []
    _gather(el, parts, 0)
    return clean_text("".join(parts))[: MAX_TEXT * 2]


def _gather(el: etree._Element, parts: list[str], depth: int) -> None:
    if el.text:
        parts.append(el.text)
    for child in el:
        tag = child.tag
        if isinstance(tag, str) and tag not in _SKIP_TAGS and depth < 30:
            block = tag in BLOCK_TAGS or tag == "br"
            if block:
                parts.append(" ")
            _gather(child, parts, depth + 1)
            if block:
                parts.append(" ")
        if child.tail:
            parts.append(child.tail)


@dataclass(slots=True)
class Microdata:
    """schema.org microdata (itemprop attributes) of the article, as written."""

    headlines: list[str] = field(default_factory=list)
    date_published: list[str] = field(default_factory=list)
    date_modified: list[str] = field(default_factory=list)
    authors: list[tuple[str, str]] = field(default_factory=list)  # (name, "person"/"organization"/"")
    publishers: list[str] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)
    breadcrumbs: list[str] = field(default_factory=list)
    language: str | None = None


@dataclass(slots=True)
class PageFacts:
    """Declarations of one page, each kept in document order."""

    root: etree._Element
    lang: str | None = None
    title: str | None = None
    metas: dict[str, list[str]] = field(default_factory=dict)  # lower-cased name/property -> contents
    links: dict[str, list[str]] = field(default_factory=dict)  # rel -> hrefs
    h1: list[etree._Element] = field(default_factory=list)
    jsonld: JsonLd = field(default_factory=JsonLd)
    micro: Microdata = field(default_factory=Microdata)

    def meta(self, *names: str) -> str | None:
        """First non-empty content among meta names, in the order asked."""
        for name in names:
            for value in self.metas.get(name, ()):
                if value:
                    return value
        return None


def _scope_prop(el: etree._Element) -> tuple[str, str]:
    """(itemprop, itemtype) of the item an itemprop belongs to (its nearest itemscope ancestor)."""
    for anc in el.iterancestors():
        if anc.get("itemscope") is not None:
            return (anc.get("itemprop") or "").casefold(), (anc.get("itemtype") or "").casefold()
    return "", ""


def _list_type(el: etree._Element) -> str:
    """itemtype of the list an itemListElement belongs to (its second itemscope ancestor)."""
    seen = 0
    for anc in el.iterancestors():
        if anc.get("itemscope") is not None:
            seen += 1
            if seen == 2:
                return (anc.get("itemtype") or "").casefold()
    return ""


def _item_value(el: etree._Element) -> str:
    """The value of an itemprop element, as schema.org microdata defines it per tag."""
    tag = el.tag
    if tag == "meta":
        return clean_text(el.get("content"))
    if tag == "time":
        return clean_text(el.get("datetime")) or element_text(el)
    if tag == "link":
        return clean_text(el.get("href"))
    return clean_text(el.get("content")) or element_text(el)


def _kind_of(itemtype: str) -> str:
    """"person", "organization" or "" for an itemtype URL."""
    t = itemtype.rsplit("/", 1)[-1]
    if t == "person":
        return "person"
    if t.endswith("organization") or t in ("corporation", "newsmediaorganization"):
        return "organization"
    return ""


def _read_itemprop(el: etree._Element, props: list[str], micro: Microdata) -> None:
    """File one itemprop element's value under the article facts it states."""
    for prop in props:
        if prop == "headline" or prop == "alternativeheadline":
            if el.tag != "meta":
                micro.headlines.append(element_text(el))
            else:
                micro.headlines.append(_item_value(el))
        elif prop in ("datepublished", "datecreated"):
            micro.date_published.append(_item_value(el))
        elif prop == "datemodified":
            micro.date_modified.append(_item_value(el))
        elif prop in ("author", "creator"):
            if el.get("itemscope") is None:  # a scoped author names itself in an itemprop=name
                micro.authors.append((_item_value(el), ""))
        elif prop == "name":
            scope, itemtype = _scope_prop(el)
            if scope in ("author", "creator"):
                micro.authors.append((_item_value(el), _kind_of(itemtype) or "person"))
            elif scope == "publisher":
                micro.publishers.append(_item_value(el))
            elif scope == "itemlistelement" and "breadcrumb" in _list_type(el):
                micro.breadcrumbs.append(_item_value(el))
        elif prop == "articlesection":
            micro.sections.append(_item_value(el))
        elif prop == "inlanguage" and not micro.language:
            micro.language = _item_value(el)
        elif prop == "publisher" and el.get("itemscope") is None:
            micro.publishers.append(_item_value(el))


def read_page(tree: etree._Element) -> PageFacts:
    """Collect the page's declarations (any element of the tree may be passed: its root is read)."""
    root = tree.getroottree().getroot() if hasattr(tree, "getroottree") else tree
    facts = PageFacts(root=root)
    lang = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang") or root.get("xml:lang")
    facts.lang = clean_text(lang) or None
    scripts: list[str] = []
    head_title = False
    n_props = 0
    for el in root.iter(*_COLLECT_TAGS):
        tag = el.tag
        if tag == "meta":
            key = el.get("property") or el.get("name") or el.get("http-equiv")
            content = el.get("content")
            if key and content is not None:
                facts.metas.setdefault(key.strip().casefold(), []).append(clean_text(content))
        elif tag == "link":
            href = el.get("href")
            if href:
                for rel in el.get("rel", "").casefold().split():
                    facts.links.setdefault(rel, []).append(href.strip())
        elif tag == "title":
            # The head's <title>; an <svg><title> in the body only when the head has none.
            parent = el.getparent()
            in_head = parent is not None and parent.tag in ("head", "html")
            title = clean_text(el.text_content())
            if title and (facts.title is None or (in_head and not head_title)):
                facts.title, head_title = title, in_head
        elif tag == "h1":
            if len(facts.h1) < MAX_HEADINGS:
                facts.h1.append(el)
        elif tag == "script":
            if el.text and "ld+json" in (el.get("type") or "").casefold():
                scripts.append(el.text)
    for el in _ITEMPROP_ELEMENTS(root):
        props = [p for p in el.get("itemprop", "").casefold().split() if p in _ITEMPROPS]
        if props:
            n_props += 1
            _read_itemprop(el, props, facts.micro)
            if n_props >= MAX_ITEMPROPS:
                break
    canonical = (facts.links.get("canonical") or [None])[0]
    facts.jsonld = read_jsonld(scripts, canonical)
    return facts
