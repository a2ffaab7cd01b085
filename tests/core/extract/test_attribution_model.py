"""The trained attribution model: candidates and features, the choice it makes, its weights file
and the training command that writes it."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest
from shared_data import REPO, SHARED

from briefing_app.core.extract import extract
from briefing_app.core.extract.attribution_features import (
    HOST_FEATURES,
    OWNER_FEATURES,
    candidates,
)
from briefing_app.core.extract.attribution_model import (
    MODEL_PATH,
    AttributionModel,
    ModelError,
    load,
    parse,
)
from briefing_app.core.extract.gazetteer import load as load_gazetteer
from briefing_app.core.extract.sentences import split_sentences


def _candidates(text: str):
    """The rules' figures of text and the candidates of each, as the model sees them."""
    result = extract(text, year=2016, attribution_model=False)
    sentences = split_sentences(text)
    return result.figures, candidates(
        text, sentences, result.entities, result.figures, load_gazetteer()
    )


def _row(cands, name: str, host: bool = False) -> dict[str, float]:
    names, rows, features = (
        (cands.hosts, cands.host_rows, HOST_FEATURES)
        if host
        else (cands.names, cands.rows, OWNER_FEATURES)
    )
    return dict(zip(features, rows[names.index(name)], strict=True))


def test_features_of_a_sender_and_a_host_in_one_sentence():
    figures, cands = _candidates("Germany will send 500 troops to Lithuania next year.")
    assert len(cands) == 1
    (c,) = cands
    assert figures[c.figure].contributor == "Germany"
    assert c.names[0] == "Germany"  # the rules' answer comes first: it wins a tie
    assert "Lithuania" in c.names and "multinational" in c.names
    germany, lithuania = _row(c, "Germany"), _row(c, "Lithuania")
    assert germany["rules_choice"] == 1.0 and lithuania["rules_choice"] == 0.0
    assert germany["nearest_before"] == 1.0 and germany["subject"] == 1.0
    assert germany["send_verb_after"] == 1.0 and germany["host_role"] == 0.0
    assert lithuania["after"] == 1.0 and lithuania["first_after"] == 1.0
    assert lithuania["host_role"] == 1.0 and lithuania["prep_in_to"] == 1.0
    assert lithuania["subject"] == 0.0
    # The crossed features only light up for the rules' own answer.
    assert germany["rules_choice*subject"] == 1.0
    assert lithuania["rules_choice*host_role"] == 0.0
    host = _row(c, "Lithuania", host=True)
    assert host["rules_choice"] == 1.0 and host["first_after"] == 1.0
    assert _row(c, "Germany", host=True)["is_owner"] == 1.0


def test_possessive_and_adjective_forms():
    _, (c,) = _candidates("Britain's 800 soldiers arrived in Estonia.")
    assert _row(c, "United Kingdom")["possessive"] == 1.0
    _, (c,) = _candidates("About 300 Danish troops arrived in Estonia.")
    danish = _row(c, "Denmark")
    assert danish["in_phrase"] == 1.0 and danish["adjective"] == 1.0


def test_candidates_from_the_sentences_before():
    _, cands = _candidates(
        "Kenya has promised to lead the mission in Haiti. The first 400 soldiers arrived on Tuesday."
    )
    (c,) = cands
    assert "Kenya" in c.names
    kenya = _row(c, "Kenya")
    assert kenya["in_sentence"] == 0.0 and kenya["prev_sentence"] == 1.0
    assert kenya["prev_subject"] == 1.0
    assert "Haiti" in c.hosts


def test_a_list_read_as_several_figures_keeps_the_rules_answer():
    figures, cands = _candidates("Britain, Canada and Germany would each send 800 soldiers.")
    assert len([f for f in figures if f.kind == "troops"]) == 3
    assert cands == []


def test_no_candidates_without_troop_figures():
    assert _candidates("Shares of the company rose 3% to 410 pence on Tuesday.")[1] == []


def _weights(owner: dict[str, float], host: dict[str, float] | None = None) -> AttributionModel:
    return AttributionModel(
        tuple(owner.get(n, 0.0) for n in OWNER_FEATURES),
        tuple((host or {}).get(n, 0.0) for n in HOST_FEATURES),
    )


