"""A change and its audit lines land together or not at all: a redo journal.

A commit, under the workspace lock:
1. every new file is written to a synced temporary file beside its place;
2. the journal `calendars/.journal` is written (synced, renamed into place): what goes where, and
   the audit lines with the log's size before them. This is the moment the change is made;
3. the audit lines are appended and synced, the head moved;
4. the temporary files are renamed into place (a backup kept of each), the folders synced;
5. the journal is removed.

A writer killed before step 2 leaves temporary files only, which the next writer removes: nothing
happened. Killed after it, the next one to open the workspace (reader or writer, under the lock)
finishes steps 3 to 5 from the journal (`recover`): the change happened, with its audit lines.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from planner.domain.errors import DataError
from planner.storage import audit
from planner.storage.files import atomic_write, fsync_dir, keep_backup, prepare, read_regular
from planner.storage.signature import JOURNAL as JOURNAL  # the name its readers know it by

FORMAT = 1


def _reached(step: str) -> None:
    """Each step of a commit passes here; the fault tests stop a writer dead at one of them."""


@dataclass(frozen=True)
class Entry:
    path: Path
    temp: Path
    sha256: str


def _describe(calendars: Path, entries: list[Entry], before: int, lines: bytes, end: audit.Tail) -> bytes:
    """The journal's bytes; paths relative to the workspace, which may be opened from elsewhere."""
    root = calendars.parent

    def inside(path: Path) -> str:
        return os.path.relpath(path, root)

    return json.dumps(
        {
            "format": FORMAT,
            "files": [{"path": inside(e.path), "temp": inside(e.temp), "sha256": e.sha256} for e in entries],
            "audit": {"before": before, "lines": lines.decode("utf-8"), "seq": end.seq, "hash": end.hash},
        },
        ensure_ascii=False,
    ).encode("utf-8")


def commit(
    calendars: Path,
    contents: dict[Path, bytes],
    backups: Path | None,
    start: audit.Tail,
    lines: bytes,
    end: audit.Tail,
) -> None:
    """Write `contents` and append `lines` to the audit log (which ends at `start`), all or nothing.
    The caller holds the lock and has checked that the log can be written (`audit.check_writable`)."""
    entries: list[Entry] = []
    try:
        for path, data in contents.items():
            entries.append(Entry(path, prepare(path, data), hashlib.sha256(data).hexdigest()))
        atomic_write(calendars / JOURNAL, _describe(calendars, entries, start.size, lines, end))
    except BaseException:
        for entry in entries:
            with contextlib.suppress(OSError):
                entry.temp.unlink()
        raise
    _reached("journal")
    try:
        if lines:
            audit.write_lines(calendars, start.size, lines, end)
        _reached("audit")
    except OSError as exc:  # the disk filled up, say: undo, nothing has moved into place yet
        _roll_back(calendars, entries, start)
        raise DataError(
            "err.audit_unwritable", file=str(calendars / audit.AUDIT_FILE), reason=exc.strerror or str(exc)
        ) from None
    _move_into_place(calendars, entries, backups, contents)


def _roll_back(calendars: Path, entries: list[Entry], start: audit.Tail) -> None:
    """Undo a commit whose audit lines could not be written; when even that fails, the journal
    stays and the next opener finishes the commit instead."""
    try:
        with open(calendars / audit.AUDIT_FILE, "rb+") as log:
            log.truncate(start.size)
        if start.seq and audit.read_head(calendars) != (start.seq, start.hash):
            atomic_write(
                calendars / audit.HEAD_FILE, json.dumps({"seq": start.seq, "hash": start.hash}).encode()
            )
        (calendars / JOURNAL).unlink()
    except (OSError, DataError):
        return
    for entry in entries:
        with contextlib.suppress(OSError):
            entry.temp.unlink()


def _finish(
    calendars: Path,
    entries: list[Entry],
    before: int,
    lines: bytes,
    end: audit.Tail,
    backups: Path | None,
) -> None:
    if lines:
        audit.write_lines(calendars, before, lines, end)
    _move_into_place(calendars, entries, backups, None)


def _move_into_place(
    calendars: Path, entries: list[Entry], backups: Path | None, contents: dict[Path, bytes] | None
) -> None:
    for entry in entries:
        if entry.temp.exists():
            data = contents[entry.path] if contents is not None else read_regular(entry.temp)
            os.replace(entry.temp, entry.path)
            _reached(f"moved {entry.path.name}")
            if backups is not None and data is not None:
                keep_backup(entry.path, backups, data)
        elif not _holds(entry):
            raise DataError("err.journal_lost", file=str(entry.path))
    for folder in {entry.path.parent for entry in entries}:
        fsync_dir(folder)
    _reached("moved")
    (calendars / JOURNAL).unlink()
    fsync_dir(calendars)


def _holds(entry: Entry) -> bool:
    try:
        data = read_regular(entry.path)
    except DataError:
        return False
    return data is not None and hashlib.sha256(data).hexdigest() == entry.sha256


def pending(calendars: Path) -> bool:
    return os.path.lexists(calendars / JOURNAL)


def recover(calendars: Path, backups: Path | None) -> bool:
    """Finish a commit that a killed writer left in its journal (the caller holds the lock).
    True when there was one."""
    raw = read_regular(calendars / JOURNAL, missing_ok=True)
    if raw is None:
        return False
    try:
        journal = json.loads(raw.decode("utf-8"))
        root = calendars.parent
        entries = [Entry(root / f["path"], root / f["temp"], str(f["sha256"])) for f in journal["files"]]
        log = journal["audit"]
        lines = str(log["lines"]).encode("utf-8")
        end = audit.Tail(int(log["before"]) + len(lines), int(log["seq"]), str(log["hash"]))
        before = int(log["before"])
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
        raise DataError("err.journal_damaged", file=str(calendars / JOURNAL)) from None
    _finish(calendars, entries, before, lines, end, backups)
    return True
