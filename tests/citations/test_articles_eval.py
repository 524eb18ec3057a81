"""Our own test articles (MV&R house style, APA Markdown, Chicago author–date): extraction and linking
measured against hand-written annotations by ``bench/citations_eval.py``."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def evaluation():
    result = subprocess.run([sys.executable, str(REPO / "bench" / "citations_eval.py"), "--json"],
                            capture_output=True, text=True, check=False)  # fmt: skip
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    return json.loads(result.stdout)


def test_precision_and_recall(evaluation):
    totals = evaluation["totals"]
    for measure in ("extraction_precision", "extraction_recall", "linking_precision", "linking_recall"):
        assert totals[measure] >= 0.95, (measure, totals)
    assert totals["false_citations"] == 0


def test_every_check_is_exercised(evaluation):
    found = {entry.split()[0] for article in evaluation["articles"] for entry in article["findings"]["found"]}
    assert {"CL301", "CL302", "CL303", "CL304", "CL305", "CL306", "CL307", "CL203"} <= found


def test_three_styles(evaluation):
    assert {article["article"].rsplit(".", 1)[-1] for article in evaluation["articles"]} == {"txt", "md"}
    assert len(evaluation["articles"]) >= 3
