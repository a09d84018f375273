"""The auditor's exports, run for real on the demo workspace at a fixed date: golden files for every
format, read back with the csv module and openpyxl, checked for outside loads and personal data.
Regenerate the golden files after an intended change with `UPDATE_GOLDEN=1 pytest tests/test_exports.py`."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from icalendar import Calendar
from openpyxl import load_workbook

from tests.conftest import FROZEN_NOW, fingerprint

GOLDEN = Path(__file__).parents[1] / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
ACCOUNT = "facebook-jarvelan-kirjasto"
PERIOD = ("--from", "2026-11-23", "--to", "2026-12-20")
SUBJECTS = ("Valtuutettu V1", "Lapsi L1", "Työntekijä T1", "Kirjastoautonkuljettaja K1")


def planner(*args: str, lang: str = "fi", code: int | None = 0) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PLANNER_")}
    env.update({"PLANNER_NOW": FROZEN_NOW, "LANG": f"{lang}_FI.UTF-8" if lang == "fi" else "en_US.UTF-8"})
    done = subprocess.run([sys.executable, "-m", "planner", *args], capture_output=True, env=env, timeout=120)
    assert b"Traceback" not in done.stderr, done.stderr.decode()
    if code is not None:
        assert done.returncode == code, done.stderr.decode()
    return done


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo workspace dated around the frozen day; the module's tests only read it."""
    root = tmp_path_factory.mktemp("golden") / "demo"
    planner("init", str(root), "--demo")
    return root


@pytest.fixture
def copy(demo: Path, tmp_path: Path) -> Path:
    """A copy of the demo that a test may change."""
    return Path(shutil.copytree(demo, tmp_path / "copy"))


def export(root: Path, fmt: str, *extra: str, user: str = "tarja", lang: str = "fi") -> bytes:
    out = root.parent / f"out-{fmt}-{user}-{lang}.{fmt}"
    planner(
        "export",
        "checklist",
        "--format",
        fmt,
        "-o",
        str(out),
        "--data",
        str(root),
        "--user",
        user,
        *extra,
        lang=lang,
    )
    return out.read_bytes()


def workbook_dump(data: bytes) -> dict[str, object]:
    """What a reader of the workbook sees: each sheet's filter, frozen cell and cell values."""
    book = load_workbook(io.BytesIO(data))
    return {
        sheet.title: {
            "filter": sheet.auto_filter.ref,
            "freeze": sheet.freeze_panes,
            "rows": [
                [None if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)
            ],
        }
        for sheet in book.worksheets
    }


def without_timezone_block(text: str) -> str:
    """The VTIMEZONE comes from the machine's tz database: left out of the comparison."""
    return re.sub(r"BEGIN:VTIMEZONE.*?END:VTIMEZONE\r\n", "", text, flags=re.S)


def matches_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    assert path.read_bytes().decode("utf-8") == text, f"{name} differs from its golden file"


@pytest.mark.parametrize("fmt", ["csv", "json", "md", "html", "xlsx", "ics"])
def test_every_format_matches_its_golden_file(demo: Path, fmt: str) -> None:
    if fmt == "ics":
        out = demo.parent / "feed.ics"
        planner("export", "ics", "--account", ACCOUNT, *PERIOD, "-o", str(out), "--data", str(demo))
        matches_golden("checklist.ics", without_timezone_block(out.read_bytes().decode("utf-8")))
        return
    data = export(demo, fmt, "--account", ACCOUNT, *PERIOD)
    if fmt == "xlsx":
        dump = json.dumps(workbook_dump(data), ensure_ascii=False, indent=1)
        matches_golden("checklist.xlsx.json", dump + "\n")
    elif fmt == "json":  # compact as written; kept indented in the golden file, compared as data
        matches_golden("checklist.json", json.dumps(json.loads(data), ensure_ascii=False, indent=1) + "\n")
    else:
        matches_golden(f"checklist.{fmt}", data.decode("utf-8"))


