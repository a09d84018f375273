"""`planner asset add|list` and `planner consent withdraw`, run for real with files made by Pillow."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from planner.media.generate import make_picture
from planner.media.images import probe_image
from tests.conftest import Run, fingerprint

ADMIN = ("--user", "a1")


def _data(workspace: Path) -> tuple[str, str]:
    return "--data", str(workspace)


def _assets(run: Run, workspace: Path) -> dict[str, Any]:
    listed = json.loads(run("asset", "list", "--format", "json", *_data(workspace), check=0).stdout)
    return {a["id"]: a for a in listed}


def test_add_a_photo_without_its_location_keeping_the_original(
    run: Run, workspace: Path, tmp_path: Path
) -> None:
    source = make_picture(tmp_path / "Kesä Juhla.JPG", (1200, 800), seed=3, gps=(61.55, 23.6))
    done = run(
        "asset",
        "add",
        str(source),
        "--alt",
        "Lapsia kesäjuhlassa.",
        "--people",
        "identifiable",
        "--consent",
        "c1",
        "--rights",
        "own",
        "--strip-location",
        *ADMIN,
        *_data(workspace),
        check=0,
    )
    asset_id = done.stdout.strip()
    assert asset_id == "img-kesa-juhla"
    asset = _assets(run, workspace)[asset_id]
    assert asset == {
        "id": "img-kesa-juhla",
        "file": "kuvat/kesa-juhla.jpg",
        "kind": "image",
        "alt": {"fi": "Lapsia kesäjuhlassa."},
        "subtitles": {},
        "people": "identifiable",
        "consents": ["c1"],
        "rights": "own",
        "rights_expire": None,
        "attribution": "",
        "width": 1200,
        "height": 800,
        "format": "JPEG",
        "location": False,
        "revision": 1,
        "used_by": [],
    }
    stored = workspace / "assets" / asset["file"]
    assert not probe_image(stored.read_bytes(), stored.name).location
    assert probe_image(source.read_bytes(), source.name).location  # the original is untouched


def test_same_name_other_picture_gets_its_own_file_and_id(run: Run, workspace: Path, tmp_path: Path) -> None:
    first = make_picture(tmp_path / "a" / "tori.png", (800, 800), seed=1)
    second = make_picture(tmp_path / "b" / "tori.png", (800, 800), seed=2)
    ids = [
        run("asset", "add", str(p), *ADMIN, *_data(workspace), check=0).stdout.strip()
        for p in (first, second)
    ]
    assert ids == ["img-tori", "img-tori-2"]
    assets = _assets(run, workspace)
    assert [assets[i]["file"] for i in ids] == ["kuvat/tori.png", "kuvat/tori-2.png"]
    assert assets["img-tori"]["location"] is False and assets["img-tori"]["people"] == "unknown"


def test_a_decomposed_finnish_file_name_is_slugified(run: Run, workspace: Path, tmp_path: Path) -> None:
    name = unicodedata.normalize("NFD", "Järvelän ääniö.jpg")
    source = make_picture(tmp_path / name, (640, 480), seed=4)
    asset_id = run("asset", "add", str(source), *ADMIN, *_data(workspace), check=0).stdout.strip()
    assert _assets(run, workspace)[asset_id]["file"] == "kuvat/jarvelan-aanio.jpg"


def _truncated(tmp_path: Path) -> Path:
    whole = make_picture(tmp_path / "whole.jpg", (800, 600), seed=5).read_bytes()
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(whole[: len(whole) // 2])
    return cut


@pytest.mark.parametrize(
    ("make", "args", "code", "message"),
    [
        (
            lambda d: (d / "fake.jpg").write_text("not an image") and d / "fake.jpg",
            ADMIN,
            2,
            "planner: «fake.jpg» is not a readable image",
        ),
        (_truncated, ADMIN, 2, "planner: «cut.jpg» is not a readable image"),
        (lambda d: d / "missing.jpg", ADMIN, 2, "does not exist"),
        (lambda d: d, ADMIN, 2, "is not a regular file"),
        (lambda d: make_picture(d / "ok.jpg", (64, 64)), ("--user", "t1"), 1, "an auditor only reads"),
        (lambda d: make_picture(d / "ok.jpg", (64, 64)), (*ADMIN, "--consent", "c404"), 2, "unknown consent"),
        (lambda d: make_picture(d / "ok.jpg", (64, 64)), (*ADMIN, "--id", "img1"), 2, "more than once"),
    ],
)
def test_bad_files_and_refusals_change_nothing(
    run: Run, workspace: Path, tmp_path: Path, make: Any, args: tuple[str, ...], code: int, message: str
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    before = fingerprint(workspace)
    done = run("asset", "add", str(make(folder)), *args, *_data(workspace), check=code)
    assert message in done.stderr and done.stderr.count("\n") == 1
    assert fingerprint(workspace) == before


def test_withdrawing_a_consent_blocks_coming_posts_and_lists_published_ones(
    run: Run, workspace: Path, tmp_path: Path
) -> None:
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
        *ADMIN,
        *_data(workspace),
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
        "--user",
        "p1",
        *_data(workspace),
        check=0,
    ).stdout.strip()
    run("post", "ready", post, "--user", "p1", *_data(workspace), check=0)
    run("consent", "withdraw", "c1", "--user", "p1", *_data(workspace), check=1)  # admins only
    done = run("consent", "withdraw", "c1", "--date", "2026-12-02", *ADMIN, *_data(workspace), check=0)
    assert "Consent c1 withdrawn as of 2 Dec 2026" in done.stdout and post in done.stdout
    report = json.loads(run("check", "--format", "json", *_data(workspace)).stdout)
    blocking = [(f["rule"], f["post"]) for f in report["findings"] if f["blocking"]]
    assert ("media.permission", post) in blocking
    audit = (workspace / "calendars" / "audit.jsonl").read_text("utf-8").splitlines()
    assert json.loads(audit[-1])["action"] == "withdraw"
    assert (
        "unknown consent «c9»" in run("consent", "withdraw", "c9", *ADMIN, *_data(workspace), check=2).stderr
    )


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_asset_list_keeps_its_columns_in_line(run: Run, tmp_path: Path, lang: str) -> None:
    """ "identifiable people" (in Finnish "tunnistettavia henkilöitä") is wider than the column
    it was given, and pushed the rest of its rows out of line."""
    root = tmp_path / "demo"
    run("init", str(root), "--demo", check=0)
    lines = run("asset", "list", "--lang", lang, "--data", str(root), check=0).stdout.splitlines()
    rights = {"en": ("own", "licensed", "not known"), "fi": ("oma", "lisensoitu", "ei tiedossa")}[lang]
    starts = {next(line.rindex(f" {said} ") for said in rights if f" {said} " in line) for line in lines}
    assert len(lines) == 12 and len(starts) == 1


def test_org_show_and_campaign_list_keep_their_columns_in_line_and_speak_finnish(
    run: Run, tmp_path: Path
) -> None:
    """A label wider than its column ("Palautteeseen vastataan (päivää)") pushed its value out of
    line, and how reply days are counted was shown as the stored word `working`."""
    root = tmp_path / "demo"
    run("init", str(root), "--demo", check=0)
    shown = run("org", "show", "--lang", "fi", "--data", str(root), check=0).stdout.splitlines()
    column = len(shown[0]) - len("Järvelän kaupunki")  # where the first value starts
    assert all(line[column - 1] == " " and line[column] != " " for line in shown)
    values = {line[column:] for line in shown}
    assert "työpäiviä" in values and "2" in values and "working" not in " ".join(shown)
    run(
        "campaign",
        "add",
        "--id",
        "kevat",
        "--name",
        "Kevään tapahtumat ja ulkoilu",
        "--hashtag",
        "kevät",
        "--from",
        "2027-03-01",
        "--to",
        "2027-05-31",
        "--data",
        str(root),
        "--user",
        "aino",
        check=0,
    )
    listed = run("campaign", "list", "--lang", "fi", "--data", str(root), check=0).stdout.splitlines()
    assert len(listed) == 2 and len({line.index("#") for line in listed}) == 1
