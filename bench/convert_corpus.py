"""Round-trip every file of the shared BibTeX corpus through CSL-JSON and print what survives.

Usage: python bench/convert_corpus.py [CORPUS_DIR] [--dialect bibtex|biblatex] [--top N]

For each file: read it (encoding sniffed), convert to CSL-JSON, read that back, write the dialect,
read it again, and compare the two model copies entry by entry. Prints totals: files, entries in
and out, fields, fields with no CSL place (by name), CSL variables the dialect cannot write, and
values that changed (should be none beyond what the mapping reports as not carried).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from citeledger.errors import UnusableInputError
from citeledger.io.roundtrip import RoundTripCounts, measure_roundtrip
from citeledger.io.textfile import read_text

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "bib-corpus"


def measure_corpus(corpus: Path, dialect: str) -> tuple[RoundTripCounts, list[str]]:
    total = RoundTripCounts()
    unreadable: list[str] = []
    for path in sorted(corpus.rglob("*.bib")):
        try:
            decoded = read_text(str(path))
        except UnusableInputError as error:
            unreadable.append(str(error))
            continue
        total.add(measure_roundtrip(decoded.text, str(path.relative_to(corpus)), dialect))
    return total, unreadable


def _top(counter, n: int) -> str:
    return ", ".join(f"{name} {count}" for name, count in counter.most_common(n)) or "none"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    parser.add_argument("--dialect", choices=["bibtex", "biblatex"], default="biblatex")
    parser.add_argument("--top", type=int, default=25, help="how many names to list per counter")
    args = parser.parse_args()
    corpus = Path(args.corpus)
    if not corpus.is_dir():
        print(f"{corpus}: no such directory", file=sys.stderr)
        return 2
    started = time.perf_counter()
    total, unreadable = measure_corpus(corpus, args.dialect)
    print(f"corpus: {corpus}  dialect back: {args.dialect}  ({time.perf_counter() - started:.1f} s)")
    print(f"files: {total.files} read, {len(unreadable)} unreadable")
    print(f"entries: {total.entries_in} in, {total.entries_out} back")
    print(f"fields in entries: {total.fields_in}; model values compared: {total.values_compared}")
    print(f"fields with no CSL place: {sum(total.not_carried.values())} ({len(total.not_carried)} names): "
          f"{_top(total.not_carried, args.top)}")
    print(f"CSL variables/types {args.dialect} cannot write: {sum(total.not_written.values())}: "
          f"{_top(total.not_written, args.top)}")
    print(f"values changed by the round trip: {sum(total.changed.values())}: {_top(total.changed, args.top)}")
    for example in total.examples[:10]:
        print(f"  e.g. {example}")
    for problem in unreadable:
        print(f"  unreadable: {problem}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
