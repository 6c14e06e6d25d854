"""Publication dates: find date expressions in a line and parse them to ISO 8601.

Written with regexes and the month tables in `vocab` instead of dateparser: a news header shows
a handful of formats ("Nov. 18, 2019 11:03 PM", "19.11.2019", "12 de mayo de 2024"), and a
dedicated scanner reads them in microseconds where a general parser takes milliseconds.
Relative dates ("2 days ago") cannot be resolved without the crawl time and are skipped.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import lru_cache

from .common import word_alternation
from .vocab import DANGLING_WORDS, MONTHS, PUBLISHED_LABELS, TIME_CONNECTORS, UPDATED_LABELS, WEEKDAYS

MIN_YEAR = 1990
"""Earlier years in a news header are almost always something else (a founding year)."""
MAX_YEAR = 2100

PUBLISHED = "published"
UPDATED = "updated"
PLAIN = "plain"

_MONTH = word_alternation(MONTHS)
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th|er|º|°)?\.?"
_YEAR = r"(?P<y>(?:19|20)\d\d)"
_B = r"(?<![\w.])"  # no letter, digit or dot right before
_E = r"(?![\w])"
# The same tests of what stands before a number, written after its first characters: a pattern
# that opens with a digit (not with a look-behind) lets the regex engine skip in C to the next
# digit instead of trying the whole pattern at every position (the numeric forms scan ~2x faster,
# with the same matches: the look-behind still tests the character before the number).
_YEAR_AFTER_B = r"(?P<y>(?:19|20)(?<![\w.]..)\d\d)"
"""`_B` + `_YEAR`."""
_DAY_AFTER_B = r"(?P<d>\d(?<![\w.]\d)(?:(?<=[0-3])\d)?)(?:st|nd|rd|th|er|º|°)?\.?"
r"""`_B` + `_DAY`: a digit, then a second one after a 0-3, tried first as `[0-3]?\d` does."""
_NUM_A = r"(?P<a>\d(?<![\w./-]\d)(?:(?<=[0-3])\d)?)"
r"""`(?<![\w./-])(?P<a>[0-3]?\d)`, written the same way."""

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "iso",
        re.compile(
            _YEAR_AFTER_B + r"-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)"
            r"(?:(?:T|\s+)(?P<H>[0-2]?\d):(?P<M>[0-5]\d)(?::(?P<S>[0-5]\d))?)?(?!\d)"
        ),
    ),
    ("ymd", re.compile(_YEAR_AFTER_B + r"[/.](?P<m>[01]?\d)[/.](?P<d>[0-3]?\d)(?![\d/.])")),
    (
        "num",
        re.compile(
            _NUM_A + r"(?P<sep>[./-])(?P<b>[0-3]?\d)(?P=sep)"
            r"(?P<y>(?:19|20)\d\d|\d\d(?=[\s,|]|$))(?![\d/.]\d)"
        ),
    ),
    (
        "mdy",
        re.compile(
            _B + r"(?P<mon>" + _MONTH + r")\.?\s+" + _DAY + r",?\s+(?:de\s+)?" + _YEAR + _E,
            re.IGNORECASE,
        ),
    ),
    (
        "dmy",
        re.compile(
            _DAY_AFTER_B + r"\s*(?:de\s+|of\s+)?(?P<mon>" + _MONTH + r")\.?,?\s*(?:de\s+|del\s+)?" + _YEAR + _E,
            re.IGNORECASE,
        ),
    ),
)
"""The date forms that carry their year, tried in this order: a later form may not overlap the
span of a date an earlier one read."""
_YEAR_LESS: tuple[str, re.Pattern[str]] = (
    "md",
    re.compile(_B + r"(?P<mon>" + _MONTH + r")\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?" + r"(?![\d:])", re.IGNORECASE),
)
"""A date without its year ("Nov 18"), tried last and only when the caller knows the year."""
_MONTH_FIRST_FORMS = frozenset({"mdy", "md"})
"""Forms whose match starts with the month name: scanned from the line's first month name on."""
_MONTH_WORD = re.compile(_MONTH)
"""The month names, case-sensitive: run on lower-cased text (see `_first_month`)."""
_CASE_TRAPS = frozenset("\u0130\u0131\u017f\u1c80\u1c81\u1c82\u1c83\u1c84\u1c85")
"""İ ı ſ and the Cyrillic rounded letters ᲀ-ᲅ: the case-insensitive patterns match them to a
month's i, s, в, д, о, с or т, where str.lower() leaves them (or, for İ, makes two characters).
tests/test_metadata.py recomputes this set from the month table."""

_TIME = r"(?P<H>[0-2]?\d):(?P<M>[0-5]\d)(?::(?P<S>[0-5]\d))?\s*(?P<ap>[ap]\.?\s?m\.?)?"
_CONNECT = "|".join(re.escape(c) for c in sorted(TIME_CONNECTORS, key=len, reverse=True))
_TIME_AFTER = re.compile(r"[\s,;]*(?:(?:" + _CONNECT + r")[\s,]*)?" + _TIME + r"(?![\d])", re.IGNORECASE)
_TIME_BEFORE = re.compile(
    _TIME + r"\s*(?:[A-Za-z]{2,5}\.?)?[\s,|/-]*(?:[^\W\d]{2,12}\.?,?\s*)?$", re.IGNORECASE
)
_LABEL = re.compile(
    r"(?<![\w])(?P<label>" + word_alternation(PUBLISHED_LABELS + UPDATED_LABELS) + r")(?![\w])", re.IGNORECASE
)
_UPDATED_SET = frozenset(UPDATED_LABELS)
_LABEL_FIRST_WORDS = frozenset(w.split()[0] for w in PUBLISHED_LABELS + UPDATED_LABELS)
# Labels that are also ordinary first words of a headline ("Date night ideas", "Data shows").
_AMBIGUOUS_LABELS = frozenset({"date", "data", "datum", "stand", "released", "created", "edited", "revised", "modified"})
_COPYRIGHT = re.compile(r"©|ⓒ|\(c\)|copyright", re.IGNORECASE)
_MAYBE_DATE = re.compile(r"\d(?:[./-]\d|(?<=1)9\d\d|(?<=2)0\d\d)")
"""A year (19xx, 20xx) or a numeric date with a 2-digit year ("5.11.19"): every dated form holds
one. Written to open with a digit, which lets the regex engine skip to the next digit in C."""
_DIGITS = frozenset("0123456789")

CACHE_LINES = 4096
"""Lines whose dates are remembered within one document (its header lines are read by several
steps); `forget_lines` empties the memory when the next document starts."""
TIME_BEFORE_WINDOW = 40
"""Characters before a date searched for a time written first ("3:14 PM PDT, August 3, 2024")."""


@dataclass(frozen=True, slots=True)
class FoundDate:
    """One date expression in a line."""

    iso: str  # "2019-11-19" or "2019-11-19T10:31:00"
    day: tuple[int, int, int]
    kind: str  # PUBLISHED, UPDATED or PLAIN (no label)
    start: int  # offset in the line
    end: int
    label: str = ""  # the label word as written, for `sources`
    form: str = ""  # which pattern read it ("iso", "mdy", ...)


def _valid(y: int, m: int, d: int) -> bool:
    """A real calendar day in the accepted year range."""
    return MIN_YEAR <= y <= MAX_YEAR and 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]


def _hms(m: re.Match[str]) -> tuple[int, int, int] | None:
    """Hours, minutes, seconds of a time match, 12-hour clock resolved; None when impossible."""
    h, mi = int(m.group("H")), int(m.group("M"))
    s = int(m.group("S") or 0)
    ap = (m.groupdict().get("ap") or "").replace(".", "").replace(" ", "").lower()
    if ap:
        if not 1 <= h <= 12:
            return None
        h = h % 12 + (12 if ap == "pm" else 0)
    return (h, mi, s) if h < 24 else None


def _numeric_order(a: int, b: int, sep: str, month_first: bool) -> tuple[int, int] | None:
    """(month, day) for an all-numeric date: a value above 12 decides, else the page's habit."""
    if a > 12 and b <= 12:
        return b, a
    if b > 12 and a <= 12:
        return a, b
    if a > 12 or b > 12:
        return None
    return (a, b) if (month_first and sep == "/") else (b, a)


def _ymd(kind: str, m: re.Match[str], month_first: bool, year: int | None) -> tuple[int, int, int] | None:
    """Year, month, day of one pattern match; `year` completes year-less dates."""
    g = m.groupdict()
    if kind in ("iso", "ymd"):
        return int(g["y"]), int(g["m"]), int(g["d"])
    if kind == "num":
        order = _numeric_order(int(g["a"]), int(g["b"]), g["sep"], month_first)
        if order is None:
            return None
        y = int(g["y"])
        y = y + 2000 if y < 100 else y
        return y, order[0], order[1]
    month = MONTHS.get(g["mon"].casefold())
    if month is None:
        return None
    if kind == "md":
        return (year, month, int(g["d"])) if year else None
    return int(g["y"]), month, int(g["d"])


