"""``conflict-events ingest FILE.jsonl`` as a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import httpx

ARTICLES = [
    {
        "text": "Suspected ADF rebels killed nine civilians in an overnight raid on Mukondi village in "
        "North Kivu, Democratic Republic of Congo, on 5 April 2024, the army said.",
        "url": "https://www.example-grandslacs.net/rdc/mukondi-raid",
        "published_at": "2024-04-06",
    },
    {
        "text": "Sudanese Armed Forces and the Rapid Support Forces clashed in Omdurman on 11 May 2023, "
        "residents said, leaving at least 14 people dead.",
        "published_at": "2023-05-12",
    },
    {"title": "no text here"},
]


def run_cli(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    script = Path(sys.executable).parent / "conflict-events"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "app.cli"]
    return subprocess.run(command + args, env=env, capture_output=True, text=True, timeout=300, check=False)


def test_ingest_stores_articles_skips_bad_lines_and_is_idempotent(
    e2e_database_url: str, server: str, tmp_path: Path
) -> None:
    path = tmp_path / "articles.jsonl"
    lines = [json.dumps(a) for a in ARTICLES] + ["{not json"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    env = dict(os.environ, DATABASE_URL=e2e_database_url, EXTRACT_WORKERS="1", LOG_LEVEL="warning")
    env.setdefault("EXTRACT_TIMEOUT_S", "240")

    first = run_cli(["ingest", str(path), "--quiet"], env)
    assert first.returncode == 0, first.stderr
    assert "2 articles stored" in first.stdout
    assert "2 failed" in first.stdout
    assert f"{path}:3: skipped: text: Field required" in first.stderr
    assert f"{path}:4: skipped" in first.stderr

    second = run_cli(["ingest", str(path), "--quiet"], env)
    assert second.returncode == 0, second.stderr
    assert "0 articles stored" in second.stdout and "2 already stored" in second.stdout

    # the server shares the database: the ingested article is there, once
    sources = httpx.get(f"{server}/sources", params={"limit": 1000}, timeout=30).json()["items"]
    assert [s["url"] for s in sources].count("https://www.example-grandslacs.net/rdc/mukondi-raid") == 1


def test_migrate_command_reports_the_head_revision(e2e_database_url: str) -> None:
    result = run_cli(["migrate"], dict(os.environ, DATABASE_URL=e2e_database_url))
    assert result.returncode == 0, result.stderr
    assert "database at 00" in result.stdout
