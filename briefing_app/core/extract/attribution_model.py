"""A trained choice between the owners (and hosts) the article offers for each troop figure.

The rules give every figure an answer; attribution_features.py lists the alternatives with
their features; this module scores each alternative with a linear model (a multinomial logit over
a figure's candidates) whose weights tools/train_attribution.py learns from the labelled articles
and writes to resources/models/attribution.json. The best-scoring candidate wins. Inference is a
few dot products in plain Python, run only on articles that hold troop figures.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from briefing_app.paths import resources_dir

from .attribution_features import HOST_FEATURES, OWNER_FEATURES, Candidates, candidates
from .gazetteer import Gazetteer
from .records import Entity, Figure

MODEL_PATH: Path = resources_dir() / "models" / "attribution.json"


class ModelError(ValueError):
    """The weights file does not fit the features this version computes."""


@dataclass(frozen=True)
class AttributionModel:
    owner_weights: tuple[float, ...]
    host_weights: tuple[float, ...]

    def best(self, weights: tuple[float, ...], rows: list[list[float]]) -> int:
        """The index of the highest-scoring row (the first on a tie: the rules' answer)."""
        best_i, best_score = 0, float("-inf")
        for i, row in enumerate(rows):
            score = sum(w * x for w, x in zip(weights, row, strict=True))
            if score > best_score:
                best_i, best_score = i, score
        return best_i

    def apply(self, cands: list[Candidates], figures: list[Figure]) -> None:
        """Rewrite, in place, each figure's contributor and host to the model's choice."""
        for c in cands:
            fig = figures[c.figure]
            if c.names:
                fig.contributor = c.names[self.best(self.owner_weights, c.rows)]
            if c.hosts:
                host = c.hosts[self.best(self.host_weights, c.host_rows)]
                if host != fig.host:
                    # The place as written belonged to the rules' host.
                    fig.host, fig.host_place = host, None


def _weights(section: dict, names: tuple[str, ...], what: str) -> tuple[float, ...]:
    if tuple(section.get("features", ())) != names:
        raise ModelError(f"the {what} weights were trained on other features; retrain the model")
    weights = tuple(float(w) for w in section["weights"])
    if len(weights) != len(names):
        raise ModelError(f"the {what} weights do not match their feature list")
    return weights


def parse(data: dict) -> AttributionModel:
    """A model from the JSON the training command writes."""
    return AttributionModel(
        _weights(data["owner"], OWNER_FEATURES, "owner"),
        _weights(data["host"], HOST_FEATURES, "host"),
    )


@lru_cache(maxsize=4)
def load(path: Path = MODEL_PATH) -> AttributionModel:
    """The shipped model, read once."""
    return parse(json.loads(path.read_text(encoding="utf-8")))


def rerank(
    text: str,
    sentences: list[tuple[int, int]],
    entities: list[Entity],
    figures: list[Figure],
    gaz: Gazetteer,
    model: AttributionModel | None = None,
) -> None:
    """Let the model choose each troop figure's contributor and host, in place."""
    cands = candidates(text, sentences, entities, figures, gaz)
    if cands:
        (model or load()).apply(cands, figures)
