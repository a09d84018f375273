"""The media library in the app, keyboard only via Pilot: a producer attaches a photo, writes its alt
text beside the preview, links the permission and watches the checklist clear; an admin withdraws
the permission and the post is listed and blocked at once; auditors and minors' names."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, Label, OptionList, Static, TextArea

from planner.media.generate import make_picture, write_subtitles
from planner.services import Session
from planner.services.checks import check
from planner.ui.dialogs.asset_forms import AltTextForm, ImportForm, SubtitleForm
from planner.ui.dialogs.consent_forms import WithdrawForm
from planner.ui.dialogs.notice import Notice
from planner.ui.dialogs.pick import Pick
from planner.ui.screens.consents import ConsentScreen
from planner.ui.screens.editor import EditorScreen
from planner.ui.screens.library import LibraryScreen
from planner.ui.widgets.checklist import ChecklistPanel
from planner.ui.widgets.post_card import PLATFORM_TAGS
from tests.tui.conftest import make_app, paste

SIZE = (80, 24)
PHOTO = "img-kirjastoauto"  # identifiable people, no alt text, no consent yet
CONSENT = "c-004"


async def _choose(pilot: Any, option_id: str) -> None:
    """Move the open list's highlight to `option_id` and press Enter, as a user would."""
    options = pilot.app.screen.query_one(OptionList)
    ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
    for _ in range(ids.index(option_id) - (options.highlighted or 0)):
        await pilot.press("down")
    await pilot.press("enter")
    await pilot.pause()


def _failing(app: Any) -> set[str]:
    panel = app.screen.query_one(ChecklistPanel)
    return {rule for rule, found in panel.results.items() if any(f.severity == "error" for f in found)}


def _errors_of(demo: Path, post_id: str) -> set[str]:
    session = Session.open(str(demo), None)
    ws = session.load()
    post = ws.posts[post_id]
    day = post.publish_at.date() if post.publish_at else session.now(ws).date()
    report = check(ws, session.store.assets, session.now(ws), day, day)
    return {f.rule for f in report.findings if f.post == post_id and f.severity == "error"}


async def test_producer_attaches_writes_alt_text_links_the_permission_and_the_checklist_clears(
    demo: Path,
) -> None:
    app = make_app(demo, user="mikko")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n")
        assert isinstance(app.screen, EditorScreen)
        await pilot.click("#text")
        await paste(pilot, "Kirjastoauto tulee! #järvelä")
        await pilot.press("ctrl+o")
        await _choose(pilot, PHOTO)
        assert app.screen.query_one("#preview").display  # the photo is shown beside the form
        assert {"media.alt_text", "media.permission"} <= _failing(app)

        await pilot.press("ctrl+t")
        assert isinstance(app.screen, AltTextForm)
        await paste(pilot, "Kuva autosta")
        count = str(app.screen.query_one("#alt-count", Static).render())
        assert "12 merkkiä" in count and "facebook ≤ 5000" in count
        assert "alkaa «Kuva»" in str(app.screen.query_one("#alt-quality", Static).render())
        app.screen.query_one("#alt-text", TextArea).text = ""
        await paste(pilot, "Kirjastoauto pysäkillä, kuljettaja vilkuttaa.")
        assert str(app.screen.query_one("#alt-quality", Static).render()).strip() == ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        assert "media.alt_text" not in _failing(app)

        await pilot.press("ctrl+l")
        assert isinstance(app.screen, Pick)
        await _choose(pilot, CONSENT)
        assert isinstance(app.screen, EditorScreen)
        assert _failing(app) == set()
        await pilot.press("ctrl+r")
        await pilot.pause()
        post_id = app.screen.post_id
    assert post_id is not None
    ws = Session.open(str(demo), None).load()
    assert ws.posts[post_id].status == "ready"
    assert ws.assets[PHOTO].alt == {"fi": "Kirjastoauto pysäkillä, kuljettaja vilkuttaa."}
    assert ws.assets[PHOTO].consents == (CONSENT,)

    # The admin withdraws the permission: the post is listed and blocked at once.
    app = make_app(demo, user="aino")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("u")
        assert isinstance(app.screen, ConsentScreen)
        options = app.screen.query_one(OptionList)
        for _ in range(3):
            await pilot.press("down")
        assert options.get_option_at_index(options.highlighted or 0).id == CONSENT
        await pilot.press("x")
        assert isinstance(app.screen, WithdrawForm)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, Notice)
        assert post_id in str(app.screen.body) and "kuvauslupatarkistusta" in str(app.screen.body)
    assert _errors_of(demo, post_id) == {"media.permission"}


