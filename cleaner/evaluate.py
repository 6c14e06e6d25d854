"""The benchmark: score the cleaner (and peers, in the same run) against hand-made gold data.

Dataset layout (``../shared/bench/aeb-dev`` is one; users bring their own in the same layout)::

    FOLDER/ground-truth.json        {id: {"articleBody": str, "url": str}}
    FOLDER/metadata.json            {id: {title, authors, date, site_name, agency, language, ...}}
    FOLDER/dumps/<style>/<id>.txt   plain-text dumps, one folder per scraper style
    FOLDER/html/<id>.html.gz        the pages (gzip, UTF-8)

Only ground-truth.json is required. Styles are discovered from ``dumps/``; a missing
metadata.json skips metadata scoring; a missing input file counts as an empty prediction.

Body metric (the article-extraction-benchmark's own): 4-token shingles of ``\\w+`` tokens as a
multiset; per document tp/fp/fn normalised by tp+fp+fn so each document weighs the same;
precision is the mean over documents that predicted something, recall the mean over documents
whose gold is non-empty, F1 the harmonic mean of those two means.

Metadata metric: per field, the share of documents whose predicted value equals the gold one
after normalisation (see :data:`FIELD_MATCHERS`).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
import unicodedata
from collections import Counter
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path
from types import MappingProxyType
from typing import Any, Callable, Iterable, Mapping, Sequence

from . import baselines, batch

# --- constants --------------------------------------------------------------------------------

GROUND_TRUTH_FILE = "ground-truth.json"
METADATA_FILE = "metadata.json"
DUMPS_DIR = "dumps"
HTML_DIR = "html"
DUMP_SUFFIX = ".txt"
HTML_SUFFIX = ".html.gz"
BODY_KEY = "articleBody"
URL_KEY = "url"

KIND_TEXT = baselines.TEXT
KIND_HTML = baselines.HTML
HTML_STYLE = "html"
"""The single 'style' of an html run, so text and html rows share one report shape."""
STYLE_ORDER = ("bs4", "inscriptis", "html2text", "resiliparse")
"""Known dump styles in the order the benchmark issue tabulates them; others follow by name."""

CLEANER = "cleaner"
COMPARE_ALL = "all"

SHINGLE_SIZE = 4
TOKEN_RE = re.compile(r"\w+")

METADATA_FIELDS = ("title", "date", "authors", "site_name", "language", "agency")
DATE_PREFIX_LEN = len("YYYY-MM-DD")
LANGUAGE_CODE_LEN = 2
QUOTE_CHARS = "\"'`´‘’‚‛“”„‟‹›«»′″＂＇"
"""ASCII and typographic quotes and apostrophes: "O'Brien" and "O’Brien" must compare equal."""
_QUOTES_TABLE = str.maketrans("", "", QUOTE_CHARS)

SystemFn = Callable[..., Any]
"""The system under test: ``fn(source, url=...)`` returning an object with `.text` and metadata."""


# --- body metric (pure) -----------------------------------------------------------------------


def shingles(text: str, size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """Multiset of `size`-token shingles; a text shorter than `size` tokens is one shingle.

    An empty text (no tokens) has no shingle at all, so it can neither hit nor miss.
    """
    tokens = TOKEN_RE.findall(text or "")
    if not tokens:
        return Counter()
    if len(tokens) < size:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


@dataclass(frozen=True, slots=True)
class DocScore:
    """One document's shingle match, tp/fp/fn normalised by tp+fp+fn (all 0 when both empty)."""

    tp: float
    fp: float
    fn: float

    @property
    def predicted(self) -> bool:
        """Whether the system output any shingle: only such documents enter the precision mean."""
        return self.tp + self.fp > 0

    @property
    def expected(self) -> bool:
        """Whether the gold has any shingle: only such documents enter the recall mean."""
        return self.tp + self.fn > 0

    @property
    def precision(self) -> float:
        if self.fp == 0 and self.fn == 0:
            return 1.0
        if self.tp == 0 and self.fp == 0:
            return 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        if self.fp == 0 and self.fn == 0:
            return 1.0
        if self.tp == 0 and self.fn == 0:
            return 0.0
        return self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        return harmonic_mean(self.precision, self.recall)


