"""The offline Vega bundle: Vega, Vega-Lite and vega-embed served by the site itself, never a CDN."""

from __future__ import annotations

from pathlib import Path

from .layout import BUNDLE
from .pages import write_if_changed


def vega_bundle() -> str:
    """Vega, Vega-Lite and vega-embed as one script, served by the site itself.
    Wrapped in a function scope so that its top-level names cannot clash with
    the theme's scripts; it exports window.vegaEmbed."""
    import vl_convert

    return "/* vega, vega-lite, vega-embed: bundled by vl-convert " + vl_convert.__version__ + " */\n" \
        "(function () {\n" + vl_convert.javascript_bundle() + "\n})();\n"


def write_bundle(srcdir: Path) -> None:
    """Write the bundle into the source folder unless it is there for this vl-convert version."""
    import vl_convert

    bundle = srcdir / BUNDLE
    if not bundle.exists() or vl_convert.__version__ not in bundle.read_text(encoding="utf-8")[:200]:
        write_if_changed(bundle, vega_bundle())
