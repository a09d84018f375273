"""Errors the domain raises for bad input, carrying a catalogue key so they read in Finnish or English."""

from __future__ import annotations

import errno
from collections.abc import Mapping
from typing import TypeVar

from planner.i18n import keyed, t

T = TypeVar("T")


class PlannerError(Exception):
    """A problem to show the user as one line; `exit_code` is what the command line returns."""

    exit_code = 2

    def __init__(self, key: str, /, where: str = "", **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.where = where
        self.params = params

    def render(self, lang: str) -> str:
        text = t(self.key, lang, **keyed(self.params, lang))
        return f"{self.where}: {text}" if self.where else text

    def said(self, name: str, lang: str) -> str:
        """One of the params as the message shows it in `lang` ("" when it has none)."""
        return str(keyed(self.params, lang).get(name, ""))

    def at(self, where: str) -> PlannerError:
        """The same error, placed inside `where` (e.g. `posts[3] (p-0004)`)."""
        self.where = f"{where}: {self.where}" if self.where else where
        return self

    def __str__(self) -> str:
        return self.render("en")


class DataError(PlannerError):
    """Input that does not fit the domain: a bad date, an unknown id, a path leaving assets/."""


class Refused(PlannerError):
    """An action the rules or the roles do not allow (exit 1), nothing written."""

    exit_code = 1


class Conflict(Refused):
    """A save from an older revision: someone else changed the record meanwhile (exit 1). Nothing
    is written; `theirs` is the record as it now stands, for the user to compare and choose."""

    def __init__(self, kind: str, entity_id: str, mine: int, theirs: object, current: int) -> None:
        super().__init__("err.conflict", what_key=f"record.{kind}", id=entity_id, mine=mine, current=current)
        self.theirs = theirs


def known(table: Mapping[str, T], key: str, kind: str, field: str) -> T:
    """`table[key]`, or the one message for a reference to something that does not exist."""
    found = table.get(key)
    if found is None:
        raise unknown_ref(field, kind, key)
    return found


def unknown_ref(field: str, kind: str, value: object) -> DataError:
    """The one message for a reference to something that does not exist, its kind (`person`,
    `account`, …) said in the message's language."""
    return DataError("err.unknown_ref", field=field, kind_key=f"thing.{kind}", value=value)


# The causes a person can act on, said in the message's language (their English is the system's own).
_SYSTEM_REASONS = {
    errno.ENOENT: "os.missing",
    errno.EACCES: "os.denied",
    errno.EPERM: "os.denied",
    errno.ENOSPC: "os.full",
    errno.EDQUOT: "os.full",
    errno.EROFS: "os.read_only",
    errno.EISDIR: "os.folder",
    errno.ENOTDIR: "os.not_folder",
    errno.EADDRINUSE: "os.address_in_use",
    errno.EADDRNOTAVAIL: "os.no_address",
}


def system_reason(exc: OSError) -> dict[str, str]:
    """Why the system refused, as a message's `reason`: in the message's language when the cause
    is a common one (a missing file, no permission, a full disk …), else in the system's words."""
    key = _SYSTEM_REASONS.get(exc.errno or 0)
    return {"reason_key": key} if key else {"reason": exc.strerror or str(exc)}
