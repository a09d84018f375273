"""Damage made outside the planner is never "in order" (issue: trust, third round): a data file
replaced, rolled back, swapped or changed by a byte; a journal, a lock, its note or a backup that
is not what it should be; an audit log that lost its newline, its lines or its anchor, or holds a
key twice; a cache folder that is a link. Each is named, nothing is written over it, and
`planner doctor --repair` puts back what the record names, saying what it did."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from planner.storage import audit
from tests.conftest import FROZEN_NOW, Run, fingerprint, make_media

ACCOUNT = "instagram-ylojarvi"
WRITER = ("--user", "a1")


def _data(root: Path) -> tuple[str, str]:
    return ("--data", str(root))


def _add(run: Run, root: Path, text: str = "Uusi #ylöjärvi", check: int | None = 0) -> str:
    done = run(
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
    return done.stdout.strip()


def _second_account(run: Run, root: Path) -> None:
    run(
        "account", "add", "--platform", "facebook", "--name", "Ylöjärvi", "--admin", "a1", "a2",
        "--owner", "p1", *WRITER, *_data(root), check=0,
    )  # fmt: skip


def _posts(run: Run, root: Path) -> int:
    return len(json.loads(run("post", "list", "--format", "json", *_data(root), check=0).stdout))


@pytest.mark.parametrize(
    "damage",
    ["team-object", "library-object", "swapped", "rolled-back", "byte", "team-from-another-workspace"],
)
def test_a_file_that_is_not_what_the_record_says_is_damage_and_repair_puts_back_the_right_one(
    run: Run, workspace: Path, tmp_path: Path, damage: str
) -> None:
    calendars = workspace / "calendars"
    _second_account(run, workspace)
    _add(run, workspace, "Ensimmäinen #ylöjärvi")
    _add(run, workspace, "Toinen #ylöjärvi")
    posts_before = _posts(run, workspace)
    good = {p: p.read_bytes() for p in [*calendars.glob("*.json"), workspace / "assets/library.json"]}
    insta, facebook = calendars / f"{ACCOUNT}.json", calendars / "facebook-ylojarvi.json"
    if damage == "team-object":
        named = calendars / "team.json"
        named.write_text("{}", "utf-8")
    elif damage == "library-object":
        named = workspace / "assets/library.json"
        named.write_text("{}", "utf-8")
    elif damage == "swapped":
        named = insta
        insta.write_bytes(good[facebook])
        facebook.write_bytes(good[insta])
    elif damage == "rolled-back":
        named = insta
        insta.write_bytes((calendars / ".backups" / f"{insta.name}.3").read_bytes())
    elif damage == "byte":
        named = insta
        insta.write_bytes(good[insta].replace(b"Toinen", b"Toimen"))
    else:
        named = calendars / "team.json"
        other = tmp_path / "other"
        run("init", str(other), "--name", "Muu kunta", check=0)
        named.write_bytes((other / "calendars/team.json").read_bytes())
    damaged = fingerprint(workspace)
    for args in (("check",), ("post", "list"), ("person", "list"), ("asset", "list"), ("audit", "verify")):
        done = run(*args, *_data(workspace))
        if args != ("audit", "verify"):
            assert done.returncode == 2 and "planner doctor" in done.stderr, (args, done.stderr)
            assert done.stderr.count("\n") == 1
    _add(run, workspace, check=2)
    run(
        "person",
        "add",
        "x1",
        "--name",
        "Kuka",
        "--email",
        "x@y.fi",
        "--role",
        "admin",
        *_data(workspace),
        check=2,
    )
    assert fingerprint(workspace) == damaged  # nothing written over the damage, not even a first admin
    told = run("doctor", *_data(workspace), check=1)
    assert f"{named.name} is damaged" in told.stdout
    repaired = run("doctor", "--repair", *_data(workspace), check=0)
    assert "set aside" in repaired.stdout and "restored from" in repaired.stdout
    assert {p: p.read_bytes() for p in good} == good
    assert list((calendars / ".corrupt").iterdir())  # what was found is kept
    assert _posts(run, workspace) == posts_before
    run("audit", "verify", *_data(workspace), check=0)


def test_an_emptied_workspace_with_its_log_and_anchor_gone_takes_no_first_admin(
    run: Run, workspace: Path
) -> None:
    """Everything a person could delete to start over as the first admin with no identity: the team
    file replaced, the log and its anchor removed. The backups still tell that people worked here."""
    calendars = workspace / "calendars"
    (calendars / "team.json").write_text("{}", "utf-8")
    (calendars / audit.AUDIT_FILE).unlink()
    (calendars / audit.HEAD_FILE).unlink()
    done = run(
        "person", "add", "mallory", "--name", "M", "--email", "m@x.fi", "--role", "admin", *_data(workspace)
    )
    assert done.returncode in (1, 2) and "mallory" not in (calendars / "team.json").read_text("utf-8")
    assert run("audit", "verify", *_data(workspace)).returncode == 1


@pytest.mark.parametrize("damage", ["deleted", "emptied"])
def test_a_log_gone_with_its_anchor_is_never_intact(run: Run, workspace: Path, damage: str) -> None:
    calendars = workspace / "calendars"
    if damage == "deleted":
        (calendars / audit.AUDIT_FILE).unlink()
    else:
        (calendars / audit.AUDIT_FILE).write_bytes(b"")
    (calendars / audit.HEAD_FILE).unlink()
    done = run("audit", "verify", *_data(workspace), check=1)
    assert "intact" not in done.stdout


def test_a_log_without_its_last_newline_takes_the_next_line_on_a_line_of_its_own(
    run: Run, workspace: Path
) -> None:
    log = workspace / "calendars" / audit.AUDIT_FILE
    log.write_bytes(log.read_bytes().rstrip(b"\n"))
    _add(run, workspace)
    lines = log.read_bytes().splitlines()
    assert all(json.loads(line) for line in lines)
    assert json.loads(lines[-1])["prev"] == json.loads(lines[-2])["hash"]
    run("audit", "verify", *_data(workspace), check=0)


def test_a_line_with_a_key_twice_is_not_a_line(run: Run, workspace: Path) -> None:
    """Readers disagree on which value counts: the chain's hash covers one, a reader shows another."""
    _add(run, workspace)
    log = workspace / "calendars" / audit.AUDIT_FILE
    lines = log.read_bytes().splitlines(keepends=True)
    first = lines[0].decode("utf-8")
    lines[0] = first.replace('"user": ', '"user": "mallory", "user": ', 1).encode("utf-8")
    log.write_bytes(b"".join(lines))
    done = run("audit", "verify", *_data(workspace), check=1)
    assert "line 1" in done.stderr


