"""The text classifier on dumps shaped like real templates (BeautifulSoup `get_text("\\n")` style:
one line per text node, no blank lines)."""

from __future__ import annotations

import cleaner

TITLE = "Council approves northern bus routes"

STORY_PARAS = [
    "The city council voted on Tuesday to expand the bus network to the northern suburbs, a move "
    "that officials said would cut commuting times for thousands of residents by the end of next year.",
    "Council members argued for hours about the cost of the plan, which will be paid for in part by "
    "a new parking levy in the city centre and in part by a grant from the regional government.",
    "The first new routes are expected to open in the spring, and the council said it would publish "
    "a detailed timetable for the remaining lines once the contracts with operators had been signed.",
    "Residents of the northern estates, who have campaigned for a direct service for more than a "
    "decade, said they were relieved but would wait to see whether the buses actually ran on time.",
    "The opposition said the levy would hurt small shops in the centre and promised to ask for a "
    "review of the plan at the next budget meeting, which is due to take place in the autumn.",
]

TEASERS = [
    "Budget talks stall again",
    "Negotiators for the two largest parties left the town hall late on Monday without an agreement "
    "on the spending plan, and both sides blamed the other for the delay in statements "
    "published overnight.",
    "Library reopens after flood",
    "The central library opened its doors again on Saturday after a year of repairs that followed the "
    "flood of last winter, and the staff said that most of the damaged books had been restored or "
    "replaced with the help of donations from readers who had sent in thousands of volumes.",
    "Harbour plan divides the town",
    "A proposal to turn the old harbour into a marina with shops and flats has divided the town, with "
    "fishermen saying that they would lose their moorings and traders saying that the plan would "
    "bring visitors back to a part of the town that has been in decline for many years.",
]


SECTIONS = ["Weather", "Traffic", "Jobs", "Events", "Obituaries", "Puzzles", "Podcasts", "Video",
            "Photos", "Letters", "Newsletters", "Archive", "Subscribe", "Advertise", "Careers"]


def _page(*middle: str) -> str:
    lines = [
        f"{TITLE} - The Daily Courier",
        "News", "Sport", "Business", "Opinion",
        "Northern bus network to grow by six routes",
        "March 3, 2024",
        *STORY_PARAS,
        *middle,
        "About us", "Contact",
    ]
    return "\n".join(lines) + "\n"


def _assert_story_only(dump: str) -> None:
    article = cleaner.clean(dump, kind="text")
    for para in STORY_PARAS:
        assert para in article.text
    assert "Library reopens" not in article.text


def test_title_repeated_in_a_related_box_is_not_the_headline() -> None:
    # The story's own title listed among "More in ..." links below it: the prose above is the
    # story, not teasers to discount.
    related = ["More in Local News", TITLE, "Schools get new funding", "Ferry timetable changes from May"]
    _assert_story_only(_page(*related, *SECTIONS, *SECTIONS, *TEASERS))


def test_title_repeated_far_above_the_best_run_is_not_the_headline() -> None:
    # A most-read sidebar repeats the title (no list heading a rule knows); the prose found far
    # below it is more teasers, so the repeat was no headline and the story keeps its weight.
    sidebar = ["Most read", "Schools get new funding", TITLE, "2H ago", "Ferry timetable changes from May"]
    _assert_story_only(_page(*SECTIONS, *sidebar, *SECTIONS, *SECTIONS, *SECTIONS, *TEASERS))


CUT_TEASERS = [
    ("Port strike enters its second week",
     "HAMBURG: Dock workers at the country's largest port extended their strike on Monday after talks "
     "with the employers' association broke down over pay and the length of the new contract, leaving..."),
    ("Farmers protest new water rules",
     "MADRID: Thousands of farmers drove their tractors into the capital on Tuesday to protest against "
     "new limits on irrigation that the government says are needed to protect the wetlands of the..."),
    ("Rail line to reopen after landslide",
     "ZURICH: The mountain railway that was closed by a landslide in the spring will reopen next month, "
     "the operator said on Wednesday, after engineers finished stabilising the slope above the track…"),
]


