"""Page furniture around the story: breadcrumbs, repeated titles, bare dates, bylines, captions,
prompts and footers. Metadata is read from these blocks separately; here they only leave the text.
"""

from __future__ import annotations

import re

from ..blocks import Block
from .base import GENERIC_RULES, Page
from .text_shape import WORD_RE, block_key, fold, is_headline_like, key
from .vocab import (
    BREADCRUMB_ROOTS,
    BYLINE_PREFIXES,
    DATE_LINE_WORDS,
    PHOTO_CREDIT_MARKERS,
    PHOTO_CREDIT_PREFIXES,
    PROMPT_PHRASES,
)

_BREADCRUMB = re.compile(r"^(?:current\s*:\s*)?(\w[\w .&'-]{0,30}?)\s*(?:>|›|»|/|→)\s*\S", re.I)
_DATE_TOKEN = re.compile(r"[^\W\d_]+\.?|\d+")
_HAS_DIGIT = re.compile(r"\d")
# "© 2024 X. All rights reserved." closes the page; a "© Getty" photo credit does not.
_PAGE_FOOTER = re.compile(r"\ball rights reserved\b|^(?:©|copyright)\s*(?:\(c\)\s*)?\d{4}", re.I)


def _index_by_longest_word(phrases: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """phrase list -> {its longest word: phrases}: a block is checked only for the phrases whose
    key word it contains (one set lookup per word instead of a 100-way regex on every block)."""
    index: dict[str, list[str]] = {}
    for phrase in phrases:
        word = max(WORD_RE.findall(phrase), key=len)
        index.setdefault(word, []).append(phrase)
    return {w: tuple(p) for w, p in index.items()}


_PROMPT_INDEX = _index_by_longest_word(PROMPT_PHRASES)


def _prompt_phrase(low: str, words: list[str]) -> str | None:
    """The first prompt phrase in `low`, looked up by its key word among `words` (the block's
    words, in reading order: the reason is reproducible)."""
    if _PROMPT_INDEX.keys().isdisjoint(words):
        return None  # most blocks: one set test in C
    for word in words:
        for phrase in _PROMPT_INDEX.get(word, ()):
            if phrase in low:
                return phrase
    return None
_CREDIT_MARKER = re.compile("|".join(map(re.escape, PHOTO_CREDIT_MARKERS)))
CREDIT_MAX_CHARS = 120
CAPTION_MAX_WORDS = 45
"""A caption is a sentence or two; a longer block before a credit is the story's paragraph."""
CAPTION_CREDIT_PREFIXES = ("photo:", "photo by", "photograph:", "foto:", "bild:", "(ap photo", "ap photo/")
"""Credits that follow a caption directly; "Main image credit: Getty" after a paragraph does not."""
# "Image caption" / "Scooter Braun has managed ...": a label the page prints before a caption or a
# credit (on its own line when the dump writes one line per text node, as BeautifulSoup does).
CAPTION_LABELS = frozenset(
    "image caption|media caption|photo caption|caption|image copyright|copyright image|"
    "bildunterschrift|légende|legenda|pie de foto".split("|")
)
_CAPTION_LABEL = re.compile(r"^(?:image|media|photo) caption\s", re.I)
_INLINE_CREDIT = re.compile(
    r"^(?:image|media|photo) copyright(?:\s+\S+){1,4}?\s*(?:$|(?:image|media|photo) caption\s)", re.I
)
"""A credit label with its credit (and caption) on the same line: a text browser prints the
label, the credit and the caption of a figure as one run ('Image copyright Getty Images Image
caption ...'), where get_text("\\n") gives each its line."""
_TRAILING_CREDIT = re.compile(r"\b(?:image|media|photo) copyright(?:\s+[^\s.!?]+){1,4}\s*$", re.I)
"""The same label closing a caption or an embed's alt text ('Twitter post by @x: ... Image
Copyright @x @x'): no paragraph of a story ends on a credit label and its name."""
INLINE_CAPTION_MAX_WORDS = 30
"""A credit and caption printed as one line are this short: a longer run is a flattened page's
piece, where the story goes on after the caption."""
EMBED_MAX_WORDS = 70
"""An embedded post's alt text runs longer than a caption: a tweet (280 characters) and its label."""
_NEWSLETTER = re.compile(r"\bnewsletters?\b", re.I)
NEWSLETTER_LINE_MAX_WORDS = 12
"""A line this short that names a newsletter is a sign-up prompt ("Get our daily ... newsletter")."""
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b)|\ball rights reserved\b|©\s*\d{4}", re.I)

PROMPT_MAX_WORDS = 40
"""A prompt or legal line is short; a long paragraph mentioning 'privacy policy' is a story."""
PROMPT_OPENING_CHARS = 60
"""Where a long block's opening is checked for a prompt phrase."""
TITLE_MAX_WORDS = 25
"""Headlines are shorter than this; a longer repeated block is a lead shown twice."""
TITLE_SOURCE_LINES = 3
"""The page title stands in the first lines of a dump."""
TITLE_ZONE = 0.5
"""Repeated-title lines are looked for in the first half of the page only."""


