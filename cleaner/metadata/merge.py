"""Combine metadata read from two places, field by field, keeping where each value came from."""

from __future__ import annotations

from dataclasses import fields, replace

from ..article import Metadata

_FIELDS = tuple(f.name for f in fields(Metadata) if f.name != "sources")


def merge_metadata(primary: Metadata, fallback: Metadata) -> Metadata:
    """`primary`'s value for every field it has, `fallback`'s for the rest.

    Used for HTML pages: what the markup states (JSON-LD, meta tags) is trusted over what the
    visible text suggests, which still fills what the markup leaves out (a dateline, say).
    """
    changes: dict[str, object] = {}
    sources = dict(primary.sources)
    for name in _FIELDS:
        if not getattr(primary, name) and getattr(fallback, name):
            changes[name] = getattr(fallback, name)
            if name in fallback.sources:
                sources[name] = fallback.sources[name]
    return replace(primary, sources=sources, **changes)
