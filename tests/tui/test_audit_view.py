"""The audit log in the app (Pilot): on a team server the browser is all an auditor has, and before
there was no way there to see the audit trail or whether its chain holds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from planner.services import Session, posts
from planner.services.audit_trail import Line
from planner.storage import audit
from planner.ui.screens.audit import AuditScreen
from tests.tui.conftest import make_app

SIZE = (80, 24)


def _lines(demo: Path) -> list[bytes]:
    return (demo / "calendars" / audit.AUDIT_FILE).read_bytes().splitlines(keepends=True)


async def _open(app, pilot) -> None:  # type: ignore[no-untyped-def]
    """The audit log from the week, its verdict made (it walks the whole log in a worker)."""
    await pilot.pause()
    await pilot.press("L")
    await app.workers.wait_for_complete()
    await pilot.pause()


def _shown(screen: AuditScreen) -> tuple[str, str, list[str]]:
    title = str(screen.query_one("#audit-title", Static).render())
    detail = str(screen.query_one("#audit-detail", Static).render())
    table = screen.query_one("#audit", DataTable)
    rows = [" ".join(str(cell) for cell in table.get_row_at(row)) for row in range(table.row_count)]
    return title, detail, rows


async def test_an_auditor_reads_the_log_newest_first_with_what_each_line_changed(demo: Path) -> None:
    session = Session.open(str(demo), "aino")
    post = next(p for p in session.load().posts.values() if p.status == "draft")
    posts.edit_post(session, post.id, posts.PostEdit(title="Uusi otsikko"))
    count = len(_lines(demo))
    app = make_app(demo, user="tarja")
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot)
        assert isinstance(app.screen, AuditScreen)
        title, detail, rows = _shown(app.screen)
        assert f"✓ Muutosloki on ehjä: {count} riviä." in title
        assert rows[0].startswith(f"{count} ") and "aino" in rows[0] and f"julkaisu {post.id}" in rows[0]
        assert rows[-1].startswith("1 ")  # the oldest last
        assert f"title: {post.title or '–'} → Uusi otsikko" in detail  # what changed, and only that
        assert "revision" not in detail and "text:" not in detail
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, AuditScreen)


async def test_a_broken_line_is_named_and_marked_and_a_torn_one_said_unreadable(demo: Path) -> None:
    lines = _lines(demo)
    entry = json.loads(lines[5])
    entry["user"] = "mallory"
    entry["after"] = {**(entry["after"] or {}), "name": "Mallory \x1b[31mred\x1b[0m"}
    lines[5] = (json.dumps(entry, ensure_ascii=False) + "\n").encode("utf-8")
    lines[7] = b'{"torn\n'
    (demo / "calendars" / audit.AUDIT_FILE).write_bytes(b"".join(lines))
    app = make_app(demo, user="tarja", lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot)
        title, _, rows = _shown(app.screen)
        assert "✗ The audit log is broken at line 6: content does not match its hash." in title
        by_number = {row.split()[1] if row.startswith("✗") else row.split()[0]: row for row in rows}
        assert by_number["6"].startswith("✗ 6") and "mallory" in by_number["6"]
        assert by_number["8"].startswith("✗ 8") and "unreadable" in by_number["8"]
        table = app.screen.query_one("#audit", DataTable)
        table.move_cursor(row=rows.index(by_number["6"]))
        await pilot.pause()
        detail = str(app.screen.query_one("#audit-detail", Static).render())
        assert "Mallory" in detail and "\x1b" not in detail  # a forged escape is shown, never obeyed
        table.move_cursor(row=rows.index(by_number["8"]))
        await pilot.pause()
        assert "Line 8 cannot be read" in str(app.screen.query_one("#audit-detail", Static).render())


async def test_a_long_log_shows_its_newest_lines_and_says_how_many_it_has(
    demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planner.ui.screens import audit as screen

    monkeypatch.setattr(screen, "SHOWN_LINES", 5)
    count = len(_lines(demo))
    app = make_app(demo, user="tarja", lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot)
        title, _, rows = _shown(app.screen)
        assert f"The newest 5 of {count:,} lines" in title and f"intact: {count} lines" in title
        assert [row.split()[0] for row in rows] == [str(n) for n in range(count, count - 5, -1)]


async def test_a_save_elsewhere_comes_in_at_the_top_and_the_line_being_read_stays_chosen(demo: Path) -> None:
    count = len(_lines(demo))
    app = make_app(demo, user="tarja", lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot)
        table = app.screen.query_one("#audit", DataTable)
        table.move_cursor(row=3)
        await pilot.pause()
        reading = app.screen.current()
        session = Session.open(str(demo), "aino")
        post = next(p for p in session.load().posts.values() if p.status == "draft")
        posts.edit_post(session, post.id, posts.PostEdit(title="Toisessa päätteessä"))
        await app.check_outside_changes()
        await app.workers.wait_for_complete()
        await pilot.pause()
        _, _, rows = _shown(app.screen)
        assert rows[0].startswith(f"{count + 1} ")
        assert app.screen.current() == reading and table.cursor_row == 4


def test_a_lines_changes_are_the_fields_that_differ_of_a_new_or_removed_record_what_it_held() -> None:
    made = Line(1, "2026-12-01T10:00", "aino", "create", "posts", "p1", None, {"id": "p1", "title": "A"})
    assert made.changed() == [("id", None, "p1"), ("title", None, "A")]
    gone = Line(2, "2026-12-01T10:00", "aino", "delete", "absences", "a1", {"id": "a1", "revision": 2}, None)
    assert gone.changed() == [("id", "a1", None)]  # a revision is bookkeeping
    edited = Line(
        3,
        "",
        "",
        "update",
        "posts",
        "p1",
        {"title": "A", "text": "x", "owner": "a"},
        {"title": "B", "text": "x"},
    )
    assert edited.changed() == [("title", "A", "B"), ("owner", "a", None)]
