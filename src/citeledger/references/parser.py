"""Reference strings → ``Reference`` items: label (templates, then the statistical labeller),
normalize, report.

``method`` picks the labelling layers: ``hybrid`` (templates that abstain unless they consume the
whole string, then the labeller), ``rules`` (templates only) or ``labeller`` (labeller only).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from citeledger.diagnostics import Diagnostic
from citeledger.model import Reference, Span
from citeledger.references import labeller
from citeledger.references.normalizers import Draft, run_normalizers
from citeledger.references.normalizers.draft import LOW_CONFIDENCE
from citeledger.references.normalizers.identifiers import normalize_identifiers
from citeledger.references.segments import Labelling, Segment
from citeledger.references.templates import TEMPLATES

METHODS = ("hybrid", "rules", "labeller")
MAX_REFERENCE = 5000  # longer strings are not one reference: only their start is parsed
TEMPLATE_CONFIDENCE = 0.99
_CONNECTORS = frozenset(
    {
        "in",
        "and",
        "et",
        "ed",
        "eds",
        "pp",
        "p",
        "vol",
        "no",
        "n°",
        "s",
        "hrsg",
        "dir",
        "trans",
        "trad",
        "edited",
        "by",
        "translated",
        "par",
        "sous",
        "la",
        "direction",
        "de",
        "of",
        "en",
    }
)
_WORD = re.compile(r"[^\W\d_]{2,}|\d+")


def label_reference(text: str, method: str = "hybrid") -> Labelling:
    """Takes one reference string; returns its labelling by the first layer that accepts it, or a
    labelling with no segments (method ``none``) when no layer does."""
    if method in ("hybrid", "rules"):
        for name, template in TEMPLATES:
            if (segments := template(text)) is not None:
                return Labelling(text, tuple(segments), f"template:{name}", TEMPLATE_CONFIDENCE)
    if method in ("hybrid", "labeller") and (labelled := labeller.label(text)) is not None:
        return labelled
    return Labelling(text, (), "none", 0.0)


def _unconsumed(labelling: Labelling) -> list[Segment]:
    """Segments the labeller left to ``other`` that hold real words (not ``In``, ``pp.``, ``and``)."""
    found = []
    for segment in labelling.segments:
        words = _WORD.findall(labelling.text[segment.start : segment.end].lower())
        if segment.label == "other" and any(word not in _CONNECTORS for word in words):
            found.append(segment)
    return found


def _report_doubts(draft: Draft) -> None:
    labelling = draft.labelling
    if not labelling.segments:
        draft.report("CL102", "the reference could not be parsed", hint="check it by hand or write it as BibTeX")
        return
    for segment in labelling.segments:
        if segment.label != "other" and segment.confidence < LOW_CONFIDENCE:
            value = labelling.text[segment.start : segment.end]
            draft.report("CL102", f"uncertain {segment.label} {value!r} left out ({segment.confidence:.2f})",
                         at=segment.start)  # fmt: skip
    for segment in _unconsumed(labelling):
        value = labelling.text[segment.start : segment.end]
        draft.report("CL102", f"text not assigned to any field: {value!r}", at=segment.start)


def parse_reference(
    text: str, source: str = "-", origin: Span | None = None, method: str = "hybrid"
) -> tuple[Reference, list[Diagnostic], Labelling]:
    """Takes one reference string (and where it sits in its source); returns the Reference (id
    empty: keys are given per list), diagnostics (CL102 unparsed or uncertain, CL103 missing field,
    CL104 irregular names) and the labelling (for ``--explain``)."""
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}")
    # Line breaks and indents of a wrapped entry are one space to the templates and the labeller;
    # the labelling's text is this collapsed string (``collapse_offsets`` maps it back).
    clipped = " ".join(text[:MAX_REFERENCE].split())
    labelling = label_reference(clipped, method) if clipped else Labelling(clipped, (), "none", 0.0)
    draft = Draft(labelling, source=source, origin=origin)
    if len(text) > MAX_REFERENCE:
        draft.report("CL102", f"{len(text)} characters is too long for one reference; only the start was parsed")
    _report_doubts(draft)
    if labelling.segments:
        run_normalizers(draft)
    else:
        normalize_identifiers(draft)  # a DOI or URL is worth keeping even from an unparsed string
    reference = replace(draft.build(), raw=text)
    return reference, draft.diagnostics, labelling


def collapse_offsets(raw: str) -> list[int]:
    """For each character of ``" ".join(raw.split())`` (and one past its end), its offset in ``raw``."""
    offsets: list[int] = []
    for match in re.finditer(r"\S+", raw):
        if offsets:
            offsets.append(match.start() - 1)  # the single space standing for the gap
        offsets.extend(range(match.start(), match.end()))
    offsets.append(offsets[-1] + 1 if offsets else 0)
    return offsets


def parse_references(
    items: Iterable[tuple[str, Span | None]], source: str = "-", method: str = "hybrid"
) -> tuple[list[Reference], list[Diagnostic], list[Labelling]]:
    """Takes (text, span) pairs; returns the References, all diagnostics and the labellings."""
    references, diagnostics, labellings = [], [], []
    for text, span in items:
        reference, found, labelling = parse_reference(text, source, span, method)
        references.append(reference)
        diagnostics.extend(found)
        labellings.append(labelling)
    return references, diagnostics, labellings
