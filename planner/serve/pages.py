"""The pages `planner serve` draws itself: the sign-in form and the server-is-full page. Plain HTML
with its styles inside and no scripts; nothing of the app is on them."""

from __future__ import annotations

import html

from planner.i18n import t

STYLE = """
body { background: #0c181f; color: #eee; font: 16px/1.5 system-ui, sans-serif; display: flex;
       min-height: 100vh; align-items: center; justify-content: center; margin: 0; }
main { background: #12232d; padding: 2rem 2.5rem; border-radius: 6px; min-width: 18rem; }
h1 { font-size: 1.3rem; margin: 0 0 1rem; }
label { display: block; margin-top: .8rem; }
input { width: 100%; box-sizing: border-box; padding: .45rem; font-size: 1rem; margin-top: .2rem; }
button { margin-top: 1.2rem; padding: .5rem 1.2rem; font-size: 1rem; }
.error { color: #ff9b9b; margin-top: .8rem; }
"""


def _page(title: str, body: str, lang: str) -> str:
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{STYLE}</style></head>"
        f"<body><main>{body}</main></body></html>"
    )


def sign_in(lang: str, organization: str, error: str = "", user: str = "") -> str:
    """The form posting `user` and `password` to /login."""
    title = t("serve.title", lang, org=organization or "Somekalenteri")
    said = f'<p class="error" role="alert">{html.escape(error)}</p>' if error else ""
    body = (
        f"<h1>{html.escape(title)}</h1>"
        '<form method="post" action="/login">'
        f'<label for="user">{html.escape(t("serve.user", lang))}</label>'
        f'<input id="user" name="user" autocomplete="username" required value="{html.escape(user)}">'
        f'<label for="password">{html.escape(t("serve.password", lang))}</label>'
        '<input id="password" name="password" type="password" autocomplete="current-password" required>'
        f"{said}"
        f'<button type="submit">{html.escape(t("serve.sign_in", lang))}</button>'
        "</form>"
    )
    return _page(title, body, lang)


def app_texts(lang: str, organization: str, user: str) -> dict[str, str]:
    """What the app page (templates/app_index.html) says around the terminal, in the server's
    language: who is signed in, the sign-out button, the hint shown while the terminal does not
    have the keys, and the dialog when the app has ended. Jinja escapes each where it is put."""
    return {
        "lang": lang,
        "title": t("serve.title", lang, org=organization or "Somekalenteri"),
        "signed_in": t("serve.signed_in_as", lang, user=user),
        "sign_out": t("serve.sign_out", lang),
        "focus_hint": t("serve.focus_hint", lang),
        "ended": t("serve.app_ended", lang),
        "reopen": t("serve.reopen", lang),
        "starting": t("serve.starting", lang),
    }


def notice(lang: str, key: str, **params: object) -> str:
    """A page that only says something (the server is full, a session ended)."""
    text = t(key, lang, **params)
    again = html.escape(t("serve.again", lang))
    body = f'<h1>Somekalenteri</h1><p>{html.escape(text)}</p><p><a href="/">{again}</a></p>'
    return _page("Somekalenteri", body, lang)
