"""Metadata of a plain-text dump (work in progress: full extractor lands shortly)."""

from __future__ import annotations

from typing import Sequence

from ..article import Metadata
from ..blocks import Block


def extract_metadata(blocks: Sequence[Block], body: Sequence[Block], *, url: str | None = None) -> Metadata:
    """Placeholder until the extractors are wired: only the URL."""
    return Metadata(url=url)
