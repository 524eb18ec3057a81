"""citeproc is imported in one module only, so that its quirks (and our fixes) live in one place."""

from __future__ import annotations

import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "citeledger"
IMPORT = re.compile(r"^\s*(from|import)\s+citeproc(\.|\s|$)", re.MULTILINE)


def test_only_the_engine_imports_citeproc() -> None:
    importers = sorted(str(p.relative_to(SRC)) for p in SRC.rglob("*.py") if IMPORT.search(p.read_text("utf-8")))
    assert importers == ["render/engine.py"]
