"""Articles per second for ``citeledger check DIR`` (the CLI batch path) with ``--jobs 1`` and ``--jobs 2``.

    python bench/batch.py                   # 1,000 generated articles, jobs 1 and 2
    python bench/batch.py --count 200 --jobs 1 2 4

Articles are generated here with a fixed seed (a header, three to six paragraphs of our own filler prose
with author–year citations in several forms — page lists, ranges, two works in one citation, now and then
one with no matching reference — and a reference list of 6 to 14 entries, some never cited), written to a
temporary directory, and checked by running the installed command as a subprocess, so the figures include
starting Python, expanding the directory, the worker processes and the summary. Both wall time and the CPU
time of the command and its workers are reported: on a shared machine the CPU figure is the steadier one.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SURNAMES = ["Arendt", "Bauman", "Browning", "Des Forges", "Gellately", "Gross", "Hilberg", "Kalyvas", "Levene",
            "Mann", "Melson", "Semelin", "Snyder", "Valentino", "Weitz", "Zimmerer"]  # fmt: skip
GIVEN = ["Anna", "Bruno", "Claire", "David", "Elena", "Farid", "Greta", "Hugo"]
PLACES = ["Paris: Seuil", "London: Verso", "Oxford: Oxford University Press", "Berlin: Suhrkamp",
          "New York: Columbia University Press"]  # fmt: skip
TITLES = "archives violence memory state villages war order justice famine borders witnesses"
PROSE = ("reports from the provinces describe how local committees kept lists of names while orders came "
         "down from the centre and neighbours watched the roads at night")
TITLE_WORDS, FILLER = TITLES.split(), PROSE.split()
FORMS = ("({a}, {y}: {p})", "({a}, {y})", "{a} ({y}: {p})", "({a}, {y}: {p}-{q})", "({a}, {y}; {b}, {z})",
         "({a}, {y}: {p}, {q})")


def _reference(rng: random.Random, name: str, year: int) -> str:
    title = " ".join(rng.sample(TITLE_WORDS, rng.randint(2, 5))).capitalize()
    return f"{name.upper()}, {rng.choice(GIVEN)}, {year}, {title}, {rng.choice(PLACES)}."


def _sentence(rng: random.Random, cited: list[tuple[str, int]]) -> str:
    words = " ".join(rng.choice(FILLER) for _ in range(rng.randint(8, 18))).capitalize()
    (a, y), (b, z) = rng.sample(cited, 2)
    if rng.random() < 0.03:  # now and then a citation with no reference behind it (CL301)
        a, y = "Nobody", 1901
    page = rng.randint(1, 300)
    citation = rng.choice(FORMS).format(a=a, y=y, b=b, z=z, p=page, q=page + rng.randint(1, 20))
    return f"{citation} argues that {words.lower()}." if citation[0] != "(" else f"{words} {citation}."


def generate_article(rng: random.Random, number: int) -> str:
    """One plain-text article: header, paragraphs with citations, the reference list."""
    works = sorted({(name, rng.randint(1960, 2020)) for name in rng.sample(SURNAMES, rng.randint(6, 14))})
    cited = works[: max(2, len(works) - rng.randint(0, 2))]  # the last one or two may stay uncited
    paragraphs = [" ".join(_sentence(rng, cited) for _ in range(rng.randint(3, 7))) for _ in range(rng.randint(3, 6))]
    header = f"Generated Article {number}\n\n{rng.randint(1, 28)} May, {rng.randint(2005, 2020)}\nDoe Jane\n\n"
    return header + "\n\n".join(paragraphs) + "\n\n\n" + "\n\n".join(_reference(rng, *w) for w in works) + "\n"


def write_articles(folder: Path, count: int, seed: int = 6) -> None:
    rng = random.Random(seed)
    for number in range(count):
        (folder / f"article-{number:04d}.txt").write_text(generate_article(rng, number), encoding="utf-8")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_check(folder: Path, jobs: int) -> tuple[float, float, int, str]:
    """Run ``citeledger check FOLDER --jobs N --quiet``; returns (wall s, CPU s, exit code, summary line)."""
    command = [sys.executable, "-m", "citeledger", "check", str(folder), "--jobs", str(jobs), "--quiet",
               "--format", "json"]  # fmt: skip
    cpu, start = _children_cpu(), time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    wall, cpu = time.perf_counter() - start, _children_cpu() - cpu
    summary = next((line for line in done.stderr.splitlines() if " articles: " in line), done.stderr[-300:])
    return wall, cpu, done.returncode, summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="citeledger-bench-") as folder:
        write_articles(Path(folder), args.count)
        print(f"{args.count} generated articles, {os.cpu_count()} CPUs, load average "
              f"{', '.join(f'{x:.1f}' for x in os.getloadavg())}")  # fmt: skip
        print(f"{'jobs':>4}  {'wall s':>7}  {'articles/s':>10}  {'CPU s':>7}  {'articles/CPU s':>14}  exit")
        summary = ""
        for jobs in args.jobs:
            wall, cpu, code, summary = time_check(Path(folder), jobs)
            rates = f"{args.count / wall:>10.1f}  {cpu:>7.1f}  {args.count / cpu:>14.1f}"
            print(f"{jobs:>4}  {wall:>7.1f}  {rates}  {code}")
        print(summary)


if __name__ == "__main__":
    main()
