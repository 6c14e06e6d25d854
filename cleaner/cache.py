"""A small on-disk cache for data the package derives from files its dependencies ship.

The stop-word index is built from jusText's 55 lists on every start-up (~0.1 s, a third of a
batch run's fixed cost); read back as JSON it takes less than half of that. Entries are keyed by
what they were built from (file sizes and times, the build's own constants), so a changed
dependency is never served stale data; JSON rather than pickle, so a tampered file can at worst
give a wrong answer, never run code. Nothing here is ever downloaded.

The folder is `$CLEANER_CACHE_DIR`, else `$XDG_CACHE_HOME/cleaner`, else `~/.cache/cleaner`;
`CLEANER_CACHE_DIR=""` turns the cache off. A folder that cannot be written only costs the time.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from .atomic import atomic_write

CACHE_DIR_ENV = "CLEANER_CACHE_DIR"


def cache_dir() -> Path | None:
    """Where entries live, or None when the cache is turned off."""
    configured = os.environ.get(CACHE_DIR_ENV)
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "cleaner"


def load(name: str, key: str) -> Any | None:
    """The value stored under `name` if it was stored with this `key`, else None."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        with open(folder / f"{name}.json", encoding="utf-8") as f:
            entry = json.load(f)
    except (OSError, ValueError):
        return None
    if not isinstance(entry, dict) or entry.get("key") != key:
        return None
    return entry.get("value")


def store(name: str, key: str, value: Any) -> None:
    """Store `value` (JSON-ready) under `name` with its `key`; atomically, and silently not at all
    when the folder cannot be written."""
    folder = cache_dir()
    if folder is None:
        return
    try:
        text = json.dumps({"key": key, "value": value}, ensure_ascii=False, separators=(",", ":"))
        folder.mkdir(parents=True, exist_ok=True)
        atomic_write(folder / f"{name}.json", text)
    except (OSError, TypeError, ValueError):
        pass
