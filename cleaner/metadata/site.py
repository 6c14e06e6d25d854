"""The publication's name.

Evidence, strongest first: the site part of the <title> line ("Headline - Connecticut Post");
the way the page itself spells its URL's brand ("theverge.com" is printed "The Verge", "nytimes"
is "The New York Times"); the name in a copyright line ("© 2019 The Paradigm"). The bare host
name is the last resort: it is right for brands that are domains ("NJ.com") and wrong for the
rest ("ctpost.com" is the Connecticut Post).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from ..blocks import Block
from .common import UrlInfo, compact
from .vocab import AGENCY_BYLINE_NAMES, LEGAL_SUFFIXES

MAX_SITE_WORDS = 6
MIN_BRAND_CHARS = 2
ACRONYM_MAX = 5
"""A brand this short and printed in capitals ("WSJ") is worth expanding ("The Wall Street Journal")."""
EXPANSION_MAX_WORDS = 6
EXTENDED_MIN = 2
EXTENDED_SHARE = 0.3
"""Printings (count, and share of the bare brand's) before "The X" / "X News" beats "X"."""
CREDIT_SPAN = 3
"""Blocks around the end of the article where an agency's copyright credits the story."""
SHORT_BRAND = 3
"""A host brand this short is an acronym ("nj", "bbc"): written in capitals as a fallback."""

_COPYRIGHT = re.compile(
    r"(?:©|ⓒ|\(c\)|copyright)(?:\s*(?:©|ⓒ|\(c\)|copyright))*\s*(?:\d{4}(?:\s*[-–]\s*(?:\d{4})?)?)?\s*,?\s*"
    r"(?P<name>[^\n|©]{2,80})",
    re.IGNORECASE,
)
_NAME_END = re.compile(r"\s*(?:[.,;|·•]\s|[·•|]|\ball rights\b|\btodos\b|\balle rechte\b|\btous droits\b|\d{4}|$)", re.I)
_LEGAL = re.compile(
    r"[\s,]+(?:" + "|".join(re.escape(s) for s in sorted(LEGAL_SUFFIXES, key=len, reverse=True)) + r")\.?$",
    re.IGNORECASE,
)
_SHORT_LINE = re.compile(r"(?:The )?[A-Z][\w.&'’-]*(?: (?:[A-Z][\w.&'’-]*|of|and|&|de|del|la|di|\d+)){1,5}")
"""A whole line of two to six capitalised words (matched line by line with fullmatch: a scan of
the joined page for `^...$` tries every character position and takes 1.6 times as long)."""
_COPYRIGHT_MARK = re.compile(r"©|ⓒ|\(c\)|copyright")  # run on lower-cased text
_MARKS = ("©", "ⓒ", "(c)", "copyright")
_NOTICE_NEXT = frozenset("©ⓒ(0123456789")
_BEFORE_STOP = frozenset("_@./")
_AFTER_STOP = frozenset("_@/-")
_ABBREVIATION_END = re.compile(r"(?:^|[\s.])[A-Z]\.[A-Z]$")
_GLUED = re.compile(r"[a-z][A-Z]")
_TOKENS = re.compile(r"[^\W_]+")
_SKIP_WORDS = frozenset("the of and de del la di".split())


@dataclass(slots=True)
class SiteResult:
    name: str | None = None
    source: str = ""


@lru_cache(maxsize=256)
def brand_regex(brand: str) -> re.Pattern[str] | None:
    """Regex for the brand as printed, to run over the lower-cased page text.

    Any case (the text is lower-cased), with an optional space, dot or hyphen between letters:
    "theverge" matches "The Verge", "dawgsbynature" matches "Dawgs By Nature". Word boundaries,
    the domain suffix, "The" and "News" are checked around each hit by `_printed_forms`: a
    pattern that starts with a literal letter is what lets the regex engine scan fast.
    """
    if len(brand) < MIN_BRAND_CHARS:
        return None
    return re.compile(r"[ .&/'-]?".join(re.escape(c) for c in brand))  # ASCII class: compiles 10x faster


def _initials_match(name: str, brand: str) -> bool:
    """Whether `brand` is built from the words of `name`, each whole, as an initial, or skipped.

    "nytimes" <- "New York Times", "latimes" <- "Los Angeles Times", "wsj" <- "Wall Street
    Journal"; small words ("the", "of") may be skipped.
    """
    tokens = [t.casefold() for t in _TOKENS.findall(name)]
    if not tokens or len(tokens) > EXPANSION_MAX_WORDS:
        return False
    # reachable[i] = set of brand positions reachable after the first i tokens
    reach = {0}
    for tok in tokens:
        nxt = set()
        for pos in reach:
            if brand.startswith(tok, pos):
                nxt.add(pos + len(tok))
            if brand.startswith(tok[0], pos):
                nxt.add(pos + 1)
            if tok in _SKIP_WORDS or tok.isdigit():
                nxt.add(pos)
        reach = nxt
        if not reach:
            return False
    return len(brand) in reach and len(tokens) >= 2


def host_match(name: str, url: UrlInfo) -> bool:
    """Whether a name is the URL's brand, spelled out, abbreviated or with its domain suffix."""
    if not url.brand or not name:
        return False
    key = compact(name)
    host_key = compact(url.host)
    brand = url.brand
    if key in (brand, host_key) or key.removeprefix("the") in (brand, host_key):
        return True
    if key.startswith(brand) and len(key) - len(brand) <= 4 and host_key.startswith(key):
        return True  # "CBSSports.com" for cbssports.com
    if brand.startswith(key) and len(key) >= max(4, 0.7 * len(brand)):
        return True  # "The Paradigm" for theparadigmng.com
    return _initials_match(name, brand)


def _clean_copyright_name(raw: str) -> str | None:
    """'2019 The Paradigm. All Rights Reserved.' -> 'The Paradigm'; legal forms are dropped
    ("Weserland Anzeiger GmbH & Co. KG" -> "Weserland Anzeiger")."""
    m = _NAME_END.search(raw)
    name = raw[: m.start()] if m else raw
    name = name.strip(" .,-–")
    while True:
        shorter = _LEGAL.sub("", name).strip(" .,-–&")
        if shorter == name:
            break
        name = shorter
    if not name or len(name.split()) > MAX_SITE_WORDS or not any(c.isalpha() for c in name):
        return None
    return name


def copyright_names(text: str, low: str | None = None, credits: range = range(0)) -> list[str]:
    """Names printed in copyright lines, in order ("© 2019 The Paradigm." -> "The Paradigm").

    `text` is the page's lines joined by newlines; a wire agency's notice on a line in
    `credits` (just below the article) credits the story, not the site, and is left out.
    """
    low = _lower(text) if low is None else low
    out = []
    for at in _marks(low):
        m = _COPYRIGHT.match(text, at)
        name = _clean_copyright_name(m.group("name")) if m else None
        if name and not (_names_agency(name) and text.count("\n", 0, at) in credits):
            out.append(name)
    return out


def _marks(low: str) -> list[int]:
    """Positions of copyright notices in lower-cased text (str.find: much faster than a regex).

    The word "copyright" counts only when a sign or a year follows ("Copyright © 2019",
    "Copyright 2019"): "copyright issues related to this article" is prose.
    """
    hits = []
    for mark in _MARKS:
        at = low.find(mark)
        while at >= 0:
            if mark != "copyright" or low[at + len(mark) : at + len(mark) + 8].lstrip()[:1] in _NOTICE_NEXT:
                hits.append(at)
            at = low.find(mark, at + len(mark))
    return sorted(hits)


def _lower(text: str) -> str:
    """Lower case with offsets kept (characters whose lower case is longer stay as they are)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _printed_forms(text: str, low: str, url: UrlInfo) -> Counter[str]:
    """How often each spelling of the URL's brand appears with a capital letter."""
    pattern = brand_regex(url.brand)
    forms: Counter[str] = Counter()
    if pattern is None:
        return forms
    logos: set[str] = set()
    suffix = url.host[len(url.brand) :] if url.host.startswith(url.brand) else ""
    n = len(text)
    for m in pattern.finditer(low):
        start, end = m.start(), m.end()
        if start and (low[start - 1].isalnum() or low[start - 1] in _BEFORE_STOP):
            continue
        if suffix and low.startswith(suffix, end):
            if _in_copyright_line(low, start):
                continue  # "© Entermedia.co.kr": the company behind the site, not how it names itself
            end += len(suffix)
        if end < n and (low[end].isalnum() or low[end] in _AFTER_STOP):
            continue
        if text.startswith("The ", start - 4) and not url.brand.startswith("the"):
            start -= 4
        if text.startswith(" News", end) and not (end + 5 < n and text[end + 5].isalnum()):
            end += 5
        elif text.startswith(".", end) and _ABBREVIATION_END.search(text, start, end):
            end += 1  # "City A.M." keeps its last dot
        form = text[start:end]
        if any(c.isupper() for c in form) and not _repeated_logo(text, start, end, form, logos):
            forms[form] += 1
    return forms


def _repeated_logo(text: str, start: int, end: int, form: str, logos: set[str]) -> bool:
    """Whether the form fills its line and has filled one before: a logo's alt text, which text
    browsers print in the header, the menus and the footer alike, counts as one printing."""
    if (start and text[start - 1] != "\n") or (end < len(text) and text[end] != "\n"):
        return False
    if form in logos:
        return True
    logos.add(form)
    return False


def _in_copyright_line(low: str, at: int) -> bool:
    """Whether position `at` is on a line with a copyright sign before it."""
    line_start = low.rfind("\n", 0, at) + 1
    return bool(_COPYRIGHT_MARK.search(low, line_start, at))


def _best_form(forms: Counter[str], url: UrlInfo) -> str | None:
    """The page's usual spelling of its brand.

    Spellings are grouped by their letters without "The", "News" and the domain suffix; the
    commonest group wins, and within it the fullest common form: "The Detroit News" over
    "Detroit News", "BBC News" over "BBC" when printed at least twice, and the form with the
    domain suffix ("NJ.com") only when printed at least as often as without it.
    """
    if not forms:
        return None
    suffix = url.host[len(url.brand) :].casefold() if url.host.startswith(url.brand) else ""
    bare = Counter()
    with_suffix = Counter()
    for form, n in forms.items():
        (with_suffix if suffix and form.casefold().endswith(suffix) else bare)[form] += n
    if with_suffix and sum(with_suffix.values()) > sum(bare.values()):
        return with_suffix.most_common(1)[0][0]
    if not bare:
        return with_suffix.most_common(1)[0][0]
    plain = [(n, f) for f, n in bare.items() if not (f.startswith("The ") or f.endswith(" News"))]
    total = sum(n for n, _ in plain)
    extended = [
        (n, f)
        for f, n in bare.items()
        if (f.startswith("The ") or f.endswith(" News")) and n >= EXTENDED_MIN and n >= EXTENDED_SHARE * total
    ]
    if extended:
        return max(extended)[1]
    return max(plain)[1] if plain else bare.most_common(1)[0][0]


def _expansion(text: str, names: list[str], url: UrlInfo) -> str | None:
    """A spelled-out name ("The Wall Street Journal") for an abbreviated brand ("wsj"): from a
    copyright line, or a short line of capitalised words that the brand abbreviates."""
    for name in names:
        if " " in name.strip() and _initials_match(name, url.brand):
            return name
    initial = url.brand[:1].upper()
    for line in text.split("\n"):
        if (
            line.lstrip("The ")[:1] == initial  # the cheapest test first: most lines fail it
            and _SHORT_LINE.fullmatch(line)
            and not _GLUED.search(line)
            and _initials_match(line, url.brand)
        ):
            return line
    return None


_AGENCY_WORDS = frozenset(a for a in AGENCY_BYLINE_NAMES if " " not in a)
_AGENCY_PHRASES = tuple(sorted(a for a in AGENCY_BYLINE_NAMES if " " in a))
"""Agency names of one word (matched as a word of the name) and of several (as a substring)."""


def _names_agency(name: str) -> bool:
    """'Thomson Reuters', 'The Associated Press': a wire agency's copyright, not the site's."""
    low = name.casefold()
    return not _AGENCY_WORDS.isdisjoint(low.split()) or any(a in low for a in _AGENCY_PHRASES)


def _fallback(url: UrlInfo) -> str:
    """The host's brand label when the page prints no name: "venturebeat", "BBC" (acronyms)."""
    return url.brand.upper() if len(url.brand) <= SHORT_BRAND else url.brand


def _acronym(name: str) -> bool:
    """'WSJ', 'NY Post': an abbreviated name that a spelled-out form would beat."""
    return any(t.isupper() and len(t) <= ACRONYM_MAX for t in name.replace(".", " ").split())


def find_site(
    blocks: Sequence[Block],
    url: UrlInfo,
    title_site: str | None,
    title_site_source: str,
    body: Sequence[Block] = (),
    feed_name: str | None = None,
) -> SiteResult:
    """The site's name from the <title> suffix, the page's own spelling of its brand, or copyright.

    A page without an article (empty `body`) gets a name only from its <title> line. The name a
    text browser's feed list repeats (`feed_name`, see `feeds`) comes before the URL's host only:
    a blog's feeds may carry its own name where the page prints the publication's.
    """
    if title_site and not url.brand:
        return SiteResult(title_site, title_site_source)
    if not body:
        return SiteResult(title_site, title_site_source) if title_site else SiteResult()
    if title_site and not host_match(title_site, url):
        return SiteResult(title_site, title_site_source)  # (url.brand is set here): before any page scan
    text = "\n".join([b.text for b in blocks])
    low = _lower(text)
    last = body[-1].index
    names = copyright_names(text, low, range(last - CREDIT_SPAN, last + CREDIT_SPAN + 1))
    if not url.brand:
        return SiteResult(names[0], "copyright line") if names else SiteResult()
    forms = _printed_forms(text, low, url)
    printed = _best_form(forms, url)
    name, source = None, ""
    if printed:
        name, source = printed, f"the page's own spelling of its URL's brand ({forms.get(printed, 0)}x)"
    elif title_site:
        name, source = title_site, title_site_source
    if name and _acronym(name):
        longer = _expansion(text, names, url)
        if longer:
            return SiteResult(longer, f"spelled-out form of '{name}'")
    if name:
        return SiteResult(name, source)
    for name in names:
        if host_match(name, url):
            return SiteResult(name, "copyright line")
    longer = _expansion(text, names, url)
    if longer:
        return SiteResult(longer, "spelled-out form of the URL's brand")
    if feed_name:
        return SiteResult(feed_name, "the site name of the feed titles")
    return SiteResult(_fallback(url), "URL host (no name printed on the page)")
