"""Text-browser renderings (lynx -dump, w3m -dump): what the browser adds to or changes in a page,
on small invented pages written the way the browsers print them."""

from __future__ import annotations

import pytest

import cleaner

# An invented story as `lynx -dump -width=80` prints it: body indented three spaces, headings at
# the margin, numbered links, and the URL list after the page.
LYNX_STORY = """\
   [1]Skip to content
     * [2]News
     * [3]Sport

Harbour Bridge to Close for Repairs Over the Summer Holidays

   By [4]Maria Lopez

   The harbour bridge will close to traffic for six weeks from July, the
   city's transport office said on Monday, while engineers replace the
   steel joints that carry the deck over the river.

   Buses will be diverted over the old town bridge, and the ferry between
   the two piers will run every ten minutes instead of every half hour
   for as long as the works last, officials said.

   Shop owners on the north bank said they feared losing customers during
   the busiest weeks of the year, and asked the city for a reduction in
   their rates while the bridge is shut.

References

   Visible links:
   1. https://news.example.com/#content
   2. https://news.example.com/news/
   3. https://news.example.com/sport/
   4. https://news.example.com/authors/maria-lopez-and-the-harbour-bridge-team-on-the-river/
"""


def test_lynx_reference_list_is_not_text() -> None:
    article = cleaner.clean(LYNX_STORY)
    assert "https://" not in article.text
    assert "Visible links:" not in article.text
    assert article.text.startswith("The harbour bridge will close")
    removed = {r.text: r.rule for r in article.removed}
    assert removed["References"] == "link_references"
    assert removed["1. https://news.example.com/#content"] == "link_references"


def test_a_references_heading_without_lynx_sub_lists_is_kept_to_the_classifier() -> None:
    dump = LYNX_STORY.split("References")[0] + "References\n\n   Smith, J. (2019). Bridges of the north. Harbour Press.\n"
    removed = {r.text: r.rule for r in cleaner.clean(dump).removed}
    assert removed.get("References") != "link_references"


def test_lynx_deep_list_markers_are_bullets_not_headings() -> None:
    from cleaner.readers.text import read_blocks

    dump = "     * [1]Food\n          + [2]Baking\n               o [3]Bread\n                    # [4]Cakes & Cupcakes\n                         @ [5]Icing\n"
    blocks = read_blocks(dump)
    assert [(b.text, b.marker, b.heading) for b in blocks[3:]] == [("Cakes & Cupcakes", "#", 0), ("Icing", "@", 0)]


def test_lynx_link_rel_list_is_no_heading() -> None:
    from cleaner.readers.text import read_blocks

    dump = "   #[1]Harbour News » Feed [2]Harbour News » Bridge to Close Comments Feed\n\n# A real markdown heading\n"
    first, second = read_blocks(dump)
    assert first.heading == 0 and first.marker == "#"
    assert second.heading == 1


def test_lynx_feed_list_is_not_read_as_the_page_title() -> None:
    """The feed titles at the top of a lynx dump repeat the site name: its logo line is no
    headline that the prose above it would be discounted against."""
    from cleaner.classify import _headline_index
    from cleaner.config import Config
    from cleaner.readers.text import read_blocks
    from cleaner.rules import GENERIC_RULES, Page

    dump = (
        "   #[1]Harbour News Daily » Feed [2]Harbour News Daily » Comments Feed\n\n"
        + LYNX_STORY.split("References")[0].replace("     * [2]News", "   [9]Harbour News Daily\n\n     * [2]News")
    )
    page = Page(dump, read_blocks(dump), Config())
    for rule in GENERIC_RULES:
        rule.apply(page)
    assert page.blocks[2].rule == "repeated_title"
    assert _headline_index(page.blocks) is None


