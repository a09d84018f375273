"""The user's cache folder: what only saves time, never the shared workspace.

`$PLANNER_CACHE`, else `$XDG_CACHE_HOME/somekalenteri`, else `~/.cache/somekalenteri`;
`PLANNER_CACHE=off` turns every cache off. Each cache keeps a subfolder: `check` (answers),
`holidays` (public-holiday tables) and `parsed` (the records of data files). A cache entry that
cannot be read or written is passed by silently: it only ever saves time.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path

import planner
from planner.storage.files import prepare, stat_signature


def cache_root() -> Path | None:
    """The cache folder, or None when caches are off."""
    chosen = os.environ.get("PLANNER_CACHE")
    if chosen == "off":
        return None
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "somekalenteri"


def keep_quietly(target: Path, data: bytes) -> bool:
    """Replace `target` (in a cache folder, made private when missing) with `data`, unsynced: a
    lost cache entry costs a recomputation. False when it could not be written."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        temp = prepare(target, data, sync=False)
        try:
            os.replace(temp, target)
        except OSError:
            temp.unlink(missing_ok=True)
            raise
    except OSError:
        return False
    return True


def keep_newest(folder: Path, suffix: str, count: int) -> None:
    """At most `count` entries (files ending in `suffix`) stay in `folder`: the most recently
    written or used; the others go."""
    try:
        with os.scandir(folder) as found:
            entries = [e for e in found if e.name.endswith(suffix)]
        if len(entries) <= count:
            return
        entries.sort(key=lambda e: e.stat().st_mtime_ns, reverse=True)
        for old in entries[count:]:
            os.unlink(old.path)
    except OSError:
        return


def is_private(folder: Path) -> bool:
    """The folder is this user's alone: owned by them and writable by nobody else (a cache whose
    entries run code when loaded, as pickles do, reads nothing from any other folder)."""
    getuid = getattr(os, "getuid", None)
    if getuid is None:  # no owners to compare (Windows): such a cache is not kept
        return False
    try:
        found = os.stat(folder)
    except OSError:
        return False
    return found.st_uid == getuid() and not found.st_mode & 0o022


def digest(parts: Iterable[object]) -> str:
    return hashlib.blake2b(json.dumps(list(parts), default=str).encode(), digest_size=16).hexdigest()


def file_stamp(path: Path) -> tuple[object, ...]:
    """A file by its path and stat signature (None for one that cannot be statted)."""
    try:
        return (str(path), *stat_signature(path.stat()))
    except OSError:
        return (str(path), None)


_CODE: str | None = None


def code_stamp() -> str:
    """The planner's own files as installed: an edited rule or message table is a new stamp."""
    global _CODE
    if _CODE is None:
        package = Path(planner.__file__).parent
        files = sorted(p for p in package.rglob("*") if p.suffix in (".py", ".json", ".toml"))
        _CODE = digest([planner.__version__, *(file_stamp(p) for p in files)])
    return _CODE