class _Loads(HTMLParser):
    """Every tag, and every attribute or style that could fetch something from elsewhere."""

    FETCHING = {"src", "href", "srcset", "action", "data", "poster", "background", "formaction", "xlink:href"}

    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.loads: list[str] = []
        self.style = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        for name, value in attrs:
            if name in self.FETCHING or (name == "style" and "url(" in (value or "")):
                self.loads.append(f"{tag} {name}={value}")

    def handle_data(self, data: str) -> None:
        if self.lasttag == "style":
            self.style += data


def test_html_is_one_self_contained_page(copy: Path) -> None:
    hostile = '<img src="https://evil.example/x.png"> [link=https://evil.example]klik[/link] @import url(x)'
    planner(
        "post",
        "add",
        "--account",
        ACCOUNT,
        "--at",
        "2026-12-02 09:00",
        "--text",
        hostile,
        "--data",
        str(copy),
        "--user",
        "aino",
    )
    page = export(copy, "html", *PERIOD).decode("utf-8")
    parser = _Loads()
    parser.feed(page)
    assert parser.loads == []
    assert parser.tags <= {
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "h1",
        "h2",
        "h3",
        "p",
        "em",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "div",
    }
    assert "url(" not in parser.style and "@import" not in parser.style
    assert "&lt;img src=&quot;https://evil.example/x.png&quot;&gt;" in page  # shown as text, not loaded


def test_csv_reads_back_the_same_under_both_separators(copy: Path) -> None:
    tricky = 'Kirjasto; "auki", iltaisin, klo 9–20 #järvelä'  # a title is one line (a text may break)
    planner(
        "post",
        "add",
        "--account",
        ACCOUNT,
        "--at",
        "2026-12-03 09:00",
        "--text",
        "x",
        "--data",
        str(copy),
        "--user",
        "aino",
    )
    post_id = json.loads(planner("post", "list", "--format", "json", "--data", str(copy)).stdout)[-1]["id"]
    planner("post", "edit", post_id, "--title", tricky, "--data", str(copy), "--user", "aino")
    tables = {}
    for separator in (";", ","):
        raw = export(copy, "csv", *PERIOD, "--delimiter", separator, lang="en")
        assert raw.startswith(b"\xef\xbb\xbf")  # the BOM a Finnish Excel needs to read UTF-8
        tables[separator] = list(
            csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=separator)
        )
    assert tables[";"] == tables[","] and len(tables[";"]) > 100
    rows = tables[";"]
    assert [r["section"] for r in rows[:10]] == ["summary"] * 10  # the summary comes first
    titles = {r["title"] for r in rows if r["post"] == post_id and r["section"] == "posts"}
    assert titles == {tricky}
    assert {r["section"] for r in rows} == {
        "summary",
        "attention",
        "posts",
        "accounts",
        "cadence",
        "coverage",
    }


def test_text_that_a_spreadsheet_would_run_is_kept_as_text(copy: Path) -> None:
    planner(
        "post",
        "add",
        "--account",
        ACCOUNT,
        "--at",
        "2026-12-03 09:00",
        "--text",
        "x",
        "--data",
        str(copy),
        "--user",
        "aino",
    )
    post_id = json.loads(planner("post", "list", "--format", "json", "--data", str(copy)).stdout)[-1]["id"]
    planner(
        "post",
        "edit",
        post_id,
        "--title",
        '=HYPERLINK("https://evil.example","x")',
        "--data",
        str(copy),
        "--user",
        "aino",
    )
    rows = list(csv.DictReader(io.StringIO(export(copy, "csv", *PERIOD).decode("utf-8-sig")), delimiter=";"))
    assert {r["Otsikko"] for r in rows if r["Julkaisu"] == post_id} == {
        '\'=HYPERLINK("https://evil.example","x")'
    }
    book = load_workbook(io.BytesIO(export(copy, "xlsx", *PERIOD, lang="en")))
    posts = book["Posts"]
    cells = [row[4] for row in posts.iter_rows(min_row=2) if row[1].value == post_id]
    assert len(cells) == 1 and cells[0].data_type == "s" and cells[0].value.startswith("=HYPERLINK")


