"""Tests of the benchmark: the shingle metric, metadata scoring, the C4 peer and the runner.

Expected numbers are worked out by hand in the comments next to them.
"""

from __future__ import annotations

import argparse
import gzip
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleaner import baselines, evaluate
from cleaner.evaluate import (
    DocScore,
    aggregate,
    author_set,
    match_authors,
    match_date,
    match_language,
    match_name,
    metadata_accuracy,
    normalize_name,
    run_eval,
    score_metadata,
    score_text,
    shingles,
)

BENCH = Path(__file__).parents[1] / ".." / "shared" / "bench" / "aeb-dev"


# --- shingles ---------------------------------------------------------------------------------


def test_shingles_are_runs_of_four_word_tokens() -> None:
    # Punctuation is not a token: Hello, world, It, s, a, test -> 6 tokens, 3 shingles.
    assert shingles("Hello, world! It's a test.") == {
        ("Hello", "world", "It", "s"): 1,
        ("world", "It", "s", "a"): 1,
        ("It", "s", "a", "test"): 1,
    }


def test_short_text_is_one_shingle_and_empty_text_none() -> None:
    assert shingles("Breaking news") == {("Breaking", "news"): 1}
    assert shingles("") == {}
    assert shingles(" -- !! ") == {}


def test_shingles_are_a_multiset() -> None:
    # a b c d a b c d: abcd twice, then bcda, cdab, dabc once each.
    counts = shingles("a b c d a b c d")
    assert counts[("a", "b", "c", "d")] == 2
    assert sum(counts.values()) == 5


# --- per-document score -----------------------------------------------------------------------


def test_partial_overlap() -> None:
    # pred abcd bcde cdef, gold abcd bcde cdex: tp 2, fp 1, fn 1, normalised by 4.
    score = score_text("a b c d e f", "a b c d e x")
    assert (score.tp, score.fp, score.fn) == (0.5, 0.25, 0.25)
    assert score.precision == pytest.approx(2 / 3)
    assert score.recall == pytest.approx(2 / 3)
    assert score.f1 == pytest.approx(2 / 3)


def test_repeated_prediction_is_not_double_credited() -> None:
    # pred has 5 shingles (abcd twice), gold only abcd once: tp 1, fp 4, fn 0.
    score = score_text("a b c d a b c d", "a b c d")
    assert score.precision == pytest.approx(0.2)
    assert score.recall == 1.0


def test_tokens_are_case_sensitive() -> None:
    # The benchmark does not lowercase: "The" and "the" differ, so nothing matches.
    assert score_text("The cat sat down", "the cat sat down").tp == 0


def test_empty_prediction_has_no_precision_and_zero_recall() -> None:
    score = score_text("", "a b c d e")
    assert not score.predicted and score.expected
    assert score.recall == 0.0
    assert score.precision == 0.0


def test_both_empty_counts_as_perfect_but_enters_no_mean() -> None:
    score = score_text("", "")
    assert (score.precision, score.recall) == (1.0, 1.0)
    assert not score.predicted and not score.expected


@given(st.text(alphabet="ab .", max_size=40), st.text(alphabet="ab .", max_size=40))
def test_normalised_counts_sum_to_one(pred: str, gold: str) -> None:
    score = score_text(pred, gold)
    total = score.tp + score.fp + score.fn
    if shingles(pred) or shingles(gold):
        assert total == pytest.approx(1.0)
    else:
        assert total == 0


# --- aggregate --------------------------------------------------------------------------------


def test_aggregate_means_over_the_right_documents() -> None:
    scores = [
        score_text("a b c d e", "a b c d e"),  # P 1, R 1
        score_text("a b c d a b c d", "a b c d"),  # P 0.2, R 1
        score_text("", "a b c d e"),  # no output: R 0, left out of P
        score_text("x y z w", ""),  # empty gold: P 0, left out of R
        score_text("", ""),  # in neither mean
    ]
    result = aggregate(scores)
    assert result.precision == pytest.approx((1 + 0.2 + 0) / 3)  # 0.4
    assert result.recall == pytest.approx((1 + 1 + 0) / 3)  # 2/3
    assert result.f1 == pytest.approx(2 * 0.4 * (2 / 3) / (0.4 + 2 / 3))  # 0.5
    assert result.f1 == pytest.approx(0.5)


