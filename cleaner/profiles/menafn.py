"""MENAFN syndication copies: "(MENAFN)" / "(MENAFN- Source)" before the text, paragraphs
separated by blank lines, then a record id and a legal disclaimer. The generic rules already know
the tag, id and disclaimer; the profile adds that nothing after the record id is article text."""

from __future__ import annotations

import re

from ..rules.base import Page, Rule
from .registry import Profile, register_profile

_RECORD_ID = re.compile(r"^MENAFN\d{6,}ID\d{6,}$")


def _after_record_id(page: Page) -> None:
    page.end_at_first(_RECORD_ID, "menafn_trailer", "MENAFN trailer: record id, disclaimer and what follows")


MENAFN = register_profile(
    Profile(
        name="menafn",
        description="MENAFN syndicated news copies",
        hosts=("menafn.com",),
        signature=re.compile(r"^\(MENAFN[-\s)]|MENAFN\d{6,}ID\d{6,}", re.M),
        add=(Rule("menafn_trailer", 9, _after_record_id, "everything after MENAFN's record id"),),
    )
)
