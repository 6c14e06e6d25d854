"""End-to-end: the real `cleaner` command on our samples and on stdin."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import SAMPLES

EXE = shutil.which("cleaner")


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    cmd = [EXE] if EXE else [sys.executable, "-m", "cleaner.cli"]
    return subprocess.run([*cmd, *args], input=stdin, capture_output=True, timeout=120)


def test_clean_folder_gives_one_json_record_per_sample() -> None:
    proc = run("clean", str(SAMPLES))
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    samples = [p for p in SAMPLES.rglob("*") if p.suffix in (".txt", ".html")]
    assert sorted(Path(r["input"]).name for r in records) == sorted(p.name for p in samples)
    by_name = {Path(r["input"]).stem: r for r in records}
    expected = json.loads((SAMPLES / "menafn-jordan-times-energy.expected.json").read_text())
    assert by_name["menafn-jordan-times-energy"]["text"] == expected["text"]


def test_single_file_prints_the_article_text() -> None:
    path = SAMPLES / "contentfarm-reuters-chips.txt"
    expected = json.loads(path.with_name(path.stem + ".expected.json").read_text())
    proc = run("clean", str(path))
    assert proc.returncode == 0
    assert proc.stdout.decode() == expected["text"] + "\n"


def test_stdin_to_jsonl() -> None:
    data = (SAMPLES / "menafn-jordan-times-energy.txt").read_bytes()
    proc = run("clean", "-", "--format", "jsonl", "--removed", stdin=data)
    record = json.loads(proc.stdout)
    assert record["agency"] == "MENAFN"
    assert any(r["rule"] == "platform_tag" for r in record["removed"])


def test_missing_file_is_recorded_and_exit_1(tmp_path: Path) -> None:
    proc = run("clean", str(SAMPLES / "not-an-article.txt"), str(tmp_path / "nope.txt"), "--format", "jsonl")
    assert proc.returncode == 1
    records = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert records[0]["text"] == ""
    assert "error" in records[1] and "nope.txt" in records[1]["input"]


def test_explain_names_rules_and_reasons() -> None:
    proc = run("explain", str(SAMPLES / "contentfarm-reuters-chips.txt"))
    out = proc.stdout.decode()
    assert proc.returncode == 0
    assert "breadcrumb" in out and "why:" in out and "profile: contentfarm" in out


def test_profiles_lists_builtins() -> None:
    out = run("profiles").stdout.decode()
    assert "menafn" in out and "contentfarm" in out


def test_usage_error_exits_2() -> None:
    assert run("clean").returncode == 2
    assert run("eval", "/nonexistent-folder").returncode == 2
