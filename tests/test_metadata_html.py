"""Metadata of HTML pages (cleaner/metadata/html.py and its helpers), on small pages written to
mimic real news templates: JSON-LD NewsArticle graphs, Open Graph tags, microdata, bylines."""

from __future__ import annotations

import json

import lxml.html
import pytest

from cleaner.article import Metadata
from cleaner.metadata.bylinetext import split_byline
from cleaner.metadata.html import extract_html_metadata, metadata_from_html
from cleaner.metadata.jsonld import read_jsonld
from cleaner.metadata.stamps import LOCAL, NAIVE, UTC, parse_stamp


def page(head: str = "", body: str = "", lang: str | None = "en-US") -> str:
    lang_attr = f' lang="{lang}"' if lang else ""
    return f"<!DOCTYPE html><html{lang_attr}><head><meta charset=\"utf-8\">{head}</head><body>{body}</body></html>"


def ld(obj: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


def meta(prop: str, content: str, attr: str = "property") -> str:
    return f'<meta {attr}="{prop}" content="{content}">'


def read(html: str, url: str | None = None) -> Metadata:
    return extract_html_metadata(lxml.html.document_fromstring(html), url=url)


ARTICLE_URL = "https://www.valleyherald.example/news/2019/11/19/council-votes-budget/"
NEWS_HEAD = (
    "<title>Council votes to freeze budget after marathon session | Valley Herald</title>"
    + meta("og:title", "Council votes to freeze budget after marathon session")
    + meta("og:site_name", "Valley Herald")
    + meta("og:url", ARTICLE_URL)
    + meta("article:section", "Local")
    + ld(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": "Council freezes budget: what it means for you",
            "datePublished": "2019-11-20T03:15:00Z",
            "dateModified": "2019-11-20T05:00:00Z",
            "author": [
                {"@type": "Person", "name": "Jane Doe"},
                {"@type": "Organization", "name": "Valley Herald Staff"},
            ],
            "publisher": {"@type": "NewsMediaOrganization", "name": "Valley Herald"},
            "inLanguage": "en-US",
        }
    )
    + ld(
        {
            "@context": "https://schema.org",
            "@type": "BreadcrumbList",
            "itemListElement": [
                {"@type": "ListItem", "position": 1, "name": "Home", "item": "https://www.valleyherald.example/"},
                {"@type": "ListItem", "position": 2, "name": "News", "item": "https://www.valleyherald.example/news"},
                {"@type": "ListItem", "position": 3, "name": "City Hall", "item": "https://www.valleyherald.example/news/city"},
            ],
        }
    )
)
NEWS_BODY = """
<header class="site-header"><a class="logo" href="/"><img class="logo" alt="Valley Herald" src="/logo.png"></a>
  <nav><a href="/news">News</a><a href="/sports">Sports</a></nav></header>
<div class="modal" style="display: none"><h1>Sign in to your account</h1></div>
<article>
  <h1 class="headline">Council votes to freeze budget after marathon session</h1>
  <div class="byline">By <a href="/author/jane-doe" rel="author">Jane Doe</a> and
    <a href="/author/john-roe">John Roe</a> <span class="byline__title">Staff Writers</span></div>
  <div class="timestamp"><time datetime="2019-11-20T03:15:00Z">Nov. 19, 2019 7:15 p.m. PST</time></div>
  <figure><img src="/a.jpg"><figcaption>The council chamber on Tuesday. (Photo: Sam Smith)</figcaption></figure>
  <p>The city council voted 5-2 late Tuesday to freeze next year's operating budget at this
  year's level, ending a session that ran for more than seven hours and drew dozens of speakers.</p>
  <p>Council members said the freeze was the only way to avoid layoffs while sales tax revenue
  remains below forecasts, and promised to revisit the question in the spring.</p>
</article>
<aside class="related"><h2>More from Jane Doe</h2><div class="author">Jane Doe</div></aside>
"""


