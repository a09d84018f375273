"""The sign-in file of `planner serve`: each person's password hash, kept outside the shared
workspace (another folder, readable and writable by the server's user only: 0600 in 0700), and the
log of sign-ins beside it. Neither ever reaches the audit log."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from planner.domain.errors import DataError
from planner.storage.files import commit, locked, prepare, read_regular

FILE_MODE, FOLDER_MODE = 0o600, 0o700
MAX_BYTES = 4 * 1024 * 1024


def logins_path() -> Path:
    """`$PLANNER_LOGINS`, else `logins.json` in the user's configuration folder."""
    chosen = os.environ.get("PLANNER_LOGINS")
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "somekalenteri" / "logins.json"


def _private_folder(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
    with contextlib.suppress(OSError):
        os.chmod(folder, FOLDER_MODE)


def read_logins(path: Path) -> dict[str, dict[str, Any]]:
    """Person id → hash record; an absent file is nobody yet. A file others may read is refused:
    its hashes would be open to guessing offline."""
    raw = read_regular(path, MAX_BYTES, missing_ok=True)
    if raw is None:
        return {}
    if os.name == "posix" and os.stat(path).st_mode & 0o077:
        raise DataError("err.logins_open", file=str(path))
    try:
        found = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise DataError("err.logins_damaged", file=str(path)) from None
    if not isinstance(found, dict) or not all(isinstance(v, dict) for v in found.values()):
        raise DataError("err.logins_damaged", file=str(path))
    return found


def update_logins(path: Path, change: Callable[[dict[str, dict[str, Any]]], bool]) -> bool:
    """Read, change and write the sign-in file under its folder's lock, so that two admins setting
    passwords at once never write over each other's; written atomically (0600 in a 0700 folder)
    when `change` says it changed something, which is what this returns."""
    _private_folder(path.parent)
    try:
        with locked(path.parent):
            logins = read_logins(path)
            if not change(logins):
                return False
            data = json.dumps(logins, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
            commit(prepare(path, data, mode=FILE_MODE), path)
    except DataError as error:
        if error.key != "err.locked":
            raise
        raise DataError("err.logins_locked", file=str(path), holder=error.params["holder"]) from None
    return True


def log_event(path: Path, event: str, user: str, address: str = "", detail: str = "") -> None:
    """One line in `signins.log` beside the sign-in file: when, what, who, from where."""
    _private_folder(path.parent)
    line = {"at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "event": event, "user": user}
    if address:
        line["address"] = address
    if detail:
        line["detail"] = detail
    target = path.parent / "signins.log"
    fd = os.open(target, os.O_WRONLY | os.O_APPEND | os.O_CREAT, FILE_MODE)
    try:
        os.write(fd, (json.dumps(line, ensure_ascii=False) + "\n").encode("utf-8"))
    finally:
        os.close(fd)
