"""What only a team library does: many people at once, roles, hostile queries against the
server, an unreachable server, and pushing a local library over."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing_app.cli import main as cli_main
from briefing_app.core.engines import LibraryError
from briefing_app.core.opening import open_workspace
from briefing_app.core.team import push as push_module
from briefing_app.core.team.push import push
from briefing_app.core.team.roles import init_library
from briefing_app.core.team.settings import TeamLibraryError
from briefing_app.core.team.store import TeamStore
from briefing_app.core.workspace import QueryError, Workspace

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"


def _corpus(path: Path, n: int) -> Path:
    """n distinct articles in one JSON Lines file (each text differs by its numbers)."""
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            record = {
                "id": f"r{i}",
                "title": f"Battalion {i} deploys",
                "date": f"20{10 + i % 12:02d}-0{1 + i % 9}-1{i % 9}",
                "source": "Test Wire",
                "body": f"About {100 + i} soldiers of battalion {i} arrived in Riga on day {i},"
                " the ministry said. " + "The deployment continues. " * (i % 7),
            }
            out.write(json.dumps(record) + "\n")
    return path


@pytest.fixture
def team(team_url: str):
    workspace = open_workspace(team_url)
    yield workspace
    workspace.close()


def _user(cluster, database: str, name: str, kind: str) -> str:
    cluster.admin_sql(
        f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{name}')"
        f" THEN CREATE ROLE {name} LOGIN; END IF; END $$"
    )
    cluster.admin_sql(f"GRANT {database}_{kind} TO {name}")
    return cluster.url(database, name)


@pytest.fixture
def desk(pg_cluster, team_url: str):
    """A team library set up by `team init`, with the seeds imported and three people."""
    init_library(team_url)
    with open_workspace(team_url) as admin:
        admin.import_paths([SEEDS])
    database = team_url.split("@/")[1].split("?")[0]
    return {
        kind: _user(pg_cluster, database, f"{database}_{person}", kind)
        for person, kind in (("rita", "readers"), ("ed", "editors"), ("ida", "importers"))
    } | {"admin": team_url, "editors2": _user(pg_cluster, database, f"{database}_eve", "editors")}


def _a_troop_figure(ws: Workspace) -> tuple[int, str]:
    for hit in ws.search("troops").hits:
        view = ws.article(hit.id)
        assert view is not None
        for stored in view.figures:
            if stored.figure.kind == "troops" and stored.figure.low:
                return hit.id, stored.key
    raise AssertionError("the seeds hold a troop figure")


def test_the_later_correction_wins_and_says_who_and_when(desk):
    with open_workspace(desk["editors"]) as ed, open_workspace(desk["editors2"]) as eve:
        article_id, key = _a_troop_figure(ed)
        ed.correct_figure(article_id, key, count=900)
        eve.correct_figure(article_id, key, count=950)
        for ws in (ed, eve):
            [figure] = [f for f in ws.article(article_id).figures if f.key == key]  # type: ignore[union-attr]
            assert (figure.figure.low, figure.figure.high) == (950, 950)
            assert figure.corrected_by is not None and figure.corrected_by.endswith("_eve")
            assert figure.corrected_at is not None and figure.corrected_at[:4].isdigit()


def test_reading_state_and_stars_are_each_persons_own(desk):
    with open_workspace(desk["readers"]) as rita, open_workspace(desk["editors"]) as ed:
        article_id = rita.search("").hits[0].id
        rita.set_read(article_id, True)
        rita.set_starred(article_id, True)
        assert rita.article(article_id).article.starred  # type: ignore[union-attr]
        mine = ed.article(article_id)
        assert mine is not None and not mine.article.read and not mine.article.starred
        assert ed.search("read:true").total == 0
        assert rita.search("read:true").total == 1


def test_briefings_are_shared_and_keep_their_owner(desk):
    with open_workspace(desk["editors"]) as ed, open_workspace(desk["editors2"]) as eve:
        ed.store_briefing("Baltic", {"title": "Baltic", "items": []})
        eve.store_briefing("Baltic", {"title": "Baltic", "items": [1]})
        assert ed.stored_briefing("Baltic") == {"title": "Baltic", "items": [1]}
        assert ed.briefing_owner("Baltic").endswith("_ed")  # type: ignore[attr-defined]


def test_each_role_may_do_what_it_should_and_is_told_otherwise(desk, tmp_path):
    extra = tmp_path / "extra.txt"
    extra.write_text("title: Frigate joins group\n\nOSLO — A frigate joined the group.\n")
    with open_workspace(desk["readers"]) as rita:
        assert (rita.permissions.edit, rita.permissions.import_) == (False, False)  # type: ignore[attr-defined]
        article_id, key = _a_troop_figure(rita)
        assert rita.search("troops").total  # searching and reading are allowed
        with pytest.raises(TeamLibraryError, match="may not correct figures"):
            rita.correct_figure(article_id, key, count=1)
        with pytest.raises(TeamLibraryError, match="may not save briefings"):
            rita.store_briefing("Mine", {"items": []})
        with pytest.raises(TeamLibraryError, match="may not import articles"):
            rita.import_paths([extra])
    with open_workspace(desk["editors"]) as ed:
        assert (ed.permissions.edit, ed.permissions.import_) == (True, False)  # type: ignore[attr-defined]
        ed.edit_article(article_id, title="Edited by the desk")
        with pytest.raises(TeamLibraryError, match="may not import articles"):
            ed.import_paths([extra])
    with open_workspace(desk["importers"]) as ida:
        assert (ida.permissions.edit, ida.permissions.import_) == (True, True)  # type: ignore[attr-defined]
        assert ida.import_paths([extra]).imported == 1
        assert ida.article(article_id).article.title == "Edited by the desk"  # type: ignore[union-attr]


HOSTILE = [
    "'; DROP TABLE articles; --",
    'title:"\'); DROP TABLE articles; --"',
    "' OR 1=1 --",
    "a' | 'b",
    "!! & | <-> :* ",
    "\\",
    "\\' \\\\ '",
    "x:*",
    "troop*' & 'x",
    'person:"%"',
    "person:_*",
    "country:'); DELETE FROM articles; --",
    'source:"$$; DROP TABLE meta; $$"',
    "year:[0 to 9999]",
    "date:[0001 to 9999-12-31]",
    "troops~9",
    "ünïcödé* 東京",
    "a\x00b",
    "(((((a)))))",
    "NOT NOT NOT a",
    # Wildcards anywhere: LIKE's and regular expressions' own characters stand for themselves.
    "*",
    "**",
    "?",
    "%",
    "_",
    "*%*",
    "%?",
    "_*_",
    "\\*?",
    "*\\",
    "*'*",
    "?'; DROP TABLE articles; --*",
    "title:*' OR 1=1 --",
    "source:*'; DROP TABLE meta; --?",
    "source:*.*",
    "source:\\d+*",
    "dateline:*$$?",
    "a*" * 2000,
    "?" * 3000,
    "*%_\\" * 1000,
    "*a?" * 1000,
    "source:" + "*a?" * 20000,  # as a regular expression this was too complex for the server
    "dateline:" + "?" * 5000,
]


def test_hostile_queries_never_reach_the_server_as_sql(team):
    team.import_paths([SEEDS])
    before = team.stats()["articles"]
    for query in HOSTILE:
        try:
            team.search(query)
            team.summarize(query)
        except QueryError:
            pass  # a readable refusal is fine; a server error or a changed library is not
    assert team.stats()["articles"] == before == 3
    assert team.search("troops").total == 3


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=40))
def test_any_text_is_a_result_or_a_readable_error(team, text):
    try:
        team.search(text, page_size=5)
    except QueryError as exc:
        assert str(exc)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(alphabet="*?%_\\'$.ab: ", max_size=30))
def test_any_wildcard_junk_is_a_result_or_a_readable_error(team, text):
    try:
        team.search(text, page_size=5)
    except QueryError as exc:
        assert str(exc)


def test_an_unreachable_server_is_one_sentence_and_quick(monkeypatch):
    monkeypatch.setenv("BRIEFING_CONNECT_TIMEOUT", "2")
    started = time.monotonic()
    with pytest.raises(LibraryError, match="cannot be reached") as caught:
        open_workspace("postgresql://nobody@127.0.0.1:1/nothing")
    assert time.monotonic() - started < 5
    assert "\n" not in str(caught.value)


def test_briefing_library_names_a_team_library(team_url, monkeypatch):
    monkeypatch.setenv("BRIEFING_LIBRARY", team_url)
    with open_workspace(None, seed_if_empty=False) as ws:
        assert ws.stats()["library"] == team_url


def test_cli_team_init_is_repeatable_and_the_cli_works_on_the_url(team_url, capsys):
    assert cli_main(["team", "init", team_url]) == 0
    assert cli_main(["team", "init", team_url]) == 0
    assert "_editors" in capsys.readouterr().out
    assert cli_main(["--library", team_url, "import", str(SEEDS)]) == 0
    assert "3 imported" in capsys.readouterr().out
    assert cli_main(["--library", team_url, "search", "troops", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found["total"] == 3
    assert cli_main(["--library", team_url, "stats", "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["articles"] == 3 and stats["library"] == team_url


def _local_library(tmp_path: Path) -> Path:
    folder = tmp_path / "local"
    with open_workspace(folder) as local:  # the seeds
        local.import_paths([_corpus(tmp_path / "c.jsonl", 30)])
        hit = local.search("troops").hits[0]
        local.edit_article(hit.id, title="Edited locally")
        local.set_starred(hit.id, True)
        article_id, key = _a_troop_figure(local)
        local.correct_figure(article_id, key, count=777)
        local.store_briefing("Local briefing", {"title": "Local", "items": []})
    return folder


def test_push_copies_everything_once_and_again_adds_nothing(team_url, tmp_path):
    folder = _local_library(tmp_path)
    init_library(team_url)
    store = TeamStore(team_url, create=False)
    try:
        first = push(folder, store)
        assert (first.articles, first.already, first.briefings) == (33, 0, 1)
        assert (
            first.summary() == "33 articles added, 0 already in the team library, 1 briefing added"
        )
        again = push(folder, store)
        assert (again.articles, again.briefings) == (0, 0)
        assert (
            again.summary()
            == "nothing new: an earlier push sent all 33 articles, 0 briefings added"
        )
    finally:
        store.close()
    with open_workspace(team_url) as ws:
        assert ws.stats()["articles"] == 33
        [edited] = ws.search('title:"Edited locally"').hits
        assert ws.article(edited.id).article.starred  # type: ignore[union-attr]
        assert any(r.figure.low == 777 and r.corrected for r in ws.figure_reports())
        assert ws.briefing_names() == ["Local briefing"]


def test_an_interrupted_push_resumes_where_it_stopped(team_url, tmp_path, monkeypatch):
    folder = _local_library(tmp_path)
    init_library(team_url)
    monkeypatch.setattr(push_module, "BATCH", 10)
    real_send = push_module._send
    calls = []

    def failing_send(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise psycopg.OperationalError("the connection dropped")
        return real_send(*args, **kwargs)

    monkeypatch.setattr(push_module, "_send", failing_send)
    store = TeamStore(team_url, create=False)
    try:
        with pytest.raises(psycopg.OperationalError):
            push(folder, store)
        assert store.count() == 20
        monkeypatch.setattr(push_module, "_send", real_send)
        resumed = push(folder, store)
        assert resumed.resumed_after > 0 and resumed.articles == 13
        assert resumed.summary().endswith("(after the 20 an earlier, interrupted push sent)")
        assert store.count() == 33
    finally:
        store.close()


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "killpg"), reason="POSIX")
def test_two_importers_at_once_one_killed_midway_store_each_text_once(team_url, tmp_path):
    corpus = _corpus(tmp_path / "corpus.jsonl", 1500)
    init_library(team_url)
    env = {**os.environ, "BRIEFING_LIBRARY": team_url}
    command = [sys.executable, str(REPO / "main.py"), "import", "--quiet", str(corpus)]
    victim = subprocess.Popen(
        command, env=env, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    survivor = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    store = TeamStore(team_url, create=False)
    try:
        deadline = time.monotonic() + 120
        while store.count() < 300 and time.monotonic() < deadline and victim.poll() is None:
            time.sleep(0.05)
        at_kill = store.count()
        assert victim.poll() is None, "the first importer finished before it could be killed"
        os.killpg(victim.pid, signal.SIGKILL)
        victim.wait()
        out, err = survivor.communicate(timeout=300)
        assert survivor.returncode == 0, err[-2000:]
        assert "Traceback" not in err
        assert 0 < at_kill < 1500
        assert store.count() == 1500
        rows = store.query("SELECT count(DISTINCT content_hash), count(*) FROM articles")
        assert rows == [(1500, 1500)]
        titles = store.query("SELECT count(DISTINCT shown_title) FROM articles")
        assert titles == [(1500,)]
    finally:
        store.close()


def test_a_refused_change_on_the_command_line_is_one_sentence(desk, tmp_path, capsys):  # noqa: ANN001
    extra = _corpus(tmp_path / "extra.jsonl", 3)
    with open_workspace(desk["readers"]) as rita:
        article_id, _key = _a_troop_figure(rita)
    refusals = {
        "may not import articles": ["import", str(extra)],
        "may not edit articles": ["edit", str(article_id), "--title", "X"],
        "may not correct figures": ["figure", str(article_id), "1", "--count", "5"],
        "may not save briefings": ["briefing", "new", "b"],
    }
    for said, argv in refusals.items():
        assert cli_main(["--library", desk["readers"], *argv]) == 1, argv
        err = capsys.readouterr().err
        assert said in err and "Traceback" not in err and err.count("\n") == 1, err


def test_pushing_without_the_importers_role_is_one_sentence(desk, tmp_path, capsys):  # noqa: ANN001
    folder = _local_library(tmp_path)
    assert cli_main(["team", "push", str(folder), desk["editors"]]) == 1
    err = capsys.readouterr().err
    assert "may not push to the team library" in err and "importers" in err
    assert "Traceback" not in err and err.count("\n") == 1


def test_a_one_slash_address_is_refused_not_made_a_local_folder(tmp_path, capsys, monkeypatch):  # noqa: ANN001
    monkeypatch.chdir(tmp_path)
    extra = _corpus(tmp_path / "extra.jsonl", 2)
    assert cli_main(["--library", "postgresql:/alice/desk", "import", str(extra)]) == 1
    err = capsys.readouterr().err
    assert "is not a usable library address" in err and "postgresql://user@host/dbname" in err
    assert not (tmp_path / "postgresql:").exists()
    assert cli_main(["team", "init", "postgres:desk"]) == 1
    assert "not a usable library address" in capsys.readouterr().err


def test_a_missing_database_or_person_is_named_not_called_unreachable(pg_cluster):  # noqa: ANN001
    with pytest.raises(LibraryError) as caught:
        open_workspace(pg_cluster.url("no_such_desk"))
    assert "has no such team library" in str(caught.value)
    assert 'database "no_such_desk" does not exist' in str(caught.value)
    with pytest.raises(LibraryError) as caught:
        open_workspace(pg_cluster.url("postgres", "nobody_here"))
    assert "does not know this user" in str(caught.value)
    with pytest.raises(LibraryError, match="is not a usable library address"):
        open_workspace(pg_cluster.url("postgres").replace("@/", "@:abc/"))


def test_a_database_never_set_up_is_not_filled_but_said(empty_database_url, capsys):  # noqa: ANN001
    with pytest.raises(LibraryError, match="holds no team library: its administrator sets one up"):
        open_workspace(empty_database_url)
    assert cli_main(["--library", empty_database_url, "import", str(SEEDS)]) == 1
    assert "briefing team init URL" in capsys.readouterr().err
    with psycopg.connect(empty_database_url) as conn:
        tables = conn.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
        ).fetchone()
    assert tables == (0,), "opening wrote tables into a database nobody set up"
    assert cli_main(["team", "init", empty_database_url]) == 0
    with open_workspace(empty_database_url) as ws:
        assert ws.stats()["articles"] == 0


def test_a_text_another_importer_stored_meanwhile_counts_unchanged_not_updated(team_url):  # noqa: ANN001
    """Two importers of one file: the second looked before the first stored the text, so it
    stores it "new"; the first's row at the same file and record is the same text."""
    from briefing_app.core import articles as importers
    from briefing_app.core.extract.records import Extraction
    from briefing_app.core.records import Article

    article = Article(
        body="German troops arrived in Lithuania.", title="T", path="/f.jsonl", origin="1"
    )
    digest = importers.content_hash(article)
    first, second = TeamStore(team_url, create=False), TeamStore(team_url, create=False)
    try:
        assert first.store_new(article, digest, Extraction(), 6).status == "imported"
        assert second.store_new(article, digest, Extraction(), 6).status == "unchanged"
        changed = Article(
            body="German troops left Lithuania.", title="T", path="/f.jsonl", origin="1"
        )
        result = second.store_new(changed, importers.content_hash(changed), Extraction(), 6)
        assert result.status == "updated"  # a new version of the record is still one
    finally:
        first.close()
        second.close()
