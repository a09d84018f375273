"""What teams keep today, imported (SPEC *Running a team from zero*): the account register and a
content plan, from an Excel workbook or a CSV in UTF-8, UTF-8 with BOM or Windows-1252, with Finnish
or English headers in any order. One bad row refuses the whole file naming every bad row; the same
rows imported again add nothing. And the register exported, whole or for the public web page."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile
from pathlib import Path

import openpyxl
import pytest

from tests.cli.conftest import audit_lines as _audit
from tests.conftest import Run, fingerprint

REGISTER_FI = (
    "Alusta;Nimi;Osoite;Yksikkö;Kirjautumisosoite;Pääkäyttäjät;Vastuuhenkilöt;Sisällöntuottajat;Sijaiset;Tahti;Huomiot\r\n"
    "Facebook;Järvelän nuoriso;https://www.facebook.com/jnuoriso;Nuorisopalvelut;nuoriso@jarvela.fi;"
    "aino, eero@jarvela.fi;pia;;oona;2;vanha tili\r\n"
    "Instagram;Järvelän liikunta;;Liikunta;;aino,eero;PIA@jarvela.fi;;;;\r\n"
)


def _write(path: Path, text: str, encoding: str) -> Path:
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8", "utf-8-sig"])
def test_the_register_in_finnish_from_any_encoding_and_again_adds_nothing(
    team: Path, run: Run, tmp_path: Path, encoding: str
) -> None:
    admin = ("--data", str(team), "--user", "aino")
    sheet = _write(tmp_path / "rekisteri.csv", REGISTER_FI, encoding)
    done = run("account", "import", str(sheet), *admin, check=0)
    assert done.stdout.split() == ["facebook-jarvelan-nuoriso", "instagram-jarvelan-liikunta"]
    assert "Huomiot" in done.stderr  # the skipped column is named
    accounts = {a["id"]: a for a in json.loads(run("account", "list", "--format", "json", *admin).stdout)}
    youth = accounts["facebook-jarvelan-nuoriso"]
    assert youth["name"] == "Järvelän nuoriso" and youth["unit"] == "Nuorisopalvelut"
    assert (
        youth["admins"] == ["aino", "eero"] and youth["owners"] == ["pia"] and youth["deputies"] == ["oona"]
    )
    assert youth["cadence_per_week"] == 2 and youth["login_email"] == "nuoriso@jarvela.fi"
    assert accounts["instagram-jarvelan-liikunta"]["owners"] == ["pia"]  # by e-mail, any case
    lines = len(_audit(team))
    before = fingerprint(team)
    again = run("account", "import", str(sheet), *admin, check=0)
    assert again.stdout == "" and "2 already" in again.stderr
    assert fingerprint(team) == before and len(_audit(team)) == lines


def test_a_changed_register_row_updates_its_account_and_empty_cells_leave_fields(
    team: Path, run: Run, tmp_path: Path
) -> None:
    admin = ("--data", str(team), "--user", "aino")
    run("account", "import", str(_write(tmp_path / "a.csv", REGISTER_FI, "utf-8")), *admin, check=0)
    changed = "platform,name,owners,unit\nfacebook,Järvelän nuoriso,oona,\n"
    done = run("account", "import", str(_write(tmp_path / "b.csv", changed, "utf-8")), *admin, check=0)
    assert done.stdout.split() == ["facebook-jarvelan-nuoriso"] and "1 changed" in done.stderr
    accounts = {a["id"]: a for a in json.loads(run("account", "list", "--format", "json", *admin).stdout)}
    assert accounts["facebook-jarvelan-nuoriso"]["owners"] == ["oona"]
    assert accounts["facebook-jarvelan-nuoriso"]["unit"] == "Nuorisopalvelut"


def test_a_register_names_its_platforms_as_people_write_them(team: Path, run: Run, tmp_path: Path) -> None:
    """`X (Twitter)` and `Facebook-sivu` were "not allowed": the one platform a cell names is taken,
    and a cell naming two is still refused."""
    rows = (
        "Alusta;Nimi\nX (ent. Twitter);Järvelä\nFacebook-sivu;Järvelän kirjasto\nYouTube-kanava;Järvelä TV\n"
    )
    admin = ("--data", str(team), "--user", "aino")
    done = run("account", "import", str(_write(tmp_path / "r.csv", rows, "utf-8")), *admin, check=0)
    assert done.stdout.split() == ["x-jarvela", "facebook-jarvelan-kirjasto", "youtube-jarvela-tv"]
    before = fingerprint(team)
    two = "Alusta;Nimi\nFacebook ja Instagram;Järvelä\n"
    refused = run("account", "import", str(_write(tmp_path / "t.csv", two, "utf-8")), *admin, check=2)
    assert "Facebook ja Instagram" in refused.stderr and fingerprint(team) == before


def test_a_registers_cadence_as_people_write_a_weekly_rate(team: Path, run: Run, tmp_path: Path) -> None:
    """`2/vk`, `1 krt/vko` and `viikoittain` were "not 0–50 posts a week"; a month's rate is no
    week's and is still refused."""
    rows = (
        "Alusta;Nimi;Tahti\nFacebook;A;2/vk\nInstagram;B;1 krt/vko\nX;C;viikoittain\nLinkedIn;D;3 per week\n"
    )
    admin = ("--data", str(team), "--user", "aino")
    run("account", "import", str(_write(tmp_path / "r.csv", rows, "utf-8")), *admin, check=0)
    accounts = json.loads(run("account", "list", "--format", "json", *admin).stdout)
    assert [a["cadence_per_week"] for a in accounts if len(a["name"]) == 1] == [2, 1, 3, 1]
    before = fingerprint(team)
    monthly = "Alusta;Nimi;Tahti\nFacebook;E;2/kk\n"
    refused = run("account", "import", str(_write(tmp_path / "m.csv", monthly, "utf-8")), *admin, check=2)
    assert "2/kk" in refused.stderr and fingerprint(team) == before


