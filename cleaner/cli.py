"""The `cleaner` command: argument parsing and printing only; the work is the library's.

    cleaner clean INPUT... [-o DIR]  clean files, folders, .jsonl records, WARCs or stdin ("-")
    cleaner explain FILE             what was removed, by which rule, and why
    cleaner profiles                 registered site profiles
    cleaner eval FOLDER              score against gold data in the benchmark's layout

Exit status: 0 all inputs cleaned, 1 some inputs failed (each recorded), 2 usage error,
130 interrupted (Ctrl-C; what was finished is kept and a rerun completes the rest).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import stat
import sys
from typing import Any, Callable, Iterator, Sequence

from . import evaluate
from .api import clean_file
from .batch import FAILED, FORMATS, MANIFEST, Batch, BatchOptions, OutputLocked, Summary, default_jobs
from .config import Config
from .inputs import KINDS, STDIN, RecordFields, Source, count_docs, iter_docs, iter_sources, kind_of, sniff_stream
from .profiles import profiles

DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_SIZE = "20MB"

CLEAN_DESCRIPTION = """\
Clean scraped pages: plain-text dumps and HTML (.txt, .html, .htm, also .gz), JSON Lines records
from other tools (.jsonl), and WARC archives (.warc, .warc.gz: every HTML response, with its URL).
Folders are searched recursively; "-" reads standard input (a page, JSON Lines or a WARC).

