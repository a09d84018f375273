"""The data files' records: the team file, an account file and the library read from their bytes
(TinyDB's layout, storage/tinystore) into records, and written back. A bad record is the file's
damage, named by its place."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from planner.domain.errors import DataError
from planner.domain.feedback import Feedback
from planner.domain.feeds import Feed, Mailing
from planner.domain.incidents import Incident
from planner.domain.model import (
    Absence,
    Account,
    Asset,
    Campaign,
    Consent,
    Entity,
    Hold,
    Organization,
    Person,
    Post,
)
from planner.domain.results import Figures, Goal
from planner.storage.tinystore import Tables, render_tables, tables_of

_PARSERS: dict[str, Callable[[dict[str, Any]], Entity]] = {
    "people": Person.from_dict,
    "accounts": Account.from_dict,
    "absences": Absence.from_dict,
    "campaigns": Campaign.from_dict,
    "holds": Hold.from_dict,
    "assets": Asset.from_dict,
    "consents": Consent.from_dict,
    "posts": Post.from_dict,
    "feedback": Feedback.from_dict,
    "incidents": Incident.from_dict,
    "goals": Goal.from_dict,
    "metrics": Figures.from_dict,
    "feeds": Feed.from_dict,
    "mailings": Mailing.from_dict,
}
TEAM_KINDS = ("people", "absences", "campaigns", "holds", "incidents", "goals", "feeds", "mailings")
LIBRARY_KINDS = ("assets", "consents")
ACCOUNT_KINDS = ("posts", "feedback", "metrics")  # kept in each account's own file
BESIDE_POSTS = ACCOUNT_KINDS[1:]  # an account's records other than its posts
# Every kind of record a workspace holds (the fields of a domain Workspace).
KINDS = ("people", "accounts", *TEAM_KINDS[1:], *LIBRARY_KINDS, *ACCOUNT_KINDS)


def doc_id(kind: str, doc: Mapping[str, Any]) -> str:
    """The id of a stored document's record: a post's figures go by their post's."""
    return str(doc.get("post" if kind == "metrics" else "id"))


def entities(kind: str, docs: Iterable[dict[str, Any]], path: Path) -> dict[str, Any]:
    """The records of one table by id; a bad one is the file's damage, named by its place."""
    parse = _PARSERS[kind]
    found: dict[str, Any] = {}
    for index, doc in enumerate(docs):
        try:
            entity = parse(doc)
        except DataError as exc:
            raise DataError("err.corrupt_file", file=str(path), reason=exc).at(f"{kind}[{index}]") from exc
        found[entity.id] = entity  # type: ignore[attr-defined]
    return found


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
            raise DataError("err.corrupt_file", file=str(path), reason_key="reason.manifest")
        return cls(tuple(files), library, audited)

    def to_dict(self) -> dict[str, Any]:
        return {"account_files": list(self.account_files), "library": self.library, "audited": self.audited}


@dataclass(frozen=True)
class TeamRecords:
    organization: Organization
    kinds: Mapping[str, Mapping[str, Any]]  # people, absences, campaigns and holds by id
    manifest: Manifest | None


@dataclass(frozen=True)
class AccountRecords:
    account: Account
    posts: Mapping[str, Post]
    others: Mapping[str, Mapping[str, Any]]  # its feedback and its posts' figures (BESIDE_POSTS), by id


LibraryRecords = Mapping[str, Mapping[str, Any]]  # assets and consents by id


def read_team(raw: bytes, path: Path) -> TeamRecords:
    tables = tables_of(raw, path)
    docs = tables.get("organization", [])
    try:
        organization = Organization.from_dict(docs[0]) if docs else Organization()
    except DataError as exc:
        raise DataError("err.corrupt_file", file=str(path), reason=exc).at("organization") from exc
    kinds = {kind: entities(kind, tables.get(kind, []), path) for kind in TEAM_KINDS}
    return TeamRecords(organization, kinds, Manifest.from_tables(tables, path))


def read_account(raw: bytes, path: Path, name: str = "") -> AccountRecords:
    """An account file: exactly one account, whose id is the file's name (`name`, when `path` is a
    backup of it): two files swapped, or one copied over another, would otherwise put one account's
    posts in another's place."""
    from planner.storage.folder import account_file_name

    tables = tables_of(raw, path)
    accounts = entities("accounts", tables.get("account", []), path)
    if len(accounts) != 1:
        raise DataError("err.corrupt_file", file=str(path), reason_key="reason.not_one_account")
    (account,) = accounts.values()
    if account_file_name(account.id) != (name or path.name):
        raise DataError(
            "err.corrupt_file", file=str(path), reason_key="reason.holds_account", account=account.id
        )
    posts = entities("posts", tables.get("posts", []), path)
    others = {kind: entities(kind, tables.get(kind, []), path) for kind in BESIDE_POSTS}
    return AccountRecords(account, posts, others)


def read_library(raw: bytes, path: Path) -> LibraryRecords:
    tables = tables_of(raw, path)
    return {kind: entities(kind, tables.get(kind, []), path) for kind in LIBRARY_KINDS}


def team_bytes(
    organization: Organization, kinds: Mapping[str, Mapping[str, Entity]], manifest: Manifest
) -> bytes:
    tables: Tables = {"organization": [organization.to_dict()]}
    for kind in TEAM_KINDS:
        tables[kind] = [e.to_dict() for e in kinds.get(kind, {}).values()]
    tables["manifest"] = [manifest.to_dict()]
    return render_tables(tables)


def library_bytes(kinds: Mapping[str, Mapping[str, Entity]]) -> bytes:
    return render_tables(
        {kind: [e.to_dict() for e in kinds.get(kind, {}).values()] for kind in LIBRARY_KINDS}
    )


def account_bytes(
    account: Account,
    posts: Iterable[Post],
    stored: Mapping[str, Mapping[str, dict[str, Any]]],
    others: Mapping[str, Mapping[str, Entity]] | None = None,
) -> bytes:
    """An account file holding `posts` and the account's other records (`others`: its feedback
    and its posts' figures); a record whose document is in `stored` (by kind and id: one the save
    left alone) is written as it was stored, so fields written by a newer planner stay."""
    kept = stored.get("posts", {})
    tables: Tables = {"account": [account.to_dict()], "posts": [kept.get(p.id) or p.to_dict() for p in posts]}
    for kind in BESIDE_POSTS:
        kept = stored.get(kind, {})
        items = [kept.get(item.id) or item.to_dict() for item in (others or {}).get(kind, {}).values()]  # type: ignore[attr-defined]
        if items:  # an account with none keeps the file it had before there were any
            tables[kind] = items
    return render_tables(tables)
