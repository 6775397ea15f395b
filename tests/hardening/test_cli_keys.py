"""``conflict-events keys create|list|revoke`` against a real database."""

from __future__ import annotations

import argparse
import json

import pytest

from app.auth import service
from app.cli_keys import add_keys_command
from app.core import config


def _run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="conflict-events")
    add_keys_command(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return int(args.func(args))


@pytest.fixture
def cli_database(hardening_db_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    settings = config.Settings(_env_file=None, database_url=hardening_db_url, migrate_on_start=False)  # type: ignore[call-arg]
    monkeypatch.setattr(config, "get_settings", lambda: settings)
    return hardening_db_url


def test_create_prints_the_key_once_then_list_and_revoke(
    cli_database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(["keys", "create", "--scope", "write", "--name", "ingest-bot"]) == 0
    out = capsys.readouterr().out
    clear = out.strip().splitlines()[-1]
    prefix = service.split_key(clear)
    assert prefix is not None
    assert f"prefix {prefix}, scopes write" in out

    assert _run(["keys", "list", "--json"]) == 0
    listing = capsys.readouterr().out
    assert clear not in listing
    assert service.hash_key(clear) not in listing
    mine = [r for r in json.loads(listing) if r["prefix"] == prefix]
    assert mine[0]["name"] == "ingest-bot"
    assert mine[0]["scopes"] == ["write"]
    assert mine[0]["revoked_at"] is None

    assert _run(["keys", "revoke", prefix]) == 0
    assert f"revoked API key {mine[0]['id']} (prefix {prefix})" in capsys.readouterr().out
    _run(["keys", "list", "--json"])
    after = [r for r in json.loads(capsys.readouterr().out) if r["prefix"] == prefix]
    assert after[0]["revoked_at"] is not None


def test_unknown_scope_and_unknown_key_fail_with_a_message(
    cli_database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(["keys", "create", "--scope", "root"]) == 2
    assert "unknown scope(s) ['root']" in capsys.readouterr().err
    assert _run(["keys", "revoke", "ffffffff"]) == 1
    assert "no key with prefix or id 'ffffffff'" in capsys.readouterr().err
