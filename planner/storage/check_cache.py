"""`planner check`'s answers kept between runs, so asking again about an unchanged workspace costs
about as much as reading its files.

A cached answer is the exact text `check` printed, with its exit code. It is used again only when
every input is as it was:
- each data file (the team file, the account files, `assets/library.json`): same inode, size,
  modification and change time, so any write, replace or sync misses;
- each subtitle file the check read (its real path and status);
- the planner's own code and data files (a new version, or an edited rule, misses);
- the question: range, account, format, language, and whether the output is a terminal;
- the clock: from the moment it was made until the first moment time alone could change the
  answer (`check.stable_until`: the next midnight, or a ready post's publish time passing).

Answers live in the user's cache folder (storage/cache_folder), never in the shared workspace:
another person's app watching the workspace sees no change, and an auditor writes nothing there.
Each is sealed under this user's key and its own name: an answer forged, or moved from another
question, is never printed.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from planner.storage.cache_folder import (
    code_stamp,
    digest,
    file_stamp,
    keep_newest,
    keep_sealed,
    unsealed,
    workspace_folder,
)
from planner.storage.files import dump_json

FORMAT = 3  # bump when an entry's shape (or its key) changes
KEEP = 8  # answers kept per workspace; the oldest go first

Signature = tuple[object, ...]


@dataclass(frozen=True)
class Answer:
    output: str
    code: int


def _folder(root: Path) -> Path | None:
    return workspace_folder("check", root)


def key_for(signature: Mapping[str, object], question: tuple[object, ...]) -> str:
    """The key of `question` about a workspace whose data files have this `signature` (the
    store's, `WorkspaceStore.signature`). Taken before the workspace is read: a write after this
    moment makes a key nobody will ask for again, so an answer is never kept under files newer
    than the ones it read."""
    return digest([FORMAT, code_stamp(), list(question), sorted(signature.items())])


def subtitle_signatures(files: Iterable[Path]) -> list[list[object]]:
    """The subtitle files a check read, each by its real path (a symlinked folder counts), in the
    shape they take in a kept answer (JSON lists)."""
    return [list(file_stamp(Path(os.path.realpath(f)))) for f in sorted(set(files))]


def window(made: dt.datetime, until: dt.datetime, subtitles: Iterable[Path]) -> dict[str, object]:
    """What a kept entry (an answer, or an account's part: storage/part_cache) carries to tell
    whether it still holds: its clock window and the subtitle files it read."""
    return {"made": made.isoformat(), "until": until.isoformat(), "subtitles": subtitle_signatures(subtitles)}


def holds(entry: dict[str, Any], now: dt.datetime) -> bool:
    """Whether a kept entry (`window`) still holds at `now`: within its clock window, and every
    subtitle file it read as it was. KeyError, ValueError or TypeError for a damaged entry."""
    made, until = (dt.datetime.fromisoformat(entry[k]) for k in ("made", "until"))
    if not made <= now < until:
        return False
    return bool(subtitle_signatures(Path(s[0]) for s in entry["subtitles"]) == entry["subtitles"])


def framed(entry: dict[str, object], field: str) -> bytes:
    """A kept entry's bytes: its fields but `field` as one JSON line, then `field`'s text as it is
    (UTF-8). The megabytes of an answer are neither escaped when kept nor unescaped when read
    (the JSON string round trip took longer than reading the entry's file)."""
    head = {name: value for name, value in entry.items() if name != field}
    return dump_json(head) + str(entry[field]).encode("utf-8")


def unframed(raw: bytes, field: str) -> dict[str, Any]:
    """The entry `framed` made, `field` and all. ValueError or TypeError for damage."""
    head, newline, text = raw.partition(b"\n")
    entry = json.loads(head.decode("utf-8"))
    if not newline or not isinstance(entry, dict) or field in entry:
        raise ValueError("not an entry")
    entry[field] = text.decode("utf-8")
    return entry


def lookup(root: Path, key: str, clock: Callable[[str], dt.datetime]) -> Answer | None:
    """The answer kept under `key`, if the clock (`clock(timezone)`, the organization's local
    time) and the subtitle files still allow it."""
    folder = _folder(root)
    if folder is None:
        return None
    raw = unsealed(folder / f"{key}.json", limit=64 * 1024 * 1024)  # this user's own answer, or none
    if raw is None:
        return None
    try:
        entry = unframed(raw, "output")
        if not holds(entry, clock(entry["timezone"])):
            return None
        return Answer(entry["output"], int(entry["code"]))
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        return None


def keep(
    root: Path,
    key: str,
    answer: Answer,
    *,
    timezone: str,
    made: dt.datetime,
    until: dt.datetime,
    subtitles: Iterable[Path],
) -> None:
    folder = _folder(root)
    if folder is None:
        return
    entry = {
        **window(made, until, subtitles),
        "timezone": timezone,
        "output": answer.output,
        "code": answer.code,
    }
    if keep_sealed(folder / f"{key}.json", framed(entry, "output")):
        keep_newest(folder, ".json", KEEP)
