"""End-to-end: the real `cleaner clean` command on temporary folders built from our samples —
output folders and manifests, stdin pipelines, WARC, bad files, time budget, kill -9 and resume,
Ctrl-C, the progress bar, exit status."""

from __future__ import annotations

import fcntl
import gzip
import io
import json
import os
import pty
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

import cleaner

from conftest import ROOT, SAMPLES

SAMPLE_FILES = sorted(SAMPLES.glob("*.txt"))
_NEXT_TO_PYTHON = Path(sys.executable).with_name("cleaner")
COMMAND = [str(_NEXT_TO_PYTHON)] if _NEXT_TO_PYTHON.exists() else [sys.executable, "-m", "cleaner.cli"]
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}


def cli(*args: object, stdin: bytes | None = None, timeout: float = 180) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [*COMMAND, *map(str, args)], input=stdin, capture_output=True, timeout=timeout, env=ENV,
        stdin=None if stdin is not None else subprocess.DEVNULL,
    )


def popen(*args: object, **kw: object) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [*COMMAND, *map(str, args)], env=ENV, stdin=subprocess.DEVNULL, start_new_session=True, **kw  # type: ignore[arg-type]
    )


def html_page(text: str, title: str = "A page") -> bytes:
    body = "".join(f"<p>{line}</p>\n" for line in text.splitlines() if line.strip())
    return f"<!doctype html><html><head><title>{title}</title></head><body>{body}</body></html>".encode()


def make_dumps(folder: Path, n: int) -> list[Path]:
    """n realistic dumps (our samples, each made unique), spread over nested folders."""
    paths = []
    for i in range(n):
        sample = SAMPLE_FILES[i % len(SAMPLE_FILES)]
        path = folder / f"site{i % 4}" / f"day{i % 3}" / f"{i:04d}-{sample.stem}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(sample.read_text(encoding="utf-8") + f"\nStory reference {i}.\n", encoding="utf-8")
        paths.append(path)
    return sorted(paths)


def write_warc(path: Path, pages: list[tuple[str, bytes]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=True)
        for url, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))
            img = StatusAndHeaders("200 OK", [("Content-Type", "image/jpeg")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url + "/img", "response", payload=io.BytesIO(b"\xff\xd8\xff"), http_headers=img))


