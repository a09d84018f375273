"""Paths inside assets/: anything that resolves outside it (`..`, absolute, symlinks) is refused."""

from __future__ import annotations

import os
import stat
import unicodedata
from collections.abc import Iterable
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


def file_in_folder(folder: Path, typed: str) -> Path:
    """The regular file `typed` names inside `folder` (the served app's uploads folder): a name
    relative to it, with no `..`, reached without following a link at any step (lstat each part).
    DataError naming the folder otherwise."""
    from planner.domain.errors import DataError

    def refused() -> DataError:
        return DataError("err.outside_uploads", value=typed, folder=str(folder))

    if not typed or "\x00" in typed or "\\" in typed:
        raise refused()
    pure = PurePosixPath(unicodedata.normalize("NFC", typed))
    if pure.is_absolute() or any(part in ("..", ".") for part in pure.parts) or not pure.parts:
        raise refused()
    current = Path(folder)
    for index, part in enumerate(pure.parts):
        current = current / part
        try:
            found = os.lstat(current)
        except OSError:
            raise refused() from None
        last = index == len(pure.parts) - 1
        wanted = stat.S_ISREG if last else stat.S_ISDIR
        if stat.S_ISLNK(found.st_mode) or not wanted(found.st_mode):
            raise refused()
    return current


def missing_asset_files(assets_root: Path, files: Iterable[str]) -> frozenset[str]:
    """Of `files` (relative to assets/), those that are not a file there: deleted, moved or
    renamed behind the planner's back. A plain regular file answers for nearly every one (a check
    asks of thousands); any other name is looked for as `resolve_asset_path` finds it (a name
    decomposed by another system, a link that must not lead out of assets/)."""
    missing = set()
    for file in set(files):
        plain = file and "\\" not in file and not file.startswith("/") and ".." not in file.split("/")
        try:
            if plain and stat.S_ISREG(os.lstat(os.path.join(assets_root, file)).st_mode):
                continue
        except (OSError, ValueError):
            pass
        if resolve_asset_path(assets_root, file) is None:
            missing.add(file)
    return frozenset(missing)


def folders_stamp(root: Path) -> list[list[object]]:
    """Every folder under `root` (itself included, by its name relative to `root`) with the time it
    last changed: a file deleted, moved or renamed inside changes its folder's time, where its own
    stat is gone."""
    stamps: list[list[object]] = []
    for folder, _subfolders, _files in os.walk(root):
        name = os.path.relpath(folder, root)
        try:
            stamps.append([name, os.stat(folder).st_mtime_ns])
        except OSError:
            stamps.append([name])
    return sorted(stamps, key=lambda stamp: str(stamp[0]))
