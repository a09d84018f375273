"""The workspace on disk: atomic writes, transactions that write all or nothing, strict reading."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from planner.domain.errors import DataError
from planner.domain.feedback import Feedback
from planner.domain.model import Person, Post
from planner.domain.results import Figures
from planner.domain.workspace import Workspace
from planner.storage import audit
from planner.storage.files import atomic_write
from planner.storage.folder import content_digest
from planner.storage.records import account_bytes
from planner.storage.tinystore import Tables, read_tables, render_tables
from planner.storage.workspace import KINDS, Unit, WorkspaceStore, account_file_name
from tests.helpers import base_doc, stored_base, workspace_of


@pytest.fixture
def store(tmp_path: Path) -> WorkspaceStore:
    return stored_base(tmp_path)


def test_round_trip_keeps_every_entity(store: WorkspaceStore) -> None:
    loaded = store.load()
    expected = workspace_of(base_doc())
    for kind in ("people", "accounts", "campaigns", "consents", "assets", "posts"):
        stored = getattr(loaded, kind)
        assert all(e.revision == 1 for e in stored.values()), kind  # each saved once
        bookkept = [replace(e, modified_at=None) if kind == "posts" else e for e in stored.values()]
        assert {e.id: replace(e, revision=0) for e in bookkept} == dict(getattr(expected, kind)), kind
    assert {p.modified_at for p in loaded.posts.values()} == {dt.datetime(2026, 12, 1, 10, 0)}  # saved then
    assert loaded.organization == expected.organization
    raw = (store.calendars / "team.json").read_text("utf-8")
    assert "Ylöjärven kaupunki" in raw  # UTF-8, not \\u escapes


def test_a_failing_transaction_writes_nothing(store: WorkspaceStore) -> None:
    before = {p: p.read_bytes() for p in store.root.rglob("*.json*")}
    with pytest.raises(RuntimeError), store.transaction("test", lambda _: "now") as unit:
        unit.put("people", Person("z1", "Zeta"))
        raise RuntimeError("boom")
    assert {p: p.read_bytes() for p in store.root.rglob("*.json*")} == before
    assert "z1" not in store.load().people


def test_transactions_write_only_the_files_they_touch(store: WorkspaceStore) -> None:
    team_before = (store.calendars / "team.json").read_bytes()
    with store.transaction("p1", lambda _: "now") as unit:
        post = unit.base.posts["p-0001"]
        unit.put("posts", replace(post, text="Muutettu #ylöjärvi"))
    assert (store.calendars / "team.json").read_bytes() == team_before
    assert store.load().posts["p-0001"].text == "Muutettu #ylöjärvi"
    assert not list(store.root.rglob("*.tmp"))


def test_moving_a_post_to_another_account_rewrites_both_files(store: WorkspaceStore) -> None:
    with store.transaction("a1", lambda _: "now") as unit:
        other = replace(unit.base.accounts["instagram-ylojarvi"], id="facebook-ylojarvi", platform="facebook")
        unit.put("accounts", other)
        unit.put("posts", replace(unit.base.posts["p-0001"], account="facebook-ylojarvi"))
    loaded = store.load()
    assert loaded.posts["p-0001"].account == "facebook-ylojarvi"
    insta = json.loads((store.calendars / "instagram-ylojarvi.json").read_text("utf-8"))
    assert insta["posts"] == {}


def _fresh(store: WorkspaceStore) -> Workspace:
    """The workspace as a new process reads it: no parsed file or snapshot kept from before."""
    return WorkspaceStore(store.root).load()


def _same(kept: Workspace, fresh: Workspace) -> None:
    assert kept.organization == fresh.organization
    for kind in KINDS:
        assert dict(getattr(kept, kind)) == dict(getattr(fresh, kind)), kind
    for account in fresh.accounts:  # the per-account index the week view and the rules read
        assert [p.id for p in kept.posts_of(account)] == [p.id for p in fresh.posts_of(account)], account
        for kind, records in fresh.beside_posts(account).items():  # its feedback and figures
            assert list(kept.beside_posts(account)[kind]) == list(records), (account, kind)


def test_the_snapshot_kept_after_each_save_is_what_a_fresh_read_finds(store: WorkspaceStore) -> None:
    """A save keeps the workspace it wrote as the next load's answer, and writes the posts it did
    not change from their stored JSON: after edits, new posts, a move between accounts, a new
    account and a team change, both must be exactly what reading the files anew gives."""
    post = store.load().posts["p-0001"]
    facebook = replace(
        store.load().accounts["instagram-ylojarvi"], id="facebook-ylojarvi", platform="facebook"
    )
    steps: list[Callable[[Unit], object]] = [
        lambda u: [
            u.put("posts", replace(post, id=f"p-{n:04}", text=f"Uusi {n} #ylöjärvi")) for n in range(2, 9)
        ],
        lambda u: u.put("posts", replace(u.base.posts["p-0004"], text="Muokattu #ylöjärvi")),
        lambda u: u.put("accounts", facebook),
        lambda u: u.put("posts", replace(post, id="p-0100", account="facebook-ylojarvi")),
        lambda u: u.put("posts", replace(u.base.posts["p-0003"], account="facebook-ylojarvi")),
        lambda u: u.remove("posts", "p-0005"),
        lambda u: u.put("people", Person("z1", "Zeta Öberg")),
        lambda u: u.put("posts", replace(u.base.posts["p-0006"], title="Otsikko")),
        lambda u: [
            u.remove("posts", "p-0002"),
            u.put("posts", replace(post, id="p-0002", text="Uusi #ylöjärvi")),
        ],
        lambda u: [
            u.put("posts", replace(post, id="p-0101", account="facebook-ylojarvi")),
            u.put("posts", replace(post, id="p-0102")),
            u.put("posts", replace(post, id="p-0102", account="facebook-ylojarvi")),
        ],
        lambda u: u.put("posts", replace(u.base.posts["p-0100"], title="Otsikko")),
        lambda u: [
            u.put("feedback", _feedback(n, account))
            for n, account in ((2, "instagram-ylojarvi"), (1, "facebook-ylojarvi"), (3, "instagram-ylojarvi"))
        ],
        lambda u: u.put("feedback", replace(u.base.feedback["f-2"], status="answered")),
        lambda u: [u.put("metrics", _figures(post_id, u.base)) for post_id in ("p-0004", "p-0001", "p-0100")],
        lambda u: u.put("metrics", replace(u.base.metrics["p-0004"], reach=7)),
        lambda u: [u.remove("feedback", "f-3"), u.put("feedback", _feedback(3, "instagram-ylojarvi"))],
        lambda u: [u.remove("metrics", "p-0004"), u.put("metrics", _figures("p-0004", u.base))],
        lambda u: u.put("posts", replace(u.base.posts["p-0007"], title="Otsikko")),
    ]
    for step in steps:
        with store.transaction("a1", lambda _: "now") as unit:
            step(unit)
        kept = store.load()
        assert store.load() is kept  # nothing changed: the same snapshot
        _same(kept, _fresh(store))
        fresh = _fresh(store)
        for account in fresh.accounts:  # the bytes a full rewrite of the account would give
            path = store.calendars / account_file_name(account)
            others = fresh.beside_posts(account)
            rewritten = account_bytes(fresh.accounts[account], fresh.posts_of(account), {}, others)
            assert path.read_bytes() == rewritten
    assert [p.id for p in store.load().posts_of("facebook-ylojarvi")] == [
        "p-0003",
        "p-0100",
        "p-0101",
        "p-0102",
    ]


def _feedback(number: int, account: str) -> Feedback:
    came = dt.datetime(2026, 12, 4 - number, 9, 0)
    return Feedback(f"f-{number}", account, came, f"Kysymys {number}", came.date() + dt.timedelta(days=2))


def _figures(post_id: str, ws: Workspace) -> Figures:
    post = ws.posts[post_id]
    platform = ws.accounts[post.account].platform
    return Figures(post_id, post.account, platform, dt.datetime(2026, 12, 5, 9, 0), reach=10)


def test_a_save_in_another_process_is_read_again(store: WorkspaceStore) -> None:
    before = store.load()
    other = WorkspaceStore(store.root)  # another terminal, another process's store
    with other.transaction("p1", lambda _: "now") as unit:
        unit.put("posts", replace(unit.base.posts["p-0001"], text="Muualta #ylöjärvi"))
    after = store.load()
    assert after is not before and after.posts["p-0001"].text == "Muualta #ylöjärvi"
    with store.transaction("a1", lambda _: "now") as unit:  # a save starts from what is on disk
        assert unit.base.posts["p-0001"].text == "Muualta #ylöjärvi"
        unit.put("people", Person("z1", "Zeta"))
    _same(store.load(), _fresh(store))


@pytest.mark.parametrize("how", ["replaced", "written in place", "rolled back", "swapped"])
def test_a_file_changed_outside_the_planner_is_damage_and_nothing_is_saved_over_it(
    store: WorkspaceStore, how: str
) -> None:
    """What a sync tool, a text editor or a restored old copy leaves: the file no longer holds what
    the audit record says, so it is named as damage, not read as the workspace."""
    from planner.domain.model import Account

    store.load()
    path = store.calendars / "instagram-ylojarvi.json"
    if how == "rolled back":
        with store.transaction("a1", lambda _: "now") as unit:
            unit.put("posts", replace(unit.base.posts["p-0001"], text="Uudempi #ylöjärvi"))
        path.write_bytes((store.calendars / ".backups" / f"{path.name}.2").read_bytes())
    elif how == "swapped":
        with store.transaction("a1", lambda _: "now") as unit:
            unit.put(
                "accounts", Account("facebook-ylojarvi", "facebook", admins=("a1", "a2"), owners=("p1",))
            )
        other = store.calendars / "facebook-ylojarvi.json"
        mine, theirs = path.read_bytes(), other.read_bytes()
        path.write_bytes(theirs)
        other.write_bytes(mine)
    else:
        data = json.loads(path.read_text("utf-8"))
        data["posts"]["1"]["text"] = "Synkronoitu #ylöjärvi"
        if how == "replaced":
            atomic_write(path, json.dumps(data, ensure_ascii=False).encode("utf-8"))
        else:
            path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    changed = {p: p.read_bytes() for p in store.calendars.glob("*.json")}
    for reader in (store, WorkspaceStore(store.root)):
        with pytest.raises(DataError) as caught:
            reader.load()
        said = caught.value.render("en")
        assert ("instagram-ylojarvi.json" in said or "facebook-ylojarvi.json" in said) and "doctor" in said
    with pytest.raises(DataError), store.transaction("a1", lambda _: "now") as unit:
        unit.put("people", Person("z1", "Zeta"))
    assert {p: p.read_bytes() for p in store.calendars.glob("*.json")} == changed


def test_a_save_keeps_what_it_does_not_understand_in_the_posts_it_did_not_change(
    store: WorkspaceStore,
) -> None:
    """A field written by a newer version stays in a post, a feedback or a post's figures an
    older one's save leaves alone."""
    post = store.load().posts["p-0001"]
    with store.transaction("a1", lambda _: "now") as unit:
        unit.put("posts", replace(post, id="p-0002"))
        unit.put("feedback", _feedback(1, post.account))
        unit.put("metrics", _figures(post.id, unit.base))
    path = store.calendars / "instagram-ylojarvi.json"
    data = json.loads(path.read_text("utf-8"))
    for kind in ("posts", "feedback", "metrics"):
        data[kind]["1"]["note_from_newer_version"] = "säilytä"
    newer = json.dumps(data, ensure_ascii=False).encode("utf-8")
    with store.folder.locked():  # a newer planner's save: the file and the record of it together
        record = dict(store.folder.record() or {})
        record[store.folder.relative(path)] = content_digest(newer)
        change = audit.Change("posts", "p-0001", "update", None, None)
        store.folder.commit({path: newer}, "a1", "now", [change], record, expect_log=True)
    with store.transaction("a1", lambda _: "now") as unit:
        unit.put("posts", replace(unit.base.posts["p-0002"], text="Toinen #ylöjärvi"))
    saved = json.loads(path.read_text("utf-8"))
    assert [saved[kind]["1"]["note_from_newer_version"] for kind in ("posts", "feedback", "metrics")] == [
        "säilytä"
    ] * 3
    assert saved["posts"]["2"]["text"] == "Toinen #ylöjärvi"


