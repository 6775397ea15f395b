"""Settings, database, embedded Postgres and the error model shared by every domain package."""
