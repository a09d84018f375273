"""The append-only, hash-chained audit log `calendars/audit.jsonl`: who changed what, when.

Each line carries the hash of the line before it; `audit.head` keeps the last line's number and
hash apart from the log, so a cut tail shows. Nothing is ever appended to a log that does not end
where its head says (a cut tail, a forged or altered last line, a lost head): the write is refused
and `planner doctor` reports it, so the anchor is never silently moved past the evidence. An
admin may re-anchor such a log knowingly (`planner doctor --reanchor`): a line that records what
was found, after which the chain goes on from it.

Lines are written through the workspace's journal (storage/journal): a change and its audit lines
land together or not at all.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planner.domain.errors import DataError, system_reason
from planner.storage.files import FILE_MODE, atomic_write, dump_json, fsync_dir, read_regular

AUDIT_FILE = "audit.jsonl"
HEAD_FILE = "audit.head"  # the last line's number and hash, kept apart so a cut tail shows
GENESIS = "0" * 64
REANCHOR = "reanchor"  # the action of a line that re-anchors a damaged log
_CHUNK = 1 << 16


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


class AuditDamage(DataError):
    """The log and its head do not agree: nothing may be appended until `planner doctor` has been
    asked (exit 2, nothing written)."""

    def __init__(self, reason: str) -> None:
        super().__init__("err.audit_damaged", reason_key=reason)
        self.reason = reason


def _open_log(path: Path, flags: int) -> int:
    """A file descriptor of the log, which must be a regular file (a FIFO, a folder or a link in its
    place is damage, never waited on or followed)."""
    try:
        fd = os.open(path, flags | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0))
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise AuditDamage("audit.not_a_file") from None
        raise
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise AuditDamage("audit.not_a_file")
    except BaseException:
        os.close(fd)
        raise
    return fd


def last_line(path: Path) -> bytes | None:
    """The log's last line (without its newline) however long it is, read backwards from the end
    in chunks; None for a missing or empty log."""
    try:
        fd = _open_log(path, os.O_RDONLY)
    except FileNotFoundError:
        return None
    try:
        size = os.fstat(fd).st_size
        end = size
        if end == 0:
            return None
        if os.pread(fd, 1, end - 1) == b"\n":
            end -= 1
        parts: list[bytes] = []
        position = end
        while position > 0:
            start = max(0, position - _CHUNK)
            chunk = os.pread(fd, position - start, start)
            cut = chunk.rfind(b"\n")
            if cut >= 0:
                parts.append(chunk[cut + 1 :])
                break
            parts.append(chunk)
            position = start
        return b"".join(reversed(parts))
    finally:
        os.close(fd)


class _DuplicateKey(ValueError):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object whose every key is named once: with a key twice, readers disagree on its value."""
    found = dict(pairs)
    if len(found) != len(pairs):
        raise _DuplicateKey
    return found


def _entry(line: bytes) -> dict[str, Any] | None:
    try:
        entry = json.loads(line.decode("utf-8"), object_pairs_hook=_no_duplicates)
    except (ValueError, RecursionError):
        return None
    return entry if isinstance(entry, dict) else None


HEAD_LIMIT = 4 << 20  # a head names every data file with its digest: a metro's 200 are 20 KB


def _head(calendars: Path) -> dict[str, Any] | None:
    """The anchor file's object (None when there is none); AuditDamage when it cannot be read."""
    try:
        raw = read_regular(calendars / HEAD_FILE, limit=HEAD_LIMIT, missing_ok=True, links=False)
    except DataError:
        raise AuditDamage("audit.head_unreadable") from None
    if raw is None:
        return None
    try:
        head = json.loads(raw.decode("utf-8"), object_pairs_hook=_no_duplicates)
        seq, digest = head["seq"], head["hash"]
    except (ValueError, KeyError, TypeError, RecursionError):
        raise AuditDamage("audit.head_unreadable") from None
    if not isinstance(seq, int) or isinstance(seq, bool) or seq < 0 or not isinstance(digest, str):
        raise AuditDamage("audit.head_unreadable")
    files = head.get("files")
    if files is not None and (
        not isinstance(files, dict)
        or not all(isinstance(k, str) and isinstance(v, str) and len(v) == 64 for k, v in files.items())
    ):
        raise AuditDamage("audit.head_unreadable")
    return dict(head)


