"""The public entry points: clean() for a str or bytes, clean_file() for a path."""

from __future__ import annotations

import os
from pathlib import Path

from .article import Article
from .config import Config
from .pipeline import run


def clean(
    source: str | bytes,
    *,
    url: str | None = None,
    config: Config | None = None,
    **overrides: object,
) -> Article:
    """Clean one scraped page (plain-text dump or HTML) into an Article.

    `overrides` are Config fields (`clean(text, keep_captions=True)`); they apply on top of
    `config`. Never returns None: an input with no article gives empty `text` and `empty_reason`.
    """
    cfg = config or Config()
    if overrides:
        cfg = cfg.replace(**overrides)
    return run(source, url, cfg)


def clean_file(path: str | os.PathLike[str], *, url: str | None = None, config: Config | None = None, **overrides: object) -> Article:
    """Clean a file: bytes are read and decoded like any bytes input (.gz is decompressed)."""
    p = Path(path)
    data = p.read_bytes()
    if p.suffix == ".gz":
        import gzip

        data = gzip.decompress(data)
    return clean(data, url=url, config=config, **overrides)
