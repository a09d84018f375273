"""`planner feedback`: the register driven from the command line on a workspace on disk, the due
days across weekends and holidays, who answers during absences, roles, the import, the report and
`feedback.overdue` in `check` (SPEC *After publishing*)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.cli.conftest import ACCOUNT, audit_lines
from tests.conftest import Run, fingerprint
from tests.helpers import is_new_id


def _as(root: Path, user: str) -> tuple[str, ...]:
    return ("--data", str(root), "--user", user)


def add(run: Run, root: Path, received: str, *extra: str, user: str = "pia", text: str = "Kysymys") -> str:
    done = run(
        "feedback",
        "add",
        "--account",
        ACCOUNT,
        "--received",
        received,
        "--text",
        text,
        *extra,
        *_as(root, user),
        check=0,
    )
    feedback_id = done.stdout.strip()
    assert is_new_id(feedback_id, "f")
    return feedback_id


def listed(run: Run, root: Path, *extra: str) -> list[dict[str, Any]]:
    done = run("feedback", "list", "--format", "json", "--data", str(root), *extra, check=0)
    found = json.loads(done.stdout)
    assert isinstance(found, list)
    return found


def one(run: Run, root: Path, feedback_id: str) -> dict[str, Any]:
    return next(f for f in listed(run, root) if f["id"] == feedback_id)


@pytest.mark.parametrize(
    ("received", "due"),
    [
        ("2027-06-14 10:00", "2027-06-16"),  # Monday → Wednesday
        ("2027-12-03 16:00", "2027-12-08"),  # Friday → Wednesday: Independence Day on Monday
        ("2027-06-12 10:00", "2027-06-15"),  # Saturday → Tuesday
        ("2027-06-24 10:00", "2027-06-29"),  # Thursday → Tuesday: Midsummer Eve on Friday
        ("2026-12-23 09:00", "2026-12-29"),  # Wednesday: Christmas Eve and Christmas Day, a weekend
        ("14.6.2027 9.00", "2027-06-16"),  # typed as Finns do
    ],
)
def test_feedback_is_due_on_the_second_working_day_after_it_arrived(
    run: Run, town: Path, received: str, due: str
) -> None:
    feedback_id = add(run, town, received)
    assert one(run, town, feedback_id)["due"] == due


def test_a_calendar_day_promise_applies_to_feedback_added_after_it(run: Run, town: Path) -> None:
    before = add(run, town, "2027-06-12 10:00")
    run("org", "set", "--reply-within", "2", "--reply-days", "calendar", *_as(town, "aino"), check=0)
    after = add(run, town, "2027-06-12 10:00", text="Toinen")
    assert one(run, town, before)["due"] == "2027-06-15"  # kept as it was
    assert one(run, town, after)["due"] == "2027-06-14"
    shown = json.loads(run("org", "show", "--format", "json", "--data", str(town), check=0).stdout)
    assert (shown["reply_within"], shown["reply_days"]) == (2, "calendar")


def test_a_producer_may_not_change_the_promise(run: Run, town: Path) -> None:
    before = fingerprint(town)
    done = run("org", "set", "--reply-within", "5", *_as(town, "pia"), check=1)
    assert "admin" in done.stderr
    assert fingerprint(town) == before


def test_the_owner_answers_unless_away_then_the_deputy_of_her_absence(run: Run, town: Path) -> None:
    assert one(run, town, add(run, town, "2027-06-14 10:00"))["assignee"] == "pia"
    run(
        "absence",
        "add",
        "pia",
        "--from",
        "2027-07-01",
        "--to",
        "2027-07-31",
        "--deputy",
        "eero",
        *_as(town, "aino"),
        check=0,
    )
    assert one(run, town, add(run, town, "2027-07-05 10:00"))["assignee"] == "eero"
    # Received on a Saturday before her holiday: the first working day from it (Monday) counts.
    assert one(run, town, add(run, town, "2027-06-26 10:00"))["assignee"] == "pia"


def test_with_no_deputy_assigned_the_accounts_deputy_then_an_admin_answers(run: Run, town: Path) -> None:
    run("absence", "add", "pia", "--from", "2027-07-01", "--to", "2027-07-31", *_as(town, "aino"), check=0)
    assert one(run, town, add(run, town, "2027-07-05 10:00"))["assignee"] == "oona"
    run("absence", "add", "oona", "--from", "2027-07-01", "--to", "2027-07-31", *_as(town, "aino"), check=0)
    assert one(run, town, add(run, town, "2027-07-06 10:00", text="Kolmas"))["assignee"] == "aino"


def test_a_comment_on_a_post_goes_to_the_posts_owner_when_present(run: Run, town: Path) -> None:
    post = run(
        "post",
        "add",
        "--account",
        ACCOUNT,
        "--at",
        "2027-06-10 09:00",
        "--text",
        "Kirjasto auki #järvelä",
        "--owner",
        "oona",
        *_as(town, "pia"),
        check=0,
    ).stdout.split()[0]
    item = one(run, town, add(run, town, "2027-06-14 10:00", "--post", post))
    assert (item["post"], item["assignee"]) == (post, "oona")


def test_an_auditor_is_never_assigned_and_never_handles_feedback(run: Run, town: Path) -> None:
    before = fingerprint(town)
    done = run(
        "feedback",
        "add",
        "--account",
        ACCOUNT,
        "--received",
        "2027-06-14 10:00",
        "--text",
        "x",
        "--assignee",
        "tarja",
        *_as(town, "pia"),
        check=2,
    )
    assert "tarja" in done.stderr
    add_as_auditor = ("--received", "2027-06-14 10:00", "--text", "x", *_as(town, "tarja"))
    run("feedback", "add", "--account", ACCOUNT, *add_as_auditor, check=1)
    assert fingerprint(town) == before
    feedback_id = add(run, town, "2027-06-14 10:00")
    before = fingerprint(town)
    run("feedback", "reply", feedback_id, *_as(town, "tarja"), check=1)
    assert fingerprint(town) == before


def test_reply_forward_close_and_reopen_are_each_audited(run: Run, town: Path) -> None:
    feedback_id = add(run, town, "2026-11-30 10:00")  # due 2.12; today is 1.12 (frozen)
    run("feedback", "reply", feedback_id, "--note", "Vastattu viestillä", *_as(town, "oona"), check=0)
    item = one(run, town, feedback_id)
    assert (item["status"], item["handled_by"], item["late"], item["note"]) == (
        "answered",
        "oona",
        False,
        "Vastattu viestillä",
    )
    run("feedback", "reopen", feedback_id, *_as(town, "pia"), check=0)
    assert one(run, town, feedback_id)["status"] == "open"
    run("feedback", "forward", feedback_id, "--to", "Kirjaamo", *_as(town, "pia"), check=0)
    assert one(run, town, feedback_id)["forwarded_to"] == "Kirjaamo"
    run("feedback", "reopen", feedback_id, *_as(town, "pia"), check=0)
    closing = ("--reason", "spam", "--at", "2026-12-04 10:00")
    done = run("feedback", "close", feedback_id, *closing, *_as(town, "pia"), check=0)
    assert "after its due day" in done.stdout
    item = one(run, town, feedback_id)
    assert (item["status"], item["close_reason"], item["late"], item["forwarded_to"]) == (
        "closed",
        "spam",
        True,
        None,
    )
    actions = [line["action"] for line in audit_lines(town) if line["entity"] == "feedback"]
    assert actions == ["create", "reply", "reopen", "forward", "reopen", "close"]
    run("audit", "verify", "--data", str(town), check=0)


def test_overdue_feedback_is_a_warning_in_check_dated_its_due_day(run: Run, town: Path) -> None:
    late = add(run, town, "2026-11-26 10:00")  # Thursday: due Monday 30.11; today is Tuesday 1.12
    add(run, town, "2026-11-30 12:00", text="Ajallaan")  # due Wednesday 2.12
    overdue = listed(run, town, "--overdue")
    assert [f["id"] for f in overdue] == [late] and overdue[0]["overdue"] is True
    report = json.loads(run("check", "--data", str(town), "--format", "json").stdout)
    found = [f for f in report["findings"] if f["rule"] == "feedback.overdue"]
    assert len(found) == 1
    assert (found[0]["severity"], found[0]["blocking"], found[0]["date"], found[0]["post"]) == (
        "warning",
        False,
        "2026-11-30",
        None,
    )
    assert late in found[0]["message"]
    run("feedback", "reply", late, *_as(town, "pia"), check=0)
    report = json.loads(run("check", "--data", str(town), "--format", "json").stdout)
    assert not [f for f in report["findings"] if f["rule"] == "feedback.overdue"]


def test_the_report_counts_in_time_late_and_open_per_account(run: Run, town: Path) -> None:
    in_time = add(run, town, "2026-11-02 10:00")
    late = add(run, town, "2026-11-03 10:00", text="B")
    add(run, town, "2026-11-26 10:00", text="C")  # open and overdue
    run("feedback", "reply", in_time, "--at", "2026-11-03 09:00", *_as(town, "pia"), check=0)
    run("feedback", "reply", late, "--at", "2026-11-20 09:00", *_as(town, "pia"), check=0)
    done = run(
        "feedback",
        "report",
        "--from",
        "2026-11-01",
        "--to",
        "2026-11-30",
        "--format",
        "json",
        "--data",
        str(town),
    )
    report = json.loads(done.stdout)
    assert report["range"] == {"from": "2026-11-01", "to": "2026-11-30"}
    (account,) = report["accounts"]
    expected = {"received": 3, "handled": 2, "in_time": 1, "late": 1, "open": 1, "overdue": 1}
    assert account == {"account": ACCOUNT, **expected, "in_time_share": 0.5}
    assert report["total"] == {**expected, "in_time_share": 0.5}
    for fmt in ("csv", "md", "html", "xlsx"):
        out = town.parent / f"report.{fmt}"
        period = ("--from", "2026-11-01", "--to", "2026-11-30")
        run(
            "feedback",
            "report",
            *period,
            "--format",
            fmt,
            "-o",
            str(out),
            "--lang",
            "fi",
            "--data",
            str(town),
            check=0,
        )
        assert out.stat().st_size > 0
    csv_text = (town.parent / "report.csv").read_text("utf-8-sig")
    assert f"{ACCOUNT};marraskuu 2026;3;2;1;1;1;1;50 %" in csv_text  # a month as Finns write it


def test_the_import_reads_finnish_headers_keeps_a_multiline_cell_and_adds_nothing_twice(
    run: Run, town: Path, tmp_path: Path
) -> None:
    sheet = tmp_path / "palaute.csv"
    sheet.write_text(
        "tili;saapunut;teksti;lähettäjä;laji\n"
        f'{ACCOUNT};14.6.2027 9.00;"Hei,\nmilloin aukeatte?";@lukija;kommentti\n'
        f"{ACCOUNT};15.6.2027 12.30;Kiitos hyvästä palvelusta;Maija;sähköposti\n",
        encoding="utf-8",
    )
    first = run("feedback", "import", str(sheet), *_as(town, "pia"), check=0)
    assert len(first.stdout.split()) == 2
    again = run("feedback", "import", str(sheet), *_as(town, "pia"), check=0)
    assert again.stdout.strip() == ""
    items = listed(run, town)
    assert len(items) == 2
    multi = next(f for f in items if f["from"] == "@lukija")
    assert (multi["text"], multi["kind"], multi["due"]) == (
        "Hei,\nmilloin aukeatte?",
        "comment",
        "2027-06-16",
    )
    assert next(f for f in items if f["from"] == "Maija")["kind"] == "email"


def test_an_import_with_a_bad_row_adds_nothing_and_names_the_row(
    run: Run, town: Path, tmp_path: Path
) -> None:
    sheet = tmp_path / "palaute.csv"
    sheet.write_text(
        f"account;received;text\n{ACCOUNT};2027-06-14 09:00;ok\nnope;2027-06-14 09:00;x\n{ACCOUNT};huomenna;y\n",
        encoding="utf-8",
    )
    before = fingerprint(town)
    done = run("feedback", "import", str(sheet), *_as(town, "pia"), check=2)
    assert "row 3" in done.stderr and "row 4" in done.stderr
    assert fingerprint(town) == before


@pytest.mark.parametrize(
    ("extra", "why"),
    [
        (("--text", "a\x1b[31mb"), "control"),
        (("--text", "\ud800"), "control"),
        (("--text", "x" * 20_001), "too long"),
        (("--text", "   "), "empty"),
        (("--text", "x", "--link", "javascript:alert(1)"), "not a web address"),
        (("--text", "x", "--post", "p-none"), "p-none"),
        (("--text", "x", "--from", "a\nb"), "line"),
        (
            ("--text", "x", "--received", ""),
            "--received: «» is not a time (e.g. 14.6.2027 9.00",
        ),  # the last one given
        (("--text", "x", "--received", "   "), "--received: «   » is not a time"),
    ],
)
def test_hostile_input_is_one_line_exit_2_and_nothing_written(
    run: Run, town: Path, extra: tuple[str, ...], why: str
) -> None:
    before = fingerprint(town)
    done = run(
        "feedback",
        "add",
        "--account",
        ACCOUNT,
        "--received",
        "2027-06-14 10:00",
        *extra,
        *_as(town, "pia"),
        check=2,
    )
    assert why in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "\x1b" not in done.stderr
    assert fingerprint(town) == before


def test_the_listing_in_finnish_marks_what_is_late_in_words(run: Run, town: Path) -> None:
    add(run, town, "2026-11-26 10:00")
    done = run("feedback", "list", "--open", "--lang", "fi", "--data", str(town), check=0)
    assert "30.11.2026 MYÖH." in done.stdout and "avoin" in done.stdout


def test_the_listing_marks_an_item_answered_after_its_due_day_as_the_report_counts_it(
    run: Run, town: Path
) -> None:
    """An answer given late left its line looking like one given in time: `late` was only in the
    JSON and the report."""
    late = add(run, town, "2026-11-26 10:00")
    in_time = add(run, town, "2026-11-30 10:00")
    for item in (late, in_time):
        run("feedback", "reply", item, *_as(town, "pia"), check=0)
    lines = run("feedback", "list", "--lang", "en", "--data", str(town), check=0).stdout.splitlines()
    assert "30 Nov 2026 LATE" in next(line for line in lines if line.startswith(late))
    assert "LATE" not in next(line for line in lines if line.startswith(in_time))


def test_the_listing_says_who_stands_in_for_someone_away_today_as_the_app_does(run: Run, town: Path) -> None:
    """Given to pia, who is away today: the listing says `pia → eero` while her absence's deputy
    stands in, `pia → ?` when nobody does; the JSON keeps the assignee, and a handled item names her."""
    first = add(run, town, "2026-11-30 10:00")
    handled = add(run, town, "2026-11-30 11:00")
    run("feedback", "reply", handled, *_as(town, "pia"), check=0)
    run("absence", "add", "pia", "--from", "2026-12-01", "--to", "2026-12-01", *_as(town, "aino"), check=0)
    lines = run("feedback", "list", "--data", str(town), check=0).stdout.splitlines()
    assert "pia → ?" in next(line for line in lines if line.startswith(first))
    absence = json.loads(run("absence", "list", "--format", "json", "--data", str(town), check=0).stdout)[0]
    run("deputy", "assign", absence["id"], "eero", *_as(town, "aino"), check=0)
    lines = run("feedback", "list", "--data", str(town), check=0).stdout.splitlines()
    mine, done = (next(line for line in lines if line.startswith(i)) for i in (first, handled))
    assert " pia → eero " in mine and "→" not in done
    assert mine.index("Kysymys") == done.index("Kysymys")  # the text in one column
    assert one(run, town, first)["assignee"] == "pia"


def test_a_handled_item_is_reopened_before_another_step_and_an_open_one_is_not_reopened(
    run: Run, town: Path
) -> None:
    feedback_id = add(run, town, "2026-11-30 10:00")
    before = fingerprint(town)
    done = run("feedback", "reopen", feedback_id, *_as(town, "pia"), check=1)
    assert "already open" in done.stderr and fingerprint(town) == before
    run("feedback", "reply", feedback_id, *_as(town, "pia"), check=0)
    before = fingerprint(town)
    done = run("feedback", "close", feedback_id, "--reason", "spam", *_as(town, "oona"), check=1)
    assert "already handled (answered); reopen it first" in done.stderr
    assert fingerprint(town) == before and one(run, town, feedback_id)["handled_by"] == "pia"


def test_a_producer_not_on_the_account_handles_none_of_its_feedback(run: Run, town: Path) -> None:
    run(
        "person",
        "add",
        "ville",
        "--name",
        "Ville V",
        "--email",
        "v@j.fi",
        "--role",
        "producer",
        *_as(town, "aino"),
    )
    feedback_id = add(run, town, "2026-11-30 10:00")
    before = fingerprint(town)
    run("feedback", "reply", feedback_id, *_as(town, "ville"), check=1)
    run(
        "feedback",
        "add",
        "--account",
        ACCOUNT,
        "--received",
        "2026-11-30 10:00",
        "--text",
        "x",
        *_as(town, "ville"),
        check=1,
    )
    assert fingerprint(town) == before
