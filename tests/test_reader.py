"""The dump reader: markers, headings, hard-wrap and link-fragment re-joining, spans."""

from __future__ import annotations

from cleaner.readers.text import read_blocks


def test_markers_and_headings_become_hints() -> None:
    blocks = read_blocks("# Headline here\n  * Subscribe\n        o Local news\n• Sports\n- Related story\n")
    assert [(b.text, b.marker, b.heading) for b in blocks] == [
        ("Headline here", "", 1),
        ("Subscribe", "*", 0),
        ("Local news", "o", 0),
        ("Sports", "•", 0),
        ("Related story", "-", 0),
    ]


def test_hard_wrapped_paragraphs_are_rejoined() -> None:
    para = ("Fishing ministers agreed early on Tuesday to cut cod catches in the western Baltic by a "
            "further third, the deepest cut in a decade, after talks that ran through the night in a "
            "well-known hall of the council building, where delegates argued over every figure.")
    import textwrap

    wrapped = "\n\n".join(textwrap.fill(para, 70) for _ in range(4))
    blocks = read_blocks(wrapped)
    assert [b.text for b in blocks] == [para] * 4
    assert all(b.n_lines > 1 for b in blocks)


def test_unwrapped_short_lines_stay_apart() -> None:
    blocks = read_blocks("Home\nNews\nSports\nThe council met today.\nIt approved the plan.\n")
    assert len(blocks) == 5


def test_link_fragments_are_rejoined() -> None:
    dump = "WeWork agreed to a\nrescue by its largest shareholder\n, Japanese company SoftBank, last month.\n"
    assert [b.text for b in read_blocks(dump)] == [
        "WeWork agreed to a rescue by its largest shareholder, Japanese company SoftBank, last month."
    ]


def test_spans_point_at_the_content() -> None:
    text = "  * Subscribe\n\nThe council met.\n"
    blocks = read_blocks(text)
    assert text[blocks[0].start : blocks[0].end] == "Subscribe"
    assert text[blocks[0].raw_start : blocks[0].end] == "* Subscribe"
    assert (blocks[1].line, blocks[1].blank_before) == (3, True)


def test_interface_word_after_a_headline_is_not_link_text() -> None:
    blocks = read_blocks("South Korea’s spy agency says the north shipped shells to allies\nView\n")
    assert [b.text for b in blocks] == ["South Korea’s spy agency says the north shipped shells to allies", "View"]


def test_time_zone_is_not_a_dangling_conjunction() -> None:
    # "et" is French "and", but "ET" after a time is Eastern Time: the dateline stays its own line.
    blocks = read_blocks("Nov. 18, 2019 7:04 pm ET\nIt was the shot heard around the world.\n")
    assert [b.text for b in blocks] == ["Nov. 18, 2019 7:04 pm ET", "It was the shot heard around the world."]
    french = read_blocks("Le gouvernement a présenté le budget et\nles syndicats ont protesté.\n")
    assert len(french) == 1


def test_quote_closed_on_a_comma_continues() -> None:
    # bs4 ends the line at a blockquote or emphasis that closes on a comma; the attribution follows.
    dump = "“It is a shame to see a comrade die in this way,”\nthe doctor said.\n“We will stay.”\nThey left.\n"
    assert [b.text for b in read_blocks(dump)] == [
        "“It is a shame to see a comrade die in this way,” the doctor said.",
        "“We will stay.”",
        "They left.",
    ]


def test_long_line_after_a_short_link_fragment_is_rejoined() -> None:
    # Two links in one sentence: the paragraph is already long, but its last piece ("shares") is
    # the link text, and the long line after it goes on in lower case.
    dump = (
        "Dow component Home Depot reported third-quarter\nearnings\n"
        "that topped estimates as revenue fell short, sending\nshares\n"
        "lower ahead of the opening bell. Rival Lowe's was also lower following the results.\n"
    )
    assert [b.text for b in read_blocks(dump)] == [
        "Dow component Home Depot reported third-quarter earnings that topped estimates as revenue fell "
        "short, sending shares lower ahead of the opening bell. Rival Lowe's was also lower following the results."
    ]


