"""The append-only, hash-chained audit log `calendars/audit.jsonl`: who changed what, when."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from planner.storage.files import FILE_MODE, atomic_write, dump_json, fsync_dir

AUDIT_FILE = "audit.jsonl"
HEAD_FILE = "audit.head"  # the last line's number and hash, kept apart so a cut tail shows
GENESIS = "0" * 64


@dataclass(frozen=True)
class Change:
    entity: str  # people, accounts, posts, … or organization
    id: str
    action: str  # create, update, delete, or a verb such as ready
    before: dict[str, Any] | None
    after: dict[str, Any] | None


def _digest(prev: str, body: dict[str, Any]) -> str:
    canonical = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256((prev + canonical).encode("utf-8")).hexdigest()


def _last_hash(path: Path) -> tuple[int, str]:
    """The sequence number and hash of the last line (0 and the genesis hash for a new log)."""
    if not path.exists():
        return 0, GENESIS
    with path.open("rb") as log:
        log.seek(0, os.SEEK_END)
        size = log.tell()
        log.seek(max(0, size - 65536))
        return _last_entry(log.read())


def _drop_torn_line(calendars: Path) -> None:
    """A writer killed in the middle of an append leaves a line without its newline. When the
    head still names the line before it, the torn line was never complete and goes before the
    next append; a line cut after the head moved past it is tampering, and is left for verify."""
    path = calendars / AUDIT_FILE
    if not path.exists():
        return
    with path.open("rb+") as log:
        size = log.seek(0, os.SEEK_END)
        if size == 0:
            return
        log.seek(size - 1)
        if log.read(1) == b"\n":
            return
        start = max(0, size - (1 << 20))
        log.seek(start)
        tail = log.read()
        cut = tail.rfind(b"\n")
        keep = start + cut + 1 if cut >= 0 else 0
        complete = _last_entry(tail[: cut + 1])[0] if cut >= 0 else 0
        head = _head(calendars)
        if head is None or head[0] == complete:
            log.truncate(keep)


def _last_entry(lines: bytes) -> tuple[int, str]:
    """The sequence number and hash of the last line in `lines` (0 and the genesis hash when
    there is none, or it does not read)."""
    last = lines.strip().rsplit(b"\n", 1)[-1]
    try:
        entry = json.loads(last.decode("utf-8"))
        return int(entry["seq"]), str(entry["hash"])
    except (ValueError, KeyError, TypeError):
        return 0, GENESIS


def append(calendars: Path, user: str, at: str, changes: Iterable[Change]) -> None:
    """Append one chained line per change; the caller holds the workspace lock."""
    path = calendars / AUDIT_FILE
    _drop_torn_line(calendars)
    seq, prev = _last_hash(path)
    lines = []
    for change in changes:
        seq += 1
        body = {
            "seq": seq,
            "at": at,
            "user": user,
            "action": change.action,
            "entity": change.entity,
            "id": change.id,
            "before": change.before,
            "after": change.after,
            "prev": prev,
        }
        prev = _digest(prev, body)
        lines.append(json.dumps({**body, "hash": prev}, ensure_ascii=False) + "\n")
    if not lines:
        return
    new = not path.exists()
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, FILE_MODE)
    with os.fdopen(fd, "a", encoding="utf-8") as log:
        log.write("".join(lines))
        log.flush()
        os.fsync(log.fileno())
    if new:
        fsync_dir(calendars)
    atomic_write(calendars / HEAD_FILE, dump_json({"seq": seq, "hash": prev}))


def _head(calendars: Path) -> tuple[int, str] | None:
    """The anchored head, or None for a log written before anchoring (or with a broken anchor)."""
    try:
        raw = json.loads((calendars / HEAD_FILE).read_text("utf-8"))
        return int(raw["seq"]), str(raw["hash"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


@dataclass(frozen=True)
class Verdict:
    ok: bool
    lines: int
    broken_line: int | None = None
    reason: str = ""  # a catalogue key: audit.*
    anchored: bool = True


def verify(calendars: Path) -> Verdict:
    """Walk the chain; the first line whose content, order or link does not hold is named. The
    head kept in `audit.head` must be on the chain, so removing the last lines is caught too."""
    path = calendars / AUDIT_FILE
    head = _head(calendars)
    hashes: dict[int, str] = {}
    prev, expected_seq, number = GENESIS, 1, 0
    if path.exists():
        with path.open("rb") as log:
            for number, raw in enumerate(log, start=1):
                try:
                    entry = json.loads(raw.decode("utf-8"))
                    stored = entry.pop("hash")
                except (ValueError, KeyError, TypeError, AttributeError):
                    return Verdict(False, number, number, "audit.not_a_line")
                if entry.get("prev") != prev:
                    return Verdict(False, number, number, "audit.not_linked")
                if entry.get("seq") != expected_seq:
                    return Verdict(False, number, number, "audit.out_of_order")
                if _digest(prev, entry) != stored:
                    return Verdict(False, number, number, "audit.altered")
                prev, expected_seq = stored, expected_seq + 1
                hashes[number] = stored
    if head is None:
        return Verdict(True, number, anchored=number == 0)
    seq, digest = head
    if seq > number:
        return Verdict(False, number, number + 1, "audit.cut")
    if seq > 0 and hashes.get(seq) != digest:
        return Verdict(False, number, seq, "audit.altered")
    return Verdict(True, number)
