"""Benchmark of `cleaner clean` on folders of dumps (a script, not a test: pytest collects nothing here).

    python tests/bench_batch.py            # the three figures of issue #4
    python tests/bench_batch.py --quick    # smaller folders, for a smoke run

Data: ../shared/bench/aeb-dev/dumps/*/*.txt when present (real scraped dumps, 4 renderers), else
the project's samples/, replicated into a temporary folder under new names (hard links for the
big folders). Prints:

1. speedup: wall time of `--jobs 1` over `--jobs 2` on ~500 dumps (target >= 1.6 on 2 cores), and
   the fixed cost of a run (one input), which bounds it;
2. per-document overhead of the CLI (`--jobs 1`) over calling clean() in a loop (target < 10%):
   per-document cost from the slope between N and 2N inputs, so start-up is not counted, and
   end to end (a fresh interpreter that imports cleaner and loops, against the CLI);
3. memory: peak RSS of the whole process tree (main + workers), sampled every 20 ms, for
   1,000 and 20,000 inputs (target: within 20%).
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
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED_DUMPS = ROOT.parent / "shared" / "bench" / "aeb-dev" / "dumps"
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
CLI = [sys.executable, "-m", "cleaner.cli"]


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


def run_cli(*args: object) -> float:
    start = time.perf_counter()
    proc = subprocess.run([*CLI, *map(str, args)], env=ENV, stdin=subprocess.DEVNULL,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"cleaner failed ({proc.returncode}): {proc.stderr.decode()[-2000:]}")
    return elapsed


LOOP = """
import sys, time, cleaner
from pathlib import Path
files = sorted(Path(sys.argv[1]).rglob("*.txt"), key=lambda p: p.parts)
t = time.perf_counter()
for p in files:
    cleaner.clean(p.read_bytes())