def test_cut_off_teasers_under_headlines_are_not_the_story() -> None:
    # A "Breaking News" box of headline + cut-off summary pairs above the story, and a comment
    # count link between headline and story: the teasers must not hold the article's run.
    teasers = [line for pair in CUT_TEASERS for line in pair]
    lines = [f"{TITLE} | The Daily Courier", "Home", "World", "Business", "Breaking News", *teasers,
             TITLE, "March 3, 2024", "Print This Article", "0 Comments", *STORY_PARAS, "Related Articles"]
    article = cleaner.clean("\n".join(lines) + "\n", kind="text")
    assert article.text == "\n\n".join(STORY_PARAS)
    teaser = next(r for r in article.removed if r.text.startswith("MADRID:"))
    assert teaser.rule == "teaser"


def test_cut_off_teasers_on_one_line_with_their_headline() -> None:
    # Renderers that keep a card on one line ("Headline HAMBURG: ...") lose the headline line;
    # the cut-off summaries side by side are still a listing.
    cards = [f"{head} {summary}" for head, summary in CUT_TEASERS]
    text = "\n\n".join([*cards, TITLE, *STORY_PARAS]) + "\n"
    article = cleaner.clean(text, kind="text")
    assert "HAMBURG" not in article.text and "ZURICH" not in article.text
    assert STORY_PARAS[0] in article.text


def test_story_paragraph_trailing_off_is_kept() -> None:
    trailing = ("Asked whether the money would be enough, the mayor paused for a long moment and then "
                "said only that she hoped so, and that the council would have to wait and see...")
    text = "\n".join([*STORY_PARAS[:3], trailing, *STORY_PARAS[3:]]) + "\n"
    article = cleaner.clean(text, kind="text")
    assert trailing in article.text


STATS_TABLE = [
    "Pos", "Player", "Plays", "%", "Stats",
    "QB", "Tom Harris", "64", "100%", "21 of 30 passes, 245 yards, 2 TD.",
    "RB", "Leon Marsh", "41", "64%", "18 carries, 96 yards.",
    "WR", "Dan Ortiz", "58", "91%", "7 catches, 88 yards, 1 TD.",
    "WR", "Sam Okafor", "49", "77%", "4 catches, 61 yards.",
    "TE", "Ben Keller", "37", "58%", "No stats registered.",
]


def test_a_stats_table_one_cell_per_line_does_not_cut_the_story() -> None:
    # BeautifulSoup writes a table one cell per line: dozens of short lines between two parts of
    # the story, which at the cost of a menu would leave the first part outside the article.
    lines = [f"{TITLE} - The Daily Courier", "News", "Sport", "Business", "Opinion",
             *STORY_PARAS[:3], "Offence", *STATS_TABLE, *STATS_TABLE, *STORY_PARAS[3:],
             "More in Sport", "Cup draw pairs old rivals", "Coach signs new contract", "About us"]
    article = cleaner.clean("\n".join(lines) + "\n", kind="text")
    for para in STORY_PARAS:
        assert para in article.text
    assert "Leon Marsh" in article.text
    assert "Cup draw" not in article.text


def test_a_numbered_most_read_list_is_no_table() -> None:
    # Ranks 1, 2, 3, ... are numbers too, but a most-read list is chrome at full cost.
    heads = ["Cup draw pairs old rivals", "Coach signs new contract", "Storm closes coastal road",
             "Mayor opens new library", "Ferry timetable changes", "Police appeal after fire",
             "School funding rises", "Bridge repairs delayed", "New park for the east end",
             "Museum buys old map"]
    ranks = [line for n, head in enumerate(heads, 1) for line in (str(n), head)]
    lines = [*STORY_PARAS[:3], "Most Popular", *ranks, *TEASERS[:2]]
    article = cleaner.clean("\n".join(lines) + "\n", kind="text")
    assert STORY_PARAS[0] in article.text and "Negotiators" not in article.text


