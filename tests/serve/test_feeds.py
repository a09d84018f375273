"""Calendar subscriptions through `planner serve` (SPEC *Reaching the team where it already is*):
`GET /feed/TOKEN.ics` without a session, parsed by `icalendar` as Outlook and Google would read
it; a guessed, malformed or revoked token is 404; only admins and the person add or revoke; the
workspace and its audit log keep only the token's hash."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer
from icalendar import Calendar

from planner.serve.server import Config, PlannerServer
from tests.conftest import FROZEN_NOW, Run


@pytest.fixture
async def client(
    team_server: Path, logins: Path, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[TestClient[Any, Any]]:
    monkeypatch.setenv("PLANNER_NOW", FROZEN_NOW)
    server = PlannerServer(Config(root=team_server, lang="fi", logins=logins))
    found = TestClient(TestServer(await server._make_app()))
    await found.start_server()
    yield found
    await found.close()


def add_feed(run: Run, root: Path, person: str, user: str, *extra: str) -> str:
    done = run("feed", "add", person, *extra, "--data", str(root), "--user", user, check=0)
    path = done.stdout.strip()
    assert path.startswith("/feed/") and path.endswith(".ics") and len(path) > 45
    return path


async def test_a_subscription_answers_without_a_session_as_a_calendar_reads_it(
    client: TestClient[Any, Any], team_server: Path, run: Run
) -> None:
    path = add_feed(run, team_server, "sanna", "sanna")
    response = await client.get(path)
    assert response.status == 200 and response.content_type == "text/calendar"
    calendar = Calendar.from_ical(await response.read())
    assert (
        str(calendar["METHOD"]) == "PUBLISH"
        and "REFRESH-INTERVAL" in calendar
        and "X-PUBLISHED-TTL" in calendar
    )
    events = calendar.walk("VEVENT")
    assert len(events) == 1 and "Joulutori" in str(events[0]["DESCRIPTION"])
    assert str(events[0]["UID"]).endswith("@jarvela.fi") and int(events[0]["SEQUENCE"]) >= 0
    secret = path.removeprefix("/feed/").removesuffix(".ics")
    for file in (team_server / "calendars").iterdir():
        if file.is_file():
            assert secret not in file.read_text("utf-8", errors="replace")


async def test_a_cancelled_post_shows_cancelled_and_a_revoked_feed_is_gone(
    client: TestClient[Any, Any], team_server: Path, run: Run
) -> None:
    path = add_feed(run, team_server, "sanna", "aino")  # an admin adds one for her
    post = run("post", "list", "--format", "json", "--data", str(team_server), check=0).stdout
    post_id = post.split('"id": "')[1].split('"')[0]
    run("post", "cancel", post_id, "--reason", "Sää", "--data", str(team_server), "--user", "sanna", check=0)
    calendar = Calendar.from_ical(await (await client.get(path)).read())
    assert str(calendar.walk("VEVENT")[0]["STATUS"]) == "CANCELLED"
    run("feed", "revoke", "sanna", "--data", str(team_server), "--user", "sanna", check=0)
    assert (await client.get(path)).status == 404


@pytest.mark.parametrize(
    "path", ["/feed/" + "A" * 43 + ".ics", "/feed/x.ics", "/feed/../calendars/team.json.ics"]
)
async def test_a_guessed_or_malformed_token_is_404(client: TestClient[Any, Any], path: str) -> None:
    assert (await client.get(path)).status == 404


async def test_a_workspace_that_cannot_be_read_asks_calendars_to_come_back_not_to_drop_the_feed(
    client: TestClient[Any, Any], team_server: Path, run: Run, caplog: pytest.LogCaptureFixture
) -> None:
    """Outlook and Google may drop a subscription told 404; a guessed token learns nothing more
    than a live one (both are 503 while the files are damaged), and the token stays out of the log."""
    path = add_feed(run, team_server, "sanna", "sanna")
    guessed = "/feed/" + "A" * 43 + ".ics"
    team = team_server / "calendars" / "team.json"
    kept = team.read_bytes()
    team.write_bytes(kept[: len(kept) // 2])  # cut short by a full disk or a sync tool
    for asked in (path, guessed):
        response = await client.get(asked)
        assert response.status == 503 and int(response.headers["Retry-After"]) > 0
    assert "feed-unavailable" in caplog.text and "team.json" in caplog.text
    assert path.removeprefix("/feed/").removesuffix(".ics") not in caplog.text
    team.write_bytes(kept)
    assert (await client.get(path)).status == 200
    assert (await client.get(guessed)).status == 404


def test_only_admins_and_the_person_add_or_revoke(run: Run, team_server: Path) -> None:
    run("feed", "add", "sanna", "--data", str(team_server), "--user", "mikko", check=1)
    run("feed", "revoke", "sanna", "--data", str(team_server), "--user", "tarja", check=1)
    run("feed", "add", "nobody", "--data", str(team_server), "--user", "aino", check=2)
