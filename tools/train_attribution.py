"""Train the attribution model on the labelled articles and write resources/models/attribution.json.

    .venv/bin/python tools/train_attribution.py              # train on every set, write the weights
    .venv/bin/python tools/train_attribution.py --evaluate   # also: rules vs model, cross-validated

The rules extract each labelled article; every troop figure whose number a label holds becomes a
training example: its candidates (briefing_app/core/extract/attribution_features.py), the ones
whose name agrees with the label's contributor (or host) as ../shared/tools/score_extraction.py
judges it marked right. A multinomial logit over each figure's candidates is fitted by full-batch
gradient descent with numpy (no randomness: the same labels give the same weights). --evaluate
scores rules and model with the scorer in two ways: grouped 5-fold cross-validation by article,
and leave-one-set-out (train on all other sets, score the one left out). Article texts are read
where bench_extraction.py finds them (../shared, ../dev_sets, --texts DIR); none is copied here.
"""

from __future__ import annotations

import argparse
import copy
import io
import json
import re
import sys
from contextlib import redirect_stderr
from dataclasses import dataclass
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.insert(0, str(REPO))

import bench_extraction as bench  # noqa: E402

from briefing_app.core.extract import extract  # noqa: E402
from briefing_app.core.extract.attribution_features import (  # noqa: E402
    HOST_FEATURES,
    OWNER_FEATURES,
    Candidates,
    candidates,
)
from briefing_app.core.extract.attribution_model import (  # noqa: E402
    MODEL_PATH,
    AttributionModel,
)
from briefing_app.core.extract.gazetteer import load as load_gazetteer  # noqa: E402
from briefing_app.core.extract.sentences import split_sentences  # noqa: E402

# The labelled sets, each scored on its own; a labels file with splits counts each split as a set.
LABEL_FILES = [
    ("seeds", bench.SHARED / "devset" / "seeds.json", False),
    ("real", bench.SHARED / "devset" / "real.json", False),
    ("extra", REPO / "benchmarks" / "labels" / "extra.json", False),
    ("blind12", REPO / "benchmarks" / "labels" / "blind12.json", True),
    ("heldout345", REPO / "benchmarks" / "labels" / "heldout345.json", True),
]
L2 = 0.01
STEPS = 600
RATE = 0.05
FOLDS = 5


@dataclass
class Article:
    set_name: str
    label: dict
    output: dict  # the rules' extraction, as bench_extraction writes it
    text: str
    cands: list[Candidates]
    owner_ok: list[list[bool]]  # per candidate set: which names agree with a label
    host_ok: list[list[bool]]


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip().lower()


def _golds_for(fig: dict, golds: list[dict]) -> list[dict]:
    """The labels a figure stands for: same number, preferably quoted from its sentence."""
    lo, hi = fig["low"], fig["high"] if fig["high"] is not None else fig["low"]
    near = [g for g in golds if g["count"] <= hi and lo <= (g.get("count_max") or g["count"])]
    text = _norm(fig["text"])
    same = [g for g in near if text in _norm(g.get("sentence") or "")]
    return same or near


def load_articles(scorer) -> list[Article]:
    gaz = load_gazetteer()
    articles = []
    for name, path, by_split in LABEL_FILES:
        if not path.exists():
            continue
        for lab in json.loads(path.read_text(encoding="utf-8")):
            where = bench.resolve(path, lab["file"])
            if not where.exists():
                continue
            article = bench.read_article(where)  # through the product's own reader
            body = article.body
            result = extract(body, year=bench.article_year(article), attribution_model=False)
            sentences = split_sentences(body)
            cands = candidates(body, sentences, result.entities, result.figures, gaz)
            golds = [g for g in lab["troop_figures"] if g.get("count") is not None]
            owner_ok, host_ok = [], []
            for c in cands:
                mine = _golds_for(result.figures[c.figure].to_dict(), golds)
                owner_ok.append(
                    [
                        any(scorer.contributor_match(n, g["contributor"]) for g in mine)
                        for n in c.names
                    ]
                )
                right = [
                    g
                    for g in mine
                    if any(scorer.contributor_match(n, g["contributor"]) for n in c.names)
                ]
                host_ok.append(
                    [any(scorer.host_match(h, g.get("host")) for g in right) for h in c.hosts]
                )
            output = {
                "path": str(where),
                "entities": [e.to_dict() for e in result.entities],
                "figures": [f.to_dict() for f in result.figures],
            }
            set_name = lab.get("split", name) if by_split else name
            articles.append(Article(set_name, lab, output, body, cands, owner_ok, host_ok))
    return articles


