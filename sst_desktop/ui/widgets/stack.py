"""A stacked widget as tall as the page it shows, not as its tallest page."""

from __future__ import annotations

from PySide6.QtWidgets import QSizePolicy, QStackedWidget


def fit_stack_to_current(stack: QStackedWidget) -> None:
    """Hidden pages stop counting towards the stack's size hint (Qt sizes a stack by its largest
    page), so a short form is not pushed apart by a long one behind it."""
    ignored = QSizePolicy.Policy.Ignored
    for index in range(stack.count()):
        page = stack.widget(index)
        if index == stack.currentIndex():
            page.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        else:
            page.setSizePolicy(ignored, ignored)
        page.adjustSize()
    stack.adjustSize()
