"""Bounded time: inputs built to hurt regexes and parsers go through ``check``, ``extract``, ``parse``,
``tidy --check`` and ``convert``, and doubling the input must roughly double the time.

Each case is timed in this process (``time.perf_counter``, and CPU time as a second opinion on a busy
machine; best of 3) at n and 2n characters; the ratio must stay under 3 (linear gives ~2, quadratic ~4).
No wall-clock limit is asserted. The test runs at
n = 128 KB to keep CI quick; ``CITELEDGER_LINEAR_SIZE=524288`` runs it at 512 KB → 1 MB. Run as a script,
it prints every case's time at 1 MB (and the ratio), slowest first:

    python tests/hardening/test_linear_time.py [--size 1048576] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from citeledger.cli import cli

SIZE = int(os.environ.get("CITELEDGER_LINEAR_SIZE", str(128 * 1024)))
MAX_RATIO = 3.0


def _repeat(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


def _lines_of(text: str, width: int) -> str:
    return "\n".join(text[start : start + width] for start in range(0, len(text), width))


# Each payload: n → text of about n characters.
PAYLOADS: dict[str, Callable[[int], str]] = {
    "open-parens": lambda n: "(" * n,
    "A-comma": lambda n: _repeat("A, ", n),
    "unclosed-citation": lambda n: _repeat("(Smith, 2000", n),
    "closed-citations": lambda n: _repeat("(Smith, 2000: 12) ", n),
    "100k-char-lines": lambda n: _lines_of(_repeat("Word and Other, (see below) 2000 ", n), 100_000),
    "nested-braces": lambda n: "@article{k, title = " + "{" * (n // 2) + "}" * (n // 2) + "}\n",
    "at-signs": lambda n: "@" * n,
    "open-braces": lambda n: "{" * n,
    "double-quotes": lambda n: '"' * n,
    "string-concatenation": lambda n: "@string{a = {x}}\n@misc{k, title = " + _repeat("a # ", n) + "a}\n",
}

ARTICLE_HEAD = "A Title\n\n3 February, 2008\nDoe Jane\n\nProse (Smith, 2000: 12).\n\n"
ARTICLE_TAIL = "\n\nReferences\n\nSMITH, John, 2000, A Book, Paris: Plon.\n\n"


def article(payload: str) -> str:
    """The payload in the body and again as the last reference of the list."""
    return ARTICLE_HEAD + payload + ARTICLE_TAIL + payload + "\n"


FIXED_BIB = "@book{smith2000, author = {Smith, John}, year = 2000, title = {A Book}}\n"


def bib(payload: str) -> str:
    """The payload as a field value, then raw after the entry."""
    return "@misc{smith2000, author = {Smith, John}, year = 2000, title = {" + payload + "}}\n\n" + payload + "\n"


# command → (file suffix, how to wrap the payload, the arguments given the file's path)
COMMANDS: dict[str, tuple[str, Callable[[str], str], Callable[[str], list[str]]]] = {
    # against a fixed .bib: linking costs citations × references sharing the cited surname, so a reference
    # list that grows with the payload would measure that product, not the reader and the extractor
    "check": (".txt", article, lambda path: ["check", path, "--bib", str(Path(path).with_name("fixed.bib"))]),
    "extract": (".txt", article, lambda path: ["extract", path]),
    "parse": (".txt", lambda payload: payload, lambda path: ["parse", "-"]),
    "tidy --check": (".bib", bib, lambda path: ["tidy", "--check", path]),
    "convert": (".bib", bib, lambda path: ["convert", path, "--to", "csl-json"]),
}


def run_once(command: str, text: str, folder: Path) -> tuple[float, float]:
    """Seconds (wall clock, and CPU time of this process) one command takes on ``text``; fails on a
    traceback or an unexpected exit code."""
    suffix, _, arguments = COMMANDS[command]
    path = folder / f"input{suffix}"
    path.write_text(text, encoding="utf-8")
    (folder / "fixed.bib").write_text(FIXED_BIB, encoding="utf-8")
    runner = CliRunner()
    started, cpu = time.perf_counter(), time.process_time()
    result = runner.invoke(cli, arguments(str(path)), input=text if command == "parse" else None)
    elapsed = (time.perf_counter() - started, time.process_time() - cpu)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"{command}: {result.exception!r}") from result.exception
    assert result.exit_code in (0, 1), (command, result.exit_code, result.output[-500:])
    return elapsed


def best_time(command: str, payload: str, n: int, folder: Path, repeat: int = 3) -> tuple[float, float]:
    """Best of ``repeat`` runs: (wall clock, CPU time), each the minimum over the runs."""
    text = COMMANDS[command][1](PAYLOADS[payload](n))
    runs = [run_once(command, text, folder) for _ in range(repeat)]
    return min(wall for wall, _ in runs), min(cpu for _, cpu in runs)


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("payload", list(PAYLOADS))
def test_doubling_the_input_roughly_doubles_the_time(payload, command, tmp_path):
    # The machine may be shared: a busy moment slows one wall-clock measurement, so a round also counts
    # when this process's CPU time doubles linearly. A linear case passes some round; a quadratic one
    # (~4 by either clock) never does. Up to 3 rounds of best-of-3.
    for _ in range(3):
        small = best_time(command, payload, SIZE, tmp_path)
        large = best_time(command, payload, 2 * SIZE, tmp_path)
        ratios = [big / max(little, 1e-9) for big, little in zip(large, small, strict=True)]
        # below a few milliseconds, timer and start-up noise swamp any growth: nothing to measure
        if large[0] < 0.02 or min(ratios) < MAX_RATIO:
            return
    raise AssertionError(f"{payload} through {command}: {small[0]:.3f}s at {SIZE}, {large[0]:.3f}s at 2x "
                         f"(wall ratio {ratios[0]:.2f}, CPU ratio {ratios[1]:.2f})")


def test_payloads_have_the_size_asked_for():
    for name, build in PAYLOADS.items():
        assert 0.9 * 200_000 <= len(build(200_000)) <= 1.1 * 200_000 + 100, name


def main() -> None:
    parser = argparse.ArgumentParser(description="Time every adversarial case at a size and at half of it.")
    parser.add_argument("--size", type=int, default=1 << 20, help="characters (default 1 MB)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for payload in PAYLOADS:
            for command in COMMANDS:
                half = best_time(command, payload, args.size // 2, Path(folder), args.repeat)[0]
                full = best_time(command, payload, args.size, Path(folder), args.repeat)[0]
                rows.append((full, half, payload, command))
                print(f"{payload:<22} {command:<13} {half:8.3f}s {full:8.3f}s  x{full / half:4.2f}", flush=True)
    print(f"\nslowest first, at {args.size} characters (best of {args.repeat}); ratio = time(n) / time(n/2)")
    print(f"{'payload':<22} {'command':<13} {'seconds':>8} {'ratio':>6}")
    for full, half, payload, command in sorted(rows, reverse=True):
        print(f"{payload:<22} {command:<13} {full:8.3f} {full / half:6.2f}")


if __name__ == "__main__":
    main()
