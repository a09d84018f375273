"""`python3 -m planner.setup_dev`: a working planner in `.venv` of the checkout, from nothing but python3.

Debian's and Ubuntu's system Python refuses `pip install` (PEP 668, externally managed) and, without
the python3-venv package, has no `ensurepip` to give a new environment its pip. So this makes
`.venv` with the standard library's `venv` (with pip when ensurepip is there; else without it, and
then fetches pip's wheel from the package index and lets it install itself), and installs the
planner into it, editable, with its test tools. Only the standard library is used. Run it again at
any time: an existing `.venv` is reused.

Afterwards: `.venv/bin/planner --demo` opens the app; `.venv/bin/python -m pytest` runs the tests.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import urllib.request
import venv
from pathlib import Path
from urllib.parse import urljoin

INDEX = os.environ.get("PIP_INDEX_URL", "https://pypi.org/simple").rstrip("/")


def _python(env: Path) -> Path:
    return env / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def _has_pip(python: Path) -> bool:
    done = subprocess.run([str(python), "-m", "pip", "--version"], capture_output=True)
    return done.returncode == 0


def _make_env(env: Path) -> Path:
    python = _python(env)
    if python.exists() and subprocess.run([str(python), "-c", "pass"]).returncode == 0:
        return python
    try:
        import ensurepip  # noqa: F401  # missing on Debian without python3-venv
    except ImportError:
        with_pip = False
    else:
        with_pip = os.environ.get("PLANNER_SETUP_WITHOUT_ENSUREPIP") is None
    print(f"Making {env} ({'with' if with_pip else 'without'} ensurepip)", flush=True)
    venv.EnvBuilder(with_pip=with_pip, clear=True).create(env)
    return python


def _pip_wheel() -> Path:
    """pip's newest wheel, fetched from the index's JSON API (the address pip itself would use)."""
    base = INDEX.removesuffix("/simple")
    api = f"{base}/pypi/pip/json"
    with urllib.request.urlopen(api, timeout=60) as answer:  # noqa: S310  # the package index, https
        release = json.load(answer)
    wheel = next(f for f in release["urls"] if f["filename"].endswith("py3-none-any.whl"))
    url = urljoin(api, str(wheel["url"]))
    name = str(wheel["filename"])
    target = Path(tempfile.mkdtemp(prefix="planner-setup-")) / name
    print(f"Fetching {name}", flush=True)
    with urllib.request.urlopen(url, timeout=120) as answer:  # noqa: S310
        target.write_bytes(answer.read())
    return target


def main() -> int:
    root = Path(__file__).resolve().parents[1]
    if not (root / "pyproject.toml").exists():
        print("planner.setup_dev: run it in a checkout (pyproject.toml not found)", file=sys.stderr)
        return 2
    env = root / ".venv"
    python = _make_env(env)
    if not _has_pip(python):
        wheel = _pip_wheel()
        subprocess.run([str(python), f"{wheel}/pip", "install", "--quiet", str(wheel)], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "-e", f"{root}[test]"], check=True)
    # pip compiles what it installs, but an editable checkout only as it is imported, and never
    # under PYTHONDONTWRITEBYTECODE: then every command would compile the planner's 180 modules
    # again (about 0.1 s of every command, measured on this machine).
    # The same for what pip installed under that setting: it then compiles nothing it installs.
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    for folder in (str(root / "planner"), site):
        subprocess.run([str(python), "-m", "compileall", "-q", "-j", "0", folder], capture_output=True)
    bin_dir = "Scripts" if os.name == "nt" else "bin"
    print(f"Ready. The demo: .venv/{bin_dir}/planner --demo · the tests: .venv/{bin_dir}/python -m pytest")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
