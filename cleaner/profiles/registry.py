"""The profile registry: match a page to a site profile by URL host or text signature.

A profile is data: a name, what it matches, rules it adds (or replaces, by name) and rules it
drops. It never touches the pipeline; `Profile.rules(generic)` returns the adjusted registry.
Third-party packages register profiles through the `cleaner.profiles` entry-point group: each
entry point loads to a Profile (or a function returning one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.metadata import entry_points
from urllib.parse import urlsplit

from ..rules.base import Rule, RuleRegistry

SIGNATURE_WINDOW = 4000
"""Text signatures are searched in the first characters of the page, where templates show."""

ENTRY_POINT_GROUP = "cleaner.profiles"


@dataclass(frozen=True)
class Profile:
    name: str
    description: str = ""
    hosts: tuple[str, ...] = ()
    """Host names (a suffix match: "menafn.com" matches "www.menafn.com")."""
    signature: re.Pattern[str] | None = None
    """Pattern searched near the top of the text when the URL is unknown or does not match."""
    add: tuple[Rule, ...] = ()
    disable: tuple[str, ...] = ()

    def matches(self, url: str | None, text: str) -> bool:
        if url and self.hosts:
            host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
            if any(host == h or host.endswith("." + h) for h in self.hosts):
                return True
        return bool(self.signature and self.signature.search(text, 0, SIGNATURE_WINDOW))

    def rules(self, generic: RuleRegistry) -> RuleRegistry:
        adjusted = generic.copy()
        for name in self.disable:
            if name in adjusted:
                adjusted.drop(name)
        for rule in self.add:
            adjusted.add(rule)
        return adjusted


_PROFILES: dict[str, Profile] = {}
_entry_points_loaded = False


def register_profile(profile: Profile) -> Profile:
    """Register (or replace, by name) a profile; returns it so it can sit in an assignment."""
    if not isinstance(profile, Profile):
        raise TypeError(f"register_profile() takes a Profile, not {type(profile).__name__}")
    _PROFILES[profile.name] = profile
    return profile


def _load_entry_points() -> None:
    global _entry_points_loaded
    if _entry_points_loaded:
        return
    _entry_points_loaded = True
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        obj = ep.load()
        register_profile(obj() if callable(obj) and not isinstance(obj, Profile) else obj)


def profiles() -> list[Profile]:
    """All registered profiles, built-in and from entry points."""
    _load_entry_points()
    return list(_PROFILES.values())


def get_profile(name: str) -> Profile:
    _load_entry_points()
    try:
        return _PROFILES[name]
    except KeyError:
        raise KeyError(f"no profile named {name!r}; known: {', '.join(sorted(_PROFILES))}") from None


def find_profile(url: str | None, text: str) -> Profile | None:
    """The first registered profile that matches, or None (generic rules only)."""
    for profile in profiles():
        if profile.matches(url, text):
            return profile
    return None
