"""Plain-text dump -> blocks.

Scrapers flatten pages in a few recognisable ways, and the reader undoes what it can:

* bullets (`- * + • □ ▪ ◦ ·`, and inscriptis' `o` when indented or before a capital) and markdown `#` headings become
  `Block.marker` / `Block.heading`, so rules see the text and the layout separately;
* a paragraph hard-wrapped at a fixed width is re-joined where the next line's first word would
  not have fitted on the line (the classic test for a wrapped line); the width, and what lynx's
  layout adds to it (headings at the margin, a wrapped line going on at its paragraph's
  indent), are read as readers/browser.py says;
* markdown link and image syntax, emphasis, lynx's link numbers and image file names are reduced
  to the words a reader saw, in place and length for length (readers/markup.py), so a menu of
  links reads as the words it showed and spans still point into the input; a line html2text
  filled with the rest of a wrapped link target reads empty then, but it is no paragraph break;
* BeautifulSoup's `get_text("\\n")` breaks a sentence at every inline link ("WeWork agreed to a" /
  "rescue by its largest shareholder" / ", Japanese ..."): such fragments are re-joined when the
  next line continues the sentence (starts in lower case or with closing punctuation);
* `get_text()` with no separator and lxml's `text_content()` glue elements together
  ("HomeNewsSports", "By Ann LeeNov. 18, 2019"): on a page that reads glued as a whole, lines
  are cut at those seams, each piece a block of its own (readers/glue.py).

Every block keeps its span in the input; only layout markers and whitespace fall between spans.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Callable

from ..blocks import Block
from ..rules.vocab import UI_WORDS
from .browser import image_file_names, lynx_wrapped, page_layout, wrapped_here
from .glue import glue_cuts, glued_page
from .markup import CONTINUATION_START as _CONTINUATION_START
from .markup import LinkTexts, unlink_markdown
from .spaced import SEAM_SPACES, seam_cuts, spaced_page
from .oneline import TITLE_MAX_CHARS, byline_cuts, date_cuts, flattened_limit, headline_spans, ordinal_date, section_cuts, split_run, title_end

_MARKER = re.compile(r"(?:[-*+•□▪◦·‣●○■–](?=\s)|o(?=\s+\S))\s*")
_HEADING = re.compile(r"(#{1,6})\s+")
# lynx marks the 4th and 5th levels of a nested list with "#" and "@" ("          # Cakes"), and
# prints a page's <link rel> list as "   #[1]Feed [2]Comments": indented, such a "#" is a bullet.
_DEEP_MARKER = re.compile(r"[#@](?=\s)\s*")
MARKDOWN_MAX_INDENT = 3
"""A markdown heading starts at most this far in (CommonMark); further in, "#" is lynx's bullet."""
_SPACES = re.compile(r"\s+")
# The end of a sentence where the next one starts, with or without a space: "6.The band", "in
# May. Tickets". An initial ("John F. Kennedy", "U.S.") is a lone capital before the stop.
_SENTENCE_END = re.compile(
    r"(?<=[\w%)][.!?])(?<![\s.][A-Z][.!?])[\"”’]?\s*(?=[A-Z“\"‘])"
    r"|(?:(?<=\.\.\.)|(?<=…))\s+(?=[A-Z“\"‘])"  # "Rekhi, 41,... UN regrets": a teaser cut off
    r"|(?P<sep>(?<!\s)\s+[|•·»›]\s+)"  # "Headline | Site", "Home » News": a separator between items
    # (from the start of a run of spaces only: tried inside a long run, it rescanned it each time)
)
_SETEXT = re.compile(r"={3,}|-{3,}")
_LAYOUT_FIRST = frozenset("#@-*+•□▪◦·‣●○■–o")
"""Characters a heading or bullet marker starts with: other lines skip the layout regexes."""
# A line ends a sentence or a self-contained item: no joining after it.
_TERMINAL = frozenset(".!?:;。！？…\"'”’»)]|")
_CLOSING_QUOTES = frozenset("\"'”’»")
# Words after which a line cannot end a sentence: "The" / "New York Times" / "reported ...".
_DANGLING = frozenset(
    "a an the of to in on at by for with from and or but as that than its his her their our "
    "der die das den dem des ein eine und oder mit von zu im le la les un une des du de et "
    "el los las y en con por para del il lo gli e di da per".split()
)

