"""Runs one sync of a device database and prints its figures as JSON (the bad-network test
starts this inside a network namespace): ``python -m tests.sync.netns_client DB``."""

from __future__ import annotations

import json
import sys
import time

from kim_desktop.sync.client import Progress, SyncClient
from tests.sync.conftest import local_engine, session_factory


def main(path: str) -> None:
    engine = local_engine(path)  # type: ignore[arg-type]
    started = time.monotonic()
    pushed_at = [0.0]

    def progress(step: Progress) -> None:
        if step.phase == "push":
            pushed_at[0] = time.monotonic() - started

    result = SyncClient(session_factory(engine)).run(progress=progress)
    total = time.monotonic() - started
    print(json.dumps({"pushed": result.pushed, "pulled": result.pulled,
                      "offline": result.offline, "push_seconds": pushed_at[0],
                      "total_seconds": total}))


if __name__ == "__main__":
    main(sys.argv[1])
