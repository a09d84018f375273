"""`planner person|absence|deputy|coverage` run for real against a workspace on disk."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Run, fingerprint
from tests.helpers import is_new_id

ADMIN = ("--user", "a1")
ACCOUNT = "instagram-ylojarvi"


def _data(workspace: Path) -> tuple[str, str]:
    return "--data", str(workspace)


def _json(run: Run, *args: str) -> Any:
    done = run(*args, "--format", "json")
    return json.loads(done.stdout)


def test_person_add_then_list_in_json(run: Run, workspace: Path) -> None:
    run(
        "person",
        "add",
        "m1",
        "--name",
        "Mirja Mäki",
        "--email",
        "mirja@ylojarvi.fi",
        "--role",
        "producer",
        "--role",
        "expert",
        *ADMIN,
        *_data(workspace),
        check=0,
    )
    people = _json(run, "person", "list", *_data(workspace))
    assert isinstance(people, list)
    mirja = next(p for p in people if p["id"] == "m1")
    assert mirja == {
        "id": "m1",
        "name": "Mirja Mäki",
        "email": "mirja@ylojarvi.fi",
        "roles": ["producer", "expert"],
        "retired": None,
        "revision": 1,
    }
    # Finnish order: "Päivi" after "Pekka", and names with Ä/Ö after Z.
    names = [p["name"] for p in people]
    assert names.index("Pekka Tuottaja") < names.index("Päivi Sijainen")


@pytest.mark.parametrize(
    "address", ["x@", "@x", "a@b@c", "mirja@.fi", "mirja@ylojarvi..fi", "mirja@ylojarvi.fi."]
)
def test_an_address_that_is_not_one_is_refused_and_nothing_changes(
    run: Run, workspace: Path, address: str
) -> None:
    before = fingerprint(workspace)
    for args in (
        ("person", "add", "m1", "--name", "Mirja Mäki", "--email", address, "--role", "producer"),
        ("person", "edit", "p1", "--email", address),
        ("org", "set", "--mail-from", address),
    ):
        refused = run(*args, *ADMIN, *_data(workspace), check=2)
        assert "is not an e-mail address" in refused.stderr, args
    assert fingerprint(workspace) == before


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("--user", "p1"), 1, "only an admin"),
        (("--user", "t1"), 1, "only an admin"),
        ((), 2, "needs an identity"),
    ],
)
def test_only_admins_change_people_absences_and_deputies(
    run: Run, workspace: Path, args: tuple[str, ...], code: int, message: str
) -> None:
    before = fingerprint(workspace)
    attempts = [
        ("person", "add", "m1", "--name", "M", "--email", "m@x.fi", "--role", "producer"),
        ("person", "edit", "p1", "--name", "Pekka Uusi"),
        ("person", "retire", "p1"),
        ("absence", "add", "p1", "--from", "2026-12-07", "--to", "2026-12-11"),
        ("deputy", "assign", "a-0001", "p2"),
    ]
    for attempt in attempts:
        done = run(*attempt, *args, *_data(workspace), check=code)
        assert message in done.stderr and done.stderr.count("\n") == 1
    assert fingerprint(workspace) == before
    run("person", "list", *args, *_data(workspace), check=0)  # everyone reads
    run("absence", "list", *args, *_data(workspace), check=0)


def test_absence_add_prints_its_id_and_warns_about_an_absent_deputy(run: Run, workspace: Path) -> None:
    first = run(
        "absence",
        "add",
        "p2",
        "--from",
        "2026-12-09",
        "--to",
        "2026-12-10",
        "--kind",
        "training",
        *ADMIN,
        *_data(workspace),
        check=0,
    )
    assert is_new_id(first.stdout.strip(), "a")
    second = run(
        "absence",
        "add",
        "p1",
        "--from",
        "2026-12-07",
        "--to",
        "2026-12-11",
        "--deputy",
        "p2",
        *ADMIN,
        *_data(workspace),
        check=0,
    )
    assert is_new_id(second.stdout.strip(), "a")
    assert "p2 is away 2 days" in second.stderr
    listed = _json(run, "absence", "list", *_data(workspace))
    assert listed == [
        {
            "id": second.stdout.strip(),
            "person": "p1",
            "from": "2026-12-07",
            "to": "2026-12-11",
            "kind": "vacation",
            "deputy": "p2",
            "revision": 1,
        },
        {
            "id": first.stdout.strip(),
            "person": "p2",
            "from": "2026-12-09",
            "to": "2026-12-10",
            "kind": "training",
            "deputy": None,
            "revision": 1,
        },
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("ghost", "--from", "2026-12-07", "--to", "2026-12-11"), "unknown person «ghost»"),
        (("p1", "--from", "2026-12-32", "--to", "2026-12-11"), "is not a date"),
        (("p1", "--from", "2026-12-11", "--to", "2026-12-07"), "before the start"),
        (("p1", "--from", "2026-12-07", "--to", "2026-12-11", "--deputy", "p1"), "their own deputy"),
        (("p1", "--from", "2026-12-07", "--to", "2026-12-11", "--deputy", "nobody"), "unknown person"),
    ],
)
def test_bad_absences_change_nothing(run: Run, workspace: Path, args: tuple[str, ...], message: str) -> None:
    before = fingerprint(workspace)
    done = run("absence", "add", *args, *ADMIN, *_data(workspace), check=2)
    assert message in done.stderr
    assert fingerprint(workspace) == before


def test_absence_csv_import_all_or_nothing(run: Run, workspace: Path, tmp_path: Path) -> None:
    bad = tmp_path / "hr.csv"
    bad.write_text(
        "henkilö;alku;loppu;laji\npekka@ylojarvi.fi;1.12.2026;4.12.2026;loma\n"
        "ghost;2026-12-01;2026-12-04;loma\np2;2026-12-05;2026-12-01;sairaus\n",
        encoding="utf-8-sig",
    )
    before = fingerprint(workspace)
    done = run("absence", "import", str(bad), *ADMIN, *_data(workspace), check=2)
    assert "2 rows refused, nothing imported" in done.stderr
    assert "row 3:" in done.stderr and "row 4:" in done.stderr and "row 2" not in done.stderr
    assert fingerprint(workspace) == before

    good = tmp_path / "hr-ok.csv"  # Excel's Finnish default: Windows-1252 and semicolons
    good.write_bytes(
        "Sähköposti;Alkaa;Päättyy;Laji\npekka@ylojarvi.fi;1.12.2026;4.12.2026;Vuosiloma\n"
        "p2;2026-12-03;2026-12-04;sairaus\n".encode("cp1252")
    )
    done = run("absence", "import", str(good), *ADMIN, *_data(workspace), check=0)
    assert "Imported 2 absences (0 were there already)" in done.stdout
    again = run("absence", "import", str(good), *ADMIN, *_data(workspace), check=0)
    assert "Imported 0 absences (2 were there already)" in again.stdout
    kinds = [(a["person"], a["kind"]) for a in _json(run, "absence", "list", *_data(workspace))]
    assert kinds == [("p1", "vacation"), ("p2", "sick")]
    # The import is in effect at once: both owner and deputy are away on 3–4 December.
    check = _json(run, "check", "--from", "2026-12-01", "--to", "2026-12-06", *_data(workspace))
    gaps = [(f["date"], f["until"]) for f in check["findings"] if f["rule"] == "account.coverage"]
    assert gaps == [("2026-12-03", "2026-12-04")]


def test_an_absence_list_kept_in_a_workbook_is_read_as_its_csv_is(
    run: Run, workspace: Path, tmp_path: Path
) -> None:
    """HR keeps its list in Excel as often as in CSV: the first sheet, dates as Excel's own date
    cells or as text, the headers in Finnish, under the same rules as the other imports."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Henkilö", "Alku", "Loppu", "Laji", "Sijainen"])
    sheet.append(["pekka@ylojarvi.fi", dt.datetime(2026, 12, 1), dt.date(2026, 12, 4), "Vuosiloma", "p2"])
    sheet.append(["p2", "7.12.2026", "8.12.2026", "koulutus", None])
    book.save(tmp_path / "lomat.xlsx")
    done = run("absence", "import", str(tmp_path / "lomat.xlsx"), *ADMIN, *_data(workspace), check=0)
    assert "Imported 2 absences (0 were there already)" in done.stdout
    found = [
        (a["person"], a["from"], a["to"], a["kind"], a["deputy"])
        for a in _json(run, "absence", "list", *_data(workspace))
    ]
    assert found == [
        ("p1", "2026-12-01", "2026-12-04", "vacation", "p2"),
        ("p2", "2026-12-07", "2026-12-08", "training", None),
    ]
    again = run("absence", "import", str(tmp_path / "lomat.xlsx"), *ADMIN, *_data(workspace), check=0)
    assert "Imported 0 absences (2 were there already)" in again.stdout


