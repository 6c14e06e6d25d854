"""Metadata of plain-text dumps: small pages written to mimic real news templates.

Blocks are built here from lines (one block per non-empty line, markdown `#` and bullets
stripped) so these tests exercise the metadata rules alone, whatever the reader does.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.article import Metadata
from cleaner.blocks import Block
from cleaner.metadata import extract_metadata
from cleaner.metadata.agency import read_opening
from cleaner.metadata.bylines import person
from cleaner.metadata.common import parse_url
from cleaner.metadata.dates import find_dates, pick_date
from cleaner.metadata.vocab import MONTHS

LEAD = (
    "The city council voted on Tuesday to approve the new budget after a long debate, "
    "ending months of uncertainty for the schools and hospitals that depend on it."
)
SECOND = (
    "Officials said the plan would take effect next month and that more details about the "
    "spending would be published in the coming weeks, once the final figures are known."
)
GERMAN = (
    "Der Stadtrat hat am Dienstag nach einer langen Debatte den neuen Haushalt beschlossen, "
    "und damit endet für die Schulen und Krankenhäuser eine monatelange Unsicherheit."
)
_HEADING = re.compile(r"(#{1,6})\s+")
_BULLET = re.compile(r"[-*•]\s+")


def blocks_of(text: str) -> list[Block]:
    """One block per non-empty line, with markdown headings and bullets stripped."""
    blocks: list[Block] = []
    pos = 0
    for lineno, line in enumerate(text.split("\n"), 1):
        content = line.strip()
        heading = 0
        marker = ""
        m = _HEADING.match(content)
        if m:
            heading = len(m.group(1))
            content = content[m.end() :]
        m = _BULLET.match(content)
        if m:
            marker = content[0]
            content = content[m.end() :]
        if content:
            blocks.append(Block(len(blocks), content, pos, pos + len(line), lineno, marker=marker, heading=heading))
        pos += len(line) + 1
    return blocks


def page(text: str, url: str | None = None, **kwargs) -> Metadata:
    """Metadata of a dump whose body is every line of 100 characters or more."""
    blocks = blocks_of(text)
    body = [b for b in blocks if len(b.text) >= 100]
    return extract_metadata(blocks, body, url=url, **kwargs)


# --- Dates -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Date:2025-04-12 10:31:20", "2025-04-12T10:31:20"),
        ("Published 3:14 PM PDT, August 3, 2024", "2024-08-03T15:14:00"),
        ("Nov. 18, 2019 11:03 PM", "2019-11-18T23:03:00"),
        ("November 19, 2019", "2019-11-19"),
        ("2019-11-19", "2019-11-19"),
        ("19.11.2019", "2019-11-19"),
        ("Stand: 14.03.2025, 17:45 Uhr", "2025-03-14T17:45:00"),
        ("12 de mayo de 2024", "2024-05-12"),
        ("Updated 1:39 am EST, Wednesday, November 20, 2019", "2019-11-20T01:39:00"),
        ("Publié le 3 mars 2021 à 08:15", "2021-03-03T08:15:00"),
        ("Pubblicato il 5 giugno 2022", "2022-06-05"),
        ("Gepubliceerd op 7 februari 2023", "2023-02-07"),
        ("Publicado em 22 de outubro de 2010 às 20:13", "2010-10-22T20:13:00"),
        ("publiziert am 25. September 2018", "2018-09-25"),
        ("Monday November 18, 2019 7:45 am PST by Joe Rossignol", "2019-11-18T07:45:00"),
        ("21:17 18.11.2019", "2019-11-18T21:17:00"),
        ("- 11/19/19 06:56 AM EST", "2019-11-19T06:56:00"),
    ],
)
def test_date_formats(line: str, iso: str) -> None:
    found = find_dates(line)
    assert found and found[0].iso == iso


@pytest.mark.parametrize("line", ["2 days ago", "Monday 5:30PM", "Score 6-4, 7-6 (5)", "Call 555-1234", ""])
def test_no_date_in_relative_or_numeric_noise(line: str) -> None:
    assert find_dates(line) == ()


def test_ambiguous_numeric_date_follows_the_language() -> None:
    assert find_dates("11/12/2019", month_first=True)[0].iso == "2019-11-12"
    assert find_dates("11/12/2019", month_first=False)[0].iso == "2019-12-11"
    assert find_dates("11.12.2019", month_first=True)[0].iso == "2019-12-11"  # dots: day first


def test_published_preferred_over_updated() -> None:
    md = page(
        "City approves budget after long debate\n"
        "Updated Nov 19, 2019 9:41 AM; Posted Nov 18, 2019 8:19 PM\n"
        f"{LEAD}\n{SECOND}"
    )
    assert md.date == "2019-11-18T20:19:00"
    assert "Posted" in md.sources["date"]


def test_updated_alone_is_used() -> None:
    md = page(f"City approves budget after long debate\nUpdated 1:39 am EST, Wednesday, November 20, 2019\n{LEAD}")
    assert md.date == "2019-11-20T01:39:00"


def test_label_on_its_own_line_applies_to_next_line() -> None:
    md = page(f"City approves budget after long debate\nPUBLISHED:\nNovember 19, 2019 at 8:59 pm\n{LEAD}")
    assert md.date == "2019-11-19T20:59:00"


def test_date_near_headline_beats_date_in_body_and_copyright() -> None:
    md = page(
        "Home\nCity approves budget after long debate\nMarch 2, 2021\n"
        f"{LEAD} The last budget passed on January 5, 2019.\n{SECOND}\n© 2024 The Daily Planet"
    )
    assert md.date == "2021-03-02"


def test_date_in_a_caption_is_an_event() -> None:
    md = page(
        "Wildfire forces thousands to flee near Paradise\n"
        "A firefighter watches flames crest a hill above the highway near Paradise, on Friday, Aug. 2, 2024.\n"
        f"Updated 3:14 PM PDT, August 3, 2024\n{LEAD}"
    )
    assert md.date == "2024-08-03T15:14:00"


def test_url_date_when_page_shows_none() -> None:
    md = page(f"City approves budget after long debate\n{LEAD}", url="https://example.com/2019/11/19/city-budget/")
    assert md.date == "2019-11-19"
    assert md.sources["date"].startswith("date in the URL")


def test_pick_date_without_blocks() -> None:
    assert pick_date([], -1, -1).iso is None


# --- Authors -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("By Jane Doe and John Roe", ("Jane Doe", "John Roe")),
        ("By JANE DOE, Associated Press", ("Jane Doe",)),
        ("Von Anna Schmidt", ("Anna Schmidt",)),
        ("Por Carlos Ruiz", ("Carlos Ruiz",)),
        ("Written by Mary Major", ("Mary Major",)),
        ("Author: Max Mustermann", ("Max Mustermann",)),
        ("By Sarah E. Needleman", ("Sarah E. Needleman",)),
        ("By Meg JamesStaff Writer", ("Meg James",)),
        ("By Amy Kuperinsky | NJ Advance Media for NJ.com", ("Amy Kuperinsky",)),
        ("By Stefan Becket, Kathryn Watson, Grace Segers", ("Stefan Becket", "Kathryn Watson", "Grace Segers")),
    ],
)
def test_bylines(byline: str, authors: tuple[str, ...]) -> None:
    md = page(f"City approves budget after long debate\n{byline}\nNovember 19, 2019\n{LEAD}")
    assert md.authors == authors


def test_name_line_next_to_date_is_a_byline() -> None:
    md = page(f"City approves budget after long debate\nTom Krisher, Ap Auto Writer\nUpdated\n1:39 am EST, November 20, 2019\n{LEAD}")
    assert md.authors == ("Tom Krisher",)
    assert md.agency == "AP"


@pytest.mark.parametrize("byline", ["By Reuters", "Associated Press", "By Staff", "Email The Author", "By Admin"])
def test_agencies_and_roles_are_not_people(byline: str) -> None:
    md = page(f"City approves budget after long debate\n{byline}\nNovember 19, 2019\n{LEAD}")
    assert md.authors == ()


def test_agency_byline_sets_agency() -> None:
    md = page(f"City approves budget after long debate\nBy Reuters\n{LEAD}")
    assert md.agency == "Reuters"


def test_capitalised_lines_without_evidence_are_not_authors() -> None:
    md = page(f"City approves budget after long debate\nClimate Change\nCity Hall\n{LEAD}\n{SECOND}")
    assert md.authors == ()


def test_person_rejects_site_and_dates() -> None:
    assert person("The Daily Planet", site_key="thedailyplanet") is None
    assert person("November 19") is None
    assert person("JANE DOE") == "Jane Doe"


def test_person_stops_where_the_next_text_node_was_glued_on() -> None:
    # get_text() with no separator: the byline's name runs into the date after it.
    assert person("Ann Winter19 Nov 2019 05:44 GMT") == "Ann Winter"


# --- Title, site, categories -------------------------------------------------------------------


def test_markdown_heading_is_the_title() -> None:
    md = page(f"* Home\n* World\n* Sports\n# City approves budget after long debate\nBy Jane Doe\n{LEAD}")
    assert md.title == "City approves budget after long debate"
    assert "heading" in md.sources["title"]


def test_title_line_gives_headline_and_site() -> None:
    md = page(
        "City approves budget after long debate - The Daily Planet\nHome\nWorld\nSubscribe\n"
        f"City approves budget after long debate\nBy Jane Doe\n{LEAD}\n{SECOND}"
    )
    assert md.title == "City approves budget after long debate"
    assert md.site_name == "The Daily Planet"


def test_pipe_suffix_and_section_part() -> None:
    md = page(
        "City approves budget after long debate | Politics | Planet News\nMenu\n"
        f"City approves budget after long debate\n{LEAD}",
        url="https://planetnews.example/politics/city-approves-budget",
    )
    assert md.title == "City approves budget after long debate"
    assert md.site_name == "Planet News"


def test_breadcrumb_glued_to_title_line() -> None:
    md = page(
        "Current:Home > MarketsBanks rally as rates hold steady -MarketWire\n"
        "Banks rally as rates hold steady\nView\nDate:2025-04-12 10:31:20\n"
        f"NEW YORK (AP) — {LEAD}\n{SECOND}"
    )
    assert md.title == "Banks rally as rates hold steady"
    assert md.site_name == "MarketWire"
    assert md.categories == ("Markets",)
    assert md.date == "2025-04-12T10:31:20"
    assert (md.agency, md.dateline) == ("AP", "NEW YORK")


def test_breadcrumb_line_above_headline() -> None:
    md = page(f"Home > World > Asia\nCity approves budget after long debate\nNovember 19, 2019\n{LEAD}")
    assert md.categories == ("World", "Asia")


def test_url_slug_picks_between_candidates() -> None:
    md = page(
        "Markets rally on strong earnings from tech giants\nNovember 19, 2019\n"
        "Storm closes schools across the northern counties\nNovember 19, 2019\n"
        f"{LEAD}",
        url="https://news.example/2019/11/19/markets-rally-strong-earnings-tech-giants/",
    )
    assert md.title == "Markets rally on strong earnings from tech giants"


def test_share_box_copy_does_not_win() -> None:
    md = page(
        "City approves budget after long debate\nBy Jane Doe\n"
        f"Share this story: City approves budget after long debate\n{LEAD}"
    )
    assert md.title == "City approves budget after long debate"


def test_site_from_copyright_matching_host() -> None:
    md = page(
        f"City approves budget after long debate\n{LEAD}\nCopyright © 2019 The Paradigm. All Rights Reserved.",
        url="http://www.theparadigmng.com/2019/11/19/city-budget/",
    )
    assert md.site_name == "The Paradigm"


def test_site_as_the_page_spells_its_host() -> None:
    md = page(
        f"Follow The Verge online:\nCity approves budget after long debate\n{LEAD}\nThe Verge homepage",
        url="https://www.theverge.com/2019/11/19/123/city-budget",
    )
    assert md.site_name == "The Verge"


def test_site_spelled_out_from_abbreviated_host() -> None:
    md = page(
        f"City approves budget after long debate\n{LEAD}\n© 2019 The New York Times Company",
        url="https://www.nytimes.com/2019/11/19/nyregion/city-budget.html",
    )
    assert md.site_name == "The New York Times"


def test_agency_copyright_under_the_story_is_not_the_site() -> None:
    md = page(f"Cod quotas cut after all-night talks\n{LEAD}\n{SECOND}\n© 2023 Thomson Reuters. All rights reserved.")
    assert md.site_name is None


def test_copyright_site_name_without_url() -> None:
    md = page(f"Cod quotas cut after all-night talks\n{LEAD}\n{SECOND}\nMore news\nContact\n© 2024 Diario La Ribera · Aviso legal")
    assert md.site_name == "Diario La Ribera"


def test_page_without_article_gets_no_site_from_copyright() -> None:
    blocks = blocks_of("Harbor Town Gazette\nSign In\nPassword\n© 2024 Harbor Town Gazette")
    assert extract_metadata(blocks, [], url=None).site_name is None


def test_site_falls_back_to_host_brand() -> None:
    md = page(f"City approves budget after long debate\n{LEAD}", url="https://venturebeat.com/2019/11/18/x-y-z/")
    assert md.site_name == "venturebeat"
    assert "URL host" in md.sources["site_name"]


# --- Agency and dateline -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("opening", "agency", "dateline"),
    [
        ("SEOUL, South Korea (AP) — South Korea’s spy agency said", "AP", "SEOUL, South Korea"),
        ("TAIPEI, Jan 9 (Reuters) - Taiwan said on Tuesday", "Reuters", "TAIPEI"),
        ("(MENAFN) South Korea's military has disclosed", "MENAFN", None),
        ("(MENAFN- Jordan Times) The ministry said", "MENAFN", None),
        ("BERLIN (dpa) - Die Regierung hat", "dpa", "BERLIN"),
        ("(CNN) — The White House said", "CNN", None),
        ("WASHINGTON (UPI) -- Lawmakers agreed", "UPI", "WASHINGTON"),
        ("MADRID — Rafael Nadal kept Spain's hopes alive", None, "MADRID"),
        ("The company (which is based in Ohio) said", None, None),
    ],
)
def test_datelines(opening: str, agency: str | None, dateline: str | None) -> None:
    found = read_opening(opening)
    assert (found.agency, found.dateline) == (agency, dateline)


def test_closing_copyright_names_agency() -> None:
    md = page(f"City approves budget after long debate\n{LEAD}\n{SECOND}\nCopyright 2019 The Associated Press. All rights reserved.")
    assert md.agency == "AP"


def test_menafn_page_has_no_title_date_or_site() -> None:
    md = page(f"(MENAFN) {LEAD}\n\n{SECOND}")
    assert (md.title, md.date, md.site_name, md.categories) == (None, None, None, ())
    assert (md.agency, md.dateline) == ("MENAFN", None)


# --- Language ----------------------------------------------------------------------------------


def test_language_of_body() -> None:
    assert page(f"Home\n{LEAD}\n{SECOND}").language == "en"
    assert page(f"Startseite\n{GERMAN}").language == "de"


def test_language_hint_and_switch() -> None:
    assert page(f"{LEAD}", language="fr").language == "fr"
    assert page(f"{LEAD}", detect_lang=False).language is None


def test_empty_input() -> None:
    md = extract_metadata([], [], url=None)
    assert md == Metadata(sources={})


def test_url_is_returned_and_parsed_safely() -> None:
    assert page(LEAD, url="https://example.com/a").url == "https://example.com/a"
    assert parse_url("http://[::1").host == ""  # malformed: no exception


# --- Never raises ------------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=600), st.one_of(st.none(), st.text(max_size=60)))
def test_never_raises_on_any_text(text: str, url: str | None) -> None:
    blocks = blocks_of(text)
    body = blocks[len(blocks) // 2 :]
    md = extract_metadata(blocks, body, url=url)
    assert isinstance(md, Metadata)
    assert "error" not in md.sources


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from([
    "By JANE DOE", "Updated 1:39 am EST", "(AP) —", "© 2019", "Home > News", "# Title - Site",
    "Nov. 18, 2019", "31.02.2019", "Date:", "by", "", "SEOUL (Reuters) -", "Current:Home >",
]), max_size=12))
def test_never_raises_on_header_fragments(lines: list[str]) -> None:
    blocks = blocks_of("\n".join(lines))
    md = extract_metadata(blocks, blocks[-1:], url="https://x.example/2019/02/31/a-b-c")
    assert "error" not in md.sources


@pytest.mark.parametrize(
    ("first_line", "title", "site"),
    [
        ("Doobie Brothers to reunite for summer show - cleveland.comSkip to ArticleMenuHomeNews›‹Back To "
         "Main MenuMetroAkron NewsThe Plain DealerWeatherHealth & MedicalCrime",
         "Doobie Brothers to reunite for summer show", "cleveland.com"),
        ("Alibaba to raise billions in Hong Kong listing : CityAM          Latest NewsOpinionPodcastThe "
         "ClubMagazine          HomeLatest NewsOpinionBusinessBanking",
         "Alibaba to raise billions in Hong Kong listing", "CityAM"),
        ("Council approves new budget - The Daily Courier", "Council approves new budget", "The Daily Courier"),
    ],
)
def test_title_line_with_the_page_glued_onto_its_site_name(first_line: str, title: str, site: str) -> None:
    """get_text() without a separator glues the first menu onto the <title> line's site name;
    with no other copy of the headline on the page, the line still gives headline and site."""
    from cleaner.metadata.titleline import split_title_line

    assert split_title_line(Block(0, first_line, 0, len(first_line), 1)) == (title, site)
    assert split_title_line(Block(0, "TechCrunch Disrupt starts - TechCrunch", 0, 38, 1)) == ("TechCrunch Disrupt starts", "TechCrunch")


def test_a_labelled_date_glued_into_a_long_line_of_chrome_is_the_pages_date() -> None:
    """Text nodes joined without a separator glue the header's "Posted:" date to the menus and
    the byline; the capitalised label still marks it, where an unlabelled date in a long line is
    an event in a paragraph."""
    chrome = ("HomeNewsReviewsVideosDealsWiki GuidesEventsSearchPlayStationXboxNintendoPCMobileTechComics"
              "MoviesTVDaily Deals: Controllers Go Live TodayBy Eric Song, IGN Staff")
    md = page(f"City approves budget after long debate\n{chrome}Updated: 18 Nov 2019 9:38 pm"
              f"Posted: 18 Nov 2019 8:11 pmWant more deals? Join the Deals Newsletter.\n{LEAD}\n{SECOND}")
    assert md.date == "2019-11-18T20:11:00"
    event = ("The council first met to discuss the plan on a cold morning in the old town hall, and it "
             "came back to it again and again over the following months, until the vote that finally "
             "settled the matter was held on 3 March 2019 in front of a crowd of residents who had "
             "waited all day for it.")
    assert page(f"City approves budget after long debate\n{event}\n{LEAD}").date is None


def test_an_images_alt_text_in_brackets_is_not_the_headline() -> None:
    """inscriptis prints an image's alt text in brackets, often the headline again, right above
    the story: the bracketed line is no headline, the plain one is."""
    import cleaner

    headline = "The new electric wagon is a weird sports car with a secret message"
    menu = "\n".join(f"  * [{w}](https://www.example.com/topics/{w.lower()}/)" for w in
                     ("Tech", "Cars", "Gaming", "Entertainment", "Science", "Reviews", "Columns"))
    dump = (
        f"{menu}\n            Search\n\n        {headline}\n\n"
        "              [Chris Davies](https://www.example.com/author/chris/) - Nov 19, 2019, 10:31 pm CST\n"
        f"        [ 0 ](#comments)\n\n      [{headline}]\n\n        {LEAD}\n\n        {SECOND}\n\n        {LEAD}\n"
    )
    assert cleaner.clean(dump).title == headline


def test_a_byline_glued_between_other_text_nodes() -> None:
    """get_text() without a separator: "...Go Live TodayBy Eric Song, IGN StaffUpdated: ..."; a
    capital "By" straight after a letter is a byline, and it ends where the next node starts."""
    md = page(
        "Daily deals go live today\n"
        "FacebookTwitterCommentsPrintEmailBy Jonathan GarberFOXBusinessclosevideo\n"
        f"{LEAD}\n{SECOND}"
    )
    assert md.authors == ("Jonathan Garber",)
    assert page(f"Daily deals go live today\nStand ByMe Records\n{LEAD}").authors == ()


def test_a_text_browsers_feed_links_are_not_the_site_name() -> None:
    """lynx lists the page's <link rel> feeds first ("#[1]alternate [2]Site » Feed dei commenti"):
    a <title>-like line whose parts are feed links names no site."""
    import cleaner

    dump = ("   #[1]alternate [2]alternate [3]Remember 80/90 » Feed dei commenti\n\n"
            f"The new electric wagon is a weird sports car with a secret message\n\n{LEAD}\n\n{SECOND}\n")
    assert cleaner.clean(dump).site_name is None


def test_combining_marks_table_holds_every_combining_mark_unicode_has() -> None:
    """The accent-stripping table scans only planes 0 and 1; this Python's Unicode database must
    put no combining mark above them, or words with such a mark would keep it."""
    import sys
    import unicodedata

    from cleaner.metadata.common import _combining_marks, words

    every = {cp for cp in range(sys.maxunicode + 1) if unicodedata.combining(chr(cp))}
    assert set(_combining_marks()) == every
    assert words("Classificação do Brasileirão") == ["classificacao", "do", "brasileirao"]


def test_dates_remembered_for_one_document_only() -> None:
    # The line cache serves the steps of one page; a second page must not find the first one's
    # lines in it (a benchmark of several renderings of each page would otherwise run faster
    # than a stream of new pages).
    from pathlib import Path

    from cleaner import clean
    from cleaner.metadata.dates import _find_dates

    samples = Path(__file__).resolve().parents[1] / "samples"
    first = (samples / "ap-wire-wildfire.txt").read_text(encoding="utf-8")
    second = (samples / "reuters-style-rates.txt").read_text(encoding="utf-8")
    clean(first)
    clean(second)
    after_both = _find_dates.cache_info().currsize
    _find_dates.cache_clear()
    clean(second)
    assert after_both == _find_dates.cache_info().currsize > 0


_MONTH_TEXT = st.lists(
    st.one_of(
        st.sampled_from(sorted(MONTHS)),
        st.sampled_from(["MAY", "Sept.", "APRİL", "aprıl", "ſep", "ᲂктября", " ", ". ", "18", "2019", ", "]),
        st.text(alphabet="abjmnorstuyäéİıſ .,-0123", max_size=4),
    ),
    max_size=8,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_MONTH_TEXT)
def test_month_trie_matches_like_the_plain_alternation(text: str) -> None:
    # The trie is an optimisation only: the same matches as the longest-first alternation.
    from cleaner.metadata.common import word_alternation

    plain = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
    for form in (r"(?<![\w.])(?P<m>{})\.?\s+\d", r"\d\s*(?P<m>{})", r"(?P<m>{})"):
        slow = re.compile(form.format(plain), re.IGNORECASE)
        fast = re.compile(form.format(word_alternation(MONTHS)), re.IGNORECASE)
        assert [m.span("m") for m in slow.finditer(text)] == [m.span("m") for m in fast.finditer(text)]


def test_case_traps_are_the_characters_lower_does_not_fold_to_a_month_letter() -> None:
    # `_first_month` searches the lower-cased line: any character the case-insensitive patterns
    # match to a month's letter but str.lower() does not turn into that letter must be a trap.
    import sys

    from cleaner.metadata.dates import _CASE_TRAPS

    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    traps = {
        c for x in set("".join(MONTHS)) for c in re.findall("(?i)" + re.escape(x), every) if c.lower() != x
    }
    assert traps == set(_CASE_TRAPS)


@settings(max_examples=300, deadline=None)
@given(_MONTH_TEXT)
def test_month_first_dates_start_at_or_after_the_first_month(text: str) -> None:
    from cleaner.metadata.dates import _PATTERNS, _YEAR_LESS, _first_month

    for kind, pattern in list(_PATTERNS) + [_YEAR_LESS]:
        if kind in ("mdy", "md"):
            assert all(m.start() >= _first_month(text) for m in pattern.finditer(text))
