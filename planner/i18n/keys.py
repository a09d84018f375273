"""The app's actions in Finnish and English: a short label (`key.<id>`: the footer, the palette's
title) and what it does (`about.<id>`: the help screen, the palette), by binding id (ui/actions.py)."""

from __future__ import annotations


def _pair(
    label_fi: str, label_en: str, about_fi: str, about_en: str
) -> tuple[dict[str, str], dict[str, str]]:
    return {"fi": label_fi, "en": label_en}, {"fi": about_fi, "en": about_en}


_ACTIONS = {
    "help": _pair("Ohje", "Help", "Kaikki näppäimet ja niiden tunnisteet", "Every key and its id"),
    "quit": _pair(
        "Lopeta",
        "Quit",
        "Lopeta (kysyy ensin, jos muutoksia ei ole tallennettu)",
        "Quit (asks first when something is unsaved)",
    ),
    "week-previous": _pair("Edellinen", "Previous", "Edellinen viikko", "The week before"),
    "week-next": _pair("Seuraava", "Next", "Seuraava viikko", "The week after"),
    "week-today": _pair("Tämä viikko", "This week", "Takaisin tälle viikolle", "Back to this week"),
    "week-goto": _pair(
        "Päivä", "Go to", "Siirry päivään (14.6.2027, 14.6.)", "Go to a date (14.6.2027, 14.6.)"
    ),
    "week-filter": _pair(
        "Tilit",
        "Accounts",
        "Näytä kaikki tilit, yksi tili, palvelu tai yksikkö",
        "Show all accounts, one, a platform or a unit",
    ),
    "post-new": _pair("Uusi", "New", "Uusi julkaisu valitulle päivälle", "A new post on the chosen day"),
    "focus-next": _pair("Seuraava julkaisu", "Next post", "Seuraava julkaisu (↓, j)", "The next post (↓, j)"),
    "focus-previous": _pair(
        "Edellinen julkaisu", "Previous post", "Edellinen julkaisu (↑, k)", "The previous post (↑, k)"
    ),
    "post-open": _pair("Avaa", "Open", "Avaa valittu julkaisu", "Open the chosen post"),
    "post-later-day": _pair(
        "Päivä myöhemmin", "A day later", "Siirrä julkaisu päivää myöhemmäksi", "Move the post a day later"
    ),
    "post-earlier-day": _pair(
        "Päivä aiemmin", "A day earlier", "Siirrä julkaisu päivää aiemmaksi", "Move the post a day earlier"
    ),
    "post-later-hour": _pair(
        "Tunti myöhemmin",
        "An hour later",
        "Siirrä julkaisu tuntia myöhemmäksi",
        "Move the post an hour later",
    ),
    "post-earlier-hour": _pair(
        "Tunti aiemmin",
        "An hour earlier",
        "Siirrä julkaisu tuntia aiemmaksi",
        "Move the post an hour earlier",
    ),
    "view-month": _pair("Kuukausi", "Month", "Kuukausinäkymä", "The month grid"),
    "view-agenda": _pair("Lista", "Agenda", "Kaikki julkaisut listana", "Every post as a list"),
    "export-checklist": _pair(
        "Vie",
        "Export",
        "Vie tarkistuslista, kalenteri, tilirekisteri, tulokset tai palaute",
        "Export the checklist, the calendar, the register, the results or the feedback",
    ),
    "view-coverage": _pair(
        "Kattavuus", "Coverage", "Tilit viikoittain: kuka on paikalla", "Accounts by week: who is there"
    ),
    "view-team": _pair("Tiimi", "Team", "Henkilöt, poissaolot ja sijaiset", "People, absences and deputies"),
    "view-library": _pair("Media", "Media", "Mediakirjasto", "The media library"),
    "view-consents": _pair("Luvat", "Consents", "Kuvauslupien rekisteri", "The consent register"),
    "view-accounts": _pair(
        "Tilirekisteri",
        "Register",
        "Tilirekisteri: tilit, niiden hoitajat ja tarkistukset",
        "The account register: accounts, who runs them, their checks",
    ),
    "view-campaigns": _pair(
        "Kampanjat", "Campaigns", "Kampanjat ja niiden julkaisut", "Campaigns and their posts"
    ),
    "view-crisis": _pair(
        "Kriisitauko",
        "Crisis hold",
        "Kriisitauko: pysäytettävät julkaisut",
        "Crisis hold: the posts to pause",
    ),
    "org-edit": _pair(
        "Organisaatio",
        "Organization",
        "Organisaation tiedot (pääkäyttäjä)",
        "The organization's details (admins)",
    ),
    "post-ready": _pair(
        "Valmis",
        "Ready",
        "Merkitse valmiiksi (vain kun tarkistukset läpäistään)",
        "Mark ready (only when the checks pass)",
    ),
    "post-schedule": _pair(
        "Ajastettu",
        "Scheduled",
        "Merkitse ajastetuksi palvelun ajastimeen",
        "Record it as put in the platform's scheduler",
    ),
    "post-publish": _pair(
        "Julkaistu", "Published", "Merkitse julkaistuksi (osoite)", "Record it as published (its address)"
    ),
    "post-cancel": _pair("Peru", "Cancel", "Peru julkaisu (syy)", "Cancel the post (a reason)"),
    "post-reopen": _pair("Avaa uudelleen", "Reopen", "Palauta luonnokseksi", "Back to a draft"),
    "post-takedown": _pair(
        "Poistettu",
        "Taken down",
        "Merkitse poistetuksi kanavasta (syy)",
        "Record it as taken down from the channel (a reason)",
    ),
    "post-copy": _pair(
        "Kopioi", "Copy", "Kopioi toiselle tilille luonnokseksi", "Copy it to another account as a draft"
    ),
    "post-approve": _pair(
        "Hyväksy", "Approve", "Hyväksy toisena silmäparina", "Approve it as the second pair of eyes"
    ),
    "post-save": _pair("Tallenna", "Save", "Tallenna julkaisu", "Save the post"),
    "post-attach": _pair("Liitä", "Attach", "Liitä media kirjastosta", "Attach media from the library"),
    "post-detach": _pair("Irrota", "Detach", "Irrota viimeksi liitetty media", "Remove the last media"),
    "post-alt": _pair(
        "Alt-teksti", "Alt text", "Kirjoita kuvan vaihtoehtoinen teksti", "Write an image's alt text"
    ),
    "post-consent": _pair("Lupa", "Consent", "Liitä kuvaan kuvauslupa", "Link a consent to an image"),
    "editor-back": _pair(
        "Takaisin",
        "Back",
        "Takaisin kalenteriin (kysyy ensin, jos ei tallennettu)",
        "Back to the calendar (asks first when unsaved)",
    ),
    "month-previous": _pair("Edellinen", "Previous", "Edellinen kuukausi", "The month before"),
    "month-next": _pair("Seuraava", "Next", "Seuraava kuukausi", "The month after"),
    "agenda-not-ready": _pair(
        "Keskeneräiset",
        "Not ready",
        "Vain luonnokset ja julkaisut, joissa on virhe (myös valmiiksi merkityt)",
        "Only drafts and posts with an error (those marked ready too)",
    ),
    "agenda-sort": _pair("Järjestys", "Sort", "Vaihda järjestystä", "Change the order"),
    "coverage-earlier": _pair("Aiemmin", "Earlier", "Neljä viikkoa aiemmin", "Four weeks earlier"),
    "coverage-later": _pair("Myöhemmin", "Later", "Neljä viikkoa myöhemmin", "Four weeks later"),
    "coverage-summer": _pair("Kesä", "Summer", "Seuraava kesäkausi", "The next summer season"),
    "coverage-today": _pair(
        "Tästä viikosta", "From this week", "Tästä viikosta eteenpäin", "From this week on"
    ),
    "coverage-goto": _pair("Päivä", "Go to", "Alkaen päivästä", "Starting from a date"),
    "team-new-person": _pair("Uusi henkilö", "New person", "Lisää henkilö", "Add a person"),
    "team-edit-person": _pair("Muokkaa", "Edit", "Muokkaa henkilöä", "Edit a person"),
    "team-retire": _pair(
        "Lähtee", "Retire", "Merkitse lähteneeksi ja siirrä tehtävät", "Retire, handing the duties on"
    ),
    "team-new-absence": _pair("Poissaolo", "Absence", "Lisää poissaolo", "Add an absence"),
    "team-import": _pair("Tuo lista", "Import list", "Tuo HR:n poissaololista", "Import an HR absence list"),
    "team-import-people": _pair(
        "Tuo henkilöt",
        "Import people",
        "Tuo henkilölista taulukosta",
        "Import the list of people from a sheet",
    ),
    "team-deputy": _pair(
        "Sijainen", "Deputy", "Nimeä poissaololle sijainen", "Name the deputy of an absence"
    ),
    "team-remove-absence": _pair("Poista", "Remove", "Poista poissaolo", "Remove an absence"),
    "library-filter": _pair("Suodata", "Filter", "Mitä medioilta puuttuu", "What the assets lack"),
    "library-alt": _pair("Alt-teksti", "Alt text", "Kirjoita vaihtoehtoinen teksti", "Write the alt text"),
    "library-link": _pair("Lupa", "Consent", "Liitä tai irrota kuvauslupa", "Link or unlink a consent"),
    "library-details": _pair(
        "Oikeudet", "Rights", "Henkilöt, oikeudet, lisenssi ja tekijä", "People, rights, licence and credit"
    ),
    "library-subtitles": _pair(
        "Tekstitys", "Subtitles", "Liitä videoon tekstitys", "Attach subtitles to a video"
    ),
    "library-import": _pair("Tuo", "Import", "Tuo tiedosto kirjastoon", "Bring a file into the library"),
    "consent-find": _pair(
        "Hae", "Find", "Hae tunnisteella, nimellä tai laajuudella", "Find by id, name or scope"
    ),
    "consent-new": _pair("Uusi lupa", "New consent", "Kirjaa kuvauslupa", "Record a consent"),
    "consent-withdraw": _pair("Peru lupa", "Withdraw", "Kirjaa luvan peruminen", "Record a withdrawal"),
    "consent-import": _pair(
        "Tuo luvat",
        "Import",
        "Tuo kuvauslupien luettelo taulukosta",
        "Import a register of permissions from a sheet",
    ),
    "account-new": _pair(
        "Uusi tili", "New account", "Lisää tili rekisteriin", "Add an account to the register"
    ),
    "account-edit": _pair("Muokkaa", "Edit", "Muokkaa tiliä", "Edit the account"),
    "account-password": _pair(
        "Salasana",
        "Password",
        "Kirjaa salasana vaihdetuksi tänään",
        "Record the password as changed today",
    ),
    "account-close": _pair(
        "Sulje",
        "Close",
        "Sulje tili (näyttää ensin vaikutukset)",
        "Close the account (shows what it affects first)",
    ),
    "campaign-new": _pair("Uusi kampanja", "New campaign", "Lisää kampanja", "Add a campaign"),
    "view-feedback": _pair(
        "Palaute",
        "Feedback",
        "Palautejono: vastaamatta olevat eräpäivän mukaan",
        "The feedback queue, by due day",
    ),
    "account-goal": _pair(
        "Tavoite", "Goal", "Aseta tilin tavoite (pääkäyttäjät)", "Set the account's goal (admins)"
    ),
    "view-results": _pair(
        "Tulokset", "Results", "Tavoitteet ja tulokset tileittäin", "Each account's goals and results"
    ),
    "view-audit": _pair(
        "Muutosloki",
        "Audit log",
        "Muutosloki: eheys ja rivit, uusin ensin",
        "The audit log: whether it holds, and its lines, newest first",
    ),
    "view-incidents": _pair(
        "Häirintä", "Harassment", "Häirintäloki (luottamuksellinen)", "The harassment log (confidential)"
    ),
    "feedback-new": _pair("Kirjaa", "Log", "Kirjaa saapunut palaute", "Log feedback that came in"),
    "feedback-reply": _pair("Vastattu", "Answered", "Merkitse vastatuksi", "Mark it answered"),
    "feedback-forward": _pair("Välitä", "Forward", "Merkitse välitetyksi", "Mark it handed on"),
    "feedback-close": _pair("Sulje", "Close", "Sulje ilman vastausta", "Close it without an answer"),
    "feedback-reopen": _pair("Avaa", "Reopen", "Avaa käsitelty uudelleen", "Open a handled one again"),
    "feedback-all": _pair("Kaikki", "All", "Näytä myös käsitellyt", "Show the handled ones too"),
    "feedback-harassment": _pair(
        "Häirintää", "Harassment", "Kirjaa häirintätapaukseksi", "Record it as harassment"
    ),
    "feedback-export": _pair(
        "Vie", "Export", "Vie palauteraportti (CSV, JSON, MD, HTML, XLSX)", "Export the feedback report"
    ),
    "feedback-import": _pair(
        "Tuo", "Import", "Tuo palautteet taulukosta (.xlsx, .csv)", "Import feedback from a sheet"
    ),
    "results-export": _pair(
        "Vie", "Export", "Vie tulosraportti (HTML, XLSX, JSON, MD)", "Export the results report"
    ),
    "results-import": _pair(
        "Tuo luvut",
        "Import figures",
        "Tuo julkaisujen luvut palvelun raportista (Meta, YouTube, LinkedIn, X)",
        "Import the posts' figures from a platform's export (Meta, YouTube, LinkedIn, X)",
    ),
    "incident-new": _pair("Kirjaa", "Record", "Kirjaa häirintätapaus", "Record an incident"),
    "incident-action": _pair("Toimenpide", "Action", "Kirjaa toimenpide", "Record an action"),
    "incident-link": _pair("Yhdistä", "Link", "Yhdistä toiseen tapaukseen", "Link to another incident"),
    "incident-close": _pair("Sulje", "Close", "Sulje tapaus", "Close the incident"),
    "incident-export": _pair(
        "Vie",
        "Export",
        "Vie koko loki poliisille tai työsuojeluun (pääkäyttäjät)",
        "Export the whole log for the police or occupational safety (admins)",
    ),
    "campaign-edit": _pair("Muokkaa", "Edit", "Muokkaa kampanjaa", "Edit the campaign"),
    "crisis-start": _pair(
        "Aloita", "Start", "Aloita kriisitauko (pääkäyttäjä)", "Start a crisis hold (admins)"
    ),
    "crisis-end": _pair("Lopeta tauko", "End hold", "Lopeta kriisitauko", "End the crisis hold"),
    "crisis-cancel": _pair("Peru", "Cancel", "Peru valittu julkaisu", "Cancel the chosen post"),
    "crisis-reschedule": _pair(
        "Uusi aika", "New time", "Anna valitulle julkaisulle uusi aika", "Give the chosen post a new time"
    ),
    "guide-organization": _pair(
        "Organisaatio",
        "Organization",
        "Organisaation nimi, verkkosivusto ja aihetunnisteet",
        "The organization's name, website and hashtags",
    ),
    "guide-admin": _pair(
        "Pääkäyttäjä",
        "Admin",
        "Ensimmäinen pääkäyttäjä (tyhjään työtilaan)",
        "The first admin (into an empty workspace)",
    ),
    "guide-team": _pair("Tiimi", "Team", "Henkilöt, roolit ja poissaolot", "People, roles and absences"),
    "guide-accounts": _pair(
        "Tilit", "Accounts", "Tilirekisteri: lisää tilit", "The account register: add accounts"
    ),
    "guide-campaigns": _pair("Kampanjat", "Campaigns", "Kampanjat: lisää kampanja", "Campaigns: add one"),
    "view-week": _pair("Viikko", "Week", "Takaisin viikkonäkymään", "Back to the week"),
    "dialog-cancel": _pair("Peru", "Cancel", "Sulje tallentamatta", "Close without saving"),
    "dialog-save": _pair("Tallenna", "Save", "Tallenna ja sulje", "Save and close"),
    "help-close": _pair("Sulje", "Close", "Sulje ohje", "Close the help"),
    "notice-close": _pair("Sulje", "Close", "Sulje ilmoitus", "Close the notice"),
    "dialog-next": _pair(
        "Seuraava kenttä", "Next field", "Siirry seuraavaan kenttään", "Go to the next field"
    ),
}

