"""The short path of reading a record (planner.domain.plain) gives what `Fields` gives, or steps
aside: the same record, or the same refusal, for documents as the planner writes them and for
hostile ones."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.domain import plain
from planner.domain.errors import DataError
from planner.domain.model import _ASSET_SHAPE, _CONSENT_SHAPE, _POST_SHAPE, Asset, Consent, Post
from planner.domain.plain import plain_record

WRITTEN_POST = {
    "id": "p-1",
    "account": "fb-city",
    "publish_at": "2027-06-14T09:00",
    "title": "Kesäkahvila",
    "text": "Tervetuloa! #ylöjärvi https://ylojarvi.fi",
    "kind": "announcement",
    "lang": "fi",
    "owner": "aino",
    "media": ["a-1", "a-2"],
    "campaign": None,
    "status": "ready",
    "ready_by": "aino",
    "ready_at": "2027-06-10T12:30",
    "taken_down": None,
    "approved_at": None,
    "modified_at": "2027-06-10T12:30",
    "revision": 3,
}
WRITTEN_ASSET = {
    "id": "a-1",
    "file": "kuvat/kahvila.JPG",
    "alt": {"fi": "Kahvila rannalla", "en": "A café by the lake"},
    "subtitles": {},
    "people": "identifiable",
    "consents": ["c-1"],
    "rights": "own",
    "rights_expire": "2028-01-31",
    "width": 1200,
    "height": 800,
    "format": "JPEG",
    "location": False,
    "revision": 1,
}

WRITTEN_CONSENT = {
    "id": "c-1",
    "subject": "Oona Esimerkki",
    "minor": True,
    "guardian": "Olli Esimerkki",
    "written": True,
    "evidence": "lupa-2027-04.pdf",
    "scope": ["*"],
    "valid_from": "2027-04-01",
    "valid_to": None,
    "withdrawn": None,
    "revision": 2,
}


def _outcome(read: Any, doc: object) -> object:
    """The record read, or the refusal as its key and parameters."""
    try:
        return read(doc)
    except DataError as error:
        return ("refused", error.render("en"))


def test_a_post_as_the_planner_writes_it_takes_the_short_path_to_the_same_record() -> None:
    assert plain_record(WRITTEN_POST, _POST_SHAPE) is not None
    post = Post.from_dict(WRITTEN_POST)
    assert post == Post.from_fields(WRITTEN_POST)
    assert post.publish_at == dt.datetime(2027, 6, 14, 9, 0) and post.media == ("a-1", "a-2")
    assert post.published_by is None and post.copied_from is None  # the defaults filled in
    assert Post.from_dict(post.to_dict()) == post  # and a record written back reads the same


def test_an_asset_takes_the_short_path_and_its_kind_is_guessed_from_the_file() -> None:
    assert plain_record(WRITTEN_ASSET, _ASSET_SHAPE) is not None
    asset = Asset.from_dict(WRITTEN_ASSET)
    assert asset == Asset.from_fields(WRITTEN_ASSET) and asset.kind == "image"
    video = Asset.from_dict({**WRITTEN_ASSET, "file": "video/kevat.MP4"})
    assert video.kind == "video" and video == Asset.from_fields({**WRITTEN_ASSET, "file": "video/kevat.MP4"})
    bare = Asset.from_dict({"id": "a-2", "file": "x.png"})
    assert bare.alt == {} and bare.alt is not Asset.from_dict({"id": "a-3", "file": "y.png"}).alt


def test_records_made_on_the_short_path_are_distinct_and_frozen() -> None:
    one, two = Post.from_dict(WRITTEN_POST), Post.from_dict({**WRITTEN_POST, "id": "p-2"})
    assert one != two and hash(one) != hash(two)
    with pytest.raises(AttributeError):
        one.title = "muu"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("text", "Punainen \x1b[31mteksti"),  # a terminal escape
        ("title", "Cafe\u0301"),  # not in NFC: the full path composes it
        ("owner", "\ud800"),  # a lone surrogate
        ("id", " p-1 "),  # spaces around an id: stripped by the full path
        ("account", "fb city"),  # a space inside an id: refused
        ("account", "x" * 81),
        ("status", ""),
        ("status", "valmis"),
        ("kind", 3),
        ("lang", " fi "),
        ("lang", ""),
        ("media", "a-1"),  # a lone text for a list
        ("media", ["a-1", " "]),
        ("media", ["a-1", 2]),
        ("publish_at", "2027-06-14T09:00:30"),  # seconds
        ("publish_at", "2027-06-14T09:00+03:00"),  # an offset
        ("publish_at", "2027-02-30T09:00"),
        ("publish_at", "0999-06-14T09:00"),
        ("publish_at", ""),
        ("taken_down", "2027-6-1"),
        ("taken_down", "2027-02-29"),
        ("revision", True),
        ("revision", -1),
        ("revision", 1.0),
        ("owner", ""),
        ("text", 12),
    ],
)
def test_a_post_off_the_planner_shape_reads_as_fields_read_it(field: str, value: object) -> None:
    doc = {**WRITTEN_POST, field: value}
    assert plain_record(doc, _POST_SHAPE) is None
    assert _outcome(Post.from_dict, doc) == _outcome(Post.from_fields, doc)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("alt", {" fi": "Kahvila"}),  # the full path strips the language
        ("alt", {"fi": "Kahvila", "en": "  "}),  # and drops a blank text
        ("alt", "Kahvila"),  # a lone text is the default language's
        ("alt", {"fi": 3}),
        ("alt", {"fi": "Kahvila\x07"}),
        ("subtitles", {"fi": "tekstit/e\u0301.srt"}),
        ("file", ""),
        ("kind", "gif"),
        ("people", None),  # absent: the default, on the short path too
        ("location", "yes"),  # not a flag: no value, on both paths
        ("consents", ["c-1", ""]),
        ("width", -5),
        ("rights_expire", "31.1.2028"),
    ],
)
def test_an_asset_off_the_planner_shape_reads_as_fields_read_it(field: str, value: object) -> None:
    doc = {**WRITTEN_ASSET, field: value}
    assert _outcome(Asset.from_dict, doc) == _outcome(Asset.from_fields, doc)


def test_a_post_without_an_id_takes_the_default_id_on_the_full_path() -> None:
    doc = {k: v for k, v in WRITTEN_POST.items() if k != "id"}
    assert Post.from_dict(doc, default_id="p-9").id == "p-9"
    no_lang = {k: v for k, v in WRITTEN_POST.items() if k != "lang"}
    assert Post.from_dict(no_lang, default_lang="sv").lang == "sv"


_EDGES = st.sampled_from(
    ["", " ", "aino", " aino", "aino\t", "e\u0301", "\u0301", "\x1b", "\ud800", "Å", "\u2028"]
)
_TEXTS = st.one_of(_EDGES, _EDGES, st.text(max_size=8))
_VALUES = st.one_of(
    st.none(),
    _TEXTS,
    st.integers(min_value=-2, max_value=3),
    st.booleans(),
    st.floats(allow_nan=False, max_value=9, min_value=-9),
    st.lists(_TEXTS, max_size=3),
    st.dictionaries(_TEXTS, _TEXTS, max_size=2),
    st.sampled_from(
        [
            "2027-06-14T09:00",
            "2027-06-14 09:00",
            "2027-06-14T09:00:00",
            "2027-06-14T25:00",
            "1899-12-31T23:59",
            "9999-01-01T00:00",
            "2027-06-14",
            "2027-02-29",
            "١٢٣٤-٠١-٠١",
            "fb-city",
            "ready",
            "draft",
            "announcement",
            "video",
            "identifiable",
            "own",
            "fi",
        ]
    ),
)


_TIMES = st.sampled_from(["2027-06-14T09:00", "2027-06-14T23:59", "1900-01-01T00:00", "9998-12-31T23:59"])
_DATES = st.sampled_from(["2027-06-14", "1900-01-01", "9998-12-31", "2028-02-29"])


def _valid(kind: int, extra: Any) -> st.SearchStrategy[Any]:
    """Values of the field's own kind, many of them on the edge of the short path."""
    return {
        plain.ID: st.sampled_from(["p-1", "fb-city", "x" * 80, "a.b@c:d+e", "ä-1"]),
        plain.TEXT: _TEXTS,
        plain.OPTIONAL: _TEXTS,
        plain.LINE: _TEXTS,
        plain.CHOICE: st.sampled_from(extra or ("",)),
        plain.TIME: _TIMES,
        plain.DATE: _DATES,
        plain.STRINGS: st.lists(_TEXTS, max_size=3),
        plain.NUMBER: st.integers(min_value=-1, max_value=5),
        plain.BOOLEAN: st.booleans(),
        plain.MAP: st.dictionaries(_TEXTS, _TEXTS, max_size=2),
        plain.FLAG: st.booleans(),
    }[kind]


