"""Each generic rule on small inputs shaped like real templates: what it removes and why."""

from __future__ import annotations

import pytest

import cleaner
from cleaner.config import Config
from cleaner.readers.text import read_blocks
from cleaner.rules import GENERIC_RULES, Page

STORY = (
    "The city council voted on Tuesday to expand the bus network to the northern suburbs, a move "
    "that officials said would cut commuting times for thousands of residents by the end of next year.\n"
    "Council members argued for hours about the cost of the plan, which will be paid for in part by "
    "a new parking levy in the city centre and in part by a grant from the regional government.\n"
    "The first new routes are expected to open in the spring, and the council said it would publish "
    "a detailed timetable for the remaining lines once the contracts with operators had been signed.\n"
)


def _rule_of(removed, text):
    return next(r.rule for r in removed if r.text == text)


def run_rule(name: str, text: str) -> Page:
    page = Page(text, read_blocks(text), Config())
    next(r for r in GENERIC_RULES if r.name == name).apply(page)
    return page


def test_headline_list_after_related_heading() -> None:
    dump = STORY + "Related\n- Mayor opens new library in the east end\n- Storm closes coastal road for a second day\n"
    article = cleaner.clean(dump)
    assert "Mayor opens" not in article.text
    assert _rule_of(article.removed, "Related") == "headline_list"
    assert _rule_of(article.removed, "- Storm closes coastal road for a second day") == "headline_list"


def test_headline_list_stops_at_prose() -> None:
    page = run_rule("headline_list", "Read more\nFive things to know about the budget\n" + STORY)
    labels = [b.label for b in page.blocks]
    assert labels[:2] == ["bad", "bad"]
    assert set(labels[2:]) == {"unknown"}


def test_rating_and_share_widgets() -> None:
    article = cleaner.clean(STORY + "veryGood! (527)\nLike (12)\nShare\nTweet\nPrint\n")
    assert article.text == STORY.strip().replace("\n", "\n\n")
    rules = {r.text: r.rule for r in article.removed}
    assert rules["veryGood! (527)"] == "widgets"
    assert rules["Like (12)"] == "widgets"
    assert rules["Tweet"] == "ui_words"


def test_menafn_tag_variants_are_cut_from_the_first_paragraph() -> None:
    for tag in ("(MENAFN)", "(MENAFN- Jordan Times)", "(MENAFN - Gulf Times)"):
        article = cleaner.clean(tag + " " + STORY)
        assert article.text.startswith("The city council voted")
        assert any(r.rule == "platform_tag" and r.text == tag for r in article.removed)
        assert article.profile == "menafn"


def test_menafn_record_id_and_disclaimer() -> None:
    tail = ("MENAFN21112025000187011022ID1110299911\n\nLegal Disclaimer:\nMENAFN provides the information "
            "“as is” without warranty of any kind. We do not accept any responsibility or liability.\n")
    article = cleaner.clean("(MENAFN) " + STORY + "\n" + tail)
    assert "Legal Disclaimer" not in article.text and "MENAFN21" not in article.text
    assert "spring" in article.text


def test_breadcrumb_date_and_title_repeat() -> None:
    dump = ("Current:Home > Business Council expands bus network -CityWire\n"
            "Council expands bus network\nDate:2025-04-12 10:31:20\n" + STORY)
    article = cleaner.clean(dump)
    rules = {r.text: r.rule for r in article.removed}
    assert rules["Current:Home > Business Council expands bus network -CityWire"] == "breadcrumb"
    assert rules["Council expands bus network"] == "repeated_title"
    assert rules["Date:2025-04-12 10:31:20"] == "date_line"


def test_navigation_menu_run() -> None:
    menu = "News\nLocal\nSports\nWeather\nOpinion\nObituaries\n"
    article = cleaner.clean(menu + STORY)
    assert {r.rule for r in article.removed if r.text in menu.split()} == {"navigation"}


def test_prompts_and_copyright() -> None:
    dump = STORY + ("Sign up for our daily newsletter to get the top stories in your inbox.\n"
                    "We use cookies to improve your experience. Accept all\n"
                    "© 2025 City Herald Media. All rights reserved.\n")
    article = cleaner.clean(dump)
    assert "newsletter" not in article.text and "cookies" not in article.text and "©" not in article.text


@pytest.mark.parametrize(
    "caption",
    [
        "Commuters wait for a bus in the city centre on Tuesday. (AP Photo/Jane Roe)",
        "Commuters wait for a bus in the city centre on Tuesday (Image: CITY HERALD )",
    ],
)
def test_captions_removed_or_kept_by_config(caption: str) -> None:
    dump = STORY.replace("Council members", caption + "\nCouncil members", 1)
    assert caption not in cleaner.clean(dump).text
    assert caption in cleaner.clean(dump, keep_captions=True).text


def test_comments_after_the_article_are_not_text() -> None:
    comments = ("Comments\nJohn from Northside\n2 days ago\nThis is a great idea and it should have happened "
                "years ago, I have been waiting for a bus for far too long every single morning.\n")
    article = cleaner.clean(STORY + comments)
    assert "great idea" not in article.text
    assert _rule_of(article.removed, "Comments") in ("ui_words", "end_of_article")
    assert "spring" in article.text


def test_disabled_rule_is_not_applied() -> None:
    article = cleaner.clean(STORY + "Tweet\n", disabled_rules={"ui_words"})
    assert all(r.rule != "ui_words" for r in article.removed)