def test_news_article_all_fields_with_their_sources() -> None:
    md = read(page(NEWS_HEAD, NEWS_BODY), url=ARTICLE_URL)
    # The visible h1, not the JSON-LD SEO headline; the hidden modal h1 is ignored.
    assert md.title == "Council votes to freeze budget after marathon session"
    assert md.sources["title"].startswith("visible h1")
    # Both bylined people; the Organization author is not a person.
    assert md.authors == ("Jane Doe", "John Roe")
    assert "byline element" in md.sources["authors"]
    # 03:15 UTC on the 20th is the evening of the 19th where it was published, as the page shows.
    assert md.date is not None and md.date.startswith("2019-11-19")
    assert "shown near the headline" in md.sources["date"]
    assert md.site_name == "Valley Herald"
    assert md.language == "en"
    assert md.url == ARTICLE_URL
    assert md.categories == ("City Hall",)  # Home and the generic "News" root are not categories
    assert md.agency is None and md.dateline is None


def test_every_filled_field_names_its_source() -> None:
    md = read(page(NEWS_HEAD, NEWS_BODY), url=ARTICLE_URL)
    for name in ("title", "date", "authors", "site_name", "categories", "language", "url"):
        assert getattr(md, name), name
        assert md.sources.get(name), name


def test_declared_headline_when_no_heading_matches() -> None:
    head = "<title>Bridge reopens after two-year repair - Lakeside Post</title>" + meta("og:site_name", "Lakeside Post")
    body = '<h1 class="site-title">Lakeside Post</h1><div class="entry"><p>Traffic returned on Monday.</p></div>'
    md = read(page(head, body))
    assert md.title == "Bridge reopens after two-year repair"
    assert md.sources["title"].startswith("<title>")


def test_blog_headline_in_h2_when_h1_is_the_blog_name() -> None:
    head = meta("og:title", "Ten quiet trails for autumn walks") + meta("og:site_name", "Trail Notes")
    body = '<h1>Trail Notes</h1><div class="post"><h2 class="entry-title">Ten Quiet Trails for Autumn Walks</h2><p>x</p></div>'
    md = read(page(head, body))
    assert md.title == "Ten Quiet Trails for Autumn Walks"  # as the reader sees it
    assert md.sources["title"].startswith("visible h2")


def test_site_suffix_removed_from_title_and_og_title() -> None:
    head = "<title>Storm knocks out power to thousands | News | Coast Daily</title>" + meta("og:site_name", "Coast Daily")
    md = read(page(head, "<p>No heading on this page.</p>"))
    assert md.title == "Storm knocks out power to thousands | News"
    assert md.site_name == "Coast Daily"


# --- authors and agency ---------------------------------------------------------------------------


def test_wire_byline_gives_person_and_agency() -> None:
    body = (
        "<article><h1>New SUVs highlight the auto show</h1>"
        '<div class="byline"><span class="byline-name">By TOM KRISHER, AP Auto Writer</span></div>'
        "<p>" + "Automakers rolled out new models at the show on Wednesday. " * 5 + "</p></article>"
    )
    head = meta("og:title", "New SUVs highlight the auto show") + ld(
        {"@type": "NewsArticle", "headline": "New SUVs highlight the auto show", "publisher": {"@type": "Organization", "name": "Associated Press"}}
    )
    md = read(page(head, body))
    assert md.authors == ("Tom Krisher",)
    assert md.agency == "AP"
    assert md.site_name != "Associated Press"  # an agency named as publisher is not the site


def test_agency_as_json_ld_person_is_no_author() -> None:
    head = meta("og:site_name", "Tech Daily") + ld(
        {"@type": "NewsArticle", "headline": "Regulator opens inquiry", "author": {"@type": "Person", "name": "Reuters"}}
    )
    md = read(page(head, "<h1>Regulator opens inquiry</h1><p>text</p>"))
    assert md.authors == ()
    assert md.agency == "Reuters"


