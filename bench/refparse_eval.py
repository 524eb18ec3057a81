"""Field-level accuracy of the reference parser on the held-out sets in ../shared/data/refparse.

    python bench/refparse_eval.py [--methods rules,labeller,hybrid] [--limit N] [--json OUT]

For each set and method (templates alone, labeller alone, hybrid): micro-F1 over the fields author,
editor, title, container-title, year, volume/issue, pages, publisher, place (those the set
annotates), and the share of references whose every evaluated field is right. Values are compared
softly: case-folded words (initials, also run together as in ``Weinberg RA``, and role words such
as ``eds.``/``dir.`` ignored for names;
``In`` ignored before a container; numbers only for volume/issue and pages). A wrong value counts as
a false positive and a false negative. ``--json`` also writes each field's precision and recall
(aggregate figures only). The data are for evaluation only: never train on them; training choices
are compared on our own data (``refparse_devsplit.py``, ``refparse_owndev.py``).
"""

from __future__ import annotations

import argparse
import json
import re
import time
import unicodedata
from collections import Counter
from pathlib import Path

from refparse_data import load_sets

from citeledger.model import Reference
from citeledger.references import parse_reference

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "refparse"
ALL_FIELDS = ("author", "editor", "title", "container-title", "year", "volume/issue", "pages", "publisher", "place")
_NO_PUBLISHER = ("author", "editor", "title", "container-title", "year", "volume/issue", "pages", "place")
SET_FIELDS = {  # fields a set does not annotate are not scored
    "parscit_en_humanities": _NO_PUBLISHER, "parscit_it_humanities": _NO_PUBLISHER,
    "parscit_mixed_humanities": _NO_PUBLISHER,
    "linkedbooks_test": ("author", "title", "year", "volume/issue", "pages", "publisher", "place"),
    "excite_de": ("author", "title", "container-title", "year", "volume/issue", "pages", "publisher"),
}
HOUSE_SETS = ("seed", "house_style_300")
TRANSLATORS_AS_AUTHORS = (*HOUSE_SETS, "own")  # sets whose gold counts translators among the authors
OTHER_SETS = ("anystyle_gold_heldout", "parscit_en_humanities", "parscit_it_humanities", "parscit_mixed_humanities",
              "linkedbooks_test", "excite_de")  # fmt: skip
_NAME_NOISE = frozenset({
    "and", "et", "und", "y", "e", "eds", "ed", "dir", "dirs", "trans", "transl", "translation", "trad", "hrsg", "hg",
    "by", "edited", "al", "etal", "in", "translated", "editor", "editors", "coord", "cura", "di", "a",
})  # fmt: skip
_WORD = re.compile(r"[^\W_]+")
# Initials run together after a family name, as Vancouver prints them (``Weinberg RA``, ``Murray CJL``):
# initials are ignored in names, whether printed ``R. A.`` or ``RA``.
# Only where they end a name (``SIM Sorya`` and ``and SIM,`` are family names in capitals).
_RUN_TOGETHER_INITIALS = re.compile(r"(?<=[a-zß-ÿ])(?<!\band)(?<!\bet)(?<!\bund)(\s+)[A-Z]{2,3}(?=[,;.]|\s*$)")


