"""Formatting: style resolution (``styles``), the CSL engine (``engine``) and its fixes (``workarounds``)."""
