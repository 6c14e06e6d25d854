"""Many documents: `clean_many()` for scrapers that batch in-process, and the machinery behind
`cleaner clean -o DIR` (output formats, atomic writes, a manifest that makes a killed run
resumable, a summary).

    for result in cleaner.clean_many(pages, jobs=4, timeout=30):
        if result.article is not None:
            store(result.id, result.article.text)
        else:
            log(result.id, result.error)

How the work is spread (`ordered_map`): worker processes are forked on Linux when the caller has
no other threads (fast, warm: the parent loads the models once and the workers share them, and a
plain script needs no `if __name__ == "__main__"` guard); otherwise they come from multiprocessing's
"forkserver" (or "spawn"), which never copies the caller's threads or locks. Either way profiles
registered at run time are sent to them, and a forked worker closes its siblings' pipe ends, so a
parent killed with SIGKILL leaves no worker behind (each sees end-of-file and exits). The parent
uses no threads: chunks go out and results come back through non-blocking
pipes under one selector (every complete result read in one go), so neither side can block the
other with a large item or result. Items are read lazily and sent in small chunks; at most
`window` items are between "read" and "yielded", so a 20,000-item generator is never listed and
memory stays flat. Results come back one per item and are yielded in input order.

Start-up is most of a run's fixed cost (~0.7 s: the stop-word index, the n-gram language model,
the HTML stack), so it is paid once, in the parent, before forking (`WarmUp`), the HTML path
only when the first items look like pages. Forked workers inherit all of it and do not
warm up again; the parent's objects are frozen out of the workers' garbage collector so that
they stay shared (copy-on-write) instead of being copied page by page.

The per-document time budget (`timeout`) is enforced twice. Inside the worker a SIGALRM timer
(signal.setitimer) interrupts Python code at the budget; that worker reports the item as timed out
and is then replaced, never reused, since the interrupted code may have left state half-updated.
If the worker is stuck in C code the alarm cannot interrupt, the parent kills it (SIGKILL) a grace
period after the budget and starts another. A worker that dies (a segfault, the OOM killer) costs
exactly the item it was on: that item is recorded as failed and the rest of its chunk is resent.
With `jobs=1` and a timeout, one worker process does the work for the same reason; with `jobs=1`
and no timeout, items are cleaned in the calling process with no processes at all.
"""

from __future__ import annotations

import dataclasses
import errno
import gc
import hashlib
import json
import multiprocessing
import os
import pickle
import selectors
import shutil
import signal
import struct
import sys
import threading
import time
import warnings
import zlib
from collections import Counter, deque
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

from .api import clean
from .atomic import atomic_write, replacing, sweep_temporaries
from .article import Article
from .config import Config
from .inputs import Doc, InputRejected, read_doc, read_file
from .language import load_ngram_model
from .profiles import profiles, register_profile
from .readers.detect import looks_like_html

FORMATS = ("txt", "json", "jsonl", "md")
EXTENSIONS = {"txt": ".txt", "json": ".json", "jsonl": ".jsonl", "md": ".md"}
MANIFEST = "manifest.jsonl"
LOCK = ".cleaner.lock"

CLEANED, EMPTY, FAILED = "cleaned", "empty", "failed"


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


# --- one run per output folder ----------------------------------------------------------------


class OutputLocked(RuntimeError):
    """Another run is writing to the output folder (another process, or another Batch here)."""


_held: set[str] = set()  # real paths of the output folders this process has locked


