"""Pages flattened onto one line: where the lost line breaks were.

`get_text(" ", strip=True)` and html_text without layout join every text node of a page with a
space, so a menu, a list of related headlines and the article's first sentence run on as one
"sentence": "... Sports Weather Man held after dog attack in park Police said a man ...". The
reader (`text._lines`) already cuts such a line at sentence ends; what it cannot cut there is a
run far longer than any sentence. In such a run a line break is likely where a new capitalised
item starts after a word that could end one: "... at pivotal hearing | Two troops killed in crash
| Israel carries out strikes ...". Cutting there is wrong now and then inside a sentence ("... the
girl, said | Police Chief ..."), but only runs too long to be one sentence are cut, and in them the
glued menu or headline list is what the classifier must see as lines of its own.

What the line breaks used to set apart for the metadata readers is cut out too: the <title>
line up to its site name and the copies of its headline (the h1, also where it rewords the
<title> before its byline), a header date before the next text node, a byline's "By" and names,
and the section headings the rules end an article at ("Related Stories", "12 Comments", "Tags").
So are the nodes a story's paragraphs run on with: a caption closed by its credit ("(Image:
GETTY)"), an ad label, a wire dateline ("MADRID — "), and a full stop get_text(" ") set apart
from the link before it ("the Stars . The former ...").

A page mostly on over-long lines is flattened as a whole: its shorter lines are arbitrary too,
and are cut from a lower length (`flattened_limit`).
"""

from __future__ import annotations

import re

from ..metadata.dates import find_dates
from ..metadata.vocab import MONTHS, PUBLISHED_LABELS, UPDATED_LABELS
from ..rules.vocab import END_OF_ARTICLE_HEADINGS, HEADLINE_LIST_HEADINGS, UI_WORDS

RUN_MIN_WORDS = 60
"""A piece between two sentence ends this long holds more than one sentence (99% of the article
sentences we have are shorter): it is a list run on into the next sentence."""
LIST_MIN_WORDS = 8
"""A shorter piece is left whole whatever its shape: a line of a few words."""
TITLE_CASE_SHARE = 0.5
"""Share of capitalised words above which a piece is a run of link texts, not a sentence."""
_NO_END_AFTER = frozenset(
    "a an the of to in on at by for with from and or but as that than its his her their our is are was "
    "were be has have had will would into about over after before under says said".split()
)
"""Words an item (a menu entry, a headline) does not end on: what follows them continues it."""
ITEM_MIN_WORDS = 2
"""Words an item is given before the next may start: a one-word menu entry goes with its
neighbour, but a name ("Tom | Krisher") is not cut after its first word."""
_GLUE_ENDS = frozenset(",;:(&-–—/+'\"“‘")
"""Last characters of a word that hold it to the next one ("Arts &", "Updated on:", "(AP")."""
_WORD = re.compile(r"\S+")
_CLOCK = re.compile(r"\d{1,2}[:.]\d\d")
"""A clock time ("11:11"): what follows it ("PM EST") belongs to it."""
_MONTH_NAMES = frozenset(MONTHS)
"""Month names and abbreviations of the date reader: after a day number or a date label they
go on the same date ("20 Nov 2019", "Posted Nov 18")."""
_DATE_LABEL_WORDS = frozenset(label.split()[-1] for label in PUBLISHED_LABELS + UPDATED_LABELS)


def _opens_item(word: str) -> bool:
    """A word an item may start with: a capital, maybe after an opening quote."""
    head = word.lstrip("\"“‘'(")
    return bool(head) and head[0].isupper()


def _closes_item(word: str) -> bool:
    """A word an item may end on: not a function word, not a word glued to the next, not a
    clock time ("11:11 | PM EST" is one stamp)."""
    return word[-1] not in _GLUE_ENDS and word.lower() not in _NO_END_AFTER and not _CLOCK.fullmatch(word)