def test_a_holiday_list_with_one_period_column_as_finns_write_it(
    run: Run, workspace: Path, tmp_path: Path
) -> None:
    """A holiday list keeps one column `Ajankohta` (`1.–4.12.2026`, `28.12.–3.1.2027`): it was
    "not an absence list". A reversed period is refused, never made a year long."""
    sheet = tmp_path / "lomalista.csv"
    sheet.write_text(
        "Henkilö;Ajankohta;Laji\npekka@ylojarvi.fi;1.–4.12.2026;loma\np2;28.12.–3.1.2027;vuosiloma\n"
        "p2;2027-07-01 – 2027-07-25;loma\n",
        "utf-8",
    )
    done = run("absence", "import", str(sheet), *ADMIN, *_data(workspace), check=0)
    assert "Imported 3 absences" in done.stdout
    found = [(a["person"], a["from"], a["to"]) for a in _json(run, "absence", "list", *_data(workspace))]
    assert found == [
        ("p1", "2026-12-01", "2026-12-04"),
        ("p2", "2026-12-28", "2027-01-03"),
        ("p2", "2027-07-01", "2027-07-25"),
    ]
    before = fingerprint(workspace)
    reversed_ = tmp_path / "väärin.csv"
    reversed_.write_text("Henkilö;Ajankohta\np2;25.7.–1.7.2027\np2;1.7.2027\n", "utf-8")
    refused = run("--lang", "fi", "absence", "import", str(reversed_), *ADMIN, *_data(workspace), check=2)
    assert (
        "rivi 2: loppupäivä" in refused.stderr
        and "rivi 3: Ajankohta: «1.7.2027» ei ole ajanjakso" in refused.stderr
    )
    assert fingerprint(workspace) == before


