"""citeledger: check and format citations in scholarly articles."""

# The single source of the version (pyproject reads it via hatch); a literal, because importing
# importlib.metadata to look it up costs more start-up time than a whole `check` of an article.
__version__ = "0.1.0"
