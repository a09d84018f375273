"""Finnish and English texts of `planner serve` and `planner login`."""

from __future__ import annotations

SERVE_TEXTS: dict[str, dict[str, str]] = {
    "serve.title": {"fi": "{org} – Somekalenteri", "en": "{org} – Somekalenteri"},
    "serve.user": {"fi": "Tunnus", "en": "User id"},
    "serve.password": {"fi": "Salasana", "en": "Password"},
    "serve.sign_in": {"fi": "Kirjaudu", "en": "Sign in"},
    "serve.wrong": {
        "fi": "Tunnus tai salasana ei kelpaa.",
        "en": "That user id and password do not sign in.",
    },
    "serve.slowed": {
        "fi": "Tunnus tai salasana ei kelpaa. Epäonnistuneita yrityksiä on ollut monta, joten jokainen uusi yritys odottaa hetken.",
        "en": "That user id and password do not sign in. After so many failures, each new try waits a while.",
    },
    "serve.full": {
        "fi": "Palvelin on täynnä: liian monta avointa istuntoa. Sulje jokin välilehti tai yritä hetken päästä.",
        "en": "The server is full: too many open sessions. Close a tab or try again in a moment.",
    },
    "serve.again": {"fi": "Takaisin", "en": "Back"},
    "serve.signed_in_as": {"fi": "Kirjautuneena: {user}", "en": "Signed in: {user}"},
    "serve.sign_out": {"fi": "Kirjaudu ulos", "en": "Sign out"},
    "serve.focus_hint": {
        "fi": "Näppäimet eivät nyt mene kalenterille: napsauta sitä.",
        "en": "Keys are not going to the calendar now: click it.",
    },
    "serve.app_ended": {
        "fi": "Kalenteri on suljettu. Kirjaudu ulos (Enter), jos lopetit.",
        "en": "The calendar is closed. Sign out (Enter) if you are done.",
    },
    "serve.reopen": {"fi": "Avaa uudelleen", "en": "Open again"},
    "serve.starting": {"fi": "Avataan kalenteria…", "en": "Opening the calendar…"},
    "serve.started": {
        "fi": "Somekalenteri palvelee osoitteessa {url} (työtila {root}). Lopeta: Ctrl+C.",
        "en": "Somekalenteri is serving on {url} (workspace {root}). Stop: Ctrl+C.",
    },
    "err.logins_open": {
        "fi": "Kirjautumistiedosto {file} on muiden luettavissa; salli se vain palvelimen käyttäjälle (chmod 600).",
        "en": "The sign-in file {file} can be read by others; let only the server's user read it (chmod 600).",
    },
    "err.logins_damaged": {
        "fi": "Kirjautumistiedosto {file} on vioittunut.",
        "en": "The sign-in file {file} is damaged.",
    },
    "err.logins_locked": {
        "fi": "Kirjautumistiedostoa {file} muutetaan juuri ({holder}); mitään ei tallennettu. Yritä hetken "
        "kuluttua uudelleen.",
        "en": "The sign-in file {file} is being changed ({holder}); nothing was saved. Try again in a moment.",
    },
    "err.password_short": {
        "fi": "Salasanassa on oltava vähintään {count} merkkiä.",
        "en": "A password has at least {count} characters.",
    },
    "err.password_spaces": {
        "fi": "Salasana ei ala eikä lopu välilyöntiin eikä sisällä rivinvaihtoa.",
        "en": "A password does not start or end with a space, nor hold a line break.",
    },
    "err.password_mismatch": {"fi": "Salasanat eivät täsmää.", "en": "The passwords do not match."},
    "err.cannot_listen": {
        "fi": "Osoitteessa {host}:{port} ei voi kuunnella ({reason}). Valitse toinen --port tai --host.",
        "en": "Cannot listen on {host}:{port} ({reason}). Choose another --port or --host.",
    },
    "err.bad_public_url": {
        "fi": "«{value}» ei ole julkinen osoite (https://somekalenteri.kunta.fi).",
        "en": "«{value}» is not a public address (https://planner.town.fi).",
    },
    "err.bad_port": {"fi": "Portti {value} ei ole 1–65535.", "en": "Port {value} is not 1–65535."},
    "refused.login_retired": {
        "fi": "{user} on lähtenyt eikä voi kirjautua.",
        "en": "{user} has left and cannot sign in.",
    },
    "action.login": {"fi": "asettaa muiden salasanoja", "en": "set other people's passwords"},
    "cli.password_prompt": {"fi": "Uusi salasana: ", "en": "New password: "},
    "cli.password_again": {"fi": "Sama uudelleen: ", "en": "Again: "},
    "cli.login_set": {
        "fi": "Henkilön {person} salasana on asetettu.",
        "en": "The password of {person} is set.",
    },
    "cli.login_removed": {
        "fi": "Henkilön {person} salasana on poistettu.",
        "en": "The password of {person} is removed.",
    },
    "cli.login_none": {"fi": "Henkilöllä {person} ei ollut salasanaa.", "en": "{person} had no password."},
    "help.cmd.serve": {
        "fi": "sovellus selaimessa tiimin palvelimelta, kirjautumisen takana",
        "en": "the app in the browser from the team's server, behind a sign-in",
    },
    "help.cmd.serve.long": {
        "fi": "Jokainen kirjautunut välilehti ajaa sovellusta kirjautuneena henkilönä. Kuuntelee vain "
        "osoitetta 127.0.0.1, ellei toisin sanota; https:n kanssa käännä eteen välityspalvelin ja anna --public-url.",
        "en": "Each signed-in tab runs the app as the signed-in person. Listens on 127.0.0.1 only unless "
        "told otherwise; for https put a reverse proxy in front and give --public-url.",
    },
    "help.serve.host": {
        "fi": "kuunneltava osoite (oletus 127.0.0.1)",
        "en": "the address to listen on (default 127.0.0.1)",
    },
    "help.serve.port": {"fi": "portti (oletus 8080)", "en": "the port (default 8080)"},
    "help.serve.public_url": {
        "fi": "osoite, jolla selaimet tulevat (välityspalvelimen https-osoite)",
        "en": "the address browsers come in by (the reverse proxy's https address)",
    },
    "help.serve.trust_header": {
        "fi": "kertakirjautumisen välityspalvelimen otsake, joka nimeää henkilön (vain kun annettu)",
        "en": "the header in which a single sign-on proxy names the person (only when given)",
    },
    "help.serve.uploads": {
        "fi": "kansio palvelimella, josta selaimen käyttäjät voivat ottaa tiedostoja (kuvat, tekstitykset, "
        "luvat, listat); ilman sitä sovellus ei lue palvelimen tiedostoja",
        "en": "a folder on the server that people in the browser may take files from (images, subtitles, "
        "permissions, lists); without it the app reads no file of the server",
    },
    "help.serve.forwarded_for": {
        "fi": "edessä oleva välityspalvelin kertoo selaimen osoitteen X-Forwarded-For-otsakkeessa: "
        "kirjautumisyrityksiä hidastetaan myös osoitteittain",
        "en": "the proxy in front names the browser's address in X-Forwarded-For: failed sign-ins are "
        "slowed per address too",
    },
    "err.uploads_off": {
        "fi": "Palvelimelta ei voi ottaa tiedostoja: sen ylläpitäjä ei ole nimennyt latauskansiota "
        "(planner serve --uploads KANSIO).",
        "en": "No file can be taken from the server: its administrator has named no uploads folder "
        "(planner serve --uploads DIR).",
    },
    "err.outside_uploads": {
        "fi": "«{value}» ei ole tiedosto latauskansiossa {folder} (anna sen nimi kansiossa; linkkejä ei seurata).",
        "en": "«{value}» is not a file in the uploads folder {folder} (give its name inside the folder; "
        "links are not followed).",
    },
    "ui.export_download": {
        "fi": "Tiedosto ladataan selaimeesi.",
        "en": "The file is downloaded to your browser.",
    },
    "ui.export_delivered": {"fi": "Lähetetty selaimeen: {file}", "en": "Sent to the browser: {file}"},
    "help.cmd.login": {
        "fi": "kirjautumissalasanat (planner serve)",
        "en": "sign-in passwords (planner serve)",
    },
    "help.cmd.login_set": {
        "fi": "aseta salasana: kysytään kahdesti päätteellä, muuten yksi rivi syötteestä; pääkäyttäjät tai henkilö itse",
        "en": "set a password: asked twice on a terminal, one line from standard input otherwise; admins or the person themself",
    },
    "help.cmd.login_remove": {"fi": "poista salasana (pääkäyttäjät)", "en": "remove a password (admins)"},
    "help.login.id": {"fi": "henkilön tunniste", "en": "the person's id"},
    "cli.serve_no_logins": {
        "fi": "Kukaan ei voi vielä kirjautua: salasanoja ei ole ({file}). Aseta ne: planner login set TUNNUS",
        "en": "Nobody can sign in yet: no passwords in {file}. Set them: planner login set ID",
    },
}
