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

from planner.domain.errors import DataError, system_reason
from planner.storage import audit
from planner.storage.files import JOURNAL, atomic_write, fsync_dir, keep_backup, prepare, read_regular

FORMAT = 2  # 2: the record of what every file must hold, and a checksum of the whole


def _reached(step: str) -> None:
    """Each step of a commit passes here; the fault tests stop a writer dead at one of them."""


@dataclass(frozen=True)
class Entry:
    path: Path
    temp: Path
    sha256: str


def _describe(
    calendars: Path,
    entries: list[Entry],
    before: int,
    lines: bytes,
    end: audit.Tail,
    record: dict[str, str] | None,
) -> bytes:
    """The journal's bytes; paths relative to the workspace, which may be opened from elsewhere."""
    root = calendars.parent

    def inside(path: Path) -> str:
        return os.path.relpath(path, root)

    body = {
        "format": FORMAT,
        "files": [{"path": inside(e.path), "temp": inside(e.temp), "sha256": e.sha256} for e in entries],
        "audit": {"before": before, "lines": lines.decode("utf-8"), "seq": end.seq, "hash": end.hash},
        "record": record,
    }
    return json.dumps({"body": body, "sha256": _checksum(body)}, ensure_ascii=False).encode("utf-8")


def _checksum(body: object) -> str:
    """A journal's own digest: one cut short, or with a byte changed, is damaged, never carried out."""
    return hashlib.sha256(json.dumps(body, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


def commit(
    calendars: Path,
    contents: dict[Path, bytes],
    backups: Path | None,
    start: audit.Tail,
    lines: bytes,
    end: audit.Tail,
    record: dict[str, str] | None,
) -> None:
    """Write `contents` and append `lines` to the audit log (which ends at `start`), all or nothing,
    the anchor then holding `record` (what every data file must hold). The caller holds the lock
    and has checked that the log can be written (`audit.check_writable`)."""
    entries: list[Entry] = []
    try:
        for path, data in contents.items():
            entries.append(Entry(path, prepare(path, data), hashlib.sha256(data).hexdigest()))
        atomic_write(calendars / JOURNAL, _describe(calendars, entries, start.size, lines, end, record))
    except BaseException:
        for entry in entries:
            with contextlib.suppress(OSError):
                entry.temp.unlink()
        raise
    _reached("journal")
    anchor = calendars / audit.HEAD_FILE
    try:
        old_head = read_regular(anchor, limit=audit.HEAD_LIMIT, missing_ok=True)
    except DataError:
        old_head = None
    try:
        audit.write_lines(calendars, start.size, lines, end, record)
        _reached("audit")
    except OSError as exc:  # the disk filled up, say: undo, nothing has moved into place yet
        _roll_back(calendars, entries, start, old_head)
        raise DataError(
            "err.audit_unwritable", file=str(calendars / audit.AUDIT_FILE), **system_reason(exc)
        ) from None
    _move_into_place(calendars, entries, backups, contents)


def _roll_back(calendars: Path, entries: list[Entry], start: audit.Tail, old_head: bytes | None) -> None:
    """Undo a commit whose audit lines could not be written (the anchor as it was, `old_head`);
    when even that fails, the journal stays and the next opener finishes the commit instead."""
    try:
        with contextlib.suppress(FileNotFoundError), open(calendars / audit.AUDIT_FILE, "rb+") as log:
            log.truncate(start.size)
        anchor = calendars / audit.HEAD_FILE
        if old_head is not None:
            atomic_write(anchor, old_head)
        else:
            with contextlib.suppress(FileNotFoundError):
                anchor.unlink()
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
    record: dict[str, str] | None,
) -> None:
    audit.write_lines(calendars, before, lines, end, record)
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


@dataclass(frozen=True)
class Pending:
    """An interrupted save, as its journal tells it."""

    entries: list[Entry]
    before: int
    lines: bytes
    end: audit.Tail
    record: dict[str, str] | None


def read(calendars: Path) -> Pending | None:
    """The interrupted save the journal holds (None when there is none); DataError when the
    journal is damaged: not a file, not whole, or not what its own checksum says."""
    path = calendars / JOURNAL
    try:
        raw = read_regular(path, missing_ok=True, links=False)
    except DataError:
        raise DataError("err.journal_damaged", file=str(path)) from None
    if raw is None:
        return None
    try:
        found = json.loads(raw.decode("utf-8"))
        if isinstance(found, dict) and "body" in found:
            journal = found["body"]
            if found.get("sha256") != _checksum(journal):
                raise ValueError("checksum")
        else:
            journal = found  # written before journals carried a checksum
        root = calendars.parent
        entries = [Entry(root / f["path"], root / f["temp"], str(f["sha256"])) for f in journal["files"]]
        log = journal["audit"]
        lines = str(log["lines"]).encode("utf-8")
        before = int(log["before"])
        end = audit.Tail(before + len(lines), int(log["seq"]), str(log["hash"]))
        record = journal.get("record")
        if record is not None and not (
            isinstance(record, dict) and all(isinstance(v, str) for v in record.values())
        ):
            raise TypeError("record")
        inside = root.resolve()
        for entry in entries:  # a journal only ever names the workspace's own files
            if inside not in entry.path.resolve().parents or inside not in entry.temp.resolve().parents:
                raise ValueError("outside")
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError, OSError):
        raise DataError("err.journal_damaged", file=str(path)) from None
    return Pending(entries, before, lines, end, record)


def recover(calendars: Path, backups: Path | None) -> bool:
    """Finish a commit that a killed writer left in its journal (the caller holds the lock).
    True when there was one."""
    pending_save = read(calendars)
    if pending_save is None:
        return False
    _finish(
        calendars,
        pending_save.entries,
        pending_save.before,
        pending_save.lines,
        pending_save.end,
        backups,
        pending_save.record,
    )
    return True