def read_head(calendars: Path) -> tuple[int, str] | None:
    """The anchored head (None when there is no head file); AuditDamage when it cannot be read."""
    head = _head(calendars)
    return None if head is None else (head["seq"], head["hash"])


def read_record(calendars: Path) -> dict[str, str] | None:
    """What the anchor says each data file must hold: its SHA-256 by its name relative to the
    workspace (`calendars/team.json`). None when there is no anchor, or one written before the
    planner kept this; AuditDamage when it cannot be read."""
    head = _head(calendars)
    files = None if head is None else head.get("files")
    return None if files is None else dict(files)


@dataclass(frozen=True)
class Tail:
    """Where the log ends, as the next append needs it: its size, the last line's number and hash,
    and whether its last line has its newline (a log cut or edited by hand may lack it: the next
    line must not be glued onto it)."""

    size: int
    seq: int
    hash: str
    ends_line: bool = True


def _intact_line(entry: dict[str, Any] | None) -> tuple[int, str] | None:
    """(seq, hash) of a line whose own hash holds, else None."""
    if entry is None:
        return None
    body = {k: v for k, v in entry.items() if k != "hash"}
    seq, stored, prev = entry.get("seq"), entry.get("hash"), entry.get("prev")
    if not isinstance(seq, int) or not isinstance(stored, str) or not isinstance(prev, str):
        return None
    return (seq, stored) if _digest(prev, body) == stored else None


def tail(calendars: Path, expect_log: bool = False) -> Tail:
    """The end of a log that agrees with its head, for the next append. AuditDamage when they do
    not agree: a cut tail, an altered, forged or torn last line, a head without a log (or a log
    without a head), or a log missing that the workspace knows it had (`expect_log`)."""
    path = calendars / AUDIT_FILE
    head = read_head(calendars)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        size = -1
    except OSError:
        raise AuditDamage("audit.log_unreadable") from None
    last = last_line(path) if size > 0 else None
    if last is None:
        if head is not None and head[0] > 0:
            raise AuditDamage("audit.cut")
        if expect_log:
            raise AuditDamage("audit.log_missing")
        return Tail(max(size, 0), 0, GENESIS)
    found = _intact_line(_entry(last))
    if found is None:
        raise AuditDamage("audit.last_line_broken")
    if head is None:
        raise AuditDamage("audit.head_missing")
    if found[0] < head[0]:
        raise AuditDamage("audit.cut")
    if found != head:
        raise AuditDamage("audit.head_mismatch")
    return Tail(size, found[0], found[1], _ends_with_newline(path))


def _ends_with_newline(path: Path) -> bool:
    fd = _open_log(path, os.O_RDONLY)
    try:
        size = os.fstat(fd).st_size
        return size == 0 or os.pread(fd, 1, size - 1) == b"\n"
    finally:
        os.close(fd)


def lines_for(start: Tail, user: str, at: str, changes: Iterable[Change]) -> tuple[bytes, Tail]:
    """The chained lines of `changes` after `start`, and where the log will end with them."""
    seq, prev = start.seq, start.hash
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
    data = ("" if start.ends_line or not lines else "\n").encode() + "".join(lines).encode("utf-8")
    return data, Tail(start.size + len(data), seq, prev)


def check_writable(calendars: Path) -> None:
    """Refuse before anything is written when the log cannot be appended to (its mode, a read-only
    folder, a folder or a FIFO in its place)."""
    path = calendars / AUDIT_FILE
    try:
        fd = _open_log(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT)
    except AuditDamage:
        raise
    except OSError as exc:
        raise DataError("err.audit_unwritable", file=str(path), **system_reason(exc)) from None
    try:
        if os.fstat(fd).st_size == 0:
            _fix_mode(fd)
    finally:
        os.close(fd)
    if not os.access(calendars, os.W_OK):
        raise DataError(
            "err.audit_unwritable", file=str(calendars / HEAD_FILE), reason_key="reason.read_only_folder"
        )


