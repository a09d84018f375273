"""Paths inside assets/: anything that resolves outside it (`..`, absolute, symlinks) is refused."""

from __future__ import annotations

import unicodedata
from pathlib import Path, PurePosixPath


def resolve_asset_path(assets_root: Path, relative: str, must_exist: bool = True) -> Path | None:
    """The file under assets/ that `relative` names, or None when it leaves assets/ (or is missing)."""
    if not relative or "\x00" in relative or "\\" in relative:
        return None
    pure = PurePosixPath(unicodedata.normalize("NFC", relative))
    if pure.is_absolute():
        return None
    root = assets_root.resolve()
    candidate = (root / pure).resolve()
    if candidate != root and root not in candidate.parents:
        return None
    if must_exist and not candidate.is_file():
        nfd = (root / unicodedata.normalize("NFD", str(pure))).resolve()
        if root in nfd.parents and nfd.is_file():
            return nfd
        return None
    return candidate


def is_inside(assets_root: Path, relative: str) -> bool:
    return resolve_asset_path(assets_root, relative, must_exist=False) is not None
