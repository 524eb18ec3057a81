"""The report's findings: each diagnostic with an anchor, ``path:line:col``, and a link to what it is about.

A finding about a citation (its position falls inside the citation's span) links to that citation
(``#cite-N``) and is shown beside it in the article; one about a reference (its position falls inside the
entry, or its ``subject`` is the key) links to the reference's card and is shown there.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from citeledger.diagnostics import Diagnostic
from citeledger.model import Ledger

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Finding:
    anchor: str
    code: str
    severity: str
    slug: str
    where: str
    message: str
    hint: str
    target: str  # "#cite-N", "#ref-KEY" or ""


def _offset(starts: list[int], diagnostic: Diagnostic) -> int | None:
    if diagnostic.start is not None:
        return diagnostic.start
    if not diagnostic.line or diagnostic.line > len(starts):
        return None
    return starts[diagnostic.line - 1] + max(diagnostic.col, 1) - 1


def _citation_at(ledger: Ledger, offset: int | None) -> int | None:
    if offset is None:
        return None
    for number, citation in enumerate(ledger.citations):
        if citation.span.start <= offset < citation.span.end:
            return number
    return None


def _reference_at(ledger: Ledger, offset: int | None) -> str | None:
    if offset is None or ledger.reference_source != ledger.article.source:
        return None  # spans of --bib entries point into the .bib file, not the article
    for reference in ledger.references:
        if reference.span is not None and reference.span.start <= offset < reference.span.end:
            return reference.id
    return None


def _target(ledger: Ledger, diagnostic: Diagnostic, starts: list[int], anchors: Mapping[str, str]) -> str:
    """``#cite-N`` for a finding inside a citation, ``#ref-KEY`` for one inside or about a reference."""
    offset = _offset(starts, diagnostic) if diagnostic.path == ledger.article.source else None
    citation = _citation_at(ledger, offset)
    if citation is not None:
        return f"#cite-{citation}"
    key = _reference_at(ledger, offset) or diagnostic.subject
    return "#" + anchors[key] if key in anchors else ""


def _line_starts(text: str) -> list[int]:
    # CR, LF and CRLF each end a line, as in citeledger.positions
    return [0] + [match.end() for match in _LINE_BREAK.finditer(text)]


def list_findings(ledger: Ledger, diagnostics: Sequence[Diagnostic], anchors: Mapping[str, str]) -> list[Finding]:
    """Takes the ledger, its diagnostics and the reference anchors; returns one Finding per diagnostic,
    in order, each pointing at the citation or reference it concerns when it can tell."""
    article = ledger.article
    starts = _line_starts(article.text)
    findings = []
    for number, diagnostic in enumerate(diagnostics):
        # the article's own findings by line:col alone (its path heads the page); others with their file
        where = "" if diagnostic.path == article.source and diagnostic.line else (diagnostic.path or "-")
        if diagnostic.line:
            where += f"{':' if where else ''}{diagnostic.line}:{diagnostic.col}"
        findings.append(Finding(f"diag-{number + 1}", diagnostic.code, str(diagnostic.severity), diagnostic.slug,
                                where, diagnostic.message, diagnostic.hint,
                                _target(ledger, diagnostic, starts, anchors)))  # fmt: skip
    return findings


def findings_about(findings: Sequence[Finding], target: str) -> tuple[tuple[str, str, str], ...]:
    """The findings pointing at ``target`` (``#ref-KEY``) as (anchor id, severity, ``CL103: message``)."""
    return tuple((f.anchor, f.severity, f"{f.code}: {f.message}") for f in findings if f.target == target)


def citation_findings(ledger: Ledger, findings: Sequence[Finding]) -> Callable[[int], tuple[tuple[str, str, str], ...]]:
    """Returns a lookup: citation number → its findings as (anchor id, severity, ``CL301: message``)."""
    by_citation: dict[int, list[tuple[str, str, str]]] = {}
    for finding in findings:
        if finding.target.startswith("#cite-"):
            number = int(finding.target.removeprefix("#cite-"))
            label = f"{finding.code}: {finding.message}"
            by_citation.setdefault(number, []).append((finding.anchor, finding.severity, label))
    return lambda number: tuple(by_citation.get(number, ()))
