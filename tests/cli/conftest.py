"""Fixtures of the command-line tests: an organization made from nothing with only its commands."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import pytest

from tests.conftest import Run


def audit_lines(root: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in (root / "calendars" / "audit.jsonl").read_text("utf-8").splitlines()]


def new_town(run: Run, root: Path, admin: tuple[str, str], people: Iterable[tuple[str, str, str]]) -> None:
    """An organization made from nothing with only its commands: `planner init` with a name, a
    website and the required hashtag, its first admin (no identity needed yet), then `people`
    (id, name, role) added by that admin."""
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
    first, name = admin
    run(
        "person",
        "add",
        first,
        "--name",
        name,
        "--email",
        f"{first}@jarvela.fi",
        "--role",
        "admin",
        *data,
        check=0,
    )
    for pid, person, role in people:
        run(
            "person",
            "add",
            pid,
            "--name",
            person,
            "--email",
            f"{pid}@jarvela.fi",
            "--role",
            role,
            *data,
            "--user",
            first,
            check=0,
        )


@pytest.fixture
def team(tmp_path: Path, run: Run) -> Path:
    """An organization made from nothing: two admins, a producer, an expert and an auditor."""
    root = tmp_path / "town"
    people = (
        ("eero", "Eero Eskola", "admin"),
        ("pia", "Pia Pulkkinen", "producer"),
        ("oona", "Oona Ojala", "expert"),
        ("tarja", "Tarja Tamminen", "auditor"),
    )
    new_town(run, root, ("aino", "Aino Ahonen"), people)
    return root


ACCOUNT = "instagram-jarvelan-kirjasto"  # the `town` fixture's account


@pytest.fixture
def town(run: Run, team: Path) -> Path:
    """The team's library account: owner pia, deputy oona, admins aino and eero."""
    run(
        "account",
        "add",
        "--platform",
        "instagram",
        "--name",
        "Järvelän kirjasto",
        "--admin",
        "aino",
        "eero",
        "--owner",
        "pia",
        "--deputy",
        "oona",
        "--data",
        str(team),
        "--user",
        "aino",
        check=0,
    )
    return team
