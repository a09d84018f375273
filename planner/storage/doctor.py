"""`planner doctor`: what is wrong with a workspace's files, and the repairs a person may approve —
a damaged file set aside and its newest good backup put back, leftover temporary files removed,
permissions tightened, a stale lock broken."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from planner.domain.errors import DataError
from planner.storage import audit
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
)
from planner.storage.workspace import WorkspaceStore

CORRUPT = ".corrupt"  # in calendars/: damaged files, kept aside and never overwritten


@dataclass(frozen=True)
class Problem:
    kind: str  # damaged | temp | audit | mode | lock
    file: str
    detail: str = ""
    backup: str = ""  # for a damaged file: the newest backup that reads well ("" when none)


def _good_backup(store: WorkspaceStore, path: Path) -> Path | None:
    for candidate in backup_paths(store.calendars / BACKUPS, path.name):
        if candidate.exists():
            try:
                store.verify_file(candidate, like=path)
            except DataError:
                continue
            return candidate
    return None


def _temp_files(store: WorkspaceStore) -> list[Path]:
    return sorted({*store.calendars.rglob(".*.tmp"), *store.assets.rglob(".*.tmp")})


def diagnose(store: WorkspaceStore) -> list[Problem]:
    """Every problem found, without changing anything."""
    problems = []
    for path in store.data_files():
        try:
            store.verify_file(path)
        except DataError as error:
            backup = _good_backup(store, path)
            reason = str(error.params.get("reason", error.render("en")))
            problems.append(Problem("damaged", str(path), reason, str(backup or "")))
    problems += [Problem("temp", str(p)) for p in _temp_files(store)]
    verdict = audit.verify(store.calendars)
    if not verdict.ok:
        problems.append(Problem("audit", str(store.calendars / audit.AUDIT_FILE), str(verdict.broken_line)))
    for path in [store.calendars, store.assets, *store.data_files()]:
        with contextlib.suppress(OSError):
            if path.stat().st_mode & 0o007:
                problems.append(Problem("mode", str(path), oct(path.stat().st_mode & 0o777)))
    return problems


def repair(store: WorkspaceStore, stamp: str) -> list[Problem]:
    """Under the lock: damaged files set aside in calendars/.corrupt/ and their newest good backup
    put back, temporary files removed, permissions tightened. Returns what is still wrong."""
    with locked(store.calendars):
        for problem in diagnose(store):
            path = Path(problem.file)
            if problem.kind == "damaged" and problem.backup:  # without a backup it stays for a person
                aside = store.calendars / CORRUPT
                make_dir(aside)
                data = Path(problem.backup).read_bytes()
                os.replace(path, aside / f"{path.name}.{stamp}")  # kept, never overwritten
                atomic_write(path, data)
            elif problem.kind == "temp":
                with contextlib.suppress(OSError):
                    path.unlink()
            elif problem.kind == "mode":
                with contextlib.suppress(OSError):
                    os.chmod(path, DIR_MODE if path.is_dir() else FILE_MODE)
        return diagnose(store)


def lock_is_held(store: WorkspaceStore) -> bool:
    try:
        with locked(store.calendars, timeout=0.5):
            return False
    except DataError:
        return True


def break_lock(store: WorkspaceStore) -> str:
    """Remove the lock file (after a person has confirmed the holder is gone): who held it."""
    holder = lock_holder(store.calendars)
    for name in (LOCK_NAME, OWNER_NAME):
        with contextlib.suppress(FileNotFoundError):
            (store.calendars / name).unlink()
    return holder


def now_stamp() -> str:
    return dt.datetime.now().strftime("%Y%m%dT%H%M%S")
