"""Where the user's cache folder is (storage/cache_folder.cache_root) follows the environment as
it is at each call, though the path is made once for each value of it."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.storage.cache_folder import cache_root


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
    monkeypatch.setenv("HOME", "/home/ossi")
    assert cache_root() == Path("/home/ossi/.cache/somekalenteri")
    monkeypatch.setenv("PLANNER_CACHE", "/srv/cache-a")
    assert cache_root() == Path("/srv/cache-a")