def test_lynx_margin_lines_are_headings_and_a_wrapped_headline_is_one_block() -> None:
    from cleaner.readers.text import read_blocks

    dump = LYNX_STORY.replace(
        "Harbour Bridge to Close for Repairs Over the Summer Holidays",
        "Harbour Bridge to Close for Repairs Over the Summer Holidays, the City's Transport\nOffice Says",
    )
    blocks = read_blocks(dump)
    headline = next(b for b in blocks if b.text.startswith("Harbour Bridge"))
    assert headline.text.endswith("Transport Office Says") and headline.heading == 2
    assert not any(b.heading for b in blocks if b.indent)  # paragraphs and the byline are no headings
    article = cleaner.clean(dump)
    assert article.title == "Harbour Bridge to Close for Repairs Over the Summer Holidays, the City's Transport Office Says"


def test_margin_lines_of_an_unindented_dump_are_no_headings() -> None:
    """w3m and most scrapers print paragraphs at the margin too: there it says nothing."""
    from cleaner.readers.text import read_blocks

    dump = "\n".join(line.strip() for line in LYNX_STORY.split("References")[0].splitlines())
    assert not any(b.heading for b in read_blocks(dump))


# The same kind of page as `w3m -dump` prints it: no <title> line, everything at the margin; the
# headline is a question, which the classifier reads as a line of prose.
W3M_STORY = """\
Harbour News
• News
• Sport
Last updated: 12 March 2024

Will the harbour bridge be closed all summer?

The harbour bridge will close to traffic for six weeks from July, the city's transport office
said on Monday, while engineers replace the steel joints that carry the deck over the river.

Buses will be diverted over the old town bridge, and the ferry between the two piers will run
every ten minutes instead of every half hour for as long as the works last, officials said.

Shop owners on the north bank said they feared losing customers during the busiest weeks of
the year, and asked the city for a reduction in their rates while the bridge is shut.
"""


def test_headline_the_classifier_kept_is_taken_out_of_the_body() -> None:
    article = cleaner.clean(W3M_STORY, url="https://news.example.com/2024/03/will-harbour-bridge-be-closed-all-summer/")
    assert article.title == "Will the harbour bridge be closed all summer?"
    assert article.text.startswith("The harbour bridge will close")
    assert {r.text: r.rule for r in article.removed}[article.title] == "repeated_title"


def test_a_question_opening_the_story_stays_without_evidence_it_is_the_headline() -> None:
    article = cleaner.clean(W3M_STORY, url="https://news.example.com/2024/03/12/story-48213.html")
    assert article.text.startswith("Will the harbour bridge be closed all summer?")


def test_lynx_lines_join_only_where_lynx_wrapped_them() -> None:
    """lynx lays inline links out itself: a short line ends its element, even when the next one
    starts in lower case (an image's file name), and a paragraph wraps at its own width (the
    text's right edge, a few columns short of the headings')."""
    from cleaner.readers.text import read_blocks

    teaser = "\n\nMore World\n   more-world-teaser-photo.jpg\n".replace("More World", "   More World")
    blocks = read_blocks(LYNX_STORY.split("References")[0] + teaser)
    assert [b.text for b in blocks[-2:]] == ["More World", "more-world-teaser-photo.jpg"]
    paragraph = next(b for b in blocks if b.text.startswith("The harbour bridge"))
    assert paragraph.text.endswith("carry the deck over the river.")


def test_lynx_image_file_names_are_layout_and_other_brackets_stay() -> None:
    from cleaner.readers.text import read_blocks

    dump = (
        "   [harbour-bridge-works.jpg?width=640&amp;fit=bounds&amp;height=480&amp;qu\n"
        "   ality=20] The harbour bridge will close to traffic for six weeks [from\n"
        "   mid-July], the city's transport office said [...] on Monday.\n\n"
        "   [17][menu_button.png]\n"
    )
    blocks = read_blocks(dump)
    assert [b.text for b in blocks] == [
        "The harbour bridge will close to traffic for six weeks [from mid-July], the city's transport office said [...] on Monday."
    ]


