"""The claims ledger as data: ``to_record(ledger)`` (the JSON shape documented in ``docs/ledger.schema.json``)
and its renderings ``render_json``, ``render_csv``, ``render_markdown``; ``render_sarif`` for code hosts.
"""

from __future__ import annotations

import csv
import io
import json

from citeledger import __version__
from citeledger.citations.checks import label
from citeledger.diagnostics import CATALOGUE, Diagnostic
from citeledger.diagnostics import to_record as diagnostic_record
from citeledger.model import Citation, CitationItem, Ledger, Link, Locator, Span

SCHEMA_VERSION = 1
LEDGER_FORMATS = ("json", "csv", "markdown")


def _span(span: Span | None) -> dict | None:
    return None if span is None else {"start": span.start, "end": span.end, "line": span.line, "col": span.col}


def _locator(locator: Locator | None) -> dict | None:
    if locator is None:
        return None
    return {"label": locator.label, "value": locator.value, "raw": locator.raw,
            "ranges": [list(pair) for pair in locator.ranges], "problem": locator.problem}  # fmt: skip


def _link(link: Link) -> dict:
    return {"key": link.key, "method": link.method, "score": link.score, "reasons": list(link.reasons),
            "candidates": list(link.candidates)}  # fmt: skip


def _item(item: CitationItem, link: Link) -> dict:
    return {
        "raw": item.raw, "span": _span(item.span), "names": list(item.names), "et_al": item.et_al,
        "title": item.title, "key": item.key, "year": item.year, "year_suffix": item.year_suffix,
        "prefix": item.prefix, "suffix": item.suffix, "locator": _locator(item.locator), "link": _link(link),
    }  # fmt: skip


def _citation(number: int, citation: Citation, ledger: Ledger, claim_of: dict[int, int]) -> dict:
    links = ledger.links_of(number)
    return {
        "id": number, "raw": citation.raw, "span": _span(citation.span), "form": citation.form,
        "narrative": citation.narrative, "claim": claim_of.get(number),
        "items": [_item(citation.items[link.item], link) for link in links],
    }  # fmt: skip


def to_record(ledger: Ledger) -> dict:
    """Takes a ledger; returns plain data (dicts, lists, strings, numbers) in the documented JSON shape."""
    claim_of = {citation: number for number, claim in enumerate(ledger.claims) for citation in claim.citations}
    article = ledger.article
    return {
        "schema_version": SCHEMA_VERSION,
        "generator": f"citeledger {__version__}",
        "article": {"source": article.source, "format": article.format, "title": article.title,
                    "reference_source": ledger.reference_source},
        "references": [{"key": r.id, "label": label(r), "span": _span(r.span),
                        "claims": list(ledger.supports.get(r.id, ()))} for r in ledger.references],
        "citations": [_citation(n, c, ledger, claim_of) for n, c in enumerate(ledger.citations)],
        "claims": [{"id": n, "raw": claim.raw, "span": _span(claim.span), "citations": list(claim.citations),
                    "sources": [{"key": key, "locator": _locator(locator)} for key, locator in ledger.sources(n)]}
                   for n, claim in enumerate(ledger.claims)],
        "diagnostics": [diagnostic_record(d) for d in ledger.diagnostics],
    }  # fmt: skip


def render_json(ledger: Ledger) -> str:
    return json.dumps(to_record(ledger), ensure_ascii=False, indent=2) + "\n"


def _pages(locator: dict | None) -> str:
    return "" if locator is None else locator["raw"]


def render_csv(ledger: Ledger) -> str:
    """One row per claim and source: claim id, line, col, the claim, the key (empty if unresolved), locator."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["claim", "line", "col", "text", "key", "locator"])
    for claim in to_record(ledger)["claims"]:
        for source in claim["sources"] or [{"key": None, "locator": None}]:
            writer.writerow([claim["id"], claim["span"]["line"], claim["span"]["col"], claim["raw"],
                             source["key"] or "", _pages(source["locator"])])  # fmt: skip
    return out.getvalue()


def render_markdown(ledger: Ledger) -> str:
    """Claims with their sources, then each reference with the claims it supports."""
    record = to_record(ledger)
    lines = [f"# Claims ledger: {record['article']['title'] or record['article']['source']}", "", "## Claims", ""]
    for claim in record["claims"]:
        sources = "; ".join(
            (source["key"] or "unresolved") + (f", {_pages(source['locator'])}" if source["locator"] else "")
            for source in claim["sources"]
        )
        lines.append(f"{claim['id'] + 1}. {claim['raw']} — *{sources}* (line {claim['span']['line']})")
    lines += ["", "## References", ""]
    for reference in record["references"]:
        supported = ", ".join(str(number + 1) for number in reference["claims"])
        lines.append(f"- **{reference['key']}** ({reference['label']}): "
                     + (f"claims {supported}" if supported else "never cited"))
    return "\n".join(lines) + "\n"


RENDERERS = {"json": render_json, "csv": render_csv, "markdown": render_markdown}


def _sarif_result(diagnostic: Diagnostic) -> dict:
    result: dict = {"ruleId": diagnostic.code, "level": {"error": "error", "warning": "warning"}.get(
        str(diagnostic.severity), "note"), "message": {"text": diagnostic.message + (
        f" (hint: {diagnostic.hint})" if diagnostic.hint else "")}}  # fmt: skip
    if diagnostic.path:
        region = {"startLine": diagnostic.line, "startColumn": diagnostic.col} if diagnostic.line else {}
        location = {"artifactLocation": {"uri": diagnostic.path}, **({"region": region} if region else {})}
        result["locations"] = [{"physicalLocation": location}]
    return result


def render_sarif(diagnostics: list[Diagnostic]) -> str:
    """Diagnostics as a SARIF 2.1.0 log (one run, the rules from the code catalogue)."""
    rules = [{"id": info.code, "name": info.slug, "shortDescription": {"text": info.summary}}
             for info in CATALOGUE.values()]  # fmt: skip
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{"tool": {"driver": {"name": "citeledger", "version": __version__, "rules": rules}},
                  "results": [_sarif_result(d) for d in diagnostics]}],
    }  # fmt: skip
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
