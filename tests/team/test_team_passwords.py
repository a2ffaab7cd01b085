"""A team library's password: from $PGPASSWORD and ~/.pgpass (libpq), given for the session,
or kept in the system keyring by `briefing team password`; never in a settings file, and a
missing or wrong one is one sentence.

The throwaway cluster trusts every local connection; these tests make one login role that
must give a password (scram-sha-256) and a keyring that lives in memory.
"""

from __future__ import annotations

import io
import os

import keyring
import pytest
from password_sources import SECRET, NoKeyring

from briefing_app.cli import main as cli_main
from briefing_app.core.opening import (
    TeamPasswordNeeded,
    forget_team_password,
    open_workspace,
    remember_team_password,
)
from briefing_app.core.team import credentials


def test_without_a_password_the_library_says_so_in_one_sentence(guarded, memory_keyring):  # noqa: ANN001
    with pytest.raises(TeamPasswordNeeded) as caught:
        open_workspace(guarded)
    message = str(caught.value)
    assert "needs a password for" in message and "_pw" in message
    assert "briefing team password" in message and "\n" not in message
    assert memory_keyring.asked == 1  # looked, found none


def test_a_password_given_for_the_session_opens_it_and_is_written_nowhere(
    guarded,
    memory_keyring,
    tmp_path,  # noqa: ANN001
):
    with open_workspace(guarded, password=SECRET) as ws:
        hits = ws.search("troops", page_size=5)
        assert hits.hits, "searching runs on the store's own connections, which need it too"
        assert ws.stats()["user"].endswith("_pw")
    assert memory_keyring.kept == {}
    assert SECRET not in "".join(
        p.read_text(errors="ignore") for p in tmp_path.rglob("*") if p.is_file()
    )


def test_a_wrong_password_is_refused_in_one_sentence(guarded, memory_keyring):  # noqa: ANN001
    with pytest.raises(TeamPasswordNeeded, match="refused the password for"):
        open_workspace(guarded, password="wrong")


def test_the_keyring_password_opens_the_library_and_is_asked_once(guarded, memory_keyring):  # noqa: ANN001
    memory_keyring.kept[(credentials.KEYRING_SERVICE, credentials.account(guarded))] = SECRET
    with open_workspace(guarded) as ws:
        assert ws.search("troops", page_size=5).hits
        ws.summarize("troops")
    assert memory_keyring.asked == 1, "once found, the session keeps it for every connection"


def test_a_stale_keyring_password_is_refused_not_a_traceback(guarded, memory_keyring):  # noqa: ANN001
    memory_keyring.kept[(credentials.KEYRING_SERVICE, credentials.account(guarded))] = "old"
    with pytest.raises(TeamPasswordNeeded, match="refused the password"):
        open_workspace(guarded)


def test_pgpassword_comes_first_and_the_keyring_is_not_asked(
    guarded,
    memory_keyring,
    monkeypatch,  # noqa: ANN001
):
    monkeypatch.setenv("PGPASSWORD", SECRET)
    with open_workspace(guarded) as ws:
        assert ws.search("troops", page_size=5).hits
    assert memory_keyring.asked == 0


def test_pgpass_file_works(guarded, memory_keyring, monkeypatch, tmp_path):  # noqa: ANN001
    pgpass = tmp_path / "pgpass"
    escaped = SECRET.replace("\\", "\\\\").replace(":", "\\:")
    pgpass.write_text(f"*:*:*:{credentials.user_of(guarded)}:{escaped}\n")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    with open_workspace(guarded) as ws:
        assert ws.search("troops", page_size=5).hits
    assert memory_keyring.asked == 0


def test_cli_keeps_the_password_in_the_keyring_then_forgets_it(
    guarded,
    memory_keyring,
    monkeypatch,
    capsys,  # noqa: ANN001
):
    monkeypatch.setattr("sys.stdin", io.StringIO(SECRET + "\n"))
    assert cli_main(["team", "password", guarded]) == 0
    assert "keeps your password" in capsys.readouterr().out
    assert memory_keyring.kept == {
        (credentials.KEYRING_SERVICE, credentials.account(guarded)): SECRET
    }
    credentials._known.clear()  # a later run of the program
    assert cli_main(["--library", guarded, "search", "troops", "--limit", "1"]) == 0
    assert cli_main(["team", "password", guarded, "--forget"]) == 0
    assert "no longer keeps" in capsys.readouterr().out
    assert memory_keyring.kept == {}
    credentials._known.clear()
    assert cli_main(["--library", guarded, "search", "troops"]) == 1
    assert "needs a password" in capsys.readouterr().err


def test_cli_keeps_no_password_the_server_refuses(guarded, memory_keyring, monkeypatch, capsys):  # noqa: ANN001
    monkeypatch.setattr("sys.stdin", io.StringIO("wrong\n"))
    assert cli_main(["team", "password", guarded]) == 1
    assert "refused the password" in capsys.readouterr().err
    assert memory_keyring.kept == {}


def test_without_a_keyring_the_cli_says_what_to_use_instead(guarded, monkeypatch, capsys):  # noqa: ANN001
    keyring.set_keyring(NoKeyring())
    monkeypatch.setattr("sys.stdin", io.StringIO(SECRET + "\n"))
    assert cli_main(["team", "password", guarded]) == 1
    err = capsys.readouterr().err
    assert "has no system keyring to keep the password in" in err and "~/.pgpass" in err
    assert "backend" not in err  # the keyring package's own words stay in the log
    assert "Traceback" not in err
    assert forget_team_password(guarded) is False
    with pytest.raises(TeamPasswordNeeded, match="needs a password"):
        open_workspace(guarded)  # the keyring's failure is "none kept", not a crash


def test_remember_team_password_keeps_it_for_this_library_only(guarded, memory_keyring):  # noqa: ANN001
    remember_team_password(guarded, SECRET)
    other = guarded.replace("@/", "@/other_", 1)
    assert credentials.account(other) != credentials.account(guarded)
    assert list(memory_keyring.kept) == [
        (credentials.KEYRING_SERVICE, credentials.account(guarded))
    ]


def test_accounts_fill_in_libpqs_defaults(monkeypatch):  # noqa: ANN001
    for name in ("PGUSER", "PGHOST", "PGPORT", "PGDATABASE"):
        monkeypatch.delenv(name, raising=False)
    assert credentials.account("postgresql://alice@db/desk") == "alice@db:5432/desk"
    assert credentials.account("postgresql://alice@db:5432/desk") == "alice@db:5432/desk"
    assert credentials.account("postgresql://alice:pw@db:6000/desk") == "alice@db:6000/desk"
    assert credentials.account("postgresql://alice@/desk?host=/tmp/x") == "alice@/tmp/x:5432/desk"
    assert os.environ.get("PGHOST") is None
