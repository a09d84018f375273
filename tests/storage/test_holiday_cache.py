"""A year's public holidays are computed by the `holidays` package once per machine, then read
from the user's cache folder (storage/holiday_cache.py). The real package computes every table."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from planner.domain.calendar import holiday_names, holidays_of_year
from planner.storage import cache_folder, holiday_cache

year_table = holiday_cache.year_table.__wrapped__  # the kept file, not the in-process memo


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PLANNER_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache" / holiday_cache.FOLDER


def test_a_year_is_computed_once_and_then_read_back(cache: Path) -> None:
    computed = year_table("FI", 2026, "fi")
    assert computed == holidays_of_year("FI", 2026, "fi")
    assert computed[dt.date(2026, 12, 6)] == "Itsenäisyyspäivä"
    (kept,) = cache.glob("FI-2026-fi-*.json")
    table = _table(kept)
    _keep(kept, {**table, "2026-12-06": "MERKITTY"})  # as the user would, with the user's key
    assert year_table("FI", 2026, "fi")[dt.date(2026, 12, 6)] == "MERKITTY"  # read, not computed
    assert year_table("FI", 2026, "en")[dt.date(2026, 12, 6)] == "Independence Day"  # its own file


@pytest.mark.parametrize("content", ["{", '["2026-12-06"]', '{"6.12.2026": "x"}', '{"2026-12-06": 1}'])
def test_a_damaged_table_is_computed_again(cache: Path, content: str) -> None:
    year_table("FI", 2026, "fi")
    (kept,) = cache.glob("*.json")
    sealed = cache_folder.seal(kept, content.encode())
    assert sealed is not None
    kept.write_bytes(sealed)
    assert year_table("FI", 2026, "fi") == holidays_of_year("FI", 2026, "fi")
    assert _table(kept)["2026-12-06"] == "Itsenäisyyspäivä"  # and kept again


def test_a_forged_table_is_never_believed(cache: Path) -> None:
    """A table hiding a working day's holiday, written by someone who can write the folder but
    has not the user's key (or with none): computed again, so no coverage gap is hidden."""
    year_table("FI", 2026, "fi")
    (kept,) = cache.glob("*.json")
    forged = json.dumps({"2026-11-30": "Keksitty vapaapäivä"}).encode()
    for data in (forged, kept.read_bytes()[: len(cache_folder.MAGIC)] + b"x" * 32 + forged):
        kept.write_bytes(data)
        table = year_table("FI", 2026, "fi")
        assert dt.date(2026, 11, 30) not in table and table == holidays_of_year("FI", 2026, "fi")


def _table(path: Path) -> dict[str, str]:
    payload = cache_folder.unsealed(path)
    assert payload is not None
    return dict(json.loads(payload))


def _keep(path: Path, table: dict[str, str]) -> None:
    sealed = cache_folder.seal(path, json.dumps(table, ensure_ascii=False).encode())
    assert sealed is not None
    path.write_bytes(sealed)


def test_tables_of_another_holidays_version_are_removed(cache: Path) -> None:
    cache.mkdir(parents=True)
    (cache / "FI-2026-fi-0123456789abcdef.json").write_text('{"2026-12-06": "vanha"}', "utf-8")
    assert year_table("FI", 2026, "fi")[dt.date(2026, 12, 6)] == "Itsenäisyyspäivä"
    assert [p.name for p in cache.glob("*.json")] == [f"FI-2026-fi-{holiday_cache.library_stamp()}.json"]


def test_without_a_cache_the_tables_are_computed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLANNER_CACHE", "off")
    assert year_table("FI", 2027, "fi") == holidays_of_year("FI", 2027, "fi")
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", "utf-8")
    monkeypatch.setenv("PLANNER_CACHE", str(blocked))  # cannot be written: passed by silently
    assert year_table("FI", 2027, "fi") == holidays_of_year("FI", 2027, "fi")
    assert blocked.read_text("utf-8") == "not a folder"


def test_a_range_over_new_year_takes_both_years(cache: Path) -> None:
    names = holiday_names(dt.date(2026, 12, 24), dt.date(2027, 1, 6), "FI", "fi", table=year_table)
    assert list(names) == [dt.date(2026, 12, d) for d in (24, 25, 26)] + [
        dt.date(2027, 1, 1),
        dt.date(2027, 1, 6),
    ]
    assert sorted(p.name.split("-")[1] for p in cache.glob("*.json")) == ["2026", "2027"]


def _python(code: str, *path: Path) -> str:
    """`code` run by a fresh interpreter (nothing of `holidays` imported yet), with `path` first."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "PLANNER_CACHE": "off", "PYTHONPATH": os.pathsep.join([*map(str, path), *sys.path])}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_the_packages_version_is_read_from_its_metadata_without_importlib_metadata() -> None:
    found = _python(
        "import sys\nfrom planner.storage import holiday_cache\n"
        "table = holiday_cache.year_table('FI', 2026, 'fi')\n"
        "asked = 'importlib.metadata' in sys.modules\n"
        "import holidays, importlib.metadata\n"
        "print(len(table), asked, holidays.__version__ == importlib.metadata.version('holidays'))"
    )
    assert found == "15 False True"  # Finland's 15 days of 2026, and the very version the package gives


def test_a_version_module_of_another_kind_is_imported_as_it_is(tmp_path: Path) -> None:
    package = tmp_path / "holidays"
    package.mkdir()
    (package / "__init__.py").write_text("from holidays.version import __version__\n")
    (package / "version.py").write_text('__version__ = "9.9"  # written out, not asked for\n')
    (tmp_path / "holidays-9.9.dist-info").mkdir()
    (tmp_path / "holidays-9.9.dist-info" / "METADATA").write_text("Name: holidays\nVersion: 9.8\n")
    found = _python(
        "import sys\nfrom planner.storage import holiday_cache\nholiday_cache._version_known()\n"
        "made = 'holidays.version' in sys.modules\nimport holidays\nprint(made, holidays.__version__)",
        tmp_path,
    )
    assert found == "False 9.9"
