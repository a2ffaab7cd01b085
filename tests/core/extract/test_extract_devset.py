"""Quality floors on the shared labelled articles, scored with the shared scorer (skips without ../shared)."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

from briefing_app.core.extract import extract

REPO = Path(__file__).resolve().parents[3]
SHARED = REPO.parent / "shared"


def _shared(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs ../shared/{'/'.join(parts)} beside the clone (not present)")
    return path


def _scorer():
    spec = importlib.util.spec_from_file_location(
        "score_extraction", _shared("tools", "score_extraction.py")
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _split(raw: str) -> tuple[str, int | None]:
    header = re.match(r"((?:[a-z_]+:[^\n]*\n)+)\n", raw)
    if header:
        year = re.search(r"^date:\s*(\d{4})", header.group(1), re.MULTILINE)
        return raw[header.end() :], int(year.group(1)) if year else None
    seed = re.match(r"^\s*date\s+(\d{4})-\d\d-\d\d\s+", raw)
    if seed:
        return raw[seed.end() :], int(seed.group(1))
    return raw, None


def _score(labels_name: str) -> dict:
    labels_path = _shared("devset", labels_name)
    labels = json.loads(labels_path.read_text(encoding="utf-8"))
    output = []
    for lab in labels:
        path = labels_path.parent / lab["file"]
        if not path.exists():
            path = REPO / lab["file"]
        body, year = _split(path.read_text(encoding="utf-8"))
        r = extract(body, year=year)
        output.append(
            {
                "path": str(path),
                "entities": [e.to_dict() for e in r.entities],
                "figures": [f.to_dict() for f in r.figures],
            }
        )
    return _scorer().score(labels, output, verbose=False)


def test_real_articles_floor():
    s = _score("real.json")
    assert s["troop_f1"] >= 0.8, s
    assert s["ent_f1"] >= 0.85, s
    assert s["year_acc"] >= 0.8, s


def test_seed_articles_floor():
    s = _score("seeds.json")
    assert s["troop_f1"] >= 0.85, s
    assert s["ent_f1"] >= 0.85, s