LONG_LINE_CHARS = 2500
"""Longer than any paragraph we have seen (the longest are near 2,100 characters): a line this long
is several paragraphs or a whole page that a scraper put on one line (get_text() with no
separator, text_content())."""
LINK_TEXT_MAX_WORDS = 3
"""A line this short after an unfinished sentence is the text of a link inside it."""
SENTENCE_MIN_WORDS = 6
"""An unfinished line this long is a sentence in progress, not a menu item."""
TAIL_CHARS = 300
"""How much of a paragraph's end the joining tests look at."""
MAX_JOINED_LINES = 400
"""No paragraph is longer than this many input lines; beyond it the text is a list of lines."""
MAX_HEADING_LINES = 3
"""A heading wrapped onto more lines than this is no heading but a paragraph marked up as one."""
FRAGMENT_MAX_WORDS = 12
"""A bs4 link fragment is short; longer lines are judged on their own."""


def _split_lines(text: str) -> list[tuple[int, str]]:
    """(offset, line) for every line, newline excluded."""
    out = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def _strip_layout(line: str, raw: str) -> tuple[str, str, int, int]:
    """Return (content, marker, heading level, offset of content in line). `raw` is the line
    before link markup was blanked: lynx's "#[1]Feed" is no heading though it reads "#   Feed"."""
    body = line.lstrip()
    offset = len(line) - len(body)
    marker = ""
    heading = 0
    m = _HEADING.match(body)
    if m and (offset > MARKDOWN_MAX_INDENT or not raw[offset + len(m.group(1))].isspace()):
        m = None
    deep = _DEEP_MARKER.match(body) if offset and not m else None
    if deep:
        marker = body[0]
        offset += deep.end()
        body = body[deep.end() :]
    if m:
        heading = len(m.group(1))
        offset += m.end()
        body = body[m.end() :]
    # html2text writes nested empty items as "*   *   * Subscribe": strip every marker.
    while True:
        m = _MARKER.match(body)
        if not m or (m.group(0)[0] == "o" and offset == 0 and not body[m.end() : m.end() + 1].isupper()):
            break
        marker = marker or m.group(0)[0]
        offset += m.end()
        body = body[m.end() :]
    return body.rstrip(), marker, heading, offset


def _setext_title(block: Block) -> bool:
    """A block an underline of "=" or "-" makes a heading: one plain line."""
    return block.n_lines == 1 and not block.marker and not block.heading


def _joins(prev: str, nxt: str, wrap: int, prev_raw_len: int) -> bool:
    """Whether the next line continues the previous one's paragraph."""
    if not prev or not nxt:
        return False
    if wrap and wrapped_here(nxt, wrap, prev_raw_len):
        # "... disagree with them.”" / "ADVERTISEMENT": a sentence ended and the next line is an
        # interface word alone or an image's file name ("echo-buds.jpg echo-buds.jpg"), an
        # element the browser printed right below, not a wrapped word.
        return prev[-1] not in _TERMINAL or (nxt.casefold() not in UI_WORDS and not image_file_names(nxt))
    head = nxt[0]
    if prev[-1] in _TERMINAL:
        # '“It was a shame,”' / 'the doctor said.': a quote closed on a comma goes on.
        return prev[-2:-1] == "," and prev[-1] in _CLOSING_QUOTES and head.islower()
    if head in _CONTINUATION_START or head.islower():
        return True
    if nxt.count(" ") < LINK_TEXT_MAX_WORDS and _in_sentence(prev) and nxt.strip(" .:").casefold() not in UI_WORDS:
        return True  # "... the fourth film in rebooted" / "Star Trek": link text inside a sentence
    last = prev.rsplit(" ", 1)[-1]
    # "7:04 pm ET" is a time zone, not French "et": an all-caps word is no dangling conjunction.
    return (last.lower() in _DANGLING and not (len(last) > 1 and last.isupper())) or prev[-1] in "(,–—-"


def _in_sentence(line: str) -> bool:
    """A long line mostly in lower case, without a full stop: a sentence cut at a link."""
    words = line.split()
    if len(words) < SENTENCE_MIN_WORDS:
        return False
    lower = sum(1 for w in words if w[0].islower())
    return lower * 2 >= len(words) and ("," in line or lower * 3 >= len(words) * 2)


def _opens_link(raw: str) -> bool:
    """Whether a markdown line opens a link and leaves it open: html2text wraps before a link
    target too long for the line, so the link's text goes on on the next line (a wrapped linked
    headline), however short this line is."""
    return raw.count("[") > raw.count("]")


