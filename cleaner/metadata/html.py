"""Metadata of an HTML news page: title, date, authors, site name, categories, agency, language, URL.

Entry points: :func:`extract_html_metadata` (a tree the caller parsed once with ``lxml.html``)
and :func:`metadata_from_html` (raw str/bytes; never raises). Each filled field records in
``Metadata.sources`` which declaration or element won ("json-ld NewsArticle.datePublished",
"meta og:site_name", "visible h1 (matches the declared headline)", "byline element (rel=author)").

What a page declares (meta tags, JSON-LD, microdata: `htmlpage.py`, `jsonld.py`) is weighed
against what it shows (the text around the headline element: `htmlzone.py`). A reader's truth
is what the page shows; declarations are often SEO variants, UTC timestamps, publisher
accounts or agencies. Order of trust per field (details in each module):

title (`htmltitle.py`)
    1. the visible ``<h1>`` sharing most words with a declared headline (JSON-LD ``headline``,
       ``og:title``, ``twitter:title``, microdata ``headline``, meta ``headline``, ``<title>``);
    2. else the declared headline most declarations agree on (JSON-LD, then og:title, then
       <title> on ties), " | Site", " - Site" and "Site: " removed; printed as a visible h2
       when one matches it (blogs whose h1 is the blog's name);
    3. else the first visible ``<h1>``.
date (`pubdate.py`: the local day the page shows as its publication)
    1. a structured publication date: JSON-LD ``datePublished``, microdata ``datePublished``,
       meta ``article:published_time``, ``datePublished``, ``pubdate``, ``DC.date``,
       ``parsely-pub-date``, ``sailthru.date``, ... read as the wall-clock day written in it
       (an offset is never converted to UTC);
    2. overruled by the date printed near the headline when the two are at most a day apart
       (a UTC timestamp vs. the local evening), unless the printed one is the modified day or
       an "Updated" date against a zoned timestamp;
    3. a UTC or zone-less timestamp with no printed date yields to the URL's date a day away;
    4. no structured date: the printed date, a <time datetime> near the headline, the URL's
       date, then ``htmldate`` (fast mode).
authors (`htmlauthors.py`: people only)
    1. the byline shown near the headline (elements marked rel=author, itemprop=author, an
       "author"/"byline" class, a link to an author page; else a labelled "By ..." line) when
       nothing is declared or it shares a name with the declaration;
    2. JSON-LD ``author`` Persons (Organizations skipped), else microdata authors;
    3. meta ``author`` / ``article:author`` / ``parsely-author`` / ``sailthru.author`` (not URLs).
    Wire agencies found on the way go to ``agency``; desks and the site's name are nobody.
site_name (`htmlsite.py`)
    ``og:site_name``, JSON-LD publisher / Organization / WebSite names, microdata publisher,
    ``application-name``, the <title> suffix, the logo's text: the name with most weight, one
    spelling the URL's brand preferred, a spelled-out form ("Live Science", "The Wall Street
    Journal") over a domain or abbreviation ("livescience.com", "WSJ"); the URL's host last.
categories
    JSON-LD or microdata BreadcrumbList (without Home, the site and the headline), else
    ``article:section`` / JSON-LD / microdata ``articleSection``, else an HTML breadcrumb.
language
    ``<html lang>``, ``Content-Language``, JSON-LD / microdata ``inLanguage``, ``og:locale``
    -> ISO 639-1; when they disagree the majority wins, a tie goes to the headline's language.
    None when the page declares nothing: the caller reads it from the text.
url
    ``<link rel=canonical>``, ``og:url``, else the URL given.
agency
    A wire agency named as author, publisher, meta author, in or after a byline ("Tom Krisher,
    AP Auto Writer"), or opening the description ("HAYWARD, Calif. (AP) -"). ``dateline`` is
    left None: the caller reads it from the first paragraph.
"""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urljoin

import lxml.html
from lxml import etree

from ..article import Metadata
from ..language import ngram_ranking, stopword_votes
from ..readers.detect import decode
from .common import fold, parse_url
from .htmlauthors import choose_authors
from .htmlpage import PageFacts, element_text, read_page
from .htmlsite import choose_site, core_name, site_candidates
from .htmltitle import choose_title
from .htmlzone import build_zone
from .pubdate import choose_date
from .vocab import HOME_WORDS

__all__ = ["extract_html_metadata", "metadata_from_html"]

MONTH_FIRST_EXCEPT_HOSTS = (".uk", ".ie", ".au", ".nz", ".in", ".za", ".ng", ".sg", ".pk")
"""English-language sites of countries that write the day first ("11/12/2019" is 11 December)."""
MAX_CATEGORY_CHARS = 60
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")


