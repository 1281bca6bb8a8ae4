"""A full disk is said as such: unlocking, checking and restoring on it used to call the
database or the backup damaged and advise a restore, which would throw away recent work."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from kim_desktop.core.errors import VaultCorrupt, VaultError
from kim_desktop.core.vault import Vault

from .support import PASSWORD, count, fill, snapshot


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 4 MiB file system of its own, to fill up."""
    point = tmp_path / "disk"
    point.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(point)],
                             capture_output=True, text=True, check=False)
    if mounted.returncode != 0:
        pytest.skip(f"no tmpfs can be mounted here: {mounted.stderr.strip()}")
    try:
        yield point
    finally:
        subprocess.run(["umount", "-l", str(point)], check=False)


def _fill_up(disk: Path) -> Path:
    filler = disk / "filler"
    with filler.open("wb") as handle:
        try:
            while True:
                handle.write(bytes(1 << 16))
                handle.flush()
        except OSError:
            pass
    return filler


def test_a_full_disk_is_not_called_damage_and_nothing_is_lost(
    small_disk: Path, tmp_path: Path
) -> None:
    data_dir = small_disk / "data"
    vault, _ = Vault.create(data_dir, admin="anna", password=PASSWORD)
    fill(vault, 20)
    backup = tmp_path / "backup.tar"
    vault.backup(backup)
    vault.close()
    before = snapshot(data_dir)
    filler = _fill_up(small_disk)

    with pytest.raises(VaultError) as unlocking:
        Vault.unlock(data_dir, user="anna", password=PASSWORD)
    assert not isinstance(unlocking.value, VaultCorrupt)
    assert unlocking.value.code == "disk_full"
    assert "kein Platz" in str(unlocking.value) and "Sicherung zurück" not in str(
        unlocking.value).replace("zurückzuspielen hilft dabei nicht", "")

    with pytest.raises(VaultError) as restoring:
        Vault.restore(data_dir, source=backup)
    assert restoring.value.code == "disk_full"
    after = snapshot(data_dir)
    assert {name: after[name] for name in before} == before  # the database and header unchanged

    filler.unlink()
    with Vault.unlock(data_dir, user="anna", password=PASSWORD) as again:
        assert count(again) == 20 and again.check() == []
