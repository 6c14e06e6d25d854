"""Rule, the named-rule registry, and Page: the state rules work on.

As in Python-Markdown, rules live in a named, prioritised registry: a site profile adds, replaces
or drops a step by name without knowing the pipeline's internals. A rule is a function of a Page
that labels blocks (`block.set(BAD, rule, reason)`), cuts a piece out of a block (`page.cut`), or
marks a barrier the article cannot extend across (a "Comments" heading).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Iterable, Iterator

from ..blocks import BAD, UNKNOWN, Block
from ..config import Config
from ..readers.markup import LinkTexts
from .text_shape import WORD_RE


@dataclass(slots=True)
class Cut:
    """A piece removed from inside a kept block (e.g. a "(MENAFN)" tag before the first line)."""

    block: int
    text: str
    rule: str
    reason: str


@dataclass(slots=True)
class Page:
    """One document on its way through the rules."""

    source: str
    blocks: list[Block]
    config: Config
    url: str | None = None
    link_texts: LinkTexts | None = None
    """Where the text of each markdown link stands in `source`, as the reader found it
    (`readers.text.read_dump`); None when the page was built from blocks alone."""
    cuts: list[Cut] = field(default_factory=list)
    barriers: set[int] = field(default_factory=set)
    """Indices of blocks the article text does not continue past (end-of-article headings)."""
    _joined: str = field(default="", repr=False)
    _starts: list[int] = field(default_factory=list, repr=False)
    _joined_for: int = field(default=-1, repr=False)

    def containing(self, needles: Iterable[str], *, decided: bool = False) -> list[Block]:
        """Undecided blocks (all blocks with `decided`) whose casefolded text contains one of
        `needles`, in page order.

        A rule that needs a keyword ("©", "getty images") asks for the few blocks that have one:
        one substring search over the whole page per needle costs far less than a test per block.
        """
        joined, starts = self._joined_low()
        found: set[int] = set()
        for needle in _cover(tuple(needles)):
            at = joined.find(needle)
            while at >= 0:
                i = bisect_right(starts, at) - 1
                found.add(i)
                at = joined.find(needle, starts[i + 1]) if i + 1 < len(starts) else -1
        return [self.blocks[i] for i in sorted(found) if decided or self.blocks[i].label == UNKNOWN]

    def _joined_low(self) -> tuple[str, list[int]]:
        """All blocks' casefolded text joined by newlines, and where each block starts in it;
        rebuilt when a cut changed a block's text."""
        if self._joined_for != len(self.cuts):
            lows = [b.low for b in self.blocks]
            starts, at = [], 0
            for low in lows:
                starts.append(at)
                at += len(low) + 1
            self._joined, self._starts, self._joined_for = "\n".join(lows), starts, len(self.cuts)
        return self._joined, self._starts

    def undecided(self) -> list[Block]:
        """The blocks no rule has labelled yet, as they stand now (a list: cheaper to walk than
        a generator, and a rule removing blocks as it goes does not change what it walks)."""
        return [b for b in self.blocks if b.label == UNKNOWN]

    def remove(self, block: Block, rule: str, reason: str) -> None:
        """Label a block as chrome, first come first served: an earlier rule's reason stands."""
        if block.label == UNKNOWN:
            block.first_label = BAD
            block.set(BAD, rule, reason)

    def end_at_first(self, pattern: "re.Pattern[str]", rule: str, reason: str) -> None:
        """Close the article at the first block matching `pattern`: it and all after it go.

        Templates end their story with a known marker (a rating widget, a record id); profiles
        declare the marker and this does the rest.
        """
        for block in self.blocks:
            if pattern.match(block.text):
                self.barriers.add(block.index)
                for later in self.blocks[block.index :]:
                    self.remove(later, rule, reason)
                return

    def cut(self, block: Block, text: str, rule: str, reason: str) -> None:
        """Remove `text` from the start of a block's text, recording it."""
        if block.text.startswith(text):
            block.set_text(block.text[len(text) :].lstrip())
            self.cuts.append(Cut(block.index, text.strip(), rule, reason))


def _longest_word(phrase: str) -> str:
    """A phrase's longest word, or the phrase itself when its words are too short to search
    for ("(c)", "©")."""
    word = max(WORD_RE.findall(phrase), key=len, default="")
    return word if len(word) >= 3 else phrase


@lru_cache(maxsize=256)
def _cover(phrases: tuple[str, ...]) -> tuple[str, ...]:
    """Fewer, shorter strings that every block containing one of `phrases` contains: each
    phrase's longest word, less any word containing another ("photo" covers "photograph by")."""
    words = {_longest_word(p) for p in phrases}
    return tuple(sorted(w for w in words if not any(o != w and o in w for o in words)))


RuleFunc = Callable[[Page], None]


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    priority: int
    """Lower runs first; the first rule to label a block gives the reason users see."""
    apply: RuleFunc
    description: str


class RuleRegistry:
    """Named rules in priority order; copy() before a profile edits it."""

    def __init__(self, rules: Iterable[Rule] = ()) -> None:
        self._rules: dict[str, Rule] = {r.name: r for r in rules}

    def register(self, name: str, priority: int, description: str) -> Callable[[RuleFunc], RuleFunc]:
        """Decorator: add a function as a named rule."""

        def deco(func: RuleFunc) -> RuleFunc:
            self.add(Rule(name, priority, func, description))
            return func

        return deco

    def add(self, rule: Rule) -> None:
        """Add a rule, or replace the one with the same name."""
        self._rules[rule.name] = rule

    def drop(self, name: str) -> None:
        if name not in self._rules:
            raise KeyError(f"no rule named {name!r}; known: {', '.join(sorted(self._rules))}")
        del self._rules[name]

    def copy(self) -> "RuleRegistry":
        return RuleRegistry(self._rules.values())

    def __contains__(self, name: object) -> bool:
        return name in self._rules

    def __iter__(self) -> Iterator[Rule]:
        return iter(sorted(self._rules.values(), key=lambda r: (r.priority, r.name)))

    def names(self) -> list[str]:
        return [r.name for r in self]


GENERIC_RULES = RuleRegistry()
"""The rules every document goes through unless a profile or the config drops them."""
