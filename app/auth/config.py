"""Settings of the access check, read from the environment like ``app.core.config.Settings``.

Kept apart so that the access rules can be read (and tested) without the service's settings; the
names are the environment variables ``AUTH_DISABLED`` and ``AUTH_READS``.
"""

from __future__ import annotations

from functools import lru_cache

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class AuthSettings(BaseSettings):
    """Who may do what without a key."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    auth_disabled: bool = Field(
        default=False,
        description="true: no key is asked for anything (development only; must be set explicitly).",
    )
    auth_reads: bool = Field(default=False, description="true: GET requests need a key with the read scope.")
    key_cache_s: float = Field(
        default=5.0,
        ge=0,
        description="A verified key is trusted this long without asking the database again "
        "(so a revocation takes effect within this time); 0 asks every time.",
    )
    key_touch_interval_s: float = Field(
        default=60.0, ge=0, description="last_used_at is written at most this often per key."
    )


@lru_cache
def get_auth_settings() -> AuthSettings:
    """The process-wide access settings, read once."""
    return AuthSettings()
