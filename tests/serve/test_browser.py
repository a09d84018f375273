"""`planner serve` in a real browser: headless Chromium (Debian's package, driven by Playwright with
the installed browser's path) signs in as a producer, sees the week view, opens a post and saves a
change; a second browser, signed in as another person, sees that save. What the browsers see is
read from the terminal stream the server sends each of them."""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FROZEN_NOW
from tests.serve.conftest import PASSWORDS

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="no Chromium installed (.ci/run installs Debian's chromium)"),
]
ESCAPES = re.compile(r"\x1b\[[0-9;?<>=$]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[()][0-9A-Za-z]")
WAIT = 60.0  # seconds a browser may take to show something (a busy machine); never a measure


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def server(team_server: Path, logins: Path, tmp_path: Path) -> Iterator[str]:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PLANNER_")}
    env.update(
        {"PLANNER_NOW": FROZEN_NOW, "PLANNER_LOGINS": str(logins), "PLANNER_CACHE": str(tmp_path / "cache")}
    )
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "planner",
            "serve",
            "--data",
            str(team_server),
            "--port",
            str(port),
            "--lang",
            "fi",
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        for _ in range(200):
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            if process.poll() is not None:
                raise AssertionError(
                    process.stdout.read().decode() if process.stdout else "the server stopped"
                )
            import time

            time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=20)


@contextlib.asynccontextmanager
async def chromium() -> AsyncIterator[Any]:
    """Headless Chromium (Debian's, driven by Playwright), closed however the test ends."""
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            yield browser
        finally:
            await browser.close()


class Screen:
    """What the server sent one browser's terminal, as text."""

    def __init__(self, page: Any) -> None:
        self.chunks: list[str] = []
        page.on("websocket", lambda ws: ws.on("framereceived", self._received))

    def _received(self, payload: str | bytes) -> None:
        self.chunks.append(payload if isinstance(payload, str) else payload.decode("utf-8", "replace"))

    @property
    def text(self) -> str:
        return ESCAPES.sub("", "".join(self.chunks))

    async def shows(self, words: str) -> None:
        for _ in range(int(WAIT * 10)):
            if words in self.text:
                return
            await asyncio.sleep(0.1)
        raise AssertionError(f"the browser never showed {words!r}; it showed: {self.text[-2000:]!r}")


async def _sign_in(browser: Any, url: str, user: str) -> tuple[Any, Screen]:
    """`browser` is a browser context of its own (its own cookies): a person at their machine."""
    page = await browser.new_page()
    screen = Screen(page)
    await page.goto(url)
    assert (
        await page.locator("form[action='/login']").count() == 1
        and await page.locator(".textual-terminal").count() == 0
    )
    await page.fill("#user", user)
    await page.fill("#password", PASSWORDS[user])
    await page.click("button[type=submit]")
    await page.wait_for_selector(".textual-terminal")
    return page, screen


async def test_two_people_in_two_browsers_see_each_others_saves(server: str) -> None:
    async with chromium() as browser:
        mine = await browser.new_context(viewport={"width": 1280, "height": 800})
        sanna, sanna_sees = await _sign_in(mine, server, "sanna")
        await sanna_sees.shows("Viikko 49")
        await sanna_sees.shows("Käyttäjä: sanna")
        await sanna_sees.shows("Joulutori")
        other = await browser.new_context(viewport={"width": 1280, "height": 800})
        mikko, mikko_sees = await _sign_in(other, server, "mikko")
        await mikko_sees.shows("Käyttäjä: mikko")

        # Sanna opens the post (the week's only one has the focus) and saves a change to it.
        await sanna.locator(".textual-terminal").click()
        await sanna.keyboard.press("Enter")
        await sanna_sees.shows("Tarkistuslista")
        await sanna.keyboard.type("Selaimesta: ")
        await sanna.keyboard.press("Control+s")
        await sanna_sees.shows("Tallennettu")

        # Mikko's week follows the saved post without a key pressed.
        await mikko_sees.shows("Selaimesta")