def test_binary_and_missing_csv_files_get_one_message(run: Run, workspace: Path, tmp_path: Path) -> None:
    broken = tmp_path / "hr.xlsx"
    broken.write_bytes(b"PK\x03\x04\x00\x00binary")
    assert (
        "hr.xlsx is not a readable Excel workbook"
        in run("absence", "import", str(broken), *ADMIN, *_data(workspace), check=2).stderr
    )
    binary = tmp_path / "hr.csv"
    binary.write_bytes(b"p1;\x00\x01\x02;2026-12-01")
    assert "not a CSV text file" in run("absence", "import", str(binary), *ADMIN, *_data(workspace)).stderr
    missing = run("absence", "import", str(tmp_path / "none.csv"), *ADMIN, *_data(workspace), check=2)
    assert "does not exist" in missing.stderr


def _vacation(run: Run, workspace: Path, person: str, first: str, last: str) -> str:
    done = run("absence", "add", person, "--from", first, "--to", last, *ADMIN, *_data(workspace), check=0)
    return done.stdout.strip()


def test_deputy_assignment_clears_coverage_and_owner_available(run: Run, workspace: Path) -> None:
    absence = _vacation(run, workspace, "p1", "2026-12-07", "2026-12-18")
    _vacation(run, workspace, "p2", "2026-12-01", "2026-12-31")
    post = run(
        "post",
        "add",
        "--account",
        ACCOUNT,
        "--at",
        "2026-12-09 10:00",
        "--text",
        "Joulu! #ylöjärvi",
        "--user",
        "p1",
        *_data(workspace),
        check=0,
    ).stdout.strip()
    window = ("--from", "2026-12-07", "--to", "2026-12-18", *_data(workspace))
    [gap] = _json(run, "coverage", *window)
    assert gap == {
        "account": ACCOUNT,
        "from": "2026-12-07",
        "to": "2026-12-18",
        "absent": ["p1", "p2"],
        "candidates": ["a1", "a2"],
    }
    rules = {f["rule"] for f in _json(run, "check", *window)["findings"]}
    assert {"account.coverage", "post.owner_available"} <= rules

    done = run("deputy", "assign", absence, "a1", "--handover", *ADMIN, *_data(workspace), check=0)
    assert f"1 post handed to a1: {post}" in done.stdout
    assert run("coverage", *window, "--format", "json", check=0).stdout.strip() == "[]"
    rules = {f["rule"] for f in _json(run, "check", *window)["findings"]}
    assert not rules & {"account.coverage", "post.owner_available"}
    owner = [p["owner"] for p in _json(run, "post", "list", *_data(workspace)) if p["id"] == post]
    assert owner == ["a1"]
    audit = [
        json.loads(line) for line in (workspace / "calendars/audit.jsonl").read_text("utf-8").splitlines()
    ]
    assert [(e["action"], e["id"]) for e in audit[-2:]] == [("deputy", absence), ("handover", post)]


