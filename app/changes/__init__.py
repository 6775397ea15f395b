"""The change feed (``GET /changes``) and source deletion: what clients that keep a copy replay."""