def test_site_name_from_lynx_feed_titles_before_the_url_host() -> None:
    feeds = "   #[1]Harbour Evening Gazette » Feed [2]Harbour Evening Gazette » Comments\n   Feed\n\n"
    url = "https://harbourgaz.example.org/2024/03/bridge/"
    assert cleaner.clean(feeds + LYNX_STORY, url=url).site_name == "Harbour Evening Gazette"
    nolist = feeds.replace("[1]", "").replace("[2]", "")
    assert cleaner.clean(nolist + LYNX_STORY, url=url).site_name == "Harbour Evening Gazette"
    once = "   #[1]Harbour Evening Gazette » Feed [2]alternate\n\n"  # a name printed once proves nothing
    assert cleaner.clean(once + LYNX_STORY, url=url).site_name != "Harbour Evening Gazette"


def test_a_logo_printed_on_every_bar_counts_once_for_the_site_name() -> None:
    """w3m and lynx print a logo's alt text ("HarbourNews.com") in the header, the menus and the
    footer; the page's running text calls itself "Harbour News"."""
    logo = "HarbourNews.com\n\n"
    story = W3M_STORY.replace(
        "officials said.", "officials told Harbour News. Harbour News asked the operator for the timetable."
    )
    dump = logo + story + "\n" + logo + "About Harbour News\n\n" + logo * 3
    article = cleaner.clean(dump, url="https://harbournews.com/2024/03/12/bridge/")
    assert article.site_name == "Harbour News"


def test_w3m_image_file_names_are_removed_as_lines_and_brackets_in_text_stay() -> None:
    dump = W3M_STORY.replace(
        "Buses will be diverted",
        "[harbour-bridge-works-2]\n\nbridge-joint.jpgbridge-joint.jpg\n\n[…]\n\nBuses will be diverted",
    )
    article = cleaner.clean(dump)
    removed = {r.text: r.rule for r in article.removed}
    assert removed["[harbour-bridge-works-2]"] == "image_names"
    assert removed["bridge-joint.jpgbridge-joint.jpg"] == "image_names"
    assert removed.get("[…]") != "image_names"
    assert "[" not in article.text.replace("[…]", "")


def test_lynx_rule_line_is_not_wrapped_onto_the_paragraph_above() -> None:
    """An <hr> ("____" further in than the text) after a short last line is its own element."""
    from cleaner.readers.text import read_blocks

    dump = LYNX_STORY.split("References")[0] + "   The works start in July.\n     " + "_" * 66 + "\n"
    blocks = read_blocks(dump)
    assert blocks[-2].text == "The works start in July."


def test_lynx_layout_is_read_from_the_text_when_wide_lines_hide_the_wrap_width() -> None:
    """Tables and link lists lynx prints wider than the text make a reading of all lines find no
    wrap width; the indented text still shows it."""
    from cleaner.readers.text import read_blocks

    table = "".join(f"      Row {k} | " + "cell " * (14 + 2 * k) + "\n" for k in range(4))
    dump = LYNX_STORY.split("References")[0].replace("   By [4]Maria Lopez\n", "   By [4]Maria Lopez\n\n" + table)
    blocks = read_blocks(dump)
    assert next(b for b in blocks if b.text.startswith("Harbour Bridge")).heading == 2
    assert next(b for b in blocks if b.text.startswith("Buses will be")).text.endswith("officials said.")


@pytest.mark.parametrize("sep", [" ", ""], ids=["spaced", "glued"])
def test_an_image_alt_text_printed_twice_is_removed(sep: str) -> None:
    """Alt and title text one after the other; w3m may print them with no space between."""
    alt = "Engineers inspect the bridge joints #harbour"
    dump = W3M_STORY.replace("Buses will be diverted", f"{alt}{sep}{alt}\n\nBuses will be diverted")
    article = cleaner.clean(dump)
    assert {r.text: r.rule for r in article.removed}[f"{alt}{sep}{alt}"] == "doubled_label"
    assert "Buses will be diverted" in article.text and "Shop owners" in article.text


