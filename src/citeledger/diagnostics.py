"""Diagnostics as data: severities, the code catalogue, records, filtering, renderers, exit codes.

Imports nothing from the project. Codes are stable: add new ones, never renumber.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class CodeInfo:
    code: str
    slug: str
    severity: Severity
    summary: str


def _code(code: str, slug: str, severity: Severity, summary: str) -> CodeInfo:
    return CodeInfo(code, slug, severity, summary)


E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO  # noqa: E741

CATALOGUE: dict[str, CodeInfo] = {
    info.code: info
    for info in (
        # 1xx: the article and its reference list
        _code("CL101", "reference-list-not-found", E, "no reference list was found in the article"),
        _code("CL102", "reference-unparsed", W, "a reference could not be parsed with confidence"),
        _code("CL103", "missing-field", W, "a reference lacks a field its type needs"),
        _code("CL104", "irregular-name-list", I, "a name list mixes separators or name orders"),
        # 2xx: bibliography files
        _code("CL201", "bibtex-block-failed", E, "a BibTeX block could not be parsed; it is kept verbatim"),
        _code("CL202", "duplicate-key", E, "two entries share a citation key"),
        _code("CL203", "duplicate-entry", W, "two entries describe the same work"),
        _code("CL204", "encoding-guessed", W, "the file is not UTF-8; its encoding was guessed"),
        _code("CL205", "field-not-carried", W, "a field has no place in the target format and was left out"),
        _code("CL206", "undefined-string", W, "a value uses an @string macro that is never defined"),
        _code("CL207", "duplicate-field", W, "an entry has the same field twice"),
        _code("CL208", "tidy-would-change", I, "tidy would rewrite this block"),
        _code("CL209", "invalid-field-value", W, "a field value cannot be read (date, name list, number)"),
        # 3xx: citations and their links
        _code("CL301", "unresolved-citation", E, "a citation matches no reference"),
        _code("CL302", "ambiguous-citation", W, "a citation matches several references (needs a/b)"),
        _code("CL303", "matched-by-title", I, "a citation was matched by its title, not its authors"),
        _code("CL304", "uncited-reference", W, "a reference is never cited"),
        _code("CL305", "year-mismatch", W, "the cited year differs from the reference's year"),
        _code("CL306", "author-mismatch", W, "the cited authors differ from the reference's authors"),
        _code("CL307", "locator-malformed", W, "a locator cannot be read or lies outside the work's pages"),
        # 4xx: identifiers and the cite-this block
        _code("CL401", "invalid-identifier", E, "an ISSN, ISBN or DOI is malformed or fails its check digit"),
        _code("CL402", "cite-this-mismatch", W, "the cite-this block disagrees with the article header"),
        # 5xx: styles and the formatting engine
        _code("CL501", "style-not-found", E, "no style has this id or path"),
        _code("CL502", "style-invalid", W, "the style is invalid or the engine warned while formatting"),
    )
}
SLUGS: dict[str, str] = {info.slug: info.code for info in CATALOGUE.values()}


@dataclass(frozen=True)
class Diagnostic:
    """One finding. ``line``/``col`` are 1-based (0 when the finding has no position); ``start``/``end``
    are character offsets into the source text; ``subject`` is the key or name the finding is about."""

    code: str
    message: str
    severity: Severity | None = None
    path: str = ""
    line: int = 0
    col: int = 0
    start: int | None = None
    end: int | None = None
    hint: str = ""
    subject: str = ""

    def __post_init__(self) -> None:
        if self.code not in CATALOGUE:
            raise ValueError(f"unknown diagnostic code {self.code}")
        if self.severity is None:
            object.__setattr__(self, "severity", CATALOGUE[self.code].severity)

    @property
    def slug(self) -> str:
        return CATALOGUE[self.code].slug

    def at(self, path: str) -> Diagnostic:
        return replace(self, path=path)


def resolve_codes(selectors: Iterable[str]) -> set[str]:
    """``CL301``, ``unresolved-citation`` or a prefix such as ``CL3`` → the set of codes it names."""
    codes: set[str] = set()
    for selector in selectors:
        selector = selector.strip()
        if not selector:
            continue
        if selector in SLUGS:
            codes.add(SLUGS[selector])
            continue
        matched = {code for code in CATALOGUE if code.startswith(selector.upper())}
        if not matched:
            raise ValueError(f"unknown diagnostic code or slug: {selector}")
        codes |= matched
    return codes


def filter_diagnostics(
    diagnostics: Iterable[Diagnostic], select: Iterable[str] = (), ignore: Iterable[str] = ()
) -> list[Diagnostic]:
    selected, ignored = resolve_codes(select), resolve_codes(ignore)
    return [
        d
        for d in diagnostics
        if (not selected or d.code in selected) and d.code not in ignored
    ]


def unique(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """The findings in order, without repeats of one finding reported by two stages (same code, place
    and subject; the first report is kept)."""
    seen: set[tuple] = set()
    kept = []
    for d in diagnostics:
        identity = (d.code, d.path, d.line, d.col, d.subject or d.message)
        if identity not in seen:
            seen.add(identity)
            kept.append(d)
    return kept


def exit_code(diagnostics: Iterable[Diagnostic], strict: bool = False) -> int:
    """0 when nothing is at error level (or, with ``strict``, at warning level), else 1."""
    threshold = Severity.WARNING if strict else Severity.ERROR
    return 1 if any(d.severity >= threshold for d in diagnostics) else 0


def format_text(diagnostic: Diagnostic) -> str:
    """``path:line:col: CL301 error: message [slug]`` and, on the next line, the hint."""
    where = diagnostic.path or "-"
    if diagnostic.line:
        where += f":{diagnostic.line}:{diagnostic.col}"
    text = f"{where}: {diagnostic.code} {diagnostic.severity}: {diagnostic.message} [{diagnostic.slug}]"
    if diagnostic.hint:
        text += f"\n  hint: {diagnostic.hint}"
    return text


def to_record(diagnostic: Diagnostic) -> dict:
    record = asdict(diagnostic)
    record["severity"] = str(diagnostic.severity)
    record["slug"] = diagnostic.slug
    return record


def format_json(diagnostics: Iterable[Diagnostic]) -> str:
    return json.dumps([to_record(d) for d in diagnostics], ensure_ascii=False, indent=2)
