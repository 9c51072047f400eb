"""Colours, fonts and sizes: calm, legible from the back of a room, readable on a
washed-out projector.

The console is dark text on white; the shared screen is white on a very dark blue
(or, in high contrast, black on white). Every pair of text and background colours
used here has a contrast ratio of at least 4.5:1 (``contrast_ratio``; tested).
State is never given by colour alone: a word or a sign always goes with it.

Font sizes scale with ``settings.font_scale`` (Ctrl++ / Ctrl+- in the console); the
shared screen sizes its type from its own height.
"""

from __future__ import annotations

import logging
import weakref
from dataclasses import dataclass, fields

from jury_desk.core import resources
from jury_desk.qt.gui import QColor, QFont, QFontDatabase, QGuiApplication, QPalette
from jury_desk.qt.widgets import QApplication, QWidget

log = logging.getLogger(__name__)

FAMILY = "DejaVu Sans"
BASE_POINT_SIZE = 11.0
MIN_SCALE, MAX_SCALE, SCALE_STEP = 0.8, 2.0, 0.1


@dataclass
class ConsoleColours:
    bg: str = "#FFFFFF"
    window: str = "#F2F4F7"
    text: str = "#111418"
    muted: str = "#4F555C"
    border: str = "#8A929C"
    accent: str = "#0B3D91"
    accent_text: str = "#FFFFFF"
    highlight_bg: str = "#DCE8FA"
    ok: str = "#0B6B2C"
    warn_bg: str = "#FFE7A8"
    warn_text: str = "#5E3700"
    error: str = "#A8001C"
    error_bg: str = "#FDE3E6"
    pending_bg: str = "#FFF3CF"
    off_bg: str = "#E2E5EA"
    demo_bg: str = "#5E3700"


@dataclass
class SharedColours:
    bg: str = "#07142E"
    panel: str = "#0F2147"
    text: str = "#FFFFFF"
    muted: str = "#B9C3D6"
    accent: str = "#8CC8FF"
    ok: str = "#7EE2A8"
    warn_bg: str = "#FFC93C"
    warn_text: str = "#07142E"
    over_bg: str = "#C8001E"
    over_text: str = "#FFFFFF"
    banner_bg: str = "#FFC93C"
    banner_text: str = "#07142E"


_HIGH_CONTRAST_CONSOLE = ConsoleColours(
    bg="#FFFFFF",
    window="#FFFFFF",
    text="#000000",
    muted="#2E3338",
    border="#000000",
    accent="#002B73",
    highlight_bg="#C9DCF7",
    ok="#00521F",
    warn_bg="#FFE08A",
    warn_text="#3D2400",
    error="#8A0014",
    pending_bg="#FFEBB0",
    off_bg="#D5D9DF",
)
_HIGH_CONTRAST_SHARED = SharedColours(
    bg="#FFFFFF",
    panel="#EEF1F5",
    text="#000000",
    muted="#2E3338",
    accent="#002B73",
    ok="#00521F",
    warn_bg="#FFC93C",
    warn_text="#000000",
    over_bg="#A8001C",
    over_text="#FFFFFF",
    banner_bg="#000000",
    banner_text="#FFFFFF",
)

C = ConsoleColours()
S = SharedColours()

STATE_COLOURS: dict[str, str] = {}
CELL_BACKGROUNDS: dict[str, str] = {}
CELL_FOREGROUNDS: dict[str, str] = {}


def _refresh_maps() -> None:
    STATE_COLOURS.update(
        {
            "a_venir": C.muted,
            "en_audition": C.accent,
            "entendu": C.warn_text,
            "note": C.ok,
            "incomplet": C.error,
            "invalide": C.error,
        }
    )
    CELL_BACKGROUNDS.update({"pending": C.pending_bg, "error": C.error_bg, "off": C.off_bg})
    CELL_FOREGROUNDS.update(
        {"off": C.muted, "error": C.error, "saved": C.text, "pending": C.warn_text}
    )


_refresh_maps()
high_contrast = False


def set_high_contrast(on: bool) -> None:
    global high_contrast
    high_contrast = on
    src_c = _HIGH_CONTRAST_CONSOLE if on else ConsoleColours()
    src_s = _HIGH_CONTRAST_SHARED if on else SharedColours()
    for f in fields(ConsoleColours):
        setattr(C, f.name, getattr(src_c, f.name))
    for f in fields(SharedColours):
        setattr(S, f.name, getattr(src_s, f.name))
    _refresh_maps()


# --------------------------------------------------------------------------- contrast