class FolderLock:
    """An advisory lock on an output folder, held while a batch writes to it.

    A POSIX record lock (fcntl.lockf) on `DIR/.cleaner.lock`, taken without waiting: a second run
    on the same folder gets OutputLocked instead of interleaving its manifest lines and sweeping
    the first run's temporary files. The kernel drops the lock when its process ends, however it
    ends (kill -9 included), so a stale lock file never blocks a rerun; the empty file stays. Such
    locks are not inherited by forked workers and do not conflict within one process, so the
    folders this process holds are also kept in a set. Advisory: only cleaner runs respect it. On
    a file system without locks (ENOLCK), or where fcntl does not exist, the run goes on unlocked.
    """

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = str(folder)
        self._real = os.path.realpath(folder)
        self._fd: int | None = None
        self._held = False
        if self._real in _held:
            raise OutputLocked(self._message())
        try:
            import fcntl
        except ImportError:  # not POSIX
            self._hold()
            return
        fd = os.open(os.path.join(folder, LOCK), os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
        try:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(fd)
            if exc.errno in (errno.EACCES, errno.EAGAIN):
                raise OutputLocked(self._message()) from None
            if exc.errno != errno.ENOLCK:
                raise
            warnings.warn(f"{self.folder}: this file system has no locks; make sure no other run writes here",
                          RuntimeWarning, stacklevel=3)
        else:
            self._fd = fd
        self._hold()

    def _hold(self) -> None:
        _held.add(self._real)
        self._held = True

    def _message(self) -> str:
        return (f"{self.folder}: another cleaner run is writing to this folder (it holds {LOCK}); "
                "wait for it to finish, or write to another folder")

    def release(self) -> None:
        """Let other runs have the folder; safe to call twice."""
        if self._fd is not None:
            os.close(self._fd)  # closing the file drops the process's lock on it
            self._fd = None
        if self._held:
            _held.discard(self._real)
            self._held = False


# --- the ordered parallel map ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Ready:
    """An item whose outcome is known before any work: yielded in its place, never sent."""

    ok: bool
    value: Any


class _Timeout(BaseException):
    """Raised by the SIGALRM handler; a BaseException so `except Exception` in user code lets it by."""


def _on_alarm(signum: int, frame: object) -> None:
    raise _Timeout()


def _reason(exc: BaseException) -> str:
    if isinstance(exc, InputRejected):
        return str(exc)
    text = str(exc).strip()
    if isinstance(exc, OSError) and exc.strerror:
        text = exc.strerror + (f": {exc.filename}" if exc.filename else "")
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


GATHER_SECONDS = 0.01
"""How long the parent naps before reading results while every worker has work queued for at
least twice that long (by the running average of an input's time): it then takes several results
per wake-up instead of one, and takes less CPU from the workers it shares the cores with, and no
worker runs dry meanwhile. Workers still send each result as it is done, with the time it
finished, so time budgets and blame stay exact."""
ITEM_TIME_WEIGHT = 0.2
"""Weight of the latest input in the running average of an input's time."""


def _worker_main(
    fn: Callable[[Any], Any],
    tasks: Any,
    results: Any,
    soft_timeout: float | None,
    extra: bytes,
    close_fds: list[int],
    warm: Callable[[], Any] | None,
) -> None:
    """A worker: receive chunks of (index, item), send back (index, ok, value, retire) per item."""
    for fd in close_fds:  # (fork) the parent's ends of every worker's pipes: EOF must mean "parent gone"
        try:
            os.close(fd)
        except OSError:
            pass
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if extra:
        for profile in pickle.loads(extra):
            register_profile(profile)
    alarm = bool(soft_timeout) and hasattr(signal, "setitimer")
    if alarm:
        signal.signal(signal.SIGALRM, _on_alarm)
    if warm is not None:  # (not forked from a warm parent) before "ready": never in an item's budget
        try:
            warm()
        except Exception:
            pass
    gc.collect()  # the first full collection, here rather than inside the first item's budget
    out = results.fileno()
    _write_all(out, _frame((None, time.monotonic())))  # ready
    while True:
        try:
            chunk = tasks.recv()
        except (EOFError, OSError):
            return
        if chunk is None:
            return
        for index, item in chunk:
            try:
                if alarm:
                    signal.setitimer(signal.ITIMER_REAL, soft_timeout)
                try:
                    message = (index, True, fn(item), False)
                finally:
                    if alarm:
                        signal.setitimer(signal.ITIMER_REAL, 0)
            except _Timeout:
                message = (index, False, f"timed out after {soft_timeout:g} s", True)
            except BaseException as exc:  # one bad item never ends the worker
                message = (index, False, _reason(exc), isinstance(exc, MemoryError))
            try:
                data = _frame((message, time.monotonic()))
            except Exception as exc:  # the value could not be pickled
                data = _frame(((index, False, f"result could not be sent back: {_reason(exc)}", False), time.monotonic()))
            try:
                _write_all(out, data)
            except OSError:  # the parent is gone
                return
            if message[3]:  # retire: interrupted code may have left state half-updated
                return


def _frame(obj: Any) -> bytes:
    """`obj` framed as multiprocessing.Connection.send() would, for Connection.recv() to read."""
    buf = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    n = len(buf)
    if n > 0x7FFFFFFF:
        return struct.pack("!i", -1) + struct.pack("!Q", n) + buf
    return struct.pack("!i", n) + buf


def _write_all(fd: int, data: bytes) -> None:
    """Write all of `data` to a blocking fd (a pipe may take a large write in parts)."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _unframe(buffer: bytearray) -> list[Any]:
    """The complete messages at the front of `buffer` (removed from it); a partial one stays."""
    messages = []
    pos = 0
    with memoryview(buffer) as view:
        while len(buffer) - pos >= 4:
            (n,) = struct.unpack_from("!i", buffer, pos)
            head = 4
            if n == -1:
                if len(buffer) - pos < 12:
                    break
                (n,) = struct.unpack_from("!Q", buffer, pos + 4)
                head = 12
            if len(buffer) - pos - head < n:
                break
            messages.append(pickle.loads(view[pos + head : pos + head + n]))
            pos += head + n
    del buffer[:pos]
    return messages


class _Worker:
    """One worker process, its two pipes, the items it holds, and bytes not yet written to it or
    read from it.

    Both of the parent's pipe ends are non-blocking and watched by one selector: tasks are
    written as far as the pipe takes them (the rest when it drains), and results are read as they
    come, every complete message at once. So a worker busy sending a large result never deadlocks
    with a parent sending it a large chunk, and the parent needs no threads (which makes fork safe).
    """

    __slots__ = ("proc", "results", "tasks", "outbox", "inbox", "pending", "started", "ready", "spawned", "writing")

    def __init__(
        self,
        ctx: Any,
        fn: Callable[[Any], Any],
        soft_timeout: float | None,
        extra: bytes,
        others: list["_Worker"],
        warm: Callable[[], Any] | None,
    ) -> None:
        task_r, task_w = ctx.Pipe(duplex=False)
        res_r, res_w = ctx.Pipe(duplex=False)
        close_fds: list[int] = []
        if ctx.get_start_method() == "fork":
            close_fds = [task_w.fileno(), res_r.fileno()]
            for o in others:
                if not o.results.closed:
                    close_fds += [o.results.fileno(), o.tasks.fileno()]
        self.proc = ctx.Process(
            target=_worker_main, args=(fn, task_r, res_w, soft_timeout, extra, close_fds, warm), daemon=True
        )
        if close_fds:  # fork: keep the child's collector off everything it inherits, or its first
            gc.freeze()  # full collection touches every object and copies every page (~1 s)
            try:
                self.proc.start()
            finally:
                gc.unfreeze()
        else:
            self.proc.start()
        task_r.close()
        res_w.close()
        self.results = res_r
        self.tasks = task_w
        os.set_blocking(task_w.fileno(), False)
        os.set_blocking(res_r.fileno(), False)
        self.outbox = bytearray()
        self.inbox = bytearray()
        self.pending: deque[tuple[int, Any]] = deque()
        self.spawned = self.started = time.monotonic()
        self.ready = False
        self.writing = False  # the tasks pipe is registered with the selector, waiting to drain

    def send(self, chunk: list[tuple[int, Any]] | None) -> None:
        if chunk:
            if not self.pending:
                self.started = time.monotonic()
            self.pending.extend(chunk)
        self.outbox += _frame(chunk)
        self.flush()

    def flush(self) -> None:
        """Write what the pipe takes now; the rest waits for the selector to say it is writable."""
        while self.outbox:
            try:
                n = os.write(self.tasks.fileno(), self.outbox)
            except BlockingIOError:
                return
            except OSError:  # the worker is gone; its sentinel will say so
                self.outbox.clear()
                return
            del self.outbox[:n]

    def read(self) -> tuple[list[Any], bool]:
        """(every complete message the worker has sent, False once its end of the pipe is closed)."""
        fd = self.results.fileno()
        open_ = True
        while True:
            try:
                data = os.read(fd, 1 << 16)
            except BlockingIOError:
                break
            except OSError:
                open_ = False
                break
            if not data:
                open_ = False
                break
            self.inbox += data
        return (_unframe(self.inbox) if self.inbox else []), open_

    def stop(self, *, kill: bool) -> None:
        if not kill and self.proc.is_alive():
            self.outbox.clear()
            self.send(None)
            if not self.outbox:
                self.proc.join(timeout=5)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join(timeout=5)
        self.tasks.close()
        self.results.close()


def _context() -> Any:
    """fork on Linux from a single-threaded process (fast, and a plain script needs no
    `if __name__ == "__main__"` guard); otherwise forkserver, or spawn where there is none."""
    methods = multiprocessing.get_all_start_methods()
    if sys.platform.startswith("linux") and "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["cleaner.batch"])
        return ctx
    return multiprocessing.get_context("spawn")


def _registered_profiles() -> bytes:
    """The registered profiles, pickled for the workers (a run-time registration counts too)."""
    sendable = []
    for profile in profiles():
        try:
            pickle.dumps(profile)
        except Exception as exc:
            warnings.warn(
                f"profile {profile.name!r} cannot be sent to worker processes ({exc}); they will run "
                "without it (define its rules as module-level functions, or use jobs=1 and no timeout)",
                RuntimeWarning,
                stacklevel=4,
            )
        else:
            sendable.append(profile)
    return pickle.dumps(sendable)


def ordered_map(
    fn: Callable[[Any], Any],
    items: Iterable[Any],
    *,
    jobs: int | None = None,
    timeout: float | None = None,
    chunksize: int = 4,
    window: int | None = None,
    warm: Callable[[], Any] | None = None,
) -> Iterator[tuple[bool, Any]]:
    """(True, fn(item)) or (False, reason) for each item, in input order.

    `fn` must be picklable (a module-level function or a partial of one) when processes are
    used. A `Ready` item is yielded as it is, in its place, without being sent. See the module
    docstring for how `timeout` is enforced. Closing the generator early stops the workers.
    `warm` (picklable, no arguments) runs once where the work will run, before any item and after
    the first items have been read (a `WarmUp` looks at them): in this process before forking (so
    workers inherit its caches), or in each worker before it is ready.
    """
    jobs = default_jobs() if jobs is None else jobs
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    if timeout is not None and timeout <= 0:
        timeout = None
    if jobs == 1 and timeout is None:
        return _serial_map(fn, items)
    window = window or max(64, jobs * chunksize * 8)
    return _parallel_map(fn, items, jobs, timeout, chunksize, window, warm)


def _serial_map(fn: Callable[[Any], Any], items: Iterable[Any]) -> Iterator[tuple[bool, Any]]:
    for item in items:
        if isinstance(item, Ready):
            yield item.ok, item.value
            continue
        try:
            yield True, fn(item)
        except Exception as exc:
            yield False, _reason(exc)


def _parallel_map(
    fn: Callable[[Any], Any],
    items: Iterable[Any],
    jobs: int,
    timeout: float | None,
    chunksize: int,
    window: int,
    warm: Callable[[], Any] | None,
) -> Iterator[tuple[bool, Any]]:
    ctx: Any = None
    extra = b""
    grace = None if timeout is None else timeout + max(1.0, 0.2 * timeout)
    startup = 60.0
    workers: list[_Worker] = []
    selector: selectors.BaseSelector | None = None
    worker_warm = warm  # what a new worker runs before it is ready (nothing when forked warm)
    source = iter(items)
    exhausted = False
    next_in = 0  # index of the next item to read
    next_out = 0  # index of the next result to yield
    done: dict[int, tuple[bool, Any]] = {}
    backlog: deque[tuple[int, Any]] = deque()  # read, not yet sent (resent items go in front)
    item_seconds = 0.0  # a running average of how long an input takes a worker (for GATHER_SECONDS)

    def spawn() -> _Worker:
        assert selector is not None
        w = _Worker(ctx, fn, timeout, extra, workers, worker_warm)
        selector.register(w.results.fileno(), selectors.EVENT_READ, w)
        selector.register(w.proc.sentinel, selectors.EVENT_READ, w)
        return w

    def start() -> None:
        """Start the workers, on the first item that needs one (a resumed run may need none)."""
        nonlocal ctx, extra, selector, worker_warm
        ctx = _context()
        extra = _registered_profiles()
        selector = selectors.DefaultSelector()
        if warm is not None and ctx.get_start_method() == "fork":
            try:
                warm()  # once, here: every worker (and every replacement) starts warm
            except Exception:
                pass
            worker_warm = None
        for _ in range(jobs):
            workers.append(spawn())

    def writing(w: _Worker) -> None:
        """Watch `w`'s tasks pipe while it holds unwritten bytes, and only then."""
        assert selector is not None
        if bool(w.outbox) != w.writing:
            if w.outbox:
                selector.register(w.tasks.fileno(), selectors.EVENT_WRITE, w)
            else:
                selector.unregister(w.tasks.fileno())
            w.writing = bool(w.outbox)

    def replace(w: _Worker, first_reason: str | None) -> None:
        """Stop `w`, fail the item it was on (if a reason is given), resend the rest elsewhere."""
        assert selector is not None
        for fd in (w.results.fileno(), w.proc.sentinel, *([w.tasks.fileno()] if w.writing else [])):
            selector.unregister(fd)
        w.stop(kill=True)
        if first_reason is not None and w.pending:
            index, _ = w.pending.popleft()
            done[index] = (False, first_reason)
        backlog.extendleft(reversed(w.pending))
        w.pending.clear()
        workers[workers.index(w)] = spawn()

    def deadline(w: _Worker) -> float:
        assert grace is not None
        return (w.started if w.ready else w.spawned + startup) + grace

    def receive(w: _Worker) -> bool:
        """Take every message `w` has sent; False when its pipe is closed."""
        messages, open_ = w.read()
        for message, at in messages:
            if message is None:
                w.ready = True
                w.started = max(w.started, at)
                continue
            index, ok, value, retire = message
            if w.pending and w.pending[0][0] == index:
                w.pending.popleft()
            done[index] = (ok, value)
            nonlocal item_seconds
            item_seconds += ITEM_TIME_WEIGHT * (max(0.0, at - w.started) - item_seconds)
            w.started = at
            if retire:
                replace(w, None)
                return True
        return open_

    try:
        while True:
            while next_out in done:
                ok, value = done.pop(next_out)
                next_out += 1
                yield ok, value
            # read items while the window allows and some worker could take more
            capacity = sum(max(0, 2 * chunksize - len(w.pending)) for w in workers) if workers else 2 * chunksize * jobs
            while not exhausted and next_in - next_out < window and len(backlog) < capacity:
                try:
                    item = next(source)
                except StopIteration:
                    exhausted = True
                    break
                if isinstance(item, Ready):
                    done[next_in] = (item.ok, item.value)
                else:
                    backlog.append((next_in, item))
                next_in += 1
            if next_out in done:
                continue
            if exhausted and next_out >= next_in:
                return
            if backlog and not workers:
                start()
            for w in workers:
                if backlog and len(w.pending) <= chunksize:
                    w.send([backlog.popleft() for _ in range(min(chunksize, len(backlog)))])
                    writing(w)
            busy = [w for w in workers if w.pending]
            if not busy:
                continue
            queued = min(len(w.pending) for w in workers) - 1  # beyond the input each is on
            if queued * item_seconds >= 2 * GATHER_SECONDS and not any(w.writing for w in workers):
                time.sleep(GATHER_SECONDS)  # all have work for twice the nap: let results pile up
            assert selector is not None
            deadlines = [deadline(w) for w in busy] if grace is not None else []
            wait_s = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
            woken: list[_Worker] = []
            for key, mask in selector.select(wait_s):
                w = key.data
                if mask & selectors.EVENT_WRITE:
                    w.flush()
                    writing(w)
                if mask & selectors.EVENT_READ and w not in woken:
                    woken.append(w)
            for w in woken:
                if w not in workers:
                    continue
                alive = receive(w)
                if w not in workers or (alive and w.proc.is_alive()):
                    continue  # retired and replaced, or simply had results
                if not w.ready:
                    raise RuntimeError(f"a worker process could not start ({_exit_text(w.proc.exitcode)})")
                replace(w, f"worker process died ({_exit_text(w.proc.exitcode)}) while cleaning this input")
            if grace is not None:
                for w in list(workers):
                    if not w.pending or time.monotonic() <= deadline(w):
                        continue
                    receive(w)  # a result may have arrived just now
                    if w not in workers or not w.pending or time.monotonic() <= deadline(w):
                        continue
                    if not w.ready:
                        raise RuntimeError(f"a worker process did not start within {startup:g} s")
                    replace(w, f"timed out after {timeout:g} s (worker process stopped and replaced)")
    finally:
        if selector is not None:
            selector.close()
        for w in workers:
            w.stop(kill=bool(w.pending) or not exhausted)


def _exit_text(code: int | None) -> str:
    if code is None:
        return "still running"
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}"