def test_json_ld_people_when_the_page_shows_no_byline() -> None:
    head = ld(
        {
            "@context": "https://schema.org",
            "@graph": [
                {"@type": "WebSite", "@id": "https://blog.example/#website", "name": "Kitchen Diary"},
                {"@type": "Person", "@id": "https://blog.example/#/schema/person/1", "name": "Regan"},
                {
                    "@type": "BlogPosting",
                    "headline": "Spiced pear jam for the holidays",
                    "author": {"@id": "https://blog.example/#/schema/person/1"},
                    "datePublished": "2017-12-06T09:54:11+00:00",
                },
            ],
        }
    )
    md = read(page(head, "<h1>Spiced pear jam for the holidays</h1><p>Jam.</p>"), url="https://blog.example/2017/12/pear-jam/")
    assert md.authors == ("Regan",)  # a declared Person may have one name
    assert md.sources["authors"] == "json-ld BlogPosting.author"
    assert md.site_name == "Kitchen Diary"
    assert md.date == "2017-12-06T09:54:11Z"


def test_shown_byline_extends_json_ld_author_list() -> None:
    head = ld({"@type": "NewsArticle", "headline": "Key moments from the hearing", "author": [{"@type": "Person", "name": "Stefan Becket"}]})
    body = (
        "<h1>Key moments from the hearing</h1>"
        '<p class="content__meta">By <a href="/team/stefan-becket/">Stefan Becket</a>, '
        '<a href="/team/kathryn-watson/">Kathryn Watson</a></p>'
    )
    md = read(page(head, body))
    assert md.authors == ("Stefan Becket", "Kathryn Watson")


def test_not_authors_urls_accounts_and_prompts() -> None:
    head = (
        meta("og:title", "Swim results")
        + meta("author", "KWCHCIK", "name")
        + meta("article:author", "https://www.facebook.com/somepage")
    )
    body = '<h1>Swim results</h1><div class="author-box"><a class="author" href="mailto:x@y.z">Email The Author</a></div><p>Results.</p>'
    md = read(page(head, body))
    assert md.authors == ()


def test_meta_author_with_publication_after_the_name() -> None:
    head = meta("og:title", "Royal arrogance") + meta("author", "Finian Cunningham. Sputnik International", "name")
    md = read(page(head, "<h1>Royal arrogance</h1>"))
    assert md.authors == ("Finian Cunningham",)


def test_byline_publication_part_names_the_agency() -> None:
    body = (
        "<h1>Teachers pack the statehouse</h1>"
        '<div class="attribution"><span class="author">Tom Davies</span><span class="publication">Associated Press</span></div>'
    )
    md = read(page(meta("og:title", "Teachers pack the statehouse"), body))
    assert md.authors == ("Tom Davies",)
    assert md.agency == "AP"


def test_agency_from_description_opening() -> None:
    head = meta("og:title", "The Latest: Train stabbing") + meta("og:description", "HAYWARD, Calif. (AP) - The Latest on a stabbing")
    md = read(page(head, "<h1>The Latest: Train stabbing</h1>"))
    assert md.agency == "AP"
    assert md.dateline is None  # left to the caller, who reads the first paragraph


def test_microdata_article() -> None:
    body = """
    <div itemscope itemtype="https://schema.org/NewsArticle">
      <h1 itemprop="headline">Browns player speaks on the fight</h1>
      <div itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Bryan DeArdo</span></div>
      <time itemprop="datePublished" datetime="2019-11-18T21:24:00-05:00">Nov 18, 2019 at 9:24 pm ET</time>
      <div itemprop="publisher" itemscope itemtype="https://schema.org/Organization"><meta itemprop="name" content="CBS Sports"></div>
    </div>"""
    head = meta("og:site_name", "CBSSports.com")
    md = read(page(head, body), url="https://www.cbssports.com/nfl/news/browns-player/")
    assert md.title == "Browns player speaks on the fight"
    assert md.authors == ("Bryan DeArdo",)
    assert md.date is not None and md.date.startswith("2019-11-18")
    assert md.site_name == "CBS Sports"  # the spelled-out name over the domain form


