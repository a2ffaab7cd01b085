"""How a long job (import, extraction, indexing) reports progress and learns it was cancelled."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Progress:
    """What a long job has done so far; `total` is 0 when it is not known."""

    stage: str
    done: int
    total: int
    current: str = ""
    started: float = field(default_factory=time.monotonic)

    @property
    def rate(self) -> float:
        elapsed = time.monotonic() - self.started
        return self.done / elapsed if elapsed > 0 else 0.0

    @property
    def seconds_left(self) -> float | None:
        if not self.total or not self.done:
            return None
        return (self.total - self.done) / self.rate if self.rate else None


ProgressFn = Callable[[Progress], None]
CancelFn = Callable[[], bool]