_WARM_TEXT = (
    "Home | News | Sport\n\nCity council approves the new budget\n\nBy Jane Doe\n\n"
    "The city council approved the budget on Tuesday after a long debate about schools and roads. "
    "Members said that the plan would be reviewed again next year.\n\n"
    "The mayor said the vote was a good result for the city and its residents, and that the work "
    "would start soon.\n\nShare this article\n"
)


_WARM_LISTING = "Home\nNews\nSport\nWeather\nSign in\nSubscribe\nMost read\nVideos\nPodcasts\nContact us\n"
_WARM_CHINESE = "\u5e02\u8bae\u4f1a\u5468\u4e8c\u6279\u51c6\u4e86\u65b0\u7684\u9884\u7b97\u3002" * 30
_WARM_GERMAN = (
    "Der Stadtrat hat am Dienstag den neuen Haushalt beschlossen, nachdem lange \u00fcber Schulen und "
    "Stra\u00dfen gestritten worden war. Die Pl\u00e4ne sollen im n\u00e4chsten Jahr gepr\u00fcft werden.\n\n"
    "Der B\u00fcrgermeister sagte, das sei ein gutes Ergebnis f\u00fcr die Stadt und ihre Einwohner.\n"
)


def warm_up(*, html: bool = True, ngram: bool = True) -> None:
    """Clean a few small documents once (a dump, a listing, other languages and scripts; with
    `ngram` load the n-gram language model too (~20 ms); with `html` a page with metadata), so
    lazy imports and models are loaded before any item's time budget starts, and, with fork, once
    for every worker.

    The charset detector is left out: most batches are UTF-8 throughout, and its ~60 ms (import
    and first run) would be start-up cost for all of them; a worker that meets other bytes loads
    it then, once, far inside one item's budget."""
    clean(_WARM_TEXT)
    clean(_WARM_GERMAN)
    clean(_WARM_CHINESE)
    clean(_WARM_LISTING)
    if ngram:
        load_ngram_model()
    if not html:
        return
    clean(
        '<html><head><title>Budget | The Daily</title><meta property="og:site_name" content="The Daily">'
        '<meta name="author" content="Jane Doe"><meta property="article:published_time" '
        'content="2025-04-12T10:31:20Z"><script type="application/ld+json">{"@type": "NewsArticle", '
        '"headline": "Budget", "datePublished": "2025-04-12"}</script></head><body><article>'
        + "".join(f"<p>{p}</p>" for p in _WARM_TEXT.split("\n\n"))
        + "</article></body></html>",
        url="https://www.example.com/news/budget",
    )


