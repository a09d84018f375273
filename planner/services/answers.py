"""`check`'s answers kept between runs: looked up before anything of the workspace is read, so a
question asked again about unchanged files imports and reads only what its key needs (the data
files' stat signatures, the planner's code stamp, the installed `holidays`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import astuple, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from planner.services import Session, find_workspace, now_local
from planner.storage import check_cache
from planner.storage.holiday_cache import library_stamp
from planner.storage.signature import workspace_signature

if TYPE_CHECKING:
    from planner.storage.part_cache import Part
    from planner.storage.workspace import Partial


@dataclass(frozen=True)
class Question:
    """What a `check` was asked: its range as typed, account, format, language, and whether the
    answer goes to a terminal (JSON is indented there)."""

    start: str | None
    end: str | None
    account: str | None
    fmt: str
    lang: str
    terminal: bool


Produce = Callable[["Session", "Partial", dt.datetime], tuple[str, int, list["Part"]]]


def answered(data: str | None, user: str | None, question: Question, produce: Produce) -> tuple[str, int]:
    """The printed answer to `question` about the workspace at `data` (`--data`), and its exit
    code: kept from an earlier run while nothing it read has changed (storage/check_cache: the data
    files, the subtitle files, the planner's code and `holidays`, the clock up to the parts'
    `until`), else made by `produce(session, found, now)` from the accounts' parts
    (services/checks.account_parts) and kept."""
    root = find_workspace(data)
    key = check_cache.key_for(workspace_signature(root), (library_stamp(), *astuple(question)))
    kept = check_cache.lookup(root, key, now_local)
    if kept is not None:
        return kept.output, kept.code
    session = Session.open(data, user)
    found = session.store.load_partial(())  # the team file read, every other file only hashed
    ws = found.ws
    now = session.now(ws)
    output, code, parts = produce(session, found, now)
    midnight = dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time())
    check_cache.keep(
        root,
        key,
        check_cache.Answer(output, code),
        timezone=ws.organization.timezone,
        made=now,
        until=min((p.until for p in parts), default=midnight),
        subtitles=[Path(f) for p in parts for f in p.subtitles],
    )
    return output, code
