"""Pages flattened onto one line (BeautifulSoup's get_text(" ", strip=True), html_text without
layout): the reader finds where the line breaks were. The page below is invented."""

from __future__ import annotations

import cleaner
from cleaner.readers.oneline import byline_cuts, credit_cuts, date_cuts, dateline_cuts, headline_spans, ordinal_date, section_cuts, split_run, title_end
from cleaner.readers.text import LONG_LINE_CHARS, read_blocks

MENU = (
    "Home News Local Business Sports Weather Opinion Obituaries Entertainment Events Jobs Homes Cars "
    "Classifieds Subscribe Sign In Newsletters Contact Us Advertise Help Center e-Edition Puzzles "
    "Police & Fire Schools Politics Health Food & Drink Travel Arts Music Movies Books Community "
)
HEAD = "Council approves new bridge over the Alder River"
ARTICLE = (
    "The city council voted 7-2 on Tuesday night to fund a new bridge over the Alder River, ending "
    "a debate that has lasted almost a decade. Construction is expected to begin next spring and "
    "to take about three years, according to the public works department. Mayor Dana Whitfield "
    "called the vote a turning point for the east side of town. Opponents said the project would "
    "cost more than the city could afford and asked for a referendum. "
)
RELATED = (
    "Related Stories Man charged after break-in at hardware store School board names new "
    "superintendent Storm knocks out power to thousands overnight Farmers market returns to "
    "the square in May Local teen wins state spelling bee Most Read "
)
FOOTER = "About Us Careers Privacy Policy Terms of Service Cookie Settings Site Map © 2024 Riverton Gazette"
PAGE = (
    f"{HEAD} - Riverton Gazette {MENU * 3}{HEAD} By Jane Holloway March 3, 2024 10:15 am EST "
    f"{ARTICLE * 4}{RELATED * 2}{FOOTER}"
)
URL = "https://www.rivertongazette.com/news/council-approves-new-bridge"


def test_the_page_is_one_over_long_line() -> None:
    assert "\n" not in PAGE and len(PAGE) > LONG_LINE_CHARS


def test_headline_byline_and_date_get_lines_of_their_own() -> None:
    texts = [b.text for b in read_blocks(PAGE)]
    assert texts[0] == f"{HEAD} - Riverton Gazette"  # the <title>, up to where the site name ends
    assert texts.count(HEAD) == 1  # and the h1 copy of its headline above the article
    assert "By Jane Holloway" in texts  # the name ends where the date starts
    assert "March 3, 2024 10:15 am EST" in texts
    assert ARTICLE.split(". ")[0] + "." in texts  # the first sentence, no menu glued to it


def test_menus_and_headline_lists_are_cut_into_items() -> None:
    texts = [b.text for b in read_blocks(PAGE)]
    assert "Man charged after break-in at hardware store" in texts
    assert "School board names new superintendent" in texts
    assert max(len(t) for t in texts if "Weather" in t) < 40


def test_a_flattened_page_is_cleaned_with_its_metadata() -> None:
    article = cleaner.clean(PAGE, url=URL)
    assert article.text.startswith("The city council voted 7-2")
    assert article.text.endswith("asked for a referendum.")
    assert "Home News" not in article.text and "spelling bee" not in article.text
    meta = article.metadata
    assert (meta.title, meta.date, meta.authors, meta.site_name) == (
        HEAD, "2024-03-03T10:15:00", ("Jane Holloway",), "Riverton Gazette"
    )


def test_the_same_page_on_lines_is_read_as_before() -> None:
    """Lines of an ordinary length are never cut: the one-line work is gated to over-long lines."""
    lines = f"{HEAD} - Riverton Gazette\n{MENU}\n{HEAD}\nBy Jane Holloway\n{ARTICLE}\n{RELATED}\n"
    assert [b.text for b in read_blocks(lines)] == [
        f"{HEAD} - Riverton Gazette", MENU.strip(), HEAD, "By Jane Holloway", ARTICLE.strip(), RELATED.strip()
    ]


