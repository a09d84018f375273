"""The command-line contract of SPEC, driven through real subprocesses on temporary workspaces."""

from __future__ import annotations

import argparse
import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from planner.domain.errors import DataError
from planner.media.generate import write_subtitles
from tests.conftest import Run, fingerprint, write_doc
from tests.helpers import base_doc, is_new_id

FINDING_KEYS = {"rule", "severity", "blocking", "account", "post", "post_status", "date", "until", "message"}


def check_json(run: Run, root: Path, *extra: str, code: int | None = None) -> dict:
    done = run("check", "--format", "json", "--data", str(root), *extra, check=code)
    return json.loads(done.stdout)


def test_init_creates_the_two_folders_and_refuses_twice(run: Run, tmp_path: Path) -> None:
    run("init", str(tmp_path / "new"), check=0)
    assert (tmp_path / "new/calendars/team.json").is_file()
    assert (tmp_path / "new/assets").is_dir()
    again = run("init", str(tmp_path / "new"), check=2)
    assert "already" in again.stderr


def test_default_range_is_nine_weeks_and_cadence_counts_each(run: Run, workspace: Path) -> None:
    result = check_json(run, workspace, code=1)
    assert result["range"] == {"from": "2026-11-30", "to": "2027-01-31"}
    # One ready post in week 49; the eight weeks after it have none.
    assert [(f["rule"], f["date"]) for f in result["findings"]] == [
        ("account.cadence", f"{day}")
        for day in (
            "2026-12-07",
            "2026-12-14",
            "2026-12-21",
            "2026-12-28",
            "2027-01-04",
            "2027-01-11",
            "2027-01-18",
            "2027-01-25",
        )
    ]
    assert result["summary"] == {"errors": 8, "warnings": 0, "blocking": 8, "posts": 1, "accounts": 1}


def test_check_json_shape_and_exit_code(run: Run, workspace: Path) -> None:
    result = check_json(run, workspace, "--from", "2026-12-02", "--to", "2026-12-02", code=0)
    assert result["range"] == {"from": "2026-11-30", "to": "2026-12-06"}
    assert result["summary"] == {"errors": 0, "warnings": 0, "blocking": 0, "posts": 1, "accounts": 1}
    # The next week has no ready post: a blocking cadence finding, exit 1.
    later = check_json(run, workspace, "--from", "2026-12-07", "--to", "2026-12-13", code=1)
    assert [f["rule"] for f in later["findings"]] == ["account.cadence"]
    finding = later["findings"][0]
    assert set(finding) == FINDING_KEYS
    assert finding["date"] == "2026-12-07" and finding["post"] is None and finding["blocking"] is True


def _import(run: Run, tmp_path: Path, root: Path, doc: dict, code: int, user: str = "a1") -> str:
    done = run(
        "import", str(write_doc(tmp_path / "next.json", doc)), "--data", str(root), "--user", user, check=code
    )
    return done.stderr


def test_file_rules_read_the_real_files(run: Run, workspace: Path, tmp_path: Path) -> None:
    from planner.media.generate import make_picture

    make_picture(workspace / "assets/tall.png", (600, 1200), seed=3, gps=(61.55, 23.59))
    (workspace / "assets/broken.fi.vtt").write_text("WEBVTT\n\n00:01.000 --> nonsense\nHei\n", "utf-8")
    doc = base_doc()
    doc["assets"].append(
        {
            "id": "tall",
            "file": "tall.png",
            "kind": "image",
            "people": "none",
            "rights": "own",
            "alt": {"fi": "Tapahtumajuliste pystykuvana."},
            "width": 1080,
            "height": 1080,
            "location": False,
        }
    )
    doc["assets"][1]["subtitles"] = {"fi": "broken.fi.vtt"}
    doc["posts"].append({**doc["posts"][0], "id": "p-0002", "media": ["tall", "vid1"], "status": "draft"})
    _import(run, tmp_path, workspace, doc, 0)
    result = check_json(run, workspace, "--to", "2026-12-06", code=0)
    rules = {(f["post"], f["rule"]) for f in result["findings"]}
    # Pixel size and GPS come from the file, not from what the document claimed.
    assert rules == {("p-0002", "media.format"), ("p-0002", "media.location"), ("p-0002", "media.subtitles")}
    # Fixing the subtitle file on disk clears the finding without a re-import.
    write_subtitles(workspace / "assets/broken.fi.vtt", [("00:00:01.000", "00:00:02.000", "Hei")], vtt=True)
    after = check_json(run, workspace, "--to", "2026-12-06", code=0)
    assert "media.subtitles" not in {f["rule"] for f in after["findings"]}


