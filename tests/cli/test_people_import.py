"""`planner person import`: the list of people a team keeps (SPEC *Running a team from zero*: a
new team starts from an empty folder and the lists it keeps today), from an Excel workbook or a CSV
in any of the encodings Finnish spreadsheets write, headers in Finnish or English. Into an empty
workspace the list needs no identity when it names an admin; after that only admins import. One bad
row refuses the whole file naming every bad row; the same list again changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from tests.cli.conftest import audit_lines
from tests.conftest import Run, fingerprint

PEOPLE_FI = (
    "Nimi;Sähköposti;Roolit;Puhelin\r\n"
    "Aino Ahonen;aino.ahonen@ylojarvi.fi;pääkäyttäjä, sisällöntuottaja;040 1\r\n"
    "Eero Esimerkki;eero.esimerkki@ylojarvi.fi;Pääkäyttäjä;040 2\r\n"
    "Pia Päivittäjä;pia.paivittaja@ylojarvi.fi;sisällöntuottaja;\r\n"
    "Tarja Tarkastaja;tarja@ylojarvi.fi;tarkastaja;\r\n"
)


@pytest.fixture
def empty(run: Run, tmp_path: Path) -> Path:
    root = tmp_path / "ylojarvi"
    run("init", str(root), "--name", "Ylöjärven kaupunki", check=0)
    return root


def people(run: Run, root: Path) -> dict[str, dict[str, object]]:
    listed = json.loads(run("person", "list", "--format", "json", "--data", str(root), check=0).stdout)
    return {p["id"]: p for p in listed}


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8-sig"])
def test_an_empty_workspace_takes_the_teams_list_and_again_changes_nothing(
    run: Run, empty: Path, tmp_path: Path, encoding: str
) -> None:
    sheet = tmp_path / "henkilöt.csv"
    sheet.write_bytes(PEOPLE_FI.encode(encoding))
    done = run("--lang", "fi", "person", "import", str(sheet), "--data", str(empty), check=0)
    assert done.stdout.split() == ["aino-ahonen", "eero-esimerkki", "pia-paivittaja", "tarja-tarkastaja"]
    assert "Puhelin" in done.stderr and "4 henkilöä lisätty" in done.stderr
    found = people(run, empty)
    assert found["aino-ahonen"]["roles"] == ["admin", "producer"]
    assert found["pia-paivittaja"] == {
        "id": "pia-paivittaja",
        "name": "Pia Päivittäjä",
        "email": "pia.paivittaja@ylojarvi.fi",
        "roles": ["producer"],
        "retired": None,
        "revision": 1,
    }
    assert found["tarja-tarkastaja"]["roles"] == ["auditor"]
    before = fingerprint(empty)
    again = run("person", "import", str(sheet), "--data", str(empty), "--user", "aino-ahonen", check=0)
    assert again.stdout == "" and "0 people added, 0 changed, 4 already up to date" in again.stderr
    assert fingerprint(empty) == before
    assert [line["user"] for line in audit_lines(empty) if line["entity"] == "people"] == ["import"] * 4
    run("audit", "verify", "--data", str(empty), check=0)


def test_roles_and_people_joined_as_a_finn_writes_them(run: Run, empty: Path, tmp_path: Path) -> None:
    """`pääkäyttäjä ja sisällöntuottaja` and `pääkäyttäjä/sisällöntuottaja` were "not a role", and an
    account's `aino ja eero` no person; a register's `#kesä ja #järvelä` made `#ja` a hashtag."""
    sheet = tmp_path / "henkilöt.csv"
    sheet.write_text(
        "Nimi;Sähköposti;Roolit\nAino A;aino@ylojarvi.fi;Pääkäyttäjä ja sisällöntuottaja\n"
        "Eero E;eero@ylojarvi.fi;pääkäyttäjä/sisällöntuottaja\n",
        "utf-8",
    )
    run("person", "import", str(sheet), "--data", str(empty), check=0)
    assert [p["roles"] for p in people(run, empty).values()] == [["admin", "producer"]] * 2
    register = tmp_path / "tilit.csv"
    register.write_text(
        "Alusta;Nimi;Vastuuhenkilöt;Aihetunnisteet\nFacebook;Ylöjärvi;aino-a ja eero@ylojarvi.fi;#kesä ja #ylöjärvi\n",
        "utf-8",
    )
    run("account", "import", str(register), "--data", str(empty), "--user", "aino-a", check=0)
    (account,) = json.loads(run("account", "list", "--format", "json", "--data", str(empty), check=0).stdout)
    assert account["owners"] == ["aino-a", "eero-e"]
    assert account["required_hashtags"] == ["#kesä", "#ylöjärvi"]


def test_a_workbook_updates_people_known_by_id_or_e_mail_and_an_empty_role_keeps_theirs(
    run: Run, empty: Path, tmp_path: Path
) -> None:
    first = tmp_path / "henkilot.csv"
    first.write_text(PEOPLE_FI, "utf-8")
    run("person", "import", str(first), "--data", str(empty), check=0)
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["E-mail", "Name", "Roles", "ID"])
    sheet.append(["PIA.PAIVITTAJA@ylojarvi.fi", "Pia Päivittäjä-Laine", None, None])  # by e-mail
    sheet.append(["tarja@ylojarvi.fi", "Tarja Tarkastaja", "auditor, expert", "tarja-tarkastaja"])
    sheet.append(["oona@ylojarvi.fi", "Oona Uusi", "producer", "oona"])
    book.save(tmp_path / "people.xlsx")
    done = run(
        "person", "import", str(tmp_path / "people.xlsx"), "--data", str(empty), "--user", "eero-esimerkki"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["oona", "pia-paivittaja", "tarja-tarkastaja"]
    assert "1 person added, 2 changed, 0 already up to date" in done.stderr
    found = people(run, empty)
    assert found["pia-paivittaja"]["name"] == "Pia Päivittäjä-Laine"
    assert found["pia-paivittaja"]["roles"] == ["producer"]  # the empty cell kept them
    assert found["pia-paivittaja"]["email"] == "PIA.PAIVITTAJA@ylojarvi.fi"
    assert found["tarja-tarkastaja"]["roles"] == ["auditor", "expert"]
    assert found["oona"]["name"] == "Oona Uusi"


def test_every_bad_row_is_named_and_nothing_is_imported(run: Run, empty: Path, tmp_path: Path) -> None:
    first = tmp_path / "henkilot.csv"
    first.write_text(PEOPLE_FI, "utf-8")
    run("person", "import", str(first), "--data", str(empty), check=0)
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "id;name;email;roles\n"
        ";Uusi Ihminen;uusi@ylojarvi.fi;päällikkö\n"  # no such role
        ";Ilman Roolia;ilman@ylojarvi.fi;\n"  # a new person is given a role
        "x y;Väli Tunnuksessa;vali@ylojarvi.fi;producer\n"
        ";Kahdesti;kaksi@ylojarvi.fi;producer\n"
        ";Kahdesti Taas;KAKSI@ylojarvi.fi;producer\n"  # the same e-mail twice in the file
        "eero-esimerkki;Eero;tarja@ylojarvi.fi;admin\n"  # tarja's e-mail
        ";\x1b[31mPunainen;punainen@ylojarvi.fi;producer\n"
        ";Osoitteeton;ei-osoite;producer\n"
        "aino-ahonen;Aino Ahonen;aino.ahonen@ylojarvi.fi;producer\n",  # her own admin role
        "utf-8",
    )
    before = fingerprint(empty)
    done = run("person", "import", str(bad), "--data", str(empty), "--user", "aino-ahonen")
    assert done.returncode == 2 and done.stdout == ""
    lines = done.stderr.splitlines()
    assert lines[0] == "planner: bad.csv: 8 rows refused, nothing imported:", done.stderr
    assert [line.split(":")[0].strip() for line in lines[1:]] == [
        f"row {n}" for n in (2, 3, 4, 6, 7, 8, 9, 10)
    ]
    assert "päällikkö" in lines[1] and "roles is missing" in lines[2] and "already on row 5" in lines[4]
    assert "tarja-tarkastaja" in lines[5] and "\x1b" not in done.stderr
    assert "own admin role" in lines[8]
    assert fingerprint(empty) == before


def test_who_may_import_and_what_a_list_must_hold(run: Run, empty: Path, tmp_path: Path) -> None:
    producers = tmp_path / "tuottajat.csv"
    producers.write_text("nimi;sähköposti;roolit\nPia;pia@ylojarvi.fi;sisällöntuottaja\n", "utf-8")
    done = run("person", "import", str(producers), "--data", str(empty))
    assert done.returncode == 1 and "must name an admin" in done.stderr  # nobody yet: an admin first
    no_email = tmp_path / "nimet.csv"
    no_email.write_text("nimi;roolit\nPia;admin\n", "utf-8")
    done = run("--lang", "fi", "person", "import", str(no_email), "--data", str(empty))
    assert done.returncode == 2 and "otsikkorivistä puuttuu email" in done.stderr
    first = tmp_path / "henkilot.csv"
    first.write_text(PEOPLE_FI, "utf-8")
    run("person", "import", str(first), "--data", str(empty), check=0)
    for user in ("pia-paivittaja", "tarja-tarkastaja"):
        assert run("person", "import", str(producers), "--data", str(empty), "--user", user).returncode == 1
    assert run("person", "import", str(producers), "--data", str(empty)).returncode == 2  # who is it?
    assert "pia" not in people(run, empty)


def test_the_listing_keeps_its_columns_for_long_ids(run: Run, empty: Path, tmp_path: Path) -> None:
    first = tmp_path / "henkilot.csv"
    first.write_text(PEOPLE_FI, "utf-8")
    run("person", "import", str(first), "--data", str(empty), check=0)
    listing = run("person", "list", "--data", str(empty), check=0).stdout.splitlines()
    found = people(run, empty)
    names = {line.index(str(p["name"])) for line in listing for p in found.values() if str(p["name"]) in line}
    emails = {
        line.index(str(p["email"])) for line in listing for p in found.values() if str(p["email"]) in line
    }
    assert len(listing) == 4 and len(names) == 1 and len(emails) == 1  # each in one column


def test_a_producer_is_refused_before_the_file_is_read(run: Run, empty: Path, tmp_path: Path) -> None:
    """Exit 1 for who may not, whatever the file: nothing of it is answered to them."""
    first = tmp_path / "henkilot.csv"
    first.write_text(PEOPLE_FI, "utf-8")
    run("person", "import", str(first), "--data", str(empty), check=0)
    headless = tmp_path / "headless.csv"
    headless.write_text("foo;bar\n1;2\n", "utf-8")
    done = run("person", "import", str(headless), "--data", str(empty), "--user", "pia-paivittaja")
    assert done.returncode == 1 and "only an admin" in done.stderr
