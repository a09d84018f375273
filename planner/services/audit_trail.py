"""The audit log as a person reads it: whether its chain holds (a walk over every line, apart from
reading the newest ones to show), and its lines, newest first, each with what it changed. Anyone in
the team may read it (auditors above all): the log holds no incident's words and no photographed
person's name (storage/transaction.for_log)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from planner.services import Session
from planner.storage import audit
from planner.storage.audit import Verdict


@dataclass(frozen=True)
class Line:
    number: int  # in the file, from 1
    at: str
    user: str
    action: str
    entity: str
    id: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    whole: bool = True  # False: the line is no JSON object with these fields (torn or altered)

    def changed(self) -> list[tuple[str, Any, Any]]:
        """Each field that differs before and after (of a new record its fields, of a removed
        one what it held), in the record's order; its revision and save time are bookkeeping."""
        before, after = self.before or {}, self.after or {}
        names = [*after, *(name for name in before if name not in after)]
        return [
            (name, before.get(name), after.get(name))
            for name in names
            if name not in ("revision", "modified_at") and before.get(name) != after.get(name)
        ]


def _line(number: int, entry: dict[str, Any] | None) -> Line:
    fields = ("at", "user", "action", "entity", "id")
    if entry is None or not all(isinstance(entry.get(name), str) for name in fields):
        return Line(number, "", "", "", "", "", None, None, whole=False)
    before, after = entry.get("before"), entry.get("after")
    return Line(
        number,
        entry["at"],
        entry["user"],
        entry["action"],
        entry["entity"],
        entry["id"],
        before if isinstance(before, dict) else None,
        after if isinstance(after, dict) else None,
    )


def verify(session: Session) -> Verdict:
    store = session.store
    return audit.verify(store.calendars, expect_log=store.has_been_audited())


def read(session: Session, newest: int | None = None) -> tuple[list[Line], int]:
    """The newest `newest` lines (all when None), the newest first, and how many the log has; a
    log that cannot be read at all has none (its verdict says why)."""
    try:
        found, count = audit.read_lines(session.store.calendars, newest)
    except audit.AuditDamage:
        return [], 0
    return [_line(number, entry) for number, entry in reversed(found)], count
