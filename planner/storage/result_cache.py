"""Each account's post findings for the weeks the app shows first, kept between runs.

The first week the app checks in a process costs far more than any later one: at city scale 37 ms
of a 4 ms check go to compiling the link pattern (its 1,600 top-level domains) and reading the
emoji table, and the start waits for it. What that check found for each account's posts is kept
here and used by the next start while nothing it was made from has changed. The caller
(services/checks.kept_post_results) names all of it in the key, as an account's part of a `check`
answer is keyed (storage/part_cache): the content digests of the account's own file, the team
file and the library, the planner's code, the installed `holidays`, and the range. The entry
carries the clock window (from when it was made to the first moment time alone could change it:
`check.stable_for`) and the subtitle files its findings read, by path and stat signature.

The findings are pickled, so an entry is unpickled only when it carries this user's seal over its
bytes and its name (storage/cache_folder), like the parse cache's: one written by anyone else,
damaged or moved from another key is not believed, and the findings are worked out again.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import pickle
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from planner.storage.cache_folder import (
    code_stamp,
    digest,
    keep_newest,
    keep_sealed,
    unsealed,
    workspace_folder,
)
from planner.storage.check_cache import holds, window

FORMAT = 1  # bump when an entry's shape (or its key) changes
KEEP = 3000  # entries kept per workspace (a metro has 200 accounts); the least recently used go first


def folder_of(root: Path) -> Path | None:
    """Where the workspace at `root` keeps its entries in the user's cache folder (None: caches
    are off); asked once for every account of a check."""
    return workspace_folder("results", root)


def key_for(parts: Iterable[object]) -> str:
    """The key of an account's findings made from `parts` (digests, range), for this code."""
    return digest([FORMAT, code_stamp(), *parts])


def lookup(folder: Path, key: str, now: dt.datetime) -> dict[str, Any] | None:
    """The findings kept in `folder` (`folder_of`) under `key` (by post id), when `now` is within
    their clock window and the subtitle files they read are as they were; None otherwise."""
    entry = folder / f"{key}.kept"
    raw = unsealed(entry)
    if raw is None:
        return None
    head, newline, body = raw.partition(b"\n")
    try:
        kept = json.loads(head.decode("utf-8"))
        if not newline or not isinstance(kept, dict) or not holds(kept, now):
            return None
        found = pickle.loads(body)
    except Exception:  # noqa: BLE001 - a damaged entry (or another Python's): worked out again
        return None
    if not isinstance(found, dict):
        return None
    with contextlib.suppress(OSError):
        os.utime(entry, follow_symlinks=False)  # used now: the least recently used go first
    return found


def keep(
    folder: Path,
    key: str,
    found: Mapping[str, Any],
    made: dt.datetime,
    until: dt.datetime,
    subtitles: Iterable[Path],
) -> None:
    head = json.dumps(window(made, until, subtitles), ensure_ascii=False).encode("utf-8")
    keep_sealed(folder / f"{key}.kept", head + b"\n" + pickle.dumps(dict(found), pickle.HIGHEST_PROTOCOL))


def tidy(folder: Path) -> None:
    """At most `KEEP` entries stay: called once after a start that kept any."""
    keep_newest(folder, ".kept", KEEP)