def score_shingles(
    predicted: Counter[tuple[str, ...]], expected: Counter[tuple[str, ...]]
) -> DocScore:
    """Score shingle multisets; split from :func:`score_text` so gold shingles are built once."""
    tp = sum((predicted & expected).values())
    fp = sum(predicted.values()) - tp
    fn = sum(expected.values()) - tp
    total = tp + fp + fn
    if total == 0:
        return DocScore(0.0, 0.0, 0.0)
    return DocScore(tp / total, fp / total, fn / total)


def score_text(predicted: str, expected: str) -> DocScore:
    """Score one predicted body against its gold body."""
    return score_shingles(shingles(predicted), shingles(expected))


def harmonic_mean(a: float, b: float) -> float:
    """F1 of a precision and a recall; 0 when both are 0."""
    return 2 * a * b / (a + b) if a + b > 0 else 0.0


@dataclass(frozen=True, slots=True)
class Scores:
    precision: float
    recall: float
    f1: float


def aggregate(scores: Iterable[DocScore]) -> Scores:
    """Benchmark P/R/F1 over documents.

    Precision averages only documents with output (an empty output costs recall, not precision);
    recall averages only documents with a non-empty gold. A mean over no document is 0: a system
    that output nothing for every page earns no precision.
    """
    scores = list(scores)
    precisions = [s.precision for s in scores if s.predicted]
    recalls = [s.recall for s in scores if s.expected]
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    return Scores(p, r, harmonic_mean(p, r))


# --- metadata metric (pure) -------------------------------------------------------------------


def normalize_name(value: str | None) -> str:
    """NFKC, casefold, quotes removed, whitespace folded: the form titles and names compare in."""
    if not value:
        return ""
    text = unicodedata.normalize("NFKC", str(value)).casefold().translate(_QUOTES_TABLE)
    return " ".join(text.split())


def _blank_to_none(value: Any) -> str | None:
    """'' and whitespace count as absent, so "no value" has a single spelling."""
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def match_name(gold: Any, predicted: Any) -> bool:
    """Title, site name, agency: equal after :func:`normalize_name` (both absent is a match)."""
    return normalize_name(gold) == normalize_name(predicted)


def match_date(gold: Any, predicted: Any) -> bool:
    """Same day: the YYYY-MM-DD prefix of the ISO strings (a time of day does not matter)."""
    g, p = _blank_to_none(gold), _blank_to_none(predicted)
    if g is None or p is None:
        return g is p
    return g[:DATE_PREFIX_LEN] == p[:DATE_PREFIX_LEN]


def match_language(gold: Any, predicted: Any) -> bool:
    """Same ISO 639-1 code: "en-US" and "EN" both mean "en"."""
    g, p = _blank_to_none(gold), _blank_to_none(predicted)
    if g is None or p is None:
        return g is p
    return g[:LANGUAGE_CODE_LEN].lower() == p[:LANGUAGE_CODE_LEN].lower()


def author_set(value: Any) -> frozenset[str]:
    """Normalised author names as a set (order and duplicates are not what we judge)."""
    if value is None:
        return frozenset()
    names = [value] if isinstance(value, str) else list(value)
    return frozenset(n for n in map(normalize_name, names) if n)


def match_authors(gold: Any, predicted: Any) -> bool:
    """Exactly the same set of people (no partial credit; both empty is a match)."""
    return author_set(gold) == author_set(predicted)


FIELD_MATCHERS: Mapping[str, Callable[[Any, Any], bool]] = MappingProxyType(
    {
        "title": match_name,
        "date": match_date,
        "authors": match_authors,
        "site_name": match_name,
        "language": match_language,
        "agency": match_name,
    }
)


def score_metadata(gold: Mapping[str, Any], article: Any) -> dict[str, bool]:
    """Hit or miss per metadata field the gold record has; `article` may be None (a failure).

    A field missing from the gold record (a user's metadata.json may not annotate agencies) is
    left out rather than scored against an assumed None.
    """
    return {
        name: FIELD_MATCHERS[name](gold[name], getattr(article, name, None))
        for name in METADATA_FIELDS
        if name in gold
    }


