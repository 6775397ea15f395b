"""conflict-events: news text in, ACLED-style conflict events out."""
