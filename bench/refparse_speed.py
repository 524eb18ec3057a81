"""Reference parser speed: model load time and references per second on one core.

    python bench/refparse_speed.py [--count 3000] [--repeat 3]

The references are the strings of ../shared/data/refparse (the house-style set and AnyStyle's gold
set, read for timing only), or, without that folder, a few built-in strings repeated. Each method
(rules, labeller, hybrid) parses the same list; the best of ``--repeat`` runs is reported, per CPU-second
(what one core does: the process is single-threaded) and per wall-second (which a loaded machine lowers).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

from refparse_data import read_anystyle, read_house

from citeledger.references import parse_reference
from citeledger.references.labeller import load_tagger

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "refparse"
FALLBACK = (
    "DUPONT, Jean, 1998 (2nd ed.), La ville, Lyon: Fayard.",
    "Smith, J. A., & Jones, B. (2001). The history of things. Journal of Things, 12(3), 45–67.",
    "Weber M (1922) Wirtschaft und Gesellschaft. Mohr, Tübingen",
)
LOAD_SNIPPET = (
    "import time; t = time.perf_counter(); from citeledger.references.labeller import load_tagger; "
    "load_tagger(); print(time.perf_counter() - t)"
)


def references(count: int) -> list[str]:
    texts: list[str] = []
    if DATA.is_dir():
        texts += [text for text, _ in read_house(DATA / "synthetic" / "house_style_300.jsonl")]
        texts += [text for text, _ in read_anystyle(DATA / "anystyle" / "gold.xml")]
    texts = texts or list(FALLBACK)
    return (texts * (count // len(texts) + 1))[:count]


def model_load_seconds() -> tuple[float, float]:
    """(import + load in a fresh interpreter, load alone in this one)."""
    fresh = float(subprocess.run([sys.executable, "-c", LOAD_SNIPPET], capture_output=True, text=True,
                                 check=True).stdout)  # fmt: skip
    load_tagger.cache_clear()
    started = time.perf_counter()
    load_tagger()
    return fresh, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=3000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    fresh, warm = model_load_seconds()
    print(f"model load: {fresh * 1000:.0f} ms in a fresh interpreter (imports included), {warm * 1000:.1f} ms alone")
    texts = references(args.count)
    for method in ("rules", "labeller", "hybrid"):
        wall = cpu = float("inf")
        for _ in range(args.repeat):
            started, started_cpu = time.perf_counter(), time.process_time()
            for text in texts:
                parse_reference(text, method=method)
            wall = min(wall, time.perf_counter() - started)
            cpu = min(cpu, time.process_time() - started_cpu)
        # CPU time is what one core spends; wall time also counts waiting for a shared machine.
        print(f"{method:<9} {len(texts) / cpu:8.0f} references per CPU-second, {len(texts) / wall:8.0f} per wall-second"
              f"  ({len(texts)} references, best of {args.repeat})")


if __name__ == "__main__":
    main()