async def test_library_filters_and_shows_the_posts_using_an_asset(demo: Path) -> None:
    app = make_app(demo, user="mikko")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("b")
        assert isinstance(app.screen, LibraryScreen)
        screen = app.screen
        assert len(screen.shown()) == len(app.ws.assets)
        seen = {}
        for _ in range(5):
            await pilot.press("f")
            seen[screen.filter] = [a.id for a in screen.shown()]
        assert seen["no_alt"] == ["img-juliste", PHOTO]
        assert seen["no_permission"] == [
            "img-arkisto",
            PHOTO,
            "img-lapset",
        ]  # unknown people, none, a minor's
        assert seen["location"] == ["img-tori"]
        assert seen["unused"] == [PHOTO]
        await pilot.press("f")  # back to all
        await _highlight(pilot, "img-tori")
        detail = str(screen.query_one("#asset-detail", Static).render())
        assert "sijaintitieto" in detail and "p-demo-065" in detail
        # the post's account by platform and name on a line of its own: beside the list at 80
        # columns, `p-demo-065  … instagram-jarvelan-kaupunki  luonnos` broke inside the id
        post = app.ws.posts["p-demo-065"]
        account = app.ws.accounts[post.account]
        assert (
            f"\n    {PLATFORM_TAGS[account.platform]} {account.name}  " in detail
            and post.account not in detail
        )


async def _highlight(pilot: Any, option_id: str) -> None:
    options = pilot.app.screen.query_one(OptionList)
    ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
    options.highlighted = ids.index(option_id)
    await pilot.pause()


async def test_import_and_subtitles_from_the_library(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # the files are typed by name, from the folder the app started in
    photo = make_picture(tmp_path / "Syksyn Värit.jpg", (1080, 1080), seed=5, gps=(61.5, 23.6))
    broken = tmp_path / "rikki.srt"
    broken.write_text("1\n00:00:01,000 --> 00:00:0x,000\nHei\n", "utf-8")
    good = write_subtitles(tmp_path / "sv.srt", [("00:00:00.500", "00:00:03.000", "God jul!")])
    app = make_app(demo, user="mikko", lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("b", "i")
        assert isinstance(app.screen, ImportForm)
        await paste(pilot, photo.name)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert app.screen.asset_id() == "img-syksyn-varit"  # the new asset is highlighted
        stored = app.ws.assets["img-syksyn-varit"]
        assert stored.location is False and stored.file == "kuvat/syksyn-varit.jpg"  # GPS stripped

        await _highlight(pilot, "vid-tervehdys")
        await pilot.press("s")
        assert isinstance(app.screen, SubtitleForm)
        await paste(pilot, broken.name)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SubtitleForm)  # refused: the dialog stays with the reason
        error = str(app.screen.query_one("#form-error").render())
        assert "rikki.srt, line 2: bad timing" in error
        app.screen.query_one("#path").value = str(good)  # type: ignore[attr-defined]
        app.screen.query_one("#lang").value = "sv"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert app.ws.assets["vid-tervehdys"].subtitles["sv"] == "videot/joulutervehdys-sv.srt"


def _digest(root: Path) -> str:
    return hashlib.sha256(
        b"".join(p.read_bytes() for p in sorted((root / "calendars").glob("*.json")))
    ).hexdigest()


async def test_auditor_reads_the_library_and_sees_no_minors_name(demo: Path) -> None:
    before = _digest(demo)
    app = make_app(demo, user="tarja")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("b")
        await _highlight(pilot, "img-lapset")
        detail = str(app.screen.query_one("#asset-detail", Static).render())
        assert "Lapsi L1" not in detail and "(alaikäisen nimi piilotettu)" in detail
        for key in ("a", "c", "o", "i"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, LibraryScreen)  # refused before any dialog opens
        assert any("tarkastaja" in n.message or "auditor" in n.message for n in app._notifications)
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, ConsentScreen)
        await pilot.press("slash", *"lapsi")
        assert app.screen.query_one(OptionList).option_count == 0  # the hidden name is not searchable
        await pilot.press("escape")  # out of the find box, back to the list
        assert isinstance(app.screen, ConsentScreen)
        await pilot.press("n")
        await pilot.press("x")
        assert isinstance(app.screen, ConsentScreen)
    assert _digest(demo) == before