def _breaks(words: list[re.Match[str]], prose: bool = False) -> list[int]:
    """Indexes of the words a new item starts with.

    After a lower-case word any capitalised word starts one ("hearing | Two troops"); after a
    capitalised one or a number only a capitalised word followed by a lower-case one, the start
    of a sentence-case headline or sentence ("Sports Weather | Man held ...", "Pay | There are
    ..."): "order for 30 Boeing 787 jets" goes on. In `prose` (a run of sentences whose ends were
    missed) a capitalised word counts as a capitalised one, not as a lower-case end: a name goes
    on ("said James | Van | Der Beek" is no break), where a menu ("Sports | Weather") is cut.
    """
    out = []
    texts = [w.group() for w in words]
    last = 0
    for i in range(ITEM_MIN_WORDS, len(texts)):
        word, prev = texts[i], texts[i - 1]
        if i - last < ITEM_MIN_WORDS or not _opens_item(word) or not _closes_item(prev) or _after_by(texts, i) or _in_name_list(texts, i):
            continue
        if word.rstrip(".,").casefold() in _MONTH_NAMES and (prev[0].isdigit() or _labels_date(prev)):
            continue  # "20 | Nov 2019", "Posted | Nov 18" are one date
        if (_lower_case_end(prev) and not (prose and prev[0].isupper())) or (
            i + 1 < len(texts) and texts[i + 1][0].islower() and texts[i + 1].lower() not in _NO_END_AFTER
        ):
            out.append(i)
            last = i
    return out


_CAMEL_PART = re.compile(r"[A-Z][a-z]+$")
_GLUED_BY = re.compile(r"[a-z]By$")
"""A byline's "By" glued to the word before it."""


def _lower_case_end(word: str) -> bool:
    """Whether a word ends as a lower-case word does: "hearing", not "agoNatasha" (a name glued
    to the text node before it, whose item goes on: "agoNatasha | Turak" is no break)."""
    if not word[-1].islower():
        return False
    part = _CAMEL_PART.search(word)
    return part is None or part.start() == 0 or not word[part.start() - 1].islower()


def _after_by(texts: list[str], i: int) -> bool:
    """Word i is one of the two after "By"/"by": not "By Laura | Mowat", a byline's name has two
    words at least. "By" may be glued to the text node before it ("TodayBy Eric | Song")."""
    return any(_is_by(t) for t in texts[max(0, i - 2) : i])


NAME_LIST_WORDS = 16
"""Words of a byline's list of names read back from a word for its "By" ("By Ann Lee, Tom Park
and Kim Ho")."""
_LIST_JOINS = frozenset(("and", "&"))


def _in_name_list(texts: list[str], i: int) -> bool:
    """Word i goes on a name in a byline's list, "By Stefan Holm, Kathryn | Watson, Grace |
    Segers": it is the second or third word of a name after a comma or an "and", and the names
    before go back to a "By". A first name is `_after_by`'s."""
    j, since = i - 1, 0
    while j >= 0 and not (texts[j] in _LIST_JOINS or texts[j].endswith(",")):
        if _is_by(texts[j]) or not _NAME_WORD.fullmatch(texts[j]):
            return False
        since, j = since + 1, j - 1
    if not 0 < since < NAME_MAX_WORDS:
        return False
    for k in range(j, max(-1, j - NAME_LIST_WORDS), -1):
        if _is_by(texts[k]):
            return k < j
        if texts[k] not in _LIST_JOINS and not _NAME_WORD.fullmatch(texts[k].rstrip(",")):
            return False
    return False


def _is_by(word: str) -> bool:
    """A byline's "By", maybe glued to the text node before it."""
    return word in ("By", "by") or _GLUED_BY.search(word) is not None


def _labels_date(word: str) -> bool:
    """A date label's last word ("Posted", "Updated:", "AM;Posted")."""
    return re.split(r"[;|/]", word)[-1].strip(":").casefold() in _DATE_LABEL_WORDS


_DAY_DOT = re.compile(r"(?<![\w./-])[0-3]?\d\.$")


