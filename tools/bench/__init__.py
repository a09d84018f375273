"""Benchmarks: a generated city- or metro-sized workspace, and the measurements the README cites."""