def test_coverage_json_agrees_with_check_across_holidays_and_the_year_end(run: Run, workspace: Path) -> None:
    for person, first, last in [
        ("p1", "2026-12-21", "2027-01-08"),
        ("p2", "2026-12-23", "2027-01-05"),
        ("p2", "2027-01-04", "2027-01-06"),
        ("p1", "2027-01-11", "2027-01-11"),
    ]:
        _vacation(run, workspace, person, first, last)
    found = []
    for window in [
        ("--from", "2026-12-14", "--to", "2027-01-17"),
        ("--from", "2026-12-28", "--to", "2026-12-29"),
    ]:
        check = _json(run, "check", *window, *_data(workspace))
        by_check = [
            (f["account"], f["date"], f["until"])
            for f in check["findings"]
            if f["rule"] == "account.coverage"
        ]
        gaps = _json(run, "coverage", *window, *_data(workspace))
        assert [(g["account"], g["from"], g["to"]) for g in gaps] == by_check
        found.append(by_check)
    # Both away 23 Dec – 5 Jan (overlapping absences of p2); 24–26 Dec, 1 and 6 Jan are holidays, so
    # the run holds. The second window widens to 28 Dec – 3 Jan, whose last working day is 31 Dec.
    assert found == [[(ACCOUNT, "2026-12-23", "2027-01-05")], [(ACCOUNT, "2026-12-28", "2026-12-31")]]


def test_coverage_refuses_an_unknown_account_and_bad_dates(run: Run, workspace: Path) -> None:
    assert "unknown account" in run("coverage", "--account", "nope", *_data(workspace), check=2).stderr
    assert "is not a date" in run("coverage", "--from", "1.13.", *_data(workspace), check=2).stderr
    coming = json.loads(run("coverage", "--from", "1.1.", "--format", "json", *_data(workspace)).stdout)
    assert coming == [] or all(g["from"] >= "2026-12-29" for g in coming)  # 1.1. is the coming New Year
    assert (
        "before"
        in run("coverage", "--from", "2027-01-01", "--to", "2026-01-01", *_data(workspace), check=2).stderr
    )


def test_retire_lists_what_needs_reassigning_then_a_successor_takes_it(run: Run, workspace: Path) -> None:
    done = run("person", "retire", "p1", "--from", "2026-12-01", *ADMIN, *_data(workspace), check=0)
    assert f"account {ACCOUNT}: owner" in done.stdout and "post p-0001 2 Dec 2026 10:00" in done.stdout
    blocked = _json(run, "check", *_data(workspace))
    assert any(f["rule"] == "post.owner_available" for f in blocked["findings"])
    done = run(
        "person",
        "retire",
        "p1",
        "--from",
        "2026-12-01",
        "--successor",
        "p2",
        *ADMIN,
        *_data(workspace),
        check=0,
    )
    assert "Handed to p2" in done.stdout
    posts = _json(run, "post", "list", *_data(workspace))
    assert [p["owner"] for p in posts] == ["p2"]


