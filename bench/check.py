"""Speed of ``citeledger check``: articles per second on generated articles, one process and ``--jobs N``,
and the cost of one article against the cost of starting Python.

    python bench/check.py                    # 1,000 articles, jobs 1 and os.cpu_count()
    python bench/check.py --count 200 --jobs 4

Articles are generated here (house-style plain text: header, four paragraphs with author–year citations in
every form, a reference list of 12 entries, a cite-this block) with a fixed seed, written to a temporary
directory, and checked twice: with the article's own list parsed (the full pipeline) and against a .bib
file (``--bib``, which skips the reference parser and so isolates the citation stages).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from citeledger.pipeline import LedgerOptions, build_ledger, check_files, load_bib

SURNAMES = ["Becker", "Chandler", "Etcheson", "Fein", "Hinton", "Kiernan", "Kuper", "Locard", "Mamdani", "Straus",
            "Valentino", "Vickery", "Prunier", "Fujii", "Bloxham", "Dadrian"]  # fmt: skip
PROSE = ("the regime moved people from the towns to the cooperatives while the cadres recorded every "
         "household and the harvest fell short of the plan in most districts of the north")
WORDS = tuple(PROSE.split())
FORMS = ("({a}, {y}: {p})", "({a}, {y})", "{a} ({y}: {p})", "({a} {y}, {p})", "({a}, {y}; {b}, {z})",
         "({a}, {y}, p. {p})")


def _references(rng: random.Random) -> list[tuple[str, int]]:
    return sorted((name, rng.randint(1975, 2015)) for name in rng.sample(SURNAMES, 12))


def _sentence(rng: random.Random, references: list[tuple[str, int]]) -> str:
    words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 20)))
    (a, y), (b, z) = rng.sample(references, 2)
    citation = rng.choice(FORMS).format(a=a, y=y, b=b, z=z, p=rng.randint(1, 400))
    if citation[0] != "(":
        return f"{citation} shows that {words}."
    return f"{words.capitalize()} {citation}." if rng.random() < 0.7 else f"{words.capitalize()} (CPK) again."


def generate_article(rng: random.Random) -> tuple[str, str]:
    """One article in the house style and its references as BibTeX."""
    references = _references(rng)
    paragraphs = [" ".join(_sentence(rng, references) for _ in range(6)) for _ in range(4)]
    entries = [f"{name.upper()}, Anne, {year}, A Study of Districts, Paris: Seuil." for name, year in references]
    text = ("A Generated Article\n\n1 May, 2010\nDoe Jane\n\n" + "\n\n".join(paragraphs) + "\n\n\n"
            + "\n\n".join(entries) + "\n\nCite this item\n\nDoe Jane, A Generated Article, "
            "Mass Violence & Résistance, [online], published on: 1 May, 2010, accessed 1/01/2021,, ISSN 1961-9898\n")
    bib = "".join(f"@book{{{name.lower()}{year}, author={{{name}, Anne}}, title={{A Study of Districts}}, "
                  f"publisher={{Seuil}}, address={{Paris}}, year={{{year}}}}}\n"
                  for name, year in references)  # fmt: skip
    return text, bib


def write_articles(directory: Path, count: int, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    paths = []
    for number in range(count):
        text, bib = generate_article(rng)
        path = directory / f"article{number:04d}.txt"
        path.write_text(text, encoding="utf-8")
        path.with_suffix(".bib").write_text(bib, encoding="utf-8")
        paths.append(str(path))
    return paths


def _rate(paths: list[str], jobs: int, use_bib: bool) -> tuple[float, int]:
    """Articles per second (and findings, as a sanity check) for one configuration."""
    started = time.perf_counter()
    if use_bib:  # one .bib per article, so one options object per article
        results = [r for path in paths for r in check_files([path], LedgerOptions(bib=path[:-4] + ".bib"), 1)] \
            if jobs == 1 else _bib_jobs(paths, jobs)
    else:
        results = check_files(paths, LedgerOptions(), jobs)
    return len(paths) / (time.perf_counter() - started), sum(found for _, found in results)


def _stages_rate(paths: list[str]) -> float:
    """Articles per second of ``build_ledger`` alone: files read and .bib parsed beforehand, so what is
    timed is the article reader, sentences, extraction, linking, claims and checks."""
    inputs = [(Path(path).read_text(encoding="utf-8"), path, load_bib(path[:-4] + ".bib")[0]) for path in paths]
    started = time.perf_counter()
    for text, path, references in inputs:
        build_ledger(text, path, LedgerOptions(), references=references)
    return len(inputs) / (time.perf_counter() - started)


def _bib_jobs(paths: list[str], jobs: int) -> list[tuple[str, int]]:
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(_check_with_bib, paths, chunksize=max(1, len(paths) // (jobs * 8))))


def _check_with_bib(path: str) -> tuple[str, int]:
    return check_files([path], LedgerOptions(bib=path[:-4] + ".bib"), 1)[0]


def _wall(command: list[str], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        paths = write_articles(Path(directory), args.count)
        check_files(paths[:3])  # warm up: imports and the reference parser's model
        print(f"{args.count} generated articles, {sum(Path(p).stat().st_size for p in paths) // args.count} bytes each")
        for use_bib in (False, True):
            for jobs in (1, args.jobs):
                rate, found = _rate(paths, jobs, use_bib)
                source = "--bib" if use_bib else "own list"
                print(f"  {source:<9} jobs={jobs:<3} {rate:8.1f} articles/s  "
                      f"{1000 / rate * jobs:6.2f} ms/article/process  ({found} findings)")
        rate = _stages_rate(paths)
        print(f"  citation stages only (text and references in memory): {rate:8.1f} articles/s  "
              f"{1000 / rate:6.2f} ms/article")
        python = _wall([sys.executable, "-c", "pass"])
        imports = _wall([sys.executable, "-c", "import citeledger.pipeline"])
        cli = _wall([sys.executable, "-m", "citeledger", "check", paths[0]])
        cli_bib = _wall([sys.executable, "-m", "citeledger", "check", paths[0], "--bib", paths[0][:-4] + ".bib"])
        print(f"  python start-up {python * 1000:.0f} ms; + import citeledger.pipeline {imports * 1000:.0f} ms; "
              f"one `citeledger check` {cli * 1000:.0f} ms (own list), {cli_bib * 1000:.0f} ms (--bib)")


if __name__ == "__main__":
    main()
