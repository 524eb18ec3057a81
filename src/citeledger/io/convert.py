"""Conversion between BibTeX, BibLaTeX and CSL-JSON: the library call behind ``citeledger convert``.

Every format goes through the CSL-shaped model: read (``bibtex_items`` / ``csljson``) → items →
write (``bibtex_writer`` / ``csljson``). Whatever the source has that the model or the target
cannot carry is reported as CL205, never dropped silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from citeledger.diagnostics import Diagnostic
from citeledger.errors import UnusableInputError
from citeledger.io.bibtex_items import parse_bibtex_items
from citeledger.io.bibtex_writer import to_bibtex
from citeledger.io.csljson import parse_csljson, to_csljson
from citeledger.io.textfile import read_text
from citeledger.keys import assign_keys, check_pattern
from citeledger.model import Reference

FORMATS = ("bibtex", "biblatex", "csl-json")
# Spellings accepted for --from/--to, mapped to the canonical name.
FORMAT_ALIASES = {
    "bibtex": "bibtex", "bib": "bibtex", "biblatex": "biblatex", "csl-json": "csl-json", "csljson": "csl-json",
    "csl": "csl-json", "json": "csl-json",
}


@dataclass
class ConversionResult:
    text: str
    references: list[Reference] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def canonical_format(name: str) -> str:
    """``bib`` → ``bibtex``, ``json`` → ``csl-json``; raises UnusableInputError for unknown names."""
    canonical = FORMAT_ALIASES.get(name.strip().lower())
    if canonical is None:
        raise UnusableInputError(f"unknown format {name!r}; use one of {', '.join(FORMATS)}")
    return canonical


def format_from_path(path: str) -> str | None:
    """``x.bib`` → ``bibtex``; ``x.json``/``x.csl.json``/``x.csljson`` → ``csl-json``; else None."""
    lowered = path.lower()
    if lowered.endswith(".bib") or lowered.endswith(".bibtex"):
        return "bibtex"
    if lowered.endswith(".biblatex"):
        return "biblatex"
    if lowered.endswith((".json", ".csljson")):
        return "csl-json"
    return None


def read_items(text: str, fmt: str, source: str = "-") -> tuple[list[Reference], list[Diagnostic]]:
    """Text in ``fmt`` → (References, diagnostics). BibTeX and BibLaTeX are read alike."""
    if canonical_format(fmt) == "csl-json":
        return parse_csljson(text, source)
    return parse_bibtex_items(text, source)


def with_ids(references: list[Reference]) -> list[Reference]:
    """Items without an id (key-less BibTeX entries, CSL items without ``id``) get a generated key."""
    missing = [r for r in references if not r.id.strip()]
    if not missing:
        return references
    generated = iter(assign_keys(missing, taken=[r.id for r in references if r.id.strip()]))
    return [r if r.id.strip() else replace(r, id=next(generated)) for r in references]


def write_items(references: list[Reference], fmt: str, ascii: bool = False, source: str = "-",
                key_pattern: str | None = None) -> tuple[str, list[Diagnostic]]:
    """References → (text in ``fmt``, CL205/CL209 diagnostics of the writer)."""
    fmt = canonical_format(fmt)
    if fmt == "csl-json":
        if key_pattern:
            references = [replace(r, id=k) for r, k in zip(references, assign_keys(references, key_pattern),
                                                           strict=True)]
        return to_csljson(references, ascii), []
    return to_bibtex(references, fmt, ascii, source, key_pattern)


def convert_text(text: str, source: str, from_format: str, to_format: str, ascii: bool = False,
                 key_pattern: str | None = None) -> ConversionResult:
    """Convert ``text`` (read from ``source``) from one format to another.

    Returns the converted text, the items, and every diagnostic of reading and writing (CL201,
    CL202, CL205, CL206, CL207, CL209). Raises UnusableInputError for unusable input (bad JSON,
    unknown format, bad key pattern)."""
    if key_pattern:
        try:
            check_pattern(key_pattern)
        except ValueError as error:
            raise UnusableInputError(str(error)) from None
    references, diagnostics = read_items(text, from_format, source)
    references = with_ids(references)
    output, written = write_items(references, to_format, ascii, source, key_pattern)
    return ConversionResult(output, references, diagnostics + written)


def convert_file(path: str, from_format: str | None = None, to_format: str | None = None, output: str | None = None,
                 ascii: bool = False, encoding: str | None = None, key_pattern: str | None = None
                 ) -> ConversionResult:
    """Read ``path`` (``-`` for stdin) and convert it. Formats default to the extensions of
    ``path`` and ``output``; the target defaults to CSL-JSON for BibTeX input and to BibTeX
    otherwise. Raises UnusableInputError when the input cannot be read or its format guessed."""
    decoded = read_text(path, encoding)  # first, so a missing file or a directory is named as such
    source_format = canonical_format(from_format) if from_format else format_from_path(path)
    if source_format is None:
        raise UnusableInputError(f"{path}: cannot tell its format from the name; pass --from bibtex|biblatex|csl-json")
    target = canonical_format(to_format) if to_format else format_from_path(output or "")
    if target is None:
        target = "csl-json" if source_format in ("bibtex", "biblatex") else "bibtex"
    result = convert_text(decoded.text, path, source_format, target, ascii, key_pattern)
    result.diagnostics[:0] = [d for d in decoded.diagnostics if d not in result.diagnostics]
    return result
