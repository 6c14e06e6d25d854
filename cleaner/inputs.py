"""What a batch reads: files, folders, JSON Lines records, WARC archives and standard input.

    sources = find_sources(["dumps/", "crawl.warc.gz", "-"], globs=["*.html"])
    for doc in iter_docs(sources):
        ...  # a Doc: its name, where its bytes are, its URL, its output name, a fingerprint

A plain file is not read here but by whoever cleans it (a worker process, through `read_doc`), so a
folder of 20,000 dumps never sits in memory and reading runs in parallel. Records (JSON Lines,
WARC) and standard input are read here, one record at a time.

Recognised inputs: `.txt`, `.html`, `.htm`, `.xhtml` (pages and dumps), `.jsonl`/`.ndjson`
(records from other tools: a text field, an optional URL and id field), `.warc` (every HTML
response or resource record, with its URL, read by warcio); each also gzip-compressed (`.gz`).
A file named on the command line is read whatever its name; in folders, only recognised names
(or those matching `globs`) are taken, and hidden files and folders are skipped.

Nothing here raises for a bad input: a missing file, a corrupt gzip stream, an unparsable JSON
line or a broken WARC record becomes a Doc with `error` set, so the batch records it and goes on.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import re
import zlib
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO, Iterable, Iterator, Sequence

DOC_SUFFIXES = (".txt", ".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc", ".arc")
GZIP_MAGIC = b"\x1f\x8b"
STDIN = "-"

DOC, JSONL, WARC = "doc", "jsonl", "warc"
KINDS = (DOC, JSONL, WARC)


class InputRejected(Exception):
    """An input that is not cleaned, with the reason users see (too large, binary, corrupt)."""


@dataclass(frozen=True, slots=True)
class RecordFields:
    """Field names of JSON Lines records from other tools."""

    text: str = "text"
    url: str = "url"
    id: str = "id"


@dataclass(frozen=True, slots=True)
class Source:
    """One named input: a file (a page, a JSON Lines file, a WARC) or standard input."""

    name: str
    """As shown in records: the path as found ("dumps/a/b.txt") or "-"."""
    path: str | None
    rel: str
    """Relative output name, POSIX, without the input's suffixes ("a/b" for dumps/a/b.html.gz)."""
    kind: str
    size: int = 0
    mtime_ns: int = 0
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Doc:
    """One document to clean; `path` (read by the worker) or `data` (already read) says where."""

    input: str
    """Unique in a run: "dumps/a.txt", "records.jsonl:12", "crawl.warc.gz#3", "-"."""
    output: str
    """Relative output path without the format's extension, unique in the run."""
    fingerprint: str
    """Changes when the input does: "size:mtime_ns" for files, a content hash for records."""
    path: str | None = None
    data: bytes | str | None = None
    url: str | None = None
    id: str | None = None
    error: str | None = None


# --- finding ---------------------------------------------------------------------------------


def kind_of(name: str) -> str:
    """doc, jsonl or warc from a file name (a trailing .gz is looked through)."""
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    if lower.endswith(JSONL_SUFFIXES):
        return JSONL
    if lower.endswith(WARC_SUFFIXES):
        return WARC
    return DOC


def _recognised(name: str) -> bool:
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    return lower.endswith(DOC_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES) and ".expected" not in lower


def strip_suffixes(name: str) -> str:
    """'a/b.html.gz' -> 'a/b'; 'crawl.warc.gz' -> 'crawl'; unknown suffixes stay ('a/b.dump')."""
    stem = name[:-3] if name.lower().endswith(".gz") else name
    lower = stem.lower()
    for suffix in DOC_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES:
        if lower.endswith(suffix) and len(stem) > len(suffix):
            return stem[: -len(suffix)]
    return stem


def _matches(rel: str, globs: Sequence[str]) -> bool:
    name = rel.rsplit("/", 1)[-1]
    return any(fnmatch(rel, g) or fnmatch(name, g) for g in globs)


