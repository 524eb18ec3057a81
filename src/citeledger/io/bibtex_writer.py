"""``Reference`` items → BibTeX or BibLaTeX text, driven by ``io.mapping``.

Writer conventions (what Better BibTeX and bibtex-tidy users expect): entries in input order,
fields in the order of ``mapping.FIELDS``, two-space indentation, ``name = {value},`` lines,
``month = feb`` as a bare macro; UTF-8 text by default and LaTeX escapes with ``ascii=True``;
``& % $ # _ { }`` escaped; titles case-protected (``latex.protect_title``); ``edition`` a number;
``pages`` with ``--``; names as ``Family, Given`` (``van der Berg, Jan``, ``Smith, Jr., John``),
organisations braced (``{Human Rights Watch}``). URL and DOI are written verbatim.

Diagnostics: CL205 for every variable, type or date precision the dialect cannot carry; CL209
when an item's id is not a usable BibTeX key (a generated key is written instead).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from citeledger.diagnostics import Diagnostic
from citeledger.io import mapping
from citeledger.io.bibtex_items import normalize_edition
from citeledger.io.dates import format_iso_date, format_year_fields, parse_year_fields
from citeledger.io.latex import encode_latex, protect_title
from citeledger.keys import assign_keys
from citeledger.model import Date, Name, Reference

_KEY = re.compile(r"^[^\s,{}()\"#%'=\\~]+$")
_AND = re.compile(r"\band\b", re.I)


def _name_part(text: str, ascii: bool) -> str:
    """One part of a name; braced when BibTeX would misread it (a comma or the word ``and``)."""
    encoded = encode_latex(text, ascii)
    return "{" + encoded + "}" if ("," in text or _AND.search(text)) else encoded


def _family_part(text: str, ascii: bool) -> str:
    """The family name; braced when it has several words and one does not start with an ASCII
    capital (``{de la Mata}``, ``{'t Hooft}``, ``{Åke Persson}``): BibTeX readers would take such a
    word for a particle (a lowercase letter) or guess (a non-ASCII one)."""
    words = text.split()
    firsts = [next((c for c in word if c.isalpha()), "A") for word in words]
    if len(words) > 1 and not all("A" <= c <= "Z" for c in firsts):
        return "{" + encode_latex(text, ascii, in_group=True) + "}"
    return _name_part(text, ascii)


def format_name(name: Name, ascii: bool = False) -> str:
    """Name → ``van der Berg, Jr., Jan``; literal → ``{Human Rights Watch}``; ``others`` as is.

    BibTeX has one particle: a dropping particle joins the non-dropping one (``de`` of ``Charles
    de Gaulle`` → ``de Gaulle, Charles``). A capitalised particle is kept in the family name."""
    if name.literal:
        return "others" if name.literal == "others" else "{" + encode_latex(name.literal, ascii, in_group=True) + "}"
    particle = " ".join(p for p in (name.dropping_particle, name.particle) if p)
    if not name.family and not particle and not name.suffix:
        return _name_part(name.given, ascii)  # a single name (`Aristotle`) is BibTeX's last name
    family = _family_part(name.family, ascii)
    if particle:
        family = f"{encode_latex(particle, ascii)} {family}"
    parts = [family]
    if name.suffix:
        parts.append(_name_part(name.suffix, ascii))
    if name.given or name.suffix:
        parts.append(_name_part(name.given, ascii))
    return ", ".join(parts)


def format_names(names: Sequence[Name], ascii: bool = False) -> str:
    return " and ".join(format_name(name, ascii) for name in names)


def format_pages(text: str) -> str:
    """``81-93`` / ``81–93`` → ``81--93``; lists (``81, 93``) keep their commas."""
    return re.sub(r"(?<=\w)\s*[-–—‐‑]+\s*(?=\w)", "--", text)


class _EntryWriter:
    """Collects one item's ``(name, value)`` pairs and the CL205 findings for what has no place."""

    def __init__(self, reference: Reference, dialect: str, ascii: bool, source: str):
        self.reference, self.dialect, self.ascii, self.source = reference, dialect, ascii, source
        self.fields: list[tuple[str, str]] = []
        self.diagnostics: list[Diagnostic] = []
        self.langid = mapping.language_from_csl(reference.get("language"))

    def not_carried(self, what: str, why: str = "") -> None:
        self.diagnostics.append(Diagnostic(
            "CL205", f"{what} of `{self.reference.id}` {why or f'has no {self.dialect} field'}",
            path=self.source, subject=self.reference.id,
            hint="write BibLaTeX (--to biblatex) or CSL-JSON to keep it" if self.dialect == "bibtex" else ""))

    def add(self, name: str, value: str) -> None:
        if value:
            self.fields.append((name, value))

    def write_text(self, rule: mapping.FieldRule, value: str) -> None:
        name = rule.field(self.dialect)
        if rule.kind == "title":
            self.add(name, protect_title(value, self.langid, self.ascii))
        elif rule.kind == "verbatim":
            self.add(name, value)
        elif rule.kind == "pages":
            self.add(name, encode_latex(format_pages(value), self.ascii))
        elif rule.kind == "edition":
            self.add(name, encode_latex(normalize_edition(value), self.ascii))
        elif rule.kind == "language":
            self.add(name, encode_latex(self.langid, self.ascii))
        elif rule.csl == "genre" and self.reference.type == "thesis":
            self.write_genre(name, value)
        else:
            self.add(name, encode_latex(value, self.ascii))

    def write_genre(self, name: str, value: str) -> None:
        """Thesis kinds live in the entry type (BibTeX) or in `type` keys (BibLaTeX)."""
        keys = {genre.lower(): key for key, genre in mapping.THESIS_GENRES.items()}
        if self.dialect == "biblatex":
            self.add(name, keys.get(value.lower(), encode_latex(value, self.ascii)))
        elif value.lower() not in keys:
            self.add(name, encode_latex(value, self.ascii))

    def write_date(self, rule: mapping.FieldRule, date: Date) -> None:
        use_year = rule.csl == "issued" and (self.dialect == "bibtex" or not date.parts)
        if not use_year:
            self.add(rule.field(self.dialect), encode_latex(format_iso_date(date), self.ascii))
            return
        year, month, day = format_year_fields(date)
        self.add("year", encode_latex(year, self.ascii))
        self.add("month", month)
        if self.dialect == "bibtex":
            self.add("day", day)
        if parse_year_fields(year, month, day if self.dialect == "bibtex" else "") != date:
            self.not_carried("`issued`", f"is `{format_iso_date(date)}`; {self.dialect} year/month keep only part")

    def write_rule(self, rule: mapping.FieldRule) -> None:
        ref = self.reference
        if rule.kind == "names":
            self.add(rule.field(self.dialect), format_names(ref.names[rule.csl], self.ascii))
        elif rule.kind == "date":
            self.write_date(rule, ref.dates[rule.csl])
        else:
            self.write_text(rule, ref.fields[rule.csl])


def _variables(reference: Reference) -> list[str]:
    present = [*reference.names, *reference.dates, *reference.fields]
    return [v for v in present if v not in ("citation-key", "id")]


def _entry_type(reference: Reference, dialect: str, writer: _EntryWriter) -> str:
    written, returns = mapping.entry_type(reference.type, dialect)
    if reference.type == "thesis" and dialect == "bibtex" and "master" in reference.get("genre").lower():
        return "mastersthesis"
    if not returns:
        writer.not_carried(f"type `{reference.type}`", f"has no {dialect} entry type; written as @{written}")
    return written


def format_reference(reference: Reference, key: str, dialect: str = "bibtex", ascii: bool = False,
                     source: str = "-") -> tuple[str, list[Diagnostic]]:
    """One item → (entry text without trailing newline, CL205 diagnostics)."""
    writer = _EntryWriter(reference, dialect, ascii, source)
    entry_type = _entry_type(reference, dialect, writer)
    variables = _variables(reference)
    done: set[str] = set()
    for rule in mapping.FIELDS:
        if rule.csl in variables and rule.csl not in done and rule.applies_to(reference.type) and rule.field(dialect):
            if rule.kind in ("month", "day"):
                continue
            writer.write_rule(rule)
            done.add(rule.csl)
    for variable in variables:
        if variable not in done:
            writer.not_carried(f"`{variable}`", f"has no {dialect} field for type `{reference.type}`")
    return _format_entry(entry_type, key, writer.fields), writer.diagnostics


def _format_entry(entry_type: str, key: str, fields: Sequence[tuple[str, str]]) -> str:
    """Like ``io.bibtex.format_entry``, but writes month macros bare (``month = feb``)."""
    lines = [f"@{entry_type}{{{key},"]
    for name, value in fields:
        bare = name == "month" and value.isalpha()
        lines.append(f"  {name} = {value}," if bare else f"  {name} = {{{value}}},")
    lines.append("}")
    return "\n".join(lines)


def to_bibtex(references: Sequence[Reference], dialect: str = "bibtex", ascii: bool = False, source: str = "-",
              key_pattern: str | None = None) -> tuple[str, list[Diagnostic]]:
    """Items → (.bib text, diagnostics). Keys are the items' ids; ids that are not usable BibTeX
    keys (and every id when ``key_pattern`` is given) are replaced by generated keys (CL209)."""
    if dialect not in mapping.DIALECTS:
        raise ValueError(f"unknown dialect {dialect!r}")
    keys, diagnostics = _keys(references, key_pattern, source)
    entries: list[str] = []
    for reference, key in zip(references, keys, strict=True):
        text, found = format_reference(reference, key, dialect, ascii, source)
        entries.append(text)
        diagnostics.extend(found)
    return "\n\n".join(entries) + ("\n" if entries else ""), diagnostics


def _keys(references: Sequence[Reference], pattern: str | None, source: str) -> tuple[list[str], list[Diagnostic]]:
    if pattern:
        return assign_keys(references, pattern), []
    good = [bool(_KEY.match(r.id)) for r in references]
    taken = [r.id for r, ok in zip(references, good, strict=True) if ok]
    generated = iter(assign_keys([r for r, ok in zip(references, good, strict=True) if not ok], taken=taken))
    keys: list[str] = []
    diagnostics: list[Diagnostic] = []
    for reference, ok in zip(references, good, strict=True):
        keys.append(reference.id if ok else next(generated))
        if not ok:
            diagnostics.append(Diagnostic(
                "CL209", f"id `{reference.id}` is not a usable BibTeX key; written as `{keys[-1]}`",
                path=source, subject=reference.id, hint="give the item an id without spaces, commas or braces"))
    return keys, diagnostics
