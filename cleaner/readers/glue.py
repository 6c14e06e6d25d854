"""Text nodes glued together: where a scraper joined a page's text with no separator.

BeautifulSoup's `get_text()` without a separator and lxml's `text_content()` keep the source's own
whitespace, so two elements with none between them in the HTML come out as one run of letters:
a menu reads "HomeWorldBusinessOpinion", a headline runs into the site's chrome ("... expansion
plansSkip Navigation"), a byline into its date ("By Ann LeeNov. 18, 2019"). The seam has a
shape prose rarely has: a lower-case letter followed by a capitalised word, a capitalised word
after a run of capitals ("ADVERTISEMENTDancing"), a word after a number ("2019Get").

Prose has such seams too (MacBook, WeWork, iPhone, McDonald), so the reader cuts only
  * on a page that reads glued as a whole (`glued_page`: menus made of glued words, few short
    lines), never on the output of a renderer that separates elements, and
  * at a lower-to-upper seam only after a word that is no name's first part ("News|Senate",
    "plans|Skip"; not "Mc|Donald", "Air|Pods", "i|Phone"), inside a word of three glued words
    or more (a menu), or before a date.
Each piece becomes a block marked `glued`, and pieces that are kept side by side are joined
again as the input had them (`join_kept`): a brand name cut in a kept paragraph comes out whole.
"""

from __future__ import annotations

import re

from ..blocks import Block
from ..metadata.vocab import PUBLISHED_LABELS, UPDATED_LABELS

_LOWER = "a-zß-öø-ÿ"
_UPPER = "A-ZÀ-ÖØ-Þ"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
_SEAM = re.compile(
    rf"(?P<camel>(?<=[{_LOWER}])(?=[{_UPPER}][{_LOWER}]|[AI] [{_UPPER}{_LOWER}]|[{_UPPER}]{{2,}}(?![{_LOWER}])))"
    # "HomeWorld", "plansSkip" (and "MacBook"); "HealthA Man ..."; "GarberFOX"
    rf"|(?<=[{_UPPER}]{{3}})(?=[{_UPPER}][{_LOWER}]{{2}})"  # "ADVERTISEMENTDancing", "POOLColumnists"
    rf"|(?<=\d|%)(?=[{_UPPER}][{_LOWER}]{{2}})"  # "18.11.2019Get", "4553Subscribe", "-5.44%The"
    rf"|(?<=\d[AaPp][Mm])(?=[{_UPPER}][{_LOWER}])"  # "11:40AMHealth"
    rf"|(?<=[{_LOWER}]{{3}})(?=\d+(?:[:./]\d|[{_UPPER}]| {_MONTH}))"  # "Columnists21:17", "Winter19 Nov 2019"
    rf"|(?<=\))(?=[{_UPPER}][{_LOWER}])"  # "(20)Show"
    rf"|(?<=[{_UPPER}]{{2}})(?=by [{_UPPER}][{_LOWER}])"  # "Get short URLby Finian Cunningham"
    rf"|(?:(?<= {_MONTH} \d (?:19|20)\d\d)|(?<= {_MONTH} \d\d (?:19|20)\d\d))(?=\d{{1,2}}:\d\d)"
    # "Nov 20 20194:29 AM": a date's year glued to its time
)
_HINT = re.compile(rf"[{_LOWER}\d)%][{_UPPER}]|[{_UPPER}][{_UPPER}][{_LOWER}]|[{_LOWER}]\d|[{_UPPER}]by |\d{{5}}:")
"""A cheap first test: the two characters of a seam (most lines have none)."""
_NOT_TEXT = re.compile(r"[_#@=\\<>{}]|/(?!\d)|\.[a-z]")
"""A word with these is code, a URL, a handle or a domain ("@BryanDeArdo", "TheHill.com"): no seam.
(A slash before a digit is a date's: "review21/06/2014".)"""
_LOWER_LEFT = re.compile(rf"(?<![{_UPPER}{_LOWER}])[{_LOWER}]{{3,}}$")
"""A lower-case word before a lower-to-upper seam ("plans|Skip", "close|Video"): names do not
start so (i|Phone, e|Bay are shorter)."""
_CAPITAL_LEFT = re.compile(rf"[{_UPPER}][{_LOWER}]{{3,}}$")
"""A capitalised word of four letters or more before a lower-to-upper seam ("News|Senate",
"Health|Cannabis"; 9 seams in 10 of this kind are glue on our pages). Shorter ones start names:
Mc|Donald, We|Work, Air|Pods, You|Tube. (Longer names are cut too, Dual|Shock, Soft|Bank: kept
in a paragraph they are joined again; in a headline they cost it. Keeping a headline's
seams whole lost more headlines glued to a byline or section name than it saved.)"""

