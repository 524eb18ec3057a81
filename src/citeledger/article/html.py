"""HTML → the article's text, with the stdlib parser: blocks become paragraphs, headings keep ``#``
marks and list items a ``- `` bullet, so the Markdown reader takes over. Scripts, styles and other
non-content elements are skipped. Character references are resolved by the parser from its own
table; nothing is ever fetched (no DTDs, no external entities).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_SKIPPED = frozenset({"script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object"})
_BLOCKS = frozenset(
    {"p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "blockquote", "pre",
     "table", "tr", "ul", "ol", "dl", "dd", "dt", "figure", "figcaption", "address", "hr", "body", "html"}
)  # fmt: skip
_HEADINGS = {f"h{level}": level for level in range(1, 7)}
_SPACES = re.compile(r"[ \t\r\n\f\v]+")
_MANY_BREAKS = re.compile(r"\n{3,}")


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def _newline(self, count: int) -> None:
        self.parts.append("\n" * count)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
        elif self.skipping:
            return
        elif tag in _HEADINGS:
            self._newline(2)
            self.parts.append("#" * _HEADINGS[tag] + " ")
        elif tag == "li":
            self._newline(2)
            self.parts.append("- ")
        elif tag == "br":
            self._newline(1)
        elif tag in _BLOCKS:
            self._newline(2)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.skipping and tag in ("br", "hr"):
            self._newline(1 if tag == "br" else 2)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif not self.skipping and (tag in _HEADINGS or tag in _BLOCKS or tag == "li"):
            self._newline(2)

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(_SPACES.sub(" ", data))


def _tidy(raw: str) -> str:
    lines = [line.strip() for line in raw.split("\n")]
    return _MANY_BREAKS.sub("\n\n", "\n".join(lines)).strip() + "\n"


def html_to_text(html: str) -> str:
    """Takes an HTML document; returns its visible text, Markdown-shaped (headings, bullets,
    paragraphs separated by blank lines). Never raises on malformed HTML."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    return _tidy("".join(collector.parts))


def looks_like_html(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head)
