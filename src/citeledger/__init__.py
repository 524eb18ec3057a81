"""citeledger: check and format citations in scholarly articles."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("citeledger")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0.0.0+source"
