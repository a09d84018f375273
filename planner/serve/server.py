"""`planner serve`: the Textual app in the browser through Textualize's `textual-serve`, behind a
sign-in. Each signed-in browser tab runs the planner's own app as a process of its own, as the
signed-in person (the identity comes from the sign-in, or from a trusted single sign-on header,
never from the browser); everything else textual-serve offers stays behind the session too.

What the server holds in memory (sessions, the slow-down, the running apps) ends with it: a
restart signs everyone out."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import ipaddress
import json
import logging
import os
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server

from planner.i18n import t
from planner.serve import pages
from planner.serve.auth import COOKIE, SESSION_SECONDS, Sessions, SignedIn, Throttle

log = logging.getLogger("planner.serve")

MAX_PER_PERSON = 3  # browser tabs running the app for one person
MAX_TOTAL = 24  # apps running on the server in all (each is a Python process of ~100 MB)
IDLE_SECONDS = 30 * 60  # an app with no key, click or resize for this long is ended
LOOK_SECONDS = 1.0  # how often running apps are looked at: idle, signed out, password changed, left
MAX_DELAY = 5.0  # the longest one slowed sign-in waits before its answer


@dataclass
class Limits:
    per_person: int = MAX_PER_PERSON
    total: int = MAX_TOTAL
    idle_seconds: float = IDLE_SECONDS


class PlannerApp(AppService):
    """One browser tab's app: `python -m planner --data … --user …`, run directly (no shell)."""

    def __init__(self, argv: list[str], **kwargs: Any) -> None:
        super().__init__("planner", **kwargs)
        self.argv = argv
        self.last_input = time.monotonic()

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        environment = super()._build_environment(width, height)
        for name in ("PLANNER_USER", "PLANNER_DATA"):  # the identity is the argument, nothing else
            environment.pop(name, None)
        return environment

    async def _open_app_process(self, width: int = 80, height: int = 24) -> asyncio.subprocess.Process:
        environment = self._build_environment(width=width, height=height)
        self._process = process = await asyncio.create_subprocess_exec(
            *self.argv,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=environment,
        )
        assert process.stdin is not None
        self._stdin = process.stdin
        return process

    async def send_bytes(self, data: bytes) -> bool:
        self.last_input = time.monotonic()
        return await super().send_bytes(data)


@dataclass
class Running:
    user: str
    cookie: str
    app: PlannerApp
    close: Callable[[], Awaitable[object]]


@dataclass
class Config:
    root: Path
    lang: str = "fi"
    host: str = "127.0.0.1"
    port: int = 8080
    public_url: str | None = None
    trust_header: str | None = None
    logins: Path | None = None
    limits: Limits = field(default_factory=Limits)
    uploads: Path | None = None  # the one folder a served app may take files from (`--uploads`)
    forwarded_for: bool = False  # the proxy in front names the client's address in X-Forwarded-For


