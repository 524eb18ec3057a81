"""Train the reference labeller (a linear-chain CRF, python-crfsuite) on the generated corpus.

    python -m citeledger.references.training.train [--count 8000] [--freestyle N] [--seed 20261128] [-o MODEL]
                                                   [--cache FILE]

The corpus: ``count`` generated items rendered through CSL styles (corpus.py: the house style, 57
chosen styles and the ~500 of styles.txt), ``freestyle`` references written by freestyle.py's
hand-coded humanities conventions, a share of both damaged by noise.py, and the hand-annotated
references (corpus.HANDMADE_FILES: references written and labelled by hand for this project in the
mess of real published lists, each counted HANDMADE_WEIGHT times; the generated data teach the
styles' regularities, these teach what real lists do to them). The same count and seed give the
same corpus, word dropout draws from the same seed, and crfsuite's L-BFGS is deterministic, so the
model file is rebuilt byte for byte, as long as the rendering is the same: a change to
``citeledger.render`` (the citeproc-py wrapper) changes the corpus, so retrain and commit the model
with it. The default output is the model the package ships (about 3 MB: small enough to ship in
the wheel, which spares every install the rendering and training, about 6 minutes on one core, and
any network access). ``--cache``
keeps the rendered CSL corpus in a JSON file between runs.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

import pycrfsuite

from citeledger.references.features import sequence_features, tokenize
from citeledger.references.training.corpus import load_handmade, render_corpus
from citeledger.references.training.freestyle import write_reference, write_short_reference
from citeledger.references.training.noise import roughen

MODEL_PATH = Path(__file__).resolve().parents[1] / "data" / "refcrf.crfsuite"
DEFAULT_COUNT = 8000
DEFAULT_SEED = 20261128
FREESTYLE_COUNT = 8000  # references written by freestyle.py's conventions, beside the CSL renderings
SHORT_SHARE = 0.04  # share of the freestyle references in a later footnote's short form (``cit.``)
MORE_SHARE = 0.5  # share of non-house CSL renderings drawn from styles.txt rather than OFFICIAL_STYLES
NOISE_SHARE = 0.25  # share of sequences damaged by noise.roughen
HANDMADE_WEIGHT = 5  # each hand-annotated reference counts as this many generated ones
# Generated titles, names and publishers come from small word banks: hiding a token's own word from
# the model now and then makes it learn shapes, punctuation and position, which carry over to real
# references, instead of memorising the banks.
WORD_DROPOUT = 0.3
_LEXICAL = ("w=", "p3=", "s3=")
# Regularisation chosen on our own data (bench/refparse_devsplit.py: renderings in 120 CSL styles the
# corpus never uses, and bench/refparse_owndev.py): c1/c2 0.2/0.5 and 0.1/0.1 beat 0.05/0.01 and 0.5/1.0
# there; stronger regularisation carries over better to styles the generator does not know.
PARAMS = {"c1": 0.2, "c2": 0.5, "max_iterations": 150, "feature.possible_transitions": True,
          "feature.minfreq": 2}  # fmt: skip


def as_tokens(sequence: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The sequence in the labeller's tokens: a token it would cut (``9:`` and ``1735-1780`` glued
    again by noise.py) gives each part its label."""
    return [(part.text, label) for token, label in sequence for part in tokenize(token)]


def _xy(sequence: list[tuple[str, str]], rng: random.Random) -> tuple[list[list[str]], list[str]]:
    sequence = as_tokens(sequence)
    text = " ".join(token for token, _ in sequence)
    rows = sequence_features(tokenize(text))
    for row in rows:
        if rng.random() < WORD_DROPOUT:
            row[:] = [attribute for attribute in row if not attribute.startswith(_LEXICAL)]
    return rows, [label for _, label in sequence]


def load_corpus(count: int, seed: int, cache: Path | None) -> list[list[tuple[str, str]]]:
    """The rendered corpus, from ``cache`` when it holds this count and seed, else rendered anew."""
    if cache and cache.is_file():
        stored = json.loads(cache.read_text(encoding="utf-8"))
        if (stored["count"], stored["seed"], stored.get("more_share")) == (count, seed, MORE_SHARE):
            return [[tuple(pair) for pair in sequence] for sequence in stored["sequences"]]
    sequences = list(render_corpus(count, seed, MORE_SHARE))
    if cache:
        cache.write_text(json.dumps({"count": count, "seed": seed, "more_share": MORE_SHARE, "sequences": sequences}),
                         encoding="utf-8")  # fmt: skip
    return sequences


def generate_sequences(count: int, seed: int, freestyle: int, cache: Path | None = None) -> list:
    """The CSL renderings and the freestyle references, a share of them damaged; deterministic."""
    written, damage = random.Random(seed + 2), random.Random(seed + 3)
    sequences = load_corpus(count, seed, cache)
    for _ in range(freestyle):
        sequences.append(write_short_reference(written) if written.random() < SHORT_SHARE else write_reference(written))
    return [roughen(sequence, damage) if damage.random() < NOISE_SHARE else sequence for sequence in sequences]


def build_model(output: Path = MODEL_PATH, count: int = DEFAULT_COUNT, seed: int = DEFAULT_SEED,
                cache: Path | None = None, freestyle: int | None = None) -> dict:  # fmt: skip
    """Renders ``count`` items (and writes ``freestyle`` references, by default in proportion), trains,
    writes the model to ``output``; returns counts and timings."""
    started = time.perf_counter()
    rng = random.Random(seed)
    trainer = pycrfsuite.Trainer(verbose=False)
    freestyle = FREESTYLE_COUNT * count // DEFAULT_COUNT if freestyle is None else freestyle
    sequences = generate_sequences(count, seed, freestyle, cache) + load_handmade() * HANDMADE_WEIGHT
    for sequence in sequences:
        trainer.append(*_xy(sequence, rng))
    rendered = time.perf_counter()
    trainer.set_params(PARAMS)
    output.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(output))
    return {"sequences": len(sequences), "render_s": round(rendered - started, 1),
            "train_s": round(time.perf_counter() - rendered, 1), "bytes": output.stat().st_size}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=DEFAULT_COUNT)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("-o", "--output", type=Path, default=MODEL_PATH)
    parser.add_argument(
        "--freestyle", type=int, help=f"freestyle references (default {FREESTYLE_COUNT} per {DEFAULT_COUNT} items)"
    )
    parser.add_argument("--cache", type=Path, help="keep the rendered corpus here between runs")
    args = parser.parse_args()
    print(build_model(args.output, args.count, args.seed, args.cache, args.freestyle))


if __name__ == "__main__":
    main()
