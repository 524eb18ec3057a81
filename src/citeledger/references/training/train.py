"""Train the reference labeller (a linear-chain CRF, python-crfsuite) on the generated corpus.

    python -m citeledger.references.training.train [--count 4000] [--seed 20261128] [-o MODEL]

The same count and seed give the same corpus, and crfsuite's L-BFGS is deterministic, so the model
file is rebuilt identically. The default output is the model the package ships.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import pycrfsuite

from citeledger.references.features import sequence_features, tokenize
from citeledger.references.training.corpus import load_handmade, render_corpus

MODEL_PATH = Path(__file__).resolve().parents[1] / "data" / "refcrf.crfsuite"
DEFAULT_COUNT = 8000
DEFAULT_SEED = 20261128
HANDMADE_WEIGHT = 5  # each hand-annotated reference counts as this many generated ones
PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True,
          "feature.minfreq": 2}  # fmt: skip


def _xy(sequence: list[tuple[str, str]]) -> tuple[list[dict], list[str]]:
    text = " ".join(token for token, _ in sequence)
    return sequence_features(tokenize(text)), [label for _, label in sequence]


def build_model(output: Path = MODEL_PATH, count: int = DEFAULT_COUNT, seed: int = DEFAULT_SEED) -> dict:
    """Renders ``count`` items, trains, writes the model to ``output``; returns counts and timings."""
    started = time.perf_counter()
    trainer = pycrfsuite.Trainer(verbose=False)
    sequences = list(render_corpus(count, seed))
    sequences += load_handmade() * HANDMADE_WEIGHT
    for sequence in sequences:
        trainer.append(*_xy(sequence))
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
    args = parser.parse_args()
    print(build_model(args.output, args.count, args.seed))


if __name__ == "__main__":
    main()
