"""Work shared with the machine's second processor, in a forked child.

A check with every cache off reads and judges each account on its own (services/checks): at
city scale that is 60 accounts of 150 posts, and the machine has two processors. `on_the_side`
forks a child that works while this process works too, and sends its answer back pickled through
a pipe; a `Queue` made before the fork lets both draw the next piece of the work as they finish
the last. The child's answer is only a time saver: when there is no fork (Windows), another
thread is running (a fork copies only the calling thread, so a lock another thread held would
stay held in the child), or the child fails, is killed or sends anything but a whole answer,
`result` is None and the caller does the child's share itself, raising what it raises.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

T = TypeVar("T")

LIMIT = 256 << 20  # bytes of a child's answer: more is not an answer


def can_fork() -> bool:
    return hasattr(os, "fork") and threading.active_count() == 1 and (os.cpu_count() or 1) > 1


class Side(Generic[T]):
    """A child working on `work`, or (when none could be started) nothing."""

    def __init__(self, work: Callable[[], T]) -> None:
        self._pid: int | None = None
        self._read: int | None = None
        if not can_fork():
            return
        read, write = os.pipe()
        sys.stdout.flush()
        sys.stderr.flush()
        try:
            pid = os.fork()
        except OSError:
            os.close(read)
            os.close(write)
            return
        if pid == 0:  # the child: never returns to the caller's code
            os.close(read)
            code = 1
            try:
                data = pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL)
                with os.fdopen(write, "wb") as out:
                    out.write(data)
                code = 0
            except BaseException:  # noqa: BLE001 - the parent does this half itself
                pass
            os._exit(code)
        os.close(write)
        self._pid, self._read = pid, read

    def result(self) -> T | None:
        """The child's answer, once it has ended; None when it gave none."""
        if self._pid is None or self._read is None:
            return None
        read, self._read = self._read, None
        chunks, size = [], 0
        with os.fdopen(read, "rb") as inp:
            while chunk := inp.read(1 << 20):
                size += len(chunk)
                if size > LIMIT:
                    self._kill()
                    return None
                chunks.append(chunk)
        if self._reap() != 0:
            return None
        try:
            return pickle.loads(b"".join(chunks))  # type: ignore[no-any-return]
        except Exception:  # noqa: BLE001 - a cut answer: done here instead
            return None

    def cancel(self) -> None:
        """Stop the child (the caller failed and will not wait for it)."""
        self._kill()
        if self._read is not None:
            os.close(self._read)
            self._read = None

    def _kill(self) -> None:
        if self._pid is None:
            return
        with contextlib.suppress(OSError):
            os.kill(self._pid, signal.SIGKILL)
        self._reap()

    def _reap(self) -> int | None:
        pid, self._pid = self._pid, None
        if pid is None:
            return None
        try:
            _, status = os.waitpid(pid, 0)
        except ChildProcessError:
            return None
        return os.waitstatus_to_exitcode(status)


def on_the_side(work: Callable[[], T]) -> Side[T]:
    return Side(work)


class Queue:
    """The numbers 0 to `count` - 1, each drawn once, by whichever process draws first: this one or
    a child forked after it was made (`Side`). A pipe holds one byte for each number, and both
    processes read the same pipe one byte at a time (a read of one byte from a pipe is atomic), so
    the work is shared as it is done, not dealt out beforehand: two halves dealt by size had ended
    30 to 90 ms apart."""

    MOST = 255  # numbers a queue holds (a byte each)

    def __init__(self, count: int) -> None:
        if not 0 <= count <= self.MOST:
            raise ValueError(count)
        self._read: int | None
        self._read, write = os.pipe()
        try:
            os.write(write, bytes(range(count)))  # far below a pipe's buffer: never blocks
        finally:
            os.close(write)

    def drawn(self) -> Iterator[int]:
        """The numbers this process draws, until none is left."""
        while self._read is not None and (got := os.read(self._read, 1)):
            yield got[0]

    def close(self) -> None:
        if self._read is not None:
            os.close(self._read)
            self._read = None