print(time.perf_counter() - t)
"""


def run_loop(folder: Path) -> tuple[float, float]:
    """(wall time of a fresh interpreter running the loop, the loop's own time)."""
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", LOOP, str(folder)], env=ENV, capture_output=True, check=True)
    return time.perf_counter() - start, float(out.stdout)


def best(times: list[float]) -> float:
    return min(times)


def tree_rss_kb(root: int) -> tuple[int, int]:
    """(sum of VmRSS over `root` and its descendants, largest single VmRSS), in kB."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            status = Path(f"/proc/{entry}/status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        pid, ppid = int(entry), int(fields.get("PPid", "0").strip())
        children.setdefault(ppid, []).append(pid)
        rss[pid] = int(fields.get("VmRSS", "0 kB").split()[0]) if "VmRSS" in fields else 0
    total, largest, stack = 0, 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        largest = max(largest, rss.get(pid, 0))
        stack.extend(children.get(pid, []))
    return total, largest


def peak_rss(*args: object) -> tuple[int, int, float]:
    """Run the CLI; (peak tree RSS kB, peak single-process RSS kB, wall seconds)."""
    start = time.perf_counter()
    proc = subprocess.Popen([*CLI, *map(str, args)], env=ENV, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = [0, 0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            total, largest = tree_rss_kb(proc.pid)
            peak[0], peak[1] = max(peak[0], total), max(peak[1], largest)
            time.sleep(0.02)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    proc.wait()
    done.set()
    thread.join()
    return peak[0], peak[1], time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="smaller folders (a smoke run)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per timing (best or median kept)")
    parser.add_argument("--skip-memory", action="store_true")
    args = parser.parse_args()
    n_speed = 100 if args.quick else 500
    n_small, n_big = (200, 2000) if args.quick else (1000, 20000)
    base, origin = base_files()
    print(f"data: {origin}; cores: {os.cpu_count()}; load average now: {os.getloadavg()[0]:.2f}")
    print(f"python: {sys.version.split()[0]}; command: {' '.join(CLI)} clean ...")

    with tempfile.TemporaryDirectory(prefix="cleaner-bench-") as tmp_name:
        tmp = Path(tmp_name)
        folder = make_folder(tmp / "speed", base, n_speed)
        folder2 = make_folder(tmp / "speed2", base, 2 * n_speed, link_from=tmp / "speed" / "_base")

        one = make_folder(tmp / "one", base[:1], 1)

        # 1. speedup with --jobs 2; the fixed start-up cost (one input) shows what bounds it
        t1, t2, t0 = [], [], []
        for r in range(args.repeat):
            t0.append(run_cli("clean", one, "-o", tmp / f"o0-{r}", "-q", "--jobs", "1"))
            t1.append(run_cli("clean", folder, "-o", tmp / f"o1-{r}", "-q", "--jobs", "1"))
            t2.append(run_cli("clean", folder, "-o", tmp / f"o2-{r}", "-q", "--jobs", "2"))
        fixed = statistics.median(t0)
        speedup = best(t1) / best(t2)
        ratios = sorted(a / b for a, b in zip(t1, t2))
        work = (best(t1) - fixed) / (best(t2) - fixed)
        print(f"\n1. {n_speed} dumps: --jobs 1 {best(t1):.2f} s, --jobs 2 {best(t2):.2f} s "
              f"(best of {args.repeat}; pairs: {', '.join(f'{a:.2f}/{b:.2f}' for a, b in zip(t1, t2))})")
        print(f"   speedup {speedup:.2f}x (median of pairs {statistics.median(ratios):.2f}x), i.e. --jobs 2 takes "
              f"1/{speedup:.2f} of --jobs 1 [target: at least 1.6x] {'OK' if speedup >= 1.6 else 'MISSED'}")
        print(f"   fixed cost of a run (one input: interpreter, imports, model warm-up): {fixed:.2f} s; "
              f"the per-document part scales {work:.2f}x")

        # 2. per-document overhead of the CLI over clean() in a loop (interleaved, medians)
        per_cli, per_loop, wall_cli, wall_loop = [], [], [], []
        for r in range(args.repeat):
            a = run_cli("clean", folder, "-o", tmp / f"c1-{r}", "-q", "--jobs", "1")
            b = run_cli("clean", folder2, "-o", tmp / f"c2-{r}", "-q", "--jobs", "1")
            wall, inner = run_loop(folder)
            inner2 = run_loop(folder2)[1]
            per_cli.append((b - a) / n_speed)
            per_loop.append((inner2 - inner) / n_speed)
            wall_cli.append(a)
            wall_loop.append(wall)
        per_doc_cli, per_doc_loop = statistics.median(per_cli), statistics.median(per_loop)
        overhead = per_doc_cli / per_doc_loop - 1
        end_to_end = statistics.median(wall_cli) / statistics.median(wall_loop) - 1
        print(f"\n2. per document: CLI --jobs 1 {per_doc_cli * 1000:.2f} ms, clean() loop {per_doc_loop * 1000:.2f} ms "
              f"(median over {args.repeat} of the slope between {n_speed} and {2 * n_speed} inputs)")
        print(f"   per-document overhead {overhead:+.1%} [target: under 10%] {'OK' if overhead < 0.10 else 'MISSED'}")
        print(f"   end to end on {n_speed} inputs (start-up included, medians): CLI {statistics.median(wall_cli):.2f} s, "
              f"python -c 'import cleaner; loop' {statistics.median(wall_loop):.2f} s ({end_to_end:+.1%})")

        # 3. memory between 1,000 and 20,000 inputs
        if not args.skip_memory:
            seed = tmp / "speed" / "_base"
            small = make_folder(tmp / "mem-small", base, n_small, link_from=seed)
            big = make_folder(tmp / "mem-big", base, n_big, link_from=seed)
            results = {}
            for label, f, n in (("small", small, n_small), ("big", big, n_big)):
                results[label] = peak_rss("clean", f, "-o", tmp / f"m-{label}", "-q", "--jobs", "2")
                total, largest, wall = results[label]
                print(f"\n3. {n:>6,} inputs -o DIR --jobs 2: peak tree RSS {total / 1024:.0f} MB, "
                      f"largest process {largest / 1024:.0f} MB, {wall:.1f} s ({n / wall:.0f} inputs/s)")
            for label, f, n in (("small", small, n_small), ("big", big, n_big)):
                total, largest, wall = peak_rss("clean", f, "-q", "--jobs", "2")
                results[label + "-stdout"] = (total, largest, wall)
                print(f"   {n:>6,} inputs to stdout --jobs 2: peak tree RSS {total / 1024:.0f} MB, "
                      f"largest process {largest / 1024:.0f} MB, {wall:.1f} s")
            growth = results["big"][0] / results["small"][0] - 1
            growth_out = results["big-stdout"][0] / results["small-stdout"][0] - 1
            print(f"   peak RSS growth {n_small:,} -> {n_big:,} inputs: {growth:+.1%} with -o, {growth_out:+.1%} "
                  f"to stdout [target: within 20%] {'OK' if max(growth, growth_out) <= 0.20 else 'MISSED'}")


if __name__ == "__main__":
    main()
