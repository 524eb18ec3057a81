"""The shared corpus (321 real .bib files) → CSL-JSON → BibLaTeX: every entry is kept and every value
the model carries comes back (decoded values compared). Skipped when ../shared is absent.

What the model cannot carry is counted by field name (and printed, run with ``-s``). Values that do
change are listed in ``data/convert_corpus_known_changes.txt`` with the reason; the test fails on a
new change *and* on a listed change that no longer happens, so the list stays exact.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeledger.io.roundtrip import RoundTripCounts, measure_roundtrip
from citeledger.io.textfile import read_text

KNOWN_CHANGES = Path(__file__).parent / "data" / "convert_corpus_known_changes.txt"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "bib-corpus"


def _known_changes() -> set[tuple[str, str, str]]:
    known = set()
    for line in KNOWN_CHANGES.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            source, key, variable = line.split("\t")
            known.add((source, key, variable))
    return known


@pytest.fixture(scope="module")
def corpus_counts() -> tuple[RoundTripCounts, list[Path]]:
    if not CORPUS.is_dir():
        pytest.skip(f"shared corpus not found at {CORPUS}")
    files = sorted(CORPUS.rglob("*.bib"))
    total = RoundTripCounts()
    for path in files:
        decoded = read_text(str(path))  # every corpus file is decodable (encodings are sniffed)
        total.add(measure_roundtrip(decoded.text, path.relative_to(CORPUS).as_posix(), "biblatex"))
    print(f"\nconvert round trip over {total.files} files: {total.entries_in} entries in, {total.entries_out} back; "
          f"{total.fields_in} fields; {sum(total.not_carried.values())} fields with no CSL place "
          f"({len(total.not_carried)} names; top: {total.not_carried.most_common(10)}); "
          f"{sum(total.changed.values())} values changed: {dict(total.changed)}")
    return total, files


@pytest.mark.slow
def test_every_file_is_read(corpus_counts):
    total, files = corpus_counts
    assert len(files) == 321
    assert total.files == 321


@pytest.mark.slow
def test_every_entry_is_kept(corpus_counts):
    total, _ = corpus_counts
    assert total.entries_in == total.entries_out
    assert total.entries_in > 33000  # bibtexparser's splitter finds 33,921 entries (issue 2); key-less ones too


@pytest.mark.slow
def test_every_carried_value_survives_or_is_a_known_change(corpus_counts):
    total, _ = corpus_counts
    actual = set(total.changes)
    known = _known_changes()
    assert sorted(actual - known) == [], "new round-trip changes"
    assert sorted(known - actual) == [], "listed changes no longer happen: remove them from the list"


@pytest.mark.slow
def test_fields_not_carried_are_counted_by_name(corpus_counts):
    total, _ = corpus_counts
    # Fields with no CSL variable are reported, never silently dropped: the counter holds their names.
    assert total.not_carried["bibsource"] > 0 and total.not_carried["timestamp"] > 0
    assert "title" not in total.not_carried and "author" not in total.not_carried
    assert total.values_compared > 250_000
