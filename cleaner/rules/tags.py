"""Agency and platform tags: "(MENAFN)" before the text, MENAFN record ids and disclaimer."""

from __future__ import annotations

import re

from .base import GENERIC_RULES, Page
from .vocab import PLATFORM_TAGS

_TAG = re.compile(r"^\((?:%s)(?:\s*[-–—:]\s*[^()]{1,80})?\)\s*" % "|".join(map(re.escape, PLATFORM_TAGS)))
_RECORD_ID = re.compile(r"^(?:%s)\d{6,}ID\d{6,}$" % "|".join(map(re.escape, PLATFORM_TAGS)))
_DISCLAIMER_HEAD = re.compile(r"^legal disclaimer:?$", re.I)
_DISCLAIMER_BODY = re.compile(r"^(?:legal disclaimer:?\s*)?(?:%s) provides the information" % "|".join(PLATFORM_TAGS), re.I)


_TAG_NEEDLES = tuple(t.casefold() for t in PLATFORM_TAGS)
_RECORD_NEEDLES = (*_TAG_NEEDLES, "legal disclaimer")


@GENERIC_RULES.register("platform_tag", 10, "syndication platform tags such as (MENAFN) before the text")
def platform_tag(page: Page) -> None:
    for block in page.containing(_TAG_NEEDLES, decided=True):
        m = _TAG.match(block.text)
        if m:
            page.cut(block, m.group(0), "platform_tag", "syndication platform tag, not part of the story")


@GENERIC_RULES.register("platform_record", 11, "MENAFN record ids and legal disclaimer")
def platform_record(page: Page) -> None:
    for block in page.containing(_RECORD_NEEDLES):
        if _RECORD_ID.match(block.text):
            page.remove(block, "platform_record", "syndication record id")
        elif _DISCLAIMER_HEAD.match(block.text) or _DISCLAIMER_BODY.match(block.text):
            page.remove(block, "platform_record", "syndication platform's legal disclaimer")
            page.barriers.add(block.index)
