"""Reading and writing text files without losing a byte: encoding sniffing and atomic writes.

``decode_bytes`` tries, in order: a byte-order mark, UTF-16 without a BOM (NUL-byte pattern), an
encoding declared in the first lines (Emacs ``coding:``, JabRef ``% Encoding:``), strict UTF-8, and
finally CP1252/Latin-1 with a CL204 warning. Binary data is refused. ``encode_text`` reverses the
choice exactly, so an untouched file is written back byte for byte.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from citeledger.diagnostics import Diagnostic
from citeledger.errors import UnusableInputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DECLARED = re.compile(rb"(?:-\*-.*?coding:\s*|^%\s*Encoding:\s*|coding[:=]\s*)([-\w.]+)", re.I | re.M)
_CONTROL_BYTES = bytes(set(range(32)) - {9, 10, 12, 13, 26, 27})


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str
    bom: bytes = b""
    diagnostics: tuple[Diagnostic, ...] = ()


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _declared_encoding(data: bytes) -> str | None:
    head = b"\n".join(data[:2048].splitlines()[:5])
    match = _DECLARED.search(head)
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def _mostly_control_characters(text: str) -> bool:
    sample = text[:4096]
    controls = sum(1 for char in sample if ord(char) < 32 and char not in "\t\n\r\f")
    return controls > 0.1 * len(sample)


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    return len(sample) > 0 and len(sample.translate(None, _CONTROL_BYTES)) < 0.9 * len(sample)


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    # Some codecs are not bijective; a file we cannot write back identically must not be accepted.
    return text if encoding == "utf-8" or text.encode(encoding) == data else None


def decode_bytes(data: bytes, source: str = "-", encoding: str | None = None) -> DecodedText:
    """Decode ``data``; raise UnusableInputError for binary data or a forced encoding that fails."""
    if encoding:
        text = _strict(data, encoding)
        if text is None:
            raise UnusableInputError(f"{source}: cannot be decoded as {encoding}")
        return DecodedText(text, codecs.lookup(encoding).name)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = _strict(data[len(bom) :], codec)
            if text is None:
                raise UnusableInputError(f"{source}: starts with a {codec} byte-order mark but is not {codec}")
            return DecodedText(text, codec, bom)
    utf16 = _utf16_without_bom(data)
    if utf16 and (text := _strict(data, utf16)) is not None and not _mostly_control_characters(text):
        return DecodedText(text, utf16)
    if _looks_binary(data):
        raise UnusableInputError(f"{source}: looks like a binary file, not text")
    declared = _declared_encoding(data)
    if declared and (text := _strict(data, declared)) is not None:
        return DecodedText(text, declared)
    if (text := _strict(data, "utf-8")) is not None:
        return DecodedText(text, "utf-8")
    for fallback in ("cp1252", "latin-1"):
        if (text := _strict(data, fallback)) is not None:
            warning = Diagnostic(
                "CL204",
                f"not valid UTF-8; read as {fallback}",
                path=source,
                hint="convert the file to UTF-8, or pass --encoding if this guess is wrong",
            )
            return DecodedText(text, fallback, diagnostics=(warning,))
    raise UnusableInputError(f"{source}: cannot be decoded")  # unreachable: latin-1 decodes anything


def encode_text(text: str, like: DecodedText | None = None) -> bytes:
    """Encode ``text`` the way ``like`` was decoded (same codec and BOM); UTF-8 without one."""
    if like is None:
        return text.encode("utf-8")
    return like.bom + text.encode(like.encoding)


def read_bytes(path: str) -> bytes:
    """Read a file, or stdin for ``-``; every OS problem becomes UnusableInputError."""
    if path == "-":
        return sys.stdin.buffer.read()
    target = Path(path)
    if target.is_dir():
        raise UnusableInputError(f"{path}: is a directory, not a file")
    try:
        return target.read_bytes()
    except FileNotFoundError:
        raise UnusableInputError(f"{path}: no such file") from None
    except OSError as error:
        raise UnusableInputError(f"{path}: cannot be read ({error.strerror or error})") from None


def read_text(path: str, encoding: str | None = None) -> DecodedText:
    return decode_bytes(read_bytes(path), path, encoding)


def _current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(path: str, data: bytes, backup_suffix: str | None = None) -> None:
    """Write ``data`` to ``path`` so that it holds either the old or the complete new content.

    Writes a temporary file in the same directory, fsyncs it and renames it over the target; with
    ``backup_suffix`` the old file is first hard-linked (or copied) to ``path + backup_suffix``.
    """
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as error:
        raise UnusableInputError(f"{path}: cannot write here ({error.strerror or error})") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp creates the file 0600; the result should have the mode the old file had, or the
        # mode a new file gets from the user's umask.
        os.chmod(temporary, target.stat().st_mode & 0o7777 if target.exists() else 0o666 & ~_current_umask())
        if target.exists() and backup_suffix:
            backup = Path(f"{path}{backup_suffix}")
            backup.unlink(missing_ok=True)
            try:
                os.link(target, backup)
            except OSError:  # a file system without hard links
                shutil.copy2(target, backup)
        os.replace(temporary, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise UnusableInputError(f"{path}: cannot be written ({error.strerror or error})") from None
    with contextlib.suppress(OSError):
        dir_fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