def _is_fragment(last_words: int, nxt: str) -> bool:
    """The last line taken or the next one is short enough to be a piece of a sentence split at
    an inline link."""
    return last_words < FRAGMENT_MAX_WORDS or nxt.count(" ") < FRAGMENT_MAX_WORDS


def _separator(prev: str, nxt: str, wrapped: bool) -> str:
    """The spacing between two pieces of one paragraph, as the page had it."""
    if wrapped and prev.endswith("-") and not prev.endswith(" -"):
        return ""  # "well-" + "known": the hyphen belongs to the compound
    if nxt[0] in ",.;:)!?%’”»" or prev[-1] in "(“‘«":
        return ""
    return " "


class _Paragraph:
    """The block being built: pieces are joined once at the end, so a paragraph of many lines
    costs linear time (a page of 300,000 one-word lines must not take minutes)."""

    # `words` counts the last input line taken (the piece a link may have cut short), not the
    # paragraph: "... sending" / "shares" / "lower ahead of ..." goes on after a long start.
    __slots__ = ("block", "parts", "tail", "words", "raw_len", "open_link")

    def __init__(self, block: Block, raw_len: int) -> None:
        self.block = block
        self.parts = [block.text]
        self.tail = block.text[-TAIL_CHARS:]
        self.words = block.text.count(" ") + 1
        self.raw_len = raw_len
        self.open_link = False  # the last line opened a markdown link it did not close

    def can_take(self, content: str, wrap: int) -> bool:
        if self.open_link:  # "# [Man Develops 'Duvet Lung' After Getting New" / "Bedding](/a/b)"
            return self.block.n_lines < MAX_JOINED_LINES
        if self.block.heading:  # a markdown heading goes on only where a wrapper cut it (html2text)
            return (
                bool(wrap)
                and not self.block.indent  # lynx's indented "#[1]Feed" link list is no markdown
                and self.block.n_lines < MAX_HEADING_LINES
                and wrapped_here(content, wrap, self.raw_len)
            )
        return (
            self.block.n_lines < MAX_JOINED_LINES
            and (bool(wrap) or _is_fragment(self.words, content))
            and _joins(self.tail, content, wrap, self.raw_len)
        )

    def take(self, content: str, end: int, raw_len: int, wrapped: bool) -> None:
        sep = _separator(self.tail, content, wrapped)
        self.parts += (sep, content)
        self.tail = (self.tail + sep + content)[-TAIL_CHARS:]
        self.words = content.count(" ") + 1
        self.raw_len = raw_len
        self.block.end = end
        self.block.n_lines += 1

    def close(self) -> None:
        if len(self.parts) > 1:
            self.block.set_text("".join(self.parts))


_Line = tuple[int, int, str, str]
"""(line number, offset, text, piece kind) of one line or piece of a line, as the reader reads it."""
_AddLine = Callable[[list[_Line], int, int, str], None]


class _PageLines:
    """A dump's lines and what the reader learns of the page before it reads them one by one.

    A glued page is read twice: as it stands (its whole lines tell the wrap width, and a
    hard-wrapped dump is never glued), then with its glued text nodes cut apart. Both readings
    ask the same of the page, so the answers are found once, here: the lines, the length above
    which a line is cut, whether spaces join elements, the headline and its copies, and where
    each over-long line is cut (which only ungluing changes, piece by piece)."""

    __slots__ = ("text", "lines", "limit", "spaced", "_headlines", "_copies", "_pieces")

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = _split_lines(text)
        self.limit = flattened_limit([line for _, line in self.lines], len(text), LONG_LINE_CHARS)
        """A line longer than this is cut into its sentences and items."""
        self.spaced = spaced_page(text)
        """Whether the page joins its elements with spaces (readers/spaced.py)."""
        self._headlines: list[tuple[int, int]] | None = None
        self._copies: dict[int, list[int]] | None = None
        self._pieces: dict[int, list[_Piece]] = {}

    def headlines(self) -> list[tuple[int, int]]:
        """Where the headline opens the page and where it recurs (`oneline.headline_spans`)."""
        if self._headlines is None:
            self._headlines = headline_spans(self.text)
        return self._headlines

    def copies(self) -> dict[int, list[int]]:
        """Where a copy of the headline starts or ends inside a line (see `_copy_cuts`)."""
        if self._copies is None:
            self._copies = _copy_cuts(self.lines, self.headlines()[1:])
        return self._copies

    def pieces(self, lineno: int) -> list[_Piece]:
        """The pieces an over-long line is cut into (see `_over_long_pieces`)."""
        pieces = self._pieces.get(lineno)
        if pieces is None:
            pos, line = self.lines[lineno - 1]
            pieces = self._pieces[lineno] = _over_long_pieces(line, pos, self.headlines(), self.spaced, lineno == 1)
        return pieces


def _lines(page: _PageLines, unglue: bool) -> list[_Line]:
    """(line number, offset, text, piece) of every line; a line too long to be one paragraph (a
    page flattened onto a few lines) is cut into its sentences and at item separators (" | "),
    each piece read like a line of its own (and see `oneline` for the rest of what is cut there).
    With `unglue`, a line of text nodes glued together is cut apart (readers/glue.py): its pieces
    are `_CUT` (the first) and `_GLUED` (the others), each a block of its own."""
    out: list[_Line] = []
    add = _add_unglued if unglue else _add_line
    lines, limit, spaced = page.lines, page.limit, page.spaced
    long_title = limit >= len(lines[0][1]) > TITLE_MAX_CHARS
    # A first line longer than a <title>, whose headline recurs further down, is the <title> on
    # one source line with the header (logo, menus, the headline again, byline, date), as
    # get_text(" ") and its kin print it: it is cut like an over-long line. Without the
    # recurring headline a long first line is left as it is.
    title_run_on = long_title and len(page.headlines()) > 1
    # where get_text(" ") or get_text() ran the headline on with other text nodes, it is cut out
    copies = page.copies() if spaced or unglue else {}
    for lineno, (pos, line) in enumerate(lines, 1):
        if len(line) <= limit and not (lineno == 1 and title_run_on):
            if spaced and SEAM_SPACES in line and (seams := seam_cuts(line, False)):
                _add_seamed(out, add, lineno, pos, line, _with_copies(seams, page.headlines()[1:], pos, len(line)))
            elif lineno in copies:
                _add_seamed(out, add, lineno, pos, line, copies[lineno])
            elif unglue:
                _add_unglued(out, lineno, pos, line)
            else:  # most lines of most pages: no call
                out.append((lineno, pos, line, _WHOLE))
            continue
        for start, end, whole, cut in page.pieces(lineno):
            before = len(out)
            if whole:
                out.append((lineno, pos + start, line[start:end], _WHOLE))
            else:
                add(out, lineno, pos + start, line[start:end])
            if cut:
                _mark_cut(out, before)
    return out


_Piece = tuple[int, int, bool, bool]
"""(start, end, whole, cut) of a piece of an over-long line, offsets in the line: a `whole` piece
(the headline) is kept as it is, not unglued; a `cut` one starts after a seam or a byline's
start, so no paragraph goes on into it (see `_mark_cut`)."""


def _over_long_pieces(line: str, pos: int, headlines: list[tuple[int, int]], spaced: bool, first: bool) -> list[_Piece]:
    """The pieces of an over-long line at `pos` (the `first` line: the <title> line): the
    headline copies in it whole, the stretches between them cut at their seams on a `spaced`
    page, into sentences and items (`_sentence_pieces`)."""
    keep = title_end(line) if first else 0
    spans = [(max(s - pos, 0), min(e - pos, len(line))) for s, e in headlines if s < pos + len(line) and e > pos]
    cuts = sorted({c for span in spans for c in span} - {0, len(line)})
    seams = _outside(seam_cuts(line, False), spans) if spaced and SEAM_SPACES in line else []
    pieces: list[_Piece] = []
    for begin, end in _segments(cuts, seams, len(line)) if seams else zip([0, *cuts], [*cuts, len(line)]):
        if (begin, end) in spans:  # the headline: <title> or h1 copy, kept whole
            stretch: list[_Piece] = [(begin, end, True, False)]
        else:
            stretch = _sentence_pieces(line, begin, end, keep)
        if seams and begin in seams:
            stretch[0] = (*stretch[0][:3], True)
        pieces += stretch
    return pieces


_WHOLE = ""
"""A line as it came."""
_CUT = "cut"
"""The first piece of a line cut where text nodes were glued: no paragraph goes on into it (a
menu's first item, a section name glued to the headline)."""
_GLUED = "glued"
"""A later piece of such a line: its block is marked glued (rejoined when kept beside the last)."""


