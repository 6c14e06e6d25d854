"""Benchmark of `cleaner clean` on folders of dumps (a script, not a test: pytest collects nothing here).

    python tests/bench_batch.py                  # the three figures of issue #4 (about 6 minutes)
    python tests/bench_batch.py --quick          # smaller folders, for a smoke run
    python tests/bench_batch.py --skip-memory    # figures 1 and 2 only

Data: ../shared/bench/aeb-dev/dumps/*/*.txt when present (real scraped dumps, 4 renderers), else
the project's samples/, replicated into a temporary folder under new names (hard links for the
big folders). Every run is a fresh `python -m cleaner.cli clean DIR -o OUT -q` process.

The machine may be shared, so every measurement is repeated with the configurations interleaved
(jobs 1, jobs 2, then jobs 2, jobs 1, ...: a slow spell hits both alike), medians are reported,
and each run records the load the rest of the machine put on the cores while it ran (busy CPU
time from /proc/stat minus the run's own CPU time, over its wall time; 0.00 = the machine was
otherwise idle, 1.00 = one core's worth of other work). Figures are also given over the quiet
runs alone (others' load under --quiet-below cores), which is what the targets assume.

1. speed-up: wall time of `--jobs 1` over `--jobs 2` on ~500 dumps, the median of the ratios of
   interleaved pairs (target: at least 1.6 on 2 cores); and the fixed cost of a run (one input)
   that bounds it;
2. per-document overhead of the CLI (`--jobs 1`) over calling clean() in a loop (target: under
   10%): the per-document cost is the slope between N and 2N inputs, so start-up is not counted,
   in wall time (the figure) and in CPU time (all processes of the run, a steadier check);
3. memory: peak RSS of the whole process tree (main process + workers), sampled every 20 ms, for
   1,000 and 20,000 inputs, with -o and to stdout (target: within 20%); PSS (shared pages split
   between the processes that share them, so forked workers are not counted twice) alongside.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED_DUMPS = ROOT.parent / "shared" / "bench" / "aeb-dev" / "dumps"
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
CLI = [sys.executable, "-m", "cleaner.cli"]
CORES = os.cpu_count() or 1
HZ = os.sysconf("SC_CLK_TCK")


def base_files() -> tuple[list[Path], str]:
    if SHARED_DUMPS.is_dir():
        files = sorted(SHARED_DUMPS.glob("*/*.txt"))
        if files:
            return files, f"{SHARED_DUMPS.relative_to(ROOT.parent)} ({len(files)} dumps)"
    files = sorted((ROOT / "samples").glob("*.txt"))
    return files, f"samples/ ({len(files)} dumps)"


def make_folder(dest: Path, base: list[Path], n: int, link_from: Path | None = None) -> Path:
    """n inputs under dest, in 20 subfolders; copies of `base` (or hard links to a copy)."""
    dest.mkdir(parents=True)
    seed = link_from or dest / "_base"
    if link_from is None:
        seed.mkdir()
        for i, p in enumerate(base):
            shutil.copyfile(p, seed / f"{i:04d}.txt")
    seeds = sorted(seed.glob("*.txt"))
    for i in range(n):
        target = dest / "in" / f"{i % 20:02d}" / f"{i:05d}.txt"
        target.parent.mkdir(parents=True, exist_ok=True)
        src = seeds[i % len(seeds)]
        try:
            os.link(src, target)
        except OSError:
            shutil.copyfile(src, target)
    return dest / "in"


# --- one measured run ----------------------------------------------------------------------------


def busy_seconds() -> float:
    """CPU seconds all cores have spent busy since boot (/proc/stat), or 0 where there is none."""
    try:
        with open("/proc/stat") as f:
            fields = f.readline().split()[1:]
    except OSError:
        return 0.0
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(x) for x in fields[:8])
    return (user + nice + system + irq + softirq + steal) / HZ


@dataclass
class Run:
    wall: float
    cpu: float
    """CPU seconds of the run's process and every process it waited for (its workers)."""
    others: float
    """Cores' worth of other processes' work while it ran."""
    out: str = ""


