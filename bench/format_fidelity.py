"""How close is our formatting to citeproc-js (the CSL reference implementation)?

    /work/venv/bin/python bench/format_fidelity.py goldens        # the 10 target styles, from golden files
    /work/venv/bin/python bench/format_fidelity.py random [N]     # N random official styles (needs node)
    /work/venv/bin/python bench/format_fidelity.py crashes        # every independent style (slow: minutes)
    add --raw to any of them to measure citeproc-py with every workaround switched off;
    random takes --sets=sample,mixed,disambig (default sample,mixed, the figures' historical base).

Item sets: tests/data/{sample,mixed,disambig}-items.json with their citations; the disambiguation set is
also recorded in a few official styles besides the targets (EXTRA). "Identical" means byte-identical
text (and HTML for the goldens). Random styles are drawn with a fixed seed, so runs are comparable.
"""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from citeledger.render import engine, fidelity, styles, workarounds

ROOT = Path(__file__).resolve().parents[1]
DATA, GOLDEN = ROOT / "tests" / "data", ROOT / "tests" / "golden" / "format"
ITEM_SETS = ("sample", "mixed", "disambig")
RANDOM_ITEM_SETS = ("sample", "mixed")  # the random figures' base; --sets changes it
TARGETS = ("apa", "chicago-author-date", "chicago-shortened-notes-bibliography", "modern-language-association",
           "harvard-cite-them-right", "ieee", "nlm-citation-sequence", "iso690-author-date-fr",
           "citeledger-house", "citeledger-cite-this")
# recorded for one item set only (bench/record_citeprocjs.js EXTRA_STYLES)
EXTRA = {"disambig": ("american-meteorological-society", "annual-reviews-author-date",
                      "harvard-leeds-beckett-university", "journal-of-animal-physiology-and-animal-nutrition",
                      "european-journal-of-taxonomy")}


def load(item_set: str) -> tuple[list[dict], list[list[dict]]]:
    items = json.loads((DATA / f"{item_set}-items.json").read_text(encoding="utf-8"))
    return items, json.loads((DATA / f"{item_set}-cites.json").read_text(encoding="utf-8"))


def cites_of(raw: list[list[dict]]) -> list[list[engine.Cite]]:
    return [[engine.Cite(**cite) for cite in cluster] for cluster in raw]


def enabled(raw: bool) -> frozenset[str]:
    return frozenset() if raw else workarounds.ALL


def tally(comparisons) -> tuple[int, int, int, int]:
    good_e = sum(c.entries - len(c.bad_entries) for c in comparisons)
    good_c = sum(c.citations - len(c.bad_citations) for c in comparisons)
    return good_e, sum(c.entries for c in comparisons), good_c, sum(c.citations for c in comparisons)


def pct(good: int, total: int) -> str:
    return f"{good}/{total} ({100 * good / total:.1f}%)" if total else "-"


def run_goldens(raw: bool) -> None:
    """Each style on each item set it has goldens for (text + HTML), then the totals per item set."""
    totals: dict[str, list[int]] = {}
    for style_id in (*TARGETS, *sorted({s for extra in EXTRA.values() for s in extra})):
        sets = [item_set for item_set in ITEM_SETS if style_id in TARGETS or style_id in EXTRA.get(item_set, ())]
        style = engine.load_style(styles.resolve_style(style_id), enabled=enabled(raw))
        for item_set in sets:
            items, cites = load(item_set)
            comparisons = []
            for fmt in ("text", "html"):
                golden = json.loads((GOLDEN / style_id / f"{item_set}.{fmt}.json").read_text(encoding="utf-8"))
                comparisons.append(fidelity.compare(items, style, cites_of(cites), golden, fmt))
            counts = tally(comparisons)
            group = item_set if style_id in TARGETS else f"{item_set} (extra styles)"
            totals[group] = [a + b for a, b in zip(totals.get(group, [0, 0, 0, 0]), counts, strict=True)]
            print(f"{style_id:40} {item_set:9} entries {pct(*counts[:2]):>16}   citations {pct(*counts[2:]):>16}")
    for group, counts in totals.items():
        print(f"{'ALL ' + group + ' (text + html)':50} entries {pct(*counts[:2]):>16}   citations "
              f"{pct(*counts[2:]):>16}")


