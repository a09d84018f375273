"""The consent register, subtitle attachment and asset editing, through the real command line, and
the library's pure questions (filters, limits, who sees which name)."""

from __future__ import annotations

import datetime as dt
import json
import os
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from planner.domain.library import alt_limits, filtered, find_consents, missing, pseudonym, shown_subject
from planner.media.generate import make_picture, write_subtitles
from planner.media.subtitles import READING_SPEED_MAX, SubtitleError, cue_warnings, parse_srt, parse_vtt
from tests.conftest import Run, fingerprint
from tests.helpers import base_doc, is_new_id, workspace_of

ADMIN = ("--user", "a1")
PRODUCER = ("--user", "p1")
DAY = dt.date(2026, 12, 1)


def _data(workspace: Path) -> tuple[str, str]:
    return "--data", str(workspace)


def _assets(run: Run, workspace: Path) -> dict[str, Any]:
    listed = json.loads(run("asset", "list", "--format", "json", *_data(workspace), check=0).stdout)
    return {a["id"]: a for a in listed}


def _errors(run: Run, workspace: Path, post: str, blocking: bool = False) -> set[str]:
    report = json.loads(run("check", "--format", "json", *_data(workspace)).stdout)
    return {
        f["rule"]
        for f in report["findings"]
        if f["post"] == post and f["severity"] == "error" and (f["blocking"] or not blocking)
    }


# Subtitles: warnings and Finnish reasons ------------------------------------------------------------


def test_fast_and_overlapping_cues_are_warned_with_their_lines() -> None:
    srt = (
        "1\n00:00:01,000 --> 00:00:03,000\nLyhyt rivi.\n\n"  # 11 chars in 2 s
        "2\n00:00:02,500 --> 00:00:04,000\nTämä on aivan liian pitkä luettavaksi.\n\n"  # overlaps, 25.3 cps
        "3\n00:00:05,000 --> 00:00:07,000\n<i>Kursiivi</i>\nrivi\n"  # tags and the break are not read
    )
    warnings = cue_warnings(parse_srt(srt))
    assert [(w.line, w.kind) for w in warnings] == [(6, "speed"), (6, "overlap")]
    assert warnings[0].value == "25.3" and float(warnings[0].value) > READING_SPEED_MAX
    assert warnings[1].value == "2"  # the cue it overlaps starts at line 2
    exactly = "1\n00:00:00,000 --> 00:00:01,000\n" + "x" * 17 + "\n"
    assert cue_warnings(parse_srt(exactly)) == []  # 17 a second is still fine


def test_vtt_overlap_against_a_long_earlier_cue() -> None:
    vtt = "WEBVTT\n\n00:00.000 --> 00:10.000\nPitkä\n\n00:02.000 --> 00:03.000\nA\n\n00:04.000 --> 00:05.000\nB\n"
    assert [(w.line, w.kind, w.value) for w in cue_warnings(parse_vtt(vtt))] == [
        (6, "overlap", "3"),
        (9, "overlap", "3"),
    ]


def test_subtitle_errors_read_in_finnish() -> None:
    with pytest.raises(SubtitleError) as caught:
        parse_srt("1\n00:00:01,000 --> 00:00:0x,000\nHei\n")
    assert caught.value.reason("fi").startswith("virheellinen aikarivi")
    assert str(caught.value).startswith("line 2: bad timing")


# The library's pure questions -----------------------------------------------------------------------


def _library_doc() -> dict[str, Any]:
    doc = base_doc()
    doc["consents"] += [
        {
            "id": "c2",
            "subject": "Lapsi L2",
            "minor": True,
            "guardian": "Huoltaja H2",
            "written": True,
            "scope": ["*"],
            "valid_from": "2026-01-01",
        },
        {"id": "c3", "subject": "Peruja P3", "written": True, "scope": ["*"], "withdrawn": "2026-11-01"},
    ]
    doc["assets"] += [
        {
            "id": "img2",
            "file": "img2.jpg",
            "people": "identifiable",
            "consents": ["c1"],
            "rights": "own",
            "alt": {"fi": "Kuvattava"},
            "location": True,
        },
        {"id": "img3", "file": "img3.jpg", "people": "identifiable", "consents": ["c3"], "rights": "own"},
        {"id": "vid2", "file": "vid2.gif", "kind": "video", "people": "none", "rights": "own"},
    ]
    doc["posts"][0]["media"] = ["img1", "img2"]
    return doc