def metadata_accuracy(hits: Iterable[Mapping[str, bool]]) -> dict[str, float | None]:
    """Per field, hits over documents scored for that field (None when none was)."""
    totals: Counter[str] = Counter()
    correct: Counter[str] = Counter()
    for doc_hits in hits:
        for name, hit in doc_hits.items():
            totals[name] += 1
            correct[name] += hit
    return {n: (correct[n] / totals[n] if totals[n] else None) for n in METADATA_FIELDS}


# --- dataset ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GoldDoc:
    id: str
    body: str
    url: str | None
    metadata: Mapping[str, Any] | None  # None: no metadata for this document


@dataclass(frozen=True, slots=True)
class Dataset:
    folder: Path
    docs: tuple[GoldDoc, ...]
    styles: tuple[str, ...]  # dump styles found under dumps/
    has_metadata: bool


class DatasetError(ValueError):
    """The folder is not a benchmark dataset, or the request does not fit it."""


def _read_json(path: Path) -> dict[str, Any]:
    try:
        with path.open(encoding="utf-8") as fh:
            data = json.load(fh)
    except json.JSONDecodeError as exc:
        raise DatasetError(f"{path}: not valid JSON ({exc})") from exc
    if not isinstance(data, dict):
        raise DatasetError(f"{path}: expected a JSON object keyed by document id")
    return data


def discover_styles(folder: Path) -> tuple[str, ...]:
    """Dump styles present under ``dumps/``: known ones in the usual order, then the rest."""
    dumps = folder / DUMPS_DIR
    if not dumps.is_dir():
        return ()
    found = {p.name for p in dumps.iterdir() if p.is_dir()}
    known = [s for s in STYLE_ORDER if s in found]
    return tuple(known + sorted(found - set(known)))


def load_dataset(folder: Path, limit: int | None = None) -> Dataset:
    """Read the gold data; documents sorted by id so `limit` picks the same ones every time."""
    folder = Path(folder)
    truth_path = folder / GROUND_TRUTH_FILE
    if not truth_path.is_file():
        raise DatasetError(f"{folder} has no {GROUND_TRUTH_FILE}: not a benchmark dataset")
    truth = _read_json(truth_path)
    meta_path = folder / METADATA_FILE
    metadata = _read_json(meta_path) if meta_path.is_file() else None
    ids = sorted(truth)
    if limit is not None:
        ids = ids[: max(0, limit)]
    docs = tuple(
        GoldDoc(
            id=doc_id,
            body=truth[doc_id].get(BODY_KEY) or "",
            url=truth[doc_id].get(URL_KEY) or None,
            metadata=metadata.get(doc_id) if metadata is not None else None,
        )
        for doc_id in ids
    )
    return Dataset(folder, docs, discover_styles(folder), metadata is not None)


def input_path(folder: Path, kind: str, style: str, doc_id: str) -> Path:
    """Where the input of one document lives for a style (``html`` for kind html)."""
    if kind == KIND_HTML:
        return folder / HTML_DIR / f"{doc_id}{HTML_SUFFIX}"
    return folder / DUMPS_DIR / style / f"{doc_id}{DUMP_SUFFIX}"


def read_input(path: Path, kind: str) -> bytes | None:
    """The raw bytes of an input (gunzipped for html), or None when the file is missing."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    return gzip.decompress(data) if kind == KIND_HTML else data


def decode(data: bytes) -> str:
    """Inputs are UTF-8; a stray bad byte must not stop a benchmark run."""
    return data.decode("utf-8", errors="replace")


# --- systems ----------------------------------------------------------------------------------


def resolve_cleaner(system: SystemFn | None) -> tuple[SystemFn | None, str | None]:
    """The system under test: `system` if given, else ``cleaner.clean`` imported now.

    Imported lazily so the benchmark module loads (and its tests run) while the pipeline is
    still being written; a missing ``clean`` makes the cleaner row "unavailable".
    """
    if system is not None:
        return system, None
    try:
        import cleaner

        return cleaner.clean, None
    except (ImportError, AttributeError) as exc:
        return None, f"cannot use cleaner.clean ({exc})".splitlines()[0]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one system produced for one document."""

    text: str
    article: Any  # the cleaner's Article (None for peers, failures and missing inputs)
    seconds: float
    error: str | None = None


