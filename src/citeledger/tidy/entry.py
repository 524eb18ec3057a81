"""An entry as tidy sees it: type, key and raw fields, read back from a block's text and written out again.

``read_entry`` only accepts a block whose raw text is exactly a header, the fields the parser found
and separators; anything else inside it (``%`` comment lines, stray text, a field the splitter
skipped) makes it return None, and tidy then leaves the block byte for byte as it is. So a rewritten
entry can never lose text the parser did not see.

``format_raw_entry`` is the layout tidy writes: the one ``io.bibtex.format_entry`` writes, except that
values are written as raw values (``{x}``, ``"x" # jan``, ``2000``) instead of being wrapped in braces,
which keeps @string references, numbers and concatenations what they were.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from citeledger.io.bibtex import BibBlock
from citeledger.tidy.values import braced_pattern

# The grammar of an entry BibTeX itself accepts, as one regex run in C. Possessive quantifiers keep it
# linear on input that does not match. Names are BibTeX identifiers: bibtexparser is laxer (it reads
# `%  AUTHOR` in a commented-out entry as a field name), and such an entry must not be rewritten.
_NAME = r"[^\s\"#%'(),={}0-9][^\s\"#%'(),={}]*+"
_BRACED = braced_pattern(8)
_PIECE = rf"(?>{_BRACED}|\"(?:[^\"{{}}]++|{_BRACED})*+\"|\d++|{_NAME})"
_VALUE = rf"{_PIECE}(?:\s*+#\s*+{_PIECE})*+"
_ENTRY = re.compile(rf"@\s*+([^\s{{(]++)\s*+[{{(]\s*+([^\s,{{}}()]*+)(?:\s*+,\s*+{_NAME}\s*+=\s*+{_VALUE})*+"
                    r"\s*+,?\s*+[})]\s*+\Z")
_FIELDS = re.compile(rf"\s*+,\s*+({_NAME})\s*+=\s*+({_VALUE})")
_READABLE_VALUE = re.compile(rf"{_VALUE}\Z")


@dataclass(frozen=True)
class Entry:
    """``fields`` are (name as written, raw value) pairs in source order; duplicates are kept."""

    entry_type: str
    key: str
    fields: tuple[tuple[str, str], ...]


def read_entry(block: BibBlock) -> Entry | None:
    """The entry in ``block`` when its raw text is exactly a header, the fields the parser found and
    separators, in BibTeX's grammar; None otherwise (the caller then keeps the block as it is)."""
    raw = block.raw
    match = _ENTRY.match(raw)
    if not match or match.group(2) != block.key:
        return None
    fields = tuple((f.name, f.value) for f in block.fields)
    if tuple(_FIELDS.findall(raw, match.end(2))) != fields:
        return None
    return Entry(match.group(1), block.key, fields)


def readable(value: str) -> bool:
    """True when a raw value is pieces (``{…}``, ``"…"``, number, macro name) joined by ``#``."""
    return _READABLE_VALUE.match(value) is not None


def format_raw_entry(entry: Entry, newline: str = "\n", indent: str = "  ") -> str:
    """``@type{key,`` then ``<indent>name = value,`` per field and ``}``, joined with ``newline``."""
    lines = [f"@{entry.entry_type}{{{entry.key},"]
    lines += [f"{indent}{name} = {value}," for name, value in entry.fields]
    lines.append("}")
    return newline.join(lines)


def newline_of(text: str, default: str = "\n") -> str:
    """The line break ``text`` uses first (CRLF, LF or CR), or ``default`` when it has none."""
    index = text.find("\n")
    if index > 0 and text[index - 1] == "\r":
        return "\r\n"
    if index >= 0:
        return "\n"
    return "\r" if "\r" in text else default
