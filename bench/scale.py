"""Scale: a generated .bib of 25k, 50k and 100k entries through ``tidy --check``, ``convert`` (to CSL-JSON)
and ``check`` (an article citing 200 of the entries, with ``--bib``), each in its own process; prints the
time and the peak resident memory of each run, and the memory per entry, to show linear growth under 1 GiB.

    python bench/scale.py                      # 25000,50000,100000
    python bench/scale.py --sizes 10000,20000  # quicker

Peak memory is the child's own ``ru_maxrss`` (``os.wait4``), so runs do not mask each other.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SYLLABLES = ["ka", "lo", "mi", "ser", "dan", "vel", "tor", "ne", "bra", "shi", "gu", "mon", "fe", "ri", "zal",
             "pa", "yu", "hel", "cor", "an", "bek", "ti", "mar", "os", "lin", "dru", "wen", "sa", "go", "pet"]
TYPES = ["article", "book", "incollection", "inproceedings", "phdthesis", "techreport", "misc"]
LIMIT = 1 << 30  # 1 GiB


def surname(n: int) -> str:
    a, b, c = n % 30, (n // 30) % 30, (n // 900) % 30
    return (SYLLABLES[a] + SYLLABLES[b] + SYLLABLES[c]).capitalize()


def entry(n: int, rng: random.Random) -> str:
    """One entry with the usual fields; some untidy (quotes, single dashes, month names) so tidy has work."""
    kind = TYPES[n % len(TYPES)]
    year = 1900 + n % 125
    authors = " and ".join(f"{surname(n * 7 + k)}, {SYLLABLES[(n + k) % 30].capitalize()}." for k in range(1 + n % 3))
    title = " ".join(SYLLABLES[rng.randrange(30)] for _ in range(6)).capitalize()
    pages = f"{n % 500 + 1}-{n % 500 + 20}"
    fields = [f"author = {{{authors}}}", f'title = "{title}"' if n % 4 == 0 else f"title = {{{title}}}",
              f"year = {year}", f"pages = {{{pages}}}", f"publisher = {{{surname(n + 3)} Press}}",
              f"address = {{{surname(n + 5)}}}"]
    if n % 5 == 0:
        fields.append("month = {January}")
    if n % 3 == 0:
        fields.append(f"doi = {{10.1000/{n}}}")
    if kind in ("article",):
        fields.append(f"journal = {{Journal of {surname(n + 11)} Studies}}")
    return f"@{kind}{{key{n},\n  " + ",\n  ".join(fields) + "\n}\n\n"


def write_bib(path: Path, entries: int) -> None:
    rng = random.Random(entries)
    with open(path, "w", encoding="utf-8") as handle:
        for n in range(entries):
            handle.write(entry(n, rng))


def write_article(path: Path, entries: int, cited: int = 200) -> None:
    """An article citing ``cited`` of the entries, by first author and year, a few per sentence."""
    rng = random.Random(1)
    sentences = []
    for n in sorted(rng.sample(range(entries), cited)):
        sentences.append(f"A claim resting on a source ({surname(n * 7)}, {1900 + n % 125}: {n % 90 + 1}).")
    body = "\n\n".join(" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4))
    path.write_text(f"A Generated Article\n\n3 February, 2008\nDoe Jane\n\n{body}\n", encoding="utf-8")


def run(arguments: list[str]) -> tuple[float, int, int]:
    """(seconds, peak RSS in bytes, exit code) of ``python -m citeledger ARGUMENTS`` in its own process."""
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "citeledger", *arguments], stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - started, usage.ru_maxrss * 1024, child.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="25000,50000,100000", help="comma-separated entry counts")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    rows = []
    with tempfile.TemporaryDirectory(prefix="citeledger-scale-") as folder:
        for size in sizes:
            bib, article = Path(folder) / f"big{size}.bib", Path(folder) / f"article{size}.txt"
            write_bib(bib, size)
            write_article(article, size)
            commands = {
                "tidy --check": ["tidy", "--check", str(bib)],
                "convert": ["convert", str(bib), "-o", str(Path(folder) / "out.json")],
                "check --bib": ["check", str(article), "--bib", str(bib)],
            }
            for name, arguments in commands.items():
                seconds, peak, code = run(arguments)
                rows.append((size, name, seconds, peak, code, bib.stat().st_size))
                print(f"{size:>7} entries ({bib.stat().st_size / 1e6:5.1f} MB)  {name:<13} {seconds:7.1f} s  "
                      f"{peak / 2**20:7.0f} MiB  exit {code}", flush=True)
    print(f"\n{'entries':>8} {'command':<13} {'seconds':>8} {'peak MiB':>9} {'KiB/entry':>10} {'exit':>5}")
    for size, name, seconds, peak, code, _ in rows:
        print(f"{size:>8} {name:<13} {seconds:8.1f} {peak / 2**20:9.0f} {peak / 1024 / size:10.1f} {code:>5}")
    worst = max(peak for _, _, _, peak, _, _ in rows)
    print(f"\nlargest peak: {worst / 2**20:.0f} MiB ({'under' if worst < LIMIT else 'OVER'} 1 GiB)")
    failed = [row for row in rows if row[4] not in (0, 1)]
    return 1 if worst >= LIMIT or failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