def metadata_from_html(html: str | bytes, url: str | None = None) -> Metadata:
    """Parse a page and read its metadata; never raises (broken input gives empty fields).

    Bytes are decoded as `readers.detect.decode` does for every input: byte order mark, the
    page's declared charset, UTF-8, then a detector.
    """
    url = url if isinstance(url, str) else None
    try:
        if isinstance(html, (bytes, bytearray)):
            html = decode(bytes(html))[0]
        if not isinstance(html, str) or not html.strip():
            return Metadata(url=url)
        html = _XML_DECLARATION.sub("", html, count=1)  # lxml refuses str input that declares bytes
        tree = lxml.html.document_fromstring(html)
    except Exception as exc:  # malformed beyond lxml's recovery
        return Metadata(url=url, sources={"error": f"unparsable HTML: {type(exc).__name__}"})
    return extract_html_metadata(tree, url=url)


def extract_html_metadata(tree: lxml.html.HtmlElement, *, url: str | None = None) -> Metadata:
    """Metadata of a parsed page. Never raises: a field that cannot be read is left empty."""
    url = url if isinstance(url, str) and url.strip() else None
    try:
        return _extract(tree, url)
    except Exception as exc:  # a metadata bug must never lose the article
        return Metadata(url=url, sources={"error": f"metadata failed: {type(exc).__name__}: {exc}"[:200]})


# --- the extraction -----------------------------------------------------------------------------


def _extract(tree: etree._Element, url: str | None) -> Metadata:
    """Declarations first, then the headline (it anchors the visible header), then the rest."""
    facts = read_page(tree)
    sources: dict[str, str] = {}
    page_url, url_source = _page_url(facts, url)
    info = parse_url(url or page_url)
    if page_url and page_url != url:
        canonical = parse_url(page_url)
        if canonical.host == info.host and canonical.date and not info.date:
            info = canonical  # the canonical URL may carry the date the crawled one lacks

    site_cands = site_candidates(facts, info)
    title, anchor, title_source = choose_title(facts, site_cands, info)
    site, site_source = choose_site(facts, site_cands, title, info)

    language, lang_source = _language(facts, title)
    month_first = (language or "en")[:2] == "en" and not info.host.endswith(MONTH_FIRST_EXCEPT_HOSTS)
    zone = build_zone(anchor, title) if anchor is not None and title else None

    credits = choose_authors(facts, zone, site)
    date, date_source = choose_date(facts, zone, info, month_first, tree)
    categories, categories_source = _categories(facts, site, title)

    _note(sources, "title", title, title_source)
    _note(sources, "date", date, date_source)
    _note(sources, "authors", credits.authors, credits.authors_source)
    _note(sources, "site_name", site, site_source)
    _note(sources, "categories", categories, categories_source)
    _note(sources, "agency", credits.agency, credits.agency_source)
    _note(sources, "language", language, lang_source)
    _note(sources, "url", page_url, url_source)
    return Metadata(
        title=title,
        date=date,
        authors=tuple(credits.authors),
        site_name=site,
        categories=tuple(categories),
        agency=credits.agency,
        dateline=None,
        language=language,
        url=page_url,
        sources=sources,
    )


def _note(sources: dict[str, str], field: str, value: object, where: str) -> None:
    """Record where a filled field came from."""
    if value and where:
        sources[field] = where


# --- url ----------------------------------------------------------------------------------------


def _page_url(facts: PageFacts, url: str | None) -> tuple[str | None, str]:
    """The page's own URL (canonical, og:url; made absolute against `url`), else `url`."""
    for value, source in (
        ((facts.links.get("canonical") or [None])[0], "link rel=canonical"),
        (facts.meta("og:url"), "meta og:url"),
    ):
        if value and not value.startswith(("javascript:", "#")):
            full = urljoin(url, value) if url else value
            if full.startswith(("http://", "https://")):
                return full, source
    return url, ("given by the caller" if url else "")


# --- language -----------------------------------------------------------------------------------

LANGUAGE_NAMES = {
    "english": "en", "italiano": "it", "italian": "it", "deutsch": "de", "german": "de", "français": "fr",
    "francais": "fr", "french": "fr", "español": "es", "espanol": "es", "spanish": "es", "português": "pt",
    "portugues": "pt", "portuguese": "pt", "nederlands": "nl", "dutch": "nl", "русский": "ru", "russian": "ru",
    "polski": "pl", "polish": "pl", "türkçe": "tr", "turkish": "tr", "bahasa indonesia": "id", "indonesian": "id",
    "japanese": "ja", "日本語": "ja", "korean": "ko", "한국어": "ko", "chinese": "zh", "中文": "zh",
    "arabic": "ar",
    # ISO 639-2 codes some CMSs write instead of ISO 639-1
    "eng": "en", "deu": "de", "ger": "de", "fra": "fr", "fre": "fr", "spa": "es", "ita": "it", "por": "pt",
    "rus": "ru", "nld": "nl", "dut": "nl", "pol": "pl", "tur": "tr", "jpn": "ja", "kor": "ko", "zho": "zh",
    "chi": "zh", "ara": "ar", "ind": "id",
}  # fmt: skip
MIN_GUESS_CHARS = 10
MIN_STOPWORD_VOTES = 2
"""Stop words a headline needs to settle a tie between declared languages without the n-gram model."""