def test_aggregate_of_nothing_is_zero() -> None:
    assert aggregate([]) == evaluate.Scores(0.0, 0.0, 0.0)
    assert aggregate([DocScore(0.0, 0.0, 0.0)]).f1 == 0.0


# --- metadata ---------------------------------------------------------------------------------


def test_normalize_name_folds_case_quotes_width_and_space() -> None:
    assert normalize_name("  “The  Wall\tStreet Journal”\n") == "the wall street journal"
    assert normalize_name("O’Brien") == normalize_name("O'Brien") == "obrien"
    assert normalize_name("ﬁnance ＮＥＷＳ") == "finance news"  # NFKC: ligature, full width
    assert normalize_name("STRASSE") == normalize_name("straße")  # casefold, not lower
    assert normalize_name(None) == ""


def test_title_and_site_name_match() -> None:
    assert match_name("Republicans Follow Trump", "republicans  follow TRUMP")
    assert match_name('"Play…and Pay"', "Play…and Pay")
    assert not match_name("The Wall Street Journal", "WSJ")
    assert match_name(None, "")
    assert not match_name(None, "WSJ")


def test_date_matches_by_day() -> None:
    assert match_date("2019-11-19", "2019-11-19T23:03:00-08:00")
    assert not match_date("2019-11-19", "2019-11-20T01:00:00")
    assert match_date(None, None)
    assert match_date(None, "")
    assert not match_date("2019-11-19", None)
    assert not match_date(None, "2019-11-19")


def test_language_matches_by_code() -> None:
    assert match_language("en", "en-US")
    assert match_language("pt", "PT_br")
    assert not match_language("de", "en")
    assert match_language(None, None)
    assert not match_language("en", None)


def test_authors_match_as_sets() -> None:
    names = ["Sarah E. Needleman", " sarah  e. needleman", ""]
    assert author_set(names) == {"sarah e. needleman"}
    assert match_authors(["Ann Lee", "Bo Kim"], ("bo kim", "ANN LEE"))
    assert not match_authors(["Ann Lee", "Bo Kim"], ("Ann Lee",))  # no partial credit
    assert match_authors([], ())
    assert not match_authors([], ("Ann Lee",))
    assert match_authors("Ann Lee", ["ann lee"])  # a bare string is one author


@dataclass
class FakeArticle:
    text: str = ""
    title: str | None = None
    date: str | None = None
    authors: tuple[str, ...] = ()
    site_name: str | None = None
    language: str | None = None
    agency: str | None = None


GOLD_META = {
    "title": "New SUVs and electric vehicles highlight L.A. Auto Show",
    "authors": ["Tom Krisher"],
    "date": "2019-11-20",
    "site_name": "Connecticut Post",
    "agency": "AP",
    "language": "en",
    "notes": "ignored",
}


def test_score_metadata_per_field() -> None:
    article = FakeArticle(
        title="New SUVs and Electric Vehicles Highlight L.A. Auto Show",
        date="2019-11-20T10:00:00",
        authors=("Tom Krisher", "AP Auto Writer"),
        site_name="CT Post",
        language="en",
        agency="ap",
    )
    assert score_metadata(GOLD_META, article) == {
        "title": True,
        "date": True,
        "authors": False,
        "site_name": False,
        "language": True,
        "agency": True,
    }


def test_score_metadata_of_a_failure_and_of_partial_gold() -> None:
    # A failed doc (no article) still scores fields whose gold is empty: agency None == None.
    gold = {"title": "T", "agency": None, "authors": []}
    assert score_metadata(gold, None) == {"title": False, "agency": True, "authors": True}


def test_metadata_accuracy_counts_only_scored_fields() -> None:
    accuracy = metadata_accuracy([{"title": True, "date": False}, {"title": False}])
    assert accuracy["title"] == 0.5
    assert accuracy["date"] == 0.0
    assert accuracy["agency"] is None


# --- C4 peer ----------------------------------------------------------------------------------

GOOD_LINES = [
    "The council approved the budget on Tuesday.",
    "Critics said the plan would raise taxes. The mayor disagreed!",
    "“We will build it,” she said, “and they will come.”",
]


