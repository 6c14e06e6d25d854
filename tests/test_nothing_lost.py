"""Every block of the input ends up in the text or in `removed`: replaying both gives the input's
words back, and the spans of removed pieces point at what they say they removed."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cleaner
from cleaner.readers.text import read_blocks
from conftest import SAMPLE_CASES, SEED_CASES

WORD = re.compile(r"\w+")
CASES = [p for p, _ in SAMPLE_CASES + SEED_CASES]


def _words(text: str) -> Counter[str]:
    return Counter(WORD.findall(text))


def _block_words(source: str) -> Counter[str]:
    """Words of the input as the reader sees it (layout markers such as "o" bullets excluded)."""
    total: Counter[str] = Counter()
    for block in read_blocks(source):
        total.update(WORD.findall(block.text))
    return total


def _replay(article: cleaner.Article) -> Counter[str]:
    """Words of the kept text plus every removed piece (a cut tag is a piece of a line)."""
    replay = _words(article.text)
    for piece in article.removed:
        replay.update(_words(piece.text) if piece.rule == "platform_tag" else _block_words(piece.text))
    return replay


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_kept_plus_removed_rebuilds_the_input(path: Path) -> None:
    article = cleaner.clean_file(path)
    assert _replay(article) == _block_words(article.source_text)


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_removal_spans_point_into_the_input(path: Path) -> None:
    article = cleaner.clean_file(path)
    for piece in article.removed:
        assert article.source_text[piece.start : piece.end].strip() == piece.text
        assert article.source_text.count("\n", 0, piece.start) + 1 == piece.line


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_any_text_gives_an_article(text: str) -> None:
    article = cleaner.clean(text)
    assert isinstance(article.text, str)
    assert article.text or article.empty_reason


@settings(max_examples=150, deadline=None)
@given(st.binary())
def test_any_bytes_give_an_article(data: bytes) -> None:
    article = cleaner.clean(data)
    assert isinstance(article.text, str)
    assert article.text or article.empty_reason


@settings(max_examples=30, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=200), min_size=1, max_size=60))
def test_line_soup_keeps_every_word(lines: list[str]) -> None:
    source = "\n".join(lines)
    article = cleaner.clean(source)
    assert _replay(article) == _block_words(article.source_text)


def test_empty_and_blank_inputs_say_why() -> None:
    for source in ("", "   \n\n\t", b"", b"\x00\x00"):
        article = cleaner.clean(source)
        assert article.text == ""
        assert article.empty_reason


def test_very_long_line_is_handled() -> None:
    sentence = "The council approved the budget after a long debate about the harbour. "
    article = cleaner.clean(sentence * 20_000)
    assert article.text.startswith("The council approved")


def test_cp1252_bytes_are_detected() -> None:
    story = ("The caf\u00e9\u2019s owner said the new bridge would open in the spring, and residents "
             "welcomed the news after years of delays on the crossing near the march\u00e9. ") * 4
    article = cleaner.clean(story.encode("cp1252"))
    assert "café’s owner" in article.text


def test_undecodable_bytes_are_replaced_not_fatal() -> None:
    from cleaner.readers.detect import FALLBACK_ENCODING, decode

    text, how = decode(b"\x81\x8d\x8f\x90\x9d" * 3)
    assert isinstance(text, str) and how
    assert FALLBACK_ENCODING == "cp1252"


def test_wrong_type_is_a_typed_error() -> None:
    with pytest.raises(cleaner.InputTypeError):
        cleaner.clean(12345)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "lines",
    [["0\x80A", "<HTML><BODY>"], ["A\ud7fc", "<HTML><BODY>"], ["0", "?", "<HTML><BODY>"], ["0", "A", "<HTML><BODY>"]],
)
def test_pages_trafilatura_respaces_or_cleans_keep_every_word(lines: list[str]) -> None:
    """Cases the property test found: trafilatura drops invisible characters ("0\\x80A" -> "0A"),
    joins lines ("0 ?" -> "0?") or keeps part of one ("0 A" -> "A"); each word is still either
    in the text or in `removed`, once."""
    article = cleaner.clean("\n".join(lines))
    assert _replay(article) == _block_words(article.source_text)


@pytest.mark.parametrize(
    "text",
    ["(MENAFN)", "(MENAFN)(AP) —\n\n", "(MENAFN) | Headline - site.comSkip to ArticleMenu",
     "Home\nNews\n(MENAFN- Jordan Times) Subscribe to our newsletter\nSport\n"],
)
def test_a_tag_cut_from_a_block_that_goes_whole_is_reported_once(text: str) -> None:
    """The platform-tag rule cuts "(MENAFN)" from a block; when the classifier then drops the
    whole block, its removal already holds the tag: replaying must not give the tag twice."""
    article = cleaner.clean(text)
    assert not article.text
    assert _replay(article) == _block_words(article.source_text)
