"""The week index gathered account by account (domain/workspace: `posts_in_week`, `unscheduled`,
the cadence counts): a load takes it from each account file's view, the parse cache keeps it with
the file's records, and a save replaces only the saved account's. Whatever the path, it must hold
exactly what the snapshot's posts say, each post once, also when the files do not split the
posts cleanly (one post id in two files, posts in a file with no account)."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from pathlib import Path

import pytest

from planner.domain import workspace as workspace_module
from planner.domain.calendar import monday_of
from planner.domain.rules.accounts import COUNTED_STATUSES, counted_posts
from planner.domain.workspace import Workspace
from planner.services import Session, post_steps, posts
from planner.storage.workspace import WorkspaceStore
from tests.helpers import small_year

USER = "h001"  # the generator's first person: an admin who may write every account


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return small_year(tmp_path, monkeypatch)


def assert_index_holds_every_post(ws: Workspace, cadence: bool = True) -> None:
    """Each week, the undated posts and (`cadence`) each account's cadence count, against every
    post. The count is read from the account's own view, which holds what its file holds."""
    weeks: dict[dt.date, list[str]] = defaultdict(list)
    counted: dict[tuple[str, dt.date], int] = defaultdict(int)
    for post in ws.posts.values():
        if post.publish_at is not None:
            monday = monday_of(post.publish_at.date())
            weeks[monday].append(post.id)
            counted[post.account, monday] += post.status in COUNTED_STATUSES
    assert weeks, "the workspace has dated posts"
    for monday, expected in weeks.items():
        found = [p.id for p in ws.posts_in_week(monday)]
        assert sorted(found) == sorted(expected), monday
        assert all(ws.posts[p.id] is p for p in ws.posts_in_week(monday))  # the snapshot's own records
    assert len(ws.posts_in_week(dt.date(2040, 1, 2))) == 0
    undated = sorted(p.id for p in ws.posts.values() if p.publish_at is None)
    assert sorted(p.id for p in ws.unscheduled) == undated
    for (account, monday), count in counted.items() if cadence else ():
        assert counted_posts(ws, account).in_week(monday) == count, (account, monday)


def test_a_load_gathers_each_week_from_the_account_files(root: Path) -> None:
    ws = WorkspaceStore(root).load()
    assert ws.partitioned
    assert_index_holds_every_post(ws)


def test_another_process_reads_the_week_index_kept_with_the_records(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    WorkspaceStore(root).load()  # parsed, and kept with each account's week index

    def gathered_again(_: object) -> object:
        raise AssertionError("a week index gathered again from the posts")

    monkeypatch.setattr(workspace_module, "_by_week", gathered_again)
    ws = WorkspaceStore(root).load()  # a new store: a new process as far as the files go
    assert_index_holds_every_post(ws)


def test_after_each_kind_of_save_the_index_follows_the_posts(root: Path) -> None:
    session = Session.open(str(root), USER)
    ws = session.load()
    assert_index_holds_every_post(ws)
    draft = next(p for p in ws.posts_view.sorted() if p.status == "draft" and p.publish_at)
    accounts = sorted(ws.accounts)
    other = next(a for a in accounts if a != draft.account)

    moved_week = draft.publish_at + dt.timedelta(days=21)  # type: ignore[operator]
    posts.edit_post(session, draft.id, posts.PostEdit(at=moved_week))
    assert_index_holds_every_post(session.load())
    posts.edit_post(session, draft.id, posts.PostEdit(unschedule=True))
    assert_index_holds_every_post(session.load())
    posts.edit_post(session, draft.id, posts.PostEdit(at=moved_week, account=other))
    assert_index_holds_every_post(session.load())
    new = posts.add_post(session, posts.NewPost(other, moved_week, "Uusi julkaisu #pieni"))
    assert_index_holds_every_post(session.load())
    post_steps.copy_post(session, new.id, draft.account)
    assert_index_holds_every_post(session.load())
    with session.store.transaction(USER, session.stamp) as unit:
        unit.remove("posts", new.id)
    ws = session.load()
    assert new.id not in ws.posts
    assert ws.partitioned
    assert_index_holds_every_post(ws)
    fresh = WorkspaceStore(root).load()  # the files, read by a store that kept nothing
    assert len(ws.posts) == len(fresh.posts) == len(list(ws.posts.values()))
    assert {p.id: p.to_dict() for p in ws.posts.values()} == {p.id: p.to_dict() for p in fresh.posts.values()}


def _account_file(root: Path, index: int) -> Path:
    return sorted(p for p in (root / "calendars").glob("*.json") if p.name != "team.json")[index]


def test_a_post_id_in_two_files_is_gathered_from_the_posts_the_snapshot_holds(root: Path) -> None:
    first, second = _account_file(root, 0), _account_file(root, 1)
    doc = json.loads(first.read_text("utf-8"))
    shared = next(iter(doc["posts"].values()))
    other = json.loads(second.read_text("utf-8"))
    other["posts"]["9999"] = {**shared, "account": next(iter(other["account"].values()))["id"]}
    second.write_text(json.dumps(other), "utf-8")
    ws = WorkspaceStore(root).load()
    assert not ws.partitioned
    assert_index_holds_every_post(ws, cadence=False)  # the first file's view still holds its own


def test_posts_in_a_file_of_no_account_are_gathered_too(root: Path) -> None:
    path = _account_file(root, 2)
    doc = json.loads(path.read_text("utf-8"))
    assert doc["posts"]
    doc["account"] = {}
    path.write_text(json.dumps(doc), "utf-8")
    ws = WorkspaceStore(root).load()
    assert not ws.partitioned
    assert_index_holds_every_post(ws, cadence=False)  # no account of theirs asks for a cadence
