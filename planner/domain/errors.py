"""Errors the domain raises for bad input, carrying a catalogue key so they read in Finnish or English."""

from __future__ import annotations

import errno
import json
import re
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
        text = t(self.key, lang, **self._said_params(lang))
        return f"{self.where}: {text}" if self.where else text

    def said(self, name: str, lang: str) -> str:
        """One of the params as the message shows it in `lang` ("" when it has none)."""
        return str(self._said_params(lang).get(name, ""))

    def _said_params(self, lang: str) -> dict[str, object]:
        """The params as the message says them in `lang`: an error given as a param (why a file
        is damaged: the bad record in it) said in the same language."""
        params = {
            name: value.render(lang) if isinstance(value, PlannerError) else value
            for name, value in self.params.items()
        }
        return keyed(params, lang)

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
    errno.ENAMETOOLONG: "os.name_too_long",
    errno.EADDRINUSE: "os.address_in_use",
    errno.EADDRNOTAVAIL: "os.no_address",
    errno.ECONNREFUSED: "os.refused",
    errno.EHOSTUNREACH: "os.unreachable",
    errno.ENETUNREACH: "os.unreachable",
}


def system_reason(exc: OSError) -> dict[str, str]:
    """Why the system refused, as a message's `reason`: in the message's language when the cause
    is a common one (a missing file, no permission, a full disk …), else in the system's words."""
    # getaddrinfo's errors (socket.gaierror) are the only negative ones: a name that is not found
    key = "os.unknown_name" if (exc.errno or 0) < 0 else _SYSTEM_REASONS.get(exc.errno or 0)
    return {"reason_key": key} if key else {"reason": exc.strerror or str(exc)}


def text_reason(exc: ValueError) -> dict[str, str]:
    """Why a file's text could not be read as JSON or TOML, as a message's `reason` in its language:
    where the text breaks, that it ends too early (JSON), that it is no UTF-8, or a number too long
    to read. The parsers' own words are English and name their internals."""
    if isinstance(exc, UnicodeDecodeError):
        return {"reason_key": "reason.not_utf8", "byte": str(exc.start + 1)}
    if isinstance(exc, json.JSONDecodeError):
        # a string is unterminated only when the text ends inside it
        if exc.pos >= len(exc.doc.rstrip()) or exc.msg.startswith("Unterminated string"):
            return {"reason_key": "reason.ends_early"}
        return {"reason_key": "reason.error_at", "line": str(exc.lineno), "column": str(exc.colno)}
    # tomllib says where only in its text: "… (at line 3, column 7)" or "… (at end of document)"
    place = _PLACE.search(str(exc))
    if place is not None:
        return {"reason_key": "reason.error_at", "line": place[1], "column": place[2]}
    if "(at end of document)" in str(exc):  # a text cut short, or a key given twice
        return {"reason_key": "reason.error_at_end"}
    if "digits" in str(exc):  # the interpreter's limit on the digits of a number
        return {"reason_key": "reason.number_too_long"}
    return {"reason_key": "reason.not_readable_text"}


_PLACE = re.compile(r"\(at line (\d+), column (\d+)\)")
