"""Where the data folders shipped with the package live: ``styles/`` and ``templates/``.

In an installed wheel they sit inside the package (``citeledger/templates``, put there by hatch's
force-include); in a source checkout they are the top-level folders, beside ``src/``.
"""

from __future__ import annotations

import importlib.resources
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parents[2]  # src/citeledger/resources.py → the checkout root


def resource_dir(name: str) -> Path:
    """Takes a folder name (``templates``, ``styles``); returns the packaged folder when it exists,
    else the source checkout's top-level one (which may not exist either: callers report that)."""
    packaged = Path(str(importlib.resources.files("citeledger") / name))
    if packaged.is_dir():
        return packaged
    return _CHECKOUT / name
