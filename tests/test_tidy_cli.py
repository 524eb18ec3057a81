"""``citeledger tidy`` end to end: outputs, --check, --in-place with backup, --force, exit codes, bad input."""

from __future__ import annotations

import json
import os

import pytest
from click.testing import CliRunner

from citeledger.cli import cli

MESSY = b"@Article{k1,\n  Title = \"A & B\",\n  pages = {1-2}\n}\n\n@misc{k2,\n  title = {ok},\n}\n"
TIDY = b"@article{k1,\n  title = {A \\& B},\n  pages = {1--2},\n}\n\n@misc{k2,\n  title = {ok},\n}\n"
CLEAN = b"@misc{k2,\n  title = {ok},\n}\n"
WITH_FAILED = b"@Article{k1, title = {x}}\n@book{bad, title = {unclosed\n\n@misc{k2, note = {y}}\n"


def run(*args: str):
    # Click 8.2 keeps stderr apart from stdout; older versions need mix_stderr=False.
    try:
        runner = CliRunner(mix_stderr=False)
    except TypeError:
        runner = CliRunner()
    return runner.invoke(cli, ["tidy", *args], catch_exceptions=False)


def write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_stdout_by_default_and_input_untouched(tmp_path):
    path = write(tmp_path, "a.bib", MESSY)
    result = run(str(path))
    assert result.exit_code == 0
    assert result.stdout_bytes == TIDY
    assert path.read_bytes() == MESSY


def test_rules_none_is_byte_identical(tmp_path):
    path = write(tmp_path, "a.bib", MESSY)
    assert run(str(path), "--rules", "none").stdout_bytes == MESSY


def test_output_file(tmp_path):
    path = write(tmp_path, "a.bib", MESSY)
    result = run(str(path), "-o", str(tmp_path / "out.bib"), "--rules", "pages-en-dash")
    assert result.exit_code == 0
    assert (tmp_path / "out.bib").read_bytes() == b"@Article{k1,\n  Title = \"A & B\",\n  pages = {1--2},\n}\n" \
        b"\n@misc{k2,\n  title = {ok},\n}\n"


def test_check_lists_changes_and_exits_1_writing_nothing(tmp_path):
    path = write(tmp_path, "a.bib", MESSY)
    result = run(str(path), "--check")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert f"{path}:1:1: CL208 info: tidy would rewrite `k1`" in result.stderr
    assert "k2" not in result.stderr
    assert path.read_bytes() == MESSY
    assert sorted(os.listdir(tmp_path)) == ["a.bib"]


def test_check_on_a_tidy_file_exits_0(tmp_path):
    assert run(str(write(tmp_path, "c.bib", CLEAN)), "--check").exit_code == 0


def test_check_json_records(tmp_path):
    result = run(str(write(tmp_path, "a.bib", MESSY)), "--check", "--format", "json")
    records = json.loads(result.stdout)
    assert result.exit_code == 1
    assert [(r["code"], r["line"], r["subject"]) for r in records] == [("CL208", 1, "k1")]


def test_in_place_writes_and_keeps_a_backup(tmp_path):
    path = write(tmp_path, "a.bib", MESSY)
    result = run(str(path), "--in-place")
    assert result.exit_code == 0, result.stderr
    assert path.read_bytes() == TIDY
    assert (tmp_path / "a.bib.bak").read_bytes() == MESSY
    assert sorted(os.listdir(tmp_path)) == ["a.bib", "a.bib.bak"]  # no temporary file left behind
    assert run(str(path), "--check").exit_code == 0  # idempotent through the CLI too


def test_in_place_refuses_failed_blocks_without_force(tmp_path):
    path = write(tmp_path, "f.bib", WITH_FAILED)
    result = run(str(path), "--in-place")
    assert result.exit_code == 1
    assert "CL201" in result.stderr and "--force" in result.stderr
    assert path.read_bytes() == WITH_FAILED
    assert not (tmp_path / "f.bib.bak").exists()


