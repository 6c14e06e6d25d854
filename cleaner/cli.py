"""The `cleaner` command: argument parsing and printing only; the work is the library's.

    cleaner clean PATH...        clean files or folders (.txt, .html, .htm, .gz), JSON Lines out
    cleaner clean - < page.txt   clean standard input
    cleaner explain FILE         what was removed, by which rule, and why
    cleaner profiles             registered site profiles
    cleaner eval FOLDER          score against gold data in the benchmark's layout

Exit status: 0 all inputs cleaned, 1 some inputs failed (each recorded), 2 usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Iterator, Sequence

from . import evaluate
from .api import clean, clean_file
from .article import Article
from .profiles import profiles

INPUT_SUFFIXES = (".txt", ".html", ".htm", ".gz")


def _inputs(paths: Sequence[str]) -> Iterator[Path | None]:
    """Files named or found (recursively, sorted) under the folders named; None for stdin."""
    for name in paths:
        if name == "-":
            yield None
            continue
        path = Path(name)
        if path.is_dir():
            for p in sorted(path.rglob("*")):
                if p.is_file() and p.name.endswith(INPUT_SUFFIXES) and ".expected" not in p.name:
                    yield p
        else:
            yield path


def _record(name: str, article: Article) -> dict[str, object]:
    return {"input": name, **article.to_dict()}


def _cmd_clean(args: argparse.Namespace) -> int:
    failed = 0
    inputs = list(_inputs(args.inputs))
    as_text = args.format == "txt" or (args.format is None and len(inputs) == 1)
    for path in inputs:
        name = "-" if path is None else str(path)
        try:
            article = clean(sys.stdin.buffer.read(), url=args.url) if path is None else clean_file(path, url=args.url)
        except OSError as exc:
            failed += 1
            print(json.dumps({"input": name, "error": f"{type(exc).__name__}: {exc}"}), flush=True)
            continue
        if as_text:
            sys.stdout.write(article.text + "\n")
        else:
            record = _record(name, article)
            if not args.removed:
                record.pop("removed")
            print(json.dumps(record, ensure_ascii=False), flush=True)
    return 1 if failed else 0


def _cmd_explain(args: argparse.Namespace) -> int:
    article = clean_file(args.file, url=args.url)
    md = article.to_dict()
    print(f"profile: {article.profile or '(generic rules only)'}")
    for field in ("title", "date", "authors", "site_name", "categories", "agency", "dateline", "language"):
        source = article.metadata.sources.get(field, "")
        print(f"{field:>10}: {md[field]!r}" + (f"   <- {source}" if source else ""))
    print(f"\nremoved {len(article.removed)} pieces:")
    for r in article.removed:
        snippet = r.text if len(r.text) <= 70 else r.text[:67] + "..."
        print(f"  line {r.line:>4}  {r.rule:<18} {snippet!r}\n{'':>13}why: {r.reason}")
    print(f"\nkept {len(article.text)} characters of article text")
    return 0


def _cmd_profiles(args: argparse.Namespace) -> int:
    for p in profiles():
        match = ", ".join(p.hosts) or "-"
        sig = p.signature.pattern if p.signature else "-"
        print(f"{p.name:<14} hosts: {match:<20} signature: {sig}\n{'':<14} {p.description}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cleaner",
        description="Strip site chrome from scraped news pages: article text, metadata, and why.",
        epilog="Exit status: 0 all inputs cleaned, 1 some inputs failed (each recorded), 2 usage error.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("clean", help="clean files, folders or stdin ('-')")
    p.add_argument("inputs", nargs="+", help="files, folders (recursive) or - for stdin")
    p.add_argument("--format", choices=("txt", "jsonl"), default=None,
                   help="txt: article text only; jsonl: one JSON record per input "
                        "(default: txt for a single input, jsonl otherwise)")
    p.add_argument("--url", default=None, help="the page's URL (helps profile matching and metadata)")
    p.add_argument("--removed", action="store_true", help="include the removed pieces in JSON records")
    p.set_defaults(func=_cmd_clean)

    p = sub.add_parser("explain", help="show each removed piece with its rule and reason")
    p.add_argument("file")
    p.add_argument("--url", default=None)
    p.set_defaults(func=_cmd_explain)

    p = sub.add_parser("profiles", help="list the registered site profiles")
    p.set_defaults(func=_cmd_profiles)

    evaluate.add_eval_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except BrokenPipeError:  # `cleaner clean ... | head` is normal use
        return 0


if __name__ == "__main__":
    sys.exit(main())
