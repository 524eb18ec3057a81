"""Read + normalize + write throughput of citeledger's BibTeX layer, side by side with its peers.

Usage:
    /work/venv/bin/python bench/bibtex_io.py [--corpus DIR] [--repeat N]

Two datasets: every .bib file of the shared corpus, and a 13,481-entry file made (in a temporary
directory) by concatenating ``bbt/Unabbreviate_on_import_1436-3.bib`` and ``cdl/cdl.bib``. Every
contender starts from the file's bytes in memory (no disk time in any figure). Times are the process's
CPU seconds (``time.process_time``), best of ``--repeat`` runs: the machine may be shared, and wall time
would count the other processes' turns (``--wall`` measures wall time instead). Contenders:

- bibtexparser ``parse_string`` (default parse stack), its default ``write_string`` on the parsed
  library (write only), and pybtex ``parse_string(text, "bibtex")`` (errors caught per file);
- ours: ``read`` (decode + ``parse_bibtex``), ``tidy --check`` (read + default rules, nothing
  encoded), ``untouched save`` (``--rules none``: render + encode of a parsed file, write only, to set
  against bibtexparser's write) and ``full tidy`` (read + default rules + render + encode).

Prints a markdown table (seconds, MB/s, ratio to bibtexparser's parse) and the two targets of issue 2.
"""

from __future__ import annotations

import argparse
import gc
import logging
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import bibtexparser
import pybtex.database
import pybtex.errors

from citeledger.io.bibtex import encode_bibtex, parse_bibtex, render_bibtex
from citeledger.io.textfile import decode_bytes
from citeledger.tidy import tidy_bibtex

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "bib-corpus"
BIG_PARTS = ("bbt/Unabbreviate_on_import_1436-3.bib", "cdl/cdl.bib")


def best_of(repeat: int, run: Callable[[], object], clock: Callable[[], float]) -> float:
    """Smallest time of ``repeat`` runs (a garbage collection before each, not counted)."""
    times = []
    for _ in range(repeat):
        gc.collect()
        start = clock()
        run()
        times.append(clock() - start)
    return min(times)


def decoded_texts(blobs: list[bytes]) -> list[str]:
    # The peers only read UTF-8; give them the text our sniffer found, so every tool sees every file.
    return [decode_bytes(blob).text for blob in blobs]


def pybtex_parse(texts: list[str]) -> int:
    """Parse every text with pybtex; its recoverable errors are collected (not printed, not raised),
    the others counted per file."""
    failures = 0
    with pybtex.errors.capture():
        for text in texts:
            try:
                pybtex.database.parse_string(text, "bibtex")
            except Exception:  # pybtex raises many kinds (syntax, duplicates, encoding); count and go on
                failures += 1
    return failures


def contenders(blobs: list[bytes]) -> dict[str, Callable[[], object]]:
    texts = decoded_texts(blobs)
    libraries = [bibtexparser.parse_string(text) for text in texts]
    parsed = [parse_bibtex(decode_bytes(blob).text, "-", decode_bytes(blob)) for blob in blobs]

    def read() -> list:
        return [parse_bibtex((d := decode_bytes(blob)).text, "-", d) for blob in blobs]

    return {
        "bibtexparser parse_string": lambda: [bibtexparser.parse_string(text) for text in texts],
        "bibtexparser write_string (write only)": lambda: [bibtexparser.write_string(lib) for lib in libraries],
        "pybtex parse_string": lambda: pybtex_parse(texts),
        "citeledger read (decode + parse_bibtex)": read,
        "citeledger tidy --check (read + rules)": lambda: [tidy_bibtex(bib).changed for bib in read()],
        "citeledger untouched save (render + encode)": lambda: [
            encode_bibtex(bib, render_bibtex(bib, {})) for bib in parsed
        ],
        "citeledger full tidy (read + rules + encode)": lambda: [tidy_bibtex(bib).encoded() for bib in read()],
    }


def measure(blobs: list[bytes], repeat: int, clock: Callable[[], float]) -> dict[str, float]:
    return {name: best_of(repeat, run, clock) for name, run in contenders(blobs).items()}


def load_datasets(corpus: Path, workdir: Path) -> dict[str, list[bytes]]:
    files = sorted(corpus.rglob("*.bib"))
    big = workdir / "big-13k.bib"
    big.write_bytes(b"".join((corpus / part).read_bytes() for part in BIG_PARTS))
    return {f"corpus ({len(files)} files)": [f.read_bytes() for f in files], "13k entries (1 file)": [big.read_bytes()]}


def render_table(results: dict[str, dict[str, float]], sizes: dict[str, int]) -> str:
    names = list(next(iter(results.values())))
    header = "| contender | " + " | ".join(f"{d}: s | MB/s | × parse" for d in results) + " |"
    lines = [header, "|---|" + "---:|---:|---:|" * len(results)]
    for name in names:
        cells = []
        for dataset, timings in results.items():
            seconds, base = timings[name], timings["bibtexparser parse_string"]
            cells.append(f"{seconds:.3f} | {sizes[dataset] / 1e6 / seconds:.2f} | {seconds / base:.2f}")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def report_targets(timings: dict[str, float]) -> list[str]:
    check = timings["citeledger tidy --check (read + rules)"] / timings["bibtexparser parse_string"]
    save = timings["bibtexparser write_string (write only)"] / timings["citeledger untouched save (render + encode)"]
    return [
        f"- tidy --check / bibtexparser parse on the 13k file: {check:.2f}× (target ≤ 1.3×: "
        f"{'met' if check <= 1.3 else 'MISSED'})",
        f"- bibtexparser write / our untouched save on the 13k file: {save:.0f}× faster (target ≥ 3×: "
        f"{'met' if save >= 3 else 'MISSED'})",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--wall", action="store_true", help="measure wall time instead of CPU time")
    args = parser.parse_args(argv)
    clock = time.perf_counter if args.wall else time.process_time
    if not args.corpus.is_dir():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)  # large-library and failed-block warnings
    with tempfile.TemporaryDirectory() as workdir:
        datasets = load_datasets(args.corpus, Path(workdir))
    sizes = {name: sum(len(blob) for blob in blobs) for name, blobs in datasets.items()}
    results = {name: measure(blobs, args.repeat, clock) for name, blobs in datasets.items()}
    print(f"Python {sys.version.split()[0]}, bibtexparser {bibtexparser.__version__}, pybtex {pybtex.__version__}, "
          f"{'wall' if args.wall else 'CPU'} seconds, best of {args.repeat} runs; "
          + ", ".join(f"{name}: {size / 1e6:.2f} MB" for name, size in sizes.items()))
    print()
    print(render_table(results, sizes))
    print()
    print("\n".join(report_targets(results["13k entries (1 file)"])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