def manifest(out: Path) -> list[dict]:
    lines = (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    header, *entries = [json.loads(line) for line in lines]
    assert header["cleaner_manifest"] == 1
    return entries


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def jsonl(proc: subprocess.CompletedProcess[bytes]) -> list[dict]:
    return [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines()]


# --- output folder, formats, order -------------------------------------------------------------


def test_folder_to_output_dir_mirrors_paths_with_a_manifest(tmp_path: Path) -> None:
    src = tmp_path / "in"
    dumps = make_dumps(src, 10)
    (src / "pages").mkdir()
    (src / "pages" / "front.html").write_bytes(html_page(SAMPLE_FILES[0].read_text()))
    (src / "pages" / "old.htm.gz").write_bytes(gzip.compress(html_page(SAMPLE_FILES[1].read_text())))
    out = tmp_path / "out"
    proc = cli("clean", src, "-o", out, "--format", "txt")
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stdout == b""
    inputs = sorted([*dumps, src / "pages" / "front.html", src / "pages" / "old.htm.gz"], key=lambda p: p.parts)
    entries = manifest(out)
    assert [e["input"] for e in entries] == [str(p) for p in inputs]
    for entry, path in zip(entries, inputs):
        rel = path.relative_to(src).as_posix().split(".")[0] + ".txt"
        assert entry["output"] == rel and (out / rel).is_file()
        data = gzip.decompress(path.read_bytes()) if path.name.endswith(".gz") else path.read_bytes()
        article = cleaner.clean(data)
        assert (out / rel).read_text(encoding="utf-8") == article.text + "\n"
        assert entry["status"] == ("cleaned" if article.text else "empty")
        assert entry["fingerprint"]
    summary = proc.stderr.decode()
    assert "12 inputs" in summary and "characters removed per rule" in summary


def test_json_and_md_outputs(tmp_path: Path) -> None:
    src = tmp_path / "in"
    make_dumps(src, 3)
    proc = cli("clean", src, "-o", tmp_path / "json", "-q")  # json is the default with -o
    assert proc.returncode == 0 and proc.stderr == b""
    records = [json.loads(p.read_text()) for p in sorted((tmp_path / "json").rglob("*.json"))]
    assert len(records) == 3
    assert all({"input", "text", "title", "date", "authors", "url", "empty_reason"} <= set(r) for r in records)
    assert all("removed" not in r for r in records)
    proc = cli("clean", src, "-o", tmp_path / "md", "--format", "md", "-q")
    assert proc.returncode == 0
    mds = sorted((tmp_path / "md").rglob("*.md"))
    assert len(mds) == 3
    for md, record in zip(mds, records):
        text = md.read_text()
        assert text.startswith(f"# {record['title']}\n") if record["title"] else True
        assert text.rstrip("\n").endswith(record["text"])


def test_jsonl_into_an_output_folder_one_line_per_input(tmp_path: Path) -> None:
    src = tmp_path / "in"
    make_dumps(src, 5)
    (src / "manifest.txt").write_text(SAMPLE_FILES[0].read_text())  # would be out/manifest.jsonl
    out = tmp_path / "out"
    proc = cli("clean", src, "-o", out, "--format", "jsonl", "--jobs", "2")
    assert proc.returncode == 0, proc.stderr.decode()
    entries = manifest(out)  # the manifest is intact, not overwritten by the input's output
    assert len(entries) == 6 and all(e["status"] in ("cleaned", "empty") for e in entries)
    [named] = [e for e in entries if e["input"].endswith("manifest.txt")]
    assert named["output"] == "manifest.txt.jsonl"
    lines = []
    for e in entries:
        assert e["output"].endswith(".jsonl")
        data = (out / e["output"]).read_text(encoding="utf-8")
        assert data.endswith("\n") and data.count("\n") == 1  # one JSON line per file
        lines.append(data)
    assert [json.loads(line)["input"] for line in lines] == [e["input"] for e in entries]
    stdout = cli("clean", src, "--format", "jsonl", "-q")  # the same records as the stream
    assert "".join(lines).encode() == stdout.stdout
    again = cli("clean", src, "-o", out, "--format", "jsonl")
    assert again.returncode == 0 and "6 already done (skipped)" in again.stderr.decode()


def test_stdout_order_is_input_order_whatever_the_jobs(tmp_path: Path) -> None:
    dumps = make_dumps(tmp_path, 40)
    one = cli("clean", tmp_path, "--jobs", "1", "-q")
    two = cli("clean", tmp_path, "--jobs", "2", "-q")
    assert one.returncode == two.returncode == 0
    assert [r["input"] for r in jsonl(two)] == [str(p) for p in sorted(dumps, key=lambda p: p.parts)]
    assert two.stdout == one.stdout


def test_a_reader_that_stops_early_is_normal_use(tmp_path: Path) -> None:
    make_dumps(tmp_path, 40)
    proc = popen("clean", tmp_path, "--jobs", "2", stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stdout.read(10)  # `cleaner clean ... | head -c 10`
    proc.stdout.close()
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err.decode()
    assert b"Traceback" not in err and b"Exception ignored" not in err


def test_glob_filters_folder_inputs(tmp_path: Path) -> None:
    make_dumps(tmp_path, 2)
    (tmp_path / "x.html").write_bytes(html_page(SAMPLE_FILES[0].read_text()))
    (tmp_path / "y.dump").write_text(SAMPLE_FILES[1].read_text())
    proc = cli("clean", tmp_path, "--glob", "*.html", "--glob", "*.dump", "-q")
    assert [Path(r["input"]).name for r in jsonl(proc)] == ["x.html", "y.dump"]


# --- streams: stdin, JSON Lines, WARC ----------------------------------------------------------


def test_stdin_page_gives_its_text() -> None:
    page = html_page(SAMPLE_FILES[2].read_text())
    proc = cli("clean", "-", stdin=page)
    assert proc.returncode == 0 and proc.stderr == b""
    assert proc.stdout.decode() == cleaner.clean(page).text + "\n"


def test_jsonl_pipeline_with_custom_fields() -> None:
    records = [
        {"doc": f"n{i}", "link": f"https://example.com/{i}", "body": p.read_text()} for i, p in enumerate(SAMPLE_FILES)
    ]
    lines = [json.dumps(r) for r in records] + ["{oops", json.dumps({"doc": "x"})]
    proc = cli(
        "clean", "-", "--format", "jsonl", "--text-field", "body", "--url-field", "link", "--id-field", "doc", "--jobs", "2",
        stdin=("\n".join(lines) + "\n").encode(),
    )
    assert proc.returncode == 1  # two records failed, each recorded
    out = jsonl(proc)
    assert [r.get("id") for r in out[: len(records)]] == [r["doc"] for r in records]
    assert [r["input"] for r in out] == [f"-:{i}" for i in range(1, len(lines) + 1)]
    for rec, src in zip(out, records):
        article = cleaner.clean(src["body"], url=src["link"])
        assert rec["text"] == article.text and rec["url"] == src["link"]
    assert "invalid JSON" in out[-2]["error"] and "'body' field" in out[-1]["error"]


def test_jsonl_file_into_an_output_folder(tmp_path: Path) -> None:
    recs = tmp_path / "recs.jsonl"
    recs.write_text("".join(json.dumps({"id": f"a/{i}", "text": p.read_text()}) + "\n" for i, p in enumerate(SAMPLE_FILES[:3])))
    out = tmp_path / "out"
    proc = cli("clean", recs, "-o", out, "--format", "txt", "-q")
    assert proc.returncode == 0
    entries = manifest(out)
    assert [e["id"] for e in entries] == ["a/0", "a/1", "a/2"]
    assert all(e["output"].startswith("recs/a_") and (out / e["output"]).is_file() for e in entries)


def test_warc_every_html_response_with_its_url(tmp_path: Path) -> None:
    warc = tmp_path / "crawl.warc.gz"
    pages = [(f"https://news.example.com/story/{i}", html_page(p.read_text())) for i, p in enumerate(SAMPLE_FILES[:4])]
    write_warc(warc, pages)
    proc = cli("clean", warc, "-q")
    assert proc.returncode == 0, proc.stderr.decode()
    out = jsonl(proc)
    assert [r["url"] for r in out] == [u for u, _ in pages]  # the images are not documents
    assert [r["input"] for r in out] == [f"{warc}#{i}" for i in range(1, 5)]
    assert all(r["id"].startswith("<urn:uuid:") for r in out)
    assert [r["text"] for r in out] == [cleaner.clean(body, url=url).text for url, body in pages]
    piped = cli("clean", "-", "-q", stdin=warc.read_bytes())  # the same WARC on stdin
    assert [r["text"] for r in jsonl(piped)] == [r["text"] for r in out]


# --- bad inputs, time budget -------------------------------------------------------------------


def test_a_folder_of_bad_files_is_recorded_and_the_batch_goes_on(tmp_path: Path) -> None:
    src = tmp_path / "bad"
    src.mkdir()
    (src / "a-good.txt").write_text(SAMPLE_FILES[0].read_text())
    (src / "binary.html").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(4000))
    (src / "nul.txt").write_bytes(b"text\x00\x00\x00" * 100)
    (src / "empty.txt").write_bytes(b"")
    (src / "undecodable.txt").write_bytes(bytes(range(0x80, 0x100)) * 40)
    with open(src / "huge.txt", "wb") as f:
        f.truncate(50 * 1024 * 1024)  # 50 MB (sparse)
    (src / "deep.html").write_text("<html><body>" + "<div>" * 20000 + "deep" + "</div>" * 20000 + "</body></html>")
    (src / "corrupt.txt.gz").write_bytes(gzip.compress(SAMPLE_FILES[1].read_bytes())[:60])
    (src / "not-gzip.html.gz").write_bytes(b"<p>plain</p>")
    warc = src / "broken.warc.gz"
    write_warc(warc, [(f"https://example.com/{i}", html_page(p.read_text())) for i, p in enumerate(SAMPLE_FILES[:3])])
    data = warc.read_bytes()
    warc.write_bytes(data[: len(data) * 2 // 3])
    (src / "z-good.txt").write_text(SAMPLE_FILES[3].read_text())
    out = tmp_path / "out"
    proc = cli("clean", src, "-o", out)
    assert proc.returncode == 1, proc.stderr.decode()
    by_name = {Path(e["input"].split("#")[0]).name + ("#" + e["input"].split("#")[1] if "#" in e["input"] else ""): e for e in manifest(out)}
    status = {name: e["status"] for name, e in by_name.items()}
    assert status["a-good.txt"] == status["z-good.txt"] == "cleaned"
    assert status["binary.html"] == status["nul.txt"] == "failed"
    assert "binary content" in by_name["binary.html"]["reason"]
    assert status["empty.txt"] == "empty" and by_name["empty.txt"]["reason"]
    assert status["undecodable.txt"] in ("cleaned", "empty")
    assert status["huge.txt"] == "failed" and "too large" in by_name["huge.txt"]["reason"]
    assert status["deep.html"] in ("cleaned", "empty", "failed") and (status["deep.html"] == "cleaned" or by_name["deep.html"]["reason"])
    assert status["corrupt.txt.gz"] == "failed" and "corrupt gzip" in by_name["corrupt.txt.gz"]["reason"]
    assert status["not-gzip.html.gz"] == "failed"
    warc_entries = [e for n, e in by_name.items() if n.startswith("broken.warc.gz#")]
    assert warc_entries[0]["status"] == "cleaned" and warc_entries[-1]["status"] == "failed"
    assert "corrupt WARC" in warc_entries[-1]["reason"]
    for e in by_name.values():  # each failed input has a reason and no output file
        if e["status"] == "failed":
            assert e["reason"] and e["output"] is None
        else:
            assert (out / e["output"]).is_file()
    assert "failed" in proc.stderr.decode()


def test_time_budget_fails_one_slow_input_and_the_rest_complete(tmp_path: Path) -> None:
    src = tmp_path / "in"
    make_dumps(src, 6)
    slow = src / "site0" / "slow.txt"  # a pathological page: a few MB of prose lines
    slow.write_text(SAMPLE_FILES[0].read_text() * 1500)
    start = time.monotonic()
    proc = cli("clean", src, "--timeout", "1", "--max-size", "0", "--jobs", "2")
    elapsed = time.monotonic() - start
    assert proc.returncode == 1
    out = jsonl(proc)
    assert len(out) == 7
    [failed] = [r for r in out if "error" in r]
    assert failed["input"] == str(slow) and "timed out after 1 s" in failed["error"]
    assert all("text" in r for r in out if r is not failed)
    assert elapsed < 60


# --- nothing lost: kill -9 and resume, Ctrl-C, --force -----------------------------------------


def _live_in_group(pgid: int) -> list[int]:
    """Processes (not zombies) of a process group, from /proc."""
    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            fields = stat[stat.rindex(")") + 2 :].split()
            if int(fields[2]) == pgid and fields[0] != "Z":
                pids.append(int(entry))
    return pids


def _wait_for_entries(out: Path, n: int, proc: subprocess.Popen[bytes], limit: float = 120) -> None:
    deadline = time.monotonic() + limit
    path = out / "manifest.jsonl"
    while time.monotonic() < deadline:
        if path.exists() and path.read_bytes().count(b"\n") > n:
            return
        if proc.poll() is not None:
            pytest.fail(f"the run ended before it could be interrupted (exit {proc.returncode})")
        time.sleep(0.005)
    pytest.fail("no progress")


def test_killed_with_sigkill_then_rerun_equals_an_uninterrupted_run(tmp_path: Path) -> None:
    src = tmp_path / "in"
    n = 300
    make_dumps(src, n)
    complete = tmp_path / "complete"
    assert cli("clean", src, "-o", complete, "--format", "txt", "-q").returncode == 0

    out = tmp_path / "out"
    args = ("clean", src, "-o", out, "--format", "txt", "--jobs", "2")
    proc = popen(*args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _wait_for_entries(out, 20, proc)
    os.kill(proc.pid, signal.SIGKILL)  # the main process only: its workers must notice and exit
    proc.wait()
    done_before = len(manifest_lines(out))
    assert done_before < n, "the run finished before the kill; nothing to resume"
    if Path("/proc").is_dir():
        deadline = time.monotonic() + 20
        while _live_in_group(proc.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _live_in_group(proc.pid), "worker processes outlived their parent"

    again = cli(*args)  # the same arguments
    assert again.returncode == 0, again.stderr.decode()
    assert "already done (skipped)" in again.stderr.decode()
    assert tree(out) == tree(complete)  # every output and the manifest, byte for byte
    assert not [p for p in out.rglob("*") if ".cleaner-tmp-" in p.name]


def manifest_lines(out: Path) -> list[str]:
    lines = (out / "manifest.jsonl").read_text(encoding="utf-8", errors="replace").splitlines()
    return [line for line in lines[1:] if line.endswith("}")]


def test_ctrl_c_stops_cleanly_with_a_summary_and_a_rerun_finishes(tmp_path: Path) -> None:
    src = tmp_path / "in"
    make_dumps(src, 300)
    out = tmp_path / "out"
    proc = popen("clean", src, "-o", out, "--jobs", "2", stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _wait_for_entries(out, 20, proc)
    os.killpg(proc.pid, signal.SIGINT)  # what a terminal's Ctrl-C does: the whole group
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err.decode()
    assert "interrupted" in err.decode() and "Traceback" not in err.decode()
    entries = manifest(out)  # complete lines only, after a header
    assert 0 < len(entries) < 300
    assert all((out / e["output"]).is_file() for e in entries if e["status"] != "failed")
    rerun = cli("clean", src, "-o", out, "--jobs", "2")
    assert rerun.returncode == 0 and len(manifest(out)) == 300


def test_a_second_run_on_the_same_output_folder_stops_with_exit_2(tmp_path: Path) -> None:
    src = tmp_path / "in"
    make_dumps(src, 300)
    out = tmp_path / "out"
    first = popen("clean", src, "-o", out, "--jobs", "1", stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _wait_for_entries(out, 5, first)
    before = (out / "manifest.jsonl").read_bytes()
    second = cli("clean", src, "-o", out, "--jobs", "1")  # same folder, same or other inputs
    assert second.returncode == 2 and second.stdout == b""
    err = second.stderr.decode()
    assert "another cleaner run is writing to this folder" in err and "Traceback" not in err
    assert (out / "manifest.jsonl").read_bytes().startswith(before)  # the first run's records untouched
    _, first_err = first.communicate(timeout=120)
    assert first.returncode == 0, first_err.decode()
    assert len(manifest(out)) == 300 and not [p for p in out.rglob("*") if ".cleaner-tmp-" in p.name]
    third = cli("clean", src, "-o", out)  # the lock went with the first run
    assert third.returncode == 0 and "300 already done (skipped)" in third.stderr.decode()


def test_force_redoes_everything(tmp_path: Path) -> None:
    src = tmp_path / "in"
    make_dumps(src, 12)
    out = tmp_path / "out"
    first = cli("clean", src, "-o", out)
    assert first.returncode == 0 and "skipped" not in first.stderr.decode()
    before = tree(out)
    again = cli("clean", src, "-o", out)
    assert "12 already done (skipped)" in again.stderr.decode()
    forced = cli("clean", src, "-o", out, "--force")
    assert "skipped" not in forced.stderr.decode() and "12 inputs" in forced.stderr.decode()
    assert tree(out) == before
    changed = cli("clean", src, "-o", out, "--removed")  # other options: outputs differ, so redone
    assert "options" in changed.stderr.decode() and "skipped" not in changed.stderr.decode()


# --- terminal, exit status -----------------------------------------------------------------------


def _stderr_on_a_terminal(*args: object) -> tuple[int, str]:
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a real terminal has a size
    proc = popen(*args, stdout=subprocess.DEVNULL, stderr=slave)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the terminal's other side is closed
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    return proc.wait(timeout=120), b"".join(chunks).decode("utf-8", "replace")


def test_progress_bar_on_a_terminal_only(tmp_path: Path) -> None:
    src = tmp_path / "in"
    make_dumps(src, 30)
    code, err = _stderr_on_a_terminal("clean", src, "-o", tmp_path / "a")
    assert code == 0
    assert "30/30" in err and "doc/s" in err and "30 inputs" in err  # bar with count and rate, then summary
    code, err = _stderr_on_a_terminal("clean", src, "-o", tmp_path / "b", "--quiet")
    assert code == 0 and err.strip() == ""
    piped = cli("clean", src, "-o", tmp_path / "c")  # stderr not a terminal: summary, no bar
    assert b"doc/s" not in piped.stderr and b"30 inputs" in piped.stderr


def test_usage_errors_exit_2_and_help_documents_exit_status(tmp_path: Path) -> None:
    page = SAMPLE_FILES[0]
    assert cli("clean").returncode == 2
    assert cli("clean", page, "--jobs", "0").returncode == 2
    assert cli("clean", page, "--max-size", "lots").returncode == 2
    assert cli("clean", page, "-o", page).returncode == 2  # a file, not a folder
    assert cli("clean", page, "--profile", "no-such-profile").returncode == 2
    help_text = cli("clean", "--help").stdout.decode()
    assert "exit status" in help_text and "130" in help_text and "usage error" in help_text
    assert "--jobs" in help_text and "--timeout" in help_text and "--glob" in help_text
    assert "one .jsonl file per input" in " ".join(help_text.split())
    assert "another run is writing to the -o folder" in help_text
