"""Who the Art. 15 information names as controller and data-protection officer: IT's
provisioning file ([data_protection]), the office's own entries (data_protection.local.json,
written by Einstellungen), and no letter while either is missing."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from kim_desktop.cli import main
from kim_desktop.core import vault_header
from kim_desktop.core.provisioning import ProvisioningError, load_provisioning

PASSWORD = "Lange Nacht im Kreishaus"
PROVISIONING = """
[office]
name = "KIM Rahden"
municipality = "Rahden"

[data_protection]
controller = "Stadt Rahden, Der Bürgermeister, Lange Straße 9, 32369 Rahden"
controller_contact = "kim@rahden.example"
dpo_name = "Behördliche Datenschutzbeauftragte der Stadt Rahden"
dpo_contact = "datenschutz@rahden.example"
"""


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
             capsys: pytest.CaptureFixture[str]) -> Path:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.delenv("KIM_PROVISIONING", raising=False)
    monkeypatch.setattr(vault_header, "DEFAULT_ARGON2",
                        vault_header.Argon2Params(memory_kib=8, iterations=1, lanes=1))
    monkeypatch.setenv("KIM_PASSWORD", PASSWORD)
    folder = tmp_path / "data"
    assert main(["--data-dir", str(folder), "init", "--user", "anna"]) == 0
    assert main(["--data-dir", str(folder), "demo-data", "--clients", "3", "--seed", "2"]) == 0
    capsys.readouterr()
    return folder


def _client(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["--data-dir", str(data_dir), "clients", "--json"]) == 0
    return str(json.loads(capsys.readouterr().out)[0]["id"])


def _pdf(data_dir: Path, capsys: pytest.CaptureFixture[str], out: Path) -> tuple[int, str]:
    code = main(["--data-dir", str(data_dir), "export", "--client", _client(data_dir, capsys),
                 "--format", "pdf", "--out", str(out)])
    return code, capsys.readouterr().err


def _text(pdf: Path) -> str:
    return " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True,
                                   text=True, check=True).stdout.split())


def test_no_letter_while_controller_or_officer_is_missing(
    data_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, err = _pdf(data_dir, capsys, tmp_path / "a.pdf")
    assert code != 0 and "verantwortliche Stelle" in err and "Einstellungen" in err
    assert not (tmp_path / "a.pdf").exists()
    (data_dir / "data_protection.local.json").write_text(
        json.dumps({"controller": "Stadt Rahden"}), encoding="utf-8")
    code, err = _pdf(data_dir, capsys, tmp_path / "a.pdf")
    assert code != 0 and "Datenschutzbeauftragten" in err
    json_out = tmp_path / "a.json"
    assert main(["--data-dir", str(data_dir), "export", "--client", _client(data_dir, capsys),
                 "--format", "json", "--out", str(json_out)]) == 0


def test_the_provisioned_controller_and_officer_are_named(
    data_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch
) -> None:
    provisioning = tmp_path / "provisioning.toml"
    provisioning.write_text(PROVISIONING, encoding="utf-8")
    monkeypatch.setenv("KIM_PROVISIONING", str(provisioning))
    code, err = _pdf(data_dir, capsys, tmp_path / "a.pdf")
    assert code == 0, err
    text = _text(tmp_path / "a.pdf")
    assert "noch nicht eingetragen" not in text
    assert "Stadt Rahden, Der Bürgermeister, Lange Straße 9, 32369 Rahden" in text
    assert "kim@rahden.example" in text
    assert "Behördliche Datenschutzbeauftragte der Stadt Rahden" in text
    assert "datenschutz@rahden.example" in text
    # The office's own entry goes first; what it leaves out stays IT's.
    (data_dir / "data_protection.local.json").write_text(
        json.dumps({"dpo_name": "Frau Beispiel, Datenschutz"}), encoding="utf-8")
    code, err = _pdf(data_dir, capsys, tmp_path / "b.pdf")
    text = _text(tmp_path / "b.pdf")
    assert code == 0 and "Frau Beispiel, Datenschutz" in text
    assert "Behördliche" not in text and "datenschutz@rahden.example" in text


def test_the_provisioning_section_is_checked(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text(PROVISIONING.replace('dpo_contact = "datenschutz@rahden.example"',
                                         "dpo_contact = 5"), encoding="utf-8")
    with pytest.raises(ProvisioningError, match=r"data_protection\.dpo_contact"):
        load_provisioning(path)
    path.write_text(PROVISIONING.replace("dpo_name", "officer"), encoding="utf-8")
    with pytest.raises(ProvisioningError, match="unbekannt"):
        load_provisioning(path)


def test_the_demo_office_writes_its_art15_letter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Reproduced on main: ./dev demo's office named no controller, so its Art. 15 PDF was
    refused until someone entered one."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.delenv("KIM_PROVISIONING", raising=False)
    monkeypatch.setattr(vault_header, "DEFAULT_ARGON2",
                        vault_header.Argon2Params(memory_kib=8, iterations=1, lanes=1))
    from kim_desktop.cli.demo import DEMO_PASSWORD

    monkeypatch.setenv("KIM_PASSWORD", DEMO_PASSWORD)
    folder = tmp_path / "demo"
    assert main(["--data-dir", str(folder), "demo", "--clients", "2", "--no-window"]) == 0
    capsys.readouterr()
    code, err = _pdf(folder, capsys, tmp_path / "demo.pdf")
    assert code == 0, err
    assert "Demo-Stadt, KIM-Büro (erfunden)" in _text(tmp_path / "demo.pdf")
