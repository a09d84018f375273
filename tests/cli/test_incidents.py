"""`planner incident`: the harassment log from the command line: who sees what, evidence kept by
its SHA-256, actions and links, the export, and that an incident's words reach no other output
(SPEC *Harassment recorded, and kept confidential*)."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from tests.cli.conftest import ACCOUNT, audit_lines
from tests.conftest import Run, fingerprint
from tests.helpers import is_new_id

SECRET = "Tiedän missä asut, Pia"
SENDER = "@uhkailija_77"


def _as(root: Path, user: str) -> tuple[str, ...]:
    return ("--data", str(root), "--user", user)


def screenshot(tmp_path: Path) -> Path:
    path = tmp_path / "Kuvakaappaus 2026-12-01.PNG"
    Image.new("RGB", (320, 200), (200, 30, 30)).save(path, format="PNG")
    return path


def record(run: Run, root: Path, tmp_path: Path, user: str = "pia") -> str:
    done = run(
        "incident",
        "add",
        "--account",
        ACCOUNT,
        "--observed",
        "1.12.2026 9.30",
        "--category",
        "threat",
        "--text",
        SECRET,
        "--from",
        SENDER,
        "--link",
        "https://www.instagram.com/p/abc",
        "--target",
        "employee",
        "--evidence",
        str(screenshot(tmp_path)),
        *_as(root, user),
        check=0,
    )
    incident_id = done.stdout.strip()
    assert is_new_id(incident_id, "i")
    return incident_id


def shown(run: Run, root: Path, incident_id: str, user: str) -> dict[str, Any]:
    done = run("incident", "show", incident_id, "--format", "json", *_as(root, user), check=0)
    found = json.loads(done.stdout)
    assert isinstance(found, dict)
    return found


def test_the_recorder_and_admins_see_it_whole_with_evidence_kept_by_its_hash(
    run: Run, town: Path, tmp_path: Path
) -> None:
    incident_id = record(run, town, tmp_path)
    digest = hashlib.sha256(screenshot(tmp_path).read_bytes()).hexdigest()
    kept = town / "incidents" / f"{digest}.png"
    assert kept.is_file() and hashlib.sha256(kept.read_bytes()).hexdigest() == digest
    for user in ("pia", "aino"):
        whole = shown(run, town, incident_id, user)
        assert (whole["text"], whole["from"], whole["target"], whole["status"]) == (
            SECRET,
            [SENDER],
            "employee",
            "open",
        )
        assert whole["evidence"] == [
            {"file": kept.name, "sha256": digest, "name": "Kuvakaappaus 2026-12-01.PNG", "intact": True}
        ]
    kept.write_bytes(b"changed")
    assert shown(run, town, incident_id, "aino")["evidence"][0]["intact"] is False
    kept.unlink()
    assert shown(run, town, incident_id, "aino")["evidence"][0]["intact"] is False


@pytest.mark.parametrize("user", ["tarja", "oona", "eero_missing", None])
def test_everyone_else_sees_only_that_it_exists(
    run: Run, town: Path, tmp_path: Path, user: str | None
) -> None:
    incident_id = record(run, town, tmp_path)
    who = ("--user", user) if user and user != "eero_missing" else ()
    listing = json.loads(
        run("incident", "list", "--format", "json", "--data", str(town), *who, check=0).stdout
    )
    assert listing == [
        {
            "id": incident_id,
            "account": ACCOUNT,
            "category": "threat",
            "observed_at": "2026-12-01T09:30",
            "status": "open",
        }
    ]
    done = run("incident", "show", incident_id, "--data", str(town), *who)
    assert done.returncode == 1 and SECRET not in done.stdout + done.stderr
    text = run("incident", "list", "--data", str(town), *who, check=0).stdout
    assert SECRET not in text and SENDER not in text


def test_the_admin_records_the_police_report_and_links_a_repeat(run: Run, town: Path, tmp_path: Path) -> None:
    first = record(run, town, tmp_path)
    second = record(run, town, tmp_path, user="oona")
    police = ("--kind", "police", "--ref", "5500/R/12345/26", "--note", "Rikosilmoitus tehty verkossa")
    run("incident", "action", first, *police, *_as(town, "aino"), check=0)
    run("incident", "action", first, "--kind", "support", *_as(town, "pia"), check=0)
    run("incident", "action", second, "--kind", "supervisor", *_as(town, "pia"), check=1)  # oona's
    run("incident", "link", first, second, *_as(town, "pia"), check=1)  # she does not see the second
    run("incident", "link", first, second, *_as(town, "aino"), check=0)
    whole = shown(run, town, first, "aino")
    assert [(a["kind"], a["by"], a["ref"]) for a in whole["actions"]] == [
        ("police", "aino", "5500/R/12345/26"),
        ("support", "pia", ""),
    ]
    assert whole["related"] == [second] and shown(run, town, second, "aino")["related"] == [first]
    run("incident", "close", first, *_as(town, "aino"), check=0)
    assert shown(run, town, first, "pia")["status"] == "closed"
    run("audit", "verify", "--data", str(town), check=0)


def test_senders_links_and_evidence_take_several_values_or_the_option_again(
    run: Run, town: Path, tmp_path: Path
) -> None:
    """SPEC's `[--from HANDLE ...] [--link URL ...] [--evidence FILE ...]`: as every list option,
    one or more values after the option, and the option repeated, come to the same record."""
    other = tmp_path / "toinen.png"
    Image.new("RGB", (40, 30), (0, 0, 200)).save(other, format="PNG")
    first, second = screenshot(tmp_path), other
    base = ("incident", "add", "--account", ACCOUNT, "--observed", "1.12.2026 9.30", "--category", "hate")
    together = run(
        *base,
        *("--text", "Kaksi viestiä", "--from", "@yksi", "@kaksi", "--link"),
        *("https://example.com/1", "https://example.com/2", "--evidence", str(first), str(second)),
        *_as(town, "pia"),
        check=0,
    ).stdout.strip()
    repeated = run(
        *base,
        *("--text", "Kaksi viestiä", "--from", "@yksi", "--from", "@kaksi"),
        *("--link", "https://example.com/1", "--link", "https://example.com/2"),
        *("--evidence", str(first), "--evidence", str(second)),
        *_as(town, "pia"),
        check=0,
    ).stdout.strip()
    one, two = shown(run, town, together, "pia"), shown(run, town, repeated, "pia")
    assert one["from"] == two["from"] == ["@yksi", "@kaksi"]
    assert one["links"] == two["links"] == ["https://example.com/1", "https://example.com/2"]
    assert len(one["evidence"]) == 2 and one["evidence"] == two["evidence"]


def test_a_sender_met_before_is_pointed_out_to_whoever_may_read_the_earlier_incident(
    run: Run, town: Path, tmp_path: Path
) -> None:
    """Repeated harassment is linked together, and the same sender is its usual sign: recording
    one names the earlier incidents with that sender (`@Handle` and `handle` alike), but only
    those the recorder sees whole: nobody learns of an incident they may not read."""

    def add(user: str, *senders: str, lang: str = "en") -> tuple[str, str]:
        done = run(
            *("--lang", lang, "incident", "add", "--account", ACCOUNT, "--observed", "1.12.2026 9.45"),
            *("--category", "targeting", "--text", "Taas samaa", "--from", *senders),
            *_as(town, user),
            check=0,
        )
        return done.stdout.strip(), done.stderr

    first = record(run, town, tmp_path)  # pia's, from @uhkailija_77
    oonas, said = add("oona", "uhkailija_77", "@someone_else")
    assert said == ""  # pia's incident is not oona's to read
    pias, said = add("pia", "@first_time", " UHKAILIJA_77")
    warned = said.splitlines()
    assert len(warned) == 1 and f"also in incident {first} (1 Dec 2026)" in warned[0]
    assert oonas not in said and f"link {pias} and {first}" in warned[0]
    run("incident", "link", pias, first, *_as(town, "aino"), check=0)
    admins, said = add("aino", "@Uhkailija_77", lang="fi")
    assert {line.split("tapauksessa ")[1].split()[0] for line in said.splitlines()} == {first, oonas, pias}
    assert all(line.startswith("varoitus: lähettäjä @Uhkailija_77") for line in said.splitlines())
    _, said = add("aino", "@someone_new", "@SOMEONE_ELSE")
    assert said.count("@SOMEONE_ELSE") == 1 and oonas in said  # as it was typed this time
    assert add("aino", "@nobody_before")[1] == ""
    log = (town / "calendars" / "audit.jsonl").read_text("utf-8")
    assert "uhkailija" not in log.casefold() and "someone" not in log


def test_a_time_observed_later_than_now_is_recorded_as_typed_and_said(run: Run, town: Path) -> None:
    """It was refused, while the feedback register takes a time of receipt as typed; a team
    entering next year's calendar by a machine whose clock is wrong could not record a threat."""
    done = run(
        *("--lang", "fi", "incident", "add", "--account", ACCOUNT, "--observed", "14.6.2027 9.00"),
        *("--category", "threat", "--text", "Uhkaus"),
        *_as(town, "pia"),
        check=0,
    )
    incident_id = done.stdout.strip()
    assert shown(run, town, incident_id, "pia")["observed_at"] == "2027-06-14T09:00"
    assert done.stderr == (
        "varoitus: havaintoaika 14.6.2027 klo 9.00 on myöhemmin kuin nyt; tarkista se (tallennettu kirjoitetun mukaan).\n"
    )
    now = run("incident", "add", "--account", ACCOUNT, "--observed", "1.12.2026 10.04", "--category", "spam",
              "--text", "Roskaa", *_as(town, "pia"), check=0)  # fmt: skip
    assert now.stderr == ""  # within minutes of the clock: nothing to check


