"""Public-holiday tables kept between runs in the user's cache folder.

Importing the `holidays` package and computing Finland's first year takes about 0.1 s: a tenth
of a year's `check` at city scale, and more than the whole check of a week. A year's table is
kept as a small JSON file (sealed under this user's key, so a table written by anyone else is
never believed: storage/cache_folder), named by the country, year and language and by a stamp of
the installed `holidays` package (its path and its `version.py`'s size and modification time, read
without importing it), so an upgraded package computes its tables afresh. `PLANNER_CACHE=off`
turns it off; a cache that cannot be read or written is passed by silently.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import sys
import types
from collections.abc import Mapping
from functools import cache
from pathlib import Path

from planner.domain.calendar import holidays_of_year
from planner.storage.cache_folder import cache_root, digest, file_stamp, keep_sealed, unsealed

FOLDER = "holidays"


@cache
def library_stamp() -> str | None:
    """Which `holidays` is installed, without importing it (None when it cannot be told)."""
    try:
        spec = importlib.util.find_spec("holidays")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.origin:
        return None
    version = file_stamp(Path(spec.origin).parent / "version.py")  # its path, inode, size and times
    if version[1] is None:  # not there to be statted
        return None
    return digest([version])


def _entry(country: str, year: int, lang: str) -> Path | None:
    base, stamp = cache_root(), library_stamp()
    if base is None or stamp is None:
        return None
    return base / FOLDER / f"{country}-{year}-{lang}-{stamp}.json"


def _read(path: Path) -> dict[dt.date, str] | None:
    """A kept table, when this user sealed it under this name (storage/cache_folder)."""
    raw = unsealed(path, limit=1 << 20)
    if raw is None:
        return None
    try:
        kept = json.loads(raw.decode("utf-8"))
        table = {dt.date.fromisoformat(day): name for day, name in kept.items()}
    except (ValueError, AttributeError, TypeError, RecursionError):
        return None
    return table if all(isinstance(name, str) for name in table.values()) else None


def _forget_other_versions(path: Path) -> None:
    """Tables of an earlier `holidays` package are never asked for again."""
    stamp = path.stem.rsplit("-", 1)[-1]
    try:
        for old in path.parent.glob("*.json"):
            if old.stem.rsplit("-", 1)[-1] != stamp:
                old.unlink(missing_ok=True)
    except OSError:
        return


@cache
def year_table(country: str, year: int, lang: str) -> Mapping[dt.date, str]:
    """The public holidays of `country` in `year`, named in `lang`: kept, or computed and kept."""
    path = _entry(country, year, lang)
    kept = _read(path) if path is not None else None
    if kept is not None:
        return kept
    _version_known()
    table = dict(holidays_of_year(country, year, lang))
    if path is not None:
        named = {day.isoformat(): name for day, name in sorted(table.items())}
        if keep_sealed(path, json.dumps(named, ensure_ascii=False).encode("utf-8")):
            _forget_other_versions(path)
    return table


_VERSION_ASK = ["from importlib.metadata import version", '__version__ = version("holidays")']
_VERSION_LINE = "Version: "  # METADATA's header line of the version


@cache
def _version_known() -> None:
    """`holidays/version.py` asks importlib.metadata for the package's own version when the package
    is imported: 13 ms of importing its email parsers and reading the metadata, in each of the two
    processes of a check with every cache off, for a string the planner never reads. While that
    module is exactly that ask, the version is read from the `Version:` line of the package's own
    METADATA, and the module stands made in `sys.modules`; any other `version.py` (or a package laid
    out otherwise) is imported as it is."""
    if "holidays.version" in sys.modules:
        return
    try:
        spec = importlib.util.find_spec("holidays")
        if spec is None or not spec.origin:
            return
        package = Path(spec.origin).parent
        source = (package / "version.py").read_text("utf-8")
        code = [line.strip() for line in source.splitlines() if line.strip() and not line.startswith("#")]
        if code != _VERSION_ASK:
            return
        found = [p for p in package.parent.glob("holidays-*.dist-info") if (p / "METADATA").is_file()]
        if len(found) != 1:
            return
        with (found[0] / "METADATA").open(encoding="utf-8") as metadata:
            version = next(
                (line[len(_VERSION_LINE) :].strip() for line in metadata if line.startswith(_VERSION_LINE)),
                None,
            )
    except (ImportError, ValueError, OSError):
        return
    if not version:
        return
    made = types.ModuleType("holidays.version")
    made.__file__ = str(package / "version.py")
    made.__version__ = version  # type: ignore[attr-defined]
    sys.modules["holidays.version"] = made
