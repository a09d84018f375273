"""An incident's evidence files (screenshots, saved pages) kept in the workspace's `incidents/`
folder, each named by its SHA-256: the name proves the bytes, and the same file given twice is
kept once. A file is read whole and checked before anything is written."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path, PurePosixPath

from planner.domain.errors import DataError
from planner.storage.files import atomic_write, make_dir, read_regular

FOLDER = "incidents"
LIMIT = 100 * 1024 * 1024  # a screenshot, a saved page or a short screen recording


def read_evidence(path: Path) -> bytes:
    """The bytes of a file given as evidence: a regular file of at most 100 MB (a FIFO, a device,
    a folder or a larger file is refused before anything is written)."""
    data = read_regular(path, limit=LIMIT)
    assert data is not None
    if not data:
        raise DataError("err.evidence_empty", file=str(path))
    return data


def evidence_name(original: str, data: bytes) -> tuple[str, str]:
    """The name the file is kept under (its SHA-256 and the original's suffix) and its SHA-256."""
    digest = hashlib.sha256(data).hexdigest()
    suffix = PurePosixPath(original).suffix.lower()
    if not (suffix[1:].isascii() and suffix[1:].isalnum()) or len(suffix) > 8:
        suffix = ""
    return digest + suffix, digest


def keep_evidence(root: Path, name: str, data: bytes) -> None:
    """Write the file into `incidents/` (nothing when the same bytes are already there)."""
    folder = root / FOLDER
    make_dir(folder)
    target = folder / name
    if target.is_symlink():
        raise DataError("err.not_regular", file=str(target))
    if target.is_file() and _digest_of(target) == hashlib.sha256(data).hexdigest():
        return
    atomic_write(target, data)


def _digest_of(path: Path) -> str | None:
    try:
        data = read_regular(path, limit=LIMIT, links=False)
    except DataError:
        return None
    return hashlib.sha256(data or b"").hexdigest()


def intact(root: Path, name: str, sha256: str) -> bool:
    """The kept file is there, a regular file, and holds the bytes its record names."""
    path = root / FOLDER / name
    if not os.path.lexists(path) or path.is_symlink():
        return False
    return _digest_of(path) == sha256