def test_a_reanchored_log_is_said_to_hold_from_its_reanchoring_not_to_be_intact(
    run: Run, workspace: Path
) -> None:
    log = workspace / "calendars" / audit.AUDIT_FILE
    _add(run, workspace)
    lines = log.read_bytes().splitlines(keepends=True)
    log.write_bytes(b"".join(lines[:-1]))  # the last line cut away
    run("audit", "verify", *_data(workspace), check=1)
    run("doctor", "--reanchor", *WRITER, *_data(workspace), check=1)  # the other problems are still named
    verdict = run("audit", "verify", *_data(workspace), check=0)
    assert "intact" not in verdict.stdout
    assert (
        "re-anchored" in verdict.stdout
        and "a1" in verdict.stdout
        and "nothing before it is proven" in verdict.stdout
    )


JOURNAL_DAMAGE = ["garbage", "empty", "object", "folder", "fifo", "link", "cut", "bit-flipped", "json-list",
                  "path-outside", "checksum-only"]  # fmt: skip


def _journal(workspace: Path) -> Path:
    """A journal left by a writer killed right after writing it (a post add)."""
    from planner.domain.model import Post
    from planner.storage import journal
    from planner.storage.workspace import WorkspaceStore

    pid = os.fork()
    if pid == 0:

        def stop(reached: str) -> None:
            if reached == "journal":
                os._exit(9)

        journal._reached = stop
        with WorkspaceStore(workspace).transaction("a1", lambda _: "2026-12-01T10:00") as unit:
            unit.put("posts", Post("p-journal", ACCOUNT, text="Kesken #ylöjärvi"))
        os._exit(0)
    os.waitpid(pid, 0)
    return workspace / "calendars" / ".journal"


