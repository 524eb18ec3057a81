"""The library calls behind ``citeledger extract`` and ``citeledger parse``: text in, keyed
References, labellings and diagnostics out, and their rendering in the output formats."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace

from citeledger.article import read_article
from citeledger.article.lines import group_paragraphs, split_lines
from citeledger.diagnostics import Diagnostic
from citeledger.errors import UnusableInputError
from citeledger.io.convert import write_items
from citeledger.io.csljson import to_item
from citeledger.keys import assign_keys
from citeledger.model import Article, Reference, Span
from citeledger.positions import LineIndex
from citeledger.references.parser import collapse_offsets, parse_references
from citeledger.references.segments import Labelling

OUTPUTS = ("bibtex", "biblatex", "csl-json", "json")


@dataclass
class ExtractResult:
    """Keyed references (the article's own entry last), one labelling per parsed reference, findings."""

    references: list[Reference]
    labellings: list[Labelling]
    diagnostics: list[Diagnostic] = field(default_factory=list)
    article: Article | None = None


def _keyed(references: list[Reference]) -> list[Reference]:
    keys = assign_keys(references)
    return [replace(reference, id=key) for reference, key in zip(references, keys, strict=True)]


def extract_references(path: str, fmt: str | None = None, encoding: str | None = None,
                       method: str = "hybrid") -> ExtractResult:  # fmt: skip
    """Takes an article path; returns its parsed reference list plus its own entry (from the header
    and cite-this block), keyed ``surname+year``. Emits CL101 (no list) and the parser's codes."""
    article, diagnostics = read_article(path, fmt, encoding)
    items = [(article.text[span.start : span.end], span) for span in article.reference_entries]
    references, found, labellings = parse_references(items, path, method)
    if article.own_entry is not None:
        references.append(article.own_entry)
    return ExtractResult(_keyed(references), labellings, [*diagnostics, *found], article)


def split_reference_text(text: str) -> list[tuple[str, Span]]:
    """Takes pasted references: blank-line separated when there is a blank line between two, else one
    per line. Returns (reference, span) pairs; a paragraph's lines are joined by single spaces."""
    index, lines = LineIndex(text), split_lines(text)
    paragraphs = group_paragraphs(lines)
    if len(paragraphs) <= 1:
        paragraphs = [[line] for line in lines if not line.blank]
    return [(" ".join(line.content for line in paragraph), index.span(paragraph[0].start, paragraph[-1].end))
            for paragraph in paragraphs]  # fmt: skip


def parse_reference_text(text: str, source: str = "-", method: str = "hybrid") -> ExtractResult:
    """Takes reference strings as pasted; returns them parsed and keyed (CL102 when there is none)."""
    items = split_reference_text(text)
    references, diagnostics, labellings = parse_references(items, source, method)
    if not items:
        diagnostics.append(Diagnostic("CL102", "no reference string was given", path=source))
    return ExtractResult(_keyed(references), labellings, diagnostics)


def _json_record(reference: Reference, labelling: Labelling | None) -> dict:
    record = {"key": reference.id, "item": to_item(reference), "confidence": round(reference.confidence, 3)}
    if reference.span:
        record["span"] = {"start": reference.span.start, "end": reference.span.end,
                          "line": reference.span.line, "col": reference.span.col}  # fmt: skip
    if labelling is not None:
        base = reference.span.start if reference.span else 0
        offsets = collapse_offsets(reference.raw)
        record["method"] = labelling.method
        record["fields"] = [
            {"label": s.label, "text": labelling.text[s.start : s.end], "start": base + offsets[s.start],
             "end": base + offsets[s.end - 1] + 1, "confidence": round(s.confidence, 3)}
            for s in labelling.segments
        ]  # fmt: skip
    return record


def render_result(result: ExtractResult, to: str, source: str = "-") -> tuple[str, list[Diagnostic]]:
    """Takes a result and an output format (``bibtex``, ``biblatex``, ``csl-json``, ``json``);
    returns the text and the writer's diagnostics (CL205 fields the format cannot carry)."""
    if to not in OUTPUTS:
        raise UnusableInputError(f"unknown output format {to!r}; use one of {', '.join(OUTPUTS)}")
    if to != "json":
        return write_items(result.references, to, source=source)
    labellings: list[Labelling | None] = [*result.labellings]
    labellings += [None] * (len(result.references) - len(labellings))
    records = [_json_record(r, lab) for r, lab in zip(result.references, labellings, strict=True)]
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n", []


def explain(result: ExtractResult) -> str:
    """The labelled tokens of every parsed reference, for ``--explain`` (one token a line)."""
    blocks = []
    for reference, labelling in zip(result.references, result.labellings, strict=False):
        lines = [f"# {reference.id} [{labelling.method}, confidence {labelling.confidence:.2f}]"]
        if labelling.tokens:
            lines += [f"{label:<16} {probability:4.2f}  {token}" for token, label, probability in labelling.tokens]
        else:
            lines += [f"{s.label:<16} {s.confidence:4.2f}  {labelling.text[s.start : s.end]}"
                      for s in labelling.segments]  # fmt: skip
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"
