"""What an auditor prints or saves as a PDF for the archive, converted as they would: the XLSX
checklist by LibreOffice, the register's HTML by Chromium, read back with pdftotext. The posts
sheet (33 columns) was fitted to one page width at about 5 %, and the register's HTML lost 13 of
its 27 columns past the edge of an A4 page."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import Run

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PDFTOTEXT = shutil.which("pdftotext")
pytestmark = pytest.mark.skipif(
    PDFTOTEXT is None, reason="no pdftotext (.ci/run installs Debian's poppler-utils)"
)


def pages(pdf: Path) -> list[str]:
    text = subprocess.run(
        [str(PDFTOTEXT), "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return text.stdout.split("\f")[:-1]


@pytest.fixture
def demo(tmp_path: Path, run: Run) -> Path:
    root = tmp_path / "demo"
    run("init", str(root), "--demo", check=0)
    return root


@pytest.mark.skipif(SOFFICE is None, reason="no LibreOffice (.ci/run installs Debian's libreoffice-calc)")
def test_the_xlsx_checklist_prints_readable_pages_with_every_column(
    demo: Path, tmp_path: Path, run: Run
) -> None:
    book = tmp_path / "tarkistus.xlsx"
    run(
        "export",
        "checklist",
        "--format",
        "xlsx",
        "--data",
        str(demo),
        "--user",
        "tarja",
        "-o",
        str(book),
        check=0,
    )
    sheets = load_workbook(book)
    posts = next(s for s in sheets.worksheets if s.max_column > 20)
    assert posts.page_setup.orientation == "landscape" and posts.page_setup.paperSize == 9
    assert not posts.sheet_properties.pageSetUpPr.fitToPage and posts.page_setup.scale == 75
    assert posts.print_title_rows == "$1:$1" and posts.print_title_cols == "$A:$B"
    header = [cell.value for cell in posts[1]]
    subprocess.run(
        [str(SOFFICE), "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(book)],
        capture_output=True,
        check=True,
        timeout=180,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    printed = pages(tmp_path / "tarkistus.pdf")
    text = "\n".join(printed)
    # Every column's heading is on some page (the wide ones wrap over two lines), and the post
    # columns repeat on each page across.
    for heading in header:
        assert str(heading).split()[0] in text, heading
    across = [page for page in printed if "Evidence" in page or "Todiste" in page]
    assert across and all("p-demo-" in page for page in across)
    assert len(printed) > 8  # the posts sheet alone takes pages of its own, not one unreadable strip


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium (.ci/run installs Debian's chromium)")
def test_the_register_prints_every_field_of_every_account_on_a4(demo: Path, tmp_path: Path, run: Run) -> None:
    page = tmp_path / "rekisteri.html"
    run(
        "export",
        "register",
        "--format",
        "html",
        "--data",
        str(demo),
        "--user",
        "tarja",
        "-o",
        str(page),
        check=0,
    )
    pdf = tmp_path / "rekisteri.pdf"
    subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=False,  # Chromium's exit code tells nothing here: the PDF is what counts
    )
    printed = pages(pdf)
    text = "\n".join(printed)
    accounts = text.count("Platform") or text.count("Alusta")
    assert accounts == 7  # each account a card of its own
    for label in ("Days since password", "Listed on website", "Findings", "Login e-mail", "Deputies"):
        assert text.count(label) == accounts, label
    assert printed[0].strip(), "the first page is not left blank"


def test_the_results_report_prints_an_account_to_a_page_and_its_workbook_on_one_page_width(
    demo: Path, tmp_path: Path, run: Run
) -> None:
    page = tmp_path / "tulokset.html"
    run("report", "--format", "html", "--lang", "fi", "--data", str(demo), "-o", str(page), check=0)
    pdf = tmp_path / "tulokset.pdf"
    subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=False,
    )
    printed = pages(pdf)
    assert len(printed) == 7  # the demo's seven accounts, one to a page
    assert all("Julkaisut viikoittain" in text for text in printed)  # each page has its charts
    if SOFFICE is None:
        return
    book = tmp_path / "tulokset.xlsx"
    run("report", "--format", "xlsx", "--lang", "fi", "--data", str(demo), "-o", str(book), check=0)
    subprocess.run(
        [str(SOFFICE), "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(book)],
        capture_output=True,
        timeout=180,
        check=True,
    )
    sheets = pages(tmp_path / "tulokset.pdf")
    assert len(sheets) == 3  # the accounts, the goals and the chart: no column spilled onto a page of its own
    assert "facebook-jarvelan-kaupunki" in sheets[0] and "Häirintä" in sheets[0]