def run_cleaner(fn: SystemFn, kind: str, data: bytes, url: str | None) -> Outcome:
    """Call the cleaner on one input: raw bytes for html (it decodes), str for dumps."""
    source: str | bytes = data if kind == KIND_HTML else decode(data)
    start = time.perf_counter()
    try:
        article = fn(source, url=url)
    except Exception as exc:  # a crash on one page is a data point, not the end of the run
        return Outcome("", None, time.perf_counter() - start, _describe(exc))
    seconds = time.perf_counter() - start
    return Outcome(getattr(article, "text", "") or "", article, seconds)


def run_peer(fn: baselines.PeerFn, data: bytes, url: str | None) -> Outcome:
    """Call a peer on one decoded input."""
    source = decode(data)
    start = time.perf_counter()
    try:
        text = fn(source, url)
    except Exception as exc:  # same policy as for the cleaner
        return Outcome("", None, time.perf_counter() - start, _describe(exc))
    return Outcome(text or "", None, time.perf_counter() - start)


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}".splitlines()[0]


# --- report -----------------------------------------------------------------------------------


@dataclass(slots=True)
class DocResult:
    """Per-document record, for ``--per-doc`` debugging."""

    system: str
    style: str
    id: str
    precision: float
    recall: float
    f1: float
    predicted: bool
    failed: bool
    missing: bool
    error: str | None = None
    metadata: dict[str, bool] | None = None


@dataclass(slots=True)
class Row:
    """One (system, style) result. `unavailable` holds the reason a system could not run."""

    system: str
    style: str
    n: int = 0
    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0
    docs_per_s: float | None = None
    seconds: float = 0.0
    failures: int = 0
    missing: int = 0
    metadata: dict[str, float | None] | None = None
    unavailable: str | None = None


@dataclass(slots=True)
class EvalReport:
    folder: str
    kind: str
    styles: list[str]
    systems: list[str]
    use_url: bool
    rows: list[Row] = field(default_factory=list)
    docs: list[DocResult] = field(default_factory=list)
    warmup_seconds: dict[str, float] = field(default_factory=dict)  # untimed first call

    def row(self, system: str, style: str) -> Row:
        """The row of one system on one style (KeyError if it was not measured)."""
        for row in self.rows:
            if row.system == system and row.style == style:
                return row
        raise KeyError((system, style))

    def to_dict(self, per_doc: bool = False) -> dict[str, Any]:
        """JSON-ready view; per-document records only on request (they are many)."""
        data: dict[str, Any] = {
            "folder": self.folder,
            "kind": self.kind,
            "styles": list(self.styles),
            "systems": list(self.systems),
            "use_url": self.use_url,
            "warmup_seconds": dict(self.warmup_seconds),
            "rows": [asdict(r) for r in self.rows],
        }
        if per_doc:
            data["docs"] = [asdict(d) for d in self.docs]
        return data


# --- runner -----------------------------------------------------------------------------------


def _select_styles(dataset: Dataset, kind: str, styles: Sequence[str] | None) -> list[str]:
    if kind == KIND_HTML:
        return [HTML_STYLE]
    if not styles:
        if not dataset.styles:
            raise DatasetError(f"{dataset.folder} has no {DUMPS_DIR}/<style>/ folders")
        return list(dataset.styles)
    unknown = [s for s in styles if s not in dataset.styles]
    if unknown:
        found = ", ".join(dataset.styles) or "none"
        raise DatasetError(f"unknown style(s) {', '.join(unknown)}; found: {found}")
    return list(styles)


def _select_peers(kind: str, compare: Sequence[str]) -> list[str]:
    names = baselines.peers_for_kind(kind) if COMPARE_ALL in compare else list(compare)
    unknown = [n for n in names if n not in baselines.PEERS]
    if unknown:
        raise DatasetError(
            f"unknown peer(s) {', '.join(unknown)}; known: {', '.join(baselines.PEERS)}"
        )
    return list(dict.fromkeys(names))  # de-duplicated, order kept


