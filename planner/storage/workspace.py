"""The workspace as the services see it: its snapshots (storage/snapshot) and its transactions
(storage/transaction), written through the folder's one commit (storage/folder), each change with
its audit lines and the record of what every file must hold, or nothing at all."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from planner.domain.errors import DataError, system_reason
from planner.domain.feedback import feedback_order
from planner.domain.model import Organization
from planner.domain.workspace import Workspace
from planner.storage import audit
from planner.storage.files import BACKUPS, backup_paths, read_regular
from planner.storage.folder import (
    JOURNAL,
    LIBRARY_FILE,
    RESERVED_NAMES,
    TEAM_FILE,
    Signatures,
    WorkspaceFolder,
    account_file_name,
    content_digest,
)
from planner.storage.records import (
    ACCOUNT_KINDS,
    BESIDE_POSTS,
    KINDS,
    LIBRARY_KINDS,
    TEAM_KINDS,
    AccountRecords,
    Manifest,
    TeamRecords,
    account_bytes,
    doc_id,
    library_bytes,
    read_account,
    read_library,
    read_team,
    team_bytes,
)
from planner.storage.snapshot import Digests, Inconsistent, Reader, Snapshot
from planner.storage.tinystore import tables_of
from planner.storage.transaction import Unit

__all__ = [
    "KINDS",
    "LIBRARY_FILE",
    "RESERVED_NAMES",
    "TEAM_FILE",
    "Manifest",
    "Snapshot",
    "Unit",
    "WorkspaceStore",
    "account_file_name",
]


def _moment(stamp: str) -> dt.datetime | None:
    """A transaction's stamp (`YYYY-MM-DDTHH:MM`) as a time, when it is one."""
    try:
        return dt.datetime.strptime(stamp, "%Y-%m-%dT%H:%M")
    except ValueError:
        return None


