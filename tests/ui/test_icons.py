"""The toolbar and the window wear our own icons (resources/icons/, drawn for the app)."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from annotator.shipped import resource
from annotator.ui.icons import NAMES, icon

ARABIC = "اندلعت اشتباكات عنيفة في بلدة تل السنابل."
ENGLISH = "Heavy clashes broke out in the town."


def same(shown: QIcon, name: str) -> bool:
    return shown.pixmap(22, 22).toImage() == icon(name).pixmap(22, 22).toImage()


def test_every_icon_is_ours_and_loads(qapp):
    folder = resource("icons")
    assert {path.stem for path in folder.glob("*.svg")} == set(NAMES)
    assert "MIT" in (folder / "LICENSE.md").read_text("utf-8")
    for name in NAMES:
        assert not icon(name).pixmap(22, 22).isNull(), name


def test_the_toolbar_buttons_carry_icons_and_keep_their_words(make_window):
    window = make_window([{"text": ENGLISH}])
    actions = window.menu_actions
    assert same(actions.previous.icon(), "left") and same(actions.next.icon(), "right")
    assert same(actions.review_button.icon(), "review")
    assert actions.review_button.text() == "Review"
    assert same(actions.annotator_button.icon(), "person")


def test_the_arrows_point_the_way_an_arabic_article_reads(make_window):
    window = make_window([{"text": ARABIC}])
    assert same(window.menu_actions.previous.icon(), "right")
    assert same(window.menu_actions.next.icon(), "left")