Runner = Callable[[bytes, str | None], Outcome]
"""One system bound to its call convention: ``runner(input_bytes, url) -> Outcome``."""


def _resolve_systems(
    kind: str, peers: Sequence[str], system: SystemFn | None
) -> list[tuple[str, Runner | None, str | None]]:
    """(name, runner or None, unavailable reason) for the cleaner, then each peer."""
    clean_fn, reason = resolve_cleaner(system)
    resolved: list[tuple[str, Runner | None, str | None]] = [
        (CLEANER, partial(run_cleaner, clean_fn, kind) if clean_fn else None, reason)
    ]
    for name in peers:
        peer_fn, reason = baselines.resolve_peer(name, kind)
        resolved.append((name, partial(run_peer, peer_fn) if peer_fn else None, reason))
    return resolved


class _Tally:
    """One system's running totals over one style: its row, per-document scores and results."""

    def __init__(self, name: str, style: str, n: int, score_meta: bool) -> None:
        self.row = Row(system=name, style=style, n=n)
        self.scores: list[DocScore] = []
        self.meta_hits: list[dict[str, bool]] = []
        self.results: list[DocResult] = []
        self.n_called = 0
        self.score_meta = score_meta

    def add(self, doc: GoldDoc, outcome: Outcome, gold: Counter[tuple[str, ...]], missing: bool) -> None:
        row = self.row
        if missing:
            row.missing += 1
        else:
            self.n_called += 1
            row.seconds += outcome.seconds
            row.failures += outcome.error is not None
        score = score_shingles(shingles(outcome.text), gold)
        self.scores.append(score)
        hits = None
        if self.score_meta and doc.metadata is not None:
            hits = score_metadata(doc.metadata, outcome.article)
            self.meta_hits.append(hits)
        self.results.append(
            DocResult(
                system=row.system,
                style=row.style,
                id=doc.id,
                precision=score.precision,
                recall=score.recall,
                f1=score.f1,
                predicted=score.predicted,
                failed=outcome.error is not None,
                missing=missing,
                error=outcome.error,
                metadata=hits,
            )
        )

    def close(self) -> Row:
        row = self.row
        totals = aggregate(self.scores)
        row.precision, row.recall, row.f1 = totals.precision, totals.recall, totals.f1
        row.docs_per_s = self.n_called / row.seconds if row.seconds > 0 else None
        if self.score_meta:
            row.metadata = metadata_accuracy(self.meta_hits)
        return row


def _measure(
    systems: Sequence[tuple[str, Runner]],
    style: str,
    inputs: Sequence[bytes | None],
    dataset: Dataset,
    gold_shingles: Sequence[Counter[tuple[str, ...]]],
    use_url: bool,
) -> list[_Tally]:
    """Run every system over one style's inputs and score them.

    The systems take turns on each document (the order rotating from one document to the
    next), so a slow spell of a shared machine slows them all alike and docs/s compare within
    the run; each output is scored at once, so no system's outputs pile up in memory.
    """
    tallies = [_Tally(name, style, len(dataset.docs), name == CLEANER and dataset.has_metadata) for name, _ in systems]
    for position, (doc, data, gold) in enumerate(zip(dataset.docs, inputs, gold_shingles)):
        shift = position % len(systems)
        for index in [*range(shift, len(systems)), *range(shift)]:
            _, runner = systems[index]
            if data is None:
                tallies[index].add(doc, Outcome("", None, 0.0), gold, missing=True)
            else:
                tallies[index].add(doc, runner(data, doc.url if use_url else None), gold, missing=False)
    return tallies