# --- site name ----------------------------------------------------------------------------------


def test_site_abbreviation_spelled_out_with_the_article_the_logo_prints() -> None:
    head = (
        "<title>Is football violence a crime? - WSJ</title>"
        + meta("og:site_name", "WSJ")
        + ld({"@type": "NewsArticle", "headline": "Is football violence a crime?", "publisher": {"@type": "NewsMediaOrganization", "name": "Wall Street Journal"}})
    )
    body = '<a class="brand" href="https://www.wsj.com/" title="The Wall Street Journal">WSJ</a><h1>Is football violence a crime?</h1>'
    md = read(page(head, body), url="https://www.wsj.com/articles/is-football-violence-a-crime-11574121884")
    assert md.site_name == "The Wall Street Journal"


@pytest.mark.parametrize(
    ("head", "body", "url", "expected"),
    [
        # a lower-case slug loses to the domain the <title> prints
        (meta("og:site_name", "nj") + "<title>Meth campaign doubles down - nj.com</title>", "", "https://www.nj.com/news/2019/11/meth.html", "nj.com"),
        # a spaced name beats the domain form
        (
            meta("og:site_name", "livescience.com") + ld({"@type": "Organization", "name": "Live Science", "url": "https://www.livescience.com"}),
            "",
            "https://www.livescience.com/simulation.html",
            "Live Science",
        ),
        # taglines cut off; the part spelling the URL's brand is kept
        (meta("og:site_name", "LinkNaija | Nigeria's popular news platform"), "", "http://www.linknaija.com/2018/10/a.html", "LinkNaija"),
        # a section name in og:site_name loses to the brand in the <title>
        (meta("og:site_name", "U.S.") + "<title>Oil drops as stocks drift - Reuters</title>", "", "https://www.reuters.com/article/us-markets", "Reuters"),
        # nothing declared: the logo's text, then the host
        ("", '<img class="logo" alt="Catch it Kansas - News" src="l.png">', "https://www.catchitkansas.com/content/a.html", "Catch it Kansas"),
        ("", "", "https://www.ascom.com/news/a.html", "ascom"),
    ],
)
def test_site_name_spellings(head: str, body: str, url: str, expected: str) -> None:
    assert read(page(head, body + "<p>x</p>"), url=url).site_name == expected


def test_site_prefix_removed_from_title() -> None:
    head = "<title>Daily Planet: Man flies over city</title>" + meta("og:site_name", "Daily Planet")
    md = read(page(head, "<p>x</p>"))
    assert (md.title, md.site_name) == ("Man flies over city", "Daily Planet")


# --- dates --------------------------------------------------------------------------------------


def test_local_offset_keeps_the_wall_clock_day() -> None:
    head = meta("article:published_time", "2019-11-19T23:30:00-05:00")
    md = read(page(head, "<h1>Late vote</h1>"))
    assert md.date == "2019-11-19T23:30:00"  # not 2019-11-20 as UTC would have it
    assert md.sources["date"] == "meta article:published_time"


def test_url_date_corrects_a_utc_stamp_a_day_off() -> None:
    head = ld({"@type": "NewsArticle", "headline": "WeWork probe", "datePublished": "2019-11-19T04:58:46Z"})
    md = read(page(head, "<h1>WeWork probe</h1><p>2 days ago</p>"), url="https://techcrunch.com/2019/11/18/wework-probe/")
    assert md.date == "2019-11-18"
    assert "URL" in md.sources["date"]


