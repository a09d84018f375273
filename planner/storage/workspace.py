"""The workspace on disk: a team file and one TinyDB file per account in calendars/, the media
library in assets/. Loads snapshots; writes whole transactions under the lock, then audits them."""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

from slugify import slugify

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
from planner.storage import audit
from planner.storage.files import BACKUPS, atomic_write_many, locked, make_dir, stat_signature
from planner.storage.tinystore import Tables, read_tables, render_tables

T = TypeVar("T", bound=Any)  # a record: id, revision, to_dict()

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


def _account_records(tables: Tables, path: Path) -> tuple[dict[str, Any], dict[str, Any], Posts]:
    """An account file's account, its posts, and the posts as a view (the workspace's index)."""
    accounts = _entities("accounts", tables.get("account", []), path)
    posts = _entities("posts", tables.get("posts", []), path)
    return accounts, posts, Posts(posts.values())


def account_file_name(account_id: str) -> str:
    """An account's file is named by its slug."""
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
    """The changes of one transaction, applied to a fresh snapshot read under the lock."""

    base: Workspace
    organization: Organization | None = None
    maps: dict[str, dict[str, Any]] = field(default_factory=dict)
    changes: list[audit.Change] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.maps = {kind: dict(getattr(self.base, kind)) for kind in KINDS}

    @property
    def ws(self) -> Workspace:
        """The workspace as it will be when the transaction commits."""
        org = self.organization or self.base.organization
        return Workspace(org, **{kind: dict(self.maps[kind]) for kind in KINDS})

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
        self.maps[kind][entity.id] = entity
        self.changes.append(audit.Change(
            kind, entity.id, action or ("update" if before else "create"),
            for_log(kind, before.to_dict() if before else None), for_log(kind, after),
        ))  # fmt: skip
        return entity

    def remove(self, kind: str, entity_id: str, action: str = "delete") -> None:
        before = self.maps[kind].pop(entity_id)
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

    def signature(self) -> tuple[tuple[str, int, int], ...]:
        """Each data file's name, modification time and size: it changes when anyone saves, here
        or in another terminal, or when a sync tool replaces a file."""
        found = []
        for path in [*self.calendars.glob("*.json"), self.assets / LIBRARY_FILE]:
            try:
                stat = path.stat()
            except OSError:
                continue
            found.append((path.name, stat.st_mtime_ns, stat.st_size))
        return tuple(sorted(found))

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

    def _read(self, path: Path, parse: Callable[[Tables], T]) -> T:
        """A file's parsed records, read again whenever the file changed (its inode, size or
        change time moved: any write, replace or sync does that); unchanged files are not parsed
        twice in one process. The records are frozen, so sharing them between loads is safe."""
        try:
            stat = path.stat()
        except FileNotFoundError:
            return parse({})
        cached = self._parsed.get(path)
        if cached is not None and cached[0] == stat_signature(stat):
            return cached[1]  # type: ignore[no-any-return]
        parsed = parse(read_tables(path))
        self._parsed[path] = (stat_signature(stat), parsed)
        return parsed

    def load(self) -> Workspace:
        team_path = self.calendars / TEAM_FILE

        def team_records(team: Tables) -> tuple[Organization, dict[str, dict[str, Any]]]:
            org_docs = team.get("organization", [])
            organization = Organization.from_dict(org_docs[0]) if org_docs else Organization()
            return organization, {
                kind: _entities(kind, team.get(kind, []), team_path) for kind in _TEAM_KINDS
            }

        organization, team_maps = self._read(team_path, team_records)
        maps: dict[str, dict[str, Any]] = {kind: {} for kind in KINDS}
        maps.update({kind: dict(found) for kind, found in team_maps.items()})
        library_path = self.assets / LIBRARY_FILE
        library = self._read(library_path, lambda tables: {
            kind: _entities(kind, tables.get(kind, []), library_path) for kind in _LIBRARY_KINDS
        })  # fmt: skip
        maps.update({kind: dict(found) for kind, found in library.items()})
        index: dict[str, Posts] = {}
        for path in self.account_files():
            accounts, posts, view = self._read(path, functools.partial(_account_records, path=path))
            maps["accounts"].update(accounts)
            maps["posts"].update(posts)
            index.update(dict.fromkeys(accounts, view))
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
    def _account_tables(ws: Workspace, account_id: str, unit: Unit | None = None) -> Tables:
        """An account file's tables; with `unit`, from the base's posts of the account and the
        posts the unit changed, without going through every post of the workspace."""
        if unit is None:
            posts = list(ws.posts_of(account_id))
        else:
            ids = [p.id for p in unit.base.posts_of(account_id)]
            ids += [c.id for c in unit.changes if c.entity == "posts" and c.id not in ids]
            stored = unit.maps["posts"]
            posts = [stored[i] for i in dict.fromkeys(ids) if i in stored and stored[i].account == account_id]
        return {"account": [ws.accounts[account_id].to_dict()], "posts": [p.to_dict() for p in posts]}

    @contextlib.contextmanager
    def transaction(self, user: str, clock: Callable[[Workspace], str]) -> Iterator[Unit]:
        """Read fresh under the lock, let the caller change it, write what changed, audit it
        (stamped by `clock` in the organization's time). If the body raises, nothing is written."""
        with locked(self.calendars):
            self._clean_leftovers()
            unit = Unit(self.load())
            yield unit
            if unit.changes:
                final = unit.ws
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
        for leftover in [*self.calendars.glob(".*.tmp"), *self.assets.glob(f".{LIBRARY_FILE}.*.tmp")]:
            with contextlib.suppress(OSError):
                leftover.unlink()

    def _write(self, unit: Unit, ws: Workspace) -> None:
        contents: dict[Path, bytes] = {}
        kinds = {change.entity for change in unit.changes}
        if kinds & {"organization", *_TEAM_KINDS}:
            contents[self.calendars / TEAM_FILE] = render_tables(self._team_tables(ws))
        if kinds & set(_LIBRARY_KINDS):
            contents[self.assets / LIBRARY_FILE] = render_tables(self._library_tables(ws))
        touched: set[str] = set()
        for change in unit.changes:
            if change.entity == "accounts":
                touched.add(change.id)
            elif change.entity == "posts":
                for state in (change.before, change.after):
                    if state:
                        touched.add(state["account"])
        written: dict[Path, Any] = {}
        for account_id in touched:
            if account_id in ws.accounts:
                path = self.calendars / account_file_name(account_id)
                tables = self._account_tables(ws, account_id, unit)
                contents[path] = render_tables(tables)
                posts = {doc["id"]: unit.maps["posts"][doc["id"]] for doc in tables["posts"]}
                written[path] = ({account_id: ws.accounts[account_id]}, posts, Posts(posts.values()))
        atomic_write_many(contents, self.calendars / BACKUPS)
        for path, parsed in written.items():
            self._remember(path, parsed)