def test_post_add_ready_refused_then_accepted(run: Run, workspace: Path) -> None:
    data = ["--data", str(workspace), "--user", "p1"]
    added = run(
        "post",
        "add",
        "--account",
        "instagram-ylojarvi",
        "--at",
        "2026-12-03 12:00",
        "--text",
        "Joulukuusi sytytetään!",
        "--media",
        "img1",
        *data,
        check=0,
    )
    post_id = added.stdout.strip()
    assert is_new_id(post_id, "p")
    refused = run("post", "ready", post_id, *data, check=1)
    assert "hashtag.required" in refused.stdout
    listed = json.loads(run("post", "list", "--format", "json", *data, check=0).stdout)
    mine = next(p for p in listed if p["id"] == post_id)
    assert mine["status"] == "draft" and mine["owner"] == "p1" and mine["media"] == ["img1"]
    run("post", "edit", post_id, "--text", "Joulukuusi sytytetään! #Ylöjärvi", *data, check=0)
    accepted = run("post", "ready", post_id, *data, check=0)
    assert post_id in accepted.stdout
    listed = json.loads(run("post", "list", "--format", "json", *data, check=0).stdout)
    mine = next(p for p in listed if p["id"] == post_id)
    assert (mine["status"], mine["ready_by"], mine["ready_at"]) == ("ready", "p1", "2026-12-01T10:00")
    assert set(mine) >= {
        "id",
        "account",
        "publish_at",
        "title",
        "text",
        "kind",
        "lang",
        "owner",
        "media",
        "campaign",
        "status",
        "ready_by",
        "ready_at",
        "published_url",
    }
    log = (workspace / "calendars/audit.jsonl").read_text("utf-8").splitlines()
    last = json.loads(log[-1])
    assert (last["user"], last["action"], last["id"], last["after"]["status"]) == (
        "p1",
        "ready",
        post_id,
        "ready",
    )
    run("audit", "verify", "--data", str(workspace), check=0)


def test_editing_a_ready_post_makes_it_a_draft_again(run: Run, workspace: Path) -> None:
    data = ["--data", str(workspace), "--user", "p1"]
    run("post", "edit", "p-0001", "--text", "Uusi teksti #ylöjärvi", *data, check=0)
    listed = json.loads(run("post", "list", "--format", "json", *data, check=0).stdout)
    assert listed[0]["status"] == "draft" and listed[0]["ready_by"] is None


@pytest.mark.parametrize(
    ("args", "code", "needle"),
    [
        (["post", "add", "--account", "nope", "--at", "2026-12-03 12:00", "--text", "x"], 2, "nope"),
        (
            ["post", "add", "--account", "instagram-ylojarvi", "--at", "2026-13-03 12:00", "--text", "x"],
            2,
            "2026-13-03",
        ),
        (
            [
                "post",
                "add",
                "--account",
                "instagram-ylojarvi",
                "--at",
                "2026-12-03 12:00",
                "--text",
                "x",
                "--media",
                "missing",
            ],
            2,
            "missing",
        ),
        (
            [
                "post",
                "add",
                "--account",
                "instagram-ylojarvi",
                "--at",
                "2026-12-03 12:00",
                "--text",
                "x",
                "--owner",
                "ghost",
            ],
            2,
            "ghost",
        ),
        (["post", "ready", "p-9999"], 2, "p-9999"),
        (["check", "--from", "2026-02-30"], 2, "2026-02-30"),
        (["check", "--from", "2026-12-10", "--to", "2026-12-01"], 2, "before"),
        (["check", "--account", "nope"], 2, "nope"),
        (["post", "add", "--account", "instagram-ylojarvi", "--at", "2026-12-03 12:00"], 2, "--text"),
    ],
)
def test_bad_input_one_line_exit_2_nothing_written(
    run: Run, workspace: Path, args: list[str], code: int, needle: str
) -> None:
    before = fingerprint(workspace)
    done = run(*args, "--data", str(workspace), "--user", "p1", check=code)
    assert needle in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert fingerprint(workspace) == before


@pytest.mark.parametrize(
    ("user", "env", "code"),
    [
        (None, {}, 2),  # no identity
        ("ghost", {}, 2),  # not a person of the workspace
        ("t1", {}, 1),  # an auditor
        ("e1", {}, 1),  # an expert not granted the account
        (None, {"PLANNER_USER": "p2"}, 0),  # a deputy of the account, from the environment
        ("a1", {}, 0),  # an admin
    ],
)
def test_identity_and_roles_on_post_add(
    run: Run, workspace: Path, user: str | None, env: dict[str, str], code: int
) -> None:
    before = fingerprint(workspace)
    args = ["post", "add", "--account", "instagram-ylojarvi", "--at", "2026-12-03 12:00", "--text", "Hei"]
    done = run(*args, *(["--user", user] if user else []), "--data", str(workspace), env=env, check=code)
    if code:
        assert fingerprint(workspace) == before and done.stderr.strip()
    else:
        assert is_new_id(done.stdout.strip(), "p")


