"""Helpers of the hardening tests: a stand-in router and an in-process client."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

import httpx
from fastapi import APIRouter, FastAPI


def things_router() -> APIRouter:
    """A read and a write endpoint standing in for the service's routers."""
    router = APIRouter()

    @router.get("/things")
    async def list_things() -> dict[str, list[str]]:
        return {"things": ["a"]}

    @router.post("/things", status_code=201)
    async def add_thing() -> dict[str, str]:
        return {"created": "yes"}

    return router


AppFactory = Callable[..., FastAPI]


@asynccontextmanager
async def client_for(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        yield http
