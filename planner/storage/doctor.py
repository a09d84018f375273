"""`planner doctor`: what is wrong with a workspace's files, and the repairs a person may approve. A
data file that is not what the audit record says it must hold (missing, emptied, replaced, rolled
back, swapped, changed by a byte) is set aside and the copy that matches the record put back: its
newest backup, or the new version an interrupted save left beside it. A damaged journal is set
aside and what it was saving recovered the same way. Files the workspace does not list, leftover
temporary files, a lock or a backup that is not a file, and modes the team cannot use are dealt
with too; the audit log itself is re-anchored only knowingly, by an admin."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import socket
import stat
from dataclasses import dataclass, field
from pathlib import Path

from planner.domain.errors import DataError, PlannerError, Refused
from planner.i18n import t
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
from planner.storage.folder import JOURNAL, content_digest
from planner.storage.workspace import WorkspaceStore

CORRUPT = ".corrupt"  # in calendars/: what was set aside, kept and never overwritten


@dataclass(frozen=True)
class Problem:
    # damaged | unlisted | journal | journal_damaged | temp | audit | audit_behind | mode | not_a_file
    # | evidence | asset | consent_form
    kind: str
    file: str
    detail: str = ""  # in English; `said` gives it in a language
    backup: str = ""  # for a damaged file: the copy that matches the record ("" when none)
    error: PlannerError | None = field(default=None, compare=False)  # why a file is damaged

    def said(self, lang: str) -> str:
        """What is wrong, in `lang`: an audit verdict's and a damaged file's reason translated."""
        if self.kind in ("audit", "audit_behind"):
            return t(self.detail, lang)
        if self.error is not None:
            return self.error.said("reason", lang) or self.error.render(lang)
        return self.detail


@dataclass(frozen=True)
class Done:
    """What a repair did: `set_aside` moved into calendars/.corrupt/ (kept), `restored` from where."""

    kind: str  # set_aside | restored | finished | removed | mode
    file: str
    source: str = ""


def _expected(store: WorkspaceStore, path: Path, record: dict[str, str] | None) -> str | None:
    """The digest the record says the file must have (None when there is no record of it)."""
    if record is None:
        return None
    return record.get(store.folder.relative(path))


def _candidates(store: WorkspaceStore, path: Path) -> list[Path]:
    """Copies of a data file that may hold what it must: the new versions an interrupted save left
    beside it, then its backups, newest first."""
    temps: list[Path] = []
    with contextlib.suppress(OSError):
        temps = sorted(
            (
                p
                for p in path.parent.iterdir()
                if p.name.startswith(f".{path.name}.") and p.name.endswith(".tmp")
            ),
            key=lambda p: p.stat().st_mtime_ns,
            reverse=True,
        )
    return [*temps, *backup_paths(store.calendars / BACKUPS, path.name)]


def _good_copy(store: WorkspaceStore, path: Path, expected: str | None) -> Path | None:
    """The copy to put back: the one whose bytes the record names, or, with no record of the file,
    the newest backup that reads whole."""
    for candidate in _candidates(store, path):
        try:
            data = read_regular(candidate, missing_ok=True)
        except DataError:
            continue
        if not data:
            continue
        if expected is not None:
            if content_digest(data) == expected:
                return candidate
            continue
        if candidate.parent.name != BACKUPS:
            continue  # without a record, a temporary file is no proof of anything
        try:
            store.verify_file(candidate, like=path)
        except DataError:
            continue
        return candidate
    return None


def _file_problem(store: WorkspaceStore, path: Path, record: dict[str, str] | None) -> Problem | None:
    """What is wrong with one data file: it does not read whole, or is not what the record says."""
    expected = _expected(store, path, record)
    try:
        store.verify_file(path)
        if expected is not None and content_digest(store.folder.read(path)) != expected:
            raise DataError("err.corrupt_file", file=str(path), reason_key="reason.not_as_recorded")
        if record is not None and expected is None:
            raise DataError("err.corrupt_file", file=str(path), reason_key="reason.not_recorded")
    except DataError as error:
        reason = error.said("reason", "en") or error.render("en")
        return Problem("damaged", str(path), reason, str(_good_copy(store, path, expected) or ""), error)
    return None


def _not_files(store: WorkspaceStore) -> list[Path]:
    """The lock, its owner's note and the backups, where something other than a file stands."""
    found = []
    for path in [store.calendars / LOCK_NAME, store.calendars / OWNER_NAME]:
        with contextlib.suppress(FileNotFoundError):
            if not stat.S_ISREG(os.lstat(path).st_mode):
                found.append(path)
    with contextlib.suppress(OSError), os.scandir(store.calendars / BACKUPS) as entries:
        found += [Path(e.path) for e in entries if not e.is_file(follow_symlinks=False)]
    return sorted(found)


