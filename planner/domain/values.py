"""Single values a person types, checked the same way wherever they arrive (command line, app,
spreadsheet): a hashtag, a web address, an e-mail address, a one-line text."""

from __future__ import annotations

import re

from planner.domain.errors import DataError
from planner.domain.fields import has_control, nfc


def hashtag(value: str) -> str:
    """`ylöjärvi` or `#ylöjärvi` as `#ylöjärvi` (NFC); a tag with spaces or a second `#` is refused."""
    text = nfc(value.strip())
    tag = text if text.startswith(("#", "＃")) else "#" + text
    if len(tag) < 2 or any(c.isspace() or c in "#＃" for c in tag[1:]):
        raise DataError("err.bad_hashtag", value=value)
    return tag


def hashtags(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(hashtag(v) for v in values))


def web_address(value: str, required: bool = False, key: str = "err.bad_website") -> str:
    """An http or https address with a host, or "" when none is given and none is required."""
    text = value.strip()
    if not text and not required:
        return ""
    if has_control(text):
        raise DataError(key, value=value)
    rest = text.split("://", 1)[1] if "://" in text else ""
    if (
        not text.casefold().startswith(("http://", "https://"))
        or "." not in rest.split("/", 1)[0]
        or any(c.isspace() for c in text)
    ):
        raise DataError(key, value=value)
    return text


def email(value: str) -> str:
    """An e-mail address, or "" for none: a name, one `@` and a domain of dot-separated parts, no
    spaces (`x@`, `@x`, `a@b@c` and `a@.fi` are typing slips a mail server would refuse later)."""
    text = value.strip()
    if text and not is_email(text):
        raise DataError("err.bad_email", value=value)
    return text


def stored_email(text: str) -> str:
    """An e-mail address as a record keeps it, or "" for none: checked as `email` checks a typed
    one, but not trimmed (a stored address with spaces around it is refused, not changed)."""
    if text and not is_email(text):
        raise DataError("err.bad_email", value=text)
    return text


def is_email(text: str) -> bool:
    local, at, domain = text.rpartition("@")
    return bool(
        at and local and "@" not in local and all(domain.split(".")) and not any(c.isspace() for c in text)
    )


MOST_PER_WEEK = 50  # posts a week an account or the organization may promise


# A weekly rate as a register writes it: `2`, `2/vk`, `2 krt/vko`, `1 / viikko`, `2 viikossa`,
# `3 per week`; never another period's (`2/kk` is refused, not read as a week's)
_WEEKLY = re.compile(
    r"(\d{1,2})\s*(?:(?:krt|kertaa|x|times)\.?\s*)?"
    r"(?:/\s*(?:vk|vko|viikko|week|wk)\.?|viikossa|(?:per|a)\s+week)?",
    re.IGNORECASE,
)
WEEKLY_WORDS = ("viikoittain", "weekly")  # once a week


def cadence(value: str) -> int:
    """Posts a week as a person types it (`2`, `2/vk`, `viikoittain`): ASCII digits only (`²` and `٣`
    are no number to a person), 0 to MOST_PER_WEEK (a 5,000-digit number is refused before `int`)."""
    text = value.strip()
    if text.casefold() in WEEKLY_WORDS:
        return 1
    found = _WEEKLY.fullmatch(text) if text.isascii() else None
    if found is None or int(found.group(1)) > MOST_PER_WEEK:
        raise DataError("err.bad_cadence", value=value)
    return int(found.group(1))


MOST_REPLY_DAYS = 60  # days an organization may promise for answering feedback


def reply_within(value: str) -> int:
    """The days promised for answering feedback as a person types them: ASCII digits, 0 to 60."""
    text = value.strip()
    if not (text.isascii() and text.isdigit()) or len(text) > 2 or int(text) > MOST_REPLY_DAYS:
        raise DataError("err.bad_reply_within", value=value)
    return int(text)


LONGEST_TEXT = 20_000  # characters of a message kept as it came (feedback, an incident, a note)
LONGEST_LINE = 500  # characters of a sender's handle, a receiver, a reference


def bounded_text(value: str, field: str, limit: int = LONGEST_TEXT, required: bool = False) -> str:
    """A text as typed or imported (NFC, without surrounding spaces), of at most `limit`
    characters; empty is refused when `required`."""
    text = nfc(value).strip()
    if required and not text:
        raise DataError("err.empty_text")
    if len(text) > limit:
        raise DataError("err.text_too_long", field=field, count=len(text), limit=limit)
    return text


def line(value: str, field: str, required: bool = False) -> str:
    """One line of text (a name, a reason): control characters, line breaks included, refused."""
    if has_control(value):
        raise DataError("err.control_chars", field=field)
    text = nfc(value).strip()
    if required and not text:
        raise DataError("err.missing_field", field=field)
    return text
