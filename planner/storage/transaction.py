"""One transaction's changes (`Unit`), and the last gates every record passes on its way to a file:
no control character, no line break in a one-line field, no name of a person in a photo in the log."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from planner.domain import incidents
from planner.domain.errors import Conflict, DataError
from planner.domain.fields import broken_line_field, control_field
from planner.domain.model import Organization
from planner.domain.workspace import Workspace
from planner.storage.audit import Change
from planner.storage.records import ACCOUNT_KINDS, KINDS

T = TypeVar("T", bound=Any)  # a record: id, revision, to_dict()


# The only fields whose text may run over several lines; every other text is one line.
MULTILINE_FIELDS = {
    "posts": ("text",),
    "assets": ("alt",),
    "feedback": ("text", "note"),
    "incidents": ("text",),
}

# Fields that name people in photos: the immutable audit log refers to them by pseudonym, so a
# consent record can be erased (the right to erasure) without breaking the hash chain.
PERSONAL_FIELDS = {"consents": ("subject", "guardian")}


def for_log(kind: str, doc: dict[str, Any] | None) -> dict[str, Any] | None:
    """A record as the audit log keeps it: personal fields replaced by stand-ins."""
    if doc is None:
        return doc
    if kind == "incidents":  # confidential: the log holds that it changed, never its words
        return incidents.for_log(doc)
    if kind not in PERSONAL_FIELDS:
        return doc
    kept = dict(doc)
    for name in PERSONAL_FIELDS[kind]:
        if kept.get(name):
            kept[name] = f"{name}-{doc.get('id', '')}"
    return kept


def gate(kind: str, doc: dict[str, Any]) -> None:
    """The last gate before a file: no terminal escape, whatever path the text came by, and no
    line break in a one-line field (a name, an id, a hashtag)."""
    bad = control_field(doc)
    if bad:
        raise DataError("err.control_chars", field=bad)
    broken = broken_line_field(doc, MULTILINE_FIELDS.get(kind, ()))
    if broken:
        raise DataError("err.line_break", field=broken)


@dataclass
class Unit:
    """The changes of one transaction, applied to a fresh snapshot read under the lock. A kind of
    record is copied from the snapshot when the transaction first changes one of it."""

    base: Workspace
    saved_at: dt.datetime | None = None  # the transaction's moment: a post's `modified_at`
    organization: Organization | None = None
    maps: dict[str, Mapping[str, Any]] = field(default_factory=dict)
    changes: list[Change] = field(default_factory=list)
    _copied: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.maps = {kind: getattr(self.base, kind) for kind in KINDS}

    def _writable(self, kind: str) -> MutableMapping[str, Any]:
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
        if kind == "posts" and self.saved_at is not None:
            entity = replace(entity, modified_at=self.saved_at)
        after = entity.to_dict()
        gate(kind, after)
        self._writable(kind)[entity.id] = entity
        self.changes.append(
            Change(
                kind,
                entity.id,
                action or ("update" if before else "create"),
                for_log(kind, before.to_dict() if before else None),
                for_log(kind, after),
            )
        )
        return entity

    def remove(self, kind: str, entity_id: str, action: str = "delete") -> None:
        before = self._writable(kind).pop(entity_id)
        self.changes.append(Change(kind, entity_id, action, for_log(kind, before.to_dict()), None))

    def set_organization(self, organization: Organization) -> None:
        after = organization.to_dict()
        gate("organization", after)
        before = self.organization or self.base.organization
        self.organization = organization
        self.changes.append(Change("organization", "", "update", before.to_dict(), after))

    def touched_accounts(self) -> dict[str, dict[str, dict[str, None]]]:
        """Each account whose file the transaction changes, with the ids of the records of its
        file it changed, by kind, in the order it changed them (a post moved between accounts
        changes both files)."""
        touched: dict[str, dict[str, dict[str, None]]] = {}
        for change in self.changes:
            if change.entity == "accounts":
                touched.setdefault(change.id, {})
            elif change.entity in ACCOUNT_KINDS:
                for state in (change.before, change.after):
                    if state:
                        kinds = touched.setdefault(str(state["account"]), {})
                        kinds.setdefault(change.entity, {})[change.id] = None
        return touched

    def moves(self, kind: str) -> bool:
        """Whether a record of an account file's `kind` leaves its place among the workspace's:
        moved to another account, or removed (and perhaps made anew, which puts it last)."""
        return any(
            c.entity == kind and c.before and (not c.after or c.before["account"] != c.after["account"])
            for c in self.changes
        )

    def touched_kinds(self) -> set[str]:
        return {change.entity for change in self.changes}
