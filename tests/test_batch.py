"""The library side of batches: clean_many, the ordered parallel map and its time budget,
atomic writes, the manifest, and input discovery (folders, JSON Lines, WARC, gzip, bad files)."""

from __future__ import annotations

import gzip
import io
import itertools
import json
import multiprocessing
import os
import re
import signal
import threading
import time
from pathlib import Path

import pytest

import cleaner
from cleaner import batch as batch_mod
from cleaner.atomic import TMP_MARK
from cleaner.batch import (
    MANIFEST,
    Batch,
    BatchOptions,
    BatchResult,
    Manifest,
    OutputLocked,
    Ready,
    atomic_write,
    clean_many,
    ordered_map,
    render,
    sweep_temporaries,
)
from cleaner.inputs import (
    Doc,
    InputRejected,
    RecordFields,
    binary_signature,
    find_sources,
    iter_docs,
    read_doc,
    read_file,
    safe_name,
    sniff_stream,
)

from conftest import SAMPLES

SAMPLE_FILES = sorted(SAMPLES.glob("*.txt"))


def texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in SAMPLE_FILES]


def html_page(text: str, title: str = "A page") -> bytes:
    body = "".join(f"<p>{line}</p>\n" for line in text.splitlines() if line.strip())
    return f"<!doctype html><html><head><title>{title}</title></head><body>{body}</body></html>".encode()


def write_warc(path: Path, pages: list[tuple[str, bytes]], *, extra_image: bool = True) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=path.suffix == ".gz")
        for url, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))
            if extra_image:
                img = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
                writer.write_record(
                    writer.create_warc_record(url + ".png", "response", payload=io.BytesIO(b"\x89PNG\r\n"), http_headers=img)
                )


# --- clean_many ------------------------------------------------------------------------------


@pytest.mark.parametrize("jobs,timeout", [(1, None), (1, 20), (2, None), (2, 20)])
def test_clean_many_equals_clean_in_input_order(jobs: int, timeout: float | None) -> None:
    sources = texts() * 3
    expected = [cleaner.clean(s) for s in sources]
    results = list(clean_many(sources, jobs=jobs, timeout=timeout))
    assert [r.id for r in results] == list(range(len(sources)))
    assert [r.article for r in results] == expected
    assert all(isinstance(r, BatchResult) and r.error is None for r in results)


def test_clean_many_takes_paths_records_and_never_raises(tmp_path: Path) -> None:
    gz = tmp_path / "page.txt.gz"
    gz.write_bytes(gzip.compress(SAMPLE_FILES[0].read_bytes()))
    items = [
        SAMPLE_FILES[1],  # a path: read from disk, id is the path
        gz,  # gzip decompressed
        ("rec-1", texts()[2], "https://www.menafn.com/x"),  # (id, source, url)
        ("rec-2", b""),  # empty: an Article with empty_reason, not an error
        tmp_path / "missing.txt",
        42,  # not an input at all
        ("rec-3", 3.5),
    ]
    results = list(clean_many(items, jobs=2, timeout=20))
    assert [r.id for r in results] == [str(SAMPLE_FILES[1]), str(gz), "rec-1", "rec-2", str(tmp_path / "missing.txt"), 5, "rec-3"]
    assert results[0].article == cleaner.clean(SAMPLE_FILES[1].read_bytes())
    assert results[1].article == cleaner.clean(SAMPLE_FILES[0].read_bytes())
    assert results[2].article.url == "https://www.menafn.com/x"
    assert results[3].status == "empty" and results[3].article.empty_reason
    assert results[4].status == "failed" and "No such file" in results[4].error
    assert results[5].status == "failed" and "InputTypeError" in results[5].error
    assert results[6].status == "failed" and "float" in results[6].error


def test_clean_many_is_lazy_and_bounded() -> None:
    """A huge (here endless) generator is consumed a bounded window at a time."""
    read = itertools.count()

    def endless():
        sample = texts()[0]
        while True:
            next(read)
            yield sample

    results = clean_many(endless(), jobs=2)
    first = list(itertools.islice(results, 50))
    results.close()
    assert len(first) == 50 and all(r.status == "cleaned" for r in first)
    assert next(read) < 50 + 256  # never ran ahead by more than the window


