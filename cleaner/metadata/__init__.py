"""Metadata of a plain-text dump: title, date, authors, site, categories, agency, language.

`extract_metadata` reads the blocks around the article the classifier kept. The headline is
found first, because it anchors everything else: the byline and the date sit between the
headline and the body, the site name sits next to the headline in the <title> line. Each field
has its own module; this one only orders the calls and records where each value came from.
"""

from __future__ import annotations

from typing import Sequence

from ..article import Metadata
from ..blocks import Block
from .agency import AgencyResult, closing_agency, find_agency
from .bylines import find_authors, person
from .common import UrlInfo, parse_url
from .dates import forget_lines, pick_date
from .feeds import feed_site
from .language import detect_language
from .site import find_site
from .title import TitleResult, find_title
from .titleline import find_breadcrumb

__all__ = ["extract_metadata"]

# Languages whose all-numeric dates put the month first ("11/12/2019" is November 12).
MONTH_FIRST_LANGUAGES = frozenset({"en"})
MONTH_FIRST_EXCEPT_HOSTS = (".uk", ".ie", ".au", ".nz", ".in", ".za", ".ng", ".sg", ".pk")
"""English-language sites of countries that write the day first."""
BREADCRUMB_LOOKBACK = 40
"""Blocks above the body searched for a one-line breadcrumb."""


def extract_metadata(
    blocks: Sequence[Block],
    body: Sequence[Block],
    *,
    url: str | None = None,
    url_info: UrlInfo | None = None,
    language: str | None = None,
    detect_lang: bool = True,
) -> Metadata:
    """Metadata of one dump. Never raises: a field that cannot be read is left empty.

    `blocks` are all blocks of the dump in order, `body` the ones kept as article text.
    `url_info` is `parse_url(url)` when the caller has parsed the URL already.
    `language` is the caller's ISO 639-1 code when it already knows it (no model is run then);
    `detect_lang=False` leaves the language empty instead of running the language model.
    """
    forget_lines()
    try:
        hint = language if isinstance(language, str) and language else None
        return _extract(list(blocks or ()), list(body or ()), url if isinstance(url, str) else None, url_info, hint, detect_lang)
    except Exception as exc:  # a metadata bug must never lose the article text
        return Metadata(url=url if isinstance(url, str) else None, sources={"error": f"metadata failed: {type(exc).__name__}"})


def _extract(
    blocks: list[Block], body: list[Block], url: str | None, url_info: UrlInfo | None, hint: str | None, detect_lang: bool
) -> Metadata:
    """The extraction proper, in anchor order: headline, then what sits around it."""
    info = url_info if url_info is not None else parse_url(url)
    first_body = body[0].index if body else -1
    title = find_title(blocks, first_body, info)
    site = find_site(blocks, info, title.site, title.site_source, body, feed_site(blocks))
    authors, authors_source, byline_agency = _authors(blocks, title, first_body, site.name)
    language = hint or (detect_language(blocks, body) if detect_lang else None)
    month_first = (language in MONTH_FIRST_LANGUAGES or language is None) and not info.host.endswith(
        MONTH_FIRST_EXCEPT_HOSTS
    )
    date = pick_date(blocks, title.first_index, first_body, info.date, month_first=month_first)
    wire = find_agency(blocks, body)
    agency, agency_source = _agency(blocks, body, wire, byline_agency)
    categories, categories_source = title.categories, title.categories_source
    if not categories and first_body > 0:
        categories, categories_source = find_breadcrumb(blocks, first_body - BREADCRUMB_LOOKBACK, first_body, title.title)

    sources: dict[str, str] = {}
    _note(sources, "title", title.title, title.source)
    _note(sources, "date", date.iso, date.source)
    _note(sources, "authors", authors, authors_source)
    _note(sources, "site_name", site.name, site.source)
    _note(sources, "categories", categories, categories_source)
    _note(sources, "agency", agency, agency_source)
    _note(sources, "dateline", wire.dateline, wire.dateline_source)
    _note(sources, "language", language, "given by the caller" if hint else f"language model on the {'article' if body else 'page'} text")
    return Metadata(
        title=title.title,
        date=date.iso,
        authors=authors,
        site_name=site.name,
        categories=tuple(categories),
        agency=agency,
        dateline=wire.dateline,
        language=language,
        url=url,
        sources=sources,
    )


def _authors(
    blocks: list[Block], title: TitleResult, first_body: int, site_name: str | None
) -> tuple[tuple[str, ...], str, tuple[str | None, str]]:
    """(authors, source, (agency, agency source)) from the byline zone, or from a byline glued
    to the headline ("Hiking the Flat Irons by Regan") when the zone has none."""
    byline = find_authors(blocks, title.first_index, first_body, site_name)
    agency = (byline.agency, byline.agency_source)
    if byline.authors or not title.trailing_byline:
        return byline.authors, byline.source, agency
    name = person(title.trailing_byline, allow_single=True)
    if not name:
        return (), "", agency
    return (name,), f"{title.source.split(':')[0]}: byline after the headline", agency


def _agency(
    blocks: list[Block], body: list[Block], wire: AgencyResult, byline_agency: tuple[str | None, str]
) -> tuple[str | None, str]:
    """The wire agency: the dateline tag first, then a byline credit, then a closing copyright."""
    if wire.agency:
        return wire.agency, wire.source
    if byline_agency[0]:
        return byline_agency
    return closing_agency(blocks, body)


def _note(sources: dict[str, str], field: str, value: object, where: str) -> None:
    """Record where a filled field came from."""
    if value and where:
        sources[field] = where