def test_a_finnish_sheet_speaks_finnish_and_an_english_one_keeps_its_column_names(demo: Path) -> None:
    """In Finnish the checklist CSV's headers, sections, statuses and results are Finnish and its
    dates are written as Finns write them; in English the columns keep their names and ISO dates."""
    finnish = list(
        csv.DictReader(io.StringIO(export(demo, "csv", *PERIOD).decode("utf-8-sig")), delimiter=";")
    )
    assert {"Osio", "Julkaisu", "Julkaisuaika", "Tila", "Tulos", "Estää"} <= set(finnish[0])
    posts = [r for r in finnish if r["Osio"] == "Julkaisujen tarkistukset"]
    assert posts and {r["Tulos"] for r in posts} <= {"kunnossa", "virhe", "varoitus", "ei tarkisteta"}
    assert {r["Estää"] for r in posts} <= {"kyllä", "ei"} and "valmis" in {r["Tila"] for r in posts}
    assert all(
        re.fullmatch(r"\d{1,2}\.\d{1,2}\.\d{4}( \d{1,2}\.\d{2})?", r["Julkaisuaika"])
        for r in posts
        if r["Julkaisuaika"]
    )
    english = list(
        csv.DictReader(
            io.StringIO(export(demo, "csv", *PERIOD, lang="en").decode("utf-8-sig")), delimiter=";"
        )
    )
    assert {"section", "post", "publish_at", "status", "result"} <= set(english[0])
    assert any(re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", r["publish_at"]) for r in english)


def test_xlsx_has_one_filtered_sheet_per_section(demo: Path) -> None:
    book = load_workbook(io.BytesIO(export(demo, "xlsx", *PERIOD, lang="en")))
    assert book.sheetnames == [
        "Summary",
        "Attention",
        "Crisis holds",
        "Posts",
        "Accounts",
        "Cadence",
        "Coverage",
    ]
    for sheet in book.worksheets:
        header = [c.value for c in sheet[1]]
        assert sheet.freeze_panes == "A2" and all(header)
        last = sheet.max_row if sheet.title != "Summary" else 11  # the summary's notes stay outside
        from openpyxl.utils import get_column_letter

        assert sheet.auto_filter.ref == f"A1:{get_column_letter(len(header))}{last}"
    posts = book["Posts"]
    header = [c.value for c in posts[1]]
    rows = [dict(zip(header, row, strict=True)) for row in posts.iter_rows(min_row=2, values_only=True)]
    assert len(rows) == len({r["Post"] for r in rows})  # one row per post
    rules = header[14:-2]  # a column per rule, between the post's facts and the findings
    assert len(rules) == 19 and "✓ Photo permission" in rules and header[-2:] == ["Finding", "Evidence"]
    assert all(r[rule] in ("ok", "fail", "warning") for r in rows for rule in rules)
    assert all(hasattr(r["Publish time"], "year") for r in rows if r["Publish time"])  # real dates
    summary = {row[0]: row[1] for row in book["Summary"].iter_rows(min_row=2, max_row=11, values_only=True)}
    assert summary["Posts"] == len(rows)


def test_an_auditor_answers_the_four_questions_from_the_file_alone(demo: Path) -> None:
    """Which ready posts fail a check, who marked them ready, which weeks missed cadence, which days
    had no coverage: the demo's last four weeks (this one included) and the four after them."""
    past = json.loads(export(demo, "json", "--from", "2026-11-09", "--to", "2026-12-06", lang="en"))
    attention = {row["post"]: row for row in past["attention"]}
    failing = {
        r["post"]
        for r in past["checklist"]
        if r["post"] and r["status"] in ("ready", "scheduled", "published") and r["result"] == "fail"
    }
    assert attention and set(attention) == failing and past["summary"]["ready_failing"] == len(failing)
    people = {
        "aino": "Aino Aaltonen",
        "sanna": "Sanna Salo",
        "mikko": "Mikko Mäkelä",
        "jussi": "Jussi Järvinen",
    }
    for row in attention.values():  # who marked it ready, and when
        assert people[row["ready_by"]] == row["ready_by_name"] and row["ready_at"] <= "2026-12-01T10:00"
    missed = {
        (a["account"], c["week"]) for a in past["accounts"] for c in a["cadence"] if c["result"] == "fail"
    }
    assert ("youtube-jarvela-tv", "2026-W46") in missed and past["summary"]["weeks_missed"] == len(missed)
    coming = json.loads(export(demo, "json", "--from", "2026-12-07", "--to", "2027-01-03", lang="en"))
    gaps = [(a["account"], g["from"], g["until"]) for a in coming["accounts"] for g in a["coverage"]]
    assert gaps and coming["summary"]["coverage_gaps"] == len(gaps)
    assert all(g[1] <= g[2] for g in gaps)
    deputy = [
        r
        for r in coming["checklist"]
        if r["rule"] == "post.owner_available" and "covered by" in r["evidence"]
    ]
    assert deputy  # who covers the absent owner is named


def test_consent_subjects_are_pseudonyms_unless_an_admin_asks(demo: Path) -> None:
    for fmt in ("csv", "json", "md", "html"):
        text = export(demo, fmt, "--from", "2026-11-02", "--to", "2027-01-31").decode("utf-8")
        assert "subject-c-001" in text and not any(name in text for name in SUBJECTS)
    named = export(
        demo, "json", "--from", "2026-11-02", "--to", "2027-01-31", "--include-personal-data", user="aino"
    ).decode("utf-8")
    assert "Valtuutettu V1" in named and json.loads(named)["personal_data"] is True
    before = fingerprint(demo)
    for user in ("mikko", "tarja"):  # a producer and an auditor
        done = planner(
            "export",
            "checklist",
            "--format",
            "csv",
            "--include-personal-data",
            "-o",
            str(demo.parent / "named.csv"),
            "--data",
            str(demo),
            "--user",
            user,
            lang="en",
            code=1,
        )
        assert b"Only an admin" in done.stderr
    assert not (demo.parent / "named.csv").exists() and fingerprint(demo) == before


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("--format", "pdf"), b"invalid choice"),
        (("--format", "csv", "--from", "2026-13-01"), b"2026-13-01"),
        (("--format", "csv", "--from", "2026-12-10", "--to", "2026-12-01"), b"10 Dec 2026"),
        (("--format", "csv", "--account", "nobody"), b"nobody"),
        (("--format", "csv", "-o", "/nonexistent/dir/x.csv"), b"/nonexistent/dir/x.csv"),
    ],
)
def test_bad_export_arguments_get_one_message_and_write_nothing(
    demo: Path, args: tuple[str, ...], needle: bytes
) -> None:
    before = fingerprint(demo)
    done = planner("export", "checklist", *args, "--data", str(demo), "--user", "tarja", lang="en", code=2)
    assert needle in done.stderr and len(done.stderr.strip().splitlines()) <= 3
    assert fingerprint(demo) == before


