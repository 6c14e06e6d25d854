"""How the cleaner does on renderings of the benchmark pages that the benchmark does not ship
(a script, not a test: pytest collects nothing here).

    python tests/bench_renderings.py                        # ../shared/bench/aeb-dev, every style
    python tests/bench_renderings.py DATASET --styles lynx,bs4_nosep --compare c4

The benchmark's dumps come from four renderers; scrapers store pages in many more ways
(get_text() with no separator, html2text with links, text browsers, one-line pages). Rules tuned
to four renderings would not show here as a loss, so this script renders DATASET/html/*.html.gz
again with every renderer installed (pip install -e '.[bench]'; lynx and w3m when on PATH), into
a temporary folder in the benchmark's format, and runs `cleaner eval` on it. Nothing is written
into the project; renderers that are missing are listed and skipped.
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "bench" / "aeb-dev"
TOOL_TIMEOUT = 60


def _soup(html: str):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    for tag in soup(["script", "style", "noscript", "template"]):
        tag.decompose()
    return soup


def _html2text(html: str, *, links: bool) -> str:
    import html2text

    h = html2text.HTML2Text()
    if not links:  # html2text's defaults keep links and images and wrap at 78 columns
        h.ignore_links = h.ignore_images = True
        h.body_width = 0
    return h.handle(html)


def _inscriptis(html: str, *, links: bool) -> str:
    from inscriptis import get_text
    from inscriptis.css_profiles import CSS_PROFILES
    from inscriptis.model.config import ParserConfig

    config = ParserConfig(display_links=True, display_images=True) if links else ParserConfig(css=CSS_PROFILES["strict"])
    return get_text(html, config)


def _markdownify(html: str, *, atx: bool) -> str:
    from markdownify import markdownify

    soup = _soup(html)
    return markdownify(str(soup), heading_style="ATX") if atx else markdownify(str(soup.body or soup))


def _html_text(html: str, *, layout: bool) -> str:
    import html_text

    return html_text.extract_text(html, guess_layout=layout)


def _lxml_text(html: str) -> str:
    import lxml.html

    doc = lxml.html.fromstring(html)
    for bad in doc.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    return doc.text_content()


def _tool(*command: str) -> Callable[[str], str]:
    def render(html: str) -> str:
        run = subprocess.run(command, input=html.encode(), capture_output=True, timeout=TOOL_TIMEOUT)
        return run.stdout.decode("utf-8", "replace")

    return render


def _wrapped(render: Callable[[str], str], width: int) -> Callable[[str], str]:
    """A rendering hard-wrapped at `width` columns, keeping each line's indentation."""

    def wrap(html: str) -> str:
        out: list[str] = []
        for line in render(html).splitlines():
            indent = line[: len(line) - len(line.lstrip())]
            out.extend(textwrap.wrap(line.strip(), width, initial_indent=indent, subsequent_indent=indent) or [""])
        return "\n".join(out)

    return wrap


STYLES: dict[str, tuple[str, Callable[[str], str]]] = {
    # name: (what it needs, renderer)
    "bs4_nosep": ("beautifulsoup4", lambda h: _soup(h).get_text()),
    "bs4_space": ("beautifulsoup4", lambda h: _soup(h).get_text(" ")),
    "bs4_strip": ("beautifulsoup4", lambda h: _soup(h).get_text(" ", strip=True)),
    "bs4_wrap72": ("beautifulsoup4", _wrapped(lambda h: _soup(h).get_text("\n"), 72)),
    "lxml_text": ("lxml", _lxml_text),
    "html2text_default": ("html2text", lambda h: _html2text(h, links=True)),
    "html2text_nolinks": ("html2text", lambda h: _html2text(h, links=False)),
    "inscriptis_links": ("inscriptis", lambda h: _inscriptis(h, links=True)),
    "inscriptis_strict": ("inscriptis", lambda h: _inscriptis(h, links=False)),
    "inscriptis_wrap80": ("inscriptis", _wrapped(lambda h: _inscriptis(h, links=False), 80)),
    "markdownify": ("markdownify", lambda h: _markdownify(h, atx=True)),
    "markdownify_setext": ("markdownify", lambda h: _markdownify(h, atx=False)),
    "html_text": ("html_text", lambda h: _html_text(h, layout=True)),
    "html_text_nolayout": ("html_text", lambda h: _html_text(h, layout=False)),
    "lynx": ("lynx", _tool("lynx", "-dump", "-stdin", "-assume_charset=utf-8", "-display_charset=utf-8", "-width=80")),
    "lynx_nolist": ("lynx", _tool("lynx", "-dump", "-nolist", "-stdin", "-assume_charset=utf-8",
                                  "-display_charset=utf-8", "-width=80")),
    "w3m": ("w3m", _tool("w3m", "-dump", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8", "-cols", "80")),
}


def _available(need: str) -> bool:
    if need in ("lynx", "w3m"):
        return shutil.which(need) is not None
    import importlib.util

    return importlib.util.find_spec({"beautifulsoup4": "bs4"}.get(need, need)) is not None


def render(dataset: Path, out: Path, styles: list[str]) -> list[str]:
    """Write out/dumps/<style>/<id>.txt for every page and style; the styles written."""
    pages = sorted((dataset / "html").glob("*.html.gz"))
    done = []
    for style in styles:
        folder = out / "dumps" / style
        folder.mkdir(parents=True, exist_ok=True)
        renderer = STYLES[style][1]
        for page in pages:
            html = gzip.decompress(page.read_bytes()).decode("utf-8", "replace")
            try:
                text = renderer(html)
            except Exception as exc:  # one page a renderer chokes on is an empty dump, as a scraper would store
                print(f"  {style}: {page.name}: {type(exc).__name__}: {exc}", file=sys.stderr)
                text = ""
            (folder / (page.name[: -len(".html.gz")] + ".txt")).write_text(text, encoding="utf-8")
        done.append(style)
        print(f"rendered {style} ({len(pages)} pages)", file=sys.stderr)
    return done


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dataset", nargs="?", type=Path, default=DEFAULT, help="a folder in the benchmark's format")
    parser.add_argument("--styles", default=",".join(STYLES), help="comma-separated styles (default: all)")
    parser.add_argument("--compare", default="", help="peers for `cleaner eval --compare` (e.g. c4)")
    parser.add_argument("--keep", type=Path, default=None, help="render into this folder and keep it")
    args = parser.parse_args(argv)
    if not (args.dataset / "html").is_dir():
        print(f"no pages under {args.dataset / 'html'}", file=sys.stderr)
        return 2
    wanted = [s for s in args.styles.split(",") if s]
    unknown = [s for s in wanted if s not in STYLES]
    if unknown:
        parser.error(f"unknown styles {unknown}; known: {', '.join(STYLES)}")
    missing = sorted({STYLES[s][0] for s in wanted if not _available(STYLES[s][0])})
    if missing:
        print(f"skipped, not installed: {', '.join(missing)} (pip install -e '.[bench]')", file=sys.stderr)
    styles = [s for s in wanted if _available(STYLES[s][0])]
    work = args.keep or Path(tempfile.mkdtemp(prefix="cleaner-renderings-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        for name in ("ground-truth.json", "metadata.json"):
            shutil.copyfile(args.dataset / name, work / name)
        render(args.dataset, work, styles)
        command = [sys.executable, "-m", "cleaner.cli", "eval", str(work), "--styles", ",".join(styles)]
        if args.compare:
            command += ["--compare", args.compare]
        return subprocess.run(command, cwd=ROOT).returncode
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
