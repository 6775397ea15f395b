"""`conflict-events extract`: the JSONL contract the evaluation runs."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(args: list[str], stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "app.cli", "extract", *args], input=stdin, text=True,
                          capture_output=True, cwd=ROOT, timeout=120)


def test_one_output_line_per_input_line_in_order_and_a_bad_line_does_not_stop_the_batch():
    lines = [
        json.dumps({"id": "a", "text": "On 3 March 2024, Al Shabaab militants attacked a police station in "
                    "Mandera town, killing two officers.", "published_at": "2024-03-04", "extra": 1}),
        "this is not json",
        json.dumps({"id": "c", "text": "The weather was fine and markets were calm.", "published_at": "2024-03-04"}),
        json.dumps({"id": "d", "text": 42}),
    ]
    result = run(["--input", "-", "--output", "-"], "\n".join(lines) + "\n")
    assert result.returncode == 0
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", 2, "c", "d"]
    event = out[0]["events"][0]
    assert (event["event_date"], event["country"], event["fatalities"]) == ("2024-03-03", "Kenya", 2)
    assert "error" in out[1] and "error" in out[3]
    assert out[2]["events"] == []


def test_text_mode_prints_the_events_readably():
    result = run(["--text", "Gunmen shot dead three traders at a market in Mandera town on Tuesday.",
                  "--published-at", "2024-05-02"], "")
    assert result.returncode == 0
    assert "Attack" in result.stdout and "2024-04-30" in result.stdout