_BREADCRUMB_STARTS = ("current", *sorted(BREADCRUMB_ROOTS))
"""What a breadcrumb's casefolded text starts with: other blocks skip the regex."""


@GENERIC_RULES.register("breadcrumb", 12, "breadcrumb trails such as 'Home > Stocks'")
def breadcrumb(page: Page) -> None:
    for block in page.undecided():
        if not block.low.startswith(_BREADCRUMB_STARTS):
            continue
        m = _BREADCRUMB.match(block.text)
        if m and key(m.group(1)) in BREADCRUMB_ROOTS:
            page.remove(block, "breadcrumb", "breadcrumb trail (site navigation)")


@GENERIC_RULES.register("repeated_title", 13, "the headline, repeated from the page title")
def repeated_title(page: Page) -> None:
    """Lines contained in one of the page's first lines are the title shown again.

    Dumps start with the <title> ("Headline - Site", or a breadcrumb glued to it); the headline
    then repeats above the story, and again in share bars and "related" boxes. Only the first
    lines are a title source: a question repeated inside an interview is not a headline.
    """
    heads = [fold(b.text) for b in page.blocks[:TITLE_SOURCE_LINES]]
    limit = int(len(page.blocks) * TITLE_ZONE) + 1
    for block in page.blocks[1:limit]:
        text = block.low  # the reader folded whitespace already: low == fold(text)
        if len(text) >= 15 and is_headline_like(text, TITLE_MAX_WORDS):
            if any(text in h for h in heads[: block.index]):
                page.remove(block, "repeated_title", "repeats the page title or headline above it")


_STAMP = re.compile(r"\b(?:updated|published|posted|last modified|aktualisiert|actualizado|publicado|mis à jour)\b\s*:?", re.I)


_AMOUNT = re.compile(r"[%$€£¥]")
_WEAK_DATE_WORDS = frozenset("a de el on at le il am um op om à z h p m hs time date".split())
_NUMERIC_DATE = re.compile(r"\b(?:1[89]|20)\d\d\b|\b\d{1,2}[:.h][0-5]\d\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b")


DATE_LINE_MAX_CHARS = 80
"""A date or time line is short; a longer block is text that mentions a date."""


def _date_line_candidates(page: Page) -> list[Block]:
    """The short undecided blocks with a digit: every date line is one, and one comprehension
    of C-level tests finds them (a few per page) without a call per block."""
    return [b for b in page.undecided() if len(b.text) <= DATE_LINE_MAX_CHARS and _HAS_DIGIT.search(b.text)]


def _is_date_line(block: Block) -> bool:
    """Whether a candidate (see _date_line_candidates) carries only a date or time."""
    text = block.text
    if "|" in text and _STAMP.search(text):
        return True  # "New Delhi, News Nation Bureau | Updated : 19 November 2019, 09:01 AM"
    cue = False
    for token in _DATE_TOKEN.findall(block.low):
        if token.isdigit():
            continue
        word = token.rstrip(".")
        if word not in DATE_LINE_WORDS:
            return False
        cue = cue or word not in _WEAK_DATE_WORDS
    # Words such as "a", "de", "on" and bare numbers are no date on their own: "6A:" is a
    # division, "63" / "85%" / "-12.99" table cells; a year, a time or a day/month date is one.
    return cue or (not _AMOUNT.search(text) and bool(_NUMERIC_DATE.search(text)))


@GENERIC_RULES.register("date_line", 14, "lines that only carry a date or time")
def date_line(page: Page) -> None:
    for block in _date_line_candidates(page):
        if _is_date_line(block):
            page.remove(block, "date_line", "publication date/time line (kept in metadata)")


def _is_byline(block: Block) -> bool:
    low = block.low
    return low.startswith(BYLINE_PREFIXES) and block.words <= 12 and not low.rstrip().endswith(".")


@GENERIC_RULES.register("byline", 15, "bylines ('By Jane Doe, Associated Press')")
def byline(page: Page) -> None:
    for block in page.undecided():
        if _is_byline(block):
            page.remove(block, "byline", "byline (authors kept in metadata)")


def _is_credit(block: Block) -> bool:
    low = block.low
    return low.startswith(PHOTO_CREDIT_PREFIXES) or (
        len(low) <= CREDIT_MAX_CHARS and bool(_CREDIT_MARKER.search(low)) and block.words <= 12
    )


def _ends_with_credit(block: Block) -> bool:
    """A caption often closes with its credit: '... on Tuesday. (AP Photo/Jae C. Hong)'."""
    tail = block.low[-60:]
    return tail.rstrip().endswith(")") and bool(_CREDIT_MARKER.search(tail))


