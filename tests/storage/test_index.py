"""The one derived cache (storage/index): each account's findings are judged again exactly when
something they were judged from has changed (its file, the team file, the library, the range, the
clock, a subtitle file it read), and an index that is damaged, locked or off only costs time."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from planner.domain.model import Person
from planner.services import Session
from planner.services import checks as checks_module
from planner.services.checks import check, check_report
from planner.storage.index import FILE_NAME, cache_root
from planner.storage.workspace import WorkspaceStore
from tests.helpers import small_year

YEAR = (dt.date(2026, 3, 30), dt.date(2027, 3, 28))


@pytest.fixture
def year(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return small_year(tmp_path, monkeypatch)


@pytest.fixture
def judged(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The accounts judged (rather than taken from the index), in the order they were judged."""
    found: list[str] = []
    real = checks_module._judged

    def counting(ws, assets, shared, account_id, posts):  # type: ignore[no-untyped-def]
        found.append(account_id)
        return real(ws, assets, shared, account_id, posts)

    monkeypatch.setattr(checks_module, "_judged", counting)
    return found


def _report(root: Path):  # type: ignore[no-untyped-def]
    return check_report(Session.open(str(root), None), *YEAR)


def _whole(root: Path):  # type: ignore[no-untyped-def]
    """The report judged from scratch, as a program reading every file would make it."""
    session = Session.open(str(root), None)
    ws = session.load()
    return check(ws, session.store.assets, session.now(ws), *YEAR)


def _same(found, whole) -> None:  # type: ignore[no-untyped-def]
    assert found.findings == whole.findings
    assert found.summary() == whole.summary()
    for kept, judged in ((found.posts, whole.posts), (found.accounts, whole.accounts)):
        assert list(kept) == list(judged)  # the same posts (accounts), in the same order
        assert _lists(kept) == _lists(judged)  # every rule's findings (a pass, `()` or `[]`, empty)


def _lists(results):  # type: ignore[no-untyped-def]
    return {
        owner: {rule: list(found) for rule, found in by_rule.items()} for owner, by_rule in results.items()
    }