def _file_source(name: str, path: Path, rel: str) -> Source:
    try:
        st = path.stat()
    except OSError as exc:
        return Source(name, str(path), rel, kind_of(path.name), error=_os_reason(exc))
    return Source(name, str(path), rel, kind_of(path.name), st.st_size, st.st_mtime_ns)


def _walk(root: Path, globs: Sequence[str], exclude: Sequence[Path]) -> Iterator[Source]:
    """Files under a folder, in order of their path components, skipping hidden names and `exclude`.

    Lazily, one folder listing at a time (sorted): a depth-first walk that visits the entries of
    each folder by name yields exactly the order of sorting all paths by their components, without
    a list of every file (20,000 inputs never sit in memory). Folders that cannot be listed are
    reported at the end. Symbolic links to folders are not followed (as os.walk does).
    """
    excluded = {os.path.realpath(p) for p in exclude}
    errors: list[Source] = []

    def visit(folder: str, parts: tuple[str, ...]) -> Iterator[Source]:
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            errors.append(Source(str(exc.filename or folder), None, "", DOC, error=_os_reason(exc)))
            return
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                if not entry.is_symlink() and os.path.realpath(entry.path) not in excluded:
                    yield from visit(entry.path, (*parts, name))
                continue
            rel = "/".join((*parts, name))
            if _matches(rel, globs) if globs else _recognised(name):
                path = root / rel
                yield _file_source(str(path), path, strip_suffixes(rel))

    yield from visit(str(root), ())
    yield from errors


def find_sources(
    names: Sequence[str],
    *,
    globs: Sequence[str] = (),
    exclude: Sequence[str | os.PathLike[str]] = (),
    stdin_kind: str = "auto",
) -> list[Source]:
    """The inputs named: files as given, folders searched recursively (sorted), "-" for stdin.

    A folder yields its recognised files, or with `globs` the files whose relative path or name
    matches one of them. `exclude` folders (the output folder) are not searched. A name that does
    not exist gives a Source with `error`. The same file named twice is taken once. A list; see
    `iter_sources` for the same one at a time.
    """
    return list(iter_sources(names, globs=globs, exclude=exclude, stdin_kind=stdin_kind))


def iter_sources(
    names: Sequence[str],
    *,
    globs: Sequence[str] = (),
    exclude: Sequence[str | os.PathLike[str]] = (),
    stdin_kind: str = "auto",
) -> Iterator[Source]:
    """`find_sources`, lazily: folders are walked as the sources are taken."""
    seen: set[str] | None = set() if len(names) > 1 else None  # one name cannot repeat itself
    excluded = [Path(p) for p in exclude]
    for name in names:
        if name == STDIN:
            found: Iterable[Source] = [Source(STDIN, None, "stdin", stdin_kind)]
        else:
            path = Path(name)
            if path.is_dir():
                found = _walk(path, globs, excluded)
            elif path.exists():
                found = [_file_source(name, path, strip_suffixes(path.name))]
            else:
                found = [Source(name, name, strip_suffixes(path.name), kind_of(name), error=f"not found: {name}")]
        for source in found:
            if seen is not None:
                if source.name in seen:
                    continue
                seen.add(source.name)
            yield source


def count_docs(sources: Iterable[Source]) -> int | None:
    """How many documents the sources hold, when that is cheap to know; None otherwise.

    Pages count one each; an uncompressed JSON Lines file is scanned for non-blank lines; a WARC,
    a compressed JSON Lines file or standard input makes the total unknown (None).
    """
    total = 0
    for s in sources:
        if s.error or s.kind == DOC:
            total += 1
        elif s.kind == JSONL and s.path and not s.path.lower().endswith(".gz"):
            try:
                with open(s.path, "rb") as f:
                    total += sum(1 for line in f if line.strip())
            except OSError:
                total += 1
        else:
            return None
    return total


# --- reading ---------------------------------------------------------------------------------


