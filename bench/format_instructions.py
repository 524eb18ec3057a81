"""Formatting cost in instructions per entry, counted by valgrind: a deterministic measure that a busy or
drifting machine does not disturb (wall-clock figures come from bench/format.py).

    /work/venv/bin/python bench/format_instructions.py [--style apa] [--small 20] [--large 120]

Formats ``--small`` and then ``--large`` synthetic entries (bench/format.py's generator) serially, each in
a fresh interpreter under ``valgrind --tool=cachegrind``, and prints the difference divided by the
difference in entries: start-up and imports cancel out. Hash randomization is fixed, so a rerun gives
the same count. Needs valgrind (Debian package ``valgrind``); one run takes about a minute.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
_FORMAT_ONLY = (
    "import sys; sys.path.insert(0, {bench!r}); from format import synthetic_items; "
    "from citeledger.render import engine, styles; "
    "engine.format_items(synthetic_items({count}), engine.load_style(styles.resolve_style({style!r})), jobs=1)"
)


def instructions(count: int, style_id: str) -> int:
    """Instructions valgrind counts for a whole interpreter formatting ``count`` entries."""
    code = _FORMAT_ONLY.format(bench=str(BENCH), count=count, style=style_id)
    command = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
               sys.executable, "-c", code]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"},
                          check=True)  # fmt: skip
    found = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if found is None:
        raise SystemExit(f"valgrind printed no instruction count:\n{done.stderr[-2000:]}")
    return int(found[1].replace(",", ""))


def main(argv: list[str]) -> None:
    args = dict(zip(argv[::2], argv[1::2], strict=False))
    style_id, small, large = args.get("--style", "apa"), int(args.get("--small", "20")), int(args.get("--large", "120"))
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (Debian: apt-get install valgrind)")
    per_entry = (instructions(large, style_id) - instructions(small, style_id)) / (large - small)
    print(f"{style_id}: {per_entry / 1e6:.2f} M instructions per entry ({small} and {large} entries, serial)")


if __name__ == "__main__":
    main(sys.argv[1:])