class PlannerServer(Server):
    def __init__(self, config: Config) -> None:
        super().__init__(
            "planner", host=config.host, port=config.port, title="Somekalenteri", public_url=config.public_url
        )
        self.config = config
        self.sessions = Sessions()
        self.throttle = Throttle()
        self.running: list[Running] = []
        self.ending: set[asyncio.Future[None]] = set()
        self.turns: dict[str, asyncio.Lock] = {}
        self.secure = self.public_url.startswith("https://")
        self.templates_path = Path(__file__).parent / "templates"  # the app page, without a font from Google
        self._session: Any = None  # the workspace, opened once: its snapshot is read again only when changed
        self._logins_read: tuple[tuple[int, ...] | None, dict[str, dict[str, Any]]] = (None, {})
        self._patrol_task: asyncio.Task[None] | None = None

    # Who is asking -------------------------------------------------------------------------

    def _workspace(self) -> Any:
        from planner.services import Session

        if self._session is None:
            self._session = Session.open(str(self.config.root), None)
        session = self._session
        return session, session.load()

    def _may_work(self, user: str) -> bool:
        """A known person who has not left (the workspace is read again when it changed: a
        retirement counts at once). A workspace that cannot be read lets nobody in."""
        try:
            session, ws = self._workspace()
        except Exception:  # noqa: BLE001 - damage: the app would say so; nobody works meanwhile
            return False
        person = ws.people.get(user)
        return person is not None and not person.is_retired_on(session.now(ws).date())

    def _logins(self) -> dict[str, dict[str, Any]]:
        """The sign-in file, read again whenever it changed (`planner login set|remove` run
        beside the server)."""
        from planner.storage.files import stat_signature
        from planner.storage.logins import read_logins

        path = self._logins_path()
        try:
            signature: tuple[int, ...] | None = stat_signature(path.stat())
        except OSError:
            signature = None
        if signature is None or signature != self._logins_read[0]:
            self._logins_read = (signature, read_logins(path))
        return self._logins_read[1]

    def _login_stamp(self, user: str) -> str:
        """A fingerprint of the person's sign-in record ("" for none): a session lasts only while
        the password it was opened with is still theirs."""
        record = self._logins().get(user)
        if record is None:
            return ""
        return hashlib.sha256(json.dumps(record, sort_keys=True).encode("utf-8")).hexdigest()

    def _still_valid(self, found: SignedIn) -> bool:
        try:
            stamp = self._login_stamp(found.user)
        except Exception:  # noqa: BLE001 - a sign-in file that cannot be read ends every session
            return False
        return bool(stamp) and stamp == found.login and self._may_work(found.user)

    def _session_user(self, cookie: str | None) -> str | None:
        """Who a cookie signs in, while the person may still work with the password they signed in
        with; otherwise every session of theirs ends here."""
        found = self.sessions.signed_in(cookie)
        if found is None:
            return None
        if not self._still_valid(found):
            self.sessions.end_of(found.user)
            return None
        return found.user

    def user_of(self, request: web.Request) -> str | None:
        header = self.config.trust_header
        if header:
            named = request.headers.get(header, "").strip()
            return named if named and self._may_work(named) else None
        return self._session_user(request.cookies.get(COOKIE))

    def _client_address(self, request: web.Request) -> str | None:
        """The client's address where it can be trusted: the last hop of X-Forwarded-For when the
        administrator said a proxy in front writes it (`--forwarded-for`), else the connection's,
        unless that is this machine (then it is a proxy's, the same for every browser)."""
        if self.config.forwarded_for:
            hops = [hop.strip() for hop in request.headers.get("X-Forwarded-For", "").split(",")]
            return hops[-1][:64] or None
        remote = request.remote
        try:
            if remote is None or ipaddress.ip_address(remote).is_loopback:
                return None
        except ValueError:
            return None
        return remote

    def _logins_path(self) -> Path:
        from planner.storage.logins import logins_path

        return self.config.logins or logins_path()

    def _log(self, event: str, user: str, request: web.Request | None, detail: str = "") -> None:
        from planner.storage.logins import log_event

        address = (request.remote or "") if request is not None else ""
        log.info("%s %s from %s %s", event, user, address or "-", detail)
        with contextlib.suppress(OSError):
            log_event(self._logins_path(), event, user, address, detail)

    # The pages ---------------------------------------------------------------------------------

    async def _make_app(self) -> web.Application:
        import aiohttp_jinja2
        import jinja2

        app = web.Application(middlewares=[self._headers], client_max_size=64 * 1024)
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path))
        app.add_routes(
            [
                web.get("/", self.handle_root, name="index"),
                web.post("/login", self.handle_login, name="login"),
                web.post("/logout", self.handle_logout, name="logout"),
                web.get("/ws", self.handle_socket, name="websocket"),
                web.get("/download/{key}", self.handle_download, name="download"),
                web.get("/feed/{token}.ics", self.handle_feed, name="feed"),
                web.get("/static/{filename:.*}", self.handle_static, name="static"),
            ]
        )
        app.on_startup.append(self.on_startup)
        app.on_shutdown.append(self.on_shutdown)
        return app

    @web.middleware
    async def _headers(
        self, request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        response = await handler(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        # Same-origin, not no-referrer: the browser's own forms then carry their real Origin (with
        # no-referrer it is "null", which tells nothing), and nothing goes to other sites.
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Cache-Control", "no-store")
        return response

    def _organization(self) -> str:
        try:
            return str(self._workspace()[1].organization.name)
        except Exception:  # a damaged workspace still gets its sign-in page; the app will say why
            return ""

    def _sign_in_page(self, status: int = 200, error: str = "", user: str = "") -> web.Response:
        text = pages.sign_in(self.config.lang, self._organization(), error, user)
        return web.Response(text=text, content_type="text/html", status=status)

    async def handle_root(self, request: web.Request) -> web.StreamResponse:
        import aiohttp_jinja2

        user = self.user_of(request)
        if user is None:
            return self._sign_in_page()
        # textual-serve's own page data, and the planner's words around the terminal
        context: dict[str, Any] = await Server.handle_index.__wrapped__(self, request)  # type: ignore[attr-defined]
        context["page"] = pages.app_texts(self.config.lang, self._organization(), user)
        return aiohttp_jinja2.render_template("app_index.html", request, context)

    async def handle_static(self, request: web.Request) -> web.StreamResponse:
        if self.user_of(request) is None:
            raise web.HTTPUnauthorized()
        relative = Path(request.match_info["filename"].lstrip("/"))
        target = (self.statics_path / relative).resolve()
        if self.statics_path.resolve() not in target.parents or not target.is_file():
            raise web.HTTPNotFound()
        return web.FileResponse(target)

    async def handle_download(self, request: web.Request) -> web.StreamResponse:
        """A file an app delivered (an export): only to the person whose app it is, from the
        browser session that runs it."""
        user = self.user_of(request)
        if user is None:
            raise web.HTTPUnauthorized()
        download = self.download_manager._active_downloads.get(request.match_info["key"])
        cookie = request.cookies.get(COOKIE, "")
        owners = [r for r in self.running if download is not None and r.app is download.app_service]
        if not any(r.user == user and (self.config.trust_header or r.cookie == cookie) for r in owners):
            raise web.HTTPNotFound()
        return await Server.handle_download(self, request)

    async def handle_feed(self, request: web.Request) -> web.StreamResponse:
        from planner.serve.feeds import feed_response

        return await feed_response(self.config.root, self.config.lang, request.match_info["token"])

    def _cross_site(self, request: web.Request) -> bool:
        """A form not posted from this server's own page: a browser says where a request comes
        from in Sec-Fetch-Site (same-origin, or none for one typed by hand), and in Origin ("null"
        from a sandboxed or hidden frame counts as elsewhere)."""
        fetched_from = request.headers.get("Sec-Fetch-Site")
        if fetched_from is not None and fetched_from not in ("same-origin", "none"):
            return True
        return request.headers.get("Origin") == "null" or not self._same_origin(request)

    async def handle_login(self, request: web.Request) -> web.StreamResponse:
        from planner.services.logins import check_sign_in

        lang = self.config.lang
        if self.config.trust_header:  # the proxy in front signs people in
            raise web.HTTPNotFound()
        if self._cross_site(request):
            raise web.HTTPForbidden()
        form = await request.post()
        user = str(form.get("user", "")).strip()[:80]
        password = str(form.get("password", ""))[:1024]
        address = self._client_address(request)
        keys = (f"user:{user}",) + ((f"address:{address}",) if address else ())
        async with self._turn(keys):  # one attempt at a time per person and per address
            wait = self.throttle.wait(*keys)
            if wait > 0:  # slowed: the answer comes later, whatever it is
                self._log("sign-in-slowed", user, request, f"{wait:.1f} s")
                await self.pause(min(wait, MAX_DELAY))
            session, ws = self._workspace()
            logins = self._logins()
            today = session.now(ws).date()
            loop = asyncio.get_running_loop()
            found = await loop.run_in_executor(None, check_sign_in, ws, logins, user, password, today)
            if found.person is None:
                self.throttle.failed(*keys)
                self._log("sign-in-failed", user, request, found.reason)
                slowed = self.throttle.wait(*keys) > 0
                return self._sign_in_page(401, t("serve.slowed" if slowed else "serve.wrong", lang), user)
            self.throttle.succeeded(*keys)
        cookie = self.sessions.start(found.person.id, address or "", self._login_stamp(found.person.id))
        self._log("sign-in", found.person.id, request)
        response = web.HTTPSeeOther("/")
        response.set_cookie(
            COOKIE,
            cookie,
            max_age=SESSION_SECONDS,
            httponly=True,
            samesite="Strict",
            secure=self.secure,
            path="/",
        )
        raise response

    async def handle_logout(self, request: web.Request) -> web.StreamResponse:
        if self._cross_site(request):
            raise web.HTTPForbidden()
        cookie = request.cookies.get(COOKIE)
        user = self.sessions.end(cookie)
        if user is not None:
            self._log("sign-out", user, request)
            for running in [r for r in self.running if r.cookie == cookie]:
                await running.close()
        response = web.HTTPSeeOther("/")
        response.del_cookie(COOKIE, path="/")
        raise response

    @contextlib.asynccontextmanager
    async def _turn(self, keys: tuple[str, ...]) -> AsyncIterator[None]:
        """Hold each key's lock (in one order, so two attempts never wait for each other in a
        ring); a lock nobody waits for is let go of, so the table does not grow."""
        held = []
        try:
            for key in sorted(keys):
                lock = self.turns.setdefault(key, asyncio.Lock())
                await lock.acquire()
                held.append((key, lock))
            yield
        finally:
            for key, lock in reversed(held):
                lock.release()
                if not lock.locked() and not getattr(lock, "_waiters", None):
                    self.turns.pop(key, None)

    async def pause(self, seconds: float) -> None:
        await asyncio.sleep(seconds)

    # The app ------------------------------------------------------------------------------------

    def _same_origin(self, request: web.Request) -> bool:
        """A request a page of this server made (a cookie alone is not enough: browsers send it
        with a socket or a form any page opens, SameSite aside)."""
        origin = request.headers.get("Origin")
        if origin is None:
            return True  # not a browser
        allowed = {f"{urlsplit(self.public_url).scheme}://{urlsplit(self.public_url).netloc}"}
        allowed.add(f"{request.scheme}://{request.host}")
        return origin in allowed

    async def handle_socket(self, request: web.Request) -> web.StreamResponse:
        user = self.user_of(request)
        if user is None or not self._may_work(user):
            raise web.HTTPUnauthorized()
        if not self._same_origin(request):
            raise web.HTTPForbidden()
        limits = self.config.limits
        if (
            sum(r.user == user for r in self.running) >= limits.per_person
            or len(self.running) >= limits.total
        ):
            self._log("server-full", user, request)
            raise web.HTTPServiceUnavailable(
                text=pages.notice(self.config.lang, "serve.full"), content_type="text/html"
            )
        return await self._run_app(request, user)

    def _argv(self, user: str) -> list[str]:
        uploads = ["--uploads", str(self.config.uploads)] if self.config.uploads else []
        return [
            sys.executable,
            "-m",
            "planner",
            "--data",
            str(self.config.root),
            "--user",
            user,
            "--lang",
            self.config.lang,
            "--served",
            *uploads,
        ]

    async def _run_app(self, request: web.Request, user: str) -> web.WebSocketResponse:
        from textual_serve.server import to_int

        websocket = web.WebSocketResponse(heartbeat=15)
        width = max(20, min(to_int(request.query.get("width", "80"), 80), 500))
        height = max(10, min(to_int(request.query.get("height", "24"), 24), 300))
        await websocket.prepare(request)
        app = PlannerApp(
            self._argv(user),
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=websocket.close,
            download_manager=self.download_manager,
        )
        running = Running(user, request.cookies.get(COOKIE, ""), app, websocket.close)
        self.running.append(running)
        try:
            await app.start(width, height)
            await self._process_messages(websocket, app)
        except asyncio.CancelledError:
            with contextlib.suppress(Exception):
                await websocket.close()
        except Exception as error:  # one tab's failure never stops the server
            log.exception(error)
        finally:
            # aiohttp cancels a handler whose browser has gone: the ending runs as a task of its
            # own, so the app's process is always waited for and let go of.
            ending = asyncio.ensure_future(self._end(running))
            self.ending.add(ending)
            ending.add_done_callback(self.ending.discard)
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.shield(ending)
        return websocket

    async def _end(self, running: Running) -> None:
        try:
            await _stop(running.app)
        finally:
            with contextlib.suppress(ValueError):
                self.running.remove(running)

    def _why_end(self, running: Running) -> str | None:
        """Why a running app must end now, if it must: left idle, its session signed out or
        expired, the password it was opened with changed or removed, or its person left."""
        if time.monotonic() - running.app.last_input > self.config.limits.idle_seconds:
            return "idle"
        if self.config.trust_header:
            return None if self._may_work(running.user) else "left"
        return None if self._session_user(running.cookie) == running.user else "session ended"

    async def _patrol(self) -> None:
        """End the apps that may not go on (`_why_end`), looking every LOOK_SECONDS."""
        while True:
            await asyncio.sleep(LOOK_SECONDS)
            for running in list(self.running):
                try:
                    why = self._why_end(running)
                except Exception as error:  # noqa: BLE001 - the patrol never stops
                    log.exception(error)
                    continue
                if why is not None:
                    self._log("app-ended", running.user, None, why)
                    with contextlib.suppress(Exception):
                        await running.close()

    def initialize_logging(self) -> None:
        """Plain lines on standard error: no tracebacks with their local variables (a password
        typed into the sign-in form is one)."""
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")

    async def on_startup(self, app: web.Application) -> None:
        self._patrol_task = asyncio.create_task(self._patrol())
        self.console.print(  # as it is: one line in a log, a folder's brackets no markup
            t("serve.started", self.config.lang, url=self.public_url, root=str(self.config.root)),
            markup=False,
            highlight=False,
            soft_wrap=True,
        )

    async def on_shutdown(self, app: web.Application) -> None:
        if self._patrol_task is not None:
            self._patrol_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._patrol_task


STOP_SECONDS = 5.0


async def _stop(app: PlannerApp) -> None:
    """Ask the app to quit and wait for its process to end; one that has not within STOP_SECONDS
    (still starting, or stuck) is killed. Then the task relaying its output is let go. (Not
    textual-serve's own `stop`: it waits for that task without a limit, and an app closed while
    it starts never answers.)"""
    process = app._process
    with contextlib.suppress(Exception):
        await app.send_meta({"type": "quit"})
    if process is not None:
        try:
            await asyncio.wait_for(process.wait(), STOP_SECONDS)
        except TimeoutError:
            with contextlib.suppress(ProcessLookupError):
                process.kill()
            await process.wait()
    task = app._task
    if task is not None:
        with contextlib.suppress(TimeoutError, asyncio.CancelledError, Exception):
            await asyncio.wait_for(asyncio.shield(task), 1.0)
        task.cancel()
        app._task = None
    transport = getattr(process, "_transport", None)  # its pipes, closed now, not by the collector
    if transport is not None:
        transport.close()


def serve(config: Config) -> None:
    """Run until Ctrl+C."""
    if not os.environ.get("PLANNER_SERVE_DEBUG"):
        logging.getLogger("aiohttp.access").setLevel(logging.WARNING)
    PlannerServer(config).serve()