def test_a_long_sentence_is_no_list() -> None:
    sentence = ("Residents who live near the old crossing said they had waited years for the work to start "
                "and would watch closely how the money is spent.")
    assert split_run(sentence) == []
    glued = "Storm knocks out power to thousands overnight Farmers market returns to the square in May " * 8
    cuts = split_run(glued)
    assert glued[cuts[0]:].startswith("Farmers market returns")


def test_title_and_headline_copy_are_found_from_the_repeat() -> None:
    assert [PAGE[s:e] for s, e in headline_spans(PAGE)] == [f"{HEAD} - Riverton Gazette", HEAD]
    assert PAGE[: title_end(PAGE)] == f"{HEAD} - Riverton Gazette Home News Local Business"
    assert headline_spans("Home News Sport " * 300) == []  # a menu repeats, but no headline opens it


def test_date_and_byline_cuts() -> None:
    piece = "Jane Holloway March 3, 2024 10:15 am EST The city council voted 7-2 on Tuesday night."
    assert piece[date_cuts(piece)[0] :].startswith(" The city council")
    card = "the east side. By Sarah K. Lindqvist Sarah K. Lindqvist The Gazette Biography"
    cuts = byline_cuts(card)
    assert card[cuts[0] : cuts[1]] == "By Sarah K. Lindqvist "
    assert byline_cuts("a bridge built by the state in 1931") == []


def test_section_headings_glued_between_nodes_are_cut_out() -> None:
    piece = "on Monday. Join the Conversation When submitting content, be kind. Related Stories Man held"
    cuts = section_cuts(piece)
    parts = [piece[a:b].strip() for a, b in zip([0, *cuts], [*cuts, len(piece)])]
    assert "Join the Conversation" in parts and "Related Stories" in parts
    assert section_cuts("we will read more about it") == []  # lower case: words of a sentence
    counted = "the soccer circuit. 12 Comments Stephanie wrote on May 2"
    assert counted[section_cuts(counted)[0] :].startswith("12 Comments")


def test_the_shorter_lines_of_a_flattened_page_are_cut_too() -> None:
    """A text node holding a line break ends a line anywhere: in a page that is mostly over-long
    lines, a line of a few hundred characters is as glued as they are."""
    head = f"{HEAD} - Riverton Gazette {MENU * 2}"
    dump = f"{head}\n{PAGE}"
    assert len(head) < LONG_LINE_CHARS
    texts = [b.text for b in read_blocks(dump)]
    assert texts[0].startswith(f"{HEAD} - Riverton Gazette Home News") and len(texts[0]) < 100
    short = f"{head}\n{ARTICLE}\n"  # no over-long line: nothing is cut
    assert [b.text for b in read_blocks(short)][0] == head.strip()


def test_the_headline_copy_is_found_across_lines_and_in_lists() -> None:
    """The h1 may hold a line break the <title> has not, and an "Up next" list may name the story
    before the h1 does: both copies are cut out."""
    upnext = f"Up next: {HEAD} "
    broken = HEAD.replace("over the", "over\nthe")
    dump = f"{HEAD} - Riverton Gazette {MENU * 4}{upnext}{MENU * 5}{broken} By Jane Holloway {ARTICLE * 4}"
    assert len(dump.split("\n")[0]) > LONG_LINE_CHARS
    texts = [b.text for b in read_blocks(dump)]
    assert texts.count(HEAD) == 3  # <title>, the list item, the h1 (its two pieces joined again)
    assert texts[texts.index("Up next:") + 1] == HEAD


def test_relative_time_stamps_end_a_line() -> None:
    piece = "Sports Published 22 hours ago Council approves new bridge"
    assert piece[: date_cuts(piece)[0]] == "Sports Published 22 hours ago"


def test_the_title_line_ends_with_the_site_name() -> None:
    """The site name recurs on the page (logo, copyright line), the menu glued after it does not."""
    rest = f" {MENU * 4}{HEAD} {ARTICLE * 4}© 2024 Riverton Gazette"
    parts = f"{HEAD} | Opinion | Riverton Gazette{rest}"
    assert parts[: headline_spans(parts)[0][1]] == f"{HEAD} | Opinion | Riverton Gazette"
    labelled = f"{HEAD} - Riverton Gazette site: news | section: local |{rest}"
    assert labelled[: headline_spans(labelled)[0][1]] == HEAD  # page data, not the <title>


