"""Finnish and English texts of a post's life: the steps after ready, review and crisis holds."""

from __future__ import annotations

LIFE_TEXTS: dict[str, dict[str, str]] = {
    # Rules.
    "post.review.title": {"fi": "Tarkastus", "en": "Review"},
    "post.review.missing": {
        "fi": "Tilin {account} julkaisut tarkastetaan ennen valmista: toinen henkilö "
        "(tilin pääkäyttäjä tai vastuuhenkilö) hyväksyy sen.",
        "en": "Posts of {account} are reviewed before ready: someone else (an admin or owner of the "
        "account) approves it.",
    },
    "post.review.stale": {
        "fi": "Sisältöä on muutettu sen jälkeen, kun {by} hyväksyi sen {at}: se tarvitsee uuden hyväksynnän.",
        "en": "The content changed after {by} approved it on {at}: it needs a new approval.",
    },
    "post.crisis_hold.title": {"fi": "Kriisitauko", "en": "Crisis hold"},
    "post.crisis_hold": {
        "fi": "Kriisitauko ({reason}, aloitti {by} {since}): keskeytä tämä julkaisu tai siirrä se.",
        "en": "Crisis hold ({reason}, started by {by} on {since}): pause or reschedule this post.",
    },
    # Steps, as the refusals name them.
    "step.schedule": {"fi": "ajastaa", "en": "scheduled"},
    "step.publish": {"fi": "merkitä julkaistuksi", "en": "marked published"},
    "step.cancel": {"fi": "perua", "en": "cancelled"},
    "step.reopen": {"fi": "palauttaa luonnokseksi", "en": "reopened"},
    "step.takedown": {"fi": "merkitä poistetuksi kanavalta", "en": "marked taken down"},
    "step.approve": {"fi": "hyväksyä", "en": "approved"},
    "step.move": {"fi": "siirtää", "en": "moved"},
    "refused.step": {
        "fi": "Julkaisua {post} ei voi {step}: se on tilassa {status}.",
        "en": "Post {post} cannot be {step}: it is {status}.",
    },
    "refused.taken_down": {
        "fi": "Julkaisun {post} poisto kanavalta on jo kirjattu ({day}).",
        "en": "Post {post} is already recorded as taken down ({day}).",
    },
    "refused.not_scheduled": {
        "fi": "Julkaisua {post} ei ajastettu: {count} {count|virhe|virhettä} ({rules}).",
        "en": "Post {post} was not scheduled: {count} {count|error|errors} ({rules}).",
    },
    "refused.approver": {
        "fi": "{user} ei voi hyväksyä tilin {account} julkaisuja: hyväksyjä on tilin pääkäyttäjä tai vastuuhenkilö.",
        "en": "{user} cannot approve posts of {account}: an approver is an admin or owner of the account.",
    },
    "refused.own_edit": {
        "fi": "{user} muutti julkaisua {post} viimeksi; hyväksyjä on joku toinen.",
        "en": "{user} made the last change to {post}; someone else approves it.",
    },
    "refused.no_hold": {"fi": "Kriisitauko ei ole päällä.", "en": "No crisis hold is on."},
    "action.crisis": {"fi": "aloittaa tai lopettaa kriisitaukoa", "en": "start or end a crisis hold"},
    "err.bad_url": {
        "fi": "«{value}» ei ole julkaisun osoite (http:// tai https://).",
        "en": "«{value}» is not the post's address (http:// or https://).",
    },
    # The checklist's evidence.
    "doc.section.holds": {"fi": "Kriisitauot", "en": "Crisis holds"},
    "doc.sheet.holds": {"fi": "Kriisitauot", "en": "Crisis holds"},
    "doc.col.approved_by": {"fi": "Hyväksyjä", "en": "Approved by"},
    "doc.col.approved_at": {"fi": "Hyväksytty", "en": "Approved at"},
    "doc.col.published_at": {"fi": "Julkaistu", "en": "Published at"},
    "doc.col.published_url": {"fi": "Julkaisun osoite", "en": "Address"},
    "doc.col.taken_down": {"fi": "Poistettu kanavalta", "en": "Taken down"},
    "doc.col.hold": {"fi": "Tauko", "en": "Hold"},
    "doc.col.reason": {"fi": "Syy", "en": "Reason"},
    "doc.col.accounts": {"fi": "Tilit", "en": "Accounts"},
    "doc.col.started_by": {"fi": "Aloitti", "en": "Started by"},
    "doc.col.started_at": {"fi": "Alkoi", "en": "Started at"},
    "doc.col.ended_by": {"fi": "Lopetti", "en": "Ended by"},
    "doc.col.ended_at": {"fi": "Päättyi", "en": "Ended at"},
    # The calendar feed.
    "ics.published": {"fi": "Julkaistu {at}: {url}", "en": "Published on {at}: {url}"},
    "ics.taken_down": {"fi": "Poistettu kanavalta {day}: {reason}", "en": "Taken down on {day}: {reason}"},
    "ics.cancelled": {"fi": "Peruttu: {reason}", "en": "Cancelled: {reason}"},
    # The command line.
    "cli.scheduled": {"fi": "{post} ajastettu ({user}, {at}).", "en": "{post} scheduled ({user}, {at})."},
    "cli.published": {"fi": "{post} julkaistu {at}: {url}", "en": "{post} published on {at}: {url}"},
    "cli.cancelled": {"fi": "{post} peruttu ({user}).", "en": "{post} cancelled ({user})."},
    "cli.reopened": {
        "fi": "{post} on taas luonnos: merkitse se valmiiksi, kun tarkistukset menevät läpi.",
        "en": "{post} is a draft again: mark it ready when the checks pass.",
    },
    "cli.taken_down": {
        "fi": "{post}: poisto kanavalta kirjattu {day} ({user}).",
        "en": "{post}: taken down on {day} ({user}).",
    },
    "cli.approved": {"fi": "{post} hyväksytty ({user}, {at}).", "en": "{post} approved ({user}, {at})."},
    "cli.all_accounts": {"fi": "kaikki tilit", "en": "every account"},
    "cli.crisis_started": {
        "fi": "Kriisitauko alkoi ({accounts}): {count} {count|julkaisu|julkaisua} keskeytettävänä.",
        "en": "Crisis hold on ({accounts}): {count} {count|post|posts} to pause.",
    },
    "cli.crisis_ended": {
        "fi": "Kriisitauko {hold} päättyi ({reason}).",
        "en": "Crisis hold {hold} ended ({reason}).",
    },
    "cli.crisis_none": {"fi": "Kriisitauko ei ole päällä.", "en": "No crisis hold is on."},
    "cli.crisis_hold": {
        "fi": "Kriisitauko {hold}: {reason} (aloitti {by} {since}; {accounts})",
        "en": "Crisis hold {hold}: {reason} (started by {by} on {since}; {accounts})",
    },
    "cli.crisis_held": {
        "fi": "{count} {count|julkaisu|julkaisua} keskeytettävänä:",
        "en": "{count} {count|post|posts} to pause:",
    },
    # Help.
    "help.cmd.post_schedule": {
        "fi": "kirjaa valmis julkaisu ajastetuksi kanavan ajastimeen; evätään (1), jos virhe on",
        "en": "record a ready post as put in the platform's scheduler; refused (1) while an error stands",
    },
    "help.cmd.post_publish": {
        "fi": "kirjaa valmis tai ajastettu julkaisu julkaistuksi (osoite ja aika)",
        "en": "record a ready or scheduled post as published (where and when)",
    },
    "help.cmd.post_cancel": {
        "fi": "peru luonnos, valmis tai ajastettu julkaisu (syy talteen)",
        "en": "cancel a draft, ready or scheduled post (with the reason)",
    },
    "help.cmd.post_reopen": {
        "fi": "palauta valmis, ajastettu tai peruttu julkaisu luonnokseksi",
        "en": "take a ready, scheduled or cancelled post back to draft",
    },
    "help.cmd.post_takedown": {
        "fi": "kirjaa julkaistu julkaisu poistetuksi kanavalta (se pysyy julkaistuna)",
        "en": "record a published post as taken down from the channel (it stays published)",
    },
    "help.cmd.post_copy": {
        "fi": "kopioi julkaisu luonnokseksi toiselle tilille; tulostaa uuden tunnisteen",
        "en": "copy a post as a new draft on an account; prints the new id",
    },
    "help.cmd.post_approve": {
        "fi": "hyväksy julkaisu (tarkastava tili): tilin pääkäyttäjä tai vastuuhenkilö, ei viimeinen muokkaaja",
        "en": "approve a post (an account with review): an admin or owner of the account, not its last editor",
    },
    "help.post.published_url": {
        "fi": "julkaisun osoite kanavalla (http:// tai https://)",
        "en": "the post's address on the platform (http:// or https://)",
    },
    "help.post.published_at": {
        "fi": "milloin se julkaistiin (oletus nyt): 14.6.2027 9.00",
        "en": "when it went out (default now): 2027-06-14 09:00",
    },
    "help.post.cancel_reason": {"fi": "miksi se peruttiin", "en": "why it was cancelled"},
    "help.post.takedown_reason": {"fi": "miksi se poistettiin", "en": "why it was taken down"},
    "help.post.takedown_date": {
        "fi": "poistopäivä (oletus tänään): 14.6.2027",
        "en": "the day it was taken down (default today): 2027-06-14",
    },
    "help.post.copy_account": {"fi": "tili, jolle kopio tehdään", "en": "the account the copy is for"},
    "help.cmd.crisis": {
        "fi": "kriisitauko: tavalliset julkaisut tauolle",
        "en": "crisis hold: ordinary posts paused",
    },
    "help.cmd.crisis.long": {
        "fi": "Kriisitauon aikana valmiit ja ajastetut julkaisut, jotka eivät ole kriisiviestintää tai "
        "tiedotteita, saavat virheen post.crisis_hold: tarkistus listaa juuri ne, jotka on keskeytettävä.",
        "en": "While a crisis hold is on, ready and scheduled posts that are neither crisis posts nor "
        "announcements fail post.crisis_hold: a check lists exactly those to pause.",
    },
    "help.cmd.crisis_start": {
        "fi": "aloita kriisitauko (pääkäyttäjät; kaikki tilit, ellei tilejä anneta)",
        "en": "start a crisis hold (admins; every account unless accounts are given)",
    },
    "help.cmd.crisis_end": {"fi": "lopeta kriisitauko (pääkäyttäjät)", "en": "end the crisis hold (admins)"},
    "help.cmd.crisis_status": {
        "fi": "onko kriisitauko päällä, ja keskeytettävät julkaisut ajan mukaan",
        "en": "whether a crisis hold is on, and the posts to pause by time",
    },
    "help.crisis.reason": {"fi": "tauon syy", "en": "why the hold is on"},
    "help.crisis.account": {"fi": "tilit, joita tauko koskee", "en": "the accounts the hold is on"},
    # The app.
    "ui.not_scheduled": {
        "fi": "Ei voi ajastaa: {count} {count|virhe|virhettä} – {rules}.",
        "en": "Cannot schedule: {count} {count|error|errors} – {rules}.",
    },
    "ui.publish_title": {"fi": "Julkaistu: {post} «{label}»", "en": "Published: {post} “{label}”"},
    "ui.publish_confirm": {"fi": "Kirjaa julkaistuksi", "en": "Record published"},
    "ui.cancel_confirm": {"fi": "Peru julkaisu", "en": "Cancel the post"},
    "ui.takedown_confirm": {"fi": "Kirjaa poistetuksi", "en": "Record taken down"},
    "ui.back": {"fi": "Takaisin", "en": "Back"},
    "ui.cancel_title": {"fi": "Peru {post} «{label}»", "en": "Cancel {post} “{label}”"},
    "ui.takedown_title": {
        "fi": "Poistettu kanavalta: {post} «{label}»",
        "en": "Taken down: {post} “{label}”",
    },
    "ui.move_title": {"fi": "Uusi aika: {post} «{label}»", "en": "New time: {post} “{label}”"},
    "ui.field.reason": {"fi": "Syy", "en": "Reason"},
    "ui.field.published_url": {"fi": "Osoite", "en": "Address"},
    "ui.field.published_at": {"fi": "Julkaistu", "en": "Published"},
    "ui.copy_to": {"fi": "Kopioi {post} tilille:", "en": "Copy {post} to the account:"},
    "ui.copied": {
        "fi": "{post} kopioitu tilille {account}: {copy}.",
        "en": "{post} copied to {account}: {copy}.",
    },
    "ui.moved": {"fi": "{post} siirretty: {at}.", "en": "{post} moved to {at}."},
    "ui.moved_draft": {
        "fi": "{post} siirretty: {at}. Tarkistukset eivät mene siellä läpi, joten se on taas luonnos.",
        "en": "{post} moved to {at}. Its checks fail there, so it is a draft again.",
    },
    "ui.past_due": {
        "fi": "{post} ({status}) piti julkaista {at}. Mitä tapahtui?",
        "en": "{post} ({status}) was due on {at}. What happened?",
    },
    "ui.past_due.publish": {"fi": "Se julkaistiin (osoite)", "en": "It was published (address)"},
    "ui.past_due.move": {"fi": "Uusi aika", "en": "A new time"},
    "ui.past_due.cancel": {"fi": "Peru se", "en": "Cancel it"},
    "ui.past_due.open": {"fi": "Avaa muokattavaksi", "en": "Open it in the editor"},
    "ui.no_post_selected": {"fi": "Valitse ensin julkaisu.", "en": "Choose a post first."},
    "ui.approved_by": {"fi": "hyväksynyt {user} {at}", "en": "approved by {user} on {at}"},
    "ui.taken_down_on": {"fi": "poistettu kanavalta {day}", "en": "taken down on {day}"},
    "ui.held": {"fi": "tauolla", "en": "on hold"},
    "ui.crisis_title": {"fi": "Kriisitauko", "en": "Crisis hold"},
    "ui.crisis_none": {
        "fi": "Kriisitauko ei ole päällä. Pääkäyttäjä aloittaa sen näppäimellä s.",
        "en": "No crisis hold is on. An admin starts one with s.",
    },
    "ui.hold_line": {
        "fi": "aloitti {by} {since} · {accounts}",
        "en": "started by {by} on {since} · {accounts}",
    },
    "ui.hold_title": {"fi": "Aloita kriisitauko", "en": "Start a crisis hold"},
    "ui.hold_accounts": {
        "fi": "Tilit (ei valintaa: kaikki tilit)",
        "en": "Accounts (none ticked: every account)",
    },
    "ui.hold_started": {
        "fi": "Kriisitauko alkoi: {reason}. Tavalliset julkaisut ovat tauolla.",
        "en": "Crisis hold on: {reason}. Ordinary posts are paused.",
    },
    "ui.hold_end_ask": {"fi": "Lopetetaanko kriisitauko?", "en": "End the crisis hold?"},
    "ui.hold_end_yes": {"fi": "Kyllä, lopeta", "en": "Yes, end it"},
    "ui.crisis_banner": {
        "fi": "KRIISITAUKO (! näyttää keskeytettävät): {reason} ({by} {since})",
        "en": "CRISIS HOLD (! shows the posts to pause): {reason} ({by}, {since})",
    },
    "ui.held_col.time": {"fi": "Aika", "en": "Time"},
    "ui.held_col.account": {"fi": "Tili", "en": "Account"},
    "ui.held_col.status": {"fi": "Tila", "en": "Status"},
    "ui.held_col.kind": {"fi": "Laji", "en": "Kind"},
    "ui.held_col.post": {"fi": "Julkaisu", "en": "Post"},
    "ui.takedown_hint": {
        "fi": "Julkaistut, joissa kuva on: poista ne kanavalta ja merkitse kukin Enterillä.",
        "en": "Published with the photo: remove each from the channel and mark it with Enter.",
    },
    "ui.takedown_consent": {"fi": "Kuvauslupa {consent} peruttu", "en": "Consent {consent} withdrawn"},
    "ui.hold_end_no": {"fi": "Ei, tauko jatkuu", "en": "No, keep it on"},
    "ui.moved_held": {
        "fi": "{post} siirretty: {at}. Kriisitauko on yhä päällä, joten se on luonnos: merkitse se "
        "valmiiksi, kun tauko on ohi.",
        "en": "{post} moved to {at}. The crisis hold is still on, so it is a draft: mark it ready when "
        "the hold is over.",
    },
}