def _lang_code(value: str | None) -> str | None:
    """ISO 639-1 code of a declared language: "en-US", "pt_BR", "deu", "italiano (italian)"."""
    if not value:
        return None
    text = value.strip().casefold().replace("_", "-")
    code = text.split(",")[0].split(";")[0].strip().split("-")[0]
    if len(code) == 2 and code.isascii() and code.isalpha():
        return code
    if code in LANGUAGE_NAMES:
        return LANGUAGE_NAMES[code]
    return next((c for name, c in LANGUAGE_NAMES.items() if len(name) > 3 and text.startswith(name)), None)


def _language(facts: PageFacts, title: str | None) -> tuple[str | None, str]:
    """The declared language; when declarations disagree the majority, and on a tie the one the
    headline is written in (a template's lang="en" on a German article)."""
    declared: list[tuple[str, str]] = []
    for value, source in (
        (facts.lang, "<html lang>"),
        (facts.meta("content-language"), "meta content-language"),
        (facts.jsonld.language, "json-ld inLanguage"),
        (facts.micro.language, "microdata inLanguage"),
        (facts.meta("inlanguage"), "meta inLanguage"),
        (facts.meta("dc.language", "language"), "meta language"),
        (facts.meta("og:locale"), "meta og:locale"),
    ):
        code = _lang_code(value)
        if code:
            declared.append((code, source))
    if not declared:
        return None, ""
    counts = Counter(code for code, _ in declared)
    if len(counts) == 1:
        return declared[0]
    top = max(counts.values())
    leaders = [c for c, n in counts.items() if n == top]
    if len(leaders) == 1:
        return leaders[0], _source_of(declared, leaders[0]) + " (most declarations agree)"
    guess = _guess_language(title or facts.title or "", leaders)
    if guess:
        return guess, _source_of(declared, guess) + " (declarations disagree: the headline's language)"
    return declared[0]


def _source_of(declared: list[tuple[str, str]], code: str) -> str:
    return next(source for c, source in declared if c == code)


def _guess_language(text: str, choices: list[str]) -> str | None:
    """Which of `choices` `text` is written in: the language with most stop words in it when it
    has at least MIN_STOPWORD_VOTES and more than any other ("Die ... der lange Marsch ins ..."
    is German, not English); else the first of `choices` in the n-gram model's ranking (the
    model `cleaner.language` asks about close calls, so a process loads it once)."""
    if len(text) < MIN_GUESS_CHARS:
        return None
    ranked = stopword_votes(text, choices).most_common(2)
    if ranked and ranked[0][1] >= MIN_STOPWORD_VOTES and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    ranked_codes = ngram_ranking(text, k=-1)  # all languages: a headline may rank the choices low
    return next((code for code, _ in ranked_codes if code in choices), None)


# --- categories ---------------------------------------------------------------------------------

_HTML_BREADCRUMB = etree.XPath(
    "(//nav | //ol | //ul | //div)[contains(@class, 'breadcrumb') or contains(@id, 'breadcrumb')"
    " or contains(@aria-label, 'readcrumb')][1]"
)
_CRUMB_ITEMS = etree.XPath(".//li | .//a[not(ancestor::li)]")


def _categories(facts: PageFacts, site: str | None, title: str | None) -> tuple[list[str], str]:
    """Breadcrumb trail (JSON-LD or microdata) without Home, the site and the headline; else the
    declared section(s); else an HTML breadcrumb (nav/ol/ul classed "breadcrumb")."""
    for crumbs, source in (
        (facts.jsonld.breadcrumbs, "json-ld BreadcrumbList"),
        (facts.micro.breadcrumbs, "microdata BreadcrumbList"),
    ):
        found = _clean_crumbs(crumbs, site, title)
        if found:
            return found, source
    for values, source in (
        (facts.metas.get("article:section", []), "meta article:section"),
        (facts.jsonld.sections, "json-ld articleSection"),
        (facts.micro.sections, "microdata articleSection"),
        (facts.metas.get("og:article:section", []), "meta og:article:section"),
        (facts.metas.get("parsely-section", []), "meta parsely-section"),
        (facts.metas.get("section", []), "meta section"),
    ):
        found = _clean_crumbs(values, site, None)
        if found:
            return found, source
    for nav in _HTML_BREADCRUMB(facts.root):
        found = _clean_crumbs([element_text(el) for el in _CRUMB_ITEMS(nav)], site, title)
        if found:
            return found, "breadcrumb element"
    return [], ""


def _clean_crumbs(values: list[str], site: str | None, title: str | None) -> list[str]:
    """Category names without Home, the site's own name, the headline, and duplicates."""
    skip = {fold(site)} if site else set()
    site_core = core_name(site) if site else ""
    head = fold(title) if title else ""
    out: list[str] = []
    for value in values:
        key = fold(value or "")
        if not key or key in skip or key in HOME_WORDS or len(value) > MAX_CATEGORY_CHARS:
            continue
        if site_core and core_name(value) == site_core:
            continue
        if head and (key == head or (len(key) > 20 and key in head)):
            continue
        skip.add(key)
        out.append(value.strip())
    return out
