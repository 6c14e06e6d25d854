"""JSON-LD (schema.org) blocks of an HTML page: the article node, its people, publisher and dates.

Pages embed one or several ``<script type="application/ld+json">`` blocks: a single object, a list,
or a Yoast-style ``@graph`` whose nodes point at each other by ``@id``. Real pages also ship broken
JSON (HTML comments or CDATA around it, trailing commas, raw newlines inside strings, HTML entities
in values), so parsing is forgiving and a block that still fails is skipped, never raised.

Only reading happens here; which value wins over the page's meta tags and visible text is decided
in `html.py`.
"""

from __future__ import annotations

import html as html_lib
import json
import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

MAX_NODES = 500
"""Nodes visited per page: a product feed in JSON-LD must not cost more than the article."""
MAX_DEPTH = 8

ARTICLE_TYPES = frozenset(
    """article newsarticle blogposting reportagenewsarticle analysisnewsarticle opinionnewsarticle
    backgroundnewsarticle reviewnewsarticle askpublicnewsarticle liveblogposting socialmediaposting
    techarticle scholarlyarticle satiricalarticle advertisercontentarticle report posting
    discussionforumposting""".split()
)
PAGE_TYPES = frozenset("webpage itempage collectionpage aboutpage medicalwebpage".split())
PERSON_TYPES = frozenset({"person"})
ORG_TYPES = frozenset(
    """organization newsmediaorganization corporation localbusiness educationalorganization
    governmentorganization ngo onlinebusiness""".split()
)
SITE_TYPES = frozenset({"website"})

_COMMENT = re.compile(r"<!--|-->|//\s*<!\[CDATA\[|//\s*\]\]>|<!\[CDATA\[|\]\]>")
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Agent:
    """A schema.org author or publisher: its name and, when declared, its type (casefolded)."""

    name: str
    kind: str = ""  # "person", "organization" (any ORG_TYPES), or "" when the page did not say


@dataclass(slots=True)
class JsonLd:
    """What a page's JSON-LD says about the article, each value as written (entities decoded)."""

    found: bool = False  # at least one block parsed
    article_type: str = ""  # "NewsArticle", ... of the node used
    headline: str | None = None
    alt_headline: str | None = None
    date_published: str | None = None
    date_created: str | None = None
    date_modified: str | None = None
    authors: list[Agent] = field(default_factory=list)
    publisher: str | None = None
    sections: list[str] = field(default_factory=list)
    language: str | None = None
    url: str | None = None
    breadcrumbs: list[str] = field(default_factory=list)
    site_names: list[tuple[str, str]] = field(default_factory=list)  # (name, "WebSite"/"Organization")
    page_date: str | None = None  # a WebPage node's datePublished, when no article node has one


def parse_blocks(texts: Iterable[str]) -> list[Any]:
    """Parsed JSON values of the script texts; broken blocks are repaired or skipped."""
    out: list[Any] = []
    for text in texts:
        value = _loads(text)
        if value is not None:
            out.append(value)
    return out


def _loads(text: str | None) -> Any:
    if not text or not text.strip():
        return None
    try:
        return json.loads(text, strict=False)
    except ValueError:
        pass
    cleaned = _TRAILING_COMMA.sub(r"\1", _COMMENT.sub("", text)).strip().rstrip(";")
    try:
        return json.loads(cleaned, strict=False)
    except ValueError:
        pass
    # Several objects written one after another: read them one by one.
    decoder = json.JSONDecoder(strict=False)
    values, pos = [], 0
    while pos < len(cleaned):
        while pos < len(cleaned) and cleaned[pos] in " \t\r\n,;":
            pos += 1
        if pos >= len(cleaned):
            break
        try:
            value, pos = decoder.raw_decode(cleaned, pos)
        except ValueError:
            break
        values.append(value)
    return values or None


def _types(node: dict[str, Any]) -> tuple[str, ...]:
    """Casefolded schema.org types of a node ("https://schema.org/NewsArticle" -> "newsarticle")."""
    raw = node.get("@type")
    items = raw if isinstance(raw, list) else [raw]
    return tuple(t.rsplit("/", 1)[-1].casefold() for t in items if isinstance(t, str))


def _nodes(values: list[Any]) -> list[dict[str, Any]]:
    """Every typed object in the blocks, in document order, nested ones included."""
    out: list[dict[str, Any]] = []
    stack: list[tuple[Any, int]] = [(v, 0) for v in reversed(values)]
    while stack and len(out) < MAX_NODES:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            continue
        if isinstance(value, list):
            stack.extend((v, depth + 1) for v in reversed(value))
        elif isinstance(value, dict):
            if "@type" in value:
                out.append(value)
            children = [v for k, v in value.items() if isinstance(v, (dict, list)) and k != "@context"]
            stack.extend((v, depth + 1) for v in reversed(children))
    return out


def text_value(value: Any) -> str | None:
    """A plain string from a JSON-LD value: strings, {"@value": ...}, or the first of a list."""
    if isinstance(value, list):
        for item in value:
            found = text_value(item)
            if found:
                return found
        return None
    if isinstance(value, dict):
        value = value.get("@value") or value.get("name")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    if "&" in value:
        value = html_lib.unescape(value)
    value = _SPACES.sub(" ", value).strip()
    return value or None


class _Graph:
    """Nodes by @id, to follow references ("author": {"@id": "...#/schema/person/1"})."""

    def __init__(self, nodes: list[dict[str, Any]]) -> None:
        self.by_id: dict[str, dict[str, Any]] = {}
        for node in nodes:
            node_id = node.get("@id")
            if isinstance(node_id, str) and (node_id not in self.by_id or len(node) > len(self.by_id[node_id])):
                self.by_id[node_id] = node

    def resolve(self, value: Any) -> Any:
        if isinstance(value, dict) and "@id" in value and len(value) <= 2 and "name" not in value:
            return self.by_id.get(value["@id"], value)
        return value


