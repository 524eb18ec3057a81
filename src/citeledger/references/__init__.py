"""Reference strings → ``Reference`` items: templates and a statistical labeller, then ordered
normalizers (names, dates, editions, places, numbers, identifiers, type, language)."""

from citeledger.references.parser import METHODS, label_reference, parse_reference, parse_references

__all__ = ["METHODS", "label_reference", "parse_reference", "parse_references"]
