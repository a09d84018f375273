"""The records of data files kept between runs in the user's cache folder, by the hash of the
files' bytes.

Reading a city's 62 files into records (JSON, then every field of 15,000 records checked) takes
about 0.2 s of every `check` and app start, though a save changes one file. An entry holds what
one file's bytes were read into, pickled: loading it takes a quarter of the time. It is named by
the BLAKE2 hash of the bytes, of what they were read as (team, library or account file) and of
the planner's own code (`cache_folder.code_stamp`), so an entry can never be stale: a changed
file, or another version of the planner, is another name. A hash, not a stat signature: a
file rewritten within the file system's timestamp granularity still gets its own entry.

A pickle runs code when it is loaded, so entries are read only from a folder that this user owns
and nobody else can write (the folder is made so); anywhere else nothing is kept. Each entry
carries the hash of its pickle, so a damaged entry is parsed again, never believed. The folder
keeps at most `KEEP` entries, the least recently used going first (each save of an account makes
a new entry for its file).
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from planner.storage.cache_folder import cache_root, code_stamp, is_private, keep_newest, keep_quietly

FOLDER = "parsed"
KEEP = 500  # a metro workspace has 201 files (25 MB of entries); a city's 62 (3.4 MB)

T = TypeVar("T")

_checked: dict[Path, bool] = {}  # folder -> private, asked once per process


def _folder() -> Path | None:
    base = cache_root()
    if base is None:
        return None
    folder = base / FOLDER
    if folder not in _checked:
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError:
            return None
        _checked[folder] = is_private(folder)
    return folder if _checked[folder] else None


def _name(raw: bytes, reading: str) -> str:
    found = hashlib.blake2b(digest_size=20)
    found.update(f"{code_stamp()}\0{reading}\0".encode())
    found.update(raw)
    return found.hexdigest() + ".pickle"


def parsed(raw: bytes, reading: str, parse: Callable[[bytes], T]) -> T:
    """What `parse` makes of a file's bytes `raw` (read as `reading`): kept, or parsed and kept.
    An error from `parse` (a damaged file) goes to the caller and nothing is kept."""
    folder = _folder()
    if folder is None:
        return parse(raw)
    entry = folder / _name(raw, reading)
    try:
        kept = entry.read_bytes()
        if kept[:SEAL] == _seal(kept[SEAL:]):  # a damaged entry is never believed
            result: T = pickle.loads(kept[SEAL:])
            os.utime(entry)  # used now: the least recently used entries go first
            return result
    except Exception:  # noqa: BLE001  # not kept yet, or unreadable: parsed again
        pass
    result = parse(raw)
    pickled = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
    if keep_quietly(entry, _seal(pickled) + pickled):
        keep_newest(folder, ".pickle", KEEP)
    return result


SEAL = 16  # bytes of BLAKE2 hash in front of each pickle


def _seal(pickled: bytes) -> bytes:
    return hashlib.blake2b(pickled, digest_size=SEAL).digest()
