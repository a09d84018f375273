"""What a signed-in person cannot do through `planner serve` (issue: the team server): end up with
a session after their password changed, was removed or they left; slow everyone's sign-in from one
address; reach the server by a cookie in other letters or by a form posted from another site;
take a download of someone else's app; or make the served app read or write the server's files."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient

from planner.serve.auth import COOKIE
from planner.serve.server import PlannerServer
from tests.conftest import FROZEN_NOW, Run
from tests.serve.conftest import PASSWORDS
from tests.serve.test_http import _all_ended, _client, _no_app, _signed_in


@pytest.fixture
async def served(team_server: Path, logins: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    from planner.serve import server as served_module

    monkeypatch.setenv("PLANNER_NOW", FROZEN_NOW)
    monkeypatch.setenv("PLANNER_LOGINS", str(logins))
    monkeypatch.setattr(served_module, "LOOK_SECONDS", 0.1)
    client, server, clock = await _client(team_server, logins)
    yield client, server, team_server
    await _all_ended(server)
    await client.close()


async def _closed(socket: Any) -> bool:
    """The server closed the app's socket (it reads until the close comes)."""
    while not socket.closed:
        message = await socket.receive(timeout=60)
        if message.type.name in ("CLOSE", "CLOSED", "CLOSING"):
            break
    return bool(socket.closed)


@pytest.mark.parametrize("change", ["new-password", "password-removed", "retired"])
async def test_a_changed_password_a_removed_one_or_leaving_ends_sessions_and_apps_at_once(
    served: Any, run: Run, logins: Path, change: str
) -> None:
    client, server, root = served
    sanna = await _signed_in(client, "sanna")
    assert "textual.js" in await (await client.get("/", headers=sanna)).text()
    socket = await client.ws_connect("/ws", headers=sanna)
    admin = ("--data", str(root), "--user", "aino")
    env = {"PLANNER_LOGINS": str(logins)}
    if change == "new-password":
        run("login", "set", "sanna", *admin, env=env, input="aivan-uusi-salasana\n", check=0)
    elif change == "password-removed":
        run("login", "remove", "sanna", *admin, env=env, check=0)
    else:
        run("person", "retire", "sanna", "--from", "2026-12-01", *admin, check=0)
    assert _no_app(await (await client.get("/", headers=sanna)).text())  # the next request: nobody
    assert (await client.get("/ws", headers=sanna)).status == 401
    assert await asyncio.wait_for(_closed(socket), 30)  # the open app ends too
    assert server.sessions.user_of(sanna["Cookie"].split("=", 1)[1]) is None
    mikko = await _signed_in(client, "mikko")  # nobody else is touched
    assert "textual.js" in await (await client.get("/", headers=mikko)).text()


async def test_a_cookie_in_other_letters_is_nobody_not_an_error(served: Any) -> None:
    client, _, _ = served
    for value in ("ä.b", "täö" * 20, "x.ÿ", "\u202e.a"):
        page = await client.get("/", headers={"Cookie": f"{COOKIE}={value}".encode().decode("latin-1")})
        assert page.status == 200 and _no_app(await page.text())


@pytest.mark.parametrize("path", ["/login", "/logout"])
async def test_a_form_posted_from_another_site_is_refused(served: Any, path: str) -> None:
    client, server, _ = served
    sanna = await _signed_in(client, "sanna")
    form = {"user": "mikko", "password": PASSWORDS["mikko"]}
    for headers in ({"Origin": "https://evil.example"}, {"Origin": "null"}, {"Sec-Fetch-Site": "cross-site"}):
        done = await client.post(path, data=form, headers={**sanna, **headers}, allow_redirects=False)
        assert done.status == 403 and "Set-Cookie" not in done.headers
    assert server.sessions.user_of(sanna["Cookie"].split("=", 1)[1]) == "sanna"  # not signed out
    own = str(client.make_url("/")).rstrip("/")
    done = await client.post(path, data=form, headers={**sanna, "Origin": own}, allow_redirects=False)
    assert done.status == 303


async def test_a_download_goes_only_to_the_browser_whose_app_made_it(served: Any) -> None:
    from textual_serve.download_manager import Download

    client, server, _ = served
    sanna = await _signed_in(client, "sanna")
    mikko = await _signed_in(client, "mikko")
    socket = await client.ws_connect("/ws", headers=sanna)
    try:
        for _ in range(100):
            if server.running:
                break
            await asyncio.sleep(0.05)
        app = server.running[0].app
        server.download_manager._active_downloads["k1"] = Download(
            app, "k1", "lista.csv", "download", "text/csv"
        )
        assert (await client.get("/download/k1")).status == 401  # no session
        assert (await client.get("/download/k1", headers=mikko)).status == 404  # another person's app
        assert (await client.get("/download/nosuch", headers=sanna)).status == 404
    finally:
        await socket.close()


def _app_argv(server: PlannerServer) -> list[str]:
    return server._argv("sanna")


async def test_the_served_app_is_told_it_is_served_and_where_uploads_are(
    team_server: Path, logins: Path, tmp_path: Path
) -> None:
    client, server, _ = await _client(team_server, logins)
    try:
        assert "--served" in _app_argv(server) and "--uploads" not in _app_argv(server)
    finally:
        await client.close()
    uploads = tmp_path / "uploads"
    uploads.mkdir()
    client, server, _ = await _client(team_server, logins, uploads=uploads)
    try:
        argv = _app_argv(server)
        assert argv[argv.index("--uploads") + 1] == str(uploads)
    finally:
        await client.close()


def _unused(client: TestClient[Any, Any]) -> None:  # keeps the import for the type
    return None
