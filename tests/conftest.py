"""Shared fixtures: our samples always, the seeds from ../shared only where present."""

from __future__ import annotations

import atexit
import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"


def cases(folder: Path) -> list[tuple[Path, dict]]:
    """(dump, expected) pairs of a folder, [] when the folder is absent."""
    if not folder.is_dir():
        return []
    return [
        (txt, json.loads(txt.with_name(txt.stem + ".expected.json").read_text(encoding="utf-8")))
        for txt in sorted(folder.glob("*.txt"))
        if txt.with_name(txt.stem + ".expected.json").exists()
    ]


# The package's on-disk cache in a folder of this test run, not the user's ~/.cache: set before
# any test module is imported, so the commands the tests run (with a copy of os.environ) get it.
_CACHE = tempfile.mkdtemp(prefix="cleaner-test-cache-")
os.environ["CLEANER_CACHE_DIR"] = _CACHE
atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)

SAMPLE_CASES = cases(SAMPLES)
SEED_CASES = cases(SEEDS)


def ids(pairs: list[tuple[Path, dict]]) -> list[str]:
    return [p.stem for p, _ in pairs]


@pytest.fixture(scope="session")
def sample_cases() -> list[tuple[Path, dict]]:
    assert SAMPLE_CASES, "samples/ must ship dumps with expected output"
    return SAMPLE_CASES