def test_global_options_before_or_after_and_from_environment(run: Run, workspace: Path) -> None:
    first = run("--data", str(workspace), "post", "list", "--format", "json", check=0)
    second = run("post", "list", "--format", "json", "--data", str(workspace), check=0)
    third = run("post", "list", "--format", "json", env={"PLANNER_DATA": str(workspace)}, check=0)
    fourth = run("post", "list", "--format", "json", cwd=workspace, check=0)
    assert first.stdout == second.stdout == third.stdout == fourth.stdout
    assert json.loads(first.stdout)[0]["id"] == "p-0001"


def test_no_workspace_is_a_clear_error(run: Run, tmp_path: Path) -> None:
    done = run("check", cwd=tmp_path, check=2)
    assert "workspace" in done.stderr


def test_messages_in_finnish(run: Run, workspace: Path) -> None:
    done = run(
        "check",
        "--data",
        str(workspace),
        "--from",
        "2026-12-07",
        "--to",
        "2026-12-07",
        env={"LANG": "fi_FI.UTF-8"},
        check=1,
    )
    assert "Viikolla 50/2026 on 0 valmista julkaisua" in done.stdout
    english = run("check", "--data", str(workspace), "--from", "2026-12-07", "--lang", "en", check=1)
    assert "Week 2026-W50 has 0 ready posts" in english.stdout


def test_checklist_exports(run: Run, workspace: Path, tmp_path: Path) -> None:
    out = tmp_path / "list.csv"
    run(
        "export",
        "checklist",
        "--format",
        "csv",
        "--to",
        "2026-12-06",
        "-o",
        str(out),
        "--data",
        str(workspace),
        check=0,
    )
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    post_rows = [r for r in rows if r["post"] == "p-0001" and r["section"] == "posts"]
    assert len(post_rows) == 19 and all(r["result"] == "ok" for r in post_rows)
    assert {r["rule"] for r in rows if r["section"] == "accounts"} == {
        "account.cadence",
        "account.coverage",
        "account.admins",
        "account.owner",
        "account.continuity",
        "account.verification",
        "account.security",
        "feedback.overdue",
    }
    comma = run(
        "export", "checklist", "--format", "csv", "--delimiter", ",", "--data", str(workspace), check=0
    )
    comma_rows = list(csv.DictReader(io.StringIO(comma.stdout.lstrip("\ufeff"))))
    assert comma_rows[0]["section"] == "summary"  # the summary comes first
    assert [r["account"] for r in comma_rows if r["section"] == "posts"][0] == "instagram-ylojarvi"
    data = json.loads(
        run("export", "checklist", "--format", "json", "--data", str(workspace), check=0).stdout
    )
    assert data["summary"]["posts"] == 1 and data["checklist"][0]["rule"] == "post.schedule"


def test_audit_verify_catches_an_edit(run: Run, workspace: Path) -> None:
    run("audit", "verify", "--data", str(workspace), check=0)
    log = workspace / "calendars/audit.jsonl"
    lines = log.read_text("utf-8").splitlines()
    entry = json.loads(lines[1])
    entry["user"] = "someone-else"
    lines[1] = json.dumps(entry, ensure_ascii=False)
    log.write_text("\n".join(lines) + "\n", "utf-8")
    done = run("audit", "verify", "--data", str(workspace), check=1)
    assert "line 2" in done.stderr


def test_demo_workspace_shows_most_rules(run: Run, tmp_path: Path) -> None:
    root = tmp_path / "demo"
    run("init", str(root), "--demo", check=0)
    result = check_json(run, root, code=1)
    rules = {f["rule"] for f in result["findings"]}
    assert len(rules) >= 18
    statuses = {
        p["status"] for p in json.loads(run("post", "list", "--format", "json", "--data", str(root)).stdout)
    }
    assert statuses == {"draft", "ready", "scheduled", "published", "cancelled"}
    assert result["summary"]["accounts"] >= 5 and result["summary"]["posts"] >= 40
    assert len(list((root / "assets").rglob("*.jpg"))) >= 5


