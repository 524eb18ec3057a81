"""The checks registry: named functions over a ``Ledger``, each yielding diagnostics with line:col and a hint.

``CHECKS`` is read top to bottom; ``run_checks(ledger, options)`` runs them all in that order. Codes:
CL301 unresolved, CL302 ambiguous (and two works sharing one author–year label), CL303 matched by title,
CL304 uncited (severity from ``--uncited``), CL305 year mismatch, CL306 author mismatch, CL307 locator
malformed or outside the work's pages, CL202 duplicate key, CL203 duplicate entry.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from citeledger.citations.link import to_targets, year_and_suffix
from citeledger.citations.locators import page_number, parse_locator
from citeledger.citations.matching import fold
from citeledger.diagnostics import Diagnostic, Severity
from citeledger.model import CitationItem, Ledger, Link, Reference, Span

UNCITED_LEVELS = {"error": Severity.ERROR, "warning": Severity.WARNING, "info": Severity.INFO, "ignore": None}
PAGED_TYPES = {"article", "article-journal", "article-magazine", "article-newspaper", "chapter", "paper-conference",
               "entry", "entry-dictionary", "entry-encyclopedia"}  # fmt: skip
AUTHOR_REASONS = ("spelling", "missing co-author", "et al.", "extra author")


@dataclass(frozen=True)
class CheckOptions:
    """``uncited``: the severity of CL304 (``error``, ``warning``, ``info``) or ``ignore``."""

    uncited: str = "warning"


def _at(ledger: Ledger, code: str, message: str, span: Span | None, *, path: str = "", **extra) -> Diagnostic:
    where = {"line": span.line, "col": span.col, "start": span.start, "end": span.end} if span else {}
    return Diagnostic(code, message, path=path or ledger.article.source, **where, **extra)


def _item(ledger: Ledger, link: Link) -> CitationItem:
    return ledger.citations[link.citation].items[link.item]


def label(reference: Reference) -> str:
    """``Lawrence and Mueller 2003`` — how an author–year citation names a reference (for hints)."""
    names = reference.author or reference.names.get("editor", ())
    families = [name.literal or name.sort_family for name in names]
    who = families[0] + " et al." if len(families) > 2 else " and ".join(families) or reference.get("title")[:40]
    year, suffix = year_and_suffix(reference)
    return f"{who} {year}{suffix}"


def _described(ledger: Ledger, item: CitationItem) -> str:
    if item.key:
        return f"@{item.key}"
    return item.raw or " ".join(item.names) or item.title


def check_unresolved(ledger: Ledger, options: CheckOptions) -> Iterator[Diagnostic]:
    """CL301: an item no reference matches; the hint names the nearest references."""
    by_key = {reference.id: reference for reference in ledger.references}
    for link in ledger.links:
        if link.method != "unresolved":
            continue
        item = _item(ledger, link)
        nearest = ", ".join(f"{key} ({label(by_key[key])})" for key in link.candidates if key in by_key)
        hint = f"nearest references: {nearest}" if nearest else "the reference list is empty or missing"
        what = f"no entry has the key {item.key!r}" if item.key else "no reference matches"
        what += "" if item.key else f" {_described(ledger, item)!r}"
        yield _at(ledger, "CL301", what, item.span, hint=hint, subject=item.key or " ".join(item.names))


def check_ambiguous(ledger: Ledger, options: CheckOptions) -> Iterator[Diagnostic]:
    """CL302: an item that matches several references equally well."""
    for link in ledger.links:
        if link.method == "ambiguous":
            item = _item(ledger, link)
            yield _at(ledger, "CL302", f"{_described(ledger, item)!r} matches {', '.join(link.candidates)}",
                      item.span, hint="add year suffixes (a, b, …) to the citations and to the reference list",
                      subject=",".join(link.candidates))  # fmt: skip


def check_matched_by_title(ledger: Ledger, options: CheckOptions) -> Iterator[Diagnostic]:
    """CL303 (info): an item matched by its title, not its authors."""
    by_key = {reference.id: reference for reference in ledger.references}
    for link in ledger.links:
        if link.method == "title+year" and link.key in by_key:
            item = _item(ledger, link)
            title = item.title or " ".join(item.names)
            yield _at(ledger, "CL303", f"{title!r} matched {link.key} by its title ({link.score:.2f})",
                      item.span, hint=f"cite it by its authors: ({label(by_key[link.key])})", subject=link.key)


def check_uncited(ledger: Ledger, options: CheckOptions) -> Iterator[Diagnostic]:
    """CL304: a reference no citation links to (severity from ``options.uncited``; ``ignore`` skips)."""
    severity = UNCITED_LEVELS[options.uncited]
    if severity is None:
        return
    # A reference an ambiguous citation may mean is reported there (CL302), not as uncited.
    maybe_cited = {key for link in ledger.links if link.method == "ambiguous" for key in link.candidates}
    for reference in ledger.references:
        if not ledger.supports.get(reference.id) and reference.id not in maybe_cited:
            yield _at(ledger, "CL304", f"{reference.id} ({label(reference)}) is never cited", reference.span,
                      path=ledger.reference_source, severity=severity, subject=reference.id,
                      hint="cite it, remove it, or pass --uncited=info if the list includes further reading")


def _reason_check(code: str, prefixes: tuple[str, ...], what: str):
    def check(ledger: Ledger, options: CheckOptions) -> Iterator[Diagnostic]:
        for link in ledger.links:
            reasons = [reason for reason in link.reasons if reason.startswith(prefixes)]
            if link.key and reasons:
                item = _item(ledger, link)
                yield _at(ledger, code, f"{_described(ledger, item)!r} linked to {link.key}, but {what}: "
                          + "; ".join(reasons), item.span, subject=link.key,
                          hint="correct the citation or the reference so that they agree")  # fmt: skip

    check.__doc__ = f"{code}: a tolerant link whose reasons include {', '.join(prefixes)}."
    return check


check_year_mismatch = _reason_check("CL305", ("year",), "the year differs")
check_author_mismatch = _reason_check("CL306", AUTHOR_REASONS, "the authors differ")


def _page_range(reference: Reference) -> tuple[int, int] | None:
    if reference.type not in PAGED_TYPES or not reference.get("page"):
        return None
    ranges = parse_locator(reference.get("page")).ranges
    numbers = [page_number(value) for pair in ranges for value in pair]
    return (min(numbers), max(numbers)) if numbers and None not in numbers else None


def check_locators(ledger: Ledger, options: CheckOptions) -> Iterator[Diagnostic]:
    """CL307: a locator that cannot be read, or pages outside the article's or chapter's ``page`` range."""
    by_key = {reference.id: reference for reference in ledger.references}
    for link in ledger.links:
        item = _item(ledger, link)
        locator = item.locator
        if locator is None:
            continue
        if locator.problem:
            yield _at(ledger, "CL307", f"locator {locator.raw!r}: {locator.problem}", item.span,
                      hint="write pages as 81, 93 or 75-100 (p./pp. optional)", subject=link.key or "")
            continue
        bounds = _page_range(by_key[link.key]) if link.key in by_key and locator.label == "page" else None
        pages = [page_number(value) for pair in locator.ranges for value in pair]
        if bounds and any(page is not None and not bounds[0] <= page <= bounds[1] for page in pages):
            yield _at(ledger, "CL307", f"locator {locator.raw!r} lies outside pages {bounds[0]}-{bounds[1]} of "
                      f"{link.key}", item.span, subject=link.key, hint="check the page numbers")  # fmt: skip


def check_duplicate_references(ledger: Ledger, options: CheckOptions) -> Iterator[Diagnostic]:
    """CL202: two references with one key; CL203: the same work (authors, year, title) under two keys."""
    seen_keys: set[str] = set()
    seen_works: dict[tuple, str] = {}
    for reference in ledger.references:
        where = {"path": ledger.reference_source, "subject": reference.id}
        if reference.id in seen_keys:
            yield _at(ledger, "CL202", f"the key {reference.id!r} is used twice", reference.span,
                      hint="give each reference its own key", **where)
        seen_keys.add(reference.id)
        work = (tuple(fold(name.literal or name.sort_family) for name in reference.author), reference.year,
                fold(reference.get("title")))
        if work in seen_works and seen_works[work] != reference.id:
            yield _at(ledger, "CL203", f"{reference.id} repeats {seen_works[work]} ({label(reference)})",
                      reference.span, hint="remove one of the two entries", **where)
        seen_works.setdefault(work, reference.id)


def check_shared_labels(ledger: Ledger, options: CheckOptions) -> Iterator[Diagnostic]:
    """CL302: two different works that author–year citations cannot tell apart (same first author and year,
    no year suffix to separate them)."""
    groups: dict[tuple[str, str], list[Reference]] = defaultdict(list)
    seen_keys: set[str] = set()
    for reference, target in zip(ledger.references, to_targets(ledger.references), strict=True):
        repeated_key = reference.id in seen_keys  # CL202's business, not a second work
        seen_keys.add(reference.id)
        if target.names and not year_and_suffix(reference)[1] and not repeated_key:
            groups[(fold(target.names[0].sort_family), target.year)].append(reference)
    for members in groups.values():
        titles = {fold(reference.get("title")) for reference in members}
        if len(members) > 1 and len(titles) > 1:
            first, *others = members
            yield _at(ledger, "CL302", f"{', '.join(r.id for r in members)} share the label {label(first)}",
                      others[0].span, path=ledger.reference_source, subject=first.id,
                      hint="add year suffixes (a, b, …) to these references and to their citations")


CHECKS: tuple[tuple[str, Callable[[Ledger, CheckOptions], Iterable[Diagnostic]]], ...] = (
    ("unresolved-citation", check_unresolved),
    ("ambiguous-citation", check_ambiguous),
    ("matched-by-title", check_matched_by_title),
    ("year-mismatch", check_year_mismatch),
    ("author-mismatch", check_author_mismatch),
    ("locator", check_locators),
    ("uncited-reference", check_uncited),
    ("duplicate-reference", check_duplicate_references),
    ("shared-author-year", check_shared_labels),
)


def run_checks(ledger: Ledger, options: CheckOptions | None = None) -> list[Diagnostic]:
    """Takes a ledger; returns the diagnostics of every registered check, in registry order."""
    options = options or CheckOptions()
    return [diagnostic for _, check in CHECKS for diagnostic in check(ledger, options)]