def test_filters_name_what_each_asset_lacks() -> None:
    ws = workspace_of(_library_doc())
    facts = {a.id: missing(ws, a, DAY, ("fi",)) for a in ws.assets.values()}
    assert facts == {
        "img1": set(),
        "img2": {"location"},
        "img3": {"no_alt", "no_permission", "unused"},  # its only consent was withdrawn
        "vid1": {"unused"},
        "vid2": {"no_subtitles", "unused"},
    }
    assert [a.id for a in filtered(ws, "no_permission", DAY)] == ["img3"]
    assert [a.id for a in filtered(ws, "all", DAY)] == ["img1", "img2", "img3", "vid1", "vid2"]
    assert "no_alt" in missing(ws, ws.assets["img1"], DAY, ("fi", "sv"))  # Swedish alt text missing


def test_alt_limits_come_from_the_platforms_that_use_the_asset() -> None:
    doc = _library_doc()
    for platform in ("x", "facebook"):
        doc["accounts"].append({**doc["accounts"][0], "id": f"{platform}-ylojarvi", "platform": platform})
    doc["posts"].append({**doc["posts"][0], "id": "p-0002", "account": "x-ylojarvi", "media": ["img2"]})
    doc["posts"].append(
        {**doc["posts"][0], "id": "p-0003", "account": "facebook-ylojarvi", "media": ["img2"]}
    )
    ws = workspace_of(doc)
    assert alt_limits(ws, ws.assets["img1"]) == []  # only Instagram uses it, and it sets no limit
    assert [(a.platform, a.limit) for a in alt_limits(ws, ws.assets["img2"])] == [
        ("x", 1000),
        ("facebook", 5000),
    ]
    assert [a.platform for a in alt_limits(ws, ws.assets["img3"])] == ["x", "facebook"]  # unused: every one


def test_minors_names_are_for_admins_only_and_cannot_be_searched_for() -> None:
    ws = workspace_of(_library_doc())
    child = ws.consents["c2"]
    assert shown_subject(child, admin=True) == "Lapsi L2"
    assert shown_subject(child, admin=False) is None
    assert shown_subject(ws.consents["c1"], admin=False) == "Henkilö H1"
    assert shown_subject(ws.consents["c1"], admin=True, names=False) is None
    assert [c.id for c in find_consents(ws, "lapsi", admin=True)] == ["c2"]
    assert find_consents(ws, "LAPSI", admin=False) == []  # the hidden name is not searched
    assert [c.id for c in find_consents(ws, unicodedata.normalize("NFD", "henkilö"), admin=False)] == ["c1"]
    assert pseudonym(child) == "subject-c2" and "Lapsi" not in pseudonym(child)


# Asset editing through the command line -------------------------------------------------------------


def test_a_producer_writes_alt_text_links_the_permission_and_the_check_clears(
    run: Run, workspace: Path, tmp_path: Path
) -> None:
    photo = make_picture(tmp_path / "Kirjastoauto.jpg", (1080, 1080), seed=9)
    asset = run(
        "asset",
        "add",
        str(photo),
        "--people",
        "identifiable",
        "--rights",
        "own",
        *PRODUCER,
        *_data(workspace),
        check=0,
    ).stdout.strip()
    post = run(
        "post",
        "add",
        "--account",
        "instagram-ylojarvi",
        "--at",
        "2026-12-03 12:00",
        "--text",
        "Kirjastoauto tulee! #ylöjärvi #joulu",
        "--media",
        asset,
        *PRODUCER,
        *_data(workspace),
        check=0,
    ).stdout.strip()
    assert _errors(run, workspace, post) == {"media.alt_text", "media.permission"}
    run(
        "asset",
        "edit",
        asset,
        "--alt",
        "Kirjastoauto pysäkillä, kuljettaja vilkuttaa.",
        "--consent",
        "c1",
        *PRODUCER,
        *_data(workspace),
        check=0,
    )
    assert _errors(run, workspace, post) == set()
    run("post", "ready", post, *PRODUCER, *_data(workspace), check=0)
    # The admin withdraws the permission: the post is blocked at once and listed.
    done = run("consent", "withdraw", "c1", *ADMIN, *_data(workspace), check=0)
    assert post in done.stdout
    assert _errors(run, workspace, post, blocking=True) == {"media.permission"}


