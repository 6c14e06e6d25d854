"""The data flow, left to right, in one place:

    source -> decode -> blocks -> profile + generic rules -> classifier -> metadata -> Article

Each step lives in its own module; this one only wires them and turns labelled blocks into the
Article with its removals, so a newcomer can read the whole path here.
"""

from __future__ import annotations

from dataclasses import replace

from .article import Article, Metadata, Removal
from .blocks import GOOD, Block
from .classify import classify
from .config import Config
from .errors import InputTypeError, UnknownProfileError
from .metadata import extract_metadata
from .profiles.registry import Profile, find_profile, get_profile
from .readers.detect import decode, looks_like_html, normalise
from .readers.html import html_to_text
from .readers.text import read_blocks
from .rules import GENERIC_RULES, Page

EMPTY_INPUT = "empty input: nothing to clean"
NO_ARTICLE = "no run of prose found: the input looks like navigation or a listing, not an article"


def _to_text(source: str | bytes, config: Config) -> tuple[str, str]:
    """Decoded, normalised text and its kind ("text" or "html")."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        source, _ = decode(bytes(source), config.encoding)
    elif not isinstance(source, str):
        raise InputTypeError(f"clean() takes str or bytes, not {type(source).__name__}")
    text = normalise(source)
    kind = config.kind if config.kind != "auto" else ("html" if looks_like_html(text) else "text")
    if kind == "html":
        text, _ = html_to_text(text)
    return text, kind


def _profile_for(config: Config, url: str | None, text: str) -> Profile | None:
    if config.profile:
        try:
            return get_profile(config.profile)
        except KeyError as exc:
            raise UnknownProfileError(str(exc)) from None
    return find_profile(url, text) if config.use_profiles else None


def _apply_rules(page: Page, profile: Profile | None) -> None:
    registry = profile.rules(GENERIC_RULES) if profile else GENERIC_RULES.copy()
    for rule in registry:
        if rule.name not in page.config.disabled_rules:
            rule.apply(page)


def _removal(source: str, block: Block) -> Removal:
    start = block.raw_start if block.raw_start >= 0 else block.start
    return Removal(source[start : block.end].strip(), block.rule, block.reason, start, block.end, block.line)


def _removals(page: Page) -> list[Removal]:
    removed = [_removal(page.source, b) for b in page.blocks if b.label != GOOD]
    for cut in page.cuts:
        block = page.blocks[cut.block]
        at = page.source.find(cut.text, block.start, block.end)
        at = at if at >= 0 else block.start
        removed.append(Removal(cut.text, cut.rule, cut.reason, at, at + len(cut.text), block.line))
    removed.sort(key=lambda r: r.start)
    return removed


def run(source: str | bytes, url: str | None, config: Config) -> Article:
    """Clean one document. Raises only for misuse (wrong type, unknown profile name)."""
    text, kind = _to_text(source, config)
    blocks = read_blocks(text)
    if not blocks:
        return Article("", Metadata(url=url), (), None, kind, EMPTY_INPUT, text)
    page = Page(text, blocks, config, url)
    profile = _profile_for(config, url, text)
    _apply_rules(page, profile)
    language = classify(page)
    body = [b for b in blocks if b.label == GOOD]
    metadata = extract_metadata(blocks, body, url=url)
    metadata = _with_page_facts(metadata, page, language if config.detect_language else None)
    return Article(
        text="\n\n".join(b.text for b in body if b.text),
        metadata=metadata,
        removed=tuple(_removals(page)),
        profile=profile.name if profile else None,
        kind=kind,
        empty_reason=None if body else NO_ARTICLE,
        source_text=text,
    )


def _with_page_facts(metadata: Metadata, page: Page, language: str | None) -> Metadata:
    """Fill what the rules and classifier learned and metadata extraction could not see: the
    platform tag cut from the first paragraph ("(MENAFN)" is the wire agency) and the language
    the classifier identified from the page's prose."""
    changes: dict[str, object] = {}
    sources = dict(metadata.sources)
    tag = next((c for c in page.cuts if c.rule == "platform_tag"), None)
    if tag and not metadata.agency:
        changes["agency"] = tag.text.strip("()").split("-")[0].strip()
        sources["agency"] = f"platform tag {tag.text!r} before the first paragraph"
    if language and not metadata.language:
        changes["language"] = language
        sources["language"] = "stop-word vote over the page's prose"
    return replace(metadata, sources=sources, **changes) if changes else metadata
