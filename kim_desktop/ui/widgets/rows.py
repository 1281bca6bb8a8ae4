"""Form rows built from declared fields (:mod:`kim_desktop.core.fields`): for each column a
label in the interface language and an editor made for the field's kind, read and written by
column name, so that a form lists its columns and nothing more."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from kim_desktop.core.fields import Field, Kind, declared
from kim_desktop.ui.drafts import DraftKeeper
from kim_desktop.ui.fields import choice_entries, label, shown
from kim_desktop.ui.qt import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    Qt,
    QWidget,
    translate,
)
from kim_desktop.ui.widgets.dates import DateField, MomentField
from kim_desktop.ui.widgets.forms import FormDialog, add_row, field_value
from kim_desktop.ui.widgets.kit import (
    CodeChecks,
    MainCode,
    NumberBox,
    combo,
    missing_text,
    text_edit,
    with_code,
    yes_no_box,
    yes_no_value,
)

#: Catalogs up to this size are ticked in a list; larger ones pick a main code.
CHECKLIST_LIMIT = 20

Entries = Callable[[str], list[tuple[str, str]]]


def editor(spec: Field, value: Any, entries: Entries) -> QWidget:
    """An editor for the field ``spec`` showing ``value``; ``entries(catalog)`` lists a
    catalog's codes and labels (the context's :meth:`entries`)."""
    empty = (translate("widgets", "— bitte wählen —") if spec.pick
             else None if spec.required else "—")
    if spec.kind == Kind.TEXT:
        edit = text_edit(3 if (spec.limit or 0) <= 2000 else 6)
        edit.setPlainText(value or "")
        return edit
    if spec.kind == Kind.DATE:
        return DateField(value, past=spec.past)
    if spec.kind == Kind.MOMENT:
        return MomentField(value, past=spec.past)
    if spec.kind == Kind.CHOICE:
        assert spec.choices is not None
        return with_code(combo(choice_entries(spec.choices), empty=empty), value)
    if spec.kind == Kind.CATALOG:
        return with_code(combo(entries(spec.catalog), empty=empty), value)
    if spec.kind == Kind.CODES:
        codes = list(value or [])
        catalog = entries(spec.catalog)
        if len(catalog) <= CHECKLIST_LIMIT:
            return CodeChecks(catalog, codes)
        return MainCode(catalog, codes, empty="—")
    if spec.kind == Kind.FLAG:
        check = QCheckBox(label(spec.key))
        check.setChecked(bool(value))
        return check
    if spec.kind == Kind.FACT:
        return yes_no_box(value)
    if spec.kind == Kind.NUMBER:
        return NumberBox(value, int(spec.low or 0), int(spec.high or 999_999),
                         optional=not spec.required, unit=spec.unit)
    if spec.kind == Kind.SHARE:
        box = NumberBox(None if value is None else round(float(value) * 100), 0, 100,
                        optional=not spec.required, unit="%")
        box.setSingleStep(10)
        return box
    return QLineEdit(value or "")  # no cut at the limit: too long is said, never dropped


def read(spec: Field, widget: QWidget) -> Any:
    """The value an editor of :func:`editor` holds, as the service takes it (a date field
    that holds no date raises; forms check those first)."""
    if isinstance(widget, DateField):
        return widget.date()
    if isinstance(widget, MomentField):
        return widget.moment()
    if isinstance(widget, CodeChecks):
        return widget.checked()
    if isinstance(widget, MainCode):
        return widget.codes()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if spec.kind == Kind.FACT and isinstance(widget, QComboBox):
        return yes_no_value(widget)
    if isinstance(widget, QComboBox):
        return widget.currentData() or None
    if isinstance(widget, NumberBox):
        number = widget.number()
        if spec.kind == Kind.SHARE and number is not None:
            return number / 100
        return number
    if isinstance(widget, QLineEdit):
        return widget.text()
    return field_value(widget)


class FieldRows:
    """The rows of ``names`` (columns of ``table``) added to ``form``, filled from
    ``values``; :meth:`values` reads them back by column name."""

    def __init__(self, form: QFormLayout, table: str, names: Sequence[str], entries: Entries,
                 values: Mapping[str, Any] | None = None) -> None:
        self.table = table
        self.specs = {name: declared(f"{table}.{name}") for name in names}
        self.editors: dict[str, QWidget] = {}
        for name, spec in self.specs.items():
            widget = editor(spec, (values or {}).get(name), entries)
            if isinstance(widget, QCheckBox):
                form.addRow("", widget)
            else:
                add_row(form, label(spec.key) + ":", widget)
            self.editors[name] = widget

    def __getitem__(self, name: str) -> Any:
        """The editor of ``name``; its type follows the field's kind (see :func:`editor`)."""
        return self.editors[name]

    def value(self, name: str) -> Any:
        return read(self.specs[name], self.editors[name])

    def values(self) -> dict[str, Any]:
        return {name: self.value(name) for name in self.editors}

    def by_key(self) -> dict[str, QWidget]:
        """The editors by field key, for errors that name a field."""
        return {spec.key: self.editors[name] for name, spec in self.specs.items()}

    def widgets(self) -> list[QWidget]:
        return list(self.editors.values())