Without -o, results go to standard output in input order: JSON Lines (one record per input:
"input", the Article's fields, or "error" for a failed input), or the article text when the only
input is one page. With -o DIR, each input gets one file under DIR mirroring its relative path
(records of a .jsonl or WARC go in a folder named after it), and DIR/manifest.jsonl records every
input's status (cleaned, empty, failed), reason, output and fingerprint; with --format jsonl
each output file is one JSON line, so concatenating them in manifest order gives what stdout
would have carried (for one combined file, redirect stdout instead of using -o). Outputs are
written atomically; a run that was stopped (Ctrl-C, kill -9) and is started again with the same
arguments skips what is done and completes the rest. --force redoes everything. One run at a
time per DIR: a second run on a folder another run is writing to stops with exit status 2."""

CLEAN_EPILOG = """\
exit status:
  0    every input cleaned (an input with no article is "empty", not failed)
  1    some inputs failed; each is recorded with its reason (stdout record, or the manifest)
  2    usage error (also: another run is writing to the -o folder)
  130  interrupted; the summary says what was done

examples:
  cleaner clean page.html                      the article text
  cleaner clean - < page.html                  the same, from standard input
  cleaner clean dumps/ > cleaned.jsonl         a folder, one JSON record per input
  cat dumps.jsonl | cleaner clean - --format jsonl | next-tool
  cleaner clean dumps/ crawl.warc.gz -o out/ --format txt --jobs 4"""


# --- clean -----------------------------------------------------------------------------------

_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]i?b?|b)?\s*$", re.I)
_UNITS = {"": 1, "b": 1, "k": 10**3, "m": 10**6, "g": 10**9, "ki": 2**10, "mi": 2**20, "gi": 2**30}


def parse_size(text: str) -> int | None:
    """'20MB' -> 20_000_000, '16MiB' -> 16_777_216, '0' -> None (no limit)."""
    m = _SIZE.match(text)
    if not m:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (examples: 500000, 500KB, 20MB, 16MiB)")
    unit = (m.group(2) or "").lower().rstrip("b")
    value = int(float(m.group(1)) * _UNITS[unit])
    return value or None


def _number_type(convert: Callable[[str], Any], what: str, minimum: float, too_small: str) -> Callable[[str], Any]:
    """An argparse `type=` that parses a number and refuses one below `minimum`, saying why."""

    def parse(text: str) -> Any:
        try:
            value = convert(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not {what}: {text!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(too_small.format(value))
        return value

    return parse


_positive_int = _number_type(int, "a whole number", 1, "must be at least 1, not {}")
_seconds = _number_type(float, "a number of seconds", 0, "must not be negative: {:g}")


def _is_stream(fileobj: Any) -> bool:
    """True for a terminal, a pipe or a socket: where a progress bar would interleave or not be seen."""
    try:
        fd = fileobj.fileno()
    except (AttributeError, OSError, ValueError):
        return True
    if os.isatty(fd):
        return True
    mode = os.fstat(fd).st_mode
    return stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)


def _stderr_is_terminal() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def _cmd_clean(args: argparse.Namespace) -> int:
    parser: argparse.ArgumentParser = args.parser
    out_dir = args.output
    if out_dir is not None:
        if os.path.exists(out_dir) and not os.path.isdir(out_dir):
            parser.error(f"-o {out_dir}: exists and is not a folder")
    if args.profile and args.profile not in {p.name for p in profiles()}:
        known = ", ".join(sorted(p.name for p in profiles()))
        parser.error(f"--profile {args.profile}: no such profile (known: {known})")

    stdin, stdin_kind = None, args.stdin_format
    if STDIN in args.inputs:
        stdin, stdin_kind = sniff_stream(sys.stdin.buffer, args.stdin_format)

    def sources() -> Iterator[Source]:
        """The inputs, found lazily (a folder of 20,000 files is never listed in memory)."""
        return iter_sources(args.inputs, globs=args.glob or (), exclude=[out_dir] if out_dir else (), stdin_kind=stdin_kind)

    first = args.inputs[0]
    single = (
        len(args.inputs) == 1 and not os.path.isdir(first)
        and (stdin_kind if first == STDIN else kind_of(first)) == "doc"
    )
    fmt = args.format or ("json" if out_dir else "txt" if single else "jsonl")
    config = Config(kind=args.kind, profile=args.profile, keep_captions=args.keep_captions)
    fields = RecordFields(args.text_field, args.url_field, args.id_field)
    options = BatchOptions(
        config=config, format=fmt, removed=args.removed, out_dir=out_dir, max_bytes=args.max_size,
        reject_binary=True, salt=repr((args.url, fields)),
    )
    show_progress = (
        not args.quiet and not single and _stderr_is_terminal() and (out_dir is not None or not _is_stream(sys.stdout))
    )
    total = count_docs(sources()) if show_progress else None
    jobs = args.jobs or default_jobs()
    if single or (total is not None and total < jobs):
        jobs = max(1, min(jobs, total or 1))
    docs = iter_docs(
        sources(),
        fields=fields,
        url=args.url,
        max_bytes=args.max_size,
        stdin=stdin,
        reserved=options.reserved,
    )
    try:
        batch = Batch(docs, options, jobs=jobs, timeout=args.timeout or None, force=args.force)
    except OutputLocked as exc:  # not a mistake in the arguments: no usage text, but the same status
        print(f"cleaner: {exc}", file=sys.stderr)
        return 2
    if batch.note and not args.quiet:
        print(f"cleaner: {batch.note}", file=sys.stderr)
    bar = _progress_bar(total) if show_progress else None
    say = bar.write if bar is not None else (lambda text: print(text, file=sys.stderr))
    out = sys.stdout.buffer
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        for result in batch:
            if result.line is not None:
                out.write(result.line.encode("utf-8", "backslashreplace"))
                out.flush()
            if result.status == FAILED and result.line is None and not args.quiet:
                say(f"cleaner: {result.input}: failed: {result.reason}")
            if bar is not None:
                bar.update(1)
                if result.status == FAILED:
                    bar.set_postfix(failed=batch.summary.failed, refresh=False)
    except KeyboardInterrupt:
        batch.summary.interrupted = True
    finally:
        signal.signal(signal.SIGTERM, previous)
        batch.close()
        if bar is not None:
            bar.close()
    summary = batch.summary
    if not args.quiet and (not single or summary.failed or summary.interrupted):
        print(format_summary(summary, out_dir), file=sys.stderr)
    if summary.interrupted:
        return 130
    return 1 if summary.failed else 0


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _progress_bar(total: int | None) -> Any:
    from tqdm import tqdm

    tqdm.monitor_interval = 0  # no monitor thread: worker processes are forked from this one
    sized = shutil.get_terminal_size((0, 0)).columns > 0  # a terminal that reports no size gets 80 columns
    return tqdm(
        total=total, unit="doc", file=sys.stderr, dynamic_ncols=sized, ncols=None if sized else 80,
        smoothing=0.05, mininterval=0.2,
    )


def format_summary(summary: Summary, out_dir: str | None = None, rules: int = 12) -> str:
    """The end-of-run report: counts, time, and characters removed per rule."""
    rate = summary.inputs / summary.seconds if summary.seconds > 0 else 0.0
    head = "interrupted" if summary.interrupted else "done"
    lines = [
        f"cleaner: {head}: {summary.inputs} inputs: {summary.cleaned} cleaned, {summary.empty} empty, "
        f"{summary.failed} failed"
        + (f", {summary.skipped} already done (skipped)" if summary.skipped else "")
        + f" in {summary.seconds:.1f} s ({rate:.0f} inputs/s)"
    ]
    if out_dir is not None:
        lines.append(f"  outputs in {out_dir}, status of every input in {os.path.join(out_dir, MANIFEST)}")
    table = summary.removed_chars.most_common()
    if table:
        lines.append("  characters removed per rule:")
        width = max(len(rule) for rule, _ in table[:rules])
        lines += [f"    {rule:<{width}}  {chars:>12,}" for rule, chars in table[:rules]]
        rest = table[rules:]
        if rest:
            lines.append(f"    {'(' + str(len(rest)) + ' more rules)':<{width}}  {sum(c for _, c in rest):>12,}")
    if summary.interrupted:
        lines.append("  run the same command again to finish the rest" if out_dir else "")
    return "\n".join(line for line in lines if line)


# --- explain, profiles -----------------------------------------------------------------------


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


# --- the parser --------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cleaner",
        description="Strip site chrome from scraped news pages: article text, metadata, and why.",
        epilog="Exit status: 0 all inputs cleaned, 1 some inputs failed (each recorded), 2 usage error, "
        "130 interrupted.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser(
        "clean",
        help="clean files, folders, JSON Lines, WARCs or stdin ('-')",
        description=CLEAN_DESCRIPTION,
        epilog=CLEAN_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="files, folders (recursive) or - for stdin")
    out = p.add_argument_group("output")
    out.add_argument("-o", "--output", metavar="DIR", default=None,
                     help="write one file per input under DIR, plus DIR/manifest.jsonl (one run at a time per DIR)")
    out.add_argument("--format", choices=FORMATS, default=None,
                     help="txt: article text; json: the record (title, date, authors...); jsonl: the record "
                          "on one line (with -o: one .jsonl file per input); md: title, metadata lines, text. "
                          "Default: txt for one page on stdout, jsonl for more, json with -o")
    out.add_argument("--removed", action="store_true", help="include the removed pieces in JSON records")
    out.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no summary")
    out.add_argument("--force", action="store_true", help="with -o: redo every input, even those a previous run finished")
    sel = p.add_argument_group("inputs")
    sel.add_argument("--glob", action="append", metavar="PATTERN",
                     help="in folders, take files whose name or relative path matches (repeatable; "
                          "default: the recognised suffixes)")
    sel.add_argument("--text-field", default="text", metavar="NAME", help="JSON Lines: the page text (default: text)")
    sel.add_argument("--url-field", default="url", metavar="NAME", help="JSON Lines: the page URL (default: url)")
    sel.add_argument("--id-field", default="id", metavar="NAME",
                     help="JSON Lines: the record id, used in records and output names (default: id)")
    sel.add_argument("--stdin-format", choices=("auto", *KINDS), default="auto",
                     help="what '-' holds: a page (doc), JSON Lines, a WARC; default: detected")
    sel.add_argument("--url", default=None, help="the page's URL (helps profile matching and metadata)")
    run = p.add_argument_group("running")
    run.add_argument("-j", "--jobs", type=_positive_int, default=None, metavar="N",
                     help=f"worker processes (default: all cores, here {default_jobs()})")
    run.add_argument("--timeout", type=_seconds, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                     help=f"time budget per input; an input over it fails and its worker is replaced "
                          f"(default: {DEFAULT_TIMEOUT:g}; 0: none)")
    run.add_argument("--max-size", type=parse_size, default=parse_size(DEFAULT_MAX_SIZE), metavar="SIZE",
                     help=f"inputs larger than this fail without being read (default: {DEFAULT_MAX_SIZE}; 0: none)")
    cfg = p.add_argument_group("cleaning")
    cfg.add_argument("--kind", choices=("auto", "text", "html"), default="auto",
                     help="input kind (default: detected from the markup)")
    cfg.add_argument("--profile", default=None, help="force a site profile (see `cleaner profiles`)")
    cfg.add_argument("--keep-captions", action="store_true", help="keep photo captions and credits")
    p.set_defaults(func=_cmd_clean, parser=p)

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
    code = _run(args)
    if argv is None and _is_the_program():
        _exit_now(code)
    return code


def _run(args: argparse.Namespace) -> int:
    try:
        return int(args.func(args))
    except KeyboardInterrupt:  # before a batch started (a batch handles its own, with a summary)
        print("cleaner: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `cleaner clean ... | head` is normal use
        try:  # no second BrokenPipeError when Python flushes stdout at exit
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except OSError:
            pass
        return 0


def _is_the_program() -> bool:
    """True when this process is the `cleaner` command (the console script or `python -m
    cleaner.cli`), not a program that calls main()."""
    spec = getattr(sys.modules.get("__main__"), "__spec__", None)
    return getattr(spec, "name", None) == "cleaner.cli" or os.path.basename(sys.argv[0]) in ("cleaner", "cleaner.exe")


def _exit_now(code: int) -> None:
    """End the command without the interpreter's teardown, which frees the loaded models object
    by object (~80 ms, a tenth of a small run). By now every output and the manifest are closed
    and the workers joined; only the standard streams still need flushing. When they cannot be
    flushed (other than a reader that has gone), the ordinary exit takes over."""
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:  # the reader of stdout has gone (`| head`): nothing to report
        pass
    except (OSError, ValueError):
        return
    os._exit(code)


if __name__ == "__main__":
    sys.exit(main())
