"""Score extraction against hand labels and time it on the Reuters corpus.

    .venv/bin/python benchmarks/bench_extraction.py                 # both devset files, all Reuters
    .venv/bin/python benchmarks/bench_extraction.py -n 2000         # first 2,000 Reuters articles
    .venv/bin/python benchmarks/bench_extraction.py --labels X.json --dump out.json --verbose
    .venv/bin/python benchmarks/bench_extraction.py --labels X.json --by-split --no-speed
    .venv/bin/python benchmarks/bench_extraction.py --labels benchmarks/labels/blind12.json \
        --texts /work/dev_sets --by-split --no-speed     # texts kept outside the repository

Labels and corpora live in ../shared beside the clone; without it the script says so and exits.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import io
import itertools
import json
import sys
import tempfile
import time
from contextlib import redirect_stderr
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
# Where the texts of our own labelled sets are kept, outside the repository (--texts adds more):
# benchmarks/labels/blind12.json names its files as blind1/articles/..., under dev_sets/.
TEXT_DIRS: list[Path] = [REPO.parent / "dev_sets"]
sys.path.insert(0, str(REPO))

from briefing_app.core.articles import read_path  # noqa: E402
from briefing_app.core.dates import year_of  # noqa: E402
from briefing_app.core.extract import EXTRACTOR_VERSION, extract  # noqa: E402
from briefing_app.core.records import Article, Skipped  # noqa: E402


def read_article(path: Path) -> Article:
    """The article in a labelled text file as the program's importer reads it (header, title,
    date, the site furniture it drops), so that the scores measure what a library would hold."""
    found = next(read_path(path))
    if isinstance(found, Skipped):
        raise ValueError(f"{path}: {found.reason}")
    return found


def article_year(article: Article) -> int | None:
    """The year extraction is given: the article's date's. A file that dates its article only
    by month ("date: 2023-10") has no date in the library, but its labels count that year, so
    the year of the date as written (kept in `extra["date_text"]`) is given too."""
    return year_of(article.date or article.extra.get("date_text"))


def load_scorer():
    path = SHARED / "tools" / "score_extraction.py"
    spec = importlib.util.spec_from_file_location("score_extraction", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def resolve(label_file: Path, name: str) -> Path:
    """Where a label's "file" lives: beside the labels, the repository's seeds/, ../shared,
    or a folder of texts kept outside the repository (TEXT_DIRS, --texts)."""
    for base in (label_file.parent, REPO, SHARED, *TEXT_DIRS):
        candidate = base / name
        if candidate.exists():
            return candidate
    return label_file.parent / name


def labelled_texts(label_file: Path, only: set[str] | None = None) -> list[tuple[dict, Path]]:
    """Each label of `label_file` whose article text is present, with the text's path (all the
    labels, or those of the file names in `only`)."""
    labels = json.loads(label_file.read_text(encoding="utf-8"))
    if only is not None:
        labels = [lab for lab in labels if Path(lab["file"]).name in only]
    found = [(lab, resolve(label_file, lab["file"])) for lab in labels]
    present = [(lab, path) for lab, path in found if path.exists()]
    if present and len(present) < len(labels):
        # Our own labels ship without their article texts (benchmarks/labels/README.md): score
        # what is there rather than count a missing text as all misses.
        print(
            f"{label_file.name}: {len(labels) - len(present)} of {len(labels)} article texts not "
            f"found beside the labels; scoring the other {len(present)}",
            file=sys.stderr,
        )
    return present


def run_labels(label_file: Path, only: set[str] | None = None) -> tuple[list, list]:
    labels, output = [], []
    for lab, path in labelled_texts(label_file, only):
        article = read_article(path)
        result = extract(article.body, year=article_year(article))
        labels.append(lab)
        output.append(
            {
                "path": str(path),
                "title": article.title,
                "date": article.date,
                "entities": [e.to_dict() for e in result.entities],
                "figures": [f.to_dict() for f in result.figures],
            }
        )
    return labels, output


def score_file(labels: list, output: list, verbose: bool, dump: Path | None) -> dict:
    scorer = load_scorer()
    if dump:
        dump.write_text(json.dumps(output, indent=1, ensure_ascii=False), encoding="utf-8")
    sink = sys.stderr if verbose else io.StringIO()
    with redirect_stderr(sink):
        return scorer.score(labels, output, verbose=True)


def score_by_split(labels: list, output: list) -> dict[str, dict]:
    """Scores per `split` of a labels file: only a split's first score measures unseen text."""
    scorer = load_scorer()
    groups: dict[str, tuple[list, list]] = {}
    for lab, out in zip(labels, output, strict=True):
        lab_list, out_list = groups.setdefault(lab.get("split", "-"), ([], []))
        lab_list.append(lab)
        out_list.append(out)
    with redirect_stderr(io.StringIO()):
        return {
            name: scorer.score(labs, outs, verbose=False) for name, (labs, outs) in groups.items()
        }


