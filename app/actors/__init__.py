"""Actors: canonical ACLED-style actor names with their inter codes and aliases."""