def test_in_place_with_force_keeps_the_failed_block_verbatim(tmp_path):
    path = write(tmp_path, "f.bib", WITH_FAILED)
    result = run(str(path), "--in-place", "--force")
    assert result.exit_code == 1  # CL201 is still an error-level finding
    assert b"@book{bad, title = {unclosed\n\n" in path.read_bytes()
    assert path.read_bytes().startswith(b"@article{k1,\n  title = {x},\n}\n")
    assert (tmp_path / "f.bib.bak").read_bytes() == WITH_FAILED


def test_failed_block_reported_on_stdout_run(tmp_path):
    result = run(str(write(tmp_path, "f.bib", WITH_FAILED)))
    assert result.exit_code == 1
    assert "CL201 error" in result.stderr
    assert b"@book{bad, title = {unclosed" in result.stdout_bytes


def test_list_rules():
    for args in (["--list-rules"], ["--rules", "list"]):
        result = run(*args)
        assert result.exit_code == 0
        assert "pages-en-dash" in result.stdout and "sort-fields" in result.stdout


def test_unknown_rule_exits_2(tmp_path):
    result = run(str(write(tmp_path, "a.bib", MESSY)), "--rules", "bogus")
    assert result.exit_code == 2
    assert "unknown tidy rule `bogus`" in result.stderr


@pytest.mark.parametrize("args", [["--in-place", "--check"], ["--in-place", "-o", "x.bib"], []])
def test_usage_errors_exit_2(tmp_path, args):
    path = [str(write(tmp_path, "a.bib", MESSY))] if args else []
    result = run(*path, *args)
    assert result.exit_code == 2


def test_help_has_an_example():
    result = run("--help")
    assert result.exit_code == 0
    assert "Example:\n    citeledger tidy references.bib --check" in result.stdout


# -- bad input: a clear message and exit 2, or decoded with a warning; never a traceback ----------


def test_missing_file(tmp_path):
    result = run(str(tmp_path / "nope.bib"))
    assert result.exit_code == 2
    assert "no such file" in result.stderr and "Traceback" not in result.stderr


def test_directory(tmp_path):
    result = run(str(tmp_path))
    assert result.exit_code == 2
    assert "is a directory" in result.stderr


def test_binary_file_is_refused_and_untouched(tmp_path):
    data = bytes(range(256)) * 8
    path = write(tmp_path, "b.bib", data)
    result = run(str(path), "--in-place")
    assert result.exit_code == 2
    assert "binary" in result.stderr
    assert path.read_bytes() == data


@pytest.mark.parametrize(("codec", "bom"), [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"")])
def test_utf16_is_decoded_and_written_back_in_utf16(tmp_path, codec, bom):
    path = write(tmp_path, "u.bib", bom + MESSY.decode().replace("A & B", "Åland & B").encode(codec))
    out = tmp_path / "out.bib"
    result = run(str(path), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert out.read_bytes() == bom + TIDY.decode().replace("A \\& B", "Åland \\& B").encode(codec)


def test_latin1_is_decoded_with_a_cl204_warning_and_kept_latin1(tmp_path):
    data = "@misc{k, title = {Citroën},\n  pages = {3-4}}\n".encode("latin-1")
    path = write(tmp_path, "l.bib", data)
    result = run(str(path), "--in-place")
    assert result.exit_code == 0
    assert "CL204 warning" in result.stderr
    assert path.read_bytes() == "@misc{k,\n  title = {Citroën},\n  pages = {3--4},\n}\n".encode("latin-1")


def test_truncated_entry_becomes_a_failed_block(tmp_path):
    path = write(tmp_path, "t.bib", CLEAN + b"@article{cut, title = {Half a tit")
    result = run(str(path), "--check")
    assert result.exit_code == 1
    assert "CL201 error" in result.stderr and "Traceback" not in result.stderr


def test_truncated_utf8_character_is_read_with_a_warning(tmp_path):
    path = write(tmp_path, "t.bib", "@misc{k, title = {Ré}}\n".encode()[:-4])  # cut inside "é"
    result = run(str(path), "--rules", "none")
    assert "CL204 warning" in result.stderr and "Traceback" not in result.stderr
    assert result.stdout_bytes == path.read_bytes()


def test_truncated_utf16_file_is_refused(tmp_path):
    path = write(tmp_path, "t.bib", MESSY.decode().encode("utf-16-le")[:-1])  # odd number of bytes
    result = run(str(path))
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr
