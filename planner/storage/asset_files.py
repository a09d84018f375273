"""Copying media files into assets/: slugified names, never overwriting another file, atomically."""

from __future__ import annotations

import hashlib
from pathlib import Path, PurePosixPath

from slugify import slugify

from planner.domain.errors import DataError
from planner.storage.files import atomic_write, make_dir, read_regular
from planner.storage.paths import is_inside, resolve_asset_path


def read_source(path: Path) -> bytes:
    """The bytes of a file to import; folders, FIFOs, devices, missing and unreadable files refused."""
    data = read_regular(path)
    assert data is not None
    return data


def slug_name(name: str) -> str:
    """`Kesä Juhla 2027.JPG` → `kesa-juhla-2027.jpg`."""
    pure = PurePosixPath(name)
    stem = slugify(pure.stem, lowercase=True, max_length=80) or "file"
    return stem + pure.suffix.lower()[:16]


def place(assets_root: Path, name: str, data: bytes, folder: str = "") -> str:
    """Write `data` under assets/ as the slug of `name` (with -2, -3… when that name holds other
    bytes; the same bytes are reused) and return its path relative to assets/."""
    base = slug_name(name)
    stem, suffix = PurePosixPath(base).stem, PurePosixPath(base).suffix
    digest = hashlib.sha256(data).digest()
    for number in range(1, 10_000):
        candidate = f"{stem}{'' if number == 1 else f'-{number}'}{suffix}"
        relative = f"{folder}/{candidate}" if folder else candidate
        if not is_inside(assets_root, relative):  # a symlinked folder pointing out of assets/
            raise DataError("err.path_outside", field="assets", value=relative)
        target = assets_root / relative
        if target.exists():
            if target.is_file() and hashlib.sha256(target.read_bytes()).digest() == digest:
                return relative
            continue
        make_dir(target.parent)
        atomic_write(target, data)
        return relative
    raise DataError("err.no_free_name", file=name)


def remove(assets_root: Path, relative: str) -> bool:
    """Delete a file under assets/ (a scanned consent form being erased); True when one went."""
    path = resolve_asset_path(assets_root, relative)
    if path is None:
        return False
    try:
        path.unlink()
    except OSError:
        return False
    return True
