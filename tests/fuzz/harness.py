"""What the fuzz targets share: atheris when it is installed, coverage counters for the modules a target
imports when it runs as a script, and libFuzzer's loop. ``test_fuzz_corpus.py`` imports the targets
without atheris and replays the regression corpus through their ``check``."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Sequence

try:
    import atheris
except ImportError:  # the regression test replays the corpus without atheris
    atheris = None


def instrumented(module_name: str, include: Sequence[str] = ("citeledger",)) -> contextlib.AbstractContextManager:
    """Run as a script (``module_name == "__main__"``), the packages in ``include`` get coverage counters as
    they load; imported (by the regression test), nothing changes."""
    if atheris is not None and module_name == "__main__":
        return atheris.instrument_imports(include=list(include))
    return contextlib.nullcontext()


def fuzz(check: Callable[[bytes], None]) -> None:
    """libFuzzer's loop over ``check``, with the command line's options and corpus directories."""
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()