def ordinal_date(line: str, stop: int, after: int) -> bool:
    """Whether the full stop ending at `stop` is a day's ("25. September 2018", German and
    Nordic dates) with the month name at `after`."""
    if _DAY_DOT.search(line, max(0, stop - 4), stop) is None:
        return False
    month = _WORD.match(line, after)
    return month is not None and month.group().rstrip(".,").casefold() in _MONTH_NAMES


def split_run(piece: str) -> list[int]:
    """Offsets in `piece` where a line break probably was: after a photo credit closing a
    caption (`credit_cuts`), before a wire story's dateline (`dateline_cuts`), after a sentence
    whose full stop follows a link (`_SPACED_STOP`), and between items in a piece too long to be
    one sentence."""
    if piece.count(" ") < LIST_MIN_WORDS:
        return []
    credits = credit_cuts(piece) if "(" in piece else []
    stops = [m.end() for m in _SPACED_STOP.finditer(piece)] if " ." in piece else []
    datelines = dateline_cuts(piece) if "— " in piece or "– " in piece else []
    items = []
    for begin, end in zip([0, *credits], [*credits, len(piece)]):  # a caption is no part of the run after it
        items += [begin + c for c in _item_starts(piece[begin:end], captioned=end in credits)]
    return credits + datelines + stops + items


_DATELINE = re.compile(r"(?<=\s)[A-Z]{3,}(?: [A-Z]{3,})*(?:, [A-Z][a-z]+(?: [A-Z][a-z]+)*)? [—–] (?=[\"“‘]?[A-Z])")
"""A wire story's dateline, "MADRID — ", "DUBAI, United Arab Emirates — ": the start of its first
paragraph, where a flattened page runs it on from the byline and the date."""


def dateline_cuts(piece: str) -> list[int]:
    """Offsets in `piece` where a dateline starts a story's first paragraph ("Associated Press
    November 19, 2019, 9:02 AM | MADRID — Rafael Nadal kept ..."): the paragraph gets a line of
    its own, apart from the header nodes before it."""
    return [m.start() for m in _DATELINE.finditer(piece)]


_SPACED_STOP = re.compile(r"(?<=\w) \.[”\"’]?(?= [A-Z“\"‘])")
"""A full stop after a link, "... with the Stars .” The former ...": get_text(" ") puts a space
between the link's text node and the stop, so the sentence reader sees no sentence end there."""


_CLOSING_CREDIT = re.compile(
    r"\((?i:image|photo|picture|foto|ap photo|reuters|getty|courtesy|credit|file photo)\b[^()]{0,80}\)(?=\s+[\"“‘]?[A-Z])"
)
"""A credit in parentheses closing a photo caption, "(Image: GETTY)", "(AP Photo/Jo Lee, File)",
before the next text node."""


def credit_cuts(piece: str) -> list[int]:
    """Offsets in `piece` right after a photo credit in parentheses: the caption it closes
    ("Protesters at the campus gate (Image: GETTY) | The protests began ...") ran on into the
    story's next paragraph, and on a line of its own the caption rule takes it out."""
    return [m.end() for m in _CLOSING_CREDIT.finditer(piece)]


def _item_starts(piece: str, captioned: bool = False) -> list[int]:
    """Offsets in `piece` where a new item starts, for a piece too long to be one sentence or
    made of capitalised link texts; none for a sentence. A piece that ends on a photo credit
    (`captioned`) is a caption, however capitalised its words ("The Hong Kong Protests - how
    they happened (Image: ...)"): only its length tells a run."""
    words = list(_WORD.finditer(piece))
    links = not captioned and _title_case(words)
    if len(words) <= RUN_MIN_WORDS and not links:
        return []
    return [words[i].start() for i in _breaks(words, not links and _prose(words))]


PROSE_FUNCTION_SHARE = 0.28
"""Share of function words (`_NO_END_AFTER`) above which a long run is the story's prose, whose
sentence end was missed, not a run of headlines and teasers (those we have stay below 0.28,
English prose runs above it)."""


def _prose(words: list[re.Match[str]]) -> bool:
    """Whether a long run reads as prose: dense in function words."""
    return sum(1 for w in words if w.group().lower() in _NO_END_AFTER) >= PROSE_FUNCTION_SHARE * len(words)


