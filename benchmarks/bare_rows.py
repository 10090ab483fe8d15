"""The baseline of the `list --json` and `place --json` rows, run as a command:

    python bare_rows.py DB list          the rows `list --json` reads, printed as JSON
    python bare_rows.py DB place ID      the rows `place --json` reads for one assessment

The same rows the commands read, with the standard library's sqlite3 and nothing else.
"""

from __future__ import annotations

import json
import sqlite3
import sys

LIST = """
SELECT a.id, a.uid, s.name, t.name, a.label, a.assessor, a.assessed_on, a.status, a.created,
       a.updated, a.answered, a.questions
FROM assessments a JOIN schools s ON s.id = a.school JOIN trusts t ON t.id = a.trust
ORDER BY a.updated DESC, a.id DESC
"""
PLACE = (
    "SELECT * FROM assessments WHERE id = ?",
    "SELECT q.body FROM questionnaires q JOIN assessments a ON a.questionnaire = q.id "
    "WHERE a.id = ?",
    "SELECT * FROM answers WHERE assessment = ? ORDER BY position",
    "SELECT * FROM referent_notes WHERE assessment = ?",
    "SELECT * FROM targets WHERE assessment = ?",
)


def main(db: str, what: str, *rest: str) -> int:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    if what == "list":
        rows = conn.execute(LIST).fetchall()
    else:
        rows = [row for query in PLACE for row in conn.execute(query, [int(rest[0])])]
    sys.stdout.write(json.dumps(rows, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