def test_c4_keeps_terminated_lines_of_three_words_or_more() -> None:
    noise = [
        "Home",  # no end mark
        "Read more...",  # ellipsis
        "Yes it is.",  # exactly three words: kept
        "Too short.",  # two words
        "Please enable JavaScript to view the comments.",
        "This site uses cookies to improve your experience.",
        "var x = {a: 1}.",
        "Lorem ipsum dolor sit amet.",
        "Read our Privacy Policy for details.",
    ]
    text = "\n".join(GOOD_LINES[:1] + noise + GOOD_LINES[1:])
    kept = baselines.c4(text).split("\n")
    assert kept == [GOOD_LINES[0], "Yes it is.", *GOOD_LINES[1:]]


def test_c4_drops_pages_with_fewer_than_three_sentences() -> None:
    assert baselines.c4("One short sentence here.\nAnother one follows here.") == ""
    # The second line holds two sentences, so three in all: kept.
    assert baselines.c4("\n".join(GOOD_LINES[:2])) == "\n".join(GOOD_LINES[:2])


def test_c4_removes_citation_markers() -> None:
    text = "\n".join(["It was founded in 1850.[1]", *GOOD_LINES])
    assert baselines.c4(text).split("\n")[0] == "It was founded in 1850."


def test_dump_to_html_escapes_and_skips_blank_lines() -> None:
    html = baselines.dump_to_html("a < b & c\n\n   \nsecond")
    assert html == "<html><body><p>a &lt; b &amp; c</p><p>second</p></body></html>"


def test_peers_that_cannot_run_on_a_kind_say_why() -> None:
    fn, reason = baselines.resolve_peer("c4", "html")
    assert fn is None and reason == "does not run on html inputs"
    assert baselines.resolve_peer("raw", "text") == (baselines.raw, None)
    with pytest.raises(KeyError):
        baselines.resolve_peer("no-such-peer", "text")


# --- runner on a hand-made dataset ------------------------------------------------------------

BODIES = {
    "a": "alpha beta gamma delta epsilon",
    "b": "one two three four five six",
    "c": "red green blue yellow",
}


