"""People's names in bylines: where a name starts and ends, and what is no person at all.

A byline part is read word by word and stops at the first word that cannot be in a name: a
role ("Staff Writer"), an organisation word ("News", "Press"), a digit, a lower-case word that
is not a particle ("van", "de"). Wire agencies and the site's own name are never people.
"""

from __future__ import annotations

import re

from .common import compact
from .vocab import (
    AGENCIES,
    AGENCY_BYLINE_NAMES,
    BYLINE_PREFIXES,
    MONTHS,
    NAME_JOINERS,
    NAME_PARTICLES,
    NOT_PERSON_WORDS,
    WEEKDAYS,
)

MAX_NAME_TOKENS = 5
NAME_MIN_TOKENS = 2
NAME_MAX_TOKENS = 4
"""Bounds for a name read without a byline word in front of it."""
BYLINE_LIKE_MAX_WORDS = 8
AGENCY_LINE_MAX = 40
"""Longer lines are not an agency credit alone."""
SHOUTED_MIN_LETTERS = 4
"""All-caps names this long are set in title case ("JANE DOE" -> "Jane Doe"); "AP" is not a name."""

PREFIX = re.compile(
    r"^(?:" + "|".join(re.escape(p) for p in sorted(BYLINE_PREFIXES, key=len, reverse=True)) + r")\b\s*[:：]?\s*",
    re.IGNORECASE,
)
SPLIT = re.compile(r"\s*,\s*|\s*;\s*|" + "|".join(re.escape(j) for j in NAME_JOINERS), re.IGNORECASE)
_CAMEL_GLUE = re.compile(r"(?<=[a-z])(?=[A-Z]{2,}|\d)")
"""Where a name runs into the next text node: "GarberFOX", "Laura Winter19 Nov 2019"."""
_INITIAL = re.compile(r"^[A-Z]\.(?:[A-Z]\.)*$")
_TOKEN_OK = re.compile(r"^[^\W\d_][\w'’.-]*$")
_GLUED_ROLE = re.compile(r"(?<=[a-z])(?=(?:" + "|".join(w.capitalize() for w in NOT_PERSON_WORDS) + r")\b)")
_CALENDAR_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS) | frozenset(p for p in BYLINE_PREFIXES if " " not in p)


def _fix_case(name: str) -> str:
    """'JANE DOE' -> 'Jane Doe'; names already in mixed case are left alone."""
    letters = [c for c in name if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) >= SHOUTED_MIN_LETTERS:
        return " ".join(w if w.casefold() in NAME_PARTICLES else w[:1] + w[1:].lower() for w in name.split())
    return name


def _capitalised(token: str) -> bool:
    """First letter upper case, or a script without case (Korean, Chinese, Arabic)."""
    first = next((c for c in token if c.isalpha()), "")
    return bool(first) and (first.isupper() or not first.islower())


def agency_of(text: str) -> str | None:
    """Canonical agency when `text` names only a wire agency ("Associated Press", "By Reuters")."""
    if len(text) > AGENCY_LINE_MAX:
        return None
    t = PREFIX.sub("", text.strip()).strip(" .,:;-–—").casefold()
    if t.startswith("the "):
        t = t[4:] if t[4:] in AGENCY_BYLINE_NAMES else t
    return AGENCIES.get(t) if t in AGENCY_BYLINE_NAMES else None


def leading_agency(part: str) -> str | None:
    """Agency at the start of a byline part ("AP Auto Writer", "Reuters, Washington")."""
    tokens = part.split()
    for n in (3, 2, 1):
        if len(tokens) >= n:
            name = agency_of(" ".join(tokens[:n]))
            if name:
                return name
    return None


def _clean_token(tok: str) -> str:
    """A name token without list punctuation; initials keep their dot ("E.")."""
    tok = tok.strip(",;:|")
    if tok.endswith(".") and not _INITIAL.match(tok):
        tok = tok.rstrip(".")
    return tok


def person(part: str, site_key: str = "", allow_single: bool = False) -> str | None:
    """The person's name at the start of a byline part, or None when it is not a person.

    Reading stops at the first word that cannot be in a name (a role, "News", a digit, a
    lower-case word other than a particle), so "Meg James Staff Writer" gives "Meg James".
    """
    part = _CAMEL_GLUE.sub(" ", _GLUED_ROLE.sub(" ", part)).strip(" .,:;|-–—\"'“”")
    tokens = part.split()
    name: list[str] = []
    for tok in tokens:
        bare = _clean_token(tok)
        low = bare.casefold()
        if not bare or low in NOT_PERSON_WORDS or low in _CALENDAR_WORDS or (site_key and compact(bare) == site_key):
            break
        if not (_TOKEN_OK.match(bare) or _INITIAL.match(bare)):
            break
        if not (_capitalised(bare) or (name and low in NAME_PARTICLES)):
            break
        name.append(bare)
    rest = tokens[len(name) :]
    while name and name[-1].casefold() in NAME_PARTICLES:
        name.pop()
    if not name or len(name) > MAX_NAME_TOKENS:
        return None
    if len(name) == 1 and (rest or not allow_single or len(name[0]) < 3):
        return None
    text = _fix_case(" ".join(name))
    key = compact(text)
    if site_key and (key == site_key or (key in site_key and len(key) > 4)):
        return None
    if agency_of(text) or not any(c.isalpha() for c in text):
        return None
    return text


def byline_like(text: str) -> bool:
    """A short line that is a person's name with a role or agency after a comma ("Tom Krisher,
    AP Auto Writer"): a byline, whatever else it looks like. A bare "Firstname Lastname" line is
    not enough: title-case headlines ("Royal Self-Indicting Arrogance") look the same."""
    if text.count(" ") >= BYLINE_LIKE_MAX_WORDS or "," not in text:
        return False
    parts = [p for p in SPLIT.split(text) if p.strip()]
    if len(parts) < 2:
        return False
    name = person(parts[0]) if parts else None
    if not name or not NAME_MIN_TOKENS <= len(name.split()) <= NAME_MAX_TOKENS:
        return False
    if len(parts[0].split()) != len(name.split()):
        return False
    return all(leading_agency(p) or p.split()[0].casefold() in NOT_PERSON_WORDS for p in parts[1:])