def _warm_up(
    systems: Sequence[tuple[str, Runner | None, str | None]],
    inputs: Sequence[bytes | None],
    dataset: Dataset,
    use_url: bool,
    preload: bool = False,
) -> dict[str, float]:
    """Run each available system once on the first present input; return those (untimed) costs.
    With `preload` (the real cleaner is measured), also load its models as the batch CLI does."""
    first = next(((doc, data) for doc, data in zip(dataset.docs, inputs) if data is not None), None)
    if first is None:
        return {}
    doc, data = first
    url = doc.url if use_url else None
    costs = {name: runner(data, url).seconds for name, runner, _ in systems if runner is not None}
    if preload and costs.get(CLEANER) is not None:
        # The cleaner loads its language models on first need (a CJK page, a close stop-word
        # vote), which one warm-up document may not meet: load them here, as the batch CLI does
        # before timing anything, so docs/s is throughput and not a one-time load.
        start = time.perf_counter()
        batch.warm_up()
        costs[CLEANER] += time.perf_counter() - start
    return costs


def run_eval(
    folder: Path,
    *,
    kind: str = KIND_TEXT,
    styles: list[str] | None = None,
    compare: Sequence[str] = (),
    limit: int | None = None,
    use_url: bool = True,
    system: SystemFn | None = None,
    warm_up: bool = True,
) -> EvalReport:
    """Score the cleaner (or `system`, a stand-in with the same call shape) and the peers.

    Every system sees the same inputs, read once per style, in a single process; only the
    extraction calls are timed. With `warm_up`, each system first handles one input untimed
    (its time goes to ``report.warmup_seconds``), so docs/s measures throughput rather than
    one-off lazy imports and model loads, which would swamp a small `limit`. Raises DatasetError
    when `folder` is no dataset or a requested style or peer does not exist.
    """
    if kind not in baselines.KINDS:
        raise DatasetError(f"unknown kind {kind!r}; expected one of {', '.join(baselines.KINDS)}")
    dataset = load_dataset(Path(folder), limit)
    selected_styles = _select_styles(dataset, kind, styles)
    systems = _resolve_systems(kind, _select_peers(kind, compare), system)
    report = EvalReport(
        str(folder), kind, selected_styles, [name for name, _, _ in systems], use_url
    )
    gold_shingles = [shingles(doc.body) for doc in dataset.docs]
    for position, style in enumerate(selected_styles):
        inputs = [
            read_input(input_path(dataset.folder, kind, style, doc.id), kind)
            for doc in dataset.docs
        ]
        if warm_up and position == 0:
            report.warmup_seconds = _warm_up(systems, inputs, dataset, use_url, preload=system is None)
        runnable = [(name, runner) for name, runner, _ in systems if runner is not None]
        tallies = iter(_measure(runnable, style, inputs, dataset, gold_shingles, use_url))
        for name, runner, reason in systems:
            if runner is None:
                report.rows.append(Row(name, style, n=len(dataset.docs), unavailable=reason))
                continue
            tally = next(tallies)
            report.rows.append(tally.close())
            report.docs.extend(tally.results)
    return report


# --- formatting -------------------------------------------------------------------------------

SYSTEM_WIDTH = 18
NUMBER_WIDTH = 7
SPEED_WIDTH = 11  # a no-op peer runs at millions of docs/s


def _fmt_speed(value: float | None) -> str:
    return f"{value:.1f}" if value is not None else "-"


def _fmt_share(value: float | None) -> str:
    return f"{value:.3f}" if value is not None else "-"


def _style_block(report: EvalReport, style: str) -> list[str]:
    rows = [r for r in report.rows if r.style == style]
    n = rows[0].n if rows else 0
    header = (
        f"{'system':<{SYSTEM_WIDTH}}{'P':>{NUMBER_WIDTH}}{'R':>{NUMBER_WIDTH}}"
        f"{'F1':>{NUMBER_WIDTH}}{'docs/s':>{SPEED_WIDTH}}{'failures':>10}{'missing':>9}"
    )
    lines = [f"style {style} ({n} docs)", header, "-" * len(header)]
    for r in rows:
        if r.unavailable:
            lines.append(f"{r.system:<{SYSTEM_WIDTH}}unavailable: {r.unavailable}")
            continue
        lines.append(
            f"{r.system:<{SYSTEM_WIDTH}}{r.precision:>{NUMBER_WIDTH}.3f}"
            f"{r.recall:>{NUMBER_WIDTH}.3f}{r.f1:>{NUMBER_WIDTH}.3f}"
            f"{_fmt_speed(r.docs_per_s):>{SPEED_WIDTH}}{r.failures:>10}{r.missing:>9}"
        )
    return lines


