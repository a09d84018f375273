"""A post's life (SPEC): schedule, publish, cancel, reopen, take down, copy and approve, each from
the statuses of SPEC's table only, by someone who may write the post, audited; review before ready
and the crisis hold, as the command line drives them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from planner.media.generate import make_picture
from tests.cli.conftest import audit_lines
from tests.conftest import Run, fingerprint

ACCOUNT = "facebook-jarvelan-kaupunki"
OTHER = "instagram-jarvelan-kirjasto"


@pytest.fixture
def town(team: Path, run: Run) -> Path:
    """Two accounts: the city's (owners aino and pia) and the library's (owner oona only)."""
    data = ("--data", str(team), "--user", "aino")
    run(
        "account",
        "add",
        "--platform",
        "facebook",
        "--name",
        "Järvelän kaupunki",
        "--admin",
        "aino",
        "eero",
        "--owner",
        "aino",
        "pia",
        *data,
        check=0,
    )
    run(
        "account",
        "add",
        "--platform",
        "instagram",
        "--name",
        "Järvelän kirjasto",
        "--admin",
        "aino",
        "eero",
        "--owner",
        "oona",
        *data,
        check=0,
    )
    return team


def _post(run: Run, root: Path, user: str = "pia", at: str = "14.12.2026 9.00", **extra: str) -> str:
    options = [x for k, v in extra.items() for x in (f"--{k}", v)]
    return run(
        "post",
        "add",
        "--account",
        ACCOUNT,
        "--at",
        at,
        "--text",
        "Joulutori avataan #järvelä",
        *options,
        "--data",
        str(root),
        "--user",
        user,
        check=0,
    ).stdout.strip()


def _get(run: Run, root: Path, post_id: str) -> dict[str, Any]:
    posts = json.loads(run("post", "list", "--format", "json", "--data", str(root), check=0).stdout)
    return next(p for p in posts if p["id"] == post_id)


def _step(run: Run, root: Path, *args: str, user: str = "pia", check: int = 0) -> Any:
    return run("post", *args, "--data", str(root), "--user", user, check=check)


def test_ready_scheduled_published_corrected_and_taken_down_each_recorded(town: Path, run: Run) -> None:
    post = _post(run, town)
    before = fingerprint(town)
    refused = _step(run, town, "schedule", post, check=1)  # a draft is not put in the scheduler
    assert "cannot be scheduled: it is draft" in refused.stderr and fingerprint(town) == before
    _step(run, town, "ready", post)
    done = _step(run, town, "schedule", post)
    assert f"{post} scheduled (pia, 1 Dec 2026 10:00)" in done.stdout
    found = _get(run, town, post)
    assert (found["status"], found["scheduled_by"], found["scheduled_at"]) == (
        "scheduled",
        "pia",
        "2026-12-01T10:00",
    )

    before = fingerprint(town)
    for bad in ("ftp://facebook.com/x", "facebook.com/x", "javascript:alert(1)"):
        refused = _step(run, town, "publish", post, "--url", bad, check=2)
        assert "is not the post's address" in refused.stderr and refused.stderr.count("\n") == 1
    assert fingerprint(town) == before

    url = "https://www.facebook.com/jarvela/posts/1"
    _step(run, town, "publish", post, "--url", url, "--at", "1.12.2026 9.02")
    found = _get(run, town, post)
    assert found["status"] == "published" and found["published_url"] == url
    assert found["published_by"] == "pia" and found["published_at"] == "2026-12-01T09:02"
    _step(run, town, "publish", post, check=1)  # once is enough
    _step(run, town, "cancel", post, check=1)  # it went out: it can be taken down, not cancelled

    # A correction: it stays published, and the audit log keeps both versions.
    _step(run, town, "edit", post, "--text", "Joulutori avataan klo 10 #järvelä")
    corrected = _get(run, town, post)
    assert corrected["status"] == "published" and corrected["text"].endswith("klo 10 #järvelä")
    line = audit_lines(town)[-1]
    assert line["action"] == "update"
    assert line["before"]["text"] == "Joulutori avataan #järvelä"  # type: ignore[index]
    assert line["after"]["text"] == "Joulutori avataan klo 10 #järvelä"  # type: ignore[index]

    _step(run, town, "takedown", post, "--reason", "Väärä aukioloaika", "--date", "15.12.2026", user="aino")
    gone = _get(run, town, post)
    assert gone["status"] == "published" and gone["taken_down"] == "2026-12-15"
    assert gone["taken_down_by"] == "aino" and gone["takedown_reason"] == "Väärä aukioloaika"
    before = fingerprint(town)
    assert "already recorded as taken down" in _step(run, town, "takedown", post, check=1).stderr
    assert fingerprint(town) == before
    actions = [line["action"] for line in audit_lines(town) if line.get("id") == post]
    assert actions == ["create", "ready", "schedule", "publish", "update", "takedown"]
    assert "intact" in run("audit", "verify", "--data", str(town), check=0).stdout


def test_cancel_and_reopen_and_who_may_not(town: Path, run: Run) -> None:
    post = _post(run, town)
    _step(run, town, "ready", post)
    before = fingerprint(town)
    for user in ("tarja", "oona"):  # an auditor reads; oona is not on the city's account
        refused = _step(run, town, "cancel", post, user=user, check=1)
        assert "may not edit posts of" in refused.stderr
    assert "unknown post" in _step(run, town, "cancel", "p-nosuch", check=2).stderr
    assert fingerprint(town) == before

    _step(run, town, "cancel", post, "--reason", "Tori peruttu")
    found = _get(run, town, post)
    assert (found["status"], found["cancelled_by"], found["cancel_reason"]) == (
        "cancelled",
        "pia",
        "Tori peruttu",
    )
    report = json.loads(run("check", "--format", "json", "--data", str(town), check=1).stdout)
    assert post not in {f["post"] for f in report["findings"]}  # a cancelled post is not checked
    _step(run, town, "cancel", post, check=1)
    _step(run, town, "schedule", post, check=1)

    _step(run, town, "reopen", post)
    reopened = _get(run, town, post)
    assert reopened["status"] == "draft"
    assert [reopened[k] for k in ("ready_by", "ready_at", "cancelled_by", "cancel_reason")] == [None] * 4
    _step(run, town, "reopen", post, check=1)  # a draft is open already


def test_copy_to_another_account_is_a_new_draft_of_the_copier(town: Path, run: Run) -> None:
    post = _post(run, town)
    _step(run, town, "ready", post)
    before = fingerprint(town)
    _step(run, town, "copy", post, "--account", OTHER, check=1)  # pia does not write the library's posts
    assert "unknown account" in _step(run, town, "copy", post, "--account", "nosuch", check=2).stderr
    assert fingerprint(town) == before

    copy = _step(
        run, town, "copy", post, "--account", OTHER, "--at", "15.12.2026 12.00", user="oona"
    ).stdout.strip()
    assert copy != post
    found = _get(run, town, copy)
    assert found["account"] == OTHER and found["status"] == "draft" and found["copied_from"] == post
    assert found["owner"] == "oona" and found["publish_at"] == "2026-12-15T12:00"
    assert found["text"] == "Joulutori avataan #järvelä" and found["ready_by"] is None
    assert _get(run, town, post)["status"] == "ready"  # the original is untouched
    assert audit_lines(town)[-1]["action"] == "copy"


def test_review_needs_someone_else_and_a_change_asks_again(town: Path, run: Run) -> None:
    run("account", "edit", ACCOUNT, "--review", "yes", "--data", str(town), "--user", "aino", check=0)
    post = _post(run, town)
    refused = _step(run, town, "ready", post, check=1)
    assert "post.review" in refused.stdout
    before = fingerprint(town)
    assert "someone else approves it" in _step(run, town, "approve", post, check=1).stderr  # pia wrote it
    for user in ("tarja", "oona"):  # an auditor; someone who is neither admin nor owner of the account
        assert (
            "an approver is an admin or owner" in _step(run, town, "approve", post, user=user, check=1).stderr
        )
    assert fingerprint(town) == before

    _step(run, town, "approve", post, user="eero")
    approved = _get(run, town, post)
    assert (approved["approved_by"], approved["approved_at"]) == ("eero", "2026-12-01T10:00")
    _step(run, town, "ready", post)
    sheet = json.loads(run("export", "checklist", "--format", "json", "--data", str(town), check=0).stdout)
    row = next(r for r in sheet["checklist"] if r["post"] == post)
    assert row["approved_by"] == "eero" and row["approved_at"] == "2026-12-01T10:00"

    _step(run, town, "edit", post, "--text", "Joulutori avataan jo perjantaina #järvelä")
    changed = _get(run, town, post)
    assert changed["status"] == "draft" and changed["approved_by"] is None and changed["edited_by"] == "pia"
    assert "post.review" in _step(run, town, "ready", post, check=1).stdout
    _step(run, town, "approve", post, user="aino")
    _step(run, town, "ready", post)


def test_a_crisis_hold_names_what_to_pause_until_it_is_ended(town: Path, run: Run) -> None:
    data = ("--data", str(town))
    ordinary = _post(run, town)
    crisis = run(
        "post",
        "add",
        "--account",
        ACCOUNT,
        "--at",
        "14.12.2026 8.00",
        "--kind",
        "crisis",
        "--text",
        "Vesikatko: https://www.jarvela.fi/vesi #järvelä",
        *data,
        "--user",
        "pia",
        check=0,
    ).stdout.strip()
    for post in (ordinary, crisis):
        _step(run, town, "ready", post)

    before = fingerprint(town)
    assert (
        "only an admin"
        in run("crisis", "start", "--reason", "Vesikriisi", *data, "--user", "pia", check=1).stderr
    )
    assert (
        "unknown account"
        in run(
            "crisis", "start", "--reason", "x", "--account", "nosuch", *data, "--user", "aino", check=2
        ).stderr
    )
    assert fingerprint(town) == before
    started = run("crisis", "start", "--reason", "Vesikriisi", *data, "--user", "aino", check=0)
    hold = started.stdout.splitlines()[0]
    assert ordinary in started.stdout and crisis not in started.stdout

    report = json.loads(run("check", "--format", "json", *data, check=1).stdout)
    held = [f["post"] for f in report["findings"] if f["rule"] == "post.crisis_hold"]
    assert held == [ordinary] and all(
        f["blocking"] for f in report["findings"] if f["rule"] == "post.crisis_hold"
    )
    status = json.loads(run("crisis", "status", "--format", "json", *data, check=0).stdout)
    assert status["on"] and [h["id"] for h in status["holds"]] == [hold]
    assert [p["id"] for p in status["held"]] == [ordinary] and status["holds"][0]["started_by"] == "aino"
    sheet = json.loads(run("export", "checklist", "--format", "json", *data, check=0).stdout)
    assert [(h["hold"], h["reason"], h["started_by"]) for h in sheet["holds"]] == [
        (hold, "Vesikriisi", "aino")
    ]

    run("crisis", "end", *data, "--user", "eero", check=0)
    assert "No crisis hold is on" in run("crisis", "end", *data, "--user", "eero", check=1).stderr
    report = json.loads(run("check", "--format", "json", *data).stdout)
    assert "post.crisis_hold" not in {f["rule"] for f in report["findings"]}
    assert not json.loads(run("crisis", "status", "--format", "json", *data, check=0).stdout)["on"]
    ended = [line for line in audit_lines(town) if line.get("entity") == "holds"]
    assert [line["action"] for line in ended] == ["start", "end"]
    assert ended[-1]["after"]["ended_by"] == "eero"  # type: ignore[index]


def test_a_taken_down_post_is_no_longer_listed_for_a_withdrawn_consent(
    workspace: Path, run: Run, tmp_path: Path
) -> None:
    data = ("--data", str(workspace))
    source = make_picture(tmp_path / "juhla.jpg", (1080, 1080), seed=6)
    run(
        "asset",
        "add",
        str(source),
        "--alt",
        "Juhlaväkeä torilla.",
        "--people",
        "identifiable",
        "--consent",
        "c1",
        "--rights",
        "own",
        *data,
        "--user",
        "a1",
        check=0,
    )
    post = run(
        "post",
        "add",
        "--account",
        "instagram-ylojarvi",
        "--at",
        "2026-12-03 12:00",
        "--text",
        "Juhla! #ylöjärvi #joulu",
        "--media",
        "img-juhla",
        *data,
        "--user",
        "p1",
        check=0,
    ).stdout.strip()
    run("post", "ready", post, *data, "--user", "p1", check=0)
    run("post", "publish", post, "--url", "https://www.instagram.com/p/abc", *data, "--user", "p1", check=0)
    listed = run("consent", "withdraw", "c1", "--date", "2026-12-02", *data, "--user", "a1", check=0)
    assert post in listed.stdout and "https://www.instagram.com/p/abc" in listed.stdout
    run("post", "takedown", post, "--reason", "Lupa peruttu", *data, "--user", "p1", check=0)
    again = run("consent", "withdraw", "c1", "--date", "2026-12-02", *data, "--user", "a1", check=0)
    assert post not in again.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("publish", "--url", "https://a.fi/\x1b[31mX"), "is not the post's address"),
        (("publish", "--at", "31.2.2027 9.00"), "is not a time"),
        (("cancel", "--reason", "two\nlines"), "one-line field"),
        (("cancel", "--reason", "bad \udcff byte"), "control characters"),
        (("copy", "--account", "../team"), "unknown account"),
        (("schedule", "--revision", "0"), "changed meanwhile"),
    ],
)
def test_bad_input_to_a_step_is_one_line_and_changes_nothing(
    town: Path, run: Run, args: tuple[str, ...], message: str
) -> None:
    post = _post(run, town)
    _step(run, town, "ready", post)
    before = fingerprint(town)
    step, *rest = args
    done = _step(run, town, step, post, *rest, check=1 if step == "schedule" else 2)
    assert message in done.stderr and done.stderr.count("\n") == 1 and "\x1b" not in done.stderr
    assert fingerprint(town) == before


def test_a_time_the_clocks_show_twice_is_taken_as_the_first_and_said(town: Path, run: Run) -> None:
    done = run(
        "post", "add", "--account", "facebook-jarvelan-kaupunki", "--at", "su 31.10.2027 3.30", "--text",
        "Syksy #järvelä", "--data", str(town), "--user", "pia", check=0,
    )  # fmt: skip
    assert "comes twice" in done.stderr and "summer time" in done.stderr
    assert _get(run, town, done.stdout.strip())["publish_at"] == "2027-10-31T03:30"


def test_a_publication_recorded_later_than_now_is_kept_as_typed_and_said(town: Path, run: Run) -> None:
    """It was refused: a team recording next summer's post as published at its time (on a machine
    whose clock is wrong, or entering what went out) could not; now the time is kept and said."""
    post = _post(run, town, at="14.6.2027 9.00")
    _step(run, town, "ready", post)
    url = "https://www.facebook.com/jarvela/posts/2027"
    done = run(
        *("--lang", "fi", "post", "publish", post, "--url", url, "--at", "14.6.2027 9.05"),
        *("--data", str(town), "--user", "pia"),
        check=0,
    )
    assert _get(run, town, post)["published_at"] == "2027-06-14T09:05"
    assert done.stderr == (
        "varoitus: julkaisuaika 14.6.2027 klo 9.05 on myöhemmin kuin nyt; tarkista se (tallennettu kirjoitetun mukaan).\n"
    )