def test_no_word_of_an_incident_reaches_the_audit_log_or_any_other_output(
    run: Run, town: Path, tmp_path: Path
) -> None:
    incident_id = record(run, town, tmp_path)
    run(
        "incident",
        "action",
        incident_id,
        "--kind",
        "police",
        "--ref",
        "5500/R/1/26",
        *_as(town, "aino"),
        check=0,
    )
    log = (town / "calendars" / "audit.jsonl").read_text("utf-8")
    for secret in (SECRET, SENDER, "instagram.com/p/abc", "5500/R/1/26", "Kuvakaappaus"):
        assert secret not in log
    lines = [line for line in audit_lines(town) if line["entity"] == "incidents"]
    assert [line["action"] for line in lines] == ["create", "action:police"]
    after = lines[-1]["after"]
    assert isinstance(after, dict)
    assert set(after) == {"id", "account", "category", "observed_at", "status", "sha256"}
    outputs = [
        run("check", "--format", "json", "--data", str(town)).stdout,
        run("export", "checklist", "--format", "csv", "--data", str(town)).stdout,
        run("export", "register", "--format", "json", "--data", str(town), *_as(town, "aino")[2:]).stdout,
        run("feedback", "list", "--format", "json", "--data", str(town)).stdout,
    ]
    ics = tmp_path / "feed.ics"
    run("export", "ics", "-o", str(ics), "--data", str(town), check=0)
    outputs.append(ics.read_text("utf-8"))
    for output in outputs:
        assert SECRET not in output and SENDER not in output