def test_markdown_links_read_as_their_text() -> None:
    # markdownify / html2text keep links: the reader sees the words the page showed, and the
    # spans still point into the input.
    dump = (
        "* [World](https://news.example.com/world/ \"World news\")\n"
        "* [![](https://cdn.example.com/logo.png)Business](https://news.example.com/business/)\n"
        "\n"
        "By [Maria Gomez](https://news.example.com/authors/maria-gomez), Staff Writer\n"
        "\n"
        "The council [approved the plan](https://news.example.com/2019/plan_(draft)) on Tuesday.\n"
    )
    blocks = read_blocks(dump)
    assert [b.text for b in blocks] == [
        "World",
        "Business",
        "By Maria Gomez, Staff Writer",
        "The council approved the plan on Tuesday.",
    ]
    assert dump[blocks[0].raw_start : blocks[0].end].startswith("* [World](")


def test_a_wrapped_markdown_link_keeps_every_line() -> None:
    dump = "Officials said the [new rules on\nfishing quotas](https://example.org/rules\n\"Rules\") take effect in May.\n"
    blocks = read_blocks(dump)
    assert [b.text for b in blocks] == ["Officials said the new rules on fishing quotas take effect in May."]
    assert blocks[0].end == len(dump) - 1


def test_lines_holding_a_url_do_not_hide_the_wrap_width() -> None:
    # html2text wraps at 78 but cannot break a link target: those lines run past the width.
    import textwrap

    para = ("The regional water board said on Monday that the reservoir had fallen to its lowest "
            "level since records began, and asked households to cut their use by a fifth until "
            "the autumn rains return to the hills above the valley.")
    url = "See [the board's notice](https://water.example.org/notices/2019/11/reservoir-levels-low-warning)"
    dump = "\n\n".join([textwrap.fill(para, 78), url] * 5)
    blocks = read_blocks(dump)
    assert [b.text for b in blocks] == [para, "See the board's notice"] * 5


def test_underlined_headings_are_headings() -> None:
    dump = "Storm closes schools across the county\n=======================================\n\nSchools shut.\n\nWhat happens next\n-----------------\nBuses run.\n"
    blocks = read_blocks(dump)
    assert [(b.text, b.heading) for b in blocks] == [
        ("Storm closes schools across the county", 1),
        ("Schools shut.", 0),
        ("What happens next", 2),
        ("Buses run.", 0),
    ]
    assert dump[blocks[0].start : blocks[0].end].endswith("=====")


def test_lynx_link_numbers_are_layout_but_footnotes_stay() -> None:
    dump = (
        "     * [4]Politics\n"
        "   By [12]Tom Reyes\n\n"
        "   Nurses hear up to 900 alarms per shift[1], a [13]state report found.\n"
    )
    assert [b.text for b in read_blocks(dump)] == [
        "Politics",
        "By Tom Reyes",
        "Nurses hear up to 900 alarms per shift[1], a state report found.",
    ]


def test_a_page_on_one_line_is_read_sentence_by_sentence() -> None:
    # soup.get_text() with no separator, or lxml's text_content(): menus, headline and paragraphs
    # run together on one line; the reader cuts it where sentences end, glued or not.
    menu = "HomeNewsSportWeatherBusinessTravel " * 8
    para = ("The county council voted on Tuesday to close the old bridge over the river for repairs. "
            "Engineers found cracks in two of its piers last spring.The work will take a year, "
            "officials said, and a ferry will run in the meantime. ") * 12
    line = ("Bridge to close for a year | Example News " + menu + "Bridge to close for a year.By Jo Lane. "
            + para + "© 2019 Example Media. All rights reserved.")
    assert len(line) > 2500
    blocks = read_blocks(line + "\n")
    texts = [b.text for b in blocks]
    assert "The work will take a year, officials said, and a ferry will run in the meantime." in texts
    assert texts[-1] == "All rights reserved."
    assert texts[0] == "Bridge to close for a year"
    assert all(b.line == 1 and line[b.start : b.end] == b.text for b in blocks)