def make_dataset(root: Path, *, metadata: bool = True) -> Path:
    """Three docs, two dump styles, one dump missing, and the pages as html.gz."""
    truth = {i: {"articleBody": b, "url": f"https://example.com/{i}"} for i, b in BODIES.items()}
    (root / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    if metadata:
        record = {"authors": [], "date": None, "language": "en"}
        meta = {i: {"title": f"Title {i}", **record} for i in BODIES}
        (root / "metadata.json").write_text(json.dumps(meta), encoding="utf-8")
    for style in ("zeta", "bs4"):
        (root / "dumps" / style).mkdir(parents=True)
        for doc_id, body in BODIES.items():
            if style == "zeta" and doc_id == "c":
                continue  # missing input
            path = root / "dumps" / style / f"{doc_id}.txt"
            path.write_text(f"Menu\nHome\n{body}\nFooter links here", encoding="utf-8")
    (root / "html").mkdir()
    for doc_id, body in BODIES.items():
        page = f"<html><body><nav>Menu</nav><p>{body}</p></body></html>"
        (root / "html" / f"{doc_id}.html.gz").write_bytes(gzip.compress(page.encode("utf-8")))
    return root


class StandIn:
    """A fake cleaner: the gold body for "a", a crash for "b", the whole input otherwise."""

    def __init__(self) -> None:
        self.calls: list[tuple[Any, str | None]] = []

    def __call__(self, source: str | bytes, url: str | None = None) -> FakeArticle:
        self.calls.append((source, url))
        text = source.decode("utf-8") if isinstance(source, bytes) else source
        if BODIES["a"] in text:
            return FakeArticle(text=BODIES["a"], title="TITLE  a", language="en-GB")
        if BODIES["b"] in text:
            raise RuntimeError("boom")
        return FakeArticle(text=text, title="wrong")


def test_run_eval_scores_failures_and_missing_inputs(tmp_path: Path) -> None:
    folder = make_dataset(tmp_path)
    system = StandIn()
    report = run_eval(folder, compare=["raw"], system=system, warm_up=False)
    assert report.styles == ["bs4", "zeta"]  # known styles first, then by name
    assert [(r.system, r.style) for r in report.rows] == [
        ("cleaner", "bs4"),
        ("raw", "bs4"),
        ("cleaner", "zeta"),
        ("raw", "zeta"),
    ]

    row = report.row("cleaner", "bs4")
    # a: exact (P 1, R 1). b: crash, empty (R 0). c: whole dump: gold is one 4-token shingle,
    # the dump "Menu Home red green blue yellow Footer links here" has 6, one of them right.
    assert (row.n, row.failures, row.missing) == (3, 1, 0)
    assert row.precision == pytest.approx((1 + 1 / 6) / 2)
    assert row.recall == pytest.approx((1 + 0 + 1) / 3)
    assert row.docs_per_s is not None and row.docs_per_s > 0
    # title: a matches after folding; b failed (None) and c wrong. date None == None everywhere.
    # authors [] == () everywhere. language: a "en-GB" ok, b and c None.
    assert row.metadata == {
        "title": pytest.approx(1 / 3),
        "date": 1.0,
        "authors": 1.0,
        "site_name": None,
        "language": pytest.approx(1 / 3),
        "agency": None,
    }

    zeta = report.row("cleaner", "zeta")
    assert (zeta.failures, zeta.missing) == (1, 1)
    assert zeta.recall == pytest.approx(1 / 3)  # only "a" found
    assert len(system.calls) == 5  # 3 on bs4, 2 on zeta: the missing input is not run
    assert {url for _, url in system.calls} == {f"https://example.com/{i}" for i in "abc"}

    raw = report.row("raw", "bs4")
    assert raw.recall == 1.0 and raw.metadata is None and raw.failures == 0


def test_run_eval_without_url_limit_and_metadata(tmp_path: Path) -> None:
    folder = make_dataset(tmp_path, metadata=False)
    system = StandIn()
    report = run_eval(folder, styles=["bs4"], limit=2, use_url=False, system=system)
    assert [r.system for r in report.rows] == ["cleaner"]
    row = report.rows[0]
    assert row.n == 2 and row.metadata is None
    # One untimed warm-up call on the first document, then the two measured ones.
    assert [url for _, url in system.calls] == [None, None, None]
    assert system.calls[0] == system.calls[1]
    assert list(report.warmup_seconds) == ["cleaner"]


def test_run_eval_html_gives_bytes_to_cleaner_and_str_to_peers(tmp_path: Path) -> None:
    folder = make_dataset(tmp_path)
    system = StandIn()
    report = run_eval(folder, kind="html", compare=["c4"], system=system)
    assert report.styles == ["html"]
    assert all(isinstance(source, bytes) for source, _ in system.calls)
    assert report.row("c4", "html").unavailable == "does not run on html inputs"
    assert report.row("cleaner", "html").failures == 1


def test_run_eval_rejects_unknown_styles_and_peers(tmp_path: Path) -> None:
    folder = make_dataset(tmp_path)
    with pytest.raises(evaluate.DatasetError, match="unknown style"):
        run_eval(folder, styles=["nope"], system=StandIn())
    with pytest.raises(evaluate.DatasetError, match="unknown peer"):
        run_eval(folder, compare=["nope"], system=StandIn())


def test_format_report_lists_cleaner_then_peers(tmp_path: Path) -> None:
    report = run_eval(make_dataset(tmp_path), styles=["bs4"], compare=["raw"], system=StandIn())
    text = evaluate.format_report(report)
    lines = text.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("system"))
    assert lines[header].split() == ["system", "P", "R", "F1", "docs/s", "failures", "missing"]
    assert lines[header + 2].split()[0] == "cleaner"
    raw = report.row("raw", "bs4")
    speed = "-" if raw.docs_per_s is None else f"{raw.docs_per_s:.1f}"
    expected = ["raw", f"{raw.precision:.3f}", "1.000", f"{raw.f1:.3f}", speed, "0", "0"]
    assert lines[header + 3].split() == expected
    assert "metadata accuracy (cleaner)" in text
    assert json.loads(json.dumps(report.to_dict()))["rows"][0]["failures"] == 1


def parse_eval_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="cleaner")
    evaluate.add_eval_parser(parser.add_subparsers(dest="command"))
    return parser.parse_args(["eval", *argv])