SCOPE_TEXTS: dict[str, dict[str, str]] = {
    "ui.scope.app": {"fi": "Kaikkialla", "en": "Everywhere"},
    "ui.scope.week": {"fi": "Viikko", "en": "The week"},
    "ui.scope.daylist": {"fi": "Päivän julkaisut", "en": "A day's posts"},
    "ui.scope.editor": {"fi": "Julkaisun muokkaus", "en": "The post editor"},
    "ui.scope.month": {"fi": "Kuukausi", "en": "The month"},
    "ui.scope.agenda": {"fi": "Lista", "en": "The agenda"},
    "ui.scope.coverage": {"fi": "Kattavuus", "en": "Coverage"},
    "ui.scope.team": {"fi": "Tiimi", "en": "The team"},
    "ui.scope.library": {"fi": "Mediakirjasto", "en": "The media library"},
    "ui.scope.consents": {"fi": "Kuvausluvat", "en": "Consents"},
    "ui.scope.accounts": {"fi": "Tilirekisteri", "en": "The account register"},
    "ui.scope.campaigns": {"fi": "Kampanjat", "en": "Campaigns"},
    "ui.scope.crisis": {"fi": "Kriisitauko", "en": "The crisis hold"},
    "ui.scope.guide": {"fi": "Aloitus", "en": "Getting started"},
    "ui.scope.feedback": {"fi": "Palautejono", "en": "The feedback queue"},
    "ui.scope.incidents": {"fi": "Häirintäloki", "en": "The harassment log"},
    "ui.scope.results": {"fi": "Tulokset", "en": "Results"},
    "ui.scope.dialog": {"fi": "Ikkunat", "en": "Dialogs"},
    "ui.scope.form": {"fi": "Lomakkeet", "en": "Forms"},
    "ui.help_reader": {
        "fi": "Sinulla on lukuoikeus: himmennetyt näppäimet muuttavat jotain, ja ne evätään.",
        "en": "You only read: the dimmed keys change something, and are refused.",
    },
    "ui.date_placeholder": {"fi": "esim. 14.6.2027", "en": "e.g. 2027-06-14"},
    "ui.field.date": {"fi": "Päivä", "en": "Date"},
}

KEY_TEXTS: dict[str, dict[str, str]] = {f"key.{name}": label for name, (label, _) in _ACTIONS.items()}
ABOUT_TEXTS: dict[str, dict[str, str]] = {f"about.{name}": about for name, (_, about) in _ACTIONS.items()}
