"""Field-level accuracy of the reference parser on the project's own hand-annotated development set.

    python bench/refparse_owndev.py [--methods labeller,hybrid] [--model MODEL] [--fields] [--dev PATH]

``src/citeledger/references/training/handmade_dev.jsonl``: references written and labelled by hand
for this project (segments of ``[label, text]``), in humanities and social-science conventions
(Italian, German, French, English, Spanish). They are never trained on: they are where training
choices (features, data mixes, hyperparameters) are compared before any held-out figure is looked
at. Scored as ``refparse_eval.py`` scores the held-out sets (same fields, same soft comparison).
``--model`` scores another model file than the shipped one; ``--fields`` adds each field's F1.
``--dev`` scores another file in the same format instead, e.g. ``handmade_dev_real.jsonl`` (references
written by hand in the mess of real published lists: OCR damage, short titles, archival references,
numbered science styles; harder than ``handmade_dev.jsonl``).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from importlib import resources
from pathlib import Path

import pycrfsuite
from refparse_eval import ALL_FIELDS, f1, norm, predicted

from citeledger.references import labeller, parse_reference

FIELDS = {"author": "author", "translator": "author", "editor": "editor", "title": "title",
          "container-title": "container-title", "date": "year", "volume": "volume/issue", "issue": "volume/issue",
          "pages": "pages", "publisher": "publisher", "location": "place"}  # fmt: skip


def load_dev(path: Path | None = None) -> list[tuple[str, dict[str, list[str]]]]:
    source = path or resources.files("citeledger.references.training").joinpath("handmade_dev.jsonl")
    text = source.read_text(encoding="utf-8")
    references = []
    for line in filter(None, text.splitlines()):
        segments, gold = json.loads(line), {}
        for label, value in segments:
            if label in FIELDS:
                gold.setdefault(FIELDS[label], []).append(value)
        references.append(("".join(value for _, value in segments), gold))
    return references


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--methods", default="labeller,hybrid")
    parser.add_argument("--model", type=Path, help="a model file to score instead of the shipped one")
    parser.add_argument("--fields", action="store_true", help="also print each field's F1")
    parser.add_argument("--dev", type=Path, help="a development file to score instead of handmade_dev.jsonl")
    args = parser.parse_args()
    if args.model:
        tagger = pycrfsuite.Tagger()
        tagger.open(str(args.model))
        labeller.load_tagger = lambda: tagger
    references = load_dev(args.dev)
    for method in args.methods.split(","):
        counts, per_field, perfect = Counter(), {field: Counter() for field in ALL_FIELDS}, 0
        for text, gold in references:
            guess, right = predicted(parse_reference(text, method=method)[0], "own"), True
            for field in ALL_FIELDS:
                g, p = norm(field, gold.get(field, [])), norm(field, guess[field])
                outcome = ("tp",) if g and g == p else tuple(x for x, on in (("fn", g), ("fp", p)) if on)
                counts.update(outcome)
                per_field[field].update(outcome)
                right = right and outcome in ((), ("tp",))
            perfect += right
        print(f"{method:<9} micro-F1 {f1(counts):.3f}, entirely correct {perfect / len(references):.2f} "
              f"({len(references)} references)")  # fmt: skip
        if args.fields:
            print("          " + ", ".join(f"{field} {f1(c):.2f}" for field, c in per_field.items() if c))


if __name__ == "__main__":
    main()
