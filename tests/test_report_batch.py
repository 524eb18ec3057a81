"""Batch mode of check, claims and report: several files or a directory, a summary, the worst exit code,
bad files reported without stopping the rest, and the same results with --jobs 2 as with --jobs 1."""

from __future__ import annotations

import io
import json

import pytest
from click.testing import CliRunner

from citeledger.cli import batch, cli

GOOD = """A Short Test Article

It rained for years in the north (Smith, 2001: 4). Harvests failed twice (Jones and Lee, 2003).

References

SMITH, Anna, 2001, Rain in the North, London: Verso.

JONES, Paul and LEE, Kim, 2003, Harvests, Paris: Seuil.
"""
UNRESOLVED = GOOD.replace("(Smith, 2001: 4)", "(Smyth-Jones, 1990: 4)")


def run(*args):
    return CliRunner().invoke(cli, [str(arg) for arg in args])


@pytest.fixture
def folder(tmp_path):
    articles = tmp_path / "articles"
    (articles / "sub").mkdir(parents=True)
    (articles / "good.txt").write_text(GOOD, encoding="utf-8")
    (articles / "sub" / "bad.txt").write_text(UNRESOLVED, encoding="utf-8")
    (articles / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (articles / "notes.pdf").write_bytes(b"%PDF-1.4 not an article")  # not an article suffix: skipped
    (articles / ".hidden.txt").write_text(GOOD, encoding="utf-8")
    return articles


def summary_rows(output: str) -> dict[str, list[str]]:
    lines = output.splitlines()
    start = next(n for n, line in enumerate(lines) if line.startswith("file "))
    return {line.split()[0]: line.split()[1:] for line in lines[start + 1 :] if not line[0].isdigit()}


def test_expand_paths(folder, tmp_path):
    paths = batch.expand_paths([str(folder), str(folder / "good.txt"), str(tmp_path / "missing.txt")])
    assert paths == [str(folder / "binary.txt"), str(folder / "good.txt"), str(folder / "sub" / "bad.txt"),
                     str(tmp_path / "missing.txt")]  # fmt: skip


def test_output_names_do_not_clash():
    assert batch.output_names(["a/x.txt", "b/x.txt", "y.md"], ".html") == {
        "a/x.txt": "x.html", "b/x.txt": "x-2.html", "y.md": "y.html"}  # fmt: skip


def test_check_directory_reports_every_file_and_exits_with_the_worst(folder, tmp_path):
    result = run("check", folder, tmp_path / "missing.txt")
    assert result.exit_code == 2, result.output
    rows = summary_rows(result.output)
    assert rows[str(folder / "good.txt")] == ["ok", "2", "0", "0"]
    assert rows[str(folder / "sub" / "bad.txt")] == ["errors", "2", "1", "1"]
    assert rows[str(folder / "binary.txt")] == ["failed", "-", "-", "-"]
    assert rows[str(tmp_path / "missing.txt")] == ["failed", "-", "-", "-"]
    assert f"{folder / 'binary.txt'}: failed: looks like a binary file" in result.output
    assert f"{folder / 'sub' / 'bad.txt'}:3:35: CL301 error" in result.output
    assert "4 articles: 1 ok, 1 with errors, 2 failed; 4 citations, 1 unresolved, 1 uncited" in result.output


def test_worst_exit_code_without_failures(folder):
    assert run("check", folder / "good.txt", folder / "sub" / "bad.txt").exit_code == 1
    assert run("check", folder / "good.txt", folder / "good.txt").exit_code == 0  # duplicates checked once


def test_single_file_keeps_its_own_output(folder):
    result = run("check", folder / "good.txt")
    assert result.exit_code == 0
    assert "2 citations, 2/2 items linked, 2 references; 0 errors" in result.output
    assert "articles:" not in result.output


def test_jobs_2_gives_the_same_results_as_jobs_1(folder):
    one = run("check", folder, "--format", "json", "--jobs", "1")
    two = run("check", folder, "--format", "json", "--jobs", "2")
    assert one.exit_code == two.exit_code == 2
    assert json.loads(one.stdout) == json.loads(two.stdout) and json.loads(one.stdout)
    assert one.stderr == two.stderr


def test_claims_batch_writes_one_ledger_per_article(folder, tmp_path):
    out = tmp_path / "ledgers"
    assert run("claims", folder, "--to", "csv").exit_code == 2  # several articles need -o DIRECTORY
    result = run("claims", folder, "--to", "csv", "-o", out, "--jobs", "2")
    assert result.exit_code == 2  # the binary file
    assert sorted(p.name for p in out.iterdir()) == ["bad.csv", "good.csv"]
    single = run("claims", folder / "good.txt", "--to", "csv")
    assert (out / "good.csv").read_text(encoding="utf-8") == single.stdout


def test_report_batch_writes_one_page_per_article(folder, tmp_path):
    out = tmp_path / "reports"
    result = run("report", folder / "good.txt", folder / "sub" / "bad.txt", "-o", out, "--style", "apa", "-j", "2")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["bad.html", "good.html"]
    assert 'class="cite problem"' in (out / "bad.html").read_text(encoding="utf-8")
    assert "2 articles: 2 ok" in result.output
    bad_style = run("report", folder, "-o", out, "--style", "no-such-style")
    assert bad_style.exit_code == 2 and "CL501" in bad_style.output


def test_progress_bar_only_on_a_terminal(folder, monkeypatch):
    work = batch.FileResult
    paths = [str(folder / "good.txt"), str(folder / "binary.txt")]
    silent = io.StringIO()
    monkeypatch.setattr(batch.sys, "stderr", silent)
    assert [r.code for r in batch.run_batch(paths, lambda p: work(p, 0), label="checking")] == [0, 0]
    assert silent.getvalue() == ""  # not a terminal

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    terminal = Terminal()
    monkeypatch.setattr(batch.sys, "stderr", terminal)
    batch.run_batch(paths, lambda p: work(p, 0), label="checking")
    assert "checking" in terminal.getvalue() and "2/2" in terminal.getvalue()
    quiet = Terminal()
    monkeypatch.setattr(batch.sys, "stderr", quiet)
    batch.run_batch(paths, lambda p: work(p, 0), quiet=True, label="checking")
    assert quiet.getvalue() == ""


def test_a_crash_on_one_file_does_not_stop_the_batch(folder):
    def work(path):
        if path.endswith("good.txt"):
            raise RuntimeError("boom")
        return batch.FileResult(path, 0)

    results = batch.run_batch([str(folder / "good.txt"), str(folder / "sub" / "bad.txt")], work)
    assert [r.status for r in results] == ["failed", "ok"]
    assert "internal error (RuntimeError: boom)" in results[0].message


def test_empty_directory_exits_2(tmp_path):
    (tmp_path / "empty").mkdir()
    result = run("check", tmp_path / "empty")
    assert result.exit_code == 2 and "no article files" in result.output


def test_summary_table_alignment():
    table = batch.format_summary([batch.FileResult("a.txt", 0, 3, 0, 1), batch.FileResult("long/b.txt", 2,
                                                                                           message="no such file")])
    assert table.splitlines() == [
        "file        status  citations  unresolved  uncited",
        "a.txt       ok              3           0        1",
        "long/b.txt  failed          -           -        -",
        "2 articles: 1 ok, 0 with errors, 1 failed; 3 citations, 0 unresolved, 1 uncited",
    ]


@pytest.mark.parametrize("command", ["check", "claims", "report"])
def test_batch_commands_document_batch_use(command):
    result = run(command, "--help")
    assert "--jobs" in result.output and "--quiet" in result.output and "ARTICLE..." in result.output



def test_output_directory_that_is_a_file_exits_2(folder, tmp_path):
    taken = tmp_path / "taken"
    taken.write_text("", encoding="utf-8")
    result = run("report", folder / "good.txt", folder / "sub" / "bad.txt", "-o", taken)
    assert result.exit_code == 2 and "cannot write the outputs here" in result.output
    assert "Traceback" not in result.output


def test_extract_batch_writes_one_file_per_article(folder, tmp_path):
    out = tmp_path / "bib"
    assert run("extract", folder, "--to", "bibtex").exit_code == 2  # several articles need -o DIRECTORY
    result = run("extract", folder, "--to", "bibtex", "-o", out, "--jobs", "2")
    assert result.exit_code == 2, result.output  # the binary file
    assert sorted(p.name for p in out.iterdir()) == ["bad.bib", "good.bib"]
    assert (out / "good.bib").read_text(encoding="utf-8") == run("extract", folder / "good.txt").stdout
    assert summary_rows(result.output)[str(folder / "good.txt")] == ["ok", "-", "-", "-"]