def _time_near(line: str, m: re.Match[str]) -> tuple[tuple[int, int, int] | None, int, int]:
    """The time printed with a date (inside it, right after, or just before) and the full span."""
    if m.groupdict().get("H"):
        return _hms(m), m.start(), m.end()
    after = _TIME_AFTER.match(line, m.end())
    if after:
        return _hms(after), m.start(), after.end()
    offset = max(0, m.start() - TIME_BEFORE_WINDOW)
    before = _TIME_BEFORE.search(line[offset : m.start()])
    if before:
        return _hms(before), offset + before.start(), m.end()
    return None, m.start(), m.end()


def _label_kind(prefix: str) -> tuple[str, str]:
    """Kind and wording of the last date label in the text before a date."""
    last = None
    for last in _LABEL.finditer(prefix):
        pass
    if last is None:
        return PLAIN, ""
    word = last.group("label")
    return (UPDATED if word.casefold() in _UPDATED_SET else PUBLISHED), word


def find_dates(line: str, *, month_first: bool = True, year: int | None = None) -> tuple[FoundDate, ...]:
    """All dates in one line, in order, each with its label kind ("Updated", "Posted"...).

    `month_first` settles all-numeric dates where both numbers are <= 12 (US "11/12/2019");
    `year` completes dates printed without one ("Posted Nov 18, 8:19 PM"), which are kept only
    when a label shows they are the page's own date. Results are cached for the document: the
    same header lines are asked about by the title, byline and date steps.
    """
    return _find_dates(line, month_first, year)


def forget_lines() -> None:
    """Start a new document: drop the dates remembered for the last one's lines.

    The cache is meant for one page, whose steps read the same lines. Kept across pages it would
    answer for lines seen before, which a benchmark holding several renderings of each page
    rewards and a stream of new pages does not: speed figures must not lean on it.
    """
    _find_dates.cache_clear()
    _dated_matches.cache_clear()
    _year_less_matches.cache_clear()
    _first_month.cache_clear()


@lru_cache(maxsize=CACHE_LINES)
def _find_dates(line: str, month_first: bool, year: int | None) -> tuple[FoundDate, ...]:
    """find_dates, cached: the title, byline and date steps ask about the same header lines
    (the title step about each line up to four times), and even the cheap test for a line
    without a date costs more than the cache's answer."""
    if _DIGITS.isdisjoint(line):
        return ()  # every form needs a digit; `_dated_matches` tests for a year or a numeric date
    taken: list[tuple[int, int]] = []
    found: list[FoundDate] = []
    matches = _dated_matches(line) + (_year_less_matches(line) if year else ())
    for kind, m in matches:
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        ymd = _ymd(kind, m, month_first, year)
        if ymd is None or not _valid(*ymd):
            continue
        taken.append((m.start(), m.end()))
        found.append(_make(line, m, kind, ymd))
    found.sort(key=lambda f: f.start)
    return tuple(_resolve_labels(line, found))


@lru_cache(maxsize=CACHE_LINES)
def _dated_matches(line: str) -> tuple[tuple[str, re.Match[str]], ...]:
    """Every match of every dated form in a line, in trial order, before any validity test.

    The regex scan is the costly part of reading dates, and it does not depend on the caller's
    `month_first` or `year`: the title, byline and date steps ask about the same header lines
    with different ones, and the scan is done once per line for all of them. Every dated form
    holds a year or a numeric day and month (`_MAYBE_DATE`): a line without either is not scanned.
    """
    if not _MAYBE_DATE.search(line):
        return ()
    month_at = _first_month(line)
    return tuple(
        (kind, m)
        for kind, pattern in _PATTERNS
        for m in pattern.finditer(line, month_at if kind in _MONTH_FIRST_FORMS else 0)
    )


@lru_cache(maxsize=CACHE_LINES)
def _year_less_matches(line: str) -> tuple[tuple[str, re.Match[str]], ...]:
    """The matches of the year-less form, scanned only for callers that know the year."""
    kind, pattern = _YEAR_LESS
    return tuple((kind, m) for m in pattern.finditer(line, _first_month(line)))


