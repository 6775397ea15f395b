"""Identity of an article: its canonical URL and the hash of its whitespace-normalised text."""

from __future__ import annotations

import hashlib
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Query parameters that only track where a reader came from; they never select content.
TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "msclkid",
        "yclid",
        "igshid",
        "mc_cid",
        "mc_eid",
        "mkt_tok",
        "ocid",
        "cmpid",
        "cmp",
        "ito",
        "smid",
        "smtyp",
        "taid",
        "ns_mchannel",
        "ns_source",
        "ns_campaign",
        "ns_linkname",
        "ns_fee",
        "at_medium",
        "at_campaign",
        "at_custom1",
        "ref_src",
        "ref_url",
        "src",
        "share",
        "s_cid",
        "wt.mc_id",
        "__twitter_impression",
    }
)
_DEFAULT_PORTS = {"http": 80, "https": 443}


class InvalidURLError(ValueError):
    """The text given as a URL is not an absolute http(s) URL."""


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, no default port, fragment, tracking parameters or trailing slash.

    >>> canonical_url("HTTPS://www.Reuters.com/world/iraq/?utm_source=x&id=2#top")
    'https://www.reuters.com/world/iraq?id=2'
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        raise InvalidURLError(f"not an absolute http(s) URL: {url!r}")
    host = parts.hostname.lower().rstrip(".")
    try:
        port = parts.port
    except ValueError as exc:
        raise InvalidURLError(f"bad port in {url!r}") from exc
    netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    path = parts.path.rstrip("/")
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith("utm_") and k.lower() not in TRACKING_PARAMS
    ]
    query.sort()
    return urlunsplit((scheme, netloc, path, urlencode(query), ""))


def normalise_text(text: str) -> str:
    """Collapse every run of whitespace to one space and strip the ends."""
    return " ".join(text.split())


def content_sha256(text: str) -> str:
    """SHA-256 (hex) of the whitespace-normalised text: re-wrapped copies hash the same."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()
