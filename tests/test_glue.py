"""Text nodes glued together by get_text() with no separator / lxml's text_content()."""

from __future__ import annotations

import cleaner
from cleaner.readers.glue import glue_cuts, glued_page
from cleaner.readers.text import read_blocks

# An invented page as BeautifulSoup's get_text() (no separator) renders it: the source's own
# line breaks stay, elements with no whitespace between them in the HTML run together.
GLUED_PAGE = (
    "Harbour tunnel opens after six years | Coastline Courier\n"
    "\n"
    "     \n"
    "Skip to contentSubscribeLog In\n"
    "HomeNewsSportsOpinionBusinessWeatherObituaries\n"
    "NewsRegionPoliticsEducationHealthTransport\n"
    "TransportHarbour tunnel opens after six years\n"
    "By Maria Olsen and Tom BakerNov. 18, 2019Updated 9:40 a.m.\n"
    "The new harbour tunnel opened to traffic on Monday morning, six years after the first "
    "excavators arrived and two years later than the city had promised when the project began.\n"
    "Drivers lined up before dawn to be among the first through, and the mayor cut a ribbon at "
    "the northern portal while a brass band played to a crowd of several hundred people.\n"
    "The tunnel cost about $1.2 billion, paid for by the city, the state and a toll that the "
    "operator, a unit of SoftBank, will collect for thirty years, officials said on Monday.\n"
    "Commuters who tried it said the trip from the ferry terminal to the MacBook repair shop "
    "district now took four minutes instead of twenty, and that the lighting was pleasant.\n"
    "Most ReadCouncil approves budgetSchool board race tightensFerry fares rise in March\n"
    "AboutContact UsCareersAdvertisePrivacy PolicyTerms of Use\n"
)


def test_a_glued_page_is_recognised_and_a_separating_renderer_is_not() -> None:
    assert glued_page(GLUED_PAGE)
    # get_text("\n") of the same page: every element on a line of its own, a few menus glued
    # by the page's own HTML are no sign of a glued rendering.
    separated = "\n".join(["Home", "News", "Sports", "Opinion", "Business", "Weather"] * 4
                          + ["MoreSectionsHereLater", "FerryFaresRiseAgain", "TideTablesForToday"]
                          + ["The new harbour tunnel opened to traffic on Monday morning."] * 5)
    assert not glued_page(separated)


def test_seams_are_cut_but_names_are_not() -> None:
    def pieces(line: str) -> list[str]:
        edges = [0, *glue_cuts(line), len(line)]
        return [line[a:b] for a, b in zip(edges, edges[1:])]

    assert pieces("HomeNewsSportsOpinion") == ["Home", "News", "Sports", "Opinion"]
    assert pieces("TransportHarbour tunnel opens") == ["Transport", "Harbour tunnel opens"]
    assert pieces("By Maria Olsen and Tom BakerNov. 18, 2019") == ["By Maria Olsen and Tom Baker", "Nov. 18, 2019"]
    assert pieces("tunnel opens after six yearsSkip to content") == ["tunnel opens after six years", "Skip to content"]
    assert pieces("REUTERSColumnists21:17 18.11.2019Get short URL") == ["REUTERS", "Columnists", "21:17 18.11.2019", "Get short URL"]
    assert pieces("Get short URLby Ann Lee") == ["Get short URL", "by Ann Lee"]
    assert pieces("By Jon GarberFOXBusiness") == ["By Jon Garber", "FOX", "Business"]
    assert pieces("Friday 11:40AMHealthA Man Fell Ill") == ["Friday 11:40AM", "Health", "A Man Fell Ill"]
    assert pieces("by Ann Winter19 Nov 2019 05:44 GMT") == ["by Ann Winter", "19 Nov 2019 05:44 GMT"]
    assert pieces("book review21/06/2014 Tony Carter") == ["book review", "21/06/2014 Tony Carter"]
    assert pieces("ACME INC.11.40-1.62-1.41%The retailer") == ["ACME INC.11.40-1.62-1.41%", "The retailer"]
    assert pieces("opens by early 2020sPublished Tue, Nov 19") == ["opens by early 2020s", "Published Tue, Nov 19"]
    assert pieces("Tue, Nov 19 20198:05 AM EST") == ["Tue, Nov 19 2019", "8:05 AM EST"]
    for name in ("a new MacBook", "McDonald said", "the WeWork deal", "AirPods and iPhone", "on YouTube today",
                 "see TheHill.com", "follow @MariaOlsen", "#legalAcceptanceForm", "the UpDate app",
                 "score 20194:29 in total"):
        assert glue_cuts(name) == [], name


def test_glued_pieces_are_blocks_of_their_own() -> None:
    texts = [b.text for b in read_blocks(GLUED_PAGE)]
    assert "Harbour tunnel opens after six years" in texts
    assert "Nov. 18, 2019" in texts
    assert {"Home", "News", "Sports", "Opinion"} <= set(texts)


def test_the_article_comes_out_without_the_glued_chrome() -> None:
    article = cleaner.clean(GLUED_PAGE)
    assert article.text.startswith("The new harbour tunnel opened")
    assert "a unit of SoftBank, will collect" in article.text
    assert "the MacBook repair shop" in article.text  # a name cut apart comes out whole
    assert "Most Read" not in article.text and "Privacy Policy" not in article.text
    assert article.title == "Harbour tunnel opens after six years"
    assert article.authors == ("Maria Olsen", "Tom Baker")
    assert article.date is not None and article.date.startswith("2019-11-18")


def test_a_headline_copy_run_on_with_other_nodes_is_cut_out() -> None:
    headline = "Harbour tunnel opens after six years"
    page = (
        f"{headline} | Coastline Courier\n"
        "HomeNewsSportsOpinionBusinessWeatherObituaries\n"
        "NewsRegionPoliticsEducationHealthTransport\n"
        "JobsHomesCarsClassifiedsPuzzles\n"
        f"Share on FacebookShare on TwitterEmail Transport: {headline} By Maria Olsen\n"
        "The new harbour tunnel opened to traffic on Monday morning, six years after the first shovel "
        "went into the ground and two years later than planned.\n"
    )
    assert glued_page(page)
    assert headline in [b.text for b in read_blocks(page)]
