"""The whole extraction output on the labelled sets equals the reviewed golden files.

A failure is a change to read, not a number to chase: regenerate with
`.venv/bin/python tests/core/extract/golden/golden.py` and review the diff before committing.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from shared_data import load_script

golden = load_script(Path(__file__).parent / "golden" / "golden.py")


@pytest.mark.parametrize("name", golden.SETS)
def test_extraction_output_matches_the_golden_file(name):
    current = golden.output(name)
    if current is None:
        pytest.skip(f"the texts of the {name} set are not beside the clone (../shared)")
    expected = json.loads(golden.path(name).read_text(encoding="utf-8"))
    assert json.loads(golden.dumps(current)) == current  # the file form loses nothing
    assert current["extractor_version"] == expected["extractor_version"], (
        "bump EXTRACTOR_VERSION and regenerate the golden files together"
    )
    assert sorted(current["articles"]) == sorted(expected["articles"])
    for file, art in expected["articles"].items():
        assert current["articles"][file] == art, (
            f"{name}/{file}: extraction output changed; regenerate with "
            "tests/core/extract/golden/golden.py and review the diff"
        )


def test_golden_files_hold_no_sentences():
    for name in ("real", "extra"):
        text = golden.path(name).read_text(encoding="utf-8")
        data = json.loads(text)
        for art in data["articles"].values():
            assert all(set(f) == set(golden.FIGURE_FIELDS) for f in art["figures"])
            assert all(len(e[1]) < 120 for e in art["entities"])  # names, not passages
