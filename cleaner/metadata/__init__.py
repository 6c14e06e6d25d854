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
from .agency import closing_agency, find_agency
from .bylines import find_authors, person
from .common import parse_url
from .dates import pick_date
from .language import detect_language
from .site import find_site
from .title import find_breadcrumb, find_title

__all__ = ["extract_metadata"]

# Languages whose all-numeric dates put the month first ("11/12/2019" is November 12).
MONTH_FIRST_LANGUAGES = frozenset({"en"})
MONTH_FIRST_EXCEPT_HOSTS = (".uk", ".ie", ".au", ".nz", ".in", ".za", ".ng", ".sg", ".pk")
"""English-language sites of countries that write the day first."""


def extract_metadata(
    blocks: Sequence[Block],
    body: Sequence[Block],
    *,
    url: str | None = None,
    language: str | None = None,
    detect_lang: bool = True,
) -> Metadata:
    """Metadata of one dump. Never raises: a field that cannot be read is left empty.

    `blocks` are all blocks of the dump in order, `body` the ones kept as article text.
    `language` is the caller's ISO 639-1 code when it already knows it (no model is run then);
    `detect_lang=False` leaves the language empty instead of running py3langid.
    """
    try:
        hint = language if isinstance(language, str) and language else None
        return _extract(list(blocks or ()), list(body or ()), url if isinstance(url, str) else None, hint, detect_lang)
    except Exception as exc:  # a metadata bug must never lose the article text
        return Metadata(url=url if isinstance(url, str) else None, sources={"error": f"metadata failed: {type(exc).__name__}"})


def _extract(
    blocks: list[Block], body: list[Block], url: str | None, hint: str | None, detect_lang: bool
) -> Metadata:
    """The extraction proper, in anchor order: headline, then what sits around it."""
    info = parse_url(url)
    first_body = body[0].index if body else -1
    sources: dict[str, str] = {}

    title = find_title(blocks, first_body, info)
    site = find_site(blocks, info, title.site, title.site_source)

    byline = find_authors(blocks, title.first_index, first_body, site.name)
    authors = byline.authors
    if not authors and title.trailing_byline:
        name = person(title.trailing_byline, allow_single=True)
        authors = (name,) if name else ()
        if authors:
            byline.source = f"{title.source.split(':')[0]}: byline after the headline"

    language = hint or (detect_language(blocks, body) if detect_lang else None)
    month_first = (language in MONTH_FIRST_LANGUAGES or language is None) and not info.host.endswith(
        MONTH_FIRST_EXCEPT_HOSTS
    )
    date = pick_date(blocks, title.first_index, first_body, info.date, month_first=month_first)

    wire = find_agency(blocks, body)
    agency, agency_source = wire.agency, wire.source
    if not agency and byline.agency:
        agency, agency_source = byline.agency, byline.agency_source
    if not agency:
        agency, agency_source = closing_agency(blocks, body)

    categories, categories_source = title.categories, title.categories_source
    if not categories and first_body > 0:
        categories, categories_source = find_breadcrumb(blocks, first_body - 40, first_body, title.title)

    _note(sources, "title", title.title, title.source)
    _note(sources, "date", date.iso, date.source)
    _note(sources, "authors", authors, byline.source)
    _note(sources, "site_name", site.name, site.source)
    _note(sources, "categories", categories, categories_source)
    _note(sources, "agency", agency, agency_source)
    _note(sources, "dateline", wire.dateline, wire.dateline_source)
    lang_source = "given by the caller" if hint else ("py3langid on the article text" if body else "py3langid on the page text")
    _note(sources, "language", language, lang_source)
    return Metadata(
        title=title.title,
        date=date.iso,
        authors=tuple(authors),
        site_name=site.name,
        categories=tuple(categories),
        agency=agency,
        dateline=wire.dateline,
        language=language,
        url=url,
        sources=sources,
    )


def _note(sources: dict[str, str], field: str, value: object, where: str) -> None:
    """Record where a filled field came from."""
    if value and where:
        sources[field] = where