def test_clean_many_config_overrides() -> None:
    sample = texts()[0]
    results = list(clean_many([sample], jobs=2, detect_language=False))
    assert results[0].article == cleaner.clean(sample, detect_language=False)


def _drop_marker(page: cleaner.Page) -> None:  # module level, so the profile can be pickled
    for block in page.undecided():
        if "TESTPROFILE-MARKER" in block.text:
            page.remove(block, "test_marker", "a test profile's own rule")


def test_runtime_registered_profile_reaches_workers() -> None:
    profile = cleaner.Profile(
        "test-runtime",
        signature=re.compile("TESTPROFILE-MARKER"),
        add=(cleaner.Rule("test_marker", 1, _drop_marker, "drops the marker"),),
    )
    cleaner.register_profile(profile)
    try:
        text = "TESTPROFILE-MARKER\n\n" + texts()[0]
        [result] = list(clean_many([text], jobs=2, timeout=20))
        assert result.article.profile == "test-runtime"
        assert any(r.rule == "test_marker" for r in result.article.removed)
    finally:
        from cleaner.profiles import registry

        registry._PROFILES.pop("test-runtime", None)


def test_clean_many_through_forkserver(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where fork is not used (threads in the caller, macOS), forkserver workers do the same."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        pytest.skip("no forkserver here")

    def forkserver():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["cleaner.batch"])
        return ctx

    monkeypatch.setattr(batch_mod, "_context", forkserver)
    sources = texts()
    assert [r.article for r in clean_many(sources, jobs=2, timeout=20)] == [cleaner.clean(s) for s in sources]


def test_warm_up_looks_at_the_first_items_and_leaves_no_thread(tmp_path: Path) -> None:
    page, dump = html_page(texts()[0]), texts()[0]
    (tmp_path / "a.txt").write_text(dump)
    (tmp_path / "b.txt").write_bytes(page)  # markup in a .txt: sniffed
    (tmp_path / "c.html.gz").write_bytes(gzip.compress(b"not even html"))  # by name
    (tmp_path / "d.txt.gz").write_bytes(gzip.compress(page))  # sniffed through gzip

    def seen(*items: object, html: bool = False) -> bool:
        warm = batch_mod.WarmUp(html=html)
        for item in items:
            warm.see(item)
        return warm.html

    assert not seen(Doc("a", "a", "", path=str(tmp_path / "a.txt")), Doc("s", "s", "", data=dump), (0, dump, None))
    assert seen(Doc("b", "b", "", path=str(tmp_path / "b.txt")))
    assert seen(Doc("c", "c", "", path=str(tmp_path / "c.html.gz")))
    assert seen(Doc("d", "d", "", path=str(tmp_path / "d.txt.gz")))
    assert seen(Doc("s", "s", "", data=page)) and seen((0, page.decode(), None)) and seen(("p", tmp_path / "b.txt", None))
    assert not seen(Doc("gone", "gone", "", path=str(tmp_path / "missing.txt")))  # fails later, with its reason
    assert seen(html=True)
    late = [dump] * (batch_mod.WarmUp.SAMPLE + 1) + [page]  # HTML past the sample: loaded when met
    assert not seen(*late)
    results = list(clean_many(late, jobs=2, timeout=20))
    assert results[-1].article == cleaner.clean(page) and results[-1].article.kind == "html"
    before = threading.active_count()
    batch_mod.warm_up(html=False)
    assert threading.active_count() == before  # the model loader has ended: forking is safe


def test_the_batch_warm_up_loads_the_ngram_model_for_every_worker() -> None:
    """The n-gram model (~20 ms) is loaded by the warm-up before forking: workers share it, and
    no worker pays for it inside an item's time budget."""
    import subprocess
    import sys

    code = (
        "import sys, cleaner.language as L\n"
        "from cleaner.batch import WarmUp\n"
        "WarmUp()()\n"
        "print(L._ngram_model.cache_info().currsize, L._ngram_model() is not None)\n"
    )
    root = Path(__file__).parent.parent
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root)
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["1", "True"]


# --- the ordered map and its time budget -------------------------------------------------------


def slow_or_fast(item: object) -> object:
    kind, value = item  # type: ignore[misc]
    if kind == "sleep":  # Python code: the worker's SIGALRM interrupts it
        time.sleep(value)
    elif kind == "stuck":  # signals blocked, like a long C call: the parent must kill the worker
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(value)
    elif kind == "die":
        os._exit(3)
    elif kind == "raise":
        raise ValueError(value)
    elif kind == "pid":
        return os.getpid()
    return value


