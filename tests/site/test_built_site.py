"""Static checks of the built site: links resolve, every page has the policy, nothing external."""

from __future__ import annotations

import os
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
SITE = Path(os.environ.get("ATI_SITE_DIR", ROOT / "site"))
PAGES = sorted(SITE.rglob("*.html"))


#: <link rel> values the browser actually downloads (canonical/alternate are not fetched).
_FETCHED_RELS = {"stylesheet", "icon", "preload", "modulepreload", "manifest"}


class _Page(HTMLParser):
    """Collect ids, links, resource URLs and the CSP meta of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.resources: list[str] = []
        self.csp: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "a" and "href" in values:
            self.links.append(values["href"])
        fetched = tag != "link" or values.get("rel") in _FETCHED_RELS
        for name in ("src", "href"):
            if name in values and fetched and tag in {"script", "img", "link", "iframe", "source"}:
                self.resources.append(values[name])
        if tag == "meta" and values.get("http-equiv") == "Content-Security-Policy":
            self.csp = values["content"]


def _parse(path: Path) -> _Page:
    parsed = _Page()
    parsed.feed(path.read_text(encoding="utf-8"))
    return parsed


def _target(page: Path, href: str) -> Path:
    link = unquote(urlsplit(href).path)
    base = SITE if link.startswith("/") else page.parent  # the 404 page links from the root
    path = (base / link.lstrip("/")).resolve()
    return path / "index.html" if path.is_dir() else path


@pytest.fixture(scope="module")
def parsed() -> dict[Path, _Page]:
    """Every built page, parsed once."""
    if not PAGES:
        pytest.fail(f"{SITE} is not built: run `make build` (the test command does)")
    return {page: _parse(page) for page in PAGES}


def test_the_guide_and_tools_are_all_built(parsed: dict[Path, _Page]) -> None:
    """Each chapter and tool page of the navigation exists in the output."""
    built = {p.relative_to(SITE).as_posix() for p in parsed}
    for chapter in ("straight-after", "first-24-hours", "feedback", "data-rights", "offer"):
        assert f"guide/{chapter}/index.html" in built
    for tool in ("messages", "log", "planner", "offer-check", "thoughts"):
        assert f"tools/{tool}/index.html" in built


def test_internal_links_and_anchors_resolve(parsed: dict[Path, _Page]) -> None:
    """No internal link points at a missing page or a missing heading."""
    broken = []
    for page, html in parsed.items():
        for href in html.links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
                continue
            target = _target(page, href) if parts.path else page
            if not target.exists():
                broken.append(f"{page.relative_to(SITE)} -> {href}")
            elif parts.fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else _parse(target).ids
                if unquote(parts.fragment) not in ids:
                    broken.append(f"{page.relative_to(SITE)} -> {href} (no such anchor)")
    assert [] == broken


def test_every_page_has_a_strict_policy(parsed: dict[Path, _Page]) -> None:
    """A CSP meta on every page, same-origin only, no unsafe script sources."""
    for page, html in parsed.items():
        assert html.csp is not None, page
        assert "connect-src 'self';" in html.csp
        assert "default-src 'self';" in html.csp
        scripts = re.search(r"script-src ([^;]*)", html.csp)
        assert scripts is not None
        sources = scripts.group(1).split()
        assert {"'unsafe-eval'", "'unsafe-inline'"}.isdisjoint(sources), page
        assert "'wasm-unsafe-eval'" in sources


def test_no_page_loads_anything_from_elsewhere(parsed: dict[Path, _Page]) -> None:
    """Scripts, styles, images and fonts all come from the site itself."""
    external = [
        f"{page.relative_to(SITE)}: {url}"
        for page, html in parsed.items()
        for url in html.resources
        if urlsplit(url).scheme in {"http", "https"} or url.startswith("//")
    ]
    assert [] == external
    css = "".join(p.read_text(encoding="utf-8") for p in SITE.rglob("*.css"))
    assert [] == re.findall(r"@import\s+url\(\s*['\"]?https?://[^)]*\)", css)
    assert [] == re.findall(r"fonts\.(?:googleapis|gstatic)\.com", css)


#: Published text files the reader can open. The theme's bundles (assets/, e.g. lunr's
#: author credit) and the Pyodide runtime's own files are third-party code, not ours.
_TEXT_SUFFIXES = {".html", ".js", ".mjs", ".css", ".json", ".xml", ".txt", ".md"}
_THIRD_PARTY = {"assets", "pyodide"}


def _published_text() -> dict[str, str]:
    """Every published text file, plus the text files inside our package archive, by site path."""
    texts = {
        path.relative_to(SITE).as_posix(): path.read_text(encoding="utf-8", errors="ignore")
        for path in sorted(SITE.rglob("*"))
        if path.suffix in _TEXT_SUFFIXES and path.relative_to(SITE).parts[0] not in _THIRD_PARTY
    }
    for wheel in sorted(SITE.glob("pyodide/*/checklist-*.zip")):
        with zipfile.ZipFile(wheel) as archive:
            for name in archive.namelist():
                if Path(name).suffix in _TEXT_SUFFIXES | {".py"}:
                    texts[f"{wheel.name}/{name}"] = archive.read(name).decode("utf-8", "ignore")
    return texts


#: The crisis lines we publish on purpose, each checked against its service's own page and
#: dated in checklist/data/crisis.yaml: the only numbers allowed on the site.
_CRISIS = frozenset(
    re.findall(
        r"\b0\d{3,4}[ -]?\d{3}[ -]?\d{3,4}\b", (ROOT / "checklist/data/crisis.yaml").read_text()
    )
)
#: Example addresses (RFC 2606 reserved names) shown as a format hint are no one's.
_RESERVED = re.compile(r"@example\.(?:com|org|net)$")
#: What a UK phone number or a real e-mail address looks like in the source material.
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.(?:co\.uk|com|org|net|uk)\b")
_PHONE = re.compile(r"\b0\d{3,4}[ -]?\d{3}[ -]?\d{3,4}\b")


def test_the_contact_check_would_find_a_detail() -> None:
    """The patterns catch a made-up address and number (so the check below can fail)."""
    sample = "Write to someone@example.co.uk or call 0161 496 0000."
    assert (["someone@example.co.uk"], ["0161 496 0000"]) == (
        _EMAIL.findall(sample),
        _PHONE.findall(sample),
    )


def test_the_source_contact_details_are_not_republished(parsed: dict[Path, _Page]) -> None:
    """No phone number or e-mail address in any built page, script, data file or wheel."""
    texts = _published_text()
    assert len(texts) > len(parsed)  # pages, and scripts and the wheel's content too
    assert any(name.endswith("content.json") for name in texts)
    found = {
        name: details
        for name, text in texts.items()
        if (
            details := [
                d
                for d in _EMAIL.findall(text) + _PHONE.findall(text)
                if d not in _CRISIS and not _RESERVED.search(d)
            ]
        )
    }
    assert {} == found


def test_build_hooks_are_not_published() -> None:
    """The build's own Python (hooks) is not copied into the site."""
    if not PAGES:
        pytest.fail(f"{SITE} is not built: run `make build` (the test command does)")
    assert [] == [p.relative_to(SITE).as_posix() for p in SITE.rglob("*.py")]


