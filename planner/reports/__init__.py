"""Exports: readiness checklists (CSV, JSON, Markdown, HTML) and calendar feeds."""
