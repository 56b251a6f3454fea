from twindesk.cli import main

raise SystemExit(main())