def test_only_admins_export_and_the_export_holds_the_whole_record(
    run: Run, town: Path, tmp_path: Path
) -> None:
    incident_id = record(run, town, tmp_path)
    out = tmp_path / "poliisille.json"
    run("incident", "export", "--format", "json", "-o", str(out), *_as(town, "pia"), check=1)
    run("incident", "export", "--format", "json", "-o", str(out), *_as(town, "tarja"), check=1)
    assert not out.exists()
    run("incident", "export", "--format", "json", "-o", str(out), *_as(town, "aino"), check=0)
    document = json.loads(out.read_text("utf-8"))
    (exported,) = document["incidents"]
    assert (exported["id"], exported["text"], exported["evidence"][0]["intact"]) == (
        incident_id,
        SECRET,
        True,
    )
    for fmt in ("csv", "html", "xlsx"):
        path = tmp_path / f"poliisille.{fmt}"
        run(
            "incident",
            "export",
            "--format",
            fmt,
            "-o",
            str(path),
            "--lang",
            "fi",
            *_as(town, "aino"),
            check=0,
        )
        assert path.stat().st_size > 0
    assert SECRET in (tmp_path / "poliisille.csv").read_text("utf-8-sig")
    assert "LUOTTAMUKSELLINEN" in (tmp_path / "poliisille.html").read_text("utf-8")