def _fix_mode(fd: int) -> None:
    with contextlib.suppress(OSError, AttributeError):
        os.fchmod(fd, FILE_MODE)  # whatever the umask: the team's group appends too


def write_lines(calendars: Path, before: int, data: bytes, end: Tail, record: dict[str, str] | None) -> None:
    """Append `data` to a log that was `before` bytes long (anything after that, a torn append of
    an interrupted write, goes first), sync it, and move the head to `end`, with `record`: what
    each data file must now hold."""
    head: dict[str, Any] = {"seq": end.seq, "hash": end.hash}
    if record is not None:
        head["files"] = dict(sorted(record.items()))
    if not data:
        atomic_write(calendars / HEAD_FILE, dump_json(head))
        return
    path = calendars / AUDIT_FILE
    new = not path.exists()
    fd = _open_log(path, os.O_WRONLY | os.O_CREAT)
    try:
        _fix_mode(fd)
        if os.fstat(fd).st_size != before:
            os.ftruncate(fd, before)
        os.lseek(fd, before, os.SEEK_SET)
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.fsync(fd)
    finally:
        os.close(fd)
    if new:
        fsync_dir(calendars)
    atomic_write(calendars / HEAD_FILE, dump_json(head))


# Verifying ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Reanchored:
    """A re-anchoring line: where it stands, who made it and when, and what it acknowledged."""

    line: int
    user: str
    at: str
    reason: str  # a catalogue key: audit.*
    broken_line: int | None


@dataclass(frozen=True)
class Verdict:
    ok: bool
    lines: int
    broken_line: int | None = None
    reason: str = ""  # a catalogue key: audit.*
    anchored: bool = True
    reanchored: tuple[Reanchored, ...] = field(default_factory=tuple)


def _walk(path: Path) -> Iterator[tuple[int, bytes]]:
    try:
        fd = _open_log(path, os.O_RDONLY)
    except FileNotFoundError:
        return
    with os.fdopen(fd, "rb") as log:
        yield from enumerate(log, start=1)


def read_lines(
    calendars: Path, newest: int | None = None
) -> tuple[list[tuple[int, dict[str, Any] | None]], int]:
    """The log's lines by their number, as read (None for one that is no JSON object: torn,
    altered by hand, a key twice), the newest `newest` of them (all when None), and how many
    lines the log has. Whether the chain holds is `verify`'s to say."""
    try:
        raw = list(_walk(calendars / AUDIT_FILE))
    except OSError:
        raise AuditDamage("audit.log_unreadable") from None
    kept = raw if newest is None else raw[max(0, len(raw) - newest) :]
    return [(number, _entry(line)) for number, line in kept], len(raw)


def verify(calendars: Path, expect_log: bool = False) -> Verdict:
    """Walk the chain; the first line whose content, order or link does not hold is named. The
    head kept in `audit.head` must be the last line, so removing the last lines is caught too; a
    workspace that has been audited (`expect_log`) with no line at all has lost its log. A
    re-anchoring line acknowledges the damage before it: the chain is verified again from it, and
    the verdict lists it so that what was found stays visible."""
    path = calendars / AUDIT_FILE
    try:
        head = read_head(calendars)
    except AuditDamage as damage:
        return Verdict(False, 0, 0, damage.reason)
    prev, expected_seq, number = GENESIS, 1, 0
    last_good: tuple[int, str] | None = None  # (seq, hash) of the last line that read whole
    broken: tuple[int, str] | None = None  # the first unacknowledged damage
    reanchors: list[Reanchored] = []
    try:
        for number, raw in _walk(path):
            entry = _entry(raw)
            if entry is not None and entry.get("action") == REANCHOR and entry.get("entity") == "audit":
                anchor = _reanchor_holds(entry, last_good)
                if anchor is not None:
                    reanchors.append(_reanchored(number, entry, broken))
                    broken, prev, expected_seq = None, anchor[1], anchor[0] + 1
                    last_good = anchor
                    continue
            problem, found = _line_problem(entry, prev, expected_seq)
            whole = _intact_line(entry)
            if whole is not None:
                last_good = whole
            if problem and broken is None:
                broken = (number, problem)
            if found is not None:
                prev, expected_seq = found, expected_seq + 1
            elif whole is not None:
                prev, expected_seq = whole[1], whole[0] + 1
    except AuditDamage as damage:
        return Verdict(False, 0, 0, damage.reason)
    except OSError:
        return Verdict(False, 0, 0, "audit.log_unreadable")
    if broken is not None:
        return Verdict(False, number, broken[0], broken[1], reanchored=tuple(reanchors))
    if number == 0 and expect_log:
        return Verdict(False, 0, 1, "audit.log_missing", anchored=head is not None)
    if head is None:
        return Verdict(
            number == 0,
            number,
            None if number == 0 else number,
            "" if number == 0 else "audit.head_missing",
            anchored=number == 0,
            reanchored=tuple(reanchors),
        )
    if head[0] > (last_good[0] if last_good else 0):
        return Verdict(False, number, number + 1, "audit.cut", reanchored=tuple(reanchors))
    if head[0] > 0 and last_good != head:
        return Verdict(False, number, number, "audit.head_mismatch", reanchored=tuple(reanchors))
    return Verdict(True, number, reanchored=tuple(reanchors))


