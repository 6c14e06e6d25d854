"""The markdown link texts the reader finds travel with the document to the link_card rule."""

from __future__ import annotations

from cleaner.config import Config
from cleaner.readers.text import read_dump
from cleaner.rules import GENERIC_RULES, Page

CARD = (
    "[Seals return to the harbour A survey counted more pups than in any year since 1990, the "
    "trust said 2H ago](/news/seals/)"
)


def test_read_dump_gives_the_spans_of_the_link_texts_in_the_input() -> None:
    dump = "See [the report](/r) and [the map](/m) now.\n"
    reading = read_dump(dump)
    assert [dump[s:e] for s, e in reading.link_texts] == ["the report", "the map"]
    assert [b.text for b in reading.blocks] == ["See the report and the map now."]


def test_a_dump_without_markdown_links_has_none() -> None:
    assert read_dump("Plain text [1] with a footnote.\n").link_texts == []


def _link_card(page: Page) -> list[str]:
    next(r for r in GENERIC_RULES if r.name == "link_card").apply(page)
    return [b.rule for b in page.blocks]


def test_link_card_reads_the_spans_from_the_page_or_from_its_source() -> None:
    reading = read_dump(CARD)
    given = Page(CARD, reading.blocks, Config(), link_texts=reading.link_texts)
    from_source = Page(CARD, read_dump(CARD).blocks, Config())
    assert _link_card(given) == _link_card(from_source) == ["link_card"]