class WarmUp:
    """A batch's warm-up (`warm=` of ordered_map): the text path always; the HTML path (trafilatura,
    lxml, the metadata extractors: ~0.1 s more) only when the config says kind="html" or one of
    the first items looks like a page (an .html name, markup near the start). A worker that meets
    HTML later loads that path then, inside that item's budget, once per worker. The n-gram
    language model (~20 ms) is always loaded: a close stop-word vote (Malay or Indonesian?) or a
    page of too few words needs it, and loaded here it is loaded once for all workers.

    `see(item)` is called as items are read; ordered_map runs the warm-up after the first chunks
    are read and before any worker exists, so what it saw decides.
    """

    SAMPLE = 32
    __slots__ = ("html", "seen")

    def __init__(self, html: bool = False) -> None:
        self.html = html
        self.seen = 0

    def see(self, item: Any) -> None:
        if self.html or self.seen >= self.SAMPLE:
            return
        self.seen += 1
        try:
            self.html = _looks_like_a_page(*_peek(item))
        except Exception:  # a file that cannot be read now fails later, with its reason
            pass

    def __call__(self) -> None:
        warm_up(html=self.html)


def _peek(item: Any) -> tuple[str, str | None]:
    """The first 8 KB of a batch item (a Doc, or clean_many's (id, source, url)) as text, and its
    path when it is a file, for the warm-up's guesses."""
    data: Any = None
    path: str | None = None
    if isinstance(item, Doc):
        if item.data is not None:
            data = item.data
        else:
            path = item.path or item.input
    elif isinstance(item, tuple) and len(item) == 3:
        if isinstance(item[1], (str, bytes)):
            data = item[1]
        else:
            path = os.fspath(item[1])
    if path is not None:
        with open(path, "rb") as f:
            data = f.read(8192)
        if data[:2] == b"\x1f\x8b":
            data = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data, 8192)
    if isinstance(data, (bytes, bytearray)):
        data = bytes(data[:8192]).decode("latin-1")  # enough to see markup
    return (data[:8192] if isinstance(data, str) else ""), path