def _journal_problem(store: WorkspaceStore) -> Problem | None:
    path = store.calendars / JOURNAL
    if not os.path.lexists(path):
        return None
    try:
        journal.read(store.calendars)
    except DataError:
        return Problem("journal_damaged", str(path))
    return Problem("journal", str(path))


def _temp_files(store: WorkspaceStore) -> list[Path]:
    if journal.pending(store.calendars):
        return []  # they belong to the interrupted save, which a repair finishes first
    return sorted({*store.calendars.rglob(".*.tmp"), *store.assets.rglob(".*.tmp")})


def _unlisted(store: WorkspaceStore, record: dict[str, str] | None) -> list[Path]:
    listed = {path.name for path in store.data_files() if record is None or _expected(store, path, record)}
    if record is None:
        manifest = None
        with contextlib.suppress(DataError):
            from planner.storage.records import read_team

            manifest = read_team(store.folder.read(store.folder.team_path), store.folder.team_path).manifest
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


def _record(store: WorkspaceStore) -> dict[str, str] | None:
    try:
        return store.folder.record()
    except DataError:
        return None


def diagnose(store: WorkspaceStore) -> list[Problem]:
    """Every problem found, without changing anything."""
    problems = [Problem("not_a_file", str(path)) for path in _not_files(store)]
    found = _journal_problem(store)
    if found is not None:
        problems.append(found)
    record = _record(store)
    # A file the record (or the manifest) does not list is no part of the workspace, whatever it
    # holds (a sync tool's conflicted copy, a file dropped in): set aside, never judged as damage
    # for which no copy can be put back.
    unlisted = _unlisted(store, record)
    for path in store.data_files():
        problem = None if path in unlisted else _file_problem(store, path, record)
        if problem is not None:
            problems.append(problem)
    problems += [Problem("unlisted", str(p)) for p in unlisted]
    problems += [Problem("temp", str(p)) for p in _temp_files(store)]
    verdict = audit.verify(store.calendars, expect_log=store.has_been_audited())
    if not verdict.ok:
        problems.append(
            Problem(
                "audit" if _saving_refused(store) else "audit_behind",
                str(store.calendars / audit.AUDIT_FILE),
                verdict.reason,
                str(verdict.broken_line or ""),
            )
        )
    problems += _wrong_modes(store)
    problems += _evidence_problems(store)
    problems += _asset_problems(store)
    return problems


def _saving_refused(store: WorkspaceStore) -> bool:
    """Whether a write would be refused: only when the log's end does not agree with its head. A
    line broken before an end that agrees stays named by every verify, and the team goes on
    working meanwhile (stopping it would keep no evidence safer)."""
    try:
        audit.tail(store.calendars, expect_log=store.has_been_audited())
    except audit.AuditDamage:
        return True
    return False


def _asset_problems(store: WorkspaceStore) -> list[Problem]:
    """Each file the library names that is not there: an image, a video and its subtitle files (a
    post that uses it cannot go out as planned), and a consent's signed form (the permission an
    auditor is shown rests on it). No backup holds them, so whoever has the original puts it back."""
    from planner.storage.paths import missing_asset_files
    from planner.storage.records import read_library

    library = store.library_path
    try:
        records = read_library(read_regular(library, missing_ok=True) or b"{}", library)
    except DataError:
        return []  # a damaged library is reported as such
    named = [
        ("asset", record.id, file)
        for record in sorted(records["assets"].values(), key=lambda found: found.id)
        for file in (record.file, *record.subtitles.values())
    ]
    named += [
        ("consent_form", record.id, record.evidence)
        for record in sorted(records["consents"].values(), key=lambda found: found.id)
        if record.evidence
    ]
    gone = missing_asset_files(store.assets, (file for _kind, _owner, file in named))
    return [Problem(kind, str(store.assets / file), owner) for kind, owner, file in named if file in gone]