def test_open_feedback_of_someone_who_retires_is_listed_then_handed_to_the_successor(
    run: Run, workspace: Path
) -> None:
    """An answer still owed when its person leaves: listed as left behind, and the successor's to
    answer when one is named (an audited reassignment); an answered item keeps who answered it."""

    def feedback(received: str) -> str:
        added = run(
            *("feedback", "add", "--account", ACCOUNT, "--received", received, "--text", "Kysymys"),
            *("--assignee", "p1", *ADMIN, *_data(workspace)),
            check=0,
        )
        return added.stdout.strip()

    owed, answered = feedback("2026-11-30 09:00"), feedback("2026-11-30 10:00")
    run("feedback", "reply", answered, *ADMIN, *_data(workspace), check=0)
    done = run("person", "retire", "p1", "--from", "2026-12-01", *ADMIN, *_data(workspace), check=0)
    assert (
        f"feedback {owed} ({ACCOUNT}), to answer by 2 Dec 2026" in done.stdout and answered not in done.stdout
    )
    listing = run("feedback", "list", "--open", *_data(workspace), check=0).stdout
    assert "p1 → ?" in listing  # nobody answers it yet, and the listing says so
    handed = run(
        *("person", "retire", "p1", "--from", "2026-12-01", "--successor", "p2"),
        *(*ADMIN, *_data(workspace)),
        check=0,
    )
    assert f"feedback {owed}" in handed.stdout.split("Handed to p2")[1]
    items = {f["id"]: f for f in _json(run, "feedback", "list", *_data(workspace))}
    assert items[owed]["assignee"] == "p2" and items[answered]["assignee"] == "p1"
    run("audit", "verify", *_data(workspace), check=0)


def test_deputy_candidates_and_an_unknown_absence(run: Run, workspace: Path) -> None:
    absence = _vacation(run, workspace, "p1", "2026-12-07", "2026-12-18")
    found = _json(run, "deputy", "candidates", absence, *_data(workspace))
    assert [c["person"] for c in found] == ["a1", "a2", "p2"]
    done = run("deputy", "assign", "a-9999", "p2", *ADMIN, *_data(workspace), check=2)
    assert "unknown absence «a-9999»" in done.stderr


def test_first_person_in_an_empty_workspace_must_be_an_admin(run: Run, tmp_path: Path) -> None:
    root = tmp_path / "empty"
    run("init", str(root), check=0)
    refused = run(
        "person",
        "add",
        "x1",
        "--name",
        "X",
        "--email",
        "x@x.fi",
        "--role",
        "producer",
        "--data",
        str(root),
        check=1,
    )
    assert "first person must be an admin" in refused.stderr
    run(
        "person",
        "add",
        "x1",
        "--name",
        "X",
        "--email",
        "x@x.fi",
        "--role",
        "admin",
        "--data",
        str(root),
        check=0,
    )
    dup = run(
        "person",
        "add",
        "x2",
        "--name",
        "Y",
        "--email",
        "X@x.fi",
        "--role",
        "admin",
        "--user",
        "x1",
        "--data",
        str(root),
        check=2,
    )
    assert "already belongs to x1" in dup.stderr


def test_someone_who_has_left_writes_no_more(run: Run, workspace: Path) -> None:
    run(
        "person",
        "retire",
        "p1",
        "--from",
        "2026-11-30",
        "--successor",
        "p2",
        *ADMIN,
        *_data(workspace),
        check=0,
    )
    done = run(
        "post",
        "add",
        "--account",
        ACCOUNT,
        "--at",
        "2026-12-09 10:00",
        "--text",
        "x #ylöjärvi",
        "--user",
        "p1",
        *_data(workspace),
        check=1,
    )
    assert "left the team on 30 Nov 2026" in done.stderr
    account = [
        a
        for a in json.loads((workspace / "calendars" / f"{ACCOUNT}.json").read_text("utf-8"))[
            "account"
        ].values()
    ]
    assert account[0]["owners"] == ["p2"] and account[0]["deputies"] == ["p2"]
