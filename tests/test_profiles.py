"""Site profiles: built-ins match by signature or host; users register their own by name."""

from __future__ import annotations

import re

import pytest

import cleaner
from cleaner.profiles.registry import find_profile
from cleaner.rules import Rule

STORY = ("The harbour authority said on Monday that the new ferry terminal would open in June, two "
         "months later than planned, because of delays in the delivery of the boarding bridges.\n")


def test_builtins_match_by_signature_and_host() -> None:
    assert find_profile(None, "(MENAFN) " + STORY).name == "menafn"
    assert find_profile("https://menafn.com/1109/story", STORY).name == "menafn"
    assert find_profile(None, "Current:Home > Stocks Title -Site\n" + STORY).name == "contentfarm"
    assert find_profile("https://example.org/a", STORY) is None


def test_user_profile_adds_and_drops_rules_by_name() -> None:
    def drop_teasers(page: cleaner.Page) -> None:
        for block in page.undecided():
            if block.text.startswith("PROMO:"):
                page.remove(block, "harbour_promo", "harbour-news promo line")

    cleaner.register_profile(cleaner.Profile(
        name="harbour-news",
        hosts=("harbour-news.test",),
        signature=re.compile(r"^HARBOUR NEWS$", re.M),
        add=(Rule("harbour_promo", 5, drop_teasers, "promo lines"),),
        disable=("ui_words",),
    ))
    dump = "HARBOUR NEWS\n" + STORY + "PROMO: Win a ferry trip for two people this summer with us\nShare\n"
    article = cleaner.clean(dump, url="https://www.harbour-news.test/a")
    assert article.profile == "harbour-news"
    assert any(r.rule == "harbour_promo" for r in article.removed)
    assert all(r.rule != "ui_words" for r in article.removed)
    assert "PROMO" not in article.text
    assert cleaner.clean(dump, use_profiles=False).profile is None


def test_register_profile_rejects_non_profiles() -> None:
    with pytest.raises(TypeError):
        cleaner.register_profile("menafn")  # type: ignore[arg-type]


def test_unknown_forced_profile_is_a_typed_error() -> None:
    with pytest.raises(cleaner.UnknownProfileError):
        cleaner.clean(STORY, profile="no-such-site")


def test_entry_point_group_registers_third_party_profiles(monkeypatch: pytest.MonkeyPatch) -> None:
    from cleaner.profiles import registry

    def make_profile() -> cleaner.Profile:
        return cleaner.Profile(name="plugin-site", hosts=("plugin-site.test",))

    class FakeEntryPoint:
        name = "plugin-site"

        def load(self):  # noqa: ANN202 - mimics importlib.metadata.EntryPoint
            return make_profile

    seen_groups = []

    def fake_entry_points(group: str):  # noqa: ANN202
        seen_groups.append(group)
        return [FakeEntryPoint()]

    monkeypatch.setattr(registry, "entry_points", fake_entry_points)
    monkeypatch.setattr(registry, "_entry_points_loaded", False)
    assert find_profile("https://www.plugin-site.test/story", STORY).name == "plugin-site"
    assert seen_groups == ["cleaner.profiles"]
