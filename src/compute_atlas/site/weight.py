"""How heavy the built site is: its total size and its largest HTML page, against the page budget. The bench
prints these figures; a site test holds every page to the budget."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

#: No HTML page of the site may weigh more than this (its own markup; shared scripts, styles and a chart's data
#: are separate files a browser caches or loads when it draws the chart).
PAGE_MAX_BYTES = 500_000


@dataclass(frozen=True)
class Weight:
    total_bytes: int
    pages: int
    largest_page: str
    largest_bytes: int
    over_budget: tuple[tuple[str, int], ...]


def weigh(site: Path) -> Weight:
    """The site's weight: every file, and each HTML page against ``PAGE_MAX_BYTES``."""
    files = [p for p in site.rglob("*") if p.is_file()]
    pages = {p.relative_to(site).as_posix(): p.stat().st_size for p in files if p.suffix == ".html"}
    largest = max(pages, key=pages.get)
    return Weight(total_bytes=sum(p.stat().st_size for p in files), pages=len(pages), largest_page=largest,
                  largest_bytes=pages[largest],
                  over_budget=tuple(sorted((n, b) for n, b in pages.items() if b > PAGE_MAX_BYTES)))