def test_a_section_label_before_the_title_headline_is_passed_over() -> None:
    dump = f"Opinion | {HEAD} - Riverton Gazette {MENU * 4}{HEAD} By Jane Holloway {ARTICLE * 4}"
    spans = headline_spans(dump)
    assert [dump[s:e] for s, e in spans[1:]] == [HEAD]


def test_no_item_starts_inside_a_date_a_time_or_a_byline_name() -> None:
    run = ("Sports Weather Opinion Obituaries Posted Nov 18, 2019 Updated 11:11 PM EST Police Fire "
           "Schools 20 Nov 2019 Politics Health by Laura Winter Travel Arts Music Movies Books ") * 4
    pieces = [run[a:b].strip() for a, b in zip([0, *split_run(run)], [*split_run(run), len(run)])]
    joined = " | ".join(pieces)
    for whole in ("Posted Nov", "11:11 PM", "20 Nov", "by Laura Winter"):
        assert whole in joined


def test_a_day_with_a_full_stop_does_not_end_a_sentence() -> None:
    dump = f"{HEAD} - Riverton Gazette {MENU * 4}{HEAD} Von Jana Holl publiziert am 25. September 2018 {ARTICLE * 4}"
    texts = [b.text for b in read_blocks(dump)]
    assert any("am 25. September 2018" in t for t in texts)
    assert not ordinal_date("won 6-4. September is", 8, 9)


def test_a_name_glued_to_the_node_before_is_not_cut_after_its_first_word() -> None:
    run = ("Sports Weather Opinion Obituaries Updated an hour agoMaria Olsen@MariaOlsen Key Points Police Fire "
           "Schools Politics Health Travel Arts Music Movies Books ") * 4
    pieces = [run[a:b].strip() for a, b in zip([0, *split_run(run)], [*split_run(run), len(run)])]
    assert " | ".join(pieces).count("agoMaria Olsen@MariaOlsen") == 4


def test_a_byline_by_glued_to_the_node_before_keeps_the_name_whole() -> None:
    run = ("Sports Weather Opinion Obituaries Tunnel Opens Today Live TodayBy Maria Olsen, Staff Writer Police Fire "
           "Schools Politics Health Travel Arts Music Movies Books ") * 4
    pieces = [run[a:b].strip() for a, b in zip([0, *split_run(run)], [*split_run(run), len(run)])]
    assert " | ".join(pieces).count("Maria Olsen") == 4


def test_a_headline_glued_to_the_next_node_is_found_whole() -> None:
    text = ("Harbour Tunnel Opens After Six YearsThe CourierSportsWeather\n"
            "NewsTransportMaria Olsen Friday 11:40AMHarbour Tunnel Opens After Six YearsMaria Olsen\n")
    spans = headline_spans(text)
    assert len(spans) == 2
    assert text[spans[1][0] : spans[1][1]] == "Harbour Tunnel Opens After Six Years"


def test_a_lower_case_by_after_an_item_opens_a_byline() -> None:
    # a blog's header flattened: "... Trail Guide by Mara Quist June 2, 2023 Share ..."
    piece = "Outdoors Family Tips Walking the Cedar Ridge Trail by Mara Quist June 2, 2023 written by Mara Quist"
    cuts = byline_cuts(piece)
    assert piece[cuts[0] : cuts[1]] == "by Mara Quist "
    counts = "Columnists 09:12 04.03.2021 Get short URL by Tobias Renner 12 40 Subscribe"
    cuts = byline_cuts(counts)
    assert counts[cuts[0] : cuts[1]] == "by Tobias Renner "
    # prose: "by" after a lower-case word is not cut, a capitalised name after it or not
    assert byline_cuts("the relay team was beaten by Northfield Academy in the final") == []


def test_a_lower_case_byline_on_a_flattened_page_is_read() -> None:
    # the post's categories run on into its headline, so the byline's "by" is no sentence's
    dump = (
        f"{HEAD} - Riverton Gazette {MENU * 3}Local News City Hall A Bridge for the East Side by Jane Holloway "
        f"March 3, 2024 written by Jane Holloway Sharing is caring! 0 shares {ARTICLE * 4}{RELATED}{FOOTER}"
    )
    assert "by Jane Holloway" in [b.text for b in read_blocks(dump)]
    assert cleaner.clean(dump).authors == ("Jane Holloway",)