def _looks_like_a_page(head: str, path: str | None) -> bool:
    """Whether an item is HTML: an .html name, or markup near the start."""
    if path is not None and path.lower().removesuffix(".gz").endswith((".html", ".htm", ".xhtml")):
        return True
    return looks_like_html(head)


# --- clean_many --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BatchResult:
    """One input's outcome: `article`, or `error` saying why there is none."""

    id: Any
    """The item's id: the path for a path, the given id for a record, the position otherwise."""
    article: Article | None
    error: str | None = None

    @property
    def status(self) -> str:
        """"cleaned", "empty" (an Article with no text: see its empty_reason) or "failed"."""
        if self.article is None:
            return FAILED
        return CLEANED if self.article.text else EMPTY


def _clean_item(config: Config, item: tuple[Any, Any, str | None]) -> Article:
    _, source, url = item
    if isinstance(source, os.PathLike):
        source = read_file(source)
    return clean(source, url=url, config=config)


def _normalise(items: Iterable[Any]) -> Iterator[tuple[Any, Any, str | None] | Ready]:
    for position, item in enumerate(items):
        if isinstance(item, (str, bytes, bytearray, memoryview)):
            yield (position, bytes(item) if not isinstance(item, (str, bytes)) else item, None)
        elif isinstance(item, os.PathLike):
            yield (os.fspath(item), Path(item), None)
        elif isinstance(item, tuple) and len(item) in (2, 3):
            rid, source = item[0], item[1]
            url = item[2] if len(item) == 3 else None
            if not isinstance(source, (str, bytes, os.PathLike)):
                yield Ready(False, (rid, f"InputTypeError: source must be str, bytes or a path, not {type(source).__name__}"))
            else:
                yield (rid, source, url)
        else:
            yield Ready(False, (position, f"InputTypeError: expected str, bytes, a path or an (id, source, url) tuple, not {type(item).__name__}"))