def test_the_calendar_feed_is_valid_and_keeps_its_uids(copy: Path) -> None:
    posts = json.loads(planner("post", "list", "--format", "json", "--data", str(copy)).stdout)
    draft = next(p["id"] for p in posts if p["status"] == "draft" and p["publish_at"])
    feeds = []
    for round_ in range(2):
        out = copy.parent / f"feed{round_}.ics"
        planner("export", "ics", "-o", str(out), "--data", str(copy))
        feeds.append(out.read_bytes())
        planner("post", "edit", draft, "--title", "Uusi otsikko", "--data", str(copy), "--user", "aino")
    raw = feeds[0]
    assert raw.count(b"\n") == raw.count(b"\r\n")  # CRLF line ends
    assert max(len(line) for line in raw.split(b"\r\n")) <= 75  # folded at 75 octets
    first, second = (Calendar.from_ical(feed) for feed in feeds)
    assert first["version"] == "2.0" and first["prodid"]
    events = list(first.walk("VEVENT"))
    assert all({"UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"} <= set(e.keys()) for e in events)
    assert all(e["dtstamp"].to_ical().endswith(b"Z") for e in events)  # DTSTAMP in UTC (RFC 5545 3.8.7.2)
    uids = [str(e["uid"]) for e in events]
    assert len(uids) == len(set(uids))
    again = {str(e["uid"]): e for e in second.walk("VEVENT")}
    assert set(again) == set(uids)  # re-importing updates the same events
    assert "Uusi otsikko" in str(again[next(u for u in uids if u.startswith(f"{draft}@"))]["summary"])
    statuses = {str(e["status"]) for e in events}
    assert {"CONFIRMED", "TENTATIVE"} <= statuses and statuses <= {"CONFIRMED", "TENTATIVE", "CANCELLED"}


