"""Use cases over the database: what the GUI and the CLI both call."""
