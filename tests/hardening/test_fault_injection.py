"""No data loss on write: ``tidy --in-place`` and ``-o``, run in a forked child process, are killed
(SIGKILL) at random moments, many times over, and the target must each time be either the old file or the
complete new one. A full disk and a read-only directory give exit 2 with the original untouched.

``CITELEDGER_FAULT_TRIALS`` sets the number of kills per write mode (default 100, so 200 in all, about a
minute); ``CITELEDGER_FAULT_SEED`` replays a run. Every writing command goes through
``io.textfile.write_atomic`` (temporary file in the same directory, fsync, rename); a test checks that
no command writes another way.
"""

from __future__ import annotations

import contextlib
import errno
import os
import random
import re
import signal
import subprocess
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from citeledger.cli import cli

SRC = Path(__file__).resolve().parents[2] / "src" / "citeledger"
TRIALS = int(os.environ.get("CITELEDGER_FAULT_TRIALS", "100"))
SEED = int(os.environ.get("CITELEDGER_FAULT_SEED", str(random.SystemRandom().randrange(1 << 30))))
def untidy_bib(entries: int) -> str:
    """Entries every default rule rewrites (type case, field case, quotes, dashes, months, spacing)."""
    return "".join(
        f'@Article{{key{n},\n  Author = "Smith, John and Doe, Jane",\n    Title = "A  title number {n} & more",\n'
        f'  Journal = {{Journal}}, Year = {1900 + n % 120}, Pages = "{n}-{n + 9}", Month = "January",\n'
        f"  Doi = {{https://doi.org/10.1000/{n}}}}}\n\n"
        for n in range(entries)
    )


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    """(folder, old bytes, new bytes): a ~200 KB .bib (1,000 entries) before and after ``tidy``."""
    folder = tmp_path_factory.mktemp("fault")
    old = untidy_bib(1000).encode("utf-8")
    (folder / "source.bib").write_bytes(old)
    result = CliRunner().invoke(cli, ["tidy", str(folder / "source.bib"), "-o", str(folder / "expected.bib")])
    assert result.exit_code == 0, result.output
    new = (folder / "expected.bib").read_bytes()
    assert new != old
    return folder, old, new


def start_child(arguments: list[str], cwd: Path) -> int:
    """Fork a child that runs the command (the tool is already loaded, so the kill lands in the command's
    own work -- reading, tidying, writing -- not in Python's start-up); returns its pid."""
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 70
        try:
            os.chdir(cwd)
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            cli.main(arguments, standalone_mode=False)
            code = 0
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 1
        finally:
            os._exit(code)
    return pid


def wait_exit_code(pid: int) -> int:
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def kill_trials(arguments: list[str], target: Path, before: bytes, after: bytes, cwd: Path) -> dict[str, int]:
    """Run the command TRIALS times, SIGKILL it after a random delay, classify the target each time."""
    target.write_bytes(before)
    started = time.perf_counter()
    assert wait_exit_code(start_child(arguments, cwd)) == 0
    duration = time.perf_counter() - started
    assert target.read_bytes() == after
    rng = random.Random(SEED)
    counts = {"old": 0, "new": 0, "lost": 0, "finished": 0}
    for _ in range(TRIALS):
        target.write_bytes(before)
        # most kills near the end, where the write happens; some anywhere
        delay = rng.uniform(0.6, 1.1) * duration if rng.random() < 0.7 else rng.uniform(0, duration)
        pid = start_child(arguments, cwd)
        time.sleep(delay)
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        counts["finished"] += wait_exit_code(pid) == 0
        content = target.read_bytes()
        counts["old" if content == before else "new" if content == after else "lost"] += 1
    for leftover in cwd.glob(f".{target.name}.*.tmp"):  # a killed writer may leave its temporary file
        leftover.unlink()
    return counts


def test_tidy_in_place_killed_at_random_loses_nothing(files):
    folder, old, new = files
    target = folder / "in-place.bib"
    counts = kill_trials(["tidy", "--in-place", target.name], target, old, new, folder)
    print(f"tidy --in-place: {TRIALS} kills (seed {SEED}): {counts}")
    assert counts["lost"] == 0, counts
    assert counts["old"] + counts["new"] == TRIALS


def test_tidy_output_killed_at_random_loses_nothing(files):
    folder, _old, new = files
    target = folder / "out.bib"
    previous = b"% the previous output, which must survive a killed write\n" * 1000
    counts = kill_trials(["tidy", "source.bib", "-o", target.name], target, previous, new, folder)
    print(f"tidy -o: {TRIALS} kills (seed {SEED}): {counts}")
    assert counts["lost"] == 0, counts


