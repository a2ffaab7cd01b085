"""Facets on a team library: counted over integer names, taken from the counts the server keeps
for the whole library when most articles are hits; always the same as the local library's. And a
library made by the previous version (schema 1) opens upgraded."""

from __future__ import annotations

import json
from pathlib import Path

import psycopg
import pytest

from briefing_app.core.opening import open_workspace
from briefing_app.core.team import schema
from briefing_app.core.team import store as store_module
from briefing_app.core.team.settings import TeamLibraryError
from briefing_app.core.team.store import TeamStore
from briefing_app.core.workspace import Workspace

_COUNTRIES = ["Germany", "France", "Poland", "Latvia", "Estonia", "Norway"]
_PEOPLE = ["Angela Merkel", "Jens Stoltenberg", "Emmanuel Macron"]


def _corpus(folder: Path, n: int = 36) -> Path:
    """n articles naming countries, people and sources in uneven numbers (ties included)."""
    folder.mkdir()
    path = folder / "wire.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            countries = _COUNTRIES[: 1 + i % len(_COUNTRIES)]
            person = _PEOPLE[i % len(_PEOPLE)]
            body = (
                f"{person} said on Tuesday that troops from {' and '.join(countries)} would"
                f" train together in exercise number {i}."
            )
            if i % 5 == 0:
                body += " Grain shipments were not affected."
            record = {
                "id": f"w{i}",
                "title": f"Exercise {i}",
                "date": f"20{15 + i % 4}-0{1 + i % 9}-1{i % 9}",
                "source": ["Test Wire", "Other Wire", "Third Wire"][i % 3],
                "body": body,
            }
            out.write(json.dumps(record) + "\n")
    return folder


@pytest.fixture
def both(tmp_path: Path, pg_cluster, team_url: str):
    """A local and a team library holding the same articles."""
    folder = _corpus(tmp_path / "incoming")
    local = open_workspace(str(tmp_path / "local"), seed_if_empty=False)
    team = open_workspace(team_url, seed_if_empty=False)
    for ws in (local, team):
        assert ws.import_paths([folder]).imported == 36
    yield local, team
    local.close()
    team.close()


def _kept_counts(store: TeamStore) -> dict[int, int]:
    return dict(store.query("SELECT name_id, n FROM facet_counts WHERE n > 0"))


def _recounted(store: TeamStore) -> dict[int, int]:
    return dict(store.query("SELECT name_id, count(*) FROM article_names GROUP BY name_id"))


def _by_title(ws: Workspace, title: str) -> int:
    [hit] = ws.search(f'title:"{title}"').hits
    return hit.id


# All hits, most hits (the counts less the few that are not hits), few hits, none.
QUERIES = ["", "troops", "NOT grain", "grain", "Latvia", "country:Norway", "nothingatall"]


def test_both_engines_count_the_same_facets_however_many_hits(both):
    local, team = both
    for query in QUERIES:
        expected = local.summarize(query)
        got = team.summarize(query)
        assert got.total == expected.total, query
        assert got.facets == expected.facets, query
        assert team.search(query).facets == local.search(query).facets, query
    assert team.summarize("").facets["sources"] == [
        ("Other Wire", 12),
        ("Test Wire", 12),
        ("Third Wire", 12),
    ]


def test_facets_follow_edits_and_stay_the_same_on_both_engines(both):
    local, team = both
    for ws in (local, team):
        ws.edit_article(_by_title(ws, "Exercise 4"), source="Fourth Wire", date="2030-01-01")
        ws.edit_article(_by_title(ws, "Exercise 7"), source="Fourth Wire")
        ws.revert_edit(_by_title(ws, "Exercise 7"), "source")
    for query in QUERIES:
        assert team.summarize(query).facets == local.summarize(query).facets, query
    facets = team.summarize("").facets
    assert ("Fourth Wire", 1) in facets["sources"] and ("2030", 1) in facets["years"]
    assert _kept_counts(team.store) == _recounted(team.store)  # type: ignore[attr-defined]


def test_the_kept_counts_follow_a_new_version_a_reextraction_and_a_delete(team_url, tmp_path):
    folder = _corpus(tmp_path / "incoming", 12)
    with open_workspace(team_url, seed_if_empty=False) as ws:
        ws.import_paths([folder])
        store: TeamStore = ws.store  # type: ignore[attr-defined]
        assert _kept_counts(store) == _recounted(store)
        # A new version of the file: changed articles are stored again under the same id.
        wire = folder / "wire.jsonl"
        text = wire.read_text(encoding="utf-8").replace("Angela Merkel", "Olaf Scholz")
        wire.write_text(text, encoding="utf-8")
        assert ws.import_paths([folder]).updated == 4
        assert _kept_counts(store) == _recounted(store)
        people = dict(ws.summarize("").facets["people"])
        assert "Angela Merkel" not in people and people["Olaf Scholz"] == 4
        gone = _by_title(ws, "Exercise 0")
        store.delete_article(gone)
        assert _kept_counts(store) == _recounted(store)
        assert ws.summarize("").total == 11
        assert dict(ws.summarize("").facets["people"])["Olaf Scholz"] == 3


