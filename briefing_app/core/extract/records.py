"""What extraction finds: entities and figures, with offsets into the article body."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Entity:
    text: str  # as written
    label: str  # PERSON | GPE | ORG | NORP
    canonical: str  # "United States" for "U.S.", the full name for a later surname-only mention
    start: int
    end: int

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Figure:
    kind: str  # troops | money | percent | equipment | date
    text: str
    start: int
    end: int
    low: float | None = None
    high: float | None = None
    qualifier: str | None = None
    contributor: str | None = None  # troops only: canonical country, "NATO" or "multinational"
    host: str | None = None  # troops only: canonical country or region (a list: "A and B")
    host_place: str | None = None  # the place as written when it is not the host ("Swidwin")
    # deployment | presence | request | withdrawal | relocation | ceiling | exercise
    troop_kind: str | None = None
    year: int | None = None
    sentence: str | None = None
    unit: str | None = None  # money: currency code; equipment: what is counted
    value: str | None = None  # dates: the normalised ISO form when complete
    vague: str | None = None  # troops with no number: "several thousand"

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Extraction:
    entities: list[Entity] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
