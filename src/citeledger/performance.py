"""Performance helpers shared by the hot loops (cutting a .bib into blocks, tidying its entries)."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector over a loop that allocates many small objects without cycles:
    the collector's passes over them cost ~20% of ``parse_bibtex`` on a 13k-entry file and find nothing.
    Reference counting still frees everything; the collector's state is restored afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