def missing_or(text: str) -> str:
    """``text``, or "Angabe fehlt" when it is empty."""
    return text or missing_text()


class RecordForm(FormDialog):
    """A form dialog whose rows are declared fields: :meth:`add_fields` adds them, tracks
    them for the unsaved-input guard and lets an error that names one point at it.

    A form that names :attr:`draft_form` (registered with :func:`kim_desktop.ui.drafts.
    reopener`) keeps its input as a draft in the vault until it is saved or discarded."""

    #: The name its drafts are kept and reopened under; empty: it keeps none.
    draft_form = ""

    def __init__(self, title: str, context: Any, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.context = context
        self._tracked: list[QWidget] = []
        self.keeper: DraftKeeper | None = None

    def finish(self) -> None:
        super().finish()
        if self.draft_form:
            self.keeper = DraftKeeper(self)

    def name_save(self, text: str) -> None:
        """Says on the save button which step is recorded: "Abbrechen" next to "Speichern" in
        a dialog about cancelling would leave the user guessing."""
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(text)

    def draft_subject(self) -> dict[str, str]:
        """The record ids the form is opened again with (see :attr:`draft_form`)."""
        return {}

    def client_of_file(self) -> str:
        """The person of the client file the form was opened from ("" outside one)."""
        widget = self.parentWidget()
        while widget is not None:
            client_id = getattr(widget, "client_id", None)
            if isinstance(client_id, str) and client_id:
                return client_id
            widget = widget.parentWidget()
        return ""

    def saved(self) -> None:
        if self.keeper is not None:
            self.keeper.discard()
        super().saved()

    def reject(self) -> None:
        super().reject()
        if self.keeper is not None and not self.isVisible():
            self.keeper.discard()

    def add_fields(self, table: str, names: Sequence[str],
                   values: Mapping[str, Any] | None = None) -> FieldRows:
        rows = FieldRows(self.form, table, names, self.context.entries, values)
        self.field_keys.update(rows.by_key())
        self.also_track(rows.widgets())
        return rows

    def also_track(self, widgets: Sequence[QWidget]) -> None:
        """Adds ``widgets`` to what the unsaved-input guard and the draft cover."""
        self._tracked += widgets
        self.track(self._tracked)


class ShownRows:
    """Read-only rows of declared fields (the client file's): the label and the value as
    text, "—" or ``missing`` when it is empty."""

    def __init__(self, form: QFormLayout, table: str, names: Sequence[str],
                 *, missing: str = "—") -> None:
        self.specs = {name: declared(f"{table}.{name}") for name in names}
        self.missing = missing
        self.values: dict[str, QLabel] = {}
        for name, spec in self.specs.items():
            value = QLabel()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            form.addRow(QLabel(label(spec.key) + ":"), value)  # no buddy: nothing to type
            self.values[name] = value

    def show(self, record: Any, catalog_label: Callable[[str, str], str]) -> None:
        for name, spec in self.specs.items():
            value = getattr(record, name, None)
            text = "" if value is None else shown(spec, value, catalog_label)
            self.values[name].setText(text or self.missing)
            self.values[name].setAccessibleName(f"{label(spec.key)}: {text or self.missing}")
