"""The HTTP contract of `planner serve` (SPEC *A team on one server*), with aiohttp's test client
against the real server object on a real workspace and sign-in file: the sign-in page and nothing
of the app without a session, 401 and no cookie on a wrong password, 303 and a cookie on a right
one, the websocket and the app's files refused without a session, sign-out, the slow-down, people
who left, and `--trust-header` off unless given."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from planner.serve.auth import COOKIE, FREE_FAILURES, Throttle
from planner.serve.server import MAX_DELAY, Config, PlannerServer
from tests.conftest import FROZEN_NOW
from tests.serve.conftest import PASSWORDS


class Clock:
    """The server's own clock for the slow-down and the sessions, moved by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def _client(
    root: Path, logins: Path, **config: Any
) -> tuple[TestClient[Any, Any], PlannerServer, Clock]:
    server = PlannerServer(Config(root=root, lang="fi", logins=logins, **config))
    clock = Clock()
    server.throttle = Throttle(clock=clock)
    server.sessions.clock = clock
    client = TestClient(TestServer(await server._make_app()))
    await client.start_server()
    return client, server, clock


@pytest.fixture
async def served(
    team_server: Path, logins: Path, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[tuple[TestClient[Any, Any], PlannerServer, Clock]]:
    monkeypatch.setenv("PLANNER_NOW", FROZEN_NOW)
    client, server, clock = await _client(team_server, logins)
    yield client, server, clock
    await client.close()


def _no_app(page: str) -> bool:
    return "textual.js" not in page and "/ws" not in page and "Joulutori" not in page


async def test_without_a_session_there_is_only_the_sign_in_form(served: Any) -> None:
    client, _, _ = served
    page = await client.get("/")
    text = await page.text()
    assert page.status == 200 and '<form method="post" action="/login">' in text
    assert 'name="user"' in text and 'name="password"' in text and "Kirjaudu" in text
    assert _no_app(text) and COOKIE not in page.cookies
    for path in ("/ws", "/static/js/textual.js"):
        assert (await client.get(path)).status == 401


async def test_a_wrong_password_is_401_and_no_cookie_a_right_one_303_and_the_app(served: Any) -> None:
    client, _, _ = served
    wrong = await client.post(
        "/login", data={"user": "sanna", "password": "väärin-väärin"}, allow_redirects=False
    )
    assert wrong.status == 401 and "Set-Cookie" not in wrong.headers
    assert "ei kelpaa" in await wrong.text()
    right = await client.post(
        "/login", data={"user": "sanna", "password": PASSWORDS["sanna"]}, allow_redirects=False
    )
    assert right.status == 303 and right.headers["Location"] == "/"
    cookie = right.headers["Set-Cookie"]
    assert cookie.startswith(f"{COOKIE}=") and "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert "Secure" not in cookie  # plain http on 127.0.0.1; behind https it is (below)
    app = await client.get("/")
    text = await app.text()
    assert app.status == 200 and "textual.js" in text and "/ws" in text
    assert (
        "https://" not in text
    )  # nothing fetched from elsewhere (textual-serve's page asks Google for a font)
    assert (await client.get("/static/js/textual.js")).status == 200
    assert (await client.get("/static/../server.py")).status in (403, 404)


async def test_sign_out_ends_the_session_and_a_forged_cookie_is_nobody(served: Any) -> None:
    client, server, _ = served
    await client.post("/login", data={"user": "mikko", "password": PASSWORDS["mikko"]}, allow_redirects=False)
    cookie = client.session.cookie_jar.filter_cookies(client.make_url("/"))[COOKIE].value
    token, signature = cookie.split(".")
    assert server.sessions.user_of(cookie) == "mikko"
    assert server.sessions.user_of(f"{token}.{'0' * len(signature)}") is None  # a signature of its own
    altered = "B" if token.endswith("A") else "A"  # one character of the token changed (1 in 64 ended in A)
    assert server.sessions.user_of(f"{token[:-1]}{altered}.{signature}") is None
    out = await client.post("/logout", allow_redirects=False)
    assert out.status == 303 and server.sessions.user_of(cookie) is None
    client.session.cookie_jar.update_cookies({COOKIE: cookie})  # the old cookie, kept by hand
    assert _no_app(await (await client.get("/")).text())
    assert (await client.get("/ws")).status == 401


async def test_repeated_failures_are_slowed_per_person(served: Any) -> None:
    """After three failures in a row each attempt waits before its answer (the server's pause is
    recorded here and moves the server's clock instead of sleeping): 1 s, then twice as long. The
    browsers come from this machine's address (a proxy's, for all of them): nobody else waits."""
    client, server, clock = served
    pauses: list[float] = []

    async def pause(seconds: float) -> None:
        pauses.append(seconds)
        clock.now += seconds

    server.pause = pause

    async def attempt(user: str, password: str) -> int:
        done = await client.post("/login", data={"user": user, "password": password}, allow_redirects=False)
        assert ("Set-Cookie" in done.headers) == (done.status == 303)
        return done.status

    assert [await attempt("sanna", "arvaus-arvaus") for _ in range(FREE_FAILURES)] == [401] * FREE_FAILURES
    assert pauses == []  # the first failures answer at once
    assert await attempt("sanna", "arvaus-taas") == 401 and pauses == [1.0]
    assert await attempt("sanna", "vielä-arvaus") == 401 and pauses == [1.0, 2.0]
    page = await client.post("/login", data={"user": "sanna", "password": "x" * 12}, allow_redirects=False)
    assert "jokainen uusi yritys odottaa" in await page.text() and pauses[-1] == 4.0
    pauses.clear()
    assert await attempt("mikko", PASSWORDS["mikko"]) == 303 and pauses == []  # another person: at once
    assert await attempt("sanna", PASSWORDS["sanna"]) == 303 and pauses == [MAX_DELAY]  # gets in, late
    pauses.clear()
    assert await attempt("sanna", "väärin-taas") == 401 and pauses == []  # a success starts the count anew


async def test_behind_a_proxy_that_names_the_address_each_browser_is_slowed_apart(
    team_server: Path, logins: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With --forwarded-for, an address that keeps failing is slowed for anyone signing in from it,
    and a browser at another address is not."""
    monkeypatch.setenv("PLANNER_NOW", FROZEN_NOW)
    client, server, clock = await _client(team_server, logins, forwarded_for=True)
    pauses: list[float] = []

    async def pause(seconds: float) -> None:
        pauses.append(seconds)
        clock.now += seconds

    server.pause = pause
    attacker = {"X-Forwarded-For": "203.0.113.7"}
    try:
        for number in range(FREE_FAILURES + 1):  # guesses at several people from one address
            done = await client.post(
                "/login", data={"user": f"arvaus{number}", "password": "x" * 12}, headers=attacker
            )
            assert done.status == 401
        assert pauses == [1.0]
        pauses.clear()
        # What the browser claimed comes first; the last hop is the address the proxy itself saw.
        elsewhere = {"X-Forwarded-For": "203.0.113.7, 192.0.2.1"}
        done = await client.post(
            "/login",
            data={"user": "mikko", "password": PASSWORDS["mikko"]},
            headers=elsewhere,
            allow_redirects=False,
        )
        assert done.status == 303 and pauses == []
        done = await client.post(
            "/login",
            data={"user": "sanna", "password": PASSWORDS["sanna"]},
            headers=attacker,
            allow_redirects=False,
        )
        assert done.status == 303 and pauses == [2.0]  # the guessing address waits, whoever signs in there
    finally:
        await client.close()


async def test_someone_who_left_or_who_has_no_password_cannot_sign_in(served: Any) -> None:
    client, _, _ = served
    left = await client.post(
        "/login", data={"user": "leena", "password": "leenan-salasana-4444"}, allow_redirects=False
    )
    assert left.status == 401 and "Set-Cookie" not in left.headers
    nobody = await client.post(
        "/login", data={"user": "tarja", "password": "mitä-tahansa-1"}, allow_redirects=False
    )
    assert nobody.status == 401


async def test_the_trust_header_is_off_unless_given(
    team_server: Path, logins: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PLANNER_NOW", FROZEN_NOW)
    client, _, _ = await _client(team_server, logins)
    try:
        claimed = await client.get("/", headers={"X-Remote-User": "aino"})
        assert _no_app(await claimed.text())
        assert (await client.get("/ws", headers={"X-Remote-User": "aino"})).status == 401
    finally:
        await client.close()
    client, _, _ = await _client(team_server, logins, trust_header="X-Remote-User")
    try:
        named = await client.get("/", headers={"X-Remote-User": "aino"})
        assert "textual.js" in await named.text()
        for who in ("", "nosuch", "leena"):  # nobody named, someone unknown, someone who left
            assert _no_app(await (await client.get("/", headers={"X-Remote-User": who})).text())
        assert (await client.post("/login", data={"user": "aino", "password": "x"})).status == 404
    finally:
        await client.close()


async def test_behind_https_the_cookie_is_secure(
    team_server: Path, logins: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PLANNER_NOW", FROZEN_NOW)
    client, _, _ = await _client(team_server, logins, public_url="https://somekalenteri.jarvela.fi")
    try:
        right = await client.post(
            "/login", data={"user": "sanna", "password": PASSWORDS["sanna"]}, allow_redirects=False
        )
        assert "Secure" in right.headers["Set-Cookie"]
    finally:
        await client.close()


def test_the_sign_in_file_is_private_and_no_hash_reaches_the_audit_log(
    team_server: Path, logins: Path
) -> None:
    assert stat.S_IMODE(os.stat(logins).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(logins.parent).st_mode) == 0o700
    records = json.loads(logins.read_text("utf-8"))
    assert set(records) == {"sanna", "mikko", "aino", "leena"}
    assert all(
        r["algorithm"] == "scrypt" and PASSWORDS.get(p, "-") not in json.dumps(r) for p, r in records.items()
    )
    audit = (team_server / "calendars" / "audit.jsonl").read_text("utf-8")
    assert "scrypt" not in audit and not any(p in audit for p in PASSWORDS.values())
    events = [
        json.loads(line)["event"] for line in (logins.parent / "signins.log").read_text("utf-8").splitlines()
    ]
    assert events.count("password-set") == 4


def test_login_set_is_for_admins_or_the_person_and_refuses_a_short_password(
    team_server: Path, logins: Path, run: Any
) -> None:
    data = ("--data", str(team_server))
    env = {"PLANNER_LOGINS": str(logins)}
    before = logins.read_bytes()
    refused = run(
        "login", "set", "mikko", *data, "--user", "sanna", env=env, input="sannan-arvaus-123\n", check=1
    )
    assert "only an admin" in refused.stderr
    short = run("login", "set", "sanna", *data, "--user", "sanna", env=env, input="lyhyt\n", check=2)
    assert "at least 10 characters" in short.stderr
    assert (
        "only an admin" in run("login", "remove", "sanna", *data, "--user", "sanna", env=env, check=1).stderr
    )
    assert logins.read_bytes() == before
    run("login", "set", "sanna", *data, "--user", "sanna", env=env, input="uusi-salasana-55\n", check=0)
    assert logins.read_bytes() != before
    run("login", "remove", "mikko", *data, "--user", "aino", env=env, check=0)
    assert "mikko" not in json.loads(logins.read_text("utf-8"))
    os.chmod(logins, 0o644)  # opened to others by mistake: refused until it is private again
    assert (
        "chmod 600"
        in run(
            "login", "set", "sanna", *data, "--user", "aino", env=env, input="x" * 12 + "\n", check=2
        ).stderr
    )


async def _all_ended(server: PlannerServer) -> None:
    """Every app process has quit (the server waits for each before it lets go of it)."""
    import asyncio

    for _ in range(300):
        if not server.running:
            return
        await asyncio.sleep(0.1)
    raise AssertionError("apps still running")


async def _signed_in(client: TestClient[Any, Any], user: str) -> dict[str, str]:
    done = await client.post(
        "/login", data={"user": user, "password": PASSWORDS[user]}, allow_redirects=False
    )
    assert done.status == 303
    client.session.cookie_jar.clear()  # each person's cookie goes with their own requests only
    return {"Cookie": f"{COOKIE}={done.cookies[COOKIE].value}"}


async def test_the_server_caps_apps_per_person_and_in_all_and_says_when_it_is_full(
    team_server: Path, logins: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planner.serve.server import Limits

    monkeypatch.setenv("PLANNER_NOW", FROZEN_NOW)
    client, server, _ = await _client(team_server, logins, limits=Limits(per_person=1, total=2))
    sockets = []
    try:
        sanna, mikko, aino = [await _signed_in(client, who) for who in ("sanna", "mikko", "aino")]
        sockets.append(await client.ws_connect("/ws", headers=sanna))
        full = await client.get("/ws", headers=sanna)  # her second tab
        assert full.status == 503 and "täynnä" in await full.text()
        sockets.append(await client.ws_connect("/ws", headers=mikko))
        assert (await client.get("/ws", headers=aino)).status == 503  # two apps in all
        assert {r.user for r in server.running} == {"sanna", "mikko"}
        argv = next(r.app.argv for r in server.running if r.user == "sanna")
        assert argv[argv.index("--user") + 1] == "sanna" and argv[:3] == [argv[0], "-m", "planner"]
    finally:
        for socket in sockets:
            await socket.close()
        await _all_ended(server)
        await client.close()


async def test_an_idle_app_and_a_signed_out_one_are_ended(
    team_server: Path, logins: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planner.serve import server as served_module
    from planner.serve.server import Limits

    monkeypatch.setenv("PLANNER_NOW", FROZEN_NOW)
    monkeypatch.setattr(served_module, "LOOK_SECONDS", 0.2)
    client, server, _ = await _client(team_server, logins, limits=Limits(idle_seconds=0.5))
    try:
        sanna = await _signed_in(client, "sanna")
        socket = await client.ws_connect("/ws", headers=sanna)
        message = await socket.receive(timeout=60)  # the app draws, then nobody touches it
        while not socket.closed and message.type.name not in ("CLOSE", "CLOSED", "CLOSING"):
            message = await socket.receive(timeout=60)
        assert socket.closed
        await _all_ended(server)
        mikko = await _signed_in(client, "mikko")
        server.config.limits.idle_seconds = 3600
        socket = await client.ws_connect("/ws", headers=mikko)
        await client.post("/logout", headers=mikko, allow_redirects=False)
        message = await socket.receive(timeout=60)
        while not socket.closed and message.type.name not in ("CLOSE", "CLOSED", "CLOSING"):
            message = await socket.receive(timeout=60)
        assert socket.closed
    finally:
        await _all_ended(server)
        await client.close()


def test_serve_refuses_a_bad_port_or_public_address_in_one_line(team_server: Path, run: Any) -> None:
    data = ("--data", str(team_server))
    for args, said in ((("--port", "0"), "Port 0"), (("--public-url", "ftp://x.fi"), "not a public address")):
        done = run("serve", *data, *args, check=2)
        assert said in done.stderr and done.stderr.count("\n") == 1


def test_serve_on_a_port_taken_says_so_in_one_line_before_any_banner(team_server: Path, run: Any) -> None:
    """aiohttp's refusal came as a traceback, after "serving on" had been printed."""
    import socket

    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        done = run("serve", "--data", str(team_server), "--port", str(port), check=2)
    assert f"Cannot listen on 127.0.0.1:{port} (Address already in use)" in done.stderr
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr and not done.stdout


def test_a_password_is_set_under_the_sign_in_files_lock(team_server: Path, logins: Path, run: Any) -> None:
    """Two admins setting passwords at once each read the file, added their own person and wrote
    it back: the later write dropped the earlier's password without a word. The file is now read
    and written under its folder's lock; held by another, `login set` waits, then says so and
    writes nothing."""
    from planner.storage.files import locked

    data = ("--data", str(team_server), "--user", "aino")
    env = {"PLANNER_LOGINS": str(logins), "PLANNER_LOCK_TIMEOUT": "0.2"}
    before = logins.read_bytes()
    with locked(logins.parent):
        done = run("login", "set", "sanna", *data, env=env, input="uusi-salasana-55\n", check=2)
        assert done.stderr.startswith(f"planner: The sign-in file {logins} is being changed (")
        assert len(done.stderr.splitlines()) == 1
        run("login", "remove", "mikko", *data, env=env, check=2)
    assert logins.read_bytes() == before
    run("login", "set", "sanna", *data, env=env, input="uusi-salasana-55\n", check=0)
    run("login", "remove", "mikko", *data, env=env, check=0)
    kept = json.loads(logins.read_text("utf-8"))
    assert "sanna" in kept and "mikko" not in kept and "aino" in kept


async def test_the_started_line_is_one_line_and_the_folder_is_shown_as_it_is(
    team_server: Path, logins: Path, tmp_path: Path
) -> None:
    """At 80 columns (a log, a service's journal) the line broke before `Ctrl+C.`; and a folder
    named with brackets was read as markup: `[/x]` stopped the server before it served."""
    import io
    import shutil

    from rich.console import Console

    root = tmp_path / ("kunnan-viestinta-ja-markkinointi-" * 2 + "[/x]")
    shutil.copytree(team_server, root)
    server = PlannerServer(Config(root=root, lang="en", logins=logins))
    out = io.StringIO()
    server.console = Console(file=out, width=80)
    await server.on_startup(web.Application())
    await server.on_shutdown(web.Application())
    assert out.getvalue().count("\n") == 1 and f"(workspace {root}). Stop: Ctrl+C." in out.getvalue()