def test_asset_edit_changes_only_what_it_names(run: Run, workspace: Path) -> None:
    run(
        "asset",
        "edit",
        "img1",
        "--alt",
        "Barn i pulkabacken.",
        "--lang",
        "sv",
        "--rights",
        "licensed",
        "--rights-expire",
        "2027-06-30",
        *PRODUCER,
        *_data(workspace),
        check=0,
    )
    img1 = _assets(run, workspace)["img1"]
    assert img1["alt"] == {"fi": "Lapsia pulkkamäessä lumisena päivänä.", "sv": "Barn i pulkabacken."}
    assert (img1["rights"], img1["rights_expire"], img1["people"]) == ("licensed", "2027-06-30", "none")
    run(
        "asset",
        "edit",
        "img1",
        "--alt",
        "",
        "--lang",
        "sv",
        "--rights-expire",
        "",
        *PRODUCER,
        *_data(workspace),
        check=0,
    )
    img1 = _assets(run, workspace)["img1"]
    assert img1["alt"] == {"fi": "Lapsia pulkkamäessä lumisena päivänä."} and img1["rights_expire"] is None


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("img1", "--rights", "cc"), 2, "attribution"),
        (("img1", "--consent", "c404"), 2, "unknown consent «c404»"),
        (("img1", "--unlink", "c1"), 2, "unknown consent «c1»"),
        (("img1", "--rights-expire", "31.2.2027"), 2, "--rights-expire"),
        (("img1", "--alt", "x", "--lang", "suomi"), 2, "not a language code"),
        (("nope", "--alt", "x"), 2, "unknown asset «nope»"),
        (("img1", "--alt", "x", "--user", "t1"), 1, "an auditor only reads"),
    ],
)
def test_bad_asset_edits_change_nothing(
    run: Run, workspace: Path, args: tuple[str, ...], code: int, message: str
) -> None:
    before = fingerprint(workspace)
    user = () if "--user" in args else PRODUCER
    done = run("asset", "edit", *args, *user, *_data(workspace), check=code)
    assert message in done.stderr and done.stderr.count("\n") == 1
    assert fingerprint(workspace) == before


def test_cc_with_attribution_is_accepted(run: Run, workspace: Path) -> None:
    run(
        "asset",
        "edit",
        "img1",
        "--rights",
        "cc",
        "--attribution",
        "Kuva: M. Meikäläinen, CC BY 4.0",
        *PRODUCER,
        *_data(workspace),
        check=0,
    )
    assert _assets(run, workspace)["img1"]["attribution"] == "Kuva: M. Meikäläinen, CC BY 4.0"


# Subtitles through the command line -----------------------------------------------------------------


def test_swedish_subtitles_attach_with_reading_speed_warnings(
    run: Run, workspace: Path, tmp_path: Path
) -> None:
    name = unicodedata.normalize("NFD", "Tervehdys på svenska.srt")
    source = write_subtitles(
        tmp_path / name,
        [
            ("00:00:00.500", "00:00:03.000", "God jul!"),
            ("00:00:02.000", "00:00:03.000", "Det här är alldeles för mycket text för en sekund."),
        ],
    )
    done = run(
        "asset", "subtitles", "vid1", str(source), "--lang", "sv", *PRODUCER, *_data(workspace), check=0
    )
    assert "2 cues" in done.stdout
    assert "line 6: reading speed" in done.stderr and "line 6: starts before the cue at line 2" in done.stderr
    vid1 = _assets(run, workspace)["vid1"]
    assert vid1["subtitles"] == {"fi": "vid1.fi.srt", "sv": "vid1-sv.srt"}
    assert (workspace / "assets" / "vid1-sv.srt").read_bytes() == source.read_bytes()
    # A Swedish post with the video now passes media.subtitles.
    post = {
        "account": "instagram-ylojarvi",
        "publish_at": "2026-12-03T12:00",
        "owner": "p1",
        "text": "God jul! #ylöjärvi #joulu",
        "media": ["vid1"],
    }
    doc = {"posts": [{**post, "id": "p-0100", "lang": "sv"}, {**post, "id": "p-0101", "lang": "en"}]}
    (tmp_path / "sv.json").write_text(json.dumps(doc), "utf-8")
    run("import", str(tmp_path / "sv.json"), *ADMIN, *_data(workspace), check=0)
    assert _errors(run, workspace, "p-0100") == set()
    assert _errors(run, workspace, "p-0101") == {"media.subtitles"}  # no English subtitles yet