def _simple_events(raw: bytes) -> list[dict[str, str]]:
    """The feed read the way the simplest clients do (ical.js is one): lines unfolded, each
    property's first value taken as it stands, and no time-zone rules worked out."""
    text = raw.decode("utf-8").replace("\r\n ", "")
    events: list[dict[str, str]] = []
    for line in text.split("\r\n"):
        if line == "BEGIN:VEVENT":
            events.append({})
        elif events and ":" in line and not line.startswith("END:"):
            name, value = line.split(":", 1)
            events[-1].setdefault(name.split(";")[0], value)
    return events


def test_the_calendar_feed_shows_summer_and_winter_times_right_in_a_simple_client(copy: Path) -> None:
    """9.00 in Helsinki is 06.00 UTC in summer (EEST) and 07.00 in winter (EET). Written in UTC, no
    client can take the wrong offset from a time-zone block: there is none."""
    for at in ("2027-06-14 09:00", "2027-01-11 09:00", "2027-03-28 09:00", "2027-10-31 09:00"):
        planner(
            "post",
            "add",
            "--account",
            ACCOUNT,
            "--at",
            at,
            "--text",
            f"Kello {at} #järvelä",
            "--data",
            str(copy),
            "--user",
            "aino",
        )
    out = copy.parent / "times.ics"
    planner("export", "ics", "-o", str(out), "--data", str(copy))
    raw = out.read_bytes()
    assert b"VTIMEZONE" not in raw and b"RDATE" not in raw and b"TZID" not in raw
    starts = {e["SUMMARY"]: e["DTSTART"] for e in _simple_events(raw) if e["SUMMARY"].startswith("[")}
    found = {
        summary.split("Kello ")[1][:16]: start for summary, start in starts.items() if "Kello" in summary
    }
    assert found == {
        "2027-06-14 09:00": "20270614T060000Z",
        "2027-01-11 09:00": "20270111T070000Z",
        "2027-03-28 09:00": "20270328T060000Z",  # the day summer time begins (03.00 → 04.00)
        "2027-10-31 09:00": "20271031T070000Z",  # the day it ends (04.00 → 03.00)
    }
    from zoneinfo import ZoneInfo

    for event in Calendar.from_ical(raw).walk("VEVENT"):
        if "Kello" in str(event["summary"]):
            local = event.decoded("dtstart").astimezone(ZoneInfo("Europe/Helsinki"))
            assert local.strftime("%H:%M") == "09:00"