def citeproc_js(paths: dict[str, Path], items: list[dict], cites: list[list[dict]]) -> dict:
    job = {"styles": {k: str(v) for k, v in paths.items()}, "items": items, "cites": cites, "formats": ["text"]}
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(job, handle)
    out = subprocess.run(["node", str(ROOT / "bench" / "record_citeprocjs.js"), "--job", handle.name],
                         capture_output=True, text=True, check=True, timeout=1800)
    Path(handle.name).unlink()
    return json.loads(out.stdout)


def independent_styles() -> list[Path]:
    return sorted(p for p in styles.official_styles_dir().glob("*.csl"))


def run_random(count: int, raw: bool, item_sets: tuple[str, ...] = RANDOM_ITEM_SETS) -> None:
    chosen = random.Random(20261128).sample(independent_styles(), count)
    comparisons, skipped = [], 0
    for item_set in item_sets:
        items, cites = load(item_set)
        theirs = citeproc_js({p.stem: p for p in chosen}, items, cites)
        for path in chosen:
            golden = theirs.get(path.stem, {}).get("text")
            if not golden or "error" in golden:
                skipped += 1
                continue
            try:
                style = engine.load_style(path, enabled=enabled(raw))
                comparisons.append(fidelity.compare(items, style, cites_of(cites), golden, "text"))
            except engine.StyleError:
                skipped += 1
    good_e, all_e, good_c, all_c = tally(comparisons)
    print(f"{count} random independent styles (seed 20261128), {' + '.join(item_sets)} items, plain text"
          f"{' [raw citeproc-py]' if raw else ''}:")
    print(f"  entries identical   {pct(good_e, all_e)}")
    print(f"  citations identical {pct(good_c, all_c)}")
    print(f"  style x item-set pairs skipped (citeproc-js or we could not load the style): {skipped}")


class Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise Timeout


def run_crashes(raw: bool) -> None:
    """A crash is an exception escaping ``format_items`` (a traceback for the user). Engine failures
    caught and reported as CL502 diagnostics are counted apart: those styles render partly or not at all."""
    signal.signal(signal.SIGALRM, _alarm)
    paths = independent_styles()
    sets = [(items, cites_of(cites)) for items, cites in map(load, ITEM_SETS)]
    crashes, reported, unloadable, slow = [], [], [], []
    started = time.perf_counter()
    for number, path in enumerate(paths, 1):
        if number % 250 == 0:
            print(f"  ... {number} styles, {len(crashes)} crashes, {len(reported)} with CL502 engine failures",
                  flush=True)
        signal.alarm(30)
        try:
            style = engine.load_style(path, enabled=enabled(raw))
            failed = False
            for items, cites in sets:
                result = engine.format_items(items, style, cites=cites)
                failed |= any("engine failed" in d.message for d in result.diagnostics)
            if failed:
                reported.append(path.stem)
        except engine.StyleError as error:
            unloadable.append((path.stem, str(error)))
        except Timeout:
            slow.append(path.stem)
        except Exception as error:  # the figure we want to be zero
            crashes.append((path.stem, f"{type(error).__name__}: {error}"))
        finally:
            signal.alarm(0)
    print(f"{len(paths)} independent styles{' [raw citeproc-py]' if raw else ''}, "
          f"{time.perf_counter() - started:.0f} s:")
    print(f"  crashes (exception escaped): {len(crashes)}")
    print(f"  styles with an engine failure reported as CL502: {len(reported)}")
    print(f"  styles that cannot be loaded (CL501/CL502): {len(unloadable)}; over 30 s: {len(slow)}")
    for name, message in crashes[:20]:
        print(f"    crash {name}: {message[:150]}")
    for name, message in unloadable[:10]:
        print(f"    unloadable {name}: {message[:150]}")
    if reported:
        print(f"    engine failures in, e.g.: {', '.join(reported[:10])}")


def main(argv: list[str]) -> None:
    raw = "--raw" in argv
    sets = next((a.split("=", 1)[1] for a in argv if a.startswith("--sets=")), None)
    args = [a for a in argv if a != "--raw" and not a.startswith("--sets=")]
    what = args[0] if args else "goldens"
    if what == "goldens":
        run_goldens(raw)
    elif what == "random":
        run_random(int(args[1]) if len(args) > 1 else 150, raw,
                   tuple(sets.split(",")) if sets else RANDOM_ITEM_SETS)
    elif what == "crashes":
        run_crashes(raw)
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
