"""The workspace on disk: a team file and one TinyDB file per account in calendars/, the media
library in assets/. Loads snapshots; writes whole transactions under the lock, each change with its
audit lines through the journal (storage/journal), so both land or neither does.

The team file keeps a manifest of what the workspace holds (its account files, the library, whether
the audit log has begun): a missing or emptied file is damage that every command names, never an
empty list that the next save would make so for good."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import os
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from planner.domain.errors import DataError
from planner.domain.model import Organization
from planner.domain.workspace import Posts, Workspace
from planner.storage import parse_cache
from planner.storage.digest_memo import DigestMemo
from planner.storage.files import (
    BACKUPS,
    atomic_write_many,
    encode_json,
    locked,
    make_dir,
    read_regular,
    stat_signature,
)
from planner.storage.later import Later, LaterMap
from planner.storage.parse_cache import content_digest
from planner.storage.records import AccountFile, account_records, changed_account_file, entities
from planner.storage.signature import JOURNAL, LIBRARY_FILE, Signatures, workspace_signature
from planner.storage.tinystore import Tables, read_tables, render_encoded, render_tables, tables_of
from planner.storage.unit import KINDS, Unit

if TYPE_CHECKING:
    from planner.storage import audit

T = TypeVar("T", bound=Any)

TEAM_FILE = "team.json"
RESERVED_NAMES = frozenset({"team", "audit", "library"})
_TEAM_KINDS = ("people", "absences", "campaigns", "holds")
_LIBRARY_KINDS = ("assets", "consents")

__all__ = [
    "KINDS",
    "LIBRARY_FILE",
    "TEAM_FILE",
    "Manifest",
    "Partial",
    "Unit",
    "WorkspaceStore",
    "account_file_name",
]


@dataclass(frozen=True)
class Manifest:
    """What the team file says the workspace holds: the account files, the library, and whether
    the audit log has begun. None for a workspace written before the manifest (its files are taken
    as they are until the next write adds one)."""

    account_files: tuple[str, ...]
    library: bool = True
    audited: bool = False

    @classmethod
    def from_tables(cls, tables: Tables, path: Path) -> Manifest | None:
        docs = tables.get("manifest")
        if not docs:
            return None
        raw = docs[0]
        files, library, audited = raw.get("account_files"), raw.get("library"), raw.get("audited")
        if (
            not isinstance(files, list)
            or not all(isinstance(f, str) for f in files)
            or not isinstance(library, bool)
            or not isinstance(audited, bool)
        ):
            raise DataError("err.corrupt_file", file=str(path), reason="manifest")
        return cls(tuple(files), library, audited)

    def to_dict(self) -> dict[str, Any]:
        return {"account_files": list(self.account_files), "library": self.library, "audited": self.audited}


@functools.lru_cache(maxsize=8192)  # a save names every account's file (a metro's 200: 2 ms)
def account_file_name(account_id: str) -> str:
    """An account's file is named by its slug."""
    from slugify import slugify  # only for writing, and for reading one account's file

    return slugify(account_id) + ".json"


def _gathered(found: AccountFile) -> None:
    """An account file's view with its week index worked out, before its records are kept."""
    from planner.domain.gathered import gather  # only when a file is parsed for the cache

    gather(found.view)


def _moment(stamp: str) -> dt.datetime | None:
    """A transaction's stamp (`YYYY-MM-DDTHH:MM`) as a time, when it is one."""
    try:
        return dt.datetime.strptime(stamp, "%Y-%m-%dT%H:%M")
    except ValueError:
        return None


class Inconsistent(DataError):
    """The files and the manifest disagree. Read without the lock this may be a save half-way
    through its renames; under the lock it is damage."""


@dataclass(frozen=True)
class Partial:
    """What `load_partial` read: a workspace of the team file, the library and some accounts, and
    the content digests of the team file, the library and every account file (by file name)."""

    ws: Workspace
    team: str | None
    library: str | None
    account_files: dict[str, str]
    files_of: dict[str, str]  # the file each account read into records came from, by account id


@dataclass(frozen=True)
class TeamFile:
    organization: Organization
    maps: dict[str, dict[str, Any]]
    manifest: Manifest | None