def iter_docs(
    sources: Iterable[Source],
    *,
    fields: RecordFields = RecordFields(),
    url: str | None = None,
    max_bytes: int | None = None,
    stdin: BinaryIO | None = None,
    reserved: Iterable[str] = (),
) -> Iterator[Doc]:
    """Every document of the sources, in order, each with a unique `output` name.

    `url` applies to pages and stdin (records carry their own). Records larger than `max_bytes`
    become failed Docs here, before they travel anywhere; pages are checked by `read_doc`.
    `reserved` output names are never given to a document (the manifest's name, for instance).
    """
    taken: set[str] = {name.casefold() for name in reserved}
    for source in sources:
        for doc in _docs_of(source, fields, url, max_bytes, stdin):
            output = _unique(doc.output, source, taken)
            yield doc if output == doc.output else _replace_output(doc, output)


def _docs_of(
    source: Source, fields: RecordFields, url: str | None, max_bytes: int | None, stdin: BinaryIO | None
) -> Iterator[Doc]:
    if source.error:
        yield Doc(source.name, source.rel or "_failed", "", path=source.path, error=source.error)
        return
    if source.path is None:
        yield from _stdin_docs(source, fields, url, max_bytes, stdin)
        return
    if source.kind == DOC:
        yield Doc(source.name, source.rel, f"{source.size}:{source.mtime_ns}", path=source.path, url=url)
        return
    try:
        raw = open(source.path, "rb")
    except OSError as exc:
        yield Doc(source.name, source.rel, "", path=source.path, error=_os_reason(exc))
        return
    with raw:
        stream: BinaryIO = raw
        if raw.peek(2)[:2] == GZIP_MAGIC:  # type: ignore[attr-defined]
            # Decompressed here, not by warcio: GzipFile raises on a truncated member or trailing
            # garbage, where warcio's reader would stop without a word.
            stream = strict_gunzip(raw)
        if source.kind == JSONL:
            yield from _jsonl_docs(source, stream, fields, max_bytes)
        else:
            yield from _warc_docs(source, stream, max_bytes)


def _jsonl_docs(source: Source, stream: BinaryIO, fields: RecordFields, max_bytes: int | None) -> Iterator[Doc]:
    lineno = 0
    try:
        for line in stream:
            lineno += 1
            if not line.strip():
                continue
            yield _record_doc(source, lineno, line, fields, max_bytes)
    except (OSError, EOFError, zlib.error) as exc:  # a corrupt gzip stream ends the file
        yield Doc(f"{source.name}:{lineno + 1}", f"{source.rel}/{lineno + 1:06d}", "", error=f"corrupt input: {_reason(exc)}")


def _record_doc(source: Source, lineno: int, line: bytes, fields: RecordFields, max_bytes: int | None) -> Doc:
    name = f"{source.name}:{lineno}"
    fallback = f"{source.rel}/{lineno:06d}"
    try:
        record = json.loads(line)
    except ValueError as exc:
        return Doc(name, fallback, "", error=f"invalid JSON: {exc}")
    if not isinstance(record, dict):
        return Doc(name, fallback, "", error=f"not a JSON object: {type(record).__name__}")
    text = record.get(fields.text)
    if not isinstance(text, str):
        what = "no" if text is None else f"a non-string ({type(text).__name__})"
        return Doc(name, fallback, "", error=f"{what} {fields.text!r} field (choose one with --text-field)")
    rid = record.get(fields.id)
    rid = None if rid is None else str(rid)
    rurl = record.get(fields.url)
    rurl = rurl if isinstance(rurl, str) and rurl else None
    output = f"{source.rel}/{safe_name(rid)}" if rid else fallback
    if max_bytes is not None and len(text) > max_bytes:
        return Doc(name, output, "", url=rurl, id=rid, error=_too_large(len(text), max_bytes, "characters"))
    return Doc(name, output, _hash(text, rurl, rid), data=text, url=rurl, id=rid)