def test_non_english_prose_is_kept_and_language_detected() -> None:
    story = (
        "Der Stadtrat hat am Dienstag beschlossen, das Busnetz in die nördlichen Vororte auszubauen, "
        "was nach Angaben der Verwaltung die Fahrzeiten für Tausende Pendler deutlich verkürzen wird.\n"
        "Die Mitglieder des Rates stritten stundenlang über die Kosten, die zum Teil durch eine neue "
        "Parkgebühr in der Innenstadt und zum Teil durch einen Zuschuss des Landes gedeckt werden.\n"
    )
    article = cleaner.clean("Startseite\nPolitik\nSport\nKultur\nWetter\n" + story + "Impressum | Datenschutz\n")
    assert article.text == story.strip().replace("\n", "\n\n")
    assert article.language == "de"


def test_more_from_heading_opens_a_headline_list() -> None:
    dump = STORY + "More From the Harbour Herald\nFerry fares to rise in January\nNew lighthouse museum opens\n"
    article = cleaner.clean(dump)
    assert _rule_of(article.removed, "More From the Harbour Herald") == "headline_list"
    assert "lighthouse" not in article.text


def test_author_bio_and_about_box_close_the_story() -> None:
    bio = ("Jane Roe is a transport reporter for the City Herald, covering buses, trains and the "
           "politics of getting around.")
    about = "About Metro Transit\nMetro Transit runs the city's buses and carries 300,000 riders on a typical weekday across the region.\n"
    article = cleaner.clean(STORY + bio + "\n" + about)
    assert _rule_of(article.removed, bio) == "author_bio"
    assert "300,000 riders" not in article.text
    assert article.text.endswith("signed.")


def test_short_newsletter_line_is_a_prompt() -> None:
    article = cleaner.clean(STORY + "Get our daily Entertainment newsletter\n")
    assert _rule_of(article.removed, "Get our daily Entertainment newsletter") == "prompts"


def test_caption_label_on_its_own_line_takes_the_next_line() -> None:
    # BeautifulSoup writes the label and the caption as two text nodes, inscriptis on one line.
    split = STORY + "Image copyright\nGetty Images\nImage caption\nThe mayor at the opening of the new depot\n" + STORY
    article = cleaner.clean(split, kind="text")
    assert "Image caption" not in article.text and "the new depot" not in article.text
    assert _rule_of(article.removed, "The mayor at the opening of the new depot") == "captions"
    one_line = STORY + "\nImage caption The mayor at the opening of the new depot\n\n" + STORY
    assert "the new depot" not in cleaner.clean(one_line, kind="text").text


def test_numbers_without_a_date_are_no_date_line() -> None:
    text = "Updated: Sat 8:31 PM, Feb 17, 2018\n2019\n15:23\n5H ago\n63\n85%\n-12.99\n225.86\n6A:\n"
    page = run_rule("date_line", text)
    assert [b.rule for b in page.blocks] == ["date_line"] * 4 + [""] * 5


def test_unrendered_shortcodes_are_removed_and_brackets_in_prose_are_not() -> None:
    """WordPress shortcodes a scraper saved as text: a tag pair around a button's label, or a
    lone tag on its own line; an editor's "[sic]" inside a sentence is prose."""
    button = '[button link="https://www.example.com/reviews/submit" color="red"] Send us YOUR review[/button]'
    lone = '[caption id="attachment_4711" align="aligncenter" width="640"]'
    sic = ("The mayor wrote that the plan was \"the best we has [sic] ever seen\" in a letter to the "
           "council, which published it on Tuesday.")
    page = run_rule("shortcodes", f"{STORY}{button}\n{lone}\n{sic}\n")
    removed = {b.text for b in page.blocks if b.rule == "shortcodes"}
    assert removed == {button, lone}
    far = "[button] " + "x " * 400 + "[/button]"  # a pair 800 characters apart is no shortcode
    assert not any(b.rule == "shortcodes" for b in run_rule("shortcodes", f"{STORY}{far}\n").blocks)


def test_teaser_cards_all_link_text_are_removed() -> None:
    """html2text with links kept writes a teaser card as one link around its picture, headline,
    summary and age; a row of them runs on as one paragraph. A story paragraph with links stays."""
    import cleaner

    story = (
        "The harbour board voted on Monday to [double the mooring fees](/news/fees) for visiting yachts, "
        "saying the money would pay for new pontoons and a second fuel dock by the summer."
    )
    cards = (
        "[ ![seals.jpg\n](https://cdn.example.com/i/2019/11/20/640x360/seals.jpg#) Seals return to the "
        "harbour  A survey counted more pups than in any year since 1990, the trust said  2H ago\n"
        "](/news/seals/) [ ![ferry.jpg](https://cdn.example.com/i/ferry.jpg#) New ferry to carry twice "
        "as many cars  The county says the first sailing is planned for early spring  5H ago ](/news/ferry/)"
    )
    dump = "\n\n".join(["# Harbour fees to double", story, story.replace("Monday", "Tuesday"), "### More News", cards])
    article = cleaner.clean(dump)
    assert "Seals return" not in article.text
    assert "double the mooring fees" in article.text
    assert any(r.rule == "link_card" for r in article.removed)


def test_images_shown_by_their_alt_text_beside_markdown_links_are_removed() -> None:
    """inscriptis with display_images and display_links: "[alt][title]" lines are pictures; a
    single bracketed line (an editor's note) stays."""
    import cleaner

    story = (
        "The harbour board voted on Monday to [double the mooring fees](/news/fees) for visiting yachts, "
        "saying the money would pay for new pontoons and a second fuel dock by the summer."
    )
    note = "[This story was updated on Tuesday with comment from the yacht club.]"
    image = "[Yachts moored in the old harbour at dawn][Harbour at dawn, photographed from the pier]"
    dump = "\n\n".join(["Harbour fees to double", story, image, story.replace("Monday", "Tuesday"), note])
    article = cleaner.clean(dump)
    assert "Yachts moored" not in article.text
    assert [r.text for r in article.removed if r.rule == "image_alt"] == [image]