def test_the_cache_folder_follows_the_environment_at_each_call(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLANNER_CACHE", "/srv/cache-a")
    assert cache_root() == Path("/srv/cache-a")
    monkeypatch.setenv("PLANNER_CACHE", "off")
    assert cache_root() is None
    monkeypatch.delenv("PLANNER_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", "/home/pia/.xdg")
    assert cache_root() == Path("/home/pia/.xdg/somekalenteri")
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", "/home/pia")
    assert cache_root() == Path("/home/pia/.cache/somekalenteri")


def test_asked_again_nothing_is_judged_and_the_answer_is_the_same(year: Path, judged: list[str]) -> None:
    first = _report(year)
    assert len(judged) == 6
    judged.clear()
    again = _report(year)
    assert judged == []
    _same(again, first)
    _same(again, _whole(year))


def test_after_one_accounts_save_only_that_account_is_judged_again(year: Path, judged: list[str]) -> None:
    _report(year)
    store = WorkspaceStore(year)
    post = next(iter(store.load().posts.values()))
    with store.transaction("h001", lambda _: "2026-06-15T10:00") as unit:
        unit.put("posts", replace(post, text=post.text + " Muutettu."))
    judged.clear()
    found = _report(year)
    assert judged == [post.account]
    _same(found, _whole(year))


def test_a_team_change_judges_every_account_again(year: Path, judged: list[str]) -> None:
    _report(year)
    store = WorkspaceStore(year)
    with store.transaction("h001", lambda _: "2026-06-15T10:00") as unit:
        unit.put("people", Person("z1", "Uusi Ihminen", roles=("producer",)))
    judged.clear()
    _same(_report(year), _whole(year))
    assert len(judged) == 6


def test_another_range_and_the_next_day_are_judged_anew(
    year: Path, judged: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _report(year)
    judged.clear()
    check_report(Session.open(str(year), None), dt.date(2026, 6, 15), dt.date(2026, 6, 21))
    assert len(judged) == 6
    judged.clear()
    monkeypatch.setenv("PLANNER_NOW", "2026-06-16 10:00")  # midnight passed: a rule reads the date
    _same(_report(year), _whole(year))
    assert len(judged) == 6


def test_a_changed_subtitle_file_judges_its_account_again(year: Path, judged: list[str]) -> None:
    ws = WorkspaceStore(year).load()
    video = next(a for a in ws.assets.values() if a.kind == "video" and a.subtitles)
    users = {p.account for p in ws.posts.values() if video.id in p.media and p.status != "cancelled"}
    _report(year)
    judged.clear()
    subtitles = year / "assets" / next(iter(video.subtitles.values()))
    subtitles.write_text("not subtitles at all", "utf-8")
    _same(_report(year), _whole(year))
    assert users and set(judged) == users


def test_a_media_file_gone_or_back_judges_the_accounts_again(year: Path, judged: list[str]) -> None:
    """A file deleted has no stat left to compare: its folder's time says it, and every account is
    judged again (the library's folders are shared), once."""
    ws = WorkspaceStore(year).load()
    picture = next(
        a for a in ws.assets.values() if a.kind == "image" and any(a.id in p.media for p in ws.posts.values())
    )
    kept = year / "assets" / picture.file
    content = kept.read_bytes()
    first = _report(year)
    assert not [f for f in first.findings if f.rule == "media.file"]
    judged.clear()
    kept.unlink()
    gone = _report(year)
    _same(gone, _whole(year))
    assert {f.rule for f in gone.findings} - {f.rule for f in first.findings} == {"media.file"}
    assert set(judged) == set(ws.accounts)
    judged.clear()
    _report(year)
    assert judged == []  # asked again: nothing judged
    kept.write_bytes(content)
    _same(_report(year), first)
    assert set(judged) == set(ws.accounts)


def test_a_damaged_index_is_made_anew_and_caches_off_keep_nothing(
    year: Path, judged: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _report(year)
    index = tmp_path / "cache" / FILE_NAME
    index.write_bytes(b"this is no database" * 100)
    judged.clear()
    _same(_report(year), _whole(year))  # passed by: judged, and the index made anew for next time
    assert len(judged) == 6
    judged.clear()
    _report(year)
    assert judged == []
    monkeypatch.setenv("PLANNER_CACHE", "off")
    judged.clear()
    _same(_report(year), _whole(year))
    _report(year)
    assert len(judged) == 12


def test_one_account_is_judged_alone_even_when_the_whole_workspace_was_read_first(year: Path) -> None:
    """An export of one account reads the workspace first; its check must still judge that account
    alone (the snapshot kept by the first reading holds every account)."""
    session = Session.open(str(year), None)
    ws = session.load()
    account = sorted(ws.accounts)[2]
    found = check_report(session, *YEAR, account=account)
    assert set(found.accounts) == {account}
    assert {f.account for f in found.findings} <= {account}
    assert found.findings == check(ws, session.store.assets, session.now(ws), *YEAR, account).findings


@pytest.mark.parametrize(
    "value",
    [
        "{broken",
        "[]",
        '{"account": "x", "posts": [], "findings": [[1]]}',
        '{"account": "x", "posts": 7, "findings": []}',
        '{"account": "x", "posts": [], "findings": [["no.rule", "error", true, "x", null, null,'
        ' null, null, "k", {}, null]]}',
        '{"account": "x", "posts": [], "findings": [["post.schedule", "error", true, "x", "p-9", null,'
        ' null, null, "k", {}, null]]}',
    ],
)
def test_a_kept_entry_that_does_not_read_is_judged_anew(
    year: Path, judged: list[str], tmp_path: Path, value: str
) -> None:
    import sqlite3

    _report(year)
    db = sqlite3.connect(tmp_path / "cache" / FILE_NAME)
    with db:
        (key,) = db.execute("SELECT key FROM findings LIMIT 1").fetchone()
        db.execute("UPDATE findings SET value = ? WHERE key = ?", (value, key))
    db.close()
    judged.clear()
    _same(_report(year), _whole(year))  # the damaged entry's account judged again, the rest kept
    assert len(judged) == 1
    judged.clear()
    _report(year)
    assert judged == []  # and kept again


def _damage(cache: Path, sql: str) -> None:
    import sqlite3

    db = sqlite3.connect(cache / FILE_NAME)
    with db:
        assert db.execute(sql).rowcount > 0
    db.close()


def test_a_digest_the_index_remembers_wrongly_never_makes_a_sound_file_damaged(
    year: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planner.storage import index as index_module

    monkeypatch.setattr(index_module, "SETTLE_NS", 0)  # every file's digest remembered at once
    _report(year)
    _damage(tmp_path / "cache", "UPDATE files SET digest = '0000' WHERE path LIKE '%calendars/%'")
    _same(_report(year), _whole(year))  # was: "the file ... is damaged (not what the audit record says)"
    _damage(tmp_path / "cache", "UPDATE files SET digest = '0000' WHERE path LIKE '%calendars/%'")
    _same(_report(year), _whole(year))  # and again, the index told the right digests meanwhile


def test_a_damaged_holiday_table_or_subtitle_stamp_is_worked_out_anew(
    year: Path, judged: list[str], tmp_path: Path
) -> None:
    from planner.services import year_of_holidays

    year_of_holidays.cache_clear()  # this process's own memo of the tables: read from the index
    _report(year)
    _damage(tmp_path / "cache", "UPDATE holidays SET days = '{not json'")
    _damage(tmp_path / "cache", "UPDATE findings SET subtitles = '[[' WHERE rowid = 1")
    year_of_holidays.cache_clear()
    judged.clear()
    _same(_report(year), _whole(year))
    assert len(judged) == 1
