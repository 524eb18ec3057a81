"""The mutable draft the normalizers fill in turn, from one ``Labelling`` to one ``Reference``."""

from __future__ import annotations

from dataclasses import dataclass, field

from citeledger.diagnostics import Diagnostic
from citeledger.model import Date, Name, Reference, Span
from citeledger.references.segments import Labelling

# Low-confidence segments below this marginal probability are reported (CL102) and left out. 0.5 rather
# than 0.6, chosen on our own data: with a model trained on the 11:25 rendering, field F1 0.947 -> 0.949
# and entirely correct 0.75 -> 0.79 on the hand-annotated dev references, field-segment F1 0.9505 ->
# 0.9509 on the generated dev split; with the shipped model F1 is flat (0.934 both; dev split 0.9541 ->
# 0.9540) and entirely correct 0.74 -> 0.76.
LOW_CONFIDENCE = 0.5


@dataclass
class Draft:
    labelling: Labelling
    source: str = "-"
    origin: Span | None = None
    type: str = ""
    fields: dict[str, str] = field(default_factory=dict)
    names: dict[str, tuple[Name, ...]] = field(default_factory=dict)
    dates: dict[str, Date] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def values(self, label: str) -> list[str]:
        """The texts labelled ``label`` that are confident enough to be written."""
        text = self.labelling.text
        return [text[s.start : s.end] for s in self.labelling.segments
                if s.label == label and s.confidence >= LOW_CONFIDENCE]  # fmt: skip

    def first(self, label: str) -> str:
        found = self.values(label)
        return found[0] if found else ""

    def report(self, code: str, message: str, hint: str = "", at: int | None = None) -> None:
        """Adds a diagnostic about this reference; ``at`` is an offset into the reference string."""
        origin = self.origin or Span(0, len(self.labelling.text))
        start = origin.start + (at or 0)
        self.diagnostics.append(Diagnostic(
            code, message, path=self.source, line=origin.line if self.origin else 0,
            col=(origin.col + (at or 0)) if self.origin and "\n" not in self.labelling.text else origin.col,
            start=start, end=origin.end, hint=hint, subject=self.labelling.text[:60],
        ))  # fmt: skip

    def build(self, ident: str = "") -> Reference:
        return Reference(
            id=ident, type=self.type or "document", fields=dict(self.fields), names=dict(self.names),
            dates=dict(self.dates), raw=self.labelling.text, span=self.origin, confidence=self.labelling.confidence,
        )  # fmt: skip