def test_a_byline_list_of_names_is_not_cut_inside_a_name() -> None:
    run = ("Key moments from the hearing By Anna Lindqvist, Marcus Webb, Priya Nandakumar and Joe D. Ortiz "
           "March 3, 2024 Home News Local Business Sports Weather Opinion Obituaries ") * 2
    pieces = [run[a:b].strip() for a, b in zip([0, *split_run(run)], [*split_run(run), len(run)])]
    joined = " | ".join(pieces)
    assert "By Anna Lindqvist, Marcus Webb, Priya Nandakumar and Joe D. Ortiz" in joined
    # the list ends where the date starts
    piece = "hearing testimony By Anna Lindqvist, Marcus Webb and Joe D. Ortiz March 3, 2024 / 1:07 AM / Riverton Gazette"
    assert [piece[a:b] for a, b in zip(byline_cuts(piece), byline_cuts(piece)[1:])] == ["By Anna Lindqvist, Marcus Webb and Joe D. Ortiz "]
    assert byline_cuts(" By Anna Lindqvist, staff writer, who covered it in March") == []
    # a comma and capitalised words without a "By" before them are items as before
    menu = "Sports Weather Opinion, Obituaries Music Movies Books Travel Arts Police Fire Schools Health Food " * 4
    assert "Obituaries | Music" in " | ".join(menu[a:b].strip() for a, b in zip([0, *split_run(menu)], [*split_run(menu), len(menu)]))


def test_an_h1_that_rewords_the_title_headline_is_cut_out_before_its_byline() -> None:
    """The <title> shortens the h1 ("... bridge over ..." for "... bridge of $40m over ..."): the
    h1 opens with the headline's first words and runs into the byline, and is the title."""
    h1 = "Council approves new bridge of $40m over the Alder River"
    dump = f"{HEAD} - Riverton Gazette {MENU * 3}{h1} By Jane Holloway March 3, 2024 {ARTICLE * 4}{RELATED}{HEAD} {FOOTER}"
    spans = headline_spans(dump)
    assert [dump[s:e] for s, e in spans[1:]] == [HEAD, h1]
    assert h1 in [b.text for b in read_blocks(dump)]
    assert cleaner.clean(dump, url=URL).title == h1
    # the headline's first words in a teaser with no byline after them are no h1
    teaser = f"{HEAD} - Riverton Gazette {MENU * 3}{HEAD} {ARTICLE * 4}Council approves new bridge funds for the west side "
    assert len(headline_spans(teaser)) == 2


def test_a_caption_closed_by_its_credit_is_cut_from_the_next_paragraph() -> None:
    caption = "Work crews at the east bank of the river on Monday (Image: GETTY )"
    piece = f"{caption} The bridge will carry four lanes and a cycle path, the council said."
    assert piece[: credit_cuts(piece)[0]] == caption
    assert credit_cuts("the mayor (pictured) said the bridge (Photo: AP) was") == []  # no node after it
    dump = f"{HEAD} - Riverton Gazette {MENU * 3}{HEAD} By Jane Holloway March 3, 2024 {ARTICLE * 2}{piece} {ARTICLE * 2}{FOOTER}"
    article = cleaner.clean(dump, url=URL)
    assert "GETTY" not in article.text and "four lanes and a cycle path" in article.text


def test_a_full_stop_after_a_link_ends_a_sentence() -> None:
    # get_text(" ") puts a space between a link's text and the stop after it
    piece = "The vote was reported by the Riverton Gazette . Construction begins in May, the mayor said."
    cuts = split_run(piece)
    assert cuts and piece[: cuts[0]] == "The vote was reported by the Riverton Gazette ."
    assert split_run("The vote was reported by the Gazette . and then repeated on the radio news") == []


