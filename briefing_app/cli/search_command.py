"""`briefing search QUERY`: readable results with marked snippets, or JSON for scripts."""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
import textwrap

from briefing_app.cli.exit_codes import EXIT_OK, EXIT_USAGE, fail
from briefing_app.cli.parser import SORT_ALIASES, SORT_WORDS
from briefing_app.core.wording import counted
from briefing_app.core.workspace import QueryError, SearchResult, Workspace


def run(workspace: Workspace, args: argparse.Namespace) -> int:
    try:
        result = workspace.search(
            args.query,
            sort=SORT_WORDS[SORT_ALIASES.get(args.sort, args.sort)],
            page=args.page,
            page_size=args.limit,
            since=args.since,
            until=args.until,
        )
    except QueryError as exc:
        return fail(exc, EXIT_USAGE)
    # A search with facets (Workspace.search's default) has counted every hit.
    total, facets = result.total, result.facets
    assert total is not None and facets is not None
    if args.json:
        print(json.dumps(_as_json(result, facets), ensure_ascii=False, indent=1))
        return EXIT_OK
    print(
        f"{counted(total, 'article')} {'matches' if total == 1 else 'match'}"
        f" ({result.elapsed * 1000:.0f} ms)"
        f"{_page_note(result, total)}"
    )
    if result.suggestion:
        print(f"Did you mean: {result.suggestion}")
    for n, hit in enumerate(result.hits, start=(result.page - 1) * result.page_size + 1):
        meta = " · ".join(x for x in (hit.date or "undated", hit.source or "") if x)
        print(f"\n{n:>3}. [{hit.id}] {hit.title}\n     {meta}")
        print(textwrap.indent(textwrap.fill(_terminal_snippet(hit.snippet), 96), "     "))
    if args.facets:
        for name, values in facets.items():
            if values:
                print(f"\n{name}: " + ", ".join(f"{v} ({n})" for v, n in values))
    return EXIT_OK


def _as_json(result: SearchResult, facets: dict[str, list[tuple[str, int]]]) -> dict[str, object]:
    return {
        "query": result.query,
        "total": result.total,
        "page": result.page,
        "page_size": result.page_size,
        "elapsed": round(result.elapsed, 4),
        "suggestion": result.suggestion,
        "hits": [
            {
                "id": h.id,
                "title": h.title,
                "date": h.date,
                "source": h.source,
                "score": round(h.score, 4),
                "snippet": h.snippet,
            }
            for h in result.hits
        ],
        "facets": {k: [[v, n] for v, n in vals] for k, vals in facets.items()},
    }


def _page_note(result: SearchResult, total: int) -> str:
    """ "; showing 1–5, next: --page 2" when the `total` matches run over more than one page."""
    if total <= result.page_size and result.page == 1:
        return ""
    first = (result.page - 1) * result.page_size + 1
    last = min(result.page * result.page_size, total)
    if first > total:
        pages = -(-total // result.page_size)
        return f"; page {result.page} is past the last page ({pages})"
    note = f"; showing {first}–{last}"
    if last < total:
        note += f", next: --page {result.page + 1}"
    return note


def _terminal_snippet(snippet_html: str) -> str:
    bold, plain = ("\033[1m", "\033[0m") if sys.stdout.isatty() else ("[", "]")
    text = re.sub(r"<b[^>]*>", bold, snippet_html).replace("</b>", plain)
    return html.unescape(re.sub(r"<[^>]+>", "", text))