def clean_many(
    items: Iterable[Any],
    *,
    jobs: int | None = None,
    config: Config | None = None,
    timeout: float | None = None,
    **overrides: object,
) -> Iterator[BatchResult]:
    """Clean many inputs, yielding one BatchResult per input, in input order.

    An item is a str or bytes (a page or dump; its id is its position), a path (`pathlib.Path`
    or any os.PathLike: the file is read, gzip decompressed; its id is the path), or a tuple
    `(id, source)` / `(id, source, url)`. Never raises for a bad input: its result has `error`.

    `jobs`: worker processes (default: all cores); `jobs=1` without `timeout` cleans in this
    process. `timeout`: seconds one input may take before it is abandoned (its worker is replaced).
    `items` is consumed lazily, a bounded window at a time. Config `overrides` as in `clean()`.
    """
    cfg = config or Config()
    if overrides:
        cfg = cfg.replace(**overrides)
    normalised = _normalise(items)
    ids: deque[Any] = deque()
    warm = WarmUp(html=cfg.kind == "html")

    def remember(stream: Iterator[Any]) -> Iterator[Any]:
        for item in stream:
            if isinstance(item, Ready):
                ids.append(item.value[0])
                yield Ready(False, item.value[1])
            else:
                ids.append(item[0])
                warm.see(item)
                yield item

    mapped = ordered_map(partial(_clean_item, cfg), remember(normalised), jobs=jobs, timeout=timeout, warm=warm)
    for ok, value in mapped:
        rid = ids.popleft()
        yield BatchResult(rid, value, None) if ok else BatchResult(rid, None, value)


# --- output formats ----------------------------------------------------------------------------


def record(article: Article, input: str, *, id: str | None = None, removed: bool = False) -> dict[str, Any]:
    """The JSON record of one cleaned input: its name (and id), then the Article's fields."""
    rec: dict[str, Any] = {"input": input}
    if id is not None:
        rec["id"] = id
    if not removed and article.removed:  # not one dict per removed piece, only to drop them
        article = dataclasses.replace(article, removed=())
    rec.update(article.to_dict())
    if not removed:
        rec.pop("removed")
    return rec


def failure_record(input: str, error: str, *, id: str | None = None, url: str | None = None) -> dict[str, Any]:
    rec: dict[str, Any] = {"input": input}
    if id is not None:
        rec["id"] = id
    if url is not None:
        rec["url"] = url
    rec["error"] = error
    return rec


_MD_FIELDS = (
    ("date", "Date"),
    ("authors", "Authors"),
    ("site_name", "Site"),
    ("agency", "Agency"),
    ("dateline", "Dateline"),
    ("categories", "Categories"),
    ("language", "Language"),
    ("url", "URL"),
)


