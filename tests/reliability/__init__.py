"""Reliability: each file proves promises the README makes (see "Your data" and "Back up and
restore"), from outside, with real files and real processes.

- test_crash.py: promise 1, a process killed at any moment loses nothing it reported saved.
- test_app_and_terminal.py: promise 1 with the app open: commands from a terminal beside the
  running app (list, place, export, import, backup) lose none of its edits, never remove its
  -wal, leave a sound file; restore is refused while the app is open (README, "Back up and
  restore"); also two app windows on one file and a session past the automatic checkpoint.
- test_replaced_outside.py: promise 1 when an import replaces the assessment open in the
  app: the app's next write is refused, it reloads and says so; no stale brief.
- test_backups.py: promise 2, backups are whole, taken before anything risky; restore keeps
  the replaced file.
- test_backups_told_true.py: promise 2 against the clock and other users ("Back up and
  restore"): ordered by what they hold (a restore starts a new generation, so older backups
  never count as newer), a fresh backup never pruned, no link followed (the folder is held
  open while it is written in), only the user's own files that ddwizard made of this
  database offered or pruned, unfinished copies removed once no process owns them, the
  suggested restore command pastes into the shell as it is.
- test_damaged.py: promise 3, damaged, foreign, too new or busy files are reported in words
  naming the way back (the README's damaged and busy messages) and left as they were.
- test_damage_found.py: promise 3 whatever the file's times say: damage is found before any
  write (full integrity_check; a pass remembered only while the file's change time, which
  no program can set back, is unchanged), and a damaged file is never written.
- test_damage_mid_session.py: promise 3 in the app: damage met while working stops every
  write and offers the way back, naming the newest good backup and putting it back.
- test_full_disk.py: promise 4, a full disk or unwritable place fails in words, changing nothing.
- test_concurrency.py: promise 5, several processes on one database each wait their turn.
- test_privacy.py: promise 6, "Your data": owner-only files, no network, nothing interpreted.
- test_other_users.py: promise 6, permissions only ever taken away from others; a database
  its owner made read-only is read, never written, its mode kept.
- test_careful_input.py: promise 6, a bundle checked completely: real dates, each key once,
  text that is text, NFC names, stated text limits; every ID argument answered in words.
- test_migrations.py: promise 7, every earlier release's database opens and is upgraded.
"""
