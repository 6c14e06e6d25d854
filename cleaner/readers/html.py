"""HTML page -> text in the shape of a BeautifulSoup dump, so the text rules apply unchanged.

This is the simple bridge that lets `clean()` accept a page today: scripts, styles and templates
are dropped and every text node becomes a line (what `get_text("\\n")` does). Main-content
extraction with DOM signals is a separate step built on top (issue #3).
"""

from __future__ import annotations

from bs4 import BeautifulSoup

_INVISIBLE = ("script", "style", "noscript", "template", "svg", "iframe", "head")


def html_to_text(html: str) -> tuple[str, str | None]:
    """(text, page title) of an HTML page; never raises on malformed markup."""
    soup = BeautifulSoup(html, "lxml")
    title = soup.title.get_text(" ", strip=True) if soup.title else None
    for tag in soup(_INVISIBLE):
        tag.decompose()
    text = soup.get_text("\n")
    lines = (line.strip() for line in text.splitlines())
    body = "\n".join(line for line in lines if line)
    return (f"{title}\n{body}" if title else body), title