def render(article: Article, fmt: str, *, input: str = "", id: str | None = None, removed: bool = False) -> str:
    """One input's output in a format: txt (the text), json, jsonl (one line), md."""
    if fmt == "txt":
        return article.text + "\n"
    if fmt == "json":
        return json.dumps(record(article, input, id=id, removed=removed), ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        return json.dumps(record(article, input, id=id, removed=removed), ensure_ascii=False) + "\n"
    if fmt == "md":
        return _markdown(article)
    raise ValueError(f"unknown format {fmt!r}; known: {', '.join(FORMATS)}")


def _markdown(article: Article) -> str:
    parts = []
    if article.title:
        parts.append(f"# {article.title}")
    lines = []
    for name, label in _MD_FIELDS:
        value = getattr(article, name)
        if value:
            lines.append(f"- **{label}:** {', '.join(value) if isinstance(value, tuple) else value}")
    if lines:
        parts.append("\n".join(lines))
    parts.append(article.text if article.text else f"<!-- no article text: {article.empty_reason} -->")
    return "\n\n".join(parts) + "\n"


# --- batches into a folder or a stream ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """Everything that decides a batch's outputs (and so whether a resumed run may reuse them)."""

    config: Config = Config()
    format: str = "json"
    removed: bool = False
    out_dir: str | None = None
    """Write one file per input here; None: results carry their rendered text (`line`)."""
    max_bytes: int | None = None
    reject_binary: bool = True
    salt: str = ""
    """Anything else that shapes outputs, for `key()` (the CLI puts --url and record field names)."""

    @property
    def reserved(self) -> tuple[str, ...]:
        """Output names (without extension) no input may take: `manifest` when outputs are .jsonl."""
        return (MANIFEST.removesuffix(EXTENSIONS["jsonl"]),) if self.out_dir is not None and self.format == "jsonl" else ()

    def key(self) -> str:
        """A fingerprint of the options that shape outputs (and of this cleaner's version)."""
        from . import __version__

        cfg = self.config
        parts = (
            __version__, self.format, self.removed, self.max_bytes, self.reject_binary, self.salt,
            cfg.kind, cfg.encoding, cfg.keep_captions, cfg.profile, cfg.use_profiles,
            sorted(cfg.disabled_rules), cfg.detect_language,
        )
        return hashlib.blake2b(repr(parts).encode(), digest_size=8).hexdigest()


@dataclass(frozen=True, slots=True)
class DocResult:
    """What happened to one input of a batch."""

    input: str
    status: str
    """cleaned, empty or failed."""
    reason: str | None = None
    """The empty_reason of an empty article; the error of a failed input."""
    output: str | None = None
    """The output file, relative to the output folder (None without one, or when failed)."""
    line: str | None = None
    """Without an output folder: the rendered output (a JSON line, text, markdown)."""
    removed_chars: Mapping[str, int] = field(default_factory=dict)
    id: str | None = None
    url: str | None = None
    chars: int = 0
    skipped: bool = False
    """Done by an earlier run with the same inputs and options (resume)."""


_made: set[str] = set()  # output folders this process has created (one makedirs each)


def _process(opts: BatchOptions, doc: Doc) -> DocResult:
    """The worker side of a batch: read, clean, render, write (atomically) one input."""
    source = read_doc(doc, max_bytes=opts.max_bytes, reject_binary=opts.reject_binary)
    article = clean(source, url=doc.url, config=opts.config)
    status = CLEANED if article.text else EMPTY
    text = render(article, opts.format, input=doc.input, id=doc.id, removed=opts.removed)
    removed: dict[str, int] = {}
    for piece in article.removed:
        removed[piece.rule] = removed.get(piece.rule, 0) + len(piece.text)
    output = line = None
    if opts.out_dir is not None:
        output = doc.output + EXTENSIONS[opts.format]
        target = os.path.join(opts.out_dir, output)
        folder = os.path.dirname(target)
        if folder not in _made:
            os.makedirs(folder, exist_ok=True)
            _made.add(folder)
        atomic_write(target, text)
    else:
        line = text
    return DocResult(
        doc.input, status, article.empty_reason, output, line, removed, doc.id, doc.url, len(article.text)
    )


@dataclass
class Summary:
    """Counts of a batch so far, and characters removed per rule."""

    inputs: int = 0
    cleaned: int = 0
    empty: int = 0
    failed: int = 0
    skipped: int = 0
    removed_chars: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    interrupted: bool = False

    def add(self, result: DocResult) -> None:
        self.inputs += 1
        if result.skipped:
            self.skipped += 1
        elif result.status == CLEANED:
            self.cleaned += 1
        elif result.status == EMPTY:
            self.empty += 1
        else:
            self.failed += 1
        self.removed_chars.update(result.removed_chars)


class Manifest:
    """`OUT/manifest.jsonl`: one JSON line per input with its status, reason, output, fingerprint.

    Lines are appended (and flushed) as inputs finish, so a run killed with SIGKILL leaves a
    record of everything it finished (at worst a torn last line, which is ignored). `close()`
    rewrites it atomically: a header line with the options' key, then one line per input of this
    run in input order, then entries of earlier runs for inputs not in this one. This run's lines
    are copied from the file, not kept in memory (20,000 inputs would hold ~6 MB); only an
    earlier run's entries are, to be looked up.
    """

    def __init__(self, out_dir: str | os.PathLike[str], options_key: str, *, force: bool = False) -> None:
        self.path = Path(out_dir) / MANIFEST
        self.key = options_key
        self.previous: dict[str, str] = {}
        self.reset: str | None = None
        self._start = 0  # where this run's lines begin in the file
        if not force:
            self._load()
        self._header = json.dumps({"cleaner_manifest": 1, "options": self.key})
        self._fh = self._open()

    def _load(self) -> None:
        try:
            fh = open(self.path, encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return
        with fh:
            header_key = None
            for line in fh:
                try:
                    entry = json.loads(line)
                except ValueError:
                    continue  # a torn line from a killed run
                if not isinstance(entry, dict):
                    continue
                if "cleaner_manifest" in entry:
                    header_key = entry.get("options")
                    if header_key != self.key:
                        self.previous.clear()
                    continue
                if header_key == self.key and isinstance(entry.get("input"), str):
                    self.previous[entry["input"]] = line.rstrip("\n")
            if header_key is not None and header_key != self.key:
                self.reset = "the options or the cleaner's version changed since the last run: redoing every input"

    def _open(self) -> Any:
        if self.previous:
            fh = open(self.path, "a", encoding="utf-8", errors="backslashreplace")
            if self.path.stat().st_size and not self._ends_with_newline():
                fh.write("\n")  # after a torn line, which the rewrite leaves out
        else:
            atomic_write(self.path, self._header + "\n")
            fh = open(self.path, "a", encoding="utf-8", errors="backslashreplace")
        fh.flush()
        self._start = os.fstat(fh.fileno()).st_size
        return fh

    def _ends_with_newline(self) -> bool:
        with open(self.path, "rb") as f:
            f.seek(-1, os.SEEK_END)
            return f.read(1) == b"\n"

    def done(self, doc: Doc, out_dir: str) -> dict[str, Any] | None:
        """The earlier entry for `doc` when it was cleaned (or found empty) from the same input
        with the same options and its output file is still there; None when it must be (re)done."""
        line = self.previous.get(doc.input)
        if line is None:
            return None
        entry = json.loads(line)
        if entry.get("status") not in (CLEANED, EMPTY) or entry.get("fingerprint") != doc.fingerprint:
            return None
        output = entry.get("output")
        if not output or not os.path.isfile(os.path.join(out_dir, output)):
            return None
        return entry

    def keep(self, input: str) -> None:
        """Carry an earlier entry into this run (a skipped input)."""
        line = self.previous.pop(input, None)
        if line is not None:
            self._fh.write(line + "\n")
            self._fh.flush()

    def add(self, result: DocResult, fingerprint: str) -> None:
        entry: dict[str, Any] = {"input": result.input}
        if result.id is not None:
            entry["id"] = result.id
        if result.url is not None:
            entry["url"] = result.url
        entry.update(
            status=result.status, reason=result.reason, output=result.output,
            fingerprint=fingerprint, chars=result.chars,
        )
        line = json.dumps(entry, ensure_ascii=False)
        self.previous.pop(result.input, None)
        self._fh.write(line + "\n")
        self._fh.flush()

    def close(self) -> None:
        if self._fh.closed:
            return
        self._fh.close()
        with replacing(self.path) as out, open(self.path, "rb") as log:
            out.write(self._header.encode() + b"\n")
            log.seek(self._start)
            shutil.copyfileobj(log, out, 1 << 20)
            for line in self.previous.values():
                out.write(line.encode("utf-8", "backslashreplace") + b"\n")


class Batch:
    """A run over many documents: skip what an earlier run finished, clean the rest in parallel,
    write outputs atomically, keep the manifest, count everything.

        batch = Batch(docs, options, jobs=4, timeout=30)
        for result in batch:          # DocResult, in input order
            ...
        batch.summary                 # Summary

    Breaking out of the loop (or Ctrl-C) and calling `close()` stops the workers and leaves the
    manifest complete for what was finished; running again with the same inputs and options
    finishes the rest. `force=True` ignores earlier runs.
    """

    def __init__(
        self,
        docs: Iterable[Doc],
        options: BatchOptions,
        *,
        jobs: int | None = None,
        timeout: float | None = None,
        force: bool = False,
    ) -> None:
        self.options = options
        self.jobs = default_jobs() if jobs is None else jobs
        self.timeout = timeout
        self.summary = Summary()
        self.manifest: Manifest | None = None
        self.swept = 0
        self._lock: FolderLock | None = None
        if options.out_dir is not None:
            os.makedirs(options.out_dir, exist_ok=True)
            self._lock = FolderLock(options.out_dir)  # OutputLocked: another run writes there
            try:
                self.swept = sweep_temporaries(options.out_dir)
                self.manifest = Manifest(options.out_dir, options.key(), force=force)
            except BaseException:
                self._lock.release()
                raise
        self._docs = docs
        self._fingerprints: deque[str] = deque()
        self._started = time.monotonic()
        self._results: Iterator[tuple[bool, Any]] | None = None

    @property
    def note(self) -> str | None:
        """Why earlier outputs are not reused, when they are not."""
        return self.manifest.reset if self.manifest else None

    def _items(self) -> Iterator[Doc | Ready]:
        out_dir = self.options.out_dir
        reserved = {name.casefold() for name in self.options.reserved}
        for doc in self._docs:
            self._fingerprints.append(doc.fingerprint)
            if doc.error is not None:
                yield Ready(False, (doc, doc.error))
            elif reserved and doc.output.casefold() in reserved:  # iter_docs(reserved=...) avoids this
                yield Ready(False, (doc, f"its output name {doc.output!r} is reserved in the output folder"))
            elif self.manifest is not None and out_dir is not None and (entry := self.manifest.done(doc, out_dir)):
                yield Ready(True, DocResult(
                    doc.input, entry["status"], entry.get("reason"), entry.get("output"), None, {},
                    doc.id, doc.url, entry.get("chars", 0), skipped=True,
                ))
            else:
                yield doc

    def __iter__(self) -> Iterator[DocResult]:
        fn = partial(_process, self.options)
        docs: deque[Doc] = deque()
        warm = WarmUp(html=self.options.config.kind == "html")

        def remember(stream: Iterator[Doc | Ready]) -> Iterator[Doc | Ready]:
            for item in stream:
                if isinstance(item, Ready):
                    if not item.ok:
                        doc, error = item.value
                        docs.append(doc)
                        yield Ready(False, error)
                        continue
                    docs.append(None)  # type: ignore[arg-type]
                else:
                    docs.append(item)
                    warm.see(item)
                yield item

        self._results = ordered_map(fn, remember(self._items()), jobs=self.jobs, timeout=self.timeout, warm=warm)
        try:
            for ok, value in self._results:
                doc = docs.popleft()
                fingerprint = self._fingerprints.popleft()
                result = value if ok else self._failed(doc, value)
                self._record(result, fingerprint)
                yield result
        finally:
            self.close()

    def _failed(self, doc: Doc, error: str) -> DocResult:
        line = None
        if self.options.out_dir is None:
            if self.options.format in ("json", "jsonl"):
                rec = failure_record(doc.input, error, id=doc.id, url=doc.url)
                line = json.dumps(rec, ensure_ascii=False, indent=2 if self.options.format == "json" else None) + "\n"
        elif doc.output and doc.output.casefold() not in {name.casefold() for name in self.options.reserved}:
            stale = os.path.join(self.options.out_dir, doc.output + EXTENSIONS[self.options.format])
            try:
                os.unlink(stale)  # an earlier run's output for an input that now fails
            except OSError:
                pass
        return DocResult(doc.input, FAILED, error, None, line, {}, doc.id, doc.url)

    def _record(self, result: DocResult, fingerprint: str) -> None:
        self.summary.add(result)
        if self.manifest is not None:
            if result.skipped:
                self.manifest.keep(result.input)
            else:
                self.manifest.add(result, fingerprint)

    def close(self) -> None:
        """Stop the workers (if still running) and write the manifest; safe to call twice."""
        if self._results is not None:
            close = getattr(self._results, "close", None)
            if close:
                close()
            self._results = None
        if self.manifest is not None:
            self.manifest.close()
        if self._lock is not None:
            self._lock.release()
        self.summary.seconds = time.monotonic() - self._started


__all__: Sequence[str] = (
    "Batch",
    "BatchOptions",
    "BatchResult",
    "DocResult",
    "FolderLock",
    "Manifest",
    "OutputLocked",
    "Ready",
    "Summary",
    "WarmUp",
    "atomic_write",
    "clean_many",
    "default_jobs",
    "ordered_map",
    "record",
    "render",
    "sweep_temporaries",
    "warm_up",
)
