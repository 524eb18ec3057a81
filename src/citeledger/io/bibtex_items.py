"""BibTeX/BibLaTeX entries → ``Reference`` items (the model copy), driven by ``io.mapping``.

Reading does not depend on the dialect: ``.bib`` files mix BibTeX and BibLaTeX fields, so every
row's BibTeX name, BibLaTeX name and aliases are all read. Values are @string-expanded and
LaTeX-decoded (URL/DOI verbatim), names split into CSL parts, dates parsed.

Diagnostics: those of ``io.bibtex`` (CL201, CL202, CL206, CL207), plus CL205 for every field and
entry type with no CSL place, and for an alias shadowed by a preferred field with another value.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from citeledger.diagnostics import Diagnostic
from citeledger.io import mapping
from citeledger.io.bibtex import (
    BibBlock,
    BibFile,
    field_values,
    parse_bibtex,
    split_bibtex_name,
    split_name_list,
    string_macros,
)
from citeledger.io.dates import parse_iso_date, parse_year_fields
from citeledger.io.latex import decode_latex
from citeledger.model import Date, Name, Reference, Span

_ORDINALS = {
    "first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5", "sixth": "6", "seventh": "7",
    "eighth": "8", "ninth": "9", "tenth": "10",
}
_EDITION = re.compile(
    r"^(\d+)\s*(?:st|nd|rd|th|e|er|re|ème|eme|\.)?\s*(?:ed\.?|edn\.?|edition|éd\.?|édition|ausg\.?|auflage|aufl\.?)?$",
    re.I,
)


def normalize_edition(text: str) -> str:
    """``4th``, ``4th ed.``, ``4e éd.``, ``Fourth`` → ``4``; other text (``Revised``) is kept."""
    text = text.strip()
    match = _EDITION.match(text)
    if match:
        return str(int(match.group(1)))
    word = re.sub(r"\s+(?:ed\.?|edn\.?|edition)$", "", text, flags=re.I).lower()
    return _ORDINALS.get(word, text)


def normalize_pages(text: str) -> str:
    """Any run of dashes between page numbers → ``-`` (CSL's form): ``81--93`` → ``81-93``."""
    return re.sub(r"\s*[-–—‐‑]+\s*", "-", text.strip())


def _is_braced_whole(word: str) -> bool:
    """``{Human Rights Watch}``, ``{\\LaTeX{} Project Team}``: one group spanning the word; not a
    ``{\\'E}`` special character (a group opening with a backslash and holding no space)."""
    if not (word.startswith("{") and word.endswith("}")):
        return False
    if word.startswith("{\\") and not any(c.isspace() for c in word):
        return False
    depth = 0
    for index, char in enumerate(word):
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth == 0 and index < len(word) - 1:
            return False
    return True


def parse_name(raw: str) -> Name:
    """One BibTeX name (LaTeX) → Name. A name that is one brace group is a literal (organisation)."""
    first, von, last, jr = split_bibtex_name(raw.strip())
    if raw.strip() == "others":
        return Name(literal="others")
    if not first and not von and not jr and len(last) == 1 and _is_braced_whole(last[0]):
        return Name(literal=decode_latex(last[0]))

    def text(words: list[str]) -> str:
        return decode_latex(" ".join(words))

    return Name(family=text(last), given=text(first), particle=text(von), suffix=text(jr))


def parse_names(value: str) -> tuple[Name, ...]:
    """``A and B and {C and D}`` → Names."""
    return tuple(parse_name(name) for name in split_name_list(value))


def _decode(kind: str, value: str) -> str:
    if kind == "verbatim":
        # URL/DOI are verbatim, so `\_` there is a tool's stray escape, not a backslash
        return re.sub(r"\\([_%&#$~])", r"\1", value.strip())
    text = decode_latex(value)
    if kind == "pages":
        return normalize_pages(text)
    if kind == "edition":
        return normalize_edition(text)
    if kind == "language":
        return mapping.language_to_csl(text)
    return text


def _read_date(rule: mapping.FieldRule, values: Mapping[str, str]) -> tuple[Date | None, list[str]]:
    """A date variable → (Date, the fields it was read from): an ISO ``date``-style field first,
    else (for ``issued``) BibTeX ``year``/``month``/``day``."""
    for name in dict.fromkeys(n for n in (rule.biblatex, rule.bibtex) if n and n != "year"):
        if name in values:
            text = decode_latex(values[name])
            return parse_iso_date(text) or Date(literal=text), [name]
    parts = [n for n in ("year", "month", "day") if n in values]
    if rule.csl == "issued" and parts:
        return parse_year_fields(*(decode_latex(values.get(n, "")) for n in ("year", "month", "day"))), parts
    return None, []


class _EntryReader:
    """Reads one entry's values row by row, remembering which fields it consumed."""

    def __init__(self, block: BibBlock, values: dict[str, str], source: str):
        self.block, self.values, self.source = block, values, source
        self.consumed: set[str] = set()
        self.diagnostics: list[Diagnostic] = []
        self.lines = {}
        for raw_field in block.fields:
            self.lines.setdefault(raw_field.name.lower(), raw_field.line)

    def not_carried(self, name: str, why: str) -> None:
        self.diagnostics.append(Diagnostic(
            "CL205", f"`{name}` of `{self.block.key}` {why}", path=self.source,
            line=self.lines.get(name, self.block.line), col=1, subject=self.block.key,
            hint="it is left out of the converted item; keep the .bib as the master copy if you need it"))

    def read(self, rule: mapping.FieldRule) -> str | tuple[Name, ...] | Date | None:
        if rule.kind == "date":
            date, used = _read_date(rule, self.values)
            self.consumed.update(used)
            return date
        if rule.kind in ("month", "day"):
            return None  # read together with `year` by the `issued` row
        present = [n for n in rule.read_names() if n in self.values]
        if not present:
            return None
        self.consumed.update(present)
        if rule.kind == "names":
            return parse_names(self.values[present[0]]) or None
        value = _decode(rule.kind, self.values[present[0]])
        for other in present[1:]:
            if _decode(rule.kind, self.values[other]) != value:
                self.not_carried(other, f"differs from `{present[0]}`, which is used for CSL `{rule.csl}`")
        return value


def reference_from_block(block: BibBlock, macros: Mapping[str, str], source: str = "-"
                         ) -> tuple[Reference, list[Diagnostic]]:
    """One entry block → (Reference, diagnostics: CL206 undefined macros, CL205 fields not carried)."""
    values, diagnostics = field_values(block, macros, source)
    reader = _EntryReader(block, values, source)
    csl = mapping.csl_type(block.entry_type)
    if csl is None:
        reader.not_carried(f"@{block.entry_type}", "is an entry type with no CSL equivalent; read as `document`")
        csl = "document"
    fields: dict[str, str] = {}
    names: dict[str, tuple[Name, ...]] = {}
    dates: dict[str, Date] = {}
    for rule in mapping.FIELDS:
        if not rule.applies_to(csl) or rule.csl in fields or rule.csl in names or rule.csl in dates:
            continue
        value = reader.read(rule)
        if isinstance(value, Date):
            dates[rule.csl] = value
        elif isinstance(value, tuple):
            names[rule.csl] = value
        elif value:
            fields[rule.csl] = value
    if csl == "thesis" and "genre" not in fields:
        genre = mapping.THESIS_GENRES.get(block.entry_type.lower())
        if genre:
            fields["genre"] = genre
    elif csl == "thesis":
        fields["genre"] = mapping.THESIS_GENRES.get(fields["genre"].lower(), fields["genre"])
    for name in values:
        if name not in reader.consumed:
            reader.not_carried(name, f"has no CSL variable for type `{csl}`")
    span = Span(block.start, block.end, block.line, block.col)
    reference = Reference(block.key, csl, fields, names, dates, raw=block.raw, span=span)
    return reference, diagnostics + reader.diagnostics


def from_bibtex(bib: BibFile, predefined: Mapping[str, str] | None = None) -> tuple[list[Reference], list[Diagnostic]]:
    """Every entry of ``bib``, in file order → (References, the file's diagnostics + each entry's)."""
    diagnostics = list(bib.diagnostics)
    macros = string_macros(bib, predefined, diagnostics)
    references: list[Reference] = []
    for block in bib.entries:
        reference, found = reference_from_block(block, macros, bib.source)
        references.append(reference)
        diagnostics.extend(found)
    return references, diagnostics


def parse_bibtex_items(text: str, source: str = "-") -> tuple[list[Reference], list[Diagnostic]]:
    """BibTeX/BibLaTeX text → (References, diagnostics)."""
    return from_bibtex(parse_bibtex(text, source))
