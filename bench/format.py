"""Formatting speed: load a style, format 10 / 1,000 / 5,000 entries; side by side with raw citeproc-py,
citeproc-js (node, when bench/node_modules exists) and pandoc --citeproc (when installed), as ratios.

    /work/venv/bin/python bench/format.py [--sizes 10,1000,5000] [--style apa] [--raw-max 1000] [--repeat 3]
                                          [--profile N]

Entries are synthetic but realistic (books, chapters, articles; 1–8 authors; shared surnames and years,
so sorting and disambiguation have work to do), generated with a fixed seed. Times are wall-clock on
an otherwise idle machine, best of ``--repeat`` interleaved rounds (a shared VM's speed varies by a
third from one minute to the next); CPU counts are printed with them. Columns:

- ``1 job`` / ``N jobs``: citeledger serially and with one worker per core (its default);
- ``raw``: citeproc-py 0.11 alone (sort + bibliography, no fixes), for sizes up to ``--raw-max`` (slow);
- ``js``: citeproc-js after its engine build (build time shown apart), as the CSL reference engine;
- ``pandoc``: the whole ``pandoc --citeproc`` process (its build cannot be timed apart).

``--profile N`` prints the top of a cProfile of formatting N entries (serially) instead.
"""

from __future__ import annotations

import cProfile
import json
import os
import pstats
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from citeledger.render import engine, parallel, styles

ROOT = Path(__file__).resolve().parents[1]
FAMILIES = ("Chandler", "Kiernan", "Short", "Heder", "Osborne", "Picq", "Martin", "Sher", "Vickery", "Becker",
            "Ponchaud", "Hinton", "Etcheson", "Fawthrop", "Jarvis", "Ea", "Locard", "Tyner", "van der Kroef", "Éluard")
GIVEN = ("David", "Ben", "Philip", "Steve", "Milton", "Laurence", "Marie", "Sacha", "Michael", "Elizabeth")
WORDS = ("history", "regime", "genocide", "memory", "justice", "revolution", "peasants", "state", "war", "Cambodia",
         "Khmer", "Rouge", "diary", "prison", "archives", "trial", "power", "violence", "resistance", "exile")


def synthetic_items(count: int, seed: int = 5) -> list[dict]:
    rng = random.Random(seed)
    items = []
    for number in range(count):
        kind = rng.choice(("book", "chapter", "article-journal"))
        authors = [{"family": rng.choice(FAMILIES), "given": rng.choice(GIVEN)}
                   for _ in range(rng.choice((1, 1, 2, 3, 8)))]
        item = {"id": f"item{number}", "type": kind, "author": authors,
                "title": " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 9))).capitalize(),
                "issued": {"date-parts": [[rng.randint(1970, 2024)]]}}
        if kind == "article-journal":
            item |= {"container-title": "Journal of " + rng.choice(WORDS).capitalize(),
                     "volume": str(rng.randint(1, 60)), "issue": str(rng.randint(1, 4)),
                     "page": f"{rng.randint(1, 400)}-{rng.randint(401, 800)}"}
        else:
            item |= {"publisher": rng.choice(("Yale University Press", "Plon", "Westview Press")),
                     "publisher-place": rng.choice(("New Haven", "Paris", "Boulder"))}
        if kind == "chapter":
            item |= {"container-title": "Essays on " + rng.choice(WORDS),
                     "page": f"{rng.randint(1, 99)}-{rng.randint(100, 200)}",
                     "editor": [{"family": rng.choice(FAMILIES), "given": rng.choice(GIVEN)}]}
        items.append(item)
    return items


def time_ours(style_id: str, items: list[dict], jobs: int | None) -> tuple[float, float]:
    started = time.perf_counter()
    style = engine.load_style(styles.resolve_style(style_id))
    loaded = time.perf_counter()
    result = engine.format_items(items, style, jobs=jobs)
    assert len(result.entries) == len(items), result.diagnostics[:3]
    return loaded - started, time.perf_counter() - loaded


def time_raw_citeproc_py(style_id: str, items: list[dict]) -> float:
    """citeproc-py as its README shows it: register every item, sort, render the bibliography."""
    import warnings

    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        style = CitationStylesStyle(str(styles.resolve_style(style_id)), validate=False)
        started = time.perf_counter()
        bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
        for item in items:
            bibliography.register(Citation([CitationItem(item["id"])]))
        bibliography.sort()
        bibliography.bibliography()
    return time.perf_counter() - started


def time_citeprocjs(style_id: str, items: list[dict]) -> tuple[float, float] | None:
    if not (ROOT / "bench" / "node_modules" / "citeproc").is_dir() or not shutil.which("node"):
        return None
    job = {"styles": {style_id: str(styles.resolve_style(style_id))}, "items": items, "formats": ["text"]}
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(job, handle)
    out = subprocess.run(["node", str(ROOT / "bench" / "record_citeprocjs.js"), "--job", handle.name],
                         capture_output=True, text=True, check=True)
    Path(handle.name).unlink()
    seconds = json.loads(out.stdout)[style_id]["text"]["seconds"]
    return seconds["build"], seconds["bibliography"]


