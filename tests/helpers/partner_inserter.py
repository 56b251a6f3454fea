"""Another member of staff adding partners one by one on the shared server, until told to stop
(tests/test_staff_import_race.py).

Usage: python partner_inserter.py DATABASE_URL STOP_FILE
Saves partners "Loop 1", "Loop 2" … through records.save until STOP_FILE exists, then prints one JSON
line: {"saved": [ids], "errors": [messages]}. Every save is its own operation (its own nextval).
"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))

from twindesk.domain import workspace  # noqa: E402
from twindesk.domain.operations import records  # noqa: E402


def main() -> int:
    url, stop = sys.argv[1], Path(sys.argv[2])
    workspace.open_workspace(url, take_backups=False)
    saved, errors = [], []
    while not stop.exists() and len(saved) < 5000:
        try:
            saved.append(records.save("partner", {"name_en": f"Loop {len(saved) + 1}", "country": "JP"},
                                      user="wang"))
        except Exception as exc:  # noqa: BLE001 - said to the test, which fails on any
            errors.append(f"{type(exc).__name__}: {exc}")
            if len(errors) > 20:
                break
    print(json.dumps({"saved": saved, "errors": errors}), flush=True)
    workspace.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
