"""`planner doctor`: what is wrong with a workspace's files, and the repairs a person may approve —
a damaged or missing file set aside and its newest good backup put back, an interrupted save
finished, a file the workspace does not list set aside, leftover temporary files removed,
permissions made the team's, a damaged audit log re-anchored knowingly, a stale lock broken."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import socket
import stat
from dataclasses import dataclass
from pathlib import Path

from planner.domain.errors import DataError, Refused
from planner.storage import audit, journal
from planner.storage.files import (
    BACKUPS,
    DIR_MODE,
    FILE_MODE,
    LOCK_NAME,
    OWNER_NAME,
    atomic_write,
    backup_paths,
    lock_holder,
    locked,
    make_dir,
    read_regular,
)
from planner.storage.workspace import Manifest, WorkspaceStore

CORRUPT = ".corrupt"  # in calendars/: damaged files, kept aside and never overwritten


@dataclass(frozen=True)
class Problem:
    kind: str  # damaged | unlisted | journal | temp | audit | mode
    file: str
    detail: str = ""
    backup: str = ""  # for a damaged file: the newest backup that reads well ("" when none)


def _good_backup(store: WorkspaceStore, path: Path) -> Path | None:
    for candidate in backup_paths(store.calendars / BACKUPS, path.name):
        if candidate.is_file():
            try:
                store.verify_file(candidate, like=path)
            except DataError:
                continue
            return candidate
    return None


def _temp_files(store: WorkspaceStore) -> list[Path]:
    if journal.pending(store.calendars):
        return []  # they belong to the interrupted save, which a repair finishes first
    return sorted({*store.calendars.rglob(".*.tmp"), *store.assets.rglob(".*.tmp")})


def _unlisted(store: WorkspaceStore) -> list[Path]:
    try:
        manifest: Manifest | None = store._team_file().manifest  # noqa: SLF001  # the doctor's own look
    except DataError:
        return []
    if manifest is None:
        return []
    listed = set(manifest.account_files)
    return [path for path in store.account_files() if path.name not in listed]


def _wrong_modes(store: WorkspaceStore) -> list[Problem]:
    """Everything in the workspace the team cannot read and write (files 0660, folders 0770),
    or that others can reach."""
    found = []
    aside = store.calendars / CORRUPT
    for top in (store.calendars, store.assets):
        for path in [top, *top.rglob("*")]:
            try:
                info = path.lstat()
            except OSError:
                continue
            if stat.S_ISLNK(info.st_mode) or path == aside or aside in path.parents:
                continue  # what was set aside is kept exactly as it was found
            wanted = DIR_MODE if stat.S_ISDIR(info.st_mode) else FILE_MODE
            if stat.S_ISDIR(info.st_mode) or stat.S_ISREG(info.st_mode):
                mode = info.st_mode & 0o777
                if mode != wanted:
                    found.append(Problem("mode", str(path), oct(mode)))
    return found


def diagnose(store: WorkspaceStore) -> list[Problem]:
    """Every problem found, without changing anything."""
    problems = []
    if journal.pending(store.calendars):
        problems.append(Problem("journal", str(store.calendars / journal.JOURNAL)))
    for path in store.data_files():
        try:
            store.verify_file(path)
        except DataError as error:
            backup = _good_backup(store, path)
            reason = str(error.params.get("reason", error.render("en")))
            problems.append(Problem("damaged", str(path), reason, str(backup or "")))
    problems += [Problem("unlisted", str(path)) for path in _unlisted(store)]
    problems += [Problem("temp", str(p)) for p in _temp_files(store)]
    verdict = audit.verify(store.calendars)
    if not verdict.ok:
        problems.append(
            Problem(
                "audit",
                str(store.calendars / audit.AUDIT_FILE),
                verdict.reason,
                str(verdict.broken_line or ""),
            )
        )
    problems += _wrong_modes(store)
    return problems


def _set_aside(store: WorkspaceStore, path: Path, stamp: str) -> None:
    """Move a damaged file (or a folder or FIFO in its place) into calendars/.corrupt/, kept."""
    if not os.path.lexists(path):
        return
    aside = store.calendars / CORRUPT
    make_dir(aside)
    os.replace(path, aside / f"{path.name}.{stamp}")


def repair(store: WorkspaceStore, stamp: str) -> list[Problem]:
    """Under the lock: an interrupted save finished, damaged or missing files set aside and their
    newest good backup put back, unlisted files set aside, temporary files removed, modes made the
    team's. The audit log is not touched (re-anchoring is a decision of its own). Returns what is
    still wrong."""
    with locked(store.calendars):
        with contextlib.suppress(DataError):
            journal.recover(store.calendars, store.calendars / BACKUPS)
        for problem in diagnose(store):
            path = Path(problem.file)
            if problem.kind == "damaged" and problem.backup:  # without a backup it stays for a person
                data = read_regular(Path(problem.backup))
                assert data is not None
                _set_aside(store, path, stamp)
                atomic_write(path, data)
            elif problem.kind == "unlisted":
                _set_aside(store, path, stamp)
            elif problem.kind == "temp":
                with contextlib.suppress(OSError):
                    path.unlink()
            elif problem.kind == "mode":
                with contextlib.suppress(OSError):
                    os.chmod(path, DIR_MODE if path.is_dir() else FILE_MODE)
        return diagnose(store)


def reanchor(store: WorkspaceStore, user: str, at: str) -> audit.Verdict:
    """Re-anchor a damaged audit log, knowingly (the caller has checked that `user` is an admin):
    one line records what verification found and the head it replaces, and the chain goes on from
    it. Refused when the log is intact. Returns the verdict that was acknowledged."""
    with locked(store.calendars):
        verdict = audit.verify(store.calendars)
        if verdict.ok:
            raise Refused("refused.audit_intact")
        size, data, end = audit.reanchor_lines(store.calendars, user, at, verdict)
        audit.check_writable(store.calendars)
        audit.write_lines(store.calendars, size, data, end)
        return verdict


def lock_is_held(store: WorkspaceStore) -> bool:
    try:
        with locked(store.calendars, timeout=0.5):
            return False
    except DataError:
        return True


@dataclass(frozen=True)
class Holder:
    """Who the lock's owner file names: `user@host pid N time`."""

    text: str
    host: str | None
    pid: int | None

    @property
    def here(self) -> bool:
        return self.host is not None and self.host == socket.gethostname()

    def alive(self) -> bool:
        """On this host: whether its process still runs (signal 0 asks without sending)."""
        if self.pid is None:
            return False
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:  # someone else's process, and running
            return True
        return True


def holder(store: WorkspaceStore) -> Holder:
    text = lock_holder(store.calendars)
    parts = text.split()
    host = parts[0].split("@", 1)[1] if parts and "@" in parts[0] else None
    pid = None
    number = parts[2] if len(parts) >= 3 and parts[1] == "pid" else ""
    if number.isascii() and number.isdigit() and len(number) < 10:  # the file may hold anything
        pid = int(number)
    return Holder(text, host, pid)


def break_lock(store: WorkspaceStore) -> str:
    """Remove the lock file, only when its holder is gone: on this host, its process must have
    ended (a live writer's lock is never broken); on another host, a person has confirmed it."""
    found = holder(store)
    if found.host is None:
        raise Refused("refused.lock_unknown")
    if found.here and found.alive():
        raise Refused("refused.lock_alive", holder=found.text)
    for name in (LOCK_NAME, OWNER_NAME):
        with contextlib.suppress(FileNotFoundError):
            (store.calendars / name).unlink()
    return found.text


def now_stamp() -> str:
    return dt.datetime.now().strftime("%Y%m%dT%H%M%S")