def test_title_case_menus_run_together_on_one_line_are_not_prose() -> None:
    """get_text() without a separator leaves the menus as long lines of title-case link text. Their
    capitalized stop words ("Back To Main Menu", "At Any Cost") would pass for prose by density;
    prose only capitalizes the stop word that starts a sentence."""
    menu = (
        "Back To Main Menu A Greater Cleveland A Critical Choice: Nursing Home Care At Any Cost "
        "Justice For All: Bail Reform Out Of Line: Gerrymandering In The State Recovering Hope "
        "Remaking The Arena Stolen In The Suburbs City Club Of The Region Letters To The Editor"
    )
    footer = (
        "About Us Contact Us Terms Of Use Privacy Policy Your Ad Choices Careers At The Courier "
        "Advertise With Us Place An Ad Manage Your Subscription Help And Support Sitemap Of The Site"
    )
    article = cleaner.clean("\n".join([f"{TITLE} - The Daily Courier", menu, *STORY_PARAS, footer]))
    assert article.text == "\n\n".join(STORY_PARAS)
    removed = {r.text: r.rule for r in article.removed}
    assert removed[menu] == "outside_main_text" and footer in removed
    # a paragraph full of names keeps its lower-case stop words: still prose
    names = ("Argentina got past Chile in the group, with Guido Pella beating Nicolas Jarry in the first "
             "match and Diego Schwartzman and Maximo Gonzalez winning the doubles for the New York crowd.")
    assert names in cleaner.clean("\n".join([f"{TITLE} - The Daily Courier", *STORY_PARAS[:2], names, *STORY_PARAS[2:]])).text


def test_headlines_run_together_past_any_sentence_length_are_not_prose() -> None:
    """A page flattened onto one line runs a listing's headlines together: in sentence case their
    stop words are lower-case, but no prose goes 800 characters without ending a sentence."""
    headlines = [
        "Police say the man who drove into the parade had been released on bail days before",
        "Mayor promises to review the new parking levy after shop owners in the centre protest",
        "Schools in the northern district to close early for the holidays because of the flu",
        "The council votes to keep the library open on Sundays for another year after a petition",
        "Residents of the old harbour say the marina plan would push them out of their homes",
        "Bus drivers in the city to strike for two days next week in a dispute over pay and hours",
        "Fire crews spent the night at a warehouse blaze on the edge of the industrial estate",
        "A new bakery on the high street has queues around the block on its first weekend open",
        "The football club says it will build a new stand for its fans in time for next season",
        "Heavy rain is expected to bring flooding to low parts of the valley over the weekend",
    ]
    run_on = " ".join(headlines)
    assert len(run_on) > 800
    article = cleaner.clean("\n".join([f"{TITLE} - The Daily Courier", run_on, *STORY_PARAS]))
    assert article.text == "\n\n".join(STORY_PARAS)
    assert any(r.text == run_on and r.rule == "outside_main_text" for r in article.removed)


def test_a_run_on_is_a_stretch_of_800_characters_without_a_sentence_mark() -> None:
    """The boundary, wherever the stretch sits: at the start, between marks, at the end."""
    from cleaner.blocks import Block
    from cleaner.classify import RUN_ON_CHARS, _run_on

    def run_on(text: str) -> bool:
        return _run_on(Block(0, text, 0, len(text), 1))

    short, long_ = "a" * (RUN_ON_CHARS - 1), "a" * RUN_ON_CHARS
    for before, after in [("", ". x"), ("x.", ". x"), ("x;", "")]:  # (a space would count too)
        assert not run_on(before + short + after)
        assert run_on(before + long_ + after)
    assert not run_on(("Sentence after sentence, each of them short. " * 40).strip())
