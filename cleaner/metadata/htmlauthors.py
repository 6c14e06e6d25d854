"""The people credited on an HTML page, and a wire agency credited instead of or beside them.

Declared authors (JSON-LD ``author`` Persons, microdata) are compared with the byline the page
shows near its headline (elements marked rel=author, itemprop=author, an "author"/"byline"
class, a link to an author page):

1. the shown byline, when there is no declaration or it shares a name with it (JSON-LD often
   lists one of three bylined reporters; the shown byline is what the reader is told);
2. the declared authors (also when the shown "byline" shares nobody with them: element
   heuristics are the weaker evidence);
3. meta ``author`` and friends (not URLs, not organisations).
Where no element is marked, a labelled byline ("By ...") in the rendered lines near the
headline (read by `bylines.find_authors`) stands for the shown byline.

Every source may name a wire agency instead of a person ("Associated Press", "Tom Krisher, AP
Auto Writer", a JSON-LD publisher "Reuters"); the first one found is the agency. As a last
resort the description's opening is read, since it repeats the first paragraph ("HAYWARD,
Calif. (AP) - ...").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .agency import read_opening
from .bylines import find_authors
from .bylinetext import split_byline
from .common import fold
from .htmlpage import PageFacts
from .htmlzone import Zone, author_marker
from .names import agency_of

AUTHOR_META = (
    "author", "article:author", "og:article:author", "parsely-author", "sailthru.author", "dc.creator",
    "byl", "analyticsattributes.author", "cxenseparse:author",
)  # fmt: skip
DESCRIPTION_META = ("og:description", "description", "twitter:description")
BYLINE_GAP = 3
"""Lines between two byline elements of one byline ("Jane Doe", "and", "John Roe")."""
MAX_BYLINE_LINE = 120
"""A longer line is prose or a bio, not a byline."""
AGENCY_AFTER_BYLINE = 2
"""Unmarked lines right after a byline read for an agency credit."""
DECLARING_MARKERS = frozenset({"rel=author", "itemprop=author"})
"""Markers that declare a person: a one-word name ("Regan") is accepted under them."""


@dataclass(slots=True)
class Credits:
    authors: list[str] = field(default_factory=list)
    authors_source: str = ""
    agency: str | None = None
    agency_source: str = ""

    def take_agency(self, agency: str | None, where: str) -> None:
        """Keep the first agency found."""
        if agency and not self.agency:
            self.agency, self.agency_source = agency, where


def choose_authors(facts: PageFacts, zone: Zone | None, site: str | None) -> Credits:
    """People credited by the page, and the wire agency credited, each with its source."""
    credits = Credits()
    declared, declared_source = _declared(facts, site, credits)
    shown, shown_source = _shown(zone, site, credits)
    if not shown:
        shown, shown_source = _labelled(zone, site, credits)
    meta_people, meta_source = _from_meta(facts, site, credits)
    if not credits.agency:
        for key in DESCRIPTION_META:
            value = facts.meta(key)
            if value:
                credits.take_agency(read_opening(value).agency, f"meta {key} opening")
                break

    shown_keys, declared_keys = _keys(shown), _keys(declared)
    if shown and (not declared or shown_keys & declared_keys):
        credits.authors, credits.authors_source = shown, shown_source
    elif declared:
        credits.authors, credits.authors_source = declared, declared_source
    elif meta_people:
        credits.authors, credits.authors_source = meta_people, meta_source
    return credits


def _labelled(zone: Zone | None, site: str | None, credits: Credits) -> tuple[list[str], str]:
    """A labelled byline ("By ...", "Von ...", "Текст: ...") in the rendered lines around the
    headline, read by the plain-text byline reader. Only a labelled one: with the page's byline
    markup silent, an unlabelled name line next to a date is more often a photo credit."""
    if zone is None or not zone.lines:
        return [], ""
    rendered = zone.rendered()
    result = find_authors(rendered.blocks(), rendered.title_index, rendered.first_body, site)
    if not result.source.endswith(": byline"):
        return [], ""
    credits.take_agency(result.agency, "labelled byline near the headline")
    return list(result.authors), ("labelled byline near the headline" if result.authors else "")


def _keys(names: list[str]) -> set[str]:
    return {fold(n) for n in names}


def _add(people: list[str], found: list[str]) -> None:
    for name in found:
        if fold(name) not in _keys(people):
            people.append(name)


def _declared(facts: PageFacts, site: str | None, credits: Credits) -> tuple[list[str], str]:
    """People among the JSON-LD authors (microdata when JSON-LD names none); Organizations
    are skipped, and an agency among them is handed to `credits`."""
    ld = facts.jsonld
    people: list[str] = []
    for agent in ld.authors:
        if agent.kind == "organization":
            credits.take_agency(agency_of(agent.name), "json-ld author (organization)")
            continue
        found, agency = split_byline(agent.name, site, allow_single=agent.kind == "person")
        credits.take_agency(agency, "json-ld author")
        _add(people, found)
    if ld.publisher:
        credits.take_agency(agency_of(ld.publisher), "json-ld publisher")
    if people:
        return people, f"json-ld {ld.article_type}.author"
    for name, kind in facts.micro.authors:
        if kind != "organization":
            found, agency = split_byline(name, site, allow_single=kind == "person")
            credits.take_agency(agency, "microdata author")
            _add(people, found)
    return people, ("microdata author" if people else "")


def _from_meta(facts: PageFacts, site: str | None, credits: Credits) -> tuple[list[str], str]:
    """People in the first meta author tag that names any (URLs and organisations name none)."""
    for key in AUTHOR_META:
        value = facts.meta(key)
        if not value:
            continue
        people, agency = split_byline(value, site)
        credits.take_agency(agency, f"meta {key}")
        if people:
            return people, f"meta {key}"
    return [], ""


def _shown(zone: Zone | None, site: str | None, credits: Credits) -> tuple[list[str], str]:
    """People in the byline-marked elements nearest the headline (below it first).

    Marked lines within BYLINE_GAP lines of each other form one byline; only the byline nearest
    the headline counts (a "More from" box further down is marked the same way). A marked part
    that is not a name slot ("publication") may still name the agency.
    """
    if zone is None:
        return [], ""
    marked: list[tuple[int, str, list[str]]] = []
    cache: dict = {}
    end = zone.first_body if zone.first_body >= 0 else len(zone.lines) - 1
    for i in range(end + 1):
        line = zone.lines[i]
        if i == zone.title_index or len(line.text) > MAX_BYLINE_LINE:
            continue
        marker, name_slot = author_marker(line.owner, cache)
        if not marker:
            continue
        if not name_slot:
            credits.take_agency(agency_of(line.text), f"byline element ({marker})")
            continue
        people, agency = split_byline(line.text, site, allow_single=marker in DECLARING_MARKERS)
        credits.take_agency(agency, f"byline element ({marker})")
        marked.append((i, marker, people))
    with_people = [m for m in marked if m[2]]
    if not with_people:
        return [], ""
    t = zone.title_index
    nearest = min(with_people, key=lambda m: (m[0] < t, abs(m[0] - t)))
    lo = hi = marked.index(nearest)
    while lo > 0 and marked[lo][0] - marked[lo - 1][0] <= BYLINE_GAP:
        lo -= 1
    while hi + 1 < len(marked) and marked[hi + 1][0] - marked[hi][0] <= BYLINE_GAP:
        hi += 1
    people: list[str] = []
    for _, _, found in marked[lo : hi + 1]:
        _add(people, found)
    last = marked[hi][0]
    for line in zone.lines[last + 1 : last + 1 + AGENCY_AFTER_BYLINE]:
        credits.take_agency(agency_of(line.text), "line after the byline")  # "Tom Davies" / "Associated Press"
    return people, f"byline element ({nearest[1]})"