def test_a_flattened_run_opening_on_a_credit_label_is_no_caption() -> None:
    """On a page flattened to one line a piece can open on a credit and go on into the story."""
    run = (
        "Image Copyright @harbourcity @harbourcity Report The bridge will close to traffic for six "
        "weeks from July, the city's transport office said on Monday, while engineers replace the joints."
    )
    dump = W3M_STORY.replace("Buses will be diverted", f"{run}\n\nBuses will be diverted")
    assert run not in {r.text for r in cleaner.clean(dump).removed}


# A lynx page whose lead photo stands above the headline: its caption, a long line closing on
# the credit, is the first block the classifier keeps (the story of LYNX_STORY, run longer).
LYNX_CAPTION_FIRST = """\
     * [1]News
     * [2]Sport

   [3]Search ____________________ Submit
   The mayor, Elena Marsh, the transport officer, Tom Reed, and the chief
   engineer, Ana Ruiz, walk across the harbour bridge during an inspection
   of the steel joints in the town of Porthaven, March 3, 2024. Ana Ruiz/Pool
   via HARBOUR NEWS

Harbour Bridge to Close for Repairs

   © HARBOUR NEWS / POOL
   [4]Transport
   21:17 12.03.2024Short link
   by [5]Maria Lopez

""" + LYNX_STORY[LYNX_STORY.index("   The harbour bridge will close") : LYNX_STORY.index("References")] + """\
   The bridge was opened in 1932 and last closed for a full repair in the
   spring of 1988, when the works took almost three months to complete
   and traffic on the old town bridge came to a standstill most mornings.

   Engineers said the steel joints had worn faster than expected because
   of the heavy lorries that have used the crossing since the new port
   opened, and that the works could not be put off another year.

   The city council will meet on Thursday to vote on a package of help
   for the shops on the north bank, including a cut in parking charges
   and a free shuttle bus between the two piers on Saturdays.

   A spokesman for the ferry company said extra boats had been hired from
   a firm on the coast, and that tickets bought for the bridge buses would
   also be valid on the ferries for the whole of the closure.

   Cyclists and people on foot will still be able to cross the bridge on
   the east walkway, which will stay open except for two weekends in July
   when the cranes lift the new joints into place.

   Residents who want to comment on the plans can write to the transport
   office until the end of the month, or come to one of the three public
   meetings that will be held in the town hall during April.
"""


def test_a_lead_caption_above_the_headline_is_no_story_text() -> None:
    article = cleaner.clean(LYNX_CAPTION_FIRST, url="https://news.example.com/2024/03/12/story-48213.html")
    assert article.title == "Harbour Bridge to Close for Repairs"
    assert "The mayor, Elena Marsh" not in article.text and "The harbour bridge will close" in article.text


def test_a_long_first_block_ending_on_a_full_stop_is_read_as_a_paragraph() -> None:
    dump = LYNX_CAPTION_FIRST.replace("via HARBOUR NEWS\n", "via HARBOUR NEWS.\n")
    article = cleaner.clean(dump, url="https://news.example.com/2024/03/12/story-48213.html")
    assert article.text.startswith("The mayor, Elena Marsh")


def test_a_figure_label_credit_and_caption_printed_as_one_line_are_removed() -> None:
    """lynx prints a figure's credit label, its credit and its caption as one run, right below
    the paragraph (get_text("\\n") gives each its line); an embedded post's alt text closes on
    the same label."""
    figures = (
        "   Image copyright City Archive Image caption The old ferry pier, rebuilt in\n"
        "   1998, seen from the east walkway\n"
        "   [9]Image Copyright @harbourcity @harbourcity\n"
        "   Social post by @harbourcity: The harbour bridge closes to traffic on 1\n"
        "   July for six weeks. Plan your trip ahead. Image Copyright @harbourcity\n"
        "   @harbourcity\n"
    )
    dump = LYNX_CAPTION_FIRST.replace("over the river.\n", "over the river.\n" + figures)
    article = cleaner.clean(dump)
    reasons = [r.reason for r in article.removed if r.rule == "captions"]
    assert reasons == ["photo credit and caption on one line"] * 2 + ["caption ending with its credit label"]
    assert "ferry pier, rebuilt" not in article.text and "@harbourcity" not in article.text
    assert "Buses will be diverted" in article.text and "Residents who want to comment" in article.text


