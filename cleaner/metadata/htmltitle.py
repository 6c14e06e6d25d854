"""The visible headline of an HTML page.

The page declares its headline several times (JSON-LD ``headline``, ``og:title``,
``twitter:title``, microdata, ``<title>``), often as SEO variants; the reader sees the ``<h1>``.
The h1 that shares most words with a declared headline is the title (login modals, logos and
teasers in other h1s share none); without such an h1, the declared headline most declarations
agree on, without its " | Site" part.
"""

from __future__ import annotations

import re

from lxml import etree

from .common import UrlInfo, compact, fold, words
from .htmlpage import PageFacts, clean_text, element_text
from .htmlsite import SiteCandidate, core_name, split_parts
from .site import host_match

H1_MIN_SIMILARITY = 0.5
"""Share of words an h1 must have in common with a declared headline (Dice, or containment)."""
OTHER_HEADING_MIN_SIMILARITY = 0.8
"""An h2/h3 is the headline only when it prints nearly the declared one (teasers share words)."""
CONTAINMENT_MIN_WORDS = 4
MAX_TITLE_CHARS = 400
MAX_REF_CHARS = 1000
MAX_OTHER_HEADINGS = 30
REF_TRUST = {"json-ld": 0.3, "meta og:title": 0.2, "meta twitter:title": 0.1}
"""Tie-breaking bonus per declaration when declared headlines are voted on."""
TAIL_MAX_WORDS = 3
MAX_PREFIX_WORDS = 4
"""A "Site: " prefix is this short."""
HEAD_MIN_WORDS = 4

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_OTHER_HEADINGS = etree.XPath("//h2 | //h3[contains(@class, 'title') or contains(@class, 'headline')]")
_TAIL_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ")


def tokens(text: str) -> set[str]:
    """Word tokens for comparing headlines; runs of Chinese, Japanese or Korean script (written
    without spaces) become character pairs, so two wordings of one headline still overlap."""
    out: set[str] = set()
    for w in words(text):
        if len(w) > 2 and _CJK.search(w):
            out.update(w[i : i + 2] for i in range(len(w) - 1))
        else:
            out.add(w)
    return out


def similarity(a: set[str], b: set[str]) -> float:
    """Dice overlap of two token sets, or the share of `b` found in `a` when `b` has enough words
    (an h1 that prints the declared headline plus a kicker)."""
    if not a or not b:
        return 0.0
    common = len(a & b)
    contained = common / len(b) if len(b) >= CONTAINMENT_MIN_WORDS and common >= CONTAINMENT_MIN_WORDS else 0.0
    return max(2 * common / (len(a) + len(b)), contained)


def _strip_site(text: str, site_keys: set[str], info: UrlInfo) -> str:
    """A declared headline without its site name: "Headline | Site", "Site - Headline",
    "Site: Headline"."""

    def is_site(p: str) -> bool:
        return core_name(p) in site_keys or compact(p) in site_keys or host_match(p, info)

    head, colon, rest = text.partition(": ")
    if colon and len(head.split()) <= MAX_PREFIX_WORDS and rest.strip() and is_site(head):
        text = rest.strip()
    parts = split_parts(text)
    if len(parts) < 2:
        return text
    changed = False
    while len(parts) > 1 and is_site(parts[-1]):
        parts.pop()
        changed = True
    while len(parts) > 1 and is_site(parts[0]):
        parts.pop(0)
        changed = True
    if not changed:
        return text
    # What is left, with its own separators: cut out of the text rather than re-joined.
    first, last = parts[0], parts[-1]
    start = text.find(first)
    end = text.rfind(last) + len(last)
    return text[start:end].strip() if 0 <= start < end else " - ".join(parts)


