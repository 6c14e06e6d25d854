"""The site's name on an HTML page: which declaration names the publication, in which spelling.

Candidates: ``og:site_name``, JSON-LD publisher / Organization / WebSite names, microdata
publisher, ``application-name`` and friends, the <title> suffix, and (only when none of these
spells the URL's brand) the logo's alt text. Spellings of one name are grouped ("The Hill",
"TheHill", "thehill.com"); the group with the most weight wins, a group that spells the URL's
brand getting a bonus. An abbreviation ("WSJ") gives way to its spelled-out form ("Wall Street
Journal", then "The Wall Street Journal" when the logo or home link prints it so). Within a
group, words with spaces beat one word or a domain, which beat a lower-case slug ("nj").
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from .bylinetext import looks_like_url
from .common import UrlInfo, compact, fold, words
from .htmlpage import PageFacts, clean_text
from .names import agency_of
from .site import host_match

TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " ‹ ", " : ", " / ", " ~ ")

# Declarations of the site's name and how much each is worth.
SITE_META = (
    ("og:site_name", 3.0),
    ("application-name", 1.5),
    ("apple-mobile-web-app-title", 1.0),
    ("twitter:app:name:iphone", 0.5),
    ("publisher", 1.0),
    ("dc.publisher", 1.0),
)
JSONLD_PUBLISHER_WEIGHT = 2.5
JSONLD_SITE_WEIGHT = 1.5  # a WebSite or Organization node
MICRODATA_PUBLISHER_WEIGHT = 2.0
TITLE_SUFFIX_WEIGHT = 2.0
LOGO_WEIGHT = 1.0
BRAND_BONUS = 3.0
"""Added to a name group that spells the URL's brand ("Reuters" on reuters.com, not "U.S.")."""

MAX_SITE_WORDS = 6
MAX_SITE_CHARS = 60
MAX_ABBREVIATION = 5
"""A name this short ("WSJ", "NYT") may be the initials of a spelled-out candidate."""
SHORT_HOST_BRAND = 3
"""A host brand this short is an acronym: written in capitals when it is the only name ("BBC")."""
SUFFIX_MAX_WORDS = 4

_DOMAIN_END = (".com", ".co.uk", ".ca", ".info", ".net", ".org", ".in", ".ru", ".de", ".com.br", ".co", ".io")
_SMALL_WORDS = frozenset({"the", "of", "and"})

_LOGO_LABELS = etree.XPath(
    "//img[contains(@class, 'logo') or contains(@id, 'logo')]/@alt"
    " | //a[contains(@class, 'logo') or contains(@id, 'logo')]/@title"
    " | //*[contains(@class, 'logo')]/@aria-label"
)
_PRINTED_AS = etree.XPath("//@title[. = $t] | //@alt[. = $t] | //@aria-label[. = $t] | //a[text() = $t]")


@dataclass(slots=True)
class SiteCandidate:
    name: str
    source: str  # "meta og:site_name", "json-ld publisher.name", ...
    weight: float


def split_parts(text: str) -> list[str]:
    """Parts of a <title>-like string split at its separators (" | ", " - ", ...)."""
    parts = [text]
    for sep in TITLE_SEPARATORS:
        parts = [piece for p in parts for piece in p.split(sep)]
    return [p.strip() for p in parts if p.strip()]


def core_name(name: str) -> str:
    """Letters of a name without "the" and a domain ending: "The Hill" ~ "TheHill" ~ "thehill.com"."""
    low = name.casefold()
    if " " not in low:
        for end in _DOMAIN_END:
            if low.endswith(end):
                low = low[: -len(end)]
                break
    key = compact(low)
    return key[3:] if key.startswith("the") and len(key) > 5 else key


def site_candidates(facts: PageFacts, info: UrlInfo) -> list[SiteCandidate]:
    """The names the page declares for itself (wire agencies named as publisher are skipped)."""
    out: list[SiteCandidate] = []
    for key, weight in SITE_META:
        value = _site_form(facts.meta(key), info)
        if value:
            out.append(SiteCandidate(value, f"meta {key}", weight))
    ld = facts.jsonld
    declared = [(ld.publisher, "json-ld publisher.name", JSONLD_PUBLISHER_WEIGHT)] if ld.publisher else []
    declared += [(name, f"json-ld {kind}.name", JSONLD_SITE_WEIGHT) for name, kind in ld.site_names[:4]]
    declared += [(name, "microdata publisher name", MICRODATA_PUBLISHER_WEIGHT) for name in facts.micro.publishers[:2]]
    for name, source, weight in declared:
        value = _site_form(name, info)
        if value and not agency_of(value):
            out.append(SiteCandidate(value, source, weight))
    return out


