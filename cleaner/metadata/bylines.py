"""Authors: people's names from the byline near the headline.

Only lines in the header zone (just above the headline to just into the body) are read, and a
name needs a reason to be one: a byline word ("By", "Von", "Por", "Author:") in front of it, or
a date, an @handle or a role line ("Staff Writer") right next to a line that is only a name.
Wire agencies, desks and the site's own name are people to nobody: they are filtered out, and an
agency found in a byline is handed back so the agency field can use it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Sequence

from ..blocks import Block
from .common import compact
from .dates import clip_byline, find_dates, label_only, starts_with_label
from .names import PREFIX, SPLIT, agency_of, byline_like, leading_agency, person
from .vocab import BYLINE_PREFIXES, CREDIT_WORDS, NAME_PARTICLES, ROLE_WORDS

__all__ = ["BylineResult", "agency_of", "byline_like", "find_authors", "person"]

BEFORE_TITLE = 4
"""Blocks above the headline searched (some templates print the byline first)."""
AFTER_BODY = 2
"""Blocks into the body searched (a byline the classifier kept as text)."""
NO_ANCHOR_SPAN = 25
"""Blocks searched above the body when no headline was found."""
MAX_BYLINE_WORDS = 18
"""A line with "by" inside is a byline only when this short (or when the name ends it)."""
END_BY_MAX_WORDS = 8
MAX_AUTHORS = 6
BARE_SPAN = 6
"""Blocks below the headline where an unlabelled name line may be the byline."""
BARE_MAX_WORDS = 10
GLUED_MAX_WORDS = 20
BARE_MIN_TOKENS = 2
BARE_MAX_TOKENS = 4
NEIGHBOUR_MAX_WORDS = 12
COMMON_WORDS_BLOCKS = 12
"""Body blocks whose lower-case words tell common nouns from names."""
GLUED_BYLINE_CHARS = 80
"""Characters after a glued "By" that may hold the names."""
DATE_GAP = 4
"""Characters allowed between a bare name and the date that follows it ("Chris Davies - Nov 19")."""

_PREFIX_ONLY = re.compile(
    r"^(?:" + "|".join(re.escape(p) for p in sorted(BYLINE_PREFIXES, key=len, reverse=True)) + r")\s*:?$",
    re.IGNORECASE,
)
_PREFIX_STARTS = tuple(sorted({p.split()[0] for p in BYLINE_PREFIXES}))
_MID_WORDS = (" by ", " von ", " por ", " par ")
_HAS_MID_WORD = re.compile("|".join(re.escape(w) for w in _MID_WORDS))
"""One search for any of `_MID_WORDS` (on lower-cased text) instead of a substring test per word."""
_MID_BY = re.compile(r"(?:^|\s)(?:by|von|por|par)\s+(?=\S)", re.IGNORECASE)
_NOT_CREDIT = re.compile(r"\b(?:" + "|".join(CREDIT_WORDS) + r")\b", re.I)
_CUT = re.compile(r"\s+(?:-|–|—|/|\\-)\s+|\s*[|·•@(]|\s+\d")
_TRAILING_CONNECTOR = re.compile(r"(?:\s+(?:on|at|am|le|el|il|em|op|den|the))+\s*$", re.IGNORECASE)
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?", re.IGNORECASE)
_LABEL_COLON = re.compile(r"[^\W\d]:(?!\d)")
_LOWER_WORD = re.compile(r"(?<![\w-])[a-zà-ÿ][a-zà-ÿ'-]+")
_HANDLE = re.compile(r"^@\w+")
_ROLE_LINE = re.compile(r"^(?:\w+\s+){0,3}(?:" + "|".join(ROLE_WORDS) + r")s?\b", re.IGNORECASE)
_READ_TIME = re.compile(r"\b\d+\s*min(?:ute)?s?\s+read\b", re.IGNORECASE)


@dataclass(slots=True)
class BylineResult:
    authors: tuple[str, ...] = ()
    source: str = ""
    agency: str | None = None
    agency_source: str = ""
    lines: list[int] = field(default_factory=list)  # block indexes that held a byline


def _trim(rest: str) -> str:
    """Byline text up to the first date, handle, bracket or separator, connectors removed."""
    return _TRAILING_CONNECTOR.sub("", clip_byline(rest, _CUT))


def _names(rest: str, site_key: str, labelled: bool) -> tuple[list[str], str | None]:
    """Split a byline body into people and an agency ("Jane Doe and John Roe, AP").

    After a "by" inside a line (not labelled), every part must be a name or an agency:
    "operated by Emirates Airlines, during the ..." is prose, not a byline.
    """
    parts = [p for p in SPLIT.split(_trim(rest)) if p and p.strip()]
    people: list[str] = []
    agency = None
    for i, part in enumerate(parts):
        found = leading_agency(part)
        if found:
            agency = agency or found
            continue
        name = person(part, site_key, allow_single=labelled and len(parts) == 1)
        if name:
            people.append(name)
        elif i == 0 or not labelled:
            return [], agency  # the first part is not a name: not a byline at all
        else:
            break  # "Tom Krisher, Ap Auto Writer": the names are over
    return people, agency


def _labelled(text: str, before_body: bool) -> tuple[str, bool] | None:
    """The text after a byline word at the start ("By ...") or inside a line ("... by X").

    Inside a line, "by" counts in a short line, or at the very end of a longer one above the
    body ("...asked about the fight by Bryan DeArdo"); never after "photo"/"image" (credits).
    """
    low = text.lower()
    if low.startswith(_PREFIX_STARTS):
        m = PREFIX.match(text)
        if m and m.end() < len(text):
            return text[m.end() :], True
    if not _HAS_MID_WORD.search(low):
        return None
    m = None
    for m in _MID_BY.finditer(text):
        pass
    if not m or _NOT_CREDIT.search(text[: m.start()]):
        return None
    rest = text[m.end() :]
    if rest.endswith(("...", "…")):
        return None  # a teaser cut short ("A bench headed by Justice...")
    if len(text.split()) <= MAX_BYLINE_WORDS or (before_body and len(_trim(rest).split()) <= END_BY_MAX_WORDS):
        return rest, False
    return None


def _dateish(text: str) -> bool:
    """A short line that is a date, a time, a date label, an @handle, a role or a read time."""
    if len(text.split()) > NEIGHBOUR_MAX_WORDS:
        return False
    return bool(
        find_dates(text)
        or starts_with_label(text)
        or label_only(text)
        or _CLOCK.search(text)
        or _HANDLE.match(text)
        or _ROLE_LINE.match(text)
        or _READ_TIME.search(text)
    )


def _bare_name_line(
    blocks: Sequence[Block], i: int, site_key: str, common_words: "_LazyWords"
) -> tuple[str | None, str | None]:
    """(name, agency) of a line that is only a byline without a byline word.

    It needs a reason: an @handle or a date right after the name ("Chris Davies - Nov 19"), a
    date right before it ("21/06/2014 Tony Carter"), or a date-like line within two blocks.
    A name glued to its date may sit in a longer line ("Carlos Nadalim 27/09/2018 Comente!").
    """
    text = blocks[i].text
    if len(text.split()) > GLUED_MAX_WORDS or _LABEL_COLON.search(text):
        return None, None
    dates = find_dates(text)
    glued = False
    if dates and dates[0].start <= 1:
        text = text[dates[0].end :].strip(" ,|·-–—")
        glued = True
        dates = find_dates(text)
    parts = [p for p in SPLIT.split(_trim(text)) if p and p.strip()]
    if not parts:
        return None, None
    name = person(parts[0], site_key)
    if not name or not BARE_MIN_TOKENS <= len(name.split()) <= BARE_MAX_TOKENS:
        return None, None
    if any(w.casefold() in common_words for w in name.split() if w.casefold() not in NAME_PARTICLES):
        return None, None  # "Key Points", "Meal Plans": words the page also writes in lower case
    after = parts[0].split()[len(name.split()) :]
    if after and after[0][:1].islower():
        return None, None  # "Eastern Michigan quarterback ...": the line goes on after the "name"
    if after:
        parts = parts[:1] + [" ".join(after)] + parts[1:]
    glued = glued or bool(dates and dates[0].start - len(parts[0]) <= DATE_GAP) or "@" in text
    if not glued and len(text.split()) > BARE_MAX_WORDS:
        return None, None
    agency = next((a for a in (leading_agency(p) for p in parts[1:]) if a), None)
    reason = glued or any(
        _dateish(blocks[j].text) for j in range(max(0, i - 2), min(len(blocks), i + 3)) if j != i
    )
    return (name, agency) if reason else (None, None)


def find_authors(
    blocks: Sequence[Block], title_index: int, first_body: int, site_name: str | None = None
) -> BylineResult:
    """People credited in the header zone, in order, without duplicates.

    Labelled bylines ("By ...") are read first; only when there is none is a bare name line
    next to the headline's date accepted.
    """
    start, end = _zone(blocks, title_index, first_body)
    site_key = compact(site_name or "")
    result = BylineResult()
    people: list[str] = []
    for i in range(start, end):
        text = blocks[i].text
        if i == title_index and " by " not in text.casefold():
            continue
        agency = agency_of(text)
        if agency:
            _set_agency(result, agency, blocks[i], "byline names the agency")
            continue
        if _PREFIX_ONLY.match(text) and i + 1 < end:
            text = text.rstrip(":") + " " + blocks[i + 1].text  # "By" / "Sarah E. Needleman"
        labelled = _labelled(text, first_body < 0 or i < first_body)
        if labelled is None:
            continue
        found, agency = _names(labelled[0], site_key, labelled=labelled[1])
        if agency:
            _set_agency(result, agency, blocks[i], "agency in byline")
        _add(result, people, found, blocks[i], "byline")
    if not people:
        lo, hi = _bare_zone(title_index, first_body, len(blocks))
        common = _LazyWords(blocks, first_body)
        for i in range(lo, hi):
            name, agency = _bare_name_line(blocks, i, site_key, common)
            if agency:
                _set_agency(result, agency, blocks[i], "agency in byline")
            if name:
                _add(result, people, [name], blocks[i], "name line next to the date")
                break
    if not people and result.agency is None:
        for i in range(start, end):
            glued = _glued_byline(blocks[i].text)
            if glued:
                found, _ = _names(glued, site_key, labelled=True)
                _add(result, people, found, blocks[i], "byline glued between other text")
                if people:
                    break
    result.authors = tuple(people[:MAX_AUTHORS])
    return result


_GLUED_BY = re.compile(r"(?<=[a-z0-9.!?)’”])By\s+(?=[A-Z])")
""""...Go Live TodayBy Eric Song": a byline a scraper glued to the text node before it, which a
capital "By" straight after a letter gives away (prose never writes one)."""
_GLUED_END = re.compile(r"(?<=[a-z]{2})(?=[A-Z])")
"""Where the next text node starts: "Jonathan GarberFOXBusiness" (two lower-case letters first,
so "McDonald" and "DeArdo" stay whole)."""


def _glued_byline(text: str) -> str | None:
    """The names part of a byline glued into a line of other text, or None."""
    if "By" not in text:
        return None  # the regex opens with a look-behind: searching it tries every position
    m = _GLUED_BY.search(text)
    if m is None:
        return None
    rest = text[m.end() : m.end() + GLUED_BYLINE_CHARS]
    end = _GLUED_END.search(rest)
    return rest[: end.start()] if end else rest


class _LazyWords:
    """Words the article writes in lower case (a "name" made of them is a common phrase),
    collected only if a name-shaped line turns up."""

    __slots__ = ("blocks", "first_body", "words")

    def __init__(self, blocks: Sequence[Block], first_body: int) -> None:
        self.blocks, self.first_body, self.words = blocks, first_body, None

    def __contains__(self, word: str) -> bool:
        if self.words is None:
            start = max(self.first_body, 0)
            text = " ".join(b.text for b in self.blocks[start : start + COMMON_WORDS_BLOCKS])
            self.words = frozenset(_LOWER_WORD.findall(text))
        return word in self.words


def _set_agency(result: BylineResult, agency: str, block: Block, why: str) -> None:
    """Keep the first agency seen in a byline."""
    if not result.agency:
        result.agency, result.agency_source = agency, f"line {block.line}: {why}"


def _add(result: BylineResult, people: list[str], found: list[str], block: Block, why: str) -> None:
    """Append new names (case-insensitive duplicates dropped) and note the first source."""
    for name in found:
        if name.casefold() not in {p.casefold() for p in people}:
            people.append(name)
            result.lines.append(block.index)
            if not result.source:
                result.source = f"line {block.line}: {why}"


def _bare_zone(title_index: int, first_body: int, n: int) -> tuple[int, int]:
    """Blocks where an unlabelled name line may be the byline: just below the headline."""
    if title_index >= 0:
        hi = title_index + 1 + BARE_SPAN
        if first_body > title_index:
            hi = min(hi, first_body)
        return title_index + 1, min(n, hi)
    if first_body >= 0:
        return max(0, first_body - BARE_SPAN), first_body
    return 0, 0


def _zone(blocks: Sequence[Block], title_index: int, first_body: int) -> tuple[int, int]:
    """Block range [start, end) of the header zone: headline to the top of the body."""
    n = len(blocks)
    if title_index >= 0:
        start = max(0, title_index - BEFORE_TITLE)
        end = first_body + AFTER_BODY if first_body > title_index else title_index + NO_ANCHOR_SPAN
    elif first_body >= 0:
        start, end = max(0, first_body - NO_ANCHOR_SPAN), first_body + AFTER_BODY
    else:
        start, end = 0, NO_ANCHOR_SPAN
    return start, min(n, end)
