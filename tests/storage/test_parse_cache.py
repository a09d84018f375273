"""Data files' records kept between runs by the hash of the files' bytes (storage/parse_cache.py).

A new `WorkspaceStore` stands for a new process (the in-process memo starts empty). To tell a
kept entry from a fresh parse, a test swaps an entry's records for marked ones: seeing the mark
proves the entry was used, not seeing it proves it was not."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import pickle
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from planner.domain.errors import DataError
from planner.storage import cache_folder, parse_cache
from planner.storage.workspace import WorkspaceStore
from tests.helpers import stored_base

ACCOUNT = "instagram-ylojarvi.json"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return stored_base(tmp_path / "ws").root


@pytest.fixture
def cache(tmp_path: Path, root: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache folder of the test's own, empty after the workspace was written."""
    monkeypatch.setenv("PLANNER_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache" / parse_cache.FOLDER


def _records(entry: Path) -> Any:
    payload = cache_folder.unsealed(entry)
    assert payload is not None
    return pickle.loads(payload)


def _keep(entry: Path, records: Any) -> None:
    """An entry written as the user would (sealed with the user's own key)."""
    sealed = cache_folder.seal(entry, pickle.dumps(records))
    assert sealed is not None
    entry.write_bytes(sealed)


def _mark_every_entry(cache: Path) -> int:
    """Every kept account file now says its first post's text is MARKED."""
    marked = 0
    for entry in cache.glob("*.pickle"):
        records = _records(entry)
        if hasattr(records, "posts") and records.posts:
            post_id = next(iter(records.posts))
            posts = {**records.posts, post_id: replace(records.posts[post_id], text="MARKED")}
            _keep(entry, replace(records, posts=posts))
            marked += 1
    return marked


def test_a_new_process_reads_the_kept_records_of_unchanged_files(cache: Path, root: Path) -> None:
    first = WorkspaceStore(root).load()
    assert len(list(cache.glob("*.pickle"))) == 3  # the team file, the library and one account
    assert _mark_every_entry(cache) == 1
    assert WorkspaceStore(root).load().posts["p-0001"].text == "MARKED"
    assert first.posts["p-0001"].text != "MARKED"


def test_a_changed_file_is_parsed_again_whatever_its_stat_says(cache: Path, root: Path) -> None:
    WorkspaceStore(root).load()
    _mark_every_entry(cache)
    path = root / "calendars" / ACCOUNT
    before = os.stat(path)
    data = json.loads(path.read_text("utf-8"))
    text = data["posts"]["1"]["text"]
    data["posts"]["1"]["text"] = text[::-1]  # the same size
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # and the same modification time
    assert WorkspaceStore(root).load().posts["p-0001"].text == text[::-1]


@pytest.mark.parametrize("damage", [b"", b"not a pickle", pickle.dumps({"wrong": "shape"})[:5]])
def test_a_damaged_entry_is_parsed_again_and_replaced(cache: Path, root: Path, damage: bytes) -> None:
    expected = WorkspaceStore(root).load().posts
    for entry in cache.glob("*.pickle"):
        entry.write_bytes(damage)
    assert WorkspaceStore(root).load().posts == expected
    assert all(_records(entry) for entry in cache.glob("*.pickle"))


def test_an_entry_changed_on_disk_is_not_believed(cache: Path, root: Path) -> None:
    """A pickle that still loads but holds other bytes than were kept (a bad disk, a hand edit)."""
    expected = WorkspaceStore(root).load().posts
    for entry in cache.glob("*.pickle"):
        records = _records(entry)
        if hasattr(records, "posts"):
            post_id = next(iter(records.posts))
            posts = {**records.posts, post_id: replace(records.posts[post_id], text="MARKED")}
            seal = len(cache_folder.MAGIC) + cache_folder.TAG_BYTES
            entry.write_bytes(entry.read_bytes()[:seal] + pickle.dumps(replace(records, posts=posts)))
    assert WorkspaceStore(root).load().posts == expected


class _Payload:
    """What an attacker's pickle does when loaded: here, leave a file behind."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        return (Path.touch, (str(self.marker),))  # type: ignore[return-value]


@pytest.mark.parametrize("how", ["unsealed", "another_key", "moved", "symlink"])
def test_an_entry_someone_else_wrote_is_never_loaded(
    tmp_path: Path, root: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """A cache folder anyone can write (a shared `PLANNER_CACHE`): entries written there by another
    user, sealed with another key, moved from another name or linked elsewhere are never unpickled."""
    shared = tmp_path / "shared"
    monkeypatch.setenv("PLANNER_CACHE", str(shared))
    WorkspaceStore(root).load()
    folder = shared / parse_cache.FOLDER
    os.chmod(shared, 0o777)
    os.chmod(folder, 0o777)
    marker = tmp_path / "ran"
    evil = pickle.dumps(_Payload(marker))
    entries = sorted(folder.glob("*.pickle"))
    for number, entry in enumerate(entries):
        if how == "unsealed":
            entry.write_bytes(evil)
        elif how == "another_key":
            tag = hmac.new(b"k" * 32, entry.name.encode() + b"\0" + evil, hashlib.sha256)
            entry.write_bytes(cache_folder.MAGIC + tag.digest() + evil)
        elif how == "moved":  # a real, sealed entry of another file put under this name
            other = entries[(number + 1) % len(entries)]
            entry.write_bytes(other.read_bytes())
        else:
            target = tmp_path / f"elsewhere-{number}"
            target.write_bytes(evil)
            entry.unlink()
            entry.symlink_to(target)
    expected = WorkspaceStore(root).load().posts
    assert not marker.exists()
    assert (
        expected
        == WorkspaceStore(
            root,
        )
        .load()
        .posts
        and expected["p-0001"].account
    )


def test_a_damaged_data_file_is_reported_and_nothing_is_kept(cache: Path, root: Path) -> None:
    WorkspaceStore(root).load()
    kept = set(cache.glob("*.pickle"))
    (root / "calendars" / ACCOUNT).write_text(
        '{"posts": {"1": {"id": "p-1", "publish_at": "eilen"}}}', "utf-8"
    )
    with pytest.raises(DataError) as caught:
        WorkspaceStore(root).load()
    assert ACCOUNT in caught.value.render("en")
    assert set(cache.glob("*.pickle")) == kept


def test_the_least_recently_used_entries_go_past_the_limit(
    cache: Path, root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parse_cache, "KEEP", 3)
    WorkspaceStore(root).load()
    for entry in cache.glob("*.pickle"):
        os.utime(entry, ns=(1, 1))  # all written long ago,
    (old_account,) = (e for e in cache.glob("*.pickle") if hasattr(_records(e), "posts"))
    os.utime(old_account, ns=(2, 2))  # the account file's the latest
    path = root / "calendars" / ACCOUNT
    path.write_text(path.read_text("utf-8") + " ", "utf-8")  # other bytes: a fourth entry
    WorkspaceStore(root).load()  # uses the team file's and the library's entries again
    assert len(list(cache.glob("*.pickle"))) == 3 and not old_account.exists()


def test_with_caches_off_nothing_is_kept(tmp_path: Path, root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLANNER_CACHE", "off")
    assert WorkspaceStore(root).load().posts["p-0001"].account
    assert not list(tmp_path.rglob("*.pickle"))


def test_kept_records_leave_out_their_defaults_and_read_as_the_parsed_ones(cache: Path, root: Path) -> None:
    """An entry keeps a record without the fields that hold their class's default (a post's 31
    fields are mostly empty); loaded, the record equals, reads and writes as the one parsed."""
    parsed = WorkspaceStore(root).load()
    loaded = WorkspaceStore(root).load()
    assert loaded is not parsed
    for kind in ("posts", "assets", "consents", "people", "accounts", "absences", "campaigns", "holds"):
        fresh, kept = getattr(parsed, kind), getattr(loaded, kind)
        assert fresh == kept and [r.to_dict() for r in fresh.values()] == [r.to_dict() for r in kept.values()]
    post = loaded.posts["p-0001"]
    assert post.cancel_reason is None and "cancel_reason" not in vars(post)  # the class's default
    assert len(vars(post)) < len(vars(parsed.posts["p-0001"]))
    assert replace(post, cancel_reason="sää").cancel_reason == "sää"
    assert replace(post, title="x") == replace(parsed.posts["p-0001"], title="x")
    entries = list(cache.glob("*.pickle"))
    assert all(b"cancel_reason" not in cache_folder.unsealed(e) for e in entries)  # type: ignore[operator]
