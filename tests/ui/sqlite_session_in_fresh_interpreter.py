"""Run by test_ui_quick_start: a second start on a SQLite file, signed in, every preload stage
loaded; prints whether the PostgreSQL driver (psycopg2, libpq) got loaded."""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import main as entry  # noqa: E402
import models.logs  # noqa: E402,F401  (main.main() imports it first, then ui.app)
from ui import app as gui  # noqa: E402

PASSWORD = sys.argv[2]
ask_sign_in = gui.AppController._ask_sign_in
signed_in = gui.AppController._signed_in


def ask_and_type(self, **kwargs):
    ask_sign_in(self, **kwargs)
    self.sign_in.password.setText(PASSWORD)
    self.sign_in.submit()  # Enter at once: signed in as soon as the database is open


def signed_and_wait(self, username):
    signed_in(self, username)
    from PySide6.QtCore import QTimer

    from ui import preload, runner

    def check() -> None:
        if runner.busy() or not all(s.name in preload._loaded for s in preload.STAGES if not s.on_demand):
            QTimer.singleShot(50, check)
            return
        maps = Path("/proc/self/maps")
        print(json.dumps({"psycopg2": sys.modules.get("psycopg2") is not None,
                          "libpq": "libpq" in maps.read_text() if maps.exists() else None,
                          "stages": sorted(preload._loaded)}), flush=True)
        self.window.close()
    QTimer.singleShot(0, check)


gui.AppController._ask_sign_in = ask_and_type
gui.AppController._signed_in = signed_and_wait
sys.exit(entry.main(["--db", sys.argv[1]]))
