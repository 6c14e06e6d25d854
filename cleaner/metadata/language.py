"""Language of the article as an ISO 639-1 code, from py3langid's bundled model (no downloads).

The body is the best sample (menus are English on many non-English sites); when the classifier
kept nothing, all the page's text is used instead.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Sequence

from ..blocks import Block

SAMPLE_CHARS = 400
"""Characters classified: the model is stable long before this and cost grows with length."""
MIN_CHARS = 20
"""Less text than this gives a guess, not an answer."""


@lru_cache(maxsize=1)
def _identifier():
    """py3langid's identifier, loaded once on first use (loading costs ~100 ms)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)


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
    code, _ = _identifier().classify(text)
    return code or None
