"""A small team for `planner serve`: made with the planner's own commands, passwords set through
`planner login set`, the sign-in file in the test's own folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.conftest import new_town
from tests.conftest import Run

PASSWORDS = {"sanna": "sannan-salasana-1", "mikko": "mikon-salasana-22", "aino": "ainon-salasana-333"}


@pytest.fixture
def logins(tmp_path: Path) -> Path:
    return tmp_path / "private" / "logins.json"


@pytest.fixture
def team_server(tmp_path: Path, run: Run, logins: Path) -> Path:
    """aino (admin), sanna and mikko (producers, owners of the one account), tarja (auditor) and
    leena (left the team); a ready post on Thursday of the frozen week."""
    root = tmp_path / "town"
    people = (
        ("sanna", "Sanna Salo", "producer"),
        ("mikko", "Mikko Mäkelä", "producer"),
        ("tarja", "Tarja Toivonen", "auditor"),
        ("leena", "Leena Lehtinen", "producer"),
    )
    new_town(run, root, ("aino", "Aino Aaltonen"), people)
    data = ("--data", str(root))
    admin = (*data, "--user", "aino")
    run(
        "account",
        "add",
        "--platform",
        "facebook",
        "--name",
        "Järvelän kaupunki",
        "--admin",
        "aino",
        "mikko",
        "--owner",
        "sanna",
        "mikko",
        *admin,
        check=0,
    )
    post = run(
        "post",
        "add",
        "--account",
        "facebook-jarvelan-kaupunki",
        "--at",
        "3.12.2026 12.00",
        "--text",
        "Joulutori avataan #järvelä",
        *data,
        "--user",
        "sanna",
        check=0,
    ).stdout.strip()
    run("post", "ready", post, *data, "--user", "sanna", check=0)
    env = {"PLANNER_LOGINS": str(logins)}
    for person, password in PASSWORDS.items():
        run("login", "set", person, *data, "--user", "aino", env=env, check=0, input=password + "\n")
    run("login", "set", "leena", *data, "--user", "aino", env=env, check=0, input="leenan-salasana-4444\n")
    run("person", "retire", "leena", "--from", "2026-11-30", *admin, check=0)
    return root