def _line_problem(entry: dict[str, Any] | None, prev: str, seq: int) -> tuple[str, str | None]:
    """What is wrong with a line in the chain ("" when nothing), and its hash when it holds."""
    if entry is None or not isinstance(entry.get("hash"), str):
        return "audit.not_a_line", None
    body = {k: v for k, v in entry.items() if k != "hash"}
    if entry.get("prev") != prev:
        return "audit.not_linked", None
    if entry.get("seq") != seq:
        return "audit.out_of_order", None
    if _digest(prev, body) != entry["hash"]:
        return "audit.altered", None
    return "", str(entry["hash"])


def _reanchor_holds(entry: dict[str, Any], last_good: tuple[int, str] | None) -> tuple[int, str] | None:
    """A re-anchoring line's (seq, hash) when it is whole and follows the last line that read
    whole (or starts the log)."""
    whole = _intact_line(entry)
    seq, prev = last_good if last_good else (0, GENESIS)
    if whole is None or entry.get("prev") != prev or whole[0] != seq + 1:
        return None
    return whole


def _reanchored(number: int, entry: dict[str, Any], broken: tuple[int, str] | None) -> Reanchored:
    found = entry.get("before") if isinstance(entry.get("before"), dict) else {}
    assert isinstance(found, dict)
    reason = found.get("reason") if isinstance(found.get("reason"), str) else (broken[1] if broken else "")
    line = found.get("broken_line")
    return Reanchored(
        number,
        str(entry.get("user", "")),
        str(entry.get("at", "")),
        str(reason),
        line if isinstance(line, int) else None,
    )


def reanchor_lines(calendars: Path, user: str, at: str, verdict: Verdict) -> tuple[int, bytes, Tail]:
    """The line that re-anchors a damaged log, knowingly: it records what `verdict` found and the
    head it replaces, links to the last line that reads whole, and the head then names it.
    Returns the log's size to append at, the line and where the log will end."""
    path = calendars / AUDIT_FILE
    try:
        head: tuple[int, str] | None = read_head(calendars)
    except AuditDamage:
        head = None
    last_good: tuple[int, str] | None = None
    for _, raw in _walk(path):
        whole = _intact_line(_entry(raw))
        if whole is not None:
            last_good = whole
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        size = 0
    data = b""
    if size and last_line(path) is not None:
        with open(path, "rb") as log:  # a torn last line keeps its bytes; the new line starts anew
            log.seek(size - 1)
            data = b"" if log.read(1) == b"\n" else b"\n"
    seq, prev = last_good if last_good else (0, GENESIS)
    found = {
        "reason": verdict.reason,
        "broken_line": verdict.broken_line,
        "lines": verdict.lines,
        "head": {"seq": head[0], "hash": head[1]} if head else None,
    }
    change = Change("audit", "", REANCHOR, found, {"seq": seq + 1})
    lines, end = lines_for(Tail(size + len(data), seq, prev), user, at, [change])
    return size, data + lines, end
