"""Measure what survives BibTeX → CSL-JSON → BibTeX/BibLaTeX: the evidence behind ``convert``.

``measure_roundtrip`` reads a .bib into the model, writes CSL-JSON, reads it back, writes the
dialect, reads that again, and compares the two model copies entry by entry (decoded values).
It counts entries, fields, fields the model cannot carry (by name), and every variable whose
value changed on the way (by name). Used by ``tests/test_corpus_convert.py`` and
``bench/convert_corpus.py``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from citeledger.io.bibtex import parse_bibtex
from citeledger.io.bibtex_items import from_bibtex, parse_bibtex_items
from citeledger.io.bibtex_writer import to_bibtex
from citeledger.io.convert import with_ids
from citeledger.io.csljson import parse_csljson, to_csljson
from citeledger.model import Reference


@dataclass
class RoundTripCounts:
    """Totals for one or more files. ``not_carried``: BibTeX fields (or ``@type``) with no CSL
    place, by name; ``not_written``: CSL variables the dialect has no field for, by name;
    ``changed``: variables whose decoded value differs after the round trip, by name, and
    ``changes`` the same as (source, key, variable) triples."""

    files: int = 0
    entries_in: int = 0
    entries_out: int = 0
    fields_in: int = 0
    values_compared: int = 0
    not_carried: Counter[str] = field(default_factory=Counter)
    not_written: Counter[str] = field(default_factory=Counter)
    changed: Counter[str] = field(default_factory=Counter)
    changes: list[tuple[str, str, str]] = field(default_factory=list)  # (source, key, variable)
    examples: list[str] = field(default_factory=list)

    def add(self, other: RoundTripCounts) -> None:
        for name in ("files", "entries_in", "entries_out", "fields_in", "values_compared"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.not_carried.update(other.not_carried)
        self.not_written.update(other.not_written)
        self.changed.update(other.changed)
        self.changes.extend(other.changes)
        self.examples.extend(other.examples[: max(0, 20 - len(self.examples))])


def _variables(reference: Reference) -> dict[str, object]:
    return {"type": reference.type, **reference.fields, **reference.names, **reference.dates}


def compare_references(before: Reference, after: Reference) -> list[str]:
    """The variables (and ``type``) whose values differ between two model copies."""
    left, right = _variables(before), _variables(after)
    return sorted(v for v in left.keys() | right.keys() if left.get(v) != right.get(v))


def _field_name(message: str) -> str:
    """```foo`` of ``key`` …`` → ``foo``; ``type ``webpage`` of …`` → ``type webpage`` (the subject
    our CL205 messages start with)."""
    return message.split(" of `")[0].replace("`", "")


def measure_roundtrip(text: str, source: str = "-", dialect: str = "biblatex") -> RoundTripCounts:
    """Round-trip one .bib text through CSL-JSON and back to ``dialect``; count what is lost."""
    bib = parse_bibtex(text, source)
    first, read_diagnostics = from_bibtex(bib)
    first = with_ids(first)
    second, _ = parse_csljson(to_csljson(first), source)
    written, write_diagnostics = to_bibtex(second, dialect, source=source)
    third, _ = parse_bibtex_items(written, source)
    counts = RoundTripCounts(files=1, entries_in=len(first), entries_out=len(third))
    counts.fields_in = sum(len(block.fields) for block in bib.entries)
    counts.not_carried.update(_field_name(d.message) for d in read_diagnostics if d.code == "CL205")
    counts.not_written.update(_field_name(d.message) for d in write_diagnostics if d.code == "CL205")
    for before, after in zip(first, third, strict=False):
        counts.values_compared += len(_variables(before))
        for variable in compare_references(before, after):
            counts.changed[variable] += 1
            counts.changes.append((source, before.id, variable))
            if len(counts.examples) < 20:
                counts.examples.append(f"{source} {before.id} {variable}: {_variables(before).get(variable)!r} → "
                                       f"{_variables(after).get(variable)!r}")
    return counts