def _changes(shape: plain.Shape) -> st.SearchStrategy[dict[str, Any]]:
    """Up to two fields of a written document changed: to a value of their kind (mostly) or
    to anything at all."""
    kinds = {
        name: st.one_of(_valid(kind, extra), _valid(kind, extra), _VALUES)
        for name, (kind, extra) in shape.fields.items()
    }
    names = st.lists(st.sampled_from(sorted(kinds)), max_size=2, unique=True)
    return names.flatmap(lambda chosen: st.fixed_dictionaries({name: kinds[name] for name in chosen}))


def _documents(shape: plain.Shape) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({}, optional=dict.fromkeys(shape.fields, _VALUES))


@settings(max_examples=500, deadline=None)
@given(change=_changes(_POST_SHAPE))
def test_a_written_post_changed_reads_the_same_on_both_paths(change: dict[str, Any]) -> None:
    doc = {**WRITTEN_POST, **change}
    assert _outcome(Post.from_dict, doc) == _outcome(Post.from_fields, doc)


@settings(max_examples=500, deadline=None)
@given(change=_changes(_ASSET_SHAPE))
def test_a_written_asset_changed_reads_the_same_on_both_paths(change: dict[str, Any]) -> None:
    doc = {**WRITTEN_ASSET, **change}
    assert _outcome(Asset.from_dict, doc) == _outcome(Asset.from_fields, doc)