def reuters_speed(limit: int | None) -> dict:
    corpus = SHARED / "corpora" / "reuters21578.jsonl.gz"
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        docs = [json.loads(line) for line in itertools.islice(fh, limit)]
    bodies = [(d.get("body") or "", d.get("date")) for d in docs]
    extract("warm up the gazetteer", year=None)
    # CPU time of this process: wall time swings when other jobs share the machine.
    t0, w0 = time.process_time(), time.perf_counter()
    n_ent = n_troops = 0
    for body, date in bodies:
        r = extract(body, year=year_of(date))
        n_ent += len(r.entities)
        n_troops += sum(f.kind == "troops" for f in r.figures)
    elapsed = time.process_time() - t0
    return {
        "articles": len(bodies),
        "seconds": elapsed,
        "wall_seconds": time.perf_counter() - w0,
        "per_second": len(bodies) / elapsed if elapsed else 0.0,
        "entities": n_ent,
        "troops": n_troops,
        "whoosh_seconds": _whoosh_seconds(docs),
    }


def _whoosh_seconds(docs: list[dict]) -> float | None:
    """Bare Whoosh indexing of the same articles, the yardstick extraction is compared with."""
    try:
        from whoosh import fields, index
    except ImportError:
        return None
    schema = fields.Schema(
        id=fields.ID(stored=True, unique=True),
        title=fields.TEXT(stored=True),
        body=fields.TEXT(stored=True),
        date=fields.ID(stored=True),
    )
    with tempfile.TemporaryDirectory() as tmp:
        ix = index.create_in(tmp, schema)
        t0 = time.process_time()
        writer = ix.writer(limitmb=256)
        for d in docs:
            writer.add_document(
                id=d["id"],
                title=d.get("title") or "",
                body=d.get("body") or "",
                date=d.get("date") or "",
            )
        writer.commit()
        return time.process_time() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--labels", action="append", type=Path, help="labels file (repeatable)")
    ap.add_argument("-n", "--articles", type=int, default=None, help="Reuters articles to time")
    ap.add_argument("--no-speed", action="store_true", help="skip the Reuters timing")
    ap.add_argument("--verbose", action="store_true", help="print misses and extras")
    ap.add_argument("--dump", type=Path, help="write the extraction output JSON here")
    ap.add_argument("--only", help="comma-separated file names to score (e.g. a holdout)")
    ap.add_argument("--by-split", action="store_true", help="one row per split of each labels file")
    ap.add_argument(
        "--texts",
        action="append",
        type=Path,
        default=[],
        help="a folder the labels' files are relative to (repeatable; texts stay outside the repo)",
    )
    args = ap.parse_args(argv)
    TEXT_DIRS[:0] = args.texts
    if not SHARED.is_dir():
        print(f"skipped: {SHARED} is not present (labels and corpora live there)")
        return 0
    label_files = args.labels or [
        p
        for p in (
            SHARED / "devset" / "seeds.json",
            SHARED / "devset" / "real.json",
            REPO / "benchmarks" / "labels" / "extra.json",
            REPO / "benchmarks" / "labels" / "blind12.json",
        )
        if p.exists()
    ]
    only = set(args.only.split(",")) if args.only else None
    print(f"extractor version {EXTRACTOR_VERSION}")
    print(
        f"{'labels':<14}{'troop P':>8}{'R':>6}{'F1':>6}{'host':>6}{'year':>6}"
        f"{'ent P':>7}{'R':>6}{'F1':>6}"
    )
    for lf in label_files:
        labels, output = run_labels(lf, only)  # extracted once, scored whole and by split
        if not labels:
            print(
                f"{lf.name:<14}no article texts beside the labels (see benchmarks/labels/README.md)"
            )
            continue
        rows = {lf.name: score_file(labels, output, args.verbose, args.dump)}
        if args.by_split:
            rows.update({f"  {k}": v for k, v in score_by_split(labels, output).items()})
        for name, s in rows.items():
            print(
                f"{name:<14}{s['troop_p']:>8.2f}{s['troop_r']:>6.2f}{s['troop_f1']:>6.2f}"
                f"{s['host_acc']:>6.2f}{s['year_acc']:>6.2f}{s['ent_p']:>7.2f}{s['ent_r']:>6.2f}{s['ent_f1']:>6.2f}"
            )
    if not args.no_speed:
        sp = reuters_speed(args.articles)
        print(
            f"\nReuters-21578: {sp['articles']} articles in {sp['seconds']:.2f} s CPU "
            f"({sp['wall_seconds']:.2f} s wall) = {sp['per_second']:.0f} articles/s on one core "
            f"({sp['entities']} entities, {sp['troops']} troop figures)"
        )
        if sp["whoosh_seconds"]:
            ratio = (sp["whoosh_seconds"] + sp["seconds"]) / sp["whoosh_seconds"]
            print(
                f"bare Whoosh indexing of the same: {sp['whoosh_seconds']:.2f} s CPU; "
                f"indexing + extraction = {ratio:.2f}x bare indexing"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