def time_pandoc(style_id: str, items: list[dict]) -> float | None:
    pandoc = shutil.which("pandoc")
    if not pandoc:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        refs = Path(tmp) / "refs.json"
        refs.write_text(json.dumps(items), encoding="utf-8")
        doc = Path(tmp) / "doc.md"
        doc.write_text("---\nnocite: '@*'\n---\n", encoding="utf-8")
        started = time.perf_counter()
        subprocess.run([pandoc, str(doc), "--citeproc", "--bibliography", str(refs), "--csl",
                        str(styles.resolve_style(style_id)), "-t", "plain"], capture_output=True, check=True)
        return time.perf_counter() - started


def process_seconds(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, capture_output=True, check=True)
    return time.perf_counter() - started


def small_article_end_to_end(style_id: str) -> None:
    """The sample's nine references as a whole process: our CLI against node + citeproc-js and pandoc."""
    sample = ROOT / "tests" / "data" / "sample-items.json"
    ours = min(process_seconds([sys.executable, "-m", "citeledger", "format", str(sample), "--style", style_id])
               for _ in range(3))
    print(f"sample article ({style_id}), whole process (best of 3): citeledger {ours:.2f} s", end="")
    pandoc = time_pandoc(style_id, json.loads(sample.read_text(encoding="utf-8")))
    if pandoc is not None:
        pandoc = min(pandoc, *(time_pandoc(style_id, json.loads(sample.read_text(encoding="utf-8")))
                               for _ in range(2)))
        print(f", pandoc {pandoc:.2f} s (ratio {pandoc / ours:.1f}x)", end="")
    if (ROOT / "bench" / "node_modules" / "citeproc").is_dir():
        job = {"styles": {style_id: str(styles.resolve_style(style_id))},
               "items": json.loads(sample.read_text(encoding="utf-8")), "formats": ["text"]}
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
            json.dump(job, handle)
        node = process_seconds(["node", str(ROOT / "bench" / "record_citeprocjs.js"), "--job", handle.name])
        Path(handle.name).unlink()
        print(f", citeproc-js {node:.2f} s (ratio {node / ours:.1f}x)", end="")
    print()


def main(argv: list[str]) -> None:
    args = dict(zip(argv[::2], argv[1::2], strict=False))
    style_id = args.get("--style", "apa")
    if "--profile" in args:
        items = synthetic_items(int(args["--profile"]))
        style = engine.load_style(styles.resolve_style(style_id))
        profile = cProfile.Profile()
        profile.runcall(engine.format_items, items, style, jobs=1)
        pstats.Stats(profile).sort_stats(args.get("--sort", "tottime")).print_stats(25)
        return
    sizes = [int(s) for s in args.get("--sizes", "10,1000,5000").split(",")]
    raw_max = int(args.get("--raw-max", "1000"))
    print(f"style {style_id}; CPUs {os.cpu_count()} (usable {parallel.available_cores()}); "
          f"pandoc: {shutil.which('pandoc') or 'not installed'}")
    small_article_end_to_end(style_id)
    print("entries/s (seconds); ratios are citeledger with N jobs against each peer")
    repeat = int(args.get("--repeat", "3"))
    for size in sizes:
        best = _best_of(repeat, style_id, synthetic_items(size), size <= raw_max)
        ours = best["ours"]
        line = [f"{size:5} entries: load {best['load']:.3f} s", _rate("1 job", size, best["serial"]),
                _rate("N jobs", size, ours)]
        if "raw" in best:
            line += [_rate("raw citeproc-py", size, best["raw"]), f"{best['raw'] / ours:.1f}x raw"]
        if "js" in best:
            js = best["js"]
            line += [f"js build {best['js build']:.2f} s", _rate("js", size, js), f"{js / ours:.2f}x js"]
        if "pandoc" in best:
            line += [_rate("pandoc", size, best["pandoc"]), f"{best['pandoc'] / ours:.2f}x pandoc"]
        print(" | ".join(line), flush=True)


def _best_of(rounds: int, style_id: str, items: list[dict], with_raw: bool) -> dict[str, float]:
    """Each engine once per round, interleaved (so that a slow spell of a shared machine hits all of
    them); the best time of each over the rounds."""
    best: dict[str, float] = {}

    def keep(name: str, seconds: float | None) -> None:
        if seconds is not None:
            best[name] = min(seconds, best.get(name, seconds))

    for _ in range(rounds):
        load, serial = time_ours(style_id, items, jobs=1)
        keep("load", load)
        keep("serial", serial)
        keep("ours", time_ours(style_id, items, jobs=None)[1])
        if with_raw:
            keep("raw", time_raw_citeproc_py(style_id, items))
        js = time_citeprocjs(style_id, items)
        if js:
            keep("js build", js[0])
            keep("js", js[1])
        keep("pandoc", time_pandoc(style_id, items))
    return best


def _rate(name: str, size: int, seconds: float) -> str:
    return f"{name} {size / seconds:.0f}/s ({seconds:.2f} s)"

if __name__ == "__main__":
    main(sys.argv[1:])
