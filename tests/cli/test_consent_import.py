"""`planner consent import`: the register of photo permissions a team keeps in a sheet (SPEC
*Running a team from zero*: the lists a team keeps today), in a workbook or a CSV with Finnish or
English headers. A recorded consent is never changed by a sheet; names stay out of the audit log and
out of every refusal; one bad row refuses the file; the same sheet again adds nothing."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import openpyxl

from tests.cli.conftest import ACCOUNT
from tests.conftest import Run, fingerprint

REGISTER_FI = (
    "Kuvattava;Käyttö;Alaikäinen;Huoltaja;Kirjallinen;Voimassa alkaen;Voimassa asti;Peruttu;Huomio\r\n"
    "Matti Meikäläinen;kaikki;ei;;kyllä;1.9.2026;;;\r\n"
    f"Liisa Lapsi;instagram, {ACCOUNT};kyllä;Leena Lapsi;kyllä;1.9.2026;31.8.2027;;leirikuvat\r\n"
    "Pekka Peruttu;facebook;ei;;kyllä;1.1.2026;;1.11.2026;\r\n"
    "Suullinen Sanna;*;;;ei;;;;\r\n"
)


def _as(root: Path, user: str) -> tuple[str, ...]:
    return ("--data", str(root), "--user", user)


def register(run: Run, root: Path) -> dict[str, dict[str, Any]]:
    listed = json.loads(
        run(
            "consent", "list", "--include-personal-data", "--format", "json", *_as(root, "aino"), check=0
        ).stdout
    )
    return {c["subject"]: c for c in listed}


def test_a_finnish_register_in_windows_1252_becomes_records_once(
    run: Run, town: Path, tmp_path: Path
) -> None:
    sheet = tmp_path / "kuvausluvat.csv"
    sheet.write_bytes(REGISTER_FI.encode("cp1252"))
    done = run("--lang", "fi", "consent", "import", str(sheet), *_as(town, "pia"), check=0)
    assert len(done.stdout.split()) == 4 and "4 lupaa lisätty" in done.stderr and "Huomio" in done.stderr
    found = register(run, town)
    matti, liisa = found["Matti Meikäläinen"], found["Liisa Lapsi"]
    assert (matti["scope"], matti["valid_from"], matti["valid_to"], matti["written"]) == (
        ["*"],
        "2026-09-01",
        None,
        True,
    )
    assert (liisa["minor"], liisa["guardian"], liisa["scope"]) == (
        True,
        "Leena Lapsi",
        ["instagram", ACCOUNT],
    )
    assert found["Pekka Peruttu"]["withdrawn"] == "2026-11-01"
    sanna = found["Suullinen Sanna"]
    assert sanna["written"] is False and sanna["valid_from"] == "2026-12-01"  # from the day it came in
    log = (town / "calendars" / "audit.jsonl").read_text("utf-8")
    assert "Meikäläinen" not in log and "Leena Lapsi" not in log  # names never reach the log
    before = fingerprint(town)
    again = run("consent", "import", str(sheet), *_as(town, "pia"), check=0)
    assert again.stdout == "" and "0 consents added, 4 already in the register" in again.stderr
    assert fingerprint(town) == before
    run("audit", "verify", "--data", str(town), check=0)


def test_a_consent_valid_for_one_period_written_in_one_cell(run: Run, town: Path, tmp_path: Path) -> None:
    """A consent form's `Voimassa: 1.9.2026–31.8.2027` in one column was not read at all."""
    sheet = tmp_path / "luvat.csv"
    sheet.write_text("Kuvattava;Käyttö;Voimassa\nLiisa Lapsi;kaikki;1.9.2026–31.8.2027\n", "utf-8")
    run("consent", "import", str(sheet), *_as(town, "pia"), check=0)
    liisa = register(run, town)["Liisa Lapsi"]
    assert (liisa["valid_from"], liisa["valid_to"]) == ("2026-09-01", "2027-08-31")


def test_a_workbook_with_excel_dates_and_ids(run: Run, town: Path, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["ID", "Subject", "Scope", "Minor", "From", "To"])
    sheet.append(
        ["c-kevat-1", "Kerttu Kevät", "instagram", False, dt.datetime(2026, 5, 2), dt.date(2027, 5, 1)]
    )
    book.save(tmp_path / "consents.xlsx")
    done = run("consent", "import", str(tmp_path / "consents.xlsx"), *_as(town, "aino"), check=0)
    assert done.stdout.split() == ["c-kevat-1"]
    kerttu = register(run, town)["Kerttu Kevät"]
    assert (kerttu["id"], kerttu["valid_from"], kerttu["valid_to"]) == (
        "c-kevat-1",
        "2026-05-02",
        "2027-05-01",
    )


def test_a_recorded_consent_is_never_changed_by_a_sheet_and_bad_rows_are_named_without_names(
    run: Run, town: Path, tmp_path: Path
) -> None:
    first = tmp_path / "luvat.csv"
    first.write_text(REGISTER_FI, "utf-8")
    run("consent", "import", str(first), *_as(town, "pia"), check=0)
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "subject;scope;minor;from;to;withdrawn\n"
        "Uusi Ulla;tiktokk;no;;;\n"  # no such account or platform
        "Vääräpäivä Ville;*;no;32.1.2026;;\n"
        "Väärinpäin Veera;*;no;2027-01-01;2026-01-01;\n"
        "Matti Meikäläinen;*;no;2026-09-01;;2026-12-01\n"  # a withdrawal is recorded by withdraw
        ";*;;;;\n"
        "Kahdesti Kalle;*;no;;;\n"
        "KAHDESTI KALLE;*;no;;;\n"
        "Epäselvä Eino;*;ehkä;;;\n",
        "utf-8",
    )
    before = fingerprint(town)
    done = run("consent", "import", str(bad), *_as(town, "pia"))
    assert done.returncode == 2 and done.stdout == ""
    lines = done.stderr.splitlines()
    assert lines[0] == "planner: bad.csv: 7 rows refused, nothing imported:", done.stderr
    assert [line.split(":")[0].strip() for line in lines[1:]] == [f"row {n}" for n in (2, 3, 4, 5, 6, 8, 9)]
    assert "tiktokk" in lines[1] and "not changed by an import" in lines[4] and "already on row 7" in lines[6]
    for name in ("Ulla", "Ville", "Veera", "Matti", "Kalle", "Eino"):
        assert name not in done.stderr  # a refusal names the row and the field, never the person
    assert fingerprint(town) == before


def test_an_auditor_imports_no_consents(run: Run, town: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "luvat.csv"
    sheet.write_text(REGISTER_FI, "utf-8")
    before = fingerprint(town)
    assert run("consent", "import", str(sheet), *_as(town, "tarja")).returncode == 1
    assert fingerprint(town) == before
