"""What people must be able to trust (issue: verdicts, the audit trail, damage and hostile input),
each case driven through the real command line on a workspace of its own."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from planner.storage import audit
from planner.storage.workspace import WorkspaceStore
from tests.conftest import FROZEN_NOW, Run, fingerprint, write_doc
from tests.helpers import base_doc

ACCOUNT = "instagram-ylojarvi"
WRITER = ("--user", "a1")


def _data(root: Path) -> tuple[str, str]:
    return ("--data", str(root))


def _add(
    run: Run, root: Path, text: str = "Uusi #ylöjärvi", check: int | None = 0
) -> subprocess.CompletedProcess[str]:
    return run(
        "post",
        "add",
        "--account",
        ACCOUNT,
        "--at",
        "2026-12-03 09:00",
        "--text",
        text,
        *WRITER,
        *_data(root),
        check=check,
    )


# The audit trail ----------------------------------------------------------------------------------


def test_a_line_over_64_kib_keeps_the_chain(run: Run, workspace: Path) -> None:
    long_text = "Pitkä " + "ä" * 60_000 + " #ylöjärvi"  # the line is over 64 KiB in UTF-8
    _add(run, workspace, long_text)
    _add(run, workspace, "Seuraava #ylöjärvi")
    lines = (workspace / "calendars/audit.jsonl").read_bytes().splitlines()
    assert max(len(line) for line in lines) > 65536
    assert json.loads(lines[-1])["prev"] == json.loads(lines[-2])["hash"]  # chained to the long one
    run("audit", "verify", *_data(workspace), check=0)


def test_a_cut_tail_is_never_erased_by_the_next_write(run: Run, workspace: Path) -> None:
    log = workspace / "calendars/audit.jsonl"
    lines = log.read_bytes().splitlines(keepends=True)
    log.write_bytes(b"".join(lines[:-2]))  # the last two lines cut away
    run("audit", "verify", *_data(workspace), check=1)
    before = fingerprint(workspace)
    refused = _add(run, workspace, check=2)
    assert "planner doctor" in refused.stderr and refused.stderr.count("\n") == 1
    assert fingerprint(workspace) == before  # nothing written, the anchor not moved
    run("audit", "verify", *_data(workspace), check=1)  # still says broken
    told = run("doctor", *_data(workspace), check=1)
    assert "--reanchor" in told.stdout
    run("doctor", "--reanchor", "--user", "p1", *_data(workspace), check=1)  # admins only
    run("doctor", "--reanchor", *WRITER, *_data(workspace))
    verdict = run("audit", "verify", *_data(workspace), check=0)
    assert "re-anchored" in verdict.stdout and "a1" in verdict.stdout  # what was found stays visible
    _add(run, workspace)
    run("audit", "verify", *_data(workspace), check=0)
    last = json.loads(log.read_bytes().splitlines()[-2])
    assert last["action"] == "reanchor" and last["before"]["reason"] == "audit.cut"


@pytest.mark.parametrize(
    "damage",
    ["head-deleted", "head-garbage", "head-folder", "last-line-forged", "log-deleted"],
)
def test_any_damage_to_the_anchor_refuses_writes(run: Run, workspace: Path, damage: str) -> None:
    calendars = workspace / "calendars"
    head, log = calendars / audit.HEAD_FILE, calendars / audit.AUDIT_FILE
    if damage == "head-deleted":
        head.unlink()
    elif damage == "head-garbage":
        head.write_text("{", "utf-8")
    elif damage == "head-folder":
        head.unlink()
        head.mkdir()
    elif damage == "last-line-forged":
        lines = log.read_text("utf-8").splitlines(keepends=True)
        entry = json.loads(lines[-1])
        entry["user"] = "mallory"
        del entry["hash"]
        entry["hash"] = audit._digest(entry["prev"], entry)
        log.write_text("".join(lines[:-1]) + json.dumps(entry, ensure_ascii=False) + "\n", "utf-8")
    else:
        log.unlink()
    before = fingerprint(workspace)
    assert _add(run, workspace, check=2).stderr.count("\n") == 1
    assert fingerprint(workspace) == before
    assert "audit" in run("doctor", *_data(workspace), check=1).stdout


@pytest.mark.parametrize("damage", ["head-deleted", "head-garbage"])
def test_a_file_changed_behind_a_lost_anchor_is_never_read_as_in_order(
    run: Run, workspace: Path, damage: str
) -> None:
    """Deleting the anchor must not make a changed file pass as the planner's: with nothing to
    say what the files must hold, every reading is refused until an admin re-anchors knowingly
    (which needs no anchor to know who asks)."""
    _add(run, workspace, "Alkuperäinen #ylöjärvi")
    calendars = workspace / "calendars"
    account_file = calendars / f"{ACCOUNT}.json"
    account_file.write_text(account_file.read_text("utf-8").replace("Alkuperäinen", "Väärennetty"), "utf-8")
    head = calendars / audit.HEAD_FILE
    if damage == "head-deleted":
        head.unlink()
    else:
        head.write_text("{", "utf-8")
    for command in (("post", "list"), ("check",), ("export", "checklist", "--format", "json")):
        refused = run(*command, *_data(workspace), check=2)
        assert "Väärennetty" not in refused.stdout
        assert refused.stderr.count("\n") == 1 and "planner doctor" in refused.stderr
    run("doctor", "--reanchor", "--user", "p1", *_data(workspace), check=1)  # admins only
    done = run("doctor", "--reanchor", *WRITER, *_data(workspace), check=1)  # the fixture's modes remain
    assert "re-anchored" in done.stdout
    verdict = run("audit", "verify", *_data(workspace), check=0)
    assert "re-anchored" in verdict.stdout and "a1" in verdict.stdout
    assert "Väärennetty" in run("post", "list", *_data(workspace), check=0).stdout  # taken knowingly


def test_an_unwritable_log_refuses_the_save_before_anything_is_written(run: Run, workspace: Path) -> None:
    log = workspace / "calendars/audit.jsonl"
    log.unlink()
    log.mkdir()  # root could write any file: a folder in its place cannot be appended to
    before = fingerprint(workspace)
    done = _add(run, workspace, check=2)
    assert done.stderr.count("\n") == 1 and "nothing was saved" in done.stderr
    assert fingerprint(workspace) == before


def _audited_posts(root: Path) -> set[str]:
    created = set()
    for line in (root / "calendars/audit.jsonl").read_text("utf-8").splitlines():
        entry = json.loads(line)
        if entry["entity"] == "posts" and entry["action"] in ("create", "import"):
            created.add(entry["id"])
    return created


@pytest.mark.slow
@pytest.mark.parametrize(("command", "rounds"), [("post-add", 20), ("import", 10)])
def test_writers_killed_at_random_moments_leave_no_change_without_its_audit_line(
    run: Run, workspace: Path, tmp_path: Path, command: str, rounds: int
) -> None:
    """A writer killed at a random moment of its run (real processes, kill -9): afterwards (once
    anyone has opened the workspace again) every post is in the audit log, every audit line's post
    is there, and the chain verifies. Kills inside a commit, step by step, are made to happen by
    test_a_writer_stopped_dead_at_any_step_of_a_commit_is_finished_by_the_next."""
    import random
    import shutil
    import signal
    import time

    from planner.storage import journal

    rng = random.Random(20261201)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PLANNER_")}
    env.update({"PLANNER_NOW": FROZEN_NOW, "LANG": "en_US.UTF-8", "PLANNER_CACHE": "off"})
    if command == "import":
        doc = base_doc()
        for key in ("people", "accounts", "campaigns", "consents", "assets", "absences"):
            doc[key] = []
        doc["posts"] = [
            {
                "id": f"p-imp-{n:05d}",
                "account": ACCOUNT,
                "publish_at": "2026-12-03T09:00",
                "text": f"Tuotu {n} #ylöjärvi",
                "owner": "p1",
            }
            for n in range(2_000)
        ]
        write_doc(tmp_path / "big.json", doc)
    # Kills spread over the whole run of one command, its commit included.
    trial = Path(shutil.copytree(workspace, tmp_path / "trial"))
    started_at = time.monotonic()
    trial_args = (
        ["import", str(tmp_path / "big.json")]
        if command == "import"
        else ["post", "add", "--account", ACCOUNT, "--at", "2026-12-03 09:00", "--text", "Koe"]
    )
    subprocess.run(
        [sys.executable, "-m", "planner", *trial_args, *WRITER, *_data(trial)],
        env=env,
        check=True,
        capture_output=True,
    )
    duration = time.monotonic() - started_at
    landed = interrupted = 0
    pristine = Path(shutil.copytree(workspace, tmp_path / "pristine"))
    for number in range(rounds):
        if command == "import":  # each round imports into the workspace as it was: a whole commit
            shutil.rmtree(workspace)
            shutil.copytree(pristine, workspace)
            args = ["import", str(tmp_path / "big.json")]
        else:
            args = [
                "post",
                "add",
                "--account",
                ACCOUNT,
                "--at",
                "2026-12-03 09:00",
                "--text",
                f"Kill {number}",
            ]
        started = subprocess.Popen(
            [sys.executable, "-m", "planner", *args, *WRITER, *_data(workspace)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.05, duration * 1.1))
        started.send_signal(signal.SIGKILL)
        started.wait()
        interrupted += journal.pending(workspace / "calendars")
        store = WorkspaceStore(workspace)
        posts = set(store.load().posts)  # opening finishes an interrupted save, if one was begun
        audited = _audited_posts(workspace)
        assert posts - {"p-0001"} <= audited, "a change without its audit line"
        assert audited <= posts, "an audit line without its change"
        assert audit.verify(workspace / "calendars").ok
        landed += len(posts) > 1
    print(
        f"{command}: {interrupted} of {rounds} kills fell inside a commit, {landed} rounds had landed posts"
    )
    # Where the kills fell depends on the machine's speed; that the workspace takes the next
    # writer's change, whole and audited, after them does not.
    before = set(WorkspaceStore(workspace).load().posts)
    after_kills = subprocess.run(
        [sys.executable, "-m", "planner", *args, *WRITER, *_data(workspace)], env=env, capture_output=True
    )
    assert after_kills.returncode == 0, after_kills.stderr
    posts = set(WorkspaceStore(workspace).load().posts)
    if command == "import":  # the whole plan is there (a round that finished may have brought it)
        assert {f"p-imp-{n:05d}" for n in range(2_000)} <= posts
    else:
        assert posts > before
    assert posts - {"p-0001"} <= _audited_posts(workspace)
    assert audit.verify(workspace / "calendars").ok


# Damage -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "damage",
    [
        "team-emptied",
        "team-deleted",
        "team-folder",
        "library-deleted",
        "library-emptied",
        "account-deleted",
        "account-fifo",
    ],
)
def test_a_missing_or_emptied_file_is_damage_never_in_order(run: Run, workspace: Path, damage: str) -> None:
    calendars = workspace / "calendars"
    target = {
        "team": calendars / "team.json",
        "library": workspace / "assets/library.json",
        "account": calendars / f"{ACCOUNT}.json",
    }[damage.split("-")[0]]
    _add(run, workspace)  # a backup of every file exists
    good = target.read_bytes()
    if damage.endswith("emptied"):
        target.write_bytes(b"")
    elif damage.endswith("folder"):
        target.unlink()
        target.mkdir()
    elif damage.endswith("fifo"):
        target.unlink()
        os.mkfifo(target)
    else:
        target.unlink()
    for args in (("check",), ("post", "list"), ("person", "list"), ("asset", "list"), ("coverage",)):
        done = run(*args, *_data(workspace), check=2)
        assert target.name in done.stderr and "planner doctor" in done.stderr and done.stderr.count("\n") == 1
    _add(run, workspace, check=2)
    told = run("doctor", *_data(workspace), check=1)
    assert target.name in told.stdout
    run("doctor", "--repair", *_data(workspace), check=0)
    assert target.read_bytes() == good
    assert json.loads(run("post", "list", "--format", "json", *_data(workspace), check=0).stdout)


def test_an_account_id_that_slugs_to_another_is_refused_naming_both(
    run: Run, workspace: Path, tmp_path: Path
) -> None:
    doc = {
        "accounts": [
            {
                "id": "Instagram-Ylöjärvi",
                "platform": "instagram",
                "name": "Toinen",
                "admins": ["a1", "a2"],
                "owners": ["p1"],
            }
        ]
    }
    before = fingerprint(workspace)
    done = run("import", str(write_doc(tmp_path / "clash.json", doc)), *WRITER, *_data(workspace), check=2)
    assert "Instagram-Ylöjärvi" in done.stderr and ACCOUNT in done.stderr
    assert fingerprint(workspace) == before


# Hostile input ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        '{"posts": ' + "[" * 100_000 + "]" * 100_000 + "}",
        '{"organization": {"cadence_per_week": ' + "9" * 5000 + "}}",
        "\udcff",
    ],
    ids=["nested", "5000-digits", "not-utf8"],
)
def test_documents_that_break_parsers_get_one_line(
    run: Run, workspace: Path, tmp_path: Path, text: str
) -> None:
    path = tmp_path / "doc.json"
    path.write_bytes(text.encode("utf-8", "surrogateescape"))
    before = fingerprint(workspace)
    done = run("import", str(path), *WRITER, *_data(workspace), check=2)
    assert done.stderr.count("\n") == 1
    assert fingerprint(workspace) == before


@pytest.mark.parametrize(
    "args",
    [
        ("post", "add", "--account", ACCOUNT, "--at", "9999-12-31T23:59-12:00", "--text", "x"),
        ("post", "add", "--account", ACCOUNT, "--at", "9999-12-31 23:59", "--text", "x"),
        ("post", "add", "--account", ACCOUNT, "--at", "2026-12-03 09:00", "--text", "surrogate \udcff"),
        ("post", "add", "--account", "\udcff", "--at", "2026-12-03 09:00", "--text", "x"),
        ("person", "add", "p" * 300, "--name", "Pitkä", "--email", "pitka@ylojarvi.fi", "--role", "producer"),
        ("person", "edit", "p1", "--name", "Eve\rAino"),
        ("check", "--from", "9999-12-31"),
        ("coverage", "--to", "9999-12-31"),
        ("import", "/dev/zero"),
        ("absence", "import", "/dev/zero"),
        ("asset", "add", "/dev/zero"),
        ("import", "FIFO"),
        ("asset", "subtitles", "vid1", "FIFO.srt"),
        ("person", "add", " ", "--name", "Tyhjä", "--email", "tyhja@ylojarvi.fi", "--role", "producer"),
        ("absence", "add", "p1", "--from", "", "--to", "2026-12-10"),
        ("account", "edit", ACCOUNT, "--cadence", "²"),
        ("account", "edit", ACCOUNT, "--cadence", "9" * 5000),
        ("org", "set", "--cadence", "²"),
        ("org", "set", "--cadence", "9" * 5000),
        ("asset", "subtitles", "vid1", "ESCAPE.vtt"),
        ("asset", "subtitles", "vid1", "ESCAPE.srt"),
        ("post", "add", "--account", ACCOUNT, "--at", "28.3.2027 3.30", "--text", "Kevät #ylöjärvi"),
        ("post", "add", "--account", ACCOUNT, "--at", "ti 14.6.2027 9.00", "--text", "Väärä päivä #ylöjärvi"),
    ],
)
def test_hostile_arguments_get_one_clear_line_and_change_nothing(
    run: Run, workspace: Path, tmp_path: Path, args: tuple[str, ...]
) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    os.mkfifo(tmp_path / "pipe.srt")
    escaped = "00:00:00.500 --> 00:00:02.000\nTalvi \x1b[2J\x1b]0;owned\x07 tuli\n"
    (tmp_path / "escape.vtt").write_text("WEBVTT\n\n" + escaped, "utf-8")
    (tmp_path / "escape.srt").write_text("1\n" + escaped.replace(".", ","), "utf-8")
    named = {"FIFO": str(fifo), "FIFO.srt": str(tmp_path / "pipe.srt")}
    named |= {"ESCAPE.vtt": str(tmp_path / "escape.vtt"), "ESCAPE.srt": str(tmp_path / "escape.srt")}
    args = tuple(named.get(a, a) for a in args)
    before = fingerprint(workspace)
    done = run(*args, *WRITER, *_data(workspace), check=2)
    assert done.stderr.count("\n") == 1, done.stderr
    assert "\x1b" not in done.stderr and "\r" not in done.stderr
    assert fingerprint(workspace) == before


@pytest.mark.parametrize(
    ("command", "header", "row", "said"),
    [
        ("absence", "person;from;to", "p1;1.1.0001;31.12.9999", "not within the years 1900–9998"),
        ("absence", "person;from;to", "p1;2026-12-01;9999-12-31", "not within the years 1900–9998"),
        ("account", "platform;name;cadence", "facebook;Uusi tili;²", "is not 0–50 posts a week"),
        ("account", "platform;name;cadence", f"facebook;Uusi tili;{'9' * 5000}", "is not 0–50 posts a week"),
    ],
)
def test_a_sheet_with_a_date_or_number_nobody_could_mean_is_refused_naming_the_row(
    run: Run, workspace: Path, tmp_path: Path, command: str, header: str, row: str, said: str
) -> None:
    sheet = tmp_path / "lista.csv"
    sheet.write_text(f"{header}\n{row}\n", "utf-8")
    before = fingerprint(workspace)
    done = run(command, "import", str(sheet), *WRITER, *_data(workspace), check=2)
    assert "row 2" in done.stderr and said in done.stderr, done.stderr
    assert fingerprint(workspace) == before
    run("check", *_data(workspace))  # the workspace still reads


def test_a_post_in_the_last_plannable_year_exports_to_a_calendar(
    run: Run, workspace: Path, tmp_path: Path
) -> None:
    _add(run, workspace)
    post = run(
        "post",
        "add",
        "--account",
        ACCOUNT,
        "--at",
        "9998-12-31 23:59",
        "--text",
        "Kaukana #ylöjärvi",
        *WRITER,
        *_data(workspace),
        check=0,
    ).stdout.strip()
    run("export", "ics", "-o", str(tmp_path / "f.ics"), *_data(workspace), check=0)
    assert post.encode() in (tmp_path / "f.ics").read_bytes()


def test_escapes_in_names_and_arguments_never_reach_the_terminal_raw(
    run: Run, workspace: Path, tmp_path: Path
) -> None:
    doc = base_doc()
    doc["organization"]["required_hashtags"] = ["#ylöjärvi\x1b[31m"]
    done = run("import", str(write_doc(tmp_path / "esc.json", doc)), *WRITER, *_data(workspace), check=2)
    assert "\x1b" not in done.stderr and "organization" in done.stderr
    refused = run("post", "list", "--account", "\x1b[2J\u202eevil", *_data(workspace), check=2)
    assert "\x1b" not in refused.stderr and "\u202e" not in refused.stderr and "\\x1b[2J" in refused.stderr
    csv = tmp_path / "rows.csv"
    csv.write_text("henkilö;alku;loppu\n\x1b[31mp1;2027-01-01;2027-01-02\n", "utf-8")
    rows = run("absence", "import", str(csv), *WRITER, *_data(workspace), check=2)
    assert "\x1b" not in rows.stderr and "\\x1b" in rows.stderr


def test_a_file_given_by_mistake_is_not_echoed_line_by_line(
    run: Run, workspace: Path, tmp_path: Path
) -> None:
    secret = tmp_path / "shadow"
    secret.write_text(
        "".join(f"user{n}:$6$verysecrethash{n}:19000:0:99999:7:::\n" for n in range(50)), "utf-8"
    )
    done = run("absence", "import", str(secret), *WRITER, *_data(workspace), check=2)
    assert done.stderr.count("\n") == 1 and "verysecrethash" not in done.stderr


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to run the planner as another user")
def test_an_unreadable_data_file_is_one_line_for_another_user(workspace: Path) -> None:
    """As a member of the team who cannot read one file (mode 000): one line, exit 2."""
    import shutil
    import tempfile

    shared = Path(tempfile.mkdtemp(prefix="planner-shared-"))  # a folder another user can reach
    os.chmod(shared, 0o755)
    workspace = Path(shutil.copytree(workspace, shared / "ws"))
    (workspace / "calendars" / f"{ACCOUNT}.json").chmod(0)
    for path in [workspace, *workspace.rglob("*")]:
        if path.is_dir():
            os.chmod(path, 0o777)
        elif path.name != f"{ACCOUNT}.json":
            os.chmod(path, 0o666)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PLANNER_")}
    env.update({"PLANNER_NOW": FROZEN_NOW, "LANG": "en_US.UTF-8", "PLANNER_CACHE": "off"})
    done = subprocess.run(
        [
            "setpriv",
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            sys.executable,
            "-m",
            "planner",
            "check",
            *_data(workspace),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    shutil.rmtree(shared)
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "Permission denied" in done.stderr


# Modes, exports, pipes ------------------------------------------------------------------------------


def test_every_file_and_folder_the_planner_makes_is_the_teams_whatever_the_umask(
    run: Run, tmp_path: Path
) -> None:
    root = tmp_path / "demo"
    old = os.umask(0o077)  # the strictest a person's shell may set
    try:
        run("init", str(root), "--demo", check=0)
        run(
            "post",
            "add",
            "--account",
            "x-jarvelan-kaupunki",
            "--at",
            "2026-12-09 09:00",
            "--text",
            "x",
            "--user",
            "aino",
            *_data(root),
            check=0,
        )
    finally:
        os.umask(old)
    for path in [root / "calendars", root / "assets", *root.rglob("*")]:
        mode = stat.S_IMODE(path.lstat().st_mode)
        assert mode == (0o770 if path.is_dir() else 0o660), (path, oct(mode))


def test_a_closed_pipe_ends_the_listing_quietly(workspace: Path) -> None:
    env = {**os.environ, "PLANNER_NOW": FROZEN_NOW, "LANG": "en_US.UTF-8"}
    for number in range(3):
        subprocess.run(
            [
                sys.executable,
                "-m",
                "planner",
                "post",
                "add",
                "--account",
                ACCOUNT,
                "--at",
                "2026-12-03 09:00",
                "--text",
                f"Rivi {number} " * 40,
                *WRITER,
                *_data(workspace),
            ],
            env=env,
            check=True,
            capture_output=True,
        )
    done = subprocess.run(
        f"{sys.executable} -m planner post list --data {workspace} | head -c 1 >/dev/null",
        shell=True,
        capture_output=True,
        text=True,
        env=env,
    )
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr and done.stderr == ""


@pytest.mark.parametrize("step", ["journal", "audit", "moved instagram-ylojarvi.json", "moved"])
@pytest.mark.parametrize("posts", [1, 2_000])
def test_a_writer_stopped_dead_at_any_step_of_a_commit_is_finished_by_the_next(
    workspace: Path, step: str, posts: int
) -> None:
    """A writer killed (os._exit: no cleanup, as after kill -9) right after each step of a commit,
    of one post or of a large import: the next process to open the workspace finishes it, so the
    posts are there with their audit lines, and the files are what the record says."""
    from planner.domain.model import Post
    from planner.storage import journal

    lines_before = len((workspace / "calendars/audit.jsonl").read_bytes().splitlines())
    pid = os.fork()
    if pid == 0:

        def stop(reached: str) -> None:
            if reached == step:
                os._exit(9)

        journal._reached = stop
        store = WorkspaceStore(workspace)
        with store.transaction("a1", lambda _: "2026-12-01T10:00") as unit:
            for number in range(posts):
                unit.put("posts", Post(f"p-kill-{number}", ACCOUNT, text="Tapettu #ylöjärvi"))
        os._exit(0)
    _, status = os.waitpid(pid, 0)
    assert os.WEXITSTATUS(status) == 9  # it did stop at that step
    assert journal.pending(workspace / "calendars")
    loaded = WorkspaceStore(workspace).load()  # a reader finishes the commit
    assert {f"p-kill-{n}" for n in range(posts)} <= set(loaded.posts)
    assert not journal.pending(workspace / "calendars")
    assert {f"p-kill-{n}" for n in range(posts)} <= _audited_posts(workspace)
    assert len((workspace / "calendars/audit.jsonl").read_bytes().splitlines()) == lines_before + posts
    assert audit.verify(workspace / "calendars").ok
    assert not list((workspace / "calendars").glob(".*.tmp"))