def test_every_bad_register_row_is_named_and_nothing_is_imported(
    team: Path, run: Run, tmp_path: Path
) -> None:
    admin = ("--data", str(team), "--user", "aino")
    rows = (
        "platform,name,owners,cadence\n"
        "facebook,Hyvä,pia,1\n"
        "facebook,Tarkastaja,tarja,1\n"  # an auditor as owner
        "myspace,Vanha,pia,1\n"
        "x,,pia,1\n"
        "x,Outo,nobody,1\n"
        "x,Tahti,pia,paljon\n"
        "facebook,Hyvä,pia,1\n"  # the first row again
    )
    before = fingerprint(team)
    done = run("account", "import", str(_write(tmp_path / "bad.csv", rows, "utf-8")), *admin)
    assert done.returncode == 2 and done.stdout == ""
    named = [line.strip().split(":")[0] for line in done.stderr.splitlines()[1:]]
    assert named == ["row 3", "row 4", "row 5", "row 6", "row 7", "row 8"]
    assert (
        "tarja" in done.stderr and "nobody" in done.stderr and "row 2" in done.stderr
    )  # row 8 repeats row 2
    assert fingerprint(team) == before


def test_only_admins_import_the_register(team: Path, run: Run, tmp_path: Path) -> None:
    before = fingerprint(team)
    sheet = _write(tmp_path / "a.csv", REGISTER_FI, "utf-8")
    assert run("account", "import", str(sheet), "--data", str(team), "--user", "pia").returncode == 1
    assert fingerprint(team) == before


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notes.csv", "jotain;muuta\n1;2\n", "platform"),  # no header the import knows
        ("empty.csv", "", "empty"),
        ("broken.xlsx", "PK\x03\x04 not a zip", "Excel"),
        ("binary.csv", "platform\x00name", "CSV"),
    ],
)
def test_a_file_that_is_no_register_is_one_line(
    team: Path, run: Run, tmp_path: Path, name: str, content: str, message: str
) -> None:
    before = fingerprint(team)
    done = run(
        "account",
        "import",
        str(_write(tmp_path / name, content, "latin-1")),
        "--data",
        str(team),
        "--user",
        "aino",
    )
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1 and message in done.stderr
    assert fingerprint(team) == before


