"""The content-farm template that reposts wire stories: "Current:Home > Section" glued to the
title, the title again, "View", "Date:YYYY-MM-DD hh:mm:ss", the story, a rating widget
("veryGood! (527)"), then "Related" / "Ranking" / "Recommendation" lists. The profile adds that
the rating widget closes the story: everything after it is the template's link lists."""

from __future__ import annotations

import re

from ..rules.base import Page, Rule
from .registry import Profile, register_profile

_RATING = re.compile(r"^[A-Za-z]+!\s*\(\d+\)$")


def _after_rating(page: Page) -> None:
    page.end_at_first(_RATING, "contentfarm_tail", "the template's rating widget and the link lists after it")


CONTENTFARM = register_profile(
    Profile(
        name="contentfarm",
        description="wire-story reposting template with 'Current:Home >' breadcrumb and rating widget",
        signature=re.compile(r"^Current:\s*Home\s*>", re.M),
        add=(Rule("contentfarm_tail", 35, _after_rating, "link lists after the rating widget"),),
    )
)
