"""Each data file's content digest, kept between runs by the file's stat signature, in the user's
cache folder (one entry per workspace), as git's index keeps its files' hashes.

Every run names what it keeps of a file by the SHA-256 of the file's bytes (storage/parse_cache,
part_cache): reading and hashing a city's 7.9 MB took 9 ms of each start and each check, a
metro's 50 MB about 45, though most files had not changed since the last run. A file whose inode,
size, modification and change time are all as they were when it was hashed still holds those
bytes: any write moves its change time, which no user can set back. Except within the file
system's timestamp granularity, so a file is remembered only once it has not changed for
`SETTLED_NS` (git's "racily clean" rule): a write just after it was hashed still moves its times.

The entry is data (JSON, never code), sealed like every entry of the folder (storage/cache_folder):
one written by anyone else, damaged or moved, is not believed, and every file is hashed again.
"""

from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path

from planner.storage.cache_folder import cache_root, keep_sealed, unsealed

FOLDER = "digests"
SETTLED_NS = 3_000_000_000  # a file changed less than 3 s before it was hashed is hashed again next time
LIMIT = 1 << 20  # bytes of an entry: a metro workspace's 202 files take 40 KB

Signature = tuple[int, int, int, int]  # storage/signature.stat_signature: inode, size, mtime, ctime


class DigestMemo:
    """The digests of one workspace's files kept by an earlier run, and those found in this one."""

    def __init__(self, root: Path) -> None:
        base = cache_root()
        self._entry = None if base is None else base / FOLDER / _name(root)
        self._known: dict[str, tuple[Signature, str]] | None = None
        self._changed = False

    def digest(self, path: Path, signature: Signature) -> str | None:
        """The digest the file had when its stat signature was `signature`, if one was kept."""
        found = self._entries().get(str(path))
        return found[1] if found is not None and found[0] == signature else None

    def note(self, path: Path, signature: Signature, digest: str) -> None:
        """The file, at `signature` (taken before its bytes were read), hashed to `digest`."""
        if self._entry is None or time.time_ns() - max(signature[2], signature[3]) < SETTLED_NS:
            return  # no cache folder; or changed so lately that it could change again unseen
        known = self._entries()
        if known.get(str(path)) != (signature, digest):
            known[str(path)] = (signature, digest)
            self._changed = True

    def keep(self) -> None:
        """Keep what this run found for the next one (when it found anything new)."""
        if self._entry is None or not self._changed:
            return
        payload = {path: [*signature, digest] for path, (signature, digest) in self._entries().items()}
        if keep_sealed(self._entry, json.dumps(payload, separators=(",", ":")).encode()):
            self._changed = False

    def _entries(self) -> dict[str, tuple[Signature, str]]:
        if self._known is None:
            self._known = _read(self._entry)
        return self._known


def _name(root: Path) -> str:
    return hashlib.blake2b(str(root.resolve()).encode(), digest_size=16).hexdigest() + ".json"


def _read(entry: Path | None) -> dict[str, tuple[Signature, str]]:
    """The entry's digests; nothing when it is missing, not this user's or not what we write."""
    payload = None if entry is None else unsealed(entry, LIMIT)
    if payload is None:
        return {}
    try:
        found = json.loads(payload)
        known: dict[str, tuple[Signature, str]] = {}
        for path, (ino, size, mtime, ctime, digest) in found.items():
            if not all(type(n) is int for n in (ino, size, mtime, ctime)) or type(digest) is not str:
                return {}
            known[path] = ((ino, size, mtime, ctime), digest)
    except (ValueError, TypeError, AttributeError):
        return {}
    return known
