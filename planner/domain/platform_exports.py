"""The figures a platform's own export gives (SPEC *Goals and results*), read row by row: which
export a table is, told by its columns; each row's post address (or YouTube video id) and its
figures; and the addresses compared the way they are meant (no scheme, no `www.`, the host's case,
a trailing `/` or tracking parameters telling two addresses of one post apart). Pure."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit

from planner.domain.errors import DataError, PlannerError
from planner.domain.results import FIGURES, figure
from planner.domain.sheet import RowErrors


@dataclass(frozen=True)
class ExportKind:
    name: str  # how a person calls it
    platforms: tuple[str, ...]  # the account platforms its rows belong to
    needed: tuple[str, ...]  # columns (folded) that tell it apart; one of each `|` group
    link: tuple[str, ...]  # the post's address (or, for YouTube, its video id), first found
    figures: Mapping[str, tuple[str, ...]]  # figure -> its columns, first found


def _fold(header: str) -> str:
    return " ".join(header.strip().strip("\ufeff").casefold().split())


KINDS = (
    ExportKind(
        "Meta Business Suite (Facebook)",
        ("facebook",),
        ("permalink", "reactions"),
        ("permalink",),
        {
            "reach": ("reach",),
            "views": ("views",),
            "reactions": ("reactions",),
            "comments": ("comments",),
            "shares": ("shares",),
            "clicks": ("total clicks",),
        },
    ),
    ExportKind(
        "Meta Business Suite (Instagram)",
        ("instagram",),
        ("permalink", "likes", "saves"),
        ("permalink",),
        {
            "reach": ("reach",),
            "views": ("views",),
            "reactions": ("likes",),
            "comments": ("comments",),
            "shares": ("shares",),
            "saves": ("saves",),
        },
    ),
    ExportKind(
        "YouTube Studio",
        ("youtube",),
        ("content", "video title", "views"),
        ("content",),
        {
            "views": ("views",),
            "reach": ("impressions",),
            "reactions": ("likes",),
            "comments": ("comments added",),
            "shares": ("shares",),
        },
    ),
    ExportKind(
        "LinkedIn",
        ("linkedin",),
        ("post link|update link", "impressions"),
        ("post link", "update link"),
        {
            "views": ("impressions",),
            "clicks": ("clicks",),
            "reactions": ("likes", "reactions"),
            "comments": ("comments",),
            "shares": ("reposts", "shares"),
        },
    ),
    ExportKind(
        "X",
        ("x",),
        ("tweet permalink|post link", "impressions"),
        ("tweet permalink", "post link"),
        {
            "views": ("impressions",),
            "reactions": ("likes",),
            "comments": ("replies",),
            "shares": ("retweets", "reposts"),
        },
    ),
)


GOAL_FIGURES = {"reach": ("reach",), "engagement": ("reactions", "comments", "shares", "saves")}


def goal_without_figures(platform: str, metric: str) -> str | None:
    """Why a goal on `metric` stays at 0 on `platform` whatever it publishes, as a catalogue key:
    no known export of the platform (`note.goal_no_export`), or none with the figure the metric
    sums (`note.goal_no_figure`: LinkedIn's and X's exports count impressions, read as views, and
    give no reach); None when its exports give the figure, or the metric needs none."""
    needed = GOAL_FIGURES.get(metric)
    if needed is None:
        return None
    given = {name for kind in KINDS if platform in kind.platforms for name in kind.figures}
    if not given:
        return "note.goal_no_export"
    return None if given.intersection(needed) else "note.goal_no_figure"


@dataclass(frozen=True)
class ExportRow:
    line: int
    link: str  # the address as given (a YouTube row: its video id)
    figures: Mapping[str, int | None]


@dataclass(frozen=True)
class Export:
    kind: ExportKind
    table: str  # the sheet or file the rows came from
    rows: Sequence[ExportRow]


HEADER_ROWS = 5  # LinkedIn puts a line of description above its header


def _kind_of(header: list[str]) -> ExportKind | None:
    present = {_fold(cell) for cell in header}
    for kind in KINDS:
        if all(any(word in present for word in group.split("|")) for group in kind.needed):
            return kind
    return None


def read_export(tables: Sequence[tuple[str, Sequence[tuple[int, list[str]]]]], file: str) -> Export:
    """The first table that is a known export, its rows read; a table whose header is no known
    export, or a row whose figure is not a number, refuses the file (RowErrors names every row)."""
    for name, rows in tables:
        for index, (_, cells) in enumerate(rows[:HEADER_ROWS]):
            kind = _kind_of(cells)
            if kind is not None:
                return Export(kind, name, _rows(kind, cells, rows[index + 1 :], file))
    raise DataError("err.export_unknown", file=file)


def _rows(
    kind: ExportKind, header: list[str], rows: Sequence[tuple[int, list[str]]], file: str
) -> list[ExportRow]:
    columns = {_fold(cell): index for index, cell in reversed(list(enumerate(header)))}

    def column(names: Sequence[str]) -> int | None:
        return next((columns[n] for n in names if n in columns), None)

    link_at = column(kind.link)
    figure_at = {name: column(kind.figures.get(name, ())) for name in FIGURES}
    found: list[ExportRow] = []
    errors: list[tuple[int, PlannerError]] = []
    for line, cells in rows:
        link = _cell(cells, link_at)
        if not link or (kind.name == "YouTube Studio" and link.casefold() == "total"):
            continue  # a summary row (YouTube's `Total`), or a blank one
        try:
            texts = {name: _cell(cells, at) for name, at in figure_at.items()}
            figures = {name: figure(text, name) if text else None for name, text in texts.items()}
        except PlannerError as error:
            errors.append((line, error))
            continue
        found.append(ExportRow(line, link, figures))
    if errors:
        raise RowErrors(file, errors)
    return found


def _cell(cells: list[str], index: int | None) -> str:
    return cells[index].strip() if index is not None and index < len(cells) else ""


# Another name of the same site: X's posts were twitter.com's, a phone opens m.facebook.com.
HOST_ALIASES = {"twitter.com": "x.com", "mobile.twitter.com": "x.com", "m.facebook.com": "facebook.com"}
# Sites whose post addresses carry nothing in their query but sharing and tracking marks (`?s=20`).
NO_QUERY = frozenset({"x.com", "instagram.com", "linkedin.com"})
TRACKING_PREFIXES = ("utm_", "__cft__")  # `__cft__[0]`: Facebook's mark on a link copied from a post's time
TRACKING = frozenset({"fbclid", "gclid", "igshid", "mibextid", "si", "ref_src", "ref_url", "__tn__"})


def address_key(url: str) -> str:
    """An address as compared: no scheme, no `www.`, the host in lower case (twitter.com as x.com),
    no trailing `/`, no fragment, and no tracking parameters (`utm_*`, `fbclid`, …; on X, Instagram
    and LinkedIn no query at all); the path keeps its case."""
    text = url.strip()
    parts = urlsplit(text if "://" in text else "https://" + text)
    host = (parts.hostname or "").casefold().removeprefix("www.")
    host = HOST_ALIASES.get(host, host)
    pairs = [] if host in NO_QUERY else parse_qsl(parts.query, keep_blank_values=True)
    kept = [
        (k, v)
        for k, v in pairs
        if not k.casefold().startswith(TRACKING_PREFIXES) and k.casefold() not in TRACKING
    ]
    query = "?" + urlencode(kept) if kept else ""
    return f"{host}{parts.path.rstrip('/')}{query}"


def youtube_id(url: str) -> str | None:
    """The video id of a YouTube address (`watch?v=`, `youtu.be/`, `/shorts/`, `/live/`, `/embed/`)."""
    parts = urlsplit(url.strip() if "://" in url else "https://" + url.strip())
    host = (parts.hostname or "").casefold().removeprefix("www.").removeprefix("m.")
    path = [p for p in parts.path.split("/") if p]
    if host == "youtu.be" and path:
        return path[0]
    if host.endswith("youtube.com"):
        if path[:1] == ["watch"]:
            return dict(parse_qsl(parts.query)).get("v")
        if len(path) >= 2 and path[0] in ("shorts", "live", "embed", "v"):
            return path[1]
    return None
