"""Peer systems measured in the same benchmark run as the cleaner.

A number for the cleaner means little alone: the speed depends on the machine and the quality on
the corpus. So every run can measure well-known peers side by side, on the same inputs, in the
same process. Each peer is a function ``(text_or_html: str, url: str | None) -> str`` that returns
the article text it extracted ("" for nothing).

Peers and what they stand for:

* ``raw`` — the dump itself: the floor any cleaner must beat (dumps only).
* ``c4`` — the C4 line heuristics (dumps only), see :func:`c4`.
* ``justext`` — jusText with the English stoplist (dumps wrapped in ``<p>``, or the page HTML).
* ``trafilatura`` — trafilatura's extractor (dumps wrapped in ``<p>``, or the page HTML).
* ``trafilatura-fast`` — trafilatura with ``fast=True`` (page HTML only).
* ``readability`` — readability-lxml, when it is importable (page HTML only).

Third-party peers are imported lazily, inside the call, so a missing library makes that peer
"unavailable" in the report (see :func:`resolve_peer`) instead of breaking the whole benchmark.
"""

from __future__ import annotations

import html as html_lib
import importlib
import re
from dataclasses import dataclass
from types import MappingProxyType
from typing import Callable, Mapping

PeerFn = Callable[[str, str | None], str]
"""A peer: ``fn(text_or_html, url) -> article text`` ("" when it finds none)."""

TEXT = "text"
HTML = "html"
KINDS = (TEXT, HTML)

# --- C4 -------------------------------------------------------------------------------------

C4_MIN_WORDS_PER_LINE = 3
"""Raffel et al. 2020 keep lines of at least 3 words (the TFDS code defaults to 5)."""
C4_MIN_SENTENCES = 3
"""Pages with fewer sentences left are dropped (TFDS default; the paper says 5)."""
C4_MAX_WORD_LENGTH = 1000
"""Lines holding a 'word' longer than this are dropped (minified code, base64 blobs)."""
C4_END_MARKS = (".", "?", "!", '"', "”", "’")
"""C4's terminal marks (. ? ! ") plus the typographic closing quotes ” and ’ that a typeset page
uses where a plain-text one has ". With exactly these, the peer reproduces the reference C4 F1
of the benchmark issue on aeb-dev to three decimals."""
C4_ELLIPSIS = "..."
"""A line ending in an ellipsis is a teaser ("Read more..."), not a finished sentence."""
C4_POLICY_PHRASES = (
    "terms of use",
    "privacy policy",
    "cookie policy",
    "uses cookies",
    "use of cookies",
    "use cookies",
)
C4_CITATION = re.compile(r"\[\d*\]|\[edit\]|\[citation needed\]")
# nltk's punkt (what C4 counts sentences with) is not a dependency: a run of terminal marks,
# optionally closed by quotes/brackets, followed by a space or the end of the line, ends a sentence.
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’»)\]]*(?=\s|$)")


def c4(text: str, url: str | None = None) -> str:
    """Clean a plain-text page with the C4 line rules (Raffel et al. 2020, TFDS ``clean_page``).

    Implemented, line by line (each line stripped first):

    1. drop a line holding a word longer than ``C4_MAX_WORD_LENGTH`` characters;
    2. delete Wikipedia citation markers (``[1]``, ``[edit]``, ``[citation needed]``);
    3. keep only lines ending in a terminal mark (``. ? ! "`` and the typographic closing quotes
       ``” ’``), but not in an ellipsis (``...``; ``…`` is no terminal mark anyway);
    4. drop lines of fewer than ``C4_MIN_WORDS_PER_LINE`` (3) whitespace-separated words;
    5. drop lines containing "lorem ipsum" (C4 drops the whole page: here only the line);
    6. drop lines containing "javascript" (the "enable JavaScript" notices);
    7. drop lines containing "{" (C4 drops the whole page as probable code: here only the line,
       since a scraped dump often carries one stray inline script next to a good article);
    8. drop lines containing a policy phrase ("terms of use", "privacy policy", "cookie policy",
       "uses cookies", "use of cookies", "use cookies").

    Page level: if the kept lines hold fewer than ``C4_MIN_SENTENCES`` (3) sentences, return "".
    Sentences are counted with a regex (a run of ``. ! ?`` before a space or the line end) instead
    of nltk's punkt, which is not a dependency.

    Not implemented, since they judge pages for a training corpus rather than extract an article:
    the bad-words page filter, the langdetect language filter, and the corpus-wide de-duplication
    of three-sentence spans. `url` is accepted for the common peer signature and ignored.

    Kept lines are joined by "\\n", as in C4.
    """
    kept: list[str] = []
    for raw_line in text.splitlines():
        line = _c4_line(raw_line)
        if line is not None:
            kept.append(line)
    n_sentences = sum(_count_sentences(line) for line in kept)
    if n_sentences < C4_MIN_SENTENCES:
        return ""
    return "\n".join(kept)


def _c4_line(raw_line: str) -> str | None:
    """The line as C4 keeps it, or None when a C4 line rule drops it."""
    line = raw_line.strip()
    if any(len(word) > C4_MAX_WORD_LENGTH for word in line.split()):
        return None
    line = C4_CITATION.sub("", line)
    if not line.endswith(C4_END_MARKS) or line.endswith(C4_ELLIPSIS):
        return None
    if len(line.split()) < C4_MIN_WORDS_PER_LINE:
        return None
    lower = line.lower()
    if "lorem ipsum" in lower or "javascript" in lower or "{" in line:
        return None
    if any(phrase in lower for phrase in C4_POLICY_PHRASES):
        return None
    return line