_DATE_AFTER = re.compile(
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}\b"
    r"|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,? (?:\d|[A-Z][a-z]{2})"
)
"""A date glued to the word before it ("By Ann LeeNov. 18, 2019"): a seam whatever that word."""
DATE_LABEL_MIN_CHARS = 6
"""Date labels this long are words no name or brand goes on with: shorter ones ("Date",
"Stand", "Data") start names and words too."""
_DATE_LABEL_AFTER = re.compile(
    "(?:"
    + "|".join(sorted({w.capitalize() for w in PUBLISHED_LABELS + UPDATED_LABELS if " " not in w and len(w) >= DATE_LABEL_MIN_CHARS}))
    + r")(?=[\s:])"
)
"""A date label glued to the headline before it ("... by early 2020sPublished Wed, Nov 20"):
a seam whatever that word, like a glued date."""

_GLUED_RUN = re.compile(rf"[{_LOWER}]{{2}}[{_UPPER}][{_LOWER}]+[{_UPPER}][{_LOWER}]")
"""Three words glued into one ("HomeWorldBusiness"): menus read like this only when the
scraper joined text nodes without a separator; camel-case names have two parts ("WeWork")."""
_GLUED_WORDS = re.compile(rf"(?<![\w/#@.=_-])(?:[{_UPPER}][{_LOWER}]+){{3,}}(?![\w/#@=_])")
"""A whole word made of three capitalised words or more ("HomeWorldBusiness"), not code
("legalAcceptanceAcceptButton") or a URL."""
_GLUED_WORDS_HINT = re.compile(rf"[{_UPPER}][{_LOWER}]+[{_UPPER}][{_LOWER}]+[{_UPPER}]")
"""What a glued word starts with, found four times faster than `_GLUED_WORDS` (no look-behind):
most pages have too few to be glued and are not scanned again."""
GLUED_PAGE_MIN = 3
"""Glued words a page needs to count as glued; one or two are a name ("PowerYourTrade")."""
GLUED_PAGE_SHARE = 0.25
"""Glued words per short line (three words or fewer) on a glued page. A renderer that separates
elements puts each menu item on a line of its own, so even a page whose own HTML glues a menu
has dozens of short lines per glued word (at most 0.05 on the pages we have); when text nodes
are joined without a separator, the menus are the glued words and short lines are rare."""


def glued_page(text: str) -> bool:
    """Whether the dump comes from a scraper that glued text nodes together."""
    if len(_GLUED_WORDS_HINT.findall(text)) < GLUED_PAGE_MIN:
        return False
    glued = len(_GLUED_WORDS.findall(text))
    if glued < GLUED_PAGE_MIN:
        return False
    short = sum(1 for line in text.split("\n") if line and len(line.split(None, 3)) <= 3 and not line.isspace())
    return glued >= GLUED_PAGE_SHARE * short


def _word_at(line: str, at: int) -> str:
    """The whitespace-delimited word around an offset."""
    start = max(line.rfind(" ", 0, at), line.rfind("\xa0", 0, at)) + 1
    end = len(line)
    for sep in " \xa0":
        k = line.find(sep, at)
        if k >= 0:
            end = min(end, k)
    return line[start:end]


def _seam(line: str, m: re.Match[str]) -> bool:
    """Whether a seam the pattern found is one to cut at."""
    at = m.start()
    word = _word_at(line, at)
    if _NOT_TEXT.search(word):
        return False
    if m.group("camel") is None or _GLUED_RUN.search(word):
        return True
    return bool(_LOWER_LEFT.search(line, 0, at) or _CAPITAL_LEFT.search(line, 0, at) or _DATE_AFTER.match(line, at) or _DATE_LABEL_AFTER.match(line, at))


def glue_cuts(line: str) -> list[int]:
    """Offsets in the line where text nodes were glued together and the line is cut."""
    if not _HINT.search(line):
        return []
    return [m.start() for m in _SEAM.finditer(line) if _seam(line, m)]


def join_kept(blocks: list[Block]) -> str:
    """The kept blocks as text, a paragraph each; a glued piece right after its kept neighbour
    is joined back to it as the input had it (a camel-case word, a link glued in a sentence)."""
    out: list[str] = []
    prev = -2
    for b in blocks:
        if not b.text:
            continue
        if b.glued and b.index == prev + 1 and out:
            out[-1] += b.text
        else:
            out.append(b.text)
        prev = b.index
    return "\n\n".join(out)

