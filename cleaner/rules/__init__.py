"""Named generic rules. Importing the package registers them in GENERIC_RULES."""

from . import browser, furniture, links, lists, tags, widgets  # noqa: F401  (registration side effects)
from .base import GENERIC_RULES, Cut, Page, Rule, RuleRegistry

__all__ = ["GENERIC_RULES", "Cut", "Page", "Rule", "RuleRegistry"]