def _title_case(words: list[re.Match[str]]) -> bool:
    """Most words capitalised: link texts run together ("Reddit Pinterest Telegram Track Do not
    track Community standards Discussion ..."), not a sentence, however short."""
    caps = sum(1 for w in words if _opens_item(w.group()))
    return caps >= TITLE_CASE_SHARE * len(words)


HEADLINE_MIN_WORDS = 3
"""An opening this short that recurs is a word of the menu, not the headline."""
HEADLINE_MAX_WORDS = 40
"""A recurring opening longer than this is no headline but a block the page repeats."""
HEADLINE_SCAN_CHARS = 2000
"""The <title> headline is read from this much of the page's start."""
HEADLINE_MAX_COPIES = 2
"""Copies of the headline cut out: the h1, and the same story in an "Up next" or most-read list
(the first copy is not always the h1)."""
LABEL_MAX_WORDS = 6
"""Words of a section label opening the <title> before its headline ("Opinion |")."""
_LABEL_END = re.compile(r"\w:$|^[|–—»]$")
"""The last word of such a label: "hearings:", or a separator of its own ("|")."""
_TITLE_END = re.compile(r"\s+(?:[|–—·»:]{1,2}|-)\s+")
"""Where the <title> headline ends and the site name starts: "Headline - Site", "Headline | Site"."""


def headline_spans(text: str) -> list[tuple[int, int]]:
    """The headline of a flattened page, where it opens the page and where it recurs: the page
    opens with its <title>, "Headline - Site", and shows the headline again as the h1 just above
    the article. The longest opening run of words that recurs later is that headline (after a
    section label if the <title> has one: "Impeachment hearings: Key moments from ..."); cut
    out, the title and the h1 get lines of their own."""
    words = list(_WORD.finditer(text, 0, HEADLINE_SCAN_CHARS))[: HEADLINE_MAX_WORDS + 1]
    found, end, taken = _recurring_run(text, words)
    if taken < HEADLINE_MIN_WORDS:
        label = next((i for i, w in enumerate(words[:LABEL_MAX_WORDS]) if _LABEL_END.search(w.group())), -1)
        words = words[label + 1 :] if label >= 0 else []
        found, end, taken = _recurring_run(text, words) if words else (None, 0, 0)
    if found is None or taken < HEADLINE_MIN_WORDS:
        return []
    copies = [m.span() for _, m in zip(range(HEADLINE_MAX_COPIES), found.finditer(text, end))]
    variant = _bylined_variant(text, words[:VARIANT_MIN_WORDS], taken, end, copies) if taken >= VARIANT_MIN_WORDS else None
    return [(0, _site_end(text, end)), *copies, *([variant] if variant else [])]


VARIANT_MIN_WORDS = 4
"""Words the <title> headline and its reworded h1 share at their start ("Key moments from Kurt
..."): fewer are a common opening ("How to ...")."""
VARIANT_EXTRA_WORDS = 8
"""Words an h1 may have beyond its <title> headline's ("... Morrison's impeachment hearing
testimony" for "... Morrison's testimony")."""
_BYLINE_BY = re.compile(r"\s+By\s+(?=[A-Z])")
"""A capitalised "By" before a name, the byline under an h1."""


