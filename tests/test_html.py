"""HTML pages: main content, encodings, parity with dumps, explanations, pathological pages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import cleaner
from cleaner.readers.html import parse, visible_text
from conftest import SAMPLES

HTML_SAMPLES = sorted((SAMPLES / "html").glob("*.html"))


def _expected(path: Path) -> dict:
    return json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", HTML_SAMPLES, ids=[p.stem for p in HTML_SAMPLES])
def test_page_gives_exactly_the_article(path: Path) -> None:
    article = cleaner.clean_file(path)
    expected = _expected(path)
    assert article.kind == "html"
    assert article.text == expected["text"]
    for field in ("title", "date", "authors", "site_name", "agency", "dateline", "language"):
        if field in expected:
            assert article.to_dict()[field] == expected[field], field


@pytest.mark.parametrize(
    ("name", "encoding", "snippet"),
    [
        ("german-regional-news.html", "cp1252", "„Wir lassen die Städte"),
        ("japanese-bus-shift-jis.html", "shift_jis", "横浜市交通局"),
        ("chinese-bus-gb2312.html", "gb2312", "市交通运输局"),
    ],
)
def test_declared_encodings_decode_to_unicode(name: str, encoding: str, snippet: str) -> None:
    data = (SAMPLES / "html" / name).read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # the sample really is in its legacy encoding
    assert snippet in data.decode(encoding)
    assert snippet in cleaner.clean(data).text


def test_latin1_page_without_declaration_is_detected() -> None:
    story = ("<p>Le maire a annoncé mercredi que la nouvelle médiathèque ouvrira ses portes en "
             "septembre, après deux années de travaux et un budget révisé à la hausse.</p>") * 3
    page = f"<html><head><title>Médiathèque</title></head><body><article>{story}</article></body></html>"
    article = cleaner.clean(page.encode("latin-1"))
    assert "médiathèque ouvrira" in article.text


def test_mojibake_is_repaired() -> None:
    story = "The café’s owner said the new bridge would open in the spring after years of delays. " * 3
    garbled = story.encode("utf-8").decode("cp1252")
    assert "â€™" in garbled
    assert "café’s owner" in cleaner.clean(garbled).text


def _as_dump(path: Path) -> str:
    """The page flattened the way a BeautifulSoup scraper stores it."""
    tree = parse(path.read_bytes().decode("utf-8"))
    assert tree is not None
    return visible_text(tree)


def test_page_and_its_dump_give_the_same_article() -> None:
    page = SAMPLES / "html" / "ap-wire-wildfire.html"
    from_html = cleaner.clean_file(page)
    from_dump = cleaner.clean(_as_dump(page))
    assert from_dump.kind == "text"
    assert from_html.text == from_dump.text
    for field in ("agency", "dateline", "language"):
        assert getattr(from_html, field) == getattr(from_dump, field), field


def test_page_removals_name_the_menus_and_lists() -> None:
    article = cleaner.clean_file(SAMPLES / "html" / "ap-wire-wildfire.html")
    rules = {r.text: r.rule for r in article.removed}
    assert rules["Nation & World"] == "outside_main_content"
    assert "Most Popular" in rules
    assert all(r.reason for r in article.removed)
    kept = set(article.text.split("\n\n"))
    visible = [line for line in article.source_text.split("\n") if line.strip()]
    # Every visible line is in the text or in removed: nothing silently lost.
    for line in visible:
        assert any(line in k for k in kept) or any(line in r.text or r.text in line for r in article.removed), line


def test_kind_override_reads_markup_as_text() -> None:
    page = "<html><body><p>Just a short line of markup shown as text.</p></body></html>"
    assert cleaner.clean(page, kind="text").kind == "text"
    assert cleaner.clean(page).kind == "html"


def test_deeply_nested_page_is_handled() -> None:
    story = ("The harbour authority said the ferry terminal would open in June, two months late, "
             "because the boarding bridges arrived after the agreed date. ") * 3
    page = "<html><body>" + "<div>" * 20_000 + f"<p>{story}</p>" + "</div>" * 20_000 + "</body></html>"
    article = cleaner.clean(page)
    assert isinstance(article.text, str)
    assert article.text or article.empty_reason


def test_huge_page_is_bounded() -> None:
    story = ("<p>The council approved the budget after a long debate about the harbour and the "
             "future of the old fish market, which traders want to keep open.</p>")
    page = "<html><body><article>" + story * 3 + "</article>" + "<div>filler</div>" * 1_400_000 + "</body></html>"
    assert len(page) > 20_000_000
    article = cleaner.clean(page)
    assert "fish market" in article.text or article.empty_reason


@pytest.mark.parametrize("junk", ["<html>", "<html><body></body></html>", "<<<>>>", "<html><p>\x00\x01</p>"])
def test_malformed_pages_never_raise(junk: str) -> None:
    article = cleaner.clean(junk, kind="html")
    assert article.text or article.empty_reason


@pytest.mark.parametrize("path", HTML_SAMPLES, ids=[p.stem for p in HTML_SAMPLES])
def test_main_text_equals_trafilaturas_full_cascade_and_leaves_the_tree(path: Path) -> None:
    import trafilatura
    from lxml import etree

    from cleaner.readers.detect import decode
    from cleaner.readers.html import main_text

    tree = parse(decode(path.read_bytes())[0])
    assert tree is not None
    before = etree.tostring(tree)
    full = trafilatura.extract(tree, favor_precision=True, include_comments=False, deduplicate=False)
    assert main_text(tree, None, len(visible_text(tree))) == (full or "")
    assert etree.tostring(tree) == before  # trafilatura worked on its own copy
    html = decode(path.read_bytes())[0]
    handed_over = parse(html)
    assert main_text(handed_over, None, len(visible_text(tree)), source=html) == (full or "")


def test_fallback_extractors_run_only_when_the_own_extraction_under_delivers() -> None:
    from lxml import etree

    from cleaner.readers.html import needs_fallback

    prose = "A sentence of the article, long enough to count as a paragraph of prose. " * 10
    body = etree.fromstring(f"<body><p>{prose}</p></body>")  # trafilatura's output shape
    assert not needs_fallback(body, prose, visible_chars=3 * len(prose))
    assert needs_fallback(body, prose[:200], visible_chars=3 * len(prose))  # short
    assert needs_fallback(body, prose, visible_chars=20 * len(prose))  # a small share of the page
    assert not needs_fallback(body, prose * 5, visible_chars=200 * len(prose))  # long enough anyway
    no_paragraph = etree.fromstring(f"<body><div>{prose}</div></body>")
    assert needs_fallback(no_paragraph, prose, visible_chars=len(prose))
    tables = etree.fromstring(f"<body><p>{prose}</p><table><tr><td>1</td></tr></table>"
                                  "<table><tr><td>2</td></tr></table></body>")
    assert needs_fallback(tables, prose, visible_chars=len(prose))


def test_a_tie_between_declared_languages_goes_to_the_headlines_stop_words(monkeypatch: pytest.MonkeyPatch) -> None:
    from cleaner.metadata import html as html_metadata
    from cleaner.metadata.html import _guess_language

    asked: list[str] = []
    real_rank = html_metadata.ngram_ranking
    monkeypatch.setattr(html_metadata, "ngram_ranking", lambda text, k=5: asked.append(text) or real_rank(text, k))
    headline = "Die elektronische Patientenakte (ePA) – der lange Marsch ins Digitale Gesundheitswesen"
    assert _guess_language(headline, ["en", "de"]) == "de"
    assert _guess_language("The mayor opens the new bridge over the river", ["de", "en"]) == "en"
    assert not asked  # the stop words settled both
    assert _guess_language("Bürgermeister eröffnet Brücke", ["en", "de"]) == "de"
    assert asked == ["Bürgermeister eröffnet Brücke"]  # no stop word: the shared n-gram model decides


def test_parsed_elements_are_plain_html_elements() -> None:
    import lxml.html

    tree = parse("<html><body><form><input name=q><select><option>a</option></select></form>"
                 "<p>Text <b>bold</b></p></body></html>")
    assert tree is not None
    assert {type(el) for el in tree.iter()} == {lxml.html.HtmlElement}  # no Python class lookup
    assert tree.find(".//p").text_content() == "Text bold"


def test_normalise_drops_every_control_character_and_keeps_layout() -> None:
    from cleaner.readers.detect import normalise

    controls = "".join(chr(c) for c in range(0x20) if chr(c) not in "\t\n\r") + "\x7f"
    assert normalise(f"a{controls}b\tc\r\nd\re") == "ab\tc\nd\ne"
    for c in controls:
        assert normalise(f"x{c}y") == "xy"
    assert normalise("plain text\n") == "plain text\n"


def test_visible_text_folds_whitespace_and_skips_invisible_nodes() -> None:
    tree = parse("<html><head><title>T</title><style>p {}</style></head><body><p>  One\u00a0 two\n"
                 "three </p><script>var x;</script> tail  text <svg><text>no</text></svg><p>\t \n</p>"
                 "<div>Four</div></body></html>")
    assert tree is not None
    assert visible_text(tree) == "One two three\ntail text\nFour"
    from cleaner.readers.html import visible_text_and_size

    assert visible_text_and_size(tree) == (visible_text(tree), len(list(tree.iter())))


def test_declared_language_spares_the_guess(monkeypatch: pytest.MonkeyPatch) -> None:
    from cleaner import pipeline

    story = "".join(f"<p>The harbour board met on day {i} and agreed that the ferry terminal works "
                    "would go on through the winter, whatever the cost of the steel.</p>" for i in range(4))
    page = f"<html lang=\"{{}}\"><head><title>Ferry</title></head><body><article>{story}</article></body></html>"
    guessed: list[str] = []
    real_guess = pipeline.guess_language
    monkeypatch.setattr(pipeline, "guess_language", lambda text: guessed.append(text) or real_guess(text))
    assert cleaner.clean(page.format("en-GB")).language == "en"
    assert not guessed  # the page said which language it is in
    assert cleaner.clean(page.replace(' lang="{}"', "")).language == "en"
    assert guessed  # nothing declared: the body's stop words decide


def test_elements_trafilatura_never_reads_are_dropped_before_it_runs() -> None:
    from cleaner.readers.html import drop_unread

    tree = parse("<html><head><title>T</title><script>var a;</script></head><body><nav>Home</nav>tail one"
                 "<p>Story <svg><text>x</text></svg>goes on.</p><aside>Related</aside><footer>(c)</footer>"
                 "<figure><table><tr><td>kept</td></tr></table></figure><form><p>a form</p></form></body></html>")
    assert tree is not None
    drop_unread(tree)
    assert [el.tag for el in tree.iter()] == ["html", "body", "p", "figure", "table", "tr", "td", "form", "p"]
    assert tree.find("body").text == "tail one"  # tail text stays where it was
    assert tree.find(".//p").text_content() == "Story goes on."


def test_dropping_spares_forum_json_ld_and_containers_with_the_headline() -> None:
    from cleaner.readers.html import drop_unread

    forum = parse('<html><head><script type="application/ld+json">{"@type": "DiscussionForumPosting"}</script>'
                  "</head><body><nav>Menu</nav><p>Post</p></body></html>")
    assert forum is not None
    drop_unread(forum)
    assert forum.find(".//script") is not None and forum.find(".//nav") is None
    headed = parse("<html><body><aside><h1>Headline</h1></aside><nav>Menu</nav><p>Text</p></body></html>")
    assert headed is not None
    drop_unread(headed)
    assert headed.find(".//h1") is not None and headed.find(".//nav") is None


def _complete_page(paragraphs: list[str]) -> str:
    """A page whose markup states title, date, site name and author."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return ("<html lang=\"en\"><head><title>Storm hits the coast | Daily Planet</title>"
            "<meta property=\"og:site_name\" content=\"Daily Planet\">"
            "<meta property=\"article:published_time\" content=\"2021-03-04T10:00:00\">"
            "<meta name=\"author\" content=\"Lois Lane\"></head><body><article><h1>Storm hits the coast</h1>"
            f"{body}</article></body></html>")