def test_a_model_can_overrule_a_host_named_as_the_owner():
    # The rules read the dateline's country as the sender of troops leaving it.
    text = "LIMA, Peru (AP) Georgia will withdraw its entire 900-strong contingent from Peru."
    figures, cands = _candidates(text)
    (c,) = cands
    assert figures[c.figure].contributor == "Peru"  # the rules' error this model can mend
    assert "Georgia" in c.names
    assert _row(c, "Peru")["rules_choice*is_figure_host"] == 1.0
    model = _weights({"rules_choice": 1.0, "subject": 0.5, "rules_choice*is_figure_host": -3.0})
    model.apply(cands, figures)
    assert figures[c.figure].contributor == "Georgia"
    # And one that trusts the rules leaves them be.
    figures, cands = _candidates(text)
    _weights({"rules_choice": 1.0}).apply(cands, figures)
    assert figures[cands[0].figure].contributor == "Peru"


def test_the_shipped_model_names_the_country_not_the_town_and_country():
    text = "About 40 Dutch soldiers are stationed in Rukla, Lithuania."
    rules = [f for f in extract(text, year=2016, attribution_model=False).figures]
    model = [f for f in extract(text, year=2016, attribution_model=True).figures]
    assert [(f.contributor, f.host) for f in rules] == [("Netherlands", "Rukla and Lithuania")]
    assert [(f.contributor, f.host) for f in model] == [("Netherlands", "Lithuania")]


def test_the_shipped_model_gives_a_mission_its_total():
    text = "Some 2,500 soldiers will leave Kosovo, leaving KFOR with about 8,000 peacekeepers."
    figures = extract(text, year=2008, attribution_model=True).figures
    assert [(f.low, f.contributor) for f in figures if f.kind == "troops"][-1] == (
        8000,
        "multinational",
    )


def test_the_rules_alone_answer_by_default():
    text = "About 40 Dutch soldiers are stationed in Rukla, Lithuania."
    assert extract(text, year=2016) == extract(text, year=2016, attribution_model=False)


def test_the_weights_file_loads_and_names_its_features():
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert data["owner"]["features"] == list(OWNER_FEATURES)
    assert data["host"]["features"] == list(HOST_FEATURES)
    model = load()
    assert len(model.owner_weights) == len(OWNER_FEATURES)
    # Trained, not zero: the rules' answer is the strongest single sign of the right owner.
    best = max(range(len(OWNER_FEATURES)), key=lambda i: model.owner_weights[i])
    assert OWNER_FEATURES[best] == "rules_choice"


def test_weights_for_other_features_are_refused():
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    data["owner"]["features"] = data["owner"]["features"][:-1]
    with pytest.raises(ModelError, match="retrain"):
        parse(data)
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    data["host"]["weights"] = data["host"]["weights"][:-1]
    with pytest.raises(ModelError, match="do not match"):
        parse(data)


def _trainer() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "train_attribution", REPO / "tools" / "train_attribution.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_fitting_is_deterministic_and_learns_the_right_candidate():
    fit = _trainer().fit
    # Three groups of two candidates; the right one always has feature 0 set.
    x = np.array([[1.0, 0.3], [0.0, 0.5], [1.0, 0.9], [0.0, 0.1], [1.0, 0.0], [0.0, 1.0]])
    ok = np.array([True, False, True, False, True, False])
    group = np.array([0, 0, 1, 1, 2, 2])
    first, second = fit(x, ok, group), fit(x, ok, group)
    assert np.array_equal(first, second)
    assert first[0] > 1.0 and abs(first[1]) < first[0]


@pytest.mark.skipif(
    not (SHARED / "devset" / "real.json").exists() or not (REPO.parent / "dev_sets").is_dir(),
    reason="the labelled articles live beside the clone",
)
def test_the_training_command_writes_the_shipped_weights(tmp_path: Path):
    out = tmp_path / "attribution.json"
    assert _trainer().main(["--out", str(out)]) == 0
    assert json.loads(out.read_text()) == json.loads(MODEL_PATH.read_text())
