"""The media library screen: every asset with a preview, what it lacks, and the posts that use it.
Filters show what needs work (missing alt text or subtitles, people without permission, location
metadata, unused); writers fix it here, auditors read."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll

from planner.domain.library import FILTERS, filtered, languages_in_use, missing, posts_using
from planner.domain.model import Asset
from planner.i18n import fmt_date
from planner.services.previews import preview_rows
from planner.ui.actions import bindings
from planner.ui.base import PlannerScreen
from planner.ui.dialogs.asset_forms import (
    DetailsForm,
    ImportForm,
    SubtitleForm,
    SubtitleInput,
    consent_choice,
    edit_alt_text,
    link_consent,
)
from planner.ui.dialogs.media_picker import ICONS
from planner.ui.widgets.image_preview import ImagePreview
from planner.ui.widgets.key_bar import KeyBar
from planner.ui.widgets.options import highlighted_id, refill
from planner.ui.widgets.plain import OptionList, Static
from planner.ui.widgets.post_card import post_lines

if TYPE_CHECKING:
    pass

WORK = ("no_alt", "no_subtitles", "no_permission", "location")  # what a writer should fix


class LibraryScreen(PlannerScreen[None]):
    SCOPE = "library"
    BINDINGS = bindings("library")

    def __init__(self, start_filter: str = "all") -> None:
        super().__init__()
        self.filter = start_filter
        self.select: str | None = None  # an asset to highlight on the next redraw (a new import)

    def compose(self) -> ComposeResult:
        yield Static(id="library-title")
        with Horizontal(id="library-top"):
            yield OptionList(id="assets")
            with VerticalScroll(id="asset-side"):
                yield ImagePreview(id="asset-preview")
                yield Static(id="asset-detail")
        yield KeyBar()

    def on_mount(self) -> None:
        self.refresh_library()
        self.query_one("#assets", OptionList).focus()

    def on_screen_resume(self) -> None:
        self.planner.reload()
        self.refresh_library()

    # Drawing -------------------------------------------------------------------------------------

    def shown(self) -> list[Asset]:
        app = self.planner
        return filtered(app.ws, self.filter, app.now().date())

    def refresh_library(self) -> None:
        app = self.planner
        assets = self.shown()
        title = Text(app.tr("ui.library_title"), style="bold")
        title.append(
            "  "
            + app.tr(
                "ui.library_filter",
                filter=app.tr("ui.filter." + self.filter),
                count=len(assets),
                total=len(app.ws.assets),
            )
        )
        self.query_one("#library-title", Static).update(title)
        keep, self.select = self.select or self.asset_id(), None
        refill(self.query_one("#assets", OptionList), [(a.id, self._line(a)) for a in assets], keep)
        self.show_asset()

    def _line(self, asset: Asset) -> Text:
        app = self.planner
        found = missing(app.ws, asset, app.now().date(), languages_in_use(app.ws, asset))
        line = Text(f"{ICONS.get(asset.kind, '?')} {asset.id}", style="dim" if "unused" in found else "")
        if found & set(WORK):
            line.append(" ⚠" * len(found & set(WORK)), style="bold yellow")
        return line

    def asset_id(self) -> str | None:
        return highlighted_id(self.query_one("#assets", OptionList))

    def asset(self) -> Asset | None:
        asset_id = self.asset_id()
        return self.planner.ws.assets.get(asset_id) if asset_id else None

    @on(OptionList.OptionHighlighted, "#assets")
    def show_asset(self) -> None:
        app = self.planner
        asset = self.asset()
        preview = self.query_one(ImagePreview)
        detail = self.query_one("#asset-detail", Static)
        if asset is None:
            preview.show(None, app.lang)
            detail.update(app.tr("ui.library_empty"))
            return
        load = (
            functools.partial(preview_rows, app.session.store.assets, asset)
            if asset.kind == "image"
            else None
        )
        preview.show(load, app.lang, columns=32, rows=8)
        detail.update(self._detail(asset))

    def _detail(self, asset: Asset) -> Text:
        app, ws = self.planner, self.planner.ws
        today = app.now().date()
        out = Text(asset.file, style="bold")
        if asset.width and asset.height:
            out.append(
                "  "
                + app.tr("ui.asset_facts", width=asset.width, height=asset.height, format=asset.format or "")
            )
        found = missing(ws, asset, today, languages_in_use(ws, asset))
        for name in WORK:
            if name in found:
                out.append("\n⚠ " + app.tr("ui.filter." + name), style="yellow")
        texts = asset.alt if asset.kind == "image" else asset.subtitles
        key = "ui.asset_alt" if asset.kind == "image" else "ui.asset_subs"
        for lang, text in sorted(texts.items()):
            out.append("\n" + app.tr(key, lang=lang, text=text))
        out.append("\n" + app.tr("ui.asset_people", people=app.tr("people." + asset.people)))
        if asset.consents:
            out.append("\n" + app.tr("ui.asset_consents"))
            for consent_id in asset.consents:
                if consent_id in ws.consents:
                    out.append("\n  " + consent_choice(app, consent_id).strip())
                else:
                    out.append("\n  " + app.tr("ui.missing_consent", consent=consent_id), style="red")
        rights = app.tr("rights." + asset.rights)
        if asset.rights_expire:
            rights += ", " + app.tr("ui.asset_expire", day=fmt_date(asset.rights_expire, app.lang))
        if asset.attribution:
            rights += f" · {asset.attribution}"
        out.append("\n" + app.tr("ui.asset_rights", rights=rights))
        used = posts_using(ws, asset.id)
        out.append("\n" + app.tr("ui.asset_used" if used else "ui.asset_unused"), style="bold")
        for post in used:
            out.append("\n" + post_lines(post, ws.accounts, app.lang, "  "))
        return out

    # Actions -------------------------------------------------------------------------------------

    def action_next_filter(self) -> None:
        self.filter = FILTERS[(FILTERS.index(self.filter) + 1) % len(FILTERS)]
        self.refresh_library()

    def action_alt_text(self) -> None:
        asset = self.asset()
        if asset is not None and asset.kind != "image":
            self.planner.notify(self.planner.tr("ui.alt_for_images"), severity="warning")
        elif asset is not None:
            lang = languages_in_use(self.planner.ws, asset)[0]
            edit_alt_text(self.planner, asset, lang, self.refresh_library)

    def action_link_consent(self) -> None:
        asset = self.asset()
        if asset is not None:
            link_consent(self.planner, asset, self.refresh_library)

    def action_details(self) -> None:
        from planner.services import library

        app, asset = self.planner, self.asset()
        if asset is None or not app.may_write("action.library_write"):
            return

        def submit(change: library.AssetEdit) -> Asset:
            return library.edit_asset(app.session, asset.id, change)

        app.push_screen(DetailsForm(asset, submit))

    def action_subtitles(self) -> None:
        from planner.services import library

        app, asset = self.planner, self.asset()
        if asset is not None and asset.kind != "video":
            app.notify(app.tr("err.not_video", asset=asset.id), severity="warning")
            return
        if asset is None or not app.may_write("action.library_write"):
            return

        def submit(typed: SubtitleInput) -> library.Attached:
            done = library.attach_subtitles(app.session, asset.id, typed.file, typed.lang)
            app.notify(
                app.tr(
                    "cli.subtitles_attached",
                    language=done.lang,
                    asset=asset.id,
                    file=done.file,
                    count=done.cues,
                )
            )
            app.warn(done.warnings)
            return done

        app.push_screen(SubtitleForm(asset, submit))

    def action_import_file(self) -> None:
        from planner.services import library

        app = self.planner
        if not app.may_write("action.library_write"):
            return

        def submit(new: library.NewAsset) -> Asset:
            asset = library.add_asset(app.session, new)
            self.filter, self.select = "all", asset.id
            app.notify(app.tr("ui.imported", asset=asset.id, file=asset.file))
            return asset

        app.push_screen(ImportForm(submit))

    def action_consents(self) -> None:
        self.planner.open_view("consents")

    def action_back(self) -> None:
        self.dismiss(None)