def test_complete_markup_still_gets_dateline_and_agency_from_the_text(monkeypatch: pytest.MonkeyPatch) -> None:
    from cleaner import pipeline

    monkeypatch.setattr(pipeline, "extract_metadata", None)  # the whole-page text reader is not needed
    lead = ("SEOUL, South Korea (AP) — A storm hit the southern coast on Thursday, cutting power to "
            "thousands of homes and closing the main port for the day.")
    rest = ["Officials said the harbour would reopen once the wind had dropped below gale force, "
            "probably on Friday morning, and that no one had been hurt."] * 3
    article = cleaner.clean(_complete_page([lead, *rest]), url="https://planet.example/2021/03/04/storm")
    assert (article.title, article.date[:10], article.authors) == ("Storm hits the coast", "2021-03-04", ("Lois Lane",))
    assert article.agency == "AP" and article.dateline == "SEOUL, South Korea"
    assert "opening of the article" in article.metadata.sources["agency"]


def test_complete_markup_reads_a_closing_agency_copyright_line() -> None:
    story = ["A storm hit the southern coast on Thursday, cutting power to thousands of homes and "
             "closing the main port for the day, officials said."] * 3
    article = cleaner.clean(_complete_page([*story, "Copyright 2021 The Associated Press. All rights reserved."]))
    assert article.agency == "AP"


