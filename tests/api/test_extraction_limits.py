"""The extraction time limit: a 422 the client can act on, and the service keeps working."""

from __future__ import annotations

import httpx

from app.auth.config import AuthSettings
from app.core.config import Settings
from app.main import create_app

LONG_REPORT = (
    " ".join(
        f"On {day} May 2023, gunmen attacked a market in Gao, Mali, killing {day} traders and wounding two others."
        for day in range(1, 29)
    )
    * 8
)


async def test_extraction_over_the_time_limit_is_422_extraction_timeout(database_url: str) -> None:
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        database_url=database_url,
        migrate_on_start=False,
        extract_workers=0,
        extract_timeout_s=0.001,
    )
    app = create_app(settings)
    app.state.auth_settings = AuthSettings(_env_file=None, auth_disabled=True)  # type: ignore[call-arg]
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            response = await http.post("/extract", json={"text": LONG_REPORT, "published_at": "2023-05-30"})
            assert response.status_code == 422, response.text
            assert response.json()["error"] == "extraction_timeout"
            assert response.json()["field"] == "text"
            stored = await http.post("/articles", json={"text": LONG_REPORT})
            assert stored.status_code == 422
            assert (await http.get("/sources")).json()["items"] == []
