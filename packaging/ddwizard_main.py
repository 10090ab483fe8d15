"""The packaged app's entry point: the `ddwizard` executable runs the same `main` as the
`ddwizard` command of a source install."""

from ddwizard.cli import main

raise SystemExit(main())
