"""quotex's spaCy components; ``quotex.pipeline`` imports them to register their factories."""
