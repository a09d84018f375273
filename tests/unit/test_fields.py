"""Dates and times from documents and arguments: what is accepted and what is refused."""

from __future__ import annotations

import datetime as dt
import errno
import socket

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.domain.errors import DataError, system_reason
from planner.domain.fields import parse_date, parse_time
from planner.domain.model import Post

T = dt.datetime


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-08T10:00", T(2026, 12, 8, 10, 0)),
        ("2026-12-08 10:00", T(2026, 12, 8, 10, 0)),
        ("2026-12-08T10:00:59", T(2026, 12, 8, 10, 0)),
        ("2026-12-08T08:00Z", T(2026, 12, 8, 10, 0)),  # UTC to Finnish winter time
        ("2026-07-08T10:00:00+03:00", T(2026, 7, 8, 10, 0)),
        ("2026-07-08T07:00:00+00:00", T(2026, 7, 8, 10, 0)),  # Finnish summer time
    ],
)
def test_times_accepted(text: str, expected: T) -> None:
    assert parse_time(text, "publish_at") == expected


@pytest.mark.parametrize(
    "text", ["2026-12-08", "2026-13-08T10:00", "2026-12-08T24:00", "8.12.2026 10:00", ""]
)
def test_times_refused_with_the_field_named(text: str) -> None:
    with pytest.raises(DataError) as caught:
        parse_time(text, "publish_at")
    assert "publish_at" in caught.value.render("en") and "publish_at" in caught.value.render("fi")


@pytest.mark.parametrize(
    "text",
    ["2026-12-08T10:00", "2026-12-08 10:00", "2026-12-08T08:00Z", "2026-02-30T10:00", "2026-12-08T24:00"],
)
def test_a_record_reads_times_as_parse_time_does(text: str) -> None:
    """The record parser reads the planner's own form by a shortcut; it must agree, errors included."""
    try:
        expected: object = parse_time(text, "publish_at")
    except DataError as exc:
        expected = exc.render("en")
    try:
        found: object = Post.from_dict({"id": "p", "account": "a", "publish_at": text}).publish_at
    except DataError as exc:
        found = exc.render("en")
    assert found == expected


@given(st.text(max_size=30))
def test_any_text_is_a_date_or_a_clear_error(text: str) -> None:
    try:
        day = parse_date(text, "from")
    except DataError as exc:
        assert "from" in exc.render("en")
    else:
        assert day.isoformat() == text.strip()


@pytest.mark.parametrize(
    ("error", "finnish", "english"),
    [
        (
            socket.gaierror(socket.EAI_NONAME, "Name or service not known"),
            "nimeä ei löydy",
            "Name or service not",
        ),
        (
            ConnectionRefusedError(errno.ECONNREFUSED, "Connection refused"),
            "yhteyttä ei otettu",
            "Connection refused",
        ),
        (OSError(errno.EHOSTUNREACH, "No route to host"), "palvelimeen ei ole reittiä", "No route to host"),
        (OSError(errno.ENOSPC, "No space left on device"), "levy on täynnä", "No space left on device"),
    ],
)
def test_why_the_system_refused_is_said_in_the_language(error: OSError, finnish: str, english: str) -> None:
    """ "ei voi kuunnella (Name or service not known (while attempting to bind …))": the system's
    English inside the Finnish line, for a host name that is not found."""
    refused = DataError("err.cannot_listen", host="no such host", port=8080, **system_reason(error))
    assert finnish in refused.render("fi") and english not in refused.render("fi")
    assert english in refused.render("en")


_STORED = {"post": "p-1", "account": "fb-1", "platform": "facebook", "imported_at": "2026-11-30T10:00"}


@pytest.mark.parametrize(
    ("given", "read"),
    [
        ({"reach": 1234, "views": 0}, {"reach": 1234, "views": 0}),
        ({"reach": "1 234", "views": "12.0"}, {"reach": 1234, "views": 12}),  # as an export writes them
        ({"reach": None}, {}),  # none given: no figure, not 0
    ],
)
def test_a_posts_figures_are_read_into_one_record_as_its_constructor_makes_it(
    given: dict[str, object], read: dict[str, int]
) -> None:
    from planner.domain.results import Figures

    found = Figures.from_dict({**_STORED, **given, "source": "vienti.csv", "revision": 2})
    made = Figures("p-1", "fb-1", "facebook", T(2026, 11, 30, 10, 0), source="vienti.csv", revision=2, **read)
    assert found == made and vars(found) == vars(made)


@pytest.mark.parametrize("figure", [True, -1, 1.5, 10**13, "1,5", float("nan")])
def test_a_figure_that_is_no_whole_number_from_0_is_refused_by_name(figure: object) -> None:
    from planner.domain.results import Figures

    with pytest.raises(DataError) as caught:
        Figures.from_dict({**_STORED, "shares": figure})
    assert caught.value.key == "err.bad_figure" and caught.value.params["field"] == "shares"


@pytest.mark.parametrize("media", [["img-1", 5], ["img-1", None], "img-1\x1b[31m", {"img-1": 1}])
def test_a_list_of_texts_with_anything_else_in_it_is_refused_by_name(media: object) -> None:
    with pytest.raises(DataError) as caught:
        Post.from_dict({"id": "p-1", "account": "fb-1", "media": media})
    assert caught.value.params["field"] == "media"
