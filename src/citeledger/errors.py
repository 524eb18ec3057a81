"""Exceptions for input the tool cannot use at all (the CLI turns them into exit code 2).

Problems *inside* usable input are diagnostics, not exceptions.
"""


class UnusableInputError(Exception):
    """A missing, unreadable, binary or undecodable input, or an unknown format or option value."""
