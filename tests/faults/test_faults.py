"""Fault tests: several writers at once, writers killed mid-write, a lock held elsewhere, damaged
files. The slow ones are marked `slow` (run them alone with `pytest -m slow`); CI runs them all."""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from planner.domain.model import Post
from planner.services import ids
from planner.services.ids import new_id
from planner.storage import audit, doctor
from planner.storage.workspace import WorkspaceStore, account_file_name
from tests.conftest import FROZEN_NOW, Run, fingerprint
from tests.helpers import is_new_id

ACCOUNT = "instagram-ylojarvi"


def _insert_many(root: str, writer: str, count: int) -> None:
    """One process adding `count` posts, one transaction each, through the storage layer."""
    store = WorkspaceStore(Path(root))
    for number in range(count):
        with store.transaction(writer, lambda _: "2026-12-01T10:00") as unit:
            post = Post(new_id("p", unit.base.posts), ACCOUNT, text=f"{writer} {number} #ylöjärvi")
            unit.put("posts", post)


@pytest.mark.slow
def test_two_processes_inserting_200_posts_each_lose_nothing(workspace: Path) -> None:
    before = set(WorkspaceStore(workspace).load().posts)
    context = multiprocessing.get_context("spawn")
    writers = [context.Process(target=_insert_many, args=(str(workspace), f"w{n}", 200)) for n in (1, 2)]
    for process in writers:
        process.start()
    for process in writers:
        process.join(300)
        assert process.exitcode == 0
    posts = WorkspaceStore(workspace).load().posts
    added = [p for pid, p in posts.items() if pid not in before]
    assert len(added) == 400 and len({p.id for p in added}) == 400
    assert sorted(p.text.split()[0] for p in added).count("w1") == 200
    verdict = audit.verify(workspace / "calendars")
    assert verdict.ok and verdict.lines >= 400