def _words(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def norm(field: str, values: list[str]) -> tuple | None:
    """Values of one field → a comparable key, or None when empty."""
    text = " ".join(values)
    if field in ("author", "editor"):
        text = _RUN_TOGETHER_INITIALS.sub(r"\1", unicodedata.normalize("NFKC", text))
        key = tuple(sorted(w for w in _words(text) if len(w) > 1 and w not in _NAME_NOISE))
    elif field == "year":
        found = re.search(r"(1[5-9]\d\d|20\d\d)", text)
        key = (found.group(1),) if found else ()
    elif field in ("volume/issue", "pages"):
        key = tuple(sorted(re.findall(r"\d+|\b[ivxlc]+\b", text.lower()))) if field == "volume/issue" else tuple(
            re.findall(r"\d+", text))
    else:
        words = _words(text)
        while words and words[0] in ("in", "dans", "im", "pp", "p"):
            words = words[1:]
        key = tuple(words)
    return key or None


def _names(reference: Reference, role: str) -> list[str]:
    return [" ".join(filter(None, (n.literal, n.particle, n.family, n.given))) for n in reference.names.get(role, ())]


def predicted(reference: Reference, set_name: str) -> dict[str, list[str]]:
    fields = reference.fields
    translators = _names(reference, "translator") if set_name in TRANSLATORS_AS_AUTHORS else []
    authors = _names(reference, "author") + translators
    title = [fields.get("title", "")]
    if set_name == "linkedbooks_test":  # LinkedBooks tags a chapter's container as title too
        title.append(fields.get("container-title", ""))
    return {
        "author": authors, "editor": _names(reference, "editor"), "title": title,
        "container-title": [fields.get("container-title", "")],
        "year": [str(reference.year or "")], "volume/issue": [fields.get("volume", ""), fields.get("issue", "")],
        "pages": [fields.get("page", "")], "publisher": [fields.get("publisher", "")],
        "place": [fields.get("publisher-place", "")],
    }  # fmt: skip


def score_set(name: str, items, method: str) -> dict:
    fields = SET_FIELDS.get(name, ALL_FIELDS)
    counts, per_field = Counter(), {f: Counter() for f in fields}
    perfect = 0
    started = time.perf_counter()
    flagged = Counter()  # references with CL102, and how many of them / of the others are right
    for text, gold in items:
        reference, diagnostics, _ = parse_reference(text, method=method)
        doubted = any(d.code == "CL102" for d in diagnostics)
        guess = predicted(reference, name)
        right = True
        for field in fields:
            g, p = norm(field, gold.get(field, [])), norm(field, guess[field])
            outcome = ("tp",) if g and g == p else tuple(x for x, on in (("fn", g), ("fp", p)) if on)
            right = right and (not outcome or outcome == ("tp",))
            counts.update(outcome)
            per_field[field].update(outcome)
        perfect += right
        flagged.update({"flagged": doubted, "flagged_right": doubted and right, "clear_right": not doubted and right})
    elapsed = time.perf_counter() - started
    return {"n": len(items), "f1": f1(counts), "fully_correct": perfect / max(1, len(items)),
            "fields": {f: round(f1(c), 3) for f, c in per_field.items() if c},
            "precision_recall": {f: (round(c["tp"] / max(1, c["tp"] + c["fp"]), 3),
                                     round(c["tp"] / max(1, c["tp"] + c["fn"]), 3)) for f, c in per_field.items() if c},
            "cl102_share": round(flagged["flagged"] / max(1, len(items)), 3),
            "right_when_cl102": round(flagged["flagged_right"] / max(1, flagged["flagged"]), 3),
            "right_without_cl102": round(flagged["clear_right"] / max(1, len(items) - flagged["flagged"]), 3),
            "seconds": round(elapsed, 1)}  # fmt: skip


def f1(counts: Counter) -> float:
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--methods", default="rules,labeller,hybrid")
    parser.add_argument("--sets", default="", help="comma-separated set names (default: all)")
    parser.add_argument("--limit", type=int, default=0, help="score only the first N references of each set")
    parser.add_argument("--json", type=Path, help="also write the full results here")
    args = parser.parse_args()
    if not DATA.is_dir():
        raise SystemExit(f"no data at {DATA}")
    sets = load_sets(DATA)
    wanted = [s for s in args.sets.split(",") if s] or list(sets)
    results: dict[str, dict[str, dict]] = {}
    print(f"{'set':<28}{'n':>6}  " + "  ".join(f"{m + ' F1/full':>18}" for m in args.methods.split(",")))
    for name in wanted:
        items = sets[name][: args.limit or None]
        results[name] = {m: score_set(name, items, m) for m in args.methods.split(",")}
        cells = "  ".join(f"{r['f1']:>10.3f} / {r['fully_correct']:.2f}" for r in results[name].values())
        print(f"{name:<28}{len(items):>6}  {cells}")
    for group, names in (("house (avg)", HOUSE_SETS), ("others (avg)", OTHER_SETS)):
        present = [n for n in names if n in results]
        if present:
            cells = "  ".join(
                f"{sum(results[n][m]['f1'] for n in present) / len(present):>10.3f} / "
                f"{sum(results[n][m]['fully_correct'] for n in present) / len(present):.2f}"
                for m in args.methods.split(",")
            )
            print(f"{group:<28}{'':>6}  {cells}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
