"""TinyDB files written atomically: a Storage that never leaves a half-written JSON file behind."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.storages import MemoryStorage, Storage

from planner.domain.errors import DataError
from planner.storage.files import atomic_write, dump_json, encode_json, load_json

Tables = dict[str, list[dict[str, Any]]]


class AtomicJSONStorage(Storage):
    """TinyDB's JSON layout, read strictly and replaced atomically on write."""

    def __init__(self, path: str | Path, **_: object) -> None:
        self.path = Path(path)

    def read(self) -> dict[str, dict[str, Any]] | None:
        data = load_json(self.path)
        if data is None:
            return None
        if not isinstance(data, Mapping) or not all(
            isinstance(table, Mapping) and all(isinstance(doc, Mapping) for doc in table.values())
            for table in data.values()
        ):
            raise DataError("err.corrupt_file", file=str(self.path), reason="not a TinyDB document")
        return dict(data)

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        atomic_write(self.path, dump_json(data))

    def close(self) -> None:
        pass


def read_tables(path: Path) -> Tables:
    """Every table of a TinyDB file as plain lists of dicts (empty when the file does not exist)."""
    if not path.exists():
        return {}
    with TinyDB(path, storage=AtomicJSONStorage) as db:
        return {name: [dict(doc) for doc in db.table(name).all()] for name in db.tables()}


def render_tables(tables: Tables) -> bytes:
    """The bytes of a TinyDB file holding `tables`, for an atomic multi-file commit."""
    db = TinyDB(storage=MemoryStorage)
    for name, docs in tables.items():
        table = db.table(name)
        if docs:
            table.insert_multiple(docs)
    data = db.storage.read() or {}
    for name in tables:  # keep empty tables visible in the file
        data.setdefault(name, {})
    return dump_json(data)


def render_encoded(tables: dict[str, list[str]]) -> bytes:
    """The bytes `render_tables` gives for these tables (a test holds them equal), from documents
    already encoded with `files.encode_json`, so a save that changes one post of an account encodes that
    post, not the account's hundreds. TinyDB's layout: each table an object of its documents by
    id, numbered from 1 in order."""
    parts = []
    for name, docs in tables.items():
        numbered = ",".join(f'"{number}":{doc}' for number, doc in enumerate(docs, 1))
        parts.append(f"{encode_json(name)}:{{{numbered}}}")
    return ("{" + ",".join(parts) + "}\n").encode("utf-8")
