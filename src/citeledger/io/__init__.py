"""Adapters between files and the item model: text decoding, BibTeX, CSL-JSON, one mapping table."""
