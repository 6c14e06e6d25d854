r"""The data flow, left to right, in one place:

    dump:  source -> decode -> blocks -> profile + generic rules -> classifier -> metadata -> Article
    page:  source -> decode -> tree -> main content (trafilatura) -> blocks -> rules -> metadata
                                    \-> visible text: what the page showed, for `removed`

Each step lives in its own module; this one only wires them and turns labelled blocks into the
Article with its removals, so a newcomer can read the whole path here.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from .article import Article, Metadata, Removal
from .blocks import BAD, GOOD, UNKNOWN, Block
from .classify import BARRIER_MIN_PROSE, classify
from .language import guess_language
from .config import Config
from .errors import InputTypeError, UnknownProfileError
from .metadata import extract_metadata
from .metadata.agency import closing_agency, find_agency
from .metadata.common import UrlInfo, parse_url
from .metadata.title import leading_headline
from .metadata.merge import merge_metadata
from .profiles.registry import Profile, find_profile, get_profile
from .readers.detect import decode, looks_like_html, normalise, repair
from .readers.glue import join_kept
from .readers.text import read_blocks, read_dump
from .rules import GENERIC_RULES, Page
from .rules.text_shape import WORD_RE, fold

EMPTY_INPUT = "empty input: nothing to clean"
NO_ARTICLE = "no run of prose found: the input looks like navigation or a listing, not an article"
NO_HTML = "no parseable HTML: nothing to clean"
OUTSIDE_MAIN = "outside_main_content"
OUTSIDE_MAIN_REASON = "not in the page's main content (DOM position, link density and class names)"


def _to_text(source: str | bytes, config: Config) -> tuple[str, str]:
    """Decoded, normalised text and its kind ("text" or "html")."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        source, _ = decode(bytes(source), config.encoding)
    elif not isinstance(source, str):
        raise InputTypeError(f"clean() takes str or bytes, not {type(source).__name__}")
    text = normalise(source)
    kind = config.kind if config.kind != "auto" else ("html" if looks_like_html(text) else "text")
    return (text, kind) if kind == "html" else (repair(text), kind)


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
        if block.label != GOOD:
            continue  # the block went whole, its cut piece with it: reported once, in its removal
        at = page.source.find(cut.text, block.start, block.end)
        at = at if at >= 0 else block.start
        removed.append(Removal(cut.text, cut.rule, cut.reason, at, at + len(cut.text), block.line))
    removed.sort(key=lambda r: r.start)
    return removed


def run(source: str | bytes, url: str | None, config: Config) -> Article:
    """Clean one document. Raises only for misuse (wrong type, unknown profile name)."""
    text, kind = _to_text(source, config)
    if kind == "html":
        return _run_html(text, url, config)
    return _run_text(text, url, config)


def _run_text(text: str, url: str | None, config: Config) -> Article:
    reading = read_dump(text)
    blocks = reading.blocks
    if not blocks:
        return Article("", Metadata(url=url), (), None, "text", EMPTY_INPUT, text)
    page = Page(text, blocks, config, url, link_texts=reading.link_texts)
    profile = _profile_for(config, url, text)
    _apply_rules(page, profile)
    language = classify(page)
    url_info = parse_url(url)  # the headline test and the metadata both read it
    body = _without_leading_headline(blocks, [b for b in blocks if b.label == GOOD], url_info)
    language = language if config.detect_language else None
    metadata = extract_metadata(blocks, body, url=url, url_info=url_info, language=language, detect_lang=False)
    metadata = _with_page_facts(metadata, page, language)
    return Article(
        text=join_kept(body),
        metadata=metadata,
        removed=tuple(_removals(page)),
        profile=profile.name if profile else None,
        kind="text",
        empty_reason=None if body else NO_ARTICLE,
        source_text=text,
    )


HEADLINE_IN_BODY = "the headline (kept in metadata), with what stands above it, not body text"


def _without_leading_headline(blocks: list[Block], body: list[Block], url_info: UrlInfo) -> list[Block]:
    """The body without the headline the classifier took in (see `leading_headline`)."""
    drop = leading_headline(blocks, body, url_info)
    for block in body[:drop]:
        block.set(BAD, "repeated_title", HEADLINE_IN_BODY)
    return body[drop:]