def test_a_cell_over_the_csv_limit_is_said_in_finnish(team: Path, run: Run, tmp_path: Path) -> None:
    """The csv module's English ("field larger than field limit (131072)") was the reason inside
    the Finnish line."""
    sheet = _write(tmp_path / "r.csv", REGISTER_FI + f'"{"x" * 200_000}";1\n', "utf-8")
    args = ("account", "import", str(sheet), "--data", str(team), "--user", "aino")
    said = run(*args, "--lang", "fi", check=2).stderr
    assert said.endswith(f"CSV ei ole luettavissa (solussa on yli {csv.field_size_limit()} merkkiä).\n")
    assert "field limit" not in said
    assert (
        f"(a cell of over {csv.field_size_limit()} characters)" in run(*args, "--lang", "en", check=2).stderr
    )


@pytest.mark.parametrize("member", ["xl/worksheets/sheet1.xml", "xl/workbook.xml"])
def test_a_workbook_broken_inside_is_said_in_finnish(
    team: Path, run: Run, tmp_path: Path, member: str
) -> None:
    """It was "ei ole luettava Excel-tiedosto (ParseError)": the XML parser's class name."""
    book = openpyxl.Workbook()
    book.active.append(["Alusta", "Nimi"])
    whole = io.BytesIO()
    book.save(whole)
    sheet = tmp_path / "rekisteri.xlsx"
    with zipfile.ZipFile(whole) as source, zipfile.ZipFile(sheet, "w") as broken:
        for name in source.namelist():
            data = source.read(name)
            broken.writestr(name, data[: len(data) // 2] if name == member else data)
    before = fingerprint(team)
    args = ("account", "import", str(sheet), "--data", str(team), "--user", "aino")
    said = run(*args, "--lang", "fi", check=2).stderr
    assert said == "planner: rekisteri.xlsx ei ole luettava Excel-tiedosto (työkirjan sisältö on rikki).\n"
    assert "(the workbook's content is broken)" in run(*args, "--lang", "en", check=2).stderr
    assert fingerprint(team) == before


@pytest.fixture
def accounts(team: Path, run: Run, tmp_path: Path) -> Path:
    run(
        "account",
        "import",
        str(_write(tmp_path / "r.csv", REGISTER_FI, "utf-8")),
        "--data",
        str(team),
        "--user",
        "aino",
        check=0,
    )
    run(
        "campaign",
        "add",
        "--name",
        "Kesä 2027",
        "--from",
        "1.6.2027",
        "--to",
        "31.8.2027",
        "--data",
        str(team),
        "--user",
        "aino",
        check=0,
    )
    return team


PLAN_FI = (
    "Tili;Päivä;Aika;Teksti;Otsikko;Laji;Vastuuhenkilö;Kampanja\n"
    "facebook-jarvelan-nuoriso;14.6.2027;9.00;Kesäleiri alkaa #järvelä;Leiri;tapahtuma;oona@jarvela.fi;Kesä 2027\n"
    "Järvelän liikunta;2027-06-15;12:30;Uimahalli auki #järvelä;;uutinen;;\n"
    "facebook-jarvelan-nuoriso;16.6.2027;;Ilman kellonaikaa #järvelä;;;;\n"
)


def test_a_content_plan_in_finnish_becomes_drafts_once(accounts: Path, run: Run, tmp_path: Path) -> None:
    producer = ("--data", str(accounts), "--user", "pia")
    sheet = _write(tmp_path / "suunnitelma.csv", PLAN_FI, "cp1252")
    done = run("post", "import", str(sheet), *producer, check=0)
    ids = done.stdout.split()
    assert len(ids) == 3
    posts = {p["id"]: p for p in json.loads(run("post", "list", "--format", "json", *producer).stdout)}
    camp, pool, untimed = (posts[i] for i in ids)
    assert camp["publish_at"] == "2027-06-14T09:00" and camp["kind"] == "event" and camp["owner"] == "oona"
    assert camp["campaign"] == "kesa-2027" and camp["title"] == "Leiri" and camp["status"] == "draft"
    assert pool["account"] == "instagram-jarvelan-liikunta" and pool["publish_at"] == "2027-06-15T12:30"
    assert pool["owner"] == "pia" and pool["kind"] == "news"  # the importer owns what names no owner
    assert untimed["publish_at"] == "2027-06-16T09:00"
    before = fingerprint(accounts)
    again = run("post", "import", str(sheet), *producer, check=0)
    assert again.stdout == "" and "3 already" in again.stderr and fingerprint(accounts) == before


def test_a_content_plan_workbook_with_excel_dates_and_times(accounts: Path, run: Run, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Text", "Account", "Date", "Time"])  # English, another order
    sheet.append(["Juhannus #järvelä", "facebook-jarvelan-nuoriso", dt.datetime(2027, 6, 25), dt.time(10, 0)])
    sheet.append(["Maanantai #järvelä", "facebook-jarvelan-nuoriso", dt.datetime(2027, 6, 28, 14, 30), None])
    book.create_sheet("Muistiinpanot").append(["not", "read"])
    book.save(tmp_path / "plan.xlsx")
    done = run(
        "post", "import", str(tmp_path / "plan.xlsx"), "--data", str(accounts), "--user", "pia", check=0
    )
    posts = {
        p["id"]: p
        for p in json.loads(run("post", "list", "--format", "json", "--data", str(accounts)).stdout)
    }
    assert [posts[i]["publish_at"] for i in done.stdout.split()] == ["2027-06-25T10:00", "2027-06-28T14:30"]


def test_a_plan_saved_as_csv_by_a_spreadsheet_keeps_its_times(
    accounts: Path, run: Run, tmp_path: Path
) -> None:
    """A spreadsheet saving a plan as CSV writes its time cells as it shows them: with seconds, and in
    the 12-hour clock in English (LibreOffice: `09:00:00 AM`). Every such row was "not a time"."""
    rows = (
        "account;date;time;text\n"
        "facebook-jarvelan-nuoriso;14.6.2027;9.00.00;Aamu #järvelä\n"
        "facebook-jarvelan-nuoriso;2027-06-15;02:30:00 PM;Iltapäivä #järvelä\n"
        "facebook-jarvelan-nuoriso;2027-06-16;12:00:00 AM;Keskiyö #järvelä\n"
    )
    sheet = _write(tmp_path / "plan.csv", rows, "utf-8")
    done = run("post", "import", str(sheet), "--data", str(accounts), "--user", "pia", check=0)
    posts = {
        p["id"]: p
        for p in json.loads(run("post", "list", "--format", "json", "--data", str(accounts)).stdout)
    }
    assert [posts[i]["publish_at"] for i in done.stdout.split()] == [
        "2027-06-14T09:00",
        "2027-06-15T14:30",
        "2027-06-16T00:00",
    ]


@pytest.mark.parametrize("ending", ["\n", "\r\n"])
def test_a_post_of_two_paragraphs_keeps_its_line_breaks_and_rows_keep_their_numbers(
    accounts: Path, run: Run, tmp_path: Path, ending: str
) -> None:
    """A quoted CSV cell holds its line breaks (as Excel writes them); a bad row after it is named
    by the row a spreadsheet shows, not by a line of the file."""
    text = "Kesäleiri alkaa maanantaina.\n\nIlmoittaudu viimeistään perjantaina. #järvelä"
    rows = ["tili;päivä;teksti", f'facebook-jarvelan-nuoriso;14.6.2027;"{text}"']
    sheet = _write(tmp_path / "kappaleet.csv", ending.join(rows) + ending, "utf-8")
    done = run("post", "import", str(sheet), "--data", str(accounts), "--user", "pia", check=0)
    (post,) = json.loads(run("post", "list", "--format", "json", "--data", str(accounts)).stdout)[-1:]
    assert done.stdout.split() == [post["id"]] and post["text"] == text
    bad = _write(tmp_path / "huono.csv", ending.join([*rows, "ei-tilia;15.6.2027;x"]) + ending, "utf-8")
    refused = run("post", "import", str(bad), "--data", str(accounts), "--user", "pia", check=2)
    assert "row 3" in refused.stderr


def test_a_workbook_with_a_cell_far_to_the_right_reads_only_its_first_columns(
    accounts: Path, run: Run, tmp_path: Path
) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["tili", "päivä", "teksti"])
    sheet.append(["facebook-jarvelan-nuoriso", "14.6.2027", "Laaja #järvelä"])
    sheet.cell(row=2, column=16384, value="XFD")
    book.save(tmp_path / "laaja.xlsx")
    done = run(
        "post", "import", str(tmp_path / "laaja.xlsx"), "--data", str(accounts), "--user", "pia", check=0
    )
    assert len(done.stdout.split()) == 1


def test_every_bad_plan_row_is_named_and_nothing_is_imported(
    accounts: Path, run: Run, tmp_path: Path
) -> None:
    rows = (
        "account;date;time;text;kind;owner;media\n"
        "facebook-jarvelan-nuoriso;14.6.2027;9.00;Hyvä #järvelä;;;\n"
        "ei-tilia;14.6.2027;9.00;x;;;\n"
        "facebook-jarvelan-nuoriso;31.2.2027;9.00;x;;;\n"
        "facebook-jarvelan-nuoriso;14.6.2027;25.00;x;;;\n"
        "facebook-jarvelan-nuoriso;14.6.2027;9.00;;;;\n"
        "facebook-jarvelan-nuoriso;14.6.2027;9.00;x;juoru;;\n"
        "facebook-jarvelan-nuoriso;14.6.2027;9.00;x;;tarja;\n"
        "facebook-jarvelan-nuoriso;14.6.2027;9.00;x;;;kuva-jota-ei-ole\n"
        "facebook-jarvelan-nuoriso;;9.00;x;;;\n"
    )
    before = fingerprint(accounts)
    done = run(
        "post",
        "import",
        str(_write(tmp_path / "bad.csv", rows, "utf-8")),
        "--data",
        str(accounts),
        "--user",
        "pia",
    )
    assert done.returncode == 2 and done.stdout == ""
    named = [line.strip().split(":")[0] for line in done.stderr.splitlines()[1:]]
    assert named == [f"row {n}" for n in range(3, 11)]
    assert fingerprint(accounts) == before


def test_a_bad_cell_is_named_by_its_column_as_the_sheet_heads_it(
    accounts: Path, run: Run, tmp_path: Path
) -> None:
    """A Finnish plan's bad time was said as `time: «25.00» ei ole kellonaika`, in a Finnish
    message, naming a column the sheet does not have."""
    rows = (
        "Tili;Päivä;Aika;Teksti;Laji\n"
        "facebook-jarvelan-nuoriso;14.6.2027;25.00;x;;\n"
        "facebook-jarvelan-nuoriso;14.6.2027;9.00;x;juoru\n"
        "facebook-jarvelan-nuoriso;;9.00;x;\n"
    )
    plan = _write(tmp_path / "suunnitelma.csv", rows, "utf-8")
    done = run("post", "import", str(plan), "--lang", "fi", "--data", str(accounts), "--user", "pia", check=2)
    said = [line.strip() for line in done.stderr.splitlines()[1:]]
    assert said[0].startswith("rivi 2: Aika: «25.00»") and said[1].startswith("rivi 3: Laji: «juoru»")
    assert said[2] == "rivi 4: kenttä Päivä puuttuu."
    assert "time" not in done.stderr and "kind" not in done.stderr and "date" not in done.stderr


def test_a_plan_for_an_account_the_importer_may_not_write_is_refused(
    accounts: Path, run: Run, tmp_path: Path
) -> None:
    rows = "account;date;time;text\nfacebook-jarvelan-nuoriso;14.6.2027;9.00;x\n"
    before = fingerprint(accounts)
    done = run(
        "post",
        "import",
        str(_write(tmp_path / "p.csv", rows, "utf-8")),
        "--data",
        str(accounts),
        "--user",
        "tarja",
    )
    assert done.returncode == 1 and fingerprint(accounts) == before


# The register ---------------------------------------------------------------------------------------


def test_the_register_names_everyone_with_update_rights_and_the_findings(accounts: Path, run: Run) -> None:
    data = ("--data", str(accounts), "--user", "tarja")  # an auditor reads it
    run(
        "account",
        "edit",
        "facebook-jarvelan-nuoriso",
        "--password-changed",
        "1.9.2026",
        "--two-factor",
        "yes",
        "--data",
        str(accounts),
        "--user",
        "aino",
        check=0,
    )
    register = json.loads(run("export", "register", "--format", "json", *data, check=0).stdout)
    rows = {row["account"]: row for row in register["accounts"]}
    youth = rows["facebook-jarvelan-nuoriso"]
    assert youth["admins"] == ["Aino Ahonen", "Eero Eskola"] and youth["owners"] == ["Pia Pulkkinen"]
    assert youth["deputies"] == ["Oona Ojala"] and youth["login_email"] == "nuoriso@jarvela.fi"
    assert youth["two_factor"] is True and youth["password_days"] == 91 and youth["status"] == "active"
    assert {f["rule"] for f in youth["findings"]} >= {"account.security", "account.verification"}
    assert youth["last_published_at"] is None
    table = list(
        csv.reader(
            io.StringIO(run("export", "register", "--format", "csv", *data).stdout.lstrip("\ufeff")),
            delimiter=";",
        )
    )
    header = table[0]
    assert header[:3] == ["account", "platform", "name"] and len(table) == 3
    assert table[1][header.index("owners")] == "Pia Pulkkinen"
    for fmt in ("md", "html"):
        text = run("export", "register", "--format", fmt, *data, check=0).stdout
        assert "Järvelän nuoriso" in text and "Eero Eskola" in text


def test_the_public_register_lists_only_active_listed_accounts_names_platforms_and_addresses(
    accounts: Path, run: Run, tmp_path: Path
) -> None:
    admin = ("--data", str(accounts), "--user", "aino")
    run(
        "account",
        "edit",
        "instagram-jarvelan-liikunta",
        "--status",
        "closed",
        "--listed",
        "yes",
        *admin,
        check=0,
    )
    run("account", "add", "--platform", "tiktok", "--name", "Tuleva", "--starts", "1.1.2027", *admin, check=0)
    run("account", "edit", "tiktok-tuleva", "--listed", "yes", *admin, check=0)
    public = json.loads(run("export", "register", "--format", "json", "--public", *admin, check=0).stdout)
    assert public == []  # nothing listed on the city's web page yet
    run("account", "edit", "facebook-jarvelan-nuoriso", "--listed", "yes", *admin, check=0)
    public = json.loads(run("export", "register", "--format", "json", "--public", *admin, check=0).stdout)
    assert public == [
        {"name": "Järvelän nuoriso", "platform": "Facebook", "url": "https://www.facebook.com/jnuoriso"}
    ]
    html = run("export", "register", "--format", "html", "--public", *admin, check=0).stdout
    assert html.startswith("<ul") and html.rstrip().endswith("</ul>") and "<html" not in html
    assert (
        '<a href="https://www.facebook.com/jnuoriso" rel="me noopener">Järvelän nuoriso</a> – Facebook'
        in html
    )
    assert "nuoriso@jarvela.fi" not in html and "Pia" not in html and "liikunta" not in html
    run("export", "register", "--format", "xlsx", "--public", "-o", str(tmp_path / "r.xlsx"), *admin, check=0)
    sheet = openpyxl.load_workbook(tmp_path / "r.xlsx").worksheets[0]
    assert [c.value for c in sheet[2]][:3] == [
        "Järvelän nuoriso",
        "Facebook",
        "https://www.facebook.com/jnuoriso",
    ]


SHEETS = Path(__file__).resolve().parents[1] / "data" / "sheets"  # saved by LibreOffice Calc 7


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("henkilot.xls", "in the old Excel format (.xls); save it as .xlsx or CSV"),
        ("henkilot.ods", "an OpenDocument spreadsheet (.ods); save it as .xlsx or CSV"),
    ],
)
@pytest.mark.parametrize("command", [("person", "import"), ("metrics", "import")])
def test_a_spreadsheet_openpyxl_does_not_read_is_named_with_what_to_save_instead(
    team: Path, run: Run, name: str, said: str, command: tuple[str, str]
) -> None:
    """An .xls was "not a CSV text file", an .ods "not a readable Excel workbook or ZIP archive"."""
    before = fingerprint(team)
    done = run(*command, str(SHEETS / name), "--data", str(team), "--user", "aino", "--lang", "en", check=2)
    assert done.stderr == f"planner: {name} is {said}.\n" and fingerprint(team) == before
