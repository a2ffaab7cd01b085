"""The extraction benchmark scores what it can and says what it cannot."""

from __future__ import annotations

import json
from pathlib import Path

from shared_data import REPO, load_benchmark, shared_path


def load_bench():
    return load_benchmark("bench_extraction")


def test_labels_without_their_texts_are_reported_not_a_traceback(tmp_path: Path, capsys) -> None:
    shared_path("tools", "score_extraction.py")
    labels = json.loads((REPO / "benchmarks" / "labels" / "extra.json").read_text("utf-8"))
    # Real labels whose texts are kept nowhere (../shared/extra_articles now holds most of the
    # originals, so the files are renamed into a folder that exists neither here nor there).
    absent = [dict(lab, file=f"absent_articles/{Path(lab['file']).name}") for lab in labels[:3]]
    copy = tmp_path / "extra.json"
    copy.write_text(json.dumps(absent), encoding="utf-8")
    assert load_bench().main(["--labels", str(copy), "--no-speed"]) == 0
    assert "no article texts beside the labels" in capsys.readouterr().out


def test_labels_with_some_texts_score_those(tmp_path: Path, capsys) -> None:
    shared_path("tools", "score_extraction.py")
    folder = tmp_path / "extra_articles"
    folder.mkdir()
    (folder / "one.txt").write_text(
        "date: 2020-01-01\ntitle: T\n\nPoland will send 500 troops to Latvia.\n", encoding="utf-8"
    )
    label = {
        "file": "extra_articles/one.txt",
        "troop_figures": [{"contributor": "Poland", "count": 500, "year": 2020}],
        "entities": {"PERSON": [], "GPE": ["Poland", "Latvia"], "ORG": []},
    }
    missing = dict(label, file="extra_articles/missing.txt")
    (tmp_path / "labels.json").write_text(json.dumps([label, missing]), encoding="utf-8")
    assert load_bench().main(["--labels", str(tmp_path / "labels.json"), "--no-speed"]) == 0
    out, err = capsys.readouterr()
    assert "1 of 2 article texts not found" in err
    row = next(line for line in out.splitlines() if line.startswith("labels.json"))
    assert row.split()[1:4] == ["1.00", "1.00", "1.00"]
