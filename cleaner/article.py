"""The result types: what `clean()` returns.

Everything here is frozen so an Article can be cached, hashed into sets of results, and handed
across threads without anyone editing it behind the caller's back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping


@dataclass(frozen=True, slots=True)
class Removal:
    """One piece of the input that is not in the article text, and why.

    `start`/`end` are character offsets into the decoded input (`Article.source_text`), so a
    caller can highlight the piece, and a test can rebuild the input from kept and removed spans.
    """

    text: str
    rule: str
    reason: str
    start: int
    end: int
    line: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "rule": self.rule,
            "reason": self.reason,
            "start": self.start,
            "end": self.end,
            "line": self.line,
        }


@dataclass(frozen=True, slots=True)
class Metadata:
    """Facts about the article. Each field is None/empty when the input does not carry it.

    `sources` says where each filled field came from (e.g. ``{"title": "line 2: repeated
    headline"}``) so a wrong value can be traced to the line that produced it.
    """

    title: str | None = None
    date: str | None = None  # ISO 8601: "2025-04-12T10:31:20" or "2019-11-19"
    authors: tuple[str, ...] = ()
    site_name: str | None = None
    categories: tuple[str, ...] = ()
    agency: str | None = None
    dateline: str | None = None
    language: str | None = None  # ISO 639-1
    url: str | None = None
    sources: Mapping[str, str] = field(default_factory=dict)


METADATA_FIELDS = (
    "title",
    "date",
    "authors",
    "site_name",
    "categories",
    "agency",
    "dateline",
    "language",
    "url",
)


@dataclass(frozen=True, slots=True)
class Article:
    """The clean article: body text, metadata, and an account of everything removed.

    `text` holds the body only, paragraphs separated by one blank line. When nothing in the
    input looks like an article, `text` is empty and `empty_reason` says why: never None.
    """

    text: str
    metadata: Metadata
    removed: tuple[Removal, ...]
    profile: str | None = None
    kind: str = "text"
    empty_reason: str | None = None
    source_text: str = field(default="", repr=False, compare=False)

    # Flat read access to metadata, so `article.title` works as users expect.
    @property
    def title(self) -> str | None:
        return self.metadata.title

    @property
    def date(self) -> str | None:
        return self.metadata.date

    @property
    def authors(self) -> tuple[str, ...]:
        return self.metadata.authors

    @property
    def site_name(self) -> str | None:
        return self.metadata.site_name

    @property
    def categories(self) -> tuple[str, ...]:
        return self.metadata.categories

    @property
    def agency(self) -> str | None:
        return self.metadata.agency

    @property
    def dateline(self) -> str | None:
        return self.metadata.dateline

    @property
    def language(self) -> str | None:
        return self.metadata.language

    @property
    def url(self) -> str | None:
        return self.metadata.url

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready view: plain str/list/None values only."""
        md = self.metadata
        return {
            "text": self.text,
            "title": md.title,
            "date": md.date,
            "authors": list(md.authors),
            "site_name": md.site_name,
            "categories": list(md.categories),
            "agency": md.agency,
            "dateline": md.dateline,
            "language": md.language,
            "url": md.url,
            "profile": self.profile,
            "kind": self.kind,
            "empty_reason": self.empty_reason,
            "sources": dict(md.sources),
            "removed": [r.to_dict() for r in self.removed],
        }
