"""The one derived cache: an SQLite index in the user's cache folder, rebuilt from the workspace's
files whenever in doubt (as khal keeps its events). It holds only what saves time:

- each data file's content digest by its stat signature, so a file unchanged since an earlier run
  is not read again to be checked against the audit record;
- each account's findings for a range, by a key made of everything they were judged from (its
  file's digest, the team file's and the library's, the range, the planner's code and the
  `holidays` package), with the window of time in which they hold and the subtitle files they read;
- public-holiday tables by country, year and language (importing `holidays` and computing a year
  is more than judging an account).

`$PLANNER_CACHE`, else `$XDG_CACHE_HOME/somekalenteri`, else `~/.cache/somekalenteri`;
`PLANNER_CACHE=off` turns it off. The folder must be this user's own and private (0700), not a
link: otherwise nothing is cached. Rows are plain JSON and text, no code: an entry can be wrong
only in what it says, and every key names what it was made from, so it is never stale. Anything
that goes wrong with the index (locked, damaged, full) is passed by: the answer is worked out."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import json
import os
import sqlite3
import stat
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import planner

FILE_NAME = "index.sqlite3"
FORMAT = 2  # bump when a table's shape changes: an older index is made anew
SETTLE_NS = 3_000_000_000  # a file changed this recently may change again within its timestamp's grain
KEEP_FINDINGS = 5000  # entries kept (the least recently used go): a metro is 200 accounts a range
BUSY_SECONDS = 0.5  # another process writing the index: wait this long, then do without it


def cache_root() -> Path | None:
    """The cache folder, or None when caches are off."""
    chosen = os.environ.get("PLANNER_CACHE")
    if chosen == "off":
        return None
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "somekalenteri"


def _private_folder(root: Path) -> bool:
    """`root` is (or is made) a folder of this user's that nobody else may enter, and not a link."""
    try:
        if not os.path.lexists(root):
            root.mkdir(parents=True, mode=0o700)
        found = os.lstat(root)
    except OSError:
        return False
    getuid = getattr(os, "getuid", None)
    return (
        stat.S_ISDIR(found.st_mode)
        and (getuid is None or found.st_uid == getuid())
        and not found.st_mode & 0o077
    )


def _own_file_or_none(path: Path) -> bool:
    try:
        found = os.lstat(path)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    getuid = getattr(os, "getuid", None)
    return stat.S_ISREG(found.st_mode) and (getuid is None or found.st_uid == getuid())


@functools.cache
def code_stamp() -> str:
    """The planner's own files as installed: an edited rule or message table is a new stamp."""
    package = Path(planner.__file__).parent
    stamps = []
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".json", ".txt"):
            found = path.stat()
            stamps.append((str(path.relative_to(package)), found.st_size, found.st_mtime_ns))
    return _digest([planner.__version__, stamps])


@functools.cache
def holidays_stamp() -> str:
    """Which `holidays` package is installed, read from its files without importing it."""
    import importlib.util

    spec = importlib.util.find_spec("holidays")
    if spec is None or not spec.origin:
        return "none"
    version = Path(spec.origin).parent / "version.py"
    try:
        found = version.stat()
    except OSError:
        return "unknown"
    return _digest([str(version), found.st_size, found.st_mtime_ns])


def _digest(parts: object) -> str:
    return hashlib.sha256(json.dumps(parts, default=str).encode("utf-8")).hexdigest()[:40]


def key_of(*parts: object) -> str:
    """An entry's key: everything it was made from, and the code and package that made it."""
    return _digest([FORMAT, code_stamp(), holidays_stamp(), *parts])


