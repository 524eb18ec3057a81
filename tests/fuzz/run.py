"""Run every atheris fuzz target for a fixed budget and report executions and findings.

    python tests/fuzz/run.py                       # 60 s per target
    python tests/fuzz/run.py --seconds 10 --targets bibtex,csljson
    python tests/fuzz/run.py --runs 20000          # a number of executions instead of a time

Each target starts from a seed corpus (the repository's own .bib, article and CSL-JSON files, cut to
libFuzzer's 4 KB, plus ``tests/fuzz/corpus/<target>/``). A crash (an uncaught exception, a failed property,
an input running over ``--timeout`` seconds) stops libFuzzer; the input is saved to
``tests/fuzz/corpus/<target>/`` -- the regression corpus that ``test_fuzz_corpus.py`` replays -- and the
target is restarted for what is left of its budget. Needs ``pip install atheris``.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
CORPUS = HERE / "corpus"
MAX_LEN = 4096
TARGETS = ("bibtex", "article", "references", "citations", "csljson")
SEEDS = {
    "bibtex": ["references.bib", "examples/*.bib", "tests/data/articles/*.bib"],
    "article": ["examples/*.txt", "tests/data/articles/*.txt", "tests/data/articles/*.md"],
    "references": ["examples/*.txt", "tests/data/articles/*.txt"],
    "citations": ["examples/*.txt", "tests/data/articles/*.txt", "tests/data/articles/*.md"],
    "csljson": ["tests/data/*.json"],
}


@dataclass
class Outcome:
    target: str
    executions: int = 0
    seconds: float = 0.0
    restarts: int = 0
    findings: list[str] = field(default_factory=list)  # saved corpus files, one per distinct crash


def seed_corpus(target: str, folder: Path) -> int:
    """Fill ``folder`` with the target's seeds (chunks of at most MAX_LEN bytes) and its regression corpus."""
    count = 0
    for pattern in SEEDS[target]:
        for path in sorted(REPO.glob(pattern)):
            data = path.read_bytes()
            for start in range(0, min(len(data), 16 * MAX_LEN), MAX_LEN):
                chunk = data[start : start + MAX_LEN]
                (folder / hashlib.sha1(chunk).hexdigest()).write_bytes(chunk)
                count += 1
    for path in sorted((CORPUS / target).glob("*")) if (CORPUS / target).is_dir() else ():
        shutil.copy(path, folder / path.name)
        count += 1
    return count


def executions_of(log: str) -> int:
    """libFuzzer's count of executed inputs: its final stat, else the last ``#N`` status line."""
    if found := re.search(r"stat::number_of_executed_units:\s*(\d+)", log):
        return int(found.group(1))
    counts = re.findall(r"^#(\d+)\s", log, re.M)
    return int(counts[-1]) if counts else 0


def save_finding(target: str, artifact: Path, log: str) -> str:
    """Copy a crashing input into the regression corpus, named by the exception it raised and its hash."""
    data = artifact.read_bytes()
    raised = re.findall(r"^(\w+(?:Error|Exception|Exit)|Timeout)\b", log, re.M)
    kind = raised[-1].lower() if raised else artifact.name.split("-")[0]
    destination = CORPUS / target / f"{kind}-{hashlib.sha1(data).hexdigest()[:16]}"
    destination.parent.mkdir(parents=True, exist_ok=True)
    destination.write_bytes(data)
    return str(destination.relative_to(REPO))


def fuzz(target: str, seconds: float | None, runs: int | None, timeout: int, verbose: bool) -> Outcome:
    """Run one target until its budget (time or executions) is spent, restarting after each crash."""
    outcome = Outcome(target)
    script = HERE / f"fuzz_{target}.py"
    with tempfile.TemporaryDirectory(prefix=f"fuzz-{target}-") as work:
        corpus, artifacts = Path(work) / "corpus", Path(work) / "artifacts"
        corpus.mkdir()
        artifacts.mkdir()
        seed_corpus(target, corpus)
        started = time.perf_counter()
        while True:
            left_time = None if seconds is None else seconds - (time.perf_counter() - started)
            left_runs = None if runs is None else runs - outcome.executions
            if (left_time is not None and left_time < 1) or (left_runs is not None and left_runs < 1):
                break
            budget = [f"-max_total_time={int(left_time)}"] if left_time is not None else [f"-runs={left_runs}"]
            command = [sys.executable, str(script), *budget, f"-timeout={timeout}", f"-max_len={MAX_LEN}",
                       f"-artifact_prefix={artifacts}/", "-print_final_stats=1", str(corpus)]
            run = subprocess.run(command, capture_output=True, text=True, errors="replace", cwd=work)
            log = run.stdout + run.stderr
            if verbose:
                print(log[-4000:], file=sys.stderr)
            outcome.executions += executions_of(log)
            crashes = sorted(artifacts.glob("*"))
            if run.returncode == 0 and not crashes:
                break
            outcome.restarts += 1
            for artifact in crashes:
                saved = save_finding(target, artifact, log)
                if saved not in outcome.findings:
                    outcome.findings.append(saved)
                artifact.unlink()
            if not crashes:  # libFuzzer failed without an input to blame: report it, do not spin
                outcome.findings.append(f"exit {run.returncode} without a crashing input: {log[-300:]!r}")
                break
        outcome.seconds = time.perf_counter() - started
    return outcome


def print_table(outcomes: list[Outcome]) -> None:
    print(f"{'target':<12} {'executions':>11} {'seconds':>8} {'exec/s':>8} {'findings':>9}")
    for o in outcomes:
        rate = o.executions / o.seconds if o.seconds else 0.0
        print(f"{o.target:<12} {o.executions:>11} {o.seconds:>8.1f} {rate:>8.0f} {len(o.findings):>9}")
    print(f"{'total':<12} {sum(o.executions for o in outcomes):>11} {sum(o.seconds for o in outcomes):>8.1f}"
          f" {'':>8} {sum(len(o.findings) for o in outcomes):>9}")
    for o in outcomes:
        for finding in o.findings:
            print(f"finding: {o.target}: {finding}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=None, help="budget per target (default 60 s)")
    parser.add_argument("--runs", type=int, default=None, help="budget per target in executions instead")
    parser.add_argument("--targets", default=",".join(TARGETS), help="comma-separated, from: " + ", ".join(TARGETS))
    parser.add_argument("--timeout", type=int, default=10, help="seconds one input may take before it is a finding")
    parser.add_argument("--verbose", action="store_true", help="print the end of libFuzzer's log")
    args = parser.parse_args(argv)
    if importlib.util.find_spec("atheris") is None:
        print("atheris is not installed: pip install atheris (a binary wheel for CPython 3.11 on x86-64 Linux)",
              file=sys.stderr)
        return 2
    seconds = args.seconds if args.seconds is not None or args.runs is not None else 60.0
    targets = [t.strip() for t in args.targets.split(",") if t.strip()]
    unknown = set(targets) - set(TARGETS)
    if unknown:
        parser.error(f"unknown targets: {', '.join(sorted(unknown))}")
    outcomes = []
    for target in targets:
        outcomes.append(fuzz(target, seconds, args.runs, args.timeout, args.verbose))
        print(f"{target}: {outcomes[-1].executions} executions, {len(outcomes[-1].findings)} findings",
              file=sys.stderr, flush=True)
    print_table(outcomes)
    return 1 if any(o.findings for o in outcomes) else 0


if __name__ == "__main__":
    raise SystemExit(main())