def _warc_docs(source: Source, stream: BinaryIO, max_bytes: int | None) -> Iterator[Doc]:
    from warcio.archiveiterator import ArchiveIterator

    n = 0
    arc = source.path is not None and source.path.lower().removesuffix(".gz").endswith(".arc")
    try:
        for record in ArchiveIterator(_OneStep(stream), arc2warc=arc):
            if getattr(record, "format", "warc") != "warc" and not arc:
                raise ValueError("not a WARC file (no WARC/1.x record header)")
            if not _is_html_record(record):
                short = _drain(record)
                if short:  # not a document, but the file is damaged here: say so
                    n += 1
                    uri = record.rec_headers.get_header("WARC-Target-URI")
                    yield Doc(
                        f"{source.name}#{n}", f"{source.rel}/{n:06d}", "", url=uri,
                        error=f"corrupt WARC: a {record.rec_type} record is truncated ({short:,} bytes missing)",
                    )
                continue
            n += 1
            rid = record.rec_headers.get_header("WARC-Record-ID")
            rurl = record.rec_headers.get_header("WARC-Target-URI")
            name, output = f"{source.name}#{n}", f"{source.rel}/{n:06d}"
            try:
                stream = record.content_stream()  # warcio's readers take no -1: read() for "all"
                data = stream.read() if max_bytes is None else stream.read(max_bytes + 1)
            except (OSError, EOFError, ValueError, zlib.error) as exc:
                yield Doc(name, output, "", url=rurl, id=rid, error=f"corrupt WARC record (reading stopped here): {_reason(exc)}")
                return
            if max_bytes is not None and len(data) > max_bytes:
                yield Doc(name, output, "", url=rurl, id=rid, error=_too_large(len(data), max_bytes, "bytes", at_least=True))
                continue
            short = getattr(record.raw_stream, "limit", 0)  # bytes the record's length promised but the file lacks
            if short:
                yield Doc(name, output, "", url=rurl, id=rid, error=f"corrupt WARC record: truncated ({short:,} bytes missing)")
                continue
            yield Doc(name, output, _hash(data, rurl, rid), data=data, url=rurl, id=rid)
    except Exception as exc:  # warcio: ArchiveLoadFailed, zlib/gzip errors, truncated members
        n += 1
        yield Doc(
            f"{source.name}#{n}", f"{source.rel}/{n:06d}", "",
            error=f"corrupt WARC (reading stopped after {n - 1} HTML records): {_reason(exc)}",
        )


def _drain(record: Any) -> int:
    """Read a record we do not clean to its end; the bytes missing if the file ends early."""
    raw = record.raw_stream
    while raw.read(1 << 16):
        pass
    return int(getattr(raw, "limit", 0) or 0)


def _is_html_record(record: object) -> bool:
    rec_type = getattr(record, "rec_type", "")
    if rec_type == "response":
        headers = getattr(record, "http_headers", None)
        ctype = headers.get_header("Content-Type", "") if headers is not None else ""
    elif rec_type == "resource":
        ctype = record.rec_headers.get_header("Content-Type", "")  # type: ignore[attr-defined]
    else:
        return False
    ctype = (ctype or "").lower()
    return "html" in ctype


def _stdin_docs(
    source: Source, fields: RecordFields, url: str | None, max_bytes: int | None, stdin: BinaryIO | None
) -> Iterator[Doc]:
    if stdin is None:
        import sys

        stdin = sys.stdin.buffer
    stream, kind = sniff_stream(stdin, source.kind)
    sub = Source(source.name, None, "stdin", kind)
    if kind == JSONL:
        yield from _jsonl_docs(sub, stream, fields, max_bytes)
    elif kind == WARC:
        yield from _warc_docs(sub, stream, max_bytes)
    else:
        try:
            data = stream.read() if max_bytes is None else stream.read(max_bytes + 1)
        except (OSError, EOFError, zlib.error) as exc:
            yield Doc(STDIN, "stdin", "", error=f"corrupt input: {_reason(exc)}")
            return
        if max_bytes is not None and len(data) > max_bytes:
            yield Doc(STDIN, "stdin", "", url=url, error=_too_large(len(data), max_bytes, "bytes", at_least=True))
            return
        yield Doc(STDIN, "stdin", _hash(data, url, None), data=data, url=url)


