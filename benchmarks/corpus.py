"""What the benchmarks share: where the research corpus lives and the fixed query set."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

# Reuters-21578, Distribution 1.0: research use only, read in place, never shipped.
CORPUS = REPO.parent / "shared" / "corpora" / "reuters21578.jsonl.gz"

QUERIES = [
    "oil AND price*",
    '"interest rates"',
    "title:bank",
    "year:1987",
    "wheat OR corn",
    "gold~",
    "(opec OR saudi) AND NOT iran",
    "",
]