def _evidence_problems(store: WorkspaceStore) -> list[Problem]:
    """Each incident's evidence file that is missing or no longer holds the bytes its record names
    (no backup holds it: the person who kept the original puts it back)."""
    from planner.storage import evidence
    from planner.storage.records import read_team

    team = store.folder.team_path
    try:
        incidents = read_team(read_regular(team) or b"{}", team).kinds["incidents"].values()
    except DataError:
        return []  # a damaged team file is reported as such
    return [
        Problem("evidence", str(store.root / evidence.FOLDER / item.file), incident.id)
        for incident in incidents
        for item in incident.evidence
        if not evidence.intact(store.root, item.file, item.sha256)
    ]


def _set_aside(store: WorkspaceStore, path: Path, stamp: str) -> Path | None:
    """Move a damaged file (or a folder, FIFO or link in its place) into calendars/.corrupt/, kept."""
    if not os.path.lexists(path):
        return None
    aside = store.calendars / CORRUPT
    make_dir(aside)
    target = aside / f"{path.name}.{stamp}"
    number = 1
    while os.path.lexists(target):
        number += 1
        target = aside / f"{path.name}.{stamp}-{number}"
    os.replace(path, target)
    return target


def repair(store: WorkspaceStore, stamp: str) -> tuple[list[Done], list[Problem]]:
    """Under the lock: what is not a file where the lock or a backup belongs set aside; an
    interrupted save finished, or its journal set aside when damaged; each data file that is not
    what the record says set aside and the copy that is put back; unlisted files set aside,
    temporary files removed, modes made the team's. The audit log is not touched (re-anchoring is a
    decision of its own). Returns what was done and what is still wrong."""
    done: list[Done] = []
    for path in _not_files(store):  # a folder or FIFO in the lock's place: nobody can hold it
        if path.name in (LOCK_NAME, OWNER_NAME) and _set_aside(store, path, stamp) is not None:
            done.append(Done("set_aside", str(path)))
    with locked(store.calendars):
        for path in _not_files(store):
            if _set_aside(store, path, stamp) is not None:
                done.append(Done("set_aside", str(path)))
        found = _journal_problem(store)
        if found is not None and found.kind == "journal_damaged":
            _set_aside(store, Path(found.file), stamp)
            done.append(Done("set_aside", found.file))
        elif found is not None:
            with contextlib.suppress(DataError):
                journal.recover(store.calendars, store.calendars / BACKUPS)
                done.append(Done("finished", found.file))
        for problem in diagnose(store):
            path = Path(problem.file)
            if problem.kind == "damaged" and problem.backup:  # without a good copy it stays for a person
                data = read_regular(Path(problem.backup))
                assert data is not None
                _set_aside(store, path, stamp)
                atomic_write(path, data)
                done += [Done("set_aside", str(path)), Done("restored", str(path), problem.backup)]
            elif problem.kind == "unlisted":
                _set_aside(store, path, stamp)
                done.append(Done("set_aside", str(path)))
            elif problem.kind == "temp":
                with contextlib.suppress(OSError):
                    path.unlink()
                    done.append(Done("removed", str(path)))
            elif problem.kind == "mode":
                with contextlib.suppress(OSError):
                    os.chmod(path, DIR_MODE if path.is_dir() else FILE_MODE)
                    done.append(Done("mode", str(path)))
        return done, diagnose(store)


def current_record(store: WorkspaceStore) -> dict[str, str]:
    """The digest of every data file as it is now, each of them read whole first (a re-anchoring
    takes the files as they are: DataError when one does not read)."""
    record = {}
    for path in store.data_files():
        store.verify_file(path)
        record[store.folder.relative(path)] = content_digest(store.folder.read(path))
    return record


def reanchor(store: WorkspaceStore, user: str, at: str) -> audit.Verdict:
    """Re-anchor a damaged audit log, knowingly (the caller has checked that `user` is an admin):
    one line records what verification found and the head it replaces, and the chain goes on from
    it; the anchor then records the data files as they are. Refused when the log is intact."""
    with locked(store.calendars):
        verdict = audit.verify(store.calendars, expect_log=store.has_been_audited())
        if verdict.ok:
            raise Refused("refused.audit_intact")
        record = current_record(store)
        size, data, end = audit.reanchor_lines(store.calendars, user, at, verdict)
        audit.check_writable(store.calendars)
        audit.write_lines(store.calendars, size, data, end, record)
        return verdict


def lock_is_held(store: WorkspaceStore) -> bool:
    try:
        with locked(store.calendars, timeout=0.5):
            return False
    except DataError as error:
        return error.key == "err.locked"


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