def measure(argv: list[str], *, stdout: int | None = subprocess.DEVNULL, env: dict[str, str] = ENV) -> Run:
    with tempfile.TemporaryFile() as err, tempfile.TemporaryFile() as out:
        busy0 = busy_seconds()
        start = time.perf_counter()
        proc = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL, stdout=out if stdout is None else stdout, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        busy = busy_seconds() - busy0
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode not in (0, 1):
            err.seek(0)
            raise SystemExit(f"{' '.join(argv)} failed ({proc.returncode}): {err.read().decode()[-2000:]}")
        out.seek(0)
        cpu = usage.ru_utime + usage.ru_stime
        return Run(wall, cpu, max(0.0, (busy - cpu) / wall), out.read().decode())


def others_now(seconds: float = 1.0) -> float:
    """Cores' worth of work the machine does over the next `seconds` (this script is idle meanwhile)."""
    busy0, start = busy_seconds(), time.perf_counter()
    time.sleep(seconds)
    return (busy_seconds() - busy0) / (time.perf_counter() - start)


def settle(quiet: float, limit: float) -> float:
    """Wait (at most `limit` seconds) until other processes use fewer than `quiet` cores; the wait."""
    start = time.perf_counter()
    while time.perf_counter() - start < limit and others_now() >= quiet:
        pass
    return time.perf_counter() - start


def run_cli(*args: object) -> Run:
    return measure([*CLI, *map(str, args)])


LOOP = """
import sys, time, cleaner
from pathlib import Path
files = sorted(Path(sys.argv[1]).rglob("*.txt"), key=lambda p: p.parts)
t = time.perf_counter()
for p in files:
    cleaner.clean(p.read_bytes())
print(time.perf_counter() - t)
"""


def run_loop(folder: Path) -> Run:
    """A fresh interpreter: import cleaner, clean() every file in a loop; `out` is the loop's own time."""
    return measure([sys.executable, "-c", LOOP, str(folder)], stdout=None)


def median(values: list[float]) -> float:
    return statistics.median(values)


def loads(runs: list[Run]) -> str:
    others = sorted(r.others for r in runs)
    return f"others' load {others[0]:.2f}-{others[-1]:.2f} cores (median {median(others):.2f})"


def loadavg() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f}"


def verdict(ok: bool) -> str:
    return "OK" if ok else "MISSED"


# --- peak memory of a process tree ----------------------------------------------------------------


def _tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(")") + 2 :].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    pids, stack = [], [root]
    while stack:
        pid = stack.pop()
        pids.append(pid)
        stack.extend(children.get(pid, []))
    return pids


