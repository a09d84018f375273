"""The records of data files kept between runs in the user's cache folder, by the hash of the
files' bytes.

Reading a city's 62 files into records (JSON, then every field of 15,000 records checked) takes
about 0.2 s of every `check` and app start, though a save changes one file. An entry holds what
one file's bytes were read into, pickled: loading it takes a quarter of the time. It is named by
the hash of the bytes (`content_digest`), of what they were read as (team, library or account
file) and of the planner's own code (`cache_folder.code_stamp`), so an entry can never be stale:
a changed file, or another version of the planner, is another name. A hash, not a stat signature:
a file rewritten within the file system's timestamp granularity still gets its own entry. (A
file unchanged since an earlier run hashed it is not even read: storage/digest_memo knows its
digest by its stat, under git's rule against that granularity, and `kept` finds the entry.)

A pickle runs code when it is loaded, so an entry is unpickled only when it carries this user's
seal over its bytes and its name (storage/cache_folder: a keyed hash under a private per-user
key), checked on the very bytes that are then loaded: an entry written by anyone else, damaged or
swapped in after the check is parsed again, never believed. The folder keeps at most `KEEP`
entries, the least recently used going first (each save of an account makes a new entry).
"""

from __future__ import annotations

import contextlib
import copyreg
import dataclasses
import functools
import hashlib
import io
import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from planner.domain.fields import defaults_of
from planner.storage.cache_folder import cache_root, code_stamp, keep_newest, keep_sealed, unsealed
from planner.storage.later import Later

FOLDER = "parsed"
KEEP = 500  # a metro workspace has 201 files (25 MB of entries); a city's 62 (3.4 MB)

T = TypeVar("T")


def _folder() -> Path | None:
    base = cache_root()
    return None if base is None else base / FOLDER


def content_digest(raw: bytes) -> str:
    """A file's bytes by their SHA-256 hash: what is kept about the file is named by it (SHA-256,
    not BLAKE2: with the processor's SHA instructions it hashes a city's 7.9 MB in 5 ms)."""
    return hashlib.sha256(raw).hexdigest()


def _name(found: str, reading: str) -> str:
    named = hashlib.blake2b(f"{code_stamp()}\0{reading}\0{found}".encode(), digest_size=20)
    return named.hexdigest() + ".pickle"


def parsed(
    raw: bytes,
    reading: str,
    parse: Callable[[bytes], T],
    found: str | None = None,
    gather: Callable[[T], object] | None = None,
) -> T:
    """What `parse` makes of a file's bytes `raw` (read as `reading`; `found` is their
    `content_digest` when the caller has it already): kept, or parsed and kept. `gather` works
    out, before the records are kept, what every run would otherwise work out from them again (an
    account's week index: domain/gathered); with no cache folder it is left to be worked out when
    needed. An error from `parse` (a damaged file) goes to the caller and nothing is kept."""
    folder = _folder()
    if folder is None:
        return parse(raw)
    found = found or content_digest(raw)
    hit = kept(found, reading)
    if hit is not None:
        return hit  # type: ignore[no-any-return]
    entry = folder / _name(found, reading)
    result = parse(raw)
    if gather is not None:
        gather(result)
    pickled = _pickled(result)
    if keep_sealed(entry, pickled):
        keep_newest(folder, ".pickle", KEEP)
    return result


def kept(found: str, reading: str) -> Any | None:
    """The records kept of bytes whose `content_digest` is `found` (read as `reading`), without
    the bytes (storage/digest_memo knew their digest); None when there is no such entry of this
    user's."""
    payload = _payload(found, reading)
    if payload is None:
        return None
    try:
        return pickle.loads(payload)
    except Exception:  # noqa: BLE001  # an entry of another Python, say: parsed again
        return None


def kept_later(found: str, reading: str, again: Callable[[], Any]) -> Later | None:
    """`kept`, its entry's seal checked now and its records unpickled when first asked for
    (storage/later); `again()` makes them should the payload not unpickle then."""
    payload = _payload(found, reading)
    return None if payload is None else Later(payload, again)


def _payload(found: str, reading: str) -> bytes | None:
    """The payload of this user's entry for `found` read as `reading` (its seal checked), or None."""
    folder = _folder()
    if folder is None:
        return None
    entry = folder / _name(found, reading)
    payload = unsealed(entry)  # this user's own entry, under this name, or nothing
    if payload is not None:
        with contextlib.suppress(OSError):
            os.utime(entry, follow_symlinks=False)  # used now: the least recently used go first
    return payload


class _Pickler(pickle.Pickler):
    """A record (a dataclass instance) is kept without the fields that hold their class's default:
    a post's 31 fields are mostly empty, and each one kept was one more to load at every start
    (a city's posts loaded in 24 ms instead of 43). Loaded, such a field reads the class's
    attribute, which holds the same default, so the record is equal to the one parsed, reads the
    same and writes the same (to_dict and replace read fields as attributes)."""

    def reducer_override(self, obj: Any) -> Any:
        cls = type(obj)
        if not dataclasses.is_dataclass(cls) or not hasattr(obj, "__dict__"):
            return NotImplemented
        plain = _class_defaults(cls)
        state = {
            name: value
            for name, value in obj.__dict__.items()
            if name not in plain or type(value) is not type(plain[name]) or value != plain[name]
        }
        return _NEWOBJ, (cls,), state


_NEWOBJ = copyreg.__newobj__  # type: ignore[attr-defined]  # pickle's NEWOBJ: cls.__new__(cls), then its state


@functools.cache
def _class_defaults(cls: type) -> dict[str, Any]:
    """The fields a kept record may leave out: those whose default the class itself holds."""
    return {name: value for name, value in defaults_of(cls).items() if getattr(cls, name, None) is value}


def _pickled(result: object) -> bytes:
    out = io.BytesIO()
    _Pickler(out, protocol=pickle.HIGHEST_PROTOCOL).dump(result)
    return out.getvalue()
