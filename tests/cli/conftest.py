"""Fixtures of the command-line tests: an organization made from nothing with only its commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Run


def audit_lines(root: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in (root / "calendars" / "audit.jsonl").read_text("utf-8").splitlines()]


@pytest.fixture
def team(tmp_path: Path, run: Run) -> Path:
    """An organization made from nothing: two admins, a producer, an expert and an auditor."""
    root = tmp_path / "town"
    run(
        "init",
        str(root),
        "--name",
        "Järvelän kaupunki",
        "--website",
        "https://www.jarvela.fi",
        "--hashtag",
        "järvelä",
        check=0,
    )
    data = ("--data", str(root))
    run(
        "person",
        "add",
        "aino",
        "--name",
        "Aino Ahonen",
        "--email",
        "aino@jarvela.fi",
        "--role",
        "admin",
        *data,
        check=0,
    )
    people = (
        ("eero", "Eero Eskola", "admin"),
        ("pia", "Pia Pulkkinen", "producer"),
        ("oona", "Oona Ojala", "expert"),
        ("tarja", "Tarja Tamminen", "auditor"),
    )
    for pid, name, role in people:
        run(
            "person",
            "add",
            pid,
            "--name",
            name,
            "--email",
            f"{pid}@jarvela.fi",
            "--role",
            role,
            *data,
            "--user",
            "aino",
            check=0,
        )
    return root
