"""BibTeX files as spans of source text: the only module that imports bibtexparser.

Reading is lossless by construction. bibtexparser's splitter finds the blocks; we locate each block's
raw text in the source, in order, so a ``BibFile`` is the source cut into blocks and the gaps between
them. ``render_bibtex`` writes untouched blocks and gaps byte for byte and only the blocks a caller
replaced are serialized (with ``format_entry``, our small writer). Values are decoded -- @string macros
resolved, ``#`` concatenations joined, LaTeX turned into Unicode, names split -- only on demand, on the
copy used for display, formatting and export (``field_values``, ``split_names``).

Diagnostics: CL201 for failed blocks, CL202 for duplicate keys, CL206 for undefined macros,
CL207 for duplicate fields.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from bibtexparser import model as bibmodel
from bibtexparser.middlewares.names import InvalidNameError, parse_single_name_into_parts
from bibtexparser.middlewares.names import split_multiple_persons_names as _split_persons
from bibtexparser.splitter import Splitter

from citeledger.diagnostics import Diagnostic
from citeledger.io.textfile import DecodedText, encode_text, read_text
from citeledger.performance import gc_paused
from citeledger.positions import LineIndex

# bibtexparser logs every failed block at WARNING; we report them as CL201 diagnostics instead.
logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)

MONTH_MACROS = {
    m: str(i)
    for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)
}


@dataclass(frozen=True)
class RawField:
    """A field as written: ``name`` in its source case, ``value`` the raw value text (``{A {B}}``,
    ``"x" # jan``), ``line`` the 1-based line where the field starts."""

    name: str
    value: str
    line: int


@dataclass(frozen=True)
class BibBlock:
    """One top-level block: ``kind`` is ``entry``, ``string``, ``preamble``, ``comment`` or ``failed``.

    ``start``/``end`` are character offsets in ``BibFile.text``; ``text[start:end] == raw``.
    For entries ``entry_type`` keeps the source case (``Article``).
    """

    kind: str
    raw: str
    start: int
    end: int
    line: int
    col: int
    entry_type: str = ""
    key: str = ""
    fields: tuple[RawField, ...] = ()
    error: str = ""

    def field_names(self) -> list[str]:
        return [f.name.lower() for f in self.fields]


@dataclass
class BibFile:
    """A .bib file cut into blocks; the text between blocks (comments, blank lines) is kept as is."""

    source: str
    text: str
    blocks: list[BibBlock]
    decoded: DecodedText | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def entries(self) -> list[BibBlock]:
        return [b for b in self.blocks if b.kind == "entry"]

    @property
    def failed(self) -> list[BibBlock]:
        return [b for b in self.blocks if b.kind == "failed"]


_KIND = {
    bibmodel.Entry: "entry",
    bibmodel.String: "string",
    bibmodel.Preamble: "preamble",
    bibmodel.ExplicitComment: "comment",
    bibmodel.ParsingFailedBlock: "failed",
}


def _unwrap(block: bibmodel.Block) -> bibmodel.Block:
    """The block itself, out of bibtexparser's error wrappers for duplicate keys and duplicate fields:
    we keep such blocks and report them ourselves (CL202, CL207)."""
    wrappers = (bibmodel.DuplicateBlockKeyBlock, bibmodel.DuplicateFieldKeyBlock)
    while isinstance(block, wrappers) and block.ignore_error_block is not None:
        block = block.ignore_error_block
    return block


def _block_kind(block: bibmodel.Block) -> str | None:
    for cls, kind in _KIND.items():
        if type(block) is cls:
            return kind
    return None  # implicit comments: left in the gaps


def _as_block(parsed: bibmodel.Block, kind: str, start: int, lines: LineIndex) -> BibBlock:
    raw = parsed.raw
    line, col = lines.line_col(start)
    if kind == "entry":
        # bibtexparser counts lines from 0; ours (and every diagnostic's) from 1.
        fields = tuple(RawField(f.key, f.value, f.start_line + 1) for f in parsed.fields)
        return BibBlock(kind, raw, start, start + len(raw), line, col, _entry_source_type(raw), parsed.key, fields)
    if kind == "string":
        return BibBlock(kind, raw, start, start + len(raw), line, col, key=parsed.key,
                        fields=(RawField(parsed.key, parsed.value, line),))
    error = str(getattr(parsed, "error", "") or "")
    return BibBlock(kind, raw, start, start + len(raw), line, col, error=error)


def _entry_source_type(raw: str) -> str:
    match = re.match(r"@\s*([^\s{(]+)", raw)
    return match.group(1) if match else ""


def parse_bibtex(text: str, source: str = "-", decoded: DecodedText | None = None) -> BibFile:
    """Cut ``text`` into blocks. Never raises on bad BibTeX: failed blocks become CL201."""
    lines = LineIndex(text)
    blocks: list[BibBlock] = []
    diagnostics: list[Diagnostic] = list(decoded.diagnostics) if decoded else []
    cursor = 0
    with gc_paused():
        for wrapped in Splitter(text).split().blocks:
            parsed = _unwrap(wrapped)
            kind = _block_kind(parsed)
            if kind is None or not parsed.raw:
                continue
            start = text.find(parsed.raw, cursor)
            if start < 0:  # cannot happen with bibtexparser 2.1 (raw is a slice of the source); stay safe
                continue
            block = _as_block(parsed, kind, start, lines)
            blocks.append(block)
            cursor = block.end
    bib = BibFile(source, text, blocks, decoded, diagnostics)
    bib.diagnostics.extend(check_blocks(bib))
    return bib


def read_bibtex(path: str, encoding: str | None = None) -> BibFile:
    decoded = read_text(path, encoding)
    return parse_bibtex(decoded.text, path, decoded)


def check_blocks(bib: BibFile) -> Iterable[Diagnostic]:
    """CL201 failed blocks, CL202 duplicate keys (case-insensitive, as BibTeX sees them), CL207."""
    seen: dict[str, BibBlock] = {}
    for block in bib.blocks:
        where = {"path": bib.source, "line": block.line, "col": block.col, "start": block.start, "end": block.end}
        if block.kind == "failed":
            first_line = block.raw.splitlines()[0][:60] if block.raw else ""
            yield Diagnostic("CL201", f"cannot parse block `{first_line}`: {block.error}".strip(),
                             hint="the block is kept verbatim; fix its braces, commas or quotes", **where)
        if block.kind != "entry":
            continue
        folded = block.key.lower()
        if folded and folded in seen:
            first = seen[folded]
            yield Diagnostic("CL202", f"duplicate key `{block.key}` (first at line {first.line})",
                             subject=block.key, hint="rename one of the keys", **where)
        seen.setdefault(folded, block)
        names = block.field_names()
        for name in sorted({n for n in names if names.count(n) > 1}):
            yield Diagnostic("CL207", f"field `{name}` appears more than once in `{block.key}`",
                             subject=block.key, hint="only one value can be used; remove the others", **where)


def render_bibtex(bib: BibFile, replacements: Mapping[int, str] | None = None) -> str:
    """The file's text with ``replacements`` (block index → new text) applied; the rest verbatim."""
    if not replacements:
        return bib.text
    pieces: list[str] = []
    cursor = 0
    for index, block in enumerate(bib.blocks):
        if index in replacements:
            pieces.append(bib.text[cursor : block.start])
            pieces.append(replacements[index])
            cursor = block.end
    pieces.append(bib.text[cursor:])
    return "".join(pieces)


def encode_bibtex(bib: BibFile, text: str) -> bytes:
    """Encode ``text`` the way ``bib`` was read (codec and byte-order mark)."""
    return encode_text(text, bib.decoded)


# ---------------------------------------------------------------------------------------------
# Values: @string macros, `#` concatenation, delimiters.

_PIECE = re.compile(r'\s*(?:(\{)|(")|([^\s#,{}"]+))\s*')
_SEPARATOR = re.compile(r"\s*#?\s*")  # always matches (possibly empty)


def _escaped(value: str, index: int) -> bool:
    """A brace or quote right after a backslash does not count, exactly as bibtexparser's splitter
    (which decided where the value ends) sees it."""
    return index > 0 and value[index - 1] == "\\"


def _braced_end(value: str, start: int) -> int:
    """Index just past the ``}`` closing the ``{`` at ``start`` (or len(value) if unbalanced)."""
    depth = 0
    for index in range(start, len(value)):
        char = value[index]
        if char not in "{}" or _escaped(value, index):
            continue
        depth += 1 if char == "{" else -1
        if depth == 0:
            return index + 1
    return len(value)


def _quoted_end(value: str, start: int) -> int:
    depth = 0
    for index in range(start + 1, len(value)):
        char = value[index]
        if char not in '{}"' or _escaped(value, index):
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif depth <= 0:
            return index + 1
    return len(value)


def split_value(value: str) -> list[tuple[str, str]]:
    """``"x" # jan # {y}`` → [("quoted", "x"), ("macro", "jan"), ("braced", "y")]; numbers are
    ("number", "2000"). Unreadable trailing text becomes one ("literal", ...) piece."""
    pieces: list[tuple[str, str]] = []
    position = 0
    while position < len(value):
        match = _PIECE.match(value, position)
        if not match:
            pieces.append(("literal", value[position:].strip()))
            break
        if match.group(1):
            end = _braced_end(value, match.start(1))
            pieces.append(("braced", value[match.start(1) + 1 : max(end - 1, match.start(1) + 1)]))
        elif match.group(2):
            end = _quoted_end(value, match.start(2))
            pieces.append(("quoted", value[match.start(2) + 1 : max(end - 1, match.start(2) + 1)]))
        else:
            word = match.group(3)
            end = match.end(3)
            pieces.append(("number" if word.isdigit() else "macro", word))
        position = _SEPARATOR.match(value, end).end()  # matching in place: slicing the rest was quadratic
    return [p for p in pieces if p != ("literal", "")]


def expand_value(value: str, macros: Mapping[str, str], undefined: list[str] | None = None) -> str:
    """Join a raw value's pieces, replacing macros (case-insensitive) by their expansions.
    Undefined macros are kept as their name and appended to ``undefined``."""
    out: list[str] = []
    for kind, text in split_value(value):
        if kind == "macro":
            expansion = macros.get(text.lower())
            if expansion is None:
                if undefined is not None:
                    undefined.append(text)
                expansion = text
            out.append(expansion)
        else:
            out.append(text)
    return "".join(out)


def string_macros(bib: BibFile, predefined: Mapping[str, str] | None = None,
                  diagnostics: list[Diagnostic] | None = None) -> dict[str, str]:
    """Every @string of the file, expanded in order (later definitions may use earlier ones), on top of
    the month macros and ``predefined`` (e.g. macros from another file such as ``abbrev.bib``).
    A definition using a macro not defined before it -- itself included, ``@string{a = a # a}`` -- keeps
    the name, as BibTeX does, and is reported as CL206 into ``diagnostics`` when given."""
    macros = {**MONTH_MACROS, **{k.lower(): v for k, v in (predefined or {}).items()}}
    for block in bib.blocks:
        if block.kind == "string" and block.fields:
            undefined: list[str] = []
            macros[block.key.lower()] = expand_value(block.fields[0].value, macros, undefined)
            for macro in dict.fromkeys(undefined) if diagnostics is not None else ():
                itself = " (a definition cannot use itself)" if macro.lower() == block.key.lower() else ""
                diagnostics.append(Diagnostic(
                    "CL206", f"@string `{block.key}` uses undefined @string `{macro}`{itself}", path=bib.source,
                    line=block.line, col=block.col, start=block.start, end=block.end, subject=block.key,
                    hint="define it before this @string, or load the file that defines it"))
    return macros


def field_values(
    block: BibBlock, macros: Mapping[str, str], source: str = "-"
) -> tuple[dict[str, str], list[Diagnostic]]:
    """Lower-cased field name → expanded value (still LaTeX; outer delimiters removed).
    The first occurrence of a duplicated field wins, as in BibTeX."""
    values: dict[str, str] = {}
    diagnostics: list[Diagnostic] = []
    for raw_field in block.fields:
        name = raw_field.name.lower()
        if name in values:
            continue
        undefined: list[str] = []
        values[name] = expand_value(raw_field.value, macros, undefined)
        for macro in undefined:
            diagnostics.append(Diagnostic(
                "CL206", f"`{name}` of `{block.key}` uses undefined @string `{macro}`", path=source,
                line=raw_field.line or block.line, col=1, subject=block.key,
                hint="define it with @string, or load the file that defines it"))
    return values, diagnostics


# ---------------------------------------------------------------------------------------------
# Names.


def split_name_list(value: str) -> list[str]:
    """``A and B and {C and D}`` → the persons, splitting on `and` at brace depth 0 only."""
    return [name for name in _split_persons(value) if name.strip()]


def split_bibtex_name(name: str) -> tuple[list[str], list[str], list[str], list[str]]:
    """One BibTeX name → (first, von, last, jr) words, following BibTeX's rules. Still LaTeX."""
    try:
        parts = parse_single_name_into_parts(name, strict=False)
    except InvalidNameError:
        return [], [], [name], []
    return parts.first, parts.von, parts.last, parts.jr


def format_entry(entry_type: str, key: str, fields: Sequence[tuple[str, str]], indent: str = "  ",
                 newline: str = "\n") -> str:
    """Our small writer: ``@type{key,`` then one ``name = {value},`` per line and ``}``.
    Values are written inside braces as given (callers escape and protect them)."""
    lines = [f"@{entry_type}{{{key},"]
    lines += [f"{indent}{name} = {{{value}}}," for name, value in fields]
    lines.append("}")
    return newline.join(lines)


__all__ = [
    "BibBlock",
    "BibFile",
    "RawField",
    "encode_bibtex",
    "expand_value",
    "field_values",
    "format_entry",
    "parse_bibtex",
    "read_bibtex",
    "render_bibtex",
    "split_bibtex_name",
    "split_name_list",
    "split_value",
    "string_macros",
]
