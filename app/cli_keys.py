"""``conflict-events keys``: create, revoke and list API keys.

``app.cli.build_parser`` adds these with ``add_keys_command(sub)``. The clear key is printed once,
by ``keys create``; only its SHA-256 is stored, so a lost key is revoked and replaced, never shown.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from sqlmodel.ext.asyncio.session import AsyncSession

T = TypeVar("T")


def _run_in_session(work: Callable[[AsyncSession], Awaitable[T]]) -> T:
    """Run ``work`` in one committed transaction on DATABASE_URL or the embedded server."""
    from app.core import db
    from app.core.config import get_settings

    settings = get_settings()

    async def run() -> T:
        url = await db.resolve_database_url(settings)
        if settings.migrate_on_start:
            await db.migrate(url)
        engine = db.make_engine(url, settings)
        try:
            maker = db.make_sessionmaker(engine)
            async with maker() as session, session.begin():
                return await work(session)
        finally:
            await engine.dispose()

    return asyncio.run(run())


def _row(key: Any) -> dict[str, Any]:
    """What may be shown of a key: never its hash."""

    def iso(value: Any) -> str | None:
        return value.isoformat() if value is not None else None

    return {
        "id": key.id,
        "prefix": key.prefix,
        "name": key.name,
        "scopes": list(key.scopes),
        "created_at": iso(key.created_at),
        "last_used_at": iso(key.last_used_at),
        "revoked_at": iso(key.revoked_at),
    }


def cmd_keys_create(args: argparse.Namespace) -> int:
    from app.auth import service

    scopes = [s for group in args.scope for s in group.split(",")]
    try:
        service.normalize_scopes(scopes)
    except service.UnknownScopeError as exc:
        print(f"keys create: {exc}", file=sys.stderr)
        return 2

    async def work(session: AsyncSession) -> tuple[dict[str, Any], str]:
        key, clear = await service.create_key(session, scopes, name=args.name or "")
        return _row(key), clear

    row, clear = _run_in_session(work)
    if args.json:
        print(json.dumps(row | {"key": clear}))
    else:
        print(f"created API key {row['id']} (prefix {row['prefix']}, scopes {','.join(row['scopes'])})")
        print("the key is shown this once; store it now and send it as the X-API-Key header:")
        print(clear)
    return 0


def cmd_keys_revoke(args: argparse.Namespace) -> int:
    from app.auth import service

    async def work(session: AsyncSession) -> dict[str, Any] | None:
        key = await service.revoke_key(session, args.key)
        return _row(key) if key is not None else None

    row = _run_in_session(work)
    if row is None:
        print(f"keys revoke: no key with prefix or id {args.key!r}", file=sys.stderr)
        return 1
    print(f"revoked API key {row['id']} (prefix {row['prefix']}) at {row['revoked_at']}")
    return 0


def cmd_keys_list(args: argparse.Namespace) -> int:
    from app.auth import service

    async def work(session: AsyncSession) -> list[dict[str, Any]]:
        return [_row(k) for k in await service.list_keys(session)]

    rows = _run_in_session(work)
    if args.json:
        print(json.dumps(rows))
        return 0
    if not rows:
        print("no API keys; create one with `conflict-events keys create --scope write --name NAME`")
        return 0
    print(f"{'id':>4}  {'prefix':8}  {'scopes':16}  {'state':8}  {'last used':32}  name")
    for r in rows:
        state = "revoked" if r["revoked_at"] else "active"
        print(
            f"{r['id']:>4}  {r['prefix']:8}  {','.join(r['scopes']):16}  {state:8}  "
            f"{r['last_used_at'] or '-':32}  {r['name']}"
        )
    return 0


def add_keys_command(subparsers: Any) -> None:
    """Add ``keys create|revoke|list`` to the ``conflict-events`` parser's subcommands."""
    keys = subparsers.add_parser("keys", help="create, revoke and list API keys (X-API-Key)")
    sub = keys.add_subparsers(dest="keys_command", required=True, metavar="ACTION")

    create = sub.add_parser("create", help="create a key and print it (once)")
    create.add_argument(
        "--scope",
        action="append",
        required=True,
        help="read, write or admin (repeat or comma-separate; write includes read, admin both)",
    )
    create.add_argument("--name", default="", help="who or what the key is for")
    create.add_argument("--json", action="store_true", help="print one JSON object")
    create.set_defaults(func=cmd_keys_create)

    revoke = sub.add_parser("revoke", help="revoke a key by its prefix or id")
    revoke.add_argument("key", metavar="PREFIX_OR_ID")
    revoke.set_defaults(func=cmd_keys_revoke)

    listing = sub.add_parser("list", help="list keys (prefix, scopes, state; never the key)")
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    listing.set_defaults(func=cmd_keys_list)
