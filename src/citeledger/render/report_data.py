"""The report's content as plain data, before any template: ``build_report(ledger, styles, fmt) -> Report``.

Formats the ledger's references in each chosen style (``render.engine``) and lays out what the HTML and
Markdown templates show: summary counts, the article with its citations linked (``report_article``), the
claims table, each reference with the claims it supports, the bibliographies, the cite-this line, the
findings with line:col and a BibTeX block. Only the engine's formatted entries and cite-this line are
markup (escaped by the engine itself); everything else is text for the templates to escape.

Codes: the engine's (CL502) and the cite-this line's (CL401) are added to the ledger's; an unknown
style raises ``StyleError`` (CL501).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass

from citeledger import __version__
from citeledger.diagnostics import Diagnostic, unique
from citeledger.io.convert import with_ids, write_items
from citeledger.io.csljson import to_item
from citeledger.io.dates import format_iso_date
from citeledger.model import Ledger, Name, Reference
from citeledger.render import engine, styles
from citeledger.render.cite_this import format_cite_this
from citeledger.render.report_article import Segment, article_paragraphs, describe_locator
from citeledger.render.report_findings import Finding, citation_findings, findings_about, list_findings

DEFAULT_STYLES = ("citeledger-house", "apa", "chicago-author-date")
REPORT_FORMATS = ("html", "markdown")
_SAFE_ID = re.compile(r"[A-Za-z0-9_.:-]+")


@dataclass(frozen=True)
class Source:
    """One source of a claim: the key (``""`` when unresolved), its anchor and the locator."""

    key: str
    href: str
    locator: str


@dataclass(frozen=True)
class ClaimRow:
    anchor: str
    number: int
    text: str
    line: int
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class ReferenceCard:
    """A reference with its formatted entry (first style) and the claims it supports (number, anchor,
    locator); ``uses`` counts the citation items linked to it."""

    key: str
    anchor: str
    entry: str
    raw: str
    uses: int
    claims: tuple[tuple[int, str, str], ...]
    findings: tuple[tuple[str, str, str], ...] = ()  # (anchor id, severity, "CL103: message")


@dataclass(frozen=True)
class StyleView:
    id: str
    title: str
    entries: tuple[tuple[str, str], ...]  # (anchor id, formatted entry)


@dataclass(frozen=True)
class Report:
    fmt: str
    title: str
    source: str
    authors: str
    date: str
    counts: tuple[tuple[str, int], ...]
    paragraphs: tuple[tuple[Segment, ...], ...]
    claims: tuple[ClaimRow, ...]
    references: tuple[ReferenceCard, ...]
    styles: tuple[StyleView, ...]
    cite_this: str
    findings: tuple[Finding, ...]
    bibtex: str
    generator: str


def reference_anchors(references: Sequence[Reference]) -> dict[str, str]:
    """Key → HTML id: ``ref-KEY`` for plain keys, ``ref-N`` for keys with spaces or odd characters."""
    anchors: dict[str, str] = {}
    for number, reference in enumerate(references):
        if reference.id not in anchors:
            safe = _SAFE_ID.fullmatch(reference.id)
            anchors[reference.id] = f"ref-{reference.id}" if safe else f"ref-{number + 1}"
    return anchors


def _name(name: Name) -> str:
    return name.literal or " ".join(part for part in (name.given, name.sort_family, name.suffix) if part)


def _engine_text(text: str, fmt: str) -> str:
    """Engine output for the templates: its Markdown escapes emphasis marks, not raw HTML tags (we do)."""
    return text.replace("<", r"\<").replace(">", r"\>") if fmt == "markdown" else text


def _format_style(style_id: str, items: list[dict], fmt: str) -> tuple[list[tuple[str, str]], list[Diagnostic], str]:
    """One style's bibliography → ((key, entry) pairs, the engine's findings, the style's title)."""
    style = engine.load_style(styles.resolve_style(style_id))
    formatted = engine.format_items(items, style, fmt=fmt)
    entries = [(entry.id, _engine_text(entry.text, fmt)) for entry in formatted.entries]
    return entries, list(formatted.diagnostics), style.title or style_id


def _claim_rows(ledger: Ledger, anchors: dict[str, str]) -> tuple[ClaimRow, ...]:
    rows = []
    for number, claim in enumerate(ledger.claims):
        sources = tuple(Source(key or "", "#" + anchors[key] if key in anchors else "#findings",
                               describe_locator(locator)) for key, locator in ledger.sources(number))  # fmt: skip
        rows.append(ClaimRow(f"claim-{number + 1}", number + 1, claim.raw, claim.span.line, sources))
    return tuple(rows)