_CREDIT_NEEDLES = PHOTO_CREDIT_PREFIXES + PHOTO_CREDIT_MARKERS + ("caption",) + tuple(sorted(CAPTION_LABELS))
"""A caption label, a credit, or a block ending with one contains one of these."""


@GENERIC_RULES.register("captions", 16, "photo captions and credits")
def captions(page: Page) -> None:
    if page.config.keep_captions:
        return
    blocks = page.blocks
    for block in page.containing(_CREDIT_NEEDLES):
        if block.label != "unknown":
            continue  # taken as the caption of a credit before it
        if block_key(block) in CAPTION_LABELS:
            page.remove(block, "captions", "caption label")
            nxt = blocks[block.index + 1] if block.index + 1 < len(blocks) else None
            if nxt is not None and nxt.label == "unknown" and nxt.words <= CAPTION_MAX_WORDS:
                page.remove(nxt, "captions", f"photo caption or credit after {block.text!r}")
        elif _CAPTION_LABEL.match(block.text):
            page.remove(block, "captions", "photo caption")
        elif block.words <= INLINE_CAPTION_MAX_WORDS and _INLINE_CREDIT.match(block.text):
            page.remove(block, "captions", "photo credit and caption on one line")
        elif block.words <= EMBED_MAX_WORDS and _TRAILING_CREDIT.search(block.text[-80:]):
            page.remove(block, "captions", "caption ending with its credit label")
        elif _is_credit(block):
            page.remove(block, "captions", "photo credit")
            prev = blocks[block.index - 1] if block.index > 0 else None
            if (
                prev is not None
                and prev.label == "unknown"
                and not block.blank_before
                and prev.words <= CAPTION_MAX_WORDS
                and block.low.startswith(CAPTION_CREDIT_PREFIXES)
            ):
                page.remove(prev, "captions", "photo caption (followed by its credit)")
        elif _ends_with_credit(block):
            page.remove(block, "captions", "photo caption ending with its credit")


def _prompt_candidates(page: Page) -> list[Block]:
    """The undecided blocks `prompts` must look at: those holding a key word of the prompt index
    or "newsletter", and every long block (its opening, cut mid-word, can hold a key word its
    own words lack). One comprehension with C-level tests skips the rest without a call each.
    """
    keys = _PROMPT_INDEX.keys()
    return [
        b
        for b in page.undecided()
        if b.words > PROMPT_MAX_WORDS or not keys.isdisjoint(b.tokens) or "newsletter" in b.low
    ]


@GENERIC_RULES.register("prompts", 17, "cookie, newsletter, subscribe and sign-in prompts")
def prompts(page: Page) -> None:
    for block in _prompt_candidates(page):
        # A long paragraph that mentions "privacy policy" may be a story; one that opens with
        # "This website uses cookies" is a consent banner however long it runs.
        low, words = block.low, block.tokens
        if len(words) > PROMPT_MAX_WORDS:
            low = low[:PROMPT_OPENING_CHARS]
            words = WORD_RE.findall(low)
        phrase = _prompt_phrase(low, words)
        if phrase is None and block.words <= NEWSLETTER_LINE_MAX_WORDS and _NEWSLETTER.search(low):
            phrase = "newsletter"
        if phrase:
            page.remove(block, "prompts", f"prompt or legal notice ({phrase!r})")


_COPYRIGHT_NEEDLES = ("©", "(c)", "copyright", "rights reserved")
"""A line _COPYRIGHT matches contains one of these."""


@GENERIC_RULES.register("copyright", 18, "copyright and footer lines")
def copyright_line(page: Page) -> None:
    for block in page.containing(_COPYRIGHT_NEEDLES):
        if block.words <= PROMPT_MAX_WORDS and _COPYRIGHT.search(block.text):
            page.remove(block, "copyright", "copyright/footer line")
            if _PAGE_FOOTER.search(block.text):
                page.barriers.add(block.index)


# "Meg James is a corporate media reporter for the Los Angeles Times, covering ..."
_AUTHOR_BIO = re.compile(
    r"^(?:[A-Z][\w.'’-]+\s+){1,4}(?:is|was|has been)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,5}"
    r"(?:reporter|writer|editor|correspondent|journalist|columnist|contributor|freelancer|producer|"
    r"author|critic|photographer|blogger|analyst for)\b"
)
BIO_MAX_WORDS = 80
_BIO_ROLES = frozenset(
    "reporter writer editor correspondent journalist columnist contributor freelancer producer "
    "author critic photographer blogger analyst".split()
)
"""The words _AUTHOR_BIO ends on: blocks without one skip the regex."""


@GENERIC_RULES.register("author_bio", 19, "author biography box after the story")
def author_bio(page: Page) -> None:
    for block in page.undecided():
        if block.words <= BIO_MAX_WORDS and not _BIO_ROLES.isdisjoint(block.tokens) and _AUTHOR_BIO.match(block.text):
            page.remove(block, "author_bio", "author biography, not part of the story")
            page.barriers.add(block.index)