def test_markdown_html_and_ics_exports(run: Run, workspace: Path, tmp_path: Path) -> None:
    import re

    from icalendar import Calendar

    data = ["--data", str(workspace)]
    markdown = run("export", "checklist", "--format", "md", "--lang", "fi", *data, check=0).stdout
    assert "## instagram-ylojarvi" in markdown and "| p-0001 |" in markdown
    page = tmp_path / "c.html"
    run("export", "checklist", "--format", "html", "-o", str(page), *data, check=0)
    text = page.read_text("utf-8")
    assert text.startswith("<!DOCTYPE html>") and "p-0001" in text
    assert not re.search(r"""(src|href)\s*=|@import|url\(""", text)  # nothing loaded from outside
    feeds = []
    for name in ("a.ics", "b.ics"):
        run(
            "post",
            "add",
            "--account",
            "instagram-ylojarvi",
            "--at",
            "2026-12-04 08:00",
            "--text",
            "Hei",
            "--user",
            "p1",
            *data,
            check=0,
        )
        run("export", "ics", "-o", str(tmp_path / name), *data, check=0)
        feeds.append(Calendar.from_ical((tmp_path / name).read_bytes()))
    first, second = ({e["uid"] for e in feed.walk("VEVENT")} for feed in feeds)
    assert len(first) == 2 and first < second  # the same posts keep the same UIDs
    event = next(e for e in feeds[0].walk("VEVENT") if str(e["uid"]).startswith("p-0001@"))
    assert event.decoded("dtstart").isoformat() == "2026-12-02T08:00:00+00:00"  # 10.00 in Helsinki
    assert "Readiness: ✓" in str(event["description"])


def test_outside_a_workspace_the_planner_says_how_to_make_one(run: Run, tmp_path: Path) -> None:
    (tmp_path / "empty" / "calendars").mkdir(parents=True)  # a folder still to be made a workspace
    for where in (tmp_path, tmp_path / "empty"):
        done = run("check", cwd=where, check=2)
        assert "planner init" in done.stderr and done.stderr.count("\n") == 1
    assert "planner init" in run("post", "list", "--lang", "fi", cwd=tmp_path, check=2).stderr


def test_a_calendar_and_a_checklist_go_to_standard_output_with_a_dash(run: Run, workspace: Path) -> None:
    feed = run("export", "ics", "-o", "-", "--data", str(workspace), check=0)
    assert feed.stdout.startswith("BEGIN:VCALENDAR") and "Written" not in feed.stderr
    assert not (workspace.parent / "-").exists()
    listed = run("export", "checklist", "--format", "md", "-o", "-", "--data", str(workspace), check=0)
    assert listed.stdout.startswith("# ")


def test_planner_demo_builds_its_city_in_a_fresh_folder_each_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`planner --demo` refused its own fresh folder ("exists and is not a demo workspace"): the
    temporary folder is made before the demo is built into it."""
    import tempfile

    from planner.cli.workspace import _build_demo, demo_folder
    from planner.storage.workspace import WorkspaceStore

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    first, second = demo_folder(), demo_folder()
    assert first != second and first.parent == tmp_path
    _build_demo(first)
    assert len(WorkspaceStore(first).load().posts) > 50
    assert not any(second.iterdir())  # the other demo's folder is untouched
    someone = tmp_path / "someone"
    someone.mkdir()
    (someone / "notes.txt").write_text("mine", "utf-8")
    with pytest.raises(DataError):
        _build_demo(someone)
    assert (someone / "notes.txt").read_text("utf-8") == "mine"


def _commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """Every command's words, the root's first (`()`, `("post",)`, `("post", "add")`, …)."""
    yield path
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _commands(sub, (*path, name))


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_every_commands_help_is_shown_in_both_languages(run: Run, lang: str) -> None:
    """`planner goal set --help` ended in a traceback in both languages: "90 %" in an option's help
    is argparse's `%` formatting."""
    from planner.cli.main import build_parser

    commands = list(_commands(build_parser(lang)))
    assert ("goal", "set") in commands and len(commands) > 60
    for words in commands:
        done = run(*words, "--help", "--lang", lang)
        assert done.returncode == 0 and done.stderr == "" and "--help" in done.stdout, words


def test_an_edit_that_changes_nothing_says_so_and_writes_nothing(run: Run, workspace: Path) -> None:
    data = ("--data", str(workspace), "--lang", "en")
    before = fingerprint(workspace)
    post = run("post", "edit", "p-0001", "--user", "p1", *data, check=0)
    assert post.stdout == "Post p-0001: nothing to change (status ready).\n"
    account = run(
        "account", "edit", "instagram-ylojarvi", "--platform", "instagram", "--user", "a1", *data, check=0
    )
    assert account.stdout == "Account instagram-ylojarvi: nothing to change (revision 1).\n"
    person = run("person", "edit", "p1", "--name", "Pekka Tuottaja", "--user", "a1", *data, check=0)
    assert person.stdout == "Person p1: nothing to change.\n"
    assert fingerprint(workspace) == before  # no file, no audit line
    changed = run("person", "edit", "p1", "--name", "Pekka Tuottaja-Kallio", "--user", "a1", *data, check=0)
    assert changed.stdout == "Person p1 updated.\n"
