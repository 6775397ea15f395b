"""Article identity: canonical URLs and the normalised-text hash."""

from __future__ import annotations

import pytest

from app.sources.canonical import InvalidURLError, canonical_url, content_sha256


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        (
            "HTTPS://WWW.Reuters.com/world/middle-east/us-strikes-iraq/?utm_source=twitter&utm_medium=social#comments",
            "https://www.reuters.com/world/middle-east/us-strikes-iraq",
        ),
        ("http://example.com:80/a/b/", "http://example.com/a/b"),
        ("https://example.com:8443/a?b=2&a=1&fbclid=XYZ", "https://example.com:8443/a?a=1&b=2"),
        ("https://news.example.org/", "https://news.example.org"),
        ("https://news.example.org/story?id=42&gclid=abc", "https://news.example.org/story?id=42"),
    ],
)
def test_canonical_url_drops_case_tracking_fragment_and_trailing_slash(raw: str, canonical: str) -> None:
    assert canonical_url(raw) == canonical


@pytest.mark.parametrize(
    "raw", ["/relative/path", "mailto:desk@example.com", "ftp://example.com/a", "not a url"]
)
def test_canonical_url_rejects_non_http_urls(raw: str) -> None:
    with pytest.raises(InvalidURLError):
        canonical_url(raw)


def test_hash_ignores_rewrapping_and_surrounding_whitespace() -> None:
    a = "Gunmen attacked a bus near Mandera on Sunday,\nkilling six passengers."
    b = "  Gunmen attacked a bus near Mandera on Sunday, killing   six passengers.\n"
    assert content_sha256(a) == content_sha256(b)
    assert content_sha256(a) != content_sha256(a.replace("six", "seven"))
