from ddwizard.cli import main

raise SystemExit(main())
