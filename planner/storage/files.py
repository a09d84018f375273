"""Atomic file replacement and the workspace lock: no crash leaves a half-written file."""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from planner.domain.errors import DataError

FILE_MODE = 0o660  # the team's group may read and write; others may not
LOCK_TIMEOUT = 10.0


def fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):  # some file systems cannot fsync a folder
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def prepare(path: Path, data: bytes) -> Path:
    """Write `data` to a synced temporary file beside `path`; `commit` puts it in place."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, FILE_MODE)
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


def atomic_write_many(contents: dict[Path, bytes]) -> None:
    """Prepare every file first, then replace them one after another."""
    prepared: list[tuple[Path, Path]] = []
    try:
        for path, data in contents.items():
            prepared.append((prepare(path, data), path))
    except BaseException:
        for tmp, _ in prepared:
            with contextlib.suppress(OSError):
                tmp.unlink()
        raise
    for tmp, path in prepared:
        os.replace(tmp, path)
    for folder in {path.parent for path in contents}:
        fsync_dir(folder)


def dump_json(data: object) -> bytes:
    """UTF-8 JSON, whatever the locale; Finnish letters kept as they are."""
    return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n").encode("utf-8")


def load_json(path: Path) -> object:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    try:
        return json.loads(raw.decode("utf-8")) if raw.strip() else None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataError("err.corrupt_file", file=str(path), reason=str(exc)) from exc


def _holder() -> str:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = str(os.getuid())
    return f"{user}@{socket.gethostname()} pid {os.getpid()} {time.strftime('%Y-%m-%d %H:%M:%S')}"


@contextlib.contextmanager
def locked(folder: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the workspace's lock; who holds it is written beside it so a waiting user can be told."""
    from filelock import FileLock, Timeout

    lock_path = folder / ".workspace.lock"
    owner_path = folder / ".workspace.lock.owner"
    lock = FileLock(str(lock_path), timeout=timeout, mode=FILE_MODE)
    try:
        lock.acquire()
    except Timeout as exc:
        try:
            holder = owner_path.read_text("utf-8").strip()
        except OSError:
            holder = "?"
        raise DataError("err.locked", holder=holder) from exc
    try:
        with contextlib.suppress(OSError):
            owner_path.write_text(_holder(), "utf-8")
        yield
    finally:
        with contextlib.suppress(OSError):
            owner_path.unlink()
        lock.release()