def test_shown_modified_day_does_not_replace_the_publication_day() -> None:
    head = ld({"@type": "Article", "headline": "Light festival opens", "datePublished": "2018-09-15T10:00:00+00:00", "dateModified": "2018-09-16T08:00:00+00:00"})
    body = '<h1>Light festival opens</h1><span class="date">16 September 2018</span>'
    assert read(page(head, body)).date == "2018-09-15T10:00:00Z"


def test_shown_updated_label_does_not_replace_a_local_stamp() -> None:
    head = meta("article:published_time", "2019-11-19T22:00:00-05:00")
    body = '<h1>Storm update</h1><div class="meta">Updated Nov. 20, 2019</div>'
    assert read(page(head, body)).date.startswith("2019-11-19")


def test_bogus_json_ld_date_falls_through_to_meta() -> None:
    head = ld({"@type": "NewsArticle", "datePublished": "0001-01-01T00:00:00Z"}) + meta("article:published_time", "2019-11-19T10:00:00-05:00")
    assert read(page(head, "<h1>x y z</h1>")).date.startswith("2019-11-19")


def test_visible_german_date_and_byline_without_markup() -> None:
    body = (
        "<article><h1>Landtag beschließt Schulpaket</h1>"
        "<p>Von Anna Schmidt</p><p>publiziert am 14. März 2025</p>"
        "<p>" + "Der Landtag hat am Freitag ein Paket für Schulgebäude beschlossen. " * 4 + "</p>"
        "<p>" + "Die Opposition kritisierte die Verteilung der Mittel auf die Kreise. " * 4 + "</p></article>"
    )
    md = read(page(meta("og:title", "Landtag beschließt Schulpaket"), body, lang="de"))
    assert md.date == "2025-03-14"
    assert md.authors == ("Anna Schmidt",)
    assert md.language == "de"


def test_visible_japanese_date() -> None:
    body = "<h1>市営バス、深夜便を拡充へ</h1><div class=\"date\">2025年11月20日 9:15</div><p>市は発表した。</p>"
    md = read(page(meta("og:title", "市営バス、来春から深夜便を拡充へ"), body, lang="ja"))
    assert md.title == "市営バス、深夜便を拡充へ"  # the visible h1 shares enough characters
    assert md.date is not None and md.date.startswith("2025-11-20")
    assert md.language == "ja"


def test_wordpress_template_published_not_updated() -> None:
    body = """<article><header><h1 class="entry-title">Spring garden tips</h1>
      <div class="entry-meta"><span class="byline"> by <span class="author vcard">
        <a class="url fn n" href="https://greenthumb.example/author/jdoe/">John Doe</a></span></span>
      <span class="posted-on"><a href="/x"><time class="entry-date published" datetime="2020-03-04T10:00:00+00:00">March 4, 2020</time>
        <time class="updated" datetime="2020-03-05T09:00:00+00:00">March 5, 2020</time></a></span></div></header>
      <div class="entry-content"><p>""" + "Garden text long enough to be a paragraph of prose here. " * 4 + "</p></div></article>"
    md = read(page("<title>Spring garden tips &#8211; Green Thumb</title>", body))
    assert (md.title, md.authors, md.date) == ("Spring garden tips", ("John Doe",), "2020-03-04")


def test_french_label_and_byline_in_plain_paragraphs() -> None:
    body = (
        "<h1>La réforme des retraites adoptée</h1><p>Par Jean Dupont</p><p>Publié le 12 mai 2021 à 14h30</p>"
        "<p>" + "Le texte a été adopté par le Parlement après de longs débats. " * 4 + "</p>"
        "<p>" + "Les syndicats appellent à une nouvelle journée de mobilisation jeudi. " * 4 + "</p>"
    )
    md = read(page("", body, lang="fr-FR"))
    assert (md.date, md.authors, md.language) == ("2021-05-12", ("Jean Dupont",), "fr")