def _luminance(hex_colour: str) -> float:
    c = QColor(hex_colour)

    def chan(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * chan(c.redF()) + 0.7152 * chan(c.greenF()) + 0.0722 * chan(c.blueF())


def contrast_ratio(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


# The focus ring (issue 13, item 5): visible from two metres, at least 2 px and 3:1 against
# what surrounds it (the window's background, or a primary button's fill).
FOCUS_WIDTH = 3


def focus_pairs() -> list[tuple[str, str, str]]:
    """(name, ring, background) of every place the focus ring is drawn."""
    return [
        ("focus on the page", C.accent, C.bg),
        ("focus on the window", C.accent, C.window),
        ("focus on a primary button", C.accent_text, C.accent),
    ]


def text_pairs() -> list[tuple[str, str, str]]:
    """(name, foreground, background) of every text colour pair the UI uses."""
    return [
        ("console text", C.text, C.bg),
        ("console muted", C.muted, C.bg),
        ("console muted on window", C.muted, C.window),
        ("console ok", C.ok, C.bg),
        ("console error", C.error, C.bg),
        ("console error cell", C.error, C.error_bg),
        ("console accent", C.accent, C.bg),
        ("console accent button", C.accent_text, C.accent),
        ("console warn", C.warn_text, C.warn_bg),
        ("console pending", C.warn_text, C.pending_bg),
        ("console off", C.muted, C.off_bg),
        ("console selected", C.text, C.highlight_bg),
        ("console demo", "#FFFFFF", C.demo_bg),
        ("console hearing state", C.warn_text, C.bg),
        ("shared text", S.text, S.bg),
        ("shared muted", S.muted, S.bg),
        ("shared panel", S.text, S.panel),
        ("shared muted panel", S.muted, S.panel),
        ("shared ok", S.ok, S.panel),
        ("shared accent", S.accent, S.bg),
        ("shared warning", S.warn_text, S.warn_bg),
        ("shared overtime", S.over_text, S.over_bg),
        ("shared banner", S.banner_text, S.banner_bg),
    ]


# --------------------------------------------------------------------------- applying


_fonts_loaded = False


def load_fonts() -> None:
    """Register the bundled DejaVu fonts (full French accents, same look everywhere)."""
    global _fonts_loaded
    if _fonts_loaded:
        return
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        try:
            path = resources.path("fonts", name)
        except FileNotFoundError:
            continue
        if path.exists() and QFontDatabase.addApplicationFont(str(path)) < 0:
            log.warning("font %s could not be loaded", name)
    _fonts_loaded = True


def console_palette() -> QPalette:
    p = QPalette()
    role = QPalette.ColorRole
    for r, colour in [
        (role.Window, C.window),
        (role.WindowText, C.text),
        (role.Base, C.bg),
        (role.AlternateBase, C.window),
        (role.Text, C.text),
        (role.Button, C.window),
        (role.ButtonText, C.text),
        (role.Highlight, C.accent),
        (role.HighlightedText, C.accent_text),
        (role.ToolTipBase, C.bg),
        (role.ToolTipText, C.text),
        (role.PlaceholderText, C.muted),
        (role.Link, C.accent),
        (role.BrightText, C.error),
        (role.Mid, C.border),
        (role.Dark, C.border),
    ]:
        p.setColor(r, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for r in (role.Text, role.WindowText, role.ButtonText):
        p.setColor(disabled, r, QColor(C.muted))
    return p


def base_font(scale: float = 1.0) -> QFont:
    f = QFont(FAMILY)
    f.setPointSizeF(BASE_POINT_SIZE * clamp_scale(scale))
    return f


def clamp_scale(scale: float) -> float:
    return round(min(MAX_SCALE, max(MIN_SCALE, float(scale or 1.0))), 2)


def apply(app: QApplication, font_scale: float = 1.0, high: bool = False) -> None:
    load_fonts()
    set_high_contrast(high)
    global _current_scale
    _current_scale = clamp_scale(font_scale)
    app.setPalette(console_palette())
    app.setFont(base_font(_current_scale))
    # No application style sheet: under QStyleSheetStyle the console's start cost about
    # 25 ms more, whatever the rules (issue 15). Fusion and a proxy style give the look.
    from jury_desk.ui import console_style

    console_style.install(app)


_scaled: dict[int, tuple[weakref.ref[QWidget], float, bool]] = {}
_current_scale = 1.0


def scaled(widget: QWidget, factor: float = 1.0, bold: bool = False) -> QWidget:
    """Give ``widget`` a font ``factor`` times the base size, following Ctrl++ / Ctrl+-."""
    widget.setFont(_scaled_font(widget, factor, bold))
    _scaled[id(widget)] = (weakref.ref(widget), factor, bold)
    return widget


def current_scale() -> float:
    return _current_scale


def set_font_scale(font_scale: float) -> float:
    """Apply a new scale to the application font and to every widget given by ``scaled``."""
    global _current_scale
    _current_scale = clamp_scale(font_scale)
    app = QGuiApplication.instance()
    if isinstance(app, QApplication):
        app.setFont(base_font(_current_scale))  # reaches every widget already built
    for key, (ref, factor, bold) in list(_scaled.items()):
        w = ref()
        try:
            if w is None:
                raise RuntimeError
            w.setFont(_scaled_font(w, factor, bold))
        except RuntimeError:  # the widget is gone
            _scaled.pop(key, None)
    return _current_scale


def _scaled_font(widget: QWidget, factor: float, bold: bool) -> QFont:
    from jury_desk.ui.console_style import BOLD_ROLES

    f = base_font(_current_scale)
    f.setPointSizeF(f.pointSizeF() * factor)
    f.setBold(bold or widget.objectName() in BOLD_ROLES)
    return f


def is_scaled(widget: QWidget) -> bool:
    entry = _scaled.get(id(widget))
    return entry is not None and entry[0]() is widget


def rescale(widget: QWidget) -> None:
    """The font ``scaled`` gave ``widget``, again (its role's weight may have changed)."""
    entry = _scaled.get(id(widget))
    if entry is not None and entry[0]() is widget:
        widget.setFont(_scaled_font(widget, entry[1], entry[2]))
