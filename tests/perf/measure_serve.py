"""Measure `planner serve`: the time from pressing *Sign in* to the painted week in the browser,
and the memory of each signed-in session's app, on a workspace of your choice (the README's figures
are from `python -m tools.bench generate --scale city`). Not a test: run it by hand.

    .venv/bin/python tests/perf/measure_serve.py WORKSPACE PERSON [--runs 5]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ESCAPES = re.compile(r"\x1b\[[0-9;?<>=$]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)")
PASSWORD = "mittaus-salasana-1"


def _children_rss(pid: int) -> list[int]:
    """Resident memory (KiB) of the server's app processes."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        if f"PPid:\t{pid}\n" in status and "--user" in (entry / "cmdline").read_text().replace("\0", " "):
            found.append(int(re.search(r"VmRSS:\s+(\d+)", status).group(1)))  # type: ignore[union-attr]
    return found


def _text(payload: str | bytes) -> str:
    return payload if isinstance(payload, str) else payload.decode("utf-8", "replace")


async def main() -> None:
    from playwright.async_api import async_playwright

    parser = argparse.ArgumentParser()
    parser.add_argument("workspace")
    parser.add_argument("person")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--title", default="Viikko")
    args = parser.parse_args()
    private = Path(tempfile.mkdtemp())
    env = {**os.environ, "PLANNER_LOGINS": str(private / "logins.json")}
    planner = [sys.executable, "-m", "planner"]
    subprocess.run(
        [*planner, "login", "set", args.person, "--data", args.workspace, "--user", args.person],
        input=PASSWORD + "\n",
        text=True,
        env=env,
        check=True,
    )
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [*planner, "serve", "--data", args.workspace, "--port", str(port), "--lang", "fi"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    await asyncio.sleep(3)
    times, memory = [], []
    try:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(
                executable_path=shutil.which("chromium"), args=["--no-sandbox"]
            )
            for _ in range(args.runs):
                context = await browser.new_context(viewport={"width": 1280, "height": 800})
                page = await context.new_page()
                chunks: list[str] = []
                page.on(
                    "websocket",
                    lambda ws, into=chunks: ws.on("framereceived", lambda p: into.append(_text(p))),
                )
                await page.goto(f"http://127.0.0.1:{port}/")
                await page.fill("#user", args.person)
                await page.fill("#password", PASSWORD)
                start = time.monotonic()
                await page.click("button[type=submit]")
                while args.title not in ESCAPES.sub("", "".join(chunks)) or "Tahti" not in ESCAPES.sub(
                    "", "".join(chunks)
                ):
                    await asyncio.sleep(0.01)
                times.append(time.monotonic() - start)
                await asyncio.sleep(2)
                memory.append(max(_children_rss(server.pid), default=0) / 1024)
                await context.close()
                await asyncio.sleep(1)
            await browser.close()
    finally:
        server.terminate()
        server.wait()
    print(
        f"sign-in to painted week: median {statistics.median(times) * 1000:.0f} ms over {len(times)} runs "
        f"({', '.join(f'{t * 1000:.0f}' for t in times)})"
    )
    print(f"memory of one session's app: median {statistics.median(memory):.0f} MB")


if __name__ == "__main__":
    asyncio.run(main())
