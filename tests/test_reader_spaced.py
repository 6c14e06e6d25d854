"""Pages joined with a space between text nodes (get_text(" ")): paragraphs on one source line."""

from __future__ import annotations

import cleaner
from cleaner.readers.spaced import seam_cuts, spaced_page
from cleaner.readers.text import read_blocks

# An invented page as BeautifulSoup's get_text(" ") renders it: the source's line breaks stay,
# every text node is followed by a space, and the paragraphs written on one source line run on.
SPACED_PAGE = (
    " Harbour tunnel opens after six years - Coastline Courier \n"
    "\n"
    "   Home   News   Sports   Weather \n"
    "   Updated :  Nov 18, 2019 09:40 AM    | Source:  Coastline Courier   Harbour tunnel opens after six years \n"
    "   By  Maria Olsen \n"
    "   The new harbour tunnel opened to traffic on Monday morning, six years after the first "
    "shovel went into the ground and two years later than planned.   Drivers queued from dawn to "
    "be among the first through, and the city's mayor cut a ribbon at the southern portal.   "
    "Officials said the  tunnel  would cut the crossing from forty minutes to six. \n"
    "   The project cost 1.2 billion dollars, a third more than the first estimate, after the "
    "contractor hit soft rock under the old quay.   All... \n"
    "   Related Stories \n"
)


def test_a_spaced_page_is_recognised_and_others_are_not() -> None:
    assert spaced_page(SPACED_PAGE)
    assert not spaced_page("A sentence ends here.  Two spaces are an inline link's.\n")
    assert not spaced_page("Name      Price\nApples    1.20\n")  # a table laid out with spaces


def test_paragraphs_are_cut_apart_but_an_inline_link_is_not() -> None:
    line = "than planned.   Drivers queued, said the  tunnel  would help."
    assert seam_cuts(line, glued=False) == [line.index("Drivers")]
    assert seam_cuts(line, glued=True) == [line.index("Drivers")]
    assert seam_cuts("PUBLISHED:    10:48, Nov 18, 2019", glued=False) == []


def test_header_pieces_are_blocks_of_their_own() -> None:
    texts = [b.text for b in read_blocks(SPACED_PAGE)]
    assert "Updated : Nov 18, 2019 09:40 AM" in texts
    assert "Harbour tunnel opens after six years" in texts
    assert any(t.startswith("Drivers queued from dawn") for t in texts)
    assert "All..." in texts


def test_the_article_keeps_its_paragraphs_and_drops_the_teaser_mark() -> None:
    article = cleaner.clean(SPACED_PAGE)
    assert "Drivers queued from dawn" in article.text
    assert "contractor hit soft rock" in article.text
    assert article.date is not None and article.date.startswith("2019-11-18")


# The same kind of page with all its markup on one source line: get_text(" ") gives one line.
MENU = "   ".join(["Home", "Recipes", "Garden", "Travel", "Family & Life", "Crafts", "Contact"] * 12)
ONE_LINE_PAGE = (
    " Our weekend in the dunes - Sandy Toes Blog   " + MENU + "   Travel   Our weekend in the dunes   "
    "by  Ellen Park   June 3, 2018   written by  Ellen Park   We drove out on Friday after work and "
    "reached the campsite just before dark, with the wind picking up over the water.   The next "
    "morning the children ran straight for the highest dune and slid down it on cardboard until "
    "lunch.   We will go back next summer, and this time we will bring a proper kite. \n"
)


def test_an_over_long_spaced_line_is_cut_at_its_seams_and_the_pieces_stay_apart() -> None:
    texts = [b.text for b in read_blocks(ONE_LINE_PAGE)]
    assert "by Ellen Park" in texts  # not joined to the headline as a sentence going on
    assert "June 3, 2018" in texts
    article = cleaner.clean(ONE_LINE_PAGE)
    assert article.date is not None and article.date.startswith("2018-06-03")
    assert "Ellen Park" in article.authors
    assert article.text.startswith("We drove out on Friday")


# The <title> written on the same source line as the page header: get_text(" ") runs them on.
TITLE_RUN_ON_PAGE = (
    "Harbour tunnel opens after six years - Coastline Courier Coastline Courier Logo Monday , November 18 "
    + " ".join(["Home News Sports Weather Opinion Business Obituaries Transport Region Politics"] * 4)
    + " Harbour tunnel opens after six years By Maria Olsen , Staff Writer Updated: 18 Nov 2019 9:40 am \n"
    "The new harbour tunnel opened to traffic on Monday morning, six years after the first shovel went "
    "into the ground and two years later than planned. \n"
    "Drivers queued from dawn to be among the first through, and the city's mayor cut a ribbon at the "
    "southern portal. \n"
    "Officials said the tunnel would cut the crossing from forty minutes to six, and that tolls would "
    "be waived for its first month. \n"
)


def test_a_title_line_run_on_into_the_header_is_cut_like_an_over_long_line() -> None:
    assert 300 < len(TITLE_RUN_ON_PAGE.split("\n")[0]) < 2500
    texts = [b.text for b in read_blocks(TITLE_RUN_ON_PAGE)]
    assert texts[0] == "Harbour tunnel opens after six years - Coastline Courier"
    article = cleaner.clean(TITLE_RUN_ON_PAGE)
    assert article.title == "Harbour tunnel opens after six years"
    assert article.text.startswith("The new harbour tunnel opened")