def _memory_kb(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of one process in kB, from /proc/PID/smaps_rollup (0, 0 when it is gone)."""
    rss = pss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Rss:"):
                    rss = int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss = int(line.split()[1])
    except OSError:
        pass
    return rss, pss


def peak_memory(*args: object) -> tuple[int, int, int, float]:
    """Run the CLI; (peak tree RSS kB, peak tree PSS kB, peak single-process RSS kB, wall seconds)."""
    start = time.perf_counter()
    proc = subprocess.Popen([*CLI, *map(str, args)], env=ENV, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = [0, 0, 0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            per = [_memory_kb(pid) for pid in _tree(proc.pid)]
            peak[0] = max(peak[0], sum(r for r, _ in per))
            peak[1] = max(peak[1], sum(p for _, p in per))
            peak[2] = max([peak[2], *(r for r, _ in per)])
            time.sleep(0.02)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    proc.wait()
    done.set()
    thread.join()
    return peak[0], peak[1], peak[2], time.perf_counter() - start


# --- the three figures -------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="smaller folders (a smoke run)")
    parser.add_argument("--repeat", type=int, default=5, help="interleaved repeats of each timing (medians reported)")
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument("--quiet-below", type=float, default=0.3, metavar="CORES",
                        help="runs during which other processes used fewer cores than this count as quiet")
    parser.add_argument("--settle", type=float, default=60.0, metavar="SECONDS",
                        help="before each interleaved group, wait up to this long for the machine to be quiet "
                             "(0: do not wait)")
    args = parser.parse_args()
    n_speed = 100 if args.quick else 500
    n_small, n_big = (200, 2000) if args.quick else (1000, 20000)
    base, origin = base_files()
    print(f"data: {origin}; cores: {CORES}; python {sys.version.split()[0]}; {loadavg()}")
    print(f"command: {' '.join(CLI)} clean DIR -o OUT -q --jobs N; {args.repeat} interleaved repeats, medians")
    figures: list[str] = []

    with tempfile.TemporaryDirectory(prefix="cleaner-bench-") as tmp_name:
        tmp = Path(tmp_name)
        folder = make_folder(tmp / "speed", base, n_speed)
        folder2 = make_folder(tmp / "speed2", base, 2 * n_speed, link_from=tmp / "speed" / "_base")
        one = make_folder(tmp / "one", base[:1], 1)
        outs = iter(range(1_000_000))

        def out() -> Path:
            return tmp / f"out-{next(outs)}"

        # 1. speed-up with --jobs 2; the fixed cost of a run (one input) shows what bounds it
        run_cli("clean", one, "-o", out(), "-q")  # caches warm (files, .pyc) before anything is timed
        t1: list[Run] = []
        t2: list[Run] = []
        f1: list[Run] = []
        f2: list[Run] = []
        waited = 0.0
        for r in range(args.repeat):
            waited += settle(args.quiet_below, args.settle)
            for jobs in ((1, 2) if r % 2 == 0 else (2, 1)):
                (f1 if jobs == 1 else f2).append(run_cli("clean", one, "-o", out(), "-q", "--jobs", jobs))
                (t1 if jobs == 1 else t2).append(run_cli("clean", folder, "-o", out(), "-q", "--jobs", jobs))
        ratios = [a.wall / b.wall for a, b in zip(t1, t2)]
        quiet = [a.wall / b.wall for a, b in zip(t1, t2) if max(a.others, b.others) < args.quiet_below]
        speedup = median(ratios)
        print(f"\n(waited {waited:.0f} s for quiet spells)")
        print(f"1. {n_speed} dumps: --jobs 1 {median([r.wall for r in t1]):.2f} s, --jobs 2 "
              f"{median([r.wall for r in t2]):.2f} s (medians; {loads(t1 + t2)}; {loadavg()})")
        print("   pairs (jobs 1 / jobs 2, others' load): " + ", ".join(
            f"{a.wall:.2f}/{b.wall:.2f} ({max(a.others, b.others):.2f})" for a, b in zip(t1, t2)))
        print(f"   speed-up {speedup:.2f}x (median of the pairs' ratios; best-of {min(r.wall for r in t1) / min(r.wall for r in t2):.2f}x"
              + (f"; quiet pairs only: {median(quiet):.2f}x over {len(quiet)}" if quiet else "; no quiet pair")
              + f") [target: at least 1.6x] {verdict(speedup >= 1.6)}")
        cpu1, cpu2 = median([r.cpu for r in t1]), median([r.cpu for r in t2])
        fixed1, fixed2 = median([r.wall for r in f1]), median([r.wall for r in f2])
        print(f"   CPU time of a run: {cpu1:.2f} s with --jobs 1, {cpu2:.2f} s with --jobs 2; fixed cost of a run "
              f"(one input: interpreter, imports, models): {fixed1:.2f} s / {fixed2:.2f} s")
        print(f"   with that fixed cost, the most --jobs 2 could reach here is "
              f"{median([r.wall for r in t1]) / (fixed2 + (median([r.wall for r in t1]) - fixed1) / 2):.2f}x")
        figures.append(f"speed-up of --jobs 2 over --jobs 1 on {n_speed} dumps: {speedup:.2f}x "
                       + (f"(quiet pairs {median(quiet):.2f}x) " if quiet else "")
                       + f"[target >= 1.6x] {verdict(speedup >= 1.6)}; {loads(t1 + t2)}")

        # 2. per-document overhead of the CLI over clean() in a loop (interleaved, medians of slopes)
        slopes_cli, slopes_loop, cpu_cli, cpu_loop, runs = [], [], [], [], []
        e2e_cli, e2e_loop, quiet_groups = [], [], []
        waited = 0.0
        for r in range(args.repeat):
            waited += settle(args.quiet_below, args.settle)
            order = ("cli", "loop") if r % 2 == 0 else ("loop", "cli")
            got: dict[str, tuple[Run, Run]] = {}
            for what in order:
                if what == "cli":
                    got[what] = (run_cli("clean", folder, "-o", out(), "-q", "--jobs", 1),
                                 run_cli("clean", folder2, "-o", out(), "-q", "--jobs", 1))
                else:
                    got[what] = (run_loop(folder), run_loop(folder2))
            (a, b), (c, d) = got["cli"], got["loop"]
            runs += [a, b, c, d]
            slopes_cli.append((b.wall - a.wall) / n_speed)
            slopes_loop.append((float(d.out) - float(c.out)) / n_speed)
            cpu_cli.append((b.cpu - a.cpu) / n_speed)
            cpu_loop.append((d.cpu - c.cpu) / n_speed)
            e2e_cli.append(a.wall)
            e2e_loop.append(c.wall)
            quiet_groups.append(max(x.others for x in (a, b, c, d)) < args.quiet_below)
        print(f"\n(waited {waited:.0f} s for quiet spells)", end="")
        per_cli, per_loop = median(slopes_cli), median(slopes_loop)
        overhead = per_cli / per_loop - 1
        overhead_cpu = median(cpu_cli) / median(cpu_loop) - 1
        end_to_end = median(e2e_cli) / median(e2e_loop) - 1
        quiet_cli = [x for x, q in zip(slopes_cli, quiet_groups) if q]
        quiet_loop = [x for x, q in zip(slopes_loop, quiet_groups) if q]
        quiet_overhead = median(quiet_cli) / median(quiet_loop) - 1 if quiet_cli else None
        print(f"\n2. per document: CLI --jobs 1 {per_cli * 1000:.2f} ms, clean() loop {per_loop * 1000:.2f} ms "
              f"(slope between {n_speed} and {2 * n_speed} inputs, median of {args.repeat}; {loads(runs)}; {loadavg()})")
        print(f"   per-document overhead {overhead:+.1%} in wall time"
              + (f" (quiet groups only: {quiet_overhead:+.1%} over {len(quiet_cli)})" if quiet_overhead is not None else "")
              + f" [target: under 10%] {verdict(overhead < 0.10)}; "
              f"{overhead_cpu:+.1%} in CPU time (all processes: {median(cpu_cli) * 1000:.2f} ms against "
              f"{median(cpu_loop) * 1000:.2f} ms)")
        print(f"   end to end on {n_speed} inputs, start-up included: CLI {median(e2e_cli):.2f} s, "
              f"python -c 'import cleaner; loop' {median(e2e_loop):.2f} s ({end_to_end:+.1%})")
        figures.append(f"per-document overhead of the CLI over clean() in a loop: {overhead:+.1%} wall "
                       + (f"(quiet groups {quiet_overhead:+.1%}) " if quiet_overhead is not None else "")
                       + f"and {overhead_cpu:+.1%} CPU [target < 10%] {verdict(overhead < 0.10)}; {loads(runs)}")

        # 3. memory between 1,000 and 20,000 inputs
        if not args.skip_memory:
            seed = tmp / "speed" / "_base"
            small = make_folder(tmp / "mem-small", base, n_small, link_from=seed)
            big = make_folder(tmp / "mem-big", base, n_big, link_from=seed)
            results = {}
            print(f"\n3. peak memory of the process tree, --jobs 2 ({loadavg()}):")
            for where in ("-o", "stdout"):
                for label, f, n in (("small", small, n_small), ("big", big, n_big)):
                    extra = ("-o", out()) if where == "-o" else ()
                    rss, pss, largest, wall = results[where, label] = peak_memory("clean", f, *extra, "-q", "--jobs", 2)
                    print(f"   {n:>6,} inputs {where:<6}: RSS {rss / 1024:5.0f} MB, PSS {pss / 1024:5.0f} MB, "
                          f"largest process RSS {largest / 1024:4.0f} MB, {wall:5.1f} s ({n / wall:.0f} inputs/s)")
            growth = {w: results[w, "big"][0] / results[w, "small"][0] - 1 for w in ("-o", "stdout")}
            growth_pss = {w: results[w, "big"][1] / results[w, "small"][1] - 1 for w in ("-o", "stdout")}
            ok = max(growth.values()) <= 0.20
            print(f"   peak RSS growth {n_small:,} -> {n_big:,} inputs: {growth['-o']:+.1%} with -o, "
                  f"{growth['stdout']:+.1%} to stdout [target: within 20%] {verdict(ok)}; PSS {growth_pss['-o']:+.1%} "
                  f"and {growth_pss['stdout']:+.1%}")
            figures.append(f"peak RSS growth {n_small:,} -> {n_big:,} inputs: {growth['-o']:+.1%} with -o, "
                           f"{growth['stdout']:+.1%} to stdout [target within 20%] {verdict(ok)}")

    print(f"\nissue #4 figures ({loadavg()} at the end; {CORES} cores):")
    for line in figures:
        print(f"  - {line}")


if __name__ == "__main__":
    main()