class Index:
    """An open index; every method does nothing (or finds nothing) once the database fails."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db: sqlite3.Connection | None = connection

    @classmethod
    def open(cls) -> Index | None:
        root = cache_root()
        if root is None or not _private_folder(root):
            return None
        path = root / FILE_NAME
        for _ in range(2):
            if not _own_file_or_none(path):
                return None
            connection = None
            try:
                connection = sqlite3.connect(path, timeout=BUSY_SECONDS, isolation_level=None)
                with contextlib.suppress(OSError):
                    os.chmod(path, 0o600)
                _prepare(connection)
            except sqlite3.DatabaseError as error:
                if connection is not None:
                    connection.close()
                if isinstance(error, sqlite3.OperationalError):  # locked past the wait: do without
                    return None
                with contextlib.suppress(OSError):  # damaged: made anew, it only ever saved time
                    path.unlink()
                continue
            return cls(connection)
        return None

    @contextlib.contextmanager
    def _using(self) -> Iterator[sqlite3.Connection | None]:
        db = self._db
        try:
            yield db
        except sqlite3.Error:
            self.close()

    def close(self) -> None:
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None

    # Files --------------------------------------------------------------------------------------

    def digest(self, path: str, signature: tuple[int, ...]) -> str | None:
        """The content digest of the file at `path` while it has this stat signature."""
        with self._using() as db:
            if db is not None:
                row = db.execute(
                    "SELECT digest FROM files WHERE path = ? AND signature = ?", (path, _signature(signature))
                ).fetchone()
                return None if row is None else str(row[0])
        return None

    def note_digests(self, found: Iterable[tuple[str, tuple[int, ...], str]]) -> None:
        """Remember files' digests by their signatures; not those of files changed so recently
        that a later change could leave their signature as it is (git's racy-file rule)."""
        settled = time.time_ns() - SETTLE_NS
        rows = [(path, _signature(sig), digest) for path, sig, digest in found if sig[2] < settled]
        if not rows:
            return
        with self._using() as db:
            if db is not None:
                db.executemany(
                    "INSERT OR REPLACE INTO files (path, signature, digest) VALUES (?, ?, ?)", rows
                )

    # Findings -----------------------------------------------------------------------------------

    def findings(self, keys: list[str], now: dt.datetime) -> dict[str, str]:
        """The kept value of each key that holds at `now` (within its window of time, and every
        subtitle file it read as it was), as its JSON text: the caller decodes it when it needs it."""
        found: dict[str, str] = {}
        with self._using() as db:
            if db is None or not keys:
                return found
            moment = now.isoformat()
            for start in range(0, len(keys), 500):
                chunk = keys[start : start + 500]
                marks = ",".join("?" * len(chunk))
                rows = db.execute(
                    f"SELECT key, subtitles, value FROM findings WHERE key IN ({marks})"  # noqa: S608
                    " AND made <= ? AND ? < until",
                    (*chunk, moment, moment),
                ).fetchall()
                for key, subtitles, value in rows:
                    if _subtitles_as_they_were(subtitles):
                        found[key] = value
            if found:
                db.execute(
                    f"UPDATE findings SET used = ? WHERE key IN ({','.join('?' * len(found))})",  # noqa: S608
                    (time.time(), *found),
                )
        return found

    def forget_findings(self, keys: list[str]) -> None:
        with self._using() as db:
            if db is not None:
                db.executemany("DELETE FROM findings WHERE key = ?", [(key,) for key in keys])

    def keep_findings(self, entries: list[tuple[str, dt.datetime, dt.datetime, list[str], Any]]) -> None:
        """Keep each (key, made, until, subtitle files read, value)."""
        if not entries:
            return
        used = time.time()
        rows = [
            (
                key,
                made.isoformat(),
                until.isoformat(),
                json.dumps(subtitle_stamps(files)),
                json.dumps(value),
                used,
            )
            for key, made, until, files, value in entries
        ]
        with self._using() as db:
            if db is not None:
                db.executemany(
                    "INSERT OR REPLACE INTO findings (key, made, until, subtitles, value, used)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    rows,
                )
                db.execute(
                    "DELETE FROM findings WHERE key IN"
                    " (SELECT key FROM findings ORDER BY used DESC LIMIT -1 OFFSET ?)",
                    (KEEP_FINDINGS,),
                )

    # Holidays -----------------------------------------------------------------------------------

    def holidays(self, country: str, year: int, lang: str) -> dict[dt.date, str] | None:
        with self._using() as db:
            if db is not None:
                row = db.execute(
                    "SELECT days FROM holidays WHERE key = ?", (key_of(country, year, lang),)
                ).fetchone()
                if row is not None:
                    return _holiday_table(row[0])
        return None

    def keep_holidays(self, country: str, year: int, lang: str, days: dict[dt.date, str]) -> None:
        named = json.dumps({day.isoformat(): name for day, name in sorted(days.items())}, ensure_ascii=False)
        with self._using() as db:
            if db is not None:
                db.execute(
                    "INSERT OR REPLACE INTO holidays (key, days) VALUES (?, ?)",
                    (key_of(country, year, lang), named),
                )


def _signature(signature: tuple[int, ...]) -> str:
    return ",".join(map(str, signature))


def _holiday_table(kept: str) -> dict[dt.date, str] | None:
    """A kept holiday table; None when it does not read (then it is worked out anew)."""
    try:
        return {dt.date.fromisoformat(day): str(name) for day, name in json.loads(kept).items()}
    except (ValueError, TypeError, AttributeError):
        return None


def _subtitles_as_they_were(kept: str) -> bool:
    """Whether every subtitle file an entry read is as it was then (an entry that does not say is
    not taken)."""
    try:
        stamps = json.loads(kept)
        return isinstance(stamps, list) and subtitle_stamps(stamps) == stamps
    except (ValueError, TypeError, IndexError):
        return False


def subtitle_stamps(files: Iterable[str | list[Any]]) -> list[list[Any]]:
    """Subtitle files by their real path and stat (a file that cannot be statted by its path alone)."""
    stamps: list[list[Any]] = []
    for file in sorted({f if isinstance(f, str) else str(f[0]) for f in files}):
        real = os.path.realpath(file)
        try:
            found = os.stat(real)
        except OSError:
            stamps.append([real])
            continue
        stamps.append([real, found.st_ino, found.st_size, found.st_mtime_ns, found.st_ctime_ns])
    return stamps


def _prepare(db: sqlite3.Connection) -> None:
    """The tables, made anew when the index is of another format."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version != FORMAT:
        for table in ("files", "findings", "holidays"):
            db.execute(f"DROP TABLE IF EXISTS {table}")
        db.execute(f"PRAGMA user_version = {FORMAT:d}")
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = OFF")  # a lost entry is worked out again
    db.execute("CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, signature TEXT, digest TEXT)")
    db.execute(
        "CREATE TABLE IF NOT EXISTS findings"
        " (key TEXT PRIMARY KEY, made TEXT, until TEXT, subtitles TEXT, value TEXT, used REAL)"
    )
    db.execute("CREATE TABLE IF NOT EXISTS holidays (key TEXT PRIMARY KEY, days TEXT)")