def _agents(value: Any, graph: _Graph) -> Iterator[Agent]:
    """Authors or publishers of a node: strings, objects, lists, @id references."""
    items = value if isinstance(value, list) else [value]
    for item in items:
        item = graph.resolve(item)
        if isinstance(item, str):
            name = text_value(item)
            if name:
                yield Agent(name)
        elif isinstance(item, dict):
            name = text_value(item.get("name"))
            if not name and ("givenName" in item or "familyName" in item):
                parts = (text_value(item.get("givenName")), text_value(item.get("familyName")))
                name = text_value(" ".join(p for p in parts if p))
            if not name:
                continue
            kinds = _types(item)
            kind = ""
            if PERSON_TYPES.intersection(kinds):
                kind = "person"
            elif ORG_TYPES.intersection(kinds):
                kind = "organization"
            yield Agent(name, kind)


def _url_of(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url")
    return value if isinstance(value, str) else None


def _pick_article(articles: list[dict[str, Any]], canonical: str | None) -> dict[str, Any]:
    """The node about this page: the one naming the canonical URL, else the richest with a headline."""
    def key(node: dict[str, Any]) -> tuple[int, int, int]:
        urls = {_url_of(node.get("url")), _url_of(node.get("mainEntityOfPage")), _url_of(node.get("@id"))}
        same = bool(canonical) and any(u and _same_url(u, canonical) for u in urls)
        richness = sum(1 for k in ("datePublished", "author", "publisher") if node.get(k))
        return int(same), int(bool(node.get("headline"))), richness

    return max(articles, key=key)


def _same_url(a: str, b: str) -> bool:
    def norm(u: str) -> str:
        u = u.split("#", 1)[0].split("?", 1)[0].rstrip("/")
        return u.split("://", 1)[-1].removeprefix("www.")

    return norm(a) == norm(b)


def _breadcrumb(node: dict[str, Any], graph: _Graph) -> list[str]:
    items = node.get("itemListElement")
    if not isinstance(items, list):
        return []
    entries: list[tuple[float, int, str]] = []
    for i, item in enumerate(items):
        item = graph.resolve(item)
        if not isinstance(item, dict):
            continue
        name = text_value(item.get("name"))
        if not name:
            inner = graph.resolve(item.get("item"))
            name = text_value(inner.get("name")) if isinstance(inner, dict) else None
        pos = item.get("position")
        try:
            order = float(pos)
        except (TypeError, ValueError):
            order = float(i)
        if name:
            entries.append((order, i, name))
    return [name for _, _, name in sorted(entries)]


def read_jsonld(texts: Iterable[str], canonical: str | None = None) -> JsonLd:
    """What the page's JSON-LD blocks say about the article (empty result when there are none)."""
    values = parse_blocks(texts)
    result = JsonLd(found=bool(values))
    if not values:
        return result
    nodes = _nodes(values)
    graph = _Graph(nodes)
    articles: list[dict[str, Any]] = []
    pages: list[dict[str, Any]] = []
    for node in nodes:
        kinds = _types(node)
        if ARTICLE_TYPES.intersection(kinds) or any(k.endswith("article") for k in kinds):
            articles.append(node)
        elif PAGE_TYPES.intersection(kinds):
            pages.append(node)
        elif "breadcrumblist" in kinds and not result.breadcrumbs:
            result.breadcrumbs = _breadcrumb(node, graph)
        if SITE_TYPES.intersection(kinds) or ORG_TYPES.intersection(kinds):
            name = text_value(node.get("name"))
            if name:
                result.site_names.append((name, "WebSite" if SITE_TYPES.intersection(kinds) else "Organization"))
    for page in pages:
        crumbs = graph.resolve(page.get("breadcrumb"))
        if not result.breadcrumbs and isinstance(crumbs, dict):
            result.breadcrumbs = _breadcrumb(crumbs, graph)
        if not result.page_date:
            result.page_date = text_value(page.get("datePublished"))
    if not articles:
        page = pages[0] if pages else None
        if page is not None:
            result.language = text_value(page.get("inLanguage"))
        return result
    node = _pick_article(articles, canonical)
    raw_type = node.get("@type")
    first_type = raw_type[0] if isinstance(raw_type, list) and raw_type else raw_type
    result.article_type = first_type.rsplit("/", 1)[-1] if isinstance(first_type, str) else "Article"
    result.headline = text_value(node.get("headline")) or text_value(node.get("name"))
    result.alt_headline = text_value(node.get("alternativeHeadline"))
    # Keys are case-sensitive in JSON-LD, but some plugins write "datepublished".
    lower = {k.casefold(): v for k, v in node.items() if isinstance(k, str)}
    result.date_published = text_value(lower.get("datepublished"))
    result.date_created = text_value(lower.get("datecreated"))
    result.date_modified = text_value(lower.get("datemodified"))
    result.authors = list(_agents(node.get("author") or node.get("creator"), graph))
    publishers = list(_agents(node.get("publisher") or node.get("sourceOrganization"), graph))
    result.publisher = publishers[0].name if publishers else None
    section = node.get("articleSection")
    sections = section if isinstance(section, list) else [section]
    result.sections = [s for s in (text_value(x) for x in sections) if s]
    result.language = text_value(node.get("inLanguage")) or text_value(lower.get("inlanguage"))
    result.url = _url_of(node.get("url")) or _url_of(node.get("mainEntityOfPage"))
    return result
