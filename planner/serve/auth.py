"""Sessions and the slow-down of `planner serve`, kept in the server's memory: a session is a
random token in a cookie signed with the server's own key, with an expiry; after repeated failures
each attempt for that person or from that address waits, longer with each further failure."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field

COOKIE = "somekalenteri_session"
SESSION_SECONDS = 8 * 3600  # a working day; then sign in again
FREE_FAILURES = 3  # failures before the slow-down starts
MAX_LOCK_SECONDS = 15 * 60


@dataclass
class SignedIn:
    user: str
    expires: float
    address: str
    login: str  # the fingerprint of the person's sign-in record then: a new password or none ends it


@dataclass
class Sessions:
    """Signed-in browsers by token. The cookie is `token.signature`: a forged or altered cookie,
    one signed by another server run, or one whose session ended, is nobody."""

    clock: Callable[[], float] = time.monotonic
    key: bytes = field(default_factory=lambda: secrets.token_bytes(32))
    live: dict[str, SignedIn] = field(default_factory=dict)

    def _sign(self, token: str) -> str:
        return hmac.new(self.key, token.encode("utf-8"), hashlib.sha256).hexdigest()

    def start(self, user: str, address: str, login: str = "") -> str:
        """A new session; the cookie's value."""
        token = secrets.token_urlsafe(32)
        self.live[token] = SignedIn(user, self.clock() + SESSION_SECONDS, address, login)
        return f"{token}.{self._sign(token)}"

    def _token(self, cookie: str | None) -> str | None:
        """The token of a cookie this server signed; anything else (another's, an altered one, one
        in letters no token has) is nobody."""
        if not cookie or cookie.count(".") != 1 or not cookie.isascii():
            return None
        token, signature = cookie.split(".")
        if not hmac.compare_digest(signature, self._sign(token)):
            return None
        return token

    def signed_in(self, cookie: str | None) -> SignedIn | None:
        """The live session of a cookie (an expired one ends here)."""
        token = self._token(cookie)
        found = self.live.get(token) if token else None
        if found is None:
            return None
        if found.expires <= self.clock():
            del self.live[token]  # type: ignore[arg-type]
            return None
        return found

    def user_of(self, cookie: str | None) -> str | None:
        found = self.signed_in(cookie)
        return found.user if found else None

    def end_of(self, user: str) -> int:
        """End every session of `user` (a password changed or removed, or the person left); how many."""
        ended = [token for token, found in self.live.items() if found.user == user]
        for token in ended:
            del self.live[token]
        return len(ended)

    def end(self, cookie: str | None) -> str | None:
        """Sign out; who it was (None when the cookie was nobody's)."""
        token = self._token(cookie)
        found = self.live.pop(token, None) if token else None
        return found.user if found else None


@dataclass
class Throttle:
    """Failures per key (a person's id, an address): after FREE_FAILURES in a row, each further
    failure slows the key for twice as long as the one before (1 s, 2 s, 4 s, … up to 15 min);
    the server makes an attempt on a slowed key wait that long (at most serve.server.MAX_DELAY)
    before it looks at the password."""

    clock: Callable[[], float] = time.monotonic
    failures: dict[str, int] = field(default_factory=dict)
    until: dict[str, float] = field(default_factory=dict)

    def wait(self, *keys: str) -> float:
        """Seconds until these keys may try again (0: now)."""
        now = self.clock()
        return max((self.until.get(k, 0.0) - now for k in keys), default=0.0) if keys else 0.0

    def failed(self, *keys: str) -> None:
        now = self.clock()
        for key in keys:
            count = self.failures.get(key, 0) + 1
            self.failures[key] = count
            if count >= FREE_FAILURES:
                self.until[key] = now + min(2.0 ** (count - FREE_FAILURES), MAX_LOCK_SECONDS)

    def succeeded(self, *keys: str) -> None:
        for key in keys:
            self.failures.pop(key, None)
            self.until.pop(key, None)