class WorkspaceStore:
    def __init__(self, root: Path) -> None:
        self.folder = WorkspaceFolder(root)
        self.root = self.folder.root
        self.calendars = self.folder.calendars
        self.assets = self.folder.assets
        self._reader = Reader(self.folder)
        self._snapshot: Snapshot | None = None
        self._holding = False  # inside this store's own transaction: the lock is ours already

    @property
    def library_path(self) -> Path:
        return self.folder.library_path

    def is_workspace(self) -> bool:
        """A folder holding `calendars/` with anything of a workspace in it (an empty one is a
        workspace still to be made with `planner init`)."""
        calendars = self.calendars
        try:
            is_folder = calendars.is_dir()
        except OSError as exc:  # a name too long, a loop of links: said in one line, not raised on
            raise DataError("err.read_file", file=str(calendars), **system_reason(exc)) from None
        return is_folder and any(
            os.path.lexists(calendars / name)
            for name in (TEAM_FILE, audit.HEAD_FILE, audit.AUDIT_FILE, BACKUPS)
        )

    def create(self) -> None:
        """A new workspace: the folders, an empty team file with its manifest and an empty library,
        and the anchor recording them."""
        if os.path.lexists(self.folder.team_path):
            return
        empty = Workspace()
        self.folder.create(
            {
                self.library_path: library_bytes({}),
                self.folder.team_path: team_bytes(empty.organization, {}, Manifest(())),
            }
        )

    # Reading ---------------------------------------------------------------------------------

    def signature(self) -> Signatures:
        """Each data file's stat signature (a save anywhere changes it)."""
        return self.folder.signatures()

    def load(self) -> Workspace:
        """The workspace as its files hold it now: the last snapshot while no file has changed."""
        return self.snapshot().ws

    def snapshot(
        self, accounts: Collection[str] | None = None, known_digest: Digests | None = None
    ) -> Snapshot:
        """What the files hold now. With `accounts` (account file names), only those account files
        are read into records, every other only checked (a part of the workspace, never the
        snapshot `load` answers with). A save another process left half-done is finished first,
        under the lock; files that disagree with the record are read once more under the lock
        before they count as damage."""
        signatures = self.folder.signatures()
        kept = self._snapshot
        if kept is not None and kept.signatures == signatures and (kept.whole or accounts is not None):
            return kept
        if str(self.calendars / JOURNAL) in signatures and not self._holding:
            with self.folder.locked():
                self.folder.recover()
            signatures = self.folder.signatures()
        try:
            found = self._reader.read(signatures, accounts, known_digest)
        except Inconsistent:
            if self._holding:
                raise
            with self.folder.locked():  # a writer may have been between two renames
                # read afresh, every file hashed from its bytes: a digest the index or this
                # reader remembered wrongly must not make a sound file count as damaged
                self._reader.forget()
                found = self._reader.read(self.folder.signatures(), accounts)
        if found.whole:
            self._snapshot = found
        return found

    def read_as_found(self) -> Workspace:
        """The workspace as its files hold it now, not checked against the audit anchor (which may
        be missing or unreadable): for a re-anchoring, which takes the files as they are, to know
        who asks for it. Never kept as the snapshot the other readings answer with."""
        with self.folder.locked():
            self._reader.forget()
            return self._reader.read(self.folder.signatures(), anchored=False).ws

    def manifest(self) -> Manifest | None:
        """The manifest of the last load."""
        return self._snapshot.manifest if self._snapshot else None

    def account_files(self) -> list[Path]:
        return self.folder.account_files()

    def data_files(self) -> list[Path]:
        """Every file that holds records: the team file, the account files (those the record or
        the manifest lists, and any other there is) and the library."""
        listed: set[Path] = set()
        library = os.path.lexists(self.library_path)
        try:
            record = self.folder.record()
        except DataError:
            record = None
        if record is not None:
            for name in record:
                folder, _, file = name.partition("/")
                if folder == "calendars" and file != TEAM_FILE:
                    listed.add(self.calendars / file)
                library = library or name == self.folder.relative(self.library_path)
        else:
            with contextlib.suppress(DataError):
                manifest = read_team(self.folder.read(self.folder.team_path), self.folder.team_path).manifest
                if manifest is not None:
                    listed.update(self.calendars / name for name in manifest.account_files)
                    library = library or manifest.library
        accounts = sorted(listed | set(self.account_files()))
        return [self.folder.team_path, *accounts, *([self.library_path] if library else [])]

    def verify_file(self, path: Path, like: Path | None = None) -> None:
        """Read one data file (or a backup of `like`) and every record in it; DataError if it is
        missing, empty, not a regular file, unreadable, not UTF-8, not JSON, of the wrong shape or
        holds a bad record."""
        name = (like or path).name
        raw = self.folder.read(path)
        if name == TEAM_FILE:
            read_team(raw, path)
        elif name == LIBRARY_FILE:
            read_library(raw, path)
        else:
            read_account(raw, path, name)

    def has_been_audited(self) -> bool:
        """Whether the workspace has an audit log to keep: the team file's manifest says so (or,
        when it cannot be read, its newest backup that can), or the anchor counts a line."""
        with contextlib.suppress(DataError):
            head = audit.read_head(self.calendars)
            if head is not None and head[0] > 0:
                return True
        team = self.folder.team_path
        for candidate in [team, *backup_paths(self.calendars / BACKUPS, TEAM_FILE)]:
            try:
                raw = read_regular(candidate, missing_ok=True)
                manifest = read_team(raw, candidate).manifest if raw else None
            except DataError:
                continue
            if manifest is not None:
                return manifest.audited
        return False

    def has_had_people(self) -> bool:
        """Whether anyone ever worked in this workspace: a backup of the team file names people, or
        the audit log a change to one. An emptied team file then never lets anyone in as the
        first admin with no identity."""
        for candidate in backup_paths(self.calendars / BACKUPS, TEAM_FILE):
            try:
                raw = read_regular(candidate, missing_ok=True)
                if raw and read_team(raw, candidate).kinds["people"]:
                    return True
            except DataError:
                continue
        try:
            log = read_regular(self.calendars / audit.AUDIT_FILE, missing_ok=True)
        except DataError:
            return True  # a log that cannot be read proves nothing either way: no one walks in
        return log is not None and b'"entity": "people"' in log

    # Writing ---------------------------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self, user: str, clock: Callable[[Workspace], str]) -> Iterator[Unit]:
        """Read fresh under the lock, let the caller change it, then write what changed with its
        audit lines (stamped by `clock` in the organization's time) through the journal. If the
        body raises, or the audit log cannot take the lines, nothing is written."""
        with self.folder.locked():
            self._holding = True
            try:
                self.folder.recover()
                self.folder.clean_leftovers()
                found = self.snapshot()
                unit = Unit(found.ws, saved_at=_moment(clock(found.ws)))
                yield unit
                if unit.changes:
                    final = unit.committed()
                    self._write(unit, final, found, user, clock(final))
            finally:
                self._holding = False

    def _write(self, unit: Unit, ws: Workspace, base: Snapshot, user: str, stamp: str) -> None:
        """The changed files, committed with the audit lines, and kept as the next snapshot."""
        contents: dict[Path, bytes] = {}
        remembered: dict[Path, Any] = {}
        kinds = unit.touched_kinds()
        if kinds & set(LIBRARY_KINDS):
            library = {kind: getattr(ws, kind) for kind in LIBRARY_KINDS}
            contents[self.library_path] = library_bytes(library)
            remembered[self.library_path] = library
        held = dict(base.held)
        moved = {kind: unit.moves(kind) for kind in ACCOUNT_KINDS}  # once: an import has thousands of changes
        for account_id, changed in unit.touched_accounts().items():
            account = ws.accounts.get(account_id)
            if account is None:
                held.pop(account_id, None)
                continue
            path = self.calendars / account_file_name(account_id)
            was = base.held.get(account_id, {})
            found = {
                kind: _records_of(
                    ws, kind, account_id, (*was.get(kind, ()), *changed.get(kind, ())), moved[kind]
                )
                for kind in ACCOUNT_KINDS
            }
            held[account_id] = {kind: tuple(records) for kind, records in found.items()}
            posts, others = found["posts"], {kind: found[kind] for kind in BESIDE_POSTS}
            stored = self._stored_docs(path, changed)
            contents[path] = account_bytes(account, posts.values(), stored, others)
            remembered[path] = AccountRecords(account, posts, others)
        manifest = Manifest(tuple(sorted(account_file_name(a) for a in ws.accounts)), True, True)
        if kinds & {"organization", *TEAM_KINDS} or base.manifest != manifest:
            team = {kind: getattr(ws, kind) for kind in TEAM_KINDS}
            contents[self.folder.team_path] = team_bytes(ws.organization, team, manifest)
            remembered[self.folder.team_path] = TeamRecords(ws.organization, team, manifest)
        written = {path: content_digest(data) for path, data in contents.items()}
        record = dict(base.record if base.record is not None else base.digests)
        record.update({self.folder.relative(path): digest for path, digest in written.items()})
        expect_log = base.manifest is not None and base.manifest.audited
        self.folder.commit(contents, user, stamp, unit.changes, record, expect_log)
        for path, records in remembered.items():
            self._reader.remember(path, written[path], records)
        digests = {**base.digests, **{self.folder.relative(p): digest for p, digest in written.items()}}
        self._snapshot = Snapshot(self.folder.signatures(), ws, manifest, record, digests, True, held)

    def _stored_docs(
        self, path: Path, changed: Mapping[str, Collection[str]]
    ) -> dict[str, dict[str, dict[str, Any]]]:
        """The stored documents of the records of an account file that a save leaves alone, by
        kind and id."""
        try:
            raw = read_regular(path, missing_ok=True)
        except DataError:
            return {}
        if not raw:
            return {}
        tables = tables_of(raw, path)
        stored: dict[str, dict[str, Any]] = {}
        for kind in ACCOUNT_KINDS:
            left = changed.get(kind, ())
            docs = ((doc_id(kind, doc), doc) for doc in tables.get(kind, []))
            stored[kind] = {name: doc for name, doc in docs if name not in left}
        return stored

    def seed(self, parsed: dict[str, Any], stamp: str = "") -> None:
        """Write a whole generated workspace at once (benchmarks): every file in one commit and
        one audit line that says so, instead of a line per record."""
        with self.folder.locked():
            organization = parsed.get("organization") or Organization()
            maps = {
                kind: {e.id: replace(e, revision=max(1, e.revision)) for e in parsed.get(kind, [])}
                for kind in KINDS
            }
            ws = Workspace(organization, **maps)
            contents = {self.library_path: library_bytes({kind: maps[kind] for kind in LIBRARY_KINDS})}
            for account_id, account in ws.accounts.items():
                path = self.calendars / account_file_name(account_id)
                others = ws.beside_posts(account_id)
                contents[path] = account_bytes(account, ws.posts_of(account_id), {}, others)
            manifest = Manifest(tuple(sorted(account_file_name(a) for a in ws.accounts)), True, True)
            team = {kind: maps[kind] for kind in TEAM_KINDS}
            contents[self.folder.team_path] = team_bytes(organization, team, manifest)
            counts = {kind: len(maps[kind]) for kind in KINDS}
            record = {self.folder.relative(path): content_digest(data) for path, data in contents.items()}
            change = audit.Change("workspace", "", "seed", None, counts)
            self.folder.commit(contents, "generator", stamp, [change], record, expect_log=False)


def _records_of(ws: Workspace, kind: str, account_id: str, ids: Iterable[str], moved: bool) -> dict[str, Any]:
    """An account's records of an account file's `kind`, in the order the workspace holds them,
    which is its file's: `ids` are those the file held, then those the transaction changed (a
    pass over every post of the workspace was a quarter of a save at city scale). A record moved
    in from another account stands where it stood among that account's, and one removed and made
    anew stands last, so a transaction that moves or removes one takes the order from the pass.
    Feedback is kept by the time it came (`Workspace.feedback_of`)."""
    every: Mapping[str, Any] = getattr(ws, kind)
    if moved:
        found = {r.id: r for r in every.values() if r.account == account_id}
    else:
        found = {i: r for i in ids if (r := every.get(i)) is not None and r.account == account_id}
    if kind == "feedback":
        found = {f.id: f for f in sorted(found.values(), key=feedback_order)}
    return found