def test_desk_credit_in_json_ld_gives_way_to_the_shown_byline() -> None:
    head = ld({"@type": "NewsArticle", "headline": "El Gobierno aprueba el presupuesto", "author": {"@type": "Person", "name": "Redacción"}})
    body = "<h1>El Gobierno aprueba el presupuesto</h1><div>Por María García | 3 de junio de 2022</div><p>texto</p>"
    md = read(page(head, body, lang="es"))
    assert md.authors == ("María García",)
    assert md.date == "2022-06-03"


def test_agency_after_a_comma_in_a_german_byline() -> None:
    body = "<h1>Bahnstreik legt Verkehr lahm</h1><p class=\"author\">Von Anna Schmidt, dpa</p><p>Text.</p>"
    md = read(page("", body, lang="de"))
    assert (md.authors, md.agency) == (("Anna Schmidt",), "dpa")


def test_relative_time_falls_back_to_its_datetime_attribute() -> None:
    body = '<h1>Markets slide</h1><time datetime="2023-02-01T15:00:00-05:00">2 hours ago</time><p>x</p>'
    md = read(page(meta("og:title", "Markets slide"), body))
    assert md.date == "2023-02-01T15:00:00"
    assert "<time>" in md.sources["date"]


# --- language and categories --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "head", "expected"),
    [
        ("pt-BR", "", "pt"),
        (None, meta("og:locale", "id_ID"), "id"),
        (None, meta("content-language", "de", "http-equiv"), "de"),
        (None, meta("language", "italiano (italian)", "name"), "it"),
        (None, "", None),  # nothing declared: the caller reads it from the text
    ],
)
def test_declared_language(lang: str | None, head: str, expected: str | None) -> None:
    assert read(page(head, "<p>x</p>", lang=lang)).language == expected


def test_conflicting_language_declarations_settled_by_the_headline() -> None:
    head = meta("content-language", "de", "http-equiv") + meta("og:title", "Die elektronische Patientenakte und der lange Marsch ins Digitale")
    md = read(page(head, "<h1>Die elektronische Patientenakte und der lange Marsch ins Digitale</h1>", lang="en"))
    assert md.language == "de"


def test_section_when_there_is_no_breadcrumb() -> None:
    head = ld({"@type": "NewsArticle", "headline": "A", "articleSection": ["Politics", "Politics"]})
    assert read(page(head, "<p>x</p>")).categories == ("Politics",)


def test_html_breadcrumb() -> None:
    body = '<nav class="breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="/sport">Sport</a></li><li><a href="/sport/tennis">Tennis</a></li></ol></nav><h1>Nadal wins again</h1>'
    assert read(page("", body)).categories == ("Sport", "Tennis")


# --- robustness ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    ["", "   ", "plain text, no tags", "<div>fragment</div>", b"\x00\x01\xff\xfe", b"", "<html><head><script type='application/ld+json'>{broken</script>"],
)
def test_metadata_from_html_never_raises(raw: str | bytes) -> None:
    md = metadata_from_html(raw, url="https://example.com/a")
    assert isinstance(md, Metadata)
    assert md.url == "https://example.com/a"


def test_non_string_input_gives_empty_metadata() -> None:
    assert metadata_from_html(None) == Metadata()  # type: ignore[arg-type]


def test_xml_declaration_and_declared_charset_bytes() -> None:
    html = '<?xml version="1.0" encoding="shift_jis"?><html><head><meta charset="shift_jis"><title>市営バス</title></head><body></body></html>'
    md = metadata_from_html(html.encode("shift_jis"))
    assert md.title == "市営バス"


def test_repaired_json_ld() -> None:
    broken = '<script type="application/ld+json"><!--\n{"@type": "NewsArticle", "headline": "Dam &amp; river",\n "datePublished": "2020-05-01T08:00:00+02:00",}\n--></script>'
    md = read(page(broken, ""))
    assert md.title == "Dam & river"
    assert md.date == "2020-05-01T08:00:00"


