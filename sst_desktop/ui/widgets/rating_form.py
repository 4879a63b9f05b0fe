"""An instrument's line items as rating lines, with the total the engine derives (never typed).

The form is complete only when every line is marked; until then no total is shown. Labels are
the organisation's licensed item texts when it has loaded them, else the definition's neutral
labels, in the UI language.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from sst_desktop.instruments import Definition, score_answers
from sst_desktop.instruments.answers import resolve_respondent
from sst_desktop.instruments.schema import Item, Text
from sst_desktop.ui.widgets.rating_line import RatingLine

LINE_CM = 10


class RatingForm(QWidget):
    changed = Signal()  # a mark moved; read ``millimetres()``, ``total()``, ``is_complete``

    def __init__(
        self,
        definition: Definition,
        respondent: str | None = None,
        *,
        age: int | None = None,
        faces: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._definition = definition
        self._respondent = resolve_respondent(definition, respondent)
        self._age = age  # the student's age on the rating date: some norms depend on it
        self._items = definition.items_for(self._respondent)
        self.lines: dict[str, RatingLine] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(12)
        for row, item in enumerate(self._items):
            self._add_row(grid, row, item, faces)
        self.total_label = QLabel()
        self.total_label.setObjectName("ratingTotal")
        self.dpi_note = QLabel()
        self.dpi_note.setWordWrap(True)
        self.dpi_note.setObjectName("ratingDpiNote")
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.total_label)
        layout.addWidget(self.dpi_note)
        layout.addStretch(1)
        self._refresh()

    def _add_row(self, grid: QGridLayout, row: int, item: Item, faces: bool) -> None:
        label = QLabel(_in_ui_language(item.text or item.label))
        line = RatingLine(label.text(), faces=faces)
        line.set_anchors(self.tr("Low"), self.tr("High"))
        label.setBuddy(line)
        # The label's text centred on the line, not on the line and its end words together.
        top = line.line_y() - label.fontMetrics().height() / 2
        label.setContentsMargins(0, max(0, round(top)), 0, 0)
        line.value_changed.connect(lambda _mm: self._refresh())
        grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        grid.addWidget(line, row, 1, Qt.AlignmentFlag.AlignLeft)
        self.lines[item.key] = line

    def millimetres(self) -> dict[str, int | None]:
        return {key: line.value for key, line in self.lines.items()}

    @property
    def is_complete(self) -> bool:
        return all(line.value is not None for line in self.lines.values())

    def total(self) -> Decimal | None:
        """The engine's total in cm (one decimal) once every line is marked, else None."""
        marks = self.millimetres()
        if not self.is_complete:
            return None
        result = score_answers(self._definition, marks, respondent=self._respondent, age=self._age)
        total = result.scores.get("total")
        return total if isinstance(total, Decimal) else None

    def clear(self) -> None:
        """Every mark off: the respondent starts again."""
        for line in self.lines.values():
            line.set_value(None)
        self._refresh()

    def set_locked(self, locked: bool) -> None:
        for line in self.lines.values():
            line.locked = locked

    def _refresh(self) -> None:
        total = self.total()
        maximum = QLocale().toString(len(self.lines) * LINE_CM)
        if total is None:
            text = self.tr("Total: mark every line (of %1)").replace("%1", maximum)
        else:
            shown = QLocale().toString(float(total), "f", 1)
            text = self.tr("Total: %1 of %2").replace("%1", shown).replace("%2", maximum)
        self.total_label.setText(text)
        self._refresh_note()
        self.changed.emit()

    def _refresh_note(self) -> None:
        """Whether the lines can be trusted to be 10 cm depends on the screen shown on."""
        notes = {line.dpi_note() for line in self.lines.values()} - {""}
        self.dpi_note.setText(" ".join(sorted(notes)))
        self.dpi_note.setVisible(bool(notes))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._refresh_note()


def _in_ui_language(text: Text) -> str:
    return text.sv if QLocale().language() == QLocale.Language.Swedish else text.en