@pytest.mark.parametrize(
    ("name", "text", "target", "message"),
    [
        ("bad.srt", "1\n00:00:01,000 --> 00:00:0x,000\nHei\n", "vid1", "bad.srt, line 2: bad timing"),
        ("bad.vtt", "WEBVTT\n\n00:02.000 --> 00:01.000\nHei\n", "vid1", "bad.vtt, line 3: cue ends before"),
        ("nohead.vtt", "00:01.000 --> 00:02.000\nHei\n", "vid1", "line 1: a WebVTT file must start"),
        ("latin.srt", None, "vid1", "line 1: the file is not UTF-8"),
        ("notes.txt", "Hei\n", "vid1", "must be .srt or .vtt"),
        ("ok.srt", "1\n00:00:01,000 --> 00:00:02,000\nHei\n", "img1", "img1 is an image"),
        ("ok.srt", "1\n00:00:01,000 --> 00:00:02,000\nHei\n", "vid404", "unknown asset «vid404»"),
    ],
)
def test_bad_subtitle_files_are_refused_with_their_line(
    run: Run, workspace: Path, tmp_path: Path, name: str, text: str | None, target: str, message: str
) -> None:
    source = tmp_path / name
    if text is None:
        source.write_bytes("1\n00:00:01,000 --> 00:00:02,000\nHyvää\n".encode("latin-1"))
    else:
        source.write_text(text, "utf-8")
    before = fingerprint(workspace)
    done = run("asset", "subtitles", target, str(source), *PRODUCER, *_data(workspace), check=2)
    assert message in done.stderr and done.stderr.count("\n") == 1
    assert fingerprint(workspace) == before


def test_a_subtitle_file_is_not_an_asset_of_its_own(run: Run, workspace: Path, tmp_path: Path) -> None:
    source = tmp_path / "tekstit.vtt"
    source.write_text("WEBVTT\n\n00:01.000 --> 00:02.000\nHei\n", "utf-8")
    before = fingerprint(workspace)
    done = run("asset", "add", str(source), *PRODUCER, *_data(workspace), check=2)
    assert "planner asset subtitles VIDEO_ID" in done.stderr
    assert fingerprint(workspace) == before


