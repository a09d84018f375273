"""The app's first week check takes each account's findings from the last run's (storage/
result_cache, services/checks.kept_post_results), and only while nothing they were made from has
changed: what it answers must always equal what judging the posts answers, after a save in another
process or in this one, once the clock has moved on, and with a kept entry forged or damaged."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from planner.domain import check as check_module
from planner.services import Session, checks, posts
from planner.services.checks import check_posts, kept_post_results
from tests.helpers import small_year

USER = "h001"
NOW = dt.datetime(2026, 6, 15, 10, 0)
MONDAY, SUNDAY = dt.date(2026, 6, 15), dt.date(2026, 6, 21)


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return small_year(tmp_path, monkeypatch)


def first_check(root: Path, now: dt.datetime = NOW) -> tuple[dict[str, object], dict[str, object]]:
    """What a new process's first check answers, and what judging every post answers."""
    session = Session.open(str(root), USER)
    ws = session.load()
    return kept_post_results(session.store, ws, now, MONDAY, SUNDAY), check_posts(
        ws, session.store.assets, now, MONDAY, SUNDAY
    )


def judged_posts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the posts the kept check judges from now on (rather than reading them)."""
    seen: list[str] = []
    judge = check_module.check_post

    def counted(post: object, ctx: object) -> object:
        seen.append(post.id)  # type: ignore[attr-defined]
        return judge(post, ctx)  # type: ignore[arg-type]

    monkeypatch.setattr(checks, "check_post", counted)
    return seen


def entries(root: Path) -> list[Path]:
    return sorted((root.parent / "cache" / "results").rglob("*.kept"))


def test_the_next_start_reads_what_the_first_found(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    found, judged = first_check(root)
    assert found == judged and list(found) == list(judged)
    assert len(found) > 10 and any(any(r for r in results.values()) for results in found.values())
    assert entries(root)
    seen = judged_posts(monkeypatch)
    again, judged = first_check(root)
    assert seen == []  # read, not judged
    assert again == judged and list(again) == list(judged)


def test_a_save_in_another_process_is_judged_again(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before, _ = first_check(root)
    other = Session.open(str(root), USER)  # someone else, in another terminal
    ws = other.load()
    post = next(p for p in ws.posts_in_week(MONDAY) if p.status == "draft" and p.text)
    posts.edit_post(other, post.id, posts.PostEdit(text=post.text.replace("#", "") + " " + "x" * 3000))
    seen = judged_posts(monkeypatch)
    found, judged = first_check(root)
    assert found == judged
    assert found[post.id] != before[post.id]  # the edit made new findings, and they are shown
    assert post.id in seen and all(ws.posts[p].account == post.account for p in seen)  # that account only


def test_a_save_in_this_process_is_judged_again(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    session = Session.open(str(root), USER)
    ws = session.load()
    kept_post_results(session.store, ws, NOW, MONDAY, SUNDAY)
    post = next(p for p in ws.posts_in_week(MONDAY) if p.status == "draft")
    posts.edit_post(session, post.id, posts.PostEdit(text="Ei tunnistetta, ei mitään"))
    ws = session.load()
    seen = judged_posts(monkeypatch)
    found = kept_post_results(session.store, ws, NOW, MONDAY, SUNDAY)
    assert found == check_posts(ws, session.store.assets, NOW, MONDAY, SUNDAY)
    assert post.id in seen and {ws.posts[p].account for p in seen} == {post.account}


def test_once_the_clock_has_passed_midnight_the_posts_are_judged_again(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first_check(root)
    seen = judged_posts(monkeypatch)
    later = NOW + dt.timedelta(days=1)  # past midnight: every entry's window has closed
    found, judged = first_check(root, later)
    assert found == judged and seen


@pytest.mark.parametrize("damage", ["garbage", "swapped", "cut"])
def test_a_forged_or_damaged_entry_is_not_believed(
    root: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    first_check(root)
    kept = entries(root)
    assert len(kept) >= 2
    if damage == "garbage":
        kept[0].write_bytes(b"not an entry")
    elif damage == "swapped":  # another account's sealed entry under this one's name
        kept[0].write_bytes(kept[1].read_bytes())
    else:
        kept[0].write_bytes(kept[0].read_bytes()[:-20])
    seen = judged_posts(monkeypatch)
    found, judged = first_check(root)
    assert found == judged
    assert seen  # the damaged entry's posts were judged again


def test_with_caches_off_nothing_is_kept(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLANNER_CACHE", "off")
    found, judged = first_check(root)
    assert found == judged
    assert not entries(root)
