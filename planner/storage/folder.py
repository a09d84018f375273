"""The workspace's folder on disk: where each data file lies, reading one safely, the lock, and the
one way anything is written: a commit of whole files with their audit lines and the record of what
every data file must hold (storage/journal, storage/audit).

A workspace is `calendars/` (the team file `team.json`, one file per account named by its slug,
the audit log and its anchor) and `assets/` (the media and `library.json`)."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

from planner.domain.errors import DataError
from planner.storage import audit
from planner.storage.files import BACKUPS, JOURNAL, locked, make_dir, read_regular, stat_signature

TEAM_FILE = "team.json"
LIBRARY_FILE = "library.json"
RESERVED_NAMES = frozenset({"team", "audit", "library"})
__all__ = ["JOURNAL", "LIBRARY_FILE", "RESERVED_NAMES", "TEAM_FILE", "WorkspaceFolder", "account_file_name"]

Signature = tuple[int, int, int, int]
Signatures = dict[str, Signature]
Record = dict[str, str]  # each data file (relative to the workspace) → the SHA-256 of what it must hold


@functools.lru_cache(maxsize=8192)
def account_file_name(account_id: str) -> str:
    """An account's file is named by its slug."""
    from slugify import slugify

    return slugify(account_id) + ".json"


def content_digest(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


class WorkspaceFolder:
    """Paths and files of one workspace; holds nothing it has read."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.calendars = self.root / "calendars"
        self.assets = self.root / "assets"
        self.team_path = self.calendars / TEAM_FILE
        self.library_path = self.assets / LIBRARY_FILE

    def is_workspace(self) -> bool:
        return self.calendars.is_dir()

    def relative(self, path: Path) -> str:
        """A data file's name in the record: `calendars/team.json`, `assets/library.json`."""
        return f"{path.parent.name}/{path.name}"

    def account_files(self) -> list[Path]:
        """The account files present in calendars/, in name order."""
        try:
            with os.scandir(self.calendars) as found:
                names = [e.name for e in found if e.name.endswith(".json") and not e.name.startswith(".")]
        except FileNotFoundError:
            return []
        names.sort()
        return [self.calendars / n for n in names if n.removesuffix(".json") not in RESERVED_NAMES]

    def signatures(self) -> Signatures:
        """Each data file's stat signature, and a pending journal's: it changes when anyone saves,
        here or in another terminal, or when a sync tool replaces a file. One folder scan."""
        found: Signatures = {}
        with contextlib.suppress(FileNotFoundError), os.scandir(self.calendars) as entries:
            for entry in entries:
                name = entry.name
                if (name.endswith(".json") and not name.startswith(".")) or name == JOURNAL:
                    with contextlib.suppress(FileNotFoundError):
                        found[entry.path] = stat_signature(entry.stat(follow_symlinks=False))
        with contextlib.suppress(FileNotFoundError):
            found[str(self.library_path)] = stat_signature(os.lstat(self.library_path))
        return found

    def read(self, path: Path, required: bool = True) -> bytes:
        """A data file's bytes, read safely (a FIFO, a folder or a link in its place is refused
        before anything blocks); a missing or empty one is damage when the workspace must have
        it, else no bytes."""
        try:
            raw = read_regular(path, missing_ok=not required, links=False)
        except DataError as exc:  # its own message becomes the reason, in whatever language is shown
            if exc.key == "err.file_missing":
                raise DataError("err.corrupt_file", file=str(path), reason_key="reason.missing") from None
            raise DataError("err.corrupt_file", file=str(path), reason=exc) from None
        if raw is None:
            return b""
        if required and not raw.strip():
            raise DataError("err.corrupt_file", file=str(path), reason_key="reason.empty")
        return raw

    def record(self) -> Record | None:
        """What the audit anchor says every data file must hold (None for a workspace written
        before the planner kept it); damage when the anchor cannot be read."""
        return audit.read_record(self.calendars)

    # Writing ---------------------------------------------------------------------------------

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        with locked(self.calendars):
            yield

    def recover(self) -> None:
        """Finish a save a killed writer left in its journal (the caller holds the lock)."""
        from planner.storage import journal

        journal.recover(self.calendars, self.calendars / BACKUPS)

    def clean_leftovers(self) -> None:
        """Temporary files of data files that a killed writer left behind; only writers holding
        the lock make them, so under the lock (and with no journal pending) none is in use."""
        for folder, prefix in ((self.calendars, "."), (self.assets, f".{LIBRARY_FILE}.")):
            with contextlib.suppress(OSError), os.scandir(folder) as entries:
                leftovers = [e.path for e in entries if e.name.startswith(prefix) and e.name.endswith(".tmp")]
            for leftover in leftovers:
                with contextlib.suppress(OSError):
                    os.unlink(leftover)

    def commit(
        self,
        contents: dict[Path, bytes],
        user: str,
        stamp: str,
        changes: list[audit.Change],
        record: Record,
        expect_log: bool,
    ) -> None:
        """Write `contents` and the audit lines of `changes` together (storage/journal), the
        anchor then holding `record`; refused before anything is written when the log cannot take
        the lines or does not end at its anchor. The caller holds the lock."""
        from planner.storage import journal

        start = audit.tail(self.calendars, expect_log=expect_log)
        audit.check_writable(self.calendars)
        lines, end = audit.lines_for(start, user, stamp, changes)
        journal.commit(self.calendars, contents, self.calendars / BACKUPS, start, lines, end, record)

    def create(self, contents: dict[Path, bytes]) -> None:
        """A new workspace's folders, its first files, and an anchor recording them (no audit
        line: nothing has been done yet)."""
        from planner.storage import journal

        make_dir(self.calendars)
        make_dir(self.assets)
        with self.locked():
            record = {self.relative(path): content_digest(data) for path, data in contents.items()}
            journal.commit(
                self.calendars,
                contents,
                self.calendars / BACKUPS,
                audit.Tail(0, 0, audit.GENESIS),
                b"",
                audit.Tail(0, 0, audit.GENESIS),
                record,
            )
