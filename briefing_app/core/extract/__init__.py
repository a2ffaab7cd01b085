"""Offline extraction: entities and figures (troops, money, percentages, equipment, dates) from text.

    from briefing_app.core.extract import extract
    result = extract(body, year=2017)

Gazetteers and rules only: no model, no network. Offsets index the text passed in.
"""

from __future__ import annotations

from .attribution_model import rerank
from .entities import find_entities
from .facets import facet_values
from .folding import fold_canonicals
from .gazetteer import load as load_gazetteer
from .other_figures import find_other_figures
from .records import Entity, Extraction, Figure
from .sentences import split_sentences
from .troops import find_troop_figures

# Bump whenever output changes for the same text: the library re-extracts stored articles.
EXTRACTOR_VERSION: int = 6

# Whether a model trained on the labelled articles (attribution_model.py) chooses each troop
# figure's contributor and host among the candidates the article offers. Off: the rules alone
# answer, as before; kept switchable so the two can be compared on every labelled set.
USE_ATTRIBUTION_MODEL: bool = False

__all__ = ["EXTRACTOR_VERSION", "Entity", "Extraction", "Figure", "extract", "facet_values"]


def extract(
    text: str, *, year: int | None = None, attribution_model: bool | None = None
) -> Extraction:
    """Entities and figures in text; year is the article's year, used when a sentence names none.

    attribution_model: let the trained model choose owners and hosts (None: USE_ATTRIBUTION_MODEL)."""
    gaz = load_gazetteer()
    sentences = split_sentences(text)
    entities = find_entities(text, {s for s, _ in sentences}, gaz)
    troops = find_troop_figures(text, sentences, entities, gaz, year)
    others = [f for f in find_other_figures(text) if not _overlaps(f, troops)]
    figures = sorted(troops + others, key=lambda f: (f.start, f.end))
    fold_canonicals(entities, figures, gaz)
    if USE_ATTRIBUTION_MODEL if attribution_model is None else attribution_model:
        rerank(text, sentences, entities, figures, gaz)
    return Extraction(entities=entities, figures=figures)


def _overlaps(fig: Figure, troops: list[Figure]) -> bool:
    return any(t.start < fig.end and fig.start < t.end for t in troops)
