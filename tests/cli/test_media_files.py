"""A media file gone from assets/ (deleted, moved or renamed behind the planner's back) is damage,
never "in order": every post that uses it fails `media.file` until the file is back, in `check`
asked again (the index's kept findings do not hide it), in the refusal to mark a post ready and in
the checklist an auditor exports."""

from __future__ import annotations

import json
import os
import unicodedata
from pathlib import Path

import pytest

from planner.storage.paths import missing_asset_files
from tests.conftest import Run

ACCOUNT = "facebook-jarvelan-kirjasto"
WEEKS = ("--from", "2026-12-14", "--to", "2026-12-27")  # the demo's p-demo-066 uses img-kirjasto


@pytest.fixture
def city(run: Run, tmp_path: Path) -> Path:
    root = tmp_path / "city"
    run("init", str(root), "--demo", check=0)
    return root


def _file_findings(run: Run, city: Path, lang: str = "en") -> list[dict[str, object]]:
    found = run(
        "check",
        "--account",
        ACCOUNT,
        *WEEKS,
        "--format",
        "json",
        "--lang",
        lang,
        "--data",
        str(city),
        check=None,
    )
    return [f for f in json.loads(found.stdout)["findings"] if f["rule"] == "media.file"]


def test_a_missing_image_fails_its_posts_until_it_is_put_back(run: Run, city: Path) -> None:
    picture = city / "assets" / "kuvat" / "kirjasto-syksy.jpg"
    assert _file_findings(run, city) == []  # and the index keeps this account's findings
    kept = picture.read_bytes()
    picture.unlink()
    (found,) = _file_findings(run, city)
    assert found["post"] == "p-demo-066" and found["severity"] == "error"
    assert found["message"] == (
        "The file kuvat/kirjasto-syksy.jpg of asset img-kirjasto is not in assets/; put the original "
        "back in its place or attach the file again."
    )
    (finnish,) = _file_findings(run, city, "fi")
    assert str(finnish["message"]).startswith(
        "Aineiston img-kirjasto tiedostoa kuvat/kirjasto-syksy.jpg ei ole"
    )
    picture.mkdir()  # a folder where the picture was is no picture either
    assert len(_file_findings(run, city)) == 1
    picture.rmdir()
    picture.write_bytes(kept)
    assert _file_findings(run, city) == []


def test_a_ready_post_whose_video_is_gone_blocks_and_cannot_be_marked_ready_again(
    run: Run, city: Path
) -> None:
    data = ("--data", str(city), "--user", "aino")
    (city / "assets" / "videot" / "joulutervehdys.gif").rename(city / "assets" / "videot" / "vanha.gif")
    found = run("check", "--from", "2026-12-21", "--to", "2026-12-27", "--format", "json", *data, check=1)
    blocking = {(f["post"], f["rule"]) for f in json.loads(found.stdout)["findings"] if f["blocking"]}
    assert ("p-demo-049", "media.file") in blocking  # ready on 22.12.2026
    refused = run("post", "ready", "p-demo-051", *data, check=1)
    assert "media.file" in refused.stdout + refused.stderr
    checklist = json.loads(
        run(
            "export", "checklist", "--format", "json", "--account", "youtube-jarvela-tv", *data, check=None
        ).stdout
    )
    rows = [r for r in checklist["checklist"] if r["post"] == "p-demo-049" and r["rule"] == "media.file"]
    assert [(r["result"], r["evidence"]) for r in rows] == [
        ("fail", "vid-tervehdys: videot/joulutervehdys.gif")
    ]


def test_a_name_another_system_decomposed_is_found_and_a_link_out_is_not(tmp_path: Path) -> None:
    assets = tmp_path / "assets"
    (assets / "kuvat").mkdir(parents=True)
    (assets / "kuvat" / unicodedata.normalize("NFD", "äiti.jpg")).write_bytes(b"x")
    (tmp_path / "outside.jpg").write_bytes(b"x")
    os.symlink(tmp_path / "outside.jpg", assets / "kuvat" / "link.jpg")
    os.symlink(assets / "kuvat" / unicodedata.normalize("NFD", "äiti.jpg"), assets / "kuvat" / "inside.jpg")
    asked = ["kuvat/äiti.jpg", "../outside.jpg", "/etc/hostname", "kuvat/link.jpg", "kuvat/inside.jpg"]
    gone = {"../outside.jpg", "/etc/hostname", "kuvat/link.jpg", "kuvat/poissa.jpg"}
    assert missing_asset_files(assets, [*asked, "kuvat/poissa.jpg"]) == gone  # as doctor has always said