def _count_sentences(line: str) -> int:
    """Sentences in a kept line; at least 1, since every kept line ends with a terminal mark."""
    return max(1, len(_SENTENCE_END.findall(line)))


# --- raw --------------------------------------------------------------------------------------


def raw(text: str, url: str | None = None) -> str:
    """The dump unchanged: what a pipeline that does no cleaning at all would score."""
    return text


# --- dumps as HTML ----------------------------------------------------------------------------


def dump_to_html(text: str) -> str:
    """Wrap each non-empty line of a dump in ``<p>`` so HTML extractors can judge it.

    HTML extractors need elements to score; one paragraph per line is the neutral choice (it
    invents no structure the dump does not have) and is how such tools are usually fed text.
    """
    paragraphs = (
        f"<p>{html_lib.escape(line.strip(), quote=False)}</p>"
        for line in text.splitlines()
        if line.strip()
    )
    return "<html><body>" + "".join(paragraphs) + "</body></html>"


# --- trafilatura ------------------------------------------------------------------------------


def trafilatura_text(text: str, url: str | None = None) -> str:
    """trafilatura on a dump wrapped in ``<p>`` (comments off: the gold has none)."""
    import trafilatura

    result = trafilatura.extract(dump_to_html(text), url=url, include_comments=False)
    return result or ""


def trafilatura_html(page: str, url: str | None = None) -> str:
    """trafilatura on the page HTML with its default settings."""
    import trafilatura

    return trafilatura.extract(page, url=url) or ""


def trafilatura_fast_html(page: str, url: str | None = None) -> str:
    """trafilatura on the page HTML with ``fast=True`` (no fallback extractors)."""
    import trafilatura

    return trafilatura.extract(page, url=url, fast=True) or ""


# --- jusText ----------------------------------------------------------------------------------

JUSTEXT_STOPLIST = "English"
PARAGRAPH_SEPARATOR = "\n\n"


def _justext(page: str) -> str:
    """Paragraphs jusText does not classify as boilerplate, joined by a blank line.

    The page is handed over as UTF-8 bytes with the encoding named, because lxml refuses a str
    that still carries an XML encoding declaration, which saved pages often do.
    """
    import justext

    stoplist = justext.get_stoplist(JUSTEXT_STOPLIST)
    paragraphs = justext.justext(page.encode("utf-8"), stoplist, encoding="utf-8")
    return PARAGRAPH_SEPARATOR.join(p.text for p in paragraphs if not p.is_boilerplate)


def justext_text(text: str, url: str | None = None) -> str:
    """jusText on a dump wrapped in ``<p>``."""
    return _justext(dump_to_html(text))


def justext_html(page: str, url: str | None = None) -> str:
    """jusText on the page HTML."""
    return _justext(page)


# --- readability ------------------------------------------------------------------------------


def readability_html(page: str, url: str | None = None) -> str:
    """readability-lxml's main content, reduced to its text (paragraphs on separate lines)."""
    import lxml.html
    from readability import Document

    summary = Document(page, url=url).summary(html_partial=True)
    root = lxml.html.fromstring(summary)
    blocks = (el.text_content().strip() for el in root.iter("p", "h1", "h2", "h3", "li", "pre"))
    text = PARAGRAPH_SEPARATOR.join(b for b in blocks if b)
    return text or root.text_content().strip()


# --- registry ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Peer:
    """One peer: its function for each input kind it supports and the module it needs."""

    name: str
    text: PeerFn | None = None
    html: PeerFn | None = None
    module: str | None = None  # third-party module that must import for the peer to run

    def for_kind(self, kind: str) -> PeerFn | None:
        return self.text if kind == TEXT else self.html


PEERS: Mapping[str, Peer] = MappingProxyType(
    {
        "raw": Peer("raw", text=raw),
        "c4": Peer("c4", text=c4),
        "justext": Peer("justext", text=justext_text, html=justext_html, module="justext"),
        "trafilatura": Peer(
            "trafilatura", text=trafilatura_text, html=trafilatura_html, module="trafilatura"
        ),
        "trafilatura-fast": Peer(
            "trafilatura-fast", html=trafilatura_fast_html, module="trafilatura"
        ),
        "readability": Peer("readability", html=readability_html, module="readability"),
    }
)


def peers_for_kind(kind: str) -> list[str]:
    """Names of the peers that can run on inputs of `kind`, in registry order."""
    return [name for name, peer in PEERS.items() if peer.for_kind(kind) is not None]


def resolve_peer(name: str, kind: str) -> tuple[PeerFn | None, str | None]:
    """``(function, None)`` when the peer can run on `kind`, else ``(None, reason)``.

    Raises KeyError for a name that is no peer at all (a typo the caller must report), but only
    returns a reason for a peer that exists and cannot run here, so the report can say so.
    """
    peer = PEERS[name]
    fn = peer.for_kind(kind)
    if fn is None:
        return None, f"does not run on {kind} inputs"
    if peer.module is not None:
        try:
            importlib.import_module(peer.module)
        except ImportError as exc:  # missing, or a broken dependency of it
            return None, f"`import {peer.module}` failed: {exc}".splitlines()[0]
    return fn, None
