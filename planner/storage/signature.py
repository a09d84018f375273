"""What tells one state of a workspace's files from the next without reading them: each data
file's stat signature. A light module of its own, so a question answered from the user's cache
(`check` asked again) reads nothing else of the planner."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

JOURNAL = ".journal"  # an interrupted save's record (storage/journal)
LIBRARY_FILE = "library.json"

Signatures = dict[str, tuple[int, int, int, int]]


def stat_signature(found: os.stat_result) -> tuple[int, int, int, int]:
    """What tells a file's versions apart without reading it: any write, replace or sync moves
    its inode, size, modification or change time."""
    return (found.st_ino, found.st_size, found.st_mtime_ns, found.st_ctime_ns)


def workspace_signature(root: Path) -> Signatures:
    """Each data file's stat signature: it changes when anyone saves, here or in another
    terminal, or when a sync tool replaces or rewrites a file (inode, size, modification or
    change time). One directory scan: a metro workspace has 200 account files, and every save
    and the app's watch ask. A pending journal is part of it (an interrupted save)."""
    found: Signatures = {}
    calendars = root / "calendars"
    with contextlib.suppress(FileNotFoundError), os.scandir(calendars) as entries:
        for entry in entries:  # a save's and a watch's every time: `stat_signature` written out
            name = entry.name
            if (name[-5:] == ".json" and name[0] != ".") or name == JOURNAL:
                try:
                    s = entry.stat()
                except FileNotFoundError:  # removed while we looked
                    continue
                found[entry.path] = (s.st_ino, s.st_size, s.st_mtime_ns, s.st_ctime_ns)
    with contextlib.suppress(FileNotFoundError):
        library = str(root / "assets" / LIBRARY_FILE)
        found[library] = stat_signature(os.stat(library))
    return found