@settings(max_examples=200, deadline=None)
@given(doc=_documents(_POST_SHAPE))
def test_any_post_document_reads_the_same_on_both_paths(doc: dict[str, Any]) -> None:
    assert _outcome(Post.from_dict, doc) == _outcome(Post.from_fields, doc)


@settings(max_examples=200, deadline=None)
@given(doc=_documents(_ASSET_SHAPE))
def test_any_asset_document_reads_the_same_on_both_paths(doc: dict[str, Any]) -> None:
    assert _outcome(Asset.from_dict, doc) == _outcome(Asset.from_fields, doc)


@given(st.lists(st.text(max_size=6), min_size=1, max_size=4))
def test_texts_joined_by_a_line_break_are_nfc_exactly_when_each_is(texts: list[str]) -> None:
    import unicodedata

    joined = unicodedata.is_normalized("NFC", "\n".join(texts))
    assert joined == all(unicodedata.is_normalized("NFC", text) for text in texts)


def test_a_consent_takes_the_short_path_and_a_flag_that_is_not_one_is_refused() -> None:
    assert plain_record(WRITTEN_CONSENT, _CONSENT_SHAPE) is not None
    consent = Consent.from_dict(WRITTEN_CONSENT)
    assert consent == Consent.from_fields(WRITTEN_CONSENT) and consent.minor and consent.scope == ("*",)
    for bad in ("yes", 1, 0):
        doc = {**WRITTEN_CONSENT, "written": bad}
        assert plain_record(doc, _CONSENT_SHAPE) is None
        assert _outcome(Consent.from_dict, doc) == _outcome(Consent.from_fields, doc)
        assert _outcome(Consent.from_dict, doc)[0] == "refused"  # type: ignore[index]


@settings(max_examples=500, deadline=None)
@given(change=_changes(_CONSENT_SHAPE))
def test_a_written_consent_changed_reads_the_same_on_both_paths(change: dict[str, Any]) -> None:
    doc = {**WRITTEN_CONSENT, **change}
    assert _outcome(Consent.from_dict, doc) == _outcome(Consent.from_fields, doc)
