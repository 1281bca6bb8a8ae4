"""A program that unlocks a vault, syncs, and locks when told: the subject of
``test_keys_gone_at_lock.py``, which reads its memory in between.

It reads the data folder and the password from stdin, one line each, answers ``unlocked``
after a sync, then waits for ``lock`` and answers ``locked``, then waits for stdin to end.
"""

from __future__ import annotations

import sys
from pathlib import Path

from kim_desktop.core.vault import Vault
from kim_desktop.sync.client import RetryPolicy, SyncClient
from kim_desktop.sync.crypto import forget_keys


def main() -> None:
    data_dir = Path(sys.stdin.readline().strip())
    password = sys.stdin.readline().rstrip("\n")
    user = sys.stdin.readline().strip()
    vault = Vault.unlock(data_dir, user=user, password=password)
    result = SyncClient(vault.session, retry=RetryPolicy(attempts=2, base_delay=0.05)).run()
    assert result.pushed and not result.offline, result
    print("unlocked", flush=True)
    if sys.stdin.readline().strip() != "lock":
        return
    # What the program's lock does (kim_desktop/ui/app.py, AppController.lock).
    vault.lock()
    forget_keys()
    print("locked", flush=True)
    sys.stdin.read()


if __name__ == "__main__":
    main()