def _run_html(html: str, url: str | None, config: Config) -> Article:
    """A page: trafilatura finds the main content with DOM signals, our rules clean it, and
    every visible line of the page that is not in the text is reported in `removed`."""
    # Imported here: a run over text dumps never loads lxml and the HTML metadata readers
    # (~70 ms of every command's start-up).
    from .metadata.html import extract_html_metadata
    from .readers import html as html_reader

    tree = html_reader.parse(html)
    if tree is None:
        return Article("", Metadata(url=url), (), None, "html", NO_HTML, "")
    visible, elements = html_reader.visible_text_and_size(tree)
    visible = _shown(repair(visible))
    page_metadata = extract_html_metadata(tree, url=url)
    headlines = html_reader.headlines(tree)
    try:  # the tree is handed over: main_text prunes what trafilatura will not read
        main = repair(html_reader.main_text(tree, url, len(visible), source=html, elements=elements))
    except Exception:  # a trafilatura failure must not lose the page: judge the visible text
        main = ""
    if not main.strip():
        article = _run_text(visible, url, config)
        return replace(article, kind="html", metadata=merge_metadata(page_metadata, article.metadata))
    reading = read_dump(main)
    page = Page(main, reading.blocks, config, url, link_texts=reading.link_texts)
    profile = _profile_for(config, url, visible)
    _drop_headline(page, headlines)
    _apply_rules(page, profile)
    body = _main_content_body(page)
    visible_blocks = read_blocks(visible)
    language = _page_language(page_metadata, body) if config.detect_language else None
    text_metadata = _text_metadata(page_metadata, page, visible_blocks, body, url, language)
    metadata = _with_page_facts(merge_metadata(page_metadata, text_metadata), page, language)
    kept = join_kept(body)
    return Article(
        text=kept,
        metadata=metadata,
        removed=tuple(_visible_removals(visible_blocks, page, kept)),
        profile=profile.name if profile else None,
        kind="html",
        empty_reason=None if body else NO_ARTICLE,
        source_text=visible,
    )


def _page_language(page_metadata: Metadata, body: list[Block]) -> str | None:
    """The language the page declares (<html lang>, meta, JSON-LD; the majority when they
    disagree), which the merged metadata reports anyway; else the body's, by stop-word vote."""
    return page_metadata.language or guess_language("\n".join(b.text for b in body))


HEADLINE_SEARCH_BLOCKS = 3
"""The headline, when the main content repeats it, is among its first blocks."""


def _drop_headline(page: Page, headlines: list[str]) -> None:
    """The main content often opens with the page's h1: it is the title, kept in metadata."""
    stated = [fold(h) for h in headlines]
    for block in page.blocks[:HEADLINE_SEARCH_BLOCKS]:
        text = fold(block.text)
        if len(text) >= 10 and any(text in h for h in stated):
            page.remove(block, "repeated_title", "the headline (kept in metadata), not body text")


def _main_content_body(page: Page) -> list[Block]:
    """Blocks of the main content that no rule removed, up to an end-of-article barrier."""
    body: list[Block] = []
    words = 0
    past_barrier = False
    for block in page.blocks:
        at_barrier = block.index in page.barriers
        if block.label == UNKNOWN and (at_barrier or (past_barrier and words >= BARRIER_MIN_PROSE)):
            block.set(BAD, "end_of_article", "after the end of the article (comments, author box, footer)")
        past_barrier = past_barrier or at_barrier
        if block.label != UNKNOWN:
            continue
        block.first_label = GOOD
        block.set(GOOD, "main_content", "in the page's main content and no chrome rule matched")
        body.append(block)
        words += block.text.count(" ") + 1
    return body


def _text_metadata(
    page_metadata: Metadata, page: Page, visible: list[Block], body: list[Block], url: str | None, language: str | None
) -> Metadata:
    """What the text adds to the markup's metadata. When the markup left a headline field open
    (title, date, site name, authors), the text metadata reader runs over the whole visible page.
    Otherwise only what the markup never states is read, from the main content: the wire agency
    and dateline opening the article (or a closing agency copyright line), which is cheaper."""
    if not (page_metadata.title and page_metadata.date and page_metadata.site_name and page_metadata.authors):
        return extract_metadata(visible, _on_visible_page(visible, body), url=url, language=language, detect_lang=False)
    wire = find_agency(page.blocks, body)
    agency, agency_source = (wire.agency, wire.source) if wire.agency else closing_agency(page.blocks, body)
    sources = {"agency": agency_source} if agency and agency_source else {}
    if wire.dateline and wire.dateline_source:
        sources["dateline"] = wire.dateline_source
    if language:
        sources["language"] = "given by the caller"
    return Metadata(agency=agency, dateline=wire.dateline, language=language, url=url, sources=sources)