def test_lynx_form_fields_and_rules_are_removed_as_drawn_lines() -> None:
    field = "   [7]Search ____________________ Submit\n"
    rule = "   " + "_" * 66 + "\n"
    dump = LYNX_STORY.replace("\nHarbour Bridge", "\n   ____________________\n" + field + "\nHarbour Bridge")
    dump = dump.replace("\nReferences", "\n" + rule + "\nReferences")
    removed = {r.text: r.rule for r in cleaner.clean(dump).removed}
    assert removed["____________________"] == removed["_" * 66] == "drawn_lines"
    assert removed.get("Search ____________________ Submit") != "drawn_lines"


def test_lynx_line_broken_inside_a_paragraph_goes_on_when_it_fills_the_width() -> None:
    """A <br> after a bold lead-in ("About Harbour News" / "harbour news is ..."): the next line
    starts in lower case and is a full line of the paragraph, so it continues the element; a
    short lower-case label below a line stays a block of its own."""
    from cleaner.readers.text import read_blocks

    about = (
        "\n   About Harbour News\n"
        "   harbour news is an independent paper for the towns around the bay, with\n"
        "   reporters in each of the four ports and a weekly print edition.\n"
        "\n   Harbour Bridge to Close\n   updated 15M ago\n"
    )
    blocks = read_blocks(LYNX_STORY.split("References")[0] + about)
    assert blocks[-3].text.startswith("About Harbour News harbour news is an independent paper")
    assert [b.text for b in blocks[-2:]] == ["Harbour Bridge to Close", "updated 15M ago"]


def test_an_interface_word_below_a_finished_sentence_is_no_wrapped_word() -> None:
    """An ad slot's label printed right below a paragraph that ends near the width reads like
    a word wrapped onto the next line; after a sentence end an interface word alone, or an
    image's file name, is its own element. A wrapped word after no sentence end still joins."""
    from cleaner.readers.text import read_blocks

    story = W3M_STORY.replace(
        "said on Monday, while engineers replace the steel joints that carry the deck over the river.",
        "said on Monday, while engineers replace the joints that carry the deck over it.\nADVERTISEMENT",
    )
    texts = [b.text for b in read_blocks(story)]
    assert "ADVERTISEMENT" in texts
    assert any(t.endswith("the joints that carry the deck over it.") for t in texts)
    photo = story.replace("\nADVERTISEMENT", "\nbridge-joint.jpg bridge-joint.jpg")
    assert "bridge-joint.jpg bridge-joint.jpg" in [b.text for b in read_blocks(photo)]
    wrapped = story.replace("over it.\nADVERTISEMENT", "over the very old\nrailway")
    assert any(b.text.endswith("over the very old railway") for b in read_blocks(wrapped))


def test_an_image_alt_text_with_file_name_words_is_no_headline() -> None:
    """w3m prints a lead image's alt text, here with its file name's words ("H.B.W._Ana"),
    between the byline and the story, where get_text() prints nothing: it is no headline."""
    dump = W3M_STORY.replace(
        "Will the harbour bridge be closed all summer?\n",
        "Harbour Bridge Repairs Begin\n\nBy admin - 2024-03-12\n\nHarbour Bridge Repairs 2024 2025 H.B.W._Ana Ruiz Design\n",
    )
    assert cleaner.clean(dump).title == "Harbour Bridge Repairs Begin"
