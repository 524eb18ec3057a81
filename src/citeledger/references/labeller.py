"""The statistical labeller (placeholder until the model lands): returns None, so the parser
falls back to reporting the reference as unparsed."""

from __future__ import annotations

from citeledger.references.segments import Labelling


def label(text: str) -> Labelling | None:
    return None