def choose_site(
    facts: PageFacts, cands: list[SiteCandidate], title: str | None, info: UrlInfo
) -> tuple[str | None, str]:
    """(site name, where it came from) from the declared candidates, the <title> suffix once the
    headline is known, and the logo; the URL's host when the page names itself nowhere."""
    cands = list(cands)
    suffix = _title_suffix(facts, title, info)
    if suffix:
        cands.append(SiteCandidate(suffix, "<title> suffix", TITLE_SUFFIX_WEIGHT))
    if not any(host_match(c.name, info) for c in cands):
        for label in _logo_labels(facts.root)[:3]:
            value = _site_form(label, info)
            if value and host_match(value, info):
                cands.append(SiteCandidate(value, "site logo text", LOGO_WEIGHT))
                break
    if not cands:
        if info.brand:
            name = info.brand.upper() if len(info.brand) <= SHORT_HOST_BRAND else info.brand
            return name, "URL host (the page declares no name)"
        return None, ""
    groups: dict[str, list[SiteCandidate]] = {}
    for c in cands:
        groups.setdefault(core_name(c.name), []).append(c)

    def group_score(key: str) -> float:
        members = groups[key]
        return sum(c.weight for c in members) + (BRAND_BONUS if any(host_match(c.name, info) for c in members) else 0.0)

    best_key = max(groups, key=group_score)
    members = groups[best_key]
    expanded = False
    if len(best_key) <= MAX_ABBREVIATION:
        for key, others in groups.items():
            if key != best_key and _initials(others[0].name) == best_key:
                members, expanded = others, True  # "WSJ" -> "Wall Street Journal"
                break
    best = _best_spelling(members, info)
    name = _with_article(facts, best.name) if expanded else best.name
    return name, best.source + (" (with 'The' as the page prints it)" if name != best.name else "")


def _site_form(name: str | None, info: UrlInfo) -> str | None:
    """A declared site name cut to the name itself: "LinkNaija | Nigeria's popular news
    platform" -> "LinkNaija", "www.wday.ru" -> "wday.ru"; a URL or a sentence -> None."""
    name = clean_text(name)
    if not name or (looks_like_url(name) and not name.casefold().startswith("www.")):
        return None
    if name.casefold().startswith("www.") and " " not in name:
        name = name[4:]
    parts = split_parts(name) if len(name) > 3 else [name]
    if len(parts) > 1:
        matching = [p for p in parts if host_match(p, info)]
        name = matching[0] if matching else parts[0]
    if len(name) > MAX_SITE_CHARS or len(name.split()) > MAX_SITE_WORDS:
        return None
    return name


def _title_suffix(facts: PageFacts, title: str | None, info: UrlInfo) -> str | None:
    """The site part of the <title> (or og:title) once the headline is taken out: the part
    that spells the URL's brand, else the last one ("Headline | News | Al Jazeera")."""
    key = fold(title) if title else ""
    for raw in (facts.title, facts.meta("og:title")):
        if not raw:
            continue
        parts = split_parts(raw)
        if len(parts) < 2:
            continue
        rest = [p for p in parts if fold(p) != key and not (key and fold(p) in key)]
        if len(rest) == len(parts) and title:
            # The headline is not in this line (an SEO variant): only a short last part may be the site.
            rest = [parts[-1]] if len(parts[-1].split()) <= SUFFIX_MAX_WORDS else []
        rest = [p for p in rest if len(p.split()) <= MAX_SITE_WORDS]
        if rest:
            matching = [p for p in rest if host_match(p, info)]
            return matching[0] if matching else rest[-1]
    return None


def _is_slug(name: str, info: UrlInfo) -> bool:
    """A lower-case brand slug ("nj", "detroitnews", "usatoday"): the weakest spelling."""
    if name != name.lower() or " " in name or "." in name:
        return False
    return compact(name) in (info.brand, compact(info.host))


def _is_domain(name: str) -> bool:
    return " " not in name and name.casefold().endswith(_DOMAIN_END)


def _initials(name: str) -> str:
    return "".join(w[0] for w in words(name) if w not in _SMALL_WORDS)


def _best_spelling(members: list[SiteCandidate], info: UrlInfo) -> SiteCandidate:
    """Within one name's spellings: words with spaces ("Live Science", "CBS Sports") over one
    word or a domain ("Space.com", "TheHill") over a lower-case slug ("nj", "detroitnews");
    among equals, og:site_name (the site's own display name), then a name over a domain
    ("MacRumors" over "MacRumors.com"), then the most weight."""
    totals: dict[str, float] = {}
    for c in members:
        totals[c.name] = totals.get(c.name, 0.0) + c.weight

    def rank(c: SiteCandidate) -> tuple[int, int, int, float]:
        if _is_slug(c.name, info):
            form = 0
        elif " " in c.name.strip() and not _is_domain(c.name):
            form = 2
        else:
            form = 1
        return form, int(c.source == "meta og:site_name"), int(not _is_domain(c.name)), totals[c.name]

    return max(members, key=rank)


def _with_article(facts: PageFacts, name: str) -> str:
    """"Wall Street Journal" -> "The Wall Street Journal" when the page's logo or home link
    (title, alt, aria-label or link text) prints it so. Asked for spelled-out abbreviations
    only: a full name the page declares is already written its own way."""
    if name.casefold().startswith("the ") or len(name.split()) < 2:
        return name
    target = "The " + name
    return target if _PRINTED_AS(facts.root, t=target) else name


def _logo_labels(root: etree._Element) -> list[str]:
    """Texts of the site's logo (alt, title, aria-label): its name as a reader sees it."""
    return [text for text in (clean_text(str(v)) for v in _LOGO_LABELS(root)) if text]