def _tinydb_reading(path: Path) -> Tables:
    from tinydb import TinyDB

    with TinyDB(path, access_mode="r") as db:
        return {name: [dict(doc) for doc in db.table(name).all()] for name in db.tables()}


def test_files_are_read_as_tinydb_reads_them(tmp_path: Path) -> None:
    """`read_tables` reads TinyDB's layout itself; it must give what TinyDB gives, in order, for a
    file TinyDB wrote and for one edited by hand (ids out of order, a gap, an empty table)."""
    written, edited = tmp_path / "written.json", tmp_path / "edited.json"
    written.write_bytes(
        render_tables({"account": [{"id": "a"}], "posts": [{"id": f"p-{n}"} for n in range(5)]})
    )
    edited.write_text(
        '{"posts": {"7": {"id": "p-7", "text": "ä"}, "2": {"id": "p-2"}, "5": {"id": "p-5"}}, "empty": {}}',
        "utf-8",
    )
    for path in (written, edited):
        assert read_tables(path) == _tinydb_reading(path)
    assert [doc["id"] for doc in read_tables(edited)["posts"]] == ["p-7", "p-2", "p-5"]
    assert read_tables(tmp_path / "missing.json") == {}


@pytest.mark.parametrize(
    "content",
    [b'{"people": {"1": {"id": "x"', b"\x00" * 64, b'["not", "tinydb"]', b"\xff\xfe not utf-8"],
    ids=["truncated", "nul-padded", "wrong shape", "not utf-8"],
)
def test_a_damaged_file_is_reported_not_overwritten(store: WorkspaceStore, content: bytes) -> None:
    path = store.calendars / "team.json"
    path.write_bytes(content)
    with pytest.raises(DataError) as caught:
        store.load()
    assert "team.json" in caught.value.render("en")
    with pytest.raises(DataError), store.transaction("a1", lambda _: "now") as unit:
        unit.put("people", Person("z1"))
    assert path.read_bytes() == content


