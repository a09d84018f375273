"""The workspace on disk: a team file and one TinyDB file per account in calendars/, the media
library in assets/. Loads snapshots; writes whole transactions under the lock, then audits them."""

from __future__ import annotations

import contextlib
import functools
import os
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

from planner.domain.errors import Conflict, DataError
from planner.domain.fields import control_field
from planner.domain.model import (
    Absence,
    Account,
    Asset,
    Campaign,
    Consent,
    Entity,
    Organization,
    Person,
    Post,
)
from planner.domain.workspace import Posts, Workspace
from planner.storage import audit, parse_cache
from planner.storage.files import BACKUPS, atomic_write_many, encode_json, locked, make_dir, stat_signature
from planner.storage.tinystore import Tables, read_tables, render_encoded, render_tables, tables_of

T = TypeVar("T", bound=Any)  # a record: id, revision, to_dict()
Signatures = dict[str, tuple[int, int, int, int]]  # by the file's path

TEAM_FILE = "team.json"
LIBRARY_FILE = "library.json"
RESERVED_NAMES = frozenset({"team", "audit", "library"})
KINDS = ("people", "accounts", "absences", "campaigns", "assets", "consents", "posts")
_TEAM_KINDS = ("people", "absences", "campaigns")
_LIBRARY_KINDS = ("assets", "consents")


# Fields that name people in photos: the immutable audit log refers to them by pseudonym, so a
# consent record can be erased (the right to erasure) without breaking the hash chain.
PERSONAL_FIELDS = {"consents": ("subject", "guardian")}


def for_log(kind: str, doc: dict[str, Any] | None) -> dict[str, Any] | None:
    """A record as the audit log keeps it: personal fields replaced by stand-ins."""
    if doc is None or kind not in PERSONAL_FIELDS:
        return doc
    kept = dict(doc)
    for name in PERSONAL_FIELDS[kind]:
        if kept.get(name):
            kept[name] = f"{name}-{doc.get('id', '')}"
    return kept


@dataclass(frozen=True)
class AccountFile:
    """What one account file holds: its account, its posts (also as a view, the workspace's
    per-account index), and each post's stored document and, once written by this process, the
    document's JSON: a save that changes one post writes the others back as they are."""

    accounts: dict[str, Account]
    posts: dict[str, Post]
    view: Posts
    docs: dict[str, dict[str, Any]]
    encoded: dict[str, str] = field(default_factory=dict)


def _account_records(tables: Tables, path: Path) -> AccountFile:
    posts = _entities("posts", tables.get("posts", []), path)
    accounts = _entities("accounts", tables.get("account", []), path)
    return AccountFile(accounts, posts, Posts(posts.values()), {})  # documents read again to save


def _edited_in_place(
    before: AccountFile, changed: Iterable[str], stored: Mapping[str, Post], account: str
) -> bool:
    """Every changed post was in the file, is still there, and every other post's JSON is kept:
    the file is the one before with those posts replaced, in their places."""
    return len(before.encoded) == len(before.posts) and all(
        post_id in before.posts and post_id in stored and stored[post_id].account == account
        for post_id in changed
    )


def account_file_name(account_id: str) -> str:
    """An account's file is named by its slug."""
    from slugify import slugify  # only for writing, and for reading one account's file

    return slugify(account_id) + ".json"


def _parse(kind: str, doc: dict[str, Any]) -> Entity:
    parsers: dict[str, Callable[[dict[str, Any]], Entity]] = {
        "people": Person.from_dict,
        "accounts": Account.from_dict,
        "absences": Absence.from_dict,
        "campaigns": Campaign.from_dict,
        "assets": Asset.from_dict,
        "consents": Consent.from_dict,
        "posts": Post.from_dict,
    }
    return parsers[kind](doc)


def _entities(kind: str, docs: list[dict[str, Any]], path: Path) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for index, doc in enumerate(docs):
        try:
            entity = _parse(kind, doc)
        except DataError as exc:
            raise DataError("err.corrupt_file", file=str(path), reason=exc.render("en")).at(
                f"{kind}[{index}]"
            ) from exc
        found[entity.id] = entity  # type: ignore[attr-defined]
    return found


