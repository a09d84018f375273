"""Reading a workspace's files into a snapshot (a domain `Workspace`). Each file is read again only
when it changed since this process last read it (its stat signature), and every file is checked
against the anchor's record of what it must hold: a file replaced, rolled back, swapped with
another or changed by a byte outside the planner is damage, never "in order"."""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from planner.domain.errors import DataError
from planner.domain.workspace import Workspace
from planner.storage import audit
from planner.storage.files import stat_signature
from planner.storage.folder import (
    Record,
    Signature,
    Signatures,
    WorkspaceFolder,
    content_digest,
)
from planner.storage.records import (
    ACCOUNT_KINDS,
    KINDS,
    AccountRecords,
    LibraryRecords,
    Manifest,
    TeamRecords,
    read_account,
    read_library,
    read_team,
)

T = TypeVar("T")


class Inconsistent(DataError):
    """The files and the record (or the manifest) disagree. Read without the lock this may be a
    save half-way through its renames; under the lock it is damage."""


@dataclass(frozen=True)
class FileRead:
    """One data file as this process read it: its signature then, its digest, its records (None
    when it was only hashed)."""

    signature: Signature
    digest: str
    records: Any


@dataclass(frozen=True)
class Snapshot:
    """What one reading found: the workspace, and of its files the signatures, the manifest, the
    anchor's record, each file's digest (by its name in the record) and the ids of the records each
    account file holds, by kind, in the file's order (by account id)."""

    signatures: Signatures
    ws: Workspace
    manifest: Manifest | None
    record: Record | None
    digests: dict[str, str]
    whole: bool  # every account file read into records (not a reading of some accounts)
    held: Mapping[str, Mapping[str, tuple[str, ...]]]

    def files(self, folder: WorkspaceFolder) -> Iterator[tuple[str, Signature, str]]:
        """Each data file read: its path, its signature and its digest then."""
        for path, signature in self.signatures.items():
            digest = self.digests.get(folder.relative(Path(path)))
            if digest is not None:
                yield path, signature, digest


Digests = Callable[[str, Signature], "str | None"]  # a file's digest known from before, by its signature


class Reader:
    """Reads snapshots of one workspace, keeping each file's records by its stat signature."""

    def __init__(self, folder: WorkspaceFolder) -> None:
        self.folder = folder
        self._files: dict[str, FileRead] = {}

    def read(
        self,
        signatures: Signatures,
        accounts: Collection[str] | None = None,
        known_digest: Digests | None = None,
        anchored: bool = True,
    ) -> Snapshot:
        """The workspace as its files held at `signatures`; with `accounts` (file names), only those
        account files are read into records, every other only hashed (unless `known_digest` knows
        it by its signature from an earlier run) and checked; with no account at all, the library
        too is only checked. Not `anchored`: the files as they are, whatever the anchor says (only
        a re-anchoring, which takes them so knowingly, reads them so)."""
        folder = self.folder
        record = folder.record() if anchored else None
        digests: dict[str, str] = {}
        team: TeamRecords = self._parsed(folder.team_path, signatures, read_team, digests)
        manifest = team.manifest
        if anchored and record is None and _anchor_lost(folder, manifest):
            raise Inconsistent("err.audit_damaged", reason_key="audit.head_missing")
        present = folder.account_files()
        self._check_files(present, record, manifest)
        library: LibraryRecords = {}
        library_needed = (record is not None and folder.relative(folder.library_path) in record) or (
            record is None and (manifest is None or manifest.library)
        )
        if accounts is not None and not accounts and os.path.lexists(folder.library_path):
            # Nothing of an account is read: no asset either (only whether the library is as recorded).
            digests[folder.relative(folder.library_path)] = self._digest(
                folder.library_path, signatures, known_digest
            )
        elif library_needed or os.path.lexists(folder.library_path):
            library = self._parsed(folder.library_path, signatures, read_library, digests, library_needed)
        parsed: list[AccountRecords] = []
        for path in present:
            if accounts is None or path.name in accounts:
                parsed.append(self._parsed(path, signatures, read_account, digests))
            else:
                digests[folder.relative(path)] = self._digest(path, signatures, known_digest)
        if record is not None:
            for name, digest in digests.items():
                if record.get(name) != digest:
                    raise Inconsistent(
                        "err.corrupt_file",
                        file=str(folder.root / name),
                        reason_key="reason.not_as_recorded",
                    )
        ws = _workspace(team, library, parsed, folder)
        held = {one.account.id: _held(one) for one in parsed}
        return Snapshot(signatures, ws, manifest, record, digests, accounts is None, held)

    def forget(self) -> None:
        self._files.clear()

    def remember(self, path: Path, digest: str, records: Any) -> FileRead:
        """What a file just written by this process holds (its digest and records), so the next
        reading need not parse it."""
        found = FileRead(stat_signature(os.lstat(path)), digest, records)
        self._files[str(path)] = found
        return found

    def _check_files(self, present: list[Path], record: Record | None, manifest: Manifest | None) -> None:
        """Every account file the record (or, before there was one, the manifest) names is there,
        and no other."""
        folder = self.folder
        if record is not None:
            listed = {name.split("/", 1)[1] for name in record if name.startswith("calendars/")}
            listed.discard(folder.team_path.name)
        elif manifest is not None:
            listed = set(manifest.account_files)
        else:
            return
        for name in sorted(listed):
            if not os.path.lexists(folder.calendars / name):
                raise Inconsistent(
                    "err.corrupt_file", file=str(folder.calendars / name), reason_key="reason.missing"
                )
        for path in present:
            if path.name not in listed:
                raise Inconsistent("err.unlisted_file", file=str(path))

    def _parsed(
        self,
        path: Path,
        signatures: Signatures,
        parse: Callable[[bytes, Path], T],
        digests: dict[str, str],
        required: bool = True,
    ) -> T:
        """A file's records: as this process last read them while its signature has not moved,
        else read, hashed and parsed anew."""
        key = str(path)
        signature = signatures.get(key)
        kept = self._files.get(key)
        if (
            signature is not None
            and kept is not None
            and kept.signature == signature
            and kept.records is not None
        ):
            digests[self.folder.relative(path)] = kept.digest
            return kept.records  # type: ignore[no-any-return]
        raw = self.folder.read(path, required)
        digest = content_digest(raw)
        digests[self.folder.relative(path)] = digest
        records = parse(raw, path) if raw else parse(b"{}", path)
        if signature is not None:
            self._files[key] = FileRead(signature, digest, records)
        return records

    def _digest(self, path: Path, signatures: Signatures, known_digest: Digests | None) -> str:
        """A file's digest, without parsing it: as this process last knew it while its signature
        has not moved, or as an earlier run knew it (`known_digest`), else hashed anew."""
        key = str(path)
        signature = signatures.get(key)
        kept = self._files.get(key)
        if signature is not None and kept is not None and kept.signature == signature:
            return kept.digest
        known = known_digest(key, signature) if signature and known_digest else None
        digest = known or content_digest(self.folder.read(path))
        if signature is not None:
            self._files[key] = FileRead(signature, digest, None)
        return digest