def choose_title(
    facts: PageFacts, site_cands: list[SiteCandidate], info: UrlInfo
) -> tuple[str | None, etree._Element | None, str]:
    """(headline, the element printing it or None, where it came from)."""
    site_keys = {core_name(c.name) for c in site_cands} | {compact(c.name) for c in site_cands}
    refs = [_stripped_ref(clean_text(t), s, site_keys, info) for t, s in _declared(facts) if len(t) <= MAX_REF_CHARS]
    ref_tokens = [tokens(t) for t, _ in refs]

    best: tuple[float, str, etree._Element] | None = None
    for h1 in facts.h1:
        text = element_text(h1)
        if not text or len(text) > MAX_TITLE_CHARS or hidden(h1):
            continue
        h1_tokens = tokens(text)
        sim = max((similarity(h1_tokens, rt) for rt in ref_tokens), default=0.0)
        if best is None or sim > best[0]:
            best = (sim, text, h1)
    if best and best[0] >= H1_MIN_SIMILARITY:
        return best[1], best[2], "visible h1 (matches the declared headline)"
    if refs:
        text, source = _vote(refs)
        heading = _other_heading(facts, text)
        if heading is not None:
            return element_text(heading), heading, f"visible {heading.tag} (matches {source})"
        return text, None, source
    visible = [h for h in facts.h1 if element_text(h) and not hidden(h)]
    if visible:
        return element_text(visible[0])[:MAX_TITLE_CHARS], visible[0], "visible h1 (no declared headline)"
    return None, None, ""


def _declared(facts: PageFacts) -> list[tuple[str, str]]:
    """Every headline the page declares, with its source, most trusted first."""
    ld = facts.jsonld
    refs: list[tuple[str, str]] = []
    if ld.headline:
        refs.append((ld.headline, f"json-ld {ld.article_type}.headline"))
    for key in ("og:title", "twitter:title"):
        value = facts.meta(key)
        if value:
            refs.append((value, f"meta {key}"))
    refs.extend((value, "microdata headline") for value in facts.micro.headlines[:2] if value)
    for key in ("headline", "article.headline", "dc.title", "sailthru.title", "parsely-title"):
        value = facts.meta(key)
        if value:
            refs.append((value, f"meta {key}"))
    if ld.alt_headline:
        refs.append((ld.alt_headline, "json-ld alternativeHeadline"))
    if facts.title:
        refs.append((facts.title, "<title>"))
    return refs


def _stripped_ref(text: str, source: str, site_keys: set[str], info: UrlInfo) -> tuple[str, str]:
    """A declared headline without its site part, the source saying so when one was cut."""
    stripped = _strip_site(text, site_keys, info)
    if stripped == text and source == "<title>":
        stripped = _strip_short_tail(text)
    return stripped, source + (" without its site part" if stripped != text else "")


def _strip_short_tail(text: str) -> str:
    """"Headline words here - Unknown Site" -> the headline, when the tail is a short name after
    a long headline and the separator is a spaced bar or dash (no site name known to match)."""
    for sep in _TAIL_SEPARATORS:
        head, found, tail = text.rpartition(sep)
        if (
            found
            and 1 <= len(tail.split()) <= TAIL_MAX_WORDS
            and len(head.split()) >= HEAD_MIN_WORDS
            and not tail.endswith(("?", "!", "."))
        ):
            return head.strip()
    return text


def _vote(refs: list[tuple[str, str]]) -> tuple[str, str]:
    """The declared headline most sources agree on; trust order on ties."""
    counts: dict[str, float] = {}
    first: dict[str, tuple[str, str]] = {}
    for text, source in refs:
        key = fold(text)
        bonus = next((v for k, v in REF_TRUST.items() if source.startswith(k)), 0.0)
        counts[key] = counts.get(key, 0.0) + 1.0 + bonus
        first.setdefault(key, (text, source))
    key = max(counts, key=lambda k: counts[k])
    return first[key]


def _other_heading(facts: PageFacts, title: str) -> etree._Element | None:
    """An h2 (or a title-classed h3) printing the declared headline: blogs whose h1 is the blog's
    name. It anchors the byline search and gives the headline as the reader sees it."""
    key = tokens(title)
    for h in _OTHER_HEADINGS(facts.root)[:MAX_OTHER_HEADINGS]:
        if not hidden(h) and similarity(tokens(element_text(h)), key) >= OTHER_HEADING_MIN_SIMILARITY:
            return h
    return None


def hidden(el: etree._Element) -> bool:
    """Hidden by attribute or inline style (the element or its parent): modals, templates."""
    for node in (el, el.getparent()):
        if node is None:
            continue
        if node.get("hidden") is not None or node.get("aria-hidden") == "true":
            return True
        style = (node.get("style") or "").replace(" ", "").casefold()
        if "display:none" in style or "visibility:hidden" in style:
            return True
    return False
