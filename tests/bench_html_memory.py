"""Benchmark (not a test): memory stays flat over many HTML pages in one process.

    python tests/bench_html_memory.py [N]      # default 10,000 pages

Cleans N pages (the benchmark's HTML pages when ../shared/bench/aeb-dev is beside the project,
else our samples/html), cycling through them, and prints peak RSS after 1,000 pages and after N:
trafilatura's and our caches must be bounded, so the two figures should stay within ~20%.
"""

from __future__ import annotations

import gzip
import resource
import sys
import time
from pathlib import Path

import cleaner

ROOT = Path(__file__).resolve().parents[1]
BENCH_HTML = ROOT.parent / "shared" / "bench" / "aeb-dev" / "html"


def pages() -> list[bytes]:
    if BENCH_HTML.is_dir():
        return [gzip.decompress(p.read_bytes()) for p in sorted(BENCH_HTML.glob("*.html.gz"))]
    return [p.read_bytes() for p in sorted((ROOT / "samples" / "html").glob("*.html"))]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(total: int) -> None:
    docs = pages()
    checkpoint = min(1_000, total)
    start = time.perf_counter()
    at_checkpoint = 0.0
    for i in range(total):
        cleaner.clean(docs[i % len(docs)])
        if i + 1 == checkpoint:
            at_checkpoint = peak_rss_mb()
    elapsed = time.perf_counter() - start
    final = peak_rss_mb()
    print(f"pages: {total} ({len(docs)} distinct), {total / elapsed:.1f} pages/s")
    print(f"peak RSS after {checkpoint}: {at_checkpoint:.0f} MB; after {total}: {final:.0f} MB "
          f"({(final / at_checkpoint - 1) * 100:+.1f}%)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
