"""The case-management commands on a real encrypted vault: clients, export, erase, demo-data."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kim_desktop.cli import main
from kim_desktop.core import vault_header
from kim_desktop.core.models import AuditEvent, Case, Client, Consultation
from kim_desktop.core.vault import Vault

PASSWORD = "Lange Nacht im Kreishaus"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
             capsys: pytest.CaptureFixture[str]) -> Path:
    """A vault with 25 demo people; Argon2id at minimum cost to keep the test fast."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setattr(vault_header, "DEFAULT_ARGON2",
                        vault_header.Argon2Params(memory_kib=8, iterations=1, lanes=1))
    monkeypatch.setenv("KIM_PASSWORD", PASSWORD)
    folder = tmp_path / "data"
    assert main(["--data-dir", str(folder), "init", "--user", "anna"]) == 0
    assert main(["--data-dir", str(folder), "demo-data", "--clients", "25", "--seed", "2"]) == 0
    capsys.readouterr()
    (folder / "data_protection.local.json").write_text(json.dumps({
        "controller": "Beispielstadt, Am Markt 1", "dpo_name": "Datenschutz Beispielstadt",
    }), encoding="utf-8")
    return folder


def _run(data_dir: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_clients_lists_and_searches(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(data_dir, capsys, "clients", "--json")
    listed = json.loads(out)
    assert code == 0 and len(listed) == 25
    assert set(listed[0]) == {"id", "name", "municipality", "phase"}
    surname = listed[3]["name"].split(",")[0]
    code, out, _ = _run(data_dir, capsys, "clients", "--search", surname.upper(), "--json")
    assert code == 0 and listed[3]["id"] in [row["id"] for row in json.loads(out)]
    code, _, err = _run(data_dir, capsys, "clients", "--limit", "0")
    assert code == 2 and "--limit" in err


def test_export_holds_every_record_and_raw_files_hold_no_name(
    data_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with Vault.unlock(data_dir, user="anna", password=PASSWORD) as vault, vault.session() as s:
        counts = dict(s.execute(select(Consultation.client_id, func.count())
                                .group_by(Consultation.client_id)).all())
        client = s.get(Client, max(counts, key=lambda k: counts[k]))
        assert client is not None
        client_id, names = client.id, [client.last_name, client.first_name]
    out = tmp_path / "auskunft.json"
    code, _, _ = _run(data_dir, capsys, "export", "--client", client_id, "--format", "json",
                      "--out", str(out))
    data = json.loads(out.read_text(encoding="utf-8"))
    assert code == 0 and data["client"]["last_name"] == names[0]
    assert len(data["consultations"]) == counts[client_id]
    code, _, _ = _run(data_dir, capsys, "export", "--client", client_id, "--format", "pdf",
                      "--out", str(tmp_path / "auskunft.pdf"))
    assert code == 0 and (tmp_path / "auskunft.pdf").read_bytes().startswith(b"%PDF-")
    _run(data_dir, capsys, "export", "--client", client_id, "--format", "json", "--out", str(out))
    access_log = json.loads(out.read_text(encoding="utf-8"))["access_log"]
    assert [e["action"] for e in access_log].count("export") == 2  # the earlier two exports
    for path in data_dir.rglob("*"):
        if path.is_file():
            raw = path.read_bytes()
            for name in names:
                assert name.encode("utf-8") not in raw, path.name


def test_export_speaks_the_programs_language_unless_told(
    data_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _, out, _ = _run(data_dir, capsys, "clients", "--json")
    client_id = json.loads(out)[0]["id"]
    (data_dir / "settings.ini").write_text("[ui]\nlanguage=en\n", encoding="utf-8")
    texts = {}
    for language in ("", "de"):
        pdf = tmp_path / f"auskunft{language}.pdf"
        code, _, err = _run(data_dir, capsys, "export", "--client", client_id, "--format",
                            "pdf", "--out", str(pdf), *(["--language", language] * bool(language)))
        assert code == 0, err
        texts[language] = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True,
                                         text=True, check=True).stdout
    assert "Information under Art. 15 GDPR" in texts[""] and "Auskunft" not in texts[""]
    assert "Auskunft nach Art. 15 DSGVO" in texts["de"]


def test_erase_needs_yes_then_erases_for_good(
    data_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _, out, _ = _run(data_dir, capsys, "clients", "--json")
    client_id = json.loads(out)[0]["id"]
    code, _, err = _run(data_dir, capsys, "erase", "--client", client_id)
    assert code == 2 and "--yes" in err
    archive = tmp_path / "archiv.json"
    code, _, _ = _run(data_dir, capsys, "erase", "--client", client_id, "--yes",
                      "--archive", str(archive))
    assert code == 0 and json.loads(archive.read_text(encoding="utf-8"))["client"]["id"] == (
        client_id)
    _, out, _ = _run(data_dir, capsys, "clients", "--json")
    assert client_id not in [row["id"] for row in json.loads(out)]
    code, _, err = _run(data_dir, capsys, "export", "--client", client_id, "--format", "json",
                        "--out", str(tmp_path / "x.json"))
    assert code == 2 and "gelöscht" in err and not (tmp_path / "x.json").exists()


def test_bad_arguments_are_clear_errors(data_dir: Path, capsys: pytest.CaptureFixture[str],
                                        tmp_path: Path) -> None:
    code, _, err = _run(data_dir, capsys, "export", "--client", "nobody", "--format", "json",
                        "--out", str(tmp_path / "x.json"))
    assert code == 2 and "nicht gefunden" in err
    code, _, err = _run(data_dir, capsys, "export", "--client", "nobody", "--format", "json",
                        "--out", str(tmp_path / "missing" / "x.json"))
    assert code == 2 and "Ordner" in err
    code, _, err = _run(data_dir, capsys, "demo-data", "--clients", "0")
    assert code == 2 and "--clients" in err
    (data_dir / "catalogs").mkdir()
    (data_dir / "catalogs" / "partner_agencies.local.json").write_text("{", encoding="utf-8")
    code, _, err = _run(data_dir, capsys, "clients")
    assert code == 2 and "partner_agencies.local.json" in err


def test_deletion_run_lists_then_erases_with_archives(
    data_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (data_dir / "data_protection.local.json").write_text(
        json.dumps({"retention_years_after_closure": 0, "retention_years_without_case": 0}),
        encoding="utf-8")
    code, out, _ = _run(data_dir, capsys, "deletion-run", "--json")
    due = json.loads(out)
    assert code == 0 and due and {"id", "name", "due_since", "rule", "archive_required"} <= set(
        due[0])
    needing = [c for c in due if c["archive_required"]]
    assert needing and {c["rule"] for c in needing} == {"after_closure"}
    code, out, _ = _run(data_dir, capsys, "deletion-run")
    assert "Fall abgeschlossen am" in out and "Archivkopie verlangt" in out
    code, _, err = _run(data_dir, capsys, "deletion-run", "--erase")
    assert code == 2 and "--yes" in err
    # Reproduced on main: erased everyone, those whose rule requires an archive copy too.
    code, _, err = _run(data_dir, capsys, "deletion-run", "--erase", "--yes")
    assert code == 2 and "Traceback" not in err
    assert f"Für {len(needing)} der fälligen Personen verlangt die Regel" in err
    assert "--archive-dir" in err
    _, out, _ = _run(data_dir, capsys, "deletion-run", "--json")
    assert json.loads(out) == due  # nobody erased
    archive = tmp_path / "archiv"
    archive.mkdir()
    code, _, _ = _run(data_dir, capsys, "deletion-run", "--erase", "--yes", "--archive-dir",
                      str(archive))
    assert code == 0
    assert sorted(p.stem for p in archive.iterdir()) == sorted(c["id"] for c in due)
    with Vault.unlock(data_dir, user="anna", password=PASSWORD) as vault, vault.session() as s:
        archived = s.scalars(select(AuditEvent.record_id).where(
            AuditEvent.action == "export", AuditEvent.detail == "Archivkopie")).all()
    assert sorted(archived) == sorted(c["id"] for c in due)  # on main: not logged
    _, out, _ = _run(data_dir, capsys, "deletion-run", "--json")
    assert json.loads(out) == []


def test_phase_changes_the_open_case_and_shows_the_history(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """On main the phase could be changed by the core's service only, never from the
    command line."""
    _, out, _ = _run(data_dir, capsys, "clients", "--json")
    client = next(row for row in json.loads(out) if row["phase"] == "intake")
    code, out, _ = _run(data_dir, capsys, "phase", "--client", client["id"],
                        "--to", "assessment")
    assert code == 0 and "Einschätzung" in out
    code, _, err = _run(data_dir, capsys, "phase", "--client", client["id"], "--to", "intake")
    assert code == 2 and "Grund" in err  # going back needs a reason, said in German
    code, _, err = _run(data_dir, capsys, "phase", "--client", client["id"], "--to",
                        "monitoring")
    assert code == 2 and "Einschätzung" in err and "Monitoring" in err
    code, out, _ = _run(data_dir, capsys, "phase", "--client", client["id"], "--to", "intake",
                        "--reason", "Neue Lage")
    assert code == 0
    code, out, _ = _run(data_dir, capsys, "phase", "--client", client["id"], "--json")
    steps = json.loads(out)
    assert [s["to"] for s in steps][-2:] == ["assessment", "intake"]
    assert steps[-1]["reason"] == "Neue Lage" and steps[-1]["by"] == "anna"
    code, out, _ = _run(data_dir, capsys, "phase", "--client", client["id"])
    assert "Einschätzung → Klärung  (Neue Lage)" in out
    code, _, err = _run(data_dir, capsys, "phase", "--client", client["id"], "--to",
                        "assessment", "--on", "31.02.2026")
    assert code == 2 and "kein gültiges Datum" in err


def test_phase_names_a_closure_reason_in_words(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A case closed without a note kept the catalog code as the step's reason; phase
    --client printed "(goals_achieved)"."""
    from kim_desktop.core.services import close_case

    with Vault.unlock(data_dir, user="anna", password=PASSWORD) as vault, vault.session() as s:
        case = s.scalars(select(Case).where(Case.closed_on.is_(None)).order_by(Case.id)).first()
        assert case is not None
        client_id = case.client_id
        close_case(s, case_id=case.id, closed_on=dt.date.today(), reason_code="goals_achieved")
    code, out, _ = _run(data_dir, capsys, "phase", "--client", client_id)
    assert code == 0 and "(Ziele erreicht)" in out and "goals_achieved" not in out
    code, out, _ = _run(data_dir, capsys, "phase", "--client", client_id, "--json")
    assert json.loads(out)[-1]["reason"] == "Ziele erreicht"
