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

from .vocab import MONTHS, PUBLISHED_LABELS, TIME_CONNECTORS, UPDATED_LABELS

MIN_YEAR = 1990
"""Earlier years in a news header are almost always something else (a founding year)."""
MAX_YEAR = 2100

PUBLISHED = "published"
UPDATED = "updated"
PLAIN = "plain"

_MONTH = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th|er|º|°)?\.?"
_YEAR = r"(?P<y>(?:19|20)\d\d)"
_B = r"(?<![\w.])"  # no letter, digit or dot right before
_E = r"(?![\w])"

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "iso",
        re.compile(
            _B + r"(?P<y>(?:19|20)\d\d)-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)"
            r"(?:(?:T|\s+)(?P<H>[0-2]?\d):(?P<M>[0-5]\d)(?::(?P<S>[0-5]\d))?)?(?!\d)"
        ),
    ),
    ("ymd", re.compile(_B + r"(?P<y>(?:19|20)\d\d)[/.](?P<m>[01]?\d)[/.](?P<d>[0-3]?\d)(?![\d/.])")),
    (
        "num",
        re.compile(
            r"(?<![\w./-])(?P<a>[0-3]?\d)(?P<sep>[./-])(?P<b>[0-3]?\d)(?P=sep)"
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
            _B + _DAY + r"\s*(?:de\s+|of\s+)?(?P<mon>" + _MONTH + r")\.?,?\s*(?:de\s+|del\s+)?" + _YEAR + _E,
            re.IGNORECASE,
        ),
    ),
    ("md", re.compile(_B + r"(?P<mon>" + _MONTH + r")\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?" + r"(?![\d:])", re.IGNORECASE)),
)

_TIME = r"(?P<H>[0-2]?\d):(?P<M>[0-5]\d)(?::(?P<S>[0-5]\d))?\s*(?P<ap>[ap]\.?\s?m\.?)?"
_CONNECT = "|".join(re.escape(c) for c in sorted(TIME_CONNECTORS, key=len, reverse=True))
_TIME_AFTER = re.compile(r"[\s,;]*(?:(?:" + _CONNECT + r")[\s,]*)?" + _TIME + r"(?![\d])", re.IGNORECASE)
_TIME_BEFORE = re.compile(
    _TIME + r"\s*(?:[A-Za-z]{2,5}\.?)?[\s,|/-]*(?:[^\W\d]{2,12}\.?,?\s*)?$", re.IGNORECASE
)
_LABEL = re.compile(
    r"(?<![\w])(?P<label>"
    + "|".join(re.escape(w) for w in sorted(PUBLISHED_LABELS + UPDATED_LABELS, key=len, reverse=True))
    + r")(?![\w])",
    re.IGNORECASE,
)
_UPDATED_SET = frozenset(UPDATED_LABELS)
_COPYRIGHT = re.compile(r"©|\(c\)|copyright", re.IGNORECASE)
_RELATIVE = re.compile(r"\b(?:ago|vor|il y a|hace|fa|há|geleden|yesterday|today|gestern|heute)\b", re.I)

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


def _time_near(line: str, m: re.Match[str]) -> tuple[int, int, int] | None:
    """The time printed with a date: inside it (ISO), right after it, or just before it."""
    if m.groupdict().get("H"):
        return _hms(m)
    after = _TIME_AFTER.match(line, m.end())
    if after:
        return _hms(after)
    before = _TIME_BEFORE.search(line[max(0, m.start() - TIME_BEFORE_WINDOW) : m.start()])
    if before:
        return _hms(before)
    return None


def _label_kind(prefix: str) -> tuple[str, str]:
    """Kind and wording of the last date label in the text before a date."""
    last = None
    for last in _LABEL.finditer(prefix):
        pass
    if last is None:
        return PLAIN, ""
    word = last.group("label")
    return (UPDATED if word.casefold() in _UPDATED_SET else PUBLISHED), word


def find_dates(line: str, *, month_first: bool = True, year: int | None = None) -> list[FoundDate]:
    """All dates in one line, in order, each with its label kind ("Updated", "Posted"...).

    `month_first` settles all-numeric dates where both numbers are <= 12 (US "11/12/2019");
    `year` completes dates printed without one ("Posted Nov 18, 8:19 PM"), which are kept only
    when a label shows they are the page's own date.
    """
    if not line or not any(ch.isdigit() for ch in line):
        return []
    taken: list[tuple[int, int]] = []
    found: list[FoundDate] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(line):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            ymd = _ymd(kind, m, month_first, year)
            if ymd is None or not _valid(*ymd):
                continue
            taken.append((m.start(), m.end()))
            found.append(_make(line, m, kind, ymd))
    found.sort(key=lambda f: f.start)
    return _resolve_labels(line, found)


def _make(line: str, m: re.Match[str], kind: str, ymd: tuple[int, int, int]) -> FoundDate:
    """Build a FoundDate with the time printed next to it, if any."""
    hms = _time_near(line, m)
    day = f"{ymd[0]:04d}-{ymd[1]:02d}-{ymd[2]:02d}"
    iso = f"{day}T{hms[0]:02d}:{hms[1]:02d}:{hms[2]:02d}" if hms else day
    return FoundDate(iso=iso, day=ymd, kind=PLAIN, start=m.start(), end=m.end(), form=kind)


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


def label_only(line: str) -> tuple[str, str] | None:
    """Kind of a line that is just a date label ("PUBLISHED:", "Posted:"), else None."""
    text = line.strip().rstrip(":").strip()
    if not text or len(text) > 25:
        return None
    m = _LABEL.fullmatch(text)
    if not m:
        return None
    word = m.group("label")
    return (UPDATED if word.casefold() in _UPDATED_SET else PUBLISHED), word
