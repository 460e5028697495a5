"""The one-folder build's entry point: the same as the `reviewer` console script."""

import sys

from reviewer.main import main

sys.exit(main())
