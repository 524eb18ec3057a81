"""The wheel: build it, install it into a fresh venv, run the CLI from another directory, and find the
top-level ``styles/`` and ``templates/`` inside the installed package.

Slow (builds in an isolated environment and installs the dependencies from the package index).
Skips only when a virtual environment cannot be created here.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from citeledger import __version__

REPO = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


def _run(args: list, cwd: Path, timeout: int = 900) -> subprocess.CompletedProcess:
    # A clean environment for the child: no PYTHONPATH leaking the source tree into the installed test.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    return subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


def _build_wheel(out: Path) -> Path:
    result = _run([sys.executable, "-m", "build", "--wheel", "--outdir", out, REPO], cwd=REPO)
    if result.returncode != 0:  # `build` missing or its isolated env failed: pip can build it too
        result = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", out, REPO], cwd=REPO)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    (wheel,) = out.glob("citeledger-*.whl")
    return wheel


def _fresh_venv(where: Path) -> Path:
    result = _run([sys.executable, "-m", "venv", where], cwd=where.parent, timeout=300)
    if result.returncode != 0:
        pytest.skip(f"cannot create a virtual environment here: {result.stderr.strip()[-300:]}")
    return where / ("Scripts" if os.name == "nt" else "bin")


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    base = tmp_path_factory.mktemp("wheel")
    wheel = _build_wheel(base / "dist")
    bindir = _fresh_venv(base / "venv")
    result = _run([bindir / "python", "-m", "pip", "install", "--quiet", wheel], cwd=base)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    elsewhere = base / "elsewhere"
    elsewhere.mkdir()
    return wheel, bindir, elsewhere


def test_wheel_holds_styles_and_templates(installed):
    wheel, _, _ = installed
    names = zipfile.ZipFile(wheel).namelist()
    for folder in ("styles", "templates"):
        shipped = [n for n in names if n.startswith(f"citeledger/{folder}/") and not n.endswith("/")]
        expected = sorted(p.name for p in (REPO / folder).iterdir() if p.is_file())
        assert expected, f"the repository's {folder}/ is empty"
        assert sorted(Path(n).name for n in shipped) == expected


def test_cli_runs_from_another_directory(installed):
    _, bindir, elsewhere = installed
    version = _run([bindir / "citeledger", "--version"], cwd=elsewhere)
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip() == f"citeledger, version {__version__}"
    for args in ([bindir / "citeledger", "--help"], [bindir / "python", "-m", "citeledger", "--help"]):
        result = _run(args, cwd=elsewhere)
        assert result.returncode == 0, result.stderr
        assert "tidy" in result.stdout and "convert" in result.stdout


def test_installed_package_is_the_wheel_not_the_source_tree(installed):
    _, bindir, elsewhere = installed
    script = (
        "import citeledger, pathlib; root = pathlib.Path(citeledger.__file__).parent; "
        "print(root); print(sorted(p.name for p in (root / 'styles').iterdir())); "
        "print(sorted(p.name for p in (root / 'templates').iterdir()))"
    )
    result = _run([bindir / "python", "-c", script], cwd=elsewhere)
    assert result.returncode == 0, result.stderr
    root, styles, templates = result.stdout.splitlines()
    assert Path(root).is_relative_to(bindir.parent)
    assert styles != "[]" and templates != "[]"