class WorkspaceStore:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._parsed: dict[Path, tuple[tuple[int, int, int, int], Any, str]] = {}
        # The digests of files only hashed (load_partial), by the stat signature they had then.
        self._hashed: dict[Path, tuple[tuple[int, int, int, int], str]] = {}
        self._snapshot: tuple[Signatures, Workspace, Manifest | None] | None = None
        self._digests: dict[str, str] = {}  # what the load under way read: each file's content digest
        self._files_of: dict[str, str] = {}  # and the file of each account it read, by account id
        self._holding = False  # inside this store's own transaction: the lock is ours already
        self._digest_memo: DigestMemo | None = None
        self.calendars = self.root / "calendars"
        self.assets = self.root / "assets"

    def is_workspace(self) -> bool:
        return self.calendars.is_dir()

    def create(self) -> None:
        """A new workspace: the folders, an empty team file with its manifest and an empty library."""
        make_dir(self.calendars)
        make_dir(self.assets)
        team = self.calendars / TEAM_FILE
        if not os.path.lexists(team):
            with locked(self.calendars):
                empty = Workspace()
                atomic_write_many(
                    {
                        self.assets / LIBRARY_FILE: render_tables(self._library_tables(empty)),
                        team: render_tables(self._team_tables(empty, Manifest(()))),
                    },
                    self.calendars / BACKUPS,
                )

    # Reading ---------------------------------------------------------------------------------

    @property
    def library_path(self) -> Path:
        return self.assets / LIBRARY_FILE

    def data_files(self) -> list[Path]:
        """Every file that holds records: the team file, the account files (those the manifest
        lists, and any other there is) and the library."""
        listed: list[Path] = []
        try:
            manifest = self._team_file().manifest
        except DataError:
            manifest = None
        if manifest is not None:
            listed = [self.calendars / name for name in manifest.account_files]
        accounts = sorted({*listed, *self.account_files()})
        library = self.library_path
        wanted = os.path.lexists(library) or manifest is None or manifest.library
        return [self.calendars / TEAM_FILE, *accounts, *([library] if wanted else [])]

    def verify_file(self, path: Path, like: Path | None = None) -> None:
        """Read one data file (or a backup of `like`) and every record in it; DataError if it is
        missing, empty, not a regular file, unreadable, not UTF-8, not JSON, of the wrong shape or
        holds a bad record."""
        name = (like or path).name
        tables = tables_of(self._bytes(path, required=True), path)
        if name == TEAM_FILE:
            self._team_records(tables, path)
            return
        if name == LIBRARY_FILE:
            kinds = {kind: kind for kind in _LIBRARY_KINDS}
        else:
            kinds = {"account": "accounts", "posts": "posts"}
            if len(tables.get("account", [])) != 1:
                raise DataError("err.corrupt_file", file=str(path), reason="not one account")
        for table, kind in kinds.items():
            entities(kind, tables.get(table, []), path)

    def account_files(self) -> list[Path]:
        """The account files present in calendars/ (whatever the manifest says)."""
        try:
            with os.scandir(self.calendars) as found:
                names = [e.name for e in found if e.name.endswith(".json") and not e.name.startswith(".")]
        except FileNotFoundError:
            return []
        names.sort()  # as their paths sort (one folder), without comparing paths
        return [self.calendars / n for n in names if n.removesuffix(".json") not in RESERVED_NAMES]

    @staticmethod
    def _bytes(path: Path, required: bool) -> bytes:
        """A data file's bytes, read safely (storage/files.read_regular); a missing or empty one is
        damage when the workspace must have it, else no records."""
        try:
            raw = read_regular(path, missing_ok=not required)
        except DataError as exc:
            if exc.key == "err.file_missing":
                raise DataError("err.corrupt_file", file=str(path), reason="missing") from None
            raise DataError("err.corrupt_file", file=str(path), reason=exc.render("en")) from None
        if raw is None:
            return b""
        if required and not raw.strip():
            raise DataError("err.corrupt_file", file=str(path), reason="empty")
        return raw

    def _read(
        self,
        path: Path,
        reading: str,
        parse: Callable[[Tables], T],
        required: bool = True,
        gather: Callable[[T], object] | None = None,
        kept: Callable[[str, str], Any | None] = parse_cache.kept,
    ) -> T:
        """A file's parsed records, read again whenever the file changed (its inode, size or
        change time moved: any write, replace or sync does that); unchanged files are not parsed
        twice in one process, and bytes parsed by an earlier run are not parsed again either
        (storage/parse_cache: `kept(digest, reading)` gives what an earlier run kept, or None).
        The records are frozen, so sharing them between loads is safe."""
        try:
            signature = stat_signature(path.stat())
        except FileNotFoundError:
            signature = None
        except OSError as exc:
            raise DataError("err.corrupt_file", file=str(path), reason=exc.strerror or str(exc)) from None
        cached = self._parsed.get(path)
        if signature is not None and cached is not None and cached[0] == signature:
            self._digests[str(path)] = cached[2]
            return cached[1]  # type: ignore[no-any-return]
        known = self._memo.digest(path, signature) if signature is not None else None
        if known is not None and signature is not None:  # unchanged since an earlier run hashed it
            records = kept(known, reading)
            if records is not None:
                self._digests[str(path)] = known
                self._parsed[path] = (signature, records, known)
                return records  # type: ignore[no-any-return]
        raw = self._bytes(path, required)
        found = content_digest(raw)
        self._digests[str(path)] = found
        if not raw:
            return parse({})
        parsed = parse_cache.parsed(raw, reading, lambda data: parse(tables_of(data, path)), found, gather)
        if signature is not None:
            self._parsed[path] = (signature, parsed, found)
            self._memo.note(path, signature, found)
        return parsed

    @property
    def _memo(self) -> DigestMemo:
        """The files' digests kept by earlier runs (storage/digest_memo), read when first needed."""
        if self._digest_memo is None:
            self._digest_memo = DigestMemo(self.root)
        return self._digest_memo

    def signature(self) -> Signatures:
        """Each data file's stat signature (storage/signature.workspace_signature)."""
        return workspace_signature(self.root)

    def load(self) -> Workspace:
        """The workspace as its files hold it now. While no file has changed (by their stat
        signatures, taken before reading) the last snapshot is the answer: snapshots never change.
        A save another process left half-done is finished first, under the lock; files that
        disagree with the manifest are read once more under the lock before they count as damage."""
        signatures = self.signature()
        if self._snapshot is not None and self._snapshot[0] == signatures:
            return self._snapshot[1]
        signatures, (ws, manifest) = self._read_fresh(signatures, self._load)
        self._snapshot = (signatures, ws, manifest)
        return ws

    def kept_digests(self, ws: Workspace) -> tuple[str | None, str | None, dict[str, str]] | None:
        """The content digests of the files the snapshot `ws` was read from, for what is kept by
        them between runs (storage/result_cache): the team file's and the library's ("" for no
        library file; None when this process cannot vouch for it, say the team file after a save
        wrote it), and each account's own file's, for the accounts whose records in `ws` are the
        very ones read from (or written as) bytes of that digest. None when `ws` is not this
        store's current snapshot."""
        if self._snapshot is None or self._snapshot[1] is not ws:
            return None
        signatures = self._snapshot[0]

        def vouched(path: Path) -> tuple[Any, ...] | None:
            """What this process read the file as, while it is the file the snapshot was read at."""
            cached = self._parsed.get(path)
            return cached if cached is not None and signatures.get(str(path)) == cached[0] else None

        def digest_of(path: Path) -> str | None:
            cached = vouched(path)
            return None if cached is None else str(cached[2])

        library = "" if str(self.library_path) not in signatures else digest_of(self.library_path)
        accounts: dict[str, str] = {}
        for account_id in ws.accounts:
            own = vouched(self.calendars / account_file_name(account_id))
            if own is not None and own[1].view is ws.posts_of(account_id):
                accounts[account_id] = str(own[2])
        return digest_of(self.calendars / TEAM_FILE), library, accounts

    def load_partial(self, account_files: Iterable[str]) -> Partial:
        """Part of the workspace, for work done one account at a time (services/checks.account_parts):
        the team file, the library and the account files named (`account_file_name`) read into
        records; every other account file only read and hashed. Damage is found as `load` finds it
        in every file it parses, and a missing, empty or unreadable file is damage whichever it is.
        Never kept as the snapshot `load` answers with: nothing is saved from, or shown of, a
        partial workspace."""
        wanted = set(account_files)
        _, (ws, _) = self._read_fresh(self.signature(), functools.partial(self._load, wanted))
        digests = self._digests
        team, library = (digests.get(str(f)) for f in (self.calendars / TEAM_FILE, self.library_path))
        calendars = str(self.calendars)
        accounts = {
            name: found
            for folder, name, found in ((*os.path.split(path), found) for path, found in digests.items())
            if folder == calendars and name != TEAM_FILE
        }
        return Partial(ws, team, library, accounts, dict(self._files_of))

    def _read_fresh(self, signatures: Signatures, read: Callable[[], T]) -> tuple[Signatures, T]:
        """`read()` of the files as they are now: a pending journal finished first, and a read that
        found files disagreeing with the manifest made once more under the lock."""
        if str(self.calendars / JOURNAL) in signatures and not self._holding:
            from planner.storage import journal  # only a writer's unfinished change needs it

            with locked(self.calendars):
                journal.recover(self.calendars, self.calendars / BACKUPS)
            signatures = self.signature()
        try:
            return signatures, read()
        except Inconsistent:
            if self._holding:
                raise
            with locked(self.calendars):  # a writer may have been between two renames
                return self.signature(), read()

    def manifest(self) -> Manifest | None:
        """The manifest of the last load."""
        return self._snapshot[2] if self._snapshot else None

    def _team_records(self, tables: Tables, path: Path) -> TeamFile:
        org_docs = tables.get("organization", [])
        organization = Organization.from_dict(org_docs[0]) if org_docs else Organization()
        maps = {kind: entities(kind, tables.get(kind, []), path) for kind in _TEAM_KINDS}
        return TeamFile(organization, maps, Manifest.from_tables(tables, path))

    def _team_file(self) -> TeamFile:
        path = self.calendars / TEAM_FILE
        return self._read(path, "team", functools.partial(self._team_records, path=path))

    def _load(self, only: set[str] | None = None) -> tuple[Workspace, Manifest | None]:
        """Every file read into records; with `only`, just the team file, the library (unless
        `only` is empty) and the account files named in it, the others read and hashed only
        (`load_partial`)."""
        self._digests, self._files_of = {}, {}
        team = self._team_file()
        manifest = team.manifest
        maps: dict[str, dict[str, Any]] = {kind: {} for kind in KINDS}
        maps.update({kind: dict(found) for kind, found in team.maps.items()})
        library_path = self.library_path
        required = manifest is not None and manifest.library
        library: dict[str, Mapping[str, Any]] = {}
        if only is not None and not only and os.path.lexists(library_path):  # no record of it is wanted
            self._digests[str(library_path)] = self._digest_of(library_path, required)
        else:
            library = self._library_maps(required)
        present = self.account_files()
        if manifest is not None:
            listed = set(manifest.account_files)
            for name in manifest.account_files:
                if not os.path.lexists(self.calendars / name):
                    raise Inconsistent("err.corrupt_file", file=str(self.calendars / name), reason="missing")
            for path in present:
                if path.name not in listed:
                    raise Inconsistent("err.unlisted_file", file=str(path))
        index: dict[str, Posts] = {}
        partitioned = True  # each file's posts under an account of it, no post id in two files
        for path in present:
            if only is not None and path.name not in only:
                self._digests[str(path)] = self._digest_of(path)
                continue
            found: AccountFile = self._read(
                path, "account", functools.partial(account_records, path=path), gather=_gathered
            )
            maps["accounts"].update(found.accounts)
            self._files_of.update(dict.fromkeys(found.accounts, path.name))
            before = len(maps["posts"])
            maps["posts"].update(found.posts)
            kept_whole = len(maps["posts"]) == before + len(found.posts)  # no id of an earlier file
            partitioned &= kept_whole and bool(found.accounts or not found.posts)
            index.update(dict.fromkeys(found.accounts, found.view))
        self._memo.keep()
        ws = Workspace(team.organization, **{**maps, **library})
        return ws.with_posts_by_account(index, partitioned), manifest

    def _library_records(self, tables: Tables) -> dict[str, dict[str, Any]]:
        return {kind: entities(kind, tables.get(kind, []), self.library_path) for kind in _LIBRARY_KINDS}

    def _library_maps(self, required: bool) -> dict[str, Mapping[str, Any]]:
        """The library's records by kind. When an earlier run kept them, they are unpickled only
        when first asked for (storage/later): an app start paints the week before anything looks
        at an asset, and they were a quarter of what it read."""
        found: Any = self._read(
            self.library_path, "library", self._library_records, required=required, kept=self._library_kept
        )
        if isinstance(found, Later):
            return {kind: LaterMap(found, kind) for kind in _LIBRARY_KINDS}
        return {kind: dict(records) for kind, records in found.items()}

    def _library_kept(self, known: str, reading: str) -> Later | None:
        """What an earlier run kept of the library's bytes `known`, its seal checked now and its
        records still to be unpickled (`_read` keeps it as this process's records of the file)."""
        return parse_cache.kept_later(known, reading, functools.partial(self._library_again, known))

    def _library_again(self, known: str) -> dict[str, dict[str, Any]]:
        """The library's records from its bytes, for a kept payload that would not unpickle: the
        bytes must still be those the payload was kept of (`known`), or the snapshot would mix two
        versions of the library."""
        path = self.library_path
        raw = self._bytes(path, required=True)
        if content_digest(raw) != known:
            raise DataError("err.corrupt_file", file=str(path), reason="changed while it was read")
        return self._library_records(tables_of(raw, path))

    def _digest_of(self, path: Path, required: bool = True) -> str:
        """A data file's content digest, without parsing it (as this process last read it, while
        its stat signature has not moved); a missing, empty or unreadable file is damage."""
        try:
            signature = stat_signature(path.stat())
        except OSError as exc:
            raise DataError("err.corrupt_file", file=str(path), reason=exc.strerror or str(exc)) from None
        cached = self._parsed.get(path)
        if cached is not None and cached[0] == signature:
            return str(cached[2])
        hashed = self._hashed.get(path)
        if hashed is not None and hashed[0] == signature:
            return hashed[1]
        found = self._memo.digest(path, signature)
        if found is None:
            found = content_digest(self._bytes(path, required))
            self._memo.note(path, signature, found)
        self._hashed[path] = (signature, found)
        return found

    def _remember(self, path: Path, parsed: Any, data: bytes) -> None:
        """What a file just written by us (`data`) holds, so the next load need not parse it again."""
        self._parsed[path] = (stat_signature(path.stat()), parsed, content_digest(data))

    # Writing ---------------------------------------------------------------------------------

    @staticmethod
    def _team_tables(ws: Workspace, manifest: Manifest) -> Tables:
        tables: Tables = {"organization": [ws.organization.to_dict()]}
        for kind in _TEAM_KINDS:
            tables[kind] = [e.to_dict() for e in getattr(ws, kind).values()]
        tables["manifest"] = [manifest.to_dict()]
        return tables

    @staticmethod
    def _library_tables(ws: Workspace) -> Tables:
        return {kind: [e.to_dict() for e in getattr(ws, kind).values()] for kind in _LIBRARY_KINDS}

    @staticmethod
    def _account_tables(ws: Workspace, account_id: str) -> Tables:
        posts = [p.to_dict() for p in ws.posts_of(account_id)]
        return {"account": [ws.accounts[account_id].to_dict()], "posts": posts}

    @staticmethod
    def _manifest_of(ws: Workspace) -> Manifest:
        return Manifest(tuple(sorted(account_file_name(a) for a in ws.accounts)), True, True)

    def _stored_docs(self, account_id: str, cached: tuple[Any, ...] | None) -> dict[str, dict[str, Any]]:
        """The documents of an account file as it was parsed (read once more on its first save in
        this process: keeping every file's documents from the first read made a `check` 5% slower)."""
        path = self.calendars / account_file_name(account_id)
        try:
            if cached is None or stat_signature(path.stat()) != cached[0]:
                return {}
            return {str(doc.get("id")): doc for doc in read_tables(path).get("posts", [])}
        except (OSError, DataError):
            return {}

    @contextlib.contextmanager
    def transaction(self, user: str, clock: Callable[[Workspace], str]) -> Iterator[Unit]:
        """Read fresh under the lock, let the caller change it, then write what changed with its
        audit lines (stamped by `clock` in the organization's time) through the journal. If the
        body raises, or the audit log cannot take the lines, nothing is written."""
        from planner.storage import journal  # a reading command imports neither it nor the audit log

        with locked(self.calendars):
            self._holding = True
            try:
                journal.recover(self.calendars, self.calendars / BACKUPS)
                self._clean_leftovers()
                base = self.load()
                unit = Unit(base, saved_at=_moment(clock(base)))
                yield unit
                if unit.changes:
                    final = unit.committed()
                    self._write(unit, final, user, clock(final))
            finally:
                self._holding = False

    def seed(self, parsed: dict[str, Any], stamp: str = "") -> None:
        """Write a whole generated workspace at once (benchmarks): every file in one commit and
        one audit line that says so, instead of a line per record."""
        with locked(self.calendars):
            organization = parsed.get("organization") or Organization()
            maps = {
                kind: {e.id: replace(e, revision=max(1, e.revision)) for e in parsed.get(kind, [])}
                for kind in KINDS
            }
            ws = Workspace(organization, **maps)
            contents = {self.library_path: render_tables(self._library_tables(ws))}
            for account_id in ws.accounts:
                contents[self.calendars / account_file_name(account_id)] = render_tables(
                    self._account_tables(ws, account_id)
                )
            contents[self.calendars / TEAM_FILE] = render_tables(self._team_tables(ws, self._manifest_of(ws)))
            counts = {kind: len(maps[kind]) for kind in KINDS}
            from planner.storage import audit

            self._commit(contents, "generator", stamp, [audit.Change("workspace", "", "seed", None, counts)])

    def _commit(
        self, contents: dict[Path, bytes], user: str, stamp: str, changes: list[audit.Change]
    ) -> None:
        """Write `contents` and the audit lines of `changes` together (storage/journal), or refuse
        before anything is written when the log cannot take them or does not end at its head."""
        from planner.storage import audit, journal

        manifest = self.manifest()
        start = audit.tail(self.calendars, expect_log=manifest is not None and manifest.audited)
        audit.check_writable(self.calendars)
        lines, end = audit.lines_for(start, user, stamp, changes)
        journal.commit(self.calendars, contents, self.calendars / BACKUPS, start, lines, end)

    def _clean_leftovers(self) -> None:
        """Temporary files of data files that a killed writer left behind; only writers holding
        the lock make them, so under the lock (and with no journal pending) none is in use."""
        for folder, prefix in ((self.calendars, "."), (self.assets, f".{LIBRARY_FILE}.")):
            with contextlib.suppress(OSError), os.scandir(folder) as entries:
                leftovers = [e.path for e in entries if e.name.startswith(prefix) and e.name.endswith(".tmp")]
            for leftover in leftovers:
                with contextlib.suppress(OSError):
                    os.unlink(leftover)

    def _write(self, unit: Unit, ws: Workspace, user: str, stamp: str) -> None:
        """The changed files (account files first, the team file last: a reader between two
        renames sees an account file before the manifest names it), committed with the audit."""
        contents: dict[Path, bytes] = {}
        kinds = {change.entity for change in unit.changes}
        if kinds & set(_LIBRARY_KINDS):
            contents[self.library_path] = render_tables(self._library_tables(ws))
        touched: dict[str, dict[str, None]] = defaultdict(dict)  # account: its changed posts, in order
        for change in unit.changes:
            if change.entity == "accounts":
                touched[change.id]
            elif change.entity == "posts":
                for state in (change.before, change.after):
                    if state:
                        touched[state["account"]][change.id] = None
        written: dict[Path, AccountFile] = {}
        for account_id, changed in touched.items():
            if account_id in ws.accounts:
                path = self.calendars / account_file_name(account_id)
                cached = self._parsed.get(path)
                before = cached[1] if cached and cached[1].view is unit.base.posts_of(account_id) else None
                found = written[path] = changed_account_file(
                    ws.accounts[account_id],
                    unit.base.posts_of(account_id),
                    unit.maps["posts"],
                    changed,
                    before,
                    functools.partial(self._stored_docs, account_id, cached),
                )
                account = encode_json(ws.accounts[account_id].to_dict())
                contents[path] = render_encoded({"account": [account], "posts": list(found.encoded.values())})
        manifest = self._manifest_of(ws)
        if kinds & {"organization", *_TEAM_KINDS} or self.manifest() != manifest:
            contents[self.calendars / TEAM_FILE] = render_tables(self._team_tables(ws, manifest))
        self._commit(contents, user, stamp, unit.changes)
        for path, parsed in written.items():
            self._remember(path, parsed, contents[path])
        self._keep_snapshot(contents, unit, ws, written, manifest)

    def _keep_snapshot(
        self,
        contents: dict[Path, bytes],
        unit: Unit,
        ws: Workspace,
        written: dict[Path, AccountFile],
        manifest: Manifest,
    ) -> None:
        """The committed workspace as the next load's answer: the signatures the base was read
        at, with the written files' new ones. A file someone else changed since then still differs
        from its old signature, so the next load reads it."""
        if self._snapshot is None or self._snapshot[1] is not unit.base:
            return
        signatures = dict(self._snapshot[0])
        for path in contents:
            signatures[str(path)] = stat_signature(path.stat())
        signatures.pop(str(self.calendars / JOURNAL), None)
        index = dict(unit.base.posts_by_account)
        for found in written.values():
            index.update(dict.fromkeys(found.accounts, found.view))
        partitioned = unit.base.partitioned  # the files written hold their accounts' posts
        self._snapshot = (signatures, ws.with_posts_by_account(index, partitioned), manifest)
