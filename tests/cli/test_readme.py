"""The README's command blocks run as written, so the page a new team follows cannot drift from the
product (its server section once began with `login set` before anyone had been added).

Each ```sh block runs in bash, in order, in one home folder of its own (so `~/some` and `~/jarvela`
are fresh), with the installed `planner` first on the path and the clock pinned. A command whose
comment says `(exit N)` must end with N; every other command with 0. The server block runs from the
repository (it uses `.venv/bin/planner`) with `/srv` inside the home folder, the password typed on
standard input, and its last line, `planner serve`, on a free port until the sign-in page answers.
The unlabelled Quickstart block is the two commands CI runs (`.ci/run`), and is checked against it."""

from __future__ import annotations

import os
import re
import shlex
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.MULTILINE | re.DOTALL)
EXPECTED_EXIT = re.compile(r"#[^\"']*\(exit (\d+)[^)]*\)\s*$")
RUN, SHOWN = {"sh"}, {"ini", "nginx", "json"}  # run by this test; shown only (files, not commands)


def blocks() -> list[tuple[str, str]]:
    return [(match.group(1), match.group(2)) for match in FENCE.finditer(README.read_text("utf-8"))]


def commands(block: str) -> list[str]:
    """The block's commands, a line continued with `\\` joined to the next."""
    joined = re.sub(r"\\\n\s*", " ", block)
    return [line for line in joined.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def checked_script(block: str) -> str:
    """The block as a bash script that stops at the first command ending otherwise than its comment says."""
    lines = []
    for number, command in enumerate(commands(block), start=1):
        found = EXPECTED_EXIT.search(command)
        expected = int(found.group(1)) if found else 0
        lines.append(command)
        told = shlex.quote(f"README command {number}: {command.strip()[:100]}")
        lines.append(
            f'rc=$?; if [ "$rc" -ne {expected} ]; then echo {told}": exit $rc, not {expected}" >&2; exit 99; fi'
        )
    return "\n".join(lines) + "\n"


def environment(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PLANNER_", "XDG_"))}
    env.update(
        HOME=str(home),
        PATH=f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}",
        PLANNER_NOW="2026-12-01 10:00",
        LANG="fi_FI.UTF-8",
    )
    return env


def test_the_quickstart_is_what_ci_runs_and_every_other_block_is_labelled() -> None:
    found = blocks()
    assert found[0][0] == "", "the first block is the Quickstart"
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    for command in commands(found[0][1]):
        assert command.strip() in ci, command
    assert {label for label, _ in found[1:]} <= RUN | SHOWN


def test_the_readmes_command_blocks_run_as_written(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = environment(home)
    ran = 0
    for label, block in blocks()[1:]:
        if label != "sh":
            continue
        if "planner serve" in block:
            _run_the_server_block(block, home, env)
        else:
            done = subprocess.run(
                ["bash", "-c", checked_script(block)],
                cwd=home,
                env=env,
                capture_output=True,
                text=True,
                timeout=240,
            )
            assert done.returncode == 0, (done.stderr[-2000:], done.stdout[-1000:])
        ran += 1
    assert ran >= 4  # starting your own, the demo walk, the auditors' exports, the server


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _run_the_server_block(block: str, home: Path, env: dict[str, str]) -> None:
    block = block.replace("/srv/", f"{home}/srv/")
    *setup, serve = commands(block)
    assert "planner serve" in serve, "the server block ends by serving"
    done = subprocess.run(
        ["bash", "-c", checked_script("\n".join(setup))],
        cwd=ROOT,
        env=env,
        input="Salasana-joka-kelpaa-2026\n",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    exports = [line for line in setup if line.startswith("export ")]
    port = _free_port()
    script = "\n".join([*exports, f"exec {serve.split('#')[0].strip()} --port {port}"])
    server = subprocess.Popen(
        ["bash", "-c", script], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as answer:
                    assert answer.status == 200
                    assert "Kirjaudu" in answer.read().decode("utf-8")
                    break
            except OSError:
                assert server.poll() is None, server.communicate()[1][-2000:]
                assert time.monotonic() < deadline, "the server did not answer"
                time.sleep(0.3)
    finally:
        server.terminate()
        server.wait(timeout=20)
