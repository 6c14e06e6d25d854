"""Config: every option of the cleaner, documented once, frozen.

One object travels through the pipeline instead of keyword arguments repeated at every layer.
`clean(src, **overrides)` builds one with `Config().replace(**overrides)`; an unknown option is a
TypeError at the call site, not a silent no-op.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Literal

Kind = Literal["auto", "text", "html"]


@dataclass(frozen=True, slots=True)
class Config:
    kind: Kind = "auto"
    """Input kind. "auto" tells HTML from a plain-text dump by looking at the markup."""

    encoding: str | None = None
    """Force this encoding for bytes input. None: BOM, then UTF-8, then a detector (see
    readers.detect); undecodable bytes are replaced, never fatal."""

    keep_captions: bool = False
    """Keep photo captions and credits in the text (news gold standards usually exclude them)."""

    profile: str | None = None
    """Force a site profile by name; None matches profiles by URL host or text signature."""

    use_profiles: bool = True
    """Set False to run only the generic rules and classifier (useful to judge a new profile)."""

    disabled_rules: frozenset[str] = frozenset()
    """Rule names to switch off for this call, on top of what a profile disables."""

    detect_language: bool = True
    """Identify the body's language (stop-word votes, fastText's bundled model for close calls)."""

    def replace(self, **changes: object) -> "Config":
        """A copy with some options changed; unknown names raise TypeError."""
        if "disabled_rules" in changes and not isinstance(changes["disabled_rules"], frozenset):
            changes["disabled_rules"] = frozenset(changes["disabled_rules"])  # type: ignore[arg-type]
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]