def _examples(articles: list[Article], host: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows, right-or-not and group ids of every candidate set with a right and a wrong name."""
    rows, ok, group = [], [], []
    g = 0
    for art in articles:
        for c, flags in zip(art.cands, art.host_ok if host else art.owner_ok, strict=True):
            feats = c.host_rows if host else c.rows
            if not any(flags) or all(flags):
                continue  # nothing to learn: no name is right, or every one is
            rows += feats
            ok += flags
            group += [g] * len(feats)
            g += 1
    width = len(HOST_FEATURES if host else OWNER_FEATURES)
    return (
        np.asarray(rows, dtype=float).reshape(-1, width),
        np.asarray(ok, dtype=bool),
        np.asarray(group, dtype=int),
    )


def fit(x: np.ndarray, ok: np.ndarray, group: np.ndarray, l2: float = L2) -> np.ndarray:
    """Weights maximising the log-probability of the right names of each group (softmax within
    a group), with an L2 penalty; plain gradient descent with Adam steps from zero."""
    w = np.zeros(x.shape[1])
    if not len(x):
        return w
    n_groups = group.max() + 1
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for t in range(1, STEPS + 1):
        score = x @ w
        top = np.full(n_groups, -np.inf)
        np.maximum.at(top, group, score)
        ex = np.exp(score - top[group])
        total = np.bincount(group, ex, n_groups)
        right = np.bincount(group, ex * ok, n_groups)
        p_all = ex / total[group]
        p_right = np.where(ok, ex / right[group], 0.0)
        # d(-log sum_right p)/dw = E_all[x] - E_right[x], averaged over groups.
        grad = (x * (p_all - p_right)[:, None]).sum(axis=0) / n_groups + l2 * w
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad**2
        w -= RATE * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
    return w


def train(articles: list[Article], l2: float = L2) -> AttributionModel:
    owner = fit(*_examples(articles, host=False), l2=l2)
    host = fit(*_examples(articles, host=True), l2=l2)
    return AttributionModel(tuple(float(w) for w in owner), tuple(float(w) for w in host))


def _answered(art: Article, model: AttributionModel | None) -> dict:
    """The article's extraction output with the model's choices (the rules' when model is None)."""
    if model is None:
        return art.output
    out = copy.deepcopy(art.output)
    figs = [_Fig(f) for f in out["figures"]]
    model.apply(art.cands, figs)  # type: ignore[arg-type]
    for f, d in zip(figs, out["figures"], strict=True):
        d["contributor"], d["host"], d["host_place"] = f.contributor, f.host, f.host_place
    return out


class _Fig:
    """The fields AttributionModel.apply rewrites, over a figure's dict."""

    def __init__(self, d: dict) -> None:
        self.contributor, self.host, self.host_place = d["contributor"], d["host"], d["host_place"]


def _score(scorer, pairs: list[tuple[Article, AttributionModel | None]]) -> dict:
    """The scorer's figures over articles, each answered by the model paired with it."""
    labels = [art.label for art, _ in pairs]
    outputs = [_answered(art, model) for art, model in pairs]
    with redirect_stderr(io.StringIO()):
        return scorer.score(labels, outputs, verbose=False)


def _folds(articles: list[Article]) -> list[int]:
    """A fold per article, by a fixed shuffle of their file names (seed 13)."""
    order = sorted(range(len(articles)), key=lambda i: articles[i].label["file"])
    perm = np.random.default_rng(13).permutation(len(order))
    fold = [0] * len(articles)
    for rank, i in enumerate(perm):
        fold[order[i]] = rank % FOLDS
    return fold


def evaluate(scorer, articles: list[Article], l2: float = L2) -> None:
    """Per set: the rules; the model by 5-fold cross-validation grouped by article (each article
    answered by the model trained without it); the model trained on every other set."""
    sets = list(dict.fromkeys(a.set_name for a in articles))
    fold = _folds(articles)
    cv = [
        train([a for a, f in zip(articles, fold, strict=True) if f != k], l2) for k in range(FOLDS)
    ]
    loso = {name: train([a for a in articles if a.set_name != name], l2) for name in sets}
    print(
        f"{'set':<12}{'arts':>5}{'rules F1':>10}{'host':>6}{'CV F1':>9}{'host':>6}{'LOSO F1':>9}{'host':>6}"
    )
    for name in sets + ["all"]:
        mine = [i for i, a in enumerate(articles) if name in ("all", a.set_name)]
        rules = _score(scorer, [(articles[i], None) for i in mine])
        by_cv = _score(scorer, [(articles[i], cv[fold[i]]) for i in mine])
        by_set = _score(scorer, [(articles[i], loso[articles[i].set_name]) for i in mine])
        print(
            f"{name:<12}{len(mine):>5}{rules['troop_f1']:>10.3f}{rules['host_acc']:>6.2f}"
            f"{by_cv['troop_f1']:>9.3f}{by_cv['host_acc']:>6.2f}"
            f"{by_set['troop_f1']:>9.3f}{by_set['host_acc']:>6.2f}"
        )


def write(model: AttributionModel, articles: list[Article], path: Path) -> None:
    sets = sorted({a.set_name for a in articles})
    data = {
        "about": "Weights of the attribution model (briefing_app/core/extract/attribution_model.py), "
        "written by tools/train_attribution.py; do not edit by hand.",
        "trained_on": {"articles": len(articles), "sets": sets},
        "owner": {
            "features": list(OWNER_FEATURES),
            "weights": [round(w, 6) for w in model.owner_weights],
        },
        "host": {
            "features": list(HOST_FEATURES),
            "weights": [round(w, 6) for w in model.host_weights],
        },
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--evaluate", action="store_true", help="cross-validate rules vs model")
    ap.add_argument("--out", type=Path, default=MODEL_PATH, help="where to write the weights")
    ap.add_argument("--l2", type=float, default=L2, help=f"L2 penalty (default {L2})")
    ap.add_argument("--texts", action="append", type=Path, default=[], help="more text folders")
    args = ap.parse_args(argv)
    bench.TEXT_DIRS[:0] = args.texts
    if not bench.SHARED.is_dir():
        print(f"{bench.SHARED} is not present: the labels and texts live there", file=sys.stderr)
        return 1
    scorer = bench.load_scorer()
    articles = load_articles(scorer)
    print(f"{len(articles)} labelled articles, {sum(len(a.cands) for a in articles)} troop figures")
    if args.evaluate:
        evaluate(scorer, articles, args.l2)
    model = train(articles, args.l2)
    write(model, articles, args.out)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