def test_ordered_map_soft_timeout_replaces_the_worker() -> None:
    items = [("ok", 1), ("sleep", 30), ("ok", 3), ("pid", None), ("ok", 5)]
    start = time.monotonic()
    out = list(ordered_map(slow_or_fast, items, jobs=2, timeout=0.5))
    assert time.monotonic() - start < 10
    assert out[0] == (True, 1) and out[2] == (True, 3) and out[4] == (True, 5)
    assert out[1][0] is False and "timed out after 0.5 s" in out[1][1]


def test_ordered_map_hard_timeout_kills_a_stuck_worker() -> None:
    items = [("stuck", 60), *[("ok", i) for i in range(20)]]
    start = time.monotonic()
    out = list(ordered_map(slow_or_fast, items, jobs=1, timeout=0.5))
    assert time.monotonic() - start < 15
    assert out[0][0] is False and "timed out" in out[0][1] and "replaced" in out[0][1]
    assert out[1:] == [(True, i) for i in range(20)]


def test_ordered_map_a_dying_worker_costs_one_item() -> None:
    items = [("ok", 0), ("die", None), *[("ok", i) for i in range(1, 30)], ("raise", "boom")]
    out = list(ordered_map(slow_or_fast, items, jobs=2, timeout=20))
    assert out[0] == (True, 0)
    assert out[1][0] is False and "died" in out[1][1] and "exit code 3" in out[1][1]
    assert out[2:-1] == [(True, i) for i in range(1, 30)]
    assert out[-1] == (False, "ValueError: boom")


def test_ordered_map_keeps_ready_items_in_place_and_order_under_jobs() -> None:
    items = [("ok", i) if i % 3 else Ready(True, f"ready-{i}") for i in range(200)]
    expected = [(True, i) if i % 3 else (True, f"ready-{i}") for i in range(200)]
    assert list(ordered_map(slow_or_fast, items, jobs=2, timeout=20, chunksize=3)) == expected
    assert list(ordered_map(slow_or_fast, items, jobs=1)) == expected


def test_ordered_map_large_items_and_results_do_not_deadlock() -> None:
    big = "x" * 3_000_000  # larger than any pipe buffer, both ways
    out = list(ordered_map(slow_or_fast, [("ok", big)] * 12, jobs=2, timeout=30, chunksize=4))
    assert out == [(True, big)] * 12


def test_ordered_map_early_close_stops_workers() -> None:
    gen = ordered_map(slow_or_fast, [("pid", None)] * 100, jobs=2, timeout=20)
    pids = {next(gen)[1] for _ in range(10)}
    gen.close()
    time.sleep(0.2)
    for pid in pids:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)  # gone (and reaped)


# --- atomic writes, manifest, formats ----------------------------------------------------------


def test_atomic_write_and_sweep(tmp_path: Path) -> None:
    target = tmp_path / "a" / "out.txt"
    target.parent.mkdir()
    atomic_write(target, "hello\n")
    assert target.read_text() == "hello\n"
    assert [p.name for p in target.parent.iterdir()] == ["out.txt"]
    stray = target.parent / f".out.txt{TMP_MARK}123-0"
    stray.write_text("half")
    assert sweep_temporaries(tmp_path) == 1 and not stray.exists() and target.exists()


def test_manifest_survives_a_torn_line_and_compacts_in_order(tmp_path: Path) -> None:
    from cleaner.batch import DocResult

    docs = [Doc(f"in/{i}.txt", f"{i}", f"fp{i}") for i in range(3)]
    m = Manifest(tmp_path, "key1")
    for i, d in enumerate(docs[:2]):
        (tmp_path / f"{i}.json").write_text("{}")
        m.add(DocResult(d.input, "cleaned", None, f"{i}.json"), d.fingerprint)
    m._fh.write('{"input": "in/2.txt", "sta')  # killed mid-line
    m._fh.flush()

    again = Manifest(tmp_path, "key1")
    assert again.done(docs[0], str(tmp_path)) and again.done(docs[1], str(tmp_path))
    assert again.done(docs[2], str(tmp_path)) is None
    assert again.done(Doc("in/0.txt", "0", "changed"), str(tmp_path)) is None  # input changed
    again.keep(docs[0].input)
    again.keep(docs[1].input)
    again.add(DocResult(docs[2].input, "failed", "bad"), "fp2")
    again.close()
    lines = [json.loads(line) for line in (tmp_path / MANIFEST).read_text().splitlines()]
    assert lines[0] == {"cleaner_manifest": 1, "options": "key1"}
    assert [e["input"] for e in lines[1:]] == ["in/0.txt", "in/1.txt", "in/2.txt"]
    assert lines[3]["status"] == "failed" and lines[3]["reason"] == "bad"

    changed = Manifest(tmp_path, "key2")  # other options: nothing is reused
    assert changed.done(docs[0], str(tmp_path)) is None and changed.reset
    changed.close()


