"""The plan to Excel and back (`post export`, `post import`): the columns the import reads with
each post's id and revision, line breaks kept in CSV and XLSX alike, the posts named changed and
none added twice, and a file refused whole when a post changed since its export."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import Run, fingerprint

ACCOUNT = "x-jarvelan-kaupunki"


@pytest.fixture
def city(run: Run, tmp_path: Path) -> Path:
    root = tmp_path / "city"
    run("init", str(root), "--demo", check=0)
    return root


def _as(root: Path) -> tuple[str, ...]:
    return ("--data", str(root), "--user", "sanna")


def stored(run: Run, root: Path) -> dict[str, dict[str, object]]:
    done = run("post", "list", "--account", ACCOUNT, "--format", "json", "--data", str(root), check=0)
    return {p["id"]: p for p in json.loads(done.stdout)}


def export(run: Run, root: Path, fmt: str, out: Path) -> None:
    period = ("--from", "1.12.2026", "--to", "31.12.2026")
    run("post", "export", "--account", ACCOUNT, *period, "--format", fmt, "-o", str(out), *_as(root), check=0)


def test_a_csv_plan_edited_in_excel_changes_the_posts_it_names(run: Run, city: Path, tmp_path: Path) -> None:
    plan = tmp_path / "plan.csv"
    export(run, city, "csv", plan)
    rows = list(csv.reader(io.StringIO(plan.read_text("utf-8-sig")), delimiter=";"))
    assert rows[0] == [
        "id",
        "revision",
        "account",
        "date",
        "time",
        "title",
        "text",
        "kind",
        "owner",
        "media",
        "campaign",
        "lang",
    ]
    first, second = rows[1][0], rows[2][0]
    rows[1][6] += "\nToinen kappale."  # a line break typed with Alt+Enter
    rows[2][4] = "14:30"
    rows[2][5] = "=Otsikko kaavan näköinen"
    edited = tmp_path / "edited.csv"
    with edited.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)
    done = run("post", "import", str(edited), *_as(city), check=0)
    assert set(done.stdout.split()) == {first, second} and "0 drafts added, 2 posts changed" in done.stderr
    posts = stored(run, city)
    assert str(posts[first]["text"]).endswith("\nToinen kappale.")
    assert (
        posts[second]["publish_at"] == "2026-12-08T14:30"
        and posts[second]["title"] == "=Otsikko kaavan näköinen"
    )
    again = run("post", "import", str(edited), *_as(city), check=0)  # the same file: nothing changes
    assert again.stdout == "" and "0 posts changed" in again.stderr
    run("audit", "verify", "--data", str(city), check=0)


def test_a_stale_plan_is_refused_whole_naming_the_rows(run: Run, city: Path, tmp_path: Path) -> None:
    plan = tmp_path / "plan.csv"
    export(run, city, "csv", plan)
    rows = list(csv.reader(io.StringIO(plan.read_text("utf-8-sig")), delimiter=";"))
    run("post", "edit", rows[1][0], "--text", "Muutettu välissä #järvelä", *_as(city), check=0)
    rows[1][6] = "Taulukossa muutettu #järvelä"
    rows[2][6] = "Tämäkin muutettu #järvelä"
    edited = tmp_path / "edited.csv"
    with edited.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)
    before = fingerprint(city)
    done = run("post", "import", str(edited), *_as(city), check=2)
    assert "row 2" in done.stderr and "changed since the export" in done.stderr
    assert fingerprint(city) == before


def test_an_xlsx_plan_keeps_line_breaks_and_formula_like_text_both_ways(
    run: Run, city: Path, tmp_path: Path
) -> None:
    run("post", "edit", "p-demo-031", "--text", "Rivi yksi\nRivi kaksi #järvelä", *_as(city), check=0)
    plan = tmp_path / "plan.xlsx"
    export(run, city, "xlsx", plan)
    book = load_workbook(plan)
    sheet = book.active
    header = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "p-demo-031")
    assert row[header.index("text")].value == "Rivi yksi\nRivi kaksi #järvelä"
    assert isinstance(row[header.index("revision")].value, int)
    cell = row[header.index("text")]
    cell.value = "=Rivi yksi\nRivi kolme #järvelä"
    cell.data_type = "s"  # typed as text (Excel's leading apostrophe), not a formula
    book.save(plan)
    done = run("post", "import", str(plan), *_as(city), check=0)
    assert done.stdout.split() == ["p-demo-031"]
    assert stored(run, city)["p-demo-031"]["text"] == "=Rivi yksi\nRivi kolme #järvelä"


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_title_that_begins_with_an_apostrophe_or_a_lone_dash_comes_back_as_it_was(
    run: Run, city: Path, tmp_path: Path, fmt: str
) -> None:
    """The apostrophe that makes formula-like text inert is taken off on the way back: a title
    that begins with one itself ("'-") came back without it, as a change. A lone dash can run
    nothing, and is written as it is."""
    titles = {"p-demo-031": "'-", "p-demo-032": "'=1+1", "p-demo-033": "-", "p-demo-034": "=1+1"}
    for post_id, title in titles.items():
        run("post", "edit", post_id, "--title", title, *_as(city), check=0)
    plan = tmp_path / f"plan.{fmt}"
    export(run, city, fmt, plan)
    if fmt == "csv":
        rows = {r[0]: r for r in csv.reader(io.StringIO(plan.read_text("utf-8-sig")), delimiter=";")}
        assert rows["p-demo-033"][rows["id"].index("title")] == "-"
    before = fingerprint(city)
    again = run("post", "import", str(plan), *_as(city), check=0)
    assert again.stdout == "" and "0 posts changed" in again.stderr
    assert fingerprint(city) == before
    assert {p: stored(run, city)[p]["title"] for p in titles} == titles