def test_an_auditor_records_nothing(run: Run, town: Path, tmp_path: Path) -> None:
    before = fingerprint(town)
    add = ("--account", ACCOUNT, "--observed", "2026-12-01 09:00", "--category", "hate", "--text", "x")
    run("incident", "add", *add, *_as(town, "tarja"), check=1)
    assert fingerprint(town) == before


@pytest.mark.parametrize("kind", ["fifo", "folder", "outside_link", "empty", "missing"])
def test_bad_evidence_is_one_line_exit_2_and_nothing_written(
    run: Run, town: Path, tmp_path: Path, kind: str
) -> None:
    path = tmp_path / "evidence.png"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    elif kind == "outside_link":
        path.symlink_to("/dev/zero")
    elif kind == "empty":
        path.write_bytes(b"")
    before = fingerprint(town)
    add = ("--account", ACCOUNT, "--observed", "2026-12-01 09:00", "--category", "hate", "--text", "x")
    done = run("incident", "add", *add, "--evidence", str(path), *_as(town, "pia"), check=2)
    assert len(done.stderr.strip().splitlines()) == 1
    assert fingerprint(town) == before and not (town / "incidents").exists()


def test_a_file_over_the_limit_is_refused_before_it_is_read(run: Run, town: Path, tmp_path: Path) -> None:
    big = tmp_path / "huge.png"
    with big.open("wb") as handle:  # sparse: 2 GB on paper, nothing on the disk
        handle.truncate(2 * 1024 * 1024 * 1024)
    before = fingerprint(town)
    add = ("--account", ACCOUNT, "--observed", "2026-12-01 09:00", "--category", "hate", "--text", "x")
    done = run("incident", "add", *add, "--evidence", str(big), *_as(town, "pia"), check=2)
    assert "MB" in done.stderr
    assert fingerprint(town) == before


@pytest.mark.parametrize(
    ("extra", "why"),
    [
        (("--text", "a\x1b]0;x\x07"), "control"),
        (("--text", "x" * 20_001), "too long"),
        (("--text", "x", "--from", "a\nb"), "line"),
        (("--text", "x", "--link", "file:///etc/passwd"), "not a web address"),
        (("--text", "x", "--observed", ""), "--observed: «» is not a time"),  # the last one given
    ],
)
def test_hostile_text_is_refused_whole(run: Run, town: Path, extra: tuple[str, ...], why: str) -> None:
    before = fingerprint(town)
    base = ("--account", ACCOUNT, "--observed", "2026-12-01 09:00", "--category", "hate")
    done = run("incident", "add", *base, *extra, *_as(town, "pia"), check=2)
    assert why in done.stderr and "\x1b" not in done.stderr
    assert fingerprint(town) == before


def test_doctor_names_evidence_that_is_missing_or_changed(run: Run, town: Path, tmp_path: Path) -> None:
    incident_id = record(run, town, tmp_path)
    run("doctor", "--data", str(town), check=0)
    (kept,) = (town / "incidents").iterdir()
    original = kept.read_bytes()
    kept.write_bytes(original + b"x")
    done = run("doctor", "--data", str(town), check=1)
    assert kept.name in done.stdout and incident_id in done.stdout
    kept.write_bytes(original)
    run("doctor", "--data", str(town), check=0)


@pytest.mark.parametrize(
    ("evidence", "said"),
    [
        ({"file": "../team.json", "sha256": "0" * 64}, "../team.json"),
        ({"file": "a.png", "sha256": "zz"}, "sha256"),
    ],
)
def test_a_tampered_evidence_record_is_damage_named_in_one_line(evidence: dict[str, str], said: str) -> None:
    from planner.domain.errors import DataError
    from planner.domain.incidents import Incident

    raw = {
        "id": "i-1",
        "account": "a",
        "observed_at": "2026-12-01T10:00",
        "text": "x",
        "evidence": [evidence],
    }
    with pytest.raises(DataError) as caught:
        Incident.from_dict(raw)
    assert said in caught.value.render("en") and "\n" not in caught.value.render("en")