def test_the_widgets_without_python_are_named_once() -> None:
    """mkdocs.yml names them; every page carries that list for app.js, which names none."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    listed = re.search(r"widgets_without_python: \[([^\]]*)\]", config)
    assert listed
    names = [w.strip() for w in listed[1].split(",")]
    app = (ROOT / "docs" / "javascripts" / "app.js").read_text(encoding="utf-8")
    assert not [name for name in names if f'"{name}"' in app.split("WITHOUT_PYTHON", 1)[1][:400]]
    if not PAGES:
        pytest.fail(f"{SITE} is not built: run `make build` (the test command does)")
    for page in PAGES:
        html = page.read_text(encoding="utf-8")
        meta = re.search(r'<meta name="ati-widgets-without-python" content="([^"]*)">', html)
        assert meta, page
        assert names == meta[1].split(), page


def test_pages_without_python_widgets_do_not_load_the_runtime() -> None:
    """The home page and the privacy page never ask for start.js; a tool page does."""
    home = (SITE / "index.html").read_text(encoding="utf-8")
    privacy = (SITE / "about" / "privacy" / "index.html").read_text(encoding="utf-8")
    tool = (SITE / "tools" / "messages" / "index.html").read_text(encoding="utf-8")
    assert "javascripts/start.js" not in home
    assert "javascripts/start.js" not in privacy
    assert "javascripts/start.js" in tool
