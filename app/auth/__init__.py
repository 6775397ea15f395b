"""API keys: hashed storage, scopes, the ``X-API-Key`` dependency and the ``keys`` commands."""
