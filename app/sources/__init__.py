"""Sources: the stored articles events were read from."""