@dataclass
class Unit:
    """The changes of one transaction, applied to a fresh snapshot read under the lock. A kind of
    record is copied from the snapshot only when the transaction first changes one (a metro
    workspace has 60,000 posts; a save changes one)."""

    base: Workspace
    organization: Organization | None = None
    maps: dict[str, Mapping[str, Any]] = field(default_factory=dict)
    changes: list[audit.Change] = field(default_factory=list)
    _copied: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.maps = {kind: getattr(self.base, kind) for kind in KINDS}

    def _writable(self, kind: str) -> dict[str, Any]:
        if kind not in self._copied:
            self.maps[kind] = dict(self.maps[kind])
            self._copied.add(kind)
        return self.maps[kind]  # type: ignore[return-value]

    @property
    def ws(self) -> Workspace:
        """The workspace as it will be when the transaction commits (as it stands now)."""
        org = self.organization or self.base.organization
        return Workspace(org, **{k: dict(v) if k in self._copied else v for k, v in self.maps.items()})

    def committed(self) -> Workspace:
        """The workspace this transaction commits; the unit takes no change after this."""
        return Workspace(self.organization or self.base.organization, **self.maps)

    def expect(self, kind: str, entity_id: str, revision: int | None) -> None:
        """Refuse with a conflict when the record is no longer at `revision` (None: no check)."""
        current = self.maps[kind].get(entity_id)
        if revision is not None and current is not None and current.revision != revision:
            raise Conflict(kind, entity_id, revision, current, current.revision)

    def put(self, kind: str, entity: T, action: str | None = None) -> T:
        """Store `entity`, one revision on from the stored one (a new record starts at 1); the
        stored record is returned."""
        before = self.maps[kind].get(entity.id)
        entity = replace(entity, revision=before.revision + 1 if before else max(1, entity.revision))
        after = entity.to_dict()
        bad = control_field(after)
        if bad:  # the last gate: no terminal escape reaches a file, whatever path it came by
            raise DataError("err.control_chars", field=bad)
        self._writable(kind)[entity.id] = entity
        self.changes.append(audit.Change(
            kind, entity.id, action or ("update" if before else "create"),
            for_log(kind, before.to_dict() if before else None), for_log(kind, after),
        ))  # fmt: skip
        return entity

    def remove(self, kind: str, entity_id: str, action: str = "delete") -> None:
        before = self._writable(kind).pop(entity_id)
        self.changes.append(audit.Change(kind, entity_id, action, for_log(kind, before.to_dict()), None))

    def set_organization(self, organization: Organization) -> None:
        before = self.organization or self.base.organization
        self.organization = organization
        self.changes.append(
            audit.Change("organization", "", "update", before.to_dict(), organization.to_dict())
        )