def test_render_formats() -> None:
    article = cleaner.clean(texts()[0], url="https://example.com/a")
    assert render(article, "txt") == article.text + "\n"
    rec = json.loads(render(article, "json", input="a.txt", id="7"))
    assert rec["input"] == "a.txt" and rec["id"] == "7" and rec["text"] == article.text and "removed" not in rec
    assert "removed" in json.loads(render(article, "jsonl", input="a.txt", removed=True))
    assert "\n" not in render(article, "jsonl", input="a.txt").rstrip("\n")
    md = render(article, "md")
    assert md.startswith(f"# {article.title}\n\n") and "- **URL:** https://example.com/a" in md
    assert md.rstrip("\n").endswith(article.text)


def test_batch_into_a_folder_then_resume(tmp_path: Path) -> None:
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    for p in SAMPLE_FILES:
        (src / "sub" / p.name).write_bytes(p.read_bytes())
    out = tmp_path / "out"
    options = BatchOptions(format="txt", out_dir=str(out))

    def run(**kw: object) -> list:
        b = Batch(iter_docs(find_sources([str(src)])), options, jobs=2, timeout=20, **kw)
        results = list(b)
        return results, b.summary

    results, summary = run()
    assert summary.cleaned + summary.empty == len(SAMPLE_FILES) and summary.failed == 0
    for r, p in zip(results, SAMPLE_FILES):
        assert r.output == f"sub/{p.stem}.txt"
        assert (out / r.output).read_text() == cleaner.clean(p.read_bytes()).text + "\n"
    assert sum(summary.removed_chars.values()) > 0
    results, summary = run()
    assert summary.skipped == len(SAMPLE_FILES) and all(r.skipped for r in results)
    results, summary = run(force=True)
    assert summary.skipped == 0