def _bylined_variant(
    text: str, head: list[re.Match[str]], taken: int, end: int, copies: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """(start, end) of the h1 when it rewords the <title> headline of `taken` words: the first
    place after the <title> (`end`) that opens with the headline's first words, `head`, is none
    of its exact `copies`, and runs, not much longer than the headline, into a byline ("Key
    moments from Kurt Volker's and Tim Morrison's impeachment hearing testimony | By Stefan ...")."""
    limit = taken + VARIANT_EXTRA_WORDS - len(head)
    for m in _spaced(head).finditer(text, end):
        if any(s == m.start() for s, _ in copies):
            continue
        rest = list(_WORD.finditer(text, m.end(), m.end() + 20 * limit))[: limit + 1]
        by = _BYLINE_BY.search(text, m.end(), rest[-1].end() if rest else m.end())
        if by is not None:
            return m.start(), by.start()
    return None


def _recurring_run(text: str, words: list[re.Match[str]]) -> tuple[re.Pattern[str] | None, int, int]:
    """(pattern, end, words) of the longest run of the first line's `words`, from the first,
    that recurs later in `text` (none found: None, 0, 0). The copy may break where the <title>
    did not: "... Satu Kaum Secara\nBerlebihan"."""
    end = taken = 0
    for n, word in enumerate(words, 1):
        if n > 1 and "\n" in text[words[n - 2].end() : word.start()]:
            break  # the first line ended
        if n > HEADLINE_MAX_WORDS:
            return None, 0, 0
        if not _recurs(text, words[:n]):
            break
        end, taken = word.end(), n
    if not taken:
        return None, 0, 0
    if taken < len(words) and (tail := _glued_head(text, words, taken)):
        return tail[0], tail[1], taken
    return _spaced(words[:taken]), end, taken


_GLUED_HEAD = re.compile(r"\S*?[a-z](?=[A-Z])")
"""The first part of a word glued to the next text node ("Bedding" of "BeddingThe A.V. Club")."""


def _glued_head(text: str, words: list[re.Match[str]], taken: int) -> tuple[re.Pattern[str], int] | None:
    """(pattern, end) of the run taken with the head of the next word, when that word is the
    headline's last glued to the next text node and the run with its head recurs."""
    head = _GLUED_HEAD.match(words[taken].group())
    if head is None:
        return None
    end = words[taken].start() + head.end()
    if "\n" in text[words[taken - 1].end() : words[taken].start()]:
        return None
    pattern = re.compile(_spaced(words[:taken]).pattern + r"\s+" + re.escape(head.group()) + "(?![a-z])")
    return (pattern, end) if pattern.search(text, end) else None


def _spaced(words: list[re.Match[str]]) -> re.Pattern[str]:
    """The words with any run of white space between them."""
    return re.compile(r"\s+".join(re.escape(w.group()) for w in words))


def _recurs(text: str, words: list[re.Match[str]]) -> bool:
    """Whether the run of `words` occurs again after it: as written (one str.find, the common
    case) or with other white space between them (a regex, compiled only then)."""
    start, end = words[0].start(), words[-1].end()
    return text.find(text[start:end], end) >= 0 or _spaced(words).search(text, end) is not None


TITLE_MAX_CHARS = 300
"""The <title> separator is this near the start of the page, or there is none."""
SITE_MAX_WORDS = 6
"""Words of a site name after the <title> separator ("- The Wall Street Journal")."""
SITE_MAX_PARTS = 4
"""Parts of a <title> line after its headline ("| Editorial | Opinion | The Guardian")."""
MAX_PART_CHARS = 40
"""A part of a <title> line is this short; a separator further on is in the menu."""
_NAME_ENDS = r"(?![\w'’-]|\s+[A-Z])"
"""A name ends here: no letter, and no capitalised word going on with it."""


def _site_end(text: str, end: int) -> int:
    """The end of the <title> line that ends its headline at `end`: "Headline | Opinion |
    Riverton Gazette" and no further. A part followed by another separator is whole; the last
    part, the site name, ends where it stops recurring on the page (its logo, its copyright line
    hold it, not the menu after it: "Riverton Gazette Home" is nowhere else); `end` without one."""
    site = end
    for _ in range(SITE_MAX_PARTS):
        sep = _TITLE_END.match(text, site)
        if sep is None:
            break
        nxt = _TITLE_END.search(text, sep.end(), sep.end() + MAX_PART_CHARS)
        if ":" in text[sep.end() : nxt.start() if nxt else sep.end() + MAX_PART_CHARS]:
            break  # "- CBSSports.com site: media | arena: nfl": labelled data, not the <title>
        if nxt is not None and nxt.start() > sep.end():
            site = nxt.start()  # "| Editorial | ...": a whole part
            continue
        words = _site_words(text, sep.end())
        found = _recurring_end(text, words, site)
        if found == site and words and _control_at(text, words[-1].end()):
            found = words[-1].end()  # "| The Beachbody Blog Skip to content": the name ends at the control
        site = found
        break
    after = text[site : site + 2].strip()
    return end if after[:1].islower() else site  # "Experience - Experience | menu" would be read on


def _recurring_end(text: str, words: list[re.Match[str]], default: int) -> int:
    """The end of the longest run of `words` that recurs further on in `text`, or `default`. A
    single word must recur as a name of its own: "Example" in "© Example Media" is another name."""
    end, taken = default, 0
    for n, word in enumerate(words, 1):
        if not _recurs(text, words[:n]):
            break
        if word.group().lower() not in _NO_END_AFTER:  # "| The Beachbody ...": no name ends on "The"
            end, taken = word.end(), n
    if taken == 1 and re.compile(re.escape(words[0].group()) + _NAME_ENDS).search(text, end) is None:
        return default
    return end


HEADER_CONTROLS = frozenset(p for p in UI_WORDS if " " in p) | frozenset(("menu", "search", "subscribe", "login", "skip to"))
"""Controls the page header starts with after the site name ("Skip to content", "Sign In",
"Menu"): phrases of the rules' UI words, and the one-word controls no site name ends on."""
CONTROL_MAX_WORDS = 3
"""Words of the longest header control ("skip to content")."""


def _site_words(text: str, start: int) -> list[re.Match[str]]:
    """The words of a site name from `start`, right after the <title> separator: SITE_MAX_WORDS at
    most, and none from a header control on ("The Beachbody Blog | Skip to content")."""
    words = list(_WORD.finditer(text, start, start + TITLE_MAX_CHARS))[:SITE_MAX_WORDS]
    for k, word in enumerate(words):
        if k and _control_at(text, word.start()):
            return words[:k]
    return words


def _control_at(text: str, at: int) -> bool:
    """Whether a capitalised header control starts at `at` (after its white space)."""
    words = [w.group() for w in _WORD.finditer(text, at, at + 40)][:CONTROL_MAX_WORDS]
    if not words or not words[0][:1].isupper():
        return False
    return any(" ".join(words[:n]).casefold() in HEADER_CONTROLS for n in range(1, len(words) + 1))


def title_end(line: str) -> int:
    """Where the <title> line opening a flattened page probably ends: a few words after its
    "Headline - Site" separator (0 without one). No item is cut before it, so the site name the
    metadata reads there stays whole."""
    sep = _TITLE_END.search(line, 0, TITLE_MAX_CHARS)
    if sep is None:
        return 0
    words = _site_words(line, sep.end())
    return words[-1].end() if words else sep.end()


_AFTER_DATE = re.compile(r"(?:Z|[+-]\d\d:?\d\d)?(?:\s+[A-Z]{1,4}\b)?(?=\s+[\"“‘(]?[A-Z0-9])")
"""What may follow a header date before the next text node: a time zone ("10:31 pm CST",
"2019-11-19T12:48:14Z"), then a capitalised word or a number with no punctuation between ("...
2019 Police said")."""


_RELATIVE_UNITS = "sec second min minute hr hour day week month year".split()
"""Units of a relative time stamp ("22 hours ago")."""
_RELATIVE = re.compile(
    r"\b\d{1,3}\s+(?:" + "|".join(_RELATIVE_UNITS) + r")s?\s+ago(?=\s+[\"“‘(]?[A-Z0-9])", re.IGNORECASE
)
"""A relative time stamp before the next node, "Published 22 hours ago | James Van Der Beek ...",
"13 hours ago | Canada beats ...": the end of a date line or of a listed headline."""


def date_cuts(piece: str) -> list[int]:
    """Offsets in `piece` right after a date (with its time and zone) that the next text node
    follows without punctuation, "Nov 19, 2019, 10:31 pm CST | Volkswagen's first ...": the date
    line of a byline block, which the date reader accepts only on a line of its own."""
    out = [m.end() for m in _RELATIVE.finditer(piece)] if " ago " in piece else []
    for found in find_dates(piece):
        end = found.end - 1 if piece[found.end - 1].isspace() else found.end  # "08:00 " read with its space
        after = _AFTER_DATE.match(piece, end)
        if after and after.end() < len(piece):
            out.append(after.end())
    return out


NAME_MAX_WORDS = 3
"""Words of a byline's name ("Sarah E. Needleman"); a capitalised word after them is the next
text node (the name again on the author's card, the site, a role)."""
_BYLINE = re.compile(r"(?<=\s)[Bb]y\s+(?=[A-Z])")
"""A "By" before a capitalised word inside a run: a byline's first text node. Prose writes "by"
in lower case, so a lower-case one counts only after an item's end (`_item_by`)."""
_NAME_WORD = re.compile(r"[A-Z][\w'’.-]*")
"""A word of a person's name: capitalised, an initial ("E.") included."""


def _item_by(before: list[str]) -> bool:
    """Whether a lower-case "by" after `before` (the word before it, if any) opens a byline:
    after a capitalised word, the end of a headline or a menu item ("Hiking the Flat Irons | by
    Regan", "Get short URL | by Finian Cunningham"). Prose puts "by" after a lower-case verb
    ("beaten by Wichita Heights", "investigated by the State") and is not cut."""
    return bool(before) and _opens_item(before[0])


def byline_cuts(piece: str) -> list[int]:
    """Offsets in `piece` around a byline, "... your wallet. | By Sarah E. Needleman | Sarah E.
    Needleman The Wall Street Journal ...": the byline reader wants "By" and the name to open a
    line and the name to end at a comma, a dash or the line's end."""
    out = []
    for m in _BYLINE.finditer(piece):
        before = piece[: m.start()].split()[-1:]
        if piece[m.start()] == "b" and not _item_by(before):
            continue
        if before and _closes_item(before[0]):
            out.append(m.start())
        words = list(_WORD.finditer(piece, m.end(), m.end() + 120))[: NAME_MAX_WORDS + 1]
        n = 0
        while n < len(words) and n < NAME_MAX_WORDS and _NAME_WORD.fullmatch(words[n].group()) and not _dated(words[n].group()):
            n += 1
        if n and len(words) > n and (_dated(words[n].group()) or (n == NAME_MAX_WORDS and _opens_item(words[n].group()))):
            out.append(words[n].start())
        elif len(words) > n and words[n].group().endswith(",") and (date := _date_after_names(piece, m.end())):
            out.append(date)
    return out


def _date_after_names(piece: str, start: int) -> int | None:
    """Offset of the date that ends a byline's list of names from `start`, "By Ann Lee, Tom
    Park and Kim Ho | November 20, 2019", or None: only names, commas and "and" come before it."""
    for w in list(_WORD.finditer(piece, start, start + 20 * NAME_LIST_WORDS))[:NAME_LIST_WORDS]:
        word = w.group()
        if _dated(word):
            return w.start()
        if word not in _LIST_JOINS and not _NAME_WORD.fullmatch(word.rstrip(",")):
            return None
    return None


def _dated(word: str) -> bool:
    """A word that starts the date or the counts after a byline's name, not a name's: a number
    or a month name ("By Regan | September 15, 2014", "by Finian Cunningham | 4 55 Subscribe")."""
    return word[0].isdigit() or word.rstrip(".,").casefold() in _MONTH_NAMES


def _section_phrases() -> dict[str, list[tuple[str, ...]]]:
    """The headings of related-story lists and of what follows an article ("Related Stories",
    "Join the Conversation"), from the rules' vocabularies, by their first word: phrases of two
    words or more, since a single word ("More", "Latest") opens sentences as often as sections,
    unless a count comes first ("12 Comments"): those are keyed by "#"."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in HEADLINE_LIST_HEADINGS | END_OF_ARTICLE_HEADINGS:
        words = tuple(phrase.split())
        if len(words) > 1:
            out.setdefault(words[0], []).append(words[1:])
        elif phrase in END_OF_ARTICLE_HEADINGS:
            out.setdefault(COUNT_KEY, []).append(words)
    for tails in out.values():
        tails.sort(key=len, reverse=True)
    return out


COUNT_KEY = "#"
SECTION_TAIL_CHARS = 60
"""Characters after a heading's first word read for the rest of it (and the next node's start)."""
_ITEM_HEAD = re.compile(r"(?<!\S)[\"“‘(]?[A-Z0-9]\S*")
"""A word that may open a heading or an item: capitalised or a number."""
_SECTIONS = _section_phrases()
_COUNT = re.compile(r"\d{1,4}")


_AD_LABELS = frozenset(("advertisement", "advertisements"))
"""The label of an ad slot between two paragraphs ("... in November. Advertisement At first,
his doctor ..."): a node of its own, never a sentence's first word."""
_ONE_WORD_LABELS = frozenset(p for p in END_OF_ARTICLE_HEADINGS | HEADLINE_LIST_HEADINGS if " " not in p) | _AD_LABELS
"""One-word headings after the article or over a headline list ("Tags", "Comments", "Related",
"Trending"), and ad labels: cut only where they open a piece, right after a sentence's end, since
inside a run they are as often a menu's word."""


def _opening_heading(piece: str) -> list[int]:
    """[the end of] a one-word section heading (`_ONE_WORD_LABELS`) that opens `piece` before a
    capitalised word, "Tags | Kristi Noem South Dakota ...", or []: "Comments made ..." opens a
    sentence."""
    head = _WORD.search(piece)
    if head is None or not head.group()[0].isupper() or head.group().casefold().rstrip(":") not in _ONE_WORD_LABELS:
        return []
    nxt = _WORD.search(piece, head.end())
    return [head.end()] if nxt is not None and _opens_item(nxt.group()) else []


def section_cuts(piece: str) -> list[int]:
    """Offsets around a section heading glued between text nodes, "... on Monday. | Join the
    Conversation | When submitting content ...": cut out, it is the line the rules read as the
    end of the article or the head of a headline list. The heading is capitalised (or counted)
    and the next node starts with a capital or a number. A one-word heading or an ad label
    counts only where it opens the piece (`_opening_heading`)."""
    out = _opening_heading(piece)
    for m in _ITEM_HEAD.finditer(piece):
        head = m.group()
        tails = _SECTIONS.get(COUNT_KEY if _COUNT.fullmatch(head) else head.casefold())
        if not tails:
            continue
        rest = list(_WORD.finditer(piece, m.end(), m.end() + SECTION_TAIL_CHARS))
        texts = [w.group().casefold().rstrip(":") for w in rest]
        for tail in tails:
            n = len(tail)
            if tuple(texts[:n]) == tail and (len(rest) == n or _opens_item(rest[n].group()) or rest[n].group()[0].isdigit()):
                out += [m.start(), rest[n - 1].end()]
                break
    return [c for c in out if 0 < c < len(piece)]


FLAT_SHARE = 0.5
"""Share of a dump in over-long lines that makes it a flattened page: its other lines are
arbitrary too (a text node holding a line break ends one), and are cut like the long ones when
longer than FLAT_LINE_CHARS."""
FLAT_LINE_CHARS = 500
"""In a flattened page a line this long is cut: longer than a headline, a byline or a menu
entry, which the page's own line breaks would leave whole."""


def flattened_limit(lines: list[str], total: int, long_line: int) -> int:
    """The length above which a line of this dump is cut: `long_line`, or FLAT_LINE_CHARS in a
    page flattened onto a few lines."""
    if total <= long_line:  # a short page on one line is flattened too
        return FLAT_LINE_CHARS if sum(1 for line in lines if line.strip()) == 1 else long_line
    flat = sum(len(line) for line in lines if len(line) > long_line)
    return FLAT_LINE_CHARS if flat >= FLAT_SHARE * total else long_line
