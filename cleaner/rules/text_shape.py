"""Small text tests shared by rules and the classifier (pure functions, no state)."""

from __future__ import annotations

import re

from ..blocks import Block

KEY_PUNCTUATION = " \t:：-–—|•·*#>»›.…!?"
"""What key() strips from both ends of a text (no word characters among them)."""
WORD_RE = re.compile(r"\w+")

TERMINAL_PUNCTUATION = frozenset(".!?。！？…\"”’»:;)")


def fold(text: str) -> str:
    """Casefolded text with whitespace runs folded: how two lines are compared for sameness."""
    return " ".join(text.split()).casefold()


def key(text: str) -> str:
    """Casefolded text without surrounding punctuation, for vocabulary look-ups."""
    return text.strip(KEY_PUNCTUATION).casefold()


def block_key(block: Block) -> str:
    """key() of a block's text, from its casefolded form computed once."""
    return block.low.strip(KEY_PUNCTUATION)


def ends_sentence(text: str) -> bool:
    return bool(text) and text.rstrip()[-1] in TERMINAL_PUNCTUATION


def is_headline_like(text: str, max_words: int = 30) -> bool:
    """A line shaped like a link to a story: short, no full stop at the end."""
    n = text.count(" ") + 1
    return n <= max_words and not text.rstrip().endswith((".", "。", ":", ";"))