def test_one_batch_at_a_time_per_output_folder(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for p in SAMPLE_FILES[:2]:
        (src / p.name).write_bytes(p.read_bytes())
    out = tmp_path / "out"
    options = BatchOptions(format="txt", out_dir=str(out))
    first = Batch(iter_docs(find_sources([str(src)])), options, jobs=1)
    with pytest.raises(OutputLocked, match="another cleaner run"):
        Batch(iter_docs(find_sources([str(src)])), options, jobs=1)  # in this process too
    child = multiprocessing.get_context("fork").Process(  # and from another process
        target=lambda: os._exit(3 if _locked_out(options, src) else 0)
    )
    child.start()
    child.join(30)
    assert child.exitcode == 3
    assert len(list(first)) == 2  # iterating to the end closes the batch and frees the folder
    second = Batch(iter_docs(find_sources([str(src)])), options, jobs=1)
    assert [r.skipped for r in second] == [True, True]
    assert (out / batch_mod.LOCK).exists() and (out / batch_mod.LOCK).stat().st_size == 0


def _locked_out(options: BatchOptions, src: Path) -> bool:
    batch_mod._held.clear()  # a forked child: the parent's bookkeeping is not its lock
    try:
        Batch(iter_docs(find_sources([str(src)])), options, jobs=1).close()
    except OutputLocked:
        return True
    return False


def test_jsonl_outputs_never_take_the_manifest_name(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "manifest.txt").write_bytes(SAMPLE_FILES[0].read_bytes())
    out = tmp_path / "out"
    options = BatchOptions(format="jsonl", out_dir=str(out))
    [r] = list(Batch(iter_docs(find_sources([str(src)]), reserved=options.reserved), options, jobs=1))
    assert r.output == "manifest.txt.jsonl" and json.loads((out / r.output).read_text())["input"].endswith("manifest.txt")
    [r] = list(Batch(iter_docs(find_sources([str(src)])), options, jobs=1, force=True))  # without reserved=
    assert r.status == "failed" and "reserved" in r.reason
    assert json.loads((out / MANIFEST).read_text().splitlines()[0])["cleaner_manifest"] == 1


# --- inputs ----------------------------------------------------------------------------------


def test_find_sources_recursive_sorted_globs_hidden_and_excluded(tmp_path: Path) -> None:
    for rel in ["b.txt", "a/z.html", "a/y.htm.gz", "a/.hidden.txt", ".git/x.txt", "notes.md", "c.expected.json", "out/o.txt"]:
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("x")
    names = [s.name for s in find_sources([str(tmp_path)], exclude=[tmp_path / "out"])]
    assert names == [str(tmp_path / r) for r in ["a/y.htm.gz", "a/z.html", "b.txt"]]
    rels = [s.rel for s in find_sources([str(tmp_path)], exclude=[tmp_path / "out"])]
    assert rels == ["a/y", "a/z", "b"]
    globbed = [s.name for s in find_sources([str(tmp_path)], globs=["*.md", "a/*.html"])]
    assert globbed == [str(tmp_path / "a/z.html"), str(tmp_path / "notes.md")]
    missing = find_sources([str(tmp_path / "nope.txt")])
    assert missing[0].error and "not found" in missing[0].error


def test_folders_are_walked_lazily_in_path_component_order(tmp_path: Path) -> None:
    rels = ["a/x.txt", "a/b/c.txt", "a-b.txt", "a.txt", "B.txt", "a b/z.txt", "a0/y.txt", "ab.txt", "a/b.txt"]
    for rel in rels:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x")
    (tmp_path / "link").symlink_to(tmp_path / "a", target_is_directory=True)  # not followed
    from cleaner.inputs import iter_sources

    walk = iter_sources([str(tmp_path)])
    assert not isinstance(walk, list)
    expected = sorted(rels, key=lambda r: tuple(r.split("/")))
    assert [Path(s.name).relative_to(tmp_path).as_posix() for s in walk] == expected
    assert [s.name for s in find_sources([str(tmp_path), str(tmp_path / "a.txt")])][-1] != str(tmp_path / "a.txt")  # taken once


def test_output_names_are_unique(tmp_path: Path) -> None:
    for rel in ["a.txt", "a.html", "A.htm"]:
        (tmp_path / rel).write_text("x")
    outputs = [d.output for d in iter_docs(find_sources([str(tmp_path)]))]
    assert outputs == ["A", "a.html", "a.txt"]  # case-insensitive file systems too


def test_jsonl_records_with_fields(tmp_path: Path) -> None:
    path = tmp_path / "recs.jsonl.gz"
    lines = [
        json.dumps({"doc_id": "n/1", "link": "https://example.com/1", "body": texts()[0]}),
        "",
        "{broken",
        json.dumps({"doc_id": 2, "body": None}),
        json.dumps(["not", "an", "object"]),
    ]
    path.write_bytes(gzip.compress("\n".join(lines).encode()))
    docs = list(iter_docs(find_sources([str(path)]), fields=RecordFields(text="body", url="link", id="doc_id")))
    assert [d.input for d in docs] == [f"{path}:1", f"{path}:3", f"{path}:4", f"{path}:5"]
    assert docs[0].id == "n/1" and docs[0].url == "https://example.com/1" and docs[0].data == texts()[0]
    assert docs[0].output.startswith("recs/n_1-")
    assert "invalid JSON" in docs[1].error and "'body' field" in docs[2].error and "not a JSON object" in docs[3].error


def test_warc_html_responses_with_urls(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    pages = [(f"https://example.com/news/{i}", html_page(t)) for i, t in enumerate(texts()[:3])]
    write_warc(path, pages)
    docs = list(iter_docs(find_sources([str(path)])))
    assert [d.url for d in docs] == [u for u, _ in pages]  # images skipped
    assert [d.output for d in docs] == ["crawl/000001", "crawl/000002", "crawl/000003"]
    assert all(d.id.startswith("<urn:uuid:") for d in docs)
    assert docs[0].data == pages[0][1]


def test_corrupt_warc_is_recorded_and_reading_stops(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, [(f"https://example.com/{i}", html_page(t)) for i, t in enumerate(texts()[:4])], extra_image=False)
    data = path.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) // 2] + b"garbage that is not gzip" * 10)
    docs = list(iter_docs(find_sources([str(cut)])))
    assert docs and docs[-1].error and "corrupt" in docs[-1].error
    assert all(d.error is None for d in docs[:-1])
    plain = tmp_path / "plain.warc"
    plain.write_bytes(b"this is not a WARC at all\n" * 5)
    [bad] = list(iter_docs(find_sources([str(plain)])))
    assert "corrupt WARC" in bad.error


def test_read_file_gzip_limits_and_binary(tmp_path: Path) -> None:
    good = tmp_path / "a.html.gz"
    good.write_bytes(gzip.compress(b"<p>hello</p>"))
    assert read_file(good) == b"<p>hello</p>"
    truncated = tmp_path / "t.txt.gz"
    truncated.write_bytes(gzip.compress(b"hello " * 1000)[:40])
    with pytest.raises(InputRejected, match="corrupt gzip"):
        read_file(truncated)
    fake = tmp_path / "f.txt.gz"
    fake.write_bytes(b"plain text")
    with pytest.raises(InputRejected, match="not gzip"):
        read_file(fake)
    bomb = tmp_path / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(b"a" * 2_000_000))
    with pytest.raises(InputRejected, match="too large"):
        read_file(bomb, max_bytes=1_000_000)
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 2_000_001)
    with pytest.raises(InputRejected, match="too large: 2,000,001 bytes"):
        read_file(big, max_bytes=2_000_000)
    png = tmp_path / "x.html"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    with pytest.raises(InputRejected, match="binary content"):
        read_doc(Doc(str(png), "x", "", path=str(png)), reject_binary=True)
    assert binary_signature("héllo".encode("utf-16")) is None
    assert binary_signature(b"%PDF-1.4 ...") == "PDF"