BODY_MATCH_MIN_CHARS = 20
"""A visible line this long that holds (or is held by) the body's first paragraph is where the
body starts on the page; shorter lines ("Share", "Video") occur anywhere."""


def _on_visible_page(visible: list[Block], body: list[Block]) -> list[Block]:
    """The body as blocks of the visible page: the metadata reader looks for the headline,
    byline and date *above* the body, so the body's positions must be positions on the page
    it reads, not in trafilatura's main-content text."""
    if not body:
        return []
    first = fold(body[0].text)
    kept = fold("\n".join(b.text for b in body))
    for i, block in enumerate(visible):
        line = block.low
        if len(line) >= BODY_MATCH_MIN_CHARS and (line in first or first[:200] in line):
            return [b for b in visible[i:] if b.low and b.low in kept]
    return []  # not placed on the page (rare): read the page as having no body


def _shown(text: str) -> str:
    """Text without the characters nothing displays (controls, soft hyphens, zero-width and
    unassigned code points): trafilatura drops them from the main text, so the visible text the
    removals are told against drops them too ("0\x80A" is the word "0A" on both sides)."""
    lines = text.split("\n")
    return "\n".join(
        line if line.isprintable() else "".join(c for c in line if c.isprintable() or c.isspace()) for line in lines
    )


def _comparable(text: str) -> str:
    """Casefolded text without whitespace and without the invisible characters trafilatura
    drops (soft hyphens, zero-width joiners, unassigned code points): a kept paragraph must
    match its visible line however trafilatura spaced or cleaned it ("0 ?" came out "0?")."""
    text = "".join(text.split())
    if not text.isprintable():
        text = text.translate(_INVISIBLE)
        if not text.isprintable():  # rarer ones: unassigned code points, private use, controls
            text = "".join(c for c in text if c.isprintable())
    return text.casefold()


_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff\u061c"))
"""The invisible characters pages commonly carry (soft hyphen, zero-width and direction marks)."""


def _visible_removals(visible_blocks: list[Block], page: Page, kept: str) -> list[Removal]:
    """Each visible line of the page not in the text, with the rule that removed it: a chrome
    rule when it was inside the main content, else `outside_main_content`."""
    kept_norm = _comparable(kept)
    body_keys = sorted(
        ((_comparable(b.text), WORD_RE.findall(b.text)) for b in page.blocks if b.label == GOOD), key=lambda k: len(k[0])
    )
    by_rule = {_comparable(b.text): b for b in page.blocks if b.label != GOOD}
    cut_rules = {_comparable(c.text): c for c in page.cuts}
    removed: list[Removal] = []
    for block in visible_blocks:
        key = _comparable(block.text)
        if key in cut_rules:
            cut = cut_rules[key]
            removed.append(Removal(block.text, cut.rule, cut.reason, block.start, block.end, block.line))
        elif key and key in kept_norm:
            continue
        else:
            source = by_rule.get(key)
            rule, reason = (source.rule, source.reason) if source else (OUTSIDE_MAIN, OUTSIDE_MAIN_REASON)
            text = _not_kept_part(block.text, key, body_keys)
            if text:
                removed.append(Removal(text, rule, reason, block.start, block.end, block.line))
    return removed


def _not_kept_part(text: str, key: str, body_keys: list[tuple[str, list[str]]]) -> str:
    """The words of a visible line that are not in the text: all of it, unless the line holds
    a kept paragraph (trafilatura kept "A" of the line "0 A"), whose words are then not
    reported again."""
    if not body_keys or len(key) <= len(body_keys[0][0]):
        return text  # shorter than every kept paragraph: holds none (most menu lines)
    inside = [words for body_key, words in body_keys if len(body_key) < len(key) and body_key in key]
    if not inside:
        return text
    left = Counter(w for words in inside for w in words)
    rest = []
    for word in WORD_RE.findall(text):
        if left[word] > 0:
            left[word] -= 1
        else:
            rest.append(word)
    return " ".join(rest)


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