async def test_an_export_in_the_browser_is_a_download_and_no_file_on_the_server(
    server: str, team_server: Path
) -> None:
    """Served, the export dialog has no file field: the checklist comes to the browser as a
    download, and nothing is written beside the workspace."""
    async with chromium() as browser:
        context = await browser.new_context(viewport={"width": 1280, "height": 800}, accept_downloads=True)
        page, sees = await _sign_in(context, server, "sanna")
        await sees.shows("Joulutori")
        await page.locator(".textual-terminal").click()
        await page.keyboard.press("e")
        await sees.shows("ladataan selaimeesi")
        async with page.expect_download(timeout=WAIT * 1000) as waiting:
            await page.keyboard.press("Control+s")
        download = await waiting.value
        assert download.suggested_filename.startswith("tarkistuslista-")
        saved = await download.path()
        assert saved is not None and b"Joulutori" in Path(saved).read_bytes()
    assert not (team_server / "exports").exists()


async def test_the_results_report_is_downloaded_in_the_browser(server: str, team_server: Path) -> None:
    """In the browser the app is all a person has: before, the results report (what the accounts
    achieved, kept as evidence) could be made only on the command line."""
    async with chromium() as browser:
        context = await browser.new_context(viewport={"width": 1280, "height": 800}, accept_downloads=True)
        page, sees = await _sign_in(context, server, "sanna")
        await sees.shows("Joulutori")
        await page.locator(".textual-terminal").click()
        await page.keyboard.press("s")
        await sees.shows("Tulokset")
        await page.keyboard.press("e")
        await sees.shows("Tulosraportti")
        async with page.expect_download(timeout=WAIT * 1000) as waiting:
            await page.keyboard.press("Control+s")
        download = await waiting.value
        assert download.suggested_filename == "tulokset-2026-11-01-2026-11-30.html"
        saved = await download.path()
        assert saved is not None and "facebook-jarvelan-kaupunki" in Path(saved).read_text("utf-8")
    assert not (team_server / "exports").exists()


async def test_the_page_takes_the_keys_at_once_and_signs_out_on_screen_and_by_keys(server: str) -> None:
    """Keys did nothing until a click into the terminal, and nothing said so; there was no way to
    sign out; `q` showed an English "Session ended [Restart]" that restarted the app still signed in."""
    async with chromium() as browser:
        context = await browser.new_context(viewport={"width": 1280, "height": 800})
        page, sees = await _sign_in(context, server, "sanna")
        await sees.shows("Viikko 49")
        assert await page.get_attribute("html", "lang") == "fi"
        assert "Kirjautuneena: sanna" in await page.locator("#bar").inner_text()
        assert await page.locator("#sign-out").inner_text() == "Kirjaudu ulos"
        await page.keyboard.press("?")  # no click first
        await sees.shows("Näppäimet")
        assert await page.locator("#hint").is_hidden()
        await page.focus("#sign-out")  # the keys leave the terminal (Tab, say): it is said
        assert await page.locator("#hint").is_visible()
        await page.locator(".textual-terminal").click()
        assert await page.locator("#hint").is_hidden()
        await page.keyboard.press("?")  # the help closes (Esc then q at once would be Alt+Q)
        await page.keyboard.press("q")  # the app ends: the dialog in Finnish, sign-out first
        await page.wait_for_selector("body.-closed", timeout=WAIT * 1000, state="attached")
        assert "Kalenteri on suljettu" in await page.locator(".closed-dialog").inner_text()
        await page.wait_for_function("document.activeElement && document.activeElement.id === 'sign-out-now'")
        await page.keyboard.press("Enter")
        await page.wait_for_selector("form[action='/login']", timeout=WAIT * 1000)
        await page.goto(server)  # signed out: the page asks for a password again
        assert await page.locator("form[action='/login']").count() == 1


async def test_the_sign_out_button_ends_the_session(server: str) -> None:
    async with chromium() as browser:
        context = await browser.new_context(viewport={"width": 1280, "height": 800})
        page, sees = await _sign_in(context, server, "mikko")
        await sees.shows("Käyttäjä: mikko")
        await page.click("#sign-out")
        await page.wait_for_selector("form[action='/login']", timeout=WAIT * 1000)
        assert not [c for c in await context.cookies() if c["value"]]
        await page.goto(server)
        assert await page.locator(".textual-terminal").count() == 0
