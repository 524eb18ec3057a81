"""Finding the reference list in an article and splitting it into single entries.

The list is found by its heading (``References``, ``Bibliographie`` …) or, failing that, as the last
run of paragraphs that look like references. Entries are split at blank lines, at numbering
(``[12]``, ``12.``), at list bullets, and at a line that starts a new entry (a capitalised surname
followed by a comma); a line with a hanging indent continues the entry above it.
"""

from __future__ import annotations

import re

from citeledger.article.dates import find_year
from citeledger.article.lines import Line, group_paragraphs, paragraph_text

HEADINGS = frozenset(
    {
        "references", "reference list", "bibliography", "bibliographie", "bibliografia", "bibliografía",
        "works cited", "literature", "literatur", "literaturverzeichnis", "références", "références bibliographiques",
        "sources", "sources and bibliography", "cited works", "further reading", "notes and references",
    }
)  # fmt: skip
_NUMBERING = re.compile(r"(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,4}[.)])\s")
_BULLET = re.compile(r"[-*+•]\s+")
_SURNAME_COMMA = re.compile(r"[A-ZÀ-Þ][\w'’\-]*(?: [a-zà-þ]{1,3})?(?: [A-ZÀ-Þ][\w'’\-]*)?,")
_MAX_REFERENCE = 1500


def heading_text(content: str) -> str:
    """A line as a heading: Markdown ``#`` marks, emphasis and a trailing colon removed, lower-cased."""
    return content.lstrip("#").strip().strip("*_").rstrip(":").strip().lower()


def is_reference_heading(line: Line) -> bool:
    return len(line.content) < 60 and heading_text(line.content) in HEADINGS


def _caps_word(content: str) -> bool:
    word = re.split(r"[\s,]", content, maxsplit=1)[0].strip(".'’")
    letters = [char for char in word if char.isalpha()]
    uppercase = sum(char.isupper() for char in letters)
    return len(letters) >= 2 and uppercase >= len(letters) - 1 and letters[0].isupper() and letters[-1].isupper()


def entry_start_strength(content: str) -> int:
    """2 when a line surely opens a reference (numbering, a bullet, an ALL-CAPS surname), 1 when it
    may (``Surname,``), 0 when it does not."""
    if _NUMBERING.match(content) or _BULLET.match(content) or _caps_word(content):
        return 2
    return 1 if _SURNAME_COMMA.match(content) else 0


def starts_entry(content: str) -> bool:
    return entry_start_strength(content) > 0


def _opens_new_entry(current: list[Line], line: Line) -> bool:
    strength = entry_start_strength(line.content)
    if strength == 2:
        return True  # even after a trailing comma: the comma ended a damaged entry, not a line
    # A wrapped line may start with "Press, 2001": split only after a line that looks finished.
    previous = current[-1].content
    dated = find_year(" ".join(part.content for part in current)) is not None
    return strength == 1 and previous[-1:] in ".;)" and dated


def looks_like_reference(text: str) -> bool:
    """A paragraph that could be one reference (or several lines of them): short, dated, opened by a
    name or a number."""
    if not 15 <= len(text) <= _MAX_REFERENCE * 4:
        return False
    first_line = text.split("\n", 1)[0]
    return find_year(text) is not None and (starts_entry(first_line) or "n.d." in text)


def find_reference_lines(lines: list[Line], stop: int) -> tuple[int, int, bool] | None:
    """Takes all lines and the index where the trailing blocks (cite-this …) begin; returns
    ``(first, end, headed)`` line indices of the reference list, or None when there is none."""
    for index in range(stop - 1, -1, -1):
        if is_reference_heading(lines[index]):
            first = index + 1
            while first < stop and lines[first].blank:
                first += 1
            # A later Markdown heading ("## Notes", "## About the author") closes the list.
            end = next((i for i in range(first, stop) if lines[i].content.startswith("#")), stop)
            while end > first and lines[end - 1].blank:
                end -= 1
            return (first, end, True) if first < end else None
    return _unheaded_run(lines, stop)


def _unheaded_run(lines: list[Line], stop: int) -> tuple[int, int, bool] | None:
    paragraphs = group_paragraphs(lines[:stop])
    run: list[list[Line]] = []
    for paragraph in reversed(paragraphs):
        text = "\n".join(line.content for line in paragraph)
        if len(paragraph_text(paragraph)) > _MAX_REFERENCE and len(paragraph) == 1:
            break
        if not looks_like_reference(text):
            if run:
                break
            continue  # trailing navigation or a signature below the list
        run.insert(0, paragraph)
    entries = sum(sum(starts_entry(line.content) for line in paragraph) or 1 for paragraph in run)
    if entries < 2:
        return None
    first, last = lines.index(run[0][0]), lines.index(run[-1][-1])
    return first, last + 1, False


def split_entries(lines: list[Line]) -> list[list[Line]]:
    """Takes the lines of a reference list; returns one list of lines per entry."""
    entries: list[list[Line]] = []
    current: list[Line] = []
    base_indent: int | None = None
    for line in lines:
        if line.blank:
            if current:
                entries.append(current)
            current = []
            continue
        if base_indent is None:
            base_indent = line.indent
        hanging = line.indent > base_indent
        if current and not hanging and _opens_new_entry(current, line):
            entries.append(current)
            current = []
        current.append(line)
    if current:
        entries.append(current)
    return [entry for entry in entries if not is_reference_heading(entry[0])]


def strip_bullet(line: Line) -> int:
    """How many characters of a list bullet (``- ``, ``* ``) open the line (kept out of the span)."""
    match = _BULLET.match(line.content)
    return match.end() if match else 0
