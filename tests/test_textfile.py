import codecs
import os

import pytest

from citeledger.errors import UnusableInputError
from citeledger.io.textfile import decode_bytes, encode_text, read_text, write_atomic

TEXT = "@book{x, title = {Éluard à Phnom Penh}}\r\n"


@pytest.mark.parametrize(
    ("data", "encoding", "bom"),
    [
        (TEXT.encode("utf-8"), "utf-8", b""),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8", codecs.BOM_UTF8),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le", codecs.BOM_UTF16_LE),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be", codecs.BOM_UTF16_BE),
        (TEXT.encode("utf-16-le"), "utf-16-le", b""),
        (TEXT.encode("utf-16-be"), "utf-16-be", b""),
        (b"% -*- coding: latin-1 -*-\n" + TEXT.encode("latin-1"), "iso8859-1", b""),
        (b"% Encoding: windows-1252\n" + TEXT.encode("cp1252"), "cp1252", b""),
    ],
)
def test_detected_encodings_decode_and_encode_back_byte_for_byte(data, encoding, bom):
    decoded = decode_bytes(data, "t.bib")
    assert decoded.encoding == encoding
    assert decoded.bom == bom
    assert TEXT in decoded.text
    assert "\r\n" in decoded.text  # line endings are never translated
    assert encode_text(decoded.text, decoded) == data
    assert decoded.diagnostics == ()


def test_undeclared_cp1252_is_guessed_with_a_warning():
    data = "Zoë “quoted”\n".encode("cp1252")
    decoded = decode_bytes(data, "t.bib")
    assert decoded.text == "Zoë “quoted”\n"
    assert [d.code for d in decoded.diagnostics] == ["CL204"]
    assert encode_text(decoded.text, decoded) == data


def test_bytes_undefined_in_cp1252_fall_back_to_latin1():
    data = b"caf\xe9 \x81\n"
    decoded = decode_bytes(data)
    assert decoded.encoding == "latin-1"
    assert encode_text(decoded.text, decoded) == data


@pytest.mark.parametrize("data", [b"\x00\x01\x02\x03" * 100, bytes(range(256)) * 4, b"\x7fELF\x02\x01\x01\x00\x00"])
def test_binary_data_is_refused(data):
    with pytest.raises(UnusableInputError, match="binary"):
        decode_bytes(data, "blob.bin")


def test_forced_encoding_that_fails_is_refused():
    with pytest.raises(UnusableInputError, match="cannot be decoded as utf-8"):
        decode_bytes(b"caf\xe9", "x", encoding="utf-8")


def test_read_text_problems_are_unusable_input(tmp_path):
    with pytest.raises(UnusableInputError, match="no such file"):
        read_text(str(tmp_path / "missing.bib"))
    with pytest.raises(UnusableInputError, match="is a directory"):
        read_text(str(tmp_path))


def test_write_atomic_replaces_keeps_mode_and_backs_up(tmp_path):
    target = tmp_path / "a.bib"
    target.write_bytes(b"old")
    os.chmod(target, 0o640)
    write_atomic(str(target), b"new", backup_suffix=".bak")
    assert target.read_bytes() == b"new"
    assert (tmp_path / "a.bib.bak").read_bytes() == b"old"
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_write_atomic_into_missing_directory_is_unusable(tmp_path):
    with pytest.raises(UnusableInputError):
        write_atomic(str(tmp_path / "no" / "such" / "dir.bib"), b"x")


def test_write_atomic_gives_a_new_file_the_umask_mode(tmp_path):
    old = os.umask(0o027)
    try:
        write_atomic(str(tmp_path / "new.bib"), b"x")
    finally:
        os.umask(old)
    assert (tmp_path / "new.bib").stat().st_mode & 0o777 == 0o640
