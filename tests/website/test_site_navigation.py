"""The site's structure: every lesson, the teacher guide and the glossary are pages, navigation
follows lesson order, and every internal link and asset reference resolves."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from . import lesson_facts as facts

DOCS = ["docs/teacher-guide.html", "docs/glossary.html"]


class _Refs(HTMLParser):
    """The ids and the href/src references of one HTML file."""

    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.refs: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            if name in ("href", "src") and value:
                self.refs.append(value)


def _parse(path: Path) -> _Refs:
    parser = _Refs()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _expected_pages() -> list[str]:
    return [f"notebooks/{p.stem}.html" for p in facts.lessons()] + DOCS


def test_every_lesson_and_doc_is_a_page(built):
    for rel in _expected_pages():
        assert (built.html / rel).is_file(), rel


def test_index_lists_the_pages_in_lesson_order(built):
    index = _parse(built.html / "index.html")
    pages = [r.split("#")[0] for r in index.refs if r.split("#")[0] in _expected_pages()]
    assert list(dict.fromkeys(pages)) == _expected_pages()


def test_previous_and_next_links_follow_lesson_order(pages):
    order = ["index.html", *_expected_pages()]
    for before, rel, after in zip(order, order[1:], order[2:] + [None]):
        page = pages(rel).page
        assert _join(rel, page.locator("a.left-prev").get_attribute("href")) == before, rel
        if after is not None:
            nxt = page.locator("a.right-next").get_attribute("href")
            assert _join(rel, nxt) == after, rel


def _join(page: str, href: str) -> str:
    """The site-relative path of `href` on `page`."""
    parts = (Path(page).parent / urlsplit(href).path).parts
    out: list[str] = []
    for part in parts:
        if part == "..":
            out.pop()
        elif part not in (".", ""):
            out.append(part)
    return "/".join(out)


def test_every_internal_link_resolves(built):
    html_files = [p for p in sorted(built.html.rglob("*.html")) if "_static" not in p.relative_to(built.html).parts]
    parsed = {p: _parse(p) for p in html_files}
    broken = []
    for path, refs in parsed.items():
        for ref in refs.refs:
            parts = urlsplit(ref)
            if parts.scheme or ref.startswith("//"):
                continue  # links to other sites (Binder, sources) are links, not requests
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{path.relative_to(built.html)}: {ref}")
            elif parts.fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else _parse(target).ids
                if unquote(parts.fragment) not in ids:
                    broken.append(f"{path.relative_to(built.html)}: {ref} (no such anchor)")
    assert broken == []


def test_scripts_styles_and_fonts_come_from_the_site(built):
    """No CDN: every script, stylesheet and preloaded file a page names is a relative path."""
    remote = []
    for path in built.html.rglob("*.html"):
        parser = _Assets()
        parser.feed(path.read_text(encoding="utf-8"))
        remote += [f"{path.relative_to(built.html)}: {url}" for url in parser.urls
                   if urlsplit(url).scheme or url.startswith("//")]
    assert remote == []


class _Assets(HTMLParser):
    """The URLs of <script src> and <link href> (stylesheets, icons, preloads)."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and attrs.get("src"):
            self.urls.append(attrs["src"])
        if tag == "link" and attrs.get("href") and attrs.get("rel") != "canonical":
            self.urls.append(attrs["href"])


def test_github_pages_serves_the_underscore_folders(built):
    # without .nojekyll, GitHub Pages drops _static/ and _images/ (Jekyll skips names starting with _)
    assert (built.html / ".nojekyll").is_file()