def _add_line(out: list[_Line], lineno: int, pos: int, line: str) -> None:
    out.append((lineno, pos, line, _WHOLE))


def _add_unglued(out: list[_Line], lineno: int, pos: int, line: str) -> None:
    """Append the line, or its pieces where text nodes were glued together."""
    cuts = glue_cuts(line)
    if not cuts:
        out.append((lineno, pos, line, _WHOLE))
        return
    start = 0
    for cut in cuts:
        out.append((lineno, pos + start, line[start:cut], _GLUED if start else _CUT))
        start = cut
    out.append((lineno, pos + start, line[start:], _GLUED))


def _copy_cuts(lines: list[tuple[int, str]], copies: list[tuple[int, int]]) -> dict[int, list[int]]:
    """{line number: offsets in the line} where a headline copy starts or ends inside a line
    that holds more than the copy ("Facebook Twitter ... Published 22 hours ago Headline")."""
    out: dict[int, list[int]] = {}
    if not copies:
        return out
    starts = [pos for pos, _ in lines]
    for c in sorted({c for span in copies for c in span}):
        i = bisect_right(starts, c) - 1
        pos, line = lines[i]
        if pos < c < pos + len(line.rstrip()):
            out.setdefault(i + 1, []).append(c - pos)
    return out


def _with_copies(seams: list[int], copies: list[tuple[int, int]], pos: int, length: int) -> list[int]:
    """The seams of a line at `pos`, and the ends of the headline copies inside it: a copy run
    on with the text node before it ("| Source: Site Headline") is cut out too."""
    inside = [c - pos for span in copies for c in span if pos < c < pos + length]
    return sorted({*seams, *inside}) if inside else seams


def _outside(seams: list[int], spans: list[tuple[int, int]]) -> list[int]:
    """The seams (readers/spaced.py) of an over-long line outside the headline copies it holds,
    which stay whole."""
    return [c for c in seams if not any(s < c < e for s, e in spans)]


def _segments(cuts: list[int], seams: list[int], length: int) -> list[tuple[int, int]]:
    """(begin, end) of the stretches of a line between its cuts and seams."""
    points = sorted({*cuts, *seams} - {0, length})
    return list(zip([0, *points], [*points, length]))


def _mark_cut(out: list[_Line], i: int) -> None:
    """Make out[i], a piece that starts after a seam or a byline's start, `_CUT`: no paragraph goes on into it
    ("Flat Irons" / "by Regan" would join as a sentence going on)."""
    if i < len(out) and out[i][3] == _WHOLE:
        out[i] = (*out[i][:3], _CUT)


def _add_seamed(out: list[_Line], add: _AddLine, lineno: int, pos: int, line: str, seams: list[int]) -> None:
    """Append the pieces of a line holding paragraphs joined by spaces (readers/spaced.py); a
    later piece is `_CUT`, so no paragraph goes on into it, and each is unglued like a line."""
    for begin, end in zip([0, *seams], [*seams, len(line)]):
        before = len(out)
        add(out, lineno, pos + begin, line[begin:end])
        if begin:
            _mark_cut(out, before)


def _sentence_pieces(line: str, begin: int, end: int, keep: int) -> list[_Piece]:
    """line[begin:end], a stretch of an over-long line, cut into its sentences and items."""
    pieces: list[_Piece] = []
    start = begin
    for m in _SENTENCE_END.finditer(line, begin, end):
        if line[m.start() - 1] == "." and ordinal_date(line, m.start(), m.end()):
            continue  # "publiziert am 25. | September 2018": no sentence ends there
        pieces += _item_pieces(line, start, m.start() if m.group("sep") else m.end(), keep)
        start = m.end()
    pieces += _item_pieces(line, start, end, keep)
    return pieces


def _item_pieces(line: str, start: int, end: int, keep: int) -> list[_Piece]:
    """line[start:end], a piece of an over-long line, itself cut where a run too long for a
    sentence started a new item (see `oneline`), but not before `keep` (the <title> line)."""
    base = start
    piece = line[start:end]
    bylines = byline_cuts(piece)
    cuts = sorted({*split_run(piece), *date_cuts(piece), *bylines, *section_cuts(piece)})
    pieces: list[_Piece] = []
    for stop in [base + cut for cut in cuts if base + cut > keep] + [end]:
        # "Flat Irons" / "by Regan": a byline cut is no sentence going on
        pieces.append((start, stop, False, start > base and start - base in bylines))
        start = stop
    return pieces


