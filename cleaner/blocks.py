"""Block: the unit every rule and the classifier judges.

A block is one paragraph or line of the input with the layout hints the dump carried (bullet
marker, markdown heading level, indentation, blank lines around it) and its span in the input.
Like jusText, a block keeps two labels: `first_label` (judged alone) and `label` (final, after the
neighbour pass), plus the name of the rule that set the final label and a human reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_WORD = re.compile(r"\w+")

# Labels. "good" blocks form the article text; "bad" ones go to Article.removed.
GOOD = "good"
BAD = "bad"
UNKNOWN = "unknown"


@dataclass(slots=True)
class Block:
    index: int
    text: str  # content with layout markers stripped and whitespace folded; change it with set_text()
    start: int  # character offset of the block's first character in the decoded input
    end: int  # offset just past its last character
    line: int  # 1-based line number of its first line
    raw_start: int = -1  # offset of the first line's start, markers included (-1: same as start)
    marker: str = ""  # bullet marker as found ("-", "*", "+", "•", "o", "□") or ""
    heading: int = 0  # markdown heading level (1-6), 0 when not a heading
    indent: int = 0  # leading spaces of the first line
    blank_before: bool = True  # preceded by a blank line (or the start of input)
    n_lines: int = 1  # input lines joined into this block (hard-wrap re-joining)
    glued: bool = False  # starts right where the previous block ends, no space between (text nodes a
    # scraper joined without a separator); the two are rejoined when both are kept
    first_label: str = UNKNOWN
    label: str = UNKNOWN
    rule: str = ""  # name of the rule or classifier step that set `label`
    reason: str = ""  # why, in words a person understands
    low: str = field(default="", repr=False, compare=False)
    """The text casefolded: rules and the classifier compare this, computed once."""
    tokens: list[str] = field(default_factory=list, repr=False, compare=False)
    """The casefolded words of the text, in order."""
    words: int = field(default=0, repr=False, compare=False)
    """How many words the text has."""

    def __post_init__(self) -> None:
        self._fold()

    def set_text(self, text: str) -> None:
        """Change the text (a paragraph re-joined, a tag cut off): its derived forms follow."""
        self.text = text
        self._fold()

    def _fold(self) -> None:
        # Every rule asks for the casefolded text and words: asking again must cost an
        # attribute read, not a regex pass.
        self.low = self.text.casefold()
        self.tokens = _WORD.findall(self.low)
        self.words = len(self.tokens)

    def set(self, label: str, rule: str, reason: str) -> None:
        """Set the final label with the rule that decided it."""
        self.label = label
        self.rule = rule
        self.reason = reason