def test_parse_ignores_a_stale_charset_declaration_in_a_decoded_page() -> None:
    # The page was decoded already (str): its <meta charset> no longer describes the characters.
    page = ('<html><head><meta charset="shift_jis"><title>駅</title></head>'
            "<body><p>横浜市交通局のバス \ud800 Straße</p></body></html>")
    tree = parse(page)
    assert tree is not None
    assert visible_text(tree) == "横浜市交通局のバス ? Straße"  # a lone surrogate cannot be encoded: replaced


def _page_without_author_markup() -> str:
    menu = "".join(f'<li><a href="/s{i}">Section {i}</a></li>' for i in range(40))
    paragraphs = "".join(
        f"<p>{text}</p>"
        for text in (
            "The city council voted on Tuesday to expand the bus network to the northern suburbs, "
            "a plan that has been debated for almost a decade.",
            "Officials said the first new routes would open in the spring and that fares would not rise "
            "before the end of next year, despite higher fuel costs.",
            "Residents who spoke at the meeting welcomed the decision but asked for more frequent "
            "service in the evenings, when many of them travel home from work.",
        )
    )
    return (
        "<html><head><title>Council expands bus network | The Northern Courier</title>"
        '<meta property="og:site_name" content="The Northern Courier">'
        '<meta property="article:published_time" content="2025-03-04T09:00:00Z"></head><body>'
        f"<header><nav><ul>{menu}</ul></nav></header><main><article>"
        "<h1>Council expands bus network</h1><div>Maria Lopez</div><div>Published 9:00 a.m. March 4, 2025</div>"
        f"{paragraphs}</article></main><footer><p>Contact us</p></footer></body></html>"
    )