def sniff_stream(stream: BinaryIO, kind: str = "auto") -> tuple[BinaryIO, str]:
    """(a stream that still yields every byte, its kind) for standard input.

    gzip is decompressed; "auto" takes a stream whose first line is a JSON object as JSON Lines,
    one that starts with "WARC/" as a WARC, anything else as one page or dump.
    """
    buffered = stream if hasattr(stream, "peek") else io.BufferedReader(stream)  # type: ignore[arg-type]
    head = _peek(buffered, 2)
    if head[:2] == GZIP_MAGIC:
        buffered = strict_gunzip(buffered)
    if kind in KINDS:
        return buffered, kind
    first = _peek(buffered, 65536)
    start = first.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith(b"WARC/"):
        return buffered, WARC
    if start.startswith(b"{"):
        line = start.split(b"\n", 1)[0]
        try:
            if isinstance(json.loads(line), dict):
                return buffered, JSONL
        except ValueError:
            pass
    return buffered, DOC


class CorruptGzip(OSError):
    """A gzip stream that ends early or holds garbage (EOFError would read as a clean end)."""


class _StrictGzip(io.RawIOBase):
    """gzip decompression that says when the stream is damaged.

    warcio (and any reader that treats EOFError as "no more records") would take a truncated
    member for the end of the archive; here it raises CorruptGzip. Reads use read1, so the data
    before the damage is delivered first and only what follows it is lost.
    """

    def __init__(self, fileobj: BinaryIO) -> None:
        self._gz = gzip.GzipFile(fileobj=fileobj)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        try:
            data = self._gz.read1(len(buffer))
        except EOFError as exc:
            raise CorruptGzip(f"truncated gzip stream ({exc})") from None
        except (gzip.BadGzipFile, zlib.error) as exc:
            raise CorruptGzip(f"corrupt gzip stream ({exc})") from None
        n = len(data)
        buffer[:n] = data
        return n


def strict_gunzip(fileobj: BinaryIO) -> BinaryIO:
    return io.BufferedReader(_StrictGzip(fileobj))  # type: ignore[return-value]


class _OneStep:
    """A stream whose read(n) is one step (read1): a reader of fixed-size blocks (warcio) gets
    every byte before a damaged spot, where BufferedReader.read(n) would drop the partial block."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream

    def read(self, n: int | None = -1) -> bytes:
        if n is None or n < 0:
            return self._stream.read()
        return self._stream.read1(n)  # type: ignore[attr-defined]

    def tell(self) -> int:
        raise OSError("not seekable")  # warcio then counts offsets itself


def _peek(stream: BinaryIO, n: int) -> bytes:
    """Up to n bytes from the front of a buffered stream without consuming them."""
    try:
        data = stream.peek(n)  # type: ignore[attr-defined]
    except (OSError, EOFError, zlib.error):
        return b""
    return data[:n]


def read_doc(doc: Doc, *, max_bytes: int | None = None, reject_binary: bool = False) -> bytes | str:
    """The document's source: its data, or its file read (gzip decompressed, magic-sniffed).

    Raises InputRejected for a file over `max_bytes` (checked before reading, and again after
    decompression, reading no more than the limit), a corrupt gzip stream, or, with
    `reject_binary`, content that is clearly not text (NUL bytes, image/PDF/archive signatures).
    OSError (permission denied, vanished file) passes through.
    """
    data = doc.data if doc.data is not None else read_file(doc.path or doc.input, max_bytes=max_bytes)
    if reject_binary and isinstance(data, (bytes, bytearray)):
        why = binary_signature(data)
        if why:
            raise InputRejected(f"binary content ({why}): not a text dump or an HTML page")
    return data


def read_file(path: str | os.PathLike[str], *, max_bytes: int | None = None) -> bytes:
    """A file's bytes; gzip (by content, whatever the name) is decompressed, within `max_bytes`."""
    with open(path, "rb") as f:
        size = os.fstat(f.fileno()).st_size
        head = f.read(2)
        f.seek(0)
        if head == GZIP_MAGIC:
            try:
                with gzip.GzipFile(fileobj=f) as gz:
                    data = gz.read(-1 if max_bytes is None else max_bytes + 1)
            except (OSError, EOFError, zlib.error) as exc:
                raise InputRejected(f"corrupt gzip: {_reason(exc)}") from None
            if max_bytes is not None and len(data) > max_bytes:
                raise InputRejected(_too_large(len(data), max_bytes, "bytes", at_least=True, after="decompressed "))
            return data
        if str(path).lower().endswith(".gz"):
            raise InputRejected("corrupt gzip: the name ends in .gz but the content is not gzip data")
        if max_bytes is not None and size > max_bytes:
            raise InputRejected(_too_large(size, max_bytes, "bytes"))
        return f.read()