def test_a_long_run_of_prose_is_not_cut_inside_its_names() -> None:
    """A run of sentences whose ends were missed (quotes, links) is cut where a sentence starts,
    not between the words of a name; a run of headlines is cut into items as before."""
    prose = (
        "Mayor Dana Whitfield said the vote was a turning point for the east side and that the city "
        "would ask Governor Ellen Marsh for the rest of the money, while council member Tom Okafor "
        "said “ it is too early to say ” whether the state will pay and that the works could wait "
        "for the spring of the year after, when the river is low and the banks are dry enough "
    )
    pieces = " | ".join(prose[a:b].strip() for a, b in zip([0, *split_run(prose)], [*split_run(prose), len(prose)]))
    for name in ("Mayor Dana Whitfield", "Governor Ellen Marsh", "Tom Okafor"):
        assert name in pieces
    run = RELATED * 2
    items = [run[a:b].strip() for a, b in zip([0, *split_run(run)], [*split_run(run), len(run)])]
    assert "Storm knocks out power to thousands overnight" in items


def test_a_site_name_that_does_not_recur_ends_at_the_header_controls() -> None:
    """The site name is nowhere else on the page ("The" is): it ends where the header's controls
    start, not a few words on, nor at "The"."""
    dump = f"{HEAD} | The Alder Valley Courier Skip to content Search for: {MENU * 3}{HEAD} {ARTICLE * 4}The end"
    assert dump[: headline_spans(dump)[0][1]] == f"{HEAD} | The Alder Valley Courier"
    assert dump[: title_end(dump)] == f"{HEAD} | The Alder Valley Courier"
    assert cleaner.clean(dump, url="https://www.aldervalleycourier.com/news/bridge").site_name == "The Alder Valley Courier"


def test_a_one_word_heading_after_the_story_is_cut_where_it_opens_a_piece() -> None:
    piece = "Tags Alder River City Council Riverton Read the comments below."
    assert piece[: section_cuts(piece)[0]] == "Tags"
    assert section_cuts("Comments made by the mayor on Monday drew a crowd.") == []  # a sentence
    assert section_cuts("Home Tags Sports Weather Opinion") == []  # a menu's word inside a run
    listed = "Trending Storm knocks out power to thousands overnight"
    assert listed[: section_cuts(listed)[0]] == "Trending"
    dump = f"{HEAD} - Riverton Gazette {MENU * 3}{HEAD} By Jane Holloway March 3, 2024 {ARTICLE * 4}{piece} {RELATED}{FOOTER}"
    text = cleaner.clean(dump, url=URL).text
    assert text.endswith("asked for a referendum.") and "comments below" not in text


def test_a_caption_and_its_credit_stay_whole_and_apart_from_the_run_after_them() -> None:
    caption = "Mayor Dana Whitfield visits the site of the new bridge (Image: GETTY )"
    run = f"{caption} {ARTICLE.split('. ')[0]} and the mayor, who said " + "it would take three years and that the city was ready " * 3
    cuts = sorted(split_run(run))
    assert cuts[0] == len(caption)  # the caption is not cut into items, however capitalised
    assert run[len(caption) :].strip().startswith("The city council")


def test_an_iso_time_stamp_with_its_zone_ends_a_line() -> None:
    piece = "By Jane Holloway - Gazette Contributor 2024-03-03T10:15:00Z Local News The city council voted"
    assert piece[: date_cuts(piece)[0]].endswith("2024-03-03T10:15:00Z")


def test_a_wire_dateline_starts_the_first_paragraph() -> None:
    piece = "Associated Press March 3, 2024, 9:02 AM RIVERTON, Alder County — The city council voted 7-2 on Tuesday."
    assert piece[dateline_cuts(piece)[0] :].startswith("RIVERTON, Alder County — The city council")
    assert dateline_cuts(piece)[0] in split_run(piece)
    assert dateline_cuts("the new EU – wide rules and the market, OPEN DAILY Mon – Fri") == []


def test_a_date_with_a_clock_time_and_zone_ends_a_line() -> None:
    piece = "the council said. 3 Mar 2024 08:00 GMT About 300 people came to the hearing"
    assert piece[: date_cuts(piece)[0]].endswith("3 Mar 2024 08:00 GMT")


def test_an_ad_label_between_paragraphs_is_cut_out() -> None:
    piece = "Advertisement Work on the bridge starts in May, the council said."
    assert piece[: section_cuts(piece)[0]] == "Advertisement"
    assert section_cuts("Advertisement revenue fell by a third, the paper said.") == []