def test_byline_above_the_body_is_read_when_the_markup_names_no_author() -> None:
    """The text metadata reader searches above the body on the visible page: the body's position
    must be taken on that page, not in the main-content text (a long menu comes first)."""
    article = cleaner.clean(_page_without_author_markup())
    assert article.metadata.authors == ("Maria Lopez",)
    assert "Maria Lopez" not in article.text
    assert article.text.startswith("The city council voted")


def test_soft_hyphens_do_not_make_a_kept_paragraph_look_removed() -> None:
    """German sites hyphenate with &shy;; trafilatura drops it from the text, the visible page
    keeps it: the paragraph is kept and must not also be reported as removed."""
    paragraph = (
        "Die Bundes&shy;regierung hat am Dienstag neue Regeln für den Wohnungs&shy;bau beschlossen, "
        "die nach Angaben des Ministeriums schon im kommenden Jahr gelten sollen und vor allem "
        "kleinere Gemeinden entlasten werden."
    )
    page = (
        "<html lang='de'><head><title>Neue Regeln</title></head><body><article><h1>Neue Regeln</h1>"
        f"<p>{paragraph}</p><p>{paragraph.replace('Dienstag', 'Mittwoch')}</p></article></body></html>"
    )
    article = cleaner.clean(page)
    assert "Bundesregierung" in article.text
    assert not [r for r in article.removed if "regierung" in r.text]
