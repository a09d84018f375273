"""Data files' digests kept between runs by their stat signature (storage/digest_memo.py).

A new `WorkspaceStore` stands for a new process. Files written by a test are seconds younger
than `SETTLED_NS`, so most tests move the memo's clock on (`settled`): what a later run sees."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from planner.storage import cache_folder, digest_memo
from planner.storage import workspace as workspace_module
from planner.storage.workspace import WorkspaceStore
from tests.helpers import stored_base

ACCOUNT = "instagram-ylojarvi.json"


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PLANNER_CACHE", str(tmp_path / "cache"))
    return stored_base(tmp_path / "ws").root


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """The memo's clock a minute on: every file of the test has settled."""
    real = time.time_ns
    monkeypatch.setattr(digest_memo.time, "time_ns", lambda: real() + 60_000_000_000)


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The data files the store reads the bytes of."""
    found: list[str] = []
    real = workspace_module.read_regular

    def counted(path: Path, *args: object, **kwargs: object) -> bytes | None:
        found.append(Path(path).name)
        return real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(workspace_module, "read_regular", counted)
    return found


def _entry(tmp_path: Path) -> Path:
    entries = list((tmp_path / "cache" / digest_memo.FOLDER).glob("*.json"))
    assert len(entries) == 1
    return entries[0]


def _rewrite_in_place(path: Path, old: str, new: str) -> None:
    """The same size, the modification time put back: only the change time tells."""
    before = os.stat(path)
    data = path.read_text("utf-8")
    assert old in data and len(old) == len(new)
    time.sleep(0.02)  # past the change time's tick
    with open(path, "r+", encoding="utf-8") as out:  # in place: the same inode
        out.write(data.replace(old, new))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = os.stat(path)
    assert (after.st_ino, after.st_size, after.st_mtime_ns) == (
        before.st_ino,
        before.st_size,
        before.st_mtime_ns,
    )
    assert after.st_ctime_ns != before.st_ctime_ns


def test_a_later_run_reads_no_bytes_of_files_unchanged_since(
    root: Path, settled: None, reads: list[str]
) -> None:
    first = WorkspaceStore(root).load()
    assert len(reads) == 3  # the team file, the library and the account file
    reads.clear()
    again = WorkspaceStore(root).load()
    assert reads == []
    assert again.posts == first.posts and again.accounts == first.accounts and again.people == first.people
    WorkspaceStore(root).load_partial([])  # every file only hashed: known too
    assert reads == []


def test_a_file_rewritten_in_place_is_read_again_by_its_change_time(
    root: Path, settled: None, reads: list[str]
) -> None:
    WorkspaceStore(root).load()
    text = WorkspaceStore(root).load().posts["p-0001"].text
    _rewrite_in_place(root / "calendars" / ACCOUNT, text[:6], "MUUTTU")
    reads.clear()
    store = WorkspaceStore(root)
    partial = store.load_partial([])
    assert reads == [ACCOUNT]
    assert WorkspaceStore(root).load().posts["p-0001"].text.startswith("MUUTTU")
    assert partial.account_files[ACCOUNT] == WorkspaceStore(root).load_partial([]).account_files[ACCOUNT]


def test_a_file_changed_just_before_it_was_hashed_is_not_remembered(
    root: Path, tmp_path: Path, reads: list[str]
) -> None:
    WorkspaceStore(root).load()  # every file was written a moment ago: none has settled
    assert not list((tmp_path / "cache" / digest_memo.FOLDER).glob("*.json"))
    reads.clear()
    WorkspaceStore(root).load()
    assert len(reads) == 3


def test_an_entry_not_sealed_by_this_user_is_not_believed(
    root: Path, tmp_path: Path, settled: None, reads: list[str]
) -> None:
    path = root / "calendars" / ACCOUNT
    WorkspaceStore(root).load()
    old = json.loads(cache_folder.unsealed(_entry(tmp_path)) or b"")[str(path)][-1]
    text = WorkspaceStore(root).load().posts["p-0001"].text
    _rewrite_in_place(path, text[:6], "MUUTTU")
    WorkspaceStore(root).load()  # the new bytes kept too, and their digest remembered
    entry = _entry(tmp_path)
    known = json.loads(cache_folder.unsealed(entry) or b"")
    assert known[str(path)][-1] != old
    known[str(path)][-1] = old  # the file said to hold its old bytes still
    forged = json.dumps(known).encode()
    entry.write_bytes(cache_folder.MAGIC + bytes(cache_folder.TAG_BYTES) + forged)  # not this user's seal
    reads.clear()
    ws = WorkspaceStore(root).load()
    assert sorted(reads) == sorted([ACCOUNT, "team.json", "library.json"])
    assert ws.posts["p-0001"].text.startswith("MUUTTU")


@pytest.mark.parametrize("payload", [b"[]", b'{"x": [1, 2]}', b'{"x": ["1", 2, 3, 4, "d"]}', b"\xff"])
def test_a_sealed_entry_of_another_shape_is_ignored(
    root: Path, tmp_path: Path, settled: None, reads: list[str], payload: bytes
) -> None:
    WorkspaceStore(root).load()
    entry = _entry(tmp_path)
    sealed = cache_folder.seal(entry, payload)
    assert sealed is not None
    entry.write_bytes(sealed)
    reads.clear()
    assert "p-0001" in WorkspaceStore(root).load().posts
    assert len(reads) == 3


def test_with_caches_off_nothing_is_kept(root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLANNER_CACHE", "off")
    WorkspaceStore(root).load()
    assert not (tmp_path / "cache" / digest_memo.FOLDER).exists()
