"""The library's kept records are unpickled when first asked for (storage/later), and are then
exactly the records of the bytes the load read."""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

import pytest

from planner.domain.errors import DataError
from planner.storage import digest_memo, later
from planner.storage.later import LaterMap
from planner.storage.workspace import WorkspaceStore
from tests.helpers import stored_base

CLOCK = "2026-12-01T10:00"


@pytest.fixture(autouse=True)
def _settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files written by the test count as settled (storage/digest_memo remembers a file's digest
    only once it has not changed for 3 s): the next load knows the library's digest by its stat."""
    later_now = time.time_ns() + 10 * digest_memo.SETTLED_NS
    monkeypatch.setattr(digest_memo.time, "time_ns", lambda: later_now)


def _kept(tmp_path: Path) -> tuple[WorkspaceStore, dict[str, object]]:
    """A workspace whose library an earlier process read (and kept): its assets as read then."""
    stored_base(tmp_path)
    first = WorkspaceStore(tmp_path).load()
    return WorkspaceStore(tmp_path), dict(first.assets)


def _retitled(root: Path) -> None:
    """Another process changes the library: img1's alt text."""
    store = WorkspaceStore(root)
    ws = store.load()
    asset = ws.assets["img1"]
    with store.transaction("p1", lambda _: CLOCK) as unit:
        unit.put("assets", dataclasses.replace(asset, alt={"fi": "Toinen kuvaus talvesta."}))


def test_a_kept_library_is_unpickled_at_its_first_reading_into_the_same_records(tmp_path: Path) -> None:
    store, read_before = _kept(tmp_path)
    ws = store.load()
    assert isinstance(ws.assets, LaterMap) and isinstance(ws.consents, LaterMap)
    assert ws.assets._later.waiting  # the load read the entry and checked its seal, no more
    assert dict(ws.assets) == read_before and "img1" in ws.assets and len(ws.assets) == len(read_before)
    assert not ws.assets._later.waiting
    assert ws.assets.get("nothing") is None and ws.assets == read_before


def test_the_records_are_those_of_the_bytes_the_load_read_even_if_the_file_changes_after(
    tmp_path: Path,
) -> None:
    store, read_before = _kept(tmp_path)
    ws = store.load()
    _retitled(tmp_path)
    assert ws.assets["img1"] == read_before["img1"]  # the snapshot is one reading of the files
    assert store.load().assets["img1"].alt == {"fi": "Toinen kuvaus talvesta."}


def test_a_payload_that_will_not_unpickle_is_read_from_the_same_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, read_before = _kept(tmp_path)
    ws = store.load()

    def refuse(payload: bytes) -> object:
        raise ValueError("not this Python's pickle")

    monkeypatch.setattr(later.pickle, "loads", refuse)
    assert dict(ws.assets) == read_before


def test_never_records_of_another_version_of_the_library(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A payload that does not unpickle once the file has changed: damage, not a mix of two
    versions of the library in one snapshot."""
    store, _ = _kept(tmp_path)
    ws = store.load()
    _retitled(tmp_path)

    def refuse(payload: bytes) -> object:
        raise ValueError("not this Python's pickle")

    monkeypatch.setattr(later.pickle, "loads", refuse)
    with pytest.raises(DataError) as caught:
        len(ws.assets)
    assert caught.value.key == "err.corrupt_file"


def test_a_save_changes_a_library_still_waiting(tmp_path: Path) -> None:
    store, read_before = _kept(tmp_path)
    assert isinstance(store.load().assets, LaterMap)
    _retitled(tmp_path)  # through a store of its own, whose snapshot's library waited too
    ws = WorkspaceStore(tmp_path).load()
    assert ws.assets["img1"].alt == {"fi": "Toinen kuvaus talvesta."}
    assert set(ws.assets) == set(read_before)


def test_commands_answer_the_same_over_a_library_read_later_as_over_one_read_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same commands on two copies of one workspace, one with every cache off (its library
    read at once) and one whose library was kept by an earlier run (read later): listing, changing
    an asset through a transaction, listing again and checking print the same."""
    from planner.cli import main
    from tests.conftest import FROZEN_NOW

    made: list[str] = []
    real_init = LaterMap.__init__

    def counted(self: LaterMap[object], found: later.Later, kind: str) -> None:
        made.append(kind)
        real_init(self, found, kind)

    monkeypatch.setattr(LaterMap, "__init__", counted)
    monkeypatch.setenv("PLANNER_NOW", FROZEN_NOW)
    printed: dict[str, list[str]] = {}
    for name, cache in (("later", str(tmp_path / "cache")), ("at once", "off")):
        root = tmp_path / name
        stored_base(root)
        monkeypatch.setenv("PLANNER_CACHE", cache)
        WorkspaceStore(root).load()  # an earlier run: keeps the library (when caches are on)
        made.clear()
        answers = []
        for command in (
            ["asset", "list", "--format", "json"],
            ["asset", "edit", "img1", "--alt", "Toinen kuvaus talvesta.", "--lang", "fi", "--user", "a1"],
            ["asset", "list", "--format", "json"],
            ["check", "--to", "2026-12-31", "--format", "json"],
        ):
            code = main([*command, "--data", str(root), "--lang", "en"])
            answers.append(f"{code}\n{capsys.readouterr().out}".replace(str(root), "ROOT"))
        printed[name] = answers
        assert bool(made) is (cache != "off")  # the library was read later only with the cache on
    assert printed["later"] == printed["at once"]
    assert "Toinen kuvaus talvesta." in printed["later"][2]
