"""Each account's part of a `check` answer, kept between runs, so the first check after a save
judges the one account whose file changed, not all sixty.

A part is one account's share of the printed answer (its findings as the command prints them)
with its counts. It is used again only while everything it was made from is as it was; the caller
(services/checks) names all of it in the key:
- the content digests of the files the account's records come from: its own account file, the
  team file (people, absences, campaigns, holds, the organization) and the library (assets and
  consents), so any change to what the rules read is another key;
- the planner's own code (`cache_folder.code_stamp`) and the installed `holidays` package;
- the range, the account, and how the answer is printed (format, language, terminal);

and the entry itself carries the rest:
- the clock: from the moment it was made until the first moment time alone could change it
  (`check.stable_until` over the account's posts: the next midnight, or a ready post's time);
- the subtitle files its verdicts read, by real path and stat signature.

Parts live in the user's cache folder beside the whole answers (storage/check_cache), sealed under
this user's key and their own names: a part forged, or moved from another key, is never printed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from planner.storage.cache_folder import (
    code_stamp,
    digest,
    keep_newest,
    keep_sealed,
    unsealed,
    workspace_folder,
)
from planner.storage.check_cache import framed, holds, unframed, window

FORMAT = 3  # bump when an entry's shape (or its key) changes
KEEP = 3000  # parts kept per workspace (a metro has 200 accounts); the least recently used go first


@dataclass(frozen=True)
class Part:
    """One account's part of an answer: the text it adds, and what it counts."""

    text: str
    errors: int
    warnings: int
    blocking: int
    posts: int
    until: dt.datetime  # the first moment time alone could change it
    subtitles: tuple[str, ...] = ()  # the subtitle files its verdicts read (paths)
    account: str = ""  # whose part it is


def _folder(root: Path) -> Path | None:
    return workspace_folder("parts", root)


def key_for(parts: Iterable[object]) -> str:
    """The key of a part made from `parts` (digests, range, account, question), for this code."""
    return digest([FORMAT, code_stamp(), *parts])


def lookup(root: Path, key: str, now: dt.datetime) -> Part | None:
    """The part kept under `key`, when `now` is within its clock window and the subtitle files it
    read are as they were; None otherwise."""
    folder = _folder(root)
    if folder is None:
        return None
    entry = folder / f"{key}.json"
    raw = unsealed(entry, limit=64 * 1024 * 1024)
    if raw is None:
        return None
    try:
        kept = unframed(raw, "text")
        if not holds(kept, now):
            return None
        part = Part(
            str(kept["text"]),
            int(kept["errors"]),
            int(kept["warnings"]),
            int(kept["blocking"]),
            int(kept["posts"]),
            until=dt.datetime.fromisoformat(kept["until"]),
            subtitles=tuple(str(s[0]) for s in kept["subtitles"]),
            account=str(kept["account"]),
        )
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        return None
    with contextlib.suppress(OSError):
        os.utime(entry, follow_symlinks=False)  # used now: the least recently used go first
    return part


def keep(root: Path, key: str, part: Part, made: dt.datetime) -> None:
    folder = _folder(root)
    if folder is None:
        return
    entry = {
        **window(made, part.until, (Path(s) for s in part.subtitles)),
        "account": part.account,
        "text": part.text,
        "errors": part.errors,
        "warnings": part.warnings,
        "blocking": part.blocking,
        "posts": part.posts,
    }
    keep_sealed(folder / f"{key}.json", framed(entry, "text"))


def tidy(root: Path) -> None:
    """At most `KEEP` parts stay: called once after a check that kept any (not after each)."""
    folder = _folder(root)
    if folder is not None:
        keep_newest(folder, ".json", KEEP)
