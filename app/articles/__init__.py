"""Articles: news text in, coded (and, for POST /articles, stored) events out."""
