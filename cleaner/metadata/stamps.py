"""Machine-written dates from meta tags and JSON-LD, read as the local day they were written in.

"2019-11-19T17:50:00-08:00" is 2019-11-19 where it was published, whatever its UTC day: the wall
clock in the string is kept and the offset only tells how sure that day is. A value in UTC ("Z",
"+00:00", "GMT") or without any zone may be a day ahead of (or behind) the day the page shows, so
the caller lets a visible date or the URL's date within a day overrule it.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timezone

from .dates import find_dates

MIN_YEAR = 1990
MAX_YEAR = 2100

LOCAL = "local"  # explicit non-zero offset, a named local zone, or a human-written date
UTC = "utc"  # "Z", "+00:00", "GMT", "UTC"
NAIVE = "naive"  # ISO without a zone: local or UTC, nobody knows

_ISO = re.compile(
    r"^\s*(?P<y>\d{4})-?(?P<m>[01]\d)-?(?P<d>[0-3]\d)"
    r"(?:[T\s]+(?P<H>[0-2]\d):?(?P<M>[0-5]\d)(?::?(?P<S>[0-5]\d)(?:[.,]\d+)?)?)?"
    r"\s*(?P<tz>Z|[+-][01]\d(?::?[0-5]\d)?|UTC|GMT)?\s*$",
    re.IGNORECASE,
)
_EPOCH = re.compile(r"^1\d{9}(?:\d{3})?$")  # Unix seconds (or milliseconds) since 2001
_SLASHED = re.compile(r"^\s*(?P<y>\d{4})[/.](?P<m>[01]?\d)[/.](?P<d>[0-3]?\d)\b")
_ZONE = re.compile(r"(?:\b(?P<name>UTC|GMT|Z)\b|(?P<off>[+-][01]\d:?[0-5]\d)\b)\s*(?:\d{4})?\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Stamp:
    day: str  # "2019-11-19"
    iso: str  # "2019-11-19T17:50:00" (local wall clock as written), "...Z" for UTC, or the day alone
    zone: str  # LOCAL, UTC or NAIVE
    raw: str

    @property
    def ymd(self) -> tuple[int, int, int]:
        return int(self.day[:4]), int(self.day[5:7]), int(self.day[8:10])


def _ok(y: int, m: int, d: int) -> bool:
    return MIN_YEAR <= y <= MAX_YEAR and 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]


def _zone_kind(tz: str | None) -> str:
    if not tz:
        return NAIVE
    t = tz.upper().replace(":", "")
    if t in ("Z", "UTC", "GMT") or t.lstrip("+-") in ("00", "0000"):
        return UTC
    return LOCAL


def parse_stamp(value: str | None, *, month_first: bool = True) -> Stamp | None:
    """The day (and wall-clock time) in a machine date string; None when it holds no valid date.

    Reads ISO 8601 (with or without separators, any offset), "2019/11/19", and the human forms
    `dates.find_dates` knows ("Mon, 18 Nov 2019 16:07:38 -0600", "November 20, 2019 13:42").
    """
    if not value or not isinstance(value, str):
        return None
    text = value.strip()[:80]
    m = _ISO.match(text)
    if m:
        y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
        if not _ok(y, mo, d):
            return None
        day = f"{y:04d}-{mo:02d}-{d:02d}"
        iso = f"{day}T{m.group('H')}:{m.group('M')}:{m.group('S') or '00'}" if m.group("H") else day
        zone = _zone_kind(m.group("tz")) if m.group("H") else NAIVE
        if m.group("H") and zone == UTC:
            iso += "Z"  # a UTC clock is not the page's local time: say so
        return Stamp(day, iso, zone, value)
    if _EPOCH.match(text):
        seconds = int(text[:10])
        moment = datetime.fromtimestamp(seconds, tz=timezone.utc)
        if MIN_YEAR <= moment.year <= MAX_YEAR:
            return Stamp(moment.strftime("%Y-%m-%d"), moment.strftime("%Y-%m-%dT%H:%M:%SZ"), UTC, value)
        return None
    m = _SLASHED.match(text)
    if m:
        y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
        if _ok(y, mo, d):
            day = f"{y:04d}-{mo:02d}-{d:02d}"
            return Stamp(day, day, NAIVE, value)
    found = find_dates(text, month_first=month_first)
    if not found:
        return None
    first = found[0]
    if not _ok(*first.day):
        return None
    z = _ZONE.search(text)
    if z:
        zone = _zone_kind(z.group("name") or z.group("off"))
    else:
        zone = LOCAL  # written for people ("November 19, 2019, 07:47 PM EST"): the local day
    return Stamp(first.iso[:10], first.iso, zone, value)


def day_gap(a: tuple[int, int, int], b: tuple[int, int, int]) -> int:
    """Days between two (y, m, d) dates, absolute."""
    return abs((date(*a) - date(*b)).days)