def test_a_link_target_wrapped_at_a_hyphen_is_still_a_link() -> None:
    # html2text (78 columns) breaks long URLs after a hyphen.
    dump = (
        "[ ![harbour-seals.jpg\n"
        "](https://cdn.example.com/images/2019/11/20/thumbnail/640x360/harbour-\n"
        "seals.jpg#) Seals return to the harbour  A survey counted more pups\n"
        "than in any year since 1990 ](/news/seals-return-to-the-harbour/)\n"
    )
    assert [b.text for b in read_blocks(dump)] == [
        "Seals return to the harbour A survey counted more pups than in any year since 1990"
    ]


def test_a_markdown_heading_wrapped_by_html2text_is_one_heading() -> None:
    """html2text wraps headings at its width like any line: the rest of the headline goes on
    the next line, which belongs to the heading. Only a wrapped heading goes on, and never an
    indented "#" line (lynx's list of feed links) or one in a dump that is not wrapped."""
    import textwrap

    para = ("Fishing ministers agreed early on Tuesday to cut cod catches in the western Baltic by a "
            "further third, the deepest cut in a decade, after talks that ran through the night.")
    headline = "Browns player on Mason Rudolph's role in the fight with Myles Garrett: He asked for it"
    wrapped_para = textwrap.fill(para, 78)
    heading = textwrap.fill("# " + headline, 78)
    assert "\n" in heading
    blocks = read_blocks("\n\n".join([wrapped_para, heading, *[wrapped_para] * 5]))
    assert [(b.text, b.heading) for b in blocks] == [(para, 0), (headline, 1), *[(para, 0)] * 5]
    lynx = "   #" + heading[1:]
    assert read_blocks("\n\n".join([wrapped_para, lynx, *[wrapped_para] * 5]))[1].text != headline
    short = "# Council approves budget\nBy Jane Doe\n\nThe city council approved the budget."
    assert [b.text for b in read_blocks(short)] == ["Council approves budget", "By Jane Doe", "The city council approved the budget."]


def test_a_page_on_one_line_is_also_cut_after_a_teaser_trailing_off() -> None:
    """A listing flattened onto one line: each teaser ends with "..." and the next headline starts
    straight after it, with no full stop between them."""
    teasers = [
        "UN regrets new US position on settlements UNITED NATIONS: The Secretary General has regretted the "
        "announcement made by the United States on Monday about the legal status of the settlements,...",
        "Schools in the valley reopen after floods NEW DELHI: All schools and colleges in the valley are now "
        "open again and attendance has reached almost all of the pupils, the government said on...",
    ]
    para = ("The county council voted on Tuesday to close the old bridge over the river for repairs. "
            "Engineers found cracks in two of its piers last spring. ") * 20
    line = para + " ".join(teasers * 4)
    assert len(line) > 2500
    texts = [b.text for b in read_blocks(line + "\n")]
    assert texts[-2:] == teasers


def test_a_line_holding_only_the_rest_of_a_link_target_goes_on_with_the_paragraph() -> None:
    """html2text (78 columns) wraps a long link target onto a line of its own: once the markdown
    is blanked that line reads empty, but it is no paragraph break."""
    dump = (
        "The county said the new ferry would carry 200 cars, more than twice as many as\n"
        "the one it replaces. [The Coast Gazette reports](https://gazette.example.com/2019/11/18/ferry-\n"
        "will-carry-twice-as-many-cars-as-the-old-one-county-says/)\n"
        "the first sailing is planned for [early spring](https://example.com/x).\n"
    )
    joined = ("The county said the new ferry would carry 200 cars, more than twice as many as the one it "
              "replaces. The Coast Gazette reports the first sailing is planned for early spring.")
    assert [b.text for b in read_blocks(dump)] == [joined]


