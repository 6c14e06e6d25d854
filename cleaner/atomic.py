"""Files written whole or not at all: a temporary beside the target, then a rename.

A batch writes one output per input and rewrites its manifest; the cache writes its entries. A
process killed mid-write leaves at most a hidden temporary (TMP_MARK in its name), which
`sweep_temporaries` removes; readers never see half a file. (No fsync: this guards against a
killed process, not against power loss.)
"""

from __future__ import annotations

import itertools
import os
from contextlib import contextmanager
from typing import BinaryIO, Iterator

TMP_MARK = ".cleaner-tmp-"

_tmp_counter = itertools.count()


def atomic_write(path: str | os.PathLike[str], data: str | bytes) -> None:
    """Write a file whole or not at all: a temporary file in the same folder, then os.replace.

    A process killed mid-write leaves at most a hidden `.NAME.cleaner-tmp-*` file, which
    `sweep_temporaries` removes; never a half-written `NAME`. (No fsync: this guards against a
    killed process, not against power loss.)
    """
    payload = data.encode("utf-8", "backslashreplace") if isinstance(data, str) else data  # lone surrogates
    tmp = _temporary_name(path)
    fd = -1
    try:  # plain os calls: a file object's buffering and locks cost more than the write (one per input)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o666)
        view = memoryview(payload)
        while view:
            view = view[os.write(fd, view) :]
        os.close(fd)
        fd = -1
        os.replace(tmp, path)
    except BaseException:
        if fd >= 0:
            os.close(fd)
        _discard(tmp)
        raise


def _discard(tmp: str) -> None:
    """Remove a temporary file a failed write left, if it is there."""
    try:
        os.unlink(tmp)
    except OSError:
        pass


def _temporary_name(path: str | os.PathLike[str]) -> str:
    """A hidden name beside `path`, unique to this process and call, that sweep_temporaries knows."""
    folder, name = os.path.split(os.fspath(path))
    return os.path.join(folder, f".{name}{TMP_MARK}{os.getpid()}-{next(_tmp_counter)}")


@contextmanager
def replacing(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """A binary file to write `path` through: a temporary beside it, renamed over `path` when the
    block ends, removed if it fails. Readers see the old file or the new one, never a mix."""
    tmp = _temporary_name(path)
    try:
        with open(tmp, "wb") as f:
            yield f
        os.replace(tmp, path)
    except BaseException:
        _discard(tmp)
        raise


def sweep_temporaries(folder: str | os.PathLike[str]) -> int:
    """Remove temporary files a killed run left in `folder` (recursively); returns how many."""
    removed = 0
    for dirpath, _dirs, files in os.walk(folder):
        for name in files:
            if TMP_MARK in name:
                try:
                    os.unlink(os.path.join(dirpath, name))
                    removed += 1
                except OSError:
                    pass
    return removed
