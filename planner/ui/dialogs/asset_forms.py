"""The media library's dialogs: alt text with the image beside it and a live count, importing a file,
attaching subtitles, people and rights, and linking consents. Each calls the library service, which
validates and checks the role again; a refusal shows in the dialog, which keeps what was typed."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Checkbox, Input, TextArea

from planner.domain.dates import parse_day
from planner.domain.errors import PlannerError
from planner.domain.library import alt_limits, shown_subject
from planner.domain.model import PEOPLE_SHOWN, RIGHTS, Asset
from planner.domain.rules.media import alt_quality_problems
from planner.i18n import fmt_date, t
from planner.i18n.dates import typed_day
from planner.services import library
from planner.services.previews import preview_rows
from planner.ui.dialogs.form import Form
from planner.ui.dialogs.pick import Pick
from planner.ui.widgets.image_preview import ImagePreview
from planner.ui.widgets.plain import Label, Select, Static
from planner.ui.widgets.tick import Tick

if TYPE_CHECKING:
    from planner.ui.context import Planner


def _choices(prefix: str, values: tuple[str, ...], lang: str) -> list[tuple[str, str]]:
    return [(t(f"{prefix}.{value}", lang), value) for value in values]


class AltTextForm(Form):
    """Alt text for one image in one language at a time: the picture on the left, the text on the
    right with its length against the limits of the platforms that use the image."""

    def __init__(self, asset: Asset, lang: str, submit: Callable[[Any], object]) -> None:
        super().__init__(submit)
        self.asset, self.lang = asset, lang

    def compose(self) -> ComposeResult:
        app = self.planner
        langs = dict.fromkeys((*app.ws.organization.languages, *self.asset.alt, self.lang))
        with Vertical(classes="dialog wide", id="alt-form"):
            yield Label(app.tr("ui.alt_title", asset=self.asset.id), classes="dialog-title")
            with Horizontal(id="alt-body"):
                yield ImagePreview(id="alt-preview")
                with Vertical(id="alt-fields"):
                    yield from self.row(
                        app.tr("ui.field.lang"),
                        Select(
                            [(code, code) for code in langs],
                            value=self.lang,
                            allow_blank=False,
                            compact=True,
                            id="alt-lang",
                        ),
                    )
                    yield TextArea(
                        self.asset.alt.get(self.lang, ""), id="alt-text", soft_wrap=True, compact=True
                    )
                    yield Static(id="alt-count")
                    yield Static(id="alt-quality")
            yield from self.buttons()

    def on_mount(self) -> None:
        app = self.planner
        load = functools.partial(preview_rows, app.session.store.assets, self.asset)
        self.query_one(ImagePreview).show(load, app.lang, columns=24, rows=8)
        self.query_one("#alt-text", TextArea).focus()
        self.show_count()

    @on(Select.Changed, "#alt-lang")
    def load_language(self, event: Select.Changed) -> None:
        if isinstance(event.value, str):
            self.query_one("#alt-text", TextArea).text = self.asset.alt.get(event.value, "")

    @on(TextArea.Changed, "#alt-text")
    def show_count(self) -> None:
        app = self.planner
        text = self.query_one("#alt-text", TextArea).text.strip()
        line = Text(app.tr("ui.alt_count", length=len(text)), style="bold")
        limits = alt_limits(app.ws, self.asset)
        for limit in limits:
            over = len(text) > limit.limit
            line.append("  ·  ")
            line.append(
                app.tr("ui.alt_limit", platform=limit.platform, limit=limit.limit),
                style="bold red" if over else "",
            )
        if not limits:
            line.append("  ·  " + app.tr("ui.alt_no_limit"))
        line.append("\n" + app.tr("ui.alt_guide"), style="dim")
        self.query_one("#alt-count", Static).update(line)
        if text:
            problems = [t(p.key, app.lang, **p.params) for p in alt_quality_problems(self.asset, text)]
        else:
            problems = [t("media.alt_text.missing", app.lang, asset=self.asset.id, lang=self._lang())]
        quality = Text("\n".join(f"⚠ {p}" for p in problems), style="yellow")
        self.query_one("#alt-quality", Static).update(quality)

    def _lang(self) -> str:
        value = self.query_one("#alt-lang", Select).value
        return value if isinstance(value, str) else self.lang

    def result(self) -> tuple[str, str]:
        return self._lang(), self.query_one("#alt-text", TextArea).text


class ImportForm(Form):
    """A file from anywhere on disk into assets/, with its people, rights and alt text."""

    def compose(self) -> ComposeResult:
        app, lang = self.planner, self.planner.lang
        with Vertical(classes="dialog wide", id="import-form"):
            yield Label(app.tr("ui.asset_import_title"), classes="dialog-title")
            yield from self.row(app.tr("ui.field.file"), Input(compact=True, id="path"))
            yield from self.row(app.tr("ui.field.alt"), Input(compact=True, id="alt"))
            yield from self.row(
                app.tr("ui.field.people"),
                Select(
                    _choices("people", PEOPLE_SHOWN, lang),
                    value="unknown",
                    allow_blank=False,
                    compact=True,
                    id="people",
                ),
            )
            yield from self.row(
                app.tr("ui.field.rights"),
                Select(
                    _choices("rights", RIGHTS, lang),
                    value="own",
                    allow_blank=False,
                    compact=True,
                    id="rights",
                ),
            )
            yield Tick(app.tr("ui.strip_location"), True, id="strip", compact=True)
            yield from self.buttons()

    def result(self) -> library.NewAsset:
        people, rights = self.query_one("#people", Select).value, self.query_one("#rights", Select).value
        return library.NewAsset(
            file=self.planner.chosen_file(self.value("path")),
            alt=self.value("alt") or None,
            people=str(people),
            rights=str(rights),
            strip_location=self.query_one("#strip", Checkbox).value,
        )


@dataclass(frozen=True)
class SubtitleInput:
    file: Path
    lang: str


class SubtitleForm(Form):
    FIELD_LABELS: ClassVar[dict[str, str]] = {"--lang": "ui.field.lang"}

    def __init__(self, asset: Asset, submit: Callable[[Any], object]) -> None:
        super().__init__(submit)
        self.asset = asset

    def compose(self) -> ComposeResult:
        app = self.planner
        default = next(
            (lang for lang in app.ws.organization.languages if lang not in self.asset.subtitles),
            app.ws.organization.default_lang,
        )
        with Vertical(classes="dialog wide", id="subtitle-form"):
            yield Label(app.tr("ui.subs_title", asset=self.asset.id), classes="dialog-title")
            yield from self.row(app.tr("ui.field.file"), Input(compact=True, id="path"))
            yield from self.row(app.tr("ui.field.lang"), Input(default, compact=True, id="lang"))
            yield from self.buttons()

    def result(self) -> SubtitleInput:
        return SubtitleInput(self.planner.chosen_file(self.value("path")), self.value("lang"))


class DetailsForm(Form):
    """Who the image shows and who owns it: people, rights, licence end and attribution."""

    def __init__(self, asset: Asset, submit: Callable[[Any], object]) -> None:
        super().__init__(submit)
        self.asset = asset

    def compose(self) -> ComposeResult:
        app, lang, asset = self.planner, self.planner.lang, self.asset
        expire = typed_day(asset.rights_expire, app.lang) if asset.rights_expire else ""
        with Vertical(classes="dialog wide", id="details-form"):
            yield Label(app.tr("ui.details_title", asset=asset.id), classes="dialog-title")
            yield from self.row(
                app.tr("ui.field.people"),
                Select(
                    _choices("people", PEOPLE_SHOWN, lang),
                    value=asset.people,
                    allow_blank=False,
                    compact=True,
                    id="people",
                ),
            )
            yield from self.row(
                app.tr("ui.field.rights"),
                Select(
                    _choices("rights", RIGHTS, lang),
                    value=asset.rights,
                    allow_blank=False,
                    compact=True,
                    id="rights",
                ),
            )
            yield from self.row(
                app.tr("ui.field.expire"),
                Input(expire, compact=True, id="expire", placeholder=app.tr("ui.date_placeholder")),
            )
            yield from self.row(
                app.tr("ui.field.attribution"), Input(asset.attribution, compact=True, id="attribution")
            )
            yield from self.buttons()

    def result(self) -> library.AssetEdit:
        people, rights = self.query_one("#people", Select).value, self.query_one("#rights", Select).value
        expire = self.value("expire")
        app = self.planner
        return library.AssetEdit(
            people=str(people),
            rights=str(rights),
            rights_expire=parse_day(expire, app.tr("ui.field.expire"), app.now().date()) if expire else None,
            clear_rights_expire=not expire,
            attribution=self.value("attribution"),
            revision=self.asset.revision,
        )


# Flows the library screen and the editor share ---------------------------------------------------


def edit_alt_text(app: Planner, asset: Asset, lang: str, done: Callable[[], None]) -> None:
    """Open the alt-text dialog for `asset`; `done` runs after a save."""
    if not app.may_write("action.library_write"):
        return

    def submit(typed: tuple[str, str]) -> Asset:
        language, text = typed
        change = library.AssetEdit(alt=text, lang=language, revision=asset.revision)  # a newer one: conflict
        saved = library.edit_asset(app.session, asset.id, change)
        app.notify(app.tr("ui.alt_saved", lang=language, asset=asset.id))
        return saved

    app.push_screen(AltTextForm(asset, lang, submit), lambda saved: _after(app, saved, done))


def link_consent(app: Planner, asset: Asset, done: Callable[[], None]) -> None:
    """Pick a consent from the register to link to `asset` (or unlink, when it is linked)."""
    if not app.may_write("action.library_write"):
        return
    if not app.ws.consents:
        app.notify(app.tr("ui.no_consents"), severity="warning")
        return
    choices = [
        (c.id, consent_choice(app, c.id, linked=c.id in asset.consents))
        for c in sorted(app.ws.consents.values(), key=lambda c: c.id)
    ]

    def chosen(consent_id: str | None) -> None:
        if not consent_id:
            return
        linked = consent_id in asset.consents
        change = (
            library.AssetEdit(unlink=(consent_id,))
            if linked
            else library.AssetEdit(link=(consent_id,), people="identifiable")
        )
        try:
            library.edit_asset(app.session, asset.id, change)
        except PlannerError as error:
            app.fail(error)
            return
        app.notify(app.tr("ui.unlinked" if linked else "ui.linked", consent=consent_id, asset=asset.id))
        _after(app, True, done)

    app.push_screen(Pick(app.tr("ui.link_prompt", asset=asset.id), choices, wide=True), chosen)


def consent_choice(app: Planner, consent_id: str, linked: bool = False) -> str:
    """A consent as one line, with the name only when this viewer may see it."""
    consent = app.ws.consents[consent_id]
    subject = shown_subject(consent, app.is_admin()) or app.tr("ui.minor_hidden")
    mark = "✓ " if linked else "  "
    scope = ", ".join(consent.scope)
    until = f" – {fmt_date(consent.valid_to, app.lang)}" if consent.valid_to else ""
    withdrawn = ""
    if consent.withdrawn:
        withdrawn = "  ✗ " + app.tr("consent.withdrawn", day=fmt_date(consent.withdrawn, app.lang))
    return f"{mark}{consent.id}  {subject}  [{scope}]{until}{withdrawn}"


def _after(app: Planner, saved: object, done: Callable[[], None]) -> None:
    if saved:
        app.reload()
        done()
