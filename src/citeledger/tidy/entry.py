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
from citeledger.tidy.values import pieces_of

_HEADER = re.compile(r"@\s*([^\s{(]+)\s*([{(])\s*")
_SEPARATOR = re.compile(r"\s*,\s*")
_EQUALS = re.compile(r"\s*=\s*")
_CLOSING = re.compile(r"\s*(?:,\s*)?[})]\s*\Z")
# What BibTeX accepts as a field name or macro name; bibtexparser is laxer (it reads `%  AUTHOR` in
# a commented-out entry as a field name), and such an entry must not be rewritten.
_IDENTIFIER = re.compile(r"[^\s\"#%'(),={}0-9][^\s\"#%'(),={}]*\Z")


@dataclass(frozen=True)
class Entry:
    """``fields`` are (name as written, raw value) pairs in source order; duplicates are kept."""

    entry_type: str
    key: str
    fields: tuple[tuple[str, str], ...]


def read_entry(block: BibBlock) -> Entry | None:
    """The entry in ``block`` when its raw text holds nothing but header, fields and separators."""
    raw = block.raw
    header = _HEADER.match(raw)
    if not header or not raw.startswith(block.key, header.end()):
        return None
    position = header.end() + len(block.key)
    for raw_field in block.fields:
        separator = _SEPARATOR.match(raw, position)
        if not separator:
            return None
        position = separator.end()
        if not raw.startswith(raw_field.name, position) or not _IDENTIFIER.match(raw_field.name):
            return None
        equals = _EQUALS.match(raw, position + len(raw_field.name))
        if not equals or not raw.startswith(raw_field.value, equals.end()) or not readable(raw_field.value):
            return None
        position = equals.end() + len(raw_field.value)
    if not _CLOSING.match(raw, position):
        return None
    return Entry(header.group(1), block.key, tuple((f.name, f.value) for f in block.fields))


def readable(value: str) -> bool:
    """True when every piece of a raw value is a braced or quoted text, a number or a macro name."""
    pieces = pieces_of(value)
    return bool(pieces) and all(
        kind != "literal" and (kind != "macro" or _IDENTIFIER.match(text)) for kind, text in pieces
    )


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