def _anchor_lost(folder: WorkspaceFolder, manifest: Manifest | None) -> bool:
    """The anchor is gone from a workspace that has kept an audit log (its manifest says so, or
    the log has lines): nothing says what its files must hold, so none of them can be trusted
    until an admin re-anchors. (One whose anchor was written before anchors held that record
    still has its anchor, and is read as before.)"""
    calendars = folder.calendars
    if os.path.lexists(calendars / audit.HEAD_FILE):
        return False
    try:
        logged = os.lstat(calendars / audit.AUDIT_FILE).st_size > 0
    except FileNotFoundError:
        logged = False
    except OSError:
        logged = True
    return logged or (manifest is not None and manifest.audited)


def _held(records: AccountRecords) -> dict[str, tuple[str, ...]]:
    """The ids of an account file's records, by kind, in the file's order."""
    return {"posts": tuple(records.posts), **{kind: tuple(found) for kind, found in records.others.items()}}


def _workspace(
    team: TeamRecords, library: LibraryRecords, accounts: list[AccountRecords], folder: WorkspaceFolder
) -> Workspace:
    """The snapshot of the records read; a post in two files, or in the file of another account,
    is damage (the planner writes each post once, in its account's file)."""
    maps: dict[str, dict[str, Any]] = {kind: {} for kind in KINDS}
    for kind, records in team.kinds.items():
        maps[kind] = dict(records)
    for kind, records in library.items():
        maps[kind] = dict(records)
    for one in accounts:
        maps["accounts"][one.account.id] = one.account
        counts = {kind: len(maps[kind]) for kind in ACCOUNT_KINDS}
        mixed = False
        for kind, records in (("posts", one.posts), *one.others.items()):
            maps[kind].update(records)
            grew = len(maps[kind]) == counts[kind] + len(records)
            mixed = mixed or not grew or any(r.account != one.account.id for r in records.values())
        if mixed:
            from planner.storage.folder import account_file_name

            raise DataError(
                "err.corrupt_file",
                file=str(folder.calendars / account_file_name(one.account.id)),
                reason_key="reason.post_of_another_account",
            )
    return Workspace(team.organization, **maps)
