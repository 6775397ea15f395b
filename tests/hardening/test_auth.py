"""API keys: hashed at rest, scoped, revocable; writes need a key unless AUTH_DISABLED=true."""

from __future__ import annotations

import logging

import pytest
from fastapi import FastAPI
from sqlalchemy import text

from app.auth import service
from app.auth.config import AuthSettings
from app.auth.deps import log_access_status

from .helpers import AppFactory, client_for


async def _new_key(app: FastAPI, scopes: list[str], name: str = "test") -> str:
    async with app.state.sessionmaker() as session, session.begin():
        _, clear = await service.create_key(session, scopes, name=name)
    return clear


def _settings(**values: bool) -> AuthSettings:
    return AuthSettings(_env_file=None, **values)  # type: ignore[call-arg]


async def test_write_without_key_is_401_json_and_read_is_open(make_app: AppFactory) -> None:
    app = make_app()
    async with client_for(app) as http:
        write = await http.post("/things")
        read = await http.get("/things")
    assert write.status_code == 401
    assert write.json() == {
        "error": "unauthorized",
        "detail": "this request needs an API key with the write scope in the X-API-Key header",
        "field": "X-API-Key",
    }
    assert read.status_code == 200


async def test_write_key_writes_and_read_key_gets_403(make_app: AppFactory) -> None:
    app = make_app()
    writer = await _new_key(app, ["write"])
    reader = await _new_key(app, ["read"])
    async with client_for(app) as http:
        ok = await http.post("/things", headers={"X-API-Key": writer})
        denied = await http.post("/things", headers={"X-API-Key": reader})
    assert ok.status_code == 201
    assert denied.status_code == 403
    assert denied.json()["error"] == "forbidden"
    assert "needs write" in denied.json()["detail"]


async def test_admin_key_implies_write(make_app: AppFactory) -> None:
    app = make_app()
    admin = await _new_key(app, ["admin"])
    async with client_for(app) as http:
        assert (await http.post("/things", headers={"X-API-Key": admin})).status_code == 201


async def test_unknown_tampered_and_revoked_keys_are_401(make_app: AppFactory) -> None:
    app = make_app()
    clear = await _new_key(app, ["write"])
    tampered = clear[:-1] + ("A" if clear[-1] != "A" else "B")
    async with app.state.sessionmaker() as session, session.begin():
        revoked = await service.revoke_key(session, service.split_key(clear) or "")
    assert revoked is not None and revoked.revoked_at is not None
    async with client_for(app) as http:
        for key in (clear, tampered, "ce_00000000_" + "x" * 43, "not-a-key"):
            response = await http.post("/things", headers={"X-API-Key": key})
            assert response.status_code == 401, key
            assert response.json()["error"] == "unauthorized"


async def test_key_is_stored_only_as_its_sha256(make_app: AppFactory) -> None:
    app = make_app()
    clear = await _new_key(app, ["write"], name="hash-check")
    prefix = service.split_key(clear)
    async with app.state.engine.connect() as conn:
        row = (
            await conn.execute(
                text("SELECT key_hash, api_key::text AS whole FROM api_key WHERE prefix = :p"), {"p": prefix}
            )
        ).one()
    assert row.key_hash == service.hash_key(clear)
    assert len(row.key_hash) == 64
    assert clear not in row.whole
    assert clear.split("_", 2)[2] not in row.whole


async def test_use_sets_last_used_at(make_app: AppFactory) -> None:
    app = make_app()
    clear = await _new_key(app, ["write"])
    async with client_for(app) as http:
        assert (await http.post("/things", headers={"X-API-Key": clear})).status_code == 201
    async with app.state.sessionmaker() as session:
        key = await service.verify_key(session, clear)
    assert key is not None and key.last_used_at is not None


async def test_auth_reads_true_keys_reads(make_app: AppFactory) -> None:
    app = make_app(auth=_settings(auth_reads=True))
    reader = await _new_key(app, ["read"])
    async with client_for(app) as http:
        anonymous = await http.get("/things")
        keyed = await http.get("/things", headers={"X-API-Key": reader})
    assert anonymous.status_code == 401
    assert "read scope" in anonymous.json()["detail"]
    assert keyed.status_code == 200


async def test_auth_disabled_lets_writes_through_without_key(make_app: AppFactory) -> None:
    app = make_app(auth=_settings(auth_disabled=True))
    async with client_for(app) as http:
        assert (await http.post("/things")).status_code == 201


async def test_rejected_key_is_never_logged(make_app: AppFactory, caplog: pytest.LogCaptureFixture) -> None:
    app = make_app()
    clear = await _new_key(app, ["write"])
    async with app.state.sessionmaker() as session, session.begin():
        await service.revoke_key(session, service.split_key(clear) or "")
    caplog.set_level(logging.DEBUG)
    async with client_for(app) as http:
        assert (await http.post("/things", headers={"X-API-Key": clear})).status_code == 401
    assert str(service.split_key(clear)) in caplog.text
    assert clear not in caplog.text


async def test_unknown_scope_is_refused() -> None:
    with pytest.raises(service.UnknownScopeError, match="superuser"):
        service.normalize_scopes(["write", "superuser"])
    assert service.normalize_scopes(["WRITE", " read", "write"]) == ["read", "write"]


async def test_startup_message_tells_how_to_create_a_key(make_app: AppFactory) -> None:
    app = make_app()
    async with app.state.engine.begin() as conn:  # this test wants a state without write keys
        saved = (await conn.execute(text("SELECT id FROM api_key WHERE revoked_at IS NULL"))).scalars().all()
        await conn.execute(text("UPDATE api_key SET revoked_at = now() WHERE revoked_at IS NULL"))
    message = await log_access_status(app.state.sessionmaker, _settings())
    assert "conflict-events keys create --scope write" in message
    await _new_key(app, ["write"])
    assert (await log_access_status(app.state.sessionmaker, _settings())).startswith("writes need an API key")
    assert "AUTH_DISABLED=true" in await log_access_status(app.state.sessionmaker, _settings(auth_disabled=True))
    async with app.state.engine.begin() as conn:
        await conn.execute(text("UPDATE api_key SET revoked_at = NULL WHERE id = ANY(:ids)"), {"ids": list(saved)})


async def test_revocation_is_immediate_without_cache_and_delayed_by_cache(make_app: AppFactory) -> None:
    from app.auth.deps import clear_key_cache

    for cache_s, after_revoke in ((0.0, 401), (60.0, 201)):
        app = make_app(auth=AuthSettings(_env_file=None, key_cache_s=cache_s))  # type: ignore[call-arg]
        clear = await _new_key(app, ["write"])
        async with client_for(app) as http:
            assert (await http.post("/things", headers={"X-API-Key": clear})).status_code == 201
            async with app.state.sessionmaker() as session, session.begin():
                await service.revoke_key(session, str(service.split_key(clear)))
            assert (await http.post("/things", headers={"X-API-Key": clear})).status_code == after_revoke
            clear_key_cache()
            assert (await http.post("/things", headers={"X-API-Key": clear})).status_code == 401
