"""The user's cache folder: what only saves time, never the shared workspace.

`$PLANNER_CACHE`, else `$XDG_CACHE_HOME/somekalenteri`, else `~/.cache/somekalenteri` (made
0700); `PLANNER_CACHE=off` turns every cache off. Each cache keeps a subfolder: `check` (answers),
`parts` (each account's part of an answer), `results` (each account's findings in the app's first
week), `holidays` (public-holiday tables), `parsed` (the records of data files) and `digests`
(data files' digests by their stat). A cache entry that cannot be read or written is passed by silently: it
only ever saves time.

No entry is believed because of where it lies. Each is sealed with an HMAC-SHA256 under a
per-user key (`key` in the cache root: 32 random bytes, 0600, checked to be this user's on every
read) and the entry's own name, so an entry written by anyone else, or moved from another name, is
never used, whoever can write the folder. Entries are opened without following links, and only
when they are regular files of a sane size.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import json
import os
import stat
from collections.abc import Iterable
from pathlib import Path

import planner
from planner.storage.files import prepare, stat_signature


def cache_root() -> Path | None:
    """The cache folder, or None when caches are off (asked for each entry: the app's first week
    reads 60 of them, and making the path anew each time was a third of that)."""
    environ = os.environ
    return _root_for(environ.get("PLANNER_CACHE"), environ.get("XDG_CACHE_HOME"), environ.get("HOME"))


@functools.lru_cache(maxsize=16)
def _root_for(chosen: str | None, xdg: str | None, home: str | None) -> Path | None:
    """`cache_root` for these values of its environment variables."""
    if chosen == "off":
        return None
    if chosen:
        return Path(chosen)
    base = xdg or str(Path.home() / ".cache")
    return Path(base) / "somekalenteri"


KEY_NAME = "key"
KEY_BYTES = 32
TAG_BYTES = 32
MAGIC = b"SKC2"  # SKC1 was sealed with keyed BLAKE2
MAX_ENTRY = 256 * 1024 * 1024  # a metro account file's records are a few MB


def _nofollow() -> int:
    return getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)


def _own_private_file(fd: int, size: int | None = None) -> bool:
    """The open file is a regular file of this user's that nobody else may read or write."""
    found = os.fstat(fd)
    getuid = getattr(os, "getuid", None)
    return (
        getuid is not None
        and stat.S_ISREG(found.st_mode)
        and found.st_uid == getuid()
        and not found.st_mode & 0o077
        and (size is None or found.st_size == size)
    )


_KEYS: dict[Path, bytes | None] = {}


def _key(root: Path) -> bytes | None:
    """This user's key for the cache at `root`: read (and checked: a regular 0600 file of this
    user's, not a link) or made; None when neither can be done, and then nothing is cached."""
    if root in _KEYS:
        return _KEYS[root]
    path = root / KEY_NAME
    key: bytes | None = None
    try:
        _make_root(root)
        try:
            fd = os.open(path, os.O_RDONLY | _nofollow())
        except FileNotFoundError:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _nofollow(), 0o600)
            try:
                os.fchmod(fd, 0o600)
                os.write(fd, os.urandom(KEY_BYTES))  # what secrets.token_bytes reads
                os.fsync(fd)
            finally:
                os.close(fd)
            fd = os.open(path, os.O_RDONLY | _nofollow())
        try:
            if _own_private_file(fd, KEY_BYTES):
                key = os.read(fd, KEY_BYTES + 1)
                key = key if len(key) == KEY_BYTES else None
        finally:
            os.close(fd)
    except (OSError, AttributeError):
        key = None
    _KEYS[root] = key
    return key


def _make_root(root: Path) -> None:
    if not root.exists():
        root.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.chmod(root, 0o700)


def _tag(key: bytes, name: str, payload: bytes) -> bytes:
    mac = hmac.new(key, name.encode("utf-8") + b"\0", hashlib.sha256)
    mac.update(payload)
    return mac.digest()


def seal(path: Path, payload: bytes) -> bytes | None:
    """The bytes to keep at `path` (an entry under the cache root): `payload` sealed under this
    user's key and the entry's name; None when there is no key (then nothing is kept)."""
    root = cache_root()
    key = _key(root) if root is not None else None
    if key is None:
        return None
    return MAGIC + _tag(key, path.name, payload) + payload


def unsealed(path: Path, limit: int = MAX_ENTRY) -> bytes | None:
    """The payload of the entry at `path` when this user sealed it under this name: read without
    following a link, from a regular file of at most `limit` bytes. None otherwise (missing,
    forged, moved, damaged), and the entry then simply is not used."""
    root = cache_root()
    key = _key(root) if root is not None else None
    if key is None:
        return None
    try:
        fd = os.open(path, os.O_RDONLY | _nofollow())
    except OSError:
        return None
    try:
        found = os.fstat(fd)
        if not stat.S_ISREG(found.st_mode) or found.st_size > limit:
            return None
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
        data = b"".join(chunks)
    except OSError:
        return None
    finally:
        os.close(fd)
    head = len(MAGIC) + TAG_BYTES
    if len(data) < head or not data.startswith(MAGIC):
        return None
    payload = data[head:]
    if not hmac.compare_digest(data[len(MAGIC) : head], _tag(key, path.name, payload)):
        return None
    return payload


def keep_sealed(target: Path, payload: bytes) -> bool:
    """Keep `payload` at `target`, sealed (`seal`); False when it could not be kept."""
    sealed = seal(target, payload)
    return sealed is not None and keep_quietly(target, sealed)


def keep_quietly(target: Path, data: bytes) -> bool:
    """Replace `target` (in a cache folder, made private when missing) with `data`, unsynced: a
    lost cache entry costs a recomputation. False when it could not be written."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        temp = prepare(target, data, sync=False, mode=0o600)
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


def workspace_folder(cache: str, root: Path) -> Path | None:
    """The subfolder where `cache` keeps the entries of the workspace at `root` (by its real path);
    None when caches are off."""
    base = cache_root()
    if base is None:
        return None
    return base / cache / digest([os.path.realpath(root)])


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
