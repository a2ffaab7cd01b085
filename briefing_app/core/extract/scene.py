"""What an attribution rule reads: one candidate figure, its sentence, the article and the
sentences before it."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from .context import Mention, list_members
from .gazetteer import Gazetteer
from .hosts import Host
from .troop_spans import Candidate


@dataclass
class Article:
    """What the whole article says, counted before its figures are read."""

    text: str
    aliases: dict[str, str]  # acronyms of its national forces: "RDF" for "Rwanda Defence Forces"
    gaz: Gazetteer
    countries: set[str]  # the countries it names
    counts: dict[str, int]  # how often it names each state or alliance other than as a place
    deployers: dict[str, int]  # how often it shows each state as the owner of troops
    host_counts: dict[str, int]  # how often it names each state as where troops are or go
    deployer: list[str]  # the state it shows as the sender, when one stands out
    host: Host | None  # the place it names most as where troops are, when one stands out
    has_nato: bool
    has_mission: bool  # it names a UN, AU or regional mission


@dataclass
class Memory:
    """What the sentences read so far leave for the next one."""

    last_who: str | None = None  # the owner of the last sentence's first figure
    last_host: Host | None = None  # the host of the last figure
    prev_subject: str | None = None  # the first state or alliance of the last sentence naming one
    joint: str | None = None  # "multinational" after "Belarus and Russia began a joint exercise"
    prev_list: list[str] = field(default_factory=list)  # states the sentence before lists as actors
    counts: dict[str, int] = field(default_factory=dict)  # names so far, weighted as Article.counts


@dataclass
class Scene:
    """One candidate in its sentence text[s:e], with the sentence's mentions and figures."""

    article: Article
    memory: Memory
    s: int
    e: int
    cand: Candidate
    ms: list[Mention]
    found: list[Candidate]  # all candidates of the sentence, in order
    sent_whos: list[str]  # the owners of the sentence's figures before this one
    hosts_list: bool  # the sentence opens with a state hosting its first figure's troops
    memo: dict = field(default_factory=dict)  # what several rules compute alike, computed once

    @property
    def text(self) -> str:
        return self.article.text

    @cached_property
    def inside(self) -> list[Mention]:
        """Senders named within the figure's own words: "600 British soldiers"."""
        c = self.cand
        return [
            m
            for m in self.ms
            if c.start <= m.entity.start and m.entity.end <= c.match_end and m.who
        ]

    @cached_property
    def after(self) -> list[Mention]:
        """States and bodies named after the figure's words."""
        return [m for m in self.ms if m.entity.start >= self.cand.match_end and m.who]

    def members_of(self, m: Mention) -> list[Mention]:
        """The mentions forming a list with m ("The United States, Germany and Britain")."""
        return list_members(self.ms, self.ms.index(m), self.text)
