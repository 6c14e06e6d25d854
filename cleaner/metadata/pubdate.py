"""The publication day of an HTML page, as the page shows it.

A structured date (JSON-LD, microdata, meta) is read as the wall-clock day written in it. The
date printed near the headline overrules it when the two are at most a day apart (a UTC
timestamp against the local evening it was published in), unless the printed date is the
modified day, or is labelled "Updated" while the structured date carries its own zone. A UTC or
zone-less timestamp with nothing printed yields to the URL's date a day away. Without any
structured date: the printed date, the datetime of a <time> element near the headline, the
URL's date, then ``htmldate`` in its fast mode.
"""

from __future__ import annotations

import re

from lxml import etree

from .common import UrlInfo
from .dates import pick_date
from .htmlpage import PageFacts
from .htmlzone import Zone
from .stamps import LOCAL, Stamp, day_gap, parse_stamp
from .vocab import UPDATED_LABELS

# Meta names of the publication date, most specific first.
DATE_META = (
    "article:published_time", "og:article:published_time", "article:published", "datepublished",
    "article.published", "published_time", "pubdate", "publishdate", "publish-date", "publish_date",
    "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created", "dc.date.created",
    "parsely-pub-date", "sailthru.date", "article_date_original", "pdate", "sn-post-date", "pub_date",
    "published_at", "published", "displaydate", "datecreated", "analyticsattributes.articledate",
    "originalpublicationdate", "citation_publication_date", "citation_date", "date", "created",
)  # fmt: skip
MODIFIED_META = (
    "article:modified_time", "og:article:modified_time", "datemodified", "og:updated_time", "article.updated",
    "dc.date.modified", "dcterms.modified", "last-modified",
)  # fmt: skip
MAX_GAP_DAYS = 1
"""A printed date this close to a timestamp is the same moment seen in another time zone."""
MAX_MICRODATA_DATES = 3

_LABEL = re.compile(r"'([^']+)' label")
_UPDATED = frozenset(UPDATED_LABELS)


def choose_date(
    facts: PageFacts, zone: Zone | None, info: UrlInfo, month_first: bool, tree: etree._Element
) -> tuple[str | None, str]:
    """(ISO date, where it came from); see the module docstring for the order of trust."""
    stamp, stamp_source = _structured_date(facts, month_first)
    shown, shown_source, shown_updated = _shown_date(zone, info, month_first)
    url_day = _url_day(info)
    if stamp:
        if shown and shown[:10] != stamp.day and day_gap(_ymd(shown), stamp.ymd) <= MAX_GAP_DAYS:
            modified = _modified_day(facts)
            is_modified = modified is not None and modified == shown[:10] and modified != stamp.day
            if not is_modified and not (shown_updated and stamp.zone == LOCAL):
                return shown, f"{shown_source} (within a day of {stamp_source}: the local day)"
        near_url = bool(url_day) and url_day != stamp.day and day_gap(_ymd(url_day), stamp.ymd) <= MAX_GAP_DAYS
        if stamp.zone != LOCAL and near_url:
            return url_day, f"date in the URL path ({stamp_source} has no local zone)"
        return stamp.iso, stamp_source
    if shown:
        return shown, shown_source
    machine = _time_attribute(zone, month_first)
    if machine:
        return machine.iso, "datetime of the <time> element nearest the headline"
    if url_day:
        return url_day, "date in the URL path"
    return _htmldate(tree)


def _structured_date(facts: PageFacts, month_first: bool) -> tuple[Stamp | None, str]:
    """The first valid publication date the page declares, with its source."""
    ld = facts.jsonld
    for value, source in (
        (ld.date_published, f"json-ld {ld.article_type}.datePublished"),
        (ld.date_created, f"json-ld {ld.article_type}.dateCreated"),
    ):
        stamp = parse_stamp(value, month_first=month_first)
        if stamp:
            return stamp, source
    for value in facts.micro.date_published[:MAX_MICRODATA_DATES]:
        stamp = parse_stamp(value, month_first=month_first)
        if stamp:
            return stamp, "microdata datePublished"
    for key in DATE_META:
        for value in facts.metas.get(key, ()):
            stamp = parse_stamp(value, month_first=month_first)
            if stamp:
                return stamp, f"meta {key}"
    stamp = parse_stamp(ld.page_date, month_first=month_first)
    if stamp:
        return stamp, "json-ld WebPage.datePublished"
    return None, ""


def _modified_day(facts: PageFacts) -> str | None:
    """The day the page says it was last modified, if it says so."""
    values = [facts.jsonld.date_modified] + [facts.meta(key) for key in MODIFIED_META] + facts.micro.date_modified[:1]
    for value in values:
        stamp = parse_stamp(value)
        if stamp:
            return stamp.day
    return None


def _shown_date(zone: Zone | None, info: UrlInfo, month_first: bool) -> tuple[str | None, str, bool]:
    """(ISO date, source, labelled "Updated") printed near the headline, read by `dates.pick_date`."""
    if zone is None or not zone.lines:
        return None, "", False
    lines = zone.rendered()  # "PUBLISHED: <time>Nov 19, 2019</time>" read as one line
    result = pick_date(lines.blocks(), lines.title_index, lines.first_body, info.date, month_first=month_first)
    if not result.iso or result.source.startswith("date in the URL"):
        return None, "", False
    how = result.source.split(": ", 1)[-1]
    label = _LABEL.search(how)
    updated = bool(label) and label.group(1).casefold() in _UPDATED
    return result.iso, f"date shown near the headline ({how})", updated


def _time_attribute(zone: Zone | None, month_first: bool) -> Stamp | None:
    """The datetime of the <time> element nearest the headline (below it first), for pages
    that print only "2 hours ago"."""
    if zone is None:
        return None
    t = zone.title_index
    order = sorted(range(len(zone.lines)), key=lambda i: (i < t, abs(i - t)))
    for i in order:
        owner = zone.lines[i].owner
        if i == t or (zone.first_body >= 0 and i > zone.first_body):
            continue
        for el in (owner, owner.getparent()):
            if el is not None and el.tag == "time" and el.get("datetime"):
                stamp = parse_stamp(el.get("datetime"), month_first=month_first)
                if stamp:
                    return stamp
    return None


def _url_day(info: UrlInfo) -> str | None:
    if not info.date or not info.date[2]:
        return None
    y, m, d = info.date
    return f"{y:04d}-{m:02d}-{d:02d}"


def _ymd(iso: str) -> tuple[int, int, int]:
    return int(iso[:4]), int(iso[5:7]), int(iso[8:10])


def _htmldate(tree: etree._Element) -> tuple[str | None, str]:
    """htmldate's guess without its extensive search (that one costs up to ~250 ms a page)."""
    try:
        from htmldate import find_date

        found = find_date(tree, original_date=True, extensive_search=False, outputformat="%Y-%m-%d")
    except Exception:  # htmldate must never cost us the rest of the metadata
        return None, ""
    return (found, "htmldate (fast mode)") if found else (None, "")