def _no_space(*args, **kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


class _FullDisk:
    """A file object whose writes fail as on a full disk, after writing nothing."""

    def __init__(self, handle):
        self.handle = handle

    def write(self, data):
        _no_space()

    def __getattr__(self, name):
        return getattr(self.handle, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.handle.close()


@pytest.mark.parametrize("mode", ["in-place", "output"])
def test_disk_full_exits_2_and_keeps_the_original(tmp_path, monkeypatch, mode):
    source = tmp_path / "refs.bib"
    original = untidy_bib(20).encode("utf-8")
    source.write_bytes(original)
    output = tmp_path / "out.bib"
    output.write_bytes(b"previous output\n")
    real_fdopen = os.fdopen
    monkeypatch.setattr(os, "fdopen", lambda *a, **k: _FullDisk(real_fdopen(*a, **k)))
    arguments = ["tidy", str(source), "--in-place"] if mode == "in-place" else ["tidy", str(source), "-o", str(output)]
    result = CliRunner().invoke(cli, arguments)
    assert result.exit_code == 2, result.output
    assert "No space left on device" in result.output
    assert source.read_bytes() == original
    assert output.read_bytes() == b"previous output\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.bib", "refs.bib"]  # no temporary file left


@pytest.fixture
def tiny_tmpfs(tmp_path):
    """A 64 KB tmpfs, when this process may mount one (root in a container that allows it)."""
    mount_point = tmp_path / "tiny"
    mount_point.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount_point)],
                             capture_output=True, check=False)
    if mounted.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root); the simulated full disk above still runs")
    yield mount_point
    subprocess.run(["umount", str(mount_point)], check=False)


def test_real_full_disk_exits_2_and_keeps_the_original(tiny_tmpfs):
    source = tiny_tmpfs / "refs.bib"
    original = untidy_bib(100).encode("utf-8")  # ~23 KB, tidied ~25 KB: the copy does not fit twice
    source.write_bytes(original)
    (tiny_tmpfs / "filler").write_bytes(b"x" * (64 * 1024 - 2 * len(original) + 8192))
    result = CliRunner().invoke(cli, ["tidy", str(source), "--in-place"])
    assert result.exit_code == 2, result.output
    assert source.read_bytes() == original
    assert sorted(p.name for p in tiny_tmpfs.iterdir()) == ["filler", "refs.bib"]


def test_read_only_directory_exits_2_and_keeps_the_original(tiny_tmpfs_or_chmod):
    folder = tiny_tmpfs_or_chmod
    source = folder / "refs.bib"
    original = source.read_bytes()
    for arguments in (["tidy", str(source), "--in-place"], ["tidy", str(source), "-o", str(folder / "out.bib")],
                      ["convert", str(source), "-o", str(folder / "out.json")]):
        result = CliRunner().invoke(cli, arguments)
        assert result.exit_code == 2, (arguments, result.output)
        assert "cannot write here" in result.output
        assert source.read_bytes() == original
    assert sorted(p.name for p in folder.iterdir()) == ["refs.bib"]


@pytest.fixture
def tiny_tmpfs_or_chmod(tmp_path):
    """A directory holding refs.bib that this process cannot write into: chmod 555 when not root (root
    ignores modes), else a tmpfs remounted read-only."""
    folder = tmp_path / "ro"
    folder.mkdir()
    if os.geteuid() != 0:
        (folder / "refs.bib").write_bytes(untidy_bib(5).encode("utf-8"))
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)
        return
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)], capture_output=True,
                      check=False).returncode != 0:
        pytest.skip("running as root without a way to make a read-only directory")
    (folder / "refs.bib").write_bytes(untidy_bib(5).encode("utf-8"))
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
    yield folder
    subprocess.run(["umount", str(folder)], check=False)


WRITES = re.compile(r"(?<!self)\.write_(text|bytes)\(|open\([^)]*['\"][wax]b?['\"]|os\.(write|replace|rename)\(")


def test_every_writing_command_writes_through_write_atomic():
    writers = []
    for path in sorted(SRC.rglob("*.py")):
        if "training" in path.parts:  # the labeller's training scripts, not the tool
            continue
        text = path.read_text(encoding="utf-8")
        if WRITES.search(text):
            writers.append(path.relative_to(SRC).as_posix())
    assert writers == ["io/textfile.py"], f"files written outside write_atomic: {writers}"