def _whole_lines(raw_lines: list[_Line], n_lines: int) -> list[str]:
    """The lines the dump had (`n_lines` of them), without the pieces of an over-long line: where
    a line was cut tells nothing of a wrap width, and pieces ending near one length would fake one."""
    if len(raw_lines) == n_lines:
        return [s for _, _, s, _ in raw_lines]
    cut = {n for (n, _, _, _), (m, _, _, _) in zip(raw_lines, raw_lines[1:]) if n == m}
    return [s for n, _, s, _ in raw_lines if n not in cut]


@dataclass(frozen=True, slots=True)
class Reading:
    """A dump as the reader read it: its blocks, and where the text of its markdown links stands
    in it (the blocks show a link's text as plain words; the `link_card` rule asks how much of a
    block was link text)."""

    blocks: list[Block]
    link_texts: LinkTexts


def read_dump(text: str) -> Reading:
    """The blocks of a dump (see `read_blocks`) and the spans of its markdown link texts."""
    plain, link_texts = unlink_markdown(text)  # the same length as text: offsets and line lengths hold
    return Reading(_blocks(text, plain), link_texts)


def read_blocks(text: str) -> list[Block]:
    """Split a dump into blocks, one per paragraph or line, with layout hints and input spans."""
    return read_dump(text).blocks


def _blocks(text: str, plain: str) -> list[Block]:
    """The blocks of `text`, read in `plain`, the text with its markup reduced to the words it
    showed (`plain is text` when it had none)."""
    page = _PageLines(text)
    raw_lines = _lines(page, False)
    wrap, margin_heading = page_layout(_whole_lines(raw_lines, len(page.lines)))
    if not wrap and glued_page(text):  # a hard-wrapped dump came from a layout engine
        raw_lines = _lines(page, True)
    blocks: list[Block] = []
    blank = True
    current: _Paragraph | None = None
    markdown = plain is not text and "](" in text
    for lineno, pos, raw, piece in raw_lines:
        line = raw if plain is text else plain[pos : pos + len(raw)]
        if markdown and current is not None and line.isspace() and not raw.isspace():
            current.raw_len = len(raw.rstrip())  # the rest of a wrapped link target: no paragraph break
            continue
        if not line or line.isspace():
            blank = True
            if current is not None:
                current.close()
                current = None
            continue
        body = line.lstrip()
        indent = len(line) - len(body)
        if body[0] in _LAYOUT_FIRST:
            content, marker, heading, off = _strip_layout(line, raw)
            at_margin = False
            if not content:
                blank = True
                if current is not None:
                    current.close()
                    current = None
                continue
        else:  # most lines: no marker, no heading
            content, marker, heading, off = body.rstrip(), "", 0 if indent else margin_heading, indent
            at_margin = heading > 0  # a heading of an indented dump, or the rest of one it wrapped
        if "  " in content or not content.isprintable():  # tabs, no-break spaces, runs of spaces
            content = _SPACES.sub(" ", content)
        raw_len = len(raw.rstrip())
        if content[0] in "=-" and current is not None and _SETEXT.fullmatch(content) and _setext_title(current.block):
            # "Headline" / "========": markdownify's default heading style underlines it.
            current.block.heading = 1 if content[0] == "=" else 2
            current.block.end = pos + raw_len
            current.close()
            current = None
            continue
        joinable = not heading or (at_margin and current is not None and current.block.heading > 0)
        if (
            current is not None
            and not piece
            and not marker
            and joinable
            and current.can_take(content, wrap)
            and (not margin_heading or lynx_wrapped(text, current.block, current.raw_len, content, raw, wrap))
        ):
            current.take(content, pos + raw_len, raw_len, bool(wrap))
            if markdown:
                current.open_link = _opens_link(raw)
            continue
        if current is not None:
            current.close()
        block = Block(len(blocks), content, pos + off, pos + raw_len, lineno, pos + indent, marker, heading, indent, blank)
        block.glued = piece == _GLUED
        blocks.append(block)
        current = _Paragraph(block, raw_len)
        if markdown:
            current.open_link = _opens_link(raw)
        blank = False
    if current is not None:
        current.close()
    return blocks
