"""The same password typed in another Unicode form opens the vault (keys come from its NFKC
form), and a header written before that, from the password as typed, still opens."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from kim_desktop.core import vault_header as headers
from kim_desktop.core.errors import WrongPassword
from kim_desktop.core.vault import Vault

COMPOSED = unicodedata.normalize("NFC", "Wolken ziehen über Lübbecke")
DECOMPOSED = unicodedata.normalize("NFD", COMPOSED)
FULL_WIDTH = "Ｔｅｅ am Abend in Espelkamp"


@pytest.mark.parametrize(("set_as", "typed"), [
    (DECOMPOSED, COMPOSED), (COMPOSED, DECOMPOSED), (FULL_WIDTH, "Tee am Abend in Espelkamp"),
])
def test_a_password_typed_in_another_unicode_form_opens(
    data_dir: Path, set_as: str, typed: str
) -> None:
    assert set_as != typed
    vault, _recovery = Vault.create(data_dir, admin="anna", password=set_as)
    vault.close()
    with Vault.unlock(data_dir, user="anna", password=typed):
        pass


def test_a_header_written_from_the_password_as_typed_still_opens(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The program before normalising: the key came from the password's bytes as typed.
    monkeypatch.setattr(headers, "normalise", lambda password: password)
    vault, _recovery = Vault.create(data_dir, admin="anna", password=DECOMPOSED)
    vault.close()
    monkeypatch.undo()
    with Vault.unlock(data_dir, user="anna", password=DECOMPOSED):
        pass
    with pytest.raises(WrongPassword):
        Vault.unlock(data_dir, user="anna", password=DECOMPOSED + "x")