@pytest.mark.slow
def test_parallel_post_add_commands_all_land(workspace: Path) -> None:
    env = {**os.environ, "PLANNER_NOW": FROZEN_NOW, "LANG": "en_US.UTF-8", "PLANNER_LOCK_TIMEOUT": "60"}
    command = [
        sys.executable,
        "-m",
        "planner",
        "post",
        "add",
        "--account",
        ACCOUNT,
        "--at",
        "2026-12-03 09:00",
        "--user",
        "p1",
        "--data",
        str(workspace),
        "--text",
    ]
    running = [
        subprocess.Popen(
            [*command, f"Rinnakkain {n} #ylöjärvi"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(24)
    ]
    printed = []
    for process in running:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        printed.append(out.strip())
    assert len(set(printed)) == 24  # every command got its own id
    texts = [p.text for p in WorkspaceStore(workspace).load().posts.values()]
    assert sorted(t for t in texts if t.startswith("Rinnakkain")) == sorted(
        f"Rinnakkain {n} #ylöjärvi" for n in range(24)
    )
    assert audit.verify(workspace / "calendars").ok


def test_two_clones_of_a_workspace_hand_out_different_ids(run: Run, workspace: Path, tmp_path: Path) -> None:
    """A laptop copy and the shared folder, both adding in the same frozen second: the ids differ,
    so the two calendars can be put back together without one post replacing the other."""
    clone = tmp_path / "kopio"
    shutil.copytree(workspace, clone)
    added = {}
    for root in (workspace, clone):
        for kind, args in (
            ("p", ("post", "add", "--account", ACCOUNT, "--at", "2026-12-03 09:00", "--text", "Hei")),
            ("a", ("absence", "add", "p2", "--from", "2026-12-09", "--to", "2026-12-10")),
            ("c", ("consent", "add", "--subject", "Henkilö H", "--scope", "*")),
        ):
            done = run(*args, "--user", "a1" if kind == "a" else "p1", "--data", str(root), check=0)
            added.setdefault(kind, []).append(done.stdout.strip())
    for kind, (here, there) in added.items():
        assert here != there and is_new_id(here, kind) and is_new_id(there, kind)


def test_new_ids_sort_by_creation_and_skip_taken_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ids.time, "time", lambda: 1_800_000_000)
    earlier = ids.new_id("p")
    monkeypatch.setattr(ids.time, "time", lambda: 1_800_000_001)
    later = ids.new_id("p")
    assert earlier[:8] < later[:8]
    draws = iter([7, 7, 8])
    monkeypatch.setattr(ids.secrets, "randbits", lambda bits: next(draws))
    first = ids.new_id("p")
    assert ids.new_id("p", {first}) != first and next(draws, None) is None  # drew again past the taken one


def _rewrite_forever(root: str) -> None:
    """The victim: rewrites one post again and again, each time with the next number."""
    store = WorkspaceStore(Path(root))
    while True:
        with store.transaction("p1", lambda _: "2026-12-01T10:00") as unit:
            post = unit.base.posts["p-0001"]
            number = _number(post.text) + 1
            unit.put("posts", replace(post, text=f"versio {number} #ylöjärvi"))
            unit.put("posts", Post(f"p-k{number:05d}", ACCOUNT, text="lisätty #ylöjärvi"))


def _number(text: str) -> int:
    return int(text.split()[1]) if text.startswith("versio") else 0


@pytest.mark.slow
def test_200_writers_killed_mid_write_leave_every_file_whole(workspace: Path) -> None:
    store = WorkspaceStore(workspace)
    seen = 0
    rng = random.Random(20261201)
    for _ in range(200):
        pid = os.fork()
        if pid == 0:  # the child writes until it is killed
            try:
                _rewrite_forever(str(workspace))
            finally:
                os._exit(0)
        time.sleep(rng.uniform(0.0, 0.03))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        for path in store.data_files():  # every file parses, records and all: the old or the new state
            store.verify_file(path)
        number = _number(store.load().posts["p-0001"].text)
        assert number >= seen  # never an older version than one already seen
        seen = number
    assert seen > 0  # the writers did get work done between the kills
    with store.transaction("p1", lambda _: "2026-12-01T10:00"):
        pass  # the lock is free again: the kernel let go of it with each killed writer
    assert not list((workspace / "calendars").glob(".*.tmp"))  # leftovers cleaned under the lock
    assert audit.verify(workspace / "calendars").ok  # a torn last line is dropped, never chained


@pytest.fixture
def holder(workspace: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the workspace's lock (until the test ends)."""
    held = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from planner.storage.files import locked\n"
            "with locked(Path(sys.argv[1])):\n    print('held', flush=True); time.sleep(30)",
            str(workspace / "calendars"),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert held.stdout is not None and held.stdout.readline().strip() == "held"
        yield held
    finally:
        held.kill()
        held.wait()


def test_a_lock_held_elsewhere_times_out_naming_its_holder_and_writes_nothing(
    run: Run, workspace: Path, holder: subprocess.Popen[str]
) -> None:
    before = fingerprint(workspace)
    done = run(
        "post",
        "add",
        "--account",
        ACCOUNT,
        "--at",
        "2026-12-03 09:00",
        "--text",
        "Odottaa #ylöjärvi",
        "--user",
        "p1",
        "--data",
        str(workspace),
        env={"PLANNER_LOCK_TIMEOUT": "1"},
    )
    assert done.returncode == 2 and f"pid {holder.pid}" in done.stderr and "nothing was saved" in done.stderr
    assert fingerprint(workspace) == before
    doctor_says = run("doctor", "--data", str(workspace), check=1)
    assert f"pid {holder.pid}" in doctor_says.stdout
    holder.kill()
    holder.wait()
    run(
        "post",
        "add",
        "--account",
        ACCOUNT,
        "--at",
        "2026-12-03 09:00",
        "--text",
        "Nyt #ylöjärvi",
        "--user",
        "p1",
        "--data",
        str(workspace),
        check=0,
    )


def test_a_live_writers_lock_on_this_host_is_never_broken(
    run: Run, workspace: Path, holder: subprocess.Popen[str]
) -> None:
    """Breaking a lock whose holder still runs here would let a second writer in beside it, and an
    acknowledged save be lost: refused, with --yes too."""
    for args in (("--break-lock",), ("--break-lock", "--yes")):
        refused = run("doctor", *args, "--data", str(workspace), check=1)
        assert "not broken" in refused.stderr and f"pid {holder.pid}" in refused.stderr
        assert (workspace / "calendars/.workspace.lock.owner").exists()
    assert holder.poll() is None  # the writer is still there, and still holds it
    done = run(
        "post",
        "add",
        "--account",
        ACCOUNT,
        "--at",
        "2026-12-03 09:00",
        "--text",
        "Odottaa #ylöjärvi",
        "--user",
        "p1",
        "--data",
        str(workspace),
        env={"PLANNER_LOCK_TIMEOUT": "0.5"},
    )
    assert done.returncode == 2  # still waits for the holder, as it must


def test_a_lock_from_another_machine_is_broken_only_when_a_person_says_so(
    run: Run, workspace: Path, holder: subprocess.Popen[str]
) -> None:
    owner = workspace / "calendars/.workspace.lock.owner"
    owner.write_text("kaisa@toinen-kone pid 4242 2026-12-01 09:00:00", "utf-8")  # held on a network drive
    refused = subprocess.run(
        [sys.executable, "-m", "planner", "doctor", "--break-lock", "--data", str(workspace)],
        input="n\n",
        capture_output=True,
        text=True,
        env={**os.environ, "LANG": "en_US.UTF-8"},
        timeout=60,
    )
    assert refused.returncode == 1 and "Break the lock" in refused.stdout
    assert owner.exists()  # nothing broken without a yes
    agreed = run("doctor", "--break-lock", "--yes", "--data", str(workspace))
    assert "Lock broken" in agreed.stdout and "toinen-kone" in agreed.stdout
    assert not owner.exists()


def test_two_edits_from_the_same_revision_meet_a_conflict(run: Run, workspace: Path) -> None:
    data = ("--data", str(workspace), "--user", "a1")
    revision = json.loads(run("post", "list", "--format", "json", *data).stdout)[0]["revision"]
    run("post", "edit", "p-0001", "--title", "Ensimmäinen", "--revision", str(revision), *data, check=0)
    before = fingerprint(workspace)
    late = run("post", "edit", "p-0001", "--title", "Toinen", "--revision", str(revision), *data, check=1)
    assert f"revision {revision} → {revision + 1}" in late.stderr and "nothing was saved" in late.stderr
    assert fingerprint(workspace) == before
    assert json.loads(run("post", "list", "--format", "json", *data).stdout)[0]["title"] == "Ensimmäinen"


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[: len(raw) // 2],  # truncated
        lambda raw: raw + b"\x00" * 4096,  # NUL-padded, as after a crash on some file systems
        lambda raw: raw.replace(b'"posts"', b'"posts" "', 1),  # invalid JSON
        lambda raw: raw.replace("ylöjärvi".encode(), b"yl\xf6j\xe4rvi", 1),  # Latin-1, not UTF-8
        lambda raw: b'["not", "a", "database"]',  # the wrong shape
        lambda raw: raw.replace(b'"account":"instagram-ylojarvi"', b'"account":42', 1),  # a bad record
    ],
    ids=["truncated", "nul-padded", "invalid-json", "not-utf8", "wrong-shape", "bad-record"],
)
def test_a_damaged_file_is_never_overwritten_and_doctor_puts_back_its_backup(
    run: Run, workspace: Path, damage: object
) -> None:
    data = ("--data", str(workspace))
    path = workspace / "calendars" / account_file_name(ACCOUNT)
    run("post", "edit", "p-0001", "--title", "Viimeisin hyvä", "--user", "a1", *data, check=0)
    damaged = damage(path.read_bytes())  # type: ignore[operator]
    path.write_bytes(damaged)
    for args in (
        ("check",),
        ("post", "add", "--account", ACCOUNT, "--at", "2026-12-03 09:00", "--text", "x", "--user", "p1"),
    ):
        done = run(*args, *data)
        assert done.returncode == 2 and str(path) in done.stderr and "planner doctor" in done.stderr
        assert path.read_bytes() == damaged  # never overwritten
    told = run("doctor", *data, check=1)
    assert str(path) in told.stdout and ".backups" in told.stdout
    run("doctor", "--repair", *data, check=0)
    assert [p.read_bytes() for p in (workspace / "calendars/.corrupt").iterdir()] == [damaged]  # kept aside
    titles = json.loads(run("post", "list", "--format", "json", *data, check=0).stdout)
    assert titles[0]["title"] == "Viimeisin hyvä"  # the newest good version is back
    assert doctor.diagnose(WorkspaceStore(workspace)) == []


def test_a_person_or_an_asset_changed_meanwhile_is_not_overwritten(run: Run, workspace: Path) -> None:
    data = ("--data", str(workspace), "--user", "a1")
    run("person", "edit", "p1", "--name", "Pekka Ensin", "--revision", "1", *data, check=0)
    late = run("person", "edit", "p1", "--name", "Pekka Myöhemmin", "--revision", "1", *data, check=1)
    assert "Person p1 was changed meanwhile" in late.stderr
    run("asset", "edit", "img1", "--alt", "Ensimmäinen kuvaus.", "--revision", "1", *data, check=0)
    late = run("asset", "edit", "img1", "--alt", "Myöhempi kuvaus.", "--revision", "1", *data, check=1)
    assert "Asset img1 was changed meanwhile" in late.stderr
    people = json.loads(run("person", "list", "--format", "json", *data, check=0).stdout)
    assert next(p for p in people if p["id"] == "p1")["name"] == "Pekka Ensin"