def test_extract_never_raises_on_odd_trees() -> None:
    tree = lxml.html.fragment_fromstring("<span>lonely</span>")
    assert isinstance(extract_html_metadata(tree, url=None), Metadata)


def test_large_page_stays_fast() -> None:
    import time

    filler = "".join(f'<div class="card"><a href="/n/{i}">Related story number {i}</a><span>Nov 1{i % 10}, 2019</span></div>' for i in range(1500))
    html = page(NEWS_HEAD, NEWS_BODY + filler)
    tree = lxml.html.document_fromstring(html)
    extract_html_metadata(tree, url=ARTICLE_URL)
    start = time.perf_counter()
    for _ in range(5):
        extract_html_metadata(tree, url=ARTICLE_URL)
    assert (time.perf_counter() - start) / 5 < 0.05  # generous: the work does not grow with the page


# --- helpers ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "day", "zone"),
    [
        ("2019-11-19T17:50:00-08:00", "2019-11-19", LOCAL),
        ("2019-11-20T01:50:00Z", "2019-11-20", UTC),
        ("2019-11-20T06:35:39+0000", "2019-11-20", UTC),
        ("2019-11-19 02:24:00", "2019-11-19", NAIVE),
        ("20191119", "2019-11-19", NAIVE),
        ("Mon, 18 Nov 2019 16:07:38 -0600", "2019-11-18", LOCAL),
        ("19 Nov 2019 07:09 GMT", "2019-11-19", UTC),
        ("November 19, 2019, 07:47 PM EST", "2019-11-19", LOCAL),
        ("1574168580", "2019-11-19", UTC),
    ],
)
def test_parse_stamp(value: str, day: str, zone: str) -> None:
    stamp = parse_stamp(value)
    assert stamp is not None and (stamp.day, stamp.zone) == (day, zone)


@pytest.mark.parametrize("value", ["", "0001-01-01T00:00:00Z", "soon", "2019-13-45"])
def test_parse_stamp_rejects(value: str) -> None:
    assert parse_stamp(value) is None


@pytest.mark.parametrize(
    ("text", "people", "agency"),
    [
        ("By Lisa Kaczke and Trevor J. Mitchell", ["Lisa Kaczke", "Trevor J. Mitchell"], None),
        ("Troy Smith | tsmith@cleveland.com", ["Troy Smith"], None),
        ("Victor Tangermann, Futurism", ["Victor Tangermann"], None),
        ("Eric Song, IGN Staff", ["Eric Song"], None),
        ("Associated Press", [], "AP"),
        ("By Reuters", [], "Reuters"),
        ("Email The Author", [], None),
        ("admin", [], None),
        ("https://www.facebook.com/someone", [], None),
        ("News Nation Bureau", [], None),
        ("Текст: Венера Ерофеева", ["Венера Ерофеева"], None),
    ],
)
def test_split_byline(text: str, people: list[str], agency: str | None) -> None:
    assert split_byline(text) == (people, agency)


def test_split_byline_site_name_is_nobody() -> None:
    assert split_byline("LinkNaija", "LinkNaija", allow_single=True) == ([], None)


def test_read_jsonld_graph_references_and_types() -> None:
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "Organization", "@id": "#org", "name": "Inexhibit"},
            {"@type": ["Article", "NewsArticle"], "headline": "&#8216;The Medium&#8217;", "publisher": {"@id": "#org"},
             "author": [{"@type": "Person", "givenName": "Ada", "familyName": "Lovelace"}, "Desk"],
             "articleSection": "Art", "datePublished": "2018-09-15"},
        ],
    }
    data = read_jsonld([json.dumps(graph), "not json at all"])
    assert data.headline == "‘The Medium’"
    assert data.publisher == "Inexhibit"
    assert [a.name for a in data.authors] == ["Ada Lovelace", "Desk"]
    assert data.authors[0].kind == "person" and data.authors[1].kind == ""
    assert data.sections == ["Art"]
    assert ("Inexhibit", "Organization") in data.site_names