def test_a_re_imported_feed_updates_its_events_and_blocks_no_one(copy: Path) -> None:
    posts = json.loads(planner("post", "list", "--format", "json", "--data", str(copy)).stdout)
    draft = next(p["id"] for p in posts if p["status"] == "draft" and p["publish_at"])
    events = []
    for round_ in range(2):
        out = copy.parent / f"seq{round_}.ics"
        planner("export", "ics", "-o", str(out), "--data", str(copy))
        events.append({str(e["uid"]): e for e in Calendar.from_ical(out.read_bytes()).walk("VEVENT")})
        planner("post", "edit", draft, "--title", f"Otsikko {round_}", "--data", str(copy), "--user", "aino")
    uid = next(u for u in events[0] if u.startswith(f"{draft}@"))
    before, after = events[0][uid], events[1][uid]
    assert int(after["sequence"]) == int(before["sequence"]) + 1  # a newer version of the event
    assert after.decoded("last-modified") >= before.decoded("last-modified")
    assert all(str(e["transp"]) == "TRANSPARENT" for e in events[1].values())


def test_an_auditor_exports_without_changing_anything(demo: Path) -> None:
    before = fingerprint(demo)
    for fmt in ("csv", "json", "md", "html", "xlsx"):
        export(demo, fmt, *PERIOD)
    assert fingerprint(demo) == before


def test_progress_is_reported_per_account_and_the_report_is_the_checks_own(
    demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import datetime as dt

    from planner.services import Session
    from planner.services.checks import check
    from planner.services.exports import ChecklistRequest, checklist_export

    monkeypatch.setenv("PLANNER_NOW", FROZEN_NOW)
    session = Session.open(str(demo), "tarja")
    start, end = dt.date(2026, 11, 9), dt.date(2026, 12, 6)
    steps: list[tuple[int, int, str]] = []
    request = ChecklistRequest("json", start, end)
    data = json.loads(checklist_export(session, request, "en", lambda *step: steps.append(step)))
    ws = session.load()
    accounts = len(ws.accounts)
    assert [s[:2] for s in steps] == [(i, accounts + 1) for i in range(accounts + 1)] + [(accounts + 1,) * 2]
    whole = check(ws, session.store.assets, session.now(ws), start, end)
    from planner.reports.findings import finding_dicts

    assert data["findings"] == finding_dicts(whole.findings, "en")
    assert data["summary"]["errors"] == whole.summary()["errors"]


def test_the_workbook_prints_on_a4_landscape_narrow_sheets_as_wide_as_the_page(demo: Path) -> None:
    """A sheet that fits is printed as wide as the page; a wider one (the posts, a column per rule)
    at a readable scale over pages across, each with the first two columns (tests/cli/test_prints.py
    converts it and reads the pages)."""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(export(demo, "xlsx", *PERIOD)))
    fitted = 0
    for sheet in book.worksheets:
        assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9, sheet.title
        assert sheet.print_title_rows == "$1:$1"  # the header row on every printed page
        if sheet.sheet_properties.pageSetUpPr.fitToPage:
            fitted += 1
            assert sheet.page_setup.fitToWidth in (None, 1) and sheet.page_setup.fitToHeight == 0
        else:
            assert sheet.page_setup.scale == 75 and sheet.print_title_cols == "$A:$B", sheet.title
    assert 0 < fitted < len(book.worksheets)


def test_the_page_prints_on_a4_what_needs_attention_only(demo: Path) -> None:
    page = export(demo, "html", *PERIOD).decode("utf-8")
    assert "@page{size:A4" in page and "break-after:avoid" in page
    assert "tr.passes{display:none}" in page and 'class="print-note"' in page
    rows = re.findall(r"<tr( class=\"passes\")?><td class=\"id\">(p-demo-\d+)</td>", page)
    assert rows and any(passes for passes, _ in rows) and any(not passes for passes, _ in rows)
    assert '<td class="id">p-demo-' in page  # ids never wrap (white-space: nowrap)