_MAGIC = (
    (b"%PDF-", "PDF"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x7fELF", "executable"),
    (b"RIFF", "RIFF media"),
)
_UNICODE_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")


def binary_signature(data: bytes) -> str | None:
    """Why `data` is not text (a file signature, or NUL bytes near the start), or None."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return what
    if data.startswith(_UNICODE_BOMS):  # UTF-16/32 text has NULs and a byte order mark
        return None
    if b"\x00" in data[:8192]:
        return "NUL bytes near the start"
    return None


# --- names -----------------------------------------------------------------------------------

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_name(value: str, limit: int = 100) -> str:
    """A file name from a record id: unsafe characters become "_", with a short hash when changed."""
    name = _UNSAFE.sub("_", value).strip("._") or "_"
    if name != value or len(name) > limit:
        digest = hashlib.blake2b(value.encode("utf-8", "surrogatepass"), digest_size=4).hexdigest()
        name = f"{name[:limit]}-{digest}"
    return name


def _unique(output: str, source: Source, taken: set[str]) -> str:
    """`output`, or a variant not used yet in this run (case-insensitively: macOS, Windows)."""
    candidates = [output]
    if source.path and source.kind == DOC and source.rel == output:
        # a.txt and a.html in one folder: the second keeps its suffix (a.html -> a.html.json)
        full = PurePosixPath(source.name).name
        candidates.append(f"{output.rsplit('/', 1)[0]}/{full}" if "/" in output else full)
    for candidate in candidates:
        if candidate.casefold() not in taken:
            taken.add(candidate.casefold())
            return candidate
    n = 2
    while f"{output}~{n}".casefold() in taken:
        n += 1
    taken.add(f"{output}~{n}".casefold())
    return f"{output}~{n}"


def _replace_output(doc: Doc, output: str) -> Doc:
    return Doc(doc.input, output, doc.fingerprint, doc.path, doc.data, doc.url, doc.id, doc.error)


def _hash(data: bytes | str, url: str | None, rid: str | None) -> str:
    h = hashlib.blake2b(digest_size=12)
    h.update(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
    h.update(b"\x00" + (url or "").encode("utf-8", "surrogatepass") + b"\x00" + (rid or "").encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def _too_large(size: int, limit: int, unit: str, *, at_least: bool = False, after: str = "") -> str:
    if at_least:
        return f"too large: more than the limit of {limit:,} {after}{unit}"
    return f"too large: {size:,} {unit} (limit {limit:,})"


def _os_reason(exc: OSError) -> str:
    return f"{type(exc).__name__}: {exc.strerror or exc}" + (f": {exc.filename}" if exc.filename else "")


_UNPRINTABLE = re.compile(r"[^\x20-\x7e]+")


def _reason(exc: BaseException, limit: int = 160) -> str:
    """A one-line, printable reason: binary garbage from a corrupt file does not reach the manifest."""
    text = _UNPRINTABLE.sub("?", " ".join(str(exc).split())) or "(no detail)"
    if len(text) > limit:
        text = text[: limit - 3] + "..."
    return f"{type(exc).__name__}: {text}"