class WorkspaceStore:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._parsed: dict[Path, tuple[tuple[int, int, int, int], Any]] = {}
        self._snapshot: tuple[Signatures, Workspace] | None = None
        self.calendars = self.root / "calendars"
        self.assets = self.root / "assets"

    def is_workspace(self) -> bool:
        return self.calendars.is_dir()

    def create(self) -> None:
        make_dir(self.calendars)
        make_dir(self.assets)
        team = self.calendars / TEAM_FILE
        if not team.exists():
            with locked(self.calendars):
                atomic_write_many({team: render_tables(self._team_tables(Workspace()))})

    # Reading ---------------------------------------------------------------------------------

    def data_files(self) -> list[Path]:
        """Every file that holds records: the team file, the account files and the library."""
        library = self.assets / LIBRARY_FILE
        return [self.calendars / TEAM_FILE, *self.account_files(), *([library] if library.exists() else [])]

    def verify_file(self, path: Path, like: Path | None = None) -> None:
        """Read one data file (or a backup of `like`) and every record in it; DataError if any
        part is unreadable, not UTF-8, not JSON, of the wrong shape or holds a bad record."""
        name = (like or path).name
        if not path.exists():
            raise DataError("err.corrupt_file", file=str(path), reason="missing")
        tables = read_tables(path)
        if name == TEAM_FILE:
            kinds = {kind: kind for kind in _TEAM_KINDS}
            Organization.from_dict((tables.get("organization") or [{}])[0])
        elif name == LIBRARY_FILE:
            kinds = {kind: kind for kind in _LIBRARY_KINDS}
        else:
            kinds = {"account": "accounts", "posts": "posts"}
            if len(tables.get("account", [])) != 1:
                raise DataError("err.corrupt_file", file=str(path), reason="not one account")
        for table, kind in kinds.items():
            _entities(kind, tables.get(table, []), path)

    def account_files(self) -> list[Path]:
        return sorted(p for p in self.calendars.glob("*.json") if p.stem not in RESERVED_NAMES)

    def _read(self, path: Path, reading: str, parse: Callable[[Tables], T]) -> T:
        """A file's parsed records, read again whenever the file changed (its inode, size or
        change time moved: any write, replace or sync does that); unchanged files are not parsed
        twice in one process, and bytes parsed by an earlier run are not parsed again either
        (storage/parse_cache). The records are frozen, so sharing them between loads is safe."""
        try:
            stat = path.stat()
        except FileNotFoundError:
            return parse({})
        cached = self._parsed.get(path)
        if cached is not None and cached[0] == stat_signature(stat):
            return cached[1]  # type: ignore[no-any-return]
        try:
            raw = path.read_bytes()
        except FileNotFoundError:  # removed since the stat
            return parse({})
        parsed = parse_cache.parsed(raw, reading, lambda data: parse(tables_of(data, path)))
        self._parsed[path] = (stat_signature(stat), parsed)
        return parsed

    def signature(self) -> Signatures:
        """Each data file's stat signature: it changes when anyone saves, here or in another
        terminal, or when a sync tool replaces or rewrites a file (inode, size, modification or
        change time). One directory scan: a metro workspace has 200 account files, and every save
        and the app's watch ask."""
        found: Signatures = {}
        with contextlib.suppress(FileNotFoundError), os.scandir(self.calendars) as entries:
            for entry in entries:
                if entry.name.endswith(".json") and not entry.name.startswith("."):
                    try:
                        found[entry.path] = stat_signature(entry.stat())
                    except FileNotFoundError:  # removed while we looked
                        continue
        with contextlib.suppress(FileNotFoundError):
            library = str(self.assets / LIBRARY_FILE)
            found[library] = stat_signature(os.stat(library))
        return found

    def load(self) -> Workspace:
        """The workspace as its files hold it now. While no file has changed (by their stat
        signatures, taken before reading) the last snapshot is the answer: snapshots never change."""
        signatures = self.signature()
        if self._snapshot is not None and self._snapshot[0] == signatures:
            return self._snapshot[1]
        ws = self._load()
        self._snapshot = (signatures, ws)
        return ws

    def _load(self) -> Workspace:
        team_path = self.calendars / TEAM_FILE

        def team_records(team: Tables) -> tuple[Organization, dict[str, dict[str, Any]]]:
            org_docs = team.get("organization", [])
            organization = Organization.from_dict(org_docs[0]) if org_docs else Organization()
            return organization, {
                kind: _entities(kind, team.get(kind, []), team_path) for kind in _TEAM_KINDS
            }

        organization, team_maps = self._read(team_path, "team", team_records)
        maps: dict[str, dict[str, Any]] = {kind: {} for kind in KINDS}
        maps.update({kind: dict(found) for kind, found in team_maps.items()})
        library_path = self.assets / LIBRARY_FILE
        library = self._read(library_path, "library", lambda tables: {
            kind: _entities(kind, tables.get(kind, []), library_path) for kind in _LIBRARY_KINDS
        })  # fmt: skip
        maps.update({kind: dict(found) for kind, found in library.items()})
        index: dict[str, Posts] = {}
        for path in self.account_files():
            found: AccountFile = self._read(path, "account", functools.partial(_account_records, path=path))
            maps["accounts"].update(found.accounts)
            maps["posts"].update(found.posts)
            index.update(dict.fromkeys(found.accounts, found.view))
        return Workspace(organization, **maps).with_posts_by_account(index)

    def _remember(self, path: Path, parsed: Any) -> None:
        """What a file just written by us holds, so the next load need not parse it again."""
        self._parsed[path] = (stat_signature(path.stat()), parsed)

    # Writing ---------------------------------------------------------------------------------

    @staticmethod
    def _team_tables(ws: Workspace) -> Tables:
        tables: Tables = {"organization": [ws.organization.to_dict()]}
        for kind in _TEAM_KINDS:
            tables[kind] = [e.to_dict() for e in getattr(ws, kind).values()]
        return tables

    @staticmethod
    def _library_tables(ws: Workspace) -> Tables:
        return {kind: [e.to_dict() for e in getattr(ws, kind).values()] for kind in _LIBRARY_KINDS}

    @staticmethod
    def _account_tables(ws: Workspace, account_id: str) -> Tables:
        posts = [p.to_dict() for p in ws.posts_of(account_id)]
        return {"account": [ws.accounts[account_id].to_dict()], "posts": posts}

    def _changed_account_file(
        self, ws: Workspace, account_id: str, unit: Unit, changed: dict[str, None]
    ) -> AccountFile:
        """An account file after `unit`, which changed the posts `changed` in it (or moved them
        in or out): the base's posts of the account and those, without going through every post
        of the workspace. A post the unit did not touch keeps the document (and JSON) its file
        holds: its parsed record is that document."""
        cached = self._parsed.get(self.calendars / account_file_name(account_id))
        before = cached[1] if cached and cached[1].view is unit.base.posts_of(account_id) else None
        stored = unit.maps["posts"]
        accounts = {account_id: ws.accounts[account_id]}
        if before is not None and _edited_in_place(before, changed, stored, account_id):
            posts, docs = dict(before.posts), dict(before.docs)
            encoded = before.encoded.copy()
            for post_id in changed:
                posts[post_id] = stored[post_id]
                docs[post_id] = stored[post_id].to_dict()
                encoded[post_id] = encode_json(docs[post_id])
            return AccountFile(accounts, posts, Posts(posts.values()), docs, encoded)
        ids = [p.id for p in unit.base.posts_of(account_id)]
        listed = set(ids)
        ids += [post_id for post_id in changed if post_id not in listed]
        on_disk = before.docs if before and before.docs else self._stored_docs(account_id, cached)
        posts, docs, encoded = {}, {}, {}
        for post_id in ids:
            post = stored.get(post_id)
            if post is None or post.account != account_id:
                continue
            posts[post_id] = post
            kept = on_disk.get(post_id) if post_id not in changed else None
            docs[post_id] = kept if kept is not None else post.to_dict()
            json = before.encoded.get(post_id) if kept is not None and before else None
            encoded[post_id] = json if json is not None else encode_json(docs[post_id])
        return AccountFile(accounts, posts, Posts(posts.values()), docs, encoded)

    def _stored_docs(self, account_id: str, cached: tuple[Any, Any] | None) -> dict[str, dict[str, Any]]:
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
        """Read fresh under the lock, let the caller change it, write what changed, audit it
        (stamped by `clock` in the organization's time). If the body raises, nothing is written."""
        with locked(self.calendars):
            self._clean_leftovers()
            unit = Unit(self.load())
            yield unit
            if unit.changes:
                final = unit.committed()
                self._write(unit, final)
                audit.append(self.calendars, user, clock(final), unit.changes)

    def seed(self, parsed: dict[str, Any], stamp: str = "") -> None:
        """Write a whole generated workspace at once (benchmarks): every file in one commit and
        one audit line that says so, instead of a line per record."""
        with locked(self.calendars):
            organization = parsed.get("organization") or Organization()
            maps = {kind: {e.id: replace(e, revision=max(1, e.revision)) for e in parsed.get(kind, [])}
                    for kind in KINDS}  # fmt: skip
            ws = Workspace(organization, **maps)
            contents = {
                self.calendars / TEAM_FILE: render_tables(self._team_tables(ws)),
                self.assets / LIBRARY_FILE: render_tables(self._library_tables(ws)),
            }
            for account_id in ws.accounts:
                contents[self.calendars / account_file_name(account_id)] = render_tables(
                    self._account_tables(ws, account_id)
                )
            atomic_write_many(contents, self.calendars / BACKUPS)
            counts = {kind: len(maps[kind]) for kind in KINDS}
            audit.append(
                self.calendars, "generator", stamp, [audit.Change("workspace", "", "seed", None, counts)]
            )

    def _clean_leftovers(self) -> None:
        """Temporary files of data files that a killed writer left behind; only writers holding
        the lock make them, so under the lock none is in use."""
        for folder, prefix in ((self.calendars, "."), (self.assets, f".{LIBRARY_FILE}.")):
            with contextlib.suppress(OSError), os.scandir(folder) as entries:
                leftovers = [e.path for e in entries if e.name.startswith(prefix) and e.name.endswith(".tmp")]
            for leftover in leftovers:
                with contextlib.suppress(OSError):
                    os.unlink(leftover)

    def _write(self, unit: Unit, ws: Workspace) -> None:
        contents: dict[Path, bytes] = {}
        kinds = {change.entity for change in unit.changes}
        if kinds & {"organization", *_TEAM_KINDS}:
            contents[self.calendars / TEAM_FILE] = render_tables(self._team_tables(ws))
        if kinds & set(_LIBRARY_KINDS):
            contents[self.assets / LIBRARY_FILE] = render_tables(self._library_tables(ws))
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
                found = written[path] = self._changed_account_file(ws, account_id, unit, changed)
                account = encode_json(ws.accounts[account_id].to_dict())
                contents[path] = render_encoded({"account": [account], "posts": list(found.encoded.values())})
        atomic_write_many(contents, self.calendars / BACKUPS)
        for path, parsed in written.items():
            self._remember(path, parsed)
        self._keep_snapshot(contents, unit, ws, written)

    def _keep_snapshot(
        self, contents: dict[Path, bytes], unit: Unit, ws: Workspace, written: dict[Path, AccountFile]
    ) -> None:
        """The committed workspace as the next load's answer: the signatures the base was read
        at, with the written files' new ones. A file someone else changed since then still differs
        from its old signature, so the next load reads it."""
        if self._snapshot is None or self._snapshot[1] is not unit.base:
            return
        signatures = dict(self._snapshot[0])
        for path in contents:
            signatures[str(path)] = stat_signature(path.stat())
        index = dict(unit.base.posts_by_account)
        for found in written.values():
            index.update(dict.fromkeys(found.accounts, found.view))
        self._snapshot = (signatures, ws.with_posts_by_account(index))