def test_a_library_made_by_schema_1_opens_upgraded(empty_database_url: str):
    team_url = empty_database_url  # set up below as the version before set it up
    with psycopg.connect(team_url) as conn:
        schema.install(conn, target=1)
        for n, (source, country) in enumerate([("Old Wire", "Germany"), ("Old Wire", "France")]):
            (article_id,) = conn.execute(  # type: ignore[misc]
                "INSERT INTO articles (title, body, date, source, path, origin, content_hash,"
                " shown_title, shown_date, shown_source) VALUES (%s, %s, '1999-05-01', %s,"
                " '/old.jsonl', %s, %s, %s, '1999-05-01', %s) RETURNING id",
                (f"Old {n}", f"Troops of {country}.", source, str(n), f"h{n}", f"Old {n}", source),
            ).fetchone()
            conn.execute(
                "INSERT INTO article_facets (article_id, facet, value) VALUES"
                " (%s, 'countries', %s), (%s, 'places', %s)",
                (article_id, country, article_id, country),
            )
    assert schema.SCHEMA_VERSION == 2
    with open_workspace(team_url, seed_if_empty=False) as ws:
        store: TeamStore = ws.store  # type: ignore[attr-defined]
        assert store.integrity_ok()
        facets = ws.summarize("").facets
        assert facets["countries"] == [("France", 1), ("Germany", 1)]
        assert facets["sources"] == [("Old Wire", 2)] and facets["years"] == [("1999", 2)]
        assert [h.title for h in ws.search("country:germany").hits] == ["Old 0"]
        assert [h.title for h in ws.search("troops", sort="date").hits] == ["Old 1", "Old 0"]
        ws.edit_article(_by_title(ws, "Old 1"), source="New Wire")
        assert ws.summarize("").facets["sources"] == [("New Wire", 1), ("Old Wire", 1)]
        assert _kept_counts(store) == _recounted(store)
    with psycopg.connect(team_url) as conn:
        schema.install(conn)  # `team init` again: nothing changes
        assert schema.installed_version(conn) == 2


def test_an_article_is_found_by_its_file_and_record_through_the_index(team_url: str):
    """A bulk file's articles share one path: finding one by (path, origin) must not read all
    the others (as `origin IS NOT DISTINCT FROM` did, which no index serves)."""
    TeamStore(team_url).close()  # the tables
    with psycopg.connect(team_url) as conn:
        conn.execute("SET enable_seqscan = off")  # as on a large library, where it costs most
        for origin in ("r1", None):
            sql, params = store_module.by_origin_sql("/bulk.jsonl", origin)
            plan = "\n".join(r[0] for r in conn.execute("EXPLAIN " + sql, params))
            assert "Index Cond" in plan and "Filter" not in plan, plan


def test_a_reader_is_told_who_upgrades_and_keeps_reading_once_upgraded(
    pg_cluster, empty_database_url
):
    team_url = empty_database_url  # set up below as the version before set it up
    database = team_url.split("@/")[1].split("?")[0]
    with psycopg.connect(team_url) as conn:
        schema.install(conn, target=1)
        # The roles `team init` made for a schema-1 library, with that version's rights.
        for kind in ("readers", "editors", "importers"):
            conn.execute(f"CREATE ROLE {database}_{kind} NOLOGIN")
        conn.execute(f"GRANT USAGE ON SCHEMA public TO {database}_readers")
        conn.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {database}_readers")
        conn.execute(f"CREATE ROLE {database}_rita LOGIN IN ROLE {database}_readers")
    reader = pg_cluster.url(database, f"{database}_rita")
    with pytest.raises(TeamLibraryError, match="its administrator brings it up to date"):
        TeamStore(reader, create=False)
    with open_workspace(team_url, seed_if_empty=False) as admin:  # the owner opens: upgraded
        admin.import_text("title: Wheat\n\nGerman wheat exports rose, Berlin said.")
    with open_workspace(reader, seed_if_empty=False) as ws:
        summary = ws.summarize("")
        assert summary.total == 1 and ("Germany", 1) in summary.facets["countries"]