@lru_cache(maxsize=CACHE_LINES)
def _first_month(line: str) -> int:
    """Where the line's first month name may start (its length when it has none).

    The forms that open with the month ("Nov 18, 2019") try their case-insensitive pattern at
    every position; they are scanned from here on (their look-behind still sees what precedes).
    The month names are found by a case-sensitive search of the lower-cased line, which skips in
    C to the next letter a month starts with; a line holding a character that the patterns match
    to a month's letter but str.lower() does not turn into it is scanned whole.
    """
    if not _CASE_TRAPS.isdisjoint(line):
        return 0
    m = _MONTH_WORD.search(line.lower())
    return m.start() if m else len(line)


def _make(line: str, m: re.Match[str], kind: str, ymd: tuple[int, int, int]) -> FoundDate:
    """Build a FoundDate with the time printed next to it, if any."""
    hms, start, end = _time_near(line, m)
    day = f"{ymd[0]:04d}-{ymd[1]:02d}-{ymd[2]:02d}"
    iso = f"{day}T{hms[0]:02d}:{hms[1]:02d}:{hms[2]:02d}" if hms else day
    return FoundDate(iso=iso, day=ymd, kind=PLAIN, start=start, end=end, form=kind)


def _resolve_labels(line: str, found: list[FoundDate]) -> list[FoundDate]:
    """Give each date the label written between the previous date and itself."""
    out = []
    prev_end = 0
    for f in found:
        kind, word = _label_kind(line[prev_end : f.start])
        if f.form == "md" and kind == PLAIN:
            prev_end = f.end
            continue  # a year-less date without a label is too often something else
        out.append(FoundDate(f.iso, f.day, kind, f.start, f.end, word, f.form))
        prev_end = f.end
    return out


def is_copyright(line: str) -> bool:
    """Copyright lines carry years that are not the publication date."""
    return bool(_COPYRIGHT.search(line))


def starts_with_label(line: str) -> bool:
    """Whether a line opens with a date label ("Updated Nov 19, 9:41 AM", "Posted: ...")."""
    first = line[:20].split(" ", 1)[0].rstrip(":").lower()
    if first not in _LABEL_FIRST_WORDS:
        return False
    m = _LABEL.match(line)
    return bool(m) and m.group("label").casefold() not in _AMBIGUOUS_LABELS


def label_only(line: str) -> tuple[str, str] | None:
    """Kind of a line that is just a date label ("PUBLISHED:", "| Updated :"), else None."""
    text = line.strip(" \t|/·•-–—:")
    if not text or len(text) > 25:
        return None
    m = _LABEL.fullmatch(text)
    if not m:
        return None
    word = m.group("label")
    return (UPDATED if word.casefold() in _UPDATED_SET else PUBLISHED), word


# --- Choosing the page's date ------------------------------------------------------------------

BEFORE_TITLE = 8
"""Blocks above the headline searched (some templates print the date first)."""
INTO_BODY = 4
"""Blocks into the body searched (a date line the classifier kept, or glued to the lead)."""
NO_TITLE_SPAN = 20
"""Blocks searched above the body, or below the headline, when only one anchor is known."""
NO_ANCHOR_SPAN = 40
SENTENCE_WORDS = 4
"""Words of running text before a date that make its line a sentence."""
WEEKDAY_SET = frozenset(WEEKDAYS)
LABEL_LINE_MAX = 30
"""A line this short may be a bare date label ("PUBLISHED:") for the next line's date."""
MAX_LINE_CHARS = 160
"""Longer lines are prose: a date there is an event, unless it opens the line."""
KIND_WEIGHT = {PUBLISHED: 3.0, PLAIN: 2.0, UPDATED: 1.0}
OUTSIDE_COST = 0.15  # per block outside the headline-to-body zone
INSIDE_COST = 0.02  # per block below the headline inside the zone (related lists sit lower)
INSIDE_COST_MAX = 1.0
URL_AGREES_BONUS = 2.5  # the URL path carries the same day
TIME_BONUS = 0.2  # a date with its time is the header date, not a mention


@dataclass(frozen=True, slots=True)
class DateResult:
    iso: str | None = None
    source: str = ""