def _reference_cards(ledger: Ledger, keyed: Sequence[Reference], anchors: dict[str, str], entries: dict[str, str],
                     findings: Sequence[Finding]) -> tuple[ReferenceCard, ...]:
    """One card per distinct reference; ``keyed`` are the ledger's references with an id for every one."""
    cards, seen = [], set()
    for original, reference in zip(ledger.references, keyed, strict=True):
        if reference.id in seen:
            continue  # a repeated key is one work (the first entry wins, as in linking)
        seen.add(reference.id)
        key = original.id  # what the links and supports name (empty for an entry that had no key)
        uses = sum(link.key == key for link in ledger.links) if key else 0
        claims = tuple((n + 1, f"#claim-{n + 1}", "; ".join(describe_locator(loc) for k, loc in ledger.sources(n)
                                                             if k == key and loc))
                       for n in ledger.supports.get(key, ()))  # fmt: skip
        anchor = anchors[reference.id]
        cards.append(ReferenceCard(reference.id, anchor, entries.get(reference.id, ""), reference.raw, uses, claims,
                                   findings_about(findings, "#" + anchor)))  # fmt: skip
    return tuple(cards)


def _counts(ledger: Ledger, findings: Sequence[Diagnostic]) -> tuple[tuple[str, int], ...]:
    levels = [str(d.severity) for d in findings]
    return (
        ("citations", len(ledger.citations)),
        ("linked items", sum(link.key is not None for link in ledger.links)),
        ("unresolved items", sum(link.key is None for link in ledger.links)),
        ("references", len({r.id for r in ledger.references})),
        ("uncited references", sum(not claims for claims in ledger.supports.values())),
        ("errors", levels.count("error")),
        ("warnings", levels.count("warning")),
        ("notes", levels.count("info")),
    )


def _cite_this(ledger: Ledger, fmt: str, today: datetime.date | None) -> tuple[str, list[Diagnostic]]:
    article = ledger.article
    if article.own_entry is None:
        return "", []
    result = format_cite_this(article.own_entry, url=article.url or None, today=today, fmt=fmt)
    return _engine_text(result.text, fmt), [d if d.path else d.at(article.source) for d in result.diagnostics]


def _bibliographies(style_ids: Sequence[str], items: list[dict], anchors: dict[str, str], fmt: str):
    """Every style's bibliography → (StyleViews, the first style's entries by key, tooltips by key, findings)."""
    views, diagnostics = [], []
    first: dict[str, str] = {}
    for number, style_id in enumerate(dict.fromkeys(style_ids)):
        entries, found, title = _format_style(style_id, items, fmt)
        diagnostics.extend(found)
        views.append(StyleView(style_id, title, tuple((f"bib-{number + 1}-{anchors.get(key, key)}", text)
                                                      for key, text in entries)))  # fmt: skip
        first = first or dict(entries)
    tips: dict[str, str] = {}
    if fmt == "html":  # tooltips are attribute text: the first style again, as plain text
        style = engine.load_style(styles.resolve_style(style_ids[0]))
        tips = {e.id: e.text for e in engine.format_items(items, style, fmt="text").entries}
    return tuple(views), first, tips, diagnostics


def build_report(ledger: Ledger, style_ids: Sequence[str] = DEFAULT_STYLES, fmt: str = "html",
                 today: datetime.date | None = None) -> Report:
    """Takes a ledger, style ids or paths (the first one formats the reference cards and tooltips), the
    output format (``html``/``markdown``) and the date to use for a missing "accessed"; returns the Report.
    Raises StyleError (CL501) for an unknown style."""
    references = with_ids(list(ledger.references))
    items = [to_item(r) for r in references]
    anchors = reference_anchors(references)
    views, entries, tips, style_findings = _bibliographies(tuple(style_ids) or DEFAULT_STYLES, items, anchors, fmt)
    cite_this, cite_findings = _cite_this(ledger, fmt, today)
    diagnostics = unique([*ledger.diagnostics, *cite_findings, *style_findings])
    findings = list_findings(ledger, diagnostics, anchors)
    article = ledger.article
    return Report(
        fmt=fmt, title=article.title or article.source, source=article.source,
        authors=", ".join(_name(name) for name in article.authors),
        date=format_iso_date(article.date) if article.date else "", counts=_counts(ledger, diagnostics),
        paragraphs=tuple(article_paragraphs(ledger, anchors, tips, citation_findings(ledger, findings))),
        claims=_claim_rows(ledger, anchors),
        references=_reference_cards(ledger, references, anchors, entries, findings), styles=views,
        cite_this=cite_this, findings=tuple(findings), bibtex=write_items(references, "bibtex")[0],
        generator=f"citeledger {__version__}",
    )