def test_sniff_stdin_kinds() -> None:
    rec = json.dumps({"text": "hi"}).encode() + b"\n"
    for data, kind in [
        (rec * 2, "jsonl"),
        (gzip.compress(rec * 2), "jsonl"),
        (b"WARC/1.0\r\n", "warc"),
        (b"<html><body><p>x</p></body></html>", "doc"),
        (b"{not json} just text", "doc"),
        (b"", "doc"),
    ]:
        stream, found = sniff_stream(io.BufferedReader(io.BytesIO(data)))
        assert found == kind, data
        if kind != "warc":
            assert stream.read() == (gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data)


def test_safe_name() -> None:
    assert safe_name("abc-1.2_x") == "abc-1.2_x"
    assert re.fullmatch(r"a_b_c-[0-9a-f]{8}", safe_name("a/b c"))
    assert ".." not in safe_name("../../etc/passwd") and "/" not in safe_name("../../etc/passwd")
    assert len(safe_name("x" * 500)) < 120


def test_warm_up_with_ngram_loads_the_language_model() -> None:
    """What `cleaner eval` relies on to keep a one-time model load out of its timed run."""
    import subprocess
    import sys

    code = "import sys, cleaner.batch as b, cleaner.language as L; b.warm_up(html=False); print(L._ngram_model.cache_info().currsize == 1)"
    root = Path(__file__).parent.parent
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "True"


def test_the_parent_naps_only_while_every_worker_has_work_queued(monkeypatch: pytest.MonkeyPatch) -> None:
    """With inputs that take a while, the parent reads results a few at a time (it naps while
    both workers have twice the nap's worth queued); with instant inputs it never naps, so no
    worker waits on it. Results stay complete and in order either way."""
    import time as real_time

    class CountingTime:
        naps = 0

        def __getattr__(self, name: str) -> object:
            return getattr(real_time, name)

        def sleep(self, seconds: float) -> None:
            CountingTime.naps += 1
            real_time.sleep(seconds)

    monkeypatch.setattr(batch_mod, "time", CountingTime())
    slow = [("sleep", 0.015)] * 40
    assert [v for _, v in ordered_map(slow_or_fast, slow, jobs=2, timeout=30)] == [0.015] * 40
    assert CountingTime.naps > 0
    CountingTime.naps = 0
    instant = [("value", i) for i in range(400)]
    assert [v for _, v in ordered_map(slow_or_fast, instant, jobs=2, timeout=30)] == list(range(400))
    assert CountingTime.naps == 0