def _zone(n: int, title_index: int, first_body: int) -> tuple[int, int, int, int]:
    """(scan start, scan end, zone start, zone end): the zone is headline..body, inclusive."""
    if title_index >= 0 and first_body > title_index:
        zs, ze = title_index, first_body
    elif title_index >= 0:
        zs, ze = title_index, title_index + NO_TITLE_SPAN
    elif first_body >= 0:
        zs, ze = max(0, first_body - NO_TITLE_SPAN), first_body
    else:
        zs, ze = 0, NO_ANCHOR_SPAN
    return max(0, zs - BEFORE_TITLE), min(n, ze + INTO_BODY), zs, ze


def pick_date(
    blocks, title_index: int, first_body: int, url_date=None, *, month_first: bool = True
) -> DateResult:
    """The page's publication date: near the headline, "Published" over "Updated", URL as tie-break.

    `url_date` is (year, month, day) from the URL path (day 0 when absent), used to prefer the
    candidate on that day and as the fallback when the page prints no date. A page that shows
    only an "Updated" date later than the URL's day gets the URL's day (the publication).
    """
    start, end, zs, ze = _zone(len(blocks), title_index, first_body)
    year = url_date[0] if url_date else None
    best = None
    pending: tuple[str, str] | None = None  # a label line ("Posted:") waiting for its date
    for i in range(start, end):
        text = blocks[i].text
        label = label_only(text) if len(text) <= LABEL_LINE_MAX else None
        if label:
            pending = label
            continue
        dates = find_dates(text, month_first=month_first, year=year)
        if dates and not is_copyright(text):
            for f in dates:
                found = _candidate(f, text, i, (zs, ze), pending, url_date)
                if found and (best is None or found[0] > best[0]):
                    best = found + (f"line {blocks[i].line}",)
        pending = None
    url_iso = _url_iso(url_date)
    if best and not (best[2] == UPDATED and url_iso and best[3] > url_date):
        return DateResult(best[1], f"{best[5]}: {best[4]}")
    if url_iso:
        return DateResult(url_iso, "date in the URL path" + (" (the page shows only an update)" if best else ""))
    return DateResult()


def _candidate(f: FoundDate, text: str, i: int, zone, pending, url_date):
    """(score, iso, kind, day, how) of one date found at block i; None when it is prose."""
    if f.start > 3 and (
        (len(text) > MAX_LINE_CHARS and not f.label[:1].isupper()) or (not f.label and _in_sentence(text[: f.start]))
    ):
        return None  # a date inside a paragraph or a caption is an event, not the page's date
    # (A capitalised label - "Published", "Updated:" - starts a header even inside a long line:
    # a scraper that joined text nodes without a separator glued the header to the menus.)
    kind, word = f.kind, f.label
    if kind == PLAIN and pending and f.start <= 3:
        kind, word = pending
    zs, ze = zone
    score = KIND_WEIGHT[kind] + (TIME_BONUS if "T" in f.iso else 0.0)
    score -= OUTSIDE_COST * max(0, zs - i, i - ze)
    if zs <= i <= ze:
        score -= min(INSIDE_COST_MAX, INSIDE_COST * (i - zs))
    if url_date and f.day[:2] == url_date[:2] and url_date[2] in (0, f.day[2]):
        score += URL_AGREES_BONUS
    return score, f.iso, kind, f.day, (f"'{word}' label" if word else "date")


def _in_sentence(before: str) -> bool:
    """Whether a date is the object of a preposition in running text ("... near Paradise, on
    Friday, Aug. 2, 2024"): an event, while a header date follows a label, a name or a dash."""
    words = [w.strip(",;") for w in before.split()]
    while words and (not words[-1] or words[-1].rstrip(".").casefold() in WEEKDAY_SET):
        words.pop()
    if len(words) < SENTENCE_WORDS or words[-1] not in DANGLING_WORDS:  # lower case: in a sentence
        return False
    return sum(1 for w in words if w[:1].islower()) * 2 > len(words)


def _url_iso(url_date) -> str | None:
    """ISO day of a full (year, month, day) URL date, else None."""
    if not url_date or not url_date[2] or not _valid(*url_date):
        return None
    y, m, d = url_date
    return f"{y:04d}-{m:02d}-{d:02d}"


def clip_byline(text: str, cut: re.Pattern[str]) -> str:
    """A byline's names part: `text` up to its first date, then up to the first match of `cut`
    (a separator, a handle, a bracket: what each byline reader counts as the end of the names)."""
    dates = find_dates(text)
    if dates:
        text = text[: dates[0].start]
    m = cut.search(text)
    return text[: m.start()] if m else text