def _metadata_block(report: EvalReport) -> list[str]:
    rows = [r for r in report.rows if r.system == CLEANER and r.metadata is not None]
    if not rows:
        return []
    widths = [max(len(h), NUMBER_WIDTH) + 2 for h in METADATA_FIELDS]
    header = f"{'style':<{SYSTEM_WIDTH}}" + "".join(
        f"{h:>{w}}" for h, w in zip(METADATA_FIELDS, widths)
    )
    lines = ["metadata accuracy (cleaner)", header, "-" * len(header)]
    for r in rows:
        assert r.metadata is not None
        cells = "".join(
            f"{_fmt_share(r.metadata.get(h)):>{w}}" for h, w in zip(METADATA_FIELDS, widths)
        )
        lines.append(f"{r.style:<{SYSTEM_WIDTH}}{cells}")
    return lines


def format_report(report: EvalReport) -> str:
    """Fixed-width tables: a block per style (cleaner first, then peers), then metadata."""
    url_note = "urls passed" if report.use_url else "urls withheld"
    lines = [f"benchmark {report.folder} (kind {report.kind}, {url_note})"]
    if report.warmup_seconds:
        costs = ", ".join(f"{name} {sec:.2f}s" for name, sec in report.warmup_seconds.items())
        lines.append(f"warm-up call per system, not timed: {costs}")
    lines.append("")
    for style in report.styles:
        lines.extend(_style_block(report, style))
        lines.append("")
    lines.extend(_metadata_block(report))
    return "\n".join(lines).rstrip() + "\n"


# --- command line -----------------------------------------------------------------------------


def _comma_list(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


def add_eval_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register ``eval`` on the main CLI's subparsers (``args.func`` is set to run it)."""
    peers = ", ".join(baselines.PEERS)
    parser = subparsers.add_parser(
        "eval",
        help="score the cleaner (and peers) on a gold dataset",
        description=(
            "Score the cleaner against FOLDER/ground-truth.json (4-token shingle P/R/F1) and "
            "FOLDER/metadata.json (per-field accuracy), optionally with peers in the same run."
        ),
    )
    parser.add_argument("folder", type=Path, metavar="FOLDER", help="dataset folder")
    parser.add_argument(
        "--kind", choices=baselines.KINDS, default=KIND_TEXT,
        help="score plain-text dumps (dumps/<style>/) or pages (html/); default text",
    )
    parser.add_argument(
        "--styles", type=_comma_list, default=None,
        help="comma-separated dump styles (default: every folder under dumps/)",
    )
    parser.add_argument(
        "--compare", type=_comma_list, default=[],
        help=f"comma-separated peers to measure too, or 'all' ({peers})",
    )
    parser.add_argument("--limit", type=int, default=None, help="score the first N documents")
    parser.add_argument(
        "--no-url", dest="use_url", action="store_false",
        help="do not pass the page url to the systems",
    )
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument(
        "--per-doc", type=Path, default=None, metavar="FILE",
        help="write per-document P/R/F1 and metadata hits as JSONL to FILE",
    )
    parser.set_defaults(func=run_eval_command)
    return parser


def write_per_doc(report: EvalReport, path: Path) -> None:
    """One JSON object per (system, style, document), for finding the pages that lose points."""
    with path.open("w", encoding="utf-8") as fh:
        for doc in report.docs:
            fh.write(json.dumps(asdict(doc), ensure_ascii=False) + "\n")


def run_eval_command(args: argparse.Namespace, system: SystemFn | None = None) -> int:
    """Run ``cleaner eval``: print the table (or JSON); 2 when FOLDER is not a dataset."""
    try:
        report = run_eval(
            args.folder,
            kind=args.kind,
            styles=args.styles,
            compare=args.compare,
            limit=args.limit,
            use_url=args.use_url,
            system=system,
        )
    except DatasetError as exc:
        print(f"cleaner eval: error: {exc}", file=sys.stderr)
        return 2
    if args.per_doc is not None:
        write_per_doc(report, args.per_doc)
    if args.json:
        print(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    else:
        print(format_report(report), end="")
    return 0
