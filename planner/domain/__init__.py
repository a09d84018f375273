"""The domain: entities, readiness rules and their engine. Pure Python: no I/O, no Textual."""
