"""Atomic file replacement and the workspace lock: no crash leaves a half-written file."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from planner.domain.errors import DataError, system_reason, text_reason


def stat_signature(found: os.stat_result) -> tuple[int, int, int, int]:
    """What tells a file's versions apart without reading it: any write, replace or sync moves
    its inode, size, modification or change time."""
    return (found.st_ino, found.st_size, found.st_mtime_ns, found.st_ctime_ns)


FILE_MODE = 0o660  # the team's group may read and write; others may not
DIR_MODE = 0o770
LOCK_TIMEOUT = 10.0
BACKUPS = ".backups"  # in calendars/: the last good versions of every data file
JOURNAL = ".journal"  # in calendars/: an interrupted save's record (storage/journal)
KEEP_BACKUPS = 3


MAX_INPUT_BYTES = 512 * 1024 * 1024  # no data, media or list file a team keeps is bigger


def read_regular(
    path: Path, limit: int = MAX_INPUT_BYTES, missing_ok: bool = False, links: bool = True
) -> bytes | None:
    """The bytes of a regular file, read safely: a FIFO, a device (`/dev/zero`), a folder or a
    socket in its place is refused before anything blocks or fills the memory, and so is a file
    over `limit` bytes, and with `links=False` a link (the workspace's own files are never links).
    Every failure is a DataError naming the file (None for a missing file when `missing_ok`)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    if not links:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        if missing_ok:
            return None
        raise DataError("err.file_missing", file=str(path)) from None
    except OSError as exc:
        if exc.errno == getattr(errno, "ELOOP", -1) and not links:
            raise DataError("err.not_regular", file=str(path)) from None
        raise DataError("err.cannot_read", file=str(path), **system_reason(exc)) from None
    try:
        found = os.fstat(fd)
        if not stat.S_ISREG(found.st_mode):
            raise DataError("err.not_regular", file=str(path))
        if found.st_size > limit:
            raise DataError("err.too_big", file=str(path), limit=limit // (1024 * 1024))
        chunks, size = [], 0
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:  # grew while we read
                raise DataError("err.too_big", file=str(path), limit=limit // (1024 * 1024))
        return b"".join(chunks)
    except OSError as exc:
        raise DataError("err.cannot_read", file=str(path), **system_reason(exc)) from None
    finally:
        os.close(fd)


def make_dir(folder: Path) -> None:
    """A workspace folder, open to its owner and group only (0770, whatever the umask), and so is
    every folder above it that had to be made."""
    missing = []
    current = folder
    while not os.path.lexists(current) and current != current.parent:
        missing.append(current)
        current = current.parent
    for path in reversed(missing):
        try:
            path.mkdir(mode=DIR_MODE)
        except FileExistsError:
            pass  # made meanwhile (by another process)
        except OSError as exc:  # under a file, in /proc, no permission, a full or read-only disk
            raise DataError("err.cannot_make_folder", path=str(path), **system_reason(exc)) from None
        with contextlib.suppress(OSError):
            os.chmod(path, DIR_MODE)
    if not folder.is_dir():
        raise DataError("err.not_a_folder", path=str(folder))
    with contextlib.suppress(OSError):
        os.chmod(folder, DIR_MODE)


def backup_paths(folder: Path, name: str) -> list[Path]:
    """A file's backups, newest first: `<name>.1`, `<name>.2`, …"""
    return [folder / f"{name}.{n}" for n in range(1, KEEP_BACKUPS + 1)]


def keep_backup(path: Path, folder: Path, data: bytes) -> None:
    """`data`, just written to `path`, becomes its newest backup; the older ones move down one.
    A copy, not a link: whatever later happens to the file in place, the backup keeps its bytes.
    A backup is a help, never a condition: where it cannot be kept (a folder stands in its place,
    say, which `planner doctor` reports) the save stands without it."""
    try:
        make_dir(folder)
        chain = backup_paths(folder, path.name)
        for older, newer in zip(reversed(chain[1:]), reversed(chain[:-1]), strict=True):
            if os.path.lexists(newer):
                os.replace(newer, older)
        # Not synced: the file itself is, and a backup lost in a crash costs nothing.
        os.replace(prepare(chain[0], data, sync=False), chain[0])
    except (OSError, DataError):
        return


def fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):  # some file systems cannot fsync a folder
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def prepare(path: Path, data: bytes, sync: bool = True, mode: int = FILE_MODE) -> Path:
    """Write `data` to a (synced) temporary file beside `path`; `commit` puts it in place."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            if sync:
                out.flush()
                os.fsync(out.fileno())
        os.chmod(tmp, mode)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return Path(tmp)


def commit(tmp: Path, path: Path) -> None:
    os.replace(tmp, path)
    fsync_dir(path.parent)


def atomic_write(path: Path, data: bytes) -> None:
    commit(prepare(path, data), path)


def encode_json(data: object) -> str:
    """The project's JSON: Finnish letters kept as they are, no spaces, on one line (the C encoder
    only runs without indentation, and it is what keeps a save of a big account quick)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def dump_json(data: object) -> bytes:
    """A file's bytes: `encode_json` as UTF-8, whatever the locale, and a final newline."""
    return (encode_json(data) + "\n").encode("utf-8")


def parse_json(raw: bytes, path: Path) -> object:
    """A file's JSON (None for an empty file); DataError naming the file when it is not JSON."""
    try:
        return json.loads(raw.decode("utf-8")) if raw.strip() else None
    except RecursionError:
        raise DataError("err.corrupt_file", file=str(path), reason_key="reason.nested") from None
    except ValueError as exc:  # not UTF-8, not JSON, a number of thousands of digits
        raise DataError("err.corrupt_file", file=str(path), **text_reason(exc)) from None


def _holder() -> str:
    import getpass  # only a writer takes the lock
    import socket

    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = str(os.getuid())
    return f"{user}@{socket.gethostname()} pid {os.getpid()} {time.strftime('%Y-%m-%d %H:%M:%S')}"


def _note_holder(owner_path: Path) -> None:
    """Write who holds the lock beside it, for a waiting user: only into a regular file (a FIFO
    there would block every writer, a link would write elsewhere); otherwise no note."""
    flags = os.O_WRONLY | os.O_CREAT | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(owner_path, flags, FILE_MODE)
    except OSError:
        return
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return
        os.ftruncate(fd, 0)
        with contextlib.suppress(OSError):
            os.fchmod(fd, FILE_MODE)  # whatever the umask
        os.write(fd, _holder().encode("utf-8"))
    except OSError:
        return
    finally:
        os.close(fd)


LOCK_NAME = ".workspace.lock"
OWNER_NAME = ".workspace.lock.owner"


def lock_timeout() -> float:
    """Seconds to wait for the lock: PLANNER_LOCK_TIMEOUT, else ten."""
    try:
        return max(0.0, float(os.environ.get("PLANNER_LOCK_TIMEOUT", LOCK_TIMEOUT)))
    except ValueError:
        return LOCK_TIMEOUT


def lock_holder(folder: Path) -> str:
    """Who the note beside the lock names (read safely: a FIFO in its place is never waited on)."""
    try:
        raw = read_regular(folder / OWNER_NAME, limit=4096, missing_ok=True)
    except DataError:
        return "?"
    return (raw or b"").decode("utf-8", "replace").strip() or "?"


@contextlib.contextmanager
def locked(folder: Path, timeout: float | None = None) -> Iterator[None]:
    """Hold the workspace's lock; who holds it is written beside it so a waiting user can be told.
    The lock is the operating system's: it goes with the process that held it, even on kill -9."""
    from filelock import FileLock, Timeout

    lock_path = folder / LOCK_NAME
    owner_path = folder / OWNER_NAME
    lock = FileLock(str(lock_path), timeout=lock_timeout() if timeout is None else timeout, mode=FILE_MODE)
    try:
        lock.acquire()
    except Timeout as exc:
        raise DataError("err.locked", holder=lock_holder(folder)) from exc
    except OSError as exc:  # the lock file is unreadable, or a folder stands in its place
        raise DataError("err.lock_unusable", file=str(lock_path), **system_reason(exc)) from None
    try:
        _note_holder(owner_path)
        yield
    finally:
        with contextlib.suppress(OSError):
            owner_path.unlink()
        lock.release()