def test_atomic_write_replaces_whole_files(tmp_path: Path) -> None:
    target = tmp_path / "f.json"
    atomic_write(target, b"old")
    atomic_write(target, b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["f.json"]
    assert target.stat().st_mode & 0o777 == 0o660


def test_every_change_is_audited_and_the_chain_verifies(store: WorkspaceStore) -> None:
    with store.transaction("p1", lambda _: "2026-12-01T11:00") as unit:
        post = unit.base.posts["p-0001"]
        unit.put("posts", replace(post, status="draft"))
        unit.put("posts", Post("p-0002", "instagram-ylojarvi", text="Uusi"))
    lines = [json.loads(line) for line in (store.calendars / "audit.jsonl").read_text("utf-8").splitlines()]
    assert [(e["user"], e["action"], e["id"]) for e in lines[-2:]] == [
        ("p1", "update", "p-0001"),
        ("p1", "create", "p-0002"),
    ]
    assert lines[-2]["before"]["status"] == "ready" and lines[-2]["after"]["status"] == "draft"
    assert audit.verify(store.calendars).ok


@pytest.mark.parametrize(
    ("tamper", "broken"),
    [
        ("edit", 3),  # a line's content changed
        ("delete", 3),  # a line in the middle removed
        ("reorder", 3),  # two lines swapped
        ("truncate", 0),  # the last line cut in half
        ("drop_last", 0),  # the whole last line removed: only the anchor outside the log shows it
        ("drop_two", -1),  # the last two lines removed
        ("forge_tail", 0),  # the last line rewritten with a hash that fits the chain
    ],
)
def test_tampering_with_the_log_is_caught(store: WorkspaceStore, tamper: str, broken: int) -> None:
    path = store.calendars / "audit.jsonl"
    lines = path.read_text("utf-8").splitlines(keepends=True)
    assert len(lines) > 4 and audit.verify(store.calendars).ok
    count = len(lines)
    if tamper == "edit":
        lines[2] = lines[2].replace('"test"', '"mallory"')
    elif tamper == "delete":
        del lines[2]
    elif tamper == "reorder":
        lines[2], lines[3] = lines[3], lines[2]
    elif tamper == "truncate":
        lines[-1] = lines[-1][: len(lines[-1]) // 2]
    elif tamper == "drop_last":
        del lines[-1]
    elif tamper == "drop_two":
        del lines[-2:]
    else:
        entry = json.loads(lines[-1])
        del entry["hash"]
        entry["user"] = "mallory"
        entry["hash"] = audit._digest(entry["prev"], entry)
        lines[-1] = json.dumps(entry, ensure_ascii=False) + "\n"
    path.write_text("".join(lines), "utf-8")
    verdict = audit.verify(store.calendars)
    expected = {0: count, -1: count - 1}.get(broken, broken)  # 0: the last line, -1: the one before
    assert not verdict.ok and verdict.broken_line == expected, verdict


def test_a_lost_anchor_is_damage_and_no_write_moves_past_it(store: WorkspaceStore) -> None:
    (store.calendars / audit.HEAD_FILE).unlink()
    verdict = audit.verify(store.calendars)
    assert not verdict.ok and verdict.reason == "audit.head_missing"
    before = (store.calendars / "audit.jsonl").read_bytes()
    with pytest.raises(audit.AuditDamage), store.transaction("p1", lambda _: "2026-12-01T11:00") as unit:
        unit.put("posts", Post("p-0009", "instagram-ylojarvi", text="Uusi"))
    assert (store.calendars / "audit.jsonl").read_bytes() == before
    with pytest.raises(DataError):  # nothing says what the files must hold: none is read as in order
        WorkspaceStore(store.root).load()
    assert "p-0009" not in WorkspaceStore(store.root).read_as_found().posts
