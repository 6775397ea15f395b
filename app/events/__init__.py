"""Events: coded ACLED-style events, their actors and the sources that support them."""