def test_cli_exits_2_without_ground_truth(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = parse_eval_args([str(tmp_path)])
    assert evaluate.run_eval_command(args, system=StandIn()) == 2
    assert "ground-truth.json" in capsys.readouterr().err


def test_cli_json_and_per_doc(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    make_dataset(folder)
    per_doc = tmp_path / "docs.jsonl"
    args = parse_eval_args(
        [str(folder), "--styles", "bs4", "--compare", "raw", "--json", "--per-doc", str(per_doc)]
    )
    assert args.func is evaluate.run_eval_command
    assert evaluate.run_eval_command(args, system=StandIn()) == 0
    data = json.loads(capsys.readouterr().out)
    assert [r["system"] for r in data["rows"]] == ["cleaner", "raw"]
    records = [json.loads(line) for line in per_doc.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 6  # 3 docs x 2 systems
    crashed = next(r for r in records if r["system"] == "cleaner" and r["id"] == "b")
    assert crashed["failed"] and crashed["error"] == "RuntimeError: boom"
    assert crashed["metadata"]["title"] is False


# --- the real benchmark -----------------------------------------------------------------------


@pytest.mark.skipif(
    not (BENCH / "ground-truth.json").is_file(), reason="no ../shared/bench/aeb-dev"
)
def test_bench_oracle_scores_perfectly_and_raw_dump_keeps_the_article() -> None:
    """An oracle that returns the gold must score 1 everywhere, on the real gold values."""
    truth = json.loads((BENCH / "ground-truth.json").read_text(encoding="utf-8"))
    meta = json.loads((BENCH / "metadata.json").read_text(encoding="utf-8"))
    by_url = {doc["url"]: doc_id for doc_id, doc in truth.items()}

    def oracle(source: str | bytes, url: str | None = None) -> FakeArticle:
        doc_id = by_url[url]
        gold = meta[doc_id]
        return FakeArticle(
            text=truth[doc_id]["articleBody"],
            title=gold["title"],
            date=gold["date"],
            authors=tuple(gold["authors"]),
            site_name=gold["site_name"],
            language=gold["language"],
            agency=gold["agency"],
        )

    report = run_eval(BENCH, limit=4, compare=["raw", "c4"], system=oracle)
    assert len(report.styles) >= 1
    for style in report.styles:
        best = report.row("cleaner", style)
        assert (best.n, best.failures, best.precision, best.recall) == (4, 0, 1.0, 1.0)
        assert best.metadata is not None
        assert all(v == 1.0 for v in best.metadata.values())
        raw = report.row("raw", style)
        assert raw.recall > 0.9  # the dump holds the article ...
        assert raw.precision < 0.9  # ... and the site chrome around it
        assert report.row("c4", style).unavailable is None


def test_warm_up_loads_the_real_cleaners_models_but_not_for_a_stand_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A model the cleaner loads on first need (the n-gram language model, HTML stack) must not land in the
    timed run: the warm-up loads what the batch CLI loads before timing anything."""
    folder = make_dataset(tmp_path)
    preloads: list[str] = []
    monkeypatch.setattr(evaluate.batch, "warm_up", lambda: preloads.append("loaded"))
    run_eval(folder, styles=["bs4"], system=StandIn())
    assert preloads == []
    report = run_eval(folder, styles=["bs4"], limit=1)
    assert preloads == ["loaded"]
    assert report.warmup_seconds["cleaner"] > 0
    run_eval(folder, styles=["bs4"], limit=1, warm_up=False)
    assert preloads == ["loaded"]


def test_systems_take_turns_on_each_document(tmp_path: Path) -> None:
    """docs/s of systems measured one after the other would differ with the machine's load
    between their runs: they alternate per document, the order rotating, and still score alike."""
    dataset = evaluate.load_dataset(make_dataset(tmp_path), None)
    log: list[tuple[str, str]] = []

    def runner(name: str) -> Any:
        def run(data: bytes, url: str | None) -> evaluate.Outcome:
            log.append((name, data.decode()))
            return evaluate.Outcome(data.decode(), None, 0.001)

        return run

    inputs = [f"{doc.id} body".encode() for doc in dataset.docs]
    gold = [shingles(doc.body) for doc in dataset.docs]
    tallies = evaluate._measure([("one", runner("one")), ("two", runner("two"))], "bs4", inputs, dataset, gold, True)
    ids = [doc.id for doc in dataset.docs]
    assert log == [
        ("one", f"{ids[0]} body"), ("two", f"{ids[0]} body"),
        ("two", f"{ids[1]} body"), ("one", f"{ids[1]} body"),
        ("one", f"{ids[2]} body"), ("two", f"{ids[2]} body"),
    ]
    rows = [t.close() for t in tallies]
    assert [r.system for r in rows] == ["one", "two"]
    assert rows[0].f1 == rows[1].f1 and rows[0].docs_per_s == pytest.approx(1000)
