"""Byline strings from HTML (a JSON-LD author name, a meta author, a byline element's text) ->
people and a wire agency.

"By TOM KRISHER, AP Auto Writer" -> (["Tom Krisher"], "AP"); "Lisa Kaczke and Trevor J. Mitchell"
-> both; "Finian Cunningham. Sputnik International" -> "Finian Cunningham"; "Troy Smith |
tsmith@cleveland.com" -> "Troy Smith"; "Reuters" -> agency only; "Email The Author", "Admin",
"News Nation Bureau", "Redacción" and the site's own name -> nobody. The name test itself is
`names.person` (shared with the plain-text reader), so both readers agree on what a name is.
"""

from __future__ import annotations

import re

from .common import compact
from .dates import clip_byline
from .names import PREFIX, SPLIT, agency_of, leading_agency, person

MAX_BYLINE_CHARS = 200
MAX_PEOPLE = 8

# Newsroom and desk words in the languages `vocab.NOT_PERSON_WORDS` does not cover: a "name"
# containing one ("Redacción Madrid", "Redazione", "Equipe Web") is a desk, not a person.
DESK_WORDS = frozenset(
    """redacción redaccion redazione redaktion rédaction redaction redactie redação redacao
    redakcja редакция agencias agencia agências agences agence agenzia agenzie agentur
    agenturen equipe équipe equipo squadra newsroom gastautor gastbeitrag invitado colaborador
    colaboradores collaboratore autori autores auteurs""".split()
)

# Where a byline stops being names: a separator, an e-mail, a bracket, a "Updated"/"Published" label.
_CUT = re.compile(
    r"\s+[|·•–—-]\s+|\s*[|·•]\s*|\s+/\s+|\S+@\S+|\s*[(\[]"
    r"|\s+(?:updated|published|posted|last updated)\b|\s*\n",
    re.IGNORECASE,
)
# A sentence stop after two lower-case letters ("Cunningham. Sputnik"; not "Jr. and").
_SENTENCE_STOP = re.compile(r"(?<=[a-zß-öø-ÿа-яё]{2})\.\s+(?=\S)")
_URL = re.compile(r"^(?:https?:)?//|^www\.|\.(?:com|net|org)/", re.IGNORECASE)
_NON_NAME = re.compile(r"[@#/\\=<>{}]|\d{3}")


def looks_like_url(text: str) -> bool:
    """A URL or host rather than a name ("https://www.facebook.com/x", "www.wday.ru")."""
    return bool(_URL.search(text.strip()))


def split_byline(
    text: str | None, site_name: str | None = None, *, allow_single: bool = False
) -> tuple[list[str], str | None]:
    """(people, agency) named in one byline string; ([], None) when it names neither.

    `allow_single` accepts a one-word name ("Regan", "정덕현"), for sources that declare a person
    (a schema.org Person, a rel=author link) rather than free text.
    """
    if not text or looks_like_url(text):
        return [], None
    text = text.strip()[:MAX_BYLINE_CHARS]
    agency = agency_of(text)
    if agency:
        return [], agency
    text = PREFIX.sub("", text, count=1)
    text = clip_byline(text, _CUT)
    m = _SENTENCE_STOP.search(text)
    if m:
        text = text[: m.start()]
    site_key = compact(site_name or "")
    parts = [p for p in SPLIT.split(text) if p and p.strip()]
    people: list[str] = []
    for i, part in enumerate(parts):
        part = part.strip(" .,:;")
        found = agency_of(part) or leading_agency(part)
        if found:
            agency = agency or found
            continue
        if _NON_NAME.search(part):
            if i == 0:
                return [], agency
            break
        name = person(part, site_key, allow_single=allow_single and len(parts) == 1)
        if name and any(w.casefold() in DESK_WORDS for w in name.split()):
            name = None
        if name:
            if name.casefold() not in {p.casefold() for p in people}:
                people.append(name)
        elif i == 0:
            return [], agency
        else:
            break  # "Tom Krisher, Ap Auto Writer", "Victor Tangermann, Futurism": the names are over
    return people[:MAX_PEOPLE], agency
