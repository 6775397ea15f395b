"""Batch ingestion: ``POST /articles/batch`` stores a batch, procrastinate jobs process its chunks."""