@pytest.mark.skipif(os.name != "posix", reason="symlinks")
def test_a_symlinked_folder_cannot_lead_a_copy_out_of_assets(
    run: Run, workspace: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (workspace / "assets" / "kuvat").symlink_to(outside, target_is_directory=True)
    photo = make_picture(tmp_path / "kuva.jpg", (64, 64), seed=2)
    done = run("asset", "add", str(photo), *PRODUCER, *_data(workspace), check=2)
    assert "leads outside assets/" in done.stderr
    assert list(outside.iterdir()) == []


# The consent register -------------------------------------------------------------------------------


def test_adding_a_childs_consent_with_its_evidence(run: Run, workspace: Path, tmp_path: Path) -> None:
    form = tmp_path / "Lupalomake Lapsi.pdf"
    form.write_bytes(b"%PDF-1.4 signed form")
    consent = run(
        "consent",
        "add",
        "--subject",
        "Lapsi L7",
        "--minor",
        "--guardian",
        "Huoltaja H7",
        "--scope",
        "instagram",
        "facebook",
        "--from",
        "2026-12-01",
        "--to",
        "2027-05-31",
        "--evidence",
        str(form),
        *PRODUCER,
        *_data(workspace),
        check=0,
    ).stdout.strip()
    assert is_new_id(consent, "c")
    rows = json.loads(
        run(
            "consent",
            "list",
            "--format",
            "json",
            "--include-personal-data",
            *ADMIN,
            *_data(workspace),
            check=0,
        ).stdout
    )
    row = next(r for r in rows if r["id"] == consent)
    assert row == {
        "id": consent,
        "subject": "Lapsi L7",
        "minor": True,
        "guardian": "Huoltaja H7",
        "written": True,
        "evidence": f"luvat/{consent}.pdf",
        "scope": ["instagram", "facebook"],
        "valid_from": "2026-12-01",
        "valid_to": "2027-05-31",
        "withdrawn": None,
        "assets": [],
        "revision": 1,
    }
    assert (workspace / "assets" / "luvat" / f"{consent}.pdf").read_bytes() == form.read_bytes()


def test_the_register_shows_pseudonyms_unless_an_admin_asks_for_names(run: Run, workspace: Path) -> None:
    added = run(
        "consent",
        "add",
        "--subject",
        "Lapsi L7",
        "--minor",
        "--guardian",
        "Huoltaja H7",
        "--scope",
        "*",
        *PRODUCER,
        *_data(workspace),
        check=0,
    ).stdout.strip()
    for user in (PRODUCER, ADMIN, ("--user", "t1")):
        plain = run("consent", "list", "--format", "json", *user, *_data(workspace), check=0).stdout
        assert "Lapsi" not in plain and "Huoltaja" not in plain and "Henkilö" not in plain
        assert {r["subject"] for r in json.loads(plain)} == {"subject-c1", f"subject-{added}"}
        text = run("consent", "list", *user, *_data(workspace), check=0).stdout
        assert "Lapsi" not in text and "(name hidden)" in text
    refused = run("consent", "list", "--include-personal-data", *PRODUCER, *_data(workspace), check=1)
    assert "Only an admin" in refused.stderr and refused.stdout == ""
    named = run(
        "consent", "list", "--include-personal-data", "--find", "lapsi", *ADMIN, *_data(workspace), check=0
    ).stdout
    assert "Lapsi L7" in named and "huoltaja" not in named.split("Lapsi L7")[0] and "Henkilö" not in named


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("--subject", " ", "--scope", "*"), 2, "needs the subject's name"),
        (("--subject", "X", "--scope", "tiktok-nope"), 2, "«tiktok-nope» is neither"),
        (("--subject", "X", "--scope", "*", "--from", "2027-01-02", "--to", "2027-01-01"), 2, "ends"),
        (("--subject", "X", "--scope", "*", "--from", "1.13.2027"), 2, "--from"),
        (("--subject", "X", "--scope", "*", "--id", "c1"), 2, "more than once"),
        (("--subject", "X", "--scope", "*", "--evidence", "/nonexistent/form.pdf"), 2, "does not exist"),
        (("--subject", "X", "--scope", "*", "--user", "t1"), 1, "an auditor only reads"),
    ],
)
def test_bad_consents_change_nothing(
    run: Run, workspace: Path, args: tuple[str, ...], code: int, message: str
) -> None:
    before = fingerprint(workspace)
    user = () if "--user" in args else PRODUCER
    done = run("consent", "add", *args, *user, *_data(workspace), check=code)
    assert message in done.stderr and done.stderr.count("\n") == 1
    assert fingerprint(workspace) == before


def test_asset_list_filters_by_what_is_missing(run: Run, workspace: Path, tmp_path: Path) -> None:
    photo = make_picture(tmp_path / "paikka.jpg", (640, 480), seed=3, gps=(61.5, 23.6))
    run("asset", "add", str(photo), "--people", "identifiable", *PRODUCER, *_data(workspace), check=0)

    def ids(what: str) -> list[str]:
        out = run("asset", "list", "--missing", what, "--format", "json", *_data(workspace), check=0).stdout
        return [a["id"] for a in json.loads(out)]

    assert ids("no_alt") == ["img-paikka"]
    assert ids("no_permission") == ["img-paikka"]
    assert ids("location") == ["img-paikka"]
    assert ids("unused") == ["img-paikka", "vid1"]  # the base post carries img1
    assert ids("no_subtitles") == []


def test_why_a_subtitle_file_is_refused_is_said_in_finnish(run: Run, tmp_path: Path) -> None:
    """The demo's broken WebVTT, then the same file gone: the reason was English text inside the
    Finnish finding ("… ei kelpaa: line 3: bad timing …", "… No such file or directory")."""
    root = tmp_path / "demo"
    run("init", str(root), "--demo", check=0)

    def messages(lang: str) -> dict[str, str]:
        found = json.loads(run("check", "--format", "json", "--lang", lang, "--data", str(root)).stdout)
        return {f["post"]: f["message"] for f in found["findings"] if f["rule"] == "media.subtitles"}

    told, said = messages("en"), messages("fi")
    broken = [post for post, message in told.items() if "jateohje.fi.vtt" in message]
    assert broken and all("line 3: bad timing «" in told[post] for post in broken)
    assert all(
        "rivi 3: virheellinen aikarivi «" in said[post] and "line 3" not in said[post] for post in broken
    )
    (root / "assets" / "videot" / "jateohje.fi.vtt").unlink()
    told, said = messages("en"), messages("fi")
    assert all("the file is missing" in told[post] for post in broken)
    assert all("tiedostoa ei ole" in said[post] and "No such" not in said[post] for post in broken)
