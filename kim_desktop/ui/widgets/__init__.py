"""The building blocks every screen shares, one kit for every form:

* :mod:`~kim_desktop.ui.widgets.dates`: the one date field, and date with time;
* :mod:`~kim_desktop.ui.widgets.kit`: combos, text, numbers, yes/no/unknown, code lists;
* :mod:`~kim_desktop.ui.widgets.forms`: labelled rows, Alt letters, inline errors, the form
  dialog with its unsaved-input guard and drafts;
* :mod:`~kim_desktop.ui.widgets.rows`: form rows built from declared fields (imported by its
  own path: it reads the domain's declarations, which the unlock screen does not need).
"""

from kim_desktop.ui.widgets.dates import (
    DateField,
    InvalidDate,
    MomentField,
    TimeField,
    date_format,
    parse_date,
)
from kim_desktop.ui.widgets.forms import (
    EmptyState,
    ErrorLabel,
    FormDialog,
    MessageBoxKeys,
    access_keys_in,
    access_keys_of,
    add_row,
    assign_access_keys,
    confirm,
    confirm_discard,
    confirm_saved,
    field_value,
    grow_to_fit,
    name,
    scrolling,
    set_field_value,
    with_access_key,
)
from kim_desktop.ui.widgets.kit import (
    MAX_TEXT,
    CodeChecks,
    FieldsOfAction,
    MainCode,
    NumberBox,
    combo,
    date_edit,
    date_of,
    line_edit,
    minutes_box,
    missing_text,
    moment_edit,
    shrinkable,
    text_edit,
    with_code,
    yes_no_box,
    yes_no_value,
)

__all__ = [
    "MAX_TEXT",
    "CodeChecks",
    "DateField",
    "EmptyState",
    "ErrorLabel",
    "FieldsOfAction",
    "FormDialog",
    "InvalidDate",
    "MainCode",
    "MessageBoxKeys",
    "MomentField",
    "NumberBox",
    "TimeField",
    "access_keys_in",
    "access_keys_of",
    "add_row",
    "assign_access_keys",
    "combo",
    "confirm",
    "confirm_discard",
    "confirm_saved",
    "date_edit",
    "date_format",
    "date_of",
    "field_value",
    "grow_to_fit",
    "line_edit",
    "minutes_box",
    "missing_text",
    "moment_edit",
    "name",
    "parse_date",
    "scrolling",
    "set_field_value",
    "shrinkable",
    "text_edit",
    "with_access_key",
    "with_code",
    "yes_no_box",
    "yes_no_value",
]
