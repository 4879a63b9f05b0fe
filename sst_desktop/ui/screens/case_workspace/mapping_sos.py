"""The Signs of Safety columns of the Mapping tab: what we are worried about (with the danger
statements), what works (with the strengths), what needs to happen (with the safety goals).
Each list adds a line, changes one by double-click and removes one; a line of the other
authority is shown, never changed. The panel asks the tab to write (``request``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.casework import mapping_service
from sst_desktop.casework.context import ServiceContext
from sst_desktop.casework.mapping_dto import ItemView, MappingView
from sst_rules.enums import MappingItemKind

Write = Callable[[ServiceContext], object]
ITEM_ID = Qt.ItemDataRole.UserRole


class ItemList(QWidget):
    """One list of lines: the lines, a field for a new one, Add and Remove."""

    request = Signal(object)  # a Write for the tab to run

    def __init__(self, kind: MappingItemKind, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.kind = kind
        self._mapping_id: str | None = None
        self._texts: dict[str, str] = {}
        self.title = QLabel(f"<b>{title}</b>", self)
        self.list = QListWidget(self)
        self.list.setAccessibleName(title)
        self.list.setWordWrap(True)
        self.list.setMinimumHeight(70)
        self.list.setMaximumHeight(130)
        self.list.itemChanged.connect(self._edited)
        self.list.currentItemChanged.connect(lambda *_a: self._enable())
        self.new = QLineEdit(self)
        self.new.setPlaceholderText(self.tr("A new line"))
        self.new.setAccessibleName(self.tr("A new line in %1").replace("%1", title))
        self.new.returnPressed.connect(self.add)
        self.new.textChanged.connect(lambda _t: self._enable())
        self.add_button = QPushButton(self.tr("Add"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        row = QHBoxLayout()
        row.addWidget(self.new, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.list)
        layout.addLayout(row)
        self._editable = False

    def show_items(self, mapping_id: str | None, items: tuple[ItemView, ...], draft: bool) -> None:
        self._mapping_id, self._editable = mapping_id, draft
        self.list.blockSignals(True)
        self.list.clear()
        self._texts = {}
        for item in items:
            row = QListWidgetItem(item.text, self.list)
            row.setData(ITEM_ID, item.item_id)
            row.setToolTip(item.author_name)
            self._texts[item.item_id] = item.text
            if draft and item.editable:
                row.setFlags(row.flags() | Qt.ItemFlag.ItemIsEditable)
        self.list.blockSignals(False)
        self.new.setVisible(draft)
        self.add_button.setVisible(draft)
        self.remove_button.setVisible(draft)
        self._enable()

    def _enable(self) -> None:
        current = self.list.currentItem()
        self.add_button.setEnabled(self._editable and bool(self.new.text().strip()))
        self.remove_button.setEnabled(
            self._editable
            and current is not None
            and bool(current.flags() & Qt.ItemFlag.ItemIsEditable)
        )

    def add(self) -> None:
        text, mapping_id, kind = self.new.text().strip(), self._mapping_id, self.kind
        if not text or mapping_id is None or not self._editable:
            return
        self.new.clear()
        self.request.emit(lambda s: mapping_service.add_item(s, mapping_id, kind, text))

    def remove(self) -> None:
        current = self.list.currentItem()
        if current is None or not self.remove_button.isEnabled():
            return
        item_id = current.data(ITEM_ID)
        self.request.emit(lambda s: mapping_service.remove_item(s, item_id))

    def _edited(self, row: QListWidgetItem) -> None:
        item_id, text = row.data(ITEM_ID), row.text().strip()
        if not text or text == self._texts.get(item_id):
            return
        self._texts[item_id] = text
        self.request.emit(lambda s: mapping_service.edit_item(s, item_id, text))


class SignsOfSafetyPanel(QGroupBox):
    request = Signal(object)
    make_goals = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Signs of Safety"), parent)
        K = MappingItemKind
        columns = (
            (self.tr("What we are worried about"), K.WORRY, K.DANGER_STATEMENT),
            (self.tr("What works"), K.WORKING_WELL, K.STRENGTH),
            (self.tr("What needs to happen"), K.NEEDS_TO_HAPPEN, K.SAFETY_GOAL),
        )
        titles = {
            K.WORRY: self.tr("Worries"),
            K.DANGER_STATEMENT: self.tr("Danger statements"),
            K.WORKING_WELL: self.tr("What works well"),
            K.STRENGTH: self.tr("Strengths"),
            K.NEEDS_TO_HAPPEN: self.tr("Next steps"),
            K.SAFETY_GOAL: self.tr("Safety goals"),
        }
        self.lists: dict[MappingItemKind, ItemList] = {}
        self.goals_button = QPushButton(self.tr("Make plan &goals…"), self)
        self.goals_button.clicked.connect(self.make_goals)
        row = QHBoxLayout(self)
        for heading, first, second in columns:
            column = QGroupBox(heading, self)
            layout = QVBoxLayout(column)
            for kind in (first, second):
                self.lists[kind] = ItemList(kind, titles[kind], column)
                self.lists[kind].request.connect(self.request)
                layout.addWidget(self.lists[kind])
            if first == K.NEEDS_TO_HAPPEN:
                layout.addWidget(self.goals_button)
            row.addWidget(column, 1)

    def show_view(self, view: MappingView | None) -> None:
        draft = view is not None and view.draft and view.newest
        for kind, item_list in self.lists.items():
            items = view.items_of(kind) if view else ()
            item_list.show_items(view.mapping_id if view else None, items, draft)
        goals = view.items_of(MappingItemKind.NEEDS_TO_HAPPEN) if view else ()
        goals += view.items_of(MappingItemKind.SAFETY_GOAL) if view else ()
        self.goals_button.setEnabled(bool(goals) and view is not None and view.newest)