@pytest.mark.parametrize("damage", JOURNAL_DAMAGE)
def test_a_damaged_journal_is_set_aside_by_repair_and_the_workspace_recovers(
    run: Run, workspace: Path, tmp_path: Path, damage: str
) -> None:
    path = _journal(workspace)
    raw = path.read_bytes()
    path.unlink()
    if damage == "garbage":
        path.write_bytes(b"\x8b\x00 not a journal")
    elif damage == "empty":
        path.write_bytes(b"")
    elif damage == "object":
        path.write_text("{}", "utf-8")
    elif damage == "folder":
        path.mkdir()
    elif damage == "fifo":
        os.mkfifo(path)
    elif damage == "link":
        (tmp_path / "elsewhere").write_bytes(raw)
        path.symlink_to(tmp_path / "elsewhere")
    elif damage == "cut":
        path.write_bytes(raw[: len(raw) // 2])
    elif damage == "bit-flipped":
        flipped = bytearray(raw)
        flipped[len(flipped) // 2] ^= 0x04
        path.write_bytes(bytes(flipped))
    elif damage == "json-list":
        path.write_text("[1, 2, 3]", "utf-8")
    elif damage == "path-outside":
        found = json.loads(raw)
        found["body"]["files"][0]["path"] = "../../etc/passwd"
        from planner.storage.journal import _checksum

        found["sha256"] = _checksum(found["body"])
        path.write_text(json.dumps(found), "utf-8")
    else:
        found = json.loads(raw)
        found["sha256"] = "0" * 64
        path.write_text(json.dumps(found), "utf-8")
    done = run("post", "list", *_data(workspace), check=2)
    assert "planner doctor" in done.stderr and done.stderr.count("\n") == 1
    told = run("doctor", *_data(workspace), check=1)
    assert ".journal" in told.stdout
    repaired = run("doctor", "--repair", *_data(workspace), check=0)
    assert ".journal" in repaired.stdout and "set aside" in repaired.stdout
    assert run("post", "list", "--format", "json", *_data(workspace), check=0).stdout
    _add(run, workspace)
    run("audit", "verify", *_data(workspace), check=0)


def test_a_fifo_for_the_locks_note_never_hangs_a_writer_or_doctor(run_process: Run, workspace: Path) -> None:
    note = workspace / "calendars" / ".workspace.lock.owner"
    note.unlink(missing_ok=True)
    os.mkfifo(note)
    env = {"PLANNER_LOCK_TIMEOUT": "2"}
    done = run_process(
        "post", "add", "--account", ACCOUNT, "--at", "2026-12-03 09:00", "--text", "Fifo #ylöjärvi",
        *WRITER, *_data(workspace), env=env,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert run_process("doctor", *_data(workspace), env=env).returncode == 1  # it names the FIFO, at once
    run_process("doctor", "--repair", *_data(workspace), env=env, check=0)
    assert note.exists() is False or note.is_file()


@pytest.mark.parametrize("what", ["lock", "backup"])
def test_a_folder_where_a_lock_or_a_backup_belongs_blocks_nothing_after_repair(
    run: Run, workspace: Path, what: str
) -> None:
    calendars = workspace / "calendars"
    if what == "lock":
        target = calendars / ".workspace.lock"
        target.unlink(missing_ok=True)
        target.mkdir()
        _add(run, workspace, check=2)
    else:
        target = calendars / ".backups" / f"{ACCOUNT}.json.2"
        target.unlink(missing_ok=True)
        target.mkdir()
        _add(run, workspace)  # a backup is a help, never a condition
    told = run("doctor", *_data(workspace), check=1)
    assert "not a regular file" in told.stdout
    run("doctor", "--repair", *_data(workspace), check=0)
    assert not any(p.is_dir() for p in [target, *(calendars / ".backups").iterdir()])
    _add(run, workspace, "Korjattu #ylöjärvi")


def test_a_cache_folder_that_is_a_link_is_not_followed(run: Run, workspace: Path, tmp_path: Path) -> None:
    target = tmp_path / "somewhere-else"
    target.mkdir()
    os.chmod(target, 0o700)
    link = tmp_path / "cache-link"
    link.symlink_to(target)
    run("check", *_data(workspace), env={"PLANNER_CACHE": str(link)})
    assert list(target.iterdir()) == []
    shared = tmp_path / "shared-cache"
    shared.mkdir()
    os.chmod(shared, 0o777)  # a folder anyone may write: nothing of this user's goes there
    run("check", *_data(workspace), env={"PLANNER_CACHE": str(shared)})
    assert list(shared.iterdir()) == []


def test_two_writers_and_a_reader_meanwhile_never_see_damage(workspace: Path, run: Run) -> None:
    """A reader between a writer's renames sees files and a record that disagree for a moment: it
    reads again under the lock instead of calling it damage."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PLANNER_")}
    env.update({"PLANNER_NOW": FROZEN_NOW, "LANG": "en_US.UTF-8", "PLANNER_CACHE": "off"})
    failures: list[str] = []

    def write(number: int) -> None:
        for turn in range(8):
            done = subprocess.run(
                [sys.executable, "-m", "planner", "post", "add", "--account", ACCOUNT, "--at",
                 "2026-12-03 09:00", "--text", f"{number}-{turn} #ylöjärvi", *WRITER, *_data(workspace)],
                env=env, capture_output=True, text=True,
            )  # fmt: skip
            if done.returncode:
                failures.append(done.stderr)

    writers = [threading.Thread(target=write, args=(n,)) for n in range(2)]
    for writer in writers:
        writer.start()
    while any(w.is_alive() for w in writers):
        done = subprocess.run(
            [sys.executable, "-m", "planner", "post", "list", *_data(workspace)],
            env=env,
            capture_output=True,
            text=True,
        )
        if done.returncode:
            failures.append(done.stderr)
    for writer in writers:
        writer.join()
    assert failures == []
    assert _posts(run, workspace) == 1 + 16


@pytest.mark.parametrize("gone", ["img1.jpg", "vid1.fi.srt"])
def test_a_media_file_the_library_names_gone_from_assets_is_never_in_order(
    run: Run, workspace: Path, gone: str
) -> None:
    """A photo deleted by hand, or lost in a copy of the folder: doctor said the files were in
    order. No backup holds media: it names the file and the asset, repair moves nothing."""
    (workspace / "assets" / gone).unlink()
    asset = gone.split(".")[0]
    told = run("doctor", *_data(workspace), check=1)
    assert f"assets/{gone}: the file of the library's {asset} is missing" in told.stdout
    assert "in order" not in told.stdout
    finnish = run("doctor", "--lang", "fi", *_data(workspace), check=1)
    assert f"kirjaston kohteen {asset} tiedosto puuttuu" in finnish.stdout
    before = fingerprint(workspace)
    run("doctor", "--repair", *_data(workspace), check=1)
    assert fingerprint(workspace) == before
    make_media(workspace / "assets")  # the original put back (the fixture's modes are doctor's to say)
    assert "is missing" not in run("doctor", *_data(workspace)).stdout


@pytest.mark.parametrize("stray", ["conflicted-copy", "other-json", "not-json", "empty"])
def test_a_stray_file_among_the_calendars_is_set_aside_by_repair_and_nothing_else_moves(
    run: Run, workspace: Path, stray: str
) -> None:
    """A sync tool's conflicted copy of an account file, or any other file dropped into
    calendars/, is not part of the workspace: it is named, and `doctor --repair` sets it aside
    (kept), where before it was called damaged with no copy to put back, for a person to move."""
    _add(run, workspace, "Ensimmäinen #ylöjärvi")
    calendars = workspace / "calendars"
    posts_before = _posts(run, workspace)
    before = fingerprint(workspace)
    path = (
        calendars
        / {
            "conflicted-copy": f"{ACCOUNT} (conflicted copy).json",
            "other-json": "notes.json",
            "not-json": "notes.json",
            "empty": "x.json",
        }[stray]
    )
    content = {
        "conflicted-copy": (calendars / f"{ACCOUNT}.json").read_bytes(),
        "other-json": b'{"a": 1}',
        "not-json": b"\x8b\x00 not json",
        "empty": b"",
    }[stray]
    path.write_bytes(content)
    done = run("post", "list", *_data(workspace), check=2)
    assert path.name in done.stderr and "planner doctor" in done.stderr and done.stderr.count("\n") == 1
    told = run("doctor", *_data(workspace), check=1)
    assert f"{path.name}: a file team.json does not list" in told.stdout and "by hand" not in told.stdout
    repaired = run("doctor", "--repair", *_data(workspace), check=0)
    assert path.name in repaired.stdout and "set aside" in repaired.stdout
    assert not path.exists()
    assert [p.read_bytes() for p in (calendars / ".corrupt").iterdir()] == [content]  # kept as found
    assert {
        k: v for k, v in fingerprint(workspace).items() if not k.startswith("calendars/.corrupt")
    } == before
    assert _posts(run, workspace) == posts_before
    run("audit", "verify", *_data(workspace), check=0)


@pytest.mark.parametrize(
    ("damage", "finnish", "english"),
    [
        ("empty", "tyhjä", "empty"),
        ("object", "ei yhtä tiliä", "not one account"),
        ("swapped", "siinä on tili facebook-ylojarvi", "it holds the account"),
        ("missing", "puuttuu", "missing"),
        ("changed", "ei sitä, mitä muutosloki kirjasi", "not what the audit record says"),
        ("cut", "teksti päättyy kesken", "the text ends too early"),
        ("bad_record", "kentän title pitää olla tekstiä", "field title must be text"),
    ],
)
def test_why_a_file_is_damaged_is_said_in_finnish(
    run: Run, workspace: Path, damage: str, finnish: str, english: str
) -> None:
    """The reason was English inside the Finnish line: "tiedosto … on rikki (not one account)"."""
    _second_account(run, workspace)
    calendars = workspace / "calendars"
    insta, facebook = calendars / f"{ACCOUNT}.json", calendars / "facebook-ylojarvi.json"
    if damage == "empty":
        insta.write_bytes(b"")
    elif damage == "object":
        insta.write_text('{"account": {}}', "utf-8")
    elif damage == "swapped":
        insta.write_bytes(facebook.read_bytes())
    elif damage == "missing":
        insta.unlink()
    elif damage == "cut":
        insta.write_bytes(insta.read_bytes()[:100])
    elif damage == "bad_record":
        insta.write_bytes(insta.read_bytes().replace(b'"title":"', b'"title":5,"x":"', 1))
    else:
        insta.write_bytes(insta.read_bytes().replace(b'"posts"', b'"posts" ', 1))
    refused = run("post", "list", "--lang", "fi", *_data(workspace), check=2).stderr
    told = run("doctor", "--lang", "fi", *_data(workspace), check=1).stdout
    for said in (refused, told):
        assert finnish in said and english not in said, said
    assert english in run("doctor", "--lang", "en", *_data(workspace), check=1).stdout


def test_a_data_file_the_user_may_not_read_is_one_line(
    run: Run, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file the system refused to open (no read permission for this user) ended in a KeyError
    traceback: the refusal's own reason was lost when it became the reason of the damage. The
    refusal is made here by the system call itself, since the tests may run as root."""
    insta = str(workspace / "calendars" / f"{ACCOUNT}.json")
    real_open = os.open

    def refusing_open(path: object, flags: int, *args: object) -> int:
        if os.fspath(path) == insta:  # type: ignore[call-overload]
            raise PermissionError(errno.EACCES, "Permission denied", insta)
        return real_open(path, flags, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refusing_open)
    said = run("check", "--lang", "fi", *_data(workspace), check=2).stderr
    assert said == (
        f"planner: tiedosto {insta} on rikki (tiedostoa {insta} ei voi lukea: ei käyttöoikeutta);"
        " sitä ei muutettu. Katso: planner doctor\n"
    )
    assert "cannot read" in run("check", "--lang", "en", *_data(workspace), check=2).stderr


def test_a_consents_signed_form_gone_from_assets_is_named(run: Run, workspace: Path, tmp_path: Path) -> None:
    """The form a written permission rests on, deleted by hand: doctor said the files were in order."""
    form = tmp_path / "lupa.pdf"
    form.write_bytes(b"%PDF-1.4 signed form")
    consent = run(
        "consent",
        "add",
        "--subject",
        "Henkilö H9",
        "--scope",
        "*",
        "--from",
        "2026-12-01",
        "--evidence",
        str(form),
        "--user",
        "a1",
        *_data(workspace),
        check=0,
    ).stdout.strip()
    assert "is missing" not in run("doctor", *_data(workspace)).stdout
    (workspace / "assets" / "luvat" / f"{consent}.pdf").unlink()
    told = run("doctor", *_data(workspace), check=1)
    assert f"assets/luvat/{consent}.pdf: the signed form of consent {consent} is missing" in told.stdout
    finnish = run("doctor", "--lang", "fi", *_data(workspace), check=1)
    assert f"kuvausluvan {consent} allekirjoitettu lomake puuttuu" in finnish.stdout


def test_doctor_says_whether_saving_goes_on_as_it_does(run: Run, workspace: Path) -> None:
    """A line altered before a last line that agrees with the head is named, and saving goes on (as
    doctor says); a cut tail refuses saving (as doctor says). Before, doctor said "saving is
    refused" of both."""
    _add(run, workspace)
    log = workspace / "calendars" / audit.AUDIT_FILE
    lines = log.read_bytes().splitlines(keepends=True)
    entry = json.loads(lines[0])
    entry["user"] = "mallory"
    lines[0] = (json.dumps(entry, ensure_ascii=False) + "\n").encode("utf-8")
    log.write_bytes(b"".join(lines))
    told = run("doctor", *_data(workspace), check=1)
    assert "saving goes on" in told.stdout and "saving is refused" not in told.stdout
    _add(run, workspace)  # goes on, as said
    assert "line 1" in run("audit", "verify", *_data(workspace), check=1).stderr
    log.write_bytes(b"".join(log.read_bytes().splitlines(keepends=True)[:-1]))  # and now its end cut
    told = run("doctor", *_data(workspace), check=1)
    assert "saving is refused" in told.stdout and "saving goes on" not in told.stdout
    before = fingerprint(workspace)
    _add(run, workspace, check=2)  # refused, as said
    assert fingerprint(workspace) == before
    run("doctor", "--reanchor", *WRITER, *_data(workspace), check=1)
    _add(run, workspace)
    assert "re-anchored" in run("audit", "verify", *_data(workspace), check=0).stdout