def test_a_linked_headline_wrapped_before_its_target_is_one_heading() -> None:
    """html2text wraps before a link target too long for the line, so a linked headline breaks
    early, well short of the width: the open link carries it on to the next line."""
    import textwrap

    para = ("Fishing ministers agreed early on Tuesday to cut cod catches in the western Baltic by a "
            "further third, the deepest cut in a decade, after talks that ran through the night.")
    heading = "# [Ministers Agree to Cut Baltic Cod Catches by a Third\nAfter All-Night Talks](https://news.example.com/2019/11/19/ministers-agree-cod-\ncatches-cut)"
    blocks = read_blocks("\n\n".join([textwrap.fill(para, 78), heading, *[textwrap.fill(para, 78)] * 5]))
    assert (blocks[1].text, blocks[1].heading) == ("Ministers Agree to Cut Baltic Cod Catches by a Third After All-Night Talks", 1)
    assert [b.text for b in read_blocks("Prices rose [sharply\nLast Year](/a) in the city.\n\nMarkets")] == ["Prices rose sharply Last Year in the city.", "Markets"]


def test_a_long_menu_of_links_does_not_hide_the_wrap_width() -> None:
    """html2text with links kept: a menu's items are as long as their link targets make them, and
    on a page with a long menu too few lines end near the width to tell it, unless the items
    are left out of the reading."""
    import textwrap

    # Capitalised words after each break: only the wrap width tells these lines go on.
    para = ("Officials From The Regional Water Board Of North Valley Said On Monday That The Reservoir "
            "Near Lake Town Had Fallen To Its Lowest Level Since Records Began In 1921 And Asked "
            "Households Across The County To Cut Their Use By A Fifth Until The Autumn Rains Return.")
    menu = [f"  * [Local News Section {n}](/sections/{n}/)" for n in range(40)]
    blocks = read_blocks("\n".join(menu) + "\n\n" + "\n\n".join([textwrap.fill(para, 78)] * 3))
    assert [b.text for b in blocks[-3:]] == [para] * 3


def test_a_link_text_may_hold_brackets_and_a_quoted_target_may_wrap() -> None:
    """html2text keeps a bracketed tag in a link's text, "[[Review] ...](url)", and inside a
    blockquote it wraps a long image target after a hyphen with the quote's "> " on the next line."""
    dump = (
        "[[Review] Our readers on the new harbour ferry](https://blog.example.com/2019/ferry-review/)\n\n"
        "> ![](https://blog.example.com/wp-\n"
        "> content/uploads/2019/10/ferry-deck-580x1030.jpeg)\n"
    )
    texts = [b.text for b in read_blocks(dump)]
    assert texts[0] == "[Review] Our readers on the new harbour ferry"
    assert not any("uploads" in t or "![" in t for t in texts)


def test_emphasis_markup_beside_markdown_links_reads_as_its_words() -> None:
    """html2text keeps emphasis when it keeps links, and wraps it like any words; snake_case and
    a lone "*" are no emphasis."""
    dump = (
        "The survey, published in the journal _Marine Ecology_, counted the [seals](/seals) of the\n"
        "_outer harbour_ and found **more pups than\never before**. Data are in the file seal_counts_2019.\n"
        "The theme is **_Life on the Rocks_**.\n"
        "\n"
        "* Counts by 5 * 2 teams\n"
    )
    assert [b.text for b in read_blocks(dump)] == [
        "The survey, published in the journal Marine Ecology, counted the seals of the outer harbour "
        "and found more pups than ever before . Data are in the file seal_counts_2019.",  # wrapped: no line moves
        "The theme is Life on the Rocks.",
        "Counts by 5 * 2 teams",
    ]