async def test_a_missing_file_is_said_plainly_in_the_preview(demo: Path) -> None:
    """ "No preview: file: the file … is not in assets/" named a field of the workspace document."""
    (demo / "assets" / "kuvat" / "kirjasto-syksy.jpg").unlink()
    app = make_app(demo, user="mikko", lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("b")
        await _highlight(pilot, "img-kirjasto")
        shown = str(app.screen.query_one("#asset-preview", Static).render())
        assert shown == "No preview: the file «kuvat/kirjasto-syksy.jpg» is not in assets/."


async def test_bad_files_give_one_message_in_the_app(demo: Path, tmp_path: Path) -> None:
    fake = tmp_path / "kuva.jpg"
    fake.write_text("this is not a picture", "utf-8")
    (demo / "assets" / "kuvat" / "kirjasto-syksy.jpg").write_bytes(b"\xff\xd8\xff\xe0 cut short")
    app = make_app(demo, user="mikko", lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("b")
        await _highlight(pilot, "img-kirjasto")  # its file on disk is broken now
        assert "No preview:" in str(app.screen.query_one("#asset-preview", Static).render())
        await pilot.press("i", *str(fake), "enter")
        await pilot.pause()
        assert isinstance(app.screen, ImportForm)
        refusal = str(app.screen.query_one("#form-error").render())
        assert "«kuva.jpg» is not a readable image" in refusal and "FILE" not in refusal
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)
    assert "img-kuva" not in Session.open(str(demo), None).load().assets


async def test_keys_that_do_not_fit_the_asset_say_why(demo: Path) -> None:
    app = make_app(demo, user="mikko", lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("b")
        await _highlight(pilot, "vid-tervehdys")
        await pilot.press("a")
        await _highlight(pilot, "img-tori")
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        messages = [n.message for n in app._notifications]
        assert "Alt text is for images; a video gets subtitles (s)." in messages
        assert "img-tori is an image; subtitles belong to videos." in messages


async def test_a_producer_adds_a_childs_consent_and_then_sees_no_name(demo: Path) -> None:
    before = set(Session.open(str(demo), None).load().consents)
    app = make_app(demo, user="mikko", lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("u", "n")
        await pilot.press(*"Lapsi L9")
        app.screen.query_one("#minor").value = True  # type: ignore[attr-defined]
        app.screen.query_one("#guardian").value = "Huoltaja H9"  # type: ignore[attr-defined]
        assert app.screen.query_one("#save").region.bottom <= SIZE[1]  # Save is on screen at 80×24
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConsentScreen)
        listed = [
            str(app.screen.query_one(OptionList).get_option_at_index(i).prompt)
            for i in range(app.screen.query_one(OptionList).option_count)
        ]
        (added,) = set(Session.open(str(demo), None).load().consents) - before
        assert any(added in line and "(a minor's name, hidden)" in line for line in listed)
        assert not any("Lapsi L9" in line for line in listed)
    consent = Session.open(str(demo), None).load().consents[added]
    assert (consent.subject, consent.minor, consent.guardian, consent.scope) == (
        "Lapsi L9",
        True,
        "Huoltaja H9",
        ("*",),
    )


async def test_the_register_of_permissions_kept_in_a_sheet_is_imported_from_the_consents_screen(
    demo: Path, tmp_path: Path
) -> None:
    """`i` on the consents screen reads the sheet as `consent import` does: a bad row is refused
    inside the dialog, naming what is wrong; a good sheet adds its records."""
    from planner.ui.dialogs.team_forms import ImportForm

    sheet = tmp_path / "kuvausluvat.csv"
    sheet.write_text("Kuvattava;Käyttö;Alaikäinen\nUusi Kuvattava;kaikki;maybe\n", "utf-8")
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_view("consents")
        await pilot.pause()
        assert isinstance(app.screen, ConsentScreen)
        before = len(app.ws.consents)
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, ImportForm)
        app.screen.query_one("#path", Input).value = str(sheet)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ImportForm)  # refused inside the dialog, nothing written
        assert "maybe" in str(app.screen.query_one("#form-error", Label).render())
        sheet.write_text("Kuvattava;Käyttö;Alaikäinen\nUusi Kuvattava;kaikki;ei\n", "utf-8")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ConsentScreen)
        assert any("1 lupa lisätty" in n.message for n in app._notifications)
        assert len(app.ws.consents) == before + 1
